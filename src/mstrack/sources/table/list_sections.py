"""The closing sections of a programme printed after its list of tasks ("五、加强组织领导", "六、工作要求" and its points,
"保障措施"): no tasks, so the list ends where they begin (headerless.py)."""

from __future__ import annotations

import re

from mstrack.sources.table.list_deadlines import OWN_DATE_RE
from mstrack.sources.table.mentions import find_mentions
from mstrack.sources.table.one_paragraph import MIN_ITEMS
from mstrack.vocabulary import CLOSING_SECTIONS

CLOSING_RE = re.compile(CLOSING_SECTIONS)
DATED_RE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月")  # a date of any kind: a deadline is a task's


def closing_section(words: str, staffed: bool) -> bool:
    """A closing section: the vocabulary's words of one (vocabulary.CLOSING_SECTIONS), and no figure, no office doing
    it (`staffed`) and no deadline, which an item of work among numbered siblings has (a task with no figure stays one)."""
    return bool(CLOSING_RE.search(words)) and not staffed and not OWN_DATE_RE.search(words) and not DATED_RE.search(words) \
        and not any(m.unit for m in find_mentions(words))


def closing_at(rows: list[tuple[bool, str, bool]]) -> int:
    """Where a list's closing sections begin, its rows given as (heading, words, staffed): the first row that is one,
    every row after it one too or under a heading that is one; len(rows) when the list has none. A heading with
    words of one over an item of work ("三、加强组织领导" over "5.新建社区食堂20个") is a group's heading, not one."""
    closing = [closing_section(words, staffed) for _, words, staffed in rows]
    for k, (heading, _, _) in enumerate(rows):
        under = next((j for j in range(k + 1, len(rows)) if rows[j][0]), len(rows))
        if heading and closing[k] and not all(closing[k + 1:under]):
            closing[k] = False
    for k in range(len(rows)):
        if not closing[k]:
            continue
        heading_closes = True
        for j in range(k, len(rows)):
            if rows[j][0]:
                heading_closes = closing[j]
            elif not (closing[j] or heading_closes and any(rows[h][0] for h in range(k, j))):
                break
        else:
            return k
    return len(rows)


def kept(rows: list[tuple[bool, str, bool]]) -> int:
    """How many of a list's rows, (heading, words, staffed) each, are its own: those before the programme's closing
    sections (closing_at), when MIN_ITEMS items remain."""
    cut = closing_at(rows)
    return cut if sum(not heading for heading, _, _ in rows[:cut]) >= MIN_ITEMS else len(rows)
