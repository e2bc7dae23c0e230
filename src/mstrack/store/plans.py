"""Plans in the store: a programme read back whole (load_plan) and plans saved, each a batch of its own
(the writing itself is plan_writer.PlanWriter's). Through SQLAlchemy's ORM, imported on first use."""

from __future__ import annotations

from mstrack import model as plan_model
from mstrack.model import SCHEDULE
from mstrack.store.batches import PLAN_SOURCE, insert_batch
from mstrack.store.connections import confirm_before_commit
from mstrack.store.dialect import number
from mstrack.store.reads import unknown_programme
from mstrack.store.states import group_units


class Plans:
    """The plan methods of Store."""

    def _session(self):
        """An ORM session for reads: inside the write transaction in progress if there is one (locked)."""
        from sqlmodel import Session

        held = self._held if self._held is not None and hasattr(self._held, "exec_driver_sql") else None
        return Session(held if held is not None else self.engine)

    def save_plan(self, programme: plan_model.Programme, command: str = "import plan", source: str | None = None,
                  reason: str | None = None, confirm=None) -> dict:
        return self.save_plans([(programme, source)], command=command, reason=reason,
                               confirm=None if confirm is None else lambda results: confirm(results[0]))[0]

    def save_plans(self, plans: list[tuple[plan_model.Programme, str | None]], command: str = "import plan",
                   reason: str | None = None, confirm=None) -> list[dict]:
        """Upsert programmes by code and their tasks by code, keeping every report: all the plans in one
        transaction, so that one refused leaves the others unwritten too. Each changed programme is a
        batch of its own (undone alone); (programme, source file name) each, counts returned in order.

        Lines match by position and indicators by name. Anything a new plan drops is deleted,
        unless reports hang on it: then nothing is written and the error names what would be lost.
        """
        from mstrack.sources.plan import dump_plan
        from mstrack.store.plan_writer import PlanWriter

        results = []
        with self.locked(command, orm=True) as connection:
            for programme, source in plans:
                before = self.load_plan(programme.code) if programme.code in self.programme_codes() else None
                if before == programme:
                    results.append({"tasks_added": 0, "tasks_updated": 0, "tasks_removed": 0, "unchanged": True, "batch": None})
                    continue
                batch = insert_batch(self.dialect, connection, command=command, source=source or programme.code, reason=reason,
                                     programme=programme.code, plan_before=dump_plan(before) if before else None)
                counts = PlanWriter(self.dialect, connection, batch).write(programme)
                results.append({**counts, "unchanged": False, "batch": batch})
            confirm_before_commit(confirm, results)
        return results


    def load_plan(self, code: str) -> plan_model.Programme:
        from sqlmodel import select

        from mstrack.store.plan_writer import standing
        from mstrack.store.schema import (
            AreaRow,
            CheckpointRow,
            IndicatorRow,
            LineRow,
            MilestoneRow,
            ProgrammeRow,
            ReportRow,
            TaskLinkRow,
            TaskRow,
        )

        with self._session() as session:
            head = session.exec(select(ProgrammeRow).where(ProgrammeRow.code == code)).first()
            if head is None:
                raise unknown_programme(self.programme_codes(), code)
            programme = plan_model.Programme(
                code=head.code, name=head.name, year=head.year, start=head.start, end=head.end,
                source=head.source, reading=head.reading, note=head.note, rule=head.rule,
            )
            areas = session.exec(
                select(AreaRow).where(AreaRow.programme_id == head.id).order_by(AreaRow.position)
            ).all()
            area_codes = {area.id: area.code for area in areas}
            programme.areas = [plan_model.Area(code=a.code, name=a.name, text=a.text, declared_tasks=a.declared_tasks) for a in areas]
            tasks = session.exec(
                select(TaskRow).where(TaskRow.programme_id == head.id).order_by(TaskRow.position)
            ).all()
            lines = session.exec(
                select(LineRow).join(TaskRow).where(TaskRow.programme_id == head.id)
                .order_by(LineRow.task_id, LineRow.position)
            ).all()
            line_ids = [line.id for line in lines]
            units = _units_by_line(session, line_ids)
            checkpoints: dict[int, list[plan_model.Checkpoint]] = {}
            for cp in session.exec(
                select(CheckpointRow).where(CheckpointRow.line_id.in_(line_ids))
                .order_by(CheckpointRow.line_id, CheckpointRow.due)
            ):
                checkpoints.setdefault(cp.line_id, []).append(plan_model.Checkpoint(due=cp.due, label=cp.label, text=cp.text))
            indicators = session.exec(
                select(IndicatorRow).where(IndicatorRow.line_id.in_(line_ids))
                .order_by(IndicatorRow.line_id, IndicatorRow.position)
            ).all()
            milestones: dict[int, list[plan_model.Milestone]] = {}
            for ms in session.exec(
                select(MilestoneRow).where(MilestoneRow.indicator_id.in_([i.id for i in indicators]))
                .order_by(MilestoneRow.indicator_id, MilestoneRow.due)
            ):
                milestones.setdefault(ms.indicator_id, []).append(
                    plan_model.Milestone(due=ms.due, target=number(ms.target), printed=number(ms.printed), text=ms.text)
                )
            plan_reports: dict[int, list[plan_model.PlanReport]] = {}
            for report in session.exec(
                select(ReportRow).where(ReportRow.indicator_id.in_([i.id for i in indicators]),
                                        ReportRow.source == PLAN_SOURCE, standing())
                .order_by(ReportRow.indicator_id, ReportRow.as_of, ReportRow.id)
            ):
                plan_reports.setdefault(report.indicator_id, []).append(
                    plan_model.PlanReport(as_of=report.as_of, value=number(report.value), note=report.note)
                )
            indicators_by_line: dict[int, list[plan_model.Indicator]] = {}
            line_reports: dict[int, list[plan_model.PlanReport]] = {}
            for ind in indicators:
                if ind.kind == SCHEDULE:
                    line_reports[ind.line_id] = plan_reports.get(ind.id, [])
                    continue
                indicators_by_line.setdefault(ind.line_id, []).append(plan_model.Indicator(
                    name=ind.name, unit=ind.unit, comparator=ind.comparator, target=number(ind.target),
                    text=ind.text, reading=ind.reading, milestones=milestones.get(ind.id, []),
                    reports=plan_reports.get(ind.id, []),
                ))
            links: dict[int, list[str]] = {}
            for link in session.exec(
                select(TaskLinkRow).join(TaskRow).where(TaskRow.programme_id == head.id)
                .order_by(TaskLinkRow.task_id, TaskLinkRow.position)
            ):
                links.setdefault(link.task_id, []).append(link.ref)
            lines_by_task: dict[int, list[plan_model.Line]] = {}
            for line in lines:
                lead, responsible = units.get(line.id, ([], []))
                lines_by_task.setdefault(line.task_id, []).append(plan_model.Line(
                    leaders=list(line.leaders), lead_units=lead, units=responsible,
                    checkpoints=checkpoints.get(line.id, []), indicators=indicators_by_line.get(line.id, []),
                    reports=line_reports.get(line.id, []),
                ))
            programme.tasks = [
                plan_model.Task(
                    code=t.code, title=t.title, area=area_codes.get(t.area_id), deadline=t.deadline,
                    note=t.note, lines=lines_by_task.get(t.id, []),
                    text=plan_model.TaskText(**{name: getattr(t, name) for name in plan_model.TASK_TEXT}),
                    links=links.get(t.id, []),
                )
                for t in tasks
            ]
            return programme



def _units_by_line(session, line_ids: list[int]) -> dict[int, tuple[list[str], list[str]]]:
    from sqlmodel import select

    from mstrack.store.schema import LineUnitRow, UnitRow

    if not line_ids:
        return {}
    return group_units(session.exec(
        select(LineUnitRow.line_id, LineUnitRow.role, UnitRow.name)
        .join(UnitRow, LineUnitRow.unit_id == UnitRow.id)
        .where(LineUnitRow.line_id.in_(line_ids))
        .order_by(LineUnitRow.line_id, LineUnitRow.role, LineUnitRow.position)
    ))

