"""Columns read by the numbers their cells print: an unnamed 序号, numbered items, titles and requirements."""

from __future__ import annotations

import re
from itertools import pairwise

from mstrack.domain.quantities import chinese_count
from mstrack.sources.rows import TOTAL_CELL_RE, total_row
from mstrack.sources.table.cells import CODE_CELL_RE, GROUP_CODE_RE
from mstrack.sources.table.columns import UNIT_NAME_RE, Column, column_values, data_rows
from mstrack.sources.table.numbering import DOTS, ITEM_NUMBER_RE, SUB_CODE_RE, title_code
from mstrack.sources.table.reading import Sheet

REQUIREMENT_HEADER_RE = re.compile(r"要求|内容")  # 具体要求, 工作要求, 主要内容: the tasks' words, where the cells agree
MEASURE_HEADER_RE = re.compile(r"措施")  # 具体工作措施: a schedule's name, the measures themselves where the cells agree


def numbered_requirements(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """A column the header rules leave open (具体要求: 要求 alone is no task word) whose cells each print an item's own
    number ("1.主动公开…", "2.…", or "(一)…" "(二)…" in numerals, one a row, running on), beside the one task column
    whose cells are a few group headings merged over those rows (工作任务 "一、做好各类规划主动公开。"): the numbered
    column holds the tasks, read as a second task column (group_columns.task_columns makes the headings their area).
    Beside a task column holding a task a row, the numbers are the details' own and the column stays unread. A column
    named for measures (具体工作措施, a schedule by its name) is read alike: its numbered cells are the measures, the
    tasks."""
    tasks = [c for c in columns if c.kind == "task"]
    if len(tasks) != 1:
        return
    header = sheet.rows[at].cells
    for column in (c for c in columns if _requirement_header(c)):
        rows = [r.cells for r in data_rows(sheet, at) if column.index < len(r.cells) and r.cells[column.index].strip()
                and r.cells[:len(header)] != header]  # the header again, at a page break
        own = [title_code(cells[column.index]) or SUB_CODE_RE.match(cells[column.index]) for cells in rows]
        codes = [m[1] for m in own if m]
        if len(rows) < 3 or len(codes) < len(rows) or len(set(codes)) < len(codes) \
                or any(numbered_lines(cells[column.index]) for cells in rows):
            continue
        headings = [cells[tasks[0].index].strip() if tasks[0].index < len(cells) else "" for cells in rows]
        seq = next((c.index for c in columns if c.kind == "seq"), None)
        numbers = [cells[seq].strip() if seq is not None and seq < len(cells) else "" for cells in rows]
        offices = [tuple(cells[c.index].strip() if c.index < len(cells) else "" for c in columns if c.kind in ("lead", "units"))
                   for cells in rows]
        if headings[0] and _grouped(headings, numbers, offices):
            column.kind = "task"
            if seq is not None and _one_a_run(_runs(headings), numbers):
                next(c for c in columns if c.index == seq).kind = "area_code"  # the merged 序号 numbers the groups
            return


def _requirement_header(column: Column) -> bool:
    """具体要求 left open by the header rules, or 具体工作措施 read as a schedule by its name."""
    header = re.sub(r"\s+", "", column.header)
    return (not column.kind and REQUIREMENT_HEADER_RE.search(header) is not None) \
        or (column.kind == "schedule" and MEASURE_HEADER_RE.search(header) is not None)


def _grouped(headings: list[str], numbers: list[str], offices: list[tuple[str, ...]]) -> bool:
    """Headings that are clearly groups of the rows beside them: each covers a run of rows (merged, or written once
    over it, the cells below blank) and comes back after no other, most runs cover several rows or the headings carry
    their own numbers ("一、…"), and no 序号 numbers them one a heading (then they are the tasks, each with its details
    on one row or a few, unless the rows of most runs name offices of their own: measures, each its own task, in
    groups the 序号 numbers). One task spanning two rows among tasks one a row is no group."""
    runs = _runs(headings)
    starts = [headings[run[0]] for run in runs]
    if len(runs) == len(headings) or len(set(starts)) < len(starts):
        return False
    several = sum(len(run) >= 2 for run in runs)
    if _one_a_run(runs, numbers) and sum(len({offices[k] for k in run}) >= 2 for run in runs) * 2 <= several:
        return False  # 序号 "1", "2", "3" one a heading, the rows of each its offices: the headings are numbered as the tasks
    return several * 2 > len(runs) or all(HEADING_NUMBER_RE.match(h) for h in starts)


def _runs(headings: list[str]) -> list[list[int]]:
    """The rows of each heading's run: merged over them, or written once, the cells below blank."""
    runs: list[list[int]] = []
    for k, heading in enumerate(headings):
        if heading and (not runs or heading != headings[runs[-1][0]]):
            runs.append([k])
        else:
            runs[-1].append(k)
    return runs


def _one_a_run(runs: list[list[int]], numbers: list[str]) -> bool:
    """A 序号 that numbers the runs, one number each, none twice ("1" merged over a group's rows, "2" over the next)."""
    own = [{numbers[k] for k in run if numbers[k]} for run in runs]
    return all(len(found) == 1 for found in own) and len({n for found in own for n in found}) == len(runs)


HEADING_NUMBER_RE = re.compile(rf"[一二三四五六七八九十]+\s*[、{DOTS}]")  # "一、做好…": a group's own number


def one_numbered_item(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """A header that names only who is responsible (""/责任单位) over rows whose cells under the empty header are each a
    numbered item ("1、农村中小学校改扩建工程。…") beside an office: that column holds the tasks, however few (one is
    enough: the number and the office say it is an item, not prose). Items that say who to call ("1、联系人：张三 电话：…")
    or what an office does ("1、负责…统筹协调": a duty split) are no work items: nothing is read."""
    named = [c for c in columns if c.header.strip()]
    units = [c for c in named if c.kind in ("lead", "units")]
    if len(units) != 1 or any(not c.kind or c.kind == "task" for c in named):  # beside it: known columns (备注, 进展…)
        return
    at_unit = units[0].index
    rows = [r.cells for r in data_rows(sheet, at) if any(c.strip() for c in r.cells)]
    for column in (c for c in columns if not c.header.strip() and not c.kind and c.index < at_unit):
        if rows and all(column.index < len(cells) and len(cells[column.index]) >= 8 and ITEM_START_RE.match(cells[column.index])
                        and not contact_or_duty(cells[column.index])
                        and at_unit < len(cells) and UNIT_NAME_RE.search(cells[at_unit].strip()) for cells in rows):
            column.kind = "task"
            return


ITEM_START_RE = re.compile(rf"^\d{{1,3}}\s*[{DOTS}]\s*\D")  # "1、农村…": an item's number before its words
CONTACT_OR_DUTY_RE = re.compile(rf"^\d{{1,3}}\s*[{DOTS}]\s*(?:负责|(?:联系|咨询|投诉|举报)(?:人|电话|方式))"
                                rf"|(?:电话|手机)\s*[:：]?\s*\d[\d-]{{6,}}")


def contact_or_duty(item: str) -> bool:
    """"1、联系人：张三 电话：12345678", "1、负责项目资金的筹措": a contact or an office's duty, not an item of work."""
    return CONTACT_OR_DUTY_RE.search(item.strip()) is not None


def unnamed_number_column(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """No 序号: an unnamed column left of the task column whose cells are numbers rising down the rows ("01", "02",
    "04"; "3.", "四") numbers the tasks as the document prints them, not their position. The numbers start at 1 or
    stay small: 2024, 2025, 2026 are years, not a count of tasks. Numbers from 1 that rise more often than they repeat
    or start again at 1 ("1, 1, 2"; "1, 2, 1, 2") are a 序号 too, read as a named one is (titles.py: a repeat said,
    a second run refused), never left unread for tasks numbered by position. Cells after the last number are lines
    under the table ("XX县人民政府办公室", a contact table's "联系人"): the rows they are on are said, not read (tasks.py)."""
    tasks = [c for c in columns if c.kind == "task"]
    if not tasks or any(c.kind == "seq" for c in columns):
        return
    for column in columns:
        if column.kind or column.header.strip() or column.index > tasks[0].index:
            continue
        values = [v for v in column_values(sheet, at, column) if not TOTAL_CELL_RE.match(v)]  # "合计": no task
        numbers = [_number_of(v) for v in values]
        while numbers and numbers[-1] is None:  # lines under the table (a signature, a contact table): no item's number
            numbers.pop()
        if len(numbers) >= 2 and None not in numbers and (numbers == sorted(set(numbers)) and (
                numbers[0] <= 1 or numbers[-1] < 1000) or _rising_from_one(numbers)):
            column.kind = "seq"
            return


def _rising_from_one(numbers: list[int]) -> bool:
    """Numbers from 1 each the one above, higher, or 1 again, rising at least as often as not ("1, 1, 2", "1, 2, 2",
    "1, 2, 1, 2"): a 序号 whose numbers repeat or start again, not figures ("3, 5, 2")."""
    steps = list(pairwise(numbers))
    rises = sum(b > a for a, b in steps)
    return numbers[0] == 1 and all(b >= a or b == 1 for a, b in steps) and rises * 2 >= len(steps)


def _number_of(cell: str) -> int | None:
    """The number a 序号 cell prints ("01", "3.", "（2）", "★4", "二"), or None for any other cell."""
    if m := CODE_CELL_RE.match(cell.strip()):
        return int(re.match(r"\d+", m[1])[0])
    return chinese_count(m[1]) if (m := GROUP_CODE_RE.match(cell.strip())) else None


def numbered_title_column(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """No 序号: an unnamed column whose cells number the items ("一、新建学校项目") beside a named task column whose
    cells do not (任务目标: the plan's long words) holds the titles; the named one is their content. Two such cells at
    least, or the one of a table of one row (header._one_numbered_project)."""
    tasks = [c for c in columns if c.kind == "task"]
    if not tasks or any(c.kind == "seq" for c in columns) \
            or any(_numbered([v for v in column_values(sheet, at, t) if not numbered_lines(v)]) for t in tasks):
        return
    for column in columns:
        if column.kind or column.header.strip():
            continue
        rows = [r for r in data_rows(sheet, at) if any(c.strip() for c in r.cells) and not total_row(r.cells)]
        values = [r.cells[column.index] for r in rows if column.index < len(r.cells) and r.cells[column.index]]
        if len(values) >= min(2, len(rows)) and _numbered(values) and _one_title_a_row(sheet, at, column, tasks):
            column.kind, column.header = "task", ""
            for task in tasks:
                task.kind = "content"
            return


def _one_title_a_row(sheet: Sheet, at: int, column: Column, tasks: list[Column]) -> bool:
    """Titles, not group labels: each row with the task column's words has its own cell here, with words after its
    number (not "1." alone), neither blank nor repeating the row above (一、教育 written once or merged over its
    items is a group's label). Rows after the last title whose cell here holds no title but is not blank ("①" alone, a
    line under the table) are not judged: one such row is no reason to read the titles as anything else."""
    previous = None
    titled: list[bool | None] = []  # each row: a title, no title, or a cell of no title (judged only before a title)
    for row in data_rows(sheet, at):
        value = row.cells[column.index].strip() if column.index < len(row.cells) else ""
        if not any(t.index < len(row.cells) and row.cells[t.index].strip() for t in tasks) \
                or row.cells[:len(sheet.rows[at].cells)] == sheet.rows[at].cells:  # the header again, at a page break
            continue
        m = ITEM_NUMBER_RE.match(value)
        own = bool(m) and bool(value[m.end():].strip()) and value != previous
        titled.append(None if value and not own and value != previous else own)
        previous = value
    judged = len(titled)
    while titled and titled[-1] is None:
        titled.pop()
    return all(titled) and (bool(titled) or not judged)  # a column of no title at all holds none


def numbered_lines(cell: str) -> bool:
    """"1、充分就业社区创建18个;\n2、新增技能人才2400人;": a cell of several lines numbered from 1, an item's parts
    listed in its cell, not the number of an item of the table."""
    lines = [line for line in cell.splitlines() if line.strip()]
    numbers = [re.match(r"\s*(\d+)\s*[、.．]", line) for line in lines]
    return len(lines) >= 2 and all(numbers) and [int(m[1]) for m in numbers] == list(range(1, len(lines) + 1))


def _numbered(values: list[str]) -> bool:
    """Most of the cells start with an item's number (一、, 1., (一))."""
    return sum(bool(ITEM_NUMBER_RE.match(v)) for v in values) * 2 > len(values)


def items_numbering_themselves(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """A 序号 merged over rows (the same number on several) whose content cells each print their own number, running
    on ("1.地区生产总值…", "2.…" under 序号 "1" and 项目 "主要预期目标"): the 序号 and the title column are the group's,
    and the numbered column holds the tasks (titles.items_print_numbers codes them), not one task's lines."""
    seq = next((c for c in columns if c.kind == "seq"), None)
    content = [c for c in columns if c.kind == "content"]
    if seq is None or not content:
        return
    rows = [r.cells for r in data_rows(sheet, at) if seq.index < len(r.cells) and r.cells[seq.index]
            and re.sub(r"\s", "", r.cells[seq.index]) != re.sub(r"\s", "", seq.header)  # the header again: a page break
            and not total_row(r.cells)]
    numbers = [r[seq.index] for r in rows]
    for column in content:
        own = [title_code(r[column.index]) if column.index < len(r) else None for r in rows]
        if len(rows) < 3 or not all(own) or len(set(numbers)) == len(numbers):
            continue
        codes = [m[1] for m in own]
        if len(set(codes)) != len(codes) or not all(c.isdigit() for c in codes):
            continue  # numbers that start again under each 序号: the lines of its task (a registration form)
        seq.kind = ""
        for other in (c for c in columns if c.kind in ("task", "content") and c is not column):
            other.kind = "area" if other.index < column.index and not any(c.kind == "area" for c in columns) else "content"
            seq.kind = "area_code" if other.kind == "area" else seq.kind  # the merged 序号 numbers the area it names
        column.kind = "task"
        return


def labels_over_numbers(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """A 序号 printed across two columns, the first a group's label merged down over its rows ("养老方面", "托育方面"),
    the second the rows' numbers, which start again under a new label: the first is an area column whose labels code
    their groups, so that a task goes by its label and its number ("养老方面4"; the numbers alone repeat)."""
    seqs = [c for c in columns if c.kind == "seq"]
    if len(seqs) != 2 or seqs[1].index != seqs[0].index + 1 or any(c.kind == "area" for c in columns):
        return
    header = (seqs[0].header.strip(), seqs[1].header.strip())
    pairs = [(r.cells[seqs[0].index].strip(), _seq_number(r.cells[seqs[1].index])) for r in data_rows(sheet, at)
             if seqs[1].index < len(r.cells) and not total_row(r.cells)
             and (r.cells[seqs[0].index].strip(), r.cells[seqs[1].index].strip()) != header]  # the header again: a page break
    if len(pairs) < 3 or not all(label and not re.search(r"\d", label) and not CODE_CELL_RE.match(label)
                                 and not GROUP_CODE_RE.match(label) and number is not None for label, number in pairs):
        return
    falls = [k for k in range(1, len(pairs)) if pairs[k][1] <= pairs[k - 1][1]]
    if falls and all(pairs[k][0] != pairs[k - 1][0] for k in falls):  # the numbers start again only under a new label
        seqs[0].kind, seqs[0].labels_code = "area", True


def _seq_number(cell: str) -> int | None:
    """The number a 序号 cell prints, however printed ("1", "1.", "（1）", "1、", "1※", "01", "一"); None for another text."""
    if (m := CODE_CELL_RE.match(cell.strip())) and m[1].isdigit():
        return int(m[1])
    return chinese_count(m[1]) if (m := GROUP_CODE_RE.match(cell.strip())) else None
