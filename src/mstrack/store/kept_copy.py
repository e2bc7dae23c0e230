"""The copy of an SQLite database `db restore` keeps beside it before replacing anything (DB.before-restore-TIME):
written as `db backup` writes, or as its bytes are (with its -wal) where SQLite cannot copy it; removed again by a
restore that failed having replaced nothing, when it is the database as it still is."""

from __future__ import annotations

import errno
import os
import shutil
from datetime import datetime
from pathlib import Path

from mstrack.errors import InputError
from mstrack.filesystem import file_named
from mstrack.store.sqlite_file import holds_bytes, wal_of


def keep_before_restore(store, new_file) -> Path:
    """The database's content as it is, before a restore replaces it: written beside it with SQLite's backup API
    as `db backup` writes (`new_file(path)`: the CLI's temporary file fsynced, 0600, renamed into place, never over
    a file), so that a wrong backup or swapped arguments lose nothing. A file that cannot be written (a full disk)
    refuses the restore, nothing replaced, the partial copy gone. A damaged database (what a restore is for) that
    SQLite cannot copy, or whose copy fails its check (its row counts may still read), is kept as its bytes are,
    its -wal beside it as DB.before-restore-TIME-wal (the commits not yet in the file): under the restore's write
    lock they do not change."""
    live = file_named(store.path)  # beside the file itself: a symlink's folder may be read-only
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    names = (f"{live.name}.before-restore-{stamp}", *(f"{live.name}.before-restore-{stamp}-{n}" for n in range(2, 100)))
    path = next((live.with_name(name) for name in names
                 if not live.with_name(name).exists() and not wal_of(live.with_name(name)).exists()),
                live.with_name(names[-1]))
    wal_written = []
    try:
        with new_file(path) as temporary:
            try:
                store.backup(temporary)
            except InputError:
                shutil.copyfile(live, temporary)
                if holds_bytes(wal_of(live)):
                    _copy_new(wal_of(live), wal_of(path))
                    wal_written.append(True)
    except OSError as error:
        if wal_written:
            wal_of(path).unlink(missing_ok=True)
        raise not_kept(store, path, error) from None
    return path


def _copy_new(source: Path, target: Path) -> None:
    """`source`'s bytes into a new file `target` (never over one), 0600, fsynced; gone again if not complete."""
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as copy, open(source, "rb") as original:
            shutil.copyfileobj(original, copy)
            copy.flush()
            os.fsync(copy.fileno())
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def remove_kept(path: Path) -> None:
    """The copy (and its -wal) removed: a restore that replaced nothing leaves the database as the copy holds it."""
    for found in (path, wal_of(path)):
        found.unlink(missing_ok=True)


def not_kept(store, path: Path, error: OSError) -> InputError:
    """Why the copy kept before a restore could not be written, with the advice its errno calls for."""
    from mstrack.domain.reasons import os_reason

    fields = {"option": store.option, "db": store.display_url, "path": path, "reason": os_reason(error)}
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return InputError("{option} {db}: nothing restored: the copy of the database as it is could not be written to "
                          "{path} ({reason}): the folder {folder} is read-only or not writable for you; make it "
                          "writable and run the command again", folder=path.parent, **fields)
    if error.errno == errno.EEXIST:
        return InputError("{option} {db}: nothing restored: every name for the copy of the database as it is is taken, up "
                          "to {path} ({reason}); remove or move older .before-restore- copies and run the command "
                          "again", **fields)
    return InputError("{option} {db}: nothing restored: the copy of the database as it is could not be written to {path} "
                      "({reason}); free space on its disk and run the command again", **fields)
