"""The codes of a list read from a group's heading ("（三）开展系列专题活动" over "1." "2." …), its part's heading "三、…"
above it in the document but not in the run: the part put back over the list, so that its items are coded within the
part and the group ("三(三)1"), for the headerless reader (headerless.list_table) and its best effort (list_fallback)."""

from __future__ import annotations

from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.list_bracketed import BRACKET_ITEM_RE
from mstrack.sources.table.reading import Row, Sheet


def coded_by_group(table: Sheet, sheets: list[Sheet]) -> None:
    """A list read from a group's heading "（二）重点任务" on, its part's heading "二、任务分工" above it in the document
    but not read (an introduction or a group "（一）" with no items between): the part's heading put back over it, so
    that its groups are coded within the part ("二(二)"); a list of that one group is said to be one group's
    (`one_group`): its items are coded within it ("二(二)1(1)", titles.numbered_in_one_group), as the "(一)" list's are;
    a later part read after it ("三、实施步骤" over its stages, coded 三(一): list_stages) is no second group."""
    first = next((k for k, row in enumerate(table.rows) if row.number), None)
    part = next((line for line in reversed(table.titles) if AREA_RE.match(line)), None)
    if first is None or part is None or not heading_row(table.rows[first]) \
            or not BRACKET_ITEM_RE.match(row_texts(table.rows[first])[0]):
        return
    number = next((row.number for sheet in sheets for row in sheet.rows if row_texts(row) == [part]), table.rows[first].number)
    table.rows.insert(first, Row(number, [part] * len(table.rows[0].cells)))
    table.one_group = not any(heading_row(row) and BRACKET_ITEM_RE.match(row.cells[0]) for row in table.rows[first + 2:])


def heading_row(row: Row) -> bool:
    """A heading's row in a list read as a table: its words in every cell (list_numbered.numbered_table)."""
    return len(row.cells) > 1 and len(set(row.cells)) == 1 and bool(row.cells[0])
