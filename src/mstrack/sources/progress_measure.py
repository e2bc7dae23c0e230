"""A return's unit column (计量单位: mstrack's template writes each indicator's unit there) against the unit of the
indicator each of its rows is stored under. A row naming one indicator beside another's unit (a 指标 cell merged down
over the next indicator's row, a row copied and its name changed) would store a figure counted in one unit as the
other's: 教室's 10 间 as 学校 10 所. Such a row is refused, named by file, sheet, row and column; the same unit (as value
cells' units compare: quantities.same_unit, full-width forms folded) or a blank cell reads as before.

The cells are kept as they are met (see, see_cells: every path's rows pass there first), one small number a row, and
compared once the file is read, with the rows each indicator kept (Checked): every path's, the columnar one's too.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from itertools import repeat
from operator import sub

from mstrack.domain.quantities import same_unit
from mstrack.errors import Message
from mstrack.sources.progress_cells import text_value
from mstrack.sources.progress_rows import packed
from mstrack.sources.rows import Cells, Row
from mstrack.vocabulary import CHECKPOINTS_UNIT, SCHEDULE

# a figure and, after it, a unit of words ("20000人", "1.5 万人次", "10张"), not a bare number nor words alone
VALUE_WITH_UNIT_RE = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?\s*[^\d\s.,%％]")


class UnitCells:
    """The unit cells of one file's rows under its header, by row number, as numbers into the distinct cells met."""

    def __init__(self, table, at: int, start: int):
        self.table, self.at = table, at
        self.value_at = table.columns.get("value")  # a value cell stating its unit ("20000人") speaks for its row
        self.start = start  # the index of the file's first checked row (Checked): earlier rows are other files'
        self.codes: dict = {None: 0, "": 0}  # a cell as read → its number (a blank: 0, never compared)
        self.cells: list = [None]  # number → the cell
        self.base: int | None = None  # the row number of by_line[0]
        self.by_line = array("i")

    @classmethod
    def of(cls, table, start: int) -> UnitCells | None:
        """The watcher of a table with a unit column; None for one without (most returns but the template's)."""
        at = table.columns.get("measure")
        return None if at is None else cls(table, at, start)

    def see(self, rows: list[Row]) -> None:
        """Rows as the per-row path reads them (a gap between their numbers allowed)."""
        column = self._said([_cell(row, self.at) for row in rows],
                            None if self.value_at is None else [_cell(row, self.value_at) for row in rows])
        if rows and rows[-1].number - rows[0].number == len(rows) - 1:
            self._add(rows[0].number, column)
            return
        for row, cell in zip(rows, column, strict=True):
            self._add(row.number, [cell])

    def see_cells(self, first: int, cells: Cells) -> None:
        """A chunk of rows' cells as the columnar path takes them, its first row numbered `first`."""
        self._add(first, self._said(cells.column(self.at), None if self.value_at is None else cells.column(self.value_at)))

    @staticmethod
    def _said(column, values) -> list:
        """The unit cells that say something for their rows: blank where the row's value cell states its own unit."""
        if values is None:
            return list(column)
        return [None if _states_unit(value) else cell for value, cell in zip(values, column, strict=True)]

    def _add(self, first: int, column: list) -> None:
        if self.base is None:
            self.base = first
        if (gap := first - self.base - len(self.by_line)) > 0:
            self.by_line.extend(array("i", [0]) * gap)
        codes, cells = self.codes, self.cells
        for cell in set(column).difference(codes):
            codes[cell] = len(cells)
            cells.append(cell)
        self.by_line.extend(packed("i", list(map(codes.__getitem__, column))))

    def problems(self, checked, described) -> list[Message]:
        """Each row kept from this file whose unit cell names another unit than its indicator's, in row order.
        `described(indicator id)` gives the indicator's (name, kind, unit)."""
        line, codes, base, cells = checked.line, self.by_line.__getitem__, self.base or 0, self.cells
        wrong: list[tuple[int, str, str, str]] = []
        for indicator, seqs in checked.of_indicator.items():
            mine = seqs[bisect_left(seqs, self.start):]
            if not mine:
                continue
            lines = list(map(line.__getitem__, mine))
            found = list(map(codes, map(sub, lines, repeat(base))))
            named = set(found)
            named.discard(0)
            if not named:
                continue
            name, kind, unit = described(indicator)
            other = {code for code in named if not agrees(text_value(cells[code]), unit, kind)}
            wrong.extend((number, text_value(cells[code]), name, unit)
                         for number, code in zip(lines, found, strict=True) if code in other)
        table = self.table
        hidden = getattr(table.rows, "hidden", None)
        column = table.label("measure")
        if hidden is not None:
            return [Message("{path}: sheet {sheet!r}, row {row}, column {column}: the row says {said} and {indicator} "
                            "counts {unit}: its figure would be stored as {indicator}'s, in {unit}; correct the unit, or "
                            "the row's indicator", path=table.path, sheet=hidden.sheet, row=number, column=column,
                            said=said, indicator=name, unit=unit or Message("no unit"))
                    for number, said, name, unit in sorted(wrong)]
        return [Message("{path}:{row}:{column}: the row says {said} and {indicator} counts {unit}: its figure would be "
                        "stored as {indicator}'s, in {unit}; correct the unit, or the row's indicator", path=table.path,
                        row=number, column=column, said=said, indicator=name, unit=unit or Message("no unit"))
                for number, said, name, unit in sorted(wrong)]


def agrees(said: str | None, unit: str, kind: str) -> bool:
    """A unit cell fits an indicator: blank, its unit (as value cells' units compare), the unit written another way
    (numbers.unit_forms: ㎡ or m² for 平方米, km for 公里, spaces inside, 个（所） naming both; a unit of its group: 名 for
    人), 个 for any count, or for a text-only line the template's word for its checkpoints (个节点). A unit of another
    scale (人 beside 万人) is another unit: the figure beside it would be stored in the indicator's."""
    if not said or same_unit(said, unit or "") or kind == SCHEDULE and same_unit(said, CHECKPOINTS_UNIT):
        return True
    if not unit:
        return False
    from mstrack.sources.table.numbers import COUNT_UNITS, unit_factor, unit_forms, unit_key  # loads the table reader:
    # only for a cell that differs (a CSV import loads no more than it needs: tests/test_import_chunks)

    mine = unit_forms(unit)
    return any(form in mine or unit_factor(form, unit) >= 0.9 or form == "个" and unit_key(unit) in COUNT_UNITS
               for form in unit_forms(said))


def _cell(row: Row, at: int):
    return row.cells[at] if at < len(row.cells) else None


def _states_unit(value) -> bool:
    """A value cell that says its own unit after its figure ("20000人", "1.5万人次"): the value path checks that unit
    against the indicator's (domain.progress.check_value), scaled; the unit column has nothing to add for the row."""
    return isinstance(value, str) and VALUE_WITH_UNIT_RE.match(value.strip()) is not None
