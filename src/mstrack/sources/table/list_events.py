"""An activity schedule, for the "(一)" list reader (list_bracketed): a plan's events, each a name on a line of its own
("（一）启动仪式") over its labelled fields, numbered or not ("1.时间：10月24日" "2.主办单位：…" "3.承办单位：…" "4.地点：…"
"5.参加对象：…" "6.活动流程：…"). The fields are the event's, never parts of it nor tasks: its time dates it (a span's
last day: the event runs those days, its first no checkpoint), its organiser (主办) leads it and its undertaker (承办,
协办) does the work with it; its content (内容, 流程) and any paragraph under it are its content; a place, the people who
take part (offices among them take part, they do not do the work) and a field the reader does not know name no office
and no date, and end nothing; a paragraph after its fields is its content too. An event naming no organiser is led by
the office its name opens with ("区医院组织举办“…培训班”"), else by the one the plan names for all of them ("本次活动由
局综合处负责组织协调", "由X牵头组织"), wherever the plan says it (its closing part, most often), else by the subjects of
its content's sentences ("区妇幼保健院负责印刷…", "各基层医疗机构…要…": the first leads). A name closed by a stop ("（五）加强
…监督。" over its paragraph) is named without it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.list_doers import ISSUER_RE, LEVEL_RE, office_clause, paragraph_doers
from mstrack.sources.table.list_labels import LABEL_RE, label_kind
from mstrack.sources.table.list_numbered import CONTENT_NOTE, HELPERS_LABEL, ITEM_RE, LEAD_LABEL, Entry
from mstrack.sources.table.list_sections import DATED_RE
from mstrack.sources.table.numbering import SUB_CODE_RE
from mstrack.sources.table.office_names import zones_administered
from mstrack.sources.table.one_paragraph import MIN_STAFFED_ITEMS
from mstrack.sources.table.reading import Row
from mstrack.sources.table.spans import EVENT_SPAN_HEADER
from mstrack.sources.table.units import office_list, unit_names
from mstrack.vocabulary import RESPONSIBLE_VERB

TIME_FIELD_RE = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:时间|日期)$")  # "时间", "活动时间", "举办日期", "义诊时间"
PLACE_FIELD_RE = re.compile(r"地点|场地|地址|路线")  # where: no office
# who takes part ("参加对象", "参与对象", "参加人员", "参加单位"): offices among them take part, they do not do the work
PEOPLE_FIELD_RE = re.compile(r"^(?:参加|参与|出席|列席|邀请|服务|受众|培训)(?:对象|人员|单位|范围|人数)?$|对象$")
CONTENT_FIELD_RE = re.compile(r"流程|议程|形式|方式")  # what happens ("活动流程", "活动形式"), as 内容 does
# the organiser of the whole plan: "本次活动由局综合处负责组织协调", "由X牵头组织", "X牵头组织…"
ORGANISER_RE = re.compile(r"(?:^|[。；;，,\s]|\d[.．、])\s*(?:本次|此次|本)?(?:活动|方案|工作)?\s*(?:由\s*([^，,。；;：:\s]{2,30}?)\s*"
                          r"(?:负责|牵头)\s*(?:组织协调|统筹协调|组织实施|统筹组织|牵头组织)"
                          r"|([^，,。；;：:\s由]{2,30}?)\s*牵头组织)")
# an event's doer opening its name: "区医院组织举办…", "区妇幼组织开展…"
NAME_DOER_RE = re.compile(r"^([^，,。；;：:、“”\"（）()\s]{2,15}?)(?:组织|牵头)(?:举办|开展|实施|召开)")
# a sentence of an event's content opening with its doer: "区妇幼保健院负责印刷…", "区妇幼要加大…", "各…均应开设…"
DOER_OPENING_RE = re.compile(rf"^([^，,。；;：:、“”\"（）()\s]{{2,15}}?)(?:{RESPONSIBLE_VERB}|均应|要|应|须|牵头)")
NAME_RE = re.compile(r"^[^，,。；;：:]{2,30}。?$")  # an event's name on a line of its own: no sentence, no field


@dataclass
class Schedule:
    """What the activity schedules of a page are read as: {index of a field's row: the entry it is read as, as a
    labelled paragraph under an item is}, {index of an event's row naming no organiser: the plan's organiser as its
    lead's label, or the doers its name or its content names as its lead's and helpers' labels}, and the indices of
    the events' rows."""
    fields: dict[int, Entry] = field(default_factory=dict)
    led: dict[int, list[Entry]] = field(default_factory=dict)
    items: set[int] = field(default_factory=set)  # the events' rows


def _field(text: str) -> tuple[str, str] | None:
    """A line's label and value ("时间：10月24日" → ("时间", "10月24日")), None for a paragraph with no label."""
    return (m[1], m[2].strip()) if (m := LABEL_RE.match(text)) else None


def _kind(label: str, value: str) -> str:
    """What an event's field is: "time" (a date), "people", "place", "organiser" (names under a role's label: 主办,
    承办, 协办, one list and no sentence), "content", or "" (a field the reader does not know)."""
    if TIME_FIELD_RE.match(label):
        return "time" if DATED_RE.search(value) else ""
    if PEOPLE_FIELD_RE.search(label):
        return "people"
    if PLACE_FIELD_RE.search(label):
        return "place"
    if label_kind(label) in ("lead", "units"):  # the label says who they are: names, whatever they are called ("县文化馆")
        return "organiser" if office_list(zones_administered(value)) or unit_names(value) \
            and not re.search(r"[。；;]", value.rstrip("。；;")) else ""
    return "content" if label_kind(label) == "task" or CONTENT_FIELD_RE.search(label) else ""


def _lines_under(rows: list[Row], at: int) -> list[int]:
    """The rows under an event's name: its fields and paragraphs, numbered "1." on in order or each a labelled line,
    up to the next item "(二)", the next part "三、" or a line that is neither."""
    found: list[int] = []
    number = 0
    for k in range(at + 1, len(rows)):
        texts = row_texts(rows[k])
        if len(texts) != 1 or SUB_CODE_RE.match(texts[0]) or AREA_RE.match(texts[0]):
            break
        if m := ITEM_RE.match(texts[0]):
            if int(m[1]) != number + 1:
                break
            number += 1
        elif number or _field(texts[0]) is None and not found:  # a numbered list's fields are numbered to the last;
            break  # a paragraph after the fields is the event's content ("活动时间：…" "活动内容：…" over "X要…")
        found.append(k)
    return found


def _body(text: str) -> str:
    """A line's words after its number."""
    return m[2].strip() if (m := ITEM_RE.match(text)) else text.strip()


def activity_schedule(rows: list[Row]) -> Schedule:
    """The page's activity schedules: the events of a part ("三、活动内容" over "（一）…" "（二）…") read as a schedule when
    MIN_STAFFED_ITEMS or more of them, and most, are events — a time field and a place, an organiser or the people who
    take part — every item of the part then read so, its lines its fields (a line that names none its content). An
    event naming no organiser of its own is led by the plan's (ORGANISER_RE), read from any line of the page that is
    no event's field."""
    items: dict[int, list[int]] = {}  # an item's row: its lines
    parts: dict[int, list[int]] = {}  # a part's heading row (-1 above the first): its items
    part = -1
    for k, row in enumerate(rows):
        texts = row_texts(row)
        if len(texts) != 1:
            continue
        if AREA_RE.match(texts[0]) and not SUB_CODE_RE.match(texts[0]):
            part = k
        elif (m := SUB_CODE_RE.match(texts[0])) and NAME_RE.match(texts[0][m.end():].strip()):
            items[k] = _lines_under(rows, k)
            parts.setdefault(part, []).append(k)
    fields = {k: [_field(_body(row_texts(rows[j])[0])) for j in lines] for k, lines in items.items()}
    kinds = {k: [_kind(*found) if found else "" for found in read] for k, read in fields.items()}
    labels = {k: [found[0] if found else "" for found in read] for k, read in fields.items()}
    # an event: a time and a place, an organiser, the people, or what happens ("活动内容与形式"); a stage's time over its
    # 任务 ("（一）前期准备阶段" / "时间：…" / "任务：…") is no event
    events = {k for k, found in kinds.items() if "time" in found and ({"place", "organiser", "people"} & set(found) or any(
        kind == "content" and CONTENT_FIELD_RE.search(label) for kind, label in zip(found, labels[k], strict=True)))}
    schedule, members_read = Schedule(), []
    for members in parts.values():
        count = sum(k in events for k in members)
        if count >= MIN_STAFFED_ITEMS and 2 * count > len(members):
            members_read += members
            schedule.items.update(members)
            schedule.fields.update({j: _entry(rows[j], kind) for k in members for j, kind in zip(items[k], kinds[k], strict=True)})
    organiser = _organiser(rows, set(schedule.fields)) if members_read else None
    for k in members_read:
        if "organiser" in kinds[k]:
            continue
        name = row_texts(rows[k])[0][SUB_CODE_RE.match(row_texts(rows[k])[0]).end():]
        contents = [schedule.fields[j].text for j, kind, label in zip(items[k], kinds[k], labels[k], strict=True)
                    if kind == "content" or not label]  # its content and its paragraphs: never the people taking part
        if (m := NAME_DOER_RE.match(name)) and _doer(m[1]):  # "区医院组织举办…": its own organiser, named
            schedule.led[k] = [Entry(rows[k], "label", LEAD_LABEL, m[1])]
        elif organiser is not None:
            schedule.led[k] = [organiser]
        elif doers := _content_doers(contents):
            schedule.led[k] = [Entry(rows[k], "label", LEAD_LABEL, doers[0]),
                               *([Entry(rows[k], "label", HELPERS_LABEL, "、".join(doers[1:]))] if doers[1:] else [])]
    return schedule


def _content_doers(contents: list[str]) -> list[str]:
    """The offices an event's content names as the subjects of its sentences ("区妇幼保健院负责印刷…", "各基层医疗机构…
    要…"), the first the lead; a shorter name of one already read ("区妇幼" after "区妇幼保健院") is that office again.
    Never the plan's issuer ("我局将…")."""
    found: list[str] = []
    for sentence in (one.strip() for text in contents for one in re.split(r"[。；;！!]", text)):
        m = DOER_OPENING_RE.match(sentence)
        names = [m[1]] if m and _doer(m[1]) else paragraph_doers(sentence)
        found += [n for n in names if not any(one.startswith(n) or n.startswith(one) for one in found)]
    return found


def _doer(words: str) -> bool:
    """Words that are an office's name, or open with its level ("区妇幼"); never the issuer's "我局"."""
    return not ISSUER_RE.match(words) and (office_clause(words) or LEVEL_RE.match(words) is not None)


def _entry(row: Row, kind: str) -> Entry:
    """An event's line read as a labelled paragraph under it: its time as its 完成时限 (spans.EVENT_SPAN_HEADER: a
    span as printed, due at its last day, no start of work), an
    organiser's label as printed (主办 leads, 承办 and 协办 are units: list_labels.label_kind), its content and any
    paragraph as its content; a place, the people and an unknown field a note naming no column (no part of it)."""
    text = _body(row_texts(row)[0])
    label, value = _field(text) or ("", text)
    if kind == "time":
        return Entry(row, "label", EVENT_SPAN_HEADER, value)  # the span as printed, due at its end
    if kind == "organiser":
        return Entry(row, "label", label, value)
    if kind == "content" or not label:
        return Entry(row, "note", CONTENT_NOTE, value)
    return Entry(row, "note", "", text)


def _organiser(rows: list[Row], fields: set[int]) -> Entry | None:
    """The plan's organiser of all its events ("本次活动由局综合处负责组织协调"), as a lead's label read from its line;
    None when no line but an event's fields names one."""
    for k, row in enumerate(rows):
        if k in fields:
            continue
        for text in row_texts(row):
            for m in ORGANISER_RE.finditer(text):
                name = m[1] or m[2]
                if office_list(name):
                    return Entry(row, "label", LEAD_LABEL, name)
    return None
