"""Nothing lost, nothing half-written: history, undo, migrations, concurrency, crashes, files."""

import itertools
import json
import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from mstrack.store import SCHEMA_VERSION

from .conftest import ROOT, Cli, big_csv, refused

FIXTURE = ROOT / "tests" / "fixtures" / "schema-v1.db"


def count(cli: Cli, sql: str) -> int:
    return cli.sql(sql)[0][0]


def housing(cli: Cli) -> dict:
    rows = json.loads(cli("status", "--format", "json", "--as-of", "2023-07-01", "-p", "shenzhen-2023").stdout)
    (row,) = [r for r in rows if r["indicator"] == "建设筹集保障性住房"]
    return row


# --- history and undo -------------------------------------------------------------------------

def test_a_correction_is_a_new_entry_with_who_and_why(demo_cli):
    demo_cli("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30", "--by", "张三")
    result = demo_cli("log", "shenzhen-2023/5", "2.6万", "-i", "建设", "--as-of", "2023-06-30", "--by", "张三",
                      "--reason", "区住建局核实更正")
    assert "correcting 2.5万" in result.stdout
    entries = json.loads(demo_cli("history", "shenzhen-2023/5", "--format", "json").stdout)
    assert [(e["value"], e["state"], e["reason"]) for e in entries] == [
        (25000, "superseded", None), (26000, "current", "区住建局核实更正")]
    assert entries[0]["superseded_by"] == entries[1]["report_id"]
    assert all(e["reporter"] == "张三" and e["entered_at"] and e["batch_id"] for e in entries)
    assert housing(demo_cli)["actual"] == 26000
    table = demo_cli("--lang", "zh", "history", "shenzhen-2023/5").stdout
    assert "已更正" in table and "区住建局核实更正" in table


def test_undo_takes_a_log_back_and_undoing_the_undo_restores_it(demo_cli):
    demo_cli("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30")
    reports_before = count(demo_cli, "select count(*) from report")
    result = demo_cli("undo", "--reason", "录错任务")
    assert result.exit_code == 0 and "1 report retracted" in result.stdout
    assert housing(demo_cli)["actual"] is None
    assert count(demo_cli, "select count(*) from report") == reports_before  # nothing deleted
    batches = json.loads(demo_cli("batches", "--format", "json").stdout)
    undo_batch, logged = batches[0], batches[1]
    assert (undo_batch["command"], undo_batch["undoes"], undo_batch["reason"]) == ("undo", logged["id"], "录错任务")
    assert logged["undone_by"] == undo_batch["id"]
    again = demo_cli("undo", str(logged["id"]))
    assert again.exit_code == 2 and f"already undone by batch {undo_batch['id']}" in again.stderr
    assert demo_cli("undo", str(undo_batch["id"])).exit_code == 0
    assert housing(demo_cli)["actual"] == 25000
    states = [e["state"] for e in json.loads(demo_cli("history", "shenzhen-2023/5", "--format", "json").stdout)]
    assert states == ["retracted", "current"]


def test_undo_an_import_as_a_whole(demo_cli, tmp_path):
    workbook = Workbook()
    workbook.active.append(["计划", "任务编号", "指标", "截至日期", "数值"])
    workbook.active.append(["shenzhen-2023", "5", "建设", "2023-06-30", "2.5万"])
    workbook.active.append(["shenzhen-2023", "5", "供应", "2023-06-30", "1.2万"])
    workbook.save(tmp_path / "a.xlsx")
    body = json.loads(demo_cli("import", "progress", str(tmp_path / "a.xlsx"), "--format", "json").stdout)
    result = demo_cli("undo", str(body["batch"]))
    assert "2 reports retracted" in result.stdout
    assert housing(demo_cli)["actual"] is None
    again = json.loads(demo_cli("import", "progress", str(tmp_path / "a.xlsx"), "--format", "json").stdout)
    assert again["inserted"] == 2  # undone reports do not count as already there


def test_undo_a_plan_import_puts_the_programme_back(demo_cli, tmp_path):
    before = demo_cli("export", "plan", "shenzhen-2023").stdout
    changed = tmp_path / "sz.toml"
    changed.write_text(before.replace("target = 30000", "target = 25000", 1), encoding="utf-8")
    assert "batch" in demo_cli("import", "plan", str(changed), "--reason", "调整目标").stdout
    assert housing(demo_cli)["expected"] == 25000
    assert "shenzhen-2023 put back" in demo_cli("undo").stdout
    assert demo_cli("export", "plan", "shenzhen-2023").stdout == before
    assert "unchanged" in demo_cli("import", "plan", str(ROOT / "data" / "seed" / "shenzhen-2023.toml")).stdout


def test_undo_of_a_new_programme_removes_it_unless_reports_hang_on_it(cli, tmp_path):
    plan = tmp_path / "x.toml"
    plan.write_text('format = 1\n[programme]\ncode = "x-2023"\nname = "x"\nyear = 2023\n[[tasks]]\ncode = "1"\n'
                    'title = "t"\n[[tasks.lines]]\nlead_units = ["甲局"]\n', encoding="utf-8")
    assert cli("import", "plan", str(plan)).exit_code == 0
    assert cli("undo").exit_code == 0
    assert cli("programmes").stdout == ""
    assert cli("undo", "2").exit_code == 0  # and back again (named: a bare undo of an undo is refused)
    cli("log", "x-2023/1", "--done", "--as-of", "2023-03-01")
    result = cli("undo", "3")  # batch 3 brought the programme back; a report now hangs on it
    assert result.exit_code == 2 and "reports hang on it" in result.stderr
    assert cli("programmes").stdout.split() == ["x-2023"]


def test_demo_twice_writes_no_new_batch(cli):
    cli("demo")
    first = json.loads(cli("batches", "--format", "json").stdout)
    cli("demo")
    assert json.loads(cli("batches", "--format", "json").stdout) == first


def test_undo_with_nothing_or_an_unknown_batch(cli):
    cli("init")
    assert "nothing to undo" in cli("undo").stderr
    assert "no batch 42" in cli("undo", "42").stderr


# --- schema changes --------------------------------------------------------------------------

V1_TABLES = ("programme", "area", "task", "task_link", "task_line", "unit", "line_unit", "checkpoint", "indicator",
             "milestone", "report")


def dump(db: Path) -> dict:
    with sqlite3.connect(db) as connection:
        tables = {}
        for table in V1_TABLES:
            columns = [row[1] for row in connection.execute(f"pragma table_info({table})")]
            v1_columns = [c for c in columns if c not in ("batch_id", "reason", "next_steps", "plan_rows", "reporting_unit",
                                                     "cancelled_by")]
            every = ", ".join(str(n) for n in range(1, len(v1_columns) + 1))  # a whole order: not the one an index gives
            tables[table] = connection.execute(f"select {', '.join(v1_columns)} from {table} order by {every}").fetchall()
        return tables


def schema(db: Path) -> dict:
    with sqlite3.connect(db) as connection:
        names = [row[0] for row in connection.execute("select name from sqlite_master where type = 'table' order by 1")]
        tables = {name: sorted(row[1] for row in connection.execute(f"pragma table_info({name})")) for name in names}
        indexes = {(table, tuple(row[2] for row in connection.execute(f"pragma index_info({name})")), unique)
                   for table in names for _, name, unique, *_ in connection.execute(f"pragma index_list({table})")}
        return {"tables": tables, "indexes": sorted(indexes, key=str)}


@pytest.mark.sqlite_only
def test_a_v1_file_is_refused_until_upgraded_and_keeps_every_row(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(FIXTURE, db)
    before = dump(db)
    cli = Cli(db)
    for args in (("log", "shenzhen-2023/5", "3万", "-i", "建设", "--as-of", "2023-06-30"), ("status",)):
        result = cli(*args)
        assert result.exit_code == 2 and f"\n    mstrack --db {db} db upgrade\n" in result.stderr  # as it is typed
    result = cli("db", "upgrade")
    assert result.exit_code == 0 and f"1 → {SCHEMA_VERSION}" in result.stdout
    assert dump(db) == before
    fresh = tmp_path / "fresh.db"
    Cli(fresh)("init")
    assert schema(db) == schema(fresh)
    assert housing(cli)["actual"] == 26000  # the fixture's correction still wins
    assert cli("log", "shenzhen-2023/5", "3万", "-i", "建设", "--as-of", "2023-06-30", "--reason", "升级后核实").exit_code == 0
    assert cli("db", "check").exit_code == 0
    assert "up to date" in cli("db", "upgrade").stdout


@pytest.mark.sqlite_only
def test_a_newer_schema_is_refused(tmp_path):
    db = tmp_path / "new.db"
    Cli(db)("init")
    with sqlite3.connect(db) as connection:
        connection.execute("insert into schema_version values (99, '2030-01-01')")
    result = Cli(db)("status")
    assert result.exit_code == 2 and "newer than this mstrack" in result.stderr


@pytest.mark.sqlite_only
def test_db_check_finds_broken_foreign_keys(demo_cli):
    assert demo_cli("db", "check").exit_code == 0
    with sqlite3.connect(demo_cli.db) as connection:
        connection.execute("pragma foreign_keys = off")
        connection.execute("insert into milestone (indicator_id, due, target) values (999999, '2023-03-31', 1)")
    result = demo_cli("db", "check")
    assert result.exit_code == 1 and "foreign key: milestone" in result.stdout


@pytest.mark.sqlite_only
def test_backup_is_consistent_private_and_never_overwrites(demo_cli, tmp_path):
    demo_cli("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30")
    copy = tmp_path / "copy.db"
    assert demo_cli("db", "backup", str(copy)).exit_code == 0
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert housing(Cli(copy))["actual"] == 25000
    result = demo_cli("db", "backup", str(copy))
    assert result.exit_code == 2 and "exists already" in result.stderr
    assert "remove it first, or give another file name" in result.stderr  # the way on, not only "choose a new name"
    way_on = result.stderr.strip().splitlines()[-1].split()  # the command to type, with a dated name not taken yet
    assert way_on[:4] == ["mstrack", "--db", str(demo_cli.db), "db"] and way_on[4] == "backup", result.stderr
    dated = Path(way_on[5])
    assert dated.parent == tmp_path and dated.name.startswith("copy-") and dated.suffix == ".db" and not dated.exists()
    assert demo_cli("db", "backup", str(dated)).exit_code == 0 and housing(Cli(dated))["actual"] == 25000


@pytest.mark.sqlite_only
@pytest.mark.parametrize("command", [["status"], ["show", "shenzhen-2023/5"], ["units"], ["init"],
                                     ["log", "shenzhen-2023/5", "1", "--as-of", "2023-06-30"]])
def test_a_file_that_is_no_database_is_named_not_touched(tmp_path, command):
    """Reads go through the driver alone, writes through SQLAlchemy: both say the same, exit 2, and leave the file be."""
    path = tmp_path / "notes.db"
    path.write_bytes(b"minutes of the weekly meeting " * 40)
    result = Cli(path)(*command)
    assert result.exit_code == 2
    assert result.stderr == f"mstrack: error: --db sqlite:///{path}: cannot open the database: file is not a database\n"
    assert path.read_bytes() == b"minutes of the weekly meeting " * 40


@pytest.mark.sqlite_only
@pytest.mark.parametrize("command", [["status"], ["units"], ["report", "weekly"], ["db", "check"], ["show", "x-2023/1"]])
def test_a_read_never_makes_a_database_file(tmp_path, command):
    path = tmp_path / "typo.db"
    result = Cli(path)(*command)
    assert result.exit_code == 2 and "no mstrack data here yet" in result.stderr
    assert not path.exists()


@pytest.mark.sqlite_only
def test_a_new_database_is_readable_by_its_owner_only(tmp_path):
    db = tmp_path / "sub" / "office.db"
    Cli(db)("init")
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_a_database_password_never_appears(tmp_path):
    url = "postgresql+psycopg://clerk:s3cr3t-pw@127.0.0.1:9/office"
    for args in (("--db", url, "status"), ("--db", url, "init")):
        result = Cli(tmp_path / "unused.db").runner.invoke(
            __import__("mstrack.cli").cli.app, list(args), env={"MSTRACK_DB": url})
        refused(result)  # this runner catches exceptions: an uncaught one would be exit 1 and no error line
        assert "s3cr3t-pw" not in result.output
        assert "clerk" in result.output or "***" in result.output


# --- concurrency and crashes -----------------------------------------------------------------

WRITES = 100
"""Reports each of the four writers logs, one commit each: 250 before; the writers wait for one another (a file they
all watch) and their reports interleave (checked), so a hundred each is four writers at once as two hundred and fifty
were, for 400 commits instead of 1,000."""
WRITER = textwrap.dedent("""
    import os, sys, time
    from datetime import date, timedelta
    from mstrack.store.log import record_progress
    from mstrack.store import Store, parse_ref

    store = Store("sqlite:///" + sys.argv[1])
    worker = int(sys.argv[2])
    print("ready", flush=True)
    while not os.path.exists(sys.argv[3]):
        time.sleep(0.005)
    for i in range(int(sys.argv[4])):
        day = date(2023, 1, 1) + timedelta(days=i)
        record_progress(store, parse_ref("shenzhen-2023/28"), str(worker * 1000 + i), indicator=None,
                        as_of=day.isoformat(), note=f"w{worker}", by=f"worker{worker}", done=False, today=date.today(),
                        reason="并发写入")  # another worker's figure of the day: a correction said (trial53 F4)
""")


@pytest.mark.slow
@pytest.mark.sqlite_only
def test_four_writers_at_once_lose_nothing(demo_cli, tmp_path, background):
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    before = count(demo_cli, "select count(*) from report")
    go = tmp_path / "go"
    workers = [background([sys.executable, str(script), str(demo_cli.db), str(n), str(go), str(WRITES)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(4)]
    assert [worker.stdout.readline() for worker in workers] == ["ready\n"] * 4  # all four loaded, none writing yet
    go.touch()
    errors = [worker.communicate(timeout=300)[1] for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0, 0, 0], errors
    assert not any("locked" in error for error in errors)
    assert count(demo_cli, "select count(*) from report") == before + 4 * WRITES
    assert count(demo_cli, "select count(distinct reporter) from report where reporter like 'worker%'") == 4
    order = [who for (who,) in demo_cli.sql("select reporter from report where reporter like 'worker%' order by id")]
    assert sum(a != b for a, b in itertools.pairwise(order)) >= 10, order  # at once: one after another switches 3 times


STANDING = "select count(*) from report as x where not exists (select 1 from report_retraction as r where r.report_id = x.id)"


KILLED_ROWS = 30_000
"""The rows of the import killed at random moments, measured where the kills land (the seed's moments: 72, 88, 95 and
97 % of the first import's time). At 100,000 rows all four left nothing in one run (`outcomes` {0}: the imports after
an undo run slower than the first, none reached its commit) and, by the import's own timeline (its -wal growing, its
batch row seen), no kill landed before its writing began; at 30,000, one left nothing and three all ({0, 30000}), and
the timeline put kills before the writing, in it and after the commit. 23 s of the test's 35 (wall), 7.1 CPU-s of 10.3."""


@pytest.mark.slow
def test_an_import_killed_at_any_moment_leaves_all_or_nothing(demo_cli, tmp_path, background):
    csv = tmp_path / "big.csv"
    big_csv(demo_cli, csv, KILLED_ROWS)
    executable = shutil.which("mstrack", path=str(Path(sys.executable).parent))
    before = count(demo_cli, "select count(*) from report")
    started = time.monotonic()
    full = subprocess.run([executable, "--db", str(demo_cli.db), "import", "progress", str(csv)], capture_output=True)
    duration = time.monotonic() - started
    assert full.returncode == 0, full.stderr
    assert count(demo_cli, "select count(*) from report") == before + KILLED_ROWS
    assert demo_cli("undo").exit_code == 0
    randomness = random.Random(os.environ.get("PYTEST_SEED", "7"))
    outcomes = set()
    for moment in [randomness.uniform(0.2, duration) for _ in range(3)] + [duration * 0.97]:
        reports = count(demo_cli, STANDING)
        process = background([executable, "--db", str(demo_cli.db), "import", "progress", str(csv)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(moment)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert demo_cli("db", "check").exit_code == 0  # SQLite: integrity_check and foreign keys
        after = count(demo_cli, STANDING)
        assert after in (reports, reports + KILLED_ROWS)
        outcomes.add(after - reports)
        if after > reports:  # by its number: a session of its own is another terminal to a bare undo (trial55 F12)
            assert demo_cli("undo", str(count(demo_cli, "select max(id) from batch"))).exit_code == 0
    assert demo_cli("db", "check").exit_code == 0


# --- spreadsheets stay data ------------------------------------------------------------------

def test_text_that_looks_like_a_formula_stays_text_in_xlsx(cli, tmp_path):
    plan = tmp_path / "f.toml"
    plan.write_text('format = 1\n[programme]\ncode = "f-2023"\nname = "x"\nyear = 2023\n[[tasks]]\ncode = "1"\n'
                    'title = "=HYPERLINK(\\"http://example.invalid\\")"\n[[tasks.lines]]\nlead_units = ["@甲局"]\n'
                    'checkpoints = [{ due = "2023-03-31", text = "+1+2" }]\n', encoding="utf-8")
    assert cli("import", "plan", str(plan)).exit_code == 0
    out = tmp_path / "t.xlsx"
    assert cli("export", "template", "f-2023", "-o", str(out), "--as-of", "2023-03-01").exit_code == 0
    sheet = load_workbook(out).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row if isinstance(cell.value, str)]
    assert any(cell.value.startswith("=HYPERLINK") for cell in cells)
    assert all(cell.data_type == "s" for cell in cells)


def test_csv_cells_are_defused():
    from mstrack.render.outputs import spreadsheet_text

    assert [spreadsheet_text(v) for v in ("=1+1", "+1", "-1", "@x", "\tx", "\rx", "ok", 5)] == [
        "'=1+1", "'+1", "'-1", "'@x", "'\tx", "'\rx", "ok", 5]


# --- published reports ----------------------------------------------------------------------------

def test_a_frozen_report_is_compared_with_later_corrections(demo_cli, tmp_path):
    demo_cli("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30")
    result = demo_cli("report", "weekly", "--as-of", "2023-07-01", "-p", "shenzhen-2023", "--freeze", "--format", "md",
                      "-o", str(tmp_path / "周报.md"))
    assert result.exit_code == 0 and "frozen as report 1" in result.stderr
    unchanged = demo_cli("report", "diff")
    assert unchanged.exit_code == 0 and "0 changes" in unchanged.stdout
    demo_cli("log", "shenzhen-2023/5", "3.1万", "-i", "建设", "--as-of", "2023-06-30", "--reason", "区住建局核实")
    changed = demo_cli("report", "diff", "1", "--format", "json")
    assert changed.exit_code == 1
    body = json.loads(changed.stdout)
    paths = {change["path"]: change for change in body["changes"]}
    row = "changes.status[shenzhen-2023/5/建设筹集保障性住房/套（间）]"
    assert (paths[f"{row}.actual"]["sent"], paths[f"{row}.actual"]["now"]) == (25000, 31000)
    assert paths["summary.task_counts.behind"] == {"path": "summary.task_counts.behind", "sent": 1, "now": 0}
    assert "behind[shenzhen-2023/5/建设筹集保障性住房/套（间）]" in paths  # the row left the behind list
    half = demo_cli("report", "half-year", "-p", "yantian-2023", "--freeze", "-o", str(tmp_path / "h.md"))
    assert half.exit_code == 0
    assert demo_cli("report", "diff").exit_code == 0  # the latest: the half-year report, nothing changed
    listing = json.loads(demo_cli("report", "frozen", "--format", "json").stdout)
    assert [(frozen["snapshot"], frozen["kind"]) for frozen in listing] == [(2, "half-year"), (1, "weekly")]
    assert demo_cli("report", "diff", "9").exit_code == 2


def test_diff_matches_rows_by_identity_not_position():
    from mstrack.reports.diff import diff

    sent = {"rows": [{"task": "1", "actual": 5}, {"task": "2", "actual": 7}]}
    now = {"rows": [{"task": "2", "actual": 7}, {"task": "1", "actual": 6}, {"task": "3", "actual": 1}]}
    assert [(c.path, c.sent, c.now) for c in diff(sent, now)] == [
        ("rows[1].actual", 5, 6), ("rows[3]", None, {"task": "3", "actual": 1})]


def test_report_spreadsheets_stay_data(cli, tmp_path):
    plan = tmp_path / "f.toml"
    plan.write_text('format = 1\n[programme]\ncode = "f-2023"\nname = "x"\nyear = 2023\n[[tasks]]\ncode = "1"\n'
                    'title = "=1+1"\n[[tasks.lines]]\nlead_units = ["@甲局"]\n'
                    '[[tasks.lines.indicators]]\nname = "-n"\ntarget = 10\nmilestones = [{ due = "2023-03-31", target = 5 }]\n',
                    encoding="utf-8")
    assert cli("import", "plan", str(plan)).exit_code == 0
    out = tmp_path / "w.xlsx"
    assert cli("report", "weekly", "--as-of", "2023-04-01", "--format", "xlsx", "-o", str(out)).exit_code == 0
    cells = [c for sheet in load_workbook(out).worksheets for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str)]
    assert any(c.value == "@甲局" for c in cells) and all(c.data_type == "s" for c in cells)
    text = cli("report", "weekly", "--as-of", "2023-04-01", "--format", "csv").stdout
    assert "'@甲局" in text and ",@甲局" not in text
