"""Who does a timetable's work (list_timeline.timetable) where its line names no school opening it: the schools its
own bracket opens with ("（一中、城关中学随机抽签…）"), else the doers the plan's body names in the sentence printing the
line's day about the same work ("各中心校、城关各小学、各民办小学报名表在7月3日前送教育处" for "…，7月3日前送教育处";
"由社会事业局教育处组织少体校专业人员在7月15日前完成测试" for "少体校招生"), or, where that sentence names none, in
the nearest sentence of its paragraph about the same work ("小学毕业考试由各小学自行命题")."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import row_texts
from mstrack.sources.table.list_doers import WORK_OPENING_RE
from mstrack.sources.table.office_brackets import DIVISION
from mstrack.sources.table.office_names import SCHOOL_END, ends_like_unit, registered_at
from mstrack.sources.table.quota_dates import ANNEX_RE
from mstrack.sources.table.reading import Row
from mstrack.sources.table.spans import MONTH_DAY_RE

# a school by name or kind ("各中心校", "城关各小学", "各私立中学", "少体校"), or by its number alone ("一中", "平潭一中")
SCHOOL = rf"(?:[\u4e00-\u9fff]{{1,8}}?(?:{'|'.join(SCHOOL_END)}|校)|[\u4e00-\u9fff]{{0,4}}?[一二三四五六七八九十]{{1,2}}中(?![学心]))"
SCHOOL_RUN_RE = re.compile(rf"^(?:\d{{1,2}}\s*[、.．]\s*)?({SCHOOL}(?:、{SCHOOL})*)")
SCHOOL_MIN = 3  # "小学毕业考试": 小学 the pupils' level, no school; "各小学", "一中" (by number) are
BRACKET_RUN_RE = re.compile(r"[（(]([^（()）]+)[）)]")  # the line's own bracket: "（一中、城关中学随机抽签地点：…）"
BY_RE = re.compile(r"由([^，,。；;由]{2,16}?)(?=自行|组织|统一|负责|牵头|在\d|于\d)")  # "由各小学自行命题"
AT_RE = registered_at(r"([^，,。；;到]{2,12}?)", "登记|报名|报到")  # "于6月29日至7月3日到教育处登记": the office taking them
STAFF_RE = re.compile(rf"组织({SCHOOL})[\u4e00-\u9fff]{{0,4}}?(?:人员|教师|老师|专家)")  # "组织少体校专业人员": a unit
# a bureau's own division named after it ("社会事业局教育处"), as the plan names it bare elsewhere ("教育处")
# (a division by office_brackets' one rule: no level of its own)
BUREAU_DIVISION_RE = re.compile(rf"^[\u4e00-\u9fff]{{2,12}}?局({DIVISION})$")


def _schools(words: str) -> list[str]:
    """The schools a run of names is ("各中心校、城关各小学、各民办小学" → three), each SCHOOL_MIN characters or more or
    named by its number; [] when any is no school."""
    names = words.split("、")
    return names if all(re.fullmatch(SCHOOL, name) and (len(name) >= SCHOOL_MIN or name.endswith("中")) for name in names) \
        else []


EVERY_RE = re.compile(r"^[\u4e00-\u9fff]{0,4}?各")  # "各私立中学", "城关各小学": every school of a kind (a place before)
SUBJECT_AFTER_RE = re.compile(r"^(?:必须|应|要|将|须|负责|统一)")  # "X必须在…": the words after a subject


def _opening(clause: str) -> list[str]:
    """The schools a clause opens with as its subject ("各私立中学必须在…", "各中心校、城关各小学…报名表在…"): a run of
    two or more, every school of a kind ("各…", EVERY_RE), or one before what a subject does ("…必须", SUBJECT_AFTER_RE) — "实行
    小学毕业生…" or "在把好小学…" opens with the work (WORK_OPENING_RE), no subject."""
    m = SCHOOL_RUN_RE.match(clause := clause.strip())
    names = _schools(m[1]) if m and not WORK_OPENING_RE.match(m[1]) else []
    return names if len(names) > 1 or names and (EVERY_RE.match(names[0]) or SUBJECT_AFTER_RE.match(clause[m.end():])) else []


def _office(name: str, body: str) -> str:
    """An office's name as the plan names it: a bureau's division bare where the body prints it so ("教育处")."""
    m = BUREAU_DIVISION_RE.match(name)
    return m[1] if m and re.search(rf"(?<!局){re.escape(m[1])}", body) else name


def _clause_doers(clause: str, body: str) -> list[str]:
    """The doers one clause names: the schools opening it, the school or office after "由" (with the schools whose staff
    it organises, "组织少体校专业人员", after it), or the office its registrations are made at ("到教育处登记")."""
    if found := _opening(clause):
        return found
    if (m := BY_RE.search(clause)) and (_schools(m[1]) or ends_like_unit(m[1])):
        staff = [name for s in STAFF_RE.finditer(clause) for name in _schools(s[1])]
        return [*(_schools(m[1]) or [_office(m[1], body)]), *staff]
    if (m := AT_RE.search(clause)) and ends_like_unit(m[1]) and not _schools(m[1]):
        return [_office(m[1], body)]
    return []


def _days(text: str) -> set[tuple[int, int]]:
    """The days a text prints, spaces inside them dropped ("7月 8日")."""
    return {(int(m[1]), int(m[2])) for m in MONTH_DAY_RE.finditer(re.sub(r"\s+", "", text)) if m[2]}


def _pairs(text: str) -> set[str]:
    """The pairs of Chinese characters a text's words hold, its dates left out: what two texts on one work share."""
    words = re.sub(r"\d+\s*[年月日]", " ", text)
    return {words[k:k + 2] for k in range(len(words) - 1) if re.fullmatch(r"[\u4e00-\u9fff]{2}", words[k:k + 2])}


def bracket_schools(work: str) -> list[str]:
    """The schools a line's own bracket opens with, run into the work they do ("（一中、城关中学随机抽签…）")."""
    return next((found for m in BRACKET_RUN_RE.finditer(work) if (found := _opening(m[1]))), [])


def body_rows(rows: list[Row]) -> list[str]:
    """The plan's body above its annexes ("附件1：" on a line of its own), one text a paragraph."""
    texts = [row_texts(row)[0] for row in rows if len(row_texts(row)) == 1]
    return texts[:next((k for k, text in enumerate(texts) if ANNEX_RE.match(text)), len(texts))]


def work_doers(line: str, work: str, due: str, paragraphs: list[str]) -> list[str]:
    """The doers of a timetable line's work (its text `line`, its work, the day it is due by): the sentence of the body
    printing that day and sharing the work's words, the line's other days printed beside it first, then the most words
    shared; its clause holding the day names them (_clause_doers), or its other clauses, or the nearest sentence of its
    paragraph sharing two of the work's words or more that names any. [] when no sentence is so."""
    if not (day := _days(due)):
        return []
    others, pairs = _days(line) - day, _pairs(work)
    best, rank = None, (0, 0)
    for p, paragraph in enumerate(paragraphs):
        for s, sentence in enumerate(x for x in re.split(r"[。；;]", paragraph) if x.strip()):
            if not day <= _days(sentence) or not (shared := len(pairs & _pairs(sentence))):
                continue
            if (len(others & _days(sentence)), shared) > rank:
                best, rank = (p, s), (len(others & _days(sentence)), shared)
    if best is None:
        return []
    body = "".join(paragraphs)
    sentences = [x for x in re.split(r"[。；;]", paragraphs[best[0]]) if x.strip()]
    clauses = re.split(r"[，,]", sentences[best[1]])
    dated = [c for c in clauses if day <= _days(c)]
    for clause in [*dated, *(c for c in clauses if c not in dated)]:
        if found := _clause_doers(clause, body):
            return found
    near = sorted((k for k in range(len(sentences)) if k != best[1] and len(pairs & _pairs(sentences[k])) >= 2),
                  key=lambda k: (-len(pairs & _pairs(sentences[k])), abs(k - best[1])))
    for k in near:
        for clause in re.split(r"[，,]", sentences[k]):
            if found := _clause_doers(clause, body):
                return found
    return []
