"""safe35: nothing lost. `db restore` restores over a damaged database again (one that fails its check is kept as its
bytes are); a re-import never beats a later correction, also after the import that held the value was undone."""

import contextlib
import sqlite3
from pathlib import Path

import pytest

from .conftest import Cli
from .test_safe32a import kept_copies, rows

# --- 1. restore over a damaged database ---------------------------------------------------------------------------


def _garble(db: Path, *, header: bool = False) -> None:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    size = db.stat().st_size
    with db.open("r+b") as handle:
        if header:
            handle.write(b"garbage garbage!")
            return
        for page in (size // page_size - 3, size // page_size - 10):  # two pages garbled: the counts still read
            handle.seek(page * page_size + 100)
            handle.write(b"\xff" * 2000)


def _check(db: Path) -> str:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return connection.execute("PRAGMA quick_check").fetchone()[0]


@pytest.mark.sqlite_only
def test_a_database_that_fails_its_check_is_kept_as_its_bytes_and_restored_over(demo_cli, tmp_path):
    db = Path(demo_cli.db)
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    _garble(db)
    damaged = db.read_bytes()
    assert _check(db) != "ok"
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0, result.output
    assert _check(db) == "ok" and rows(db) == rows(backup)
    (kept,) = kept_copies(db)
    assert kept.read_bytes()[100:] == damaged[100:]  # its pages as they were (the header says WAL now)
    assert f"the database as it was is kept in {kept}" in result.output


@pytest.mark.sqlite_only
def test_a_file_with_a_garbled_header_is_refused_before_anything_is_said_or_written(demo_cli, tmp_path):
    db = Path(demo_cli.db)
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    _garble(db, header=True)
    damaged = db.read_bytes()
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 2, result.output
    assert "kept in" not in result.output and "whatever this command printed above" not in result.output
    assert "not an SQLite database" in result.output and "move it aside" in result.output
    assert db.read_bytes() == damaged and kept_copies(db) == []
    moved = db.with_name("office.damaged")
    db.rename(moved)
    assert Cli(db)("db", "restore", str(backup)).exit_code == 0  # the way the refusal says
    assert rows(db) == rows(backup)
