"""A bare `undo` and another terminal's write (trial55 F12): two terminals on one login (root, on an SQLite file) — a
`log` in one, then an import in the other; a bare `undo` in the first took back the other's import. A batch another
terminal wrote in the last minutes is named and its number asked for, nothing written; a number given undoes as ever."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from mstrack.store import batches

from .conftest import ROOT, done, write_plan

PLAN = ('[[tasks]]\ncode = "1"\ntitle = "新增床位"\n[[tasks.lines]]\nlead_units = ["市卫生健康委"]\n'
        '[[tasks.lines.indicators]]\nname = "新增床位"\nunit = "张"\ntarget = 100\n'
        'milestones = [{ due = "2023-06-30", target = 50 }]\n')
LOG = ("log", "x-2023/1", "--as-of", "2023-06-30")


@pytest.fixture
def office(cli, tmp_path):
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml", PLAN))))
    return cli


def from_another_terminal(monkeypatch, cli, *args: str) -> None:
    """A write as another terminal of the same login makes it: its batch keeps that terminal."""
    with monkeypatch.context() as patched:
        patched.setattr(batches, "terminal", lambda: "another-terminal")
        done(cli(*args))


def execute(cli, sql: str, **params) -> None:
    """A change made to the store directly (a batch's time or terminal), committed."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(cli.url, poolclass=NullPool)
    with engine.begin() as connection:
        if cli.url.startswith("sqlite") and "at" in params:  # as SQLAlchemy stores a DateTime there: UTC, no zone
            params["at"] = params["at"].replace(tzinfo=None)
        connection.execute(text(sql), params)
    engine.dispose()


def count(cli) -> tuple:
    return cli.sql("SELECT count(*) FROM batch")[0][0], cli.sql("SELECT count(*) FROM report_retraction")[0][0]


def test_a_bare_undo_names_another_terminals_recent_write_and_asks_for_its_number(office, monkeypatch):
    done(office(*LOG, "40"))  # this terminal: batch 2
    from_another_terminal(monkeypatch, office, *LOG, "45")  # the other: batch 3
    before = count(office)
    result = office("undo")
    assert result.exit_code == 2, result.output
    assert "batch 3 (log by" in result.output, result.output
    assert "was written from another terminal in the last 10 minutes, not from this one: nothing was undone" in result.output
    assert "`mstrack undo 3`" in result.output and "this terminal's latest is batch 2 (log by" in result.output
    assert "`mstrack undo 2`" in result.output, result.output
    assert count(office) == before
    assert office.sql("SELECT value FROM report ORDER BY id DESC LIMIT 1") == [(45.0,)]
    mine = office("undo", "2")  # a number given: undone as ever, whoever wrote it
    assert mine.exit_code == 0 and "batch 4 undoes batch 2" in mine.output, mine.output
    theirs = office("undo", "3")
    assert theirs.exit_code == 0 and "batch 5 undoes batch 3" in theirs.output, theirs.output


def test_a_terminal_that_wrote_nothing_is_told_so(office, monkeypatch):
    from_another_terminal(monkeypatch, office, *LOG, "45")
    with monkeypatch.context() as patched:  # the plan import (batch 1) was this terminal's: say it was another's too
        patched.setattr(batches, "terminal", lambda: "a-third-terminal")
        result = office("undo")
    assert result.exit_code == 2, result.output
    assert "not from this one, which has written no batch: nothing was undone" in result.output, result.output
    assert "`mstrack undo 2`" in result.output


def test_a_bare_undo_takes_back_this_terminals_own_latest_and_another_terminals_older_write(office, monkeypatch):
    from_another_terminal(monkeypatch, office, *LOG, "45")
    done(office(*LOG, "40"))  # this terminal's, the latest: taken back as ever
    result = office("undo")
    assert result.exit_code == 0 and "batch 4 undoes batch 3" in result.output, result.output
    from_another_terminal(monkeypatch, office, *LOG, "47")  # batch 5, then older than the last minutes
    execute(office, "UPDATE batch SET created_at = :at WHERE id = 5", at=datetime.now(UTC) - timedelta(minutes=11))
    older = office("undo")
    assert older.exit_code == 0 and "batch 6 undoes batch 5" in older.output, older.output


def test_a_batch_from_before_terminals_were_kept_is_the_latest_as_before(office):
    done(office(*LOG, "45"))
    execute(office, "UPDATE batch SET terminal = NULL")  # as an upgraded store's batches are
    result = office("undo")
    assert result.exit_code == 0 and "batch 3 undoes batch 2" in result.output, result.output


def test_another_terminal_is_another_session(office, tmp_path):
    """The real thing: a `log` run in a session of its own (another terminal, as setsid makes one) is another terminal's
    to a bare undo here; a `log` run in this session is this one's."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    argv = [sys.executable, "-m", "mstrack", "--db", str(office.db), "--lang", "en", *LOG, "45"]
    other = subprocess.run(argv, env=env, capture_output=True, text=True, start_new_session=True, timeout=120)
    assert other.returncode == 0, other.stderr
    result = office("undo")
    assert result.exit_code == 2 and "batch 2 (log by" in result.output, result.output
    assert "another terminal" in result.output
    same = subprocess.run(argv[:-1] + ["46"], env=env, capture_output=True, text=True, timeout=120)
    assert same.returncode == 0, same.stderr
    result = office("undo")
    assert result.exit_code == 0 and "batch 4 undoes batch 3" in result.output, result.output
    assert office.sql("SELECT count(DISTINCT terminal) FROM batch") == [(2,)]
