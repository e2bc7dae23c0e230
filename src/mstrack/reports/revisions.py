"""What a printed report says of plan revisions: the tasks a revision cancelled (已取消, counted nowhere, so said in a
section of their own: an office's printed list must not read as if they never were) and the plan changes a revision
imported in the week made (a weekly report's 变化). Built from the store's rows (Store.cancelled_details,
Store.plan_revisions); renderers only draw them. Pure: no store, no words of any language."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mstrack.reports.plain import Plain


@dataclass
class CancelledTask(Plain):
    """A task a revision cancelled: its code now (CODE~BATCH where the plan gave its code to another task), the code it
    was cancelled from, the batch and day of that revision, its file, and the reports kept on it (not counted)."""

    programme: str
    task: str
    code: str
    title: str
    batch: int
    cancelled_on: date | None
    source: str | None
    reports: int
    lead_units: list[str] = field(default_factory=list)
    """The offices that led it (read for a unit's notice and `lights`, which say only the ones their unit led)."""


@dataclass
class PlanRevision(Plain):
    """One change a plan write made (as `import plan` said it; English in JSON, the renderer says it in its
    language): the programme, the batch, its day and file."""

    programme: str
    batch: int
    on: date | None
    source: str | None
    change: str


def cancelled_section(rows, unit: str | None = None) -> list[CancelledTask]:
    """Store.cancelled_details' rows, (programme, code, title, batch, reports, time, file[, lead units]) each, as the
    section; with `unit` (read with their units), only the tasks that unit leads or is responsible for: those a unit's
    report covers of the tasks standing (task_details' `unit`), the one rule of both."""
    return [CancelledTask(programme=programme, task=code, code=code.removesuffix(f"~{batch}"), title=title, batch=batch,
                          cancelled_on=at.date() if at else None, source=source, reports=reports, lead_units=list(leads))
            for programme, code, title, batch, reports, at, source, *more in rows
            for leads, units in [(more[0], more[-1]) if more else ([], [])] if unit is None or unit in units]


def cancelled_of(items: list[CancelledTask], unit: str) -> list[CancelledTask]:
    """The cancelled tasks a unit led: what its notice says of them."""
    return [item for item in items if unit in item.lead_units]


def revision_section(found, mine=None) -> list[PlanRevision]:
    """Store.plan_revisions' (programme, [PlanChange …]) as the section's rows, batch by batch; with `mine`
    (unit_changes), only the changes it keeps."""
    return [PlanRevision(programme=programme, batch=change.batch,
                         on=change.created_at.date() if change.created_at else None, source=change.source,
                         change=change.change)
            for programme, changes in found for change in changes if mine is None or mine(change.change)]


def unit_changes(refs: set[str], cancelled: list[CancelledTask], unit: str, cancels):
    """Which plan changes a unit's weekly report (`--unit`) says: those of the tasks it covers (`refs`, PROGRAMME/CODE,
    a renumbering by either code), of the cancelled tasks its report says (`cancelled`: cancelled_section with the
    unit; by code and title: the code may be another task's now), and those naming the unit itself (a unit renamed or
    removed from a task); never the other units' tasks'. `cancels`: whether a change is a task's cancellation
    (store.plan_changes.says_cancelled, handed on by reports/make)."""
    gone = {(f"{item.programme}/{item.code}", item.title) for item in cancelled}

    def mine(change) -> bool:
        fields = getattr(change, "fields", {})
        if cancels(change):
            return (fields.get("ref"), fields.get("title")) in gone
        return (any(fields.get(key) in refs for key in ("ref", "old", "new"))
                or any(isinstance(value, str) and unit in value.split("、") for value in fields.values()))

    return mine


def unit_renames(found, renamed) -> dict[str, str]:
    """Store.plan_revisions' (programme, [PlanChange …]) as old unit name → new: what `report diff` says of a unit's
    row that went and the one that came in its place (trial64 F6: "已不在报告中（原为 —）" / "新增 —"). `renamed`:
    (old, new) of a change that renames a unit, else None (store.plan_changes.says_unit_renamed, handed on by the
    command, as unit_changes' `cancels`)."""
    pairs = (renamed(change.change) for _, changes in found for change in changes)
    return dict(pair for pair in pairs if pair is not None)


def rename_chain(renames: dict[str, str], name: str, *, after: bool) -> list[str]:
    """The names a unit took after `name` (`after`), or had before it, oldest first, by unit_renames' steps: a chain
    甲局 → 乙局 → 丙局 said whole, not by its last step (乙局 → 丙局) alone. A name renamed back ends the walk."""
    chain, seen = [], {name}
    step = (lambda n: renames.get(n)) if after else (lambda n: next((o for o, new in renames.items() if new == n), None))
    while (name := step(name)) is not None and name not in seen:
        seen.add(name)
        chain.append(name)
    return chain if after else chain[::-1]
