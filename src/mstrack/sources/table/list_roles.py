"""Whether a numbered item names its offices by their role's label (headerless.py): the labels make a list a 分工's,
as a 完成时限 line makes one a dated work list (list_sections.labelled_work), whatever its title calls it."""

from __future__ import annotations

import re

from mstrack.domain.quantities import chinese_count
from mstrack.sources.table.carried_units import without_carried
from mstrack.sources.table.cells import row_texts
from mstrack.sources.table.item_offices import (
    SQUARE_BRACKET_RE,
    TRAILING_BRACKET_RE,
    UNCLOSED_ROLE_RE,
    UNIT_LABEL_RE,
    office_line,
    role_offices,
)
from mstrack.sources.table.list_labels import label_kind
from mstrack.sources.table.list_numbered import (
    LEAD_LABEL,
    Entry,
)
from mstrack.sources.table.list_work import states_work
from mstrack.sources.table.mentions import sets_figure
from mstrack.sources.table.office_names import SCHOOL_END
from mstrack.sources.table.one_paragraph import MIN_STAFFED_ITEMS
from mstrack.sources.table.reading import Row
from mstrack.sources.table.units import FIRST_LEADS_RE, ROLE_LABEL_RE, office_list, roles_in
from mstrack.vocabulary import FIGURE_VERBS


def role_labelled(entry: Entry) -> bool:
    """Whether an item names its offices by their role's label: in the bracket after its words ("…3所。（责任单位：
    区教育局）", "（牵头单位：X；责任单位：Y）", "[责任单位:…]", one left open), at its end ("…完工。责任单位：县水务局。"),
    or on a line of its own under it ("责任单位：…", "牵头单位：…"). The label says the item is assigned work, as a
    完成时限 line says it is due: a 分工's item (list_sections.labelled_work), whatever the title calls the list."""
    return any(label_kind(name) in ("lead", "units") for name in entry.labels) \
        or entry.row is not None and bool(texts := row_texts(entry.row)) and labelled_line(texts[-1])


def offices_owned(entry: Entry) -> bool:
    """Whether an item names its own offices so that its list is a 分工's: by their role's label (role_labelled), or in
    a bracket at its line's end whose words are all offices' names ("…预警。（区农发局）", "（区教育局、区市场监管局）"):
    the names say who does it, as "（责任单位：…）" would. A bracket of other words ("（2016年6月底前）", "（城关片区）",
    "（含城区）") names nobody, wherever it stands. An item whose group's last item names the group's offices
    (group_brackets) owns them too."""
    return entry.shared or role_labelled(entry) \
        or entry.row is not None and bool(texts := row_texts(entry.row)) and office_bracket(texts[-1])


# "由镇公路站负责的农村道路硬化项目": the office doing the work, named inside the item's sentence before the work it does
OWNED_WORK_RE = re.compile(r"由\s*([^，,。；;由的]{2,30}?)\s*(?:牵头)?负责(?:实施|建设|推进|落实)?的")


def owner_in_words(text: str) -> str:
    """The offices an item's own sentence assigns its work to ("聚焦“幸福民生”。由镇公路站负责的农村道路硬化项目，…"): the
    frame says they are offices, as a line "由…负责落实" under the item does (item_offices.office_line); "" when none."""
    return office_line(f"由{m[1]}负责") if (m := OWNED_WORK_RE.search(text)) else ""


# a role's label inside an item's words and the offices after it, up to the next stop ("…3159套。责任单位：区土地开发
# 集团有限公司，所属片区：…")
LABEL_INSIDE_RE = re.compile(rf"(?<=[。；;，,])\s*{ROLE_LABEL_RE.pattern}\s*([^，,。；;：:]{{2,60}})")


def labelled_inside(text: str) -> str:
    """The sentence of an item's paragraph that names its offices by a role's label, after a stop of its words, up to
    its full stop ("…3159套。责任单位：区土地开发集团有限公司，所属片区：岚城片区项目建设指挥部。以上…" → "责任单位：…
    指挥部"), its first office read as one (units.office_list); "" when none: an item so labelled is assigned work, as
    one labelled at its end or on a line under it (labelled_line)."""
    m = LABEL_INSIDE_RE.search(text)
    if not m or not office_list(m[2].strip()):
        return ""
    start = m.start() + len(m[0]) - len(m[0].lstrip())
    return re.split(r"[。]", text[start:], maxsplit=1)[0].strip()


def office_bracket(text: str) -> bool:
    """Whether a line ends with a bracket holding nothing but offices' names (units.office_list), after its words."""
    return bool((m := TRAILING_BRACKET_RE.search(text)) and m.start() > 0 and office_list(m[1].strip()))


def labelled_line(text: str) -> bool:
    """Whether an item's line ends with its offices labelled by their role, in a bracket or after its words."""
    text = FIRST_LEADS_RE.sub("", without_carried(text))  # "区教育局（首位单位为牵头单位，下同）、…", "…，以下均需…不再
    # 列出": the notes aside
    if (m := UNIT_LABEL_RE.search(text)) and m.start() > 0:
        return True
    if (m := UNCLOSED_ROLE_RE.search(text)) and m.start() > 0:
        text = f"{text.rstrip()}）"
    found = [m for pattern in (TRAILING_BRACKET_RE, SQUARE_BRACKET_RE) if (m := pattern.search(text)) and m.start() > 0]
    return any(ROLE_LABEL_RE.match(m[1].strip()) and role_offices(m[1].strip()) or role_worded(m[1].strip()) for m in found)


def role_worded(text: str) -> bool:
    """Whether a bracket's words are offices each list closed by its role's word, with no label ("区资源生态局牵头负责",
    "X牵头，A、B等按职责分工负责", "A、B等按职责分工负责": units.roles_in reads them): the role says the item is
    assigned work as a label would."""
    return roles_in(text) is not None


def item_groups(entries: list[Entry | None]) -> list[list[Entry]]:
    """The groups of items numbered "1." on, each from its "1." (or the first item after anything else) to the last
    numbered on from it."""
    groups: list[list[Entry]] = []
    for entry in entries:
        if entry is None:
            continue
        if entry.kind != "item" or not entry.code.isdigit():
            groups.append([])
        elif entry.code == "1" or not groups or not groups[-1] or int(groups[-1][-1].code) + 1 != int(entry.code):
            groups.append([entry])
        else:
            groups[-1].append(entry)
    return [group for group in groups if group]


def group_brackets(entries: list[Entry | None]) -> None:
    """A group of items numbered "1." on under a heading whose last item alone ends with a bracket of offices by their
    roles ("…整治。（区旅游文体局、旅游文化中心负责，各相关责任单位配合）") and whose other items name none: the bracket
    closes the whole group, so each item gets its offices (a doubt of the reading: it may be the last item's own). A
    bracket of bare names ("（县人社局、各乡镇）", under a heading "二、县人社局牵头工作" that leads its items) is the
    last item's own: the role words are what say it speaks for the group, and so does a role's label ("（责任单位：X、Y，Z）",
    printed on the line after the last item: list_lines.offices_below joins it to that line)."""
    for group in (g for g in item_groups(entries) if len(g) >= 2):
        last = group[-1]
        if last.units and (role_worded(last.units) or role_labelled(last)) \
                and not any(e.units or e.labels or offices_owned(e) for e in group[:-1]):
            for entry in group[:-1]:
                entry.units, entry.shared = last.units, True


# "4项目标的责任单位均为市发展改革委。", "该项目标责任单位为市经委。": a sentence after a run of items naming the office of
# the last N of them (该: the item above), by its role
COUNTED_OFFICES_RE = re.compile(r"^(?:(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*项|该项?)(?:目标|任务|工作|指标|项目)?的?"
                                r"(?:责任单位|牵头单位)(?:均|都|全部)?为\s*(\S.*?)\s*[。.；;]?$")


def counted_offices(rows: list[Row], entries: list[Entry | None]) -> list[Entry | None]:
    """The offices named once after a run of items for the last N of them ("4项目标的责任单位均为市发展改革委。" after
    items 1–4, "该目标责任单位为市经委。" after item 5): each of those items gets them, as the bracket after its words
    would give them (the first leads), owned by role (`shared`); the sentence is no paragraph of the list's (a note
    naming no column). A count that passes a heading or an item naming offices of its own names no one: the sentence
    is left as printed."""
    found = list(entries)
    for k, row in enumerate(rows):
        texts = row_texts(row)
        if entries[k] is not None or len(texts) != 1 or not (m := COUNTED_OFFICES_RE.match(texts[0])) \
                or not office_list(m[2], towns=True):
            continue
        count = (int(m[1]) if m[1].isdigit() else chinese_count(m[1])) if m[1] else 1
        items: list[Entry] = []
        for entry in reversed(found[:k]):
            if len(items) == count or entry is not None and entry.kind not in ("item", "note"):
                break
            if entry is not None and entry.kind == "item":
                items.append(entry)
        if len(items) == count and not any(e.units or e.labels for e in items):
            for entry in items:
                entry.units, entry.shared = m[2], True
            found[k] = Entry(row, "note", "", texts[0])
    return found


# a duty paragraph opened by the offices that do it, closed by a stop or a colon ("区旅游文体局、旅游文化中心。指导景区…",
# "区执法应急局：统筹…"); a bracket inside a name is part of it ("各片区管理局（乡镇、街道）：…")
OPENING_OFFICES_RE = re.compile(r"^((?:[^，,。；;：:\s\d（）()]|[（(][^（）()，,。；;：:]{1,12}[）)]){2,60}?)\s*[。：:]\s*(\S.*)$", re.S)


def opening_offices(text: str) -> tuple[str, str] | None:
    """The offices a paragraph opens with and its words after them, (offices, words); None unless every name before the
    stop or the colon is an office's (a role's label, "牵头单位：", is none) and the words after them state work."""
    m = OPENING_OFFICES_RE.match(text.strip())
    if not m or not office_list(m[1]) or ROLE_LABEL_RE.match(f"{m[1]}："):
        return None
    return (m[1], m[2].strip()) if states_work(m[2]) else None


def duty_openings(entries: list[Entry | None]) -> None:
    """A group of two or more items numbered "1." on, none naming its offices after its words or under it, each opened
    by the offices that do it ("1.区旅游文体局、旅游文化中心。指导景区…", "2.区执法应急局：统筹…": a 部门职责 list): those
    offices lead the item, every one of them, as a 牵头单位 line under it would, and its words are the duty after them.
    One item so opened among items that are not ("1.成立领导小组。…") is left as printed: the group's form says it."""
    for group in (g for g in item_groups(entries) if len(g) >= MIN_STAFFED_ITEMS):
        if any(e.units or e.labels for e in group) or not all(found := [opening_offices(e.text) for e in group]):
            continue
        for entry, (offices, words) in zip(group, found, strict=True):
            entry.text, entry.labels = words, {LEAD_LABEL: offices}


# a body's name run straight into its work ("平潭协和医院捐送药品…", "区疾控中心现场发放…", "县红十字会捐赠…"): a level or
# a place's name, then a body's ending — a hospital (医院, "…保健院", "…防院"), a centre, a Red Cross, an office (办, 局,
# 委), a station, a school admitting its quota ("实验幼儿园招收小班新生4个班…": SCHOOL_END) — not run on by another
# ending ("区委办…": the name is 区委办); four characters at least ("市中心城区…" is no body)
BODY_OPENING_RE = re.compile(rf"^([\u4e00-\u9fff]{{1,16}}?(?:医院|院|中心|红十字会|办|局|委|站|所|队|{'|'.join(SCHOOL_END)}))"
                             rf"(?![院心会办局委站所队室部处园校])(?!{'|'.join(SCHOOL_END)})")  # "…中心幼儿园": one name
BODY_MIN = 4
BODY_DUTY_RE = re.compile(r"^(?:负责|牵头|要|招收)")  # "X负责…", "X要…", "X招收新生…": the body's duty
BUILT_OPENING_RE = re.compile(rf"^(?:{FIGURE_VERBS})")  # "区医院新建住院楼…": the body is the work's object, no doer


def opening_body(text: str) -> str:
    """The body whose name opens an item's words, run straight into its work with a figure or a duty ("平潭协和医院捐送
    药品价值人民币3000元", "区妇幼保健院免费发放避孕药具3000盒"): a hospital, a centre, a Red Cross is the body that
    answers for the work in such a list as an office is, though no office of government; "" when the words open
    otherwise, or with a building's work on the body ("区医院新建住院楼2000平方米": its object)."""
    m = BODY_OPENING_RE.match(text.strip())
    if not m or len(m[1]) < BODY_MIN or BUILT_OPENING_RE.match(m[1]):  # "新建幼儿园2所": what is built, no body
        return ""
    rest = text.strip()[m.end():]
    return m[1] if rest and not BUILT_OPENING_RE.match(rest) and (sets_figure(rest) or BODY_DUTY_RE.match(rest)) else ""
