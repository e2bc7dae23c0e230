"""A plan's working groups printed in its text, for the headerless reader (headerless.list_table): each group a heading
"第一小组：大练清明祭扫保障工作小组" (its number and its name), its leaders by name ("组 长：欧阳志为", "副 组 长：…": persons,
no unit), the offices whose people make it up ("成 员：交通与建设处、大练包村工作队及村干部（…每日安排10人）") and its duty
("职 责：负责…"). Each group is a task coded as printed (第一小组, as list_inspections codes "第一组"), titled by its name,
the first office of its members its lead and the others its units (tests/data/tables/README.md's first-office rule, as
list_teams reads a team's members); the village cadres and a bracket's daily staffing are people, no unit."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import ASIDE_BRACKET_RE, row_texts
from mstrack.sources.table.list_numbered import Entry, numbered_table
from mstrack.sources.table.list_teams import LEADER_LINE_RE, MEMBER_LINE_RE, member_offices
from mstrack.sources.table.office_names import SECTION
from mstrack.sources.table.reading import Row

# "第一小组：大练清明祭扫保障工作小组", "第二工作组：…组": a group's number and its name, a group's own ("…组")
NAMED_GROUP_RE = re.compile(r"^\s*(第[一二三四五六七八九十]{1,3}(?:小|工作)组)\s*[：:]\s*(?!组\s*长)(\S[^，,。；;：:]{1,40}组)\s*$")
DUTY_LINE_RE = re.compile(r"^\s*(?:工作)?职\s*责\s*[：:]\s*\S")  # "职 责：负责…": the group's duty, its content
# "农业农村处包村工作队": a section run into the team it sends to the villages, two units as the other groups list them
SECTION_TEAM_RE = re.compile(rf"^({SECTION})(\S{{2,8}}队)$")
# "（大练涉迁坟墓安置区要求每日安排10人）" on a line of its own between the members' and the duty line: the members'
# bracket of staffing printed as a paragraph, said aside as it is inside the members' line
ASIDE_LINE_RE = re.compile(rf"^\s*{ASIDE_BRACKET_RE.pattern}\s*$")
MIN_GROUPS = 2  # one group alone is a paragraph like any other
MAX_GROUP_LINES = 8  # a group's heading, leader lines, members, a bracket of staffing and its duty: the most between heads


def staffed_groups(rows: list[Row]) -> tuple[int, int, list[str], list[list[str]], list[Row], int] | None:
    """The run of groups (MIN_GROUPS or more, each its heading, leader lines, members' line naming an office, and duty
    line, nothing else) as a list's table: (the first group's row, the row after the last, header, cells, the row each
    is read from, 0 parts), as list_inspections.inspection_groups gives its groups; None for a text of no such run."""
    texts = [" ".join(row_texts(row)) for row in rows]
    heads = [k for k, text in enumerate(texts) if NAMED_GROUP_RE.match(text)]
    if len(heads) < MIN_GROUPS or any(b - a > MAX_GROUP_LINES for a, b in zip(heads, heads[1:], strict=False)):
        return None
    entries, end = [], heads[0]
    for at in heads:
        if at != end:
            return None  # a line of another kind between the groups: not this layout
        found = _group(texts, at)
        if found is None:
            return None
        offices, end = found
        code, name = NAMED_GROUP_RE.match(texts[at]).groups()
        entries.append(Entry(rows[at], "item", code, name.strip(),
                             labels={"牵头单位": offices[0], "配合单位": "、".join(offices[1:])}))
    return heads[0], end, *numbered_table(entries), [e.row for e in entries], 0


def _group(texts: list[str], at: int) -> tuple[list[str], int] | None:
    """A group's offices and the row after its duty line: its leader lines, its members' line (and a bracket of staffing
    on a line of its own under it), its duty line, in that order; None when the lines are of other kinds or the members name no office."""
    k = at + 1
    while k < len(texts) and LEADER_LINE_RE.match(texts[k]):
        k += 1
    if k >= len(texts) or not (members := MEMBER_LINE_RE.match(texts[k])):
        return None
    duty = k + 1
    while duty < len(texts) and ASIDE_LINE_RE.match(texts[duty]):  # "（…要求每日安排10人）" printed under the members
        duty += 1
    if duty >= len(texts) or not DUTY_LINE_RE.match(texts[duty]):
        return None
    offices = [name for found in member_offices(ASIDE_BRACKET_RE.sub("", members[1])) for name in _apart(found)]
    return (list(dict.fromkeys(offices)), duty + 1) if offices else None


def _apart(name: str) -> list[str]:
    """A section and its team run together ("农业农村处包村工作队"), apart; any other name whole."""
    return list(m.groups()) if (m := SECTION_TEAM_RE.match(name)) else [name]
