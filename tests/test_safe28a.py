"""safe28a: a unit's return with a title row, a merged two-row header or a <dimension> narrower than its cells is
found by the sheet chooser and the -o figures check as `import progress` reads it; a return whose name has no
sheet suffix is known by its content; a hidden sheet chosen is said."""

import zipfile
from pathlib import Path

import pytest

from mstrack.sources.forms import holds_figures

from .conftest import Cli, refused, write_plan

ROADS = ('[[tasks]]\ncode = "1"\ntitle = "道路"\n[[tasks.lines]]\nlead_units = ["市交通局"]\n'
         '[[tasks.lines.indicators]]\nname = "新建道路"\nunit = "条"\ntarget = 10\n')
HEADER = ["计划", "任务编号", "指标", "截至日期", "数值", "备注"]
ROW = ["x-2023", "1", "新建道路", "2023-07-31", 3, "两条已完工"]
BLANK = ["x-2023", "1", "新建道路", "2023-07-31", None, None]


def titled(sheet, rows: list[list]) -> None:
    """A unit's return as offices lay it out: a title merged over the table's width, a 报送单位 line, a two-row
    header (each column merged down over both rows, 本期报送 merged across 数值 and 备注 under it), then `rows`."""
    sheet.append(["市交通局2023年7月民生实事进度报送表"])
    sheet.merge_cells("A1:F1")
    sheet.append(["报送单位：市交通局"])
    sheet.append([*HEADER[:4], "本期报送", None])
    sheet.append([None, None, None, None, "数值", "备注"])
    for column in "ABCD":
        sheet.merge_cells(f"{column}3:{column}4")
    sheet.merge_cells("E3:F3")
    for row in rows:
        sheet.append(row)


def book(path: Path, sheets: dict, hidden: dict | None = None) -> Path:
    """A workbook of `sheets`: name → rows (a list) or a function laying a sheet out; `hidden`: name → state."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        if callable(rows):
            rows(sheet)
        else:
            for row in rows:
                sheet.append(row)
        sheet.sheet_state = (hidden or {}).get(name, "visible")
    workbook.save(path)
    return path


def narrowed(path: Path, dimension: bytes) -> Path:
    """The workbook with every sheet's <dimension> rewritten to `dimension`, as some tools save it."""
    with zipfile.ZipFile(path) as source:
        data = {name: source.read(name) for name in source.namelist()}
    with zipfile.ZipFile(path, "w") as target:
        for name, content in data.items():
            if name.startswith("xl/worksheets/"):
                start = content.index(b"<dimension ref=")
                content = content[:start] + b'<dimension ref="' + dimension + b'"/>' + content[content.index(b"/>", start) + 2:]
            target.writestr(name, content)
    return path


def reported(cli: Cli) -> list:
    return [(str(as_of)[:10], value) for as_of, value in cli.sql("SELECT as_of, value FROM report ORDER BY as_of")]


@pytest.fixture
def roads(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    return cli


# --- 1. a title, a merged two-row header, a narrow <dimension> ------------------------------------

def test_a_titled_return_with_a_merged_two_row_header_holds_figures(roads, tmp_path):
    form = book(tmp_path / "r.xlsx", {"报送": lambda sheet: titled(sheet, [ROW])})
    result = roads("import", "progress", str(form), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert holds_figures(form) is True
    blank = book(tmp_path / "blank.xlsx", {"报送": lambda sheet: titled(sheet, [BLANK])})
    assert holds_figures(blank) is False


def test_o_onto_a_titled_return_is_refused(demo_cli, tmp_path):
    form = book(tmp_path / "r.xlsx", {"报送": lambda sheet: titled(sheet, [ROW])})
    before = form.read_bytes()
    for command in (["report", "weekly", "--as-of", "2023-07-01", "-f", "xlsx"], ["export", "template", "yantian-2023"]):
        refused(demo_cli(*command, "-o", str(form)), "holds a unit's figures")
        assert form.read_bytes() == before


def test_the_merged_header_sheet_is_chosen_over_a_blank_template_before_it(roads, tmp_path):
    form = book(tmp_path / "r.xlsx", {"模板": [HEADER, BLANK], "报送": lambda sheet: titled(sheet, [ROW])})
    result = roads("import", "progress", str(form))
    assert result.exit_code == 0, result.stderr
    assert reported(roads) == [("2023-07-31", 3)]
    assert "'模板'" in result.stderr


@pytest.mark.parametrize("layout", ["plain", "titled"])
def test_a_dimension_narrower_than_the_cells_is_a_hint_not_a_bound(roads, tmp_path, layout):
    filled = [HEADER, ROW] if layout == "plain" else (lambda sheet: titled(sheet, [ROW]))
    form = narrowed(book(tmp_path / "r.xlsx", {"模板": [HEADER, BLANK], "报送": filled}), b"A1:B2")
    assert holds_figures(form) is True
    result = roads("import", "progress", str(form))
    assert result.exit_code == 0, result.stderr
    assert reported(roads) == [("2023-07-31", 3)]


def test_a_big_titled_return_is_found_past_its_top_rows_merges(tmp_path):
    """The merged ranges come after the sheet's rows in its XML: found there, for a sheet of many rows too."""
    rows = [["x-2023", "1", "新建道路", "2023-07-31", None, None]] * 3000 + [ROW]
    form = book(tmp_path / "r.xlsx", {"报送": lambda sheet: titled(sheet, rows)})
    assert holds_figures(form) is True


# --- 2. a return whose name has no sheet suffix ---------------------------------------------------

@pytest.mark.parametrize("name", ["ret", "住建局.xlsx.bak", "ret.csv.old"])
def test_o_onto_a_return_without_a_sheet_suffix_is_refused_by_its_content(demo_cli, tmp_path, name):
    target = tmp_path / name
    if ".csv" in name:
        target.write_text(",".join(HEADER) + "\n" + ",".join(map(str, ROW)) + "\n", encoding="utf-8")
    else:
        book(tmp_path / "r.xlsx", {"报送": lambda sheet: titled(sheet, [ROW])}).rename(target)
    before = target.read_bytes()
    refused(demo_cli("report", "weekly", "--as-of", "2023-07-01", "-f", "xlsx", "-o", str(target)),
            "holds a unit's figures")
    assert target.read_bytes() == before


def test_o_onto_other_files_without_a_suffix_and_a_report_rerun_are_written(demo_cli, tmp_path):
    other = tmp_path / "notes"
    other.write_text("meeting notes\n", encoding="utf-8")  # safe39a: an office's notes are kept under any name
    kept = demo_cli("report", "weekly", "--as-of", "2023-07-01", "-f", "xlsx", "-o", str(other))
    assert kept.exit_code == 2 and "not written by mstrack" in kept.stderr, kept.stderr
    assert other.read_text(encoding="utf-8") == "meeting notes\n"
    other.write_bytes(b"")  # an empty file is written
    result = demo_cli("report", "weekly", "--as-of", "2023-07-01", "-f", "xlsx", "-o", str(other))
    assert result.exit_code == 0, result.stderr
    assert zipfile.is_zipfile(other)
    again = demo_cli("report", "weekly", "--as-of", "2023-07-01", "-f", "xlsx", "-o", str(other))
    assert again.exit_code == 0, again.stderr  # mstrack's own report, known by its properties


# --- 3. a hidden sheet chosen is said -------------------------------------------------------------

@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_hidden_sheet_chosen_is_said(roads, tmp_path, state):
    form = book(tmp_path / "r.xlsx", {"填报说明": [["填报说明"]], "7月": [HEADER, ROW]}, hidden={"7月": state})
    result = roads("import", "progress", str(form))
    assert result.exit_code == 0, result.stderr
    assert reported(roads) == [("2023-07-31", 3)]
    assert "sheet '7月' is hidden" in result.stderr


def test_a_visible_sheet_chosen_says_nothing_of_hiding(roads, tmp_path):
    form = book(tmp_path / "r.xlsx", {"填报说明": [["填报说明"]], "7月": [HEADER, ROW]})
    result = roads("import", "progress", str(form))
    assert result.exit_code == 0 and "hidden" not in result.stderr


def test_a_blank_sheet_read_beside_one_that_cannot_be_read_is_said(roads, tmp_path):
    """The chooser reads the one sheet holding the table; when it has no figures and another sheet cannot be read
    at all (where the figures may be), that is said, never a silent "0 reports"."""
    good = book(tmp_path / "good.xlsx", {"模板": [HEADER, BLANK], "报送": [HEADER, ROW]})
    damaged = tmp_path / "r.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, b"<worksheet><sheetData><row" if item.filename == "xl/worksheets/sheet2.xml" else data)
    result = roads("import", "progress", str(damaged))
    assert result.exit_code == 0, result.stderr
    assert reported(roads) == []
    assert "sheet '模板' read holds no figures, and sheet '报送' could not be read" in result.stderr
