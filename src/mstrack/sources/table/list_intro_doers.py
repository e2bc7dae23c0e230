"""A part's paragraph naming who does its items, between its heading and its first item "(一)" ("四、主要任务" over
"各处室（中心）、各村居要结合…" over "（一）多措并举，…"), for the headerless reader (prose_chain.list_table): the doers it
names (list_doers.paragraph_doers, the kinds it leaves open aside) lead every item of the run that names no office of
its own, the first leading and the others its units, as a 牵头单位 line under each item would."""

from __future__ import annotations

from dataclasses import replace

from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.list_bracketed import LEAD_LABEL
from mstrack.sources.table.list_doers import paragraph_doers
from mstrack.sources.table.list_labels import label_kind
from mstrack.sources.table.list_numbered import Entry
from mstrack.sources.table.reading import Row
from mstrack.sources.table.units import unit_names


def intro_doers(rows: list[Row], start: int, chosen: list[tuple[str, str, str]],
                labels: dict[int, list[Entry]]) -> dict[int, list[Entry]]:
    """`labels` with the doers of the paragraph right above the run (rows[start - 1], itself right under a part's
    heading) labelled under each item of the part's run naming no office (no units read in its words, no lead or units
    labelled under it), up to the next heading; `labels` as they are when the run opens with no such paragraph or its
    first item is no "(一)"."""
    if start < 2 or not chosen or chosen[0][0] != "一" or len(texts := row_texts(rows[start - 1])) != 1 \
            or len(heading := row_texts(rows[start - 2])) != 1 or not AREA_RE.match(heading[0]) \
            or AREA_RE.match(texts[0]) or not (doers := paragraph_doers(texts[0])):
        return labels
    found = dict(labels)
    for k, (kind, _, units) in enumerate(chosen):
        if kind in ("heading", "top"):
            break  # the next part's items: its own paragraph, or none, names their doers
        own = [e for e in labels.get(k, []) if e.kind == "label" and label_kind(e.code) in ("lead", "units")]
        if not units and not own:
            found[k] = [Entry(rows[start - 1], "label", LEAD_LABEL, doers[0],
                              labels={"配合单位": "、".join(doers[1:])} if doers[1:] else {}), *labels.get(k, [])]
        elif not units and (narrowed := _narrowed(own, doers)):
            found[k] = [narrowed if e is own[0] else e for e in labels[k]]
    return found


def _narrowed(own: list[Entry], doers: list[str]) -> Entry | None:
    """An item leading by only some of the doers its part's paragraph names ("各处室（中心）、各村居要…" over "（三）…
    各处室（中心）要…"): its own lead leads, and the paragraph's other doers share the work, its units (a 配合单位 label
    beside its lead); None for an item naming any other office, or units of its own."""
    if len(own) != 1 or label_kind(own[0].code) != "lead" or own[0].labels:
        return None
    names = unit_names(own[0].text)
    others = [name for name in doers if name not in names]
    if not names or not set(names) < set(doers) or not others:
        return None
    return replace(own[0], labels={"配合单位": "、".join(others)})
