"""Offices' duties as numbered lines labelled by the office ("（二）工作职责" over "1.党政办公室：负责…；配合党群工作处…",
"5.经济发展处、农业农村处：…"), for the headerless reader (headerless.py): a plan (an event's 预案 among them) that shares
its work out so, then prints its procedure and its measures as parts of named items ("四、工作流程" over "（一）培训准备。
相关责任处室在活动前…"). Each labelled line is a task coded by its part, group and number ("三(二)1"), its words after
the label, led by the label's first office, its other offices and the ones it says it helps ("配合X…") its units; each
named item of the parts after is a task coded by its part ("四(一)"), its words whole, led by a party of the duties
whose name opens its sentence ("社会事业处根据…"), else by none (staff, "相关责任处室": an open kind)."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.list_duties import DUTY_PART_RE, MIN_PARTIES
from mstrack.sources.table.list_numbered import HELPERS_LABEL, ITEM_RE, LEAD_LABEL, Entry, heading_entry, numbered_table
from mstrack.sources.table.list_roles import BODY_OPENING_RE, opening_offices
from mstrack.sources.table.list_step_parts import content_groups, named_parts, step_parts
from mstrack.sources.table.office_names import OPEN_KIND_RE
from mstrack.sources.table.reading import Row
from mstrack.sources.table.units import office_list, unit_names

# "（二）工作职责", "（三）部门分工": a group naming the sharing of the work out, its name short
DUTY_GROUP_RE = re.compile(r"^[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*(\S{1,10})$")
# "1.中楼卫生院：配合…": a body (a hospital, a centre) labelling its line before the colon, as an office does
LABEL_RE = re.compile(r"^\s*([^，,。；;：:\s\d]{2,40}?)\s*[：:]\s*(\S.*)$", re.S)
BODY_MIN = 4
HELPS_RE = re.compile(r"配合|协助")
NAME_MAX = 20


def _label(text: str) -> tuple[str, str] | None:
    """The offices labelling a duty line and its duties after the colon: offices (list_roles.opening_offices), or one
    body named by its kind's ending ("中楼卫生院", BODY_OPENING_RE)."""
    if not (m := LABEL_RE.match(text)):
        return None
    if (found := opening_offices(text)) is not None and found[0] == m[1]:
        return found
    return (m[1], m[2].strip()) if len(m[1]) >= BODY_MIN and BODY_OPENING_RE.fullmatch(m[1]) else None


def helped(words: str) -> list[str]:
    """The offices a duty says its doer helps ("配合党群工作处开展…", "协助X…"): the shortest office's name after each
    配合 or 协助; a kind left open ("配合其他处室…") names none."""
    found = []
    for m in HELPS_RE.finditer(words):
        rest = words[m.end():]
        name = next((rest[:j] for j in range(2, min(len(rest), NAME_MAX) + 1) if office_list(rest[:j])), "")
        if name and not OPEN_KIND_RE.match(name):
            found.append(name)
    return list(dict.fromkeys(found))


def _duty_lines(rows: list[Row], at: int) -> list[tuple[int, str, str, str]] | None:
    """The numbered lines under the group heading at `at`, each labelled by its offices: (row, number, offices, duties);
    None unless MIN_PARTIES or more, numbered 1 on in order, and every one so labelled."""
    found = []
    for k in range(at + 1, len(rows)):
        texts = row_texts(rows[k])
        if len(texts) != 1 or not (m := ITEM_RE.match(texts[0])):
            break
        if int(m[1]) != len(found) + 1 or (label := _label(m[2])) is None:
            return None
        found.append((k, m[1], *label))
    return found if len(found) >= MIN_PARTIES else None


def duty_lines(rows: list[Row]) -> tuple[int, int, list[str], list[list[str]], list[Row], int] | None:
    """The first group naming duties ("（二）工作职责", DUTY_PART_RE) under a part ("三、组织管理") over lines each
    labelled by its offices ("1.党政办公室：…"), then the parts of named items after them: (the part's row, the row
    after the last read, header, cells, the rows read, 0), as list_duties.duty_list gives; None when there is none."""
    part = None
    for at, row in enumerate(rows):
        texts = row_texts(row)
        if len(texts) == 1 and AREA_RE.match(texts[0]):
            part = at
        if part is None or len(texts) != 1 or not (m := DUTY_GROUP_RE.match(texts[0])) or not DUTY_PART_RE.search(m[1]) \
                or (lines := _duty_lines(rows, at)) is None:
            continue
        entries = [heading_entry(None, row_texts(rows[part])[0]), Entry(row, "heading", "", texts[0])]
        source = [rows[part], row]
        for k, number, offices, duties in lines:
            names = unit_names(offices)
            units = [*names[1:], *(name for name in helped(duties) if name not in names)]
            entries.append(Entry(rows[k], "item", number, duties,
                                 labels={LEAD_LABEL: names[0], **({HELPERS_LABEL: "、".join(units)} if units else {})}))
            source.append(rows[k])
        parties = list(dict.fromkeys(name for *_, offices, _ in lines for name in unit_names(offices)))
        after, read, end = named_parts(rows, lines[-1][0] + 1, parties)
        end = end if after else lines[-1][0] + 1
        return part, end, *numbered_table([*entries, *after]), [*source, *read], 0
    if (steps := step_parts(rows) or content_groups(rows)) is not None:  # no duties: a plan's steps, or its contents
        entries, source, at, end = steps
        return at, end, *numbered_table(entries), source, 0
    return None
