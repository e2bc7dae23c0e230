"""What a new plan changes of a programme, named: what `import plan` says of a plan it writes over one, and an undo of a
plan import of the plan it puts back (safety49 F4b): the same words for the same change."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mstrack import model as plan_model

from mstrack.long_lists import PLAN_CHANGES_SHOWN, first_shown


def plan_changes(before: plan_model.Programme, after: plan_model.Programme,
                 reported: dict[tuple[str, str], int] | None = None, shown: int | None = PLAN_CHANGES_SHOWN,
                 every: bool = False) -> list:
    """What a new plan removes or renames, named (safety47 F6: "1 updated, 1 removed" said neither which task went nor
    which indicator or unit): each task removed (code, title), each kept task's title renamed (old → new), indicators
    it no longer has, and its units (lead or responsible) gone and come (one each: a rename, old → new). Of a kept
    task that reports stand on (`reported`: by task code and indicator name, before the write), what changes under
    them (safe48a, safety48 F-04: "1 updated" said nothing): its lead units old → new (its reports now count for the
    new ones), its deadline, each reported indicator's target and milestones, each reported text-only line's checkpoints. In plan
    order; the first `shown` (PLAN_CHANGES_SHOWN), then how many more; every one where `shown` is None (`import plan`
    cuts its list itself: `--verbose` and `-f json` say them all, trial57 finding 6). `every`: each task's target,
    milestones and checkpoints changed, reported or not, and each task added, without counts of reports (a task's plan
    history, plan_history: what changed, not what it moved)."""
    from mstrack.errors import Message
    from mstrack.store.plan_match import task_leads

    new = {task.code: task for task in after.tasks}
    reported_names: dict[str, dict[str, int]] = {}
    for (code, name), n in (reported or {}).items():
        reported_names.setdefault(code, {})[name] = n
    said: list = []
    for task in before.tasks:
        ref = f"{before.code}/{task.code}"
        kept = new.get(task.code)
        if kept is None:
            said.append(removed_change(ref, task.title))
            continue
        if kept.title != task.title:
            said.append(Message("task {ref} renamed: {old} → {new}", ref=ref, old=task.title, new=kept.title))
        names = [i.name for line in kept.lines for i in line.indicators]
        said += [Message("task {ref}: indicator {name} removed", ref=ref, name=name)
                 for name in dict.fromkeys(i.name for line in task.lines for i in line.indicators) if name not in names]
        counts = reported_names.get(task.code, {})
        old_leads, new_leads = task_leads(line.lead_units for line in task.lines), task_leads(line.lead_units for line in kept.lines)
        old_units = list(dict.fromkeys(u for line in task.lines for u in (*line.lead_units, *line.units)))
        new_units = list(dict.fromkeys(u for line in kept.lines for u in (*line.lead_units, *line.units)))
        gone, come = [u for u in old_units if u not in new_units], [u for u in new_units if u not in old_units]
        lead_moved = bool(counts) and old_leads != new_leads  # its reports now count for other units (safe48a)
        renamed = len(gone) == len(come) == 1
        if renamed and lead_moved and gone[0] in old_leads and come[0] in new_leads:
            said.append(unit_renamed(ref, gone[0], come[0], sum(counts.values())))
            lead_moved = False
        elif renamed:
            said.append(unit_renamed(ref, gone[0], come[0]))
        elif gone:
            said.append(Message("task {ref}: {n} {n:unit|units} removed: {units}", ref=ref, n=len(gone), units="、".join(gone)))
        if lead_moved:
            said.append(Message("task {ref}: lead units {old} → {new}: its {n} {n:report now counts|reports now count} for "
                                "{new} (`units`)", ref=ref, old="、".join(old_leads) or "—", new="、".join(new_leads) or "—",
                                n=sum(counts.values())))
        if counts or every:
            said += _changed_under_reports(ref, task, kept, None if every else counts)
    said += _added(before, after) if every else []
    return said if shown is None else first_shown(said, shown)


def _added(before: plan_model.Programme, after: plan_model.Programme) -> list:
    """The tasks `after` adds (a task's plan history says its start; `import plan` counts them)."""
    old = {task.code for task in before.tasks}
    return [added_change(f"{after.code}/{task.code}", task.title) for task in after.tasks if task.code not in old]


def removed_change(ref: str, title: str):
    """A task a plan write took out (its template tells it apart: plan_history says a cancellation so)."""
    from mstrack.errors import Message

    return Message("task {ref} removed: {title}", ref=ref, title=title)


def added_change(ref: str, title: str):
    """A task a plan write added (its template tells it apart: plan_history says a comeback so)."""
    from mstrack.errors import Message

    return Message("task {ref} added: {title}", ref=ref, title=title)


def _changed_under_reports(ref: str, task: plan_model.Task, kept: plan_model.Task, counts: dict[str, int] | None) -> list:
    """Of a reported task kept, its deadline, each reported indicator's target (and comparator) and milestones old → new, and each
    reported text-only line's checkpoints (paired by lead units): what its status is judged against (safe48a). `counts`
    None: every indicator and line, said without a count (plan_changes' `every`)."""
    from mstrack.domain.quantities import format_number
    from mstrack.errors import Message

    def target(ind) -> str:
        return format_number(ind.target, ind.unit) if ind.target is not None else "—"

    def milestones(ind) -> str:
        return ", ".join(f"{ms.due} {format_number(ms.target, ind.unit)}" for ms in ind.milestones) or "—"

    def indicator(name: str, n: int | None):
        if n is None:
            return Message("indicator {name}", name=name)
        return Message("indicator {name} ({n} {n:report|reports})", name=name, n=n)

    said: list = []
    if task.deadline != kept.deadline:  # what it is overdue from (trial51 U1: "1 updated" said nothing)
        said.append(Message("task {ref}: deadline {old} → {new}", ref=ref, old=task.deadline or "—", new=kept.deadline or "—"))
    now = {ind.name: ind for line in kept.lines for ind in line.indicators}
    words_of = {ind.text: ind.name for line in task.lines for ind in line.indicators if ind.text}
    for ind in (ind for line in task.lines for ind in line.indicators):
        other, n = now.get(ind.name), None if counts is None else counts.get(ind.name, 0)
        if other is None or n == 0 or other.unit != ind.unit:  # removed or a unit changed: refused or said already
            continue
        named = indicator(ind.name, n)
        if n and other.text != ind.text and words_of.get(other.text, ind.name) != ind.name:  # F1c: another's words
            said.append(Message("task {ref}: indicator {name} ({n} {n:report|reports}): its words are now “{text}”, "
                                "those of {was} before: its reports now count toward what {was} counted",
                                ref=ref, name=ind.name, n=n, text=other.text, was=words_of[other.text]))
        if (ind.comparator, ind.target) != (other.comparator, other.target):
            said.append(_target_changed(ref, named, ind, other, target, milestones))
        if [(ms.due, ms.target) for ms in ind.milestones] != [(ms.due, ms.target) for ms in other.milestones]:
            said.append(Message("task {ref}: {indicator}: milestones {old} → {new}", ref=ref, indicator=named,
                                old=milestones(ind), new=milestones(other)))
    return said + _checkpoints_changed(ref, task, kept, counts)


def _checkpoints_changed(ref: str, task: plan_model.Task, kept: plan_model.Task, counts: dict[str, int] | None) -> list:
    """Each reported text-only line's checkpoint dates old → new (every line's where `counts` is None), paired by lead
    units."""
    from mstrack.errors import Message
    from mstrack.store.plan_match import text_line_names

    said: list = []
    new_lines = {tuple(line.lead_units): line for line in kept.lines if not line.indicators}
    for line, name in zip(task.lines, text_line_names(task.lines), strict=True):
        other, n = new_lines.get(tuple(line.lead_units)), None if counts is None else counts.get(name, 0)
        if line.indicators or other is None or n == 0:
            continue
        old, new = ([cp.due for cp in each.checkpoints] for each in (line, other))  # a reworded one moves no date
        if old != new:
            lead = "、".join(line.lead_units) or "—"
            named = (Message("{name} of {lead}", name=name, lead=lead) if n is None else
                     Message("{name} of {lead} ({n} {n:report|reports})", name=name, lead=lead, n=n))
            said.append(Message("task {ref}: {line}: checkpoints {old} → {new}", ref=ref, line=named,
                                old=", ".join(map(str, old)) or "—", new=", ".join(map(str, new)) or "—"))
    return said


def _target_changed(ref: str, named, ind, other, target, milestones):
    """An indicator's target (and comparator) old → new; with its milestones left as they were, said (trial57
    finding 1: a target raised to 2500 over a schedule still ending at 2000 read "on track" on its deadline)."""
    from mstrack.errors import Message

    shown = (target(ind), target(other)) if ind.comparator == other.comparator else (
        f"{ind.comparator} {target(ind)}", f"{other.comparator} {target(other)}")
    if ind.milestones and [(ms.due, ms.target) for ms in ind.milestones] == [(ms.due, ms.target) for ms in other.milestones]:
        return Message("task {ref}: {indicator}: target {old} → {new}, its milestones unchanged ({milestones})", ref=ref,
                       indicator=named, old=shown[0], new=shown[1], milestones=milestones(other))
    return Message("task {ref}: {indicator}: target {old} → {new}", ref=ref, indicator=named, old=shown[0], new=shown[1])


def written_changes(before: plan_model.Programme, after: plan_model.Programme, reported: dict, counts: dict,
                    shown: int | None = None, held_back: list | None = None) -> tuple[list, plan_model.Programme]:
    """What a plan write (its PlanWriter counts) changed, said, and the plan before as compared (renumbered tasks under
    their new codes): `import plan`'s lines and an undo's alike. The tasks it cancelled (counts["cancelled"]: code,
    title, reports) are said first, as cancelled, not removed; then those it brought back (counts["restored"]).
    `held_back`: the programme's cancelled tasks before the write, as their plan last had them (under the codes they
    were kept under): one brought back is compared as a kept task is, what else the plan changes of it said and
    counted (comeback63: its target raised read "0 updated")."""
    from dataclasses import replace

    from mstrack.store.plan_writer import cancelled_code

    cancelled = counts.get("cancelled", ())
    said = [cancelled_change(f"{before.code}/{code}", title, n) for code, title, n in cancelled]
    said += [restored_change(f"{before.code}/{code}", title, batch) for code, title, batch in counts.get("restored", ())]
    if cancelled:
        gone = {code for code, _, _ in cancelled}
        before = replace(before, tasks=[task for task in before.tasks if task.code not in gone])
    kept_as = {task.code: task for task in held_back or ()}
    back = [replace(kept_as.get(cancelled_code(code, batch)) or kept_as[code], code=code)
            for code, _, batch in counts.get("restored", ()) if code in kept_as or cancelled_code(code, batch) in kept_as]
    if back:  # compared under the codes they come back to, their reports too
        stored = {cancelled_code(code, batch): code for code, _, batch in counts.get("restored", ())}
        before = replace(before, tasks=[*before.tasks, *back])
        reported = {(stored.get(code, code), name): n for (code, name), n in (reported or {}).items()}
    if not counts.get("renumbered"):
        said += plan_changes(before, after, reported, shown=None)
        return (said if shown is None else first_shown(said, shown)), before
    moved, compared = renumbered(before, counts["renumbered"])
    new_of = {old: new for old, new, _, _ in counts["renumbered"]}
    reported = {(new_of.get(code, code), name): n for (code, name), n in (reported or {}).items()}
    said += moved + counts.get("links_named", []) + plan_changes(compared, after, reported, shown=None)
    return (said if shown is None else first_shown(said, shown)), compared


def moves_between(before: plan_model.Programme, after: plan_model.Programme) -> list[tuple[str, str, str, None]]:
    """The tasks `after` has under another code with the same title, lead units and indicators (one each side), as
    PlanWriter proves a renumbering (plan_match.renumbered_tasks), read from two plans alone (a task's plan history,
    which knows no reports): (old code, new code, title, None) each."""
    from mstrack.store.plan_match import task_leads

    def identity(task) -> tuple:
        return (task.title, tuple(sorted(task_leads(line.lead_units for line in task.lines))),
                tuple(sorted((ind.name, ind.unit) for line in task.lines for ind in line.indicators)))

    olds: dict[tuple, list[str]] = {}
    news: dict[tuple, list[str]] = {}
    for plan, index in ((before, olds), (after, news)):
        for task in plan.tasks:
            index.setdefault(identity(task), []).append(task.code)
    return [(old[0], new[0], key[0], None) for key, new in news.items()
            if len(new) == 1 and len(old := olds.get(key, [])) == 1 and old[0] != new[0]]


def renumbered(before: plan_model.Programme, moved: list[tuple[str, str, str, int | None]]) -> tuple:
    """What a plan write that renumbered tasks (PlanWriter._renumbered: (old code, new code, title, reports) each)
    changes, said first ("task city-2026/5 → city-2026/4: 建设充电桩1000个 …: its 1 report moves with it"), and the
    plan before with those tasks under their new codes and the tasks whose code they took left out (said removed):
    what plan_changes and changed_tasks then compare, code to code (trial57 finding 3)."""
    from dataclasses import replace

    from mstrack.errors import Message

    new_of = {old: new for old, new, _, _ in moved}
    taken = set(new_of.values())
    said = [Message("task {old} → {new}: {title} (the same title, lead units and indicators)", old=f"{before.code}/{old}",
                    new=f"{before.code}/{new}", title=title) if n is None else
            Message("task {old} → {new}: {title} (the same title, lead units and indicators): its {n} {n:report moves|"
                    "reports move} with it", old=f"{before.code}/{old}", new=f"{before.code}/{new}", title=title, n=n)
            for old, new, title, n in moved]
    said += [removed_change(f"{before.code}/{task.code}", task.title)
             for task in before.tasks if task.code in taken and task.code not in new_of]
    tasks = [replace(task, code=new_of[task.code]) if task.code in new_of else task for task in before.tasks
             if task.code in new_of or task.code not in taken]
    return said, replace(before, tasks=tasks)


def cancelled_change(ref: str, title: str, n: int):
    """A task a plan write cancelled (已取消), said as `import plan` said it and a weekly report's 计划调整 says it."""
    from mstrack.errors import Message

    return Message("task {ref} cancelled (已取消): {title}: its {n} {n:report|reports} kept, not counted", ref=ref,
                   title=title, n=n)


def kept_cancelled(ref: str, title: str):
    """A task's cancellation in its plan history, where the count of its reports then is not known: kept, not counted."""
    from mstrack.errors import Message

    return Message("task {ref} cancelled (已取消): {title}: kept with its reports, not counted", ref=ref, title=title)


def says_cancelled(change) -> bool:
    """Whether a change said is a task's cancellation (cancelled_change's or kept_cancelled's): told by its template,
    never by words it may share with another (a unit's report keeps those of its own cancelled tasks)."""
    return getattr(change, "template", None) in (cancelled_change("", "", 0).template, kept_cancelled("", "").template)


def unit_renamed(ref: str, old: str, new: str, reports: int | None = None):
    """A unit of a task renamed (one gone, one come), said as `import plan` says it; `reports`: the task's reports,
    where the unit renamed is its lead unit and they now count for the new name."""
    from mstrack.errors import Message

    if reports is None:
        return Message("task {ref}: unit {old} → {new}", ref=ref, old=old, new=new)
    return Message("task {ref}: unit {old} → {new}, its lead unit: its {n} {n:report now counts|reports now count} for "
                   "{new} (`units`)", ref=ref, old=old, new=new, n=reports)


def says_unit_renamed(change) -> tuple[str, str] | None:
    """(old, new) where a change said is a unit of a task renamed (unit_renamed's, either form), told by its template
    as says_cancelled tells a cancellation; else None (`report diff`: a unit's row gone and its new name's come)."""
    fields = getattr(change, "fields", {})
    if (getattr(change, "template", None) in (unit_renamed("", "", "").template, unit_renamed("", "", "", 0).template)
            and isinstance(fields.get("old"), str) and isinstance(fields.get("new"), str)):
        return fields["old"], fields["new"]
    return None


def says_removed(change) -> bool:
    """Whether a change said is a task a plan write took out (removed_change's), told by its template, as
    says_cancelled tells a cancellation."""
    return getattr(change, "template", None) == removed_change("", "").template


def says_added(change) -> bool:
    """Whether a change said is a task a plan write added (added_change's), told by its template."""
    return getattr(change, "template", None) == added_change("", "").template


def restored_change(ref: str, title: str, batch: int):
    """A cancelled task a plan write or an undo brought back (batch `batch` had cancelled it), said alike."""
    from mstrack.errors import Message

    return Message("task {ref} no longer cancelled (batch {batch} had cancelled it): {title}: its reports count again",
                   ref=ref, title=title, batch=batch)
