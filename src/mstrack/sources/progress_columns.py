"""`import progress`'s columnar path: a chunk of a file's rows, as sheets.TextRows (csv.reader's text, as rows) or
sheets.SheetRows (an .xlsx's typed cells: str, int, float, date, None for a blank; most sheets' as columns) gives
them, checked a column at a time with C-level builtins (the chunk's columns: rows.Cells, map over dict lookups and
str methods, one regex over the value column), and handed to the store as it is when every row passes.

It takes only what it can prove plain: programmes of one year and window, named exactly; a task and indicator that name one
indicator exactly (no trimming, no prefix, no text-only line); date cells the per-row path reads and
accepts; bare numbers (or with the indicator's own unit) within their limits, whole where the unit counts whole
things (quantities.whole_count); notes and reporters that can
be stored; of an .xlsx's typed cells, only the kinds the per-row path reads as the same text (a task number an
int, a date a date, a value an int or a float, a blank note or reporter None), and no row holding an error
value or an unsaved formula (a Marked row). Anything else, or any doubt, and the chunk goes through the row
paths (progress._Importer), which name every problem: messages, warnings, counts and row numbers stay theirs,
whichever path a chunk took.
"""

from __future__ import annotations

from array import array
from datetime import date
from itertools import compress, filterfalse, repeat
from operator import eq, gt, is_, itemgetter, le, ne, not_

from mstrack.domain.dates import ReportWindow
from mstrack.domain.limits import all_storable, text_problem
from mstrack.domain.quantities import count_scale, whole_count
from mstrack.sources.progress_cells import plain_limit, plain_numbers, plain_unit, reporter_given
from mstrack.sources.progress_rows import ASK, NOTHING, ImportIndicator, packed
from mstrack.sources.rows import Cells
from mstrack.vocabulary import SCHEDULE

COLUMNAR_ROWS = 1_000
"""The fewest rows a chunk needs for the columnar path: below it, looking up the whole plan costs more than it saves."""

_FIRST, _SECOND, _CODE_TASK = itemgetter(0), itemgetter(1), itemgetter(0, 1)
_ID, _NAME, _KIND = itemgetter(1), itemgetter(2), itemgetter(3)  # of the store's tuple (import_reads.import_indicators)


class Columns:
    """What the columnar path keeps between chunks of one import: the indicators of the tasks its chunks named, by
    their exact (programme, task, indicator) cells, and what a row needs of an indicator once it has met it. An
    indicator is its id and the store's tuple (import_reads.import_indicators), never an object: a province's
    import meets 20,000, each made into an ImportIndicator only where settle's loop needs one (state), its terms
    (import_terms) read then."""

    def __init__(self, importer):
        self.importer = importer
        self.exact: dict[tuple[str, str, str], int] = {}  # (programme code, task, name) → indicator id
        self.plain: dict[int, tuple] = {}  # indicator id → (programme code, the store's tuple)
        self.windows: dict[str, ReportWindow | None] = {}  # the programmes met, by code → their window (None: no such one)
        self.seen: set[tuple[str, str]] = set()  # the (programme, task) cells whose indicators were looked up
        self.met: dict[int, tuple] = {}  # indicator id → (last day or date.min, limit, suffix, the unit if it counts)
        self.units: dict[str, tuple] = {}  # an indicator's unit → (limit, the suffix its values may carry, the unit if it counts)

    def take(self, index: list[int | None], first: int, raw: Cells) -> bool:
        """Check a chunk of raw rows (numbered from `first`) and keep them all, or keep nothing and say False."""
        programme_at, task_at, name_at, day_at, value_at, note_at, reporter_at = index
        if None in (task_at, name_at, day_at, value_at):
            return False
        columns = raw.columns(max(i for i in index if i is not None) + 1)
        if columns is None:  # a row too short, or a Marked row of an .xlsx
            return False
        codes = columns[programme_at] if programme_at is not None else (self.importer.programme,) * len(raw)
        window = self._one_window(codes)
        if window is None:
            return False
        tasks = _task_texts(columns[task_at])
        if tasks is None:
            return False
        keys = list(zip(codes, tasks, columns[name_at], strict=True))
        ids = list(map(self.exact.get, keys))
        if None in ids:  # tasks not met before: their indicators read, then those rows looked up again
            missing = list(compress(range(len(keys)), map(is_, ids, repeat(None))))
            self._read(map(keys.__getitem__, missing))
            exact = self.exact
            for i in missing:
                ids[i] = exact.get(keys[i])
            if None in ids:
                return False
        days = self._days(columns[day_at], window)
        if days is None:
            return False
        numbers, suffixes = plain_numbers(columns[value_at])
        if None in numbers:
            return False
        if new := set(ids).difference(self.met):
            self._meet(new)
        met = list(map(self.met.__getitem__, ids))
        if not _values_fit(numbers, suffixes, met):
            return False
        texts = self._texts(columns, note_at, reporter_at, len(raw))
        if texts is None:
            return False
        self._keep(ids, met, days, numbers, *texts, first, columns[reporter_at] if reporter_at is not None else None)
        return True

    def _one_window(self, codes) -> ReportWindow | None:
        """The window of reports (year and days) of the chunk's programmes, read the first time each is met; None when
        one is unknown or they have two (the days of "6月底" differ with the year, the days taken with the window)."""
        windows = set()
        for code in set(codes):
            window = self.windows.get(code)
            if window is None:
                if type(code) is not str or not code or code != code.strip() or text_problem(code):
                    return None
                window = self.windows[code] = self.importer.plan.programme_window(code)
                if window is None:
                    return None
            windows.add(window)
        return windows.pop() if len(windows) == 1 else None

    def _read(self, keys) -> None:
        """The indicators of the chunk's (programme, task) cells not met before (PlanReads.task_rows), by their exact
        (programme, task, indicator) cells: only a name one indicator of its task has, not a text-only line, cells
        with nothing the per-row path would trim or split (a "/" in a task). A plan of one indicator a task (a
        province's) is keyed in C, the few keys that fail taken off after."""
        plan, exact, plain, seen = self.importer.plan, self.exact, self.plain, self.seen
        fresh = list(filterfalse(seen.__contains__, dict.fromkeys(map(_CODE_TASK, keys))))  # in the file's order
        seen.update(fresh)
        codes = dict.fromkeys(map(_FIRST, fresh))
        for code in codes:
            tasks = list(map(_SECOND, fresh)) if len(codes) == 1 else [task for at, task in fresh if at == code]
            by_task = plan.task_rows(code, tasks := _plain_tasks(tasks))
            tasks = list(compress(tasks, map(by_task.__contains__, tasks)))
            lists = list(map(by_task.__getitem__, tasks))
            if all(map(eq, map(len, lists), repeat(1))):
                rows = list(map(_FIRST, lists))
                ids, names = list(map(_ID, rows)), list(map(_NAME, rows))
                keys = list(zip(repeat(code), tasks, names))
                exact.update(zip(keys, ids, strict=True))
                plain.update(zip(ids, zip(repeat(code, len(ids)), rows, strict=True), strict=True))
                for at in {*compress(range(len(keys)), map(not_, names)),
                           *compress(range(len(keys)), map(ne, names, map(str.strip, names))),
                           *compress(range(len(keys)), map(eq, map(_KIND, rows), repeat(SCHEDULE)))}:
                    del exact[keys[at]]
                continue
            for task, rows in zip(tasks, lists, strict=True):
                names = [row[2] for row in rows] if len(rows) > 1 else None
                for row in rows:
                    name = row[2]
                    if row[3] != SCHEDULE and name and name == name.strip() and (names is None or names.count(name) == 1):
                        exact[(code, task, name)] = row[1]
                        plain[row[1]] = (code, row)

    def state(self, indicator: int) -> ImportIndicator:
        """An indicator with rows, as the object settle's loop and its messages read: the per-row path's, or one made
        of the columnar path's tuple the first time it is asked for (its terms read with the others' the loop needs:
        PlanReads.read_terms)."""
        states = self.importer.states
        state = states.get(indicator)
        if state is None:
            state = states[indicator] = self.importer.plan.indicator(*self.plain[indicator])
        return state

    def last(self, indicator: int) -> date | None:
        """The day of an indicator's latest report before the import (None: none), with no object made."""
        state = self.importer.states.get(indicator)
        return self.plain[indicator][1][5] if state is None else state.last

    def _days(self, cells: tuple, window: ReportWindow) -> list[date] | None:
        """The chunk's date cells as days, each distinct cell (a text, or an .xlsx's date) read once by the per-row
        path's own rule (progress_values.Values.day)."""
        dates = self.importer.dates.setdefault(window, {})
        for cell in set(cells).difference(dates):
            if not (cell.strip() if type(cell) is str else type(cell) is date):
                return None  # a blank (the --as-of), or a kind the per-row path makes text first
            if not isinstance(self.importer.day(cell, window), date):
                return None
        return list(map(dates.__getitem__, cells))

    def _meet(self, ids: set) -> None:
        """What the rows of indicators met for the first time need of them, as the per-row path keeps it (their rows'
        arrays come with their first kept rows: _keep); a unit's limit and suffix worked out once for all its
        indicators (a plan has a few dozen units for 20,000 indicators), each indicator's limit lowered to the figure
        far above its annual target (progress_cells.plain_limit: the per-row path warns of it, as `log` does)."""
        units, plain, plan = self.units, self.plain, self.importer.plan
        rows = list(map(_SECOND, map(plain.__getitem__, ids)))
        for unit in {row[4] for row in rows}.difference(units):
            units[unit] = (plain_limit(unit), plain_unit(unit), unit if count_scale(unit) is not None else None)
        plan.read_terms(ids)  # the annual targets: a value far above its own goes the per-row path, which warns of it
        terms, met = plan.terms, self.met
        for row in rows:
            limit, *rest = units[row[4]]
            comparator, target, _ = terms[row[1]]
            if target is not None and target > 0:
                limit = min(limit, plain_limit(row[4], target, comparator))
            met[row[1]] = (row[5] or date.min, limit, *rest)

    def _texts(self, columns: list[tuple], note_at: int | None, reporter_at: int | None, n: int) -> tuple | None:
        """The notes and reporters to store, trimmed (a blank one None, a blank reporter --by's), or None when
        one cannot be stored (the per-row path names it) or is not text (an .xlsx's number: the per-row path's)."""
        importer = self.importer
        notes = columns[note_at] if note_at is not None else ()
        cells = columns[reporter_at] if reporter_at is not None else ()
        texts = [*notes, *cells]
        kinds = set(map(type, texts))
        if not kinds <= _TEXTS or not all_storable(filter(None, texts) if _NONE in kinds else texts):
            return None
        if notes:
            notes = list(map(str.strip, notes)) if None not in notes else [note.strip() if note else "" for note in notes]
            if "" in notes:
                notes = [note or None for note in notes]
        else:
            notes = repeat(None, n)
        if not cells:
            return notes, repeat(importer.by, n)
        reporters = importer.reporter_cells
        for cell in set(cells).difference(reporters):
            if cell is not None:  # an .xlsx's blank: --by's (reporters.get's default)
                importer.reporter_of(cell)
        return notes, list(map(reporters.get, cells, repeat(importer.by)))

    def _keep(self, ids: list, met: list[tuple], days: list[date], numbers: list[float], notes, reporters,
              first: int, cells: tuple | None) -> None:
        """The chunk's rows kept as _Importer.keep keeps each: in the checked columns, asked about where the store
        may hold their day (with who reports each, `cells` the 填报人 column's: Comparing._other_reporters), and
        written (a real import with no problem so far)."""
        importer = self.importer
        checked, n = importer.checked, len(ids)
        seq = len(checked.day)
        write = importer.writer is not None and not importer.result.errors
        later = list(map(gt, days, map(_LAST, met)))  # after the indicator's latest report: nothing stored that day
        if all(later):
            checked.stored.extend(array("b", (NOTHING,)) * n)  # an array's bytes repeated: no number converted
        else:
            checked.stored.extend(packed("b", list(map(_FLAG.__getitem__, later))))
            at = len(importer.pending)
            asking = list(compress(range(n), map(not_, later)))
            importer.asked.extend((seq + i, ids[i], at + i if write else -1) for i in asking)
            by = importer.by  # a plain file (no 填报单位): the reporter, whether its cell gave it, no unit, no return
            importer.asked_by.update((seq + i, (by, False, None, False) if cells is None else
                                      (reporters[i], reporter_given(cells[i]), None, False)) for i in asking)
        rows = checked.of_indicator
        if fresh := set(ids).difference(rows):  # indicators keeping their first rows (as Checked.rows_of makes them)
            rows.update(zip(fresh, map(array, repeat("i", len(fresh))), strict=True))
        any(map(_APPEND, map(rows.__getitem__, ids), range(seq, seq + n)))  # each row's index into its indicator's rows, in C
        checked.day.extend(packed("i", list(map(date.toordinal, days))))  # arrays extended by arrays: copied (packed)
        checked.value.extend(packed("d", numbers))
        checked.file.extend(array("H", (len(importer.files) - 1,)) * n)
        checked.line.extend(packed("i", range(first, first + n)))
        if write:
            importer.pending.extend(zip(ids, importer.writer.bound_days(days), numbers, notes, reporters,
                                        repeat(importer.source), repeat(None)))  # a plain file: no 填报单位


_LAST, _LIMIT, _UNIT, _COUNTED = itemgetter(0), itemgetter(1), itemgetter(2), itemgetter(3)
_NO_COUNT = {None}
_NONE = type(None)
_TEXTS = frozenset((str, _NONE))  # not Uncomputed, nor a number the per-row path would make text


def _task_texts(cells: tuple) -> tuple | None:
    """A chunk's task cells as the per-row path reads them: texts as they are, an .xlsx's whole numbers as their
    digits (cell_text: 5 is "5"); None for any other kind (the per-row path's)."""
    kinds = set(map(type, cells))
    if kinds == _STR:
        return cells
    return tuple(map(str, cells)) if kinds <= _STR_INT else None


_STR, _STR_INT = {str}, {str, int}
_FLAG = {True: NOTHING, False: ASK}
_APPEND = array.append


def _plain_tasks(tasks: list) -> list:
    """The task cells the per-row path takes as they are: text, not blank, nothing to trim, no "/" to split."""
    if set(map(type, tasks)) - _STR:
        tasks = [task for task in tasks if type(task) is str]
    odd = {*compress(tasks, map(not_, tasks)), *compress(tasks, map(str.__contains__, tasks, repeat("/"))),
           *compress(tasks, map(ne, tasks, map(str.strip, tasks)))}
    return [task for task in tasks if task not in odd] if odd else tasks


def _values_fit(numbers: list, suffixes: list, met: list) -> bool:
    """Every value within its indicator's limit (above 100 % is a warning, too large an error: the per-row path says
    which), a whole count where its unit counts whole things (quantities.whole_count: else the per-row path names
    it), and every suffix ("65.5%") its indicator's own unit, checked pair by distinct pair."""
    if not all(map(le, numbers, map(_LIMIT, met))):
        return False
    if "%" in map(_UNIT, met) and any(0 < number <= 1 and unit == "%" for number, unit in zip(numbers, map(_UNIT, met), strict=True)):
        return False  # a fraction (0.47, 1) on a % indicator: the per-row path warns of 0.47 meant as 47% (Values.fraction)
    if (set(map(_COUNTED, met)) != _NO_COUNT and not all(map(float.is_integer, numbers))
            and not all(counted is None or whole_count(number, counted)
                        for number, counted in zip(numbers, map(_COUNTED, met), strict=True))):
        return False
    return not any(suffixes) or all(suffix is None or suffix == unit
                                    for suffix, unit in set(zip(suffixes, map(_UNIT, met), strict=True)))
