"""What a frozen report said against what the same report says now: a pure diff of two JSON trees.

Rows are matched by who they are (programme, task, indicator, unit …), not by position, so a row
that moved because its status changed is compared with itself.
"""

from __future__ import annotations

from dataclasses import dataclass

IDENTITY = ("programme", "task", "indicator", "unit", "area", "code")
IGNORED = {"entered_at"}


@dataclass(frozen=True)
class Change:
    path: str
    sent: object
    now: object

    def as_dict(self) -> dict:
        return {"path": self.path, "sent": self.sent, "now": self.now}


def _identity(item: dict) -> str | None:
    parts = [str(item[key]) for key in IDENTITY if isinstance(item.get(key), str | int)]
    return "/".join(parts) or None


def diff(sent, now, path: str = "") -> list[Change]:
    if isinstance(sent, dict) and isinstance(now, dict):
        changes = []
        for key in list(dict.fromkeys([*sent, *now])):
            if key in IGNORED:
                continue
            changes += diff(sent.get(key), now.get(key), f"{path}.{key}" if path else key)
        return changes
    if isinstance(sent, list) and isinstance(now, list):
        keyed_sent = {_identity(item): item for item in sent if isinstance(item, dict)}
        keyed_now = {_identity(item): item for item in now if isinstance(item, dict)}
        if None not in keyed_sent and None not in keyed_now and len(keyed_sent) == len(sent) and len(keyed_now) == len(now):
            changes = []
            for key in list(dict.fromkeys([*keyed_sent, *keyed_now])):
                changes += diff(keyed_sent.get(key), keyed_now.get(key), f"{path}[{key}]")
            return changes
        changes = []
        for index in range(max(len(sent), len(now))):
            changes += diff(sent[index] if index < len(sent) else None, now[index] if index < len(now) else None,
                            f"{path}[{index}]")
        return changes
    return [] if sent == now else [Change(path, sent, now)]
