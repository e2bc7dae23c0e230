"""`import progress` checks plain rows a chunk at a time (sources/progress._Importer._read_chunk: a bare number
or one with its indicator's unit, a date and an indicator met before, storable notes and reporters) and
sends every other row through the per-row path. Both must give what the per-row path alone gives: the
same counts, warnings, errors and stored reports, row for row, on rows that mix both kinds."""

import csv
import json
import re
import shutil
from datetime import date

import pytest

from mstrack.sources import progress, progress_cells

from .conftest import BACKEND, Cli, _admin, _pg_database, _pg_url, refused, run_apart

PLAIN = [  # (task, indicator, unit) of dongguan-2023 in the demo
    ("2", "发热门诊（诊室）", "个"), ("5", "建档率", "%"), ("7", "资金支付", "元"), ("12", "孕产妇免费筛查", "人"),
    ("17", "养老机构护理型床位比例", "%"),
]
DAYS = [f"2023-0{month}-{day:02d}" for month in (2, 3, 4) for day in (3, 10, 17, 24)]


@pytest.fixture
def demo_pair(_demo_db, tmp_path):
    """Two fresh copies of the demo database: one for each path."""
    if BACKEND == "postgresql":
        names = [_pg_database(template=_demo_db) for _ in range(2)]
        yield [Cli(_pg_url(name)) for name in names]
        for name in names:
            _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        return
    pair = []
    for name in ("chunks.db", "rows.db"):
        shutil.copy(_demo_db, tmp_path / name)
        pair.append(Cli(tmp_path / name))
    yield pair


def per_row_only(monkeypatch) -> None:
    """The reference: every row through _read_row, the per-row path that names every problem."""
    def read_chunk(self, table, lines, rows):
        for line, cells in zip(lines, rows, strict=True):
            self._read_row(table, line, cells)

    monkeypatch.setattr(progress._Importer, "_read_chunk", read_chunk)


def write(path, rows) -> None:
    """A .csv, or an .xlsx whose numbers and ISO dates are typed cells, as Excel saves them."""
    if path.suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        book.active.append(HEADER)
        for row in rows:
            book.active.append([typed(cell) for cell in row])
        book.save(path)
        return
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)


HEADER = ["计划", "任务编号", "指标", "截至日期", "完成值", "备注", "填报人"]


def typed(cell):
    if isinstance(cell, str) and re.fullmatch(r"\d+(\.\d+)?", cell):
        return float(cell) if "." in cell else int(cell)
    if isinstance(cell, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", cell):
        return date.fromisoformat(cell)
    return cell


def mixed_rows() -> list[list]:
    """Rows of five indicators over twelve weeks, plain ones and every kind the chunk path leaves to the
    per-row path, in the middle of runs of plain rows."""
    rows = []
    for week, day in enumerate(DAYS):
        for task, name, unit in PLAIN:
            value = str(10 + week * 3) if week % 3 else f"{10 + week * 3}{unit}"  # bare, or with its unit
            rows.append(["dongguan-2023", task, name, day, value, f"第{week}周 进展正常" if week % 2 else None,
                         "  张三（市卫健局） " if week % 4 else "李四"])
    rows[56][4] = "150"  # above 100 on a percentage, in the last week: a warning
    rows[8][4] = "13（滞后）"  # a remark joins the note
    rows[12][4] = "0.0016万"  # a quantity in words
    rows[58][4] = "已完成"  # a done word: the target
    rows[14][4] = None  # an empty value: skipped
    rows[20][4] = "5"  # lower than the week before: a warning
    rows[21][3] = "2023/3/3"  # another way to write a date
    rows[22][4] = " 22 "  # spaces around a number
    rows[23][5] = "  备注前后有空格  "
    rows[30] = list(rows[25])  # a repeated row: the same value, kept once
    rows.insert(40, [None] * 7)  # a blank row
    rows += [["dongguan-2023", "1", "进度安排", day, "1", None, "李四"] for day in DAYS[:4]]  # a text-only line: checkpoints met
    return rows


def stored(cli) -> list[tuple]:
    return cli.sql("select indicator_id, as_of, value, note, reporter, source from report where batch_id ="
                   " (select max(id) from batch) order by id")


def imported(cli, path, *options) -> tuple[int, dict]:
    result = cli("import", "progress", str(path), "--format", "json", *options)
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_plain_and_other_rows_mixed_give_what_the_per_row_path_gives(demo_pair, tmp_path, monkeypatch, suffix):
    chunks, rows = demo_pair
    path = tmp_path / f"周报{suffix}"
    write(path, mixed_rows())
    mine = imported(chunks, path, "--dry-run"), imported(chunks, path), stored(chunks)
    per_row_only(monkeypatch)
    reference = imported(rows, path, "--dry-run"), imported(rows, path), stored(rows)
    assert mine == reference
    (code, result), written = mine[1], mine[2]
    assert code == 0 and result["inserted"] == len(DAYS) * len(PLAIN) - 2 + 4 and result["skipped"] == 1, result
    warnings = "\n".join(result["warnings"])
    assert len(result["warnings"]) == 2, warnings
    assert f"{path}:59: 建档率: 150% is above 100%" in warnings
    assert f"{path}:22: dongguan-2023/2 发热门诊（诊室） 5个 as of 2023-03-03 is lower than 19个" in warnings
    assert chunks.sql("select count(*) from report where note = '第1周 进展正常；滞后'") == [(1,)]
    assert len(written) == result["inserted"]
    assert {reporter for *_, reporter, _ in written} == {"张三（市卫健局）", "李四"}
    assert "备注前后有空格" in {note for _, _, _, note, _, _ in written}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_small_chunks_of_a_reimport_write_every_new_row_once(demo_pair, tmp_path, monkeypatch, suffix):
    """Chunks of four rows over a file whose rows the store partly holds (their days asked about a chunk at a
    time, those it holds not written): every new row is written once, whichever path read it, as the per-row
    path alone writes them. A per-row row once flushed a chunk mid-way, and the plain rows after it in that
    chunk went to a list already written."""
    monkeypatch.setattr(progress, "CHUNK_ROWS", 4)
    chunks, rows = demo_pair
    first, again = tmp_path / f"first{suffix}", tmp_path / f"again{suffix}"
    write(first, [row for n, row in enumerate(mixed_rows()) if n % 3 and n != 40])
    write(again, mixed_rows())
    assert imported(chunks, first)[0] == imported(rows, first)[0] == 0
    mine = imported(chunks, again, "--dry-run"), imported(chunks, again), stored(chunks)
    per_row_only(monkeypatch)
    reference = imported(rows, again, "--dry-run"), imported(rows, again), stored(rows)
    assert mine == reference
    (code, result), written = mine[1], mine[2]
    assert code == 0 and result["unchanged"] > 20 and result["inserted"] > 20, result
    assert len(written) == len(set(written)) == result["inserted"] + result["updated"]


@pytest.mark.parametrize(("column", "cell", "where", "why"), [
    (5, "进展\x07正常", "备注", "control character U+0007"),
    (6, "王五\x1b[31m", "填报人", "control character U+001B"),
    (4, "50套", "完成值", "unit"),
    (4, "50%", "完成值", "percentage"),
    (3, "2099-01-01", "截至日期", "in the future"),
    (5, "很" * 20_001, "备注", "more than mstrack keeps"),
])
def test_a_bad_cell_among_plain_rows_is_named_and_nothing_is_written(demo_pair, tmp_path, monkeypatch, column, cell,
                                                                      where, why):
    chunks, rows = demo_pair
    data = mixed_rows()
    bad = 33  # after runs of plain rows of the same indicator: the chunk path would take it
    data[bad][column] = cell
    if cell == "50%":
        data[bad][1:3] = ["2", "发热门诊（诊室）"]  # a percentage for a count
    path = tmp_path / "周报.csv"
    write(path, data)
    line = bad + 2 + (bad >= 40)  # the header, and the blank row
    before = chunks.sql("select count(*) from report")
    result = chunks("import", "progress", str(path))
    refused(result, f"{path}:{line}:{where}", why, "nothing was written")
    assert chunks.sql("select count(*) from report") == before
    per_row_only(monkeypatch)
    assert imported(rows, path) == imported(chunks, path)


def test_an_unsaved_formula_among_plain_rows_of_a_workbook_is_named(demo_pair, tmp_path, monkeypatch):
    chunks, rows = demo_pair
    data = mixed_rows()
    data[33][2] = "=C2"  # the indicator's cell, which the chunk path would look up as text
    path = tmp_path / "周报.xlsx"
    write(path, data)
    refused(chunks("import", "progress", str(path)), f"{path}:35:指标", "has no saved value", "nothing was written")
    per_row_only(monkeypatch)
    assert imported(rows, path) == imported(chunks, path)


@pytest.mark.parametrize("texts", [
    [], ["进展正常", "张三（市卫健局）"], ["全角空格　在此", "tab\tand\nline\r\nbreaks"], ["\x85 NEL, a C1 control"],
    ["fine", "bell\x07"], ["esc\x1b[31m"], ["很" * 20_000], ["很" * 20_001], ["\u2028 line separator", "\u200b zero width"],
    ["a lone \udcb0 surrogate", "and a\nline break"],
])
def test_texts_checked_together_agree_with_each_checked_alone(texts):
    from mstrack.domain.limits import all_storable, text_problem

    assert all_storable(texts) == all(text_problem(text) is None for text in texts)


def test_a_column_read_at_once_gives_each_cells_plain_value():
    """plain_numbers' number and unit give what plain_value gives the cell, for the unit that follows it."""
    cells = ["1", "2.5", "65.5%", "197个", "很多", "", "2.5万", "5千瓦", " 5", "5 %", "1\n2", None, 7, 2.5, "１２", "3%\n",
             "12345678901234567", "1.1234567890123", "0.5套（间）", "-3"]
    numbers, suffixes = progress_cells.plain_numbers(cells)
    assert len(numbers) == len(suffixes) == len(cells)
    for cell, number, suffix in zip(cells, numbers, suffixes, strict=True):
        unit = "" if suffix is None else suffix
        if number is not None and not (unit and unit[0] in "万亿千"):
            assert progress_cells.plain_value(str(cell), unit) == number, (cell, number, suffix)
    assert numbers[:4] == [1, 2.5, 65.5, 197] and suffixes[:4] == [None, None, "%", "个"]
    assert numbers[4:6] == [None, None] and numbers[10] is None and numbers[11] is None
    assert progress_cells.plain_numbers(["1", "2"]) == ([1, 2], [None, None])


def test_an_import_indicator_names_the_fields_of_the_stores_row():
    """ImportIndicator unpacks import_indicators' tuple and import_terms' in their order: each field by its name, a
    short row or short terms refused."""
    from mstrack.sources.progress_rows import ImportIndicator

    row, terms = ("12", 7, "新增公办学位", "number", "个", date(2023, 5, 1)), (">=", 3500.0, [date(2023, 6, 30)])
    state = ImportIndicator("sz-2023", row, terms)
    assert (state.programme, state.task, state.indicator_id, state.indicator, state.kind, state.unit, state.last,
            state.comparator, state.target, state.dues) == ("sz-2023", *row, *terms)
    with pytest.raises(ValueError):
        ImportIndicator("sz-2023", row[:-1], terms)
    with pytest.raises(ValueError):
        ImportIndicator("sz-2023", row, terms[:-1])


def test_rows_out_of_day_order_or_repeating_a_day_are_settled_one_a_day(demo_cli, tmp_path):
    """An indicator's rows one a day in day order (a bulk import's rounds) are settled in C; rows out of day order
    or repeating a day take the loop: each day counted once, a repeat of the same value unchanged and written
    once, a fall said by day whatever the file's order."""
    (a, a_name, _), (b, b_name, _), (c, c_name, _), (d, d_name, _) = PLAIN[:4]
    body = [
        ["dongguan-2023", a, a_name, DAYS[5], "30", "", ""],  # out of day order, rising by day: nothing said
        ["dongguan-2023", a, a_name, DAYS[3], "10", "", ""],
        ["dongguan-2023", a, a_name, DAYS[4], "20", "", ""],
        ["dongguan-2023", b, b_name, DAYS[3], "50", "", ""],  # in day order, falling: said at row 6
        ["dongguan-2023", b, b_name, DAYS[4], "40", "", ""],
        ["dongguan-2023", c, c_name, DAYS[3], "5", "", ""],  # a day given twice with the same value
        ["dongguan-2023", c, c_name, DAYS[4], "6", "", ""],
        ["dongguan-2023", c, c_name, DAYS[3], "5", "", ""],
        ["dongguan-2023", d, d_name, DAYS[4], "7", "", ""],  # out of day order, falling by day: said at row 10
        ["dongguan-2023", d, d_name, DAYS[3], "9", "", ""],
    ]
    path = tmp_path / "周报.csv"
    write(path, body)
    code, result = imported(demo_cli, path)
    assert code == 0 and (result["inserted"], result["unchanged"], result["updated"], result["repeated"]) == (9, 0, 0, 1), result
    falls = [warning for warning in result["warnings"] if "lower than" in warning]
    assert [warning.split(": ")[0] for warning in falls] == [f"{path}:6", f"{path}:10"], falls
    assert len(stored(demo_cli)) == 9


def test_the_days_of_a_chunk_are_bound_as_the_driver_binds_a_date():
    """The columnar path hands SQLite a chunk's days as the ISO text its date adapter makes (each day made once),
    and PostgreSQL's COPY the dates themselves."""
    import sqlite3

    from mstrack.store.dialect import Dialect

    days = [date(2023, 1, 6), date(2023, 1, 6), date(2024, 2, 29)]
    sqlite = Dialect.of("sqlite", "qmark", db="x.db")
    adapt = sqlite3.adapters[(date, sqlite3.PrepareProtocol)]
    assert list(sqlite.bound_days(days)) == [adapt(on) for on in days] == ["2023-01-06", "2023-01-06", "2024-02-29"]
    assert Dialect.of("postgresql", "pyformat", db="x").bound_days(days) is days


def test_a_csv_import_never_loads_the_xlsx_reader(demo_cli, tmp_path):
    """A CSV's import runs without the .xlsx reader, calamine or openpyxl (a formula cell's type, Uncomputed,
    lives beside the row type): every module costs the start of each import."""
    path = tmp_path / "周报.csv"
    write(path, [["dongguan-2023", task, name, DAYS[0], "5", "", ""] for task, name, _ in PLAIN[:2]])
    exit_code, written, modules = run_apart(["--db", str(demo_cli.db), "import", "progress", str(path)])
    assert exit_code in (0, None) and "已写入 2 条报送" in written, written
    assert [name for name in modules if name.startswith(("mstrack.sources.xlsx", "python_calamine", "openpyxl"))] == []


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_a_csv_import_never_loads_the_status_classes(demo_cli, tmp_path, fmt):
    """An import's start loads neither model's dataclasses (the status's: the store reads them where a status or a
    task is read) nor the status's renderer (JSON is render.outputs'), on the columnar path and the per-row path."""
    path = tmp_path / "周报.csv"
    days = [date(2023, 1, 2).fromordinal(date(2023, 1, 2).toordinal() + n).isoformat() for n in range(300)]
    rows = [["dongguan-2023", task, name, day, f"{1 + n / 5:g}" if unit in ("%", "元") else str(1 + n), "", ""]
            for n, day in enumerate(days) for task, name, unit in PLAIN]  # fractions where a unit keeps them (个, 人 count)
    rows.append(["dongguan-2023", f" {PLAIN[0][0]}", PLAIN[0][1], "2023-12-30", "70", "", ""])  # a trimmed task: per row
    write(path, rows)
    exit_code, written, modules = run_apart(["--db", str(demo_cli.db), "import", "progress", str(path), "--format", fmt])
    assert exit_code in (0, None), written
    if fmt == "json":
        assert json.loads(written)["inserted"] == len(rows) == 1_501
    else:
        assert "已写入 1501 条报送" in written, written
    assert [name for name in modules if name in ("mstrack.model", "mstrack.render.status")] == []


def test_packed_columns_hold_what_arrays_of_the_numbers_hold():
    """The checked rows' columns are filled by struct's packing (progress_rows.packed), not array's own conversion of
    each number: the same items for each column's type, whole numbers into a float column, a range, none at all; a
    number the type cannot hold refused, not wrapped."""
    import struct
    from array import array

    from mstrack.sources.progress_rows import packed

    for typecode, values in [("i", [738_000, -5, 0, 2**31 - 1]), ("d", [1, 2.5, 65.5, 1e15, -0.0]), ("b", [0, 1, 2, 3]),
                             ("H", [0, 65_535]), ("i", range(7, 10_007)), ("d", [])]:
        made = packed(typecode, values)
        assert made.typecode == typecode and made == array(typecode, values), typecode
    with pytest.raises(struct.error):
        packed("i", [2**31])


@pytest.mark.parametrize("at_a_time", [2_000, 2])
def test_day_runs_finds_the_indicators_whose_rows_need_the_loop(monkeypatch, at_a_time):
    """settle's check of every indicator at once: rows out of day order or repeating a day, and values falling, are
    found by indicator (in id order); a pair of neighbours across two indicators (a later id's earlier day or lower
    value) is nobody's; the rows are handed back and of_indicator emptied. The same when the indicators' rows are
    laid end to end a few indicators at a time."""
    from mstrack.sources import progress_rows
    from mstrack.sources.progress_rows import Checked, day_runs

    monkeypatch.setattr(progress_rows, "RUN_INDICATORS", at_a_time)
    checked = Checked()
    rows = [(7, 3, 5.0), (9, 1, 1.0), (7, 4, 6.0), (3, 2, 9.0), (9, 1, 1.0), (3, 3, 8.0), (4, 1, 1.0), (4, 2, 2.0),
            (5, 2, 1.0), (5, 1, 2.0)]
    for indicator, day, value in rows:
        checked.add(indicator, date.fromordinal(day), value, 0, 1, 2)
    ids, groups, unordered, falling = day_runs(checked)
    assert ids == [3, 4, 5, 7, 9] and [list(group) for group in groups] == [[3, 5], [6, 7], [8, 9], [0, 2], [1, 4]]
    assert unordered == {2, 4}  # 5: days 2 then 1; 9: day 1 twice (4 and 7 rise; 4 → 5 and 7 → 9 are two indicators)
    assert falling == {0}  # 3: 9 then 8 (5's 1 then 2 rises in file order; by day it falls: the loop says so)
    assert checked.of_indicator == {}
    assert day_runs(Checked()) == ([], [], set(), set())
