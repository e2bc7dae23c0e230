"""What a coordinator's month of weekly supervision turned up: a plan re-imported with one target changed
mid-year, a unit's workbook whose first sheet is a note, the 督办通知单 printed on A4 portrait."""

from __future__ import annotations

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
    """A unit's workbook whose first sheet is 填报说明 and whose table is on the second: the refusal (exit 2,
    nothing written) names the sheets and --sheet, where it said only that no header was found."""
    import openpyxl

    plan = write_plan(tmp_path / "plan.toml", TWO_TASKS.format(target=1000))
    assert cli("import", "plan", str(plan)).exit_code == 0
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["填报说明：数值为累计数"])
    table = book.create_sheet("进度")
    table.append(["任务编号", "指标", "截至日期", "数值"])
    table.append([1, "床位", "2023-06-30", 400])
    path = tmp_path / "报送.xlsx"
    book.save(path)
    result = cli("import", "progress", str(path), "-p", "x-2023")
    assert result.exit_code == 2
    assert "no header row found in the first 30 rows" in result.stderr
    assert "the workbook has the sheets 说明, 进度: name the one to read with --sheet" in result.stderr, result.stderr
    assert cli.sql("SELECT count(*) FROM report")[0][0] == 0
    chosen = cli("import", "progress", str(path), "-p", "x-2023", "--sheet", "进度")
    assert chosen.exit_code == 0, chosen.output
    assert cli.sql("SELECT value FROM report")[0][0] == 400


def test_a_one_sheet_workbook_without_a_header_names_no_sheets(cli, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["填报说明：数值为累计数"])
    path = tmp_path / "报送.xlsx"
    book.save(path)
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
    assert words.count("2023-09-30") == 11, printed.text  # 下一节点, whole, on every row
    # the amounts and the date of a row on one printed line (pdftotext puts a space where the font changes)
    assert sum("33.3公里33公里−0.3公里2023-09-30" in "".join(line) for line in lines) == 11, printed.text
    assert "序号" in words and "灯号" in words
    for n in range(1, 12):  # 序号 whole beside its task: "10", not "1" over "0"
        assert [line[0] for line in lines if f"x-2023/{n}" in line] == [str(n)], printed.text
    assert flat(printed.text).count("每天增加0.38公里") == 11  # (111 − 33) / 205 days from June 9
