"""Messages and views the last trial left (views52): a return's row dated in another programme's year names that
programme, as `log` does; a Word document's table and paragraphs named where a row is; an Excel day number kept as a
float; the sheet choice said before a near header; the weekly 未报送 count's partly reported tasks; the weekly 变化
lists cut on the terminal and the printed page, whole in the files."""

import json
import zipfile

from rich.cells import cell_len

from .conftest import done, plan_task, plan_tasks, refused
from .test_fix51b import _plan, _return

HEAD_2026 = 'format = 1\n[programme]\ncode = "c-2026"\nname = "测试2026"\nyear = 2026\n'


# --- 1. a row dated outside its programme's window -----------------------------------------------------------------------

def test_a_return_row_dated_in_the_next_year_names_the_programme_of_that_year_as_log_does(cli, tmp_path):
    path = _return(cli, tmp_path, "计划,任务编号,指标,截至日期,数值", "c-2025,1,学位,2026-03-31,2600")
    plan_2026 = tmp_path / "v26.toml"
    plan_2026.write_text(HEAD_2026 + plan_tasks(plan_task("1", "新增学位", "市教育局", "学位", "个", 5000)), encoding="utf-8")
    done(cli("import", "plan", str(plan_2026)))
    stderr = refused(cli("import", "progress", str(path)),
                     f"{path}:2:截至日期: 2026-03-31 is outside the programme's year 2025 (or the January after); "
                     "2026-03-31 is in the year of c-2026: import its figures with -p c-2026 (or a 计划 column)",
                     "nothing was written")
    logged = refused(cli("log", "c-2025/1", "2600", "--as-of", "2026-03-31"),
                     "2026-03-31 is in the year of c-2026: log its figures under c-2026")
    # one wording: the part after the window is the same but for the way on
    assert stderr.split("; 2026-03-31 is in the year of")[0].endswith("(or the January after)")
    assert "(or the January after); 2026-03-31 is in the year of c-2026" in logged
    assert cli.sql("SELECT count(*) FROM report") == [(0,)]
    # in Chinese too
    zh = refused(cli("--lang", "zh", "import", "progress", str(path)), "2026-03-31 属于 c-2026 的年度：请用 -p c-2026")
    assert "2026-03-31" in zh
    # no programme of that year: the window alone, as before
    path.write_text("计划,任务编号,指标,截至日期,数值\nc-2025,1,学位,2024-12-31,2600\n", encoding="utf-8")
    alone = refused(cli("import", "progress", str(path)), "2024-12-31 is outside the programme's year 2025")
    assert "is in the year of" not in alone


# --- 2. and 3. a Word document's table, and its paragraphs ---------------------------------------------------------------

def _docx(path, *tables, paragraphs=()):
    from docx import Document

    document = Document()
    document.add_paragraph("2025年民生实事项目任务分解表")
    for line in paragraphs:
        document.add_paragraph(line)
    for rows in tables:
        document.add_paragraph("附表")
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for row, cells in zip(table.rows, rows, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    document.save(path)
    return str(path)


TASKS = [["序号", "工作任务", "牵头单位", "完成时限"], ["1", "新增学位500个", "市教育局", "2025年12月底"],
         ["2", "", "市民政局", "2025年12月底"], ["3", "新建道路5条", "市住建局", "2025年12月底"]]


def test_a_row_of_one_task_table_among_other_tables_names_its_table(cli, tmp_path):
    contacts = [["联系人", "电话"], ["张三", "12345678"]]
    path = _docx(tmp_path / "两表.docx", contacts, TASKS)
    result = cli("import", "table", path, "-p", "c-2025", "--year", "2025", "-o", str(tmp_path / "p.toml"))
    done(result)
    assert "两表.docx: table 2, row 3, column 2 (工作任务): task 2 has no text" in result.stderr, result.stderr
    assert "# check: table 2, row 3, column 2" in (tmp_path / "p.toml").read_text(encoding="utf-8")
    zh = cli("--lang", "zh", "import", "table", path, "-p", "c-2025", "--year", "2025", "-o", str(tmp_path / "q.toml"))
    done(zh)
    assert "两表.docx：表格 2，第 3 行" in zh.stderr, zh.stderr
    # a document of one table: its rows, as before
    one = _docx(tmp_path / "一表.docx", TASKS)
    alone = cli("import", "table", one, "-p", "c-2025", "--year", "2025", "-o", str(tmp_path / "r.toml"))
    done(alone)
    assert "一表.docx: row 3, column 2 (工作任务)" in alone.stderr and "table" not in alone.stderr.split("一表.docx:")[1][:8]


def test_a_row_named_beside_a_task_numbered_twice_is_placed_as_the_file_numbers_its_rows():
    """titles.py said "first at row N" of a Word document read from its paragraphs (the list reader sets such a
    number aside before it gets there, so no document reaches it through the CLI yet): placed as `where` places it."""
    from pathlib import Path

    from mstrack.sources.table.reading import Row, Sheet
    from mstrack.sources.table.titles import _at

    class Layout:  # what _at reads of a layout: its sheet
        def __init__(self, sheet):
            self.sheet = sheet

    rows = [Row(1, ["1.新增学位"])]
    assert str(_at(Layout(Sheet(path=Path("p.docx"), rows=rows, paragraphs=True)), 7)) == "paragraph 7"
    assert str(_at(Layout(Sheet(path=Path("p.docx"), rows=rows)), 7)) == "row 7"
    assert str(_at(Layout(Sheet(path=Path("p.txt"), rows=rows)), 7)) == "line 7"


# --- 4. an Excel day number kept as a float ------------------------------------------------------------------------------

def test_an_excel_day_number_written_as_a_float_names_the_date_it_stands_for(cli, tmp_path):
    from openpyxl import Workbook

    _return(cli, tmp_path, "计划,任务编号,指标,截至日期,数值", "c-2025,1,学位,2025-09-30,2600")
    workbook = Workbook()
    workbook.active.append(["计划", "任务编号", "指标", "截至日期", "数值"])
    workbook.active.append(["c-2025", 1, "学位", 45930, 2600])
    path = tmp_path / "报送.xlsx"
    workbook.save(path)
    parts = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            parts[name] = archive.read(name)
    sheet = parts["xl/worksheets/sheet1.xml"]
    assert b"<v>45930</v>" in sheet
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"<v>45930</v>", b"<v>45930.0</v>")  # as a returned file keeps it
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    refused(cli("import", "progress", str(path)), f"{path}:2:截至日期: '45930", "is not a date mstrack can read: it "
            "looks like Excel's day number for 2025-09-30", "write it as 2025-09-30")
    assert cli.sql("SELECT count(*) FROM report") == [(0,)]


# --- 5. several sheets: the sheet choice first ---------------------------------------------------------------------------

def test_a_near_header_on_a_workbook_of_several_sheets_says_the_sheet_choice_first(cli, tmp_path):
    from openpyxl import Workbook

    _return(cli, tmp_path, "计划,任务编号,指标,截至日期,数值", "c-2025,1,学位,2025-09-30,2600")
    workbook = Workbook()
    notes = workbook.active
    notes.title = "说明"
    notes.append(["计划", "任务编号", "指标", "截至日期", "截至9月底累计完成数"])  # a renamed value column
    notes.append(["c-2025", 1, "学位", "2025-09-30", 2600])
    other = workbook.create_sheet("数据")
    other.append(["甲", "乙"])
    path = tmp_path / "多表.xlsx"
    workbook.save(path)
    stderr = refused(cli("import", "progress", str(path)))
    said = " ".join(stderr.split())
    choice = said.index("the workbook has the sheets 说明, 数据: name the one to read with --sheet")
    near = said.index("row 1 has the other headers (计划、任务编号、指标、截至日期、截至9月底累计完成数) and lacks only a value column")
    assert choice < near, said
    assert cli.sql("SELECT count(*) FROM report") == [(0,)]
    # the sheet chosen with --sheet: its row alone, no choice to make
    chosen = " ".join(refused(cli("import", "progress", str(path), "--sheet", "说明"), "row 1 has the other headers").split())
    assert "name the one to read with --sheet" not in chosen, chosen
    # one sheet: the near header alone, as before
    del workbook["数据"]
    workbook.save(path)
    alone = " ".join(refused(cli("import", "progress", str(path)), "row 1 has the other headers").split())
    assert "--sheet" not in alone


# --- 7. the weekly 未报送 count's partly reported tasks --------------------------------------------------------------------

WEEK = ("report", "weekly", "-p", "yantian-2023", "--as-of", "2023-07-07", "--rule", "pro-rata")


def test_the_weekly_headline_says_how_many_tasks_without_a_report_are_partly_reported(demo_cli):
    result = demo_cli(*WEEK, "--format", "json")
    done(result)
    summary = json.loads(result.stdout)["summary"]
    rows = demo_cli("status", "-p", "yantian-2023", "--as-of", "2023-07-07", "--rule", "pro-rata", "--format", "json")
    done(rows)
    by_task: dict = {}
    for row in json.loads(rows.stdout)["rows"] if isinstance(json.loads(rows.stdout), dict) else json.loads(rows.stdout):
        by_task.setdefault(row["task"], []).append(row)
    unreported = {task for task, lines in by_task.items() if any(line["status"] == "no_report" for line in lines)
                  and not any(line["status"] in ("behind", "overdue") for line in lines)}
    partly = {task for task in unreported if any(line["as_of"] for line in by_task[task])}
    assert summary["task_counts"]["no_report"] == len(unreported)
    assert summary["partly_reported"] == len(partly) > 0
    assert f"（其中{len(partly)}项部分报送）" in summary["text"] or f"({len(partly)} of them partly reported)" in summary["text"]
    table = demo_cli(*WEEK)
    done(table)
    assert f"{len(unreported)} without a report ({len(partly)} of them partly reported)" in " ".join(table.stdout.split())


# --- 8. the weekly 变化 lists: cut on the terminal and the page, whole in the files -----------------------------------------

def test_a_week_of_many_new_reports_is_cut_on_the_terminal_and_the_page_and_whole_in_the_files(cli, tmp_path):
    from mstrack.render.report import CHANGES_SHOWN

    n = CHANGES_SHOWN + 12
    tasks = [plan_task(str(i), f"任务{i}", "市教育局", "学位", "个", 100) for i in range(1, n + 1)]
    done(cli("import", "plan", _plan(tmp_path, "many.toml", plan_tasks(*tasks))))
    rows = "\n".join(f"c-2025,{i},学位,2025-06-30,{i}" for i in range(1, n + 1))
    (tmp_path / "week.csv").write_text("计划,任务编号,指标,截至日期,数值\n" + rows + "\n", encoding="utf-8")
    done(cli("import", "progress", str(tmp_path / "week.csv")))
    week = ("report", "weekly", "--as-of", "2025-07-01")
    data = json.loads(cli(*week, "--format", "json").stdout)
    assert len(data["changes"]["reports"]) == n
    table = cli(*week, env={"COLUMNS": "80"})
    done(table)
    assert "… and 12 more (the whole list: --format xlsx, csv, md or json)" in " ".join(table.stdout.split())
    section = table.stdout.split("New reports")[1]
    shown = [line for line in section.splitlines() if "学位" in line and "2025-06-30" in line]
    assert len(shown) == CHANGES_SHOWN, section
    assert all(cell_len(line) <= 80 for line in table.stdout.splitlines()), table.stdout
    html = cli(*week, "--format", "html", "-o", str(tmp_path / "week.html"))
    done(html)
    page = (tmp_path / "week.html").read_text(encoding="utf-8").split('<section id="changes">')[1]
    listed = page.split("<h3>")[1]
    assert listed.count("<tr") == CHANGES_SHOWN + 1 and "… and 12 more" in listed  # the header and the rows shown
    md = cli(*week, "--format", "md")
    done(md)
    assert md.stdout.split("### New reports")[1].count("2025-06-30") == n and "more (the whole list" not in md.stdout
    csv_out = cli(*week, "--format", "csv")
    done(csv_out)
    assert csv_out.stdout.split("New reports")[1].count("2025-06-30") == n
