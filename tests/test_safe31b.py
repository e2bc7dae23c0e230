"""A count is whole: a reported value that is not a whole number of what a countable unit counts (人次, 个, 户, 所 …) is
bad input on every write path (`log`, `import progress` of a .csv or an .xlsx, whichever of its paths reads the row),
refused with the value, the indicator, its unit (and FILE:ROW:COLUMN), nothing written; and a stored value is shown as
it is stored, never rounded to another number (only computed values, an expected pro-rata value, are rounded)."""

import json

import pytest

from mstrack.domain.quantities import format_computed, format_number, whole_count
from mstrack.sources import progress_columns

from .conftest import refused, write_plan

TASKS = 40  # tasks of one counted indicator each: enough rows for a file above the import's chunk size
PLAN = "".join(
    f'[[tasks]]\ncode = "{n}"\ntitle = "任务{n}"\n[[tasks.lines]]\nlead_units = ["甲局"]\n'
    f'[[tasks.lines.indicators]]\nname = "服务人次"\nunit = "人次"\ntarget = 1000000\n' for n in range(1, TASKS + 1)
) + (
    '[[tasks]]\ncode = "w"\ntitle = "万人次"\n[[tasks.lines]]\nlead_units = ["甲局"]\n'
    '[[tasks.lines.indicators]]\nname = "惠及群众"\nunit = "万人次"\ntarget = 30\n'
    '[[tasks]]\ncode = "k"\ntitle = "道路"\n[[tasks.lines]]\nlead_units = ["甲局"]\n'
    '[[tasks.lines.indicators]]\nname = "新建道路"\nunit = "公里"\ntarget = 3000\n'
)
HEADER = ["计划", "任务编号", "指标", "截至日期", "数值"]


@pytest.fixture
def office(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "plan.toml", PLAN))).exit_code == 0
    return cli


def reports(cli) -> list[tuple]:
    return cli.sql("select indicator_id, as_of, value from report order by id")


def values(cli, task: str) -> list:
    return [value for (value,) in cli.sql(
        "select r.value from report r join indicator i on i.id = r.indicator_id join task_line l on l.id = i.line_id"
        " join task t on t.id = l.task_id"
        f" where t.code = '{task}' order by r.id")]


# --- the rule ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "unit", "whole"), [
    (1500, "人次", True), (1500.0, "人次", True), (1500.5, "人次", False), (0.5, "个", False), (12.5, "套（间）", False),
    (1.5, "万人次", True), (1.0001, "万人次", True), (1.00005, "万人次", False), (2.5, "亿人", True),
    (1500.5, "公里", True), (65.5, "%", True), (1.5, "万元", True), (0.25, "平方米", True), (3.5, "", True),
])
def test_whole_count_is_the_count_of_the_base_thing(value, unit, whole):
    assert whole_count(value, unit) is whole


# --- log --------------------------------------------------------------------------------------------------------

def test_log_of_a_fraction_on_a_count_is_refused_and_nothing_stored(office):
    result = office("log", "x-2023/1", "1500.5", "--indicator", "服务人次", "--as-of", "2023-03-01")
    refused(result, "VALUE '1500.5'", "服务人次", "人次", "whole")
    assert reports(office) == []
    in_chinese = office("--lang", "zh", "log", "x-2023/1", "1500.5", "--as-of", "2023-03-01")
    refused(in_chinese, "'1500.5'", "服务人次", "人次", "整数")
    assert reports(office) == []


def test_log_of_a_scaled_whole_count_is_stored(office):
    result = office("log", "x-2023/1", "1.5万", "--as-of", "2023-03-01")
    assert result.exit_code == 0, result.output
    assert values(office, "1") == [15000]
    # in 万人次: 1.5 is 15000 人次, whole; 15001人次 is 1.5001; 1.00005 is 10000.5 人次, no count
    for text in ("1.5", "15001人次"):
        assert office("log", "x-2023/w", text, "--as-of", "2023-03-02").exit_code == 0
    assert values(office, "w") == [1.5, 1.5001]
    refused(office("log", "x-2023/w", "1.00005", "--as-of", "2023-03-03"), "'1.00005'", "惠及群众", "万人次", "10000.5")
    assert values(office, "w") == [1.5, 1.5001]


def test_a_fraction_of_a_measure_is_stored_and_shown_as_stored(office):
    result = office("log", "x-2023/k", "1500.5", "--as-of", "2023-03-01")
    assert result.exit_code == 0, result.output
    assert "1500.5公里" in result.output
    assert values(office, "k") == [1500.5]
    shown = office("show", "x-2023/k", "--as-of", "2023-03-02")
    assert shown.exit_code == 0 and "1,500.5公里" in shown.output, shown.output
    shown = office("--lang", "zh", "show", "x-2023/k", "--as-of", "2023-03-02")
    assert shown.exit_code == 0 and "1500.5公里" in shown.output, shown.output
    status = office("status", "--as-of", "2023-03-02", "--format", "json")
    row = next(row for row in json.loads(status.stdout) if row["indicator"] == "新建道路")
    assert row["actual"] == 1500.5
    history = office("history", "x-2023/k")
    assert "1,500.5公里" in history.output, history.output
    corrected = office("log", "x-2023/k", "1600", "--as-of", "2023-03-01")
    assert "correcting 1500.5公里" in corrected.output, corrected.output


def test_a_fraction_an_older_database_holds_on_a_count_is_shown_as_stored(office):
    assert office("log", "x-2023/2", "1500", "--as-of", "2023-03-01").exit_code == 0
    from sqlalchemy import create_engine, text

    engine = create_engine(office.url)  # the value an older mstrack stored, written behind the rule's back
    with engine.begin() as connection:
        connection.execute(text("update report set value = 1500.5"))
    engine.dispose()
    for args in (("show", "x-2023/2", "--as-of", "2023-03-02"), ("history", "x-2023/2")):
        result = office(*args)
        assert result.exit_code == 0 and "1,500.5人次" in result.output, result.output
        result = office("--lang", "zh", *args)
        assert result.exit_code == 0 and "1500.5人次" in result.output, result.output
    corrected = office("log", "x-2023/2", "1600", "--as-of", "2023-03-01")
    assert corrected.exit_code == 0 and "correcting 1500.5人次" in corrected.output, corrected.output


# --- import progress ---------------------------------------------------------------------------------------------

def rows_of(count: int) -> list[list]:
    """`count` plain rows: every counted task, day after day, rising."""
    rows = []
    for n in range(count):
        task, day = n % TASKS + 1, n // TASKS
        rows.append(["x-2023", str(task), "服务人次", f"2023-{1 + day // 28:02d}-{1 + day % 28:02d}", str(100 + day)])
    return rows


def write(path, rows) -> None:
    if path.suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        book.active.append(HEADER)
        for row in rows:
            value = row[4]
            book.active.append([*row[:4], value if value.endswith("万") else float(value) if "." in value else int(value)])
        book.save(path)
    else:
        path.write_text("\n".join(",".join(row) for row in [HEADER, *rows]) + "\n", encoding="utf-8")


@pytest.mark.parametrize(("suffix", "count"), [
    (".csv", 50), (".csv", 2_500), (".csv", 12_000), (".xlsx", 50), (".xlsx", 2_500),
])
def test_import_with_one_fraction_on_a_count_among_plain_rows_is_refused(office, tmp_path, suffix, count):
    """50 rows: the per-row and chunk paths; 2,500: the columnar path (progress_columns.COLUMNAR_ROWS); 12,000: above
    the chunk size (progress.CHUNK_ROWS), the bad row in the second chunk, the first already written."""
    assert progress_columns.COLUMNAR_ROWS < 2_500
    rows = rows_of(count)
    bad = count - 7
    rows[bad][4] = "1500.5"
    path = tmp_path / f"周报{suffix}"
    write(path, rows)
    before = reports(office)
    result = office("import", "progress", str(path))
    refused(result, f"{path}:{bad + 2}:数值", "'1500.5'", "服务人次", "人次", "whole", "nothing was written")
    assert reports(office) == before == []
    rows[bad][4] = "1500"
    write(path, rows)
    result = office("import", "progress", str(path))
    assert result.exit_code == 0, result.output
    assert len(reports(office)) == count


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_import_of_scaled_counts_keeps_whole_ones(office, tmp_path, suffix):
    rows = rows_of(1_200)
    rows[5][4] = "1.5万"
    scaled = [["x-2023", "w", "惠及群众", f"2023-{1 + day // 28:02d}-{1 + day % 28:02d}", f"{1 + day / 10:.1f}"]
              for day in range(30)]
    measured = [["x-2023", "k", "新建道路", "2023-02-01", "1500.5"]]
    path = tmp_path / f"周报{suffix}"
    write(path, rows + scaled + measured)
    if suffix == ".xlsx":  # a text cell, as a unit types 1.5万
        from openpyxl import load_workbook

        book = load_workbook(path)
        book.active.cell(row=7, column=5).value = "1.5万"
        book.save(path)
    result = office("import", "progress", str(path))
    assert result.exit_code == 0, result.output
    assert values(office, "6")[0] == 15000
    assert values(office, "w") == [1 + day / 10 for day in range(30)]
    assert values(office, "k") == [1500.5]
    scaled[3][4] = "1.00005"
    write(path, scaled)
    refused(office("import", "progress", str(path)), f"{path}:5:数值", "'1.00005'", "惠及群众", "万人次")


# --- display ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "unit", "lang", "text"), [
    (1500.5, "公里", "zh", "1500.5公里"), (1500.5, "人次", "zh", "1500.5人次"), (1500.5, "公里", "en", "1,500.5公里"),
    (65.555, "%", "zh", "65.555%"), (0.00001, "吨", "zh", "0.00001吨"), (15000, "人次", "zh", "1.5万人次"),
    (1500, "人次", "zh", "1500人次"), (12345678.25, "元", "zh", "12345678.25元"),
])
def test_a_stored_value_is_shown_as_stored(value, unit, lang, text):
    assert format_number(value, unit, lang) == text


@pytest.mark.parametrize(("value", "unit", "lang", "text"), [
    (1500.5, "公里", "zh", "1500公里"), (1234.567, "公里", "en", "1,235公里"), (12.3456, "%", "zh", "12.35%"),
    (14999.6, "人次", "zh", "1.5万人次"),
])
def test_a_computed_value_is_rounded(value, unit, lang, text):
    assert format_computed(value, unit, lang) == text


def test_a_plan_reporting_a_fraction_of_a_count_is_refused(cli, tmp_path):
    """`import plan` stores the reports a plan carries (import table writes them): the same rule."""
    report = '[[tasks.lines.indicators.reports]]\nas_of = "2023-03-01"\nvalue = {value}\n'
    body = ('[[tasks]]\ncode = "1"\ntitle = "t"\n[[tasks.lines]]\nlead_units = ["甲局"]\n'
            '[[tasks.lines.indicators]]\nname = "服务人次"\nunit = "人次"\ntarget = 3000\n')
    plan = write_plan(tmp_path / "plan.toml", body + report.format(value=1500))
    assert cli("import", "plan", str(plan)).exit_code == 0
    assert cli.sql("select value from report") == [(1500,)]
    plan = write_plan(tmp_path / "plan.toml", body + report.format(value=1500.5))
    refused(cli("import", "plan", str(plan)), ".lines[0].indicators[0].reports[0].value", "'1500.5'", "服务人次",
            "人次", "whole")
    assert cli.sql("select value from report") == [(1500,)]
