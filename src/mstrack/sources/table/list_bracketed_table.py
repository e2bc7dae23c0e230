"""A "(一)" list read by list_bracketed as the table it would be with a header (序号 | 项目名称 | 项目内容 | 责任单位):
its headings, items, a group's parts and an item's parts numbered inside its words, each with its labelled
paragraphs. Split from list_bracketed, which finds the runs this lays out."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import AREA_RE
from mstrack.sources.table.list_labels import label_kind
from mstrack.sources.table.list_numbered import ITEM_RE, Entry, heading_entry, labelled, numbered_table
from mstrack.sources.table.list_sections import heads, part_name
from mstrack.sources.table.numbering import DOTS, SUB_CODE_RE, heading_name
from mstrack.sources.table.reading import Row


def bracketed_table(chosen: list[tuple[str, str, str]], labels: dict[int, list[Entry]], source: list[Row],
                     ) -> tuple[list[str], list[list[str]], list[Row]]:
    """The rows of a "(一)" list as a table: (header, cells, the row each is read from), as a "1." list's with the
    items' labelled paragraphs (numbered_table), "(一)" staying in the words. A heading over its one unnumbered line
    stays the group's heading, and the line is the group's one task: numbered as the group ("二"), the heading's words
    its 项目名称 and the line its 项目内容, the first office labelled under it its units. An item "二、…" after a group
    is read so too, its words its heading's: not a task of the group above. The items keep "(一)" in their words, and
    the table reader codes each by its heading's number too, "二(四)" (titles.task_code): "(一)" is the level under
    "一、", whether its numbers start again under each heading or run on across them (tests/data/tables/README.md,
    "二(三)"; 13-read42c; read33a had items numbered on keep their own, "(四)")."""
    top = {k: AREA_RE.match(words).group(1, 2) for k, (kind, words, _) in enumerate(chosen)  # (一, words); a heading that
           if kind == "top" or kind == "heading" and not heads(chosen, k)}  # heads nothing is an item too (list_sections)
    grouped = {k for k in top if any(j not in top and kind == "heading" for j, (kind, _, _) in enumerate(chosen[:k]))}
    printed, source = source, [row for k, row in enumerate(source) for _ in range(1 + (k in grouped))]
    if not any(kind == "lone" for kind, _, _ in chosen):
        parts = {k: found for k, (kind, words, _) in enumerate(chosen)
                 if kind not in ("heading", "top") and k not in top and (found := inline_parts(words))}
        groups = {k for k, (kind, _, _) in enumerate(chosen[:-1]) if kind not in ("heading", "top", "part")
                  and chosen[k + 1][0] == "part"}  # "（六）…" over its parts "1." "2.": their group, coded 三(六)1 …
        # the item after a group's last part is the heading's again ("（七）…" under "三、…", not under "（六）…")
        after = {k: next((w for kind, w, _ in reversed(chosen[:k]) if kind == "heading"), None) for k in range(1, len(chosen))
                 if chosen[k - 1][0] == "part" and chosen[k][0] not in ("part", "heading")}
        after = {k: words for k, words in after.items() if words}
        source = [row for k, row in enumerate(printed)  # each entry's row: a heading or a part added reads from its item's
                  for _ in range(1 + (k in grouped) + len(parts.get(k, [])) + (k in after))]
        entries = [e for k, (kind, words, units) in enumerate(chosen) for e in [
            *([heading_entry(None, after[k])] if k in after else []),
            *([heading_entry(None, part_name(words))] if k in grouped else []),
            *([Entry(None, "item", *ITEM_RE.match(words).group(1, 2), units=units)] if kind == "part" else []),
            *([heading_entry(None, words)] if k in groups else []),
            *([heading_entry(None, f"{SUB_CODE_RE.match(words)[0]}{units}"),
               *(Entry(None, "item", code, part, units=units) for code, part in parts[k])] if k in parts else []),
            *([] if k in parts or k in groups or kind == "part" else [heading_entry(None, words) if kind == "heading" and k not in top
                                     else Entry(None, "item", *top.get(k, ("", words)), units=units)]),
            *labels.get(k, [])]]
        return *numbered_table(labelled(entries)), source
    rows = []
    for k, (kind, words, units) in enumerate(chosen):
        staff = _staff(labels.get(k, []))
        rows += [[part_name(words)] * 4] if k in grouped else []
        over = kind == "heading" and k + 1 < len(chosen) and chosen[k + 1][0] == "lone"  # a name over its paragraph:
        if kind == "lone":  # the heading's stop no part of the name (tests/data/tables/README.md, read50c)
            number, name = AREA_RE.match(chosen[k - 1][1]).group(1, 2)
            rows.append([number, heading_name(name), words, units or staff])
        elif kind == "part":  # a group's part "1." ("（一）行政部门职责" over "1.…"): numbered within the group
            rows.append([*ITEM_RE.match(words).group(1, 2), "", units or staff])
        else:  # a heading, or a group over its parts, is a heading's row
            rows.append([heading_name(words) if over else words] * 4 if kind == "heading" or heads(chosen, k)
                        else [*top.get(k, ("", words)), "", units or staff])
    return ["序号", "项目名称", "项目内容", "责任单位"], rows, source


def _staff(labels: list[Entry]) -> str:
    """The offices an item's first labelled line names, its lead first, then the units it labels beside it ("牵头单位：A；
    配合单位：B", as list_doer_lines writes a measure's doers): one 责任单位 cell, read by the first-office rule."""
    entry = next((e for e in labels if e.kind == "label" and label_kind(e.code) in ("lead", "units")), None)
    if entry is None:
        return ""
    others = [value for name, value in entry.labels.items() if label_kind(name) in ("lead", "units") and value]
    return "、".join(dict.fromkeys([entry.text, *others]))


# the parts of a "(三)" item numbered inside its words ("(三)1、…。2、…。"): each after a stop, numbered on from 1
PART_NUMBER_RE = re.compile(rf"(?:^|(?<=[。；;！!？?]))\s*(\d{{1,2}})\s*[{DOTS}](?!\s*\d)")
# the words after the last part that speak of them all ("以上项目均低于全市平均进度。"): no part of the last
ALL_PARTS_RE = re.compile(r"(?<=[。；;])\s*以上[^。；;]*[。；;]?\s*$")


def inline_parts(words: str) -> list[tuple[str, str]] | None:
    """An item "(三)" whose words are its numbered parts ("(三)1、农村环境…项目。…。2、新型农民培训。…"): [(number, the
    part's words)], two or more numbered 1, 2, … after its stops, the first right after the bracket; None for any other."""
    sub = SUB_CODE_RE.match(words)
    body = words[sub.end():] if sub else ""
    starts, expect = [], 1
    for m in PART_NUMBER_RE.finditer(body):
        if int(m[1]) == expect:
            starts.append(m)
            expect += 1
    if len(starts) < 2 or starts[0].start() != 0:
        return None
    ends = [m.start() for m in starts[1:]] + [len(body)]
    parts = [(m[1], body[m.end():end].strip()) for m, end in zip(starts, ends, strict=True)]
    parts[-1] = (parts[-1][0], ALL_PARTS_RE.sub("", parts[-1][1]).strip())
    return parts
