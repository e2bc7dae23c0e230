"""Duties listed under each party's name, for the headerless reader (headerless.py): a part naming the sharing of duties
("五、职责分工") over headings that are each a party's name alone ("（一）区党群工作部", "（七）学校"), each over its duty, one
paragraph or items numbered "1." "2." …. The party leads each duty below its name, as a 牵头单位 labelled under the heading
would; the parties are offices mostly, and schools, families or hospitals beside them are parties too."""

from __future__ import annotations

import re

from mstrack.domain.quantities import chinese_count
from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.duty_clauses import clauses
from mstrack.sources.table.list_deadlines import CAMPAIGN_RE, WHEN
from mstrack.sources.table.list_numbered import ITEM_RE, LEAD_LABEL, Entry, heading_entry, numbered_table
from mstrack.sources.table.list_single import names_tasks
from mstrack.sources.table.list_stages import stage_part
from mstrack.sources.table.list_teams import group_makeup
from mstrack.sources.table.list_work import NO_DUTY_PLAN_RE
from mstrack.sources.table.mentions import sets_figure
from mstrack.sources.table.reading import Row
from mstrack.sources.table.units import office_list

DUTY_PART_RE = re.compile(r"职责|分工")  # "职责分工", "部门职责", "责任分工": a part that shares the work out
# "（一）区党群工作部", "（七）学校": a heading that is a party's name and nothing else (no stop, no number, no list)
PARTY_RE = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*([^，,。；;：:、\s\d（）()“”\"]{2,20})$")
# "（一）资源生态处：牵头前期筹划…", "（二）片区财政专班：负责资金保障…": a duty opened by its party's name and a colon
PARTY_OPENING_RE = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*([^，,。；;：:、\s\d（）()“”\"]{2,20})\s*[：:]\s*(\S.*)$",
                              re.S)
# "城乡管理处（垃圾分类办）：统筹开展…：1.…；2.…。", "党群工作处：1.组织…": a duty opened by its party's name and a colon,
# unnumbered (each paragraph one party's; the party's own bracket kept)
UNNUMBERED_OPENING_RE = re.compile(r"^([^，,。；;：:、\s\d（）()“”\"]{2,20}(?:[（(][^（）()，,。；;：:]{1,10}[）)])?)\s*[：:]\s*(\S.*)$",
                                   re.S)
DUE_RE = re.compile(rf"(?<![\d一二两三四五六七八九十])(?:{WHEN})")  # a date in a paragraph's words; "三年内" is none
MIN_PARTIES = 3  # the fewest party headings under the part for a list of duties
STANDING_RE = re.compile(r"^(?:（[一二三四五六七八九十]+）)?\s*负责")  # "负责水情监测…": a standing responsibility
# "…将片区…工作任务分解如下。", "具体分工如下：": the part's words introducing its duties, no duty
INTRO_RE = re.compile(r"(?:如下|以下)\s*[。：:]?\s*$|[：:]\s*$")
ISSUER_RE = re.compile(r"^[^，,。；;：:]{2,60}?关于(?=\S)")  # a notice's issuer before its subject ("X领导小组办公室关于…")
HELPERS_LABEL = "配合单位"  # a group's other member offices, under its 联络单位 (list_teams.group_makeup)
CONTENT_LABEL_RE = re.compile(r"^\s*(?:检查|工作|督查)?内容\s*[：:]\s*")  # "检查内容：主要检查…": the content's label
NUMBERED_LINE_RE = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d+\s*[.．、]|[一二三四五六七八九十]+\s*、)")


def shares_out(headings: list[str]) -> bool:
    """Whether a list's part headings all name the sharing of its work out ("六、责任分工", DUTY_PART_RE): its items
    whose offices are labelled under them are duties whatever topic each names ("（三）资金保障。…" over "责任单位：…"),
    no closing section's requirement (list_sections.labelled_work's `shared`)."""
    return bool(headings) and all((m := AREA_RE.match(h)) is not None and len(m[2]) <= 12 and DUTY_PART_RE.search(m[2])
                                  for h in headings)


def duty_list(rows: list[Row], titles: list[str] | None = None
              ) -> tuple[int, int, list[str], list[list[str]], list[Row], int] | None:
    """The first part naming duties ("五、职责分工", DUTY_PART_RE) whose lines up to the next part are party headings
    (PARTY_RE, numbered （一） （二） … in order, MIN_PARTIES or more, most of them offices' names) each over its duty:
    one paragraph, one task coded by the heading ("五(一)"); or items "1." … , a task each ("五(五)1"), a paragraph
    above them opening them, no task. A part of stages each dated by its span right after it ("五、实施步骤",
    list_stages) is read with it: who does each part, and when each stage is due. (the part's row, the row after its
    last line, header, cells, the row each is read from, how many parts the plan prints when the duties are unnumbered
    paragraphs coded within their part "五1" (as list_arrangements.event_duties's), else 0); None when there is no
    such part. Duties in a document that is
    no programme (its title, TITLES or the first line, or the part naming NO_DUTY_PLAN_RE: a 领导小组's members, a 预案)
    or that are all standing responsibilities (`standing`) are none."""
    title = (titles or [t for row in rows[:1] for t in row_texts(row)[:1]] or [""])[0]
    if NO_DUTY_PLAN_RE.search(ISSUER_RE.sub("", title)):  # "…领导小组办公室关于印发…检查方案的通知": the issuer's name
        return None  # names no kind of document; "关于成立…领导小组的通知" does
    for at, row in enumerate(rows):
        texts = row_texts(row)
        if len(texts) != 1 or not (part := AREA_RE.match(texts[0])) or not DUTY_PART_RE.search(part[2]) or len(part[2]) > 12 \
                or NO_DUTY_PLAN_RE.search(part[2]):
            continue
        end = next((k for k in range(at + 1, len(rows)) if len(t := row_texts(rows[k])) == 1 and AREA_RE.match(t[0])), len(rows))
        if (found := _duties(rows, at, end)) is not None and not (
                standing([e.text for e in found[0] if e.kind == "item"]) and not _campaign(rows[:at])):
            entries, source = found
            unnumbered = entries[1].kind == "item" and entries[1].code.isdigit()  # _unnumbered_duties': coded 1, 2 …
            if (stages := stage_part(rows, end)) is not None:  # "五、实施步骤" right after: when each stage is due
                entries, source, end = [*entries, *stages[0]], [*source, *stages[1]], stages[2]
            if (task := _task_part(rows, at)) is not None:  # "一、工作任务" over the plan's one task: read before them
                at, entries, source = task[0], [task[1], *entries], [rows[task[0] + 1], *source]
            parts = sum(1 for row in rows if len(t := row_texts(row)) == 1 and AREA_RE.match(t[0])) if unnumbered else 0
            return at, end, *numbered_table(entries), source, parts
    return None


def standing(duties: list[str]) -> bool:
    """Whether the duties are a body's standing responsibilities, no tasks: most open "负责…" (STANDING_RE) and none
    sets a figure or names a date ("负责水情监测和水利工程调度。"); "负责改造背街小巷12条" is work."""
    return 2 * sum(bool(STANDING_RE.match(text)) for text in duties) > len(duties) \
        and not any(sets_figure(text) or DUE_RE.search(text) for text in duties)


def _campaign(rows: list[Row]) -> bool:
    """Whether the text above the duties names a campaign's time ("决定即日起至3月底…开展…活动",
    list_deadlines.CAMPAIGN_RE): each "负责…" duty is then the office's share of the campaign, work due at its end, no
    standing responsibility."""
    return any(CAMPAIGN_RE.search(text) for row in rows for text in row_texts(row))


def _task_part(rows: list[Row], before: int) -> tuple[int, Entry] | None:
    """The part above the duties whose heading names the plan's task ("一、工作任务", list_single.names_tasks) over one
    paragraph that sets its figure ("…等5个村庄纳入2021年村庄规划编制工作任务，年底前完成…"), the next part's heading
    right under it: the plan's one task, coded by its heading's number ("一"), its words the paragraph, due on the one
    date it names ("年底前"; "三年内" is a span, no date); (the heading's row, the task). None when there is no such part."""
    for at in range(before - 1):  # the paragraph and the next heading under it, that heading the duties' at the nearest
        texts, below, after = (row_texts(rows[k]) for k in (at, at + 1, at + 2))
        if len(texts) == 1 and (m := AREA_RE.match(texts[0])) and names_tasks(texts[0]) and len(below) == 1 \
                and not AREA_RE.match(below[0]) and not PARTY_OPENING_RE.match(below[0]) and sets_figure(below[0]) \
                and len(after) == 1 and AREA_RE.match(after[0]):
            dates = {d[1] for d in DUE_RE.finditer(below[0])}  # "…，年底前完成规划编制工作": its one date its deadline
            return at, Entry(rows[at + 1], "item", m[1], below[0], labels={"完成时限": dates.pop()} if len(dates) == 1 else {})
    return None


def _opened_duties(rows: list[Row], at: int, end: int) -> tuple[list[Entry], list[Row]] | None:
    """The part's duties when each of its lines is one, numbered "（一）" on and opened by its party and a colon
    ("（一）资源生态处：牵头前期筹划…", "（四）村居：相关村配合…"), MIN_PARTIES or more, half the parties or more offices'
    names (the colon after each says it is a party: "片区财政专班", "村居" beside them): each a task coded by its number
    ("四(一)"), its words after the colon, led by its party; None for any other part. A line introducing them ("…任务
    分解如下。", INTRO_RE) and unnumbered paragraphs after the last ("各牵头处室要结合工作职责，…": what every party does
    besides) are the part's words, no duty."""
    lines = [row_texts(rows[k]) for k in range(at + 1, end)]
    first = 1 if lines and len(lines[0]) == 1 and INTRO_RE.search(lines[0][0]) \
        and not PARTY_OPENING_RE.match(lines[0][0]) and not NUMBERED_LINE_RE.match(lines[0][0]) else 0
    found = [PARTY_OPENING_RE.match(texts[0]) if len(texts) == 1 else None for texts in lines[first:]]
    if found and found[0] is None:  # "党政办公室：1.负责…": unnumbered, each coded by its place
        return _unnumbered_duties(rows, at, end, lines, first)
    last = next((k for k, m in enumerate(found) if m is None), len(found))
    if any(len(texts) != 1 or NUMBERED_LINE_RE.match(texts[0]) for texts in lines[first + last:]):
        return None  # numbered lines after the parties: not a part of their duties alone
    found = found[:last]
    if len(found) < MIN_PARTIES or not all(found) or 2 * sum(office_list(m[2]) for m in found) < len(found) \
            or [chinese_count(m[1]) for m in found] != list(range(1, len(found) + 1)):
        return None
    entries = [heading_entry(None, row_texts(rows[at])[0]), *(
        Entry(rows[k], "item", "", f"（{m[1]}）{m[3].strip()}", labels={LEAD_LABEL: m[2]})
        for k, m in enumerate(found, at + 1 + first))]
    return entries, [rows[at], *rows[at + 1 + first:at + 1 + first + last]]


def _unnumbered_duties(rows: list[Row], at: int, end: int, lines: list[list[str]], first: int
                       ) -> tuple[list[Entry], list[Row]] | None:
    """The part's duties when every line is one, unnumbered, opened by its party and a colon ("城乡管理处（垃圾分类办）：
    统筹…：1.…；2.…。", UNNUMBERED_OPENING_RE), MIN_PARTIES or more, half the parties or more offices' names: each a
    task coded by its place among them ("五1", as the corpus numbers unnumbered rows), its words after the colon (its
    numbered duties run in), led by its party. None when a line is anything else."""
    found = [UNNUMBERED_OPENING_RE.match(texts[0]) if len(texts) == 1 and not NUMBERED_LINE_RE.match(texts[0]) else None
             for texts in lines[first:]]
    if len(found) < MIN_PARTIES or not all(found) or 2 * sum(office_list(m[1]) for m in found) < len(found):
        return None
    entries = [heading_entry(None, row_texts(rows[at])[0]), *(
        Entry(rows[k], "item", str(n), m[2].strip(), labels={LEAD_LABEL: m[1]})
        for n, (k, m) in enumerate(zip(range(at + 1 + first, end), found, strict=True), 1))]
    return entries, [rows[at], *rows[at + 1 + first:end]]


def _duties(rows: list[Row], at: int, end: int) -> tuple[list[Entry], list[Row]] | None:
    """The part's duties as a table (header, cells, rows read), or None when its lines are not party headings each
    over its duty."""
    if (opened := _opened_duties(rows, at, end)) is not None:
        return opened
    heads = [k for k in range(at + 1, end) if len(t := row_texts(rows[k])) == 1 and PARTY_RE.match(t[0])]
    parties = [PARTY_RE.match(row_texts(rows[k])[0])[2] for k in heads]
    if len(heads) < MIN_PARTIES or heads[0] != at + 1 or 2 * sum(map(office_list, parties)) <= len(parties) \
            or [chinese_count(PARTY_RE.match(row_texts(rows[k])[0])[1]) for k in heads] != list(range(1, len(heads) + 1)):
        return None
    part = row_texts(rows[at])[0]
    entries, source = [heading_entry(None, part)], [rows[at]]
    for k, start, stop in zip(range(len(heads)), heads, [*heads[1:], end], strict=True):
        lines = [(i, row_texts(rows[i])) for i in range(start + 1, stop)]
        if not lines or any(len(texts) != 1 for _, texts in lines):
            return None
        numbered = [(i, m) for i, texts in lines if (m := ITEM_RE.match(texts[0]))]
        heading = row_texts(rows[start])[0]
        doers, content = {LEAD_LABEL: parties[k]}, ""
        if (makeup := group_makeup([texts[0] for _, texts in lines])) is not None:  # a group's leaders and members
            doers = {LEAD_LABEL: "、".join(makeup[0]), **({HELPERS_LABEL: "、".join(makeup[1])} if makeup[1] else {})}
            lines = lines[makeup[2]:]
            content = "".join(texts[0] for _, texts in lines)
        if not numbered and makeup is not None:  # "检查内容：主要检查…" under the group's makeup: the group's one task,
            entries.append(Entry(rows[start], "item", "", heading, content=CONTENT_LABEL_RE.sub("", content),  # its name
                                 labels=doers))  # the task's title, the labelled paragraph its content
            source.append(rows[start])
            continue
        if not numbered:  # one duty, its paragraphs: the heading's number codes it
            text = "".join(texts[0] for _, texts in lines)
            if entries[-1].kind == "item" and entries[-1].code:  # after a party's items
                entries.append(heading_entry(None, part))  # the part heads it again, not the party above
                source.append(rows[start])
            entries.append(Entry(rows[start], "item", "", f"{heading.removesuffix(parties[k])}{text}",
                                 labels={LEAD_LABEL: parties[k]}))
            source.append(rows[start])
            continue
        if [int(m[1]) for _, m in numbered] != list(range(1, len(numbered) + 1)) or numbered[0][0] != lines[-len(numbered)][0]:
            return None  # items out of order, or words after them
        entries.append(Entry(rows[start], "heading", "", heading, labels=doers))
        source.append(rows[start])
        for i, m in numbered:
            entries.append(Entry(rows[i], "item", m[1], m[2].strip()))
            source.append(rows[i])
    return entries, source



# "（二）部门职责", "（三）各方职责": a group naming who answers for the work, over items "1.区直责任单位职责：…"
DUTIES_GROUP_RE = re.compile(r"^[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*\S{0,6}职责\s*$")
DUTY_OPENING_RE = re.compile(r"^[^，,。；;：:]{2,20}职责\s*[：:]")  # "区直责任单位职责：", "各乡镇、村职责："


def standing_duties(chosen: list[Entry]) -> list[Entry]:
    """A numbered list's entries without a group of offices' standing duties ("（二）部门职责" over "1.区直责任单位职责：
    区教育局…等主管部门，要…" "2.各乡镇、村职责：要…"): each item says who answers for the work the list's tasks name,
    under no label of offices of its own, no work of its own to track; the entries unchanged when no group is so."""
    for k, entry in enumerate(chosen):
        if entry.kind != "heading" or not DUTIES_GROUP_RE.match(entry.text):
            continue
        end = next((j for j in range(k + 1, len(chosen)) if chosen[j].kind == "heading"), len(chosen))
        items = [e for e in chosen[k + 1:end] if e.kind in ("item", "part")]
        if items and all(DUTY_OPENING_RE.match(e.text) and not e.units and not e.labels for e in items) \
                and all(e.kind in ("item", "part", "label", "note") for e in chosen[k + 1:end]):
            return [*chosen[:k], *chosen[end:]]
    return chosen


# "（一）局医政处和计生指导处负责活动的联络衔接；", "（五）活动场地及现场布置由潭城社区卫生服务中心负责落实，…": the offices
# that answer for a duty, opening it or after the work and its 由, before 负责; "局医政处和计生指导处协助指导": its helpers
ANSWERING_RE = re.compile(r"^[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*(?:[^，,。；;：:由]{1,20}?由)?"
                          r"([^，,。；;：:（()）\s\d]{2,30}?)负责")
HELPERS_CLAUSE_RE = re.compile(r"^([^，,。；;：:（()）\s\d]{2,30}?)(?:协助|配合)")


def shared_duties(chosen: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """A "(一)" run's items (kind, words, offices) with each duty under a part sharing the work out ("七、部门职责分工",
    shares_out) that names no offices beside it led by the offices its words give 负责 (ANSWERING_RE:
    "A和B负责…", every one of them leading, README's role word closing a list; "…由A负责落实"), a later clause's
    offices before 协助 or 配合 its units: read as the cell "A负责，B协助" is. Elsewhere (a part of requirements, "八、
    工作要求") an office opening an item with 负责 is a rule of the day's, left as printed (only "A牵头", "A，负责…"
    lead there: list_bracketed.lead_opening)."""
    heading, read = "", []
    for kind, words, units in chosen:
        heading = words if kind == "heading" else heading
        if kind not in ("heading", "top") and not units and shares_out([heading]) \
                and (m := ANSWERING_RE.match(words)) and office_list(m[1]):
            helpers = [h[1] for clause in clauses(words)[1:] if (h := HELPERS_CLAUSE_RE.match(clause)) and office_list(h[1])]
            units = "，".join([f"{m[1]}负责", *(f"{names}协助" for names in helpers)])
        read.append((kind, words, units))
    return read
