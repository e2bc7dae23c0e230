"""`mstrack db copy --to TARGET`: all or nothing, from one snapshot of the source, and the truth on Ctrl-C. An SQLite
target is made as a temporary file beside it and renamed into place once verified; a PostgreSQL target is filled in
one transaction. A refusal, a failure or Ctrl-C leaves no target and no temporary file, and a rerun works; exit 0 ⇔
the copy is there, 130 ⇔ nothing; a writer at work meanwhile changes neither the copy's rows nor its counts."""

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mstrack.entry import SAID
from mstrack.store import Store
from tests.conftest import Cli, big_csv, refused
from tests.test_end_to_end import mstrack_executable

SRC = str(Path(__file__).resolve().parents[1] / "src")
PG_ADMIN = os.environ.get("MSTRACK_TEST_PG")
needs_pg = pytest.mark.skipif(not PG_ADMIN, reason="MSTRACK_TEST_PG names no PostgreSQL server")
pytestmark = pytest.mark.sqlite_only  # the sources and targets here are named: SQLite files, and a server when given


_BUILT: dict[int, Path] = {}
"""The sources made so far in this module, by their number of reports (_source): each made once, in a test's own
folder and data directory, and copied into the next test's that asks for the same."""


@pytest.fixture(autouse=True, scope="module")
def _built_once():
    _BUILT.clear()
    yield
    _BUILT.clear()


def _source(tmp_path: Path, reports: int) -> Cli:
    """The demo with `reports` more reports imported: a source of some thousands of rows, tmp_path/office.db. Made by
    `demo` and `import progress` the first time in the module, then copied page by page (SQLite's backup: the same
    rows, batches and sequences; 1 CPU-second saved for each of the 8,000-report ones), mode and all."""
    target = tmp_path / "office.db"
    built = _BUILT.get(reports)
    if built is not None:
        with contextlib.closing(sqlite3.connect(built)) as source, contextlib.closing(sqlite3.connect(target)) as copy:
            source.backup(copy)
        target.chmod(built.stat().st_mode & 0o777)
        return Cli(target)
    cli = Cli(target)
    assert cli("demo").exit_code == 0
    big = tmp_path / "big.csv"
    big_csv(cli, big, reports)
    result = cli("import", "progress", str(big))
    assert result.exit_code == 0, result.output
    big.unlink()
    kept = tmp_path.parent / f"source-{reports}-{tmp_path.name}.db"  # outside the test's folder, which it lists
    with contextlib.closing(sqlite3.connect(target)) as source, contextlib.closing(sqlite3.connect(kept)) as copy:
        source.backup(copy)
    kept.chmod(target.stat().st_mode & 0o777)
    _BUILT[reports] = kept
    return cli


def _counts(url: str) -> dict[str, int]:
    return Store(url).row_counts()


def _files(folder: Path) -> set[str]:
    """The files in a folder but the source's -wal and -shm (an in-process run keeps its connection open)."""
    return {path.name for path in folder.iterdir()} - {"office.db-wal", "office.db-shm"}


@pytest.fixture
def pg_url():
    if not PG_ADMIN:
        pytest.skip("MSTRACK_TEST_PG names no PostgreSQL server")
    from tests.test_postgres import admin

    name = f"mstrack_test_{os.urandom(6).hex()}"
    admin(f"CREATE DATABASE {name}")
    yield PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_a_copy_is_renamed_into_place_whole_and_verified(tmp_path):
    cli = _source(tmp_path, 3000)
    result = cli("db", "copy", "--to", str(tmp_path / "copy.db"))
    assert result.exit_code == 0 and "verified" in result.stdout, result.output
    assert _counts(f"sqlite:///{tmp_path / 'copy.db'}") == _counts(cli.url)
    assert _counts(cli.url)["report"] > 3000
    assert _files(tmp_path) == {"office.db", "copy.db"}  # no temporary file, no -wal or -shm left beside it
    assert oct((tmp_path / "copy.db").stat().st_mode & 0o777) == "0o600"  # reporters' names: as a backup
    again = cli("db", "copy", "--to", str(tmp_path / "copy.db"))
    refused(again, "that is an SQLite database")  # never replaced, empty or not: as every -o


@pytest.mark.parametrize("name", ["office.db-wal", "office.db-shm", "office.db-journal", "hard.db", "soft.db",
                                  "other.db-wal", "other.db-journal", "to-other-wal"])
def test_the_databases_own_files_are_refused_as_a_target(tmp_path, name):
    """The source itself by another name (a hard link, a symlink), its companions, or any database's: writing
    there would destroy the data (a -wal is deleted by SQLite, or taken into the live database)."""
    cli = _source(tmp_path, 10)
    os.link(tmp_path / "office.db", tmp_path / "hard.db")
    os.symlink(tmp_path / "office.db", tmp_path / "soft.db")
    other = Store(f"sqlite:///{tmp_path / 'other.db'}")
    other.init()
    other.close()
    os.symlink(tmp_path / "other.db-wal", tmp_path / "to-other-wal")
    before, other_size = _files(tmp_path), (tmp_path / "other.db").stat().st_size
    reports = _counts(cli.url)["report"]
    result = cli("db", "copy", "--to", str(tmp_path / name))
    refused(result, f"--to {tmp_path / name}")
    assert _files(tmp_path) == before and (tmp_path / "other.db").stat().st_size == other_size
    assert _counts(cli.url)["report"] == reports and cli("db", "check").exit_code == 0


def test_a_target_that_is_not_an_empty_database_is_left_as_it_was(tmp_path):
    cli = _source(tmp_path, 10)
    text = tmp_path / "notes.db"
    text.write_text("not a database\n", encoding="utf-8")
    refused(cli("db", "copy", "--to", str(text)), "not empty")
    assert text.read_text(encoding="utf-8") == "not a database\n"
    refused(cli("db", "copy", "--to", "/dev/null"), "--to /dev/null")
    empty = tmp_path / "empty.db"
    empty.touch()
    assert cli("db", "copy", "--to", str(empty)).exit_code == 0
    assert _counts(f"sqlite:///{empty}") == _counts(cli.url)


def test_a_copy_that_fails_its_check_leaves_nothing_and_a_rerun_works(tmp_path, monkeypatch):
    cli = _source(tmp_path, 3000)
    import mstrack.store.verify as verify

    real = verify.status_rows
    calls = []  # the source's status one row short, the copy's whole
    monkeypatch.setattr(verify, "status_rows", lambda states, on: calls.append(1) or real(states, on)[len(calls) % 2:])
    target = tmp_path / "copy.db"
    refused(cli("db", "copy", "--to", str(target)), f"--to sqlite:///{target}", "status differs")
    assert _files(tmp_path) == {"office.db"}
    monkeypatch.setattr(verify, "status_rows", real)
    assert cli("db", "copy", "--to", str(target)).exit_code == 0
    assert _counts(f"sqlite:///{target}") == _counts(cli.url)


def test_counts_that_differ_are_said_with_the_sources_and_the_copys(tmp_path, monkeypatch):
    """The message printed the copy's counts twice: now the source's, then the copy's."""
    cli = _source(tmp_path, 100)
    from mstrack.store.copying import Copying

    real = Copying.copy_rows

    def one_report_short(self, source, destination):
        counts = real(self, source, destination)
        destination.exec_driver_sql("DELETE FROM report WHERE id = (SELECT max(id) FROM report)")
        return counts

    monkeypatch.setattr(Copying, "copy_rows", one_report_short)
    reports = _counts(cli.url)["report"]
    stderr = refused(cli("db", "copy", "--to", str(tmp_path / "copy.db")), "row counts differ")
    assert f"report {reports} ≠ {reports - 1}" in stderr and "batch" not in stderr, stderr
    assert _files(tmp_path) == {"office.db"}


WRITER = """
import itertools, sys, time
from typer.testing import CliRunner
from mstrack.cli import app
runner = CliRunner()
for index in itertools.count():
    result = runner.invoke(app, ["--db", sys.argv[1], "--lang", "en", "log", "yantian-2023/19", str(1000 + index), "-i",
                                 "送教上门人次", "--as-of", "2023-07-01"])
    if index == 0:
        print(result.exit_code, flush=True)
    time.sleep(float(sys.argv[2]))
"""
WRITER_PAUSE = 0.05
"""Seconds the writer rests between commits: still tens of commits within each copy (a copy takes a second or more;
_copies_while_another_process_writes checks that some landed), at a third of the CPU of a writer that never rests (it
took 12 of the SQLite test's 18.5 CPU-seconds, on the core the copy needs)."""


def _copies_while_another_process_writes(source: str, targets: list[str], check, background) -> None:
    """`db copy` run once per target while a writer in another process logs a report (a batch and its row) in one
    commit after another: each copy is whole (exit 0, its check passes, one state's counts). The writer never stops
    by itself: started by the `background` fixture, it ends with the test, or with pytest if pytest is killed."""
    env = dict(os.environ, PYTHONPATH=SRC, MSTRACK_LANG="en")
    env.pop("MSTRACK_DB", None)
    writer = background([sys.executable, "-c", WRITER, source, str(WRITER_PAUSE)], stdout=subprocess.PIPE, env=env)
    assert writer.stdout.readline().strip() == b"0"
    url = source if "://" in source else f"sqlite:///{source}"
    for target in targets:
        before = Store(url).row_counts()["batch"]
        done = subprocess.run([mstrack_executable(), "--db", source, "--lang", "en", "db", "copy", "--to", target],
                              capture_output=True, text=True, env=env, timeout=300)
        assert done.returncode == 0 and _made(done.stderr), (done.stdout, done.stderr)
        assert Store(url).row_counts()["batch"] > before + 1  # the writer committed while the copy read
        check(target, before)


def test_a_copy_is_one_snapshot_while_another_process_writes(tmp_path, background):
    cli = _source(tmp_path, 8000)
    targets = [str(tmp_path / f"copy-{index}.db") for index in range(4)]

    def check(target, before):
        copy = Cli(Path(target))
        assert copy("db", "check").exit_code == 0
        counts = _counts(copy.url)
        assert counts["batch"] >= before and counts["report"] > 8000

    _copies_while_another_process_writes(str(cli.db), targets, check, background)


@needs_pg
def test_a_postgresql_source_is_read_in_one_snapshot_while_another_process_writes(tmp_path, pg_url, background):
    cli = _source(tmp_path, 8000)
    assert cli("db", "copy", "--to", pg_url).exit_code == 0
    targets = [str(tmp_path / f"copy-{index}.db") for index in range(3)]

    def check(target, before):
        copy = Cli(Path(target))
        assert copy("db", "check").exit_code == 0
        assert _counts(copy.url)["batch"] >= before

    _copies_while_another_process_writes(pg_url, targets, check, background)


@needs_pg
def test_a_postgresql_target_is_filled_in_one_transaction(tmp_path, pg_url, monkeypatch):
    """A copy that fails its check leaves the server's database as it was (not a table made), and a rerun works;
    the copy back from there into a file is the same data."""
    cli = _source(tmp_path, 3000)
    import mstrack.store.verify as verify

    real = verify.status_rows
    calls = []
    monkeypatch.setattr(verify, "status_rows", lambda states, on: calls.append(1) or real(states, on)[len(calls) % 2:])
    refused(cli("db", "copy", "--to", pg_url), "status differs")
    assert Store(pg_url).schema_version() == 0
    monkeypatch.setattr(verify, "status_rows", real)
    assert cli("db", "copy", "--to", pg_url).exit_code == 0
    assert _counts(pg_url) == _counts(cli.url)
    back = tmp_path / "back.db"
    assert Cli(pg_url)("db", "copy", "--to", str(back)).exit_code == 0
    assert _counts(f"sqlite:///{back}") == _counts(cli.url)


INTERRUPTED = SAID["en"] + "\n"


def _interrupted_copy(source: str, target: str, after: float | None, said: float | None = None):
    """The installed script copying `source` to `target`; SIGINT `after` seconds from its start, or `said` seconds
    after its line reached the pipe. Its exit code, stdout, stderr and the seconds it took."""
    import select

    env = dict(os.environ, PYTHONPATH=SRC, MSTRACK_LANG="en")
    env.pop("MSTRACK_DB", None)
    started = time.monotonic()
    child = subprocess.Popen([mstrack_executable(), "--db", source, "--lang", "en", "db", "copy", "--to", target],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    first = b""
    deadline = started + (after if after is not None else 120)
    while not first and time.monotonic() < deadline:
        ready, _, _ = select.select([child.stdout], [], [], max(0.0, deadline - time.monotonic()))
        if ready:
            first = os.read(child.stdout.fileno(), 65536) or b"-"
    took = time.monotonic() - started
    if said is not None:
        time.sleep(said)
    if after is not None or said is not None:
        child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=300)
    return child.returncode, (first + out).decode(), err.decode(), took


def _made(err: str) -> bool:
    """stderr of a copy that made its target: the one line saying so (store50), nothing else."""
    made = ("created the store ", "created the store's tables in the server database ")  # a file; a server's (store55)
    return err.startswith(made) and err.count("\n") == 1 and err.endswith("\n")


def _ctrl_c_at_several_moments(source: str, target: str, there, remove) -> None:
    code, out, err, took = _interrupted_copy(source, target, None)
    assert code == 0 and _made(err) and there(), (out, err)
    remove()
    seen = set()
    for after, said in ((0.3, None), (0.6, None), (0.9, None), (None, 0), (None, 0.003), (None, 0.02)):
        code, out, err, _ = _interrupted_copy(source, target, None if after is None else after * took, said)
        assert (code, _made(err) if code == 0 else err, there()) in ((0, True, True), (130, INTERRUPTED, False)), (
            after, said, code, out, err)
        seen.add(code)
        remove()
    assert seen == {0, 130}


def test_ctrl_c_at_any_moment_of_a_copy_to_a_file_exits_as_the_target_says(tmp_path):
    """Exit 0 and only "created the store" on stderr ⇔ the copy is there, whole; 130 and the one interrupted line ⇔ no target and no
    temporary file beside it (a rerun works)."""
    cli = _source(tmp_path, 8000)
    target = tmp_path / "copy.db"
    whole = _counts(cli.url)

    def there() -> bool:
        left = _files(tmp_path) - {"office.db", "copy.db"}
        assert not left, left
        return target.exists() and _counts(f"sqlite:///{target}") == whole

    _ctrl_c_at_several_moments(str(cli.db), str(target), there, lambda: target.unlink(missing_ok=True))


@needs_pg
def test_ctrl_c_at_any_moment_of_a_copy_to_postgresql_exits_as_the_server_says(tmp_path, pg_url):
    cli = _source(tmp_path, 8000)
    whole = _counts(cli.url)

    def there() -> bool:
        return Store(pg_url).schema_version() != 0 and _counts(pg_url) == whole

    def remove() -> None:
        from tests.test_postgres import admin

        name = pg_url.rsplit("/", 1)[1]
        admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin(f"CREATE DATABASE {name}")

    _ctrl_c_at_several_moments(str(cli.db), pg_url, there, remove)


@needs_pg
def test_a_copy_numbers_batches_past_every_number_given_both_ways(tmp_path, pg_url):
    """SQLite → PostgreSQL → SQLite: each copy's next batch is past the highest number the source gave (store50), a
    number given to a batch since deleted at the top included."""
    cli = Cli(tmp_path / "office.db")
    assert cli("demo").exit_code == 0
    top = cli.sql("SELECT max(id) FROM batch")[0][0]
    with sqlite3.connect(cli.db) as connection:
        connection.execute(f"UPDATE sqlite_sequence SET seq = {top + 5} WHERE name = 'batch'")
    assert cli("db", "copy", "--to", pg_url).exit_code == 0
    back = tmp_path / "back.db"
    assert cli("--db", pg_url, "db", "copy", "--to", str(back)).exit_code == 0
    for copy in (Cli(pg_url), Cli(back)):
        result = copy("log", "dongguan-2023/3", "1", "--as-of", "2023-12-31", "--reason", "copy")
        assert f"(batch {top + 6}, " in result.output, result.output
