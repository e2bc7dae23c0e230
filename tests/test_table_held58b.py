"""Issue 13, held58b: a 任务分解表 of units as rows and indicators as columns (each unit's share of the targets, its
rates beside its counts, the whole's row under them), and a 预案's group duties numbered "1．X职责。由Y牵头，…", each read
by its structure on a small table or text of its own."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.errors import NoLayoutError
from mstrack.sources.table import convert_table
from mstrack.sources.table.mentions import find_mentions

from .conftest import text_tasks
from .test_table_layouts import indicators, page_tasks

SHARES = ['<td rowspan="2">序号</td><td rowspan="2">单位</td><td rowspan="2">人口数（人）</td>'
          '<td colspan="2">电子档案</td><td colspan="3">高血压管理</td>',
          "<td>年度<br>建档率</td><td>年度任务数（人）</td><td>年度健康管理任务数（人）</td><td>年度规范管理任务数（人）</td>"
          "<td>规范<br>管理率</td>",
          "<td>1</td><td>甲镇卫生院</td><td>1000</td><td>75%</td><td>750</td><td>55</td><td>33</td><td>60%</td>",
          "<td>2</td><td>乙镇卫生院</td><td>2000</td><td>75%</td><td>1500</td><td>110</td><td>66</td><td>60%</td>",
          "<td>3</td><td>某区</td><td>3000</td><td>75%</td><td>2250</td><td>165</td><td>99</td><td>60%</td>",
          '<td colspan="8">备注：电子档案任务人数＝常住人口数*年度建档率。</td>']


def test_each_units_rates_are_targets_beside_its_counts_and_the_summed_row_is_no_unit(tmp_path):
    """Units as rows, indicators as columns under a two-row header: a unit's rate (年度建档率 75%) is a target of its
    own as its counts are; the last row, every count the sum of the rows above, is the whole's (no unit's task)
    though it is numbered and named as a unit is."""
    tasks = page_tasks(tmp_path / "t.html", SHARES)
    assert [(t.code, t.title) for t in tasks] == [("1", "甲镇卫生院"), ("2", "乙镇卫生院")]
    assert sorted((i[1], i[2]) for i in indicators(tasks[0])) == [("%", 60), ("%", 75), ("人", 33), ("人", 55), ("人", 750)]
    assert [i[0] for i in indicators(tasks[1]) if i[1] == "%"] == ["电子档案/年度建档率", "高血压管理/规范管理率"]


def test_the_summed_row_is_found_over_the_header_printed_again(tmp_path):
    """The header printed again at a page break between the units' rows is no row the sums count."""
    tasks = page_tasks(tmp_path / "t.html", [*SHARES[:3], *SHARES[:2], *SHARES[3:]])
    assert [t.title for t in tasks] == ["甲镇卫生院", "乙镇卫生院"]


def test_a_last_row_that_sums_only_one_column_is_a_unit_still(tmp_path):
    """A last row whose counts are not the rows' sums (one column summing by chance) is a unit's own task."""
    rows = [*SHARES[:4], SHARES[4].replace("<td>3</td><td>某区</td><td>3000</td>", "<td>3</td><td>丙镇卫生院</td><td>3100</td>")
            .replace("<td>2250</td><td>165</td><td>99</td>", "<td>2325</td><td>170</td><td>102</td>"), SHARES[5]]
    tasks = page_tasks(tmp_path / "t.html", rows)
    assert [t.title for t in tasks] == ["甲镇卫生院", "乙镇卫生院", "丙镇卫生院"]


def test_a_column_of_what_is_done_is_no_rate_target(tmp_path):
    """A column of percentages is a unit's target only under a rate's name: 完成率 beside the counts reports progress."""
    rows = [SHARES[0], SHARES[1].replace("规范<br>管理率", "完成率"), *SHARES[2:]]
    tasks = page_tasks(tmp_path / "t.html", rows)
    assert [t.code for t in tasks] == ["1", "2"]
    assert [(i[1], i[2]) for i in indicators(tasks[0]) if i[1] == "%"] == [("%", 75)]


DUTIES = ["某局关于印发2024年汛期卫生应急预案的通知",
          "各科室：",
          "为做好2024年汛期期间（6月1日至9月30日）卫生应急工作，现将预案印发给你们。",
          "某局2024年汛期卫生应急预案",
          "一、工作原则",
          "统一领导、分级负责。",
          "二、组织机构及其职责",
          "（一）组织机构",
          "成立卫生应急工作领导小组，名单如下:",
          "组 长：张三 局长",
          "（二）职责分工",
          "领导小组下设办公室、防控组和保障组。",
          "1．办公室职责。由局应急办牵头，负责组织实施应急预案，收集有关信息，及时上报。",
          "2．防控组职责。由区疾病预防控制中心牵头，负责汛期疾病防控和应急处置工作。",
          "3．保障组职责。由局综合处牵头，财务处配合，负责应急物资调度。",
          "三、保障措施",
          "（一）加强应急值守。各医疗卫生机构要落实24小时应急值守制度。",
          "（二）做好物资储备。各医疗卫生机构要做好药品物资准备。",
          "（三）做好应急准备。各医疗卫生机构要成立卫生应急工作组。"]


def _leads(task) -> list[str]:
    return [u for line in task.lines for u in line.lead_units]


def _units(task) -> list[str]:
    return [u for line in task.lines for u in line.units if u not in _leads(task)]


def test_group_duties_naming_their_lead_by_role_under_a_part_sharing_the_work_are_tasks(tmp_path):
    """"1．X职责。由Y牵头，Z配合，负责…" under "二、组织机构及其职责": each group's duty a task led by the office its
    clause names by its role (list_doers.sentence_roles), the office sharing it a unit, though a "(一)" list of
    measures stands further down; all due at the end of the season the covering notice's sentence names in a bracket
    ("2024年汛期期间（6月1日至9月30日）")."""
    tasks = text_tasks(tmp_path, DUTIES)
    duties = [t for t in tasks if t.code.startswith("二")]
    assert [(t.code, _leads(t), _units(t)) for t in duties] == [
        ("二(二)1", ["局应急办"], []), ("二(二)2", ["区疾病预防控制中心"], []), ("二(二)3", ["局综合处"], ["财务处"])]
    assert duties[0].title.startswith("办公室职责。由局应急办牵头")
    assert {t.deadline for t in duties} == {date(2024, 9, 30)}


def test_dated_items_under_a_part_sharing_the_work_are_no_duties_named_by_role(tmp_path):
    """An item of such a part that prints its dates ("1．摸清底数阶段（2024年6月1日—6月30日）。由X负责…") is a stage of
    the work, no party's duty: its role clause gives it no lead line, and the items are read as no list of duties (this
    small plan, its measures a closing section's, is refused as it was)."""
    dated = [line.replace("职责。", "阶段（2024年7月1日—7月31日）。") if line[:2] in ("1．", "2．", "3．") else line
             for line in DUTIES]
    with pytest.raises(NoLayoutError, match="no header row found"):
        text_tasks(tmp_path, dated)


SERVICES = ["某区2024年基本公共卫生服务项目实施方案",
            "一、项目内容",
            "城乡基本公共卫生服务项目包括居民健康档案管理、健康教育、预防接种等。",
            "二、工作目标",
            "按照服务规范的要求，开展基本公共卫生服务项目。主要包括：",
            "（一）居民健康档案。各基层医疗卫生机构要对现有健康档案进行整理、核实，居民电子健康档案建档率≧75%。",
            "此外各基层医疗卫生机构还要根据居民健康服务实际需求，方便群众查询自身健康信息。",
            "（二）健康教育。要开展公民健康素养促进行动，提高服务对象知晓率和满意度。",
            "（三）预防接种工作。规范预防接种管理，国家免疫规划疫苗接种率保持在95%以上。",
            "（四）孕产妇健康管理。规范服务流程，孕产妇早孕建册率达85%以上。",
            "（五）老年人健康管理工作。全面落实老年人体检项目，确保老年人健康管理率保持在67%以上。"]

SERVICE_NAMES = ["居民健康档案", "健康教育", "预防接种工作", "孕产妇健康管理", "老年人健康管理工作"]


def test_service_items_setting_rates_are_tasks_and_a_paragraph_going_on_is_the_items(tmp_path):
    """"（三）预防接种工作。…接种率保持在95%以上": a service's name run into sentences setting the rate it is to reach is
    work, no section of a description; an unnumbered paragraph between an item and the next ("此外…") goes on with the
    item: its words part of the title, the item's doer ("各基层医疗卫生机构要…") its lead."""
    tasks = text_tasks(tmp_path, SERVICES)
    assert [t.title.split("。")[0] for t in tasks] == SERVICE_NAMES
    assert tasks[0].title.endswith("建档率≧75%。此外各基层医疗卫生机构还要根据居民健康服务实际需求，方便群众查询自身健康信息。")
    assert _leads(tasks[0]) == ["各基层医疗卫生机构"]
    assert [(i[1], i[2]) for t in tasks for i in indicators(t)] == [("%", 75), ("%", 95), ("%", 85), ("%", 67)]


def test_a_paragraph_between_items_going_on_is_no_item_and_breaks_no_run(tmp_path):
    """Without the item numbered on after it, the paragraph is no continuation: "此外…" under the last item stays out."""
    tasks = text_tasks(tmp_path, [*SERVICES, "此外各单位要加强宣传。"])
    assert not tasks[-1].title.endswith("此外各单位要加强宣传。")


def test_text_items_setting_rates_beside_an_annexed_table_are_read_with_it(tmp_path):
    """A document of text and an annexed 分解表: the text's items that set the year's rates (most naming no office)
    are the plan's work beside the table's rows, not a notice's words around it."""
    paragraphs = "".join(f"<p>{line}</p>" for line in [*SERVICES, "附件", "任务分解表"])
    table = "<table border=\"1\">" + "".join(f"<tr>{row}</tr>" for row in SHARES) + "</table>"
    path = tmp_path / "plan.html"
    path.write_text(f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{paragraphs}{table}</body></html>",
                    encoding="utf-8")
    tasks = convert_table(path, "x-2024", 2024).programme.tasks
    assert [t.title.split("。")[0] for t in tasks][:5] == SERVICE_NAMES
    assert [t.title for t in tasks][5:] == ["甲镇卫生院", "乙镇卫生院"]


def test_rates_brought_to_one_level_each_take_it():
    """"A率、B率分别达到85%以上" and "A率和B率均要达85%以上": one figure for each rate named, as "均达到" reads; 分别
    before one figure after names that are no rates ("雄县、容城县分别建成…") is read as before."""
    def read(text: str) -> list[tuple[str, float, str]]:
        return [(m.name, m.value, m.unit) for m in find_mentions(text, 2024)]
    assert read("新生儿访视率、儿童健康管理率分别达到85%以上。") == [("新生儿访视率", 85, "%"), ("儿童健康管理率", 85, "%")]
    assert read("孕产妇早孕建册率和产后访视率均要达85%以上。") == [("孕产妇早孕建册率", 85, "%"), ("产后访视率", 85, "%")]
    assert read("建设内容、建设规模分别达到10个。") == [("建设内容、建设规模", 10, "个")]
