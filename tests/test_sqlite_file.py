"""The SQLite file itself (safe26a): a full disk says so, another program's database is never altered, a
database moved or replaced while a write runs is not written, and a -wal left by a moved file is not replayed
into another."""

import contextlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mstrack.store import connections

from .conftest import Cli

pytestmark = pytest.mark.sqlite_only


def csv_of(cli: Cli, path: Path, rows: int) -> Path:
    """`rows` reports of the demo's quantity indicators, one date after another."""
    from .conftest import big_csv

    big_csv(cli, path, rows)
    return path


def count(db: Path, table: str) -> int:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_full_disk_is_said_not_the_rollback_that_follows(demo_cli, tmp_path, monkeypatch):
    """SQLite ends the transaction itself when the disk is full; the ROLLBACK after it failed in turn, and its
    "cannot rollback - no transaction is active" was all the user saw. The file's size capped by max_page_count."""
    source = csv_of(demo_cli, tmp_path / "big.csv", 40_000)
    batches = count(demo_cli.db, "batch")
    with contextlib.closing(sqlite3.connect(demo_cli.db)) as connection:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
    pragmas = connections._sqlite_pragmas

    def capped(connection, record):
        pragmas(connection, record)
        connection.execute(f"PRAGMA max_page_count = {pages + 20}")

    monkeypatch.setattr(connections, "_sqlite_pragmas", capped)
    result = demo_cli("import", "progress", str(source))
    assert result.exit_code == 2, result.output
    assert "database or disk is full" in result.output
    assert "cannot rollback" not in result.output
    assert "nothing was written" in result.output
    monkeypatch.setattr(connections, "_sqlite_pragmas", pragmas)
    assert count(demo_cli.db, "batch") == batches
    assert demo_cli.sql("PRAGMA integrity_check") == [("ok",)]


def _tmpfs(where: Path, size: str) -> bool:
    where.mkdir()
    if os.geteuid() != 0:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True).returncode == 0


def test_a_real_full_disk_is_said_by_the_installed_script(demo_cli, tmp_path):
    """The same on a real small file system (a tmpfs, where the tests may mount one)."""
    disk = tmp_path / "disk"
    if not _tmpfs(disk, "1500k"):
        pytest.skip("no tmpfs can be mounted here (not root)")
    try:
        db = disk / "office.db"
        db.write_bytes(Path(demo_cli.db).read_bytes())
        source = csv_of(demo_cli, tmp_path / "big.csv", 60_000)
        mstrack = Path(sys.executable).parent / "mstrack"
        done = subprocess.run([str(mstrack), "--db", str(db), "--lang", "en", "import", "progress", str(source)],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 2, done.stderr
        assert "database or disk is full" in done.stderr
        assert "cannot rollback" not in done.stderr
        assert count(db, "report") == count(Path(demo_cli.db), "report")
    finally:
        subprocess.run(["umount", "--lazy", str(disk)], check=True)


def schema_and_rows(db: Path) -> tuple[list, list]:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return (connection.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall(),
                connection.execute("SELECT * FROM task").fetchall())


@pytest.mark.parametrize("command", [["init"], ["demo"], ["db", "upgrade"],
                                     ["log", "x-2023/1", "5", "--as-of", "2023-06-30"]])
def test_another_programs_database_is_never_altered(tmp_path, command):
    """A file of another program's (its own task and unit tables, no schema_version): init added 15 tables and a
    column to its task table, and said "schema version 0 → 8"; now every write refuses it, exit 2, naming the file
    and its tables, and the file is byte for byte as it was."""
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as connection:
        connection.executescript("CREATE TABLE task (id INTEGER PRIMARY KEY, name TEXT);"
                                 "CREATE TABLE unit (id INTEGER PRIMARY KEY, name TEXT);"
                                 "INSERT INTO task (name) VALUES ('其他程序的数据');")
    before = schema_and_rows(db)
    result = Cli(db)(*command)
    assert result.exit_code == 2, result.output
    assert str(db) in result.output
    assert "another program" in result.output and "task, unit" in result.output
    assert "→" not in result.output
    assert schema_and_rows(db) == before


def test_an_empty_file_is_still_made_an_mstrack_database(tmp_path):
    db = tmp_path / "empty.db"
    db.touch()
    result = Cli(db)("init")
    assert result.exit_code == 0, result.output
    assert "0 → " in result.output
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT max(version) FROM schema_version").fetchone()[0] > 0
