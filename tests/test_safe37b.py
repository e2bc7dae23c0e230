"""Nothing lost (safe37b): a value cell merged over rows of different tasks is refused, not stored for
each; a programme whose year lies outside its own start..end is refused, and import table's year check says the
dates go with the year; a writer's note left by a dead process names no one and is dropped, and one killed by
SIGTERM or SIGHUP takes its note with it."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from .conftest import import_table, refused, reports_stored, schools_and_roads, write_plan, write_table
from .test_import_progress import xlsx

sqlite_only = pytest.mark.sqlite_only

PLAN = schools_and_roads()


@pytest.fixture
def office(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "p.toml", PLAN))).exit_code == 0
    return cli


HEADER = ["任务编号", "指标", "截至日期", "累计完成值"]


# --- 1. merged value and date cells ---------------------------------------------------------------------------

def test_a_value_merged_over_two_tasks_is_refused_and_nothing_stored(office, tmp_path):
    """11-merged-value.py: C2:C3's 2 was stored for 学校 and for 道路, exit 0."""
    source = xlsx(tmp_path / "m.xlsx", [["任务编号", "截至日期", "累计完成值"], ["1", "2023-03-31", 2],
                                         ["2", "2023-03-31", None]], merges=["C2:C3"], sheet="回报")
    plan = schools_and_roads(classrooms=False)
    assert "教室" not in plan
    assert office("import", "plan", str(write_plan(tmp_path / "y.toml", plan, code="y-2023"))).exit_code == 0
    result = office("import", "progress", str(source), "--programme", "y-2023")
    refused(result, "m.xlsx", "sheet '回报'", "rows 2–3", "累计完成值", "C2:C3",
            "one value merged over 2 rows of different tasks or indicators: give each its own")
    assert office.sql("select count(*) from report") == [(0,)]


def test_a_value_merged_over_two_indicators_of_one_task_is_refused(office, tmp_path):
    source = xlsx(tmp_path / "m.xlsx", [HEADER, ["1", "学校", "2023-03-31", 2], ["1", "教室", "2023-03-31", None],
                                         ["2", "道路", "2023-03-31", 1]], merges=["D2:D3"], sheet="回报")
    result = office("import", "progress", str(source), "--programme", "x-2023")
    refused(result, "rows 2–3", "D2:D3", "累计完成值")
    assert office.sql("select count(*) from report") == [(0,)]


def test_a_date_merged_down_over_every_task_is_each_rows_date(office, tmp_path):
    """A return's one 截至日期 merged down its table is the date of every row, as the unit meant: not refused."""
    source = xlsx(tmp_path / "m.xlsx", [HEADER, ["1", "学校", "2023-03-31", 2], ["2", "道路", None, 1]],
                  merges=["C2:C3"], sheet="回报")
    result = office("import", "progress", str(source), "--programme", "x-2023")
    assert result.exit_code == 0, result.output
    assert [str(as_of) for (as_of,) in office.sql("select as_of from report")] == ["2023-03-31"] * 2  # a date on PostgreSQL


def test_merged_task_cells_and_a_value_merged_over_one_indicators_rows_still_read(office, tmp_path):
    """A task number merged down its block names each row (docs/import.md); a value merged over two dates of one
    indicator is that indicator's on both days."""
    source = xlsx(tmp_path / "m.xlsx", [HEADER, ["1", "学校", "2023-03-31", 1], [None, "教室", "2023-03-31", 10],
                                         ["2", "道路", "2023-03-31", 2], ["2", "道路", "2023-04-30", None]],
                  merges=["A2:A3", "D4:D5"], sheet="回报")
    result = office("import", "progress", str(source), "--programme", "x-2023")
    assert result.exit_code == 0, result.output
    assert reports_stored(office) == [
        ("学校", "2023-03-31", 1), ("教室", "2023-03-31", 10), ("道路", "2023-03-31", 2), ("道路", "2023-04-30", 2)]


# --- 2. the year outside its dates ------------------------------------------------------------------------------

def test_a_programme_whose_year_lies_outside_its_start_and_end_is_refused(office, tmp_path):
    """06-year-vs-start.sh: year = 2012 with start 2023-01-01, end 2023-12-31 was imported, exit 0."""
    plan = tmp_path / "p.toml"
    plan.write_text('format = 1\n[programme]\ncode = "x-2012"\nname = "x"\nyear = 2012\nstart = "2023-01-01"\n'
                    'end = "2023-12-31"\n' + PLAN, encoding="utf-8")
    result = office("import", "plan", str(plan))
    refused(result, "p.toml: programme.year: 2012 of programme 'x-2012' lies outside its start 2023-01-01 and end "
            "2023-12-31")
    assert office.sql("select code from programme") == [("x-2023",)]


def test_a_year_inside_a_programme_of_several_years_is_read(cli, tmp_path):
    plan = tmp_path / "p.toml"
    plan.write_text('format = 1\n[programme]\ncode = "x-2023"\nname = "x"\nyear = 2024\nstart = "2023-01-01"\n'
                    'end = "2025-12-31"\n' + PLAN, encoding="utf-8")
    assert cli("import", "plan", str(plan)).exit_code == 0
    assert cli.sql("select year from programme") == [(2024,)]


def test_undo_puts_back_a_plan_stored_with_its_year_outside_its_dates(office, tmp_path):
    """A programme stored before the check (year 2012, dates in 2023) is what an undo of the plan import after it
    puts back: read as it was kept, not refused."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(office.url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(text("update programme set year = 2012 where code = 'x-2023'"))
    engine.dispose()
    changed = PLAN.replace("新建道路5条", "新建道路6条")
    assert office("import", "plan", str(write_plan(tmp_path / "p2.toml", changed))).exit_code == 0
    assert office.sql("select year from programme") == [(2023,)]
    result = office("undo")
    assert result.exit_code == 0, result.output
    assert office.sql("select year from programme") == [(2012,)]
    assert office.sql("select title from task order by code") == [("新建学校3所",), ("新建道路5条",)]


def test_import_tables_year_check_says_the_dates_go_with_the_year(tmp_path):
    source = write_table(tmp_path / "list.csv", "2012年民生实事项目\n序号,工作任务,完成时限\n1,新建学校3所,6月底\n")
    result, written = import_table(source)
    assert result.exit_code == 0, result.output
    line = next(line for line in written.read_text(encoding="utf-8").splitlines() if line.startswith("year = 2024"))
    assert "names 2012年, not --year 2024" in line
    assert "start, end and every due date of the plan are in 2024" in line and "import table again with --year" in line


# --- 3. a dead writer's note -------------------------------------------------------------------------------------

def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def logged_while_held(demo_cli, monkeypatch, note: Path, written: dict):
    """`log` while another connection holds the write lock, with `written` as the writer note beside the database
    (waiting 0.2 s)."""
    note.write_text(json.dumps(written))
    monkeypatch.setenv("MSTRACK_BUSY_TIMEOUT", "0.2")
    holder = sqlite3.connect(demo_cli.db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        return demo_cli("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30")
    finally:
        holder.close()


@sqlite_only
def test_a_note_left_by_a_dead_writer_names_no_one_and_is_dropped(demo_cli, monkeypatch):
    """10-stale-writer-note.sh: "another write is in progress (import progress by root, process 999999 …)"."""
    db = Path(demo_cli.db)
    note = db.with_name(db.name + "-writer")
    pid = dead_pid()
    result = logged_while_held(demo_cli, monkeypatch, note, {"pid": pid, "user": "root", "command": "import progress",
                                                            "since": "2026-12-05T14:27:21"})
    refused(result, "another write is in progress (its command is not known)")
    assert f"process {pid}" not in result.stderr and "import progress" not in result.stderr
    assert not note.exists()


@sqlite_only
def test_a_note_of_a_live_writer_is_still_named(demo_cli, monkeypatch):
    db = Path(demo_cli.db)
    note = db.with_name(db.name + "-writer")
    result = logged_while_held(demo_cli, monkeypatch, note, {
        "pid": os.getpid(), "user": "root", "command": "import progress",
        "since": datetime.now().isoformat(timespec="seconds")})  # after its process started
    refused(result, f"import progress by root, process {os.getpid()}")
    assert note.exists()


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_writer_killed_by_sigterm_or_sighup_takes_its_note_with_it(tmp_path, name):
    """09-sigterm.sh: `kill PID` (or a closed terminal) mid-import left DB-writer naming the dead process. It still
    dies by the signal (its exit status says so)."""
    db = tmp_path / "a.db"
    code = ("import os, signal, sys, time\nfrom pathlib import Path\nfrom mstrack.store.sqlite_file import writer_note\n"
            "with writer_note(Path(sys.argv[1]), 'import progress', 'root'):\n"
            "    assert Path(sys.argv[1] + '-writer').exists()\n"
            f"    os.kill(os.getpid(), signal.{name})\n    time.sleep(30)\n")
    done = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, timeout=60)
    assert done.returncode == -getattr(signal, name), done.stderr
    assert not db.with_name("a.db-writer").exists()


def test_status_starts_without_socket(tmp_path):
    """The writer note's host name is asked only when a note is written or read: `status`, which writes nothing,
    loads store/sqlite_file.py but not socket (a few milliseconds of its start; bench38's figure)."""
    db = tmp_path / "plain.db"
    made = subprocess.run([sys.executable, "-m", "mstrack", "--db", str(db), "init"], capture_output=True, text=True,
                          timeout=120)
    assert made.returncode == 0, made.stderr
    code = ("import sys\nimport mstrack.cli\nsys.argv = ['mstrack', '--db', sys.argv[1], 'status']\n"
            "try:\n    mstrack.cli.run(last=False)\nexcept SystemExit:\n    pass\n"
            "print('mstrack.store.sqlite_file' in sys.modules, 'socket' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, timeout=120)
    assert done.stderr.splitlines()[-1] == "True False", done.stderr
