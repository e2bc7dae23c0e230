"""safe26d: plan re-imports, undo and progress sheets lose nothing silently — a reported indicator's unit or kind kept
unless no report hangs on it, a plan undo that would discard a later plan import refused, the batch an `undo` without a
number takes back named with its user and command, and a progress table read from the sheet that holds it."""

import json

import pytest

from .conftest import Cli, refused, write_plan

ROADS = ('[[tasks]]\ncode = "1"\ntitle = "道路"\n[[tasks.lines]]\nlead_units = ["市交通局"]\n'
         '[[tasks.lines.indicators]]\nname = "新建道路"\nunit = "条"\ntarget = 10\n')


def counts(cli: Cli) -> dict:
    return {table: cli.sql(f"SELECT count(*) FROM {table}")[0][0] for table in ("batch", "indicator", "report")}


def units(cli: Cli) -> list:
    return [unit for (unit,) in cli.sql("SELECT unit FROM indicator ORDER BY id")]


# --- 4. a plan re-import that changes a reported indicator's unit or kind ---------------------


def test_a_unit_change_on_a_reported_indicator_is_refused_naming_it(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    assert cli("log", "x-2023/1", "2", "--as-of", "2023-06-30").exit_code == 0
    assert cli("log", "x-2023/1", "3", "--as-of", "2023-07-31").exit_code == 0
    before = counts(cli)
    changed = write_plan(tmp_path / "y.toml", ROADS.replace('unit = "条"', 'unit = "公里"'))
    refused(cli("import", "plan", str(changed)), "nothing was written", "x-2023/1", "新建道路", "'条'", "'公里'", "2 reports")
    assert counts(cli) == before and units(cli) == ["条"]
    to_percent = write_plan(tmp_path / "z.toml", ROADS.replace('unit = "条"', 'unit = "%"'))
    refused(cli("import", "plan", str(to_percent)), "'条'", "'%'", "2 reports")
    assert units(cli) == ["条"]


def test_a_unit_change_on_an_indicator_without_reports_goes_in(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    changed = write_plan(tmp_path / "y.toml", ROADS.replace('unit = "条"', 'unit = "公里"'))
    result = cli("import", "plan", str(changed))
    assert result.exit_code == 0, result.stderr
    assert units(cli) == ["公里"]


def test_a_reported_indicator_turned_text_only_is_refused_naming_the_kind(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    assert cli("log", "x-2023/1", "2", "--as-of", "2023-06-30").exit_code == 0
    before = counts(cli)
    text_only = write_plan(tmp_path / "y.toml", ROADS.split("[[tasks.lines.indicators]]")[0])
    refused(cli("import", "plan", str(text_only)), "nothing was written", "x-2023/1", "新建道路", "1 report")
    assert counts(cli) == before and units(cli) == ["条"]


def test_a_unit_change_refusal_reads_in_chinese(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    assert cli("log", "x-2023/1", "2", "--as-of", "2023-06-30").exit_code == 0
    changed = write_plan(tmp_path / "y.toml", ROADS.replace('unit = "条"', 'unit = "公里"'))
    result = cli("--lang", "zh", "import", "plan", str(changed))
    refused(result, "单位", "'条'", "'公里'")
    assert json.loads(cli("status", "--format", "json", "--as-of", "2023-07-01").stdout)[0]["actual"] == 2


# --- 6. undo of a plan import that a later plan import changed ---------------------------------


def plan_batch(cli: Cli, path) -> int:
    result = cli("import", "plan", str(path))
    assert result.exit_code == 0, result.stderr
    return cli.sql("SELECT max(id) FROM batch")[0][0]


def titles(cli: Cli) -> list:
    return [title for (title,) in cli.sql("SELECT title FROM task ORDER BY id")]


def test_undo_of_a_plan_import_a_later_import_changed_is_refused_naming_it(cli, tmp_path):
    plan_batch(cli, write_plan(tmp_path / "a.toml", ROADS))
    first = plan_batch(cli, write_plan(tmp_path / "b.toml", ROADS.replace("target = 10", "target = 12")))
    later = plan_batch(cli, write_plan(tmp_path / "c.toml", ROADS.replace('title = "道路"', 'title = "新道路"')))
    before = counts(cli)
    stderr = refused(cli("undo", str(first)), f"batch {later} (import plan by ", "nothing was written", "newest first")
    assert "--force" in stderr
    assert counts(cli) == before and titles(cli) == ["新道路"]
    assert cli("undo", str(later)).exit_code == 0  # newest first: then the older one goes
    result = cli("undo", str(first))
    assert result.exit_code == 0, result.stderr
    assert titles(cli) == ["道路"] and cli.sql("SELECT target FROM indicator")[0][0] == 10


def test_undo_of_a_plan_import_whose_later_import_was_undone_goes_on(cli, tmp_path):
    plan_batch(cli, write_plan(tmp_path / "a.toml", ROADS))
    first = plan_batch(cli, write_plan(tmp_path / "b.toml", ROADS.replace("target = 10", "target = 12")))
    later = plan_batch(cli, write_plan(tmp_path / "c.toml", ROADS.replace('title = "道路"', 'title = "新道路"')))
    assert cli("undo", str(later)).exit_code == 0
    redo = cli.sql("SELECT max(id) FROM batch")[0][0]
    assert cli("undo", str(redo)).exit_code == 0  # the later import back again: the older undo refused anew
    refused(cli("undo", str(first)), "nothing was written")
    assert cli("undo", str(redo + 1)).exit_code == 0  # the latest: the redo undone, so the later import is gone again
    result = cli("undo", str(first))
    assert result.exit_code == 0, result.stderr
    assert cli.sql("SELECT target FROM indicator")[0][0] == 10


def test_undo_of_a_plan_import_with_force_puts_it_back_and_keeps_what_it_overrode(cli, tmp_path):
    plan_batch(cli, write_plan(tmp_path / "a.toml", ROADS))
    first = plan_batch(cli, write_plan(tmp_path / "b.toml", ROADS.replace("target = 10", "target = 12")))
    later = plan_batch(cli, write_plan(tmp_path / "c.toml", ROADS.replace('title = "道路"', 'title = "新道路"')))
    result = cli("undo", str(first), "--force")
    assert result.exit_code == 0, result.stderr
    assert titles(cli) == ["道路"]
    (undo,) = [b for b in json.loads(cli("batches", "--format", "json").stdout) if b["undoes"] == first]
    assert f"batch {later}" in undo["reason"]


def test_undo_of_a_new_programme_changed_later_is_refused(cli, tmp_path):
    created = plan_batch(cli, write_plan(tmp_path / "a.toml", ROADS))
    later = plan_batch(cli, write_plan(tmp_path / "b.toml", ROADS.replace("target = 10", "target = 12")))
    refused(cli("undo", str(created)), f"batch {later}")
    assert cli.sql("SELECT count(*) FROM programme")[0][0] == 1


def test_undo_of_a_plan_import_ignores_other_programmes_and_reports(cli, tmp_path):
    first = plan_batch(cli, write_plan(tmp_path / "a.toml", ROADS))
    plan_batch(cli, write_plan(tmp_path / "o.toml", ROADS, code="other-2023"))
    assert cli("log", "other-2023/1", "2", "--as-of", "2023-06-30").exit_code == 0
    result = cli("undo", str(first))
    assert result.exit_code == 0, result.stderr
    assert [code for (code,) in cli.sql("SELECT code FROM programme")] == ["other-2023"]


# --- 10. `undo` without a number says whose batch it takes back ---------------------------------


def as_user(name: str) -> dict:
    return {"LOGNAME": name, "USER": name, "LNAME": name, "USERNAME": name}


# The user a batch names is the machine login on SQLite, the database role on a server (store/dialect.Dialect.user: a
# login set in the environment names no role there; tests/test_who_wrote.py pins the server's side with two roles).
@pytest.mark.sqlite_only
def test_undo_names_the_batch_it_takes_back_and_whose_it_is(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS)), env=as_user("me")).exit_code == 0
    assert cli("log", "x-2023/1", "2", "--as-of", "2023-06-30", env=as_user("other")).exit_code == 0
    result = cli("undo", env=as_user("me"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("batch 3 undoes batch 2 (log by other, ")
    assert "1 report retracted" in result.stdout
    assert "batch 2 was written by other, not by you (me)" in result.stderr and "mstrack undo 3" in result.stderr
    assert cli.sql("SELECT max(id) FROM batch")[0][0] == 3  # the latest was undone, as scripts expect
    mine = cli("undo", "3", env=as_user("me"))  # my own undo, named: no warning
    assert mine.exit_code == 0 and mine.stdout.startswith("batch 4 undoes batch 3 (undo by me, ") and mine.stderr == ""


# The user a batch names is the machine login on SQLite, the database role on a server (store/dialect.Dialect.user: a
# login set in the environment names no role there; tests/test_who_wrote.py pins the server's side with two roles).
@pytest.mark.sqlite_only
def test_undo_of_a_numbered_batch_names_it_without_a_warning(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS)), env=as_user("me")).exit_code == 0
    assert cli("log", "x-2023/1", "2", "--as-of", "2023-06-30", env=as_user("other")).exit_code == 0
    result = cli("--lang", "zh", "undo", "2", env=as_user("me"))
    assert result.exit_code == 0, result.stderr
    assert "批次 3 撤销批次 2（log，other，" in result.stdout and result.stderr == ""


# --- 5. import progress reads the sheet that holds the progress table -------------------------

HEADER = ["计划", "任务编号", "指标", "截至日期", "数值"]


def workbook(path, sheets: dict):
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def reported(cli: Cli) -> list:
    return [(str(as_of)[:10], value) for as_of, value in cli.sql("SELECT as_of, value FROM report ORDER BY as_of")]


def test_the_progress_table_after_a_sheet_of_notes_is_read(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    book = workbook(tmp_path / "r.xlsx", {"填报说明": [["填报说明"], ["1. 数值填累计数"]],
                                          "7月": [HEADER, ["x-2023", "1", "新建道路", "2023-07-31", 3]]})
    result = cli("import", "progress", str(book))
    assert result.exit_code == 0, result.stderr
    assert reported(cli) == [("2023-07-31", 3)]


def test_a_blank_template_sheet_before_the_filled_one_is_passed_over_and_said(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    book = workbook(tmp_path / "r.xlsx", {"模板": [HEADER, ["x-2023", "1", "新建道路", "", None]],
                                          "7月": [HEADER, ["x-2023", "1", "新建道路", "2023-07-31", 3]]})
    result = cli("import", "progress", str(book))
    assert result.exit_code == 0, result.stderr
    assert reported(cli) == [("2023-07-31", 3)]
    assert "'7月'" in result.stderr and "'模板'" in result.stderr


def test_several_sheets_with_figures_are_refused_naming_them_and_sheet(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    book = workbook(tmp_path / "r.xlsx", {"6月": [HEADER, ["x-2023", "1", "新建道路", "2023-06-30", 2]],
                                          "说明": [["说明"]],
                                          "7月": [HEADER, ["x-2023", "1", "新建道路", "2023-07-31", 3]]})
    before = counts(cli)
    refused(cli("import", "progress", str(book)), str(book), "'6月'", "'7月'", "--sheet", "nothing was written")
    assert counts(cli) == before
    result = cli("import", "progress", str(book), "--sheet", "7月")
    assert result.exit_code == 0, result.stderr
    assert reported(cli) == [("2023-07-31", 3)]
    refused(cli("--lang", "zh", "import", "progress", str(book)), "'6月'", "--sheet")


def test_a_workbook_without_a_dimension_is_chosen_from_all_the_same(cli, tmp_path):
    """openpyxl's write-only mode names no <dimension>: the sheet is chosen through the import's own reader."""
    from openpyxl import Workbook

    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    book = Workbook(write_only=True)
    book.create_sheet("填报说明").append(["填报说明"])
    filled = book.create_sheet("7月")
    for row in (HEADER, ["x-2023", "1", "新建道路", "2023-07-31", 3]):
        filled.append(row)
    book.save(tmp_path / "r.xlsx")
    result = cli("import", "progress", str(tmp_path / "r.xlsx"))
    assert result.exit_code == 0, result.stderr
    assert reported(cli) == [("2023-07-31", 3)]


def test_a_sheet_the_stream_cannot_parse_is_chosen_by_the_imports_own_reader(cli, tmp_path):
    """Choosing the sheet streams its top rows; a sheet XML the stream finds not well-formed (one the import's own
    reader may still read) is looked at by that reader, never a traceback."""
    import zipfile

    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    good = workbook(tmp_path / "good.xlsx", {"填报说明": [["填报说明"]],
                                             "7月": [HEADER, ["x-2023", "1", "新建道路", "2023-07-31", 3]]})
    damaged = tmp_path / "r.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                data = data.replace(b'<c r="A2"', b'<c r="A2" <', 1)
                assert b'<c r="A2" <' in data
            target.writestr(item, data)
    result = cli("import", "progress", str(damaged))
    if result.exit_code == 0:
        assert reported(cli) == [("2023-07-31", 3)]
    else:
        refused(result, str(damaged))
        assert reported(cli) == []


# --- 11. hidden rows of an .xlsx are said ---------------------------------------------------------


def test_hidden_rows_of_an_xlsx_are_imported_and_named_in_a_warning(cli, tmp_path):
    from openpyxl import Workbook

    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS + ROADS.replace('code = "1"', 'code = "2"')))).exit_code == 0
    book = Workbook()
    sheet = book.active
    sheet.title = "报送"
    for row in (HEADER, ["x-2023", "1", "新建道路", "2023-06-30", 2], ["x-2023", "1", "新建道路", "2023-07-31", 3],
                ["x-2023", "2", "新建道路", "2023-06-30", 4], ["x-2023", "2", "新建道路", "2023-07-31", 5],
                ["x-2023", "2", "新建道路", "2023-08-31", 6]):
        sheet.append(row)
    for number in (3, 4, 6):
        sheet.row_dimensions[number].hidden = True
    book.save(tmp_path / "r.xlsx")
    result = cli("import", "progress", str(tmp_path / "r.xlsx"))
    assert result.exit_code == 0, result.stderr
    assert len(reported(cli)) == 5  # imported all the same: a hidden row is still the unit's row
    assert "rows 3–4, 6 of sheet '报送' are hidden and were imported" in result.stderr
    shown = cli("import", "progress", str(tmp_path / "r.xlsx"), "--dry-run")
    assert "hidden" in shown.stderr


def test_a_sheet_with_no_hidden_row_says_nothing_of_it(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    book = workbook(tmp_path / "r.xlsx", {"报送": [HEADER, ["x-2023", "1", "新建道路", "2023-07-31", 3]]})
    result = cli("import", "progress", str(book))
    assert result.exit_code == 0 and "hidden" not in result.stderr
