"""An event's plan (a meeting, an activity) for the headerless reader (headerless.py): its day printed in a part of its
own ("一、时  间：2016年4月12日（星期二）下午15:00"), or a campaign's span ("三、时间安排" over "2018年11月10日至12月10日，
其中…"), and a part of numbered items, "1." or "（一）", each giving a piece of the event's work to the offices that do it
("五、有关事项" over "1.A负责会务工作，B协助；", "3.…讲话稿由A负责提供；", "2.…材料请于5月25日前报A审核"; "五、工作措施"
over "（一）各单位要…" "（二）要组织本单位…", the subject left out the item before's). Each item is a task, its offices as its
words name them (the first the lead), due on the event's day or the campaign's last unless it names a date of its own
(tests/data/tables/README.md: a part naming the period of the work dates every task). The plan's other parts (who
attends, the agenda's speeches) name no office's work, and are no tasks."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.list_deadlines import PERIOD_SPAN_RE, period_part
from mstrack.sources.table.list_doers import STEP_DATE_RE, office_clause, paragraph_doers, subject_run
from mstrack.sources.table.list_numbered import ITEM_RE, Entry, numbered_table
from mstrack.sources.table.numbering import SUB_CODE_RE, numeral
from mstrack.sources.table.reading import Row
from mstrack.sources.table.units import office_list, role_read, unit_names

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


def event_duties(rows: list[Row], year: int) -> tuple[int, int, list[str], list[list[str]], list[Row], int] | None:
    """The part of an event's plan whose numbered items each name the offices that do them (_doers), MIN_DUTIES or
    more, the event's day printed in a part of its own (TIME_PART_RE), or a campaign's period ("三、时间安排" over
    "2018年11月10日至12月10日，其中…": list_deadlines.period_part, its end); an item whose subject is left out ("要组织
    本单位职工…", CARRIED_RE) is the previous item's doers' ("各单位要高度重视…"): (the part's row, the row after its last
    line, header, cells, the row each is read from, how many parts the plan prints), as list_duties.duty_list gives its
    duties; None when the plan prints no day or no such part."""
    day = next((m[1] for row in rows if len(texts := row_texts(row)) == 1 and (part := AREA_RE.match(texts[0]))
                and (m := TIME_PART_RE.match(part[2]))), None)
    if day is None and (period := period_part([" ".join(row_texts(row)) for row in rows], year)) is not None \
            and PERIOD_SPAN_RE.search(period[2]):  # a campaign's span; an event's day under "三、活动时间" stays the day
        day = period[0]  # (an event whose day is its part's one line is read by its parts: "六、活动安排" over its duties)
    if day is None:
        return None
    for at, row in enumerate(rows):
        texts = row_texts(row)
        if len(texts) != 1 or not (part := AREA_RE.match(texts[0])):
            continue
        end = next((k for k in range(at + 1, len(rows)) if len(t := row_texts(rows[k])) == 1 and AREA_RE.match(t[0])), len(rows))
        items = _items(rows[at + 1:end])
        if len(items) < MIN_DUTIES or not all(doers := _carried([_doers(text) for _, text, _ in items],
                                                                [text for _, text, _ in items])):
            continue
        entries = [Entry(row, "heading", "", texts[0])]
        for (source, text, code), (lead, others) in zip(items, doers, strict=True):
            own = STEP_DATE_RE.search(text)  # "于5月25日下班之前": the item's own date
            labels = {"牵头单位": "、".join(lead), "配合单位": "、".join(others), "完成时限": own[1] if own else day}
            if code.startswith("（"):  # "（一）" stays in the words, as a "(一)" list's: under "七、" the reader codes it 七(一)
                code, text = "", code + text
            entries.append(Entry(source, "item", code, text, labels=labels))
        last = rows.index(items[-1][0])
        parts = sum(1 for row in rows if len(texts := row_texts(row)) == 1 and AREA_RE.match(texts[0]))
        return at, last + 1, *numbered_table(entries), [e.row for e in entries], parts
    return None


def _carried(doers: list[tuple[list[str], list[str]] | None], texts: list[str]) -> list[tuple[list[str], list[str]] | None]:
    """Each item's doers, an item whose subject is left out ("要组织本单位职工…") taking the previous item's."""
    for k in range(1, len(doers)):
        if doers[k] is None and CARRIED_RE.match(texts[k]):
            doers[k] = doers[k - 1]
    return doers


def _items(rows: list[Row]) -> list[tuple[Row, str, str]]:
    """The numbered items "1." … or "（一）" … of a part in order from the first, each with the unnumbered lines under it
    joined to its words while they end in no stop (a line broken inside a sentence: "…报局综合处审核，" / "发言稿控制在…；"):
    (row, words, number: "1", or "(一)" as the bracketed readers code it); [] when the part holds anything else (a
    paragraph before its first item). A line after an item's stop (the signature, its date) ends the part's items."""
    items: list[tuple[Row, str, str]] = []
    for row in rows:
        texts = row_texts(row)
        if len(texts) != 1:
            return []
        if numbered := _numbered(texts[0], len(items) + 1, items[0][2].startswith("（") if items else None):
            items.append((row, *numbered))
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
    A leads, the others help); (leads, others), or None when the words name no office so (an attendee "局班子成员；", a
    speech "局长…作重要讲话。")."""
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
    return (subjects[:1], subjects[1:]) if subjects else None
