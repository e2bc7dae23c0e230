"""The cells of an `import progress` row as values: a cell at a time (the per-row path: remarks in brackets,
units, plain numbers), and a chunk of rows at a time (the chunk path: a column of plain numbers in one
match, notes and reporters checked together)."""

from __future__ import annotations

import re
from datetime import date
from itertools import chain

from mstrack.domain.limits import MAX_MAGNITUDE, all_storable
from mstrack.domain.progress import far_above_limit
from mstrack.domain.quantities import PLAIN_NUMBER_RE, QuantityError, parse_quantity, same_unit
from mstrack.sources.sheets import cell_text
from mstrack.vocabulary import EQUAL

FIELDS = ("programme", "task", "indicator", "as_of", "value", "note", "reporter")
"""The order of a row's cells on every path: the columns of a progress table that are read."""
REMARK_RE = re.compile(r"^(?P<value>.*?)\s*[（(](?P<remark>.*)[）)]\s*$")


def text_value(cell) -> str | None:
    """cell_text, with the common case (a string from a CSV) first."""
    if type(cell) is str:
        return cell.strip() or None
    return cell_text(cell)


def reporter_text(cell) -> str | None:
    """A 填报人 cell's reporter as stored, or None where it gives none: a blank, an empty string, spaces (full-width
    too), zero-width characters or a byte-order mark alone (left by a pasted page: a "\ufeff" was a reporter given),
    and a missing column; a number gives its digits. Zero-width characters and a BOM are never part of the name."""
    text = text_value(cell)
    if text is None or text.isprintable():  # a name as typed: no format character (a BOM), no space but ASCII's
        return text
    from mstrack.sources.table.reading import INVISIBLE  # the table reader's, loaded for such a cell only

    return text.translate(INVISIBLE).strip() or None


def reporter_given(cell) -> bool:
    """Whether a 填报人 cell gives the row's reporter (reporter_text): where it gives none, the row's reporter is
    --by's or the login's. The one answer for both row paths (the chunk path's plain rows, the per-row path's):
    whether a row names who reported it (Comparing._by_another)."""
    return reporter_text(cell) is not None


def split_remark(text: str) -> tuple[str, str | None]:
    """"80%(新区实验幼儿园进度滞后)" → ("80%", "新区实验幼儿园进度滞后"), either kind of bracket."""
    match = REMARK_RE.match(text.strip())
    if match and match["value"].strip():
        return match["value"].strip(), match["remark"].strip() or None
    return text.strip(), None


def unit_bracket(raw: str | None, value: str | None, remark: str | None, unit: str) -> tuple[str | None, str | None]:
    """The value and remark of a cell, its bracket given back where it is the unit's own ("12000套（间）")."""
    return (raw, None) if remark is not None and ends_with_unit(raw, unit) else (value, remark)


def ends_with_unit(text: str, unit: str) -> bool:
    """Whether a value is written with its indicator's unit, brackets and all ("1.2万套（间）", "套(间)"): then
    its bracket is the unit's, not a remark. The units compare as `log` compares them (quantities.same_unit)."""
    if not unit or not ("(" in unit or "（" in unit):
        return False
    try:
        return same_unit(parse_quantity(text).unit, unit)
    except QuantityError:
        return False


def plain_unit(unit: str) -> str | None:
    """The unit a plain cell may write after its number ("65.5%", "197个"), or None: not a unit that begins with
    a scale, 千瓦 or 万元, where "5千瓦" is 5000 瓦."""
    return unit if unit and unit[0] not in "万亿千" else None


def plain_limit(unit: str, target: int | float | None = None, comparator: str = EQUAL) -> float:
    """The highest plain value of an indicator of `unit` the chunk paths keep without the per-row path: above
    100 %, or far above the annual target (domain.progress.far_above_target), is a warning, beyond MAX_MAGNITUDE an
    error, and the per-row path says which."""
    limit = 100 if unit == "%" else MAX_MAGNITUDE
    far = far_above_limit(unit, target, comparator)
    return limit if far is None else min(limit, far)


def plain_value(value: str, unit: str) -> int | float | None:
    """A plain number, bare or followed by the indicator's own unit ("2300691", "65.5%", "197个"): what
    check_value would make of it, without its word handling; None for anything else ("2.5万", "约3",
    and units that begin with a scale: plain_unit)."""
    if (own := plain_unit(unit)) and value.endswith(own):
        value = value[:-len(own)].rstrip()
    if not PLAIN_NUMBER_RE.match(value):
        return None
    number = float(value)
    return int(number) if number.is_integer() else number


PLAIN_NUMBERS_RE = re.compile(r"(?:(?=[\d.]{1,16}\n)\d{1,15}(?:\.\d{1,12})?\n)*")
"""PLAIN_NUMBER_RE over a whole column, one number a line (at most 15 digits: a longer one is the per-row path's)."""
NUMBER_SUFFIX_RE = re.compile(r"^((?=[\d.]{1,16}(?![\d.]))\d{1,15}(?:\.\d{1,12})?)?(.*)$", re.MULTILINE)
"""Each line's plain number, if it starts with one, and what follows it ("65.5%": "65.5" and "%", the
caller's to compare with the indicator's unit, as plain_value strips it); one match a line."""
_PLAIN_KINDS = frozenset((str, int, float, date, type(None)))  # not Uncomputed, datetime or bool
_TEXT_KINDS = frozenset((str, type(None)))


def plain_numbers(cells: list) -> tuple[list[float | None], list[str | None]]:
    """A column's plain numbers as plain_value reads them, checked in one match when all are bare ("2300691",
    "65.5", a spreadsheet's number), else one by one with what follows each ("65.5%": 65.5 and "%", for the
    caller to compare with the indicator's unit); None for any other cell, which the per-cell path reads."""
    texts = list(map(str, cells))
    joined = "\n".join(texts)
    # one line a cell (a cell "1\n2" would read as two numbers, then fail float()): then one match for them all
    if joined.count("\n") == len(texts) - 1 and PLAIN_NUMBERS_RE.fullmatch(joined + "\n" if texts else ""):
        return list(map(float, texts)), [None] * len(texts)
    found = NUMBER_SUFFIX_RE.findall(joined)
    if len(found) != len(texts):  # a cell with a line break: one by one
        found = [NUMBER_SUFFIX_RE.match(text).groups("") if "\n" not in text else ("", text) for text in texts]
    if not found:  # no cells
        return [], []
    numbers, suffixes = zip(*found, strict=True)  # in C, as are the conversions below when every line starts with a number
    numbers = list(map(float, numbers)) if "" not in numbers else [float(number) if number else None for number in numbers]
    return numbers, list(map(_NO_SUFFIX.get, suffixes, suffixes)) if any(suffixes) else [None] * len(suffixes)


_NO_SUFFIX = {"": None}
"""A line's empty suffix as None (dict.get's default gives every other suffix back as it is)."""


def plain_chunk(rows: list[tuple]) -> tuple[list[float | None], list[str | None]]:
    """plain_numbers of a chunk's value column (FIELDS order: the fifth cell), or None for every row when one
    of its cells is of a kind the chunk path does not read (an unsaved formula, a time, a boolean) or a
    note or reporter cannot be stored: then every row goes through the per-row path, which names it."""
    texts = list(chain.from_iterable(cells[5:] for cells in rows))  # notes and reporters
    if (not set(map(type, chain.from_iterable(rows))) <= _PLAIN_KINDS or not set(map(type, texts)) <= _TEXT_KINDS
            or not all_storable(filter(None, texts))):
        return [None] * len(rows), [None] * len(rows)
    return plain_numbers([cells[4] for cells in rows])


def picked(chunk: list, index: list[int | None], pick, width: int) -> tuple[list[int], list[tuple]]:
    """A chunk's row numbers and cells in FIELDS order, row by row: blank rows left out, a ragged row (shorter
    than the header) and a missing column read as None."""
    lines, rows = [], []
    for row in chunk:
        cells = row.cells
        if cells.count(None) == len(cells):
            continue
        if len(cells) >= width:
            cells.append(None)
            rows.append(pick(cells))
        else:
            rows.append(tuple(cells[i] if i is not None and i < len(cells) else None for i in index))
        lines.append(row.number)
    return lines, rows
