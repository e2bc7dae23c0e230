"""What one cell of a published table is by its words alone: a task's number, an area heading, a row of totals, a
footnote, a unit that helps; on its own so that the header and the rows share one reading of each."""

from __future__ import annotations

import re

from mstrack.sources.rows import TOTAL_CELL_RE, WHOLE_REGION_RE, unnumbered
from mstrack.sources.table.numbering import DOTS, title_code
from mstrack.vocabulary import LEAD_ROLE_WORDS, PLACE_NAME

NOTE_LINE_RE = re.compile(r"^(?:备\s*注|注|说\s*明|(?:监督|联系|咨询|投诉|举报)(?:方式|电话|人))\s*\d*\s*[:：]")  # "备注：…",
# "注1：…", "说明：…": a footnote line; "监督方式：0557-…", "联系人：…": who to call, closing the table


def note_line(cells: list[str]) -> bool:
    """A footnote under a table: one text, merged over the row or written in its first cell."""
    filled = {c for c in cells if c}
    return len(filled) == 1 and bool(NOTE_LINE_RE.match(filled.pop()))


def first_leads(between: str) -> str:
    """The words saying the first office named leads: where it stands (第一, 首位 …), `between` (the pattern of what may
    stand between), then a lead's role (牵头, 主责, 主办). One core for the note under a table (FIRST_LEADS_NOTE_RE) and
    the bracket inside a cell (units.FIRST_LEADS_RE)."""
    return rf"(?:第一|首位|首个|最前){between}(?:{'|'.join(LEAD_ROLE_WORDS)})"


# the labels of a contact table under the table, or of the form's signature line: "联系人 | 联系电话", "填报人 | 审核人"
CONTACT_LABEL_RE = re.compile(r"^(?:联\s*系\s*人|联系电话|电\s*话|手\s*机(?:号码)?|联系方式|姓\s*名|职\s*务|填[报表]人|审核人|签发人)"
                              r"\s*[:：]?$")


def contacts_from(rows: list) -> int:
    """Where the table's rows end: at a row of two or more contact labels ("联系人 | 联系电话"), a contact table under
    it, which with every row after it is none of its items nor tells what its columns are; len(rows) when none."""
    for n, row in enumerate(rows):
        filled = [c.strip() for c in row.cells if c.strip()]
        if n and len(filled) >= 2 and all(CONTACT_LABEL_RE.match(c) for c in filled):
            return n
    return len(rows)


def table_end(rows: list) -> int:
    """Where the rows that tell what the columns are end: before a contact table under the table (contacts_from), and
    before the lines of one text each after the last row of two texts (a signature's office and date, a stamp, a
    closing sentence): none of them is a cell of the table's columns. len(rows) when the table runs to the end."""
    end = contacts_from(rows)
    last = max((n for n, row in enumerate(rows[:end]) if len(set(filter(None, (c.strip() for c in row.cells)))) >= 2),
               default=None)
    return end if last is None else last + 1


def note_point(cells: list[str], last: int) -> int:
    """A footnote's numbered point: the number a footnote line opens ("注：1.本表…" → 1, `last` 0), or the one a line of
    one text under it goes on with ("2.完成时限…" after point 1 → 2), never an item of the table; 0 for any other row."""
    filled = {c for c in cells if c}
    if len(filled) != 1:
        return 0
    text = filled.pop()
    if not last and (note := NOTE_LINE_RE.match(text)):
        text = text[note.end():].lstrip()
    elif not last:
        return 0
    m = title_code(text)
    return int(m[1]) if m and int(m[1]) == last + 1 else 0


# "注：主要责任单位第一个为牵头单位，其余为主要配合单位", "排名第一的为牵头单位", "排在首位的为牵头单位": the first office
# named in a cell leads, the others share the work; stricter than the bracket's, as a note says more than that
FIRST_LEADS_NOTE_RE = re.compile(first_leads(r"[^，,。；;]{0,6}?(?:为|是)[^，,。；;]{0,4}?"))


def first_leads_noted(rows: list[list[str]], below: list[str]) -> bool:
    """A note under the table (a footnote row, or a document's line under it) that says the first office leads."""
    notes = [*(next(c for c in cells if c) for cells in rows if note_line(cells)), *below]
    return any(FIRST_LEADS_NOTE_RE.search(note) for note in notes)


FOOTNOTE_MARKS = "*＊※★☆▲△●◆①②③④⑤⑥⑦⑧⑨⑩"


def explained_marks(rows: list[list[str]]) -> str:
    """The marks a footnote under the table explains ("注：带※的为省级项目"): after a title they refer to the note."""
    return "".join(sorted({ch for cells in rows if note_line(cells) for ch in next(c for c in cells if c) if ch in FOOTNOTE_MARKS}))


ALWAYS_MARKS = "*＊※"  # a footnote's mark whether or not a note under the excerpt explains it
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def without_marks(title: str, marks: str) -> str:
    """The title without the footnote marks before or after it ("新建幼儿园3所※", "*单位增加值综合能耗下降率"): "*" and
    "※" are marks note or no note, and so is a circled numeral after the words (before them it numbers the item:
    "①以就业促增收…" is item 1(1)①); another mark (★ after every name) only when a note explains it, else it is
    printed as part of the title. A "*" or "※" after a list's mark ("、*3家…") marks the project after it."""
    before = re.escape("".join(sorted(set(marks + ALWAYS_MARKS))))
    after = re.escape("".join(sorted(set(marks + ALWAYS_MARKS + CIRCLED))))
    # "*" and "※" after a list's mark inside the words mark a second project ("新增1家食堂、*3家照护之家"): marks too
    title = re.sub(rf"(?<=[、，,；;])\s*[{re.escape(ALWAYS_MARKS)}]+", "", title)
    return re.sub(rf"^[{before}]+\s*|\s*[{after}]+$", "", title)


# "（大练涉迁坟墓安置区要求每日安排10人）", "（含技能培训）": a bracket with none inside, what a line or a name says aside
ASIDE_BRACKET_RE = re.compile(r"[（(][^（）()]*[）)]")
HELPING_RE = re.compile(r"配合|协办|协助|参与|协同|协作")  # units that help the responsible one: never the lead, wherever printed


# a task's number in the 序号 column: "12", "(3)", "1.2", "第1项", "9*", "★3" (a province's table runs past 999); or in Chinese
# numerals, "二", "（三）", which may group projects
CODE_CELL_RE = re.compile(rf"^[*＊※★☆▲△●◆]*\s*第?\s*[（(]?\s*(\d+(?:[.-]\d+)?)\s*[）)]?\s*[项条号]?[{DOTS}]?\s*[*＊※★☆▲△●◆]*$")
GROUP_CODE_RE = re.compile(rf"^[（(]?\s*([一二三四五六七八九十百]+)\s*[）)]?[{DOTS}]?$")
# an inspection's group in a 组别 cell, or heading its lines in a notice: "第一组", "第2检查组": the task's code as printed
TEAM_CODE_RE = re.compile(r"^\s*(第\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*(?:检查|督查|督导|巡查|排查|工作|小)?组)\s*$")
# a sector's label coding its unnumbered paragraph in a notice ("交通运输方面：…", "危险化学品领域：…": list_sectors)
SECTOR_LABEL = r"[\u4e00-\u9fff]{2,12}(?:方面|领域)"
SECTOR_CODE_RE = re.compile(rf"^\s*({SECTOR_LABEL})\s*$")
# a column named by a kind of place (市州, 县(市、区), 地区, 乡镇): in a table whose rows are regions, its names are the tasks
PLACE_HEADER_RE = re.compile(r"^(?:市州|地市|地区|区域|市县区?|县市区?|区县市?|县区|县[（(]市[、，,]?区[）)]|乡镇(?:街道)?|镇街|街镇)"
                             r"(?:名称)?$")


PLACE_NAME_RE = re.compile(PLACE_NAME)
OFFICE_NAME_RE = re.compile(r"^[\u4e00-\u9fff]{2,14}(?:局|委|办|院|中心|街道|镇|乡|功能区|管委会)$")


def place_names(values: list[str], header: str, also: re.Pattern | None = None) -> bool:
    """Three or more cells, every one a place's name ("长沙市", "湘西州", "岳麓区") or one that `also` matches, a
    total row and the header printed again at a page break aside. Under a place's header (no `also`: 市州, 地区) three
    in four are enough: a row for the province's own units ("省直单位", "市本级") or a line under the table is no place
    and leaves the rows by region (a 单位 column's offices stay every one: its sub-header "牵头单位" is none)."""
    names = [v.strip() for v in values if not TOTAL_CELL_RE.match(v) and not WHOLE_REGION_RE.match(v) and v != header]
    places = sum(bool(PLACE_NAME_RE.fullmatch(v) or (also and also.match(v))) for v in names)
    return places >= 3 and (places * 4 >= len(names) * 3 if also is None else places == len(names))


# a column of the units a quota is set for (单位, 责任单位), headed by no role (牵头, 配合): the rows' names when nothing else is
UNIT_HEADER_RE = re.compile(r"^(?:责任)?(?:单位|部门)(?:名称)?$")


def place_task_column(columns, values_of) -> None:
    """Rows by region (市州): the place column is the task column only when no other column holds the rows' items
    (`values_of(column)`: its filled cells below the header). A 单位 column whose cells are each a place or an office
    ("陆家嘴功能区", "区民政局") beside columns of figures is such a column too, and each row's name is also its lead:
    the row assigns its targets to that unit."""
    if any(column.kind == "task" for column in columns):
        return
    for place in [c for c in columns if PLACE_HEADER_RE.match(re.sub(r"\s+", "", c.header))][:1]:
        place.kind = "task" if place_names(values_of(place), place.header) else place.kind
    if any(column.kind == "task" for column in columns):
        return
    units = [c for c in columns if c.kind in ("lead", "units", "measure") and UNIT_HEADER_RE.match(re.sub(r"\s+", "", c.header))]
    if len(units) == 1 and not any(c.kind in ("lead", "units") for c in columns if c not in units) \
            and place_names(values_of(units[0]), units[0].header, OFFICE_NAME_RE):
        units[0].kind, units[0].leads = "task", True
    if not any(column.kind == "task" for column in columns):
        _names_beside_counts(columns, values_of)


ROW_NAME_RE = re.compile(r"^[^\d%％]{2,40}$")  # a trade's, a kind's or an area's name: words, no figure


def _names_beside_counts(columns, values_of) -> None:
    """Rows named by a trade, a kind or an area (行业, 类别, 片区) beside a column counting what each must reach
    (应达标企业数, 培训名额): the first column of no other role (named or not) whose cells are distinct names with no
    figure (the total row, a footnote or the header printed again aside: three in four) is the task column; the count
    holds each row's target."""
    if not any(c.kind == "amount" for c in columns):
        return
    for column in columns:
        if column.kind not in ("", "area"):
            continue
        names = [name for v in values_of(column) if not TOTAL_CELL_RE.match(name := unnumbered(v.strip()))
                 and v.strip() != column.header.strip()]  # "1.金井片区": the row's number in its name
        worded = sum(bool(ROW_NAME_RE.match(name)) for name in names)
        if len(names) >= 3 and len(set(names)) * 4 >= len(names) * 3 and worded * 4 >= len(names) * 3:
            column.kind, column.named_rows = "task", True
            return


SEVERAL_CODES_RE = re.compile(r"^\s*\d+(?:\s*[、,，/和及]\s*\d+)+\s*$")  # "1、2": two tasks written in one row


def seq_cell(text: str) -> bool:
    """A 序号 cell: one task's number, a group's, an inspection group's ("第一组", under 组别), or several tasks' written
    in one row ("1、2")."""
    return bool(CODE_CELL_RE.match(text.strip()) or GROUP_CODE_RE.match(text.strip()) or SEVERAL_CODES_RE.match(text)
                or TEAM_CODE_RE.match(text))


# "一、城市公共交通（39个）", "二、…（共5项）": the group's name, and the count of its items printed after it
AREA_RE = re.compile(rf"^([一二三四五六七八九十百]+)\s*[{DOTS}]\s*(.+?)\s*(?:[（(]\s*共?\s*(\d+)\s*[项个]\s*[）)])?\s*$", re.S)


GROUP_HEADING_RE = re.compile(rf"^(?:[一二三四五六七八九十百]+\s*[{DOTS}]|[（(]\s*[一二三四五六七八九十百]+\s*[）)])\s*\S")


def heading_row(cells: list[str]) -> bool:
    """A group heading between the items: one text merged over the row ("（一）城市建设" in every cell), or alone in
    its row and numbered as a group ("一、养老服务"). It is no item, and no cell that tells what its column is."""
    filled = [c.strip() for c in cells if c.strip()]
    if not filled or len(set(filled)) != 1 or len(filled[0]) > 60:
        return False
    return len(filled) >= 3 or bool(GROUP_HEADING_RE.match(filled[0]))


def row_texts(row) -> list[str]:
    """A row's distinct texts in order: a cell merged over the row is one text."""
    seen: list[str] = []
    for cell in row.cells:
        if cell and cell not in seen:
            seen.append(cell)
    return seen



COUNT_RE = re.compile(r"^\d+(?:,\d{3})*$")  # a whole count, as a total row sums it (no rate, no decimals)


def sums_above(rows: list[list[str]]) -> int | None:
    """The index of the last row of `rows` when its counts are the sums of the rows above it, column by column (a
    table of units' shares, its last row the whole's: "16 | 平潭综合实验区 | 440000 | 75% | 330000"): a total row, no
    unit's task, whatever it is named. Two or more columns of counts in every row are needed, every one summed (a 序号,
    numbering the rows on, is no count); a note merged over the row (one text) is none of the rows."""
    filled = [r for r in rows if len({c.strip() for c in r if c.strip()}) >= 2]
    if len(filled) < 3:
        return None
    last, above = filled[-1], filled[:-1]
    counted = [i for i, cell in enumerate(last) if COUNT_RE.match(cell.strip())
               and all(i < len(r) and COUNT_RE.match(r[i].strip()) for r in above)]
    values = {i: [int(r[i].strip().replace(",", "")) for r in filled] for i in counted}
    counted = [i for i in counted if values[i] != list(range(values[i][0], values[i][0] + len(filled)))]  # a 序号: none
    summed = [i for i in counted if values[i][-1] == sum(values[i][:-1])]
    return rows.index(last) if len(summed) >= 2 and summed == counted else None
