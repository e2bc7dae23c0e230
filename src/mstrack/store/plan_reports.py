"""The reports that stand on a programme, as a plan's write meets them (PlanWriter): which stand (not undone), a
year or start moved past them, and the plan's own reports, entered once and never over an office's entry."""

from __future__ import annotations

from sqlalchemy import func, or_, select

from mstrack import model as plan_model
from mstrack.domain.dates import ReportWindow
from mstrack.errors import InputError, Joined, Message
from mstrack.store.batches import PLAN_SOURCE, NewBatch, insert_reports
from mstrack.store.dialect import Dialect
from mstrack.store.schema import IndicatorRow, LineRow, ProgrammeRow, ReportRow, RetractionRow, TaskRow

DAYS_SHOWN = 5
"""Dates a refusal names before an ellipsis."""


def standing():
    """Reports not taken back by an undo (NOT EXISTS by the retraction's key; see states._queries)."""
    return ~select(RetractionRow.report_id).where(RetractionRow.report_id == ReportRow.id).exists()


def programme_indicators(programme_id: int):
    return (select(IndicatorRow.id).join(LineRow, IndicatorRow.line_id == LineRow.id)
            .join(TaskRow, LineRow.task_id == TaskRow.id).where(TaskRow.programme_id == programme_id))


def tasks_reported(connection, head: int, since: int | None) -> dict[int, int]:
    """The reports that stand on each of a programme's tasks (entered after `since`, where given): task id → count."""
    counted = (select(TaskRow.id, func.count()).join(LineRow, LineRow.task_id == TaskRow.id)
               .join(IndicatorRow, IndicatorRow.line_id == LineRow.id).join(ReportRow, ReportRow.indicator_id == IndicatorRow.id)
               .where(TaskRow.programme_id == head, standing()).group_by(TaskRow.id))
    return dict(connection.execute(counted if since is None else counted.where(ReportRow.batch_id > since)).all())


def outside_year(connection, programme: plan_model.Programme) -> list:
    """A stored programme whose year or start the plan moves past reports that stand (safe46b): dated where `log`
    and `import progress` would now refuse them (before the start, outside the year and the January after), they
    would still be read as the new year's progress."""
    row = connection.execute(select(ProgrammeRow.id, ProgrammeRow.year, ProgrammeRow.start)
                             .where(ProgrammeRow.code == programme.code)).first()
    if row is None or (row.year, row.start) == (programme.year, programme.start):
        return []
    dues = [day for task in programme.tasks for day in (task.deadline, *(c.due for line in task.lines for c in line.checkpoints),
                                                         *(m.due for line in task.lines for i in line.indicators for m in i.milestones))]
    window = ReportWindow.of(programme.year, programme.start, programme.end, dues)
    first, last = window.first, window.end  # the window starts at the programme's start: one rule, ReportWindow.of
    days = connection.execute(
        select(ReportRow.as_of, func.count()).where(ReportRow.indicator_id.in_(programme_indicators(row.id)), standing(),
                                                    or_(ReportRow.as_of < first, ReportRow.as_of > last))
        .group_by(ReportRow.as_of).order_by(ReportRow.as_of)).all()
    if not days:
        return []
    shown = [str(day) for day, _ in days[:DAYS_SHOWN]] + (["…"] if len(days) > DAYS_SHOWN else [])
    return [Message("  {code}: the new plan's year is {year} (from {first}), and {n} {n:report stands|reports stand} "
                    "dated outside it ({days}): {n:it|they} would count toward {year}'s targets; give {year}'s plan a "
                    "programme code of its own, or, if the old year was wrong, undo {n:that report|those reports} first",
                    code=programme.code, year=programme.year, first=first, n=sum(n for _, n in days),
                    days=", ".join(shown))]


def add_plan_reports(dialect: Dialect, connection, batch: NewBatch, programme_id: int,
                     reports: list[tuple[int, plan_model.PlanReport]]) -> dict[str, int]:
    """A plan's own reports go in once; a changed one is added as a correction, never replaced: to the plan's latest
    of that day (what export plan writes). Never over an office's entry (a `log`, a return) standing that day with
    another value (safe46b: a revised plan's figure superseded the office's later correction, said as "1 updated"):
    refused, naming it; counted for the summary, those correcting a value stored for their day apart. Entered at the
    batch's time; the counts come back (none when nothing was entered)."""
    if not reports:
        return {}
    days = (select(func.max(ReportRow.id)).where(ReportRow.indicator_id.in_(programme_indicators(programme_id)), standing())
            .group_by(ReportRow.indicator_id, ReportRow.as_of))
    latest_plan = days.where(ReportRow.source == PLAN_SOURCE)
    present = {(indicator_id, as_of): (value, note) for indicator_id, as_of, value, note in connection.execute(
        select(ReportRow.indicator_id, ReportRow.as_of, ReportRow.value, ReportRow.note)
        .where(ReportRow.id.in_(latest_plan))).all()}
    new = [(indicator_id, report) for indicator_id, report in reports
           if present.get((indicator_id, report.as_of)) != (float(report.value), report.note)]
    if not new:
        return {}
    stands = {(row.indicator_id, row.as_of): row for row in connection.execute(
        select(ReportRow.indicator_id, ReportRow.as_of, ReportRow.value, ReportRow.source, ReportRow.reporter,
               ReportRow.entered_at, ReportRow.reason).where(ReportRow.id.in_(days))).all()}
    over = [(indicator_id, report, stands[indicator_id, report.as_of]) for indicator_id, report in new
            if (indicator_id, report.as_of) in stands and stands[indicator_id, report.as_of].source != PLAN_SOURCE
            and stands[indicator_id, report.as_of].value != float(report.value)]
    if over:
        raise InputError("the new plan's own reports would supersede entries an office made; nothing was written:\n"
                         "{entries}", entries=Joined("\n", offices_entries(connection, over, present)))
    counts = {"plan_reports": len(new),
              "plan_corrected": sum((indicator_id, report.as_of) in stands for indicator_id, report in new)}
    insert_reports(dialect, connection, (
        (indicator_id, report.as_of, report.value, report.note, None, PLAN_SOURCE, None)
        for indicator_id, report in new), batch=batch)
    return counts


def offices_entries(connection, over: list[tuple], present: dict) -> list[Message]:
    """Each plan report refused (add_plan_reports) with the office's entry it would supersede."""
    from mstrack.domain.quantities import format_number

    named = {indicator_id: (f"{programme}/{code}", name, unit) for indicator_id, programme, code, name, unit in
             connection.execute(
                 select(IndicatorRow.id, ProgrammeRow.code, TaskRow.code, IndicatorRow.name, IndicatorRow.unit)
                 .join(LineRow, IndicatorRow.line_id == LineRow.id).join(TaskRow, LineRow.task_id == TaskRow.id)
                 .join(ProgrammeRow, TaskRow.programme_id == ProgrammeRow.id)
                 .where(IndicatorRow.id.in_([indicator_id for indicator_id, _, _ in over])))}
    said = []
    for indicator_id, report, entry in over:
        ref, name, unit = named[indicator_id]
        who = [text for text in (entry.reporter, str(entry.entered_at)[:16] if entry.entered_at else None, entry.reason) if text]
        was = present.get((indicator_id, report.as_of))
        keep = (Message("keep the plan's report of that day as it was ({value})", value=format_number(was[0], unit))
                if was else Message("leave that day's report out of the plan"))
        said.append(Message("  {ref} {name} {on}: the plan's report {new} would supersede {value} ({entry}); {keep}, or, "
                            "if {new} is right, log it with --reason",
                            ref=ref, name=name, on=report.as_of, new=format_number(report.value, unit),
                            value=format_number(entry.value, unit), entry=Joined(", ", who or ["—"]), keep=keep))
    return said


def reported_by_name(connection, code: str) -> dict[tuple[str, str], int]:
    """The reports that stand on a programme's indicators, by (task code, indicator name): what `import plan` names an
    update of a reported task with (plan_changes.plan_changes; safe48a)."""
    counted = (select(TaskRow.code, IndicatorRow.name, func.count()).join(LineRow, LineRow.task_id == TaskRow.id)
               .join(IndicatorRow, IndicatorRow.line_id == LineRow.id).join(ReportRow, ReportRow.indicator_id == IndicatorRow.id)
               .join(ProgrammeRow, ProgrammeRow.id == TaskRow.programme_id)
               .where(ProgrammeRow.code == code, standing()).group_by(TaskRow.code, IndicatorRow.name))
    return {(task, name): n for task, name, n in connection.execute(counted).all()}
