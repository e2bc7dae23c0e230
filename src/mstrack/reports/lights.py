"""The light board (`mstrack lights`): a task × period matrix of lights, built from whole tasks read once
(store.TaskDetail, every report) and judged period by period in memory (domain/lights). No words here:
the renderers say a light and its reason in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mstrack.domain.lights import Light, Period, consecutive_red, periods, task_lights


@dataclass(kw_only=True)
class TaskLights:
    programme: str
    code: str
    title: str
    lead_units: list[str]
    lights: list[Light]
    consecutive_red: int

    @property
    def ref(self) -> str:
        return f"{self.programme}/{self.code}"


@dataclass(kw_only=True)
class LightsReport:
    on: date
    by: str
    warn_days: int
    min_red: int
    periods: list[Period]
    tasks: list[TaskLights] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    """The programmes covered, where the board left some out (else empty: all)."""
    left_out: dict[str, list[str]] = field(default_factory=dict)
    """The programmes left out, by why (domain.scope.Scope.left_out): said in the title."""
    cancelled: list = field(default_factory=list)
    """The tasks revisions cancelled (reports.revisions.CancelledTask): on no row of the board, said under it."""


def lights_report(details, *, on: date, first: date | None, last: date | None, by: str, warn_days: int,
                  rule: str | None = None, min_red: int = 0) -> LightsReport:
    """Every task's light in each period from the month (or quarter) of `first` to that of `last`, the last
    one judged at `on` at the latest. Without `first`, the programmes' first month; without `last`, the end
    of their last year. Only tasks red at least `min_red` periods running at the end (the escalation list)."""
    starts = [detail.start or date(detail.deadline.year, 1, 1) for detail in details]
    first = first or (min(starts) if starts else on)
    last = last or (date(max(start.year for start in starts), 12, 31) if starts else on)
    shown = periods(first, last, by, on)
    report = LightsReport(on=on, by=by, warn_days=warn_days, min_red=min_red, periods=shown)
    for detail in details:
        lights = task_lights(detail.indicators, shown, warn_days=warn_days, rule=rule)
        red = consecutive_red(lights)
        if red < min_red:
            continue
        report.tasks.append(TaskLights(programme=detail.programme, code=detail.code, title=detail.title,
                                       lead_units=detail.lead_units, lights=lights, consecutive_red=red))
    return report
