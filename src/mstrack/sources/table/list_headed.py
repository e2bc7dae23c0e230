"""A list of tasks under group headings with no number of their own: "一、教育" over the paragraphs "新建幼儿园3所。",
"新增学位1000个。", "二、民生" over its own (headerless.py). Each paragraph is a task of the heading's group, numbered
1, 2, … in its order, as a run of paragraphs is."""

from __future__ import annotations

from collections.abc import Callable

from mstrack.domain.quantities import chinese_count
from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.list_labels import lead_line
from mstrack.sources.table.list_numbered import SUB_HEADING_RE, heading_lead, led_cell
from mstrack.sources.table.one_paragraph import MIN_ITEMS
from mstrack.sources.table.reading import Row
from mstrack.vocabulary import LEAD_ROLE_WORDS


def led(offices: list[str]) -> bool:
    """Items that each end with the office leading them and its role ("…。（财政厅牵头）"): a 部门分工's work, as clearly
    as a list's; an excerpt of one heading over one such item is read (the title must still name a programme)."""
    return bool(offices) and all(units.endswith(LEAD_ROLE_WORDS) for units in offices)


def headed_run(rows: list[Row], read: Callable[[str, bool], tuple[str, str] | None]
               ) -> tuple[int, list[tuple[str, str, str]], list[Row]] | None:
    """The first run of two or more headings "一、…", "二、…" in order, each over one or more paragraphs that `read`
    takes for an item ((words, offices), None for any other; told whether the line under the paragraph names its leads
    in words, "X牵头落实"), MIN_ITEMS or more in all and two or more under one
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
        if start is not None and (under := _under(found, text)) is not None:
            if under[0] == "heading":  # "(一)…" under "一、…"
                found.append(under)
                source.append(row)
            else:
                found[-1] = under  # the paragraph above, with its leads from the line
            continue
        if start is not None and number is None and text and (item := read(text, _led_below(rows, i))):
            found.append(("item", item[0], led_cell(heading_lead(_heading(found)), item[1])))  # the heading's lead
            source.append(row)
            counts[-1] += 1
            continue
        if start is not None and not counts[-1]:  # a heading after the last item heads nothing
            found, source, counts = found[:-1], source[:-1], counts[:-1]
        if start is not None and counts and (len(counts) >= 2 and sum(counts) >= MIN_ITEMS and max(counts) >= 2
                                             or led([units for kind, _, units in found if kind == "item"])
                                             or lined([units for kind, _, units in found if kind == "item"])):
            return start, found, source
        start, found, source, last, counts = (i, [("heading", text, "")], [row], 1, [0]) if number == 1 else (None, [], [], 0, [])
    return None


LEAD_LINE_CELL = "牵头单位：{leads}"  # the offices of a line "X牵头落实" under a paragraph, as a labelled cell reads them
HELPERS_CELL = "；配合单位：{helpers}"


def lined(offices: list[str]) -> bool:
    """Two or more items, each followed by a line naming its leads in words (_under): assigned work, as `led`'s."""
    return len(offices) >= 2 and all(map(line_led, offices))


def line_led(units: str) -> bool:
    """Whether an item's offices are those of the line under it naming its leads in words (_under)."""
    return units.startswith(LEAD_LINE_CELL.format(leads=""))


def _led_below(rows: list[Row], i: int) -> bool:
    """Whether the line under row i names, in words, the offices leading it ("市发改委牵头落实": lead_line)."""
    texts = row_texts(rows[i + 1]) if i + 1 < len(rows) else []
    return len(texts) == 1 and bool(lead_line(texts[0]))


def _heading(found: list[tuple[str, str, str]]) -> str:
    """The words of the last heading read, "一、…" or a "(一)…" under it."""
    return next((words for kind, words, _ in reversed(found) if kind == "heading"), "")


def _under(found: list[tuple[str, str, str]], text: str) -> tuple[str, str, str] | None:
    """What a line inside the run makes of the last entry read: a paragraph with no office followed by a line naming
    its leads in words ("市发改委牵头落实", list_labels.lead_line) gets them, labelled by role (the entry read again); a
    "(一)…" heading right under a heading "一、…" is one more heading over the items. None for any other line."""
    if not found or not text:
        return None
    kind, words, units = found[-1]
    if kind == "item" and not units and (leads := lead_line(text)):
        cell = LEAD_LINE_CELL.format(leads=leads["牵头单位"])
        cell += HELPERS_CELL.format(helpers=leads["配合单位"]) if "配合单位" in leads else ""
        return kind, words, cell
    if kind == "heading" and len(text) <= 60 and SUB_HEADING_RE.match(text):
        return "heading", text, ""
    return None
