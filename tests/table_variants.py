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
from mstrack.sources.table.header import HEADER_SYNONYMS, Column, find_header
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
    merges: bool  # a merged cell repeats its value (a workbook, a document) or is written once (a text export)
    year: int = 0  # the year the table is read for
    codes: tuple[tuple[str, str], ...] = ()  # a task number the variant writes otherwise (published, variant): "1" is "一"

    @property
    def width(self) -> int:
        return max(len(r) for r in self.rows)

    def index(self, kind: str) -> list[int]:
        return [c.index for c in self.columns if c.kind == kind]


def read_grid(path: Path, year: int, sheet: str | None = None) -> Grid:
    """The table as the reader reads it: the sheet its header is on, in the document's own characters."""
    found, at, columns, headers = find_header(read_sheets(path, sheet), year)
    back = found.written.restore if found.written else (lambda text: text)
    rows = tuple(tuple(back(cell) for cell in row.cells) for row in found.rows)
    return Grid(path=path, rows=rows, top=at + 1 - len(headers), at=at, columns=tuple(columns), titles=tuple(found.titles),
                merges=found.merges, year=year)


def to_sheets(grid: Grid) -> list[Sheet]:
    """The grid as the reader's sheet, the way read_sheets makes one (cleaned cells, traditional ones read simplified,
    blank rows left out as every reading of a file but the last resort, cells spread over lines, leaves them)."""
    rows = (Row(number, list(cells)) for number, cells in enumerate(grid.rows, start=1))
    return [make_sheet(grid.path, rows, titles=list(grid.titles), merges=grid.merges)]


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


def units_first(grid: Grid) -> Grid | str:
    """The responsible-unit columns printed first, before 序号 and the item (牵头单位 | 序号 | 项目名称 …), as a plan
    sorted by who does the work prints them."""
    if why := _fixed_order(grid):
        return why
    units = [c.index for c in grid.columns if c.kind in ("lead", "units")]
    if not units:
        return "no unit column"
    if units == list(range(len(units))):
        return "the units are printed first already"
    return _reorder(grid, units + [i for i in range(grid.width) if i not in units])


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


# --- second round: the layouts the seventh held-out set met, and what offices commonly print ------------------------


def _one_text(row: tuple[str, ...]) -> str:
    """The text of a row of one text (a heading or a note merged over the row, or in its first cell), or ""."""
    filled = [c for c in row if c.strip()]
    return filled[0] if filled and len(set(filled)) == 1 and (len(filled) > 1 or row[0].strip()) else ""


def _new_cell(grid: Grid, row: tuple[str, ...], at: int, text: str) -> str:
    """What a column added at `at` holds in a row: a row of one text merged over the width goes on over it (in a text
    export, written once, it leaves the cell blank); a blank row stays blank."""
    if not any(c.strip() for c in row):
        return ""
    if one := _one_text(row):
        return one if grid.merges and row[min(at, len(row)) - 1] == one and row[min(at, len(row) - 1)] == one else ""
    return text


def _data(grid: Grid) -> range:
    return range(grid.at + 1, len(grid.rows))


def _cell(row: tuple[str, ...], i: int) -> str:
    return row[i].strip() if i < len(row) else ""


def _set(row: tuple[str, ...], i: int, text: str) -> tuple[str, ...]:
    return row[:i] + (text,) + row[i + 1:]


def _item_starts(grid: Grid) -> list[int] | str:
    """The rows where an item begins (its 序号 a plain number), or why they cannot be told."""
    seq = grid.index("seq")
    if not seq:
        return "no 序号 column: where an item begins is not printed"
    numbers = [(n, _cell(grid.rows[n], seq[0])) for n in _data(grid)]
    starts = [n for k, (n, number) in enumerate(numbers) if re.fullmatch(r"\d+", number)
              and number not in [m for _, m in numbers[:k]]]  # a number printed again continues its item
    return starts if len(starts) >= 2 else "fewer than two numbered items"


def _group_headings(grid: Grid, names: tuple[str, str], across: bool) -> Grid | str:
    if any(c.kind == "area" for c in grid.columns) or any(_one_text(grid.rows[n]) for n in _data(grid)):
        return "an area column or heading rows group the items already"
    starts = _item_starts(grid)
    if isinstance(starts, str):
        return starts
    task = grid.index("task")
    if not task:
        return "no item column"
    rows = list(grid.rows)
    for at, name in sorted(zip((starts[0], starts[len(starts) // 2]), names, strict=True), reverse=True):
        line = _line(grid, name) if across else _set(("",) * grid.width, task[0], name)
        rows.insert(at, line)
    return replace(grid, rows=tuple(rows))


def group_headings(grid: Grid) -> Grid | str:
    """Group heading rows before runs of items, "一、基础设施类" alone in the item column, every other cell blank (a
    programme printed by sector, its items numbered on across the groups)."""
    return _group_headings(grid, ("一、基础设施类", "二、社会事业类"), across=False)


def sub_group_headings(grid: Grid) -> Grid | str:
    """Group headings "（一）教育" / "（二）民生保障" merged across the row (in a text export, in its first cell)."""
    return _group_headings(grid, ("（一）教育", "（二）民生保障"), across=True)


def _numbers_in_text(grid: Grid, form: Callable[[str], str]) -> Grid | str:
    seq, task = grid.index("seq"), grid.index("task")
    if not seq or not task:
        return "no 序号 column, or no item column"
    i = seq[0]
    codes = [_cell(row, i) for row in grid.rows[grid.at + 1:]]
    if codes != [str(n) for n in range(1, len(codes) + 1)]:
        return "the 序号 column is not 1, 2, 3 … on every row: the number would not start every item's text"
    if any(c.kind == "area" for c in grid.columns):
        return "an area column beside the 序号: without the column its merged cells would read as one task's rows"
    rows = tuple(_set(row, task[0], form(_cell(row, i)) + row[task[0]]) if n > grid.at else row for n, row in enumerate(grid.rows))
    return _reorder(replace(grid, rows=rows), [n for n in range(grid.width) if n != i])


NUMBER_FORMS = {"dotted": "{}.", "comma": "{}、", "bracketed": "（{}）"}  # how offices write an item's number


def numbers_in_text(form: str) -> Callable[[Grid], Grid | str]:
    """No 序号 column: each item's number printed at the start of its text ("1.新建幼儿园3所", "1、…", "（1）…")."""
    def vary(grid: Grid) -> Grid | str:
        return _numbers_in_text(grid, NUMBER_FORMS[form].format)

    vary.__name__ = f"numbers_in_text_{form}"
    return vary


def task_header_blank(grid: Grid) -> Grid | str:
    """The item column's header cell left blank beside named unit columns (a responsibility plan: the items, then who
    does them)."""
    task = grid.index("task")
    if len(task) != 1 or not [c for c in grid.columns if c.kind in ("lead", "units")]:
        return "not one item column beside a unit column"
    if len(grid.index("content")) or any(c.kind == "area" for c in grid.columns):
        return "a content or area column beside the item column: the blank one would not be told from them"
    i = task[0]
    name = grid.rows[grid.top][i]
    rows = tuple(_set(row, i, "") if grid.top <= n <= grid.at and i < len(row) and row[i] == name else row
                 for n, row in enumerate(grid.rows))
    return replace(grid, rows=rows)


def _outside_brackets(text: str, old: str, new: str) -> str:
    """`old` replaced by `new` where it is not inside brackets ("县(市、区)" keeps its 、)."""
    out, depth = [], 0
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
        out.append(new if ch == old and not depth else ch)
    return "".join(out)


def _unit_joiner(grid: Grid, joiner: str) -> Grid | str:
    units = [c.index for c in grid.columns if c.kind in ("lead", "units")]
    if not units:
        return "no unit column"
    rows = tuple(tuple(_outside_brackets(cell, "、", joiner) if i in units and n > grid.at and not _one_text(row) else cell
                       for i, cell in enumerate(row)) for n, row in enumerate(grid.rows))
    if rows == grid.rows:
        return "no list of units joined by 、"
    return replace(grid, rows=rows)


def units_joined_comma(grid: Grid) -> Grid | str:
    """Units listed with "，" for "、" (区教育局，区财政局)."""
    return _unit_joiner(grid, "，")


def units_joined_semicolon(grid: Grid) -> Grid | str:
    """Units listed with "；" for "、"."""
    return _unit_joiner(grid, "；")


def units_joined_space(grid: Grid) -> Grid | str:
    """Units listed with a space for "、" (a typed table: 区教育局 区财政局)."""
    return _unit_joiner(grid, " ")


def units_joined_line_break(grid: Grid) -> Grid | str:
    """Units listed one a line in their cell (区教育局 / 区财政局)."""
    from mstrack.sources.table.units import OFFICE_END, UNITS_END

    units = [c.index for c in grid.columns if c.kind in ("lead", "units")]
    heads = {piece for n in _data(grid) for i in units if not _one_text(grid.rows[n])
             for piece in _outside_brackets(_cell(grid.rows[n], i), "、", "\0").split("\0")[:-1]
             if piece and not re.search(r"[，,；;\s]", piece) and not piece.endswith((*OFFICE_END, *UNITS_END))
             and not (len(piece) >= 3 and piece.endswith(tuple("市县州省旗盟")))}
    if heads:  # known limit (issue #13, second round of variations)
        return (f"a listed unit that ends like no office nor place ({'、'.join(sorted(heads)[:3])}) on a line of its own reads as "
                "the head of a name broken over lines (市政 / 府办 / 公厅), and the cell does not say which it is")
    return _unit_joiner(grid, "\n")


CHINESE_DIGITS = "〇一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 21 → 二十一 (as a 序号 writes it)."""
    tens, ones = divmod(n, 10)
    return ((CHINESE_DIGITS[tens] if tens > 1 else "") + "十" if tens else "") + (CHINESE_DIGITS[ones] if ones else "")


def numbers_chinese(grid: Grid) -> Grid | str:
    """序号 written in Chinese numerals (一, 二, … 十一) on every item: the items, not groups of them."""
    seq = grid.index("seq")
    if not seq:
        return "no 序号 column"
    i = seq[0]
    numbers = [_cell(row, i) for row in grid.rows[grid.at + 1:]]
    if any(n and not re.fullmatch(r"\d+", n) for n in numbers) or not any(numbers) or max(int(n or 0) for n in numbers) > 99:
        return "a 序号 that is not a plain number (a group, a sub-item) or past 99"
    rows = tuple(_set(row, i, chinese_number(int(_cell(row, i)))) if n > grid.at and _cell(row, i) else row
                 for n, row in enumerate(grid.rows))
    return replace(grid, rows=rows, codes=tuple((n, chinese_number(int(n))) for n in sorted(set(numbers) - {""})))


MONTH_DEADLINE_RE = re.compile(r"^(?:(\d{4})\s*年\s*)?(1[0-2]|0?[1-9])\s*月(?:底|末)?前?$")


def _deadlines(grid: Grid, form: Callable[[int, int], str], *, dated: bool = False) -> Grid | str:
    """Each deadline that is a month of the table's year ("2024年6月底前", or "6月底前" with the year in the title) in
    another form; `dated`: only those that print their year."""
    deadline = grid.index("deadline")
    if not deadline:
        return "no deadline column"
    i = deadline[0]
    year = grid.year
    rows = list(grid.rows)
    for n in _data(grid):
        m = MONTH_DEADLINE_RE.match(_cell(rows[n], i))
        if m and (int(m[1]) == year if m[1] else not dated):
            rows[n] = _set(rows[n], i, form(year, int(m[2])))
    if tuple(rows) == grid.rows:
        return "no deadline written as a month of the table's year (2024年6月底前, 6月底前)"
    return replace(grid, rows=tuple(rows))


def deadline_without_year(grid: Grid) -> Grid | str:
    """Deadlines "6月底前", the year given once in the title above the table."""
    varied = _deadlines(grid, lambda y, m: f"{m}月底前", dated=True)
    if isinstance(varied, str):
        return varied
    return replace(varied, titles=(f"{grid.year}年民生实事项目任务分解表", *varied.titles))


def deadline_dotted(grid: Grid) -> Grid | str:
    """Deadlines "2024.6"."""
    return _deadlines(grid, lambda y, m: f"{y}.{m}")


def deadline_full_date(grid: Grid) -> Grid | str:
    """Deadlines "2024年6月30日", the month's last day."""
    import calendar

    return _deadlines(grid, lambda y, m: f"{y}年{m}月{calendar.monthrange(y, m)[1]}日")


def deadline_chinese(grid: Grid) -> Grid | str:
    """Deadlines "二〇二四年六月" (a typeset document's numerals)."""
    return _deadlines(grid, lambda y, m: "".join(CHINESE_DIGITS[int(d)] for d in str(y)) + f"年{chinese_number(m)}月")


def schedule_dates_with_year(grid: Grid) -> Grid | str:
    """Dates in the schedule cells written with the table's year ("2024年6月底前完成主体" for "6月底前完成主体"), as a
    plan spanning two years prints every date in full."""
    columns = [c.index for c in grid.columns if c.kind in ("schedule", "period")]
    if not columns:
        return "no schedule column"
    month = re.compile(r"(?<![\d年.．\-—–~至到、，,和])(?=(?:1[0-2]|[1-9])\s*月(?:底|末|前|中旬|上旬|下旬))")
    rows = tuple(tuple(month.sub(f"{grid.year}年", cell) if i in columns and n > grid.at else cell for i, cell in enumerate(row))
                 for n, row in enumerate(grid.rows))
    if rows == grid.rows:
        return "no month's end (6月底前) in a schedule cell"
    return replace(grid, rows=rows)


PROGRESS_TEXTS = ("已完成60%", "已开工3个，完成投资1200万元", "正在推进", "已完成", "完成全年任务的45%")


def _progress_column(grid: Grid, name: str) -> Grid | str:
    if any(c.kind == "progress" for c in grid.columns):
        return "a progress column already"
    words = [c.index for c in grid.columns if c.kind in (*TEXT_KINDS, "amount")]
    if not words:
        return "no item column"
    at = max(words) + 1
    rows = []
    for n, row in enumerate(grid.rows):
        if n < grid.top:
            cell = row[at - 1] if grid.merges and at - 1 < len(row) and row[at - 1] == row[min(at, len(row) - 1)] else ""
        elif n <= grid.at:
            cell = name if n == grid.top or grid.merges else ""
        else:
            cell = _new_cell(grid, row, at, PROGRESS_TEXTS[n % len(PROGRESS_TEXTS)])
        rows.append(row[:at] + (cell,) + row[at:])
    columns = tuple(replace(c, index=c.index + 1) if c.index >= at else c for c in grid.columns)
    return replace(grid, rows=tuple(rows), columns=columns)


def progress_done(grid: Grid) -> Grid | str:
    """A 完成情况 column after the item's words ("已完成60%", "已开工3个，完成投资1200万元"): what was done, no target."""
    return _progress_column(grid, "完成情况")


def progress_state(grid: Grid) -> Grid | str:
    """A 进展情况 column after the item's words."""
    return _progress_column(grid, "进展情况")


def total_row_first(grid: Grid) -> Grid:
    """A 合计 row right under the header, before the items (a progress table sums its columns first)."""
    return replace(grid, rows=grid.rows[:grid.at + 1] + (("合计",) + ("",) * (grid.width - 1),) + grid.rows[grid.at + 1:])


def header_spaced(grid: Grid) -> Grid | str:
    """Header cells of two to four characters spaced out to fill their column ("序  号", "牵 头 单 位"), as a typed
    document centres them."""
    def spaced(text: str) -> str:
        return " ".join(text) if 2 <= len(text) <= 4 and not re.search(r"\s", text) else text

    rows = tuple(tuple(spaced(c) for c in row) if grid.top <= n <= grid.at else row for n, row in enumerate(grid.rows))
    return replace(grid, rows=rows) if rows != grid.rows else "no header cell of two to four characters"


def notes_column(grid: Grid) -> Grid:
    """A 备注 column at the right, mostly blank ("省级民生实事" on some rows)."""
    def cell(n: int, row: tuple[str, ...]) -> str:
        if grid.top <= n <= grid.at:
            return "备注" if n == grid.top or grid.merges else ""
        if n < grid.top:
            return ""
        total = re.fullmatch(r"合\s*计|小\s*计|总\s*计|全\s*[省市县区]", next((c.strip() for c in row if c.strip()), ""))
        return _new_cell(grid, row, len(row), "省级民生实事" if n % 3 == 0 and not total else "")  # a note is an item's

    rows = tuple(row + ("",) * (grid.width - len(row)) + (cell(n, row),) for n, row in enumerate(grid.rows))
    return replace(grid, rows=rows)



VARIATIONS: tuple[Callable[[Grid], Grid | str], ...] = (
    permute_columns, units_after_deadline, header_synonyms(1), header_synonyms(2), header_synonyms(3), numbers_dotted,
    numbers_bracketed, numbers_comma, without_numbers, title_row, unit_row, blank_rows, footer_note, grouped_units,
    grouped_item, traditional, full_width_digits, header_line_breaks, header_repeated, total_row,
    # second round (issue #13): the seventh held-out set's layouts and what offices commonly print
    group_headings, sub_group_headings, numbers_in_text("dotted"), numbers_in_text("comma"), numbers_in_text("bracketed"),
    task_header_blank, units_joined_comma, units_joined_semicolon, units_joined_space, units_joined_line_break,
    numbers_chinese, deadline_without_year, deadline_dotted, deadline_full_date, deadline_chinese, progress_done,
    progress_state, header_spaced, notes_column, total_row_first, units_first,
    schedule_dates_with_year,
)


def normalised(text: str) -> str:
    """Text compared across variants: no whitespace, full-width forms folded, in simplified characters."""
    from mstrack.sources.traditional import simplified

    return simplified(unicodedata.normalize("NFKC", re.sub(r"\s+", "", text or "")))
