"""Issue 18, item 7: status and the weekly report over 10,000,000 reports on PostgreSQL (bench/run --only big).

The reports are made by the server itself (INSERT … SELECT over generate_series, never through Python rows):
each of the province plan's indicators gets `per_indicator` cumulative reports, dated through the year in
rounds (all indicators of one day, then the next, as units report), each with a note and a reporter. The
database is then VACUUM ANALYZEd, as autovacuum would leave it. explain() gives EXPLAIN (ANALYZE, BUFFERS)
of the queries a status and a weekly report send (store/states.py's own SQL, imported from mstrack).
"""

from __future__ import annotations

from datetime import date, timedelta

GENERATE = """
INSERT INTO report (indicator_id, as_of, value, note, reporter, entered_at, source, batch_id)
SELECT i.id, d.as_of, round((coalesce(i.target, 100) * k / {n}.0)::numeric, 1)::float8,
       extract(month FROM d.as_of)::int || '月' || extract(day FROM d.as_of)::int
           || '日市妇联报送：主体施工推进有序，第' || k || '次报送',
       '周杰（市妇联）', d.as_of + time '09:00' + interval '1 day', 'generated.csv', {batch}
FROM generate_series(1, {n}) AS k
CROSS JOIN LATERAL (SELECT date '2023-01-01' + ((k - 1) * 364 / greatest({n} - 1, 1)) AS as_of) AS d
CROSS JOIN indicator AS i
ORDER BY k, i.id
"""
"""`n` reports per indicator, through 2023 (more than 365 a year share days: same-day corrections)."""


def generate_reports(connection, per_indicator: int) -> int:
    """The reports, in one transaction, as one batch; foreign keys are right by construction, so their
    per-row triggers are skipped (session_replication_role, the way pg_restore loads data). Their count."""
    with connection.transaction():
        batch = connection.execute("INSERT INTO batch (created_at, \"user\", command, source) VALUES"
                                   " (now(), 'bench', 'import progress', 'generated.csv') RETURNING id").fetchone()[0]
        connection.execute("SET LOCAL session_replication_role = replica")
        connection.execute(GENERATE.format(n=int(per_indicator), batch=int(batch)))
        # the range of its report ids and their count, as mstrack's write path records them (batches.ReportRange)
        connection.execute("UPDATE batch SET first_report_id = r.first, last_report_id = r.last, reports_added = r.n FROM"
                           " (SELECT min(id) AS first, max(id) AS last, count(*) AS n FROM report WHERE batch_id = %s) AS r"
                           " WHERE batch.id = %s", [batch, batch])
    return connection.execute("SELECT count(*) FROM report WHERE batch_id = %s", [batch]).fetchone()[0]


def explain(connection, as_of: date) -> str:
    """EXPLAIN (ANALYZE, BUFFERS) of status's seven queries (latest and previous report per indicator) and of
    the report queries of `report weekly` (bounded: Store.task_details with since, report_series), with the
    work_mem mstrack sets."""
    from mstrack.store.dialect import PG_SETTINGS, Dialect
    from mstrack.store.reads import SERIES_CHUNK
    from mstrack.store.states import _queries, series_query

    dialect = Dialect.of("postgresql", "pyformat", db="bench", binary=True)
    some = [indicator_id for (indicator_id,) in connection.execute(f"SELECT id FROM indicator ORDER BY id LIMIT {SERIES_CHUNK}")]
    parts = [("status", _queries(dialect, as_of=as_of, programmes=None, unit_id=None, task_ids=None, all_reports=False,
                                 previous=True)),
             ("report weekly (the latest at as_of and at since, the week's reports)",
              _queries(dialect, as_of=as_of, programmes=None, unit_id=None, task_ids=None, all_reports=False,
                       since=as_of - timedelta(days=7))[-1:]),
             (f"report weekly (the charts of the indicators behind, {SERIES_CHUNK} at a time)",
              [series_query(dialect, some, as_of)])]
    out = []
    with connection.transaction():
        connection.execute(PG_SETTINGS)
        for what, queries in parts:
            for sql, params in filter(None, queries):
                out.append(f"-- {what}: {sql}")
                out.extend(line for (line,) in connection.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params))
                out.append("")
    return "\n".join(out)
