"""Finding the header row of a published table and what each column means."""

from __future__ import annotations

import re
from datetime import date, timedelta

from mstrack.errors import InputError, NoLayoutError
from mstrack.sources.encodings import chinese_lost
from mstrack.sources.rows import total_row
from mstrack.sources.table.cells import CODE_CELL_RE, TEAM_CODE_RE, heading_row, note_line, place_task_column, seq_cell
from mstrack.sources.table.column_roles import columns_by_data
from mstrack.sources.table.columns import (
    BARE_NUMBER_RE,
    HEADER_UNIT_RE,
    Column,
    areas_as_tasks,
    column_kind,
    column_values,
    data_rows,
    leads_beside_helpers,
    office_columns,
    squeezed,
    year_columns,
)
from mstrack.sources.table.label_tree import label_tree
from mstrack.sources.table.list_results import results_said
from mstrack.sources.table.numbered_columns import contact_or_duty, one_numbered_item
from mstrack.sources.table.plan_title import plan_list
from mstrack.sources.table.reading import Sheet
from mstrack.sources.table.schedule import parse_deadline, report_month
from mstrack.sources.table.subheader import group_subheader, period_subheader
from mstrack.sources.table.units import office_list

NUMBERED_NAME_RE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|\d{1,3}[、.．])\s*[^，,。；;：:\s]{2,30}$")  # "一、…项目"
NEXT_MONTH_RE = re.compile(r"下月|次月|下一?步(?:工作)?计划")  # next month's plan: due at the end of the month after the report's
THIS_MONTH_RE = re.compile(r"本月|当月|月度")  # this month's plan (月度目标): due at the end of the report's month


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
    office_columns(columns)
    leads_beside_helpers(columns)
    areas_as_tasks(columns)
    year_columns(columns, year)
    _date_column(sheet, at, columns, year)
    if label_tree(columns):
        return columns
    kinds = [c.kind for c in columns if c.kind]
    if "task" not in kinds and (len(set(kinds)) >= 2 or set(kinds) <= {"lead", "units"}) \
            and {"schedule", "period", "deadline", "lead", "units"} & set(kinds):
        _unnamed_task_column(sheet, at, columns, year)  # records whose item text has no label: an empty header cell
        one_numbered_item(sheet, at, columns)  # ""/责任单位 over a single item "1、…"
        if "task" not in (kinds := [c.kind for c in columns if c.kind]) and {"lead", "units"} & set(kinds):
            _task_column_by_content(sheet, at, columns)  # 主要工作举措 beside 牵头单位: a name the rules do not know
        kinds = [c.kind for c in columns if c.kind]
    place_task_column(columns, lambda column: column_values(sheet, at, column))
    kinds = [c.kind for c in columns if c.kind]
    if "task" in kinds and {"schedule", "period", "deadline", "lead", "units", "measure"} & set(kinds) and len(kinds) >= 2:
        return columns
    if "task" in kinds and (len(kinds) >= 2 or any(c.leads for c in columns)) and _items_below(sheet, at, columns):
        return columns  # no date, unit or schedule column: the task column is known by the items below it
    if "task" in kinds and (_one_row_table(sheet, at, columns) or _one_numbered_project(sheet, at, columns)):
        return columns
    return None


TIME_HEADER_RE = re.compile(r"(?:时间|日期)$")  # 受检时间, 督导日期: when the row's work falls, by a word no rule names
DATE_CELL_MAX = 12  # "5月10日上午", "2024年6月30日": a date, no sentence that names one


def _date_column(sheet: Sheet, at: int, columns: list[Column], year: int) -> None:
    """A schedule of visits (受检时间 / 受检单位): a column named by a time word the rules give no kind, whose cells
    below are each a day or a month ("5月4日上午", "6月30日"), is the rows' dates, each row due on its day (the
    deadline column), unless the table has a deadline column already. Cells of other words ("全年", "持续推进") leave
    it unnamed; a row of totals and the header printed again at a page break are no row's date."""
    named = [c for c in columns if not c.kind and TIME_HEADER_RE.search(squeezed(c))]
    if not named or any(c.kind == "deadline" for c in columns):
        return  # most header rows tried name no such column: their rows are not read
    rows = [r.cells for r in data_rows(sheet, at) if not total_row(r.cells)]
    for column in named:
        values = [v for cells in rows if column.index < len(cells) and (v := cells[column.index].strip())
                  and v != column.header.strip()]
        if len(values) >= 2 and all(len(v) <= DATE_CELL_MAX and parse_deadline(v, year) for v in values):
            column.kind = "deadline"
            return


def _one_numbered_project(sheet: Sheet, at: int, columns: list[Column]) -> bool:
    """A header of part labels only (""/目标任务/目前进度) over its one row, whose cell under the empty header is a
    numbered project's name ("一、中小学校安全建设项目"): the number says it is an item, as two rows would say by
    themselves (_items_below); the task column gives its words, a progress column its reported progress. Unnumbered
    words under the labels are no item."""
    named = [c for c in columns if c.header.strip()]
    rows = [r.cells for r in data_rows(sheet, at) if any(c.strip() for c in r.cells) and not total_row(r.cells)]
    task = next(c for c in columns if c.kind == "task")
    if len(rows) != 1 or any(not c.kind for c in named) or not any(c.kind == "progress" for c in named):
        return False
    cells = rows[0]
    name = next((cells[c.index].strip() for c in columns if not c.header.strip() and c.index < min(task.index, len(cells))
                 and cells[c.index].strip()), "")
    return bool(NUMBERED_NAME_RE.match(name)) and task.index < len(cells) and len(cells[task.index].strip()) >= 6


def _lone_unit_header(cells: list[str], year: int) -> bool:
    """An empty cell over the items beside one unit column (""/牵头单位): a header of one name, not a title line, which
    is written in the first cell or merged over the row. A label and its value ("单位:万元", the unit of the table's money
    in its top right corner) is a line above the table, no header."""
    named = [(i, cell) for i, cell in enumerate(cells) if cell.strip()]
    return len(named) == 1 and named[0][0] > 0 and len(named[0][1]) <= 8 and not re.search(r"[:：]", named[0][1]) \
        and column_kind(named[0][1], year).kind in ("lead", "units")


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


NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,12}")  # a work group's short name ("项目推进"): words, no figure, no stop


def _unnamed_task_column(sheet: Sheet, at: int, columns: list[Column], year: int) -> None:
    """A column with an empty header cell whose cells below read as the items (long words, most rows filled) is the
    task column of a table printed as records ("1.新增安装300套…" under "", beside 责任单位 and 进度安排); not one whose
    name is in the row below (a text export writes 责任单位 merged over 牵头单位 | 配合单位 once, blank beside it), nor one
    of contacts or duties ("1、联系人：…电话：…", "1、负责…统筹协调"). Right after 序号, short names are items too
    ("项目推进" down its rows, the month's goals beside it in a schedule column): the header, not the length, says so."""
    below = [r.cells for r in sheet.rows[at + 1:at + 8]]
    seq = next((c for c in columns if c.kind == "seq"), None)
    numbered = bool(below) and seq is not None and seq.index < len(below[0]) \
        and bool(CODE_CELL_RE.match(below[0][seq.index]) or TEAM_CODE_RE.match(below[0][seq.index]))  # "1", "第一小组"
    # the row below names the columns: not an area heading merged over the row, nor a numbered item
    sub = below[0] if below and len({c for c in below[0] if c}) >= 2 and not numbered else []
    for column in columns:
        if column.kind or column.header.strip():
            continue
        if column.index < len(sub) and len(sub[column.index]) <= 16 and column_kind(sub[column.index], year).kind:
            continue
        texts = [cells[column.index] for cells in below if column.index < len(cells) and cells[column.index]]
        named = seq is not None and column.index == seq.index + 1 and all(NAME_RE.fullmatch(t) and not office_list(t) for t in texts)
        if len(texts) >= 2 and len(texts) * 2 >= len(below) and (sum(len(t) for t in texts) >= 8 * len(texts) or named) \
                and sum(map(contact_or_duty, texts)) * 2 <= len(texts):  # who to call, who does what: no items
            column.kind = "task"
            return


TASK_WORDS_RE = re.compile(r"工作|举措|措施|任务|项目|内容|事项|指标")


DUTY_HEADER_RE = re.compile(r"职责")  # 主要职责分工, 工作职责: a department's duties


def _duties_beside_offices(column: Column, columns: list[Column]) -> bool:
    """A units column named for duties (主要职责分工: 分工 reads as who shares the work) beside another column of units
    (部门): the departments are that one, and this one holds their duties, the work, when its cells are the rows'
    longest words (_task_column_by_content). A header broken over two lines ("主要职\n责分工") names them still."""
    return column.kind == "units" and DUTY_HEADER_RE.search(re.sub(r"\s+", "", column.header)) is not None \
        and any(c.kind in ("lead", "units") and c is not column for c in columns)


def _task_column_by_content(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """A header that names who is responsible (牵头单位) but its task column by a name the rules do not know, or know
    as a schedule (主要工作举措): a column whose header is unknown or speaks of the work, whose cells hold each row's
    longest words over rows read as items (numbered, or in most rows), is the task column; the longest such first. So is
    a column of duties beside the departments' (_duties_beside_offices)."""
    below = [r.cells for r in sheet.rows[at + 1:at + 6]]

    def longest_in(column: Column) -> int:
        return sum(1 for cells in below if column.index < len(cells) and len(cells[column.index]) >= 6
                   and len(cells[column.index]) >= max(len(c) for c in cells[:len(columns)]))

    candidates = [c for c in columns if c.header.strip() and (c.kind == "" or c.kind == "schedule" and TASK_WORDS_RE.search(c.header)
                                                            or _duties_beside_offices(c, columns))]
    for column in sorted(candidates, key=longest_in, reverse=True):
        if longest_in(column) * 2 <= len(below):
            return
        kind, column.kind = column.kind, "task"
        if _items_below(sheet, at, columns):
            return
        column.kind = kind


def _items_below(sheet: Sheet, at: int, columns: list[Column]) -> bool:
    """The rows under a header read as items: most of the next few have a number (in a 序号 column) and a title; or,
    without a 序号, the task column holds each row's longest words (序号 / 项目分类 / 实事内容 / 完成情况, 项目 / 内容),
    progress, notes and people or contacts ("联系人及电话": "李明 0731-88886666") aside; or, under a 单位 column read as
    the rows' names (单位 / 新增床位数(张)), a name and a figure beside it. Group headings and rows of totals between them
    are neither, nor are the footnotes under the table ("备注：…", "注：…")."""
    seq = next((c for c in columns if c.kind == "seq"), None)
    task = next(c for c in columns if c.kind == "task")
    below = [r.cells for r in sheet.rows[at + 1:] if not heading_row(r.cells) and not total_row(r.cells)
             and not note_line(r.cells)][:5]  # "备注：…" under a roster of two rows: no row the items are counted against
    if seq is not None:
        items = sum(1 for cells in below if seq.index < len(cells) and seq_cell(cells[seq.index])
                    and task.index < len(cells) and cells[task.index].strip())
    elif task.leads or task.named_rows:  # a 单位 column over places or offices, a 行业 or 片区 column (place_task_column):
        # a unit's or a trade's name and its figures a row
        items = sum(1 for cells in below if task.index < len(cells) and cells[task.index].strip()
                    and any(BARE_NUMBER_RE.match(c.strip()) for i, c in enumerate(cells) if i != task.index))
    else:
        items = sum(1 for cells in below if task.index < len(cells) and len(cells[task.index]) >= 6
                    and len(cells[task.index]) >= max(len(c) for i, c in enumerate(cells) if i < len(columns) and columns[i].kind
                                                      not in ("progress", "note", "leader")))
    return items >= 2 and items * 2 > len(below)


BLANK_RE = re.compile(r"[（(]\s*[）)]")  # "（）场": a blank to fill in, a report's form, no figure of a plan
BLANK_FORM_END_RE = re.compile(r"^\s*附件\s*\d*\s*[：:]?\s*$")  # "附件2": the next annex, right under a form's header


def _blank_form(sheet: Sheet, at: int) -> bool:
    """Whether the header row at `at` is a blank form's, an annex to fill in ("序号 | 隐患问题 | … | 整改时限" and no
    row under it): the next annex's line ("附件2") right under it; or rows each leaving blanks to fill in
    beside its first cell ("内容要求 | 进展情况" over "…专栏专题。 | 开展学习宣传培训（）场，参与（）人次"). Its header
    names no task, so the document's text is read instead (a list of tasks, or a best effort), the form said."""
    if at + 1 == len(sheet.rows):
        return False  # a header over nothing at all: refused as such ("a header but no task rows below it")
    below = [cell for cell in sheet.rows[at + 1].cells if str(cell).strip()]
    if len(below) == 1 and BLANK_FORM_END_RE.match(str(below[0])) is not None:
        return True
    rows = [row.cells for row in sheet.rows[at + 1:]]
    rows = rows[:next((k for k, cells in enumerate(rows) if len(cells) != len(sheet.rows[at].cells)), len(rows))]
    return bool(rows) and all(any(BLANK_RE.search(str(cell)) for cell in cells[1:]) for cells in rows)  # "开展…培训（）场，参与（）人"


def find_header(sheets: list[Sheet], year: int) -> tuple[Sheet, int, list[Column], list[str]]:
    """The header row (and a sub-header row of periods below it) of the first sheet that has one. A sheet that
    describes one project field by field down its rows is none (refused when no other sheet has a header)."""
    records = []
    for sheet in sheets:
        if labels := _field_record(sheet, year):
            records.append((sheet, labels))
            continue
        for at, row in enumerate(sheet.rows):
            columns = _header_columns(sheet, at, year)
            if columns is None:
                continue
            if _blank_form(sheet, at):
                sheet.forms = sorted({*sheet.forms, row.number})  # no task table: the text read instead, the form said
                continue
            if sheet.regroup is not None:  # knowing the width, a blank line inside a row no longer ends it
                regrouped = sheet.regroup(len(row.cells))
                same = [i for i, r in enumerate(regrouped.rows) if r.number == row.number and r.cells == row.cells]
                if same:
                    sheet, at = regrouped, same[0]
            header_rows = [row.cells]
            if at + 1 < len(sheet.rows) and (period_subheader(sheet.rows[at + 1], columns, year)
                                              or group_subheader(sheet, at, columns, year)):
                header_rows.append(sheet.rows[at + 1].cells)
                at += 1
            columns_by_data(sheet, at, columns)
            _date_month_plans(sheet.titles_above(at + 1 - len(header_rows)), columns)
            return sheet, at, columns, [" ".join(r) for r in header_rows]
    reported: list = []
    if listed := plan_list([sheet for sheet in sheets if all(sheet is not r for r, _ in records)], year, reported):
        return listed
    if records:
        raise InputError("{path}: one project described field by field down the rows ({labels} …), not a list of tasks: "
                         "nothing to read as a programme", path=records[0][0].path, labels="、".join(records[0][1][:4]))
    names = ", ".join(str(s.path) for s in sheets[:1])
    if reported:  # a report of results: said so, with what to do instead
        raise InputError("{path}: no header row found: it reads as a report of results ({words} in “{line}”); `import table` "
                         "reads a programme's plan (任务分解表, 实施方案): enter results with `import progress` or `log`",
                         path=names, **results_said(reported))
    for sheet in sheets:  # an English Excel's CSV of a Chinese plan: every character a "?", said so, never read as a best effort
        if (lost := chinese_lost(sheet.path, (row.cells for row in sheet.rows[:LOST_ROWS]))) is not None:
            raise lost
    raise NoLayoutError(
        "{path}: no header row found: expected a row naming a task column (工作任务, 实施内容, 实事项目, 项目内容 …) "
        "and a schedule, deadline or unit column (进度安排, 实施计划, 完成时限, 牵头单位, 责任单位 …)", path=names,
    )


LOST_ROWS = 10
"""The top rows of a sheet looked at for a header whose Chinese was lost (encodings.chinese_lost)."""


def _field_record(sheet: Sheet, year: int) -> list[str]:
    """The labels down the first column of a sheet that describes one project field by field ("项目名称 | 城东幼儿园",
    "建设单位 | 县教育局", "完成时间 | 2024年12月"): most rows a short label and its value, the first the project's
    name, four or more of them names of a table's columns of three kinds or more, each once. [] for any other sheet."""
    rows = [filled for row in sheet.rows if (filled := [c.strip() for c in row.cells if c.strip()])]
    pairs = [filled for filled in rows if len(filled) == 2 and len(filled[0]) <= 8]
    labels = [label.rstrip("：:") for label, _ in pairs]
    kinds = [column_kind(label, year).kind for label in labels]
    known = [kind for kind in kinds if kind]
    if not pairs or kinds[0] != "task" or len(known) < 4 or len(set(known)) < 3 or len(set(labels)) < len(labels):
        return []  # projects' names ("…工程 | 内容") are of one kind: a record's fields are of several
    return labels if 2 * len(pairs) > len(rows) and 2 * len(known) > len(pairs) else []


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


def holds_header(sheet: Sheet, year: int, rows: int = 30) -> bool:
    """Whether one of the sheet's first rows is a table's header row, as find_header knows one: a workbook's other
    sheet that holds a table of its own is said (workbook_checks.other_tables)."""
    return any(_header_columns(sheet, at, year) is not None for at in range(min(rows, len(sheet.rows))))
