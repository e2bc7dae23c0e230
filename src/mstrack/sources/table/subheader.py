"""A header's second row: periods under 进度安排, or sub-columns under a group name merged over them."""

from __future__ import annotations

import re
from datetime import date

from mstrack.domain.dates import PERIOD_RE, period_end
from mstrack.sources.rows import TOTAL_CELL_RE
from mstrack.sources.table.columns import BARE_NUMBER_RE, HEADER_UNIT_RE, Column, column_kind, column_values, leads_beside_helpers
from mstrack.sources.table.reading import Row, Sheet


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


def period_subheader(sub: Row, columns: list[Column], year: int) -> bool:
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


def _parts_of_total(sheet: Sheet, at: int, columns: list[Column], groups: list[str]) -> None:
    """Figures under one plan group beside a sub-column 合计 (合计 | 中央财政 | 自治区本级财政 | 市县财政): the total is the
    year's figure, the others the parts it sums (where the money comes from), no targets of their own."""
    sub = [*sheet.rows[at + 1].cells, *[""] * len(columns)]
    totals = {groups[i] for i, c in enumerate(columns) if c.kind == "measured" and groups[i] and TOTAL_CELL_RE.match(sub[i])}
    for i, column in enumerate(columns):
        if column.kind == "measured" and groups[i] in totals and not TOTAL_CELL_RE.match(sub[i]):
            column.kind, column.label = "note", ""


YEAR_AIMS_RE = re.compile(r"^(\d{4})年度?(?:工作)?(?:目标|任务)")


def _year_aims(group: str, year: int) -> bool:
    """A group naming the programme's year's aims ("2016年工作目标" over 计划投资 | 进度): a plan group, as 工作计划."""
    m = YEAR_AIMS_RE.match(re.sub(r"\s+", "", group))
    return m is not None and int(m[1]) == year


def group_subheader(sheet: Sheet, at: int, columns: list[Column], year: int) -> bool:
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
        planned = column_kind(group, year).kind == "schedule" or _year_aims(group, year)
        if REPORTED_SUB_RE.match(cell):
            column.kind = "progress"
        elif planned and column.kind in ("", "progress", "schedule"):
            named = {re.sub(r"\s+", "", group), cell}  # the header printed again at a page break: no value of the column
            values = [v for v in column_values(sheet, at + 1, column) if re.sub(r"\s+", "", v) not in named]
            if values and sum(bool(BARE_NUMBER_RE.match(v)) for v in values) * 2 > len(values):
                unit = HEADER_UNIT_RE.match(re.sub(r"\s+", "", group))  # "2019年计划筹措资金(万元)" over 合计 | 中央财政
                own = None if unit else HEADER_UNIT_RE.match(cell)  # 2016年工作目标 over 计划投资（亿元）
                name = unit["name"] if unit else group
                label = unit["unit"] if unit else own["unit"] if own else ""
                column.kind, column.label, column.header = "measured", label, f"{name}{own['name'] if own else cell}"
            else:
                column.kind = "schedule"
                named = PROGRAMME_YEAR_RE.search(group)
                if column.due is None and named and int(named[1]) == year:
                    column.due, column.label = date(year, 12, 31), named[0]
        columns[i] = column
    _parts_of_total(sheet, at, columns, groups)
    leads_beside_helpers(columns)  # 责任单位 over 主要责任单位 | 协同配合单位: read by the sub-columns' own names
    _managing_leads(columns, groups)
    return True


def _managing_leads(columns: list[Column], groups: list[str]) -> None:
    """Units columns under groups of their own, no role word in any (分级管理单位 | 项目业主, each over 单位名称 and a
    person): the first group's unit manages the work and leads, every unit its cell names (two lines, two leads); the
    others' units are the other units."""
    units = [c for c in columns if c.kind == "units"]
    named = {groups[c.index] for c in units if c.index < len(groups) and groups[c.index]}
    if any(c.kind == "lead" for c in columns) or len(units) < 2 or len(named) != len(units):
        return
    if not any(_names_a_role(c.header) for c in units):
        units[0].kind = "lead"


def _names_a_role(header: str) -> bool:
    """A units column's name that says its role (牵头, 配合, 协办 …): no column the groups alone tell apart."""
    return re.search(r"牵头|主责|主要|配合|协|参与|责任单位", re.sub(r"\s+", "", header)) is not None
