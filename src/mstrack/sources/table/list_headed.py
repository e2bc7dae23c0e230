"""A list of tasks under group headings with no number of their own: "一、教育" over the paragraphs "新建幼儿园3所。",
"新增学位1000个。", "二、民生" over its own (headerless.py). Each paragraph is a task of the heading's group, numbered
1, 2, … in its order, as a run of paragraphs is."""

from __future__ import annotations

import re
from collections.abc import Callable

from mstrack.domain.quantities import chinese_count
from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.list_labels import lead_line
from mstrack.sources.table.list_numbered import SUB_HEADING_RE, heading_lead, led_cell
from mstrack.sources.table.list_roles import labelled_inside
from mstrack.sources.table.one_paragraph import MIN_ITEMS
from mstrack.sources.table.reading import Row
from mstrack.vocabulary import LEAD_ROLE_WORDS


def led(offices: list[str]) -> bool:
    """Items that each end with the office leading them and its role ("…。（财政厅牵头）"): a 部门分工's work, as clearly
    as a list's; an excerpt of one heading over one such item is read (the title must still name a programme)."""
    return bool(offices) and all(units.endswith(LEAD_ROLE_WORDS) for units in offices)


def headed_run(rows: list[Row], read: Callable[[str, bool], tuple[str, str] | None], labelled: bool = False
               ) -> tuple[int, list[tuple[str, str, str]], list[Row]] | None:
    """The first run of two or more headings "一、…", "二、…" in order, each over one or more paragraphs that `read`
    takes for an item ((words, offices), None for any other; told whether the line under the paragraph names its leads
    in words, "X牵头落实"), MIN_ITEMS or more in all and two or more under one
    heading (a heading over one line each is a group's one task: list_bracketed._lone_task), or any number when each
    names its lead by role (`led`), or, when asked (`labelled`: the best-effort reading, whose gate judges them), by
    a role's label inside its words (`labelled_each`): (first row, [("heading" or
    "item", words, offices)], the rows read)."""
    start, found, source, last, counts = None, [], [], 0, []
    for i, row in enumerate([*rows, None]):
        texts = row_texts(row) if row is not None else []
        text = texts[0] if len(texts) == 1 else ""
        m = AREA_RE.match(text) if text and len(text) <= 60 else None
        number = chinese_count(m[1]) if m else None
        if start is not None and number is not None and number == last + 1 and counts[-1]:
            found.append(("heading", text, ""))
            source.append(row)
            last = number
            counts.append(0)
            continue
        if start is not None and (under := _under(found, text)) is not None:
            if under[0] == "heading":  # "(一)…" under "一、…"
                found.append(under)
                source.append(row)
            else:
                found[-1] = under  # the paragraph above, with its leads from the line
            continue
        if start is not None and number is None and text and (item := read(text, _led_below(rows, i))):
            found.append(("item", item[0], led_cell(heading_lead(_heading(found)), item[1])))  # the heading's lead
            source.append(row)
            counts[-1] += 1
            continue
        if start is not None and not counts[-1]:  # a heading after the last item heads nothing
            found, source, counts = found[:-1], source[:-1], counts[:-1]
        if start is not None and counts and (len(counts) >= 2 and sum(counts) >= MIN_ITEMS and max(counts) >= 2
                                             or led([units for kind, _, units in found if kind == "item"])
                                             or lined([units for kind, _, units in found if kind == "item"])
                                             or labelled and labelled_each([words for kind, words, _ in found
                                                                            if kind == "item"])):
            return start, found, source
        start, found, source, last, counts = (i, [("heading", text, "")], [row], 1, [0]) if number == 1 else (None, [], [], 0, [])
    return None


LEAD_LINE_CELL = "牵头单位：{leads}"  # the offices of a line "X牵头落实" under a paragraph, as a labelled cell reads them
HELPERS_CELL = "；配合单位：{helpers}"


def lined(offices: list[str]) -> bool:
    """Two or more items, each followed by a line naming its leads in words (_under): assigned work, as `led`'s."""
    return len(offices) >= 2 and all(map(line_led, offices))


def heading_each(chosen: list[tuple[str, str, str]]) -> tuple[list[str], list[list[str]], list[int]] | None:
    """A run whose every heading "一、…" heads one item of its own, no "(一)" between (headed_run's `chosen`), two or
    more, each labelling its offices inside its words (labelled_each; one led by "（财政厅牵头）" stays item 1): each
    heading's item is its group's one task, coded by the heading, its words the heading's and the paragraph's, as a
    table (header, rows): 序号 | 工作任务 | 责任单位 ("一", "基本建成目标任务岚城安置小区…", its offices), and a column
    for each label of the sentence naming its offices inside its words ("责任单位：X，所属片区：Y": labelled_inside),
    and the indexes in `chosen` of the items read; None for any other run. Headings after the last item ("三、其它要求"
    and its "（一）…") head no task."""
    last = max((k for k, (kind, _, _) in enumerate(chosen) if kind == "item"), default=-1)
    chosen = chosen[:last + 1]
    kinds = [kind for kind, _, _ in chosen]
    heads = [AREA_RE.match(words) for kind, words, _ in chosen if kind == "heading"]
    if not chosen or kinds != ["heading", "item"] * (len(chosen) // 2) or not all(heads) \
            or not labelled_each([words for _, words, _ in chosen[1::2]]):
        return None
    labelled = [dict(INSIDE_LABEL_RE.findall(labelled_inside(words))) for _, words, _ in chosen[1::2]]
    names = list(dict.fromkeys(["责任单位", *(name for labels in labelled for name in labels)]))
    rows = [[m[1], f"{m[2]}{words}", *(labels.get(name, units if name == "责任单位" else "") for name in names)]
            for m, (_, words, units), labels in zip(heads, chosen[1::2], labelled, strict=True)]
    return ["序号", "工作任务", *names], rows, list(range(1, len(chosen), 2))


# each label of a sentence naming offices and its value, up to the next label ("责任单位：A、B，C；配合单位：D")
INSIDE_LABEL_RE = re.compile(r"([^，,；;：:、\s]{2,6})[：:]\s*(.+?)\s*(?=[，,；;]\s*[^，,；;：:、\s]{2,6}[：:]|$)")


def labelled_each(items: list[str]) -> bool:
    """Two or more items, each naming its offices by a role's label inside its words ("…3159套。责任单位：X，…"):
    assigned work, as `led`'s (list_roles.labelled_inside)."""
    return len(items) >= 2 and all(map(labelled_inside, items))


def line_led(units: str) -> bool:
    """Whether an item's offices are those of the line under it naming its leads in words (_under)."""
    return units.startswith(LEAD_LINE_CELL.format(leads=""))


def _led_below(rows: list[Row], i: int) -> bool:
    """Whether the line under row i names, in words, the offices leading it ("市发改委牵头落实": lead_line)."""
    texts = row_texts(rows[i + 1]) if i + 1 < len(rows) else []
    return len(texts) == 1 and bool(lead_line(texts[0]))


def _heading(found: list[tuple[str, str, str]]) -> str:
    """The words of the last heading read, "一、…" or a "(一)…" under it."""
    return next((words for kind, words, _ in reversed(found) if kind == "heading"), "")


def _under(found: list[tuple[str, str, str]], text: str) -> tuple[str, str, str] | None:
    """What a line inside the run makes of the last entry read: a paragraph with no office followed by a line naming
    its leads in words ("市发改委牵头落实", list_labels.lead_line) gets them, labelled by role (the entry read again); a
    "(一)…" heading right under a heading "一、…" is one more heading over the items. None for any other line."""
    if not found or not text:
        return None
    kind, words, units = found[-1]
    if kind == "item" and not units and (leads := lead_line(text)):
        cell = LEAD_LINE_CELL.format(leads=leads["牵头单位"])
        cell += HELPERS_CELL.format(helpers=leads["配合单位"]) if "配合单位" in leads else ""
        return kind, words, cell
    if kind == "heading" and len(text) <= 60 and SUB_HEADING_RE.match(text):
        return "heading", text, ""
    return None
