"""The one check every reader makes before it opens a file: readable, not empty, not too large (domain/limits), and a
zip (.xlsx, .ods, .docx) not unpacking to more than mstrack reads."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from mstrack.domain.limits import MAX_FILE_BYTES, MAX_PACKED_RATIO, MAX_UNZIPPED_BYTES
from mstrack.domain.reasons import LOCK_FILE, PASSWORD, os_reason, reader_reason
from mstrack.errors import InputError, Message


def check_file_size(path: Path, limit: int = MAX_FILE_BYTES) -> int:
    """The file's size, after refusing a missing, unreadable, empty or too large file, a directory, or what is no
    regular file (a pipe: `<(iconv …)`, /dev/stdin; a device), before anything reads it."""
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    except OSError as error:
        raise cannot_read(path, error) from None
    if not stat.S_ISREG(status.st_mode):  # its size says nothing (0): "empty" of a pipe full of rows was false
        raise InputError("{path}: not a regular file (a pipe, a device or a socket); mstrack reads only a file "
                         "it can measure and read again: save it to a file first and give that", path=path)
    size = status.st_size
    if size == 0:
        raise InputError("{path}: the file is empty", path=path)
    if size > limit:
        raise InputError("{path}: {size} MB is more than mstrack reads in one file ({limit} MB); split it", path=path,
                         size=size // (1024 * 1024), limit=limit // (1024 * 1024))
    if not os.access(path, os.R_OK):
        raise cannot_read(path, PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path)))
    if path.suffix.lower() in ZIPPED_SUFFIXES or _zip_head(path):
        check_unzipped(path)
    return size


ZIPPED_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".docx")
"""Zip containers: calamine, the .ods scan and python-docx unpack their parts."""


def _zip_head(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def check_unzipped(path: Path) -> None:
    """A zip bomb refused from the zip's directory, before any reader unpacks a part of it: a part that unpacks to more
    than MAX_FILE_BYTES packed more than MAX_PACKED_RATIO to 1 (one repeated character: a 1 GB cell is 1 MB on disk,
    and calamine asked for 3.3 GB a GB of it), or parts unpacking to more than MAX_UNZIPPED_BYTES in all. A file
    whose directory cannot be read is left to its reader, which says why it cannot read it."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError):
        return
    for member in members:
        if member.file_size > MAX_FILE_BYTES and member.file_size > MAX_PACKED_RATIO * member.compress_size:
            raise InputError("{path}: {kind} {part} unpacks to {size} MB from {packed} KB in the file; mstrack reads no part "
                             "over {limit} MB packed more than {ratio} to 1 (a zip bomb, or a damaged file)", path=path,
                             kind=_part_kind(member.filename), part=member.filename, size=member.file_size >> 20,
                             packed=max(1, member.compress_size >> 10), limit=MAX_FILE_BYTES >> 20, ratio=MAX_PACKED_RATIO)
    unzipped = sum(member.file_size for member in members)
    if unzipped > MAX_UNZIPPED_BYTES:
        raise InputError("{path}: unpacks to {size} MB, more than mstrack reads ({limit} MB)", path=path, size=unzipped >> 20,
                         limit=MAX_UNZIPPED_BYTES >> 20)


def _part_kind(name: str) -> Message:
    """What a zip's part holds, by its name, for the user who never saw one: the sheet, the shared strings …"""
    name = name.lower()
    if name.endswith("sharedstrings.xml"):
        return Message("the shared strings")
    if name.startswith("xl/worksheets/"):
        return Message("the sheet")
    if name == "content.xml":
        return Message("the sheets' content")
    if name == "word/document.xml":
        return Message("the document's text")
    return Message("the part")


def cannot_read(path: Path, error: OSError) -> InputError:
    """A file that cannot be opened, with the system's reason (in Chinese under --lang zh)."""
    return InputError("{path}: cannot read: {reason}", path=path, reason=os_reason(error))


def unreadable(path: Path, error: Exception, suffix: str | None = None) -> InputError:
    """A damaged file of a kind mstrack reads: named with its kind (`suffix`, else the path's) and the reader's
    own words, cut short (domain.reasons.reader_reason); a file saved with a password, said so instead of
    the reader's words ("File is not a zip file" sent the user looking for damage)."""
    reason = LOCK_FILE if is_lock_file(path) else PASSWORD if saved_with_password(path) else reader_reason(error)
    return InputError("{path}: not a readable {suffix} file ({reason})", path=path, suffix=suffix or path.suffix.lower(),
                      reason=reason)


def not_text(path: Path, error: InputError) -> InputError:
    """A text reader's refusal (binary content, no known encoding), unless the file is a lock file: then named as
    one, by the words every reader uses (unreadable), since "~$报送.csv" is one too."""
    return unreadable(path, error) if is_lock_file(path) else error


LOCK_FILE_BYTES = 4096
"""A lock file is a line of its owner's name: 162 or 165 bytes, as Excel and WPS write it."""


def is_lock_file(path: Path) -> bool:
    """Excel's and WPS's "~$报送.xlsx", beside 报送.xlsx while it is open (hidden in Windows Explorer, so a folder's
    *.xlsx takes it in): asked only once a reader has refused the file."""
    try:
        return path.name.startswith("~$") and path.stat().st_size <= LOCK_FILE_BYTES
    except OSError:
        return False


OLE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")


def saved_with_password(path: Path) -> bool:
    """Whether the file is an Office document (.xlsx, .docx …) saved with a password: what Excel, WPS and
    LibreOffice write then is no zip archive but an OLE compound file whose directory holds an "EncryptionInfo"
    stream beside the "EncryptedPackage" (MS-OFFCRYPTO). Asked only once a reader has refused the file; a file
    that is no OLE file, or whose directory cannot be read, is not one."""
    return "EncryptionInfo" in _ole_streams(path)


def folder_and_name(path: Path) -> str:
    """A file as a batch's source names it: its folder and its name ("住建局/报送表.xlsx"), or its name alone where it was
    given with no folder: two units' returns under one name (a/报送表.xlsx, b/报送表.xlsx) are told apart in `batches`
    (safety49 F2), without the whole path of a file dragged onto the terminal."""
    from mstrack.errors import readable_name

    return readable_name(f"{path.parent.name}/{path.name}" if path.parent.name else path.name)


# What a file is, by its first bytes: office systems' "export to Excel" writes a web page named .xls, a user renames
# an .xlsx to .xls or saves CSV text as .xlsx; each is read as what it is, its name said not to match (read_as).
_NAMED = {".xls": "ole", ".xlsx": "zip", ".xlsm": "zip", ".ods": "zip", ".docx": "zip", ".html": "html", ".htm": "html",
          ".csv": "text", ".tsv": "text", ".txt": "text"}
"""The content each suffix mstrack reads names: an OLE compound file, a zip, a web page or text."""
ZIP_SIGNATURE = b"PK\x03\x04"
HEAD_BYTES = 1024


def _head(path: Path) -> bytes:
    """The first bytes of a regular file; none of anything else (a pipe's open waits for a writer: check_file_size
    refuses it, after this) or of a file that cannot be read (its reader says why)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return b""
        with path.open("rb") as handle:
            return handle.read(HEAD_BYTES)
    except OSError:
        return b""


def _content(head: bytes) -> str:
    """The kind of content the file's first bytes show (_NAMED's values)."""
    if head.startswith(OLE_SIGNATURE):
        return "ole"
    if head.startswith(ZIP_SIGNATURE):
        return "zip"
    for mark, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(mark):
            head = head[len(mark):].decode(encoding, errors="ignore").encode("utf-8")
            break
    else:
        if b"\x00" in head or not _decodes(head):  # no text (UTF-16 without its mark is a text reader's own guess)
            return "binary"
    lowered = head.lstrip().lower()
    if lowered.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in lowered:
        return "xml-sheet"  # Excel 2003's XML spreadsheet, another "export to Excel"
    if lowered.startswith(b"<") and any(tag in lowered for tag in (b"<html", b"<table", b"<!doctype html", b"<meta")):
        return "html"
    return "text"


def _decodes(head: bytes) -> bool:
    """Whether the first bytes read as UTF-8 or GB18030 text, a character cut at their end allowed."""
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as error:
            if error.start >= len(head) - 4 and len(head) == HEAD_BYTES:
                return True
    return False


def content_suffix(path: Path) -> str | None:
    """The suffix the file's content calls for, where it is not the kind its name says and mstrack reads that
    content (.xls, .xlsx, .ods, .docx, .html, .csv); None where the name fits, the file cannot be read (its reader
    says why) or its content is none mstrack reads (a zip of other files, a password: its reader refuses it). Two
    kinds in one container are told apart by their parts: an .ods named .xlsx (both zips), a Word 97 .doc named .xls
    (both OLE), which is refused here, under any name, saying to save it as .docx (no reader of mstrack's takes it)."""
    named = _NAMED.get(path.suffix.lower())
    if not (head := _head(path)):
        return None
    content = _content(head)
    if content == "ole":
        kind = _ole_kind(path)
        return kind if named is not None and kind not in (None, path.suffix.lower()) else None
    if named is None or content == "binary":
        return None
    if content == "zip":
        kind = zipped_kind(path)
        return None if kind is None or kind == _SAME_PARTS.get(path.suffix.lower(), path.suffix.lower()) else kind
    if content == named:
        return None
    if content == "xml-sheet":
        raise InputError("{path}: its content is an Excel 2003 XML spreadsheet, which mstrack does not read: open it in "
                         "Excel or WPS and save it as .xlsx", path=path)
    return ".html" if content == "html" else ".csv"


_SAME_PARTS = {".xlsm": ".xlsx"}
"""A suffix whose zip holds the parts of another kind's (a macro workbook's are a workbook's)."""
WORD_97 = Message("{path}: its content is a Word 97-2003 document (.doc), which mstrack does not read: open it in Word "
                  "or WPS and save it as .docx (File → Save As → Word Document), then give the .docx")


def _ole_kind(path: Path) -> str | None:
    """An OLE compound file's kind by its streams: a workbook (.xls); a Word 97 document refused (WORD_97); None for
    any other (a password's EncryptedPackage, a damaged directory: its reader says why)."""
    if {"Workbook", "Book"} & _ole_streams(path):
        return ".xls"
    if word_97(path):
        raise InputError(WORD_97, path=path)
    return None


def word_97(path: Path) -> bool:
    """Whether the file is a Word 97-2003 document (.doc), by its OLE streams, whatever its name."""
    return "WordDocument" in _ole_streams(path)


def table_kind(path: Path) -> str | None:
    """The sheet or document a file is, by its content (a workbook, a Word document, a web page) or, for text, by its
    name (.csv, .tsv): what `import plan` refuses as no plan, naming `import table`; None for any other text."""
    if not (head := _head(path)):
        return None
    content = _content(head)
    if content == "xml-sheet":
        return ".xls"
    if content == "ole":  # a Word 97 document named: `import plan` says where it leads (.docx, then import table)
        return ".doc" if word_97(path) else _ole_kind(path)
    if content == "zip":
        return zipped_kind(path)
    if content == "html":
        return ".html"
    suffix = path.suffix.lower()
    return ".csv" if _NAMED.get(suffix) not in (None, "text") else suffix if suffix in (".csv", ".tsv") else None


def zipped_kind(path: Path) -> str | None:
    """An Office or OpenDocument file by the parts its zip holds (.xlsx, .docx, .ods, by an ODF zip's `mimetype`);
    None for another zip or one whose directory cannot be read."""
    return _looked_at(path, _zipped_parts)


def _zipped_parts(path: Path) -> str | None:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError, KeyError):
        return None
    if "xl/workbook.xml" in names:
        return ".xlsx"
    if "word/document.xml" in names:
        return ".docx"
    return ".ods" if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet") else None


_LOOKED: dict = {}
"""What zipped_kind and _ole_streams found, by the file as it is (_as_it_is): each reader asks again."""

ENDS_BYTES = 4096
"""The bytes at either end of a file _as_it_is reads: a zip's directory (the parts that make its kind) is at its end,
an OLE file's header (where its directory lies) at its start."""


def _as_it_is(path: Path, status: os.stat_result) -> tuple:
    """The file as it is now: its device, inode, size and times, and a digest of its first and last bytes. The times
    alone were trusted before input55, and a file rewritten in place to the same size, its mtime put back (touch -r,
    a copy keeping times) or within one tick of the clock, was read by its old kind (an .ods that had become an .xlsx
    refused as a damaged .ods, in a process that reads files twice: a test run, a caller of the library); its ctime,
    which no tool sets back, and its ends tell it now (what its reader then reads is the file's bytes, so a kind
    out of date was a wrong refusal, never wrong figures)."""
    import hashlib

    digest = hashlib.blake2b(digest_size=16)
    with path.open("rb") as handle:
        digest.update(handle.read(ENDS_BYTES))
        if status.st_size > ENDS_BYTES:
            handle.seek(max(ENDS_BYTES, status.st_size - ENDS_BYTES))
            digest.update(handle.read(ENDS_BYTES))
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns, digest.digest())


def _looked_at(path: Path, look):
    """look(path), once for a file as it is (_as_it_is): every reader of a file asks its kind (read_as), and an OLE
    file's directory is parsed from the whole file."""
    try:
        key = (look, str(path), *_as_it_is(path, path.stat()))
    except OSError:
        return look(path)
    if key not in _LOOKED:
        if len(_LOOKED) > 64:
            _LOOKED.clear()
        _LOOKED[key] = look(path)
    return _LOOKED[key]


CONTENT_NAMES = {".xls": Message("an old Excel workbook (.xls)"), ".xlsx": Message("an Excel workbook (.xlsx)"),
                 ".ods": Message("an OpenDocument workbook (.ods)"), ".docx": Message("a Word document (.docx)"),
                 ".html": Message("a web page (HTML, as office systems' \"export to Excel\" write)"),
                 ".csv": Message("text (CSV)"), ".tsv": Message("text (TSV)")}
"""What a file's content is, for a user told that its name says otherwise."""


def read_as(path: Path, notes: list | None = None) -> str:
    """The suffix to read the file by: its own, or the one its content calls for (content_suffix), said in `notes`
    once per file as the warning that its name does not fit."""
    suffix = content_suffix(path)
    if suffix is None:
        return path.suffix.lower()
    if notes is not None:
        notes.append(Message("{path}: its content is {what}, not the {named} its name says: read as such (rename it "
                             "{suffix}, or open it in Excel or WPS and save it as .xlsx)", path=path, what=CONTENT_NAMES[suffix],
                             named=path.suffix.lower(), suffix=suffix))
    return suffix


def _ole_streams(path: Path) -> frozenset[str]:
    """The names in an OLE compound file's directory; none where it cannot be read."""
    return _looked_at(path, _ole_directory)


def _ole_directory(path: Path) -> frozenset[str]:
    import io
    import struct

    from xlrd.compdoc import CompDoc, CompDocError

    try:
        with path.open("rb") as handle:
            if handle.read(len(OLE_SIGNATURE)) != OLE_SIGNATURE:
                return frozenset()
            data = OLE_SIGNATURE + handle.read(MAX_FILE_BYTES)
        return frozenset(entry.name for entry in CompDoc(data, logfile=io.StringIO()).dirlist)
    except (OSError, CompDocError, AssertionError, IndexError, KeyError, ValueError, TypeError, EOFError, struct.error):
        return frozenset()


def calamine_workbook(path: Path):
    """calamine's workbook of the file: opened by its name's suffix, as calamine picks its reader, or by its content
    where its name does not fit it (an .xlsx named .xls: calamine's .xls reader refused it as "Invalid OLE")."""
    from python_calamine import CalamineWorkbook

    if content_suffix(path) is None:
        return CalamineWorkbook.from_path(path)
    with path.open("rb") as handle:
        return CalamineWorkbook.from_filelike(handle)
