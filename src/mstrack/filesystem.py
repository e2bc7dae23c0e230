"""What this machine's file systems allow a file's name: the one length check of a name (every path option as typed,
every -o, --db and the temporaries beside them). Apart from domain/limits, which stays pure (no I/O): this asks the file
system (pathconf), so only the parts that write files (store, render) and the command line use it."""

from __future__ import annotations

import os

from mstrack.domain.limits import NAME_MAX
from mstrack.errors import Message

DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")
"""An SQLite database file and the files SQLite keeps beside it: writing over any of them damages the database, and a
store removed (store.maintenance) is all of them."""


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
