"""safe31a: a unit's return whose header lies below row 30 (a long 填报说明 above it) is imported, and no -o writes
over it; a file mstrack did not write that holds rows but no header it can find is kept too (when unsure, nothing is
written over); a sheet without the header is told from one that cannot be read by the error's type."""

import csv
from pathlib import Path

import pytest

from mstrack.errors import InputError, NoHeaderError
from mstrack.sources.sheets import HEADER_SEARCH_ROWS

from .conftest import Cli, refused, write_plan

ROADS = ('[[tasks]]\ncode = "1"\ntitle = "道路"\n[[tasks.lines]]\nlead_units = ["市交通局"]\n'
         '[[tasks.lines.indicators]]\nname = "新建道路"\nunit = "条"\ntarget = 10\n')
HEADER = ["序号", "任务名称", "指标", "截至日期", "数值", "备注"]
ROWS = [["1", "道路", "新建道路", "2023-06-30", 2, None], ["1", "道路", "新建道路", "2023-07-31", 3, "两条已完工"]]
NOTES = [[f"{number}. 填报说明：请于每月末前报送，数值为累计完成数（第 {number} 条）"] for number in range(1, 41)]


def written(path: Path, rows: list[list], sheets: dict | None = None) -> bytes:
    """`rows` as a CSV, or as the first sheet of an .xlsx written by openpyxl (`sheets`: more sheets after it);
    the file's bytes, to see it untouched."""
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(["" if cell is None else cell for cell in row] for row in rows)
        return path.read_bytes()
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "报送"
    for row in rows:
        workbook.active.append(row)
    for name, more in (sheets or {}).items():
        sheet = workbook.create_sheet(name)
        for row in more:
            sheet.append(row)
    workbook.save(path)
    return path.read_bytes()


def reported(cli: Cli) -> list:
    return [(str(as_of)[:10], value, note) for as_of, value, note in
            cli.sql("SELECT as_of, value, note FROM report ORDER BY as_of")]


@pytest.fixture
def roads(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    return cli


# --- 1. the header below row 30: imported --------------------------------------------------------

@pytest.mark.parametrize("name", ["return.xlsx", "return.csv"])
def test_a_return_whose_header_is_below_row_30_is_imported(roads, tmp_path, name):
    form = tmp_path / name
    written(form, [*NOTES, [], HEADER, *ROWS])
    result = roads("import", "progress", str(form), "-p", "x-2023")
    assert result.exit_code == 0, result.stderr
    assert reported(roads) == [("2023-06-30", 2, None), ("2023-07-31", 3, "两条已完工")]


def test_a_return_below_row_30_beside_a_blank_template_sheet_is_chosen_and_imported(roads, tmp_path):
    """A workbook of several sheets is chosen among by the same search (progress_sheets.sheet_tables)."""
    form = tmp_path / "return.xlsx"
    written(form, [["填报说明"]], {"模板": [HEADER, ["1", "道路", "新建道路", "2023-07-31", None, None]],
                                   "7月": [*NOTES, HEADER, *ROWS]})
    result = roads("import", "progress", str(form), "-p", "x-2023")
    assert result.exit_code == 0, result.stderr
    assert "sheet '7月' read" in result.stderr
    assert reported(roads) == [("2023-06-30", 2, None), ("2023-07-31", 3, "两条已完工")]


@pytest.mark.parametrize("name", ["return.xlsx", "return.csv"])
def test_a_header_below_the_rows_searched_is_refused_saying_how_many_were(roads, tmp_path, name):
    form = tmp_path / name
    written(form, [[f"说明 {number}"] for number in range(HEADER_SEARCH_ROWS)] + [HEADER, *ROWS])
    result = roads("import", "progress", str(form), "-p", "x-2023")
    refused(result, f"{form}: no header row found in the first {HEADER_SEARCH_ROWS} rows")
    assert reported(roads) == []


# --- 2. -o never writes over it, nor over a file of rows it cannot tell -------------------------

OUTPUTS = {
    ".xlsx": [["report", "weekly", "-f", "xlsx", "--as-of", "2023-07-31"], ["units", "-f", "xlsx"],
              ["export", "template", "x-2023", "--as-of", "2023-07-31"]],
    ".csv": [["report", "weekly", "-f", "csv", "--as-of", "2023-07-31"], ["units", "-f", "csv"],
             ["lights", "-f", "csv"]],
}
CASES = [(suffix, command) for suffix, commands in OUTPUTS.items() for command in commands]


@pytest.mark.parametrize(("suffix", "command"), CASES, ids=lambda value: " ".join(value) if isinstance(value, list) else value)
def test_o_onto_a_return_whose_header_is_below_row_30_is_refused(roads, tmp_path, suffix, command):
    form = tmp_path / f"return{suffix}"
    before = written(form, [*NOTES, HEADER, *ROWS])
    refused(roads(*command, "-o", str(form)), f"--output {form}: the file holds a unit's figures",
            f"mstrack import progress {form}")
    assert form.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir() if path.suffix in (".xlsx", ".csv")) == [form.name]
    assert roads("import", "progress", str(form), "-p", "x-2023").exit_code == 0  # still the unit's, to import
    assert reported(roads) == [("2023-06-30", 2, None), ("2023-07-31", 3, "两条已完工")]


OTHER_REFUSAL = "the file was not written by mstrack, and its first {n} rows (on every sheet) hold data"


@pytest.mark.parametrize(("suffix", "command"), CASES, ids=lambda value: " ".join(value) if isinstance(value, list) else value)
@pytest.mark.parametrize("layout", ["other data", "header too far down"])
def test_o_onto_rows_mstrack_did_not_write_and_cannot_tell_is_refused(roads, tmp_path, suffix, command, layout):
    """No header found in the rows searched, but more than a title there: another office's data, or a return laid out
    further down than the search reaches. Kept, saying why and what to do."""
    target = tmp_path / f"data{suffix}"
    if layout == "other data":
        rows = [["姓名", "电话", "单位"], ["张三", "13800000000", "市交通局"], ["李四", "13900000000", "市住建局"]]
    else:
        rows = [[f"说明 {number}"] for number in range(HEADER_SEARCH_ROWS)] + [HEADER, *ROWS]
    before = written(target, rows)
    result = roads(*command, "-o", str(target))
    refused(result, f"--output {target}: " + OTHER_REFUSAL.format(n=HEADER_SEARCH_ROWS), "give another -o name",
            "delete the file yourself")
    assert target.read_bytes() == before
    zh = refused(roads("--lang", "zh", *command, "-o", str(target)))
    assert f"{target}：该文件不是 mstrack 写的，其（每个工作表的）前 {HEADER_SEARCH_ROWS} 行有内容" in zh
    assert target.read_bytes() == before


@pytest.mark.parametrize(("suffix", "command"), CASES, ids=lambda value: " ".join(value) if isinstance(value, list) else value)
@pytest.mark.parametrize("rows", [[], [["民生实事进度表"]]], ids=["empty", "a title only"])
def test_o_onto_an_empty_sheet_or_a_title_only_is_written(roads, tmp_path, suffix, command, rows):
    target = tmp_path / f"empty{suffix}"
    before = written(target, rows)
    result = roads(*command, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes() != before and target.stat().st_size > 0


@pytest.mark.parametrize(("suffix", "command"), CASES, ids=lambda value: " ".join(value) if isinstance(value, list) else value)
def test_a_file_mstrack_wrote_is_replaced_by_the_same_command(roads, tmp_path, suffix, command):
    import os

    target = tmp_path / f"report{suffix}"
    assert roads(*command, "-o", str(target)).exit_code == 0
    os.utime(target, (0, 0))
    again = roads(*command, "-o", str(target))
    assert again.exit_code == 0, again.stderr
    assert target.stat().st_mtime > 0


def test_a_workbook_of_notes_beside_a_blank_form_is_a_form_and_is_replaced(roads, tmp_path):
    """A sheet of notes holds no header; another sheet holding the table without figures makes the file a blank
    form, replaced as before."""
    form = tmp_path / "form.xlsx"
    before = written(form, NOTES, {"模板": [HEADER, ["1", "道路", "新建道路", "2023-07-31", None, None]]})
    result = roads("export", "template", "x-2023", "--as-of", "2023-07-31", "-o", str(form))
    assert result.exit_code == 0, result.stderr
    assert form.read_bytes() != before


# --- 3. no header is a type of its own; 4. the sheets listed once --------------------------------

def test_no_header_is_told_by_its_type_and_counts_the_rows_holding_a_cell(tmp_path):
    from mstrack.sources.progress import COLUMNS, REQUIRED
    from mstrack.sources.sheets import find_table, read_rows

    path = tmp_path / "notes.csv"
    written(path, [["填报说明"], [], ["1. 请填写数值"], ["2. 请于月末报送"]])
    with pytest.raises(NoHeaderError) as raised:
        find_table(path, read_rows(path), COLUMNS, REQUIRED)
    assert raised.value.filled == 3
    assert isinstance(raised.value, InputError)


def test_a_sheet_without_the_header_is_not_said_to_be_unreadable_whatever_the_words(tmp_path, monkeypatch):
    """sheet_tables told "no header" from "cannot read" by the message's first words: reworded, every sheet of notes
    was said to be unreadable."""
    import mstrack.sources.progress_sheets as progress_sheets
    import mstrack.sources.sheets as sheets
    from mstrack.sources.progress import COLUMNS, REQUIRED

    real = sheets.find_table

    def reworded(*args, **options):
        try:
            return real(*args, **options)
        except NoHeaderError as error:
            raise NoHeaderError("{path}: the table's header is not there", path=args[0], filled=error.filled) from None

    monkeypatch.setattr(progress_sheets, "find_table", reworded)
    form = tmp_path / "r.xlsx"
    written(form, NOTES, {"7月": [HEADER, *ROWS]})
    unread: dict = {}
    other: dict = {}
    found = progress_sheets.sheet_tables(form, COLUMNS, REQUIRED, ("value", "note"), unread=unread, other=other)
    assert found == {"7月": True}
    assert unread == {}
    assert other == {"报送": 40}


def test_the_workbooks_sheets_are_listed_once_however_many_hold_no_table(tmp_path, sheet_listings):
    """Each sheet without the table listed the workbook's sheets again for its error (most of the look's time on a
    sheet of data)."""
    from mstrack.sources.forms import holds_figures

    listed = sheet_listings
    form = tmp_path / "r.xlsx"
    written(form, NOTES, {**{f"说明{number}": NOTES for number in range(5)}, "7月": [HEADER, *ROWS]})
    assert holds_figures(form) is True
    assert listed == ["r.xlsx"]


CSV_REPORTS = [["units", "-f", "csv"], ["lights", "-f", "csv"]]


@pytest.mark.parametrize("first", CSV_REPORTS, ids=" ".join)
def test_a_csv_report_is_replaced_by_another_or_in_the_other_language(roads, tmp_path, first):
    """A CSV report is mstrack's by its header line (units, report weekly, lights; English or Chinese): rerun in the
    other language, or another report to the same path, it is replaced, not kept as a file mstrack cannot tell. (A
    weekly report holding figures in its 新报送 section is kept from another report, as before: its New reports.)"""
    import os

    target = tmp_path / "report.csv"
    for lang in ("en", "zh"):
        for command in CSV_REPORTS:
            for other in ("zh", "en"):
                assert roads("--lang", lang, *first, "-o", str(target)).exit_code == 0
                os.utime(target, (0, 0))
                result = roads("--lang", other, *command, "-o", str(target))
                assert result.exit_code == 0, (lang, other, command, result.stderr)
                assert target.stat().st_mtime > 0


@pytest.mark.parametrize("header", [["单位", "联系人", "电话"], ["任务", "负责人", "进展"]])
def test_a_csv_beginning_with_a_reports_first_word_is_still_kept(roads, tmp_path, header):
    target = tmp_path / "list.csv"
    before = written(target, [header, ["市交通局", "张三", "13800000000"], ["市住建局", "李四", "13900000000"]])
    refused(roads("units", "-f", "csv", "-o", str(target)), "the file was not written by mstrack")
    assert target.read_bytes() == before
