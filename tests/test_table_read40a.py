"""Issue 13, read40a: the twenty-second set's tables (half a and b), each rule on a small synthetic table: a mark (▲ △
● ◆, as ★ ☆) before one office of a 责任单位 cell marks the lead and is no part of its name, ▲ staying a footnote mark
of titles and 序号."""

from __future__ import annotations

import pytest

from mstrack.sources.table.quarter_series import labelled_series
from mstrack.sources.table.row_lines import starred_lead

from .conftest import convert_written

# --- 1. a triangle before one office marks the lead -----------------------------------------------------------------

MARKED = ("序号,主要工作,责任单位\n"
          "1,生产总值增长7.5%左右,\"▲发改局,各部门,各镇乡(街道)\"\n"
          "2,一般公共预算收入增长7.5%,\"税务局,▲财政局,各镇乡(街道)\"\n"
          "3▲,研发投入强度2.85%以上,\"科技局,各镇乡(街道)\"\n")


@pytest.mark.parametrize("mark", ["▲", "△", "●", "◆", "★"])
def test_a_mark_before_one_office_marks_the_lead(mark):
    assert starred_lead(f"{mark}发改局,各部门,各镇乡(街道)") == ("发改局", "各部门、各镇乡(街道)")


def test_a_triangle_before_several_offices_marks_no_lead():
    """★ may star several leads; a triangle or a dot is a lead's mark where it marks one office only."""
    assert starred_lead("▲发改局,▲财政局,各部门") is None
    assert starred_lead("★发改局,★财政局,各部门") == ("发改局、财政局", "各部门")


def test_a_triangle_marked_lead_is_read_and_the_code_keeps_its_footnote_rule(tmp_path):
    tasks = convert_written(tmp_path, "marked.csv", MARKED, 2023).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3"]  # "3▲": a footnote mark of the 序号, left out
    assert [t.lines[0].lead_units for t in tasks] == [["发改局"], ["财政局"], ["科技局"]]
    assert set(tasks[1].lines[0].units) - {"财政局"} == {"税务局", "各镇乡(街道)"}


# --- 2. a target-responsibility sheet: 工作任务 merged over a tree of labels, beside 目标及质量要求 ----------------------

SHEET = ["<td colspan='2'>工作任务</td><td>目标及质量要求</td>",
         "<td colspan='2'>核心指标</td><td>建成城市污水处理厂一座,推动河长制工作全面落实。</td>",
         "<td rowspan='2'>重点工作(20分)</td><td>重点项目<br>(5分)</td><td>续建项目3月底前复工建设;新建项目6月底前开工建设。</td>",
         "<td>资金争取(5分)</td><td>争取上级资金1000万元。</td>"]


def test_a_header_of_work_and_its_requirements_over_a_tree_of_labels(tmp_path):
    """No 序号, office or date column: 目标及质量要求 beside 工作任务 holds the requirements, and each row's task is its
    leaf label (the last of the columns 工作任务 is merged over), numbered in order."""
    tasks = convert_written(tmp_path, "sheet.html", _page(SHEET), 2018).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3"]
    assert [t.title.replace("\n", "") for t in tasks] == ["核心指标", "重点项目(5分)", "资金争取(5分)"]
    assert [c.due.isoformat() for c in tasks[1].lines[0].checkpoints] == ["2018-03-31", "2018-06-30"]


def _page(rows: list[str]) -> str:
    body = "".join(f"<tr>{row}</tr>" for row in rows)
    return f'<html><head><meta charset="utf-8"></head><body><table border="1">{body}</table></body></html>'


# --- 3. a year's figures listed by 、 in one cell: one a quarter, or one for each period named ------------------------

SERIES = ("工作任务,目标及质量要求\n"
          "固定资产投资,\"全区半年、年度用水总量分别控制在0.24亿m³、0.47亿m³以内;固定资产投资累计完成0.26、0.67、1.04、1.5亿元。\"\n"
          "资金争取,\"分别完成270万元、540万元、810万元、1080万元。\"\n"
          "招商引资,\"实际到位资金3000万元、4500万元、3750万元、3750万元。(引进0.5亿元以上项目一个)\"\n")


def test_four_figures_listed_by_a_stop_comma_are_the_quarters(tmp_path):
    tasks = convert_written(tmp_path, "series.csv", SERIES, 2018).programme.tasks
    money = next(i for line in tasks[0].lines for i in line.indicators if i.unit == "元")
    assert money.target == 150000000  # 1.5亿元 by the year's end, 0.26 / 0.67 / 1.04 亿元 by each quarter's
    assert [(m.due.isoformat(), m.target) for m in money.milestones][:3] == [
        ("2018-03-31", 26000000), ("2018-06-30", 67000000), ("2018-09-30", 104000000)]
    water = [i for line in tasks[0].lines for i in line.indicators if i.unit == "m³"]
    assert [i.target for i in water] == [47000000]  # the year's ceiling; the half year's a checkpoint of it
    assert (tasks[1].deadline.isoformat(), [m.target for m in tasks[1].lines[0].indicators[0].milestones]) == (
        "2018-12-31", [2700000, 5400000, 8100000, 10800000])


def test_amounts_of_each_quarter_are_summed_and_a_sum_that_picks_projects_is_no_target(tmp_path):
    """3000, 4500, 3750, 3750 fall: amounts of each quarter, read as running totals with no year's figure printed; the
    size in "引进0.5亿元以上项目一个" picks which projects, the one project is the target."""
    task = convert_written(tmp_path, "series.csv", SERIES, 2018).programme.tasks[2]
    indicators = task.lines[0].indicators
    assert sorted((i.target, i.unit) for i in indicators if i.target is not None) == [(1, "个")]
    money = next(i for i in indicators if i.unit == "元")
    assert [m.target for m in money.milestones] == [30000000, 75000000, 112500000, 150000000]


@pytest.mark.parametrize(("words", "left"), [("新建1、2、3、4号楼", "新建1、2、3、4号楼"),
                                             ("培训人员100人、200人、300人", "培训人员100人、200人、300人")])
def test_numbers_that_are_no_four_figures_of_a_measure_are_left_as_printed(words, left):
    assert labelled_series(words) == left


# --- 4. steps of a schedule cell dated inside their clause, or in a bracket after the item ----------------------------

STEPS = ["<td colspan='2'>工作任务</td><td>目标及质量要求</td>",
         "<td colspan='2'>重点项目</td><td>续建项目3月底前复工建设;新建项目6月底前开工建设。</td>",
         "<td colspan='2'>验收</td><td>1、推进试点验收工作(一季度:制定验收工作任务。二季度:收集整理资料。三季度:申请验收。"
         "四季度:召开验收会议);<br>2、高效节水灌溉面积覆盖率达到全省领先。</td>"]


def test_a_date_after_the_clauses_subject_and_quarters_in_a_bracket_are_steps(tmp_path):
    tasks = convert_written(tmp_path, "steps.html", _page(STEPS), 2018).programme.tasks
    assert [c.due.isoformat() for c in tasks[0].lines[0].checkpoints] == ["2018-03-31", "2018-06-30"]
    dues = [c.due.isoformat() for line in tasks[1].lines for c in line.checkpoints]
    assert dues[:3] == ["2018-03-31", "2018-06-30", "2018-09-30"] and tasks[1].deadline.isoformat() == "2018-12-31"


# --- 5. the office a table is signed for, on a line above it -----------------------------------------------------------

def test_the_office_named_above_a_table_without_office_columns_leads_its_tasks(tmp_path):
    page = _page(SHEET).replace("<body>", "<body><p>部门(单位):示范区水务局    责任人:王某</p>")
    tasks = convert_written(tmp_path, "signed.html", page, 2018).programme.tasks
    assert [t.lines[0].lead_units for t in tasks] == [["示范区水务局"]] * 3
    plain = convert_written(tmp_path, "plain.html", _page(SHEET).replace("<body>", "<body><p>单位:万元</p>"), 2018)
    assert [t.lines[0].lead_units for t in plain.programme.tasks] != [["万元"]] * 3
