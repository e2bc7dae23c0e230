"""trial63's findings 1, 7, 8, 11, 13: a date with no year read in the programme's days by one rule (dates.report_day)
for a return's cells and `log --as-of`; the audit's date filters; the weekly workbook's shared styles; a repeated
header row said as one; `demo -f`."""

import json
import zipfile
from datetime import date, timedelta

import openpyxl
import pytest

from mstrack.domain.dates import DateError, ReportWindow, parse_date, report_day

from .benches import bench_module
from .conftest import Cli, done, refused, write_plan

PLAN = '[[tasks]]\ncode = "1"\ntitle = "t"\ndeadline = "{year}-12-31"\n[[tasks.lines]]\nlead_units = ["甲局"]\n' \
       '[[tasks.lines.indicators]]\nname = "建设项目"\nunit = "个"\ntarget = 100\n'


def _plan(cli, tmp_path, year: int) -> str:
    code = f"leap-{year}"
    path = write_plan(tmp_path / "p.toml", PLAN.format(year=year), code=code)
    path.write_text(path.read_text(encoding="utf-8").replace("year = 2023", f"year = {year}"), encoding="utf-8")
    done(cli("import", "plan", str(path)))
    return code


def _days(cli, ref: str) -> list[str]:
    shown = cli("history", ref, "-f", "json")
    done(shown)
    return [row["as_of"] for row in json.loads(shown.stdout)]


# --- 1: a date with no year ----------------------------------------------------------------------------------------

WINDOW = ReportWindow.of(2024)


@pytest.mark.parametrize(("text", "today", "expected"), [
    ("1月5日", date(2025, 1, 10), date(2025, 1, 5)),  # the closing figures, sent in the January after
    ("1月5日", date(2024, 2, 1), date(2024, 1, 5)),  # the January after is still to come
    ("6月30日", date(2025, 1, 10), date(2024, 6, 30)),  # one reading in the programme's days
    ("2024-01-05", date(2025, 1, 10), date(2024, 1, 5)),  # a year named: read as written
    ("1月底", date(2025, 1, 31), date(2025, 1, 31)),
])
def test_a_date_with_no_year_is_the_reading_nearest_today_in_the_programmes_days(text, today, expected):
    assert report_day(lambda year: parse_date(text, year), WINDOW, today, text) == expected


def test_a_date_with_no_year_in_a_closed_programme_is_refused_naming_both_readings():
    with pytest.raises(DateError) as error:
        report_day(lambda year: parse_date("1月5日", year), WINDOW, date(2026, 3, 1), "1月5日")
    assert "2024-01-05 / 2025-01-05" in str(error.value) and "write the year" in str(error.value)


def test_a_returns_january_date_of_a_closed_year_is_refused_not_put_in_the_programmes_january(cli, tmp_path):
    code = _plan(cli, tmp_path, 2024)
    done(cli("log", f"{code}/1", "10", "--as-of", "2024-02-28"))
    (tmp_path / "lp4.csv").write_text("任务编号,指标,截至日期,数值\n1,建设项目,1月5日,100\n", encoding="utf-8")
    refused(cli("import", "progress", str(tmp_path / "lp4.csv"), "-p", code), "lp4.csv:2", "2024-01-05 / 2025-01-05",
            "write the year")
    refused(cli("log", f"{code}/1", "100", "--as-of", "1月5日"), "2024-01-05 / 2025-01-05")
    assert _days(cli, f"{code}/1") == ["2024-02-28"]
    (tmp_path / "lp4.csv").write_text("任务编号,指标,截至日期,数值\n1,建设项目,2025年1月5日,100\n", encoding="utf-8")
    done(cli("import", "progress", str(tmp_path / "lp4.csv"), "-p", code))
    assert _days(cli, f"{code}/1") == ["2024-02-28", "2025-01-05"]


def test_a_date_with_no_year_of_this_years_programme_is_this_years(cli, tmp_path):
    year = date.today().year
    if date.today() < date(year, 1, 6):
        pytest.skip("1月6日 is still to come: in the future")
    code = _plan(cli, tmp_path, year)
    done(cli("log", f"{code}/1", "5", "--as-of", "1月5日"))
    (tmp_path / "r.csv").write_text("任务编号,指标,截至日期,数值\n1,建设项目,1月6日,6\n", encoding="utf-8")
    done(cli("import", "progress", str(tmp_path / "r.csv"), "-p", code))
    assert _days(cli, f"{code}/1") == [f"{year}-01-05", f"{year}-01-06"]


# --- 8: the weekly workbook's styles, made once a kind ---------------------------------------------------------------

XLSX = bench_module("weekly_xlsx")
WEEKLY = bench_module("weekly_report")


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    """150 tasks of the province's plan with 20 weekly reports each, imported by mstrack (bench/weekly_report.py's)."""
    folder = tmp_path_factory.mktemp("province63")
    meta = WEEKLY.generate_province(folder / "data", tasks=150, per_task=20, import_rows=0)
    cli = Cli(folder / "store.db")
    for args in (["import", "plan", *meta["plans"]], ["import", "progress", meta["progress_all_csv"]]):
        done(cli(*args))
    return cli


def _workbook(cli, path, lang: str) -> dict[str, bytes]:
    done(cli("--lang", lang, "report", "weekly", "--as-of", XLSX.ON, "--format", "xlsx", "-o", str(path)))
    with zipfile.ZipFile(path) as book:  # every part but the file's creation time
        return {name: book.read(name) for name in book.namelist() if name != "docProps/core.xml"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_weekly_workbook_is_written_as_before_byte_for_byte(province, tmp_path, lang):
    after = _workbook(province, tmp_path / "after.xlsx", lang)
    with XLSX.before():
        before = _workbook(province, tmp_path / "before.xlsx", lang)
    assert after.keys() == before.keys()
    for name in before:
        assert after[name] == before[name], name
    book = openpyxl.load_workbook(tmp_path / "after.xlsx")
    sheets = book.worksheets
    assert len(sheets) >= 4 and sum(sheet.max_row for sheet in sheets) > 150  # rows enough to tell
    coloured = [cell for sheet in sheets for row in sheet.iter_rows(min_row=2) for cell in row
                if cell.fill.fgColor.rgb not in (None, "00000000") and cell.font.bold]
    assert coloured  # status cells filled, as before


def test_a_weekly_workbooks_styles_are_made_once_a_kind_not_once_a_cell(province, tmp_path, monkeypatch):
    """openpyxl hashes every style object set against the workbook's (trial63 #8: a new Alignment a cell was 53 of 60 s
    of a big week's workbook): a few a sheet, however many rows."""
    import openpyxl.styles

    made = []

    class Counted(openpyxl.styles.Alignment):
        def __init__(self, *args, **kwargs):
            made.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(openpyxl.styles, "Alignment", Counted)
    path = tmp_path / "w.xlsx"
    done(province("report", "weekly", "--as-of", XLSX.ON, "--format", "xlsx", "-o", str(path)))
    rows = sum(sheet.max_row for sheet in openpyxl.load_workbook(path).worksheets)
    assert rows > 150 and len(made) < 80, (rows, len(made))


# --- 7: what was entered between two days ---------------------------------------------------------------------------

def test_history_and_batches_keep_what_was_entered_between_since_and_until(cli, tmp_path):
    code = _plan(cli, tmp_path, 2024)
    done(cli("log", f"{code}/1", "10", "--as-of", "2024-02-28"))
    done(cli("log", f"{code}/1", "12", "--as-of", "2024-02-28", "--reason", "更正"))
    today, day = date.today(), timedelta(days=1)

    def history(*options: str) -> list[dict]:
        shown = cli("history", f"{code}/1", "-f", "json", *options)
        done(shown)
        return json.loads(shown.stdout)

    def batches(*options: str) -> list[int]:
        shown = cli("batches", "-f", "json", *options)
        done(shown)
        return [batch["id"] for batch in json.loads(shown.stdout)]

    whole = history()
    assert [row["state"] for row in whole] == ["superseded", "current"]
    assert history("--since", str(today), "--until", str(today)) == whole
    assert history("--since", str(today + day)) == [] and history("--until", str(today - day)) == []
    assert len(batches()) == 3  # the plan and two logs
    assert batches("--since", str(today)) == batches() and batches("--until", str(today - day)) == []
    assert batches("--since", str(today), "-n", "1") == batches()[:1]
    for command in (["history", f"{code}/1"], ["batches"]):
        refused(cli(*command, "--since", str(today), "--until", str(today - day)), "--until", "is before --since")
        refused(cli(*command, "--since", "13月"), "--since", "13月")


def test_batches_with_since_list_every_batch_of_the_period_not_the_last_twenty(cli, tmp_path):
    code = _plan(cli, tmp_path, 2024)
    for value in range(1, 22):
        done(cli("log", f"{code}/1", str(value), "--as-of", f"2024-03-{value:02d}"))
    listed = cli("batches", "-f", "json", "--since", str(date.today()))
    done(listed)
    assert len(json.loads(listed.stdout)) == 22
    default = cli("batches", "-f", "json")
    done(default)
    assert len(json.loads(default.stdout)) == 20


# --- 11: another unit's block pasted below, its header with it --------------------------------------------------------

def test_a_header_row_repeated_below_the_table_is_said_as_a_second_table_nothing_written(cli, tmp_path):
    code = _plan(cli, tmp_path, 2024)
    path = tmp_path / "pasted.csv"
    path.write_text(f"计划,任务编号,指标,截至日期,数值\n{code},1,建设项目,2024-05-08,20\n,,,,\n填报单位：单位9局,,,,\n"
                    f"计划,任务编号,指标,截至日期,数值\n{code},1,建设项目,2024-06-08,30\n", encoding="utf-8")
    said = refused(cli("import", "progress", str(path)), "pasted.csv:5", "a second header row (计划、任务编号、指标、截至日期… again)",
                   "another table pasted below")
    assert "no programme" not in said
    assert _days(cli, f"{code}/1") == []
    path.write_text(f"计划,任务编号,指标,截至日期,数值\n{code},1,建设项目,2024-05-08,20\n", encoding="utf-8")
    done(cli("import", "progress", str(path)))  # the first table alone goes in
    assert _days(cli, f"{code}/1") == ["2024-05-08"]


# --- 13: demo -f -------------------------------------------------------------------------------------------------------

def test_demo_takes_f_for_format_as_every_command_does(cli):
    shown = cli("demo", "-f", "json")
    done(shown)
    assert isinstance(json.loads(shown.stdout), list) and json.loads(shown.stdout)
