"""Issue 13, read25: the sixteenth held-out set's frames, each rule on a small synthetic document: a group row whose
name cell is numbered "一、" and whose other cells are its sums heads the projects "(一)" under it (一(一)); a plan
group of money columns over 合计 and its parts gives the 合计 alone, in the group's unit; a range printed with a
horizontal bar ("0―3公里") is no target; an item whose clauses each end with a bracket of offices names them all, the
first the lead, its words keeping their stops; a 督查通报 of progress is refused as a report, pointing to
`import progress`."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from mstrack.sources.table.header import _lone_unit_header
from mstrack.sources.table.mentions import find_mentions
from mstrack.sources.table.units import clause_offices

from .conftest import convert_written, targets_of, write_page

# --- 1. group rows carrying sums; 合计 and its parts under a plan group; a header printed again --------------------

HEADER = [["项目名称", "2019年计划筹措资金(万元)", None, None, "2019年目标任务", "牵头单位"],
          [None, "合计", "中央财政", "市县财政", None, None]]
GROUPED = [["X省2019年为民办实事项目资金筹措计划表", None, None, None, None, None],
           [None, None, None, None, None, "单位:万元"], *HEADER,
           ["合计", 1300, 1000, 300, None, None],
           ["一、社保惠民项目", 1000, 800, 200, None, None],
           ["(一)养老保险项目", 600, 500, 100, "为参保人员发放基础养老金。", "省人社厅"],
           *HEADER,
           ["(二)困难群众救助项目", 400, 300, 100, "为100万户困难群众发放救助金。", "省民政厅"],
           ["二、健康惠民项目", 300, 200, 100, None, None],
           ["(一)基本医疗保险项目", 200, 150, 50, "支持城乡居民参加基本医疗保险。", "省医保局"],
           ["(二)公共卫生服务项目", 100, 50, 50, "免费开展基本公共卫生服务。", "省卫生健康委"]]


def test_projects_under_groups_carrying_sums_take_the_groups_number(tmp_path):
    """"一、…" beside its sums is a group, not a task: the projects "(一)" under each group go by both numbers, the
    合计 row and the header printed again at a page break are no rows."""
    tasks = convert_written(tmp_path, "grouped.xlsx", GROUPED, 2019).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [
        ("一(一)", "养老保险项目"), ("一(二)", "困难群众救助项目"), ("二(一)", "基本医疗保险项目"), ("二(二)", "公共卫生服务项目")]
    assert [t.lines[0].lead_units for t in tasks] == [["省人社厅"], ["省民政厅"], ["省医保局"], ["省卫生健康委"]]


def test_a_total_and_its_parts_under_a_plan_group_give_the_total_in_the_groups_unit(tmp_path):
    """Under "2019年计划筹措资金(万元)", 合计 is the year's figure in 万元; 中央财政 and 市县财政 are the parts it sums."""
    tasks = {t.code: t for t in convert_written(tmp_path, "grouped.xlsx", GROUPED, 2019).programme.tasks}
    assert targets_of(tasks["一(一)"]) == [(6_000_000, "元")]  # 600 万元, 万 folded into the number
    assert targets_of(tasks["一(二)"]) == sorted([(4_000_000, "元"), (1_000_000, "户")])
    assert targets_of(tasks["二(二)"]) == [(1_000_000, "元")]


def test_a_numbered_row_with_words_of_its_own_stays_a_task(tmp_path):
    """"一、…" with an office beside its figure is an item, not a group heading."""
    rows = [["项目名称", "资金(万元)", "牵头单位"], ["一、新建幼儿园10所", 500, "县教育局"],
            ["二、改造农村公路20公里", 800, "县交通局"]]
    tasks = convert_written(tmp_path, "items.xlsx", rows, 2019).programme.tasks
    assert [(t.code, t.lines[0].lead_units) for t in tasks] == [("一", ["县教育局"]), ("二", ["县交通局"])]


def test_a_header_printed_again_with_its_lines_broken_otherwise_is_no_row(tmp_path):
    """The header again at a page break, a narrow column's name broken over two lines there ("牵头\n单位") and not on
    the first page: still the header, no task."""
    rows = [["项目名称", "建设内容", "牵头单位", "完成时限"], ["幼儿园项目", "新建幼儿园3所", "县教育局", "2024年12月"],
            ["项目名称", "建设内容", "牵头\n单位", "完成\n时限"], ["道路项目", "改造道路5公里", "县交通局", "2024年10月"]]
    tasks = convert_written(tmp_path, "again.xlsx", rows).programme.tasks
    assert [t.title for t in tasks] == ["幼儿园项目", "道路项目"]


def test_a_unit_line_over_a_form_line_is_no_header(tmp_path):
    """"单位:万元" alone in the top right corner, a "填报单位：（盖章）" line under it: lines above the table, not a header
    of one 单位 column; the header below is read."""
    rows = [[None, None, None, "单位:万元"], ["填报单位：（盖章）", None, None, None],
            ["项目名称", "2024年计划投资(万元)", None, "牵头单位"], [None, "合计", "市县财政", None],
            ["一、教育项目", 300, 100, None], ["(一)幼儿园项目", 200, 50, "县教育局"],
            ["(二)道路项目", 100, 50, "县交通局"]]
    assert not _lone_unit_header(["", "", "", "单位:万元"], 2024)
    assert _lone_unit_header(["", "牵头单位"], 2024)  # a header of one name still is one
    tasks = convert_written(tmp_path, "unit.xlsx", rows).programme.tasks
    assert [(t.code, t.lines[0].lead_units) for t in tasks] == [("一(一)", ["县教育局"]), ("一(二)", ["县交通局"])]


def test_a_range_printed_with_a_horizontal_bar_is_no_target():
    """"0―3公里" (U+2015, as a PDF's copy prints the dash) is a range, as "0-3公里" is: no target of 3 公里."""
    assert not [m for m in find_mentions("陆地边境0―3公里范围内边民生活补助项目") if m.unit == "公里"]
    assert not [m for m in find_mentions("陆地边境0-3公里范围内边民生活补助项目") if m.unit == "公里"]


# --- 2. an item whose clauses each end with a bracket of offices -----------------------------------------------------

def test_every_clause_bracket_names_the_items_offices():
    words, offices = clause_offices("扶贫工程。建设57个新村(市扶贫办、市以工代赈办)。帮扶7个村(甲县政府)。"
                                    "救助“三无”(无就业人员、无人供养老人)群众350户(市帮扶中心)。")
    assert words == "扶贫工程。建设57个新村。帮扶7个村。救助“三无”(无就业人员、无人供养老人)群众350户。"
    assert offices == "市扶贫办、市以工代赈办、甲县政府、市帮扶中心"


def test_a_bracket_before_the_items_last_words_is_no_office_list():
    """Words after the last bracket: the brackets are not the clauses' offices (the old reading stands)."""
    assert clause_offices("建设57个新村(市扶贫办)。帮扶7个村(甲县政府)。其余村庄逐步推进") is None
    assert clause_offices("新建公厕20座(县城管局)") is None  # one bracket at the very end: units_after's own case
    assert clause_offices("新建公厕20座(县城管局)；") is None  # a list item's "；" goes with its bracket
    assert clause_offices("新建公厕20座(县城管局)。") is None  # one clause: its stop goes with the bracket
    assert clause_offices("厕所革命工程。新建公厕20座(县城管局)。") == ("厕所革命工程。新建公厕20座。", "县城管局")  # several
    # sentences: the last keeps its stop as the others do


ITEMS = ["一、扶贫解困工程。启动建设57个扶贫新村(市扶贫开发办、市以工代赈办)。帮扶新村7个(甲县政府)。救助特困群众350户(市帮扶中心)。",
         "二、教育助学工程。开工建设20所农村寄宿制学校;完成3所小学改扩建工程(市教育局)。",
         "三、就业促进工程。新增城镇就业5000人(市人社局)。"]


def test_a_list_of_items_with_offices_after_each_clause(tmp_path):
    page = write_page(tmp_path / "clauses.html", ["X市2008年民生工程目标", *ITEMS], title="X市2008年民生工程目标")
    tasks = {t.code: t for t in convert_table(page, "x-2008", 2008).programme.tasks}
    first = tasks["一"]
    assert first.title == "扶贫解困工程。启动建设57个扶贫新村。帮扶新村7个。救助特困群众350户。"
    assert first.lines[0].lead_units == ["市扶贫开发办"]
    assert set(first.lines[0].units) - {"市扶贫开发办"} == {"市以工代赈办", "甲县政府", "市帮扶中心"}
    assert tasks["二"].title == "教育助学工程。开工建设20所农村寄宿制学校;完成3所小学改扩建工程。"
    assert tasks["二"].lines[0].lead_units == ["市教育局"]


# --- 3. a 督查通报 of progress ----------------------------------------------------------------------------------------

def test_a_bulletin_of_progress_that_states_each_items_task_is_read_for_them(tmp_path):
    """A 督查通报 on how the year's projects are carried out (实施情况) whose items each open with their office and state
    the year's task ("幼师培训任务500人", "全年任务2208套") lists the programme it reports on: read for it, the title a
    doubt (13-read42b changed this pin: it was refused; huoqiu-2019 is such a bulletin). Stripped of the tasks it is
    refused, saying so and where results go, never "no table found" alone."""
    lines = ["关于2019年度民生工程重点项目实施情况专项督查通报",
             "(一)县教育局:学前教育促进工程。其中幼师培训任务500人,截至督查时只培训178人。",
             "(二)县住建局:棚户区改造工程。全年任务2208套,已完成1322套。",
             "(三)县农业农村局:1、农村危房改造,全年任务12000户,已完成5000户。2、农村道路,已完成5个。"]
    conversion = convert_table(write_page(tmp_path / "ducha.html", lines, title=lines[0]), "x-2019", 2019)
    tasks = conversion.programme.tasks
    assert [t.lines[0].lead_units for t in tasks] == [["县教育局"], ["县住建局"], ["县农业农村局"], ["县农业农村局"]]
    assert [targets_of(t) for t in tasks[:3]] == [[(500, "人")], [(2208, "套")], [(12000, "户")]]
    assert any("report of results" in str(doubt) and "实施情况" in str(doubt) for doubt in conversion.doubts)
    plain = [line.split("。")[0] + "。已完成。" if line.startswith("(") else line for line in lines]
    with pytest.raises(InputError) as refused:
        convert_table(write_page(tmp_path / "plain.html", plain, title=lines[0]), "x-2019", 2019)
    message = str(refused.value)
    assert "report of results" in message and "实施情况" in message
    assert "import progress" in message and "`log`" in message
