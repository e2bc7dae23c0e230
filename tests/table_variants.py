"""Layout variations other offices really use, each a small pure function on a table's grid (issue #13).

A corpus table is read by the reader's own code (read_sheets, find_header) into a Grid: its rows as the document
wrote them, where its header is and what each column is. A variation returns the grid laid out another way, or a
string saying why it does not apply to that table (it would change the table's meaning, or has nothing to vary).
tests/test_table_variants.py converts each variant with the reader (convert_sheets) and asserts that the facts the
scorer counts stay those of the table as published.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from mstrack.sources.sheets import Row
from mstrack.sources.table.columns import HEADER_SYNONYMS, Column
from mstrack.sources.table.header import find_header
from mstrack.sources.table.reading import Sheet, make_sheet, read_sheets

TEXT_KINDS = ("area", "task", "content")  # the item's words: their order is their meaning (title first, then content)


@dataclass(kw_only=True, frozen=True)
class Grid:
    path: Path
    rows: tuple[tuple[str, ...], ...]  # every row of the sheet, cells as the document wrote them
    top: int  # the first header row
    at: int  # the last header row (the data starts below it)
    columns: tuple[Column, ...]  # what the reader took each column for
    titles: tuple[str, ...]  # a document's lines above the table
    after: tuple[str, ...] = ()  # a document's lines under the table (row_points: they may date its rows)
    above: tuple[str, ...] = ()  # a document's text before the table (row_points.campaign_dates: a campaign's period)
    merges: bool  # a merged cell repeats its value (a workbook, a document) or is written once (a text export)
    headerless: bool = False  # a list of tasks with no header row, read as the table it would be (headerless.py)
    printed_numbers: bool = False  # such a list's items print their own numbers (reading.Sheet.printed_numbers)
    parts: int = 0  # a list read from one part of a plan: how many parts the plan prints (reading.Sheet.parts)
    year: int = 0  # the year the table is read for
    codes: tuple[tuple[str, str], ...] = ()  # a task number the variant writes otherwise (published, variant): "1" is "一"
    folded: tuple[str, ...] = ()  # text the variant adds to titles ("约", a thousands ","), left out of both when compared

    @property
    def width(self) -> int:
        return max(len(r) for r in self.rows)

    def index(self, kind: str) -> list[int]:
        return [c.index for c in self.columns if c.kind == kind]


LABELLED_CODES = ("a 序号 under a group's label whose numbers start again (养老方面1 … 托育方面1): the codes take the label, "
                  "which a renumbering's map of plain codes does not reach")


def labelled_codes(grid: Grid) -> bool:
    """Whether the table's codes take a group's label printed in the 序号 beside the number (numbered_columns.
    labels_over_numbers): a variant that renumbers maps plain codes only."""
    return any(c.labels_code for c in grid.columns)


def read_grid(path: Path, year: int, sheet: str | None = None) -> Grid:
    """The table as the reader reads it: the sheet its header is on, in the document's own characters."""
    found, at, columns, headers = find_header(read_sheets(path, sheet), year)
    back = found.written.restore if found.written else (lambda text: text)
    rows = tuple(tuple(back(cell) for cell in row.cells) for row in found.rows)
    return Grid(path=path, rows=rows, top=at + 1 - len(headers), at=at, columns=tuple(columns), titles=tuple(found.titles),
                after=tuple(found.after), above=tuple(found.above), merges=found.merges, headerless=found.headerless,
                printed_numbers=found.printed_numbers, parts=found.parts, year=year)


def to_sheets(grid: Grid) -> list[Sheet]:
    """The grid as the reader's sheet, the way read_sheets makes one (cleaned cells, traditional ones read simplified,
    blank rows left out as every reading of a file but the last resort, cells spread over lines, leaves them)."""
    rows = (Row(number, list(cells)) for number, cells in enumerate(grid.rows, start=1))
    return [make_sheet(grid.path, rows, titles=list(grid.titles), after=list(grid.after), above=list(grid.above),
                       merges=grid.merges, headerless=grid.headerless,
                       printed_numbers=grid.printed_numbers, parts=grid.parts)]


# --- the variations ------------------------------------------------------------------------------


def _reorder(grid: Grid, order: list[int]) -> Grid:
    """Columns moved into `order` from the header row down; the rows above the header (titles) stay as they are."""
    moved = tuple(tuple(row[i] if i < len(row) else "" for i in order) if n >= grid.top else row for n, row in enumerate(grid.rows))
    columns = tuple(replace(grid.columns[i], index=new) for new, i in enumerate(order) if i < len(grid.columns))
    return replace(grid, rows=moved, columns=columns)


def _header_cells(grid: Grid) -> list[str]:
    return [re.sub(r"\s+", "", c) for c in grid.rows[grid.top]]


def _fixed_order(grid: Grid) -> str:
    """Why the columns of this table cannot be moved without changing what they say, or ""."""
    if grid.at != grid.top:
        return "two header rows: a group header spans the columns under it"
    headers = _header_cells(grid)
    if any(a and a == b for a, b in zip(headers, headers[1:], strict=False)):
        return "one header cell merged over several columns: their order is their meaning"
    if any(not h for h in headers[:len(grid.columns)]):
        return "a column without a header is told by its neighbours"
    return ""


def permute_columns(grid: Grid) -> Grid | str:
    """序号 first, then every other column in reverse order, the item's words (title, then content) last and in order:
    who is responsible, the dates and the figures come before the task, as some offices print them."""
    if why := _fixed_order(grid):
        return why
    seq = [i for i in grid.index("seq") if i == 0]
    text = [c.index for c in grid.columns if c.kind in TEXT_KINDS]
    others = [i for i in range(grid.width) if i not in seq and i not in text]
    if not others:
        return "no column besides the item's words"
    return _reorder(grid, seq + others[::-1] + text)


def units_after_deadline(grid: Grid) -> Grid | str:
    """The responsible-unit columns moved right after the deadline (完成时限 | 牵头单位 | 责任单位)."""
    if why := _fixed_order(grid):
        return why
    deadline = grid.index("deadline")
    units = [c.index for c in grid.columns if c.kind in ("lead", "units")]
    if not deadline or not units:
        return "no deadline column, or no unit column"
    if min(units) > deadline[0]:
        return "the units already follow the deadline"
    rest = [i for i in range(grid.width) if i not in units]
    at = rest.index(deadline[0]) + 1
    return _reorder(grid, rest[:at] + units + rest[at:])


def _synonym_set(header: str) -> tuple[str, ...] | None:
    return next((names for _, names in HEADER_SYNONYMS if header in names), None)


def header_synonyms(shift: int) -> Callable[[Grid], Grid | str]:
    """Each header cell that is a known name of its column swapped for another name of the same meaning (the shift-th
    after it in the reader's HEADER_SYNONYMS), where the table has no other column of that name already."""
    def vary(grid: Grid) -> Grid | str:
        headers = _header_cells(grid)
        new = list(grid.rows[grid.top])
        for i, header in enumerate(headers):
            names = _synonym_set(header)
            if names is None or headers.count(header) > 1:
                continue
            other = names[(names.index(header) + shift) % len(names)]
            taken = [h for h in headers if h in names and h != header]
            if not taken and other != header:
                new[i] = other
        if new == list(grid.rows[grid.top]):
            return "no header that is a known synonym, or its synonyms are taken by other columns"
        rows = list(grid.rows)
        for n in range(grid.top, grid.at + 1):  # a header cell merged down over the header rows has the same name in each
            rows[n] = tuple(new[i] if i < len(new) and rows[n][i] == grid.rows[grid.top][i] else cell for i, cell in enumerate(rows[n]))
        return replace(grid, rows=tuple(rows))
    vary.__name__ = f"header_synonyms_{shift}"
    return vary


def _renumber(grid: Grid, form: Callable[[str], str]) -> Grid | str:
    seq = grid.index("seq")
    if not seq:
        return "no 序号 column"
    i = seq[0]
    rows = [row if n <= grid.at or i >= len(row) or not re.fullmatch(r"\d+", row[i].strip())
            else row[:i] + (form(row[i].strip()),) + row[i + 1:] for n, row in enumerate(grid.rows)]
    if tuple(rows) == grid.rows:
        return "no plain number in the 序号 column"
    return replace(grid, rows=tuple(rows))


def numbers_dotted(grid: Grid) -> Grid | str:
    """序号 written "1." """
    return _renumber(grid, lambda n: f"{n}.")


def numbers_bracketed(grid: Grid) -> Grid | str:
    """序号 written "（1）" """
    return _renumber(grid, lambda n: f"（{n}）")


def numbers_comma(grid: Grid) -> Grid | str:
    """序号 written "1、" """
    return _renumber(grid, lambda n: f"{n}、")


def without_numbers(grid: Grid) -> Grid | str:
    """No 序号 column: the items are numbered in their order."""
    seq = grid.index("seq")
    if not seq:
        return "no 序号 column"
    i = seq[0]
    codes = [row[i].strip() if i < len(row) else "" for row in grid.rows[grid.at + 1:]]
    if codes != [str(n) for n in range(1, len(codes) + 1)]:
        return "the 序号 column is not 1, 2, 3 … on every row: without it, sub-rows, groups or totals cannot be told apart"
    if any(c.kind == "area" for c in grid.columns):
        return "an area column beside the 序号: without numbers its merged cells would read as one task's rows"
    return _reorder(grid, [n for n in range(grid.width) if n != i])


def _line(grid: Grid, text: str) -> tuple[str, ...]:
    """A row of one text across the table: merged, it is in every cell; in a text export, in the first only."""
    return (text,) + ((text if grid.merges else "",) * (grid.width - 1))


def _insert(grid: Grid, at: int, row: tuple[str, ...]) -> Grid:
    shift = 1 if at <= grid.top else 0
    return replace(grid, rows=grid.rows[:at] + (row,) + grid.rows[at:], top=grid.top + shift, at=grid.at + shift)


def title_row(grid: Grid) -> Grid:
    """A title line above everything else (its year and month would date a month's plan: it names none)."""
    return _insert(grid, 0, _line(grid, "民生实事项目工作任务分解表"))


def unit_row(grid: Grid) -> Grid:
    """A "填报单位：" line just above the header, as a report form prints it."""
    return _insert(grid, grid.top, ("填报单位：（盖章）",) + ("",) * (grid.width - 1))


def blank_rows(grid: Grid) -> Grid:
    """A blank row under the header and one at the end."""
    blank = ("",) * grid.width
    return replace(grid, rows=grid.rows[:grid.at + 1] + (blank,) + grid.rows[grid.at + 1:] + (blank,))


def footer_note(grid: Grid) -> Grid:
    """A 备注 line and a 注： line under the table."""
    return replace(grid, rows=grid.rows + (_line(grid, "备注：各项目完成时间以验收为准。"), _line(grid, "注：本表由各牵头单位负责填报。")))


def header_repeated(grid: Grid) -> Grid | str:
    """The header printed again halfway down, as at a page break of a printed table."""
    data = len(grid.rows) - grid.at - 1
    if data < 4:
        return "too few rows to break over two pages"
    middle = grid.at + 1 + data // 2
    return replace(grid, rows=grid.rows[:middle] + grid.rows[grid.top:grid.at + 1] + grid.rows[middle:])


def total_row(grid: Grid) -> Grid | str:
    """A 合计 row at the end (its figures blank: the sum of unlike items means nothing)."""
    return replace(grid, rows=grid.rows + (("合计",) + ("",) * (grid.width - 1),))


def _two_rows(grid: Grid, group: str, under: list[int]) -> Grid:
    """The header split over two rows: `group` merged over the columns `under` (their own names below it); every
    other header cell merged down over both rows (in a text export, written in the top row only)."""
    header = grid.rows[grid.top]
    top = tuple(group if i in under and (grid.merges or i == under[0]) else ("" if i in under else cell) for i, cell in enumerate(header))
    below = tuple(cell if i in under or grid.merges else "" for i, cell in enumerate(header))
    rows = grid.rows[:grid.top] + (top, below) + grid.rows[grid.top + 1:]
    return replace(grid, rows=rows, at=grid.at + 1)


def grouped_units(grid: Grid) -> Grid | str:
    """责任单位 merged over 牵头单位 | 配合单位."""
    if grid.at != grid.top:
        return "the header has two rows already"
    units = [c.index for c in grid.columns if c.kind in ("lead", "units")]
    if len(units) < 2 or units[1] != units[0] + 1:
        return "no two unit columns side by side"
    return _two_rows(grid, "责任单位", units[:2])


def grouped_item(grid: Grid) -> Grid | str:
    """项目 merged over the item's title and content columns (项目名称 | 建设内容)."""
    if grid.at != grid.top:
        return "the header has two rows already"
    text = [c.index for c in grid.columns if c.kind in ("task", "content")]
    names = [grid.rows[grid.top][i] for i in text[:2]]
    if len(text) < 2 or text[1] != text[0] + 1 or not all(names) or names[0] == names[1]:
        return "no title and content columns side by side under their own names"
    return _two_rows(grid, "项目", text[:2])


def _every_cell(grid: Grid, change: Callable[[str], str]) -> Grid:
    return replace(grid, rows=tuple(tuple(change(c) for c in row) for row in grid.rows), titles=tuple(change(t) for t in grid.titles))


def traditional(grid: Grid) -> Grid:
    """Every cell in traditional characters (OpenCC, simplified to traditional)."""
    import opencc

    to_traditional = opencc.OpenCC("s2t").convert
    return _every_cell(grid, to_traditional)


FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def full_width_digits(grid: Grid) -> Grid:
    """Every digit written full width (２０２４年６月底前, 新建３所)."""
    return _every_cell(grid, lambda text: text.translate(FULL_WIDTH_DIGITS))


def header_line_breaks(grid: Grid) -> Grid | str:
    """Each header cell of four characters or more broken over two lines (牵头\n单位), as a narrow column prints it."""
    def broken(text: str) -> str:
        return text[:len(text) // 2] + "\n" + text[len(text) // 2:] if len(text) >= 4 and "\n" not in text else text

    rows = tuple(tuple(broken(c) for c in row) if grid.top <= n <= grid.at else row for n, row in enumerate(grid.rows))
    return replace(grid, rows=rows) if rows != grid.rows else "no header cell of four characters or more"


VARIATIONS: tuple[Callable[[Grid], Grid | str], ...] = (
    permute_columns, units_after_deadline, header_synonyms(1), header_synonyms(2), header_synonyms(3), numbers_dotted,
    numbers_bracketed, numbers_comma, without_numbers, title_row, unit_row, blank_rows, footer_note, grouped_units,
    grouped_item, traditional, full_width_digits, header_line_breaks, header_repeated, total_row,
)  # the second round, the layouts the seventh held-out set met: tests/table_variants_seventh.py


def normalised(text: str) -> str:
    """Text compared across variants: no whitespace, full-width forms folded, in simplified characters."""
    from mstrack.sources.traditional import simplified

    return simplified(unicodedata.normalize("NFKC", re.sub(r"\s+", "", text or "")))
