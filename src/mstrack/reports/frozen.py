"""A frozen report made whole again from the copy the store keeps (`report frozen N`): the report's JSON as it was
sent read back into the data the renderers draw, so that an office reprints what it sent, in any of the report's
formats, from that copy and never from today's data. Pure: no store, no words of any language.

The JSON a report goes out as is each dataclass's fields (reports.plain) but for the top of a report, whose
as_dict groups some fields under `summary` and `changes`: PLACED says where those are. Whatever cannot be read back
(a field a frozen copy lacks and has no default for, a list whose items have no known kind) is an Unprintable, and
the caller compares what it read back with the copy before printing it (cli: the report's JSON made again)."""

from __future__ import annotations

import types
import typing
from dataclasses import MISSING, fields, is_dataclass
from datetime import date, datetime

from mstrack.errors import InputError

PLACED = {
    "weekly": {"tasks": ("summary", "tasks"), "task_counts": ("summary", "task_counts"),
               "partly_reported": ("summary", "partly_reported"), "indicators": ("summary", "indicators"),
               "row_counts": ("summary", "indicator_counts"), "new_reports": ("changes", "reports"),
               "status_changes": ("changes", "status"), "plan_changes": ("changes", "plan"),
               "silent": ("silent_units",)},
    "table": {"tasks": ("summary", "tasks"), "task_counts": ("summary", "task_counts"),
              "assessments": ("summary", "assessments")},
}
"""Where the top of a report's JSON keeps a field under another key (WeeklyReport.as_dict, TableReport.as_dict);
every other field is at its own name (an 一览表's groups, its `areas`, are read by frozen_report)."""


class Unprintable(Exception):
    """The frozen copy holds what this mstrack cannot read back into a report: said by the caller with the copy's
    number (the JSON itself can always be printed)."""


def frozen_report(kind: str, content: dict):
    """The WeeklyReport or TableReport (half-year, annual) a frozen copy's JSON is the report of."""
    if kind == "weekly":
        from mstrack.reports.weekly import WeeklyReport

        return _made(WeeklyReport, content, PLACED["weekly"])
    if kind in ("half-year", "annual"):
        from mstrack.reports.overview import TableGroup, TableReport, TableRow

        areas = content.get("areas")
        if not isinstance(areas, list):
            raise Unprintable("areas")
        groups = [TableGroup(area=area.get("area"), rows=[_made(TableRow, row, {}) for row in area.get("tasks", [])])
                  for area in areas]
        return _made(TableReport, content, PLACED["table"], given={"groups": groups})
    raise Unprintable(kind)


def _made(kind: type, data: dict, placed: dict, given: dict | None = None):
    """An instance of the dataclass `kind` from its JSON, each field read by its type; `given`: fields made already."""
    if not isinstance(data, dict):
        raise Unprintable(kind.__name__)
    hints = typing.get_type_hints(kind)
    made = dict(given or {})
    for found in fields(kind):
        if not found.init or found.name in made:
            continue
        value, present = _at(data, placed.get(found.name, (found.name,)))
        if present:
            made[found.name] = _read(hints[found.name], value, found.name)
        elif found.default is MISSING and found.default_factory is MISSING:
            raise Unprintable(found.name)
    return kind(**made)


def _at(data: dict, path: tuple[str, ...]):
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None, False
        data = data[key]
    return data, True


def _read(hint, value, name: str):
    """A JSON value as the field's type holds it: dates and times from ISO text, tuples from lists, dataclasses from
    objects; numbers, text and flags as they are."""
    if value is None:
        return None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        kinds = [arg for arg in args if arg is not type(None)]
        for arg in kinds:
            if (arg in (date, datetime) and isinstance(value, str)) or (is_dataclass(arg) and isinstance(value, dict)):
                return _read(arg, value, name)
        return value
    if hint is datetime:
        return datetime.fromisoformat(value)
    if hint is date:
        return date.fromisoformat(value)
    if is_dataclass(hint):
        return _made(hint, value, {})
    if origin is list or hint is list:
        if not isinstance(value, list):
            raise Unprintable(name)
        if not args:  # a list of what? objects cannot be drawn from their JSON alone
            if any(isinstance(item, dict | list) for item in value):
                raise Unprintable(name)
            return list(value)
        return [_read(args[0], item, name) for item in value]
    if origin is tuple:
        return tuple(_read(arg, item, name) for arg, item in zip(args, value, strict=False))
    if origin is dict and args:
        return {key: _read(args[1], item, name) for key, item in value.items()}
    return value


def unprintable(number: int, fmt: str, why: str) -> InputError:
    """What `report frozen N -f FMT` says of a copy it cannot print in FMT: the JSON it can."""
    return InputError("report {number}: this mstrack cannot print the frozen copy again as {fmt} ({why}); `mstrack "
                      "report frozen {number} --format json` gives it as it was kept", number=number, fmt=fmt, why=why)
