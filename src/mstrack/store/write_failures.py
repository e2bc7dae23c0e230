"""What a write is told when it cannot go on, and how long it waits first: the busy timeout, a writer that gave
up waiting for the lock (who holds it), a database moved while a write ran, a full disk and the -wal it leaves, a
commit that failed or may have been stored, a driver not installed. Connections (store/connections) raises them;
errors.mark_* says whether anything was stored."""

from __future__ import annotations

import os
from pathlib import Path

from mstrack.errors import InputError, Message
from mstrack.filesystem import beside, file_named
from mstrack.store.sqlite_file import file_identity, wal_left, wal_of, writer_named


def busy_timeout() -> float:
    """Seconds a write waits for another write to end before it gives up: MSTRACK_BUSY_TIMEOUT, 30 by default."""
    raw = os.environ.get("MSTRACK_BUSY_TIMEOUT", "").strip()
    if not raw:
        return 30.0
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 86_400:
        raise InputError("MSTRACK_BUSY_TIMEOUT {value!r}: expected a number of seconds from 0 to 86400, for example 30",
                         value=raw)
    return seconds


def busy_refusal(error: Exception, *, db: str, option, path: Path | None, holder=None) -> Exception:
    """The error of a write that gave up waiting for the lock: who holds it, where that is knowable (`holder`, else
    the note beside the SQLite file `path`); any other error as it is."""
    text = str(getattr(error, "orig", None) or error)
    if "locked" not in text and "busy" not in text and "lock timeout" not in text:
        return error
    if holder is None and path is not None:
        holder = writer_named(path)
    return InputError("{option} {db}: another write is in progress ({holder}); gave up after {seconds} s "
                      "(MSTRACK_BUSY_TIMEOUT); nothing was written, try again when it is done",
                      option=option, db=db, holder=holder or Message("its command is not known"),
                      seconds=f"{busy_timeout():g}")


def still_the_file(path: Path | None, opened, option="--db") -> None:
    """An SQLite file's write, before it goes on and before its commit: the path must still name the file the
    write opened (device and inode), else it is refused and rolls back. A database renamed (`mv`) or replaced by
    another file while a write ran was written through the open file all the same, its -wal left under the old
    name, where a later command or a file put back under that name replayed it: corrupt. A copy written over the
    file in place (`cp`, the same inode) is not seen here: `db restore` is the way to put a backup back. The -wal and
    -shm named are beside the file a symlink points to (filesystem.beside): where SQLite left them."""
    if path is None or opened is None or file_identity(path) == opened:
        return
    raise InputError("{option} {db}: the file was moved, replaced or deleted while this write ran (the name now "
                     "names another file, or none); nothing was written. A {wal} or {shm} left there belongs to the "
                     "moved file: remove both before putting a file (a backup) back here",
                     option=option, db=path, wal=wal_of(path), shm=beside(path, "-shm"))


def full_disk_left(path: Path, *, committing: bool = False) -> None:
    """A write of the SQLite file `path` refused for a full disk: the -wal it grew truncated (the disk stayed full,
    2 MB of it a -wal of pages rolled back); where it cannot be, the refusal says to keep it (safe40a): a reader may
    hold it, or, as in a new database, it holds committed pages (the schema, a batch) the full disk keeps from being
    copied into the file, and the next writes live only there until there is room. A failed commit comes after the
    command said what it wrote (confirm_before_commit): the message says that, too, was not written. Returns where
    nothing is left, for the caller's own error. The -wal and the file named are the real ones where `path` is a
    symlink (filesystem.file_named)."""
    left, wal, path = wal_left(path), wal_of(path), file_named(path)
    if left and committing:
        raise InputError("database: database or disk is full; nothing was written, whatever this command printed above; "
                         "{wal} is left at {size} bytes and may hold writes committed before this one that the full disk "
                         "kept from being copied into {db}: never delete or move it, they would be lost; free space on its "
                         "disk (or raise its size limit) and run the command again: SQLite then copies them in and empties it",
                         wal=wal, size=left, db=path)
    if left:
        raise InputError("database: database or disk is full; nothing was written; {wal} is left at {size} bytes "
                         "and may hold writes committed before this one that the full disk kept from being copied into "
                         "{db}: never delete or move it, they would be lost; free space on its disk (or raise its size "
                         "limit) and run the command again: SQLite then copies them in and empties it",
                         wal=wal, size=left, db=path)


UNKNOWN_COMMIT_STATES = ("08", "57", "40003")
"""SQLSTATEs after which a COMMIT may have been stored: a lost connection (class 08), the server process ended or
the server stopping (class 57: pg_terminate_backend, a shutdown, a crash elsewhere; its end can come after the commit
is durable), statement completion unknown (40003). Said as the generic error, never "nothing was stored"."""


def server_answered(error: BaseException) -> bool:
    """The server's own error for a COMMIT (a SQLSTATE, psycopg's or under SQLAlchemy's: a deferred constraint, a
    serialization failure), after which it ended the transaction without storing it; not one of
    UNKNOWN_COMMIT_STATES (review39s), nor none."""
    state = getattr(getattr(error, "orig", None) or error, "sqlstate", None)
    return bool(state) and not state.startswith(UNKNOWN_COMMIT_STATES)


def driver_missing(db: str, error: ImportError, option) -> InputError:
    """A database URL whose driver is not installed: which extra installs it, not Python's "No module named"."""
    name = (getattr(error, "name", None) or "").split(".")[0]
    if name.startswith("psycopg") or db.startswith("postgresql"):
        return InputError("{option} {db}: PostgreSQL needs the psycopg driver, which is not installed here; install "
                          "mstrack with it: pip install 'mstrack[postgres]'", option=option, db=db)
    return InputError("{option} {db}: the database driver is not installed ({error})", option=option, db=db,
                      error=str(error))
