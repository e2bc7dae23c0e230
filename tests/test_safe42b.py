"""safe42b: nothing lost through the record of -o's files (store/written). A record that exists but cannot be read
(damaged, locked by another process) is no "no record": a file whose keeping depends on it is not replaced, and a
damaged one is set aside once. A Ctrl-C after the rename is held as after a store's commit. The record names each
write before its rename and keeps the last few digests of a path, so a record update that failed, or two mstracks
writing one -o in either order, never refuse mstrack's own file. A file edited between the check and the rename is
not replaced."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from .conftest import done, kept, sha

MSTRACK = Path(sys.executable).with_name("mstrack")
pytestmark = pytest.mark.sqlite_only


def units(cli, target: Path, *options: str, on: str = "2023-06-30"):
    return cli("units", "--as-of", on, "--format", "csv", *options, "-o", str(target))


def record() -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "mstrack" / "written.db"


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write(text)


def held_record(exclusive: bool = False) -> sqlite3.Connection:
    """The record held by another connection, as another process would: a write transaction (others may read it, in
    WAL mode), or an exclusive lock nobody may read past."""
    connection = sqlite3.connect(record(), isolation_level=None)
    if exclusive:
        connection.execute("PRAGMA locking_mode=EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("PRAGMA user_version = 1")  # a write: the lock taken now
    else:
        connection.execute("BEGIN IMMEDIATE")
    return connection


@pytest.fixture
def short_wait(monkeypatch):
    """The record's busy wait made short for in-process runs (a lock held from this test is the window, not time)."""
    from mstrack.store import written

    monkeypatch.setattr(written, "WAIT_SECONDS", 0.05)


# --- 1. a record that cannot be read is no "no record" ----------------------------------------------------------------

def test_a_damaged_record_keeps_an_edited_csv_and_is_set_aside_once(demo_cli, tmp_path):
    target = tmp_path / "units.csv"
    done(units(demo_cli, target))
    append(target, "市我的备注局,我手工加的一行,,,,\n")
    before = sha(target)
    record().write_bytes(b"garbage, not sqlite at all " * 200)
    said = kept(units(demo_cli, target), target, before, f"--output {target}: the record of the files mstrack wrote",
                "was damaged", "not replaced this time")
    assert "set aside as" in said
    aside = list(record().parent.glob("written.db.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"garbage")
    assert not record().exists()
    # said once: the next run judges the file by what it holds (mstrack's CSV header), and begins a new record
    result = units(demo_cli, target)
    done(result)
    assert "mstrack: warning" not in result.stderr and "set aside" not in result.stderr
    assert record().is_file() and "我手工加的一行" not in target.read_text(encoding="utf-8-sig")


def test_a_record_locked_by_another_process_keeps_an_edited_csv(demo_cli, tmp_path, short_wait):
    target = tmp_path / "units.csv"
    done(units(demo_cli, target))
    append(target, "加的,,,\n")
    before = sha(target)
    holder = held_record(exclusive=True)
    try:
        kept(units(demo_cli, target), target, before, "cannot be read (database is locked)", "it is not replaced")
    finally:
        holder.close()
    assert not list(record().parent.glob("written.db.damaged-*"))  # locked is not damaged


def test_a_damaged_record_never_stops_a_new_file(demo_cli, tmp_path):
    record().parent.mkdir(parents=True, exist_ok=True)
    record().write_bytes(b"not a database at all, 100 bytes of it" * 3)
    target = tmp_path / "new.csv"
    result = units(demo_cli, target)
    done(result)  # nothing there to keep: no lookup, no refusal
    assert target.read_text(encoding="utf-8-sig").startswith("Unit,")
    # and the damaged record is set aside there too, said once, the write recorded in a new one: not a warning that
    # the file was not recorded on every run while the damaged record stays
    assert "set aside as" in result.stderr and "not recorded" not in result.stderr
    assert len(list(record().parent.glob("written.db.damaged-*"))) == 1
    from mstrack.store import written

    assert written.lookup(target).sha256 == sha(target)


# --- 2. Ctrl-C after the rename ----------------------------------------------------------------------------------------

def test_a_ctrl_c_after_the_rename_is_held_and_the_command_ends_exit_0(demo_cli, tmp_path, monkeypatch):
    from mstrack.render import outputs

    target = tmp_path / "units.csv"
    synced = outputs._sync_directory

    def interrupted(folder):
        if target.read_text(encoding="utf-8-sig").startswith("Unit,"):  # renamed: the new file is there
            os.kill(os.getpid(), signal.SIGINT)
        synced(folder)

    monkeypatch.setattr(outputs, "_sync_directory", interrupted)
    try:
        result = units(demo_cli, target)
    except KeyboardInterrupt:
        pytest.fail("the Ctrl-C after the rename was let in: the command ended 130 saying nothing was kept")
    assert result.exit_code == 0, result.output
    assert "nothing of what this command was writing was kept" not in result.output
    assert target.read_text(encoding="utf-8-sig").startswith("Unit,")
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, set())  # let in again at the command's end


# --- 3. a stale or out-of-order record never refuses mstrack's own file ----------------------------------------------

def test_a_record_that_cannot_be_updated_leaves_no_row_that_refuses_mstrack_s_own_file(demo_cli, tmp_path, short_wait):
    target = tmp_path / "units.csv"
    done(units(demo_cli, target, on="2023-03-31"))
    before = sha(target)
    holder = held_record()
    try:
        result = units(demo_cli, target, on="2023-09-30")
    finally:
        holder.close()
    if result.exit_code == 0:  # replaced: the record must let the rerun onto it replace it
        assert sha(target) != before
    else:
        kept(result, target, before, "cannot be written", "not replaced")
    done(units(demo_cli, target, on="2023-09-30"))  # mstrack's own file, untouched since


def test_two_writers_in_either_order_leave_mstrack_s_file_replaceable(demo_cli, tmp_path):
    """One -o written by two mstracks at once, the first one's rename last: the file holds what the record's older
    write put there. Done one after the other, the first one's file put back as its late rename would."""
    target = tmp_path / "same.csv"
    done(units(demo_cli, target, on="2023-03-31"))
    first = target.read_bytes()
    done(units(demo_cli, target, on="2023-09-30"))
    target.write_bytes(first)
    done(units(demo_cli, target, on="2023-06-30"))


def test_an_edited_file_is_kept_though_several_writes_are_recorded(demo_cli, tmp_path):
    target = tmp_path / "units.csv"
    for on in ("2023-03-31", "2023-06-30", "2023-09-30"):
        done(units(demo_cli, target, on=on))
    append(target, "我手工加的一行,,,\n")
    before = sha(target)
    kept(units(demo_cli, target), target, before, "the file has changed since mstrack wrote it on ")


# --- 4. a file edited between the check and the rename ----------------------------------------------------------------

def test_a_file_edited_while_the_report_is_made_is_not_replaced(demo_cli, tmp_path):
    """The record held by this test holds the command between its check and its rename (it records the write before
    renaming): the row is added there, then the record let go."""
    target = tmp_path / "units.csv"
    done(units(demo_cli, target))
    env = {**os.environ, "HOME": str(tmp_path)}
    holder = held_record()
    try:
        running = subprocess.Popen([str(MSTRACK), "--db", str(demo_cli.db), "--lang", "en", "units", "--as-of",
                                    "2023-09-30", "--format", "csv", "-o", str(target)], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, env=env)
        while not list(tmp_path.glob(".units.csv.*.part")):  # past the check, held before the rename
            assert running.poll() is None, running.communicate()
            time.sleep(0.01)
        append(target, "我手工加的一行,,,\n")
        before = sha(target)
    finally:
        holder.close()
    _out, err = running.communicate(timeout=120)
    assert running.returncode == 2, err
    assert f"--output {target}: the file changed while this command ran" in err
    assert sha(target) == before and "我手工加的一行" in target.read_text(encoding="utf-8-sig")
    assert not list(tmp_path.glob(".units.csv.*.part"))


def test_a_record_row_never_outlives_a_rename_that_never_came(tmp_path):
    """store/written: writes recorded, the newest never renamed; the file holding an older one is mstrack's."""
    from mstrack.store import written

    path = tmp_path / "r.csv"
    path.write_text("x")
    for n in range(3):
        written.remember(path, 1, f"{n:064x}")
    found = written.lookup(path)
    assert found.sha256 == f"{2:064x}" and found.holds(1, f"{0:064x}") and not found.holds(1, f"{9:064x}")
    with closing(sqlite3.connect(record())) as connection:
        assert connection.execute("SELECT count(*) FROM writes").fetchone()[0] == 3


def test_a_record_of_safe41a_is_read_and_moved(tmp_path):
    """written.db as safe41a left it (one digest a path, table `written`): read, then moved into `writes`."""
    from mstrack.store import written

    path = tmp_path / "r.csv"
    path.write_text("x")
    record().parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(record())) as connection, connection:
        connection.execute("CREATE TABLE written (path TEXT PRIMARY KEY, size INTEGER NOT NULL, sha256 TEXT NOT NULL, "
                           "at TEXT NOT NULL)")
        connection.execute("INSERT INTO written VALUES (?, 1, ?, '2026-12-01T00:00:00+00:00')",
                           (written.key(path), "a" * 64))
    assert written.lookup(path).holds(1, "a" * 64)
    written.remember(path, 1, "b" * 64)
    found = written.lookup(path)
    assert found.holds(1, "a" * 64) and found.sha256 == "b" * 64
    with closing(sqlite3.connect(record())) as connection:
        assert not connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'written'").fetchone()
