"""Lists of items numbered "一、", "二、"… for the headerless reader (headerless.py), nothing between them but the
paragraphs labelled under an item and its progress: items, not the headings of groups (list_bracketed reads those
first). Split from list_bracketed, whose "(一)" lists share the labelled paragraphs' rules (item_label)."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import GROUP_HEADING_RE, row_texts
from mstrack.sources.table.list_bracketed import chinese_item, item_label, item_offices
from mstrack.sources.table.list_doers import subject_run
from mstrack.sources.table.list_labels import label_kind
from mstrack.sources.table.list_numbered import CONTENT_NOTE, ITEM_RE, Entry, entry_of
from mstrack.sources.table.list_sections import dated, enough
from mstrack.sources.table.list_work import reports_progress
from mstrack.sources.table.one_paragraph import MIN_STAFFED_ITEMS
from mstrack.sources.table.reading import Row


def chinese_run(rows: list[Row]) -> tuple[int, list[tuple[str, str, str]], list[Row], dict[int, list[Entry]]] | None:
    """The first run of MIN_ITEMS or more rows numbered "一、", "二、"… in order, nothing between them but the paragraphs
    labelled under an item ("牵头单位：县教育局", "完成时限：…", "建设地点：…": its own, as under a "(一)" or "1." item)
    and its progress (progress_below; two items each followed by theirs are enough, progress_restated):
    items, not the headings of groups (a heading heads the items below it, numbered "1." or "(一)": numbered_run and
    bracketed_run read those first). (first row, [(numeral, words, offices printed after them or beside)], the rows
    read, {index of an item: its labelled paragraphs})."""
    start, found, source, labels = None, [], [], {}
    for i, row in enumerate([*rows, None]):
        number, item = chinese_item(row)
        if number is not None and number == len(found) + 1 and start is not None:
            found.append(item)
            source.append(row)
            continue
        if number is None and row is not None and found and (label := item_label(row)):
            labels.setdefault(len(found) - 1, []).append(label)
            continue
        if number is None and found and source[-1] is rows[i - 1] and _content_over_labels(rows, i):
            labels.setdefault(len(found) - 1, []).append(Entry(row, "note", CONTENT_NOTE, row_texts(row)[0]))
            continue  # the item's one paragraph over its labelled lines: its content (as list_contents reads a "1.")
        if number is None and found and _more_staff(row, labels.get(len(found) - 1, [])):
            labels[len(found) - 1].append(Entry(row, "note", "", row_texts(row)[0]))
            continue  # "试点单位：第一批：…" under its "牵头单位：…": no office list, the item's aside, no end of the list
        if number is None and row is not None and found and (progress := progress_below(row, labels.get(len(found) - 1, []))):
            labels.setdefault(len(found) - 1, []).extend(progress)
            continue
        if start is not None and (enough([(words, bool(offices)) for words, offices in item_offices(found, labels)],
                                         [labels_due(labels.get(k, [])) for k in range(len(found))])
                                  or len(found) >= MIN_STAFFED_ITEMS and progress_restated(len(found), labels)):
            return start, subject_carried(found), source, labels
        start, found, source, labels = (i, [item], [row], {}) if number == 1 else (None, [], [], {})
    return None


def subject_carried(found: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Items "一、" that are the clauses of one list, each but the last closed by "；", the first opening with its doers
    before a comma ("一、各村、乡（场）直各单位，组织开展…；", list_doers.subject_run) and the others with none ("二、利用…，
    联合…开展…；"): each item's offices the first's, the subject stated once for the list (as list_arrangements._carried
    gives a "要…" point its item before's doers). The items unchanged otherwise, or where one prints its offices."""
    words = [w.strip() for _, w, _ in found]
    if len(found) < 2 or any(units for _, _, units in found) or not all(w.endswith(("；", ";")) for w in words[:-1]):
        return found
    openings = [re.split(r"[，,]", w, maxsplit=1)[0].strip() for w in words]
    subject = subject_run(openings[0])
    if not subject or subject != openings[0] or any(subject_run(opening) for opening in openings[1:]):
        return found
    return [(numeral, w, subject) for numeral, w, _ in found]


# "年度投资目标15495万元,13月完成投资2513万元,…": the year's target opening a line of progress under an item
YEAR_TARGET_RE = re.compile(r"^((?:年度|全年)[\u4e00-\u9fff]{0,6}?(?:目标|计划))\s*[:：]?\s*(\d[\d.]*\s*[万亿]?\s*[\u4e00-\u9fff]{1,2})"
                            r"\s*[，,；;]")


def progress_below(row: Row, below: list[Entry]) -> list[Entry]:
    """A row under an item "一、" that is its progress, no item of the list (`below`: the item's rows read so far): a
    paragraph reporting it, unlabelled (list_work.reports_progress), or a point numbered "2. …" after its progress label
    ("推进情况:1. …"). The year's target opening such a paragraph ("年度投资目标15495万元,13月完成投资…") is the item's
    content, as a labelled "年度投资目标：…" under it would be. [] for any other row."""
    texts = row_texts(row)
    if len(texts) != 1:
        return []
    if any(e.progress for e in below) and ITEM_RE.match(texts[0]):
        return [Entry(row, "note", "", texts[0], progress=True)]
    if not reports_progress(texts[0]):
        return []
    plan = [Entry(row, "note", m[1], f"{m[1]}{m[2]}")] if (m := YEAR_TARGET_RE.match(texts[0])) else []
    return [*plan, Entry(row, "note", "", texts[0], progress=True)]


def progress_restated(count: int, labels: dict[int, list[Entry]]) -> bool:
    """Each of `count` items "一、" followed by its progress (progress_below, or a "推进情况：" paragraph): a report
    restating the plan item by item (list_numbered.restated)."""
    return count > 0 and all(any(e.progress for e in labels.get(k, [])) for k in range(count))


def labels_due(entries: list[Entry]) -> bool:
    """Whether an item's labelled paragraphs give the date it is due (list_sections.dated)."""
    return dated({e.code: e.text for e in entries if e.kind == "label"})


def _content_over_labels(rows: list[Row], at: int) -> bool:
    """Whether rows[at] is one paragraph, no number or heading, with a labelled line naming offices right under it
    ("一、实施档案电子化…" / "为实现…" / "牵头单位：区行政审批局"): the item's content, not the list's end."""
    texts = row_texts(rows[at]) if at < len(rows) else []
    below = rows[at + 1] if at + 1 < len(rows) else None
    return len(texts) == 1 and chinese_item(rows[at])[0] is None and not GROUP_HEADING_RE.match(texts[0]) \
        and entry_of(rows[at]) is None and below is not None and (label := item_label(below)) is not None \
        and label.kind == "label" and label_kind(label.code) in ("lead", "units")


def _more_staff(row: Row | None, below: list[Entry]) -> bool:
    """A line labelled as units ("试点单位：第一批：…") that names no office list, under an item whose lead or units
    are labelled already: more words on who takes part, an aside of the item (item_label refuses it as its units)."""
    entry = entry_of(row) if row is not None else None
    return entry is not None and entry.kind == "label" and label_kind(entry.code) == "units" \
        and any(e.kind == "label" and label_kind(e.code) in ("lead", "units") for e in below)
