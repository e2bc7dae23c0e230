"""Inputs refused wrongly or unclearly (trial52 findings 3–7, 9, 10): a file read by its content where its name
says another kind, a 合计 row's unsaved formula, every column of a field named twice, one error on many rows said
once, a workbook given to `import plan`."""

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from .conftest import done, refused

HEADER = ["计划", "任务编号", "指标", "截至日期", "数值", "备注", "填报人"]
ROW = ["shenzhen-2023", 5, "建设筹集保障性住房", "2023-06-30", 25000, "区报数", "张三"]
PLAN_ROWS = [["序号", "工作任务", "牵头单位", "完成时限"], ["1", "新建中小学校10所", "市教育局", "2024年12月底前"],
             ["2", "改造老旧小区30个", "市住房建设局", "2024年11月底前"]]


def workbook(path: Path, rows: list[list]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def web_page(path: Path, rows: list[list]) -> Path:
    """A sheet as an office system's "export to Excel" writes it: a web page, named as the caller says (.xls)."""
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    path.write_text(f'<html><head><meta charset="utf-8"></head><body><table>{body}</table></body></html>', encoding="utf-8")
    return path


def stored(cli) -> list[tuple]:
    return cli.sql("select value, note from report order by id")


@pytest.mark.parametrize("kind", ["html", "xlsx", "csv"])
def test_a_return_whose_content_is_not_its_extension_is_read_by_its_content(demo_cli, tmp_path, kind):
    if kind == "html":
        path, what = web_page(tmp_path / "导出.xls", [HEADER, ROW]), "a web page (HTML"
    elif kind == "xlsx":
        path, what = workbook(tmp_path / "改名.xls", [HEADER, ROW]), "an Excel workbook (.xlsx)"
    else:
        path = tmp_path / "文本.xlsx"
        path.write_text("\n".join(",".join(map(str, row)) for row in (HEADER, ROW)) + "\n", encoding="utf-8")
        what = "text (CSV)"
    before = stored(demo_cli)
    result = demo_cli("import", "progress", str(path))
    done(result)
    assert f"{path}: its content is {what}" in result.stderr and f"not the {path.suffix} its name says" in result.stderr
    assert stored(demo_cli) == [*before, (25000, "区报数")]


@pytest.mark.parametrize("kind", ["html", "xlsx"])
def test_import_table_reads_an_xls_by_its_content(cli, tmp_path, kind):
    path = (web_page if kind == "html" else workbook)(tmp_path / "分解表.xls", PLAN_ROWS)
    output = tmp_path / "plan.toml"
    result = cli("import", "table", str(path), "-p", "t-2024", "--year", "2024", "-o", str(output))
    done(result)
    assert "its content is" in result.output and "not the .xls its name says" in result.output
    assert output.read_text(encoding="utf-8").count("[[tasks]]") == 2


def test_a_damaged_file_is_still_refused_by_its_readers_words(demo_cli, tmp_path):
    path = tmp_path / "坏.xls"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 50)  # a zip's signature and nothing of one: no reader for it
    refused(demo_cli("import", "progress", str(path)), "not a readable .xls file")


@pytest.mark.parametrize("name", ["计划.xlsx", "导出.xls", "方案.docx", "页面.html", "表.csv", "改名.toml"])
def test_import_plan_given_a_table_names_import_table(demo_cli, tmp_path, name):
    path = tmp_path / name
    if name.endswith(".docx"):
        from .conftest import word_document

        word_document(path, "实施方案", PLAN_ROWS, [])
    elif name.endswith((".xls", ".html")):
        web_page(path, PLAN_ROWS)
    elif name.endswith(".csv"):
        path.write_text("\n".join(",".join(row) for row in PLAN_ROWS) + "\n", encoding="utf-8")
    else:  # a workbook renamed .toml: known by its content
        workbook(path, PLAN_ROWS)
    if name.endswith(".xlsx"):
        workbook(path, PLAN_ROWS)
    before = demo_cli.sql("select code from programme order by code")
    result = demo_cli("import", "plan", str(path))
    refused(result, f"{path}: a plan is a .toml file", f"for a published table use `mstrack import table {path}`")
    assert isinstance(result.exception, SystemExit)
    assert demo_cli.sql("select code from programme order by code") == before


def test_a_total_rows_unsaved_formula_does_not_refuse_the_file(demo_cli, tmp_path):
    path = workbook(tmp_path / "合计.xlsx", [HEADER, ROW, ["合计", None, None, "2023-06-30", "=SUM(E2:E2)", None, None]])
    before = stored(demo_cli)
    result = demo_cli("import", "progress", str(path), "--format", "json")
    done(result)
    assert json.loads(result.stdout)["total_rows"] == 1
    assert stored(demo_cli) == [*before, (25000, "区报数")]
    task_row = workbook(tmp_path / "任务.xlsx", [HEADER, [*ROW[:4], "=SUM(1,2)", None, None]])  # a task's own: still refused
    refused(demo_cli("import", "progress", str(task_row)), "has no saved value")


def test_one_error_on_many_rows_is_said_once_with_its_rows(demo_cli, tmp_path):
    """input53 (trial53 #13): the same refusal of many rows of one column is said once, with the rows and their
    count; refusals of one kind that differ row by row are said five times and counted (fix52b)."""
    path = tmp_path / "多行.csv"
    rows = [",".join(HEADER[:5])] + [f"shenzhen-2099,5,建设筹集保障性住房,2023-06-30,{n}" for n in range(1, 41)]
    path.write_text("\n".join([*rows, "shenzhen-2023,5,没有的指标,2023-06-30,5"]) + "\n", encoding="utf-8")
    before = stored(demo_cli)
    said = refused(demo_cli("import", "progress", str(path)), "41 problems; nothing was written",
                   f"{path}:2-41:计划: no programme 'shenzhen-2099'", "(40 rows)", "没有的指标")
    assert said.count("no programme 'shenzhen-2099'") == 1 and "more rows with the same error" not in said
    assert stored(demo_cli) == before
    differing = tmp_path / "各行.csv"
    rows = [",".join(HEADER[:5])] + [f"shenzhen-2023,9{n},建设筹集保障性住房,2023-06-30,1" for n in range(1, 9)]
    differing.write_text("\n".join(rows) + "\n", encoding="utf-8")
    said = refused(demo_cli("import", "progress", str(differing)), "8 problems; nothing was written",
                   f"…and 3 more rows refused as {differing}:2:任务编号 is, each for the code it names (96, 97, 98)")
    assert said.count("shenzhen-2023 has no task") == 5
    assert stored(demo_cli) == before
    every = refused(demo_cli("import", "progress", str(path), "--verbose"))
    assert every.count("no programme 'shenzhen-2099'") == 40 and "more rows with the same error" not in every
    assert stored(demo_cli) == before


def test_a_wide_sheet_of_quarters_names_every_column_and_import_table(demo_cli, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["某市2024年民生实事推进情况表"])
    sheet.append(["序号", "任务", "牵头单位", "目标", "一季度完成情况", "", "二季度完成情况", "", "三季度完成情况", ""])
    sheet.append(["", "", "", "", "累计完成", "备注", "累计完成", "备注", "累计完成", "备注"])
    sheet.append([1, "新建学校", "教育局", 10, 2, "", 5, "", 8, ""])
    for cells in ("E2:F2", "G2:H2", "I2:J2", "A2:A3", "B2:B3", "C2:C3", "D2:D3"):
        sheet.merge_cells(cells)
    path = tmp_path / "office.xlsx"
    book.save(path)
    before = stored(demo_cli)
    refused(demo_cli("import", "progress", str(path), "-p", "shenzhen-2023", "--as-of", "2023-06-30"),
            f"{path}:3: 3 columns mean value: E '累计完成' under '一季度完成情况', G '累计完成' under '二季度完成情况', "
            "I '累计完成' under '三季度完成情况'; they are one figure by quarter or month: "
            f"`mstrack import table {path} --progress-as-of DATE` reads such a wide sheet")
    assert stored(demo_cli) == before


def test_the_sheet_options_help_says_the_sheet_is_found():
    import typer.main

    from mstrack.cli.app import app

    commands = typer.main.get_command(app).commands["import"].commands
    helps = {name: next(option.help for option in commands[name].params if "--sheet" in getattr(option, "opts", ()))
             for name in ("progress", "table")}
    assert helps["progress"].endswith("[default: the sheet that holds the progress table]")
    assert helps["table"].endswith("[default: the first sheet with a header row, the active sheet first]")


def test_an_excel_2003_xml_sheet_is_said_as_what_it_is(demo_cli, tmp_path):
    path = tmp_path / "导出.xls"
    path.write_text('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
                    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>\n', encoding="utf-8")
    before = stored(demo_cli)
    refused(demo_cli("import", "progress", str(path)),
            f"{path}: its content is an Excel 2003 XML spreadsheet, which mstrack does not read: open it in Excel or WPS "
            "and save it as .xlsx")
    assert stored(demo_cli) == before


@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_a_return_as_a_web_page_or_a_word_document_is_read_by_its_largest_table(demo_cli, tmp_path, suffix):
    path = tmp_path / f"报送{suffix}"
    if suffix == ".docx":
        from .conftest import word_document

        word_document(path, "报送表", [HEADER, [str(cell) for cell in ROW]], [])
    else:
        web_page(path, [HEADER, ROW])
    before = stored(demo_cli)
    result = demo_cli("import", "progress", str(path))
    done(result)
    assert "its content is" not in result.stderr
    assert stored(demo_cli) == [*before, (25000, "区报数")]
