"""Nothing lost, nothing torn (issue 14): upgrades, plan imports, imports and undos are each one locked
transaction; an undo never silently beats a newer entry; a writer that gives up says whom it waited for.
Every test runs on SQLite and, in the PostgreSQL run, on PostgreSQL, unless it is about SQLite files."""

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import pytest

from mstrack.store import SCHEMA_VERSION, Store, login_name
from mstrack.store import migrations as migrations

from .conftest import BACKEND, ROOT, Cli, write_plan

V1 = ROOT / "tests" / "fixtures" / "schema-v1.db"
MSTRACK = shutil.which("mstrack", path=str(Path(sys.executable).parent))
V1_TABLES = {"schema_version", "programme", "area", "task", "task_link", "task_line", "unit", "line_unit", "checkpoint",
             "indicator", "milestone", "report"}
BEDS = ('[[tasks]]\ncode = "1"\ntitle = "新增床位"\n[[tasks.lines]]\nlead_units = ["市卫生健康委"]\n'
        '[[tasks.lines.indicators]]\nname = "新增床位"\nunit = "张"\ntarget = 100\n')


def execute(url: str, *statements: str) -> None:
    """Writes behind mstrack's back, committed (Cli.sql only reads)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def one(cli: Cli, sql: str):
    return cli.sql(sql)[0][0]


def tables(cli: Cli) -> set[str]:
    sql = ("SELECT name FROM sqlite_master WHERE type = 'table'" if BACKEND == "sqlite"
           else "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
    return {name for (name,) in cli.sql(sql)}


def report_columns(cli: Cli) -> set[str]:
    sql = ("SELECT name FROM pragma_table_info('report')" if BACKEND == "sqlite"
           else "SELECT column_name FROM information_schema.columns WHERE table_name = 'report'")
    return {name for (name,) in cli.sql(sql)}


def v1_store(cli: Cli) -> dict[str, int]:
    """A database at schema version 1 with rows in it: the fixture file, or on PostgreSQL the first
    migration and a few rows; returns the row count of each v1 table."""
    if BACKEND == "sqlite":
        shutil.copy(V1, cli.db)
    else:
        Store(cli.url).init(upto=1)
        execute(cli.url,
                "INSERT INTO programme (code, name, year, start, \"end\", reading, rule) "
                "VALUES ('x-2023', 'x', 2023, '2023-01-01', '2023-12-31', 'cumulative', 'step')",
                "INSERT INTO unit (name) VALUES ('市卫生健康委')")
    return {table: one(cli, f"SELECT count(*) FROM {table}") for table in sorted(V1_TABLES)}


def status_actual(cli: Cli):
    (row,) = json.loads(cli("status", "--format", "json", "--as-of", "2023-07-01").stdout)
    return row["actual"]


# --- 3. an upgrade is all or nothing, and a rerun goes on -----------------------------------------


def test_an_upgrade_that_fails_midway_leaves_the_old_version_and_a_rerun_succeeds(cli, monkeypatch):
    counts = v1_store(cli)
    real = migrations.MIGRATIONS[1]

    def dies_after_its_ddl(connection):
        real(connection)  # every statement of migration 2 ran …
        raise RuntimeError("killed")  # … and then the process "died" before the commit

    monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], dies_after_its_ddl, *migrations.MIGRATIONS[2:]])
    with pytest.raises(RuntimeError, match="killed"):
        Store(cli.url).init()
    assert one(cli, "SELECT max(version) FROM schema_version") == 1
    assert tables(cli) == V1_TABLES
    assert "batch_id" not in report_columns(cli)
    monkeypatch.undo()
    result = cli("db", "upgrade")
    assert result.exit_code == 0 and f"1 → {SCHEMA_VERSION}" in result.stdout
    assert {table: one(cli, f"SELECT count(*) FROM {table}") for table in sorted(V1_TABLES - {"schema_version"})} == {
        table: n for table, n in counts.items() if table != "schema_version"}
    assert [v for (v,) in cli.sql("SELECT version FROM schema_version ORDER BY version")] == list(range(1, SCHEMA_VERSION + 1))


def test_a_new_store_is_built_in_one_transaction_and_one_cut_short_leaves_nothing(cli, monkeypatch):
    """A new store's migrations are one transaction (one commit, not one a migration): a set-up that fails at the
    fifth leaves no schema_version and no table, and `init` then builds the whole schema."""
    real, committed = migrations.MIGRATIONS[4], []

    def dies_after_its_ddl(connection):
        real(connection)
        committed.append(Store(cli.url).schema_version())  # another connection's look, mid-set-up
        raise RuntimeError("killed")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS[:4], dies_after_its_ddl, *migrations.MIGRATIONS[5:]])
    with pytest.raises(RuntimeError, match="killed"):
        Store(cli.url).init()
    assert committed == [0]
    assert Store(cli.url).schema_version() == 0
    assert tables(cli) == set()
    monkeypatch.undo()
    assert Store(cli.url).init() == (0, SCHEMA_VERSION)
    assert [v for (v,) in cli.sql("SELECT version FROM schema_version ORDER BY version")] == list(range(1, SCHEMA_VERSION + 1))


KILLED_UPGRADE = """
import os, signal, sys
from mstrack.store import migrations as migrations
from mstrack.store import Store

real = migrations.MIGRATIONS[1]

def killed(connection):
    real(connection)
    os.kill(os.getpid(), signal.SIGKILL)

migrations.MIGRATIONS[1] = killed
Store(sys.argv[1]).init()
"""


@pytest.mark.sqlite_only
def test_an_upgrade_killed_between_statements_leaves_v1_and_mstrack_db_upgrade_then_works(cli):
    counts = v1_store(cli)
    killed = subprocess.run([sys.executable, "-c", KILLED_UPGRADE, cli.url], capture_output=True, text=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert one(cli, "SELECT max(version) FROM schema_version") == 1
    assert tables(cli) == V1_TABLES and "batch_id" not in report_columns(cli)
    upgrade = subprocess.run([MSTRACK, "--db", str(cli.db), "--lang", "en", "db", "upgrade"], capture_output=True, text=True)
    assert upgrade.returncode == 0 and f"1 → {SCHEMA_VERSION}" in upgrade.stdout, upgrade.stderr
    assert {table: one(cli, f"SELECT count(*) FROM {table}") for table in sorted(V1_TABLES - {"schema_version"})} == {
        table: n for table, n in counts.items() if table != "schema_version"}
    assert cli("db", "check").exit_code == 0


# --- 4. several plan files: all or none --------------------------------------------------------


def test_import_plan_writes_every_file_or_none(cli, tmp_path):
    plan = write_plan(tmp_path / "x.toml", BEDS)
    assert cli("import", "plan", str(plan)).exit_code == 0
    assert cli("log", "x-2023/1", "30", "--as-of", "2023-06-30").exit_code == 0
    new_programme = write_plan(tmp_path / "a.toml", BEDS, code="a-2023")
    drops_reported = write_plan(tmp_path / "b.toml", BEDS.replace('name = "新增床位"', 'name = "新增病床"'))
    before = {table: one(cli, f"SELECT count(*) FROM {table}") for table in ("programme", "task", "indicator", "batch", "report")}
    result = cli("import", "plan", str(new_programme), str(drops_reported))
    assert result.exit_code == 2 and "nothing was written" in result.stderr and "新增床位" in result.stderr
    assert {table: one(cli, f"SELECT count(*) FROM {table}") for table in before} == before
    assert [code for (code,) in cli.sql("SELECT code FROM programme")] == ["x-2023"]
    assert cli("import", "plan", str(new_programme)).exit_code == 0  # alone, it goes in


# --- 6, 7. two writers at once: the check and the write in one locked transaction -------------


@contextlib.contextmanager
def writes_held(cli: Cli):
    """Another writer's transaction, open: on SQLite the write lock (BEGIN IMMEDIATE); on PostgreSQL the
    batch table locked against inserts (every write adds a batch row first), reads still allowed."""
    if BACKEND == "sqlite":
        connection = sqlite3.connect(cli.db, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            connection.execute("ROLLBACK")
            connection.close()
        return
    import psycopg

    with psycopg.connect("postgresql://" + cli.url.removeprefix("postgresql+psycopg://")) as connection:
        connection.execute("LOCK TABLE batch IN EXCLUSIVE MODE")
        yield
        connection.rollback()


def run_together(cli: Cli, *args: str) -> list[subprocess.CompletedProcess]:
    """Two mstrack processes started while another write is under way, so that both have started
    (and, without a lock taken before their checks, made them) before either may write."""
    with writes_held(cli):
        processes = [subprocess.Popen([MSTRACK, "--db", str(cli.db), "--lang", "en", *args], stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True) for _ in range(2)]
        waiting_for_lock(cli, 2)
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


def waiting_for_lock(cli: Cli, writers: int) -> None:
    """On PostgreSQL, until both wait for a lock; SQLite cannot tell who waits: a few seconds."""
    if BACKEND == "sqlite":
        time.sleep(4)
        return
    for _ in range(100):
        if one(cli, "SELECT count(*) FROM pg_locks WHERE NOT granted") >= writers:
            return
        time.sleep(0.1)


@pytest.mark.slow
def test_two_imports_of_one_file_at_once_write_it_once(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", BEDS))).exit_code == 0
    csv = tmp_path / "weekly.csv"
    csv.write_text("programme,task,indicator,as_of,value\n" + "".join(
        f"x-2023,1,新增床位,2023-0{month}-28,{month * 10}\n" for month in range(1, 7)), encoding="utf-8")
    results = run_together(cli, "import", "progress", str(csv))
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    outputs = sorted(r.stdout for r in results)
    assert "0 new, 0 corrected, 6 already there" in outputs[0] and "6 reports were written" in outputs[1]
    assert one(cli, "SELECT count(*) FROM batch WHERE command = 'import progress'") == 1
    assert one(cli, "SELECT count(*) FROM report") == 6


@pytest.mark.slow
def test_two_undos_of_one_batch_at_once_undo_it_once(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", BEDS))).exit_code == 0
    assert cli("log", "x-2023/1", "30", "--as-of", "2023-06-30").exit_code == 0
    logged = one(cli, "SELECT max(id) FROM batch")
    results = sorted(run_together(cli, "undo", str(logged)), key=lambda r: r.returncode)
    assert [r.returncode for r in results] == [0, 2], [r.stderr for r in results]
    assert f"batch {logged} was already undone" in results[1].stderr
    assert one(cli, f"SELECT count(*) FROM batch WHERE undoes = {logged}") == 1
    assert one(cli, "SELECT count(*) FROM report_retraction") == 1


# --- 8. an undo never silently beats a newer entry ---------------------------------------------


def batch_ids(cli: Cli) -> list[int]:
    return [b for (b,) in cli.sql("SELECT id FROM batch ORDER BY id")]


@pytest.mark.parametrize("sequence", ["correction-then-undo", "undo-then-new-value"])
def test_undoing_an_undo_refuses_to_beat_a_newer_entry_unless_forced(cli, tmp_path, sequence):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", BEDS))).exit_code == 0
    assert cli("log", "x-2023/1", "30", "--as-of", "2023-06-30").exit_code == 0
    logged_a = batch_ids(cli)[-1]
    if sequence == "correction-then-undo":  # log A, log correction B, undo A's batch, undo that undo
        assert cli("log", "x-2023/1", "40", "--as-of", "2023-06-30", "--reason", "核实更正").exit_code == 0
        newer = batch_ids(cli)[-1]
        assert cli("undo", str(logged_a)).exit_code == 0
        undo = batch_ids(cli)[-1]
    else:  # log A, undo it, log B, undo the undo
        assert cli("undo", str(logged_a)).exit_code == 0
        undo = batch_ids(cli)[-1]
        assert cli("log", "x-2023/1", "40", "--as-of", "2023-06-30").exit_code == 0
        newer = batch_ids(cli)[-1]
    assert status_actual(cli) == 40
    reports, batches = one(cli, "SELECT count(*) FROM report"), len(batch_ids(cli))

    refused = cli("undo", str(undo))
    assert refused.exit_code == 2
    assert "over 1 newer entry" in refused.stderr and "nothing was written" in refused.stderr
    assert f"x-2023/1 新增床位 as of 2023-06-30: 40张 (batch {newer})" in refused.stderr and "--force" in refused.stderr
    assert (one(cli, "SELECT count(*) FROM report"), len(batch_ids(cli))) == (reports, batches)
    assert status_actual(cli) == 40

    forced = cli("undo", str(undo), "--force", "--reason", "局里确认原值")
    assert forced.exit_code == 0, forced.stderr
    assert status_actual(cli) == 30
    (latest,) = [b for b in json.loads(cli("batches", "--format", "json").stdout) if b["undoes"] == undo]
    assert latest["reason"].startswith("局里确认原值; --force over 1 newer entry")
    assert f"新增床位 as of 2023-06-30: 40张 (batch {newer})" in latest["reason"]
    history = json.loads(cli("history", "x-2023/1", "--format", "json").stdout)
    assert [(e["value"], e["state"]) for e in history if e["state"] == "current"] == [(30, "current")]


def test_undoing_an_undo_with_nothing_newer_needs_no_force(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", BEDS))).exit_code == 0
    assert cli("log", "x-2023/1", "30", "--as-of", "2023-06-30").exit_code == 0
    assert cli("log", "x-2023/1", "20", "--as-of", "2023-05-31").exit_code == 0  # another date: not in the way
    assert cli("undo", str(batch_ids(cli)[-2])).exit_code == 0
    assert cli("undo", str(batch_ids(cli)[-1])).exit_code == 0
    assert status_actual(cli) == 30


# --- 9. a large undo in bounded memory; a writer that gives up names the write in progress ------


def big_batch(cli: Cli, tmp_path: Path, indicators: int, days: int) -> int:
    """A plan of `indicators` indicators, then indicators × days reports as one import batch, written in SQL."""
    body = '[[tasks]]\ncode = "1"\ntitle = "t"\n[[tasks.lines]]\nlead_units = ["甲局"]\n' + "".join(
        f'[[tasks.lines.indicators]]\nname = "n{n}"\nunit = "个"\ntarget = 100\n' for n in range(indicators))
    assert cli("import", "plan", str(write_plan(tmp_path / "big.toml", body))).exit_code == 0
    execute(cli.url, "INSERT INTO batch (created_at, command, source) VALUES ('2023-07-01 00:00:00', 'import progress', 'big.csv')")
    batch = one(cli, "SELECT max(id) FROM batch")
    if BACKEND == "sqlite":
        days_sql = f"WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < {days - 1}) SELECT n FROM d"
        day = "date('2023-01-01', '+' || d.n || ' days')"
    else:
        days_sql = f"SELECT generate_series(0, {days - 1}) AS n"
        day = "DATE '2023-01-01' + d.n"
    execute(cli.url, f"INSERT INTO report (indicator_id, as_of, value, entered_at, source, batch_id) "
                     f"SELECT i.id, {day}, d.n, '2023-07-01 00:00:00', 'big.csv', {batch} FROM indicator AS i "
                     f"CROSS JOIN ({days_sql}) AS d ORDER BY i.id, d.n")
    # the range of its report ids and their count, as the write path records them (batches.ReportRange)
    execute(cli.url, f"UPDATE batch SET first_report_id = (SELECT min(id) FROM report WHERE batch_id = {batch}),"
                     f" last_report_id = (SELECT max(id) FROM report WHERE batch_id = {batch}),"
                     f" reports_added = (SELECT count(*) FROM report WHERE batch_id = {batch}) WHERE id = {batch}")
    return batch


@pytest.mark.slow
def test_undo_of_a_large_batch_runs_in_the_database_not_in_python(cli, tmp_path):
    batch = big_batch(cli, tmp_path, indicators=160, days=1000)
    assert one(cli, f"SELECT count(*) FROM report WHERE batch_id = {batch}") == 160_000
    store = Store(cli.url)
    store.batches(1)  # SQLAlchemy and the tables loaded before measuring
    tracemalloc.start()
    try:
        done = store.undo(batch)
        again = store.undo(done.id)  # the undo undone: 160,000 reports brought back
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (done.reports_retracted, again.reports_added) == (160_000, 160_000)
    assert one(cli, "SELECT count(*) FROM report") == 320_000
    # one small Python object per report would be ≥ 160,000 × 100 bytes = 16 MB; the ORM's took ~2.5 KB each
    assert peak < 8_000_000, peak


def test_a_writer_that_gives_up_names_the_write_in_progress(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", BEDS))).exit_code == 0
    with Store(cli.url).locked("import progress"):
        result = cli("log", "x-2023/1", "30", "--as-of", "2023-06-30", env={"MSTRACK_BUSY_TIMEOUT": "0.3"})
    assert result.exit_code == 2
    assert "another write is in progress" in result.stderr and "gave up after 0.3 s" in result.stderr
    assert "import progress by" in result.stderr and f"process {os.getpid()}" in result.stderr
    assert one(cli, "SELECT count(*) FROM report") == 0
    assert cli("log", "x-2023/1", "30", "--as-of", "2023-06-30").exit_code == 0  # the lock gone, it goes in


def test_a_bad_busy_timeout_is_named(cli):
    result = cli("init", env={"MSTRACK_BUSY_TIMEOUT": "soon"})
    assert result.exit_code == 2 and "MSTRACK_BUSY_TIMEOUT 'soon': expected a number of seconds" in result.stderr


LOCK_HOLDER = textwrap.dedent("""
    import sys, time
    from mstrack.store import Store
    with Store(sys.argv[1]).locked("undo"):
        print("locked", flush=True)
        time.sleep(60)
""")


@pytest.mark.slow
def test_a_writer_names_another_process_holding_the_lock(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", BEDS))).exit_code == 0
    holder = subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, cli.url], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        result = subprocess.run([MSTRACK, "--db", str(cli.db), "--lang", "en", "log", "x-2023/1", "30", "--as-of", "2023-06-30"],
                                capture_output=True, text=True, env={**os.environ, "MSTRACK_BUSY_TIMEOUT": "0.5"})
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "another write is in progress" in result.stderr and f"undo by {login_name()}" in result.stderr
    assert f"process {holder.pid}" in result.stderr


@pytest.mark.skipif(BACKEND != "postgresql", reason="PostgreSQL's advisory locks, per database on one server")
def test_a_writer_names_the_holder_of_its_own_store_not_another_stores_on_the_server(cli, tmp_path):
    """Two stores on one server, each locked by its own write: a writer of the first that gives up names the first's
    holder. The holder was looked for in every database's advisory locks, so another store's write was named (the
    CI's two PostgreSQL lanes share a server: test_a_writer_that_gives_up_names_the_write_in_progress failed there)."""
    from .conftest import _admin, _pg_database, _pg_url

    name = _pg_database()
    other = Store(_pg_url(name))
    try:
        other.init()
        assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", BEDS))).exit_code == 0
        with other.locked("undo"), Store(cli.url).locked("import progress"):
            result = cli("log", "x-2023/1", "30", "--as-of", "2023-06-30", env={"MSTRACK_BUSY_TIMEOUT": "0.3"})
        assert result.exit_code == 2, result.output
        assert "mstrack import progress by" in result.stderr and "mstrack undo by" not in result.stderr
        assert one(cli, "SELECT count(*) FROM report") == 0
    finally:
        other.engine.dispose()
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
