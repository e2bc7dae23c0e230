"""Which of several things a name given in words names, as a user types it or a unit's report prints it: one
cascade of tiers for `log --indicator`, import progress's indicator names and a report's task names alike."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")

TIERS = (str.__eq__, str.startswith, str.__contains__)
"""The same name, else one it begins, else one it is part of."""


def named_by(candidates: Iterable[T], name: str, key: Callable[[T], str],
          folds: Sequence[Callable[[str], str]]) -> list[T]:
    """The candidates whose `key` the name names in the first tier that finds any: for each fold in turn (the text
    as given, then simplified …), the same name, else those it begins, else those it is part of. Empty when none
    does; the caller says what one, several or none mean."""
    candidates = list(candidates)
    for fold in folds:
        folded = fold(name)
        keys = [(candidate, fold(key(candidate))) for candidate in candidates]
        for same in TIERS:
            if found := [candidate for candidate, text in keys if same(text, folded)]:
                return found
    return []
