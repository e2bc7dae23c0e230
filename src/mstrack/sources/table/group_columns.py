"""Several task-like columns: which one holds the titles, which the groups or areas over them, which the content."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import AREA_RE
from mstrack.sources.table.columns import Column, column_values, data_rows
from mstrack.sources.table.numbering import ITEM_NUMBER_RE
from mstrack.sources.table.reading import Sheet
from mstrack.sources.table.spans import JOIN


def _group_columns(sheet: Sheet, at: int, tasks: list[Column], seq: Column) -> list[Column]:
    """Task-like columns whose value stays the same across rows with different 序号 (工程名称, a merged 项目内容
    over several items) name a group of tasks, not a task; a merged 项目名称 over one item's sub-rows does not. In a
    short table, a column of words without figures left of the items, the same over as many rows as not, is one."""
    groups = []
    for column in tasks:
        same = changes = 0
        previous = None
        values = column_values(sheet, at, column)
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
            if ITEM_NUMBER_RE.match(value):
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


def task_columns(sheet: Sheet, at: int, columns: list[Column], tasks: list[Column]) -> None:
    """Several task-like columns: group columns left of the items (or a first one whose cells read "一、…") are the
    area, the first other one is the title, the rest content: a column after the title repeating one value on every
    row is still content."""
    seq = next((c for c in columns if c.kind == "seq"), None)
    if seq is None and (span := _spanned_columns(sheet, at, tasks)):
        *left, title = span  # the indicator under 项目 is the task, the merged ones left of it its area and project
        if not any(c.kind == "area" for c in columns):
            left[0].kind, left = "area", left[1:]
        for column in [*left, *(c for c in tasks if c.index > title.index)]:
            column.kind = "content"
        return
    groups = _group_columns(sheet, at, tasks, seq) if seq is not None else _theme_columns(sheet, at, tasks)
    title = next((c for c in tasks if c not in groups), None)  # a group heads the items right of it: one repeating
    groups = [c for c in groups if title is not None and c.index < title.index]  # after them (工作目标 "年底前全面完成") is theirs
    if groups and len(groups) < len(tasks):
        if not any(c.kind == "area" for c in columns):
            groups[0].kind = "area"
        for column in groups[1:] if groups[0].kind == "area" else groups:
            column.kind = "content"
        tasks = [c for c in tasks if c not in groups]
    else:
        values = column_values(sheet, at, tasks[0])
        if values and sum(bool(AREA_RE.match(v)) for v in values) * 2 > len(values):
            tasks[0].kind = "area"
            tasks = tasks[1:]
    for column in tasks[1:]:
        column.kind = "content"


SPAN_RE = re.compile(rf"^\s*((?:19|20)\d{{2}})\s*年?\s*{JOIN}+\s*((?:19|20)\d{{2}})\s*年?\s*$")  # 建设年限 "2015-2017"


def whole_project_scope(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """A content column (建设内容及规模) in a table of projects built over several years, whose years (建设年限
    "2015-2017") run past the programme's year on most rows, while columns of that year's own aims stand beside it
    (2016年工作目标 over 计划投资 | 进度: due at the year's end): the whole project's scope, lengths, widths and counts
    of which the year builds a part; no target, its words a note."""
    aims = {c.due.year for c in columns if c.kind == "schedule" and c.due is not None and c.label == f"{c.due.year}年"}
    values = [v for c in columns if c.kind == "deadline" for v in column_values(sheet, at, c)]
    if len(aims) != 1 or not values:
        return
    year, = aims
    crossing = sum(bool((m := SPAN_RE.match(v)) and (int(m[1]) < year or int(m[2]) > year)) for v in values)
    if crossing * 2 > len(values):
        for column in (c for c in columns if c.kind == "content"):
            column.kind = "note"
