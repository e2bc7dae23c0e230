"""A plan's working groups printed in its text, for the headerless reader (prose_chain.list_table): each group a heading
"第一小组：大练清明祭扫保障工作小组" (its number and its name), its leaders by name ("组 长：欧阳志为", "副 组 长：…": persons,
no unit), the offices whose people make it up ("成 员：交通与建设处、大练包村工作队及村干部（…每日安排10人）") and its duty
("职 责：负责…"). Each group is a task coded as printed (第一小组, as list_inspections codes "第一组"), titled by its name,
the first office of its members its lead and the others its units (tests/data/tables/README.md's first-office rule, as
list_teams reads a team's members); the village cadres and a bracket's daily staffing are people, no unit."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import AREA_RE, ASIDE_BRACKET_RE, row_texts
from mstrack.sources.table.list_deadlines import period_part
from mstrack.sources.table.list_doer_lines import DOERS_LINE_RE, HANDED_RE
from mstrack.sources.table.list_doers import paragraph_doers
from mstrack.sources.table.list_numbered import Entry, numbered_table
from mstrack.sources.table.list_site_staffing import named_due, site_entries, site_staffing
from mstrack.sources.table.list_teams import LEADER_LINE_RE, MEMBER_LINE_RE, member_offices
from mstrack.sources.table.numbering import SUB_CODE_RE
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
# "（六）加强农村祭扫管理" over its one paragraph, or "（六）加强农村祭扫管理。除…" run into it: an arrangement of a part
# before the groups, its name and its paragraph
NAMED_ITEM_RE = re.compile(r"^\s*[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]\s*([^。；;，,：:]{2,30}?)\s*(?:。\s*(\S.*))?$")
MIN_GROUPS = 2  # one group alone is a paragraph like any other
MAX_GROUP_LINES = 8  # a group's heading, leader lines, members, a bracket of staffing and its duty: the most between heads


def staffed_groups(rows: list[Row], year: int) -> tuple[int, int, list[str], list[list[str]], list[Row], int] | None:
    """The run of groups (MIN_GROUPS or more, each its heading, leader lines, members' line naming an office, and duty
    line, nothing else) as a list's table: (the first group's row, the row after the last, header, cells, the row each
    is read from, 0 parts), as list_inspections.inspection_groups gives its groups; None for a text of no such run.
    A group naming a place the plan dates ("1.东海陵园…：4月1日至8日") in its name or duty is due at its span's end; a
    part of the sites' staffing right after the groups (list_site_staffing) is read with them, and so is an
    arrangement of a part before them that charges doers (_charged)."""
    texts = [" ".join(row_texts(row)) for row in rows]
    last, places = found[:2] if (found := period_part(texts, year)) else ("", [])
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
                             labels={"牵头单位": offices[0], "配合单位": "、".join(offices[1:]),
                                     "完成时限": named_due([name, texts[end - 1]], places)}))  # its name, its duty
    if sites := site_staffing(texts, end, places):  # "五、工作分工" over "（一）…现场" over "1.交通引导组：…"
        entries, end = [*entries, *site_entries(rows, texts, sites[0])], sites[1]
    groups = {_group_key(NAMED_GROUP_RE.match(texts[at])[2]) for at in heads}
    entries += _charged(rows, texts, heads[0], last, places, groups)  # "（六）加强农村祭扫管理" / "…各村要…": 各村's work
    return heads[0], end, *numbered_table(entries), [e.row for e in entries], 0


def _charged(rows: list[Row], texts: list[str], before: int, last: str, places: list[tuple[str, str]],
             groups: set[str]) -> list[Entry]:
    """The arrangements "（六）…" of the parts before the groups (the public's rules of the days: "（三）东海陵园" over its
    visitors' rules) whose paragraph charges doers (list_doers.paragraph_doers: "各村要在主要路口设立…"): each a task they
    lead, coded within its part (三(六)), titled by its name over its paragraph, by its whole words when run into it (README's
    rule for a name run into its sentences), due at the span of a place its name names, else at the work's last day. An
    arrangement handing its carrying out to one of the groups (HANDED_RE: "具体组织实施由大练清明祭扫保障工作组负责") is
    that group's work, read with it: no task of its own; its 各村 are the villages whose people come by turns."""
    entries: list[Entry] = []
    part = None
    for k in range(before):
        if AREA_RE.match(texts[k]):
            part = k
            continue
        if part is None or not (m := NAMED_ITEM_RE.match(texts[k])):
            continue
        alone = m[2] is None and k + 1 < before and not (NAMED_ITEM_RE.match(texts[k + 1]) or AREA_RE.match(texts[k + 1]))
        paragraph = texts[k + 1] if alone else m[2]
        # "牵头单位：各村": list_doer_lines.doers_below's line for a name's one paragraph naming its doers
        labelled = DOERS_LINE_RE.match(paragraph) if alone else None
        doers = [name for group in labelled.groups() if group for name in group.split("、")] if labelled \
            else paragraph_doers(paragraph or "", opening=True)
        if not doers or any(_group_key(m[1]) in groups for m in HANDED_RE.finditer(paragraph or "")):
            continue
        if alone and k + 2 < before and not (SUB_CODE_RE.match(texts[k + 2]) or AREA_RE.match(texts[k + 2])):
            continue  # a name over more than its one paragraph
        code = SUB_CODE_RE.match(texts[k])  # 序号 "三" beside "（六）…": task 三(六), as titles.task_code reads it
        entries.append(Entry(rows[k], "item", AREA_RE.match(texts[part])[1], f"（{code[1]}）{m[1]}" if alone else texts[k].strip(),
                             labels={"牵头单位": doers[0], "配合单位": "、".join(doers[1:]),
                                     "完成时限": named_due([m[1]], places) or last}))  # the places of its
        # paragraph are not its own ("除殡仪馆、东海陵园…以外的农村散葬坟墓"): the work's last day
    return entries


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


def _group_key(name: str) -> str:
    """A group's name as a paragraph may print it, "…工作小组" and "…工作组" the same."""
    return re.sub(r"\s+", "", name).replace("小组", "组")
