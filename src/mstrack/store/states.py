"""Indicator states, the reads every status, show and report is made of: five plain queries whatever the
number of indicators, tuples from the driver, built into model.IndicatorState. What the plan says of each
indicator (its units, and its checkpoints or milestones with their words) is read from the indicator's own
plan_rows, which write_plan_rows keeps whenever a plan is written."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from json.scanner import make_scanner
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING

from mstrack.store.dialect import DAYS, Dialect, json_list, moment, number
from mstrack.store.dialect import day as day_of
from mstrack.vocabulary import SCHEDULE

if TYPE_CHECKING:
    from mstrack.model import IndicatorState, MilestoneState, ReportState

_FIRST = itemgetter(0)
_SCAN = make_scanner(json.JSONDecoder())  # json.loads without its wrapper: (value, end), in C
_DUE = attrgetter("due")


def standing(alias: str) -> str:
    """SQL: the report `alias` stands, no undo having retracted it; the one test every read of reports makes.
    By the retraction's primary key: NOT IN (SELECT …) made PostgreSQL scan every retraction for every report
    once they outgrew work_mem (300,000 after a few undone imports)."""
    return f"NOT EXISTS (SELECT 1 FROM report_retraction AS r WHERE r.report_id = {alias}.id)"


def standing_at(alias: str, p: str) -> str:
    """SQL: the report `alias` stood on the day before the bound day ({p}: that day's start in the local zone, as an
    instant: day_start), no undo dated before it having retracted it; an undo's time is its batch's. What a weekly
    report's last week stood on."""
    return (f"NOT EXISTS (SELECT 1 FROM report_retraction AS r JOIN batch AS b ON b.id = r.batch_id"
            f" WHERE r.report_id = {alias}.id AND b.created_at < {p})")


def day_start(dialect: Dialect, day: date):
    """The instant a local day starts (00:00 in TZ, the zone of --as-of and --since), in UTC as entry times are
    stored: a weekly window's bound worked out here, never by the SQL session's zone (PGTZ), so that SQLite and
    PostgreSQL read the same entries."""
    return dialect.bound(datetime.combine(day, time()).astimezone(UTC))


def after_day(dialect: Dialect, day: date):
    """standing_at's parameter for `day`: the next day's start."""
    return day_start(dialect, day + timedelta(days=1))


def indicator_states(
    dialect: Dialect, connection, *, as_of: date | None, programmes: list[str] | None = None,
    unit_id: int | None = None, task_ids: list[int] | None = None, all_reports: bool = False, previous: bool = False,
    since: date | None = None, whole_tasks: dict | None = None,
) -> list[IndicatorState]:
    """The indicators in scope, each with its checkpoints or milestones and its reports: every report
    (all_reports) or the latest on or before as_of. Five plain queries, whatever the number of
    indicators, sent together (see Dialect.rows_many).

    Measured at 20,000 indicators and 1,000,000 reports: the latest report found by one index seek
    per indicator (a correlated LIMIT 1 over (indicator_id, as_of, id)) takes a fifth of the time of
    GROUP BYs over the whole table, and tuples from the driver half the time of ORM rows. The plan's
    units, checkpoints and milestones (240,000 rows) come as one plan_rows text per indicator: 0.43 → 0.24 s.

    With `previous` (and not all_reports), each indicator also gets the latest report of an earlier date
    than its latest one, in the same read: its day and value only (a forecast's pace reads nothing else;
    its note, reporter and time of entry, a quarter of the read at 20,000 indicators, are left None). That is
    a status's read, and it leaves out what no status row holds: the latest report's reporter and time of
    entry, the indicator's words (text) and the line's leaders (half of the indicator query's time).

    `since` (with as_of, not all_reports): what a weekly report of the days since..as_of reads, bounded by
    the indicators and those days, not by the history: each indicator's latest report on or before as_of
    and on or before since, and every report dated on or before as_of that is dated after since or was
    entered in the days between (a superset: the days of entry are a day wider either side, for the
    timestamps' zone; the report keeps those entered in its days). In date and entry order. With `since`
    (bounded or all_reports), a report an undo took back after since and that last week's report may have
    stood on comes too, ReportState.retracted (reports.window: last week's status counts it, this week's not).

    `whole_tasks`, a dict: filled with each task's row as a TaskDetail needs it (reads._details: TASK_COLUMNS and
    WHOLE_TASK_COLUMNS, by task id), read by the same task query, not by one more over the same tasks."""
    from mstrack.model import IndicatorState, MilestoneState  # the status's classes: not at an import's start

    previous = previous and not all_reports and since is None
    results = dialect.rows_many(connection, _queries(dialect, as_of=as_of, programmes=programmes, unit_id=unit_id,
                                                     task_ids=task_ids, all_reports=all_reports, previous=previous, since=since,
                                                     whole_tasks=whole_tasks is not None))
    rows = next(results)
    if not rows:
        results.close()
        return []
    task_rows = next(results)
    if whole_tasks is not None:
        whole_tasks.update((row[0], row) for row in task_rows)
        task_rows = (row[:len(TASK_COLUMNS)] for row in task_rows)
    tasks = {
        task_id: (code, title, day_of(deadline or end), assessment, programme, day_of(start), rule)
        for task_id, code, title, deadline, assessment, programme, start, end, rule in task_rows
    }
    plans = dict(next(results))
    unit_names = dict(next(results)).__getitem__
    reports = _latest_pairs(next(results)) if previous else _reports(next(results), marked=since is not None)
    states = []
    loads, days, no_reports, new = _SCAN, DAYS, [], object.__new__
    for indicator_id, kind, name, unit, comparator, target, reading, text, line_position, _, line_leaders, task_id in rows:
        task_code, task_title, deadline, assessment, code, start, rule = tasks[task_id]
        plan = plans[indicator_id]
        lead, responsible, marks = loads(plan, 0)[0] if type(plan) is str else plan
        milestone_states = []
        for due, mark_target, words, label, printed in marks:
            milestone = new(MilestoneState)  # every field named, without __init__'s keyword matching (model.py)
            milestone.due = days.get(due) or day_of(due)
            milestone.target = mark_target
            milestone.text = words
            milestone.label = label
            milestone.printed = printed
            milestone_states.append(milestone)
        if not milestone_states and kind == SCHEDULE:
            milestone_states = [MilestoneState(due=deadline, target=None, text=task_title, label="完成时限")]
        state = new(IndicatorState)
        state.programme = code
        state.task = task_code
        state.indicator = name
        state.milestones = milestone_states
        state.reports = reports.get(indicator_id, no_reports)
        state.deadline = deadline
        state.target = number(target)
        state.comparator = comparator
        state.unit = unit
        state.kind = kind
        state.lead_units = list(map(unit_names, lead))
        state.units = list(map(unit_names, responsible))
        state.task_title = task_title
        state.text = text
        state.line = line_position
        state.start = start
        state.indicator_id = indicator_id
        state.assessment = assessment
        state.rule = rule
        state.leaders = [] if line_leaders is None else json_list(line_leaders)  # a status reads none
        state.reading = reading
        states.append(state)
    return states


def _plan_text(lead: list[int], responsible: list[int], marks: list[tuple]) -> str:
    """An indicator's plan_rows: [lead units' ids, responsible units' ids, [[due, target, text, label, printed], …]],
    the milestones by date (a text-only line's: its checkpoints). Ids, not names: a unit's name stays in its own row."""
    return json.dumps([lead, responsible, [[on.isoformat(), *rest] for on, *rest in marks]], ensure_ascii=False,
                      separators=(",", ":"))


def write_plan_rows(dialect: Dialect, connection, programme_id: int | None = None) -> None:
    """Every indicator's plan_rows (of one programme, or all), made from its line's units and checkpoints and
    its milestones: what a status reads instead of those 240,000 rows at 20,000 indicators. Run by the plan
    writer after every plan write, by migration 7 for a database made before it and by `db check --repair`."""
    dialect.execute_many(connection, f"UPDATE indicator SET plan_rows = {dialect.p} WHERE id = {dialect.p}",
                         made_plan_rows(dialect, connection, programme_id))


def made_plan_rows(dialect: Dialect, connection, programme_id: int | None = None) -> list[tuple[str, int]]:
    """(plan_rows, indicator id) of every indicator (of one programme, or all) as its rows make it: the one way they
    are made (write_plan_rows), and what `db check` compares the stored ones with (store/checks)."""
    p = dialect.p
    scope = "" if programme_id is None else f" WHERE t.programme_id = {p}"
    params = [] if programme_id is None else [programme_id]
    lines = f"SELECT l.id FROM task_line AS l JOIN task AS t ON l.task_id = t.id{scope}"
    indicators = f"SELECT i.id FROM indicator AS i JOIN task_line AS l ON i.line_id = l.id JOIN task AS t ON l.task_id = t.id{scope}"
    results = dialect.rows_many(connection, [
        (f"SELECT x.id, x.kind, x.line_id FROM indicator AS x WHERE x.id IN ({indicators})", params),
        (f"SELECT x.line_id, x.role, x.unit_id FROM line_unit AS x WHERE x.line_id IN ({lines}) ORDER BY x.line_id, x.role, x.position",
         params),
        (f"SELECT x.line_id, x.due, x.text, x.label FROM checkpoint AS x WHERE x.line_id IN ({lines}) ORDER BY x.id", params),
        (f"SELECT x.indicator_id, x.due, x.target, x.printed, x.text FROM milestone AS x WHERE x.indicator_id IN ({indicators})"
         " ORDER BY x.id", params),
    ])
    found = next(results)
    units, checkpoints = group_units(next(results)), _checkpoints(next(results))
    milestones = _milestones(next(results), {indicator_id: line_id for indicator_id, _, line_id in found}, checkpoints)
    no_units = ([], [])
    rows = []
    for indicator_id, kind, line_id in found:
        if kind == SCHEDULE:
            marks = [(on, None, words, label, None) for on, words, label in checkpoints.get(line_id, ())]
        else:
            marks = [(m.due, m.target, m.text, m.label, m.printed) for m in milestones.get(indicator_id, ())]
        rows.append((_plan_text(*units.get(line_id, no_units), marks), indicator_id))
    return rows


# Checkpoints and milestones come in entry order, which is the document's and nearly always by date; the few
# lists that are not are sorted after (stable: by date, then entry), cheaper than having the database sort them.

def _checkpoints(rows) -> dict[int, list[tuple]]:
    """Each line's checkpoints, (day, text, label) by date."""
    days = DAYS  # dates repeat (a few checkpoint days a year): memo lookups inline
    checkpoints: dict[int, list[tuple]] = {}
    unsorted = set()
    for line_id, due, text, label in rows:
        on = days.get(due) or day_of(due)
        found = checkpoints.get(line_id)
        if found is None:
            found = checkpoints[line_id] = []
        elif found[-1][0] > on:
            unsorted.add(line_id)
        found.append((on, text, label))
    for line_id in unsorted:
        checkpoints[line_id].sort(key=_FIRST)
    return checkpoints


def _milestones(rows, line_of: dict[int, int], checkpoints: dict[int, list[tuple]]) -> dict[int, list[MilestoneState]]:
    """Each quantity's milestones by date. One takes its words from the line's checkpoint of the same
    date, unless it has its own."""
    from mstrack.model import MilestoneState

    days = DAYS
    line_index: dict[int, dict] = {}  # a line's checkpoints by date, built once per line
    no_checkpoint = ("", "")
    milestones: dict[int, list[MilestoneState]] = {}
    unsorted = set()
    for indicator_id, due, target, printed, text in rows:
        line_id = line_of.get(indicator_id)
        by_due = line_index.get(line_id)
        if by_due is None:
            by_due = line_index[line_id] = {on: (words, label) for on, words, label in checkpoints.get(line_id, ())}
        on = days.get(due) or day_of(due)
        words, label = by_due.get(on, no_checkpoint)
        if target is not None and target.is_integer():
            target = int(target)
        found = milestones.get(indicator_id)
        if found is None:
            found = milestones[indicator_id] = []
        elif found[-1].due > on:
            unsorted.add(indicator_id)
        found.append(MilestoneState(due=on, target=target, text=words if text is None else text, label=label,
                                    printed=None if printed is None else number(printed)))
    for indicator_id in unsorted:
        milestones[indicator_id].sort(key=_DUE)
    return milestones


def line_checkpoints(dialect: Dialect, connection, programmes: list[str] | None,
                     task_ids: list[int] | None) -> dict[int, list[tuple]]:
    """The checkpoints of the lines with a quantity of the tasks in scope (task_scope), (line position, due, label, text)
    by task id, in line and date order: one read whatever the number of tasks or lines. A quantity's milestones carry
    only the words of the checkpoint of their own date (_milestones); the rest are read here (trial50 T10g)."""
    where, params = task_scope(dialect, programmes, task_ids)
    found: dict[int, list[tuple]] = {}
    days = DAYS
    for task_id, position, due, label, text in dialect.rows(connection, (
            "SELECT l.task_id, l.position, c.due, c.label, c.text FROM checkpoint AS c JOIN task_line AS l"
            " ON c.line_id = l.id JOIN task AS t ON l.task_id = t.id JOIN programme AS p ON t.programme_id = p.id"
            f" WHERE {' AND '.join([*where, ''])}EXISTS (SELECT 1 FROM indicator AS i WHERE i.line_id = l.id AND"
            f" i.kind <> {dialect.p}) ORDER BY l.task_id, l.position, c.due, c.id"), [*params, SCHEDULE]):
        found.setdefault(task_id, []).append((position, days.get(due) or day_of(due), label, text))
    return found


def _latest_pairs(rows) -> dict[int, list[ReportState]]:
    """Each indicator's latest report (its day, value and note) and the latest of an earlier date (its day and
    value), one row each: [earlier, latest], as engine.in_force and forecast.last_two read them (just [latest]
    when there is no earlier one)."""
    from mstrack.model import ReportState

    days = DAYS
    reports: dict[int, list[ReportState]] = {}
    new = object.__new__  # every field named, without __init__'s keyword matching (model.py)
    for indicator_id, latest_on, latest_value, note, on, value in rows:
        latest = new(ReportState)
        latest.as_of = days.get(latest_on) or day_of(latest_on)
        latest.value = int(latest_value) if latest_value.is_integer() else latest_value
        latest.note = note
        latest.reporter = latest.entered_at = latest.reporting_unit = None
        latest.retracted = False
        if on is None:
            reports[indicator_id] = [latest]
            continue
        earlier = new(ReportState)
        earlier.as_of = days.get(on) or day_of(on)
        earlier.value = int(value) if value.is_integer() else value
        earlier.note = earlier.reporter = earlier.entered_at = earlier.reporting_unit = None
        earlier.retracted = False
        reports[indicator_id] = [earlier, latest]
    return reports


def _reports(rows, marked: bool = False) -> dict[int, list[ReportState]]:
    """Each indicator's reports, in the order the query gave them; `marked`: each row ends with whether an undo
    has retracted the report (_window_query's rows)."""
    from mstrack.model import ReportState

    days = DAYS
    reports: dict[int, list[ReportState]] = {}
    for row in rows:
        indicator_id, as_of_day, value, note, reporter, entered_at, unit = row[:7] if marked else row
        if value.is_integer():
            value = int(value)
        found = reports.get(indicator_id)
        if found is None:
            found = reports[indicator_id] = []
        found.append(ReportState(as_of=days.get(as_of_day) or day_of(as_of_day), value=value, note=note, reporter=reporter,
                                 entered_at=moment(entered_at), retracted=marked and bool(row[7]), reporting_unit=unit))
    return reports


def task_scope(dialect: Dialect, programmes: list[str] | None, task_ids: list[int] | None) -> tuple[list[str], list]:
    """The tasks in scope, as conditions on `p` (programme) and `t` (task) and their parameters: those of the programmes
    named (all with none), of the task ids given (none with an empty list). The one scope of indicator_states' queries
    and of the tasks a TaskDetail is built for (reads._details), so that both read the same tasks. A task a plan
    cancelled (task.cancelled_by) is in no scope but its own ids' (`show` of it): no count, rate or list holds it."""
    where, params = [] if task_ids is not None else ["t.cancelled_by IS NULL"], []
    if programmes:
        where.append(f"p.code IN ({dialect.params(len(programmes))})")
        params += programmes
    if task_ids is not None:
        where.append(f"t.id IN ({dialect.params(len(task_ids))})" if task_ids else "1 = 0")
        params += task_ids
    return where, params


def links_query(dialect: Dialect, programmes: list[str] | None, task_ids: list[int] | None) -> tuple[str, list]:
    """The links a TaskDetail of the tasks in scope (task_scope) says, both ways: their own, and those of any task that
    names one of them (PROGRAMME/CODE), in the programmes' and tasks' order; every link where the scope is every task.
    (task_id, ref, programme, task, and the two positions it is ordered by) each. Each half by an index: task_link's
    key (task_id first) and its ref's (store57: every link of every programme was read for the tasks of one)."""
    where, params = task_scope(dialect, programmes, task_ids)
    select = ("SELECT k.task_id, k.ref, p.code, t.code, t.position, k.position FROM task_link AS k JOIN task AS t"
              " ON k.task_id = t.id JOIN programme AS p ON t.programme_id = p.id")
    if not where:
        return f"{select} ORDER BY 3, 5, 6", []
    tasks = f"FROM task AS t JOIN programme AS p ON t.programme_id = p.id WHERE {' AND '.join(where)}"
    return (f"{select} WHERE k.task_id IN (SELECT t.id {tasks}) UNION {select} WHERE k.ref IN"
            f" (SELECT p.code || '/' || t.code {tasks}) ORDER BY 3, 5, 6", [*params, *params])


TASK_COLUMNS = ("t.id", "t.code", "t.title", "t.deadline", "t.assessment", "p.code", "p.start", 'p."end"', "p.rule")
"""What indicator_states reads of each task and its programme."""
WHOLE_TASK_COLUMNS = ("p.name", "a.code", "a.name", "t.note", "t.deadline_text", "t.problems", "t.progress",
                      "t.next_steps", "t.cancelled_by")
"""And what a TaskDetail adds (its area, note and texts): indicator_states' `whole_tasks`."""


def _queries(dialect: Dialect, *, as_of: date | None, programmes: list[str] | None, unit_id: int | None,
             task_ids: list[int] | None, all_reports: bool, previous: bool = False,
             since: date | None = None, whole_tasks: bool = False) -> list[tuple[str, list] | None]:
    """indicator_states' five queries, (SQL, parameters) each, scoped alike (the units' names: all of them)."""
    p = dialect.p
    task_where, task_params = task_scope(dialect, programmes, task_ids)  # the unit narrows it to lines
    where, params = list(task_where), list(task_params)
    if unit_id is not None:
        where.append(f"l.id IN (SELECT line_id FROM line_unit WHERE unit_id = {p})")
        params.append(unit_id)
    scope = " WHERE " + " AND ".join(where) if where else ""
    task_and_programme = "JOIN task AS t ON l.task_id = t.id JOIN programme AS p ON t.programme_id = p.id"
    joined = f"indicator AS i JOIN task_line AS l ON i.line_id = l.id {task_and_programme}{scope}"
    indicators = f"SELECT i.id FROM {joined}" if where else "SELECT id FROM indicator"
    in_indicators = f"x.indicator_id IN ({indicators})"
    columns = "x.indicator_id, x.as_of, x.value, x.note, x.reporter, x.entered_at, x.reporting_unit"
    if all_reports and since is not None:  # with those an undo took back after since, marked (a weekly report's)
        reports_query = (f"SELECT {columns}, NOT {standing('x')} FROM report AS x WHERE {standing_at('x', p)}"
                         f"{f' AND {in_indicators}' if where else ''} ORDER BY x.as_of, x.id",
                         [after_day(dialect, since), *params])
    elif all_reports:
        reports_query = (f"SELECT {columns} FROM report AS x WHERE {standing('x')}{f' AND {in_indicators}' if where else ''}"
                         " ORDER BY x.as_of, x.id", params)
    else:  # one index seek per indicator: a LATERAL join on PostgreSQL (which would hash the whole report
        # table for the correlated subquery), the correlated subquery on SQLite (which has no LATERAL)
        def one_report(before: str, name: str, outer: str, stands: str = standing("y")) -> str:
            latest = (f" WHERE y.indicator_id = i.id AND y.as_of {before} AND {stands}"
                      " ORDER BY y.as_of DESC, y.id DESC LIMIT 1")
            if dialect.name == "postgresql":
                return f"{outer} LATERAL (SELECT y.* FROM report AS y{latest}) AS {name}{' ON true' if outer.startswith('LEFT') else ''}"
            return f"{outer} report AS {name} ON {name}.id = (SELECT y.id FROM report AS y{latest})"

        first = "CROSS JOIN" if dialect.name == "postgresql" else "JOIN"  # every indicator has a latest report here
        latest = one_report(f"<= {p}", "x", first)
        # one row per indicator: their order does not matter, and unsorted PostgreSQL streams them
        if previous:  # and the latest report dated before the latest one's date, in the same row: forecasts' pace.
            # A status row holds the latest one's day, value and note: not who reported it or when it was entered
            reports_query = (f"SELECT x.indicator_id, x.as_of, x.value, x.note, q.as_of, q.value FROM ({indicators}) AS i"
                             f" {latest} {one_report('< x.as_of', 'q', 'LEFT JOIN')}", [*params, as_of])
        elif since is not None:
            reports_query = _window_query(dialect, columns=columns,
                                          one_report=lambda source, *how: f"{source} AS i {one_report(how[0], 'x', first, *how[1:])}",
                                          indicators=indicators, in_indicators=in_indicators if where else None,
                                          params=params, as_of=as_of, since=since)
        else:
            reports_query = (f"SELECT {columns} FROM ({indicators}) AS i {latest}", [*params, as_of])
    # leaders as text: psycopg would decode the JSON of every row; json_list decodes each distinct one once.
    # A status (previous) prints neither them nor the indicator's words, which it reads only of a percentage: whether
    # it is a rate judged at the year's end (domain.status.year_end_level: "地区生产总值增长5%以上").
    words = (f"CASE WHEN i.unit = {p} THEN i.text ELSE '' END, l.position, l.id, NULL" if previous
             else "i.text, l.position, l.id, CAST(l.leaders AS TEXT)")
    return [
        (f"SELECT i.id, i.kind, i.name, i.unit, i.comparator, i.target, i.reading, {words}, l.task_id FROM {joined}"
         " ORDER BY p.code, t.position, l.position, i.position", ["%", *params] if previous else params),
        # task and programme columns once per task, not once per indicator (a third of the indicator query)
        (f"SELECT {', '.join(TASK_COLUMNS + WHOLE_TASK_COLUMNS if whole_tasks else TASK_COLUMNS)}"
         " FROM task AS t JOIN programme AS p ON t.programme_id = p.id"
         + (" LEFT JOIN area AS a ON t.area_id = a.id" if whole_tasks else "")
         + (" WHERE " + " AND ".join(task_where) if task_where else ""), task_params),
        # plan_rows, apart from the sorted query above: SQLite's sorter would carry every text
        (f"SELECT x.id, x.plan_rows FROM indicator AS x{f' WHERE x.id IN ({indicators})' if where else ''}", params),
        ("SELECT id, name FROM unit", []),
        reports_query,
    ]


def _window_query(dialect: Dialect, *, columns: str, one_report, indicators: str, in_indicators: str | None,
                  params: list, as_of: date, since: date) -> tuple[str, list]:
    """indicator_states' reports with `since`, in date and entry order, each row ending with whether an undo
    retracted it: what last week's and this week's status stand on. Three parts that share no report (UNION ALL):
    - k, one index seek per indicator: the latest report at since entered outside the days and standing then
      (what last week's report stood on, when a late report dated before since came in during the week);
    - only where an undo after since took k's report back (rare): the latest report at since standing now, when
      it too was entered outside the days (a second seek, for those indicators alone);
    - those dated after since (on or before as_of) or entered in the days (one pass over the report table: no
      index leads by the day of entry), with the reports dated on or before since that an undo after it took
      back (standing_at: entered on since itself, one stood then; of a later date, none is judged then).
    fixes14's query (two seeks more: the latest at as_of and at since standing now, under UNION) gives the same
    rows: the latest at as_of is dated after since (the pass has it) or is the latest at since; that one was
    entered in the days (the pass) or out of them, and then it stands then too, so k's report is it unless an
    undo after since took k's back (the second seek). tests/test_weekly_window.py compares the two."""
    p = dialect.p
    entered_from = day_start(dialect, since)  # entered on `since` or later (local days), by a day's margin
    entered_to = day_start(dialect, as_of + timedelta(days=2))
    between = (f"SELECT {columns}, x.id, NOT {standing('x')} FROM report AS x WHERE x.as_of <= {p} AND (x.as_of > {p} OR"
               f" x.entered_at >= {p} AND x.entered_at < {p}) AND ({standing('x')} OR x.as_of <= {p} AND {standing_at('x', p)})"
               f"{f' AND {in_indicators}' if in_indicators else ''}")

    def outside(alias: str) -> str:  # entered out of the days
        return f"({alias}.entered_at IS NULL OR {alias}.entered_at < {p} OR {alias}.entered_at >= {p})"

    names = ", ".join(column.removeprefix("x.") for column in columns.split(", "))
    seen_out = f"<= {p} AND {outside('y')}"
    # k is read twice: MATERIALIZED keeps its seeks to one per indicator on both backends
    sql = (f"WITH k AS MATERIALIZED (SELECT {columns}, x.id, NOT {standing('x')} AS retracted"
           f" FROM {one_report(f'({indicators})', seen_out, standing_at('y', p))})"
           f" SELECT {names}, retracted FROM (SELECT {names}, id, retracted FROM k"
           f" UNION ALL SELECT {columns}, x.id, 1 = 0 FROM {one_report('(SELECT indicator_id AS id FROM k WHERE retracted)', f'<= {p}')}"
           f" WHERE {outside('x')}"
           f" UNION ALL {between}) AS w ORDER BY as_of, id")
    return sql, [*params, since, entered_from, entered_to, after_day(dialect, since),
                 since, entered_from, entered_to,
                 as_of, since, entered_from, entered_to, since, after_day(dialect, since), *(params if in_indicators else [])]


def series_query(dialect: Dialect, indicator_ids: list[int], as_of: date) -> tuple[str, list]:
    """(day, value) of the standing reports dated on or before as_of of the indicators given (a few hundred:
    bound parameters), each indicator's in date and entry order: an index range per indicator."""
    return ("SELECT x.indicator_id, x.as_of, x.value FROM report AS x"
            f" WHERE x.indicator_id IN ({dialect.params(len(indicator_ids))}) AND x.as_of <= {dialect.p} AND {standing('x')}"
            " ORDER BY x.indicator_id, x.as_of, x.id",
            [*indicator_ids, as_of])


def returns_query(dialect: Dialect, indicator_ids: list[int], as_of: date) -> tuple[str, list]:
    """(indicator, reporting unit or NULL, latest day) of the standing reports dated on or before as_of of the
    indicators given: who sent a figure of each, and when last (units --silent-since)."""
    return ("SELECT x.indicator_id, x.reporting_unit, max(x.as_of) FROM report AS x"
            f" WHERE x.indicator_id IN ({dialect.params(len(indicator_ids))}) AND x.as_of <= {dialect.p} AND {standing('x')}"
            " GROUP BY x.indicator_id, x.reporting_unit",
            [*indicator_ids, as_of])


def group_units(rows) -> dict[int, tuple[list[str], list[str]]]:
    """(line_id, role, name) rows in order → each line's (lead units, responsible units)."""
    result: dict[int, tuple[list[str], list[str]]] = {}
    for line_id, role, name in rows:
        lead, responsible = result.setdefault(line_id, ([], []))
        (lead if role == "lead" else responsible).append(name)
    return result

