"""Reading the spreadsheets units send: .csv, .tsv and .xlsx as rows of plain values.

Offices' files are messy in ordinary ways: a title row above the header, merged cells, blank rows,
numbers stored as text, dates stored as Excel dates, GBK-encoded CSV from older Excel. Those are
handled here, once, so that importers see clean rows with their spreadsheet row numbers.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .errors import InputError, Message

HEADER_SEARCH_ROWS = 30
MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass
class Row:
    number: int  # as the spreadsheet numbers it, 1-based, title and header rows included
    cells: list


def header_key(text) -> str:
    """Headers match ignoring spaces, full-width forms and case: "截至 日期", "ＶＡＬＵＥ"."""
    if text is None:
        return ""
    return "".join(unicodedata.normalize("NFKC", str(text)).split()).lower().replace("-", "_")


def read_rows(path: Path, sheet: str | None = None) -> Iterator[Row]:
    """Every row of the file's table, as values: str, int, float, date or None."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError("{path}: cannot read: {reason}", path=path, reason=error.strerror or error) from None
    if size == 0:
        raise InputError("{path}: the file is empty", path=path)
    if size > MAX_FILE_BYTES:
        raise InputError("{path}: {size} MB is more than mstrack reads in one file ({limit} MB); split it", path=path,
                         size=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        yield from _xlsx_rows(path, sheet)
    elif suffix in (".csv", ".tsv", ".txt"):
        if sheet is not None:
            raise InputError("--sheet {sheet}: {path} is a text file and has no sheets", sheet=sheet, path=path)
        yield from _text_rows(path, "\t" if suffix in (".tsv", ".txt") else None)
    elif suffix == ".xls":
        raise InputError("{path}: old .xls files are not read; save it as .xlsx (Excel/WPS: 另存为 .xlsx)", path=path)
    else:
        raise InputError("{path}: unknown file type {suffix}; use .csv, .tsv or .xlsx", path=path, suffix=suffix or Message("(none)"))


def decode_text(raw: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), else GBK/GB18030 as older Excel and WPS save CSV."""
    nul = raw.find(b"\x00", 0, 65536)
    if nul >= 0:
        raise InputError("{path}: not a text file (binary content at byte {byte})", path=path, byte=nul)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError("{path}: not a text file: neither UTF-8 nor GB18030 text", path=path)


def text_encoding(path: Path) -> str:
    """utf-8-sig when the whole file is UTF-8, else gb18030, found in one pass that keeps nothing:
    a million-row file is then read row by row, never held whole."""
    import codecs

    with path.open("rb") as handle:
        head = handle.read(65536)
        nul = head.find(b"\x00")
        if nul >= 0:
            raise InputError("{path}: not a text file (binary content at byte {byte})", path=path, byte=nul)
        for encoding in ("utf-8", "gb18030"):
            decoder = codecs.getincrementaldecoder(encoding)()
            handle.seek(0)
            try:
                while chunk := handle.read(1 << 20):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                continue
            return "utf-8-sig" if encoding == "utf-8" else encoding
    raise InputError("{path}: not a text file: neither UTF-8 nor GB18030 text", path=path)


def _text_rows(path: Path, delimiter: str | None) -> Iterator[Row]:
    encoding = text_encoding(path)
    csv.field_size_limit(MAX_FILE_BYTES)
    with path.open(encoding=encoding, newline="") as handle:
        if delimiter is None:
            try:
                delimiter = csv.Sniffer().sniff(handle.read(4096), delimiters=",;\t，").delimiter
            except csv.Error:
                delimiter = ","
            handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            for number, cells in enumerate(reader, start=1):
                yield Row(number, [cell if cell.strip() else None for cell in cells])
        except csv.Error as error:
            raise InputError("{path}:{line}: not readable as CSV: {error}", path=path, line=reader.line_num, error=error) from None


def _xlsx_rows(path: Path, sheet: str | None) -> Iterator[Row]:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, EOFError) as error:
        raise InputError("{path}: not a readable .xlsx file ({kind}: {error})", path=path, kind=type(error).__name__,
                         error=str(error)[:200]) from None
    if sheet is None:
        worksheet = workbook.worksheets[0]
    elif sheet in workbook.sheetnames:
        worksheet = workbook[sheet]
    else:
        raise InputError("--sheet {sheet!r}: {path} has no such sheet; its sheets: {sheets}", sheet=sheet, path=path,
                         sheets=", ".join(workbook.sheetnames))
    merged: dict[tuple[int, int], tuple[int, int]] = {}
    for cell_range in worksheet.merged_cells.ranges:
        for row in range(cell_range.min_row, cell_range.max_row + 1):
            for column in range(cell_range.min_col, cell_range.max_col + 1):
                merged[(row, column)] = (cell_range.min_row, cell_range.min_col)
    formulas = _formula_cells(path, worksheet.title) if _has_formulas(path) else {}
    anchors = set(merged.values())
    values: dict[tuple[int, int], object] = {}  # of merged ranges' top-left cells only
    for row in worksheet.iter_rows():
        cells = []
        for cell in row:
            value = _cell_value(cell)
            place = (cell.row, cell.column)
            if value is None and place in formulas:
                value = Uncomputed(formulas[place])
            if place in anchors:
                values[place] = value
            if value is None and place in merged:
                value = values.get(merged[place])
            cells.append(value)
        if row:
            yield Row(row[0].row, cells)


class Uncomputed(str):
    """A formula cell saved without its computed value (written by a script, never opened in Excel)."""


def _has_formulas(path: Path) -> bool:
    """Whether any sheet holds a formula (<f> in its XML): most units' files have none, and then the
    second pass over the workbook is not needed."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                content = archive.read(name)
                if b"<f>" in content or b"<f " in content:
                    return True
    return False


def _formula_cells(path: Path, title: str) -> dict[tuple[int, int], str]:
    """Formulas of the sheet, so that one with no saved value is named rather than read as empty."""
    from openpyxl import load_workbook

    sheet = load_workbook(path, read_only=True)[title]
    found = {}
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                found[(cell.row, cell.column)] = cell.value
    return found


def _cell_value(cell):
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        if "%" in (cell.number_format or ""):
            return f"{round(value * 100, 6):g}%"  # 0.65 shown as 65% is the 65% the unit typed
        return int(value) if float(value).is_integer() else value
    return value


@dataclass
class Table:
    """Rows under a recognised header; `columns` maps a field to its column index."""

    path: Path
    header_row: int
    headers: list[str]
    columns: dict[str, int]
    rows: Iterator[Row]  # streamed: a large file is never held whole

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


def find_table(path: Path, rows: Iterator[Row], aliases: dict[str, set[str]], required: tuple[str, ...]) -> Table:
    """The first row among the top rows whose cells name every required field is the header."""
    seen: list[Row] = []
    for row in rows:
        if len(seen) >= HEADER_SEARCH_ROWS:
            break
        seen.append(row)
        columns: dict[str, int] = {}
        duplicates = []
        for index, cell in enumerate(row.cells):
            key = header_key(cell)
            for field, names in aliases.items():
                if key in names:
                    if field in columns:
                        duplicates.append((field, row.cells[columns[field]], cell))
                    columns.setdefault(field, index)
        if all(field in columns for field in required):
            if duplicates:
                field, first, second = duplicates[0]
                raise InputError("{path}:{line}: two columns mean {field}: {first!r} and {second!r}", path=path, line=row.number,
                                 field=field, first=first, second=second)
            headers = [str(cell) if cell is not None else "" for cell in row.cells]
            return Table(path, row.number, headers, columns, rows)
    wanted = "; ".join(f"{field}: {' / '.join(sorted(aliases[field]))}" for field in required)
    raise InputError("{path}: no header row found in the first {n} rows (needs {wanted})", path=path, n=HEADER_SEARCH_ROWS,
                     wanted=wanted)


def cell_text(value) -> str | None:
    """A cell as text, the way the unit typed it; numbers keep no trailing .0."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() or None


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
