"""The limits every input passes, in one place: text, numbers, dates and file sizes.

Whatever sends the text (an option, a spreadsheet cell, a plan's key), the same rules apply, and the
caller names where it came from (the option, FILE:ROW:COLUMN, the plan's key):
- text: no control characters but tab, newline and carriage return (C0, DEL, C1: ESC sequences would
  reach a terminal raw, NUL is refused by PostgreSQL, and the .xlsx export cannot hold them), and at
  most MAX_TEXT_CHARS characters (the longest text in the shipped plans is 690);
- numbers: |value| ≤ MAX_MAGNITUDE (SQLite stores 64-bit integers; 10^15 is far above any programme's
  count or budget in 元, and still exact as a float), and a fraction of at most MAX_DIGITS significant digits
  (a value is stored as a double, which keeps 15: 999999999999999.9 was stored as 999999999999999.875, shown
  as 1e15 by SQLite and Excel);
- dates: years MIN_YEAR to MAX_YEAR, as programme years are;
- files: at most MAX_FILE_BYTES (spreadsheets, tables) or MAX_PLAN_BYTES (plan files, read whole); a zip
  (.xlsx, .ods, .docx) unpacking to at most MAX_UNZIPPED_BYTES in all, and no part of it past MAX_FILE_BYTES
  unpacked that is packed more than MAX_PACKED_RATIO to 1 (a zip bomb: one 1 GB cell is 1 MB on disk);
- file names: each part of a path at most as long as its file system allows (name_max; NAME_MAX where it does not
  say), with room for what is written beside it (name_problem: an SQLite database's "-journal").
Stdlib only, like errors.py.
"""

from __future__ import annotations

import re
import unicodedata

from mstrack.errors import Message

MAX_TEXT_CHARS = 20_000
MAX_MAGNITUDE = 10**15
MAX_DIGITS = 15
MIN_YEAR, MAX_YEAR = 1900, 2200
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_PLAN_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 4 * 1024**3
MAX_PACKED_RATIO = 100
"""Real parts pack at most ~32:1 (a .docx's styles; the tests' workbooks and documents), the bench's 1,000,000-row
sheet (735 MB of XML) 15:1, its Excel-saved shared strings 26:1; one repeated character packs ~1000:1."""
READINGS_KEPT = 16_384
"""The readings of one text (a line, a cell, a name) the table reader keeps (sources/table/kept.read_once, on its pure
readings: find_mentions, units' and offices' names, figures' names, column kinds): the best-effort reading tries a
document's runs in turn, up to list_fallback.TRIES, and every layout reads the same cells again; a text's reading is
the same each time, read once (a plan of 400 lines reads ~3,000 texts)."""
NAME_MAX = 255
"""The longest file name, in bytes, that Linux's file systems (ext4, xfs, btrfs, tmpfs) and macOS's allow: the limit
where the file system does not say its own (name_max, which a temporary's name is cut to fit: render/outputs)."""

CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters refused in text: C0 but tab (09), newline (0A) and carriage return (0D); DEL; C1."""

SURROGATE_RE = re.compile("[\ud800-\udfff]")
"""What Python makes of bytes that are not UTF-8 in an argument (a GBK terminal or script): no store keeps them."""

NONCHARACTER_RE = re.compile("[\ufffe\uffff]")
"""The two code points XML may not hold (U+FFFE, a byte-order mark read backwards, and U+FFFF): stored, they made every
.docx and .xlsx report of their programme fail (lxml refuses them), so no store keeps them."""

SHOWN_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
"""Control characters never printed or written from the data (render/outputs.clean_text): the same, and
carriage return too, which stored text may hold (a Windows line break) but a terminal would obey by going
back to the start of the line. ESC starts a terminal's escape sequences, 0x9b is a CSI of its own; xlsx
refuses most of them outright (openpyxl's IllegalCharacterError). And NONCHARACTER_RE's two, which a store made
before they were refused may hold: no .docx or .xlsx can."""


def text_problem(text: str, *, path: bool = False) -> Message | None:
    """Why a text cannot be stored, or None when it can. The caller puts it after the text's place. A `path` is the
    system's name for a file, not text to store: bytes that are not UTF-8 are legal there (a GBK name from a
    Windows zip), control characters are not."""
    if len(text) > MAX_TEXT_CHARS:
        return Message("{n} characters is more than mstrack keeps in one text ({limit})", n=len(text), limit=MAX_TEXT_CHARS)
    found = CONTROL_RE.search(text)
    if found is None:
        if path or text.isprintable():
            return None
        if (found := SURROGATE_RE.search(text)) is not None:
            return Message("not UTF-8 text at character {at}; give the text in UTF-8", at=found.start() + 1)
        if (found := NONCHARACTER_RE.search(text)) is not None:
            return Message("{code} at character {at} is no character (no Word or Excel file can hold it); delete it",
                           code=f"U+{ord(found[0]):04X}", at=found.start() + 1)
        return None
    char = found[0]
    return Message("control character {code} ({name}) at character {at}; only tab and line breaks are allowed",
                   code=f"U+{ord(char):04X}", name=CONTROL_NAMES.get(char) or unicodedata.name(char, "control"),
                   at=found.start() + 1)


def all_storable(texts) -> bool:
    """Whether every text can be stored (text_problem None for each), checked in one pass over them all:
    the chunk path of an import. False sends the caller to text_problem, text by text, for the message."""
    texts = list(texts)
    if max(map(len, texts), default=0) > MAX_TEXT_CHARS:
        return False
    joined = " ".join(texts)  # printable text holds no control character and no surrogate (str.isprintable: C, a pass)
    return joined.isprintable() or CONTROL_RE.search(joined) is None and SURROGATE_RE.search(joined) is None \
        and NONCHARACTER_RE.search(joined) is None


CONTROL_NAMES = {"\x00": "NUL", "\x07": "BEL", "\x08": "BS", "\x0b": "VT", "\x0c": "FF", "\x1b": "ESC", "\x7f": "DEL",
                 "\x9b": "CSI"}


def strip_controls(text: str) -> str:
    """For converted tables only, where Word leaves cell marks (07) and line breaks (0B): a line break
    becomes a newline, any other control character goes."""
    return CONTROL_RE.sub("", text.replace("\x0b", "\n")) if CONTROL_RE.search(text) else text


def number_problem(value) -> Message | None:
    """Why a number cannot be stored, or None. A number as typed (a Decimal) holds as many digits as a stored
    double keeps exactly (MAX_DIGITS), or is whole (stored as an integer); a float is a double already (a
    spreadsheet's computed cell) and is stored as it is."""
    if abs(value) > MAX_MAGNITUDE:
        return Message("beyond what mstrack stores: at most {limit} (1000万亿) either side of zero", limit=f"{MAX_MAGNITUDE:,}")
    if isinstance(value, (int, float)):  # not decimal's Decimal: --help loads this module, and need not import decimal
        return None
    if value != value.to_integral_value():
        digits = len(value.normalize().as_tuple().digits)
        if digits > MAX_DIGITS:
            return Message("{n} significant digits are more than mstrack stores exactly ({limit} significant digits); "
                           "round it", n=digits, limit=MAX_DIGITS)
    return None


def year_problem(year: int) -> Message | None:
    """Why a date's year cannot be right, or None."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return Message("year {year} is outside {low}–{high}", year=year, low=MIN_YEAR, high=MAX_YEAR)
    return None
