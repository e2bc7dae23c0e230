"""What the store holds of a programme, read once before a plan is written over it (PlanWriter): its tasks, lines and
indicators by their identities, and what reports stand on them; plan_match's pure functions and the writer's refusals
take it from here."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import func, select

from mstrack import model as plan_model
from mstrack.model import SCHEDULE
from mstrack.store.plan_match import words
from mstrack.store.plan_reports import programme_indicators, standing
from mstrack.store.schema import CheckpointRow, IndicatorRow, LineRow, LineUnitRow, ReportRow, TaskRow, UnitRow


class Held(NamedTuple):
    """What the store holds of a programme (held_by): what a plan's write is matched against."""

    tasks: dict[str, int]
    lines: dict[int, dict[int, int]]
    indicators: dict[int, dict[tuple[str, str], int]]
    units: dict[int, str]
    reported: dict[int, int]
    """The indicators reports stand on (not undone), how many each."""
    leads: dict[int, tuple[str, ...]]
    """Each line's lead units: with its indicators, what tells a line from the others of its task."""
    checkpoints: dict[int, list[str]]
    """Each line's checkpoints by their words, in date order."""
    met: dict[int, tuple[int, int]]
    """Of each text-only line's indicator reported on: the most checkpoints a report that stands marks met, and how
    many stand (as the status reads them: of each day the latest not undone; safe39b)."""
    marked_by: dict[int, tuple[int, ...]]
    """Of each of those: the batches of those reports, in order (what a refusal names to undo)."""
    others_in: dict[int, int] = {}
    """Of each of those: how many standing reports of other indicators those batches hold (an undo retracts them too)."""
    cancelled: dict[int, tuple[str, int]] = {}
    """The tasks a plan cancelled (task.cancelled_by), kept with their reports and out of `tasks`: id → (code, batch)."""


def held_by(connection, programme_id: int) -> Held:
    """What the store holds of a programme: task ids by code, line ids by task and position,
    indicator ids by line and (kind, name), their units, the indicators reports hang on (how many each); in
    entry order."""
    c = connection
    tasks, cancelled = {}, {}
    for code, task_id, batch in c.execute(select(TaskRow.code, TaskRow.id, TaskRow.cancelled_by)
                                          .where(TaskRow.programme_id == programme_id).order_by(TaskRow.id)):
        if batch is None:
            tasks[code] = task_id
        else:
            cancelled[task_id] = (code, batch)
    lines: dict[int, dict[int, int]] = {}
    for line_id, task_id, position in c.execute(
        select(LineRow.id, LineRow.task_id, LineRow.position).join(TaskRow, LineRow.task_id == TaskRow.id)
        .where(TaskRow.programme_id == programme_id).order_by(LineRow.id)
    ):
        lines.setdefault(task_id, {})[position] = line_id
    indicators: dict[int, dict[tuple[str, str], int]] = {}
    units: dict[int, str] = {}
    for indicator_id, line_id, kind, name, unit in c.execute(
        select(IndicatorRow.id, IndicatorRow.line_id, IndicatorRow.kind, IndicatorRow.name, IndicatorRow.unit)
        .join(LineRow, IndicatorRow.line_id == LineRow.id).join(TaskRow, LineRow.task_id == TaskRow.id)
        .where(TaskRow.programme_id == programme_id).order_by(IndicatorRow.id)
    ):
        indicators.setdefault(line_id, {})[(kind, name)] = indicator_id
        units[indicator_id] = unit
    # the reports that stand (safe40a): undone ones, which no status or show reads, held a line as reported
    reported = dict(c.execute(select(ReportRow.indicator_id, func.count()).where(
        ReportRow.indicator_id.in_(programme_indicators(programme_id)), standing()).group_by(ReportRow.indicator_id)).all())
    leads: dict[int, list[str]] = {}
    for line_id, name in c.execute(
        select(LineUnitRow.line_id, UnitRow.name).join(UnitRow, LineUnitRow.unit_id == UnitRow.id)
        .where(LineUnitRow.role == "lead", LineUnitRow.line_id.in_(programme_lines(programme_id)))
        .order_by(LineUnitRow.line_id, LineUnitRow.position)
    ):
        leads.setdefault(line_id, []).append(name)
    checkpoints: dict[int, list[str]] = {}
    for line_id, due, label, text in c.execute(
        select(CheckpointRow.line_id, CheckpointRow.due, CheckpointRow.label, CheckpointRow.text)
        .where(CheckpointRow.line_id.in_(programme_lines(programme_id)))
        .order_by(CheckpointRow.line_id, CheckpointRow.due, CheckpointRow.id)
    ):
        checkpoints.setdefault(line_id, []).append(words(plan_model.Checkpoint(due=due, label=label, text=text)))
    latest = (select(func.max(ReportRow.id)).where(
        ReportRow.indicator_id.in_(programme_indicators(programme_id).where(IndicatorRow.kind == SCHEDULE)),
        standing()).group_by(ReportRow.indicator_id, ReportRow.as_of))
    met = {indicator_id: (int(round(float(most))), count) for indicator_id, most, count in c.execute(
        select(ReportRow.indicator_id, func.max(ReportRow.value), func.count()).where(ReportRow.id.in_(latest))
        .group_by(ReportRow.indicator_id)) if most is not None}
    marked_by: dict[int, list[int]] = {}
    for indicator_id, batch_id in c.execute(select(ReportRow.indicator_id, ReportRow.batch_id).where(
            ReportRow.id.in_(latest)).distinct().order_by(ReportRow.indicator_id, ReportRow.batch_id)):
        marked_by.setdefault(indicator_id, []).append(batch_id)
    in_batch: dict[int, dict[int, int]] = {}
    for batch_id, indicator_id, count in c.execute(select(ReportRow.batch_id, ReportRow.indicator_id, func.count()).where(
            ReportRow.batch_id.in_({b for batches in marked_by.values() for b in batches}), standing())
            .group_by(ReportRow.batch_id, ReportRow.indicator_id)) if marked_by else ():
        in_batch.setdefault(batch_id, {})[indicator_id] = count
    others_in = {indicator_id: sum(n for b in batches for other, n in in_batch.get(b, {}).items() if other != indicator_id)
                 for indicator_id, batches in marked_by.items()}
    return Held(tasks, lines, indicators, units, reported, {line_id: tuple(names) for line_id, names in leads.items()},
                checkpoints, met, {indicator_id: tuple(batches) for indicator_id, batches in marked_by.items()}, others_in,
                cancelled)


def programme_lines(programme_id: int, kept=()):
    """The programme's lines, but those of the tasks `kept` (cancelled: their rows stay as they are)."""
    query = select(LineRow.id).join(TaskRow, LineRow.task_id == TaskRow.id).where(TaskRow.programme_id == programme_id)
    return query.where(TaskRow.id.not_in(kept)) if kept else query


def reports_on(task_id: int, held: Held) -> int:
    """How many reports stand on a task the store holds."""
    return sum(held.reported.get(indicator_id, 0) for line_id in held.lines.get(task_id, {}).values()
               for indicator_id in held.indicators.get(line_id, {}).values())
