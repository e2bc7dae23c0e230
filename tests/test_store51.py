"""The store (store51): an SQLite store named through a symlink has its -wal, -shm, -journal and writer's note beside
the file the link points to, where SQLite keeps them (filesystem.beside, the one resolver): backed up, said, moved
and removed there, never beside the link."""

import contextlib
import gc
import json
import os
import shutil
import socket
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from .conftest import Cli, done, plan_task, plan_tasks, refused, write_plan
from .test_fix49b import LOG, SCHOOLS

REPORTS = "SELECT count(*) FROM report"


def count(path: Path, sql: str = REPORTS) -> int:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchone()[0]


@pytest.fixture
def linked(tmp_path):
    """A store in elsewhere/real.db named through work/link.db, fix49b's plan imported through the link."""
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "work").mkdir()
    real, link = tmp_path / "elsewhere" / "real.db", tmp_path / "work" / "link.db"
    link.symlink_to(real)
    plan = write_plan(tmp_path / "plan.toml", plan_tasks(
        plan_task("1", "新建学校3所", "县教育局", "学校", "所", 3, milestones=[("2023-06-30", 1), ("2023-12-31", 3)]),
        plan_task("2", "新建道路5条", "县住建局", "道路", "条", 5, milestones=[("2023-06-30", 2), ("2023-12-31", 5)])))
    cli = Cli(link)
    done(cli("import", "plan", str(plan)))
    assert real.is_file() and link.is_symlink()
    cli.real = real
    return cli


@contextlib.contextmanager
def wal_kept(real: Path):
    """Another process's read transaction on the real file, begun before the writes inside: SQLite cannot fold them
    into the file under it, so they stay in real.db-wal (the un-checkpointed writes a copy of the file alone lacks)."""
    keeper = sqlite3.connect(real, isolation_level=None)
    try:
        keeper.execute("BEGIN")
        keeper.execute(REPORTS).fetchone()
        yield
    finally:
        keeper.close()


def nothing_beside_the_link(cli) -> None:
    assert sorted(path.name for path in cli.db.parent.iterdir()) == ["link.db"]


@pytest.mark.sqlite_only
def test_a_write_through_a_link_that_leaves_writes_in_the_wal_names_the_real_wal(linked):
    real = linked.real
    with wal_kept(real):
        result = linked(*LOG)
        done(result)
        assert os.path.getsize(f"{real}-wal") > 0
        said = " ".join(result.stderr.split())
    assert f"{real}-wal still holds writes that are not in {real} yet" in said, said
    nothing_beside_the_link(linked)


@pytest.mark.sqlite_only
def test_a_backup_through_a_link_holds_the_writes_still_in_the_wal(linked, tmp_path):
    real = linked.real
    with wal_kept(real):
        done(linked(*LOG))
        done(linked(*SCHOOLS))
        assert os.path.getsize(f"{real}-wal") > 0
        alone = tmp_path / "alone.db"
        shutil.copy(real, alone)  # the file alone: the two writes are only in the -wal
        assert count(alone) == 0
        backup = tmp_path / "backup.db"
        done(linked("db", "backup", str(backup)))
    assert count(backup) == 2 and not Path(f"{backup}-wal").exists()
    nothing_beside_the_link(linked)


@pytest.mark.sqlite_only
def test_db_check_through_a_link_names_the_wal_it_found_beside_the_real_file(linked, tmp_path):
    real = linked.real
    with wal_kept(real):
        done(linked(*LOG))
        copy = tmp_path / "elsewhere" / "copy.db"  # the store and its -wal, as a killed process leaves them
        shutil.copy(real, copy)
        shutil.copy(f"{real}-wal", f"{copy}-wal")
    link = tmp_path / "work" / "copy-link.db"
    link.symlink_to(copy)
    checked = Cli(link)("db", "check")
    done(checked)
    said = " ".join(checked.stderr.split())
    assert f"{copy}-wal was left beside {copy} holding writes not in it yet" in said, said
    assert count(copy) == 1 and not Path(f"{copy}-wal").exists()


@pytest.mark.sqlite_only
def test_a_write_through_a_link_names_the_writer_whose_note_is_beside_the_real_file(linked):
    """The note naming the write in progress is beside the real file, whichever name each writer was given."""
    real = linked.real
    note = Path(f"{real}-writer")
    note.write_text(json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "user": "张三",
                                "command": "import progress", "since": datetime.now().isoformat(timespec="seconds")}),
                    encoding="utf-8")
    holder = sqlite3.connect(real, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        result = linked(*LOG, env={"MSTRACK_BUSY_TIMEOUT": "1"})
    finally:
        holder.close()
    refused(result, "another write is in progress (import progress by 张三, process")
    note.unlink()
    done(linked(*LOG))
    assert not note.exists()
    nothing_beside_the_link(linked)


@pytest.mark.sqlite_only
def test_a_read_through_a_link_of_an_immutable_store_leaves_nothing_beside_the_real_file(linked, tmp_path):
    """A store this user cannot write (chattr +i): the -wal and -shm SQLite makes beside the real file to read are
    removed again (sqlite_file.read_leaves_beside), as they are when it is named as it is."""
    real = linked.real
    done(linked(*LOG))
    gc.collect()  # an in-process run's connections, closed (a process of its own leaves no -wal nor -shm)
    assert sorted(path.name for path in real.parent.iterdir()) == ["real.db"]
    if os.geteuid() != 0 or shutil.which("chattr") is None:
        pytest.skip("chattr +i needs root")
    if subprocess.run(["chattr", "+i", str(real)], capture_output=True).returncode:
        pytest.skip("this file system has no immutable attribute")
    try:
        result = linked("status", "--as-of", "2023-07-01")
        done(result)
        assert "道路" in result.stdout
        assert sorted(path.name for path in real.parent.iterdir()) == ["real.db"]
    finally:
        subprocess.run(["chattr", "-i", str(real)], check=True)
    nothing_beside_the_link(linked)


@pytest.mark.sqlite_only
def test_a_refused_first_import_through_a_link_removes_the_file_it_made(tmp_path):
    """fixrev49 R5 through a link to no file yet: the file the link points to goes, with its -wal and -shm; the link
    the user made stays, pointing to nothing, as it was."""
    first = write_plan(tmp_path / "a.toml", plan_tasks(plan_task("1", "学校", "教育局", "新建学位", "个", 100,
                                                                reports=[("2023-06-30", 40)])))
    second = write_plan(tmp_path / "b.toml", plan_tasks(plan_task("1", "学校", "教育局", "学位", "间", 100)))
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "link.db"
    link.symlink_to(tmp_path / "elsewhere" / "real.db")
    refused(Cli(link)("import", "plan", str(first), str(second)), "the new plan drops or changes what reports hang on")
    assert list((tmp_path / "elsewhere").iterdir()) == []
    assert link.is_symlink() and not link.exists()
    refused(Cli(link)("status"), "no mstrack data here yet")


def test_a_full_disk_through_a_link_names_the_real_wal(linked):
    """write_failures.full_disk_left of a store named through a link: the -wal it says never to delete is the real one."""
    from mstrack.errors import InputError
    from mstrack.store.write_failures import full_disk_left

    real = linked.real
    with wal_kept(real):
        done(linked(*LOG))
        with pytest.raises(InputError) as raised:
            full_disk_left(linked.db)
    said = str(raised.value)
    assert f"{real}-wal is left at" in said and f"copied into {real}:" in said, said
    assert str(linked.db) not in said


def test_a_file_moved_under_a_write_through_a_link_names_the_real_wal(linked, tmp_path):
    from mstrack.errors import InputError
    from mstrack.store.sqlite_file import file_identity
    from mstrack.store.write_failures import still_the_file

    real = linked.real
    opened = file_identity(linked.db)
    real.rename(tmp_path / "elsewhere" / "moved.db")
    with pytest.raises(InputError) as raised:
        still_the_file(linked.db, opened)
    said = str(raised.value)
    assert f"A {real}-wal or {real}-shm left there belongs to the moved file" in said, said


def test_a_damaged_record_of_written_files_behind_a_link_is_set_aside_beside_the_real_file(demo_cli, tmp_path):
    """store/written's record (written.db in the user's data directory) linked to a file elsewhere: renamed beside
    that file (its -wal and -shm with it, where SQLite left any: it removes a -wal beside a file that is no database); the
    link then names no file, and the next write makes a new record through it."""
    from .test_safe41a import record, recorded, units

    target = tmp_path / "units.csv"
    done(units(demo_cli, target))
    elsewhere = tmp_path / "records"
    elsewhere.mkdir()
    real = elsewhere / "real.db"
    shutil.move(record(), real)
    for suffix in ("-wal", "-shm"):
        if Path(f"{record()}{suffix}").exists():
            Path(f"{record()}{suffix}").unlink()
    record().symlink_to(real)
    real.write_bytes(b"not a database at all, 100 bytes of it" * 3)
    result = units(demo_cli, target)
    assert result.exit_code == 2, result.output
    assert "was damaged" in result.stderr
    aside = sorted(path.name for path in elsewhere.iterdir())
    assert len(aside) == 1 and aside[0].startswith("real.db.damaged-"), aside
    assert (elsewhere / aside[0]).read_bytes().startswith(b"not a database")
    assert record().is_symlink() and sorted(path.name for path in record().parent.iterdir()) == ["written.db"]
    done(units(demo_cli, target))  # a new record, made through the link
    assert real.is_file() and os.path.realpath(target) in recorded()


# --- PostgreSQL: every serial sequence behind its rows mended by the next write (store51 #2) ---------------------------

SECOND_PLAN = """format = 1
[programme]
code = "y-2023"
name = "y"
year = 2023

[[areas]]
code = "一"
name = "民生"

[[tasks]]
code = "1"
area = "一"
title = "新建公园2个"

[[tasks.lines]]
lead_units = ["县园林局"]
checkpoints = [{ due = "2023-06-30", label = "二季度", text = "完成选址" }]

[[tasks.lines.indicators]]
name = "公园"
unit = "个"
target = 2
milestones = [{ due = "2023-12-31", target = 2 }]
"""

def test_every_postgresql_sequence_behind_its_rows_is_mended_by_the_next_write(cli, tmp_path):
    """A server restored with its own tools from a dump whose sequences lagged their rows (a data-only restore, rows
    copied in by hand): each sequence set back to 1, a new programme imported (every table of a plan), a value logged
    and a report frozen are written, each row numbered past the highest, not a duplicate key (store50 mended the
    batch's alone)."""
    from .conftest import BACKEND
    from .test_safe_store import execute, one

    if BACKEND != "postgresql":
        pytest.skip("PostgreSQL's sequences (SQLite's AUTOINCREMENT never gives a number below its highest row)")
    from mstrack.store.batches import SERIAL_TABLES  # every id the database gives: test_store52 holds it on both backends

    first = write_plan(tmp_path / "x.toml", plan_tasks(
        plan_task("1", "新建学校3所", "县教育局", "学校", "所", 3, milestones=[("2023-06-30", 1), ("2023-12-31", 3)])))
    second = tmp_path / "y.toml"
    second.write_text(SECOND_PLAN.replace("y-2023", "w-2023").replace("县园林局", "县水务局"), encoding="utf-8")
    done(cli("import", "plan", str(first)))
    done(cli("import", "plan", str(second)))
    done(cli("log", "x-2023/1", "1", "--as-of", "2023-06-30"))
    done(cli("report", "weekly", "--as-of", "2023-07-01", "-o", str(tmp_path / "w1.md"), "--freeze"))
    tops = {table: one(cli, f"SELECT max(id) FROM {table}") for table in SERIAL_TABLES}
    assert all(tops.values()), tops
    execute(cli.url, *(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 1)" for table in SERIAL_TABLES))
    second.write_text(SECOND_PLAN, encoding="utf-8")
    result = cli("import", "plan", str(second))
    assert result.exit_code == 0 and result.exception is None, result.output
    done(cli("log", "y-2023/1", "1", "--as-of", "2023-06-30"))
    done(cli("report", "weekly", "--as-of", "2023-07-08", "-o", str(tmp_path / "w2.md"), "--freeze"))
    for table in SERIAL_TABLES:
        assert one(cli, f"SELECT min(id) FROM {table} WHERE id > {tops[table]}") == tops[table] + 1, table


def test_a_writer_role_that_may_not_move_the_sequences_is_told_which_and_how(cli, tmp_path):
    """docs/deployment.md's mstrack_writer (USAGE and SELECT on sequences, not UPDATE) cannot setval: the write is
    refused naming the tables behind and the owner's statement, nothing written; run by the owner, the writer goes on."""
    import uuid

    from .conftest import BACKEND
    from .test_safe_store import execute, one

    if BACKEND != "postgresql":
        pytest.skip("PostgreSQL's roles and sequences")
    plan = write_plan(tmp_path / "x.toml", plan_tasks(plan_task("1", "新建学校3所", "县教育局", "学校", "所", 3)))
    done(cli("import", "plan", str(plan)))
    done(cli("log", "x-2023/1", "1", "--as-of", "2023-06-30"))
    done(cli("log", "x-2023/1", "2", "--as-of", "2023-07-15"))
    role = f"writer_{uuid.uuid4().hex[:8]}"
    execute(cli.url, f"CREATE ROLE {role} LOGIN", f"GRANT USAGE ON SCHEMA public TO {role}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
            "SELECT setval(pg_get_serial_sequence('report', 'id'), 1)",
            "SELECT setval(pg_get_serial_sequence('batch', 'id'), 1)")
    try:
        writer = Cli(cli.url.replace("//postgres@", f"//{role}@"))
        said = " ".join(refused(writer("log", "x-2023/1", "3", "--as-of", "2023-07-31"),
                                "database: the numbering of report, batch is behind their rows").split())
        assert "this role may not move them; nothing was written; as the database's owner, run once: psql -c" in said
        assert one(cli, REPORTS) == 2
        statement = said.split('psql -c "')[1].split('"')[0]
        execute(cli.url, statement)
        done(writer("log", "x-2023/1", "3", "--as-of", "2023-07-31"))
        assert one(cli, REPORTS) == 3
    finally:
        execute(cli.url, f"DROP OWNED BY {role}", f"DROP ROLE {role}")


# --- import plan after db check --repair of rows deleted by hand (store51 #3) ------------------------------------------

def test_the_original_plan_after_a_repair_of_deleted_checkpoints_says_the_commands_that_put_them_back(cli, tmp_path):
    """safety49 F5d after its repair: the checkpoints deleted by hand, `db check --repair` makes plan_rows from the rows
    (the line without checkpoints, its mark read as done by the deadline). The office's own plan gives them back and
    is refused (a mark would count against its first checkpoint): the refusal names the batch to undo, and the
    commands it says, typed, put the checkpoints back with the mark on the first."""
    from .test_safe_store import execute, one
    from .test_store50 import SCHEDULE_PLAN

    plan = tmp_path / "p.toml"
    plan.write_text(SCHEDULE_PLAN, encoding="utf-8")
    done(cli("import", "plan", str(plan)))
    done(cli("log", "c-2026/6", "--done", "--as-of", "2026-03-20", "--by", "市民政局"))
    marked = one(cli, "SELECT max(id) FROM batch")
    line = one(cli, "SELECT l.id FROM task_line AS l JOIN task AS t ON t.id = l.task_id WHERE t.code = '6'")
    execute(cli.url, f"DELETE FROM checkpoint WHERE line_id = {line}")  # by hand: plan_rows keeps them
    repair = cli("db", "check", "--repair")
    done(repair)
    assert "plan_rows made anew from the rows for 1 indicator" in repair.stdout
    said = " ".join(refused(cli("import", "plan", str(plan)), "is marked done by its deadline").split())
    assert (f"undo the batch that marked it first (`mstrack undo {marked}`), import the plan, then mark its checkpoints "
            "met again (`mstrack log c-2026/6 --done --as-of DATE`)") in said, said
    assert "`mstrack db restore FILE`" in said and "db check --repair" in said, said
    assert one(cli, f"SELECT count(*) FROM checkpoint WHERE line_id = {line}") == 0  # nothing written
    done(cli("undo", str(marked)))
    done(cli("import", "plan", str(plan)))
    done(cli("log", "c-2026/6", "--done", "--as-of", "2026-03-20", "--by", "市民政局"))
    assert one(cli, f"SELECT count(*) FROM checkpoint WHERE line_id = {line}") == 2
    done(cli("db", "check"))
    shown = cli("show", "c-2026/6", "--as-of", "2026-04-01")
    done(shown)
    assert "完成调研" in shown.stdout and "出台方案" in shown.stdout


# --- log reads a programme's dues only where the day is past its own days (store51 #4) ---------------------------------

LONG_PLAN = """format = 1
[programme]
code = "z-2023"
name = "z"
year = 2023

[[tasks]]
code = "1"
title = "新建学校3所"
[[tasks.lines]]
lead_units = ["县教育局"]
[[tasks.lines.indicators]]
name = "学校"
unit = "所"
target = 3
milestones = [{ due = "2023-12-31", target = 1 }, { due = "2024-06-30", target = 3 }]
"""


def test_a_log_inside_the_programmes_year_reads_none_of_its_dues(cli, tmp_path, monkeypatch):
    """The window a log is checked against (domain.dates.ReportWindow) is read from the programme's own row (its year,
    start and end); its tasks' deadlines, checkpoints and milestones (every row of a 20,000-indicator plan: ~75 ms a
    `log`) are read only for a day past the days that row gives, which only they can move later. The same answers."""
    from mstrack.store import import_reads

    plan = tmp_path / "z.toml"
    plan.write_text(LONG_PLAN, encoding="utf-8")
    done(cli("import", "plan", str(plan)))
    read = []
    whole = import_reads.programme_windows
    monkeypatch.setattr(import_reads, "programme_windows", lambda *args, **kwargs: read.append(1) or whole(*args, **kwargs))
    done(cli("log", "z-2023/1", "1", "--as-of", "2023-06-30"))
    assert read == []
    done(cli("log", "z-2023/1", "2", "--as-of", "2024-03-31"))  # past its year: the June 2024 milestone keeps it open
    assert read  # (once a check: before the write lock, and again under it)
    said = " ".join(refused(cli("log", "z-2023/1", "3", "--as-of", "2024-08-01"), "--as-of 2024-08-01: outside").split())
    assert "the programme's days, 2023-01-01 to 2024-07-31 (its last day 2024-06-30 and the month after)" in said, said
    assert cli.sql("SELECT count(*) FROM report") == [(2,)]


def test_a_task_reference_is_still_refused_where_a_code_kept_apart_reads_the_same(cli, tmp_path):
    """The lookup reads the code as typed and the codes plain_name may read as another (anything but printable ASCII,
    an outer space), not every code: a code an earlier store kept with an ideographic space or a tab after it still
    names the same task, and the reference is refused naming both (test_look_alike_names: "1 ")."""
    from .test_safe_store import execute

    plan = write_plan(tmp_path / "x.toml", plan_tasks(*(plan_task(str(n), f"新建学校{n}所", "县教育局", "学校", "所", n)
                                                       for n in range(1, 5))))
    done(cli("import", "plan", str(plan)))
    for kept in ("1\u3000", "1\t"):
        execute(cli.url, f"UPDATE task SET code = '{kept}' WHERE code IN ('2', '1\u3000')")
        said = refused(cli("log", "x-2023/1", "1", "--as-of", "2023-03-01"), "2 tasks whose codes read alike")
        assert repr(kept) in said, said
    done(cli("log", "x-2023/3", "1", "--as-of", "2023-03-01"))
    assert cli.sql("SELECT count(*) FROM report") == [(1,)]
