"""The record of the files -o wrote on this machine (cli/printing.write_output): each one's resolved path, size,
SHA-256 and when, so that a rerun onto a file mstrack wrote replaces it while it is unchanged, and one changed since (a
row added under a CSV report, a value edited in a JSON report, notes typed under a printout) is known as changed, for
files that cannot carry a mark (sources/marks). Kept in the user's data directory beside the default database
(urls.user_data_path), never in the --db store: a PostgreSQL store is shared, paths are this machine's.

An SQLite file in WAL mode, through the standard library's sqlite3 (no SQLAlchemy at start): two processes writing
reports at once each add their row in a transaction of their own (BEGIN IMMEDIATE, waiting for the other up to
WAIT_SECONDS), on every platform, with no lock file of our own to leave behind, and a process killed mid-write leaves
the record as it was. Bounded: the newest KEEP_PATHS paths. Callers treat any failure as no record (a lookup) or a
warning (remember): the record never stops a report."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mstrack.store.urls import user_data_path

RECORD_NAME = "written.db"
"""The record's file, in the user's data directory."""
KEEP_PATHS = 5000
"""The newest paths kept: an office's weekly reports for years; older ones are forgotten (judged by content again)."""
WAIT_SECONDS = 10.0
"""How long a write to the record waits for another process's (each holds it for milliseconds)."""
SCHEMA = ("CREATE TABLE IF NOT EXISTS written (path TEXT PRIMARY KEY, size INTEGER NOT NULL, sha256 TEXT NOT NULL, "
          "at TEXT NOT NULL)")
AT_INDEX = "CREATE INDEX IF NOT EXISTS written_at ON written (at)"


@dataclass(frozen=True)
class Written:
    """What mstrack wrote to a path: its size, SHA-256, and when (UTC, ISO 8601)."""

    size: int
    sha256: str
    at: str

    def local_time(self) -> str:
        """When, as the person reading the message counts time: 2026-12-05 14:03."""
        try:
            return datetime.fromisoformat(self.at).astimezone().strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return self.at


def record_path() -> Path:
    return user_data_path() / RECORD_NAME


def key(path: Path) -> str:
    """The path a file is recorded under: resolved (a link, a relative name, `..` are the file they name); a name in
    bytes that are no UTF-8 with those bytes written as \\xNN (SQLite's text is UTF-8)."""
    return os.fsencode(os.path.realpath(path)).decode("utf-8", "backslashreplace")


def lookup(path: Path) -> Written | None:
    """What mstrack last wrote to `path` on this machine, or None: no record (none kept yet, another machine's file,
    forgotten), or a record that cannot be read (then the file is judged by its content, as before the record)."""
    record = record_path()
    if not record.is_file():
        return None
    try:
        with closing(sqlite3.connect(record, timeout=WAIT_SECONDS)) as connection:
            found = connection.execute("SELECT size, sha256, at FROM written WHERE path = ?", (key(path),)).fetchone()
    except (sqlite3.Error, OSError, ValueError):
        return None
    return Written(size=found[0], sha256=found[1], at=found[2]) if found else None


def remember(path: Path, size: int, sha256: str) -> None:
    """Record that mstrack wrote `path` (in place now) with this size and digest; the oldest paths past KEEP_PATHS go.
    Raises OSError or sqlite3.Error when the record cannot be written (the caller warns)."""
    record = record_path()
    record.parent.mkdir(parents=True, exist_ok=True)
    at = datetime.now(UTC).isoformat(timespec="seconds")
    with closing(sqlite3.connect(record, timeout=WAIT_SECONDS, isolation_level=None)) as connection:
        if connection.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.execute(SCHEMA)
            connection.execute(AT_INDEX)
            connection.execute("INSERT OR REPLACE INTO written (path, size, sha256, at) VALUES (?, ?, ?, ?)",
                               (key(path), size, sha256, at))
            connection.execute("DELETE FROM written WHERE path NOT IN "
                               "(SELECT path FROM written ORDER BY at DESC, rowid DESC LIMIT ?)", (KEEP_PATHS,))
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
