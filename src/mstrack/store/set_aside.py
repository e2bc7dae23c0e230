"""db restore over a damaged SQLite file (restore63): SQLite's backup API cannot write into a file it cannot read
(cut short: "database disk image is malformed"; not an SQLite file: "file is not a database"), so the backup is
written into a new file beside it, the damaged file and its -wal, -shm and -journal kept aside under new names
(FILE.damaged-YYYYMMDD-HHMMSS…, never deleted), and the new file renamed into its place: one rename, so that a
failure before it leaves the damaged file where it was."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from mstrack.filesystem import beside, file_named
from mstrack.store.sqlite_file import holds_bytes, page_size_of

DAMAGED_CODES = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
"""SQLite's errors of a file it cannot read as a database (any extended code of these two)."""

COMPANIONS = ("-wal", "-shm", "-journal")
"""What SQLite keeps beside a database: left beside the new file, a -wal's frames or a -journal's pages would be
put into it on its first open; they are the damaged file's, kept aside with it."""


def damaged(path: Path, timeout: float) -> bool:
    """Whether the file holds bytes SQLite cannot read as a database: no SQLite header, or its schema or a table's
    rows unreadable (SQLITE_CORRUPT, SQLITE_NOTADB). A busy or locked file, or one that reads, is not: it is restored
    in place, as before."""
    if not holds_bytes(path):
        return False
    if page_size_of(path) is None:
        return True
    from mstrack.store.sqlite_file import table_counts

    try:
        with contextlib.closing(sqlite3.connect(f"{Path(os.path.realpath(path)).as_uri()}?mode=ro", uri=True,
                                                timeout=timeout)) as connection:
            table_counts(connection)
    except sqlite3.DatabaseError as error:
        return (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF in DAMAGED_CODES
    return False


def aside_name(path: Path) -> Path:
    """FILE.damaged-YYYYMMDD-HHMMSS beside the file itself (a symlink's target), then -2, -3 …: the first name free
    with every companion's name."""
    live = file_named(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    names = (f"{live.name}.damaged-{stamp}", *(f"{live.name}.damaged-{stamp}-{n}" for n in range(2, 100)))
    for name in names:
        candidate = live.with_name(name)
        if not any(os.path.lexists(f"{candidate}{suffix}") for suffix in ("", *COMPANIONS)):
            return candidate
    return live.with_name(names[-1])  # all taken: os.link says it (FileExistsError), nothing moved


def companions(path: Path) -> frozenset[str]:
    """The companions (COMPANIONS' suffixes) beside the file `path` names now: those there before a command began are
    the damaged file's; one its own look made (damaged's read-only open of a file in WAL mode leaves an empty -wal and
    a -shm) is not (leftover64)."""
    live = file_named(path)
    return frozenset(suffix for suffix in COMPANIONS if os.path.lexists(beside(live, suffix)))


def restore_aside(path: Path, copy: sqlite3.Connection, new_file, confirm, existed=frozenset(COMPANIONS)) -> list[Path]:
    """`copy` (the backup's checked snapshot) written into a new file beside `path` (`new_file(path, before_rename)`,
    the CLI's temporary file, fsynced, renamed over `path`); before that rename the damaged file is linked to its
    name aside and its companions moved there (by a link, then the old name removed), then `confirm(moved)`; a failure
    up to the rename puts the companions back and removes the new names: the damaged file is where it was. `existed`:
    the companions there before the command (companions()); one the command made itself holds nothing of the
    damaged file's (a -shm, an empty -wal) and is removed, never said kept. Returns the names the damaged file and
    its companions have now."""
    live = file_named(path)
    aside = aside_name(live)
    moved: list[tuple[Path, Path]] = []

    def set_aside() -> None:
        os.link(live, aside)  # never over a file: a name taken meanwhile is FileExistsError, nothing moved
        moved.append((live, aside))
        for suffix in COMPANIONS:
            found, kept = beside(live, suffix), Path(f"{aside}{suffix}")
            if not os.path.lexists(found):
                continue
            if suffix not in existed and (suffix == "-shm" or not holds_bytes(found)):
                os.unlink(found)  # this command's own: an index SQLite makes anew, a -wal of no frame
                continue
            os.link(found, kept)
            moved.append((found, kept))
            os.unlink(found)
        if confirm is not None:
            confirm([kept for _, kept in moved])

    try:
        with new_file(live, set_aside) as temporary:
            target = sqlite3.connect(temporary, isolation_level=None)
            try:
                copy.backup(target)
                target.execute("PRAGMA journal_mode = WAL")  # as an mstrack store is; its -wal folded in on close
            finally:
                target.close()
    except BaseException:
        if moved and _same(live, aside):  # not renamed over yet (else its companions stay aside: not the new file's)
            for found, kept in reversed(moved):
                with contextlib.suppress(OSError):
                    if not os.path.lexists(found):
                        os.link(kept, found)
                    if _same(found, kept):  # back under its name: the name aside goes
                        os.unlink(kept)
        raise
    return [kept for _, kept in moved]


def _same(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False
