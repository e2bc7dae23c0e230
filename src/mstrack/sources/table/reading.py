"""A table file read as rows of cleaned text cells, in every way it can be read (most likely first)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from mstrack.domain.limits import check_file_size, strip_controls
from mstrack.errors import InputError, Message
from mstrack.sources.sheets import decode_text


@dataclass
class Row:
    number: int  # the file's own row (line) number, for messages
    cells: list[str]


@dataclass
class Sheet:
    path: Path
    rows: list[Row]
    column_name: object = None  # callable(index) -> str, how the file names a column
    regroup: object = None  # callable(width) -> Sheet: rows read again knowing the header's width

    def where(self, row: Row, index: int, header: str = "") -> Message:
        name = self.column_name(index) if self.column_name else str(index + 1)
        if header:
            return Message("{path}: row {row}, column {column} ({header})", path=self.path, row=row.number, column=name,
                           header=header)
        return Message("{path}: row {row}, column {column}", path=self.path, row=row.number, column=name)


def _clean_cell(value: str) -> str:
    value = re.sub(r"\[bookmark:[^\]]*\]", "", value)  # Word bookmarks left by conversion
    value = strip_controls(value.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ")).strip()
    return "" if re.fullmatch(r"[/／\\—–\-无]+", value) else value  # "/" marks an empty cell


def _read_xlsx(path: Path, sheet: str | None) -> list[Sheet]:
    """Every worksheet (the one the workbook opens on first), read as import progress reads them:
    merged cells take their top-left value, and a sheet's extent is checked before it is read."""
    from openpyxl.utils import get_column_letter

    from mstrack.sources.sheets import worksheet_names, xlsx_rows

    names = worksheet_names(path)
    if sheet is not None and sheet not in names:
        raise InputError("{path}: no sheet named {sheet!r} (sheets: {sheets})", path=path, sheet=sheet, sheets=", ".join(names))
    sheets = []
    for name in [sheet] if sheet is not None else names:
        rows = []
        for row in xlsx_rows(path, name):
            cells = [_cell_text(value) for value in row.cells]
            if any(cells):
                rows.append(Row(row.number, cells))
        sheets.append(Sheet(path, rows, get_column_letter))
    return sheets


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _clean_cell(str(value))


def _read_delimited(path: Path, text: str, delimiter: str | None) -> Sheet:
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",\t;").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows, start = [], 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append(Row(start, [_clean_cell(c) for c in cells]))
            start = reader.line_num + 1
    except csv.Error as error:
        raise InputError("{path}: row {row}: not readable as {delimiter!r}-separated text: {error}", path=path,
                         row=reader.line_num, delimiter=delimiter, error=error) from None
    return Sheet(path, rows)


def _read_tab_lines(path: Path, text: str) -> Sheet:
    """The seeds' plain text: one row a line, cells separated by tabs, prose around the table."""
    rows = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            rows.append(Row(number, [_clean_cell(c) for c in line.split("\t")]))
    return Sheet(path, rows)


def _read_spread_lines(path: Path, text: str, width: int = 0) -> Sheet:
    """Cells spread over lines: a blank line ends a row, a tab starts a cell, other lines continue it.

    Once the header's width is known, a blank line inside a row that still lacks cells is not its end.
    """
    rows: list[Row] = []
    cells: list[str] = []
    first = 0
    for number, line in enumerate(text.split("\n") + [""], start=1):
        if not line.strip() and not line.startswith("\t"):
            if cells and len(cells) < width and number <= text.count("\n"):
                continue
            if cells:
                rows.append(Row(first, [_clean_cell(c) for c in cells]))
            cells = []
            continue
        if line.startswith("\t"):
            if not cells:
                first = number
            cells.append(line[1:])
        elif cells:
            cells[-1] += "\n" + line
        else:
            rows.append(Row(number, [_clean_cell(line)]))  # prose before the table
    sheet = Sheet(path, rows)
    if not width:
        sheet.regroup = lambda w: _read_spread_lines(path, text, w)
    return sheet


def read_sheets(path: Path, sheet: str | None = None) -> list[Sheet]:
    """Every way the file can be read as rows of cells, most likely first."""
    check_file_size(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
        suffix = path.suffix.lower()
        if suffix in (".xlsx", ".xlsm"):
            return _read_xlsx(path, sheet)
        if head[:4] == b"PK\x03\x04":  # .ods, .zip: calamine would take an .ods in whole, unbounded
            raise InputError("{path}: unknown file type {suffix}; use .csv, .tsv or .xlsx", path=path, suffix=suffix or Message("(none)"))
        raw = path.read_bytes()
    except OSError as error:
        raise InputError("{path}: cannot read: {reason}", path=path, reason=error.strerror or error) from None
    if not raw.strip():
        raise InputError("{path}: empty file", path=path)
    if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InputError("{path}: an old .xls workbook: save it as .xlsx or .csv", path=path)
    if sheet is not None:
        raise InputError("{path}: --sheet applies to .xlsx workbooks only", path=path)
    text = decode_text(raw, path)
    if suffix == ".csv":
        return [_read_delimited(path, text, None)]
    if suffix in (".tsv", ".tab"):
        return [_read_delimited(path, text, "\t")]
    return [_read_tab_lines(path, text), _read_spread_lines(path, text)]
