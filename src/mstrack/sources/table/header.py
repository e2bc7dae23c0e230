"""Finding the header row of a published table and what each column means."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from mstrack.domain.dates import PERIOD_RE, QUARTER_LABEL, YEAR_LABEL, DateError, period_end
from mstrack.errors import InputError
from mstrack.sources.table.above import declared_unit, total_units
from mstrack.sources.table.cells import (
    AREA_RE,
    CODE_CELL_RE,
    HELPING_RE,
    heading_row,
    note_line,
    place_task_column,
    seq_cell,
    total_row,
)
from mstrack.sources.table.reading import Row, Sheet
from mstrack.sources.table.schedule import report_month

MONTH_PLAN_RE = re.compile(r"月度|本月|当月|下月|次月")  # a plan for the month of the report, not for the task
NEXT_MONTH_RE = re.compile(r"下月|次月|下一?步(?:工作)?计划")  # next month's plan: due at the end of the month after the report's
THIS_MONTH_RE = re.compile(r"本月|当月")  # this month's plan: due at the end of the report's month
# a plan for one named month ("3月目标", "2023年8月份目标"): the row's checkpoints at that month's end
NAMED_MONTH_PLAN_RE = re.compile(r"^((?:\d{4}年)?(?:1[0-2]|0?[1-9])月)份?(?:工作)?(?:目标|计划|任务|安排)")
COLUMN_RULES = (  # (kind, pattern), first match wins
    ("seq", r"^(?:序号|编号|序|项目编号|No\.?)$"),
    ("measure", r"^(?:计量)?单位$"),  # the unit of measure, or the responsible units: told apart by the cells
    # people, named in short cells: never the task column; "牵头单位及主要负责人" still names the units
    ("leader", r"领导|^(?!.*(?:单位|部门)).*(?:责任人|负责人|联系人)"),
    ("units", r"牵头责任单位|牵头负责单位"),  # lead and responsible units in one cell: the first leads (as in 责任单位)
    ("lead", r"牵头|主责|主办|^负责$"),  # 负责 alone: a role word over the offices printed before it ("省发改委负责")
    ("units", r"单位|部门|县区|区县|主体$|^(?:协办|配合|协助|协同|参与)$"),  # 责任主体, 实施主体; 协办 alone: the helpers
    ("office", r"(?:科室|处室|股室|机构)$"),  # an office of a town or a bureau: the units, unless a 单位 column is beside it
    ("start", r"开工(?:时间|日期|年月)|开建(?:时间|日期)"),  # when the work starts: a checkpoint, never the deadline
    ("deadline", r"时限|完成时间|完成日期|期限|截止|起止|工期|建设时间|实施时间|建设年限|实施年限|(?:竣工|完工|建成)(?:时间|日期|年月)"),
    # reported, not planned:
    # 是否达进度 (是 / 否): whether the work kept pace; 预期成效 is what the work will achieve
    ("progress", r"^是否|进展|完成情况|完成率|(?<!预期)(?<!预计)成效"
                 r"|(?:当前|目前|实际|形象|累计|完成|工程|项目|推进)进度(?!安排|计划|要求)|进度情况|已完成"
                 r"|(?:累计|实际)完成|截至|(?<!计划)完成数|占.{0,6}比|之比|^占.{0,4}(?:计划|任务|目标)"  # 占全年计划: the share done
                 r"|(?:推进|落实|执行|实施|办理|工作)情况"  # 上半年推进情况: how the work went in a past period
                 r"|^\d{1,2}\s*[-—–~至]\s*\d{1,2}\s*月份?(?!.*(?:计划|目标|任务|安排))"),  # "1-9月份工作…": what was done
    ("note", r"下一?步(?:工作)?(?:措施|打算|举措)$"),  # what the unit will do next, undated: no schedule
    ("schedule", r"进度|计划|安排|举措|措施|步骤|节点|上半年|下半年|季度"),
    ("area", r"总体要求|类别|领域|分类|板块|类型"),
    ("amount", r"(?:数量|任务数|目标值)$"),
    ("task", r"任务|项目|内容|实事|目标|事项|名称|工作|指标|规模|预期|工程"),  # 建设规模, 预期成效: the work's figures
    ("amount", r"数量|任务数|目标值"),
    ("note", r"备注|说明"),
)

# Header names that mean the same column, as the corpus and the seeds print them (one set per meaning). The rules above
# read every one of them alike (tests/test_table_variants.py proves it, and that a table reads the same under each).
HEADER_SYNONYMS = (
    ("seq", ("序号", "编号")),
    ("task", ("项目名称", "实事名称", "实事项目", "项目内容", "实事内容", "工作任务", "主要任务", "事项名称", "民生实事",
              "重点工作")),
    ("lead", ("牵头单位", "牵头部门", "主责单位", "主办单位")),
    ("units", ("责任单位", "责任部门", "实施单位", "责任主体")),
    ("units", ("配合单位", "配合部门", "协同单位", "协办单位")),
    ("deadline", ("完成时限", "完成时间", "计划完成时间", "完成期限")),
)  # 时间节点 is no deadline's synonym: it is read as a schedule, its cell often names several dated steps


@dataclass(kw_only=True)
class Column:
    index: int
    header: str
    kind: str
    due: date | None = None  # a period column (第一季度) or a schedule column naming a period (下半年)
    label: str = ""
    partial: bool = False  # a schedule column that plans one month only (月度工作计划, 本月计划), not the whole task
    undated: bool = False  # next month's plan in a table whose title names no month: read without a date, and doubted


def column_kind(header: str, year: int) -> Column:
    text = re.sub(r"\s+", "", header)
    if not text:
        return Column(index=-1, header=header, kind="")
    if PERIOD_RE.fullmatch(text):
        try:
            return Column(index=-1, header=header, kind="period", due=period_end(text, year), label=text)
        except DateError:
            return Column(index=-1, header=header, kind="")
    if named := NAMED_MONTH_PLAN_RE.match(text):
        try:
            return Column(index=-1, header=header, kind="schedule", due=period_end(named[1], year), label=named[1],
                          partial=True)
        except DateError:
            return Column(index=-1, header=header, kind="")
    for kind, pattern in COLUMN_RULES:
        if re.search(pattern, text):
            column = Column(index=-1, header=header, kind=kind)
            if kind == "schedule" and (found := re.search(rf"{YEAR_LABEL}|{QUARTER_LABEL}", text)):
                column.due, column.label = period_end(found[0], year), found[0]
            column.partial = kind == "schedule" and MONTH_PLAN_RE.search(text) is not None
            return column
    return Column(index=-1, header=header, kind="")


def _header_columns(sheet: Sheet, at: int, year: int) -> list[Column] | None:
    """The columns of a header row: a task column beside a schedule, date or unit column; or, without one, a
    number, a title and a content column (序号 / 项目名称 / 具体内容) over rows that read as numbered tasks."""
    if len({cell for cell in sheet.rows[at].cells if cell.strip()}) < 2 and not _lone_unit_header(sheet.rows[at].cells, year):
        return None  # one text, alone or merged over the row: a title line, never a header
    columns = []
    for i, cell in enumerate(sheet.rows[at].cells):
        column = column_kind(cell, year) if len(cell) <= 24 else Column(index=-1, header=cell, kind="")
        column.index = i
        columns.append(column)
    _offices(columns)
    _leads_beside_helpers(columns)
    kinds = [c.kind for c in columns if c.kind]
    if "task" not in kinds and (len(set(kinds)) >= 2 or set(kinds) <= {"lead", "units"}) \
            and {"schedule", "period", "deadline", "lead", "units"} & set(kinds):
        _unnamed_task_column(sheet, at, columns, year)  # records whose item text has no label: an empty header cell
        if "task" not in (kinds := [c.kind for c in columns if c.kind]) and {"lead", "units"} & set(kinds):
            _task_column_by_content(sheet, at, columns)  # 主要工作举措 beside 牵头单位: a name the rules do not know
        kinds = [c.kind for c in columns if c.kind]
    place_task_column(columns, lambda column: _column_values(sheet, at, column))
    kinds = [c.kind for c in columns if c.kind]
    if "task" in kinds and {"schedule", "period", "deadline", "lead", "units", "measure"} & set(kinds) and len(kinds) >= 2:
        return columns
    if "task" in kinds and len(kinds) >= 2 and _items_below(sheet, at, columns):
        return columns  # no date, unit or schedule column: the task column is known by the items below it
    if "task" in kinds and _one_row_table(sheet, at, columns):
        return columns
    return None


def _lone_unit_header(cells: list[str], year: int) -> bool:
    """An empty cell over the items beside one unit column (""/牵头单位): a header of one name, not a title line, which
    is written in the first cell or merged over the row."""
    named = [(i, cell) for i, cell in enumerate(cells) if cell.strip()]
    return len(named) == 1 and named[0][0] > 0 and len(named[0][1]) <= 8 \
        and column_kind(named[0][1], year).kind in ("lead", "units")


def _leads_beside_helpers(columns: list[Column]) -> None:
    """牵头责任单位 (or 主要责任单位) names the lead and the other units in one cell, unless a column of its own names
    the units that help (配合实施单位, 协同配合单位): beside that one it names the leads only."""
    if any(c.kind == "lead" for c in columns) or not any(c.kind == "units" and HELPING_RE.search(c.header) for c in columns):
        return
    for column in columns:
        leading = re.search(r"牵头", column.header) or (re.search(r"主要|主责", column.header) and not HELPING_RE.search(column.header))
        if column.kind == "units" and leading:
            column.kind = "lead"


def _one_row_table(sheet: Sheet, at: int, columns: list[Column]) -> bool:
    """A table of one indicator (指标名称 / 全年任务目标(个) / 实际完成(个) / 完成进度) has no second row to tell its header
    by, so the header tells itself: three or more cells, each a known column name, one a target's with its unit in
    brackets; and the one row below (the table's only one, blank rows, a footnote and a 合计 row aside) names the task
    and gives that column its figure."""
    named = [c for c in columns if c.header.strip()]
    measured = [c for c in named if c.kind in ("task", "amount") and HEADER_UNIT_RE.match(re.sub(r"\s+", "", c.header))]
    rows = [r for r in data_rows(sheet, at) if any(r.cells)  # a blank row, a 注： or a 合计 row under it aside
            and not total_row(r.cells)]
    task = next((c for c in columns if c.kind == "task" and c not in measured), None)  # the name, wherever it stands
    if len(named) < 3 or any(not c.kind for c in named) or not measured or len(rows) != 1 or task is None:
        return False
    cells = rows[0].cells
    return (task.index < len(cells) and len(cells[task.index].strip()) >= 4
            and any(c.index < len(cells) and BARE_NUMBER_RE.match(cells[c.index].strip()) for c in measured))


def data_rows(sheet: Sheet, at: int) -> list[Row]:
    """The rows under the header row `at`, footnotes (备注：…, 注：…) and group headings merged over the row left out:
    what the columns are told by."""
    return [r for r in sheet.rows[at + 1:] if not note_line(r.cells) and not heading_row(r.cells)]


def _offices(columns: list[Column]) -> None:
    """A column of offices (责任科室, 配合处室) names the responsible units of a table that has no 单位 or 部门 column;
    beside one (牵头单位 / 负责科室) it names the lead unit's own section, no unit of the task, unless it names
    offices that work with the lead (配合科室, 协办处室)."""
    offices = [c for c in columns if c.kind == "office"]
    units = any(c.kind in ("lead", "units") and not re.search(r"科室|处室|股室|机构", c.header) for c in columns)
    for column in offices:
        column.kind = "units" if not units or HELPING_RE.search(column.header) else ""


def _unnamed_task_column(sheet: Sheet, at: int, columns: list[Column], year: int) -> None:
    """A column with an empty header cell whose cells below read as the items (long words, most rows filled) is the
    task column of a table printed as records ("1.新增安装300套…" under "", beside 责任单位 and 进度安排); not one whose
    name is in the row below (a text export writes 责任单位 merged over 牵头单位 | 配合单位 once, blank beside it)."""
    below = [r.cells for r in sheet.rows[at + 1:at + 8]]
    seq = next((c for c in columns if c.kind == "seq"), None)
    numbered = bool(below) and seq is not None and seq.index < len(below[0]) and bool(CODE_CELL_RE.match(below[0][seq.index]))
    # the row below names the columns: not an area heading merged over the row, nor a numbered item
    sub = below[0] if below and len({c for c in below[0] if c}) >= 2 and not numbered else []
    for column in columns:
        if column.kind or column.header.strip():
            continue
        if column.index < len(sub) and len(sub[column.index]) <= 16 and column_kind(sub[column.index], year).kind:
            continue
        texts = [cells[column.index] for cells in below if column.index < len(cells) and cells[column.index]]
        if len(texts) >= 2 and len(texts) * 2 >= len(below) and sum(len(t) for t in texts) >= 8 * len(texts):
            column.kind = "task"
            return


TASK_WORDS_RE = re.compile(r"工作|举措|措施|任务|项目|内容|事项|指标")


def _task_column_by_content(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """A header that names who is responsible (牵头单位) but its task column by a name the rules do not know, or know
    as a schedule (主要工作举措): a column whose header is unknown or speaks of the work, whose cells hold each row's
    longest words over rows read as items (numbered, or in most rows), is the task column; the longest such first."""
    below = [r.cells for r in sheet.rows[at + 1:at + 6]]

    def longest_in(column: Column) -> int:
        return sum(1 for cells in below if column.index < len(cells) and len(cells[column.index]) >= 6
                   and len(cells[column.index]) >= max(len(c) for c in cells[:len(columns)]))

    candidates = [c for c in columns if c.header.strip() and (c.kind == "" or c.kind == "schedule" and TASK_WORDS_RE.search(c.header))]
    for column in sorted(candidates, key=longest_in, reverse=True):
        if longest_in(column) * 2 <= len(below):
            return
        kind, column.kind = column.kind, "task"
        if _items_below(sheet, at, columns):
            return
        column.kind = kind


def _items_below(sheet: Sheet, at: int, columns: list[Column]) -> bool:
    """The rows under a header read as items: most of the next few have a number (in a 序号 column) and a title; or,
    without a 序号, the task column holds each row's longest words (序号 / 项目分类 / 实事内容 / 完成情况, 项目 / 内容).
    Group headings and rows of totals between them are neither."""
    seq = next((c for c in columns if c.kind == "seq"), None)
    task = next(c for c in columns if c.kind == "task")
    below = [r.cells for r in sheet.rows[at + 1:] if not heading_row(r.cells) and not total_row(r.cells)][:5]
    if seq is not None:
        items = sum(1 for cells in below if seq.index < len(cells) and seq_cell(cells[seq.index])
                    and task.index < len(cells) and cells[task.index].strip())
    else:
        items = sum(1 for cells in below if task.index < len(cells) and len(cells[task.index]) >= 6
                    and len(cells[task.index]) >= max(len(c) for i, c in enumerate(cells) if i < len(columns) and columns[i].kind
                                                      not in ("progress", "note")))
    return items >= 2 and items * 2 > len(below)


def _is_subheader(row: Row, columns: list[Column], year: int) -> bool:
    """The second header row of a two-row header: quarters under 进度安排, or merged copies."""
    found = False
    for i, cell in enumerate(row.cells):
        if not cell:
            continue
        if PERIOD_RE.fullmatch(re.sub(r"\s+", "", cell)):
            found = True
        elif i >= len(columns) or cell != columns[i].header:
            return False
    return found


def _period_subheader(sub: Row, columns: list[Column], year: int) -> bool:
    """Quarters or months under 进度安排: each one a period column, named by the group above it; under a progress
    group (进展情况, 完成情况) each one reports progress."""
    if not _is_subheader(sub, columns, year):
        return False
    last_top = ""
    for i in range(max(len(columns), len(sub.cells))):
        if i >= len(columns):
            columns.append(Column(index=i, header="", kind=""))
        top = columns[i].header or last_top
        last_top = top
        cell = sub.cells[i] if i < len(sub.cells) else ""
        if cell and cell != columns[i].header and PERIOD_RE.fullmatch(re.sub(r"\s+", "", cell)):
            label = re.sub(r"\s+", "", cell)
            if top and column_kind(top, year).kind == "progress":  # 进展情况 over 一季度 … 四季度: what each quarter did
                columns[i] = Column(index=i, header=f"{top}/{cell}", kind="progress")
                continue
            columns[i] = Column(index=i, header=f"{top}/{cell}" if top else cell, kind="period", due=period_end(label, year),
                                label=label)
    return True


def find_header(sheets: list[Sheet], year: int) -> tuple[Sheet, int, list[Column], list[str]]:
    """The header row (and a sub-header row of periods below it) of the first sheet that has one."""
    for sheet in sheets:
        for at, row in enumerate(sheet.rows):
            columns = _header_columns(sheet, at, year)
            if columns is None:
                continue
            if sheet.regroup is not None:  # knowing the width, a blank line inside a row no longer ends it
                regrouped = sheet.regroup(len(row.cells))
                same = [i for i, r in enumerate(regrouped.rows) if r.number == row.number and r.cells == row.cells]
                if same:
                    sheet, at = regrouped, same[0]
            header_rows = [row.cells]
            if at + 1 < len(sheet.rows) and (_period_subheader(sheet.rows[at + 1], columns, year)
                                              or _group_subheader(sheet, at, columns, year)):
                header_rows.append(sheet.rows[at + 1].cells)
                at += 1
            _columns_by_data(sheet, at, columns)
            _date_month_plans(sheet.titles_above(at + 1 - len(header_rows)), columns)
            return sheet, at, columns, [" ".join(r) for r in header_rows]
    names = ", ".join(str(s.path) for s in sheets[:1])
    raise InputError(
        "{path}: no header row found: expected a row naming a task column (工作任务, 实施内容, 实事项目, 项目内容 …) "
        "and a schedule, deadline or unit column (进度安排, 实施计划, 完成时限, 牵头单位, 责任单位 …)", path=names,
    )


def _date_month_plans(titles: list[str], columns: list[Column]) -> None:
    """A 下月计划 column plans the month after the report's, a 本月计划 column the report's month, which only the title
    above the table names: their cells are checkpoints at that month's end (a December report's next month is January
    of the next year). With no month in the title they stay undated, and each cell of next month's plan is a doubt:
    never a guessed month."""
    plans = [(c, 1 if NEXT_MONTH_RE.search(header) else 0) for c in columns if c.kind == "schedule" and c.due is None
             and (NEXT_MONTH_RE.search(header := re.sub(r"\s+", "", c.header)) or THIS_MONTH_RE.search(header))]
    if not plans:
        return
    month = report_month(titles)
    for column, ahead in plans:
        if month is None:
            column.undated = bool(ahead)
            continue
        planned = date(month.year + (month.month - 1 + ahead) // 12, (month.month - 1 + ahead) % 12 + 1, 1)
        after = date(planned.year + planned.month // 12, planned.month % 12 + 1, 1)
        column.due, column.label, column.partial = after - timedelta(days=1), f"{planned.month}月", True


REPORTED_SUB_RE = re.compile(r"^(?:完成|已|累计|实际)")
PROGRAMME_YEAR_RE = re.compile(r"(\d{4})\s*年")


def _groups(columns: list[Column]) -> list[str]:
    """Each column's group: a header cell merged over several columns (2022年工作计划 over 投资 / 工程主要形象进度),
    read as its value in each cell it covers, or in the first one with the others blank (a .csv); "" for none."""
    tops, last = [], ""
    for column in columns:
        last = column.header or last
        tops.append(last)
    return [top if top and tops.count(top) >= 2 and (c.header == top or not c.header) else "" for top, c in zip(tops, columns, strict=True)]


def _group_subheader(sheet: Sheet, at: int, columns: list[Column], year: int) -> bool:
    """A second header row of sub-columns under group names: each column is read by its own sub-header, the group
    only as a context. A reported sub-column (完成投资, 已完成) is progress; under a plan group (2022年工作计划) a
    sub-column of figures is the year's planned figure (a target of its own, named by both headers) and one of
    words, even 形象进度, the plan's checkpoint at the group's period (the programme year's end)."""
    sub = sheet.rows[at + 1].cells
    groups = _groups(columns)
    # the item column's header merged down over both rows (项目名称 beside 项目类别 over five): longer names are header
    longest = 24 if any(c.kind == "task" and c.index < len(sub) and sub[c.index] == c.header for c in columns) else 16
    own = []
    for i, cell in enumerate(sub):
        if not cell or (i < len(columns) and cell == columns[i].header):
            continue  # empty, or a header cell merged down over both rows
        if i >= len(columns) or not groups[i] or len(cell) > longest or BARE_NUMBER_RE.match(cell):
            return False
        own.append(i)
    # a sub-column named as its group (责任单位 over 牵头单位 | 责任单位) is its own too, beside one named otherwise
    own += [i for i, cell in enumerate(sub) if cell and i < len(columns) and groups[i] and cell == columns[i].header
            and any(groups[j] == groups[i] for j in own)]
    if len(own) < 2:
        return False
    for i in sorted(own):
        group, cell = groups[i], re.sub(r"\s+", "", sub[i])
        column = column_kind(cell, year)
        column.index, column.header = i, f"{group}/{cell}"
        planned = column_kind(group, year).kind == "schedule"
        if REPORTED_SUB_RE.match(cell):
            column.kind = "progress"
        elif planned and column.kind in ("", "progress", "schedule"):
            values = _column_values(sheet, at + 1, column)
            if values and sum(bool(BARE_NUMBER_RE.match(v)) for v in values) * 2 > len(values):
                column.kind, column.label, column.header = "measured", "", f"{group}{cell}"
            else:
                column.kind = "schedule"
                named = PROGRAMME_YEAR_RE.search(group)
                if column.due is None and named and int(named[1]) == year:
                    column.due, column.label = date(year, 12, 31), named[0]
        columns[i] = column
    _leads_beside_helpers(columns)  # 责任单位 over 主要责任单位 | 协同配合单位: read by the sub-columns' own names
    return True




UNIT_NAME_RE = re.compile(r"(?:局|委|办|府|院|司|部|会|厅|中心|集团|街道|镇|乡|公司|社区)$")
BARE_NUMBER_RE = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?\s*(?:万|亿)?$")


def _column_values(sheet: Sheet, at: int, column: Column) -> list[str]:
    """The column's filled cells below the header, a footnote merged over the table's width left out."""
    return [r.cells[column.index] for r in data_rows(sheet, at) if column.index < len(r.cells) and r.cells[column.index]]


def _number_columns(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """Columns of bare numbers: the first under a target-like header (目标任务, 年度目标, 数量) holds the targets,
    the others (进度, 完成目标(%)) report progress. A 单位 column of short words that name no office is the unit
    of measure (个, 所, 公里) of those targets; else 单位 is the responsible units."""
    measure = next((c for c in columns if c.kind == "measure"), None)
    if measure is not None:
        values = _column_values(sheet, at, measure)
        if not values or any(len(v) > 5 or UNIT_NAME_RE.search(v) for v in values):
            measure.kind, measure = "units", None
    numeric = []
    for column in columns:
        values = _column_values(sheet, at, column) if column.kind in ("task", "amount", "", "schedule", "content") else []
        if values and sum(bool(BARE_NUMBER_RE.match(v)) for v in values) * 2 > len(values):
            numeric.append(column)
    stated = total_units(sheet, at, [c.index for c in numeric if not HEADER_UNIT_RE.match(re.sub(r"\s+", "", c.header))])
    numeric = [c for c in numeric if not _measured(c, numeric, stated.get(c.index, ""))]
    money = _money_columns(sheet, at, columns, numeric)
    numeric = [c for c in numeric if c not in money]
    targets = [c for c in numeric if c.kind in ("task", "amount")]
    for column in numeric:
        column.kind = "amount" if targets and column is targets[0] else "progress"
    if measure is not None and not targets:
        measure.kind = ""
    for column in columns:  # "区民生实事项目数量" over words ("区政府民生实事项目(1个)"): no targets
        if column.kind == "amount" and column not in numeric:
            column.kind = ""


HEADER_UNIT_RE = re.compile(r"^(?P<name>.+?)[（(](?P<unit>[^()（）\d]{1,4})[)）]$")
REPORTED_RE = re.compile(r"完成|进度|已|实际|占|比")


def _measured(column: Column, numeric: list[Column], stated: str = "") -> bool:
    """A column of numbers whose header names their unit ("年度投资金额 (万元)"), or whose total the text above prints
    with one (`stated`: 计划完成数, the plan's figure), is a target of its own, named by the header; a multi-year total
    (总投资) only when no column counts the year (当年投资). Progress is not."""
    header = re.sub(r"\s+", "", column.header)
    planned = bool(stated) and re.match(r"(?:计划|目标|任务)(?!.*率)", header) is not None  # not 累计开工数, 计划完成率
    m = HEADER_UNIT_RE.match(header) or ({"name": header, "unit": stated} if planned else None)
    if not m or REPORTED_RE.search(m["name"]) and not planned:
        return False
    yearly = [c for c in numeric if (n := HEADER_UNIT_RE.match(re.sub(r"\s+", "", c.header))) and re.search(r"年", n["name"])]
    column.kind = "measured" if not yearly or column in yearly else "note"
    column.label = m["unit"] if column.kind == "measured" else ""
    column.header = m["name"] if column.kind == "measured" else column.header
    return True


MONEY_CELL_RE = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?\s*(?:万|亿)?元$")
MONEY_HEADER_RE = re.compile(r"投资|资金|预算|金额")


def _money_columns(sheet: Sheet, at: int, columns: list[Column], numeric: list[Column]) -> list[Column]:
    """A column of sums under 计划投资, 年度投资 or 资金, in their unit ("3000万元") or bare under a "单位：万元" printed
    above the table: a target of its own, named by the header; a total (总投资) only when no other such column counts
    the year or the plan. Returns those columns."""
    declared = declared_unit(sheet, at)
    money = []
    for column in columns:
        header = re.sub(r"\s+", "", column.header)
        if column.kind not in ("", "schedule", "amount", "task") or not MONEY_HEADER_RE.search(header) or REPORTED_RE.search(header):
            continue
        values = _column_values(sheet, at, column)
        priced = sum(bool(MONEY_CELL_RE.match(v)) or (bool(declared) and column in numeric) for v in values)
        if values and priced * 2 > len(values):
            money.append(column)
    yearly = [c for c in money if re.search(r"年|计划", c.header)]
    for column in money:
        if yearly and column not in yearly:
            column.kind = "note"
        else:
            column.kind, column.header = "measured", re.sub(r"\s+", "", column.header)
            column.label = declared if column in numeric else ""
    return money


def _group_columns(sheet: Sheet, at: int, tasks: list[Column], seq: Column) -> list[Column]:
    """Task-like columns whose value stays the same across rows with different 序号 (工程名称, a merged 项目内容
    over several items) name a group of tasks, not a task; a merged 项目名称 over one item's sub-rows does not. In a
    short table, a column of words without figures left of the items, the same over as many rows as not, is one."""
    groups = []
    for column in tasks:
        same = changes = 0
        previous = None
        values = _column_values(sheet, at, column)
        inner = next((c for c in tasks if c.index > column.index), None)
        themes = inner is not None and not any(re.search(r"\d", v) for v in values)
        over = blank = 0  # rows where the value stays (or is left blank) and the items' words beside it change
        for row in data_rows(sheet, at):
            code = row.cells[seq.index] if seq.index < len(row.cells) else ""
            value = row.cells[column.index] if column.index < len(row.cells) else ""
            words = row.cells[inner.index] if inner is not None and inner.index < len(row.cells) else ""
            if code and not value and words and previous is not None and code != previous[0]:
                blank += 1  # written once over its items, blank below (a sheet export): the theme goes on
                over += words != previous[2]
                previous = (code, previous[1], words)
            elif code and value:
                if previous is not None and code != previous[0]:
                    changes += 1
                    same += value == previous[1]
                    over += value == previous[1] and words != previous[2]
                previous = (code, value, words)
        if (changes >= 3 and same * 2 > changes) or (themes and over and over * 2 >= changes + blank):
            groups.append(column)
    return groups


NUMBERED_TEXT_RE = re.compile(r"^\s*(?:\d+|[一二三四五六七八九十]+)\s*[.．、]")


def _theme_columns(sheet: Sheet, at: int, tasks: list[Column]) -> list[Column]:
    """No 序号: a task-like column whose value stays the same (or blank, written once) down rows where the next task
    column's words change is a theme over those tasks (实事内容 "养老助残" over two 工作任务); a merged 项目名称 that
    numbers its item ("1.城市提升项目") is one task's registration form instead."""
    themes = []
    for column, inner in zip(tasks, tasks[1:], strict=False):
        same = changes = 0
        previous = None
        for row in data_rows(sheet, at):
            value = row.cells[column.index] if column.index < len(row.cells) else ""
            words = row.cells[inner.index] if inner.index < len(row.cells) else ""
            if NUMBERED_TEXT_RE.match(value):
                return []
            if not words:
                continue
            if previous is not None and words != previous[1]:
                changes += 1
                same += not value or value == previous[0]
            previous = (value or (previous[0] if previous else ""), words)
        if changes >= 1 and same * 2 >= changes and same >= 1:
            themes.append(column)
    return themes


def _columns_by_data(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """What the cells say of the columns their headers leave open: numbers, offices, groups, areas and titles."""
    _offices(columns)  # a sub-header's own
    for left, column in zip(columns, columns[1:], strict=False):  # "考核指标" merged over two columns, the second unnamed
        if not column.header.strip() and not column.kind and left.kind == "task" and _column_values(sheet, at, column):
            column.kind, column.header = "task", left.header
    _number_columns(sheet, at, columns)  # a 目标任务(个) column of bare figures is a target: is a place column the task's?
    place_task_column(columns, lambda column: _column_values(sheet, at, column))
    if not any(c.kind in ("lead", "units") for c in columns):  # a 备注 column that names offices names the units
        for column in (c for c in columns if c.kind == "note"):
            values = _column_values(sheet, at, column)
            if values and sum(bool(UNIT_NAME_RE.search(v)) for v in values) * 2 > len(values):
                column.kind = "units"
                break
    tasks = [c for c in columns if c.kind == "task"]
    if len(tasks) >= 2:
        _task_columns(sheet, at, columns, tasks)


def _spanned_columns(sheet: Sheet, at: int, tasks: list[Column]) -> list[Column]:
    """No 序号, and one header cell over several task columns (项目 over area / project / indicator): those columns,
    when the last one changes from each row to the next and the first stays the same (merged down, or blank below in a
    text export) over some of those rows; else none."""
    run: list[Column] = []
    for column in tasks:
        if run and column.index == run[-1].index + 1 and column.header == run[-1].header:
            run.append(column)
        elif len(run) >= 2:
            break
        else:
            run = [column]
    if len(run) < 2:
        return []
    rows = [[r.cells[c.index] if c.index < len(r.cells) else "" for c in run] for r in data_rows(sheet, at)]
    rows = [r for r in rows if r[-1]]
    pairs = list(zip(rows, rows[1:], strict=False))
    merged = sum(1 for above, row in pairs if not row[0] or row[0] == above[0])
    changing = all(row[-1] != above[-1] for above, row in pairs)
    return run if pairs and changing and merged else []


def _task_columns(sheet: Sheet, at: int, columns: list[Column], tasks: list[Column]) -> None:
    """Several task-like columns: group columns (or a first one whose cells read "一、…") are the area, the first
    other one is the title, the rest content."""
    seq = next((c for c in columns if c.kind == "seq"), None)
    if seq is None and (span := _spanned_columns(sheet, at, tasks)):
        *left, title = span  # the indicator under 项目 is the task, the merged ones left of it its area and project
        if not any(c.kind == "area" for c in columns):
            left[0].kind, left = "area", left[1:]
        for column in [*left, *(c for c in tasks if c.index > title.index)]:
            column.kind = "content"
        return
    groups = _group_columns(sheet, at, tasks, seq) if seq is not None else _theme_columns(sheet, at, tasks)
    if groups and len(groups) < len(tasks):
        if not any(c.kind == "area" for c in columns):
            groups[0].kind = "area"
        for column in groups[1:] if groups[0].kind == "area" else groups:
            column.kind = "content"
        tasks = [c for c in tasks if c not in groups]
    else:
        values = _column_values(sheet, at, tasks[0])
        if values and sum(bool(AREA_RE.match(v)) for v in values) * 2 > len(values):
            tasks[0].kind = "area"
            tasks = tasks[1:]
    for column in tasks[1:]:
        column.kind = "content"
