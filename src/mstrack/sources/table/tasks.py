"""Rows under the header into raw tasks: area rows, task rows, continuation rows and their lines."""

from __future__ import annotations

import re

from mstrack.domain import unique
from mstrack.errors import InputError, Message
from mstrack.model import Area
from mstrack.sources.rows import FIGURE_RE, TOTAL_CELL_RE, total_row, unnumbered
from mstrack.sources.table.above import office_above
from mstrack.sources.table.cells import (
    AREA_RE,
    SEVERAL_CODES_RE,
    contacts_from,
    explained_marks,
    first_leads_noted,
    note_line,
    note_point,
    row_texts,
    sums_above,
    without_marks,
)
from mstrack.sources.table.columns import Column, helping_column
from mstrack.sources.table.numbering import (
    CLAUSE_CODE_RE,
    COUNT_RE,
    ITEM_CODE_RE,
    NUMERAL_CODE_RE,
    PART_CODE_RE,
    SUB_CODE_RE,
    TITLE_NUMERAL_RE,
    TOPIC_SUB_CODE_RE,
    add_area,
    bracket_level,
    heading_levels,
    in_area,
    in_lead_heading,
    lead_heading,
    numerals_over_digits,
    part_numbered,
    plain_number,
    title_code,
)
from mstrack.sources.table.raw import Layout as _Layout
from mstrack.sources.table.raw import RawTask
from mstrack.sources.table.reading import Row, Sheet, place
from mstrack.sources.table.row_lines import UNLISTED, carry_deadlines, own_units, read_row_lines
from mstrack.sources.table.schedule import numbered_parts
from mstrack.sources.table.terms import dated_above
from mstrack.sources.table.titles import (
    RowNotRead,
    area_numbered,
    area_of,
    area_opener,
    cells_of_its_own,
    ends_area,
    follows_part,
    items_print_numbers,
    numbered_in_numerals,
    numbered_in_one_group,
    part_of_area,
    sets_target,
    sub_area,
    task_code,
    task_of,
    unheaded_first_group,
)
from mstrack.sources.table.units import office_list, unit_names


def read_tasks(sheet: Sheet, at: int, columns: list[Column], headers: list[str], year: int,
               areas: list[Area], notes: list[str], unread: list[RowNotRead]) -> list[RawTask]:
    """Walk the rows below the header: area rows, task rows and their continuation rows. A row that gives no task the
    reader can take is left out and said in `unread` (its place and why); a table with no row to read is refused with
    the first one's reason."""
    layout = _Layout(sheet=sheet, columns=columns,
                     first_leads=first_leads_noted([row.cells for row in sheet.rows[at + 1:]], sheet.below),
                     dated=dated_above(sheet.titles_above(at + 1 - len(headers))))
    tasks: list[RawTask] = []
    seen: dict[str, int] = {}
    area: str | None = None
    header_texts = {h.replace(" ", "") for h in headers}
    header_rows = sheet.rows[max(0, at - 1):at + 1]  # a two-row header's rows (or a one-row header and the line above)
    areas_are_tasks = _areas_are_tasks(sheet, at, layout)
    joined: dict[int, str] = {}  # rows numbering several tasks that stay one: the 序号 printed
    blank_deadlines: list[RawTask] = []  # new tasks whose first row leaves the deadline blank
    own_numbers = items_print_numbers(sheet, at, layout)
    numeral_items = numbered_in_numerals(sheet, at, layout)
    numeral_headings = numerals_over_digits([layout.cell(r, "seq").strip() for r in sheet.rows[at + 1:]])
    parts_restart = _parts_restart(sheet, at, layout)
    in_groups = _bracketed_in_groups(sheet, at, layout)
    numbered = [r for r in sheet.rows[at + 1:] if layout.cell(r, "seq")]
    bracketed = bracket_level([layout.cell(r, "seq") for r in numbered]) and all(
        _sub_heading(r, layout, layout.cell(r, "task")) for r in numbered if plain_number(layout.cell(r, "seq")))
    levels: tuple[str, ...] = ()  # the numbers of the headings in digits above ("1", "(1)"): a circled item's code
    last_part: tuple[int, int] | None = None  # the task above and the number of its last part "（2）"
    heading: tuple[str, str] | None = None  # "(一)省监察厅牵头的工作": the code and lead of the items under it
    group_lead: str | None = None  # "区委办公室(8项)": the office that leads the items under it
    offices: dict[int, str] = {}  # a task numbered "1" whose title is an office's "区卫健局（3项任务）": that office
    opener = ""  # the 序号 of the row that opened the area ("（一）"): a task numbered as it was ends the area
    summed_over: str | None = None  # the area of the last summed heading "一、…": the one its "（一）" headings are in
    marks = explained_marks([row.cells for row in sheet.rows[at + 1:]])
    # a table with no office column, signed for by one office above it ("部门(单位):示范区水务局"): its tasks' lead
    signed_for = "" if {"lead", "units"} & set(layout.by_kind) else office_above(sheet, at)
    previous: Row | None = None  # the last data row: what a cell typed 同上 repeats
    point = 0  # the last numbered point of a footnote ("注：1.…"): "2.…" under it is its next, no task
    rows = sheet.rows[at + 1:]
    ended = contacts_from(rows)  # a contact table under the table: its rows are no items
    last = max((r.number for r in rows[:ended] if len(set(filter(None, r.cells))) >= 2), default=0)  # the table's last row
    sheet.under, sheet.contacts = [], [r.number for r in rows[ended:] if any(r.cells)]
    named_rows = any(c.named_rows for c in layout.by_kind.get("task", []))  # 行业, 片区: 合计 wherever the column stands
    counted = [r for r in rows[:ended] if not _repeats_header(r, layout, header_texts, header_rows)]  # a page break's aside
    summed = sums_above([r.cells for r in counted])  # the whole's row under its units' rows, named or not
    summed_row = counted[summed].number if summed is not None else None
    for row in (split for below in rows[:ended] for split in _tasks_in_row(below, layout, joined)):
        filled = [c for c in row.cells if c]
        if not filled or _repeats_header(row, layout, header_texts, header_rows) or total_row(row.cells) or row.number == summed_row \
                or named_rows and TOTAL_CELL_RE.match(unnumbered(layout.cell(row, "task"))):
            continue  # blank, the header again at a page break, or a row of totals (合计, 小计, 全省; 合计 as a row's name)
        unresolved = _same_as_above(row, previous, layout)
        if areas_are_tasks and _said(unread, _action_row, row, layout, tasks, seen, year) is not False:
            previous = row
            continue
        if note_line(row.cells) or point and note_point(row.cells, point):
            notes.append(filled[0])  # a footnote under the table, merged over its width or written in its first cell
            point = note_point(row.cells, point)
            continue
        if area and heading is None and len(filled) >= 2 and len(set(filled)) == 1 and filled[0].endswith(("。", "；")) \
                and not title_code(filled[0]) and not AREA_RE.match(filled[0]) and not (len(filled) >= 3 and sub_area(filled[0])) \
                and not any(t.area == area for t in tasks):  # "(一)规范精简审批。" under "一、…" is its group (area_of)
            notes.append(filled[0])  # a sentence merged over the row under a leader's heading ("全面负责…。"): no task
            continue
        if (office := _office_heading(filled, layout)) is not None:
            group_lead = office or None  # a group's heading that names no office ends the office's items
            if office:
                continue
        if found := lead_heading(filled, area):
            heading = found
            continue
        if (summed := _summed_heading(row, filled, layout)) is not None:
            sub = bool(SUB_CODE_RE.match(layout.cell(row, "seq")))  # "（一）…" under "一、…": coded 一(一)
            area, heading, opener = add_area(areas, summed, summed_over if sub else None), None, layout.cell(row, "seq")
            summed_over = summed_over if sub else area
            continue
        above = area
        area, area_only = area_of(row, filled, layout, areas, area, numeral_items=numeral_items,
                                  numeral_headings=numeral_headings)
        if area_only:
            heading, opener = None, area_opener(layout.cell(row, "seq"), filled[0])
            levels = heading_levels(levels, filled[0])
            continue
        if area != above:
            opener = ""  # an area column's: no 序号 opened it
        elif area is not None and ends_area(layout.cell(row, "seq"), opener):
            area, opener = None, ""  # "（二）" with cells of its own after area "（一）": a task after the area
        title = without_marks(layout.cell(row, "task"), marks)  # "新建幼儿园3所※" under "注：带※的为…"
        if area is not None and (part := part_of_area(area, opener, layout.cell(row, "seq"), title)):
            area, opener = part, ""  # "（五）…" after group "二(四)"'s items: a task of part 二, 二(五)
        if heading and title:
            code, title = in_lead_heading(heading, title, layout.cell(row, "seq"))
            if (task := _said(unread, task_of, row, layout, code, title, area, tasks, seen)) is None:
                continue
            lines = len(task.lines)
            read_row_lines(task, row, layout, year, None, "")
            for line in task.lines[lines:]:  # the row's offices beside the heading's lead are the other units
                line.units = unique(u for u in (*line.lead_units, *line.units) if u not in (heading[1], UNLISTED))
                line.lead_units = [heading[1]]
            previous = row
            continue
        if own_numbers and _group_heading(title, filled):
            continue  # "(一)经济指标", "加强基础设施建设" between numbered items: a group of the items below
        if bracketed and _sub_heading(row, layout, title):
            continue  # "1 | 大力提振消费。" over items numbered "(8)", "(9)" on: a sub-heading of theirs, no task
        if len(set(filled)) == 1 and not title and not layout.any_of(row, ("schedule", "period", "deadline", "lead")):
            if filled[0].startswith(("注", "备注", "说明")):
                notes.append(filled[0])
            elif row.number > last:
                sheet.under.append((row.number, filled[0]))  # a signature, a date, a stamp under the table: no task
            else:  # "①" alone between the rows, a heading "(一)…" in the 序号 cell: in no task, and said
                why = Message("{text!r} alone in its row: a heading, the rows under it read in no area of its own",
                              text=filled[0]) if AREA_RE.match(filled[0]) or SUB_CODE_RE.match(filled[0]) else Message(
                    "{text!r} alone in its row", text=filled[0])
                unread.append(RowNotRead(layout, row, _column_of(row, layout, filled[0]), why, quoted=True))
            continue
        if parts_restart and tasks and _part_of_item(row, layout, title, filled, tasks[-1], year):
            previous = row
            continue
        picked = _picked_part(row, layout, title, tasks, area)
        if (coded := _said(unread, task_code, row, layout, title, tasks[-1] if tasks else None, area, bracketed=bracketed,
                           levels=levels)) is None:
            continue
        code, title = picked or coded[0], coded[1]
        if in_groups and area and code and code.isdigit() and not layout.cell(row, "seq") and PART_CODE_RE.match(
                layout.cell(row, "task")):
            code = in_area(area, f"({code})")  # "(1)…" under "一、人居环境提升工程": 一(1), both numbers as printed
        part = None if picked else _part_number(row, layout, tasks, area, last_part)
        last_part = (id(tasks[-1]), part) if part else None
        code = None if part else code  # "（1）" under "1.": a part of the task above, not task 1 again
        item = ""
        if code is None and title and tasks and (tasks[-1].numbered or part):
            item, title = title, ""  # a sub-row without 序号 under a numbered task: part of it, no new number
            if part_words := _part_words(item, layout, row):
                item = part_words  # its part's number "（2）" is no word of its figure's name
        count = len(tasks)
        if (task := _said(unread, task_of, row, layout, code, title, area, tasks, seen)) is None:
            continue
        task.numbered = task.numbered or bool(layout.cell(row, "seq"))
        if code and (office := _office_heading([title], layout, numbered=filled == [layout.cell(row, "seq"), title])):
            offices[id(task)] = task.title = office  # "1 | 区卫健局（3项任务）": the office leads its items; as with an
            # area's "（共2项）", the count is no target
            previous = row
            continue
        inherited = tasks[-2].lines[-1] if len(tasks) > 1 and tasks[-2].lines else None
        lines = len(task.lines)
        read_row_lines(task, row, layout, year, inherited, item)
        if item and (seq := layout.by_kind.get("seq")) and (printed := layout.cell(row, "seq")):
            for line in task.lines[lines:]:  # "1" again under task 1: said as printed, not as "a row without 序号"
                line.again = (printed, layout.sheet.column_named(seq[0].index, seq[0].header))
        lead = group_lead or offices.get(id(task)) or signed_for
        for line in task.lines if lead and not group_lead else []:
            line.lead_units = [lead if u == UNLISTED else u for u in line.lead_units]
        for line in task.lines if group_lead else []:
            if "units" in layout.by_kind:  # only helpers' columns (配合单位): the group's office leads, they help
                line.units = unique(u for u in (*line.lead_units, *line.units) if u not in (group_lead, UNLISTED))
                line.lead_units = [group_lead]
            else:
                line.lead_units = [group_lead if u == UNLISTED else u for u in line.lead_units]
        previous = row
        task.doubts += [(row.number, header, Message(
            "{header} is typed 同上 with no item above it to repeat: read as printed", header=header)) for header in unresolved]
        if len(tasks) > count and "deadline" in layout.by_kind and not layout.cell(row, "deadline"):
            blank_deadlines.append(task)
        task.doubts += [(row.number, column.header, Message(
            "{header} plans the month after the report's, and no title above the table names that month: read with no date "
            "of its own", header=column.header)) for column, _ in layout.texts(row, "schedule") if column.undated]
        if kept := joined.get(id(row)):
            task.doubts.append((row.number, layout.header("seq"), Message(
                "序号 {code} numbers {n} tasks in one row whose words do not split into {n}: read as one task", code=kept, n=len(
                    re.findall(r"\d+", kept)))))
    notes += [" ".join(row_texts(row)) for row in rows[ended:] if any(row.cells)]  # the contacts: in the plan's note
    if not tasks and unread:
        raise InputError(unread[0].refusal)
    if not tasks:
        _no_tasks(sheet, at, areas)
    for task in (t for t in tasks if id(t) in offices and not t.lines):  # an office's row with no items under it
        read_row_lines(task, task.row, layout, year, None, "")
    headers = {kind: cols[0].header or Message("{column} (no header)", column=sheet.column_label(cols[0].index))
               for kind, cols in layout.by_kind.items()}  # a doubt's column: "C (no header)", never "?"
    one_group = sheet.printed_numbers and numbered_in_one_group(tasks, areas, sheet.one_group, sheet.parts)
    clauses = sheet.headerless and any(CLAUSE_CODE_RE.fullmatch(task.code) for task in tasks)  # a paragraph's clause "1-1"
    if any(area_numbered(task) for task in tasks) or one_group or clauses:
        for task in tasks:  # numbered inside each area: every task takes both numbers, "二1"
            bracketed = bool(SUB_CODE_RE.match(layout.cell(task.row, "seq")))  # "（一）" under "一": 一(一), never the area's 一
            if task.area and not area_numbered(task) and ("(" not in task.code or TOPIC_SUB_CODE_RE.match(task.code)) \
                    and (task.code != task.area or bracketed):
                task.code = in_area(task.area, task.code)  # 二 alone: its group's one task
    unheaded_first_group(tasks)  # items "1." before "(二)…" whose numbers start again: group (一)'s, "(一)1"
    if not sheet.merges and not sheet.headerless:  # a list's blank is no merged cell: an item printing its own date
        carry_deadlines(tasks, blank_deadlines, year)
    for task in tasks:
        _sub_items(task)
        own_units(task)
        task.headers = headers
    return tasks


def _column_of(row: Row, layout: _Layout, text: str) -> Column:
    """The column of the row's cell that holds `text`."""
    return next((c for c in layout.columns if c.index < len(row.cells) and row.cells[c.index] == text), layout.columns[0])


def _said(unread: list[RowNotRead], read, *args, **options):
    """read(*args, **options), or None for a row it cannot take (titles.RowNotRead): said in `unread`, not refused."""
    try:
        return read(*args, **options)
    except RowNotRead as left:
        unread.append(left)
        return None


def _no_tasks(sheet: Sheet, at: int, areas: list[Area]) -> None:
    """Refuse a table with no task row, saying what its rows were: headings alone ("一、加强组织领导", the sections of
    a plan) or nothing read. A list read without a header row has none to point at: its first row is named."""
    header = sheet.rows[at].number
    row = place(sheet.path, header or next((r.number for r in sheet.rows[at + 1:] if any(r.cells)), header), sheet.paragraphs,
                sheet.table)
    if areas:
        raise InputError("{path}: {row}: {n} headings ({names}) and no task row under any of them", path=sheet.path,
                         row=row, n=len(areas), names="、".join(a.name for a in areas[:3]) + ("…" if len(areas) > 3 else ""))
    if not header:
        raise InputError("{path}: {row}: a list with no task row in it", path=sheet.path, row=row)
    raise InputError("{path}: {row}: a header but no task rows below it", path=sheet.path, row=row)


def _part_number(row: Row, layout: _Layout, tasks: list[RawTask], area: str | None,
                 last_part: tuple[int, int] | None) -> int | None:
    """A row numbered "（1）" that is a part of the task above: under no new heading, with no number of its own in
    序号 (or the bracket number in 序号 itself), counting parts of that task."""
    if not tasks or tasks[-1].area != area:
        return None
    above = tasks[-1]
    last = last_part[1] if last_part and last_part[0] == id(above) else None
    seq = layout.cell(row, "seq")
    if seq:
        return part_numbered(seq, layout.cell(above.row, "seq"), last)
    return part_numbered(layout.cell(row, "task"), layout.cell(above.row, "task"), last)


def _picked_part(row: Row, layout: _Layout, title: str, tasks: list[RawTask], area: str | None) -> str | None:
    """A part "(2)" in the words of a row under an item numbered "17" that neither starts a count of parts ("(1)"), nor
    goes on from the item's part before it, nor goes on numbering the items ("(18)"): one part picked out of a longer
    item, a task of its own numbered by both ("17(2)")."""
    if layout.cell(row, "seq") or not tasks or tasks[-1].area != area or not (m := PART_CODE_RE.match(title.strip())):
        return None
    above = tasks[-1]  # numbered in 序号 (in any form), or in its words as "17." (a table of "（1）" items has no parts)
    if not re.fullmatch(r"\d+", above.code) or not (layout.cell(above.row, "seq")
                                                     or ITEM_CODE_RE.match(layout.cell(above.row, "task").strip())):
        return None
    number = int(m[1])
    if follows_part(above, layout, number):
        return None  # "(3)" after the item's "(2)": the count of its parts goes on, read alike (a line of the item's)
    return f"{above.code}({number})" if number > 1 and number != int(above.code) + 1 else None


def _part_words(item: str, layout: _Layout, row: Row) -> str:
    """A part's words without its number ("（2）9月底前改扩建两所小学" in the item column, no 序号): "" for other words."""
    m = PART_CODE_RE.match(item.strip())
    return item.strip()[m.end():].strip() if m and not layout.cell(row, "seq") else ""


SAME_AS_ABOVE_RE = re.compile(r"同\s*上[。.]?")


def _same_as_above(row: Row, previous: Row | None, layout: _Layout) -> list[str]:
    """A cell typed 同上 ("the same as above") takes the same column's cell of the data row before it (a heading row
    or the header is none); the headers of those with none to repeat, left as printed."""
    unresolved = []
    for i, cell in enumerate(row.cells):
        if SAME_AS_ABOVE_RE.fullmatch(cell):
            if previous is not None and i < len(previous.cells) and previous.cells[i]:
                row.cells[i] = previous.cells[i]
            else:
                unresolved += [c.header for c in layout.columns if c.index == i][:1]
    return unresolved


PART_SPLIT_RE = re.compile(r"\s*(?:[；;。]|\n)\s*")


def _parts_restart(sheet: Sheet, at: int, layout: _Layout) -> bool:
    """No 序号 column; items that print "一、" and have cells of their own, and under two of them or more, parts
    numbered again from "1.": the parts belong to the item above, and so do the unnumbered rows of text under them."""
    if "seq" in layout.by_kind:
        return False
    restarts, item = 0, None
    for row in sheet.rows[at + 1:]:
        title = layout.cell(row, "task")
        if TITLE_NUMERAL_RE.match(title):
            item = title if cells_of_its_own(row, layout, title) else None
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
    read_row_lines(item, row, layout, year, None, "")
    if count:  # the part's offices join the item's lines: a part has no line of its own
        parts = item.lines[count:]
        del item.lines[count:]
        for line in item.lines:
            line.units = unique(u for u in (*line.units, *(u for p in parts for u in (*p.lead_units, *p.units)))
                                if u not in line.lead_units)
    item.notes.append(f"分项{m[1]}：{title[m.end():].strip()}")
    return True


def _summed_heading(row: Row, filled: list[str], layout: _Layout) -> re.Match | None:
    """A group's heading in the 序号 column ("一、市级重点民生实事", "（一）…", merged over the item's words) with figures
    only beside it, the sums of its items (a note or progress beside them aside): the group's area, not a task with
    a bad number; its sums are no target. With no 序号, a name cell numbered "一、…" ("一、社保惠民项目" beside its sums)
    heads its group the same way."""
    code = layout.cell(row, "seq")
    if not code and AREA_RE.match(name := layout.cell(row, "task")):
        code = name
    cells = [(c.kind, row.cells[c.index]) for c in layout.columns if c.index < len(row.cells) and row.cells[c.index]]
    if not code or not any(FIGURE_RE.match(text) for _, text in cells) \
            or any(text != code and not FIGURE_RE.match(text) and kind not in ("note", "progress") for kind, text in cells):
        return None
    if sub := SUB_CODE_RE.match(code):
        return AREA_RE.match(f"{sub[1]}、{code[sub.end():]}")
    return AREA_RE.match(code)


OWN_KINDS = ("lead", "units", "office", "deadline", "start", "schedule", "period", "amount", "measure", "content")


def _bracketed_in_groups(sheet: Sheet, at: int, layout: _Layout) -> bool:
    """Items numbered "(1)", "(2)" in their words (no 序号) under group headings "一、…", the numbers starting again at
    (1) under each: numbered inside the group, so they take its numeral as "(一)" under "一、" does (一(1)); numbered on
    across the headings ("(3)" first under "二、"), they keep the number alone."""
    firsts: list[int] = []
    group = False
    for row in sheet.rows[at + 1:]:
        filled = [c for c in row.cells if c]
        if filled and len(set(filled)) == 1 and AREA_RE.match(filled[0]):
            group = True
            firsts.append(0)
        elif group and not layout.cell(row, "seq") and (m := PART_CODE_RE.match(layout.cell(row, "task"))):
            firsts[-1] = firsts[-1] or int(m[1])
    return any(firsts) and all(first == 1 for first in firsts if first)


def _sub_heading(row: Row, layout: _Layout, title: str) -> bool:
    """A row numbered in plain digits in a 序号 column whose items are numbered "(1)" on (numbering.bracket_level), with
    no office, figure or date of its own (a progress, note or leader cell aside): it heads the items below, no task."""
    return plain_number(layout.cell(row, "seq")) and bool(title) and not sets_target(title) \
        and not layout.any_of(row, OWN_KINDS)


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


LINE_NUMBER = r"^[*＊※]*\s*({number})\s*[.．、]"  # an area's numbered line: "3.", "※3、" (a footnote mark before it)
LINE_NUMBER_RE = re.compile(LINE_NUMBER.format(number=r"\d+") + r"\s*(?=\D)")
"""Not numbering.ITEM_NUMBER_RE (every form of an item's number): the digits of a line inside an area's task text."""


def _office_heading(filled: list[str], layout: _Layout, *, numbered: bool = False) -> str | None:
    """A row holding one office's name and the count of its items ("区委办公室(8项)") in a table with no column of
    offices: the office that leads the items under it, up to the next group's heading ("" for a group that names no
    office; None for any other row). Its numeral ("一、区委办公室(2项)") is no part of the name; a column of the units
    that help (配合单位) names no lead, so the heading's office still leads. `numbered`: the title of a row that holds
    nothing but its 序号 ("1 | 区卫健局（3项任务）"), whose office leads that task's items even beside a lead column."""
    if numbered:
        return name if COUNT_RE.search(filled[0]) and office_list(name := COUNT_RE.sub("", filled[0]).strip()) \
            and len(unit_names(name)) == 1 else None
    if len(set(filled)) != 1 or "lead" in layout.by_kind or not COUNT_RE.search(filled[0]) \
            or not all(helping_column(c) for c in layout.by_kind.get("units", [])):
        return None
    name = SUB_CODE_RE.sub("", TITLE_NUMERAL_RE.sub("", COUNT_RE.sub("", filled[0]).strip())).strip()
    return name if office_list(name) and len(unit_names(name)) == 1 else ""


def _areas_are_tasks(sheet: Sheet, at: int, layout: _Layout) -> bool:
    """No 序号 column, and numbers inside the task text that start again in every area ("一、就业促进行动": 1.…6.,
    "二、…": 1.…2.): each area is a task, and its numbered rows are its indicators."""
    if "seq" in layout.by_kind or "area" not in layout.by_kind:
        return False
    restarts, last = 0, (None, 0)
    for row in sheet.rows[at + 1:]:
        m, area = LINE_NUMBER_RE.match(layout.cell(row, "task")), layout.cell(row, "area")
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
    task = task_of(row, layout, None if same else code, "" if same else name, None, tasks, seen)
    task.numbered = True
    inherited = tasks[-2].lines[-1] if len(tasks) > 1 and tasks[-2].lines else None
    number = str(len(task.lines) + 1)  # "3.90%的…" is item 3, 90%: the number expected next tells
    expected = LINE_NUMBER.format(number=number)
    item = re.sub(expected + r"\s*", "", title) if re.match(expected, title) else LINE_NUMBER_RE.sub("", title)
    read_row_lines(task, row, layout, year, inherited, item)
    return True


def _repeats_header(row: Row, layout: _Layout, header_texts: set[str], header_rows: list[Row]) -> bool:
    """The header repeated at a page break: as one of its names, or row by row (a two-row header printed again under
    its group names), most of the row's cells, and no figure, those of a header row in the same columns."""
    if "".join(row.cells).replace(" ", "") in header_texts or " ".join(row.cells).replace(" ", "") in header_texts \
            or any(layout.cell(row, "seq") == c.header for c in layout.by_kind.get("seq", [])):
        return True
    filled = [(i, cell) for i, cell in enumerate(row.cells) if cell]
    if any(FIGURE_RE.match(cell) for _, cell in filled):
        return False
    for top in header_rows:  # a narrow column's header broken over lines ("牵头\n单位") on one page, not on the other
        same = sum(i < len(top.cells) and re.sub(r"\s+", "", cell) == re.sub(r"\s+", "", top.cells[i]) for i, cell in filled)
        if same >= 2 and same * 2 > len(filled):
            return True
    return False


