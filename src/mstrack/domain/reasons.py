"""The reasons others give, as messages: the operating system's (errno), a damaged file's reader (a .xlsx or
.docx that is not a zip archive) and the TOML parser's. Each message's English is the text those give, byte
for byte, so English output is as it was; the catalogue (labels/reasons.json) says it in Chinese. A reason
not known here passes as it is."""

from __future__ import annotations

import errno
import re

from mstrack.errors import Detail, Message
from mstrack.text import one_line

OS_REASONS = {
    errno.ENOENT: Message("No such file or directory"),
    errno.EACCES: Message("Permission denied"),
    errno.EPERM: Message("Operation not permitted"),
    errno.EISDIR: Message("Is a directory"),
    errno.ENOTDIR: Message("Not a directory"),
    errno.EROFS: Message("Read-only file system"),
    errno.ENOSPC: Message("No space left on device"),
    errno.EDQUOT: Message("Disk quota exceeded"),
    errno.EFBIG: Message("File too large"),
    errno.ENAMETOOLONG: Message("File name too long"),
    errno.ELOOP: Message("Too many levels of symbolic links"),
    errno.EPIPE: Message("Broken pipe"),
    errno.EIO: Message("Input/output error"),
    errno.EEXIST: Message("File exists"),
    errno.EBUSY: Message("Device or resource busy"),
}
"""The errors a file named on the command line meets, by errno, as Linux words them (os.strerror)."""


def os_reason(error: OSError):
    """Why a file operation failed, as the system says it: a message where the system's words are the ones
    OS_REASONS knows (another system's wording passes as it is, never replaced by Linux's), else its own."""
    known = OS_REASONS.get(error.errno)
    if known is not None and known == error.strerror:
        return known
    return error.strerror or error


DATABASE_REASONS = {message: message for message in (
    Message("unable to open database file"),
    Message("file is not a database"),
    Message("database is locked"),
    Message("database disk image is malformed"),
    Message("attempt to write a readonly database"),
    Message("disk I/O error"),
    Message("database or disk is full"),
)}
"""SQLite's reasons a database named by --db meets, in its own words."""


def database_reason(text: str):
    """A database driver's one line of reason: a message where it is one of SQLite's known words, else as it is."""
    return DATABASE_REASONS.get(text, text)


DAMAGED = Message("damaged, cut short, or another kind of file under this name")
"""What any reader's error on a file of its kind comes to, for a user who cannot act on the reader's words."""

DAMAGED_ZIP = Message("a damaged zip archive: the file is cut short or altered")

PASSWORD = Message("protected by a password: save a copy without one")

LOCK_FILE = Message("the lock file Excel or WPS keeps while the workbook is open, not a workbook: leave it out")


def reader_reason(error: Exception):
    """Why a reader could not read a file of its kind, as "KIND: its words" cut short. A file that is no zip
    archive at all (a .xlsx or .docx damaged, or another file renamed) is said plainly in Chinese; any other
    reader's words (calamine's "Cfb error: …" for an .xls, an XML or deflate error …) are kept in English
    and said in Chinese by what they come to (errors.Detail), since their own words cannot be translated."""
    kind, text = type(error).__name__, one_line(str(error)[:200])  # a Rust panic's words run over lines
    if (kind, text) == ("BadZipFile", "File is not a zip file"):
        return Message("BadZipFile: File is not a zip file")
    if (kind, text) == ("ZipError", "invalid Zip archive: Could not find EOCD"):  # calamine's words for it
        return Message("ZipError: invalid Zip archive: Could not find EOCD")
    words = f"{kind}: {text}"
    if kind in ("BadZipFile", "ZipError"):
        return Detail(words, gist=DAMAGED_ZIP)
    if "password" in text.lower() or "encrypt" in text.lower():
        return Detail(words, gist=PASSWORD)
    return Detail(words, gist=DAMAGED)


_TOML_AT = re.compile(r"(?P<what>.+) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)", re.DOTALL)

_TOML_PROBLEMS = {message: message for message in (
    Message("Cannot overwrite a value"),
    Message("Escaped character is not a Unicode scalar value"),
    Message("Expected '=' after a key in a key/value pair"),
    Message("Expected ']' at the end of a table declaration"),
    Message("Expected ']]' at the end of an array declaration"),
    Message("Expected newline or end of document after a statement"),
    Message("Invalid date or datetime"),
    Message("Invalid hex value"),
    Message("Invalid initial character for a key part"),
    Message("Invalid statement"),
    Message("Invalid value"),
    Message("Unclosed array"),
    Message("Unclosed inline table"),
    Message("Unescaped '\\' in a string"),
    Message("Unterminated string"),
)}
"""tomllib's fixed words (Python 3.11 to 3.13)."""

_TOML_NAMING = (
    (re.compile(r"Cannot declare (?P<key>.+) twice"),
     lambda key: Message("Cannot declare {key} twice", key=toml_key(key))),
    (re.compile(r"Cannot mutate immutable namespace (?P<key>.+)"),
     lambda key: Message("Cannot mutate immutable namespace {key}", key=toml_key(key))),
    (re.compile(r"Cannot redefine namespace (?P<key>.+)"),
     lambda key: Message("Cannot redefine namespace {key}", key=toml_key(key))),
    (re.compile(r"Duplicate inline table key (?P<key>.+)"),
     lambda key: Message("Duplicate inline table key {key}", key=toml_key(key))),
    (re.compile(r"Found invalid character (?P<key>.+)"), lambda key: Message("Found invalid character {key}", key=key)),
    (re.compile(r"Illegal character (?P<key>.+)"), lambda key: Message("Illegal character {key}", key=key)),
    (re.compile(r"Expected (?P<key>'.+')"), lambda key: Message("Expected {key}", key=key)),
)
"""tomllib's words that name a key or a character."""

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def toml_key(named: str) -> str:
    """A key as tomllib names it, the repr of a Python tuple or string (`('a', 'b')`, `('带 空格',)`, `'b'`), as
    TOML writes it: `a.b`, `"带 空格"`, `b` (a part that is no bare key quoted, with TOML's escapes). Anything
    else passes as it is."""
    import ast
    import json

    try:
        key = ast.literal_eval(named)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return named
    parts = (key,) if isinstance(key, str) else key
    if not isinstance(parts, tuple) or not parts or not all(isinstance(part, str) for part in parts):
        return named
    return ".".join(part if _BARE_KEY.fullmatch(part) else json.dumps(part, ensure_ascii=False) for part in parts)


def toml_reason(error: Exception):
    """What the TOML parser found wrong and where (line and column, or the end of the file), said in Chinese
    where its words are known; its own text where they are not."""
    text = str(error)
    found = _TOML_AT.fullmatch(text)
    if found is None:
        return text
    what = found["what"]
    problem = _TOML_PROBLEMS.get(what)
    for pattern, naming in _TOML_NAMING if problem is None else ():
        if named := pattern.fullmatch(what):
            problem = naming(named["key"])
            break
    where = (Message("end of document") if found["line"] is None
             else Message("line {line}, column {column}", line=found["line"], column=found["column"]))
    return Message("{problem} (at {where})", problem=problem or what, where=where)
