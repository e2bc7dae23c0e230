"""Calamine's sheet (or the streamed reader's) as importers take it: rows placed as the spreadsheet has them, made
plain a column at a time, with the marks sources/xlsx.py's guard found in the sheet's XML applied; and the sheet's
extent and cell limit that both the guard and the placing use."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from mstrack.domain.dates import TYPED_NUMBER_BEFORE
from mstrack.errors import InputError
from mstrack.sources.rows import Cells, Row, Shown

MAX_SHEET_CELLS = 2**20 * 26
"""A sheet's extent, its last row × its last column, is at most what 1,048,576 rows (all Excel has)
from A to Z hold: 27,262,976 cells. calamine holds that extent whole; a sheet that names a cell
at XFD1048576 would ask for 17 billion. Sheets within A–Z count as 26 columns wide, so that the
scan need not find their last column (a sheet within A–Z is always read in full)."""

@dataclass
class Extent:
    """The last row and column a sheet's XML names (its <dimension> is not trusted), and its merges."""

    rows: int = 0
    columns: int = 26
    row_tags: int = 0
    unreferenced: bool = False  # cells without a reference (placed by counting)
    row_at: int = 0  # the number of the last row tag read (a row without r="…" is the one after it)
    merges: list = field(default_factory=list)  # ((top, left), (bottom, right)), 0-based; past the limit, no more are kept



def marked_rows(values, percent: dict[int, list[int]], fills: dict[int, dict[int, str]], extent: Extent,
                path: Path) -> Iterator[Row]:
    """marked_cells as Rows, numbered from 1."""
    from itertools import count

    return map(Row, count(1), marked_cells(values, percent, fills, extent, path))


class Marked(list):
    """The cells of a row that holds an error value or a formula saved without its value (a fill of the guard's):
    a bulk import's columnar path leaves its chunk to the per-row path, which names the formula."""

    __slots__ = ()


def marked_cells(values, percent: dict[int, list[int]], fills: dict[int, dict[int, str]], extent: Extent,
                 path: Path) -> Iterator[list]:
    """marked_blocks' rows, one list a row from the first."""
    from itertools import chain

    return chain.from_iterable(block.rows() for block in marked_blocks(values, percent, fills, extent, path))


def marked_blocks(values, percent: dict[int, list[int]], fills: dict[int, dict[int, str]], extent: Extent,
                  path: Path) -> Iterator[Cells]:
    """Calamine's rows' cells placed as the spreadsheet has them (it leaves out empty columns on the left),
    BLOCK_ROWS rows at a time from the first, with the XML's marks applied (a percent cell as its text, a row with
    a fill Marked) and every cell of a merged range given its top-left cell's value. A sheet whose cells need no
    placing row by row (no pads, fills or merges: most sheets) gives its blocks as columns, its percent cells shown
    in their columns; any other its blocks as rows.

    Merged ranges are cut to the sheet's extent (the cells its XML names, and at least columns A–Z):
    A3:XFD1048576 under a small table merges nothing beyond it."""
    from itertools import chain

    last_row, last_column = values.end or (-1, -1)
    starting, area, merged_height, merged_width = _merges(values.merged_cell_ranges, extent)
    # merged cells, unsaved formulas and error values are no values to calamine
    height = max(last_row + 1, merged_height, *fills)
    width = max(last_column + 1, merged_width, *(column + 1 for row in fills.values() for column in row))
    if area > MAX_SHEET_CELLS:  # overlapping ranges, each within the table
        raise InputError("{path}: merged ranges cover {cells} cells, more than mstrack reads in one sheet ({limit})", path=path,
                         cells=f"{area:,}", limit=f"{MAX_SHEET_CELLS:,}")
    first_column = values.start[1] if values.start else 0
    left_pad, right_pad = [None] * first_column, [None] * (width - last_column - 1)
    plain = plain_blocks(values, height)
    if not (left_pad or right_pad or fills or starting):  # most sheets: calamine's rows as they are, made plain by columns
        first = 1
        for size, columns, rows in plain:
            if columns is None:  # not of one width: row by row
                for number in filter(percent.__contains__, range(first, first + size)):
                    _show_percent(rows[number - first], percent[number], width)
                yield Cells(rows=rows)
            else:
                if percent:
                    _show_percent_columns(columns, percent, first, size)
                yield Cells(columns=columns, size=size)
            first += size
        return
    plain_rows = chain.from_iterable(map(_rows_of, plain))  # each a new list
    yield from map(Cells, blocks(_placed_rows(plain_rows, percent, fills, starting, left_pad, right_pad, width)))


def plain_blocks(values, height: int) -> Iterator[tuple[int, list | None, list | None]]:
    """The sheet's first `height` rows (calamine's, then empty ones down to the merges and fills below them),
    BLOCK_ROWS at a time, made plain (plain_parts). A sheet parsed in another process (sources/xlsx_fork.py) gives
    its rows' blocks made plain there."""
    from itertools import chain, repeat

    first_column = values.start[1] if values.start else 0
    last_row, last_column = values.end or (-1, -1)
    below = repeat([""] * (last_column + 1 - first_column), height - last_row - 1)
    if hasattr(values, "plain_blocks"):
        yield from values.plain_blocks()
        yield from map(plain_parts, blocks(below))
        return
    rows = values.iter_rows() if values.start else ()  # an empty sheet's iter_rows panics in calamine 0.5
    yield from map(plain_parts, blocks(chain(rows, below)))


def plain_parts(block: list) -> tuple[int, list | None, list | None]:
    """(rows, their columns made plain, None) for a block of one width (plain_columns); (rows, None, the rows made
    plain cell by cell) for any other."""
    columns = plain_columns(block)
    if columns is None:
        return len(block), None, [list(map(_plain, row)) for row in block]
    return len(block), columns, None


def _placed_rows(plain_rows, percent: dict[int, list], fills: dict[int, dict[int, str]],
                 starting: dict[int, list[tuple[int, int, int]]], left_pad: list, right_pad: list, width: int) -> Iterator[list]:
    """Plain rows placed one by one: padded to the sheet's columns, marked, and merged ranges filled."""
    active: list[tuple[int, int, int, int, object]] = []  # (top, left, right, bottom, top-left value) of ranges over this row
    for number, plain in enumerate(plain_rows, start=1):
        cells = [*left_pad, *plain, *right_pad] if left_pad or right_pad else plain
        if number in percent:
            _show_percent(cells, percent[number], width)
        if number in fills:
            for column, fill in fills[number].items():
                if cells[column] is None:
                    cells[column] = fill
            cells = Marked(cells)
        if number in starting:
            active.extend((number, left, right, bottom, cells[left]) for left, right, bottom in starting.pop(number))
        if active:
            active = [merge for merge in active if merge[3] >= number]
            for _, left, right, _, value in active:
                cells[left:right + 1] = [value] * (right - left + 1)
        yield cells


BLOCK_ROWS = 1024
"""Rows of calamine's values made plain together, a column at a time (plain_block)."""


def blocks(rows) -> Iterator[list]:
    """The rows, BLOCK_ROWS at a time: a streamed sheet stays a stream."""
    from itertools import islice

    rows = iter(rows)
    while block := list(islice(rows, BLOCK_ROWS)):
        yield block


def plain_block(rows: list) -> list[list]:
    """Rows of calamine's values as _plain makes them (plain_columns, turned back into rows)."""
    return _rows_of(plain_parts(rows))


def _rows_of(part: tuple[int, list | None, list | None]) -> list[list]:
    """A plain_parts block as rows, each a new list."""
    _, columns, rows = part
    return rows if columns is None else list(map(list, zip(*columns, strict=True)))


def plain_columns(rows: list) -> list[list | tuple] | None:
    """The columns of rows of calamine's values as _plain makes them, a column at a time: a column of text with no
    blank cell, of finite numbers (the integral ones made int), of ints, of dates or of timestamps is made by C calls
    (most columns of a report are one of these), any other goes cell by cell. None for rows of more than one width,
    or of none."""
    from operator import getitem

    if len(set(map(len, rows))) != 1 or not rows[0]:
        return None
    columns = []
    for column in zip(*rows, strict=True):
        kinds = set(map(type, column))
        if kinds == {str} and all(map(str.strip, column)):
            columns.append(column)
        elif kinds == {float} and all(map(math.isfinite, column)):  # integral ones as int, the rest as they are, in C
            columns.append(list(map(getitem, zip(column, map(int, column), strict=True), map(float.is_integer, column))))
        elif kinds == {int} or kinds == {date}:
            columns.append(column)
        elif kinds == {datetime}:
            columns.append(list(map(datetime.date, column)) if min(column) >= TYPED_NUMBER_BEFORE else list(map(_plain, column)))
        else:
            columns.append(list(map(_plain, column)))
    return columns


def merged_rows(rows: Iterator[list], ranges: list, extent: Extent) -> Iterator[list]:
    """A sheet's rows of cells (lists, from its first row) with each merged range's cells given its top-left value,
    the ranges cut to `extent`, as marked_blocks fills them in: for a streamed look at a sheet's top rows
    (sources/progress_sheets)."""
    starting = _merges(ranges, extent)[0]
    return _placed_rows(rows, {}, {}, starting, [], [], extent.columns) if starting else iter(rows)


def _merges(ranges, extent: Extent) -> tuple[dict[int, list[tuple[int, int, int]]], int, int, int]:
    """The merged ranges by their top row (1-based) → (left, right, bottom), each cut to the sheet's extent;
    the cells they cover together, and how far down and right they reach."""
    starting: dict[int, list[tuple[int, int, int]]] = {}
    area = merged_height = merged_width = 0
    for (top, left), (bottom, right) in ranges or ():
        bottom, right = min(bottom, extent.rows - 1), min(right, extent.columns - 1)
        if top <= bottom and left <= right:
            starting.setdefault(top + 1, []).append((left, right, bottom + 1))
            area += (bottom - top + 1) * (right - left + 1)
            merged_height, merged_width = max(merged_height, bottom + 1), max(merged_width, right + 1)
    return starting, area, merged_height, merged_width


def _show_percent_columns(columns: list, percent: dict[int, list], first: int, size: int) -> None:
    """_show_percent on a block's columns, whose first row is number `first`: only the rows with a percent cell
    are visited (found in C), and only the columns they name made lists."""
    for number in filter(percent.__contains__, range(first, first + size)):
        for mark in percent[number]:
            column = mark if type(mark) is int else mark[0]
            if column < len(columns):
                cells = columns[column]
                if type(cells) is not list:
                    cells = columns[column] = list(cells)
                value = cells[number - first]
                if type(value) in (int, float):
                    cells[number - first] = shown_text(value, mark)


def _show_percent(cells: list, marks: list, width: int) -> None:
    for mark in marks:
        column = mark if type(mark) is int else mark[0]
        if column < width and type(cells[column]) in (int, float):
            cells[column] = shown_text(cells[column], mark)


def shown_text(value: float, mark: int | tuple[int, str]) -> str | Shown:
    """A number as its cell's format shows it: a percent cell's (a column alone, xlsx._sheet_marks) 0.65 as the 65%
    the unit typed; a cell whose format prints a unit after the figure ((column, unit): 0.0"亿元") 1.5 as "1.5亿元",
    read as a typed value is, scaled and its unit checked; the number kept (Shown) for a code or date column."""
    if type(mark) is int:
        return f"{round(value * 100, 6):g}%"
    return Shown(f"{value:.15g}{mark[1]}", value)


def _plain(value):
    """A calamine value as importers take it: None for blanks, dates without their time (but a number typed into a
    date cell: TYPED_NUMBER_BEFORE), integral floats as int, NaN/inf and booleans as text."""
    kind = type(value)
    if kind is str:
        return value if value.strip() else None
    if kind is float:
        if value.is_integer():
            return int(value)
        return value if math.isfinite(value) else str(value)
    if kind is bool:
        return str(value)
    if kind is datetime:
        return value if value < TYPED_NUMBER_BEFORE and value.time() != time.min else value.date()
    return value
