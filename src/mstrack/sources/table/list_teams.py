"""Teams a plan sets up for its work, each printed as three lines: its name numbered ("1．工厂企业排查整治小组。"), its
head by post ("组 长：分管安全生产副乡长") and the offices whose staff make it up, with its duty ("成员由安监站、消防办等工作
人员组成，负责对工厂企业进行排查整治…"): each team a task titled by its name, the offices its lead and units (the first
leads: tests/data/tables/README.md's first-office rule), the 组长 a post and no unit, the duty the team's content."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mstrack.sources.table.cells import row_texts
from mstrack.sources.table.list_numbered import ITEM_RE
from mstrack.sources.table.numbering import numbered_next
from mstrack.sources.table.office_names import ends_like_unit
from mstrack.sources.table.reading import Row
from mstrack.sources.table.units import office_list, unit_names

HEAD_RE = re.compile(r"^\s*组\s*长\s*[：:]\s*\S")  # "组 长：人武部长": the team's head, a post or a person
# "成员由A、B和C的工作人员及…组成，负责…": the offices whose staff make the team up, then its duty
MEMBERS_RE = re.compile(r"^\s*(?:成\s*员\s*[：:]?\s*)?由([^，,。；;：:]{2,120}?)组成\s*[，,]\s*(负责\S.*)$", re.S)
# "…的工作人员", "中心幼儿园负责人", "各村“两委”干部": an office's people; "各处室抽调一名干部", "各村选派2人": the people a
# kind of office sends (a staffing clause after the kind), the kind the unit
SENT = r"(?:各\s*)?(?:抽调|选派|派出|派)\s*[一二三四五六七八九十两\d]{1,3}\s*(?:名|人)"
STAFF_RE = re.compile(rf"(?:{SENT})?(?:的|等)?(?:工作人员|负责人|成员|干部)$|{SENT}$")
PERSON_END = ("员", "人", "组长")  # "综治协管员", "小组长": persons, no office
DOERS = "牵头单位：{lead}"
OTHERS = "；配合单位：{units}"
DUTY = "工作职责：{duty}"
MIN_TEAMS = 2  # teams in a run: one alone is a paragraph like any other


@dataclass(slots=True)
class StaffedRow(Row):
    """The line labelling an item's offices that the document's structure names, whatever their names (a school,
    "各村“两委”", "公安系统"), which a labelled line's own check (list_bracketed.item_label) would not know: a team's
    members (team_members), a measure's doers in its sentences (list_doer_lines.doers_below)."""


def team_members(rows: list[Row]) -> list[Row]:
    """The rows with each run of teams (MIN_TEAMS or more, numbered from 1 in order — past the second, numbered on
    though misnumbered —, each its name, its 组长 line and its members' line) rewritten as the items a list reads: the
    name without its stop, then the line labelling its offices ("牵头单位：A；配合单位：B、C", as a labelled line under an
    item is read) on the 组长's row, then its duty labelled as the item's work on the members' row. Other rows, and a
    run whose teams are not all so, stay as they are."""
    out: list[Row] = []
    k = 0
    while k < len(rows):
        run = _teams(rows, k)
        if len(run) < MIN_TEAMS:
            out.append(rows[k])
            k += 1
            continue
        for name, head, members, offices, duty in run:
            others = OTHERS.format(units="、".join(offices[1:])) if offices[1:] else ""
            out += [Row(name.number, [row_texts(name)[0].rstrip().rstrip("。.")]),
                    StaffedRow(head.number, [DOERS.format(lead=offices[0]) + others]),
                    Row(members.number, [DUTY.format(duty=duty)])]
        k += 3 * len(run)
    return out


def _teams(rows: list[Row], at: int) -> list[tuple[Row, Row, Row, list[str], str]]:
    """The teams printed from row `at` on, numbered from 1 in order (past the second, a number skipped or printed
    again: numbering.numbered_next): (name's row, 组长's row, members' row, the offices, the duty) each; [] when row
    `at` opens none."""
    found: list[tuple[Row, Row, Row, list[str], str]] = []
    k = at
    while k + 2 < len(rows):
        texts = [row_texts(rows[k + j]) for j in range(3)]
        if any(len(t) != 1 for t in texts) or not (item := ITEM_RE.match(texts[0][0])) \
                or not numbered_next(int(item[1]), len(found), int(ITEM_RE.match(row_texts(found[-1][0])[0])[1]) if found else 0) \
                or not HEAD_RE.match(texts[1][0]) \
                or not (members := MEMBERS_RE.match(texts[2][0])) or not (offices := member_offices(members[1])):
            break
        found.append((rows[k], rows[k + 1], rows[k + 2], offices, members[2].strip()))
        k += 3
    return found


def member_offices(words: str) -> list[str]:
    """The offices whose people make a team up ("中楼派出所、消防办、安监站和综治办的工作人员及各村“两委”成员、综治协管员":
    中楼派出所, 消防办, 安监站, 综治办, 各村“两委”), each once, in order; persons named by their post (协管员) left out."""
    found: list[str] = []
    for piece in re.split(r"[、，,]|(?:的|等)?(?:工作人员|负责人)?及", words):
        piece = STAFF_RE.sub("", piece.strip())
        for name in unit_names(piece) if piece else []:
            name = STAFF_RE.sub("", name)
            if len(name) >= 2 and not name.endswith(PERSON_END) and name not in found:
                found.append(name)
    return found


# a group's makeup printed under its name (list_duties: "（一）交通安全组" over these lines): its leaders, persons or posts
# ("组 长：欧阳志为", "副 组 长：陈书东"), then its members' line naming offices ("成 员：区交通与建设局（联络单位，毛琳，
# 18149561182）、公安局交通警察支队…等单位各2人。")
LEADER_LINE_RE = re.compile(r"^\s*(?:副\s*)?组\s*长\s*[：:]")
MEMBER_LINE_RE = re.compile(r"^\s*成\s*员\s*[：:]\s*(\S.*)$", re.S)
LIAISON_RE = re.compile(r"\s*[（(]\s*联络单位[^（）()]*[）)]")  # "（联络单位，毛琳，18149561182）": the office that leads the group
# "…等单位各2人", "…等单位各派1人", "…等属地乡镇": the close of the list, how many each sends
QUOTA_RE = re.compile(r"\s*等\s*(?:属地|相关|有关)?(?:单位|部门|乡镇|镇街)(?:\s*各\s*派?\s*\d+\s*人)?\s*[。.；;]?\s*$")
NAMED_KIND_RE = re.compile(r"^(各[^（）()]{1,10})[（(]([^（）()]+)[）)]$")  # "各景区属地乡镇（流水镇、苏澳镇）": the kind's members


def group_makeup(texts: list[str]) -> tuple[list[str], list[str], int] | None:
    """A group's makeup opening the lines under its name: its leaders' lines (persons, no unit) and the members' line
    naming offices, those marked "（联络单位，…）" leading it (the notice makes each group's 联络单位 lead its work), the
    others its units; with no mark, its first office leads (tests/data/tables/README.md's first-office rule). (leads,
    others, how many lines the makeup takes); None when the lines open with no members' line naming an office."""
    k = 0
    while k < len(texts) and LEADER_LINE_RE.match(texts[k]):
        k += 1
    if k >= len(texts) or not (m := MEMBER_LINE_RE.match(texts[k])):
        return None
    leads: list[str] = []
    others: list[str] = []
    for piece in _members(m[1]):
        liaison = LIAISON_RE.search(piece)
        piece = LIAISON_RE.sub("", piece).strip()
        named = NAMED_KIND_RE.match(piece)
        names = unit_names(named[2]) if named and len(unit_names(named[2])) > 1 else [piece]  # the kind's members by name
        for name in names:  # where a members' label says offices stand: a town, a 所 or a 支队 is one too
            if (office_list(name, towns=True) or ends_like_unit(name)) and name not in leads + others:
                (leads if liaison else others).append(name)
    if not leads and not others:
        return None
    return (leads, others, k + 1) if leads else (others[:1], others[1:], k + 1)


def _members(words: str) -> list[str]:
    """The pieces of a members' line, each an office or a clause: split at its stops, commas and 、 outside brackets and
    at 及, each piece without the list's close ("等单位各2人")."""
    pieces, depth, current = [], 0, ""
    for char in words:
        depth += (char in "（(") - (char in "）)")
        if depth == 0 and char in "、，,。；;":
            pieces.append(current)
            current = ""
        else:
            current += char
    pieces.append(current)
    return [QUOTA_RE.sub("", part).strip() for piece in pieces for part in re.split(r"及(?![^（(]*[）)])", piece)
            if QUOTA_RE.sub("", part).strip()]
