"""The one row type every reader gives: a spreadsheet's row number and its plain cell values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain

from mstrack.text import clip as clip  # the readers quote a cell by it from here; the rule is mstrack.text
from mstrack.vocabulary import AREA_LEVELS, TOTAL_WORDS


class Uncomputed(str):
    """A formula cell saved without its computed value (written by a script, never opened in Excel). Here, beside
    the row type, so that the checks of every file (a CSV's too) know it without loading the .xlsx reader."""


class Shown(str):
    """A number cell as its format shows it with a unit after the figure (0.0"亿元": "1.5亿元", read as a typed value
    is), keeping the number it holds: a code or date column so formatted ("第"0"项", shown 第1项) reads the number,
    not the format's text (figure_of)."""

    figure: int | float

    def __new__(cls, text: str, figure: int | float) -> Shown:
        shown = super().__new__(cls, text)
        shown.figure = figure
        return shown


def figure_of(cell):
    """A cell as the number it holds where the reader showed it with its format's unit (Shown), else as it is."""
    return cell.figure if type(cell) is Shown else cell


@dataclass(slots=True)
class Row:
    number: int  # as the spreadsheet numbers it, 1-based, title and header rows included
    cells: list


class Cells:
    """Rows' cells read together (a reader's block, a bulk import's chunk), held as rows or as columns, each form
    made from the other only when asked: a bulk import checks a chunk's columns, the per-row path reads its rows. An
    .xlsx's plain rows come as columns (its values are made plain a column at a time), a CSV's as csv.reader's rows;
    neither is turned round twice."""

    __slots__ = ("_rows", "_columns", "size")

    def __init__(self, rows: list[list] | None = None, columns: list | None = None, size: int = 0):
        self._rows, self._columns = rows, columns
        self.size = len(rows) if rows is not None else size

    def __len__(self) -> int:
        return self.size

    def rows(self) -> list[list]:
        """The rows, each a list of its cells."""
        if self._rows is None:
            self._rows = list(map(list, zip(*self._columns, strict=True))) if self._columns else [[] for _ in range(self.size)]
        return self._rows

    def columns(self, width: int) -> list | None:
        """The first `width` columns (or more), each a sequence as long as the rows are many; None when a row is
        shorter than `width` or is a subclass of list (an .xlsx's Marked row): such a chunk is read row by row."""
        if self._columns is None:
            rows = self._rows
            if not rows or min(map(len, rows)) < width or set(map(type, rows)) != _LISTS:
                return None
            self._columns = list(zip(*rows, strict=False))  # as wide as its shortest row
        return self._columns if len(self._columns) >= width else None

    def column(self, at: int) -> list | tuple:
        """One column's cells, a row's as long as the rows are many (None for a row too short to have it)."""
        columns = self.columns(at + 1)
        return columns[at] if columns is not None else [row[at] if at < len(row) else None for row in self.rows()]

    def beyond(self, width: int) -> list:
        """The columns past the first `width` (cells a row has past its header's end), each as long as the rows are
        many (None for a row too short to have it); none for most chunks."""
        rows = self._rows
        if rows is None:  # a reader's columns: every row as wide
            return list(self._columns[width:]) if self._columns else []
        wide = max(map(len, rows), default=0)
        return [[row[at] if at < len(row) else None for row in rows] for at in range(width, wide)]

    def blank(self, column: int, at: list[int]) -> None:
        """The cell in `column` of the rows at `at` (0-based in this chunk) made blank: a merged range's copy that is
        not the row's own (sources/progress_merged.py). Held as rows from then on."""
        rows = self.rows()
        for index in at:
            if column < len(rows[index]):
                rows[index][column] = None
        self._columns = None

    def part(self, start: int, stop: int) -> Cells:
        """Rows start to stop (as a slice takes them), in the form they are held in (columns first)."""
        if start <= 0 and stop >= self.size:
            return self
        if self._columns is not None:
            columns = [column[start:stop] for column in self._columns]
            return Cells(columns=columns, size=len(range(start, min(stop, self.size))))
        return Cells(rows=self._rows[start:stop])

    @staticmethod
    def joined(parts: list[Cells]) -> Cells:
        """The rows of `parts`, one after another: as columns when each part holds columns of one width."""
        if len(parts) == 1:
            return parts[0]
        if not parts:
            return Cells(rows=[])
        size = sum(map(len, parts))
        columns = [part._columns for part in parts]
        if None not in columns and len(set(map(len, columns))) == 1 and columns[0]:
            return Cells(columns=[list(chain.from_iterable(pieces)) for pieces in zip(*columns, strict=True)], size=size)
        return Cells(rows=list(chain.from_iterable(part.rows() for part in parts)))


_LISTS = {list}


# a row of totals: no task; "合计(54个）" counts the rows it sums
TOTAL_CELL_RE = re.compile(rf"^\s*(?:{TOTAL_WORDS})\s*(?:[（(]\s*共?\s*\d+\s*[个项件]?\s*[)）])?\s*[:：]?\s*$")
WHOLE_REGION_RE = re.compile(rf"^\s*全\s*[{AREA_LEVELS}]\s*$")  # "全省": the total of a table by region, over figures only
FIGURE_RE = re.compile(r"^\s*\d+(?:,\d{3})*(?:\.\d+)?\s*[%％]?\s*$")


SEQ_BEFORE_TOTAL_RE = re.compile(r"^\s*[（(]?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）.．、,，]?\s*$")  # "5", "5.", "（5）", "五、"


NUMBER_OPENING_RE = re.compile(r"^\s*(?:\d{1,3}\s*[.．、,，]|[（(]\s*\d{1,3}\s*[)）])\s*")  # "1.", "2、", "（3）" opening a cell


def unnumbered(text: str) -> str:
    """A cell's words without the item number printed at their start ("1.金井片区" → "金井片区")."""
    return NUMBER_OPENING_RE.sub("", text, count=1)


def total_row(cells: list[str]) -> bool:
    """A row of totals, no task: 合计 (小计, 总计) first; or 全省 (全市, 全县 …) first and figures only after it, the whole
    of a table whose rows are regions ("全市" before a task's words is where the task is done)."""
    filled = [c for c in cells if c]
    if len(filled) > 1 and SEQ_BEFORE_TOTAL_RE.match(filled[0]) and TOTAL_CELL_RE.match(filled[1]):
        filled = filled[1:]  # "5 | 合计 | 235": the total row numbered on after the items, still no task
    elif filled and TOTAL_CELL_RE.match(unnumbered(filled[0])):
        return True  # "5.合计": its number printed in its text
    return bool(filled) and (TOTAL_CELL_RE.match(filled[0]) is not None or WHOLE_REGION_RE.match(filled[0]) is not None
                             and all(FIGURE_RE.match(c) for c in filled[1:] if c != filled[0]))
