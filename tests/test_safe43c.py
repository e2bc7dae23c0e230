"""Nothing lost, nothing stale (safe43c): after a power loss (SIGKILL) or a full disk, no hidden partial copy stays
beside a target for ever, and every message says what happened. A killed `db copy`, `db backup` or `db restore` left
its `.NAME.XXXXXXXX.part` (with -wal, -shm, -journal, -writer) that no later run removed; the next run of a command
writing the same target removes those whose writer is gone (its lock on the part not held), never a live one."""

import errno
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

sqlite_only = pytest.mark.sqlite_only

WRITER = """
import sqlite3, sys, time
from pathlib import Path
from mstrack.render.outputs import replacing_path
with replacing_path(Path(sys.argv[1]), private=True) as temporary:
    connection = sqlite3.connect(temporary)
    if sys.argv[2] == "wal":
        connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("BEGIN")
    connection.execute("CREATE TABLE t (x)")
    connection.execute("INSERT INTO t VALUES (zeroblob(100000))")
    Path(f"{temporary}-writer").write_text('{"pid": 0, "command": "db copy"}', encoding="utf-8")
    print(temporary, flush=True)
    time.sleep(120)
"""


def _writing(target: Path, mode: str = "wal") -> tuple[subprocess.Popen, Path]:
    """A process writing `target`'s partial copy as every -o, `db copy`, `db backup` and db restore's kept copy do
    (outputs.replacing_path), stopped midway: the part, its -journal or -wal and -shm, a -writer note."""
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(target), mode], stdout=subprocess.PIPE, text=True)
    part = Path(process.stdout.readline().strip())
    assert part.exists() and part.name.startswith(f".{target.name}.") and part.name.endswith(".part")
    return process, part


def _killed(target: Path, mode: str = "wal") -> Path:
    """A partial copy whose writer was killed by SIGKILL (a power loss): nothing of it removed."""
    process, part = _writing(target, mode)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert part.exists()
    return part


def _left(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith("."))


def test_a_killed_db_copy_leaves_no_part_once_the_next_copy_runs(demo_cli, tmp_path):
    folder = tmp_path / "t"
    folder.mkdir()
    part = _killed(folder / "copy.db")
    assert Path(f"{part}-wal").exists() and Path(f"{part}-writer").exists()
    result = demo_cli("db", "copy", "--to", str(folder / "copy.db"))
    assert result.exit_code == 0, result.output
    assert _left(folder) == []
    assert "removed 1 stale partial copy of" in result.stderr and "left by an interrupted run" in result.stderr
    assert sqlite3.connect(folder / "copy.db").execute("SELECT count(*) FROM report").fetchone()[0] > 0


@sqlite_only  # db backup and db restore copy an SQLite file (PostgreSQL: the server's own tools)
def test_a_killed_db_backup_leaves_no_part_once_the_next_backup_runs(demo_cli, tmp_path):
    folder = tmp_path / "t"
    folder.mkdir()
    _killed(folder / "b.db", mode="journal")
    _killed(folder / "b.db", mode="journal")
    result = demo_cli("db", "backup", str(folder / "b.db"))
    assert result.exit_code == 0, result.output
    assert _left(folder) == []
    assert "removed 2 stale partial copies of" in result.stderr


@sqlite_only  # db backup and db restore copy an SQLite file (PostgreSQL: the server's own tools)
def test_a_killed_restore_leaves_no_kept_copy_part_once_the_next_restore_runs(demo_cli, tmp_path):
    assert demo_cli("db", "backup", str(tmp_path / "backup.db")).exit_code == 0
    database = Path(demo_cli.db)
    part = _killed(database.with_name(f"{database.name}.before-restore-20260101T000000"), mode="journal")
    assert Path(f"{part}-journal").exists()
    result = demo_cli("db", "restore", str(tmp_path / "backup.db"))
    assert result.exit_code == 0, result.output
    assert [name for name in os.listdir(tmp_path) if ".part" in name] == []
    assert "removed 1 stale partial copy of" in result.stderr


@sqlite_only  # db backup and db restore copy an SQLite file (PostgreSQL: the server's own tools)
def test_a_part_another_run_is_writing_is_kept(demo_cli, tmp_path):
    """Its writer holds the lock on it: another backup to the same name leaves it whole (and its writer's rename
    then finds the name taken: never written over)."""
    folder = tmp_path / "t"
    folder.mkdir()
    stale = _killed(folder / "b.db")
    process, live = _writing(folder / "b.db")
    try:
        result = demo_cli("db", "backup", str(folder / "b.db"))
        assert result.exit_code == 0, result.output
        assert live.exists() and Path(f"{live}-wal").exists() and Path(f"{live}-writer").exists()
        assert not stale.exists() and not Path(f"{stale}-wal").exists()
        assert "removed 1 stale partial copy of" in result.stderr
    finally:
        process.kill()
        process.wait()


@sqlite_only  # db backup and db restore copy an SQLite file (PostgreSQL: the server's own tools)
def test_a_restore_refused_for_a_full_disk_leaves_no_journal_of_its_kept_copy(demo_cli, tmp_path, monkeypatch):
    """The kept copy's write fails (ENOSPC, as a full disk fails it) after SQLite made its -journal: the part and
    every file SQLite made beside it go."""
    from mstrack.store.backups import Backups

    assert demo_cli("db", "backup", str(tmp_path / "backup.db")).exit_code == 0
    original = Backups.backup

    def full(self, target):
        copy = sqlite3.connect(target)
        copy.execute("BEGIN IMMEDIATE")
        copy.execute("CREATE TABLE t (x)")
        copy.execute("INSERT INTO t VALUES (zeroblob(10000))")
        assert Path(f"{target}-journal").exists()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))  # the copy connection is left open, as a crash would

    monkeypatch.setattr(Backups, "backup", full)
    result = demo_cli("db", "restore", str(tmp_path / "backup.db"))
    monkeypatch.setattr(Backups, "backup", original)
    assert result.exit_code == 2
    assert "nothing restored" in result.stderr
    assert [name for name in os.listdir(tmp_path) if "before-restore" in name] == []



class _FullRecord(sqlite3.Connection):
    """written.db on a full disk: the INSERT fails with SQLITE_FULL and SQLite has rolled the transaction back
    itself (as it does for a full disk), so that no transaction is active any more."""

    def execute(self, sql, *args):
        if sql.startswith("INSERT OR REPLACE"):
            super().execute("ROLLBACK")
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)


@pytest.fixture
def full_record(monkeypatch):
    """Every connection to the record of -o's files (written.db) is a _FullRecord; the database's are as they were."""
    connect = sqlite3.connect

    def connecting(database, *args, **kwargs):
        if str(database).endswith("written.db"):
            kwargs["factory"] = _FullRecord
        return connect(database, *args, **kwargs)

    def arm():
        monkeypatch.setattr(sqlite3, "connect", connecting)

    return arm


def test_a_record_refused_for_a_full_disk_says_the_full_disk_not_a_rollback_error(demo_cli, tmp_path, full_record):
    full_record()
    result = demo_cli("report", "weekly", "--as-of", "2023-07-01", "-f", "csv", "-o", str(tmp_path / "new.csv"))
    assert result.exit_code == 0, result.output
    assert "database or disk is full" in result.stderr and "cannot rollback" not in result.stderr
    assert (tmp_path / "new.csv").exists()


def test_the_written_line_is_not_said_before_the_same_file_is_refused(demo_cli, tmp_path, full_record):
    output = tmp_path / "w.csv"
    assert demo_cli("report", "weekly", "--as-of", "2023-07-01", "-f", "csv", "-o", str(output)).exit_code == 0
    before = output.read_bytes()
    full_record()
    result = demo_cli("report", "weekly", "--as-of", "2023-07-02", "-f", "csv", "-o", str(output))
    assert result.exit_code == 2
    assert "not replaced" in result.stderr and "database or disk is full" in result.stderr
    assert "→" not in result.stderr  # no "weekly report → w.csv" before the refusal
    assert output.read_bytes() == before


def test_a_record_unreadable_on_a_full_disk_says_the_disk_not_a_lock(demo_cli, tmp_path, monkeypatch):
    """0-8 kB free: SQLite cannot make the record's -shm and says "disk I/O error"; the advice is to free space,
    not to wait for another program holding the record."""
    from mstrack.store import written

    output = tmp_path / "w.csv"
    assert demo_cli("report", "weekly", "--as-of", "2023-07-01", "-f", "csv", "-o", str(output)).exit_code == 0
    statvfs = os.statvfs

    def nearly_full(path):
        found = statvfs(path)
        if Path(path) == written.record_path().parent:
            return os.statvfs_result((found.f_bsize, found.f_frsize, found.f_blocks, 1, 1, *found[5:]))
        return found

    def unreadable(path):
        raise written.Unreadable("disk I/O error")

    monkeypatch.setattr(os, "statvfs", nearly_full)
    monkeypatch.setattr(written, "lookup", unreadable)
    result = demo_cli("report", "weekly", "--as-of", "2023-07-02", "-f", "csv", "-o", str(output))
    assert result.exit_code == 2
    assert "its disk is full" in result.stderr and "no other program holds" not in result.stderr


def test_db_copy_onto_a_full_disk_names_the_target(demo_cli, tmp_path, monkeypatch):
    """The copy's writes fail with SQLITE_FULL (as on a full target disk): the message names --to FILE, as `db backup`
    names TARGET, not "its disk" (the source's, it read); nothing is left there."""
    import sqlalchemy

    from mstrack.store.copying import Copying

    original = Copying.copy_rows

    def full(self, source, destination):
        original(self, source, destination)
        raise sqlalchemy.exc.OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(Copying, "copy_rows", full)
    target = tmp_path / "t" / "c.db"
    target.parent.mkdir()
    result = demo_cli("db", "copy", "--to", str(target))
    assert result.exit_code == 2
    assert f"--to {target}: cannot write: database or disk is full" in result.stderr, result.stderr
    assert os.listdir(target.parent) == []


def test_notices_to_each_unit_on_a_disk_filling_midway_end_with_what_was_written(demo_cli, tmp_path, monkeypatch):
    """The fourth notice's write fails (ENOSPC, as a disk filling midway fails it): the three before stay whole, and
    one last line says how many were written, how many not, and that a rerun writes the rest; exit 2."""
    from mstrack.cli import report_output

    original = report_output.write_content
    calls = []

    def filling(path, content, fmt):
        calls.append(path)
        if len(calls) == 4:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        original(path, content, fmt)

    monkeypatch.setattr(report_output, "write_content", filling)
    folder = tmp_path / "n"
    result = demo_cli("report", "notice", "--as-of", "2023-10-01", "--each-unit", "-f", "md", "-o", str(folder))
    assert result.exit_code == 2
    written = sorted(os.listdir(folder))
    assert len(written) == 3 and not any(name.startswith(".") for name in written)
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("3 of ") and f"notices written to {folder}" in last, result.stderr
    assert "not written" in last and "run the command again to write the rest" in last
    assert "cannot write" in result.stderr
