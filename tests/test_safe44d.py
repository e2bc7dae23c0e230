"""Nothing lost (safe44d): two mstracks writing one target at once, and a clock set back. Two `db backup same.db` at
once both said done while the second rename went over the first; two `report notice --each-unit -o DIR` at once both
said their count while DIR held a mix; the record of -o's files pruned a write made after the clock went back; a batch
stored before the previous one's time made the weekly report disagree with status, and a bare undo refused a batch
written by a clock ahead."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Cli, refused

sqlite_only = pytest.mark.sqlite_only
MSTRACK = str(Path(sys.executable).with_name("mstrack"))


def _mstrack(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`mstrack ARGS` in a process of its own (another coordinator's run), in English."""
    return subprocess.run([MSTRACK, "--lang", "en", *args], capture_output=True, text=True, timeout=120, env=env)


@sqlite_only  # db backup copies an SQLite file (PostgreSQL: the server's own tools)
def test_a_backup_made_by_another_mstrack_while_this_one_ran_is_not_written_over(demo_cli, tmp_path, monkeypatch):
    from mstrack.store import backups

    other = tmp_path / "other.db"
    assert Cli(other)("init").exit_code == 0
    target = tmp_path / "same.db"
    real = backups.Backups.backup
    theirs = []

    def backup_while_another_runs(self, path):
        found = real(self, path)  # this run's copy complete; the other office's backup of the same name made meanwhile
        theirs.append(_mstrack("--db", str(other), "db", "backup", str(target)))
        return found

    monkeypatch.setattr(backups.Backups, "backup", backup_while_another_runs)
    result = demo_cli("db", "backup", str(target))
    assert theirs[0].returncode == 0, theirs[0].stderr
    said = refused(result, str(target), "exists already (a backup never writes over a file)")
    assert "not written by mstrack" not in said
    assert "→" not in result.stdout  # never announced as made
    with sqlite3.connect(target) as connection:  # the other office's backup, whole: an empty store
        assert connection.execute("SELECT count(*) FROM report").fetchone()[0] == 0
    assert [name for name in Path(tmp_path).iterdir() if name.name.endswith(".part")] == []


@sqlite_only  # db backup copies an SQLite file (PostgreSQL: the server's own tools)
def test_a_backup_made_by_another_mstrack_after_this_one_looked_is_refused_as_existing(demo_cli, tmp_path, monkeypatch):
    """The other backup made between db backup's own look and the write's (printing.write_output): "exists
    already", not "the file was not written by mstrack" (it was: by the other run)."""
    from mstrack.cli import db

    other = tmp_path / "other.db"
    assert Cli(other)("init").exit_code == 0
    target = tmp_path / "same.db"
    real = db.write_output
    theirs = []

    def another_backup_first(*args, **kwargs):
        theirs.append(_mstrack("--db", str(other), "db", "backup", str(target)))
        real(*args, **kwargs)

    monkeypatch.setattr(db, "write_output", another_backup_first)
    result = demo_cli("db", "backup", str(target))
    assert theirs[0].returncode == 0, theirs[0].stderr
    said = refused(result, str(target), "exists already (a backup never writes over a file)")
    assert "not written by mstrack" not in said and "→" not in result.stdout
    with sqlite3.connect(target) as connection:
        assert connection.execute("SELECT count(*) FROM report").fetchone()[0] == 0


@sqlite_only  # db backup copies an SQLite file (PostgreSQL: the server's own tools)
def test_a_backup_whose_line_cannot_be_said_leaves_no_file(demo_cli, tmp_path):
    """The new-only link comes before "DB → FILE" (so that a refusal at it is never said after that line); the line
    failing (`> /dev/full`) takes the backup away again: as before, whole and said, or absent."""
    target = tmp_path / "b.db"
    with open("/dev/full", "w") as full:
        done = subprocess.run([MSTRACK, "--lang", "en", "--db", str(demo_cli.db), "db", "backup", str(target)],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 2 and "No space left on device" in done.stderr, done.stderr
    assert not target.exists()
    assert sorted(os.listdir(tmp_path)) == ["demo.db"]


def test_a_write_after_the_clock_went_back_stays_mstracks_own(demo_cli, tmp_path, monkeypatch):
    """Five weekly runs while the clock was a day fast, then NTP corrects it: the sixth run's file, untouched, is
    replaced by the seventh (its digest was pruned at once when the last KEEP_DIGESTS were ordered by wall-clock)."""
    from datetime import datetime, timedelta

    from mstrack.store import written

    class DayFast(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.now(tz) + timedelta(days=1)

    target = tmp_path / "weekly.csv"
    monkeypatch.setattr(written, "datetime", DayFast)
    for day in ("01", "02", "03", "04", "05"):
        result = demo_cli("report", "weekly", "--as-of", f"2023-07-{day}", "-f", "csv", "-o", str(target))
        assert result.exit_code == 0, result.output
    monkeypatch.setattr(written, "datetime", datetime)
    sixth = demo_cli("report", "weekly", "--as-of", "2023-07-06", "-f", "csv", "-o", str(target))
    assert sixth.exit_code == 0, sixth.output
    assert written.lookup(target).holds(target.stat().st_size, _sha(target))
    seventh = demo_cli("report", "weekly", "--as-of", "2023-07-07", "-f", "csv", "-o", str(target))
    assert seventh.exit_code == 0 and seventh.exception is None, seventh.output
    assert "2023-07-07" in target.read_text(encoding="utf-8")


def _sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def _held_folder(folder: Path):
    """The lock an --each-unit run holds on its folder, taken as another mstrack would (flock on the folder)."""
    import fcntl
    import os

    descriptor = os.open(folder, os.O_RDONLY)
    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return descriptor


def test_notices_to_each_unit_into_a_folder_another_run_is_writing_are_refused_whole(demo_cli, tmp_path):
    import os

    folder = tmp_path / "N"
    folder.mkdir()
    descriptor = _held_folder(folder)
    try:
        result = demo_cli("report", "notice", "--each-unit", "-p", "dongguan-2023", "--as-of", "2023-12-31", "-f", "md",
                          "-o", str(folder))
    finally:
        os.close(descriptor)
    refused(result, f"another mstrack is writing into {folder}")
    assert os.listdir(folder) == []
    assert "written to" not in result.stderr


def test_two_runs_of_notices_to_each_unit_at_once_leave_one_run_s_notices_whole(demo_cli, tmp_path, monkeypatch):
    """The second run starts while the first is writing its first notice: refused (exit 2, none written by it), and
    the folder holds the first run's notices only, each as of its date."""
    from mstrack.cli import report_output

    folder = tmp_path / "N"
    real = report_output.write_content
    theirs = []

    def write_while_another_runs(path, content, fmt):
        if not theirs:
            theirs.append(_mstrack("--db", demo_cli.url, "report", "notice", "--each-unit", "-p", "dongguan-2023",
                                   "--as-of", "2023-10-31", "-f", "md", "-o", str(folder)))
        real(path, content, fmt)

    monkeypatch.setattr(report_output, "write_content", write_while_another_runs)
    result = demo_cli("report", "notice", "--each-unit", "-p", "dongguan-2023", "--as-of", "2023-12-31", "-f", "md",
                      "-o", str(folder))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert theirs[0].returncode == 2, theirs[0].stderr
    assert f"another mstrack is writing into {folder}" in theirs[0].stderr
    files = sorted(folder.iterdir())
    assert len(files) > 5 and f"{len(files)} notices written to {folder}" in result.stderr
    assert all("As of 2023-12-31" in one.read_text(encoding="utf-8") for one in files)
    assert not any("As of 2023-10-31" in one.read_text(encoding="utf-8") for one in files)
    assert [name for name in os.listdir(tmp_path) if name.startswith(".")] == []


def _clock(monkeypatch, seconds: float) -> None:
    """This process's clock, as the store reads it to stamp a batch, `seconds` ahead (negative: behind)."""
    from datetime import datetime, timedelta

    from mstrack.store import batches

    class Shifted(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.now(tz) + timedelta(seconds=seconds)

    monkeypatch.setattr(batches, "datetime", Shifted)


def _latest_batches(cli, n: int = 2) -> list[tuple]:
    """(id, created_at, the entered_at of its reports) of the last `n` batches, oldest first, as stored."""
    rows = cli.sql(f"SELECT id, created_at FROM batch ORDER BY id DESC LIMIT {n}")
    found = []
    for batch, created in reversed(rows):
        entered = {str(row[0]) for row in cli.sql(f"SELECT entered_at FROM report WHERE batch_id = {batch}")}
        found.append((batch, str(created), entered))
    return found


def test_a_batch_written_by_a_clock_set_back_is_said_and_stored_no_earlier_than_the_latest(demo_cli, monkeypatch):
    """A correction entered by a clock a day fast, then another by the corrected clock: the second is stored at the
    first's time (entered times never go backwards: `report weekly`'s window agrees with what stands), and a
    warning names both times."""
    _clock(monkeypatch, 86400)
    first = demo_cli("log", "yantian-2023/19", "950", "-i", "送教上门人次", "--as-of", "2023-06-30")
    assert first.exit_code == 0, first.output
    assert "clock" not in first.stderr
    monkeypatch.undo()
    second = demo_cli("log", "yantian-2023/19", "990", "-i", "送教上门人次", "--as-of", "2023-06-30")
    assert second.exit_code == 0 and second.exception is None, second.output
    (one, one_at, one_entered), (two, two_at, two_entered) = _latest_batches(demo_cli)
    assert two == one + 1 and two_at == one_at, (one_at, two_at)
    assert two_entered == one_entered and len(two_entered) == 1
    assert "mstrack: warning: this computer's clock" in second.stderr
    assert f"is behind the latest batch's ({one_at[:16]})" in second.stderr, second.stderr


def test_the_weekly_report_lists_the_correction_that_stands_after_the_clock_went_back(demo_cli, monkeypatch):
    """The week's "New reports" (by entered time) and its rows (by the order written) agree: the later correction,
    entered by a clock set back 8 days, is this week's new report, not the one it superseded."""
    from datetime import date, timedelta

    _clock(monkeypatch, 8 * 86400)
    assert demo_cli("log", "yantian-2023/19", "950", "-i", "送教上门人次", "--as-of", "2023-06-30").exit_code == 0
    monkeypatch.undo()
    assert demo_cli("log", "yantian-2023/19", "990", "-i", "送教上门人次", "--as-of", "2023-06-30").exit_code == 0
    week = (date.today() + timedelta(days=8)).isoformat()
    weekly = demo_cli("report", "weekly", "--as-of", week, "-p", "yantian-2023", "-f", "md")
    assert weekly.exit_code == 0, weekly.output
    new = weekly.stdout.split("### New reports")[1].split("###")[0]
    assert "990" in new and "950" not in new, new


def test_a_bare_undo_takes_back_a_batch_written_by_a_clock_ahead(demo_cli, monkeypatch):
    """A batch written by a clock 10 minutes fast (another PC on a shared store) is no batch written after this
    undo started: taken back, not refused as 'written after this undo started'."""
    import time

    from mstrack.cli import process

    _clock(monkeypatch, 600)
    done = demo_cli("log", "yantian-2023/19", "1200", "-i", "送教上门人次", "--as-of", "2023-06-30", "--note", "fast")
    assert done.exit_code == 0, done.output
    (fast, _, _), = _latest_batches(demo_cli, 1)
    monkeypatch.undo()
    monkeypatch.setattr(process, "RUN_STARTED", time.time())
    undone = demo_cli("undo")
    assert undone.exit_code == 0 and undone.exception is None, undone.output
    assert demo_cli.sql(f"SELECT undoes FROM batch WHERE id = {fast + 1}") == [(fast,)]
