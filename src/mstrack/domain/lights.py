"""The early warning (预警) and the light board (三色预警, 亮灯) of issue 17. Pure; never prints.

due_soon: the next checkpoint, when it falls due within `warn_days` after the day judged and the latest
value does not meet it yet (or nothing was reported): the date a report is wanted by.

A light per task and period, judged on the data as it stood at the period's end:
- red: behind or overdue, or a checkpoint passed with nothing reported (未报送 counts against the unit);
- yellow: not red, but red in the period before (caught up: one period only), or a checkpoint due soon;
- grey: nothing reported and nothing due; green: on track; done: every indicator met its final target.
A task's light is its worst indicator's (model.LIGHTS); its reason is that indicator's.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from mstrack.domain.forecast import forecast
from mstrack.domain.status import evaluate, judge_tasks, meets, selected, targets_of
from mstrack.model import LIGHTS, IndicatorState, StatusRow

RED_STATUSES = ("behind", "overdue", "no_report")
MONTH, QUARTER = "month", "quarter"
PERIOD_KINDS = (MONTH, QUARTER)


@dataclass(frozen=True, slots=True)
class Period:
    label: str
    """"2023-03" or "2023-Q1"."""
    end: date
    """The period's last day, or the --as-of day that caps the last one."""


@dataclass(slots=True)
class Light:
    """One task's light in one period, and why: `why` is a key (the status behind it, "due_soon",
    "caught_up"), `indicator` the indicator that set it, `due` the checkpoint a yellow warns of."""

    period: Period
    light: str
    why: str
    indicator: str = ""
    due: date | None = None


def due_soon(state: IndicatorState, row: StatusRow, on: date, warn_days: int, targets: tuple | None = None) -> date | None:
    """The next checkpoint's date when it falls within warn_days after `on` and the latest value is short of it
    (`targets`: the state's targets_of, when the caller has them)."""
    if row.status == "done":
        return None
    horizon = on + timedelta(days=warn_days)
    for milestone in (targets or targets_of(state))[0]:
        if milestone.due > on:
            if milestone.due > horizon:
                return None
            short = row.actual is None or not meets(row.actual, milestone.target, state.comparator)
            return milestone.due if short else None
    return None


def warned_rows(states: list[IndicatorState], on: date, *, warn_days: int, only: set[str] | None = None,
                rule: str | None = None, stale_days: int | None = None) -> list[StatusRow]:
    """status_rows with each row's early warning (due_soon) and forecast; `only` may name DUE_SOON. Each
    indicator's targets worked out once for the three (20,000 indicators: 40,000 times fewer)."""
    every = [targets_of(state) for state in states]
    rows = [evaluate(state, on, rule, stale_days, targets) for state, targets in zip(states, every, strict=True)]
    judge_tasks(rows)
    for state, row, targets in zip(states, rows, every, strict=True):
        row.due_soon = due_soon(state, row, on, warn_days, targets)
        row.forecast = forecast(state, on, targets)
    return selected(rows, only)


def indicator_light(state: IndicatorState, on: date, *, warn_days: int, rule: str | None = None) -> tuple[str, str, date | None]:
    """(light, why, due) of one indicator at `on`, before the caught-up rule (which is the task's)."""
    row = evaluate(state, on, rule)
    if row.status == "done":
        return "done", "done", None
    if row.status in RED_STATUSES:
        return "red", row.status, None
    soon = due_soon(state, row, on, warn_days)
    if soon is not None:
        return "yellow", "due_soon", soon
    if row.actual is None:
        return "grey", "nothing_due", None
    return "green", "on_track", None


_WORST = {light: i for i, light in enumerate(LIGHTS)}


def task_lights(states: list[IndicatorState], periods: list[Period], *, warn_days: int, rule: str | None = None) -> list[Light]:
    """One task's light in each period, in order: the worst indicator's, then yellow once after a red."""
    lights: list[Light] = []
    previous = None
    for period in periods:
        worst = None
        for state in states:
            light, why, due = indicator_light(state, period.end, warn_days=warn_days, rule=rule)
            if worst is None or _WORST[light] < _WORST[worst.light]:
                worst = Light(period=period, light=light, why=why, indicator=state.indicator, due=due)
        if worst is None:
            continue
        if previous == "red" and worst.light in ("green", "grey"):
            worst = Light(period=period, light="yellow", why="caught_up", indicator=worst.indicator)
        lights.append(worst)
        previous = worst.light
    return lights


def consecutive_red(lights: list[Light]) -> int:
    """How many periods in a row, ending with the last one, a task was red."""
    count = 0
    for light in reversed(lights):
        if light.light != "red":
            break
        count += 1
    return count


def periods(first: date, last: date, by: str, as_of: date) -> list[Period]:
    """The months (or quarters) from the one holding `first` to the one holding `last`, none ending after
    as_of except the one holding it, whose end is as_of."""
    step = 3 if by == QUARTER else 1
    year, month = first.year, (first.month - 1) // step * step + 1
    found: list[Period] = []
    while date(year, month, 1) <= min(last, as_of):
        end_month = month + step - 1
        end = date(year, end_month, calendar.monthrange(year, end_month)[1])
        label = f"{year}-Q{(month - 1) // 3 + 1}" if by == QUARTER else f"{year}-{month:02d}"
        found.append(Period(label=label, end=min(end, as_of)))
        year, month = (year + 1, 1) if month + step > 12 else (year, month + step)
    return found
