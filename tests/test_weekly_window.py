"""The weekly report's reports query (store.states._window_query, twelfth round: one seek per indicator, a
second only where an undo after since took the first one's report back) gives exactly the rows of fixes14's
query (three seeks and the week's pass under UNION, kept here as it was), on random reports, corrections
(the same day again), late entries and undos across two weeks, on either backend."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mstrack.store import Store
from mstrack.store.dialect import day
from mstrack.store.states import _queries, after_day, standing, standing_at

SINCE, AS_OF = date(2030, 6, 4), date(2030, 6, 11)  # after all the demo's reports
START = datetime.combine(SINCE - timedelta(days=4), time(), UTC)  # the moments drawn: 4 days before since …
HOURS = (AS_OF - SINCE).days * 24 + 9 * 24  # … to 5 days after as_of, by the hour (the entry window's edges too)


def _fixes14_query(dialect, scope: list[int] | None) -> tuple[str, list]:
    """fixes14's `_window_query` as main had it (before the twelfth round), scoped to the tasks given."""
    p = dialect.p
    indicators = ("SELECT i.id FROM indicator AS i JOIN task_line AS l ON i.line_id = l.id"
                  f" WHERE l.task_id IN ({dialect.params(len(scope))})") if scope else "SELECT id FROM indicator"
    params = list(scope or [])
    columns = "x.indicator_id, x.as_of, x.value, x.note, x.reporter, x.entered_at"

    def one_report(before: str, stands: str = standing("y")) -> str:
        latest = (f" WHERE y.indicator_id = i.id AND y.as_of {before} AND {stands}"
                  " ORDER BY y.as_of DESC, y.id DESC LIMIT 1")
        if dialect.name == "postgresql":
            return f"({indicators}) AS i CROSS JOIN LATERAL (SELECT y.* FROM report AS y{latest}) AS x"
        return f"({indicators}) AS i JOIN report AS x ON x.id = (SELECT y.id FROM report AS y{latest})"

    entered_from = dialect.bound(datetime.combine(SINCE, time(), UTC))
    entered_to = dialect.bound(datetime.combine(AS_OF + timedelta(days=2), time(), UTC))
    in_indicators = f" AND x.indicator_id IN ({indicators})" if scope else ""
    between = (f"SELECT {columns}, x.id, NOT {standing('x')} FROM report AS x WHERE x.as_of <= {p} AND (x.as_of > {p} OR"
               f" x.entered_at >= {p} AND x.entered_at < {p}) AND ({standing('x')} OR x.as_of <= {p} AND {standing_at('x', p)})"
               f"{in_indicators}")
    known = f"<= {p} AND (y.entered_at IS NULL OR y.entered_at < {p} OR y.entered_at >= {p})"
    names = "indicator_id, as_of, value, note, reporter, entered_at"
    sql = (f"SELECT {names}, retracted FROM (SELECT {columns}, x.id, 1 = 0 AS retracted FROM {one_report(f'<= {p}')}"
           f" UNION SELECT {columns}, x.id, 1 = 0 AS retracted FROM {one_report(f'<= {p}')}"
           f" UNION SELECT {columns}, x.id, NOT {standing('x')} FROM {one_report(known, standing_at('y', p))}"
           f" UNION {between}) AS w ORDER BY as_of, id")
    return sql, [*params, AS_OF, *params, SINCE, *params, SINCE, entered_from, entered_to, after_day(dialect, SINCE),
                 AS_OF, SINCE, entered_from, entered_to, SINCE, after_day(dialect, SINCE), *params]


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    """The demo's plan (its reports too), opened as a Store, with three of its tasks and their indicators."""
    from .conftest import BACKEND, Cli, _admin, _pg_database, _pg_url

    if BACKEND == "postgresql":
        name = _pg_database()
        url, cli = _pg_url(name), Cli(_pg_url(name))
    else:
        name, path = None, tmp_path_factory.mktemp("window") / "w.db"
        url, cli = f"sqlite:///{path}", Cli(path)
    assert cli("demo").exit_code == 0
    store = Store(url)
    with store.engine.connect() as connection:
        rows = store.dialect.rows(connection, "SELECT l.task_id, i.id FROM indicator AS i JOIN task_line AS l"
                                  " ON i.line_id = l.id ORDER BY l.task_id, i.id")
    tasks = sorted({task for task, _ in rows})[:3]
    yield store, tasks, [indicator for task, indicator in rows if task in tasks]
    store.engine.dispose()
    if name:
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


moment = st.integers(0, HOURS).map(lambda hour: START + timedelta(hours=hour))
report = st.tuples(st.integers(0, 2), st.integers(-9, 9), moment, st.integers(0, 3))  # indicator, day from since, entered, value
batch = st.tuples(st.lists(report, min_size=1, max_size=6), st.one_of(st.none(), st.tuples(moment, st.integers(0, 2**16))))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=st.lists(batch, min_size=1, max_size=6), scoped=st.booleans())
def test_window_query_gives_fixes14s_rows(plan, batches, scoped):
    """Each batch's reports, then (maybe) an undo of it at a drawn moment: the undo takes back a drawn subset
    of the batch's reports still standing (an undo of a batch, or of a correction, retracts some reports)."""
    store, tasks, indicators = plan
    dialect, p = store.dialect, store.dialect.p
    with store.engine.connect() as connection:
        transaction = connection.begin()
        try:
            standing_in_week, retracted = [], set()
            for reports, undo in batches:
                entered = min(moment for _, _, moment, _ in reports)
                batch_id = dialect.rows(connection, f"INSERT INTO batch (created_at, command) VALUES ({p}, 'import')"
                                        " RETURNING id", [dialect.bound(entered)])[0][0]
                ids = [dialect.rows(connection, "INSERT INTO report (indicator_id, as_of, value, entered_at, batch_id)"
                                    f" VALUES ({p}, {p}, {p}, {p}, {p}) RETURNING id",
                                    [indicators[which % len(indicators)], SINCE + timedelta(days=shift), float(value),
                                     dialect.bound(at), batch_id])[0][0]
                       for which, shift, at, value in reports]
                standing_in_week += [report_id for report_id, (_, shift, _, _) in zip(ids, reports, strict=True)
                                     if 0 < shift <= (AS_OF - SINCE).days]
                if undo is not None:
                    at, mask = undo
                    undo_id = dialect.rows(connection, f"INSERT INTO batch (created_at, command) VALUES ({p}, 'undo')"
                                           " RETURNING id", [dialect.bound(at)])[0][0]
                    for number, report_id in enumerate(ids):
                        if mask >> number & 1 and report_id not in retracted:
                            retracted.add(report_id)
                            dialect.rows(connection, "INSERT INTO report_retraction (report_id, batch_id) VALUES"
                                         f" ({p}, {p}) RETURNING report_id", [report_id, undo_id])
            standing_in_week = [report_id for report_id in standing_in_week if report_id not in retracted]
            scope = tasks if scoped else None
            ours = _queries(dialect, as_of=AS_OF, programmes=None, unit_id=None, task_ids=scope, all_reports=False,
                            since=SINCE)[4]
            got = dialect.rows(connection, *ours)
            expected = dialect.rows(connection, *_fixes14_query(dialect, scope))
            assert [tuple(row[:6]) + (bool(row[-1]),) for row in got] == \
                [tuple(row[:6]) + (bool(row[6]),) for row in expected]
            # the drawn reports are read, not just the demo's: each standing one dated in the week is there
            week = [row for row in got if row[0] in indicators and SINCE < day(row[1]) <= AS_OF]
            assert len(week) == len(standing_in_week)
        finally:
            transaction.rollback()
