"""Units a table prints outside its columns, in the lines above it: a unit of money for the whole table ("单位：万元"),
or a column's total given with its unit in the text ("目标任务为:开工改造小区1500个" over a 计划完成数 column whose
全省 row is 1500)."""

from __future__ import annotations

import re

from mstrack.sources.rows import total_row
from mstrack.sources.table.columns import data_rows
from mstrack.sources.table.numbers import UNIT_ALT
from mstrack.sources.table.reading import Sheet

TOTAL_FIGURE_RE = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$")
# "部门(单位):示范区水务局  责任人:…", "责任单位：县住建局": the office a whole table (a 目标责任书) is signed for
OFFICE_ABOVE_RE = re.compile(r"(?:^|\s)(?:部[门門]\s*[（(]\s*[单單]位\s*[)）]|[责責]任[单單]位|[责責]任部[门門]|[单單]位名[称稱]"
                             r"|部[门門]|[单單]位)\s*[:：]\s*(?P<office>[^\s:：,，;；、。]{2,24}?(?:局|委|[办辦]|院|中心|公司|集[团團]|政府|街道|[镇鎮]|[乡鄉]|所|站|[队隊]))"
                             r"(?=\s|$|[,，;；。])")  # 繁體 too: "部門(單位):示範區水務局"


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
    units = _units_in_total_row(sheet, at, indexes, totals)
    for index in indexes if titles else []:
        figures = {cells[index].strip() for cells in totals if index < len(cells) and cells[index].strip()}
        if len(figures) != 1 or not TOTAL_FIGURE_RE.match(figure := figures.pop()):
            continue
        found = {m[1] for m in re.finditer(rf"(?<![\d.,]){re.escape(figure)}(?![\d.,])\s*({UNIT_ALT})", titles)}
        if len(found) == 1:
            units[index] = found.pop()
    return units


TOTAL_COUNT_RE = re.compile(rf"^\d+(?:,\d{{3}})*(?:\.\d+)?\s*({UNIT_ALT})$")


def _units_in_total_row(sheet: Sheet, at: int, indexes: list[int], totals: list[list[str]]) -> dict[int, str]:
    """The unit a column of bare counts (three in four) prints only in its total row (50 | 45 | 合计 235人): the column
    counts in it. Total rows that print two units tell nothing."""
    units = {}
    for index in indexes:
        found = {m[1] for cells in totals if index < len(cells) and (m := TOTAL_COUNT_RE.match(cells[index].strip()))}
        above = [v for r in data_rows(sheet, at) if index < len(r.cells) and not total_row(r.cells) and (v := r.cells[index].strip())]
        if len(found) == 1 and above and sum(bool(TOTAL_FIGURE_RE.match(v)) for v in above) * 4 >= len(above) * 3:
            units[index] = found.pop()  # a footnote or the header printed again under the rows aside
    return units


def office_above(sheet: Sheet, at: int) -> str:
    """The office a line above the table names for the whole table ("部门(单位):示范区水务局"), when one line names
    one: the lead of every task whose row names none; else ""."""
    found = {m["office"] for line in sheet.titles_above(at) for m in OFFICE_ABOVE_RE.finditer(line)}
    return found.pop() if len(found) == 1 else ""
