"""Plans in the store: a programme read back whole (load_plan) and plans saved, each a batch of its own
(the writing itself is plan_writer.PlanWriter's). Through SQLAlchemy's ORM, imported on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mstrack.domain.names import unknown_programme
from mstrack.errors import InputError
from mstrack.store.batches import PLAN_SOURCE, insert_batch, undone_deleted_by
from mstrack.store.connections import confirm_before_commit
from mstrack.store.dialect import day, json_list, number
from mstrack.store.plan_changes import written_changes
from mstrack.store.states import group_units, standing
from mstrack.vocabulary import SCHEDULE

if TYPE_CHECKING:
    from mstrack import model as plan_model


class Plans:
    """The plan methods of Store."""

    def save_plan(self, programme: plan_model.Programme, command: str = "import plan", source: str | None = None,
                  reason: str | None = None, confirm=None) -> dict:
        return self.save_plans([(programme, source)], command=command, reason=reason,
                               confirm=None if confirm is None else lambda results: confirm(results[0]))[0]

    def save_plans(self, plans: list[tuple[plan_model.Programme, str | None]], command: str = "import plan",
                   reason: str | None = None, confirm=None, keep=None, own_only: bool = False,
                   exported: dict[str, str] | None = None, force: bool = False) -> list[dict]:
        """Upsert programmes by code and their tasks by code, keeping every report: all the plans in one
        transaction, so that one refused leaves the others unwritten too. Each changed programme is a
        batch of its own (undone alone); (programme, source file name) each, counts returned in order.

        Lines match by lead units and indicators (plan_match.match_lines), indicators by name; the checkpoints
        behind a text-only line's met marks must stay (plan_match.moved_checkpoints). Anything a new plan drops is deleted,
        unless reports hang on it: then nothing is written and the error names what would be lost. `keep` is
        given each programme read back to compare, to hold rather than free (cli.process.keep_until_exit).
        `own_only` (demo): refused, nothing written, when the store holds a programme these plans' `command` did not
        load, or one of their codes as another plan (own_programmes_only).
        `exported`: the plan each programme's file was exported from, by code (plan_dump.export_text): refused, nothing
        written, where a plan import since changed what the file would put back (plan_since), unless `force`.
        """
        from mstrack.sources.plan_dump import dump_plan

        results = []
        with self.locked(command, orm=True) as connection:
            if own_only:
                self._own_programmes_only(connection, plans, command)
            for programme, source in plans:
                before = self.load_plan(programme.code) if programme.code in self.programme_codes() else None
                if keep is not None:
                    keep(before)
                if before == programme:
                    results.append({"tasks_added": 0, "tasks_updated": 0, "tasks_removed": 0, "unchanged": True, "batch": None})
                    continue
                from mstrack.store.plan_reports import reported_by_name
                from mstrack.store.plan_writer import PlanWriter  # the ORM's tables (SQLModel): only for a plan that changed

                current = dump_plan(before) if before else None
                kept = reason
                if current is not None and (exported or {}).get(programme.code):
                    from mstrack.store.plan_since import over_later_plans

                    if more := over_later_plans(self, connection, programme, before, current, exported[programme.code],
                                                source or programme.code, force):  # --force: what it overrode, kept
                        kept = more if reason is None else f"{reason}; {more}"
                reported = reported_by_name(connection, programme.code) if before is not None else {}
                held_back = self._cancelled_plan(connection, programme.code) if before is not None else []
                made = insert_batch(self.dialect, connection, command=command, source=source or programme.code,
                                    reason=kept, programme=programme.code, plan_before=current)
                try:
                    counts = PlanWriter(self.dialect, connection, made).write(programme)
                except InputError:
                    from mstrack.store.checks import refuse_plans_apart

                    refuse_plans_apart(self, connection, programme.code)  # the real cause, where the plan's two copies disagree
                    raise
                batch = made.id
                counts["undone_deleted"] = undone_deleted_by(self.dialect, connection, batch)  # its rows: what `batches` says
                if before is not None:  # the writer updates every kept task; the user asks which of them changed
                    # renumbered tasks (reports followed them) compared under their new codes
                    counts["changes"], compared = written_changes(before, programme, reported, counts, held_back=held_back)
                    counts["tasks_updated"] = changed_tasks(compared, programme,
                                                            frozenset(new for _, new, _, _ in counts.get("renumbered", ())))
                    counts["programme_changed"] = changed_fields(before, programme)
                results.append({**counts, "unchanged": False, "batch": batch})
            confirm_before_commit(confirm, results)
        return results


    def _cancelled_plan(self, connection, code: str) -> list:
        """Programme `code`'s cancelled tasks as their plan last had them, before a plan's write (one may bring one
        back, and what else it changes of it is said and counted: comeback63); none read where it has none."""
        p = self.dialect.p
        if not self._rows(connection, f"SELECT 1 FROM task AS t JOIN programme AS g ON g.id = t.programme_id WHERE g.code = {p}"
                                      " AND t.cancelled_by IS NOT NULL LIMIT 1", [code]):
            return []
        return _load_plan(self.dialect, connection, code, self.programme_codes, self.display_url, cancelled=True).tasks

    def _own_programmes_only(self, connection, plans: list, command: str) -> None:
        """`mstrack demo` writes only into a store that holds nothing but what it loaded (safety47 F9): on the office's
        own store (the default --db) it added its sample programmes to every report and re-imported a seed over the
        office's programme of the same code. Refused, under the write lock, naming them: a programme no `command`
        batch loaded, or one whose stored plan differs from the one it would write (changed since). Reports logged on
        its programmes are its own data (the tour logs some): kept, as before."""
        from mstrack.errors import InputError

        mine = {programme.code: programme for programme, _ in plans}
        loaded = {code for (code,) in self._rows(connection, f"SELECT DISTINCT programme FROM batch WHERE command = {self.dialect.p}"
                                                             " AND programme IS NOT NULL", [command])}
        others = [code for code in self.programme_codes()
                  if code not in mine or code not in loaded or self.load_plan(code) != mine[code]]
        if others:
            raise InputError("{option} {db}: this database holds {n} {n:programme|programmes} the demo did not load, or changed "
                             "since: {codes}; the demo writes only into a database of its own: nothing was written. Run it "
                             "in a file of its own: mstrack --db mstrack-demo.db demo",
                             option=self.option, db=self.display_url, n=len(others),
                             codes=", ".join(others))

    def office_reports(self, code: str) -> int:
        """How many reports stand on programme `code` that are not the plan's own (log, import progress): what a plan
        file does not hold (`export plan` says so, safety48 F-03)."""
        p = self.dialect.p
        with self.reading() as connection:
            return self._rows(connection, "SELECT count(*) FROM report AS x JOIN indicator AS i ON i.id = x.indicator_id"
                                          " JOIN task_line AS l ON l.id = i.line_id JOIN task AS t ON t.id = l.task_id"
                                          f" JOIN programme AS g ON g.id = t.programme_id WHERE g.code = {p}"
                                          f" AND COALESCE(x.source, '') <> '{PLAN_SOURCE}' AND {standing('x')}", [code])[0][0]

    def former_titles(self, code: str, task: str) -> list[tuple[str, int]]:
        """The titles a task had before plan writes changed them, with the batch that changed each (plan_since)."""
        from mstrack.store.plan_since import former_titles

        with self.reading() as connection:
            return former_titles(self, connection, code, task)

    def plan_history(self, ref) -> list:
        """What plan writes changed of a task, batch by batch (plan_history.PlanChange each, oldest first): its target,
        milestones, deadline, title and units, as `import plan` said them (trial57 finding 6)."""
        from mstrack.store.plan_history import task_plan_changes

        with self.reading() as connection:
            head, (_, code) = self._task_head(connection, ref)
            return task_plan_changes(self, connection, head[1], code)

    def indicator_moved(self, code: str, task: str, name: str):
        """Where indicator `name`, which task `task` of `code` has not, went: "'助餐点' is now city-2026/6 (batch 3 moved
        it)", or None (plan_history.indicator_moved): what `log` and `import progress` add to their refusal of it."""
        from mstrack.errors import Joined, Message
        from mstrack.store.plan_history import indicator_moved

        asked = self.__dict__.setdefault("_indicators_moved", {})  # a return's rows of one name ask once
        if (code, task, name) not in asked:
            with self.reading() as connection:
                asked[code, task, name] = indicator_moved(self, connection, code, task, name)
        tasks, batch = asked[code, task, name]
        if not tasks:
            return None
        if (cancelled := self.task_cancelled(code, task)) and f"{code}/{tasks[0]}" in cancelled.fields.values():
            return cancelled  # the indicator went with its task, cancelled: not "moved" (trial57's split)
        where = Joined(", ", [f"{code}/{other}" for other in tasks])
        if batch is None:
            return Message("{name!r} is an indicator of {where}", name=name, where=where)
        return Message("{name!r} is now {where} (batch {batch} moved it)", name=name, where=where, batch=batch)

    def task_moved(self, code: str, task: str):
        """Where a task `code` no longer has under code `task` went: "task '5' is now city-2026/4 (建设充电桩1000个;
        batch 3 renumbered it)", or None (plan_history.task_moved): what `import progress` adds to its refusal. A task
        a plan cancelled under that code: that it was, and why it takes no report (plan_history.cancelled_words)."""
        from mstrack.errors import Message
        from mstrack.store.plan_history import task_moved

        asked = self.__dict__.setdefault("_tasks_moved", {})  # a return's rows of one old code ask once
        if (code, task) not in asked:
            cancelled = self.task_cancelled(code, task)
            with self.reading() as connection:
                asked[code, task] = cancelled or task_moved(self, connection, code, task)
        if (found := asked[code, task]) is None or isinstance(found, Message):
            return found
        new, title, batch = found
        return Message("task {task!r} is now {code}/{new} ({title}; batch {batch} renumbered it)", task=task, code=code,
                       new=new, title=title, batch=batch)

    def task_cancelled(self, code: str, task: str):
        """Why a task a plan cancelled under code `task` of `code` (its own, or the one it moved off) takes no report
        (plan_history.cancelled_words), or None: what `import progress` says of a row naming it, alone, never a "did
        you mean" of the task that took its code."""
        from mstrack.store.plan_history import cancelled_words, task_cancelled

        asked = self.__dict__.setdefault("_tasks_cancelled", {})
        if (code, task) not in asked:
            with self.reading() as connection:
                found = task_cancelled(self, connection, code, task)
            asked[code, task] = cancelled_words(f"{code}/{found[0]}", *found[1:]) if found else None
        return asked[code, task]

    def title_cancelled(self, code: str, title: str):
        """The task of `code` a plan cancelled that has title `title` (its code now, batch), or None: a return's
        工作任务 naming it is told so, not that it names no task."""
        return next(((task, batch) for programme, task, named, batch, _ in self.cancelled_tasks([code])
                     if named.strip() == title.strip()), None)

    def cancelled_tasks(self, programmes: list[str] | None = None) -> list[tuple[str, str, str, int, int]]:
        """The tasks plans cancelled, not counted (plan_history.cancelled_tasks): what the views say apart."""
        from mstrack.store.plan_history import cancelled_tasks

        with self.reading() as connection:
            return cancelled_tasks(self, connection, programmes)

    def cancelled_details(self, programmes: list[str] | None = None, leads: bool = False) -> list[tuple]:
        """cancelled_tasks with the batch's time and file (plan_history.cancelled_details): a printed report's 已取消;
        with `leads`, each task's lead units too."""
        from mstrack.store.plan_history import cancelled_details

        with self.reading() as connection:
            return cancelled_details(self, connection, programmes, leads)

    def plan_revisions(self, programmes: list[str], first, last) -> list[tuple[str, list]]:
        """What plan writes made on the local days (first, last] changed, by programme (plan_history.plan_revisions):
        a weekly report's plan changes."""
        from mstrack.store.plan_history import plan_revisions

        with self.reading() as connection:
            return [(code, found) for code in programmes if (found := plan_revisions(self, connection, code, first, last))]

    def load_plan(self, code: str) -> plan_model.Programme:
        """A programme read back whole, as `import plan` compares it and `export plan` writes it. Plain SQL
        through the driver (Dialect.rows), one query per table joined on the programme: through the ORM,
        220,000 row objects made reading back a 20,000-task plan three fifths of an unchanged re-import."""
        with self.reading() as connection:
            return _load_plan(self.dialect, connection, code, self.programme_codes, self.display_url)


def changed_tasks(before: plan_model.Programme, after: plan_model.Programme, moved: frozenset = frozenset()) -> int:
    """How many of the tasks a programme keeps (by code) a new plan changes: what `import plan` reports as
    updated, so that one target changed mid-year reads "1 updated", not every task of the programme. `moved`: the new
    codes of tasks renumbered (`before` has them under those codes): changed, whatever else did not."""
    old = {task.code: task for task in before.tasks}
    return sum(1 for task in after.tasks if task.code in old and (old[task.code] != task or task.code in moved))


def changed_fields(before: plan_model.Programme, after: plan_model.Programme) -> list[str]:
    """What a new plan changes beyond its tasks, by the plan file's own keys ([programme] name, [[areas]], the
    tasks' order): a re-import that changes only these writes a batch, and must not read as "nothing changed"."""
    from dataclasses import fields

    changed = [field.name for field in fields(before) if field.name != "tasks"
               and getattr(before, field.name) != getattr(after, field.name)]
    order, new_order = [task.code for task in before.tasks], [task.code for task in after.tasks]
    if order != new_order and sorted(order) == sorted(new_order):
        changed.append("tasks (order)")
    return changed


def _load_plan(dialect, connection, code: str, codes, db: str, cancelled: bool = False) -> plan_model.Programme:
    """`cancelled`: its cancelled tasks instead (under the codes they are kept under), as their plan last had them: what a
    plan bringing one back changes of it (comeback63)."""
    from mstrack import model as plan_model  # the plan's classes, imported where a plan is read: not at every command's start

    p = dialect.p
    only = " AND t.cancelled_by IS NOT NULL" if cancelled else ""

    def rows(sql: str) -> list:
        return dialect.rows(connection, sql, [head_id])

    found = dialect.rows(connection, "SELECT id, code, name, year, start, \"end\", source, reading, note, rule FROM programme"
                                     f" WHERE code = {p}", [code])
    if not found:
        raise unknown_programme(codes(), code, db)
    head_id, code, name, year, start, end, source, reading, note, rule = found[0]
    programme = plan_model.Programme(code=code, name=name, year=year, start=day(start), end=day(end), source=source,
                                     reading=reading, note=note, rule=rule)
    in_programme = f"JOIN task_line AS l ON l.id = x.line_id JOIN task AS t ON t.id = l.task_id WHERE t.programme_id = {p}{only}"
    areas = rows(f"SELECT id, code, name, text, declared_tasks FROM area WHERE programme_id = {p} ORDER BY position, id")
    area_codes = {area_id: area_code for area_id, area_code, *_ in areas}
    programme.areas = [plan_model.Area(code=area_code, name=area_name, text=text, declared_tasks=declared)
                       for _, area_code, area_name, text, declared in areas]
    units = group_units((line_id, role, unit) for line_id, role, unit in rows(
        "SELECT x.line_id, x.role, u.name FROM line_unit AS x JOIN unit AS u ON u.id = x.unit_id"
        f" {in_programme} ORDER BY x.line_id, x.role, x.position"))
    checkpoints: dict[int, list[plan_model.Checkpoint]] = {}
    for line_id, due, label, text in rows(f"SELECT x.line_id, x.due, x.label, x.text FROM checkpoint AS x {in_programme}"
                                          " ORDER BY x.line_id, x.due, x.id"):
        checkpoints.setdefault(line_id, []).append(plan_model.Checkpoint(due=day(due), label=label, text=text))
    indicators = rows("SELECT x.id, x.line_id, x.kind, x.name, x.unit, x.comparator, x.target, x.text, x.reading"
                      f" FROM indicator AS x {in_programme} ORDER BY x.line_id, x.position, x.id")
    of_indicator = ("JOIN indicator AS i ON i.id = x.indicator_id JOIN task_line AS l ON l.id = i.line_id"
                    f" JOIN task AS t ON t.id = l.task_id WHERE t.programme_id = {p}{only}")
    milestones: dict[int, list[plan_model.Milestone]] = {}
    for indicator_id, due, target, printed, text in rows(
            f"SELECT x.indicator_id, x.due, x.target, x.printed, x.text FROM milestone AS x {of_indicator}"
            " ORDER BY x.indicator_id, x.due, x.id"):
        milestones.setdefault(indicator_id, []).append(
            plan_model.Milestone(due=day(due), target=number(target), printed=number(printed), text=text))
    plan_reports: dict[int, list[plan_model.PlanReport]] = {}
    for indicator_id, as_of, value, note in rows(
            f"SELECT x.indicator_id, x.as_of, x.value, x.note FROM report AS x {of_indicator} AND x.source = '{PLAN_SOURCE}'"
            f" AND {standing('x')} AND NOT EXISTS (SELECT 1 FROM report AS y WHERE y.indicator_id = x.indicator_id"
            f" AND y.as_of = x.as_of AND y.source = '{PLAN_SOURCE}' AND y.id > x.id AND {standing('y')})"
            " ORDER BY x.indicator_id, x.as_of, x.id"):  # of a day the latest: a plan's report corrected is one (safe46b)
        plan_reports.setdefault(indicator_id, []).append(plan_model.PlanReport(as_of=day(as_of), value=number(value), note=note))
    indicators_by_line: dict[int, list[plan_model.Indicator]] = {}
    line_reports: dict[int, list[plan_model.PlanReport]] = {}
    for indicator_id, line_id, kind, ind_name, unit, comparator, target, text, ind_reading in indicators:
        if kind == SCHEDULE:
            line_reports[line_id] = plan_reports.get(indicator_id, [])
            continue
        indicators_by_line.setdefault(line_id, []).append(plan_model.Indicator(
            name=ind_name, unit=unit, comparator=comparator, target=number(target), text=text, reading=ind_reading,
            milestones=milestones.get(indicator_id, []), reports=plan_reports.get(indicator_id, [])))
    links: dict[int, list[str]] = {}
    for task_id, ref in rows(f"SELECT x.task_id, x.ref FROM task_link AS x JOIN task AS t ON t.id = x.task_id"
                             f" WHERE t.programme_id = {p}{only} ORDER BY x.task_id, x.position"):
        links.setdefault(task_id, []).append(ref)
    lines_by_task: dict[int, list[plan_model.Line]] = {}
    for line_id, task_id, leaders in rows("SELECT l.id, l.task_id, l.leaders FROM task_line AS l JOIN task AS t ON t.id = l.task_id"
                                          f" WHERE t.programme_id = {p}{only} ORDER BY l.task_id, l.position"):
        lead, responsible = units.get(line_id, ([], []))
        lines_by_task.setdefault(task_id, []).append(plan_model.Line(
            leaders=json_list(leaders), lead_units=lead, units=responsible, checkpoints=checkpoints.get(line_id, []),
            indicators=indicators_by_line.get(line_id, []), reports=line_reports.get(line_id, [])))
    programme.tasks = [
        plan_model.Task(code=task_code, title=title, area=area_codes.get(area_id), deadline=day(deadline), note=task_note,
                        lines=lines_by_task.get(task_id, []), links=links.get(task_id, []),
                        text=plan_model.TaskText(**dict(zip(plan_model.TASK_TEXT, words, strict=True))))
        for task_id, task_code, title, area_id, deadline, task_note, *words in rows(
            f"SELECT id, code, title, area_id, deadline, note, {', '.join(plan_model.TASK_TEXT)} FROM task"
            f" WHERE programme_id = {p} AND cancelled_by IS {'NOT NULL' if cancelled else 'NULL'} ORDER BY position, id")
    ]
    return programme
