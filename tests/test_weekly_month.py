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
