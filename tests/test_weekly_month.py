"""What a coordinator's month of weekly supervision turned up: a plan re-imported with one target changed
mid-year, a unit's workbook whose first sheet is a note, the 督办通知单 printed on A4 portrait."""

from __future__ import annotations

import pytest

from mstrack.sources.sheets import HEADER_SEARCH_ROWS
from tests.conftest import write_plan

TWO_TASKS = ('[[tasks]]\ncode = "1"\ntitle = "新增床位"\n[[tasks.lines]]\nlead_units = ["甲局"]\n'
             '[[tasks.lines.indicators]]\nname = "床位"\nunit = "张"\ntarget = {target}\nmilestones = []\n'
             '[[tasks]]\ncode = "2"\ntitle = "新增学位"\n[[tasks.lines]]\nlead_units = ["乙局"]\n'
             '[[tasks.lines.indicators]]\nname = "学位"\nunit = "个"\ntarget = 500\nmilestones = []\n')


def test_a_plan_re_imported_with_one_target_changed_says_one_task_updated(cli, tmp_path):
    """The writer rewrites every kept task; the summary counts those the new plan changes (it said
    "0 added, 2 updated" for a single target raised from 1000 to 1200)."""
    plan = write_plan(tmp_path / "plan.toml", TWO_TASKS.format(target=1000))
    assert cli("import", "plan", str(plan)).exit_code == 0
    write_plan(plan, TWO_TASKS.format(target=1200))
    result = cli("import", "plan", str(plan), "--reason", "7月调整目标")
    assert result.exit_code == 0, result.output
    assert "0 tasks added, 1 updated, 0 removed" in result.stdout, result.stdout
    shown = cli("show", "x-2023/1", "--format", "json")
    assert '"target": 1200' in shown.stdout


def test_a_workbook_opening_on_a_sheet_of_notes_names_its_sheets(cli, tmp_path):
    """A unit's workbook whose first sheet is 填报说明 and whose table is on the second is read on the second (safe26d:
    the sheet that holds the table); with the table on no sheet, the refusal (exit 2, nothing written) names the
    sheets and --sheet, where it said only that no header was found."""
    import openpyxl

    plan = write_plan(tmp_path / "plan.toml", TWO_TASKS.format(target=1000))
    assert cli("import", "plan", str(plan)).exit_code == 0
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["填报说明：数值为累计数"])
    table = book.create_sheet("进度")
    table.append(["任务", "指标名", "截至", "数"])  # no header mstrack reads
    table.append([1, "床位", "2023-06-30", 400])
    path = tmp_path / "报送.xlsx"
    book.save(path)
    result = cli("import", "progress", str(path), "-p", "x-2023")
    assert result.exit_code == 2
    assert f"no header row found in the first {HEADER_SEARCH_ROWS} rows" in result.stderr
    assert "the workbook has the sheets 说明, 进度: name the one to read with --sheet" in result.stderr, result.stderr
    assert cli.sql("SELECT count(*) FROM report")[0][0] == 0
    table.cell(1, 1, "任务编号")
    table.cell(1, 2, "指标")
    table.cell(1, 3, "截至日期")
    table.cell(1, 4, "数值")
    book.save(path)
    chosen = cli("import", "progress", str(path), "-p", "x-2023")
    assert chosen.exit_code == 0, chosen.output
    assert cli.sql("SELECT value FROM report")[0][0] == 400


def test_a_one_sheet_workbook_without_a_header_names_no_sheets(cli, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["填报说明：数值为累计数"])
    path = tmp_path / "报送.xlsx"
    book.save(path)
    assert cli("init").exit_code == 0  # a store to import into (where there is none, that is said: safe48c)
    result = cli("import", "progress", str(path), "-p", "x-2023")
    assert result.exit_code == 2 and "no header row found" in result.stderr
    assert "--sheet" not in result.stderr


def _writer_installed() -> bool:
    """LibreOffice converts a .docx only with its Writer part (Debian's libreoffice-writer; CI installs it)."""
    import os
    import shutil
    from pathlib import Path

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    return soffice is not None and shutil.which("pdftotext") is not None and (
        Path(os.path.realpath(soffice)).parent / "libswlo.so").exists()


def _needs_writer(test):
    import os

    import pytest

    return pytest.mark.skipif(not _writer_installed() and not os.environ.get("CI"),
                              reason="LibreOffice Writer is not installed (CI installs it)")(test)


ROADS = "".join(
    f'[[tasks]]\ncode = "{n}"\ntitle = "农村路{n}"\ndeadline = "2023-12-31"\n[[tasks.lines]]\nlead_units = ["市交通运输局"]\n'
    f'[[tasks.lines.indicators]]\nname = "新建农村路{n}"\nunit = "公里"\ntarget = 111\nmilestones = [\n'
    '    { due = "2023-03-31", target = 13.1 },\n    { due = "2023-06-30", target = 33.3 },\n'
    '    { due = "2023-09-30", target = 62.5 },\n    { due = "2023-12-31", target = 111 },\n]\n'
    for n in range(1, 12))


@pytest.mark.backend_independent
@_needs_writer
def test_the_notice_in_word_prints_its_dates_and_amounts_whole_on_a4_portrait(cli, tmp_path):
    """The 督办通知单 as LibreOffice prints the .docx: A4 portrait, and in its nine columns each date (下一节点),
    amount with its unit and two-digit 序号 on one line; with Word's default cell margins and a 4 % 序号 column
    it printed "2023-" over "09-30", "33.3公" over "里" and 10 as "1" over "0"."""
    from tests.test_paper import flat, office_print

    assert cli("import", "plan", str(write_plan(tmp_path / "plan.toml", ROADS))).exit_code == 0
    sheet = tmp_path / "交通局.csv"
    sheet.write_text("任务编号,指标名称,截至日期,累计完成值\n"
                     + "".join(f"{n},新建农村路{n},2023-06-09,33\n" for n in range(1, 12)), encoding="utf-8")
    assert cli("import", "progress", str(sheet), "-p", "x-2023").exit_code == 0
    out = tmp_path / "交通局.docx"
    run = cli("--lang", "zh", "report", "notice", "--as-of", "2023-06-30", "-u", "市交通运输局", "-o", str(out))
    assert run.exit_code == 0, run.output
    printed = office_print(out, tmp_path)
    assert printed.size == (595.3, 841.9) and printed.pages == 1
    lines = [line.split() for line in printed.text.splitlines()]
    words = [word for line in lines for word in line]
    assert sum("9月30日" in "".join(line) for line in lines) == 11, printed.text  # 下一节点, whole, on every row
    # the amounts and the date of a row on one printed line (pdftotext puts a space where the font changes)
    assert sum("33.3公里33公里−0.3公里9月30日" in "".join(line) for line in lines) == 11, printed.text
    assert "序号" in words and "灯号" in words
    for n in range(1, 12):  # 序号 whole beside its task: "10", not "1" over "0"
        assert [line[0] for line in lines if f"x-2023/{n}" in line] == [str(n)], printed.text
    assert flat(printed.text).count("每天增加0.38公里") == 11  # (111 − 33) / 205 days from June 9


BEDS = ('[[tasks]]\ncode = "3"\ntitle = "新增医疗床位"\n[[tasks.lines]]\nlead_units = ["市卫生健康局"]\n'
        '[[tasks.lines.indicators]]\nname = "新增医疗床位"\nunit = "张"\ntarget = 1000\nmilestones = [\n'
        '    { due = "2023-03-31", target = 200 },\n    { due = "2023-06-30", target = 400 },\n]\n'
        '[[tasks]]\ncode = "12"\ntitle = "筛查"\n[[tasks.lines]]\nlead_units = ["市卫生健康局"]\n'
        '[[tasks.lines.indicators]]\nname = "筛查"\nunit = "人"\ntarget = 34000\nmilestones = [\n'
        '    { due = "2023-03-31", target = 8500 },\n]\n')


def _entered(cli, value: float, when: str) -> None:
    """Dates a report's entry (the import's own time is today): the week it came in."""
    _write(cli, "UPDATE report SET entered_at = :when WHERE value = :value", {"when": when, "value": value})


def _write(cli, sql: str, params: dict) -> None:
    """One statement on the store, whatever its kind: to date what a command stamps with today."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(cli.url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            connection.execute(text(sql), params)
    finally:
        engine.dispose()


def test_a_late_report_shows_the_status_change_last_weeks_report_missed(cli, tmp_path):
    """Week of 06-09 → 06-16: 市卫生健康局 sends, on 06-14, its beds as of 06-08 (a late report dated in last
    week) and corrects last week's screening figure. Last week's report said the beds 未报送 and the screening
    behind; this week's lists both changes (it judged last week with this week's entries and saw none)."""
    import json

    assert cli("import", "plan", str(write_plan(tmp_path / "plan.toml", BEDS))).exit_code == 0
    first = tmp_path / "第1周.csv"
    first.write_text("任务编号,截至日期,累计完成值\n12,2023-06-05,8000\n", encoding="utf-8")
    assert cli("import", "progress", str(first), "-p", "x-2023").exit_code == 0
    _entered(cli, 8000, "2023-06-05 09:00:00")
    second = tmp_path / "第2周.csv"
    second.write_text("任务编号,截至日期,累计完成值,备注\n3,2023-06-08,380,迟报\n12,2023-06-05,9000,更正上周数\n",
                      encoding="utf-8")
    assert cli("import", "progress", str(second), "-p", "x-2023").exit_code == 0
    _entered(cli, 380, "2023-06-14 09:00:00")
    _entered(cli, 9000, "2023-06-14 09:00:00")
    report = json.loads(cli("report", "weekly", "--as-of", "2023-06-16", "--format", "json").stdout)
    changes = {(c["task"], c["before"], c["after"]) for c in report["changes"]["status"]}
    assert changes == {("3", "no_report", "on_track"), ("12", "behind", "on_track")}, report["changes"]["status"]
    assert {(r["task"], r["value"]) for r in report["changes"]["reports"]} == {("3", 380), ("12", 9000)}
    table = cli("--lang", "zh", "report", "weekly", "--as-of", "2023-06-16", "--format", "md").stdout
    assert "| 3 | 新增医疗床位 | 市卫生健康局 | 未报送 | 序时推进 | 380张 | 2023-06-08 |" in table, table


def test_an_excel_lock_file_in_the_folder_is_named_as_one(cli, tmp_path):
    """`import progress 报送/*.xlsx` on Monday, while someone has 卫健局.xlsx open: the folder holds Excel's
    hidden "~$卫健局.xlsx" too. It is refused (exit 2, nothing written) as the lock file it is, not as a
    damaged workbook ("not a zip archive: the file is damaged"), which sent the user to the unit for a new copy."""
    import openpyxl

    assert cli("import", "plan", str(write_plan(tmp_path / "plan.toml", TWO_TASKS.format(target=1000)))).exit_code == 0
    folder = tmp_path / "报送"
    folder.mkdir()
    book = openpyxl.Workbook()
    book.active.append(["任务编号", "截至日期", "数值"])
    book.active.append([1, "2023-06-30", 400])
    book.save(folder / "卫健局.xlsx")
    owner = "张三".encode("utf-16-le")
    (folder / "~$卫健局.xlsx").write_bytes(bytes([2]) + b"zs".ljust(53, b" ") + owner.ljust(108, b"\x00"))
    files = sorted(str(path) for path in folder.glob("*.xlsx"))
    result = cli("import", "progress", *files, "-p", "x-2023")
    assert result.exit_code == 2
    assert "~$卫健局.xlsx: not a readable .xlsx file (the lock file Excel or WPS keeps while the workbook is open" in result.stderr
    assert "zip" not in result.stderr
    assert cli.sql("SELECT count(*) FROM report")[0][0] == 0
    chinese = cli("--lang", "zh", "import", "progress", *files, "-p", "x-2023")
    assert chinese.exit_code == 2 and "临时锁定文件，不是工作簿" in chinese.stderr
    assert cli("import", "progress", str(folder / "卫健局.xlsx"), "-p", "x-2023").exit_code == 0


def test_a_report_to_a_pdf_file_is_refused_not_written_as_text(cli, tmp_path):
    """`units -o 单位.pdf` wrote the text table into 单位.pdf (exit 0), which no PDF reader opens; a document
    mstrack does not write is refused before anything is written, whatever the report."""
    assert cli("import", "plan", str(write_plan(tmp_path / "plan.toml", TWO_TASKS.format(target=1000)))).exit_code == 0
    for args in (["units"], ["lights"], ["report", "weekly"], ["report", "notice", "-u", "甲局"]):
        out = tmp_path / "单位.PDF"
        result = cli(*args, "--as-of", "2023-06-30", "-o", str(out))
        assert result.exit_code == 2, (args, result.output)
        assert "mstrack writes no .pdf file" in result.stderr and "or add --format" in result.stderr
        assert not out.exists()
    assert cli("units", "--as-of", "2023-06-30", "-o", str(tmp_path / "单位.doc")).exit_code == 2
    given = cli("units", "--as-of", "2023-06-30", "--format", "md", "-o", str(tmp_path / "单位.pdf"))
    assert given.exit_code == 0 and "| 甲局 |" in (tmp_path / "单位.pdf").read_text(encoding="utf-8")
    text = cli("units", "--as-of", "2023-06-30", "-o", str(tmp_path / "通报.txt"))
    assert text.exit_code == 0 and "甲局" in (tmp_path / "通报.txt").read_text(encoding="utf-8")


def test_a_template_is_not_written_over_a_units_filled_form(cli, tmp_path):
    """`export template -o 发出/甲局.xlsx` into the folder where 甲局 sent back its filled form under that name
    replaced the unit's figures with a blank form (exit 0). A file holding figures (a value under any header
    `import progress` reads as 数值: the form's own, or a unit's 累计完成) is refused, exit 2, and left as it was;
    a blank form of last week is written over, as the weekly loop of docs/import.md does."""
    import openpyxl

    assert cli("import", "plan", str(write_plan(tmp_path / "plan.toml", TWO_TASKS.format(target=1000)))).exit_code == 0
    form = tmp_path / "甲局.xlsx"
    assert cli("export", "template", "x-2023", "-u", "甲局", "--as-of", "2023-06-30", "-o", str(form)).exit_code == 0
    again = cli("export", "template", "x-2023", "-u", "甲局", "--as-of", "2023-07-31", "-o", str(form))
    assert again.exit_code == 0, again.output  # last week's blank form
    book = openpyxl.load_workbook(form)
    sheet = book.active
    assert sheet.cell(1, 1).value == "填报单位：甲局"  # a form for one unit says it above the header
    headers = [cell.value for cell in sheet[2]]
    sheet.protection.sheet = False
    sheet.cell(row=3, column=headers.index("数值") + 1, value=420)
    book.save(form)
    filled = form.read_bytes()
    refused = cli("export", "template", "x-2023", "-u", "甲局", "-o", str(form))
    assert refused.exit_code == 2
    assert "the file holds a unit's figures" in refused.stderr and "import progress" in refused.stderr
    assert form.read_bytes() == filled
    own = tmp_path / "乙局.xlsx"  # a unit's own layout, its figure under 累计完成
    book = openpyxl.Workbook()
    book.active.append(["序号", "指标名称", "累计完成", "备注"])
    book.active.append([2, "学位", 260, ""])
    book.save(own)
    assert cli("export", "template", "x-2023", "-u", "乙局", "-o", str(own)).exit_code == 2
    assert cli("import", "progress", str(form), "-p", "x-2023").exit_code == 0  # the form itself imports as it is


def test_a_late_log_above_a_later_report_is_warned_about(cli, tmp_path):
    """400 and 420 beds logged as of 06-09 and 06-16; then 甲局's late figure as of 06-08, 450: the later reports
    now read as a fall, and `log` said nothing (it warned only of a value below an earlier day's). Recorded, with a warning."""
    assert cli("import", "plan", str(write_plan(tmp_path / "plan.toml", TWO_TASKS.format(target=1000)))).exit_code == 0
    assert cli("log", "x-2023/1", "420", "--as-of", "2023-06-16").exit_code == 0
    fits = cli("log", "x-2023/1", "400", "--as-of", "2023-06-09")
    assert fits.exit_code == 0 and "warning" not in fits.stderr, fits.stderr
    late = cli("log", "x-2023/1", "450", "--as-of", "2023-06-08")
    assert late.exit_code == 0, late.output
    assert ("mstrack: warning: x-2023/1 床位: 450张 as of 2023-06-08 is higher than the 400张 reported as of 2023-06-09,"
            " a later day; values are cumulative") in late.stderr, late.stderr  # the first day it is above
    assert sorted(cli.sql("SELECT value FROM report")) == [(400,), (420,), (450,)]
