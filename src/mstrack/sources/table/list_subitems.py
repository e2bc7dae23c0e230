"""Sub-items numbered in words under a numbered topic ("1.基础设施建设专题：" over "一是交通设施巨大变化。…责任单位：…",
"二是…"), for the headerless reader (headerless.py): each sub-item is an item of the list, coded by both numbers as
printed ("1一": the topic's, then the sub-item's numeral without its 是; tests/data/tables/README.md), the topic the
heading of its sub-items."""

from __future__ import annotations

import re
from dataclasses import replace

from mstrack.domain.quantities import chinese_count
from mstrack.sources.table.cells import GROUP_HEADING_RE, row_texts
from mstrack.sources.table.item_offices import units_after
from mstrack.sources.table.list_labels import item_labels
from mstrack.sources.table.list_numbered import ITEM_RE, Entry, office_of
from mstrack.sources.table.list_sections import DATED_RE
from mstrack.sources.table.reading import Row

SUB_ITEM_RE = re.compile(r"^\s*([一二三四五六七八九十]{1,3})是\s*(\S.*)$", re.S)  # "一是交通设施巨大变化。…"
TOPIC_END_RE = re.compile(r"[：:]\s*$")  # "1.基础设施建设专题：": a topic over what follows, no work of its own


def _sub_item(row: Row) -> Entry | None:
    """A line "一是…" read as an item's line is (list_numbered.numbered_entry): its words, its content after a label
    naming no column ("宣传要点：…"), its labelled offices and dates; its code the numeral."""
    texts = row_texts(row)
    if len(texts) != 1 or not (m := SUB_ITEM_RE.match(texts[0])):
        return None
    words, content, labels = item_labels(m[2].strip())
    text, units = units_after(words.rstrip("。；;，, "))
    return Entry(row, "sub", m[1], text, units=units, content=content, labels=labels)


def sub_items(rows: list[Row], entries: list[Entry | None]) -> list[Entry | None]:
    """The entries of a list with the sub-items of its topics read: lines no rule reads (None) right under an item that
    ends with a colon and names nothing else ("1.基础设施建设专题："), numbered "一是", "二是" … in order from 一, each naming
    its own offices (a 责任单位 label, a bracket): each an entry of kind "sub". Points listed so inside a paragraph, or
    under an item of its own words, or naming no office, stay what they were."""
    found = list(entries)
    for k, entry in enumerate(entries):
        if entry is None or entry.kind != "item" or not TOPIC_END_RE.search(entry.text) or entry.labels or entry.units:
            continue
        subs: list[Entry] = []
        for j in range(k + 1, len(rows)):
            if entries[j] is not None or not (sub := _sub_item(rows[j])) or chinese_count(sub.code) != len(subs) + 1:
                break
            subs.append(sub)
        if subs and all(office_of(sub) for sub in subs):
            found[k + 1:k + 1 + len(subs)] = subs
    return found


def as_headings(chosen: list[Entry]) -> list[Entry]:
    """A list's entries with each topic over sub-items read as their heading (its number kept in its words: "1.基础设施
    建设专题：") and each sub-item as an item coded by both numbers ("1一"); so are an item naming no office and its
    parts that each name theirs ("1.重点检查对象" over "（1）…。责任单位：危化处" "（2）…。责任单位：基础处"): each part an
    item "1(1)", "1(2)" (_staffed_parts), the item no row of its own (its number in theirs)."""
    read: list[Entry] = []
    topic: Entry | None = None
    for entry in _staffed_parts(chosen):
        if entry.kind == "sub" and topic is not None:
            if read and read[-1] is topic and entry.code.startswith("("):  # an item's parts: the codes keep its number, and
                read.pop()  # a heading "1." would make items after them ("2.…") its own: "1(2)"
            elif read and read[-1] is topic:
                read[-1] = replace(topic, kind="heading", text=f"{topic.code}.{topic.text}")
            read.append(replace(entry, kind="item", code=f"{topic.code}{entry.code}"))
            continue
        topic = entry if entry.kind == "item" else topic if entry.kind == "sub" else None
        read.append(entry)
    return read


PART_NUMBER_RE = re.compile(r"\d+")


def _staffed_parts(chosen: list[Entry]) -> list[Entry]:
    """An item that names no office over two parts or more, each naming its own ("（1）…。责任单位：X") and none dated: the
    item a topic, its parts sub-items coded "1(1)" (as_headings reads them); parts of an item that names its office, or
    dated ("（1）6月底前完成方案设计。" "责任单位：城关镇": the item's stages), stay its lines."""
    read = list(chosen)
    for k, entry in enumerate(chosen):
        if entry.kind != "item" or office_of(entry):
            continue
        end = k + 1
        while end < len(chosen) and chosen[end].kind == "part":
            end += 1
        parts = chosen[k + 1:end]
        if len(parts) >= 2 and all(office_of(part) and not DATED_RE.search(part.text) for part in parts):
            read[k + 1:end] = [replace(part, kind="sub", code=f"({PART_NUMBER_RE.search(part.code)[0]})", text=_stopped(part))
                               for part in parts]
    return read


def _stopped(part: Entry) -> str:
    """A part's words with the full stop its sentence closes with before its label ("…进行监督检查。责任单位：X"), as a
    task's title keeps it when its label stands on a line of its own."""
    stopped = f"{part.text}。"
    return stopped if part.row is not None and any(stopped in text for text in row_texts(part.row)) else part.text


TOP_POINTS = 2  # "一是…" "二是…": two points in order make a list of them
# "…提出以下几点要求，请一并抓好落实。", "具体要求如下：": the line above the points announcing them (a news item's
# "近日，…开展…行动。" over its "一是…" reports what was done)
ANNOUNCED_RE = re.compile(r"以下|如下|几点|[：:]\s*$")


def top_points(rows: list[Row]) -> list[Row]:
    """A notice whose only list is its points "一是全面巡排查。…" "二是落实责任人。…", each a paragraph of its own, in
    order from 一, announced by the line above them (ANNOUNCED_RE), with no part ("一、", "（一）") or item ("1.") on the
    page: each point read as the part "一、…" it stands for (list_chinese.chinese_run reads those), coded by its numeral
    without its 是. Points under a part, a topic ("1.…专题：", sub_items) or inside a paragraph stay as they are."""
    texts = [row_texts(row) for row in rows]
    if any(len(t) == 1 and (GROUP_HEADING_RE.match(t[0].strip()) or ITEM_RE.match(t[0].strip())) for t in texts):
        return rows
    points = [k for k, t in enumerate(texts) if len(t) == 1 and SUB_ITEM_RE.match(t[0])]
    numerals = [chinese_count(SUB_ITEM_RE.match(texts[k][0])[1]) for k in points]
    if len(points) < TOP_POINTS or numerals != list(range(1, len(points) + 1)) \
            or points != list(range(points[0], points[0] + len(points))) \
            or not (points[0] and ANNOUNCED_RE.search("".join(texts[points[0] - 1]))):
        return rows
    out = list(rows)
    for k in points:
        m = SUB_ITEM_RE.match(texts[k][0])
        out[k] = Row(rows[k].number, [f"{m[1]}、{m[2].strip()}"])
    return out
