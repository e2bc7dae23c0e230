"""Rows under the header into raw tasks: area rows, task rows, continuation rows and their lines."""

from __future__ import annotations

import re
from datetime import date

from mstrack.domain import unique
from mstrack.domain.dates import DateError
from mstrack.errors import InputError, Message
from mstrack.model import Area
from mstrack.sources.table.cells import (
    AREA_RE,
    CODE_CELL_RE,
    GROUP_CODE_RE,
    SEVERAL_CODES_RE,
    note_line,
    total_row,
)
from mstrack.sources.table.header import Column
from mstrack.sources.table.mentions import BARE_RE, find_mentions
from mstrack.sources.table.numbering import (
    NUMERAL_CODE_RE,
    SUB_CODE_RE,
    TITLE_CODE_RE,
    TITLE_NUMERAL_RE,
    add_area,
    add_area_named,
    in_area,
    in_lead_heading,
    lead_heading,
    numerals_over_digits,
    part_numbered,
    title_code,
)
from mstrack.sources.table.raw import Layout as _Layout
from mstrack.sources.table.raw import RawLine, RawTask
from mstrack.sources.table.reading import Row, Sheet
from mstrack.sources.table.schedule import Block, dated_clauses, dated_completions, numbered_parts, parse_deadline, split_schedule
from mstrack.sources.table.units import (
    joined_names,
    leaders_in,
    numbered_groups,
    roles_in,
    scoped,
    split_groups,
    unit_names,
    without_people,
)


def read_tasks(sheet: Sheet, at: int, columns: list[Column], headers: list[str], year: int,
               areas: list[Area], notes: list[str]) -> list[RawTask]:
    """Walk the rows below the header: area rows, task rows and their continuation rows."""
    layout = _Layout(sheet=sheet, columns=columns)
    tasks: list[RawTask] = []
    seen: dict[str, int] = {}
    area: str | None = None
    header_texts = {h.replace(" ", "") for h in headers}
    areas_are_tasks = _areas_are_tasks(sheet, at, layout)
    joined: dict[int, str] = {}  # rows numbering several tasks that stay one: the 序号 printed
    blank_deadlines: list[RawTask] = []  # new tasks whose first row leaves the deadline blank
    own_numbers = _items_print_numbers(sheet, at, layout)
    numeral_items = _numbered_in_numerals(sheet, at, layout)
    numeral_headings = numerals_over_digits([layout.cell(r, "seq").strip() for r in sheet.rows[at + 1:]])
    parts_restart = _parts_restart(sheet, at, layout)
    heading: tuple[str, str] | None = None  # "(一)省监察厅牵头的工作": the code and lead of the items under it
    for row in (split for below in sheet.rows[at + 1:] for split in _tasks_in_row(below, layout, joined)):
        filled = [c for c in row.cells if c]
        if not filled or _repeats_header(row, layout, header_texts) or total_row(row.cells):
            continue  # blank, the header again at a page break, or a row of totals (合计, 小计, 全省)
        if areas_are_tasks and _action_row(row, layout, tasks, seen, year):
            continue
        if note_line(row.cells):
            notes.append(filled[0])  # a footnote under the table, merged over its width or written in its first cell
            continue
        if area and heading is None and len(filled) >= 2 and len(set(filled)) == 1 and filled[0].endswith(("。", "；")) \
                and not title_code(filled[0]) and not AREA_RE.match(filled[0]) and not any(t.area == area for t in tasks):
            notes.append(filled[0])  # a sentence merged over the row under a leader's heading ("全面负责…。"): no task
            continue
        if found := lead_heading(filled, area):
            heading = found
            continue
        area, area_only = _area_of(row, filled, layout, areas, area, numeral_items=numeral_items,
                                  numeral_headings=numeral_headings)
        if area_only:
            heading = None
            continue
        title = layout.cell(row, "task")
        if heading and title:
            code, title = in_lead_heading(heading, title)
            task = _task_of(row, layout, code, title, area, tasks, seen)
            lines = len(task.lines)
            _read_row_lines(task, row, layout, year, None, "")
            for line in task.lines[lines:]:  # the row's offices beside the heading's lead are the other units
                line.units = unique(u for u in (*line.lead_units, *line.units) if u not in (heading[1], UNLISTED))
                line.lead_units = [heading[1]]
            continue
        if own_numbers and _group_heading(title, filled):
            continue  # "(一)经济指标", "加强基础设施建设" between numbered items: a group of the items below
        if len(set(filled)) == 1 and not title and not layout.any_of(row, ("schedule", "period", "deadline", "lead")):
            if filled[0].startswith(("注", "备注", "说明")):
                notes.append(filled[0])
            continue  # prose under the table: a footnote, a stamp
        if parts_restart and tasks and _part_of_item(row, layout, title, filled, tasks[-1], year):
            continue
        code, title = _task_code(row, layout, title, tasks[-1] if tasks else None, area)
        part = bool(tasks) and any(part_numbered(layout.cell(row, kind), layout.cell(tasks[-1].row, kind)) for kind in ("seq", "task"))
        code = None if part else code  # "（1）" under "1.": a part of the task above, not task 1 again
        item = ""
        if code is None and title and tasks and (tasks[-1].numbered or part):
            item, title = title, ""  # a sub-row without 序号 under a numbered task: part of it, no new number
        count = len(tasks)
        task = _task_of(row, layout, code, title, area, tasks, seen)
        task.numbered = task.numbered or bool(layout.cell(row, "seq"))
        inherited = tasks[-2].lines[-1] if len(tasks) > 1 and tasks[-2].lines else None
        _read_row_lines(task, row, layout, year, inherited, item)
        if len(tasks) > count and "deadline" in layout.by_kind and not layout.cell(row, "deadline"):
            blank_deadlines.append(task)
        task.doubts += [(row.number, column.header, Message(
            "{header} plans the month after the report's, and no title above the table names that month: read with no date "
            "of its own", header=column.header)) for column, _ in layout.texts(row, "schedule") if column.undated]
        if kept := joined.get(id(row)):
            task.doubts.append((row.number, layout.header("seq"), Message(
                "序号 {code} numbers {n} tasks in one row whose words do not split into {n}: read as one task", code=kept, n=len(
                    re.findall(r"\d+", kept)))))
    if not tasks:
        raise InputError("{path}: row {row}: a header but no task rows below it", path=sheet.path, row=sheet.rows[at].number)
    headers = {kind: cols[0].header for kind, cols in layout.by_kind.items()}
    if any(_area_numbered(task) for task in tasks):
        for task in tasks:  # numbered inside each area: every task takes both numbers, "二(1)"
            if task.area and not _area_numbered(task) and "(" not in task.code:
                task.code = in_area(task.area, task.code)
    if not sheet.merges:
        _carry_deadlines(tasks, blank_deadlines, year)
    for task in tasks:
        _sub_items(task)
        _own_units(task)
        task.headers = headers
    return tasks


PART_SPLIT_RE = re.compile(r"\s*(?:[；;。]|\n)\s*")


def _items_print_numbers(sheet: Sheet, at: int, layout: _Layout) -> bool:
    """No 序号 column, and the items print their own numbers at the start of their text ("1.地区生产总值…")."""
    if "seq" in layout.by_kind:
        return False
    return sum(bool(title_code(layout.cell(row, "task"))) for row in sheet.rows[at + 1:]) >= 2


def _parts_restart(sheet: Sheet, at: int, layout: _Layout) -> bool:
    """No 序号 column; items that print "一、" and have cells of their own, and under two of them or more, parts
    numbered again from "1.": the parts belong to the item above, and so do the unnumbered rows of text under them."""
    if "seq" in layout.by_kind:
        return False
    restarts, item = 0, None
    for row in sheet.rows[at + 1:]:
        title = layout.cell(row, "task")
        if TITLE_NUMERAL_RE.match(title):
            item = title if _cells_of_its_own(row, layout, title) else None
        elif item and (m := title_code(title)) and m[1] == "1":
            restarts, item = restarts + 1, None
    return restarts >= 2


def _part_of_item(row: Row, layout: _Layout, title: str, filled: list[str], item: RawTask, year: int) -> bool:
    """A row under an item "一、" that is a part of it ("1.…" with its offices: all of them the item's units, besides
    its leads; its words a note) or its text (a row that fills its first cell alone: the item's progress)."""
    if not NUMERAL_CODE_RE.fullmatch(item.code):
        return False
    if title and filled == [title] and not title_code(title) and not TITLE_NUMERAL_RE.match(title):
        item.progress = (item.progress + "\n" + title).strip()
        return True
    if not (m := title_code(title)):
        return False
    count = len(item.lines)
    _read_row_lines(item, row, layout, year, None, "")
    if count:  # the part's offices join the item's lines: a part has no line of its own
        parts = item.lines[count:]
        del item.lines[count:]
        for line in item.lines:
            line.units = unique(u for u in (*line.units, *(u for p in parts for u in (*p.lead_units, *p.units)))
                                if u not in line.lead_units)
    item.notes.append(f"分项{m[1]}：{title[m.end():].strip()}")
    return True


def _group_heading(title: str, filled: list[str]) -> bool:
    """A short text alone in the item column, with no number of the items' kind, no unit and no figure: in a table
    whose items print their own numbers it heads a group of them, as "一、" does, and is no task."""
    return filled == [title] and len(title) <= 30 and not re.search(r"[\d０-９]", title)


def _tasks_in_row(row: Row, layout: _Layout, joined: dict[int, str]) -> list[Row]:
    """A row whose 序号 numbers several tasks ("1、2") is read as its tasks when its words split into as many parts
    (numbered, or by line or ；): each part with its number and the row's other cells; a target column's figure that
    does not split (their sum) is left to each part's words. Otherwise it is one task under the first number, and
    `joined` keeps the 序号 printed, to say so."""
    seq = layout.by_kind.get("seq", [])
    code_text = layout.cell(row, "seq")
    if not seq or not SEVERAL_CODES_RE.match(code_text) or re.fullmatch(r"\d{1,3}(?:,\d{3})+", code_text.strip()):
        return [row]  # "1,000" is one number, grouped
    codes = re.findall(r"\d+", code_text)
    task_columns = layout.by_kind.get("task", [])[:1]
    parts = _parts(layout.cell(row, "task"), len(codes)) if task_columns else None
    if parts is None:
        one = Row(row.number, [codes[0] if i == seq[0].index else cell for i, cell in enumerate(row.cells)])
        joined[id(one)] = code_text
        return [one]
    rows = []
    for k, (code, part) in enumerate(zip(codes, parts, strict=True)):
        cells = list(row.cells)
        cells[seq[0].index] = code
        cells[task_columns[0].index] = part
        for kind in ("content", "amount"):
            for column in layout.by_kind.get(kind, []):
                own = _parts(cells[column.index], len(codes)) if column.index < len(cells) else None
                if own is not None:
                    cells[column.index] = own[k]
                elif kind == "amount":
                    cells[column.index] = ""  # their sum: each part's figure is in its words
        rows.append(Row(row.number, cells))
    return rows


def _parts(text: str, n: int) -> list[str] | None:
    """The text as `n` parts: its numbered items, else its lines or clauses; None when it is not `n` of them."""
    parts = numbered_parts(text) or [part for part in PART_SPLIT_RE.split(text.strip()) if part]
    return parts if len(parts) == n else None


def _sub_items(task: RawTask) -> None:
    """A registration form (登记表): rows of one task, each with its own content or 完成时限, are its sub-items.
    Each row's content is its line's own target and words, and the task is due when its last sub-item is."""
    rows = {id(line.row): line for line in task.lines}
    contents = [line.content for line in rows.values() if line.content]
    if len(contents) >= 2 and len(set(contents)) >= 2:
        for line in task.lines:
            line.item = line.item or line.content
        task.content = ""
    dated = {line.deadline_text: line.deadline for line in rows.values() if line.deadline_text}
    if len(dated) >= 2:
        task.deadline_text = "；".join(dated)
        known = [d for d in dated.values() if d]
        task.deadline = max(known) if known else None


UNLISTED = "（表中未列）"  # a line's lead when its row names no office at all
BORROWED_NOTE = "责任单位单元格为空，按合并单元格读作与上一行相同（{units}）"


def _own_units(task: RawTask) -> None:
    """A task whose first row names no unit, and a later row of its own does ("卫健委" under its sub-item): the blank
    was the task's own, not a cell merged with the task above; its first lines take the units of its own row."""
    own = next((line for line in task.lines if not line.borrowed and line.row is not task.lines[0].row), None)
    if not task.lines or not task.lines[0].borrowed or own is None:
        return
    for line in task.lines:
        if line.borrowed:
            line.lead_units, line.units, line.leaders, line.borrowed = list(own.lead_units), list(own.units), list(own.leaders), False
    task.notes = [note for note in task.notes if not note.startswith(BORROWED_NOTE.split("（")[0])]


ITEM_NUMBER_RE = re.compile(r"^[*＊※]*\s*(\d+)\s*[.．、]\s*(?=\D)")
COUNT_RE = re.compile(r"\s*[（(]\s*(?:共\s*)?\d+\s*项[^()（）]*[)）]\s*$")


def _areas_are_tasks(sheet: Sheet, at: int, layout: _Layout) -> bool:
    """No 序号 column, and numbers inside the task text that start again in every area ("一、就业促进行动": 1.…6.,
    "二、…": 1.…2.): each area is a task, and its numbered rows are its indicators."""
    if "seq" in layout.by_kind or "area" not in layout.by_kind:
        return False
    restarts, last = 0, (None, 0)
    for row in sheet.rows[at + 1:]:
        m, area = ITEM_NUMBER_RE.match(layout.cell(row, "task")), layout.cell(row, "area")
        if not m or not AREA_RE.match(area):
            continue
        if int(m[1]) <= last[1]:
            if area == last[0]:
                return False  # numbers that start again inside one area are tasks of their own
            restarts += 1
        last = (area, int(m[1]))
    return restarts >= 1


def _action_row(row: Row, layout: _Layout, tasks: list[RawTask], seen: dict[str, int], year: int) -> bool:
    """A numbered row of an area that is a task: a line of the area's task, its text the line's own item."""
    m, title = AREA_RE.match(layout.cell(row, "area")), layout.cell(row, "task")
    if not m or not title:
        return False
    code, name = m[1], COUNT_RE.sub("", m[2]).strip()
    same = bool(tasks) and tasks[-1].code == code
    task = _task_of(row, layout, None if same else code, "" if same else name, None, tasks, seen)
    task.numbered = True
    inherited = tasks[-2].lines[-1] if len(tasks) > 1 and tasks[-2].lines else None
    number = str(len(task.lines) + 1)  # "3.90%的…" is item 3, 90%: the number expected next tells
    item = re.sub(rf"^[*＊※]*\s*{number}\s*[.．、]\s*", "", title) if re.match(rf"^[*＊※]*\s*{number}\s*[.．、]", title) \
        else ITEM_NUMBER_RE.sub("", title)
    _read_row_lines(task, row, layout, year, inherited, item)
    return True


def _area_numbered(task: RawTask) -> bool:
    return bool(task.area) and task.code.startswith(in_area(task.area, "")[:-1])


def _repeats_header(row: Row, layout: _Layout, header_texts: set[str]) -> bool:
    """The header repeated at a page break."""
    return "".join(row.cells).replace(" ", "") in header_texts or " ".join(row.cells).replace(" ", "") in header_texts \
        or any(layout.cell(row, "seq") == c.header for c in layout.by_kind.get("seq", []))


def _area_of(row: Row, filled: list[str], layout: _Layout, areas: list[Area], area: str | None, *,
             numeral_items: bool = False, numeral_headings: bool = False) -> tuple[str | None, bool]:
    """The area from this row on, and whether the row is an area heading and nothing else."""
    if len(set(filled)) == 1 and (m := AREA_RE.match(filled[0])) and not layout.cell(row, "schedule") and len(filled[0]) <= 60:
        return add_area(areas, m), True
    if len(set(filled)) == 1 and len(filled) >= 3 and len(filled[0]) <= 30 and not filled[0].startswith(("注", "备注", "说明")):
        return add_area_named(areas, filled[0]), True  # "关键词 教育" merged over the width: a group of the items below
    if area_text := layout.cell(row, "area"):
        m = AREA_RE.match(area_text.split("\n")[0])
        area = add_area(areas, m) if m else add_area_named(areas, area_text)
    title, code_text = layout.cell(row, "task"), layout.cell(row, "seq")
    if NUMERAL_CODE_RE.fullmatch(code_text) and title and not numeral_items \
            and (numeral_headings or not _cells_of_its_own(row, layout, title)):
        return add_area(areas, AREA_RE.match(code_text.rstrip("、.．") + "、" + title)), True
    return area, False


def _numbered_in_numerals(sheet: Sheet, at: int, layout: _Layout) -> bool:
    """A 序号 column that numbers in Chinese numerals only (一 … 十二, no 1, 2 of items under them), most of its
    numbered rows items with cells of their own: every row it numbers is an item, one whose figures are on the rows
    below it as well."""
    if "seq" not in layout.by_kind:
        return False
    numbered = [(row, layout.cell(row, "seq")) for row in sheet.rows[at + 1:] if layout.cell(row, "seq")]
    if not numbered or not all(NUMERAL_CODE_RE.fullmatch(code) for _, code in numbered):
        return False
    items = sum(_cells_of_its_own(row, layout, layout.cell(row, "task")) for row, _ in numbered)
    return items * 2 > len(numbered)


def _cells_of_its_own(row: Row, layout: _Layout, title: str) -> bool:
    """A row numbered "一" that fills a cell besides its number, name and area (content, a figure, a unit, a date,
    progress): an item numbered in Chinese numerals; a group heading holds its name alone (or merged over the row)."""
    return any(row.cells[c.index] not in ("", title) for c in layout.columns
               if c.kind not in ("seq", "task", "area") and c.index < len(row.cells))


def _task_code(row: Row, layout: _Layout, title: str, previous: RawTask | None, area: str | None) -> tuple[str | None, str]:
    """The task number a row gives (None: it continues the task above, in the same area) and its title."""
    code = None
    if code_text := layout.cell(row, "seq"):
        m = CODE_CELL_RE.match(code_text) or GROUP_CODE_RE.match(code_text)
        if not m:
            raise InputError("{place}: {code!r} is not a task number", place=layout.where(row, layout.by_kind["seq"][0]), code=code_text)
        code = m[1]
        if GROUP_CODE_RE.match(code) and (sub := SUB_CODE_RE.match(title)):  # 序号 "二", title "(三)井盖整治": task 二(三)
            code, title = f"{code}({sub[1]})", title[sub.end():].strip()
        elif inner := TITLE_CODE_RE.match(title):  # "1.新增社区老年食堂3家" beside 序号 3: the item's number in its project
            title = title[inner.end():].strip()
    elif title and (m := title_code(title) or TITLE_NUMERAL_RE.match(title)):
        code, title = m[1], title[m.end():].strip()
    elif title and (sub := SUB_CODE_RE.match(title)) and title[sub.end():].strip():  # "(一)…" under "一、": task 一(一)
        code, title = in_area(area, sub[1]) if area else sub[1], title[sub.end():].strip()
    if code and previous and previous.area == area and previous.code in (code, in_area(area, code)):
        code = None  # a merged 序号: another line of the same task
    if code is None and title and previous and title == previous.title:
        title = ""
    return code, title


def _task_of(row: Row, layout: _Layout, code: str | None, title: str, area: str | None, tasks: list[RawTask],
             seen: dict[str, int]) -> RawTask:
    """The task a row belongs to: the one above when it gives neither number nor title, else a new one."""
    if code is None and not title:
        if not tasks:
            col = next((c for c in layout.columns if c.kind and c.index < len(row.cells) and row.cells[c.index]), layout.columns[0])
            raise InputError("{place}: a row of schedule or units before any task", place=layout.where(row, col))
        return tasks[-1]
    if code is None:
        code = str(len(tasks) + 1)
        while code in seen:
            code += "a"
    if code in seen and area is not None and any(t.code == code and t.area != area for t in tasks):
        code = in_area(area, code)  # numbers that start again in each area: the area's number and the task's
    if code in seen:
        col = layout.by_kind.get("seq", layout.by_kind.get("task"))[0]
        raise InputError("{place}: task {code} appears twice (first at row {first})", place=layout.where(row, col), code=code,
                         first=seen[code])
    if not title:
        col = (layout.by_kind.get("task") or layout.by_kind.get("seq") or layout.columns)[0]  # no task column: its number
        raise InputError("{place}: task {code} has no text", place=layout.where(row, col), code=code)
    seen[code] = row.number
    task = RawTask(code=code, title=title, area=area, row=row)
    tasks.append(task)
    return task


def _read_task_cells(task: RawTask, row: Row, layout: _Layout, year: int) -> tuple[str, str, date | None]:
    """What a row adds to its task (content, progress, a note, the deadline); the row's own content and deadline."""
    deadline = None
    title = layout.cell(row, "task")  # a content cell merged with the title's repeats it
    texts = [text for _, text in layout.texts(row, "content") if not BARE_RE.match(text) and text != title]
    content = "\n".join(text for text in texts if not _all_of_it(text, texts))
    if content and content not in task.content.split("\n"):  # a content cell merged down repeats on every row: read once
        task.content = (task.content + "\n" + content).strip()
    if progress := layout.cell(row, "progress"):
        task.progress = (task.progress + "\n" + progress).strip()
    if note := layout.cell(row, "note"):
        task.notes.append(note)
    if deadline_text := layout.cell(row, "deadline"):
        task.deadline_text = deadline_text
        task.deadline = deadline = parse_deadline(deadline_text, year)
    return content, deadline_text, deadline


FULL_RE = re.compile(r"(?:完成|达到)?\s*100\s*[%％]")


def _all_of_it(text: str, texts: list[str]) -> bool:
    """A target cell of "100%" beside words that print their own figures ("补差水平分别达到300元/人、140元/人"):
    all of what the words set, not a target of its own."""
    return FULL_RE.fullmatch(text.strip()) is not None and any(find_mentions(other) for other in texts if other is not text)


def _unit_after(amount: str) -> str:
    """The unit of measure a target cell prints after its one number ("6000人" → 人); "" for a bare number or words."""
    m = re.fullmatch(r"\s*\d+(?:,\d{3})*(?:\.\d+)?\s*([^\d\s]{1,6})\s*", amount)
    return m[1] if m and not re.search(r"[，,。；;、]", m[1]) else ""


def _schedule_blocks(row: Row, layout: _Layout, year: int) -> list[Block]:
    """The row's schedule cells cut into blocks; a column named for a period dates its undated text, and the columns
    named for periods one after another (一季度目标 … 四季度目标) are one schedule, not a sub-project each."""
    blocks: list[Block] = []
    periods, at = Block(), 0
    for column, text in layout.texts(row, "schedule"):
        try:
            found = split_schedule(text, year)
        except DateError as error:
            raise InputError("{place}: {error}", place=layout.where(row, column), error=error) from None
        for block in found:
            block.partial = column.partial
            if not block.periods and column.due and block.undated:
                block.periods.append((column.label, column.due, block.undated))
                block.undated = ""
        if column.due and len(found) == 1 and not found[0].heading and not found[0].undated and not periods.partial \
                and (not periods.periods or periods.periods[-1][1] < found[0].periods[0][1]):
            at = at if periods.periods else len(blocks)
            periods.periods += found[0].periods
            periods.partial = found[0].partial
            continue
        blocks.extend(found)
    if periods.periods:
        blocks.insert(at, periods)
    return blocks


def _date_alone(blocks: list[Block], row: Row, layout: _Layout) -> tuple[str, date] | None:
    """A schedule cell that is one date and nothing else ("2024年10月底"): the date the row's work is due, read as a
    完成时限 would be; a cell of dated steps ("6月底前完成1000个，11月底前全部完成") stays a schedule."""
    cells = [column for column, _ in layout.texts(row, "schedule")]
    if len(blocks) != 1 or len(cells) != 1 or cells[0].due or cells[0].partial:
        return None
    block = blocks[0]
    if block.heading or block.undated or len(block.periods) != 1 or block.periods[0][2].strip():
        return None
    label, due, _ = block.periods[0]
    return label, due


def _unit_groups(lead_cell: str, units_cell: str, previous: RawLine | None) -> tuple[list[list[tuple[str, str]]], list[list[str]]]:
    """Lead units in groups, each unit with the scope it is named for, and the responsible units of each group."""
    if not lead_cell and not units_cell and previous is not None:
        lead_groups = [[(u, "") for u in previous.lead_units]] if previous.lead_units else []
        unit_groups = [previous.units]
    else:
        groups = split_groups(lead_cell) if lead_cell else []
        lead_groups = [[scoped(u) if len(groups) > 1 else (u, "") for u in unit_names(g)] for g in groups]
        lead_groups = [g for g in lead_groups if g]
        unit_groups = [unit_names(g) for g in (split_groups(units_cell) if units_cell else [])]
    if not lead_groups:
        units = [u for g in unit_groups for u in g]
        lead_groups = [[(units[0], "")]] if units else [[(UNLISTED, "")]]
    if len(unit_groups) != len(lead_groups):
        unit_groups = [[u for g in unit_groups for u in g]] * len(lead_groups)
    return lead_groups, unit_groups


BORROWED_DEADLINE_NOTE = "完成时限单元格为空，按合并单元格读作与上一行相同（{deadline}）"


def _carry_deadlines(tasks: list[RawTask], blank: list[RawTask], year: int) -> None:
    """A text export (.tsv, .csv) writes a deadline merged over an area's tasks once, and leaves the cells below blank even where
    each task names its own unit: a blank deadline under a task of the same area (or theme) takes the one above, as
    its unit would. Not when the column's blanks mean none: a blank on an area's first task, with nothing above it
    to be merged with."""
    index = {id(task): k for k, task in enumerate(tasks)}
    above = {id(task): tasks[index[id(task)] - 1] if index[id(task)] else None for task in blank}
    if any(task.area is None or above[id(task)] is None or above[id(task)].area != task.area for task in blank):
        return
    for task in blank:
        previous = above[id(task)]
        if task.deadline_text or not previous.deadline or previous.deadline == date(year, 12, 31):
            continue
        task.deadline_text, task.deadline = previous.deadline_text, previous.deadline
        for line in task.lines:
            if not line.deadline_text:
                line.deadline_text, line.deadline = previous.deadline_text, previous.deadline
        task.notes.append(BORROWED_DEADLINE_NOTE.format(deadline=previous.deadline_text))


def _borrow_deadline(task: RawTask, own: dict, above: RawLine, layout: _Layout, year: int) -> None:
    """A new task whose unit and deadline cells are both blank, under a task that has both: the deadline was written
    once in a cell merged down over them (a sheet export leaves the cells below blank), as the unit was. A deadline
    at the year's end says no more than the blank does, and is left to it."""
    if own["deadline_text"] or not above.deadline or above.deadline == date(year, 12, 31) or "deadline" not in layout.by_kind:
        return
    own["deadline_text"], own["deadline"] = above.deadline_text, above.deadline
    task.deadline_text, task.deadline = above.deadline_text, above.deadline
    task.notes.append(BORROWED_DEADLINE_NOTE.format(deadline=above.deadline_text))


def _read_row_lines(task: RawTask, row: Row, layout: _Layout, year: int, inherited: RawLine | None, item: str) -> None:
    """One table row becomes one line, or one line per lead unit when a cell lists several."""
    previous = task.lines[-1] if task.lines else None
    leaders = leaders_in(layout.cell(row, "leader")) or (previous.leaders if previous else [])
    lead_cell, units_cell = (without_people(joined_names(layout.cell(row, kind)), layout.header(kind)) for kind in ("lead", "units"))
    if not lead_cell and (roles := roles_in(units_cell)):  # "牵头单位：…；配合单位：…" in one 责任单位 cell
        lead_cell, units_cell = roles
    elif roles := roles_in(lead_cell):  # "县教育局（牵头）" in the lead column
        lead_cell, units_cell = roles[0], "、".join(u for u in (roles[1], units_cell) if u)
    content, deadline_text, deadline = _read_task_cells(task, row, layout, year)
    amount, measure = layout.cell(row, "amount"), layout.cell(row, "measure")
    if not amount:  # a 目标任务 cell with a bare number: the target, in no unit printed
        amount = next((text for _, text in layout.texts(row, "content") if BARE_RE.match(text)), "")
    start_text = layout.cell(row, "start")
    start = parse_deadline(start_text, year) if start_text else None
    own = {"content": content, "deadline_text": deadline_text, "deadline": deadline, "item": item, "amount": (amount, measure),
           "start": (start_text, start) if start else None,
           "measured": [(column.header, text, column.label) for column, text in layout.texts(row, "measured")],
           "reported": [(column.header, text) for column, text in layout.texts(row, "progress")]}
    counted = measure or _unit_after(amount) or _unit_after(content)  # a quarter's bare figure counts in the row's unit
    periods = [(column.label, column.due, text + counted if BARE_RE.match(text) else text) for column, text in layout.texts(row, "period")]
    periods += dated_completions(content, year)  # "在2022年11月份前完成改造" inside the content
    dated_elsewhere = deadline_text or {"content", "schedule", "period"} & set(layout.by_kind)
    own_words = "" if dated_elsewhere else item or ("" if previous else task.title)
    words = content or own_words  # where no column holds the task's content nor its schedule: its title, a sub-row's words
    in_words = dated_clauses(words, year)  # "…3所，9月底前投入使用": the clause's own date
    periods += in_words
    own["in_words"] = len(in_words)
    blocks = _schedule_blocks(row, layout, year)
    if not deadline_text and (alone := _date_alone(blocks, row, layout)):
        own["deadline_text"], own["deadline"] = task.deadline_text, task.deadline = alone
        blocks = []  # a schedule column (时间节点) that prints one date and no step: the row's deadline
    borrowed = not lead_cell and not units_cell and not previous and inherited is not None and bool({"lead", "units"} & set(layout.by_kind))
    if not lead_cell and not units_cell and previous is not None and previous.borrowed:
        borrowed = True  # blank again under a borrowed row: the same merged cell, or the task's own blank
    elif borrowed:
        previous = inherited  # a new task whose unit cells are blank: merged with the row above
        task.notes.append(BORROWED_NOTE.format(units="、".join(previous.lead_units)))
        leaders = leaders or previous.leaders
        _borrow_deadline(task, own, previous, layout, year)
    lead_groups, unit_groups = _unit_groups(lead_cell, units_cell, previous)
    if len(lead_groups) > 1 and any(s for g in lead_groups for _, s in g):
        task.notes.append("牵头单位括注范围：" + "；".join(f"{u}（{s}）" for g in lead_groups for u, s in g if s))
    if len(blocks) > 1:
        numbered = numbered_groups(units_cell) if units_cell else {}
        all_leads = [u for g in lead_groups for u, _ in g]
        all_units = unique(u for g in unit_groups for u in g)
        for block in blocks:
            named = [u for u in all_leads if block.heading and u in block.heading]
            units = unit_names(numbered[block.number]) if block.number in numbered else all_units
            task.lines.append(RawLine(row=row, leaders=leaders, lead_units=named or unique(all_leads), units=units,
                                      scope=block.heading, blocks=[block], borrowed=borrowed, **own))
        return
    for group, units in zip(lead_groups, unit_groups, strict=True):
        raw = RawLine(row=row, leaders=leaders, lead_units=unique(u for u, _ in group), units=units,
                      scope="；".join(s for _, s in group if s), blocks=list(blocks), periods=list(periods), borrowed=borrowed, **own)
        task.lines.append(raw)
