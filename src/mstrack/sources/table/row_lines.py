"""What one row adds to its task: the lines of its units, its schedule blocks and its deadline, borrowed or its own."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from mstrack.domain import unique
from mstrack.domain.dates import DOTTED_OCTOBER_RE, DateError, excel_day_date, lost_zero_month
from mstrack.errors import InputError, Message
from mstrack.sources.sheets import header_key
from mstrack.sources.table.columns import YEAR_HEADER_RE, helping_column
from mstrack.sources.table.mentions import BARE_RE, TITLE_UNIT_RE, find_mentions
from mstrack.sources.table.numbers import UNITS, unit_key
from mstrack.sources.table.office_names import full_names, joined_names, split_groups, without_bracket_gaps
from mstrack.sources.table.progress_figures import progress_cells, progress_remarks, progress_text
from mstrack.sources.table.quarter_series import labelled_series
from mstrack.sources.table.raw import Layout as _Layout
from mstrack.sources.table.raw import RawLine, RawTask
from mstrack.sources.table.reading import Row
from mstrack.sources.table.schedule import (
    Block,
    completion_month,
    dated_clauses,
    dated_completions,
    parse_deadline,
    split_schedule,
)
from mstrack.sources.table.terms import term_end
from mstrack.sources.table.unit_joins import scoped, without_closing_others
from mstrack.sources.table.unit_people import bodies_among, without_people
from mstrack.sources.table.units import (
    content_leads,
    helper_offices,
    leaders_in,
    numbered_groups,
    roles_in,
    split_units,
    unit_names,
    units_in_groups,
)
from mstrack.vocabulary import CONDITION_HEADERS, CONTEXT_HEADERS, UNLISTED

BORROWED_NOTE = "责任单位单元格为空，按合并单元格读作与上一行相同（{units}）"


def own_units(task: RawTask) -> None:
    """A task whose first row names no unit, and a later row of its own does ("卫健委" under its sub-item): the blank
    was the task's own, not a cell merged with the task above; its first lines take the units of its own row."""
    own = next((line for line in task.lines if not line.borrowed and line.row is not task.lines[0].row), None)
    if not task.lines or not task.lines[0].borrowed or own is None:
        return
    for line in task.lines:
        if line.borrowed:
            line.lead_units, line.units, line.leaders, line.borrowed = list(own.lead_units), list(own.units), list(own.leaders), False
    task.notes = [note for note in task.notes if not note.startswith(BORROWED_NOTE.split("（")[0])]


def _read_task_cells(task: RawTask, row: Row, layout: _Layout, year: int) -> tuple[str, str, date | None]:
    """What a row adds to its task (content, progress, a note, the deadline); the row's own content and deadline."""
    deadline = None
    title = layout.cell(row, "task")  # a content cell merged with the title's repeats it
    cells = [(column, text) for column, text in layout.texts(row, "content") if not BARE_RE.match(text) and text != title]
    texts = [text for _, text in cells]
    if cells and all(column.yearly for column, _ in cells):  # "2024年：…" beside "2025年：…" in the note
        task.content_label = re.sub(r"\s+", "", cells[0][0].header)
    content = "\n".join(text for text in texts if not _all_of_it(text, texts))
    if content and content not in task.content.split("\n"):  # a content cell merged down repeats on every row: read once
        task.content = (task.content + "\n" + content).strip()
    if progress := progress_text(layout, row):
        task.progress = (task.progress + "\n" + progress).strip()
    if note := layout.cell(row, "note"):
        task.notes.append(note)
    for column in layout.columns:  # "建设地点：城东街道", "资金来源：省补资金", "建设周期（月）：12": the task's context;
        # "2025年：30个", another year's figure beside the programme's year's column
        if not column.kind and (CONTEXT_RE.search(column.header) or YEAR_HEADER_RE.match(re.sub(r"\s+", "", column.header))) \
                and column.index < len(row.cells) \
                and (value := row.cells[column.index].strip()) and f"{column.header}：{value}" not in task.notes:
            task.notes.append(f"{column.header}：{value}")
    if deadline_text := layout.cell(row, "deadline"):
        task.deadline_text = deadline_text
        task.deadline = deadline = parse_deadline(deadline_text, year)
        # "15天": a term from the date printed above the table (a ledger's), which a person checks
        if deadline is None and (deadline := term_end(deadline_text, layout.dated, layout.header("deadline"))) is not None:
            task.deadline = deadline
            task.doubts.append((row.number, layout.header("deadline"), Message(
                "“{term}” is a term: read as due {due}, counted from {start}, the date printed above the table; check the "
                "day it counts from", term=deadline_text, due=deadline.isoformat(), start=layout.dated.isoformat())))
        elif deadline is None and (deadline := excel_day_date(deadline_text)) is not None:  # 45991 in a CSV's 完成时限
            task.deadline, task.deadline_text = deadline, deadline.isoformat()
            task.doubts.append((row.number, layout.header("deadline"), Message(
                "“{value}” is Excel's day number for {day} (a date cell formatted General, or saved to CSV as a number): "
                "read as {day}; check it, and format the cell as a date", value=deadline_text, day=deadline.isoformat())))
            deadline_text = task.deadline_text
        elif deadline is None and DOTTED_OCTOBER_RE.fullmatch(plain := deadline_text.strip()):  # "2027.1": January, or
            # 2027.10 saved as a number: kept as text, the refusal of every date read said where it is (trial65 #6)
            task.doubts.append((row.number, layout.header("deadline"), lost_zero_month(plain, int(plain[:4])).messages[0]))
    return content, deadline_text, deadline


AIMED_YEAR_RE = re.compile(r"^(?:到)?(\d{4})年(?:底|末)?(?:目标值|预期目标|目标)$")  # "2025年目标值": the year its figures aim at


def _aimed_year(layout: _Layout, year: int) -> tuple[str, date] | None:
    """The year a target column is named for ("2025年目标值"), when it is not the programme's: its figures are due at
    that year's end (a baseline column beside it, "2020年完成值", is none)."""
    headers = [re.sub(r"\s+", "", c.header) for c in layout.by_kind.get("amount", [])]
    if len(headers) != 1 or not (m := AIMED_YEAR_RE.match(headers[0])) or int(m[1]) == year:
        return None
    return f"{m[1]}年", date(int(m[1]), 12, 31)


CONTEXT_RE = re.compile(f"{CONTEXT_HEADERS}|{CONDITION_HEADERS}")  # "服务对象年龄（岁）：80以上" in the note too
FULL_RE = re.compile(r"(?:完成|达到)?\s*100\s*[%％]")
ZERO_RE = re.compile(r"^\s*0+(?:\.0+)?\s*$")  # a figure of nothing: no quota for the row


def _all_of_it(text: str, texts: list[str]) -> bool:
    """A target cell of "100%" beside words that print their own figures ("补差水平分别达到300元/人、140元/人"):
    all of what the words set, not a target of its own."""
    return FULL_RE.fullmatch(text.strip()) is not None and any(find_mentions(other) for other in texts if other is not text)


def _unit_after(amount: str) -> str:
    """The unit of measure a target cell prints after its one number ("6000人" → 人); "" for a bare number or words."""
    m = re.fullmatch(r"\s*\d+(?:,\d{3})*(?:\.\d+)?\s*([^\d\s]{1,6})\s*", amount)
    return m[1] if m and not re.search(r"[，,。；;、]", m[1]) else ""


def _title_unit(title: str) -> str:
    """The unit in the brackets that end a task's name ("建设保障性住房（套）": 套), as mentions.stated reads it."""
    return m[1] if (m := TITLE_UNIT_RE.search(title)) and UNIT_RE.fullmatch(m[1]) else ""


def _one_unit(words: str) -> str:
    """The unit (its scale with it) of the one figure the words print ("建设保障性住房500套": 套); "" when they print none,
    several, or one in no unit of measure."""
    figures = FIGURE_RE.findall(words)
    return figures[0] if len(figures) == 1 else ""


UNIT_RE = re.compile(rf"(?:{'|'.join(re.escape(u) for u in UNITS)})")
FIGURE_RE = re.compile(rf"\d+(?:,\d{{3}})*(?:\.\d+)?\s*((?:[万亿])?(?:{'|'.join(re.escape(u) for u in UNITS)})?)")


def _schedule_blocks(row: Row, layout: _Layout, year: int) -> list[Block]:
    """The row's schedule cells cut into blocks; a column named for a period dates its undated text, and the columns
    named for periods one after another (一季度目标 … 四季度目标) are one schedule, not a sub-project each."""
    blocks: list[Block] = []
    periods, at = Block(), 0
    for column, text in layout.texts(row, "schedule"):
        try:
            found = split_schedule(labelled_series(text), year)  # "累计完成0.26、0.67、1.04、1.5亿元": one a quarter
        except DateError as error:
            raise InputError("{place}: {error}", place=layout.where(row, column), error=error) from None
        for block in found:
            block.partial = column.partial
            if not block.periods and column.due and block.undated:
                block.periods.append((column.label, column.due, block.undated))
                block.undated, block.month_goal = "", column.partial
        if column.due and len(found) == 1 and not found[0].heading and not found[0].undated and not periods.partial \
                and (not periods.periods or periods.periods[-1][1] < found[0].periods[0][1]):
            at = at if periods.periods else len(blocks)
            periods.periods += found[0].periods
            periods.partial, periods.month_goal = found[0].partial, found[0].month_goal
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


def _blank_lead(task: RawTask, row: Row, layout: _Layout, previous: RawLine | None, inherited: RawLine | None,
                units_cell: str) -> str:
    """A blank 牵头 cell beside named units. On a sub-row of the task, the task's lead goes on. On a new task of a text
    export (.csv, which cannot merge cells) the lead above goes on (the block merged, its lead written once), unless the
    row stands alone beside a 责任单位 of its own (`_own_units`): then it names no lead and its units lead ("无牵头单位的，
    责任单位即为牵头单位"), the lead above the other reading. In a file that keeps its merges (.docx, .xlsx), or where the
    units are in other columns than the row above's, the blank is the table's own: the units named share the lead
    (returns ""), unless they are all helpers (配合单位), who never lead: the lead above goes on, as in a text export.
    Each but the first is doubted."""
    if previous is not None and previous.lead_units and UNLISTED not in previous.lead_units:
        return "、".join(previous.lead_units)
    header = layout.header("lead")
    if (not layout.sheet.merges or _helpers_only(row, layout)) \
            and inherited is not None and inherited.lead_units and UNLISTED not in inherited.lead_units \
            and (_filled(row, layout) == _filled(inherited.row, layout) or _helpers_only(row, layout)):  # its units where
        # the row above has them; helpers alone never lead, whatever the row above filled
        leads = "、".join(inherited.lead_units)
        if _own_units(row, layout, inherited, units_cell):
            task.doubts.append((row.number, header, Message(
                "the {header} cell is blank beside the row's own units: {units} read as leading; {leads} may lead, "
                "a merged cell written once above", header=header, leads=leads, units=units_cell)))
            return ""
        if others := _could_lead(row, layout, inherited.lead_units):
            task.doubts.append((row.number, header, Message(
                "the {header} cell is blank: read as {leads}, a merged cell written once above; {units} may lead",
                header=header, leads=leads, units="、".join(others))))
        elif layout.sheet.merges:  # the file keeps its merges: the cell is blank, the helpers the reason
            task.doubts.append((row.number, header, Message(
                "the {header} cell is blank, not merged: read as {leads}, the lead above, as the row names only helpers",
                header=header, leads=leads)))
        else:
            task.doubts.append((row.number, header, Message(
                "the {header} cell is blank: read as {leads}, a merged cell written once above", header=header, leads=leads)))
        return leads
    if previous is None and _helpers_only(row, layout):
        task.doubts.append((row.number, header, Message(
            "the {header} cell is blank and {units} only help: no lead read", header=header, units=units_cell)))
    elif previous is None:
        helpers = _helper_units(row, layout)
        leading = "、".join(u for g in units_in_groups(split_groups(units_cell)) for u in g if u not in helpers) if helpers \
            else units_cell
        task.doubts.append((row.number, header, Message(
            "the {header} cell is blank: {units} read as sharing the lead", header=header, units=leading)))
    return ""


def _could_lead(row: Row, layout: _Layout, leads: list[str]) -> list[str]:
    """The units of a row that could lead in place of the lead carried down: none of a helpers' column (配合单位), none
    a helper's role closes ("县审计局配合"), and not the lead itself (县财政局、县审计局 under 县财政局)."""
    cells = [row.cells[c.index] for c in _filled_columns(row, layout) if not helping_column(c)]
    return unique(u for cell in cells for u in unit_names(joined_names(cell))
                  if u not in leads and u not in helper_offices(cell))


def _own_units(row: Row, layout: _Layout, inherited: RawLine, units_cell: str) -> bool:
    """Units that lead in place of a blank 牵头 cell of a text export: a 责任单位 column's (helpers, 配合单位, never lead),
    other than the row above's, naming none of its leads (县财政局、县审计局 under 县财政局: the merged block's units), on
    a row alone between written leads (blanks in a run under one lead: a merged cell exported, written once)."""
    filled = _filled_columns(row, layout)
    if not filled or any(helping_column(c) for c in filled) or layout.cell(row, "units") == layout.cell(inherited.row, "units"):
        return False
    if any(unit in units_cell for unit in inherited.lead_units) or not layout.cell(inherited.row, "lead"):
        return False
    after = _next_row(layout.sheet.rows, row)
    return after is None or bool(layout.cell(after, "lead")) or not layout.cell(after, "units") \
        or ("seq" in layout.by_kind and not layout.cell(after, "seq"))  # a sub-row below: not a new task's blank


def _next_row(rows: list[Row], row: Row) -> Row | None:
    """The row after `row` in the sheet, by its number: a sheet's rows are numbered in the file's order, one number
    each (reading.make_sheet, documents), and a row read as several tasks ("1、2", tasks._tasks_in_row) is new rows
    under its sheet row's number, found by no search for the row itself."""
    at = bisect_right(rows, row.number, key=lambda r: r.number)
    return rows[at] if at < len(rows) else None


def _helpers_only(row: Row, layout: _Layout) -> bool:
    """The row names units in helpers' columns (配合单位) only."""
    filled = _filled_columns(row, layout)
    return bool(filled) and all(helping_column(c) for c in filled)


def _helper_units(row: Row, layout: _Layout) -> tuple[str, ...]:
    """The units the row names in helpers' columns (配合单位): never a lead."""
    return tuple(unique(u for c in _filled_columns(row, layout) if helping_column(c)
                        for u in unit_names(joined_names(row.cells[c.index]))))


def _filled_columns(row: Row, layout: _Layout) -> list:
    """The units columns the row fills."""
    return [c for c, f in zip(layout.by_kind.get("units", []), _filled(row, layout), strict=True) if f]


def _filled(row: Row, layout: _Layout) -> list[bool]:
    """Which of the units columns the row fills."""
    return [c.index < len(row.cells) and bool(row.cells[c.index].strip()) for c in layout.by_kind.get("units", [])]


def _unit_groups(lead_cell: str, units_cell: str, previous: RawLine | None, lead_column: bool = False,
                 helpers: tuple[str, ...] = ()) -> tuple[list[list[tuple[str, str]]], list[list[str]]]:
    """Lead units in groups, each unit with the scope it is named for, and the responsible units of each group. Under a
    牵头 column (`lead_column`) whose cell the row leaves blank, the units it names share the work: all of them lead;
    without one, the first of them does. A unit of a helpers' column (`helpers`, 配合单位) never leads: with no other,
    the line has no lead (UNLISTED)."""
    if not lead_cell and not units_cell and previous is not None:
        lead_groups = [[(u, "") for u in previous.lead_units]] if previous.lead_units else []
        unit_groups = [previous.units]
    else:
        lead_cell, units_cell = without_closing_others(lead_cell), without_closing_others(units_cell)
        groups = split_groups(lead_cell) if lead_cell else []
        lead_groups = [[scoped(u, scopes_only=len(groups) == 1) for u in unit_names(g)] for g in groups]
        lead_groups = [g for g in lead_groups if g]
        unit_groups = units_in_groups(split_groups(units_cell) if units_cell else [])
        if len(lead_groups) > 1 and len(unit_groups) != len(lead_groups) and not any(s for g in lead_groups for _, s in g):
            lead_groups = [[u for g in lead_groups for u in g]]  # "县住建局 县交通局": a list typed with spaces, as 、 joins
    if not lead_groups:  # a helper's role in the cell ("（县财政局配合）") makes its office a helper too, never the lead
        units, helping = [u for g in unit_groups for u in g], {*helpers, *helper_offices(units_cell)}
        leading = [u for u in units if scoped(u, scopes_only=True)[0] not in helping]
        together = lead_column and not lead_cell and leading  # a 牵头 column left blank: those named lead
        # a scope bracket on the office named first ("县教育局(含城区)") is the lead's, as in a 牵头 cell: its name leads
        lead_groups = [[scoped(u, scopes_only=True) for u in leading]] if together \
            else [[scoped(leading[0], scopes_only=True)]] if leading else [[(UNLISTED, "")]]
        unit_groups = [[u for u in units if u not in leading]] if together else unit_groups
    if len(unit_groups) != len(lead_groups):
        unit_groups = [[u for g in unit_groups for u in g]] * len(lead_groups)
    said = roles_in(units_cell) if lead_cell and units_cell else None  # "市人社局牵头，…", "市人社局（牵头）" beside 市人社局
    named = dict(scoped(u, scopes_only=True) for u in unit_names(said[0])) if said and said[0] else {}
    again = {u for g in lead_groups for u, _ in g} & set(named)  # a lead is never a unit too, compared by its name
    lead_groups = [[(u, s or named.get(u, "")) for u, s in g] for g in lead_groups]  # "市民政局牵头（含各区）": its scope
    return lead_groups, [[u for u in g if scoped(u, scopes_only=True)[0] not in again] for g in unit_groups]


GOVERNMENT_RE = re.compile(r"(?:人民)?政府|管委会")  # "各区" and "各区政府": the districts, by their governments


def _not_named_again(others: str, units_cell: str) -> str:
    """The units a lead's bracket names ("市教育局（各区）": 各区) less those the 责任 cell beside it names again by their
    governments ("各区政府", "各县区人民政府"): one unit, listed once, by the longer name. Names are compared as headers
    are (sheets.header_key): "各县（市、区）" is "各县(市、区)政府"'s 各县(市、区), in either bracket, spaces aside."""
    named = [header_key(n) for n in split_units(units_cell)] if units_cell else []
    return "、".join(u for u in split_units(others) if not any(
        n.startswith(key := header_key(u)) and GOVERNMENT_RE.fullmatch(n[len(key):]) for n in named))


BORROWED_DEADLINE_NOTE = "完成时限单元格为空，按合并单元格读作与上一行相同（{deadline}）"


def carry_deadlines(tasks: list[RawTask], blank: list[RawTask], year: int) -> None:
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


def _title_steps(task: RawTask, row: Row, layout: _Layout, title: str, words: str, deadline: date | None,
                 year: int) -> list[tuple[str, date, str]]:
    """The dated steps of a title beside a 完成时限 column, less those its words print already: one whose figures the
    content prints ("2024年底前完成3所学校建设" over "新建学校3所") restates them, and one dated after the 完成时限 does not
    move it (the column is read; a doubt)."""
    printed = {(m.value, unit_key(m.unit)) for m in find_mentions(words, year)}
    steps = []
    for label, due, clause in dated_clauses(title, year):
        figures = {(m.value, unit_key(m.unit)) for m in find_mentions(clause, year)}
        if clause in words or (figures and figures <= printed):
            if deadline is not None and due < deadline:  # "9月底前新建口袋公园10个" over "新建口袋公园10个，…": due then
                steps += [(label, due, part) for part in _restated(clause, words, year)]
            continue
        if deadline is not None and due > deadline:
            task.doubts.append((row.number, layout.header("task"), Message(
                "the title says “{text}” ({due}), later than the 完成时限 “{deadline}”: the 完成时限 is read",
                text=label, due=due.isoformat(), deadline=layout.cell(row, "deadline"))))
            continue
        steps.append((label, due, clause))
    return steps


def _restated(clause: str, words: str, year: int) -> list[str]:
    """The content's undated clauses that print a dated title's figure under its name ("新建幼儿园3所" of "6月底前新建
    幼儿园3所"; not "新建小学3所", nor "6月底前建成5个", dated by itself)."""
    titled = find_mentions(clause, year)
    parts = []
    for part in re.split(r"[，,；;。\n]", words):
        if not part.strip() or dated_clauses(part, year):
            continue
        if any((m.value, unit_key(m.unit)) == (t.value, unit_key(t.unit)) and (m.name in t.name or t.name in m.name)
               for m in find_mentions(part, year) for t in titled):
            parts.append(part.strip())
    return parts


def read_row_lines(task: RawTask, row: Row, layout: _Layout, year: int, inherited: RawLine | None, item: str) -> None:
    """One table row becomes one line, or one line per lead unit when a cell lists several."""
    previous = task.lines[-1] if task.lines else None
    leaders = leaders_in(layout.cell(row, "leader")) or (previous.leaders if previous else [])
    lead_cell, units_cell = (without_people(without_bracket_gaps(joined_names(layout.cell(row, kind))), layout.header(kind))
                             for kind in ("lead", "units"))  # "各县 (市、区) 人民政府": one unit, its copy's spaces aside
    lead_cell, units_cell = _marked_leads(lead_cell, units_cell, layout.first_leads)
    if not {"lead", "units"} & set(layout.by_kind) and (bodies := bodies_among(leaders, layout.header("leader"))):
        lead_cell, units_cell = bodies[0], "、".join(bodies[1:])  # "…陈友金、中楼派出所" under 检查人员: the body leads,
        leaders = [name for name in leaders if name.removesuffix("等").rstrip() not in bodies]  # no person
    units_cell = full_names(units_cell)  # "区X局牵头，农村发展局…；区农村发展局…": one office, by its full name
    if not lead_cell and (roles := roles_in(units_cell)):  # "牵头单位：…；配合单位：…" in one 责任单位 cell
        lead_cell, units_cell = roles
    elif roles := roles_in(lead_cell, lead_column=True):  # "县教育局（牵头）" in the lead column; "A、B负责" there: both
        lead_cell, units_cell = roles[0], "、".join(u for u in (_not_named_again(roles[1], units_cell), units_cell) if u)
    content, deadline_text, deadline = _read_task_cells(task, row, layout, year)
    if not lead_cell and "lead" in layout.by_kind and (named := content_leads(content)):  # "县应急局牵头，…配合开展…":
        lead_cell, units_cell = "、".join(named[0]), "、".join(unique((*named[1], *split_units(units_cell))))  # before any lead above
        task.doubts.append((row.number, layout.header("lead"), Message(
            "the {header} cell is blank: {leads} read as leading, as the {content} cell says",
            header=layout.header("lead"), leads=lead_cell, content=layout.header("content"))))
    amount, measure = layout.cell(row, "amount"), layout.cell(row, "measure")
    if not measure and (m := TITLE_UNIT_RE.search(layout.header("task"))):
        measure = m[1]  # "指标（套）" over the rows' names: their figures' unit, as a 计量单位 column's
    if not amount:  # a 目标任务 cell with a bare number: the target, in no unit printed
        amount = next((text for _, text in layout.texts(row, "content") if BARE_RE.match(text)), "")
    start_text = layout.cell(row, "start")
    start = parse_deadline(start_text, year) if start_text else None
    own = {"content": content, "deadline_text": deadline_text, "deadline": deadline, "item": item, "amount": (amount, measure),
           "start": (start_text, start) if start else None,
           "measured": [(column.header, text, column.label) for column, text in layout.texts(row, "measured")
                        if not ZERO_RE.match(text)],  # a quota of 0 sets the row no target
           "reported": (reported := progress_cells(layout, row)), "remarks": progress_remarks(layout, row, reported)}
    # a quarter's bare figure counts in the row's unit: its 计量单位, its target's, its name's bracket's ("建设保障性住房（套）")
    # or that of the one figure its words print ("建设保障性住房500套")
    counted = measure or _unit_after(amount) or _unit_after(content) or _title_unit(item or task.title) or _one_unit(content)
    periods = [(column.label, column.due, text + counted if BARE_RE.match(text) else text) for column, text in layout.texts(row, "period")]
    periods += dated_completions(content, year)  # "在2022年11月份前完成改造" inside the content
    dated_elsewhere = deadline_text or {"content", "schedule", "period"} & set(layout.by_kind)
    own_words = "" if dated_elsewhere else item or ("" if previous else task.title)
    words = content or own_words  # where no column holds the task's content nor its schedule: its title, a sub-row's words
    in_words = dated_clauses(words, year)  # "…3所，9月底前投入使用": the clause's own date
    title = item or ("" if previous else task.title)
    if "deadline" in layout.by_kind and not {"schedule", "period"} & set(layout.by_kind) and title and title != words:
        # "新建公厕10座，9月底前完成6座" as a title beside a 完成时限 column: its step, dated as in a content cell
        steps = _title_steps(task, row, layout, title, words, deadline, year)
        in_words += steps
        own["titled"] = title if any(clause not in words for _, _, clause in steps) and not item else ""  # a sub-item's
        # words are its deadline's already; a restated clause of the words is no title's step
    periods += in_words
    own["in_words"] = len(in_words)
    blocks = _schedule_blocks(row, layout, year)
    if not deadline_text and (alone := _date_alone(blocks, row, layout)):
        own["deadline_text"], own["deadline"] = task.deadline_text, task.deadline = alone
        blocks = []  # a schedule column (时间节点) that prints one date and no step: the row's deadline
    elif not deadline_text and previous is None and not {"deadline", "schedule", "period"} & set(layout.by_kind) \
            and (done := completion_month(content or title, year)):  # "…，预计2024年5月完工，…" in the target's words
        own["deadline_text"], own["deadline"] = task.deadline_text, task.deadline = done
    elif not deadline_text and previous is None and amount and not {"deadline", "schedule", "period"} & set(layout.by_kind) \
            and (aimed := _aimed_year(layout, year)):  # "2025年目标值" in a plan of 2023: its targets are due at 2025's end
        own["deadline_text"], own["deadline"] = task.deadline_text, task.deadline = aimed
    borrowed = not lead_cell and not units_cell and not previous and inherited is not None \
        and bool({"lead", "units"} & set(layout.by_kind)) \
        and not layout.sheet.headerless  # a list of tasks has no merged cells: an item naming no office names none
    if not lead_cell and not units_cell and previous is not None and previous.borrowed:
        borrowed = True  # blank again under a borrowed row: the same merged cell, or the task's own blank
    elif borrowed:
        previous = inherited  # a new task whose unit cells are blank: merged with the row above
        task.notes.append(BORROWED_NOTE.format(units="、".join(previous.lead_units)))
        leaders = leaders or previous.leaders
        _borrow_deadline(task, own, previous, layout, year)
    if not lead_cell and units_cell and "lead" in layout.by_kind and not layout.sheet.headerless:
        lead_cell = _blank_lead(task, row, layout, previous, inherited, units_cell)
    helpers = _helper_units(row, layout)
    # a list's item that names its offices leaves no 牵头 cell blank: a list has no merged cells (list_numbered.numbered_table)
    lead_column = "lead" in layout.by_kind and not layout.sheet.headerless
    lead_groups, unit_groups = _unit_groups(lead_cell, units_cell, previous, lead_column, helpers)
    if any(s for g in lead_groups for _, s in g):  # "市住建局(节能保暖工程) 市住建局(老旧小区改造)", "市民政局（含各区）"
        task.notes.append("牵头单位括注范围：" + "；".join(f"{u}（{s}）" for g in lead_groups for u, s in g if s))
    if in_scope := [u for g in unit_groups for u in g if scoped(u, scopes_only=True)[1]]:  # "各学校（含民办学校）": as a lead's
        leads_scoped = {pair for g in lead_groups for pair in g}  # "县教育局(含城区)" leading: its scope is noted above
        if in_scope := [u for u in in_scope if scoped(u, scopes_only=True) not in leads_scoped]:
            task.notes.append("责任单位括注范围：" + "；".join(dict.fromkeys(  # one bracket form, as a lead's scope above
                "{}（{}）".format(*scoped(u, scopes_only=True)) for u in in_scope)))
        unit_groups = [unique(scoped(u, scopes_only=True)[0] for u in g) for g in unit_groups]
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
        raw = RawLine(row=row, leaders=leaders, lead_units=unique(u for u, _ in group), units=unique(units),
                      scope="；".join(s for _, s in group if s), blocks=list(blocks), periods=list(periods), borrowed=borrowed, **own)
        task.lines.append(raw)


def _marked_leads(lead_cell: str, units_cell: str, first_leads: bool) -> tuple[str, str]:
    """The lead and the other units where a mark says which office leads: a star before it, or a note under the table
    that the first of a cell's offices leads (`first_leads`)."""
    if not lead_cell and (starred := starred_lead(units_cell)):  # "★区发改委、统计局": the starred office leads
        return starred
    if starred := starred_lead(lead_cell):  # "县教育局、★县住建局" in the 牵头 cell: the starred one leads, the rest help
        return starred[0], "、".join(u for u in (starred[1], unstarred(units_cell)) if u)
    units_cell = unstarred(units_cell)  # "县财政局、★县自然资源局" beside a lead: the star is no part of the name
    if first_leads and (first := _first_leads(lead_cell)):  # "注：…第一个为牵头单位，其余为主要配合单位" under the table
        return first[0], "、".join(u for u in (first[1], units_cell) if u)
    return lead_cell, units_cell


def _first_leads(cell: str) -> tuple[str, str] | None:
    """A lead cell of several offices, no role said in it, under a note that the first leads: (the first, the others)."""
    if not cell or roles_in(cell, lead_column=True):
        return None
    first, *others = [u for group in split_groups(cell) for u in unit_names(group)] or [""]
    return (first, "、".join(others)) if others else None


STARRED_RE = re.compile(r"[★☆]\s*([^、，,；;/／\s★☆]+)")
MARKED_RE = re.compile(r"(?:^|(?<=[、，,；;/／\s]))[▲△●◆]\s*([^、，,；;/／\s▲△●◆★☆]+)")  # a lead's mark only before ONE office


def unstarred(cell: str) -> str:
    """A units cell without the stars marking a lead ("★县住建局" is 县住建局)."""
    cell = re.sub(r"[★☆]\s*", "", cell)
    return MARKED_RE.sub(r"\1", cell) if len(MARKED_RE.findall(cell)) == 1 else cell


def starred_lead(cell: str) -> tuple[str, str] | None:
    """"★区发改委、统计局", "人社局、★区民政局": a star before an office in a 责任单位 cell marks the lead (the star no part of
    its name); the other offices are the units. A triangle or a dot ("▲发改局,各部门") marks the lead as a star does where
    it stands before one office of the cell only (elsewhere ▲ is a footnote mark: cells.FOOTNOTE_MARKS). None where no
    office is marked."""
    if not (starred := STARRED_RE.findall(cell)) and len(marked := MARKED_RE.findall(cell)) == 1:
        starred = marked
    if not starred:
        return None
    others = [n for n in unit_names(unstarred(cell)) if n not in starred]
    return "、".join(starred), "、".join(others)
