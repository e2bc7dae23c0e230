"""Which sheet of a workbook `import progress` reads when no --sheet names one: the one that holds the progress
table. A unit's file often opens on a sheet of notes (填报说明), keeps a blank template sheet beside the filled
one, or puts each month on a sheet of its own; reading only the first sheet skipped the figures silently."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from mstrack.errors import InputError, Message, NoHeaderError
from mstrack.sources.files import read_as
from mstrack.sources.rows import Row
from mstrack.sources.sheets import HEADER_SEARCH_ROWS, SHEETED_SUFFIXES, cell_text, find_table, read_rows, worksheet_names
from mstrack.sources.workbooks import hidden_sheet_names

UNIT_WORDS = ("value", "note")
"""The columns a unit fills in by itself: a figure, or only its words in 备注 (why there is none yet)."""
DIMENSION_RE = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]+\d+:([A-Z]+)\d+"')
MERGE_RE = re.compile(rb"""<(?:\w+:)?mergeCell\s[^>]*?ref=["']([A-Z]{1,3}[0-9]+:[A-Z]{1,3}[0-9]+)["']""")
HEAD_BYTES = 1 << 16
"""The sheet's XML read for its width: the cells its top rows name (a header lies there)."""
HEADER_COLUMNS = 1024
"""Columns streamed of a sheet whose XML names neither a <dimension> nor its cells' columns: a progress table's
columns are far fewer."""


def sheet_tables(path: Path, aliases: dict, required: tuple, filled: tuple[str, ...],
                 names: list[str] | None = None, unread: dict | None = None, other: dict | None = None,
                 until_filled: bool = False) -> dict[str, bool]:
    """Each sheet that holds the table (its header among the top rows), and whether a row under the header fills
    one of the `filled` fields (a figure, a note): read up to the first such row, so a filled sheet costs its top
    rows only. A workbook's sheets only; a text file is one sheet and gives {}. `unread` gets each sheet the
    import's reader cannot read either, with why; `other` each sheet without the header whose top rows hold more
    than a title (a sheet of notes or of other data), with how many rows hold a cell. `until_filled`: no sheet looked
    at after the first filled one (the -o look: one is enough to keep the file; the chooser needs them all)."""
    if read_as(path) not in SHEETED_SUFFIXES:
        return {}
    names = worksheet_names(path) if names is None else names
    found = {}
    for sheet in names:
        try:
            found[sheet] = _holds_table(path, sheet, aliases, required, filled, names)
            if until_filled and found[sheet]:
                break
        except NoHeaderError as error:
            if other is not None and error.filled > 1:
                other[sheet] = error.filled
        except InputError as error:
            if unread is not None:
                unread[sheet] = error.messages[0]
    return found


def _holds_table(path: Path, sheet: str, aliases: dict, required: tuple, filled: tuple[str, ...], names: list[str]) -> bool:
    """find_table on the sheet's streamed top rows, then whether a row fills a field. Where the look finds no header
    and the sheet merges cells (a title over the table, a header of two rows: 本期报送 over 数值 and 备注), it looks
    again with the merged ranges filled in, as the import's reader fills them. A sheet the stream cannot read (a
    damaged XML, a cell it does not know) is read by the import's own reader, which says what is wrong."""
    try:
        look = _Look(path, sheet)
    except _stream_errors():
        look = None
    if look is not None:
        try:
            try:
                return fills(find_table(path, look.rows(), aliases, required, names), filled)
            except InputError:
                if not look.merge():
                    raise
                return fills(find_table(path, look.rows(), aliases, required, names), filled)
        except _stream_errors():
            pass
    return fills(find_table(path, read_rows(path, sheet), aliases, required, names), filled)


def fills(table, filled: tuple[str, ...]) -> bool:
    """Whether a row under the table's header has one of the `filled` fields (UNIT_WORDS) filled: read up to it."""
    return any((cell_text(table.get(row, field)) or "").strip() for row in table.rows for field in filled)


def progress_sheet(path: Path, aliases: dict, required: tuple, filled: tuple[str, ...],
                   warnings: list, listed: list | None = None) -> str | None:
    """The sheet to read: the one holding the table, or of several the one holding figures (the others, blank
    templates, said in `warnings`); None when the workbook has one sheet, or no table anywhere (find_table then says
    which sheets there are: `listed` gets their names, for it to say without listing them again). Several sheets with
    figures are refused, naming them and --sheet: one import per sheet."""
    if read_as(path) not in SHEETED_SUFFIXES:
        return None
    try:
        names = worksheet_names(path)
    except InputError:  # a damaged file: the import's own reader says why
        return None
    if listed is not None:
        listed[:] = names
    if len(names) < 2:
        return None
    unread: dict = {}
    tables = sheet_tables(path, aliases, required, filled, names, unread)
    with_figures = [sheet for sheet, full in tables.items() if full]
    hiding = hidden_sheet_names(path) if len(with_figures) > 1 else set()  # opened once, not once a sheet
    if hidden := [sheet for sheet in with_figures if sheet in hiding]:
        visible = [sheet for sheet in with_figures if sheet not in hidden]  # trial53 #8: a clerk sees no 旧数据 in Excel
        raise InputError("{path}: the sheets {sheets} each hold a progress table with figures, and {hidden} {n:is|are} "
                         "hidden (Excel shows no tab for {n:it|them}; right-click a tab, Unhide): name the one to read "
                         "with --sheet{example} (one import per sheet)", path=path,
                         sheets=", ".join(map(repr, with_figures)), hidden=", ".join(map(repr, hidden)), n=len(hidden),
                         example=Message(", e.g. --sheet {sheet} for the visible one", sheet=visible[0]) if visible else "")
    if len(with_figures) > 1:
        raise InputError("{path}: the sheets {sheets} each hold a progress table with figures: name the one to read with "
                         "--sheet (one import per sheet)", path=path, sheets=", ".join(map(repr, with_figures)))
    chosen = with_figures[0] if with_figures else next(iter(tables)) if len(tables) == 1 else None
    if with_figures and (blank := [sheet for sheet in tables if sheet not in with_figures]):
        warnings.append(Message("{path}: sheet {sheet!r} read; the sheets {blank} hold the table with no figures",
                                path=path, sheet=chosen, blank=", ".join(map(repr, blank))))
    if chosen is not None and not with_figures and unread:  # its figures may be on a sheet that cannot be read
        warnings.extend(Message("{path}: sheet {sheet!r} read holds no figures, and sheet {other!r} could not be "
                                "read: {why}", path=path, sheet=chosen, other=other, why=why) for other, why in unread.items())
    if chosen is not None and chosen in hidden_sheet_names(path):
        warnings.append(Message("{path}: sheet {sheet!r} is hidden; it was read, as it holds the progress table",
                                path=path, sheet=chosen))
    return chosen


class _Look:
    """An .xlsx sheet's rows streamed from its XML (xlsx_stream), so that choosing a sheet reads only its top rows:
    the import's reader parses the whole sheet before its first row (2 s for 100,000 rows). As wide as the widest
    of its <dimension> (a hint some tools write too narrow: A1:E12 over a table to column N) and the cells its first
    HEAD_BYTES of XML name; HEADER_COLUMNS wide when neither says. Raises _stream_errors() for a workbook the
    stream cannot open, and TypeError for another format (the import's reader then)."""

    def __init__(self, path: Path, sheet: str):
        import zipfile

        if path.suffix.lower() not in (".xlsx", ".xlsm"):
            raise TypeError(path.suffix)
        from mstrack.sources.xlsx import CELL_COLUMN, cell_styles, sheet_parts
        from mstrack.sources.xlsx_stream import column_number

        with zipfile.ZipFile(path) as archive:
            self.parts = sheet_parts(archive, sheet)
            with archive.open(self.parts.sheet) as handle:
                head = handle.read(HEAD_BYTES)
            self.date_styles = cell_styles(archive.read(self.parts.styles))[1] if self.parts.styles else set()
        named = [min(column_number(letters.decode()), HEADER_COLUMNS) for letters in set(CELL_COLUMN.findall(head))]
        said = [column_number(letters.decode()) for letters in DIMENSION_RE.findall(head)]
        self.path, self.width = path, max(named + said, default=HEADER_COLUMNS)
        self.ranges: list = []

    def merge(self) -> bool:
        """Read the sheet's merged ranges (after its rows in the XML: the part inflated whole, matched at C speed,
        never parsed) for rows() to fill in; whether there are any over the rows a header is looked for in."""
        import zipfile

        from mstrack.sources.xlsx import MAX_MERGED_RANGES, merged_range

        references: dict[bytes, None] = {}
        with zipfile.ZipFile(self.path) as archive, archive.open(self.parts.sheet) as handle:
            text = b""
            while (chunk := handle.read(1 << 22)) and len(references) <= MAX_MERGED_RANGES:
                text = text[-64:] + chunk  # a tag cut between two chunks is whole in the second
                if b"mergeCell" in text:
                    references.update(dict.fromkeys(MERGE_RE.findall(text)))
        self.ranges = [found for found in map(merged_range, references) if found[0][0] < HEADER_SEARCH_ROWS]
        return bool(self.ranges)

    def rows(self) -> Iterator[Row]:
        """The sheet's rows from the first, merged ranges over its top rows filled in once merge() read them."""
        from itertools import count

        from mstrack.sources.xlsx_rows import Extent, merged_rows
        from mstrack.sources.xlsx_stream import StreamedSheet

        values = StreamedSheet(path=self.path, member=self.parts.sheet, shared=self.parts.shared,
                               date_styles=self.date_styles, date1904=self.parts.date1904, rows=1,
                               last_column=self.width - 1, merges=[]).iter_rows()
        if self.ranges:
            values = merged_rows(values, self.ranges, Extent(rows=HEADER_SEARCH_ROWS, columns=self.width))
        return (Row(number, [cell if cell != "" else None for cell in cells]) for number, cells in zip(count(1), values))


def hidden_rows(table) -> Message | None:
    """The rows under a table's header that its sheet hides (.xlsx, .xls, .ods), said (they are read all the same: a
    unit may hide rows it thinks done, and they are its figures too); None when there are none, or the file has no
    rows to hide (.csv)."""
    hidden = getattr(table.rows, "hidden", None)
    return rows_hidden_said(table.path, hidden, table.header_row) if hidden is not None else None


def rows_hidden_said(path, hidden, header_row: int) -> Message | None:
    """hidden_rows of a sheet's HIDDEN marks under its header row, for any reader of a sheet (import table too)."""
    rows = sorted({row for row in hidden.rows if row > header_row})
    if not rows:
        return None
    from mstrack.long_lists import runs

    spans = ", ".join(f"{first}–{last}" if last > first else str(first) for first, last in runs(rows))
    return Message("{path}: {n:row|rows} {rows} of sheet {sheet!r} {n:is|are} hidden and {n:was|were} imported",
                   path=path, n=len(rows), rows=spans, sheet=hidden.sheet)


def hidden_columns(table) -> Message | None:
    """The columns the import reads that the sheet hides (.xlsx), said as hidden rows are (hidden_rows): a unit
    reusing a form may hide last week's figures and write this week's in a column of its own."""
    hidden = getattr(table.rows, "hidden", None)
    return columns_hidden_said(table.path, hidden, table.columns.values(), table.headers) if hidden is not None else None


def columns_hidden_said(path, hidden, read, headers) -> Message | None:
    """hidden_columns of a sheet's HIDDEN marks, the columns READ (0-based indexes) with their HEADERS by index."""
    if not hidden.columns:
        return None
    from openpyxl.utils import get_column_letter  # only here: importing openpyxl takes a quarter second

    shut = set(hidden.columns)
    read = sorted(index for index in read if index in shut)
    if not read:
        return None
    return Message("{path}: {n:column|columns} {columns} of sheet {sheet!r} {n:is|are} hidden and {n:was|were} read",
                   path=path, n=len(read), sheet=hidden.sheet,
                   columns=", ".join(f"{get_column_letter(index + 1)} ({headers[index]})" for index in read))


def hidden_values(table) -> Message | None:
    """A refusal when the value column the import reads is hidden (.xlsx) and the visible column beside it, which
    the import does not read, has a header: a reused form's last figures hidden, this week's written beside them.
    Which the unit means cannot be told; None otherwise (hidden_columns says a hidden column read)."""
    hidden = getattr(table.rows, "hidden", None)
    at = table.columns.get("value")
    if hidden is None or at is None or at not in (shut := set(hidden.columns)):
        return None
    read = set(table.columns.values())
    for step in (1, -1):
        beside = at + step
        while beside in shut:
            beside += step
        if 0 <= beside < len(table.headers) and beside not in read and str(table.headers[beside] or "").strip():
            from openpyxl.utils import get_column_letter

            return Message("{path}: column {column} ({header}) of sheet {sheet!r}, whose figures are read, is hidden, and "
                           "column {other} ({beside}) beside it is shown and not read: show the one that holds this return's "
                           "figures under the header {header} and delete the other", path=table.path, sheet=hidden.sheet,
                           column=get_column_letter(at + 1), header=table.headers[at], other=get_column_letter(beside + 1),
                           beside=table.headers[beside])
    return None


def _stream_errors() -> tuple[type[BaseException], ...]:
    """What streaming a damaged .xlsx may raise (the import's own reader then says what is wrong): the modules imported
    here, on the workbook path only."""
    import zipfile
    import zlib
    from xml.etree.ElementTree import ParseError
    from xml.parsers.expat import ExpatError

    return (zipfile.BadZipFile, ParseError, ExpatError, zlib.error, KeyError, IndexError, OSError, ValueError,
            TypeError, EOFError, RuntimeError)
