"""Each batch records the range of the report ids it inserted (migration 8), and undo and `batches` select its
reports by that range and batch_id together, with no index on report.batch_id: the answers must be those of
batch_id alone, whatever the writes in between, on a new database and on one upgraded from version 7."""

import re
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

from mstrack.errors import InputError
from mstrack.sources.plan import load_plan
from mstrack.store import SCHEMA_VERSION, Store

from .conftest import BACKEND, _admin, _pg_database, _pg_url, write_plan

PLAN = '[[tasks]]\ncode = "1"\ntitle = "t"\n[[tasks.lines]]\nlead_units = ["甲局"]\n' + "".join(
    f'[[tasks.lines.indicators]]\nname = "n{n}"\nunit = "个"\ntarget = 100\n' for n in range(4))


@pytest.fixture(scope="module")
def planned(tmp_path_factory):
    """One store with a four-indicator plan, shared by the examples (each checks every batch so far)."""
    if BACKEND == "sqlite":
        url, name = f"sqlite:///{tmp_path_factory.mktemp('ranges') / 't.db'}", None
    else:
        name = _pg_database()
        url = _pg_url(name)
    store = Store(url)
    store.init()
    store.save_plan(load_plan(write_plan(tmp_path_factory.mktemp("plan") / "x.toml", PLAN)))
    indicators = [row[0] for row in rows(store, "SELECT id FROM indicator ORDER BY id")]
    yield store, indicators
    store.engine.dispose()
    if name:
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def rows(store: Store, sql: str, params=()) -> list:
    with store.engine.connect() as connection:
        return store.dialect.rows(connection, sql, params)


def by_batch_alone(store: Store) -> dict[int, set[int]]:
    """Every batch's report ids, found by batch_id alone (no range)."""
    found: dict[int, set[int]] = {}
    for report, batch in rows(store, "SELECT id, batch_id FROM report WHERE batch_id IS NOT NULL"):
        found.setdefault(batch, set()).add(report)
    return found


def assert_ranges_cover(store: Store) -> None:
    """Every report lies in its batch's range; a batch with no reports has none."""
    ranges = {batch: (first, last) for batch, first, last in rows(store, "SELECT id, first_report_id, last_report_id FROM batch")}
    reports = by_batch_alone(store)
    for batch, (first, last) in ranges.items():
        if batch in reports:
            assert first is not None and first <= min(reports[batch]) and max(reports[batch]) <= last, batch
        else:
            assert (first, last) == (None, None), batch
    counted = {info.id: info.reports_added for info in store.batches(ids=list(ranges))}
    assert counted == {batch: len(reports.get(batch, ())) for batch in ranges}


def report_rows(indicators, draws):
    return [(indicators[which % len(indicators)], date(2023, 1, 1) + timedelta(days=day), float(value), None, None, "t.csv", None)
            for which, day, value in draws]


draw = st.tuples(st.integers(0, 3), st.integers(0, 20), st.integers(0, 99))
step = st.one_of(
    st.tuples(st.just("log"), draw),
    st.tuples(st.just("import"), st.lists(draw, min_size=1, max_size=12)),
    st.tuples(st.just("chunks"), st.lists(st.lists(draw, max_size=5), max_size=4)),
    st.tuples(st.just("undo"), st.integers(0, 30)),
    st.tuples(st.just("wide"), st.integers(0, 30)),
)


@settings(max_examples=40 if BACKEND == "sqlite" else 15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=10))
def test_undo_and_batches_by_range_give_what_batch_id_alone_gives(planned, steps):
    """Logs, imports (one statement, or chunks as import progress writes them, repeats dropped after: none at all
    leaves no batch), undos of any batch so far (of undos too), and ranges widened by hand past other batches'
    reports (a range wider than its batch must not change an answer): each undo retracts exactly the standing
    reports batch_id alone names, and `batches` counts what batch_id alone counts (kept on the batch since
    migration 10: nothing here deletes a report)."""
    store, indicators = planned
    made: list[int] = []
    for kind, what in steps:
        if kind == "log":
            made.append(store.add_reports(report_rows(indicators, [what]), 1, "log"))
        elif kind == "import":
            made.append(store.add_reports(iter(report_rows(indicators, what)), len(what), "import progress", "t.csv"))
        elif kind == "chunks":
            with store.locked("import progress"), store.report_batch("import progress", source="t.csv") as writer:
                for chunk in what:
                    if chunk:
                        writer.add(report_rows(indicators, chunk))
                writer.end()
                keys = [(row[0], row[1].toordinal()) for chunk in what for row in report_rows(indicators, chunk)]
                writer.drop_repeats(sorted({key for key in keys if keys.count(key) > 1}))  # as import progress does
            if writer.id is not None:
                made.append(writer.id)
        elif made and kind == "wide":
            rows_of = "(SELECT max(id) FROM report)"
            with store.engine.begin() as connection:
                store.dialect.execute(connection, f"UPDATE batch SET first_report_id = 1, last_report_id = {rows_of} + 5"
                                      f" WHERE id = {store.dialect.p} AND first_report_id IS NOT NULL", [made[what % len(made)]])
        elif made and kind == "undo":
            target = made[what % len(made)]
            standing = {report for (report,) in rows(
                store, f"SELECT id FROM report AS x WHERE batch_id = {store.dialect.p} AND NOT EXISTS"
                       " (SELECT 1 FROM report_retraction AS r WHERE r.report_id = x.id)", [target])}
            try:
                done = store.undo(target, force=True)
            except InputError as error:
                assert "already undone" in str(error)
                continue
            retracted = {report for (report,) in rows(
                store, f"SELECT report_id FROM report_retraction WHERE batch_id = {store.dialect.p}", [done.id])}
            assert retracted == standing and done.reports_retracted == len(standing)
            made.append(done.id)
        assert_ranges_cover(store)


def back_to_version_7(url: str) -> None:
    """The database as version 7 had it: no ranges on batch, report indexed by batch_id (nor version 9's table, nor
    version 10's counts, nor version 11's reporting units, nor version 14's terminals)."""
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE undone_deleted")
        connection.exec_driver_sql("ALTER TABLE report DROP COLUMN reporting_unit")
        for column in ("first_report_id", "last_report_id", "reports_added", "reports_retracted", "terminal"):
            connection.exec_driver_sql(f"ALTER TABLE batch DROP COLUMN {column}")
        connection.exec_driver_sql("CREATE INDEX ix_report_batch_id ON report (batch_id)")
        for column in ("last_batch", "part", "seen_batches", "seen_schema"):  # and version 15's, 17's
            connection.exec_driver_sql(f"ALTER TABLE report_snapshot DROP COLUMN {column}")
        connection.exec_driver_sql("ALTER TABLE task DROP COLUMN cancelled_by")  # and version 16's
        connection.exec_driver_sql("DELETE FROM schema_version WHERE version >= 8")
    engine.dispose()


def outside_parentheses(sql: str) -> str:
    """The statement with every parenthesized part taken out: an UPDATE's own FROM, not its subqueries'."""
    while (inner := re.sub(r"\([^()]*\)", "", sql)) != sql:
        sql = inner
    return sql


def test_outside_parentheses_finds_an_update_from():
    assert re.search(r"\bFROM\b", outside_parentheses(
        "UPDATE batch SET first_report_id = r.first FROM (SELECT batch_id, min(id) AS first FROM report) AS r"))
    assert not re.search(r"\bFROM\b", outside_parentheses(
        "UPDATE batch SET first_report_id = (SELECT min(id) FROM report WHERE report.batch_id = batch.id)"))


def test_a_batch_made_before_the_upgrade_is_undone_exactly(cli, tmp_path):
    """Batches written at version 7 (an import, a log between, an import again) get their ranges from their
    reports in `db upgrade`; undo of the first then retracts its reports only, and `batches` counts them."""
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", PLAN))).exit_code == 0
    store = Store(cli.url)
    indicators = [row[0] for row in rows(store, "SELECT id FROM indicator ORDER BY id")]
    first = store.add_reports(report_rows(indicators, [(n, n, n) for n in range(8)]), 8, "import progress", "a.csv")
    logged = store.add_reports(report_rows(indicators, [(0, 30, 5)]), 1, "log")
    second = store.add_reports(report_rows(indicators, [(n, 40 + n, n) for n in range(5)]), 5, "import progress", "b.csv")
    store.engine.dispose()
    back_to_version_7(cli.url)
    store = Store(cli.url)
    assert store.schema_version() == 7
    refused = cli("batches")  # the new code on the old database, not upgraded: says what to run
    assert refused.exit_code == 2 and f"schema version 7; this one needs {SCHEMA_VERSION}" in refused.output, refused.output
    assert "db upgrade" in refused.output and "left unchanged" in refused.output, refused.output
    statements = []

    def seen(connection, cursor, statement, *args) -> None:
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", seen)
    try:
        result = cli("db", "upgrade")
    finally:
        event.remove(Engine, "before_cursor_execute", seen)
    assert result.exit_code == 0 and f"7 → {SCHEMA_VERSION}" in result.stdout, result.output
    # the fill runs on every supported SQLite: UPDATE … FROM needs 3.33 or later
    updates = [s for s in statements if re.match(r"\s*UPDATE\b", s, re.I)]
    assert any("first_report_id" in s for s in updates), statements
    assert not [s for s in updates if re.search(r"\bFROM\b", outside_parentheses(s), re.I)], updates
    assert_ranges_cover(store)
    ranges = {batch: (low, high) for batch, low, high in rows(store, "SELECT id, first_report_id, last_report_id FROM batch")}
    reports = by_batch_alone(store)
    assert {batch: ranges[batch] for batch in (first, logged, second)} == {
        batch: (min(reports[batch]), max(reports[batch])) for batch in (first, logged, second)}
    done = store.undo(first)
    assert done.reports_retracted == 8
    assert {r for (r,) in rows(store, "SELECT report_id FROM report_retraction")} == reports[first]
    assert [info.reports_added for info in store.batches(ids=[first, logged, second])] == [5, 1, 8]  # newest first


def test_the_report_table_has_no_index_on_batch_id(cli):
    """What migration 8 is for: the import pays for the primary key and (indicator_id, as_of, id) only."""
    assert cli("init").exit_code == 0
    store = Store(cli.url)
    assert store.schema_version() == SCHEMA_VERSION
    if BACKEND == "sqlite":
        names = {name for (name,) in rows(store, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'report'")}
    else:
        names = {name for (name,) in rows(store, "SELECT indexname FROM pg_indexes WHERE tablename = 'report'")}
    assert "ix_report_batch_id" not in names and "ix_report_indicator_as_of" in names
