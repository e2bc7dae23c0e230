"""What mstrack writes out: files replaced whole or not at all, never onto the database, and text
without the control characters a note may hold (domain/limits says which). Stdlib only: every command
that writes uses it. Cells of a CSV or .xlsx never open as formulas. JSON (dump_json, json_chunks) is made here too, for
every command's --format json: an import's start loads no renderer of the status (nor model's classes).

A file is written to a temporary file beside its target (0600 while written, flushed and fsynced) and
renamed over the target only when complete: a full disk, a file-size limit, an error or Ctrl-C midway
leaves the old file as it was and no temporary file behind. A new file made to be shared (a report, an
export) then gets the mode the user's umask gives, as `cp` would; a backup of the database stays 0600.
A target that is not a regular file (a device, a FIFO, a socket), or that is the process's own stdout or
stderr (-o /dev/stdout, whatever fd 1 is), is written into once the contents are complete, never replaced.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date, datetime
from pathlib import Path

from mstrack import filesystem
from mstrack.domain.limits import SHOWN_CONTROL_RE
from mstrack.filesystem import companion_of
from mstrack.render.temporaries import (  # noqa: F401 (outputs' names before render/temporaries held them)
    DATABASE_COMPANIONS,
    PART_ADDED,
    PART_COMPANIONS,
    PATH_ROOM,
    hold_part,
    part_added,
    part_prefix,
    part_room,
    remove_database,
    remove_stale_parts,
)


def marked_text(text: str) -> str:
    """A Markdown or HTML report with mstrack's mark as its last line (vocabulary.MARKDOWN_MARK): the version, and the
    digest of the text before it as written (its control characters dropped, as write_content and write_out drop them),
    so that -o replaces the file only while it holds what mstrack wrote (sources/forms.document_held)."""
    from mstrack import __version__
    from mstrack.vocabulary import MARKDOWN_MARK, text_digest

    text = clean_text(text)
    return f"{text}{MARKDOWN_MARK.format(version=__version__, digest=text_digest(text.encode('utf-8')))}\n"


def stamped_zip(data: bytes) -> bytes:
    """A Word or Excel report's bytes with vocabulary.ZIP_MARK as their ZIP comment (the digest of the parts written):
    -o replaces the file only while it holds those parts (sources/forms.zip_unchanged)."""
    import io
    import zipfile

    from mstrack.vocabulary import ZIP_MARK, zip_digest

    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.comment = ZIP_MARK.format(digest=zip_digest(archive.infolist())).encode("ascii")
    return buffer.getvalue()


def clean_text(text: str) -> str:
    """Text from the data as it may be shown or written: control characters dropped, tab and newline kept.
    A note holding ESC[2J prints as the visible "[2J", never as a command to the terminal."""
    return SHOWN_CONTROL_RE.sub("", text) if SHOWN_CONTROL_RE.search(text) else text


SHOWN_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])
"""SHOWN_CONTROL_RE's ASCII part as UTF-8 bytes; its C1 part (U+0080-U+009F) is 0xC2 0x80-0x9F in UTF-8."""
NONCHARACTER_BYTES = ("\ufffe".encode(), "\uffff".encode())
"""SHOWN_CONTROL_RE's last two, U+FFFE and U+FFFF, in UTF-8."""


def clean_utf8(text: str, errors: str = "strict") -> bytes:
    """clean_text(text) encoded as UTF-8, byte for byte, checked on the bytes the output encodes anyway:
    deleting the control bytes from a copy in C is a third of a regular expression's search over the text.
    A 0xC2 byte (a C1 control, or a character such as the middle dot) or U+FFFE / U+FFFF sends the text to clean_text."""
    data = text.encode("utf-8", errors)
    if b"\xc2" in data or len(data.translate(None, SHOWN_CONTROL_BYTES)) != len(data) or NONCHARACTER_BYTES[0] in data \
            or NONCHARACTER_BYTES[1] in data:
        return clean_text(text).encode("utf-8", errors)
    return data


def clean_value(value):
    """A cell's value with clean_text applied when it is a string; numbers and dates as they are."""
    return clean_text(value) if isinstance(value, str) else value


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value):
    """Text bound for a CSV cell cannot start a formula when the file is opened in Excel/WPS (a leading
    apostrophe, as OWASP advises); numbers and dates pass as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_cells_as_text(worksheet) -> None:
    """In .xlsx every string is stored as text: "=1+1" in a task title stays words, never a formula."""
    for row in worksheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"


def database_files(database: Path | None) -> list[Path]:
    """The SQLite database file and its companions (none for a server: None), as the store finds them beside it."""
    return [] if database is None else filesystem.database_files(database)


def is_database_file(path: Path, database: Path | None) -> bool:
    """Whether writing `path` would write over the database file (store.urls.sqlite_file of the URL: every spelling)
    or one of its companions, however the path is spelled (filesystem.same_file: relative path, symlink, hard link),
    or the name of a companion SQLite has not made yet."""
    return any(filesystem.same_file(path, database_file) for database_file in database_files(database))


SQLITE_HEADER = b"SQLite format 3\x00"
"""The first 16 bytes of every SQLite database file, whichever program made it."""
COMPANION_HEADERS = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83", b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7")
"""How a write-ahead log (either byte order) and a rollback journal begin: a -wal or -journal known by its bytes."""


def sqlite_database_of(path: Path) -> Path | None:
    """The SQLite database that writing `path` would destroy, whichever program's it is: `path` itself when
    its first bytes are SQLite's header, the database beside it when `path` is named as its -wal, -shm or
    -journal file (by the name given or the file a symlink names), or `path` when its bytes are a WAL's or a
    journal's whose database is gone. Hard links are the same file, found by their bytes. None otherwise.
    Used by every -o (cli/printing.refuse_database) and wherever else a file is written over."""
    real = Path(os.path.realpath(path))
    if _begins_with(real, (SQLITE_HEADER,)):
        return real
    for name in dict.fromkeys((str(path), str(real))):
        database = companion_of(name)
        if database is not None and _begins_with(Path(database), (SQLITE_HEADER,)):
            return Path(os.path.realpath(database))
    if _begins_with(real, COMPANION_HEADERS):
        return real
    return None


def _begins_with(path: Path, headers: tuple[bytes, ...]) -> bool:
    """Whether a regular file's first bytes are one of `headers`; a file that cannot be read is not one."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO would wait for a writer; a device is no database
            return False
        with open(path, "rb") as handle:
            first = handle.read(max(len(header) for header in headers))
    except OSError:
        return False
    return first.startswith(headers)


def umask_mode() -> int:
    """The mode a new file gets from the user's umask (0644 under the usual 022): how any tool makes a file."""
    mask = os.umask(0o077)
    os.umask(mask)
    return 0o666 & ~mask


def own_stream(found: os.stat_result) -> int | None:
    """The descriptor (1 or 2) of this process's stdout or stderr when `found` is that file: -o /dev/stdout
    names fd 1 however the shell opened it (a pipe, a terminal, `>>` a file: O_APPEND kept)."""
    for descriptor in (1, 2):
        try:
            if os.path.samestat(found, os.fstat(descriptor)):
                return descriptor
        except OSError:
            continue
    return None


def written_in_place(target: Path) -> bool:
    """Whether `target` is written into rather than replaced: it exists and is not a regular file (a
    character device, a FIFO, a socket), or it is the process's own stdout or stderr. Replacing those
    turned /dev/null, a FIFO or a log appended to with `>>` into a new regular file."""
    try:
        found = os.stat(target)
    except OSError:  # a new file, or one that cannot be looked at: the rename path says why
        return False
    return not stat.S_ISREG(found.st_mode) or own_stream(found) is not None


@contextmanager
def replacing_path(target: Path, before_rename=None, private: bool = False, new_only: bool = False) -> Iterator[Path]:
    """A temporary path beside `target` to write the new contents to; on a clean exit they replace the
    target at once (fsync, then rename), on any error or interrupt the temporary file goes and the target
    is untouched. For writers that want a path (SQLite's backup, openpyxl's save); `replacing` gives a
    file object. A symlinked target keeps its link: the file it points to is replaced. A new file follows
    the umask (umask_mode), or stays 0600 when `private` (a copy of the database: reporters' names and
    notes); a file replaced keeps its mode. `before_rename()` runs once the contents are on disk: an
    error there leaves the target as it was. A target written in place (written_in_place) gets the
    complete contents copied into it instead of a rename, and `before_rename()` after that copy succeeded (a device
    that fails the copy, /dev/full, is never said written). `new_only`: the target must not exist when the contents
    are complete (a file made meanwhile is never written over: FileExistsError, the target untouched, before_rename
    not run); the new file is linked first, and removed again when before_rename fails."""
    import tempfile

    if written_in_place(target):
        with tempfile.TemporaryDirectory(prefix="mstrack-") as directory:
            temporary = Path(directory) / Path(target).name
            yield temporary
            _copy_into(temporary, target)  # said written (before_rename) only once it is: a full /dev/full never is
            if before_rename is not None:
                before_rename()
        return
    final = Path(os.path.realpath(target))
    descriptor, temporary = tempfile.mkstemp(dir=final.parent, prefix=part_prefix(final), suffix=".part")
    try:
        hold_part(descriptor)
        try:
            os.fchmod(descriptor, os.stat(final).st_mode & 0o7777)
        except FileNotFoundError:  # a new file: as the umask says, or as mkstemp made it (0600)
            if not private:
                os.fchmod(descriptor, umask_mode())
        yield Path(temporary)
        os.fsync(descriptor)  # the same file, whoever wrote it
        if new_only:  # the name taken first, so that a file made meanwhile is refused before before_rename() says
            _link_new(temporary, final)  # anything; an error in it then takes this file away again
            _new_said(final, descriptor, before_rename)
        else:
            if before_rename is not None:
                before_rename()
            os.replace(temporary, final)
    except BaseException:
        remove_database(Path(temporary))  # with what SQLite made beside it (a full disk left a -journal)
        raise
    finally:
        os.close(descriptor)
    _sync_directory(final.parent)


def path_problem(path, output: bool = True):
    """Why the file system cannot hold a file at this path, or None: a part of it longer than a name can be
    (filesystem.name_problem, the one check of a name's length), or, for a file to write (`output`), a whole path
    longer than the system takes (PATH_ROOM): a folder made, then nothing written into it."""
    from mstrack.errors import Message
    from mstrack.filesystem import name_problem

    if problem := name_problem(path):
        return problem
    if output:
        try:
            size = len(os.fsencode(os.path.abspath(path)))
        except OSError:  # the working directory gone: said by whatever opens the file
            return None
        if size > PATH_ROOM:
            return Message("the path is longer than mstrack can write ({n} bytes, at most {limit})", n=size,
                           limit=PATH_ROOM)
    return None


def link_problem(path, folder: bool = False):
    """What a path that nothing can be written through is, or None: a loop of symbolic links, or a symbolic link to
    nothing there whose own folder is not there either (no file can be made where it points). A link to a file not
    there yet in a folder that is there passes: the file it names is written, the link kept, as any -o through a
    link. A `folder` to make (--each-unit's -o) cannot be made through a link at all: one to nothing is said."""
    from mstrack.errors import Message

    try:
        os.stat(path)
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Message("is a loop of symbolic links (each names the next, none a file or a folder)")
        if error.errno != errno.ENOENT or not os.path.islink(path):
            return None  # nothing there (a new file), or a reason the write itself says
    points = os.readlink(path)
    if folder or not os.path.isdir(os.path.dirname(os.path.realpath(path))):
        return Message("is a symbolic link to {link}, which does not exist", link=points)
    return None


def link_written(path):
    """The symbolic link's words and the file a write through it makes, (link, file), where `path` is a link to
    nothing there yet (written through, link_problem); None otherwise."""
    if not os.path.islink(path) or os.path.exists(path):
        return None
    return os.readlink(path), os.path.realpath(path)


HELD_FOLDERS: set[tuple[int, int]] = set()
"""The folders (device, inode) this process holds for a set of files (writing_into): its own writes into them take
no shared hold, which its own exclusive one would refuse (flock's locks are each open file's, not the process's)."""


@contextmanager
def writing_into(folder: Path, shared: bool = False) -> Iterator[None]:
    """`folder` held by this run while it writes a set of files into it (--each-unit's notices), so that two runs at
    once never leave a mix of both: an exclusive flock on the folder itself, as temporaries.hold_part's on a part (no lock file to
    leave behind; gone with the process however it ends). BlockingIOError when another run holds it. `shared`: held
    by one file's write into it (any -o), so that such a set is never written around it: many at once, but none while
    a set is written (BlockingIOError), and the set refused while one is. Nothing held where the system or the file
    system has no flock (Windows, some network mounts), or where the folder cannot be opened (the write says why)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # a folder that cannot be opened: writing its files says why
        yield
        return
    key = None
    try:
        found = os.fstat(descriptor)
        if not (shared and (found.st_dev, found.st_ino) in HELD_FOLDERS):
            try:
                fcntl.flock(descriptor, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
            except BlockingIOError:
                raise
            except OSError:  # no flock here
                pass
            else:
                if not shared:
                    key = found.st_dev, found.st_ino
                    HELD_FOLDERS.add(key)
        yield
    finally:
        if key is not None:
            HELD_FOLDERS.discard(key)
        os.close(descriptor)


def _new_said(final: Path, descriptor: int, before_rename) -> None:
    """`before_rename()` after a new-only link put the file in place: on any error or interrupt there, the file is
    removed again while it is still this one (the descriptor's), so that a confirmation that cannot be printed leaves
    no file, as it does where the rename comes after it."""
    if before_rename is None:
        return
    try:
        before_rename()
    except BaseException:
        with suppress(OSError):
            if os.path.samestat(os.stat(final), os.fstat(descriptor)):
                os.unlink(final)
        raise


def _link_new(temporary: str, final: Path) -> None:
    """`temporary` renamed to `final` only if no file is there: a hard link fails on an existing name at once
    (no window between a check and the rename); where the file system has no hard links, a check then the rename."""
    try:
        os.link(temporary, final)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(final):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(final)) from None
        os.replace(temporary, final)
        return
    os.unlink(temporary)


def _copy_into(source: Path, target: Path) -> None:
    """The contents of `source` written into `target` as it is: the process's own stdout or stderr through
    its descriptor (its offset and O_APPEND as the shell set them), anything else opened for writing
    without truncation or creation (a FIFO waits for its reader, as `cat > fifo` does)."""
    descriptor = own_stream(os.stat(target))
    opened = descriptor is None
    if opened:
        descriptor = os.open(target, os.O_WRONLY | os.O_NOCTTY)
    try:
        with open(source, "rb") as contents:
            while chunk := contents.read(1 << 20):
                view = memoryview(chunk)
                while view:
                    view = view[os.write(descriptor, view):]
    finally:
        if opened:
            os.close(descriptor)


@contextmanager
def replacing(target: Path, mode: str = "wb", encoding: str | None = None) -> Iterator:
    """A file object for the new contents of `target`, replaced at once as `replacing_path` says."""
    with replacing_path(target) as temporary, open(temporary, mode, encoding=encoding) as handle:
        yield handle


def _sync_directory(directory: Path) -> None:
    """The rename itself on disk: a crash right after it finds the new file, not the old or none."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _json_default(value):
    """A day as ISO text; an instant (a report's entered_at, a batch's created_at) to the second with its offset, one
    format in every document (show, history, batches, the reports): a script joins them by it."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2, default=_json_default)  # what json.dumps would make


def dump_json(data) -> str:
    """Plain data as indented JSON (dates as ISO text), with a final newline."""
    return _ENCODER.encode(data) + "\n"


def json_chunks(data, tokens: int = 8192):
    """dump_json's text, byte for byte, in pieces of `tokens` encoder tokens (a few hundred kB), to be written
    as they come: a weekly report charting 685,000 points was one string of ~100 MB, built from ~7,000,000
    token strings held at once (the report's memory peak, ~860 MB at the province's size)."""
    pieces: list[str] = []
    for piece in _ENCODER.iterencode(data):
        pieces.append(piece)
        if len(pieces) == tokens:
            yield "".join(pieces)
            pieces.clear()
    pieces.append("\n")
    yield "".join(pieces)
