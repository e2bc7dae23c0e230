"""An activity schedule, for the "(一)" list reader (list_bracketed): a plan's events, each a name on a line of its own
("（一）启动仪式") over its labelled fields, numbered or not ("1.时间：10月24日" "2.主办单位：…" "3.承办单位：…" "4.地点：…"
"5.参加对象：…" "6.活动流程：…"). The fields are the event's, never parts of it nor tasks: its time dates it (a span's
last day: the event runs those days, its first no checkpoint), its organiser (主办) leads it and its undertaker (承办,
协办) does the work with it; its content (内容, 流程) and any paragraph under it are its content; a place, the people who
take part (offices among them take part, they do not do the work) and a field the reader does not know name no office
and no date, and end nothing. An event naming no organiser of its own is led by the one the plan names for all of
them ("本次活动由局综合处负责组织协调", "由X牵头组织"), wherever the plan says it (its closing part, most often)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.list_labels import LABEL_RE, label_kind
from mstrack.sources.table.list_numbered import CONTENT_NOTE, ITEM_RE, LEAD_LABEL, Entry
from mstrack.sources.table.list_sections import DATED_RE
from mstrack.sources.table.numbering import SUB_CODE_RE
from mstrack.sources.table.office_names import zones_administered
from mstrack.sources.table.one_paragraph import MIN_STAFFED_ITEMS
from mstrack.sources.table.reading import Row
from mstrack.sources.table.spans import span_end
from mstrack.sources.table.units import office_list, unit_names

TIME_FIELD_RE = re.compile(r"^(?:活动|举办|举行|开展|比赛|培训)?(?:时间|日期)$")  # "时间", "活动时间", "举办日期"
PLACE_FIELD_RE = re.compile(r"地点|场地|地址|路线")  # where: no office
# who takes part ("参加对象", "参与对象", "参加人员", "参加单位"): offices among them take part, they do not do the work
PEOPLE_FIELD_RE = re.compile(r"^(?:参加|参与|出席|列席|邀请|服务|受众|培训)(?:对象|人员|单位|范围|人数)?$|对象$")
CONTENT_FIELD_RE = re.compile(r"流程|议程|形式|方式")  # what happens ("活动流程", "活动形式"), as 内容 does
# the organiser of the whole plan: "本次活动由局综合处负责组织协调", "由X牵头组织", "X牵头组织…"
ORGANISER_RE = re.compile(r"(?:^|[。；;，,\s]|\d[.．、])\s*(?:本次|此次|本)?(?:活动|方案|工作)?\s*(?:由\s*([^，,。；;：:\s]{2,30}?)\s*"
                          r"(?:负责|牵头)\s*(?:组织协调|统筹协调|组织实施|统筹组织|牵头组织)"
                          r"|([^，,。；;：:\s由]{2,30}?)\s*牵头组织)")
NAME_RE = re.compile(r"^[^，,。；;：:]{2,30}$")  # an event's name on a line of its own: no sentence, no field


@dataclass
class Schedule:
    """What the activity schedules of a page are read as: {index of a field's row: the entry it is read as, as a
    labelled paragraph under an item is}, {index of an event's row naming no organiser: the plan's organiser as its
    lead's label}, and the indices of the events' rows."""
    fields: dict[int, Entry] = field(default_factory=dict)
    led: dict[int, Entry] = field(default_factory=dict)
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
        elif number or _field(texts[0]) is None:  # a numbered list's fields are numbered to the last
            break
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
    kinds = {k: [_kind(*found) if (found := _field(_body(row_texts(rows[j])[0]))) else "" for j in lines]
             for k, lines in items.items()}
    events = {k for k, found in kinds.items() if "time" in found and {"place", "organiser", "people"} & set(found)}
    schedule, members_read = Schedule(), []
    for members in parts.values():
        count = sum(k in events for k in members)
        if count >= MIN_STAFFED_ITEMS and 2 * count > len(members):
            members_read += members
            schedule.items.update(members)
            schedule.fields.update({j: _entry(rows[j], kind) for k in members for j, kind in zip(items[k], kinds[k], strict=True)})
    if members_read and (organiser := _organiser(rows, set(schedule.fields))):
        schedule.led = {k: organiser for k in members_read if "organiser" not in kinds[k]}
    return schedule


def _entry(row: Row, kind: str) -> Entry:
    """An event's line read as a labelled paragraph under it: its time as its 完成时限 (a span's last day), an
    organiser's label as printed (主办 leads, 承办 and 协办 are units: list_labels.label_kind), its content and any
    paragraph as its content; a place, the people and an unknown field a note naming no column (no part of it)."""
    text = _body(row_texts(row)[0])
    label, value = _field(text) or ("", text)
    if kind == "time":
        return Entry(row, "label", "完成时限", span_end(value))
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
