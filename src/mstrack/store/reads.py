"""The store's reads: tasks whole, indicator states, history, batches and frozen reports. Plain SQL
through the driver (Dialect), plain data out: no ORM object leaves the store."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import compress
from operator import itemgetter
from typing import TYPE_CHECKING

from mstrack.domain import unique
from mstrack.domain.names import look_alike, plain_name, plain_names, unknown_programme
from mstrack.errors import InputError, Message
from mstrack.store import import_reads
from mstrack.store.checks import refuse_empty_lines
from mstrack.store.dialect import day, moment, number
from mstrack.store.states import indicator_states, line_checkpoints, series_query, standing, task_scope

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
    programme, sep, code = ref.partition("/")
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


@dataclass
class BatchInfo:
    id: int
    created_at: datetime
    user: str | None
    command: str
    source: str | None
    reason: str | None
    undoes: int | None
    undone_by: int | None
    programme: str | None
    reports_added: int  # as written, kept on the batch (migration 10): no later deletion changes them
    reports_retracted: int
    undone_deleted: int = 0  # undone reports this batch's plan write deleted (an undo's: said by its summary)
    restated_kept: list[tuple[int, int]] = field(default_factory=list)  # an undo's: (later import, how many) it left standing
    plan_changes: list = field(default_factory=list)  # an undo's of a plan import: what it changes, as `import plan` says
    programme_removed: bool = False  # an undo's of a programme's first import: the programme is gone with it


@dataclass
class HistoryEntry:
    """One value an indicator had, and what became of it."""

    report_id: int
    indicator: str
    unit: str
    as_of: date
    value: int | float
    note: str | None
    reporter: str | None
    entered_at: datetime
    batch_id: int | None
    reason: str | None
    source: str | None
    state: str  # "current", "superseded" (a later entry for the same date) or "retracted" (undone)
    superseded_by: int | None = None
    retracted_by: int | None = None
    reporting_unit: str | None = None  # the office that reported it (填报单位), when its return or log said it


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

    def batch_reports_said(self, batch: int, limit: int = 3) -> list[tuple]:
        """The first reports a batch added, (programme, task, indicator, unit, as of, value) each, by its range of report
        ids: what an undo of a log names (safety47 F8: "batch 7 undoes batch 6 (log by root, …)" named no programme,
        task or value)."""
        p = self.dialect.p
        with self.reading() as connection:
            rows = self._rows(connection, "SELECT g.code, t.code, i.name, i.unit, x.as_of, x.value FROM batch AS b"
                                          " JOIN report AS x ON x.id BETWEEN b.first_report_id AND b.last_report_id"
                                          " AND x.batch_id = b.id JOIN indicator AS i ON i.id = x.indicator_id"
                                          " JOIN task_line AS l ON l.id = i.line_id JOIN task AS t ON t.id = l.task_id"
                                          f" JOIN programme AS g ON g.id = t.programme_id WHERE b.id = {p} ORDER BY x.id"
                                          f" LIMIT {p}", [batch, limit])
        return [(code, task, name, unit, day(as_of), number(value)) for code, task, name, unit, as_of, value in rows]

    def programme_code_years(self) -> list[tuple[str, int]]:
        """Every programme's code and year, by code: which of them a report left without -p covers (cli.common.open_scope)."""
        with self.reading() as connection:
            return [(code, year) for code, year in self._rows(connection, "SELECT code, year FROM programme ORDER BY code")]

    def programme_windows(self, codes: list[str] | None = None) -> dict[str, ReportWindow]:
        """Each programme's window of reports (of `codes`, or all) by code (import_reads.programme_windows)."""
        with self.reading() as connection:
            return import_reads.programme_windows(self.dialect, connection, codes)

    def programme_codes(self) -> list[str]:
        with self.reading() as connection:
            return [code for (code,) in self._rows(connection, "SELECT code FROM programme ORDER BY code")]

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
        found = self._rows(connection, f'SELECT id, code, name, year, start, "end" FROM programme WHERE code = {p}', [ref.programme])
        if not found:
            known = [code for (code,) in self._rows(connection, "SELECT code FROM programme ORDER BY code")]
            raise unknown_programme(known, ref.programme, self.display_url)
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
        if not found:
            codes = [code for (code,) in self._rows(connection, f"SELECT code FROM task WHERE programme_id = {p} ORDER BY position",
                                                    [head[0]])]
            shown = ", ".join(codes[:12]) + (" …" if len(codes) > 12 else "")
            raise InputError("{programme} has no task {code!r}; its tasks are {codes}", programme=ref.programme, code=ref.code,
                             codes=shown)
        return head, found[0]

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

    def _details(self, connection, *, programmes: list[str] | None = None, unit_id: int | None = None,
                 task_ids: list[int] | None = None, as_of: date | None = None, since: date | None = None,
                 checkpoints: bool = False) -> list[TaskDetail]:
        """The one place a TaskDetail is built: a fixed number of queries whatever the number of tasks.
        Leaders and units are those of the task's lines in scope, in line order; links go both ways. With
        `checkpoints`, its line_checkpoints too (one more query)."""
        from mstrack.model import TaskText

        refuse_empty_lines(self.dialect, connection)  # never a task left out, or an IndexError, without a word
        states = indicator_states(self.dialect, connection, programmes=programmes, unit_id=unit_id, task_ids=task_ids,
                                  as_of=as_of, all_reports=as_of is None, since=since)
        by_task: dict[tuple[str, str], list[IndicatorState]] = {}
        for state in states:
            by_task.setdefault((state.programme, state.task), []).append(state)
        where, params = task_scope(self.dialect, programmes, task_ids)  # the tasks indicator_states read
        tasks = self._rows(connection,
                           "SELECT t.id, p.code, p.name, t.code, t.title, a.code, a.name, t.deadline, p.\"end\", t.note,"
                           " t.deadline_text, t.assessment, t.problems, t.progress, t.next_steps, p.start FROM task AS t"
                           " JOIN programme AS p ON t.programme_id = p.id LEFT JOIN area AS a ON t.area_id = a.id"
                           + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY p.code, t.position", params)
        own: dict[int, list[str]] = {}
        naming: dict[str, list[str]] = {}
        for task_id, ref, programme, code in self._rows(
                connection, "SELECT k.task_id, k.ref, p.code, t.code FROM task_link AS k JOIN task AS t ON k.task_id = t.id"
                            " JOIN programme AS p ON t.programme_id = p.id ORDER BY p.code, t.position, k.position"):
            own.setdefault(task_id, []).append(ref)
            naming.setdefault(ref, []).append(f"{programme}/{code}")
        others = line_checkpoints(self.dialect, connection, programmes, task_ids) if checkpoints else {}
        details = []
        for (task_id, code, name, task_code, title, area_code, area_name, deadline, end, note, deadline_text, assessment,
             problems, progress, next_steps, start) in tasks:
            indicators = by_task.get((code, task_code))
            if not indicators:
                continue  # outside the unit asked for
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
                line_checkpoints=_other_checkpoints(others.get(task_id, ()), indicators),
            ))
        return details

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
            window = ReportWindow.of(head[3], day(head[4]), day(head[5]))
            try:
                inside = today is not None and window.holds(logged_day(as_of, window.year, today))
            except InputError:  # not a day: check_report says so
                inside = False
            if not inside:
                window = import_reads.programme_windows(self.dialect, connection, [head[1]])[head[1]]
            return window, indicator_states(self.dialect, connection, task_ids=[task[0]], as_of=None, all_reports=True)

    def import_indicators(self, code: str, tasks: list[str] | None = None) -> tuple[int, dict[str, list[tuple]]] | None:
        """A programme's year and its indicators by task code (only those of `tasks`, when given), as an import
        checks rows against them (plain tuples: import_reads.import_indicators); None if there is no such programme."""
        with self.reading() as connection:
            return import_reads.import_indicators(self.dialect, connection, code, tasks)

    def import_tasks(self, code: str) -> dict[str, tuple[str, tuple[str, ...]]]:
        """A programme's tasks' titles and units, by code (import_reads.import_tasks)."""
        with self.reading() as connection:
            return import_reads.import_tasks(self.dialect, connection, code)

    def import_terms(self, ids: list[int]) -> dict[int, tuple]:
        """The rest of those indicators' plan, by id, for the objects an import makes (import_reads.import_terms)."""
        with self.reading() as connection:
            return import_reads.import_terms(self.dialect, connection, ids)

    def period_targets(self, indicator_id: int) -> list[tuple[date, int | float | None]]:
        """An indicator's checkpoints (due, figure or None) by due (import_reads.period_targets)."""
        with self.reading() as connection:
            return import_reads.period_targets(self.dialect, connection, indicator_id)

    def checkpoint_texts(self, indicator_id: int) -> list[str]:
        """A text-only line's checkpoints' words by due (import_reads.checkpoint_texts)."""
        with self.reading() as connection:
            return import_reads.checkpoint_texts(self.dialect, connection, indicator_id)

    def import_programme(self, code: str) -> tuple[int, int] | None:
        """A programme's year and its number of tasks (import_reads.import_programme); None if there is none."""
        with self.reading() as connection:
            return import_reads.import_programme(self.dialect, connection, code)

    def last_report_id(self) -> int:
        with self.reading() as connection:
            return import_reads.last_report_id(self.dialect, connection)

    def stored_on(self, keys: list[tuple[int, date]], *, upto: int) -> list[float | None]:
        """The value stored on each (indicator, day) by the reports up to id `upto` (import_reads.stored_on)."""
        with self.reading() as connection:
            return import_reads.stored_on(self.dialect, connection, keys, upto=upto)

    def stored_texts_on(self, keys: list[tuple[int, date]], *, upto: int,
                        columns: tuple[str, ...] = ("note", "reporter")) -> list[tuple]:
        """The note and reporter (or other `columns`) standing on each (indicator, day) (import_reads.stored_texts_on)."""
        with self.reading() as connection:
            return import_reads.stored_texts_on(self.dialect, connection, keys, upto=upto, columns=columns)

    def kept_corrections(self, keys: list[tuple[int, date, float]], *, upto: int) -> list[tuple | None]:
        """The later entry each stale (indicator, day, value) would beat, or None (import_reads.kept_corrections)."""
        with self.reading() as connection:
            return import_reads.kept_corrections(self.dialect, connection, keys, upto=upto)

    def standing_before(self, keys: list[tuple[int, date]], *, upto: int) -> list[tuple]:
        """The (day, value) standing last before each (indicator, day), by the reports up to id `upto`
        (import_reads.standing_before)."""
        with self.reading() as connection:
            return import_reads.standing_before(self.dialect, connection, keys, upto=upto)

    def stored_between(self, spans: list[tuple[int, date, date]], *, upto: int) -> tuple[list[tuple], dict[int, list[tuple]]]:
        """What each indicator's rows could fall from, by the reports up to id `upto` (import_reads.stored_between)."""
        with self.reading() as connection:
            return import_reads.stored_between(self.dialect, connection, spans, upto=upto)

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

    def history(self, ref: TaskRef, indicator: str | None = None) -> list[HistoryEntry]:
        """Every value the task's indicators ever had, corrections and undone ones included."""
        p = self.dialect.p
        with self.reading() as connection:
            task_id = self._task_head(connection, ref)[1][0]
            refuse_empty_lines(self.dialect, connection)  # never "no reports yet" of reports whose indicator is gone
            rows = self._rows(
                connection,
                "SELECT r.id, i.name, i.unit, r.as_of, r.value, r.note, r.reporter, r.entered_at, r.batch_id, r.reason,"
                " r.source, x.batch_id, r.reporting_unit FROM report AS r JOIN indicator AS i ON r.indicator_id = i.id"
                " JOIN task_line AS l ON i.line_id = l.id LEFT JOIN report_retraction AS x ON x.report_id = r.id"
                f" WHERE l.task_id = {p}{f' AND i.name = {p}' if indicator is not None else ''}"
                " ORDER BY l.position, i.position, r.as_of, r.id",
                [task_id] if indicator is None else [task_id, indicator])
        entries = [
            HistoryEntry(report_id=report_id, indicator=name, unit=unit, as_of=day(as_of), value=number(value), note=note,
                         reporter=reporter, entered_at=moment(entered_at), batch_id=batch_id, reason=reason, source=source,
                         state="retracted" if retracted else "current", retracted_by=retracted, reporting_unit=office)
            for report_id, name, unit, as_of, value, note, reporter, entered_at, batch_id, reason, source, retracted, office in rows
        ]
        latest: dict[tuple[str, date], HistoryEntry] = {}
        for entry in entries:  # in entry order per date: a later standing entry supersedes an earlier one
            if entry.state == "retracted":
                continue
            earlier = latest.get((entry.indicator, entry.as_of))
            if earlier is not None:
                earlier.state, earlier.superseded_by = "superseded", entry.report_id
            latest[(entry.indicator, entry.as_of)] = entry
        return entries

    def reports_after(self, programme: str, on: date) -> tuple[int, date | None]:
        """How many standing reports of a programme are dated after `on`, and the latest day among them: what a
        report as of `on` leaves out (the annual 一览表 says so of the year-end figures reported in January)."""
        p = self.dialect.p
        with self.reading() as connection:
            [(count, latest)] = self._rows(
                connection, "SELECT COUNT(*), MAX(x.as_of) FROM report AS x JOIN indicator AS i ON x.indicator_id = i.id"
                " JOIN task_line AS l ON i.line_id = l.id JOIN task AS t ON l.task_id = t.id JOIN programme AS g"
                f" ON t.programme_id = g.id WHERE g.code = {p} AND x.as_of > {p} AND {standing('x')}", [programme, on])
        return count, day(latest)

    def batches(self, limit: int = 20, ids: list[int] | None = None) -> list[BatchInfo]:
        """The latest batches, newest first; or those of the given ids."""
        columns = ('SELECT id, created_at, "user", command, source, reason, undoes, programme, reports_added, reports_retracted'
                   " FROM batch")
        with self.reading() as connection:
            if ids is not None:
                rows = self._rows(connection, f"{columns} WHERE id IN ({self.dialect.params(len(ids))}) ORDER BY id DESC", ids) \
                    if ids else []
            else:
                rows = self._rows(connection, f"{columns} ORDER BY id DESC LIMIT {self.dialect.p}", [limit])
            if not rows:
                return []
            ids = [row[0] for row in rows]
            scope = f"IN ({self.dialect.params(len(ids))})"
            undone = dict(self._rows(connection, f"SELECT undoes, id FROM batch WHERE undoes {scope}", ids))
            deleted = dict(self._rows(connection, "SELECT batch_id, sum(reports) FROM undone_deleted"
                                                  f" WHERE batch_id {scope} GROUP BY batch_id", ids))
        return [
            BatchInfo(id=batch_id, created_at=moment(created_at), user=user, command=command, source=source, reason=reason,
                      undoes=undoes, undone_by=undone.get(batch_id), programme=programme,
                      reports_added=int(added), reports_retracted=int(retracted), undone_deleted=int(deleted.get(batch_id) or 0))
            for batch_id, created_at, user, command, source, reason, undoes, programme, added, retracted in rows
        ]

    def snapshot(self, snapshot_id: int | None) -> tuple[int, datetime, str, dict, dict]:
        """(id, when, kind, params, content) of a frozen report; the latest without an id."""
        columns = "SELECT id, created_at, kind, params, content FROM report_snapshot"
        with self.reading() as connection:
            rows = self._rows(connection, f"{columns} WHERE id = {self.dialect.p}", [snapshot_id]) if snapshot_id else \
                self._rows(connection, f"{columns} ORDER BY id DESC LIMIT 1")
        if not rows:
            if snapshot_id:
                raise InputError("no frozen report {number}", number=snapshot_id)
            raise InputError("no frozen report yet: print one with `mstrack report weekly --freeze`")
        found, created_at, kind, params, content = rows[0]
        return found, moment(created_at), kind, json.loads(params), json.loads(content)

    def snapshots(self, limit: int = 20) -> list[tuple[int, datetime, str | None, str, dict]]:
        with self.reading() as connection:
            rows = self._rows(connection, 'SELECT id, created_at, "user", kind, params FROM report_snapshot'
                                          f" ORDER BY id DESC LIMIT {self.dialect.p}", [limit])
        return [(found, moment(created_at), user, kind, json.loads(params)) for found, created_at, user, kind, params in rows]


def close_names(name: str, known: list[str]) -> list[str]:
    """The known names that hold `name`, then those spelled like it (difflib): what a typo may have meant."""
    import difflib

    holding = [k for k in known if name in k]
    return unique([*holding, *difflib.get_close_matches(name, known, n=8, cutoff=0.6)])
