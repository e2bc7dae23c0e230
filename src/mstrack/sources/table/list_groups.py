"""The codes of a list read from a group's heading ("（三）开展系列专题活动" over "1." "2." …), its part's heading "三、…"
above it in the document but not in the run: the part put back over the list, so that its items are coded within the
part and the group ("三(三)1"), for the headerless reader (prose_chain.list_table) and its best effort (list_fallback)."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.columns import Column
from mstrack.sources.table.list_bracketed import BRACKET_ITEM_RE
from mstrack.sources.table.list_sections import CLOSING_RE
from mstrack.sources.table.mentions import sets_figure
from mstrack.sources.table.reading import Row, Sheet


def coded_by_group(table: Sheet, sheets: list[Sheet]) -> None:
    """A list read from a group's heading "（二）重点任务" on, its part's heading "二、任务分工" above it in the document
    but not read (an introduction or a group "（一）" with no items between): the part's heading put back over it, so
    that its groups are coded within the part ("二(二)"); a list of that one group is said to be one group's
    (`one_group`): its items are coded within it ("二(二)1(1)", titles.numbered_in_one_group), as the "(一)" list's are;
    a later part read after it ("三、实施步骤" over its stages, coded 三(一): list_stages) is no second group.
    So is a list read from its first item "（一）…" on, under a part "二、补贴发放程序" above it, when another part
    numbers its own items "（一）…" again ("一、补贴对象…", refused): the numbers alone name no item of the document, so its
    items are the part's, coded 二(一) … as they would be read with the part; a part whose items are the document's
    only "（一）…" list keeps their own numbers ("二、主要任务" over "(一)…" "(二)…": 一, 二)."""
    first = next((k for k, row in enumerate(table.rows) if row.number), None)
    part = next((line for line in reversed(table.titles) if AREA_RE.match(line)), None)
    found = BRACKET_ITEM_RE.match(row_texts(table.rows[first])[0]) if first is not None and row_texts(table.rows[first]) else None
    heading = first is not None and heading_row(table.rows[first])
    if part is None or found is None or not heading and (found[1] != "一" or _first_items(sheets) < 2):
        return
    number = next((row.number for sheet in sheets for row in sheet.rows if row_texts(row) == [part]), table.rows[first].number)
    table.rows.insert(first, Row(number, [part] * len(table.rows[0].cells)))
    table.one_group = heading and not any(heading_row(row) and BRACKET_ITEM_RE.match(row.cells[0]) for row in table.rows[first + 2:])

PLAN_PARTS = 3  # the fewest parts "一、…" that make a document a plan's sections, not a list's groups


def coded_by_part(table: Sheet, sheets: list[Sheet]) -> None:
    """A list of items "1." read from its first item on, right under a part's heading "五、招生人数和班级规模" of a
    document printing PLAN_PARTS parts or more on lines of their own (a 方案 whose parts each number their points "1."
    again; two parts of items, "一、教育" "二、就业", are a list's groups, the second perhaps cut off and said):
    the part's heading put back over it and the parts counted, so that its items are coded within the part (五1), as
    the best effort (list_fallback) codes such a run; the numbers alone name no item of the document."""
    first = next((k for k, row in enumerate(table.rows) if row.number), None)
    if first is None or (parts := parts_printed(sheets)) < PLAN_PARTS:
        return
    row = table.rows[first]
    if heading_row(row):  # the part read with its run ("五、…" over "1."): counted only
        if _short_part(row.cells[0]) and len(table.rows) > first + 1 and table.rows[first + 1].cells[0] == "1":
            table.parts = max(table.parts, parts)
        return
    part = table.titles[-1] if table.titles else ""
    if row.cells[0] != "1" or not _short_part(part):
        return
    number = next((r.number for sheet in sheets for r in sheet.rows if row_texts(r) == [part]), row.number)
    table.rows.insert(first, Row(number, [part] * len(table.rows[0].cells)))
    table.parts = max(table.parts, parts)


def _short_part(text: str) -> bool:
    """A part's heading "一、…" on a line of its own: short, no sentence's stop."""
    return AREA_RE.match(text) is not None and not BRACKET_ITEM_RE.match(text) and len(text) <= 30 \
        and not re.search(r"[。；;]", text)


def parts_printed(sheets: list[Sheet]) -> int:
    """How many parts "一、…" the document prints on lines of their own (each line once, however many ways it was read)."""
    return len({row.number for sheet in sheets for row in sheet.rows if len(texts := row_texts(row)) == 1
                and AREA_RE.match(texts[0]) and len(texts[0]) <= 30 and not re.search(r"[。；;]", texts[0])})


def heading_row(row: Row) -> bool:
    """A heading's row in a list read as a table: its words in every cell (list_numbered.numbered_table)."""
    return len(row.cells) > 1 and len(set(row.cells)) == 1 and bool(row.cells[0])


def _first_items(sheets: list[Sheet]) -> int:
    """How many lists "（一）…" the document begins: its first items, one a part whose items are numbered again (each
    line once, however many ways the file was read)."""
    return len({row.number for sheet in sheets for row in sheet.rows
                if (texts := row_texts(row)) and (m := BRACKET_ITEM_RE.match(texts[0])) and m[1] == "一"})


def targets_above(table: Sheet, columns: list[Column], sheets: list[Sheet]) -> None:
    """A plan whose work sets no figure and whose figures stand in an item "（三）…" of a part above it ("一、总体要求" over
    "（三）免疫要求。…群体免疫密度应常年保持在90%以上…", beside "（一）指导思想。" and "（二）基本原则。", a run the gate
    refuses): that item is a task too, the plan's targets, read under its part's heading (coded 一(三)) before the
    work; the part's other items, words only, are not. A closing section's item ("六、保障措施") is none. For a plan read as
    a best effort (list_fallback) or on its title's word (plan_title.plan_list)."""
    read = [row for row in table.rows if row.number and not heading_row(row)]
    task = next((c.index for c in columns if c.kind == "task"), None)
    if not read or task is None or any(sets_figure(" ".join(row_texts(row))) for row in read):
        return
    first, width = min(row.number for row in read), len(table.rows[0].cells)
    source = next((sheet for sheet in sheets if any(row.number == first for row in sheet.rows)), None)
    part, headed, added = None, None, []
    for row in source.rows if source is not None else []:
        if not row.number or row.number >= first or len(texts := row_texts(row)) != 1:
            continue
        if AREA_RE.match(texts[0]) and not BRACKET_ITEM_RE.match(texts[0]):
            part = row if not CLOSING_RE.search(AREA_RE.match(texts[0])[2].strip()) else None
        elif part is not None and BRACKET_ITEM_RE.match(texts[0]) and sets_figure(texts[0]):
            if headed is not part:  # the part's heading once, over its items
                added.append(Row(part.number, [row_texts(part)[0]] * width))
                headed = part
            added.append(Row(row.number, [texts[0] if i == task else "" for i in range(width)]))
    at = next((k for k, row in enumerate(table.rows) if row.number and added and row.number > added[-1].number), None)
    if added and at is not None:
        table.rows[at:at] = added
