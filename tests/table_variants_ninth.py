"""Layout variations, third round (issue #13): how offices type the same table in Excel, WPS or a web page — dates
and figures typed other ways, empty columns, subtotals, free-text remarks, a leader column, 同上, marks, gaps. Each is
a small pure function on a table's grid (tests/table_variants.py), returning the grid laid out another way or a string
saying why it does not apply; tests/test_table_variants.py checks each variant reads as published."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from tests.table_variants import LABELLED_CODES, TEXT_KINDS, Grid, _insert, _line, _two_rows, labelled_codes
from tests.table_variants_seventh import (
    _cell,
    _data,
    _deadlines,
    _item_starts,
    _last_day,
    _new_cell,
    _one_text,
    _set,
    _summed_heading,
    _unit_joiner,
    deadlines_written,
    schedule_cells,
    sub_group_headings,
)

# --- deadlines typed other ways ------------------------------------------------------------------

deadline_slashed = deadlines_written("deadline_slashed", lambda y, m: f"{y}/{m}/{_last_day(y, m)}")  # as Excel shows a date
deadline_dotted_day = deadlines_written("deadline_dotted_day", lambda y, m: f"{y}.{m}.{_last_day(y, m)}")  # "2024.6.30"
deadline_iso_month = deadlines_written("deadline_iso_month", lambda y, m: f"{y}-{m:02d}")  # as a spreadsheet formats a month
deadline_day_before = deadlines_written("deadline_day_before", lambda y, m: f"{m}月{_last_day(y, m)}日前", year_in_title=True)
deadline_month_dot_day = deadlines_written("deadline_month_dot_day", lambda y, m: f"{m}.{_last_day(y, m)}", year_in_title=True)
deadline_date_cell = deadlines_written(  # a real date cell of a workbook (openpyxl gives a datetime: 2024-06-30 00:00:00)
    "deadline_date_cell", lambda y, m: datetime(y, m, _last_day(y, m)))  # type: ignore[arg-type, return-value]


SCHEDULE_MONTH_END_RE = re.compile(r"(?<![\d年.．\-—–~至到、，,和])(1[0-2]|[1-9])\s*月\s*(?:底|末)(?=前)")


def _schedule_dates(grid: Grid, form: Callable[[int, int], str]) -> Grid | str:
    """Each month's end due in a schedule cell ("6月底前") written as `form` writes (year, month)."""
    return schedule_cells(grid, SCHEDULE_MONTH_END_RE, lambda m: form(grid.year, int(m[1])))


def schedule_day_dates(grid: Grid) -> Grid | str:
    """The steps of a schedule dated by the month's last day ("6月30日前完成主体" for "6月底前完成主体")."""
    return _schedule_dates(grid, lambda y, m: f"{m}月{_last_day(y, m)}日")


def schedule_slashed_dates(grid: Grid) -> Grid | str:
    """The steps of a schedule dated as typed in a spreadsheet ("2024/6/30前完成主体")."""
    return _schedule_dates(grid, lambda y, m: f"{y}/{m}/{_last_day(y, m)}")


# --- figures typed other ways --------------------------------------------------------------------

MEASURE = "所个套户人名家座条处张台辆间栋亩吨床场次元千平公米"
# not a range's second figure ("150—300平方米": "150—约300" would be no range)
FIGURE_RE = re.compile(rf"(?<![\d.,，第/\-—–―~～])(\d+(?:\.\d+)?)(?=(?:万|亿)?[{MEASURE}])")


def _figure_cells(grid: Grid, change: Callable[[re.Match], str], folded: tuple[str, ...], *, skip: str = "",
                  pattern: re.Pattern = FIGURE_RE, twins: str = "") -> Grid | str:
    """Each figure `pattern` finds in the item's words (before a measure word) changed by `change`; `twins`: why not,
    when the figure changed is printed in another of the row's text columns too."""
    columns = [c.index for c in grid.columns if c.kind in TEXT_KINDS]
    rows = list(grid.rows)
    for n in _data(grid):
        if _one_text(rows[n]) or _summed_heading(rows[n]):
            continue  # a heading's count ("（39个）") is no item's figure
        for i in columns:
            text = _cell(rows[n], i)
            if skip and re.search(skip, text):
                continue
            new = pattern.sub(change, text)
            others = [_cell(rows[n], k) for k in columns if k != i]
            if twins and new != text and any(m[1] in other for m in pattern.finditer(text) for other in others):
                return twins
            if new != text:
                rows[n] = _set(rows[n], i, new)
    if tuple(rows) == grid.rows:
        return "no figure before a measure word in the item's words that this form changes"
    return replace(grid, rows=tuple(rows), folded=folded)


def _grouped(figure: str, separator: str) -> str:
    whole, dot, decimals = figure.partition(".")
    if len(whole) < 4:
        return figure
    return re.sub(r"(?<=\d)(?=(?:\d{3})+$)", separator, whole) + dot + decimals


def thousands_commas(grid: Grid) -> Grid | str:
    """Figures of four digits or more with thousands separators ("新增停车位1,500个", "1,200万元")."""
    return _figure_cells(grid, lambda m: _grouped(m[1], ","), (",",))


def thousands_spaces(grid: Grid) -> Grid | str:
    """Figures of four digits or more grouped by spaces ("1 500个"), as a typeset or European-set document prints them."""
    return _figure_cells(grid, lambda m: _grouped(m[1], " "), ())


def figures_about(grid: Grid) -> Grid | str:
    """约 before the figures ("改造老旧小区约12个"): an estimate is still the target."""
    return _figure_cells(grid, lambda m: "约" + m[1], ("约",), skip=r"约")


def figures_at_least(grid: Grid) -> Grid | str:
    """不少于 before the figures ("新建幼儿园不少于3所")."""
    return _figure_cells(grid, lambda m: "不少于" + m[1], ("不少于",), skip=r"不少于|不低于|以上|至少")


# a line break inside the cell ends no clause: "提升4个<br>百分点" is one unit broken over two lines
OR_MORE_RE = re.compile(rf"(?<![\d.,，第/\-])(\d+(?:\.\d+)?(?:万|亿)?[{MEASURE}])(?=[，。；、,; \t\u3000]|\s*$)")


def figures_or_more(grid: Grid) -> Grid | str:
    """以上 after the first figure and its measure word that ends a clause ("新增停车位500个以上")."""
    return _figure_cells(grid, lambda m: m[1] + "以上", ("以上",), skip=r"以上|不少于|不低于|至少|约", pattern=OR_MORE_RE,
                         twins="known limit: the item's title and its content print the same figure (建设品质县中10所(其中浏阳4所) | "
                               "建设品质县中4所): with 以上 on one side only they read as two targets, ≥ and =")


# --- columns added, empty or of other kinds ------------------------------------------------------


def _add_column(grid: Grid, at: int, name: str, value: Callable[[int, tuple[str, ...]], str]) -> Grid:
    """A column added at `at`: `name` in the header, `value(n, row)` on each item row; a row merged over the width
    goes on over it, titles above the header keep it blank."""
    rows = []
    for n, row in enumerate(grid.rows):
        row = row + ("",) * (grid.width - len(row))
        if n < grid.top:
            cell = row[at - 1] if grid.merges and 0 < at < len(row) and row[at - 1] == row[at] else ""
        elif n <= grid.at:
            cell = name if n == grid.top or grid.merges else ""
        else:
            cell = _new_cell(grid, row, at, value(n, row)) if at else ("" if _one_text(row) else value(n, row))
        rows.append(row[:at] + (cell,) + row[at:])
    columns = tuple(replace(c, index=c.index + 1) if c.index >= at else c for c in grid.columns)
    return replace(grid, rows=tuple(rows), columns=columns)


def empty_first_column(grid: Grid) -> Grid:
    """An empty first column: the table starts in column B, as a sheet laid out with a margin does."""
    return _add_column(grid, 0, "", lambda n, row: "")


def trailing_empty_columns(grid: Grid) -> Grid:
    """Two empty columns at the right (a sheet's used range wider than its table), the header's cells blank."""
    return _add_column(_add_column(grid, grid.width, "", lambda n, row: ""), grid.width + 1, "", lambda n, row: "")


TOTAL_RE = re.compile(r"合\s*计|小\s*计|总\s*计|全\s*[省市县区]")


def _is_total(row: tuple[str, ...]) -> bool:
    return bool(TOTAL_RE.fullmatch(next((str(c).strip() for c in row if str(c).strip()), "")))


REMARKS = ("2023年已启动前期工作", "需市财政配套资金500万元", "与上年项目衔接，分两期实施", "省级民生实事", "", "含续建项目2个")


def remarks_free_text(grid: Grid) -> Grid:
    """A 备注 column of free text on most rows, with figures and years in it ("需市财政配套资金500万元",
    "2023年已启动前期工作"): notes, never targets nor deadlines."""
    return _add_column(grid, grid.width, "备注",
                       lambda n, row: "" if _is_total(row) else REMARKS[n % len(REMARKS)])


LEADERS = ("王建国（副市长）", "李明", "张伟、刘洋", "陈静（常务副区长）")


def leader_column(grid: Grid) -> Grid | str:
    """A 牵头领导 column of people right before the units (王建国（副市长））, as a plan that names who answers for each
    item prints it."""
    units = [c.index for c in grid.columns if c.kind in ("lead", "units")]
    if not units:
        return "no unit column to print the leaders beside"
    if any(c.kind == "leader" for c in grid.columns):
        return "a leader column already"
    if grid.at != grid.top:
        return "two header rows: the new column's header would have to be merged down (not varied here)"
    return _add_column(grid, min(units), "牵头领导", lambda n, row: "" if _is_total(row) else LEADERS[n % len(LEADERS)])


CONTACTS = ("李明 0731-88886666", "王芳13812345678", "张伟（办公室主任）0571-87654321")


def contact_column(grid: Grid) -> Grid | str:
    """A 联系人及电话 column at the right: a person and a telephone number on each item ("李明 0731-88886666"),
    neither a unit, a figure nor a date."""
    if any(c.kind == "leader" for c in grid.columns):
        return "a column of people already"
    if grid.at != grid.top:
        return "two header rows: the new column's header would have to be merged down (not varied here)"
    return _add_column(grid, grid.width, "联系人及电话", lambda n, row: "" if _is_total(row) else CONTACTS[n % len(CONTACTS)])


# --- rows added ----------------------------------------------------------------------------------


def subtotal_rows(grid: Grid) -> Grid | str:
    """Items in two groups ("（一）教育" merged over the row), each closed by a 小计 row (its figures blank)."""
    grouped = sub_group_headings(grid)
    if isinstance(grouped, str):
        return grouped
    headings = [n for n in _data(grouped) if _one_text(grouped.rows[n]) in ("（一）教育", "（二）民生保障")]
    total = ("小计",) + ("",) * (grouped.width - 1)
    rows = list(grouped.rows)
    rows.append(total)
    rows.insert(headings[1], total)
    return replace(grouped, rows=tuple(rows))


def three_row_header(grid: Grid) -> Grid | str:
    """A title merged over the width right above a two-row header (责任单位 over 牵头单位 | 配合单位): three rows above
    the items, the first of them no header at all."""
    if grid.at != grid.top:
        return "the header has two rows already"
    units = [c.index for c in grid.columns if c.kind in ("lead", "units")]
    if len(units) < 2 or units[1] != units[0] + 1:
        return "no two unit columns side by side"
    grouped = _two_rows(grid, "责任单位", units[:2])
    return _insert(grouped, grouped.top, _line(grouped, "民生实事项目责任分解表"))


# --- numbers and marks ---------------------------------------------------------------------------


def numbers_with_gap(grid: Grid) -> Grid | str:
    """序号 with a gap (1, 2, 4, 5 …): an item withdrawn after the table was numbered, the others keeping theirs."""
    seq = grid.index("seq")
    if not seq:
        return "no 序号 column"
    if labelled_codes(grid):
        return LABELLED_CODES
    i = seq[0]
    numbers = [_cell(grid.rows[n], i) for n in _data(grid)]
    if any(x and not re.fullmatch(r"\d+", x) for x in numbers) or len({x for x in numbers if x}) < 3:
        return "a 序号 that is not a plain number, or fewer than three items"
    rows = tuple(_set(row, i, str(int(_cell(row, i)) + 1)) if n > grid.at and _cell(row, i) and int(_cell(row, i)) >= 3 else row
                 for n, row in enumerate(grid.rows))
    codes = tuple((x, str(int(x) + 1)) for x in sorted({x for x in numbers if x}, key=int) if int(x) >= 3)
    return replace(grid, rows=rows, codes=codes)


MARKS = ("※", "*", "①")


def title_marks(grid: Grid) -> Grid | str:
    """Footnote marks after some items' titles ("新建幼儿园3所※", "…*", "…①") and the note under the table that says
    what they mean: the mark is no part of the title."""
    task = grid.index("task")
    if not task:
        return "no item column"
    i = task[0]
    if re.search(r"市\s*州|地\s*区|区\s*域|县|地\s*市|^\s*单\s*位\s*$", grid.rows[grid.top][i]):
        return "a table by region or by unit: its names are places or offices, which no note marks"
    rows = list(grid.rows)
    marked = 0
    for n in _data(grid):
        text = _cell(rows[n], i)
        if text and not _one_text(rows[n]) and not _is_total(rows[n]) and not _summed_heading(rows[n]) and n % 2 == 0:
            rows[n] = _set(rows[n], i, rows[n][i].rstrip() + MARKS[marked % len(MARKS)])
            marked += 1
    if not marked:
        return "no item title to mark"
    rows.append(_line(grid, "注：带※、*、①的为省级民生实事项目。"))
    return replace(grid, rows=tuple(rows))


def _same_as_above(grid: Grid, kinds: tuple[str, ...]) -> Grid | str:
    seq = grid.index("seq")
    columns = [c.index for c in grid.columns if c.kind in kinds]
    if not seq or not columns:
        return "no 序号 column to tell an item's rows from the next item's, or no such column"
    rows = list(grid.rows)
    for column in columns:
        for n in list(_data(grid))[1:]:
            above, here = grid.rows[n - 1], grid.rows[n]
            starts = _cell(here, seq[0]) and _cell(above, seq[0]) and _cell(here, seq[0]) != _cell(above, seq[0])
            if starts and not _one_text(above) and _cell(here, column) and _cell(here, column) == _cell(above, column):
                rows[n] = _set(rows[n], column, "同上")
    if tuple(rows) == grid.rows:
        return "no two items in a row with the same cell"
    return replace(grid, rows=tuple(rows))


def units_same_as_above(grid: Grid) -> Grid | str:
    """"同上" in a unit cell that repeats the item's above (typed instead of the name)."""
    return _same_as_above(grid, ("lead", "units"))


def deadline_same_as_above(grid: Grid) -> Grid | str:
    """"同上" in a deadline cell that repeats the item's above."""
    return _same_as_above(grid, ("deadline",))


def units_merged_down(grid: Grid) -> Grid | str:
    """In a text export (.csv, .tsv), a unit cell merged down over items that share it written once, blank below."""
    if grid.merges:
        return "a workbook or document: a merged cell repeats its value in every row it covers"
    if grid.headerless:
        return "a list with no header row has no merged cells: an item that names no office names none"
    varied = _same_as_above(grid, ("lead", "units"))
    if isinstance(varied, str):
        return varied
    return replace(varied, rows=tuple(tuple("" if cell == "同上" and cell != old else cell for cell, old in zip(row, before, strict=False))
                                      + row[len(before):] for row, before in zip(varied.rows, grid.rows, strict=True)))


def deadline_zero_padded(grid: Grid) -> Grid | str:
    """Deadlines "2024年06月30日" (a date typed with its zeros)."""
    return _deadlines(grid, lambda y, m: f"{y}年{m:02d}月{_last_day(y, m):02d}日")


def numbers_zero_padded(grid: Grid) -> Grid | str:
    """序号 typed "01", "02" … (a text cell in a spreadsheet keeps the zero)."""
    seq = grid.index("seq")
    if not seq:
        return "no 序号 column"
    if labelled_codes(grid):
        return LABELLED_CODES
    i = seq[0]
    numbers = {_cell(grid.rows[n], i) for n in _data(grid)} - {""}
    if not numbers or any(not re.fullmatch(r"[1-9]\d?", x) for x in numbers):
        return "a 序号 that is not a plain number under 100"
    rows = tuple(_set(row, i, f"{int(_cell(row, i)):02d}") if n > grid.at and _cell(row, i) else row for n, row in enumerate(grid.rows))
    return replace(grid, rows=rows, codes=tuple((x, f"{int(x):02d}") for x in sorted(numbers)))


def page_break_in_group(grid: Grid) -> Grid | str:
    """Items in two groups ("（一）教育" merged over the row), the header printed again at a page break inside the
    second group, between two of its items."""
    grouped = sub_group_headings(grid)
    if isinstance(grouped, str):
        return grouped
    second = next(n for n in _data(grouped) if _one_text(grouped.rows[n]) == "（二）民生保障")
    starts = [n for n in _item_starts(grouped) if n > second + 1] if not isinstance(_item_starts(grouped), str) else []
    if not starts:
        return "the second group holds one item: no page break inside it"
    at = starts[len(starts) // 2]
    return replace(grouped, rows=grouped.rows[:at] + grouped.rows[grouped.top:grouped.at + 1] + grouped.rows[at:])


def seq_marks(grid: Grid) -> Grid | str:
    """A footnote mark after some items' 序号 ("3※") and the note under the table that says what it means."""
    seq = grid.index("seq")
    if not seq:
        return "no 序号 column"
    i = seq[0]
    rows = list(grid.rows)
    for n in _data(grid):  # every row of a marked item (a 序号 merged down over them repeats its mark)
        if re.fullmatch(r"\d+", _cell(rows[n], i)) and int(_cell(rows[n], i)) % 3 == 1:
            rows[n] = _set(rows[n], i, _cell(rows[n], i) + "※")
    if tuple(rows) == grid.rows:
        return "no plain number in the 序号 column"
    return replace(grid, rows=(*rows, _line(grid, "注：带※的为省级民生实事项目。")))


def figures_odd(grid: Grid) -> Grid | str:
    """余 after round figures ("新增停车位1000余个", "培训3000余人次"): a figure with more, still the target."""
    return _figure_cells(grid, lambda m: m[1] + "余" if re.fullmatch(r"[1-9]\d*0", m[1]) else m[1], ("余",),
                         skip=r"余|以上|约|不少于")


def _data_cells(grid: Grid, change: Callable[[int, int, str], str]) -> Grid | str:
    """Every cell below the header changed by `change(row, column, text)` (blank cells and rows of one text kept)."""
    rows = tuple(tuple(change(n, i, cell) if n > grid.at and isinstance(cell, str) and cell.strip() and not _one_text(row) else cell
                       for i, cell in enumerate(row)) for n, row in enumerate(grid.rows))
    return replace(grid, rows=rows) if rows != grid.rows else "nothing below the header this form changes"


def percent_full_width(grid: Grid) -> Grid | str:
    """Percentages typed with the full-width sign of a Chinese input method ("达到95％")."""
    return _data_cells(grid, lambda n, i, text: text.replace("%", "％"))


def no_break_spaces(grid: Grid) -> Grid | str:
    """Spaces of a web page copied into a sheet: every space a no-break space, and one after some cells' text."""
    return _data_cells(grid, lambda n, i, text: text.replace(" ", "\u00a0") + ("\u00a0" if (n + i) % 3 == 0 else ""))


def zero_width_spaces(grid: Grid) -> Grid | str:
    """Zero-width spaces and a byte-order mark left in cells copied from a web page or a WeChat article."""
    return _data_cells(grid, lambda n, i, text: ("\ufeff" if (n + i) % 4 == 0 else "") + text + ("\u200b" if (n + i) % 2 else ""))


def units_joined_slash(grid: Grid) -> Grid | str:
    """Units listed with "/" for "、" (区教育局/区财政局). A list with a one-character name ("各县、市、区政府") keeps its
    、: "各县/市/区政府" is one unit's name as printed (a place a name shares), as review found."""
    joined = _unit_joiner(grid, "/")
    if isinstance(joined, str):
        return joined
    rows = tuple(tuple(new if all(len(p.strip()) >= 2 for p in re.split(r"[/]", new)) else old
                       for new, old in zip(row, before, strict=True)) for row, before in zip(joined.rows, grid.rows, strict=True))
    return replace(joined, rows=rows) if rows != grid.rows else "no list of whole units joined by 、"


def units_joined_ascii_semicolon(grid: Grid) -> Grid | str:
    """Units listed with "; " for "、", as typed on an English keyboard."""
    return _unit_joiner(grid, "; ")


VARIATIONS: tuple[Callable[[Grid], Grid | str], ...] = (
    deadline_slashed, deadline_dotted_day, deadline_iso_month, deadline_day_before, deadline_month_dot_day,
    deadline_date_cell, schedule_day_dates, schedule_slashed_dates, thousands_commas, thousands_spaces, figures_about,
    figures_at_least, figures_or_more, empty_first_column, trailing_empty_columns, remarks_free_text, leader_column,
    subtotal_rows, three_row_header, numbers_with_gap, title_marks, units_same_as_above, deadline_same_as_above,
    units_joined_slash, units_joined_ascii_semicolon, units_merged_down, deadline_zero_padded, numbers_zero_padded,
    page_break_in_group, seq_marks, figures_odd, percent_full_width, no_break_spaces, zero_width_spaces,
    contact_column,
)
