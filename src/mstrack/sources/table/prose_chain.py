"""The chain of list readers tried on a document's prose, no header row above it (headerless.as_table lays out what
one reads), sheet by sheet and in order: a school's counts and a quota's shares, the numbered runs "1." with their
groups, the "(一)" lists under their parts, headed paragraphs, "一、" items, name | content pairs, paragraphs setting
figures, a paragraph's inline items, one sentence's duties, named forms; then the first sheet's duties, event,
groups, timetable or parts; the first run the gate (list_gate.is_programme) passes is read."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from mstrack.domain.quantities import chinese_count
from mstrack.sources.table.cells import AREA_RE, GROUP_HEADING_RE, row_texts
from mstrack.sources.table.columns import Column
from mstrack.sources.table.headerless import as_table
from mstrack.sources.table.item_offices import labelled_units, units_after
from mstrack.sources.table.list_arrangements import event_duties
from mstrack.sources.table.list_bracketed import (
    bracketed_run,
    bracketed_runs,
    chinese_item,
    item_measures,
    item_offices,
    labelled_groups,
    lead_opening,
)
from mstrack.sources.table.list_bracketed_table import bracketed_table
from mstrack.sources.table.list_chinese import chinese_run, labels_due, progress_restated
from mstrack.sources.table.list_closing import closing_items
from mstrack.sources.table.list_contents import contents_under
from mstrack.sources.table.list_counts import COUNTS_HEADER, LOTTERY_HEADER, count_rows, lottery_notice
from mstrack.sources.table.list_deadlines import DONE_BY_RE
from mstrack.sources.table.list_doer_lines import bodies_below, doers_below, parts_doers
from mstrack.sources.table.list_doers import paragraph_doers
from mstrack.sources.table.list_duties import duty_list, shared_duties, shares_out, standing_duties
from mstrack.sources.table.list_duty_lines import duty_lines
from mstrack.sources.table.list_events import activity_schedule
from mstrack.sources.table.list_forms import named_forms
from mstrack.sources.table.list_gate import LENIENT, is_programme
from mstrack.sources.table.list_groups import coded_by_group, coded_by_part
from mstrack.sources.table.list_headed import headed_run, heading_each, led, line_led
from mstrack.sources.table.list_inspections import inspection_groups
from mstrack.sources.table.list_intro_doers import intro_doers
from mstrack.sources.table.list_labels import LABEL_RE, label_kind
from mstrack.sources.table.list_lines import (
    joined_lines,
    numbers_on_their_lines,
    offices_below,
    rejoined,
    spaced_labels,
    unnumbered_headings,
    unwrapped,
)
from mstrack.sources.table.list_mixed_parts import mixed_parts
from mstrack.sources.table.list_numbered import (
    ITEM_RE,
    PART_RE,
    Entry,
    assigned_work,
    entry_of,
    labelled,
    numbered_on,
    numbered_run,
    numbered_table,
    office_of,
    part_above,
    restated,
)
from mstrack.sources.table.list_part_labels import circled_points, heading_intros, section_parts
from mstrack.sources.table.list_party_parts import duty_part, party_parts
from mstrack.sources.table.list_results import plans_reported, results_in
from mstrack.sources.table.list_roles import (
    counted_offices,
    duty_openings,
    group_brackets,
    labelled_inside,
    labelled_line,
    office_bracket,
    offices_owned,
    opening_body,
    owner_in_words,
)
from mstrack.sources.table.list_runs import group_paragraphs, opening_headings, read_runs
from mstrack.sources.table.list_sections import (
    bracketed_kept,
    dated,
    heads,
    kept,
    kept_on,
    staffed_from,
)
from mstrack.sources.table.list_sectors import sector_paragraphs
from mstrack.sources.table.list_single import one_numbered
from mstrack.sources.table.list_staffed_groups import staffed_groups
from mstrack.sources.table.list_stages import (
    closing_stage,
    dated_stages,
    grouped_stages,
    headed_stages,
    part_over_stages,
    plan_stages,
    spanned_groups,
    stages_following,
)
from mstrack.sources.table.list_strays import without_strays
from mstrack.sources.table.list_subitems import as_headings, sub_items, top_points
from mstrack.sources.table.list_teams import team_members
from mstrack.sources.table.list_timeline import timed_labels, timetable
from mstrack.sources.table.list_work import (
    PROJECT_RE,
    RESULT_RE,
    WORK_RE,
    not_tasks,
    states_work,
)
from mstrack.sources.table.mentions import sets_figure
from mstrack.sources.table.numbering import heading_name
from mstrack.sources.table.one_paragraph import MIN_ITEMS, carried_duties, document_lines, inline_run, quota_rows
from mstrack.sources.table.reading import Row, Sheet

# a paragraph that introduces the list ("…具体如下：", "…重点办好以下10件实事——"), or closes the document: never a task;
# 会议 only opening the line ("会议指出…") or closing a short one ("区政府第5次常务会议"), never inside a name ("会议中心")
INTRO_RE = re.compile(r"如下|包括(?:以下|如下)?[:：]|公布|公告|通知|^会议|^\S{0,16}会议\s*$|发布|来源|日期|记者|近日|"
                      r"(?:[:：]|[—─]{1,2})\s*$")
CLOSING_RE = re.compile(r"主席团|^\S{0,20}(?:人民政府|委员会|办公室|大会)$|^[\d○〇零一二三四五六七八九十]{2,4}年.{1,6}月.{1,4}日$")


def _pair_run(entries: list[Entry | None]) -> tuple[int, int] | None:
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


def _paragraph_run(rows: list[Row], marked: Callable[[str], object] = sets_figure) -> tuple[int, int] | None:
    """The first run of MIN_ITEMS or more paragraphs that each set a figure ("新建污水管网18公里"), or that each name the
    office doing it in their words (`marked` list_roles.owner_in_words: "由镇公路站负责的…项目", a count of the projects
    above them, "…重点项目10项。", no part of it), and the paragraphs after it up to the first that introduces or
    closes: a task without a figure among them is a task still."""
    start = None
    for i, row in enumerate([*rows, None]):
        if (text := _paragraph(row)) and marked(text):
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




def _group_parts(sheet: Sheet, entries: list[Entry | None], start: int, end: int) -> bool:
    """Whether a run of numbered items stands under one group heading of a "(一)" list, no heading between its items
    ("（六）市政提升五千工程" over "1.排水管网" … "5.城市道路", beside "（一）…" "（七）…"): the group's parts, read with the
    list (list_bracketed), not a list of their own; items numbered on across the groups are one list. Items right
    under a part "三、…" ("三、工作方式及时间" over "1．自查自纠（…）。…") are the part's own, whatever "(一)" list the page
    holds elsewhere."""
    at = [k for k in range(start, end) if entries[k] is not None and entries[k].kind == "item"]
    above = next((e for e in reversed(entries[:at[0]]) if e is not None and e.kind == "heading"), None) if at else None
    return bool(at) and bracketed_run(sheet.rows) is not None \
        and not any(entries[k] is not None and entries[k].kind == "heading" for k in range(at[0], at[-1])) \
        and not (above is not None and AREA_RE.match(above.text))


def _one_part(chosen: list[Entry], rows: list[Row]) -> int:
    """How many parts "一、" … the plan prints, where the list read is one of them: its heading the run's one heading,
    over its items ("三、工作方式及时间" over "1．自查自纠…" …), the items numbered inside it as a list read from one part
    is (list_arrangements), when the plan numbers its parts once each, in order, and no other part numbers items "1."
    again; 0 for any other run (a list of groups "一、教育" "二、就业" cut after its first, or "一、X牵头工作" whose numbers
    a covering letter's points print again, keeps its items' numbers)."""
    headings = [e for e in chosen if e.kind == "heading"]
    if len(headings) != 1 or chosen[0] is not headings[0] or not AREA_RE.match(headings[0].text):
        return 0
    read = {id(e.row) for e in chosen}
    if any(id(row) not in read and len(texts := row_texts(row)) == 1 and (m := ITEM_RE.match(texts[0])) and m[1] == "1"
           for row in rows):
        return 0
    numbers = [chinese_count(m[1]) for row in rows if len(texts := row_texts(row)) == 1 and (m := AREA_RE.match(texts[0]))]
    return len(numbers) if len(numbers) >= 2 and numbers == list(range(1, len(numbers) + 1)) else 0


def _led_duties(sheet: Sheet, items: list[Entry]) -> bool:
    """Items under a part sharing the work out ("二、组织机构及其职责" over "（二）职责分工" over "1．办公室职责。由局应急办
    牵头，…"), each naming its offices (list_roles.offices_owned: its lead by role, list_doer_lines): the parties'
    duties, a list of their own though a "(一)" list stands elsewhere in the document."""
    if not items or not all(map(offices_owned, items)):
        return False
    above = sheet.rows[:sheet.rows.index(items[0].row)]
    part = next((t[0] for row in reversed(above) if len(t := row_texts(row)) == 1 and AREA_RE.match(t[0])), "")
    return shares_out([part] if part else [])


def _lone_parts(chosen: list[tuple[str, str, str]]) -> list[int]:
    """The entries of a later run of a document's "(一)" lists that join the run read: a part's heading over its one
    paragraph setting a figure ("六、开展…家庭医生签约服务。" over "巩固一般人群30%签约率，…"), the part's one task;
    the run's other parts (funding rules, requirements) no work of the plan's list."""
    return [j for k, (kind, words, _) in enumerate(chosen[:-1]) if kind == "heading" and chosen[k + 1][0] == "lone"
            and sets_figure(chosen[k + 1][1]) and (k + 2 == len(chosen) or chosen[k + 2][0] in ("heading", "top"))
            for j in (k, k + 1)]


def _headed_item(text: str, led: bool = False) -> tuple[str, str] | None:
    """A paragraph under a heading that may be a task (list_headed): no number, label, introduction or signature, and
    work to do; (words, the offices it names). One over a line naming its leads (`led`: "X牵头落实"), or naming its
    offices by a role's label inside its words (list_roles.labelled_inside: "…平潭会议中心员工宿舍152套；责任单位：…"),
    introduces nothing, whatever its words name ("…通过新闻发布会…"); the first is work whatever its head
    (list_work.states_work's `assigned`)."""
    if ITEM_RE.match(text) or PART_RE.match(text) or GROUP_HEADING_RE.match(text) or LABEL_RE.match(text) \
            or INTRO_RE.search(text) and not (led or labelled_inside(text)) or CLOSING_RE.search(text) \
            or not states_work(text, assigned=led):
        return None
    return labelled_units(text)


def _parts_as_items(entries: list[Entry | None]) -> list[Entry | None]:
    """A page whose only numbers are "(1)", "(2)" … in order, from 1, under no item and no group heading: its items, as
    "1." "2." would be (a news report's "重点抓好10件民生实事:" over paragraphs "(1)…(10)")."""
    parts = [e for e in entries if e is not None and e.kind in ("item", "part", "heading")]
    if not parts or any(e.kind != "part" for e in parts) \
            or [int(re.sub(r"\D", "", e.code)) for e in parts] != list(range(1, len(parts) + 1)):
        return entries
    return [replace(e, kind="item", code=re.sub(r"\D", "", e.code)) if e is not None and e.kind == "part" else e for e in entries]


def _one_listed(sheet: Sheet, entries: list[Entry | None], start: int, end: int) -> bool:
    """Whether the run of rows start:end, too short for a list, is one still (list_single.one_numbered)."""
    return one_numbered([e for e in entries[start:end] if e is not None], _above(sheet, start))


def _after(rows: list[Row]) -> list[str]:
    """The texts of the first two rows after a list: where "以上项目均于…完成" stands."""
    return [t for row in rows[:2] for t in row_texts(row)]


def _above(sheet: Sheet, start: int) -> list[str]:
    """The texts of the rows above a run: the title and the sentences that introduce the list."""
    return [t for row in sheet.rows[:start] for t in row_texts(row)]


def list_table(sheets: list[Sheet], year: int, reported: list[tuple[str, list[str]]] | None = None,
               short: list[tuple[list[str], list[str]]] | None = None) -> tuple[Sheet, int, list[Column], list[str]] | None:
    """The first sheet whose body is a list of tasks, read as a table with a header; None when there is none. A list
    refused because its title or introduction reports results adds that line and its words to `reported`: the caller
    says so (results_said); a list whose closing sections leave too few items adds (its items, the closing rows) to
    `short` (list_sections.kept), which the caller names when no list is read."""
    duties = events = None  # the first sheet's duties under each party's name (list_duties), or an event's (list_arrangements)
    groups = timed = mixed = None  # the first sheet's inspection groups in its text (list_inspections), its timetable,
    # its parts each over one paragraph or over its own items (list_mixed_parts)
    for sheet in map(numbers_on_their_lines, sheets):
        sheet = replace(sheet, rows=document_lines(sheet.rows))  # a crawled page's text on one line: its lines
        sheet = replace(sheet, rows=top_points(sheet.rows))  # a notice's only list "一是…" "二是…": its parts "一、…"
        sheet = replace(sheet, rows=unwrapped(sheet.rows))  # a PDF's text, its lines broken at the page's width: joined
        sheet = replace(sheet, rows=rejoined(sheet.rows))  # an item's paragraph broken inside its words: joined
        sheet = replace(sheet, rows=spaced_labels(sheet.rows))  # "链    长：…": the label "链长", a second person joined
        sheet = replace(sheet, rows=team_members(sheet.rows))  # "1．…小组。" / "组长：…" / "成员由A、B…组成，负责…": labelled
        sheet = replace(sheet, rows=offices_below(sheet.rows))  # an item's offices in a bracket on the next line: its own
        sheet = replace(sheet, rows=doers_below(sheet.rows))  # "（二）…" over "X要…。Y…": its doers labelled
        sheet = replace(sheet, rows=parts_doers(sheet.rows))  # "一、…" over "X要…。": each part's doers labelled
        sheet = replace(sheet, rows=bodies_below(sheet.rows))  # "1．平潭协和医院捐送药品…3000元": its body labelled
        sheet = replace(sheet, rows=circled_points(sheet.rows))  # "②…" on a line of its own: the paragraph's
        sheet = replace(sheet, rows=section_parts(sheet.rows))  # "（一）…" over "1．行动目标。…" "2．主要任务": one task
        rows, strays = without_strays(sheet.rows)  # "1-1…", "小计" between items: out of the run, said in its table
        sheet = replace(sheet, rows=rows, strays=strays)
        if (counts := count_rows(sheet))[0]:  # "城东小学 余下学额： 49个": each body's count a task, due the lottery's day
            rows, source = counts
            listed = as_table(sheet, COUNTS_HEADER, rows, source, _above(sheet, sheet.rows.index(source[0])), year, [])
            listed[0].printed_numbers = True
            return listed
        if (quotas := quota_rows(sheet.rows, opening_body))[0]:  # "其中：A…N个班M人；B…": each body's share a task
            rows, source = quotas
            listed = as_table(sheet, ["序号", "工作任务", "责任单位", "完成时限"], rows, source,
                               _above(sheet, sheet.rows.index(source[0])), year, [])
            listed[0].printed_numbers = True
            return listed
        duties = duties or ((sheet, found) if (found := duty_list(sheet.rows, sheet.titles) or duty_lines(sheet.rows)) else None)
        events = events or ((sheet, found) if (found := event_duties(sheet.rows, year)) else None)  # an event's: "五、有关事项"
        groups = groups or ((sheet, found) if (found := inspection_groups(sheet.rows, year)  # "第一组：组长 …"
                                               or staffed_groups(sheet.rows, year)  # "第一小组：…组" / "成 员：…" / "职 责：…"
                                               or sector_paragraphs(sheet.rows)) else None)  # "交通运输方面：…"
        timed = timed or ((sheet, found) if (found := timetable(sheet.rows)) else None)  # "date：work" lines (list_timeline)
        mixed = mixed or ((sheet, found) if (found := mixed_parts(sheet.rows)) else None)  # parts over a paragraph or items
        measures = item_measures(sheet.rows)  # the measures "1." under an item "(一)": its own, no run of items
        measures = {**measures, **activity_schedule(sheet.rows).fields}  # "1.时间：…" under an event: its field, no item
        entries = sub_items(sheet.rows, _parts_as_items(unnumbered_headings(sheet.rows, joined_lines(sheet.rows, contents_under(
            sheet.rows, [None if k in measures else entry_of(row) for k, row in enumerate(sheet.rows)])))))  # text under an item's name
        entries = heading_intros(sheet.rows, entries)  # "二、…" over "根据…，确保…。" over "1.…": the part's introduction
        entries = group_paragraphs(sheet.rows, entries)  # "（五）…" over one paragraph with its offices: the group's task
        entries = counted_offices(sheet.rows, entries)  # "4项目标的责任单位均为市发改委。": the last four items'
        group_brackets(entries)  # "（X、Y负责，Z配合）" after a group's last item: every item of the group's
        duty_openings(entries)  # "1.区气象局。完善…", "2.区公安局：…": each item led by the offices it opens with
        few = (run := numbered_run(entries)) is None and (run := numbered_run(entries, few=True)) is not None  # two items
        # one item of a list of tasks: only when no "(一)" or "一、" list is on the page, which the readings below take
        one = run is None and bracketed_run(sheet.rows) is None and chinese_run(sheet.rows) is None \
            and (run := numbered_run(entries, one=partial(_one_listed, sheet, entries))) is not None
        if run and labelled_groups(sheet.rows, [e.row for e in entries[run[0]:run[1]] if e is not None and e.kind == "item"]):
            run = None  # "(一)" groups with their labelled lines, "1." parts under some: the "(一)" list below reads them
        if run:
            start, end, others = run
            part = part_above(entries, start)  # "二、" over "（一）"
            read = read_runs(entries, (part, end), others)  # and the other runs of work with offices ("四、…（二）…")
            above = _above(sheet, start if read[0] >= part else read[0])  # the text above the first run read
            chosen = labelled([entries[k] for k in read])
            run_items = chosen
            tail = [*chosen, *(e for e in entries[read[-1] + 1:] if e is not None)]  # items numbered on past the closing sections
            chosen = [tail[k] for k in kept_on([(int(e.code) if e.kind == "item" else None, e.kind == "heading", e.text,
                                                 bool(e.units or e.labels)) for e in tail], len(chosen), numbered_on(chosen), short)]
            run = run if chosen else None  # every item a closing section's point ("1.落实…制度。加强…"): no list here
        if run:
            end = sheet.rows.index(chosen[-1].row) + 1
            chosen = as_headings(chosen)  # "1.…专题：" over "一是…": the topic heads its sub-items, each an item "1一"
            none = [chosen[k] for k in not_tasks([(e.text, bool(e.units or e.labels)) for e in chosen]) if chosen[k].kind == "item"]
            chosen = [e for e in chosen if e not in none]  # a team's makeup, a duty's detail: no tasks, said below
            items = [e for e in chosen if e.kind == "item"]
            if plans := plans_reported([e.text for e in items], [*sheet.titles, *above]):
                for e, plan in zip(items, plans, strict=True):
                    e.text = plan  # "…培训2万人次。已开展培训8718人次;…": the plan's sentence, its progress after it no part
            if not is_programme(sheet, [*above, *opening_headings(entries, read[0])], [e.text for e in items],
                                 offices=[office_of(e) for e in items], reported=reported,
                                 due=[dated(e.labels) for e in items],
                                 assigned=assigned_work([(e.text, True) for e in items], [e.assigned for e in items]),
                                 restated=bool(plans) or restated([e for e in entries[start:end] if e is not None]),
                                 few=[bool(e.units) for e in items] if few else None, listed=one,
                                 lines=[offices_owned(e) for e in items],
                                 owned=not _group_parts(sheet, entries, start, end) or _led_duties(sheet, items)):
                if few or one or bracketed_run(sheet.rows) is not None:  # two stray numbered lines, or "1." parts of a
                    run = None  # "(一)" list's group ("（六）…" over "1.排水管网"): the other readings may find its list
                else:
                    continue  # a letter's or a notice's points: no programme of work above them
        if run:
            chosen = dated_stages(chosen, sheet.rows)  # "三、时间安排" over "（一）…阶段" and "时间：…": the stages are tasks
            chosen = standing_duties(chosen)  # "（二）部门职责" over "1.区直责任单位职责：…": who answers, no task
            chosen = grouped_stages(chosen)  # "（三）时间步骤" over "1.…阶段（8月15日—9月15日）": the part's work's dates
            chosen = spanned_groups(chosen)  # "（三）开展系列专题活动（2018年9月-11月）" over "1.…": its items' deadline
            chosen = stages_following(chosen, sheet.rows[end:])  # "三、实施步骤" right after: its stages are tasks
            chosen = closing_stage(chosen, sheet.rows[end:], partial(paragraph_doers, opening=True))  # "（三）总结阶段（…）"
            chosen = [*chosen, *closing_items(sheet.rows[end:], entries[end:], chosen)]  # "三、保障措施" over "（一）…（X牵头）"
            header, rows = numbered_table(chosen)
            listed = as_table(sheet, header, rows, [e.row for e in chosen], above, year, _after(sheet.rows[end:]))
            listed[0].printed_numbers = True
            listed[0].parts = _one_part(chosen, sheet.rows)  # "三、…" over "1．…" "2．…": coded 三1, 三2 (tasks.py)
            # another list of numbered items on the page (one cut by a line between its groups) is not read: said so
            listed[0].left_out = [e.row.number for a, b in others for e in entries[a:b]
                                  if e is not None and e.kind == "item" and e not in chosen]
            # an item of the run the closing sections cut that sets a figure and names its office: said, not dropped
            listed[0].left_out += [e.row.number for e in run_items if e.kind == "item" and e not in chosen and e not in none
                                   and (e.units or e.labels) and sets_figure(e.text)] + [e.row.number for e in none]
            coded_by_group(listed[0], [sheet])  # read from "（三）…" on, its part "三、…" above: coded 三(三)1
            coded_by_part(listed[0], [sheet])  # "1." right under "五、…" of a document of parts: coded 五1
            return listed
        first = None  # the run read; a later part over its one paragraph setting a figure joins it (_lone_parts)
        for run, one in bracketed_runs(sheet.rows):  # a part of methods refused, its part of duties after it read
            start, chosen, source, labels = run  # "(一)" stays in the words: the reader codes it 一(一)
            labels = intro_doers(sheet.rows, start, chosen, labels)  # "四、…" / "A、B要…" / "（一）…": A and B do them
            chosen = party_parts(chosen)  # "九、职责分工" over "（一）…职责" over "1.A。A负责…": A leads, a duty
            staffed = [bool(units or labels.get(k)) for k, (_, _, units) in enumerate(chosen)]
            if goals := staffed_from([(kind == "heading", own, words)
                                       for (kind, words, _), own in zip(chosen, staffed, strict=True)]):
                chosen, source, staffed, labels = chosen[goals:], source[goals:], staffed[goals:], {  # a part of goals
                    k - goals: found for k, found in labels.items() if k >= goals}  # over the labelled items: no tasks
                start = sheet.rows.index(source[0])
            keep, unread = bracketed_kept([(kind, words, own) for (kind, words, _), own in zip(chosen, staffed, strict=True)],
                                          short)
            unread = [(source[k].number, chosen[k][1]) for k in unread]
            none = [k for k in not_tasks([(words, bool(units or lead_opening(words))) for _, words, units in chosen])
                    if k in keep and chosen[k][0] not in ("heading", "top")]  # a team's makeup, a duty's detail
            keep, no_tasks = [k for k in keep if k not in none], [source[k].number for k in none]
            chosen, source, labels = [chosen[k] for k in keep], [source[k] for k in keep], {
                new: labels[k] for new, k in enumerate(keep) if k in labels}
            end = sheet.rows.index(source[-1]) + 1 if source else start  # nothing kept: no list (grouped is False)
            labels = timed_labels(chosen, labels, sheet.rows[end:])  # "三、时间安排"'s stages naming the items: their dates
            chosen, source, labels = headed_stages(chosen, source, labels, sheet.rows,  # "（一）动员部署（…）" over paragraphs
                                                   partial(paragraph_doers, opening=True))
            chosen, source, labels = part_over_stages(chosen, source, labels, sheet.rows)  # its part above its introduction
            chosen, source, labels = plan_stages(chosen, source, labels)  # "三、工作安排" over the plan's stages: its dates
            chosen = shared_duties(chosen)  # "七、部门职责分工" over "（一）A和B负责…": A and B lead
            above = _above(sheet, start)
            headings = [words for k, (kind, words, _) in enumerate(chosen) if heads(chosen, k)]  # "一、纳入民生实事项目管理的内容"
            works = [f"{chosen[k - 1][1]}，{words}" if kind == "lone" else words for k, (kind, words, _) in enumerate(chosen)]
            listed = [w for k, w in enumerate(works) if not heads(chosen, k)]
            offices = [units for _, units in item_offices(chosen, labels)]
            grouped = any(kind not in ("heading", "top") for kind, _, _ in chosen)  # else a "一、" list: chinese_run's
            lines = [any(e.kind == "label" and label_kind(e.code) in ("lead", "units") for e in labels.get(k, []))
                     or labelled_line(row_texts(source[k])[-1])  # or "（牵头单位：…；配合单位：…）" after its words
                     or office_bracket(row_texts(source[k])[-1])  # or "（区农发局）": nothing but offices' names
                     or lead_opening(row_texts(source[k])[0]) is not None  # or "（一）A牵头…": its lead opening it
                     for k, (kind, _, _) in enumerate(chosen) if not heads(chosen, k)]  # "责任单位：…" under the item
            due = [labels_due(labels.get(k, [])) for k in range(len(chosen)) if not heads(chosen, k)]  # "1.时间：…"
            if first is not None:
                joined = _lone_parts(chosen) + duty_part(chosen)  # and a part of parties' duties (list_party_parts)
                first[0].extend((kind, heading_name(words) if kind == "heading" else words, units)
                                for kind, words, units in (chosen[k] for k in joined))  # a name on its line (read50c)
                first[2].extend(source[k] for k in joined)
                continue
            if grouped and is_programme(sheet, [*above, *headings], listed, offices=offices, reported=reported, lines=lines,
                                         listed=bool(one), inside=len(headings) - heads(chosen, 0),
                                         shared=shares_out(headings), due=due):
                first = (chosen, labels, source, above, end, unread, no_tasks)
        if first is not None:
            chosen, labels, source, above, end, unread, no_tasks = first
            header, rows, read = bracketed_table(chosen, labels, source)
            listed = as_table(sheet, header, rows, read, above, year, _after(sheet.rows[end:]),
                               [words for _, words in unread])
            listed[0].unheaded = unread  # a heading over no item: named, not an empty area
            listed[0].left_out = no_tasks  # a team's makeup, a duty's detail: said, never dropped silently
            coded_by_group(listed[0], [sheet])  # its part "二、…" above an introduction: coded 二(一)
            return listed
        # two headed items each labelling its offices in its words: a list for the best-effort reading's gate to judge
        if run := headed_run(sheet.rows, _headed_item, labelled=LENIENT.get() is not None):
            start, chosen, source = run
            chosen = chosen[:kept([(kind == "heading", words, bool(units)) for kind, words, units in chosen], short=short)]
            source, above = source[:len(chosen)], _above(sheet, start)
            items = [(words, units) for kind, words, units in chosen if kind == "item"]
            if is_programme(sheet, above, [w for w, _ in items], figures=True, offices=[u for _, u in items], reported=reported,
                             assigned=led([u for _, u in items]), lines=[line_led(u) for _, u in items]):
                numbers = iter(range(1, len(items) + 1))
                rows = [[words] * 3 if kind == "heading" else [str(next(numbers)), words, units] for kind, words, units in chosen]
                end = sheet.rows.index(source[-1]) + 1
                if (named := heading_each(chosen)) is not None:  # "一、基本建成目标任务" over its one paragraph: task 一
                    header, rows, at = named
                    return as_table(sheet, header, rows, [source[k] for k in at], above, year, _after(sheet.rows[end:]))
                return as_table(sheet, ["序号", "工作任务", "责任单位"], rows, source, above, year, _after(sheet.rows[end:]))
        if run := chinese_run(sheet.rows):
            start, chosen, source, labels = run
            after = sheet.rows[sheet.rows.index(source[-1]) + 1:]  # items numbered on past the closing sections
            tail = [*enumerate(chosen, 1), *map(chinese_item, after)]
            staffed = [bool(offices) for _, offices in item_offices(chosen, labels)]
            keep = kept_on([(n, False, item[1], k < len(chosen) and staffed[k] or bool(item[2])) if item else (None, False, "", False)
                            for k, (n, item) in enumerate(tail)], len(chosen), short=short)
            source_all = source
            none = not_tasks([(item[1], k < len(chosen) and staffed[k] or bool(item[2])) if item else ("", True)
                              for k, (_, item) in enumerate(tail)])  # a team's makeup, a duty's detail: no tasks, said
            none, keep = [k for k in keep if k in none], [k for k in keep if k not in none]
            chosen, source = [tail[k][1] for k in keep], [[*source, *after][k] for k in keep]
            labels = {new: labels[k] for new, k in enumerate(keep) if k in labels}
            above = _above(sheet, start)
            if is_programme(sheet, above, [words for _, words, _ in chosen], figures=True,
                             offices=[offices for _, offices in item_offices(chosen, labels)], reported=reported,
                             due=[labels_due(labels.get(k, [])) for k in range(len(chosen))],
                             restated=progress_restated(len(chosen), labels) and not results_in([*sheet.titles, *above]),
                             facts=[" ".join([words, *(e.text for e in labels.get(k, []))]) for k, (_, words, _) in enumerate(chosen)],
                             lines=[any(e.kind == "label" and label_kind(e.code) in ("lead", "units") for e in labels.get(k, []))
                                    for k in range(len(chosen))]):  # "一、…" over "责任单位：…": labelled work
                header, rows = numbered_table(labelled([e for k, (numeral, words, units) in enumerate(chosen) for e in [
                    Entry(None, "item", numeral, words, units=units), *labels.get(k, [])]]))
                end = sheet.rows.index(source[-1]) + 1
                listed = as_table(sheet, header, rows, source, above, year, _after(sheet.rows[end:]))
                listed[0].left_out = [[*source_all, *after][k].number for k in none]
                return listed
        if run := _pair_run(entries):
            start, end = run
            chosen = [e for e in entries[start:end] if e is not None]
            above = _above(sheet, start)
            if not is_programme(sheet, above, [e.content for e in chosen], reported=reported):
                continue  # a glossary, an agenda, a contact list
            rows = [[str(k), e.text, e.content, e.units] for k, e in enumerate(chosen, 1)]
            return as_table(sheet, ["序号", "项目名称", "项目内容", "责任单位"], rows, [e.row for e in chosen], above, year,
                             _after(sheet.rows[end:]))
        if run := _paragraph_run(sheet.rows, owner_in_words) or _paragraph_run(sheet.rows):
            start, end = run
            above = _above(sheet, start)
            chosen = sheet.rows[start:end]
            chosen = chosen[:kept([(False, row_texts(row)[0], False) for row in chosen], short=short)]
            end = start + len(chosen)
            texts = [row_texts(row)[0] for row in chosen]
            owners = [owner_in_words(text) for text in texts]  # each assigned in its words, dated by them: a work list
            owned = {"offices": owners, "lines": list(map(bool, owners)), "due": [bool(DONE_BY_RE.search(t)) for t in texts]} \
                if all(owners) else {}
            if not is_programme(sheet, above, texts, strict=True, reported=reported, **owned):
                continue
            rows = [[str(k), text, owner] for k, (text, owner) in enumerate(zip(texts, owners, strict=True), 1)]
            return as_table(sheet, ["序号", "工作任务", "责任单位"], rows, chosen, above, year, _after(sheet.rows[end:]))
        if found := inline_run(sheet.rows):
            at, intro, items, lines_above, lines_after = found
            above = [*_above(sheet, at), *lines_above, *([intro] if intro else [])]
            after = [*lines_after[:2], *_after(sheet.rows[at + 1:])]
            if is_programme(sheet, above, [text for _, text in items], strict=True, figures=True, reported=reported):
                split = [(code, *units_after(text)) for code, text in items]
                named = [_named_item(words) for _, words, _ in split]
                row = sheet.rows[at]
                if all(named):  # each item a project's name and its content: 项目名称 | 项目内容
                    rows = [[code, *pair, units] for (code, _, units), pair in zip(split, named, strict=True)]
                    return as_table(sheet, ["序号", "项目名称", "项目内容", "责任单位"], rows, [row] * len(rows), above, year, after)
                rows = [[code, words, units] for code, words, units in split]
                return as_table(sheet, ["序号", "工作任务", "责任单位"], rows, [row] * len(rows), above, year, after)
        if found := carried_duties(sheet.rows):  # "X、Y要…；要…；要…。": one sentence's duties, its doers stated once
            at, intro, items, doers = found
            above, count = [*_above(sheet, at), *([intro] if intro else [])], len(items)
            if is_programme(sheet, above, [text for _, text in items], offices=[doers] * count, lines=[True] * count,
                            reported=reported):  # the doers named as the duties' subject, as a 牵头单位 line would
                rows = [[code, text, doers] for code, text in items]
                return as_table(sheet, ["序号", "工作任务", "牵头单位"], rows, [sheet.rows[at]] * count, above, year,
                                 _after(sheet.rows[at + 1:]))
        if found := named_forms(sheet.rows):  # "三、培训内容" over "（一）集中面授…", their doers and hours named elsewhere
            chosen, source, _ = found
            header, rows = numbered_table(chosen)  # their own spans only: no period of the plan given to the others
            listed = as_table(sheet, header, rows, [e.row for e in chosen], _above(sheet, sheet.rows.index(source[0])), year, [])
            listed[0].printed_numbers = True
            return listed
    if duties:  # "五、职责分工" over "（一）区党群工作部" and its duties, no list of tasks beside: the party leads them
        sheet, (start, end, header, rows, source, parts) = duties
        listed = as_table(sheet, header, rows, source, _above(sheet, start), year, _after(sheet.rows[end:]))
        if parts:  # "城乡管理处：…" paragraphs numbered by their place within their part: 五1
            listed[0].printed_numbers, listed[0].parts = True, parts
        return listed
    if events:  # an event's plan, its duties "1.A负责…" under "五、有关事项": due on its day (list_arrangements)
        sheet, (start, end, header, rows, source, parts) = events
        listed = as_table(sheet, header, rows, source, _above(sheet, start), year, _after(sheet.rows[end:]))
        listed[0].printed_numbers, listed[0].parts = True, parts  # coded within their part of the plan: 五1
        listed[0].arrangements = True
        return listed
    if groups:  # "第一组：组长 …" / "成员 …" / "负责检查…": each group's work, coded as printed (list_inspections)
        sheet, (start, end, header, rows, source, parts) = groups
        listed = as_table(sheet, header, rows, source, _above(sheet, start), year, _after(sheet.rows[end:]))
        listed[0].printed_numbers = True
        return listed
    if timed:  # "…时间安排" over "5月10日—5月20日：毕业生报名表填报" lines, no list of tasks beside: each line a task
        sheet, (start, end, header, rows, source) = timed
        return as_table(sheet, header, rows, source, _above(sheet, start), year, _after(sheet.rows[end:]))
    if mixed:  # "一、…" over one paragraph beside "二、…" over "（一）…" items, a notice of parts only: each a task
        sheet, (start, end, header, rows, source, parts) = mixed
        listed = as_table(sheet, header, rows, source, _above(sheet, start), year, _after(sheet.rows[end:]))
        listed[0].printed_numbers, listed[0].parts = True, parts
        return listed
    for sheet in sheets:  # one school's places in one paragraph, its labelled dates run into it: one task
        if (notice := lottery_notice(sheet.rows))[0]:
            rows, source = notice
            return as_table(sheet, LOTTERY_HEADER, rows, source, _above(sheet, sheet.rows.index(source[0])), year, [])
    return None
