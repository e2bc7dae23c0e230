"""The store's writes of reports (log, import progress), undo, and frozen reports."""

from __future__ import annotations

from datetime import UTC, datetime

from mstrack import vocabulary
from mstrack.errors import InputError, Joined, Message
from mstrack.store.batches import (
    REPORT_COLUMNS,
    RESTORE_COMMAND,
    ReportBatch,
    ReportRange,
    batch_words,
    corrected_since,
    deleted_undone,
    insert_batch,
    insert_reports,
    keep_restated,
    restored_over,
)
from mstrack.store.connections import confirm_before_commit
from mstrack.store.dialect import day, moment, number
from mstrack.store.history_reads import BatchInfo, frozen_params
from mstrack.store.states import standing


class Writes:
    """The report writes of Store."""

    def add_reports(self, reports, count: int, command: str, source: str | None = None, reason: str | None = None,
                    confirm=None) -> int:
        """`count` reports, (indicator_id, as_of, value, note, reporter, source, reporting_unit) each from an iterable, as
        one batch in one transaction: all of them or none. Rows stream into the driver, never a list.
        `confirm(batch)` runs just before the commit (see confirm_before_commit)."""
        if not count:
            return 0
        with self.locked(command) as connection:
            batch = insert_batch(self.dialect, connection, command=command, source=source, reason=reason)
            insert_reports(self.dialect, connection, reports, batch=batch, reason=reason)
            confirm_before_commit(confirm, batch.id)
        return batch.id

    def report_batch(self, command: str, *, source: str | None = None, reason: str | None = None) -> ReportBatch:
        """A batch written in chunks (import progress), inside the write transaction the caller holds."""
        if self._held is None:
            raise RuntimeError("report_batch outside Store.locked")
        return ReportBatch(self.dialect, self._held, command=command, source=source, reason=reason)

    def freeze(self, kind: str, params: dict, content: str, confirm=None, part: str | None = None) -> int:
        """A report kept as printed (`report … --freeze`), in a write transaction of its own, with what it saw: the
        highest batch number then, how many batches there were and the schema version (the writes since it are those
        it did not see, whatever the clock says or the order writers committed in: since_frozen) and `part`,
        the name of the partial copy its file was written into (a rerun of a run killed before its rename finds
        that run's freeze by it: frozen_into)."""
        with self.locked("report --freeze") as connection:
            [(last_batch, seen)] = self._rows(connection, "SELECT max(id), count(*) FROM batch")  # one statement: one
            [(schema,)] = self._rows(connection, "SELECT max(version) FROM schema_version")  # moment of the data
            snapshot = self.dialect.insert(connection, "report_snapshot", {
                "created_at": datetime.now(UTC), "user": self.dialect.user(connection), "kind": kind,
                "params": frozen_params(params), "content": content, "last_batch": last_batch or 0, "part": part,
                "seen_batches": seen, "seen_schema": schema})
            confirm_before_commit(confirm, snapshot)
        return snapshot

    def undo(self, batch_id: int | None, reason: str | None = None, force: bool = False, confirm=None,
             started: float | None = None) -> BatchInfo:
        """Revert one batch as a whole, as a new batch: its reports are retracted (never deleted), the
        reports it retracted come back as new entries, and a plan import's programme is put back as it was.

        All in one locked transaction (checked and written together: two undos of one batch cannot both
        pass), in set-based statements whatever the batch's size: no report becomes a Python object.
        A report comes back only where nothing newer stands for its indicator and date (it would beat
        that later entry); otherwise the undo is refused naming those entries, unless force, which
        goes on and records what it overrode in the new batch's reason. The same rule for a plan import: its
        programme is put back only while no later batch changed it (see _later_plan_batches)."""
        from mstrack.long_lists import PLAN_CHANGES_SHOWN
        from mstrack.sources.plan_dump import dump_plan
        from mstrack.store.plan_changes import written_changes
        from mstrack.store.plan_reports import reported_by_name
        from mstrack.store.plan_writer import PlanWriter

        p = self.dialect.p
        bare = batch_id is None
        if bare:  # the latest as the command starts: of two bare undos at once, the second is refused
            batch_id = self._latest_batch(started)  # ("already undone"), where it took back the first one's undo
        with self.locked("undo", orm=True) as connection:
            target_id, programme, plan_before, first, last = self._undoable(connection, batch_id)
            if bare:
                self._refuse_a_bare_redo(connection, target_id)
            overridden, total = self._newer_than_restored(connection, target_id)
            if overridden and not force:
                raise InputError("undoing batch {batch} would bring back values over {n} newer {n:entry|entries}; nothing was "
                                 "written:\n{entries}\nundo with --force to bring them back all the same (what it overrides is "
                                 "kept with the undo)", batch=target_id, n=total, entries=Joined("\n", overridden))
            gone = deleted_undone(self.dialect, connection, target_id)
            if gone and not force:
                n = sum(count for count, _ in gone)
                raise InputError("undoing batch {batch} would bring back {n} {n:report|reports} that a later plan import or "
                                 "undo deleted with the lines or indicators it dropped; an undo can no longer bring {n:it|them} "
                                 "back; nothing was written:\n{deleted}\nlog {n:it|them} anew (or undo with --force to bring "
                                 "back what is left of batch {batch})", batch=target_id, n=n, deleted=Joined("\n", [
                                     Message("  {n} by {step}", n=count, step=batch_words(*row)) for count, row in gone]))
            if gone:
                more = "--force over " + "; ".join(f"{count} deleted by batch {row[0]}" for count, row in gone)
                reason = more if reason is None else f"{reason}; {more}"
            _refuse_onto_cancelled(self, connection, target_id)  # before the plans are followed
            moved, marks = self._moved_marks(connection, target_id)
            if moved:
                raise InputError("undoing batch {batch} would bring back reports onto lines a plan re-imported since has "
                                 "changed; nothing was written:\n{lost}\nlog them anew, as they are to be read now; a unit "
                                 "changed may be put back by importing the plan with it as it was, then undo batch {batch}",
                                 batch=target_id, lost=Joined("\n", moved))
            if marks:
                raise InputError("undoing batch {batch} would bring back met marks onto checkpoints a plan re-imported since "
                                 "has changed; nothing was written:\n{lost}\nthe marks count the checkpoints from the first: "
                                 "import the plan with the checkpoints they were given against as they were (new ones after "
                                 "them), then undo batch {batch}; or log those checkpoints anew",
                                 batch=target_id, lost=Joined("\n", marks))
            if overridden:  # kept in English, as the batch's other words are
                more = f"--force over {total} newer {'entry' if total == 1 else 'entries'}: " + "; ".join(overridden)
                reason = more if reason is None else f"{reason}; {more}"
            current_plan = self.load_plan(programme) if programme is not None and programme in self.programme_codes() else None
            later = self._later_plan_batches(connection, target_id, programme, dump_plan(current_plan) if current_plan else None)
            if later and not force:
                raise InputError("undoing batch {batch} would put {code} back over what {n} later {n:batch|batches} changed; "
                                 "nothing was written:\n{batches}\nundo {n:it|them} first, newest first (or undo with --force to "
                                 "put {code} back all the same: what it overrides is kept with the undo)", batch=target_id,
                                 code=programme, n=len(later), batches=Joined("\n", [Message("  {b}", b=b) for b in later]))
            if later:
                more = f"--force over {programme} as later changed by " + "; ".join(str(b) for b in later)
                reason = more if reason is None else f"{reason}; {more}"
            made = insert_batch(self.dialect, connection, command="undo", source=f"batch {target_id}", reason=reason,
                                undoes=target_id, programme=programme,
                                plan_before=dump_plan(current_plan) if current_plan else None)
            new, at = made
            # its reports by the primary key's range (ReportRange), batch_id keeping the answer exact; those retracted
            # already skipped by the retraction's primary key (what standing() tests): PostgreSQL, which expects a
            # hundredth of the range to be the batch's, joined NOT EXISTS by rescanning the retractions it was adding
            # (10,000 reports: 0.8 s, quadratic)
            # (their counts, as the driver says them, kept on the undo's batch row by ReportRange: migration 10)
            with ReportRange(self.dialect, connection, new) as written:
                written.retracted = self.dialect.execute(
                    connection, f"INSERT INTO report_retraction (report_id, batch_id) SELECT x.id, {p} FROM report AS x"
                    f" WHERE x.id BETWEEN {p} AND {p} AND x.batch_id = {p} ORDER BY x.id"
                    " ON CONFLICT (report_id) DO NOTHING", [new, first, last, target_id])
                # what the batch retracted comes back: insert_reports' columns, copied in the database
                written.added = self.dialect.execute(
                    connection, f"INSERT INTO report ({', '.join(REPORT_COLUMNS)}) SELECT x.indicator_id, x.as_of,"
                    f" x.value, x.note, x.reporter, x.source, x.reporting_unit, {p}, {p}, {p} FROM report AS x"
                    f" JOIN report_retraction AS r ON r.report_id = x.id WHERE r.batch_id = {p} ORDER BY x.id",
                    [at, new, reason or f"undo of batch {target_id}", target_id])
            corrected = corrected_since(self.dialect, connection, new, target_id)  # before keep_restated's rows
            kept = keep_restated(self.dialect, connection, new, target_id)  # what a later import gave again stands
            writer = PlanWriter(self.dialect, connection, made)
            changes = []
            if plan_before is not None:
                put_back = kept_plan(plan_before, target_id)
                reported = reported_by_name(connection, programme) if current_plan is not None else {}
                written = writer.write(put_back, since=target_id)
                if current_plan is not None:  # what changes under reports, as `import plan` names it (safety49 F4b)
                    changes = written_changes(current_plan, put_back, reported, written, PLAN_CHANGES_SHOWN)[0]
            elif current_plan is not None:
                writer.remove_programme(programme, since=target_id)
            done = self.batches(ids=[new])[0]  # in this transaction: the undone reports deleted as undone_deleted's rows say
            done.restated_kept = kept
            done.corrected_since = corrected
            done.plan_changes = changes
            done.programme_removed = plan_before is None and current_plan is not None
            confirm_before_commit(confirm, done)
        return done

    def latest_batch(self, undoable: bool = False) -> tuple | None:
        """The latest batch as batch_words takes it (id, created_at, user, command, source), None before the first: the
        one read of it (undo's bare latest, and what a log waiting for the write lock saw before: store/log.py).
        `undoable`: a `db restore`'s batch passed over (undo's: the restored content's latest is taken back)."""
        latest = self._newest_batches(1, undoable=undoable)
        return tuple(latest[0]) if latest else None

    def _newest_batches(self, count: int, undoable: bool) -> list:
        """The `count` newest batches, newest first, as latest_batch gives one (`undoable` as there)."""
        where = f" WHERE command != {self.dialect.p}" if undoable else ""
        with self.reading() as connection:
            return self._rows(connection, f'SELECT id, created_at, "user", command, source FROM batch{where} ORDER BY id'
                              f" DESC LIMIT {int(count)}", [RESTORE_COMMAND] if undoable else [])

    def _latest_batch(self, started: float | None) -> int:
        """The latest batch, if it was there when the command started (`started`, time.time() of the run's start):
        one written since is another writer's meanwhile (two undos typed at once: the first one's undo), never taken
        back unnamed. Written since: stored at a time after the start and not after now; a time still to come is a
        clock ahead's (another computer's, or this one's before it was set back), no write meanwhile."""
        latest = self.latest_batch(undoable=True)
        if latest is None:
            raise InputError("nothing to undo yet: {db} holds no batch", db=self.display_url)
        batch, at = latest[0], _seconds(latest[1])
        # after the start by a time not yet come (a clock ahead wrote it, or this one was set back): no sign of a
        # write meanwhile, which only a time between the start and now is; the latest as before
        if started is not None and started < at <= datetime.now(UTC).timestamp():
            if (before := self._latest_before(started)) is not None:  # the one the user meant, most likely (fix51b)
                raise InputError("{batch} was written after this undo started: nothing was undone; the latest when it "
                                 "started was {before}: to take that back, `mstrack undo {before_id}`; to take back the "
                                 "later one, `mstrack undo {id}`", batch=batch_words(*latest), id=batch,
                                 before=batch_words(*before), before_id=before[0])
            raise InputError("{batch} was written after this undo started: nothing was undone; to take it back, name it: "
                             "`mstrack undo {id}`", batch=batch_words(*latest), id=batch)
        self._refuse_another_terminals(latest)
        return batch

    def _refuse_another_terminals(self, latest: tuple) -> None:
        """A bare undo takes back the latest batch: one another terminal wrote in the last minutes (a colleague's import,
        on the same login: an SQLite file's root; vocabulary.ANOTHER_TERMINALS_MINUTES) is named and refused, with its number and this
        terminal's own latest's to type (trial55 F12). Undone unnamed, it took back what this user had not seen written.
        A batch of this terminal's, one from before terminals were kept (NULL), or an older one, is taken back as the
        latest, as scripts rely on (the command says whose it was)."""
        from mstrack.store.batches import terminal

        me, p, n = terminal(), self.dialect.p, vocabulary.ANOTHER_TERMINALS_MINUTES
        with self.reading() as connection:
            rows = self._rows(connection, f"SELECT terminal FROM batch WHERE id = {p}", [latest[0]])
            theirs = rows[0][0] if rows else None
            if theirs is None or theirs == me or _seconds(latest[1]) < datetime.now(UTC).timestamp() - n * 60:
                return
            mine = self._rows(connection, f'SELECT id, created_at, "user", command, source FROM batch WHERE terminal = {p}'
                                          f" AND command != {p} ORDER BY id DESC LIMIT 1", [me, RESTORE_COMMAND])
        if mine:
            raise InputError("{batch} was written from another terminal in the last {n} minutes, not from this one: nothing "
                             "was undone; to take it back, name it: `mstrack undo {id}`; this terminal's latest is {mine}: "
                             "`mstrack undo {mine_id}`", batch=batch_words(*latest), n=n, id=latest[0],
                             mine=batch_words(*mine[0]), mine_id=mine[0][0])
        raise InputError("{batch} was written from another terminal in the last {n} minutes, not from this one, which has "
                         "written no batch: nothing was undone; to take it back, name it: `mstrack undo {id}`",
                         batch=batch_words(*latest), n=n, id=latest[0])

    def _latest_before(self, started: float) -> tuple | None:
        """The latest undoable batch written before `started` (as latest_batch gives it): of the few written since,
        read newest first, the first stored at or before it."""
        return next((tuple(row) for row in self._newest_batches(100, undoable=True) if _seconds(row[1]) <= started), None)

    def _refuse_a_bare_redo(self, connection, latest: int) -> None:
        """A bare `undo` whose latest batch is itself an undo is refused (safety47 F14): taking it back would put back
        what that undo took ("undo, undo" redid the first wrong import and never reached the one before). Named: the
        batch it undid, the `undo N` that takes back the latest batch still standing before it, and the one that redoes."""
        p = self.dialect.p
        undid = self._rows(connection, f"SELECT undoes FROM batch WHERE id = {p}", [latest])[0][0]
        if undid is None:
            return
        before = self._rows(connection, f"SELECT max(b.id) FROM batch AS b WHERE b.undoes IS NULL AND b.command != {p}"
                                        " AND NOT EXISTS (SELECT 1 FROM batch AS u WHERE u.undoes = b.id)",
                            [RESTORE_COMMAND])[0][0]
        previous = (Message("`mstrack undo {id}` takes back the one before it", id=before) if before is not None
                    else Message("no batch before it is left to undo"))
        raise InputError("the latest batch, batch {latest}, is an undo (of batch {undid}): a bare `undo` would put batch "
                         "{undid} back, so nothing was undone; {previous}, and `mstrack undo {latest}` puts batch {undid} back",
                         latest=latest, undid=undid, previous=previous)

    def _undoable(self, connection, batch_id: int) -> tuple[int, str | None, str | None, int | None, int | None]:
        """(id, programme, plan before, first and last report id) of the batch to undo (undo resolved a bare one as
        the latest: _latest_batch), or why it cannot be."""
        columns = "SELECT id, programme, plan_before, first_report_id, last_report_id FROM batch"
        rows = self._rows(connection, f"{columns} WHERE id = {self.dialect.p}", [batch_id])
        if not rows:  # 0 too: a batch number that is not there, not "nothing yet"
            if (restore := restored_over(self.dialect, connection, batch_id)) is not None:
                raise InputError("batch {batch} was made after the backup that {restore} put back: it is no longer in "
                                 "this database, and its number is given to no other write; nothing was undone; see "
                                 "`mstrack batches`", batch=batch_id, restore=batch_words(*restore))
            if 0 < batch_id < (self._rows(connection, "SELECT max(id) FROM batch")[0][0] or 0):  # a number skipped
                raise InputError("batch {batch} was never kept: the write given that number was interrupted or changed "
                                 "nothing (a number is never given again, so the list skips it); nothing was undone; see "
                                 "`mstrack batches`", batch=batch_id)
            raise InputError("no batch {batch}; see `mstrack batches`", batch=batch_id)
        if self._rows(connection, f"SELECT command FROM batch WHERE id = {self.dialect.p}", [batch_id])[0][0] == RESTORE_COMMAND:
            raise InputError("batch {batch} records a `db restore`, which an undo cannot take back; nothing was undone. "
                             "The database as it was before it is the copy that restore kept beside it "
                             "(DB.before-restore-TIME): `mstrack db restore` that copy to go back", batch=batch_id)
        done_by = self._rows(connection, f"SELECT min(id) FROM batch WHERE undoes = {self.dialect.p}", [rows[0][0]])[0][0]
        if done_by is not None:
            raise InputError("batch {batch} was already undone by batch {undo}; undo {undo} to restore it", batch=rows[0][0],
                             undo=done_by)
        return rows[0]

    def _later_plan_batches(self, connection, target_id: int, programme: str | None, current: str | None) -> list[Message]:
        """The batches after target_id that changed its programme and still stand, newest first (described), when the
        programme is no longer as target_id left it: undoing target_id would put back the plan before it and silently
        discard theirs. As target_id left it is what the next batch on the programme kept as its plan before; a later
        change undone since, or made and undone again, leaves the programme as it was and nothing in the way."""
        if programme is None:
            return []
        p = self.dialect.p
        after = self._rows(connection, f"SELECT plan_before FROM batch WHERE programme = {p} AND id > {p} ORDER BY id LIMIT 1",
                           [programme, target_id])
        if not after or after[0][0] == current:
            return []
        rows = self._rows(connection, f'SELECT b.id, b.created_at, b."user", b.command, b.source FROM batch AS b'
                                      f" WHERE b.programme = {p} AND b.id > {p}"
                                      " AND NOT EXISTS (SELECT 1 FROM batch AS u WHERE u.undoes = b.id) ORDER BY b.id DESC",
                          [programme, target_id])
        return [batch_words(*row) for row in rows]

    def _moved_marks(self, connection, target_id: int) -> tuple[list[Message], list[Message]]:
        """What the reports target_id retracted (an undo's) would come back to (safe40a, safe41b): the plans
        re-imported since they were taken back (a re-import checks only the reports that stand) are followed from the
        plan they were given under through each later one, consecutive plan to consecutive plan, as the store paired
        them (match_lines, nothing standing: an import that was taken stranded nothing); each batch keeps the plan it
        replaced. Returns (lines, marks): a line some step paired by position alone among several, an indicator whose
        unit is no longer the one they were given in; and a text-only line whose checkpoints behind its met marks
        changed (lost_marks, the plan then against today's)."""
        from mstrack.domain import unique
        from mstrack.model import SCHEDULE
        from mstrack.store.plan_match import lost_marks, named_line, words

        p = self.dialect.p
        rows = self._rows(connection, "SELECT g.code, t.code, l.position, i.kind, i.name, i.unit, max(x.value), count(*)"
                                      " FROM report AS x JOIN report_retraction AS r ON r.report_id = x.id"
                                      " JOIN indicator AS i ON i.id = x.indicator_id JOIN task_line AS l ON l.id = i.line_id"
                                      " JOIN task AS t ON t.id = l.task_id JOIN programme AS g ON g.id = t.programme_id"
                                      f" WHERE r.batch_id = {p} GROUP BY g.code, t.code, l.position, i.kind, i.name, i.unit"
                                      " ORDER BY g.code, t.code, l.position", [target_id])
        chains: dict[str, tuple | None] = {}  # a programme's plans since (tasks' lines by code), the batches between
        paired: dict[tuple, dict] = {}  # a task's pairings, step by step, made once
        lines: list[Message] = []
        marks: list[Message] = []
        wanted: dict[str, set[str]] = {}  # the tasks the reports are on, by programme: the only ones each plan is read for
        for row in rows:
            wanted.setdefault(row[0], set()).add(row[1])
        for code, task_code, position, kind, name, unit, most, n in rows:
            if code not in chains:
                chains[code] = self._plans_since(connection, code, target_id, wanted[code])
            if chains[code] is None:  # no plan written since: the lines and checkpoints are the reports'
                continue
            plans, steps = chains[code]
            tasks = [plan.get(task_code, []) for plan in plans]
            at, alone = _walk_back(tasks, position, paired.setdefault((code, task_code), {}))
            line = tasks[-1][position]
            label = named_line(f"{code}/{task_code}", position, unique(line.lead_units))
            if at is None:  # a step paired no line before with it: nothing to check it by, so refused (safe41e)
                lines.append(Message("  {label} cannot be followed back to a line of the plan its reports were given "
                                     "under: {step} paired no line of the plan before with it: {n} {n:report|reports} "
                                     "would come back unchecked", label=label, step=steps[alone], n=n))
                continue
            then = tasks[0][at[0]]
            if alone is not None:
                lines.append(Message("  {label} was paired by position alone with line {then} ({lead}) of the plan its "
                                     "reports were given under, by {step} (more than one line of the task renamed or added "
                                     "at once): {n} {n:report|reports} would come back to another line", label=label,
                                     then=at[0] + 1, lead="、".join(unique(then.lead_units)) or "—", step=steps[alone], n=n))
                continue
            units = [next((ind.unit for ind in lines_[k].indicators if ind.name == name), None)
                     for lines_, k in zip(tasks, at, strict=True)]
            if kind != SCHEDULE and units[0] is not None and unit != units[0]:
                changed = next((k for k, was in enumerate(units) if was != units[0]), len(units) - 1) - 1
                lines.append(Message("  {label} indicator {name!r}: its reports were given in {old!r} and {step} made it "
                                     "{new!r}: {n} {n:report|reports} would come back read in {new!r}", label=label, name=name,
                                     old=units[0], new=unit, step=steps[changed], n=n))
            elif kind == SCHEDULE and not line.indicators:
                marks += lost_marks([words(cp) for cp in then.checkpoints], [words(cp) for cp in line.checkpoints],
                                    int(round(float(most))), label, n, undoing=True)
        return lines, marks

    def _plans_since(self, connection, code: str, target_id: int, tasks: set[str]) -> tuple[list, list[Message]] | None:
        """The plans of `code` from the one target_id left to today's, and the batch that made each next one
        (described): each later batch on the programme keeps the plan it replaced. None if none was written since.
        Of each plan kept only `tasks` are read (kept_plan): a province plan re-imported weekly for a year was 52
        whole parses on each undo of an undo."""
        after = self._rows(connection, 'SELECT id, created_at, "user", command, source, plan_before FROM batch'
                                       f" WHERE programme = {self.dialect.p} AND id > {self.dialect.p} ORDER BY id",
                           [code, target_id])
        after = [row for row in after if row[5]]
        if not after:
            return None
        plans = [kept_plan(row[5], row[0], tasks) for row in after] + [self.load_plan(code)]
        lines = [{task.code: task.lines for task in plan.tasks} for plan in plans]
        self._while_cancelled(connection, code, target_id, tasks, lines)
        return lines, [batch_words(*row[:5]) for row in after]

    def _while_cancelled(self, connection, code: str, target_id: int, tasks: set[str], lines: list[dict]) -> None:
        """A task missing from plans kept while a revision had it cancelled (a plan keeps no cancelled task; its lines
        stand in the store untouched till a plan or an undo brings it back) stood as the last plan that had it left it:
        its lines filled in there, from the plans kept up to target_id for those missing from the first. Reports undone
        after the task was cancelled are then followed back through the write that restored it (leftover63)."""
        missing = {task for task in tasks if any(task not in plan for plan in lines[:-1])}
        if not missing:
            return
        last: dict[str, list] = {}
        wanted = {task for task in missing if task not in lines[0]}
        if wanted:
            for batch, kept in self._rows(connection, f"SELECT id, plan_before FROM batch WHERE programme = {self.dialect.p}"
                                                      f" AND id <= {self.dialect.p} AND plan_before IS NOT NULL"
                                                      " ORDER BY id DESC", [code, target_id]):
                found = {task.code: task.lines for task in kept_plan(kept, batch, wanted - set(last)).tasks}
                last.update({task: found[task] for task in wanted - set(last) if task in found})
                if set(last) >= wanted:
                    break
        for plan in lines[:-1]:  # today's plan as it is: a task cancelled now is refused before it is followed
            for task in missing:
                if task in plan:
                    last[task] = plan[task]
                elif task in last:
                    plan[task] = last[task]

    def _newer_than_restored(self, connection, target_id: int) -> tuple[list[Message], int]:
        """The standing entries an undo of target_id would override: newer than a report it brings back
        (retracted by target_id), same indicator and date, not themselves taken back by this undo. The
        first ten, described, and how many in all."""
        joined = (" FROM report_retraction AS r JOIN report AS o ON o.id = r.report_id"
                  " JOIN report AS n ON n.indicator_id = o.indicator_id AND n.as_of = o.as_of AND n.id > o.id"
                  f" WHERE r.batch_id = {self.dialect.p} AND (n.batch_id IS NULL OR n.batch_id <> {self.dialect.p})"
                  f" AND {standing('n')}")
        total = self._rows(connection, f"SELECT count(DISTINCT n.id){joined}", [target_id, target_id])[0][0]
        if not total:
            return [], 0
        rows = self._rows(connection,
                          "SELECT p.code, t.code, i.name, i.unit, n.as_of, n.value, n.batch_id FROM report AS n"
                          " JOIN indicator AS i ON n.indicator_id = i.id JOIN task_line AS l ON i.line_id = l.id"
                          " JOIN task AS t ON l.task_id = t.id JOIN programme AS p ON t.programme_id = p.id"
                          f" WHERE n.id IN (SELECT n.id{joined}) ORDER BY n.id LIMIT 10", [target_id, target_id])
        return [Message("{ref} {indicator} as of {on}: {value}{unit} (batch {batch})", ref=f"{programme}/{task}", indicator=name,
                        on=day(as_of), value=number(value), unit=unit, batch=batch if batch is not None else "—")
                for programme, task, name, unit, as_of, value, batch in rows], total


def kept_plan(plan_before: str, batch: int, tasks: set[str] | None = None):
    """The plan a batch replaced, as it kept it (TOML); with `tasks`, its head and only those tasks (tasks_of)."""
    import tomllib

    from mstrack.sources.plan import plan_from_dict

    text = plan_before if tasks is None else tasks_of(plan_before, tasks)
    return plan_from_dict(tomllib.loads(text), f"batch {batch}", kept=True)


TASK_HEADER = "\n[[tasks]]\n"
"""How dump_plan (tomli_w, no multi-line strings: a value's newline is written as an escape) starts each task."""


def tasks_of(text: str, tasks: set[str]) -> str:
    """A kept plan's head (format, programme, areas) and only the sections of `tasks`: a task is read on its own (its
    area checked against the head's), so the plan read is the same for them; parsing is what costs (a 20,000-indicator
    plan: seconds). The whole text where a section's own code cannot be read off it."""
    head, *sections = text.split(TASK_HEADER)
    kept = [head]
    for section in sections:
        code = _own_key(section, "code")
        if not isinstance(code, str):
            return text
        if code in tasks:
            kept.append(section)
    return TASK_HEADER.join(kept)


def titles_of(text: str) -> dict[str, str]:
    """A kept plan's tasks' titles by code, read off each section's own keys without parsing the plan (tasks_of): where
    a task renumbered into a code was before (plan_since.former_titles). Sections whose code or title cannot be read
    off are left out."""
    titles = {}
    for section in text.split(TASK_HEADER)[1:]:
        code, title = _own_key(section, "code"), _own_key(section, "title")
        if isinstance(code, str) and isinstance(title, str):
            titles[code] = title
    return titles


def _own_key(section: str, key: str):
    """The value of `key` among a kept plan's task section's own keys (before its lines' tables), or None."""
    import re
    import tomllib

    own = section.split("\n[", 1)[0]
    found = re.findall(rf"^{key} = (.*)$", own, flags=re.M)
    try:
        return tomllib.loads(f"{key} = {found[0]}")[key] if len(found) == 1 else None
    except tomllib.TOMLDecodeError:
        return None


def _walk_back(tasks: list[list], position: int, paired: dict) -> tuple[list[int] | None, int | None]:
    """A task's line, at `position` in the last of `tasks` (its lines in each plan, in order), followed back to the
    first as each re-import paired it (match_lines, nothing standing): its position in each, and the first step (k:
    from plan k to k + 1) that paired it by position alone among several lines left (match_lines would strand it,
    were reports on it). (None, k) where step k did not pair it (it cannot be followed). `paired`: each step's pairing
    and the lines it paired by position alone, made once a task."""
    at = [position]
    alone = None
    for k in range(len(tasks) - 2, -1, -1):
        if k not in paired:
            paired[k] = _step(tasks[k], tasks[k + 1])
        matched, by_position = paired[k]
        was = matched.get(at[0])
        if was is None:
            return None, k
        if was in by_position:
            alone = k
        at.insert(0, was)
    return at, alone


def _step(then: list, now: list) -> tuple[dict[int, int], set[int]]:
    """How a re-import paired a task's lines `then` with `now` (new position: old), and the old lines it paired by
    position alone among several left: those match_lines strands where reports stand on every line."""
    from mstrack.store.plan_match import line_key, match_lines, words

    keys = [line_key(line) for line in then], [line_key(line) for line in now]
    said = [tuple(words(cp) for cp in line.checkpoints) for line in then], \
        [tuple(words(cp) for cp in line.checkpoints) for line in now]
    matched = match_lines(*keys, *said, [False] * len(then))[0]
    return matched, {h for h, _ in match_lines(*keys, *said, [True] * len(then))[2]}



def _seconds(created_at) -> float:
    """A batch's created_at as seconds since the epoch, a time stored without its zone read as UTC (as it is written)."""
    stamp = moment(created_at)
    return stamp.replace(tzinfo=stamp.tzinfo or UTC).timestamp()


def _refuse_onto_cancelled(store, connection, batch: int) -> None:
    """The refusal of an undo of batch `batch` (an undo's undo, or any batch that retracted reports) that would bring
    reports back onto a task a plan cancelled since (已取消): such a task takes no report, as `log` and `import progress`
    refuse one, and the store must not hold a standing report no view counts and no plan has. A line per task."""
    p = store.dialect.p
    rows = store._rows(connection, "SELECT g.code, t.code, t.title, t.cancelled_by, count(*) FROM report AS x"
                                   " JOIN report_retraction AS r ON r.report_id = x.id JOIN indicator AS i ON i.id ="
                                   " x.indicator_id JOIN task_line AS l ON l.id = i.line_id JOIN task AS t ON t.id ="
                                   " l.task_id JOIN programme AS g ON g.id = t.programme_id WHERE r.batch_id ="
                                   f" {p} AND t.cancelled_by IS NOT NULL GROUP BY g.code, t.code, t.title, t.cancelled_by"
                                   " ORDER BY g.code, t.code", [batch])
    lost = [Message("  {n} {n:report|reports} onto {ref} ({title}), cancelled (已取消) by batch {by}: `mstrack undo {by}` "
                    "brings the task back; then `mstrack undo {batch}` again brings them back", n=n, ref=f"{code}/{task}",
                    title=title, by=by, batch=batch)
            for code, task, title, by, n in rows]
    if lost:
        raise InputError("undoing batch {batch} would bring back reports onto a task a plan cancelled since; a cancelled "
                         "task takes no report; nothing was written:\n{lost}", batch=batch, lost=Joined("\n", lost))
