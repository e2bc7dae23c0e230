"""The store's reads of tasks: tasks whole (TaskDetail), their indicators' states and series, a task's window and
states for a log, the programmes and units a command names. Plain SQL through the driver (Dialect), plain data out:
no ORM object leaves the store. History, batches and frozen reports are history_reads'; what an import compares
its rows with, import_reads'."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import compress
from operator import itemgetter
from typing import TYPE_CHECKING

from mstrack.domain import unique
from mstrack.domain.names import abbreviates, look_alike, plain_name, plain_names, typed_code, unknown_programme, unknown_task
from mstrack.errors import InputError, Message
from mstrack.store import import_reads
from mstrack.store.checks import refuse_empty_lines
from mstrack.store.dialect import day
from mstrack.store.states import indicator_states, line_checkpoints, links_query, returns_query, series_query, task_scope

if TYPE_CHECKING:
    from mstrack.domain.dates import ReportWindow
    from mstrack.model import IndicatorState, TaskText

SERIES_CHUNK = 500
"""Indicators per query of report_series: well under SQLite's limit of bound parameters."""


@dataclass
class TaskRef:
    programme: str
    code: str


def parse_ref(ref: str) -> TaskRef:
    """PROGRAMME/CODE, each as a plan's are stored (names.plain_name): "x-2023/1 " is task "1"."""
    programme, sep, code = ref.replace("／", "/").partition("/")  # a full-width slash, as an IME types it
    programme, code = plain_name(programme), plain_name(code)
    if not sep or not programme or not code:
        raise InputError("task reference {ref!r}: expected PROGRAMME/CODE, for example shenzhen-2023/5", ref=ref)
    return TaskRef(programme, code)


def _no_text() -> TaskText:
    """A task's words, none given (model imported here, not at the store's import: an import's start loads none of
    the status's classes)."""
    from mstrack.model import TaskText

    return TaskText()


@dataclass
class TaskDetail:
    programme: str
    programme_name: str
    code: str
    title: str
    area: str | None
    leaders: list[str]
    lead_units: list[str]
    units: list[str]
    deadline: date
    note: str | None
    indicators: list[IndicatorState] = field(default_factory=list)
    text: TaskText = field(default_factory=_no_text)
    start: date | None = None
    links: list[str] = field(default_factory=list)
    """Both ways: the tasks this one names and the tasks that name it."""
    line_checkpoints: list[LineCheckpoint] = field(default_factory=list)
    cancelled_by: int | None = None
    """The batch whose plan cancelled the task (已取消), or None: only `show` of it reads a cancelled task."""
    """The checkpoints of its lines with a quantity that none of the line's milestones falls on: text a line's
    indicator does not carry (a Q2 规范 to issue beside a Q4 figure). Read for `show` (task_detail) and where asked
    (task_details' `checkpoints`), one read for all tasks; left empty otherwise (a report of 20,000 tasks reads no
    40,000 checkpoints it does not print: 0.1 s)."""


@dataclass
class LineCheckpoint:
    line: int  # the line's position in the task, from 0 (as IndicatorState.line)
    due: date
    label: str
    text: str


def _other_checkpoints(found, indicators: list[IndicatorState]) -> list[LineCheckpoint]:
    """A task's line checkpoints (states.line_checkpoints) on no day of a milestone of their line's indicators."""
    if not found:
        return []
    dues: dict[int, set[date]] = {}
    for state in indicators:
        dues.setdefault(state.line, set()).update(milestone.due for milestone in state.milestones)
    return [LineCheckpoint(line, due, label, text) for line, due, label, text in found
            if line in dues and due not in dues[line]]


class Reads:
    """The read methods of Store (connections.Connections gives reading() and dialect)."""

    def _rows(self, connection, sql: str, params=()) -> list:
        return self.dialect.rows(connection, sql, params)

    def _programmes_named(self, codes: list[str] | None) -> str:
        """The WHERE of a read of the programme table itself: the programmes of these codes (all with none). The tasks
        of programmes (and of task ids) are scoped by states.task_scope, on a join's `p`."""
        return f" WHERE code IN ({self.dialect.params(len(codes))})" if codes else ""

    def common_year(self, codes: list[str] | None = None) -> int | None:
        """The year the given programmes (or, with none given, all of them) share, if they share one:
        the year a date written without one ("7月7日", "6月底") means."""
        where = self._programmes_named(codes)
        with self.reading() as connection:
            years = self._rows(connection, f"SELECT DISTINCT year FROM programme{where}", codes or [])
        return years[0][0] if len(years) == 1 else None

    def programme_years(self, codes: list[str] | None = None) -> list[int]:
        """The years of the given programmes (or of all), in order: whether a year is over."""
        where = self._programmes_named(codes)
        with self.reading() as connection:
            return [year for (year,) in self._rows(connection, f"SELECT DISTINCT year FROM programme{where} ORDER BY year",
                                                   codes or [])]

    def programmes_of_year(self, year: int) -> list[str]:
        """The codes of the programmes of `year`: whose year a date after another programme's falls in."""
        return [code for code, of in self.programme_code_years() if of == year]

    def programme_code_years(self) -> list[tuple[str, int]]:
        """Every programme's code and year, by code: the programmes of a year (programmes_of_year)."""
        with self.reading() as connection:
            return [(code, year) for code, year in self._rows(connection, "SELECT code, year FROM programme ORDER BY code")]

    def carried_tasks(self, programmes: list[str] | None = None) -> dict[str, str]:
        """The tasks carried into another year's programme in a view of `programmes` (None: all): a `links` between
        tasks of programmes of different years (either task may name the other), both in view, earlier
        PROGRAMME/CODE → later one. A view that leaves either year out counts the target once already (its own year's
        record); a link within a year (a government report's target beside the 民生实事 task) carries nothing. Only
        the view's links are read (store57: every link of every programme was, for a report of one), each joined to
        the task it names by the task's (programme, code) key."""
        where = ""
        if programmes:
            where = (f" AND p.code IN ({self.dialect.params(len(programmes))})"
                     f" AND q.code IN ({self.dialect.params(len(programmes))})")
        with self.reading() as connection:
            links = self._rows(
                connection, "SELECT p.code || '/' || t.code, p.year, k.ref, q.year FROM task_link AS k"
                            " JOIN task AS t ON k.task_id = t.id JOIN programme AS p ON t.programme_id = p.id"
                            " JOIN programme AS q ON substr(k.ref, 1, length(q.code) + 1) = q.code || '/'"
                            " JOIN task AS r ON r.programme_id = q.id AND r.code = substr(k.ref, length(q.code) + 2)"
                            f" WHERE p.year != q.year{where}", [*programmes, *programmes] if programmes else [])
        carried = {}
        for own, year, ref, ref_year in links:
            (_, old), (_, new) = sorted([(year, own), (ref_year, ref)])
            carried[old] = new
        return carried

    def programme_codes(self) -> list[str]:
        with self.reading() as connection:
            return [code for (code,) in self._rows(connection, "SELECT code FROM programme ORDER BY code")]

    def programme_rows(self) -> list[tuple]:
        """Every programme's code, name, year, first and last day and number of tasks (not those cancelled), by code:
        `programmes --format json`."""
        with self.reading() as connection:
            return [tuple(row) for row in self._rows(
                connection, "SELECT p.code, p.name, p.year, p.start, p.\"end\", (SELECT count(*) FROM task AS t"
                " WHERE t.programme_id = p.id AND t.cancelled_by IS NULL) FROM programme AS p ORDER BY p.code")]

    def task_refs(self) -> list[str]:
        """Every task as PROGRAMME/CODE, in document order: what shell completion offers for a REF."""
        with self.reading() as connection:
            return [f"{programme}/{code}" for programme, code in self._rows(
                connection, "SELECT p.code, t.code FROM task AS t JOIN programme AS p ON t.programme_id = p.id"
                " ORDER BY p.code, t.position")]

    def unit_names(self) -> list[str]:
        with self.reading() as connection:
            return [name for (name,) in self._rows(connection, "SELECT name FROM unit ORDER BY name")]

    def units_in_use(self) -> tuple[dict[str, list[str]], set[str]]:
        """Each unit some programme's tasks name, with the codes of those programmes; and which programmes the demo
        loaded (a `demo` batch's): what import plan's look-alike check meets a plan's units with (a unit an undone
        import left behind, used by no programme, is none of them)."""
        used: dict[str, list[str]] = {}
        with self.reading() as connection:
            for name, code in self._rows(connection, "SELECT DISTINCT u.name, p.code FROM unit AS u"
                                                     " JOIN line_unit AS lu ON lu.unit_id = u.id"
                                                     " JOIN task_line AS l ON l.id = lu.line_id JOIN task AS t ON t.id = l.task_id"
                                                     " JOIN programme AS p ON p.id = t.programme_id ORDER BY u.name, p.code"):
                used.setdefault(name, []).append(code)
            demo = {code for (code,) in self._rows(connection, "SELECT DISTINCT programme FROM batch WHERE command = 'demo'"
                                                               " AND programme IS NOT NULL")}
        return used, demo

    def _task_head(self, connection, ref: TaskRef) -> tuple[tuple, tuple]:
        """(programme id, code, name, year, start, end) and (task id, code) of a task reference, or the
        error naming what exists."""
        p = self.dialect.p
        head_sql = f'SELECT id, code, name, year, start, "end" FROM programme WHERE code = {p}'
        found = self._rows(connection, head_sql, [ref.programme])
        if not found:
            known = [code for (code,) in self._rows(connection, "SELECT code FROM programme ORDER BY code")]
            if (code := typed_code(ref.programme, known)) is None:  # "SHENZHEN-2023" is shenzhen-2023 (trial53 #7)
                raise unknown_programme(known, ref.programme, self.display_url)
            ref = TaskRef(code, ref.code)
            found = self._rows(connection, head_sql, [code])
        head = found[0]
        # the code as typed, and every code plain_name may read as another (a store written before codes were stored
        # plain): not the programme's 20,000 numbered codes, which cost a `log` more than the rest of its read (store51)
        tasks = self._rows(connection, f"SELECT id, code FROM task WHERE programme_id = {p} AND (code = {p} OR "
                                       f"{self.dialect.maybe_not_plain('code')})", [head[0], ref.code])
        found = list(compress(tasks, map(ref.code.__eq__, plain_names(map(itemgetter(1), tasks)))))
        if len(found) > 1:  # a store written before codes were stored plain: "1" and "1 " kept apart
            raise InputError("{programme}/{code}: names {n} tasks whose codes read alike: {codes}; import the plan with codes "
                             "that differ", programme=ref.programme, code=ref.code, n=len(found),
                             codes=", ".join(repr(code) for _, code in found))
        if not found:  # "５", "A1" for a1: the code read alike (names.typed_code), else the codes it may have meant
            tasks = self._rows(connection, f"SELECT id, code FROM task WHERE programme_id = {p} ORDER BY position", [head[0]])
            codes = list(plain_names(code for _, code in tasks))
            if (code := typed_code(ref.code, codes)) is None:
                raise InputError(unknown_task(head[1], ref.code, codes))
            found = [tasks[codes.index(code)]]
        return head, found[0]

    def _refuse_cancelled(self, connection, programme: str, task: tuple) -> None:
        """A task a plan cancelled takes no report (`log`): refused, saying why (plan_history.cancelled_words)."""
        from mstrack.store.plan_history import cancelled_words

        found = self._rows(connection, f"SELECT title, cancelled_by FROM task WHERE id = {self.dialect.p}", [task[0]])
        if found and found[0][1] is not None:
            raise InputError(cancelled_words(f"{programme}/{task[1]}", found[0][0], found[0][1]))

    def stored_ref(self, ref: TaskRef) -> TaskRef:
        """The reference with the codes as the store holds them ("X-2023/１２" is x-2023/12: names.typed_code), for
        what a write says and keeps; the error naming what exists where it names nothing."""
        with self.reading() as connection:
            head, task = self._task_head(connection, ref)
        code = ref.code if plain_name(task[1]) == ref.code else plain_name(task[1])
        return TaskRef(head[1], code)

    def task_detail(self, ref: TaskRef) -> TaskDetail:
        """One task whole, with every indicator and report."""
        with self.reading() as connection:
            task_id = self._task_head(connection, ref)[1][0]
            return self._details(connection, task_ids=[task_id], checkpoints=True)[0]

    def task_details(self, programmes: list[str] | None = None, unit: str | None = None, *, as_of: date | None = None,
                     since: date | None = None, checkpoints: bool = False) -> list[TaskDetail]:
        """Whole tasks with every indicator and every report, in document order: what reports are made of.
        With a unit, the tasks it has a line in, with those lines only. With `as_of`, each indicator's
        latest report on or before it instead of every report (what a table judged at a day prints); with
        `since` too, the reports a weekly report of those days reads (indicator_states' `since`); with `since`
        alone, every report and those an undo took back after since, marked."""
        with self.reading() as connection:
            unit_id = self._unit_id(connection, unit, programmes) if unit is not None else None
            return self._details(connection, programmes=programmes, unit_id=unit_id, as_of=as_of, since=since,
                                 checkpoints=checkpoints)

    def programme_steps(self, code: str) -> tuple[int, str, dict[str, list[tuple]]]:
        """A programme's year, its name and every checkpoint of its tasks' lines, (due, label, text, the line's lead
        units) by task code (every task, [] where it has none), lines in order and each line's by date: what the 一览表
        prints beside task_details. Four queries, not the plan read whole (load_plan: every indicator, milestone and
        report of the plan again, a sixth of a 4,000-indicator half-year report)."""
        p = self.dialect.p
        with self.reading() as connection:
            found = self._rows(connection, f"SELECT id, year, name FROM programme WHERE code = {p}", [code])
            if not found:
                raise unknown_programme(self.programme_codes(), code, self.display_url)
            programme_id, year, name = found[0]
            leads: dict[int, list[str]] = {}
            for line_id, unit in self._rows(
                    connection, "SELECT x.line_id, u.name FROM line_unit AS x JOIN unit AS u ON u.id = x.unit_id JOIN"
                                " task_line AS l ON l.id = x.line_id JOIN task AS t ON t.id = l.task_id WHERE"
                                f" t.programme_id = {p} AND x.role = 'lead' ORDER BY x.line_id, x.position", [programme_id]):
                leads.setdefault(line_id, []).append(unit)
            steps: dict[str, list[tuple]] = {task: [] for (task,) in self._rows(  # a task of none: none, not its milestones
                connection, f"SELECT code FROM task WHERE programme_id = {p}", [programme_id])}
            for task, line_id, due, label, text in self._rows(
                    connection, "SELECT t.code, l.id, c.due, c.label, c.text FROM checkpoint AS c JOIN task_line AS l"
                                f" ON l.id = c.line_id JOIN task AS t ON t.id = l.task_id WHERE t.programme_id = {p}"
                                " ORDER BY t.id, l.position, c.line_id, c.due, c.id", [programme_id]):
                steps[task].append((day(due), label, text, leads.get(line_id, [])))
        return year, name, steps

    def report_series(self, indicator_ids: list[int], as_of: date) -> dict[int, list[tuple[date, float]]]:
        """The (day, value) of the standing reports dated on or before as_of of the indicators given, each
        indicator's in date and entry order: what a weekly report charts for the indicators behind."""
        series: dict[int, list[tuple[date, float]]] = {}
        with self.reading() as connection:
            for first in range(0, len(indicator_ids), SERIES_CHUNK):
                for indicator_id, as_of_day, value in self._rows(
                        connection, *series_query(self.dialect, indicator_ids[first:first + SERIES_CHUNK], as_of)):
                    found = series.get(indicator_id)
                    if found is None:
                        found = series[indicator_id] = []
                    found.append((day(as_of_day), value))
        return series

    def latest_returns(self, indicator_ids: list[int], as_of: date) -> dict[int, dict[str | None, date]]:
        """Each indicator's latest standing report day on or before as_of by the unit that reported it (填报单位; None:
        a report naming none, logged by the office or a table with no 填报单位): whose figures came in, and when."""
        found: dict[int, dict[str | None, date]] = {}
        with self.reading() as connection:
            for first in range(0, len(indicator_ids), SERIES_CHUNK):
                for indicator_id, unit, on in self._rows(
                        connection, *returns_query(self.dialect, indicator_ids[first:first + SERIES_CHUNK], as_of)):
                    found.setdefault(indicator_id, {})[unit] = day(on)
        return found

    def _details(self, connection, *, programmes: list[str] | None = None, unit_id: int | None = None,
                 task_ids: list[int] | None = None, as_of: date | None = None, since: date | None = None,
                 checkpoints: bool = False) -> list[TaskDetail]:
        """The one place a TaskDetail is built: a fixed number of queries whatever the number of tasks.
        Leaders and units are those of the task's lines in scope, in line order; links go both ways. With
        `checkpoints`, its line_checkpoints too (one more query)."""
        from mstrack.model import TaskText

        refuse_empty_lines(self.dialect, connection)  # never a task left out, or an IndexError, without a word
        rows: dict[int, tuple] = {}  # each task's row, read by indicator_states' own query of the tasks (perf55)
        states = indicator_states(self.dialect, connection, programmes=programmes, unit_id=unit_id, task_ids=task_ids,
                                  as_of=as_of, all_reports=as_of is None, since=since, whole_tasks=rows)
        by_task: dict[tuple[str, str], list[IndicatorState]] = {}
        for state in states:  # in document order (programme, task, line, indicator): the tasks' order too
            by_task.setdefault((state.programme, state.task), []).append(state)
        task_ids_by = {(row[5], row[1]): task_id for task_id, row in rows.items()}
        own: dict[int, list[str]] = {}
        naming: dict[str, list[str]] = {}
        for task_id, ref, programme, code, _, _ in self._rows(connection, *links_query(self.dialect, programmes, task_ids)):
            own.setdefault(task_id, []).append(ref)
            naming.setdefault(ref, []).append(f"{programme}/{code}")
        others = line_checkpoints(self.dialect, connection, programmes, task_ids) if checkpoints else {}
        details = []
        for (code, task_code), indicators in by_task.items():  # a task with no indicator in scope (a unit's) has none
            task_id = task_ids_by[code, task_code]
            (_, _, title, deadline, assessment, _, start, end, _, name, area_code, area_name, note, deadline_text, problems,
             progress, next_steps, cancelled_by) = rows[task_id]
            details.append(TaskDetail(
                programme=code, programme_name=name, code=task_code, title=title,
                area=f"{area_code}、{area_name}" if area_code is not None else None,
                leaders=unique(leader for state in indicators for leader in state.leaders),
                lead_units=unique(u for state in indicators for u in state.lead_units),
                units=unique(u for state in indicators for u in state.units),
                deadline=day(deadline or end), note=note, indicators=indicators, start=day(start),
                text=TaskText(deadline_text=deadline_text, assessment=assessment, problems=problems, progress=progress,
                              next_steps=next_steps),
                links=unique([*own.get(task_id, []), *naming.get(f"{code}/{task_code}", [])]),
                line_checkpoints=_other_checkpoints(others.get(task_id, ()), indicators), cancelled_by=cancelled_by,
            ))
        return details

    def task_indicators(self, ref: TaskRef) -> list[IndicatorState]:
        """The task's indicators with their checkpoints and no report: what a name given for one is matched against
        (`history -i`, <TAB> after `-i`). Neither the programme's window nor the reports that `task_states` reads for
        a log: the window read every due of the plan when no day was given (~75 ms over 20,000 indicators:
        bench/window_read.py's "before"), and the reports every one the task ever had."""
        with self.reading() as connection:
            task = self._task_head(connection, ref)[1]
            return indicator_states(self.dialect, connection, task_ids=[task[0]], as_of=date.min)

    def task_states(self, ref: TaskRef, *, as_of: str | None = None,
                    today: date | None = None) -> tuple[ReportWindow, list[IndicatorState]]:
        """The programme's window of reports and the task's indicators with every report, for `log` to choose from.
        The window as the day logged (`as_of`, else `today`) needs it (store51): from the programme's own row (its
        year, start and end) where the day is inside the days that row gives, since its tasks' deadlines, checkpoints
        and milestones can only move its last day later (the whole window holds the day too, and says the same);
        read whole, those with it, for a day outside (a refusal names the whole window) or no day given. Reading them
        cost a `log` ~75 ms over a plan of 20,000 indicators (bench/window_read.py)."""
        from mstrack.domain.dates import ReportWindow
        from mstrack.domain.progress import logged_day

        with self.reading() as connection:
            head, task = self._task_head(connection, ref)
            self._refuse_cancelled(connection, head[1], task)
            window = ReportWindow.of(head[3], day(head[4]), day(head[5]))
            try:
                inside = today is not None and window.holds(logged_day(as_of, window, today))
            except InputError:  # not a day: check_report says so
                inside = False
            if not inside:
                window = import_reads.programme_windows(self.dialect, connection, [head[1]])[head[1]]
            return window, indicator_states(self.dialect, connection, task_ids=[task[0]], as_of=None, all_reports=True)

    def status_states(self, as_of: date, programmes: list[str] | None = None, unit: str | None = None,
                      previous: bool = False) -> list[IndicatorState]:
        """Every indicator with its checkpoints and its latest report on or before as_of (with `previous`,
        also the latest of an earlier date: what a forecast's pace is measured on)."""
        with self.reading() as connection:
            if programmes:
                known = {code for (code,) in self._rows(connection, "SELECT code FROM programme")}
                for code in programmes:
                    if code not in known:
                        raise unknown_programme(sorted(known), code, self.display_url)
            unit_id = self._unit_id(connection, unit, programmes) if unit is not None else None
            refuse_empty_lines(self.dialect, connection)  # never a task left out without a word
            return indicator_states(self.dialect, connection, programmes=programmes, unit_id=unit_id, as_of=as_of,
                                    previous=previous)

    def unit_named(self, unit: str, programmes: list[str] | None = None) -> str:
        """The stored name of the unit a --unit names (_unit_id): 区农业农村局 is the plan's 區農業農村局."""
        with self.reading() as connection:
            unit_id = self._unit_id(connection, unit, programmes)
            return self._rows(connection, f"SELECT name FROM unit WHERE id = {self.dialect.p}", [unit_id])[0][0]

    def _unit_id(self, connection, unit: str, programmes: list[str] | None = None) -> int:
        """The unit a --unit names, as the plan's units read alike (names.look_alike): 市衛健委 is 市卫健委; the one rule of
        every command's --unit. Several that read alike (a store written before a plan's were refused so) are refused
        naming them, never one of them. With `programmes`, a unit with no line in them is refused too, naming theirs:
        a report or a notice for it would say "nothing late" of tasks it has none of."""
        key = look_alike(unit)
        found = [(unit_id, name) for unit_id, name in self._rows(connection, "SELECT id, name FROM unit ORDER BY name")
                 if look_alike(name) == key]
        if len(found) > 1:
            raise InputError("--unit {unit!r}: names {n} units that read alike: {names}; the plans name one office so: "
                             "import them with one name", unit=unit, n=len(found),
                             names=", ".join(repr(name) for _, name in found))
        if not found:
            names = close_names(unit, [name for (name,) in self._rows(connection, "SELECT name FROM unit ORDER BY name")])
            hint = Message("did you mean: {names}", names=", ".join(names[:8])) if names else Message(
                "see `mstrack units` for unit names")
            raise InputError("--unit {unit!r}: no such unit; {hint}", unit=unit, hint=hint)
        if programmes:
            where, params = task_scope(self.dialect, programmes, None)
            theirs = [name for (name,) in self._rows(
                connection, "SELECT DISTINCT u.name FROM unit AS u JOIN line_unit AS x ON x.unit_id = u.id"
                " JOIN task_line AS l ON l.id = x.line_id JOIN task AS t ON t.id = l.task_id"
                f" JOIN programme AS p ON p.id = t.programme_id WHERE {' AND '.join(where)} ORDER BY u.name", params)]
            if found[0][1] not in theirs:
                near = close_names(unit, theirs) or theirs
                raise InputError("--unit {unit!r}: {name} has no task in {programmes}; their units: {names}", unit=unit,
                                 name=found[0][1], programmes=", ".join(programmes),
                                 names=", ".join(near[:8]) + (" …" if len(near) > 8 else "") if near else "—")
        return found[0][0]

def close_names(name: str, known: list[str]) -> list[str]:
    """The known names that hold `name`, then those it abbreviates (住建局: 市住房和城乡建设局; domain.names.abbreviates),
    then those spelled like it (difflib): what a typo or a short name may have meant."""
    import difflib

    holding = [k for k in known if name in k]
    short = [k for k in known if abbreviates(name, k)]
    return unique([*holding, *short, *difflib.get_close_matches(name, known, n=8, cutoff=0.6)])
