"""What `import progress` reads of the store, bounded by the file's rows, never by the history: the
programme's indicators as plain tuples, then, for the (indicator, day) pairs the rows name, the value
stored that day and what the warning about falls compares with. A re-import into a programme holding
millions of reports reads a few rows per row of its file (index seeks over (indicator_id, as_of, id)),
where it read every stored report's day and value before."""

from __future__ import annotations

from datetime import date
from operator import itemgetter

from mstrack.domain.dates import ReportWindow
from mstrack.store.dialect import Dialect, day, moment, number
from mstrack.store.states import standing
from mstrack.vocabulary import SCHEDULE

KEYS_A_STATEMENT = 300
"""(indicator, day) pairs bound in one statement: three parameters each, under SQLite's oldest limit of 999."""


def import_programme(dialect: Dialect, connection, code: str) -> tuple[int, int] | None:
    """A programme's year and how many tasks its plan has (None if there is no such programme): what an import
    needs to choose between reading the tasks a chunk names and reading the whole plan."""
    found = dialect.rows(connection, f"SELECT p.year, (SELECT count(*) FROM task AS t WHERE t.programme_id = p.id)"
                                     f" FROM programme AS p WHERE p.code = {dialect.p}", [code])
    return tuple(found[0]) if found else None


def programme_windows(dialect: Dialect, connection, codes: list[str] | None = None) -> dict[str, ReportWindow]:
    """The window of reports of each programme (of `codes`, or all): its year, start and end, and the latest task
    deadline, checkpoint and milestone due (domain.dates.ReportWindow says what they make)."""
    p = dialect.p
    tasks = "SELECT t.id FROM task AS t WHERE t.programme_id = p.id"
    lines = f"SELECT l.id FROM task_line AS l WHERE l.task_id IN ({tasks})"
    where = f" WHERE p.code IN ({', '.join([p] * len(codes))})" if codes else ""
    found = dialect.rows(connection, (
        f'SELECT p.code, p.year, p.start, p."end", (SELECT max(t.deadline) FROM task AS t WHERE t.programme_id = p.id),'
        f" (SELECT max(c.due) FROM checkpoint AS c WHERE c.line_id IN ({lines})),"
        f" (SELECT max(m.due) FROM milestone AS m JOIN indicator AS i ON m.indicator_id = i.id WHERE i.line_id IN ({lines}))"
        f" FROM programme AS p{where}"), list(codes or []))
    return {code: ReportWindow.of(year, day(start), day(end), [day(due) for due in dues if due is not None])
            for code, year, start, end, *dues in found}


TASKS_A_STATEMENT = 900
"""Task codes bound in one statement of import_indicators (with the programme's id, under SQLite's oldest 999)."""


def import_indicators(dialect: Dialect, connection, code: str,
                      tasks: list[str] | None = None) -> tuple[int, dict[str, list[tuple]]] | None:
    """A programme's year and its indicators by task code (only those of `tasks` when given: a chunk's), each
    task's in the plan's order, each a tuple (task, indicator_id, name, kind, unit, last_day): what the columnar
    checks read, last_day the date of its latest standing report (None if none: nothing can be stored on any day).
    What else an indicator's object needs (import_terms) is read only for the indicators an object is made of. A
    task `tasks` names that the plan lacks is absent.

    The rows come as the driver gives them, grouped by task in C where each task has one indicator (a province's):
    the six columns and this grouping are a third of what the read with every term and a loop step per row cost."""
    p = dialect.p
    found = dialect.rows(connection, f"SELECT id, year FROM programme WHERE code = {p}", [code])
    if not found:
        return None
    programme_id, year = found[0]
    select = (
        "SELECT t.code, i.id, i.name, i.kind, i.unit,"
        f" (SELECT y.as_of FROM report AS y WHERE y.indicator_id = i.id AND {standing('y')}"
        " ORDER BY y.as_of DESC, y.id DESC LIMIT 1)"
        " FROM indicator AS i JOIN task_line AS l ON i.line_id = l.id JOIN task AS t ON l.task_id = t.id"
        f" WHERE t.programme_id = {p} AND t.cancelled_by IS NULL")  # a cancelled task takes no report (task_moved says why)
    order = " ORDER BY t.position, l.position, i.position"
    if tasks is None:
        reads = [(select + order, [programme_id])]
    else:  # a task's indicators all come in one statement, so each task's stay in the plan's order
        reads = [(f"{select} AND t.code IN ({dialect.params(len(part))}){order}", [programme_id, *part])
                 for part in _parts(tasks, TASKS_A_STATEMENT)]
    rows = [row for part in dialect.rows_many(connection, reads) for row in part]
    if any(map(_LAST, rows)):  # reports stored: their days as dates (a first import's rows have none)
        rows = [row if row[5] is None else (*row[:5], day(row[5])) for row in rows]
    by_task = dict(zip(map(_TASK, rows), map(list, zip(rows)), strict=True))  # task → [its row]
    if len(by_task) < len(rows):  # tasks of several indicators: grouped in the plan's order
        by_task = {}
        for row in rows:
            if (indicators := by_task.get(row[0])) is None:
                by_task[row[0]] = [row]
            else:
                indicators.append(row)
    return year, by_task


_TASK, _LAST = itemgetter(0), itemgetter(5)


def import_tasks(dialect: Dialect, connection, code: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """A programme's tasks by code: (title, the units of its lines, every role): what a file's 任务名称 and 填报单位
    columns are checked against. Read only for a file that has one of them."""
    rows = dialect.rows(connection, (
        "SELECT t.code, t.title, u.name FROM task AS t JOIN programme AS p ON t.programme_id = p.id"
        " LEFT JOIN task_line AS l ON l.task_id = t.id LEFT JOIN line_unit AS lu ON lu.line_id = l.id"
        f" LEFT JOIN unit AS u ON u.id = lu.unit_id WHERE p.code = {dialect.p} AND t.cancelled_by IS NULL"
        " ORDER BY t.position, l.position, lu.position"), [code])
    tasks: dict[str, tuple[str, list[str]]] = {}
    for task, title, unit in rows:
        units = tasks.setdefault(task, (title, []))[1]
        if unit is not None and unit not in units:
            units.append(unit)
    return {task: (title, tuple(units)) for task, (title, units) in tasks.items()}


def import_terms(dialect: Dialect, connection, ids: list[int]) -> dict[int, tuple]:
    """What an import's object of an indicator needs beyond import_indicators' tuple, by indicator id: (comparator,
    target, dues), dues a text-only line's checkpoint days (or the task's deadline). Read for the indicators the
    per-row path looks at (its programme's), those settle's loop looks at, and a plain chunk's (their targets)."""
    reads = [("SELECT i.id, i.comparator, i.target, i.kind, COALESCE(t.deadline, p.\"end\"), i.line_id FROM indicator AS i"
              " JOIN task_line AS l ON i.line_id = l.id JOIN task AS t ON l.task_id = t.id"
              f" JOIN programme AS p ON t.programme_id = p.id WHERE i.id IN ({dialect.params(len(part))})", part)
             for part in _parts(ids, TASKS_A_STATEMENT)]
    rows = [row for part in dialect.rows_many(connection, reads) for row in part]
    dues: dict[int, list[date]] = {}
    schedules = sorted({row[5] for row in rows if row[3] == SCHEDULE})  # a text-only line's reports count its checkpoints
    reads = [(f"SELECT line_id, due FROM checkpoint WHERE line_id IN ({dialect.params(len(part))}) ORDER BY id", part)
             for part in _parts(schedules, TASKS_A_STATEMENT)]
    for part in dialect.rows_many(connection, reads):
        for line_id, due in part:
            dues.setdefault(line_id, []).append(day(due))
    terms = {}
    for indicator_id, comparator, target, kind, deadline, line_id in rows:
        if type(target) is float:
            if target.is_integer():  # as number() gives it
                target = int(target)
        elif target is not None:
            target = number(target)
        terms[indicator_id] = (comparator, target,
                               (sorted(dues.get(line_id, ())) or [day(deadline)]) if kind == SCHEDULE else NO_DUES)
    return terms


def period_targets(dialect: Dialect, connection, indicator_id: int) -> list[tuple[date, int | float]]:
    """An indicator's checkpoints, as (due, target or None) by due: what the 本期目标 a fill-in form showed is read
    from (domain.progress.period_target), for a done word written beside it. Read for such a row only."""
    rows = dialect.rows(connection, f"SELECT due, target FROM milestone WHERE indicator_id = {dialect.p} ORDER BY due, id",
                        [indicator_id])
    return [(day(due), None if target is None else number(target)) for due, target in rows]


def checkpoint_texts(dialect: Dialect, connection, indicator_id: int) -> list[str]:
    """A text-only line's checkpoints' words by due (as import_terms orders its dues): where a start word (已开工) on a
    return's row finds its start checkpoint (domain.progress.started_value). Read for such a row only."""
    return [text for text, in dialect.rows(
        connection, "SELECT c.text FROM checkpoint AS c JOIN indicator AS i ON c.line_id = i.line_id"
                    f" WHERE i.id = {dialect.p} ORDER BY c.due, c.id", [indicator_id])]


NO_DUES = ()
"""The checkpoint days of an indicator that is not a text-only line: none, one tuple shared by all."""


def last_report_id(dialect: Dialect, connection) -> int:
    """The newest report's id: what an import compares with is what was stored before it (ids up to this)."""
    return dialect.rows(connection, "SELECT max(id) FROM report")[0][0] or 0


def stored_on(dialect: Dialect, connection, keys: list[tuple[int, date]], *, upto: int) -> list[float | None]:
    """For each (indicator, day), in order: the value stored that day (the latest entry's), None if none."""
    return [row[1] for row in _per_key(dialect, connection, keys, (
        "(SELECT y.value FROM report AS y WHERE y.indicator_id = k.indicator_id AND y.as_of = k.day"
        f" AND y.id <= {dialect.p} AND {standing('y')} ORDER BY y.id DESC LIMIT 1)",), [upto])]


def standing_before(dialect: Dialect, connection, keys: list[tuple[int, date]], *, upto: int) -> list[tuple]:
    """For each (indicator, day), in order: the (day, value) of the report standing last before that day (its latest
    day's latest entry), (None, None) where there is none: the year-end figure a January row would lower
    (domain.progress.lowers_year_end). Read for the indicators with rows after their programme's last day only."""
    latest = (f"(SELECT y.id FROM report AS y WHERE y.indicator_id = k.indicator_id AND y.as_of < k.day AND y.id <= {dialect.p}"
              f" AND {standing('y')} ORDER BY y.as_of DESC, y.id DESC LIMIT 1)")
    return [(None if on is None else day(on), None if value is None else number(value)) for _, on, value in
            _per_key(dialect, connection, keys, ("e.as_of", "e.value"), [upto], join=f" LEFT JOIN report AS e ON e.id = {latest}")]


def stored_texts_on(dialect: Dialect, connection, keys: list[tuple[int, date]], *, upto: int,
                    columns: tuple[str, ...] = ("note", "reporter")) -> list[tuple]:
    """For each (indicator, day), in order: the `columns` (of report: note and reporter) of the entry standing that day
    (stored_on's), all None where none stands. The entry is found once (an index seek) and its columns read from it:
    a read of six columns costs what a read of one does. `entered_at` comes as an aware datetime on either backend."""
    latest = (f"(SELECT y.id FROM report AS y WHERE y.indicator_id = k.indicator_id AND y.as_of = k.day AND y.id <= {dialect.p}"
              f" AND {standing('y')} ORDER BY y.id DESC LIMIT 1)")
    rows = [tuple(row[1:]) for row in _per_key(dialect, connection, keys, tuple(f"e.{column}" for column in columns), [upto],
                                                join=f" LEFT JOIN report AS e ON e.id = {latest}")]
    if "entered_at" not in columns:
        return rows
    at = columns.index("entered_at")
    local: dict = {None: None}  # each time made once: all of a batch's rows carry one (store/batches), an import's 20,000

    def made(value):
        found = local.get(value, local)
        return found if found is not local else local.setdefault(value, moment(value))

    return [(*row[:at], made(row[at]), *row[at + 1:]) for row in rows]


def kept_corrections(dialect: Dialect, connection, keys: list[tuple[int, date, float]], *, upto: int) -> list[tuple | None]:
    """For each (indicator, day, value) whose value is not the one standing that day, in order: the standing entry
    (value, reporter, entered_at, reason) when an earlier entry of that day held the value, standing or retracted
    (a later entry corrected it away: the value is stale, undo's rule "never silently beats a newer entry"; an
    import undone after the office corrected it still held it), else None. Asked only for the rows that would
    correct a stored value, 225 keys a statement, index seeks each."""
    p = dialect.p
    latest = (f"(SELECT y.id FROM report AS y WHERE y.indicator_id = k.indicator_id AND y.as_of = k.day AND y.id <= {p}"
              f" AND {standing('y')} ORDER BY y.id DESC LIMIT 1)")
    statements = []
    size = KEYS_A_STATEMENT * 3 // 4  # four parameters a key: under SQLite's oldest limit too
    for start in range(0, len(keys), size):
        part = keys[start:start + size]
        values = ", ".join([f"({p}, {p}, {p}, {p})"] * len(part))
        bound = [field for n, (indicator, on, value) in enumerate(part, start) for field in (n, indicator, on, float(value))]
        statements.append((f"WITH k(n, indicator_id, day, value) AS (VALUES {values})"
                           " SELECT k.n, c.value, c.reporter, c.entered_at, c.reason FROM k"
                           f" JOIN report AS c ON c.id = {latest}"
                           " WHERE EXISTS (SELECT 1 FROM report AS o WHERE o.indicator_id = k.indicator_id AND o.as_of = k.day"
                           " AND o.id < c.id AND o.value = k.value)", [*bound, upto]))
    found: list = [None] * len(keys)
    for rows in dialect.rows_many(connection, statements):
        for n, value, reporter, entered_at, reason in rows:
            found[n] = (value, reporter, moment(entered_at), reason)
    return found


def stored_between(dialect: Dialect, connection, spans: list[tuple[int, date, date]], *,
                   upto: int) -> tuple[list[tuple], dict[int, list[tuple]]]:
    """What the warnings about falls compare an indicator's rows with, for each (indicator, first day, last day)
    of its rows: the highest value stored before the first day and the latest day it was stored ((None, None)
    if none), in the spans' order; and the (day, value) of its reports from the first day to the last, by day
    and entry. Bounded by the rows' days: a weekly round reads one day an indicator (and one index seek
    before it), never the reports of the days between."""
    p = dialect.p
    keys = [(indicator, first) for indicator, first, _ in spans]
    tops = [row[1] for row in _per_key(dialect, connection, keys, (
        f"(SELECT y.id FROM report AS y WHERE y.indicator_id = k.indicator_id AND y.as_of < k.day AND y.id <= {p}"
        f" AND {standing('y')} ORDER BY y.value DESC, y.as_of DESC, y.id DESC LIMIT 1)",), [upto])]
    found = [report_id for report_id in tops if report_id is not None]
    top_reads = [(f"SELECT id, value, as_of FROM report WHERE id IN ({dialect.params(len(part))})", part)
                 for part in _parts(found, KEYS_A_STATEMENT * 3)]
    span_reads = [(f"WITH k(indicator_id, first_day, last_day) AS (VALUES {', '.join([f'({p}, {p}, {p})'] * len(part))})"
                   " SELECT y.indicator_id, y.as_of, y.value FROM k JOIN report AS y ON y.indicator_id = k.indicator_id"
                   f" AND y.as_of >= k.first_day AND y.as_of <= k.last_day WHERE y.id <= {p} AND {standing('y')}"
                   " ORDER BY y.indicator_id, y.as_of, y.id", [*(value for span in part for value in span), upto])
                  for part in _parts(spans, KEYS_A_STATEMENT)]
    results = dialect.rows_many(connection, top_reads + span_reads)
    highest = {}
    for _ in top_reads:
        highest.update((report_id, (value, day(on))) for report_id, value, on in next(results))
    stored: dict[int, list[tuple]] = {}
    for rows in results:
        for indicator_id, on, value in rows:
            stored.setdefault(indicator_id, []).append((day(on), value))
    return [highest.get(report_id, (None, None)) for report_id in tops], stored


def _parts(items: list, size: int) -> list[list]:
    return [items[start:start + size] for start in range(0, len(items), size)]


def _per_key(dialect: Dialect, connection, keys: list[tuple[int, date]], columns: tuple[str, ...], params: list,
             join: str = "") -> list:
    """Rows (position, *columns) for the keys, in their order: the keys bound as a VALUES list, a few hundred a
    statement, each column a correlated subquery on k.indicator_id and k.day (an index seek each), or a column of
    the row `join` finds for the key (its parameters, `params`, come after the keys')."""
    statements = []
    for start in range(0, len(keys), KEYS_A_STATEMENT):
        part = keys[start:start + KEYS_A_STATEMENT]
        values = ", ".join([f"({dialect.p}, {dialect.p}, {dialect.p})"] * len(part))
        bound = [value for n, (indicator, on) in enumerate(part, start) for value in (n, indicator, on)]
        statements.append((f"WITH k(n, indicator_id, day) AS (VALUES {values}) SELECT k.n, {', '.join(columns)} FROM k{join}",
                           [*bound, *params]))
    found: list = [None] * len(keys)
    for rows in dialect.rows_many(connection, statements):
        for n, *columns in rows:
            found[n] = (n, *columns)
    return found


class ImportReads:
    """Store's methods over the reads above, each in a read transaction of its own (connections.Connections gives
    reading() and dialect): what `import progress` and `log` ask of the store."""

    def programme_windows(self, codes: list[str] | None = None) -> dict[str, ReportWindow]:
        """Each programme's window of reports (of `codes`, or all) by code (import_reads.programme_windows)."""
        with self.reading() as connection:
            return programme_windows(self.dialect, connection, codes)

    def import_indicators(self, code: str, tasks: list[str] | None = None) -> tuple[int, dict[str, list[tuple]]] | None:
        """A programme's year and its indicators by task code (only those of `tasks`, when given), as an import
        checks rows against them (plain tuples: import_reads.import_indicators); None if there is no such programme."""
        with self.reading() as connection:
            return import_indicators(self.dialect, connection, code, tasks)

    def import_tasks(self, code: str) -> dict[str, tuple[str, tuple[str, ...]]]:
        """A programme's tasks' titles and units, by code (import_reads.import_tasks)."""
        with self.reading() as connection:
            return import_tasks(self.dialect, connection, code)

    def import_terms(self, ids: list[int]) -> dict[int, tuple]:
        """The rest of those indicators' plan, by id, for the objects an import makes (import_reads.import_terms)."""
        with self.reading() as connection:
            return import_terms(self.dialect, connection, ids)

    def period_targets(self, indicator_id: int) -> list[tuple[date, int | float | None]]:
        """An indicator's checkpoints (due, figure or None) by due (import_reads.period_targets)."""
        with self.reading() as connection:
            return period_targets(self.dialect, connection, indicator_id)

    def checkpoint_texts(self, indicator_id: int) -> list[str]:
        """A text-only line's checkpoints' words by due (import_reads.checkpoint_texts)."""
        with self.reading() as connection:
            return checkpoint_texts(self.dialect, connection, indicator_id)

    def import_programme(self, code: str) -> tuple[int, int] | None:
        """A programme's year and its number of tasks (import_reads.import_programme); None if there is none."""
        with self.reading() as connection:
            return import_programme(self.dialect, connection, code)

    def last_report_id(self) -> int:
        with self.reading() as connection:
            return last_report_id(self.dialect, connection)

    def stored_on(self, keys: list[tuple[int, date]], *, upto: int) -> list[float | None]:
        """The value stored on each (indicator, day) by the reports up to id `upto` (import_reads.stored_on)."""
        with self.reading() as connection:
            return stored_on(self.dialect, connection, keys, upto=upto)

    def stored_texts_on(self, keys: list[tuple[int, date]], *, upto: int,
                        columns: tuple[str, ...] = ("note", "reporter")) -> list[tuple]:
        """The note and reporter (or other `columns`) standing on each (indicator, day) (import_reads.stored_texts_on)."""
        with self.reading() as connection:
            return stored_texts_on(self.dialect, connection, keys, upto=upto, columns=columns)

    def kept_corrections(self, keys: list[tuple[int, date, float]], *, upto: int) -> list[tuple | None]:
        """The later entry each stale (indicator, day, value) would beat, or None (import_reads.kept_corrections)."""
        with self.reading() as connection:
            return kept_corrections(self.dialect, connection, keys, upto=upto)

    def standing_before(self, keys: list[tuple[int, date]], *, upto: int) -> list[tuple]:
        """The (day, value) standing last before each (indicator, day), by the reports up to id `upto`
        (import_reads.standing_before)."""
        with self.reading() as connection:
            return standing_before(self.dialect, connection, keys, upto=upto)

    def stored_between(self, spans: list[tuple[int, date, date]], *, upto: int) -> tuple[list[tuple], dict[int, list[tuple]]]:
        """What each indicator's rows could fall from, by the reports up to id `upto` (import_reads.stored_between)."""
        with self.reading() as connection:
            return stored_between(self.dialect, connection, spans, upto=upto)
