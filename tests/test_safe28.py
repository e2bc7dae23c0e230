"""safety27's findings the lead fixed: two bare `undo`s at once never take back each other's undo."""

import json
import sqlite3

import pytest

from mstrack.store.writes import Writes

from .conftest import refused, write_plan

ROADS = ('[[tasks]]\ncode = "1"\ntitle = "道路"\n[[tasks.lines]]\nlead_units = ["市交通局"]\n'
         '[[tasks.lines.indicators]]\nname = "新建道路"\nunit = "条"\ntarget = 10\n')


def standing_reports(cli) -> int:
    return cli.sql("SELECT count(*) FROM report AS r WHERE NOT EXISTS "
                   "(SELECT 1 FROM report_retraction AS x WHERE x.report_id = r.id)")[0][0]


def test_a_bare_undo_racing_another_is_refused_not_an_undo_of_the_undo(cli, monkeypatch, tmp_path):
    """Two coordinators type `undo` at once: the first takes back the latest batch; the second, which waited for the
    lock, used to take back the first one's undo (both exit 0, the correction back in force). It undoes what was the
    latest when it started, and that is undone already: refused, nothing written."""
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    assert cli("log", "x-2023/1", "5", "--as-of", "2023-06-30").exit_code == 0
    (latest,) = [b["id"] for b in json.loads(cli("batches", "--format", "json").stdout)][:1]
    standing = standing_reports(cli)
    as_started = Writes._latest_batch

    def another_undo_meanwhile(store, started):
        found = as_started(store, started)
        monkeypatch.setattr(Writes, "_latest_batch", as_started)
        assert cli("undo").exit_code == 0  # the other coordinator's, committed while this one waits for the lock
        return found

    monkeypatch.setattr(Writes, "_latest_batch", another_undo_meanwhile)
    refused(cli("undo"), f"batch {latest} was already undone by batch {latest + 1}")
    batches = json.loads(cli("batches", "--format", "json").stdout)
    assert [b["id"] for b in batches][:2] == [latest + 1, latest] and batches[0]["undoes"] == latest
    assert standing_reports(cli) == standing - 1


def test_a_bare_undo_on_an_empty_store_says_nothing_to_undo(cli):
    assert cli("init").exit_code == 0  # where there is no store at all, undo says so (safe48c), making none
    refused(cli("undo"), "nothing to undo yet")


@pytest.mark.sqlite_only
def test_a_database_error_inside_a_write_says_the_write_was_rolled_back(cli, tmp_path):
    """safety27: a server restarted mid-write printed the driver's line only ("terminating connection due to
    administrator command"), not whether anything was kept. An error raised inside the write transaction, before its
    commit, says the write was rolled back; the data says so too."""
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    with sqlite3.connect(cli.db) as connection:  # a driver error raised inside the write, as a lost server is
        connection.execute("CREATE TRIGGER no_reports BEFORE INSERT ON report BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END")
    connection.close()
    before = standing_reports(cli)
    stderr = refused(cli("log", "x-2023/1", "5", "--as-of", "2023-06-30"), "refused by a trigger",
                     "the write in progress was rolled back")
    assert "Traceback" not in stderr and standing_reports(cli) == before
    assert [b["command"] for b in json.loads(cli("batches", "--format", "json").stdout)] == ["import plan"]


def test_a_bare_undo_takes_back_no_batch_written_after_it_started(cli, monkeypatch, tmp_path):
    """safety29: the latest batch was read only after the run's imports (0.4–1.4 s on a loaded machine): an `undo`
    typed 0.1 s after another still took back the first one's undo. A batch written after the run started (cli/process.RUN_STARTED,
    taken first thing in the script's main) is another writer's: refused, named, nothing written."""
    import time

    from mstrack.cli import process

    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    monkeypatch.setattr(process, "RUN_STARTED", time.time())
    time.sleep(0.01)
    assert cli("log", "x-2023/1", "5", "--as-of", "2023-06-30").exit_code == 0  # the other writer's, meanwhile
    (latest, *_) = json.loads(cli("batches", "--format", "json").stdout)
    refused(cli("undo"), f"batch {latest['id']} (log by ", "was written after this undo started", f"mstrack undo {latest['id']}")
    assert standing_reports(cli) == 1 and len(json.loads(cli("batches", "--format", "json").stdout)) == 2
    monkeypatch.setattr(process, "RUN_STARTED", time.time())  # a run started after it: the latest as ever
    assert cli("undo").exit_code == 0 and standing_reports(cli) == 0
