"""Issue 14, the output side: nothing mstrack writes may destroy the database or an older file, print a
terminal escape from the data, show a password, or leave the database or its copy readable by others; a failed output
fails the command before anything is stored."""

import errno
import json
import os
import resource
import shutil
import sqlite3
import stat
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from .conftest import Cli, refused, write_plan

MSTRACK = shutil.which("mstrack", path=str(Path(sys.executable).parent)) or shutil.which("mstrack")
ESCAPE = "\x1b[2J\x1b]0;pwned\x07\x0c\x08"
"""Clear the screen, set the window title, ring the bell, a form feed and a backspace."""


def run(db, *args: str, stdout=subprocess.PIPE, limit: int | None = None, cwd=None) -> subprocess.CompletedProcess:
    """The installed mstrack in a subprocess; `limit` caps the size of any file it writes (RLIMIT_FSIZE). It runs
    as a child of bash, as from a terminal: `--show-completion` takes its shell from the parent process (Typer's
    shell detection), and under a runner whose parents hold no shell it found none."""

    def cap():
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(["bash", "-c", '"$0" "$@"; exit $?', MSTRACK, "--db", str(db), "--lang", "en", *args],
                          stdout=stdout, stderr=subprocess.PIPE, text=True, preexec_fn=cap, cwd=cwd,
                          env={**os.environ, "COLUMNS": "140"})


def leftovers(directory: Path) -> list[str]:
    """Temporary files an output left behind."""
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".part") or ".part-" in p.name)


def database_bytes(path: Path) -> bytes:
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.read_bytes()


# --- 1. never onto the database ------------------------------------------------------------------

OUTPUT_COMMANDS = [
    ["units", "-f", "csv"],
    ["units", "-f", "xlsx"],
    ["report", "weekly", "-f", "md", "--as-of", "2023-07-01"],
    ["report", "weekly", "-f", "xlsx", "--as-of", "2023-07-01"],
    ["report", "half-year", "-p", "yantian-2023", "-f", "html"],
    ["report", "annual", "-p", "yantian-2023", "-f", "json"],
    ["export", "plan", "yantian-2023"],
    ["export", "template", "yantian-2023", "--as-of", "2023-07-01"],
]


def spell(db: Path, how: str, tmp_path: Path) -> str:
    """The database file, or one of its companions, named another way."""
    if how == "same":
        return str(db)
    if how == "relative":
        return os.path.relpath(db)
    if how == "dotted":
        return str(db.parent / "." / db.name)
    if how == "symlink":
        link = tmp_path / "link.csv"
        link.symlink_to(db)
        return str(link)
    if how == "hardlink":
        link = tmp_path / "hard.csv"
        os.link(db, link)
        return str(link)
    return str(db) + how  # -wal, -shm, -journal: not there now, the database's all the same


@pytest.mark.sqlite_only
@pytest.mark.parametrize("how", ["same", "relative", "dotted", "symlink", "hardlink", "-wal", "-shm", "-journal"])
def test_an_output_onto_the_database_is_refused_however_it_is_spelled(demo_cli, tmp_path, monkeypatch, how):
    monkeypatch.chdir(tmp_path)
    before = database_bytes(demo_cli.db)
    target = spell(demo_cli.db, how, tmp_path)
    result = demo_cli("units", "-f", "csv", "-o", target)
    assert result.exit_code == 2
    assert result.stderr == (f"mstrack: error: --output {target}: that is the database itself (or one of its files); "
                             "choose another file name\n")
    assert database_bytes(demo_cli.db) == before
    assert not Path(str(demo_cli.db) + "-journal").exists()
    assert leftovers(tmp_path) == []


@pytest.mark.sqlite_only
@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=" ".join)
def test_every_command_with_an_output_refuses_the_database(demo_cli, tmp_path, command):
    link = tmp_path / "report.xlsx"
    os.link(demo_cli.db, link)  # a hard link: another name, the same file
    before = database_bytes(demo_cli.db)
    result = demo_cli(*command, "-o", str(link))
    assert result.exit_code == 2
    assert "that is the database itself" in result.stderr and "--output" in result.stderr
    assert database_bytes(demo_cli.db) == before
    assert demo_cli("status", "-p", "yantian-2023").exit_code == 0


@pytest.mark.sqlite_only
def test_import_table_and_backup_refuse_the_database_files(demo_cli, tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("序号,项目名称,工作任务\n1,a,b\n", encoding="utf-8")
    wal = str(demo_cli.db) + "-wal"
    result = demo_cli("import", "table", str(table), "-p", "t-2023", "--year", "2023", "-o", wal)
    assert result.exit_code == 2 and "--output" in result.stderr and "that is the database itself" in result.stderr
    assert not Path(wal).exists()
    result = demo_cli("db", "backup", str(demo_cli.db) + "-shm")
    assert result.exit_code == 2 and "TARGET" in result.stderr and "that is the database itself" in result.stderr
    assert not Path(str(demo_cli.db) + "-shm").exists()


# --- 2. replaced whole or not at all ---------------------------------------------------------------

@pytest.mark.backend_independent
def test_a_report_that_fails_midway_leaves_the_old_file_and_no_temporary_file(demo_cli, tmp_path):
    """The file-size limit stops the write midway (EFBIG, as a full disk would): the old report stays."""
    fresh = tmp_path / "fresh.html"
    assert run(demo_cli.db, "report", "weekly", "-f", "html", "--as-of", "2023-07-01", "-o", str(fresh)).returncode == 0
    limit = 36_000  # above SQLite's 32 KB -shm file of a read, below the report
    assert fresh.stat().st_size > limit
    old = tmp_path / "weekly.html"  # last week's report, as mstrack wrote it (safe36a: only its own is replaced)
    assert run(demo_cli.db, "report", "weekly", "-f", "html", "--as-of", "2023-06-24", "-o", str(old)).returncode == 0
    before = old.read_bytes()
    result = run(demo_cli.db, "report", "weekly", "-f", "html", "--as-of", "2023-07-01", "-o", str(old), limit=limit)
    assert result.returncode == 2
    assert result.stderr == f"mstrack: error: --output {old}: cannot write: File too large\n"
    assert old.read_bytes() == before
    assert leftovers(tmp_path) == []


@pytest.mark.backend_independent
@pytest.mark.parametrize("command", [
    ["units", "-f", "xlsx", "--as-of", "2023-07-01"],
    ["report", "weekly", "--as-of", "2023-07-01"],  # the name chooses: -f csv and an .xlsx name are refused (safe38)
    ["report", "annual", "-p", "yantian-2023", "-f", "xlsx"],
    ["export", "template", "yantian-2023", "--as-of", "2023-07-01"],
], ids=" ".join)  # export plan writes over no file (safe38): test_import_table_writes_its_plan_whole_or_not_at_all
@pytest.mark.parametrize("failure", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()],
                         ids=["disk full", "ctrl-c"])
def test_an_output_that_fails_before_its_rename_leaves_the_old_file(demo_cli, tmp_path, monkeypatch, command, failure):
    """Everything written, then the fsync fails (a full disk) or Ctrl-C comes: the old file is as it was. (A workbook
    holding a title only, which any -o replaces: bytes mstrack cannot read are kept from every -o, safe33.)"""
    from openpyxl import Workbook

    old = tmp_path / "out.xlsx"
    workbook = Workbook()
    workbook.active.append(["the old file"])
    workbook.save(old)
    before = old.read_bytes()
    old.chmod(0o644)
    real_fsync = os.fsync

    def failing_fsync(descriptor):
        real_fsync(descriptor)
        raise failure

    monkeypatch.setattr(os, "fsync", failing_fsync)
    result = demo_cli(*command, "-o", str(old))
    monkeypatch.setattr(os, "fsync", real_fsync)
    if isinstance(failure, OSError):
        assert result.exit_code == 2
        assert result.stderr == f"mstrack: error: --output {old}: cannot write: No space left on device\n"
    else:
        assert result.exit_code == 130
    assert old.read_bytes() == before
    assert leftovers(tmp_path) == []
    assert demo_cli(*command, "-o", str(old)).exit_code == 0  # and when nothing fails, it is replaced
    assert old.read_bytes() != before
    assert stat.S_IMODE(old.stat().st_mode) == 0o644  # a file replaced keeps its mode
    assert leftovers(tmp_path) == []


@pytest.mark.backend_independent
def test_import_table_writes_its_plan_whole_or_not_at_all(cli, tmp_path, monkeypatch):
    table = tmp_path / "t.csv"
    table.write_text("序号,项目名称,工作任务,责任单位,完成时限\n1,道路,修路 10 公里,区交通局,2023年12月底\n", encoding="utf-8")
    plan = tmp_path / "t.toml"

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = cli("import", "table", str(table), "-p", "t-2023", "--year", "2023", "-o", str(plan))
    assert result.exit_code == 2 and "cannot write: No space left on device" in result.stderr
    assert not plan.exists() and leftovers(tmp_path) == []
    monkeypatch.undo()
    result = cli("import", "table", str(table), "-p", "t-2023", "--year", "2023", "-o", str(plan))
    assert result.exit_code == 0, result.output
    assert 'code = "t-2023"' in plan.read_text(encoding="utf-8")


# --- 5. backups ----------------------------------------------------------------------------------

@pytest.mark.sqlite_only
def test_a_backup_that_fails_midway_leaves_no_file(demo_cli, tmp_path):
    copy = tmp_path / "copy.db"
    result = run(demo_cli.db, "db", "backup", str(copy), limit=100_000)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    # the copy could not be written: said of the file to write, not as "--db …: cannot open the database"
    assert result.stderr == f"mstrack: error: TARGET {copy}: cannot write: disk I/O error\n"
    assert not copy.exists()
    listed = sorted(p.name for p in tmp_path.iterdir())
    assert leftovers(tmp_path) == [] and listed == ["demo.db"], listed
    result = run(demo_cli.db, "db", "backup", str(copy))
    assert result.returncode == 0, result.stderr
    assert sqlite3.connect(copy).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600


@pytest.mark.sqlite_only
def test_a_backup_uses_sqlite3_alone(demo_cli, tmp_path):
    """The backup is sqlite3's own API on sqlite3's own connection: no SQLAlchemy engine is opened for it."""
    copy = tmp_path / "copy.db"
    code = ("import sys\nimport mstrack.cli\nsys.argv = ['mstrack', '--db', sys.argv[1], 'db', 'backup', sys.argv[2]]\n"
            "try:\n    mstrack.cli.run(last=False)\nexcept SystemExit as done:\n    assert not done.code, done.code\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'sqlmodel'}))")
    done = subprocess.run([sys.executable, "-c", code, str(demo_cli.db), str(copy)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert sqlite3.connect(copy).execute("SELECT count(*) FROM task").fetchone()[0] > 100


@pytest.mark.sqlite_only
def test_a_backup_that_fails_its_check_is_not_kept(demo_cli, tmp_path, monkeypatch):
    real_connect = sqlite3.connect

    class Damaged(sqlite3.Connection):
        """The backup's own connection, whose check finds a fault."""

        def execute(self, sql, *args):
            if sql.startswith("PRAGMA quick_check"):
                return iter([("*** in database main *** Page 7 is never used",)])
            return super().execute(sql, *args)

    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: real_connect(*a, **k, factory=Damaged))
    copy = tmp_path / "copy.db"
    result = demo_cli("db", "backup", str(copy))
    assert result.exit_code == 2
    assert result.stderr == ("mstrack: error: backup: the copy fails its check: *** in database main *** Page 7 is never "
                             "used; nothing was written\n")
    assert not copy.exists() and leftovers(tmp_path) == []


# --- 12. no control character from the data ---------------------------------------------------------

def _hostile_notes(cli: Cli) -> None:
    """Data already in a database, put there before mstrack refused such text: a note, an indicator name,
    a task title with terminal escapes and controls that xlsx refuses; notes with Rich markup as well,
    which Rich would read (a MarkupError, a hyperlink) were it not printed as typed."""
    cli.sql("SELECT 1")
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(cli.url, poolclass=NullPool)
    with engine.begin() as connection:
        task = connection.execute(text(
            "SELECT t.id FROM task t JOIN programme p ON p.id = t.programme_id WHERE p.code = 'yantian-2023' AND t.code = '1'"
        )).scalar()
        connection.execute(text("UPDATE task SET title = title || :bad WHERE id = :task"), {"bad": ESCAPE, "task": task})
        connection.execute(text(
            "UPDATE indicator SET name = name || :bad WHERE line_id IN (SELECT id FROM task_line WHERE task_id = :task)"),
            {"bad": ESCAPE, "task": task})
        connection.execute(text(
            "UPDATE report SET note = COALESCE(note, '') || :bad || ' [/x][link=https://example.org]rich markup' WHERE indicator_id IN "
            "(SELECT i.id FROM indicator i JOIN task_line l ON l.id = i.line_id JOIN task t ON t.id = l.task_id "
            " JOIN programme p ON p.id = t.programme_id WHERE p.code = 'yantian-2023')"), {"bad": ESCAPE})
        connection.execute(text("UPDATE unit SET name = name || :bad"), {"bad": ESCAPE})
    engine.dispose()


CONTROLS = [chr(c) for c in range(32) if chr(c) not in "\t\n"] + ["\x7f", "\x9b"]


def clean(text: str) -> bool:
    return not any(c in text for c in CONTROLS)


@pytest.mark.parametrize("command", [
    ["status", "-p", "yantian-2023", "--as-of", "2023-07-01"],
    ["status", "-p", "yantian-2023", "--as-of", "2023-07-01", "-f", "json"],
    ["show", "yantian-2023/1"],
    ["show", "yantian-2023/1", "-f", "json"],
    ["history", "yantian-2023/1"],
    ["units", "-p", "yantian-2023", "--as-of", "2023-07-01"],
    ["report", "weekly", "-p", "yantian-2023", "--as-of", "2023-07-01"],
    ["report", "weekly", "-p", "yantian-2023", "--as-of", "2023-07-01", "-f", "md"],
    ["report", "weekly", "-p", "yantian-2023", "--as-of", "2023-07-01", "-f", "csv"],
    ["report", "half-year", "-p", "yantian-2023", "-f", "html"],
    ["export", "plan", "yantian-2023"],
], ids=" ".join)
def test_no_control_character_from_the_data_reaches_the_terminal(demo_cli, command):
    _hostile_notes(demo_cli)
    result = demo_cli(*command)
    assert result.exit_code == 0, result.output
    assert "[2J" in result.stdout or "\\u001b[2J" in result.stdout or command[0] == "export"  # the data is shown...
    assert clean(result.stdout) and clean(result.stderr)  # ...but not its control characters


@pytest.mark.backend_independent
def test_a_message_that_quotes_the_data_has_no_control_character(demo_cli, tmp_path):
    _hostile_notes(demo_cli)
    result = demo_cli("log", "yantian-2023/1", "5", "-i", "no such")  # names the task's indicators
    assert result.exit_code == 2 and "[2J]0;pwned" in result.stderr
    assert clean(result.stderr)
    # A file name with control characters is refused as an argument (issue 14, item 12), and the refusal
    # quotes the argument without them.
    result = demo_cli("import", "progress", str(tmp_path / ("sheet" + ESCAPE + ".csv")))
    assert result.exit_code == 2 and "control character U+001B (ESC)" in result.stderr
    assert clean(result.stderr)


@pytest.mark.backend_independent
@pytest.mark.parametrize("command", [
    ["report", "weekly", "-p", "yantian-2023", "--as-of", "2023-07-01", "-f", "xlsx"],
    ["report", "half-year", "-p", "yantian-2023", "-f", "xlsx"],
    ["units", "-p", "yantian-2023", "--as-of", "2023-07-01", "-f", "xlsx"],
    ["export", "template", "yantian-2023", "--as-of", "2023-07-01"],
], ids=" ".join)
def test_xlsx_drops_control_characters_instead_of_failing(demo_cli, tmp_path, command):
    from openpyxl import load_workbook

    _hostile_notes(demo_cli)
    out = tmp_path / "out.xlsx"
    result = demo_cli(*command, "-o", str(out))
    assert result.exit_code == 0, result.output
    texts = [cell for sheet in load_workbook(out).worksheets for row in sheet.iter_rows(values_only=True)
             for cell in row if isinstance(cell, str)]
    assert all(clean(text) for text in texts)
    if command[0] != "units":
        assert any("]0;pwned" in text for text in texts)


def test_a_terminal_gets_no_escape_from_the_data_either():
    """On a terminal Rich adds its own colours; those stay, the data's escapes go."""
    import io

    from rich.text import Text

    from mstrack.cli.printing import _safe_console_class

    buffer = io.StringIO()
    rich_console = _safe_console_class()(file=buffer, force_terminal=True, color_system="standard")
    rich_console.print(Text("behind" + ESCAPE, style="bold red"))
    printed = buffer.getvalue()
    assert "\x1b[1;31m" in printed  # Rich's own style
    assert "\x1b[2J" not in printed and "\x07" not in printed and "behind[2J]0;pwned" in printed


# --- 14. a failed output stores nothing -----------------------------------------------------------

def _closed_pipe():
    read, write = os.pipe()
    os.close(read)
    return write


@pytest.mark.backend_independent
@pytest.mark.parametrize("output", ["/dev/full", "closed pipe"])
def test_a_read_to_a_full_or_closed_output_is_one_line_and_an_exit_code(demo_cli, output):
    for command in (["status", "--as-of", "2023-07-01"], ["status", "-f", "json", "--as-of", "2023-07-01"],
                    ["show", "shenzhen-2023/5", "--as-of", "2023-07-01"], ["report", "weekly", "-f", "md", "--as-of", "2023-07-01"]):
        if output == "/dev/full":
            with open("/dev/full", "w") as stdout:
                result = run(demo_cli.db, *command, stdout=stdout)
            assert result.returncode == 2, command
            assert result.stderr == "mstrack: error: cannot write the output: No space left on device\n"
        else:
            pipe = _closed_pipe()
            result = run(demo_cli.db, *command, stdout=pipe)
            os.close(pipe)
            assert result.returncode == 141, command
            assert result.stderr == "", command  # a read whose reader went away: silent, as cat and grep (trial50 T10)


@pytest.mark.parametrize("output", ["/dev/full", "closed pipe"])
def test_help_and_version_to_a_full_or_closed_output_end_as_every_command_does(tmp_path, output):
    """`mstrack --help | head -1`: the root's help, --version and completion are printed while the command line
    is read, before any command runs; they fail as a command's help does, in one line and one exit code."""
    db = tmp_path / "none.db"
    for command in (["--help"], ["-h"], ["--version"], ["--show-completion"], ["status", "--help"],
                    ["import", "--help"], ["report", "weekly", "--help"]):
        if output == "/dev/full":
            with open("/dev/full", "w") as stdout:
                result = run(db, *command, stdout=stdout)
            assert (result.returncode, result.stderr) == (2, "mstrack: error: cannot write the output: No space left on "
                                                              "device\n"), command
        else:
            pipe = _closed_pipe()
            result = run(db, *command, stdout=pipe)
            os.close(pipe)
            assert (result.returncode, result.stderr) == (141, ""), command
    assert not db.exists()


def test_the_help_a_group_shows_without_a_command_into_a_closed_pipe_ends_with_141():
    """`mstrack 2>&1 | true`: with no command the help goes to stderr (exit 2); when stderr is a closed pipe
    nothing can be said, and the exit code tells it, as for any output."""
    for command in ([], ["import"]):
        pipe = _closed_pipe()
        result = subprocess.run([MSTRACK, "--lang", "en", *command], stdout=pipe, stderr=pipe)
        os.close(pipe)
        assert result.returncode == 141, command


def _failing_late(real, **smaller):
    """A renderer's pieces as it makes them, then bad input found in a later section: what a consumer of
    `--format json` must never see half of."""
    from mstrack.errors import InputError

    def pieces(*args, **kwargs):
        made = real(*args, **{**kwargs, **smaller})
        yield next(made)
        yield next(made)
        raise InputError("a later section: found late")

    return pieces


@pytest.mark.backend_independent
@pytest.mark.parametrize("command", [["status", "-f", "json"], ["report", "weekly", "-f", "json"]])
def test_a_json_document_whose_later_part_fails_prints_nothing(demo_cli, monkeypatch, command):
    """`status -f json` and `report weekly -f json` write their JSON in pieces, as they make them, so that a
    province's document is never one string; a failure after the first piece left half a document on stdout.
    The pieces now wait until the last is made: valid JSON, or nothing and the message with exit 2."""
    from mstrack.render import outputs, report_text, status

    monkeypatch.setattr(status, "status_json_chunks", _failing_late(status.status_json_chunks, size=5))
    monkeypatch.setattr(report_text, "json_chunks", _failing_late(outputs.json_chunks, tokens=64))
    result = demo_cli(*command, "--as-of", "2023-07-01")
    assert (result.exit_code, result.stdout) == (2, ""), result.stdout[:200]
    assert result.stderr == "mstrack: error: a later section: found late\n"
    monkeypatch.undo()
    result = demo_cli(*command, "--as-of", "2023-07-01")
    assert result.exit_code == 0 and json.loads(result.stdout)


def _reports(cli: Cli) -> int:
    return cli.sql("SELECT count(*) FROM report")[0][0]


def _batches(cli: Cli) -> int:
    return cli.sql("SELECT count(*) FROM batch")[0][0]


@pytest.mark.parametrize("output", ["/dev/full", "closed pipe"])
def test_a_write_whose_confirmation_cannot_be_printed_stores_nothing(demo_cli, tmp_path, output):
    sheet = tmp_path / "reports.csv"
    sheet.write_text("计划,序号,指标,截至日期,累计完成\nshenzhen-2023,28,新增就业,2023-06-30,12345\n", encoding="utf-8")
    plan = write_plan(tmp_path / "x.toml", '[[tasks]]\ncode = "1"\ntitle = "t"\n[[tasks.lines]]\nlead_units = ["甲局"]\n'
                      '[[tasks.lines.indicators]]\nname = "n"\ntarget = 100\nmilestones = [{ due = "2023-12-31", target = 100 }]\n')
    assert run(demo_cli.db, "log", "shenzhen-2023/28", "20000", "--as-of", "2023-05-31").returncode == 0  # to undo
    reports, batches = _reports(demo_cli), _batches(demo_cli)
    retractions = demo_cli.sql("SELECT count(*) FROM report_retraction")
    commands = [
        ["log", "shenzhen-2023/28", "12345", "--as-of", "2023-06-30"],
        ["log", "shenzhen-2023/28", "12345", "--as-of", "2023-06-30", "--note", "x"],
        ["import", "progress", str(sheet)],
        ["import", "progress", str(sheet), "-f", "json"],
        ["import", "plan", str(plan)],
        ["undo"],
        ["report", "weekly", "--freeze"],
    ]
    for command in commands:
        if output == "/dev/full":
            with open("/dev/full", "w") as stdout:
                result = run(demo_cli.db, *command, stdout=stdout)
            assert result.returncode == 2, (command, result.stderr)
            lost = "the report was not frozen" if "--freeze" in command else "nothing was written"  # review56: said
            assert result.stderr.endswith(f"mstrack: error: cannot write the output: No space left on device; {lost}\n"), command
        else:
            pipe = _closed_pipe()
            result = run(demo_cli.db, *command, stdout=pipe)
            os.close(pipe)
            assert result.returncode == 141, (command, result.stderr)
            lost = "the report was not frozen" if "--freeze" in command else "nothing was written"
            assert result.stderr.endswith(f"mstrack: error: cannot write the output: Broken pipe; {lost}\n"), command
        assert "Traceback" not in result.stderr
        assert (_reports(demo_cli), _batches(demo_cli)) == (reports, batches), command
        assert demo_cli.sql("SELECT count(*) FROM report_retraction") == retractions
        assert demo_cli.sql("SELECT count(*) FROM report_snapshot")[0][0] == 0
        assert demo_cli.sql("SELECT count(*) FROM programme WHERE code = 'x-2023'") == [(0,)]
    # and with a working output, each is stored once, as said
    result = run(demo_cli.db, "log", "shenzhen-2023/28", "12345", "--as-of", "2023-06-30")
    (newest,) = demo_cli.sql("SELECT max(id) FROM batch")[0]  # PostgreSQL's ids skip those rolled back
    assert result.returncode == 0 and f"(batch {newest}, by " in result.stdout
    assert (_reports(demo_cli), _batches(demo_cli)) == (reports + 1, batches + 1)


@pytest.mark.sqlite_only
def test_init_and_demo_to_a_full_output_store_nothing_worth_a_rerun(tmp_path):
    """init's line is said before its version is stamped; demo's before it loads the seeds."""
    db = tmp_path / "new.db"
    with open("/dev/full", "w") as stdout:
        result = run(db, "init", stdout=stdout)
    assert result.returncode == 2 and result.stderr == ("mstrack: error: cannot write the output: No space left on device; "
                                                        "nothing was written\n")  # review56: the stamp rolled back, said
    assert sqlite3.connect(db).execute("SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'").fetchone() in (
        (0,), (1,))
    assert sqlite3.connect(db).execute("SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'").fetchone() == (
        0,) or sqlite3.connect(db).execute("SELECT count(*) FROM schema_version").fetchone() == (0,)
    with open("/dev/full", "w") as stderr_and_stdout:
        result = subprocess.run([MSTRACK, "--db", str(db), "demo"], stdout=stderr_and_stdout, stderr=stderr_and_stdout)
    assert result.returncode == 2
    assert sqlite3.connect(db).execute("SELECT count(*) FROM programme").fetchone() == (0,)


# --- 16. passwords -------------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "postgresql+psycopg://clerk:{secret}@127.0.0.1:9/office",
    "postgresql+psycopg://clerk@127.0.0.1:9/office?password={secret}",
    "postgresql+psycopg://clerk@127.0.0.1:9/office?sslmode=disable&password={secret}",
    "postgresql+psycopg://clerk@127.0.0.1:9/office?sslmode=disable&PASSWORD={secret}&connect_timeout=2",
    "host=127.0.0.1 port=9 password={secret} dbname=office",
    "host=127.0.0.1 port=9 password='{secret}' dbname=office",
    "PGPASSWORD={secret}",
])
@pytest.mark.parametrize("command", [["status"], ["init"], ["db", "check"], ["db", "backup", "b.db"]])
def test_a_password_is_masked_in_every_form(tmp_path, monkeypatch, url, command):
    """A password of its own for each test: one seen before is remembered (store.SECRETS) and masked anyway."""
    monkeypatch.chdir(tmp_path)
    secret = f"pw-{uuid.uuid4().hex[:10]}"
    result = Cli(url.format(secret=secret))(*command)  # a libpq string is no URL: mstrack takes it for a file name
    assert result.exit_code == 0 or refused(result)
    assert secret not in result.output and "***" in result.output


def test_db_output_masks_a_password_field(cli, tmp_path):
    """`db` and `init` lines name the database: a password in its URL (or its file name) shows as ***."""
    secret = f"pw-{uuid.uuid4().hex[:10]}"
    # PostgreSQL: the server trusts the test user, libpq passes the password along; SQLite: a file so named
    target = Cli(f"{cli.db}?password={secret}") if "://" in str(cli.db) else Cli(tmp_path / f"password={secret}.db")
    for command in (["init"], ["db", "check"], ["db", "upgrade"]):
        result = target(*command)
        assert result.exit_code == 0, result.output
        assert secret not in result.output and "password=***" in result.output


# --- 17. private files ---------------------------------------------------------------------------

@pytest.fixture
def open_umask():
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.sqlite_only
def test_a_database_through_a_dangling_symlink_is_private(tmp_path, open_umask, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    Path("office.db").symlink_to(Path("data") / "real.db")
    result = Cli(Path("office.db"))("init")  # makes the file (a `log` there makes none since safe48c: no store)
    assert result.exit_code == 0
    real = tmp_path / "data" / "real.db"
    assert Path("office.db").is_symlink() and stat.S_IMODE(real.stat().st_mode) == 0o600
    connection = sqlite3.connect("office.db")  # while it is open, its -wal and -shm are there: private as well
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE IF NOT EXISTS t (x)")
    companions = [p for p in (tmp_path / "data").iterdir() if p.name != "real.db"]
    assert companions and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in companions)
    connection.close()


@pytest.mark.sqlite_only
def test_a_backup_through_a_symlink_is_private_and_keeps_the_link(demo_cli, tmp_path, open_umask):
    link = tmp_path / "backup.db"
    link.symlink_to(tmp_path / "elsewhere.db")
    result = demo_cli("db", "backup", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and stat.S_IMODE((tmp_path / "elsewhere.db").stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


@pytest.mark.backend_independent
@pytest.mark.parametrize("how", ["plain", "relative", "symlink"])
def test_an_output_file_follows_the_umask_however_it_is_named(demo_cli, tmp_path, open_umask, monkeypatch, how):
    """A report is written to be shared: a new one gets the mode the umask gives (0644 under 022), as `cp`
    would make it; it was 0600, and a shared 通报.html was unreadable by colleagues."""
    monkeypatch.chdir(tmp_path)
    real = tmp_path / "out.md"
    name = {"plain": str(real), "relative": "out.md", "symlink": "link.md"}[how]
    if how == "symlink":
        Path("link.md").symlink_to("out.md")
    result = demo_cli("report", "weekly", "-f", "md", "-o", name)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(real.stat().st_mode) == 0o644
    assert how != "symlink" or Path("link.md").is_symlink()
    assert leftovers(tmp_path) == []
    os.umask(0o077)  # a user who wants private files says so with the umask
    assert demo_cli("report", "weekly", "-f", "md", "-o", "private.md").exit_code == 0
    assert stat.S_IMODE((tmp_path / "private.md").stat().st_mode) == 0o600


@pytest.mark.sqlite_only  # the database's own mode and `db backup`: a file, not a server
@pytest.mark.parametrize("command", [["units", "-f", "xlsx"], ["report", "half-year", "-p", "yantian-2023", "-f", "html"],
                                     ["export", "plan", "yantian-2023"], ["db", "backup"]], ids=" ".join)
def test_outputs_follow_the_umask_and_a_backup_stays_private(demo_cli, tmp_path, command):
    """The installed mstrack under umask 022: every `-o` file is 0644, a copy of the database (reporters'
    names and notes) is 0600 whatever the umask."""
    target = tmp_path / ("copy.db" if command[0] == "db" else "out." + {"units": "xlsx", "report": "html"}.get(command[0], "toml"))
    arguments = [*command, str(target)] if command[0] == "db" else [*command, "-o", str(target)]
    done = subprocess.run(["bash", "-c", 'umask 022; "$0" "$@"', MSTRACK, "--db", str(demo_cli.db), *arguments],
                          capture_output=True, text=True, env={**os.environ, "COLUMNS": "140"})
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(target.stat().st_mode) == (0o600 if command[0] == "db" else 0o644)
    assert stat.S_IMODE(demo_cli.db.stat().st_mode) == 0o600


def test_the_output_check_on_bytes_drops_what_the_check_on_text_drops(monkeypatch):
    """write_out checks a UTF-8 stdout's bytes (outputs.clean_utf8), any other the text (clean_text):
    byte for byte the same, every control character and its neighbours, C1 and the middle dot (0xC2) too."""
    import io
    import random

    from mstrack.cli.printing import write_out
    from mstrack.render.outputs import clean_text, clean_utf8

    pieces = [chr(c) for c in range(0xA1)] + ["·", "民生实事", "完成", "𠀀", '"\\u001b"', "\r\n"]
    rng = random.Random(18)
    texts = ["", "plain", "民生实事\n", *pieces, *("".join(rng.choices(pieces, k=rng.randint(1, 60))) for _ in range(3000))]
    for text in texts:
        expected = clean_text(text).encode("utf-8")
        assert clean_utf8(text) == expected, repr(text)
        assert not any(c in expected.decode() for c in CONTROLS)
    assert clean_utf8("a\x1b[2Jb\x9bc\td\n") == b"a[2Jbc\td\n"
    assert clean_utf8("\udcff", "surrogateescape") == b"\xff"
    big = '{"note": "按计划推进"}\n' * 50_000
    for encoding in ("utf-8", "gb18030"):  # the bytes path, then the text path
        for text in (big, big + "\x1b[2J·\x85"):
            out = io.TextIOWrapper(io.BytesIO(), encoding=encoding)
            monkeypatch.setattr("sys.stdout", out)
            out.write("before\n")
            write_out(text)
            out.write("after\n")
            out.flush()
            assert out.buffer.getvalue() == ("before\n" + clean_text(text) + "after\n").encode(encoding)


def test_a_document_in_pieces_goes_out_as_write_out_writes_it_whole(monkeypatch):
    """write_whole holds a UTF-8 stdout's pieces as the bytes it gets (each cleaned and encoded once), any other
    stdout's as text: either way the bytes are write_out's of the whole text, past the memory it holds (on disk),
    control characters, C1, the middle dot and a lone surrogate (surrogateescape) included, after what was
    printed before it; and a piece that fails leaves nothing written."""
    import io

    from mstrack.cli import printing
    from mstrack.cli.printing import write_out, write_whole

    monkeypatch.setattr(printing, "HELD_IN_MEMORY", 1000)
    pieces = ['{"note": "按计划推进"}\n' * 40, "a\x1b[2J·\x85b", "\udcff", "民生实事" * 500, "\r\n", ""]
    for encoding, errors in (("utf-8", "surrogateescape"), ("gb18030", "surrogateescape"), ("utf-8", "strict")):
        shown = pieces if errors != "strict" else [piece for piece in pieces if piece != "\udcff"]
        written = {}
        for how, write in (("whole", lambda shown=shown: write_whole(iter(shown))),
                           ("at once", lambda shown=shown: write_out("".join(shown)))):
            out = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors=errors)
            monkeypatch.setattr("sys.stdout", out)
            out.write("before\n")
            write()
            out.write("after\n")
            out.flush()
            written[how] = out.buffer.getvalue()
        assert written["whole"] == written["at once"], encoding
        assert written["whole"].startswith(b"before\n") and written["whole"].endswith(b"after\n")
        assert b"\x1b" not in written["whole"] and len(written["whole"]) > 3000

    def failing():
        yield "民生实事" * 2000
        raise ValueError("late")

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr("sys.stdout", out)
    with pytest.raises(ValueError):
        write_whole(failing())
    out.flush()
    assert out.buffer.getvalue() == b""


@pytest.mark.backend_independent
@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=" ".join)
def test_an_output_onto_a_directory_is_refused_before_anything_is_made(demo_cli, tmp_path, command):
    """`-o` naming a directory was found only at the last rename, after the command had said "周报 → path":
    one line of success, then the failure. It is refused before the output is made."""
    folder = tmp_path / "reports.xlsx"  # named as a template must be
    folder.mkdir()
    result = demo_cli(*command, "-o", str(folder))
    assert result.exit_code == 2, result.output
    assert result.stderr.endswith(f"mstrack: error: --output {folder}: cannot write: Is a directory\n")
    assert "→" not in result.stderr and result.stdout == "" and list(folder.iterdir()) == []


@pytest.mark.sqlite_only
def test_the_database_files_are_refused_whatever_the_urls_spelling(demo_cli, tmp_path):
    """-o knows the database's -wal by the file the store opens, not by one spelling of its URL (safe28b read every
    spelling once: sqlite+pysqlite:///, ?options, a file: URI; -o read only sqlite:///)."""
    table = tmp_path / "t.csv"
    table.write_text("序号,项目名称,工作任务\n1,a,b\n", encoding="utf-8")
    wal = str(demo_cli.db) + "-wal"
    for url in (f"sqlite+pysqlite:///{demo_cli.db}", f"sqlite:///{demo_cli.db}?timeout=30",
                f"sqlite:///file:{demo_cli.db}?uri=true"):
        result = demo_cli("--db", url, "import", "table", str(table), "-p", "t-2023", "--year", "2023", "-o", wal)
        assert result.exit_code == 2 and "that is the database itself" in result.stderr, (url, result.stderr)
        assert not Path(wal).exists()
