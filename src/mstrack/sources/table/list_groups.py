"""A "(一)" list's "一、" lines (headerless.py): which head the items numbered "(一)" after them and which are items of
their own, holding none."""

from __future__ import annotations

from mstrack.sources.table.cells import AREA_RE


def heads(chosen: list[tuple[str, str, str]], k: int) -> bool:
    """A "一、…" line of a "(一)" list that heads the items after it; one followed by the next "二、…" holds no items and
    is an item of its own, numbered 一 ("一、实施…工程,全省全年完成10万人搬迁任务。" before "二、…")."""
    return chosen[k][0] == "heading" and k + 1 < len(chosen) and chosen[k + 1][0] != "heading"


def own_item(kind: str, words: str) -> tuple[str, str]:
    """An item's 序号 and words: "(一)…" keeps its number in its words (the reader codes it 一(一) under its heading),
    a "一、…" line that heads nothing is item 一 with the words after its number."""
    m = AREA_RE.match(words) if kind == "heading" else None
    return (m[1], words[m.start(2):].strip()) if m else ("", words)
