"""Layout variations, second round (issue #13): the layouts the seventh held-out set met, and what offices commonly
print. Each is a small pure function on a table's grid (tests/table_variants.py), returning the grid laid out another
way or a string saying why it does not apply; tests/test_table_variants.py checks each variant reads as published."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import replace

from mstrack.sources.table.columns import column_kind
from tests.table_variants import LABELLED_CODES, TEXT_KINDS, Grid, _fixed_order, _line, _reorder, labelled_codes


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


# a group's heading merged over the first columns with its items' sums beside it ("一、城市公共交通（39个）" | 53.07 …)
SUMMED_HEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
SUM_RE = re.compile(r"^\d+(?:\.\d+)?$")


def _summed_heading(row: tuple[str, ...]) -> bool:
    """A group's heading in the first cell with only sums beside it (the heading merged over a few columns)."""
    filled = [c.strip() for c in row if c.strip()]
    first = row[0].strip() if row else ""
    return bool(SUMMED_HEADING_RE.match(first)) and len(filled) > 1 and {c for c in filled if not SUM_RE.match(c)} == {first}


def _numbered_in_groups(grid: Grid) -> bool:
    """Items numbered anew under each summed group heading (1 … 39, then 1 again): the groups are in the codes."""
    seq = grid.index("seq")
    if not seq or not any(_summed_heading(grid.rows[n]) for n in _data(grid)):
        return False
    seen, last = set(), ""
    for n in _data(grid):
        number = _cell(grid.rows[n], seq[0])
        if re.fullmatch(r"\d+", number) and number != last:
            if number in seen:
                return True
            seen.add(number)
            last = number
    return False


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
    if _numbered_in_groups(grid):
        return "items numbered anew under group headings carrying sums: a heading added inside a group would number them again"
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
    i = task[0]
    header = grid.rows[grid.top]
    if len(grid.index("content")) or any(c.kind == "area" for c in grid.columns):
        return "a content or area column beside the item column: the blank one would not be told from them"
    if any(c.kind == "note" and c.index < len(header) and column_kind(str(header[c.index] or ""), 2024).kind == "task"
           for c in grid.columns):  # 建设内容及规模 of projects over several years: their scope, kept as a note
        return "a column named as content beside the item column, read as a note: the blank one would not be told from it"
    if str(header[i] or "").strip() and any(not str(cell or "").strip() for n, cell in enumerate(header) if n != i):
        return "another column's header is blank already: the blanked item column could not be told from it"
    name = header[i]
    rows = tuple(_set(row, i, "") if grid.top <= n <= grid.at and i < len(row) and row[i] == name else row
                 for n, row in enumerate(grid.rows))
    return replace(grid, rows=rows)


def _outside_brackets(text: str, old: str, new: str) -> str:
    """`old` replaced by `new` where it is not inside brackets ("县(市、区)" keeps its 、), nor inside a name whose levels
    a bracket abbreviates ("各市(县)、区政府": office_names.LEVELS_RE, one office)."""
    from mstrack.sources.table.office_names import LEVELS_RE

    out, depth = [], 0
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
        piece = re.split(r"[、，,；;\s/／]", "".join(out))[-1]
        out.append(new if ch == old and not depth and not LEVELS_RE.fullmatch(piece) else ch)
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
    if shared := _shared_suffix(grid):  # known limit (read46e: pingtan-2016-xuanchuan's 5二)
        return (f"places listed before the one office whose suffix they share ({shared}) read with spaces as words of "
                "one name, and the cell does not say which it is")
    return _unit_joiner(grid, " ")


def _shared_suffix(grid: Grid) -> str:
    """A unit cell listing short places before one office that ends their common name ("金井湾、岚城、澳前、流水片区项目
    建设指挥部": each place's 片区项目建设指挥部): the cell, or "" when the grid has none."""
    from mstrack.sources.table.units import office_list

    units = [c.index for c in grid.columns if c.kind in ("lead", "units")]
    for n in _data(grid):
        for i in units:
            *heads, last = _cell(grid.rows[n], i).split("、")
            if len(heads) >= 2 and all(len(h) <= 4 and not office_list(h, towns=True) for h in heads) and office_list(last):
                return _cell(grid.rows[n], i)
    return ""


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
    if labelled_codes(grid):
        return LABELLED_CODES
    if grid.headerless:
        return "a list with no header row: its items numbered 一、二 would be group headings there, not items"
    i = seq[0]
    numbers = [_cell(row, i) for row in grid.rows[grid.at + 1:]]
    if any(n and not re.fullmatch(r"\d+", n) for n in numbers) or not any(numbers) or max(int(n or 0) for n in numbers) > 99:
        return "a 序号 that is not a plain number (a group, a sub-item) or past 99"
    rows = tuple(_set(row, i, chinese_number(int(_cell(row, i)))) if n > grid.at and _cell(row, i) else row
                 for n, row in enumerate(grid.rows))
    return replace(grid, rows=rows, codes=tuple((n, chinese_number(int(n))) for n in sorted(set(numbers) - {""})))


# "6月底前", "6月": by the month's end ("6月前" is before June: by the end of May, left as printed)
MONTH_DEADLINE_RE = re.compile(r"^(?:(\d{4})\s*年\s*)?(1[0-2]|0?[1-9])\s*月(?:(?:底|末|(\d{1,2})\s*日)前?)?$")


def _deadlines(grid: Grid, form: Callable[[int, int], str], *, dated: bool = False) -> Grid | str:
    """Each deadline that is a month of the table's year ("2024年6月底前", or "6月底前" with the year in the title, or
    its last day: "2023年12月31日前") in another form; `dated`: only those that print their year."""
    deadline = grid.index("deadline")
    if not deadline:
        return "no deadline column"
    i = deadline[0]
    year = grid.year
    rows = list(grid.rows)
    for n in _data(grid):
        m = MONTH_DEADLINE_RE.match(_cell(rows[n], i))
        if m and (int(m[1]) == year if m[1] else not dated) and (not m[3] or int(m[3]) == calendar.monthrange(year, int(m[2]))[1]):
            rows[n] = _set(rows[n], i, form(year, int(m[2])))
    if tuple(rows) == grid.rows:
        return "no deadline written as a month of the table's year (2024年6月底前, 6月底前)"
    return replace(grid, rows=tuple(rows))


def with_year_in_title(grid: Grid, form: Callable[[int, int], str]) -> Grid | str:
    """Each deadline that prints the table's year in another form without it, the year given once in the title."""
    varied = _deadlines(grid, form, dated=True)
    if isinstance(varied, str):
        return varied
    return replace(varied, titles=(f"{grid.year}年民生实事项目任务分解表", *varied.titles))


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def deadlines_written(name: str, form: Callable[[int, int], str], *, year_in_title: bool = False) -> Callable[[Grid], Grid | str]:
    """The variant `name`: each deadline that is a month of the table's year written as `form` writes (year, month)
    ("2024.6" for "2024年6月底前"); `year_in_title`: the form prints no year ("6月底前"), given once in the title above
    the table instead."""
    def vary(grid: Grid) -> Grid | str:
        return with_year_in_title(grid, form) if year_in_title else _deadlines(grid, form)

    vary.__name__ = name
    return vary


deadline_without_year = deadlines_written("deadline_without_year", lambda y, m: f"{m}月底前", year_in_title=True)  # "6月底前"
deadline_dotted = deadlines_written("deadline_dotted", lambda y, m: f"{y}.{m}")  # "2024.6"
deadline_full_date = deadlines_written("deadline_full_date", lambda y, m: f"{y}年{m}月{_last_day(y, m)}日")  # the last day
deadline_chinese = deadlines_written(  # "二〇二四年六月", a typeset document's numerals
    "deadline_chinese", lambda y, m: "".join(CHINESE_DIGITS[int(d)] for d in str(y)) + f"年{chinese_number(m)}月")


def schedule_cells(grid: Grid, pattern: re.Pattern, replacement: str | Callable[[re.Match], str]) -> Grid | str:
    """`pattern` replaced (re.sub) in every schedule cell of the table's rows under the header."""
    columns = [c.index for c in grid.columns if c.kind in ("schedule", "period")]
    if not columns:
        return "no schedule column"
    rows = tuple(tuple(pattern.sub(replacement, cell) if i in columns and n > grid.at else cell for i, cell in enumerate(row))
                 for n, row in enumerate(grid.rows))
    if rows == grid.rows:
        return "no month's end (6月底前) in a schedule cell"
    return replace(grid, rows=rows)


SCHEDULE_MONTH_RE = re.compile(r"(?<![\d年.．\-—–~至到、，,和])(?=(?:1[0-2]|[1-9])\s*月(?:底|末|前|中旬|上旬|下旬))")


def schedule_dates_with_year(grid: Grid) -> Grid | str:
    """Dates in the schedule cells written with the table's year ("2024年6月底前完成主体" for "6月底前完成主体"), as a
    plan spanning two years prints every date in full."""
    return schedule_cells(grid, SCHEDULE_MONTH_RE, f"{grid.year}年")


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
    group_headings, sub_group_headings, numbers_in_text("dotted"), numbers_in_text("comma"), numbers_in_text("bracketed"),
    task_header_blank, units_joined_comma, units_joined_semicolon, units_joined_space, units_joined_line_break,
    numbers_chinese, deadline_without_year, deadline_dotted, deadline_full_date, deadline_chinese, progress_done,
    progress_state, header_spaced, notes_column, total_row_first, units_first,
    schedule_dates_with_year,
)
