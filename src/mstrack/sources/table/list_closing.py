"""A closing section after a list numbered in digits ("1." … "22." under "二、主要任务"), whose own items are numbered
"（一）" … under its heading ("三、保障措施"): an item naming its offices, in a bracket after its words or on a labelled
line under it ("责任单位：…"), is work a supervision office tracks, a task of the list coded by the section and its
number (三(一)); one naming no office is a requirement on offices and stays out (close47, the lead's convention)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.item_offices import units_after
from mstrack.sources.table.list_doers import paragraph_doers
from mstrack.sources.table.list_numbered import Entry, labelled, office_of
from mstrack.sources.table.list_sections import CLOSING_RE
from mstrack.sources.table.numbering import NUMERAL_VALUES, SUB_CODE_RE
from mstrack.sources.table.office_names import EVERY_KIND_RE
from mstrack.sources.table.reading import Row


def closing_items(rows: list[Row], entries: list[Entry | None], before: Sequence[Entry] = ()) -> list[Entry]:
    """The entries a numbered list's closing section adds after it, `rows` the page's rows after the list and `entries`
    what each is (list_numbered.entry_of): the section's heading (an "三、" heading with the words of a closing section)
    and its "（一）" items that name their offices, each as an item numbered by the section ("三") whose words keep their
    "（一）" (the reader codes it 三(一), as a 序号 "二" beside "（三）…" reads); [] when the list is not followed so, or
    when none of its items names an office. The section's first number is "（一）", or the one after the last "（X）"
    group of the list read before it (`before`: "四、保障要素" numbering its "（十一）…" on from 三's "（一）…（十）")."""
    start = next((k for k, e in enumerate(entries) if e is not None and e.kind not in ("label", "note")), None)  # the
    # last item's labelled lines stand before it
    if start is None or entries[start].kind != "heading" or not (area := AREA_RE.match(entries[start].text)) \
            or not CLOSING_RE.search(area[2]):
        return []
    found: list[Entry] = []
    groups = [NUMERAL_VALUES.get(m[1], 0) for e in before if (m := SUB_CODE_RE.match(e.text))]
    firsts = {1, max(groups, default=0) + 1}
    expected = None
    for row, entry in zip(rows[start + 1:], entries[start + 1:], strict=True):
        if entry is not None and entry.kind == "label" and found:
            found.append(entry)  # "责任单位：…" under the item: its offices
            continue
        texts = row_texts(row)
        sub = SUB_CODE_RE.match(texts[0]) if len(texts) == 1 else None
        if sub is None or NUMERAL_VALUES.get(sub[1]) not in ({expected} if expected else firsts):
            break
        expected = NUMERAL_VALUES[sub[1]] + 1
        words, units = units_after(texts[0][sub.end():].strip())
        found.append(Entry(row, "item", area[1], f"（{sub[1]}）{words}", units=units))
    items = [e for e in labelled(_kind_led(found)) if office_of(e)]
    return [entries[start], *items] if items else []


KIND_MIN = 4  # "各医疗卫生机构": bodies named by what they are; "各单位", "各部门": the addressees at large


def _kind_led(found: list[Entry]) -> list[Entry]:
    """The section's items, each led by the kind of body its sentences name first when every item names the same one
    and no item an office of its own ("三、保障措施" over "（一）加强应急值守。各医疗卫生机构要…" "（二）…。各医疗卫生机构要…":
    the section's measures are that kind's work, wrong51a's doer, the offices named after it their units: "区疾控中心要…");
    a section of requirements on offices ("各单位要…", items naming different doers or none) unchanged (close47)."""
    items = [e for e in found if e.kind == "item"]
    doers = [paragraph_doers(e.text[e.text.index("）") + 1:], opening=True) if not e.units and not e.labels else [] for e in items]
    first = {names[0] if names else "" for names in doers}
    if len(first) != 1 or not (kind := first.pop()) or not EVERY_KIND_RE.match(kind) or len(kind) - 1 < KIND_MIN:
        return found
    return [replace(e, units="、".join(doers[items.index(e)])) if e in items else e for e in found]
