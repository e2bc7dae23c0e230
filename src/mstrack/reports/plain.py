"""What report data shares: `Plain`, the base of the dataclasses that go out as JSON (reports/units, weekly, overview)."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date, datetime


def _iso(value):
    return value.isoformat() if isinstance(value, date | datetime) else value


_FIELDS: dict[type, tuple[str, ...]] = {}
_LEAVES = frozenset({str, int, float, bool, type(None)})


def _plain(value):
    """A dataclass as asdict gives it, with dates as ISO text and tuples as lists, for JSON. Walked here, not
    by asdict (which deep-copies every value, then a second walk turns the dates): a weekly report charting
    13,696 indicators behind has 685,000 points, and asdict took 30 s of them."""
    kind = type(value)
    if kind in _LEAVES:
        return value
    if kind is list or kind is tuple:
        return [_plain(item) for item in value]
    if kind is dict:
        return {key: _plain(item) for key, item in value.items()}
    names = _FIELDS.get(kind)
    if names is None:
        if not is_dataclass(kind):
            return _iso(value)
        names = _FIELDS[kind] = tuple(f.name for f in fields(kind))
    return {name: _plain(getattr(value, name)) for name in names}


class Plain:
    """Report data that goes out as JSON: as_dict gives its fields with dates as ISO text."""

    def as_dict(self) -> dict:
        return _plain(self)
