"""A header naming one field in several columns, said with every column: its letter, its header and the merged group
header above it ("F 累计完成 under 一季度完成情况"), and where the groups are a figure's quarters or months, the
command that reads such a wide sheet (`import table --progress-as-of`)."""

from __future__ import annotations

import re
from pathlib import Path

from mstrack.errors import InputError, Joined, Message
from mstrack.sources.rows import Row

PERIOD_RE = re.compile(r"[一二三四1-4１-４]\s*季度|第?[一二三四五六七八九十\d]+\s*月|上半年|下半年|[1-4]\s*[Qq]|[Qq]\s*[1-4]")
"""A group header naming a quarter or a month: one figure reported period by period across the sheet."""


def column_letter(index: int) -> str:
    """A column as a spreadsheet names it: A for the first, AA after Z."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def same_field(path: Path, row: Row, above: list[Row], field: str, indices: list[int]) -> InputError:
    """The refusal of a header row whose `indices` all mean `field`; `above` the rows above it (the last: its group
    headers, merged cells read as their top-left value in each cell they cover)."""
    group_row = above[-1].cells if above else []
    groups = [str(group_row[i]).strip() if i < len(group_row) and group_row[i] is not None else "" for i in indices]
    named = []
    for index, group in zip(indices, groups, strict=True):
        cell = row.cells[index]
        if group and group != str(cell).strip():
            named.append(Message("{column} {header!r} under {group!r}", column=column_letter(index), header=cell, group=group))
        else:
            named.append(Message("{column} {header!r}", column=column_letter(index), header=cell))
    columns = Joined(", ", named)
    if sum(bool(PERIOD_RE.search(group)) for group in set(groups)) >= 2:
        return InputError("{path}:{line}: {n} columns mean {field}: {columns}; they are one figure by quarter or month: "
                          "`mstrack import table {path} --progress-as-of DATE` reads such a wide sheet", path=path,
                          line=row.number, n=len(indices), field=field, columns=columns)
    return InputError("{path}:{line}: {n} columns mean {field}: {columns}; keep one (rename or delete the others)", path=path,
                      line=row.number, n=len(indices), field=field, columns=columns)
