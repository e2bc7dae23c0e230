#!/usr/bin/env python3
"""The CPU of an `mstrack import progress` that corrects every row it brings, before and after perf55
(docs/performance.md):

    .venv/bin/python bench/progress_reimport.py                  # 20,000 rows, ~2-3 minutes
    .venv/bin/python bench/progress_reimport.py --tasks 2000     # a smaller run

The store is bench/generate.py's province plan (--tasks tasks of one indicator) and one weekly report a task (with
a note and a reporter), imported by mstrack, untimed. The import timed is of the same rows with every value changed
(a count one more, a percentage 0.1 more): each row corrects the entry standing on its day, so the import reads that
entry (its value, note, reporter, unit, source, batch and time) for the checks a correction gets (a note kept, another
reporter's figure refused, a form older than a report). In-process (the same CliRunner call, the command line's
startup left out), each import into a fresh copy of its store (copied untimed), its user + system CPU time (the
machine is shared: wall times lie), median of --repeats, alternately:

- floor: the first import of the rows into a copy of the plan's store (nothing stored on their days: nothing read);
- after: the corrections into a copy of the store holding the first import;
- before: the same with the code as it was until perf55 (`before()`): the value on each row's day read by one
  index seek (Store.stored_on), the entry of each correcting row by a second (Comparing._entries).

With --check, exits 1 unless after ≤ --budget × the floor (2.1 by default: 1.85-1.92 measured after perf55, 1.96-2.03
before, at load ~7). What a correction costs beyond the first import is the store's side of it: the entry standing on
each row's day (an index seek), whether an earlier entry of that day held the row's value (kept_corrections, another),
what the row may fall from, and the foreign-key check of a copied file's first write."""

from __future__ import annotations

import argparse
import contextlib
import csv
import re
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from floor_ratio import alternately, invoker, said
from generate import generate_province

from mstrack.sources.progress_compare import NOTHING, OTHER, SAME, StoredEntry

NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?")


def old_resolve(self) -> None:
    """progress_compare.Comparing.resolve as it was until perf55. The rows to ASK about, compared with what the store
    holds on their days (Store.stored_on: an index
    seek each), and those it holds already taken off the chunk to write."""
    asked, self.asked = self.asked, []
    if not asked or self.result.errors:
        return
    checked = self.checked
    day, value, stored = checked.day, checked.value, checked.stored
    found = self.store.stored_on([(indicator, date.fromordinal(day[seq])) for seq, indicator, _ in asked], upto=self.plan.upto)
    held, other = {}, []
    for asking, on_that_day in zip(asked, found, strict=True):
        seq, indicator, position = asking
        flag = stored[seq] = NOTHING if on_that_day is None else SAME if on_that_day == value[seq] else OTHER
        if flag == SAME and position >= 0:
            held[position] = (indicator, date.fromordinal(day[seq]))
        elif flag == OTHER:
            other.append(asking)
    kept = self._kept(other) if other else ()
    asked_by, self.asked_by = self.asked_by, {}
    correcting = [row for row in other if stored[row[0]] == OTHER]
    pending = self.pending
    silent = [row for row in correcting if row[2] >= 0 and pending[row[2]][3] is None] if self.writer is not None else []
    others = [row for row in correcting if row[0] in asked_by] if asked_by and self.reason is None else []
    named, made, unknown = self._named(correcting)
    entries = self._entries([*silent, *others, *named])
    notes = self._kept_notes(silent, asked_by, entries)
    stale = self._corrections(named, made, unknown, notes, entries)
    errors = self.result.errors
    before = len(errors)
    self._other_reporters(others, asked_by, entries)
    refused = {error.fields["place"] for error in errors[before:]}  # refused as another reporter's: said once
    errors.extend(error for error in stale if error.fields["place"] not in refused)
    if held:
        self._other_texts(held)
        if self.writer is not None:  # what an undo of the batch holding the stored report keeps as this import's (F5)
            pending = self.pending
            self.writer.restate({held[position]: pending[position][:7] for position in held}.values())
    if notes and not errors:
        pending = self.pending
        for position, note in notes.values():
            pending[position] = (*pending[position][:3], note, *pending[position][4:])
    if held or kept:
        self.pending = [row for position, row in enumerate(self.pending) if position not in held and position not in kept]


def old_entries(self, rows: list[tuple[int, int, int]]) -> dict[int, StoredEntry]:
    """Comparing._entries until perf55 (gone since). The entries standing on the days of rows that would correct a
    stored value (seq, indicator, position), by
    seq: one read (Store.stored_texts_on) of what _kept_notes, _corrections and _other_reporters each need of them."""
    rows = list({row[0]: row for row in rows}.values())
    if not rows:
        return {}
    day = self.checked.day
    found = self.store.stored_texts_on([(indicator, date.fromordinal(day[seq])) for seq, indicator, _ in rows],
                                       upto=self.plan.upto, columns=StoredEntry._fields)
    return {seq: StoredEntry._make(entry) for (seq, _, _), entry in zip(rows, found, strict=True)}


def old_other_texts(self, held: dict[int, tuple[int, date]]) -> None:
    """Comparing._other_texts until perf55. Of the rows already stored (same value), those whose note or reporter
    differs from the stored entry's:
    counted, to be said, since the import keeps the stored entry as it is (docs/import.md, "Idempotent"). A row
    that says no note says no other note (_kept_notes)."""
    pending = self.pending
    texts = self.store.stored_texts_on(list(held.values()), upto=self.plan.upto)
    self.result.unchanged_other += sum((stored[0] if note is None else note, reporter) != stored
                                       for (note, reporter), stored in zip((pending[position][3:5] for position in held),
                                                                           texts, strict=True))


@contextlib.contextmanager
def before():
    """mstrack's comparison of rows with the store as it was until perf55, while inside."""
    from mstrack.sources.progress_compare import Comparing

    kept = Comparing.resolve, Comparing._other_texts
    Comparing.resolve, Comparing._entries, Comparing._other_texts = old_resolve, old_entries, old_other_texts
    try:
        yield
    finally:
        Comparing.resolve, Comparing._other_texts = kept
        del Comparing._entries


def corrected(source: Path, target: Path) -> int:
    """The rows of `source` with every value changed (a whole number one more, a decimal 0.1 more, its unit or % kept),
    written to `target`: how many."""
    with source.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    for row in rows:
        found = NUMBER.match(row["value"])
        number = found.group(0)
        more = str(int(number) + 1) if found.group(1) is None else f"{float(number) + 0.1:.{len(found.group(1)) - 1}f}"
        row["value"] = more + row["value"][found.end():]
    with target.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def stores(folder: Path, tasks: int, invoke) -> tuple[Path, Path, Path, Path]:
    """The plan's store, the store holding the first import, its rows and their corrections (bench/generate.py's)."""
    meta = generate_province(folder / "data", tasks=tasks, per_task=1, import_rows=0)
    plan_db, first_db = folder / "plan.db", folder / "first.db"
    invoke(plan_db, "import", "plan", *meta["plans"])
    shutil.copyfile(plan_db, first_db)
    rows = Path(meta["progress_all_csv"])
    invoke(first_db, "import", "progress", str(rows))
    fixes = folder / "corrected.csv"
    corrected(rows, fixes)
    return plan_db, first_db, rows, fixes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=20_000, help="tasks of the plan, one row each (20,000)")
    parser.add_argument("--repeats", type=int, default=5, help="imports timed each way (5)")
    parser.add_argument("--budget", type=float, default=2.1, help="after ≤ this × the floor with --check (2.1)")
    parser.add_argument("--check", action="store_true", help="exit 1 unless after ≤ --budget × the floor")
    options = parser.parse_args()
    invoke = invoker()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        plan_db, first_db, rows, fixes = stores(folder, options.tasks, invoke)
        copies = iter(range(1_000_000))

        def timed(_db, _day, kind: str) -> float:
            db = folder / f"copy-{next(copies)}.db"
            shutil.copyfile(plan_db if kind == "floor" else first_db, db)
            with before() if kind == "before" else contextlib.nullcontext():
                began = time.process_time()
                invoke(db, "import", "progress", str(rows if kind == "floor" else fixes))
                spent = time.process_time() - began
            db.unlink()
            return spent

        for kind in ("floor", "after", "before"):  # one of each untimed: the modules each way imports, loaded
            timed(None, None, kind)
        times = alternately(options.repeats, [("floor", plan_db, "floor"), ("after", first_db, "after"),
                                              ("before", first_db, "before")], timed)
    return said(f"`import progress` (CPU) of {options.tasks:,} rows, each correcting its day's entry, median of "
                f"{options.repeats}", times, check=options.check, budget=options.budget,
                failing="FAIL: the corrections cost {ratio:.2f}× the first import (≤ {budget}× expected)")


if __name__ == "__main__":
    sys.exit(main())
