"""store52: a name given for an indicator is matched without reading the programme's window or the task's reports;
SERIAL_TABLES is the schema's serial ids on every backend; sequences mended once a store; one symlink rule."""

import json

import pytest

from tests.conftest import refused


def test_history_matches_its_indicator_without_the_programmes_window_or_reports(demo_cli, monkeypatch):
    """`history -i` reads the task's indicators alone: the window (every due of the plan without a day) and every
    report of the task's were read only to be dropped; the entries it prints are the same."""
    from mstrack.store import import_reads
    from mstrack.store.reads import Reads

    def never(*args, **kwargs):
        raise AssertionError("the programme's window or the log's read")

    monkeypatch.setattr(import_reads, "programme_windows", never)
    monkeypatch.setattr(Reads, "task_states", never)
    result = demo_cli("history", "yantian-2023/19", "-i", "送教上门人", "--format", "json")
    assert result.exit_code == 0, result.output
    entries = json.loads(result.stdout)
    assert entries and {e["indicator"] for e in entries} == {"送教上门人次"}
    refused(demo_cli("history", "yantian-2023/19", "-i", "没有"), "--indicator", "has no indicator")


def test_a_tasks_indicators_come_with_no_report(demo_cli):
    from mstrack.store import Store, parse_ref

    store = Store(demo_cli.url)
    states = store.task_indicators(parse_ref("yantian-2023/19"))
    names = [s.indicator for s in states]
    assert names == [s.indicator for s in store.task_states(parse_ref("yantian-2023/19"))[1]]
    assert {"送教上门人次", "送教上门课时"} <= set(names)
    assert all(s.reports == [] for s in states)
    assert any(s.reports for s in store.task_states(parse_ref("yantian-2023/19"))[1])  # the log's read has them


def test_serial_tables_are_every_id_the_database_gives_on_either_backend(cli, tmp_path):
    """SERIAL_TABLES (the sequences a write mends, and `db copy` moves past its rows) against the database itself: on
    SQLite the tables whose `id` is the row's own number (a lone INTEGER PRIMARY KEY), on PostgreSQL those whose `id`
    has a serial; and against the schema's classes. A new table with such an id fails here until it is listed."""
    from mstrack.store.batches import SERIAL_TABLES
    from mstrack.store.schema import TABLES

    from .conftest import BACKEND, done, plan_task, plan_tasks, write_plan

    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", plan_tasks(
        plan_task("1", "新建学校3所", "县教育局", "学校", "所", 3))))))
    if BACKEND == "sqlite":
        names = [name for (name,) in cli.sql("SELECT name FROM sqlite_master WHERE type = 'table'")]
        given = set()
        for name in names:
            keys = [(column, kind) for _, column, kind, _, _, pk in cli.sql(f"PRAGMA table_info('{name}')") if pk]
            if keys == [("id", "INTEGER")]:
                given.add(name)
    else:
        given = {name for (name,) in cli.sql(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id'"
            " AND pg_get_serial_sequence(table_name, 'id') IS NOT NULL")}
    assert given == set(SERIAL_TABLES)
    declared = {model.__tablename__ for model in TABLES if model.__table__.autoincrement_column is not None
                and model.__table__.autoincrement_column.name == "id"}
    assert declared == set(SERIAL_TABLES)


def test_a_stores_sequences_are_mended_by_its_first_write_alone(cli, tmp_path, monkeypatch):
    """PostgreSQL: mend_sequences runs before the first batch a store numbers, not before each (a dump is restored
    before a store opens, not between its writes); the restored-dump case itself is test_store51's."""
    from datetime import date

    from mstrack.store import Store, batches, parse_ref
    from mstrack.store.log import record_progress

    from .conftest import BACKEND, done, plan_task, plan_tasks, write_plan

    if BACKEND != "postgresql":
        pytest.skip("PostgreSQL's sequences")
    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", plan_tasks(
        plan_task("1", "新建学校3所", "县教育局", "学校", "所", 3))))))
    calls = []
    mend = batches.mend_sequences
    monkeypatch.setattr(batches, "mend_sequences", lambda *args: calls.append(1) or mend(*args))
    store = Store(cli.url)
    for value, day in (("1", "2023-06-30"), ("2", "2023-07-31")):
        record_progress(store, parse_ref("x-2023/1"), value, indicator=None, as_of=day, note=None, by=None, done=False,
                        today=date(2023, 8, 1))
    assert len(calls) == 1
    assert [value for (value,) in cli.sql("SELECT value FROM report ORDER BY id")] == [1, 2]
    record_progress(Store(cli.url), parse_ref("x-2023/1"), "3", indicator=None, as_of="2023-08-31", note=None, by=None,
                    done=False, today=date(2023, 9, 1))
    assert len(calls) == 2  # a store opened again checks again


@pytest.mark.sqlite_only
def test_render_and_the_store_find_a_databases_side_files_by_one_rule(tmp_path):
    """`--db link.db` naming elsewhere/real.db: the files -o may not write over (render/outputs) are the ones the
    store opens, backs up and removes (filesystem.beside): beside real.db, by the one resolver in filesystem."""
    import sqlite3

    from mstrack import filesystem
    from mstrack.render import outputs
    from mstrack.store import sqlite_file

    real = tmp_path / "elsewhere" / "real.db"
    real.parent.mkdir()
    sqlite3.connect(real).close()
    real.write_bytes(b"SQLite format 3\x00" + bytes(100))
    link = tmp_path / "link.db"
    link.symlink_to(real)
    assert outputs.database_files(link) == [filesystem.beside(link, end) for end in filesystem.DATABASE_COMPANIONS]
    assert outputs.database_files(link)[1] == real.parent / "real.db-wal" == sqlite_file.wal_of(link)
    assert outputs.is_database_file(real.parent / "real.db-journal", link)  # not made yet: by its name
    assert not outputs.is_database_file(tmp_path / "link.db-journal", link)  # no file SQLite keeps
    assert outputs.sqlite_database_of(tmp_path / "link.db-journal") == real  # yet its name names the database
    assert outputs.sqlite_database_of(real.parent / "real.db-shm") == real
    assert outputs.sqlite_database_of(tmp_path / "other.db-wal") is None
    assert filesystem.companion_of("x.db-wal") == "x.db" and filesystem.companion_of("x.db") is None


def test_the_repair_says_what_plan_rows_held_that_it_gave_up_and_keeps_every_report(cli, tmp_path):
    """`db check --repair` takes the rows as the plan: it writes plan_rows alone (reports, batches and the rows stay),
    and what plan_rows held that a hand edit took out of the rows (the checkpoints deleted) is said line by line, the
    day and its words, not only counted; a second repair finds nothing to say."""
    from .conftest import done
    from .test_safe_store import execute, one
    from .test_store50 import SCHEDULE_PLAN

    plan = tmp_path / "p.toml"
    plan.write_text(SCHEDULE_PLAN, encoding="utf-8")
    done(cli("import", "plan", str(plan)))
    done(cli("log", "c-2026/6", "--done", "--as-of", "2026-03-20", "--by", "市民政局"))
    line = one(cli, "SELECT l.id FROM task_line AS l JOIN task AS t ON t.id = l.task_id WHERE t.code = '6'")
    indicator = one(cli, f"SELECT id FROM indicator WHERE line_id = {line}")
    kept = cli.sql("SELECT id, indicator_id, as_of, value FROM report ORDER BY id")
    execute(cli.url, f"DELETE FROM checkpoint WHERE line_id = {line}")
    repair = cli("db", "check", "--repair")
    assert repair.exit_code == 0 and repair.exception is None, repair.output
    lines = [line for line in repair.stdout.splitlines() if line.startswith("repaired: ")]
    assert len(lines) == 1 and f"indicator row {indicator}:" in lines[0] and "in plan_rows, none in the rows" in lines[0]
    assert cli.sql("SELECT id, indicator_id, as_of, value FROM report ORDER BY id") == kept
    again = cli("db", "check", "--repair")
    assert again.exit_code == 0 and "repaired: " not in again.stdout and "for 0 indicators" in again.stdout


def _plan_of(tasks: int) -> str:
    """A programme of `tasks` tasks, one indicator and four milestones each (bench/window_read.py's)."""
    parts = ['format = 1\n[programme]\ncode = "k-2023"\nname = "kill"\nyear = 2023\n']
    for n in range(1, tasks + 1):
        parts.append(f'[[tasks]]\ncode = "{n}"\ntitle = "新建项目{n}个"\n[[tasks.lines]]\nlead_units = ["单位{n % 50}"]\n'
                     '[[tasks.lines.indicators]]\nname = "项目"\nunit = "个"\ntarget = 4\nmilestones = ['
                     '{ due = "2023-03-31", target = 1 }, { due = "2023-06-30", target = 2 }, '
                     '{ due = "2023-09-30", target = 3 }, { due = "2023-12-31", target = 4 }]\n')
    return "".join(parts)


@pytest.mark.slow
@pytest.mark.sqlite_only
@pytest.mark.parametrize("write", ["import plan", "undo"])
def test_a_plan_import_or_its_undo_killed_at_any_moment_leaves_all_or_nothing(cli, tmp_path, write):
    """SIGKILL (no handler runs, no rollback of mstrack's own) at moments through an `import plan` of 3,000 tasks and
    through its undo: the store holds the whole programme or none of it, and `db check` finds nothing wrong (the
    Ctrl-C tests cover these writes by SIGINT; test_data_safety kills `import progress` alone)."""
    import random
    import shutil
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    plan = tmp_path / "k.toml"
    plan.write_text(_plan_of(3000), encoding="utf-8")
    executable = shutil.which("mstrack", path=str(Path(sys.executable).parent))
    assert executable, "the mstrack script beside the interpreter"
    args = [executable, "--db", str(cli.db)]

    def tasks() -> int:
        return cli.sql("SELECT count(*) FROM task")[0][0]

    def run(*words) -> float:
        started = time.monotonic()
        done = subprocess.run([*args, *words], capture_output=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return time.monotonic() - started

    took = run("import", "plan", str(plan))
    assert tasks() == 3000
    if write == "import plan":
        took = run("undo")
        assert tasks() == 0
    command = ["import", "plan", str(plan)] if write == "import plan" else ["undo"]
    chance = random.Random(7)
    outcomes = set()
    for moment in [chance.uniform(0.3, took) for _ in range(3)] + [took * 0.9]:
        held = tasks()
        process = subprocess.Popen([*args, *command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(moment)
        process.send_signal(signal.SIGKILL)
        process.wait()
        check = cli("db", "check")
        assert check.exit_code == 0, check.output
        now = tasks()
        assert now in (0, 3000), now
        outcomes.add(now == held)
        if now != held:  # it committed: back to where the next kill starts from
            run(*(["undo"] if write == "import plan" else ["import", "plan", str(plan)]))
    assert True in outcomes  # at least one kill fell before the commit


def test_the_store_names_the_side_file_resolver_from_filesystem_alone():
    """beside and file_named live in mstrack.filesystem (render's outputs and the store share them); sqlite_file
    re-exported them (noqa F401) and three modules imported them from there: one name each, imported from its home."""
    import re
    from pathlib import Path

    import mstrack
    from mstrack.store import sqlite_file

    assert not hasattr(sqlite_file, "file_named")
    src = Path(mstrack.__file__).parent
    through_store = [str(path.relative_to(src)) for path in src.rglob("*.py")
                     if re.search(r"from mstrack\.store\.sqlite_file import[^\n]*\b(beside|file_named)\b",
                                  path.read_text(encoding="utf-8"))]
    assert through_store == []
