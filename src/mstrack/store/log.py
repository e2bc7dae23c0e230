"""`mstrack log`'s write: one checked value (domain/progress.check_report) stored as a batch of its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from mstrack.domain.progress import LogResult, check_report, require_value_or_done
from mstrack.domain.quantities import format_number
from mstrack.errors import Message
from mstrack.store import Store, TaskRef, login_name


def record_progress(
    store: Store, ref: TaskRef, value: str | None, *, indicator: str | None, as_of: str | None, note: str | None,
    by: str | None, done: bool, today: date, reason: str | None = None, announce: Callable[[LogResult], None] | None = None,
) -> LogResult:
    """Validate one value and store it as a batch of its own. `announce` gets the result just before the
    write commits: the CLI prints it there, so that an output that fails stores nothing."""
    require_value_or_done(value, done)
    year, states = store.task_states(ref)
    checked = check_report(states, year, f"{ref.programme}/{ref.code}", value, indicator=indicator, as_of=as_of,
                           done=done, today=today, note=note)
    reporter = by or login_name()
    if checked.unchanged:  # the same value and note again: said, not written (no batch, no correction)
        unchanged = LogResult(Message("{label}: {what}", label=checked.label, what=Message(
            "unchanged: {value} as of {on} is already recorded, with the same note; nothing written",
            value=format_number(checked.value, checked.state.unit), on=checked.on)))
        if announce:
            announce(unchanged)
        return unchanged

    def result(batch: int) -> LogResult:
        return LogResult(Message("{label}: {what} (batch {batch}, by {reporter})", label=checked.label, what=checked.what,
                                 batch=batch, reporter=reporter), checked.warnings)

    batch = store.add_reports([(checked.state.indicator_id, checked.on, checked.value, note, reporter, None)], 1, "log", None,
                              reason, confirm=lambda batch: announce(result(batch)) if announce else None)
    return result(batch)
