"""Nothing lost (safe41c): a return's hidden rows said in .xls and .ods as in .xlsx; a note merged over the rows of
different tasks said; a value merged across into the 备注 column is the value, not also the note."""

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from .conftest import converted_by_libreoffice, schools_and_roads, write_plan

H = ["任务编号", "指标", "截至日期", "累计完成值", "备注"]
DRAFT = ["1", "学校", "2023-04-30", 9, "草稿，勿报"]

BOOKS = {  # name → (rows, merges, hidden rows): each saved as .xlsx and converted by LibreOffice to .xls and .ods
    "hidden-row": ([H, ["1", "学校", "2023-03-31", 1, None], DRAFT, ["2", "道路", "2023-03-31", 2, None]], [], [3]),
    "hidden-twice": ([H, ["1", "学校", "2023-03-31", 1, None], DRAFT, DRAFT, ["2", "道路", "2023-03-31", 2, None]], [],
                     [3, 4]),
    "note-over-two-tasks": ([H, ["1", "学校", "2023-03-31", 1, "已开工，资金到位"], ["2", "道路", "2023-03-31", 2, None]],
                            ["E2:E3"], []),
    "note-over-two-dates": ([H, ["1", "学校", "2023-03-31", 1, "已开工"], ["1", "学校", "2023-04-30", 2, None]],
                            ["E2:E3"], []),
    "value-across": ([H, ["1", "学校", "2023-03-31", 1, None], ["2", "道路", "2023-03-31", 2, None]], ["D3:E3"], []),
    "value-down-and-across": ([H, ["1", "学校", "2023-03-31", 1, None], ["1", "学校", "2023-04-30", None, None]],
                              ["D2:E3"], []),
}

def save(path: Path, rows: list[list], merges: list[str], hidden: list[int]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "回报"
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    for number in hidden:
        sheet.row_dimensions[number].hidden = True
    book.save(path)
    return path


def hidden_kept(path: Path) -> list[int]:
    """The rows a converted book hides in its own format, read apart from mstrack's reader: the test's own check that
    LibreOffice kept them (xlrd's ROW records for an .xls, content.xml's rows for an .ods)."""
    if path.suffix == ".xls":
        import xlrd

        sheet = xlrd.open_workbook(path, formatting_info=True).sheet_by_name("回报")
        return sorted(row + 1 for row, info in sheet.rowinfo_map.items() if info.hidden and row < sheet.nrows)
    from xml.etree.ElementTree import fromstring

    table = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    found, number = [], 0
    for row in fromstring(zipfile.ZipFile(path).read("content.xml")).iter(table + "table-row"):
        repeat = int(row.get(table + "number-rows-repeated", 1))
        if row.get(table + "visibility") in ("collapse", "filter"):
            found.extend(range(number + 1, number + repeat + 1))
        number += repeat
    return [row for row in found if row <= 6]


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    """Each of BOOKS as .xlsx, .xls and .ods (LibreOffice's conversion of the .xlsx)."""
    folder = tmp_path_factory.mktemp("returns")
    sources = [save(folder / f"{name}.xlsx", *book) for name, book in BOOKS.items()]
    converted_by_libreoffice(folder, sources, timeout=300)
    return {(name, kind): folder / f"{name}.{kind}" for name in BOOKS for kind in ("xlsx", "xls", "ods")}


@pytest.fixture
def office(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "p.toml", schools_and_roads()))).exit_code == 0
    return cli


def stored(cli) -> list[tuple]:
    rows = cli.sql("select t.code, i.name, r.as_of, r.value, r.note from report r join indicator i on i.id = r.indicator_id"
                   " join task_line l on l.id = i.line_id join task t on t.id = l.task_id order by t.code, i.name, r.as_of")
    return [(code, name, str(day), value, note) for code, name, day, value, note in rows]  # a date on PostgreSQL


def imported(office, path: Path):
    result = office("import", "progress", str(path), "--programme", "x-2023")
    assert result.exit_code == 0 and result.exception is None, result.output
    return result


# --- 1. hidden rows said in every format ---------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_a_hidden_row_is_imported_and_said_in_every_format(office, books, kind):
    """safety41 r11: hidden-row.xls and .ods stored the hidden 草稿 row's 9 and said nothing (the .xlsx said it)."""
    path = books["hidden-row", kind]
    if kind != "xlsx":
        assert hidden_kept(path) == [3], hidden_kept(path)
    result = imported(office, path)
    assert f"{path}: row 3 of sheet '回报' is hidden and was imported" in result.stderr, result.stderr
    assert result.stderr.count("is hidden and was imported") == 1, result.stderr
    assert stored(office) == [("1", "学校", "2023-03-31", 1, None), ("1", "学校", "2023-04-30", 9, "草稿，勿报"),
                              ("2", "道路", "2023-03-31", 2, None)]  # the documented rule: imported, said


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_two_hidden_rows_are_named_as_a_run(office, books, kind):
    path = books["hidden-twice", kind]
    assert hidden_kept(path) == [3, 4], hidden_kept(path)
    result = imported(office, path)
    assert f"{path}: rows 3–4 of sheet '回报' are hidden and were imported" in result.stderr, result.stderr


def test_an_ods_hidden_row_repeated_and_blank_rows_hidden_to_the_end(office, books, tmp_path):
    """An .ods row repeated (number-rows-repeated="2": two rows in one element) and hidden is two hidden rows; the
    blank rows LibreOffice writes to the sheet's end as one element repeated a million times, hidden too, are no
    rows of the return: not named (nor held one by one)."""
    source = books["hidden-row", "ods"]
    path = tmp_path / "repeated.ods"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for member in old.infolist():
            data = old.read(member)
            if member.filename == "content.xml":
                text = data.decode()
                assert text.count('table:visibility="collapse"') == 1 and re.search(r'number-rows-repeated="\d{6,}"', text)
                text = text.replace('table:visibility="collapse"', 'table:visibility="collapse" table:number-rows-repeated="2"')
                text = re.sub(r'(table:number-rows-repeated="\d{6,}")', r'\1 table:visibility="collapse"', text)
                data = text.encode()
            new.writestr(member, data)
    assert hidden_kept(path) == [3, 4, 6], hidden_kept(path)  # 6: the first of the blank rows hidden to the end
    result = imported(office, path)
    assert f"{path}: rows 3–4 of sheet '回报' are hidden and were imported" in result.stderr, result.stderr
    assert stored(office) == [("1", "学校", "2023-03-31", 1, None), ("1", "学校", "2023-04-30", 9, "草稿，勿报"),
                              ("2", "道路", "2023-03-31", 2, None)]


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_a_sheet_hiding_nothing_says_nothing(office, books, kind):
    result = imported(office, books["value-across", kind])
    assert "hidden" not in result.stderr, result.stderr


# --- 2. a note merged over two tasks' rows -------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_a_note_merged_over_two_tasks_is_kept_with_each_and_said(office, books, kind):
    """safety41 r11: 备注 merged over task 1's and task 2's rows was stored on both, exit 0, unsaid."""
    path = books["note-over-two-tasks", kind]
    result = imported(office, path)
    assert (f"{path}: sheet '回报', rows 2–3, column 备注 (E2:E3): one note merged over 2 rows of different tasks or "
            "indicators is kept with each") in result.stderr, result.stderr
    assert stored(office) == [("1", "学校", "2023-03-31", 1, "已开工，资金到位"),
                              ("2", "道路", "2023-03-31", 2, "已开工，资金到位")]


def test_a_note_merged_over_one_indicators_two_dates_is_not_said(office, books):
    result = imported(office, books["note-over-two-dates", "xlsx"])
    assert "merged" not in result.stderr, result.stderr
    assert stored(office) == [("1", "学校", "2023-03-31", 1, "已开工"), ("1", "学校", "2023-04-30", 2, "已开工")]


# --- 3. a value merged across into the note column -----------------------------------------------------------------

@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_a_value_merged_across_into_the_note_column_is_no_note(office, books, kind):
    """safety41 r11: D3:E3 (2 in 累计完成值 over 备注) was stored as the value 2 and the note '2'."""
    imported(office, books["value-across", kind])
    assert stored(office) == [("1", "学校", "2023-03-31", 1, None), ("2", "道路", "2023-03-31", 2, None)]


def test_a_value_merged_down_and_across_is_the_value_of_each_date_and_no_note(office, books):
    imported(office, books["value-down-and-across", "xlsx"])
    assert stored(office) == [("1", "学校", "2023-03-31", 1, None), ("1", "学校", "2023-04-30", 1, None)]


def test_a_value_merged_across_in_a_long_return_is_no_note(office, tmp_path):
    """A return of 1,500 rows goes the columnar path (progress_columns: chunks of 1,000 rows and more, checked as
    columns): the copy in 备注 is made blank there too."""
    rows = [H] + [["1", "学校", "2023-03-31", 1, None] for _ in range(1500)]
    rows[1199] = ["2", "道路", "2023-03-31", 2, None]  # row 1200
    path = save(tmp_path / "long.xlsx", rows, ["D1200:E1200"], [])
    imported(office, path)
    assert stored(office) == [("1", "学校", "2023-03-31", 1, None), ("2", "道路", "2023-03-31", 2, None)]


def test_words_merged_from_a_column_not_read_across_the_note_column_are_the_note(office, tmp_path):
    """review41s: a unit's words in 进展情况 (a column the import does not read) merged E3:F3 over 备注 were made blank
    with the figure's copies, lost without a word; they are the row's note, as before safe41c."""
    header = ["任务编号", "指标", "截至日期", "累计完成值", "进展情况", "备注"]
    path = save(tmp_path / "words.xlsx", [header, ["1", "学校", "2023-03-31", 1, None, None],
                                          ["2", "道路", "2023-03-31", 2, "已完工通车，待验收", None]], ["E3:F3"], [])
    imported(office, path)
    assert stored(office) == [("1", "学校", "2023-03-31", 1, None), ("2", "道路", "2023-03-31", 2, "已完工通车，待验收")]


@pytest.mark.parametrize(("header", "row"), [
    (["任务编号", "指标", "截至日期", "年度目标", "累计完成值", "备注"], ["2", "道路", "2023-03-31", 5, None, None]),
    (["任务编号", "指标", "截至日期", "备注", "累计完成值"], ["2", "道路", "2023-03-31", "2", None]),
], ids=["target-across-value", "note-across-value"])
def test_a_cell_merged_across_from_the_left_into_the_value_is_refused(office, tmp_path, header, row):
    """review41s: 年度目标 5 merged D3:E3 over an empty 累计完成值 was stored as the value 5, exit 0; a 备注 "2" merged
    across the value column left of it, as the value 2 and the note "2". Refused, naming row, column and range: a figure
    the unit did not report is never stored."""
    first = ["1", "学校", "2023-03-31", *([9, 1, None] if len(header) == 6 else [None, 1])]
    path = save(tmp_path / "across.xlsx", [header, first, row], ["D3:E3"], [])
    result = office("import", "progress", str(path), "--programme", "x-2023")
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
    assert "row 3, column 累计完成值 (D3:E3): a cell merged across from a column on its left fills the value" in result.output
    assert stored(office) == []
