"""Issue 13, dates52: a deadline a table prints that is likely no date of the programme is a doubt (domain.dates
.unlikely_deadline): one before the programme's year (1900-01-12, a number in a date cell; 2019-12-31 in a 2024 list, a
year's table of before) or more than five years after it (2040, a typo); the years a published table prints besides its
own (a five-year plan's 2025 in a 2021 list, a 2023 list's 2024 end) are taken without one."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.domain.dates import PRINTED_YEARS_AFTER, unlikely_deadline

from .conftest import convert_written, import_table, write_table

HEADER = ["序号", "工作任务", "责任单位", "完成时限"]


def _table(*deadlines: str) -> list[list[str]]:
    return [HEADER, *([str(n), f"新建社区公园{n}个", "县住建局", due] for n, due in enumerate(deadlines, 1))]


@pytest.mark.parametrize(("day", "said"), [
    (date(1900, 1, 12), "before the programme's year 2024"),
    (date(2019, 12, 31), "before the programme's year 2024"),
    (date(2023, 12, 31), "before the programme's year 2024"),
    (date(2030, 1, 1), "more than 5 years after the programme's year 2024"),
])
def test_a_deadline_before_the_year_or_far_after_it_is_unlikely(day, said):
    assert said in str(unlikely_deadline(day, 2024))


@pytest.mark.parametrize("day", [date(2024, 1, 1), date(2024, 12, 31), date(2025, 6, 30), date(2029, 12, 31)])
def test_the_years_a_table_prints_beside_its_own_are_taken(day):
    assert unlikely_deadline(day, 2024) is None
    assert PRINTED_YEARS_AFTER == 5


def test_the_table_reader_doubts_an_unlikely_deadline_on_its_task(tmp_path):
    conversion = convert_written(tmp_path, "plan.csv", _table("2019-12-31", "2024-06-30", "2026年12月底", "2040-12-31"))
    deadlines = {task.code: task.deadline for task in conversion.programme.tasks}
    assert deadlines == {"1": date(2019, 12, 31), "2": date(2024, 6, 30), "3": date(2026, 12, 31), "4": date(2040, 12, 31)}
    said = [str(d) for d in conversion.doubts if "deadline" in str(d) and "programme's year" in str(d)]
    assert len(said) == 2, conversion.doubts
    assert "row 2" in said[0] and "2019-12-31 is before the programme's year 2024" in said[0]
    assert "row 5" in said[1] and "2040-12-31 is more than 5 years after" in said[1]
    assert conversion.stats["doubts"] == 2
    assert set(conversion.comments) == {(0, None, None, "deadline"), (3, None, None, "deadline")}


def test_strict_refuses_an_unlikely_deadline_and_takes_a_years_deadlines(tmp_path):
    source = write_table(tmp_path / "plan.csv", _table("2024-06-30", "2019-12-31"))
    run, out = import_table(source, "--strict")
    assert run.exit_code == 2 and not out.exists() and run.exception is not None
    assert "2019-12-31 is before the programme's year 2024" in run.stderr and "Traceback" not in run.output
    source = write_table(tmp_path / "good.csv", _table("2024-06-30", "2025年12月底"))
    run, out = import_table(source, "--strict", out=tmp_path / "good.toml")
    assert run.exit_code == 0, run.output
    assert 'deadline = "2025-12-31"' in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("words", "due"), [
    ("改造农贸市场2个，次年3月底前完成", date(2025, 3, 31)),  # 次年 the date's, not the subject before it
    ("新建公厕10座，明年上半年建成", date(2025, 6, 30)),
    ("翌年3月底前完成道路改造", date(2025, 3, 31)),
    ("上半年完成道路改造", date(2024, 6, 30)),
    ("三季度末前完成道路改造", date(2024, 9, 30)),
    ("前三季度完成道路改造", date(2024, 9, 30)),
])
def test_the_shapes_of_a_period_in_words_read_to_their_date(words, due):
    from mstrack.sources.table.schedule import dated_clauses

    assert [found for _, found, _ in dated_clauses(words, 2024)] == [due]


@pytest.mark.parametrize("words", ["于2025年春节前完成道路改造", "2025年国庆节前完成道路改造", "到2025年汛期前，完成堤防加固"])
def test_a_feast_of_a_year_is_no_date_not_the_years_end(words):
    """"2025年春节前" is late January (a lunar feast, moving by weeks): no date is read, never 2025-12-31."""
    from mstrack.sources.table.schedule import dated_clauses

    assert dated_clauses(words, 2024) == []


@pytest.mark.parametrize("printed", ["春节前", "2025年春节前", "国庆节前", "汛期前", "年中"])
def test_a_deadline_cell_naming_a_feast_names_no_date_and_says_so(tmp_path, printed):
    conversion = convert_written(tmp_path, "plan.csv", [HEADER, ["1", "新建停车场1个", "县交通局", printed]])
    task = conversion.programme.tasks[0]
    assert task.deadline is None and task.text.deadline_text == printed
    assert any(f"完成时限 “{printed}” names no date" in str(m) for m in conversion.summary), conversion.summary


def test_a_deadline_span_over_the_new_year_is_due_in_the_next(tmp_path):
    """"12月17日至1月15日" in a 2024 list: due 2025-01-15, the work starting 2024-12-17; a doubt names the other reading
    (the winter before, to 2024-01-15), none that the date is unlikely."""
    conversion = convert_written(tmp_path, "plan.csv", [HEADER, ["1", "开展冬季供暖保障行动", "县住建局", "12月17日至1月15日"]])
    task = conversion.programme.tasks[0]
    assert task.deadline == date(2025, 1, 15) and task.text.deadline_text == "12月17日至1月15日"
    assert date(2024, 12, 17) in [c.due for line in task.lines for c in line.checkpoints]
    assert not [d for d in conversion.doubts if "is before the programme's year" in str(d) or "years after" in str(d)]
    said = [str(d) for d in conversion.doubts if "running into the next year" in str(d)]
    assert len(said) == 1 and "“12月17日至1月15日” read as running into the next year (to 2025-01-15)" in said[0]
    within = convert_written(tmp_path, "within.csv", [HEADER, ["1", "开展冬季供暖保障行动", "县住建局", "11月17日至12月15日"]])
    assert within.programme.tasks[0].deadline == date(2024, 12, 15) and not within.doubts


@pytest.mark.parametrize(("printed", "read", "other"), [
    ("2025年前", date(2024, 12, 31), date(2025, 12, 31)),
    ("2025年之前", date(2024, 12, 31), date(2025, 12, 31)),
])
def test_a_deadline_before_a_year_is_read_as_a_schedule_reads_it_and_doubted(tmp_path, printed, read, other):
    """"2025年前" in a 完成时限 was the end of 2025, in a schedule's words the end of 2024 (dates47: "2017年前" before 2017):
    one reading, the schedule's, and the other named for a person to check, as "6月前" is."""
    from mstrack.sources.table.schedule import dated_clauses, parse_deadline

    assert parse_deadline(printed, 2024) == read
    assert [due for _, due, _ in dated_clauses(f"新建停车场1个，{printed}完成", 2023)] == [read]
    conversion = convert_written(tmp_path, "plan.csv", [HEADER, ["1", "新建停车场1个", "县交通局", printed]])
    assert conversion.programme.tasks[0].deadline == read
    said = [str(d) for d in conversion.doubts if "before that year" in str(d)]
    assert len(said) == 1 and f"({read}); it may mean by the end of it ({other})" in said[0], conversion.doubts
    assert parse_deadline("2025年底前", 2024) == date(2025, 12, 31)  # read one way only


def test_a_bare_number_in_a_deadline_cell_names_no_date(tmp_path):
    """"12" typed into a 完成时限 date cell shows 1900-01-12: a month, a day or a count, the cell does not say; it was read
    as the programme's year's end with no word (a date parser's default). Now no date, said; a real date still reads."""
    import datetime as dt

    from mstrack.sources.table.schedule import parse_deadline

    assert [parse_deadline(text, 2026) for text in ("12", "8", "30", "12.0")] == [None] * 4
    assert parse_deadline("6.30", 2026) == date(2026, 6, 30) and parse_deadline("2026", 2026) == date(2026, 12, 31)
    rows = [HEADER, ["1", "新建公园1个", "县住建局", dt.datetime(1900, 1, 12)],
            ["2", "新建公园2个", "县住建局", dt.datetime(2026, 6, 30)]]
    conversion = convert_written(tmp_path, "plan.xlsx", rows, 2026)
    assert [(t.deadline, t.text.deadline_text) for t in conversion.programme.tasks] == [(None, "12"), (date(2026, 6, 30), "2026-06-30")]
    assert any("完成时限 “12” names no date" in str(m) for m in conversion.summary), conversion.summary
