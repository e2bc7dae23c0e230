"""The temporary a file is written under beside it (render/outputs.replacing_path's `.NAME.XXXXXXXX.part`): its name,
cut to the longest its folder's file system allows (part_prefix, part_room: 255 bytes on most, 143 on an encrypted
home); how much longer than its target's path it is (part_added, PATH_ROOM); the lock its writer holds on it
(hold_part); and the partial copies a killed run left, removed once their writer is gone (remove_stale_parts). A
partial copy of a database goes with what SQLite put beside it (remove_database). Stdlib only, as outputs is."""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path

from mstrack.filesystem import DATABASE_COMPANIONS, name_max

PART_COMPANIONS = (*DATABASE_COMPANIONS, "-writer")
"""A partial copy (a database being written: `db copy`, `db backup`, the copy `db restore` keeps) and what SQLite,
and the note naming its write (store.sqlite_file.writer_note), put beside it."""


PART_ADDED = len(".") + len(".XXXXXXXX.part") + max(map(len, PART_COMPANIONS))
"""What a temporary's `.NAME.XXXXXXXX.part` adds to its target's name, with the -journal SQLite makes beside a
database being written there (`db backup`): part_room is the file system's longest name less this."""


def part_room(target) -> int:
    """How much of `target`'s name its temporary's `.NAME.XXXXXXXX.part` can hold: the longest name the file system
    of its folder allows (filesystem.name_max: 255 on most, 143 on an encrypted home) less PART_ADDED."""
    return name_max(target) - PART_ADDED


PATH_ROOM = 4095 - len("/.") - len(".XXXXXXXX.part") - max(map(len, PART_COMPANIONS))
"""The longest path of a file mstrack writes, in bytes: Linux's PATH_MAX (4096 with the closing NUL) less what the
temporary beside it adds (outputs.replacing_path writes `.NAME.XXXXXXXX.part`, by its whole path, then renames it)."""


def part_added(target) -> int:
    """How many bytes longer than `target`'s full path (a symlink's followed) is the temporary outputs.replacing_path writes
    beside it (`.NAME.XXXXXXXX.part`, NAME cut short where it would be too long: part_prefix): what a path a
    program opens to write it (SQLite, for a backup) must have room for."""
    final = os.path.realpath(target)
    return len(os.fsencode(part_prefix(final))) + len("XXXXXXXX.part") - len(os.fsencode(os.path.basename(final)))


def part_prefix(target) -> str:
    """The start of a temporary's name beside the file `target` (a path: its folder's file system says how long a
    name may be, part_room): `.NAME.`, or where that would make the temporary's name longer than that file system
    allows (a name of over 232 bytes where names may have 255, over 120 where 143), NAME cut short by whole characters
    and marked `~`: `.NAM~.` (mkstemp's random part keeps each unique)."""
    name, room = os.path.basename(target), part_room(target)
    if len(os.fsencode(name)) <= room:
        return f".{name}."
    while name and len(os.fsencode(name)) > room - 1:
        name = name[:-1]
    return f".{name}~."


def remove_database(path: Path, companions_only: bool = False) -> None:
    """A database file being written and abandoned, with its -wal, -shm, -journal and -writer note: the one way a
    partial copy goes (a failed write, a stale part, a finished copy's leftovers: `companions_only`)."""
    for suffix in PART_COMPANIONS[1:] if companions_only else PART_COMPANIONS:
        with suppress(FileNotFoundError, IsADirectoryError):
            os.unlink(f"{path}{suffix}")


def hold_part(descriptor: int) -> None:
    """The partial copy's lock, held by its writer until it is renamed or removed (the descriptor's close): a
    part whose lock anyone can take is one whose writer is gone (_stale). An exclusive flock, apart from SQLite's
    own (fcntl) locks on the same file; none where the system has none."""
    try:
        import fcntl
    except ImportError:  # Windows: no part is ever taken for stale
        return
    with suppress(OSError):
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)


def remove_stale_parts(target: Path, stamped: bool = False) -> int:
    """The partial copies of `target` (outputs.replacing_path's `.NAME.XXXXXXXX.part`, with their companions) that a killed
    run left beside it: only those whose writer is gone, its lock free (_stale); a part another running mstrack is
    writing is kept. `stamped`: the copies `db restore` keeps of the database `target` (NAME.before-restore-TIME).
    Returns how many were removed. Nothing is removed where the folder cannot be read or locks do not exist."""
    removed = 0
    for part in stale_parts(target, stamped):
        remove_database(part)
        removed += 1
    return removed


def stale_parts(target: Path, stamped: bool = False) -> list[Path]:
    """The partial copies of `target` a killed run left (see remove_stale_parts), looked at, not removed: `report
    --freeze -o` asks when the run that left one froze (cli/report_output.frozen_by_a_stopped_run)."""
    import re

    final = Path(os.path.realpath(target))
    stamp = r"\.before-restore-\d{8}T\d{6}(?:-\d+)?" if stamped else ""
    pattern = re.compile(rf"{re.escape(part_prefix(final).removesuffix('.'))}{stamp}\.[a-z0-9_]{{8}}\.part")
    try:
        names = os.listdir(final.parent)
    except OSError:
        return []
    return [final.parent / name for name in sorted(names) if pattern.fullmatch(name) and _stale(final.parent / name)]


def _stale(part: Path) -> bool:
    """Whether a partial copy's writer is gone: a regular file of this user's whose lock (hold_part) is free. One just
    made, empty and alone is not yet (its writer may be between making it and taking its lock), unless a minute old."""
    import time

    try:
        import fcntl
    except ImportError:
        return False
    try:
        descriptor = os.open(part, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode) or found.st_uid != os.getuid():
            return False
        if (not found.st_size and time.time() - found.st_mtime < 60
                and not any(os.path.lexists(f"{part}{suffix}") for suffix in PART_COMPANIONS[1:])):
            return False
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    finally:
        os.close(descriptor)
    return True
