"""Who is responsible, as a table's unit cells print it: roles written in the cell (牵头, 配合), groups of units and the
scopes in their brackets (offices' own names: office_names.py; an office's bracket, its second name or another unit:
office_brackets.py; units' heads and telephone numbers beside them: unit_people.py; units joined by 和 or closed by
等, and a unit's scope bracket: unit_joins.py)."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import first_leads
from mstrack.sources.table.kept import read_once
from mstrack.sources.table.office_brackets import SCOPE_RE, bracket_units, bracketed_unit, named_offices
from mstrack.sources.table.office_names import (
    COLLECTIVE,
    OFFICE_END,
    OFFICE_ROOM_RE,
    OFFICE_SECTION_RE,
    PLACE_START,
    SECTION_NAME_RE,
    SET_UP_RE,
    UNITS_END,
    ends_like_unit,
    group_body,
    split_groups,
    split_units,
    town_name,
    whole_unit,
)
from mstrack.sources.table.unit_joins import CLOSING_PUNCTUATION, UNIT_THEN_DENG_RE, joined_units, without_closing_deng
from mstrack.sources.table.unit_people import LEAD_ROLES, ROLE_WORD_RE, a_person, named_person
from mstrack.vocabulary import (
    CONTINUING_RE,
    COORDINATING_WORDS,
    FRAMING_RE,
    FRAMING_WORDS,
    HELPER_ROLE_WORDS,
    IMPLEMENTING_MANNERS,
    IMPLEMENTING_ROLE_WORDS,
    LEAD_ROLE_WORDS,
    LEADING_MANNERS,
    OFFICE_JOINERS,
    OVERSIGHT_ROLE_WORDS,
    RESPONSIBLE_VERB,
    RESPONSIBLE_WORD,
    ROLE_FOLLOWERS,
    ROLE_JOINERS,
    ROLE_MANNERS,
    SCOPE_OPENINGS,
)

ROLES = "|".join((*LEAD_ROLE_WORDS, RESPONSIBLE_VERB, *HELPER_ROLE_WORDS))  # every role a unit cell names (vocabulary)
LEADING = "|".join(LEAD_ROLE_WORDS)  # the roles that make an office lead
MANNERS = rf"(?:(?:{'|'.join(ROLE_MANNERS)})\s*)*"  # "分别", "按职责分工" … printed before a role
FOLLOWERS = "|".join(ROLE_FOLLOWERS)  # "负责", "落实" … a verb going on after a role
# the work verbs before an implementing role that are no role or manner of their own ("抓好", "贯彻", "组织"): the role's
WORK_VERBS = "|".join(w for w in IMPLEMENTING_MANNERS if w not in ROLE_MANNERS and not any(w in r for r in ROLES.split("|")))
IMPLEMENTING_WORK = rf"(?:(?:{WORK_VERBS})+(?=(?:{'|'.join(IMPLEMENTING_ROLE_WORDS)})))?"  # "各乡镇抓好落实": 抓好落实
WORK_VERB_RE = re.compile(rf"(?:{WORK_VERBS})(?![部委会局办])")  # "市教育局督促各区": a sentence; "县委组织部": a name


def numbered_groups(cell: str) -> dict[str, str]:
    """A unit cell grouped like the schedule: "（1）市城建工程管理局…；（2）市水务集团…"."""
    parts = re.split(r"[（(]\s*(\d+)\s*[）)]", cell)
    if len(parts) < 3:
        return {}
    return {parts[i]: parts[i + 1].strip(" ；;，,\n") for i in range(1, len(parts) - 1, 2)}


# "（首位单位为牵头单位，下同）", "(列第一位者为工作牵头单位)": a bracket in the cell saying the first office leads
FIRST_LEADS_RE = re.compile(rf"\s*[（(][^（）()]*{first_leads('[^（）()]*')}[^（）()]*[）)]")
# what a role label names: offices, or a 局's own divisions ("责任处室：预算处"), or either ("责任单位或处室：局医政处、区医院")
OFFICE_WORD_OR = r"(?:\s*[或及和/、]\s*(?:单位|部门|处室|科室))?"
OFFICE_WORD = rf"(?:(?:单位|部门|处室|科室){OFFICE_WORD_OR})"
ROLE_LABEL_RE = re.compile(rf"({ROLES}|责任){OFFICE_WORD}?\s*[：:]")
ROLE_MARK_RE = re.compile(rf"\s*[（(]\s*(?:{LEADING})\s*(?:单位|部门)?\s*[）)]")
RESPONSIBLE_MARK_RE = re.compile(rf"\s*[（(]\s*{RESPONSIBLE_WORD}\s*(?:单位|部门)?\s*[）)]$")
ROLE_WORDS_RE = re.compile(rf"(?P<lead>[^，,；;。\n]+?)(?:{LEADING})\s*[，,；;。\n]\s*(?P<others>.+?)"  # the others one a line too
                           rf"(?:{'|'.join((*HELPER_ROLE_WORDS, *OVERSIGHT_ROLE_WORDS))}"
                           rf"|(?:{'|'.join(ROLE_MANNERS)}){RESPONSIBLE_WORD})?[。]?", re.S)


# a role and the work it names, up to the next stop ("分别牵头负责养老和托育", "按职责分工分别负责", "配合"): never a
# group named by its role ("牵头单位：", "各主要经济指标牵头单位"), nor a role marked in brackets ("（负责）": ROLE_MARK_RE)
# a role word naming another's work, before 的 ("市发改委牵头的项目", "市住建局牵头制定的方案"): no role of the cell
NOT_OWN_ROLE = rf"(?!的|(?<={LEADING})[\u4e00-\u9fff]{{1,2}}的)"
# a role word that an office's suffix ends ("县平安建设协调小组", "县重点项目协调办协调", "…协调委员会办公室"): part of the
# name; a suffix-like character going on into a word ("牵头办理", "配合中心工作") leaves it the role
NAME_SUFFIX = r"(?:领导小组|小组|办公室|委员会|专班|中心|办|组|委|会)"
IN_NAME = rf"{NAME_SUFFIX}(?:$|[、，,；;。.\s（()）]|{ROLES}|{NAME_SUFFIX})"
# a coordinating role followed by offices' names joins them to the office before ("县住建局协调县自然资源局、…实施")
JOINING_ROLE = rf"(?:{'|'.join(COORDINATING_WORDS)})(?=[{PLACE_START}])"
ROLE_PHRASE_RE = re.compile(rf"(?<![（(]){MANNERS}{IMPLEMENTING_WORK}"
                            rf"(?!{JOINING_ROLE})(?P<role>{ROLES})(?!{IN_NAME}){NOT_OWN_ROLE}"
                            r"(?!\s*(?:单位|部门))[^、，,；;。.\n]*")
ROLE_JOINER_RE = re.compile("|".join((*ROLE_JOINERS, JOINING_ROLE, *(rf"(?<=[{OFFICE_END}]){j}(?![会社体])" for j in OFFICE_JOINERS))))
# after an office, a clause framing its work by another's ("县水利局根据县河长办牵头制定的方案负责实施", "依据…批复的计划",
# "县水利局根据县河长办方案负责实施"): up to the office's own role, a 牵头 inside it naming another's work (before 的)
FRAMED_ASIDE_RE = re.compile(rf"(?<=[{OFFICE_END}])\s*(?:{'|'.join(FRAMING_WORDS)})[^、，,；;。.\n]*?"
                             rf"(?={MANNERS}(?:{ROLES})(?!{IN_NAME}){NOT_OWN_ROLE})")
EXCEPTION_BRACKET_RE = re.compile(r"\s*[（(](?:[^（）()]*(?:除外|以外)|(?:不含|不包括)[^（）()]*|除[^（）()]*外)[）)]")


def _without_others_work(cell: str) -> str:
    """A bracket that leaves out work another office leads ("（市发改委牵头的项目除外）", "（不含市发改委牵头项目）"): no
    list of roles; a bracket that leaves out a place ("各区政府（不含大鹏新区）") stays, the unit's scope. A clause framing an
    office's work by another's (FRAMED_ASIDE_RE) goes too: "县水利局根据县河长办牵头制定的方案负责实施" is 县水利局负责实施."""
    return FRAMED_ASIDE_RE.sub("", EXCEPTION_BRACKET_RE.sub(lambda m: "" if ROLE_WORD_RE.search(m[0]) else m[0], cell))


CLOSING_GROUP_RE = re.compile(r"\s*等\s*(?:相关|有关|其他|其它)?(?:部门|单位)$")  # "…、市医保局等部门配合"
ROLE_BRACKET_RE = re.compile(rf"({ROLES})\s*[（(]([^（）()]+)[）)]")  # "牵头（配合单位：B、C）", "牵头（B、C配合）"
LEAD_WORD_RE = re.compile(LEADING)


def _role_offices(text: str, apart: bool = True) -> list[str] | None:
    """The offices of a list a role closes ("由市人社局", "市人社局会同市教育局、市农业农村局", "各地、各部门", "会同A、B
    推进"); None when a name is no office's nor a collective one's. A closing 等部门 ("A、B等部门配合") is no office."""
    text = re.sub(rf"^(?:会同\s*|{FRAMING_RE})", "", text.strip(" 、，,；;。.\n"))
    text = WORK_BEFORE_BY_RE.sub("", text)  # "讲话稿由局办公室": the work named before 由, the office after it
    text = re.sub(rf"(?<=[{OFFICE_END}])(?:{FOLLOWERS})+$", "", text)  # "会同A、B推进实施": B's work
    # "A、B等有关部门落实" ("A B等…" alike): the others closing a list of several are no office (joined_units would
    # read 有关部门 as a group of its own)
    if len([u for g in split_groups(text) for u in split_units(g)]) > 1:
        text = CLOSING_GROUP_RE.sub("", text)
    names = [n for part in ROLE_JOINER_RE.split(text) for g in split_groups(part) for n in _names(g, apart)]
    if len(names) > 1:
        names[-1] = CLOSING_GROUP_RE.sub("", names[-1]) or names[-1]
    return names if names and all((ends_like_unit(n) or n.startswith(("各", *COLLECTIVE)) or a_person(n))
                                  and not WORK_VERB_RE.search(n) and not ROLE_LABEL_NAME_RE.fullmatch(n)
                                  and not NO_NAME_RE.search(n) for n in names) else None


# words no office's name holds: a duty's modal ("各村居要落实责任": 各村居's duty), a thing described by 的 ("扩大老年人的社会
# 参与": the work's own words), an annex referred to ("…调试工作（附件2）"), an office's ending with words after it ("各相关
# 医疗卫生单位指定专人": the office, then its work)
NO_NAME_RE = re.compile(rf"要|的|附件|^各[^、，,]*?(?:{'|'.join(UNITS_END)})(?![）)（(、]|$)")


# the work a sentence names before the office that does it ("讲话稿由局办公室负责准备", "倡议书、讲话稿由局综合处负责提供"):
# no name of the list; 由 inside a name ("自由贸易试验区管委会") stays
WORK_BEFORE_BY_RE = re.compile(r"^[^，,；;。（）()]+?(?<!自)由\s*(?=[^，,；;。\s])")
ROLE_LABEL_NAME_RE = re.compile(rf"(?:{ROLES}|责任){OFFICE_WORD}\s*[：:]?")  # "牵头单位:按职责分工抓好落实": a label, no office


def _role_bracket(m: re.Match) -> str:
    """A bracket after a role that lists offices with their own role ("（配合单位：B、C）", "（B、C配合）"): the lists
    after a stop, each closed by its role, as the cell would print them; any other bracket ("（含各区）") as printed."""
    inner = m[2].strip()
    labels = list(ROLE_LABEL_RE.finditer(inner))
    if labels and labels[0].start() == 0:
        inner = "，".join(inner[lab.end(): labels[k + 1].start() if k + 1 < len(labels) else len(inner)].strip(" ；;，,。")
                         + (RESPONSIBLE_WORD if lab[1] == "责任" else lab[1]) for k, lab in enumerate(labels))
    elif not ROLE_PHRASE_RE.search(inner):
        return m[0]
    return f"{m[1]}，{inner}"


def _role_phrases(cell: str) -> list[tuple[int, int, str, bool]]:
    """Each role phrase of the cell: (start, end, role, whether it leads by its words: "牵头", "负责牵头抓总"). The work
    after a role ends where another list of offices closed by its own role starts ("市民政局牵头市卫健委配合")."""
    phrases, at = [], 0
    while m := ROLE_PHRASE_RE.search(cell, at):
        end, work = m.end(), m.end("role")
        if any(_role_offices(cell[work:inner.start()]) for inner in ROLE_PHRASE_RE.finditer(cell, work, m.end())):
            end = work
        phrases.append((m.start(), end, m["role"], LEAD_WORD_RE.search(cell, m.start(), end) is not None))
        at = end
    return phrases


# 统筹 alone (vocabulary.LEADING_MANNERS) or an overseer's role (OVERSIGHT_ROLE_WORDS) closing an office's name
# ("市发改委统筹", "市教育局统筹指导"): no role phrase of the cell's, yet no part of the name, and it closes that office's
# own list: "市发改委统筹、市财政局配合" names no helper but 市财政局
LONE_ROLE_WORD = rf"(?<=[{OFFICE_END}])\s*{MANNERS}(?:{'|'.join((*LEADING_MANNERS, *OVERSIGHT_ROLE_WORDS))})"
LONE_ROLE_WORD_RE = re.compile(rf"{LONE_ROLE_WORD}$")
LONE_ROLE_CLOSING_RE = re.compile(rf"{LONE_ROLE_WORD}(?=\s|[、，,；;。.]|$)")


def helper_offices(cell: str) -> set[str]:
    """The offices a helper's role closes ("县财政局、县审计局配合", "A牵头，B配合"): units that never lead."""
    cell, found, at = _without_others_work(cell), set(), 0
    phrases = _role_phrases(cell)
    led = any(leading for *_, leading in phrases)  # "A落实" beside no lead: A does the work (IMPLEMENTING_ROLE_WORDS)
    for start, end, role, leading in phrases:
        if role in HELPER_ROLE_WORDS and not leading and (led or role not in IMPLEMENTING_ROLE_WORDS):
            begin = max([at, *(m.end() for m in LONE_ROLE_CLOSING_RE.finditer(cell, at, start))])
            found.update(_role_offices(cell[begin:start]) or [])
        at = end
    return found


def role_lists(cell: str, lead_column: bool = False) -> tuple[list[str], list[str]] | None:
    """role_read's offices where one of them leads."""
    return listed if (listed := role_read(cell, lead_column)) and listed[0] else None


def content_leads(content: str) -> tuple[list[str], list[str]] | None:
    """The lead a task's content names in its leading clause ("县应急局牵头，县消防救援大队配合开展隐患排查"): role_read's
    (leads, helpers) where a 牵头 word names them; None for a content that merely mentions an office, or says 负责."""
    clause = re.split(r"[。；;\n]", content.strip(), maxsplit=1)[0]
    if not any(leading for *_, leading in _role_phrases(_without_others_work(clause))):
        return None
    return role_lists(clause)


@read_once
def role_read(cell: str, lead_column: bool = False) -> tuple[list[str], list[str]] | None:
    """A cell that is a sequence of office lists, each closed by its role ("市农业农村局、市住建局分别牵头，市财政局配合",
    "市住建局牵头、市水利局配合", "市教育局、市住建局按职责分工分别负责"): (the leads, the others). 牵头 leads, wherever
    it stands; 负责 leads only where the cell names no 牵头 and no office leads before it ("A牵头，B、C分别负责", "A负责，
    B牵头"), every office it closes ("A、B负责", "A、B分别负责", "A、B负责实施": all lead, the lead's convention of
    close47, in any column); 配合 and the like, and a last list with no role, help. None unless every list is offices' names."""
    cell = ROLE_BRACKET_RE.sub(_role_bracket, ROLE_SCOPE_RE.sub(r"\2\1", _without_others_work(cell)))
    leads: list[str] = []
    others: list[str] = []
    overseers: list[str] = []  # offices an overseer's role closes ("市发改委指导"): units beside a lead, never in its list
    at = 0
    phrases = _role_phrases(cell)
    explicit = any(leading for *_, leading in phrases)
    for start, end, role, leading in phrases:
        if (at := _overseers(cell, at, start, overseers, others)) is None \
                or (names := _role_offices(cell[at:start], apart=False)) is None:
            return None
        if leading or (role == RESPONSIBLE_WORD and not explicit and not leads):
            # "A、B负责", the cell's only lead role: every office it names leads, as "A、B分别负责", "按职责分工负责"
            # (each answers for its part) and "C协调，A、B负责" (those responsible beside another's role) do (close47)
            leading_names = [_apart(name) for name in names]  # "县卫健局(县医院)牵头": 县医院 is a unit, not a lead
            leads.extend(found[0] for found in leading_names)
            others.extend(n for found in leading_names for n in found[1:])
        else:
            others.extend(_all_apart(names))
        at = end
    if at == 0:
        return None
    if (at := _overseers(cell, at, len(cell), overseers, others)) is None:
        return None
    if cell[at:].strip(" 、，,；;。.\n"):
        if (names := _role_offices(cell[at:])) is None:
            return None
        others.extend(names)
    if not leads and overseers and lead_column:  # "A指导，B配合" in a 牵头单位 column: a helper never leads; the overseers
        return overseers, [name for name in others if name not in overseers]  # are the leads it names
    return leads, others


OVERSIGHT_CLOSING_RE = re.compile(rf"(?<=[{OFFICE_END}])\s*{MANNERS}(?:{'|'.join(OVERSIGHT_ROLE_WORDS)})(?=\s|[、，,；;。.]|$)")


def _overseers(cell: str, at: int, end: int, overseers: list[str], others: list[str]) -> int | None:
    """Where the offices of cell[at:end] start once those an overseer's role closes are read ("市发改委指导，市财政局配合":
    市发改委, added to `overseers` and, units beside a lead, to `others`); None when what it closes are no offices'
    names."""
    closing = [m for m in OVERSIGHT_CLOSING_RE.finditer(cell, at, end) if cell[m.end():end].strip(" 、，,；;。.\n") or end == len(cell)]
    if not closing:
        return at
    if (names := _role_offices(cell[at:closing[-1].end()], apart=False)) is None:
        return None
    overseers.extend(_all_apart(names))
    others.extend(_all_apart(names))
    return closing[-1].end()


def _all_apart(names: list[str]) -> list[str]:
    return [n for name in names for n in _apart(name)]


# a scope bracket after the role ("市民政局牵头（含各区）") is the office's, as before it ("市民政局（含各区）牵头")
ROLE_SCOPE_RE = re.compile(rf"({MANNERS}(?:{ROLES}))\s*([（(]{SCOPE_RE.pattern}[）)])")
LONE_MANNER_RE = re.compile(rf"(?<=[{OFFICE_END}])(?:{'|'.join(LEADING_MANNERS)})(?=\s*(?:[、，,；;。.\n]|$))")
ROLE_ONLY_RE = re.compile(rf"{MANNERS}{IMPLEMENTING_WORK}(?:{ROLES})(?:{FOLLOWERS})*")
CLOSING_ROLE_RE = re.compile(rf"(?<=[{OFFICE_END}])\s*{ROLE_ONLY_RE.pattern}\s*$")  # "县教育局、县财政局负责": the list's role


ROLE_BRACKET_MARK_RE = re.compile(rf"\s*[（(]\s*(?:{ROLES})\s*(?:单位|部门)?\s*[）)]$")  # "各县区政府（负责）"


def _without_role(name: str) -> str:
    """"市城管局分别牵头", "市医保局分别配合", "市自然资源局（配合）": an office's name and only its role after it is the
    office; so is a person's ("张三（负责）": 张三, doubted as a person, named_person); a sentence ("县住建局负责项目建设，
    …") stays as printed here (role_read reads it)."""
    office = ROLE_BRACKET_MARK_RE.sub("", name)
    if office != name and (ends_like_unit(office) or named_person(office)):
        return office
    if (lone := LONE_ROLE_WORD_RE.search(name)) and ends_like_unit(office := name[:lone.start()]) \
            and not WORK_VERB_RE.search(office):
        return office  # "市发改委统筹", "县教育局督导": the office
    m = ROLE_PHRASE_RE.search(name)
    office = name[:m.start()].strip() if m else ""
    return office if m and (ends_like_unit(office) or a_person(office)) and ROLE_ONLY_RE.fullmatch(m[0].strip()) \
        and not WORK_VERB_RE.search(office) else name


def roles_in(cell: str, lead_column: bool = False) -> tuple[str, str] | None:
    """A unit cell that says who leads ("牵头单位：县教育局；配合单位：县财政局", "县教育局（牵头）、县市场监管局",
    "县交通局牵头，各乡镇配合"): (the lead units, the others), each as a cell; None when it says no role. In a 牵头单位
    column (`lead_column`) "A、B负责" names two leads, as "A、B" there does (role_read), and a unit in the bracket after
    an office ("县卫健局(县医院)") is another unit (unit_names), not a lead."""
    text = re.sub(rf"\s*\n\s*(?=(?:{ROLES})\s*(?:[，,；;。\n]|$))", "", cell.strip())  # "省财政厅\n牵头":
    text = _without_others_work(text)  # "市教育局负责（市发改委牵头的项目除外）": 市教育局 leads
    if helped := _helped(text):  # "县教育局（县财政局协同）": the office leads, the ones in its bracket help
        return helped[0], "、".join(helped[1:])
    parts = [(part, _helped(part.rstrip(CLOSING_PUNCTUATION))) for part in split_units(text)]
    if lead_column and any(h for _, h in parts):  # "县教育局（县财政局协同）、县民政局" in a 牵头单位 column
        return "、".join(h[0] if h else p for p, h in parts), "、".join(u for _, h in parts if h for u in h[1:])
    text = LONE_MANNER_RE.sub(LEAD_ROLE_WORDS[0], text)  # "县乡村振兴局统筹，各乡镇实施": 统筹 alone leads
    if FIRST_LEADS_RE.search(text):  # "…、市税务局(列第一位者为工作牵头单位,下同)": the note says the first leads
        first, *others = [u for g in split_groups(FIRST_LEADS_RE.sub("", text)) for u in split_units(g)] or [""]
        return first, "、".join(others)
    labels = list(ROLE_LABEL_RE.finditer(text))  # the role word on its own line is the line's above
    if labels and labels[0].start() == 0 and any(m[1] in LEAD_ROLES for m in labels):
        # "牵头单位：县教育局、县财政局负责": the label names the role of all its offices; the closing 负责 is no name's
        parts = [(m[1], CLOSING_ROLE_RE.sub("", text[m.end(): labels[k + 1].start() if k + 1 < len(labels) else len(text)]
                                            .strip(" ；;，,。\n"))) for k, m in enumerate(labels)]
        return "、".join(p for role, p in parts if role in LEAD_ROLES), "、".join(p for role, p in parts if role not in LEAD_ROLES)
    if listed := role_lists(text, lead_column):
        return "、".join(listed[0]), "、".join(listed[1])
    units = [u for group in split_groups(text.replace("\n", "、")) for u in split_units(group)]  # "A（牵头） B": two
    for mark in (ROLE_MARK_RE, RESPONSIBLE_MARK_RE):  # "（牵头）", else "（负责）" wherever it stands: those marked lead
        if any(mark.search(u) for u in units):  # "街道（负责）", "县住建局（配合）、王芳（负责）"
            # the others closed by their own role ("、各县区落实", "、各乡镇配合"): the offices, as in a list
            return "、".join(mark.sub("", u) for u in units if mark.search(u)), \
                "、".join(_without_role(u) for u in units if not mark.search(u))
    if m := ROLE_WORDS_RE.fullmatch(text):
        return re.sub(rf"^{FRAMING_RE}", "", m["lead"].strip()), m["others"].strip()  # "由市人社局牵头，…"
    if (m := JOINED_LEAD_RE.fullmatch(text)) and (names := _role_offices(m["others"])):
        return m["lead"], "、".join(names)  # "县住建局协调县自然资源局、县林业局实施": the office that joins the others leads
    if m := LONE_LEAD_RE.fullmatch(text):
        return m["name"], ""  # "市城市更新工作专班牵头", "张三同志牵头": whoever it names leads, by the role's word
    if lead_column and (apart := _bracketed_others(text)):
        return apart  # "县卫健局(县医院)" in a 牵头 column: 县卫健局 leads, 县医院 is a unit, as after a list's item
    return role_sentences(text)


# "县教育局（县财政局协同）", "县住建局（县城管局、县财政局配合）": an office, and the units helping it in its bracket
HELPER_BRACKET_RE = re.compile(r"^(?P<lead>[^（）()、，,；;\s]{2,30}?)\s*[（(]\s*(?P<others>[^（）()]{2,40}?)\s*"
                               r"(?:协同|配合|协助|参与|协办|协作|代建)(?:单位|部门)?\s*[）)]$")  # 代建: builds for it


def _helped(name: str) -> list[str] | None:
    """An office with the units helping it in its bracket: [the office, the helpers]; None for any other name."""
    m = HELPER_BRACKET_RE.match(name.strip())
    others = [part for part in re.split(r"[、，,/／；;\s]+", m["others"]) if part] if m else []
    if not m or not ends_like_unit(m["lead"]) or not others or not all(ends_like_unit(part) for part in others):
        return None
    return [m["lead"], *others]


def _bracketed_others(cell: str) -> tuple[str, str] | None:
    """A cell of offices where a bracket after one names another unit ("县卫健局(县医院)、县财政局"): (the offices, the
    units in their brackets); None when no bracket names another unit (a second name, "县发改局(粮食局)", is none)."""
    found = [(name, bracketed_unit(name)) for name in unit_names(cell, apart=False)]
    others = [f[1] for _, f in found if f and not f[2]]
    return ("、".join(f[0] if f and not f[2] else name for name, f in found), "、".join(others)) if others else None


JOINED_LEAD_RE = re.compile(rf"{FRAMING_RE}(?P<lead>[^、，,；;。\s（）()]{{2,}}?[{OFFICE_END}])\s*"
                            rf"(?:{'|'.join(ROLE_JOINERS)}|{JOINING_ROLE})(?P<others>[^，,；;。\n]+?)\s*[。.]?")
LONE_LEAD_RE = re.compile(rf"{FRAMING_RE}(?P<name>[^、，,；;。\s（）()]{{2,}}?)\s*{MANNERS}"
                          rf"(?:{LEADING})(?:{FOLLOWERS})*\s*[。.]?")




ROLE_SENTENCE_RE = re.compile(rf"^\s*{FRAMING_RE}(?P<unit>[^，,；;。、\s]{{1,20}}?(?:[{OFFICE_END}]|{'|'.join(UNITS_END)}))\s*"
                              rf"(?P<role>{ROLES}){NOT_OWN_ROLE}")


def role_sentences(cell: str) -> tuple[str, str] | None:
    """A cell of sentences each opening with an office and its role ("县教育局负责项目建设，县财政局负责资金保障"):
    the 牵头 ones lead, else the first that 负责; the others help. None unless every sentence reads so."""
    clauses = [c for c in re.split(r"[，,；;。\n]", cell) if c.strip()]
    clauses = [c for k, c in enumerate(clauses) if not (k and re.match(rf"\s*{CONTINUING_RE}", c))]  # the office before's work
    said = [m for c in clauses if (m := ROLE_SENTENCE_RE.match(c))]
    if not clauses or len(said) < len(clauses) or not any(m["role"] in LEAD_ROLES for m in said):
        return None
    leading = [m for m in said if m["role"] in LEAD_ROLE_WORDS] or [next(m for m in said if m["role"] in LEAD_ROLES)]
    others = [m["unit"] for m in said if m not in leading]
    return "、".join(m["unit"] for m in leading), "、".join(dict.fromkeys(others))


def unit_names(cell: str, apart: bool = True) -> list[str]:
    """The units a cell lists: 等 (and others) closing a list ("省商务厅等,各市人民政府") is no part of the unit's name
    before it; inside a name ("市平等就业服务中心") it stays. Units joined by 和 are split where both are whole. The
    full stop closing a labelled line ("牵头单位：市财政局。") is punctuation, no part of the last unit's name. An office
    with another unit in its bracket ("县卫健局(县医院)", "县教育局（各学校）") is two units, in a table's cell as in a
    list's bracket; its second name ("县发改局(粮食局)") or a scope stays in its name (`apart` False: as printed)."""
    return units_in_groups([cell], apart)[0]


def units_in_groups(cells: list[str], apart: bool = True) -> list[list[str]]:
    """The units of each group of a cell (its lines or "；" parts), as unit_names reads them, with the closing 等 read
    once over all of them."""
    return without_closing_deng([_names(cell, apart) for cell in cells])


@read_once
def _names(cell: str, apart: bool = True) -> list[str]:
    """The units of one group: the offices its roles close where it reads as role lists, else its names as printed.
    "其中：" before a name ("各乡镇，其中：县教育局") opens the part, no part of the name."""
    cell = SHARE_BRACKET_RE.sub(lambda m: m[0] if ends_like_unit(m[1]) else "", PART_LABEL_RE.sub("", cell))
    cell = DAYS_SHARE_RE.sub("、", cell)
    if helped := _helped(cell.rstrip(CLOSING_PUNCTUATION)):  # "县教育局（县财政局协同）": both units, the bracket's helping
        return helped
    helping = any(_helped(part.rstrip(CLOSING_PUNCTUATION)) for part in split_units(cell))  # read part by part below
    if not helping and (said := role_read(cell)):  # "市发改委负责立项，市住建局负责建设", "A、B等部门配合": the offices the roles close
        return [*said[0], *said[1]]
    parts = [p for part in split_units(cell) for p in (_helped(part.rstrip(CLOSING_PUNCTUATION))
                                                        or [_without_role(part.rstrip(CLOSING_PUNCTUATION).strip())]) if p]
    names = [m[1] if (m := UNIT_THEN_DENG_RE.match(u)) else u for part in parts for u in joined_units(part)]
    names = [HEAD_TITLE_RE.sub("", name) or name for name in names]
    return [n for name in names for n in (_apart(name) if apart else [name])]


# an office's head after its name ("各基层医疗机构负责人", "各单位主要负责同志"): the office answers through its head, a
# person, no role (vocabulary.RESPONSIBLE_VERB): the unit is the office
HEAD_TITLE_RE = re.compile(r"(?<=[\u4e00-\u9fff）)])(?:主要)?负责(?:人|同志)$")


# the office's share of the work in a bracket after its name ("区社会事业局（牵头医疗医美板块）"): no part of the name;
# a bracket naming a unit ("（牵头单位）") stays for the role marks to read
SHARE_BRACKET_RE = re.compile(rf"(?<=[{OFFICE_END}])\s*[（(]\s*(?:{LEADING}|{RESPONSIBLE_WORD})([^（）()]{{2,20}})[）)]")
# the office's share of the working days after its name ("危化处（20日）安基处（10日）", "法规处30日"): it ends the name
DAYS = r"\d+(?:\.\d+)?\s*个?(?:工作)?日"
DAYS_SHARE_RE = re.compile(rf"(?<=[{OFFICE_END}])\s*(?:[（(]\s*{DAYS}\s*[）)]|{DAYS}(?=[、，,；;。\s]|$))")
PART_LABEL_RE = re.compile(r"(?:^|(?<=[、，,；;\s]))其中\s*[:：]\s*")  # "其中：县教育局": the part of the list named


def _apart(name: str) -> list[str]:
    """An office and another unit its bracket names: both (named_offices); a second name stays the office's."""
    found = bracketed_unit(name)
    return [found[0], *bracket_units(found[1])] if found and not found[2] else [name]


# an office's own ending: a place ("城东街道", "经济开发区", "城关镇") or an object ("老旧小区", "乡镇卫生院") has none;
# a village's or residents' committee ("村委会", "居委会", "村（居）委会") is the body that does a village's work; a police station
# named by its place ("北厝派出所") an office too
OFFICE_NAME_RE = re.compile(r"(?:局|委|办|厅|处|中心|公司|政府|办事处|管委会|委员会|工会|联合会|协会|联|部|部门|单位|集团|银行|派出所|"
                            r"大队|支队|小组|专班|分行|支行|海关|(?:村|居|[）)])委会)$|"
                            rf"^各.|{OFFICE_ROOM_RE.pattern}|{OFFICE_SECTION_RE.pattern}|"  # "各开发区", "各乡镇": every one's office
                            rf"{SECTION_NAME_RE.pattern}")


# a station or an office of a level's government named by its work ("镇公路站", "县农技站", "镇财政所"), or its hospital
# ("区医院", "县中医院"): where the position says an office stands (`towns` below), one; elsewhere "污水处理站", "卫生所",
# "新建区中医院" are objects
STATION_RE = re.compile(r"[省市县区镇乡](?:[\u4e00-\u9fff]{1,10}[站所]|[\u4e00-\u9fff]{0,8}医院)")
CITY_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,6}[市县旗]")  # "项城市", "沈丘县": a place's own name and its level


@read_once  # kept: the best-effort reading tries a document's runs in turn (list_fallback)
def office_list(text: str, towns: bool = False) -> bool:
    """Words that are only offices' names ("工资处、就管中心", "人社局、各开发区"): what a list of tasks prints after an
    item, in a bracket or after a space, to say who does it. The first is an office; a scope ("含城区、各乡镇",
    "包括…", "惠及…": vocabulary.SCOPE_OPENINGS) or places alone ("东区、西区") are not. After it, a city or a county by
    its own name ("县教育局、项城市", "市住建局、郑州市"): its government does the work ("城市" alone is a word, no
    name). Where the position says an office stands (towns: a bracket after an item's closing stop, "由…负责落实", a
    责任单位 label), a town or a street (office_names.town_name: "城关镇", "城北街道", "属地镇街") is one too: in a
    民生实事 list it often leads. A 组 is an office only when it is a body set up for its work (office_names.group_body:
    "…工作领导小组", "督查组"; "学习兴趣小组" and "各校要组建…" are none)."""
    printed = unit_names(text.strip(), apart=False)
    names = [part for name in printed for part in named_offices(name)]
    first = re.sub(rf"\s*[（(]{SCOPE_RE.pattern}[）)]$", "", names[0]) if names else ""  # "县教育局(含城区)": its scope aside
    bracketed = {u for name in printed if (found := bracketed_unit(name)) for u in bracket_units(found[1])}  # "县教育局（各学校）"
    return bool(names) and all(map(group_body, names)) \
        and (whole_unit(first) and (OFFICE_NAME_RE.search(first) is not None or SET_UP_RE.fullmatch(first) is not None)
                            or towns and (town_name(names[0]) or STATION_RE.fullmatch(first) is not None)) \
        and not names[0].startswith(SCOPE_OPENINGS) \
        and all(len(name) <= 20 and (ends_like_unit(name) or k and CITY_NAME_RE.fullmatch(name) is not None
                                     or towns and town_name(name) or k and name in bracketed)
                and not re.search(r"[\d，。；;:：\s]", name) for k, name in enumerate(names))




def offices_apart(text: str) -> str:
    """A list of offices with each unit a bracket names after an office as one of its own ("县住建局（县城投公司）、县财政局"
    → "县住建局、县城投公司、县财政局"); an office's second name ("县发改局(粮食局)") and a scope stay in its name."""
    if all(len(named_offices(name)) == 1 for name in unit_names(text, apart=False)):
        return text
    return "、".join(unit_names(text))


def labelled_roles(text: str) -> bool:
    """A bracket that names the units by their roles: "牵头单位：县住建局；配合单位：县财政局"."""
    return ROLE_LABEL_RE.match(text.strip()) is not None and roles_in(text) is not None


def leaders_in(cell: str) -> list[str]:
    return [p for part in cell.split("\n") for p in split_units(re.sub(r"[/／]", "、", part))]  # people: "张三/李四"


CLAUSE_OFFICES_RE = re.compile(r"\s*[（(]([^（）()]{2,60})[）)](?=\s*(?:[。；;]|$))")  # "…57个扶贫新村(市扶贫开发办)。"


def clause_offices(text: str) -> tuple[str, str] | None:
    """An item whose clauses each end with their own offices in a bracket ("启动建设57个扶贫新村(市扶贫开发办、市以工代赈办)。
    升钟库区完成新村扶贫帮扶7个(剑阁县政府)。…(市惠民帮扶中心)。"), the last at its end: every bracket names the item's
    offices, the first office its lead; the brackets leave the words, and each clause keeps its stop, the item's
    closing "。" too: as well after one bracket that ends an item of several sentences ("教育助学工程。…改扩建工程(市教育局)。").
    None when the words go on after the last bracket, and for one bracket after a single clause (units_after reads it)."""
    found = [m for m in CLAUSE_OFFICES_RE.finditer(text) if office_list(m[1])]
    tail = text[found[-1].end():].strip() if found else None
    if tail not in ("", "。") or len(found) == 1 and (not tail or "。" not in text[:found[0].start()]):
        return None  # "…(县教育局)；", "新建幼儿园3所(区教育局)。": one clause's stop goes with its bracket (units_after)
    words, at = [], 0
    for m in found:
        words.append(text[at:m.start()])
        at = m.end()
    offices = [name for m in found for name in unit_names(m[1])]
    return "".join([*words, text[at:]]).strip(), "、".join(dict.fromkeys(offices))
