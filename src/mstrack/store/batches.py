"""The one write path of a batch and of its reports, used by every backend and every command (log,
import progress, plan imports, undo): SQL written once, the backends' differences left to Dialect."""

from __future__ import annotations

from datetime import UTC, datetime

from mstrack.store.connections import login_name
from mstrack.store.dialect import Dialect

PLAN_SOURCE = "plan"
"""The source of a plan's own reports (its 进展 as printed)."""

REPORT_COLUMNS = ("indicator_id", "as_of", "value", "note", "reporter", "entered_at", "source", "batch_id", "reason")


def insert_batch(dialect: Dialect, connection, *, command: str, source: str | None = None, reason: str | None = None,
                 undoes: int | None = None, programme: str | None = None, plan_before: str | None = None) -> int:
    """The batch row every write starts with (who, when, what), in the write's transaction: its id."""
    return dialect.insert(connection, "batch", {
        "created_at": datetime.now(UTC), "user": login_name(), "command": command, "source": source, "reason": reason,
        "undoes": undoes, "programme": programme, "plan_before": plan_before})


def insert_reports(dialect: Dialect, connection, reports, *, batch: int, reason: str | None = None) -> None:
    """Reports, (indicator_id, as_of, value, note, reporter, source) each from an iterable, into `batch`,
    streamed into the driver (COPY on PostgreSQL). Measured: binding 100k rows through SQLAlchemy's type
    processors cost twice the insert itself, and importing SQLAlchemy a third of a 100k-row import."""
    now = dialect.bound(datetime.now(UTC))
    dialect.insert_many(connection, "report", REPORT_COLUMNS, (
        (indicator, as_of, value, note, reporter, now, origin, batch, reason)
        for indicator, as_of, value, note, reporter, origin in reports))
