"""What a frozen report said against what the same report says now: a pure diff of two JSON trees.

Rows are matched by who they are (programme, task, indicator, unit …), not by position, so a row
that moved because its status changed is compared with itself; rows of the same identity (two
reports of one indicator) are matched in their order.

A key of a row that the frozen report lacks (absent, not null) is one a later mstrack added to the report's JSON
(reporting_unit, ret48): the frozen report could not say it, so it is not compared (review48 F4: "null → 福田区",
exit 1, of a report nothing had changed in). A tally (word → how many, as a table report's assessments) lists only
the words it met: a word absent from the frozen one was counted 0 then, and is compared as 0. A key whose meaning
changed (OLDER_MEANINGS) is compared, in a report frozen before the change, on what both sides can say.
"""

from __future__ import annotations

from dataclasses import dataclass

from mstrack.domain import unique

IDENTITY = ("programme", "task", "indicator", "unit", "area", "code", "batch", "change")
"""What names a row; batch and change: a plan change of 变化 (reports.revisions), compared as one that came or went."""
IGNORED = {"entered_at", "days_since_report"}
"""Keys never compared: when a report was entered, and a unit's days since its latest report (the report's day less
`last_report`, compared itself: "7 → 0" beside it said the same change twice, trial64 F5)."""

OLDER_MEANINGS = {"pro_rata": ("programme_rules", lambda now: now is True)}
"""Keys whose meaning changed between versions: key → (the key that came with the new meaning, today's value in the
old meaning). A report frozen without that key said the old one, so today's value is compared in it. `pro_rata`: false
said "not every row pro-rata" until null said "the programmes' rules differ" (trial64 F9): a frozen false and a null
today say the same ("pro rata false → —" was no change in the figures); today's true is still true, false false."""


@dataclass(frozen=True)
class Change:
    path: str
    sent: object
    now: object
    steps: tuple = ()  # the path as (key, name) / (row, the row's dict) / (at, position) steps: what `report diff` words

    def as_dict(self) -> dict:
        return {"path": self.path, "sent": self.sent, "now": self.now}


def _identity(item: dict) -> str | None:
    parts = [str(item[key]) for key in IDENTITY if isinstance(item.get(key), str | int)]
    return "/".join(parts) or None


def _keyed(items: list) -> dict | None:
    """A list of rows by identity: (task, indicator …), the second row of the same identity (two reports
    of one indicator in a week) as "…#2", in order. None for a list of plain values, compared by position."""
    keyed: dict[str, object] = {}
    for item in items:
        key = _identity(item) if isinstance(item, dict) else None
        if key is None:
            return None
        seen, candidate = 1, key
        while candidate in keyed:
            seen += 1
            candidate = f"{key}#{seen}"
        keyed[candidate] = item
    return keyed


def _tally(*dicts: dict) -> bool:
    """Word → how many (every value a count): a key it lacks is a word counted 0, not a key added since."""
    return all(isinstance(value, int) and not isinstance(value, bool) for values in dicts for value in values.values())


def diff(sent, now, path: str = "", steps: tuple = ()) -> list[Change]:
    if isinstance(sent, dict) and isinstance(now, dict):
        changes, tally = [], _tally(sent, now)
        for key in unique([*sent, *now]):
            if key in IGNORED or (key not in sent and not tally):  # added to the JSON since the report was frozen
                continue
            value = now.get(key, 0 if tally else None)
            if key in OLDER_MEANINGS and OLDER_MEANINGS[key][0] not in sent and OLDER_MEANINGS[key][0] in now:
                value = OLDER_MEANINGS[key][1](value)  # frozen before the key's meaning changed: said in the old one
            changes += diff(sent.get(key, 0 if tally else None), value,
                            f"{path}.{key}" if path else key, (*steps, ("key", key)))
        return changes
    if isinstance(sent, list) and isinstance(now, list):
        keyed_sent, keyed_now = _keyed(sent), _keyed(now)
        if keyed_sent is not None and keyed_now is not None:
            changes = []
            for key in unique([*keyed_sent, *keyed_now]):
                row = keyed_now.get(key) or keyed_sent.get(key)
                changes += diff(keyed_sent.get(key), keyed_now.get(key), f"{path}[{key}]", (*steps, ("row", row)))
            return changes
        changes = []
        for index in range(max(len(sent), len(now))):
            changes += diff(sent[index] if index < len(sent) else None, now[index] if index < len(now) else None,
                            f"{path}[{index}]", (*steps, ("at", index)))
        return changes
    return [] if sent == now else [Change(path, sent, now, steps)]
