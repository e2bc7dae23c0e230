"""`mstrack db restore BACKUP` (safe28b): a backup put back through SQLite's backup API into the live database,
in one write transaction, where `cp backup.db office.db` let SQLite fold a -wal left beside the file into it, or
went unseen by a write running."""

import contextlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mstrack.store import SCHEMA_VERSION, Store

from .conftest import Cli

sqlite_only = pytest.mark.sqlite_only

LOG = ("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30")


def count(db: Path, table: str = "report") -> int:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def integrity(db: Path) -> str:
    try:
        with contextlib.closing(sqlite3.connect(db)) as connection:
            return connection.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        return str(error)


def backed_up(cli: Cli, tmp_path: Path) -> tuple[Path, int]:
    """A backup made by `db backup`, then one more report logged after it: (the backup, its report count)."""
    backup = tmp_path / "backup.db"
    result = cli("db", "backup", str(backup))
    assert result.exit_code == 0, result.output
    reports = count(backup)
    result = cli(*LOG)
    assert result.exit_code == 0, result.output
    assert count(Path(cli.db)) == reports + 1
    return backup, reports


@sqlite_only
def test_a_backup_is_put_back_and_its_counts_said(demo_cli, tmp_path):
    db = Path(demo_cli.db)
    backup, reports = backed_up(demo_cli, tmp_path)
    rows = sum(count(backup, table) for table in ("report", "batch", "task", "indicator"))
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0, result.output
    assert f"← {backup}:" in result.output and f"schema version {SCHEMA_VERSION}" in result.output
    assert "before: " in result.output
    said = int(result.output.split("← ")[1].split(": ")[1].split(" rows")[0])
    assert said >= rows
    assert count(db) == reports and integrity(db) == "ok"
    with contextlib.closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # still WAL, as mstrack keeps it
    assert not Path(f"{backup}-wal").exists() and not Path(f"{backup}-shm").exists()  # nothing made beside the backup
    assert demo_cli("db", "check").exit_code == 0


def _killed_writer(db: Path) -> None:
    """A writer killed after its commit, before any checkpoint: its pages only in db-wal, which a later open replays."""
    code = (f"import sqlite3, os; c = sqlite3.connect({str(db)!r}, isolation_level=None); "
            "c.execute('PRAGMA wal_autocheckpoint = 0'); "
            "c.execute(\"UPDATE task SET title = title || '（已改）'\"); os._exit(0)")
    subprocess.run([sys.executable, "-c", code], check=True)
    assert Path(f"{db}-wal").stat().st_size > 0


@sqlite_only
def test_a_wal_left_by_a_killed_writer_is_sqlites_to_handle(demo_cli, tmp_path):
    """The -wal a killed writer left: `cp` put the backup under its name and SQLite replayed that -wal into it (the
    tester's integrity_check failed); db restore opens the database as SQLite does, then writes the backup in."""
    db = Path(demo_cli.db)
    backup, reports = backed_up(demo_cli, tmp_path)
    with contextlib.closing(sqlite3.connect(backup)) as connection:
        titles = connection.execute("SELECT id, title FROM task ORDER BY id").fetchall()
    _killed_writer(db)
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0, result.output
    assert integrity(db) == "ok" and count(db) == reports
    with contextlib.closing(sqlite3.connect(db)) as connection:
        assert connection.execute("SELECT id, title FROM task ORDER BY id").fetchall() == titles


@sqlite_only
def test_readers_see_the_old_or_the_new_never_a_mix(demo_cli, tmp_path, monkeypatch):
    """A read transaction open across the restore keeps its snapshot (the old rows); a read after sees the new."""
    from mstrack.store import backups

    monkeypatch.setattr(backups, "RESTORE_STEP", 2)  # many steps, the lock held across them
    db = Path(demo_cli.db)
    backup, reports = backed_up(demo_cli, tmp_path)
    reader = sqlite3.connect(db, isolation_level=None)
    try:
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM report").fetchone()[0] == reports + 1
        result = demo_cli("db", "restore", str(backup))
        assert result.exit_code == 0, result.output
        assert reader.execute("SELECT count(*) FROM report").fetchone()[0] == reports + 1
        reader.execute("COMMIT")
        assert reader.execute("SELECT count(*) FROM report").fetchone()[0] == reports
    finally:
        reader.close()


@sqlite_only
def test_a_restore_waits_for_the_write_lock_and_says_who_holds_it(demo_cli, tmp_path):
    db = Path(demo_cli.db)
    backup, reports = backed_up(demo_cli, tmp_path)
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        result = demo_cli("db", "restore", str(backup), env={"MSTRACK_BUSY_TIMEOUT": "0.3"})
        assert result.exit_code == 2, result.output
        assert "another write is in progress" in result.output and "nothing was written" in result.output
    finally:
        holder.close()
    assert count(db) == reports + 1


@sqlite_only
def test_ctrl_c_before_the_end_changes_nothing(demo_cli, tmp_path, monkeypatch):
    """A Ctrl-C that arrives as the last step begins (interrupts_held raises one pending, see there), after pages
    of the backup were written into the database's -wal: rolled back, the database as it was, exit 130."""
    from mstrack.store import backups, interrupts

    monkeypatch.setattr(backups, "RESTORE_STEP", 2)
    db = Path(demo_cli.db)
    backup, reports = backed_up(demo_cli, tmp_path)
    before = db.read_bytes()

    def interrupted():
        raise KeyboardInterrupt

    monkeypatch.setattr(interrupts, "interrupts_held", interrupted)
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 130, result.output
    assert count(db) == reports + 1 and integrity(db) == "ok"
    with contextlib.closing(sqlite3.connect(db)) as connection:  # the pages written before, in the -wal, rolled back
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert db.read_bytes() == before


@sqlite_only
def test_what_is_not_an_mstrack_backup_is_refused(demo_cli, tmp_path):
    """Not a database, another program's database, a newer schema, a damaged file, the database itself, no file:
    exit 2, the database unchanged."""
    db = Path(demo_cli.db)
    reports = count(db)
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 100, encoding="utf-8")
    other = tmp_path / "other.db"
    with contextlib.closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE task (id INTEGER PRIMARY KEY, name TEXT)")
        connection.commit()
    newer = tmp_path / "newer.db"
    assert demo_cli("db", "backup", str(newer)).exit_code == 0
    with contextlib.closing(sqlite3.connect(newer)) as connection:
        connection.execute("INSERT INTO schema_version (version, applied_at) VALUES (?, '2030-01-01')", (SCHEMA_VERSION + 1,))
        connection.commit()
    cases = {text: "not an SQLite database", other: "not an mstrack database (no schema_version table)",
             newer: f"schema version {SCHEMA_VERSION + 1} is newer than this mstrack",
             db: "this is the database itself", tmp_path / "none.db": "no such backup file"}
    for backup, said in cases.items():
        result = demo_cli("db", "restore", str(backup))
        assert result.exit_code == 2, (backup, result.output)
        assert said in result.output and "Traceback" not in result.output, (backup, result.output)
        assert count(db) == reports and integrity(db) == "ok"


@sqlite_only
def test_another_programs_database_is_not_restored_over(tmp_path, demo_cli):
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    theirs = tmp_path / "theirs.db"
    with contextlib.closing(sqlite3.connect(theirs)) as connection:
        connection.execute("CREATE TABLE task (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO task VALUES (1, 'x')")
        connection.commit()
    result = Cli(theirs)("db", "restore", str(backup))
    assert result.exit_code == 2, result.output
    assert "another program's tables (task)" in result.output
    with contextlib.closing(sqlite3.connect(theirs)) as connection:
        assert connection.execute("SELECT * FROM task").fetchall() == [(1, "x")]


@sqlite_only
def test_a_damaged_database_is_restored_and_a_new_one_made_private(demo_cli, tmp_path):
    """What a restore is for: a database that no longer reads (its pages overwritten) takes the backup; a --db that
    names no file yet is made, 0600."""
    db = Path(demo_cli.db)
    backup, reports = backed_up(demo_cli, tmp_path)
    with contextlib.closing(sqlite3.connect(db)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    with db.open("r+b") as handle:  # every page after the first few: garbage
        handle.seek(page_size * 3)
        handle.write(b"\xa5" * (db.stat().st_size - page_size * 3))
    assert integrity(db) != "ok"
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0, result.output
    assert integrity(db) == "ok" and count(db) == reports
    new = tmp_path / "new" / "office.db"
    new.parent.mkdir()
    result = Cli(new)("db", "restore", str(backup))
    assert result.exit_code == 0, result.output
    assert count(new) == reports and new.stat().st_mode & 0o777 == 0o600


@sqlite_only
def test_an_older_backup_is_restored_and_the_upgrade_said(demo_cli, tmp_path):
    """A backup kept before `db upgrade` goes back as it is (that is what it was kept for); the next step is said."""
    older = tmp_path / "older.db"
    Store(f"sqlite:///{older}").init(upto=SCHEMA_VERSION - 1)
    result = demo_cli("db", "restore", str(older))
    assert result.exit_code == 0, result.output
    assert f"schema version {SCHEMA_VERSION - 1}" in result.output and "run `mstrack db upgrade`" in result.output
    assert demo_cli("status").exit_code == 2
    assert demo_cli("db", "upgrade").exit_code == 0 and demo_cli("db", "check").exit_code == 0


def test_a_server_database_is_refused_clearly(tmp_path):
    """PostgreSQL: db restore refuses before connecting, naming the server's own tools (pg_dump's dump, pg_restore)."""
    from mstrack.errors import InputError

    backup = tmp_path / "backup.db"
    backup.write_bytes(b"")
    store = Store("postgresql+psycopg://someone@localhost:1/office")
    with pytest.raises(InputError) as refused:
        store.restore(backup)
    assert "pg_restore" in str(refused.value) and "SQLite" in str(refused.value)


def test_the_restore_command_on_the_suites_store(cli, tmp_path):
    """On the SQLite run, an empty --db takes the backup; on the PostgreSQL run (its server), the refusal, exit 2."""
    source = Cli(tmp_path / "source.db")
    assert source("init").exit_code == 0
    backup = tmp_path / "backup.db"
    assert source("db", "backup", str(backup)).exit_code == 0
    result = cli("db", "restore", str(backup))
    if cli.url.startswith("postgresql"):
        assert result.exit_code == 2 and "pg_restore" in result.output, result.output
    else:
        assert result.exit_code == 0, result.output
        assert os.path.getsize(cli.db) > 0 and cli.sql("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]


@sqlite_only
def test_before_is_what_the_restore_replaced(demo_cli, tmp_path):
    """A write in progress when the restore starts: the restore waits for it, and "before" counts the rows it
    replaced, that write's included (counted before the lock, it said the rows of the moment before the wait)."""
    import threading

    db = Path(demo_cli.db)
    backup, reports = backed_up(demo_cli, tmp_path)
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("DELETE FROM report")
    committing = threading.Timer(1.0, lambda: (holder.execute("COMMIT"), holder.close()))
    committing.start()
    try:
        result = demo_cli("db", "restore", str(backup), env={"MSTRACK_BUSY_TIMEOUT": "30"})
    finally:
        committing.join()
    assert result.exit_code == 0, result.output
    with contextlib.closing(sqlite3.connect(backup)) as connection:
        rows = sum(connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'schema_version'"))
    batches_logged = 1  # backed_up's log: one batch, one report more than the backup
    assert f"before: {rows - reports + batches_logged} rows" in result.output, result.output
    assert count(db) == reports


@sqlite_only
def test_a_backup_written_during_the_restore_is_copied_as_checked(demo_cli, tmp_path, monkeypatch):
    """Another process writes BACKUP between the check and the copy (a checkpoint moves its pages into the file):
    opened immutable, without locks, the copy took the new pages, or a mix of two states (safety29, 1 run in 12
    failed its integrity check). One read transaction over check, counts and copy: the state checked is copied."""
    from mstrack.store import backups

    db = Path(demo_cli.db)
    backup, reports = backed_up(demo_cli, tmp_path)
    with contextlib.closing(sqlite3.connect(backup)) as connection:  # larger than SQLite's page cache (2 MB)
        connection.execute("CREATE TABLE filler (blob)")
        connection.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000) "
                           "INSERT INTO filler SELECT randomblob(1000) FROM n")
        connection.commit()
    for name in (f"{backup}-wal", f"{backup}-shm"):
        assert not Path(name).exists()
    original = backups.Backups._restore_from
    writes = (f"import sqlite3; c = sqlite3.connect({str(backup)!r}, isolation_level=None, timeout=0.5); "
              "c.execute('DELETE FROM report WHERE id % 2 = 0'); "
              "c.execute('PRAGMA wal_checkpoint(TRUNCATE)'); c.close()")

    def written_meanwhile(self, source, *confirming):
        subprocess.run([sys.executable, "-c", writes], check=True, timeout=20)
        return original(self, source, *confirming)

    monkeypatch.setattr(backups.Backups, "_restore_from", written_meanwhile)
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0, result.output
    assert integrity(db) == "ok" and count(db) == reports  # the rows checked, not those written meanwhile
    assert count(backup) < reports  # the write did happen, and is in BACKUP
    said = int(result.output.split("← ")[1].split(": ")[1].split(" rows")[0])
    with contextlib.closing(sqlite3.connect(db)) as connection:
        rows = sum(connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'schema_version'"))
    assert said == rows  # the counts said are of the snapshot restored


@sqlite_only
def test_a_read_only_url_a_folder_and_another_page_size_are_refused_clearly(demo_cli, tmp_path):
    db = Path(demo_cli.db)
    backup, reports = backed_up(demo_cli, tmp_path)
    read_only = Cli(f"sqlite:///file:{db}?mode=ro&uri=true")
    result = read_only("db", "restore", str(backup))
    assert result.exit_code == 2, result.output
    assert "read-only URL" in result.output and count(db) == reports + 1
    result = demo_cli("db", "restore", str(tmp_path))
    assert result.exit_code == 2 and "a folder" in result.output, result.output
    small = tmp_path / "small.db"
    with contextlib.closing(sqlite3.connect(backup)) as connection:
        connection.execute(f"VACUUM INTO '{small}'")
    with contextlib.closing(sqlite3.connect(small, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode = delete")
        connection.execute("PRAGMA page_size = 1024")
        connection.execute("VACUUM")
        connection.execute("PRAGMA journal_mode = wal")
        assert connection.execute("PRAGMA page_size").fetchone()[0] == 1024
    result = demo_cli("db", "restore", str(small))
    assert result.exit_code == 2, result.output
    assert "page size (1024 bytes) differs" in result.output and count(db) == reports + 1
