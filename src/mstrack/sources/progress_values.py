"""`import progress`, one row's cells turned into what is stored: its date, its value as a number (a done word, 已完成,
as the target; a text-only line's checkpoints), its note and reporter, each checked, and a bad row named
FILE:ROW:COLUMN. A part of the importer (sources/progress._Importer), kept apart from reading the rows and
placing them on the plan's indicators."""

from __future__ import annotations

from datetime import date, datetime

from mstrack.domain.dates import (
    DateError,
    ReportWindow,
    dotted_readings,
    named_day,
    number_date,
    parse_date,
    report_day,
    typed_number,
)
from mstrack.domain.limits import text_problem
from mstrack.domain.names import typed_code
from mstrack.domain.progress import (
    and_year_of,
    approximate,
    check_value,
    check_whole,
    done_read_as,
    done_value,
    far_above_target,
    period_target,
    started_value,
    started_word,
)
from mstrack.domain.quantities import format_number, parse_quantity, shown
from mstrack.domain.readings import checkpoints_value, fraction_warning, typed_fraction
from mstrack.errors import InputError, Message, Problem
from mstrack.sources.progress_cells import FIELDS, plain_value, reporter_text, text_value
from mstrack.sources.progress_form import printed_target
from mstrack.sources.progress_rows import ImportIndicator
from mstrack.sources.progress_unread import row_held
from mstrack.sources.rows import Uncomputed
from mstrack.sources.sheets import Table, cell_text
from mstrack.vocabulary import SCHEDULE

KEY_COLUMNS = ("programme", "task", "indicator", "title")
"""The columns that say which indicator a row reports on: refused there, a footer's row is said as one (Values._fail)."""


class Values:
    """The importer's cells as stored values: `day` and `reporter_of` are asked by the chunk paths too
    (progress_columns, progress_names); `_fail` names a bad row for every path."""

    def _fail(self, table: Table, line: int, column: str | None, reason, /, **fields) -> None:
        """A bad row named FILE:ROW:COLUMN; `reason` is a message template and its fields, or an error."""
        place = f"{table.path}:{line}" + (f":{table.label(column)}" if column else "")
        if not isinstance(reason, Message | Problem):
            reason = Message(reason, **fields)
        if column in KEY_COLUMNS and self.merged is not None and line in self.merged.across \
                and not self._names_task(table, line):  # 合计 merged over 计划…任务编号, not a task's row (returns59 #3)
            place, reason = f"{table.path}:{line}", Message(
                "a footer or total row with a figure and no task ({cells}; one cell merged across {task}): a figure goes "
                "on its task's row; move it there, or clear it", cells=row_held(table, self._row(line)),
                task=table.label("task" if "task" in table.columns else "title"))
        self.result.errors.append(Message("{place}: {reason}", place=place, reason=reason))

    def _names_task(self, table: Table, line: int) -> bool:
        """Whether a row merged across its task column names a task of its programme, by code or title (a task's
        data row with a cell merged over 任务编号 and 工作任务): its own problem is said, not a footer's."""
        cells = self._row(line).cells
        texts = {name: text_value(cells[at]) if (at := table.columns.get(name)) is not None and at < len(cells) else None
                 for name in ("programme", "task", "title")}
        code = texts["programme"] or self.programme
        if code is None or (typed := typed_code(code, self._codes())) is None:
            return False
        tasks = self.plan.store.import_tasks(typed)  # read for this refusal only
        words = {text for text in (texts["task"], texts["title"]) if text is not None}
        return any(typed_code(text, tasks) is not None for text in words) or any(
            title in words for title, _ in tasks.values())

    def _uncomputed(self, table: Table, line: int, cells: tuple) -> None:
        column, cell = next((column, cell) for column, cell in zip(FIELDS, cells, strict=True) if type(cell) is Uncomputed)
        self._fail(table, line, column,
                   "the formula {formula} has no saved value; open the file in Excel/WPS and save it", formula=shown(str(cell)))

    def _texts(self, table: Table, line: int, *, note: str | None, remark: str | None, reporter: str | None,
               done: str | None) -> tuple[str | None, str | None] | None:
        """The note and reporter stored with a row: the value's remark and its done word (已完成) join the
        note; None when one of them cannot be stored, its problem named."""
        for column, text in (("note", note), ("value", remark)):  # the texts stored
            if text is not None and (problem := text_problem(text)):
                self._fail(table, line, column, problem)
                return None
        if reporter is None:
            reporter = self.by
        else:  # one string per reporter, checked once: a million rows name a few hundred people (~90 MB)
            known = self.reporters.get(reporter)
            if known is None:
                if problem := text_problem(reporter):
                    self._fail(table, line, "reporter", problem)
                    return None
                known = self.reporters[reporter] = reporter
            reporter = known
        if remark:
            note = f"{note}；{remark}" if note else remark
        if done:
            note = f"{note}；{done}" if note else done
        return note, reporter

    def reporter_of(self, cell: str) -> str | None:
        """A plain reporter cell's stored text, remembered by the cell as it is: one string per reporter (a blank
        cell is --by's), for both chunk paths."""
        text = reporter_text(cell)
        found = self.reporter_cells[cell] = self.reporters.setdefault(text, text) if text else self.by
        return found

    def _year_codes(self, year: int) -> list[str]:
        """The programmes of `year` (Store.programmes_of_year), read once an import: a file of rows a year off is
        refused row by row."""
        codes = self.year_codes.get(year)
        if codes is None:
            codes = self.year_codes[year] = self.store.programmes_of_year(year)
        return codes

    def _date(self, raw, window: ReportWindow, table: Table, line: int, programme: str | None = None) -> date | None:
        found = self.day(raw, window, programme)
        if isinstance(found, date):
            return found
        if raw is None and (self.default_as_of or self.title_as_of):  # a Message or a DateError (2月29日 of 2023)
            self._given_date_refused(table, found)
        else:
            self._fail(table, line, "as_of", found)
        return None

    def _given_date_refused(self, table: Table, why: Message) -> None:
        """A date no row states, --as-of's or the file's title's, that the row checks refuse: named once, by the
        option or the title that gave it (a form may have no date column to name; a blank cell did not say it)."""
        if self.default_as_of is not None:
            key, said = ("--as-of", str(why)), Message("--as-of {option}: {why}", option=self.default_as_of, why=why)
        else:
            key, said = (table.path, str(why)), Message(
                "{path}: its title says “{title}”: {why}; give --as-of (the date of its rows with none)",
                path=table.path, title=self.title_said, why=why)
        if key not in self.refused_given:
            self.refused_given.add(key)
            self.result.errors.append(said)

    def day(self, raw, window: ReportWindow, programme: str | None = None) -> date | Message | DateError:
        """A date cell's day in a programme of `window` (its year and days), checked, or why it is none; only days
        that passed every check are remembered (the chunk path's columns ask it too, and go the per-row path for a
        day it refuses). A day outside the window names the programme whose year it is in, other than `programme`
        (the row's), as `log` does."""
        dates = self.dates.get(window)
        if dates is None:
            dates = self.dates[window] = {}
        year = window.year
        cached = dates.get(raw)
        if cached is not None:
            return cached
        if raw is None:
            as_of = self.default_as_of or self.title_as_of  # --as-of, else the date the file's title gives
            if as_of is None:
                return Message("no date")
            if isinstance(as_of, str):  # "12月31日", the title's "截至5月31日": the day in this row's programme's days
                try:
                    as_of = self._words_day(as_of, window)
                except DateError as error:
                    return error
                if self.default_as_of is None:
                    self.title_days.add(as_of)
        elif isinstance(raw, date) and raw.year <= 1900:  # 8.15 typed into a date cell: Excel's 1900-01-08 03:36
            return typed_in_a_date_cell(raw, year)
        elif isinstance(raw, date):
            as_of = raw
        elif type(raw) is float:  # 5.3: a date typed 5.30 in a General cell, or 5.3
            try:
                as_of = report_day(lambda year: number_date(raw, year), window, self.today, repr(raw))
            except DateError as error:
                return error
        else:
            try:
                as_of = self._words_day(cell_text(raw), window)
            except DateError as error:
                return error
        if as_of > self.today:
            return self._future(raw, as_of, programme)
        if not window.holds(as_of):
            return and_year_of(Message("{on} is outside {window}", on=as_of, window=window.said()), as_of,
                               [code for code in self._year_codes(as_of.year) if code != programme], logged=False)
        if raw is not None and self.default_as_of is not None and as_of != self._option_day(window):
            return Message("--as-of {option} was given and this row says {on}: the option is for rows with no date; "
                           "drop it, or correct the row", option=self.default_as_of, on=as_of)
        self.title_used = self.title_used or (raw is None and self.default_as_of is None)
        dates[raw] = as_of
        return as_of

    def _future(self, raw, as_of: date, programme: str | None) -> Message:
        """A day to come refused; for a date naming no year ("12月31日" in December, with -p of this year's programme),
        the day a year before and the programmes of that year: last year's closing return imported with this year's
        -p is the likely cause (trial65 #10)."""
        said = Message("{on} is in the future", on=as_of)
        words = (self.default_as_of or self.title_as_of) if raw is None else raw if isinstance(raw, str) else None
        if not isinstance(words, str) or named_day(words):
            return said
        try:
            earlier = as_of.replace(year=as_of.year - 1)
        except ValueError:  # 2月29日
            return said
        if not (codes := [code for code in self._year_codes(earlier.year) if code != programme]):
            return said
        return Message("{said}; {earlier} is a day of {codes}: import with -p {code} if these are its closing figures",
                       said=said, earlier=earlier, codes=", ".join(codes), code=codes[0])

    def _option_day(self, window: ReportWindow) -> date | None:
        """--as-of's day in a programme of `window`: its words read there where they name no year (report_day, as
        `log --as-of` reads them), None where they read as no one day there (day() says why)."""
        given = self.default_as_of
        if not isinstance(given, str):
            return given
        try:
            return self._words_day(given, window)
        except DateError:
            return None

    def _words_day(self, words: str, window: ReportWindow) -> date:
        """A date in words ("2023-05-31", "5月31日") as the day it names in a programme of `window` (report_day: one
        naming no year read in the programme's reporting period); DateError where it names none there."""
        return report_day(lambda year: parse_date(words, year), window, self.today, words)

    def _number(self, state: ImportIndicator, value: str, done_word: bool, as_of: date, table: Table,
                line: int, typed: bool = True) -> int | float | None:
        """A row's value as a number: a plain one (most cells of a bulk import), checkpoints met on a
        text-only line, the target for a done word, or a quantity in words ("2.5万"); None, named, if not."""
        if state.kind == SCHEDULE:
            return self._checkpoints(state, value, done_word, as_of, table, line)
        number = plain_value(value, state.unit)
        if number is not None:
            try:
                check_whole(value, number, state.unit, state.indicator)
            except InputError as error:
                self._fail(table, line, "value", error)
                return None
            if state.unit == "%" and number > 100:
                self.result.warnings.append(Message("{path}:{line}: {warning}", path=table.path, line=line, warning=Message(
                    "{indicator}: {value}% is above 100%", indicator=state.indicator, value=number)))
            elif typed_fraction(value, number, state.unit, state.target):
                self._fraction(state, number, table, line)
            if far := far_above_target(f"{state.programme}/{state.task} {state.indicator}", number, state.unit,
                                       state.comparator, state.target):
                self.result.warnings.append(Message("{path}:{line}: {warning}", path=table.path, line=line, warning=far))
            return number
        if done_word:
            try:
                number = done_value(kind=state.kind, comparator=state.comparator, target=state.target, dues=state.dues,
                                    unit=state.unit, indicator=state.indicator, word=value, on=as_of)
            except InputError as error:
                self._fail(table, line, "value", error)
                return None
            if (refusal := self._done_refusal(state, value, number, as_of, table, line)) is not None:
                self._fail(table, line, "value", refusal)
                return None
            return number
        try:
            number, warnings = check_value(value, state.unit, state.indicator, typed=typed, comparator=state.comparator)
        except InputError as error:
            self._fail(table, line, "value", error)
            return None
        if far := far_above_target(f"{state.programme}/{state.task} {state.indicator}", number, state.unit,
                                   state.comparator, state.target):
            warnings.append(far)
        if typed_fraction(value, number, state.unit, state.target):  # "０.８５", "约0.85": as a plain 0.85 (and `log`)
            self._fraction(state, number, table, line)
        self.result.warnings.extend(Message("{path}:{line}: {warning}", path=table.path, line=line, warning=warning)
                                    for warning in warnings)
        if parse_quantity(value, typed=typed).approx:  # "约5000": the figure stored, said to be an estimate
            self.result.warnings.append(Message("{place}: {reason}", place=f"{table.path}:{line}:{table.label('value')}",
                                                reason=approximate(state.indicator, value, number)))
        return number

    def _fraction(self, state: ImportIndicator, number: int | float, table: Table, line: int) -> None:
        """0.85 on a % line (a fraction of 1, as Excel keeps 85% typed in a General cell): said, and kept in `fractions`
        for the comparison, which refuses it below an earlier figure above 1% unless --reason
        (Comparing._fraction_fell); 1 is said only there (1% is a likely start)."""
        warning = None
        if (said := fraction_warning(state.indicator, number)) is not None:
            warning = Message("{place}: {reason}", place=f"{table.path}:{line}:{table.label('value')}", reason=said)
            self.result.warnings.append(warning)
        self.fractions[(len(self.files) - 1, line)] = (table.label("value"), warning)

    def _done_refusal(self, state: ImportIndicator, value: str, number: int | float, as_of: date, table: Table,
                      line: int) -> Message | None:
        """Why a done word (stored as `number`, the annual target) cannot be read beside a form's 本期目标: the figure
        its form printed there (progress_form.printed_target) is another, a period's target or one the plan no longer
        says (the plan amended since the form was made: trial51 D1); with no such figure printed (a blank cell,
        words), the period target the form shows for the row's date (_period_target) where it is not the annual one.
        None where the word is read as the annual target."""
        file = len(self.files) - 1
        printed = printed_target(self.form_dates.printed(file, line))
        try:
            figure = None if printed is None else check_value(printed[0], state.unit, state.indicator,
                                                              comparator=state.comparator)[0]
        except InputError:
            figure = None
        if figure is None:
            period = self._period_target(state, as_of) if "target" in table.columns else None
            if period is None:
                return None
            due, figure = period
        else:
            if figure == number:
                return None
            due = printed[1]
            checkpoints = dict(self.plan.store.period_targets(state.indicator_id))
            if due is None or checkpoints.get(due) != figure:
                now = checkpoints.get(due) if due is not None else None
                current = f"{format_number(now, state.unit)}（{due}）" if now is not None else format_number(number, state.unit)
                return Message("{value} beside the form's 本期目标 {printed}, which the plan no longer says: {indicator}'s "
                               "target is now {current} (the plan was changed after the form was made); give the figure "
                               "reached, or fill in a new form (mstrack export template)", value=value,
                               printed=text_value(self.form_dates.printed(file, line)), indicator=state.indicator,
                               current=current)
        return Message("{value} beside the form's 本期目标: {indicator}'s target for this period is {period} (by {due}), the "
                       "year's {annual}; give the figure", value=value, indicator=state.indicator,
                       period=format_number(figure, state.unit), due=due, annual=format_number(number, state.unit))

    def _period_target(self, state: ImportIndicator, as_of: date) -> tuple[date, int | float] | None:
        """The 本期目标 a fill-in form shows for `as_of` (domain.progress.period_target, the rule render/template.py
        prints it by) where it is not the annual target: a done word written beside it could mean either."""
        period = period_target(self.plan.store.period_targets(state.indicator_id), as_of)
        return period if period is not None and period[1] != state.target else None

    def _checkpoints(self, state: ImportIndicator, value: str, done_word: bool, as_of: date, table: Table,
                     line: int) -> int | None:
        """A text-only line's value: how many of its checkpoints are met (全部完成: all; 已完成: those due)."""
        total = len(state.dues)
        if done_word:  # all for 全部完成, else those due (the done word read as log reads it), said when fewer than all
            met = done_value(kind=state.kind, comparator=state.comparator, target=state.target, dues=state.dues,
                             unit=state.unit, indicator=state.indicator, word=value, on=as_of)
            if read := done_read_as(f"{state.programme}/{state.task} {state.indicator}", value, met, state.dues, as_of):
                self.result.warnings.append(Message("{path}:{line}: {warning}", path=table.path, line=line, warning=read))
            return met
        if started_word(value):  # "已开工" on "6月開工,年內完工": the checkpoints up to the start met, as `log` reads it
            try:
                return started_value(f"{state.programme}/{state.task} {state.indicator}", value,
                                     self.plan.store.checkpoint_texts(state.indicator_id))
            except InputError as error:
                self._fail(table, line, "value", error)
                return None
        try:  # "3", "3个节点", "第3个", "已完成3个节点": read as `log` reads it
            return checkpoints_value(value, state.unit, state.indicator, total)
        except InputError as error:
            self._fail(table, line, "value", error)
            return None


DATE_FORMS = "2023-06-30, 2023.6.30, 2023年6月30日, 6月30日, 6月底"
"""The forms a date is read in (domain.dates.parse_date), as a refusal lists them."""


def typed_in_a_date_cell(moment: date, year: int) -> Message:
    """Why a day of 1900 in a date cell is refused: a number typed into it (8.15 for 8月15日, which Excel keeps as the
    number and shows as 1900-01-08; the time, when the reader keeps it, is the part after the dot: xlsx_rows.
    TYPED_NUMBER_BEFORE). Named as typed, with the date it reads as (both of 5.3 and 5.30, which the number cannot tell
    apart; a number with no dot, a date of the month it would be, else August's) and the forms a date is read in."""
    shown_as = moment.date() if isinstance(moment, datetime) else moment
    typed = typed_number(moment)
    readings = dotted_readings(typed, year) if "." in typed else []
    if not readings:
        whole = int(float(typed))
        readings = [date(year, whole if 1 <= whole <= 12 else 8, 1)]
    if len(readings) == 2:
        return Message("{typed} typed into a date cell, which Excel shows as {on}: type the date itself (as a date, or "
                       "as text), e.g. {first} or {second}; a date is read as {forms}", typed=typed, on=shown_as,
                       first=readings[0], second=readings[1], forms=DATE_FORMS)
    return Message("{typed} typed into a date cell, which Excel shows as {on}: type the date itself (as a date, or as "
                   "text), e.g. {day}; a date is read as {forms}", typed=typed, on=shown_as, day=readings[0], forms=DATE_FORMS)
