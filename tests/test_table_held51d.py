"""Issue 13, held51d: a schedule of visits printed as a table, its date column first (受检时间 / 受检单位 / 备注, no 序号):
each row names the body inspected on a day, no doer; the day is the row's deadline."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.sources.table.columns import column_kind
from mstrack.vocabulary import UNLISTED

from .conftest import convert_written

SCHEDULE = [["受检时间", "受检单位", "备注"],
            ["5月4日上午", "甲镇卫生院", ""],
            ["5月4日下午", "乙镇卫生院", ""],
            ["5月10日上午", "丙乡卫生院", ""]]


def _tasks(tmp_path, rows: list[list], year: int = 2016):
    return convert_written(tmp_path, "schedule.xlsx", rows, year).programme.tasks


def test_the_inspected_bodies_name_the_rows_and_the_dates_are_their_deadlines(tmp_path):
    """The 受检单位 cells are the rows' titles (the bodies checked, no lead nor unit: the table names no doer), the
    受检时间 cells their days (the half-day dropped), the rows numbered in order."""
    tasks = _tasks(tmp_path, SCHEDULE)
    assert [(t.code, t.title) for t in tasks] == [("1", "甲镇卫生院"), ("2", "乙镇卫生院"), ("3", "丙乡卫生院")]
    assert [t.deadline for t in tasks] == [date(2016, 5, 4), date(2016, 5, 4), date(2016, 5, 10)]
    assert [(line.lead_units, line.units) for t in tasks for line in t.lines] == [([UNLISTED], [])] * 3  # no office


@pytest.mark.parametrize("header", ["受检单位", "被检查单位", "检查对象", "被考核单位", "督查对象"])
def test_a_header_naming_the_bodies_checked_is_the_rows_names_not_their_units(header):
    """Who is checked (受检单位, 检查对象) is no responsible unit: its names are the rows' items."""
    assert column_kind(header, 2016).kind == "task"


def test_a_time_column_of_other_words_is_no_date_column(tmp_path):
    """A 时间 column whose cells are not days ("全年", "持续推进") dates nothing: the reader keeps its other reading
    (here the longest words, the 工作 cells, are the items)."""
    rows = [["时间", "工作", "责任单位"],
            ["持续推进", "开展全区卫生院医疗质量检查", "区卫健局"],
            ["常态开展", "开展全区卫生院药品安全检查", "区市场监管局"]]
    tasks = _tasks(tmp_path, rows)
    assert [t.deadline for t in tasks] == [None, None]
    assert [t.title for t in tasks] == ["开展全区卫生院医疗质量检查", "开展全区卫生院药品安全检查"]


def test_a_date_column_named_by_a_time_word_dates_the_rows(tmp_path):
    """"督导日期" (a time word no rule names) over days, beside the bodies visited: the days are the deadlines."""
    rows = [["督导日期", "被督导单位", "备注"],
            ["6月1日", "甲街道", ""], ["6月8日", "乙街道", ""], ["6月15日", "丙街道", ""]]
    tasks = _tasks(tmp_path, rows, 2024)
    assert [(t.title, t.deadline) for t in tasks] == [("甲街道", date(2024, 6, 1)), ("乙街道", date(2024, 6, 8)),
                                                      ("丙街道", date(2024, 6, 15))]


def test_a_total_row_and_the_header_again_leave_the_days_a_date_column(tmp_path):
    """"合计" under the days and "受检时间" printed again at a page break are no row's date: the column is still the
    rows' days."""
    rows = [*SCHEDULE[:3], ["受检时间", "受检单位", "备注"], *SCHEDULE[3:], ["合计", "3个", ""]]
    tasks = _tasks(tmp_path, rows)
    assert [(t.title, t.deadline) for t in tasks] == [("甲镇卫生院", date(2016, 5, 4)), ("乙镇卫生院", date(2016, 5, 4)),
                                                      ("丙乡卫生院", date(2016, 5, 10))]
