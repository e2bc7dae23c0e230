"""safe36b: restore's leftovers. The copy kept before a restore stays only where the restore may have replaced pages
(one that failed before its commit leaves the database as the copy holds it: the copy goes); a damaged database's
byte copy takes its -wal along; a database saying this schema version without mstrack's tables is refused as
another program's by every command; `undo` after a restore undoes the restored content's own latest batch."""

import contextlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from mstrack.store import SCHEMA_VERSION

from .conftest import Cli, restore_failing_at_commit
from .test_safe32a import LOG, kept_copies, rows, run, tables, theirs

sqlite_only = pytest.mark.sqlite_only


def _backup(cli: Cli, tmp_path: Path) -> Path:
    backup = tmp_path / "backup.db"
    assert cli("db", "backup", str(backup)).exit_code == 0
    return backup


# --- 2. the copy stays only where pages may have been replaced ---------------------------------------------------

@sqlite_only
@pytest.mark.parametrize("version", [None, 3, SCHEMA_VERSION])
def test_a_refused_backup_leaves_no_copy(demo_cli, tmp_path, version):
    db = Path(demo_cli.db)
    reports = rows(db)
    result = demo_cli("db", "restore", str(theirs(tmp_path / "other.db", version)))
    assert result.exit_code == 2, result.output
    assert "not an mstrack database" in result.output
    assert kept_copies(db) == [] and rows(db) == reports and "holds the database as it was" not in result.output


@sqlite_only
def test_a_restore_whose_output_fails_removes_the_copy_it_kept(demo_cli, tmp_path):
    """`> /dev/full`: the summary cannot be said, the restore rolls back before its commit: nothing of the database
    was replaced, so the copy (the database as it still is) goes, and nothing is said of it."""
    db = Path(demo_cli.db)
    backup = _backup(demo_cli, tmp_path)
    assert demo_cli(*LOG).exit_code == 0
    reports = rows(db)
    with open("/dev/full", "w") as full:
        result = run(db, "db", "restore", str(backup), stdout=full)
    assert result.returncode == 2, result.stderr
    assert rows(db) == reports != rows(backup)
    assert kept_copies(db) == [] and "holds the database as it was" not in result.stderr


@sqlite_only
def test_ctrl_c_before_the_commit_removes_the_copy(demo_cli, tmp_path, monkeypatch):
    from mstrack.store import backups, interrupts

    monkeypatch.setattr(backups, "RESTORE_STEP", 2)
    db = Path(demo_cli.db)
    backup = _backup(demo_cli, tmp_path)
    assert demo_cli(*LOG).exit_code == 0
    reports = rows(db)

    def interrupted():
        raise KeyboardInterrupt

    monkeypatch.setattr(interrupts, "interrupts_held", interrupted)
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 130, result.output
    assert rows(db) == reports and kept_copies(db) == []


@sqlite_only
def test_a_failure_at_the_commit_keeps_the_copy_and_names_it(demo_cli, tmp_path, monkeypatch):
    """From the step that commits on, pages may have been written: the copy stays, named."""
    db = Path(demo_cli.db)
    backup = _backup(demo_cli, tmp_path)
    assert demo_cli(*LOG).exit_code == 0
    reports = rows(db)
    restore_failing_at_commit(monkeypatch, "disk I/O error")
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 2, result.output
    (kept,) = kept_copies(db)
    assert rows(kept) == reports
    assert (f"{kept} holds the database as it was, kept before this restore; delete it when you no longer need it"
            in " ".join(result.output.split()))


@sqlite_only
def test_a_restore_done_keeps_the_copy(demo_cli, tmp_path):
    db = Path(demo_cli.db)
    backup = _backup(demo_cli, tmp_path)
    assert demo_cli(*LOG).exit_code == 0
    reports = rows(db)
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0, result.output
    (kept,) = kept_copies(db)
    assert rows(kept) == reports and rows(db) == rows(backup) != reports
    assert f"the database as it was is kept in {kept}" in result.output


# --- 3. this schema version without mstrack's tables -------------------------------------------------------------

@sqlite_only
@pytest.mark.parametrize("command", [("status",), ("programmes",), ("batches",), ("undo",), ("db", "check"),
                                     ("db", "backup", "x.db"), ("init",)])
def test_a_database_saying_this_version_without_its_tables_is_not_mstracks(tmp_path, command):
    other = theirs(tmp_path / "other.db", SCHEMA_VERSION)
    before = tables(other)
    result = Cli(other)(*(str(tmp_path / part) if part == "x.db" else part for part in command))
    assert result.exit_code == 2, (command, result.output)
    assert "another program's tables (invoices)" in result.output, (command, result.output)
    assert "no such table" not in result.output
    assert tables(other) == before and not (tmp_path / "x.db").exists()


@sqlite_only
def test_a_database_saying_this_version_with_only_that_table_is_not_mstracks(tmp_path):
    other = tmp_path / "other.db"
    with contextlib.closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE schema_version (version INTEGER, applied_at TEXT)")
        connection.execute("INSERT INTO schema_version VALUES (?, '2020-01-01')", (SCHEMA_VERSION,))
        connection.commit()
    result = Cli(other)("status")
    assert result.exit_code == 2, result.output
    assert "no such table" not in result.output and "another program's tables" not in result.output  # trial55 F8
    assert "yet not mstrack's (no area, checkpoint, indicator," in result.output, result.output


def test_a_server_database_saying_this_version_without_its_tables_is_not_mstracks(cli):
    """On the suite's store (PostgreSQL too): the same rule, read in the connection that reads the version."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(cli.url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE schema_version (version INTEGER, applied_at TEXT)"))
            connection.execute(text(f"INSERT INTO schema_version VALUES ({SCHEMA_VERSION}, '2020-01-01')"))
            connection.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)"))
    finally:
        engine.dispose()
    for command in (("status",), ("log", "x-2023/1", "3", "-i", "y"), ("programmes",)):
        result = cli(*command)
        assert result.exit_code == 2, (command, result.output)
        assert "another program's tables (invoices)" in result.output, (command, result.output)
    assert cli.sql("SELECT count(*) FROM schema_version") == [(1,)]


# --- 4. a damaged database's byte copy takes its -wal ------------------------------------------------------------

def _damaged_with_its_last_commit_in_the_wal(db: Path, tmp_path: Path) -> None:
    """The database's main file damaged after its header, then a commit that is only in its -wal (the files copied
    while a connection holds them open, before the close folds the -wal into the file)."""
    with contextlib.closing(sqlite3.connect(db)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    pages = db.stat().st_size // page_size
    with db.open("r+b") as handle:
        for page in (pages - 3, pages - 10):  # two pages garbled: the counts still read
            handle.seek(page * page_size + 100)
            handle.write(b"\xff" * 2000)
    assert rows(db, "PRAGMA quick_check")[0] != ("ok",)
    held = tmp_path / "held"
    held.mkdir()
    shutil.copyfile(db, held / db.name)
    with contextlib.closing(sqlite3.connect(held / db.name)) as connection:
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        connection.execute("UPDATE programme SET name = 'late commit' WHERE id = (SELECT min(id) FROM programme)")
        connection.commit()
        shutil.copyfile(held / db.name, db)
        shutil.copyfile(held / f"{db.name}-wal", f"{db}-wal")
    assert os.path.getsize(f"{db}-wal") > 0


@sqlite_only
def test_the_byte_copy_of_a_damaged_database_keeps_its_wal(demo_cli, tmp_path):
    """Another program holds the database open (a viewer): no close folds the -wal into the file before the copy."""
    db = Path(demo_cli.db)
    backup = _backup(demo_cli, tmp_path)
    _damaged_with_its_last_commit_in_the_wal(db, tmp_path)
    with contextlib.closing(sqlite3.connect(db)) as viewer:
        viewer.execute("SELECT count(*) FROM sqlite_master").fetchall()
        result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0, result.output
    (kept, *wal) = kept_copies(db)
    assert [path.name for path in wal] == [f"{kept.name}-wal"]
    assert oct(wal[0].stat().st_mode & 0o777) == oct(0o600)
    assert ("late commit",) in rows(kept, "SELECT name FROM programme")  # the commit only the -wal held
    assert ("late commit",) not in rows(db, "SELECT name FROM programme")


# --- 5. undo after a restore -------------------------------------------------------------------------------------

@sqlite_only
def test_undo_after_a_restore_undoes_the_restored_contents_latest_batch(demo_cli, tmp_path):
    """The batches are the restored content's, so `undo` takes back its latest one (the restore's own batch passed
    over: fix49a), and a batch only the replaced database had is no batch of this one (no undo of what is not there:
    said as the restore's)."""
    db = Path(demo_cli.db)
    assert demo_cli(*LOG).exit_code == 0
    backup = _backup(demo_cli, tmp_path)
    (latest,) = rows(backup, "SELECT max(id) FROM batch")
    assert demo_cli(*LOG[:2], "3万", *LOG[3:]).exit_code == 0
    (newer,) = rows(db, "SELECT max(id) FROM batch")
    assert newer > latest
    assert demo_cli("db", "restore", str(backup)).exit_code == 0
    gone = demo_cli("undo", str(newer[0]))
    assert gone.exit_code == 2 and f"batch {newer[0]} was made after the backup" in gone.output, gone.output
    assert rows(db, "SELECT max(id) FROM batch WHERE command != 'db restore'") == [latest]
    result = demo_cli("undo")
    assert result.exit_code == 0, result.output
    assert f"undoes batch {latest[0]}" in result.output.replace("\n", " ")
    assert rows(db, "SELECT undoes FROM batch ORDER BY id DESC LIMIT 1") == [latest]
