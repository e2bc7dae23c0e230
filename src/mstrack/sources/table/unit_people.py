"""People named where units are expected: a unit's head beside it ("市民政局\n伍泽国", "县教育局（局长：张三）"), or a
person or a post leading ("张三同志", "分管副市长"). Split from units.py, which reads the roles and groups of units."""

from __future__ import annotations

import re

from mstrack.sources.table.column_rules import MEMBERS_HEADER
from mstrack.sources.table.office_names import ends_like_unit
from mstrack.vocabulary import (
    DUTY_WORDS,
    HELPER_ROLE_WORDS,
    LEAD_ROLE_WORDS,
    OVERSIGHT_ROLE_WORDS,
    RESPONSIBLE_WORD,
    ROLE_FOLLOWERS,
    ROLE_MANNERS,
    SHORT_OFFICE_NAMES,
)

LEAD_ROLES = (*LEAD_ROLE_WORDS, RESPONSIBLE_WORD)  # the roles that can make an office lead (units.py reads them too)

HEAD_TITLE = (r"(?:副|常务副)?(?:局长|主任|书记|部长|厅长|处长|科长|所长|站长|院长|校长|县长|区长|市长|镇长|乡长"
              r"|经理|总经理|董事长|组长|队长|理事长|主席)")
# a people's organisation by its short name ("妇联", "残联", "侨联", "科协", "政协"): a unit beside an office, no one's name
ORGANISATION_ENDS = ("联", "协")
UNITISH = set("市县区镇乡街村局委办厅处科所站队院校馆会社司部组团心府政各相关等省州旗盟集公")


def person(part: str, named: bool, *, short_names: bool = True) -> bool:
    """A unit's head named beside it ("伍泽国", "张三 局长", "局长"): a title of office, or a name none of whose
    characters names a place or an office, of two or three characters (four when a title follows it or the header
    names the heads: 牵头单位及主要负责人); a department's short name ("民政 文化 宗教", typed with spaces) is none when a
    cell is read (`short_names`), though it is still doubted as one (named_person: "卫健" may be a person's name)."""
    text = re.sub(r"\s+", "", part)
    if short_names and text in SHORT_OFFICE_NAMES:
        return False
    if re.fullmatch(HEAD_TITLE, text):
        return True
    if m := re.fullmatch(rf"([\u4e00-\u9fff]{{2,4}}?){HEAD_TITLE}", text):
        return not UNITISH & set(m[1])
    longest = 4 if named else 3
    return re.fullmatch(rf"[\u4e00-\u9fff]{{2,{longest}}}", text) is not None and not UNITISH & set(text) \
        and not text.endswith(ORGANISATION_ENDS)


# any word of a role, its manner or its work (vocabulary): a bracket holding one is about roles, never a person's name
ROLE_WORD_RE = re.compile("|".join(dict.fromkeys((*LEAD_ROLES, *HELPER_ROLE_WORDS, *OVERSIGHT_ROLE_WORDS, *DUTY_WORDS,
                                                  *ROLE_MANNERS, *ROLE_FOLLOWERS))))


def without_people(cell: str, header: str) -> str:
    """A unit cell that names the unit's head after it, on a line of its own or after a space ("市民政局\n伍泽国",
    "县教育局 张三 局长"), or in brackets ("县教育局（局长：张三）"; "县教育局（张三）" under a header that names the
    heads): the person, and a telephone number, are no unit; units listed with 、 or a comma are left as they are."""
    named = re.search(r"负责人|责任人|联系人|领导", header) is not None

    def bracket(m: re.Match) -> str:
        inner = re.sub(rf"^{HEAD_TITLE}\s*[:：]\s*", "", m[1])
        titled = inner != m[1] or re.search(rf"{HEAD_TITLE}$", inner) is not None
        if ROLE_WORD_RE.search(inner):
            return m[0]  # "（牵头）", "（代建）": a role, read by _roles
        return "" if (titled or named) and all(person(p, True) for p in re.split(r"[、，,\s]+", inner) if p) else m[0]

    cell = re.sub(r"\s*[（(][^（）()]*\d{7,}[^（）()]*[）)]", "", cell)  # a telephone number, with its label
    cell = re.sub(r"(?:(?:联系)?电话|手机)?\s*[:：]?\s*(?<![\d-])(?:\d{3,4}[-—])?\d{7,11}(?![\d-])", "", cell)
    cell = re.sub(r"\s*[（(]([^（）()]{2,20})[）)]", bracket, cell)
    lines = []
    for line in cell.split("\n"):
        parts = line.split()
        kept = [p for k, p in enumerate(parts) if not (k or lines) or not person(p, named)]
        if kept:
            lines.append(" ".join(kept))
    return "\n".join(lines)


POST_TITLE = rf"(?:{HEAD_TITLE}|(?:副)?秘书长|[河湖林路]长)"  # posts of a whole organ ("市政府副秘书长", "各级河长")
POST_SERVICE = r"热线|信箱|专线|邮箱|专班|平台|窗口|网站"  # "市长热线", "区长信箱": a post's service, an office, no name


def a_person(name: str) -> bool:
    """A person or a post named where an office is expected ("张三同志", "分管副市长", "李四副市长", "县委书记",
    "市政府副秘书长王五", "各级河长"): a name that ends with a title of office, or with a title and a person's short
    name after it, or a name with 同志. An office whose name holds a title ("市长热线办公室", "市河长制办公室") ends
    like an office, a title's service ("市长热线", "区长信箱") is one, and a short name alone ("妇联", "残联") is an
    office's."""
    text = re.sub(r"\s+", "", name)
    m = re.fullmatch(rf".*?{POST_TITLE}(?P<after>[\u4e00-\u9fff]{{2,3}})?|(?P<before>[\u4e00-\u9fff]{{2,3}}?)同志", text)
    return m is not None and not UNITISH & set(m["after"] or m["before"] or "") \
        and not re.match(POST_SERVICE, m["after"] or "")


def named_person(name: str) -> bool:
    """A person or a post where a unit is expected (a_person), or a person's short name alone ("张三", left of a role
    bracket): two or three characters, none of them a place's or an office's (UNITISH), not ending like an office."""
    return a_person(name) or (person(name, False, short_names=False) and not ends_like_unit(name))


def bodies_among(people: list[str], header: str) -> list[str]:
    """The bodies a column of an inspection's people names among its persons (column_rules.MEMBERS_HEADER: 检查人员;
    "林山、陈友金、中楼派出所", "…、村主干、中铁十六局等"), each without its closing 等: where the table prints no office
    column, they do the work beside the persons (the first leads, tests/data/tables/README.md's first-unit rule); the
    persons, and people named by their post ("村主干"), are no unit. [] for any other column."""
    if not re.match(MEMBERS_HEADER, re.sub(r"\s+", "", header)):
        return []
    return [body for name in people if ends_like_unit(body := re.sub(r"\s*等$", "", name))]
