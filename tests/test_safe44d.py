"""Nothing lost (safe44d): two mstracks writing one target at once, and a clock set back. Two `db backup same.db` at
once both said done while the second rename went over the first; two `report notice --each-unit -o DIR` at once both
said their count while DIR held a mix; the record of -o's files pruned a write made after the clock went back; a batch
stored before the previous one's time made the weekly report disagree with status, and a bare undo refused a batch
written by a clock ahead."""

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
        real(self, path)  # this run's copy complete; the other office's backup of the same name made meanwhile
        theirs.append(_mstrack("--db", str(other), "db", "backup", str(target)))

    monkeypatch.setattr(backups.Backups, "backup", backup_while_another_runs)
    result = demo_cli("db", "backup", str(target))
    assert theirs[0].returncode == 0, theirs[0].stderr
    said = refused(result, str(target), "exists already (a backup never writes over a file)")
    assert "not written by mstrack" not in said
    assert "→" not in result.stdout  # never announced as made
    with sqlite3.connect(target) as connection:  # the other office's backup, whole: an empty store
        assert connection.execute("SELECT count(*) FROM report").fetchone()[0] == 0
    assert [name for name in Path(tmp_path).iterdir() if name.name.endswith(".part")] == []
