"""The bracket after an office's name: its second name ("县发改局(粮食局)"), another unit ("县卫健局(县医院)"), or the
scope of its work ("县教育局(含城区)"). Split from units.py, which reads the lists these names stand in."""

from __future__ import annotations

import re

from mstrack.sources.table.office_names import TOWN_LEVEL, ends_like_unit
from mstrack.vocabulary import AREA_LEVELS, SCOPE_OPENINGS

SCOPE_RE = re.compile(r"(?:不?含|不?包括|包含)[^（）()]+")  # "（含各区）", "（不含高新区）": where the unit's work reaches
BRACKETED = r"(?:[^（）()]|[（(][^（）()]*[）)])"  # a character of a bracket's words, or a bracket inside it: "各县(市、区)"
SECOND_NAME_RE = re.compile(rf"[（(]({BRACKETED}{{2,40}})[）)]$")  # "县发改局(粮食局)": one bureau by its two names
LISTED_RE = re.compile(r"(?:[^、，,/／；;\s（）()]|[（(][^（）()]*[）)])+")  # "（县城管局、县财政局）": several units, never
# one office's second name; a bracket inside one ("各县(市、区)") is part of its name
ORGAN_END = tuple("局委办厅处部署会室")  # a government organ's name ends so ("…办公室" too): two such names in one are a merged bureau's
# a public body's name ("区农业农村中心") and the organ or 供销社 it also goes by ("（区供销社）"): one body, two names
BODY_END, BODY_ALIAS_END = ("中心",), (*ORGAN_END, "社")
LEVELS_ONLY_RE = re.compile(rf"(?:{TOWN_LEVEL}|[{AREA_LEVELS}]|[、/／])+")  # "各相关乡镇（街道）": levels, no unit's name
PLACE_ONLY_RE = re.compile(r"^[^各].*(?:[区镇乡村]|街道)$")  # "县住建局（城区）": where it works, no unit ("各乡镇": every one)
SEAT_WORDS = ("设在", "挂靠", "位于")  # "…指挥部办公室（设在市自然资源局）": where the office sits, no other unit
EACH_UNIT_RE = re.compile(r"各[\u4e00-\u9fff]{2,8}")  # "县教育局（各学校）": every one of a kind, under the office before


def bracketed_unit(name: str) -> tuple[str, str, bool] | None:
    """An office's name and the unit its closing bracket names: (the office, the bracket's unit, whether that is the
    office's second name). A second name when both are organs' names, with a place of its own or without: a merged
    bureau ("县发改局(粮食局)", "县人社局（医保局）", "市建设局(市规划局)", "市委农办(市农业局)"), or a public body's 中心
    with the organ or 供销社 it is too ("区农业农村中心（区供销社）": one office, close47), a single organ's name
    only: a bracket listing several ("（县城管局、县财政局）", "、" joining them here) names other units, unless each is a
    division of the bureau ("区社会事业局（民政处、医政处）": its parts doing the work, the office's own as a second name
    is); another unit when it is another kind ("县卫健局(县医院)", "县住建局（县城投公司）"), or every unit of a kind
    ("县教育局（各学校）"). None for a bracket of scope, levels or a place ("(含城区)", "各市(县)", "各相关乡镇（街道）",
    "（城区）"), one saying where the office sits ("（设在市自然资源局）"), and after every unit of a kind ("乡镇卫生院（社区卫生服务中心）"
    too, KIND_LEVEL_RE), whose bracket names the other kinds it means ("各镇政府(街道办事处)", "各街办(新区)",
    "各县(市、区)政府(管委会)")."""
    m = SECOND_NAME_RE.search(name)
    listed = LISTED_RE.findall(m[1]) if m else []
    if len(listed) >= 2:  # "县住建局（县城管局、县财政局）": the units working with the office, each of them
        outer = name[:m.start()].strip()
        if outer.endswith(ORGAN_END) and all(map(DIVISION_RE.fullmatch, listed)):  # "区社会事业局（民政处、医政处）"
            return outer, "、".join(listed), True
        if all(len(part) <= 20 and ends_like_unit(part) for part in listed) and ends_like_unit(outer) \
                and not outer.startswith("各") and not SCOPE_RE.match(m[1]) and not m[1].startswith(SCOPE_OPENINGS):
            return outer, "、".join(listed), False
        return None
    if not m or len(m[1]) > 10 or not (ends_like_unit(m[1]) or EACH_UNIT_RE.fullmatch(m[1])) or SCOPE_RE.match(m[1]) \
            or m[1].startswith(SCOPE_OPENINGS) or LEVELS_ONLY_RE.fullmatch(m[1]) \
            or PLACE_ONLY_RE.search(m[1]) or m[1].startswith(SEAT_WORDS) \
            or not ends_like_unit(outer := name[:m.start()]) or outer.startswith(EVERY_ONE) or KIND_LEVEL_RE.match(outer):
        return None
    return outer, m[1], outer.endswith(ORGAN_END) and m[1].endswith(ORGAN_END) \
        or ZONE_ADMINISTRATION_RE.search(outer) is not None and TOWN_GOVERNMENT_RE.fullmatch(m[1]) is not None \
        or outer.endswith(BODY_END) and m[1].endswith(BODY_ALIAS_END) or _one_stem(outer, m[1]) \
        or GROUP_RE.search(outer) is not None and m[1].endswith("公司")


# a division of a bureau by its work ("民政处", "医政处", "社保科"): no level of its own, the bureau's part; several in the
# bracket after their bureau are its parts that do the work, one office with it (read50c), never units of their own
DIVISION = rf"[^{AREA_LEVELS}乡各][\u4e00-\u9fff]{{1,8}}[处科股室]"
DIVISION_RE = re.compile(DIVISION)
EVERY_ONE = ("各", "相关", "有关")  # "各乡镇（林业站）", "相关乡镇（林业站）": every unit of a kind, the bracket its part
# "乡镇卫生院（社区卫生服务中心）": a kind at a level no place names (every township's), its bracket the kind that stands for
# it elsewhere (in a town's streets): one party, as "各镇政府(街道办事处)" is
KIND_LEVEL_RE = re.compile(r"^(?:乡镇|镇街|街镇|村居)")
# "岚城片区管理局（岚城乡政府）": a zone's administration and the government of the town it administers, one body
ZONE_ADMINISTRATION_RE = re.compile(r"片区(?:开发)?管理局$")
TOWN_GOVERNMENT_RE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:乡|镇|街道)(?:人民)?(?:政府|办事处)")


# an office's level before its name and its kind after it: "区" 森林园林 "局", "区" 森林园林 "公司"
STEM_RE = re.compile(rf"^[{AREA_LEVELS}]?(?P<stem>[\u4e00-\u9fff]{{2,}}?)(?:局|委|办|中心|(?:集团)?(?:有限)?公司)$")


# "区国有资产投资集团有限公司（区森林园林公司)": a group and the company of it that does the work, one body
GROUP_RE = re.compile(r"集团(?:有限(?:责任)?公司|股份有限公司|公司)?$")


def _one_stem(outer: str, inner: str) -> bool:
    """A bureau and the company of its own name ("区森林园林局（区森林园林公司)"): one body under two names, as a
    merged bureau's are; a company of another name ("县住建局（县城投公司）") is another unit (read47c)."""
    a, b = STEM_RE.match(outer), STEM_RE.match(inner)
    return a is not None and b is not None and a["stem"] == b["stem"]


def named_offices(name: str) -> list[str]:
    """The names to check as offices: an office's first name alone ("县发改局(粮食局)" → 县发改局), both units when
    the bracket names another ("县卫健局(县医院)" → 县卫健局, 县医院), else the name."""
    if (found := bracketed_unit(name)) is None:
        return [name]
    return [found[0]] if found[2] else [found[0], *bracket_units(found[1])]


def bracket_units(text: str) -> list[str]:
    """The units bracketed_unit found in a bracket, each with the bracket of its own ("各县(市、区)": one unit)."""
    return LISTED_RE.findall(text)
