"""safe32b: nothing lost. A return imported again after the office corrected one of its figures keeps the correction
(the row re-states what a later entry superseded: not written, said); a report frozen into a device, a FIFO or stdout
is frozen only when its content went out (exit 0 ⇔ frozen and written)."""

import fcntl
import os
import subprocess
import sys
import termios
import time
from datetime import date, timedelta

import pytest

from mstrack.sources import progress_columns

from .conftest import Cli, write_plan
from .test_safe_output import MSTRACK, run

ROADS = ('[[tasks]]\ncode = "1"\ntitle = "道路"\n[[tasks.lines]]\nlead_units = ["市交通局"]\n'
         '[[tasks.lines.indicators]]\nname = "新建道路"\nunit = "条"\ntarget = 10\n'
         '[[tasks]]\ncode = "2"\ntitle = "学校"\n[[tasks.lines]]\nlead_units = ["市教育局"]\n'
         '[[tasks.lines.indicators]]\nname = "新建学校"\nunit = "所"\ntarget = 10\n'
         '[[tasks]]\ncode = "3"\ntitle = "公园"\n[[tasks.lines]]\nlead_units = ["市城管局"]\n'
         '[[tasks.lines.indicators]]\nname = "新建公园"\nunit = "个"\ntarget = 10\n')
HEADER = "计划,任务编号,指标,截至日期,数值\n"


@pytest.fixture
def roads(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    return cli


def _return(path, rows: list[str]):
    path.write_text(HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def _standing(cli: Cli, task: str, on: str) -> list[float]:
    """The values of the standing entries of a task's indicator on a day, oldest first."""
    return [row[0] for row in cli.sql(
        "SELECT y.value FROM report AS y JOIN indicator AS i ON y.indicator_id = i.id JOIN task_line AS l ON i.line_id = l.id"
        f" JOIN task AS t ON l.task_id = t.id WHERE t.code = '{task}' AND y.as_of = '{on}'"
        " AND NOT EXISTS (SELECT 1 FROM report_retraction AS r WHERE r.report_id = y.id) ORDER BY y.id")]


def _reports(cli: Cli) -> int:
    return cli.sql("SELECT count(*) FROM report")[0][0]


# --- 1. a re-import never beats a later correction --------------------------------------------------

def test_a_return_imported_again_keeps_the_offices_later_correction(roads, tmp_path):
    form = _return(tmp_path / "ret.csv", ["x-2023,1,新建道路,2023-12-31,3", "x-2023,2,新建学校,2023-12-31,2"])
    assert roads("import", "progress", str(form)).exit_code == 0
    corrected = roads("log", "x-2023/1", "4", "-i", "新建道路", "--as-of", "2023-12-31", "--reason", "电话核实为4条", "--by", "王科长")
    assert corrected.exit_code == 0, corrected.output
    reports = _reports(roads)
    for dry_run in (["--dry-run"], []):
        again = roads("import", "progress", str(form), *dry_run)
        assert again.exit_code == 0, again.output
        assert "0 new, 0 corrected, 1 already there" in again.output
        assert "1 row restates a value a later entry corrected: not written, the correction kept" in again.output
        assert f"{form}:2 x-2023/1 新建道路 2023-12-31: 3条 (kept 4条: 王科长" in again.output
        assert "电话核实为4条" in again.output
        assert _standing(roads, "1", "2023-12-31") == [3, 4]  # nothing written over the office's 4
        assert _reports(roads) == reports
    as_json = roads("import", "progress", str(form), "-f", "json", "--dry-run")
    assert '"kept_later_correction": 1' in as_json.output


def test_a_value_new_to_the_day_is_still_a_correction(roads, tmp_path):
    """Only a value some entry of that day held before the later one is kept off; a third value corrects as before."""
    assert roads("import", "progress", str(_return(tmp_path / "a.csv", ["x-2023,1,新建道路,2023-12-31,3"]))).exit_code == 0
    assert roads("log", "x-2023/1", "4", "-i", "新建道路", "--as-of", "2023-12-31").exit_code == 0
    result = roads("import", "progress", str(_return(tmp_path / "b.csv", ["x-2023,1,新建道路,2023-12-31,5"])))
    assert result.exit_code == 0, result.output
    assert "0 new, 1 corrected, 0 already there" in result.output and "later entry" not in result.output
    assert _standing(roads, "1", "2023-12-31") == [3, 4, 5]
    # and the value the office put back by hand stands as it is: the same value again is already there
    assert roads("log", "x-2023/1", "3", "-i", "新建道路", "--as-of", "2023-12-31").exit_code == 0
    result = roads("import", "progress", str(_return(tmp_path / "a.csv", ["x-2023,1,新建道路,2023-12-31,3"])))
    assert "0 new, 0 corrected, 1 already there" in result.output and "later entry" not in result.output
    assert _standing(roads, "1", "2023-12-31") == [3, 4, 5, 3]


def test_a_stale_row_warns_of_no_fall_it_does_not_write(roads, tmp_path):
    """The stale 3 is not written: the office's 6 stands, so nothing falls from the 5 of the month before."""
    form = _return(tmp_path / "ret.csv", ["x-2023,1,新建道路,2023-11-30,5", "x-2023,1,新建道路,2023-12-31,3"])
    first = roads("import", "progress", str(form))
    assert first.exit_code == 0 and "is lower than" in first.output  # said when the 3 was written
    assert roads("log", "x-2023/1", "6", "-i", "新建道路", "--as-of", "2023-12-31").exit_code == 0
    again = roads("import", "progress", str(form))
    assert again.exit_code == 0, again.output
    assert "1 row restates" in again.output and "is lower than" not in again.output
    assert _standing(roads, "1", "2023-12-31") == [3, 6]


def _many(path, days: int):
    """A return the columnar path reads (a chunk of 1,000 rows or more): the three tasks, day by day from 2023-01-01,
    values rising."""
    rows = []
    for day in range(days):
        on = (date(2023, 1, 1) + timedelta(days=day)).isoformat()
        rows += [f"x-2023,1,新建道路,{on},{day}", f"x-2023,2,新建学校,{on},{day}", f"x-2023,3,新建公园,{on},{day}"]
    return _return(path, rows)


def test_the_columnar_path_keeps_a_later_correction_too(roads, tmp_path, monkeypatch):
    taken = []
    take = progress_columns.Columns.take

    def spy(self, *args):
        taken.append(found := take(self, *args))
        return found

    monkeypatch.setattr(progress_columns.Columns, "take", spy)
    # targets the rising figures stay within 3× of: a chunk with a figure over it goes the row way, to be warned (views50)
    assert roads("import", "plan", str(write_plan(tmp_path / "big.toml", ROADS.replace("target = 10", "target = 400")))
                 ).exit_code == 0
    form = _many(tmp_path / "big.csv", 360)
    assert roads("import", "progress", str(form)).exit_code == 0
    assert roads("log", "x-2023/2", "900", "-i", "新建学校", "--as-of", "2023-03-01", "--reason", "核实").exit_code == 0
    assert roads("log", "x-2023/1", "800", "-i", "新建道路", "--as-of", "2023-06-01").exit_code == 0
    reports = _reports(roads)
    taken.clear()
    again = roads("import", "progress", str(form))
    assert taken and all(taken)  # the rows went the columnar way
    assert again.exit_code == 0, again.output
    assert "0 new, 0 corrected, 1078 already there" in again.output
    assert "2 rows restate a value a later entry corrected: not written, the correction kept" in again.output
    assert f"{form}:180 x-2023/2 新建学校 2023-03-01: 59所 (kept 900所" in again.output
    assert _standing(roads, "2", "2023-03-01") == [59, 900]
    assert _standing(roads, "1", "2023-06-01") == [151, 800]
    assert _reports(roads) == reports


# --- 2. a freeze into a device, a FIFO or stdout: frozen only when written ------------------------------

def _frozen(cli: Cli) -> int:
    return cli.sql("SELECT count(*) FROM report_snapshot")[0][0]


WEEKLY = ("report", "weekly", "--as-of", "2023-07-01", "--freeze", "-f", "md")


@pytest.mark.parametrize("target", ["/dev/stdout", "/dev/full"])
def test_a_freeze_whose_in_place_output_fails_keeps_nothing(demo_cli, target):
    with open("/dev/full", "w") as stdout:
        result = run(demo_cli.db, *WEEKLY, "-o", target, stdout=stdout)
    assert result.returncode == 2, result.stderr
    assert "No space left on device" in result.stderr and "Traceback" not in result.stderr
    assert "frozen as report" not in result.stderr
    assert _frozen(demo_cli) == 0
    # and with an output that works, frozen once, as said
    result = run(demo_cli.db, *WEEKLY, "-o", "/dev/stdout")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("#") and "frozen as report 1" in result.stderr
    assert _frozen(demo_cli) == 1


def _wait_until_full(reader, process, *, page: int = 4096, seconds: float = 60) -> None:
    """Until the pipe holds a page (its writer blocked in the write) or the writer ended."""
    waited = 0.0
    while waited < seconds and process.poll() is None:
        pending = fcntl.ioctl(reader.fileno(), termios.FIONREAD, b"\0\0\0\0")
        if int.from_bytes(pending, sys.byteorder) >= page:
            return
        time.sleep(0.05)
        waited += 0.05


def test_a_freeze_into_a_fifo_is_written_before_it_is_kept(demo_cli, tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    # Our end opened first, the pipe cut to one page: the report (about 18 kB) fills it and its writer waits on us,
    # mid-write, where nothing may be kept yet. (A report that fits the pipe's buffer is written, and may be frozen,
    # before anyone reads it: the check is made once the pipe is full.)
    descriptor = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    fcntl.fcntl(descriptor, fcntl.F_SETPIPE_SZ, 4096)
    os.set_blocking(descriptor, True)
    with open(descriptor, encoding="utf-8") as reader:
        process = subprocess.Popen(["bash", "-c", '"$0" "$@"', MSTRACK, "--db", str(demo_cli.db), "--lang", "en",
                                    *WEEKLY, "-o", str(fifo)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        _wait_until_full(reader, process)
        assert process.poll() is None, "the writer finished into a one-page pipe nobody read"
        assert _frozen(demo_cli) == 0
        content = reader.read()
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    assert content.startswith("#") and "frozen as report 1" in stderr
    assert _frozen(demo_cli) == 1


def test_a_freeze_whose_commit_fails_after_its_content_went_out_says_nothing_was_frozen(demo_cli, monkeypatch):
    import sqlite3

    from mstrack.store import writes

    real = writes.confirm_before_commit

    def then_fail(confirm, result):
        real(confirm, result)
        raise sqlite3.OperationalError("disk I/O error")  # as the freeze's commit failing

    monkeypatch.setattr(writes, "confirm_before_commit", then_fail)
    result = demo_cli(*WEEKLY, "-o", "/dev/null")  # a device: written in place, before the freeze
    assert result.exit_code == 2
    assert ("database: disk I/O error; the report was written but nothing was frozen, whatever this command printed "
            "above: run the command again to freeze it") in result.output
    assert _frozen(demo_cli) == 0


def test_hundreds_of_stale_rows_are_all_kept_off_and_counted(roads, tmp_path):
    """More stale rows than one statement asks about (225 keys): every one found, the first five described."""
    form = _many(tmp_path / "big.csv", 360)
    assert roads("import", "progress", str(form)).exit_code == 0
    fixes = _return(tmp_path / "fix.csv", [f"x-2023,3,新建公园,{date(2023, 1, 1) + timedelta(days=day)},{day + 1000}"
                                           for day in range(300)])
    assert roads("import", "progress", str(fixes), "--reason", "复核").exit_code == 0
    reports = _reports(roads)
    again = roads("import", "progress", str(form))
    assert again.exit_code == 0, again.output
    assert "0 new, 0 corrected, 780 already there" in again.output
    assert "300 rows restate a value a later entry corrected" in again.output and "… (+295)" in again.output
    assert _reports(roads) == reports
    assert _standing(roads, "3", "2023-10-27") == [299, 1299]
