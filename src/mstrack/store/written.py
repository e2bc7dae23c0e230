"""The record of the files -o wrote on this machine (cli/printing.write_output): each one's resolved path, size,
SHA-256 and when, so that a rerun onto a file mstrack wrote replaces it while it is unchanged, and one changed since (a
row added under a CSV report, a value edited in a JSON report, notes typed under a printout) is known as changed, for
files that cannot carry a mark (sources/marks). Kept in the user's data directory beside the default database
(urls.user_data_path), never in the --db store: a PostgreSQL store is shared, paths are this machine's.

An SQLite file in WAL mode, through the standard library's sqlite3 (no SQLAlchemy at start): two processes writing
reports at once each add their row in a transaction of their own (BEGIN IMMEDIATE, waiting for the other up to
WAIT_SECONDS), on every platform, with no lock file of our own to leave behind, and a process killed mid-write leaves
the record as it was. A write is recorded before its rename (cli/printing.write_output), and the last KEEP_DIGESTS
digests written to a path all count as mstrack's: a rename that never came, two mstracks writing one path in either
order, leave no row that refuses mstrack's own file, and an edited file matches none of them. "Last" is the order the
rows were written in (rowid: a row replaced gets a new, larger one), never the clock's `at`: a write made after the
clock was set back (NTP correcting a clock a day fast) would have the oldest `at` and be pruned at once. Bounded: the newest
KEEP_PATHS paths. A record that exists but cannot be read is no "no record" (Unreadable): a file whose keeping
depends on it is not replaced; a damaged one is set aside once (set_aside) for a new one."""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mstrack.store.urls import user_data_path

RECORD_NAME = "written.db"
"""The record's file, in the user's data directory."""
KEEP_PATHS = 5000
"""The newest paths kept: an office's weekly reports for years; older ones are forgotten (judged by content again)."""
KEEP_DIGESTS = 5
"""The last digests written to one path that count as mstrack's: two or three mstracks writing one -o at once."""
WAIT_SECONDS = 10.0
"""How long a write to the record waits for another process's (each holds it for milliseconds)."""
SCHEMA = ("CREATE TABLE IF NOT EXISTS writes (path TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, "
          "at TEXT NOT NULL, PRIMARY KEY (path, sha256))")
OLD_TABLE = "written"
"""safe41a's table, one digest a path: read while no write made `writes`, then moved into it."""
DAMAGED = (11, 26)
"""SQLITE_CORRUPT and SQLITE_NOTADB: a record that will never be read again as it is (set_aside)."""


@dataclass(frozen=True)
class Written:
    """What mstrack wrote to a path last: its size, SHA-256, and when (UTC, ISO 8601); `digests`, the (size, SHA-256)
    of each of the last KEEP_DIGESTS writes to it, this one's among them."""

    size: int
    sha256: str
    at: str
    digests: frozenset = frozenset()

    def holds(self, size: int, sha256: str) -> bool:
        """Whether a file of this size and digest is one mstrack wrote there (any of the last few writes)."""
        return (size, sha256) in self.digests or (size, sha256) == (self.size, self.sha256)

    def local_time(self) -> str:
        """When, as the person reading the message counts time: 2026-12-05 14:03."""
        from mstrack.domain.dates import minute_text

        try:
            return minute_text(datetime.fromisoformat(self.at).astimezone())
        except ValueError:
            return self.at


class Unreadable(Exception):
    """The record exists and cannot be read now (locked by another process past WAIT_SECONDS, damaged, a file it
    cannot open): what it says of a path is unknown, which is not "nothing". `reason`: SQLite's or the system's words;
    `damaged`: it is no SQLite database or a damaged one (set_aside)."""

    def __init__(self, reason: str, damaged: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.damaged = damaged


def record_path() -> Path:
    return user_data_path() / RECORD_NAME


def key(path: Path) -> str:
    """The path a file is recorded under: resolved (a link, a relative name, `..` are the file they name); a name in
    bytes that are no UTF-8 with those bytes written as \\xNN (SQLite's text is UTF-8)."""
    return os.fsencode(os.path.realpath(path)).decode("utf-8", "backslashreplace")


def lookup(path: Path) -> Written | None:
    """What mstrack wrote to `path` on this machine, or None: no record (none kept yet, another machine's file,
    forgotten). Raises Unreadable when the record is there and cannot be read: the caller must not take that as
    none (a file edited since would be judged by its content alone, and a row added under a CSV report lost)."""
    record = record_path()
    if not record.is_file():
        return None
    try:
        with closing(sqlite3.connect(record, timeout=WAIT_SECONDS)) as connection:
            tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            table = "writes" if "writes" in tables else OLD_TABLE if OLD_TABLE in tables else None
            if table is None:  # made by a write that never committed: nothing recorded yet
                return None
            found = connection.execute(f"SELECT size, sha256, at FROM {table} WHERE path = ? "  # noqa: S608 (ours)
                                       "ORDER BY rowid DESC", (key(path),)).fetchall()
    except sqlite3.Error as error:
        raise Unreadable(str(error), damaged=getattr(error, "sqlite_errorcode", None) in DAMAGED) from None
    except (OSError, ValueError) as error:
        raise Unreadable(str(error)) from None
    if not found:
        return None
    size, sha256, at = found[0]
    return Written(size=size, sha256=sha256, at=at, digests=frozenset((row[0], row[1]) for row in found))


def set_aside() -> Path:
    """A damaged record renamed beside it (written.db.damaged-20261205T140301), its -wal and -shm files with it, so
    that the next write makes a new one: said once, by the run that found it, never a failure of every run after.
    A record that is a symlink: the file it points to renamed beside itself, where SQLite keeps its -wal and -shm
    (filesystem.beside); the link then names no file, and the next write makes a new one through it. Returns the
    name it now has; raises OSError when it cannot be renamed."""
    from mstrack.filesystem import beside, file_named

    record = file_named(record_path())
    aside = record.with_name(f"{record.name}.damaged-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S')}")
    os.replace(record, aside)
    for suffix in ("-wal", "-shm"):
        with suppress(FileNotFoundError):
            os.replace(beside(record, suffix), beside(aside, suffix))
    return aside


def remember(path: Path, size: int, sha256: str) -> None:
    """Record that mstrack is putting a file of this size and digest at `path` (called before the rename: a write
    recorded and never renamed leaves a digest no edited file has); the path's writes past KEEP_DIGESTS and the oldest
    paths past KEEP_PATHS go. Raises OSError or sqlite3.Error when the record cannot be written (the caller says)."""
    record = record_path()
    record.parent.mkdir(parents=True, exist_ok=True)
    at = datetime.now(UTC).isoformat(timespec="seconds")
    name = key(path)
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            return _remember_once(record, name, size, sha256, at)
        except sqlite3.OperationalError as error:  # "database is locked" at once, the busy wait not taken: two
            # processes making the record at the same moment (one switching it to WAL while the other opens it)
            if "locked" not in str(error) and "busy" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _remember_once(record: Path, name: str, size: int, sha256: str, at: str) -> None:
    """One try at remember's transaction (see there)."""
    with closing(sqlite3.connect(record, timeout=WAIT_SECONDS, isolation_level=None)) as connection:
        if connection.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.execute(SCHEMA)
            if connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                  (OLD_TABLE,)).fetchone():
                connection.execute(f"INSERT OR IGNORE INTO writes SELECT path, size, sha256, at FROM {OLD_TABLE}")
                connection.execute(f"DROP TABLE {OLD_TABLE}")
            connection.execute("INSERT OR REPLACE INTO writes (path, size, sha256, at) VALUES (?, ?, ?, ?)",
                               (name, size, sha256, at))
            connection.execute("DELETE FROM writes WHERE path = ? AND rowid NOT IN (SELECT rowid FROM writes "
                               "WHERE path = ? ORDER BY rowid DESC LIMIT ?)", (name, name, KEEP_DIGESTS))
            connection.execute("DELETE FROM writes WHERE path NOT IN (SELECT path FROM writes GROUP BY path "
                               "ORDER BY max(rowid) DESC LIMIT ?)", (KEEP_PATHS,))
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:  # SQLite ended it itself on a full disk: its ROLLBACK's error hid that one
                with suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
            raise


def on_full_disk() -> bool:
    """Whether the record's folder is on a disk with next to no room left (sqlite_file.nearly_full): there SQLite
    cannot make the -shm a read needs and says "disk I/O error", as it would for no lock at all."""
    from mstrack.store.sqlite_file import nearly_full

    return nearly_full(record_path().parent)
