"""A row's task number and title, and the area it falls in: what tells a new task from the rows of the one above."""

from __future__ import annotations

import re

from mstrack.errors import InputError, Message
from mstrack.model import Area
from mstrack.sources.table.cells import AREA_RE, CODE_CELL_RE, GROUP_CODE_RE, SECTOR_CODE_RE, TEAM_CODE_RE, without_marks
from mstrack.sources.table.mentions import find_mentions
from mstrack.sources.table.numbering import (
    BRACKET_NUMBER_RE,
    CIRCLED_RE,
    CLAUSE_CODE_RE,
    COUNT_RE,
    ITEM_NUMBER_RE,
    NUMERAL_CODE_RE,
    SUB_CODE_RE,
    TITLE_BRACKET_RE,
    TITLE_CODE_RE,
    TITLE_NUMERAL_RE,
    TOPIC_SUB_CODE_RE,
    add_area,
    add_area_named,
    group_numeral,
    in_area,
    title_code,
)
from mstrack.sources.table.numbers import MEASURES, MONEY_UNITS
from mstrack.sources.table.raw import Layout as _Layout
from mstrack.sources.table.raw import RawTask
from mstrack.sources.table.reading import Row, Sheet, place
from mstrack.vocabulary import TASKS_HEADING


def items_print_numbers(sheet: Sheet, at: int, layout: _Layout) -> bool:
    """No 序号 column, and the items print their own numbers at the start of their text ("1.地区生产总值…")."""
    if "seq" in layout.by_kind:
        return False
    return sum(bool(title_code(layout.cell(row, "task"))) for row in sheet.rows[at + 1:]) >= 2


class RowNotRead(Exception):  # noqa: N818 - a row left out, not an error: the table is read without it
    """A row that gives no task the reader can take (its 序号 no number, a number with no text, a schedule before any
    task): the other rows are read, and this one is said (tasks.read_tasks): its row, the column at fault and why."""

    def __init__(self, layout: _Layout, row: Row, column, why: Message, *, quoted: bool = False):
        self.place, self.row, self.why = layout.where(row, column), row.number, why
        self.header = layout.sheet.column_named(column.index, column.header)  # "1 (序号)"; an unnamed 序号: A
        own = {c.index for c in layout.by_kind.get("seq", [])} | ({column.index} if quoted else set())  # what `why` quotes
        self.held = list(dict.fromkeys(cell for i, cell in enumerate(row.cells) if cell and i not in own))  # what is lost
        super().__init__(str(self.refusal))

    @property
    def refusal(self) -> Message:
        """What refuses a table that has no row to read but this one."""
        return Message("{place}: {error}", place=self.place, error=self.why)


def area_numbered(task: RawTask) -> bool:
    """A task coded by its area's number and its own (numbering.in_area): "二1", "二(三)", "1(2)" under an area numbered in
    digits, a paragraph's clause "三(二)1-1" (CLAUSE_CODE_RE)."""
    area = task.area or ""
    own = task.code[len(area):]
    return bool(area) and (task.code.startswith(f"{area}(") or (own.isdigit() or CLAUSE_CODE_RE.fullmatch(own) is not None)
                           and task.code.startswith(area) and not area[-1].isdigit())


TASKS_HEADING_RE = re.compile(TASKS_HEADING)


def numbered_in_one_group(tasks: list[RawTask], areas: list[Area], one: bool = False, parts: int = 0) -> bool:
    """Every task in one group "(一)" under a heading "一、" (area 一(一)), numbered "1", "2" … in order: the list shows no
    other group, so nothing says its numbers run on past it, and the hierarchy 一、(一)1. numbers items inside their
    group (as a list whose numbers start again under each group reads): coded 一(一)1. Not under a heading naming the
    programme's tasks ("二、主要任务": its groups' items number on through it, as xian-2025's). The caller asks for a
    list's items that print their numbers: paragraphs numbered in their order (weifang-2017) keep those numbers.
    `one`: the list is known to be one group's items of a "(一)" list, read on its own (Sheet.one_group, list_fallback):
    whatever heading it stands under, and its items' parts keep their codes ("1(1)", "1(2)", "2(1)": 二(二)1(1)); a
    later part's tasks already coded by it (三(一), list_stages.stages_following) are no part of the group.
    `parts`: a list read from one part of a plan, the others left out (list_arrangements): how many parts it prints;
    a part read beside it as one task of its own, coded by its numeral alone (list_part_paragraphs: "一" over one
    paragraph), is no part of the group."""
    if one:
        tasks = [task for task in tasks if not re.match(r"[一二三四五六七八九十百]+[(（]", task.code)]
    if parts:
        tasks = [task for task in tasks if task.area or not re.fullmatch(r"[一二三四五六七八九十百]+", task.code)]
    group = {task.area for task in tasks}
    if len(group) != 1 or not (area := group.pop()):
        return False
    if not one and re.fullmatch(r"[一二三四五六七八九十百]+", area):  # one part of the plan's "一、" "二、" … holds the items
        top = next((a for a in areas if a.code == area), None)
        tops = max(parts, len([a for a in areas if re.fullmatch(r"[一二三四五六七八九十百]+", a.code)]))
        return top is not None and tops >= 2 \
            and not TASKS_HEADING_RE.search(top.name) and [task.code for task in tasks] == [str(k) for k in range(1, len(tasks) + 1)]
    if not (m := re.fullmatch(r"([一二三四五六七八九十百]+)\(\S+\)", area)):
        return False
    if one:
        numbers = [int(n[0]) if (n := re.match(r"\d+(?=(?:\(\d+\))?$)", task.code)) else 0 for task in tasks]
        return numbers[0] == 1 and all(b in (a, a + 1) for a, b in zip(numbers, numbers[1:], strict=False))
    top = next((a for a in areas if a.code == m[1]), None)
    return top is not None and not TASKS_HEADING_RE.search(top.name) \
        and [task.code for task in tasks] == [str(k) for k in range(1, len(tasks) + 1)]


def unheaded_first_group(tasks: list[RawTask]) -> None:
    """Items numbered again under the list's first heading, "(二)…" or "二、…", the items before it under none: group
    一's, its heading not printed or not legible (a copy's garbled line), each coded by the group as the later groups'
    are ("(一)1" beside "(二)1", numbering.in_area). Items before a first heading "(一)" or "一、" are the list's own."""
    # under a part's heading "一、" the items before "(二)" are the part's ("一1"), the group (二) "一(二)": group 一(一)'s
    part = next((task.area for task in tasks if task.area), "") if tasks and tasks[0].area else ""
    first = next((k for k, task in enumerate(tasks) if task.area and task.area != part), 0) if part else \
        next((k for k, task in enumerate(tasks) if task.area), 0)
    area = tasks[first].area if first else None
    if area not in (f"{part}(二)", "二" if not part else None) or any(task.area is None for task in tasks[first:]) \
            or [task.code for task in tasks[:first]] != [in_area(part, str(k)) if part else str(k) for k in range(1, first + 1)] \
            or tasks[first].code != in_area(area, "1"):
        return
    for number, task in enumerate(tasks[:first], 1):  # in the part's area still: no heading (一) is printed to name one
        task.code = in_area(f"{part}(一)" if part else area.replace("二", "一"), str(number))


# "（一）学前教育（共2项）", "(一)已完成任务共2项": a group's heading, its count in a bracket or not (no target, no word of its name);
# the period closing a heading ("（三）有序推进…改革（2018年11月-2019年6月）", taken off by list_stages.spanned_groups)
# is no part of its length
SUB_AREA_RE = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*(.{1,40}?(?:[（(][^（）()]{0,20}\d\s*月[^（）()]{0,20}[）)])?)"
                         r"\s*(?:[（(]?\s*共\s*(\d+)\s*[项件]\s*[）)]?)?\s*$", re.S)
# "(二)节能降耗和污染物减排目标。主要包括3项约束性政府目标,必须确保完成。": a group's name, then sentences describing it
DESCRIBED_SUB_AREA_RE = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*([^。；;，,：:]{1,30})。()\S.*$", re.S)


def sub_area(text: str) -> re.Match | None:
    """A group's heading "(一)…" merged over a row: its number and name (SUB_AREA_RE, a name of up to 40 characters:
    "（四）简化生育登记服务材料，实行个人生育情况承诺制，推行网上生育登记服务。"), the name alone when sentences describing
    the group follow it (DESCRIBED_SUB_AREA_RE, tried first)."""
    return DESCRIBED_SUB_AREA_RE.match(text) or SUB_AREA_RE.match(text)


def area_of(row: Row, filled: list[str], layout: _Layout, areas: list[Area], area: str | None, *,
             numeral_items: bool = False, numeral_headings: bool = False) -> tuple[str | None, bool]:
    """The area from this row on, and whether the row is an area heading and nothing else."""
    if len(set(filled)) == 1 and (m := AREA_RE.match(filled[0])) and len(filled[0]) <= 60 \
            and (not layout.cell(row, "schedule") or layout.sheet.headerless):  # a list's heading spans its schedule too
        return add_area(areas, m), True
    outer = area  # under a topic numbered in digits ("1.基础设施建设专题：", list_subitems), the "三、" above it
    if area and area.isdigit():
        outer = next((a.code for a in reversed(areas) if NUMERAL_CODE_RE.fullmatch(a.code.split("(")[0])), area)
    if len(set(filled)) == 1 and len(filled) >= 3 and (m := sub_area(filled[0])) and outer \
            and NUMERAL_CODE_RE.fullmatch(top := outer.split("(")[0]):
        return add_area(areas, m, top), True  # "（一）学前教育" over the width under "一、…": area 一(一), as a summed one
    if len(set(filled)) == 1 and len(filled) >= 3 and (m := sub_area(filled[0])):
        return add_area(areas, m, printed=True), True  # "(一)已完成任务共2项" under no "一、": area (一), its items (一)1 …
    if len(set(filled)) == 1 and len(filled) >= 3 and len(filled[0]) <= 30 and not filled[0].startswith(("注", "备注", "说明")):
        if numbered := TITLE_CODE_RE.match(filled[0]):  # "1.基础设施建设专题：" over its sub-items: area 1 (list_subitems)
            return add_area_named(areas, filled[0][numbered.end():].strip().rstrip("：:"), numbered[1]), True
        return add_area_named(areas, filled[0]), True  # "关键词 教育" merged over the width: a group of the items below
    if _heading_beside_free_text(row, layout):
        return add_area(areas, AREA_RE.match(layout.cell(row, "task"))), True
    if area_text := layout.cell(row, "area"):
        m = AREA_RE.match(area_text.split("\n")[0])
        labels_code = layout.by_kind["area"][0].labels_code  # "养老方面" over numbers that start again: its code too
        area = add_area(areas, m) if m else add_area_named(areas, area_text, layout.cell(row, "area_code")
                                                            or (area_text if labels_code else ""))
    title, code_text = layout.cell(row, "task"), layout.cell(row, "seq")
    if not (numeral := group_numeral(code_text)) or not title or numeral_items or sets_target(title):
        return area, False
    own = cells_of_its_own(row, layout, title, below=_item_below(row, layout))
    plain = bool(NUMERAL_CODE_RE.fullmatch(code_text))  # "一"; "（一）" heads a group only over items "1", "2"
    if (numeral_headings or not own) if plain else (numeral_headings and not own):
        return add_area(areas, AREA_RE.match(numeral + "、" + title)), True
    return area, False


FREE_TEXT_KINDS = ("note", "leader")  # 备注, 牵头领导, 联系人及电话: words beside an item or a heading, none of its work


def _heading_beside_free_text(row: Row, layout: _Layout) -> bool:
    """"一、方便市民出行" in the item column with no 序号 in a table whose items are numbered there, every other filled
    cell a note, a leader or a contact ("省级民生实事", "王建国（副市长）"): a heading still, whatever that column holds."""
    title = layout.cell(row, "task")
    if "seq" not in layout.by_kind or layout.cell(row, "seq") or not AREA_RE.match(title) or len(title) > 60:
        return False
    free = {c.index for c in layout.columns if c.kind in FREE_TEXT_KINDS}
    return all(i in free for i, cell in enumerate(row.cells) if cell and cell != title)


def sets_target(title: str) -> bool:
    """A title that sets a figure with its unit ("新建幼儿园3所"): a task's target, which an area's name never holds
    (a count of its items, "（共2项）", is none)."""
    return bool(find_mentions(COUNT_RE.sub("", title)))


def ends_area(code: str, opener: str) -> bool:
    """A row numbered as the heading that opened the area was ("（二）" after "（一）", "二" after "一") that is a
    task, not a heading: the area above has ended, and neither the row nor the items after it are in it."""
    return bool(group_numeral(code) and group_numeral(opener)) \
        and bool(SUB_CODE_RE.fullmatch(code)) == bool(SUB_CODE_RE.fullmatch(opener))


def part_of_area(area: str, opener: str, seq: str, title: str) -> str | None:
    """The part a row stays in when it ends its group: no 序号, its words opening with the next group's number ("（五）…"
    after the items of "（四）…" under "二、"; a list's group of one paragraph, list_runs.group_paragraphs). The group
    has ended (ends_area) and the row is a task of the part, coded 二(五) as a "(一)" list's items are: the part's
    code, or None for any other row."""
    sub = SUB_CODE_RE.match(title)
    if seq or sub is None or "(" not in area or not ends_area(sub[0].strip(), opener):
        return None
    return area[:area.index("(")] or None


def area_opener(seq: str, heading: str) -> str:
    """The number a heading opened its area by, for ends_area: its 序号 cell's, or the one its text prints first
    ("三、推进城乡融合发展…" merged over the row, 序号 included, or in the task cell beside a blank 序号)."""
    text = seq or heading
    return m[0].strip() if (m := ITEM_NUMBER_RE.match(text)) else seq


def _item_below(row: Row, layout: _Layout) -> Row | None:
    """The next row with any text, when it is an item (not numbered as a group is): a cell that a file keeping its
    merges repeats there was merged down over the items, shared with them."""
    if not layout.sheet.merges:
        return None
    below = next((r for r in layout.sheet.rows if r.number > row.number and any(r.cells)), None)
    return below if below is not None and not group_numeral(layout.cell(below, "seq")) else None


def numbered_in_numerals(sheet: Sheet, at: int, layout: _Layout) -> bool:
    """A 序号 column that numbers in Chinese numerals only (一 … 十二, no 1, 2 of items under them), most of its
    numbered rows items with cells of their own: every row it numbers is an item, one whose figures are on the rows
    below it as well. A list with no header numbered so (headerless.py: "一、…" items with nothing between them) is
    items all: a numbered item among its siblings is one whether or not it sets a figure ("五、解决…问题。")."""
    if "seq" not in layout.by_kind:
        return False
    numbered = [(row, layout.cell(row, "seq")) for row in sheet.rows[at + 1:] if layout.cell(row, "seq")]
    if sheet.headerless:  # a heading of the list keeps its words in the 序号 cell ("一、促进就业"): no numeral alone
        return any(NUMERAL_CODE_RE.fullmatch(code) for _, code in numbered)
    if not numbered or not all(NUMERAL_CODE_RE.fullmatch(code) for _, code in numbered):
        return False
    items = sum(cells_of_its_own(row, layout, layout.cell(row, "task")) for row, _ in numbered)
    return items * 2 > len(numbered)


def cells_of_its_own(row: Row, layout: _Layout, title: str, below: Row | None = None) -> bool:
    """A row numbered "一" that fills a cell besides its number, name and area (content, a figure, a unit, a date,
    progress): an item numbered in Chinese numerals; a group heading holds its name alone (or merged over the row).
    A cell the item `below` repeats (merged down over the group's items) is shared, not the row's own."""
    return any(row.cells[c.index] not in ("", title) for c in layout.columns
               if c.kind not in ("seq", "task", "area") and c.index < len(row.cells)
               and not (below is not None and c.index < len(below.cells) and below.cells[c.index] == row.cells[c.index]))


# "；2.", "。2、": the next of a cell's own numbered points, run into its words after a stop; or with no mark at all,
# words on both sides ("1.无证2.学生托管6人": a ledger's problems), never a decimal ("道路2.5公里"); or a point opening
# with a range of figures ("1.无证2.1-5层": floors 1 to 5), which no decimal opens ("2.1-5" as 2.1 to 5 is a range of
# a decimal and a whole number, no count) — unless a measure that keeps fractions closes it, a length, an area, a
# volume, a weight or a sum ("道路2.5-8公里": 2.5 to 8 kilometres, the decimal the range's lower bound)
FRACTIONAL_MEASURE = "|".join(sorted({*(u for kind in MEASURES for u in kind), "吨", *MONEY_UNITS}, key=len, reverse=True))
WHOLE_RANGE = (r"\d{{1,3}}\s*[-－—~～至到]\s*\d{{1,3}}(?![\d.．])"  # "1-5层": a range of whole numbers
               rf"(?!\s*[万亿千百]?(?:{FRACTIONAL_MEASURE}))")
RUN_IN_NEXT_RE = rf"[；;。]\s*{{n}}\s*[.．、]|[\u4e00-\u9fff）)]{{n}}[.．、](?=[\u4e00-\u9fff（(]|{WHOLE_RANGE})"


def runs_in(title: str, opening: re.Match) -> bool:
    """Whether a cell's opening "1." numbers points run into its words ("1.负责…督查；2.负责…；3.做好…。": a party's
    duties in one cell; "1.无证经营2.通道堵塞": problems listed with no mark between them), not the item's own
    number: point 2 follows it. Its words keep the numbers."""
    return opening[1] == "1" and re.search(RUN_IN_NEXT_RE.format(n=2), title[opening.end():]) is not None


def task_code(row: Row, layout: _Layout, title: str, previous: RawTask | None, area: str | None, *,
              bracketed: bool = False, levels: tuple[str, ...] = ()) -> tuple[str | None, str]:
    """The task number a row gives (None: it continues the task above, in the same area) and its title. `bracketed`:
    the 序号 column numbers two levels in digits (numbering.bracket_level), so "(8)" keeps its brackets; `levels`: the
    numbers of the headings above (numbering.heading_levels), which a circled item's code begins with, and an item
    "(1)" under a heading "1." alone."""
    code = None
    if code_text := layout.cell(row, "seq"):
        m = CODE_CELL_RE.match(code_text) or GROUP_CODE_RE.match(code_text) \
            or layout.sheet.headerless and (TOPIC_SUB_CODE_RE.match(code_text) or CLAUSE_CODE_RE.match(code_text)) \
            or TEAM_CODE_RE.match(code_text) \
            or layout.sheet.headerless and SECTOR_CODE_RE.match(code_text)  # a list's "1一" (list_subitems); "第一组", an
        # inspection's group; "交通运输方面", a notice's sector paragraph (list_sectors)
        if not m:
            raise RowNotRead(layout, row, layout.by_kind["seq"][0], Message("{code!r} is not a task number", code=code_text))
        code = f"({m[1]})" if bracketed and BRACKET_NUMBER_RE.fullmatch(code_text.strip()) or layout.sheet.headerless \
            and SUB_CODE_RE.fullmatch(code_text.strip()) else m[1]  # a list's "(一)" numbered on across its headings
        if GROUP_CODE_RE.match(code) and (sub := SUB_CODE_RE.match(title)):  # 序号 "二", title "(三)井盖整治": task 二(三)
            code, title = f"{code}({sub[1]})", title[sub.end():].strip()
        elif (inner := TITLE_CODE_RE.match(title)) and not runs_in(title, inner):  # "1.新增社区老年食堂3家" beside 序号 3:
            title = title[inner.end():].strip()  # the item's number in its project
    elif title and _part_of_numbered(title, layout, previous, levels):
        return None, title  # "（2）…" under the item 序号 "1": its part, a line of it, never task 2 ("task 2 appears twice")
    elif title and (m := title_code(title) or TITLE_NUMERAL_RE.match(title)):
        code, title = m[1], title[m.end():].strip()
        if len(levels) == 1 and m.re is TITLE_BRACKET_RE:  # "(1)…" under the project heading "1.…": task 1(1)
            code = f"{levels[0]}({code})"
    elif title and (circled := CIRCLED_RE.match(title)):  # "①…" under the headings "1." and "(1)": task 1(1)①
        code, title = "".join(levels) + circled[1], title[circled.end():].strip()
    elif title and (sub := SUB_CODE_RE.match(title)) and title[sub.end():].strip():  # "(一)…" under "一、": task 一(一)
        code, title = in_area(area, sub[1]) if area else sub[1], title[sub.end():].strip()
    if code and previous and previous.area == area and previous.code in (code, in_area(area, code)):
        code = None  # a merged 序号: another line of the same task
    if code is None and title and previous and title == previous.title:
        title = ""
    return code, without_marks(title, "")  # "2.*帮助引领成功创业": a mark after the item's own number, as before a title


def _part_of_numbered(title: str, layout: _Layout, previous: RawTask | None, levels: tuple[str, ...]) -> bool:
    """A row with no 序号 whose words open with "（1）", "（n）" after item n - 1 or "（n）" after the item's own "（n-1）",
    under an item numbered in 序号 in plain digits (a numbered list's part, list_numbered.numbered_table, whatever office
    it names): the item's part, not a top-level number that items below repeat; another "（n）" is a part picked out of
    the item ("17(2)", tasks.py)."""
    return bool(not levels and previous is not None and (m := TITLE_BRACKET_RE.match(title)) and previous.code.isdigit()
                and (int(m[1]) in (1, int(previous.code) + 1) or follows_part(previous, layout, int(m[1])))
                and "seq" in layout.by_kind and layout.cell(previous.row, "seq").strip().isdigit())


def follows_part(task: RawTask, layout: _Layout, number: int) -> bool:
    """Whether a part "（n）" goes on from the task's own part "（n-1）", a row of its: the parts of one item read alike."""
    return any((m := TITLE_BRACKET_RE.match(layout.cell(line.row, "task").strip())) and int(m[1]) == number - 1
               for line in task.lines)


def task_of(row: Row, layout: _Layout, code: str | None, title: str, area: str | None, tasks: list[RawTask],
             seen: dict[str, int]) -> RawTask:
    """The task a row belongs to: the one above when it gives neither number nor title, else a new one."""
    if code is None and not title:
        if not tasks:
            col = next((c for c in layout.columns if c.kind and c.index < len(row.cells) and row.cells[c.index]), layout.columns[0])
            raise RowNotRead(layout, row, col, Message("a row of schedule or units before any task"))
        return tasks[-1]
    if code is None:
        code = str(len(tasks) + 1)
        while code in seen:
            code += "a"
    if code in seen and area is not None and any(t.code == code and t.area != area for t in tasks):
        code = in_area(area, code)  # numbers that start again in each area: the area's number and the task's
    if not title:
        col = (layout.by_kind.get("task") or layout.by_kind.get("seq") or layout.columns)[0]  # no task column: its number
        raise RowNotRead(layout, row, col, Message("task {code} has no text", code=code))
    printed = code
    col = (layout.by_kind.get("seq") or layout.by_kind.get("task") or layout.columns)[0]
    if code in seen and tasks and _second_run(tasks[-1].code, code):
        raise InputError("{place}: task {first} appears twice (first at {at}), and task {code} after it ({row}): "
                         "the numbers start again, as under a group the table does not head; give each group a heading "
                         "row (“二、…”) or number the tasks on", place=layout.where(tasks[-1].row, col),
                         first=tasks[-1].code.rstrip("a"), at=_at(layout, seen[tasks[-1].code.rstrip("a")]), code=code,
                         row=_at(layout, row.number))
    while code in seen:  # a number printed twice: the second row is read too, under a code of its own, and said
        code += "a"
    seen[code] = row.number
    task = RawTask(code=code, title=title, area=area, row=row)
    if code != printed:
        task.doubts.append((row.number, layout.sheet.column_named(col.index, col.header), Message(
            "task {printed} appears twice (first at {first}): read as task {code}; check its number", printed=printed,
            first=_at(layout, seen[printed]), code=code)))
    tasks.append(task)
    return task


def _at(layout: _Layout, number: int) -> Message:
    """A row as the file numbers it: "row 12", or "paragraph 12" of a Word document read from its paragraphs, or "table 2,
    row 12" of one of a document's tables."""
    return place(layout.sheet.path, number, layout.sheet.paragraphs, layout.sheet.table)


def _second_run(above: str, code: str) -> bool:
    """A number printed twice right after the row above was one printed twice, the next of it ("2" after "1" read as
    "1a"): the numbers start again as a second run, a group the reader did not see, not one mistyped number."""
    return above.endswith("a") and above.rstrip("a").isdigit() and code.isdigit() and int(code) == int(above.rstrip("a")) + 1
