"""Reading the spreadsheets units send and the tables offices publish: .csv, .tsv, .xlsx (its bounded reader in
sources/xlsx.py; .xls and .ods in sources/workbooks.py) and tab text as rows of plain values (sources/rows.py).

Offices' files are messy in ordinary ways: a title row above the header, merged cells, blank rows,
numbers stored as text, dates stored as Excel dates, GBK-encoded CSV from older Excel. Those are
handled here, once (a text file's encoding by sources/encodings), so that importers see clean rows with
their spreadsheet row numbers.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from pathlib import Path

from mstrack.domain.dates import TYPED_NUMBER_BEFORE, typed_number
from mstrack.domain.limits import MAX_FILE_BYTES
from mstrack.domain.names import look_alike
from mstrack.errors import InputError, Joined, Message, NoHeaderError
from mstrack.sources.encodings import chinese_lost, streamed_encoding
from mstrack.sources.files import calamine_workbook, check_file_size, read_as, unreadable
from mstrack.sources.rows import Cells, Row

HEADER_SEARCH_ROWS = 200
"""The top rows a header is looked for in, by `import progress` and the -o check alike (find_table): a unit's return
may open with a long 填报说明 of 40 lines or more; a sheet with no header costs these rows streamed, no more."""


def header_key(text) -> str:
    """Headers match ignoring spaces, full-width forms, case and traditional characters: "截至 日期",
    "ＶＡＬＵＥ", "任務編號"; and a byte order mark (U+FEFF) inside, as space: two CSV files joined by `cat` put the
    second's in its header's first cell ("no programme column" of a file that has one). Names' look_alike
    (domain/names), and more: a header is one of mstrack's own column names, typed in any case and with "-" for "_"
    (AS-OF, as_of), where a name's case and dashes are its own (a plan's two names that differ only so are two)."""
    if text is None:
        return ""
    return look_alike(str(text).replace("\ufeff", " ")).lower().replace("-", "_")


TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
"""Tables kept as text: one sheet each."""
SHEETED_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
"""Workbooks: a table on one of their sheets."""


def read_rows(path: Path, sheet: str | None = None) -> Iterator[Row]:
    """Every row of the file's table, as values: str, int, float, date or None. Nothing is read, and no
    problem raised, before the first row is asked for."""
    suffix = read_as(path)  # by its content where its name does not fit (files.content_suffix)
    if suffix in TEXT_SUFFIXES:
        return TextRows(path, sheet, "\t" if suffix in (".tsv", ".txt") else None)
    if suffix in (".xlsx", ".xlsm"):
        return SheetRows(path, sheet)
    if suffix in (".xls", ".ods"):
        return WorkbookRows(path, sheet)
    if suffix in (".html", ".htm", ".docx"):
        return _document_rows(path)
    return _unknown_rows(path, suffix)


def _document_rows(path: Path) -> Iterator[Row]:
    """The largest table of a web page or a Word document: an office system's "export to Excel" is a web page named
    .xls, its sheet one table."""
    from mstrack.sources.documents import document_tables

    yield from document_tables(path)[0]


def _unknown_rows(path: Path, suffix: str) -> Iterator[Row]:
    check_file_size(path)
    raise InputError("{path}: unknown file type {suffix}; use .csv, .tsv, .xlsx, .xls or .ods", path=path,
                     suffix=suffix or Message("(none)"))
    yield  # a generator: the file is refused when its first row is asked for, as every other reader's


def as_row(number: int, cells: list[str]) -> Row:
    """A row of csv.reader's cells: a blank cell is None (the common row has none: checked in C)."""
    if not all(map(str.strip, cells)):
        cells = [cell if cell.strip() else None for cell in cells]
    return Row(number, cells)


class NumberedRows:
    """What a file's rows are after read_rows, for .csv and .xlsx alike: Row by Row, numbered as read (find_table
    reads the header so), and after the header `chunk`, the next rows' Cells as the reader holds them (a bulk import
    checks their columns, and makes Rows of a chunk it cannot: rows_of)."""

    number = 0  # the last row's number

    def __iter__(self) -> NumberedRows:
        return self

    def __next__(self) -> Row:
        cells = self._next_cells()
        self.number += 1
        return self.as_row(self.number, cells)

    def chunk(self, size: int) -> tuple[int, Cells]:
        """Up to `size` next rows' cells, and the first one's number."""
        cells = self._take(size)
        first, self.number = self.number + 1, self.number + len(cells)
        return first, cells

    def rows_of(self, first: int, chunk: Cells) -> list[Row]:
        """The Rows of a chunk, numbered from `first`."""
        return list(map(self.as_row, range(first, first + len(chunk)), chunk.rows()))

    def _next_cells(self) -> list:
        raise NotImplementedError

    def _take(self, size: int) -> Cells:
        raise NotImplementedError


class TextRows(NumberedRows):
    """The rows of a .csv or .tsv file, the file opened at the first; a chunk's rows are csv.reader's, a blank cell ""
    (a Row's is None: as_row). A bad byte after the encoding's head stops the reading with its offset, nothing
    written."""

    as_row = staticmethod(as_row)

    def __init__(self, path: Path, sheet: str | None, delimiter: str | None):
        self.path, self.sheet, self.delimiter = path, sheet, delimiter
        self.handle = self.reader = None

    def _next_cells(self) -> list[str]:
        return self._read(next)

    def _take(self, size: int) -> Cells:
        return Cells(rows=self._read(lambda reader: list(islice(reader, size))))

    def _read(self, take):
        if self.reader is None:
            self._open()
        try:
            return take(self.reader)
        except StopIteration:
            self.close()
            raise
        except UnicodeDecodeError as error:  # a bad byte after the head: the import stops, nothing written
            byte = self.handle.buffer.tell() - len(error.object) + error.start
            self.close()
            raise InputError("{path}: not readable as {encoding} text (byte {byte})", path=self.path,
                             encoding="UTF-8" if self.encoding == "utf-8-sig" else self.encoding.upper(), byte=byte) from None
        except csv.Error as error:
            self.close()
            raise InputError("{path}:{line}: not readable as CSV: {error}", path=self.path, line=self.reader.line_num,
                             error=error) from None

    def _open(self) -> None:
        check_file_size(self.path)
        if self.sheet is not None:
            raise InputError("--sheet {sheet}: {path} is a text file and has no sheets", sheet=self.sheet, path=self.path)
        self.encoding = streamed_encoding(self.path)
        self.handle = self.path.open(encoding=self.encoding, newline="")
        self.reader = delimited_reader(self.handle, self.delimiter)

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
        self.reader = iter(())

    __del__ = close


class SheetRows(NumberedRows):
    """The rows of an .xlsx sheet (sources/xlsx.py), the file opened at the first; the cells typed as the reader
    gives them (str, int, float, date; a blank cell None; a row holding an error value or an unsaved formula a
    Marked list), read a block at a time, which a chunk takes as it is held (most sheets' as columns)."""

    as_row = Row

    def __init__(self, path: Path, sheet: str | None):
        self.path, self.sheet = path, sheet
        self.hidden = None  # the sheet read and the rows it hides (xlsx.HiddenRows), known once the first block is read
        self.blocks: Iterator[Cells] | None = None
        self.block, self.at = Cells(rows=[]), 0  # the block being read, and its next row

    def _next_cells(self) -> list:
        while self.at >= len(self.block):
            self.block, self.at = next(self._blocks()), 0
        self.at += 1
        return self.block.rows()[self.at - 1]

    def _take(self, size: int) -> Cells:
        parts = []
        while size:
            if self.at >= len(self.block):
                self.block, self.at = next(self._blocks(), None), 0
                if self.block is None:
                    self.block = Cells(rows=[])
                    break
            part = self.block.part(self.at, self.at + size)
            self.at += len(part)
            size -= len(part)
            parts.append(part)
        return Cells.joined(parts)

    def _blocks(self) -> Iterator[Cells]:
        if self.blocks is None:
            from mstrack.sources.xlsx import HiddenRows, xlsx_cells  # here: a CSV import never loads the .xlsx reader

            check_file_size(self.path)
            self.hidden = HiddenRows()
            self.blocks = xlsx_cells(self.path, self.sheet, self.hidden)
        return self.blocks


class WorkbookRows:
    """The rows of an .xls or .ods sheet (sources/workbooks.py) one by one, the file opened at the first; `hidden` as
    SheetRows's (xlsx.HiddenRows: the sheet read and its ranges merged down; no hidden rows), known once the first row
    is read."""

    def __init__(self, path: Path, sheet: str | None):
        self.path, self.sheet = path, sheet
        self.hidden = None
        self.rows: Iterator[Row] | None = None

    def __iter__(self) -> WorkbookRows:
        return self

    def __next__(self) -> Row:
        if self.rows is None:
            from mstrack.sources.workbooks import workbook_rows
            from mstrack.sources.xlsx import HiddenRows

            check_file_size(self.path)
            self.hidden = HiddenRows()
            self.rows = workbook_rows(self.path, self.sheet, self.hidden)
        return next(self.rows)


def delimited_reader(handle, delimiter: str | None = None):
    """csv.reader over CSV or TSV text, its delimiter, when not given, guessed from the first lines."""
    csv.field_size_limit(MAX_FILE_BYTES)
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(handle.read(4096), delimiters=",;\t，").delimiter
        except csv.Error:
            delimiter = ","
        handle.seek(0)
    return UnguardedReader(csv.reader(handle, delimiter=delimiter))


class UnguardedReader:
    """csv.reader's rows with Excel's text guard taken off: `="2"` (an office system's "导出Excel(CSV)" writes codes and
    figures so, that Excel keeps 002 and 1-2 as typed) is the text 2, as Excel opens it (trial65 #9). `line_num` is
    the reader's."""

    def __init__(self, reader):
        self.reader = reader

    def __iter__(self) -> UnguardedReader:
        return self

    def __next__(self) -> list[str]:
        row = next(self.reader)
        if '="' in "\x00".join(row):
            row = [unguarded(cell) for cell in row]
        return row

    @property
    def line_num(self) -> int:
        return self.reader.line_num


def unguarded(cell: str) -> str:
    """A CSV cell's text without Excel's guard `="…"` (its quotes doubled inside), else as it is."""
    if (m := GUARD_RE.fullmatch(cell)) and '"' not in m[1].replace('""', ""):
        return m[1].replace('""', '"')
    return cell


GUARD_RE = re.compile(r'\s*="(.*)"\s*', re.DOTALL)


def delimited_rows(handle, path: Path, delimiter: str | None = None) -> Iterator[Row]:
    """The rows of CSV or TSV text, numbered as a spreadsheet numbers them (a quoted cell may span lines)."""
    reader = delimited_reader(handle, delimiter)
    try:
        for number, cells in enumerate(reader, start=1):
            yield as_row(number, cells)
    except csv.Error as error:
        raise InputError("{path}:{line}: not readable as CSV: {error}", path=path, line=reader.line_num, error=error) from None


def tab_lines(text: str) -> Iterator[Row]:
    """Text pasted from a document: one row a line, cells separated by tabs, no quoting."""
    for number, line in enumerate(text.split("\n"), start=1):
        yield Row(number, line.split("\t"))


def spread_lines(text: str, width: int = 0) -> Iterator[Row]:
    """Text whose cells are spread over lines: a blank line ends a row, a tab starts a cell, other
    lines continue it; a line before any cell is a row of its own (prose above a table).

    Once the header's width is known, a blank line inside a row that still lacks cells is not its end.
    """
    cells: list[str] = []
    first = 0
    last_line = text.count("\n")
    for number, line in enumerate(text.split("\n") + [""], start=1):
        if not line.strip() and not line.startswith("\t"):
            if cells and len(cells) < width and number <= last_line:
                continue
            if cells:
                yield Row(first, cells)
            cells = []
            continue
        if line.startswith("\t"):
            if not cells:
                first = number
            cells.append(line[1:])
        elif cells:
            cells[-1] += "\n" + line
        else:
            yield Row(number, [line])


def worksheet_names(path: Path) -> list[str]:
    """The workbook's worksheets, the one it opens on first (import table reads them all)."""
    check_file_size(path)  # calamine unpacks the shared strings as it opens the workbook: a zip bomb is refused first
    if read_as(path) in (".xls", ".ods"):
        from mstrack.sources.workbooks import workbook_sheet_names

        return workbook_sheet_names(path)
    import zipfile
    from xml.etree import ElementTree

    from python_calamine import CalamineError, SheetTypeEnum

    try:
        workbook = calamine_workbook(path)
        names = [meta.name for meta in workbook.sheets_metadata if meta.typ == SheetTypeEnum.WorkSheet]
        with zipfile.ZipFile(path) as archive:
            view = ElementTree.fromstring(archive.read("xl/workbook.xml")).find("{*}bookViews/{*}workbookView")
        active = workbook.sheet_names[int(view.get("activeTab", 0))] if view is not None else None
    except (zipfile.BadZipFile, CalamineError, ElementTree.ParseError, KeyError, IndexError, OSError, ValueError) as error:
        raise unreadable(path, error, suffix=".xlsx") from None
    return sorted(names, key=lambda name: name != active)


@dataclass
class Table:
    """Rows under a recognised header; `columns` maps a field to its column index."""

    path: Path
    header_row: int
    headers: list[str]
    columns: dict[str, int]
    rows: Iterator[Row]  # streamed: a large file is never held whole
    above: list[Row] = field(default_factory=list)  # the rows above the header (a title, "填报单位：…")

    @property
    def source(self) -> str:
        return self.path.name

    def label(self, field: str) -> str:
        return str(self.headers[self.columns[field]])

    def get(self, row: Row, field: str):
        index = self.columns.get(field)
        if index is None or index >= len(row.cells):
            return None
        return row.cells[index]


FIELD_WORDS = {"programme": Message("programme"), "task": Message("task"), "indicator": Message("indicator"),
               "as_of": Message("as_of"), "value": Message("value"), "note": Message("note"), "reporter": Message("reporter")}
"""A column's field as the header's messages name it: its key in English, its usual header in Chinese."""


def columns_read(table: Table) -> Joined:
    """Each header as the import read it ("序号 as task"), then those it did not read: what to rename when a column
    was not recognised."""
    fields = {index: field for field, index in table.columns.items()}
    read = [Message("{header} as {field}", header=header, field=FIELD_WORDS.get(fields[index], fields[index]))
            for index, header in enumerate(table.headers) if index in fields]
    unread = [header for index, header in enumerate(table.headers) if index not in fields and header.strip()]
    if unread:
        read.append(Message("not read: {headers}", headers="、".join(unread)))
    return Joined("; ", read)


def find_table(path: Path, rows: Iterator[Row], aliases: dict[str, set[str]], required: tuple[str | tuple[str, ...], ...],
               sheets: list[str] | None = None) -> Table:
    """The first row among the top rows whose cells name every required field is the header (a tuple of fields:
    one of them). None found: NoHeaderError, naming the workbook's sheets (`sheets` when the caller has listed them,
    else listed here) and counting the rows searched that hold a cell."""
    fields: dict[str, list[str]] = {}  # a header's key → the fields it names
    for name, names in aliases.items():
        for key in names:
            fields.setdefault(key, []).append(name)
    keys: dict[str, str] = {}  # a cell's text → its header_key: the rows of a sheet of data repeat their words
    seen: list[Row] = []
    filled = 0
    near = None  # the first row naming two fields or more that lacks only one required: (row, the field it lacks)
    for row in rows:
        if len(seen) >= HEADER_SEARCH_ROWS:
            break
        seen.append(row)
        columns: dict[str, int] = {}
        duplicates = []
        spots: dict[str, list[int]] = {}  # each field's every column in the row: a duplicate's refusal names them all
        blank = True
        for index, cell in enumerate(row.cells):
            if not isinstance(cell, str):  # a number or a date (an .xlsx cell's type) names no field
                blank = blank and cell is None
                continue
            key = keys.get(cell)
            if key is None:
                key = keys[cell] = header_key(cell)
            blank = blank and not key
            for name in fields.get(key, ()):
                if name in columns:
                    duplicates.append(name)
                columns.setdefault(name, index)
                spots.setdefault(name, []).append(index)
        filled += not blank
        if all(not columns.keys().isdisjoint((wanted,) if isinstance(wanted, str) else wanted) for wanted in required):
            duplicates = [name for name in duplicates if not _second_name(name, row.cells, spots, columns)]
            if duplicates:
                from mstrack.sources.duplicate_columns import same_field

                field = max(duplicates, key=lambda name: len(spots[name]))  # the most columns: a quarter's figures
                raise same_field(path, row, seen[:-1], FIELD_WORDS.get(field, field), spots[field])
            headers = [str(cell) if cell is not None else "" for cell in row.cells]
            return Table(path, row.number, headers, columns, rows, seen[:-1])
        lacking = [wanted for wanted in required
                   if columns.keys().isdisjoint((wanted,) if isinstance(wanted, str) else wanted)]
        if near is None and len(lacking) == 1 and len(columns) >= 2:
            near = (row, lacking[0] if isinstance(lacking[0], str) else lacking[0][0])
    if (lost := chinese_lost(path, (row.cells for row in seen), NoHeaderError)) is not None:
        lost.filled = filled
        raise lost
    wanted = Joined("; ", [Message("{field}: {names}", field=FIELD_WORDS.get(first, first), names=" / ".join(sorted(aliases[first])))
                           for first in (one if isinstance(one, str) else one[0] for one in required)])  # the usual of several
    choose = _sheets_to_choose(path, sheets)
    if near is not None:  # a header with one column renamed (数值 → 截至9月底累计完成数): that row, and what it lacks
        row, field = near
        fields = dict(line=row.number, field=FIELD_WORDS.get(field, field), names=" / ".join(sorted(aliases[field])),
                      headers="、".join(str(cell) for cell in row.cells if cell is not None and str(cell).strip()))
        if choose:  # the sheet first (views52): the table may be on another sheet, the row renamed only on this one
            raise NoHeaderError("{path}: no header row found in the first {n} rows (needs {wanted}); the workbook has the "
                                "sheets {sheets}: name the one to read with --sheet; on the sheet read, row {line} has the "
                                "other headers ({headers}) and lacks only a {field} column: head that column with one of "
                                "{names}", path=path, n=HEADER_SEARCH_ROWS, wanted=wanted, sheets=choose, filled=filled,
                                **fields)
        raise NoHeaderError("{path}: no header row found in the first {n} rows (needs {wanted}); row {line} has the other "
                            "headers ({headers}) and lacks only a {field} column: head that column with one of {names}",
                            path=path, n=HEADER_SEARCH_ROWS, wanted=wanted, filled=filled, **fields)
    if choose:
        raise NoHeaderError("{path}: no header row found in the first {n} rows (needs {wanted}); the workbook has the sheets"
                            " {sheets}: name the one to read with --sheet", path=path, n=HEADER_SEARCH_ROWS, wanted=wanted,
                            sheets=choose, filled=filled)
    raise NoHeaderError("{path}: no header row found in the first {n} rows (needs {wanted})", path=path, n=HEADER_SEARCH_ROWS,
                        wanted=wanted, filled=filled)


SECOND_NAMES = {"note": frozenset(map(header_key, ("说明",)))}
"""Headers that name a field only where no other column does: 说明 beside 备注 is a column of the unit's words the import
does not read (said: progress_unread), not a second note column."""


def _second_name(field: str, cells: list, spots: dict[str, list[int]], columns: dict[str, int]) -> bool:
    """Whether a field's columns are one of its own name and others of its SECOND_NAMES: the first read, the others not."""
    second = SECOND_NAMES.get(field)
    if second is None:
        return False
    first = [at for at in spots[field] if header_key(cells[at]) not in second]
    if len(first) != 1:
        return False
    spots[field], columns[field] = first, first[0]
    return True


def _sheets_to_choose(path: Path, sheets: list[str] | None = None) -> str | None:
    """A workbook's sheets, when it has more than one: a unit's file often opens on a sheet of notes (填报说明)
    with the table on the next, and the error should say where else to look. `sheets`: the names, when the caller
    has them (sheet_tables, looking at every sheet, lists them once, not once a sheet)."""
    if path.suffix.lower() not in (".xlsx", ".xlsm", ".xls", ".ods"):
        return None
    if sheets is None:
        try:
            sheets = worksheet_names(path)
        except InputError:
            return None
    return ", ".join(sheets) if len(sheets) > 1 else None


def cell_text(value) -> str | None:
    """A cell as text, the way the unit typed it; numbers keep no trailing .0."""
    if value is None:
        return None
    if isinstance(value, date):  # a day before 1901: a number typed into a date cell (12.31 shows as 1900-01-12 07:26)
        day = value.date() if isinstance(value, datetime) else value
        return typed_number(value) if day < TYPED_NUMBER_BEFORE.date() else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return (text.replace("\ufeff", "") if "\ufeff" in text else text).strip() or None  # a BOM is no text either
