"""A list of tasks under group headings with no number of their own: "一、教育" over the paragraphs "新建幼儿园3所。",
"新增学位1000个。", "二、民生" over its own (headerless.py). Each paragraph is a task of the heading's group, numbered
1, 2, … in its order, as a run of paragraphs is."""

from __future__ import annotations

from collections.abc import Callable

from mstrack.domain.quantities import chinese_count
from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.list_numbered import heading_lead, led_cell
from mstrack.sources.table.one_paragraph import MIN_ITEMS
from mstrack.sources.table.reading import Row
from mstrack.vocabulary import LEAD_ROLE_WORDS


def led(offices: list[str]) -> bool:
    """Items that each end with the office leading them and its role ("…。（财政厅牵头）"): a 部门分工's work, as clearly
    as a list's; an excerpt of one heading over one such item is read (the title must still name a programme)."""
    return bool(offices) and all(units.endswith(LEAD_ROLE_WORDS) for units in offices)


def headed_run(rows: list[Row], read: Callable[[str], tuple[str, str] | None]
               ) -> tuple[int, list[tuple[str, str, str]], list[Row]] | None:
    """The first run of two or more headings "一、…", "二、…" in order, each over one or more paragraphs that `read`
    takes for an item ((words, offices), None for any other), MIN_ITEMS or more in all and two or more under one
    heading (a heading over one line each is a group's one task: list_bracketed._lone_task), or any number when each
    names its lead by role (`led`): (first row, [("heading" or
    "item", words, offices)], the rows read)."""
    start, found, source, last, counts = None, [], [], 0, []
    for i, row in enumerate([*rows, None]):
        texts = row_texts(row) if row is not None else []
        text = texts[0] if len(texts) == 1 else ""
        m = AREA_RE.match(text) if text and len(text) <= 60 else None
        number = chinese_count(m[1]) if m else None
        if start is not None and number is not None and number == last + 1 and counts[-1]:
            found.append(("heading", text, ""))
            source.append(row)
            last = number
            counts.append(0)
            continue
        if start is not None and number is None and text and (item := read(text)):
            found.append(("item", item[0], led_cell(heading_lead(found[-1 - counts[-1]][1]), item[1])))  # the heading's lead
            source.append(row)
            counts[-1] += 1
            continue
        if start is not None and not counts[-1]:  # a heading after the last item heads nothing
            found, source, counts = found[:-1], source[:-1], counts[:-1]
        if start is not None and counts and (len(counts) >= 2 and sum(counts) >= MIN_ITEMS and max(counts) >= 2
                                             or led([units for kind, _, units in found if kind == "item"])):
            return start, found, source
        start, found, source, last, counts = (i, [("heading", text, "")], [row], 1, [0]) if number == 1 else (None, [], [], 0, [])
    return None
