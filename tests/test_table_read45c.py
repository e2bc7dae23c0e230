"""Issue 13, read45c: the twenty-eighth set's prose plan. Items "（一）…" under a part heading, each followed by labelled
paragraphs ("实施项目：…", "实施内容：…", "责任分工：…"); the 责任分工 paragraph is a sentence of clauses, each naming its
offices and what they do ("A负责开展规划编制工作，B组织实施，C配合，D业务检查指导"): the offices are the item's, the
first leads; two offices may share one suffix ("东城、西城片区管理局")."""

from __future__ import annotations

import pytest

from mstrack.sources.table.duty_clauses import duty_cell

from .conftest import convert_written, write_page

# --- 1. a 责任分工 paragraph of duty clauses ---------------------------------------------------------------------------


@pytest.mark.parametrize(("paragraph", "cell"), [
    ("县规划局负责开展规划编制工作，所在乡镇人民政府组织实施，县直有关部门配合，县住建局业务检查指导。",
     "牵头单位：县规划局；责任单位：所在乡镇人民政府、县直有关部门、县住建局"),
    ("由各片区管理局负责，县城投公司组织实施，县住建局等县直部门配合。",
     "牵头单位：各片区管理局；责任单位：县城投公司、县住建局"),
    # close47: "A、B具体负责" names both as leads, the lead's convention for "A、B负责" (was: A alone)
    ("县水务局、县城投公司具体负责，县住建局业务指导，县直部门配合。",
     "牵头单位：县水务局、县城投公司；责任单位：县住建局、县直部门"),
    ("二期项目由县城投公司负责实施，县直有关单位配合。", "牵头单位：县城投公司；责任单位：县直有关单位"),
    ("按照片林规划要求，县林业局负责组织实施，县直有关部门配合，县住建局检查指导。",
     "牵头单位：县林业局；责任单位：县直有关部门、县住建局"),
    ("县规划局负责开展规划编制工作，东城、西城片区管理局组织实施，县直各部门各司其职，协同配合。",
     "牵头单位：县规划局；责任单位：东城片区管理局、西城片区管理局、县直各部门"),
    ("县教育局配合，县财政局牵头。", "牵头单位：县财政局；责任单位：县教育局"),
])
def test_a_paragraph_of_duty_clauses_names_the_offices_first_leading(paragraph, cell):
    assert duty_cell(paragraph) == cell


@pytest.mark.parametrize("paragraph", [
    "县规划局", "加强组织领导，明确责任分工。", "在全面提升农村基础设施的基础上，加强统筹规划。",
    "县规划局负责开展规划编制工作，加强统筹规划，努力打造精品。",
])
def test_a_paragraph_that_is_no_sentence_of_duties_gives_no_cell(paragraph):
    assert duty_cell(paragraph) is None


PLAN = ["县2015年宜居环境建设行动计划实施方案", "三、主要内容及职责分工",
        "（一）建设美丽乡村", "实施项目：3个美丽乡村示范村。", "主要内容：加强统筹规划，分片推进美丽乡村建设。",
        "责任分工：县规划局负责开展规划编制工作，所在乡镇人民政府组织实施，县直有关部门配合，县住建局业务检查指导。",
        "（二）打造城市完整社区", "实施项目：东门社区、城东社区。", "实施内容：打造设施完备的完整社区。",
        "责任分工：县规划局负责开展社区规划编制工作，东城、西城片区管理局组织实施，县住建局业务检查指导。",
        "（三）加快小流域治理项目", "实施项目：5个小流域治理项目。", "实施内容：加强生态护坡建设。",
        "责任分工：二期项目由县城投公司负责实施，县直有关单位配合。",
        "四、保障措施", "（一）加强组织领导。各成员单位加强协作配合。"]


def test_items_with_a_duty_paragraph_are_read_with_their_offices(tmp_path):
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(PLAN) + "\n", year=2015).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("三(一)", "建设美丽乡村"), ("三(二)", "打造城市完整社区"),
                                                  ("三(三)", "加快小流域治理项目")]
    assert [t.lines[0].lead_units for t in tasks] == [["县规划局"], ["县规划局"], ["县城投公司"]]
    assert [sorted(set(t.lines[0].units) - set(t.lines[0].lead_units)) for t in tasks] == [
        sorted(["所在乡镇人民政府", "县直有关部门", "县住建局"]), sorted(["东城片区管理局", "西城片区管理局", "县住建局"]),
        ["县直有关单位"]]


def test_the_same_items_on_a_web_page_are_read_alike(tmp_path):
    write_page(tmp_path / "plan.html", PLAN)
    from mstrack.sources.table import convert_table

    tasks = convert_table(tmp_path / "plan.html", "x", 2015, None).programme.tasks
    assert [t.code for t in tasks] == ["三(一)", "三(二)", "三(三)"]
    assert tasks[1].lines[0].lead_units == ["县规划局"]


# --- 2. a group "（六）" whose numbered parts carry their own labelled paragraphs; numbers jumping; a label over lines --

GROUPED_PLAN = ["县2015年宜居环境建设行动计划实施方案", "三、主要内容及职责分工",
                "（一）建设美丽乡村", "实施项目：", "1、3个美丽乡村示范村：东村、西村、南村；", "2、8个村庄整治。",
                "主要内容：加强统筹规划，分片推进美丽乡村建设。",
                "责任分工：县规划局负责开展规划编制工作，所在乡镇人民政府组织实施，县直有关部门配合。",
                "（二）打造城市完整社区", "实施项目：东门社区、城东社区。",
                "责任分工：县规划局负责开展社区规划编制工作，东城片区管理局组织实施。",
                "（五）市政提升工程",
                "1.排水管网", "实施项目：东路、西路、南路等14条市政道路的污水管网项目。",
                "责任分工：由各片区管理局负责，县城投公司组织实施，县住建局等县直部门配合。",
                "2.燃气管网", "实施项目：新建17条路燃气管网。", "责任分工：由县燃气公司负责，各片区管理局组织实施。",
                "（六）加快小流域治理项目", "实施项目：5个小流域治理项目。",
                "责任分工：县城投公司负责实施，县直有关单位配合。",
                "四、保障措施", "（一）加强组织领导。各成员单位加强协作配合。", "（二）落实资金保障。县财政局统筹资金。"]


def test_a_group_over_numbered_parts_a_jump_in_the_numbers_and_a_label_over_lines(tmp_path):
    write_page(tmp_path / "plan.html", GROUPED_PLAN)
    from mstrack.sources.table import convert_table

    tasks = convert_table(tmp_path / "plan.html", "x", 2015, None).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [
        ("三(一)", "建设美丽乡村"), ("三(二)", "打造城市完整社区"), ("三(五)1", "排水管网"), ("三(五)2", "燃气管网"),
        ("三(六)", "加快小流域治理项目")]
    assert [t.lines[0].lead_units for t in tasks] == [["县规划局"], ["县规划局"], ["各片区管理局"], ["县燃气公司"],
                                                      ["县城投公司"]]
    assert sorted((i.target, i.unit) for i in tasks[0].lines[0].indicators) == [(3, "个"), (8, "个")]
    assert [(i.target, i.unit) for i in tasks[2].lines[0].indicators] == [(14, "条")]


# --- 3. a count closing a long list whose last name ends with a building's "#" ------------------------------------------


@pytest.mark.parametrize(("text", "found"), [
    ("新建如意城G006地块、如意城G002地块8#-22#17条路（区域）燃气管网。", [(17, "条")]),
    ("改造#17楼外立面。", []),
])
def test_a_count_right_after_a_buildings_number_is_read(text, found):
    from mstrack.sources.table.mentions import find_mentions

    assert [(m.value, m.unit) for m in find_mentions(text)] == found
