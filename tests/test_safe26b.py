"""safe26b: -o never writes over any SQLite database (another program's too) or its -wal/-shm/-journal file,
and never replaces a unit's filled return with a report: only a report mstrack wrote, of the same kind, is
replaced by a rerun."""

import os
import sqlite3
from pathlib import Path

import pytest

from .conftest import BACKEND, refused

OTHER_DB_REFUSAL = "that is an SQLite database"

COMMANDS = [
    ["units", "-f", "csv"],
    ["units", "-f", "md"],
    ["units", "-f", "xlsx"],
    ["lights", "-f", "csv"],
    ["report", "weekly", "-f", "xlsx", "--as-of", "2023-07-01"],
    ["report", "half-year", "-p", "yantian-2023", "-f", "html"],
    ["report", "notice", "-p", "yantian-2023", "--unit", "盐田交通运输局", "-f", "md"],
    ["export", "plan", "yantian-2023"],
    ["export", "template", "yantian-2023", "--as-of", "2023-07-01"],
]


def other_database(path: Path) -> bytes:
    """An SQLite file of another program (no mstrack table in it), in WAL mode; its bytes once checkpointed."""
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")
        connection.execute("INSERT INTO note (text) VALUES ('keep me')")
    connection.close()
    return path.read_bytes()


def spelled(database: Path, how: str, tmp_path: Path) -> Path:
    """The database, or one of its companions, named another way: the file to write."""
    if how == "symlink":
        link = tmp_path / "link.xlsx"
        link.symlink_to(database)
        return link
    if how == "hardlink":
        link = tmp_path / "hard.xlsx"
        os.link(database, link)
        return link
    if how == "symlinked-wal":  # a link whose target is named as the database's log
        link = tmp_path / "log.xlsx"
        link.symlink_to(str(database) + "-wal")
        return link
    return Path(str(database) + how)


@pytest.mark.parametrize("how", ["", "-wal", "-shm", "-journal", "symlink", "hardlink", "symlinked-wal"])
def test_o_onto_another_programs_database_or_its_files_is_refused(demo_cli, tmp_path, how):
    other = tmp_path / "other.sqlite"
    before = other_database(other)
    target = spelled(other, how, tmp_path)
    result = demo_cli("units", "-f", "csv", "-o", str(target))
    named = target if how == "hardlink" else other  # a hard link is the database under another name
    refused(result, f"--output {target}: {OTHER_DB_REFUSAL} ({named})", "choose another file name")
    assert other.read_bytes() == before
    assert not Path(str(other) + "-wal").exists() and not Path(str(other) + "-journal").exists()
    assert sqlite3.connect(other).execute("select text from note").fetchall() == [("keep me",)]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_every_command_with_an_output_refuses_any_database(demo_cli, tmp_path, command, suffix):
    other = tmp_path / "office.db"
    before = other_database(other)
    target = Path(str(other) + suffix)
    if "template" in command:  # a template is an .xlsx: the database named so through a link
        link = tmp_path / "form.xlsx"
        link.symlink_to(target)
        target = link
    result = demo_cli(*command, "-o", str(target))
    refused(result, "--output", OTHER_DB_REFUSAL)
    assert other.read_bytes() == before
    assert not Path(str(other) + "-wal").exists()


def test_import_table_and_backup_refuse_another_database_and_its_files(demo_cli, tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("序号,项目名称,工作任务\n1,a,b\n", encoding="utf-8")
    other = tmp_path / "office.db"
    before = other_database(other)
    result = demo_cli("import", "table", str(table), "-p", "t-2023", "--year", "2023", "-o", str(other) + "-shm")
    refused(result, "--output", OTHER_DB_REFUSAL)
    result = demo_cli("db", "backup", str(other) + "-journal")
    if BACKEND == "postgresql":  # a server's database is backed up by its own tools: said before any TARGET is looked at
        refused(result, "pg_dump")
    else:
        refused(result, "TARGET", OTHER_DB_REFUSAL)
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("office")) == ["office.db"]


def test_a_stale_log_whose_database_is_gone_is_refused_by_its_bytes(demo_cli, tmp_path):
    wal = tmp_path / "gone.db-wal"
    wal.write_bytes(b"\x37\x7f\x06\x82" + bytes(60))
    result = demo_cli("units", "-f", "csv", "-o", str(wal))
    refused(result, "--output", OTHER_DB_REFUSAL)
    assert wal.read_bytes()[:4] == b"\x37\x7f\x06\x82"


def test_a_file_merely_named_like_a_database_is_written(demo_cli, tmp_path):
    units = tmp_path / "units.csv"
    assert demo_cli("units", "-f", "csv", "-o", str(units)).exit_code == 0
    named = tmp_path / "notes.db"  # mstrack's own CSV (safe39a: a name of no format goes only when it is mstrack's)
    named.write_bytes(units.read_bytes())
    companion = tmp_path / "notes.db-wal"  # beside a file that is no database
    for target in (named, companion):
        result = demo_cli("units", "-f", "csv", "-o", str(target))
        assert result.exit_code == 0, result.output
        assert "Unit," in target.read_text(encoding="utf-8-sig")


# --- a unit's filled return is never replaced by a report -----------------------------------------

def filled_return(cli, path: Path) -> bytes:
    """`export template` filled in as a unit does (数值, 备注, 填报人 on the first row), saved by openpyxl."""
    from openpyxl import load_workbook

    result = cli("export", "template", "yantian-2023", "--as-of", "2023-07-01", "-o", str(path))
    assert result.exit_code == 0, result.output
    workbook = load_workbook(path)
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    for column, value in (("数值", 4), ("备注", "两条已完工"), ("填报人", "张三")):
        sheet.cell(row=2, column=header.index(column) + 1, value=value)
    workbook.save(path)
    return path.read_bytes()


REPORTS = [
    ["report", "weekly", "-f", "xlsx", "--as-of", "2023-07-01"],
    ["report", "weekly", "-p", "yantian-2023", "-f", "xlsx", "--as-of", "2023-07-01"],
    ["lights", "-f", "xlsx"],
    ["units", "-f", "xlsx"],
    ["export", "template", "yantian-2023", "--as-of", "2023-07-01"],
]


@pytest.mark.parametrize("command", REPORTS, ids=" ".join)
@pytest.mark.parametrize("through", ["name", "symlink"])
def test_no_report_replaces_a_units_filled_return(demo_cli, tmp_path, command, through):
    form = tmp_path / "return.xlsx"
    before = filled_return(demo_cli, form)
    target = form
    if through == "symlink":
        target = tmp_path / "link.xlsx"
        target.symlink_to(form)
    result = demo_cli(*command, "-o", str(target))
    refused(result, f"--output {target}: the file holds a unit's figures", f"mstrack import progress {target}")
    assert form.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".db") == sorted({"return.xlsx", target.name})


def test_a_report_rerun_to_its_path_is_replaced_in_either_language_without_reading_it(demo_cli, tmp_path, monkeypatch):
    import mstrack.sources.forms as forms

    read = []
    real = forms.holds_figures
    monkeypatch.setattr(forms, "holds_figures", lambda path: read.append(Path(path).name) or real(path))
    weekly = tmp_path / "weekly.xlsx"
    command = ["report", "weekly", "-f", "xlsx", "--as-of", "2023-07-01", "-o", str(weekly)]
    assert demo_cli(*command).exit_code == 0
    assert forms.holds_figures(weekly), "the weekly report holds figures (its New reports sheet): the case to test"
    read.clear()
    os.utime(weekly, (0, 0))
    again = demo_cli("--lang", "zh", *command)
    assert again.exit_code == 0, again.output
    assert weekly.stat().st_mtime > 0
    assert read == [], read  # mstrack's own report is known by its properties, its sheets unread


def test_an_unfilled_template_is_replaced_and_a_filled_one_after_its_move(demo_cli, tmp_path):
    form = tmp_path / "form.xlsx"
    command = ["export", "template", "yantian-2023", "--as-of", "2023-07-01", "-o", str(form)]
    assert demo_cli(*command).exit_code == 0
    os.utime(form, (0, 0))
    assert demo_cli(*command).exit_code == 0 and form.stat().st_mtime > 0
    filled_return(demo_cli, form)
    refused(demo_cli(*command), "holds a unit's figures")
    form.rename(tmp_path / "imported.xlsx")
    assert demo_cli(*command).exit_code == 0 and form.exists()


def test_a_csv_return_that_begins_like_a_report_is_kept(demo_cli, tmp_path):
    """A CSV report is known by its first cell only: a return opening with the same word ("Task", as the light
    board does) is kept unless the new file holds figures too."""
    form = tmp_path / "return.csv"
    form.write_text("Task,指标,截至日期,数值,备注\nyantian-2023/1,道路综合整治工程,2023-07-01,4,两条已完工\n",
                    encoding="utf-8")
    before = form.read_bytes()
    refused(demo_cli("lights", "-f", "csv", "-o", str(form)), "holds a unit's figures")
    assert form.read_bytes() == before


# --- import table's plan is never written over ---------------------------------------------------

@pytest.mark.parametrize("made", ["plan", "progress"])
def test_a_plan_made_while_import_table_ran_is_not_written_over(demo_cli, tmp_path, monkeypatch, made):
    """`import table` checks that -o (and its .progress.csv) is new before the conversion; a file a reviewer
    saves there while it runs is kept too: the rename never replaces an existing file."""
    import mstrack.sources.table as table_module

    table = tmp_path / "t.csv"
    table.write_text("序号,项目名称,工作任务,牵头单位,完成时限,完成情况\n1,a,新建公园3个,市城管局,2023年12月底,已建2个\n",
                     encoding="utf-8")
    plan = tmp_path / "p.toml"
    appeared = plan if made == "plan" else tmp_path / "p.progress.csv"
    real = table_module.convert_table

    def converting(*args, **options):
        result = real(*args, **options)
        appeared.write_text("# reviewed by hand\n", encoding="utf-8")
        return result

    monkeypatch.setattr(table_module, "convert_table", converting)
    result = demo_cli("import", "table", str(table), "-p", "t-2023", "--year", "2023", "-o", str(plan),
                      "--progress-as-of", "2023-06-30")
    refused(result, str(appeared), "exists already", "remove it first")
    assert appeared.read_text(encoding="utf-8") == "# reviewed by hand\n"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_workbook_of_other_data_is_not_read_whole_and_is_kept(demo_cli, tmp_path, monkeypatch):
    """The -o check looks for a progress table's header in each sheet's first HEADER_SEARCH_ROWS rows only: a big
    sheet of other data is never read whole (calamine, 3 s for 300,000 rows); a sheet whose header is there is
    streamed up to its first filled row (sources/progress_sheets, the one reading `import progress` chooses its sheet
    by). A workbook of other data, its header (if any) further down, was replaced by a report (exit 0): it is kept,
    as nothing says mstrack wrote it."""
    from openpyxl import Workbook

    import mstrack.sources.xlsx as xlsx
    from mstrack.sources.forms import FIGURES, OTHER, held
    from mstrack.sources.sheets import HEADER_SEARCH_ROWS

    read = []
    real = xlsx.xlsx_cells
    monkeypatch.setattr(xlsx, "xlsx_cells", lambda path, sheet, *hidden: read.append(sheet) or real(path, sheet, *hidden))
    workbook = Workbook()
    other = workbook.active
    other.title = "data"
    other.append(["id", "city", "amount"])
    for number in range(10 * HEADER_SEARCH_ROWS):
        other.append([number, f"city{number % 50}", number * 1.5])
    other.append(["任务编号", "数值"])  # a header below the rows import progress looks at: no table
    other.append(["1", 4])
    workbook.save(tmp_path / "data.xlsx")
    before = (tmp_path / "data.xlsx").read_bytes()
    assert held(tmp_path / "data.xlsx") == OTHER
    assert read == []
    refused(demo_cli("units", "-f", "xlsx", "-o", str(tmp_path / "data.xlsx")), "the file was not written by mstrack",
            f"its first {HEADER_SEARCH_ROWS} rows (on every sheet) hold data but no progress table header")
    assert (tmp_path / "data.xlsx").read_bytes() == before
    form = workbook.create_sheet("7月")
    form.append(["填报说明：请填写数值"])
    form.append(["任务编号", "指标", "数值", "备注"])
    form.append(["1", "道路综合整治工程", 4, ""])
    workbook.save(tmp_path / "both.xlsx")
    assert held(tmp_path / "both.xlsx") == FIGURES
    assert read == []  # the form's figures found in its streamed rows too, as import progress chooses its sheet
