""".xlsx files read through calamine, with what it does not say taken from the sheet's XML: row and
column places, percent formats, merged cells, dates, formulas saved without a value, error values."""

import json
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from mstrack.errors import InputError
from mstrack.sources.rows import Uncomputed
from mstrack.sources.sheets import read_rows

HEADER = ["计划", "任务编号", "指标", "截至日期", "数值"]


@pytest.fixture(autouse=True, params=["calamine", "stream", "forked"])
def reader(request, monkeypatch):
    """Every test here three times: values from calamine, from the streamed reader a large sheet gets
    (sources/xlsx_stream.py), and from calamine in a child process (sources/xlsx_fork.py), which must all give
    the same rows."""
    import mstrack.sources.xlsx
    import mstrack.sources.xlsx_fork

    if request.param == "stream":
        monkeypatch.setattr(mstrack.sources.xlsx, "STREAM_CELLS", -1)
    if request.param == "forked":
        monkeypatch.setattr(mstrack.sources.xlsx_fork, "FORK_SHEET_BYTES", (0, 1 << 40))
        monkeypatch.setattr(mstrack.sources.xlsx_fork, "idle_core", lambda: True)
    return request.param


def rows_of(path: Path, sheet: str | None = None) -> dict[int, list]:
    """Row number → cells, trailing empty cells left out, empty rows left out."""
    found = {}
    for row in read_rows(path, sheet):
        cells = list(row.cells)
        while cells and cells[-1] is None:
            cells.pop()
        if cells:
            found[row.number] = cells
    return found


def workbook(path: Path, build) -> Path:
    book = Workbook()
    build(book.active)
    book.save(path)
    return path


def raw_xlsx(path: Path, sheets: list[tuple[str, str, str]], styles: str = "", prefix: str = "", shared: str = "") -> Path:
    """A workbook written by hand: (sheet name, its part under xl/, the XML inside <sheetData>), for what
    openpyxl never writes (parts out of order, tag prefixes, shared formulas, saved formula values, a
    shared-strings table: `shared` is the XML inside <sst>)."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006"
    p, ns = (f"{prefix}:", f"xmlns:{prefix}") if prefix else ("", "xmlns")
    entries = "".join(f'<{p}sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>' for i, (name, _, _) in enumerate(sheets, 1))
    links = "".join(f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="{part}"/>' for i, (_, part, _) in enumerate(sheets, 1))
    links += f'<Relationship Id="rIdS" Type="{rel}/styles" Target="styles.xml"/>' if styles else ""
    links += f'<Relationship Id="rIdT" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>' if shared else ""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", f'<Types xmlns="{package}/content-types">'
                         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                         '<Default Extension="xml" ContentType="application/xml"/></Types>')
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{package}/relationships">'
                         f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        archive.writestr("xl/workbook.xml", f'<{p}workbook {ns}="{main}" xmlns:r="{rel}"><{p}sheets>{entries}</{p}sheets></{p}workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{package}/relationships">{links}</Relationships>')
        if styles:
            archive.writestr("xl/styles.xml", f'<styleSheet xmlns="{main}">{styles}</styleSheet>')
        if shared:
            archive.writestr("xl/sharedStrings.xml", f'<sst xmlns="{main}">{shared}</sst>')
        for _, part, body in sheets:
            xml = f'<{p}worksheet {ns}="{main}"><{p}sheetData>{body}</{p}sheetData></{p}worksheet>'
            archive.writestr(part[1:] if part.startswith("/") else f"xl/{part}", xml)
    return path


def test_a_table_starting_at_c3_keeps_its_row_numbers_and_columns(tmp_path):
    def build(sheet):
        sheet["C3"], sheet["D3"], sheet["E3"] = "计划", "任务编号", "数值"
        sheet["C4"], sheet["D4"], sheet["E4"] = "shenzhen-2023", 5, "2.5万"
        sheet["E6"] = 7

    rows = list(read_rows(workbook(tmp_path / "c3.xlsx", build)))
    assert [row.number for row in rows] == [1, 2, 3, 4, 5, 6]
    assert rows[0].cells == [None] * 5 and rows[4].cells == [None] * 5
    assert rows[2].cells == [None, None, "计划", "任务编号", "数值"]
    assert rows[3].cells == [None, None, "shenzhen-2023", 5, "2.5万"]
    assert rows[5].cells == [None, None, None, None, 7]


def test_a_table_starting_at_c3_is_imported_with_its_row_numbers(demo_cli, tmp_path):
    def build(sheet):
        for offset, row in enumerate([HEADER, ["shenzhen-2023", 5, "建设", "2023-06-30", "2.5万"],
                                      ["shenzhen-2023", 5, "供应", "2023-06-30", "很多"]]):
            for column, value in enumerate(row):
                sheet.cell(row=3 + offset, column=3 + column, value=value)

    path = workbook(tmp_path / "c3.xlsx", build)
    result = demo_cli("import", "progress", str(path))
    assert result.exit_code == 2
    assert f"{path}:5:数值:" in result.stderr and f"{path}:4" not in result.stderr


def test_percent_formats_give_the_percent_the_unit_typed(tmp_path):
    def build(sheet):
        sheet.append([0.65, 0.655, 0.65, 1, 0.5, "65%", None])
        sheet["A1"].number_format = "0%"
        sheet["B1"].number_format = "0.0%"
        sheet["D1"].number_format = "0%"
        sheet["E1"].number_format = "0.00"
        sheet["G1"].number_format = "0%"  # styled, empty

    assert rows_of(workbook(tmp_path / "pct.xlsx", build)) == {1: ["65%", "65.5%", 0.65, "100%", 0.5, "65%"]}


def test_a_percent_style_named_by_a_custom_format_or_an_unstyled_cell_of_a_percent_default(tmp_path):
    styles = ('<numFmts count="1"><numFmt numFmtId="170" formatCode="0.0%;[Red]-0.0%"/></numFmts>'
              '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="170"/><xf numFmtId="10"/></cellXfs>')
    path = raw_xlsx(tmp_path / "custom.xlsx", [("s", "worksheets/sheet1.xml",
                    '<row r="1"><c r="A1" s="1"><v>0.125</v></c><c r="B1" s="2"><v>0.5</v></c><c r="C1"><v>0.5</v></c>'
                    '<c r="D1" s="0"><v>0.25</v></c></row>')], styles)
    assert rows_of(path) == {1: ["12.5%", "50%", 0.5, 0.25]}
    default_percent = styles.replace('<xf numFmtId="0"/>', '<xf numFmtId="9"/>')
    path = raw_xlsx(tmp_path / "default.xlsx", [("s", "worksheets/sheet1.xml",
                    '<row r="1"><c r="A1"><v>0.5</v></c><c r="B1" s="0"><v>0.25</v></c></row>')], default_percent)
    assert rows_of(path) == {1: ["50%", "25%"]}


def test_a_percent_sign_in_quotes_or_escaped_is_text_not_a_percent_format(tmp_path):
    """'0"%"' and '0\\%' print a typed 65 as "65%" without scaling it: the cell is 65, never 6500%."""
    def build(sheet):
        sheet.append([65, 65, 0.65])
        sheet["A1"].number_format = '0"%"'
        sheet["B1"].number_format = "0\\%"
        sheet["C1"].number_format = '[Red]0%'

    assert rows_of(workbook(tmp_path / "quoted.xlsx", build)) == {1: [65, 65, "65%"]}


def test_merged_cells_take_the_top_left_value(tmp_path):
    def build(sheet):
        sheet.append(["深圳市民生实事进度报送表"])
        sheet.append(HEADER)
        sheet.append(["shenzhen-2023", 5, "建设", None, 1])
        sheet.append([None, None, "供应", None, 2])
        sheet["D3"] = "2023-06-30"
        sheet.merge_cells("A1:G1")  # wider than the table
        sheet.merge_cells("A3:A4")
        sheet.merge_cells("B3:B4")
        sheet.merge_cells("D3:D4")

    rows = rows_of(workbook(tmp_path / "merged.xlsx", build))
    assert rows[1] == ["深圳市民生实事进度报送表"] * 7
    assert rows[3] == ["shenzhen-2023", 5, "建设", "2023-06-30", 1]
    assert rows[4] == ["shenzhen-2023", 5, "供应", "2023-06-30", 2]


def test_dates_datetimes_booleans_blanks_and_text(tmp_path):
    def build(sheet):
        sheet.append([datetime(2023, 6, 30), datetime(2023, 6, 30, 17, 45), True, "   ", "2.5万", "89000", 13000.0, 2.5])

    assert rows_of(workbook(tmp_path / "values.xlsx", build)) == {
        1: [date(2023, 6, 30), date(2023, 6, 30), "True", None, "2.5万", "89000", 13000, 2.5]}
    cells = rows_of(workbook(tmp_path / "values.xlsx", build))[1]
    assert type(cells[0]) is date and type(cells[6]) is int


def test_whitespace_is_blank_and_text_keeps_its_spaces(tmp_path):
    body = ('<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">  \t </t></is></c>'
            '<c r="B1" t="inlineStr"><is><t xml:space="preserve"> 2.5万 </t></is></c><c r="C1" t="s"><v>0</v></c></row>')
    path = raw_xlsx(tmp_path / "spaces.xlsx", [("s", "worksheets/sheet1.xml", body)])
    with zipfile.ZipFile(path, "a") as archive:  # a shared string, as Excel stores text
        archive.writestr("xl/sharedStrings.xml", '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                         '<si><t xml:space="preserve">   </t></si></sst>')
    assert [row.cells for row in read_rows(path)] == [[None, " 2.5万 ", None]]


def test_a_formula_without_a_saved_value_is_named(tmp_path):
    def build(sheet):
        sheet.append(HEADER)
        sheet.append(["shenzhen-2023", 5, "建设", "2023-06-30", "=SUM(10000,15000)"])
        sheet["G9"] = "=E2*2"  # below and right of every value

    rows = rows_of(workbook(tmp_path / "formulas.xlsx", build))
    assert rows[2][4] == "=SUM(10000,15000)" and isinstance(rows[2][4], Uncomputed)
    assert rows[9] == [None] * 6 + ["=E2*2"] and isinstance(rows[9][6], Uncomputed)
    assert not isinstance(rows[2][0], Uncomputed)


def test_formulas_with_saved_values_give_the_values_and_shared_formulas_are_named_per_cell(tmp_path):
    body = ('<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'
            '<c r="C1"><f t="shared" ref="C1:C3" si="0">A1*2</f><v>4</v></c></row>'
            '<row r="2"><c r="C2"><f t="shared" si="0"/></c></row>'
            '<row r="3"><c r="C3"><f t="shared" si="0"/><v>6</v></c><c r="D3"><f>"x&lt;y"</f></c></row>')
    rows = rows_of(raw_xlsx(tmp_path / "saved.xlsx", [("s", "worksheets/sheet1.xml", body)]))
    assert rows == {1: [2, "ab", 4], 2: [None, None, "=A2*2"], 3: [None, None, 6, '="x<y"']}
    assert isinstance(rows[2][2], Uncomputed) and isinstance(rows[3][3], Uncomputed)


def test_error_values_are_kept_as_text(tmp_path):
    def build(sheet):
        sheet.append(["#DIV/0!", "#N/A", 1])

    assert rows_of(workbook(tmp_path / "errors.xlsx", build)) == {1: ["#DIV/0!", "#N/A", 1]}


def test_a_sheet_by_name_and_the_first_worksheet_by_default(tmp_path):
    book = Workbook()
    book.active.title = "六月"
    book.active.append(["june", 0.5])
    book.active["B1"].number_format = "0%"
    july = book.create_sheet("七月")
    july.append([None, "july", "=A1"])
    july.append([0.25])
    july["A2"].number_format = "0%"
    book.create_chartsheet("图表", 0)  # a chart sheet first: not a table
    book.save(tmp_path / "book.xlsx")
    path = tmp_path / "book.xlsx"
    assert rows_of(path) == {1: ["june", "50%"]}
    assert rows_of(path, "七月") == {1: [None, "july", "=A1"], 2: ["25%"]}
    with pytest.raises(InputError, match="--sheet '八月'.* its sheets: 图表, 六月, 七月"):
        list(read_rows(path, "八月"))


def test_sheet_parts_are_found_by_the_workbooks_relationships(tmp_path):
    path = raw_xlsx(tmp_path / "order.xlsx", [
        ("甲", "worksheets/sheet2.xml", '<row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c><c r="B1"><f>1/0</f></c></row>'),
        ("乙", "/xl/worksheets/sheet1.xml", '<row r="2"><c r="B2" t="inlineStr"><is><t>乙</t></is></c></row>'),
    ])
    assert rows_of(path) == {1: ["甲", "=1/0"]}
    assert rows_of(path, "乙") == {2: [None, "乙"]}


def test_prefixed_tags(tmp_path):
    styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="9"/></cellXfs>'
    body = '<x:row r="3"><x:c r="C3" s="1"><x:v>0.4</x:v></x:c><x:c r="D3"><x:f>SUM(C3)</x:f></x:c></x:row>'
    assert rows_of(raw_xlsx(tmp_path / "x.xlsx", [("s", "worksheets/sheet1.xml", body)], styles, prefix="x")) == {
        3: [None, None, "40%", "=SUM(C3)"]}


def test_a_percent_cell_and_a_formula_are_imported_from_a_second_sheet(demo_cli, tmp_path):
    book = Workbook()
    book.active.append(["封面"])
    sheet = book.create_sheet("报送")
    sheet.append(HEADER)
    sheet.append(["yantian-2023", 3, "整体形象进度", datetime(2023, 6, 30), 0.65])
    sheet["E2"].number_format = "0%"
    sheet.append(["shenzhen-2023", 5, "建设", datetime(2023, 6, 30), "=SUM(10000,15000)"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    result = demo_cli("import", "progress", str(path), "--sheet", "报送", "--format", "json")
    assert result.exit_code == 2
    [error] = json.loads(result.stdout)["errors"]
    assert f"{path}:3:数值: the formula '=SUM(10000,15000)' has no saved value" in error
    sheet.delete_rows(3)
    book.save(path)
    assert demo_cli("import", "progress", str(path)).exit_code == 0  # the sheet that holds the table, not the first
    assert demo_cli("import", "progress", str(path), "--sheet", "报送").exit_code == 0
    rows = json.loads(demo_cli("status", "--format", "json", "--as-of", "2023-07-01", "-p", "yantian-2023").stdout)
    assert [r["actual"] for r in rows if (r["task"], r["indicator"]) == ("3", "整体形象进度")] == [65]


# bytes that are no text: text named .xlsx is read as text (fix52b)
@pytest.mark.parametrize("content", [b"\x80\xff" * 8, b"PK\x03\x04" + b"\x00" * 50, b"PK\x05\x06" + b"\x00" * 18])
def test_a_file_that_is_no_xlsx_is_refused(tmp_path, content):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"bad\.xlsx: not a readable \.xlsx file \(\w+: "):
        list(read_rows(path))


def test_a_zip_without_a_workbook_is_refused(tmp_path):
    path = tmp_path / "other.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="not a readable .xlsx file"):
        list(read_rows(path))


def test_shared_strings_beyond_the_memory_budget_are_read_back_from_disk(tmp_path, monkeypatch):
    """Excel keeps a sheet's text in one shared-strings table: a streamed sheet holds the first strings in
    memory and reads the rest back from a temporary file; both give calamine's values."""
    import mstrack.sources.xlsx
    import mstrack.sources.xlsx_stream

    strings = ["计划", "任务编号", "数值", "备注", "shenzhen-2023"] + [f"第{n}行备注_x001B_" for n in range(300)]
    shared = "".join(f"<si><t>{text}</t></si>" for text in strings)
    shared += "<si><r><t>富</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">文本 </t></r><rPh sb=\"0\" eb=\"1\"><t>fu</t></rPh></si>"
    body = '<row r="1">' + "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate("ABCD")) + "</row>"
    body += "".join(f'<row r="{n + 2}"><c r="A{n + 2}" t="s"><v>4</v></c><c r="B{n + 2}"><v>{n}</v></c>'
                    f'<c r="C{n + 2}"><v>{n * 10}</v></c><c r="D{n + 2}" t="s"><v>{n + 5}</v></c></row>' for n in range(300))
    body += f'<row r="302"><c r="D302" t="s"><v>{len(strings)}</v></c></row>'
    path = raw_xlsx(tmp_path / "shared.xlsx", [("Sheet1", "worksheets/sheet1.xml", body)], shared=shared)
    monkeypatch.setattr(mstrack.sources.xlsx, "STREAM_CELLS", 10**12)
    whole = rows_of(path)
    assert whole[301] == ["shenzhen-2023", 299, 2990, "第299行备注\x1b"]
    assert whole[302] == [None, None, None, "富文本 "]  # rich text runs joined, the phonetic run left out
    monkeypatch.setattr(mstrack.sources.xlsx, "STREAM_SHARED_BYTES", 0)  # streamed for its shared strings' size
    monkeypatch.setattr(mstrack.sources.xlsx_stream, "SHARED_HELD_BYTES", 40)  # a few held, the rest on disk
    assert rows_of(path) == whole


def test_a_block_made_plain_a_column_at_a_time_is_what_each_cell_made_plain_is():
    """plain_block's whole-column checks (text without blanks, integral numbers, ints) give _plain's cells."""
    from datetime import datetime

    from mstrack.sources.xlsx_rows import _plain, plain_block

    columns = [["a", "b", "c"], ["a", " ", ""], [1.0, 2.0, 3.0], [1.0, 2.5, float("nan")], [1, 2, 3], [True, 1.0, "x"],
               [datetime(2023, 6, 30, 12), 2.0, None], [float("inf"), 1e16, -0.0],
               [date(2023, 1, 6), date(2023, 1, 13), date(2023, 1, 20)],  # a column of dates, passed whole
               [datetime(2023, 6, 30, 12), datetime(2023, 7, 1), datetime(2023, 7, 2, 0, 0, 1)]]  # of timestamps
    rows = [list(row) for row in zip(*columns, strict=True)]
    expected = [list(map(_plain, row)) for row in rows]
    made = plain_block(rows)
    assert made == expected
    assert [[type(cell) for cell in row] for row in made] == [[type(cell) for cell in row] for row in expected]
    assert made[0][2] == 1 and type(made[0][2]) is int and made[1][1] is None and made[2][3] == "nan"
    assert [row[9] for row in made] == [date(2023, 6, 30), date(2023, 7, 1), date(2023, 7, 2)]
    assert all(type(row[8]) is date and type(row[9]) is date for row in made)
    assert plain_block([["a", 1.0], ["b"]]) == [["a", 1], ["b"]]  # rows of two widths: row by row


def test_the_guards_marks_in_single_quotes_in_some_columns_and_far_apart(tmp_path, monkeypatch):
    """The first pass looks for each mark (percent styles, formulas, error values) only in the pieces of XML
    where one can be: marks in single quotes, on some columns only, and in a later piece than the first."""
    import mstrack.sources.xlsx_xml

    monkeypatch.setattr(mstrack.sources.xlsx_xml, "CHUNK_BYTES", 256)  # many pieces: marks in the first and the last
    styles = '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="2"/></cellXfs>'
    plain = "".join(f'<row r="{n}"><c r="A{n}" s="2"><v>0.5</v></c><c r="B{n}"><v>{n}</v></c></row>' for n in range(2, 40))
    body = ("<row r='1'><c r='A1' s='1'><v>0.4</v></c><c r='B1' s='2'><v>0.4</v></c><c r='C1' t='e'><v>#N/A</v></c></row>"
            + plain + '<row r="40"><c r="A40" s="1"><v>0.75</v></c><c r="B40" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
            '<c r="C40"><f>A40*2</f></c><c r="D40"><f>A40</f><v>0.75</v></c></row>')
    rows = rows_of(raw_xlsx(tmp_path / "marks.xlsx", [("s", "worksheets/sheet1.xml", body)], styles))
    assert rows[1] == ["40%", 0.4, "#N/A"]
    assert rows[2] == [0.5, 2] and rows[39] == [0.5, 39]
    assert rows[40] == ["75%", "#DIV/0!", "=A40*2", 0.75]
    assert isinstance(rows[40][2], Uncomputed) and not isinstance(rows[40][1], Uncomputed)
    assert len(rows) == 40


def test_rows_without_numbers_are_counted_and_a_cell_names_its_own_row(tmp_path):
    """A row without r="…" is the row after the one before it (calamine counts them); a cell's own reference
    places it whatever its row says, even below every numbered row."""
    body = ('<row><c r="A1" t="inlineStr"><is><t>一</t></is></c></row><row><c r="A2"><v>2</v></c></row>'
            '<row r="3"><c r="A3"><v>3</v></c><c r="B9"><v>9</v></c></row>')
    assert rows_of(raw_xlsx(tmp_path / "counted.xlsx", [("s", "worksheets/sheet1.xml", body)])) == {
        1: ["一"], 2: [2], 3: [3], 9: [None, 9]}


def test_a_reference_below_a_row_is_found_whatever_its_digits():
    """_below(row) finds exactly the cell references that name a later row: longer numbers, leading zeros,
    one to three letters, either quote; with or_wide, those and every reference past column Z."""
    import random

    from mstrack.sources.xlsx import _below

    chance = random.Random(18)
    for row in (0, 1, 9, 10, 99, 100, 100_001, 99_999, 123_456, 1_048_576):
        numbers = {0, 1, row - 1, row, row + 1, row * 10, 10 ** len(str(row)), *(chance.randrange(2 * row + 20) for _ in range(200))}
        for number in numbers - {-1}:
            for letters, zeros, quote in (("A", "", '"'), ("XFD", "", "'"), ("AB", "00", '"')):
                reference = f" r={quote}{letters}{zeros}{number}{quote}".encode()
                assert bool(_below(row).search(reference)) == (number > row), (row, reference)
                assert bool(_below(row, or_wide=True).search(reference)) == (number > row or len(letters) > 1), (row, reference)


def test_a_cell_tag_past_z_or_below_a_row_or_without_a_reference_first_is_found_whatever_its_digits():
    """_odd_cell(row) finds exactly the cell tags that do not begin with a reference within A–Z and `row`: a later
    row (longer numbers, leading zeros, either quote), two or three letters, no reference, another attribute first."""
    import random

    from mstrack.sources.xlsx import _odd_cell

    chance = random.Random(18)
    for row in (0, 1, 9, 10, 99, 100, 100_001, 99_999, 123_456, 1_048_576):
        numbers = {0, 1, row - 1, row, row + 1, row * 10, 10 ** len(str(row)), *(chance.randrange(2 * row + 20) for _ in range(200))}
        for number in numbers - {-1}:
            for letters, zeros, quote in (("A", "", '"'), ("Z", "0", "'"), ("XFD", "", "'"), ("AB", "00", '"')):
                for tag, start in ((b"<c", b" "), (b"<x:c", b"\n")):
                    cell = tag + start + f"r={quote}{letters}{zeros}{number}{quote}>".encode()
                    odd = not 0 < number <= row or len(letters) > 1
                    assert bool(_odd_cell(row, tag).search(cell)) == odd, (row, cell)
        for cell in (b'<c s="1" r="A1">', b"<c>", b"<c/>", b'<c  r="A1">', b'<c t="s">'):
            assert _odd_cell(row, b"<c").search(cell), (row, cell)
        assert not _odd_cell(row, b"<c").search(b'<col r="AB1"><cfRule r="A99999999"><row r="99999999">')


def test_a_text_holding_a_reference_is_no_cell(tmp_path):
    """Only a cell tag's reference places a cell: a text holding r="ZZ1048576" (beyond what mstrack reads) is text."""
    body = '<row r="1"><c r="A1" t="inlineStr"><is><t>r="ZZ1048576"</t></is></c><c r="B1"><v>2</v></c></row>'
    assert rows_of(raw_xlsx(tmp_path / "text.xlsx", [("s", "worksheets/sheet1.xml", body)])) == {1: ['r="ZZ1048576"', 2]}


@pytest.mark.parametrize("prefix", ["", "x"])
def test_marks_of_cells_without_a_reference_are_placed_by_counting(tmp_path, prefix):
    """A cell without r="…" takes the column after the cell before it, in the row after the row before it
    (as calamine places its value): its unsaved formula, error value and percent style land there too."""
    styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="9"/></cellXfs>'
    body = ('<row><c t="inlineStr"><is><t>甲</t></is></c><c><f>1+1</f></c></row>'
            '<row><c><v>1</v></c><c t="e"><v>#N/A</v></c><c s="1"><v>0.5</v></c></row>'
            '<row r="5"><c r="C5"><v>3</v></c><c><f>C5*2</f></c></row><row><c/><c><f>SUM(A1:A2)</f></c></row>')
    if prefix:  # <x:row>, <x:c>, as .NET tools write them
        body = re.sub(r"<(/?)(row|c|f|v|is|t)([ >/])", rf"<\1{prefix}:\2\3", body)
    rows = rows_of(raw_xlsx(tmp_path / "counted.xlsx", [("s", "worksheets/sheet1.xml", body)], styles, prefix=prefix))
    assert rows == {1: ["甲", "=1+1"], 2: [1, "#N/A", "50%"], 5: [None, None, 3, "=C5*2"], 6: [None, "=SUM(A1:A2)"]}
    assert isinstance(rows[1][1], Uncomputed) and isinstance(rows[5][3], Uncomputed) and isinstance(rows[6][1], Uncomputed)


def test_percent_cells_found_by_their_style_attribute_wherever_it_stands(tmp_path, monkeypatch):
    """Where the first style is no percent one, percent cells are found by their s="…" alone: before or after
    r="…", after a tab; never a row's style, a longer style number, or s="2" written as a cell's text."""
    import mstrack.sources.xlsx_xml

    monkeypatch.setattr(mstrack.sources.xlsx_xml, "CHUNK_BYTES", 64)  # a find at a piece's very start
    styles = '<cellXfs count="13">' + '<xf numFmtId="0"/>' * 2 + '<xf numFmtId="10"/>' + '<xf numFmtId="2"/>' * 10 + '</cellXfs>'
    body = ('<row r="1" s="2" customFormat="1"><c r="A1" s="2"><v>0.5</v></c><c s="2" r="B1"><v>0.25</v></c>'
            '<c r="C1"\ts="2"><v>0.125</v></c><c r="D1" s="1"><v>0.2</v></c><c r="E1" t="inlineStr"><is><t>x s="2"</t></is></c>'
            '<c r="F1" s="12"><v>0.3</v></c><c r="G1" xs="2"><v>0.4</v></c></row>'
            '<row r="2" s="2" customFormat="1"><c r="A2"><v>0.5</v></c></row>'
            '<row r="3"><c s="2"><v>0.75</v></c><c s="2" t="e"><v>#N/A</v></c></row>')
    rows = rows_of(raw_xlsx(tmp_path / "styled.xlsx", [("s", "worksheets/sheet1.xml", body)], styles))
    assert rows == {1: ["50%", "25%", "12.5%", 0.2, 'x s="2"', 0.3, 0.4], 2: [0.5], 3: ["75%", "#N/A"]}


def test_outer_spaces_of_text_without_preserve_are_dropped_by_both_readers(tmp_path):
    """A <t> without xml:space="preserve" loses its outer XML spaces (space, tab, line breaks), in a cell's
    inline string, each run of rich text and a shared string, as calamine reads it; U+3000 and U+00A0 stay,
    a preserved text and a formula's saved value keep theirs. The streamed reader kept them all, so a sheet
    read differently once it was large enough to be streamed."""
    body = ('<row r="1"><c r="A1" t="inlineStr"><is><t>  lead</t></is></c><c r="B1" t="inlineStr"><is><t>\t\n x \r\n</t></is></c>'
            '<c r="C1" t="s"><v>0</v></c><c r="D1" t="inlineStr"><is><t xml:space="preserve">  kept </t></is></c>'
            '<c r="E1" t="inlineStr"><is><r><t>a </t></r><r><t xml:space="preserve"> b </t></r><r><t> c</t></r></is></c>'
            '<c r="F1" t="str"><f>A1</f><v>  v  </v></c><c r="G1" t="s"><v>1</v></c>'
            '<c r="H1" t="inlineStr"><is><t>\u3000y\u00a0</t></is></c><c r="I1" t="inlineStr"><is><t>&#32;z&#32;</t></is></c></row>')
    path = raw_xlsx(tmp_path / "s.xlsx", [("S", "worksheets/sheet1.xml", body)],
                    shared='<si><t>  shared </t></si><si><r><t>x </t></r><r><t xml:space="preserve"> y</t></r>'
                           '<rPh sb="0" eb="1"><t> 读音 </t></rPh></si>')
    assert rows_of(path) == {1: ["lead", "x", "shared", "  kept ", "a b c", "  v  ", "x y", "\u3000y\u00a0", "z"]}


@pytest.mark.parametrize("merged", [False, True])
def test_chunks_across_blocks_give_the_rows_row_by_row_gives(tmp_path, monkeypatch, merged):
    """SheetRows.chunk takes blocks as the reader holds them (columns for a sheet with nothing placed row by row,
    its percent cells shown in their columns; rows for one with a merged range) and cuts them where a chunk
    ends: its rows, and its columns, are those that reading Row by Row gives."""
    import mstrack.sources.xlsx_rows

    monkeypatch.setattr(mstrack.sources.xlsx_rows, "BLOCK_ROWS", 3)

    def build(sheet):
        sheet.append(HEADER)
        for number in range(1, 12):
            sheet.append(["dongguan-2023", number, f"指标{number}", date(2023, 3, number), number / 8])
            sheet.cell(number + 1, 5).number_format = "0.0%" if number % 3 else "0.00"
        if merged:
            sheet.merge_cells("C4:C5")

    path = workbook(tmp_path / "blocks.xlsx", build)
    whole = [(row.number, row.cells) for row in read_rows(path)]
    rows = read_rows(path)
    read = [(row.number, row.cells) for row in (next(rows), next(rows))]
    while True:
        first, chunk = rows.chunk(4)
        if not len(chunk):
            break
        assert list(map(list, chunk.columns(5))) == list(map(list, zip(*chunk.rows(), strict=True)))
        read.extend((row.number, row.cells) for row in rows.rows_of(first, chunk))
    assert read == whole and len(whole) == 12
    assert whole[2] == (3, ["dongguan-2023", 2, "指标2", date(2023, 3, 2), "25%"])
    assert whole[3][1][2:] == ["指标3", date(2023, 3, 3), 0.375]  # a number in a number style
    assert whole[4][1][2] == ("指标3" if merged else "指标4")


def test_cells_held_as_rows_or_as_columns_give_the_same_parts():
    """rows.Cells: a part of either form, and parts joined, give the same rows; columns only of rows all plain lists
    as wide as asked (a Marked row, or a short one, leaves the chunk to the per-row path)."""
    from mstrack.sources.rows import Cells
    from mstrack.sources.xlsx_rows import Marked

    rows = [[number, f"t{number}", number / 2] for number in range(7)]
    columns = [list(column) for column in zip(*rows, strict=True)]
    by_rows, by_columns = Cells(rows=[list(row) for row in rows]), Cells(columns=[list(column) for column in columns], size=7)
    for start, stop in ((0, 7), (0, 3), (2, 5), (5, 9), (7, 9)):
        assert by_rows.part(start, stop).rows() == by_columns.part(start, stop).rows() == rows[start:stop]
    joined = Cells.joined([by_columns.part(0, 3), by_columns.part(3, 9)])
    assert joined.columns(3) == columns and joined.rows() == rows
    assert Cells.joined([by_rows.part(0, 2), by_columns.part(2, 7)]).rows() == rows
    assert list(map(list, Cells(rows=[list(row) for row in rows]).columns(3))) == columns
    assert Cells(rows=[list(row) for row in rows]).columns(4) is None
    assert Cells(rows=[[1, 2, 3], Marked([4, 5, 6])]).columns(2) is None
    assert by_columns.columns(4) is None and len(Cells.joined([])) == 0
