"""Nothing lost (safe43b): what is not mstrack's is never written, and odd storage is named. Another program's SQLite
database was switched to WAL (its header rewritten) before mstrack refused it as another program's; a device or a
FIFO given as --db was taken for an empty database ("disk I/O error", a NAME-journal left beside it); `--db office/`
made a file named office."""

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Cli, refused, schools_and_roads, write_plan

pytestmark = pytest.mark.sqlite_only

OTHER = "mstrack never alters another program's data: nothing was written"


def another_programs(path: Path, *, schema_version: bool = False) -> Path:
    """Another program's SQLite database, in SQLite's default (rollback journal) mode, as most programs leave it."""
    connection = sqlite3.connect(path)
    connection.execute("create table notes(id integer primary key, body text)")
    connection.execute("insert into notes(body) values ('precious')")
    if schema_version:
        connection.execute("create table schema_version(version integer)")
        connection.execute("insert into schema_version values (3)")
    connection.commit()
    connection.close()
    return path


def header_mode(path: Path) -> int:
    """Bytes 18-19 of an SQLite header: 1 for a rollback journal, 2 for WAL."""
    return path.read_bytes()[18]


def commands(tmp_path: Path) -> list[list[str]]:
    plan = write_plan(tmp_path / "p.toml", schools_and_roads())
    return [["status"], ["init"], ["log", "x-2023/1", "5", "--as-of", "2023-07-01"], ["import", "plan", str(plan)],
            ["db", "check"], ["db", "upgrade"], ["db", "backup", str(tmp_path / "copy.db")], ["demo"]]


# --- 1. another program's database: byte for byte as it was ---------------------------------------------------------

@pytest.mark.parametrize("schema_version", [False, True], ids=["no-schema-version", "its-own-schema-version"])
def test_another_programs_database_stays_byte_for_byte(tmp_path, schema_version):
    db = another_programs(tmp_path / "notes.db", schema_version=schema_version)
    before = db.read_bytes()
    assert header_mode(db) == 1
    cli = Cli(db)
    for command in commands(tmp_path):
        said = refused(cli(*command), OTHER)
        assert "notes" in said, command
        assert db.read_bytes() == before, command  # its header too: not switched to WAL, its change counter as it was
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.db", "p.toml"]
    assert sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute("pragma journal_mode").fetchone()[0] == "delete"


def test_an_mstrack_database_in_rollback_mode_is_still_switched_to_wal(tmp_path):
    """An mstrack database copied in rollback-journal mode (another tool's copy) is mstrack's: its writes go on in WAL."""
    made = tmp_path / "made.db"
    assert Cli(made)("demo").exit_code == 0
    db = tmp_path / "t.db"
    source, connection = sqlite3.connect(made), sqlite3.connect(db)
    source.backup(connection)
    connection.execute("pragma journal_mode = delete")
    source.close()
    connection.close()
    cli = Cli(db)
    assert header_mode(db) == 1
    result = cli("log", "yantian-2023/19", "5", "-i", "送教上门人次", "--as-of", "2023-07-01")
    assert result.exit_code == 0, result.output
    assert header_mode(db) == 2


def test_an_empty_file_becomes_an_mstrack_database_in_wal(tmp_path):
    db = tmp_path / "t.db"
    db.touch()
    assert Cli(db)("init").exit_code == 0
    assert header_mode(db) == 2


# --- 2. a device or a FIFO: refused by name, nothing written beside it ----------------------------------------------

def odd_files(tmp_path: Path) -> list[Path]:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link = tmp_path / "link.db"
    link.symlink_to(fifo)
    found = [fifo, link]
    if os.geteuid() == 0:  # a copy of /dev/null in the test's own folder
        null = tmp_path / "null"
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        found.append(null)
    return found


@pytest.mark.parametrize("command", [["status"], ["demo"], ["init"], ["db", "check"]], ids=" ".join)
def test_a_device_or_fifo_is_refused_by_name(tmp_path, command):
    paths = odd_files(tmp_path)
    before = sorted(os.listdir(tmp_path))
    for path in paths:
        said = refused(Cli(path)(*command), f"--db {path}: is not a regular file")
        assert "no mstrack data here yet" not in said and "disk I/O" not in said
        assert sorted(os.listdir(tmp_path)) == before  # no NAME-journal beside it
        assert not stat.S_ISREG(os.stat(path).st_mode)


def test_a_directory_is_still_refused_as_one(tmp_path):
    refused(Cli(tmp_path)("status"), f"--db {tmp_path}: is a directory; give a database file", str(tmp_path / "mstrack.db"))


# --- 3. a path ending in a separator names a directory ----------------------------------------------------------------

@pytest.mark.parametrize("command", [["demo"], ["init"], ["status"]], ids=" ".join)
@pytest.mark.parametrize("exists", [False, True], ids=["missing", "existing"])
def test_a_path_ending_in_a_separator_is_refused_as_a_directory(tmp_path, monkeypatch, command, exists):
    monkeypatch.chdir(tmp_path)
    if exists:
        (tmp_path / "office").mkdir()
    result = Cli("office/")(*command)
    refused(result, "--db office/: is a directory; give a database file", str(Path("office") / "mstrack.db"))
    assert (tmp_path / "office").is_dir() if exists else not (tmp_path / "office").exists()
    assert sorted(os.listdir(tmp_path)) == (["office"] if exists else [])


# --- 4. read-only storage: the cause named, the older schema's advice kept, nothing left beside it ---------------------

def made_apart(tmp_path: Path) -> tuple[Path, Path]:
    """A demo database at this schema and an empty one of the schema before, made in a process of their own (closed:
    no -wal or -shm left beside them)."""
    current, older = tmp_path / "cur.db", tmp_path / "old.db"
    code = ("import sys\nfrom mstrack.cli import app\nfrom mstrack.store import SCHEMA_VERSION, Store\n"
            "store = Store('sqlite:///' + sys.argv[2]); store.init(upto=SCHEMA_VERSION - 1); store.close()\n"
            "sys.argv = ['mstrack', '--db', sys.argv[1], 'demo']\napp()")
    done = subprocess.run([sys.executable, "-c", code, str(current), str(older)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert sorted(os.listdir(tmp_path)) == ["cur.db", "old.db"]
    return current, older


@pytest.fixture
def read_only_mount(tmp_path):
    """cur.db and old.db on a tmpfs remounted read-only (root only)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a read-only tmpfs needs root")
    made = tmp_path / "made"
    made.mkdir()
    current, older = made_apart(made)
    mount = tmp_path / "ro"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        shutil.copy(current, mount)
        shutil.copy(older, mount)
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount
    finally:
        subprocess.run(["umount", "--lazy", str(mount)], check=False)  # lazy: even if an open connection keeps it busy


READ_ONLY_MOUNT = "cannot be written: it is on a read-only mount; nothing was written"


def test_read_only_mount_names_the_mount(read_only_mount, tmp_path):
    current, older = read_only_mount / "cur.db", read_only_mount / "old.db"
    before = {path: path.read_bytes() for path in (current, older)}
    cli, old = Cli(current), Cli(older)
    assert cli("status", "--as-of", "2023-07-01").exit_code == 0
    checked = cli("db", "check")
    assert checked.exit_code == 0 and checked.exception is None, checked.output
    refused(cli("log", "yantian-2023/19", "5", "-i", "送教上门人次", "--as-of", "2023-07-01"), READ_ONLY_MOUNT)
    # the older schema: its own advice, its copy taken, its upgrade refused with the cause
    said = refused(old("status"), "was made by an older mstrack", "db backup")
    assert "unable to open" not in said
    copy = tmp_path / "copy.db"
    backed = old("db", "backup", str(copy))
    assert backed.exit_code == 0 and backed.exception is None, backed.output
    assert sqlite3.connect(copy).execute("select max(version) from schema_version").fetchone()[0] > 0
    for command in (["db", "upgrade"], ["init"]):
        said = refused(old(*command), READ_ONLY_MOUNT)
        assert "init upgrades it now" not in said
    assert {path: path.read_bytes() for path in (current, older)} == before
    assert sorted(os.listdir(read_only_mount)) == ["cur.db", "old.db"]


def test_an_immutable_older_database_is_said_to_be_read_only_once(tmp_path):
    if os.geteuid() != 0 or shutil.which("chattr") is None:
        pytest.skip("chattr +i needs root")
    _, older = made_apart(tmp_path)
    if subprocess.run(["chattr", "+i", str(older)], capture_output=True).returncode:
        pytest.skip("this file system has no immutable attribute")
    try:
        cli = Cli(older)
        said = refused(cli("status"), "was made by an older mstrack", "db backup")
        assert sorted(os.listdir(tmp_path)) == ["cur.db", "old.db"]
        for command in (["init"], ["db", "upgrade"]):
            said = refused(cli(*command), "cannot be written: the file is read-only for this user")
            assert "init upgrades it now" not in said and "may only read here" not in said
            assert sorted(os.listdir(tmp_path)) == ["cur.db", "old.db"]  # no empty -wal or -shm beside it
        backed = cli("db", "backup", str(tmp_path / "copy.db"))
        assert backed.exit_code == 0 and backed.exception is None, backed.output
    finally:
        subprocess.run(["chattr", "-i", str(older)], check=False)


def test_another_programs_database_on_a_read_only_mount_is_said_to_be_theirs(tmp_path):
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a read-only tmpfs needs root")
    mount = tmp_path / "ro"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        db = another_programs(mount / "notes.db")
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        for command in commands(tmp_path):
            said = refused(Cli(db)(*command), OTHER)
            assert "read-only mount" not in said, command
    finally:
        subprocess.run(["umount", "--lazy", str(mount)], check=False)  # lazy: even if an open connection keeps it busy


def test_a_read_only_older_database_is_said_to_be_read_only(tmp_path):
    """The same by the file's mode, for a user who is not root (root writes a 0444 file)."""
    _, older = made_apart(tmp_path)
    older.chmod(0o444)
    if os.access(older, os.W_OK):
        pytest.skip("this user (root) may write a read-only file")
    cli = Cli(older)
    for command in (["init"], ["db", "upgrade"], ["status"]):
        said = refused(cli(*command))
        assert "init upgrades it now" not in said and "may only read here" not in said
        assert ("was made by an older mstrack" if command == ["status"] else
                "cannot be written: the file is read-only for this user") in said
        assert sorted(os.listdir(tmp_path)) == ["cur.db", "old.db"]  # no empty -wal or -shm beside it


def test_a_folder_that_cannot_be_written_is_named(tmp_path):
    folder = tmp_path / "office"
    folder.mkdir()
    current, _ = made_apart(folder)
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("this user (root) may write a read-only folder")
        cli = Cli(current)
        assert cli("status", "--as-of", "2023-07-01").exit_code == 0
        refused(cli("log", "yantian-2023/19", "5", "-i", "送教上门人次", "--as-of", "2023-07-01"),
                f"cannot be written: its folder {folder} cannot be written by this user")
        assert sorted(os.listdir(folder)) == ["cur.db", "old.db"]
    finally:
        folder.chmod(0o755)


def test_a_reads_left_files_stay_while_another_connection_has_them_open(tmp_path):
    """The -wal and -shm a read made beside a database it cannot write are removed after it, unless a connection
    has opened them meanwhile (a writer that connected during the read, here another process): removing the -shm
    under it would let the next connection make a second index of the same WAL."""
    from mstrack.store.sqlite_file import remove_left_beside

    db = tmp_path / "shared.db"
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE t (a)")
    connection.commit()
    connection.close()  # the last connection: its -wal checkpointed and removed
    beside = (tmp_path / "shared.db-wal", tmp_path / "shared.db-shm")
    holder = subprocess.Popen([sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
                               " c.execute('SELECT * FROM t').fetchall(); print('open', flush=True); sys.stdin.read()", str(db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        assert beside[1].exists() and beside[0].stat().st_size == 0
        remove_left_beside(beside)
        assert beside[0].exists() and beside[1].exists()  # kept: the other process still has them open
    finally:
        holder.kill()  # gone without closing: its locks released, its empty -wal and -shm left behind
        holder.wait()
    assert beside[0].exists() and beside[1].exists()
    remove_left_beside(beside)
    assert not beside[0].exists() and not beside[1].exists()  # no connection left: removed
