"""A 分工 notice's topics (issue 13, read46e): sub-items "一是…" under a numbered topic "1.…专题：", a label naming no
column ("要点：") between an item's name and its 责任单位, "时间要求" as the deadline's label, one date per outlet in it
("A，5月10日；B，5月8日至5月12日"), and items that name topics, not work, read because each names its own offices."""

from datetime import date

import pytest

from mstrack.sources.table.columns import column_kind
from mstrack.sources.table.schedule import outlet_dates, parse_deadline
from tests.conftest import convert_written


def checkpoints(task) -> list[date]:
    """The dates of a task's checkpoints, the deadline apart."""
    return sorted({c.due for line in task.lines for c in line.checkpoints} - {task.deadline})


# --- 时间要求 --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["时间要求", "完成时间要求"])
def test_a_time_requirement_names_the_deadline(name):
    assert column_kind(name, 2024).kind == "deadline"


def test_a_requirement_without_time_names_no_deadline():
    assert column_kind("工作要求", 2024).kind != "deadline"


# --- one date per outlet ------------------------------------------------------------------------

PER_OUTLET = "县报，5月15日；县电视台，5月8日至5月12日；县网站，5月10日"


def test_one_date_per_outlet_is_due_at_the_latest_a_spans_end_counting():
    assert parse_deadline(PER_OUTLET, 2024) == date(2024, 5, 15)
    assert parse_deadline("县报，5月9日；县电视台，5月8日至5月20日", 2024) == date(2024, 5, 20)


def test_one_date_per_outlet_lists_every_date_a_span_both_its_days():
    assert [due for _, due, _ in outlet_dates(PER_OUTLET, 2024)] == [
        date(2024, 5, 8), date(2024, 5, 10), date(2024, 5, 12), date(2024, 5, 15)]


@pytest.mark.parametrize("text", ["5月8日至5月12日", "6月底前开工，11月底前完工", "县报，5月15日", "12月底"])
def test_one_date_or_one_part_is_no_list_of_outlets(text):
    assert outlet_dates(text, 2024) == []


def test_a_time_requirement_column_of_dates_per_outlet_gives_the_deadline_and_checkpoints(tmp_path):
    rows = "序号,工作任务,责任单位,时间要求\n" \
           f"1,水库安全宣传,县水利局,{PER_OUTLET}\n" \
           "2,山洪防御宣传,县应急局,县报，5月16日；县电视台，5月8日至5月20日\n"
    tasks = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert [t.deadline for t in tasks] == [date(2024, 5, 15), date(2024, 5, 20)]
    assert [checkpoints(t) for t in tasks] == [[date(2024, 5, 8), date(2024, 5, 10), date(2024, 5, 12)],
                                             [date(2024, 5, 8), date(2024, 5, 16)]]
