"""督办通知单: to each lead unit, its tasks with a red or yellow light at a date, indicator by indicator
(expected, actual, gap, next deadline, the pace still needed) and the date to reply by. Built from whole
tasks read once (store.TaskDetail) and the rules of domain/lights and domain/forecast. No words here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from mstrack.domain import unique
from mstrack.domain.forecast import forecast
from mstrack.domain.lights import indicator_light, periods, task_lights
from mstrack.domain.quantities import row_figures
from mstrack.domain.status import evaluate

REPLY_DAYS = 7
"""The reply date, when none is given: a week after the notice."""
WARNED = ("red", "yellow")


@dataclass(kw_only=True)
class NoticeItem:
    programme: str
    task: str
    title: str
    light: str
    why: str
    indicator: str
    kind: str
    unit: str
    comparator: str
    expected: int | float | None
    actual: int | float | None
    gap: int | float | None
    next_due: date | None
    required_pace: float | None
    checkpoint: str = ""
    """The words of the checkpoint last passed (of the next, when none has passed), as status's `checkpoint`."""
    passed: date | None = None
    """The date of the checkpoint last passed."""
    missed: date | None = None
    """The last checkpoint's date, where it has passed and none is to come: the indicator is past it, and no
    pace is asked of it (one spread to the task's deadline would invite finishing by then)."""
    stored: tuple = ()
    """The row's target and last checkpoint's figure (under the step rule its expected too), as stored: the decimals
    its expected and gap keep (format_computed)."""


@dataclass(kw_only=True)
class Notice:
    unit: str
    on: date
    reply_by: date
    programmes: list[str]
    items: list[NoticeItem] = field(default_factory=list)
    silent_since: date | None = None
    """A reminder to report (催报): the unit has no report dated on or after this day (trial57 F8)."""
    last_report: date | None = None
    """The day of the unit's latest report on or before `on` (None: none yet), said in the reminder."""
    cancelled: list = field(default_factory=list)
    """The unit's tasks revisions cancelled (reports.revisions.CancelledTask): asked nothing of, said under the table."""

    @property
    def tasks(self) -> int:
        return len({(item.programme, item.task) for item in self.items})


def reply_date(on: date, reply_by: date | None) -> date:
    return reply_by or on + timedelta(days=REPLY_DAYS)


def notices(details, *, on: date, reply_by: date | None = None, warn_days: int, rule: str | None = None,
            unit: str | None = None, silent_since: date | None = None) -> list[Notice]:
    """One notice per lead unit with at least one red or yellow task (with `unit`, that unit's alone, even
    when empty), in the order of the units' names. A task is judged month by month from its programme's
    start, so that a task caught up after a red month is yellow, as on the light board. With `silent_since`, a
    lead unit with no report dated on or after it has a notice too, which reminds it to report (催报)."""
    starts = [detail.start or date(detail.deadline.year, 1, 1) for detail in details]
    shown = periods(min(starts), on, "month", on) if starts else []
    programmes = unique(detail.programme_name for detail in details)
    by_unit: dict[str, Notice] = {}
    if unit is not None:
        by_unit[unit] = Notice(unit=unit, on=on, reply_by=reply_date(on, reply_by), programmes=programmes)
    for detail in details:
        leads = unique(lead for state in detail.indicators for lead in state.lead_units)
        for lead in leads if unit is None else [unit] if unit in leads else []:
            states = [state for state in detail.indicators if lead in state.lead_units]
            lights = task_lights(states, shown, warn_days=warn_days, rule=rule)
            if not lights or lights[-1].light not in WARNED:
                continue
            notice = by_unit.get(lead) or by_unit.setdefault(
                lead, Notice(unit=lead, on=on, reply_by=reply_date(on, reply_by), programmes=programmes))
            notice.items += _items(detail, states, lights[-1], on, warn_days, rule)
    if silent_since is not None:
        _remind(details, by_unit, on, silent_since, Notice(unit="", on=on, reply_by=reply_date(on, reply_by),
                                                         programmes=programmes), unit, rule)
    return [by_unit[name] for name in sorted(by_unit)]


def _remind(details, by_unit: dict[str, Notice], on: date, since: date, blank: Notice, unit: str | None,
            rule: str | None = None) -> None:
    """Each lead unit silent since `since` (its latest own report on or before `on` older, or none: units.own_return,
    as `units --silent-since` counts it) reminded to report, on its notice or on one of its own; none of a programme
    whose reporting has not begun (units.begun_programmes)."""
    from dataclasses import replace

    from mstrack.reports.units import begun_programmes, own_return

    begun = begun_programmes(evaluate(state, on, rule) for detail in details for state in detail.indicators)
    latest: dict[str, date | None] = {}
    for detail in details:
        for state in detail.indicators if detail.programme in begun else []:  # as the weekly 通报's silent list
            senders: dict[str | None, date] = {}  # who reported the indicator, and when last
            for report in state.reports:
                if report.as_of <= on and report.as_of > senders.get(report.reporting_unit, date.min):
                    senders[report.reporting_unit] = report.as_of
            for lead in state.lead_units:
                if unit is None or lead == unit:
                    latest[lead] = max(filter(None, (latest.get(lead), own_return(senders, lead))), default=None)
    for lead, last in latest.items():
        if last is None or last < since:
            notice = by_unit.get(lead) or by_unit.setdefault(lead, replace(blank, unit=lead, items=[]))
            notice.silent_since, notice.last_report = since, last


def _items(detail, states, task_light, on: date, warn_days: int, rule: str | None) -> list[NoticeItem]:
    """The indicators behind a task's light: those red or yellow themselves; all of them for a task yellow
    for having caught up (each is on track now; the notice asks the unit to keep it so)."""
    items = []
    for state in states:
        light, why, due = indicator_light(state, on, warn_days=warn_days, rule=rule)
        if light not in WARNED and task_light.why != "caught_up":
            continue
        if light not in WARNED:
            light, why = task_light.light, task_light.why
        row = evaluate(state, on, rule)
        ahead = forecast(state, on)
        passed = max((milestone.due for milestone in state.milestones if milestone.due <= on), default=None)
        missed = passed if passed and not (due or row.next_due) and row.status != "done" else None
        items.append(NoticeItem(
            programme=detail.programme, task=detail.code, title=detail.title, light=light, why=why,
            indicator=state.indicator, kind=state.kind, unit=state.unit, comparator=state.comparator,
            expected=row.expected, actual=row.actual, gap=row.gap, next_due=due or row.next_due,
            required_pace=ahead.required_pace if ahead and not missed else None,
            checkpoint=row.checkpoint_text, passed=passed, missed=missed,
            stored=row_figures(row.target, row.final, row.expected, row.rule),
        ))
    return items
