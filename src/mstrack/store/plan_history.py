"""What the plan writes of a programme changed of one task, batch by batch (trial57 finding 6: `show` and `history`
said nothing of a target raised from 2000 to 2500, so no one could answer "why did 学位 go from 已完成 to 序时推进 this
week?"). Read from the plans the batches kept (batch.plan_before: the plan each replaced), each against the next one
kept, the last against the plan as it stands: no table of its own, and an undo's changes are said as an import's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from mstrack.store.dialect import moment


@dataclass
class PlanChange:
    """One change a plan write made to a task: the batch, when, by which command and file, and what (a Message)."""

    batch: int
    created_at: datetime
    command: str
    source: str | None
    change: object


def task_plan_changes(store, connection, code: str, task: str, until: int | None = None) -> list[PlanChange]:
    """The changes plan writes made to task `task` of programme `code`, oldest first, in the words `import plan` said
    them (plan_changes, every indicator's, not only the reported ones'). A batch whose kept plan cannot be read back
    (a store written by hand) is passed over, as former_titles passes it. A cancelled task whose code the revision
    gave to another (4~5) has its history under its old code, to that revision; the task that took the code has its
    own, under the code it had before that revision (5 → 4), never the cancelled task's. `until`: the batches before
    that one only."""
    from mstrack.errors import InputError
    from mstrack.store.plan_changes import says_cancelled, says_removed
    from mstrack.store.writes import kept_plan

    p = store.dialect.p
    batches = store._rows(connection, f'SELECT id, created_at, command, source, plan_before FROM batch WHERE programme = {p}'
                                      " AND plan_before IS NOT NULL ORDER BY id", [code])
    if until is not None:  # the plans kept up to that batch's own (the plan it replaced: the last before it)
        batches = [row for row in batches if row[0] <= until]
    if not batches:
        return []

    def read(kept: str, batch: int, tasks: set[str] | None):
        try:
            return kept_plan(kept, batch, tasks)
        except (InputError, ValueError):
            return None

    current = store.load_plan(code)
    cancelled = task_cancelled(store, connection, code, task)
    moved_off = cancelled is not None and task == cancelled[0] != task.removesuffix(f"~{cancelled[2]}")
    taken = cancelled is not None and task != cancelled[0]  # a task now under the code a cancelled one moved off
    if moved_off:  # 4~5: its code given to another task by the revision that cancelled it; the plans kept name it by
        task = task.removesuffix(f"~{cancelled[2]}")  # its old code, up to that revision (the task now under it is another)
    plans = [read(kept, batch, {task}) for batch, _, _, _, kept in batches] + [_one_task(current, task)]
    if until is not None:  # the last batch kept is `until`'s: the plan before it, not one of its changes
        batches = batches[:-1] if batches[-1][0] == until else batches
    found = []
    for k, (batch, created_at, command, source, _) in enumerate(batches):
        before, after = plans[k], plans[k + 1]
        if before is None or after is None or moved_off and batch > cancelled[2] or taken and batch < cancelled[2]:
            continue
        if _titles(before) != _titles(after):  # renamed, or renumbered: the whole plans tell which
            whole = (read(batches[k][4], batch, None),
                     read(batches[k + 1][4], batches[k + 1][0], None) if k + 1 < len(batches) else current)
            if None not in whole:
                before, after = whole
        changes = _renumbered_changes(before, after, f"{code}/{task}")
        if taken and batch == cancelled[2]:  # the revision that gave it the code: its move, and its history before
            found += _before_move(store, connection, code, f"{code}/{task}", changes, batch)
            changes = [change for change in changes if not says_removed(change)]
        elif cancelled and batch == cancelled[2]:  # the revision that cancelled it: not "removed" (it is kept)
            changes = [_cancelled_said(change, cancelled, code) for change in changes]
            if moved_off:  # its own change alone, not the move of the task that took its code ("5 → 4")
                changes = [change for change in changes if says_cancelled(change)]
        elif cancelled is None:  # cancelled and brought back since: said so, not removed and added (comeback63)
            changes = _comebacks(store, connection, code, batch, changes, after, lambda task, b, k=k: _had(
                batches, task, k, lambda j, task: plans[j]))  # the plans kept, read above (of this task)
        found += [PlanChange(batch=batch, created_at=moment(created_at), command=command, source=source, change=change)
                  for change in changes]
    return found


def _before_move(store, connection, code: str, ref: str, changes: list, batch: int) -> list[PlanChange]:
    """The plan history, before revision `batch`, of the task it moved to `ref` (its move among `changes`, "5 → 4"):
    its own under its code then, not that of the task cancelled off `ref`."""
    old = next((change.fields["old"] for change in changes if getattr(change, "fields", {}).get("new") == ref
                and "old" in change.fields), None)
    if old is None:
        return []
    return task_plan_changes(store, connection, code, old.removeprefix(f"{code}/"), until=batch)


def _cancelled_said(change, cancelled: tuple, code: str):
    """A task's plan history's "removed" of the revision that cancelled it, said as `import plan` said it: cancelled."""
    from mstrack.store.plan_changes import kept_cancelled, says_removed

    if not says_removed(change):
        return change

    return kept_cancelled(change.fields["ref"], cancelled[1])


def _titles(plan) -> list[str]:
    return [t.title for t in plan.tasks]


def _renumbered_changes(before, after, ref: str) -> list:
    """What a plan write changed of the task at `ref`, a task it renumbered (plan_changes.moves_between) said as moved,
    not as one renamed into another: the changes of the whole plans that name `ref`."""
    from mstrack.store.plan_changes import moves_between, plan_changes, renumbered

    moved, compared = renumbered(before, moves_between(before, after))
    said = moved + plan_changes(compared, after, None, shown=None, every=True)
    return [change for change in said if ref in (change.fields.get("ref"), change.fields.get("old"),
                                                 change.fields.get("new"))]


def _one_task(programme, task: str):
    """The programme with only task `task` (or none): what a kept plan read by tasks_of holds, to compare alike."""
    from dataclasses import replace

    return replace(programme, tasks=[t for t in programme.tasks if t.code == task])


def indicator_moved(store, connection, code: str, task: str, name: str) -> tuple[list[str], int | None]:
    """Where indicator `name`, which task `task` of programme `code` no longer has, stands now: the tasks of the
    programme that have an indicator of that name, and the latest plan write that took it from `task` (the batch
    whose kept plan had it there), or None (trial57 finding 7: a task split, 助餐点 moved from task 2 to a new task
    6, and a unit's old return said only "city-2026/2 has no indicator '助餐点'")."""
    from mstrack.store.plan_since import kept_sections

    p = store.dialect.p
    now = [found for (found,) in store._rows(
        connection, "SELECT DISTINCT t.code FROM indicator AS i JOIN task_line AS l ON l.id = i.line_id JOIN task AS t ON"
                    f" t.id = l.task_id JOIN programme AS g ON g.id = t.programme_id WHERE g.code = {p} AND i.name = {p}"
                    f" AND t.code <> {p} ORDER BY t.code", [code, name, task])]
    if not now:
        return [], None
    for batch, _, entries in kept_sections(store, connection, code, task):
        if any(isinstance(ind, dict) and ind.get("name") == name for entry in entries
               for line in entry.get("lines", []) if isinstance(line, dict) for ind in line.get("indicators", [])):
            return now, batch
    return now, None


def task_cancelled(store, connection, code: str, task: str) -> tuple[str, str, int] | None:
    """The task of programme `code` a plan cancelled under code `task` (its own, or the one it moved off: task~batch):
    (its code now, title, batch), the latest; or None. What a row or a `log` naming it is told."""
    p = store.dialect.p
    for now, title, batch in store._rows(connection, "SELECT t.code, t.title, t.cancelled_by FROM task AS t JOIN programme AS g"
                                                     f" ON g.id = t.programme_id WHERE g.code = {p} AND t.cancelled_by IS NOT"
                                                     " NULL ORDER BY t.cancelled_by DESC", [code]):
        if task in (now, now.removesuffix(f"~{batch}")):
            return now, title, batch
    return None


def cancelled_tasks(store, connection, programmes: list[str] | None) -> list[tuple[str, str, str, int, int]]:
    """The tasks plans cancelled (of the programmes named, all with none), (programme, code, title, batch, reports that
    stand on it) each, in the programmes' and tasks' order: what status, units and the reports say apart, not counted."""
    return [row[:5] for row in cancelled_details(store, connection, programmes)]


def cancelled_details(store, connection, programmes: list[str] | None, leads: bool = False) -> list[tuple]:
    """cancelled_tasks' rows with the batch's time (local, dialect.moment) and file: what a printed report's 已取消
    section says of each (reports.revisions.cancelled_section). With `leads`, each row ends with the task's lead units
    in the plan's order, then every unit it names (lead or responsible): a unit's notice says the cancelled tasks that
    unit led; its weekly report and `lights --unit` those it had a line in, as the rest of them (sup59b #2)."""
    from mstrack.domain import unique
    from mstrack.store.states import standing

    where = f" AND g.code IN ({store.dialect.params(len(programmes))})" if programmes else ""
    rows = store._rows(connection, (
        "SELECT g.code, t.code, t.title, t.cancelled_by, (SELECT count(*) FROM report AS x JOIN indicator AS i ON"
        f" i.id = x.indicator_id JOIN task_line AS l ON l.id = i.line_id WHERE l.task_id = t.id AND {standing('x')}),"
        " b.created_at, b.source, t.id FROM task AS t JOIN programme AS g ON g.id = t.programme_id"
        " LEFT JOIN batch AS b ON b.id = t.cancelled_by WHERE t.cancelled_by IS NOT NULL"
        f"{where} ORDER BY g.code, t.position, t.id"), list(programmes or []))
    if not leads or not rows:
        return [(*row[:5], moment(row[5]), row[6]) for row in rows]
    leads: dict[int, list[str]] = {}
    units: dict[int, list[str]] = {}
    for task_id, unit, role in store._rows(connection, (
            "SELECT l.task_id, u.name, x.role FROM line_unit AS x JOIN unit AS u ON u.id = x.unit_id JOIN task_line AS l"
            " ON l.id = x.line_id JOIN task AS t ON t.id = l.task_id WHERE t.cancelled_by IS NOT NULL"
            " ORDER BY l.task_id, l.position, x.role, x.position")):
        units.setdefault(task_id, []).append(unit)
        if role == "lead":
            leads.setdefault(task_id, []).append(unit)
    return [(*row[:5], moment(row[5]), row[6], unique(leads.get(row[7], [])), unique(units.get(row[7], [])))
            for row in rows]


def plan_revisions(store, connection, code: str, first: date, last: date) -> list[PlanChange]:
    """What the plan writes of programme `code` made on the local days (first, last] changed of its plan, every task's,
    batch by batch in the words `import plan` said them: the tasks it cancelled said as cancelled (their code as it was,
    plan_changes.written_changes' words), a renumbering as moves. A weekly report's 变化 lists them (trial: a revision
    imported in the week was in no section). A kept plan that cannot be read back is passed over."""
    from dataclasses import replace

    from mstrack.errors import InputError
    from mstrack.store.plan_changes import cancelled_change, moves_between, plan_changes, renumbered
    from mstrack.store.writes import kept_plan

    p = store.dialect.p
    batches = [(batch, moment(at), command, source) for batch, at, command, source in store._rows(
        connection, f"SELECT id, created_at, command, source FROM batch WHERE programme = {p}"
                    " AND plan_before IS NOT NULL ORDER BY id", [code])]  # the kept plans (megabytes) read below, if any
    wanted = [k for k, row in enumerate(batches) if row[1] is not None and first < row[1].date() <= last]
    if not wanted:
        return []
    needed = sorted({batches[j][0] for k in wanted for j in (k, k + 1) if j < len(batches)})
    kept_plans = dict(store._rows(connection, f"SELECT id, plan_before FROM batch WHERE id IN ({store.dialect.params(len(needed))})",
                                  needed))
    cancelled = {}
    for _, task, title, batch, n, _, _ in cancelled_details(store, connection, [code]):
        cancelled.setdefault(batch, []).append((task.removesuffix(f"~{batch}"), title, n))
    found = []

    def kept(j: int, task: str):  # read only for a comeback: a kept plan is megabytes
        try:
            return kept_plan(store._rows(connection, f"SELECT plan_before FROM batch WHERE id = {p}", [batches[j][0]])[0][0],
                             batches[j][0], {task})
        except (InputError, ValueError):
            return None

    for k in wanted:
        batch, at, command, source = batches[k]
        try:
            before = kept_plan(kept_plans[batch], batch)
            after = (kept_plan(kept_plans[batches[k + 1][0]], batches[k + 1][0]) if k + 1 < len(batches)
                     else store.load_plan(code))
        except (InputError, ValueError):
            continue
        gone = cancelled.get(batch, [])
        said = [cancelled_change(f"{code}/{task}", title, n) for task, title, n in gone]
        dropped = {(task, title) for task, title, _ in gone}
        before = replace(before, tasks=[t for t in before.tasks if (t.code, t.title) not in dropped])
        moved, compared = renumbered(before, moves_between(before, after))
        said += moved + plan_changes(compared, after, None, shown=None, every=True)
        found += [PlanChange(batch=batch, created_at=at, command=command, source=source, change=change)
                  for change in _comebacks(store, connection, code, batch, said, after,
                                           lambda task, b, k=k: _had(batches, task, k, kept))]
    return found


def _had(batches: list, task: str, k: int, kept):
    """The latest of `batches` before the k-th whose kept plan (`kept(j, task)`: the j-th's, None where it cannot be
    read back) had task `task`, and that plan: the batch that cancelled it, and the task as it was; None. The one
    search of task_plan_changes (the plans it read) and plan_revisions (each read when asked)."""
    for j in range(k - 1, -1, -1):
        plan = kept(j, task)
        if plan is not None and any(each.code == task for each in plan.tasks):
            return batches[j][0], plan
    return None


def _comebacks(store, connection, code: str, batch: int, said: list, after, had) -> list:
    """A plan write's changes (`said`, batch `batch`'s, `after` the plan it wrote) with each task reports stood on
    before it, not cancelled now, said as cancelled and brought back (by an undo or a later plan: the mark cleared
    since), never "removed" by one write and "added" by another (comeback63). Its "added" says the batch that had
    cancelled it and what else this write changed of it against the plan kept then (`had(task, batch)`: (that batch,
    that plan) or None). A reported task is never removed (a removed task had no report)."""
    from mstrack.store.plan_changes import kept_cancelled, plan_changes, restored_change, says_added, says_removed
    from mstrack.store.states import standing

    if not any(says_removed(change) or says_added(change) for change in said):
        return said
    p = store.dialect.p
    reported = {tuple(row) for row in store._rows(connection, (
        "SELECT DISTINCT t.code, t.title FROM task AS t JOIN programme AS g ON g.id = t.programme_id JOIN task_line AS l ON"
        " l.task_id = t.id JOIN indicator AS i ON i.line_id = l.id JOIN report AS x ON x.indicator_id = i.id WHERE"
        f" g.code = {p} AND x.batch_id < {p} AND t.cancelled_by IS NULL AND {standing('x')}"), [code, batch])}
    found: list = []
    for change in said:
        removed = says_removed(change)
        ref, title = (change.fields["ref"], change.fields["title"]) if removed or says_added(change) else ("", None)
        task = ref.removeprefix(f"{code}/")
        if (task, title) not in reported:
            found.append(change)
        elif removed:
            found.append(kept_cancelled(ref, title))
        elif (was := had(task, batch)) is None:
            found.append(change)
        else:
            found.append(restored_change(ref, title, was[0]))
            found += plan_changes(_one_task(was[1], task), _one_task(after, task), None, shown=None, every=True)
    return found


def cancelled_words(ref: str, title: str, batch: int):
    """Why a cancelled task takes no report: `log` and `import progress` say it alike."""
    from mstrack.errors import Message

    return Message("{ref} ({title}) was cancelled (已取消) by batch {batch}, the plan import that dropped it: its reports are "
                   "kept and not counted, and no report can be entered on it; `mstrack undo {batch}` brings it back, as "
                   "does a plan that has it again", ref=ref, title=title, batch=batch)


def task_moved(store, connection, code: str, task: str) -> tuple[str, str, int] | None:
    """Where task `task`, which programme `code` no longer has under that code, went: the latest plan write whose kept
    plan had it, and the code its title has now (a renumbering the import proved, plan_match.renumbered_tasks): (new
    code, title, batch), or None. What a row or a `log` naming the old code is told."""
    from mstrack.store.plan_since import kept_sections

    p = store.dialect.p
    for batch, _, entries in kept_sections(store, connection, code, task):
        title = next((entry.get("title") for entry in entries), None)
        if isinstance(title, str):
            now = [found for (found,) in store._rows(
                connection, "SELECT t.code FROM task AS t JOIN programme AS g ON g.id = t.programme_id WHERE g.code = "
                            f"{p} AND t.title = {p} AND t.code <> {p} AND t.cancelled_by IS NULL", [code, title, task])]
            return (now[0], title, batch) if len(now) == 1 else None
    return None
