"""An item whose name stands on a line of its own ("1.开展土壤环境质量详查"), its text on the lines below it and a label
line naming its offices after them ("责任单位：X牵头，Y等参与"): the text is the item's content, as a labelled "主要内容：…"
paragraph would be (list_numbered.labelled), not the list's end; its dates are the item's."""

from __future__ import annotations

from mstrack.sources.table.cells import GROUP_HEADING_RE, row_texts
from mstrack.sources.table.list_numbered import PART_RE, Entry
from mstrack.sources.table.reading import Row

CONTENT_LABEL = "内容"  # the note's name: any code makes a note the item's content (list_numbered.labelled)


def _paragraph(row: Row, entry: Entry | None) -> bool:
    """A line no rule reads that is a paragraph of words: one text, no heading or part number."""
    texts = row_texts(row)
    return entry is None and len(texts) == 1 and not GROUP_HEADING_RE.match(texts[0]) and not PART_RE.match(texts[0])


def contents_under(rows: list[Row], entries: list[Entry | None]) -> list[Entry | None]:
    """The paragraphs under each item that a label line closes (one or more paragraphs, then the label; again for an item
    with two paragraphs each under its own label) made the item's content notes; a paragraph no label line closes stays
    what it was."""
    found = list(entries)
    for i, entry in enumerate(entries):
        if entry is None or entry.kind != "item":
            continue
        k = i + 1
        while True:
            j = k
            while j < len(rows) and _paragraph(rows[j], entries[j]):
                j += 1
            if j == k or j >= len(rows) or entries[j] is None or entries[j].kind != "label":
                break
            for at in range(k, j):
                found[at] = Entry(rows[at], "note", CONTENT_LABEL, row_texts(rows[at])[0])
            k = j
            while k < len(rows) and entries[k] is not None and entries[k].kind == "label":
                k += 1
    return found
