"""A measure printed as a name on a line of its own over one paragraph that names its doers as the subjects of its
sentences ("（二）持续推进城镇燃气…专项整治" / "交通与建设处要充分发挥…。各业务处室加强沟通协作…"): the name is the task
(its title, as tests/data/tables/README.md's title rule reads a name over its paragraph), the doers its offices, the
first the lead and the others units (the first-office rule), as if labelled on the line under the name
("牵头单位：X；配合单位：Y", read as any item's labelled line); and the other items whose words name their doers (by
role, by a body opening them, in a closing clause), given that line or bracket. The doers are read by list_doers."""

from __future__ import annotations

import re

from mstrack.domain.quantities import chinese_count
from mstrack.sources.table.cells import AREA_RE, GROUP_HEADING_RE, row_texts
from mstrack.sources.table.item_offices import units_after
from mstrack.sources.table.list_doers import (
    REQUEST_RE,
    STEP_DATE_RE,
    WORK_OPENING_RE,
    levelled,
    office_clause,
    only_offices,
    paragraph_doers,
    post_staff,
    sentence_roles,
    step_doers,
    subject_run,
)
from mstrack.sources.table.list_duties import shares_out
from mstrack.sources.table.list_labels import note_label
from mstrack.sources.table.list_numbered import ITEM_RE, PART_RE, SUB_HEADING_RE
from mstrack.sources.table.list_roles import (
    BODY_MIN,
    BODY_OPENING_RE,
    BUILT_OPENING_RE,
    labelled_inside,
    opening_body,
    opening_offices,
)
from mstrack.sources.table.list_sections import CLOSING_RE, DATED_RE
from mstrack.sources.table.list_teams import StaffedRow
from mstrack.sources.table.one_paragraph import MIN_STAFFED_ITEMS
from mstrack.sources.table.reading import Row
from mstrack.sources.table.spans import sent_by
from mstrack.sources.table.units import ROLE_LABEL_RE, unit_names

NAME_MAX = 40  # the longest name of a measure on a line of its own
DOERS_CELL = "牵头单位：{lead}{others}"
OTHERS_CELL = "；配合单位：{units}"
DOERS_LINE_RE = re.compile(r"^\s*牵头单位：([^；;]+?)(?:；配合单位：(.+))?\s*$")  # such a line read back: lead, units
# "…，具体组织实施由大练清明祭扫保障工作组负责。": a paragraph handing its carrying out to a group by its name (a plan's
# working group, list_staffed_groups): that group's work, whoever else its sentences open with
HANDED_RE = re.compile(r"由\s*([^，,。；;、由]{2,30}?组)\s*(?:具体)?负责")
HELPERS_RE = re.compile(r"与([^，,。；;]{2,40}?)(?:共同|一起|联合)")  # "与A、B共同开展…": A and B help
STAGE_NAME_RE = re.compile(r"^[^，,。；;：:（）()]{2,20}?阶段\s*(?:[（(]|$)")  # "总结考核阶段（…）": a stage of the work
CLOSING_DUTY = "负责"  # "…，X负责设计…", "…，由X结合…负责实施": the duty of an office naming an item's doer in its last clause
INSTITUTION_ENDS = ("院", "中心", "站")  # a hospital, a home, a centre, a station: a body by its own name, no office's ending
# what follows a body's name when the name is no subject: a place inside it ("养老院内设…"), a possessive ("医院的资源"),
# a join to another name ("医院和…", "医院、…"), a clause's end
NO_SUBJECT_AFTER_RE = re.compile(r"^(?:[内外里中的之和与及、等，,。；;：:（(]|以上|以下)")


def doers_below(rows: list[Row]) -> list[Row]:
    """The rows with each measure's name ("（一）…", "1．…": numbered, no stop or clause mark in it, no offices after it)
    that stands over one paragraph naming its doers (_doers), the next line a numbered one, a heading or none: the
    paragraph's row replaced by the line labelling those doers (DOERS_CELL), the measure's task and its offices.
    A name over a paragraph naming no doer, over two paragraphs or over its own numbered parts stays as it is, and so
    does one over a paragraph handing its carrying out to a group (HANDED_RE: the group's work).
    An item whose name and paragraph share its line (_own_paragraph), the next line a "（三）…" or a heading or none,
    is followed by the same line when its sentences name doers (_doers with `opening`: offices named by their level;
    a step dated by its own words or by its name's bracket, "(一)动员部署阶段(6月18日前)。…", any office: step_doers).
    A one-line item whose clause names its offices by their part in the work ("由X牵头，Y具体负责", "授权X将…":
    role_clause_cell) gets them as its bracket, after its words."""
    kept: list[Row] = []
    k, part, grouped = 0, "", False  # grouped: under a group "（一）…", whose items "1." are its parts (an event's particulars)
    staffed = _staffed_parts(rows)
    while k < len(rows):
        row = rows[k]
        texts = row_texts(row)
        above, part = part, texts[0] if len(texts) == 1 and AREA_RE.match(texts[0]) else part
        grouped = grouped and part == above or len(texts) == 1 and SUB_HEADING_RE.match(texts[0]) is not None
        below = row_texts(rows[k + 1]) if k + 1 < len(rows) else []
        after = row_texts(rows[k + 2]) if k + 2 < len(rows) else []
        if len(texts) == 1 and _measures(part) and _name(texts[0]) and len(below) == 1 and _paragraph(below[0]) \
                and not units_after(below[0])[1] and (not after or len(after) == 1 and _numbered(after[0])) \
                and not HANDED_RE.search(below[0]) and (doers := paragraph_doers(below[0])):
            kept += [row, Row(rows[k + 1].number, [doers_cell(doers)])]
            k += 2
            continue
        going_on = len(below) == 1 and _paragraph(below[0]) and not units_after(below[0])[1] \
            and len(after) == 1 and SUB_HEADING_RE.match(after[0]) is not None  # "此外…" before "（二）": the item's still
        if len(texts) == 1 and _measures(part) and (words := _own_paragraph(texts[0])) and (not below or len(below) == 1
                and (SUB_HEADING_RE.match(below[0]) or AREA_RE.match(below[0]) or ITEM_RE.match(below[0])) or going_on
                                                                             or _after_the_items(rows, k + 1)) \
                and (doers := step_doers(words) if STEP_DATE_RE.search(texts[0])  # its date in its words or its name's
                     else paragraph_doers(words, True) or [body for body in [sentence_body(words)] if body]):
            kept += [row, *rows[k + 1:k + 1 + going_on], StaffedRow(row.number, [doers_cell(doers)])]  # its doers after its words
            k += 1 + going_on
            continue
        if len(texts) == 1 and shares_out([part] if part else []) and (words := _own_paragraph(texts[0])) \
                and (not below or len(below) == 1 and _numbered(below[0])) and (doers := post_staff(words)):
            kept += [row, StaffedRow(row.number, [doers_cell(doers)])]  # "（三）X路口。Y村工作人员1人，负责…": Y mans the post
            k += 1
            continue
        if len(texts) == 1 and (AREA_RE.match(texts[0]) and _measures(above) and (words := _own_paragraph(texts[0]))
                                or ITEM_RE.match(texts[0]) and not grouped and _measures(part)
                                and (words := _subject_item(texts[0]))) \
                and (not below or len(below) == 1 and (_numbered(below[0]) or not re.search(r"[。；;：:]", below[0]))) \
                and (doers := paragraph_doers(words, True)):  # "一、X到位，Y。各单位要…": a point naming its doers
            kept += [row, StaffedRow(row.number, [doers_cell(doers)])]
            k += 1
            continue
        if len(texts) == 1 and k in staffed and (not below or len(below) == 1 and _numbered(below[0])) \
                and (doer := _closing_doer(texts[0])):
            kept += [row, Row(row.number, [doers_cell([doer])])]
            k += 1
            continue
        if len(texts) == 1 and (_measures(part) or _undated_duty(part, texts[0])) \
                and (not below or len(below) == 1 and _numbered(below[0])) \
                and (cell := role_clause_cell(texts[0])):  # "（三）授权X将…", "6.…。由X牵头，Y具体负责，…": its bracket
            kept.append(Row(row.number, [f"{texts[0]}（{cell}）"]))
            k += 1
            continue
        kept.append(_with_helpers(row) if len(texts) == 1 else row)
        k += 1
    return kept


def _after_the_items(rows: list[Row], at: int) -> bool:
    """Whether rows[at] and the rows after it stand past the notice's last item: no heading "一、…" nor item "（一）…"
    among them (the closing paragraph, "各成员单位要主动与…联系沟通，…分别于7月20日、12月20日前将…总结报送…"; the annex's
    "附件：1.…" "2.…"; the signature). They speak of the whole notice, no part of the item above it (check60), whose
    own sentences still name its doers."""
    return not any(len(texts := row_texts(row)) == 1 and (SUB_HEADING_RE.match(texts[0]) or AREA_RE.match(texts[0]))
                   for row in rows[at:])


def role_clause_cell(text: str) -> str:
    """The line labelling the doers a one-line item names in a clause of its words by their part in the work
    (sentence_roles: the first sentence naming them so), no offices printed after the words nor labelled inside them;
    "" for any other line."""
    m = SUB_HEADING_RE.match(text) or ITEM_RE.match(text)
    if m is None or units_after(text)[1] or labelled_inside(text) or ROLE_LABEL_RE.search(text):
        return ""
    words = text[m.end():] if SUB_HEADING_RE.match(text) else m[2]
    for sentence in re.split(r"[。；;！!]", words):
        leads, units = sentence_roles(sentence)
        if leads:
            return DOERS_CELL.format(lead="、".join(leads), others=OTHERS_CELL.format(units="、".join(units)) if units else "")
    return ""


def bodies_below(rows: list[Row]) -> list[Row]:
    """The rows with each item of a run numbered "1." on (two or more, one a line, none printing its offices after its
    words nor labelled under it) that opens with a body's name run straight into its work (list_roles.opening_body:
    "1．平潭协和医院捐送药品价值人民币3000元；" "2．区中医院捐送…") followed by the line labelling that body its lead
    (DOERS_CELL), as a 牵头单位 line under it would; the item's words stay as printed, the name its sentence's subject.
    A run where one item opens otherwise is left as printed: the run's form says it."""
    kept: list[Row] = []
    run: list[tuple[Row, str | None]] = []  # each item and its body; None: a note between items

    def close() -> None:
        items = [(row, body) for row, body in run if body is not None]  # a note between them stays as printed
        if len(items) >= MIN_STAFFED_ITEMS and all(body for _, body in items):
            for row, body in run:
                kept.append(row if body is None else Row(row.number, [f"{row_texts(row)[0]}（{doers_cell([body])}）"]))
        else:
            kept.extend(row for row, _ in run)
        run.clear()

    for row in rows:
        texts = row_texts(row)
        m = ITEM_RE.match(texts[0]) if len(texts) == 1 else None
        if m is None and run and len(texts) == 1 and (note := note_label(texts[0])) and not note[0]:
            run.append((row, None))  # "(说明:以上4所…)" between two items: a note on them, no break of the run
            continue
        if m is None or int(m[1]) != sum(body is not None for _, body in run) + 1:
            close()
        if m is None or int(m[1]) != 1 and not run:
            kept.append(row)
            continue
        run.append((row, "" if units_after(texts[0])[1] or ROLE_LABEL_RE.search(texts[0]) else opening_body(m[2])))
    close()
    return kept


def _staffed_parts(rows: list[Row]) -> set[int]:
    """The rows of the parts "一、…" some of whose items print their offices after their words ("…2000亩。责任单位：A、B",
    "…（责任单位：A）"): a list that assigns its work item by item, where an item printing none names its doer in its
    sentence (_closing_doer)."""
    parts: list[list[int]] = [[]]
    for k, row in enumerate(rows):
        texts = row_texts(row)
        if len(texts) == 1 and AREA_RE.match(texts[0]):
            parts.append([])
        parts[-1].append(k)
    labelled = [len(texts := row_texts(row)) == 1 and bool(units_after(texts[0])[1] or labelled_inside(texts[0]))
                for row in rows]
    return {k for part in parts if any(labelled[j] for j in part) for k in part}


def _closing_doer(text: str) -> str:
    """The office an item of one sentence names as its doer in its last clause, among items printing their offices
    (_staffed_parts), no office printed after it nor elsewhere in its words ("2.森林抚育…各1万亩，按…下达到乡镇、村实施，
    区森林与园林管理局负责设计、技术指导和检查验收。",
    "3.绿色通道…任务1000亩，…，由区森林与园林公司结合道路建设进展负责实施。"): an office named by its level, then its
    duty (负责), the manner of the work between them: that office leads, the clause stays in the title as a sentence's
    words (a bare "，由X负责落实。" is the item's office line, units_after's); "" for any other line."""
    m = SUB_HEADING_RE.match(text) or ITEM_RE.match(text)
    words = (text[m.end():] if m and SUB_HEADING_RE.match(text) else m[2] if m else "").strip().rstrip("。")
    if not words or re.search(r"[。；;：:]", words) or units_after(text)[1]:
        return ""
    *before, last = re.split(r"[，,]", words)
    last = REQUEST_RE.sub("", last.strip().removeprefix("由"))
    doer = subject_run(last)
    return doer if before and doer and levelled(doer) and CLOSING_DUTY in last[len(doer):] \
        and not any(only_offices(name) for clause in before for name in unit_names(clause.strip())) else ""


def _with_helpers(row: Row) -> Row:
    """A point ("5.与局海洋渔业处、区海洋与渔业执法支队共同开展…") whose text opens with the offices it works with, none
    printed after it: those offices in the bracket of helpers after it ("（X、Y配合）"), as under_lead reads a point's
    helpers under its group's lead ("该项工作由X负责，具体如下：")."""
    text = row_texts(row)[0]
    m = ITEM_RE.match(text)
    helpers = HELPERS_RE.match(m[2]) if m and not units_after(text)[1] else None
    if not helpers or not only_offices(helpers[1]) or not levelled(helpers[1]):
        return row
    return Row(row.number, [f"{text}（{helpers[1]}配合）"])


def doers_cell(doers: list[str]) -> str:
    """The line labelling a measure's doers: the first the lead, the others its units (the first-office rule)."""
    others = OTHERS_CELL.format(units="、".join(doers[1:])) if doers[1:] else ""
    return DOERS_CELL.format(lead=doers[0], others=others)


def _own_paragraph(text: str) -> str:
    """An item's name and its paragraph on one line ("（二）加强…。区X中心要…。"), no offices printed after it nor
    opening it ("（三）县农业农村局:1、…": its lead, list_roles.opening_offices): its sentences after the name; "" for any
    other line. A stage's name ("总结考核阶段（…）") is no closing section's, whatever its words ("考核")."""
    m = SUB_HEADING_RE.match(text) or ITEM_RE.match(text) or AREA_RE.match(text)
    words = text[m.end():].strip() if m and SUB_HEADING_RE.match(text) else (m[2].strip() if m else "")
    name, stop, rest = words.partition("。")
    return rest if stop and rest and len(name) <= NAME_MAX and not units_after(text)[1] and opening_offices(words) is None \
        and not office_clause(name) and (STAGE_NAME_RE.match(name) or not CLOSING_RE.search(name)) else ""


def _subject_item(text: str) -> str:
    """An item "1．…" right under a part "二、…" that opens with its doers, the subject of "要" ("1．各医疗卫生计生单位要建立
    …；"): its words; "" for any other."""
    words = m[2].strip() if (m := ITEM_RE.match(text)) else ""
    first = re.split(r"[，,。；;：:]", words, maxsplit=1)[0]
    subject = first[:first.index("要")] if "要" in first else ""
    return words if subject and only_offices(subject) and levelled(subject) else ""


def _measures(part: str) -> bool:
    """Whether the part heading "一、…" the names stand under may hold measures: none closing the plan ("五、保障措施",
    "四、工作要求": its points are requirements) nor sharing its work out by party ("四、…职责分工": list_duties')."""
    words = AREA_RE.match(part)[2] if part else ""
    return not CLOSING_RE.search(words) and not shares_out([part] if part else [])


def _undated_duty(part: str, text: str) -> bool:
    """An item under a part sharing the work out ("二、组织机构及其职责" over "1．办公室职责。由局应急办牵头，负责…")
    that names no date: a party's duty, its doers named by their role as a measure's are; a dated one is a stage of
    the work ("1.摸清底数阶段（…）。由…负责指导"), which the part's stages read (list_stages)."""
    return shares_out([part] if part else []) and not DATED_RE.search(text)


def _numbered(text: str) -> bool:
    """A line numbered as a measure, its part or a heading ("（二）…", "1．…", "(1)…", "三、…")."""
    return bool(SUB_HEADING_RE.match(text) or ITEM_RE.match(text) or PART_RE.match(text) or AREA_RE.match(text))


def _name(text: str) -> bool:
    """A measure's name on a line of its own: "（一）…" or "1．…", no stop or clause mark, no offices after it, no
    office's name itself, no date, no closing section's ("4.工作要求": requirements below it)."""
    m = SUB_HEADING_RE.match(text) or ITEM_RE.match(text)
    words = text[m.end():].strip() if m and SUB_HEADING_RE.match(text) else (m[2].strip() if m else "")
    return bool(words) and len(words) <= NAME_MAX and not re.search(r"[，,。；;：:]", words) and not units_after(text)[1] \
        and not office_clause(words) and not DATED_RE.search(words) and not CLOSING_RE.search(words)


def _paragraph(text: str) -> bool:
    """One paragraph: no number, heading or label of its own, a sentence at least (its offices printed after it, it is
    read as such a paragraph is: checked by the caller)."""
    return not _numbered(text) and not GROUP_HEADING_RE.match(text) and re.search(r"[。；;]", text) is not None


def sentence_body(paragraph: str) -> str:
    """The body an item's paragraph opens with as its first sentence's subject, run straight into what it does
    ("乐天伦养老院作为首家医养结合机构，…", "老年医院结合自身服务能力…", "某某医院配备康复设备…"): a hospital, a
    centre, a station (BODY_OPENING_RE) doing the item's work, as opening_body's body does a figure's; "" when the
    paragraph opens otherwise, with a building's work on the body, or with the body as no subject ("养老院内设…")."""
    m = BODY_OPENING_RE.match(paragraph.strip())
    if not m or len(m[1]) < BODY_MIN or not m[1].endswith(INSTITUTION_ENDS) or WORK_OPENING_RE.match(m[1]):
        return ""
    rest = paragraph.strip()[m.end():]
    return m[1] if rest and not BUILT_OPENING_RE.match(rest) and not NO_SUBJECT_AFTER_RE.match(rest) else ""



def parts_doers(rows: list[Row]) -> list[Row]:
    """A notice of parts only, each "一、X，Y" on a line of its own over one paragraph whose sentences name its doers
    (doer_parts): after each paragraph the line labelling its doers (DOERS_CELL), so that each part is a task its
    doers lead, its paragraph its content (list_chinese.chinese_run), its deadline the day its paragraph reports its
    work by (part_report_dates). Any other rows stay as they are."""
    cells = doer_parts(rows)
    dates = part_report_dates(rows, cells)
    labelled = {k: doers_cell(doers) + (DUE_CELL.format(due=dates[k]) if k in dates else "") for k, doers in cells.items()}
    return [new for k, row in enumerate(rows)
            for new in ([row, StaffedRow(row.number, [labelled[k]])] if k in labelled else [row])] if cells else rows


DUE_CELL = "；完成时限：{due}前"
# a report of the work by one day ("于3月20日下班前将电子表格…报送至…", "于5月17日前将…材料反馈至…"): the day the work it
# reports is due by
REPORT_DATE_RE = re.compile(sent_by(r"\d{1,2}\s*月\s*\d{1,2}\s*日", "报送|上报|反馈|报") +
                            # or the work itself by one day: "要于4月1日汛期前开展一次防汛安全大检查大整治"
                            r"|于\s*(\d{1,2}\s*月\s*\d{1,2}\s*日)\s*[\u4e00-\u9fff]{0,4}?之?前\s*(?:开展|完成)")
DAY_RE = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日")


def report_date(paragraph: str) -> str:
    """The day a paragraph's report of the work is due by (REPORT_DATE_RE), or its work itself ("要于4月1日汛期前开展…"),
    when it is the only day the paragraph names; "" otherwise (a paragraph dating its work by other days too says by
    itself which is due when)."""
    m = REPORT_DATE_RE.search(paragraph)
    day = m and (m[1] or m[2])
    return day if day and {re.sub(r"\s", "", d) for d in DAY_RE.findall(paragraph)} == {re.sub(r"\s", "", day)} else ""


# the day of the occasion a notice is about, printed in its covering paragraph ("今年5月12日是我国第15个防灾减灾日",
# "9月12日是预防出生缺陷日"): the day, the occasion's name (less 全国, 世界, 国际)
OCCASION_RE = re.compile(r"(\d{1,2}\s*月\s*\d{1,2}\s*日)\s*是\s*(?:我国|全国)?(?:第\s*[\d一二三四五六七八九十]+\s*个)?"
                         r"[“\"]?(?:全国|世界|国际)?([\u4e00-\u9fff]{2,12}?日)(?=[”\"]?[，,。；;（(])")


def occasion_day(texts: list[str]) -> tuple[str, str] | None:
    """The one occasion the lines above a notice's parts date (OCCASION_RE): (its day, its name), or None."""
    found = {(re.sub(r"\s", "", m[1]), m[2]) for text in texts for m in OCCASION_RE.finditer(text)}
    return found.pop() if len(found) == 1 else None


def part_report_dates(rows: list[Row], cells: dict[int, list[str]]) -> dict[int, str]:
    """The deadline of each part of a notice of parts only (doer_parts: {row of its paragraph: its doers}) whose own
    paragraph reports its work by one day (report_date: "各村要认真填写附件3，于3月20日下班前将…报送至…"), or names the
    occasion whose day the lines above the parts print ("今年5月12日是我国第15个防灾减灾日" over "…认真组织开展今年全国
    防灾减灾日各项活动": occasion_day; check64, an event's day is its work's deadline). An unnumbered paragraph after the
    last part reporting the whole notice's work dates no part (check60, check64: a report of the work, not the work)."""
    occasion = occasion_day([t for row in rows[:min(cells) - 1] for t in row_texts(row)]) if cells else None
    return {k: due for k in cells if (due := report_date(text := row_texts(rows[k])[0])
                                      or (occasion[0] if occasion and occasion[1] in text else ""))}


def doer_parts(rows: list[Row]) -> dict[int, list[str]]:
    """The doers of each part of a notice of parts only ({row of the part's paragraph: its doers}): each "一、X，Y" on a
    line of its own over one paragraph whose sentences name its doers ("一、加强组织领导，强化责任落实" / "各村要切实加强
    组织领导，…"), two parts or more in order and nothing between them, the last followed by the notice's closing lines
    or none, whatever a part's name ("加强组织领导":
    every part of such a notice is one of work, no plan's closing section); the offices a later clause names as doing a
    share by 由 ("由社会事业处组织…": list_doers.paragraph_doers) after them, units. {} when a part stands over two paragraphs,
    over numbered items, over one naming no doer, or shares the work out ("三、职责分工": list_duties')."""
    heads = [k for k, row in enumerate(rows) if len(t := row_texts(row)) == 1 and AREA_RE.match(t[0])]
    if len(heads) < 2 or [chinese_count(AREA_RE.match(row_texts(rows[k])[0])[1]) for k in heads] != list(
            range(1, len(heads) + 1)):
        return {}
    cells = {}
    for k in heads:
        below = row_texts(rows[k + 1]) if k + 1 < len(rows) else []
        after = row_texts(rows[k + 2]) if k + 2 < len(rows) else []
        if shares_out(row_texts(rows[k])) or len(below) != 1 or not _paragraph(below[0]) or units_after(below[0])[1] \
                or k != heads[-1] and k + 2 not in heads and len(after) == 1 and _paragraph(after[0]) \
                or not (doers := paragraph_doers(below[0])):
            return {}
        cells[k + 1] = doers  # "由社会事业处组织…" a unit after them (list_doers.paragraph_doers, SHARE_BY_RE)
    return cells
