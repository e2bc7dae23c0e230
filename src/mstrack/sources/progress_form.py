"""The week a returned form was made for, as its own rows say it: mstrack's template prefills each row's 上次日期 with the
day of the indicator's latest report when the form was made (render/template.py). A row that would correct a stored
report dated after its 上次日期 (or, 上次日期 empty, any stored report) comes from a form made before that report: last
week's form filled in again with this week's figures would replace last week's on last week's date as a plain
correction (safety47 F2). Such a row, correcting another file's report, is refused unless --reason says it is meant
(progress_compare.Comparing._corrections).

The cells are kept as they are met (see, see_cells: every path's rows pass there first), only for a file with the
column (a unit's own table has none), by file and row number, with the 上次报送 cells that are not empty: a row whose
上次日期 or 上次报送 the form did not print (a later day, a figure where none was stored, or a figure edited with its
day kept) is said once its file is read, with a figure or not, whichever path read it (typed_over). So is the 本期目标
the form printed beside a value that is a word (已完成): the figure the unit says it met, read against the plan as it
is now (progress_values: trial51 D1)."""

from __future__ import annotations

import contextlib
import re
from datetime import date, datetime
from typing import NamedTuple

from mstrack.domain.dates import LEAP_YEAR, DateError, parse_date
from mstrack.domain.names import typed_code
from mstrack.domain.progress import check_value
from mstrack.domain.quantities import format_number
from mstrack.domain.readings import checkpoints_met
from mstrack.errors import InputError, Message
from mstrack.sources.progress_cells import text_value
from mstrack.sources.rows import Cells, Row
from mstrack.sources.sheets import Table, header_key
from mstrack.vocabulary import CHECKPOINTS_UNIT, SCHEDULE

LAST_DATE_HEADERS = frozenset(map(header_key, ("上次日期",)))
"""The template's column of the day its row's latest report was, when the form was made."""
LAST_VALUE_HEADERS = frozenset(map(header_key, ("上次报送",)))
"""The template's column of its row's latest report's figure, when the form was made."""
MADE_BEFORE_ANY = date.min
"""An empty 上次日期: the form was made before its indicator had any report."""


class FormDates:
    """The 上次日期 of the rows of the files read, by (file, row number): a date, MADE_BEFORE_ANY, or absent (no such
    column, or a cell that is no date: nothing known); and the 本期目标 cell of those whose value is a word (`printed`)."""

    def __init__(self):
        self.by_row: dict[tuple[int, int], date] = {}
        self.targets: dict[tuple[int, int], object] = {}  # (file, row) → the 本期目标 cell beside a word (已完成)
        self.last_values: dict[tuple[int, int], str] = {}  # (file, row) → a 上次报送 that is not empty
        self.last_value_at: int | None = None
        self.last_value_header: str | None = None
        self.at: int | None = None
        self.target_at: int | None = None
        self.value_at: int | None = None
        self.header: str | None = None
        self.file = -1

    def start(self, table: Table, file: int) -> None:
        """A file's table: its 上次日期 column, if it has one, and its 本期目标 and value columns."""
        self.file = file
        self.at = next((at for at, header in enumerate(table.headers)
                        if isinstance(header, str) and header_key(header) in LAST_DATE_HEADERS), None)
        if self.at is not None:
            self.header = table.headers[self.at]
        self.last_value_at = next((at for at, header in enumerate(table.headers)
                                   if isinstance(header, str) and header_key(header) in LAST_VALUE_HEADERS), None)
        if self.last_value_at is not None:
            self.last_value_header = table.headers[self.last_value_at]
        self.target_at, self.value_at = table.columns.get("target"), table.columns.get("value")
        if self.value_at is None:
            self.target_at = None

    def see(self, rows: list[Row]) -> None:
        """Rows as the per-row path reads them."""
        if self.at is not None:
            at = self.at
            for row in rows:
                self._add(row.number, row.cells[at] if at < len(row.cells) else None)
        if (at := self.last_value_at) is not None:
            for row in rows:
                self._last_value(row.number, row.cells[at] if at < len(row.cells) else None)
        if self.target_at is not None:
            for row in rows:
                self._target(row.number, row.cells)

    def see_cells(self, first: int, cells: Cells) -> None:
        """A chunk of rows' cells as the columnar path takes them, its first row numbered `first`."""
        if self.at is not None:
            for number, cell in enumerate(cells.column(self.at), start=first):
                self._add(number, cell)
        if self.last_value_at is not None:
            for number, cell in enumerate(cells.column(self.last_value_at), start=first):
                self._last_value(number, cell)
        if self.target_at is not None and any(_word(cell) for cell in cells.column(self.value_at)):
            for number, row in enumerate(cells.rows(), start=first):
                self._target(number, row)

    def _target(self, line: int, cells) -> None:
        if max(self.value_at, self.target_at) < len(cells) and _word(cells[self.value_at]):
            self.targets[(self.file, line)] = cells[self.target_at]

    def printed(self, file: int, line: int):
        """The 本期目标 cell of a row whose value is a word, as the form printed it; None where there is none."""
        return self.targets.get((file, line))

    def _add(self, line: int, cell) -> None:
        if isinstance(cell, datetime):
            self.by_row[(self.file, line)] = cell.date()
        elif isinstance(cell, date):
            self.by_row[(self.file, line)] = cell
        elif (text := text_value(cell)) is None:
            self.by_row[(self.file, line)] = MADE_BEFORE_ANY
        else:
            with contextlib.suppress(DateError):  # not a date: nothing known of when the form was made
                self.by_row[(self.file, line)] = parse_date(text)

    def _last_value(self, line: int, cell) -> None:
        if (text := text_value(cell)) is not None:
            self.last_values[(self.file, line)] = text

    def typed_over(self, table: Table, placed: dict[int, tuple], stored_on, held_on) -> list[Message]:
        """The rows of the file just read (`placed`: row number → (indicator id, its latest report's day before the
        import or None, whether the row has a figure, the indicator's kind and unit), whichever path read it) whose
        template cells hold what mstrack did not print, each said (trial55 #2, returns57): a 上次日期 later than the
        indicator's latest stored report (the form printed that day, or none), a 上次报送 where none was stored (none
        now, or none when the form was made: its 上次日期 empty, returns59 #2), or one that is not a report stored on its
        上次日期 (an edited figure, the date kept), read as `import progress` reads a figure (`stored_on`:
        Store.stored_on's values for (indicator, day) pairs, read for such rows only). A figure an earlier entry of
        that day held, corrected since, is what the form printed when it was made (`held_on`: Store.kept_corrections
        for (indicator, day, figure) triples; returns59 #1). A row with no figure was skipped; a row with one has its
        数值 stored, those cells unread."""
        if self.at is None and self.last_value_at is None:
            return []
        file, said, compared = self.file, {}, []
        for line, (indicator, last, *_) in placed.items():
            day, printed = self.by_row.get((file, line)), self.last_values.get((file, line))
            if day is not None and day is not MADE_BEFORE_ANY and (last is None or day > last):
                said[line] = ([(self.last_value_header, printed)] if printed else []) + [(self.header, day.isoformat())]
            elif printed is not None and (last is None or day is MADE_BEFORE_ANY):
                said[line] = [(self.last_value_header, printed)]
            elif printed is not None and day is not None:
                compared.append((line, indicator, day, printed))
        differs: dict[int, Differs] = {}  # a row whose 上次报送 is not the figure stored on its 上次日期
        keys = list(dict.fromkeys((indicator, day) for _, indicator, day, _ in compared))  # each read once
        stored_of = dict(zip(keys, stored_on(keys), strict=True)) if keys else {}
        figures: dict[tuple, float | None] = {}  # each cell read once for each line's kind and unit
        for line, indicator, day, printed in compared:
            kind, unit = placed[line][3:]
            if (stored := stored_of[(indicator, day)]) is None:
                continue
            if (key := (printed, kind, unit)) not in figures:
                figures[key] = _figure(*key)
            if (figure := figures[key]) is None or not _same(figure, stored):
                differs[line] = Differs(day, stored, CHECKPOINTS_UNIT if kind == SCHEDULE else unit, indicator, figure)
        stale = [(line, (found.indicator, found.day, found.figure)) for line, found in differs.items()
                 if found.figure is not None]
        held = held_on([key for _, key in stale]) if stale else []
        for (line, _), before in zip(stale, held, strict=True):
            if before is not None:  # an entry of that day held it: corrected after the form was made
                del differs[line]
        for line in differs:
            said[line] = [(self.last_value_header, self.last_values[(file, line)])]
        return [_typed_over_said(table, line, cells, placed[line], differs.get(line),
                                 self.by_row.get((file, line)) is MADE_BEFORE_ANY)
                for line, cells in sorted(said.items())]

    def made_before(self, file: int, line: int, on: date) -> date | None:
        """The row's 上次日期 when it is older than `on` (MADE_BEFORE_ANY for an empty one): its form was made before
        a report of `on` existed; else None."""
        last = self.by_row.get((file, line))
        return last if last is not None and last < on else None


class Differs(NamedTuple):
    """A row whose 上次报送 is not the report stored on its 上次日期 (FormDates.typed_over): that day, the stored figure
    and its unit (what is said), the indicator and the figure read from the cell (what Store.kept_corrections is
    asked: an entry of that day that held it)."""

    day: date
    stored: float
    unit: str
    indicator: int
    figure: float | None


def _figure(printed: str, kind: str, unit: str) -> float | None:
    """A 上次报送 cell's figure, read as `import progress` reads a figure of that line (a text-only line's "3个节点已完成"
    as its count, readings.checkpoints_met; any other by check_value's rule); None for words it cannot read, no figure
    the form printed."""
    if kind == SCHEDULE:
        return checkpoints_met(printed, unit, MANY_CHECKPOINTS)
    try:
        number, _ = check_value(printed, unit, "", typed=True)
    except InputError:
        return None
    return number


def _same(figure: float, stored: float) -> bool:
    """Whether a figure read is the stored one, to the rounding a figure printed with its unit (12.3万) allows."""
    return abs(figure - stored) <= 1e-9 * max(1.0, abs(stored))


MANY_CHECKPOINTS = 10_000
"""More checkpoints than any line has: a 上次报送 is read for its count, whatever the line's number."""


def _typed_over_said(table: Table, line: int, cells: list[tuple[str, str]], place: tuple,
                     differs: Differs | None, made_before_any: bool = False) -> Message:
    """What is said of a row whose template cells were typed over (FormDates.typed_over): with no figure, where this
    period's figure and day go (the row was skipped); with one, that those cells were not read. `differs`: the report
    stored on its 上次日期, where its 上次报送 says another; `made_before_any`: its 上次日期
    is empty, the form made before any report (it printed no 上次报送)."""
    _, last, figure, *_ = place
    if differs is not None:
        printed = Message("the report stored for {day} is {figure}", day=differs.day.isoformat(),
                          figure=format_number(differs.stored, differs.unit))
    elif made_before_any and last is not None:
        printed = Message("its 上次日期 is empty: it was made before any report, and printed none")
    elif last is not None:
        printed = Message("the latest stored report is of {day}", day=last.isoformat())
    else:
        printed = Message("no report is stored for it")
    words = {"place": f"{table.path}:{line}", "value": table.label("value"), "n": len(cells), "stored": printed,
             "cells": ", ".join(f"{header} {cell!r}" for header, cell in cells),
             "day": table.label("as_of") if "as_of" in table.columns else "截至日期"}
    if figure:
        return Message("{place}: {cells} {n:is|are} not what the form printed ({stored}) and {n:was|were} not read: the "
                       "figure stored is the one under {value}; a correction of an earlier report goes on a row of its "
                       "own, with that report's day under {day}", **words)
    return Message("{place}: no figure under {value}, and {cells} {n:is|are} not what the form printed ({stored}): this "
                   "period's figure goes under {value}, its day under {day}; the row was skipped", **words)


def _word(cell) -> bool:
    """A value cell that is words, not a figure (已完成): the only rows whose 本期目标 is kept."""
    return type(cell) is str and bool(cell := cell.strip()) and not cell[0].isdigit()


PRINTED_TARGET_RE = re.compile(r"^(?P<comparator>[≥≤]?)(?P<figure>[^（(]+?)\s*(?:[（(](?P<due>\d{4}-\d{2}-\d{2})[）)])?$")
"""The 本期目标 render/template.py prints: a comparator word (≥, ≤, or none), the figure with its unit, and the due in
brackets ("≥300个（2025-12-31）"); a unit's own table's bare figure ("300") alike."""


def printed_target(cell) -> tuple[str, date | None] | None:
    """A 本期目标 cell as (its figure's words, its due or None); None for a blank cell or words that are no figure."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return f"{cell:g}", None
    text = text_value(cell)
    if text is None or not (match := PRINTED_TARGET_RE.match(text)):
        return None
    due = None
    if match["due"]:
        with contextlib.suppress(ValueError):
            due = date.fromisoformat(match["due"])
    return match["figure"].strip(), due


TITLE_DATE_RE = re.compile(r"(?:截至|截止)(?:日期)?\s*[:：]?\s*(?P<date>[\d０-９][\d０-９年月日号底.\-/ ]*)(?P<before>[以之]?前)?")
"""A title's as-of date ("XX项目进展情况表（截至2026年5月31日）", "截止：2026.5.31"): the text after 截至 or 截止 that
can be a date, read by domain.dates.parse_date (the one reading of a date); a title without those words states none.
A date followed by 前 is a deadline ("请于截至6月5日前报送"), no as-of date."""

DEADLINE_NOTE_RE = re.compile(r"说明|请于|请在|前报|按时[报上提]|(?:填报|上报|报送)(?:截止|时间)|报回|提交|完成时[间限]|计划完成")
"""Words of a note above a form's header about when the form or the work is due ("填报说明：填报截止日期：6月5日",
"请于6月5日前报送", "报送截止：6月5日", "计划完成时间截止12月31日"): a day to send the form back or to finish by, not
the day its figures are as of; such a line states no as-of date (review49 R4). A title naming the form a 报送表
("进展情况报送表（截至5月31日）") is no such note."""


def title_date(above: list[Row]) -> tuple[date | str, str] | None:
    """The as-of date the rows above a form's header state (its title), with the text that states it: a date, or the
    words of one with no year ("截至5月31日": "5月31日", the day in the year of the programme a row is of, which the
    importer gives it); None where none does or no date mstrack reads, or the date is a deadline's (DEADLINE_NOTE_RE,
    a date followed by 前)."""
    for row in above:
        for cell in row.cells:
            text = text_value(cell) if isinstance(cell, str) else None
            if text is None or DEADLINE_NOTE_RE.search(text) or not (match := TITLE_DATE_RE.search(text)) \
                    or match["before"]:
                continue
            words = match["date"].strip()
            with contextlib.suppress(DateError):
                return parse_date(words), text
            with contextlib.suppress(DateError):
                parse_date(words, LEAP_YEAR)  # a day of some year ("2月29日" too): the programme's year gives it
                return words, text
    return None


class FormRows:
    """The importer's part that keeps a form's rows for the 上次报送 / 上次日期 check (FormDates.typed_over): rows with no
    figure as they are met, rows with one from what was checked, one check for every path once a file is read."""

    def _form_row(self, line: int, code: str | None, task: str, name: str | None) -> None:
        """A row with no figure of a file with the template's 上次报送 or 上次日期: its indicator kept for the check of
        those cells once the file is read (_typed_over), where its cells name one."""
        forms = self.form_dates
        if forms.at is None and forms.last_value_at is None or code is None:
            return
        if (known := self.plan.programme_indicators(code)) is None and (code := typed_code(code, self._codes())):
            known = self.plan.programme_indicators(code)
        rows = known[1].get(task) if known is not None else None
        found = [row for row in rows or () if name is None or row[2] == name]
        if len(found) == 1:  # no such indicator, or which one unknown: its own refusal names it when it has a figure
            self.form_rows[line] = (found[0][1], found[0][5], False, found[0][3], found[0][4])

    def _typed_over(self, table: Table) -> None:
        """The file's rows, with a figure (checked, whichever path read them) or not (_form_row), whose 上次报送 or 上次日期
        hold what the form did not print: said (progress_form.FormDates.typed_over), one check for every path."""
        placed, self.form_rows = self.form_rows, {}
        if self.form_dates.at is None and self.form_dates.last_value_at is None:
            return
        files, lines, file = self.checked.file, self.checked.line, len(self.files) - 1
        for indicator, seqs in self.checked.of_indicator.items():
            if rows := [lines[seq] for seq in seqs if files[seq] == file]:
                place = (indicator, self.columns.last(indicator), True, *self._described(indicator)[1:])
                placed.update(dict.fromkeys(rows, place))
        self.result.warnings.extend(self.form_dates.typed_over(
            table, placed, lambda keys: self.store.stored_on(keys, upto=self.plan.upto),
            lambda keys: self.store.kept_corrections(keys, upto=self.plan.upto)))
