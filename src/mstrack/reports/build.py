"""Report data: the unit rollup, the weekly report and the half-year / annual 一览表, built from whole
tasks (store.TaskDetail) and dates. Pure: no store, no printing, no words of any language. The
renderers (render_report, render_xlsx) turn these dataclasses into Markdown, CSV, JSON, HTML, XLSX.

Everything is judged by the engine (engine.evaluate / judge_tasks); nothing here re-computes a status.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date, datetime, timedelta
from operator import itemgetter

from mstrack.domain import unique
from mstrack.domain.status import count_statuses, judged
from mstrack.model import (
    AT_MOST,
    CHANGE_RANK,
    LATE,
    PRO_RATA,
    QUANTITY,
    SCHEDULE,
    STATUSES,
    STEP,
    TASK_SEVERITY,
    IndicatorState,
    StatusRow,
)
from mstrack.reports.window import as_known_at, new_in_window, standing_now

DEFAULT_WEEK = 7


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


def _worse(a: str | None, b: str) -> str:
    return b if a is None or TASK_SEVERITY.index(b) < TASK_SEVERITY.index(a) else a


def task_counts(rows: list[StatusRow]) -> dict[str, int]:
    """How many tasks have each status (a task is as bad as its worst line)."""
    worst: dict[tuple[str, str], str] = {}
    for row in rows:
        worst[(row.programme, row.task)] = _worse(worst.get((row.programme, row.task)), row.status)
    counts = Counter(worst.values())
    return {status: counts.get(status, 0) for status in STATUSES}


# --- units -------------------------------------------------------------------------------------


@dataclass
class UnitRollup(Plain):
    """One unit's tasks by status. A task counts once per unit, as bad as the unit's worst line in it.

    completion_rate: the mean share of the annual target done over the unit's indicators that have
    one (capped at 100; no report counts 0; text-only lines count checkpoints met), in percent."""

    unit: str
    tasks: int = 0
    done: int = 0
    on_track: int = 0
    behind: int = 0
    no_report: int = 0
    overdue: int = 0
    not_due: int = 0
    completion_rate: float | None = None
    behind_tasks: list[str] = field(default_factory=list)
    """PROGRAMME/CODE of the unit's tasks that are behind or overdue."""
    place: str = ""
    """The city (or district) of the unit's programmes, where units of the same name in other places are
    rolled up too (市交通运输局 of 青岛市 and of 东莞市 are two units); empty where the name is the only one."""


PLACE_RE = re.compile(r"^(?:\d{4}年)?(?P<place>[^\d\s年]{1,12}?(?:自治区|自治州|特别行政区|省|市|区|县|旗|州))")


def programme_place(name: str) -> str:
    """The city or district a programme belongs to, from its published name: 深圳市2023年民生实事项目 →
    深圳市, 2023年青岛市市办实事项目 → 青岛市; the whole name where it names no place."""
    match = PLACE_RE.match(name.strip())
    return match["place"] if match else name.strip()


def target_share(row: StatusRow) -> float | None:
    """Share of the annual target done, 0–100; None where there is no annual target to share."""
    if row.final in (None, 0) or row.comparator == AT_MOST:
        return None
    if row.actual is None:
        return 0.0
    return max(0.0, min(100.0, 100 * row.actual / row.final))


def unit_rollups(rows: list[StatusRow], responsible: bool = False, places: dict[str, str] | None = None) -> list[UnitRollup]:
    """Per lead unit (with `responsible`, per unit named at all: lead or co-responsible); worst first:
    most tasks behind, then overdue, then without a report, then the lowest completion rate. A unit
    belongs to its programme's place (`places`: programme code → city): same-named units of different
    cities are different units."""
    statuses: dict[tuple[str, str], dict[tuple[str, str], str]] = {}
    shares: dict[tuple[str, str], list[float]] = {}
    places = places or {}
    for row in rows:
        units = list(row.lead_units) or ([row.lead_unit] if row.lead_unit else [])
        if responsible:
            units = unique(filter(None, [*units, *row.units]))
        place = places.get(row.programme, "")
        for name in units or ["—"]:
            unit = (place, name)
            tasks = statuses.setdefault(unit, {})
            key = (row.programme, row.task)
            tasks[key] = _worse(tasks.get(key), row.status)
            share = target_share(row)
            if share is not None:
                shares.setdefault(unit, []).append(share)
    rollups = []
    names = Counter(name for _, name in statuses)
    for unit, tasks in statuses.items():
        counts = Counter(tasks.values())
        unit_shares = shares.get(unit)
        rollups.append(UnitRollup(
            unit=unit[1], place=unit[0] if names[unit[1]] > 1 else "", tasks=len(tasks),
            **{status: counts.get(status, 0) for status in STATUSES},
            completion_rate=round(sum(unit_shares) / len(unit_shares), 1) if unit_shares else None,
            behind_tasks=[f"{p}/{c}" for (p, c), status in tasks.items() if status in LATE],
        ))
    rollups.sort(key=lambda r: (-r.behind, -r.overdue, -r.no_report, r.completion_rate is None,
                                r.completion_rate or 0.0, -r.tasks, r.unit, r.place))
    return rollups


@dataclass
class RankedUnit(UnitRollup):
    """A unit's rollup with its place (`units --rank`): ties share a rank; a unit with no task due has none."""

    on_time_rate: float | None = None
    rank: int | None = None


def ranked_units(rollups: list[UnitRollup]) -> list[RankedUnit]:
    """The rollups ordered by on-time rate (tasks on track or done over tasks due), best first."""
    from mstrack.domain.ranking import on_time_rate, ranks

    units = [RankedUnit(**{name: getattr(u, name) for name in UnitRollup.__dataclass_fields__},
                        on_time_rate=on_time_rate(done=u.done, on_track=u.on_track, not_due=u.not_due, tasks=u.tasks))
             for u in rollups]
    for unit, rank in zip(units, ranks([u.on_time_rate for u in units]), strict=True):
        unit.rank = rank
    return sorted(units, key=lambda u: (u.rank is None, u.rank or 0, u.unit))


# --- weekly ------------------------------------------------------------------------------------


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
    pro_rata: bool
    """Every row judged by the pro-rata rule (序时进度)."""
    tasks: int
    task_counts: dict[str, int]
    indicators: int
    row_counts: dict[str, int]
    behind: list[BehindItem]
    units: list[UnitRollup]
    new_reports: list[NewReport]
    status_changes: list[StatusChange]

    def as_dict(self) -> dict:
        return {
            "as_of": self.as_of.isoformat(), "since": self.since.isoformat(), "programmes": self.programmes,
            "rule": self.rule, "pro_rata": self.pro_rata,
            "summary": {"tasks": self.tasks, "task_counts": self.task_counts, "indicators": self.indicators,
                        "indicator_counts": self.row_counts},
            "behind": [item.as_dict() for item in self.behind],
            "units": [unit.as_dict() for unit in self.units],
            "changes": {"reports": [r.as_dict() for r in self.new_reports],
                        "status": [c.as_dict() for c in self.status_changes]},
        }


def weekly_report(
    details, on: date, since: date | None = None, rule: str | None = None, stale_days: int | None = 14,
    series: dict[int, list[tuple[date, float]]] | None = None,
) -> WeeklyReport:
    """The weekly report at `on`: counts, the behind list, the unit rollup, and what changed since
    `since` (default a week earlier): reports dated or entered in between, and every indicator
    whose status at `since` differs from its status at `on`.

    `series`, by indicator id: the (day, value) of every report of the indicators behind at `on`, in entry
    order, for their charts, where the details hold only the reports the rest needs (a bounded read:
    reports.make.weekly_details); without it the charts are drawn from the details' reports."""
    since = since or on - timedelta(days=DEFAULT_WEEK)
    titles = {(d.programme, d.code): d.title for d in details}
    states = [state for detail in details for state in detail.indicators]
    then = judged(as_known_at(states, since, on), since, rule)
    states = standing_now(states)
    now = judged(states, on, rule, stale_days)
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
                status=row.status,
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
    return WeeklyReport(
        as_of=on, since=since, programmes=unique(filter(None, (d.programme for d in details))), rule=rule,
        pro_rata=bool(now) and all(row.rule == PRO_RATA for row in now),
        tasks=len({(row.programme, row.task) for row in now}), task_counts=task_counts(now),
        indicators=len(now), row_counts=count_statuses(now), behind=behind,
        units=unit_rollups(now, places={d.programme: programme_place(d.programme_name) for d in details}),
        new_reports=new_reports, status_changes=changes,
    )


# --- half-year / annual 一览表 -------------------------------------------------------------------

KINDS = ("half-year", "annual")


def report_date(kind: str, year: int) -> date:
    """Where a half-year report stands (June 30) and a full-year one (December 31)."""
    return date(year, 6, 30) if kind == "half-year" else date(year, 12, 31)


@dataclass
class Step:
    """A checkpoint still to come, as the schedule words it: "7-9月：完成整体形象进度80%"."""

    due: date
    label: str
    text: str
    lead: str | None = None
    """The line's lead unit, where a task's lines are led by different units."""


@dataclass
class ProgressItem:
    """One line of 进展情况: the document's own words (text), or a report not quoted in them."""

    text: str | None = None
    indicator: str | None = None
    kind: str = QUANTITY
    value: int | float | None = None
    unit: str = ""
    as_of: date | None = None
    percent: float | None = None
    note: str | None = None


@dataclass
class TableRow(Plain):
    programme: str
    code: str
    title: str
    area: str | None
    progress: list[ProgressItem]
    next_steps: list[Step]
    units: list[str]
    lead_units: list[str]
    deadline: date
    deadline_text: str
    task_status: str
    assessment: str | None
    agrees: bool | None
    problems: str | None


@dataclass
class TableGroup:
    area: str | None
    rows: list[TableRow]


@dataclass
class TableReport:
    kind: str
    programme: str
    programme_name: str
    year: int
    as_of: date
    rule: str | None
    groups: list[TableGroup]
    tasks: int
    task_counts: dict[str, int]
    assessments: dict[str, int]
    """The document's own judgements of its tasks, word → how many tasks."""

    def as_dict(self) -> dict:
        return {
            "kind": self.kind, "programme": self.programme, "programme_name": self.programme_name,
            "year": self.year, "as_of": self.as_of.isoformat(), "rule": self.rule,
            "summary": {"areas": sum(1 for g in self.groups if g.area), "tasks": self.tasks,
                        "task_counts": self.task_counts, "assessments": self.assessments},
            "areas": [{"area": g.area, "tasks": [row.as_dict() for row in g.rows]} for g in self.groups],
        }


def deadline_words(deadline: date, printed: str | None) -> str:
    """完成时限 as the document prints it ("2023.12"), else year.month."""
    return printed or f"{deadline.year}.{deadline.month}"


def steps_from_indicators(detail) -> list[Step]:
    """Checkpoints with words, as far as the indicators carry them (text-only lines and dated targets)."""
    seen, steps = set(), []
    for state in detail.indicators:
        for milestone in state.milestones:
            if not milestone.text or milestone.label == "完成时限" and milestone.text == detail.title:
                continue  # a line without checkpoints falls due at the deadline with the task's title
            key = (milestone.due, milestone.label, milestone.text)
            if key not in seen:
                seen.add(key)
                steps.append(Step(milestone.due, milestone.label, milestone.text,
                                  "、".join(state.lead_units) or None))
    return sorted(steps, key=lambda s: s.due)


def _quoted(note: str | None, narrative: str) -> bool:
    if not note or not narrative:
        return False
    flat = "".join(narrative.split())
    return "".join(note.split()) in flat


def progress_items(detail, on: date, narrative: str | None) -> list[ProgressItem]:
    """The document's progress words (`narrative`), then each indicator's latest report on or before `on`
    that the words do not already quote (by its note)."""
    narrative = narrative or ""
    items = [ProgressItem(text=line.strip()) for line in narrative.splitlines() if line.strip()]
    for state in detail.indicators:
        reports = sorted((r for r in state.reports if r.as_of <= on), key=lambda r: r.as_of)
        if not reports:
            continue
        latest = reports[-1]
        if _quoted(latest.note, narrative):
            continue
        percent = None
        if state.kind != SCHEDULE and state.target and state.comparator != AT_MOST:
            percent = round(100 * latest.value / state.target, 1)
        items.append(ProgressItem(
            indicator=state.indicator, kind=state.kind, value=latest.value, unit=state.unit, as_of=latest.as_of,
            percent=percent, note=latest.note,
        ))
    return items


def table_report(
    details, kind: str, on: date, year: int, programme_name: str | None = None, rule: str | None = None,
    steps: dict[str, list[Step]] | None = None,
) -> TableReport:
    """The 一览表 of a progress report: one row per task, grouped by project area, in document order.

    `steps`, by task code, are the checkpoints with their words (plan.Line.checkpoints); without them
    the words the indicators carry are used. 下一步 lists those due after `on`, or, before the year's end,
    the task's own 下一步 text in full where the document words one (its undated items have no checkpoint).

    The document's own words about a task, its 进展情况 text and its judgement (assessment), are those of
    a report during the year: the annual table leaves them out and stands on the year-end data alone,
    the latest report of each indicator and the status computed at `on`."""
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r}: expected one of {', '.join(KINDS)}")
    year_end = report_date("annual", year)
    mid_year = kind != "annual"
    states = [state for detail in details for state in detail.indicators]
    rows = judged(states, on, rule)
    by_task: dict[tuple[str, str], list[StatusRow]] = {}
    for row in rows:
        by_task.setdefault((row.programme, row.task), []).append(row)
    groups: list[TableGroup] = []
    for detail in details:
        task_rows = by_task.get((detail.programme, detail.code), [])
        task_steps = steps.get(detail.code) if steps is not None else None
        if task_steps is None:
            task_steps = steps_from_indicators(detail)
        leads = {step.lead for step in task_steps}
        upcoming = [
            Step(step.due, "" if step.label.endswith("半年") or step.label == "完成时限" else step.label, step.text,
                 step.lead if len(leads) > 1 else None)
            for step in task_steps if step.due > on
        ]
        if detail.text.next_steps and on < year_end:
            upcoming = [Step(year_end, "", detail.text.next_steps)]
        status = task_rows[0].task_status if task_rows else "not_due"
        table_row = TableRow(
            programme=detail.programme, code=detail.code, title=detail.title, area=detail.area,
            progress=progress_items(detail, on, detail.text.progress if mid_year else None), next_steps=upcoming,
            units=unique(filter(None, [*detail.lead_units, *detail.units])), lead_units=list(detail.lead_units),
            deadline=detail.deadline, deadline_text=deadline_words(detail.deadline, detail.text.deadline_text),
            task_status=status or "not_due", assessment=detail.text.assessment if mid_year else None,
            agrees=task_rows[0].agrees if task_rows and mid_year else None,
            problems=detail.text.problems if mid_year else None,
        )
        if groups and groups[-1].area == detail.area:
            groups[-1].rows.append(table_row)
        else:
            groups.append(TableGroup(detail.area, [table_row]))
    assessments = Counter(row.assessment for group in groups for row in group.rows if row.assessment)
    counts = Counter(row.task_status for group in groups for row in group.rows)
    return TableReport(
        kind=kind, programme=details[0].programme if details else "",
        programme_name=programme_name or (details[0].programme_name if details else ""), year=year, as_of=on,
        rule=rule, groups=groups, tasks=sum(len(g.rows) for g in groups),
        task_counts={status: counts.get(status, 0) for status in STATUSES},
        assessments=dict(assessments),
    )
