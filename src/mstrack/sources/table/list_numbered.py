"""A list of items numbered in digits ("1." "1、" "1)"), read row by row for the headerless reader (headerless.py): what
each row is (an item, a part "(2)", a group heading, a name beside its content, a labelled paragraph), the longest run
of items numbered in rising order, and that run as the rows of a table with a header. The offices an item's line
prints after its words, and a line "由…负责落实" under it, are item_offices.py's."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from mstrack.sources.table.carried_units import carried, with_carried, without_carried
from mstrack.sources.table.cells import GROUP_HEADING_RE, row_texts
from mstrack.sources.table.columns import column_kind
from mstrack.sources.table.item_offices import (
    office_line,
    units_after,
)
from mstrack.sources.table.list_labels import (
    DAYS_COLUMN,
    column_label,
    content_heading,
    context_label,
    figure_apart,
    further_labels,
    introduces_items,
    item_labels,
    label_kind,
    lead_line,
    note_label,
    office_days,
    progress_label,
    with_batches,
)
from mstrack.sources.table.list_sections import DATED_RE, dated, enough, requirement, staffed_few
from mstrack.sources.table.list_work import sets_figure_or_names_project
from mstrack.sources.table.mentions import find_mentions, sets_figure
from mstrack.sources.table.numbering import COUNT_RE, DECIMAL_AFTER, DOTS, STOPS
from mstrack.sources.table.office_names import PLACE_START, full_names
from mstrack.sources.table.one_paragraph import MIN_STAFFED_ITEMS
from mstrack.sources.table.reading import Row
from mstrack.sources.table.units import ROLE_SENTENCE_RE, office_list, roles_in, unit_names
from mstrack.vocabulary import LEAD_ROLE_WORDS, RESPONSIBLE_WORD

# "1.中心城区…", "7. 粮食…", "1、…", "1。…", "2。2024年底前…": not "2.5万" (numbering.DECIMAL_AFTER)
ITEM_RE = re.compile(rf"^(\d{{1,3}})\s*[{STOPS})）](?!{DECIMAL_AFTER})\s*(\S.*)$", re.S)
PART_RE = re.compile(r"^([（(]\s*\d{1,2}\s*[）)])\s*(\S.*)$", re.S)  # "(2)教育培训工程。…": a part of the item above
HELPERS_LABEL = "配合单位"  # the label a step's office joins an item under when the item's office is labelled

CONTENT_NOTE = "内容"  # a paragraph under an item made its content's note (list_contents): any code makes a note content


@dataclass
class Entry:
    row: Row
    kind: str  # "item", "part", "heading", "pair", "label", "note" (a labelled paragraph naming no column: "联系人：…"),
    # "sub" (a topic's sub-item "一是…": list_subitems), "lone" (a group's one paragraph, coded by its heading:
    # list_runs.group_paragraphs)
    code: str  # a label's name ("责任单位") for kind "label"
    text: str
    units: str = ""
    content: str = ""
    labels: dict[str, str] = field(default_factory=dict)  # an item's labelled paragraphs below it: {label: value}
    assigned: bool = False  # an office line "由…负责落实" (a label) or an item it stands under
    progress: bool = False  # a note reporting the progress of the item above ("完成情况：…", "1-11月…同比增长6.3%")
    shared: bool = False  # its offices are its group's, named once after the group's last item (list_roles.group_brackets)


def entry_of(row: Row) -> Entry | None:
    """What a row is in a list of tasks: an item numbered in its words, a part of one, a group heading, or a name beside
    its content (a 序号 in a cell of its own is such a name: the column's cells read it as the 序号 column); an office
    list as its last cell is the units."""
    texts = row_texts(row)
    if not texts or len(texts) > 3:
        return None
    units = texts[-1] if len(texts) > 1 and office_list(texts[-1]) else ""
    words = texts[:-1] if units else texts
    if len(words) == 2:
        name, content = words
        if len(name) <= 20 and not re.search(r"[。；;，,:：]", name) and len(content) > len(name) and not ITEM_RE.match(name) \
                and re.search(r"[\u4e00-\u9fff]{2}|^\d{1,3}$", name):  # words or a 序号: "8:30" times an agenda's line
            return Entry(row, "pair", "", name, units=units, content=content)
        return None
    if len(words) != 1:
        return None
    first = words[0]
    if not units and (label := column_label(first)):
        value, further = further_labels(label[1])  # "牵头单位：X；责任单位：Y": the labels after the first its own
        return Entry(row, "label", label[0], value, labels=further)
    if not units and (label := context_label(first)):
        return Entry(row, "label", *label)
    if not units and introduces_items(first):  # "工作任务：" over a group's items: no part of any, skipped
        return Entry(row, "note", "", first)
    if not units and (leads := lead_line(first)):  # "市发改委牵头落实" under the item: its labelled lines, in words
        return Entry(row, "label", *next(iter(leads.items())), labels=dict(list(leads.items())[1:]), assigned=True)
    if not units and (offices := office_line(first)):  # read as a 责任单位 line: the first office leads
        return Entry(row, "label", "责任单位", offices, assigned=True)
    if GROUP_HEADING_RE.match(first) and not units and len(first) <= 60:
        return heading_entry(row, first)
    if numbered := numbered_entry(row, first, units):
        return numbered
    return Entry(row, "note", *note, progress=progress_label(first)) if not units and (note := note_label(first)) else None


# a group's heading that names the office leading its items ("一、县示范区管委会牵头工作(8项)", "（二）市教育局负责的任务"):
# the office leads every item under it up to the next heading, as a 牵头单位 line under the heading would
# ("一、由县住建局牵头的工作": 由 frames the office, no part of its name)
LEAD_GROUP_RE = re.compile(rf"^(?:[一二三四五六七八九十百]+\s*[{DOTS}]|[（(]\s*[一二三四五六七八九十百]+\s*[）)])?\s*"
                           rf"(?:由\s*)?(\S{{2,40}}?)\s*"
                           rf"(?:{'|'.join(LEAD_ROLE_WORDS)}|{RESPONSIBLE_WORD})(?:的|{RESPONSIBLE_WORD}的)?(?:工作|任务|事项)$")
LEAD_LABEL = "牵头单位"  # the label a heading's lead is the items' under
SUB_HEADING_RE = re.compile(r"^[（(]\s*[一二三四五六七八九十百]+\s*[）)]")  # "（一）…" under a heading "一、…"


def part_above(entries: list[Entry | None], start: int) -> int:
    """Where a run opening with a group heading "（一）…" starts, with the part "二、…" above it whose introduction
    ("重点加强…", a paragraph that is no entry) stands between: at that part, so that its groups are coded within it
    ("二(一)1", as under a part right above them); else at the run's own start."""
    k = start - 1
    while k >= 0 and entries[k] is None:
        k -= 1
    first, part = entries[start] if start < len(entries) else None, entries[k] if k >= 0 else None
    return k if first is not None and first.kind == "heading" and SUB_HEADING_RE.match(first.text) and part is not None \
        and part.kind == "heading" and not SUB_HEADING_RE.match(part.text) and GROUP_HEADING_RE.match(part.text) else start
# a category of offices, no office: 部门 or 单位 after nothing but places' levels and words of kind or number ("多部门",
# "省直部门", "县直有关部门", "其他单位", "上级部门", "中央驻县单位"); an office names its field ("县教育部门")
CATEGORY_RE = re.compile(rf"(?:[{PLACE_START}]|中央|多|诸|其他|其它|有关|相关|上级|下级|直属|直|驻|各级|职能|主管|行业|成员|"
                         r"责任|涉及|具体)*(?:部门|单位|机关)")


def heading_lead(heading: str) -> str:
    """The office a group's heading names as the lead of its items, its count ("(8项)") no part of it; "" for a
    heading that names none (a person: "孟学农省长负责的工作", a topic: "民生工作", or a category: "多部门牵头的工作")."""
    m = LEAD_GROUP_RE.match(COUNT_RE.sub("", heading).strip()) or WORK_GIVEN_RE.search(heading.strip())
    return m[1] if m and office_list(m[1]) and not CATEGORY_RE.fullmatch(m[1]) else ""


# a group's last sentence giving its work to an office before its items ("…。该项工作由区海洋与渔业技术中心负责，具体如下：")
WORK_GIVEN_RE = re.compile(rf"[。；;]\s*(?:该项|此项|这项|上述|以上)?工作由\s*(\S{{2,40}}?)\s*(?:{'|'.join(LEAD_ROLE_WORDS)})?"
                           rf"\s*{RESPONSIBLE_WORD}\s*[，,]?\s*(?:具体(?:安排)?如下)?\s*[：:。]$")


def under_lead(lead: str, offices: str) -> tuple[str, str]:
    """An item's offices under a heading naming its lead: (the lead, the other units). An item's bracket naming its own
    lead by its role ("（县住建局牵头）", "（A牵头，B配合）") keeps it: ("", the offices); else the heading's office leads
    and the bracket's offices, its own name aside, are units ("（县教育局、县财政局）", a helper alone "（县财政局配合）")."""
    if not lead or (roles := roles_in(offices)) is not None and roles[0]:
        return "", offices
    return lead, "、".join(name for name in unit_names(offices) if name != lead)


def led_cell(lead: str, offices: str) -> str:
    """The 责任单位 cell of an item under a heading naming its lead (under_lead): its offices labelled by their roles
    ("牵头单位：县教育局；责任单位：县财政局"), as a cell of both roles reads; the offices alone when it names its own lead."""
    lead, units = under_lead(lead, offices)
    return f"{LEAD_LABEL}：{lead}；责任单位：{units}" if lead and units else lead or units


def heading_entry(row: Row | None, text: str) -> Entry:
    """A group's heading, the office it names as its items' lead (heading_lead) labelled under it."""
    lead = heading_lead(text)
    return Entry(row, "heading", "", text, labels={LEAD_LABEL: lead} if lead else {})


# "1．自查自纠（即日起至10月底）。各村…": an item's name closed by its period in a bracket, from today on (an open start) to
# an end in words: the end its 完成时限, the bracket no part of its words
NAME_PERIOD_RE = re.compile(r"^([^。；;，,（()）]{2,20}?)\s*[（(]\s*(?:自|从)?\s*即日起?\s*(?:至|到)\s*"
                            r"((?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日|份|底|末)?)\s*[）)]\s*(?=。)")


def numbered_entry(row: Row, first: str, units: str) -> Entry | None:
    """An item ("1.…") or a part ("(2)…") read from its text, with the offices printed after its words; a period closing
    its name ("（即日起至10月底）", NAME_PERIOD_RE) its 完成时限."""
    for kind, pattern in (("item", ITEM_RE), ("part", PART_RE)):
        if m := pattern.match(first):
            words, content, labels = item_labels(m[2].strip())  # "…专题：要点：…。责任单位：…": its content apart
            if (period := NAME_PERIOD_RE.match(words)) and not dated(labels):  # "自查自纠（即日起至10月底）。…"
                words, labels = f"{period[1]}{words[period.end():]}", {**labels, "完成时限": period[2]}
            text, trailing = units_after(words)
            return Entry(row, kind, m[1], text, units=units or trailing, content=content, labels=labels)
    return None


def assigned_work(items: list[tuple[str, bool]], assigned: list[bool]) -> bool:
    """Few items (MIN_STAFFED_ITEMS or more), each assigned to its offices by a line of its own ("由…负责落实") and
    each setting a figure or naming a project, none a requirement: a 任务分解's items, as clearly as staffed_work's."""
    return len(items) >= MIN_STAFFED_ITEMS and len(assigned) == len(items) and all(assigned) and all(
        sets_figure_or_names_project(words) and not requirement(words) for words, _ in items)


def numbered_run(entries: list[Entry | None], few: bool = False, one: Callable[[int, int], bool] | None = None,
                 ) -> tuple[int, int, list[tuple[int, int]]] | None:
    """The longest run of rows that are items numbered in rising order (group headings, parts and the labelled
    paragraphs of items and headings between them; under a heading the numbers may start again at 1), items enough for
    a list (list_sections.enough: MIN_ITEMS, or two that each name their office and set a figure or a dated 完成时限, as in
    a "一、" list);
    a labelled paragraph naming no column inside the run is the item's content ("主要内容：…"; a label after it joins
    the item) or is skipped ("联系人：…", "来源：…"; a label after it, a page's "发布单位：", ends the run): (first row,
    row after the last, the other runs of one or more items: rows left out, said so). `few`: two items each naming
    their offices in a bracket after their words are enough too (list_sections.staffed_few: the caller asks for a
    programme named above them). `one`: a shorter run, (first row, row after the last), that is a list still
    (list_single.one_numbered: one item under a heading naming tasks)."""
    best, start, last, items, runs, assigned, due, bracketed = None, None, 0, [], [], [], [], []
    for i, entry in enumerate([*entries, None]):
        after = entries[i - 1] if i and start is not None and start < i else None
        above = _past_labels(entries, start, i)  # the entry above the item's or the heading's labels
        restart = entry is not None and entry.kind == "item" and entry.code == "1" and above is not None and above.kind == "heading"
        rising = entry is not None and (entry.kind != "item" or int(entry.code) > last or restart) and entry.kind != "pair" \
            and (entry.kind != "label" or after is not None and (after.kind in ("item", "part", "label", "heading")
                                                                 or after.kind == "note" and after.code)) \
            and (entry.kind != "note" or after is not None)
        if rising and start is None and entry.kind in ("part", "label", "note", "sub", "lone"):
            rising = False
        if not rising:
            if start is not None and items:  # a list, a group of one under its heading, or items cut off: said if not read
                end = i
                while entries[end - 1].kind == "heading" or entries[end - 1].kind == "note" and not entries[end - 1].code:  # a
                    # heading after the last item heads nothing; a contact or a page's field there is no content of it
                    end -= 1
                runs.append((start, end))
                if (enough(items, due) or assigned_work(items, assigned) or few and staffed_few(bracketed)
                     or one is not None and one(start, end)) \
                        and (best is None or len(items) > best[2]):
                    best = (start, end, len(items))
            start, last, items, assigned, due, bracketed = None, 0, [], [], [], []
            if entry is None or entry.kind in ("pair", "part", "label", "note", "sub", "lone"):
                continue
        if start is None:
            start = i
        if entry.kind == "item":
            last = int(entry.code)
            items.append((entry.text, bool(office_of(entry))))
            bracketed.append((entry.text, bool(entry.units)))
            assigned.append(False)
            due.append(dated(entry.labels))
        elif entry.kind in ("label", "note") and above is not None and above.kind == "item" \
                and _staffed({entry.code: entry.text, **entry.labels}):
            items[-1] = (items[-1][0], True)  # "牵头单位：县教育局" under the item names its office
            assigned[-1] = assigned[-1] or entry.assigned
        if entry.kind == "label" and above is not None and above.kind == "item" and dated({entry.code: entry.text}):
            due[-1] = True  # "完成时限：2024年12月底" under it dates it
    return (best[0], best[1], [run for run in runs if run != best[:2]]) if best else None


def office_of(entry: Entry) -> str:
    """The office an item names: printed after its words, or labelled under it (牵头单位, 责任单位 …); "" when none."""
    return entry.units or next((text for name, text in entry.labels.items() if _staffed({name: text})), "")


def _staffed(labels: dict[str, str]) -> bool:
    """Whether an item's labels name who does it: a lead's or the units' label."""
    return any(label_kind(name) in ("lead", "units") for name in labels)


def restated(entries: list[Entry]) -> bool:
    """Most items of a run followed by their own progress ("完成情况：…" or a paragraph of results under each): a report
    that restates the plan item by item, whose items are the targets, read as a table with a progress column is."""
    items = [k for k, e in enumerate(entries) if e.kind == "item"]
    followed = [k for k in items if k + 1 < len(entries) and entries[k + 1].progress]
    return bool(items) and 2 * len(followed) > len(items)


def numbered_on(chosen: list[Entry]) -> frozenset[int]:
    """The items numbered on with the item before them ("5." after "4."; "1." under a new heading starts again)."""
    codes = [(k, int(e.code)) for k, e in enumerate(chosen) if e.kind == "item"]
    return frozenset(k for (_, before), (k, code) in zip(codes, codes[1:], strict=False) if code == before + 1)


def _past_labels(entries: list[Entry | None], start: int | None, i: int) -> Entry | None:
    """The run's entry above row `i` that is not a labelled paragraph; None at the run's start."""
    k = i - 1
    while start is not None and k >= start and entries[k] is not None and entries[k].kind in ("label", "note"):
        k -= 1
    return entries[k] if start is not None and k >= start else None


def labelled(entries: list[Entry]) -> list[Entry]:
    """A run's entries with each labelled paragraph joined to the item, part or group heading above it: a column's
    label as that column, content ("主要内容：…") as the item's content; a contact or a page's field dropped. The
    steps of an item (_steps) join its words, or its content where the list prints its items' content apart."""
    joined: list[Entry] = []
    steps = _steps(entries)
    contents = any(e.kind == "note" and e.code == CONTENT_NOTE for e in entries)  # items over their content (list_contents)
    named = False  # the paragraph above opens with a sub-area's name ("“互联网+”便民服务：…")
    for k, entry in enumerate(entries):
        named = NAMED_PART_RE.match(entry.text) is not None if entry.kind == "note" else named and entry.kind == "label"
        if entry.kind == "note":
            if entry.code and joined and joined[-1].kind != "heading":
                joined[-1].content = "；".join(filter(None, [joined[-1].content, entry.text]))
                for name, value in entry.labels.items():  # "…。责任单位：X" closing the content (list_contents)
                    joined[-1].labels.setdefault(name, value)
            continue
        if entry.kind == "label":
            for name, value in {entry.code: entry.text, **entry.labels}.items():
                name, value = with_batches(joined[-1].labels, name, value)  # one schedule with the batches' dates
                joined[-1].labels[name] = _again(name, joined[-1].labels.get(name), value, as_printed=named)
            joined[-1].assigned = joined[-1].assigned or entry.assigned
        elif k in steps and contents:  # a list printing its items' content apart: the steps are the item's content
            joined[-1].content = "；".join(filter(None, [joined[-1].content, entry.text.rstrip("。；;，, ")]))
            _joined_office(joined[-1], step_office(entry))
        elif k in steps:
            # the item's words go on with the step's, a clause each, as one cell's: a dated step is its checkpoint;
            # the step's own office is one of the item's units
            joined[-1].text = f"{joined[-1].text.rstrip('。；;，, ')}，{entry.text.rstrip('。；;，, ')}。"
            _joined_office(joined[-1], step_office(entry))
        else:
            joined.append(entry)
    return joined


# "“互联网+”便民服务：…", "“互联网+”食品安全。…": a paragraph opened by a sub-area's name in quotation marks
NAMED_PART_RE = re.compile(r"\s*“[^“”]{1,16}”\s*[\u4e00-\u9fff]{0,8}\s*[：:。]")


def _again(name: str, first: str | None, value: str, *, as_printed: bool = False) -> str:
    """A label's value under an item that printed it already: the first kept, but for offices ("责任单位：…" closing
    each of the item's paragraphs), which are all the item's, the lines' clauses in turn ("…牵头，…参与；…牵头，…"),
    an office named with and without its level one office (full_names). Under a named sub-area of the item
    (`as_printed`: "“互联网+”便民服务：…" over "牵头单位：区行政审批局、社会事业局"), each line is that sub-area's own list:
    its names stay as printed, "社会事业局" beside another sub-area's "区社会事业局" (pingtan-2016-hulianwang)."""
    if first is None or first == value:
        return value
    kind = column_kind(name, 2000).kind
    if kind not in ("lead", "units"):
        return first
    offices = f"{first}{'；' if kind == 'units' else '、'}{value}"
    return offices if as_printed else full_names(offices)


def _steps(entries: list[Entry]) -> set[int]:
    """The parts ("（1）6月底前完成方案设计。") that are steps of the item above them, no task and no line: the item names
    its office and every one of its parts is a step (_step), read alike; a part that is not leaves them all rows of
    the item's, each with its own figure or office. The labelled paragraphs below an entry are its own, as labelled
    joins them, read here before it does: the item's office label above its steps ("1.…" "责任单位：…" "（1）…") or
    below the last of them, no other part labelled ("（2）…" "责任单位：…"), names the item's office."""
    steps: set[int] = set()
    item: int | None = None
    parts: list[int] = []
    below: dict[int, dict[str, str]] = {}  # an item's or a part's labelled paragraphs under it
    for k, entry in enumerate([*entries, None]):
        if entry is not None and entry.kind == "note":
            continue
        if entry is not None and entry.kind == "label":
            if (owner := parts[-1] if parts else item) is not None:
                below.setdefault(owner, {}).setdefault(entry.code, entry.text)
            continue
        if entry is not None and entry.kind == "part" and item is not None:
            parts.append(k)
            continue
        if item is not None and parts:
            labels = {**entries[item].labels, **below.get(item, {})}
            last, inline = below.get(parts[-1], {}), {}
            if not _staffed(labels) and not entries[item].units and _staffed({**entries[parts[-1]].labels, **last}) \
                    and not any(_staffed({**entries[p].labels, **below.get(p, {})}) for p in parts[:-1]):
                inline = entries[parts[-1]].labels  # "（2）…；责任单位：X" closing the last: the item's label too
                labels, below[parts[-1]] = {**labels, **inline, **last}, {}  # the item's label, after its steps
            if (entries[item].units or _staffed(labels)) \
                    and all(_step(replace(entries[p], labels={}) if inline and p == parts[-1] else entries[p], entries[item],
                                  below.get(p, {})) for p in parts):
                steps.update(parts)
                if inline:
                    entries[item].labels, entries[parts[-1]].labels = {**inline, **entries[item].labels}, {}
        item, parts = (k if entry is not None and entry.kind == "item" else None), []
    return steps


def _step(part: Entry, item: Entry, below: dict[str, str]) -> bool:
    """A part that is a step of its item, `below` its labelled paragraphs: dated ("（2）9月底前完成用地报批。
    （县自然资源局）", the item's checkpoint) unless it sets a figure of its own, not the item's, and names its own office
    ("（2）8月底前改扩建农村小学5所。（县住建局）": a line of the item's, as a 序号 table's part row is); or words only, with
    no figure and no office of its own. An undated part with a figure ("（2）改造学校5所") or an office of its own is a
    row of the item's."""
    if _staffed({**part.labels, **below}):
        return False
    if DATED_RE.search(part.text):
        return not (step_office(part) and _own_figure(part.text, item.text))
    return not step_office(part) and not sets_figure(part.text)


def _own_figure(words: str, item: str) -> bool:
    """Whether the words set a figure the item's words do not print (its number in its measure word)."""
    printed = {(m.value, m.unit) for m in find_mentions(item) if m.unit}
    return any(m.unit and (m.value, m.unit) not in printed for m in find_mentions(words))


def step_office(part: Entry) -> str:
    """The offices a part names: after its words, or as the subject of its words ("县自然资源局负责…")."""
    if part.units:
        return part.units
    m = ROLE_SENTENCE_RE.match(part.text)
    return m["unit"] if m and office_list(m["unit"], towns=True) else ""  # "城关镇负责…": the town does it


def _joined_office(item: Entry, offices: str) -> None:
    """A step's offices join the item's: after its own offices (the first still leads), or as its helpers' label."""
    if not offices:
        return
    if item.units:
        item.units = "、".join(dict.fromkeys([*unit_names(item.units), *unit_names(offices)]))
    else:
        names = [*unit_names(item.labels.get(HELPERS_LABEL, "")), *unit_names(offices)]
        item.labels[HELPERS_LABEL] = "、".join(dict.fromkeys(names))


def numbered_table(chosen: list[Entry]) -> tuple[list[str], list[list[str]]]:
    """The rows of a numbered list as a table: (header, cells). A part ("(2)…" under "17.") keeps its number in its words:
    a row without 序号, read as the item above's. The items' labelled paragraphs are columns of their own, named by
    their labels. Per row, an item's own labels come first, then the offices printed after its words (its 责任单位, in
    the 责任单位 column, labelled or not), then the labels under its group's heading (the group's units)."""
    staffed = _staffed
    labels = list(dict.fromkeys(name for e in chosen for name in e.labels))
    bracketed = any(e.units and not staffed(e.labels) for e in chosen if e.kind != "heading")
    unlabelled = "责任单位" not in labels and (bracketed or not staffed(dict.fromkeys(labels)))  # a column for the brackets
    names = [*(["责任单位"] if unlabelled else []), *labels]
    content = any(e.content for e in chosen)  # the items' labelled content: the item's words name it, as a 项目名称
    days = {id(e): office_days(e.text, e.units or e.labels.get("责任单位", "")) for e in chosen if e.kind != "heading"}
    header = ["序号", *(["项目名称", "项目内容"] if content else ["工作任务"]), *names,
              *([DAYS_COLUMN] if any(days.values()) else [])]
    rows, group, top, every = [], {}, {}, ""
    for e in chosen:
        every = e.kind == "item" and e.row is not None and carried([*row_texts(e.row), *e.labels.values()]) or every
        if e.kind == "item" and content_heading(e.text, office_of(e)):
            rows.append([f"{e.code}.{e.text}"] * len(header))  # "4.检查内容": the part's content, a heading's row
            continue
        if e.kind == "heading":
            sub = SUB_HEADING_RE.match(e.text) is not None  # "（一）…" under "一、…": its lead, unless it names its own
            group = {**top, **e.labels} if sub else e.labels
            top = top if sub else e.labels
            rows.append([e.text] * len(header))
            continue
        own = bool(e.units) or staffed(e.labels)  # the item names who does it: the group's offices are not its
        cells = {**{k: v for k, v in group.items() if not (own and staffed({k: v}))}, **e.labels}
        if e.units and not staffed(e.labels):
            lead, cells["责任单位"] = under_lead(group.get(LEAD_LABEL, ""), e.units)  # a heading's lead leads its items
            cells.update({LEAD_LABEL: lead} if lead else {})
        if every and "责任单位" in names:  # a unit a note above named for every item ("以下均需…落实，不再列出")
            cells["责任单位"] = with_carried(without_carried(cells.get("责任单位", "")), every)
        values = [cells.get(name, "") for name in names] + ([days[id(e)]] if any(days.values()) else [])
        words = list(figure_apart(e.text, e.content)) if content else [e.text]
        rows.append([e.code, *words, *values] if e.kind == "item" else ["", f"{e.code}{e.text}", *words[1:], *values])
    return header, rows

