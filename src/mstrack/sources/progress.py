"""`mstrack import progress`: unit reports from spreadsheets, validated whole before anything is written.

Every row is checked first; one bad row anywhere and nothing is written, and every bad row is
named as FILE:ROW:COLUMN. Importing the same file twice adds nothing; a changed value for the same
indicator and date is added as a correction (the later entry wins a tie on date).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from itertools import islice, repeat
from operator import attrgetter, itemgetter
from pathlib import Path

from mstrack.domain.dates import LEAP_YEAR, DateError, ReportWindow, parse_date
from mstrack.domain.limits import text_problem
from mstrack.domain.progress import done_word as is_done_word
from mstrack.domain.quantities import whole_count
from mstrack.errors import InputError, Message, readable_name
from mstrack.filesystem import same_file
from mstrack.sources.files import folder_and_name, read_as
from mstrack.sources.progress_cells import (
    FIELDS,
    picked,
    plain_chunk,
    reporter_given,
    reporter_text,
    split_remark,
    text_value,
    unit_bracket,
)
from mstrack.sources.progress_columns import COLUMNAR_ROWS, Columns
from mstrack.sources.progress_compare import Comparing
from mstrack.sources.progress_form import FormDates, FormRows, title_date
from mstrack.sources.progress_measure import UnitCells
from mstrack.sources.progress_merged import MergedValues
from mstrack.sources.progress_names import TITLE_COLUMN, UNIT_COLUMN, NamedRows
from mstrack.sources.progress_place import HANDLED, Placing
from mstrack.sources.progress_rows import ASK, NOTHING, Checked, ImportIndicator, ImportResult, PlanReads, row_order
from mstrack.sources.progress_sheets import UNIT_WORDS, hidden_columns, hidden_rows, hidden_values, progress_sheet
from mstrack.sources.progress_unread import UnreadColumns
from mstrack.sources.progress_values import Values
from mstrack.sources.progress_weeks import WeekSigns
from mstrack.sources.rows import Shown, Uncomputed, figure_of
from mstrack.sources.sheets import Table, find_table, header_key, read_rows
from mstrack.vocabulary import SCHEDULE

COLUMNS = {
    "programme": {"programme", "计划", "项目编号", "计划编号", "计划代码"},
    "task": {"task", "任务编号", "序号", "任务", "任务序号", "编号"},
    "indicator": {"indicator", "指标", "指标名称"},
    "as_of": {"as_of", "asof", "截至日期", "日期", "截止日期", "统计日期"},
    "value": {"value", "数值", "完成值", "累计完成值", "累计完成"},
    "note": {"note", "备注", "说明"},
    "reporter": {"reporter", "填报人", "报送人"},
    "title": TITLE_COLUMN,
    "unit": UNIT_COLUMN,
    "measure": {"measure", "计量单位"},  # the indicator's unit, as the template writes it: checked (progress_measure)
    "target": {"target", "本期目标"},  # the template's: an 指标 cell merged over rows of two targets (progress_merged)
}
COLUMNS = {key: {header_key(name) for name in names} for key, names in COLUMNS.items()}
REQUIRED = (("task", "title"), "value")
"""The columns a progress table's header names: a task (or its title) and a value."""


CHUNK_ROWS = 10_000
"""Checked rows written at a time: the texts of a million-row file are never held together."""


class _Importer(Values, Comparing, FormRows, Placing):
    """One import: each file's table found and its rows read here, placed on the plan's indicators by Placing
    (progress_place); their cells made values by Values (progress_values); compared with the store and written by
    Comparing (progress_compare)."""

    def __init__(self, store, programme: str | None, default_as_of: date | str | None, by: str | None, today: date,
                 by_given: bool = False):
        self.store = store
        self.programme = programme
        self.default_as_of = default_as_of  # a date, or words naming no year: read in each row's programme's days
        self.by = by
        self.by_given = by_given  # --by itself, not the login name: a reporter cell must agree with it
        self.today = today
        self.plan = PlanReads(store)  # the plan's indicators the rows name, read as they are met
        self.result = ImportResult()
        self.checked = Checked()
        self.states: dict[int, ImportIndicator] = {}  # the indicators with rows, by id (the columnar path's: Columns.state)
        self.indicators: dict[tuple, ImportIndicator] = {}  # (programme, task, name, done word) → match
        self.places: dict[tuple, tuple] = {}  # the same by the row's own cells: (year, indicator)
        self.year_codes: dict[int, list[str]] = {}  # a year → its programmes' codes, read for a row dated outside its own
        self.dates: dict[ReportWindow, dict] = {}  # a programme's window → date cell → the date it gave, checked
        self.reporters: dict[str, str] = {}
        self.reporter_cells: dict[str, str | None] = {}  # the chunk path's: a reporter cell as it is → its text
        self.fast: dict[tuple, tuple] = {}  # (programme, task, indicator) cells of a plain row → what the chunk path needs
        self.files: list[Path] = []
        self._known_codes: list[str] | None = None  # the store's programme codes, read for a row naming none of them
        self.writer = None  # a ReportBatch, in a real import
        self.pending: list[tuple] = []  # checked rows to write, up to CHUNK_ROWS
        self.asked: list[tuple[int, int, int]] = []  # rows to ASK about: (seq, indicator id, index in pending or -1)
        self.asked_by: dict[int, tuple] = {}  # of those, who reports each: seq → (reporter as stored, whether a 填报人
        # cell gave it, reporting unit or None, whether the file is a unit's return): Comparing._other_reporters
        self.unit_return = False  # the file read says who reports (填报单位): a correction of another's takes no note
        self.row_units: dict[int, str] = {}  # the chunk's rows' reporting units (填报单位), by row number (NamedRows.rows)
        self.reason: str | None = None  # --reason: a correction said as one (another reporter's value replaced)
        self.columns = Columns(self)
        self.merged: MergedValues | None = None  # the file's value and note cells merged over several rows or into the note column
        self.units: UnitCells | None = None  # the file's 计量单位 cells, compared with its rows' indicators once it is read
        self.unread: UnreadColumns | None = None  # the file's columns not read, with text: said once it is read
        self.chunk: list = []  # the rows being read (Row): a row with no task is quoted from them (_no_task)
        self.form_dates = FormDates()  # the files' 上次日期 cells (a form's week: Comparing._corrections)
        self.weeks = WeekSigns()  # each file's corrections, for a later week's figures on an older form (progress_weeks)
        self.form_rows: dict[int, tuple] = {}  # the file's rows with no figure: their indicators (_form_row)
        self.title_as_of: date | str | None = None  # the file's title's date (截至…), its rows' with no date and no --as-of;
        # the words of a date with no year ("5月31日"): the day in the year of each row's programme (day)
        self.title_days: set[date] = set()  # the days a title with no year gave the file's rows
        self.title_used = False  # a row of the file took it (day)
        self.title_said = ""  # the title that says it
        self.refused_given: set[tuple] = set()  # a title's or --as-of's date the row checks refused, named once
        self.fractions: dict[tuple[int, int], tuple] = {}  # (file, row) → (column, warning): 0.85 on a % line (Values)

    def read(self, path: Path, sheet: str | None, on_row: Callable[[int], None] | None) -> None:
        if (first := _given_before(path, self.files)) is not None:  # its rows would all repeat themselves
            self.result.errors.append(Message("{path}: given twice (also as {first}); give each file once",
                                              path=path, first=first))
            return
        self.files.append(path)
        self.source = readable_name(path.name)
        self.row_units = {}
        if problem := text_problem(self.source):  # the name is kept with each report
            self.result.errors.append(Message("{path}: file name: {problem}", path=path, problem=problem))
            return
        try:
            read_as(path, self.result.warnings)  # an .xls that is a web page or an .xlsx: read as what it is, said so
            listed: list[str] = []  # the workbook's sheets, listed once for the chooser and the error alike
            if sheet is None:
                sheet = progress_sheet(path, COLUMNS, REQUIRED, UNIT_WORDS, self.result.warnings, listed)
            else:  # chosen with --sheet: no other sheet to name in a refusal (views52)
                listed = [sheet]
            table = find_table(path, read_rows(path, sheet), COLUMNS, REQUIRED, listed or None)
        except InputError as error:
            self.result.errors.extend(error.messages)
            return
        if "programme" not in table.columns and self.programme is None:  # the store's codes named, never one guessed
            self.result.errors.append(no_programme(path, self.store.programme_codes()))
            return
        self._title_date(table, path)
        if "as_of" not in table.columns and self.default_as_of is None and self.title_as_of is None:
            self.result.errors.append(Message("{path}: no date column (截至日期) and no --as-of", path=path))
            return
        index = [table.columns.get(name) for name in FIELDS]
        # The cells of FIELDS picked in one C call; a column the file lacks reads a None appended to each row.
        missing = None in index
        pick = itemgetter(*(-1 if i is None else i for i in index))
        width = max(i for i in index if i is not None) + 1
        named = NamedRows.of(self, table, table.columns)  # a file naming its tasks in words, or who reports: row by row
        self.unit_return = named is not None and (named.unit is not None or named.unit_at is not None)
        chunked = table.rows if hasattr(table.rows, "chunk") and named is None else None  # a .csv's or .xlsx's: its rows' cells as read
        pinned = self._pinned(table)
        before = self._rows_met()
        reporters_before = set(self.reporters) if self.by_given and "reporter" in table.columns else None
        if pinned:
            chunked = None
        rest = iter(table.rows)
        self.merged = MergedValues.of(table)
        self.units = UnitCells.of(table, len(self.checked.day))
        self.form_dates.start(table, len(self.files) - 1)
        self.unread = UnreadColumns.of(table)
        while chunk := self._next_chunk(chunked, rest, index, on_row):
            self.chunk = chunk
            if named is not None or pinned:
                lines, rows = named.rows(chunk, index) if named is not None else picked(chunk, index, pick, width)
                if not pinned:
                    self._read_chunk(table, lines, rows)
                    continue
                for line, cells in zip(lines, rows, strict=True):
                    self._read_row(table, line, cells)
                continue
            cells_of = list(map(_CELLS, chunk))
            if min(map(len, cells_of)) >= width and all(map(any, cells_of)):
                # the common chunk, checked in C: no blank row, none shorter than the header
                if missing:  # the None each row's missing columns read, appended in C (list.append gives None: any runs it all)
                    any(map(list.append, cells_of, repeat(None)))
                self._read_chunk(table, list(map(_NUMBER, chunk)), list(map(pick, cells_of)))
            else:
                self._read_chunk(table, *picked(chunk, index, pick, width))
        if named is not None:
            named.end()
        self._typed_over(table)
        if self.units is not None:
            self.result.errors.extend(self.units.problems(self.checked, self._described))
        if self.merged is not None:
            self.result.errors.extend(self.merged.problems())
            self.result.warnings.extend(self.merged.notes())
        self.result.warnings.extend(filter(None, (hidden_rows(table), hidden_columns(table))))
        self.result.warnings.extend(self.unread.notes())
        self.chunk = []
        if (shut := hidden_values(table)) is not None:
            self.result.errors.append(shut)
        if self._rows_met() == before:  # a header and nothing under it (a header-only CSV): as an empty file is
            self.result.errors.append(Message("{path}: no rows under the header: nothing to import", path=path))
        if self.title_used and len(self.title_days) > 1:  # "截至5月31日" over rows of programmes of two years
            self.result.errors.append(Message(
                "{path}: its title says “{title}”, a date with no year, and its rows are of programmes of different years "
                "({days}); give --as-of (the date of its rows with none)", path=path, title=self.title_said,
                days=", ".join(map(str, sorted(self.title_days)))))
        elif self.title_used:
            self.result.warnings.append(Message("{path}: rows with no date are as of {on}, the date its title gives "
                                                "(“{title}”); --as-of gives another", path=path,
                                                on=next(iter(self.title_days), self.title_as_of), title=self.title_said))
        if reporters_before is not None and (own := sorted(set(self.reporters) - reporters_before - {self.by})):
            self.result.warnings.append(Message(
                "{path}: --by {option} is the reporter of the rows with no 填报人 only; rows naming their own kept it: "
                "{names}", path=path, option=self.by, names="、".join(own[:5]) + ("…" if len(own) > 5 else "")))

    def _title_date(self, table: Table, path: Path) -> None:
        """The as-of date a form's title states (progress_form.title_date): with no --as-of, the date of this file's
        rows that give none (title_as_of; day() takes it and says it was used: title_used); one that disagrees
        with --as-of is a warning naming both, --as-of standing."""
        self.title_as_of, self.title_used, self.title_days = None, False, set()
        for dates in self.dates.values():
            dates.pop(None, None)  # a blank date cell of the file before read its title's date, or no date
        if (titled := title_date(table.above)) is None:
            return
        on, self.title_said = titled
        if self.default_as_of is None:
            self.title_as_of = on
            return
        option = self.default_as_of  # its words where they name no year: both read in one year, to compare
        year = option.year if isinstance(option, date) else on.year if isinstance(on, date) else LEAP_YEAR
        with contextlib.suppress(DateError):  # 2月29日 beside a title of 2023: no one day, said as two
            on, option = (parse_date(each, year) if isinstance(each, str) else each for each in (on, option))
        if on != option:
            self.result.warnings.append(Message(
                "{path}: its title says {title} (as of {on}), but --as-of {option} was given: rows with no date are "
                "stored as of {option}; check which is meant", path=path, title=self.title_said, on=on,
                option=self.default_as_of))

    def _described(self, indicator: int) -> tuple[str, str, str]:
        """An indicator with rows as (name, kind, unit), whichever path kept them (the columnar one makes no object)."""
        state = self.states.get(indicator)
        if state is None:
            row = self.columns.plain[indicator][1]
            return row[2], row[3], row[4]
        return state.indicator, state.kind, state.unit

    def _rows_met(self) -> tuple[int, ...]:
        """How many rows were checked, skipped, refused or taken as totals so far: unchanged by a file with none."""
        result = self.result
        return len(self.checked.day), result.skipped, len(result.errors), len(result.totals)

    def _pinned(self, table: Table) -> bool:
        """Whether an option (--programme, --as-of) names what a column of the file gives too: then every row goes
        the per-row path, which refuses a cell that disagrees with the option (_place, day). A task cell
        saying PROGRAMME/CODE is checked by _place on every path (the columnar one leaves such rows to it)."""
        given = {"programme": self.programme is not None, "as_of": self.default_as_of is not None}
        return any(given[name] and name in table.columns for name in given)

    def _next_chunk(self, chunked, rest, index: list[int | None], on_row: Callable[[int], None] | None) -> list:
        """The next rows of the file to read row by row; a .csv's or .xlsx's chunks (sheets.TextRows, SheetRows)
        that the columnar path takes whole (progress_columns) are kept on the way and never become rows."""
        while True:
            if chunked is None:
                chunk = list(islice(rest, CHUNK_ROWS))
                if self.merged is not None:
                    self.merged.see(chunk)
                if self.units is not None:
                    self.units.see(chunk)
                self.form_dates.see(chunk)
                self.unread.see(chunk)
                if on_row and len(chunk) == CHUNK_ROWS:
                    on_row(chunk[-1].number)
                return chunk
            first, cells = chunked.chunk(CHUNK_ROWS)
            if self.merged is not None:
                self.merged.see_cells(first, cells)
            if self.units is not None:
                self.units.see_cells(first, cells)
            self.form_dates.see_cells(first, cells)
            self.unread.see_cells(first, cells)
            if on_row and len(cells) == CHUNK_ROWS:
                on_row(first + CHUNK_ROWS - 1)
            if len(cells) < COLUMNAR_ROWS or not self.columns.take(index, first, cells):
                return chunked.rows_of(first, cells)
            if len(self.pending) >= CHUNK_ROWS or len(self.asked) >= CHUNK_ROWS:
                self.flush()

    def _read_chunk(self, table: Table, lines: list[int], rows: list[tuple]) -> None:
        """Rows in FIELDS order, checked a chunk at a time where they are plain (a bare number, a date and
        an indicator met before, notes and reporters that can all be stored: most rows of a bulk import),
        each in one loop step; any other row goes through _read_row, which names every problem."""
        numbers, suffixes = plain_chunk(rows)
        read_row, fast, reporters, by, errors = self._read_row, self.fast, self.reporter_cells, self.by, self.result.errors
        checked, source, file = self.checked, self.source, len(self.files) - 1
        day, value, files, line_of, stored_of = checked.day, checked.value, checked.file, checked.line, checked.stored
        pending = self.pending if self.writer is not None else None
        asked, asked_by, unit_return = self.asked, self.asked_by, self.unit_return
        units = self.row_units
        for line, cells, number, suffix in zip(lines, rows, numbers, suffixes, strict=True):
            place = None if number is None else fast.get(cells[:3]) or self._first_place(table, line, cells)
            if place is None:
                read_row(table, line, cells)
                continue
            if place is HANDLED:
                continue
            indicator, last, of_indicator, dates, limit, unit, counted = place
            as_of = dates.get(cells[3])
            if (as_of is None or number > limit or (suffix is not None and suffix != unit) or 0 < number <= 1 and unit == "%"
                    or counted is not None and not whole_count(number, counted)):  # not a whole count: the per-row path names it
                read_row(table, line, cells)
                continue
            note, who = cells[5], cells[6]
            if note is not None:
                note = note.strip() or None
            if who is None:
                reporter = by
            elif (reporter := reporters.get(who)) is None:
                reporter = self.reporter_of(who)
            seq = len(day)
            write = pending is not None and not errors
            if as_of > last:  # after the indicator's latest report: nothing stored that day
                stored_of.append(NOTHING)
            else:
                stored_of.append(ASK)
                asked.append((seq, indicator, len(pending) if write else -1))
                asked_by[seq] = (reporter, reporter_given(who), units.get(line), unit_return)
            of_indicator.append(seq)
            day.append(as_of.toordinal())
            value.append(number)
            files.append(file)
            line_of.append(line)
            if write:
                pending.append((indicator, as_of, number, note, reporter, source, units.get(line) if units else None))
        if len(self.pending) >= CHUNK_ROWS or len(asked) >= CHUNK_ROWS:
            self.flush()

    def _read_row(self, table: Table, line: int, cells: tuple) -> None:
        """One row's cells in FIELDS order: checked and kept (keep), or every problem named."""
        if Uncomputed in map(type, cells):  # a 合计 row's unsaved =SUM(…) is no task's figure: skipped as a total row
            if not self._total(table, line, *cells[:3]):
                self._uncomputed(table, line, cells)
            return
        if Shown in map(type, cells[:4]):  # 第1项: a code or date column reads the number, not its format's text
            cells = (*map(figure_of, cells[:4]), *cells[4:])
        programme_cell, task_cell, name_cell, as_of_cell, value_cell, note_cell, reporter_cell = cells
        value = text_value(value_cell)
        remark = None
        if value is not None and ("(" in value or "（" in value):
            value, remark = split_remark(value)
        done_word = is_done_word(value)
        # The same few hundred (programme, task, indicator) cells come back in every round of reports:
        # found once, they are one lookup (only cells that passed every check are remembered).
        place = self.places.get((programme_cell, task_cell, name_cell, done_word)) if value is not None else None
        if place is None:
            place = self._place(table, line, programme_cell, task_cell, name_cell, value, done_word, text_value(note_cell))
            if place is None:
                return
        window, state = place
        if remark is not None:
            value, remark = unit_bracket(text_value(value_cell), value, remark, state.unit)
        as_of = self._date(as_of_cell, window, table, line, state.programme)
        if as_of is None:
            return
        number = self._number(state, value, done_word, as_of, table, line, typed=type(value_cell) is not float)
        if number is None:
            return
        texts = self._texts(table, line, note=text_value(note_cell), remark=remark, reporter=reporter_text(reporter_cell),
                            done=value if done_word and state.kind != SCHEDULE else None)
        if texts is None:
            return
        self.keep(state, as_of, number, *texts, line, self.row_units.get(line), given=reporter_given(reporter_cell))
        if not done_word and remark is None:
            self._remember(cells[:3], place)

_CELLS, _NUMBER = attrgetter("cells"), attrgetter("number")


def _given_before(path: Path, earlier: list[Path]) -> Path | None:
    """The earlier path that names the same file as `path` (however spelled: a link, ./x; filesystem.same_file), or
    None."""
    return next((other for other in earlier if same_file(path, other)), None)


def import_progress(
    store, paths: list[Path], *, programme: str | None, sheet: str | None, default_as_of: date | str | None,
    by: str | None, today: date, dry_run: bool, on_row: Callable[[int], None] | None = None,
    reason: str | None = None, confirm: Callable[[ImportResult], None] | None = None, by_given: bool = False,
) -> ImportResult:
    """Read the files, compare them with the store, write what is new as one batch. A real import holds
    the write lock from before it reads the store to its commit (Store.locked): two imports of one file
    at once cannot both find its rows new; the second finds them already there. Checked rows are written
    in chunks as they are read, inside that one transaction; a bad row anywhere, found at the end,
    rolls every chunk back. `confirm` gets the result just before the commit (the CLI prints it there:
    an output that fails stores nothing)."""
    importer = _Importer(store, programme, default_as_of, by, today, by_given)
    importer.reason = reason
    try:
        with contextlib.ExitStack() as transaction:
            if not dry_run:  # the batch is left (its COPY ended or aborted) before the transaction ends
                transaction.enter_context(store.locked("import progress"))
                importer.writer = transaction.enter_context(store.report_batch(
                    "import progress", source=", ".join(folder_and_name(path) for path in paths), reason=reason))
            for path in paths:
                importer.read(path, sheet, on_row)
            importer.flush()  # the last rows compared with the store (and written) before the file is settled
            importer.result.errors.sort(key=row_order(importer.files))  # FILE:ROW as a clerk fixes a sheet: top down
            if not importer.result.errors:
                importer.settle()
            result = importer.result
            if result.errors:
                raise _Discarded
            if importer.writer is not None:
                importer.writer.end()  # every row stored (or the server's error raised) before confirm prints
                importer.writer.drop_repeats(sorted(importer.repeated))
                importer.writer.none_if_empty()  # every row already there: no batch, as before
                result.batch = importer.writer.id
                if result.batch is not None and confirm is not None:
                    confirm(result)
    except _Discarded:
        result.inserted = result.updated = result.unchanged = result.unchanged_other = result.kept = 0
        result.repeats, result.kept_rows, result.corrected_rows = [], [], []
    finally:  # the importer and its Columns refer to each other: a cycle that would keep every object the import
        # made (100,000 rows: ~200,000) for the cycle collector, which then spent ~0.17 s walking them; broken,
        # they are freed as the import returns
        importer.columns = None
    return result


def no_programme(path: Path, codes: list[str]) -> Message:
    """A file with no 计划 column and no --programme: the option to give and the store's codes to give it (trial57 F10),
    the only one said as such; read as no one's programme unasked, since the file may be another year's."""
    if len(codes) == 1:
        return Message("{path}: no programme column (计划) and no --programme; the store holds one programme: give "
                       "--programme {code} if the file reports on it", path=path, code=codes[0])
    if not codes:
        return Message("{path}: no programme column (计划) and no --programme; the store holds no programme yet "
                       "(`mstrack import plan FILE.toml` adds one)", path=path)
    return Message("{path}: no programme column (计划) and no --programme: give --programme CODE, one of {codes}",
                   path=path, codes=", ".join(codes[:8]) + (f" … ({len(codes)})" if len(codes) > 8 else ""))


class _Discarded(Exception):
    """Raised inside the write transaction to roll back what an import with problems wrote."""
