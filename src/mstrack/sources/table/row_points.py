"""The text after a document's table that dates its rows: a point naming a row by a cell of it and giving it a period
("（一）省级监测点：2016年5月—2016年12月。…" under a table whose rows are 省级监测点 and 常规监测点): the period's end is that
row's deadline, where the row gives none of its own."""

from __future__ import annotations

import re

from mstrack.domain.dates import DateError, period_end
from mstrack.sources.table.raw import RawTask
from mstrack.sources.table.spans import JOIN

_MONTH = r"(?:\d{4}\s*年\s*)?(?:1[0-2]|0?[1-9])\s*月份?"
# "（一）省级监测点：2016年5月—2016年12月", "(二)常规监测点：3月至12月": a name, a colon, a range of months
POINT_RE = re.compile(rf"\s*[（(][一二三四五六七八九十]+[)）]\s*(?P<name>[^：:，,。；;]{{2,20}}?)\s*[：:]\s*{_MONTH}\s*"
                      rf"{JOIN}+\s*(?P<end>{_MONTH})(?![\d日])")


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", text)


def date_named_rows(raw_tasks: list[RawTask], after: list[str], year: int) -> None:
    """Give each row with no deadline the end of the period a point under the table gives the name one of its cells
    holds whole (the row's name, in whichever column it stands)."""
    ends = {_bare(m["name"]): _bare(m["end"]).replace("月份", "月") for line in after if (m := POINT_RE.match(line))}
    for raw in raw_tasks:
        named = [end for cell in raw.row.cells if (end := ends.get(_bare(cell)))]
        if raw.deadline is None and named:
            try:
                raw.deadline = period_end(named[0], year)
            except DateError:
                continue
