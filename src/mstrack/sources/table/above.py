"""Units a table prints outside its columns, in the lines above it: a unit of money for the whole table ("单位：万元"),
or a column's total given with its unit in the text ("目标任务为:开工改造小区1500个" over a 计划完成数 column whose
全省 row is 1500)."""

from __future__ import annotations

import re

from mstrack.sources.rows import total_row
from mstrack.sources.table.numbers import UNIT_ALT
from mstrack.sources.table.reading import Sheet

TOTAL_FIGURE_RE = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$")


def declared_unit(sheet: Sheet, at: int) -> str:
    """The unit of money printed above the header for the whole table ("单位：万元"), or ""."""
    for row in sheet.rows[max(0, at - 3):at]:
        for cell in row.cells:
            if m := re.search(r"单位\s*[:：]\s*((?:万|亿)?元)", cell):
                return m[1]
    return ""


def total_units(sheet: Sheet, at: int, indexes: list[int]) -> dict[int, str]:
    """The unit of each column (by index) whose figure in the table's total row (合计, 全省) the text above the table
    prints with a unit: the column counts in it. Two totals that differ, or one figure printed with two units, tell
    nothing."""
    titles = "\n".join(sheet.titles_above(at))
    totals = [r.cells for r in sheet.rows[at + 1:] if total_row(r.cells)]
    units = {}
    for index in indexes if titles else []:
        figures = {cells[index].strip() for cells in totals if index < len(cells) and cells[index].strip()}
        if len(figures) != 1 or not TOTAL_FIGURE_RE.match(figure := figures.pop()):
            continue
        found = {m[1] for m in re.finditer(rf"(?<![\d.,]){re.escape(figure)}(?![\d.,])\s*({UNIT_ALT})", titles)}
        if len(found) == 1:
            units[index] = found.pop()
    return units
