"""The half-year and annual 一览表's data (项目名称 / 进展情况 / 下一步任务目标及措施 / 责任单位 / 完成时限), one row a
task grouped by project area, built from whole tasks (store.TaskDetail) and a date. Pure, as reports/weekly."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from mstrack.domain import unique
from mstrack.domain.status import held_so_far, judged
from mstrack.model import AT_MOST, QUANTITY, SCHEDULE, STATUSES, StatusRow
from mstrack.reports.plain import Plain

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

    cancelled: list = field(default_factory=list)
    """The programme's tasks revisions cancelled (reports.revisions.CancelledTask): in no row, said under the summary."""

    def as_dict(self) -> dict:
        return {
            "kind": self.kind, "programme": self.programme, "programme_name": self.programme_name,
            "year": self.year, "as_of": self.as_of.isoformat(), "rule": self.rule,
            "summary": {"areas": sum(1 for g in self.groups if g.area), "tasks": self.tasks,
                        "task_counts": self.task_counts, "assessments": self.assessments},
            "areas": [{"area": g.area, "tasks": [row.as_dict() for row in g.rows]} for g in self.groups],
            "cancelled": [c.as_dict() for c in self.cancelled],
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
        if state.kind != SCHEDULE and state.target and state.comparator != AT_MOST and not held_so_far(state, on):
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
