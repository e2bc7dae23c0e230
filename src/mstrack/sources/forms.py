"""Whether a file holds a unit's reported figures, and whether it is a report mstrack wrote: what no -o may write
over, and what a rerun may (cli/printing.write_output)."""

from __future__ import annotations

from pathlib import Path

from mstrack.errors import InputError
from mstrack.sources.progress import COLUMNS
from mstrack.sources.progress_sheets import UNIT_WORDS, fills, sheet_tables
from mstrack.sources.sheets import SHEETED_SUFFIXES, TEXT_SUFFIXES, find_table, read_rows

FORM_SUFFIXES = SHEETED_SUFFIXES + TEXT_SUFFIXES
"""The files `import progress` reads as sheets: the ones that may hold a unit's figures."""


def holds_figures(path: Path) -> bool:
    """Whether any sheet of a workbook is a progress table (the headers `import progress` reads) with a value or a
    note in at least one row: a unit's filled form, which a new blank one must not replace before it is imported.
    Every sheet, since a unit often puts a sheet of notes (填报说明) before the table; each read as `import progress`
    chooses its sheet (sources/progress_sheets: an .xlsx sheet's top rows streamed, never the whole sheet of a big
    workbook of other data)."""
    if path.suffix.lower() not in FORM_SUFFIXES:
        return False
    try:
        if path.suffix.lower() in TEXT_SUFFIXES:  # a CSV is one sheet
            return fills(find_table(path, read_rows(path, None), COLUMNS, ("task", "value")), UNIT_WORDS)
        return any(sheet_tables(path, COLUMNS, ("task", "value"), UNIT_WORDS).values())
    except InputError:
        return False


REPORT_CREATOR = "mstrack"
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
    import zipfile
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(path) as archive:
            creator = ElementTree.fromstring(archive.read("docProps/core.xml")).findtext("{*}creator")
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, RuntimeError, ValueError):
        return None
    return "workbook:" + REPORT_CREATOR if creator == REPORT_CREATOR else None


def _first_cell(path: Path, delimiter: str) -> str | None:
    """The first cell of a text file's first line (a byte order mark dropped), from its first few kB only."""
    import csv

    try:
        with open(path, "rb") as handle:
            start = handle.read(4096)
    except OSError:
        return None
    for mark, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if start.startswith(mark):
            text = start[len(mark):].decode(encoding, "replace")
            break
    else:
        text = start.decode("utf-8", "replace")
    line = text.splitlines()[0] if text else ""
    first = next(csv.reader([line], delimiter=delimiter), [])
    return "text:" + first[0].strip() if first else None
