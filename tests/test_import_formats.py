"""import table (and import progress) on the other files offices publish: traditional characters, Word
documents, saved web pages, and .xls/.ods workbooks made by LibreOffice from an .xlsx."""

import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from mstrack.errors import InputError
from mstrack.sources.documents import document_tables
from mstrack.sources.sheets import read_rows
from mstrack.sources.table import convert_table
from mstrack.sources.traditional import Written, for_matching

from .conftest import converted_by_libreoffice, refused
from .test_import_progress import xlsx

HEADER = ["序号", "项目名称", "牵头单位", "完成时限"]


def rows_of(result) -> list[tuple]:
    """Each task as (code, title, lead units of its lines, deadline)."""
    return [(t.code, t.title, [u for line in t.lines for u in line.lead_units], t.deadline) for t in result.programme.tasks]


def targets(result) -> list[tuple]:
    return [(t.code, i.name, i.unit, i.target) for t in result.programme.tasks for line in t.lines for i in line.indicators]


def workbook(path: Path, rows: list[list], merges=()) -> Path:
    return xlsx(path, rows, merges=merges, sheet="民生实事")


# --- traditional characters ------------------------------------------------------------------------

TRADITIONAL = [
    ["2024年民生實事項目表"],
    ["序號", "項目名稱", "責任單位", "完成時限"],
    [1, "新增就業崗位1.5萬個", "市人力資源社會保障局", "12月底前"],
    [2, "建成口袋公園20個", "市園林綠化局、各區政府", "三季度"],
    [3, "改造老舊小區供水管網30公裡", "市水務局", "2024年10月底前"],
]


def test_a_table_in_traditional_characters_is_read_and_keeps_its_own_characters(tmp_path):
    result = convert_table(workbook(tmp_path / "繁體.xlsx", TRADITIONAL, merges=("A1:D1",)), "x-2024", 2024)
    assert rows_of(result) == [
        ("1", "新增就業崗位1.5萬個", ["市人力資源社會保障局"], date(2024, 12, 31)),
        ("2", "建成口袋公園20個", ["市園林綠化局"], date(2024, 9, 30)),
        ("3", "改造老舊小區供水管網30公裡", ["市水務局"], date(2024, 10, 31)),
    ]
    assert targets(result) == [("1", "新增就業崗位", "個", 15000), ("2", "建成口袋公園", "個", 20),
                               ("3", "改造老舊小區供水管網", "公裡", 30)]
    assert result.programme.tasks[1].lines[0].units == ["市園林綠化局", "各區政府"]
    assert result.programme.name == "2024年民生實事項目表"
    assert [c.text for c in result.programme.tasks[1].lines[0].checkpoints] == ["三季度"]


def test_the_same_table_in_simplified_characters_reads_the_same(tmp_path):
    simplified = [[cell for cell in row] for row in TRADITIONAL]
    simple_rows, _ = for_matching([[str(c) for c in row] for row in simplified])
    traditional = convert_table(workbook(tmp_path / "t.xlsx", TRADITIONAL), "x-2024", 2024)
    plain = convert_table(workbook(tmp_path / "s.xlsx", [[int(c) if c.isdigit() else c for c in row] for row in simple_rows]),
                          "x-2024", 2024)
    assert plain.programme.tasks[0].title == "新增就业岗位1.5万个"
    assert [(t.code, t.deadline, len(t.lines)) for t in plain.programme.tasks] == \
        [(t.code, t.deadline, len(t.lines)) for t in traditional.programme.tasks]
    assert [target[3] for target in targets(plain)] == [target[3] for target in targets(traditional)]


def test_a_simplified_table_is_read_without_loading_opencc(tmp_path):
    path = workbook(tmp_path / "s.xlsx", [HEADER, [1, "新建公园5个", "市园林局", "12月底前"]])
    code = ("import sys; from mstrack.sources.table import convert_table; "
            f"r = convert_table({str(path)!r}, 'x-2024', 2024); print(len(r.programme.tasks), 'opencc' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["1", "False"]


def test_characters_that_two_written_ones_became_are_restored_by_their_place():
    cells, written = for_matching([["臺灣路改造", "台州路改造"], ["發展", "頭髮"]])
    assert cells == [["台湾路改造", "台州路改造"], ["发展", "头发"]]
    assert written.restore("台湾路改造") == "臺灣路改造"
    assert written.restore("台州路") == "台州路"
    assert written.restore("头发") == "頭髮"
    assert written.restore("湾路") == "灣路"  # one origin: restored wherever it stands
    assert for_matching([["序号", "堃"]]) == ([["序号", "堃"]], None)  # outside GB2312, yet simplified
    assert isinstance(written, Written)


# --- Word documents --------------------------------------------------------------------------------


def word_document(path: Path, *tables, between: str = "") -> Path:
    """A .docx: a title paragraph, then each table (rows, merges as ((row, col), (row, col))), with a page
    break (and `between` text, if any) before each table after the first."""
    import docx

    document = docx.Document()
    document.add_paragraph("关于印发2024年民生实事项目的通知")
    for number, (rows, merges) in enumerate(tables):
        if number:
            document.add_page_break()
            if between:
                document.add_paragraph(between)
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if text:
                    table.cell(r, c).text = text
        for (top, left), (bottom, right) in merges:
            table.cell(top, left).merge(table.cell(bottom, right))
    document.save(path)
    return path


WORD_HEADER = ["序号", "项目名称", "牵头单位", "责任单位", "完成时限"]
FIRST_PAGE = [
    WORD_HEADER,
    ["1", "新建公园5个", "市园林局", "各区政府", "12月底前"],
    ["2", "新增学位2000个", "市教育局", "", "9月底前"],
    ["", "", "区教育局", "", ""],
    ["3", "整治背街小巷", "市城管局", "", "11月底前"],
]
MERGES = [((2, 0), (3, 0)), ((2, 1), (3, 1)), ((2, 4), (3, 4)), ((1, 3), (2, 3)), ((4, 2), (4, 3))]


def test_a_word_table_reads_its_merged_cells_in_every_cell_they_cover(tmp_path):
    path = word_document(tmp_path / "附件.docx", (FIRST_PAGE, MERGES))
    [rows] = document_tables(path)
    assert [row.cells for row in rows] == [
        WORD_HEADER,
        ["1", "新建公园5个", "市园林局", "各区政府", "12月底前"],
        ["2", "新增学位2000个", "市教育局", "各区政府", "9月底前"],  # merged down from the row above
        ["2", "新增学位2000个", "区教育局", "", "9月底前"],
        ["3", "整治背街小巷", "市城管局", "市城管局", "11月底前"],  # merged across
    ]
    result = convert_table(path, "x-2024", 2024)
    assert rows_of(result) == [("1", "新建公园5个", ["市园林局"], date(2024, 12, 31)),
                               ("2", "新增学位2000个", ["市教育局", "区教育局"], date(2024, 9, 30)),
                               ("3", "整治背街小巷", ["市城管局"], date(2024, 11, 30))]
    assert result.programme.name == "关于印发2024年民生实事项目的通知"  # the title paragraph is no row: it names the programme


def test_a_word_table_split_by_a_page_break_is_joined(tmp_path):
    rest = [["4", "建成社区食堂10家", "市民政局", "", "10月底前"]]
    repeated = [WORD_HEADER, ["5", "新增停车位300个", "市交通局", "", "6月底前"]]
    path = word_document(tmp_path / "分页.docx", (FIRST_PAGE, []), (rest, []), (repeated, []))
    result = convert_table(path, "x-2024", 2024)
    assert [t.code for t in result.programme.tasks] == ["1", "2", "3", "4", "5"]
    assert [row.number for row in document_tables(path)[0]][-3:] == [6, 7, 8]


def test_word_tables_with_text_between_and_other_headers_stay_apart_and_table_picks_one(tmp_path):
    other = [["序号", "项目名称", "完成时限", "备注", "联系人"], ["1", "老年助餐", "12月底前", "", "张三"]]
    path = word_document(tmp_path / "两表.docx", (FIRST_PAGE, []), (other, []), between="附件2")
    assert len(document_tables(path)) == 2
    both = convert_table(path, "x-2024", 2024).programme.tasks  # every part that holds tasks (parts47), in order
    assert [(t.code, t.title) for t in both] == [("1", "新建公园5个"), ("2", "新增学位2000个"), ("3", "整治背街小巷"),
                                                 ("附件2-1", "老年助餐")]
    assert [t.title for t in convert_table(path, "x-2024", 2024, table_number=1).programme.tasks] == \
        ["新建公园5个", "新增学位2000个", "整治背街小巷"]
    assert [t.title for t in convert_table(path, "x-2024", 2024, table_number=2).programme.tasks] == ["老年助餐"]
    with pytest.raises(InputError, match=r"--table 3: .*两表\.docx has 2 tables"):
        convert_table(path, "x-2024", 2024, table_number=3)


def test_a_damaged_word_file_or_a_wrong_option_is_refused_with_its_name(cli, tmp_path):
    damaged = tmp_path / "坏.docx"
    damaged.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    output = tmp_path / "plan.toml"
    args = ["-p", "x-2024", "--year", "2024", "-o", str(output)]
    refused(cli("import", "table", str(damaged), *args), f"{damaged}: not a readable .docx file")
    notes = tmp_path / "笔记.docx"
    with zipfile.ZipFile(notes, "w") as archive:
        archive.writestr("hello.txt", "no document here")
    refused(cli("import", "table", str(notes), *args), f"{notes}: not a readable .docx file")
    cut = tmp_path / "截断.docx"  # its document.xml cut in half: not XML
    with zipfile.ZipFile(word_document(tmp_path / "整.docx", (FIRST_PAGE, []))) as whole, zipfile.ZipFile(cut, "w") as archive:
        for member in whole.infolist():
            data = whole.read(member.filename)
            archive.writestr(member, data[:len(data) // 2] if member.filename == "word/document.xml" else data)
    refused(cli("import", "table", str(cut), *args), f"{cut}: not a readable .docx file (XMLSyntaxError")
    empty = word_document(tmp_path / "无表.docx")
    refused(cli("import", "table", str(empty), *args), f"{empty}: no table found in the document")
    table = word_document(tmp_path / "表.docx", (FIRST_PAGE, []))
    refused(cli("import", "table", str(table), *args, "--sheet", "Sheet1"), "--sheet applies to workbooks only")
    csv = tmp_path / "表.csv"
    csv.write_text("项目名称,完成时限\n新建公园5个,12月底前\n", encoding="utf-8")
    refused(cli("import", "table", str(csv), *args, "--table", "1"), f"{csv}: --table applies to .docx and .html documents only")
    assert not output.exists()
    done = cli("import", "table", str(table), *args, "--table", "1")
    assert done.exit_code == 0, done.output
    assert 'title = "新增学位2000个"' in output.read_text(encoding="utf-8")


# --- web pages -------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head>{meta}<title>民生实事</title>
<style>td {{ color: red }}</style><script>var t = "<table><tr><td>序号</td><td>项目名称</td></tr></table>";</script></head>
<body><p>关于印发2024年民生实事项目的通知</p>
<table><tr><td>首页</td><td>政务公开</td><td>通知公告</td><td>政策解读</td><td>互动交流</td></tr>
<tr><td>无障碍</td><td>English</td><td>繁体</td><td>简体</td><td>登录</td></tr>
<tr><td>网站地图</td><td>联系我们</td><td>关于我们</td><td>站点导航</td><td>帮助</td></tr>
<tr><td>a</td><td>b</td><td>c</td><td>d</td><td>e</td></tr><tr><td>f</td><td>g</td><td>h</td><td>i</td><td>j</td></tr></table>
<table border="1"><thead><tr><th colspan="4">2024年民生实事项目表</th></tr>
<tr><th>序号</th><th>项目名称</th><th>牵头单位</th><th>完成时限</th></tr></thead>
<tbody><tr><td>1</td><td>新建公园<b>5</b>个</td><td>市园林局&nbsp;</td><td>12月底前</td>
<tr><td rowspan="2">2</td><td rowspan="2">新增学位<br>2000个</td><td>市教育局</td><td rowspan=2>9月底前</td></tr>
<tr><td>区教育局</td></tr>
<tr><td>3</td><td colspan="2">整治背街小巷<table><tr><td>附图</td></tr></table></td><td>11月底前</td></tr>
</tbody></table></body></html>"""


def page(path: Path, encoding: str, meta: str = "") -> Path:
    path.write_bytes(PAGE.format(meta=meta).encode(encoding))
    return path


@pytest.mark.parametrize(("encoding", "meta"), [
    ("gbk", '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'),
    ("gb18030", '<meta charset="GBK">'),
    ("utf-8", '<meta charset="utf-8">'),
    ("utf-8", ""),  # no declaration: UTF-8 found
    ("gb18030", ""),  # no declaration: not UTF-8, so GB18030
    ("gbk", '<meta charset="utf-8">'),  # declared wrongly: found as text files are
])
def test_a_saved_web_page_in_any_declared_encoding(tmp_path, encoding, meta):
    path = page(tmp_path / "民生实事.html", encoding, meta)
    result = convert_table(path, "x-2024", 2024)
    assert rows_of(result) == [
        ("1", "新建公园5个", ["市园林局"], date(2024, 12, 31)),
        ("2", "新增学位\n2000个", ["市教育局", "区教育局"], date(2024, 9, 30)),
        ("3", "整治背街小巷", ["整治背街小巷"], date(2024, 11, 30)),
    ]
    assert result.programme.name == "2024年民生实事项目表"


def test_a_big5_page_in_traditional_characters(tmp_path):
    """The same page as Taiwan or Hong Kong would save it: Big5, traditional characters, titles kept as written."""
    import opencc

    text = opencc.OpenCC("s2t").convert(PAGE.format(meta='<meta charset="big5">'))
    path = tmp_path / "民生實事.html"
    path.write_bytes(text.encode("big5"))
    result = convert_table(path, "x-2024", 2024)
    assert rows_of(result) == [
        ("1", "新建公園5個", ["市園林局"], date(2024, 12, 31)),
        ("2", "新增學位\n2000個", ["市教育局", "區教育局"], date(2024, 9, 30)),
        ("3", "整治背街小巷", ["整治背街小巷"], date(2024, 11, 30)),
    ]
    assert result.programme.name == "2024年民生實事項目表"


def test_a_web_page_table_is_the_largest_with_a_header_row_or_the_one_picked(tmp_path):
    path = page(tmp_path / "p.htm", "utf-8")
    tables = document_tables(path)
    assert [len(rows) for rows in tables] == [5, 6, 1]  # the menu has the most cells, but no header row
    assert [row.cells for row in tables[1]][4:] == [["2", "新增学位\n2000个", "区教育局", "9月底前"],
                                                     ["3", "整治背街小巷", "整治背街小巷", "11月底前"]]
    assert tables[2][0].cells == ["附图"]  # a table inside a cell is a table of its own
    assert len(convert_table(path, "x-2024", 2024, table_number=2).programme.tasks) == 3
    with pytest.raises(InputError, match="no header row found"):
        convert_table(path, "x-2024", 2024, table_number=1)


def test_spans_reach_no_further_than_the_table(tmp_path):
    path = tmp_path / "span.html"
    path.write_text("<table><tr><th>项目名称</th><th>完成时限</th></tr>"
                    "<tr><td rowspan='65534'>新建公园5个</td><td colspan='999999'>12月底前</td></tr>"
                    "<tr><td rowspan=0>9月底前</td></tr></table>", encoding="utf-8")
    [rows] = document_tables(path)
    assert [len(row.cells) for row in rows] == [1001, 1001, 1001]  # a colspan is at most 1000
    assert rows[2].cells[:2] == ["新建公园5个", "9月底前"]
    assert [t.title for t in convert_table(path, "x-2024", 2024).programme.tasks] == ["新建公园5个"]


def test_a_page_without_a_table_is_refused(cli, tmp_path):
    path = tmp_path / "news.html"
    path.write_text("<html><body><p>序号 项目名称</p></body></html>", encoding="utf-8")
    refused(cli("import", "table", str(path), "-p", "x-2024", "--year", "2024", "-o", str(tmp_path / "o.toml")),
            f"{path}: no table found in the document")


# --- .xls and .ods -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def converted_books(tmp_path_factory):
    """One .xlsx with merged and percent cells, and LibreOffice's .xls and .ods of it."""
    folder = tmp_path_factory.mktemp("books")
    book = Workbook()
    sheet = book.active
    sheet.title = "民生实事"
    sheet.append(["2024年民生实事项目表"])
    sheet.append(HEADER + ["进度"])
    sheet.append([1, "新建公园5个", "市园林局", "12月底前", 0.65])
    sheet.append([2, "新增学位2000个", "市教育局", "9月底前", None])
    sheet.append([None, None, "区教育局", None, None])
    sheet["E3"].number_format = "0%"
    for cells in ("A1:E1", "A4:A5", "B4:B5", "D4:D5"):
        sheet.merge_cells(cells)
    progress = book.create_sheet("报送")
    progress.append(["计划", "任务编号", "指标", "截至日期", "数值", "备注"])
    progress.append(["shenzhen-2023", 28, "新增就业", datetime(2023, 6, 30), 89000, "区报数"])
    progress.append(["shenzhen-2023", 5, "建设筹集保障性住房", datetime(2023, 6, 30), 25000, None])
    source = folder / "民生实事.xlsx"
    book.save(source)
    converted_by_libreoffice(folder, [source], timeout=180)
    return {kind: folder / f"民生实事.{kind}" for kind in ("xlsx", "xls", "ods")}


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_xls_and_ods_read_as_the_xlsx_they_were_saved_from(converted_books, kind):
    path = converted_books[kind]
    expected = [row.cells for row in read_rows(converted_books["xlsx"])]
    rows = [row.cells for row in read_rows(path)]
    assert rows == expected
    assert rows[2][4] == "65%"  # a percent cell, read by its number format (calamine alone gives 0.65 for an .xls)
    assert rows[3][1] == rows[4][1] == "新增学位2000个"  # merged down
    result = convert_table(path, "x-2024", 2024)
    assert rows_of(result) == rows_of(convert_table(converted_books["xlsx"], "x-2024", 2024))
    assert [t.code for t in result.programme.tasks] == ["1", "2"]
    with pytest.raises(InputError, match="no sheet named 'Sheet9'"):
        convert_table(path, "x-2024", 2024, sheet="Sheet9")


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_import_progress_takes_xls_and_ods(demo_cli, converted_books, kind):
    done = demo_cli("import", "progress", str(converted_books[kind]), "--sheet", "报送")
    assert done.exit_code == 0, done.output
    assert "2 new" in done.stdout
    stored = demo_cli.sql("select value, note from report order by id desc limit 2")
    assert sorted(stored, key=lambda r: r[0]) == [(25000, None), (89000, "区报数")]


@pytest.mark.parametrize("sheet", [None, "小表"])
def test_an_ods_whose_rows_repeat_beyond_the_limit_is_refused_unread(tmp_path, monkeypatch, sheet):
    """One row of content repeated a million times, 30 columns wide: a few bytes that name 31 million cells, which
    calamine expands as it opens the file (2 GB), whichever sheet is read: refused before calamine is asked."""
    import mstrack.sources.workbooks

    def calamine_workbook(path):
        raise AssertionError("calamine opened the file before its sheets were bounded")

    monkeypatch.setattr(mstrack.sources.workbooks, "calamine_workbook", calamine_workbook)
    path = tmp_path / "repeat.ods"
    table = ("urn:oasis:names:tc:opendocument:xmlns:table:1.0", "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
             "urn:oasis:names:tc:opendocument:xmlns:text:1.0")
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:table="{table[0]}" '
               f'xmlns:office="{table[1]}" xmlns:text="{table[2]}" office:version="1.2"><office:body><office:spreadsheet>'
               '<table:table table:name="Sheet1"><table:table-row table:number-rows-repeated="1048000">'
               '<table:table-cell table:number-columns-repeated="30" office:value-type="string"><text:p>x</text:p>'
               "</table:table-cell></table:table-row></table:table><table:table table:name=\"小表\"><table:table-row>"
               '<table:table-cell office:value-type="string"><text:p>y</text:p></table:table-cell></table:table-row>'
               "</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest '
                         'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
                         'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                         "</manifest:manifest>")
    with pytest.raises(InputError, match=r"repeat\.ods: sheet 'Sheet1' reaches row 1048000"):
        list(read_rows(path, sheet))


@pytest.mark.parametrize(("code", "percent"), [("0%", True), ("0.00%", True), ('0.0"%"', False), ("0\\%", False),
                                               ("[Red]0%", True), ("General", False), ("[$%-804]0", False)])
def test_a_percent_is_told_by_its_number_format(code, percent):
    """One rule for .xls (xlrd's formats) and .xlsx (the styles part)."""
    from mstrack.sources.xlsx import percent_format

    assert percent_format(code) is percent
