"""A document with no header row whose body is a list of tasks: numbered items ("1." "1、" "1)"), each 实事 a paragraph
of its own, or a table of two or three columns (name | content [| units]) printed without a header. Read as the table
it would be with a header (序号 | 工作任务 | 责任单位), so that every other rule of the reader applies unchanged."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mstrack.domain.quantities import chinese_count
from mstrack.sources.table.cells import AREA_RE, GROUP_HEADING_RE, row_texts
from mstrack.sources.table.column_roles import columns_by_data
from mstrack.sources.table.columns import Column, column_kind, office_columns
from mstrack.sources.table.list_deadlines import own_deadlines, with_deadlines
from mstrack.sources.table.list_headed import headed_run
from mstrack.sources.table.list_labels import LABEL_RE, column_label, context_label, label_kind, note_label, own_labels
from mstrack.sources.table.list_results import results_in
from mstrack.sources.table.list_sections import bracketed_kept, enough, heads, kept, numbered_after, staffed_work
from mstrack.sources.table.list_work import (
    PROJECT_RE,
    RESULT_RE,
    WORK_RE,
    does_work,
    names_programme,
    sets_figure_or_names_project,
    states_work,
)
from mstrack.sources.table.mentions import sets_figure
from mstrack.sources.table.numbering import DOTS
from mstrack.sources.table.one_paragraph import MIN_ITEMS, inline_run
from mstrack.sources.table.reading import Row, Sheet
from mstrack.sources.table.units import ROLE_LABEL_RE, labelled_roles, office_list
from mstrack.vocabulary import REQUIREMENT_VERBS

ITEM_RE = re.compile(rf"^(\d{{1,3}})\s*[{DOTS})）](?!\d)\s*(\S.*)$", re.S)  # "1.中心城区…", "7. 粮食…", "1、…": not "2.5万"
PART_RE = re.compile(r"^([（(]\s*\d{1,2}\s*[）)])\s*(\S.*)$", re.S)  # "(2)教育培训工程。…": a part of the item above
TRAILING_BRACKET_RE = re.compile(r"\s*[（(]([^（）()]{2,60})[）)]\s*[；;。.，,]?\s*$")  # "…。 (工资处、就管中心)", "…（区教育局）；"
BRACKET_DATE_RE = re.compile(r"^([^，,；;]{2,40})[，,；;]\s*(\d{4}\s*年[^，,；;（）()]{0,12})$")  # "（区教育局，2024年12月底前）"
# a label that names the lead at the end of a paragraph: "…完工。责任单位：县水务局。"
UNIT_LABEL_RE = re.compile(r"[，,。；;]?\s*(?:责任|牵头|主责|主办)(?:单位|部门)[：:]\s*([^，,。；;：:]{2,40})[。；;]?\s*$")
TRAILING_RUN_RE = re.compile(r"\s+(\S{2,60})$")  # "…;  人社局、各开发区": offices after whitespace
# a paragraph that introduces the list, or closes the document: never a task
INTRO_RE = re.compile(r"如下|包括(?:以下|如下)?[:：]|公布|公告|通知|会议|发布|来源|日期|记者|近日|[:：]$")
CLOSING_RE = re.compile(r"主席团|^\S{0,20}(?:人民政府|委员会|办公室|大会)$|^[\d○〇零一二三四五六七八九十]{2,4}年.{1,6}月.{1,4}日$")
# a plan's or a notice's requirement ("加强组织领导（区政府办）"): its office in brackets makes it no task
REQUIREMENT_RE = re.compile(rf"^(?:{REQUIREMENT_VERBS})")
RESPONSIBLE_ROLE = "责任"  # ROLE_LABEL_RE's role word that names the 责任单位 column itself: neither a lead nor a helper


@dataclass
class _Entry:
    row: Row
    kind: str  # "item", "part", "heading", "pair", "label", "note" (a labelled paragraph naming no column: "联系人：…")
    code: str  # a label's name ("责任单位") for kind "label"
    text: str
    units: str = ""
    content: str = ""
    labels: dict[str, str] = field(default_factory=dict)  # an item's labelled paragraphs below it: {label: value}


def _units_after(text: str) -> tuple[str, str]:
    """An item's words and the offices printed after them, in a bracket or after whitespace: (words, offices)."""
    for pattern in (TRAILING_BRACKET_RE, TRAILING_RUN_RE):
        m = pattern.search(text)
        offices = (m[1] if office_list(m[1]) else _role_offices(m[1]) if pattern is TRAILING_BRACKET_RE else "") if m else ""
        if m and m.start() > 0 and offices:
            if pattern is TRAILING_RUN_RE and len(text[:m.start()].strip()) < 4:
                continue  # "改造 老旧小区": a verb and its object, not an item and its office
            return text[:m.start()].rstrip(), offices
        if m and m.start() > 0 and pattern is TRAILING_BRACKET_RE and (dated := BRACKET_DATE_RE.match(m[1])) \
                and office_list(dated[1]):  # the office and the deadline in one bracket: the date stays in the words
            return f"{text[:m.start()].rstrip().rstrip('。；;，,')}，{dated[2]}", dated[1]
    return text, ""


def _role_offices(text: str) -> str:
    """A bracket that opens with a role label (units.ROLE_LABEL_RE: 责任单位, 牵头单位, 配合单位 …), an office list after
    each label: the 责任单位 cell it gives, "" when a label names no office ("牵头单位:按职责分工抓好落实"). Labels that say
    who leads stay, for units.roles_in to read; a lone 责任单位 gives its offices, as the column of that name reads them."""
    labels = list(ROLE_LABEL_RE.finditer(text))
    if not labels or labels[0].start() != 0:
        return ""
    parts = [text[m.end():labels[k + 1].start() if k + 1 < len(labels) else len(text)].strip(" ；;，,。") for k, m in enumerate(labels)]
    if not all(office_list(part) for part in parts):
        return ""
    if len(labels) == 1 and labels[0][1] == RESPONSIBLE_ROLE:
        return parts[0]
    return text if labelled_roles(text) else ""


def _labelled_units(text: str) -> tuple[str, str]:
    """A paragraph's words and the lead its last sentence names by a label ("…完工。责任单位：县水务局。") or its
    bracket at the end ("…。（区卫健局，2024年10月底前）")."""
    m = UNIT_LABEL_RE.search(text)
    if m and m.start() > 0 and office_list(m[1]):
        return text[:m.start()].rstrip("，,；; ") or text, m[1]
    return _units_after(text)


def _entry(row: Row) -> _Entry | None:
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
            return _Entry(row, "pair", "", name, units=units, content=content)
        return None
    if len(words) != 1:
        return None
    first = words[0]
    if not units and (label := column_label(first) or context_label(first)):
        return _Entry(row, "label", *label)
    if GROUP_HEADING_RE.match(first) and not units and len(first) <= 60:
        return _Entry(row, "heading", "", first)
    for kind, pattern in (("item", ITEM_RE), ("part", PART_RE)):
        if m := pattern.match(first):
            words, labels = own_labels(m[2].strip())
            text, trailing = _units_after(words)
            return _Entry(row, kind, m[1], text, units=units or trailing, labels=labels)
    return _Entry(row, "note", *note) if not units and (note := note_label(first)) else None


def _numbered_run(entries: list[_Entry | None]) -> tuple[int, int, list[tuple[int, int]]] | None:
    """The longest run of rows that are items numbered in rising order (group headings, parts and the labelled
    paragraphs of items and headings between them; under a heading the numbers may start again at 1), at least MIN_ITEMS
    items; a labelled paragraph naming no column inside the run is the item's content ("主要内容：…"; a label after it
    joins the item) or is skipped ("联系人：…", "来源：…"; a label after it, a page's "发布单位：", ends the run):
    (first row, row after the last, the other runs of one or more items: rows left out, said so)."""
    best, start, last, items, runs = None, None, 0, 0, []
    for i, entry in enumerate([*entries, None]):
        after = entries[i - 1] if i and start is not None and start < i else None
        above = _past_labels(entries, start, i)  # the entry above the item's or the heading's labels
        restart = entry is not None and entry.kind == "item" and entry.code == "1" and above is not None and above.kind == "heading"
        rising = entry is not None and (entry.kind != "item" or int(entry.code) > last or restart) and entry.kind != "pair" \
            and (entry.kind != "label" or after is not None and (after.kind in ("item", "part", "label", "heading")
                                                                 or after.kind == "note" and after.code)) \
            and (entry.kind != "note" or after is not None)
        if rising and start is None and entry.kind in ("part", "label", "note"):
            rising = False
        if not rising:
            if start is not None and items:  # a list, a group of one under its heading, or items cut off: said if not read
                end = i
                while entries[end - 1].kind == "heading" or entries[end - 1].kind == "note" and not entries[end - 1].code:  # a
                    # heading after the last item heads nothing; a contact or a page's field there is no content of it
                    end -= 1
                runs.append((start, end))
                if items >= MIN_ITEMS and (best is None or items > best[2]):
                    best = (start, end, items)
            start, last, items = None, 0, 0
            if entry is None or entry.kind in ("pair", "part", "label", "note"):
                continue
        if start is None:
            start = i
        if entry.kind == "item":
            last, items = int(entry.code), items + 1
    return (best[0], best[1], [run for run in runs if run != best[:2]]) if best else None


def _numbered_on(chosen: list[_Entry]) -> frozenset[int]:
    """The items numbered on with the item before them ("5." after "4."; "1." under a new heading starts again)."""
    codes = [(k, int(e.code)) for k, e in enumerate(chosen) if e.kind == "item"]
    return frozenset(k for (_, before), (k, code) in zip(codes, codes[1:], strict=False) if code == before + 1)


def _past_labels(entries: list[_Entry | None], start: int | None, i: int) -> _Entry | None:
    """The run's entry above row `i` that is not a labelled paragraph; None at the run's start."""
    k = i - 1
    while start is not None and k >= start and entries[k] is not None and entries[k].kind in ("label", "note"):
        k -= 1
    return entries[k] if start is not None and k >= start else None


def _labelled(entries: list[_Entry]) -> list[_Entry]:
    """A run's entries with each labelled paragraph joined to the item, part or group heading above it: a column's
    label as that column, content ("主要内容：…") as the item's content; a contact or a page's field dropped."""
    joined: list[_Entry] = []
    for entry in entries:
        if entry.kind == "note":
            if entry.code and joined and joined[-1].kind != "heading":
                joined[-1].content = "；".join(filter(None, [joined[-1].content, entry.text]))
            continue
        if entry.kind == "label":
            joined[-1].labels.setdefault(entry.code, entry.text)
        else:
            joined.append(entry)
    return joined


def _numbered_table(chosen: list[_Entry]) -> tuple[list[str], list[list[str]]]:
    """The rows of a numbered list as a table: (header, cells). A part ("(2)…" under "17.") keeps its number in its words:
    a row without 序号, read as the item above's. The items' labelled paragraphs are columns of their own, named by
    their labels. Per row, an item's own labels come first, then the offices printed after its words (its 责任单位, in
    the 责任单位 column, labelled or not), then the labels under its group's heading (the group's units)."""
    def staffed(labels: dict[str, str]) -> bool:
        return any(label_kind(name) in ("lead", "units") for name in labels)

    labels = list(dict.fromkeys(name for e in chosen for name in e.labels))
    bracketed = any(e.units and not staffed(e.labels) for e in chosen if e.kind != "heading")
    unlabelled = "责任单位" not in labels and (bracketed or not staffed(dict.fromkeys(labels)))  # a column for the brackets
    names = [*(["责任单位"] if unlabelled else []), *labels]
    content = any(e.content for e in chosen)  # the items' labelled content: the item's words name it, as a 项目名称
    header = ["序号", *(["项目名称", "项目内容"] if content else ["工作任务"]), *names]
    rows, group = [], {}
    for e in chosen:
        if e.kind == "heading":
            group = e.labels
            rows.append([e.text] * len(header))
            continue
        own = bool(e.units) or staffed(e.labels)  # the item names who does it: the group's offices are not its
        cells = {**{k: v for k, v in group.items() if not (own and staffed({k: v}))}, **e.labels}
        if e.units and not staffed(e.labels):
            cells["责任单位"] = e.units
        values = [cells.get(name, "") for name in names]
        words = [e.text, e.content] if content else [e.text]
        rows.append([e.code, *words, *values] if e.kind == "item" else ["", f"{e.code}{e.text}", *words[1:], *values])
    return header, rows


BRACKET_ITEM_RE = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*\S")  # "(一)提升改造农村公路380公里…"


ORDINAL_RE = re.compile(r"^第([一二三四五六七八九十百]+)项\s*[:：、]\s*(?=\S)")  # "第一项:校舍维修…工程。": item 一


def _texts(row: Row) -> list[str]:
    """A row's texts, an item numbered "第一项:" written as "一、" is: the same numeral, read by the same rules."""
    texts = row_texts(row)
    return [ORDINAL_RE.sub(r"\1、", texts[0]), *texts[1:]] if texts else texts


def _bracketed(row: Row) -> tuple[str, str, str] | None:
    """A row that is a heading "一、…" (kind "heading") or an item numbered "(一)" (kind its numeral): (kind, words,
    offices printed after them)."""
    texts = _texts(row)
    units = texts[-1] if len(texts) == 2 and office_list(texts[-1]) else ""
    if len(texts) != (2 if units else 1):
        return None
    if m := BRACKET_ITEM_RE.match(texts[0]):
        words, trailing = _units_after(texts[0])
        return m[1], words, units or trailing
    words, trailing = _units_after(texts[0])
    if AREA_RE.match(texts[0]) and (units or trailing) and sets_figure(words):
        return "top", words, units or trailing  # "一、新建公厕20座。（县城管局）": its own figure and office, an item
    return ("heading", texts[0], "") if AREA_RE.match(texts[0]) and not units else None


def _bracketed_run(rows: list[Row]) -> tuple[int, list[tuple[str, str, str]], list[Row], dict[int, list[_Entry]]] | None:
    """The first run of MIN_ITEMS or more items numbered "(一)", "(二)"… in order, with the headings "一、…" above and
    between them (a heading starts the count again): a 通知's points under its heading, (first row, each row's
    reading by _bracketed, the rows read, {index of an item: its labelled paragraphs}). The paragraphs labelled under
    an item ("牵头单位：区住建局", "完成时限：…", "建设地点：…") are its own, read as under a "1." item (_entry). A list
    numbered in digits is read first (_numbered_run): there "(一)" heads a group of items."""
    start, last, items = None, 0, 0
    found_rows: list[tuple[str, str, str]] = []
    source: list[Row] = []
    labels: dict[int, list[_Entry]] = {}
    for i, row in enumerate([*rows, None]):
        found = _bracketed(row) if row is not None else None
        if found is None and row is not None and _lone_task(found_rows, row, rows[i + 1] if i + 1 < len(rows) else None):
            found_rows.append(("lone", *_labelled_units(row_texts(row)[0])))
            source.append(row)
            items += 1
            continue
        if found is None and row is not None and found_rows and found_rows[-1][0] != "heading" and (label := _item_label(row)):
            labels.setdefault(len(found_rows) - 1, []).append(label)
            continue
        number = chinese_count(found[0]) if found and found[0] not in ("heading", "top") else None
        if found and (number == last + 1 or found[0] in ("heading", "top")):
            start = i if start is None else start
            found_rows.append(found)
            source.append(row)
            last, items = (0, items + (found[0] == "top")) if number is None else (number, items + 1)
            continue
        offices = _item_offices(found_rows, labels)
        if start is not None and any(kind not in ("heading", "top") for kind, _, _ in found_rows) \
                and (items >= MIN_ITEMS or staffed_work([(w, bool(o)) for w, o in offices])):
            return start, found_rows, source, labels  # a heading after the last item heads nothing: bracketed_kept
        start, last, items = (i, 1, 1) if number == 1 else (None, 0, 0)
        found_rows, source, labels = ([found], [row], {}) if number == 1 else ([], [], {})
    return None


def _item_offices(found: list[tuple[str, str, str]], labels: dict[int, list[_Entry]]) -> list[tuple[str, str]]:
    """A "(一)" run's items as (words, the offices named beside them or labelled under them)."""
    return [(words, units or "、".join(e.text for e in labels.get(k, []) if e.kind == "label" and label_kind(e.code) in ("lead", "units")))
            for k, (kind, words, units) in enumerate(found) if kind != "heading"]


def _item_label(row: Row) -> _Entry | None:
    """A labelled paragraph under an item, as _entry reads it: a column's label, the item's content or context, or an
    aside; None for any other row. A lead's or units' label names offices (office_list), else it is no item's."""
    entry = _entry(row)
    if entry is None or entry.kind not in ("label", "note"):
        return None
    staff = entry.kind == "label" and label_kind(entry.code) in ("lead", "units")
    return None if staff and not office_list(entry.text) else entry


def _lone_task(found: list[tuple[str, str, str]], row: Row, after: Row | None) -> bool:
    """A group's one unnumbered line: right under a heading "二、…" and followed by the next heading or by nothing, a
    single text that states work ("基本完成2万户以上…征迁改造"), or content under a heading that names a project
    ("四、集中供热扩建工程" over "铺设…供热主管网，全长约4.3公里"): the group's task, named by the heading."""
    texts = row_texts(row)
    nxt = _bracketed(after) if after is not None else None
    heading = AREA_RE.match(found[-1][1]) if found and found[-1][0] == "heading" else None
    return heading is not None and len(texts) == 1 and not GROUP_HEADING_RE.match(texts[0]) \
        and (after is None or nxt is not None and nxt[0] == "heading") and states_work(texts[0]) \
        and (does_work(texts[0]) or bool(PROJECT_RE.search(heading[2].rstrip("。"))))  # "…建设工程。" names one too


def _bracketed_table(chosen: list[tuple[str, str, str]], labels: dict[int, list[_Entry]], source: list[Row],
                     ) -> tuple[list[str], list[list[str]], list[Row]]:
    """The rows of a "(一)" list as a table: (header, cells, the row each is read from), as a "1." list's with the
    items' labelled paragraphs (_numbered_table), "(一)" staying in the words. A heading over its one unnumbered line
    stays the group's heading, and the line is the group's one task: numbered as the group ("二"), the heading's words
    its 项目名称 and the line its 项目内容, the first office labelled under it its units. An item "二、…" after a group
    is read so too, its words its heading's: not a task of the group above."""
    top = {k: AREA_RE.match(words).group(1, 2) for k, (kind, words, _) in enumerate(chosen)  # (一, words); a heading that
           if kind == "top" or kind == "heading" and not heads(chosen, k)}  # heads nothing is an item too (list_sections)
    grouped = {k for k in top if any(j not in top and kind == "heading" for j, (kind, _, _) in enumerate(chosen[:k]))}
    source = [row for k, row in enumerate(source) for _ in range(1 + (k in grouped))]
    if not any(kind == "lone" for kind, _, _ in chosen):
        entries = [e for k, (kind, words, units) in enumerate(chosen) for e in [
            *([_Entry(None, "heading", "", words)] if k in grouped else []),
            _Entry(None, "item" if k in top or kind != "heading" else "heading", *top.get(k, ("", words)), units=units),
            *labels.get(k, [])]]
        return *_numbered_table(_labelled(entries)), source
    rows = []
    for k, (kind, words, units) in enumerate(chosen):
        staff = next((e.text for e in labels.get(k, []) if e.kind == "label" and label_kind(e.code) in ("lead", "units")), "")
        rows += [[words] * 4] if k in grouped else []
        if kind == "lone":
            rows.append([*AREA_RE.match(chosen[k - 1][1]).group(1, 2), words, units or staff])
        else:
            rows.append([words] * 4 if kind == "heading" else [*top.get(k, ("", words)), "", units or staff])
    return ["序号", "项目名称", "项目内容", "责任单位"], rows, source


def _chinese_run(rows: list[Row]) -> tuple[int, list[tuple[str, str, str]]] | None:
    """The first run of MIN_ITEMS or more rows numbered "一、", "二、"… in order with nothing between them: items, not
    the headings of groups (a heading heads the items below it, numbered "1." or "(一)": _numbered_run and
    _bracketed_run read those first). (first row, [(numeral, words, offices printed after them or beside)])."""
    start, found = None, []
    for i, row in enumerate([*rows, None]):
        number, item = _chinese_item(row)
        if number is not None and number == len(found) + 1 and start is not None:
            found.append(item)
            continue
        if start is not None and enough([(words, bool(units)) for _, words, units in found]):
            return start, found
        start, found = (i, [item]) if number == 1 else (None, [])
    return None


def _chinese_item(row: Row | None) -> tuple[int | None, tuple[str, str, str] | None]:
    """A row numbered "一、": (its number, (numeral, words, offices printed after them or beside)); (None, None) else."""
    texts = _texts(row) if row is not None else []
    units = texts[-1] if len(texts) == 2 and office_list(texts[-1]) else ""
    m = AREA_RE.match(texts[0]) if len(texts) == (2 if units else 1) else None
    if not m:
        return None, None
    words, trailing = _units_after(m[2])
    return chinese_count(m[1]), (m[1], words, units or trailing)


def _pair_run(entries: list[_Entry | None]) -> tuple[int, int] | None:
    """The first run of MIN_ITEMS or more rows that are a short name beside its longer content."""
    start = None
    for i, entry in enumerate([*entries, None]):
        if entry is not None and entry.kind == "pair":
            start = i if start is None else start
            continue
        if start is not None and i - start >= MIN_ITEMS:
            return start, i
        start = None
    return None


def _paragraph(row: Row | None) -> str:
    """A row's one text when it is a paragraph that may state a task: no number, no introduction, no signature."""
    texts = row_texts(row) if row is not None else []
    if len(texts) != 1 or len(texts[0]) < 12 or ITEM_RE.match(texts[0]) or INTRO_RE.search(texts[0]) or CLOSING_RE.search(texts[0]) \
            or RESULT_RE.search(texts[0]):  # "截至6月底…已完成…": a report of results
        return ""
    return texts[0]


def _paragraph_run(rows: list[Row]) -> tuple[int, int] | None:
    """The first run of MIN_ITEMS or more paragraphs that each set a figure ("新建污水管网18公里"), and the paragraphs
    after it up to the first that introduces or closes: a task without a figure among them is a task still."""
    start = None
    for i, row in enumerate([*rows, None]):
        if (text := _paragraph(row)) and sets_figure(text):
            start = i if start is None else start
            continue
        if start is not None and i - start >= MIN_ITEMS:
            while i < len(rows) and _paragraph(rows[i]):
                i += 1
            return start, i
        start = None
    return None


NAME_STOP_RE = re.compile(r"[，,：:]")  # the end of a project's name at an item's start


def _named_item(text: str) -> tuple[str, str] | None:
    """An item that begins with a project's name and then says what is done ("低保暖心工程,为辖区…"): (name, content)."""
    parts = NAME_STOP_RE.split(text, maxsplit=1)
    if len(parts) != 2 or not 2 <= len(parts[0]) <= 20 or re.search(r"\d", parts[0]) or len(parts[1].strip()) < 2:
        return None
    name = parts[0].strip()
    return (name, parts[1].strip()) if PROJECT_RE.search(name.rstrip("”’\"'")) or not WORK_RE.match(name) else None


def _as_table(sheet: Sheet, header: list[str], rows: list[list[str]], source: list[Row], above: list[str],
              year: int, after: list[str]) -> tuple[Sheet, int, list[Column], list[str]]:
    """The list as the table it would be with a header, the rows keeping their numbers in the file; `after`: the texts
    just after the list (_after), which may give all its tasks' deadline."""
    header, rows, why = with_deadlines(header, rows, [*sheet.titles, *above], after, year)
    header, rows = own_deadlines(header, rows)
    columns = []
    for i, name in enumerate(header):
        column = column_kind(name, year)
        column.index = i
        columns.append(column)
    office_columns(columns)
    table = Sheet(path=sheet.path, rows=[Row(0, list(header)), *(Row(r.number, cells) for r, cells in zip(source, rows, strict=True))],
                  column_name=sheet.column_name, written=sheet.written, titles=[*sheet.titles, *above], merges=sheet.merges)
    table.headerless = True
    table.due_from = {r.number: why for r, cells in zip(source, rows, strict=True) if why and cells[-1] and len(set(cells)) > 1}
    columns_by_data(table, 0, columns)  # two columns of words: the name and its content, as under a header
    return table, 0, columns, [" ".join(header)]


def _is_programme(sheet: Sheet, above: list[str], items: list[str], strict: bool = False, figures: bool = False,
                  offices: list[str] | None = None, reported: list | None = None) -> bool:
    """Whether the text above a list says it lists a programme's tasks, and most items state work to do. A run of
    paragraphs (strict) needs the title line or the sentence just above it to say so: a report says 民生实事 in passing.
    Neither line may report results. Items in one paragraph or numbered "一、" (`figures`) must also, most of them, set a
    figure or name a project, as a run of paragraphs does, or name the office that does the work ("为65岁以上老人免费体检
    （区卫健局）", `offices` beside each item): a notice's or a plan's requirements ("加强组织领导（区政府办）") do not."""
    lines = [*sheet.titles, *above]
    said = [lines[0], lines[-1]] if strict and lines else lines
    if results := results_in(lines):  # the title or the introduction reports results: whichever line names the programme
        if reported is not None:
            reported.append(results)
        return False
    work = [text for text in items if states_work(text) and does_work(text)]
    if figures:
        staffed = {text for text, units in zip(items, offices or [], strict=False) if units and not REQUIREMENT_RE.match(text)}
        work = [text for text in work if sets_figure_or_names_project(text) or text in staffed]
    few = offices is not None and staffed_work(list(zip(items, map(bool, offices), strict=False)))  # two items, say
    return any(names_programme(t) for t in said) and (len(work) >= MIN_ITEMS or few) and 2 * len(work) > len(items)


def _headed_item(text: str) -> tuple[str, str] | None:
    """A paragraph under a heading that may be a task (list_headed): no number, label, introduction or signature, and
    work to do; (words, the offices it names)."""
    if ITEM_RE.match(text) or PART_RE.match(text) or GROUP_HEADING_RE.match(text) or LABEL_RE.match(text) \
            or INTRO_RE.search(text) or CLOSING_RE.search(text) or not states_work(text):
        return None
    return _labelled_units(text)


def _after(rows: list[Row]) -> list[str]:
    """The texts of the first two rows after a list: where "以上项目均于…完成" stands."""
    return [t for row in rows[:2] for t in row_texts(row)]


def _above(sheet: Sheet, start: int) -> list[str]:
    """The texts of the rows above a run: the title and the sentences that introduce the list."""
    return [t for row in sheet.rows[:start] for t in row_texts(row)]


def list_table(sheets: list[Sheet], year: int, reported: list[tuple[str, list[str]]] | None = None,
               ) -> tuple[Sheet, int, list[Column], list[str]] | None:
    """The first sheet whose body is a list of tasks, read as a table with a header; None when there is none. A list
    refused because its title or introduction reports results adds that line and its words to `reported`: the caller
    says so (results_said)."""
    for sheet in sheets:
        entries = [_entry(row) for row in sheet.rows]
        if run := _numbered_run(entries):
            start, end, others = run
            above = _above(sheet, start)
            chosen = _labelled([e for e in entries[start:end] if e is not None])
            chosen = chosen[:kept([(e.kind == "heading", e.text, bool(e.units or e.labels)) for e in chosen], _numbered_on(chosen))]
            end = sheet.rows.index(chosen[-1].row) + 1
            if not _is_programme(sheet, above, [e.text for e in chosen if e.kind == "item"], reported=reported):
                continue  # a letter's or a notice's points: no programme of work above them
            header, rows = _numbered_table(chosen)
            listed = _as_table(sheet, header, rows, [e.row for e in chosen], above, year, _after(sheet.rows[end:]))
            # another list of numbered items on the page (one cut by a line between its groups) is not read: said so
            listed[0].left_out = [e.row.number for a, b in others for e in entries[a:b] if e is not None and e.kind == "item"]
            return listed
        if run := _bracketed_run(sheet.rows):
            start, chosen, source, labels = run  # "(一)" stays in the words: the reader codes it 一(一)
            staffed = [bool(units or labels.get(k)) for k, (_, _, units) in enumerate(chosen)]
            keep, unread = bracketed_kept([(kind, words, own) for (kind, words, _), own in zip(chosen, staffed, strict=True)])
            unread = [source[k].number for k in unread]
            chosen, source, labels = [chosen[k] for k in keep], [source[k] for k in keep], {
                new: labels[k] for new, k in enumerate(keep) if k in labels}
            end = sheet.rows.index(source[-1]) + 1
            above = _above(sheet, start)
            headings = [words for k, (kind, words, _) in enumerate(chosen) if heads(chosen, k)]  # "一、纳入民生实事项目管理的内容"
            works = [f"{chosen[k - 1][1]}，{words}" if kind == "lone" else words for k, (kind, words, _) in enumerate(chosen)]
            listed = [w for k, w in enumerate(works) if not heads(chosen, k)]
            offices = [units for _, units in _item_offices(chosen, labels)]
            grouped = any(kind not in ("heading", "top") for kind, _, _ in chosen)  # else a "一、" list: _chinese_run's
            if grouped and _is_programme(sheet, [*above, *headings], listed, offices=offices, reported=reported):
                header, rows, read = _bracketed_table(chosen, labels, source)
                listed = _as_table(sheet, header, rows, read, above, year, _after(sheet.rows[end:]))
                listed[0].left_out = unread  # a heading over no item: named, not an empty area
                return listed
        if run := headed_run(sheet.rows, _headed_item):
            start, chosen, source = run
            chosen = chosen[:kept([(kind == "heading", words, bool(units)) for kind, words, units in chosen])]
            source, above = source[:len(chosen)], _above(sheet, start)
            items = [(words, units) for kind, words, units in chosen if kind == "item"]
            if _is_programme(sheet, above, [w for w, _ in items], figures=True, offices=[u for _, u in items], reported=reported):
                numbers = iter(range(1, len(items) + 1))
                rows = [[words] * 3 if kind == "heading" else [str(next(numbers)), words, units] for kind, words, units in chosen]
                end = sheet.rows.index(source[-1]) + 1
                return _as_table(sheet, ["序号", "工作任务", "责任单位"], rows, source, above, year, _after(sheet.rows[end:]))
        if run := _chinese_run(sheet.rows):
            start, chosen = run
            read = kept([(False, words, bool(units)) for _, words, units in chosen])
            source = sheet.rows[start:start + read]
            after = [_chinese_item(row) for row in sheet.rows[start + read:]]  # items numbered on past the closing sections
            on = numbered_after([(n, item[1], bool(item[2])) if item else (None, "", False) for n, item in after], read + 1) \
                if read < len(chosen) else []
            chosen, source = [*chosen[:read], *(after[k][1] for k in on)], [*source, *(sheet.rows[start + read + k] for k in on)]
            above = _above(sheet, start)
            if _is_programme(sheet, above, [words for _, words, _ in chosen], figures=True,
                             offices=[units for _, _, units in chosen], reported=reported):
                rows = [[numeral, words, units] for numeral, words, units in chosen]
                end = sheet.rows.index(source[-1]) + 1
                return _as_table(sheet, ["序号", "工作任务", "责任单位"], rows, source, above, year, _after(sheet.rows[end:]))
        if run := _pair_run(entries):
            start, end = run
            chosen = [e for e in entries[start:end] if e is not None]
            above = _above(sheet, start)
            if not _is_programme(sheet, above, [e.content for e in chosen], reported=reported):
                continue  # a glossary, an agenda, a contact list
            rows = [[str(k), e.text, e.content, e.units] for k, e in enumerate(chosen, 1)]
            return _as_table(sheet, ["序号", "项目名称", "项目内容", "责任单位"], rows, [e.row for e in chosen], above, year,
                             _after(sheet.rows[end:]))
        if run := _paragraph_run(sheet.rows):
            start, end = run
            above = _above(sheet, start)
            chosen = sheet.rows[start:end]
            chosen = chosen[:kept([(False, row_texts(row)[0], False) for row in chosen])]
            end = start + len(chosen)
            if not _is_programme(sheet, above, [row_texts(row)[0] for row in chosen], strict=True, reported=reported):
                continue
            rows = [[str(k), row_texts(row)[0], ""] for k, row in enumerate(chosen, 1)]
            return _as_table(sheet, ["序号", "工作任务", "责任单位"], rows, chosen, above, year, _after(sheet.rows[end:]))
        if found := inline_run(sheet.rows):
            at, intro, items, lines_above, lines_after = found
            above = [*_above(sheet, at), *lines_above, *([intro] if intro else [])]
            after = [*lines_after[:2], *_after(sheet.rows[at + 1:])]
            if _is_programme(sheet, above, [text for _, text in items], strict=True, figures=True, reported=reported):
                split = [(code, *_units_after(text)) for code, text in items]
                named = [_named_item(words) for _, words, _ in split]
                row = sheet.rows[at]
                if all(named):  # each item a project's name and its content: 项目名称 | 项目内容
                    rows = [[code, *pair, units] for (code, _, units), pair in zip(split, named, strict=True)]
                    return _as_table(sheet, ["序号", "项目名称", "项目内容", "责任单位"], rows, [row] * len(rows), above, year, after)
                rows = [[code, words, units] for code, words, units in split]
                return _as_table(sheet, ["序号", "工作任务", "责任单位"], rows, [row] * len(rows), above, year, after)
    return None
