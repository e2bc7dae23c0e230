"""A return's value or note cell merged over the rows of different tasks or indicators, or merged across into the note
column. The sheet reader gives every cell of a merged range its top-left value (docs/import.md): right for a task
number or a programme merged down its block, and for a 截至日期 merged down a table (one date for every row, as the unit
meant), but a figure merged over two tasks' rows would be stored for each, one of them invented. Such a range is
refused, named by file, sheet, rows and column; a range over rows of one indicator (the same figure on two days) reads
as before. A note merged so is words, not a figure: kept with each row (the unit may mean it for both), and said. A
range that starts in the value column and runs across the note column (a figure merged D3:E3 over 数值 and 备注)
gives that column a copy of the figure, no note: the note cell of its rows reads blank. One that starts in a column the
import does not read (words merged from 进展情况 across 备注) is the unit's words, kept as the note. An 指标 cell merged
down over rows whose template cells say another indicator (their 计量单位 or 本期目标 differ) would store the other rows'
figures as the first's indicator: refused too (a unit that differs is named on its row as well: progress_measure).
A range across both the task and the value columns (填表人：… merged over the row under the table) is a line of words:
its first cell's, the copies blank, so that the row is skipped as a line with no task and no figure (progress_unread).
One across the task column only, beside a figure (合计 or 填表人：… over 计划 and 任务编号, a figure under 数值), is a footer
or total row with a figure and no task: refused in those words (`across`, progress_values.Values._fail), not as a
programme or task its copies would name. A 计划 merged across 任务编号 (a programme code written once over both) names
the programme only: its copies under 任务编号 (and 工作任务) read blank, the row matched by what else it says.
"""

from __future__ import annotations

from bisect import bisect_left

from mstrack.errors import Message
from mstrack.sources.progress_cells import text_value
from mstrack.sources.rows import Cells, Row

WATCHED = ("value", "note", "indicator")
"""The columns whose cell is a row's own, a figure or a unit's words: merged over other rows, it is theirs by accident
(a figure refused, a note said). A date merged down is the date of each row (a return's one 截至日期 merged down its
table): not watched. An 指标 cell merged down is watched where the return has the template's TRAITS: the indicator
of each row it covers (a name merged down the rows of one indicator's several dates reads as before)."""
TRAITS = ("measure", "target")
"""The template's cells that differ from one indicator to another (its unit, its target for the period): the rows an
指标 cell is merged over are one indicator's only where they agree."""
KEYS = ("programme", "task", "indicator", "title")
"""The columns that say which indicator a row reports on: every one the return has, however its rows are matched to
tasks (by number, or by title: a 项目名称 column with no task number). The title only where no task number is: beside
one, a 任务名称 written on a block's first row only names no other task."""


class MergedValues:
    """The merged ranges of a workbook's sheet over its value or note column below its header, and the (programme,
    task, indicator, title) cells of the rows they cover, met as the import reads its rows (see, see_cells), whose
    note cells copied from a range starting in the value column are made blank on the way."""

    def __init__(self, table, ranges: list[tuple[str, int, int, int, int]], copies: set[int],
                 borrowed: dict[int, str] | None = None, lines: dict[int, tuple[int, int]] | None = None,
                 across: set[int] | None = None):
        self.table = table
        self.across = across or set()  # a row with one cell merged across its task column (not its value's): a footer
        self.lines = lines or {}  # a row that is one cell merged across its task and value columns, or its 计划 merged
        # over 任务编号 → (the last cell kept, the last column): its cells after the first are copies, made blank
        self.lined = sorted(self.lines)
        self.borrowed = borrowed or {}  # a row whose value cell is a copy of a cell left of it → the range ("C3:D3")
        self.lent: dict[int, str] = {}  # such rows met with a figure there: refused (problems)
        self.ranges = ranges  # (field, top, bottom, left, right): rows 1-based, columns 0-based
        self.copies = copies  # the rows whose note cell holds another column's merged value
        self.copied, self.lending = sorted(copies), sorted(self.borrowed)  # the same, in order: a chunk takes its slice
        self.note = table.columns.get("note")
        self.value = table.columns.get("value")
        self.keys = [table.columns[name] for name in KEYS
                     if name in table.columns and not (name == "title" and "task" in table.columns)]
        self.traits = [table.columns[name] for name in TRAITS if name in table.columns]
        self.rows: dict[int, list[int]] = {}  # a covered row's number → the ranges over it
        for at, (_, top, bottom, _, _) in enumerate(ranges):
            for number in range(top, bottom + 1):
                self.rows.setdefault(number, []).append(at)
        self.first: dict[int, tuple] = {}  # a range → the first key cells met in it
        self.mixed: set[int] = set()  # the ranges over rows of more than one indicator

    @classmethod
    def of(cls, table) -> MergedValues | None:
        """The watcher of a table read from a workbook's sheet (.xlsx, .xls, .ods: sheets.SheetRows, WorkbookRows) that
        merges a watched column down over rows under its header, or merges another column across into its note
        column; None for any other (most sheets; a .csv or .tsv has no merges: a figure written once, blank below, is
        one row's)."""
        hidden = getattr(table.rows, "hidden", None)
        merged = getattr(hidden, "merged", None)
        if not merged:
            return None
        columns = {name: table.columns[name] for name in WATCHED if name in table.columns
                   and (name != "indicator" or not set(TRAITS).isdisjoint(table.columns))}
        note, below = columns.get("note"), table.header_row  # 1-based: rows under it are 0-based `below` and on
        ranges = [(name, top + 1, bottom + 1, left, right) for (top, left), (bottom, right) in merged
                  for name, column in columns.items() if bottom > top and top >= below
                  and (left == column if name == "note" else left <= column <= right)]
        value = columns.get("value")
        copies = {number for (top, left), (bottom, right) in merged
                  if note is not None and value is not None and left == value < note <= right
                  for number in range(max(top, below) + 1, bottom + 2)}
        task = table.columns.get("task", table.columns.get("title"))
        lines = {number: (left - (number > top + 1), right) for (top, left), (bottom, right) in merged  # "填表人：…" merged
                 # across the row: its first cell the words, the others (every one of a row below the first) copies
                 if value is not None and task is not None and left <= min(task, value) and max(task, value) <= right
                 for number in range(max(top, below) + 1, bottom + 2)}
        copies.difference_update(lines)
        across = {number for (top, left), (bottom, right) in merged if task is not None and left <= task <= right
                  and left < right for number in range(max(top, below) + 1, bottom + 2)}.difference(lines)
        programme = table.columns.get("programme")
        lines.update({number: (left, right) for (top, left), (bottom, right) in merged  # 计划 merged over 任务编号:
                      # its copies are no task number (nor title), made blank; the code itself kept on every row
                      if programme is not None and task is not None and left == programme < task <= right
                      for number in range(max(top, below) + 1, bottom + 2) if number not in lines})
        borrowed = {number: _cells(left, top + 1, right, bottom + 1) for (top, left), (bottom, right) in merged
                    if value is not None and left < value <= right for number in range(max(top, below) + 1, bottom + 2)
                    if number not in lines}
        return cls(table, ranges, copies, borrowed, lines, across) if ranges or copies or borrowed or lines or across else None

    def see(self, rows: list[Row]) -> None:
        """Rows as the per-row path reads them."""
        covered, copies, lines = self.rows, self.copies, self.lines
        for row in rows:
            if row.number in lines:  # a line of words merged across the row: its first cell's, the copies blank
                left, right = lines[row.number]
                row.cells = [None if left < at <= right else cell for at, cell in enumerate(row.cells)]
            if row.number in copies and self.note < len(row.cells):
                if not isinstance(row.cells, list):
                    row.cells = list(row.cells)
                row.cells[self.note] = None
            if row.number in covered:
                self._met(row.number, row.cells)
            if row.number in self.borrowed:
                self._lent(row.number, row.cells)

    def see_cells(self, first: int, cells: Cells) -> None:
        """A chunk of rows' cells as the columnar path takes them, its first row numbered `first`."""
        stop = first + len(cells)
        if copied := [number - first for number in _within(self.copied, first, stop)]:
            cells.blank(self.note, copied)
        for number in _within(self.lined, first, stop):
            left, right = self.lines[number]
            for column in range(left + 1, right + 1):
                cells.blank(column, [number - first])
        numbers = [number for number in range(first, stop) if number in self.rows]
        lent = _within(self.lending, first, stop)
        if numbers or lent:
            rows = cells.rows()
            for number in numbers:
                self._met(number, rows[number - first])
            for number in lent:
                self._lent(number, rows[number - first])

    def _lent(self, number: int, cells: list) -> None:
        """A row whose value cell holds a copy of a cell merged across from its left (年度目标 or 备注 over 累计完成值):
        with a figure there, it is another column's, no value of the row's own."""
        if self.value < len(cells) and cells[self.value] not in (None, ""):
            self.lent[number] = self.borrowed[number]

    def _met(self, number: int, cells: list) -> None:
        key = tuple(cells[at] if at < len(cells) else None for at in self.keys)
        if not any(cell is not None for cell in key):  # a row naming nothing is refused for that, on its own
            return
        valued = self.value is not None and self.value < len(cells) and cells[self.value] not in (None, "")
        for at in self.rows[number]:
            field = self.ranges[at][0]
            if field != "value" and not valued:  # a row with no figure is skipped: its note and indicator are not stored
                continue
            if field == "indicator":
                traits = tuple(_trait(cells[at] if at < len(cells) else None) for at in self.traits)
                if any(traits) and self.first.setdefault(at, traits) != traits:  # a row blank there: no other indicator said
                    self.mixed.add(at)
            elif self.first.setdefault(at, key) != key:
                self.mixed.add(at)

    def problems(self) -> list[Message]:
        """Each value range over rows of different tasks or indicators, and each value cell filled by a cell merged
        across from its left, named."""
        found = [Message("{path}: sheet {sheet!r}, rows {first}–{last}, column {column} ({cells}): one value merged "
                         "over {n} rows of different tasks or indicators: give each its own", **fields)
                 for fields in self._mixed("value")]
        traits = "/".join(map(self.table.label, (name for name in TRAITS if name in self.table.columns)))
        found += [Message("{path}: sheet {sheet!r}, rows {first}–{last}, column {column} ({cells}): one indicator name "
                          "merged over {n} rows whose {traits} differ: their figures would all be stored as the first "
                          "row's indicator; unmerge it and name each row's own indicator", traits=traits, **fields)
                  for fields in self._mixed("indicator")]
        return found + [Message("{path}: sheet {sheet!r}, row {row}, column {column} ({cells}): a cell merged across "
                                "from a column on its left fills the value cell: that figure is the other column's, "
                                "not the row's value: unmerge it and write the row's own value", path=self.table.path,
                                sheet=self.table.rows.hidden.sheet, row=number, column=self.table.label("value"),
                                cells=cells) for number, cells in sorted(self.lent.items())]

    def notes(self) -> list[Message]:
        """Each note range over rows of different tasks or indicators, said: the note is kept with each row."""
        return [Message("{path}: sheet {sheet!r}, rows {first}–{last}, column {column} ({cells}): one note merged "
                        "over {n} rows of different tasks or indicators is kept with each", **fields)
                for fields in self._mixed("note")]

    def _mixed(self, field: str) -> list[dict]:
        table, found = self.table, []
        for at in sorted(self.mixed):
            name, top, bottom, left, right = self.ranges[at]
            if name == field:
                found.append({"path": table.path, "sheet": table.rows.hidden.sheet, "first": top, "last": bottom,
                              "column": table.label(name), "n": bottom - top + 1, "cells": _cells(left, top, right, bottom)})
        return found


def _trait(cell) -> str | None:
    """A template cell as rows are told apart by it: its text, spaces aside (a number as the unit typed it)."""
    return text_value(cell)


def _within(numbers: list[int], first: int, stop: int) -> list[int]:
    """The sorted row numbers from `first` up to `stop`: a chunk's, without a pass over all of them (a long return's
    thousands of merged rows, chunk after chunk)."""
    return numbers[bisect_left(numbers, first):bisect_left(numbers, stop)]


def _cells(left: int, top: int, right: int, bottom: int) -> str:
    """A range as a sheet names it ("D3:E3"): columns 0-based, rows 1-based."""
    from openpyxl.utils import get_column_letter as letters  # only here: importing openpyxl takes a quarter second

    return f"{letters(left + 1)}{top}:{letters(right + 1)}{bottom}"
