"""A table file read as rows of cleaned text cells, in every way it can be read (most likely first)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from mstrack.domain.limits import strip_controls
from mstrack.errors import InputError, Message
from mstrack.sources.files import check_file_size
from mstrack.sources.sheets import Row, cell_text, delimited_rows, read_text, spread_lines, tab_lines, worksheet_names, xlsx_rows


@dataclass(kw_only=True)
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


def clean_cell(value) -> str:
    """A cell as the table reader takes it: text without Word's marks, "" for a blank or a "/" placeholder."""
    text = cell_text(value)
    if text is None:
        return ""
    text = re.sub(r"\[bookmark:[^\]]*\]", "", text)  # Word bookmarks left by conversion
    text = strip_controls(text.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ")).strip()
    return "" if re.fullmatch(r"[/／\\—–\-无]+", text) else text  # "/" marks an empty cell


def _cleaned(rows: Iterator[Row]) -> list[Row]:
    return [Row(row.number, [clean_cell(value) for value in row.cells]) for row in rows]


def _read_xlsx(path: Path, sheet: str | None) -> list[Sheet]:
    """Every worksheet (the one the workbook opens on first), read as import progress reads them:
    merged cells take their top-left value, and a sheet's extent is checked before it is read."""
    from openpyxl.utils import get_column_letter

    names = worksheet_names(path)
    if sheet is not None and sheet not in names:
        raise InputError("{path}: no sheet named {sheet!r} (sheets: {sheets})", path=path, sheet=sheet, sheets=", ".join(names))
    return [Sheet(path=path, rows=[row for row in _cleaned(xlsx_rows(path, name)) if any(row.cells)], column_name=get_column_letter)
            for name in ([sheet] if sheet is not None else names)]


def _spread_sheet(path: Path, text: str, width: int = 0) -> Sheet:
    """The text read as cells spread over lines; once the header's width is known, read again by it."""
    sheet = Sheet(path=path, rows=_cleaned(spread_lines(text, width)))
    if not width:
        sheet.regroup = lambda w: _spread_sheet(path, text, w)
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
    text = read_text(path)
    if suffix in (".csv", ".tsv", ".tab"):
        rows = delimited_rows(io.StringIO(text), path, None if suffix == ".csv" else "\t")
        return [Sheet(path=path, rows=_cleaned(row for row in rows if any(cell is not None for cell in row.cells)))]
    tab_rows = (row for row in tab_lines(text) if any(cell.strip() for cell in row.cells))
    return [Sheet(path=path, rows=_cleaned(tab_rows)), _spread_sheet(path, text)]
