"""PlanWriter: one plan applied inside the caller's write transaction, set-based (SQLAlchemy Core).
Imported by the plan writes and undo only: it loads SQLAlchemy and the table classes."""

from __future__ import annotations

from sqlalchemy import exists, func, select

from mstrack import model as plan_model
from mstrack.domain import unique
from mstrack.errors import InputError, Joined, Message
from mstrack.model import QUANTITY, SCHEDULE
from mstrack.store.batches import NewBatch, note_deleted_undone
from mstrack.store.dialect import Dialect
from mstrack.store.plan_held import Held, held_by, programme_lines, reports_on
from mstrack.store.plan_match import (
    ambiguous_lines,
    candidate_line,
    code_taken,
    dropped_indicator,
    dropped_line,
    dropped_task,
    held_key,
    line_key,
    link_renumbered,
    match_lines,
    merged_indicators,
    moved_checkpoints,
    moved_tasks,
    named_elsewhere,
    named_line,
    other_tasks,
    renumbered_tasks,
    stranded_line,
    text_line_names,
    unit_changed,
    words,
)
from mstrack.store.plan_reports import add_plan_reports, outside_year, programme_indicators, tasks_reported
from mstrack.store.schema import (
    AreaRow,
    BatchRow,
    CheckpointRow,
    IndicatorRow,
    LineRow,
    LineUnitRow,
    MilestoneRow,
    ProgrammeRow,
    ReportRow,
    RetractionRow,
    TaskLinkRow,
    TaskRow,
    UnitRow,
)
from mstrack.store.states import write_plan_rows

LINK_COLUMNS = ("task_id", "ref", "position")
UNIT_COLUMNS = ("line_id", "unit_id", "role", "position")
CHECKPOINT_COLUMNS = ("line_id", "due", "label", "text")
MILESTONE_COLUMNS = ("indicator_id", "due", "target", "printed", "text")


def cancelled_code(code: str, batch: int) -> str:
    """The code a cancelled task moves to when the plan that cancels it gives its code to another task: its own and the
    batch's, which no plan's task can have alike (PlanWriter._brought_back reads it back)."""
    return f"{code}~{batch}"


class _Rows:
    """What a plan's write gathers for one statement per table: updates by id (dicts), and the rows under
    each (tuples of the *_COLUMNS above)."""

    def __init__(self):
        self.task_updates, self.line_updates, self.indicator_updates = [], [], []
        self.links, self.units, self.checkpoints, self.milestones = [], [], [], []
        self.reports: list[tuple[int, plan_model.PlanReport]] = []


class PlanWriter:
    """Applies one plan inside the caller's transaction, set-based: a fixed number of statements per
    table whatever the plan's size (on PostgreSQL the new tasks, lines and indicators too: a multi-row
    INSERT … RETURNING per thousand, one level after the other, since the rows under them need their ids). Measured: 20,000
    indicators went from 41 s (ORM, a flush and queries per row) to a few seconds."""

    def __init__(self, dialect: Dialect, connection, batch: NewBatch):
        self.dialect = dialect
        self.connection = connection
        self.new = batch  # its id and time: its plan's reports are entered at the batch's time
        self.batch = batch.id
        self.unit_ids: dict[str, int] = {}
        self.counts = {"tasks_added": 0, "tasks_updated": 0, "tasks_removed": 0}
        self.undoing = False  # an undo puts a plan back: its refusal names the batches to undo first (_undo_refused)
        self.moves: dict[str, str] = {}  # new code → stored code of the tasks proved renumbered (_renumbered)
        self.cancelling: dict[int, tuple[str, int]] = {}  # task id → (code, batch) from now: reported tasks the plan
        # drops (_cancel), and those cancelled before whose code the plan gives another task (_brought_back)
        self.restored: set[int] = set()  # cancelled tasks the plan brings back (_brought_back): the mark cleared

    def _new_id(self, table, values: dict) -> int:
        return self.connection.execute(table.insert().values(**values)).inserted_primary_key[0]

    def _dropped_line(self, line_id: int, held: Held, label, drops: dict, said=dropped_line) -> list:
        """A line the plan no longer has: its indicators go with it, unless reports hang on them (`said`: why)."""
        lost = []
        for (_, name), indicator_id in held.indicators.get(line_id, {}).items():
            lost += self._dropped_indicator(indicator_id, held.reported, Message("{label} indicator {name!r}", label=label,
                                            name=name), lambda n, name=name: said(label, name, n), drops)
        drops["lines"].append(line_id)
        return lost

    def _dropped_indicator(self, indicator_id: int, reported: dict, label, said, drops: dict) -> list:
        """`said(n)`: the refusal's line when n reports hang on it, naming the change and the way on
        (plan_match.reports_dropped); an undo's refusal names the batches to undo first instead (_undo_refused)."""
        if indicator_id in reported:
            drops.setdefault("reported", []).append(indicator_id)  # the undo that would drop it names their batches
            n = reported[indicator_id]
            return [Message("  {label} has {n} {n:report|reports}", label=label, n=n) if self.undoing else said(n)]
        drops["indicators"].append(indicator_id)
        return []

    def _dropped_task(self, programme: str, code: str, task_id: int, held: Held, drops: dict) -> list:
        lost = []
        for position, line_id in held.lines.get(task_id, {}).items():
            lost += self._dropped_line(line_id, held, named_line(f"{programme}/{code}", position, held.leads.get(line_id, ())),
                                       drops, lambda label, name, n: dropped_task(label, name, n, code))
        drops["tasks"].append(task_id)
        return lost

    def _delete(self, programme_id: int, drops: dict, kept: frozenset = frozenset()) -> None:
        """Every line's units and checkpoints, every indicator's milestones and every task's links go
        (the plan writes them anew), but those of the cancelled tasks `kept` (no plan writes them), then what the plan
        dropped: one statement each."""
        c = self.connection
        lines = programme_lines(programme_id, kept)
        c.execute(LineUnitRow.__table__.delete().where(LineUnitRow.line_id.in_(lines)))
        c.execute(CheckpointRow.__table__.delete().where(CheckpointRow.line_id.in_(lines)))
        c.execute(MilestoneRow.__table__.delete().where(MilestoneRow.indicator_id.in_(
            programme_indicators(programme_id).where(LineRow.id.in_(lines)) if kept else programme_indicators(programme_id))))
        tasks = select(TaskRow.id).where(TaskRow.programme_id == programme_id)
        c.execute(TaskLinkRow.__table__.delete().where(TaskLinkRow.task_id.in_(tasks.where(TaskRow.id.not_in(kept))
                                                                              if kept else tasks)))
        # A dropped indicator's undone reports go with it (nothing stands on it, or the plan was refused): the
        # retractions, then the reports, the foreign keys' order. Taken, not refused (safe41b): an undone report is
        # retracted, and refusing would keep its line in every later plan for good; but recorded in undone_deleted, the
        # one record of them, which the import's or undo's summary, `batches` and a later undo of the undo read
        # (deleted_undone; safe41d, safe42a). Counted are the reports an undo could still bring back: retracted (once
        # each: report_id is the key) by an undo not undone since; one retracted by an undo undone since came back then
        # as a copy of its own (safe41e). Not counted are those this write retracted itself (an undo of a plan import:
        # the import's plan reports, then the plan without their line put back): the plan it keeps as its plan_before
        # holds them, and an undo of it writes them anew (safe42a; they were said deleted, and that undo refused).
        deleted: dict[int, int] = {}
        for start in range(0, len(drops["indicators"]), 10_000):
            undone = select(ReportRow.id).where(ReportRow.indicator_id.in_(drops["indicators"][start:start + 10_000]))
            for undo, n in c.execute(select(RetractionRow.batch_id, func.count()).where(
                    RetractionRow.report_id.in_(undone), RetractionRow.batch_id != self.batch,
                    ~exists().where(BatchRow.undoes == RetractionRow.batch_id)).group_by(RetractionRow.batch_id)):
                deleted[undo] = deleted.get(undo, 0) + n
            c.execute(RetractionRow.__table__.delete().where(RetractionRow.report_id.in_(undone)))
            c.execute(ReportRow.__table__.delete().where(ReportRow.id.in_(undone)))
        for table, ids in ((IndicatorRow.__table__, drops["indicators"]), (LineRow.__table__, drops["lines"]),
                           (TaskRow.__table__, drops["tasks"])):
            for start in range(0, len(ids), 10_000):
                c.execute(table.delete().where(table.c.id.in_(ids[start:start + 10_000])))
        if deleted:
            note_deleted_undone(self.dialect, c, self.batch, deleted)

    def write(self, programme: plan_model.Programme, since: int | None = None) -> dict:
        """`since`: an undo's batch, whose plan it puts back: only reports entered after that batch were given to the
        tasks as they are now (those before it, to the tasks the plan put back had; other_tasks)."""
        self.undoing = since is not None
        self.programme = programme
        outside = outside_year(self.connection, programme)  # before its row takes the new year
        head = self._write_programme(programme)
        held = held_by(self.connection, head)
        # What the plan keeps, renames and drops; what would be lost stops everything before any write.
        drops: dict[str, list[int]] = {"tasks": [], "lines": [], "indicators": []}
        held, orphaned = self._renumbered(head, programme, held, drops)  # reports follow a task proved renumbered
        held = self._brought_back(programme, held, since)  # a cancelled task the plan has again: its mark cleared
        others = self._other_tasks(head, programme, held, since)  # tasks taken for others: their lines are not said again
        lost = outside + orphaned + self._dropped_tasks(programme, held, drops) + list(others.values())
        plan = []  # (task, task id or None, [(line, line id or None, [(kind, indicator, id or None)])])
        for task in programme.tasks:
            lines, task_lost = self._match_task(f"{programme.code}/{task.code}", task, held, drops)
            plan.append((task, held.tasks.get(task.code), lines))
            lost += [] if task.code in others else task_lost
        if lost and since is not None:  # an undo: no new plan was given (safety49 F4d)
            raise self._undo_refused(since, Message("undoing batch {batch} would drop or change what reports hang on; nothing "
                                                    "was written:\n{lost}", batch=since, lost=Joined("\n", lost)), drops)
        if lost:
            raise InputError("the new plan drops or changes what reports hang on; nothing was written:\n{lost}", lost=Joined("\n", lost))

        area_ids = self._write_areas(head, programme.areas)
        kept = frozenset(self.cancelling) | frozenset(held.cancelled)
        self._delete(head, drops, kept - self.restored)
        # A renumbered task steps aside from its old code first: a task inserted before it may take that code; a task
        # cancelled now is marked, and moved off a code the plan gives another task (cancelled_code).
        self._update(TaskRow.__table__, [{"row_id": held.tasks[new], "code": f"~{held.tasks[new]}"} for new in self.moves]
                     + [{"row_id": task_id, "code": f"~{task_id}"} for task_id in sorted(self.restored)])
        self._update(TaskRow.__table__, [{"row_id": task_id, "code": code, "cancelled_by": batch}
                                         for task_id, (code, batch) in self.cancelling.items()])
        rows = _Rows()
        # One level at a time, the new rows of each inserted together: a line's row needs its task's id.
        task_ids = self._ids(TaskRow.__table__, [self._task_row(head, position, task, task_id, area_ids, rows)
                                                 for position, (task, task_id, _) in enumerate(plan)])
        lines = [(task_id, position, line, line_id, indicators)
                 for task_id, (_, _, task_lines) in zip(task_ids, plan, strict=True)
                 for position, (line, line_id, indicators) in enumerate(task_lines)]
        # A kept line matched at another position steps aside first (a negative one of its own): a line inserted
        # before it takes its old position, and (task, position) is unique.
        old_positions = {line_id: position for by_position in held.lines.values() for position, line_id in by_position.items()}
        self._update(LineRow.__table__, [{"row_id": line_id, "position": -line_id} for _, position, _, line_id, _ in lines
                                         if line_id is not None and old_positions[line_id] != position])
        line_ids = self._ids(LineRow.__table__, [self._line_row(task_id, position, line, line_id, rows)
                                                 for task_id, position, line, line_id, _ in lines])
        indicators = [(line_id, position, kind, ind, indicator_id)
                      for line_id, (*_, line_indicators) in zip(line_ids, lines, strict=True)
                      for position, (kind, ind, indicator_id) in enumerate(line_indicators)]
        indicator_ids = self._ids(IndicatorRow.__table__, [self._indicator_row(*indicator, rows) for indicator in indicators])
        for task_id, (task, _, _) in zip(task_ids, plan, strict=True):
            rows.links += [(task_id, ref, n) for n, ref in enumerate(unique(task.links))]
        for line_id, (_, _, line, _, _) in zip(line_ids, lines, strict=True):
            self._line_children(line_id, line, rows)
        for indicator_id, (_, _, _, ind, _) in zip(indicator_ids, indicators, strict=True):
            self._indicator_children(indicator_id, ind, rows)
        self._write_rows(head, rows)
        write_plan_rows(self.dialect, self.connection, head)  # what a status reads of the plan, made anew
        return self.counts

    def _ids(self, table, rows: list[tuple[int | None, dict | None]]) -> list[int]:
        """Each row's id, in order: the one it has (kept), or, for a new row (id None, its values given), a
        new id. On PostgreSQL the new rows go in by SQLAlchemy's multi-row INSERT … RETURNING, ids in the rows'
        order, a thousand rows a statement (one INSERT a row cost a round trip each, 60,000 for the province
        plan). SQLite gives its order no warrant, so SQLAlchemy ran that statement once a row: there the ids
        are given, one executemany (_sqlite_ids)."""
        new = [values for row_id, values in rows if row_id is None]
        if not new:
            fresh = iter(())
        elif self.dialect.name == "sqlite":
            fresh = iter(self._sqlite_ids(table, new))
        else:
            fresh = iter(self.connection.execute(table.insert().returning(table.c.id, sort_by_parameter_order=True),
                                                 new).scalars())
        ids = [row_id if row_id is not None else next(fresh) for row_id, _ in rows]
        if next(fresh, None) is not None:
            raise RuntimeError(f"{table.name}: more ids than new rows")
        return ids

    def _sqlite_ids(self, table, new: list[dict]) -> range:
        """The ids SQLite would give the new rows one by one (its tables' ids are rowids without AUTOINCREMENT:
        the largest + 1), written with them. The plan's write holds SQLite's one write lock (the programme's
        row went first), so no other writer takes one between the look-up and the insert."""
        first = (self.connection.execute(select(func.max(table.c.id))).scalar() or 0) + 1
        ids = range(first, first + len(new))
        self.connection.execute(table.insert(), [{**values, "id": row_id} for row_id, values in zip(ids, new, strict=True)])
        return ids

    def _write_programme(self, programme: plan_model.Programme) -> int:
        """The programme's row, added or updated by code: its id."""
        c = self.connection
        values = {key: getattr(programme, key) for key in ("name", "year", "start", "end", "source", "reading", "note", "rule")}
        head = c.execute(select(ProgrammeRow.id).where(ProgrammeRow.code == programme.code)).scalar()
        if head is None:
            return self._new_id(ProgrammeRow.__table__, {"code": programme.code, **values})
        c.execute(ProgrammeRow.__table__.update().where(ProgrammeRow.id == head).values(**values))
        return head

    def _dropped_tasks(self, programme: plan_model.Programme, held: Held, drops: dict) -> list:
        """The tasks the store holds and the plan no longer has."""
        lost: list = []
        new_codes = {task.code for task in programme.tasks}
        for code, task_id in held.tasks.items():
            if code in new_codes:
                continue
            if merged := self._merged(code, task_id, held, drops):
                lost += merged
            elif not self._cancel(code, task_id, held, code):
                lost += self._dropped_task(programme.code, code, task_id, held, drops)
                self.counts["tasks_removed"] += 1
        return lost

    def _merged(self, code: str, task_id: int, held: Held, drops: dict, taken: str | None = None) -> list:
        """A reported task the plan drops whose reported indicator the plan has in another task (tasks merged, trial64
        finding 1: cancelled, its reports counted nowhere and the merged task's line 未报送, unsaid): refused by the rule
        of a split (plan_match.merged_indicators), reports never moved to another task. An undo's refusal is its own."""
        if self.undoing:
            return []
        merged = merged_indicators(self.programme, code, task_id, held, taken)
        drops.setdefault("reported", []).extend(indicator_id for indicator_id, _ in merged)
        return [said for _, said in merged]

    def _cancel(self, code: str, task_id: int, held: Held, new_code: str) -> bool:
        """A task reports stand on that the plan drops (a new plan's, not an undo's): kept with its reports, marked
        cancelled by this batch, under `new_code` (its own, or cancelled_code where the plan gives its code to
        another), said in counts["cancelled"] (code, title, reports). False where no report stands on it: it goes."""
        n = reports_on(task_id, held)
        if not n or self.undoing:
            return False
        self.cancelling[task_id] = (new_code, self.batch)
        title = self.connection.execute(select(TaskRow.title).where(TaskRow.id == task_id)).scalar()
        self.counts.setdefault("cancelled", []).append((code, title, n))
        return True

    def _brought_back(self, programme: plan_model.Programme, held: Held, since: int | None) -> Held:
        """The cancelled tasks the plan has again, under the code they were cancelled from, where no other task holds
        it: an undo of the batch that cancelled them, or a later plan with the same title. `held` with them among its
        tasks; the plan's write updates them, the mark cleared and the code given back; said in counts["restored"]
        (code, title, the batch that had cancelled it)."""
        if not held.cancelled:
            return held
        wanted = {task.code: task.title for task in programme.tasks}
        tasks = dict(held.tasks)
        titles = dict(self.connection.execute(select(TaskRow.id, TaskRow.title).where(
            TaskRow.id.in_(list(held.cancelled)))).all())
        for task_id, (code, batch) in sorted(held.cancelled.items(), key=lambda item: -item[1][1]):  # latest first
            original = code.removesuffix(f"~{batch}")
            if original in wanted and original not in tasks and (batch == since or (
                    since is None and titles.get(task_id) == wanted[original])):
                tasks[original] = task_id
                self.restored.add(task_id)
                self.counts.setdefault("restored", []).append((original, titles.get(task_id), batch))
        for task_id, (code, batch) in held.cancelled.items():  # one still under a code the plan gives another: moved off
            if task_id not in self.restored and code in wanted:
                self.cancelling[task_id] = (cancelled_code(code, batch), batch)
        return held._replace(tasks=tasks) if self.restored else held

    def _renumbered(self, head: int, programme: plan_model.Programme, held: Held, drops: dict) -> tuple[Held, list]:
        """The reported tasks the plan proves renumbered (plan_match.renumbered_tasks): `held` keyed by their new codes,
        said in counts["renumbered"] (old code, new code, title, reports); and the refusal of each reported task whose
        code one of them took and that the plan has under no code (an unreported one goes, as a task removed)."""
        if not held.tasks or not any(task.code in held.tasks for task in programme.tasks):
            return held, []
        reports = tasks_reported(self.connection, head, None)
        if not reports:
            return held, []
        titles = dict(self.connection.execute(select(TaskRow.id, TaskRow.title).where(TaskRow.programme_id == head)).all())
        self.moves = renumbered_tasks(programme.tasks, held, titles, reports)
        if not self.moves:
            return held, []
        self.counts["renumbered"] = [(old, new, titles[held.tasks[old]], reports[held.tasks[old]])
                                     for new, old in self.moves.items()]
        self.counts["links_named"] = self._links_named(head, programme, titles, held)
        held, orphans = moved_tasks(held, self.moves)
        lost: list = []
        by_code = {task.code: task.title for task in programme.tasks}
        for code, task_id in orphans:
            if merged := self._merged(code, task_id, held, drops, f"{programme.code}/{self.moves[code]}"):
                lost += merged
                continue
            if self._cancel(code, task_id, held, cancelled_code(code, self.batch)):
                continue
            if said := self._dropped_task(programme.code, code, task_id, held, drops):  # an undo's: the batches to undo
                lost += said if self.undoing else [code_taken(f"{programme.code}/{code}", titles[task_id],
                                                              reports[task_id], by_code[code],
                                                              f"{programme.code}/{self.moves[code]}")]
            self.counts["tasks_removed"] += 1
        return held, lost

    def _links_named(self, head: int, programme: plan_model.Programme, titles: dict[int, str], held: Held) -> list:
        """Each task of another programme whose link (PROGRAMME/CODE, by reference: never rewritten) names a renumbered
        task's old code: said, since it names what is under that code now (review57: `show` and a carry then took
        another task for the same target, unsaid)."""
        old_of = {old: new for new, old in self.moves.items()}
        refs = {f"{programme.code}/{old}": old for old in old_of}
        found = self.connection.execute(
            select(ProgrammeRow.code, TaskRow.code, TaskLinkRow.ref).join(TaskRow, TaskRow.id == TaskLinkRow.task_id)
            .join(ProgrammeRow, ProgrammeRow.id == TaskRow.programme_id)
            .where(TaskLinkRow.ref.in_(list(refs)), TaskRow.programme_id != head)
            .order_by(ProgrammeRow.code, TaskRow.position, TaskLinkRow.position)).all()
        now = {task.code: task.title for task in programme.tasks}
        return [link_renumbered(f"{code}/{task}", ref, titles[held.tasks[refs[ref]]], f"{programme.code}/{old_of[refs[ref]]}",
                                now.get(refs[ref])) for code, task, ref in found]

    def _other_tasks(self, head: int, programme: plan_model.Programme, held: Held, since: int | None) -> dict:
        """Reported tasks whose code the plan gives to another task (plan_match.other_tasks): the reports that stand on
        each task (entered after `since`, where given), and the titles the store has."""
        if not any(task.code in held.tasks for task in programme.tasks):
            return {}
        reports = tasks_reported(self.connection, head, since)
        if not reports:
            return {}
        titles = dict(self.connection.execute(select(TaskRow.id, TaskRow.title).where(TaskRow.programme_id == head)).all())
        return other_tasks(programme.code, programme.tasks, held, titles, reports)

    def _match_task(self, label: str, task: plan_model.Task, held: Held, drops: dict) -> tuple[list, list]:
        """A task's lines matched to the store's by identity (lead units and indicators, match_lines), each with
        its indicators; the store's lines left unmatched go. By position, a line inserted before another took
        over the other's reports (safe37a)."""
        task_id = held.tasks.get(task.code)
        lines_here = held.lines.get(task_id, {}) if task_id is not None else {}
        held_lines = [line_id for _, line_id in sorted(lines_here.items())]
        matched, ambiguous, stranded = match_lines(
            [held_key(line_id, held) for line_id in held_lines], [line_key(line) for line in task.lines],
            [tuple(held.checkpoints.get(line_id, ())) for line_id in held_lines],
            [tuple(words(cp) for cp in line.checkpoints) for line in task.lines],
            [any(i in held.reported for i in held.indicators.get(line_id, {}).values()) for line_id in held_lines])
        lost: list = [ambiguous_lines(label, unique(task.lines[news[0]].lead_units), news, helds) for news, helds in ambiguous]
        unsure = {n for news, _ in ambiguous for n in news}
        for position, news in stranded:
            line_id = held_lines[position]
            lost.append(stranded_line(label, position, held.leads.get(line_id, ()),
                                      sum(held.reported.get(i, 0) for i in held.indicators.get(line_id, {}).values()),
                                      [candidate_line(n, unique(task.lines[n].lead_units)) for n in news]))
        for position, line_id in enumerate(held_lines):
            if position not in matched.values() and position not in dict(stranded):
                lost += self._dropped_line(line_id, held,
                                           named_line(label, position, held.leads.get(line_id, ())), drops)
        schedule_names = text_line_names(task.lines)
        lines = []
        for position, line in enumerate(task.lines):
            line_id = held_lines[matched[position]] if position in matched else None

            def labels(position=position, line=line, line_id=line_id) -> tuple:
                """The line as the new plan names it, and as the store does (paired in place it may be another unit's
                now: what is dropped from the store is named so); made only for what is said (most lines say nothing)."""
                line_label = named_line(label, position, unique(line.lead_units))
                return line_label, (line_label if line_id is None else
                                    named_line(label, matched[position], held.leads.get(line_id, ())))

            indicators, line_lost = self._match_indicators(line, line_id, schedule_names[position], labels, held, drops,
                                                           task.code)
            lines.append((line, line_id, indicators))
            lost += line_lost + ([] if position in unsure else moved_checkpoints(line, line_id, indicators,
                                                                                 lambda naming=labels: naming()[0], held,
                                                                                 task=label))
        return lines, lost

    def _match_indicators(self, line: plan_model.Line, line_id: int | None, schedule_name: str, labels: tuple, held: Held,
                          drops: dict, task_code: str = "") -> tuple[list, list]:
        """A line's indicators matched by (kind, name); a text-only line has one schedule indicator, kept
        when its name changes (its lead unit changed) so its reports stay. A kept indicator's unit (条 → 公里,
        a count → %) may change only while no report hangs on it: its reports would silently read in the new
        unit; a kind change (a line turned text-only) drops the indicator, refused the same way. `labels()`: the line
        as the new plan names it, and as the store does."""
        wanted: list[tuple[str, plan_model.Indicator]] = [(QUANTITY, ind) for ind in line.indicators]
        if not line.indicators:
            wanted = [(SCHEDULE, plan_model.Indicator(name=schedule_name, unit="", reports=line.reports))]
        old = dict(held.indicators.get(line_id, {})) if line_id is not None else {}
        wanted_keys = {(kind, ind.name) for kind, ind in wanted}
        lost: list = []
        for key, indicator_id in list(old.items()):
            if key not in wanted_keys:
                if key[0] == SCHEDULE and wanted[0][0] == SCHEDULE:
                    old[(SCHEDULE, wanted[0][1].name)] = indicator_id  # renamed (its lead unit changed): reports stay
                    continue
                stored = labels()[1]
                lost += self._dropped_indicator(
                    indicator_id, held.reported, Message("{label} indicator {name!r}", label=stored, name=key[1]),
                    lambda n, key=key, stored=stored: dropped_indicator(stored, key[1], n, key[0], wanted, set(old),
                                                                        named_elsewhere(self.programme, key[1], task_code, held)),
                                                                        drops)
        for kind, ind in wanted:
            indicator_id = old.get((kind, ind.name))
            if indicator_id in held.reported and held.units[indicator_id] != ind.unit:
                lost.append(unit_changed(labels()[0], ind, held.units[indicator_id], held.reported[indicator_id]))
        return [(kind, ind, old.get((kind, ind.name))) for kind, ind in wanted], lost

    def _task_row(self, head: int, position: int, task: plan_model.Task, task_id: int | None, area_ids: dict,
                  rows: _Rows) -> tuple[int | None, dict | None]:
        """A kept task joins the batched update; a new one's values are given back for _ids to insert."""
        row = {"position": position, "title": task.title, "deadline": task.deadline, "note": task.note,
               **vars(task.text), "area_id": area_ids.get(task.area) if task.area else None}
        if task_id is None:
            self.counts["tasks_added"] += 1
            return None, {"programme_id": head, "code": task.code, **row}
        rows.task_updates.append({"row_id": task_id, **row, "cancelled_by": None,
                                  **({"code": task.code} if self.moves or self.restored else {})})
        self.counts["tasks_updated"] += 1
        return task_id, None

    @staticmethod
    def _line_row(task_id: int, position: int, line: plan_model.Line, line_id: int | None,
                  rows: _Rows) -> tuple[int | None, dict | None]:
        if line_id is None:
            return None, {"task_id": task_id, "position": position, "leaders": list(line.leaders)}
        rows.line_updates.append({"row_id": line_id, "position": position, "leaders": list(line.leaders)})
        return line_id, None

    def _line_children(self, line_id: int, line: plan_model.Line, rows: _Rows) -> None:
        for role, names in (("lead", line.lead_units), ("responsible", line.units)):
            rows.units += [(line_id, self._unit_id(name), role, n) for n, name in enumerate(unique(names))]
        rows.checkpoints += [(line_id, cp.due, cp.label, cp.text) for cp in line.checkpoints]

    @staticmethod
    def _indicator_row(line_id: int, position: int, kind: str, ind: plan_model.Indicator, indicator_id: int | None,
                       rows: _Rows) -> tuple[int | None, dict | None]:
        row = {"position": position, "name": ind.name, "unit": ind.unit, "comparator": ind.comparator,
               "target": ind.target, "text": ind.text, "reading": ind.reading}
        if indicator_id is None:
            return None, {"line_id": line_id, "kind": kind, **row}
        rows.indicator_updates.append({"row_id": indicator_id, **row})
        return indicator_id, None

    @staticmethod
    def _indicator_children(indicator_id: int, ind: plan_model.Indicator, rows: _Rows) -> None:
        rows.milestones += [(indicator_id, ms.due, ms.target, ms.printed, ms.text) for ms in ind.milestones]
        rows.reports += [(indicator_id, report) for report in ind.reports]

    def _write_rows(self, head: int, rows: _Rows) -> None:
        """Everything gathered, one statement per table."""
        self._update(TaskRow.__table__, rows.task_updates)
        self._update(LineRow.__table__, rows.line_updates)
        self._update(IndicatorRow.__table__, rows.indicator_updates)
        # The rows under them through the store's one bulk write (COPY on PostgreSQL): SQLAlchemy's
        # executemany sent an INSERT a row there, 300,000 for the province plan.
        for table, columns, new in (("task_link", LINK_COLUMNS, rows.links), ("line_unit", UNIT_COLUMNS, rows.units),
                                    ("checkpoint", CHECKPOINT_COLUMNS, rows.checkpoints),
                                    ("milestone", MILESTONE_COLUMNS, rows.milestones)):
            if new:
                self.dialect.insert_many(self.connection, table, columns, new)
        self.counts.update(add_plan_reports(self.dialect, self.connection, self.new, head, rows.reports))

    def _update(self, table, rows: list[dict]) -> None:
        """One executemany UPDATE per table: every row sets the same columns, by id."""
        if rows:
            from sqlalchemy import bindparam

            columns = [key for key in rows[0] if key != "row_id"]
            self.connection.execute(table.update().where(table.c.id == bindparam("row_id"))
                                    .values({column: bindparam(column) for column in columns}), rows)

    def _undo_refused(self, since: int, said: Message, drops: dict) -> InputError:
        """An undo of batch `since` refused over the reports that hang on what it would drop: the batches that entered
        those still standing named, newest first, with the way forward (undo them first), as the refusal's end."""
        from mstrack.store.batches import batch_words
        from mstrack.store.plan_reports import standing

        ids = drops.get("reported", [])
        rows = self.connection.execute(
            select(BatchRow.id, BatchRow.created_at, BatchRow.user, BatchRow.command, BatchRow.source, func.count())
            .join(ReportRow, ReportRow.batch_id == BatchRow.id).where(ReportRow.indicator_id.in_(ids[:10_000]), standing())
            .group_by(BatchRow.id, BatchRow.created_at, BatchRow.user, BatchRow.command, BatchRow.source)
            .order_by(BatchRow.id.desc())).all() if ids else []
        if not rows:
            return InputError("{said}", said=said)
        return InputError("{said}\n{n:that report was|those reports were} entered by:\n{batches}\nundo {b:that batch first|those "
                          "batches first, newest first} (`mstrack undo {first}`), then batch {batch}; or keep batch {batch}",
                          said=said, n=sum(row[-1] for row in rows), b=len(rows), first=rows[0][0], batch=since,
                          batches=Joined("\n", [Message("  {batch}: {n} {n:report|reports}", batch=batch_words(*row[:-1]),
                                                         n=row[-1]) for row in rows]))

    def remove_programme(self, code: str, since: int | None = None) -> None:
        """Undo of the import that created a programme (batch `since`): possible only while no report hangs on it."""
        self.undoing = True
        c = self.connection
        head = c.execute(select(ProgrammeRow.id).where(ProgrammeRow.code == code)).scalar_one()
        held = held_by(self.connection, head)
        drops: dict[str, list[int]] = {"tasks": [], "lines": [], "indicators": []}
        lost = []
        for task_code, task_id in [*held.tasks.items(), *((c, t) for t, (c, _) in held.cancelled.items())]:
            lost += self._dropped_task(code, task_code, task_id, held, drops)
        if lost:
            said = Message("{code} was created by that batch and reports hang on it; it cannot be removed:\n{lost}",
                           code=code, lost=Joined("\n", lost[:10]))
            raise self._undo_refused(since, said, drops) if since is not None else InputError("{said}", said=said)
        self._delete(head, drops)
        c.execute(AreaRow.__table__.delete().where(AreaRow.programme_id == head))
        c.execute(ProgrammeRow.__table__.delete().where(ProgrammeRow.id == head))

    def _write_areas(self, programme_id: int, areas: list[plan_model.Area]) -> dict[str, int]:
        """Areas match by code; one the plan drops is deleted once no task points at it."""
        c = self.connection
        old = dict(c.execute(select(AreaRow.code, AreaRow.id).where(AreaRow.programme_id == programme_id)).all())
        wanted = {area.code for area in areas}
        for code, area_id in old.items():
            if code not in wanted:
                c.execute(TaskRow.__table__.update().where(TaskRow.area_id == area_id).values(area_id=None))
                c.execute(AreaRow.__table__.delete().where(AreaRow.id == area_id))
        ids = {}
        for position, area in enumerate(areas):
            row = {"position": position, "name": area.name, "text": area.text, "declared_tasks": area.declared_tasks}
            if area.code in old:
                c.execute(AreaRow.__table__.update().where(AreaRow.id == old[area.code]).values(**row))
                ids[area.code] = old[area.code]
            else:
                ids[area.code] = self._new_id(AreaRow.__table__, {"programme_id": programme_id, "code": area.code, **row})
        return ids

    def _unit_id(self, name: str) -> int:
        if name not in self.unit_ids:
            found = self.connection.execute(select(UnitRow.id).where(UnitRow.name == name)).scalar()
            self.unit_ids[name] = found if found is not None else self._new_id(UnitRow.__table__, {"name": name})
        return self.unit_ids[name]
