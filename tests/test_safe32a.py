"""`db restore` without data loss (safe32a): a backup is mstrack's by its tables, not by a schema_version table's
name; the database replaced is kept beside it first; exit 0 ⇔ restored; a backup with broken foreign keys is
refused; and what a FIFO, a URL, a read-only target and an empty file are said to be."""

import contextlib
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from mstrack.store import SCHEMA_VERSION, Store
from mstrack.store.migrations import TABLES_MADE, another_programs_tables

from .conftest import Cli

pytestmark = pytest.mark.sqlite_only
MSTRACK = Path(sys.executable).with_name("mstrack")
LOG = ("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30")


def rows(db: Path, query: str = "SELECT count(*) FROM report"):
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return connection.execute(query).fetchall()


def tables(db: Path) -> list[str]:
    # SQLite's own tables left out (sqlite_sequence: migration 13)
    return [name for (name,) in rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                         " AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def theirs(path: Path, version: int | None) -> Path:
    """Another program's database with a schema_version table of its own (None: empty, "version 0")."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE schema_version (version INTEGER, applied_at TEXT)")
        if version is not None:
            connection.execute("INSERT INTO schema_version VALUES (?, '2020-01-01')", (version,))
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
        connection.execute("INSERT INTO invoices (amount) VALUES (1), (2)")
        connection.commit()
    return path


def run(db: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    kwargs = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run([str(MSTRACK), "--db", str(db), "--lang", "en", *args], text=True,
                          env={**os.environ, "HOME": str(db.parent)}, **kwargs)


# --- 1. another program's database with a schema_version table ----------------------------------------------------

@pytest.mark.parametrize("version", [None, 3, SCHEMA_VERSION])
def test_another_programs_database_with_a_schema_version_table_is_not_restored(demo_cli, tmp_path, version):
    db = Path(demo_cli.db)
    reports = rows(db)
    other = theirs(tmp_path / "other.db", version)
    result = demo_cli("db", "restore", str(other))
    assert result.exit_code == 2, result.output
    assert "not an mstrack database" in result.output and "invoices" in result.output, result.output
    assert rows(db) == reports and "invoices" not in tables(db)


@pytest.mark.parametrize("version", [None, 1, 2, 3, 5, SCHEMA_VERSION - 1])
def test_db_upgrade_init_and_status_refuse_another_programs_schema_version_table(tmp_path, version):
    other = theirs(tmp_path / "other.db", version)
    before = tables(other)
    for command in (("db", "upgrade"), ("init",), ("status",)):
        result = Cli(other)(*command)
        assert result.exit_code == 2, (command, result.output)
        assert "another program's tables (" in result.output and "invoices" in result.output, (command, result.output)
        assert tables(other) == before and rows(other, "SELECT count(*) FROM invoices") == [(2,)]


def test_init_and_db_check_do_not_call_another_programs_current_schema_version_mstracks(tmp_path):
    """`init` said "schema version 8, up to date" and `db check` "ok", exit 0, of another program's file."""
    other = theirs(tmp_path / "other.db", SCHEMA_VERSION)
    for command in (("init",), ("db", "check"), ("db", "upgrade")):
        result = Cli(other)(*command)
        assert result.exit_code == 2, (command, result.output)
        assert "another program's tables (invoices)" in result.output, (command, result.output)


def test_the_live_database_with_a_foreign_schema_version_is_not_restored_over(demo_cli, tmp_path):
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    other = theirs(tmp_path / "other.db", 3)
    result = Cli(other)("db", "restore", str(backup))
    assert result.exit_code == 2, result.output
    assert "another program's tables (invoices)" in result.output, result.output
    assert tables(other) == ["invoices", "schema_version"]


def test_the_tables_each_version_has_are_what_the_migrations_make(tmp_path):
    """TABLES_MADE, which the rule reads, is what migrations 1..n make; each version of mstrack's own is mstrack's."""
    for version in range(1, SCHEMA_VERSION + 1):
        db = tmp_path / f"v{version}.db"
        Store(f"sqlite:///{db}").init(upto=version)
        found = tables(db)
        assert set(found) == {name for made, names in TABLES_MADE.items() if made <= version for name in names}, version
        assert another_programs_tables(found, version) == []
        assert another_programs_tables(found, 0) == found
    assert another_programs_tables([], 0) == [] and another_programs_tables(["x"], None) == ["x"]


# --- 2. the database replaced is kept beside it -------------------------------------------------------------------

def kept_copies(db: Path) -> list[Path]:
    return sorted(db.parent.glob(f"{db.name}.before-restore-*"))


def test_swapped_arguments_lose_nothing_the_database_replaced_is_kept_and_said(demo_cli, tmp_path):
    """`--db office.bak db restore office.db` (arguments swapped): the backup's content is kept beside it, 0600,
    named in the output with the command that puts it back; that command does."""
    db = Path(demo_cli.db)
    backup = tmp_path / "office.bak"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    assert demo_cli(*LOG).exit_code == 0
    old, new = rows(backup), rows(db)
    assert old != new
    swapped = Cli(backup)
    result = swapped("db", "restore", str(db))
    assert result.exit_code == 0, result.output
    assert rows(backup) == new
    (kept,) = kept_copies(backup)
    assert rows(kept) == old and stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert rows(kept, "PRAGMA integrity_check") == [("ok",)]
    assert f"the database as it was is kept in {kept}; `mstrack db restore {kept}` puts it back" in result.output
    back = swapped("db", "restore", str(kept))
    assert back.exit_code == 0, back.output
    assert rows(backup) == old and len(kept_copies(backup)) == 2


def test_nothing_is_kept_of_an_empty_or_missing_database(demo_cli, tmp_path):
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    for target in (tmp_path / "new.db", tmp_path / "empty.db"):
        if target.name == "empty.db":
            assert Cli(target)("init").exit_code == 0
        result = Cli(target)("db", "restore", str(backup))
        assert result.exit_code == 0, result.output
        assert kept_copies(target) == [] and "kept in" not in result.output
        assert rows(target) == rows(backup)


def test_a_full_disk_while_keeping_the_copy_refuses_the_restore(demo_cli, tmp_path, monkeypatch):
    """The copy cannot be written: nothing replaced, no copy or temporary file left, exit 2."""
    from mstrack.store import backups

    db = Path(demo_cli.db)
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    assert demo_cli(*LOG).exit_code == 0
    reports = rows(db)

    def full(self, target):
        Path(target).write_bytes(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups.Backups, "backup", full)
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 2, result.output
    assert "nothing restored: the copy of the database as it is could not be written" in result.output
    assert rows(db) == reports
    assert [path.name for path in tmp_path.iterdir() if "before-restore" in path.name] == []


def test_a_file_size_limit_while_keeping_the_copy_refuses_the_restore(demo_cli, tmp_path):
    """A real write that fails (RLIMIT_FSIZE, as a full disk): exit 2, nothing replaced, no partial copy."""
    import resource
    import signal

    db = Path(demo_cli.db)
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    assert demo_cli(*LOG).exit_code == 0
    reports = rows(db)

    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))

    result = run(db, "db", "restore", str(backup), preexec_fn=limited)
    assert result.returncode == 2, result.stderr
    assert "nothing restored: the copy of the database as it is could not be written" in result.stderr, result.stderr
    assert rows(db) == reports and not [path for path in tmp_path.iterdir() if "before-restore" in path.name]


# --- 3. exit 0 ⇔ restored ------------------------------------------------------------------------------------------

def test_an_output_that_cannot_be_written_leaves_the_database_as_it_was(demo_cli, tmp_path):
    """The summary is said before the commit: `> /dev/full` fails it, exit 2, and nothing was restored; an older
    backup's note on stderr likewise (2> /dev/full). Written, exit 0 and restored."""
    db = Path(demo_cli.db)
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    assert demo_cli(*LOG).exit_code == 0
    reports = rows(db)
    with open(os.devnull if not Path("/dev/full").exists() else "/dev/full", "w") as full:
        result = run(db, "db", "restore", str(backup), stdout=full)
        assert result.returncode == 2, result.stderr
        assert "cannot write the output" in result.stderr and rows(db) == reports
        older = tmp_path / "older.db"
        Store(f"sqlite:///{older}").init(upto=SCHEMA_VERSION - 1)
        result = run(db, "db", "restore", str(older), stderr=full)
        assert result.returncode == 2 and rows(db) == reports
    result = run(db, "db", "restore", str(backup))
    assert result.returncode == 0, result.stderr
    assert rows(db) == rows(backup) != reports


# --- 4. a backup with broken foreign keys ------------------------------------------------------------------------

def test_a_backup_with_broken_foreign_keys_is_refused(demo_cli, tmp_path):
    db = Path(demo_cli.db)
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    assert demo_cli(*LOG).exit_code == 0
    with contextlib.closing(sqlite3.connect(backup)) as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("DELETE FROM indicator WHERE id IN (SELECT indicator_id FROM report ORDER BY id LIMIT 3)")
        connection.commit()
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        assert connection.execute("PRAGMA quick_check").fetchone() == ("ok",) and broken
    reports = rows(db)
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 2, result.output
    assert f"fails its foreign-key check: {len(broken)} rows point to missing rows, in " in result.output, result.output
    assert "foreign key: " in result.output and "points to a missing indicator row" in result.output
    assert rows(db) == reports and demo_cli("db", "check").exit_code == 0


# --- 5. what BACKUP and the target are said to be -----------------------------------------------------------------

def test_a_fifo_and_a_url_as_backup_are_said_as_what_they_are(demo_cli, tmp_path):
    db = Path(demo_cli.db)
    reports = rows(db)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = demo_cli("db", "restore", str(fifo))
    assert result.exit_code == 2 and f"{fifo}: not a regular file" in result.output, result.output
    url = "postgresql://office@db.example/mstrack"
    result = demo_cli("db", "restore", url)
    assert result.exit_code == 2 and f"{url}: a URL, not a backup file" in result.output, result.output
    assert rows(db) == reports


@pytest.mark.parametrize("command", [("db", "restore"), ("init",)])
def test_an_existing_empty_file_is_made_private(demo_cli, tmp_path, command):
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    empty = tmp_path / "empty.db"
    empty.touch()
    empty.chmod(0o644)
    result = Cli(empty)(*command, *([str(backup)] if command[0] == "db" else []))
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(empty.stat().st_mode) == 0o600


def test_a_read_only_database_file_is_said_so(demo_cli, tmp_path, monkeypatch):
    """SQLite's "attempt to write a readonly database" said as the file that is read-only. Root writes any file:
    the database is opened read-only as SQLite opens a 0444 file for anyone else, and os.access says it so."""

    db = Path(demo_cli.db)
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    assert demo_cli(*LOG).exit_code == 0
    reports = rows(db)
    db.chmod(0o444)
    connect, access = sqlite3.connect, os.access

    def read_only(path, *args, **kwargs):
        if str(path) == str(db):
            return connect(f"file:{db}?mode=ro", *args, uri=True, **kwargs)
        return connect(path, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only)
    monkeypatch.setattr(os, "access", lambda path, mode: False if Path(path) == db.resolve() else access(path, mode))
    result = demo_cli("db", "restore", str(backup))
    monkeypatch.undo()
    assert result.exit_code == 2, result.output
    assert "nothing restored: the file is read-only for this user (its permissions, or an attribute such as " \
        "immutable); make it writable, or restore into a new file" in result.output, result.output
    assert rows(db) == reports
