"""An event's plan (a meeting, an activity) for the headerless reader (headerless.py): its day printed in a part of its
own ("一、时  间：2016年4月12日（星期二）下午15:00"), or a campaign's span ("三、时间安排" over "2018年11月10日至12月10日，
其中…"), and a part of numbered items, "1." or "（一）", each giving a piece of the event's work to the offices that do it
("五、有关事项" over "1.A负责会务工作，B协助；", "3.…讲话稿由A负责提供；", "2.…材料请于5月25日前报A审核"; "五、工作措施"
over "（一）各单位要…" "（二）要组织本单位…", the subject left out the item before's). Each item is a task, its offices as its
words name them (the first the lead), due on the event's day or the campaign's last unless it names a date of its own
(tests/data/tables/README.md: a part naming the period of the work dates every task). The plan's other parts (who
attends, the agenda's speeches) name no office's work, and are no tasks. A campaign whose time part prints no date
("二、检查时间" over "自即日起开展为期一个月…") is one still, its duties undated; and a part where most items, not all, name
their doers ("七、其他要求" over "（三）廉政纪律要求。严格按照…执行。" among three that do) is its duties when no part names
them all, the others read with no office. A closing part (list_sections.CLOSING_RE: "七、其他要求", "六、其他事宜", "五、
工作要求") holds duties only by the doers its items name themselves, some of them one office ("局综合处负责车辆安排",
"检查组成员要…"): a subject is never carried into its "要…" points, and points naming only every body of a kind
("各单位要高度重视…") are the notice's requirements on its addressees, no duties."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.item_offices import units_after
from mstrack.sources.table.list_deadlines import PERIOD_HEADING_RE, PERIOD_SPAN_RE, period_part
from mstrack.sources.table.list_doers import (
    REQUEST_RE,
    STEP_DATE_RE,
    office_clause,
    paragraph_doers,
    step_doers,
    subject_run,
)
from mstrack.sources.table.list_numbered import ITEM_RE, Entry, numbered_table
from mstrack.sources.table.list_sections import CLOSING_RE
from mstrack.sources.table.numbering import SUB_CODE_RE, numeral
from mstrack.sources.table.reading import Row
from mstrack.sources.table.units import ROLE_LABEL_RE, office_list, role_read, roles_in, unit_names

# the event's day, in the part that names its time ("一、时  间：2016年4月12日…", "一、会议时间：…"): one day, its year printed
TIME_PART_RE = re.compile(r"^\s*(?:[^：:]{0,4}时\s*间)\s*[：:]\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
# an office named by the work it does or receives: "…由A负责提供", "…报A审核": A does it
BY_OFFICE_RE = re.compile(r"由([^，,。；;由]{2,30}?)(?:牵头)?负责")
REVIEWER_RE = re.compile(r"报([^，,。；;报]{2,30}?)(?:审核|审定|审阅|把关)")
BRACKET_RE = re.compile(r"[（(]([^（）()]*)[）)]")  # "（A负责交通工具）", "（横幅标题:…，落款:B、C）": read apart from the item
DUTY_WORK_RE = re.compile(r"(?<=负责)(?!人)[^，,；;。]+")  # the work after 负责 ("制作横幅、专家座位牌"), whose "、" joins no office
MIN_SHARES = 2  # clauses each opening with its office ("区医院准备…；中医院准备…"): the offices' shares of an item
CARRIED_RE = re.compile(r"^(?:要|应|须|必须|务必)")  # "要组织本单位职工…": the subject left out, the item before's
STOP_END_RE = re.compile(r"[。；;！!]\s*$")  # an item's words closed: the line under it is none of them
MIN_DUTIES = 2  # items of the part, each naming its offices
DATE_RE = re.compile(r"\d\s*[年月日]")  # a date of any kind in a time part's line
# "…集中出发，局综合处负责交通工具": a clause opening with the office that answers for its work
ANSWERING_CLAUSE_RE = re.compile(r"^([^，,。；;：:（()）\s\d]{2,30}?)负责(?!人)")
# a part naming the steps of the event's procedure ("五、演练流程", "三、活动步骤", "四、比赛程序"): each step a task
PROCEDURE_RE = re.compile(r"(?:流程|步骤|程序)$")


def event_duties(rows: list[Row], year: int) -> tuple[int, int, list[str], list[list[str]], list[Row], int] | None:
    """The part of an event's plan whose numbered items each name the offices that do them (_doers), MIN_DUTIES or
    more, the event's day printed in a part of its own (TIME_PART_RE), or a campaign's period ("三、时间安排" over
    "2018年11月10日至12月10日，其中…": list_deadlines.period_part, its end; "二、检查时间" over "自即日起开展为期一个月…":
    a time part printing no date, the duties undated); an item whose subject is left out ("要组织本单位职工…",
    CARRIED_RE) is the previous item's doers' ("各单位要高度重视…"), but in a closing part, whose doers are its items' own
    and one office among them at least (_arranged). With no part whose items all name their doers, the
    first where most do, MIN_DUTIES or more, the others read with no office: (the part's row, the row after its last
    line, header, cells, the row each is read from, how many parts the plan prints), as list_duties.duty_list gives its
    duties; None when the plan prints no time part or no such part."""
    day = next((m[1] for row in rows if len(texts := row_texts(row)) == 1 and (part := AREA_RE.match(texts[0]))
                and (m := TIME_PART_RE.match(part[2]))), None)
    if day is None and (period := period_part([" ".join(row_texts(row)) for row in rows], year)) is not None \
            and PERIOD_SPAN_RE.search(period[2]):  # a campaign's span; an event's day under "三、活动时间" stays the day
        day = period[0]  # (an event whose day is its part's one line is read by its parts: "六、活动安排" over its duties)
    if day is None and not _time_part(rows):
        return None
    found = steps = None  # the first part whose items most name their doers: read when no part's all do; its steps
    for at, row in enumerate(rows):
        texts = row_texts(row)
        if len(texts) != 1 or not (part := AREA_RE.match(texts[0])):
            continue
        end = next((k for k in range(at + 1, len(rows)) if len(t := row_texts(rows[k])) == 1 and AREA_RE.match(t[0])), len(rows))
        labelled: dict[int, tuple[list[str], list[str]]] = {}
        closing = CLOSING_RE.search(part[2]) is not None  # "四、其他要求": its doers its items' own (_arranged)
        procedure = not closing and PROCEDURE_RE.search(part[2].strip().rstrip("：:")) is not None
        items = part_items(rows[at + 1:end], labelled, steps=procedure)
        doers = [labelled.get(k) or _doers(text) or procedure and _step_doers(text) or None
                 for k, (_, text, _) in enumerate(items)]
        if procedure:  # "五、演练流程" over "（一）发现火情。…" …: the event's steps, tasks whoever does them
            steps = steps or ((at, items, doers) if len(items) >= MIN_DUTIES else None)
            continue
        if not closing:
            doers = _carried(doers, [text for _, text, _ in items])
        named = sum(1 for found_doers in doers if found_doers)
        if len(items) < MIN_DUTIES or named < MIN_DUTIES or 2 * named <= len(items) \
                or named < len(items) and any(units_after(text)[1] for _, text, _ in items) \
                or closing and not _arranged(doers):
            continue  # items printing their offices after their words ("…（责任单位：A、B）"): a list's, read as one;
            # a closing part's requirements on every addressee ("（一）各单位要…" "（二）要…"): no duties
        found = found or (at, items, doers)
        if named == len(items):
            found = (at, items, doers)
            break
    read = sorted(part for part in (found, steps) if part is not None)
    if not read:
        return None
    entries = []
    for at, items, doers in read:
        entries.append(Entry(rows[at], "heading", "", row_texts(rows[at])[0]))
        for (source, text, code), named_doers in zip(items, doers, strict=True):
            lead, others = named_doers or ([], [])
            own = STEP_DATE_RE.search(text)  # "于5月25日下班之前": the item's own date
            labels = {"牵头单位": "、".join(lead), "配合单位": "、".join(others), "完成时限": own[1] if own else day or ""}
            if code.startswith("（"):  # "（一）" stays in the words, as a "(一)" list's: under "七、" the reader codes it 七(一)
                code, text = "", code + text
            entries.append(Entry(source, "item", code, text, labels=labels))
    at, last = read[0][0], rows.index(read[-1][1][-1][0])
    parts = sum(1 for row in rows if len(texts := row_texts(row)) == 1 and AREA_RE.match(texts[0]))
    return at, last + 1, *numbered_table(entries), [e.row for e in entries], parts


def _time_part(rows: list[Row]) -> bool:
    """Whether the plan prints a part naming the time of its work ("二、检查时间", list_deadlines.PERIOD_HEADING_RE) over
    a line that dates nothing ("自即日起开展为期一个月…"): a campaign still, its duties undated. An event's day there
    ("三、活动时间" over "2019年1月18日…") leaves the plan to its parts' readings."""
    return any(len(texts := row_texts(row)) == 1 and PERIOD_HEADING_RE.match(texts[0].strip()) and len(below := row_texts(after)) == 1
               and not DATE_RE.search(below[0]) and not AREA_RE.match(below[0]) for row, after in zip(rows, rows[1:], strict=False))


def _arranged(doers: list[tuple[list[str], list[str]] | None]) -> bool:
    """Whether a closing part's items ("七、其他要求", "六、其他事宜", "五、工作要求") give its work to offices the notice
    names, some of them one body, not only every body of a kind ("局综合处负责车辆安排", "检查组成员要…" beside "请各单位…"):
    the event's arrangements. Points whose doers are only the notice's addressees ("（一）各单位要高度重视…" "（三）各医疗
    卫生计生单位…要…") are its requirements on every one of them, and a subject is never carried into its "要…" points
    (the caller's: "（二）要严格落实…" asks it of all)."""
    return any(not name.startswith("各") for found in doers if found for name in [*found[0], *found[1]])


def _carried(doers: list[tuple[list[str], list[str]] | None], texts: list[str]) -> list[tuple[list[str], list[str]] | None]:
    """Each item's doers, an item whose subject is left out ("要组织本单位职工…") taking the previous item's."""
    for k in range(1, len(doers)):
        if doers[k] is None and CARRIED_RE.match(texts[k]):
            doers[k] = doers[k - 1]
    return doers


def part_items(rows: list[Row], labelled: dict[int, tuple[list[str], list[str]]] | None = None,
           steps: bool = False) -> list[tuple[Row, str, str]]:
    """The numbered items "1." … or "（一）" … of a part in order from the first, each with the unnumbered lines under it
    joined to its words while they end in no stop (a line broken inside a sentence: "…报局综合处审核，" / "发言稿控制在…；"):
    (row, words, number: "1", or "(一)" as the bracketed readers code it); [] when the part holds anything else (a
    paragraph before its first item). A line after an item's stop (the signature, its date) ends the part's items, but
    one labelling its doers ("牵头单位：X", as list_doer_lines.doers_below writes a measure's), whose roles go to
    `labelled` under the item's index: (leads, others)."""
    items: list[tuple[Row, str, str]] = []
    for row in rows:
        texts = row_texts(row)
        if len(texts) != 1:
            return []
        if items and ROLE_LABEL_RE.match(texts[0]) and (roles := roles_in(texts[0])) is not None:
            if labelled is not None:
                labelled[len(items) - 1] = (unit_names(roles[0]), unit_names(roles[1]) if roles[1] else [])
            continue
        if numbered := _numbered(texts[0], len(items) + 1, items[0][2].startswith("（") if items else None):
            items.append((row, *numbered))
        elif steps and items and items[-1][2].startswith("（") and ITEM_RE.match(texts[0]):
            continue  # a step's sub-steps ("（三）准备工作。…" over "1.组织人员：…"): how it is done, inside it
        elif items and not _numbered(texts[0], 0, None) and not STOP_END_RE.search(items[-1][1]):
            items[-1] = (items[-1][0], items[-1][1] + texts[0].strip(), items[-1][2])
        else:
            return items
    return items


def _numbered(text: str, n: int, bracketed: bool | None) -> tuple[str, str] | None:
    """(words, number) of an item numbered n, "n." or "（n as a numeral）" (`bracketed`: only that kind, the part's
    first item's; None: either kind); n 0: any number."""
    if bracketed is not True and (m := ITEM_RE.match(text)) and (not n or m[1] == str(n)):
        return m[2].strip(), m[1]
    if bracketed is not False and (m := SUB_CODE_RE.match(text)) and (not n or m[1] == numeral(n)) and text[m.end():].strip():
        return text[m.end():].strip(), f"（{m[1]}）"
    return None


def _doers(text: str) -> tuple[list[str], list[str]] | None:
    """The offices an item's words give its work to: by "由A负责" after the work ("讲话稿由A负责提供"), as the office the
    work goes to for review ("报A审核"), or by their roles ("A负责会务工作，B协助": units.role_read; after the other two,
    which would read "讲话稿由A" as one name), read with each duty's work left out ("A负责制作横幅、专家座位牌…": the
    work's "、" joins no office) and its brackets apart ("…集中（A负责交通工具）": the bracket's office; "A负责制作横幅
    （落款:B、C）": A alone), or as each clause's subject when two clauses or more open with an office ("A准备…；B准备…":
    A leads, the others help), or the subjects of its sentences (list_doers.paragraph_doers: "各单位要…", "检查组成员要…";
    "请各单位…", the addressees asked), else the office a clause opens with before 负责 ("…集中出发，局综合处负责交通工具");
    (leads, others), or None when the words name no office so (an attendee "局班子成员；", a speech "局长…作重要讲话。")."""
    text = REQUEST_RE.sub("", text)
    for pattern in (BY_OFFICE_RE, REVIEWER_RE):
        if (m := pattern.search(text)) and office_list(m[1].strip()):
            return unit_names(m[1].strip()), []
    bare = BRACKET_RE.sub("", text)
    for words in (text, DUTY_WORK_RE.sub("", bare), *(DUTY_WORK_RE.sub("", inner) for inner in BRACKET_RE.findall(text))):
        if (read := role_read(words)) is not None and read[0] and all(map(office_clause, read[0])):
            return read  # never words before a bracket's office ("…集中（局综合处"): a name and nothing else
    subjects = [subject for clause in re.split(r"[；;]", bare)
                if (subject := subject_run(clause.strip(), office_clause)) and clause.strip() != subject]
    if len(subjects) < MIN_SHARES:
        subjects = paragraph_doers(text)  # "各单位要高度重视，…": its sentences' subjects
    if not subjects:  # "…集中出发，局综合处负责交通工具": the office a clause gives its work to
        subjects = [m[1] for clause in re.split(r"[，,。；;]", bare)
                    if (m := ANSWERING_CLAUSE_RE.match(clause.strip())) and office_list(m[1])]
    return (subjects[:1], subjects[1:]) if subjects else None


def _step_doers(text: str) -> tuple[list[str], list[str]] | None:
    """The offices a step of the event's procedure names as its doers ("（二）报告火情。片区值班室接到…": its sentences'
    subjects, list_doers.step_doers), each an office's name (units.office_list): the people and the teams made up for the
    event ("护林员巡查时…", "扑火队伍按照安排…", "由一组开设隔离带") are none; None when no office does it."""
    names = [name for name in step_doers(text) if office_list(name)]
    return (names[:1], names[1:]) if names else None
