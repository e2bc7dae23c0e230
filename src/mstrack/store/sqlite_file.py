"""The SQLite file beside the SQL: which file a path names now, a new file made owner-only, the note naming the
write in progress, the -wal a full disk leaves, and a backup put back through SQLite's backup API. The file is
the one urls.sqlite_file reads out of any spelling of its URL, refused here when it is not one (refuse_not_a_file)."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sqlite3
import stat
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from mstrack.domain.reasons import os_reason
from mstrack.errors import InputError, Message
from mstrack.filesystem import beside, name_problem


def file_identity(path: Path) -> tuple[int, int] | None:
    """Which file a path names now (device, inode), None where it names none."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def refuse_not_a_file(url: str, *, option: str = "--db", said: str | None = None) -> None:
    """The one check of what an SQLite URL names, made before anything opens it (every Store of one, as it is made;
    the command line's --db, MSTRACK_DB and --to first, to name them as given: `said`, the URL by default): a directory
    (SQLite: "unable to open"; a name ending in a separator names one too, existing or not: `--db office/` made a file
    named office), or anything else that is not a regular file once symlinks are followed (a device, a FIFO, a socket:
    taken for an empty database, "disk I/O error" at the first write, a NAME-journal left beside it; a restore into a
    FIFO waited forever). Nothing there yet passes: the file a write makes, or a read's "no mstrack data here yet"."""
    from mstrack.store.urls import names_a_folder, sqlite_file

    path = sqlite_file(url)
    if path is None:
        return
    refuse_unopenable_name(path, option=option, said=said or url)
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError("{option} {db}: is a loop of symbolic links ({reason}); nothing was written; give the "
                             "database file itself", option=option, db=said or url, reason=os_reason(error)) from None
        mode = None
    if names_a_folder(url) or (mode is not None and stat.S_ISDIR(mode)):
        raise InputError("{option} {db}: is a directory; give a database file, such as {example}", option=option,
                         db=said or url, example=str(path / "mstrack.db"))
    if mode is not None and not stat.S_ISREG(mode):
        raise InputError("{option} {db}: is not a regular file (a device, a pipe or a socket); nothing was written; "
                         "give a database file", option=option, db=said or url)


SQLITE_LONGEST_PATH = 512
"""The longest path SQLite's unix VFS opens (MAX_PATHNAME), in bytes, counted with the "-journal" its pager adds: a
database whose resolved path is longer is "unable to open database file"."""

LONGEST_SUFFIX_NAME = "-journal"
"""What SQLite adds to a database's name for the files beside it (-journal, the longest of -wal, -shm, -journal)."""
LONGEST_SUFFIX = len(LONGEST_SUFFIX_NAME)


def refuse_unopenable_name(path: Path, *, option: str, said: str) -> None:
    """Names SQLite cannot open, said before it tries ("unable to open database file", no cause, then "run mstrack
    init", which fails the same way): a name that is not UTF-8 (a GBK name unpacked from a Windows zip: SQLite's
    file names are UTF-8 text), a name too long for the -journal beside it, a resolved path over SQLite's 512 bytes."""
    refuse_not_utf8(path, option=option, said=said)
    refuse_too_long(path, option=option, said=said)


def refuse_too_long(path: Path, *, option: str, said: str, written_as: int = 0) -> None:
    """A name too long for the -journal SQLite writes beside it, or a resolved path over SQLite's 512 bytes (with
    its -journal). `written_as`: how many bytes longer the path SQLite opens to write it is (a backup is made under
    a temporary name beside its target, then renamed: `db backup`'s TARGET, said by its own length and its own
    longest path)."""
    if problem := name_problem(path, beside=LONGEST_SUFFIX_NAME, writer="SQLite"):
        raise InputError("{option} {path}: {problem}", option=option, path=said, problem=problem)
    resolved = len(os.fsencode(os.path.realpath(path)))
    most = SQLITE_LONGEST_PATH - LONGEST_SUFFIX
    if resolved + written_as > most and written_as:
        raise InputError("{option} {path}: its full path is {n} bytes long; it is written first under a temporary name "
                         "beside it, {added} bytes longer, and SQLite opens paths of at most {most} bytes: give a path of "
                         "at most {fit} bytes (a folder with a shorter path)", option=option, path=said, n=resolved,
                         added=written_as, most=most, fit=most - written_as)
    if resolved > most:
        raise InputError("{option} {db}: its full path is {n} bytes long, and SQLite opens paths of at most {most} "
                         "bytes; move the database to a folder with a shorter path", option=option, db=said,
                         n=resolved, most=most)


def refuse_not_utf8(path: Path, *, option: str, said: str) -> None:
    """A database named in bytes that are not UTF-8 (a GBK name from a Windows zip): its URL cannot hold it."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("{option} {db}: the file name is not UTF-8 text, and SQLite opens only UTF-8 names; rename "
                         "the file (or give another name)", option=option, db=said) from None


def wal_of(path: Path) -> Path:
    """The -wal SQLite keeps for the database file `path` (beside)."""
    return beside(path, "-wal")


def holds_bytes(path: Path) -> bool:
    """Whether a file is there with something in it (a database, its -wal): a missing or empty one holds no data."""
    try:
        return os.stat(path).st_size > 0
    except OSError:
        return False


def create_private(path: Path, option) -> None:
    """A new database file is readable by its owner only (SQLite gives its -wal and -shm files the same mode),
    however it is named: through a symlink (to a file not there yet) the file it points to is made 0600. An empty
    file there already (`touch office.db`) is about to be filled with the data: made 0600 too (init and db restore
    left it as the umask made it, 0644)."""
    if path.exists():
        with contextlib.suppress(OSError):
            found = os.stat(path)
            if stat.S_ISREG(found.st_mode) and not found.st_size and found.st_mode & 0o077:
                os.chmod(path, 0o600)
        return
    path = Path(os.path.realpath(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass
    except OSError as error:
        raise InputError("{option} {db}: cannot create it: {reason}", option=option, db=path, reason=os_reason(error)) from None


def writer_note_path(path: Path) -> Path:
    """The note beside an SQLite file that names the write in progress (see writer_note): beside the real file, so
    that a writer given a link and one given the file's own name read one note."""
    return beside(path, "-writer")


@contextmanager
def writer_note(path: Path, command: str, user: str | None):
    """A note beside the database naming the write in progress, for a writer that gives up waiting to say whom
    it waited for (SQLite itself cannot tell). Written once the lock is held, removed at its end, and by a SIGTERM
    or SIGHUP (`kill PID`, a closed terminal) that ends the process meanwhile (_removed_on_signals); one left by a
    killed process is overwritten by the next writer, and named by no one (writer_named). One that cannot be
    written (a read-only directory, a full disk) is removed again: a full disk left a 0-byte note behind every
    refused write."""
    note = writer_note_path(path)
    made = False
    try:
        descriptor = os.open(note, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        made = True
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump({"pid": os.getpid(), "host": _host(), "user": user, "command": command,
                       "since": datetime.now().isoformat(timespec="seconds")}, handle, ensure_ascii=False)
    except OSError:
        if made:
            with contextlib.suppress(OSError):
                note.unlink()
        made = False  # the write goes on, unnamed
    try:
        with _removed_on_signals(note if made else None):
            yield
    finally:
        if made:
            with contextlib.suppress(OSError):
                note.unlink()


@contextmanager
def _removed_on_signals(note: Path | None):
    """While the note is there, a SIGTERM or SIGHUP whose action is the default (death) removes it first, then ends
    the process by the same signal as before (the write is rolled back by SQLite as it was; the exit status says
    the signal). Only the main thread can set handlers; a signal ignored (nohup) or handled by another stays so."""
    import signal

    from mstrack.signals import while_default

    if note is None:
        yield
        return

    def removed(number, _frame):
        with contextlib.suppress(OSError):
            note.unlink()
        signal.signal(number, signal.SIG_DFL)  # as it was: while_default sets a handler only where it found the default
        os.kill(os.getpid(), number)  # delivered as the handler returns: death by the signal

    with while_default(removed):
        yield


def writer_named(path: Path):
    """Who the note beside the file says holds the write lock, or None. A note left by a process that is no longer
    running on this host (killed by SIGKILL, or before notes went with their SIGTERM) names no one, and is dropped;
    so does one whose process id another process, started after the note was written, has taken since (safe40a)."""
    note = writer_note_path(path)
    try:
        text = note.read_text(encoding="utf-8")
        found = json.loads(text)
        named = Message("{command} by {user}, process {pid}, since {since}", command=found["command"],
                        user=found["user"] or "?", pid=found["pid"], since=found["since"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if found.get("host", _host()) == _host() and (not _running(found["pid"]) or _started_after(found["pid"], found["since"])):
        with contextlib.suppress(OSError):
            if note.read_text(encoding="utf-8") == text:  # not a note the next writer wrote meanwhile
                note.unlink()
        return None
    return named


def _host() -> str:
    """This machine's name, for a writer's note: socket is imported only when a note is written or read (it costs
    `status` a few milliseconds at start-up otherwise)."""
    import socket

    return socket.gethostname()


def _running(pid) -> bool:
    """Whether a process of this id runs on this host (signal 0 checks, sends nothing); True where that cannot
    be known (Windows: os.kill ends the process there)."""
    if os.name != "posix" or not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: another user's, running
        return True
    return True


def _started_after(pid, since) -> bool:
    """Whether the process of this id started after `since` (a note's local time, to the second): then it is not
    the note's writer, which wrote the note once it ran. Linux's /proc tells (the start in clock ticks after boot);
    False where it cannot be known."""
    try:
        with open(f"/proc/{int(pid)}/stat", encoding="ascii") as handle:
            ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/stat", encoding="ascii") as handle:
            boot = next(int(line.split()[1]) for line in handle if line.startswith("btime "))
        started = boot + ticks / os.sysconf("SC_CLK_TCK")
        # a minute's leeway: the boot time and the note are to the second, and the clock may have been set since boot
        return started > datetime.fromisoformat(since).timestamp() + 60
    except (OSError, ValueError, TypeError, IndexError, StopIteration, AttributeError):
        return False


def disk_full(error: BaseException) -> bool:
    """A write that failed for want of space: SQLite's SQLITE_FULL (through SQLAlchemy too) or the system's ENOSPC."""
    import errno

    error = getattr(error, "orig", None) or error
    return getattr(error, "sqlite_errorname", "") == "SQLITE_FULL" or "database or disk is full" in str(error) or (
        isinstance(error, OSError) and error.errno == errno.ENOSPC)


def wal_left(path: Path) -> int:
    """After a write refused for a full disk: its rolled-back pages are in the -wal, which stays as large as they
    made it (the disk stays full) until the last connection closes; truncated here (PRAGMA wal_checkpoint(TRUNCATE)
    needs no space). Returns the bytes still left in it (another process reading holds it open)."""
    wal = wal_of(path)
    folded_into_file(path, timeout=1)
    try:
        return wal.stat().st_size
    except OSError:
        return 0


def folded_into_file(path: Path, timeout: float = 0) -> bool | None:
    """The -wal beside an SQLite file folded into the file: PRAGMA wal_checkpoint(TRUNCATE), waiting up to `timeout`
    seconds for readers of an older snapshot (0: none; SQLite then checkpoints what it can, as PASSIVE, and says busy).
    True: every write is in the file now (a copy of the file alone is whole); False: some are only in the -wal (another
    connection reads a snapshot from before them: SQLite cannot copy them in under it); None: no -wal holding bytes,
    or one that cannot be checkpointed here (a read-only mount: nothing can be written there either). SQLite's answer
    is (busy, frames in the log, frames of it in the file): the write is whole in the file where the two counts agree,
    busy or not (busy then means only that a reader keeps the -wal from being truncated)."""
    if not holds_bytes(wal_of(path)):
        return None
    try:
        connection = sqlite3.connect(f"file:{quote(str(path))}?mode=rw", uri=True, timeout=timeout, isolation_level=None)
        try:
            _busy, log, done = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            connection.close()
    except (sqlite3.Error, OSError):
        return None
    return log == done


DATA_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'schema_version'"


def table_counts(connection: sqlite3.Connection) -> dict[str, int]:
    """Rows per table of an SQLite database of any schema version (a backup may be older): what db restore says."""
    names = [name for (name,) in connection.execute(DATA_TABLES)]
    return {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def schema_version_of(connection: sqlite3.Connection) -> int | None:
    """The schema version an mstrack database says, None where it has no schema_version table (not mstrack's)."""
    if not connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchall():
        return None
    return connection.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0


def read_begun(name: str, query: str, timeout: float, *, query_only: bool = False) -> sqlite3.Connection:
    """An SQLite file opened by its URI name (quoted) and `query` (mode=…), its read transaction begun: the first
    read opens the WAL index and takes the snapshot, so that a file that cannot be read fails here, the connection
    closed. For a store's reads (Connections._sqlite_reader) and a backup's (open_snapshot, query_only)."""
    connection = sqlite3.connect(f"file:{name}?{query}", uri=True, isolation_level=None, timeout=timeout)
    try:
        if query_only:
            connection.execute("PRAGMA query_only = 1")
        connection.execute("BEGIN")
        connection.execute("SELECT 1 FROM sqlite_master LIMIT 1")  # the read transaction, its snapshot, begins
    except BaseException:
        connection.close()
        raise
    return connection


def open_snapshot(path: Path, said: Path, timeout: float) -> sqlite3.Connection:
    """A backup opened as SQLite opens any database (its locks, its -wal read), query_only, its read transaction
    begun: what is checked, counted and copied from it is one snapshot however another process writes it meanwhile
    (immutable=1, without locks, let pages change during the copy: a torn restore). Read-write where the file is
    (the last connection's close removes the -wal and -shm it made), else read-only (they stay); immutable only
    where SQLite cannot make them (a read-only folder or mount) and there is no -wal to read; a -wal there cannot
    be read consistently: said so. `said`: the path as given, in messages."""
    wal = wal_of(path)

    def opened(query: str) -> sqlite3.Connection:
        # the name's own bytes, quoted: a backup named in GBK bytes (a Windows zip) is opened as it is named
        return read_begun(quote(os.fsencode(path)), query, timeout, query_only=True)

    error = None
    for query in ("mode=rw", "mode=ro"):
        try:
            return opened(query)
        except sqlite3.Error as found:
            error = found
            if not getattr(found, "sqlite_errorname", "").startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM")):
                break
    writable = os.access(path.parent, os.W_OK)
    if getattr(error, "sqlite_errorname", "").startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY")) and not writable:
        if holds_bytes(wal):
            raise InputError("{path}: cannot be read consistently here (a read-only folder or mount, and a -wal beside "
                             "it SQLite cannot open without writing beside it); nothing restored; copy the file and its "
                             "-wal somewhere writable first and restore from there", path=said)
        return opened("mode=ro&immutable=1")  # nothing can write it where SQLite cannot
    from mstrack.store.urls import reason

    raise InputError("{path}: not an SQLite database, nothing restored: {reason}", path=said, reason=reason(error))


def page_size_of(path: Path) -> tuple[int, bool] | None:
    """An SQLite file's page size and whether it is in WAL mode, read from its header (None: no header)."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return None
    size = int.from_bytes(header[16:18], "big")
    return (65536 if size == 1 else size), header[18] == 2


def another_programs_tables_of(connection) -> list[str]:
    """The tables that make an SQLite database another program's ([] where it is mstrack's or holds no table), read
    through sqlite3's own connection without writing: migrations.another_programs_tables, the one rule."""
    from mstrack.store.migrations import another_programs_tables

    names = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
    return another_programs_tables(names, schema_version_of(connection) if "schema_version" in names else None)


def unwritable(path: Path):
    """Why SQLite cannot write this existing file, as far as the system tells before anything is opened: a read-only
    mount (statvfs), a file this user may not write (its mode, or an attribute such as immutable: os.access), a
    folder where SQLite cannot make its -wal and -shm (or -journal); None where nothing stands in the way."""
    path = Path(os.path.realpath(path))
    with contextlib.suppress(OSError, AttributeError):
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            return Message("it is on a read-only mount")
    if not os.access(path, os.W_OK):
        return Message("the file is read-only for this user (its permissions, or an attribute such as immutable)")
    made = [wal_of(path), beside(path, "-shm")]
    if not os.access(path.parent, os.W_OK | os.X_OK) and not all(os.access(file, os.W_OK) for file in made):
        return Message("its folder {folder} cannot be written by this user (SQLite makes its -wal and -shm files there)",
                       folder=path.parent)
    return None


def read_leaves_beside(path: Path) -> tuple[Path, Path] | None:
    """Before a read opens a WAL database this user cannot write (an immutable file, another user's) with neither a
    -wal nor a -shm beside it: the two SQLite makes beside it to read and, the file read-only to it, leaves behind
    (an empty -wal and a -shm owned by this user); None on the ordinary path (one os.access: the file can be written)."""
    if os.access(path, os.W_OK):
        return None
    made = wal_of(path), beside(path, "-shm")
    return None if any(os.path.lexists(file) for file in made) else made


def remove_left_beside(made: tuple[Path, Path] | None) -> None:
    """After that read's connection closed: the -wal and -shm it made removed again, where the -wal is still empty
    (nothing was written through them) and no connection has the -shm open (a writer that connected during the
    read: removing the -shm under it would let the next connection make another, two indexes of one WAL)."""
    if made is None or holds_bytes(made[0]) or shm_in_use(made[1]):
        return
    for file in made:
        with contextlib.suppress(OSError):
            file.unlink()


def shm_in_use(shm: Path) -> bool:
    """Whether a connection (of any process, this one included) has the -shm open: each holds a read lock on its
    byte 128 (the unix VFS's DMS slot) while connected. Tested by an open-file-description lock (Linux), which a
    process's own locks also refuse and whose release leaves them alone; where there is none, in use (keep)."""
    import fcntl
    import struct

    if not hasattr(fcntl, "F_OFD_SETLK"):
        return True
    try:
        descriptor = os.open(shm, os.O_RDWR)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    try:
        fcntl.fcntl(descriptor, fcntl.F_OFD_SETLK, struct.pack("hhxxxxqqixxxx", fcntl.F_WRLCK, os.SEEK_SET, 128, 1, 0))
    except OSError:
        return True
    finally:
        os.close(descriptor)  # releases that lock only
    return False


def opening_reason(path: Path, error: Exception):
    """Why an SQLite file could not be opened: on a full disk SQLite says "disk I/O error" (it cannot make the
    -shm a read needs), said as the full disk it is (statvfs of its folder)."""
    from mstrack.store.urls import reason

    failed = getattr(error, "sqlite_errorname", "").startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_FULL"))
    if failed and nearly_full(path.parent):
        return Message("its disk is full ({reason}); free space on it and run the command again", reason=reason(error))
    return reason(error)


def nearly_full(folder: Path) -> bool:
    """Whether a folder's disk has next to no room left (under 64 kB for this user; root may use the reserve):
    what makes SQLite fail to open a file there with "disk I/O error"."""
    try:
        found = os.statvfs(folder)
    except OSError:
        return False
    return (found.f_bfree if os.geteuid() == 0 else found.f_bavail) * found.f_frsize < 65536
