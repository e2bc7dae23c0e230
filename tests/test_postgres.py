"""The same mstrack on a real PostgreSQL server: run when MSTRACK_TEST_PG names one (CI always does).

MSTRACK_TEST_PG is an admin URL, e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres; each test
gets a database of its own, dropped afterwards.
"""

import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from pathlib import Path

import pytest

from .conftest import Cli, refused
from .conftest import _admin as admin  # the run's one admin connection (tests/test_db_copy.py imports it from here)

ADMIN_URL = os.environ.get("MSTRACK_TEST_PG")
if not ADMIN_URL and os.environ.get("CI"):
    pytest.fail("CI runs the PostgreSQL tests: MSTRACK_TEST_PG must name a server", pytrace=False)
pytestmark = pytest.mark.skipif(not ADMIN_URL, reason="MSTRACK_TEST_PG names no PostgreSQL server")


@pytest.fixture
def pg_url():
    name = f"mstrack_test_{uuid.uuid4().hex[:12]}"
    admin(f"CREATE DATABASE {name}")
    yield ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


class PgCli(Cli):
    """Cli passes whatever it holds as --db: here a URL."""


def without(data, key: str):
    if isinstance(data, dict):
        return {k: without(v, key) for k, v in data.items() if k != key}
    if isinstance(data, list):
        return [without(item, key) for item in data]
    return data


def test_same_output_on_sqlite_and_postgresql(tmp_path, pg_url):
    cli, pg = Cli(tmp_path / "t.db"), PgCli(pg_url)
    for store in (cli, pg):
        assert store("demo").exit_code == 0
        assert store("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30", "--by", "张三").exit_code == 0
    for args in (
        ("status", "--format", "json", "--as-of", "2023-07-01"),
        ("status", "--format", "json", "--as-of", "2023-10-01", "--rule", "pro-rata"),
        ("show", "shenzhen-2023/5", "--format", "json"),
        ("show", "yantian-2023/19", "--format", "json"),
        ("report", "weekly", "--format", "json", "--as-of", "2023-07-01"),
    ):
        on_sqlite, on_pg = cli(*args), pg(*args)
        assert on_sqlite.exit_code == on_pg.exit_code == 0, (args, on_pg.output)
        assert without(json.loads(on_sqlite.stdout), "entered_at") == without(json.loads(on_pg.stdout), "entered_at"), args


def test_writes_history_undo_and_all_or_nothing_imports(pg_url, tmp_path):
    pg = PgCli(pg_url)
    pg("demo")
    pg("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30")
    pg("log", "shenzhen-2023/5", "2.6万", "-i", "建设", "--as-of", "2023-06-30", "--reason", "更正")
    assert pg("undo").exit_code == 0
    states = [e["state"] for e in json.loads(pg("history", "shenzhen-2023/5", "--format", "json").stdout)]
    assert states == ["current", "retracted"]
    bad = tmp_path / "bad.csv"
    bad.write_text("计划,任务编号,指标,截至日期,数值\nshenzhen-2023,5,供应,2023-06-30,1万\nshenzhen-2023,5,建设,2023-06-30,很多\n",
                   encoding="utf-8")
    result = pg("import", "progress", str(bad))
    assert result.exit_code == 2 and "bad.csv:3:数值" in result.stderr
    rows = json.loads(pg("status", "--format", "json", "--as-of", "2023-07-01", "-p", "shenzhen-2023").stdout)
    assert {r["indicator"]: r["actual"] for r in rows if r["task"] == "5"} == {
        "建设筹集保障性住房": 25000, "供应分配保障性住房": None}
    assert pg("db", "check").exit_code == 0


ROUNDS = 30
"""Reports each coordinator logs: all eight start together (below), so every round meets seven other writers."""

WRITER = textwrap.dedent(f"""
    import sys
    import time
    from datetime import date, timedelta
    from pathlib import Path
    from mstrack.store.log import record_progress
    from mstrack.store import Store, parse_ref

    store = Store(sys.argv[1])
    worker, start = int(sys.argv[2]), Path(sys.argv[3])
    (start.parent / f"ready-{{worker}}").touch()
    while not start.exists():  # every writer loaded and connected, then all at once
        time.sleep(0.005)
    for i in range({ROUNDS}):
        record_progress(store, parse_ref("shenzhen-2023/28"), str(worker * 1000 + i), indicator=None,
                        as_of=(date(2023, 1, 1) + timedelta(days=i)).isoformat(), note=None, by=f"w{{worker}}",
                        done=False, today=date.today(), reason="并发写入")  # over another's figure: said (trial53 F4)
""")


def test_eight_coordinators_at_once_lose_nothing(pg_url, tmp_path, background):
    """Eight processes log to one indicator at the same moment: every report and batch is kept. They start writing
    together (a start file), so ROUNDS rounds overlap from the first; 100 rounds from staggered starts cost 2.5 times
    the CPU and overlapped less."""
    pg = PgCli(pg_url)
    pg("demo")
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    start = tmp_path / "start"
    workers = [background([sys.executable, str(script), pg_url, str(n), str(start)], stderr=subprocess.PIPE, text=True)
               for n in range(8)]
    while len(list(tmp_path.glob("ready-*"))) < 8:
        assert all(worker.poll() is None for worker in workers), [worker.communicate()[1] for worker in workers]
        time.sleep(0.01)
    start.touch()
    errors = [worker.communicate(timeout=300)[1] for worker in workers]
    assert [worker.returncode for worker in workers] == [0] * 8, errors
    batches = json.loads(pg("batches", "--format", "json", "--limit", "2000").stdout)
    logged = [b for b in batches if b["command"] == "log"]
    assert len(logged) == 8 * ROUNDS and sum(b["reports_added"] for b in logged) == 8 * ROUNDS
    assert pg.sql("SELECT count(*), count(DISTINCT reporter) FROM report WHERE reporter LIKE 'w%'") == [(8 * ROUNDS, 8)]


def test_a_read_only_role_reads_and_is_told_it_cannot_write(pg_url):
    from sqlalchemy import create_engine, text

    pg = PgCli(pg_url)
    pg("demo")
    role = f"reader_{uuid.uuid4().hex[:8]}"
    admin(f"CREATE ROLE {role} LOGIN")
    engine = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}"))
        reader = PgCli(pg_url.replace("//postgres@", f"//{role}@"))
        assert reader("status", "--format", "json").exit_code == 0
        assert reader("show", "shenzhen-2023/5").exit_code == 0
        reports = pg.sql("SELECT count(*) FROM report")
        refused(reader("log", "shenzhen-2023/5", "1", "-i", "建设", "--as-of", "2023-06-30"), "may only read")
        sheet = Path(tempfile.mkdtemp()) / "p.csv"  # the import writes through psycopg alone: the same words
        sheet.write_text("计划,任务编号,指标,截至日期,数值\nshenzhen-2023,5,建设,2023-06-30,2万\n", encoding="utf-8")
        refused(reader("import", "progress", str(sheet)), "may only read")
        assert pg.sql("SELECT count(*) FROM report") == reports
    finally:
        with engine.connect() as connection:
            connection.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}"))
        engine.dispose()
        admin(f"DROP ROLE {role}")


def test_copy_sqlite_to_postgresql_and_back(pg_url, tmp_path):
    demo_cli = Cli(tmp_path / "source.db")
    demo_cli("demo")
    demo_cli("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30")
    demo_cli("undo")
    result = demo_cli("db", "copy", "--to", pg_url)
    assert result.exit_code == 0 and "verified" in result.stdout, result.output
    back = tmp_path / "back.db"
    result = PgCli(pg_url)("db", "copy", "--to", str(back))
    assert result.exit_code == 0, result.output
    for args in (("status", "--format", "json"), ("history", "shenzhen-2023/5", "--format", "json"), ("batches", "--format", "json")):
        assert Cli(back)(*args).stdout == demo_cli(*args).stdout
    assert PgCli(pg_url)("log", "shenzhen-2023/5", "3万", "-i", "建设", "--as-of", "2023-06-30").exit_code == 0  # ids go on
    again = demo_cli("db", "copy", "--to", pg_url)
    assert again.exit_code == 2 and "not empty" in again.stderr


def test_a_wrong_password_is_never_printed(pg_url):
    url = pg_url.replace("//postgres@", "//nobody:Wr0ng-Secret@")
    result = PgCli(url)("status")
    refused(result, "database: ")
    assert "Wr0ng-Secret" not in result.output


def test_a_password_that_is_a_common_word_is_masked_where_the_url_holds_it(pg_url):
    """postgres/postgres, the commonest local setup (trial59 F3): the password masked in the URL, never as a word
    across the message (before: `***ql+psycopg://***:***@…`, and the server's `database "***_absent"`)."""
    url = pg_url.replace("//postgres@", "//postgres:postgres@")
    shown = pg_url.replace("//postgres@", "//postgres:***@")
    for command in (["init"], ["db", "check"]):
        result = PgCli(url)(*command)
        assert result.exit_code == 0, result.output
        assert shown in result.output and ":postgres@" not in result.output, result.output
    absent = url.rsplit("/", 1)[0] + "/postgres_absent"
    result = PgCli(absent)("status")
    said = refused(result, f"mstrack: error: --db {shown.rsplit('/', 1)[0]}/postgres_absent: cannot open the database: ",
                   'database "postgres_absent" does not exist')
    assert ":postgres@" not in said


def test_a_service_file_connects_without_a_password_in_the_url(pg_url, tmp_path, monkeypatch):
    from sqlalchemy.engine import make_url

    url = make_url(pg_url)
    service = tmp_path / "pg_service.conf"
    service.write_text(f"[mstrack]\nhost={url.host}\nport={url.port}\ndbname={url.database}\nuser={url.username}\n",
                       encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(service))
    office = PgCli("postgresql+psycopg:///?service=mstrack")
    assert office("init").exit_code == 0
    assert office("programmes").exit_code == 0


def one_indicator(pg_url: str, tmp_path):
    """A Store on pg_url holding one plan of one task with one indicator, and that indicator's state."""
    from mstrack.sources.plan import load_plan
    from mstrack.store import Store, parse_ref

    from .conftest import write_plan

    store = Store(pg_url)
    store.init()
    store.save_plan(load_plan(write_plan(tmp_path / "x.toml", '[[tasks]]\ncode = "1"\ntitle = "新增床位"\n[[tasks.lines]]\n'
                                         'lead_units = ["市卫生健康委"]\n[[tasks.lines.indicators]]\nname = "床位"\nunit = "张"\n'
                                         'target = 100\n')))
    _, [state] = store.task_states(parse_ref("x-2023/1"))
    return store, state


def test_copy_and_executemany_store_the_same_rows(pg_url, tmp_path, monkeypatch):
    """Reports go to PostgreSQL by COPY (Dialect.insert_many); the same rows through executemany are the
    same to the last bit: the timestamp the same instant as every other write binds it (the batch's
    created_at, one plain insert) in a session whose TimeZone is not UTC, floats exact, text with tabs, newlines, backslashes and a
    literal \\N kept, None as NULL."""
    import dataclasses
    from datetime import UTC, date, datetime

    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    from mstrack.store import batches


    admin(f"ALTER DATABASE {pg_url.rsplit('/', 1)[1]} SET timezone = 'Asia/Shanghai'")
    fixed = datetime(2023, 7, 1, 1, 2, 3, 456789, tzinfo=UTC)

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            return fixed

    monkeypatch.setattr(batches, "datetime", Clock)
    store, state = one_indicator(pg_url, tmp_path)
    values = [0, 0.1, 1 / 3, -2.5, 1e300, 12345678901234567, 5e-324]
    notes = [None, "", "过半\t二期", "第一行\n第二行", "C:\\路径\\N", "\\N", "引号\"与'逗号,"]
    rows = [(state.indicator_id, date(2023, 1, 1 + n), value, note, "张三" if n % 2 else None, "进度.xlsx", None)
            for n, (value, note) in enumerate(zip(values, notes, strict=True))]
    import psycopg

    statements = []
    real_copy = psycopg.Cursor.copy
    monkeypatch.setattr(psycopg.Cursor, "copy", lambda self, statement, *a, **k: statements.append(statement) or real_copy(
        self, statement, *a, **k))
    copied = store.add_reports(iter(rows), len(rows), "import progress", "进度.xlsx", "原因\t一")
    assert [s.split(" (")[0] for s in statements] == ["COPY report"]
    store.dialect = dataclasses.replace(store.dialect, copy=False)
    inserted = store.add_reports(iter(rows), len(rows), "import progress", "进度.xlsx", "原因\t一")
    assert len(statements) == 1
    engine = create_engine(pg_url, poolclass=NullPool)
    with engine.connect() as connection:
        def written(batch):
            return connection.execute(text("SELECT indicator_id, as_of, value, note, reporter, entered_at, source, reason,"
                                           " pg_typeof(entered_at)::text FROM report WHERE batch_id = :b ORDER BY id"), {"b": batch}).all()

        by_copy, by_insert = written(copied), written(inserted)
        created = connection.execute(text("SELECT created_at FROM batch WHERE id = :b"), {"b": copied}).scalar_one()
    engine.dispose()
    assert len(by_copy) == len(rows) and [tuple(r) for r in by_copy] == [tuple(r) for r in by_insert]
    assert [r.value for r in by_copy] == [float(v) for v in values] and [r.note for r in by_copy] == notes
    assert {r.entered_at for r in by_copy} == {fixed} == {created}  # the same instant, whatever the session's zone
    assert by_copy[0].entered_at.utcoffset().total_seconds() == 8 * 3600 and by_copy[0][-1] == "timestamp with time zone"


def test_an_old_schema_on_the_server_is_left_unchanged_and_the_upgrade_to_type_is_said(pg_url):
    """A PostgreSQL database an older mstrack made (schema v4): `demo` and `status` change nothing and say
    to back it up with the server's tools, then the `db upgrade` to type, with its --db; typed as printed,
    the upgrade brings it to this mstrack's schema."""
    import shlex

    from mstrack.store import SCHEMA_VERSION, Store

    store = Store(pg_url)
    assert store.init(upto=4) == (0, 4)
    cli = PgCli(pg_url)
    for args in (("demo",), ("status",)):
        said = refused(cli(*args), "was made by an older mstrack (schema version 4", "(pg_dump)", "left unchanged")
        assert Store(pg_url).schema_version() == 4 and Store(pg_url).programme_codes() == []
    commands = [shlex.split(line) for line in said.splitlines() if line.startswith("    mstrack ")]
    assert commands == [["mstrack", "--db", pg_url, "db", "upgrade"]], said
    assert cli(*commands[0][3:]).exit_code == 0
    assert Store(pg_url).schema_version() == SCHEMA_VERSION


def test_an_imports_chunks_are_copied_behind_it_and_stay_one_transaction(pg_url, tmp_path, monkeypatch):
    """import progress writes its chunks through ReportBatch, each COPY in a thread of its own (RowStream,
    behind=True) while the next chunk is checked. A statement sent meanwhile waits for the chunk and sees
    its rows; a chunk the server refuses (an indicator that does not exist) raises in the import's own
    thread, and an error of the import's own while a chunk is in flight is the one raised: either way the
    transaction rolls back every chunk and the batch row."""
    import threading
    from datetime import date, timedelta

    import psycopg


    store, state = one_indicator(pg_url, tmp_path)
    rows = [(state.indicator_id, date(2023, 1, 1) + timedelta(days=n), n, "备注", None, "x.csv", None) for n in range(300)]
    copied_by = []
    real_copy = psycopg.Cursor.copy
    monkeypatch.setattr(psycopg.Cursor, "copy", lambda self, *a, **k: copied_by.append(threading.current_thread()) or real_copy(
        self, *a, **k))

    def counts():
        return Cli(pg_url).sql("select (select count(*) from report), (select count(*) from batch)")[0]

    before = counts()
    with store.locked("import progress") as connection, store.report_batch("import progress", source="x.csv") as batch:
        batch.add(rows[:100])
        batch.add(rows[100:250])
        seen = store.dialect.rows(connection, f"SELECT count(*) FROM report WHERE batch_id = {store.dialect.p}", [batch.id])
        batch.add(rows[250:])
    assert seen == [(250,)]
    assert counts() == (before[0] + 300, before[1] + 1)
    assert len(copied_by) == 3 and threading.main_thread() not in copied_by

    before = counts()
    with (pytest.raises(psycopg.errors.ForeignKeyViolation), store.locked("import progress"),
          store.report_batch("import progress", source="x.csv") as batch):
        batch.add([(row[0], row[1] + timedelta(days=400), *row[2:]) for row in rows])
        batch.add([(10**9, date(2023, 6, 30), 1, None, None, "x.csv", None)])
        batch.end()
    assert counts() == before

    class Stop(Exception):
        pass

    with pytest.raises(Stop), store.locked("import progress"), store.report_batch("import progress", source="x.csv") as batch:
        batch.add([(row[0], row[1] + timedelta(days=800), *row[2:]) for row in rows])
        raise Stop
    assert counts() == before


PLAN_TABLES = ("programme", "area", "task", "task_line", "indicator", "checkpoint", "milestone", "line_unit", "unit", "task_link")


def stored_plans(cli: Cli) -> dict:
    """Every plan table's rows, ids included, in one form for both backends (dates as ISO text, JSON parsed)."""
    def plain(value):
        if hasattr(value, "isoformat"):
            return value.isoformat()
        if isinstance(value, str) and value[:1] == "[":  # SQLite's JSON text (a line's leaders)
            try:
                return json.loads(value)
            except ValueError:
                return value
        return value

    tables = {table: sorted((tuple(plain(v) for v in row) for row in cli.sql(f"SELECT * FROM {table}")), key=repr)
              for table in PLAN_TABLES}
    tables["report"] = [tuple(plain(v) for v in row) for row in cli.sql(
        "SELECT id, indicator_id, as_of, value, note, source, batch_id FROM report ORDER BY id")]
    return tables


def test_plan_imports_store_the_same_rows_on_sqlite_and_postgresql(tmp_path, pg_url):
    """Plans go in a level at a time (new tasks, lines and indicators by multi-row INSERT … RETURNING, the
    rows under them by Dialect.insert_many: COPY on PostgreSQL): the seed plans, then one re-imported with
    a task more and a title changed, store the same rows with the same ids on both backends."""
    seed = Path(__file__).parent.parent / "data" / "seed" / "shenzhen-2023.toml"
    text = seed.read_text(encoding="utf-8")
    first, second = text.index("[[tasks]]"), text.index("[[tasks]]", text.index("[[tasks]]") + 1)
    changed = tmp_path / "shenzhen-2023.toml"
    changed.write_text(text.replace('title = "新建扩建医院', 'title = "（改）新建扩建医院', 1) + "\n"
                       + text[first:second].replace('code = "1"', 'code = "901"', 1), encoding="utf-8")
    cli, pg = Cli(tmp_path / "t.db"), PgCli(pg_url)
    for store in (cli, pg):
        assert store("demo").exit_code == 0
        result = store("import", "plan", str(changed))
        assert result.exit_code == 0 and "1 task added, 1 updated" in result.stdout, result.output
    on_sqlite, on_pg = stored_plans(cli), stored_plans(pg)
    assert "901" in max(on_pg["task"])
    assert all(on_sqlite[table] for table in PLAN_TABLES) and on_sqlite["report"]
    for table in on_sqlite:
        assert on_sqlite[table] == on_pg[table], table
