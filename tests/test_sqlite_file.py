"""The SQLite file itself (safe26a): a full disk says so, another program's database is never altered, a
database moved or replaced while a write runs is not written, and a -wal left by a moved file is not replayed
into another."""

import contextlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mstrack.store import connections

from .conftest import Cli

sqlite_only = pytest.mark.sqlite_only


def csv_of(cli: Cli, path: Path, rows: int) -> Path:
    """`rows` reports of the demo's quantity indicators, one date after another."""
    from .conftest import big_csv

    big_csv(cli, path, rows)
    return path


def count(db: Path, table: str) -> int:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@sqlite_only
def test_a_full_disk_is_said_not_the_rollback_that_follows(demo_cli, tmp_path, monkeypatch):
    """SQLite ends the transaction itself when the disk is full; the ROLLBACK after it failed in turn, and its
    "cannot rollback - no transaction is active" was all the user saw. The file's size capped by max_page_count."""
    source = csv_of(demo_cli, tmp_path / "big.csv", 40_000)
    batches = count(demo_cli.db, "batch")
    with contextlib.closing(sqlite3.connect(demo_cli.db)) as connection:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
    pragmas = connections._sqlite_pragmas

    def capped(connection, record):
        pragmas(connection, record)
        connection.execute(f"PRAGMA max_page_count = {pages + 20}")

    monkeypatch.setattr(connections, "_sqlite_pragmas", capped)
    result = demo_cli("import", "progress", str(source))
    assert result.exit_code == 2, result.output
    assert "database or disk is full" in result.output
    assert "cannot rollback" not in result.output
    assert "nothing was written" in result.output
    monkeypatch.setattr(connections, "_sqlite_pragmas", pragmas)
    assert count(demo_cli.db, "batch") == batches
    assert demo_cli.sql("PRAGMA integrity_check") == [("ok",)]


def _tmpfs(where: Path, size: str) -> bool:
    where.mkdir()
    if os.geteuid() != 0:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True).returncode == 0


@sqlite_only
def test_a_real_full_disk_is_said_by_the_installed_script(demo_cli, tmp_path):
    """The same on a real small file system (a tmpfs, where the tests may mount one)."""
    disk = tmp_path / "disk"
    if not _tmpfs(disk, "1500k"):
        pytest.skip("no tmpfs can be mounted here (not root)")
    try:
        db = disk / "office.db"
        db.write_bytes(Path(demo_cli.db).read_bytes())
        source = csv_of(demo_cli, tmp_path / "big.csv", 60_000)
        mstrack = Path(sys.executable).parent / "mstrack"
        done = subprocess.run([str(mstrack), "--db", str(db), "--lang", "en", "import", "progress", str(source)],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 2, done.stderr
        assert "database or disk is full" in done.stderr
        assert "cannot rollback" not in done.stderr
        assert count(db, "report") == count(Path(demo_cli.db), "report")
    finally:
        subprocess.run(["umount", "--lazy", str(disk)], check=True)


def schema_and_rows(db: Path) -> tuple[list, list]:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return (connection.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall(),
                connection.execute("SELECT * FROM task").fetchall())


@sqlite_only
@pytest.mark.parametrize("command", [["init"], ["demo"], ["db", "upgrade"],
                                     ["log", "x-2023/1", "5", "--as-of", "2023-06-30"]])
def test_another_programs_database_is_never_altered(tmp_path, command):
    """A file of another program's (its own task and unit tables, no schema_version): init added 15 tables and a
    column to its task table, and said "schema version 0 → 8"; now every write refuses it, exit 2, naming the file
    and its tables, and the file is byte for byte as it was."""
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as connection:
        connection.executescript("CREATE TABLE task (id INTEGER PRIMARY KEY, name TEXT);"
                                 "CREATE TABLE unit (id INTEGER PRIMARY KEY, name TEXT);"
                                 "INSERT INTO task (name) VALUES ('其他程序的数据');")
    before = schema_and_rows(db)
    result = Cli(db)(*command)
    assert result.exit_code == 2, result.output
    assert str(db) in result.output
    assert "another program" in result.output and "task, unit" in result.output
    assert "→" not in result.output
    assert schema_and_rows(db) == before


@sqlite_only
def test_an_empty_file_is_still_made_an_mstrack_database(tmp_path):
    db = tmp_path / "empty.db"
    db.touch()
    result = Cli(db)("init")
    assert result.exit_code == 0, result.output
    assert "0 → " in result.output
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT max(version) FROM schema_version").fetchone()[0] > 0


LOG = ("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30")


def integrity(db: Path) -> str:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def moved_midway(monkeypatch, module, db: Path, replace: Path | None = None):
    """The write's file renamed just before its commit (its confirmation, the last step), and maybe another
    file copied in under its name (a backup put back)."""
    first = module.confirm_before_commit

    def moving(confirm, result):
        db.rename(db.with_name("moved.db"))
        if replace is not None:
            db.write_bytes(replace.read_bytes())
        first(confirm, result)

    monkeypatch.setattr(module, "confirm_before_commit", moving)


@sqlite_only
@pytest.mark.parametrize("backup_put_back", [False, True])
def test_a_database_moved_during_a_write_is_not_written(demo_cli, tmp_path, monkeypatch, backup_put_back):
    """`mv office.db new.db` (or a backup copied over it) while a write runs: the write went on into the moved
    file and exited 0, its -wal under the old name; now it rolls back, exit 2, saying so and what to remove."""
    from mstrack.store import writes

    db = Path(demo_cli.db)
    backup = tmp_path / "backup.db"
    backup.write_bytes(db.read_bytes())
    reports = count(db, "report")
    moved_midway(monkeypatch, writes, db, backup if backup_put_back else None)
    result = demo_cli(*LOG)
    assert result.exit_code == 2, result.output
    assert "moved, replaced or deleted while this write ran" in result.output and "nothing was written" in result.output
    assert f"{db}-wal" in result.output
    moved = db.with_name("moved.db")
    assert count(moved, "report") == reports and integrity(moved) == "ok"
    if backup_put_back:
        assert db.read_bytes() == backup.read_bytes()


@sqlite_only
def test_a_plan_import_through_the_orm_checks_its_file_too(demo_cli, tmp_path, monkeypatch):
    from mstrack.store import plans

    from .conftest import write_plan

    db = Path(demo_cli.db)
    batches = count(db, "batch")
    moved_midway(monkeypatch, plans, db)
    body = '[[tasks]]\ncode = "1"\ntitle = "新增床位"\n[[tasks.lines]]\nlead_units = ["市卫生健康委"]\n'
    result = demo_cli("import", "plan", str(write_plan(tmp_path / "x.toml", body)))
    assert result.exit_code == 2, result.output
    assert "moved, replaced or deleted while this write ran" in result.output
    moved = db.with_name("moved.db")
    assert count(moved, "batch") == batches and integrity(moved) == "ok"


def holds(pid: int, path: Path) -> bool:
    """Whether the process has the file open (Linux: its /proc/PID/fd links)."""
    folder = Path(f"/proc/{pid}/fd")
    with contextlib.suppress(OSError):
        return any(os.path.realpath(link) == str(path.resolve()) for link in folder.iterdir())
    return False


def holds_for_a_second(pid: int, path: Path) -> bool:
    """Open now and still a second later: a write's connection waiting for the lock, not a read's passing by."""
    if not holds(pid, path):
        return False
    time.sleep(1)
    return holds(pid, path)


@sqlite_only
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see the file open")
def test_a_database_moved_while_a_write_waits_for_the_lock_is_not_written(demo_cli, tmp_path):
    """The installed script, waiting for the write lock another connection holds, while the file is renamed
    (the tester's `mv` during a long import): given the lock, it finds the name names no file it opened."""
    db = Path(demo_cli.db)
    reports = count(db, "report")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    mstrack = Path(sys.executable).parent / "mstrack"
    env = {**os.environ, "MSTRACK_BUSY_TIMEOUT": "60", "HOME": str(tmp_path)}
    waiting = subprocess.Popen([str(mstrack), "--db", str(db), "--lang", "en", *LOG], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        while not holds_for_a_second(waiting.pid, db):  # it opened the file and waits for the lock
            assert time.monotonic() < deadline and waiting.poll() is None, waiting.communicate()
            time.sleep(0.05)
        db.rename(db.with_name("moved.db"))
        holder.execute("COMMIT")
        holder.close()
        out, err = waiting.communicate(timeout=120)
    finally:
        if waiting.poll() is None:
            waiting.kill()
    assert waiting.returncode == 2, (out, err)
    assert "moved, replaced or deleted while this write ran" in err
    moved = db.with_name("moved.db")
    assert count(moved, "report") == reports and integrity(moved) == "ok"


def test_another_programs_tables_are_refused_on_every_store(cli):
    """The same on PostgreSQL (in its run): a schema with tables of its own is never migrated into."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(cli.url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE task (id INTEGER PRIMARY KEY, name VARCHAR)"))
        connection.execute(text("INSERT INTO task (id, name) VALUES (1, 'x')"))
    engine.dispose()
    result = cli("init")
    assert result.exit_code == 2, result.output
    assert "another program's tables (task)" in result.output
    for read in (["status"], ["batches"], ["db", "check"]):  # a read says whose it is, not "run mstrack init"
        result = cli(*read)
        assert result.exit_code == 2, (read, result.output)
        assert "another program's tables (task)" in result.output and "mstrack init" not in result.output, (read, result.output)
    assert cli.sql("SELECT * FROM task") == [(1, "x")]
    assert "schema_version" not in {name for (name,) in cli.sql(
        "SELECT name FROM sqlite_master" if cli.url.startswith("sqlite") else
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")}


# --- every spelling of the file's URL is the same file (safe28b) ------------------------------------------------

def test_every_spelling_of_an_sqlite_url_names_one_file(tmp_path):
    """urls.sqlite_file, the one reading every check of the file uses: a driver named, SQLAlchemy's ?options and a
    file: URI (uri=true) name the file itself; an option kept in the name made a stray "o.db?timeout=30"."""
    from mstrack.store.urls import sqlite_file

    db = tmp_path / "o x.db"
    for url in (f"sqlite:///{db}", f"sqlite:///{db}?timeout=30", f"sqlite+pysqlite:///{db}",
                f"sqlite+pysqlite:///{db}?timeout=30&check_same_thread=false", f"sqlite:///file:{db}?mode=ro&uri=true",
                f"sqlite:///file://{str(db).replace(' ', '%20')}?uri=true"):
        assert sqlite_file(url) == db, url
    assert sqlite_file("sqlite:///o.db?timeout=30") == Path("o.db")
    for url in ("sqlite://", "sqlite:///:memory:", "sqlite:///file:m?mode=memory&uri=true", "postgresql://h/db",
                "postgresql+psycopg://u@h/db?sslmode=require"):
        assert sqlite_file(url) is None, url


SPELLINGS = ("sqlite:///{db}?timeout=30", "sqlite+pysqlite:///{db}", "sqlite:///file:{db}?uri=true")


@sqlite_only
@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_new_file_is_private_whatever_its_url(tmp_path, spelling):
    """Made 0600 (the query was kept in its name and sqlite+pysqlite made 0644), and no stray file beside it."""
    db = tmp_path / "o.db"
    result = Cli(spelling.format(db=db))("init")
    assert result.exit_code == 0, result.output
    assert db.stat().st_mode & 0o777 == 0o600
    assert sorted(path.name for path in tmp_path.iterdir() if not path.name.startswith("o.db-")) == ["o.db"]


@sqlite_only
@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize("backup_put_back", [False, True])
def test_a_database_moved_during_a_write_is_not_written_whatever_its_url(demo_cli, tmp_path, monkeypatch, spelling,
                                                                          backup_put_back):
    """The moved-file check on every spelling: ?timeout=30 and sqlite+pysqlite skipped it, exit 0, the -wal left
    beside the file put back, which then read malformed."""
    from mstrack.store import writes

    db = Path(demo_cli.db)
    backup = tmp_path / "backup.db"
    backup.write_bytes(db.read_bytes())
    reports = count(db, "report")
    moved_midway(monkeypatch, writes, db, backup if backup_put_back else None)
    result = Cli(spelling.format(db=db))(*LOG)
    assert result.exit_code == 2, result.output
    assert "moved, replaced or deleted while this write ran" in result.output
    moved = db.with_name("moved.db")
    assert count(moved, "report") == reports and integrity(moved) == "ok"
    if backup_put_back:
        assert db.read_bytes() == backup.read_bytes() and integrity(db) == "ok"


# --- a full disk's leftovers (safe28b) ---------------------------------------------------------------------------

@sqlite_only
def test_a_writer_note_that_cannot_be_written_is_not_left(demo_cli, monkeypatch):
    """A full disk makes the note (an inode) but not its text: the 0-byte o.db-writer stayed after every write."""
    import errno

    from mstrack.store import sqlite_file

    def no_space(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sqlite_file.json, "dump", no_space)
    db = Path(demo_cli.db)
    result = demo_cli(*LOG)
    assert result.exit_code == 0, result.output
    assert not db.with_name(db.name + "-writer").exists()


def _capped(monkeypatch, db: Path) -> None:
    """Every connection's file capped 500 pages above its size: a large write fails "database or disk is full", its
    page cache kept small so that it spills into the -wal first, as a real write of 100,000 rows does."""
    with contextlib.closing(sqlite3.connect(db)) as connection:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
    pragmas = connections._sqlite_pragmas

    def capped(connection, record):
        pragmas(connection, record)
        connection.execute(f"PRAGMA max_page_count = {pages + 500}")
        connection.execute("PRAGMA cache_size = 10")

    monkeypatch.setattr(connections, "_sqlite_pragmas", capped)


@sqlite_only
def test_a_full_disk_leaves_no_wal_while_another_process_has_the_file_open(demo_cli, tmp_path, monkeypatch):
    """The pages rolled back stayed in a -wal as large as they made it (the disk 100 % full) while another
    connection kept the file open (its close, not the last, does not empty it): now truncated at the refusal."""
    db = Path(demo_cli.db)
    source = csv_of(demo_cli, tmp_path / "big.csv", 40_000)
    other = sqlite3.connect(db)
    try:
        other.execute("SELECT count(*) FROM report").fetchone()
        _capped(monkeypatch, db)
        result = demo_cli("import", "progress", str(source))
        assert result.exit_code == 2, result.output
        assert "database or disk is full" in result.output and "nothing was written" in result.output
        assert "whatever this command printed above" in result.output  # a summary printed before a failed commit
        wal = Path(f"{db}-wal")
        assert not wal.exists() or wal.stat().st_size == 0, wal.stat().st_size
        assert not db.with_name(db.name + "-writer").exists()
    finally:
        other.close()


@sqlite_only
def test_a_full_disk_says_how_to_free_a_wal_a_reader_holds(demo_cli, tmp_path, monkeypatch):
    """A reader inside its read transaction keeps the -wal from being emptied: the refusal names it and when it
    empties."""
    db = Path(demo_cli.db)
    source = csv_of(demo_cli, tmp_path / "big.csv", 40_000)
    reader = sqlite3.connect(db, isolation_level=None)  # open from here on: the -wal is not emptied at each close
    try:
        reader.execute("BEGIN")  # a snapshot from before the log: its commit stays in the -wal (safe48c: a write
        reader.execute("SELECT count(*) FROM report").fetchone()  # folds its commit into the file where it can)
        assert demo_cli(*LOG).exit_code == 0  # committed pages in the -wal
        _capped(monkeypatch, db)
        result = demo_cli("import", "progress", str(source))
        assert result.exit_code == 2, result.output
        assert "database or disk is full" in result.output and f"{db}-wal is left at" in result.output
        assert "never delete or move it" in result.output and "rolled back" not in result.output
    finally:
        reader.close()
    assert integrity(db) == "ok"


@sqlite_only
def test_a_home_folder_in_a_url_is_the_one_file_read_and_written(tmp_path, monkeypatch):
    """sqlite:///~/t4.db: reads and file checks expanded ~, writes opened ./~/t4.db (init failed after making an
    empty file in the home folder). The URL is spelled out once; every connection opens that file."""
    from mstrack.store import Store
    from mstrack.store.urls import sqlite_file, with_home

    home, elsewhere = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    elsewhere.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(elsewhere)
    assert with_home("sqlite:///~/t4.db") == f"sqlite:///{home}/t4.db"
    assert sqlite_file(with_home("sqlite:///file:~/t4.db?uri=true")) == home / "t4.db"
    store = Store("sqlite:///~/t4.db")
    store.init()
    assert not (elsewhere / "~").exists()
    assert count(home / "t4.db", "schema_version") > 0
    assert store.schema_version() > 0


@sqlite_only
def test_a_read_on_a_full_disk_says_the_disk_is_full(demo_cli, monkeypatch):
    """SQLite cannot make the -shm a read needs on a full disk and says "disk I/O error" (safety29: `batches` said
    "cannot open the database: disk I/O error"): said as the full disk it is, where its folder has no space left."""
    import collections

    real_connect = sqlite3.connect

    def failing(*args, **kwargs):
        error = sqlite3.OperationalError("disk I/O error")
        error.sqlite_errorname = "SQLITE_IOERR_SHMOPEN"
        raise error

    full = collections.namedtuple("statvfs", "f_bfree f_bavail f_frsize")(0, 0, 4096)
    monkeypatch.setattr(os, "statvfs", lambda path: full)
    monkeypatch.setattr(connections.sqlite3, "connect", failing)
    result = demo_cli("batches")
    monkeypatch.setattr(connections.sqlite3, "connect", real_connect)
    assert result.exit_code == 2, result.output
    assert "disk is full" in result.output and "disk I/O error" in result.output
