"""Recording reported progress: validate a value against its indicator, then store it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .engine import SCHEDULE, IndicatorState
from .errors import InputError
from .quantities import DateError, QuantityError, parse_date, parse_quantity, same_unit, shown
from .render import format_number


@dataclass
class LogResult:
    message: str
    warnings: list[str] = field(default_factory=list)


def match_indicator(states: list[IndicatorState], name: str | None, text_only: bool | None, label: str) -> IndicatorState:
    """The indicator a report means: exact name, else a unique prefix, else a unique part of the name.

    Without a name, the task's only indicator (or only text-only line, for --done) is meant.
    text_only None considers indicators and text-only lines alike."""
    candidates = states if text_only is None else [s for s in states if (s.kind == SCHEDULE) == text_only]
    listing = "; ".join(f"{s.indicator} ({'text-only' if s.kind == SCHEDULE else s.unit or '-'})" for s in states)
    if not candidates:
        if text_only:
            raise InputError(f"{label} has no text-only line to mark done; give a number ({listing})")
        raise InputError(f"{label} has only text-only lines; mark a checkpoint met with --done (or 已完成)")
    if name is None:
        if len(candidates) == 1:
            return candidates[0]
        names = "; ".join(s.indicator for s in candidates)
        raise InputError(f"{label} has {len(candidates)} indicators; name one: {names}")
    for found in (
        [s for s in candidates if s.indicator == name],
        [s for s in candidates if s.indicator.startswith(name)],
        [s for s in candidates if name in s.indicator],
    ):
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise InputError(f"indicator {name!r} is ambiguous in {label}: {', '.join(s.indicator for s in found)}")
    raise InputError(f"{label} has no indicator {name!r}; its indicators: {listing}")


def check_value(text: str, unit: str, indicator: str) -> tuple[int | float, list[str]]:
    """The number a unit reported, in the indicator's base unit; InputError says what is wrong."""
    try:
        quantity = parse_quantity(text)
    except QuantityError as error:
        raise InputError(str(error)) from None
    warnings = []
    if quantity.unit == "%" and unit != "%":
        raise InputError(f"{shown(text)}: {indicator} counts {unit or 'a number'}, not a percentage; give the count")
    if quantity.unit and quantity.unit != "%" and not same_unit(quantity.unit, unit):
        raise InputError(f"{shown(text)}: unit {quantity.unit!r} does not match {indicator}'s unit {unit!r}")
    if unit == "%" and quantity.unit not in ("%", ""):
        raise InputError(f"{shown(text)}: {indicator} is a percentage; give it as 65%")
    if quantity.value < 0:
        raise InputError(f"{shown(text)}: a reported value cannot be negative")
    if unit == "%" and quantity.value > 100:
        warnings.append(f"{indicator}: {quantity.value}% is above 100%")
    return quantity.value, warnings


def record_progress(
    store, ref, value: str | None, *, indicator: str | None, as_of: str | None, note: str | None,
    by: str | None, done: bool, today: date, reason: str | None = None,
) -> LogResult:
    if done and value is not None:
        raise InputError("give either VALUE or --done, not both")
    if not done and value is None:
        raise InputError("missing VALUE (or --done to mark a text-only checkpoint met)")
    year, states = store.task_states(ref)
    try:
        state = match_indicator(states, indicator, done, f"{ref.programme}/{ref.code}")
    except InputError as error:
        raise InputError(f"--indicator: {error}" if indicator else str(error)) from None
    label = f"{ref.programme}/{ref.code} {state.indicator}"
    if as_of is None:
        on = today
    else:
        try:
            on = parse_date(as_of, year)
        except DateError as error:
            raise InputError(f"--as-of: {error}") from None
    if on > today:
        raise InputError(f"--as-of {on}: a report cannot be dated in the future (today is {today})")
    if state.start and on < state.start:
        raise InputError(f"--as-of {on}: before the programme starts ({state.start})")
    warnings: list[str] = []
    if done:
        met = max((r.value for r in state.reports), default=0)
        if met >= len(state.milestones):
            raise InputError(f"{label}: all {len(state.milestones)} checkpoints are already marked met")
        number = int(met) + 1
        checkpoint = state.milestones[number - 1]
        what = f"checkpoint {number}/{len(state.milestones)} ({checkpoint.label or checkpoint.due}) met"
    else:
        try:
            number, warnings = check_value(value, state.unit, state.indicator)
        except InputError as error:
            raise InputError(f"VALUE {error}") from None
        earlier = [r for r in state.reports if r.as_of <= on and r.value > number]
        if earlier and state.comparator != "<=":
            last = earlier[-1]
            warnings.append(
                f"{label}: {format_number(number, state.unit)} as of {on} is lower than the "
                f"{format_number(last.value, state.unit)} reported as of {last.as_of}; values are cumulative"
            )
        what = f"{format_number(number, state.unit)} as of {on}"
    from .store import login_name  # the store is open already: no extra start-up

    reporter = by or login_name()
    same_day = [r for r in state.reports if r.as_of == on]
    if same_day and same_day[-1].value != number:
        what += f", correcting {format_number(same_day[-1].value, state.unit)}"
    report_id, batch = store.add_report(state.indicator_id, on, number, note, reporter, reason)
    return LogResult(f"{label}: {what} (report #{report_id}, batch {batch}, by {reporter})", warnings)
