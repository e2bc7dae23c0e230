"""Issue 13, revfix31b: review31's findings on the table rules of read29 and read30b, each on a small synthetic table:
"A、B负责" in a 牵头单位 column leaves both leading; a figure closed by 以上/以内 is a number cell only where the
column or a 单位 column beside it says it is a target, and an age or a duration column sets no target; a count of
kinds is no target only where the raising verb alone governs it, the same in a title and in a 工作内容 cell."""

from __future__ import annotations

import pytest

from mstrack.sources.table.units import roles_in

from .conftest import convert_words, convert_written


def _targets(task) -> list[tuple[str, str, float, str]]:
    return sorted((i.name, i.comparator, i.target, i.unit) for line in task.lines for i in line.indicators)


def _roles(task) -> tuple[list[str], list[str]]:
    line = task.lines[0]
    return line.lead_units, [u for u in line.units if u not in line.lead_units]


# --- 1. "A、B负责" in a 牵头单位 column: both lead, as "A、B" there ----------------------------------------------------

def test_offices_closed_by_responsible_in_a_lead_column_all_lead(tmp_path):
    """The 牵头单位 column names the leads: "A、B负责" there is "A、B", both leads, the 责任单位 column the units;
    read29's rule (A the lead, B a unit) is a 责任单位 column's."""
    rows = [["序号", "工作任务", "牵头单位", "责任单位"],
            ["1", "新建幼儿园3所", "县教育局、县财政局负责", "各乡镇"],
            ["2", "改造老旧小区20个", "县住建局、县城管局", "各街道"],
            ["3", "新建公厕5座", "县城管局牵头，县财政局配合", "各乡镇"]]
    tasks = convert_written(tmp_path, "lead.tsv", rows).programme.tasks
    assert [_roles(t) for t in tasks] == [(["县教育局", "县财政局"], ["各乡镇"]), (["县住建局", "县城管局"], ["各街道"]),
                                          (["县城管局"], ["县财政局", "各乡镇"])]


@pytest.mark.parametrize(("cell", "roles"), [
    ("县教育局、县财政局负责", ("县教育局、县财政局", "")),
    ("县教育局负责", ("县教育局", "")),
    ("县教育局牵头，县财政局配合", ("县教育局", "县财政局")),
])
def test_roles_in_a_lead_column(cell, roles):
    assert roles_in(cell, lead_column=True) == roles


@pytest.mark.parametrize(("cell", "roles"), [
    ("县教育局、县财政局负责", ("县教育局、县财政局", "")),  # close47: every office 负责 closes leads (read29: the first)
    ("县住建局、县城管局负责实施", ("县住建局、县城管局", "")),  # 负责 then the work: as 负责 alone
    ("县教育局、县财政局共同负责", ("县教育局、县财政局", "")),  # a shared manner: both
])
def test_roles_in_a_units_column_stay_read29s(cell, roles):
    assert roles_in(cell) == roles


def test_a_units_column_a_b_responsible_still_reads_like_a_b(tmp_path):
    rows = [["序号", "工作任务", "责任单位"], ["1", "新建幼儿园3所", "县教育局、县财政局负责"],
            ["2", "改造老旧小区20个", "县住建局、县城管局负责实施"]]
    tasks = convert_written(tmp_path, "units.tsv", rows).programme.tasks
    # close47: both lead in a 责任单位 column too, the lead's convention (was: the first, as "A、B")
    assert [_roles(t) for t in tasks] == [(["县教育局", "县财政局"], []), (["县住建局", "县城管局"], [])]


# --- 2. bounded figures: a number cell only where a target is said; ages and durations are none ----------------------

def _beside(header: str, values: list[str], target: str = "年度目标") -> list[list[str]]:
    return [["序号", "服务项目", header, "牵头单位", target],
            ["1", "高龄津贴发放", values[0], "县民政局", "5000人"],
            ["2", "老年人免费体检", values[1], "县卫健局", "2万人"],
            ["3", "困难老人助餐", values[2], "县民政局", "800人"]]


@pytest.mark.parametrize(("header", "values"), [
    ("服务对象年龄（岁）", ["80以上", "65以上", "70以上"]),
    ("服务对象年龄（岁）", ["80", "65", "70"]),  # bare: no target either (it was one before read30b too)
    ("建设周期（月）", ["12以内", "6以内", "3以内"]),
    ("建设周期（月）", ["12", "6", "3"]),
    ("工期（天）", ["90", "60", "30"]),  # no deadline in 1990 either
    ("补贴年限（年）", ["3", "2", "1"]),
    ("服务对象年龄", ["80以上", "65以上", "70以上"]),
])
def test_an_age_or_a_duration_column_sets_no_target(tmp_path, header, values):
    """Whom the work serves (年龄) and how long it takes (周期, 工期, 年限) are conditions of the work, no figure to
    deliver: the targets are the 年度目标 column's only; the condition stays in the task's note, as printed."""
    tasks = convert_written(tmp_path, "age.tsv", _beside(header, values)).programme.tasks
    assert [_targets(t) for t in tasks] == [[("高龄津贴发放", "=", 5000, "人")], [("老年人免费体检", "=", 20000, "人")],
                                            [("困难老人助餐", "=", 800, "人")]]
    assert [f"{header}：{value}" in (t.note or "").split("\n") for t, value in zip(tasks, values, strict=True)] == [True] * 3
    assert [t.deadline for t in tasks] == [None] * 3  # "工期（天）" over "90": no deadline in 1990


def test_bounded_figures_under_a_plain_header_are_no_number_column(tmp_path):
    """"80以上" under a header that names no target, with no 单位 column of measures beside it: not a target column
    (a header with its unit, "服务对象（岁）", is no target by that alone)."""
    rows = [["序号", "服务项目", "服务对象（岁）", "牵头单位"], ["1", "高龄津贴发放", "80以上", "县民政局"],
            ["2", "老年人免费体检", "65以上", "县卫健局"], ["3", "困难老人助餐", "70以上", "县民政局"]]
    tasks = convert_written(tmp_path, "plain.tsv", rows).programme.tasks
    assert [_targets(t) for t in tasks] == [[], [], []]
    assert [t.lines[0].lead_units for t in tasks] == [["县民政局"], ["县卫健局"], ["县民政局"]]


@pytest.mark.parametrize("header", ["年度目标", "目标任务（人）", "年度任务数（人）", "预期目标（人）"])
def test_bounded_figures_under_a_target_header_stay_targets(tmp_path, header):
    rows = [["序号", "服务项目", "牵头单位", header], ["1", "高龄津贴发放", "县民政局", "5000以上"],
            ["2", "老年人免费体检", "县卫健局", "20000以上"], ["3", "困难老人助餐", "县民政局", "800以上"]]
    tasks = convert_written(tmp_path, "target.tsv", rows).programme.tasks
    assert [[(i.comparator, i.target) for line in t.lines for i in line.indicators] for t in tasks] == [
        [(">=", 5000)], [(">=", 20000)], [(">=", 800)]]


# --- 3. a count of kinds inside a raised level: the raising verb alone, in a title and in a content cell -------------

LEVELS = [("提高工伤保险3项待遇水平", []), ("提高城乡低保等4项救助标准", []), ("提升3类标准化考场建设水平", []),
          ("进一步提高3项救助标准", []),
          ("制定并提高5项地方标准", [(5, "项")]), ("提升改造3项标准化设施水平", [(3, "项")]),
          ("提高服务水平，完成3项标准制定", [(3, "项")]), ("新增3项便民服务标准", [(3, "项")])]


@pytest.mark.parametrize(("words", "targets"), LEVELS)
def test_a_count_of_kinds_in_a_title(tmp_path, words, targets):
    """"制定并提高5项地方标准": 制定 delivers five standards; "提升改造3项…设施水平": 改造 delivers three; only where the
    raising verb alone governs the count ("提高工伤保险3项待遇水平") does it say which levels are raised."""
    rows = [["序号", "工作任务", "牵头单位"], ["1", words, "市人社局"], ["2", "新建幼儿园3所", "市教育局"]]
    tasks = convert_written(tmp_path, "levels.tsv", rows, 2021).programme.tasks
    assert [(i.target, i.unit) for line in tasks[0].lines for i in line.indicators] == targets
    assert [(i.target, i.unit) for line in tasks[1].lines for i in line.indicators] == [(3, "所")]


@pytest.mark.parametrize(("words", "targets"), LEVELS)
def test_a_count_of_kinds_in_a_content_cell_reads_as_in_a_title(tmp_path, words, targets):
    """The same words in a 工作内容 cell beside a 完成时限 give what the title gives."""
    conversion = convert_words(tmp_path, words, year=2024)
    assert [(i.target, i.unit) for t in conversion.programme.tasks for line in t.lines for i in line.indicators] == targets
