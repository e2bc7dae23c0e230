"""`mstrack import progress`, the rows once checked: compared with the store (asked in chunks as they are read) and
with each other (a day given twice, values falling), and written in chunks. A part of the importer
(sources/progress._Importer), kept apart from reading and checking the rows."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import compress, repeat
from operator import is_not, le
from typing import NamedTuple

from mstrack.domain.dates import ReportWindow, minute_text
from mstrack.domain.progress import (
    another_reporters,
    another_reporters_value,
    another_units_value,
    higher_than_later,
    kept_note,
    lowers_year_end,
    units_compared,
    year_end_lowered,
)
from mstrack.domain.quantities import format_number
from mstrack.domain.readings import compared_with_earlier, falls_below, fraction_falls, fraction_fell
from mstrack.errors import Joined, Message
from mstrack.sources import progress_rows
from mstrack.sources.progress_rows import ASK, FALLS_ROWS, KEPT, NOTHING, OTHER, SAME, ImportIndicator, day_runs


class StoredEntry(NamedTuple):
    """The entry standing on a day a row would correct (Store.stored_texts_on's columns): what Comparing.resolve's
    checks of a correction read of it, in the read that finds the value stored (Comparing.resolve)."""
    value: float
    note: str | None
    reporter: str | None
    reporting_unit: str | None
    source: str | None
    batch_id: int
    entered_at: object  # an aware datetime (import_reads.stored_texts_on)


KEPT_SHOWN = 5
"""Stale rows an import describes (Store.kept_corrections); the rest are counted."""
CORRECTIONS_SHOWN = 20
"""Rows correcting a stored value an import names old → new (as `log` says what it corrects); the rest are counted."""


class Comparing:
    """The importer's rows, checked: `keep` remembers (and queues) each, `flush` and `resolve` compare them with the
    store a chunk at a time and write them, `settle` compares them with each other at the end of the files."""

    def where(self, seq: int) -> str:
        return f"{self.files[self.checked.file[seq]]}:{self.checked.line[seq]}"

    def settle(self) -> None:
        """Compare with the store (asked as rows were read: `stored`) and with the file itself: the first row of an
        indicator and day counts, a later one is the same (unchanged) or a conflict. One indicator at a time, in id
        order, its rows by day (file order kept within); their falls said a few thousand rows at a time, in the same
        order. Every indicator's rows are checked at once in C (day_runs) and counted at the end (array.count of each
        flag); only an indicator with rows out of day order, a day repeated, values falling or reports stored takes the loop."""
        result, checked = self.result, self.checked
        value, stored = checked.value, checked.stored
        self.repeated: set[tuple[int, int]] = set()  # (indicator, day) written twice: kept once (ReportBatch.drop_repeats)
        repeats: list[int] = []  # the rows after the first of their indicator and day: not counted
        waiting, rows = [], 0
        ids, groups, unordered, falling = day_runs(checked)
        looped = sorted({*unordered, *falling, *compress(range(len(ids)), map(is_not, map(self.columns.last, ids), repeat(None)))})
        self.plan.read_terms(ids[at] for at in looped)  # (and those with reports stored): their objects' terms in one read
        for at in looped:
            state, firsts = self.columns.state(ids[at]), groups[at]
            if at in unordered:  # a day given twice, or days out of order
                firsts = self._firsts(state, firsts, repeats)
            if result.kept_rows:  # a stale row writes nothing: the entry kept is what a fall is seen from
                firsts = [seq for seq in firsts if stored[seq] != KEPT]
                if not firsts:
                    continue
            if compared_with_earlier(state.comparator):
                if state.last is None:  # nothing stored: values rising in day order cannot fall (_warn_about_falls)
                    values = list(map(value.__getitem__, firsts))
                    if all(map(le, values, values[1:])):
                        continue
                waiting.append((state, firsts))
                rows += len(firsts)
                if rows >= FALLS_ROWS:
                    self._warn_about_falls(waiting)
                    waiting, rows = [], 0
        self._warn_about_falls(waiting)
        result.warnings += self.weeks.warnings(self.files, self.reason, written=self.writer is not None)
        counts = {flag: stored.count(flag) for flag in (SAME, OTHER, NOTHING, KEPT)}
        for seq in repeats:
            counts[stored[seq]] -= 1
        result.unchanged += counts[SAME]
        result.updated += counts[OTHER]
        result.inserted += counts[NOTHING]
        result.kept += counts[KEPT]
        result.errors.sort(key=progress_rows.file_order)
        result.repeats.sort(key=lambda pair: progress_rows.file_order(pair[0]))

    def _firsts(self, state: ImportIndicator, seqs, repeats: list[int]) -> list[int]:
        """An indicator's rows by day (file order kept within), the first of each day's: a later one is a repeat."""
        day = self.checked.day
        previous = first = -1
        firsts = []
        for seq in sorted(seqs, key=day.__getitem__):  # stable
            if day[seq] == previous:
                self._repeat(state, first, seq)
                repeats.append(seq)
                continue
            previous, first = day[seq], seq
            firsts.append(seq)
        return firsts

    def _repeat(self, state: ImportIndicator, first: int, seq: int) -> None:
        """A row for the indicator and day of an earlier row (`first`): the same value, or a conflict."""
        checked = self.checked
        if checked.value[seq] != checked.value[first]:
            self.result.errors.append(Message(
                "{place}: {ref} {indicator} as of {on} is {value} here but {other} at {other_place}",
                place=self.where(seq), ref=f"{state.programme}/{state.task}", indicator=state.indicator,
                on=date.fromordinal(checked.day[seq]), value=format_number(progress_rows.number_of(checked.value[seq]), state.unit),
                other=format_number(progress_rows.number_of(checked.value[first]), state.unit), other_place=self.where(first),
            ))
            return
        self.result.repeats.append((self.where(seq), self.where(first)))  # repeated in the file, not stored before
        if checked.stored[seq] not in (SAME, KEPT):  # written as it was read
            self.repeated.add((state.indicator_id, checked.day[seq]))

    def _warn_about_falls(self, waiting: list[tuple[ImportIndicator, list[int]]]) -> None:
        """A cumulative value lower than the highest reported before it (stored, or an earlier row of the file):
        accepted, but said. `waiting`: indicators and their first rows of each day, in day order (settle leaves out
        those with nothing stored whose values rise: the common case of a large import). Of the indicators with
        reports, the store gives the highest value before their first row's day (and its day) and their reports
        from that day to their last row's (Store.stored_between): no report before the first day matters but the
        highest, so nothing more of the history is read. A stored report on a day the file gives is left out: the
        file corrects it, so nothing falls from it."""
        checked = self.checked
        day, value = checked.day, checked.value
        spans = [(state.indicator_id, date.fromordinal(day[firsts[0]]), state.last)  # to the last stored: a late row's
                 for state, firsts in waiting if state.last is not None]  # later reports (higher_than_later)
        tops, stored = self.store.stored_between(spans, upto=self.plan.upto) if spans else ([], {})
        tops, closing = iter(tops), self._closing_figures(waiting)
        for state, firsts in waiting:
            if state.last is None:  # nothing stored before (rising values were left out by settle)
                before = []
            else:
                top_value, top_on = next(tops)
                before = [(top_on, 0, progress_rows.number_of(top_value), None)] if top_value is not None else []
                if (latest := closing.get(state.indicator_id)) is not None:  # the figure a January row follows
                    before.append((latest[0], 0, latest[1], None))
                given = set(map(day.__getitem__, firsts))  # the file's own days: what it says there replaces the store's
                kept = [(on, number) for on, number in stored.get(state.indicator_id, ()) if on.toordinal() not in given]
                before += [(on, 0, progress_rows.number_of(number), None) for on, number in kept]
                if kept and kept[-1][0] > date.fromordinal(day[firsts[0]]):  # a row dated before a stored report
                    self._warn_about_later(state, firsts, kept)
            timeline = sorted(before + [(date.fromordinal(day[seq]), 1, progress_rows.number_of(value[seq]), seq) for seq in firsts],
                              key=lambda item: item[:2])
            highest = standing = None  # the highest figure so far, and the latest (what the year-end figure is)
            window = self.plan.programme_window(state.programme)
            for as_of, _, number, seq in timeline:
                if (seq is not None and standing is not None and window is not None and self.reason is None
                        and lowers_year_end(window, state.indicator, state.unit, state.comparator, number, as_of, standing)):
                    self._lowers_year_end(state, seq, number, standing, window)
                    continue
                if (seq is not None and self.fractions and self.reason is None and fraction_falls(highest, as_of)
                        and (checked.file[seq], checked.line[seq]) in self.fractions):
                    self._fraction_fell(state, seq, number, highest)  # 0.85 after 65%: refused, not stored as 0.85%
                    continue
                if seq is not None and falls_below(highest, as_of, number):
                    self.result.warnings.append(Message(
                        "{place}: {ref} {indicator} {value} as of {on} is lower than {earlier} as of {earlier_on}",
                        place=self.where(seq), ref=f"{state.programme}/{state.task}", indicator=state.indicator,
                        value=format_number(number, state.unit), on=as_of, earlier=format_number(highest[1], state.unit),
                        earlier_on=highest[0],
                    ))
                if highest is None or number >= highest[1]:
                    highest = (as_of, number)
                standing = (as_of, number)

    def _fraction_fell(self, state: ImportIndicator, seq: int, number, highest: tuple[date, float]) -> None:
        """A fraction of 1 on a % line (0.85: Excel's 85% in a General cell) below an earlier figure above 1%: either
        reading is wrong news (85%, or a fall to 0.85%), so it is refused naming both, --reason keeping it as typed.
        Its "did you mean" warning (Values._fraction) is said by the refusal."""
        column, warning = self.fractions[(self.checked.file[seq], self.checked.line[seq])]
        if warning is not None:
            self.result.warnings[:] = [said for said in self.result.warnings if said is not warning]
        self.result.errors.append(Message("{place}: {reason}", place=f"{self.where(seq)}:{column}", reason=fraction_fell(
            f"{state.programme}/{state.task} {state.indicator}", number, state.unit, highest)))

    def _closing_figures(self, waiting: list[tuple[ImportIndicator, list[int]]]) -> dict[int, tuple]:
        """The figure standing before the first row of each indicator with a row after its programme's last day (its
        year-end figure, which the highest before it need not be: 400 in August, 250 at the year's end), by indicator:
        read for those only (Store.standing_before)."""
        day = self.checked.day
        keys = []
        for state, firsts in waiting:
            window = self.plan.programme_window(state.programme)
            if state.last is not None and window is not None and window.over(date.fromordinal(day[firsts[-1]])):
                keys.append((state.indicator_id, date.fromordinal(day[firsts[0]])))
        found = self.store.standing_before(keys, upto=self.plan.upto) if keys else []
        return {indicator: latest for (indicator, _), latest in zip(keys, found, strict=True) if latest[0] is not None}

    def _lowers_year_end(self, state: ImportIndicator, seq: int, number, standing: tuple[date, float],
                         window: ReportWindow) -> None:
        """A row dated after the programme's last day (the month after: its closing figure) lower than the figure it
        had: refused unless --reason, naming the likely cause, the next year's figures imported under last year's
        programme (-p unchanged in January: safety47 F12), and the programme whose year the day is in, if any; the one
        rule `log` refuses by too (domain.progress.lowers_year_end)."""
        on = date.fromordinal(self.checked.day[seq])
        self.result.errors.append(Message("{place}: {reason}", place=self.where(seq), reason=year_end_lowered(
            f"{state.programme}/{state.task}", state.indicator, state.unit, number, on, standing, window, state.programme,
            self.store.programmes_of_year(on.year), logged=False)))

    def _warn_about_later(self, state: ImportIndicator, firsts: list[int], stored: list[tuple[date, float]]) -> None:
        """A late row (dated before reports stored) above one of them: said as `log` says it."""
        day, value = self.checked.day, self.checked.value
        for seq in firsts:
            warning = higher_than_later(f"{state.programme}/{state.task} {state.indicator}", progress_rows.number_of(value[seq]),
                                        date.fromordinal(day[seq]), state.unit, stored)
            if warning is not None:
                self.result.warnings.append(Message("{place}: {warning}", place=self.where(seq), warning=warning))

    def keep(self, state: ImportIndicator, as_of: date, number, note: str | None, reporter: str | None, line: int,
             unit: str | None = None, given: bool = True) -> None:
        """A checked row (`unit`: its 填报单位, if the file says it): remembered for the comparison, and written (in
        chunks) unless the store holds it. `given`: its reporter is its own 填报人 cell's, not the --by default."""
        seq = len(self.checked.day)
        write = self.writer is not None and not self.result.errors
        stored = NOTHING if state.last is None or as_of > state.last else ASK
        if stored == ASK:
            self.asked.append((seq, state.indicator_id, len(self.pending) if write else -1))
            self.asked_by[seq] = (reporter, given, unit, self.unit_return)
        self.checked.add(state.indicator_id, as_of, number, len(self.files) - 1, line, stored)
        if write:
            self.pending.append((state.indicator_id, as_of, number, note, reporter, self.source, unit))

    def resolve(self) -> None:
        """The rows to ASK about, compared with the entry the store holds on their days (Store.stored_texts_on: an
        index seek each, every column the checks below read of it, in one read), and those it holds already taken off
        the chunk to write."""
        asked, self.asked = self.asked, []
        if not asked or self.result.errors:
            return
        checked = self.checked
        day, value, stored = checked.day, checked.value, checked.stored
        found = self.store.stored_texts_on([(indicator, date.fromordinal(day[seq])) for seq, indicator, _ in asked],
                                           upto=self.plan.upto, columns=StoredEntry._fields)
        held, other, texts, entries, same = {}, [], {}, {}, []
        for asking, entry in zip(asked, found, strict=True):
            seq, indicator, position = asking
            on_that_day = entry[0]
            flag = stored[seq] = NOTHING if on_that_day is None else SAME if on_that_day == value[seq] else OTHER
            if flag == SAME:
                same.append(seq)
            if flag == SAME and position >= 0:
                held[position] = (indicator, date.fromordinal(day[seq]))
                texts[position] = entry[1:3]  # its note and reporter (_other_texts)
            elif flag == OTHER:
                other.append(asking)
                entries[seq] = StoredEntry._make(entry)
        kept = self._kept(other) if other else ()
        asked_by, self.asked_by = self.asked_by, {}
        correcting = [row for row in other if stored[row[0]] == OTHER]
        pending = self.pending
        silent = [row for row in correcting if row[2] >= 0 and pending[row[2]][3] is None] if self.writer is not None else []
        others = [row for row in correcting if row[0] in asked_by] if asked_by and self.reason is None else []
        self.weeks.add(self, correcting, entries, same)
        named, made, unknown = self._named(correcting)
        notes = self._kept_notes(silent, asked_by, entries)
        stale = self._corrections(named, made, unknown, notes, entries)
        errors = self.result.errors
        before = len(errors)
        self._other_reporters(others, asked_by, entries)
        refused = {error.fields["place"] for error in errors[before:]}  # refused as another reporter's: said once
        errors.extend(error for error in stale if error.fields["place"] not in refused)
        if held:
            self._other_texts(held, texts)
            if self.writer is not None:  # what an undo of the batch holding the stored report keeps as this import's (F5)
                pending = self.pending
                self.writer.restate({held[position]: pending[position][:7] for position in held}.values())
        if notes and not errors:
            pending = self.pending
            for position, note in notes.values():
                pending[position] = (*pending[position][:3], note, *pending[position][4:])
        if held or kept:
            self.pending = [row for position, row in enumerate(self.pending) if position not in held and position not in kept]

    def _kept_notes(self, silent: list[tuple[int, int, int]], asked_by: dict[int, tuple],
                    entries: dict[int, StoredEntry]) -> dict[int, tuple[int, str]]:
        """Of the rows to write that correct a stored value (seq, indicator, position in pending), those that say no
        note (`silent`: a blank 备注 cell, or no 备注 column: an .xlsx keeps neither, so a cell cleared is one never typed in) and
        take the note of the entry they correct (`entries`), as a `log` correction without --note does (domain.progress.kept_note):
        the note is the unit's words about that day, and a v2 sent for its figure dropped them (ret48). A note given
        replaces it; `log --note ""` clears it. A unit's return correcting another unit's or reporter's entry (accepted
        with --reason: _other_reporters) takes none: the words are that unit's, not its own (review48 F5). seq →
        (position, the note kept), said on the row's correction line."""
        notes = {}
        for seq, _, position in silent:
            entry = entries[seq]
            another = seq in asked_by and asked_by[seq][3] and self._by_another(
                asked_by[seq], entry.reporter, entry.reporting_unit)
            if note := kept_note(None, entry.note, another=another):
                notes[seq] = (position, note)
        return notes

    def _by_another(self, asked: tuple, reporter: str | None, reporting_unit: str | None) -> bool:
        """A row (`asked`: its reporter, whether its own 填报人 cell's, its unit) against the stored entry it would
        correct (`reporter`, `reporting_unit`): whether the entry is another reporter's or unit's, by the one rule
        `log` judges by too (domain.progress.another_reporters): --by names every row's reporter."""
        row_reporter, given, unit, _ = asked
        return another_reporters(row_reporter, given or self.by_given, unit, reporter, reporting_unit)

    def _other_reporters(self, other: list[tuple[int, int, int]], asked_by: dict[int, tuple],
                         entries: dict[int, StoredEntry]) -> None:
        """Of the rows that would correct a stored value (seq, indicator, position), those of another
        reporter than the stored entry's (domain.progress.another_reporters: by the reporting units where both have
        one, else by the reporters): refused as two rows of one import giving a day two values are (another
        district's figure replaced would read as a correction of its own), unless --reason says it is one (safety46 F9).
        `entries`: the entries they would correct, by seq (resolve)."""
        day = self.checked.day
        for seq, indicator, _ in other:
            value, _, reporter, reporting_unit, source, _, entered = entries[seq]
            if not self._by_another(asked_by[seq], reporter, reporting_unit):
                continue
            by, _, unit, _ = asked_by[seq]  # who the row is from, as stored (the login when it names no one)
            state = self.columns.state(indicator)
            ref, on = f"{state.programme}/{state.task}", date.fromordinal(day[seq])
            here = format_number(progress_rows.number_of(self.checked.value[seq]), state.unit)
            stored = format_number(progress_rows.number_of(value), state.unit)
            error = (another_units_value(ref, state.indicator, on, here, unit, by, stored, reporting_unit, reporter, source,
                                         entered)
                     if units_compared(unit, reporting_unit) else
                     another_reporters_value(ref, state.indicator, on, here, by, stored, reporter, source, entered))
            self.result.errors.append(Message("{place}: {error}", place=self.where(seq), error=error))

    def _named(self, other: list[tuple[int, int, int]]) -> tuple[list[tuple[int, int, int]], dict, dict[int, date]]:
        """Of the rows that would correct the value stored for their day (seq, indicator, position), those _corrections
        reads the entry of: the first few, named, and those of a form made before a report it could not have known of
        (`unknown`, of the rows whose form is older than their day: `made`, seq → (indicator, 上次日期)). A bulk
        import's thousands of corrections are counted, not named, nor read."""
        files, lines, day = self.checked.file, self.checked.line, self.checked.day
        room = CORRECTIONS_SHOWN - len(self.result.corrected_rows)
        made = {seq: (indicator, last) for seq, indicator, _ in other if self.reason is None
                and (last := self.form_dates.made_before(files[seq], lines[seq], date.fromordinal(day[seq]))) is not None}
        unknown = self._unknown_reports(made)
        return [row for at, row in enumerate(other) if at < room or row[0] in unknown], made, unknown

    def _corrections(self, other: list[tuple[int, int, int]], made: dict, unknown: dict[int, date],
                     notes: dict[int, tuple[int, str]], entries: dict[int, StoredEntry]) -> list[Message]:
        """Rows that would correct the value stored for their day (seq, indicator, position: _named's), by the entries they
        correct (`entries`): the first few named old → new for the import to say; and those of a form made before a report it
        could not have known of, refused unless --reason says it is meant (safety47 F2) (`notes`: the rows that keep the
        corrected entry's note, seq → (position, note): said on their line, _kept_notes): the store holds a report of the
        indicator dated after the row's 上次日期 (the latest report when the form was made, progress_form) and before the row's
        own day, so the form is older than that report and its figures are no correction of the day it was made for. A form's
        上次日期 is always older than its own day: a unit's second send of this week's form (a v2, under any file name) meets no
        such report and is a correction, said old → new (review47 F3); last week's form filled in again with its date
        unchanged reads the same and is said the same way (which form was made last is not remembered). Their problems,
        returned."""
        shown, stale = self.result.corrected_rows, []
        day, value = self.checked.day, self.checked.value
        for seq, indicator, _ in other:
            old, _, _, _, source, batch, _ = entries[seq]
            state = self.columns.state(indicator)
            ref, on = f"{state.programme}/{state.task}", date.fromordinal(day[seq])
            old = format_number(progress_rows.number_of(old), state.unit)
            new = format_number(progress_rows.number_of(value[seq]), state.unit)
            if len(shown) < CORRECTIONS_SHOWN:
                words = {"place": self.where(seq), "ref": ref, "indicator": state.indicator, "on": on, "old": old, "new": new}
                shown.append(Message("{place} {ref} {indicator} {on}: {old} → {new} (note kept: {note})", **words,
                                     note=notes[seq][1]) if seq in notes else
                             Message("{place} {ref} {indicator} {on}: {old} → {new}", **words))
            if seq not in unknown:
                continue
            last = made[seq][1]
            stale.append(Message(
                "{place}: {ref} {indicator} as of {on} would be corrected from {old} ({source}, batch {batch}) to {new},"
                " but this form was made before the report of {between}: its {column} is {last}{later}. Most likely"
                " these are a later week's figures on an older form, its 截至日期 {on} left as printed: change 截至日期 to"
                " the day the figures are of and import it again (or fill in the latest form); give --reason only to"
                " correct the figures of {on} themselves",
                place=self.where(seq), ref=ref, indicator=state.indicator, on=on, old=old, source=source or "—",
                batch=batch, new=new, between=unknown[seq], column=self.form_dates.header,
                last="—" if last == date.min else last, later=self.weeks.later_said(seq, new)))
        return stale

    def _unknown_reports(self, made: dict[int, tuple[int, date]]) -> dict[int, date]:
        """Of the rows whose form is older than their day (seq → indicator, 上次日期), those for which the store holds
        a report dated after the 上次日期 and before the row's day: the form could not have known of it. The latest
        such day, by row (one read: Store.stored_between, the reports of those days only)."""
        day = self.checked.day
        spans = [(indicator, last + timedelta(days=1), date.fromordinal(day[seq] - 1))
                 for seq, (indicator, last) in made.items() if day[seq] - last.toordinal() > 1]
        if not spans:
            return {}
        _, stored = self.store.stored_between(spans, upto=self.plan.upto)
        unknown = {}
        for seq, (indicator, last) in made.items():
            days = [on for on, _ in stored.get(indicator, ()) if last < on and on.toordinal() < day[seq]]
            if days:
                unknown[seq] = max(days)
        return unknown

    def _kept(self, other: list[tuple[int, int, int]]) -> set[int]:
        """Of the rows that would correct a stored value (seq, indicator, position in pending), those re-stating a
        value a later entry already corrected (Store.kept_corrections: one read a few hundred rows, only for these
        rows): flagged KEPT, never written, the first few described. The pending positions they held."""
        checked = self.checked
        day, value = checked.day, checked.value
        found = self.store.kept_corrections([(indicator, date.fromordinal(day[seq]), value[seq]) for seq, indicator, _ in other],
                                            upto=self.plan.upto)
        positions = set()
        for (seq, indicator, position), entry in zip(other, found, strict=True):
            if entry is None:
                continue
            checked.stored[seq] = KEPT
            if position >= 0:
                positions.add(position)
            if len(self.result.kept_rows) < KEPT_SHOWN:
                self.result.kept_rows.append(self._kept_row(self.columns.state(indicator), seq, entry))
        return positions

    def _kept_row(self, state: ImportIndicator, seq: int, entry: tuple) -> Message:
        """A stale row and the later entry kept over it: its value, who entered it, when, and why."""
        kept, reporter, entered_at, reason = entry
        said = [text for text in (reporter, minute_text(entered_at) if entered_at else None, reason) if text]
        return Message("{place} {ref} {indicator} {on}: {value} (kept {kept}: {entry})", place=self.where(seq),
                       ref=f"{state.programme}/{state.task}", indicator=state.indicator,
                       on=date.fromordinal(self.checked.day[seq]),
                       value=format_number(progress_rows.number_of(self.checked.value[seq]), state.unit),
                       kept=format_number(progress_rows.number_of(kept), state.unit), entry=Joined(", ", said or ["—"]))

    def _other_texts(self, held: dict[int, tuple[int, date]], texts: dict[int, tuple]) -> None:
        """Of the rows already stored (same value), those whose note or reporter differs from the stored entry's
        (`texts`: its note and reporter, by position, as resolve read them): counted, to be said, since the import keeps
        the stored entry as it is (docs/import.md, "Idempotent"). A row that says no note says no other note (_kept_notes)."""
        pending = self.pending
        self.result.unchanged_other += sum((stored[0] if note is None else note, reporter) != stored
                                           for (note, reporter), stored in zip((pending[position][3:5] for position in held),
                                                                               map(texts.__getitem__, held), strict=True))

    def flush(self) -> None:
        """The rows checked so far compared with the store, and those to write written (a real import)."""
        self.resolve()
        if self.pending and self.writer is not None and not self.result.errors:
            self.writer.add(self.pending)
        self.pending = []
