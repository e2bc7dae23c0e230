"""An item whose name stands on a line of its own ("1.开展土壤环境质量详查"), its text on the lines below it and a label
line naming its offices after them ("责任单位：X牵头，Y等参与"): the text is the item's content, as a labelled "主要内容：…"
paragraph would be (list_numbered.labelled), not the list's end; its dates are the item's. So is a paragraph under the
item that closes with that label on its own line ("对生产经营单位…进行指导检查。责任单位：危化处（86日），基础处（88日）"):
the words before the label the item's content, the label its own; paragraphs that each close with their own labels
("一是…。责任单位：X" "二是…。责任单位：Y") are points of their own (list_subitems), no item's content. A bracket of
offices alone on the line after the paragraphs ("(各处室按职责分工负责)", "（责任单位：X）") closes them as that label
line would: the paragraphs the item's content, the bracket its offices, as if printed at the end of its line."""

from __future__ import annotations

from dataclasses import replace

from mstrack.sources.table.cells import GROUP_HEADING_RE, row_texts
from mstrack.sources.table.item_offices import units_after
from mstrack.sources.table.list_labels import label_kind, own_labels
from mstrack.sources.table.list_numbered import CONTENT_NOTE, PART_RE, Entry
from mstrack.sources.table.list_subitems import SUB_ITEM_RE
from mstrack.sources.table.numbering import heading_name
from mstrack.sources.table.reading import Row
from mstrack.sources.table.units import roles_in


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
            if (closed := _bracket_closing(rows, entries, k)) is not None:  # "(各处室按职责分工负责)" after them
                for at in range(k, closed):
                    found[at] = Entry(rows[at], "note", CONTENT_NOTE, row_texts(rows[at])[0])
                found[closed] = Entry(rows[closed], "label", UNITS_LABEL, _closing_bracket(rows[closed]) or "")
                found[i] = _named(entry)
                k = closed + 1  # "一是…" "(X负责)" "二是…" "(Y负责)": each point closed by its own bracket
                continue
            j = k
            while j < len(rows) and _paragraph(rows[j], entries[j]):
                j += 1
            if j > k and (labels := _closing_labels(rows[j - 1])) \
                    and not any(map(_closing_labels, rows[k:j - 1])):  # "…。责任单位：X" closing the last paragraph alone
                for at in range(k, j):
                    words, own = (labels[0], labels[1]) if at == j - 1 else (row_texts(rows[at])[0], {})
                    found[at] = Entry(rows[at], "note", CONTENT_NOTE, words, labels=own)
                break
            if j == k or j >= len(rows) or entries[j] is None or entries[j].kind != "label":
                break
            for at in range(k, j):
                found[at] = Entry(rows[at], "note", CONTENT_NOTE, row_texts(rows[at])[0])
            k = j
            while k < len(rows) and entries[k] is not None and entries[k].kind == "label":
                k += 1
    return _laid_alike(rows, found) if sum(bool(e and e.kind == "note" and e.labels) for e in found) >= 2 else found


def _laid_alike(rows: list[Row], found: list[Entry | None]) -> list[Entry | None]:
    """A list whose items print their words on a paragraph under them, closed by their offices' label (two at least):
    a paragraph with no label under an item is its content still ("4.检查内容" over "根据《…规定》…"), and one under the
    item's parts ("（3）…" over "以上企业根据年度工作安排…") a remark on them, an aside, not the list's end."""
    for i, entry in enumerate(found):
        if entry is None or entry.kind not in ("item", "part"):
            continue
        k = i + 1
        while k < len(rows) and _paragraph(rows[k], found[k]):
            found[k] = Entry(rows[k], "note", "" if entry.kind == "part" else CONTENT_NOTE, row_texts(rows[k])[0])
            k += 1
    return found


UNITS_LABEL = "责任单位"  # the label a bracket of offices closing an item's paragraphs is read under


def _named(entry: Entry) -> Entry:
    """An item whose line is its name, one sentence, its content under it ("1.精准领会。"): named without the stop."""
    name = heading_name(entry.text)
    return replace(entry, text=name) if name != entry.text.strip() else entry


def _bracket_closing(rows: list[Row], entries: list[Entry | None], k: int) -> int | None:
    """The row of the bracket of offices closing the paragraphs from row k, one paragraph or more; None when none does."""
    j = k
    while j < len(rows) and _paragraph(rows[j], entries[j]) and not _closing_bracket(rows[j]):
        j += 1
    return j if k < j < len(rows) and _paragraph(rows[j], entries[j]) else None


def _closing_bracket(row: Row) -> str | None:
    """The offices of a line that is nothing but a bracket naming them, by their names, a label or their roles
    ("（责任单位：X）", "(A、B按职责分工负责)", "(各处室按职责分工负责)"); None for any other line."""
    text = row_texts(row)[0].strip()
    if text[:1] not in "（(" or text[-1:] not in "）)":
        return None
    inner = text[1:-1].strip()
    return units_after(f"。{text}")[1] or (inner if roles_in(inner) is not None else None)


def _closing_labels(row: Row) -> tuple[str, dict[str, str]] | None:
    """A paragraph's words and the labels closing it that name who does the work ("…。责任单位：危化处"); None when
    no such label closes it."""
    if SUB_ITEM_RE.match(text := row_texts(row)[0]):  # "一是…。责任单位：X": a topic's point (list_subitems), no content
        return None
    words, labels = own_labels(text)
    return (words, labels) if labels and any(label_kind(name) in ("lead", "units") for name in labels) else None
