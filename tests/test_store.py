"""The store itself, without the CLI, on a fresh SQLite file and (in the PostgreSQL run) on PostgreSQL:
one schema path (a new database and an upgraded one are the same, column types and keys included)
and the write path (plans, reports, undo)."""

import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from mstrack.errors import InputError
from mstrack.model import SCHEDULE
from mstrack.sources.plan import load_plan
from mstrack.store import SCHEMA_VERSION, Store, import_reads

from .conftest import BACKEND, ROOT, _admin, _pg_database, _pg_url, write_plan

FIXTURES = ROOT / "tests" / "fixtures"
BEDS = ('[[tasks]]\ncode = "1"\ntitle = "新增床位"\n[[tasks.lines]]\nlead_units = ["市卫生健康委"]\n'
        '[[tasks.lines.indicators]]\nname = "新增床位"\nunit = "张"\ntarget = 100\n'
        'milestones = [{ due = "2023-06-30", target = 50 }]\n')


@pytest.fixture
def new_url(tmp_path):
    """Makes URLs of new, empty databases of the backend under test; drops them afterwards."""
    made = []

    def make(name: str = "t") -> str:
        if BACKEND == "sqlite":
            return f"sqlite:///{tmp_path / (name + '.db')}"
        made.append(_pg_database())
        return _pg_url(made[-1])

    yield make
    for name in made:
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def store(new_url):
    return Store(new_url())


# --- one schema path ---------------------------------------------------------------------------


def normalized_schema(url: str) -> dict:
    """Everything a schema declares, in a form that does not depend on how it was written: each table's
    columns (order, type, nullability, default, primary key), foreign keys (columns and targets, with
    their actions), unique constraints and indexes (columns, order, uniqueness)."""
    if url.startswith("sqlite"):
        connection = sqlite3.connect(url.removeprefix("sqlite:///"))
        try:
            names = [name for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
            schema = {}
            for name in names:
                indexes = []
                for _, index, unique, origin, partial in connection.execute(f"PRAGMA index_list({name})"):
                    columns = [(row[2], row[3], row[4], row[5]) for row in connection.execute(f"PRAGMA index_xinfo({index})")
                               if row[5]]  # key columns: name, descending, collation
                    # automatic indexes (UNIQUE, PRIMARY KEY) get SQLite's own names: compare what they cover
                    indexes.append((index if origin == "c" else origin, unique, partial, columns))
                sql = connection.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
                schema[name] = {
                    "autoincrement": "AUTOINCREMENT" in sql.upper(),  # numbers never given twice (migration 13)
                    "columns": connection.execute(f"PRAGMA table_info({name})").fetchall(),
                    "foreign_keys": sorted(row[2:] for row in connection.execute(f"PRAGMA foreign_key_list({name})")),
                    "indexes": sorted(indexes),
                }
            return schema
        finally:
            connection.close()
    import psycopg

    with psycopg.connect("postgresql://" + url.removeprefix("postgresql+psycopg://")) as connection:
        def rows(sql: str) -> list:
            return [tuple(row) for row in connection.execute(sql).fetchall()]

        return {
            # a column's place among the table's columns (a dropped one leaves a gap in ordinal_position)
            "columns": rows("SELECT table_name, row_number() OVER (PARTITION BY table_name ORDER BY ordinal_position),"
                            " column_name, data_type, is_nullable, column_default"
                            " FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2"),
            "constraints": rows("SELECT conrelid::regclass::text, contype, conname, pg_get_constraintdef(oid) FROM pg_constraint"
                                " WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2, 4"),
            "indexes": rows("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2"),
            "sequences": rows("SELECT sequence_name, data_type FROM information_schema.sequences"
                              " WHERE sequence_schema = 'public' ORDER BY 1"),
        }


def test_a_new_database_and_an_upgraded_one_have_the_same_schema(new_url, tmp_path):
    fresh = new_url("fresh")
    assert Store(fresh).init() == (0, SCHEMA_VERSION)
    upgraded = new_url("upgraded")
    if BACKEND == "sqlite":  # the first released schema, as a user's file has it
        shutil.copy(FIXTURES / "schema-v1.db", upgraded.removeprefix("sqlite:///"))
    else:  # no file: the first migration alone builds version 1
        assert Store(upgraded).init(upto=1) == (0, 1)
    assert Store(upgraded).init() == (1, SCHEMA_VERSION)
    assert normalized_schema(upgraded) == normalized_schema(fresh)


@pytest.mark.sqlite_only
def test_a_database_made_by_create_all_before_version_4_is_upgraded_to_the_same_schema(new_url):
    """schema-v3-created.db: made by mstrack before version 4 (`import plan` of a one-task plan into a
    new file, two `log`s, an `undo`, a `report weekly --freeze`, then VACUUM), when a new database came
    from the models' create_all, with VARCHAR where an upgraded one had TEXT."""
    fresh, old = new_url("fresh"), new_url("old")
    Store(fresh).init()
    shutil.copy(FIXTURES / "schema-v3-created.db", old.removeprefix("sqlite:///"))
    connection = sqlite3.connect(old.removeprefix("sqlite:///"))
    before = {table: connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() for table in ("batch", "report_snapshot")}
    connection.close()
    assert normalized_schema(old) != normalized_schema(fresh)
    assert Store(old).init() == (3, SCHEMA_VERSION)
    assert normalized_schema(old) == normalized_schema(fresh)
    connection = sqlite3.connect(old.removeprefix("sqlite:///"))
    after = {table: connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() for table in before}
    # version 8 adds each batch's range of report ids, from its reports; version 10 its counts, from its rows
    assert {**after, "batch": [row[:-5] for row in after["batch"]],
            "report_snapshot": [row[:-4] for row in after["report_snapshot"]]} == before
    # version 15: the highest batch number and the partial copy's name, not known of earlier freezes; nor, version 17,
    # how many batches they saw and the schema version then
    assert after["report_snapshot"] and {row[-4:] for row in after["report_snapshot"]} == {(None, None, None, None)}
    assert [row[-5:-3] for row in after["batch"]] == connection.execute(
        "SELECT min(r.id), max(r.id) FROM batch AS b LEFT JOIN report AS r ON r.batch_id = b.id GROUP BY b.id ORDER BY b.id").fetchall()
    assert any(row[-4] is not None for row in after["batch"])
    assert [row[-3:-1] for row in after["batch"]] == connection.execute(
        "SELECT (SELECT count(*) FROM report AS r WHERE r.batch_id = b.id),"
        " (SELECT count(*) FROM report_retraction AS x WHERE x.batch_id = b.id) FROM batch AS b ORDER BY b.id").fetchall()
    assert any(row[-2] for row in after["batch"]) and any(row[-3] for row in after["batch"])
    assert {row[-1] for row in after["batch"]} == {None}  # version 14: the terminal, not known of earlier batches
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    connection.close()
    assert Store(old).check() == []


def _tables_of_the_models(url: str, then: list[str] = ()) -> None:
    """The tables as the SQLModel classes declare them (create_all), then `then`'s statements, in one transaction."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool
    from sqlmodel import SQLModel

    from mstrack.store import schema

    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as connection:
        SQLModel.metadata.create_all(connection, tables=[table.__table__ for table in schema.TABLES])
        for statement in then:
            connection.execute(text(statement))
    engine.dispose()


@pytest.mark.skipif(BACKEND != "postgresql", reason="the SQLite case is the test above, on a real file")
def test_a_postgresql_database_made_by_create_all_before_version_4_is_upgraded_to_the_same_schema(new_url):
    """Before version 4 a new database came from the models' create_all, the long text columns VARCHAR."""
    fresh, old = new_url("fresh"), new_url("old")
    Store(fresh).init()
    _tables_of_the_models(old, then=[
        *(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE VARCHAR"
          for table, column in (("batch", "plan_before"), ("report_snapshot", "params"), ("report_snapshot", "content"))),
        "ALTER TABLE task DROP COLUMN next_steps",  # the models have it since version 5
        "ALTER TABLE indicator DROP COLUMN plan_rows",  # and this since version 7
        # and these since version 8, which drops the index the models had until then
        "ALTER TABLE batch DROP COLUMN first_report_id", "ALTER TABLE batch DROP COLUMN last_report_id",
        "CREATE INDEX ix_report_batch_id ON report (batch_id)",
        "DROP TABLE undone_deleted",  # and this since version 9
        "ALTER TABLE batch DROP COLUMN reports_added", "ALTER TABLE batch DROP COLUMN reports_retracted",  # these 10
        "ALTER TABLE report DROP COLUMN reporting_unit",  # and this 11
        "ALTER TABLE batch DROP COLUMN terminal",  # and this 14
        "ALTER TABLE report_snapshot DROP COLUMN last_batch", "ALTER TABLE report_snapshot DROP COLUMN part",  # 15
        "ALTER TABLE task DROP COLUMN cancelled_by",  # and this 16
        "ALTER TABLE report_snapshot DROP COLUMN seen_batches", "ALTER TABLE report_snapshot DROP COLUMN seen_schema",  # 17
        "INSERT INTO schema_version VALUES (3, now())",
        "INSERT INTO batch (created_at, command, plan_before) VALUES (now(), 'import plan', 'format = 1')",
    ])
    assert normalized_schema(old) != normalized_schema(fresh)
    assert Store(old).init() == (3, SCHEMA_VERSION)
    assert normalized_schema(old) == normalized_schema(fresh)
    assert [b.command for b in Store(old).batches()] == ["import plan"]


def test_the_models_declare_the_tables_as_the_migrations_make_them(new_url):
    """The SQLModel classes are for queries; were they ever used to make tables, they would make these."""
    fresh, modelled = new_url("fresh"), new_url("modelled")
    Store(fresh).init()
    _tables_of_the_models(modelled)
    assert normalized_schema(modelled) == normalized_schema(fresh)


def test_init_is_idempotent(store):
    assert store.init() == (0, SCHEMA_VERSION)
    assert store.init() == (SCHEMA_VERSION, SCHEMA_VERSION)
    assert store.schema_version() == SCHEMA_VERSION


# --- the write path ----------------------------------------------------------------------------


def test_a_saved_plan_reads_back_as_it_was(store, tmp_path):
    programme = load_plan(write_plan(tmp_path / "x.toml", BEDS))
    store.init()
    saved = store.save_plan(programme, source="x.toml")
    assert (saved["tasks_added"], saved["unchanged"]) == (1, False)
    assert store.load_plan("x-2023") == programme
    assert store.save_plan(programme)["unchanged"] is True
    (batch,) = store.batches()
    assert (batch.id, batch.command, batch.source, batch.programme) == (saved["batch"], "import plan", "x.toml", "x-2023")


def test_an_import_reads_the_plan_and_only_the_days_its_rows_name(store, tmp_path):
    """What import progress reads of the store: the indicators as plain tuples (name, kind, unit, comparator,
    target, the day of the latest standing report, a text-only line's checkpoint days), then only the
    (indicator, day) pairs its rows name: the value of that day (its latest entry); and for the warnings about
    falls, the highest value before an indicator's first row (with its day) and its reports between its
    first and last row's days; reports after `upto` (the import's own) and retracted ones not counted. A
    status still reads everything."""
    store.init()
    text_only = ('[[tasks]]\ncode = "2"\ntitle = "建设公园"\n[[tasks.lines]]\nlead_units = ["市城管局"]\n'
                 'checkpoints = [{ due = "2023-06-30", text = "完成设计" }, { due = "2023-12-31", text = "建成开放" }]\n')
    store.save_plan(load_plan(write_plan(tmp_path / "x.toml", BEDS + text_only)))
    _, [beds] = store.task_states(parse("x-2023/1"))
    year, by_task = store.import_indicators("x-2023")
    (lean_beds,), (park,) = by_task["1"], by_task["2"]
    assert year == 2023 and lean_beds == ("1", beds.indicator_id, "新增床位", beds.kind, "张", None)
    assert park[:4] == ("2", park_state_id := park[1], park[2], SCHEDULE) and park[5] is None and park_state_id != beds.indicator_id
    _, [park_state] = store.task_states(parse("x-2023/2"))
    terms = store.import_terms([park[1], beds.indicator_id])
    assert terms == {beds.indicator_id: (beds.comparator, 100, ()),
                     park[1]: (park_state.comparator, None, [date(2023, 6, 30), date(2023, 12, 31)])}
    assert type(terms[beds.indicator_id][1]) is int  # a whole-number target as number() gives it
    assert terms[beds.indicator_id][2] is import_reads.NO_DUES  # one empty tuple shared by every indicator not a text-only line
    assert store.import_terms([]) == {}
    assert store.import_indicators("y-2023") is None
    assert store.last_report_id() == 0

    for on, value in [(date(2023, 4, 30), 30.0), (date(2023, 5, 31), 20.0), (date(2023, 5, 31), 25.0), (date(2023, 6, 30), 40.0)]:
        store.add_reports([(beds.indicator_id, on, value, "过半", "张三", "a.csv", None)], 1, "import progress", "a.csv")
    upto = store.last_report_id()
    assert store.import_indicators("x-2023")[1]["1"][0][5] == date(2023, 6, 30)
    store.add_reports([(beds.indicator_id, date(2023, 5, 31), 90.0, None, None, "b.csv", None)], 1, "import progress", "b.csv")
    ind = beds.indicator_id
    keys = [(ind, date(2023, 5, 31)), (ind, date(2023, 6, 1)), (ind, date(2023, 4, 30)), (ind, date(2023, 7, 1))]
    assert store.stored_on(keys, upto=upto) == [25.0, None, 30.0, None]
    assert store.stored_on(keys[:1], upto=upto - 2) == [20.0]  # before its correction
    assert store.stored_between([(ind, date(2023, 5, 31), date(2023, 6, 30))], upto=upto) == (
        [(30.0, date(2023, 4, 30))], {ind: [(date(2023, 5, 31), 20.0), (date(2023, 5, 31), 25.0), (date(2023, 6, 30), 40.0)]})
    assert store.stored_between([(ind, date(2023, 4, 30), date(2023, 5, 30))], upto=upto) == (
        [(None, None)], {ind: [(date(2023, 4, 30), 30.0)]})
    assert store.stored_between([(ind, date(2023, 7, 1), date(2023, 7, 1))], upto=upto) == ([(40.0, date(2023, 6, 30))], {})
    assert store.stored_on(keys[:1], upto=upto + 1) == [90.0]
    store.undo(None, reason="撤回")  # the 90 retracted: no longer stored, whatever upto says
    assert store.stored_on(keys[:1], upto=upto + 1) == [25.0]
    many = [(ind, date(2023, 1, 1) + timedelta(days=n)) for n in range(700)]  # more keys than one statement binds
    assert store.stored_on(many, upto=upto).count(None) == 697
    full = {state.task: state for state in store.status_states(date(2023, 7, 1))}
    assert [m.target for m in full["1"].milestones] == [50] and full["1"].lead_units == ["市卫生健康委"]


def test_reports_are_one_batch_and_states_read_the_latest(store, tmp_path):
    store.init()
    store.save_plan(load_plan(write_plan(tmp_path / "x.toml", BEDS)))
    _, [state] = store.task_states(parse("x-2023/1"))
    rows = [(state.indicator_id, date(2023, 5, 31), 20.0, None, "张三", "a.csv", None),
            (state.indicator_id, date(2023, 6, 30), 45.0, "过半", "张三", "a.csv", None)]
    batch = store.add_reports(iter(rows), len(rows), "import progress", "a.csv")
    (latest,) = store.status_states(date(2023, 7, 1))
    assert [(r.as_of, r.value, r.note) for r in latest.reports] == [(date(2023, 6, 30), 45, "过半")]
    (info,) = store.batches(ids=[batch])
    assert (info.command, info.source, info.reports_added) == ("import progress", "a.csv", 2)
    logged = store.add_reports([(state.indicator_id, date(2023, 6, 30), 48, None, None, None, None)], 1, "log", reason="核实")
    history = store.history(parse("x-2023/1"))
    assert [(e.value, e.state, e.batch_id) for e in history] == [
        (20, "current", batch), (45, "superseded", batch), (48, "current", logged)]
    assert history[-1].reason == "核实" and history[1].superseded_by == history[-1].report_id


def test_the_states_and_rows_built_field_by_field_have_every_field(store, tmp_path):
    """store/states.py and domain/status.evaluate build their objects by assigning each field to an
    object.__new__ instance (model.py), for speed: none may be left unset (a field added to a class and not to
    its loop would be), and each equals the object its fields make through __init__ by keyword."""
    from dataclasses import fields

    from mstrack.domain.lights import warned_rows

    store.init()
    store.save_plan(load_plan(write_plan(tmp_path / "x.toml", BEDS)))
    _, [state] = store.task_states(parse("x-2023/1"))
    rows = [(state.indicator_id, date(2023, 5, 31), 20.0, None, "张三", "a.csv", None),
            (state.indicator_id, date(2023, 6, 30), 45.5, "过半", "张三", "a.csv", None)]
    store.add_reports(iter(rows), len(rows), "import progress", "a.csv")
    seen = set()
    for previous in (True, False):
        for on in (date(2023, 5, 31), date(2023, 7, 1)):
            states = store.status_states(on, previous=previous)
            seen |= {len(state.reports) for state in states}
            rows = warned_rows(states, on, warn_days=7)
            built = [*states, *(m for s in states for m in s.milestones), *(r for s in states for r in s.reports),
                     *rows, *(row.forecast for row in rows)]
            assert {type(one).__name__ for one in built} == {"IndicatorState", "MilestoneState", "ReportState", "StatusRow",
                                                             "Forecast"}
            for one in built:
                values = {f.name: getattr(one, f.name) for f in fields(one)}  # AttributeError: a field left unset
                assert type(one)(**values) == one
    assert seen == {1, 2}  # the latest report alone, and with the one before it


def test_undo_retracts_a_batch_and_undoing_the_undo_brings_it_back(store, tmp_path):
    store.init()
    store.save_plan(load_plan(write_plan(tmp_path / "x.toml", BEDS)))
    _, [state] = store.task_states(parse("x-2023/1"))
    batch = store.add_reports(iter([(state.indicator_id, date(2023, 6, 30), 45.0, None, None, None, None)]), 1, "log")
    undo = store.undo(batch, reason="录错")
    assert (undo.undoes, undo.reports_retracted, undo.reports_added, undo.reason) == (batch, 1, 0, "录错")
    assert store.status_states(date(2023, 7, 1))[0].reports == []
    with pytest.raises(InputError, match="already undone"):
        store.undo(batch)
    redo = store.undo(undo.id)
    assert (redo.reports_retracted, redo.reports_added) == (0, 1)
    assert [r.value for r in store.status_states(date(2023, 7, 1))[0].reports] == [45]


def test_undo_of_a_plan_import_puts_the_programme_back(store, tmp_path):
    store.init()
    first = load_plan(write_plan(tmp_path / "x.toml", BEDS))
    store.save_plan(first)
    changed = store.save_plan(load_plan(write_plan(tmp_path / "y.toml", BEDS.replace("target = 100", "target = 120"))))
    assert store.load_plan("x-2023") != first
    store.undo(changed["batch"])
    assert store.load_plan("x-2023") == first


def test_save_plans_writes_all_or_none(store, tmp_path):
    store.init()
    store.save_plan(load_plan(write_plan(tmp_path / "x.toml", BEDS)))
    _, [state] = store.task_states(parse("x-2023/1"))
    store.add_reports(iter([(state.indicator_id, date(2023, 6, 30), 45.0, None, None, None, None)]), 1, "log")
    new = load_plan(write_plan(tmp_path / "a.toml", BEDS, code="a-2023"))
    drops_reported = load_plan(write_plan(tmp_path / "b.toml", BEDS.replace('name = "新增床位"', 'name = "其他"')))
    with pytest.raises(InputError, match="nothing was written"):
        store.save_plans([(new, "a.toml"), (drops_reported, "b.toml")])
    assert store.programme_codes() == ["x-2023"] and len(store.batches()) == 2


def parse(ref: str):
    from mstrack.store import parse_ref

    return parse_ref(ref)


def test_a_store_on_a_missing_file_is_not_made_by_a_read(tmp_path):
    path = tmp_path / "none.db"
    store = Store(f"sqlite:///{path}")
    assert store.schema_version() == 0 and not Path(path).exists()


def test_a_task_detail_is_the_same_from_show_and_from_the_reports(demo_cli):
    """task_detail (show) and task_details (report half-year, units) build a TaskDetail in one place:
    they agree on every field of every task, links both ways included (they once differed for
    shenzhen-2023/1, which other tasks name)."""
    store = Store(demo_cli.url)
    details = store.task_details(checkpoints=True)  # show's line checkpoints too (left50)
    assert len(details) > 20
    for detail in details:
        assert store.task_detail(parse(f"{detail.programme}/{detail.code}")) == detail
    (first,) = [d for d in details if (d.programme, d.code) == ("shenzhen-2023", "1")]
    named_by = demo_cli.sql("SELECT p.code, t.code FROM task_link AS k JOIN task AS t ON k.task_id = t.id"
                            " JOIN programme AS p ON t.programme_id = p.id WHERE k.ref = 'shenzhen-2023/1'")
    assert named_by and {f"{p}/{t}" for p, t in named_by} <= set(first.links)


def test_reports_from_log_import_plan_and_undo_are_stored_alike(store, tmp_path):
    """One write path (batches.insert_reports) for every writer: a plan's own report, a logged one and
    one an undo brings back have the same column values and types on this backend."""
    body = BEDS.replace('milestones = [', 'reports = [{ as_of = "2023-05-31", value = 20 }]\nmilestones = [')
    store.init()
    store.save_plan(load_plan(write_plan(tmp_path / "x.toml", body)))
    _, [state] = store.task_states(parse("x-2023/1"))
    logged = store.add_reports([(state.indicator_id, date(2023, 5, 31), 20, None, None, "plan", None)], 1, "log")
    undo = store.undo(logged)
    store.undo(undo.id)
    url = store.url
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as connection:
        # SQLite: the timestamp's text is its whole format (always six digits of microseconds); PostgreSQL
        # prints a timestamptz without trailing zeros, so there the column's type says it all.
        typed = "length(entered_at), typeof(as_of), typeof(value), typeof(entered_at)" if store.dialect.name == "sqlite" \
            else "0, pg_typeof(as_of)::text, pg_typeof(value)::text, pg_typeof(entered_at)::text"
        rows = connection.execute(text(f"SELECT as_of, value, source, {typed} FROM report ORDER BY id")).all()
    engine.dispose()
    assert len(rows) == 3 and len({tuple(row) for row in rows}) == 1, rows  # plan, log, undo's restore
    assert rows[0][0] in ("2023-05-31", date(2023, 5, 31)) and rows[0][1] == 20.0


def test_the_generic_sqlalchemy_path_reads_and_writes(tmp_path):
    """A URL that is neither a plain SQLite file nor PostgreSQL with psycopg (here sqlite+pysqlite:///,
    an SQLite file named with its driver) goes through SQLAlchemy's connection and its driver's
    placeholder: the whole cycle works on it, and the file reads back the same through the plain URL."""
    path = tmp_path / "g.db"
    store = Store(f"sqlite+pysqlite:///{path}")
    assert store.path == path and not store.sqlite_file and store.dialect.p == "?"  # the same file (urls.sqlite_file)
    assert store.init() == (0, SCHEMA_VERSION)
    programme = load_plan(write_plan(tmp_path / "x.toml", BEDS))
    store.save_plan(programme)
    _, [state] = store.task_states(parse("x-2023/1"))
    batch = store.add_reports(iter([(state.indicator_id, date(2023, 6, 30), 45.0, "过半", "张三", None, None)]), 1, "log")
    assert [r.value for r in store.status_states(date(2023, 7, 1))[0].reports] == [45]
    assert store.task_detail(parse("x-2023/1")).indicators[0].reports[0].note == "过半"
    undo = store.undo(batch)
    assert (undo.undoes, undo.reports_retracted) == (batch, 1)
    assert [e.state for e in store.history(parse("x-2023/1"))] == ["retracted"]
    assert store.check() == [] and store.load_plan("x-2023") == programme
    plain = Store(f"sqlite:///{path}")
    assert plain.sqlite_file and [b.command for b in plain.batches()] == ["undo", "log", "import plan"]
    assert plain.status_states(date(2023, 7, 1))[0].reports == []


def test_an_in_memory_url_is_the_generic_path_too():
    """sqlite:// (in memory) takes the generic path: one connection, kept for the store's life."""
    store = Store("sqlite://")
    assert store.path is None and store.dialect.name == "sqlite"
    assert store.init() == (0, SCHEMA_VERSION)
    assert store.schema_version() == SCHEMA_VERSION and store.programme_codes() == []
