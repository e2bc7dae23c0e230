"""Old Excel (.xls) and OpenDocument (.ods) workbooks, read by calamine as sources/sheets.py reads .xlsx.

calamine reads both formats' values. What it does not give is read here, bounded before calamine
allocates a sheet: an .ods file's merged cells, its percent cells (calamine gives 0.65 for 65%), its
hidden rows and how far its cells reach (a row repeated a million times is a few bytes of XML). An .xls
sheet is bounded by its format (65,536 rows × 256 columns) and calamine reads its merged cells itself;
its percent cells (those whose number format shows a percentage) and hidden rows (its ROW records'
hidden flag) are read with xlrd (the .xls format's reader of record), which calamine does not give.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from mstrack.errors import InputError
from mstrack.sources.files import calamine_workbook, read_as, unreadable

TABLE_NS = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE_NS = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
WORKBOOK_SUFFIXES = (".xls", ".ods")


def workbook_sheet_names(path: Path) -> list[str]:
    """The workbook's worksheets in their order."""
    import zipfile
    import zlib
    from xml.etree.ElementTree import ParseError

    from python_calamine import CalamineError, SheetTypeEnum

    try:
        if read_as(path) == ".ods":
            return list(_ods_scanned(path))
        workbook = _opened(path)
        return [meta.name for meta in workbook.sheets_metadata if meta.typ == SheetTypeEnum.WorkSheet]
    except (zipfile.BadZipFile, CalamineError, ParseError, zlib.error, OSError, ValueError, TypeError, KeyError, EOFError,
            RuntimeError) as error:
        raise unreadable(path, error) from None


def hidden_sheet_names(path: Path) -> set[str]:
    """The sheets a workbook (.xlsx, .xls or .ods) hides, hidden or very hidden (no tab in Excel; very hidden in no
    list): a unit may not know the figures read came from there, nor find the sheet a refusal names. Opened as every
    read opens it (_opened: a damaged .xls's panic said, not a traceback), after its sheets were listed and bounded
    (sheets.worksheet_names); one that cannot be opened now says none is hidden, and its reader says why."""
    from python_calamine import CalamineError, SheetVisibleEnum

    try:
        metadata = _opened(path).sheets_metadata
    except (CalamineError, InputError, OSError, ValueError):
        return set()
    return {meta.name for meta in metadata if meta.visible != SheetVisibleEnum.Visible}


def workbook_rows(path: Path, sheet: str | None, hidden=None) -> Iterator:
    """Every row of one sheet (the first without `sheet`), merged cells given their top-left value in
    every cell they cover, as xlsx.xlsx_cells gives them; `hidden` (xlsx.HiddenRows) gets the sheet read, the rows it
    hides and its merged ranges before the first row, as xlsx_cells gives an .xlsx's."""
    import zipfile
    import zlib
    from xml.etree.ElementTree import ParseError

    from python_calamine import CalamineError

    from mstrack.sources.xlsx import Extent, check_extent, merged_cells
    from mstrack.sources.xlsx_rows import marked_rows

    names = workbook_sheet_names(path)  # an .ods's from the one pass that bounds every sheet before calamine opens it
    if not names:
        raise InputError("{path}: the workbook has no worksheet", path=path)
    if sheet is None:
        sheet = names[0]
    elif sheet not in names:
        raise InputError("--sheet {sheet!r}: {path} has no such sheet; its sheets: {sheets}", sheet=sheet, path=path,
                         sheets=", ".join(names))
    try:
        percent: dict[int, list[int]] = {}
        merges = None
        extent = Extent()
        if read_as(path) == ".ods":
            scan = _ods_scanned(path)[sheet]  # the pass the names came from, kept: not read again
            percent, merges, extent = scan.percent, scan.extent.merges, scan.extent
            hidden_rows = [number for first, stop in scan.hidden for number in range(first, stop)]
        else:
            percent, hidden_rows = _xls_marks(path, sheet)
        values = _opened(path).get_sheet_by_name(sheet)
        if merges is None:  # .xls: calamine reads the merges, the format bounds the sheet
            last_row, last_column = values.end or (-1, -1)
            extent = Extent(rows=last_row + 1, columns=max(26, last_column + 1), merges=list(values.merged_cell_ranges or ()))
            check_extent(path, sheet, extent)
        else:
            values = _WithMerges(values, merges)
    except (zipfile.BadZipFile, CalamineError, ParseError, zlib.error, KeyError, IndexError, OSError, ValueError, TypeError,
            EOFError, RuntimeError) as error:
        raise unreadable(path, error) from None
    if hidden is not None:
        hidden.sheet, hidden.merged = sheet, merged_cells(extent)
        hidden.rows = [number for number in hidden_rows if number <= extent.rows]
    yield from marked_rows(values, percent, {}, extent, path)


def _opened(path: Path):
    """calamine's workbook. A damaged .xls (an OLE compound file cut short) can make calamine's OLE reader panic:
    pyo3's PanicException, a BaseException, said here as any reader's error is (files.unreadable); Rust's own
    report of the panic on stderr is held back while calamine opens the file (_rust_report_held_back)."""
    try:
        with _rust_report_held_back():
            return calamine_workbook(path)
    except BaseException as error:
        if type(error).__name__ != "PanicException":
            raise
        raise unreadable(path, error) from None


_HOLDING = threading.Lock()
"""One hold at a time: two would each restore the other's file on fd 2."""

_PANIC_REPORT = re.compile(rb"\n?^thread '[^\n]*' (?:\(\d+\) )?panicked at .*?(?:^note: [^\n]*\n|\Z)", re.M | re.S)
"""Rust's default panic hook's report: "thread '…' panicked at file:line:", the message, a backtrace if asked for,
and its closing "note: run with `RUST_BACKTRACE=1` …" line."""


@contextlib.contextmanager
def _rust_report_held_back():
    """File descriptor 2 pointed at a temporary file for the block: Rust's panic hook writes there, not through
    sys.stderr. On every way out fd 2 is restored and what the file took is written to stderr, a panic's report
    left out when the block raised: another thread's words written meanwhile come out late, not lost."""
    import tempfile

    with _HOLDING, tempfile.TemporaryFile() as held:
        sys.stderr.flush()
        saved, raised = os.dup(2), False
        try:
            os.dup2(held.fileno(), 2)
            yield
        except BaseException:
            raised = True
            raise
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            held.seek(0)
            written = held.read()
            _write_stderr(_PANIC_REPORT.sub(b"", written, count=1) if raised else written)


def _write_stderr(data: bytes) -> None:
    while data:
        data = data[os.write(2, data):]


def _xls_marks(path: Path, sheet: str) -> tuple[dict[int, list[int]], list[int]]:
    """The .xls sheet's number cells shown as percentages (row, 1-based → columns, 0-based), from the formats
    of their cells ("0%", "0.00%"): 0.65 formatted so is the 65% the unit typed; and the rows it hides (1-based:
    a ROW record's hidden flag, or the sheet's default for rows without one) that hold something."""
    import io
    import struct

    import xlrd
    from xlrd.compdoc import CompDocError

    from mstrack.sources.xlsx import percent_format

    refused = (xlrd.XLRDError, CompDocError, AssertionError, IndexError, KeyError, ValueError, TypeError, EOFError,
               struct.error)
    try:  # xlrd's warnings ("file size not a multiple of sector size") go to its log, by default stdout
        book = xlrd.open_workbook(path, formatting_info=True, on_demand=True, logfile=io.StringIO())
    except refused:
        return {}, []  # a workbook xlrd cannot take: calamine reads its values (or says why it cannot), formats unknown
    try:
        shown = {index for index, xf in enumerate(book.xf_list)
                 if xf.format_key in book.format_map and percent_format(book.format_map[xf.format_key].format_str)}
        values = book.sheet_by_name(sheet)
        percent: dict[int, list[int]] = {}
        for row in range(values.nrows) if shown else ():
            for column, kind in enumerate(values.row_types(row)):
                if kind == xlrd.XL_CELL_NUMBER and values.cell_xf_index(row, column) in shown:
                    percent.setdefault(row + 1, []).append(column)
        rows, default = values.rowinfo_map, bool(values.default_row_hidden)
        empty = (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK)  # a row of blank cells holds nothing: not said, as an .ods's
        hidden = [row + 1 for row in range(values.nrows) if (rows[row].hidden if row in rows else default)
                  and any(kind not in empty for kind in values.row_types(row))]
        return percent, hidden
    except refused:  # a sheet damaged past its header: formats unknown, as above
        return {}, []
    finally:
        book.release_resources()


class _WithMerges:
    """A calamine sheet of an .ods, with the merged ranges read from its XML (calamine gives none)."""

    def __init__(self, values, merges: list[tuple[tuple[int, int], tuple[int, int]]]):
        self._values = values
        self.start, self.end = values.start, values.end
        self.merged_cell_ranges = merges

    def iter_rows(self):
        return self._values.iter_rows()


ROW, CELLS = TABLE_NS + "table-row", (TABLE_NS + "table-cell", TABLE_NS + "covered-table-cell")


_LAST_SCANNED: list = [None, None]
"""The last .ods file scanned, (path, size, modified) and its scans: the sheet names, then the sheet read, ask for it."""


def _ods_scanned(path: Path) -> dict:
    """Each sheet of the .ods file by its name, in order, with its scan (_OdsScan): its percent cells, merged ranges,
    extent and hidden rows, from content.xml read once as a stream (each row let go once read). calamine expands every
    sheet's repeated rows and cells as it opens the file (a row repeated a million times is a few bytes of XML and
    gigabytes in calamine), so every sheet is bounded here first: rows and cells count as often as they repeat when
    they hold something, and the first sheet past what mstrack reads is refused (xlsx.check_extent) as soon as the
    scan reaches that far. The last file's scans are kept: listing the sheets and reading one is one pass."""
    import zipfile
    from xml.etree.ElementTree import iterparse

    from mstrack.sources.xlsx import check_extent

    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if _LAST_SCANNED[0] == key:
        return _LAST_SCANNED[1]
    scans: dict[str, _OdsScan] = {}
    scan, name, depth = None, "", 0
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as handle:
        for event, element in iterparse(handle, events=("start", "end")):
            tag = element.tag
            if tag == TABLE_NS + "table":
                depth += 1 if event == "start" else -1
                if event == "start" and depth == 1:
                    name, scan = element.get(TABLE_NS + "name", ""), _OdsScan()
                    scans.setdefault(name, scan)  # a name given twice: the first sheet, as calamine finds it
                elif event == "end" and depth == 0:
                    element.clear()
            elif scan is None or depth != 1:
                if event == "end" and tag == ROW:
                    element.clear()
            elif tag == ROW:
                scan.start_row(element) if event == "start" else scan.end_row(element)
            elif event == "end" and tag in CELLS and not scan.cell(element):
                check_extent(path, name, scan.extent)
    _LAST_SCANNED[:] = [key, scans]
    return scans


class _OdsScan:
    """Where the scan of one sheet stands: its row and column, and what it found."""

    def __init__(self):
        from mstrack.sources.xlsx import Extent

        self.percent: dict[int, list[int]] = {}
        self.extent = Extent()
        self.row, self.column, self.repeat_rows = 0, 0, 1
        self.hidden: list[tuple[int, int]] = []  # runs of hidden rows holding something: (first, past the last), 1-based
        self.row_hidden = False

    def start_row(self, element) -> None:
        self.column, self.repeat_rows = 0, int(element.get(TABLE_NS + "number-rows-repeated", 1))
        self.row_hidden = element.get(TABLE_NS + "visibility", "visible") != "visible"  # collapse, or filter

    def _hidden_row(self) -> None:
        """The row read holds something and is hidden: kept as a run (as many as the cells, within MAX_SHEET_CELLS)."""
        first, stop = self.row + 1, self.row + 1 + self.repeat_rows
        if self.hidden and self.hidden[-1][1] >= first:
            self.hidden[-1] = (self.hidden[-1][0], max(stop, self.hidden[-1][1]))
        else:
            self.hidden.append((first, stop))

    def end_row(self, element) -> None:
        self.row += self.repeat_rows
        element.clear()

    def cell(self, element) -> bool:
        """Count one cell (or its repeats); False once the sheet is past what mstrack reads."""
        from mstrack.sources.xlsx import MAX_MERGED_RANGES, MAX_SHEET_CELLS

        extent, row, column = self.extent, self.row, self.column
        repeat = int(element.get(TABLE_NS + "number-columns-repeated", 1))
        self.column += repeat
        kind = element.get(OFFICE_NS + "value-type")
        if kind is not None or len(element):
            extent.rows, extent.columns = max(extent.rows, row + self.repeat_rows), max(extent.columns, column + repeat)
            if extent.rows * extent.columns > MAX_SHEET_CELLS:
                return False
            if self.row_hidden:
                self._hidden_row()
            if kind == "percentage":
                for number in range(row + 1, row + self.repeat_rows + 1):
                    self.percent.setdefault(number, []).extend(range(column, column + repeat))
        spans = (int(element.get(TABLE_NS + "number-rows-spanned", 1)), int(element.get(TABLE_NS + "number-columns-spanned", 1)))
        if spans != (1, 1) and element.tag == CELLS[0]:
            extent.merges.append(((row, column), (row + spans[0] - 1, column + spans[1] - 1)))
        element.clear()
        return len(extent.merges) <= MAX_MERGED_RANGES
