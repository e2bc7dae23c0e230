"""The offices an item's line names (list_numbered.py's items and parts, list_bracketed's, list_roles'): printed after its
words in a bracket (labelled by role, by level, or a plain list), after whitespace, in its last clause "由…负责落实" or
sentence "责任单位：…", and a paragraph under an item that assigns it "由…负责落实"."""

from __future__ import annotations

import re

from mstrack.sources.table.carried_units import without_carried
from mstrack.sources.table.kept import read_once
from mstrack.sources.table.office_names import SCHOOL_END, TOWN_END, ends_like_unit, split_groups
from mstrack.sources.table.units import (
    FIRST_LEADS_RE,
    OFFICE_WORD_OR,
    ROLE_LABEL_RE,
    clause_offices,
    labelled_roles,
    office_list,
    offices_apart,
    unit_names,
)
from mstrack.vocabulary import HELPER_ROLE_WORDS, LEAD_ROLE_WORDS, RESPONSIBLE_WORD, ROLE_FOLLOWERS

# "…。 (工资处、就管中心)", "…（区教育局）；", "…（各镇（街道））": one bracket inside it is part of the name; up to
# eleven offices "（A、B、…按职责分工负责）" (120 characters)
TRAILING_BRACKET_RE = re.compile(r"\s*[（(]((?:[^（）()]|[（(][^（）()]{1,10}[）)]){2,120})[）)]\s*[；;。.，,]?\s*$")
BRACKET_DATE_RE = re.compile(r"^([^，,；;]{2,40})[，,；;]\s*(\d{4}\s*年[^，,；;（）()]{0,12})$")  # "（区教育局，2024年12月底前）"
# a label that names the lead at the end of a paragraph: "…完工。责任单位：县水务局。"
UNIT_LABEL_RE = re.compile(rf"[，,。；;]?\s*(?:责任|牵头|主责|主办)(?:单位|部门){OFFICE_WORD_OR}[：:]"
                           r"\s*([^，,。；;：:]{2,40})[。；;]?\s*$")
# a bracket after the item's closing stop stands apart from its words: a town there does the work ("…12个。（城关镇）"),
# one right after the words is where ("新建幼儿园3所（城东街道）"; units.office_list's towns)
CLOSED = tuple("。；;.!！")
# "…增长11%。[牵头单位:县发改局(粮食局);责任单位:…]", "…【责任单位:…】": the labelled groups in a square bracket, printed
# where a name holds a round one; read as the round bracket "(牵头单位:…;责任单位:…)" is
SQUARE_BRACKET_RE = re.compile(r"\s*[\[［【〔]([^\[\]［］【】〔〕]{2,80})[\]］】〕]\s*[；;。.，,]?\s*$")
TRAILING_RUN_RE = re.compile(r"\s+(\S{2,60})$")  # "…;  人社局、各开发区": offices after whitespace
# "由市发展改革委、市财政局负责落实": a paragraph under an item naming, unlabelled, the offices that do it
# ("由县教育局牵头", "由…牵头负责", "由县教育局牵头，各乡镇配合": the lead's role alone says it too, its helpers after it)
OFFICE_LINE_RE = re.compile(rf"^由\s*(\S.*?)\s*(?:(?:{'|'.join(LEAD_ROLE_WORDS)})\s*(?:{RESPONSIBLE_WORD})?|{RESPONSIBLE_WORD})"
                            rf"(?:{'|'.join(ROLE_FOLLOWERS[1:])})?(?:[，,]\s*(\S[^，,。；;]*?)\s*(?:{'|'.join(HELPER_ROLE_WORDS)}))?"
                            r"\s*[。.；;]?$", re.S)
OFFICE_CLAUSE_RE = re.compile(r"[，,；;]\s*(由[^，,。；;]+)[。.；;]?\s*$")  # "…12个，由城关镇负责落实。": the item's last clause
RESPONSIBLE_ROLE = "责任"  # ROLE_LABEL_RE's role word that names the 责任单位 column itself: neither a lead nor a helper


@read_once  # kept: the best-effort reading tries a document's runs in turn (list_fallback)
def units_after(text: str) -> tuple[str, str]:
    """An item's words and the offices printed after them, in a bracket or after whitespace: (words, offices); in a
    bracket after each of its clauses, all of them (units.clause_offices); in its last clause "由…负责落实", those. A
    unit in the bracket after an office's name is one of its own ("县卫健局(县医院)": units.offices_apart)."""
    text = without_carried(text)  # "…，以下均需各片区配合落实，不再列出": a unit of every item, named below (numbered_table)
    words, offices = _units_after(text)
    if not offices and (m := UNCLOSED_ROLE_RE.search(text)) and m.start() > 0:
        words, offices = _units_after(f"{text.rstrip()}）")  # "…补贴。(牵头单位:县人社局": its ")" lost, read as closed
    if not offices and (note := FIRST_LEADS_RE.search(text)) and note.start() > 0:  # "A（首位单位为牵头单位，下同）、B":
        words, offices = _units_after(FIRST_LEADS_RE.sub("", text))  # the first leads, as it does unnoted
    return words, offices if ROLE_LABEL_RE.match(offices) else offices_apart(offices)


# a bracket opened with a role label at the end of an item's line and never closed ("…补贴。(牵头单位:县人社局"): the
# label says it names the item's offices, as the closed bracket would; a bracket of other words left open stays words
UNCLOSED_ROLE_RE = re.compile(rf"\s*[（(]\s*(?={ROLE_LABEL_RE.pattern})[^（）()]{{2,60}}$")


def _units_after(text: str) -> tuple[str, str]:
    if found := clause_offices(text):
        return found
    if (m := OFFICE_CLAUSE_RE.search(text)) and (offices := office_line(m[1])):
        return f"{text[:m.start()].rstrip()}。", offices  # the clause says who, as a line "由…负责落实" under it would
    if (m := SQUARE_BRACKET_RE.search(text)) and m.start() > 0 and (offices := role_offices(m[1])):
        return text[:m.start()].rstrip(), offices
    for pattern in (TRAILING_BRACKET_RE, TRAILING_RUN_RE):
        m = pattern.search(text)
        bracket = pattern is TRAILING_BRACKET_RE
        towns = bracket and m is not None and text[:m.start()].rstrip().endswith(CLOSED)  # "…12个。（城关镇）": who does it
        offices = (m[1] if office_list(m[1], towns=towns) else role_offices(m[1]) or _spaced_offices(m[1], towns)
                   if bracket else "") if m else ""
        offices = _bracket_role(offices) if bracket else offices
        if m and m.start() > 0 and offices:
            if pattern is TRAILING_RUN_RE and (len(text[:m.start()].strip()) < 4 or _unbalanced(m[1])):
                continue  # "改造 老旧小区": a verb and its object; "（A（牵头） 各县区）": the bracket's last name, no run
            return text[:m.start()].rstrip(), offices
        if m and m.start() > 0 and pattern is TRAILING_BRACKET_RE and (dated := BRACKET_DATE_RE.match(m[1])) \
                and office_list(dated[1], towns=towns):  # the office and the deadline in one bracket: the date stays in the words
            return f"{text[:m.start()].rstrip().rstrip('。；;，,')}，{dated[2]}", dated[1]
    return text, ""


def _spaced_offices(text: str, towns: bool) -> str:
    """A bracket's offices parted by spaces ("市教育局（牵头） 各县区"), as its list joined by "、" reads them; "" when
    the parts are no list of offices."""
    parts = split_groups(text)
    return joined if len(parts) > 1 and office_list(joined := "、".join(parts), towns=towns) else ""


def _unbalanced(text: str) -> bool:
    """Words that close a bracket opened before them ("各县区）"), or open one they do not close."""
    return len(re.findall(r"[（(]", text)) != len(re.findall(r"[）)]", text))


# an item's bracket ending in its one role word: "（A、B等负责）" names its offices as a 责任单位 cell "A、B" does (the first
# leads), "（A等牵头）" its leads; "等" closes the list ("and others"), no office of its own
BRACKET_ROLE_RE = re.compile(r"\s*等?\s*(负责|負責|牵头|牽頭)$")


def _bracket_role(offices: str) -> str:
    """A bracket's offices without the 负责 that ends it and the 等 before its role word; unchanged when what is left
    is no list of offices. Offices parted by a comma before 负责 ("区社会事业局，各片区管理局负责") keep it: each answers for
    the work, all lead (units.role_read), as "…按职责分工负责" does."""
    m = BRACKET_ROLE_RE.search(offices)
    if not m or not office_list(rest := offices[:m.start()]):
        return offices
    return rest if m[1] in ("负责", "負責") and not re.search(r"[，,]", rest) else f"{rest}{m[1]}"


# a role label with the level of government it names ("市级牵头单位:市发展改革委;区级牵头单位:区发改局"): the city's office
# for the city's target, the district's for its share
LEVEL_LABEL_RE = re.compile(r"(省级|市级|州级|县级|区级|乡镇级|镇级|乡级|街道级?)\s*"
                            r"(?=(?:牵头|责任|主责|主办|配合|协办)(?:单位|部门)?\s*[：:])")
LEVEL_RANKS = {"省级": 0, "市级": 1, "州级": 1, "县级": 2, "区级": 2, "乡镇级": 3, "镇级": 3, "乡级": 3, "街道": 3, "街道级": 3}
OTHER_LEVEL_LABEL = "责任单位"  # a higher level's office: another unit of the task, as a 责任单位 beside the lead


def _levels_as_roles(text: str) -> str:
    """A bracket's labels of two levels read as one level's: the lowest level printed is the document's own (a
    district's report restating the city's targets), its office leads and is printed first; a higher level's office
    is another unit. One level alone is its role label; a bracket whose every part is not so labelled is unchanged."""
    parts = [part.strip() for part in re.split(r"[；;]", text) if part.strip()]
    found = [LEVEL_LABEL_RE.match(part) for part in parts]
    if not parts or not all(found):
        return text
    own = max(LEVEL_RANKS[m[1]] for m in found)
    mine = [part[m.end():] for part, m in zip(parts, found, strict=True) if LEVEL_RANKS[m[1]] == own]
    others = [ROLE_LABEL_RE.sub(f"{OTHER_LEVEL_LABEL}:", part[m.end():], count=1)
              for part, m in zip(parts, found, strict=True) if LEVEL_RANKS[m[1]] < own]
    return ";".join((*mine, *others))


def role_offices(text: str) -> str:
    """A bracket that opens with a role label (units.ROLE_LABEL_RE: 责任单位, 牵头单位, 配合单位 …), an office list after
    each label: the 责任单位 cell it gives, "" when a label names no office ("牵头单位:按职责分工抓好落实"). Labels that say
    who leads stay, for units.roles_in to read; a lone 责任单位 gives its offices, as the column of that name reads them."""
    text = _levels_as_roles(text)
    labels = list(ROLE_LABEL_RE.finditer(text))
    if not labels or labels[0].start() != 0:
        return ""
    parts = [text[m.end():labels[k + 1].start() if k + 1 < len(labels) else len(text)].strip(" ；;，,。") for k, m in enumerate(labels)]
    if not all(office_list(part, towns=True) or _labelled_name(part) for part in parts):
        return ""
    if len(labels) == 1 and labels[0][1] == RESPONSIBLE_ROLE:
        return parts[0]
    return text if labelled_roles(text) else ""


def _labelled_name(part: str) -> bool:
    """One name after a role label in a bracket that ends like an office ("牵头单位:政局", 民政局 with a character lost in
    the stored text): the label says it is the office, read as printed, though two characters alone are no whole name
    elsewhere (office_names.whole_unit: "公厅", the tail of a name broken over lines, is none). A kind of town's body
    named bare ("牵头单位：村居", "社区": every village, every community the plan reaches) is one too, as "各村居" is; so
    is a school ("牵头单位：实验幼儿园", office_names.SCHOOL_END)."""
    return 2 <= len(part) <= 20 and (ends_like_unit(part) or part in TOWN_END or part.endswith(SCHOOL_END)) \
        and re.fullmatch(r"[\u4e00-\u9fff]+", part) is not None


def labelled_units(text: str) -> tuple[str, str]:
    """A paragraph's words and the lead its last sentence names by a label ("…完工。责任单位：县水务局。") or its
    bracket at the end ("…。（区卫健局，2024年10月底前）")."""
    m = UNIT_LABEL_RE.search(text)
    if m and m.start() > 0 and office_list(m[1], towns=True):
        return text[:m.start()].rstrip("，,；; ") or text, m[1]
    return units_after(text)


def office_line(text: str) -> str:
    """The offices of a paragraph that assigns the item above to them, unlabelled ("由市发展改革委,川汇区、商水县、项城市
    人民政府负责落实"): the frame says they are offices, so the first must read as one and the others only as names
    (a county's name before its 人民政府 is one); "" for any other paragraph."""
    if not (m := OFFICE_LINE_RE.match(text)):
        return ""
    offices = f"{m[1]}、{m[2]}" if m[2] else m[1]  # the lead, then its helpers
    if not (names := unit_names(offices)) or not office_list(names[0], towns=True):
        return ""
    return offices if all(len(name) <= 20 and not re.search(r"[\d，。；;:：\s]", name) for name in names) else ""
