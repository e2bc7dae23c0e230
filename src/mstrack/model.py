"""The plain dataclasses that carry a plan and a status between the parts, with the words they use
(statuses, rules, comparators, readings, indicator kinds: defined once in vocabulary.py, given here too).
Sources, store, domain, reports and render import it.

Stdlib only and no logic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from mstrack.vocabulary import (  # noqa: F401  (the words, given here with the dataclasses that use them)
    AT_LEAST,
    AT_MOST,
    CHANGE_RANK,
    COMPARATORS,
    COUNTABLE_UNITS,
    CUMULATIVE,
    DUE_SOON,
    EQUAL,
    INCREMENT,
    INDICATOR_READINGS,
    KINDS,
    LATE,
    LEVEL,
    LIGHTS,
    OFF_COURSE,
    ONLY,
    PRO_RATA,
    QUANTITY,
    READINGS,
    RULES,
    SCHEDULE,
    STATUSES,
    STEP,
    TASK_SEVERITY,
    TASK_TEXT,
    WARN_DAYS,
)


@dataclass(slots=True)
class Forecast:
    """Where an indicator is heading: paces are changes of the value per day (negative when it falls)."""

    recent_pace: float | None
    required_pace: float | None
    projected_done: date | None
    on_course: bool | None

    def as_dict(self) -> dict:
        return {"recent_pace": self.recent_pace, "required_pace": self.required_pace,
                "projected_done": self.projected_done.isoformat() if self.projected_done else None,
                "on_course": self.on_course}


# --- a plan, as sources read it and the store keeps it -----------------------------------------------


@dataclass(kw_only=True)
class Checkpoint:
    due: date
    label: str
    text: str


@dataclass(kw_only=True)
class Milestone:
    due: date
    target: int | float | None
    printed: int | float | None = None
    text: str | None = None


@dataclass(kw_only=True)
class PlanReport:
    """Progress the document itself reports (a half-year report's 进展情况)."""

    as_of: date
    value: int | float
    note: str | None = None


@dataclass(kw_only=True)
class Indicator:
    name: str
    unit: str = ""
    comparator: str = EQUAL
    target: int | float | None = None
    text: str = ""
    reading: str | None = None
    milestones: list[Milestone] = field(default_factory=list)
    reports: list[PlanReport] = field(default_factory=list)


@dataclass(kw_only=True)
class Line:
    leaders: list[str] = field(default_factory=list)
    lead_units: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    checkpoints: list[Checkpoint] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    reports: list[PlanReport] = field(default_factory=list)
    """Of a text-only line: how many of its checkpoints the document reports met, as of a date."""


@dataclass(frozen=True, kw_only=True)
class TaskText:
    """A task's own words as the document prints them (完成时限 as written, the report's 评价, 存在问题,
    进展情况): kept verbatim beside what mstrack reads from them, from the plan to the store to the report."""

    deadline_text: str | None = None
    assessment: str | None = None
    problems: str | None = None
    progress: str | None = None
    next_steps: str | None = None
    """下一步 (下半年任务目标及措施) as the document words it, in full: undated items included."""



@dataclass(kw_only=True)
class Task:
    code: str
    title: str
    area: str | None = None
    deadline: date | None = None
    note: str | None = None
    lines: list[Line] = field(default_factory=list)
    text: TaskText = field(default_factory=TaskText)
    links: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Area:
    code: str
    name: str
    text: str | None = None
    declared_tasks: int | None = None


@dataclass(kw_only=True)
class Programme:
    code: str
    name: str
    year: int
    start: date
    end: date
    source: str | None = None
    reading: str = CUMULATIVE
    note: str | None = None
    rule: str = STEP
    areas: list[Area] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)


# --- what the status engine reads and writes ---------------------------------------------------------
# Not frozen: a status at province scale builds ~100,000 of these, and a frozen dataclass's __init__
# costs twice as much. Nothing mutates them. Slots, not kw_only: on Python 3.11 a keyword-only
# __init__ takes twice as long to match its keywords (+70 ms for a status of 20,000 indicators);
# every construction names its fields all the same (tests/test_engine.py reads the source to check).
# The status's hot loops (store/states.py, domain/status.py evaluate) name each field in an assignment to
# an object.__new__ instance: a third of the keyword call's cost (~0.1 s of a province's status), every
# field still named; tests/test_store.py checks those instances have every field set.


@dataclass(slots=True)
class MilestoneState:
    due: date
    target: int | float | None
    text: str = ""
    label: str = ""
    printed: int | float | None = None


@dataclass(slots=True)
class ReportState:
    as_of: date
    value: int | float
    note: str | None = None
    reporter: str | None = None
    entered_at: datetime | None = None
    # taken back by an undo after a weekly report's `since`: it stood then, not now (store.states._window_query)
    retracted: bool = False
    reporting_unit: str | None = None  # the office that reported it (填报单位), when its return or log said it


@dataclass(slots=True)
class IndicatorState:
    """What the engine needs to know of one indicator; the store fills it, tests build it."""

    programme: str
    task: str
    indicator: str
    milestones: list[MilestoneState]
    reports: list[ReportState]
    deadline: date
    target: int | float | None = None
    comparator: str = EQUAL
    unit: str = ""
    kind: str = QUANTITY
    lead_units: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    task_title: str = ""
    text: str = ""
    line: int = 0
    start: date | None = None
    indicator_id: int | None = None
    assessment: str | None = None
    rule: str | None = None  # the programme's default; a run's --rule overrides it
    leaders: list[str] = field(default_factory=list)
    reading: str | None = None  # the indicator's own reading, if the plan gives one (LEVEL: domain.status.level)


@dataclass(slots=True)
class StatusRow:
    programme: str
    task: str
    indicator: str
    kind: str
    lead_unit: str
    unit: str
    comparator: str
    target: int | float | None
    expected: int | float | None
    actual: int | float | None
    as_of: date | None
    status: str
    percent: float | None
    deadline: date
    next_due: date | None
    checkpoint_text: str
    note: str | None
    task_title: str = ""
    final: int | float | None = None
    assessment: str | None = None
    task_status: str | None = None
    agrees: bool | None = None
    pace: float | None = None
    gap: int | float | None = None
    days_behind: int | None = None
    stale: bool | None = None
    rule: str = STEP
    lead_units: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    indicator_id: int | None = None
    due_soon: date | None = None
    forecast: Forecast | None = None

    def as_dict(self) -> dict:
        return {
            "programme": self.programme, "task": self.task, "indicator": self.indicator,
            "kind": self.kind, "lead_unit": self.lead_unit, "unit": self.unit,
            "comparator": self.comparator, "target": self.target, "expected": self.expected,
            "actual": self.actual, "as_of": self.as_of.isoformat() if self.as_of else None,
            "status": self.status, "percent": self.percent, "pace": self.pace, "gap": self.gap,
            "days_behind": self.days_behind, "stale": self.stale, "rule": self.rule,
            "deadline": self.deadline.isoformat(),
            "next_due": self.next_due.isoformat() if self.next_due else None,
            "checkpoint": self.checkpoint_text, "note": self.note, "final": self.final,
            "task_status": self.task_status, "assessment": self.assessment, "agrees": self.agrees,
            "lead_units": self.lead_units, "units": self.units,
            "due_soon": self.due_soon.isoformat() if self.due_soon else None,
            "forecast": self.forecast.as_dict() if self.forecast else None,
        }
