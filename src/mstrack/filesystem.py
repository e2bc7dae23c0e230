"""What this machine's file systems allow a file's name: the one length check of a name (every path option as typed,
every -o, --db and the temporaries beside them); and where SQLite keeps the files beside a database (its -wal, -shm,
-journal: beside the file a symlink points to), which the store (what it opens, backs up, removes) and render (what no
-o writes over) both follow. Apart from domain/limits, which stays pure (no I/O): this asks the file system (pathconf,
symlinks), so only the parts that read or write files (sources, store, render) and the command line use it. And the
one answer to "are these two names one file?" (same_file), which a reader, a write and a restore each ask."""

from __future__ import annotations

import os
from pathlib import Path

from mstrack.domain.limits import NAME_MAX
from mstrack.errors import Message

DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")
"""An SQLite database file and the files SQLite keeps beside it: writing over any of them damages the database, and a
store removed (store.maintenance) is all of them."""


def same_file(one, other) -> bool:
    """Whether two names are one file however spelled (./x, a symlink, a hard link: by device and inode), a folder
    included; where either cannot be looked at (not there yet, no permission), whether they resolve to one name. The
    one check of a file given twice (import progress), an -o that is the table read or the database, a backup that is
    the database it would restore."""
    try:
        return os.path.samefile(one, other)
    except (OSError, ValueError):  # ValueError: a NUL in a name
        try:
            return os.path.realpath(one) == os.path.realpath(other)
        except (OSError, ValueError):
            return False


def file_named(path) -> Path:
    """The database file `path` names: the file a symlink points to (SQLite's unix VFS resolves links and keeps its
    -wal, -shm and -journal beside that file), else `path` as given (a message names it as typed)."""
    real = os.path.realpath(path)
    return Path(real) if real != os.path.abspath(path) else Path(path)


def beside(path, suffix: str) -> Path:
    """The one resolver of a file beside an SQLite database: its -wal, -shm, -journal, mstrack's -writer note. Beside
    the file a symlink points to, never beside the link (review50 F1, store51: `--db link.db` naming elsewhere/real.db
    has no link.db-wal; real.db-wal holds the writes, a backup must read it, a message must name it)."""
    return Path(f"{file_named(path)}{suffix}")


def database_files(path) -> list[Path]:
    """The database file `path` names and the files SQLite keeps beside it (DATABASE_COMPANIONS), each by its
    resolved name: what -o compares a target with (render/outputs.is_database_file)."""
    real = Path(os.path.realpath(path))
    return [beside(real, suffix) for suffix in DATABASE_COMPANIONS]


def companion_of(name: str) -> str | None:
    """The database a name names as its -wal, -shm or -journal (`x.db-wal` → `x.db`), None for any other name."""
    for suffix in DATABASE_COMPANIONS[1:]:
        if name.endswith(suffix):
            return name.removesuffix(suffix)
    return None


def name_max(path) -> int:
    """The longest name, in bytes, the file system of the path's nearest existing folder allows (pathconf: 255 on
    most, less on some, such as an encrypted home's 143), NAME_MAX where the system does not say."""
    folder = os.path.dirname(os.path.abspath(path))
    while not os.path.isdir(folder) and folder != os.path.dirname(folder):
        folder = os.path.dirname(folder)
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # no such setting, or no pathconf at all (Windows)
        return NAME_MAX


def name_problem(path, beside: str = "", writer: str = "") -> Message | None:
    """Why the file system cannot hold a file of this name, or None: the one length check of a name (every path
    option as typed, every -o, --db). A part of the path longer than a name can be (ENAMETOOLONG: said before
    anything is written, where a stat met it with a traceback); or the file's own name too long for the file named
    NAME`beside` that `writer` writes next to it (SQLite's NAME-journal beside a database)."""
    parts = [len(os.fsencode(part)) for part in os.path.normpath(os.fspath(path)).split(os.sep) if part]
    if not parts:
        return None
    limit = name_max(path)
    for size in parts:
        if size > limit:
            return Message("the name is longer than the file system allows ({n} bytes, at most {limit})", n=size,
                           limit=limit)
    if beside and parts[-1] + len(beside) > limit:
        return Message("the file name is {n} bytes long; {writer} writes NAME{beside} beside it, and this file system "
                       "allows {longest} bytes a name: give a name of at most {most} bytes", n=parts[-1],
                       writer=writer, beside=beside, longest=limit, most=limit - len(beside))
    return None
