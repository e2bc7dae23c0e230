"""The record of the files -o wrote (store/written) as write_output (cli/printing) uses it: what it says of a target
before any work (record_of), the refusals it gives (changed_since, unknown), the write recorded before the rename
(record_before_rename), and the target looked at again just before the rename (unchanged_while_running)."""

from pathlib import Path

import typer

from mstrack.cli.saying import fail


def record_of(target: Path):
    """What the record says of `target`: True when mstrack wrote it as it is now (any of its last few writes there),
    the record (Written) when mstrack wrote it and it holds something else since, an Unreadable when the record cannot
    be read now (a damaged one is set aside here, said once), None when there is no record of it, or it is empty
    (nothing in it to lose: replaced by the rule by content) or not a file."""
    from mstrack.render.outputs import written_in_place
    from mstrack.sources.marks import file_digest
    from mstrack.store.written import Unreadable, lookup

    try:
        if not target.is_file() or written_in_place(target) or not (size := target.stat().st_size):
            return None
        written = lookup(target)
        if written is None:
            return None
        return True if written.holds(size, file_digest(target)) else written
    except Unreadable as unreadable:
        if unreadable.damaged:
            _set_aside(unreadable)
        return unreadable
    except OSError:  # the file cannot be read: the rule by content says why
        return None


def _set_aside(unreadable) -> None:
    """A damaged record renamed beside it (store/written.set_aside) and said: the next run begins a new one."""
    from mstrack.cli.saying import warn
    from mstrack.domain.reasons import os_reason
    from mstrack.store.written import record_path, set_aside

    try:
        aside = set_aside()
    except OSError as error:
        unreadable.reason = f"{unreadable.reason}; {os_reason(error)}"
        return
    warn("{record}: the record of the files mstrack wrote is damaged ({reason}): set aside as {aside}; a new one is "
         "begun", record=record_path(), reason=unreadable.reason, aside=aside)


def changed_since(target: Path, option: str, written) -> typer.Exit:
    """A file the record names as mstrack's that holds something else since."""
    return fail("{option} {path}: the file has changed since mstrack wrote it on {date} (it no longer holds what "
                "mstrack wrote there: rows or notes added, values edited, saved by another program, or written "
                "since by another user's mstrack or a shell redirect): it is not replaced: give another -o name, or "
                "delete the file yourself if it is no longer needed",
                option=option, path=target, date=written.local_time())


def unknown(target: Path, option: str, unreadable) -> typer.Exit:
    """A file whose keeping depends on a record that cannot be read: whether it changed since mstrack wrote it is
    unknown, and "no record" would let its content alone decide (a row added under a CSV report lost)."""
    from mstrack.store.written import on_full_disk, record_path

    if unreadable.damaged:
        return fail("{option} {path}: the record of the files mstrack wrote ({record}) was damaged ({reason}), so "
                    "whether this file has changed since mstrack wrote it is unknown: it is not replaced this time: look "
                    "at it (rows or notes added there would be lost), then run again (it is then judged by what it "
                    "holds), or give another -o name", option=option, path=target, record=record_path(),
                    reason=unreadable.reason)
    if on_full_disk():  # SQLite says "disk I/O error" there: no lock to wait for
        return fail("{option} {path}: the record of the files mstrack wrote ({record}) cannot be read ({reason}): its "
                    "disk is full, so whether this file has changed since mstrack wrote it is unknown: it is not "
                    "replaced: free space on that disk and run the command again, or give another -o name",
                    option=option, path=target, record=record_path(), reason=unreadable.reason)
    return fail("{option} {path}: the record of the files mstrack wrote ({record}) cannot be read ({reason}), so "
                "whether this file has changed since mstrack wrote it is unknown: it is not replaced: run again once no "
                "other program holds the record (another mstrack, a sync tool), or give another -o name",
                option=option, path=target, record=record_path(), reason=unreadable.reason)


def record_before_rename(output: Path, option: str, size: int, digest: str, known: bool) -> None:
    """Record the file about to be put in place as mstrack's (store/written.remember), before the rename: a write
    recorded and never renamed leaves a digest no edited file holds, where one renamed and not recorded left the old
    row to refuse mstrack's own file on the next run. A damaged record is set aside (said once) and a new one begun.
    A record that cannot be written is a warning where it names nothing of this path (the next -o onto it is judged
    by what it holds); where it does (`known`), the file is not replaced: it would be refused as changed next run."""
    import sqlite3

    from mstrack.domain.reasons import os_reason
    from mstrack.store.written import DAMAGED, Unreadable, record_path, remember

    try:
        try:
            remember(output, size, digest)
        except sqlite3.DatabaseError as error:
            if getattr(error, "sqlite_errorcode", None) not in DAMAGED:
                raise
            _set_aside(Unreadable(str(error), damaged=True))  # found by a write onto no file: said once here
            remember(output, size, digest)
    except (OSError, sqlite3.Error, ValueError) as error:  # ValueError: a name SQLite cannot take
        reason = os_reason(error) if isinstance(error, OSError) else str(error)
        if known:
            raise fail("{option} {path}: not replaced: the record of the files mstrack wrote ({record}) cannot be "
                       "written ({reason}), and it names what the file holds now: replaced, mstrack's own file would be "
                       "refused as changed on the next run: run again once the record can be written (no other program "
                       "holding it, room on the disk)", option=option, path=output, record=record_path(),
                       reason=reason) from None
        from mstrack.cli.saying import warn

        warn("{path}: written, but not recorded as written by mstrack in {record} ({reason}): a rerun onto it is "
             "judged by what it holds", path=output, record=record_path(), reason=reason)


def file_state(target: Path):
    """What says a file changed (size, mtime in ns, inode, device), None when there is none."""
    import os

    try:
        found = os.stat(target)
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns, found.st_ino, found.st_dev


def unchanged_while_running(target: Path, option: str, seen) -> None:
    """Exit 2 when `target` is not as it was when the command looked at it (`seen`, file_state): written, edited or
    made meanwhile, by a person or another program, it is not replaced with what was judged against the old file."""
    if file_state(target) != seen:
        raise fail("{option} {path}: the file changed while this command ran (edited, written or made by someone or "
                   "something else after mstrack looked at it): it is not replaced: run again, or give another -o name",
                   option=option, path=target)
