"""The script's quick exit (cli.process.quick_exit): a status keeps its states and rows until the process ends and
ends it without freeing them, only once its output is out, its store closed and the atexit handlers run."""

import atexit
import gc
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from mstrack.cli import process

# The script as installed runs `run()`; this one also says, on stderr, when the atexit handlers ran and when the
# process ended through os._exit (with which code, and whether the collector had been told to leave what lives
# alone: gc.freeze), in the order they happened.
SCRIPT = """import atexit, gc, os, sys
atexit.register(lambda: sys.stderr.write("atexit ran\\n"))
_exit = os._exit
def ending(code):
    sys.stderr.write(f"os._exit({code}), frozen: {gc.get_freeze_count() > 0}\\n")
    sys.stderr.flush()
    _exit(code)
os._exit = ending
from mstrack.cli import run
sys.argv = ["mstrack", *sys.argv[1:]]
run()
"""


def script(db, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SCRIPT, "--db", str(db), "--lang", "en", *args],
                          capture_output=True, timeout=120, env={**os.environ, "COLUMNS": "140"})


@pytest.mark.parametrize("fail_on", [None, "not_due"])
def test_a_status_piped_from_the_script_is_whole_and_the_process_ends_quickly(demo_cli, fail_on):
    """Through a pipe (larger than the pipe's buffer, so the writer waits for the reader), the status the script
    prints is byte for byte the in-process one, with the same exit code (1 with --fail-on), and the process
    ended by os._exit after the atexit handlers; the SQLite file is left closed (no -wal or -shm beside it)."""
    asked = ["status", "--format", "json", "--as-of", "2023-07-01", *(["--fail-on", fail_on] if fail_on else [])]
    expected = demo_cli(*asked)
    code = 1 if fail_on else 0
    assert expected.exit_code == code, expected.stderr
    assert len(expected.stdout_bytes) > 65_536 and json.loads(expected.stdout)
    done = script(demo_cli.db, *asked)
    assert done.stdout == expected.stdout_bytes
    assert done.returncode == expected.exit_code == code
    assert done.stderr.decode().splitlines() == ["atexit ran", f"os._exit({code}), frozen: True"]
    if "://" not in str(demo_cli.db):
        assert sorted(p.name for p in Path(demo_cli.db).parent.iterdir() if p.name.startswith("demo.db")) == ["demo.db"]


def test_the_table_and_other_commands_end_as_before(demo_cli):
    """The table is whole too; a command that keeps nothing (show) exits the normal way: SystemExit, no os._exit."""
    table = demo_cli("status", "--as-of", "2023-07-01", env={"COLUMNS": "140"})
    assert table.exit_code == 0 and table.exception is None, table.output
    done = script(demo_cli.db, "status", "--as-of", "2023-07-01")
    assert (done.returncode, done.stdout) == (0, table.stdout_bytes)
    assert done.stderr.decode().splitlines() == ["atexit ran", "os._exit(0), frozen: True"]
    shown = script(demo_cli.db, "show", "shenzhen-2023/5", "--as-of", "2023-07-01", "--format", "json")
    assert shown.returncode == 0 and json.loads(shown.stdout)["code"] == "5"
    assert shown.stderr.decode().splitlines() == ["atexit ran"]


def test_a_closed_pipe_is_still_said_once(demo_cli):
    """`mstrack log … | head -c 10`: the output that cannot be written, and the write it rolled back, are said as
    before (141), not lost in a quick exit; `status -f json | head -c 10`, a read, ends silently with 141, as cat and
    grep (trial50 T10)."""
    for command, said in ((["log", "shenzhen-2023/28", "12345", "--as-of", "2023-06-30"],
                           ["mstrack: error: cannot write the output: Broken pipe; nothing was written"]),
                          (["status", "-f", "json", "--as-of", "2023-07-01"], [])):
        read, write = os.pipe()
        os.close(read)
        done = subprocess.run([sys.executable, "-c", SCRIPT, "--db", str(demo_cli.db), "--lang", "en", *command],
                              stdout=write, stderr=subprocess.PIPE, timeout=120)
        os.close(write)
        assert done.returncode == 141
        # then stderr points at /dev/null (the atexit handler's line goes there), and the exit is the normal one
        assert done.stderr.decode().splitlines() == said, command


@pytest.fixture
def quick(monkeypatch):
    """quick_exit in this process, with os._exit, the atexit handlers and the streams' flushes recorded in order
    (os._exit raises instead of ending the test run)."""
    steps = []

    class Ended(Exception):
        pass

    def ended(code):
        steps.append(("exit", code))
        raise Ended

    monkeypatch.setattr(process, "_kept", [])
    monkeypatch.setattr(process, "_stores", [])
    monkeypatch.setattr(os, "_exit", ended)
    monkeypatch.setattr(atexit, "_run_exitfuncs", lambda: steps.append(("atexit",)))
    monkeypatch.setattr(process, "flush_output", lambda: steps.append(("flush",)))
    monkeypatch.setattr(gc, "freeze", lambda: steps.append(("freeze",)))  # not this test run's objects
    return steps, Ended


class FakeStore:
    def __init__(self, steps, idle=True):
        self.steps, self.idle = steps, idle

    def close(self):
        self.steps.append(("close",))
        return self.idle


def test_quick_exit_flushes_closes_and_runs_the_handlers_first(quick):
    steps, ended = quick
    process._stores.append(FakeStore(steps))
    process.keep_until_exit(["rows"])
    with pytest.raises(ended):
        process.quick_exit(1)
    assert steps == [("freeze",), ("close",), ("flush",), ("atexit",), ("flush",), ("exit", 1)]
    steps.clear()
    with pytest.raises(ended):
        process.quick_exit(None)
    assert steps[-1] == ("exit", 0)


def test_quick_exit_leaves_the_normal_exit_when_it_cannot_be_sure(quick):
    """Nothing kept; a code that is a message; a store inside a transaction; another thread running: quick_exit
    returns and the process ends the normal way."""
    steps, _ = quick
    process.quick_exit(0)  # nothing kept
    process.keep_until_exit(["rows"])
    process.quick_exit("a message")
    process._stores.append(FakeStore(steps, idle=False))
    process.quick_exit(0)
    assert steps == [("freeze",), ("close",)]
    process._stores.clear()
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        process.quick_exit(0)
    finally:
        stop.set()
        thread.join()
    assert ("exit", 0) not in steps


def test_in_process_nothing_is_kept(demo_cli):
    """A test run or a program calling the app holds nothing after a status: keep_until_exit keeps only in the
    script's process."""
    assert process._kept is None
    result = demo_cli("status", "--format", "json", "--as-of", "2023-07-01")
    assert result.exit_code == 0 and result.exception is None
    assert process._kept is None and process._stores == []
    assert gc.get_freeze_count() == 0  # nothing moved out of the collector's sight in a long-lived process
    process.keep_until_exit(["rows"])
    assert process._kept is None


def test_a_store_closes_its_engine_and_not_inside_a_transaction(demo_cli):
    from mstrack.store import Store

    store = Store(demo_cli.url)
    assert store.close()  # no engine made: nothing to close
    engine = store.engine
    with engine.connect() as connection:
        connection.exec_driver_sql("SELECT 1")
    pooled = getattr(engine.pool, "checkedin", None)  # SQLite's pool keeps the connection; PostgreSQL's none
    assert pooled is None or pooled() == 1
    assert store.close()
    assert pooled is None or engine.pool.checkedin() == 0
    with store.locked("test"):
        assert not store.close()
    with store.one_read():
        assert not store.close()
    assert store.close()


def test_the_demo_writes_then_ends_quickly_with_its_database_whole(cli):
    """`demo` writes the seed programmes, then prints their status and ends by the quick exit: what it wrote is
    committed and readable, the output whole, and an SQLite file is left closed and intact."""
    done = script(cli.db, "demo", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert done.stderr.decode().splitlines()[-2:] == ["atexit ran", "os._exit(0), frozen: True"]
    rows = json.loads(done.stdout)
    assert len(rows) > 30
    again = cli("status", "--format", "json", "--as-of", "2023-07-01", "--rule", "pro-rata")
    assert again.exit_code == 0 and again.exception is None, again.output
    assert {row["programme"] for row in json.loads(again.stdout)} >= {row["programme"] for row in rows}
    if "://" not in str(cli.db):
        import sqlite3

        assert sorted(p.name for p in Path(cli.db).parent.iterdir() if p.name.startswith(Path(cli.db).name)) == ["t.db"]
        with sqlite3.connect(cli.db) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        connection.close()


@pytest.mark.sqlite_only
def test_a_write_through_the_script_leaves_the_database_closed(tmp_path):
    """A plan import and a log, run as the script (run(last=True)), close their store when the command lets it go:
    no -wal or -shm left beside the file (the bench found them when every store was held until the process ended),
    and the data is there."""
    db = tmp_path / "plans.db"
    seeds = sorted((Path(__file__).parent.parent / "data" / "seed").glob("*.toml"))
    imported = script(db, "import", "plan", *map(str, seeds))
    assert imported.returncode == 0, imported.stderr.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plans.db"]
    listed = script(db, "programmes")
    assert listed.returncode == 0, listed.stderr.decode()
    assert listed.stdout.decode().count("\n") >= len(seeds)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plans.db"]
    shown = script(tmp_path / "demo.db", "demo")  # writes, then a status that ends by the quick exit
    assert shown.returncode == 0, shown.stderr.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db", "plans.db"]
