"""What a printed report says of plan revisions: the tasks a revision cancelled (已取消, counted nowhere, so said in a
section of their own: an office's printed list must not read as if they never were) and the plan changes a revision
imported in the week made (a weekly report's 变化). Built from the store's rows (Store.cancelled_details,
Store.plan_revisions); renderers only draw them. Pure: no store, no words of any language."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass
class PlanRevision(Plain):
    """One change a plan write made (as `import plan` said it; English in JSON, the renderer says it in its
    language): the programme, the batch, its day and file."""

    programme: str
    batch: int
    on: date | None
    source: str | None
    change: str


def cancelled_section(rows) -> list[CancelledTask]:
    """Store.cancelled_details' rows, (programme, code, title, batch, reports, time, file) each, as the section."""
    return [CancelledTask(programme=programme, task=code, code=code.removesuffix(f"~{batch}"), title=title, batch=batch,
                          cancelled_on=at.date() if at else None, source=source, reports=reports)
            for programme, code, title, batch, reports, at, source in rows]


def revision_section(found) -> list[PlanRevision]:
    """Store.plan_revisions' (programme, [PlanChange …]) as the section's rows, batch by batch."""
    return [PlanRevision(programme=programme, batch=change.batch,
                         on=change.created_at.date() if change.created_at else None, source=change.source,
                         change=change.change)
            for programme, changes in found for change in changes]
