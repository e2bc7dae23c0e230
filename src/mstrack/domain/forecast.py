"""Forecasts: where an indicator is heading at the pace of its last two reports. Pure; never prints.

recent_pace: the change per day between the last two reports of different dates on or before the day
asked for (a correction on the same date replaces, it does not count twice); null with fewer than two.
required_pace: the change per day still needed from the latest report to the final target by the
deadline (none once the target is met). projected_done: the day the final target is met at the recent
pace (the latest report's day when it is met already; the deadline for a rate or a ceiling met before it,
met so far as its status says: status.judged_at_end; null when the pace is none, or goes the wrong
way). on_course: projected_done
on or before the deadline (null when nothing can be projected from the reports). A falling indicator's
paces are negative: its value falls. A text-only line has no forecast; one report makes none. A level (an average,
a rate: status.level) has no pace: below its target, no pace and no date (left50: 420人 then 500人 of a 710人 monthly
average was "done on 2023-11-21" as if a running total); at it, met so far, as a rate.
"""

from __future__ import annotations

from datetime import date

from mstrack.domain.status import judged_at_end, level, meets, targets_of
from mstrack.model import SCHEDULE, Forecast, IndicatorState, ReportState

_LAST_DAY = date.max.toordinal()
_new = object.__new__


def last_two(reports: list[ReportState], on: date) -> tuple[ReportState | None, ReportState | None]:
    """The latest report on or before `on` and the latest of an earlier date (the later entry wins a date).
    One pass, keeping the two (no dict of days and sort: a status asks 20,000 times)."""
    latest = previous = None
    for report in reports:
        day = report.as_of
        if day > on:
            continue
        if latest is None or day >= latest.as_of:  # entry order: a later entry for the same date replaces
            if latest is not None and day > latest.as_of:
                previous = latest
            latest = report
        elif previous is None or day >= previous.as_of:
            previous = report
    return latest, previous


def _per_day(change: float, days: int) -> float:
    return round(change / days, 4)


def forecast(state: IndicatorState, on: date, targets: tuple | None = None) -> Forecast | None:
    """The forecast of one quantity indicator at `on`; None for a text-only line or one without a final target.
    `targets`: the state's targets_of, when the caller has them."""
    if state.kind == SCHEDULE:
        return None
    final = (targets or targets_of(state))[1]
    deadline = state.deadline
    latest, previous = last_two(state.reports, on)
    recent = required = projected = on_course = None
    if final is not None and latest is not None:
        value = latest.value
        left = (deadline - latest.as_of).days
        recent = _per_day(value - previous.value, (latest.as_of - previous.as_of).days) if previous else None
        if meets(value, final, state.comparator):  # met already: no pace is still needed (it said "needs fall …")
            # a rate or a ceiling met before its deadline is met so far: done on the deadline, as the status says;
            # from the deadline on it is done, met on its report's day (review50 F9: no condition on a day past)
            projected = deadline if on < deadline and latest.as_of < deadline and judged_at_end(state) else latest.as_of
            on_course = latest.as_of <= deadline
        elif level(state):  # an average or a rate moves up and down: no line through two of its figures leads anywhere
            recent = None
        else:
            required = _per_day(final - value, left) if left > 0 else None
            if recent is not None:
                projected = _projected(value, final, latest, previous)
                on_course = projected is not None and projected <= deadline
    made = _new(Forecast)  # every field named, without __init__'s keyword matching (model.py)
    made.recent_pace = recent
    made.required_pace = required
    made.projected_done = projected
    made.on_course = on_course
    return made


def _projected(value: float, final: float, latest: ReportState, previous: ReportState) -> date | None:
    """The day the line through the last two reports reaches the final target; None when it never does."""
    change = value - previous.value
    if change == 0 or (final - value) / change < 0:  # standing still, or moving away from the target
        return None
    span = (latest.as_of - previous.as_of).days
    days = -(-(final - value) * span // change)  # whole days, rounded up: the target is met at the end of that day
    ordinal = latest.as_of.toordinal() + int(days)
    return date.fromordinal(ordinal) if ordinal <= _LAST_DAY else None
