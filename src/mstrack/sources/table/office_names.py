"""Offices' names as unit cells print them: several in one cell (split on 、 or a slash), one broken over the lines of
a narrow cell (joined again), and the endings and suffixes that tell an office's name from a place's or an object's.
Split from units.py, which reads the roles and groups of the units these names are."""

from __future__ import annotations

import re

from mstrack.sources.table.kept import read_once
from mstrack.vocabulary import AREA_LEVELS, COLLECTIVE, SCOPE_OPENINGS, SHORT_OFFICE_NAMES, TOWN_KINDS


@read_once
def split_units(cell: str) -> list[str]:
    """Split "市住房建设局、各区政府（大鹏新区、深汕特别合作区管委会）" on 、 outside brackets (or a comma, a semicolon),
    and on a slash where every name it separates is a name of its own ("区教育局/区财政局"): a single character
    between slashes ("各县/市/区", "市/县两级交通部门") is a place a name shares, and the cell one unit."""
    units, depth, current = [], 0, []
    for char in cell:
        if char in "（(【[":
            depth += 1
        elif char in "）)】]":
            depth = max(depth - 1, 0)
        if char in "、,，;；" and depth == 0:
            units.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    units.append("".join(current).strip())
    for k in range(len(units) - 2, -1, -1):  # "各市(县)、区政府": levels abbreviated in a bracket share the office after them,
        # which goes on with a level they have not named ("各县(市、区)、市财政局": the bracket's levels close, two units),
        # no higher than theirs ("各县(区)、市财政局": the issuing city's office, two units)
        if LEVELS_RE.fullmatch(units[k]) and units[k + 1][:1] in LEVEL_CHARS and units[k + 1][0] not in units[k] \
                and LEVEL_RANKS[units[k + 1][0]] >= min(LEVEL_RANKS[c] for c in units[k] if c in LEVEL_RANKS):
            units[k:k + 2] = [f"{units[k]}、{units[k + 1]}"]
    units = [name for unit in units if unit for name in _slashed(unit)]
    k = len(units) - 1
    while k > 0:  # "官井街、苏澳街、白沙街沿线的相关村" (or "官井街/苏澳街/…"): the villages along the three streets, one unit
        first = k
        while LOCATED_RE.fullmatch(units[k]) and first > 0 and BARE_PLACE_RE.fullmatch(units[first - 1]) \
                and not ends_like_unit(units[first - 1]):
            first -= 1
        units[first:k + 1] = ["、".join(units[first:k + 1])]
        k = first - 1
    return [part for name in shared_tails(units) for part in _run_together(name)]


# a unit named by where it lies ("白沙街沿线的相关村", "景区周边的商户"), and a place's bare name before it ("官井街", no
# office's ending, no collective's opening): the places it lies along, part of its name
LOCATED_RE = re.compile(r"[^的、]{1,12}(?:沿线|周边|沿岸|两侧|一带)的[\u4e00-\u9fff]{1,8}")
BARE_PLACE_RE = re.compile(r"(?!各|相关|所在)[\u4e00-\u9fff]{2,6}")


# where a whole office's name ends: its suffix (局, 委, 办, 院, 中心, 站, 所 …), the next name opening with the same level
RUN_TOGETHER_RE = re.compile(r"(?:局|委|办|院|中心|站|所|部|厅|队|府|室)(?=(?P<level>[省市县区])(?!场))")


# two sections of an office, no level before either, each ending with 处 and none of them an 办事处 (a town's office) or
# a kind of them ("各处"): "经济发展处交通与建设处" run together in a copy, as the cell's other lines list them apart
SECTION = r"(?!各|相关|有关|与)(?:(?![和及])[\u4e00-\u9fff]){2,8}?(?<!办事)处"
SECTIONS_RUN_TOGETHER_RE = re.compile(rf"({SECTION})({SECTION})")


# the end of a whole office of government (a bureau, a committee, an office, a court, a department, a government), where
# a second office run on after another is one of the same level; a unit inside an office (处, 科, 室, 队, 所, 站, 中心)
# after a bureau's name is that bureau's ("市住建局市政工程处", "市人社局市就业服务中心"), and so is a branch or a
# hospital ("市生态环境局市区分局", "市卫健委市直医院"): one name
WHOLE_OFFICE_RE = re.compile(r"(?:(?<!分)局|委|办|(?<![医学])院|厅|部|政府|办公室|委员会)$")  # a 分局, a 医院: units


# a collective with a list of its places in a bracket ("各片区（乡镇、街道）"; "各县(市、区)" is levels, LEVELS_RE) and an
# office run on after it, opening with its level
COLLECTIVE_THEN_OFFICE_RE = re.compile(r"^(各[^（()）、，,；;\s]{1,8}[（(][^（()）]{1,12}、[^（()）]{1,12}[）)])([省市县区].{2,})$")


def _run_together(name: str) -> list[str]:
    """Two offices' whole names run together, the separator lost in a copy ("区发改局区统计局", "市委宣传部市文广旅局"):
    split where a name of three characters or more, opening with a level (区, 市, 县, 省), ends with an office's suffix and
    the rest opens with the same level and ends like a whole office (WHOLE_OFFICE_RE), no figure in
    it. One office's parts stay whole: a section
    or a unit under a bureau opens with no level ("市公安局交警支队", "区卫健局疾控中心"), a party committee's department
    neither ("市委宣传部"); a joint office after a bare 县委 ("县委县政府督查室") or 市场 after 市 ("市商务局市场科") are no
    second name. A collective closed by its bracket ("各片区（乡镇、街道）") before such an office is a name of its own."""
    if (m := COLLECTIVE_THEN_OFFICE_RE.match(name)) and WHOLE_OFFICE_RE.search(m[2]) and not LEVELS_RE.fullmatch(m[1]) \
            and not re.search(r"[\d（()）\s]", m[2]):
        return [m[1], *_run_together(m[2])]  # "各片区（乡镇、街道）区党工委党群工作部…": the collective closed by its bracket
    if m := SECTIONS_RUN_TOGETHER_RE.fullmatch(name):  # "经济发展处交通与建设处": two sections of one office (wrong52)
        return [m[1], m[2]]
    if not name or name[0] not in "省市县区" or re.search(r"[\d（()）\s、，,；;]", name):
        return [name]
    for m in RUN_TOGETHER_RE.finditer(name, 2):
        head, rest = name[:m.end()], name[m.end():]
        if m["level"] == name[0] and len(rest) >= 3 and WHOLE_OFFICE_RE.search(rest):
            return [head, *_run_together(rest)]
    return [name]


LEVEL_CHARS = "省市县区乡镇"
LEVEL_RANKS = {"省": 0, "市": 1, "县": 2, "区": 2, "乡": 3, "镇": 3}  # 县 and 区 one level, under 市
LEVELS_RE = re.compile(rf"各?[{LEVEL_CHARS}]+[（(][{LEVEL_CHARS}、]+[）)]")  # "各市(县)": places by their levels only, no office


def _slashed(unit: str) -> list[str]:
    """Offices joined by "/" ("县住建局/县财政局", "西秀区/普定县"); a "/" inside one office's two names stays
    (_one_name: "县住建/城管局")."""
    names = [name.strip() for name in re.split(r"[/／](?![^（(]*[）)])", unit)]
    if len(names) < 2 or not all(len(name) >= 2 for name in names):
        return [unit]
    joined = [names[0]]
    for name in names[1:]:
        joined[-1:] = [f"{joined[-1]}/{name}"] if _one_name(joined[-1], name) else [joined[-1], name]
    return joined


def _one_name(before: str, after: str) -> bool:
    """A "/" inside one office's name: the word before it a place and a short form with no office's ending anywhere
    ("县住建"), the word after an office that opens with no place ("城管局"), the place and the 局 both words'. Every body
    of a kind ("各村/环发公司": 各村, kind_whole) and a kind of business ("各星级酒店/旅游景区": BUSINESS_KINDS) is a unit
    whole, no short form."""
    return before[0] in PLACE_START and not any(char in OFFICE_END for char in before[1:]) and not before.endswith(UNITS_END) \
        and not kind_whole(before) and not before.endswith(BUSINESS_KINDS) and not after.startswith(tuple(PLACE_START)) \
        and ends_like_unit(after)


# businesses of the tourist trade, a notice's addressees by their kind ("各星级酒店", "旅游景区"): a kind named by its
# class is every business of it (list_doers._kind_subject), a unit whole before a slash (_one_name)
BUSINESS_KINDS = ("酒店", "宾馆", "饭店", "景区", "旅行社")

# Every body of a kind — one vocabulary for the reader (README "Every body of a kind as a sentence's doer"): a definite
# kind ("各村", "各部门", "各乡镇", "各单位": the plan's addressees) is a set of offices and a doer; a kind left open
# (OPEN_KINDS: "各有关部门", "相关单位", "各涉及乡镇" — the document leaves its reader to say which), the plan's own roles
# ("各责任单位", "各牵头单位") and levels alone ("各级…") name no kind, and no doer; every level of a kind does ("各级各类
# 医疗机构": the plan's addressees)
OPEN_KINDS = "|".join((*COLLECTIVE, "涉及"))
PLAN_ROLE_KINDS = "责任|牵头|配合|协办"
EVERY_KIND_RE = re.compile(rf"各(?!{OPEN_KINDS}|{PLAN_ROLE_KINDS}|级(?!各类))")  # opening a definite kind's name
OPEN_KIND_RE = re.compile(rf"各?(?:{OPEN_KINDS})")  # opening a kind left open's name


def kind_whole(name: str) -> bool:
    """A kind of body named in a word or two after 各 ("各村", "各乡镇", "各有关"), definite or left open: a unit whole,
    never a place's short form sharing an office's name ("各县住建/城管局" is one)."""
    return len(name) <= 3 and (EVERY_KIND_RE.match(name) is not None or OPEN_KIND_RE.match(name) is not None) \
        and name.startswith("各")


# a space before an office's suffix alone, closing the name ("各片区管理 局，"): one name the copy broke
BROKEN_SUFFIX_RE = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=(?:局|委|办|处|厅|院)(?:[、，,；;。\s]|$))")
GROUP_GAP_RE = re.compile(r"(?<=[^\s、，,；;：:/／])\s+(?=[^\s、，,；;：:/／])")
NUMBER_LABEL_RE = re.compile(r"[（(]\s*(?:\d+|[一二三四五六七八九十]+)\s*[）)]")  # "（2）市水务集团": a group's label
WORD_RE = re.compile(r"\S+")
BRACKET_RE = re.compile(r"[（()）]")


def split_groups(cell: str) -> list[str]:
    """Whitespace between two names separates groups ("市住房城乡建设局(…) 市住房城乡建设局(…)"); not after a mark
    that joins a list ("县教育局、 县财政局", "县教育局/ 县财政局": a line broken after it), nor where it separates no
    names (without_bracket_gaps: "市教育局（各县 (市、区)）", "各县 (市、区) 人民政府"), nor before an office's suffix
    alone, a name broken in the copy ("各片区管理 局，各非遗保护单位": 各片区管理局, wrong52)."""
    cell = BROKEN_SUFFIX_RE.sub("", cell)
    if not BRACKET_RE.search(cell):  # no bracket: every gap separates
        parts = _places_along([p for p in GROUP_GAP_RE.split(cell.strip()) if p.strip()])
        return parts or ([cell.strip()] if cell.strip() else [])
    parts, current = [], []
    for piece, gap, separates in _gaps(cell.strip()):
        current.append(piece)
        if separates:
            parts.append("".join(current))
            current = []
        else:
            current.append(gap)
    parts = _places_along([p for p in [*parts, "".join(current)] if p.strip()])
    return parts or ([cell.strip()] if cell.strip() else [])


def _places_along(groups: list[str]) -> list[str]:
    """"官井街 苏澳街 白沙街沿线的相关村" typed with spaces: the bare places before a unit named by where it lies are part of
    its name (split_units), one group with it, listed with 、; a group of several names whose last is such a place
    ("环发公司，官井街") joins it whole, split_units telling its names apart."""
    k = len(groups) - 1
    while k > 0:
        first = k
        while LOCATED_RE.fullmatch(groups[k]) and first > 0:
            *others, last = split_units(groups[first - 1]) or [""]
            if not BARE_PLACE_RE.fullmatch(last) or ends_like_unit(last):
                break
            first -= 1
            if others:
                break
        groups[first:k + 1] = ["、".join(groups[first:k + 1])]
        k = first - 1
    return groups


def without_bracket_gaps(cell: str) -> str:
    """The cell without the spaces a copy left at a bracket, which separate no names: inside a bracket that closes
    ("市教育局（各县 (市、区)）", either width, nested), before a bracket, which is the name's before it ("各县 (市、区)";
    a group's label, "（2）", starts a group), and before the office of places named by their levels ("各县(市、区)
    人民政府"); a space between two words inside a bracket ("（县城投公司 县交投公司）") stays, as printed."""
    return "".join(piece + gap for piece, gap, _ in _gaps(cell)) if BRACKET_RE.search(cell) else cell


def _gaps(text: str) -> list[tuple[str, str, bool]]:
    """The text as pieces, each with the whitespace after it ("" after the last) and whether that separates groups;
    a gap that separates none and touches a bracket is dropped."""
    inside = _in_brackets(text)
    pieces, at = [], 0
    for gap in GROUP_GAP_RE.finditer(text):
        before, after = text[at:gap.start()], text[gap.end()]  # the character after (a long cell is read in linear time)
        joined = gap.start() in inside or after in "（(" and not NUMBER_LABEL_RE.match(text, gap.end()) \
            or LEVELS_RE.fullmatch(re.sub(r"\s+", "", "".join(p + g for p, g, _ in _since_group(pieces)) + before)) \
            and _office_suffix(WORD_RE.match(text, gap.end())[0])
        touching = text[gap.start() - 1] in "（()）" or after in "（()）"
        pieces.append((before, "" if joined and touching else gap[0], not joined))
        at = gap.end()
    return [*pieces, (text[at:], "", False)]


def _since_group(pieces: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """The pieces after the last gap that separates groups."""
    k = len(pieces)
    while k and not pieces[k - 1][2]:
        k -= 1
    return pieces[k:]


def _office_suffix(word: str) -> bool:
    return word == "政府" or OFFICE_SUFFIX_RE.fullmatch(word) is not None


def _in_brackets(text: str) -> set[int]:
    """The positions inside a bracket that closes ("（", "(", either width, nested); one never closed holds none."""
    inside: set[int] = set()
    opens: list[int] = []
    for k, char in enumerate(text):
        if char in "（(":
            opens.append(k)
        elif char in "）)" and opens:
            inside.update(range(opens.pop() + 1, k))
    return inside


OFFICE_END = "局委办府院司部会厅处心团道镇乡区联协队站所组社）)"  # 处: 环卫处, 办事处, 管理处; 社: 供销联社, 合作社;
# 联, 协: a people's organisation by its short name ("区妇联", "科协", "政协")
UNITS_END = ("单位", "部门", "企业", "集团", "银行",  # "各管线产权单位": units of their own, not half a name
             "支行", "分行", "海关", "机构",  # outside a local government's forms: "人民银行平潭支行", "平潭海关",
             "处室")  # "驻岚相关金融监管机构": a bank's branch, a customs office, an institution; "各处室", "各业务处室":
# a bureau's divisions, each doing its part

# a school or a kindergarten ("实验小学", "海滨学校", "第二实验幼儿园", "海峡儿童学园"): a body answering for its own
# quota of pupils where a role's label or its own work names it (item_offices._labelled_name, list_roles.opening_body),
# no office's ending elsewhere ("建设公办幼儿园" names what is built)
SCHOOL_END = ("幼儿园", "学园", "小学", "中学", "学校")


def registered_at(place: str, verbs: str = "登记|报名", applying: str = "") -> re.Pattern[str]:
    """The body registration is made at ("于6月29日至7月3日到教育处登记", "…到城南学校申请登记"): `place` its name's
    pattern (the group), `verbs` the registering, `applying` what may stand between them ("申请")."""
    return re.compile(rf"到{place}{applying}(?:{verbs})")

PLACE_START = "市县区省镇乡街村各州盟旗"


# an office named a 室 by its work ("区督查室", "县政府办公室", "市委政研室", "片区值班室"); a room ("村卫生室", "活动室") is an object
OFFICE_ROOM_RE = re.compile(r"(?:督查|督办|办公|研究|政研|信访|法制|审计|督导|值班)室$")
# a section of an office named before it ("局宣传科", "县教育局基教科", "县卫健委医政科"): the office's own unit, as its 处 is;
# a 科 alone ("外科", "学科", "口腔科") or a hospital's ("市中心医院儿科") names a subject or a ward, no office; the section
# follows a whole office's name (two characters or more before its end, or the office's end alone), not a verb's 办
# ("开办本科", "举办专科": a school's courses)
OFFICE_SECTION_RE = re.compile(r"(?:^|[\u4e00-\u9fff]{2})(?:局|委|(?<![开举承创兴])办|中心)(?![\u4e00-\u9fff]*院)"
                               r"[\u4e00-\u9fff]{1,6}科$")


# a body the plan sets up for its work, named by that work: "…工作领导小组", "…工作专班", "…指挥部", "专项整治行动工作组", a
# 小组 of a kind of work ("考核小组", "督导小组"), a 组 named by the work it does ("督查组", "检查组", "筹建组": two characters
# or more before 组). Not one set up in the words ("成立…领导小组": the verb's object), nor a group named by no work
# ("学习兴趣小组", "村民小组"), counted or split ("第一组", "每个小组", "重新分组"), 组织, a group's leader ("小组长", "副组长")
SET_UP_VERBS = r"成立|组建|建立|设立|组成|组织|抽调|设置|配备"
GROUP_WORK = r"领导|工作|考核|督查|督导|督办|检查|巡查|验收|评审|评估|协调|指导|推进|整治|专家|联络|应急|调查|普查"
# a character of a body's name: no 要, 的 or 为 (a sentence's: "各校要组建…", "以…为组长")
NAME_CHAR = r"(?:(?![要的为])[\u4e00-\u9fff])"
SET_UP_RE = re.compile(rf"(?!{SET_UP_VERBS})(?:{NAME_CHAR}{{0,20}}?(?:(?:{GROUP_WORK})小组|指挥部|工作专班|工作组(?!织)|工作队)|"
                       rf"{NAME_CHAR}{{2,20}}?(?<![小副第每各本该此分改重编拆单双两几一二三四五六七八九十])组(?!织))")


def group_body(name: str) -> bool:
    """Whether a name ending in 组 is a body that does work (SET_UP_RE); a name ending otherwise is not judged here."""
    return not name.endswith("组") or SET_UP_RE.fullmatch(name) is not None


# a section named by its office's own work, alone ("医政科负责…", "财务科要…") or after its level: an office's unit as
# "局医政科" is (OFFICE_SECTION_RE); a ward or a course named by its medicine or its subject ("外科", "口腔科", "本科") is none
SECTION_WORKS = (r"医政|药政|财务|计财|财会|办公|人事|综合|规划|政工|宣传|基教|法规|法制|安全|监督|党务|秘书|行政|后勤|信息|"
                 r"统计|审批|业务|科教|公卫|疾控|妇幼|基层|农经|组织|纪检|监察|督查|审计|教务|学工|保卫|总务|体卫|职成|招生|计生|"
                 r"项目|工程|质检|执法|治安|户政|社会事务")
SECTION_NAME_RE = re.compile(rf"(?:^|[省市县区局委办])(?:{SECTION_WORKS})科$")


def ends_like_unit(text: str) -> bool:
    return text.endswith((*OFFICE_END, *UNITS_END)) or OFFICE_ROOM_RE.search(text) is not None \
        or OFFICE_SECTION_RE.search(text) is not None or SECTION_NAME_RE.search(text) is not None


def whole_unit(line: str) -> bool:
    """A line that is a unit's name on its own: it ends like an office and is more than a tail ("市委" is; "公厅",
    "局", the end of a name broken over lines, are not)."""
    return ends_like_unit(line) and (len(line) > 2 or line[:1] in PLACE_START)


def _name_head(line: str) -> bool:
    """The start of a name broken over lines ("市政", "长沙", "市", "市人力资源"): it ends like no office, nor like a
    place that is a unit on its own ("各区县市", "浏阳市"), and is a fragment: three characters or fewer, or starting
    with a place ("市", "各"); a line of four or more that starts elsewhere ("中国电信") is a name of its own."""
    return not ends_like_unit(line) and not (len(line) >= 3 and line.endswith(tuple("市县州省旗盟"))) \
        and (len(line) <= 3 or line[0] in PLACE_START)


# a town's, a township's, a street's, a community's or a village's name ("城关镇", "城北街道", "白水村"): no office's
# ending, yet where an office stands (a bracket after an item's stop, "由…负责落实", a 责任单位 label) the body that does a
# 民生实事's work; a word ending like one ("城乡", "农村", "美丽乡村") names no town
TOWN_END = ("镇", "乡", "街道", "镇街", "社区", "村", "村居")  # 村居: a village or a community
TOWN_WORDS = ("城乡", "乡村", "农村", "城镇", "乡镇", "小镇", "城市社区", "农村社区", "城乡社区", "贫困村", "行政村", "自然村",
              "中心村", "建制村")
# the towns of an area or of the work, every one its own office: "各乡镇", "城区各街道", "全县各行政村", "属地镇街",
# "项目所在乡镇", "各相关乡镇", "各涉及乡镇", "涉鲍鱼养殖村居" — an area (or none), then who (各, 所在, 属地, 相关, 有关,
# 涉及, 涉 and the work), then the level
TOWN_LEVEL = r"(?:乡镇|镇街|街镇|街道|镇|乡|社区|行政村|村居|村)"
TOWN_GROUP_WORDS = r"各|所在地?|属地|相关|有关|涉及|涉[\u4e00-\u9fff]{1,6}?"
TOWN_GROUP_RE = re.compile(rf"(?P<area>[\u4e00-\u9fff]{{0,6}}?[{AREA_LEVELS}]|辖区|沿线|)各?(?:项目|工程)?"
                           rf"(?:{TOWN_GROUP_WORDS}){{1,2}}{TOWN_LEVEL}")


ZONE_NAME_RE = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,4}片区)(?![\u4e00-\u9fff])")  # "海坛片区" in a list


def zones_administered(text: str) -> str:
    """A list of offices naming zones by their own names ("海坛片区，区经发局、征安办，金井片区"), each zone written as its
    片区管理局, whose name it stands for where a label says an office stands ("责任单位：…"); a zone in a bracket after an
    item's words ("（城东片区 各县区）") is a place, and is not read so."""
    return ZONE_NAME_RE.sub(r"\1管理局", text)


def town_name(name: str) -> bool:
    """A town's or a street's name as an office would stand in its place: a place's own name ("城关镇", "城北街道") or the
    towns of an area or of the work (TOWN_GROUP_RE: "各镇（街道）", "城区各街道", "项目所在乡镇"); a bracket after it
    ("（街道）") is part of it. A scope or a benefit ("惠及各村", "覆盖青山镇"), a kind of town ("重点镇", "试点村"), a
    figure, a stop or a word alone ("城乡", "农村社区") is none."""
    bare = re.sub(r"[（(][^（）()]*[）)]$", "", name)
    if not bare.endswith(TOWN_END) or re.search(r"[\d\s，。；;:：、]", bare) or bare.startswith(SCOPE_OPENINGS):
        return False
    if group := TOWN_GROUP_RE.fullmatch(bare):
        return not any(kind in group["area"] for kind in TOWN_KINDS)  # "重点镇各村": the villages of a kind of town
    if central := CENTRAL_PLACE_RE.fullmatch(bare):  # "城关镇中心社区": one town's centre, one place (中心村 alone: a kind)
        bare = central["town"]
    return not re.search(TOWN_GROUP_WORDS, bare) and not any(kind in bare for kind in TOWN_KINDS) and len(bare) >= 3 \
        and not bare.endswith(TOWN_WORDS)


CENTRAL_PLACE_RE = re.compile(r"(?P<town>[\u4e00-\u9fff]{1,6}?(?:镇|乡|街道))中心(?:社区|村)")


ZONE_RE = re.compile(r"(?:开发|经开|高新|新|园|工业|保税|示范|试验|景|片|社|城)区$")  # a zone is a unit of its own
PLACE_LINE_RE = re.compile(r"(?=..)各?[^各局委办府院司部会厅处心团道镇乡队站所组单位门]{0,6}[市县省州区]")


def _place_then_office(line: str, following: str | None) -> bool:
    """A line that is only a place ("长沙市", "湖南省", "各区县市") heads the name on the next line when that one starts
    with no place and ends like an office ("教育局", "人民政府"): "各区县市\n市直各单位", "长沙市\n长沙县" and
    "长沙市\n中国电信" are two units each."""
    return following is not None and PLACE_LINE_RE.fullmatch(line) is not None and not ZONE_RE.search(line) \
        and bool(following) and following[0] not in PLACE_START and PLACE_LINE_RE.fullmatch(following) is None \
        and ends_like_unit(following) and not following.startswith(COLLECTIVE) and not re.search(r"[、，,；;\s（）()]", following)


def _starts_a_name(line: str, head: list[str]) -> bool:
    """An office's whole name ("市教育局") after a fragment as long as a name starts a name of its own: the lines of a
    broken name are fragments, much shorter than the name they end in ("长沙", "先导" before "区管委会"), and its
    tail starts no place ("社会保障局")."""
    return whole_unit(line) and line[0] in PLACE_START and all(4 * len(h) >= 3 * len(line) for h in head)


AREA_END = "乡区镇街道"  # an area's name, or a word ending like one ("城乡"), that an office's suffix may follow
OFFICE_SUFFIX_RE = re.compile(rf"(?![{PLACE_START}]|相关|有关|其他|其它)[\u4e00-\u9fff]{{1,3}}[局委办会厅]|人民政府|办事处")


def _office_after_area(line: str, following: str) -> bool:
    """A line ending like an area ("湘江新区", "市住房和城乡") and one that is only an office's suffix, naming no place
    ("管委会", "建设局", "人民政府"): one name broken before its office; "岳麓区\n望城区" and "城区\n市教育局" are two,
    and so are "各街道\n卫健委" (each of a kind, no one area's office) and "城区\n财政局" (two characters: a word for
    an area, no name an office's is broken from)."""
    return line.endswith(tuple(AREA_END)) and not re.search(r"[、，,；;\s（）()]", line) and len(line) >= 3 \
        and not line.startswith(("各", *COLLECTIVE)) \
        and OFFICE_SUFFIX_RE.fullmatch(following) is not None


# "节能与综合 利用司", "信息化和软件 服务业司": a name broken inside its words, the copy's line break left as a space — the
# head ends on a conjunction's short second word (和, 与, 及 before it), no office's name inside it ("…事业局民政条线" is
# a unit of its own), and the tail is an office's end
NAME_CHARS = r"[^\s、，,；;（()）局委办厅司部]"  # a character of a name's head: no gap, separator, bracket nor office's end
BROKEN_AT_GAP_RE = re.compile(rf"^({NAME_CHARS}*[和与及]{NAME_CHARS}{{1,4}})\s+((?![{PLACE_START}])[^\s、，,；;（()）]+)$")


def _gap_inside_name(line: str) -> str:
    """The line with a gap inside one office's name closed (BROKEN_AT_GAP_RE); as printed otherwise."""
    m = BROKEN_AT_GAP_RE.match(line.strip())
    return f"{m[1]}{m[2]}" if m and not ends_like_unit(m[1]) and ends_like_unit(m[2]) else line


def joined_names(cell: str) -> str:
    """A unit's name broken over the lines of a narrow cell ("市人力资源\n社会保障局", "市政\n府办\n公厅",
    "市\n监\n察\n局") is one name again: a line that does not end like an office is the head of a name and joins the
    lines after it until the name ends like one; a short tail ("公厅") joins the name broken before it. A cell whose
    lines are each a whole unit ("中国电信\n中国移动", "市教育局\n市财政局", "各区县市\n市直各单位") stays a list. A
    line break a copy left as a space inside a name ("节能与综合 利用司") is closed (_gap_inside_name)."""
    out: list[str] = []
    head: list[str] = []  # the lines of a name not yet ended
    broken = False  # the last name was joined from lines
    lines = [_gap_inside_name(line) for line in cell.split("\n")]
    for k, line in enumerate(lines):
        if not head and _place_then_office(line, lines[k + 1] if k + 1 < len(lines) else None):
            head = [line]  # "长沙市\n教育局": the place a name starts with, broken before its office
        elif not line or re.search(r"[、，,；;\s]", line) or (head and line.endswith(UNITS_END)):
            out += [*head, line]  # "各管线产权单位": a unit of its own, never the end of a broken name
            head, broken = [], False
        elif head and _starts_a_name(line, head):
            out += [*head, line]  # "中国电信\n中国移动\n市教育局": whole names, no fragments of one
            head, broken = [], False
        elif head:
            head.append(line)
            if line.endswith(tuple(OFFICE_END)):
                out.append("".join(head))
                head, broken = [], True
        elif out and not head and re.fullmatch(r"[（(][^（）()]+[）)]", line) and not re.search(r"[（(]", out[-1]):
            out[-1] += line  # "各相关乡镇\n（街道）": the bracket of levels of the name before, on a line of its own
        elif out and broken and not whole_unit(line) and ends_like_unit(line):
            out[-1] += line  # "市政\n府办\n公厅": the tail of the name before
        elif out and k and out[-1] == lines[k - 1] and _office_after_area(lines[k - 1], line):
            out[-1] += line  # "市住房和城乡\n建设局", "湘江新区\n管委会": the office of the area before
        elif _name_head(line):
            head = [line]
        else:
            out.append(line)
            broken = False
    out += head  # a head never ended ("中国电信\n中国移动"): lines as printed
    return "\n".join(out)


def full_names(cell: str) -> str:
    """A cell naming an office with its level and again without it ("区环境与国土资源局、农村发展局牵头，区农村发展局等
    参与", an item's two 责任单位 lines joined): the bare name is that office, written in full; a bare name alone in the
    cell stays as printed ("区旅游发展委员会、农村发展局")."""
    for name in dict.fromkeys(re.findall(rf"(?<![\u4e00-\u9fff])[{LEVEL_CHARS}][\u4e00-\u9fff]{{2,18}}?(?:局|委|办|院|中心|部)", cell)):
        cell = re.sub(rf"(?<![\u4e00-\u9fff]){re.escape(name[1:])}", name, cell)
    return cell


# "东城、西城片区管理局": two places sharing the office's name after them, the second carrying it
SHARED_TAIL_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}?(?P<tail>(?:片区|新区|园区|开发区|街道|社区|镇|乡)[\u4e00-\u9fff]*)$")
# "北厝、敖东等派出所": places, the last closed by 等, sharing the kind of office after it (an office's own ending, "派出所";
# never a kind left open, "部门", "单位": OPEN_TAILS)
SHARED_KIND_RE = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,4}?)等(?P<tail>[\u4e00-\u9fff]{2,5})$")
OPEN_TAILS = ("部门", "单位", "处室", "科室", "机构", "企业", "组织")
PLACE_HEAD_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")
# the last of a list of divisions by their short names, closed by their kind left open ("农机等部门", "旅游等处室",
# "农机等有关部门"): the name, the kind
# (not "等单位": "财政、民政等单位落实经费" names a kind that is no department's, test_table_held59)
SHORT_KIND_RE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,4}?)等(?:行业|有关|相关)?(?P<kind>部门|处室)$")


def _short_name(name: str) -> bool:
    """A division's short name ("经信", "海渔", "粮食"): two to four characters, no office's ending, no 各, no place's level."""
    return name in SHORT_OFFICE_NAMES or PLACE_HEAD_RE.fullmatch(name) is not None and not ends_like_unit(name) \
        and not name.startswith(("各", *AREA_LEVELS))


def shared_tails(names: list[str]) -> list[str]:
    """A place alone before the next office's name takes that name's tail ("金井湾、岚城片区开发管理局": two 管理局),
    back along the list ("金井湾、岚城、流水片区项目建设指挥部": three). An office's name closed by 等 ("规划局等") is
    no place, and every one of a kind ("各乡镇人民政府") no place's office to share; nor is an office called by its
    short name ("县发改、财政、城关镇": SHORT_OFFICE_NAMES, a level before it or not), which stays as printed. Short
    names closed by a kind left open ("经信、商务、海渔等部门", "经信、水利等处室": SHORT_KIND_RE) are divisions, each an
    office named as printed."""
    names = list(names)
    if len(names) > 1 and (kind := SHARED_KIND_RE.match(names[-1])) and _place_head(kind["place"]) \
            and ends_like_unit(kind["tail"]) and not kind["tail"].endswith(OPEN_TAILS) \
            and all(_place_head(name) for name in names[:-1]):
        return [f"{name}{kind['tail']}" for name in [*names[:-1], kind["place"]]]  # "北厝、敖东等派出所": two 派出所
    if len(names) > 1 and (kind := SHORT_KIND_RE.match(names[-1])) \
            and all(map(_short_name, [*names[:-1], kind["name"]])):
        return [*names[:-1], kind["name"]]  # "经信、商务、海渔等部门": three divisions
    for k in range(len(names) - 2, -1, -1):
        if PLACE_HEAD_RE.fullmatch(names[k]) and not ends_like_unit(names[k].removesuffix("等")) \
                and names[k].lstrip(AREA_LEVELS) not in SHORT_OFFICE_NAMES \
                and not names[k].endswith("等") and not names[k + 1].startswith("各") \
                and (m := SHARED_TAIL_RE.match(names[k + 1])):
            names[k] += m["tail"]
    return names


def _place_head(name: str) -> bool:
    """A place's bare name that may take the office's name after it: no office's ending, no short name of one."""
    return PLACE_HEAD_RE.fullmatch(name) is not None and not ends_like_unit(name) \
        and name.lstrip(AREA_LEVELS) not in SHORT_OFFICE_NAMES and not name.startswith("各")
