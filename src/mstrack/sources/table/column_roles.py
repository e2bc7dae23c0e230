"""What the cells below a header say of the columns its names leave open, in order: the 序号 (numbered_columns), targets
and money (target_columns), offices, and the task-like columns' titles, groups and areas (group_columns)."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import place_task_column
from mstrack.sources.table.columns import UNIT_NAME_RE, Column, column_values, office_columns
from mstrack.sources.table.group_columns import task_columns, whole_project_scope
from mstrack.sources.table.numbered_columns import (
    items_numbering_themselves,
    labels_over_numbers,
    numbered_requirements,
    numbered_title_column,
    unnamed_number_column,
)
from mstrack.sources.table.reading import Sheet
from mstrack.sources.table.target_columns import number_columns
from mstrack.sources.table.units import office_list, role_sentences


def columns_by_data(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """What the cells say of the columns their headers leave open: numbers, offices, groups, areas and titles."""
    office_columns(columns)  # a sub-header's own
    for left, column in zip(columns, columns[1:], strict=False):  # "考核指标" merged over two columns, the second unnamed
        if not column.header.strip() and not column.kind and left.kind == "task" and column_values(sheet, at, column):
            column.kind, column.header = "task", left.header
    labels_over_numbers(sheet, at, columns)
    unnamed_number_column(sheet, at, columns)  # before the columns of bare figures: these number the tasks
    number_columns(sheet, at, columns)  # a 目标任务(个) column of bare figures is a target: is a place column the task's?
    place_task_column(columns, lambda column: column_values(sheet, at, column))
    if not any(c.kind in ("lead", "units") for c in columns):  # a 备注 column that names offices names the units
        for column in (c for c in columns if c.kind == "note"):
            values = column_values(sheet, at, column)
            if values and sum(bool(UNIT_NAME_RE.search(v)) for v in values) * 2 > len(values):
                column.kind = "units"
                break
    _offices_column(sheet, at, columns)
    _sharing_column(sheet, at, columns)
    numbered_requirements(sheet, at, columns)
    numbered_title_column(sheet, at, columns)
    tasks = [c for c in columns if c.kind == "task"]
    if len(tasks) >= 2 and (filled := [c for c in tasks if column_values(sheet, at, c)]):
        for column in (c for c in tasks if c not in filled):  # 名称 empty under every item beside 工作任务: no title
            column.kind = ""
        tasks = filled
    if len(tasks) >= 2:
        task_columns(sheet, at, columns, tasks)
        items_numbering_themselves(sheet, at, columns)
    whole_project_scope(sheet, at, columns)  # 建设内容及规模 of a project over several years: its scope, no target


def _sharing_column(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """任务分工 beside another task column, its cells sentences of offices and their roles ("县教育局负责项目建设，
    县财政局负责资金保障"): the units; alone, or over the tasks' words, it is the task column."""
    tasks = [c for c in columns if c.kind == "task"]
    for column in tasks[1:] if len(tasks) >= 2 else []:
        values = column_values(sheet, at, column)
        if "分工" in column.header and values and sum(role_sentences(v) is not None for v in values) * 2 > len(values):
            column.kind = "units"


# a column's name naming the place or grouping a task falls under ("所属片区", "所属乡镇", "属地", "区域"): its offices
# (a 片区's 指挥部) are the task's units; one naming who oversees it ("督办", "督查", "挂点", "包保") names no doer
PLACE_HEADER_RE = re.compile(r"片区|所属|属地|辖区|区域")


def _offices_column(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """A column whose name says no kind but names a place or grouping (PLACE_HEADER_RE: "所属片区", a label beside
    责任单位: "责任单位：X，所属片区：Y指挥部") and every cell of which is nothing but offices' names (units.office_list):
    more units of the task, as a 配合单位 column's. A place's name ("岚城片区", "城关镇") is no office's, and such a column
    stays unread; so does a column of the offices that oversee the work ("督办": "县委督查室")."""
    for column in columns:
        if column.kind or not PLACE_HEADER_RE.search(re.sub(r"\s+", "", column.header)):
            continue
        values = column_values(sheet, at, column)
        if values and all(office_list(value) for value in values):
            column.kind = "units"
