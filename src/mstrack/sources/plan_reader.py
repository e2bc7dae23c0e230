"""The walk over a parsed plan (plan.plan_from_dict): each value read by its kind at its key path (text, names,
number, date, tables), unknown keys named, every problem collected instead of stopping at the first."""

from __future__ import annotations

from datetime import date, datetime

from mstrack.domain.limits import number_problem, text_problem, year_problem
from mstrack.errors import Message, Problem

NUMBER_TYPES = (int, float)
"""What tomllib gives for a number (a bool is neither: its type is bool), checked by type before isinstance."""
INFINITIES = (float("inf"), float("-inf"))
JUST_TEXT, JUST_TABLES = {str}, {dict}
"""The types of a list of names and of a list of tables as tomllib gives them: all of a list's types in one set, checked
before the isinstance of each item (a plan's 200,000 tables)."""
KEYS = {
    "": {"format", "programme", "areas", "tasks"},
    "programme": {"code", "name", "year", "start", "end", "source", "reading", "rule", "note"},
    "area": {"code", "name", "text", "declared_tasks"},
    "task": {"code", "area", "title", "deadline", "deadline_text", "note", "assessment", "problems", "progress",
             "next_steps", "links", "lines"},
    "line": {"leader", "lead_units", "units", "checkpoints", "indicators", "reports"},
    "checkpoint": {"due", "label", "text"},
    "indicator": {"name", "unit", "comparator", "target", "text", "reading", "milestones", "reports"},
    "milestone": {"due", "target", "printed", "text"},
    "report": {"as_of", "value", "note"},
}


class PlanReader:
    """Walks the parsed TOML, collecting every problem with its key path instead of stopping.

    Texts are checked against the limits (limits.text_problem) together, once the walk is done: `check` only
    keeps each text then, and returns None (no problem). Where one of them fails, plan_from_dict walks the plan
    again with each text checked where it is read (one_by_one), to name it at its key."""

    def __init__(self, source: str, one_by_one: bool = False):
        self.source = source
        self.errors: list[Message] = []
        self.days: dict[tuple[str, int | None], date] = {}  # dates read, only those that were dates
        self.read: list[str] = []  # the texts read, when they are checked together
        self.check = text_problem if one_by_one else self.read.append
        self.kept = False  # a plan the store kept (plan.plan_from_dict)
        self.units: dict[str, str] = {}  # the plan's unit names by the key they read alike by (names.look_alike)
        self.unit_names: set[str] = set()  # the names in `units`: a name met again is not folded again (per plan, not per row)

    def fail(self, path: str, reason, /, **fields) -> None:
        """One problem at a key path: `reason` is a message template and its fields, or an error."""
        if not isinstance(reason, Message | Problem):
            reason = Message(reason, **{name: _Brief(value) if isinstance(value, list | dict) or isinstance(value, str) and
                                        len(value) > _Brief.LONG else value for name, value in fields.items()})
        self.errors.append(Message("{source}: {path}: {reason}", source=self.source, path=path, reason=reason))

    def known_keys(self, table: dict, kind: str, path: str) -> None:
        """A misspelt key would silently lose what it holds: name it instead."""
        if table.keys() <= KEYS[kind]:  # every key known: one set comparison, not a loop, for a plan's 200,000 tables
            return
        for key in table:
            if key not in KEYS[kind]:
                self.fail(f"{path}.{key}" if path else key, "unknown key (expected one of {keys})",
                          keys=", ".join(sorted(KEYS[kind])))

    def text(self, table: dict, key: str, path: str, required: bool = True) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                self.fail(f"{path}.{key}", "missing")
            return None
        if not isinstance(value, str):
            self.fail(f"{path}.{key}", "expected text, got {value!r}", value=value)
            return None
        if problem := self.check(value):
            self.fail(f"{path}.{key}", problem)
            return None
        if required and not value.strip():
            self.fail(f"{path}.{key}", "empty")
        return value

    def texts(self, table: dict, key: str, path: str) -> list[str]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not (set(map(type, value)) <= JUST_TEXT or all(isinstance(v, str) for v in value)):
            self.fail(f"{path}.{key}", "expected a list of names")
            return []
        for index, name in enumerate(value):
            if problem := self.check(name):
                self.fail(f"{path}.{key}[{index}]", problem)
                return []
        return value

    def number(self, table: dict, key: str, path: str) -> int | float | None:
        value = table.get(key)
        if value is None:
            return None
        if type(value) not in NUMBER_TYPES and (isinstance(value, bool) or not isinstance(value, int | float)):
            self.fail(f"{path}.{key}", "expected a number, got {value!r}", value=value)
            return None
        if value != value or value in INFINITIES:
            self.fail(f"{path}.{key}", "expected a finite number")
            return None
        if problem := number_problem(value):
            self.fail(f"{path}.{key}", problem)
            return None
        return value

    def day(self, table: dict, key: str, path: str, year: int | None, required: bool) -> date | None:
        value = table.get(key)
        if type(value) is str and (found := self.days.get((value, year))) is not None:
            return found  # a plan's 20,000 tasks name the same few dates, each read once (below)
        if value is None:
            if required:
                self.fail(f"{path}.{key}", "missing")
            return None
        if isinstance(value, date):
            if problem := year_problem(value.year):
                self.fail(f"{path}.{key}", problem)
                return None
            return value.date() if isinstance(value, datetime) else value
        if isinstance(value, str):
            from mstrack.domain.dates import DateError, parse_date

            try:
                found = self.days[(value, year)] = parse_date(value, year)
                return found
            except DateError as error:
                self.fail(f"{path}.{key}", error)
                return None
        self.fail(f"{path}.{key}", "expected a date such as 2023-06-30, got {value!r}", value=value)
        return None

    def tables(self, table: dict, key: str, path: str) -> list[dict]:
        value = table.get(key, [])
        if not isinstance(value, list) or not (set(map(type, value)) <= JUST_TABLES or all(isinstance(v, dict) for v in value)):
            self.fail(f"{path}.{key}", "expected a list of tables")
            return []
        return value


class _Brief:
    """A value quoted in a message, cut short: a plan's key may hold a 20 MB string or a huge array."""

    LONG = 200

    def __init__(self, value):
        self.value = value

    def __repr__(self) -> str:
        import reprlib

        short = reprlib.Repr()
        short.maxstring = short.maxother = 60
        return short.repr(self.value)

    def __str__(self) -> str:
        text = str(self.value) if isinstance(self.value, str) else repr(self)
        return text if len(text) <= self.LONG else text[:self.LONG] + "…"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)
