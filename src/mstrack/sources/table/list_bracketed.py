"""Lists numbered in Chinese numerals for the headerless reader (headerless.py): items "(一)" under headings "一、"
(a 通知's points), with the paragraphs labelled under them (an activity schedule's fields among them: list_events);
lists of items "一、" "二、" with nothing between but their labelled paragraphs and their progress are list_chinese's.
A run found here is laid out as a table by list_bracketed_table."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from mstrack.domain.quantities import chinese_count
from mstrack.sources.table.cells import AREA_RE, GROUP_HEADING_RE, row_texts
from mstrack.sources.table.item_offices import CLOSED, labelled_units, units_after
from mstrack.sources.table.list_doers import paragraph_doers, subject_run
from mstrack.sources.table.list_duties import shares_out
from mstrack.sources.table.list_events import Schedule, activity_schedule
from mstrack.sources.table.list_labels import label_kind
from mstrack.sources.table.list_numbered import (
    CONTENT_NOTE,
    ITEM_RE,
    LEAD_LABEL,
    PART_RE,
    Entry,
    entry_of,
)
from mstrack.sources.table.list_sections import staffed_work
from mstrack.sources.table.list_single import tasks_heading_at
from mstrack.sources.table.list_teams import StaffedRow
from mstrack.sources.table.list_work import PROJECT_RE, does_work, states_work
from mstrack.sources.table.mentions import sets_figure
from mstrack.sources.table.numbering import MAX_JUMP, numbered_next
from mstrack.sources.table.office_names import ends_like_unit, zones_administered
from mstrack.sources.table.one_paragraph import MIN_ITEMS
from mstrack.sources.table.reading import Row
from mstrack.sources.table.units import labelled_roles, office_list, unit_names
from mstrack.vocabulary import CONTENTS_HEADING, MEASURES_LABELS, PLAN_FRAMING_HEADING

BRACKET_ITEM_RE = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*\S")  # "(一)提升改造农村公路380公里…"


# "(一)县教育局:学前教育促进工程。…": an item opening with the office that does its work, a colon after it
OFFICE_OPENING_RE = re.compile(r"^([（(]\s*[一二三四五六七八九十]+\s*[）)])\s*([^，,。；;：:（()）\d]{2,20})[：:]\s*(?=\S)")
# "（一）区市场监管局牵头涉嫌垄断调查整治工作。", "（四）区执法应急局，负责调查…" (read47d): the office that leads the item
# opens its first sentence, before 牵头 or "，负责"
LEAD_OPENING_RE = re.compile(r"^([（(]\s*[一二三四五六七八九十]+\s*[）)])\s*([^，,。；;：:（()）\s\d]{2,20}?)(?:牵头|[，,]\s*负责)")
COUNTING_INTRO_RE = re.compile(r"包括[一二三四五六七八九十两\d]+(?:个)?(?:部分|方面|项)[。：:]?$")  # "…内容包括四部分。"
ORDINAL_RE = re.compile(r"^第([一二三四五六七八九十百]+)项\s*[:：、]\s*(?=\S)")  # "第一项:校舍维修…工程。": item 一
UNLABELLED_MEASURES = "措施"  # the label of measures printed with none
MEASURES_RE = re.compile(rf"^\s*({MEASURES_LABELS})\s*[：:]\s*(.*)$", re.S)  # "推进措施:" over an item's measures


def item_measures(rows: list[Row]) -> dict[int, tuple[str, str]]:
    """The rows that are an item's measures: under an item "(一)…" that does work (its own offices or a figure), past
    its labelled paragraphs, a line labelling its measures or steps ("推进措施:", "实施步骤:") and the points under it
    numbered from "1." in order, none naming an office when the item names none. {index of a row: (the label, the
    measure's words)}, the label's line too (its words any printed after the colon); the points start again under the
    next item, so they are a sub-list of each item, its work and its figures, never items of the list. With no label,
    points naming no office under two or more items that each name their office and set a figure are theirs too."""
    measures: dict[int, tuple[str, str]] = {}
    unlabelled: list[dict[int, str]] = []
    for i, row in enumerate(rows):
        found = _bracketed(row)
        if found is None or found[0] in ("heading", "top") or not (found[2] or sets_figure(found[1])):
            continue
        j = i + 1
        while j < len(rows) and item_label(rows[j]) is not None:
            j += 1
        texts = row_texts(rows[j]) if j < len(rows) else []
        if len(texts) != 1 or not (label := MEASURES_RE.match(texts[0])):
            if found[2] and sets_figure(found[1]) and len(points := _points(rows, j, False)) >= 2:
                unlabelled.append(points)  # a sub-list with no label: read when it starts again under another item
            continue
        points = _points(rows, j + 1, bool(found[2]))
        if points or label[2].strip():
            measures.update({j: (label[1], label[2].strip()), **{k: (label[1], text) for k, text in points.items()}})
    for points in unlabelled if len(unlabelled) >= 2 else []:
        measures.update({k: (UNLABELLED_MEASURES, text) for k, text in points.items()})
    return measures


def _points(rows: list[Row], start: int, staffed: bool) -> dict[int, str]:
    """The points from row `start` numbered "1." "2." … (or "(1)" "(2)" …, as the first is) in order, none naming an
    office unless the item does (`staffed`): {row: its words}; a line that goes on with a point's sentence, its line
    ending with no full stop ("…城市书房5个," / "配置图书2万册。"), is part of it, its row read with no words."""
    points: dict[int, str] = {}
    pattern, last = None, None
    for k in range(start, len(rows)):
        texts = row_texts(rows[k])
        if len(texts) != 1:
            break
        m = (pattern or ITEM_RE).match(texts[0]) or (PART_RE.match(texts[0]) if pattern is None else None)
        number = int(re.sub(r"\D", "", m[1])) if m else None
        if m and number == len([p for p in points.values() if p]) + 1 and (staffed or not units_after(m[2])[1]):
            pattern = pattern or (ITEM_RE if ITEM_RE.match(texts[0]) else PART_RE)
            points[k], last = texts[0], k
        elif last is not None and not m and not points[last].rstrip().endswith(CLOSED) and _bracketed(rows[k]) is None \
                and not MEASURES_RE.match(texts[0]):
            points[last], points[k] = f"{points[last]}{texts[0]}", ""  # the point's sentence goes on
        else:
            break
    return points


def _texts(row: Row) -> list[str]:
    """A row's texts, an item numbered "第一项:" written as "一、" is: the same numeral, read by the same rules."""
    texts = row_texts(row)
    return [ORDINAL_RE.sub(r"\1、", texts[0]), *texts[1:]] if texts else texts


def lead_opening(text: str) -> str | None:
    """The office an item "(一)" names as its lead at its first sentence's start ("（一）区市场监管局牵头…工作。",
    "（四）区执法应急局，负责…"): assigned by role, as a "牵头单位：" line under it would; None for other words there."""
    return m[2] if (m := LEAD_OPENING_RE.match(text.strip())) and office_list(m[2]) else None


SUBJECT_RUN_RE = re.compile(r"[\u4e00-\u9fff（）()、]+")  # names and the marks between them, no clause's mark
# a later sentence opening with the offices that do its part: "区土开集团、城投集团，负责…", "区交建局、区城乡交建中心负责…"
ACTORS_RE = re.compile(r"^([^，,。；;：:（()）\s\d]{2,60}?)(?:[，,]|(?=负责|牵头|配合|协助))")


def sentence_actors(text: str) -> list[str]:
    """The offices opening the sentences after an item's first ("（一）A牵头…。B、C，负责…。D，根据…"), each sentence's
    opening a list of offices' names before its comma or its role (office_list), or as its subject before its verb
    (list_doers.subject_run): who does that part of the item."""
    found = []
    for sentence in re.split(r"[。；;]", text)[1:]:
        if (m := ACTORS_RE.match(sentence.strip())) and office_list(m[1]):
            found += unit_names(m[1])
        elif subject := subject_run(sentence.strip(), _run_of_offices):  # "区市场监管局、区属国有企业发现…的，移交…"
            found += unit_names(subject)
    return found


def _run_of_offices(words: str) -> bool:
    """Names, and the marks between them, read as offices together (office_list: "区市场监管局、区属国有企业"), each
    ending as an office's name ends: the subject a later sentence of an item opens with, its verb after it."""
    return SUBJECT_RUN_RE.fullmatch(words) is not None and office_list(words) \
        and all(len(name) > 1 and ends_like_unit(name) for name in unit_names(words))


def _bracketed(row: Row) -> tuple[str, str, str] | None:
    """A row that is a heading "一、…" (kind "heading") or an item numbered "(一)" (kind its numeral): (kind, words,
    offices printed after them)."""
    texts = _texts(row)
    units = texts[-1] if len(texts) == 2 and office_list(texts[-1]) else ""
    if len(texts) != (2 if units else 1):
        return None
    if m := BRACKET_ITEM_RE.match(texts[0]):
        if not units and (opening := OFFICE_OPENING_RE.match(texts[0])) and office_list(opening[2]):
            return m[1], opening[1] + texts[0][opening.end():], opening[2]  # its office, no part of its words
        if not units and (lead := lead_opening(texts[0])):  # "(一)A牵头…工作。": A leads, its name part of the sentence,
            actors = [name for name in sentence_actors(texts[0]) if name != lead]  # "B、C，负责…。": B and C its units
            return m[1], units_after(texts[0])[0], "、".join([lead, *dict.fromkeys(actors)])
        words, trailing = units_after(texts[0])
        return m[1], words, units or trailing
    words, trailing = units_after(texts[0])
    if AREA_RE.match(texts[0]) and (units or trailing) and sets_figure(words):
        return "top", words, units or trailing  # "一、新建公厕20座。（县城管局）": its own figure and office, an item
    return ("heading", texts[0], "") if AREA_RE.match(texts[0]) and not units else None


def bracketed_run(rows: list[Row], one: bool = False, after: int = 0, measures: dict | None = None,
                  read: dict[int, tuple[str, str, str] | None] | None = None, events: Schedule | None = None,
                  contents: bool = False) -> tuple[int, list[tuple[str, str, str]], list[Row], dict[int, list[Entry]]] | None:
    """The first run of MIN_ITEMS or more items numbered "(一)", "(二)"… in order, with the headings "一、…" above and
    between them (a heading starts the count again): a 通知's points under its heading, (first row, each row's
    reading by _bracketed, the rows read, {index of an item: its labelled paragraphs}). The paragraphs labelled under
    an item ("牵头单位：区住建局", "完成时限：…", "建设地点：…") are its own, read as under a "1." item (entry_of). A list
    numbered in digits is read first (numbered_run): there "(一)" heads a group of items. An item's measures under their
    label ("推进措施:" over "1." "2.", item_measures) are its content, numbered again under each item: no items. `one`: a
    shorter run is read from its last heading naming tasks, each item after it a task (list_single.tasks_heading_at:
    "二、工作任务" over one item "(一)…"). `after`: the first row looked at (bracketed_runs). A paragraph right under a
    heading that shares the work out (list_duties.shares_out) and opens the run, before its item "(一)", introduces the
    part ("六、责任分工" / "各片区…要强化配合…" / "（一）…"), as one before an item opened by its lead does: no item, and no
    end of the run. Under a heading closing a run the paragraph ends that run, and the next starts at the heading.
    `measures` and `read` (each row's reading by _bracketed, by its index): the page's, worked out once by the caller
    reading run after run (bracketed_runs), not again for each run. An activity schedule's fields under its events
    ("（一）启动仪式" over "1.时间：…" "2.主办单位：…", list_events: `events`, the page's, worked out so too) are the
    event's labelled paragraphs, never parts of it; an event naming no organiser is led by the plan's. `contents`: an
    item that is a name alone on its line ("（一）进一步加强消防队建设工作") takes the paragraphs under it as its content,
    the run going on past them (_named_alone), as the list's own reading asks (bracketed_runs); a "1." list asking
    whether it stands under a "(一)" list's group (prose_chain._group_parts) reads the runs without."""
    start, last, items, before = None, 0, 0, 0  # before: the last item's number, a heading between (numbering on)
    found_rows: list[tuple[str, str, str]] = []
    source: list[Row] = []
    labels: dict[int, list[Entry]] = {}
    measures = item_measures(rows) if measures is None else measures
    events = activity_schedule(rows) if events is None else events
    read = {} if read is None else read

    def reading(k: int) -> tuple[str, str, str] | None:
        if k not in read:
            read[k] = _bracketed(rows[k])
            if k in events.items and read[k] is not None and re.fullmatch(r"[^。]+。", read[k][1]):
                read[k] = (read[k][0], read[k][1][:-1], read[k][2])  # an event's name over its lines: its stop no part of it
        return read[k]

    listed: set[int] = set()  # the numbered lines under a label of the item's ("实施项目：" over "1、…" "2、…")
    for i, row in enumerate([*rows, None]):
        if i < after:
            continue
        if i in events.fields and found_rows and found_rows[-1][0] != "heading":  # "1.时间：…": the event's field
            labels.setdefault(len(found_rows) - 1, []).append(events.fields[i])
            continue
        if i in measures and found_rows and found_rows[-1][0] != "heading":  # the item's work: its content
            if measures[i][1]:
                labels.setdefault(len(found_rows) - 1, []).append(Entry(row, "note", *measures[i]))
            continue
        if i in listed:
            continue
        if row is not None and found_rows and found_rows[-1][0] != "heading" and (lines := _label_over_lines(rows, i)):
            labels.setdefault(len(found_rows) - 1, []).append(Entry(row, "note", *lines[0]))
            listed.update(lines[1])
            continue
        if row is not None and (part := _group_part(found_rows, labels, row, rows[i + 1] if i + 1 < len(rows) else None)):
            found_rows.append(part)  # "（六）…" over "1.排水管网" with its own labelled paragraphs: a part of the group
            source.append(row)
            items += 1
            continue
        if row is not None and found_rows and found_rows[-1][0] == "part" and source[-1] is rows[i - 1] \
                and _part_content(rows, i):  # "1.重点景区景点" / "重点景区景点主要包括…" / "工作目标：…": its content
            labels.setdefault(len(found_rows) - 1, []).append(Entry(row, "note", CONTENT_NOTE, row_texts(row)[0]))
            continue
        found = reading(i) if row is not None else None
        if found is None and row is not None and _goes_on(found_rows, source, rows, i, reading, last):
            kind, words, units = found_rows[-1]  # "（一）X。…" / "此外…。" / "（二）…": the item's words go on
            found_rows[-1] = (kind, words + row_texts(row)[0], units)
            continue
        if found is None and row is not None and _lone_task(found_rows, row, rows[i + 1] if i + 1 < len(rows) else None):
            found_rows.append(("lone", *labelled_units(row_texts(row)[0])))
            source.append(row)
            items += 1
            continue
        if found is None and row is not None and found_rows and found_rows[-1][0] != "heading" \
                and (label := item_label(row) or _helpers_line(row, labels.get(len(found_rows) - 1, []))):
            labels.setdefault(len(found_rows) - 1, []).append(label)
            continue
        if found is None and row is not None and found_rows and found_rows[-1][0] == "heading" and i + 1 < len(rows) \
                and (below := reading(i + 1)) is not None and below[0] == "一" \
                and (lead_opening(row_texts(rows[i + 1])[0]) is not None or COUNTING_INTRO_RE.search(row_texts(row)[0])
                     or len(found_rows) == 1 and shares_out(found_rows[0][1:2]) or i + 1 in events.items):
            continue  # "五、责任分工" / "…具体分工如下。" / "（一）A牵头…": a 分工's introduction, its heading the items' group;
            # so is one counting the parts it introduces ("二、工作内容" / "…工作内容包括四部分。" / "（一）…"), and one
            # over an activity schedule's first event ("三、活动内容" / "…开展…主题宣传活动。" / "（一）启动仪式")
        if found is None and row is not None and _group_intro(found_rows, rows, i):
            continue  # "（三）基层医疗卫生机构职责" / "基本公共卫生服务项目由…承担。" / "1.…": the group's introduction
        if contents and found is None and row is not None and found_rows and _named_alone(found_rows[-1]) \
                and _paragraph_under(row):
            own = labels.setdefault(len(found_rows) - 1, [])
            if not own and (doers := paragraph_doers(row_texts(row)[0])):  # its first paragraph's doers lead it
                own.append(Entry(row, "label", LEAD_LABEL, doers[0], labels={"配合单位": "、".join(doers[1:])} if doers[1:] else {}))
            own.append(Entry(row, "note", CONTENT_NOTE, row_texts(row)[0]))
            continue  # "（一）进一步加强消防队建设工作" over "一是…。" "通过…。": the item's content, its name its title
        if found is None and row is not None and _part_closed_or_opened(found_rows, labels, rows, i, reading):
            continue  # "以上八类整治重点…抓好落实。" before "三、…", "本次…要迅速行动…。" under it: the parts' words
        number = chinese_count(found[0]) if found and found[0] not in ("heading", "top") else None
        if found and (number == last + 1 or found[0] in ("heading", "top") or last == 0 and before and number == before + 1
                      or number is not None and last and last + 1 < number <= last + MAX_JUMP):  # "（三）" then "（六）"
            start = i if start is None else start  # under a heading "(一)" starts again or "(四)" numbers on
            found_rows.append(found)
            source.append(row)
            labels.update({len(found_rows) - 1: list(events.led[i])} if i in events.led else {})  # the plan's organiser
            last, items = (0, items + (found[0] == "top")) if number is None else (number, items + 1)
            before = number or before
            continue
        offices = item_offices(found_rows, labels)
        if start is not None and any(kind not in ("heading", "top") for kind, _, _ in found_rows) \
                and (items >= MIN_ITEMS or staffed_work([(w, bool(o)) for w, o in offices])):
            return start, found_rows, source, labels  # a heading after the last item heads nothing: bracketed_kept
        if start is not None and one and (at := tasks_heading_at(found_rows)) is not None:
            at += 1  # the heading names the list, as its title would: above it, no group (the items keep their numbers)
            return rows.index(source[at]), found_rows[at:], source[at:], {k - at: v for k, v in labels.items() if k >= at}
        start, last, items, before = (i, 1, 1, 1) if number == 1 else (None, 0, 0, 0)
        found_rows, source, labels = ([found], [row], {0: list(events.led[i])} if i in events.led else {}) if number == 1 \
            else ([], [], {})
    return None


NAME_MAX = 40  # the longest name of an item on a line of its own


def _goes_on(found: list[tuple[str, str, str]], source: list[Row], rows: list[Row], at: int,
             reading: Callable[[int], tuple[str, str, str] | None], last: int) -> bool:
    """Whether the paragraph rows[at] goes on with the item right above it: the item's name run into its sentences
    ("（一）居民健康档案。各基层医疗卫生机构要…", no offices after them), the paragraph unnumbered and unlabelled
    ("此外各基层医疗卫生机构还要…。"), the next line the item numbered on ("（二）…"), its labelled doers aside. Its words
    are the item's (README: a name run into its sentences is titled by the whole item as printed), the run going on
    past it."""
    if not found or found[-1][0] in ("heading", "top", "lone", "part") or found[-1][2] or _named_alone(found[-1]) \
            or not source or source[-1] is not rows[at - 1] or at + 1 >= len(rows):
        return False
    texts = row_texts(rows[at])  # no reading of its own (the caller's found none): a paragraph as _paragraph_under's
    if len(texts) != 1 or entry_of(rows[at]) is not None or not re.search(r"[。；;]", texts[0]):
        return False
    nxt = at + 1
    while nxt < len(rows) and item_label(rows[nxt]):  # the item's doers labelled after its words ("牵头单位：…")
        nxt += 1
    below = reading(nxt) if nxt < len(rows) else None
    return below is not None and below[0] not in ("heading", "top") and chinese_count(below[0]) == last + 1


def _named_alone(found: tuple[str, str, str]) -> bool:
    """An item "（一）…" that is a name alone on its line (no stop or clause mark, no offices after it): the paragraphs
    under it are its content (_paragraph_under), the doers its first one names its lead and units."""
    words = re.sub(r"^[（(]\s*[一二三四五六七八九十]+\s*[）)]", "", found[1]).strip() if BRACKET_ITEM_RE.match(found[1]) else ""
    return found[0] not in ("heading", "top", "lone", "part") and 0 < len(words) <= NAME_MAX and not found[2] \
        and not re.search(r"[，,。；;：:]", words)


def _group_intro(found: list[tuple[str, str, str]], rows: list[Row], at: int) -> bool:
    """Whether the paragraph rows[at] introduces the group right above it, a name alone on its line, whose parts "1."
    follow it ("（三）基层医疗卫生机构职责" / "基本公共卫生服务项目由…等基层医疗卫生机构承担。" / "1.乡镇卫生院。…"), in a
    run whose groups above hold parts of their own: the group's words, no item and no end of the run, as a part's
    introduction before its first item is (list_part_labels.heading_intros)."""
    if not found or not _named_alone(found[-1]) or "part" not in (kind for kind, _, _ in found) \
            or not _paragraph_under(rows[at]) or at + 1 >= len(rows):
        return False
    below = row_texts(rows[at + 1])
    return len(below) == 1 and (m := ITEM_RE.match(below[0])) is not None and m[1] == "1"


def _paragraph_under(row: Row) -> bool:
    """A paragraph of sentences with no number, heading or label of its own: under an item's name, its content."""
    texts = row_texts(row)
    return len(texts) == 1 and entry_of(row) is None and _bracketed(row) is None and re.search(r"[。；;]", texts[0]) is not None


SUMMING_UP_RE = re.compile(r"^\s*(?:以上|上述)")  # "以上八类整治重点以…抓好落实。": a part's closing words on its items


def _part_closed_or_opened(found: list[tuple[str, str, str]], labels: dict[int, list[Entry]], rows: list[Row], at: int,
                           reading: Callable[[int], tuple[str, str, str] | None]) -> bool:
    """Whether the paragraph rows[at], in a run of MIN_ITEMS items or more already, most of them naming their offices
    (a list of work, not a compilation's parts), is a part's own words between its items and the next part: summing
    the items up ("以上八类整治重点…抓好落实。") right before the next heading "三、…", or, after such words, introducing
    that part ("本次…不分阶段…，各有关处室…要迅速行动…。") between its heading and its first item "（一）…". The run
    goes on over it into the next part, its closing sections cut as ever
    (list_sections.bracketed_kept); a part after items not so summed up ("五、回购方式" (一)–(四), then "六、责任分工" over
    its introduction) starts a run of its own (bracketed_runs)."""
    staffed = [bool(units) for _, units in item_offices(found, labels)]
    if len(staffed) < MIN_ITEMS or 2 * sum(staffed) <= len(staffed) or len(row_texts(rows[at])) != 1 or at + 1 >= len(rows):
        return False
    below = reading(at + 1)
    if found[-1][0] == "heading":
        return below is not None and below[0] == "一" and at >= 2 and _summing_up(rows[at - 2])
    return below is not None and below[0] == "heading" and _summing_up(rows[at])


def _summing_up(row: Row) -> bool:
    """A paragraph summing up the items above it ("以上八类整治重点以…文件有关规定抓好落实。")."""
    return len(texts := row_texts(row)) == 1 and bool(SUMMING_UP_RE.match(texts[0]))


def bracketed_runs(rows: list[Row]) -> Iterator[tuple[tuple[int, list[tuple[str, str, str]], list[Row], dict[int, list[Entry]]], bool]]:
    """Each run of "(一)" items on the page in turn (bracketed_run), the next looked for from the heading that closed
    the last one and heads nothing in it ("五、回购方式" (一)–(四), "六、责任分工" over its introduction): a plan's part of
    methods, no task list, before its part of duties; (run, False) each. When there is none, the shorter run read from
    a heading naming tasks (`one`): (run, True). Each item's name alone on its line takes its paragraphs (`contents`)
    where that makes a 分工 of parts with their leads (_staffed_contents)."""
    at, found, measures, read, events = 0, False, item_measures(rows), {}, activity_schedule(rows)

    def run_from(after: int, one: bool = False) -> tuple[int, list[tuple[str, str, str]], list[Row], dict[int, list[Entry]]] | None:
        run = bracketed_run(rows, one=one, after=after, measures=measures, read=read, events=events, contents=True)
        if run is not None and not _staffed_contents(run[1], run[3]):
            run = bracketed_run(rows, one=one, after=after, measures=measures, read=read, events=events)
        return run

    while (run := run_from(at)) is not None:
        found = True
        yield run, False
        _, chosen, source, _ = run
        at = rows.index(source[-1]) + (chosen[-1][0] != "heading")
    if not found and (run := run_from(0, one=True)) is not None:
        yield run, True


def _staffed_contents(found: list[tuple[str, str, str]], labels: dict[int, list[Entry]]) -> bool:
    """Whether a run read with its items' contents (bracketed_run's `contents`) holds a group whose content stands
    above parts each labelling its lead ("（三）…" / "隐患排查整治组…下分五个整治小组：" / "1．…小组" / "牵头单位：…"):
    a 分工 of names over paragraphs, read so; any other run is read as without (its items' paragraphs end it)."""
    content = any(e.code == CONTENT_NOTE for found_labels in labels.values() for e in found_labels)
    return content and any(kind == "part" and any(e.kind == "label" and label_kind(e.code) == "lead" for e in labels.get(k, []))
                           for k, (kind, _, _) in enumerate(found))


ANNEX_RE = re.compile(r"^\s*附件\s*\d*\s*[：:]")  # "附件：城关农贸市场…领导小组", "附件1："
LISTED_POINT_RE = re.compile(r"^(\d{1,2})\s*、\s*(\S.*)$", re.S)  # "1、1个美丽乡村示范乡": "、" after a number is no decimal point
OPEN_LABEL_RE = re.compile(r"^([^，。,；;：:\s\d]{2,8})\s*[：:]\s*$")  # "实施项目：" with its value on the lines under it


def _label_over_lines(rows: list[Row], at: int) -> tuple[tuple[str, str], list[int]] | None:
    """A label of the item's content alone on its line ("实施项目：") over points numbered from "1、" in order ("1、1个
    美丽乡村示范乡：…；" "2、3个…"): ((the label, the points' words joined), their rows); None for any other row. The
    points are the label's value, as if printed after it: the item's content, never items of the list."""
    texts = row_texts(rows[at])
    if len(texts) != 1 or not (m := OPEN_LABEL_RE.match(texts[0])) or label_kind(m[1]) != "task":
        return None
    points: list[tuple[int, str]] = []
    for k in range(at + 1, len(rows)):
        line = row_texts(rows[k])
        point = (ITEM_RE.match(line[0]) or LISTED_POINT_RE.match(line[0])) if len(line) == 1 else None
        if not point or int(point[1]) != len(points) + 1:
            break
        points.append((k, line[0]))
    return ((m[1], "".join(text for _, text in points)), [k for k, _ in points]) if len(points) >= 2 else None


def _group_part(found: list[tuple[str, str, str]], labels: dict[int, list[Entry]], row: Row, below: Row | None
                ) -> tuple[str, str, str] | None:
    """A line numbered "1." … under an item "（六）…" that has no labelled paragraph of its own (its content may stand
    above its parts when each part's lead is labelled under it, `below`: _named_alone), numbered on from the part
    before: ("part", its line, its offices), the group's part, which its own labelled paragraphs follow. Past its
    second part a group's parts may be misnumbered (numbering.numbered_next: "1、" "2、" "3、" "5、" "6、" "2、"): parts
    still."""
    texts = row_texts(row)
    if not found or len(texts) != 1 or not (m := ITEM_RE.match(texts[0])):
        return None
    parts = 0
    for kind, _, _ in reversed(found):
        if kind != "part":
            break
        parts += 1
    group = len(found) - 1 - parts
    content = labels.get(group, [])  # its content above its parts: still a group, of parts each labelling its offices
    if found[group][0] in ("heading", "top", "lone") or not numbered_next(int(m[1]), parts, _printed(found[-1][1], parts)) \
            or any(e.code != CONTENT_NOTE for e in content) \
            or content and not (below is not None and (label := item_label(below)) is not None and label_kind(label.code) == "lead"):
        return None
    words, units = units_after(texts[0])
    return "part", words, units


def _printed(words: str, parts: int) -> int:
    """The number a group's last part prints ("5、中小学…小组" → 5); its count where it prints none."""
    return int(m[1]) if parts and (m := ITEM_RE.match(words)) else parts


def labelled_groups(rows: list[Row], items: list[Row]) -> bool:
    """Whether the items "1." of a list numbered in digits (`items`, their rows) are all parts of the groups of a "(一)"
    run (bracketed_run) in which a group with no parts has its own labelled lead or units ("（一）医疗场所。…" over
    "牵头处室：…" and "责任处室（单位）：…", "（三）人员密集场所。…" over "1.养老机构…" each with its own such lines): the
    groups are the list, each a task or the group of its parts (coded 二(一), 二(三)1), not a run of the parts alone."""
    run = bracketed_run(rows)
    if run is None or not items:
        return False
    _, found, source, labels = run
    parts = {id(row) for (kind, _, _), row in zip(found, source, strict=True) if kind == "part"}
    part = 0  # the part "二、…" each group stands in, counted by the headings
    grouping, staffed = set(), set()
    for k, (kind, _, _) in enumerate(found):
        part += kind == "heading"
        if kind in ("heading", "top", "part", "lone"):
            continue
        if k + 1 < len(found) and found[k + 1][0] == "part":
            grouping.add(part)
        elif any(e.kind == "label" and label_kind(e.code) in ("lead", "units") for e in labels.get(k, [])):
            staffed.add(part)
    return bool(grouping & staffed) and all(id(row) in parts for row in items)


def item_offices(found: list[tuple[str, str, str]], labels: dict[int, list[Entry]]) -> list[tuple[str, str]]:
    """A "(一)" run's items as (words, the offices named beside them or labelled under them)."""
    return [(words, units or "、".join(e.text for e in labels.get(k, []) if e.kind == "label" and label_kind(e.code) in ("lead", "units")))
            for k, (kind, words, units) in enumerate(found) if kind != "heading"]


def _part_content(rows: list[Row], at: int) -> bool:
    """Whether rows[at], right under a group's part "1.重点景区景点", is one paragraph, no number, heading or label, with
    a labelled line under it ("工作目标：…", "牵头单位：…"): the part's content, not the list's end."""
    texts = row_texts(rows[at])
    below = rows[at + 1] if at + 1 < len(rows) else None
    return len(texts) == 1 and chinese_item(rows[at])[0] is None and not GROUP_HEADING_RE.match(texts[0]) \
        and entry_of(rows[at]) is None and below is not None and item_label(below) is not None


def item_label(row: Row) -> Entry | None:
    """A labelled paragraph under an item, as entry_of reads it: a column's label, the item's content or context, or an
    aside; None for any other row. A lead's or units' label names offices (office_list, a zone by its name among them
    its office, office_names.zones_administered: "责任单位：海坛片区，区经发局"), or offices by their roles (a duty
    paragraph read, "牵头单位：A；责任单位：B": duty_clauses; a team's offices, which its structure names: list_teams),
    else it is no item's. The annex a document names after its
    body ("附件：…领导小组") is no item's either: the list ends there."""
    entry = entry_of(row)
    if entry is None or entry.kind not in ("label", "note") or ANNEX_RE.match(row_texts(row)[0]):
        return None
    staff = entry.kind == "label" and label_kind(entry.code) in ("lead", "units")
    return None if staff and not (office_list(zones_administered(entry.text), towns=True) or labelled_roles(entry.text)
                                  or isinstance(row, StaffedRow)) else entry


def _helpers_line(row: Row, below: list[Entry]) -> Entry | None:
    """A line labelled as the units that help ("配合单位：交通与建设处、政法综治处、…、官井街、苏澳街、白沙街沿线的相关村")
    under an item whose lead is labelled already, a list of names, no sentence: the item's units, whatever they are
    called (a 筹建组, a 养护站, the villages along a street), no end of the list (item_label asks every name to be an
    office's)."""
    entry = entry_of(row)
    names = unit_names(entry.text) if entry is not None and entry.kind == "label" else []
    return entry if names and label_kind(entry.code) == "units" and not re.search(r"[。；;]", entry.text.rstrip("。；;")) \
        and any(e.kind == "label" and label_kind(e.code) == "lead" for e in below) else None


def _lone_task(found: list[tuple[str, str, str]], row: Row, after: Row | None) -> bool:
    """A group's one unnumbered line: right under a heading "二、…" and followed by the next heading or by nothing, a
    single text that states work ("基本完成2万户以上…征迁改造"), or content under a heading that names a project
    ("四、集中供热扩建工程" over "铺设…供热主管网，全长约4.3公里"): the group's task, named by the heading. Under a heading
    that frames the plan ("一、主要目标", vocabulary.PLAN_FRAMING_HEADING) the paragraph states aims, and under one
    naming the contents ("五、活动内容", vocabulary.CONTENTS_HEADING) it sums up the work later parts detail: no task."""
    texts = row_texts(row)
    nxt = _bracketed(after) if after is not None else None
    heading = AREA_RE.match(found[-1][1]) if found and found[-1][0] == "heading" else None
    return heading is not None and len(texts) == 1 and not GROUP_HEADING_RE.match(texts[0]) \
        and not re.fullmatch(f"{PLAN_FRAMING_HEADING}|{CONTENTS_HEADING}", heading[2].strip().rstrip("。")) \
        and (after is None or nxt is not None and nxt[0] == "heading") and states_work(texts[0]) \
        and (does_work(texts[0]) or bool(PROJECT_RE.search(heading[2].rstrip("。"))))  # "…建设工程。" names one too


def chinese_item(row: Row | None) -> tuple[int | None, tuple[str, str, str] | None]:
    """A row numbered "一、": (its number, (numeral, words, offices printed after them or beside)); (None, None) else."""
    texts = _texts(row) if row is not None else []
    units = texts[-1] if len(texts) == 2 and office_list(texts[-1]) else ""
    m = AREA_RE.match(texts[0]) if len(texts) == (2 if units else 1) else None
    if not m:
        return None, None
    words, trailing = units_after(m[2])
    return chinese_count(m[1]), (m[1], words, units or trailing)
