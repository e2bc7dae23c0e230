"""Tables written in traditional characters (序號, 項目名稱, 責任單位, 完成時限) are read in simplified ones,
and what the plan keeps of them (titles, units, checkpoint text) is given back as the document wrote it.

Every rule of the table reader (header words, column kinds, units of measure, 月底前, 季度, 萬) is
written in simplified characters, once. So the cells are converted for matching by OpenCC, the
field's maintained converter (no hand-made character table), and the texts the plan keeps are
restored character by character from the cells they came from.

OpenCC is imported only for a table that may hold traditional characters: one with a CJK character
outside GB2312, the simplified national set (a quick test of the distinct characters). Such a
character may still be a rare simplified one (a name's 堃); then OpenCC leaves it as it is and the
table is read unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable

from mstrack.domain.characters import converter, outside_gb2312, simplified

__all__ = ["Written", "for_matching", "restore_plan", "simplified"]


class Written:
    """How to give back the document's own characters in a text read from its simplified cells.

    Each simplified character that conversion made maps back to the character the document wrote. A
    character that more than one written character became (台 from 臺 and from 台) is found by its place
    in the cells instead."""

    def __init__(self, pairs: list[tuple[str, str]]):
        changed = {new for simple, written in pairs for new, old in zip(simple, written, strict=True) if new != old}
        origins: dict[str, set[str]] = {}
        for simple, written in pairs:
            for new, old in zip(simple, written, strict=True):
                if new in changed:
                    origins.setdefault(new, set()).add(old)
        self._back = {new: olds.pop() for new, olds in origins.items() if len(olds) == 1}
        self._ambiguous = {new for new, olds in origins.items() if len(olds) > 1}
        self._simple = "\x00".join(simple for simple, _ in pairs)
        self._written = "\x00".join(written for _, written in pairs)

    def restore(self, text: str) -> str:
        if self._ambiguous.intersection(text):
            at = self._simple.find(text)
            if at >= 0:
                return self._written[at:at + len(text)]
        return "".join(self._back.get(char, char) for char in text)


def for_matching(cells: Iterable[list[str]]) -> tuple[list[list[str]], Written | None]:
    """The rows' cells in simplified characters, and how to restore the written ones (None when the
    table has no traditional character: the rows come back as they are)."""
    rows = [list(row) for row in cells]
    distinct = set("".join(cell for row in rows for cell in row))
    suspects = "".join(sorted(filter(outside_gb2312, distinct)))
    if not suspects or converter().convert(suspects) == suspects:
        return rows, None
    pairs = []
    for row in rows:
        for index, cell in enumerate(row):
            simple = simplified(cell, every_cell=True)
            pairs.append((simple, cell))
            row[index] = simple
    return rows, Written(pairs)


RESTORED_KEYS = frozenset({"name", "title", "note", "text", "label", "leader", "lead_units", "units", "unit", "deadline_text",
                           "printed", "progress", "problems", "assessment"})


def restore_plan(data, written: Written | None):
    """A plan's dictionary (sources/plan_dump.plan_to_dict) with its texts in the document's own characters."""
    if written is None:
        return data
    if isinstance(data, dict):
        return {key: _restore_value(value, written) if key in RESTORED_KEYS else restore_plan(value, written)
                for key, value in data.items()}
    if isinstance(data, list):
        return [restore_plan(item, written) for item in data]
    return data


def _restore_value(value, written: Written):
    if isinstance(value, str):
        return written.restore(value)
    if isinstance(value, list):
        return [_restore_value(item, written) for item in value]
    return restore_plan(value, written)
