"""Whether a file holds a unit's reported figures, and whether it is a report mstrack wrote: what no -o may write
over, and what a rerun may (cli/printing.write_output)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from mstrack.errors import InputError, Message, NoHeaderError
from mstrack.sources.files import zipped_kind
from mstrack.sources.marks import CHANGED, text_mark, zip_unchanged
from mstrack.sources.progress import COLUMNS
from mstrack.sources.progress_sheets import UNIT_WORDS, fills, sheet_tables
from mstrack.sources.sheets import SHEETED_SUFFIXES, TEXT_SUFFIXES, find_table, read_rows
from mstrack.vocabulary import FORM_TITLE, WRITER

FORM_SUFFIXES = SHEETED_SUFFIXES + TEXT_SUFFIXES
"""The files `import progress` reads as sheets: the ones that may hold a unit's figures."""


FIGURES = "figures"
"""held(): a sheet is a progress table with a value or a note in a row (a unit's filled return)."""
OTHER = "other"
"""held(): no sheet shows a progress table's header in its top rows, but one holds more than a title there (a return
whose header lies further down, notes, another office's data): nothing to say it may be replaced."""
UNREADABLE = "unreadable"
"""held(): the file, or one of its sheets, cannot be read (a truncated or encrypted workbook, a sheet's broken XML, an
.xls that does not parse) and no sheet read shows figures: it may hold a unit's figures all the same (Unreadable)."""


class Unreadable(str):
    """held()'s UNREADABLE, with why the file cannot be read (the reader's own message) for the refusal to say."""

    reason: object

    def __new__(cls, reason):
        made = super().__new__(cls, UNREADABLE)
        made.reason = _without_path(reason)
        return made


def _without_path(reason):
    """A reader's message without the "{path}: " it opens with: the refusal names the file itself (held may have read
    it through a link of another name, read_as)."""
    template = getattr(reason, "template", "")
    if template.startswith("{path}: ") and "{path}" not in template[8:]:
        return Message(template[8:], **{name: value for name, value in reason.fields.items() if name != "path"})
    return reason


def holds_figures(path: Path) -> bool:
    """Whether any sheet of a workbook is a progress table with a value or a note in at least one row (held)."""
    return held(path) == FIGURES


def held(path: Path) -> str | None:
    """What a file to be written over holds: FIGURES when any sheet is a progress table (the headers `import
    progress` reads) with a value or a note in at least one row, a unit's filled form, which a new blank one must not
    replace before it is imported; else OTHER when no sheet holds the table and one holds rows beyond a title in the
    top rows the header is looked for in; else Unreadable (UNREADABLE, and why) when the file or one of its sheets
    cannot be read: when unsure, nothing is written over; None for a blank form, an empty sheet or one holding a
    title only, and an empty (0-byte) file. Every sheet up to the first holding figures (that one decides), since a
    unit often puts a sheet of notes (填报说明) before the table; each read as `import progress` chooses its sheet
    (sources/progress_sheets: an .xlsx sheet's top rows streamed, never the whole sheet of a big workbook of other
    data). A file is read as the kind its content says when its name does not (form_suffix)."""
    suffix = form_suffix(path)
    if suffix is None or _empty(path):
        return None
    if suffix != path.suffix.lower():
        return read_as(path, suffix, held)
    try:
        if suffix in TEXT_SUFFIXES:  # a CSV is one sheet
            try:
                return FIGURES if fills(find_table(path, read_rows(path, None), COLUMNS, ("task", "value")), UNIT_WORDS) else None
            except NoHeaderError as error:
                return OTHER if error.filled > 1 else None
        other: dict = {}
        unread: dict = {}
        tables = sheet_tables(path, COLUMNS, ("task", "value"), UNIT_WORDS, unread=unread, other=other, until_filled=True)
    except InputError as error:
        return Unreadable(error.messages[0])
    if any(tables.values()):
        return FIGURES
    if unread:  # the figures may be on the sheet that cannot be read
        sheet, why = next(iter(unread.items()))
        return Unreadable(Message("sheet {sheet!r}: {why}", sheet=sheet, why=_without_path(why)))
    return OTHER if other and not tables else None


def _empty(path: Path) -> bool:
    """A 0-byte file: nothing in it to keep."""
    try:
        return path.stat().st_size == 0
    except OSError:
        return False


OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""How an OLE compound file (an .xls workbook) begins."""


def old_office(path: Path) -> bool:
    """An OLE compound file, an .xls workbook or a .doc document, whatever its name: mstrack writes neither."""
    return _start(path).startswith(OLE_HEADER)


def form_suffix(path: Path) -> str | None:
    """The kind of file `import progress` would read `path` as: its suffix when it is one of FORM_SUFFIXES, else
    what its content is — a ZIP holding xl/workbook.xml (.xlsx), an OpenDocument spreadsheet (.ods), an OLE file
    (.xls), or text whose first line is a progress table's header (.csv, .tsv). A unit's return saved as `ret` or
    `住建局.xlsx.bak` is a return all the same. None for any other file."""
    suffix = path.suffix.lower()
    if suffix in FORM_SUFFIXES:
        return suffix
    start = _start(path)
    if start.startswith(OLE_HEADER):
        return ".xls"
    if start.startswith(b"PK\x03\x04"):
        return kind if (kind := zipped_kind(path)) in (".xlsx", ".ods") else None
    line = _first_line(start)
    for delimiter, kind in (("\t", ".tsv"), (",", ".csv")):
        if delimiter in line and _a_header(path, next(csv.reader([line], delimiter=delimiter), [])):
            return kind
    return None


def _a_header(path: Path, cells: list[str]) -> bool:
    """Whether a text file's first line is a progress table's header (the fields import progress needs)."""
    from mstrack.sources.rows import Row

    try:
        find_table(path, iter([Row(1, cells)]), COLUMNS, ("task", "value"))
    except InputError:
        return False
    return True


def read_as(path: Path, suffix: str, check):
    """`check(path)` on a file read as the kind `suffix` says, through a link of that name (a temporary file's own
    name ends in .part; a return's may be `ret` or `住建局.xlsx.bak`)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="mstrack-") as directory:
        named = Path(directory) / f"new{suffix}"
        named.symlink_to(path.resolve())
        return check(named)


REPORT_CREATOR = WRITER
"""The creator render/xlsx.save writes into every report workbook's properties. The fill-in template
(render/template.py) does not claim it: a unit fills that one in, and Excel or WPS keep a creator on save."""
REPORT_WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def report_kind(path: Path, suffix: str | None = None) -> str | None:
    """What a report mstrack wrote is, read cheaply from the file (no sheet is read): an .xlsx whose properties
    name mstrack as its creator is a report workbook (whichever report, in either language: its figures came from
    the database); a CSV or text file is known by its first cell (a report's title or first header). None for a
    workbook mstrack did not write (a unit's return) and for other files. Two files of one kind: a rerun to its
    own path. `suffix`: the kind of file a temporary one (named .part) is."""
    suffix = (suffix or path.suffix).lower()
    if suffix in TEXT_SUFFIXES:
        return _first_cell(path, "\t" if suffix != ".csv" else ",")
    if suffix not in REPORT_WORKBOOK_SUFFIXES:
        return None
    creator, _title = _properties(path)
    return "workbook:" + REPORT_CREATOR if creator == REPORT_CREATOR else None


def form_programme(path: Path) -> str | None:
    """The programme a fill-in form mstrack wrote is for, read from its title (no sheet is read); None for any other
    file (a sheet whose title says no form's): --each-unit never replaces another programme's form of the same unit unsaid (trial64 F8)."""
    if path.suffix.lower() != ".xlsx" or not path.is_file():
        return None
    _creator, title = _properties(path)  # a form's creator is openpyxl's: a blank form is no report (held())
    if not title or f" {FORM_TITLE}" not in title:  # vocabulary.form_title's
        return None
    return title.split(f" {FORM_TITLE}", 1)[0].strip() or None


def _properties(path: Path) -> tuple[str | None, str | None]:
    """An Office file's creator and title (docProps/core.xml); (None, None) where it has none or cannot be read."""
    import zipfile
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(path) as archive:
            core = ElementTree.fromstring(archive.read("docProps/core.xml"))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, RuntimeError, ValueError):
        return None, None
    return core.findtext("{*}creator"), core.findtext("{*}title")


def _start(path: Path, size: int = 4096) -> bytes:
    """A regular file's first `size` bytes (b"" for anything else: a FIFO would wait for a writer)."""
    import os
    import stat

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return b""
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def _first_line(start: bytes) -> str:
    """A text file's first line from its first bytes, a byte order mark dropped."""
    for mark, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if start.startswith(mark):
            text = start[len(mark):].decode(encoding, "replace")
            break
    else:
        text = start.decode("utf-8", "replace")
    return text.splitlines()[0] if text else ""


def _first_cell(path: Path, delimiter: str) -> str | None:
    """The first cell of a text file's first line (a byte order mark dropped), from its first few kB only."""
    first = first_cells(path, delimiter)
    return "text:" + first[0].strip() if first else None


def first_cells(path: Path, delimiter: str) -> list[str]:
    """The cells of a text file's first line (a byte order mark dropped), from its first few kB only."""
    return next(csv.reader([_first_line(_start(path))], delimiter=delimiter), [])


def first_rows(path: Path, delimiter: str, n: int) -> list[list[str]]:
    """The cells of a text file's first `n` lines (fewer when its first 64 kB hold fewer)."""
    start = _start(path, 64 << 10)
    lines = _first_line(start) and _lines(start)[:n]
    return [next(csv.reader([line], delimiter=delimiter), []) for line in lines or []]


def _lines(start: bytes) -> list[str]:
    """A text file's lines from its first bytes, the last one dropped when the bytes cut it short."""
    text = start.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    lines = text.splitlines()
    return lines if text.endswith("\n") else lines[:-1]


DOCUMENT_SUFFIXES = {".docx": ".docx", ".docm": ".docx", ".html": ".html", ".htm": ".html", ".xhtml": ".html",
                     ".md": ".md", ".markdown": ".md"}
"""The documents mstrack writes (a Word file, a web page, Markdown) by their names: one there that mstrack did not
write is a unit's Word return, a saved page, an office's notes (document_held)."""
UNMARKED = "unmarked"
"""document_held(): a Word, HTML or Markdown file that does not say mstrack wrote it: nothing says it may go."""


def document_held(path: Path) -> str | None:
    """What a Word, HTML or Markdown file to be written over holds (one named so, or a ZIP holding word/document.xml,
    or a page opening with <!DOCTYPE html> or <html>): None when mstrack wrote it as it is now — a Word file whose
    properties name mstrack as creator and last modifier (Word and WPS write the user's name there on save: a unit's
    reply typed into a notice is the unit's) and whose ZIP comment is mstrack's mark for its parts (marks.zip_unchanged),
    a page or Markdown whose last line is mstrack's mark with the digest of the text before it (marks.text_mark) — or it
    is empty (0 bytes); CHANGED for one that says mstrack wrote it but holds something else since (notes typed in,
    reports appended, saved by another program) or was written by a version whose mark carried no digest; Unreadable
    for a Word file that is no ZIP; else UNMARKED. None for any
    other file (held() looks at the spreadsheets)."""
    kind = document_kind(path)
    if kind is None or _empty(path):
        return None
    if kind == ".docx":
        return _docx_held(path)
    try:
        with open(path, "rb") as handle:
            start = handle.read(HEAD_BYTES)
    except OSError as error:
        from mstrack.domain.reasons import os_reason

        return Unreadable(os_reason(error))
    return {True: None, False: CHANGED}.get(text_mark(path, start), UNMARKED)


HEAD_BYTES = 8192
"""The start of a page read for its <meta name="generator">: it stands in the <head>, mstrack's in its first lines."""


def document_kind(path: Path) -> str | None:
    """.docx, .html or .md for a file named so (DOCUMENT_SUFFIXES), else by its content: a ZIP holding word/document.xml
    (a Word file saved as `回复` or `通知.bak`), text opening with <!DOCTYPE html> or <html> (a saved page). None for
    any other file."""
    if (named := DOCUMENT_SUFFIXES.get(path.suffix.lower())) is not None:
        return named
    start = _start(path)
    if start.startswith(b"PK\x03\x04"):
        return ".docx" if zipped_kind(path) == ".docx" else None
    opening = start.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return ".html" if opening.startswith((b"<!doctype html", b"<html")) else None


def _docx_held(path: Path) -> str | None:
    """A Word file: None when its properties name mstrack as creator and as last modifier (or none: mstrack's notices
    before it wrote one) and its parts are the ones mstrack wrote (marks.zip_unchanged; else CHANGED), Unreadable when
    it is no ZIP (a truncated or damaged file) or has no document in it, else UNMARKED."""
    import zipfile
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                return Unreadable(Message("not a Word (.docx) document, or a damaged one"))
            core = archive.read("docProps/core.xml") if "docProps/core.xml" in names else b""
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError):
        return Unreadable(Message("not a Word (.docx) document, or a damaged one"))
    try:
        properties = ElementTree.fromstring(core) if core else None
    except ElementTree.ParseError:
        return UNMARKED
    if properties is None or (properties.findtext("{*}creator") or "").strip() != WRITER:
        return UNMARKED
    if (properties.findtext("{*}lastModifiedBy") or "").strip() not in ("", WRITER):
        return UNMARKED
    return None if zip_unchanged(path) else CHANGED


JSON_SUFFIXES = (".json",)
"""The names a JSON report is written to: a file so named that mstrack did not write is a script's settings or a unit's
data (json_held)."""
UNMARKED_JSON = "unmarked json"
"""json_held(): a JSON file whose keys are none of mstrack's reports': nothing says it may go."""
REPORT_JSON_OBJECTS = (
    frozenset({"as_of", "since", "programmes", "summary"}),  # report weekly
    frozenset({"kind", "programme", "programme_name", "year", "as_of", "summary"}),  # report half-year, annual
)
"""The keys an object mstrack's JSON reports print holds at least (docs/cli.md, never changed: scripts read them)."""
REPORT_JSON_ROWS = (
    frozenset({"unit", "tasks", "done", "on_track", "behind", "no_report", "completion_rate"}),  # units
    frozenset({"task", "title", "lead_units", "periods"}),  # lights
)
"""The keys every row of mstrack's JSON lists holds at least (units, lights)."""


JSON_LOOK_BYTES = 64 << 10
"""The start of a JSON file read to know it (json_held): a report's keys stand in its first lines; a 2 GB file is never
read whole."""
TOP_KEY = re.compile(r'^  "((?:[^"\\\n]|\\.)*)": ', re.MULTILINE)
"""A key of the outer object as dump_json lays it out (two spaces in, one a line)."""


def json_held(path: Path, named: bool = True) -> str | None:
    """What a JSON file to be written over holds (one named .json, or any when not `named`): None when it is one of
    mstrack's JSON reports, known by its keys (REPORT_JSON_OBJECTS, REPORT_JSON_ROWS: any of them, a report to another's
    path), an empty list or an empty file; Unreadable when it cannot be read; else UNMARKED_JSON (another program's JSON,
    or no JSON at all). Only its first JSON_LOOK_BYTES are read: a longer file is mstrack's only when that start is laid
    out as dump_json writes it (_report_json_start), never as JSON cut short."""
    import json

    if named and path.suffix.lower() not in JSON_SUFFIXES or not path.is_file() or _empty(path):
        return None
    try:
        with open(path, "rb") as handle:
            start = handle.read(JSON_LOOK_BYTES + 1)
            if len(start) > JSON_LOOK_BYTES:
                handle.seek(-2, 2)
                end = handle.read()
    except OSError as error:
        from mstrack.domain.reasons import os_reason

        return Unreadable(os_reason(error))
    if len(start) > JSON_LOOK_BYTES:
        whole = end in (b"}\n", b"]\n")  # dump_json's last line: a report cut short is no report
        return None if whole and _report_json_start(start[:JSON_LOOK_BYTES].decode("utf-8", "ignore")) else UNMARKED_JSON
    try:
        data = json.loads(start)
    except (ValueError, RecursionError):
        return UNMARKED_JSON
    return None if _report_json(data) else UNMARKED_JSON


def _report_json(data) -> bool:
    """Whether JSON data is one of mstrack's reports: an object with a report's keys, or rows that all hold a list's."""
    if isinstance(data, dict):
        return any(keys <= data.keys() for keys in REPORT_JSON_OBJECTS)
    rows = isinstance(data, list) and all(isinstance(row, dict) for row in data)
    return rows and any(all(keys <= row.keys() for row in data) for keys in REPORT_JSON_ROWS)


def _report_json_start(text: str) -> bool:
    """Whether the start of a long JSON file is a report's as dump_json lays it out: an object whose outer keys (two
    spaces in) seen there hold a report's, or a list whose rows complete there (one at least) all hold a list's."""
    import json

    if text.startswith('{\n  "'):
        keys = set(TOP_KEY.findall(text))
        return any(wanted <= keys for wanted in REPORT_JSON_OBJECTS)
    if not text.startswith("[\n  {\n"):
        return False
    decoder, rows, at = json.JSONDecoder(), [], 4
    while True:
        try:
            row, at = decoder.raw_decode(text, at)
        except (ValueError, RecursionError):  # the row cut short by the end of the start read: not counted
            break
        rows.append(row)
        if not text.startswith(",\n  ", at):
            break
        at += 4
    return bool(rows) and _report_json(rows)


NAMED_SUFFIXES = (*REPORT_WORKBOOK_SUFFIXES, ".csv", *JSON_SUFFIXES, *DOCUMENT_SUFFIXES)
"""The names whose suffix says which of mstrack's files it is (a workbook, a CSV, JSON, a document): looked at as that.
A file of any other name (settings.txt, `data`, notes.log) is looked at by what it holds (content_held)."""
OLD_OFFICE = "old office"
"""content_held(): an OLE file (an .xls or .doc saved under another name): mstrack writes none."""
UNMARKED_TEXT = "unmarked text"
"""content_held(): a file that is no report of mstrack's: nothing says it may go."""
FIRST_LINE = "first line"
"""content_held(): text that may be a report mstrack printed (a table): it goes only for the same report, whose first
line is the same (cli/kept_files.kept_from_rerun), or when its header is mstrack's CSV's."""


def content_held(path: Path) -> str | None:
    """What a file named as none of mstrack's outputs (NAMED_SUFFIXES) holds, by its content: None when it is empty,
    one of mstrack's JSON reports (json_held) or Markdown or HTML mstrack wrote, unchanged (marks.text_mark; CHANGED
    when its mark's digest is not the text's); UNMARKED_JSON for other JSON, OLD_OFFICE for an OLE file, UNMARKED_TEXT
    for a file holding NUL bytes (no text; UTF-16 text with its byte order mark is text: Excel's "Unicode Text") or
    opening as JSON does and holding none (an INI file's "[section]": settings); else FIRST_LINE."""
    if _empty(path):
        return None
    if old_office(path):
        return OLD_OFFICE
    start = _start(path)
    if start.removeprefix(b"\xef\xbb\xbf").lstrip().startswith((b"{", b"[")):
        found = json_held(path, named=False)
        return UNMARKED_TEXT if found == UNMARKED_JSON and not _json_text(path) else found
    if b"\x00" in start and not start.startswith((b"\xff\xfe", b"\xfe\xff")):
        return UNMARKED_TEXT
    marked = text_mark(path, start)
    return FIRST_LINE if marked is None else None if marked else CHANGED


JSON_OPENING = re.compile(rb'\s*(\{\s*["}]|\[\s*([\[{"\]\d-]|true\b|false\b|null\b))')
"""How JSON opens: an object's first key (or its end), a list's first value (or its end)."""


def _json_text(path: Path) -> bool:
    """Whether a file opening with { or [ is JSON (any, a script's too) rather than text that opens so (an INI file's
    "[section]"): parsed whole when short, by how it opens when longer than JSON_LOOK_BYTES."""
    import json

    start = _start(path, JSON_LOOK_BYTES + 1).removeprefix(b"\xef\xbb\xbf")
    if len(start) > JSON_LOOK_BYTES:
        return JSON_OPENING.match(start) is not None
    try:
        json.loads(start)
    except (ValueError, RecursionError):
        return False
    return True


def first_line(path: Path) -> str:
    """A text file's first line (a byte order mark dropped), from its first few kB only."""
    return _first_line(_start(path))
