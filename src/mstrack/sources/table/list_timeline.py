"""A plan laid out as a timeline (headerless.py): its list of work names no office and no date ("二、工作内容" over
"（一）样本核实。…" "（二）样本落实。…"), and a later part dates it in stages ("三、时间安排" over "8月底前，完成样本核实和补充
大样本户工作。平潭调查队应…", "11月，组织…开展试记账。"). Each item is given the stages that name it as its schedule (the
last its deadline, the others its checkpoints) and the office opening the stages' sentences as its lead, as the
labelled lines "进度安排：…" and "责任单位：…" under it would."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.list_numbered import Entry
from mstrack.sources.table.office_names import SCHOOL_END, ends_like_unit, whole_unit
from mstrack.sources.table.reading import Row
from mstrack.sources.table.spans import JOIN, span_end
from mstrack.sources.table.timetable_doers import body_rows, bracket_schools, work_doers

STAGES_HEADING_RE = re.compile(r"时间安排|时间和?步骤|实施步骤|工作步骤|整治步骤|进度安排|时间节点|步骤安排|实施进度|进度计划")
# a stage: a paragraph opening with its date ("7月底前，", "11月，", "2020年10月底前：")
STAGE_RE = re.compile(r"^\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*(?:[上中下]旬|底|初|末)?\s*(?:前|以前)?\s*[，,：:]")
NAME_RE = re.compile(r"^\s*[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*([^。，,；;：:]{2,12})[。：:]")  # "（一）样本核实。…"
SCHEDULE_LABEL = "进度安排"
LEAD_LABEL = "责任单位"
MIN_STAGES = 2


def stages(rows: list[Row]) -> list[str]:
    """The stages under the first heading after a list that names a timeline ("三、时间安排"), up to the next "四、…":
    each paragraph opening with its date; [] when there are fewer than MIN_STAGES."""
    texts = [t for row in rows for t in row_texts(row)[:1]]
    at = next((k for k, text in enumerate(texts) if (m := AREA_RE.match(text)) and STAGES_HEADING_RE.search(m[2])), None)
    if at is None:
        return []
    found = []
    for text in texts[at + 1:]:
        if AREA_RE.match(text):
            break
        if STAGE_RE.match(text):
            found.append(text)
    return found if len(found) >= MIN_STAGES else []


def _names(name: str, text: str) -> bool:
    """Whether a stage's text names an item: its name whole ("试记账"), or its two words each ("大样本补充" in "补充
    大样本户"; "样本落实" in "调查户落实…样本评估"), each two characters or more."""
    return name in text or any(name[:k] in text and name[k:] in text for k in range(2, len(name) - 1))


def _actors(found: list[str]) -> list[str]:
    """The units opening two sentences of the stages or more ("平潭调查队上报…", "平潭调查队应完成…"): the longest
    words two openings share that read as a unit's whole name."""
    openings = [s.strip() for text in found for s in re.split(r"[。；;]", text)[1:] if s.strip()]
    actors = []
    for k, first in enumerate(openings):
        for second in openings[k + 1:]:
            size = next((n for n in range(min(len(first), len(second)), 2, -1) if first[:n] == second[:n]), 0)
            name = first[:size]
            if size and ends_like_unit(name) and whole_unit(name) and name not in actors:
                actors.append(name)
    return actors


def timed_labels(items: list[tuple[str, str, str]], labels: dict[int, list[Entry]], after: list[Row]
                 ) -> dict[int, list[Entry]]:
    """A "(一)" list's labels (list_bracketed) with each item that names no office and no date given the stages after
    the list that name it: their first sentences its schedule, the units opening their sentences its lead. Unchanged
    unless every item is named by a stage and led so."""
    found = stages(after)
    if not found or any(units or labels.get(k) for k, (kind, _, units) in enumerate(items) if kind != "heading"):
        return labels
    given = dict(labels)
    for k, (kind, words, _) in enumerate(items):
        if kind == "heading":
            continue
        named = [text for text in found if (m := NAME_RE.match(words)) and _names(m[1], text)]
        actors = [a for a in _actors(found) if any(a in text for text in named)]
        if not named or not actors:
            return labels
        given[k] = [Entry(None, "label", SCHEDULE_LABEL, "".join(re.split(r"(?<=。)", text)[0] for text in named)),
                    Entry(None, "label", LEAD_LABEL, "、".join(actors))]
    return given


# a timetable's line opening with its date: a day or a span of days ("5月10日—5月20日", "5月26日前", "6月20日之前"), then
# its work after a colon ("：毕业生报名表填报") or straight after the date ("6月20日之前民办学校填报志愿；6月23日前送教育处")
WHEN = r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*(?:\d{1,2}\s*日|[上中下]旬|底|初|末)?"
TIMED_RE = re.compile(rf"^\s*({WHEN}(?:\s*{JOIN}+\s*(?:{WHEN}|\d{{1,2}}\s*日))?)\s*(之?前|以前)?\s*([：:])?\s*(\S.*)$")
DUE_IN_WORK_RE = re.compile(rf"({WHEN})\s*(?:之|以)?前")  # "，7月3日前送教育处": a later day the line's work is due by
TIMETABLE_TITLE_RE = re.compile(r"^(?:附件\s*\d*\s*[：:]\s*)?([^，,。；;：:、]{2,30})$")  # "2015年初招工作时间安排"
ANNEX_LINE_RE = re.compile(r"^\s*附件")
MIN_TIMED = 4  # the fewest dated lines for a timetable
LONE_WORK_MAX = 20  # the longest work on a line of its own under the line above's date ("少体校招生")


def timetable(rows: list[Row]) -> tuple[int, int, list[str], list[list[str]], list[Row]] | None:
    """A timetable printed as lines, each opening with its date ("2015年初招工作时间安排" over "5月10日—5月20日：毕业生报名表
    填报，7月3日前送教育处", "6月18日：小学毕业生质量抽测", "6月20日之前民办学校填报志愿；6月23日前送教育处"), no number,
    under a title naming a timetable (STAGES_HEADING_RE, an annex's title most often), MIN_TIMED lines or more: each line a
    task numbered 1, 2, … in its order, titled by its work after the date and its colon (a line with no colon whole), due
    at the last date it names (its span's end, or a later day its work is due by, "7月3日前"), the earlier ones its
    checkpoints; a short work on a line of its own under a dated one ("7月15日：城南学校余额抽签" / "少体校招生") a task
    of that line's date; led by the schools its own bracket names ("（一中、城关中学随机抽签…）"), else the school its
    work opens with (admitting_school), else those the plan's body names (timetable_doers). (first row, row after,
    header, rows, source); None when the rows hold no such timetable."""
    for at, row in enumerate(rows):
        texts = row_texts(row)
        if len(texts) != 1 or not (title := TIMETABLE_TITLE_RE.match(texts[0].strip())) \
                or not STAGES_HEADING_RE.search(title[1]):
            continue
        found, source, end, dated = [], [], at + 1, 0
        for k in range(at + 1, len(rows)):
            line = row_texts(rows[k])
            if len(line) != 1:
                break
            if read := _timed_line(line[0]):
                found.append(read)
                dated += 1
            elif found and source[-1] is rows[k - 1] and _timed_line(row_texts(rows[k - 1])[0]) \
                    and len(line[0].strip()) <= LONE_WORK_MAX and not re.search(r"[\d：:。；;，,]", line[0]) \
                    and not ANNEX_LINE_RE.match(line[0]):
                found.append((line[0].strip(), found[-1][1], ""))  # its date the line's above
            else:
                break
            source.append(rows[k])
            end = k + 1
        if dated >= MIN_TIMED:
            body = body_rows(rows[:at])  # the plan's sentences naming who does a line's work (timetable_doers)
            rows_read = [[str(n), work, due, schedule, "、".join(bracket_schools(work)) or admitting_school(work)
                          or "、".join(work_doers(row_texts(row)[0], work, due, body))]
                for n, ((work, due, schedule), row) in enumerate(zip(found, source, strict=True), 1)]
            return at + 1, end, ["序号", "工作任务", "完成时限", SCHEDULE_LABEL, LEAD_LABEL], rows_read, source
    return None


# a timetable's work that is a school's own admission step ("城南学校余额抽签", "民办中学录取", "农村各中学录取"): the
# school, or the class of schools, opening it, no more than a place and "各" before its ending
ADMITTING_RE = re.compile(rf"^([\u4e00-\u9fff]{{2,8}}?(?:{'|'.join(SCHOOL_END)}))(?:余额)?(?:录取|招生|抽签)")


def admitting_school(work: str) -> str:
    """The school whose own admission step a timetable's work is ("城南学校余额抽签": 城南学校), its lead; "" for any
    other work ("毕业生报名表填报", "小学毕业生毕业考试": the pupils' steps, done at schools the plan's body names)."""
    return m[1] if (m := ADMITTING_RE.match(work.strip())) else ""


def _timed_line(text: str) -> tuple[str, str, str] | None:
    """A timetable's line as (its work, the day it is due by, the earlier day as a schedule cell "5月20日前：毕业生报名表
    填报", its work up to the clause naming the later day, or ""); None for a line that opens with no date."""
    if not (m := TIMED_RE.match(text)):
        return None
    work = m[4].strip() if m[3] else text.strip()
    later = [d for d in DUE_IN_WORK_RE.finditer(work) if m[3] or d.start() > 0]  # no colon: the line's own date first
    if not later:
        return work, span_end(m[1]), ""
    cut = max((j for j in range(later[-1].start()) if work[j] in "，,；;"), default=0)
    first = span_end(m[1])
    return work, later[-1][1], (f"{first}前：{work[:cut]}" if m[3] else work[:cut]) if cut else ""
