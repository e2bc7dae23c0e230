"""The bounded .xlsx reader: values from calamine, and what calamine does not say (number formats, error
values, formulas saved without a value, the sheet's true extent and merges) from the sheet's XML, read
before calamine allocates anything (the guard's pass: its patterns and pieces of XML in sources/xlsx_xml.py);
sources/xlsx_rows.py places and marks the values. sources/workbooks.py uses its extent checks for .xls and .ods too."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mstrack.errors import InputError
from mstrack.sources import xlsx_xml
from mstrack.sources.files import calamine_workbook, unreadable
from mstrack.sources.rows import Cells, Uncomputed
from mstrack.sources.xlsx_rows import MAX_SHEET_CELLS, Extent, marked_blocks
from mstrack.sources.xlsx_xml import (
    CELL_COLUMN,
    REFERENCE,
    SHARED_INDEX,
    STYLE,
    CellPatterns,
    Places,
    column_letters,
    column_of_letters,
    whole_rows,
)


def xlsx_cells(path: Path, sheet: str | None, hidden: HiddenRows | None = None) -> Iterator[Cells]:
    """The sheet's rows' cells, the first row's first, BLOCK_ROWS at a time (marked_blocks).

    Values come from calamine (Rust: a 100,000-row sheet in under a second, where openpyxl took 17 s),
    or for a sheet beyond STREAM_CELLS (or a workbook whose shared strings go beyond STREAM_SHARED_BYTES)
    from sources/xlsx_stream.py, which holds a piece of it at a time where calamine holds it whole; what
    calamine does not say (number formats, error values, formulas saved without a value) comes from the
    sheet's XML. A large sheet is parsed by calamine in a child process while this one makes the guard's
    pass (sources/xlsx_fork.py): on two cores the two overlap. `hidden` gets the sheet read and the numbers of
    the rows it hides, found by the guard's pass before the first block."""
    import zipfile
    import zlib
    from xml.etree import ElementTree
    from xml.parsers.expat import ExpatError

    from python_calamine import CalamineError, SheetTypeEnum

    forked = None
    try:
        with zipfile.ZipFile(path) as archive:  # a zip bomb was refused unread (files.check_file_size, before this)
            workbook = calamine_workbook(path)
            if sheet is None:
                sheet = [meta.name for meta in workbook.sheets_metadata if meta.typ == SheetTypeEnum.WorkSheet][0]
            elif sheet not in workbook.sheet_names:
                raise InputError("--sheet {sheet!r}: {path} has no such sheet; its sheets: {sheets}", sheet=sheet, path=path,
                                 sheets=", ".join(workbook.sheet_names))
            parts = sheet_parts(archive, sheet)
            if hidden is not None:
                hidden.sheet = sheet
            percent_styles, date_styles = cell_styles(archive.read(parts.styles)) if parts.styles else ({}, set())
            shared_bytes = archive.getinfo(parts.shared).file_size if parts.shared else 0
            if shared_bytes <= STREAM_SHARED_BYTES:  # calamine's parse in a second process, beside the guard's pass
                from mstrack.sources.xlsx_fork import forked_sheet, held_interrupt

                with held_interrupt():  # the child is in `forked` before a Ctrl-C can leave it unkilled and unreaped
                    forked = forked_sheet(path, sheet, archive.getinfo(parts.sheet).file_size,
                                          functools.partial(workbook.get_sheet_by_name, sheet), parts.sheet)
            with archive.open(parts.sheet) as handle:  # read before calamine: it allocates the sheet's whole extent at once
                percent, fills, extent = _sheet_marks(handle, percent_styles, forked.close if forked else None,
                                                      hidden.rows if hidden is not None else None,
                                                      hidden.columns if hidden is not None else None)
            check_extent(path, sheet, extent)
            if hidden is not None:
                hidden.merged = merged_cells(extent)
            if extent.rows * extent.columns > STREAM_CELLS or shared_bytes > STREAM_SHARED_BYTES:
                from mstrack.sources.xlsx_stream import StreamedSheet

                values = StreamedSheet(path=path, member=parts.sheet, shared=parts.shared, date_styles=date_styles,
                                       date1904=parts.date1904, rows=extent.rows, last_column=_last_column(archive, parts.sheet, extent),
                                       merges=extent.merges)
            elif forked is not None and forked.opened():
                values = forked
            else:
                from mstrack.sources.xlsx_once import parsed_once

                values = parsed_once(path, parts.sheet, sheet) or workbook.get_sheet_by_name(sheet)
        yield from marked_blocks(values, percent, fills, extent, path)
    except (zipfile.BadZipFile, CalamineError, ElementTree.ParseError, ExpatError, zlib.error, KeyError, IndexError, OSError,
            ValueError, TypeError, EOFError, RuntimeError) as error:  # RuntimeError: zipfile's unsupported or encrypted members
        raise unreadable(path, error, suffix=".xlsx") from None
    finally:
        if forked is not None:
            forked.close()


@dataclass
class HiddenRows:
    """The sheet a workbook reader read and the rows it hides (1-based; an .xlsx's, .xls's and .ods's), for a warning: a
    hidden row is still read; and its ranges merged over more than one cell ((top, left), (bottom, right), 0-based),
    for import progress to refuse a figure merged over rows of different tasks and to read a note's column only where
    its own cell is (sources/progress_merged.py)."""

    sheet: str = ""
    rows: list[int] = field(default_factory=list)
    merged: list = field(default_factory=list)
    columns: list[int] = field(default_factory=list)  # the columns the sheet hides (0-based; an .xlsx's <col hidden="1">)


def merged_cells(extent: Extent) -> list:
    """The sheet's ranges merged over more than one cell (down, across or both) from a row within its extent, each cut
    to its last row (A3:XFD1048576 under a table)."""
    last = extent.rows - 1
    return [((top, left), (min(bottom, last), right)) for (top, left), (bottom, right) in extent.merges
            if top <= last and (min(bottom, last) > top or right > left)]


STREAM_CELLS = 4_000_000
"""A sheet's extent (last row × last column, at least A–Z) beyond which it is read as a stream: calamine
would hold ~100 bytes a cell. 100,000 rows of a unit's report (2.6 million as counted) stay with calamine."""
STREAM_SHARED_BYTES = 64 << 20
"""A shared-strings part larger than this (unpacked) is read as a stream too: calamine holds the table whole."""
MAX_MERGED_RANGES = 200_000


def check_extent(path: Path, sheet: str, extent: Extent) -> None:
    if extent.rows * extent.columns > MAX_SHEET_CELLS:
        from openpyxl.utils import get_column_letter  # only here: importing openpyxl takes a quarter second

        raise InputError("{path}: sheet {sheet!r} reaches row {rows} and column {column}: {cells} cells, more than mstrack reads "
                         "in one sheet ({limit}); delete what lies beyond the table, or split it", path=path, sheet=sheet,
                         rows=extent.rows, column=get_column_letter(min(extent.columns, 18278)), cells=f"{extent.rows * extent.columns:,}",
                         limit=f"{MAX_SHEET_CELLS:,}")
    if len(extent.merges) > MAX_MERGED_RANGES:
        raise InputError("{path}: sheet {sheet!r} has more merged ranges than mstrack reads ({limit})", path=path,
                         sheet=sheet, limit=MAX_MERGED_RANGES)


@dataclass
class _Parts:
    sheet: str
    styles: str | None
    shared: str | None
    date1904: bool


def sheet_parts(archive, sheet: str) -> _Parts:
    """The zip members of the sheet named `sheet`, of the styles and of the shared strings, as the
    workbook's relationships name them (sheet3.xml need not be the third sheet), and its date system."""
    import posixpath
    from xml.etree import ElementTree

    names = {name.lower(): name for name in archive.namelist()}  # Excel takes part names in any case

    def read(name: str) -> bytes:
        return archive.read(names.get(name.lower(), name))

    def member(target: str) -> str:
        name = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        return names.get(name.lower(), name)

    def related(kind: str) -> str | None:
        return next((member(rel.get("Target", "")) for rel in relationships if rel.get("Type", "").endswith(kind)), None)

    relationships = ElementTree.fromstring(read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in relationships}
    book = ElementTree.fromstring(read("xl/workbook.xml"))
    properties = book.find("{*}workbookPr")
    date1904 = properties is not None and properties.get("date1904", "").lower() in ("1", "true")
    for element in book.iterfind("{*}sheets/{*}sheet"):
        if element.get("name") == sheet:
            rel = next((value for key, value in element.attrib.items() if key.endswith("}id")), None)
            shared = related("/sharedStrings")
            return _Parts(member(targets[rel]), related("/styles"), shared if shared in archive.NameToInfo else None, date1904)
    raise KeyError(f"no sheet {sheet!r} in xl/workbook.xml")


PERCENT_FORMATS = {9: "0%", 10: "0.00%"}  # Excel's built-in ones


def percent_format(code: str) -> bool:
    """A number format that shows a percentage: a % outside quoted text, escapes and [colour] sections
    ("0.0%", not '0"%"' or '0\\%', which print a typed 65 as 65% without scaling it)."""
    return "%" in re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code)


def cell_styles(styles: bytes) -> tuple[dict[int, str], set[int]]:
    """The cell styles (`s="3"`) whose number format shows a percent ("%"), or a unit after the figure (its unit:
    format_unit), by index; and the indices of those that show a date."""
    from xml.etree import ElementTree

    from mstrack.sources.xlsx_stream import DATE_FORMATS, format_unit, is_date_format

    root = ElementTree.fromstring(styles)
    formats = PERCENT_FORMATS | {int(element.get("numFmtId")): element.get("formatCode", "")
                                 for element in root.iterfind("{*}numFmts/{*}numFmt")}
    dates = DATE_FORMATS.difference(formats) | {number for number, code in formats.items() if is_date_format(code)}
    shown = {number: "%" if percent_format(code) else format_unit(code) for number, code in formats.items() if number not in dates}
    shown = {number: unit for number, unit in shown.items() if unit}
    by_style = [int(element.get("numFmtId", 0)) for element in root.iterfind("{*}cellXfs/{*}xf")]
    return ({index: shown[number] for index, number in enumerate(by_style) if number in shown},
            {index for index, number in enumerate(by_style) if number in dates})


def _sheet_marks(handle, percent_styles: dict[int, str], streamed: Callable[[], None] | None = None,
                 hidden: list[int] | None = None,
                 hidden_columns: list[int] | None = None) -> tuple[dict[int, list], dict[int, dict[int, str]], Extent]:
    """From the sheet's XML, read in pieces of whole rows and searched by compiled patterns (a Python
    step per marked cell only): the cells with a percent style (row → columns; a cell whose style prints a unit
    after its figure as (column, unit): cell_styles), what fills a cell
    calamine reads as empty (row → column → Uncomputed(formula), or an error value such as "#DIV/0!"),
    and how far the sheet reaches. `streamed` is called as soon as the sheet reaches beyond STREAM_CELLS
    (it ends a child parsing the sheet with calamine: sources/xlsx_fork.py). The rows the sheet hides (a row tag's
    hidden="1", numbered by its r=) holding something (a value or formula, as .ods and .xls say them) go into `hidden`: a
    literal search a piece, the pattern only where it finds one; the columns it hides (<col hidden="1">, before its
    rows) into `hidden_columns`."""
    percent: dict[int, list[int]] = {}
    fills: dict[int, dict[int, str]] = {}
    extent = Extent()
    head = handle.read(xlsx_xml.CHUNK_BYTES)  # read where whole_rows reads it: one size, patched in one place
    root = re.search(rb"<(\w+:)?worksheet[\s>]", head)
    if root is None:
        return percent, fills, extent  # a chart or dialog sheet: no cells
    patterns = CellPatterns(root[1] or b"", set(percent_styles))
    units = any(unit != "%" for unit in percent_styles.values())
    if hidden_columns is not None:
        hidden_columns.extend(_hidden_columns(head, root[1] or b""))
    shared: dict[bytes, tuple[str, str]] = {}  # a shared formula's si → its first cell and formula
    for piece in whole_rows(handle, head, patterns.row_end):
        places = Places(piece, patterns, extent.row_at)
        _reach(piece, patterns, extent)
        if extent.rows * extent.columns > MAX_SHEET_CELLS:
            break  # no need to read the rest of a sheet that is refused
        if streamed is not None and extent.rows * extent.columns > STREAM_CELLS:
            streamed()
            streamed = None
        if patterns.percent or patterns.percent_style:
            for place, attributes in _percent_cells(piece, patterns, places):
                if units:  # a format printing a unit: the column and its unit (xlsx_rows.shown_text)
                    style = STYLE.search(attributes)
                    unit = percent_styles[int(style[1]) if style else 0]
                    percent.setdefault(place[0], []).append(place[1] if unit == "%" else (place[1], unit))
                else:
                    percent.setdefault(place[0], []).append(place[1])
        if patterns.formula_mark.search(piece):
            _uncomputed_formulas(piece, patterns, places, shared, fills)
        if patterns.error_mark.search(piece):
            _error_values(piece, patterns, places, fills)
        if hidden is not None and patterns.hidden_mark.search(piece):
            hidden.extend(int(row) for row, cells in patterns.hidden_row.findall(piece) if patterns.held.search(cells))
    return percent, fills, extent


def _hidden_columns(head: bytes, prefix: bytes) -> list[int]:
    """The columns (0-based) a sheet's <cols> hides: <col min="5" max="5" hidden="1"/>, before its <sheetData>."""
    end = head.find(b"<%ssheetData" % prefix)
    found: list[int] = []
    for attributes in re.findall(rb"<%scol\s([^>]*)" % prefix, head[:end if end >= 0 else len(head)]):
        if re.search(rb"""\shidden=["'](?:1|true)["']""", b" " + attributes):
            first, last = (re.search(rb"""\s%s=["']([0-9]+)["']""" % name, b" " + attributes) for name in (b"min", b"max"))
            if first and last:
                found.extend(range(int(first[1]) - 1, min(int(last[1]), 16384)))
    return found


def _percent_cells(piece: bytes, patterns: CellPatterns, places: Places) -> Iterator[tuple[tuple[int, int], bytes]]:
    """(row, column) of this piece's cells whose style shows a percent (or a unit), with the cell's attributes. Found
    by the style attribute itself where the first style is no percent one (a few cells in a sheet carry it: one
    search at C speed), else by reading every cell's attributes."""
    if patterns.percent is not None:
        for match in patterns.percent.finditer(piece):
            if place := places.of(match.start(), match[1]):
                yield place, match[1]
        return
    tag = patterns.cell_tag
    for match in patterns.percent_style.finditer(piece):
        if not piece[match.start() - 1:match.start()].isspace():
            continue  # the end of another attribute's name
        start = piece.rfind(b"<", 0, match.start())
        end = piece.find(b">", match.end())
        attributes = piece[start + len(tag):end]  # from the tag's first blank: ` r="E5" s="2"` or `ol …` of a <col>
        if not (piece.startswith(tag, start) and attributes[:1].isspace() and b">" not in piece[start:match.start()]):
            continue  # a row's style, or text
        if place := places.of(start, attributes):
            yield place, attributes


def _error_values(piece: bytes, patterns: CellPatterns, places: Places, fills: dict[int, dict[int, str]]) -> None:
    """Fill `fills` with this piece's error values ("#DIV/0!"), which calamine reads as empty."""
    import html

    for match in patterns.error.finditer(piece):
        if place := places.of(match.start(), match[1]):
            fills.setdefault(place[0], {})[place[1]] = html.unescape(match[2].decode())


def _uncomputed_formulas(piece: bytes, patterns: CellPatterns, places: Places, shared: dict[bytes, tuple[str, str]],
                         fills: dict[int, dict[int, str]]) -> None:
    """Fill `fills` with this piece's formulas saved without a value; remember the shared formulas' first cells."""
    import html

    for match in patterns.formula.finditer(piece):
        _, options, text, cached = match.groups(b"")
        place = places.of(match.start(), match[1] or b"")
        if place is None:
            continue
        here = column_letters(place[1]) + str(place[0])
        formula, uncomputed = "=" + html.unescape(text.decode()), not cached.strip()
        if b"shared" in options:  # named as openpyxl names it: the first cell's formula, moved to this cell
            key = SHARED_INDEX.search(options)
            key = key[1] if key else b""
            if key in shared and uncomputed:
                from openpyxl.formula.translate import Translator

                origin, first = shared[key]
                formula = Translator(first, origin=origin).translate_formula(here)
            elif key not in shared and formula != "=":
                shared[key] = (here, formula)
        if uncomputed:
            fills.setdefault(place[0], {})[place[1]] = Uncomputed(formula)


def _reach(piece: bytes, patterns: CellPatterns, extent: Extent) -> None:
    """Widen `extent` to the cells of this piece of XML: their references (r="B7"), and where cells
    or rows come without one (calamine then places them by counting), how many there are.

    calamine places a cell by its own reference, whatever its row's says. Rows' numbers are read (one
    a row); cells' only where a cell tag does not begin with a reference within A–Z and these rows (one
    search that finds nothing in a well-made file, three times faster than reading every cell's), and
    then each rare thing is looked for on its own."""
    rows = patterns.row.findall(piece)  # each row's number, b"" for a row without one
    if numbered := [number for number in rows if number]:
        extent.rows = max(extent.rows, max(map(int, numbered)))
    odd = _odd_cell(extent.rows, patterns.cell_tag).search(piece)
    if odd and _below(extent.rows, or_wide=True).search(piece):
        if _below(extent.rows).search(piece):
            extent.rows = max(extent.rows, max(map(int, patterns.cell_row.findall(piece))))
        for letters in set(patterns.wide.findall(piece)):
            extent.columns = max(extent.columns, column_of_letters(letters))
    extent.row_tags += len(rows)
    numbered_last = next((index for index in range(len(rows) - 1, -1, -1) if rows[index]), None)
    if numbered_last is None:
        extent.row_at += len(rows)
    else:
        extent.row_at = int(rows[numbered_last]) + len(rows) - 1 - numbered_last
    extent.rows = max(extent.rows, extent.row_tags)
    # Cells whose tag does not begin <c r=…> are counted row by row (with <col>, <cfRule>…: a count that can
    # only be too high): a cell without a reference takes the next column.
    if odd and patterns.unreferenced_cell.search(piece):
        extent.unreferenced = True
        for row in piece.split(patterns.row_end):
            extent.columns = max(extent.columns, row.count(patterns.cell_tag))
    if len(extent.merges) <= MAX_MERGED_RANGES and patterns.merge_tag in piece:  # past the limit the sheet is refused
        extent.merges.extend(merged_range(reference) for reference in patterns.merge_ref.findall(piece))


@functools.lru_cache(maxsize=16)
def _below(row: int, or_wide: bool = False) -> re.Pattern:
    """A cell reference to a row after `row` (r="A1048576" after 100001): the number longer, or as long
    and larger at its first differing digit; with `or_wide`, or to a column after Z."""
    digits = str(row)
    larger = [f"[1-9][0-9]{{{len(digits)},}}"] + [f"{digits[:i]}[{int(d) + 1}-9][0-9]{{{len(digits) - i - 1}}}"
                                                   for i, d in enumerate(digits) if d != "9"]
    # possessive, and a row number as long as `row` looked for first: most references fail there, at C speed
    below = rf"""0*+(?=[0-9]{{{len(digits)}}})(?:{"|".join(larger)})["']"""
    if or_wide:
        return re.compile(rf"""r=["'](?:[A-Z]{{2,3}}+[0-9]|[A-Z]{below})""".encode())
    return re.compile(rf"""r=["'][A-Z]{{1,3}}+{below}""".encode())


@functools.lru_cache(maxsize=16)
def _odd_cell(row: int, cell_tag: bytes) -> re.Pattern:
    """A cell tag that does not begin with a reference to columns A–Z and rows up to `row` (r="G100001"): one
    without a reference, or with another attribute first, or past Z, or below `row`. A tag, not an r="…"
    anywhere: a text or another element's attribute holding r="AB7" is no cell."""
    digits = str(row)
    larger = "|".join(f"{digits[:i]}[{int(d) + 1}-9]" for i, d in enumerate(digits) if d != "9") or "(?!)"
    shorter = f"[0-9]{{1,{len(digits) - 1}}}+[\"']|" if len(digits) > 1 else ""  # possessive: no digit given back
    within = rf"""\sr=["'][A-Z]0*+(?:{shorter}(?!{larger})[0-9]{{{len(digits)}}}["'])"""
    return re.compile(rb"%s(?=[\s>/])(?!%s)" % (cell_tag, within.encode()))


def merged_range(reference: bytes) -> tuple[tuple[int, int], tuple[int, int]]:
    """b"A3:C4" → ((2, 0), (3, 2))."""
    first, last = (REFERENCE.match(b" r='" + corner + b"'") for corner in reference.split(b":"))
    return ((int(first[2]) - 1, column_of_letters(first[1]) - 1), (int(last[2]) - 1, column_of_letters(last[1]) - 1))


def _last_column(archive, member: str, extent: Extent) -> int:
    """The last column (0-based) a sheet's cells name: a streamed sheet's rows are that wide. One more pass
    over the XML, made only for a sheet that is streamed."""
    if extent.unreferenced:
        return extent.columns - 1
    letters: set[bytes] = set()
    with archive.open(member) as handle:
        for piece in whole_rows(handle, b"", b"row>"):  # pieces cut after a row tag, prefixed or not
            letters.update(CELL_COLUMN.findall(piece))
    return max((column_of_letters(found) for found in letters), default=0) - 1
