"""`import progress`: a row's cells placed on the plan's indicator they name (its programme, task and indicator), or
its problem named: a total row (合计), a line under the table, a sub-item, a task a plan cancelled or moved. A part of
the importer (sources/progress._Importer), kept apart from reading a file's rows."""

from __future__ import annotations

import functools
from datetime import date

from mstrack.domain.dates import ReportWindow
from mstrack.domain.limits import text_problem
from mstrack.domain.names import code_key, plain_name, typed_code, unknown_programme, unknown_task
from mstrack.domain.progress import match_indicator, note_without_figure
from mstrack.domain.quantities import count_scale, normalize
from mstrack.errors import InputError, Message
from mstrack.sources.progress_cells import plain_limit, plain_unit, text_value
from mstrack.sources.progress_rows import ImportIndicator
from mstrack.sources.progress_unread import holds_text, row_held, sub_item
from mstrack.sources.rows import TOTAL_CELL_RE, Row, total_row
from mstrack.sources.sheets import Table, columns_read
from mstrack.vocabulary import SCHEDULE

HANDLED = object()
"""A row the chunk path sent to _place, which skipped it or named its problem."""


class Placing:
    """The importer's part that finds the indicator a row names (`_place`), for every path: the per-row one, the chunk
    path's first row of an indicator (`_first_place`), whose place it remembers (`_remember`)."""

    def _codes(self) -> list[str]:
        """The store's programme codes, read once, for a refusal (or a code typed otherwise) only."""
        if self._known_codes is None:
            self._known_codes = self.plan.store.programme_codes()
        return self._known_codes

    def _other_programme(self, code: str) -> bool:
        """Whether a row's programme is not the one --programme names: "X-2023" is x-2023 (names.code_key, as a code
        typed anywhere is read; stored codes are lowercase ASCII, sources/plan, so no two stored codes read alike)."""
        return code_key(code) != code_key(self.programme)

    def _first_place(self, table: Table, line: int, cells: tuple) -> tuple | None:
        """The chunk path's place of a plain row naming an indicator it has not met, found as _read_row finds it
        (_place, after the checks a plain number passes anyway): HANDLED when the row failed there, its
        problem named, or None for the per-row path (a text-only line)."""
        place = self.places.get((*cells[:3], False)) or self._place(table, line, cells[0], cells[1], cells[2], "", False)
        return HANDLED if place is None else self._remember(cells[:3], place)

    def _remember(self, cells: tuple, place: tuple) -> tuple | None:
        """What the chunk path needs of an indicator, by its (programme, task, indicator) cells: one lookup
        for the next rows that name it (not for text-only lines, whose values count checkpoints)."""
        window, state = place
        if state.kind == SCHEDULE:
            return None
        found = self.fast[cells] = (state.indicator_id, state.last or date.min, self.checked.rows_of(state.indicator_id),
                                    self.dates.setdefault(window, {}), plain_limit(state.unit, state.target, state.comparator),
                                    plain_unit(state.unit), state.unit if count_scale(state.unit) is not None else None)
        return found

    def _total(self, table: Table, line: int, programme_cell, task_cell, name_cell) -> bool:
        """Whether the row is a total row (合计: the sum of the rows above, no task), counted in the result's totals."""
        task = text_value(task_cell)
        if (task is None or TOTAL_CELL_RE.match(task)) and total_row([text_value(cell) or ""
                                                                        for cell in (programme_cell, task_cell, name_cell)]):
            self.result.totals.append(f"{table.path}:{line}")
            return True
        return False

    def _row(self, line: int) -> Row:
        """Row `line` of those being read (a row with no task: rare)."""
        return next((row for row in self.chunk if row.number == line), Row(line, []))

    def _repeated_header(self, table: Table, line: int) -> list[str]:
        """The headers of the columns the import reads that row `line` repeats: two or more are a block of another unit's
        return pasted below the table, its header with it (trial63 #11 read it as a row of programme '计划')."""
        row = self._row(line)
        return [table.headers[index] for index in sorted(table.columns.values()) if index < len(row.cells)
                and (text := text_value(row.cells[index])) is not None and normalize(text) == normalize(table.headers[index])]

    def _no_task(self, table: Table, line: int) -> None:
        """A row with no task and no figure: skipped, said (quoting it) when it holds words, as a note with no figure is."""
        self.result.skipped += 1
        if holds_text(row := self._row(line)):
            self.result.warnings.append(Message("{place}: no task and no figure: skipped ({cells})",
                                                place=f"{table.path}:{line}", cells=row_held(table, row)))

    def _task_not_held(self, code: str, task: str, by_task) -> Message:
        """The refusal of a row naming a task `code` does not hold: a task a plan cancelled under that code said alone
        (no "did you mean" of the task that took its code); else the codes it may have meant, and where a task
        renumbered by a plan import went (trial57 finding 3)."""
        if cancelled := self.plan.store.task_cancelled(code, task):
            return cancelled
        moved = self.plan.store.task_moved(code, task)
        refusal = unknown_task(code, task, list(by_task))
        return Message("{first}; {more}", first=refusal, more=moved, unknown=task) if moved else refusal

    def _place(self, table: Table, line: int, programme_cell, task_cell, name_cell, value: str | None,
               done_word: bool, note: str | None = None) -> tuple[ReportWindow, ImportIndicator] | None:
        """The programme's window of reports and the indicator a row's cells name; None when the row is skipped (a row with a
        `note` and no figure said: the note is not stored), or when it failed, its problem named."""
        task = text_value(task_cell)
        if (task is not None and "task" in table.columns and normalize(task) == normalize(table.label("task"))
                and len(repeated := self._repeated_header(table, line)) >= 2):
            shown = "、".join(repeated[:4]) + ("…" if len(repeated) > 4 else "")  # the first four: a form has a dozen
            self._fail(table, line, "task", "a second header row ({headers} again): another table pasted below the first, "
                       "another unit's? import it as a file of its own, or drop its rows", headers=shown)
            return None
        if task is None or TOTAL_CELL_RE.match(task):
            if self._total(table, line, programme_cell, task_cell, name_cell):
                pass
            elif value is None:  # a line under the table (填表人：…, 注：…): no task, no figure, skipped
                self._no_task(table, line)
            elif sub := sub_item(programme_cell, name_cell):
                self._fail(table, line, "task", "no task number in this row: {cell!r} reads as a sub-item of the row above "
                           "(it opens with {word}); give it the task number and the name of one of that task's "
                           "indicators, or drop the row", cell=sub[0], word=sub[1])
            else:
                self._fail(table, line, "task", "no task number in this row, which holds {cells}",
                           cells=row_held(table, self._row(line)))
            return None
        if value is None:
            self.result.skipped += 1  # a row of a fill-in sheet the unit left empty
            self._form_row(line, text_value(programme_cell) or self.programme, task, text_value(name_cell))
            if note is not None:
                code = text_value(programme_cell) or self.programme
                self.result.warnings.append(note_without_figure(f"{table.path}:{line}:{table.label('value')}",
                                                                f"{code}/{task}" if code else task, text_value(name_cell), note))
            return None
        code = text_value(programme_cell) or self.programme
        column = "programme"
        if "/" in task and programme_cell is None:
            code, _, task = task.partition("/")
            column = "task"
        if self.programme is not None and code != self.programme and self._other_programme(code):
            self._fail(table, line, column, "--programme {option} was given and this row says {value}: the option is for "
                       "rows with no programme; drop it, or correct the row", option=self.programme, value=code)
            return None
        if code is not None and (problem := text_problem(code)):  # before it reaches the database, which may refuse a NUL with no place
            self._fail(table, line, "programme" if "programme" in table.columns else "task", problem)
            return None
        code, task = (plain_name(code) if code is not None else None), plain_name(task)  # as a plan's are stored and `log` takes them
        known = self.plan.programme_indicators(code) if code is not None else None
        # "CITY-2024", "ｃｉｔｙ-2024": the code read alike (names.typed_code)
        if known is None and code is not None and (alike := typed_code(code, self._codes())) is not None:
            code, known = alike, self.plan.programme_indicators(alike)
        if known is None:
            where = "programme" if "programme" in table.columns else None
            if code is None:  # an empty programme cell, no --programme: no code to name (a blank typed as "None" before)
                self._fail(table, line, where, "no programme: the row names none; fill in its programme, or give "
                           "--programme for rows without one")
                return None
            refusal = unknown_programme(self._codes(), code, self.plan.store.display_url)  # as every command says it
            self._fail(table, line, where, refusal.messages[0])
            return None
        by_task = known[1]
        if type(task_cell) is float and (longer := task + "0") in by_task and task in by_task:  # 1.10 kept as the number 1.1
            titles = self.plan.store.import_tasks(code)  # read for this refusal only
            self._fail(table, line, "task", "{value} is a number, kept without the zero typed after it: {code} has both task "
                       "{value} ({title}) and task {longer} ({other}); type the code as text ('{longer} or '{value})",
                       value=task, longer=longer, code=code, title=titles[task][0], other=titles[longer][0])
            return None
        states = self.plan.task_indicators(code, task, by_task)
        if states is None and (alike := typed_code(task, by_task)) is not None:  # "６" is task 6 (trial53 #7)
            task, states = alike, self.plan.task_indicators(code, alike, by_task)
        if states is None:
            self._fail(table, line, "task", self._task_not_held(code, task, by_task))
            return None
        name = text_value(name_cell)
        key = (code, task, name, done_word)
        state = self.indicators.get(key)
        if state is None:
            text_only = True if done_word and name is None and any(s.kind == SCHEDULE for s in states) else None
            try:
                state = self.indicators[key] = match_indicator(states, name, text_only, f"{code}/{task}",
                                                               functools.partial(self.plan.store.indicator_moved, code, task))
            except InputError as error:
                if name is None:  # "has 6 indicators": which column was read as what, so that one can be renamed
                    error = Message("{error} (the header read: {columns})", error=error, columns=columns_read(table))
                self._fail(table, line, "indicator" if name else "task", error)
                return None
        self.states[state.indicator_id] = state
        place = self.places[(programme_cell, task_cell, name_cell, done_word)] = self.plan.programme_window(code), state
        return place
