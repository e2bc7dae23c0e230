"""span51: a doubt said alike of many rows is cut by the one cut of a long list (long_lists.cut): up to LISTED rows are
listed, more are the first REPEATED and how many more."""

from __future__ import annotations

from pathlib import Path

from mstrack.errors import Message
from mstrack.sources.table.convert import LISTED, REPEATED, _said_once
from mstrack.sources.table.doubts import Doubt


def _doubts(n: int) -> list[Doubt]:
    why = Message("no header row: read as a list of tasks")
    return [Doubt(row=k, column="", why=why, at=None, key="") for k in range(2, 2 + n)]


def test_rows_up_to_the_listed_are_said_whole_and_more_are_counted():
    assert (REPEATED, LISTED) == (3, 5)
    (where, _, _), = _said_once(Path("a.csv"), _doubts(LISTED), headerless=True)
    assert str(where) == "rows 2, 3, 4, 5, 6"
    (where, _, _), = _said_once(Path("a.csv"), _doubts(LISTED + 1), headerless=True)
    assert str(where) == "rows 2, 3, 4 and 3 more"
    assert len(_said_once(Path("a.csv"), _doubts(REPEATED - 1), headerless=True)) == REPEATED - 1  # each said alone
