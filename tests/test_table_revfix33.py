"""Issue 13, revfix33: review33's findings on the reader merges read33a/b/c, each on a small synthetic input: year
columns of money are no targets; a bracket listing offices (or a helper) after an office is no second name of it; a
column of years (计划完成年度（年）) is no target; a list whose bracketed points keep no item is no table (exit 2)."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table

from .conftest import convert_written


def _targets(task) -> list[tuple[str, str, float, str]]:
    return sorted((i.name, i.comparator, i.target, i.unit) for line in task.lines for i in line.indicators)


def _roles(task) -> tuple[list[str], list[str]]:
    line = task.lines[0]
    return line.lead_units, [u for u in line.units if u not in line.lead_units]


# --- 1. year columns of money are no targets --------------------------------------------------------------------

def test_year_columns_of_money_beside_an_investment_column_set_no_target(tmp_path):
    """2024年 / 2025年 beside 总投资（万元） hold the year's money: the content's 新建教学楼1栋 stays the target."""
    rows = [["序号", "项目名称", "建设内容", "总投资（万元）", "2024年", "2025年", "责任单位"],
            ["1", "县一中扩建", "新建教学楼1栋", "5000", "3000", "2000", "县教育局"],
            ["2", "老旧小区改造", "改造小区20个", "2300", "1500", "800", "县住建局"]]
    tasks = convert_written(tmp_path, "funds.tsv", rows).programme.tasks
    first = _targets(tasks[0])
    assert ("新建教学楼", "=", 1, "栋") in first
    assert not [t for t in first if t[2] == 3000]
    assert ("改造小区", "=", 20, "个") in _targets(tasks[1])


def test_year_columns_of_money_in_their_unit_beside_a_target_column_set_no_target(tmp_path):
    rows = [["序号", "项目名称", "目标任务", "2024年", "2025年", "责任单位"],
            ["1", "县一中扩建", "新建教学楼1栋", "3000万元", "2000万元", "县教育局"],
            ["2", "老旧小区改造", "改造小区20个", "1500万元", "800万元", "县住建局"]]
    tasks = convert_written(tmp_path, "funds.tsv", rows).programme.tasks
    assert [_targets(t) for t in tasks] == [[("新建教学楼", "=", 1, "栋")], [("改造小区", "=", 20, "个")]]


def test_year_columns_of_money_under_a_declared_unit_set_no_target(tmp_path):
    rows = [["单位：万元"], ["序号", "项目名称", "建设内容", "2024年", "2025年", "责任单位"],
            ["1", "县一中扩建", "新建教学楼1栋", "3000", "2000", "县教育局"],
            ["2", "老旧小区改造", "改造小区20个", "1500", "800", "县住建局"]]
    tasks = convert_written(tmp_path, "funds.tsv", rows).programme.tasks
    assert [_targets(t) for t in tasks] == [[("新建教学楼", "=", 1, "栋")], [("改造小区", "=", 20, "个")]]


def test_a_year_column_never_replaces_the_contents_own_figure(tmp_path):
    """Bare figures under 2024年 beside a content column that prints its own figures ("改造小区20个"): the content's
    figure stays the target, the year's stays in the note."""
    rows = [["序号", "项目名称", "建设内容", "2024年", "2025年", "责任单位"],
            ["1", "县一中扩建", "新建教学楼1栋", "1", "1", "县教育局"],
            ["2", "老旧小区改造", "改造小区20个", "12", "8", "县住建局"]]
    tasks = convert_written(tmp_path, "years.tsv", rows).programme.tasks
    assert [_targets(t) for t in tasks] == [[("新建教学楼", "=", 1, "栋")], [("改造小区", "=", 20, "个")]]


def test_a_year_column_beside_titles_without_figures_still_sets_the_target(tmp_path):
    rows = [["序号", "项目名称", "2024年", "2025年", "责任单位"], ["1", "新建教学楼", "1", "1", "县教育局"],
            ["2", "改造小区", "12", "8", "县住建局"]]
    tasks = convert_written(tmp_path, "years.tsv", rows).programme.tasks
    assert [_targets(t) for t in tasks] == [[("新建教学楼", "=", 1, "")], [("改造小区", "=", 12, "")]]


# --- 2. a bracket listing offices is no second name ---------------------------------------------------------------

@pytest.mark.parametrize("tail", ["（县住建局（县城管局、县财政局））", "（县住建局（县城管局，县财政局））",
                                  "（县住建局（县城管局/县财政局））"])
def test_a_bracket_listing_offices_after_the_lead_names_its_units(tmp_path, tail):
    text = f"2025年县民生实事任务清单\n1.新建幼儿园2所。{tail}\n2.新建公厕5座。（县城管局）\n3.新建停车场2个。（县交通局）\n"
    tasks = convert_written(tmp_path, "plan.txt", text, 2025).programme.tasks
    assert _roles(tasks[0]) == (["县住建局"], ["县城管局", "县财政局"])


def test_a_bracket_listing_offices_in_a_lead_cell_names_its_units(tmp_path):
    rows = [["序号", "工作任务", "牵头单位", "完成时限"], ["1", "新建幼儿园2所", "县住建局（县城管局、县财政局）", "2024年12月底"],
            ["2", "新建公厕5座", "县城管局", "2024年12月底"]]
    tasks = convert_written(tmp_path, "plan.tsv", rows).programme.tasks
    assert tasks[0].lines[0].lead_units == ["县住建局"]
    assert "县城管局" in tasks[0].lines[0].units and "县财政局" in tasks[0].lines[0].units


def test_a_single_organs_second_name_stays_one_office(tmp_path):
    rows = [["序号", "工作任务", "牵头单位", "完成时限"], ["1", "新建幼儿园2所", "市建设局(市规划局)", "2024年12月底"],
            ["2", "新建公厕5座", "县城管局", "2024年12月底"]]
    tasks = convert_written(tmp_path, "plan.tsv", rows).programme.tasks
    assert tasks[0].lines[0].lead_units == ["市建设局(市规划局)"]


# --- 3. a column of years is no target ----------------------------------------------------------------------------

@pytest.mark.parametrize(("header", "completion"), [("计划完成年度（年）", True), ("建成年份（年）", True),
                                                    ("计划年度（年）", False), ("计划竣工（年）", True)])
def test_a_column_of_years_sets_no_target(tmp_path, header, completion):
    """A year is a date (a completion year's end the deadline) or nothing: never a target "年度 = 2024 年"."""
    rows = [["序号", "项目名称", "建设内容", header, "责任单位"], ["1", "县一中扩建", "新建教学楼1栋", "2024", "县教育局"],
            ["2", "困难群众救助", "发放救助金", "2025", "县民政局"]]
    tasks = convert_written(tmp_path, "years.tsv", rows).programme.tasks
    assert _targets(tasks[0]) == [("新建教学楼", "=", 1, "栋")]
    assert _targets(tasks[1]) == []
    assert [t.deadline for t in tasks] == ([date(2024, 12, 31), date(2025, 12, 31)] if completion else [None, None])


# --- 4. bracketed points that keep no item: no table, exit 2 ------------------------------------------------------

SAFEGUARDS = ("一、保障措施\n（一）加强组织领导。各单位要高度重视。\n牵头单位：县政府办\n（二）强化资金保障。\n牵头单位：县财政局\n"
              "（三）严格督查考核。\n牵头单位：县督查室\n")


def test_bracketed_points_that_keep_no_item_are_no_table(tmp_path):
    path = tmp_path / "safeguards.txt"
    path.write_text(SAFEGUARDS, encoding="utf-8")
    with pytest.raises(InputError, match="no header row found"):
        convert_table(path, "x-2024", 2024)


def test_bracketed_points_that_keep_no_item_exit_2_on_the_command_line(tmp_path):
    from typer.testing import CliRunner

    from mstrack.cli import app

    path = tmp_path / "safeguards.txt"
    path.write_text(SAFEGUARDS, encoding="utf-8")
    result = CliRunner(env={"HOME": str(tmp_path)}).invoke(
        app, ["--db", str(tmp_path / "t.db"), "import", "table", str(path), "-p", "x-2024", "--year", "2024",
              "-o", str(tmp_path / "out.toml")])
    assert result.exit_code == 2, (result.exception, result.output)
    assert "没有找到表头" in result.output


# --- 5. a helper inside the office's bracket ----------------------------------------------------------------------

@pytest.mark.parametrize("helper", ["协同", "配合", "协助", "参与"])
def test_a_helper_inside_the_leads_bracket_in_a_list(tmp_path, helper):
    text = (f"2025年县民生实事任务清单\n1.新建幼儿园2所。（县教育局（县财政局{helper}））\n2.新建公厕5座。（县城管局）\n"
            "3.新建停车场2个。（县交通局）\n")
    tasks = convert_written(tmp_path, "plan.txt", text, 2025).programme.tasks
    assert _roles(tasks[0]) == (["县教育局"], ["县财政局"])


@pytest.mark.parametrize("helper", ["协同", "配合", "协助", "参与"])
def test_a_helper_inside_the_leads_bracket_in_a_lead_cell(tmp_path, helper):
    rows = [["序号", "工作任务", "牵头单位", "完成时限"], ["1", "新建幼儿园2所", f"县教育局（县财政局{helper}）", "2024年12月底"],
            ["2", "新建公厕5座", "县城管局", "2024年12月底"]]
    tasks = convert_written(tmp_path, "plan.tsv", rows).programme.tasks
    assert _roles(tasks[0]) == (["县教育局"], ["县财政局"])


# --- 6. "(一)" items keep their own codes only where the document shows them running on across groups -------------

ONE_GROUP = ("一、教育民生工程\n（一）新建幼儿园3所。\n责任单位：县教育局\n（二）改造学校操场5个。\n责任单位：县教育局\n"
             "（三）建设图书馆1座。\n责任单位：县文旅局\n")


@pytest.mark.parametrize("above", ["", "附件\n", "2024年县民生实事项目\n"])
def test_one_groups_items_are_coded_under_their_heading_whatever_is_above(tmp_path, above):
    tasks = convert_written(tmp_path, "plan.txt", above + ONE_GROUP).programme.tasks
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)"]


def test_items_numbering_on_across_two_groups_take_both_numbers(tmp_path):
    """Numbered on across two groups, the items go by their heading's number too (13-read42c: README's rule; they kept
    "(三)" before)."""
    text = ("一、教育民生工程\n（一）新建幼儿园3所。\n责任单位：县教育局\n（二）改造学校操场5个。\n责任单位：县教育局\n"
            "二、文化民生工程\n（三）建设图书馆1座。\n责任单位：县文旅局\n（四）新建文化广场2个。\n责任单位：县文旅局\n")
    tasks = convert_written(tmp_path, "plan.txt", text).programme.tasks
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "二(三)", "二(四)"]


def test_a_helper_inside_one_leads_bracket_among_several_leads(tmp_path):
    rows = [["序号", "工作任务", "牵头单位", "完成时限"],
            ["1", "新建幼儿园2所", "县教育局（县财政局协同）、县民政局", "2024年12月底"],
            ["2", "新建公厕5座", "县城管局", "2024年12月底"]]
    tasks = convert_written(tmp_path, "plan.tsv", rows).programme.tasks
    assert _roles(tasks[0]) == (["县教育局", "县民政局"], ["县财政局"])
