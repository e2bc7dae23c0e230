"""The weekly report's data: the counts, the behind list with each indicator's chart, the unit rollup and what
changed in the week, built from whole tasks (store.TaskDetail) and dates. Pure: no store, no printing, no words of
any language; judged by the status engine (domain/status.judged), never re-judged here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from operator import itemgetter

from mstrack.domain import unique
from mstrack.domain.status import count_statuses, judged
from mstrack.model import CHANGE_RANK, LATE, PRO_RATA, SCHEDULE, STATUSES, STEP, IndicatorState, StatusRow
from mstrack.reports.plain import Plain
from mstrack.reports.revisions import CancelledTask, PlanRevision
from mstrack.reports.units import (
    UnitRollup,
    partly_reported,
    programme_places,
    reporting_begun,
    silent_since,
    task_counts,
    unit_rollups,
)
from mstrack.reports.window import as_known_at, new_in_window, standing_now

DEFAULT_WEEK = 7


@dataclass
class ChartSeries:
    """What a small chart of one indicator shows: the planned cumulative targets and the reports."""

    start: date
    end: date
    on: date
    planned: list[tuple[date, float]]
    """(start, 0) then each checkpoint's cumulative target; pro-rata joins them by lines, step by steps."""
    reports: list[tuple[date, float]]
    final: float | None
    rule: str
    unit: str
    expected: float | None = None
    """What the schedule asks for at `on` (the engine's expected)."""


def chart_series(state: IndicatorState, row: StatusRow, on: date, points: list[tuple[date, float]] | None = None) -> ChartSeries:
    """The chart of one indicator at `on`, from its reports or, given, their (day, value) `points` in entry order."""
    start = state.start or date(state.deadline.year, 1, 1)
    if state.kind == SCHEDULE:
        planned = [(m.due, float(i + 1)) for i, m in enumerate(state.milestones)]
        final = float(len(planned)) if planned else None
    else:
        planned = [(m.due, float(m.target)) for m in state.milestones if m.target is not None]
        if state.target is not None and not any(due >= state.deadline for due, _ in planned):
            planned.append((state.deadline, float(state.target)))
        final = None if state.target is None else float(state.target)
    if points is None:
        points = [(report.as_of, report.value) for report in state.reports]
    by_day: dict[date, float] = {}
    for as_of, value in sorted((point for point in points if point[0] <= on), key=itemgetter(0)):
        by_day[as_of] = float(value)  # the later entry wins a tie on date
    end = max([state.deadline, on, *(due for due, _ in planned)])
    return ChartSeries(
        start=start, end=end, on=on, planned=[(start, 0.0), *planned], reports=sorted(by_day.items()),
        final=final, rule=row.rule if state.kind != SCHEDULE else STEP, unit=state.unit,
        expected=None if row.expected is None else float(row.expected),
    )


@dataclass
class BehindItem(Plain):
    """A row of the behind list: every field of the status row (StatusRow.as_dict(), as `status --format
    json` prints it), and the task's title and the chart's series."""

    programme: str
    task: str
    title: str
    indicator: str
    kind: str
    lead_unit: str
    unit: str
    comparator: str
    status: str
    target: int | float | None
    final: int | float | None
    expected: int | float | None
    actual: int | float | None
    percent: float | None
    pace: float | None
    gap: int | float | None
    days_behind: int | None
    as_of: date | None
    note: str | None
    checkpoint: str
    stale: bool | None
    rule: str
    series: ChartSeries
    deadline: date | None = None
    next_due: date | None = None
    task_status: str | None = None
    assessment: str | None = None
    agrees: bool | None = None
    lead_units: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)


@dataclass
class NewReport(Plain):
    programme: str
    task: str
    title: str
    indicator: str
    kind: str
    unit: str
    lead_unit: str
    as_of: date
    value: int | float
    note: str | None
    reporter: str | None
    entered_at: datetime | None
    status: str
    """The indicator's status at the report's as-of date of the weekly report."""
    reporting_unit: str | None = None
    """The office that reported it (填报单位), when its return or log said it (ret48: as `show` and `history` give it)."""


@dataclass
class StatusChange(Plain):
    programme: str
    task: str
    title: str
    indicator: str
    lead_unit: str
    before: str
    after: str
    worse: bool
    actual: int | float | None
    unit: str
    kind: str
    as_of: date | None
    note: str | None


@dataclass
class WeeklyReport:
    as_of: date
    since: date
    programmes: list[str]
    rule: str | None
    """The --rule asked for; None when each programme's own default was used."""
    pro_rata: bool | None
    """Every row judged by the pro-rata rule (序时进度); None where the programmes' rules differ (programme_rules
    says whose is which: a false there read as "step for all", trial64 F9)."""
    tasks: int
    task_counts: dict[str, int]
    indicators: int
    row_counts: dict[str, int]
    behind: list[BehindItem]
    units: list[UnitRollup]
    new_reports: list[NewReport]
    status_changes: list[StatusChange]
    partly_reported: int = 0
    """Of the tasks counted 未报送, those with another line reported (reports.units.partly_reported)."""
    left_out: dict[str, list[str]] = field(default_factory=dict)
    """The programmes the report left out, by why (domain.scope.Scope.left_out; set by reports.make)."""
    cancelled: list[CancelledTask] = field(default_factory=list)
    """The tasks revisions cancelled (reports.revisions.CancelledTask), counted nowhere above: said in a section."""
    plan_changes: list[PlanRevision] = field(default_factory=list)
    """What plan revisions imported in the week changed (reports.revisions.PlanRevision): part of 变化."""
    unit: str | None = None
    """The one unit whose tasks it covers (`report weekly --unit`; set by reports.make), else None: every unit's."""
    programme_rules: dict[str, str] = field(default_factory=dict)
    """Each programme's rule its rows are judged by (step or pro-rata: --rule, else the programme's own)."""
    silent: list[UnitRollup] = field(default_factory=list)
    """The offices with no report dated after the previous report (`since`) while a task of theirs is not done, longest
    silent first (silent_this_week): 本周未报送, the 催报 list a weekly 通报 owes (trial64 F13). JSON `silent_units`
    holds each one's unit, place and last_report; a report frozen before it says none."""

    def as_dict(self) -> dict:
        return {
            "as_of": self.as_of.isoformat(), "since": self.since.isoformat(), "programmes": self.programmes,
            **({"unit": self.unit} if self.unit is not None else {}),  # a report of every unit's as it always was
            "rule": self.rule, "pro_rata": self.pro_rata, "programme_rules": self.programme_rules,
            "left_out": {"closed": [], "not_begun": [], **self.left_out},
            "summary": {"tasks": self.tasks, "task_counts": self.task_counts, "partly_reported": self.partly_reported,
                        "indicators": self.indicators, "indicator_counts": self.row_counts},
            "behind": [item.as_dict() for item in self.behind],
            "units": [unit.as_dict() for unit in self.units],
            "silent_units": [{"unit": unit.unit, "place": unit.place,
                              "last_report": unit.last_report and unit.last_report.isoformat()} for unit in self.silent],
            "changes": {"reports": [r.as_dict() for r in self.new_reports],
                        "status": [c.as_dict() for c in self.status_changes],
                        "plan": [c.as_dict() for c in self.plan_changes]},
            "cancelled": [c.as_dict() for c in self.cancelled],
        }


def silent_this_week(units: list[UnitRollup], since: date) -> list[UnitRollup]:
    """WeeklyReport.silent from its unit rollups: placeholders and units whose every task is done owe no return."""
    return [unit for unit in silent_since(units, since + timedelta(days=1)) if unit.office and unit.done < unit.tasks]


def judged_now(details, on: date, rule: str | None = None, stale_days: int | None = 14) -> tuple[list, list[StatusRow]]:
    """The indicators as they stand at `on` (standing_now: no report an undo took back) and their rows judged there:
    what the behind list, the counts and the rollup show, judged once for both the charts' read
    (reports.make.weekly_details) and the report (weekly_report's `now`)."""
    states = standing_now([state for detail in details for state in detail.indicators])
    return states, judged(states, on, rule, stale_days)


def weekly_report(
    details, on: date, since: date | None = None, rule: str | None = None, stale_days: int | None = 14,
    series: dict[int, list[tuple[date, float]]] | None = None,
    now: tuple[list, list[StatusRow]] | None = None,
) -> WeeklyReport:
    """The weekly report at `on`: counts, the behind list, the unit rollup, and what changed since
    `since` (default a week earlier): reports dated or entered in between, and every indicator
    whose status at `since` differs from its status at `on`.

    `series`, by indicator id: the (day, value) of every report of the indicators behind at `on`, in entry
    order, for their charts, where the details hold only the reports the rest needs (a bounded read:
    reports.make.weekly_details); without it the charts are drawn from the details' reports. `now`: judged_now of
    the same details, on, rule and stale_days, when the caller has it (judged once, not again here)."""
    since = since or on - timedelta(days=DEFAULT_WEEK)
    titles = {(d.programme, d.code): d.title for d in details}
    then = judged(as_known_at([state for detail in details for state in detail.indicators], since, on), since, rule)
    states, now = now or judged_now(details, on, rule, stale_days)
    behind = [
        BehindItem(
            programme=row.programme, task=row.task, title=titles.get((row.programme, row.task), row.task_title),
            indicator=row.indicator, kind=row.kind, lead_unit=row.lead_unit, unit=row.unit, comparator=row.comparator,
            status=row.status, target=row.target, final=row.final, expected=row.expected, actual=row.actual,
            percent=row.percent, pace=row.pace, gap=row.gap, days_behind=row.days_behind, as_of=row.as_of,
            note=row.note, checkpoint=row.checkpoint_text, stale=row.stale, rule=row.rule,
            series=chart_series(state, row, on, None if series is None else series.get(state.indicator_id, [])),
            deadline=row.deadline, next_due=row.next_due,
            task_status=row.task_status, assessment=row.assessment, agrees=row.agrees,
            lead_units=list(row.lead_units), units=list(row.units),
        )
        for state, row in sorted(zip(states, now, strict=True), key=lambda pair: STATUSES.index(pair[1].status))
        if row.status in LATE
    ]
    new_reports = []
    for state, row in zip(states, now, strict=True):
        for report in new_in_window(state.reports, since, on):
            new_reports.append(NewReport(
                programme=state.programme, task=state.task,
                title=titles.get((state.programme, state.task), state.task_title), indicator=state.indicator,
                kind=state.kind, unit=state.unit, lead_unit=row.lead_unit, as_of=report.as_of,
                value=report.value, note=report.note, reporter=report.reporter, entered_at=report.entered_at,
                status=row.status, reporting_unit=report.reporting_unit,
            ))
    new_reports.sort(key=lambda r: r.as_of, reverse=True)  # stable: document order within a day
    changes = [
        StatusChange(
            programme=row.programme, task=row.task, title=titles.get((row.programme, row.task), row.task_title),
            indicator=row.indicator, lead_unit=row.lead_unit, before=old.status, after=row.status,
            worse=CHANGE_RANK[row.status] < CHANGE_RANK[old.status], actual=row.actual,
            unit=row.unit, kind=row.kind, as_of=row.as_of, note=row.note,
        )
        for row, old in zip(now, then, strict=True) if row.status != old.status
    ]
    changes.sort(key=lambda c: (not c.worse, STATUSES.index(c.after)))
    places = programme_places({d.programme: d.programme_name for d in details})
    units = unit_rollups(now, places=places, on=on)
    rules = {row.programme: row.rule for row in now}  # one rule a programme (--rule, or its own)
    kinds = set(rules.values())
    return WeeklyReport(
        as_of=on, since=since, programmes=unique(filter(None, (d.programme for d in details))), rule=rule,
        pro_rata=None if len(kinds) > 1 else kinds == {PRO_RATA},
        programme_rules=dict(sorted(rules.items())),
        tasks=len({(row.programme, row.task) for row in now}), task_counts=task_counts(now),
        indicators=len(now), row_counts=count_statuses(now), behind=behind,
        units=units, new_reports=new_reports, status_changes=changes, partly_reported=partly_reported(now),
        silent=silent_this_week(units if (begun := reporting_begun(now)) is None
                                else unit_rollups(begun, places=places, on=on), since),
    )
