"""Which sheet of a workbook `import progress` reads when no --sheet names one: the one that holds the progress
table. A unit's file often opens on a sheet of notes (填报说明), keeps a blank template sheet beside the filled
one, or puts each month on a sheet of its own; reading only the first sheet skipped the figures silently."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from mstrack.errors import InputError, Message
from mstrack.sources.rows import Row
from mstrack.sources.sheets import SHEETED_SUFFIXES, cell_text, find_table, read_rows, worksheet_names

UNIT_WORDS = ("value", "note")
"""The columns a unit fills in by itself: a figure, or only its words in 备注 (why there is none yet)."""
DIMENSION_RE = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]+\d+:([A-Z]+)\d+"')
HEADER_COLUMNS = 1024
"""Columns streamed of a sheet whose XML names no <dimension> (openpyxl's write-only mode): a progress table's
columns are far fewer."""


def sheet_tables(path: Path, aliases: dict, required: tuple, filled: tuple[str, ...],
                 names: list[str] | None = None) -> dict[str, bool]:
    """Each sheet that holds the table (its header among the top rows), and whether a row under the header fills
    one of the `filled` fields (a figure, a note): read up to the first such row, so a filled sheet costs its top
    rows only. A workbook's sheets only; a text file is one sheet and gives {}."""
    if path.suffix.lower() not in SHEETED_SUFFIXES:
        return {}
    found = {}
    for sheet in worksheet_names(path) if names is None else names:
        try:
            found[sheet] = _holds_table(path, sheet, aliases, required, filled)
        except InputError:
            continue
    return found


def _holds_table(path: Path, sheet: str, aliases: dict, required: tuple, filled: tuple[str, ...]) -> bool:
    """find_table on the sheet's streamed top rows, then whether a row fills a field; a sheet the stream cannot read
    (a damaged XML, a cell it does not know) is read by the import's own reader, which says what is wrong."""
    streamed = _streamed_rows(path, sheet)
    if streamed is not None:
        try:
            return fills(find_table(path, streamed, aliases, required), filled)
        except _stream_errors():
            pass
    return fills(find_table(path, read_rows(path, sheet), aliases, required), filled)


def fills(table, filled: tuple[str, ...]) -> bool:
    """Whether a row under the table's header has one of the `filled` fields (UNIT_WORDS) filled: read up to it."""
    return any((cell_text(table.get(row, field)) or "").strip() for row in table.rows for field in filled)


def progress_sheet(path: Path, aliases: dict, required: tuple, filled: tuple[str, ...],
                   warnings: list) -> str | None:
    """The sheet to read: the one holding the table, or of several the one holding figures (the others, blank
    templates, said in `warnings`); None when the workbook has one sheet, or no table anywhere (find_table then says
    which sheets there are). Several sheets with figures are refused, naming them and --sheet: one import per sheet."""
    if path.suffix.lower() not in SHEETED_SUFFIXES:
        return None
    try:
        names = worksheet_names(path)
    except InputError:  # a damaged file: the import's own reader says why
        return None
    if len(names) < 2:
        return None
    tables = sheet_tables(path, aliases, required, filled, names)
    with_figures = [sheet for sheet, full in tables.items() if full]
    if len(with_figures) > 1:
        raise InputError("{path}: the sheets {sheets} each hold a progress table with figures: name the one to read with "
                         "--sheet (one import per sheet)", path=path, sheets=", ".join(map(repr, with_figures)))
    if with_figures:
        if blank := [sheet for sheet in tables if sheet not in with_figures]:
            warnings.append(Message("{path}: sheet {sheet!r} read; the sheets {blank} hold the table with no figures",
                                    path=path, sheet=with_figures[0], blank=", ".join(map(repr, blank))))
        return with_figures[0]
    return next(iter(tables)) if len(tables) == 1 else None


def _streamed_rows(path: Path, sheet: str) -> Iterator[Row] | None:
    """An .xlsx sheet's rows streamed from its XML (xlsx_stream), as wide as the sheet's <dimension> says, so that
    choosing a sheet reads only its top rows: the import's reader parses the whole sheet before its first row (2 s
    for 100,000 rows); a sheet that names no <dimension> streamed HEADER_COLUMNS wide. None (then the import's reader)
    for another format or a workbook the stream cannot open."""
    import zipfile

    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return None
    from mstrack.sources.xlsx import cell_styles, sheet_parts
    from mstrack.sources.xlsx_stream import StreamedSheet, column_number

    try:
        with zipfile.ZipFile(path) as archive:
            parts = sheet_parts(archive, sheet)
            with archive.open(parts.sheet) as handle:
                found = DIMENSION_RE.search(handle.read(4096))
            date_styles = cell_styles(archive.read(parts.styles))[1] if parts.styles else set()
    except _stream_errors():
        return None
    last_column = column_number(found[1].decode()) - 1 if found is not None else HEADER_COLUMNS - 1
    values = StreamedSheet(path=path, member=parts.sheet, shared=parts.shared, date_styles=date_styles,
                           date1904=parts.date1904, rows=1, last_column=last_column, merges=[])
    return (Row(number, [cell if cell != "" else None for cell in cells])
            for number, cells in enumerate(values.iter_rows(), 1))


def hidden_rows(table) -> Message | None:
    """The rows under a table's header that its .xlsx sheet hides, said (they are read all the same: a unit may hide
    rows it thinks done, and they are its figures too); None when there are none, or the reader cannot tell (.csv,
    .xls, .ods)."""
    hidden = getattr(table.rows, "hidden", None)
    rows = sorted({row for row in hidden.rows if row > table.header_row}) if hidden is not None else []
    if not rows:
        return None
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    spans = ", ".join(f"{first}–{last}" if last > first else str(first) for first, last in runs)
    return Message("{path}: {n:row|rows} {rows} of sheet {sheet!r} {n:is|are} hidden and {n:was|were} imported",
                   path=table.path, n=len(rows), rows=spans, sheet=hidden.sheet)


def _stream_errors() -> tuple[type[BaseException], ...]:
    """What streaming a damaged .xlsx may raise (the import's own reader then says what is wrong): the modules imported
    here, on the workbook path only."""
    import zipfile
    import zlib
    from xml.etree.ElementTree import ParseError
    from xml.parsers.expat import ExpatError

    return (zipfile.BadZipFile, ParseError, ExpatError, zlib.error, KeyError, IndexError, OSError, ValueError,
            TypeError, EOFError, RuntimeError)
