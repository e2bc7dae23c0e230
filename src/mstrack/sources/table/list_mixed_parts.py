"""A notice of parts only, some over one paragraph and some over their own items ("一、增强节水意识" / "紧扣…，树立…。",
"二、落实节水责任" / "（一）落实常态化节水措施。各旅游文体经营单位应…" "（二）…", "三、强化节水宣传" / "…各单位…应…"): every
part is the notice's work, as in a notice of parts each over one paragraph (list_doer_lines.doer_parts). Each part over
one paragraph is a task coded by its numeral and titled by its name (a name on a line of its own over its paragraph,
tests/data/tables/README.md), its paragraph's doers its offices, none where it names none; each item of a part over
items is a task coded within its part (二(一)), its doers those its sentences name (labelled under it by
list_doer_lines.doers_below). For the headerless reader (prose_chain.list_table), when no list is read."""

from __future__ import annotations

from mstrack.domain.quantities import chinese_count
from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.list_arrangements import part_items
from mstrack.sources.table.list_doers import paragraph_doers
from mstrack.sources.table.list_duties import shares_out
from mstrack.sources.table.list_part_paragraphs import part_heading
from mstrack.sources.table.list_sections import NUMBERING_RE
from mstrack.sources.table.numbering import SUB_CODE_RE
from mstrack.sources.table.reading import Row
from mstrack.sources.table.units import ROLE_LABEL_RE

HEADER = ["序号", "工作任务", "牵头单位", "配合单位"]


def mixed_parts(rows: list[Row]) -> tuple[int, int, list[str], list[list[str]], list[Row], int] | None:
    """The tasks of a notice of parts only, numbered "一、" from the first in order, each a name on a line of its own
    (no framing, section label or closing section's: list_part_paragraphs.part_heading) over either one paragraph (the
    last part's followed by the notice's closing lines) or items "（一）…" numbered in order from the first, one part of
    each kind at least, and most of its tasks naming their doers: (the first part's row, the row after the last task's,
    header, cells, the row each is read from, how many parts), as list_duties.duty_list gives its duties; None for any
    other notice (a part over two paragraphs, over "1." items, sharing the work out)."""
    heads = [k for k, row in enumerate(rows) if len(t := row_texts(row)) == 1 and AREA_RE.match(t[0])]
    if len(heads) < 2 or [chinese_count(AREA_RE.match(row_texts(rows[k])[0])[1]) for k in heads] != list(
            range(1, len(heads) + 1)):
        return None
    cells: list[list[str]] = []
    source: list[Row] = []
    kinds, named = set(), 0
    for at, k in enumerate(heads):
        heading = row_texts(rows[k])[0]
        name = part_heading(rows[k])
        end = heads[at + 1] if at + 1 < len(heads) else len(rows)
        below = rows[k + 1:end]
        if name is None or shares_out([heading]) or not below:
            return None
        first = row_texts(below[0])
        if len(first) == 1 and SUB_CODE_RE.match(first[0]):
            labelled: dict[int, tuple[list[str], list[str]]] = {}
            items = part_items(below, labelled)
            last = below.index(items[-1][0]) if items else len(below)
            if not items or at + 1 < len(heads) and not all(_label_row(row) for row in below[last + 1:]):
                return None  # a paragraph after the part's items: no part of items only
            kinds.add("items")
            cells.append([heading] * len(HEADER))
            source.append(rows[k])
            for n, (row, words, code) in enumerate(items):
                lead, others = labelled.get(n, ([], []))
                named += bool(lead)
                cells.append(["", code + words, "、".join(lead), "、".join(others)])
                source.append(row)
            continue
        if len(first) != 1 or NUMBERING_RE.match(first[0]) or at + 1 < len(heads) and len(below) > 1:
            return None
        kinds.add("paragraph")
        doers = paragraph_doers(first[0], opening=True)  # the part's own paragraph: "…，各单位…应…" names its doers
        named += bool(doers)
        cells.append([name[1], name[2].strip().rstrip("。"), "、".join(doers[:1]), "、".join(doers[1:])])
        source.append(below[0])
    tasks = sum(1 for row in cells if row[0] != row[1])
    if kinds != {"items", "paragraph"} or 2 * named <= tasks:
        return None
    return heads[0], rows.index(source[-1]) + 1, HEADER, cells, source, len(heads)


def _label_row(row: Row) -> bool:
    """A line labelling an item's doers ("牵头单位：X", as list_doer_lines.doers_below writes them)."""
    texts = row_texts(row)
    return len(texts) == 1 and ROLE_LABEL_RE.match(texts[0]) is not None
