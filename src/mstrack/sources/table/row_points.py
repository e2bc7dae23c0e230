"""The text around a document's table that dates its rows: a point after it naming a row by a cell of it and giving it
a period ("（一）省级监测点：2016年5月—2016年12月。…" under a table whose rows are 省级监测点 and 常规监测点): the period's
end is that row's deadline, where the row gives none of its own; the period of the whole work named in the text before
it (campaign_dates)."""

from __future__ import annotations

import re

from mstrack.domain.dates import DateError, period_end
from mstrack.errors import Message
from mstrack.sources.table.columns import Column
from mstrack.sources.table.list_deadlines import OWN_DATE_RE, campaign_period, period_part
from mstrack.sources.table.raw import RawTask
from mstrack.sources.table.reading import Sheet
from mstrack.sources.table.schedule import parse_deadline
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


DATED_KINDS = ("deadline", "schedule", "period", "start")  # the columns that date a table's rows
# a numbered item's paragraph ("1.行动目标。自即日起至2022年8月底，…开展…“百日行动”", "（二）…"): a period there is that
# item's own work's, one stage of the campaign, not the whole
ITEM_OPEN_RE = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(]\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*[)）])")


def campaign_dates(raw_tasks: list[RawTask], sheet: Sheet, columns: list[Column], year: int) -> None:
    """A table with no column of dates in a document whose text before it names the period of all its work (a
    campaign's "决定从8月份起至10月份止，集中3个月时间在全乡开展…" outside any numbered item, a part "二、工作时限" over its
    span): each row that prints no date of its own is due at the period's end (tests/data/tables/README.md, "A part
    naming the period of the work"), a doubt naming the sentence read (Sheet.due_from)."""
    if sheet.headerless or not sheet.above or any(c.kind in DATED_KINDS for c in columns):
        return
    period = period_part(sheet.above, year) \
        or campaign_period([line for line in sheet.above if not ITEM_OPEN_RE.match(line)], year)
    if period is None or (end := parse_deadline(period[0], year)) is None:
        return
    for raw in raw_tasks:
        if raw.deadline is None and not raw.deadline_text and not OWN_DATE_RE.search(f"{raw.title}{raw.content}"):
            raw.deadline = end
            sheet.due_from[raw.row.number] = Message("deadline read from the text above the table: “{text}”", text=period[2])
