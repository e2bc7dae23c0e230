"""gate49 (issue 13): the best-effort reading (list_fallback) reads structures it refused whole: the parts "（1）" of
items "1.…方面" inside one group "（二）" of a "(一)" list that reads none of them, coded with their part and group
("二(二)1(1)") as the groups of a "(一)" list are; an item's introduction between it and its parts is no task."""

from __future__ import annotations

from pathlib import Path

import pytest

from mstrack.errors import NoLayoutError
from mstrack.sources.table import convert_table

GROUP_PARTS = [
    "城区文明创建城建设施专项工作方案",
    "一、工作目标",
    "全面提升城区环境水平。",
    "二、任务分工",
    "（一）工作职责",
    "抓好城区主次干道、公共广场的市政设施整治提升工作。",
    "（二）重点任务",
    "1.公共广场管理方面。",
    "（1）路面干净整洁，垃圾清运及时。（牵头处室：建设处）",
    "（2）公共卫生间免费开放，保洁及时。（牵头处室：建设处）",
    "（3）显著位置有不少于1处公益广告。（牵头处室：宣传处）",
    "2.建筑工地管理方面。",
    "建筑工地的环境卫生管理由建设单位负主体责任，管理局负责督促。",
    "（1）施工现场四周设置围墙或围挡。（牵头处室：建设处，配合单位：各项目建设单位）",
    "（2）环境整洁，垃圾清运及时。（牵头处室：建设处）",
    "3.道路设施管理方面。",
    "（1）路面硬化，无明显坑洼不平。（牵头处室：建设处）",
    "（2）道路名称、标牌用字规范。（牵头处室：社会事业处）",
    "三、保障机制",
    "（一）加强组织领导。各处室要高度重视。",
    "（二）抓好责任落实。细化分解各项任务。",
    "（三）广泛宣传引导。适时组织入户宣传。",
]


def written(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "t.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_parts_of_one_group_are_read_coded_with_their_part_and_group(tmp_path):
    """Before: "no header row found" (the gate left them to the "(一)" list, which reads none of them)."""
    conversion = convert_table(written(tmp_path, GROUP_PARTS), "x-2023", 2023)
    tasks = conversion.programme.tasks
    assert [t.code for t in tasks] == ["二(二)1(1)", "二(二)1(2)", "二(二)1(3)", "二(二)2(1)", "二(二)2(2)",
                                      "二(二)3(1)", "二(二)3(2)"]
    assert tasks[0].title.startswith("路面干净整洁")
    assert conversion.best_effort is not None


def test_an_items_introduction_over_its_parts_is_no_task(tmp_path):
    """"2.建筑工地管理方面。" / its introduction / "（1）…": the parts are read, the introduction no task of its own."""
    conversion = convert_table(written(tmp_path, GROUP_PARTS), "x-2023", 2023)
    titles = [t.title for t in conversion.programme.tasks]
    assert not any("主体责任" in title or title.startswith("建筑工地管理") for title in titles)
    assert titles[3].startswith("施工现场四周")


HEADED_LABELLED = [
    "关于下达2024年住房保障工作目标任务的通知",
    "各有关单位：",
    "现将2024年住房保障目标任务分解下达，请各单位认真抓好落实：",
    "一、基本建成目标任务",
    "城东安置小区，共建设棚改安置房500套。责任单位：县城投集团有限公司，配合单位：县住建局。2024年12月底前完成建成目标。",
    "二、公租房分配目标任务",
    "城西公租房原则上2024年底前要完成分配90%；责任单位：县住建局、各乡镇人民政府；配合单位：县财政局、县公安局。",
    "三、其它要求",
    "（一）统一认识。各责任单位务必高度重视，明确专人负责。",
    "（二）加强配合。各有关单位要齐心协力做好住房保障。",
]


def test_two_headed_tasks_each_labelling_its_offices_in_its_paragraph_are_read(tmp_path):
    """Two parts "一、" "二、", each over one paragraph naming its offices by a role's label inside its words: each part's
    one task, coded by it, its words the heading's and the paragraph's, its offices read from the labels. Before: "no
    header row found" (three items needed, and the paragraphs' labels unseen)."""
    conversion = convert_table(written(tmp_path, HEADED_LABELLED), "x-2024", 2024)
    tasks = conversion.programme.tasks
    assert [t.code for t in tasks] == ["一", "二"]
    assert tasks[0].title.startswith("基本建成目标任务城东安置小区")
    assert tasks[0].lines[0].lead_units == ["县城投集团有限公司"]
    assert "县住建局" in tasks[0].lines[0].units
    assert tasks[1].lines[0].lead_units == ["县住建局"] and "县财政局" in tasks[1].lines[0].units
    assert conversion.best_effort is not None


def test_one_headed_labelled_task_is_no_list(tmp_path):
    """One such part alone, the rest requirements: still refused (two are the fewest a list has)."""
    lines = [line for k, line in enumerate(HEADED_LABELLED) if k not in (5, 6)]
    with pytest.raises(NoLayoutError, match="no header row found"):
        convert_table(written(tmp_path, [*lines[:5], "二、其它要求", *lines[6:]]), "x-2024", 2024)


SCHEDULED = [
    "2024年城区道路改造工程进度安排",
    "为加快城区道路改造，现将有关工作进度安排如下：",
    "一、改造内容",
    "（一）主干道改造。改造主干道5条，6月底前完成。（责任单位：县住建局）",
    "（二）背街小巷改造。改造背街小巷20条，9月底前完成。（责任单位：县城管局）",
    "（三）道路照明提升。新增路灯300盏，10月底前完成。（责任单位：县供电公司）",
]
STAFFED_BULLETIN = [
    "关于2024年一季度城区道路改造进度的通报",
    "一、存在问题",
    "（一）主干道改造进度滞后，完成率30%。（责任单位：县住建局）",
    "（二）背街小巷改造尚未开工，计划20条。（责任单位：县城管局）",
    "（三）道路照明提升进度滞后，新增路灯50盏。（责任单位：县供电公司）",
]


def test_items_assigned_to_offices_are_read_whatever_topic_the_title_names(tmp_path):
    """The gate by structure: items of one level that each name their offices by role, a date or a figure beside, are
    a 分工 whatever words the title or the line above use ("进度安排" names progress); before: "no header row found"."""
    conversion = convert_table(written(tmp_path, SCHEDULED), "x-2024", 2024)
    tasks = conversion.programme.tasks
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)"]
    assert tasks[2].lines[0].lead_units == ["县供电公司"]
    assert conversion.best_effort is not None


def test_items_assigned_to_offices_under_a_title_naming_no_plan_are_refused(tmp_path):
    """The title names a kind of document that is no plan (a 通报): refused, however its items are laid out."""
    with pytest.raises(NoLayoutError, match="no header row found"):
        convert_table(written(tmp_path, STAFFED_BULLETIN), "x-2024", 2024)
