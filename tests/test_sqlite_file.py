"""The SQLite file itself (safe26a): a full disk says so, another program's database is never altered, a
database moved or replaced while a write runs is not written, and a -wal left by a moved file is not replayed
into another."""

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
    with sqlite3.connect(db) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_full_disk_is_said_not_the_rollback_that_follows(demo_cli, tmp_path, monkeypatch):
    """SQLite ends the transaction itself when the disk is full; the ROLLBACK after it failed in turn, and its
    "cannot rollback - no transaction is active" was all the user saw. The file's size capped by max_page_count."""
    source = csv_of(demo_cli, tmp_path / "big.csv", 40_000)
    batches = count(demo_cli.db, "batch")
    with sqlite3.connect(demo_cli.db) as connection:
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
        subprocess.run(["umount", str(disk)], check=False)
