"""The lines of a list as printed, before its rows are read as items (headerless.py): a line broken inside a figure
joined to the item's line above it, and a paragraph under an office line or under an item's progress kept as a note,
so that neither ends the list."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import row_texts
from mstrack.sources.table.list_numbered import Entry, numbered_entry
from mstrack.sources.table.list_work import reports_progress
from mstrack.sources.table.reading import Row

OPEN_END_RE = re.compile(r"[\u4e00-\u9fff\w]$")  # an item's line that stops mid-clause ("…，总投资"), no stop after it
GOES_ON_RE = re.compile(r"^\d")  # a line that goes on with a figure ("2。5亿元，…"): the rest of the line above
# after a line ending in a digit ("…总投资2"), a line opening with a full stop, digits and a unit ("。12亿元，…"): the
# figure's decimals, broken by the line and printed with a full stop for the point; never a date ("。12月底前")
DECIMALS_RE = re.compile(r"^[。．.](\d+\s*[万亿]?[^\d\s，,。；;、月日年号时%％])")


def joined_lines(rows: list[Row], entries: list[Entry | None]) -> list[Entry | None]:
    """Lines no rule reads (entries None), kept with the item above instead of ending the list: the rest of an item's
    line broken inside a figure ("1.新建城区学校2所，总投资" / "2。5亿元，年底前主体完工。（县教育局）", or "…总投资2" /
    "。12亿元…", its decimals: _goes_on) is joined to it;
    a paragraph after an office line ("由…负责落实" / "所需资金由市财政局负责落实") is the item's note, skipped as a
    contact is, and so is one under an item that reports its progress (list_work.reports_progress)."""
    joined = list(entries)
    for i in range(1, len(rows)):
        if joined[i] is not None or len(texts := row_texts(rows[i])) != 1 or (above := joined[i - 1]) is None:
            continue
        line = texts[0]
        if above.kind == "label" and above.assigned or above.kind == "note" and not above.code and i > 1 and joined[i - 2] \
                and joined[i - 2].kind == "label" and joined[i - 2].assigned:
            joined[i] = Entry(rows[i], "note", "", line)
        elif (above.kind == "item" or above.progress) and reports_progress(line):
            joined[i] = Entry(rows[i], "note", "", line, progress=True)  # the item's progress, under it: no part of it
        elif above.kind == "item" and above.row is rows[i - 1] and len(first := row_texts(rows[i - 1])) == 1 \
                and OPEN_END_RE.search(first[0]) and (rest := _goes_on(first[0], line)) \
                and (item := numbered_entry(rows[i - 1], first[0] + rest, "")) and item.kind == "item":
            joined[i - 1], joined[i] = item, Entry(rows[i], "note", "", line)
    return joined


def _goes_on(first: str, line: str) -> str:
    """The line as it goes on from the item's line above it, broken inside a figure: a figure's rest as printed, or its
    decimals after a full stop printed for the point ("总投资2" / "。12亿元" is 2.12亿元); "" for any other line."""
    if GOES_ON_RE.match(line):
        return line
    return f".{line[1:]}" if first[-1].isdigit() and DECIMALS_RE.match(line) else ""
