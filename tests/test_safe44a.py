"""Nothing lost, one of each (safe44a): what an SQLite --db names is checked where the store takes the file, not in the
command line only. A Store made directly (the library use), `db restore` into the default database, `db copy --to`
and a URL with ?options went around the command line's check: a FIFO hung a restore, `--to office/` and
`sqlite:///office/?timeout=3` made a file named office. And db restore's "read-only" says the cause every write
says (sqlite_file.unwritable): a read-only mount is named as one, not as "the database file is read-only"."""

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mstrack.cli import app
from mstrack.errors import InputError
from mstrack.store import Store

from .conftest import Cli, refused

pytestmark = pytest.mark.sqlite_only

NOT_A_FILE = "is not a regular file (a device, a pipe or a socket); nothing was written; give a database file"
A_DIRECTORY = "is a directory; give a database file, such as"


def in_a_process(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """mstrack (or Python) in a process of its own: a FIFO opened for reading blocks, and hung the test with it. A
    variable of `env` set to None is left out of the process's environment."""
    try:
        return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=120,
                              env={key: value for key, value in {**os.environ, **(env or {})}.items() if value is not None})
    except subprocess.TimeoutExpired:
        pytest.fail(f"hung: {args}")


def demo_backup(tmp_path: Path) -> Path:
    """A demo database's backup, made in a process of its own (no -wal or -shm left beside it)."""
    db, backup = tmp_path / "made" / "demo.db", tmp_path / "made" / "backup.db"
    db.parent.mkdir()
    for command in (["demo"], ["db", "backup", str(backup)]):
        done = in_a_process("-m", "mstrack", "--db", str(db), "--lang", "en", *command)
        assert done.returncode == 0, done.stderr
    return backup


# --- 1. a Store made directly ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("use", ["schema_version", "init", "table_counts"])
@pytest.mark.parametrize("query", ["", "?timeout=3"], ids=["plain", "with-options"])
def test_a_store_on_a_fifo_refuses_it_and_makes_nothing(tmp_path, use, query):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="is not a regular file") as raised:
        getattr(Store(f"sqlite:///{fifo}{query}"), use)()
    assert f"--db sqlite:///{fifo}{query}: {NOT_A_FILE}" == str(raised.value)
    assert os.listdir(tmp_path) == ["pipe"]  # no pipe-journal beside it


@pytest.mark.parametrize("name", ["office", "office/", "missing/", "sqlite:///office/?timeout=3"])
def test_a_store_on_a_directory_refuses_it_and_makes_nothing(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "office").mkdir()
    url = name if "://" in name else f"sqlite:///{name}"
    with pytest.raises(InputError, match=A_DIRECTORY) as raised:
        Store(url).init()
    assert str(Path(name.removeprefix("sqlite:///").partition("?")[0]) / "mstrack.db") in str(raised.value)
    assert os.listdir(tmp_path) == ["office"] and os.listdir(tmp_path / "office") == []


def test_a_store_restoring_into_a_fifo_refuses_it_and_does_not_hang(tmp_path):
    backup = demo_backup(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code = ("import sys\nfrom mstrack.errors import InputError\nfrom mstrack.store import Store\n"
            "try:\n    Store('sqlite:///' + sys.argv[1]).restore(sys.argv[2])\n"
            "except InputError as error:\n    sys.exit(str(error))\n")
    done = in_a_process("-c", code, str(fifo), str(backup))
    assert done.returncode == 1 and done.stderr.strip() == f"--db sqlite:///{fifo}: {NOT_A_FILE}", done.stderr
    assert sorted(os.listdir(tmp_path)) == ["made", "pipe"]
    assert sorted(os.listdir(backup.parent)) == ["backup.db", "demo.db"]  # no -wal or -shm left beside the backup


# --- 2. the command line: the default database, a URL's ?options, db copy --to ---------------------------------------

def test_db_restore_into_a_default_database_that_is_a_fifo_is_refused(tmp_path):
    backup = demo_backup(tmp_path)
    data = tmp_path / "data"
    default = data / "mstrack" / "mstrack.db"
    default.parent.mkdir(parents=True)
    os.mkfifo(default)
    env = {"XDG_DATA_HOME": str(data), "MSTRACK_DB": None}  # unset: a blank MSTRACK_DB is refused (fixsup57)
    done = in_a_process("-m", "mstrack", "--lang", "en", "db", "restore", str(backup), env=env)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == f"mstrack: error: the default store sqlite:///{default}: {NOT_A_FILE}"
    assert os.listdir(default.parent) == ["mstrack.db"]


@pytest.mark.parametrize("command", [["init"], ["status"], ["db", "restore", "BACKUP"]], ids=" ".join)
def test_a_url_with_options_ending_in_a_separator_is_refused_as_a_directory(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "backup.db").touch()
    command = [str(tmp_path / "backup.db") if word == "BACKUP" else word for word in command]
    result = Cli("sqlite:///office/?timeout=3")(*command)
    refused(result, f"--db sqlite:///office/?timeout=3: {A_DIRECTORY} {Path('office') / 'mstrack.db'}")
    assert sorted(os.listdir(tmp_path)) == ["backup.db"]  # no file named office


@pytest.mark.parametrize("command", [["db", "restore", "BACKUP"], ["status"]], ids=" ".join)
def test_a_url_with_options_naming_a_fifo_is_refused(tmp_path, command):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "backup.db").touch()
    command = [str(tmp_path / "backup.db") if word == "BACKUP" else word for word in command]
    refused(Cli(f"sqlite:///{fifo}?mode=rw")(*command), f"--db sqlite:///{fifo}?mode=rw: {NOT_A_FILE}")
    assert sorted(os.listdir(tmp_path)) == ["backup.db", "pipe"]


@pytest.mark.parametrize("exists", [False, True], ids=["missing", "existing"])
@pytest.mark.parametrize("spelling", ["office/", "sqlite:///office/", "sqlite:///office/?timeout=3"])
def test_db_copy_to_a_directory_is_refused_naming_to(demo_cli, tmp_path, monkeypatch, spelling, exists):
    where = tmp_path / "here"
    where.mkdir()
    monkeypatch.chdir(where)
    if exists:
        (where / "office").mkdir()
    result = demo_cli("db", "copy", "--to", spelling)
    refused(result, f"--to {spelling}: {A_DIRECTORY} {Path('office') / 'mstrack.db'}")
    assert os.listdir(where) == (["office"] if exists else [])
    assert not exists or os.listdir(where / "office") == []


def test_db_copy_to_a_fifo_is_refused_naming_to(demo_cli, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for spelling in (str(fifo), f"sqlite:///{fifo}?timeout=3"):
        refused(demo_cli("db", "copy", "--to", spelling), f"--to {spelling}: {NOT_A_FILE}")
    assert sorted(os.listdir(tmp_path)) == ["demo.db", "pipe"]


def test_the_command_lines_wording_is_kept(tmp_path):
    """--db and MSTRACK_DB as given, not the URL they make."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    refused(Cli(fifo)("status"), f"mstrack: error: --db {fifo}: {NOT_A_FILE}")
    result = CliRunner().invoke(app, ["--lang", "en", "status"], env={"MSTRACK_DB": str(fifo)})
    refused(result, f"mstrack: error: MSTRACK_DB {fifo}: {NOT_A_FILE}")
    result = CliRunner().invoke(app, ["--lang", "zh", "--db", str(tmp_path), "status"])
    refused(result, f"--db {tmp_path}：这是一个目录；请给出数据库文件，例如 {tmp_path / 'mstrack.db'}")


# --- 3. db restore onto what cannot be written: the cause every write says, the restore's own advice -----------------

@pytest.fixture
def read_only_mount(tmp_path):
    """A tmpfs holding an mstrack database with rows (full.db) and one without (empty.db), remounted read-only."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a read-only tmpfs needs root")
    backup = demo_backup(tmp_path)
    empty = tmp_path / "made" / "empty.db"
    done = in_a_process("-m", "mstrack", "--db", str(empty), "init")
    assert done.returncode == 0, done.stderr
    mount = tmp_path / "ro"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        shutil.copy(backup, mount / "full.db")
        shutil.copy(empty, mount / "empty.db")
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount, backup
    finally:
        subprocess.run(["umount", "--lazy", str(mount)], check=False)  # lazy: even if an open connection keeps it busy


ADVICE = "make it writable, or restore into a new file (--db NEW.db)"


@pytest.mark.parametrize("name", ["full.db", "empty.db"])
def test_db_restore_onto_a_read_only_mount_names_the_mount(read_only_mount, name):
    mount, backup = read_only_mount
    db = mount / name
    before = db.read_bytes()
    said = refused(Cli(db)("db", "restore", str(backup)), f"--db sqlite:///{db}: nothing restored: it is on a read-only "
                   f"mount; {ADVICE}")
    assert "the database file" not in said and "could not be written" not in said
    assert db.read_bytes() == before and sorted(os.listdir(mount)) == ["empty.db", "full.db"]


def test_db_restore_onto_an_immutable_file_names_the_file(tmp_path):
    if os.geteuid() != 0 or shutil.which("chattr") is None:
        pytest.skip("chattr +i needs root")
    backup = demo_backup(tmp_path)
    db = tmp_path / "made" / "demo.db"
    if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode:
        pytest.skip("this file system has no immutable attribute")
    try:
        before = db.read_bytes()
        refused(Cli(db)("db", "restore", str(backup)), f"--db sqlite:///{db}: nothing restored: the file is read-only "
                "for this user (its permissions, or an attribute such as immutable); " + ADVICE)
        assert db.read_bytes() == before
        assert sorted(os.listdir(db.parent)) == ["backup.db", "demo.db"]
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=False)


def test_the_restore_after_sqlites_read_only_says_the_same_cause(tmp_path, monkeypatch):
    """SQLite's SQLITE_READONLY at the restore's copy (the file made read-only after the checks): the cause from the
    one cause-finder, SQLite's own words beside it."""
    from mstrack.errors import Message
    from mstrack.store import sqlite_file

    backup = demo_backup(tmp_path)
    db = tmp_path / "target.db"
    store = Store(f"sqlite:///{db}")
    store.init()
    store.close()
    connect, asked = sqlite3.connect, []

    def read_only(path, *args, **kwargs):
        if str(path) == str(db):
            return connect(f"file:{db}?mode=ro", *args, uri=True, **kwargs)
        return connect(path, *args, **kwargs)

    def unwritable(path):  # nothing in the way before the copy; a read-only mount by the time SQLite refuses
        asked.append(path)
        return None if len(asked) == 1 else Message("it is on a read-only mount")

    monkeypatch.setattr(sqlite3, "connect", read_only)
    monkeypatch.setattr(sqlite_file, "unwritable", unwritable)
    with pytest.raises(InputError) as raised:
        Store(f"sqlite:///{db}").restore(backup)
    monkeypatch.undo()
    assert str(raised.value).startswith(f"--db sqlite:///{db}: nothing restored: it is on a read-only mount ("), raised.value
    assert str(raised.value).endswith(ADVICE) and "readonly" in str(raised.value)
    assert len(asked) == 2
