"""Issue 13, read33c: figures and dates leftovers: a date opening an item is its deadline as one closing it is; a
planned-figure column naming its unit in brackets (计划完成数（人）) with a floor ("5000以上"); a 工期（天） column with
"90以内"; "m2" and "m3" after a number; a column for each year ("2024年", "2025年"): the programme's year's figures
are the targets."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.sources.table.mentions import find_mentions
from mstrack.vocabulary import AT_LEAST

from .conftest import bare_year_figures_read, convert_written, targets_of, year_columns_read

# --- 1. a date opening the item is its deadline -----------------------------------------------------------------

@pytest.mark.parametrize(("item", "due"), [
    ("年底前改造老旧小区20个", date(2024, 12, 31)), ("6月底前改造老旧小区20个", date(2024, 6, 30)),
    ("10月30日前改造老旧小区20个", date(2024, 10, 30)), ("改造老旧小区20个，10月30日前完成", date(2024, 10, 30)),
    ("改造老旧小区20个，年底前完成", date(2024, 12, 31))])
def test_a_date_opening_the_item_is_its_deadline_as_at_its_end(tmp_path, item, due):
    task, = convert_written(tmp_path, "plan.csv", f"序号,项目,牵头单位\n1,{item},县住建局\n").programme.tasks
    assert task.deadline == due
    assert targets_of(task) == [(20, "个")]


def test_a_leading_date_beside_a_deadline_column_leaves_the_column_read(tmp_path):
    """"10月30日前改造…" over a 完成时限 of 2024年12月: the title's step, due Oct 30, before the column's deadline."""
    rows = "序号,项目,牵头单位,完成时限\n1,10月30日前改造老旧小区20个,县住建局,2024年12月\n"
    task, = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert task.deadline == date(2024, 12, 31)
    assert targets_of(task) == [(20, "个")]


# --- 2. a planned figure's column naming its unit, with a floor --------------------------------------------------

@pytest.mark.parametrize("cell", ["5000以上", "不少于5000", "5000"])
def test_a_planned_figure_column_with_its_unit_in_brackets(tmp_path, cell):
    rows = f"序号,项目名称,计划完成数（人）,牵头单位\n1,开展职业技能培训,{cell},县人社局\n"
    task, = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert targets_of(task) == [(5000, "人")]
    indicator, = task.lines[0].indicators
    assert (indicator.comparator == AT_LEAST) == (cell != "5000")
    assert not task.lines[0].checkpoints


def test_a_planned_completion_rate_column_stays_progress(tmp_path):
    """计划完成率（%） is how far the plan is done, no target."""
    rows = "序号,项目名称,目标任务,单位,计划完成率（%）,牵头单位\n1,开展职业技能培训,5000,人,60,县人社局\n"
    task, = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert targets_of(task) == [(5000, "人")]


# --- 3. a duration column: a note, never a deadline or a target --------------------------------------------------

@pytest.mark.parametrize("cell", ["90以内", "90", "不超过90"])
def test_a_duration_column_is_a_note(tmp_path, cell):
    rows = f"序号,项目名称,工期（天）,牵头单位\n1,改造道路3公里,{cell},县住建局\n2,新建公园1个,60,县住建局\n"
    task = convert_written(tmp_path, "plan.csv", rows).programme.tasks[0]
    assert task.deadline is None
    assert targets_of(task) == [(3, "公里")]
    assert task.note is not None and f"工期（天）：{cell}" in task.note
    assert not [c for line in task.lines for c in line.checkpoints]


# --- 4. m2, m3 after a number ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "figure"), [
    ("改造绿地5000m2", (5000, "平方米")), ("改造绿地5000 m2", (5000, "平方米")), ("新建蓄水池300m3", (300, "立方米")),
    ("改造绿地5000M2", (5000, "平方米")), ("改造绿地5000m²", (5000, "平方米")), ("新建蓄水池300m³", (300, "立方米"))])
def test_m2_and_m3_after_a_number(words, figure):
    assert [(m.value, m.unit) for m in find_mentions(words, 2024)] == [figure]


@pytest.mark.parametrize("words", ["治理PM2.5污染", "建设5G基站10个", "购置A4m2型设备10台"])
def test_m2_inside_a_name_is_no_unit(words):
    assert all(m.unit not in ("平方米", "立方米") for m in find_mentions(words, 2024))


def test_m2_in_a_table(tmp_path):
    rows = "序号,项目名称,牵头单位\n1,新建口袋公园3个、绿地5000m2,县住建局\n"
    task, = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert targets_of(task) == [(3, "个"), (5000, "平方米")]


# --- 5. a column for each year -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("first", "second"), [("2024年", "2025年"), ("2024年度", "2025年度"), ("2023年", "2024年")])
def test_the_programmes_years_column_holds_the_targets(tmp_path, first, second):
    tasks, other = year_columns_read(tmp_path, first, second)
    assert all(t.note and other in t.note for t in tasks)


def test_bare_figures_in_year_columns(tmp_path):
    """Bare figures under 2024年 and 2025年 beside a 单位 column: 2024's the target, 2025's a note, no progress."""
    bare_year_figures_read(tmp_path, "2024年", "2025年")


def test_a_lone_years_column_is_read_as_before(tmp_path):
    """One 2024年 column and no other year's: nothing says it is the year's figures (a note, no target)."""
    rows = "序号,项目名称,2024年,牵头单位\n1,改造老旧小区,20个,县住建局\n"
    task, = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert targets_of(task) == []
    assert "2024年：20个" in task.note
