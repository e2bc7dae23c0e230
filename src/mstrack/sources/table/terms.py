"""A time limit printed as a term (整改期限 "15天", "30日内", "限期7天"): a ledger of problems gives each row so many days
to put things right, counted from the ledger's own date, printed above the table ("2017年9月13日" under its title) or
as the document's date. Its end is the row's deadline; with no date above the table the term names none."""

from __future__ import annotations

import re
from datetime import date, timedelta

from mstrack.sources.table.numbering import NUMERAL_VALUES

# "15天", "15日内", "限期30天", "30天以内", "七日内": calendar days ("15个工作日" is no date: which days are worked is not printed)
TERM_RE = re.compile(r"^(?:限期|期限)?\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:天|日)\s*(?:之?内|以内)?(?:完成|整改)?$")
# a column of the time allowed to finish (整改期限, 完成时限, 办理时限): a term there runs from the ledger's date; never a
# project's duration (工期, 建设周期: from the day work starts, which no line above the table prints)
TERM_HEADER_RE = re.compile(r"期限|时限|限期")
# a line that is one date: the ledger's or the document's ("2017年9月13日")
DATE_LINE_RE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")


def term_days(text: str) -> int | None:
    """The days a term cell gives ("15天" → 15, "七日内" → 7); None for any other cell."""
    if not (m := TERM_RE.match(re.sub(r"\s+", "", text))):
        return None
    days = int(m[1]) if m[1].isdigit() else NUMERAL_VALUES.get(m[1])
    return days or None


def dated_above(lines: list[str]) -> date | None:
    """The date the table's terms count from: the nearest line above it that is a date alone (the ledger's date under
    its title, else the document's signature); None where no such line is printed."""
    for line in reversed(lines):
        if m := DATE_LINE_RE.match(line):
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                continue
    return None


def term_end(text: str, start: date | None, header: str = "期限") -> date | None:
    """A term cell's end counted from `start` ("15天" from 2017-09-13: 2017-09-28) under a time limit's `header`; None
    for no term, no start, or a duration's column (工期)."""
    days = term_days(text) if TERM_HEADER_RE.search(re.sub(r"\s+", "", header)) else None
    return start + timedelta(days=days) if days is not None and start is not None else None
