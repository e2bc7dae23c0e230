"""A plan's part of its sites' staffing, right after its working groups (list_staffed_groups): "五、工作分工" over each site
"（一）区公益性公墓安置现场（共配备工作人员45名）" over its numbered items, most of them a group of staff ("2.安保组：配备39名
工作人员，负责…", "4.网络通信组：配备2名人员：福生公司1名、无人机操作员1名（由区指挥中心负责），…") with its posts "(1)…" under
it. Each item is a task coded by its part, its site and its number (五(一)2), titled by its words. Who does it: the body
"由X负责…" / "由X配备N名…" names; else the body the counts of staff ("福生公司5名、民警1名", a post's "由福生公司派4名人员")
give the most, when it has more than the issuer's own staff ("片区2名") — with as many or fewer the issuer's staff lead
it, no body; every other body counted, and one in a bracket "（由区指挥中心负责）", a unit. Roles ("民警", "保安",
"无人机操作员") are no bodies. Its deadline: the end of the span of the place its site names (list_deadlines.period_part)."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import AREA_RE
from mstrack.sources.table.list_numbered import ITEM_RE, PART_RE, Entry
from mstrack.sources.table.reading import Row

# the part "五、工作分工" (cells.AREA_RE), its items "1.交通引导组：…" (list_numbered.ITEM_RE) and an item's posts
# "(1)南盘联络道路2名：片区1名、民警1名；" (list_numbered.PART_RE); a site "（二）大练永宁园安置区", its name no sentence
SITE_RE = re.compile(r"^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*([^。；;，,]{2,40})$")
# "（牵头单位：交警部门）": the doers list_doer_lines.doers_below reads from "由X负责…" put after the item's words; the
# item's own words are its title, its doers read again below
LABELLED_AFTER_RE = re.compile(r"（牵头单位：[^（）]*）$")
STAFF_GROUP_RE = re.compile(r"^[\u4e00-\u9fff、]{2,10}组\s*[：:]")  # "安保组：", "测温、扫码组："
MIN_STAFF_GROUPS = 2  # one group alone is an item like any other
COUNT_RE = re.compile(r"([\u4e00-\u9fff]{2,20}?)\s*(\d{1,3})\s*名")  # "福生公司5名", "由福生公司派4名": a body's staff
SENDING_RE = re.compile(r"(?:派|配备|安排)$")  # "由福生公司派" 4名: the body before the verb
DOER_RE = re.compile(r"由\s*([^，,。；;：:（()）由]{2,30}?)\s*(?:负责|配备|派|安排)")  # "由交警部门、片区工作人员负责…"
BRACKET_DOER_RE = re.compile(r"[（(]\s*由\s*([^（）()]{2,20}?)\s*负责\s*[）)]")  # "（由区指挥中心负责）": a unit
BODY_RE = re.compile(r"(?:公司|部门|中心|集团|大队|支队|中队|医院|卫生院)$")  # a body's name, not a role's
OWN_RE = re.compile(r"^(?:片区|本局|我局|局机关)")  # the issuer's own staff: "片区1名", "片区工作人员"


def site_staffing(texts: list[str], at: int, places: list[tuple[str, str]]
                  ) -> tuple[list[tuple[int, str, str, dict[str, str]]], int] | None:
    """The part of sites' staffing opening at `at` (its heading "五、…", then only sites, items and posts) as
    ([(row, code, title, labels)], the row after its last line); None when the part is of other lines, a site has
    no item or fewer than MIN_STAFF_GROUPS items are groups of staff."""
    if at >= len(texts) or not (part := AREA_RE.match(texts[at])):
        return None
    found, site, place_due, k, under = [], None, "", at + 1, 0
    while k < len(texts) and not AREA_RE.match(texts[k]):
        text = texts[k]
        if m := SITE_RE.match(text):
            if site is not None and not under:
                return None  # a site over no item
            site, place_due, under = m[1], _named_due(m[2], places), 0
        elif (m := ITEM_RE.match(text.strip())) and site is not None:
            posts = []
            while k + 1 < len(texts) and PART_RE.match(texts[k + 1].strip()):
                k += 1
                posts.append(texts[k])
            under += 1
            words = LABELLED_AFTER_RE.sub("", m[2].strip())
            found.append((k - len(posts), f"{part[1]}({site}){m[1]}", words, {**_doers(words, posts),
                                                                                        "完成时限": place_due}))
        else:
            return None
        k += 1
    if not under or sum(bool(STAFF_GROUP_RE.match(title)) for _, _, title, _ in found) < MIN_STAFF_GROUPS:
        return None
    return found, k


def named_due(words: list[str], places: list[tuple[str, str]]) -> str:
    """The end of the latest span of the places the words name ("东海陵园、平潭殡仪馆…"), or ""."""
    return _named_due(" ".join(words), places)


def _named_due(text: str, places: list[tuple[str, str]]) -> str:
    return next((end for place, end in places if place in text), "")  # the places come latest first


def _doers(words: str, posts: list[str]) -> dict[str, str]:
    """An item's 牵头单位 and 配合单位 from its words and its posts' counts of staff (the module's rule)."""
    units = [name for m in BRACKET_DOER_RE.finditer(words) for name in _names(m[1])]
    bare = BRACKET_DOER_RE.sub("", words)
    lead = next((name for m in DOER_RE.finditer(bare) for name in _names(m[1]) if not OWN_RE.match(name)), "")
    counts: dict[str, int] = {}
    for m in (m for text in [bare, *posts] for m in COUNT_RE.finditer(BRACKET_DOER_RE.sub("", text))):
        name = SENDING_RE.sub("", m[1].split("由")[-1])
        counts[name] = counts.get(name, 0) + int(m[2])
    bodies = sorted((name for name in counts if BODY_RE.search(name) and not OWN_RE.match(name)),
                    key=lambda name: -counts[name])
    own = sum(n for name, n in counts.items() if OWN_RE.match(name))
    if not lead and bodies and counts[bodies[0]] > own:
        lead = bodies[0]
    units = [name for name in dict.fromkeys([*bodies, *units]) if name != lead]
    return {"牵头单位": lead, "配合单位": "、".join(units)}


def _names(text: str) -> list[str]:
    return [name.strip() for name in re.split(r"[、和及]", text) if len(name.strip()) >= 2]


def site_entries(rows: list[Row], texts: list[str], found: list[tuple[int, str, str, dict[str, str]]]) -> list[Entry]:
    """The part's items as a list's entries under their part's and sites' headings, which code them (五(一)2)."""
    entries, site = [], None
    for k, code, title, labels in found:
        if not entries:
            at = next(j for j in range(k, -1, -1) if AREA_RE.match(texts[j]))
            entries.append(Entry(rows[at], "heading", "", texts[at].strip()))
        if (here := code.split(")")[0]) != site:
            at = next(j for j in range(k, -1, -1) if SITE_RE.match(texts[j]))
            entries.append(Entry(rows[at], "heading", "", texts[at].strip()))
            site = here
        entries.append(Entry(rows[k], "item", code.split(")")[-1], title, labels=labels))
    return entries
