"""The cut of a long list a message names: the first few, then how many more, so that a list is never cut
silently. Beside errors.py, whose Message it fills, for every part to use (an import's rows, the store's plan
changes): the templates stay in the catalogue (labels/), read by their English words wherever they are made."""

from __future__ import annotations

from mstrack.errors import Message

PLAN_CHANGES_SHOWN = 10
"""What `import plan` names of the tasks, indicators and units a plan removes or renames, before "… and N more"
(store.plan_changes, and cli.files, which says them all with --verbose)."""


def cut(items, shown: int) -> tuple[list, int]:
    """The first `shown` items and how many more there are (0 when all are shown)."""
    return list(items[:shown]), max(len(items) - shown, 0)


def and_more(n: int, indent: str = "") -> Message:
    """The line that ends a cut list of lines, "… and N more", indented as the lines above it (`indent`): for a list
    cut here (first_shown) or one cut where it was gathered (cli.files' corrected rows)."""
    return Message("{indent}… and {n} more", indent=indent, n=n)


def first_shown(items: list, shown: int, indent: str = "") -> list:
    """The first `shown` of a long list of things said a line each, then "… and N more" (indented as the lines above
    it): what an old export would put back (store.plan_since), what `import plan` changes (store.plan_changes), the
    `# check:` doubts a plan file still holds (cli.files)."""
    head, more = cut(items, shown)
    return [*head, and_more(more, indent)] if more else head


def in_line(head: list, more: int) -> list:
    """A cut list said on one line: its first items, then "… (+N)" when `more` were left out, to be joined by the
    caller's separator: row numbers (numbers_shown), the rows an import kept or found repeated (cli.files)."""
    return [*head, f"… (+{more})"] if more > 0 else list(head)


def runs(numbers) -> list[tuple[int, int]]:
    """Sorted numbers as runs of consecutive ones, (first, last) each: 2 3 4 6 → (2, 4), (6, 6). The one way row
    numbers become ranges, each caller writing them its own way (cli.import_said, sources.progress_sheets)."""
    found: list[list[int]] = []
    for number in numbers:
        if found and number == found[-1][1] + 1:
            found[-1][1] = number
        else:
            found.append([number, number])
    return [(first, last) for first, last in found]


def numbers_shown(numbers: list[int], shown: int = 20) -> str:
    """Row numbers for a warning: the first 20, then how many more ("…, 20, … (+35)") (sources.progress_names)."""
    return ", ".join(map(str, in_line(*cut(numbers, shown))))
