"""The cut of a long list a message names: the first few, then how many more, so that a list is never cut
silently. Beside errors.py, whose Message it fills, for every part to use (an import's rows, the store's plan
changes): the templates stay in the catalogue (labels/), read by their English words wherever they are made."""

from __future__ import annotations

from mstrack.errors import Message


def cut(items, shown: int) -> tuple[list, int]:
    """The first `shown` items and how many more there are (0 when all are shown)."""
    return list(items[:shown]), max(len(items) - shown, 0)


def first_shown(items: list, shown: int, indent: bool = False) -> list:
    """The first `shown` of a long list of things said, then "… and N more" (indented two spaces with `indent`, as the
    lines above it): what an old export would put back (store.plan_since) and what `import plan` changes
    (store.plan_changes)."""
    head, more = cut(items, shown)
    if not more:
        return head
    said = Message("… and {n} more", n=more)
    return [*head, Message("  {b}", b=said) if indent else said]


def numbers_shown(numbers: list[int], shown: int = 20) -> str:
    """Row numbers for a warning: the first 20, then how many more ("…, 20, … +35") (sources.progress_names)."""
    head, more = cut(numbers, shown)
    said = ", ".join(map(str, head))
    return f"{said}, … +{more}" if more else said
