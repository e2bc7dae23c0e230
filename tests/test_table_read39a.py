"""Issue 13, read39a: targets and dates the reader left: a planned figure's column whose header is a measure and a
word of planning only (计划完成数（个）) names its figure by the item; the programme year's column's words in the note
under the year; a date after a word of commitment opening the item (确保年底前…) is its deadline; year columns with
words after the year (2024年目标任务); a span of relief (减免房租3个月) is no target."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.sources.table.mentions import find_mentions

from .conftest import bare_year_figures_read, convert_written, targets_of, year_columns_read

# --- 1. a planned figure's column named by a measure only --------------------------------------------------------

@pytest.mark.parametrize(("header", "unit"), [("计划完成数（个）", "个"), ("计划完成数（人）", "人"), ("计划完成数(所)", "所"),
                                              ("目标任务数（座）", "座")])
def test_a_planned_count_column_is_named_by_the_item(tmp_path, header, unit):
    rows = f"序号,项目名称,{header},牵头单位\n1,改造老旧小区,20,县住建局\n"
    task, = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert targets_of(task) == [(20, unit)]
    indicator, = task.lines[0].indicators
    assert indicator.name == "改造老旧小区"


def test_a_measured_column_naming_what_it_counts_keeps_its_name(tmp_path):
    rows = "序号,项目名称,新增养老床位（张）,牵头单位\n1,完善养老服务,300,县民政局\n"
    task, = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    indicator, = task.lines[0].indicators
    assert (indicator.name, indicator.target, indicator.unit) == ("新增养老床位", 300, "张")


# --- 2. the programme year's words in the note under its year ----------------------------------------------------

def test_the_programme_years_words_are_noted_under_the_year(tmp_path):
    rows = ("序号,项目名称,2024年,2025年,牵头单位\n1,改造老旧小区,20个,30个,县住建局\n"
            "2,完善养老服务,推进中心建设,全面建成,县民政局\n")
    first, second = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert targets_of(first) == [(20, "个")]
    assert "2024年：推进中心建设" in second.note.split("\n")
    assert "2025年：全面建成" in second.note.split("\n")
    assert "主要内容" not in second.note


def test_a_content_column_is_still_noted_as_content(tmp_path):
    rows = "序号,项目名称,建设内容,牵头单位\n1,完善养老服务,推进中心建设,县民政局\n"
    task, = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert task.note == "主要内容：推进中心建设"


# --- 3. a date after a word of commitment opening the item -------------------------------------------------------

@pytest.mark.parametrize(("item", "due"), [
    ("确保年底前改造老旧小区20个", date(2024, 12, 31)), ("力争年底前改造老旧小区20个", date(2024, 12, 31)),
    ("争取年底前改造老旧小区20个", date(2024, 12, 31)), ("务必年底前改造老旧小区20个", date(2024, 12, 31)),
    ("力争6月底前完成改造老旧小区20个", date(2024, 6, 30)), ("确保6月底前改造老旧小区20个", date(2024, 6, 30)),
    ("务必6月底前改造老旧小区20个", date(2024, 6, 30)), ("确保10月30日前改造老旧小区20个", date(2024, 10, 30))])
def test_a_date_after_a_word_of_commitment_is_the_deadline(tmp_path, item, due):
    task, = convert_written(tmp_path, "plan.csv", f"序号,项目,牵头单位\n1,{item},县住建局\n").programme.tasks
    assert task.deadline == due
    assert targets_of(task) == [(20, "个")]


def test_year_end_inside_the_sentence_stays_no_step(tmp_path):
    """"…，确保年底前全部通水": mid-sentence, as "…，年底前全部通水" (test_table_read18a), no deadline of a step."""
    rows = "序号,项目,牵头单位\n1,改造供水管网20公里，确保年底前全部通水,县水利局\n"
    task, = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert targets_of(task) == [(20, "公里")]
    assert not [c for line in task.lines for c in line.checkpoints]


# --- 4. year columns with words after the year -------------------------------------------------------------------

@pytest.mark.parametrize(("first", "second"), [("2024年目标任务", "2025年目标任务"), ("2024年工作目标", "2025年工作目标"),
                                               ("2024年度任务", "2025年度任务"), ("2023年目标任务", "2024年目标任务")])
def test_year_columns_with_words_after_the_year(tmp_path, first, second):
    tasks, other = year_columns_read(tmp_path, first, second)
    assert all(t.note and f"{other}：" in t.note for t in tasks)


def test_bare_figures_in_year_target_columns(tmp_path):
    bare_year_figures_read(tmp_path, "2024年目标", "2025年目标")


def test_a_years_report_beside_a_years_target_is_read_as_before(tmp_path):
    """"2023年完成情况" reports: only one year's targets, no column per year."""
    rows = "序号,项目名称,2023年完成情况,2024年目标任务,牵头单位\n1,改造老旧小区,已完成15个,20个,县住建局\n"
    task, = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert targets_of(task) == [(20, "个")]


# --- 5. a span of relief or extension is no target ----------------------------------------------------------------

@pytest.mark.parametrize("words", ["减免小微企业房租3个月", "免收中小企业租金6个月", "延长失业保险金领取期限6个月",
                                   "缓缴社会保险费3个月", "减免承租户租金90天", "延长贷款期限1年"])
def test_a_span_of_relief_is_no_target(words):
    assert [(m.value, m.unit) for m in find_mentions(words, 2024)] == []


def test_a_span_of_relief_beside_a_target(tmp_path):
    rows = "序号,项目,牵头单位\n1,为500户小微企业减免房租3个月,县国资局\n"
    task, = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert targets_of(task) == [(500, "户")]


@pytest.mark.parametrize(("words", "figure"), [("建设周期缩短30天", (30, "天")), ("新增托育机构3个", (3, "个")),
                                               ("减免费用300万元", (3000000, "元")),
                                               ("用药量从4周延长至最多12周", (12, "周"))])
def test_other_spans_and_counts_stay_targets(words, figure):
    assert [(m.value, m.unit) for m in find_mentions(words, 2024)] == [figure]


def test_a_row_per_city_keeps_the_columns_whole_name(tmp_path):
    """Rows that are cities (长沙市, 湘西州: hunan-2021-8yue): the item names no work; the column's name, not "数"."""
    rows = "序号,项目名称,计划完成数（个）,牵头单位\n1,长沙市,150,长沙市住建局\n2,湘西州,85,湘西州住建局\n"
    tasks = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert [[(i.name, i.target) for i in t.lines[0].indicators] for t in tasks] == [[("计划完成数", 150)], [("计划完成数", 85)]]
