"""A plan file exported before a later plan import of its programme (safe48b; safety48 F-02): two coordinators each
export the plan, each change a task and import; the second file still holds what the first changed as it was, and
would silently put it back. The file names the plan it was exported from (plan_dump.export_text); here the batch
that changed that plan is found among those that kept it as their plan before, and what the file would put back is
named (put_back), the check `undo` makes for a plan put back over later changes (Writes._later_plan_batches). The same
kept plans give a task's former titles (former_titles): a unit's form made before a rename names the task so."""

from __future__ import annotations

from mstrack.errors import InputError, Joined, Message
from mstrack.long_lists import first_shown

SHOWN = 5
"""The values put back a refusal names before "… and N more"."""

KEYED_BY = ("code", "name", "due", "as_of")
"""What names an entry of a plan's list (tasks, areas, indicators, milestones, reports), the first it has; lines and
checkpoints have none unique: by position."""


def over_later_plans(store, connection, programme, before, current: str, digest: str, source: str,
                     force: bool) -> str | None:
    """Refused (InputError, nothing written) when the plan `programme` was read from was exported (`digest`,
    plan_dump.plan_digest) before batches that still stand changed it, and the file would not keep what they changed;
    with `force`, what it overrides, for the batch's reason. None when nothing stands in the way, or when this store
    never held the plan the file was exported from (another store's: as before). `before`: the stored plan, `current`
    its TOML (dump_plan)."""
    from mstrack.sources.plan_dump import plan_digest, plan_to_dict
    from mstrack.store.writes import kept_plan

    if plan_digest(current) == digest:
        return None
    p = store.dialect.p
    code = programme.code
    for (batch,) in store._rows(connection, f"SELECT id FROM batch WHERE programme = {p} AND plan_before IS NOT NULL"
                                            " ORDER BY id DESC", [code]):
        kept = store._rows(connection, f"SELECT plan_before FROM batch WHERE id = {p}", [batch])[0][0]
        if plan_digest(kept) == digest:
            break
    else:
        return None
    later = store._later_plan_batches(connection, batch - 1, code, current)  # batch - 1: from `batch` on
    lost = put_back(plan_to_dict(kept_plan(kept, batch)), plan_to_dict(before), plan_to_dict(programme))
    if not later or not lost:  # what they changed the file holds as it now is: nothing put back
        return None
    if not force:
        more = first_shown(lost, SHOWN, indent="  ")
        raise InputError("{path}: {code} was exported before {first} changed it; importing this file would put back what "
                         "{n} later {n:batch|batches} changed; nothing was written:\n{batches}\nwhat it would put back "
                         "(now → this file):\n{lost}\nexport {code} again and make the change there (or import with "
                         "--force to write this file all the same: what it overrides is kept with the batch)",
                         path=source, code=code, first=later[-1], n=len(later),
                         batches=Joined("\n", [Message("  {b}", b=b) for b in later]), lost=Joined("\n", more))
    return f"--force over {code} as changed by " + "; ".join(str(b) for b in later)  # in English, as undo's



def put_back(base: dict, now: dict, new: dict) -> list[Message]:
    """What a plan (`new`, plan_to_dict's) would put back: each value changed since `base` (the plan it was exported
    from) that `new` does not hold as it is `now`, as "where now → new", in the plan's order."""
    before, current, after = _leaves(base), _leaves(now), _leaves(new)
    code = now["programme"]["code"]
    said = []
    for path in dict.fromkeys([*current, *before]):
        if current.get(path) != before.get(path) and after.get(path) != current.get(path):
            where = f"{code}/{path[6:].replace('].', ' ', 1)}" if path.startswith("tasks[") else path
            said.append(Message("  {where} {now} → {new}", where=where, now=_shown(current.get(path)),
                                new=_shown(after.get(path))))
    return said


def _shown(value) -> str:
    if value is None:
        return "—"
    return "、".join(map(str, value)) if isinstance(value, list) else str(value)


def _leaves(value, path: str = "", out: dict | None = None) -> dict:
    """Every value of a plan (plan_to_dict's) by where it is: "tasks[19].lines[1].indicators[送教上门人次].target"."""
    out = {} if out is None else out
    if isinstance(value, dict):
        for key, item in value.items():
            _leaves(item, f"{path}.{key}" if path else key, out)
    elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        names = [next((str(item[key]) for key in KEYED_BY if key in item), None) for item in value]
        unique = None not in names and len(set(names)) == len(names)
        for i, item in enumerate(value):
            _leaves(item, f"{path}[{names[i] if unique else i + 1}]", out)
    else:
        out[path] = value
    return out


def kept_sections(store, connection, code: str, task: str):
    """Each plan write's kept plan of programme `code` (batch.plan_before), the latest first, with the entries of its
    task section `task` alone (writes.tasks_of: parsing a whole plan is what costs): (batch, kept text, entries). A
    kept plan that cannot be read back (a store written by hand) is passed over. What a task's former titles, where its
    indicator went and where its old code went are read from (former_titles, plan_history)."""
    import tomllib

    from mstrack.store.writes import tasks_of

    p = store.dialect.p
    for batch, kept in store._rows(connection, f"SELECT id, plan_before FROM batch WHERE programme = {p}"
                                               " AND plan_before IS NOT NULL ORDER BY id DESC", [code]):
        try:
            tasks = tomllib.loads(tasks_of(kept, {task})).get("tasks", [])
        except tomllib.TOMLDecodeError:
            continue
        yield batch, kept, [entry for entry in tasks if isinstance(entry, dict) and entry.get("code") == task]


def former_titles(store, connection, code: str, task: str) -> list[tuple[str, int]]:
    """The titles task `task` of programme `code` had before the plan writes that changed them, as (title, batch), the
    latest first: read from the plans those batches kept (kept_sections). What `import progress` reads a form made
    before a rename by (progress_names: trial51 R1). Back to the write that put this task under this code, no further:
    one that added it, or renumbered it from another code (its title, as it was after that write, then under another
    code: plan_match.renumbered_tasks), found the title of another task there (review57: a cancelled task's title read
    a form made before as the renumbered task's, its figure written on it)."""
    from mstrack.store.writes import titles_of

    p = store.dialect.p
    after = next(iter(store._rows(connection, "SELECT t.title FROM task AS t JOIN programme AS g ON g.id = t.programme_id"
                                              f" WHERE g.code = {p} AND t.code = {p}", [code, task])), (None,))[0]
    found: list[tuple[str, int]] = []
    for batch, kept, entries in kept_sections(store, connection, code, task):
        title = next((entry.get("title") for entry in entries), None)
        if not isinstance(title, str):  # this write added the task: before it, the code was another's or none
            break
        if title != after and after in (other for at, other in titles_of(kept).items() if at != task):
            break  # this write renumbered the task into this code: the title there before was another task's
        if title not in (known for known, _ in found):
            found.append((title, batch))
        after = title
    return found
