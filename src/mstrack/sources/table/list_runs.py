"""The numbered runs of a document read as one list (headerless.py): the longest run of items (list_numbered.numbered_run)
and every other run under headings of its own whose items are each work with the offices that do it ("二、整治内容" over
its groups' measures, then, after a part of stages, "四、…（二）部门职责" numbering the departments' duties): one plan,
each run coded by its headings ("四(二)1"). A run of goals, of stages or of points that name no office is none."""

from __future__ import annotations

from mstrack.sources.table.cells import GROUP_HEADING_RE, row_texts
from mstrack.sources.table.item_offices import units_after
from mstrack.sources.table.list_numbered import ITEM_RE, PART_RE, SUB_HEADING_RE, Entry, office_of
from mstrack.sources.table.list_sections import requirement
from mstrack.sources.table.list_work import states_work
from mstrack.sources.table.one_paragraph import MIN_STAFFED_ITEMS
from mstrack.sources.table.reading import Row
from mstrack.sources.table.units import ROLE_LABEL_RE, office_list, roles_in


def staffed_run(entries: list[Entry | None], start: int, end: int) -> bool:
    """Whether a run's items are work with offices: MIN_STAFFED_ITEMS or more, each naming the offices that do it (after
    its words, under it, by its group's bracket or as the opening of a duty paragraph), most of them no requirement on
    offices (a closing section's points, each with its office, are not: list_sections.requirement's `own`)."""
    items = [e for e in entries[start:end] if e is not None and e.kind == "item"]
    return len(items) >= MIN_STAFFED_ITEMS and all(office_of(e) for e in items) \
        and 2 * sum(requirement(e.text, own=True) for e in items) < len(items)


def _headings_over(entries: list[Entry | None], start: int, after: int) -> list[int] | None:
    """The headings a run starting at `start` stands under, between the row `after` and it, not already its own
    first entry: its group's heading (the nearest above it, unless the run opens with it) and, when that is a "（二）…",
    the part "四、…" above it. None when the run has no heading of its own there."""
    own = start if entries[start] is not None and entries[start].kind == "heading" else next(
        (k for k in range(start - 1, after - 1, -1) if entries[k] is not None and entries[k].kind == "heading"), None)
    if own is None:
        return None
    part = next((k for k in range(own - 1, after - 1, -1) if entries[k] is not None and entries[k].kind == "heading"
                 and not SUB_HEADING_RE.match(entries[k].text)), None) if SUB_HEADING_RE.match(entries[own].text) else None
    return [k for k in (part, own) if k is not None and k != start]


def read_runs(entries: list[Entry | None], best: tuple[int, int], others: list[tuple[int, int]]) -> list[int]:
    """The entries to read, in the document's order: the longest run `best` (its first row, the row after its last)
    and each other run of work with offices (staffed_run) with the headings it stands under (_headings_over); a run
    with no heading of its own between it and the run before it is not read (its numbers would repeat the other's)."""
    spans = sorted([best, *(run for run in others if run[1] <= best[0] or run[0] >= best[1])])
    read: list[int] = []
    after = 0
    for start, end in spans:
        if (start, end) == best:
            read += range(start, end)
        elif staffed_run(entries, start, end) and (headings := _headings_over(entries, start, after)) is not None:
            read += [*headings, *range(start, end)]
        after = end
    return [k for k in read if entries[k] is not None]


def group_paragraphs(rows: list[Row], entries: list[Entry | None]) -> list[Entry | None]:
    """A group's heading "（五）乡镇船舶" right after another group's numbered items, over one unnumbered paragraph that
    ends with the offices doing it ("…活动。（各片区管理局、区经济发展局…按职责分工负责）": by their roles, labelled, or
    names alone) and followed by the next heading or by nothing: the group's one task, an entry of kind "lone" coded by
    the heading's number (二(五)). A name on a line of its own over its paragraph (tests/data/tables/README.md): the
    title is the heading's name, the paragraph its content, whose dates and figures are the task's."""
    found = list(entries)
    for k, heading in enumerate(entries[:-1]):
        if heading is None or heading.kind != "heading" or entries[k + 1] is not None \
                or not (number := SUB_HEADING_RE.match(heading.text)) or not _after_items(entries, k) \
                or k + 2 < len(entries) and (entries[k + 2] is None or entries[k + 2].kind != "heading"):
            continue
        texts = row_texts(rows[k + 1])
        if len(texts) != 1 or ITEM_RE.match(texts[0]) or PART_RE.match(texts[0]) or GROUP_HEADING_RE.match(texts[0]):
            continue
        words, offices = units_after(texts[0])
        by_role = roles_in(offices) is not None or bool(ROLE_LABEL_RE.match(offices))  # its own: work whatever its head
        if offices and (by_role or office_list(offices)) and states_work(words, assigned=by_role):
            name = heading.text[number.end():].strip()  # the group's name over its paragraph: the task's title
            found[k] = Entry(rows[k + 1], "lone", number[0], name, units=offices, content=words)
    return found


def _after_items(entries: list[Entry | None], k: int) -> bool:
    """Whether the entry before row `k` (the rows no rule reads aside) is an item or what belongs to one."""
    above = next((e for e in reversed(entries[:k]) if e is not None), None)
    return above is not None and above.kind in ("item", "part", "label", "note")


def opening_headings(entries: list[Entry | None], start: int) -> list[str]:
    """The headings a run opens with ("四、执法任务分解及执法内容" over "（一）…"): they introduce its items as the line
    above it does, so they may name the programme (list_gate.is_programme reads them after the text above)."""
    found = []
    for entry in entries[start:]:
        if entry is None or entry.kind != "heading":
            break
        found.append(entry.text)
    return found
