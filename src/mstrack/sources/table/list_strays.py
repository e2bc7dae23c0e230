"""Lines that break a list's run of numbers (prose_chain.list_table): an item numbered oddly ("1-1…", "1.1…", "★3…",
"3*…", a long "（一）…" among items "1." "2."), or a total line ("小计", "合计(12个)"), between items of a run that goes on
after it. Each reading of a list looks for a run of items numbered in order; such a line would end the run, and
what is left may be too short for a list (the whole document refused, "no header row found"). The line is taken out
before the run is looked for, and put back into the table the list is read as, where it stood: a total row is skipped
there as a table's is (rows.total_row), any other is a row whose 序号 is no number, left out and said as a doubt
(titles.RowNotRead), as in a table with a header (refuse46)."""

from __future__ import annotations

import re

from mstrack.domain.quantities import chinese_count
from mstrack.sources.rows import total_row
from mstrack.sources.table.cells import AREA_RE, GROUP_HEADING_RE, row_texts
from mstrack.sources.table.list_numbered import ITEM_RE, PART_RE, entry_of
from mstrack.sources.table.numbering import MARKS, SUB_CODE_RE, numeral
from mstrack.sources.table.reading import Row

# a number no list reads: marked ("★3", "3*"), dotted or dashed ("1.1", "1-1"), or "（一）" among items in digits
FIGURE_AFTER = "年月日号时万亿千百%％个人元"  # "1-11月…", "1.5万人…": a date or a figure, no number of an item
ODD_NUMBER_RE = re.compile(rf"^\s*(?:[{MARKS}]+\s*\d{{1,3}}|\d{{1,3}}\s*[{MARKS}]+"
                           rf"|\d{{1,3}}(?:\s*[.．\-－—–]\s*\d{{1,3}})+(?![\d{FIGURE_AFTER}])"
                           r"|[（(]\s*[一二三四五六七八九十]+\s*[）)])\s*[、.．]?\s*")


def _numbers(text: str) -> dict[str, int]:
    """The line's number in each form a list numbers its items in: {"digits" | "part" | "chinese" | "bracketed": n}."""
    found = {}
    if m := ITEM_RE.match(text):
        found["digits"] = int(m[1])
    if m := PART_RE.match(text):
        found["part"] = int(re.sub(r"\D", "", m[1]))
    if m := AREA_RE.match(text):
        found["chinese"] = chinese_count(m[1])
    if m := SUB_CODE_RE.match(text):
        found["bracketed"] = chinese_count(m[1])
    return found


def without_strays(rows: list[Row]) -> tuple[list[Row], dict[int, Row]]:
    """The rows as the list readers see them, and the lines taken out of the runs ({row number: the row}): each that
    breaks a run of numbered items and sits inside it, one text read as nothing a list holds (_read), numbered oddly
    or a total line, its form numbering no other line; the nearest item in some form above it (a heading there: the
    form's numbers start again under it) and the nearest below it number on. Below it the next number: a line put
    in, taken out. The one after: the line took its number, an item misnumbered, which stands in the run numbered
    as it should be (the run as long as printed, its words judged with the others'), its row said and not read in
    the table (stray_cells)."""
    texts = [row_texts(row) for row in rows]
    numbers = [_numbers(t[0]) if len(t) == 1 else {} for t in texts]
    heads = [len(t) == 1 and GROUP_HEADING_RE.match(t[0]) is not None for t in texts]
    seen: list[Row] = []
    strays: dict[int, Row] = {}
    for i, row in enumerate(rows):
        seen.append(row)
        if len(texts[i]) != 1 or not (total_row(texts[i]) or ODD_NUMBER_RE.match(texts[i][0])) or _read(rows, numbers, i) \
                or any(k != i and form in numbers[k] for form in numbers[i] for k in range(len(rows))):
            continue  # "（一）" where "(二)" … number items too: one of them
        for form in FORMS:
            above = next((k for k in range(i - 1, -1, -1) if form in numbers[k] or heads[k]), None)
            below = next((k for k in range(i + 1, len(rows)) if form in numbers[k]), None)
            if form in numbers[i] or above is None or below is None:
                continue
            last = numbers[above].get(form, 0)  # a heading above: the items under it number from 1
            if numbers[below][form] in (last + 1, last + 2):
                strays[row.number] = row
                seen.pop()
                if numbers[below][form] == last + 2 and not total_row(texts[i]):
                    seen.append(Row(row.number, [f"{FORMS[form](last + 1)}{_words(texts[i][0])}"]))
                break
    return seen, strays


def _read(rows: list[Row], numbers: list[dict[str, int]], i: int) -> bool:
    """Whether a list reads row `i` as something of its own (list_numbered.entry_of): an item, a label, a heading; a
    heading "（一）…" right above the next item "二、" heads nothing (its level is under "一、"), and is read as none."""
    entry = entry_of(rows[i])
    return entry is not None and not (entry.kind == "heading" and "bracketed" in numbers[i] and i + 1 < len(rows)
                                      and "chinese" in numbers[i + 1])


FORMS = {"digits": lambda n: f"{n}、", "part": lambda n: f"（{n}）", "chinese": lambda n: f"{numeral(n)}、",
         "bracketed": lambda n: f"（{numeral(n)}）"}


def _words(text: str) -> str:
    """A stray line's words after its odd number."""
    return (text[m.end():] if (m := ODD_NUMBER_RE.match(text)) else text).strip() or text


def stray_cells(row: Row, width: int) -> list[str]:
    """A stray line as a row of the list's table (序号 | 工作任务 | …): a total line in its first cell, skipped as a
    table's total row; any other with the line as its 序号, which no task number reads (the row said, not read), and
    its words after the odd number as its task."""
    text = row_texts(row)[0]
    if total_row([text]):
        return [text] + [""] * (width - 1)
    return [text, _words(text)] + [""] * (width - 2)
