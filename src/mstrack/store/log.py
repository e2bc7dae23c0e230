"""`mstrack log`'s write: one checked value (domain/progress.check_report) stored as a batch of its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from mstrack.domain.names import code_key, plain_name
from mstrack.domain.progress import (
    CheckedReport,
    LogResult,
    OutsideWindow,
    another_reporters_value,
    another_units_value,
    check_report,
    corrects_another,
    in_year_of,
    require_value_or_done,
    units_compared,
    year_end_lowered,
)
from mstrack.domain.quantities import format_number
from mstrack.errors import InputError, Joined, Message
from mstrack.store import Store, TaskRef
from mstrack.store.batches import batch_words
from mstrack.vocabulary import SCHEDULE


def record_progress(
    store: Store, ref: TaskRef, value: str | None, *, indicator: str | None, as_of: str | None, note: str | None,
    by: str | None, done: bool, today: date, reason: str | None = None, announce: Callable[[LogResult], None] | None = None,
    unit: str | None = None,
) -> LogResult:
    """Validate one value and store it as a batch of its own. `announce` gets the result just before the
    write commits: the CLI prints it there, so that an output that fails stores nothing.

    The value is checked first without the write lock (a bad one is refused without waiting for another writer),
    then again under it: a plan import committed in between (the task removed, the indicator's unit or the
    checkpoints changed) would otherwise have the report stored on what the check no longer meant
    (`resolved_again`)."""
    require_value_or_done(value, done)
    if code_key(ref.programme) != ref.programme or code_key(ref.code) != ref.code:  # typed in capitals or full width
        ref = store.stored_ref(ref)  # said and checked as the store holds it (trial53 #7)
    label = f"{ref.programme}/{ref.code}"
    unit = reporting_unit(unit)
    reporter = by or store.user()

    def checking() -> CheckedReport:
        window, states = store.task_states(ref, as_of=as_of, today=today)
        try:
            checked = check_report(states, window, label, value, indicator=indicator, as_of=as_of, done=done, today=today,
                                   note=note, reporter=reporter, named=by is not None, unit=unit,
                                   moved=lambda name: store.indicator_moved(ref.programme, ref.code, name))
        except OutsideWindow as error:  # the programme whose year the day is in, named as the year-end refusal names it
            if others := [code for code in store.programmes_of_year(error.on.year) if code != ref.programme]:
                raise InputError("{first}; {more}", first=error, more=in_year_of(error.on, others, logged=True)) from None
            raise
        if checked.year_end is not None and reason is None:  # as `import progress` refuses it (trial51 D2)
            state = checked.state
            raise InputError(year_end_lowered(label, state.indicator, state.unit, checked.value, checked.on, checked.year_end,
                                              window, ref.programme, store.programmes_of_year(checked.on.year), logged=True))
        if checked.fraction is not None and reason is None:  # 0.85 after 65%: as `import progress` refuses it
            raise InputError(checked.fraction)
        return checked

    with store.one_read():
        since = latest_batch(store)
        checked = checking()
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

    with store.locked("log"):
        checked = resolved_again(store, label, checked, checking, since)
        if reason is None and not done:  # a checkpoint marked met adds to the day's marks, whoever made them
            refuse_another_reporters_value(store, label, checked, reporter, by is not None, unit)
        batch = store.add_reports([(checked.state.indicator_id, checked.on, checked.value, checked.note, reporter, None,
                                    unit)], 1, "log", None, reason,
                                  confirm=lambda batch: announce(result(batch)) if announce else None)
    return result(batch)


def reporting_unit(unit: str | None) -> str | None:
    """--unit as a report keeps it (plain_name, as a return's 填报单位 is), None for none (every word typed passed the
    rules for text: cli.app)."""
    if unit is None or not unit.strip():
        return None
    return plain_name(unit)


def refuse_another_reporters_value(store: Store, label: str, checked: CheckedReport, reporter: str, named: bool,
                                   unit: str | None) -> None:
    """Under the write lock: a value that would correct the one another reporter's entry holds for that day is refused
    (no --reason), as a return's row is (domain.progress.corrects_another: by the units where both name one office,
    else by the reporters; trial53 F4: `log … --by 李` silently replaced 张's figure), naming who entered it and when.
    `reporter`: who the log is from; `named`: whether --by said so (a log naming no one, nor --unit, is the office's
    own correction: review53 F1-F3)."""
    state = checked.state
    (stored, other_by, source, other_unit, entered), = store.stored_texts_on(
        [(state.indicator_id, checked.on)], upto=store.last_report_id(),
        columns=("value", "reporter", "source", "reporting_unit", "entered_at"))
    if not corrects_another(reporter, named, unit, checked.value, stored, other_by, other_unit):
        return
    value, other = format_number(checked.value, state.unit), format_number(stored, state.unit)
    if not units_compared(unit, other_unit):  # no unit on one side, or a class of offices: the reporters decided
        raise InputError(another_reporters_value(label, state.indicator, checked.on, value, reporter, other, other_by, source,
                                                 entered))
    raise InputError(another_units_value(label, state.indicator, checked.on, value, unit, reporter, other, other_unit,
                                         other_by, source, entered))


def resolved_again(store: Store, label: str, checked: CheckedReport, checking: Callable[[], CheckedReport],
                   since: int) -> CheckedReport:
    """The report checked again under the write lock (`checking`): the same task, indicator, unit and checkpoint as
    the first check resolved, or InputError naming what changed and the batches written meanwhile (after `since`).
    The second check stands (its words, its warnings: another log meanwhile may have made a correction of it)."""
    try:
        again = checking()
    except InputError as error:
        raise _changed(store, label, since, list(error.messages)) from None
    changes = _changes(checked, again)
    if changes:
        raise _changed(store, label, since, changes)
    return again


def _changes(checked: CheckedReport, again: CheckedReport) -> list[Message]:
    """What differs between what the first check resolved and the second: the indicator (by id and name), its unit,
    its kind, and the checkpoint a --done marks."""
    then, now = checked.state, again.state
    changes: list[Message] = []
    if then.indicator != now.indicator:
        changes.append(Message("indicator {then} → {now}", then=then.indicator, now=now.indicator))
    elif then.indicator_id != now.indicator_id:
        changes.append(Message("indicator {then} dropped and made anew", then=then.indicator))
    if then.unit != now.unit:
        changes.append(Message("unit {then} → {now}", then=then.unit or "—", now=now.unit or "—"))
    if then.kind != now.kind:
        changes.append(Message("kind {then} → {now}", then=then.kind, now=now.kind))
    if _checkpoint(checked) != _checkpoint(again):
        changes.append(Message("{then} → {now}", then=_checkpoint_words(checked), now=_checkpoint_words(again)))
    return changes


def _checkpoint(checked: CheckedReport) -> tuple | None:
    """The checkpoint a --done marks (its number, how many, its date, label and text), None for a value."""
    if checked.state.kind != SCHEDULE or not float(checked.value).is_integer():
        return None
    number, points = int(checked.value), checked.state.milestones
    if not 1 <= number <= len(points):
        return None
    point = points[number - 1]
    return number, len(points), point.due, point.label, point.text


def _checkpoint_words(checked: CheckedReport) -> Message:
    number, total, due, label, _ = _checkpoint(checked) or (int(checked.value), len(checked.state.milestones), "", "", "")
    return Message("checkpoint {n}/{total} ({label})", n=number, total=total, label=label or due)


def _changed(store: Store, label: str, since: int, changes: list) -> InputError:
    meanwhile = batches_after(store, since)
    return InputError("{label}: the plan changed while this log waited ({batches}): {changes}; nothing was written; run it "
                      "again", label=label, batches=Joined("; ", meanwhile or [Message("a write meanwhile")]),
                      changes=Joined("; ", changes))


def latest_batch(store: Store) -> int:
    """The id of the latest batch (0 before the first), as undo reads it (Store.latest_batch)."""
    latest = store.latest_batch()
    return latest[0] if latest else 0


def batches_after(store: Store, since: int) -> list[Message]:
    """The batches written after batch `since`, as messages name them (batch_words), the first few."""
    with store.reading() as connection:
        rows = store.dialect.rows(connection, f'SELECT id, created_at, "user", command, source FROM batch WHERE id > {store.dialect.p}'
                                              " ORDER BY id LIMIT 5", [since])
    return [batch_words(*row) for row in rows]
