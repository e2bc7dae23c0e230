"""Whether a write on an SQLite store must run the foreign-key check first (checks.refuse_damaged_links: 15-20 ms at
23,500 reports, 0.5-1 s at 1,500,000): only where a program other than mstrack may have changed the file since
mstrack's own last write.

After each commit, still holding the write lock (BEGIN IMMEDIATE again, the -wal folded into the file), mstrack
writes a stamp of the file on the file itself, as an extended attribute (ATTRIBUTE): its device, inode, size and
modification time, that time first set back by one nanosecond. Every later write by any program moves that time
forward (the kernel sets it to the present, which is later than the stamp's), or leaves its pages in the -wal beside
(beside the file a symlink names: where SQLite keeps it, sqlite_file.wal_of); either way the stamp no longer matches,
and the next mstrack write runs the full check, as every write did before.

Why not SQLite's own counters: the file change counter (header bytes 24-27) is not kept in WAL mode, every mstrack
store's (measured: it stays put across commits); PRAGMA data_version counts only within one connection, and each
mstrack command opens its own. Why an attribute, not a table or a file beside: a table cannot hold the time of the
commit that writes it; a file beside would be left behind by a `mv` or a `cp` of the store, and would be one more
file every listing shows. The attribute goes with the file on a `mv`; a copy is another inode (checked once); a crash
before it is written leaves the old stamp, which no longer matches. Two mstrack processes: the stamp is written under
the write lock, and only where no other connection committed since this write's own commit (PRAGMA data_version, read
before and after on the same connection). Where the file system keeps no attributes, or the file is another user's
(its time cannot be set), nothing is stamped and every write checks, as before."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from mstrack.store.sqlite_file import holds_bytes, wal_of

ATTRIBUTE = "user.mstrack.checked"


def _stamp(found: os.stat_result) -> bytes:
    return f"{found.st_dev} {found.st_ino} {found.st_size} {found.st_mtime_ns}".encode()  # inodes repeat across devices


def checked_since(path: Path) -> bool:
    """Whether the file is as mstrack's last write left it (its stamp matches, no -wal holding pages): the
    foreign-key check that write ran, or began from, holds still. Asked under the write lock."""
    try:
        said = os.getxattr(path, ATTRIBUTE)
        return not holds_bytes(wal_of(path)) and said == _stamp(os.stat(path))
    except OSError:
        return False


def data_version(connection: sqlite3.Connection) -> int:
    """SQLite's count of the commits other connections made, as this connection saw them (its own ones not counted)."""
    return connection.execute("PRAGMA data_version").fetchone()[0]


def stamp_checked(connection: sqlite3.Connection, path: Path, version: int, timeout_ms: int) -> None:
    """After a write's commit on `connection` (its data_version read before the commit: `version`): the -wal folded
    into the file and the stamp written, under the write lock taken again without waiting. Nothing is stamped where
    another writer holds the lock, committed since (data_version moved), or the -wal cannot be emptied (another
    process reads an older snapshot); the old stamp, if any, then no longer matches the file: the next write checks.
    Never raises: the write is committed, and a stamp not written costs only a check."""
    with contextlib.suppress(Exception):
        connection.execute("PRAGMA busy_timeout = 0")  # a reader of an older snapshot, or a writer: no waiting for them
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # what it can: a -wal still holding pages stamps nothing
            connection.execute("BEGIN IMMEDIATE")
            try:
                if data_version(connection) == version and not holds_bytes(wal_of(path)):
                    found = os.stat(path)
                    os.utime(path, ns=(found.st_atime_ns, found.st_mtime_ns - 1))
                    moved = os.stat(path)
                    if moved.st_mtime_ns < found.st_mtime_ns:  # a file system that rounds it up stamps nothing
                        os.setxattr(path, ATTRIBUTE, _stamp(moved))
            finally:
                connection.execute("ROLLBACK")
        finally:
            connection.execute(f"PRAGMA busy_timeout = {timeout_ms}")
