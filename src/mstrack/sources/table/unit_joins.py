"""Units named together in one cell: joined by 和, 及 or 与, or closed by 等 (and the count or the group after it), and the
bracket after a unit that scopes it. Split from units.py, which reads the roles of the units these names are."""

from __future__ import annotations

import re

from mstrack.sources.table.office_brackets import SCOPE_RE
from mstrack.sources.table.office_names import OFFICE_END, PLACE_START, UNITS_END, ends_like_unit, whole_unit

# the project a unit is named for, in the bracket after it ("南昌市政大道房地产有限公司(开发商配建学校项目)"): its scope
PROJECT_NOTE_RE = re.compile(r"[^（）()、，,；;]{2,20}项目")


def scoped(unit: str, scopes_only: bool = False) -> tuple[str, str]:
    """A unit and the bracket after it (the scope it is named for, among several leads); `scopes_only`: only a bracket
    that is a scope ("市民政局（含各区）") or names the project ("…有限公司(开发商配建学校项目)"): another
    ("市住建局（市城管局）", its other name) stays in the name."""
    m = re.match(r"^(.+?)\s*[（(]([^（）()]+)[）)]\s*$", unit)
    if not m or scopes_only and not (SCOPE_RE.fullmatch(m[2].strip()) or PROJECT_NOTE_RE.fullmatch(m[2].strip())):
        return unit.strip(), ""
    return m[1].strip(), m[2].strip()


# "市民政局等", "科协等" (a short name of two characters): the unit, and others the cell does not name
UNIT_THEN_DENG_RE = re.compile(rf"^(.+(?:[{OFFICE_END}]|{'|'.join(UNITS_END)}))\s*等$")
OTHERS_COUNT_RE = re.compile(r"(?:\d+|[一二三四五六七八九十]+)\s*[个家]\s*")  # "等8个", "等8家": how many others


BRANCH_RE = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:分局|分院|分公司|分行|支行|分中心|支队|大队|中队|派出所)$")


# a level's body named without its place ("人民政府", "党委"): after 和 it shares the place of the office before it
# ("各乡镇党委和人民政府": the towns' party committees and governments), no unit of its own
PLACELESS_BODY_RE = re.compile(r"^(?:人民政府|政府|党委|党工委|管委会|人大|政协|纪委)$")


def _starts_like_a_name(text: str) -> bool:
    """The right side of a 和 that is a unit of its own: it starts with a place ("市直相关单位", "各区县市人民政府") or
    is a whole unit ("财政局"), but not a branch of the office before the 和: "市公安局和平分局" (和平, a district)
    names one unit; nor a level's body without its place (PLACELESS_BODY_RE: "各乡镇党委和人民政府" is one unit)."""
    return len(text) > 1 and not PLACELESS_BODY_RE.match(text) \
        and (text[0] in PLACE_START or whole_unit(text) and not BRANCH_RE.match(text))


def joined_units(unit: str) -> list[str]:
    """Units joined by 和 / 及 / 与, or separated by 等 ("岳麓区和市直相关单位", "省农业厅等省直有关部门") are two, where
    the left side is a whole unit's name and the right one starts like a name; a 和 or 等 inside a name
    ("市住房和城乡建设局", "市公安局和平分局", "市等级评定中心") stays. After 等, a count ("等8家单位", "等12个市直部门")
    says how many others: no unit, but a named group after it ("市直部门") is one; a bare 部门 / 单位
    ("市消防救援支队等部门") names no group, and the cell stays as printed."""
    for m in re.finditer(r"[和及与等]", unit):
        left, right = unit[:m.start()].strip(), unit[m.end():].strip()
        inside = len(re.findall(r"[（(]", left)) > len(re.findall(r"[）)]", left))  # "(区国资公司和区城投公司代建)"
        if not whole_unit(left) or inside:
            continue
        if m[0] == "等" and (counted := OTHERS_COUNT_RE.match(right)):
            rest = right[counted.end():]
            return [left] if rest in ("", *UNITS_END) else [left, *joined_units(rest)]
        if ends_like_unit(right) and _starts_like_a_name(right):
            return [left, *joined_units(right)]
    return [unit]


CLOSING_PUNCTUATION = "。．.；;，,、：:"
CLOSING_OTHERS_RE = re.compile(r"(?<=\S)\s*等\s*(?:相关|有关|其他|其它)(?:部门|单位)$")  # "等部门" stays, as the seeds print it


def without_closing_others(cell: str) -> str:
    """"…、河南银保监局等相关部门", "区司法局等有关部门": the others a list closes with are no unit, after several units
    or one (close47: the corpus's readings, henan-2023, taishan-2021, gangcheng-2021; was: after one, the group stayed).
    After a name that ends like no office ("各渔业企事业等相关单位") they finish it: the cell stays as printed."""
    text = cell.strip().rstrip(CLOSING_PUNCTUATION)
    kept = CLOSING_OTHERS_RE.sub("", text)
    return kept if kept != text and ends_like_unit(kept.strip()) else cell


def without_closing_deng(groups: list[list[str]]) -> list[list[str]]:
    """"…、商贸物流园等" (or its names a group each, spaced): 等 after the last of several units closes the list,
    whatever its names end with: the last of each group of several, and the last of all when there are several."""
    several = sum(len(g) for g in groups) >= 2
    return [[*g[:-1], _without_deng(g[-1])] if g and (len(g) >= 2 or (several and k == len(groups) - 1)) else g
            for k, g in enumerate(groups)]


def _without_deng(name: str) -> str:
    return name[:-1].strip() if len(name) > 2 and name.endswith("等") else name
