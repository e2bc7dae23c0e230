"""A plan's parts of work after the part that starts them, for the headerless reader (headerless.py, through
list_duty_lines): parts of named items ("四、工作流程" over "（一）培训准备。相关责任处室…", "四、现场审查时间程序" over
"（一）乡镇自查。各乡镇卫生院…要…于2018年7月31日前…"), parts of headings each over a list of what it asks ("五、…工作内容" over
"（一）村卫生所提交材料" over "1．…申请报告"), and parts of numbered items naming their doers ("六、工作要求" over "1．各基层
医疗卫生机构要…"). A named item is a task coded by its part ("四(一)"), its words whole; a heading over its list is one
task titled by the heading (the list its content, no task of its own: materials, standards), led by the body the heading
says submits ("村卫生所提交材料"); a numbered item is a task coded "六1". Each is led by its sentence's doers (the first
leading, the others its units) or by a party of the plan's duties whose name opens it, and due by the date its words
print ("于2018年7月31日前", a span's end "2018年8月1-20日"). And a plan's part naming its contents over groups of numbered
items ("二、活动内容及安排" over "（一）慈善文化进机关" over "1.…"): each item a task (content_groups)."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.list_bracketed import ANNEX_RE
from mstrack.sources.table.list_doers import paragraph_doers
from mstrack.sources.table.list_labels import LABEL_RE, label_kind
from mstrack.sources.table.list_numbered import HELPERS_LABEL, ITEM_RE, LEAD_LABEL, Entry, heading_entry
from mstrack.sources.table.list_roles import BODY_OPENING_RE
from mstrack.sources.table.list_work import titled_programme
from mstrack.sources.table.numbering import NUMERAL_VALUES, SUB_CODE_RE
from mstrack.sources.table.reading import Row
from mstrack.sources.table.units import office_list
from mstrack.vocabulary import CONTENTS_HEADING

DUE_LABEL = "完成时限"
NAMED_ITEM_RE = re.compile(r"^([^，,。；;：:\s]{2,12})。\s*\S")  # "培训准备。相关责任处室…": the item's name, then its words
HEADING_RE = re.compile(r"^[^，,。；;：:\s]{2,20}$")  # "村卫生所提交材料": a group's name alone over its list
SUBMITS_RE = re.compile(r"^([^，,。；;：:\s]{2,16}?)(?:提交|报送|上报)")  # "村卫生所提交材料": the body that submits
# "现场复核标准", "申报条件": what an applicant must meet, no work: its list is no content to read figures from
STANDARDS_RE = re.compile(r"标准|条件|要求")
STEPS_PART_RE = re.compile(r"程序|步骤|流程")  # "四、现场审查时间程序": a part of the plan's steps
# a date the words print: a day, or a span's days ("2018年8月1-20日"), "前" after it
DATE_RE = re.compile(r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日?(?:\s*[-—–~至到]\s*\d{1,2}\s*日)?\s*前?")
SHORT_SPAN_RE = re.compile(r"(\d{1,2}\s*月)\s*(\d{1,2})\s*日?\s*[-—–~至到]\s*(\d{1,2})\s*日")
MIN_STEPS = 2
CONTENTS_RE = re.compile(CONTENTS_HEADING)


def _doers(words: str, parties: list[str]) -> dict[str, str]:
    """The labels of an item's doers: a party of the plan's duties opening its words, else its sentence's doers."""
    if lead := next((p for p in parties if words.startswith(p)), ""):
        return {LEAD_LABEL: lead}
    doers = paragraph_doers(words, opening=True)
    return {LEAD_LABEL: doers[0], **({HELPERS_LABEL: "、".join(doers[1:])} if doers[1:] else {})} if doers else {}


def _doers_line(text: str) -> bool:
    """A line "牵头单位：…" that a reading of an item's doers wrote under it (list_doer_lines): read here again."""
    return (label := LABEL_RE.match(text)) is not None and label_kind(label[1]) in ("lead", "units")


def _dated(labels: dict[str, str], words: str) -> dict[str, str]:
    """The labels with the date the words print as the item's 完成时限, when they print one."""
    if not (m := DATE_RE.search(words)):
        return labels
    return {**labels, DUE_LABEL: SHORT_SPAN_RE.sub(r"\1\2日至\1\3日", m[0].strip())}  # "8月1-20日": 8月1日至8月20日


def _body(heading: str) -> str:
    """The body a heading says submits its list ("村卫生所提交材料": 村卫生所), named as an office or a body is; ""."""
    name = m[1] if (m := SUBMITS_RE.match(heading)) else ""
    return name if name and (office_list(name) or BODY_OPENING_RE.fullmatch(name) or name.endswith("机构")) else ""


def _part(rows: list[Row], at: int, parties: list[str]) -> tuple[str, list[tuple[Row, Entry]], int] | None:
    """The part whose heading is at `at` when its lines are all of one kind: named items, headings over lists, or
    numbered items naming their doers; (its kind, its rows and entries, where it ends), None otherwise."""
    entries: list[tuple[Row, Entry]] = []
    kind, k = "", at + 1
    while k < len(rows) and len(texts := row_texts(rows[k])) == 1 and not AREA_RE.match(texts[0]) \
            and not ANNEX_RE.match(texts[0]):  # "附件：1.…": the plan's end
        text = texts[0]
        if entries and _doers_line(text):
            k += 1
            continue
        if (sub := SUB_CODE_RE.match(text)) and NUMERAL_VALUES.get(sub[1]) == sum(e.kind == "item" for _, e in entries) + 1:
            words = text[sub.end():].strip()
            if NAMED_ITEM_RE.match(words) and kind in ("", "named"):
                kind = "named"
                labels = _dated(_doers(words.split("。", 1)[1], parties), words)
                entries.append((rows[k], Entry(rows[k], "item", "", f"（{sub[1]}）{words}", labels=labels)))
                k += 1
                continue
            below = k + 1
            while below < len(rows) and len(t := row_texts(rows[below])) == 1 and ITEM_RE.match(t[0]):
                below += 1
            if HEADING_RE.match(words) and below - k > MIN_STEPS and kind in ("", "lists"):
                kind = "lists"
                lead = _body(words)
                content = "" if STANDARDS_RE.search(words) else "；".join(row_texts(rows[j])[0] for j in range(k + 1, below))
                entries.append((rows[k], Entry(rows[k], "item", "", f"（{sub[1]}）{words}", content=content,
                                               labels={LEAD_LABEL: lead} if lead else {})))
                k = below
                continue
            return None
        if (m := ITEM_RE.match(text)) and int(m[1]) == len(entries) + 1 and kind in ("", "numbered"):
            kind, labels = "numbered", _doers(m[2].strip(), parties)
            entries.append((rows[k], Entry(rows[k], "item", m[1], m[2].strip(), labels=_dated(labels, m[2]))))
            k += 1
            continue
        return None
    if kind == "numbered" and 2 * sum(LEAD_LABEL in e.labels for _, e in entries) <= len(entries):
        return None  # numbered points most of which name no doer: a notice's requirements, no work (close47)
    return (kind, entries, k) if entries else None


def named_parts(rows: list[Row], start: int, parties: list[str]) -> tuple[list[Entry], list[Row], int]:
    """The parts from `start` on, in order, each of one kind (_part): their entries, rows and where they end."""
    entries: list[Entry] = []
    source: list[Row] = []
    k = start
    while k < len(rows) and len(texts := row_texts(rows[k])) == 1 and AREA_RE.match(texts[0]) \
            and (found := _part(rows, k, parties)) is not None:
        _, items, end = found
        entries += [heading_entry(None, texts[0]), *(e for _, e in items)]
        source += [rows[k], *(r for r, _ in items)]
        k = end
    return entries, source, k


def step_parts(rows: list[Row]) -> tuple[list[Entry], list[Row], int, int] | None:
    """The first part of the plan's steps ("四、现场审查时间程序", STEPS_PART_RE) over MIN_STEPS or more named items, one
    printing a date, and the parts of work after it (named_parts): (entries, rows read, the part's row, where they end);
    None when there is none."""
    for at, row in enumerate(rows):
        texts = row_texts(row)
        if len(texts) != 1 or not (m := AREA_RE.match(texts[0])) or not STEPS_PART_RE.search(m[2]) \
                or (found := _part(rows, at, [])) is None or found[0] != "named" or len(found[1]) < MIN_STEPS \
                or not any(DUE_LABEL in e.labels for _, e in found[1]):
            continue
        entries, source, end = named_parts(rows, at, [])
        return entries, source, at, end
    return None


def content_groups(rows: list[Row]) -> tuple[list[Entry], list[Row], int, int] | None:
    """A plan's part naming its contents ("二、活动内容及安排", vocabulary.CONTENTS_HEADING) over MIN_STEPS or more groups
    "（一）慈善文化进机关" each over its numbered items, in a document titled as a plan (list_work.titled_programme): each
    item a task coded "二(一)1", its words whole, led by its sentences' doers ("各单位要…"; a body the plan only
    encourages, "鼓励各类企业…", none); (entries, rows read, the part's row, where they end), None when there is none.
    The parts after it (工作要求) are not read."""
    texts = [row_texts(row)[0] for row in rows if row_texts(row)]
    if not titled_programme(texts):
        return None
    for at, row in enumerate(rows):
        if len(row_texts(row)) != 1 or not (m := AREA_RE.match(row_texts(row)[0])) or not CONTENTS_RE.search(m[2]):
            continue
        entries, source, k, groups = [heading_entry(None, row_texts(row)[0])], [row], at + 1, 0
        while k < len(rows) and len(t := row_texts(rows[k])) == 1 and (sub := SUB_CODE_RE.match(t[0])) \
                and NUMERAL_VALUES.get(sub[1]) == groups + 1 and HEADING_RE.match(t[0][sub.end():].strip()):
            entries.append(Entry(rows[k], "heading", "", t[0]))
            source.append(rows[k])
            k, n = k + 1, 0
            while k < len(rows) and len(t := row_texts(rows[k])) == 1 and (item := ITEM_RE.match(t[0])) \
                    and int(item[1]) == n + 1:
                words = item[2].strip()
                entries.append(Entry(rows[k], "item", item[1], words, labels=_doers(words.split("。", 1)[-1], [])))
                source.append(rows[k])
                k, n = k + 1, n + 1
                while k < len(rows) and len(t := row_texts(rows[k])) == 1 and _doers_line(t[0]):
                    k += 1
            if not n:
                return None
            groups += 1
        if groups >= MIN_STEPS and (k == len(rows) or len(t := row_texts(rows[k])) == 1 and AREA_RE.match(t[0])):
            return entries, source, at, k
        return None
    return None
