"""What `import progress` holds while it reads: its checked rows as compact columns, and the plan's indicators
its rows name (plain objects from the store's tuples), with what the store holds on a row's day."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate, compress, islice, repeat
from operator import add, ge, gt
from struct import pack
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from mstrack.domain.dates import ReportWindow
    from mstrack.errors import Message


class Checked:
    """The checked rows of an import, one compact column each (~23 bytes a row, where a row object with
    its note took ~300): what the comparison at the end needs. Their texts are not kept: they go to
    the store in chunks as they are checked (ReportBatch), or nowhere in a dry run."""

    __slots__ = ("day", "value", "file", "line", "stored", "of_indicator")

    def __init__(self):
        self.day = array("i")  # date.toordinal()
        self.value = array("d")
        self.file = array("H")  # index into the importer's files
        self.line = array("i")  # the spreadsheet's row number
        self.stored = array("b")  # what the store holds on that day: SAME value, OTHER value, NOTHING (or ASK, for now)
        self.of_indicator: dict[int, array] = {}  # indicator id → its rows' indices, in file order

    def rows_of(self, indicator: int) -> array:
        """The indices of an indicator's rows, an empty array until its first."""
        rows = self.of_indicator.get(indicator)
        if rows is None:
            rows = self.of_indicator[indicator] = array("i")
        return rows

    def add(self, indicator: int, on: date, value: float, file: int, line: int, stored: int) -> None:
        self.rows_of(indicator).append(len(self.day))
        self.day.append(on.toordinal())
        self.value.append(value)
        self.file.append(file)
        self.line.append(line)
        self.stored.append(stored)


def day_runs(checked: Checked) -> tuple[list[int], list[array], set[int], set[int]]:
    """settle's common case for every indicator at once, in C: the indicators with rows, in id order, their rows (the
    import's of_indicator, emptied), and by position in that order those whose rows are not one a day in day order
    (the loop's: _Importer._firsts) and those whose values, in that order, fall somewhere. The rows of a few
    thousand indicators at a time are laid end to end (arrays, bounded: a 1,000,000-row import holds no copy of its
    days and values); a pair of neighbours that does not rise is looked at only where both are of one indicator (the
    rare case), each found by bisection."""
    of_indicator = checked.of_indicator
    ids = sorted(of_indicator)
    groups = list(map(of_indicator.__getitem__, ids))
    of_indicator.clear()
    unordered: set[int] = set()
    falling: set[int] = set()
    day, value = checked.day.__getitem__, checked.value.__getitem__
    for start in range(0, len(groups), RUN_INDICATORS):
        part = groups[start:start + RUN_INDICATORS]
        seqs = array("i", b"".join(part))  # the arrays' bytes end to end
        days, values = packed("i", list(map(day, seqs))), packed("d", list(map(value, seqs)))
        ends = list(accumulate(map(len, part)))  # where each indicator's rows end (exclusive)
        lasts = set(map(add, ends, repeat(-1)))  # each indicator's last row: its pair with the next indicator's first
        for found, breaks in ((unordered, map(ge, days, islice(days, 1, None))), (falling, map(gt, values, islice(values, 1, None)))):
            found.update(start + bisect_right(ends, at) for at in set(compress(range(len(seqs)), breaks)).difference(lasts))
    return ids, groups, unordered, falling


def packed(typecode: str, values: list | range) -> array:
    """An array of numbers (a list, or a range), packed by struct in C: array() and extend() convert each number by
    PyArg_Parse (~175 machine instructions a number, 0.3 ms for 10,000), struct a third of that. The columns of a
    100,000-row import take ~700,000 numbers: ~15 ms. A number the type cannot hold raises (struct.error)."""
    return array(typecode, pack(f"{len(values)}{typecode}", *values))


RUN_INDICATORS = 2_000
"""Indicators whose rows day_runs lays end to end at a time."""


SAME, OTHER, NOTHING, ASK, KEPT = 0, 1, 2, 3, 4
"""What the store holds on a row's day: the same value, another, nothing; ASK until the store is asked
(the row's day is not after the indicator's latest report: `_Importer.resolve`); KEPT: another value, where an
earlier entry held the row's and a later one corrected it (the row is stale: the later entry is kept)."""
FALLS_ROWS = 10_000
"""Rows whose warnings about falls are worked out together (one read of what they could fall from)."""


class ImportIndicator:
    """What an import checks a row against, from the store's plain tuples (import_reads.import_indicators and
    import_terms): built by the per-row path for the tasks it reads, and for the columnar path's indicators only where
    settle's loop looks at one (Columns.state). `last`: the day of its latest report, None if it has none."""

    __slots__ = ("programme", "task", "indicator_id", "indicator", "kind", "unit", "comparator", "target", "last", "dues")

    def __init__(self, programme: str, row: tuple, terms: tuple):
        """`row` as import_indicators gives it: (task, indicator_id, indicator, kind, unit, last); `terms` as
        import_terms does: (comparator, target, dues). Unpacked in place, not passed by keyword: the keywords cost
        four times the unpacking."""
        self.programme = programme
        self.task, self.indicator_id, self.indicator, self.kind, self.unit, self.last = row
        self.comparator, self.target, self.dues = terms


class PlanReads:
    """The plan's indicators an import has read, for both chunk paths: the same tuples (Store.import_indicators);
    the per-row path's ImportIndicator objects, made once a task is named, with their terms (Store.import_terms),
    read only for the indicators an object is made of. `upto`: the newest report before the import (what rows are
    compared with), read before the first of them."""

    def __init__(self, store):
        self.store = store
        self.programmes: dict[str, tuple[int, dict[str, list[tuple]]] | None] = {}  # read whole: code → (year, by task)
        self.sizes: dict[str, tuple[int, int] | None] = {}  # programme code → (year, tasks in its plan), once read
        self.tasks: dict[tuple[str, str], list[ImportIndicator]] = {}  # (programme, task) → the per-row path's objects
        self.terms: dict[int, tuple] = {}  # indicator id → (comparator, target, dues), once an object needed them
        self.upto: int | None = None
        self.windows: dict[str, ReportWindow | None] = {}  # programme code → its window of reports, once read
        self.titles: dict[str, object | None] = {}  # programme code → its tasks' titles (progress_names.Titles), once a
        # file names its tasks in words or says who reports: read once an import, however many files do

    def programme_indicators(self, code: str):
        """The programme's year and all its indicators' tuples by task (the per-row path's read), or None."""
        if code not in self.programmes:
            if self.upto is None:
                self.upto = self.store.last_report_id()
            self.programmes[code] = self.store.import_indicators(code)
        return self.programmes[code]

    def programme_year(self, code: str) -> int | None:
        """The programme's year, None if there is none (read once with the plan's size: task_rows)."""
        known = self.programmes.get(code)
        if known is not None:
            return known[0]
        if code not in self.sizes:
            self.sizes[code] = self.store.import_programme(code)
        size = self.sizes[code]
        return None if size is None else size[0]

    def programme_window(self, code: str) -> ReportWindow | None:
        """The days a report to the programme may be dated (domain.dates.ReportWindow), None if there is no such
        programme; read once."""
        if code not in self.windows:
            self.windows[code] = None if self.programme_year(code) is None else self.store.programme_windows([code]).get(code)
        return self.windows[code]

    def task_rows(self, code: str, tasks: list[str]) -> dict[str, list[tuple]]:
        """The store's tuples of a known programme's `tasks` (a chunk's, not named before), by task: the columnar
        path's read, no object made. A chunk into a 20,000-task plan reads the few tasks it names; a chunk naming half
        the plan's tasks or more reads the whole plan in one scan (seeking each task costs about twice as much a task)
        and keeps it, so later chunks' tasks need no read."""
        if code not in self.programmes and 2 * len(tasks) < self.sizes[code][1]:
            if self.upto is None:
                self.upto = self.store.last_report_id()
            found = self.store.import_indicators(code, tasks)
            return found[1] if found is not None else {}  # None: the programme is gone, which the write lock rules out
        return self.programme_indicators(code)[1]

    def task_indicators(self, code: str, task: str, by_task: dict[str, list[tuple]]) -> list[ImportIndicator] | None:
        """The per-row path's objects of a task's indicators; the first a plan's read makes reads the terms of all the
        indicators it holds (the per-row path's read is the whole programme's), one read, not one a task."""
        found = self.tasks.get((code, task))
        if found is None and (rows := by_task.get(task)) is not None:
            if rows[0][1] not in self.terms:
                self.read_terms(row[1] for named in by_task.values() for row in named)
            found = self.tasks[(code, task)] = [self.indicator(code, row) for row in rows]
        return found

    def read_terms(self, ids) -> None:
        """The terms of the indicators given, those not read before, in one read: before objects are made of them."""
        terms = self.terms
        if missing := [indicator for indicator in ids if indicator not in terms]:
            terms.update(self.store.import_terms(missing))

    def indicator(self, code: str, row: tuple) -> ImportIndicator:
        """An object of a plan's tuple, its terms read (read_terms) or read now."""
        if row[1] not in self.terms:
            self.read_terms([row[1]])
        return ImportIndicator(code, row, self.terms[row[1]])


@dataclass
class ImportResult:
    """What an import did or would do: its counts, the rows the file itself repeats (apart from those stored before), its problems."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    unchanged_other: int = 0  # of those, rows with another note or reporter than the stored entry's: not stored
    skipped: int = 0
    kept: int = 0  # rows re-stating a value a later entry corrected: not written, the later entry kept
    kept_rows: list = field(default_factory=list)  # the first few of them, each a Message
    corrected_rows: list = field(default_factory=list)  # the first rows correcting a stored value: old → new, a Message each
    repeats: list[tuple[str, str]] = field(default_factory=list)  # (row, the earlier row it repeats): the file's own repeats
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    batch: int | None = None
    totals: list[str] = field(default_factory=list)  # the rows of totals (合计) skipped, as FILE:ROW

    def as_dict(self) -> dict:
        return {
            "inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged,
            "unchanged_other_note": self.unchanged_other,
            "kept_later_correction": self.kept,
            "skipped": self.skipped, "repeated": len(self.repeats), "errors": self.errors, "warnings": self.warnings,
            "batch": self.batch, "total_rows": len(self.totals),
        }


def number_of(value: float) -> int | float:
    """A value as the row gave it: integral ones as int (format_number writes them so)."""
    return int(value) if value.is_integer() else value


def file_order(message: str) -> tuple:
    """Errors by file and row, as the person fixing the file reads them."""
    place, _, _ = message.partition(": ")
    path, _, rest = place.partition(":")
    line = rest.split(":")[0]
    return (path, int(line) if line.isdigit() else 0)


_ROW_AT = re.compile(r":(\d+)(?::|$)|: sheet .*?, row (\d+)")
"""Where a bad row's problem says its row, after its file's name: "六月报送.xlsx:7:数值: …", "f.xlsx: sheet '表1', row 7, …"."""


def row_order(files: list[Path]) -> Callable[[Message], tuple[int, int]]:
    """The sort key that lists an import's problems file by file, as given, and row by row in each: the checks find
    them in their own order (a task named in words is looked up once the file is read: rows 7, 12, 9). A problem of
    no row (a file's own) goes first in its file's, one naming no file given after the last."""
    names = sorted(((str(path), at) for at, path in enumerate(files)), key=lambda item: -len(item[0]))

    def key(problem: Message) -> tuple[int, int]:
        text = str(problem)
        for name, at in names:
            if text.startswith(name) and (found := _ROW_AT.match(text, len(name))):
                return at, int(found[1] or found[2])
            if text.startswith(name):
                return at, 0
        return len(files), 0

    return key
