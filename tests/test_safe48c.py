"""safe48c (safety48 F-01, F-06). A hand copy of the store could miss the last write: with another process holding the
SQLite file open, a `log` stayed in mstrack.db-wal after mstrack ended, and `cp mstrack.db` carried the store without
it, passing `db check`. A write to a store that is not there (a mistyped --db) made a whole empty store there, then
refused "no programme …; no programme is loaded yet (try `mstrack demo`)", naming no store."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from .conftest import BACKEND, Cli, plan_task, plan_tasks, refused, write_plan

PLAN = plan_tasks(plan_task("1", "学校", "教育局", "新建学位", "个", 100))

LOG = ["log", "shenzhen-2023/5", "2.6万", "-i", "建设", "--as-of", "2023-06-30"]


def no_tables(cli: Cli) -> bool:
    """Nothing made where the store was to be: no file (SQLite), no table (PostgreSQL)."""
    if BACKEND == "sqlite":
        return not Path(cli.db).exists()
    return cli.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")[0][0] == 0


def reports(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM report").fetchone()[0]
    finally:
        connection.close()


# --- F-06: a write to no store -------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["log", "undo", "import progress"])  # import plan --dry-run: test_left49
def test_a_write_where_there_is_no_store_refuses_naming_it_and_makes_nothing(cli, tmp_path, command):
    returned = tmp_path / "住建局.csv"
    returned.write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,新建学位,2023-06-30,40\n", encoding="utf-8")
    args = {"log": ["log", "x-2023/1", "40", "--as-of", "2023-06-30"], "undo": ["undo"],
            "import progress": ["import", "progress", str(returned)]}[command]
    said = refused(cli(*args), "no mstrack data here yet; nothing was written and no store was made")
    if BACKEND == "sqlite":
        assert f"--db sqlite:///{cli.db}: " in said
    assert "mstrack demo" not in said  # the samples into the wrong store were the way on offered
    assert no_tables(cli)
    refused(cli("status"), "no mstrack data here yet")  # reads still say so: no empty store was left to take for one


def test_the_commands_that_make_a_store_still_make_it(cli, tmp_path):
    done = cli("import", "plan", str(write_plan(tmp_path / "x.toml", PLAN)))
    assert done.exit_code == 0, done.output
    assert cli("log", "x-2023/1", "40", "--as-of", "2023-06-30").exit_code == 0
    assert cli.sql("SELECT count(*) FROM report")[0][0] == 1


def test_an_empty_store_names_itself_where_it_holds_no_programme_or_batch(cli):
    assert cli("init").exit_code == 0
    said = refused(cli("log", "x-2023/1", "40", "--as-of", "2023-06-30"), "no programme 'x-2023'; ", "holds no programme "
                   "yet (`mstrack import plan FILE.toml` adds one; is it the store you meant?)")
    undo = refused(cli("undo"), "nothing to undo yet: ", " holds no batch")
    status = cli("status")
    assert status.exit_code == 0 and "no programmes in " in status.stderr
    if BACKEND == "sqlite":
        for text in (said, undo, status.stderr):
            assert f"sqlite:///{cli.db}" in text, text


# --- F-01: the write's commit in the file ----------------------------------------------------------------------------

@pytest.mark.sqlite_only
def test_a_write_ends_in_the_file_while_another_connection_holds_it_open(demo_cli, tmp_path):
    """A viewer (or a second coordinator's idle mstrack) has the file open: the write's close is not the last, and
    SQLite left the commit in the -wal; the write now folds it in itself."""
    other = sqlite3.connect(demo_cli.db)
    try:
        other.execute("SELECT count(*) FROM report").fetchone()  # opened, read, idle: no read transaction held
        result = demo_cli(*LOG)
        assert result.exit_code == 0 and "-wal" not in result.stderr, result.output
        shutil.copy(demo_cli.db, tmp_path / "usb.db")  # the hand copy: the .db file alone
        assert reports(tmp_path / "usb.db") == other.execute("SELECT count(*) FROM report").fetchone()[0]
    finally:
        other.close()


@pytest.mark.sqlite_only
def test_a_write_that_cannot_end_in_the_file_says_so_naming_it_and_db_backup(demo_cli, tmp_path):
    """A long report reads a snapshot from before the write: SQLite cannot fold the commit in under it."""
    other = sqlite3.connect(demo_cli.db, isolation_level=None)
    try:
        other.execute("BEGIN")
        before = other.execute("SELECT count(*) FROM report").fetchone()[0]
        result = demo_cli(*LOG)
        assert result.exit_code == 0, result.output
        assert (f"mstrack: warning: {demo_cli.db}-wal still holds writes that are not in {demo_cli.db} yet: another "
                "process has the store open") in result.stderr
        assert "copy the store with `mstrack db backup FILE`, not by copying" in result.stderr
        shutil.copy(demo_cli.db, tmp_path / "usb.db")
        assert reports(tmp_path / "usb.db") == before  # what the warning is for: the copy lacks the write
    finally:
        other.close()
    assert reports(demo_cli.db) == before + 1  # the write itself is stored (folded in as the reader closed)


@pytest.mark.sqlite_only
def test_db_check_says_a_wal_left_beside_the_file(demo_cli, tmp_path):
    """A store with its -wal left beside it (a process that had it open was killed): db check said "ok" only, and
    folded the -wal in silently; a copy of the file made before lacked the writes."""
    other = sqlite3.connect(demo_cli.db, isolation_level=None)
    try:
        other.execute("BEGIN")
        other.execute("SELECT count(*) FROM report").fetchone()
        assert demo_cli(*LOG).exit_code == 0
        copy = tmp_path / "copy.db"
        shutil.copy(demo_cli.db, copy)
        shutil.copy(f"{demo_cli.db}-wal", f"{copy}-wal")  # the store and its -wal, as a killed process leaves them
    finally:
        other.close()
    checked = Cli(copy)("db", "check")
    assert checked.exit_code == 0 and checked.stdout == f"sqlite:///{copy}: ok\n", checked.output
    assert (f"mstrack: note: {copy}-wal was left beside {copy} holding writes not in it yet (a process had the store "
            f"open, or was killed): they are in {copy} now") in checked.stderr
    shutil.copy(copy, tmp_path / "alone.db")
    assert reports(tmp_path / "alone.db") == reports(demo_cli.db)
    again = Cli(copy)("db", "check")
    assert again.exit_code == 0 and again.stderr == ""  # nothing left beside it: nothing said
