"""The numbered sections of one action of a plan for the headerless reader (prose_chain.list_table): an action "（一）…"
whose lines numbered "1." "2." each open with a section's label ("1．行动目标。…", "2．主要任务", "1.工作目标：…",
vocabulary.SECTION_LABELS) is one task, those lines its parts, not tasks; its offices are the lines labelled under it
("牵头单位：X，配合单位：Y"). The sections are written as the labelled paragraphs the "(一)" reading takes under an item
("行动目标：…", "主要任务：…"), each paragraph under a section its section's, so the action is read with its offices."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import AREA_RE, GROUP_HEADING_RE, row_texts
from mstrack.sources.table.list_bracketed import BRACKET_ITEM_RE
from mstrack.sources.table.list_labels import label_kind
from mstrack.sources.table.list_numbered import ITEM_RE, Entry, entry_of
from mstrack.sources.table.reading import Row
from mstrack.vocabulary import SECTION_LABELS

SECTION_RE = re.compile(rf"^({SECTION_LABELS})\s*(?:[。.．：:]\s*|$)(.*)$", re.S)  # "行动目标。…", "主要任务"
OWN_KINDS = ("lead", "units", "deadline", "schedule")  # the labelled lines that stay the action's own, as printed


def _section(text: str) -> tuple[int, str, str] | None:
    """A line numbered "1." whose words open with a section's label: (its number, the label, the words after it)."""
    m = ITEM_RE.match(text)
    found = SECTION_RE.match(m[2].strip()) if m else None
    return (int(m[1]), found[1], found[2].strip()) if found else None


def _own_line(row: Row) -> bool:
    """A line labelled with the action's offices or its dates ("牵头单位：…", "完成时限：…"): kept as printed."""
    entry = entry_of(row)
    return entry is not None and entry.kind == "label" and label_kind(entry.code) in OWN_KINDS


def section_parts(rows: list[Row]) -> list[Row]:
    """The rows with each action's numbered sections written as labelled paragraphs (the module's doc): only under an
    item "（一）…" whose every line numbered "1." up to the next heading or item opens with a section's label, numbered
    1, 2 … in order from the line right under the item; any other group (its "1." lines its parts, "1.重点景区") stays
    as printed."""
    out: list[Row] = []
    k = 0
    while k < len(rows):
        out.append(rows[k])
        texts = row_texts(rows[k])
        k += 1
        if len(texts) != 1 or not BRACKET_ITEM_RE.match(texts[0]):
            continue
        end = k
        while end < len(rows) and not (len(t := row_texts(rows[end])) == 1 and GROUP_HEADING_RE.match(t[0])):
            end += 1
        numbered = [(j, _section(row_texts(rows[j])[0]) if len(row_texts(rows[j])) == 1 else None)
                    for j in range(k, end) if len(row_texts(rows[j])) == 1 and ITEM_RE.match(row_texts(rows[j])[0])]
        if not numbered or numbered[0][0] != k or any(s is None or s[0] != n for n, (_, s) in enumerate(numbered, 1)):
            continue
        starts = {j: s for j, s in numbered}
        label = ""
        for j in range(k, end):
            if j in starts:
                _, label, words = starts[j]
                if words:
                    out.append(Row(rows[j].number, [f"{label}：{words}"]))
            elif _own_line(rows[j]) or len(row_texts(rows[j])) != 1:
                out.append(rows[j])
            else:
                out.append(Row(rows[j].number, [f"{label}：{row_texts(rows[j])[0]}"]))
        k = end
    return out


def heading_intros(rows: list[Row], entries: list[Entry | None]) -> list[Entry | None]:
    """A part's heading "二、明确任务，落实责任" over one paragraph that introduces its items ("根据…，确保…完成。") and then
    its items from "1.": the paragraph is the heading's note, no end of the run, so the items are read within the part
    and coded by it ("二1"), as items right under their heading are."""
    found = list(entries)
    for k in range(len(entries) - 2):
        heading, intro, first = entries[k], entries[k + 1], entries[k + 2]
        texts = row_texts(rows[k + 1])
        if heading is not None and heading.kind == "heading" and AREA_RE.match(heading.text) and intro is None \
                and len(texts) == 1 and first is not None and first.kind == "item" and first.code == "1":
            found[k + 1] = Entry(rows[k + 1], "note", "", texts[0])
    return found


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def circled_points(rows: list[Row]) -> list[Row]:
    """The points of one paragraph numbered "①" "②" … each printed on a line of its own ("工作举措：①由…负责…" over
    "②每日清除…" "③全面排查…"): each line opening with the next circled number joined to the line above, whose words it
    goes on with, so that a labelled paragraph keeps all its points and no line of them ends a list."""
    joined: list[Row] = []
    for row in rows:
        texts = row_texts(row)
        above = row_texts(joined[-1]) if joined else []
        at = CIRCLED.find(texts[0].strip()[:1]) if len(texts) == 1 and texts[0].strip() else -1
        if at > 0 and len(above) == 1 and CIRCLED[at - 1] in above[0] and CIRCLED[at] not in above[0]:
            joined[-1] = Row(joined[-1].number, [f"{above[0]}{texts[0].strip()}"])
            continue
        joined.append(row)
    return joined
