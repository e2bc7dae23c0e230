"""How a re-imported plan's lines meet the store's (safe37a): by identity, not by position, and what a match may
not move: the checkpoints behind a text-only line's met marks. Pure functions over what PlanWriter read (plan_held.Held)."""

from __future__ import annotations

from mstrack import model as plan_model
from mstrack.domain import unique
from mstrack.errors import Joined, Message
from mstrack.model import QUANTITY, SCHEDULE


def line_key(line: plan_model.Line) -> tuple:
    """What tells a plan's line from the others of its task: its lead units and its indicators' names (a
    text-only line's one indicator: its schedule, whatever its name)."""
    return tuple(unique(line.lead_units)), tuple(sorted(ind.name for ind in line.indicators)) or (SCHEDULE,)


def held_key(line_id: int, held) -> tuple:
    names = tuple(sorted(name for kind, name in held.indicators.get(line_id, {}) if kind == QUANTITY))
    return held.leads.get(line_id, ()), names or (SCHEDULE,)


def match_lines(held: list[tuple], new: list[tuple], held_words: list[tuple], new_words: list[tuple],
                reported: list[bool]) -> tuple[dict[int, int], list[tuple[list[int], list[int]]], list[tuple[int, list[int]]]]:
    """The plan's lines (by position) matched to the store's (by position): first those of the same identity
    (the same lead units and indicators; a task's indicator names are unique, so only text-only lines of one
    lead unit share one), then those left, in order (a lead unit or an indicator renamed in place). Lines
    sharing an identity pair by their checkpoints' words (same_identity); where those cannot tell them apart
    and reports hang on a stored one, the (new, held) positions come back as ambiguous, paired in order only
    for the refusal. What a pairing would move is refused after (PlanWriter._match_indicators, moved_checkpoints).
    Those left pair in order only where that is the one pairing there is (one line left on each side: a rename in
    place) or no report stands on the stored line (safe40a: with a line inserted, or two renamed and swapped, in
    order handed one unit's reports to another); a reported line left among several comes back as stranded, with
    the new lines it could be, and is not paired."""
    matched: dict[int, int] = {}
    ambiguous: list[tuple[list[int], list[int]]] = []
    for key in dict.fromkeys(new):
        news = [n for n, k in enumerate(new) if k == key]
        helds = [h for h, k in enumerate(held) if k == key]
        pairs, news, helds = same_identity(news, helds, new_words, held_words)
        matched.update(pairs)
        alike = len({new_words[n] for n in news} | {held_words[h] for h in helds}) <= 1  # in order moves nothing
        if news and helds and (len(news) > 1 or len(helds) > 1) and not alike and any(reported[h] for h in helds):
            ambiguous.append((news, helds))
        matched.update(zip(news, helds, strict=False))
    taken = set(matched.values())
    news_left = [n for n in range(len(new)) if n not in matched]
    helds_left = [h for h in range(len(held)) if h not in taken]
    stranded: list[tuple[int, list[int]]] = []
    if news_left and not (len(news_left) == 1 and len(helds_left) == 1):
        stranded = [(h, news_left) for h in helds_left if reported[h]]
        helds_left = [h for h in helds_left if not reported[h]]
    matched.update(zip(news_left, helds_left, strict=False))
    return matched, ambiguous, stranded


def same_identity(news: list[int], helds: list[int], new_words: list[tuple], held_words: list[tuple]) -> tuple:
    """Lines of one identity paired by their checkpoints' words (safe39b; in order, a swap of two text-only lines
    of one lead unit moved the first's met marks to the other): the same words, then the most words shared,
    each pair the other's one best; what is left, in order. Returns the pairs and the (new, held) left over."""
    if len(news) <= 1 and len(helds) <= 1:
        return {}, news, helds
    pairs: dict[int, int] = {}
    for n in news:
        same = [h for h in helds if held_words[h] == new_words[n]]
        if len(same) == 1 and [m for m in news if new_words[m] == new_words[n]] == [n]:
            pairs[n] = same[0]
    while True:
        news_left = [n for n in news if n not in pairs]
        helds_left = [h for h in helds if h not in pairs.values()]
        shared = {(n, h): len(set(new_words[n]) & set(held_words[h])) for n in news_left for h in helds_left}
        best = [(n, h) for (n, h), count in shared.items() if count
                and all(shared[n, other] < count for other in helds_left if other != h)
                and all(shared[other, h] < count for other in news_left if other != n)]
        if not best:
            return pairs, news_left, helds_left
        pairs.update(best)


def named_line(label: str, position: int, leads) -> Message:
    if leads:
        return Message("{label} line {n} ({lead})", label=label, n=position + 1, lead="、".join(leads))
    return Message("{label} line {n}", label=label, n=position + 1)


def ambiguous_lines(label: str, lead, news: list[int], helds: list[int]) -> Message:
    return Message("  {label}: the new plan's text-only lines {new} of {lead} cannot be told from the stored lines {held} "
                   "by their checkpoints, and reports hang on the stored ones; keep each line's checkpoints as they were "
                   "(add new ones after them), or undo those reports first",
                   label=label, lead="、".join(lead) or "—", new=Joined(", ", [str(n + 1) for n in news]),
                   held=Joined(", ", [str(h + 1) for h in helds]))


def stranded_line(label: str, position: int, leads, n: int, candidates: list) -> Message:
    """A stored line reports stand on that the new plan has under no line of its identity, among several it could be."""
    return Message("  {label} line {position} ({lead}) has {n} {n:report|reports} and the new plan has no line with its "
                   "lead units and indicators; it could be any of the new plan's {candidates}, and pairing it by position "
                   "could give its reports to another unit; keep {lead} as it is named on its line in this import, then "
                   "rename it in a later import that renames or adds no other line of this task",
                   label=label, position=position + 1, lead="、".join(leads) or "—", n=n, candidates=Joined(", ", candidates))


def candidate_line(position: int, leads) -> Message:
    return Message("line {n} ({lead})", n=position + 1, lead="、".join(leads) or "—")


def words(checkpoint: plan_model.Checkpoint) -> str:
    """What a checkpoint says is to be done: its text, else its label, else its date (a date moved alone keeps it)."""
    return checkpoint.text or checkpoint.label or str(checkpoint.due)


def moved_checkpoints(line: plan_model.Line, line_id: int | None, indicators: list, naming, held, *, task: str) -> list:
    """A text-only line's met marks count its checkpoints from the first ("checkpoint 2 met" is 2): the
    checkpoints behind them must stay, in their order and words, or the marks would count against others (a
    checkpoint removed or inserted before, reordered, reworded). Checkpoints after them, and dates, may change.
    A line without checkpoints has one, its deadline. `task`: its reference, for the commands a refusal names;
    `naming()`: the line's name, made only for a line with marks (a plan's write names each line only to say something)."""
    if line_id is None or line.indicators:
        return []
    indicator_id = indicators[0][2]
    met, n = held.met.get(indicator_id, (0, 0))
    if not met:
        return []
    return lost_marks(held.checkpoints.get(line_id, []), [words(cp) for cp in line.checkpoints], met, naming(), n,
                      batches=held.marked_by.get(indicator_id, ()), task=task, others=held.others_in.get(indicator_id, 0))


def lost_marks(old: list[str], new: list[str], met: int, label, n: int, undoing: bool = False, *,
               batches: tuple[int, ...] = (), task: str | None = None, others: int = 0) -> list:
    """The rule of moved_checkpoints, for a re-import and for an undo bringing marks back (safe40a, `undoing`: said
    as the plan now against the marks coming back): the first `met` of `old` (the checkpoints' words the marks were
    given against) must be the first of `new`. `batches`, `task`: the batches of the marks and the task's reference,
    for the commands a refusal of checkpoints given to a line marked done names; `others`, the reports of other tasks those
    batches hold, which their undo retracts too."""
    if not met:
        return []
    if undoing:
        return _lost_restored(old, new, met, label, n)
    if not old:
        if not new:
            return []
        return [gave_checkpoints(label, n, batches, task, others)]
    lost = []
    for k in range(min(met, len(old))):
        if k >= len(new):
            lost.append(Message("  {label} checkpoint {k} {old!r} is marked met and the new plan has no checkpoint {k}: "
                                "{n} {n:report hangs|reports hang} on it; keep the checkpoints met as they were, or undo "
                                "those reports first",
                                label=label, k=k + 1, old=old[k], n=n))
        elif new[k] != old[k]:
            lost.append(Message("  {label} checkpoint {k} {old!r} is marked met and the new plan puts {new!r} in its place: "
                                "{n} {n:report hangs|reports hang} on it; keep the checkpoints met as they were (add new "
                                "ones after them), or undo those reports first",
                                label=label, k=k + 1, old=old[k], new=new[k], n=n))
    return lost


def gave_checkpoints(label, n: int, batches: tuple[int, ...], task: str | None, others: int = 0) -> Message:
    """A line marked done by its deadline (no checkpoints) given checkpoints by the new plan: refused, a mark would
    count against the first. The way on, as commands: undo the batches that marked it, import, mark again; and where
    the store lost the line's checkpoints (rows deleted by hand, then `db check --repair`, which makes plan_rows from
    the rows: safety49 F5d), those commands put them back with the marks, as a backup made before would."""
    if not batches or task is None:
        return Message("  {label} is marked done by its deadline (it had no checkpoints) and the new plan gives it "
                       "checkpoints: {n} {n:report hangs|reports hang} on it; undo those reports first, or keep it "
                       "without checkpoints", label=label, n=n)
    undo = Joined(", ", [f"`mstrack undo {batch}`" for batch in batches])
    if others:  # an `import progress` batch: its undo retracts the other tasks' reports too (review51 F6)
        undo = Message("{undo}; it also retracts {o} {o:report|reports} of other tasks: log them again after", undo=undo,
                       o=others)
    return Message("  {label} is marked done by its deadline (it had no checkpoints) and the new plan gives it checkpoints: "
                   "{n} {n:report hangs|reports hang} on it, and {n:it|they} would count against its first; to give it "
                   "the checkpoints, undo the {b:batch|batches} that marked it first ({undo}), import the plan, then mark "
                   "its checkpoints met again (`mstrack log {task} --done --as-of DATE`); or keep it without checkpoints. "
                   "Where the store lost them (rows deleted by hand, then `mstrack db check --repair`), these commands put "
                   "them back, or `mstrack db restore FILE` with a backup made before", label=label, n=n,
                   b=len(batches), undo=undo, task=task)


def _lost_restored(old: list[str], new: list[str], met: int, label, n: int) -> list:
    if not old:
        return [Message("  {label} was marked done by its deadline (it had no checkpoints) and the plan now gives it "
                        "checkpoints: {n} {n:report|reports} would come back", label=label, n=n)] if new else []
    lost = []
    for k in range(min(met, len(old))):
        if k >= len(new):
            lost.append(Message("  {label} checkpoint {k} {old!r} was marked met and the plan now has no checkpoint {k}: "
                                "{n} {n:report|reports} would come back", label=label, k=k + 1, old=old[k], n=n))
        elif new[k] != old[k]:
            lost.append(Message("  {label} checkpoint {k} {old!r} was marked met and the plan now puts {new!r} in its "
                                "place: {n} {n:report|reports} would come back", label=label, k=k + 1, old=old[k],
                                new=new[k], n=n))
    return lost


def unit_changed(label, ind: plan_model.Indicator, old: str, n: int) -> Message:
    """An indicator's unit changed under its reports (refused: they would read in the new unit), with the way on
    (safe48a, safety48 F-04d): keep the old unit, or undo, import and log again. The same thing rescaled (万人 → 人,
    mstrack's own scales: domain.quantities.scaled_unit) says the scale and the target in the old unit: the
    reports stay as they are, not rescaled in the plan's batch (an undo of it would then have to scale them back)."""
    from decimal import Decimal

    from mstrack.domain.quantities import same_unit, scaled_unit

    (old_scale, old_base), (new_scale, new_base) = scaled_unit(old), scaled_unit(ind.unit)
    if old_scale != new_scale and same_unit(old_base, new_base):
        big, small = (old, ind.unit) if old_scale > new_scale else (ind.unit, old)
        target = "" if ind.target is None else Message(" (target = {target})", target=format(
            (Decimal(repr(ind.target)) * new_scale / old_scale).normalize(), "f"))
        way = Message("1 {big} is {times} {small} and its reports are in {old} (they would read as {new}): keep unit = "
                      "{old!r}{target}", big=big, times=max(old_scale, new_scale) // min(old_scale, new_scale),
                      small=small, old=old, new=ind.unit, target=target)
    else:
        way = Message("its reports would read in {new}: keep unit = {old!r}", old=old, new=ind.unit)
    return Message("  {label} indicator {name!r}: unit {old!r} → {new!r}, and it has {n} {n:report|reports}: {way}, or "
                   "undo those reports, import, and log them again in {new}", label=label, name=ind.name, old=old,
                   new=ind.unit, n=n, way=way)


def reports_dropped(label, name: str, n: int, why, way, undo=None) -> Message:
    """A reported indicator the new plan drops (its task, its line, its name or its kind gone): refused naming the
    change and the way on, in the words of a unit change (unit_changed; fix51b: it said only how many reports)."""
    return Message("  {label} indicator {name!r}: {why}, and it has {n} {n:report|reports}: {way}, or {undo}",
                   label=label, name=name, why=why, n=n, way=way, undo=undo or Message("undo those reports first"))


def dropped_task(label, name: str, n: int, code: str) -> Message:
    return reports_dropped(label, name, n, Message("the new plan has no task {code}", code=code),
                           Message("keep task {code} in the plan (a task done may stay)", code=code))


def named_elsewhere(programme: plan_model.Programme, name: str, code: str, held) -> list[str]:
    """The tasks of the plan being written, but task `code`, that have an indicator named `name` the store's task of
    their code has not (programme/code): where a task split (trial57 finding 7) or a merge (trial64 finding 1) put an
    indicator a refusal names; one there before is another of the name. Asked only for a refusal."""
    def had(task_code: str) -> bool:
        task_id = held.tasks.get(task_code)
        return task_id is not None and any((QUANTITY, name) in held.indicators.get(line_id, {})
                                           for line_id in held.lines.get(task_id, {}).values())

    return [f"{programme.code}/{task.code}" for task in programme.tasks if task.code != code
            and any(ind.name == name for line in task.lines for ind in line.indicators) and not had(task.code)]


def merged_indicators(programme: plan_model.Programme, code: str, task_id: int, held,
                      taken: str | None = None) -> list[tuple[int, Message]]:
    """Of a stored task the new plan drops (`code`), the reported indicators it has in another task (named_elsewhere):
    (indicator id, the refusal: merged_task) each. `taken`: the task renumbered into its code, if one was. A name
    another stored task has too ("整体形象进度" in every task) tells no merge: the task is cancelled, as before (review64:
    one cancelled and the next moved up into its code, unproved and so held under its old code, read as merged)."""
    others = {name for other in held.tasks.values() if other != task_id for line_id in held.lines.get(other, {}).values()
              for kind, name in held.indicators.get(line_id, {}) if kind == QUANTITY}
    found = []
    for position, line_id in sorted(held.lines.get(task_id, {}).items()):
        for (kind, name), indicator_id in held.indicators.get(line_id, {}).items():
            if (kind == QUANTITY and indicator_id in held.reported and name not in others
                    and (where := named_elsewhere(programme, name, code, held))):
                found.append((indicator_id, merged_task(named_line(f"{programme.code}/{code}", position,
                                                                   held.leads.get(line_id, ())),
                                                        name, held.reported[indicator_id], code, where, taken)))
    return found


def merged_task(label, name: str, n: int, code: str, where: list, taken: str | None = None) -> Message:
    """A dropped task's reported indicator the new plan has in another task (tasks merged): the split's rule
    (dropped_indicator's `elsewhere`), its reports stay on their task; never cancelled with them unsaid (trial64 F1).
    `taken`: the task renumbered into its code (one merged, the next moved up), if one was."""
    where = Joined(", ", where)
    # a task cancelled (已取消) beside a new one of the indicator's name is no merge: the plan first without the name
    # cancels it (review64; before, no way on but keeping the task or undoing its reports)
    undo = Message("{undo}; or, if task {code} is cancelled (已取消), not merged: import the plan without {name!r} in "
                   "{where} first, which cancels it, then the plan as it is", code=code, name=name, where=where,
                   undo=Message("undo those reports, import, and log them again on {where}", where=where))
    if taken:
        return reports_dropped(label, name, n, Message("the new plan gives code {code} to {taken} moved up, and has {name!r} "
                                                       "in {where} (tasks merged?): reports stay on their task, never "
                                                       "moved to another", code=code, taken=taken, name=name, where=where),
                               Message("keep its task in the plan under a code of its own for this import"), undo)
    return reports_dropped(label, name, n, Message("the new plan has no task {code}, and has {name!r} in {where} (tasks "
                                                   "merged?): reports stay on their task, never moved to another",
                                                   code=code, name=name, where=where),
                           Message("keep task {code} in the plan for this import (a task done may stay)", code=code), undo)


def dropped_line(label, name: str, n: int) -> Message:
    return reports_dropped(label, name, n, Message("the new plan has no line of its lead units and indicators"),
                           Message("keep the line with its lead units and indicator names as they were"))


def dropped_indicator(label, name: str, n: int, kind: str, wanted: list, held: set, elsewhere: list | None = None) -> Message:
    """An indicator gone from a line both plans have (`wanted`: the new line's (kind, indicator); `held`: the stored
    line's (kind, name)): renamed (the new line's indicators the store lacks, its likely new name), removed, the line
    turned text-only, or a text-only line given indicators (its met marks would go). `elsewhere`: the other tasks of
    the new plan with an indicator of its name (programme/code), where a task split put it (trial57 finding 7)."""
    measured = [ind.name for new_kind, ind in wanted if new_kind == QUANTITY]
    added = Joined(", ", [repr(new) for new in measured if (QUANTITY, new) not in held])
    if elsewhere and kind == QUANTITY:
        where = Joined(", ", elsewhere)
        return reports_dropped(label, name, n, Message("the new plan's line has no indicator {name!r}, and the new plan "
                                                       "has {name!r} in {where} (a task split?): reports stay on their "
                                                       "task, never moved to another", name=name, where=where),
                               Message("keep it on this line for this import"),
                               Message("undo those reports, import, and log them again on {where}", where=where))
    if kind == SCHEDULE:
        return reports_dropped(label, name, n, Message("the new plan gives this text-only line the {k:indicator|indicators} "
                                                       "{names} (its checkpoints marked met would go)", k=len(measured),
                                                       names=added),
                               Message("keep the line text-only and put {names} on a line of its own", names=added))
    if not measured:
        return reports_dropped(label, name, n, Message("the new plan makes its line text-only"),
                               Message("keep the line's indicators"))
    if not added:
        return reports_dropped(label, name, n, Message("the new plan's line has no indicator {name!r}", name=name),
                               Message("keep it on the line"))
    return reports_dropped(label, name, n, Message("the new plan's line has no indicator {name!r} (it has {names}; "
                                                   "indicators match by name)", name=name, names=added),
                           Message("keep name = {name!r}", name=name),
                           Message("undo those reports, import, and log them again under the new name"))


def task_leads(lines) -> tuple[str, ...]:
    """A task's lead units, every line's, in order, once each."""
    return tuple(unique(lead for line_leads in lines for lead in line_leads))


def other_tasks(programme: str, tasks: list[plan_model.Task], held, titles: dict[int, str],
                reports: dict[int, int]) -> dict[str, Message]:
    """Reported tasks the new plan puts another task under the code of (safe46b): reports follow a task's code, so a
    task whose title and lead units all changed at once under it is taken as another task (one inserted before it
    and the rest renumbered, one cancelled and the next moved up), not this one renamed, and refused with the
    reports on it; its title alone, or its lead units alone, may change (an update, as before). Under one lead unit
    (safe48a) the titles tell it: a reported task renamed whose old title the new plan gives another code, or whose
    new title the store has under another code, is that renumbering, refused the same way (renumbered). By code: what
    the refusal says of each (the lines under it are not said again: fix51b)."""
    lost = {}
    by_code = {task.code: task.title for task in tasks}
    stored = {code: titles[task_id] for code, task_id in held.tasks.items() if task_id in titles}
    codes_of: tuple[dict, dict] = ({}, {})  # title → codes, in the new plan and in the store: a look-up, not a scan a task
    for index, named in zip(codes_of, (by_code, stored), strict=True):
        for code, title in named.items():
            index.setdefault(title, []).append(code)
    for task in tasks:
        task_id = held.tasks.get(task.code)
        if task_id is None or not reports.get(task_id) or titles[task_id] == task.title:
            continue
        old_leads = task_leads(held.leads.get(line_id, ()) for _, line_id in sorted(held.lines.get(task_id, {}).items()))
        new_leads = task_leads(line.lead_units for line in task.lines)
        if set(old_leads) & set(new_leads):
            if said := renumbered(f"{programme}/{task.code}", task, titles[task_id], reports[task_id], by_code, stored,
                                  codes_of):
                lost[task.code] = said
            continue
        now = [other.code for other in tasks if other.code != task.code
               and (other.title == titles[task_id] or set(old_leads) == set(task_leads(line.lead_units for line in other.lines)))]
        where = Message("; the new plan has {title!r} as task {code}", title=titles[task_id], code=now[0]) if now else ""
        lost[task.code] = Message(
            "  {label}: {n} {n:report stands|reports stand} on {old!r} ({old_lead}), and the new plan gives its code to "
            "{new!r} ({new_lead}): another task, not a rename of it{where}; reports follow a task's code: keep {code} for "
            "{old!r} (give the new task a code of its own), or, if it is the same task, change its title and its lead "
            "units in two imports, one each; to give its reports to another code, undo them and log them anew there",
            label=f"{programme}/{task.code}", n=reports[task_id], old=titles[task_id], old_lead="、".join(old_leads) or "—",
            new=task.title, new_lead="、".join(new_leads) or "—", where=where, code=task.code)
    return lost


def renumbered(label: str, task: plan_model.Task, old: str, n: int, by_code: dict[str, str], stored: dict[str, str],
               codes_of: tuple[dict, dict]):
    """A reported task renamed under its lead unit whose title moved between codes (safe48a, safety48 F-04b): its old
    title the new plan gives another code that did not have it (a task inserted before it, the rest moved down), or
    its new title one the store has under another code the new plan takes it from (one cancelled, the rest moved up).
    Its reports would stand on another project. None for a rename alone (a title two codes share moves nothing)."""
    moved_to = [code for code in codes_of[0].get(old, ()) if code != task.code and stored.get(code) != old]
    moved_from = [code for code in codes_of[1].get(task.title, ()) if code != task.code and by_code.get(code) != task.title]
    if not moved_to and not moved_from:
        return None
    where = [Message("the new plan has {title!r} as task {code}", title=old, code=moved_to[0])] if moved_to else []
    where += [Message("the store has {title!r} as task {code}", title=task.title, code=moved_from[0])] if moved_from else []
    return Message(
        "  {label}: {n} {n:report stands|reports stand} on {old!r}, and the new plan renames it {new!r}, but {where}: the "
        "tasks renumbered, not {old!r} renamed; reports follow a task's code and would stand on another task: keep each "
        "task's code ({code} for {old!r}) and give a new task a code of its own (a plan's codes need not follow the "
        "document's order); to give its reports to another code, undo them and log them anew there",
        label=label, n=n, old=old, new=task.title, where=Joined("; ", where), code=task.code)


def text_line_names(lines: list[plan_model.Line]) -> list[str]:
    """Names of a task's text-only lines for `log --indicator`: 进度安排, told apart when there are several."""
    text_only = [i for i, line in enumerate(lines) if not line.indicators]
    names = ["进度安排"] * len(lines)
    if len(text_only) > 1:
        leads = [lines[i].lead_units[0] if lines[i].lead_units else "" for i in text_only]
        for i, lead in zip(text_only, leads, strict=True):
            names[i] = f"进度安排（{lead}）" if lead and leads.count(lead) == 1 else f"进度安排（第{i + 1}行）"
    return names



def renumbered_tasks(tasks: list[plan_model.Task], held, titles: dict[int, str], reports: dict[int, int]) -> dict[str, str]:
    """Reported tasks the new plan gives another code, where it can prove it (trial57 finding 3: one task cancelled and
    the next moved up, or one inserted and the rest moved down, had no way through but undoing every return): the new
    task at code C has the same title, lead units and indicators (names and units) as exactly one stored task, at code
    D, which reports stand on, and no other task of either side has them; the stored task at C is not that one.
    New code → stored code; its reports move with it (the stored row takes code C). Anything short of that proof is
    left to other_tasks' refusal, as before: nothing moves to another task silently."""
    def stored(task_id: int) -> tuple:
        line_ids = [line_id for _, line_id in sorted(held.lines.get(task_id, {}).items())]
        leads = tuple(sorted(task_leads(held.leads.get(line_id, ()) for line_id in line_ids)))
        measured = tuple(sorted((name, held.units.get(indicator_id, "")) for line_id in line_ids
                                for (kind, name), indicator_id in held.indicators.get(line_id, {}).items() if kind == QUANTITY))
        return titles.get(task_id), leads, measured

    def new(task: plan_model.Task) -> tuple:
        return (task.title, tuple(sorted(task_leads(line.lead_units for line in task.lines))),
                tuple(sorted((ind.name, ind.unit) for line in task.lines for ind in line.indicators)))

    candidates = {code for code, task_id in held.tasks.items() if reports.get(task_id)}
    if not candidates:
        return {}
    by_identity: dict[tuple, list[str]] = {}
    for code, task_id in held.tasks.items():
        by_identity.setdefault(stored(task_id), []).append(code)
    new_identity = {task.code: new(task) for task in tasks}
    counted: dict[tuple, int] = {}
    for identity in new_identity.values():
        counted[identity] = counted.get(identity, 0) + 1
    moves = {}
    for code, identity in new_identity.items():
        olds = by_identity.get(identity, [])
        if counted[identity] != 1 or len(olds) != 1 or olds[0] == code or olds[0] not in candidates:
            continue
        moves[code] = olds[0]
    return moves


def moved_tasks(held, moves: dict[str, str]) -> tuple:
    """`held` with its tasks keyed by the codes `moves` (renumbered_tasks) gives them, and the stored tasks left under no
    code: those whose code a moved task took and that moved nowhere themselves, (code, task id) each."""
    moved_ids = {held.tasks[old] for old in moves.values()}
    tasks = {code: task_id for code, task_id in held.tasks.items() if code not in moves.values() and code not in moves}
    tasks.update({new: held.tasks[old] for new, old in moves.items()})
    orphans = [(code, held.tasks[code]) for code in moves if code in held.tasks and held.tasks[code] not in moved_ids]
    return held._replace(tasks=tasks), orphans


def code_taken(label: str, title: str, n: int, new_title: str, came_from: str) -> Message:
    """A reported stored task whose code a renumbered task takes and that the new plan has under no code of its own."""
    return Message("  {label}: {n} {n:report stands|reports stand} on {title!r}, and the new plan gives its code to "
                   "{new!r} (renumbered from {came_from}: the same title, lead units and indicators) and has {title!r} "
                   "under no code; keep {title!r} in the plan under a code of its own, with its title, lead units and "
                   "indicators (its reports follow it, as they follow {new!r}), or undo those reports first",
                   label=label, n=n, title=title, new=new_title, came_from=came_from)


def link_renumbered(linker: str, ref: str, title: str, new: str, now: str | None) -> Message:
    """A task of another programme linking to a renumbered task's old code (PlanWriter._links_named): the link names a
    code, so it now names another task (or none); which one it meant, only its plan says."""
    if now is None:
        return Message("task {linker} links {ref}, which named {title!r} (now {new}) and now names no task: change the "
                       "link to {new} in {linker}'s plan and import it", linker=linker, ref=ref, title=title, new=new)
    return Message("task {linker} links {ref}, which named {title!r} (now {new}) and now names {now!r}: if the link meant "
                   "{title!r}, change it to {new} in {linker}'s plan and import it", linker=linker, ref=ref, title=title,
                   new=new, now=now)
