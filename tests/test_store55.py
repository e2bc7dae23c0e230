"""store55: the store's promises docs/testing.md listed as not yet pinned by a hand mutation (`db restore`'s kept copy,
migrations in one transaction), `report --freeze -o` killed between its freeze and its rename, `db copy` by the
writer role, a bare `undo` of a batch from before database roles, and `init`'s words for each store it meets."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from mstrack.store import SCHEMA_VERSION, Store

from .conftest import BACKEND, PG_ADMIN, ROOT, Cli, _admin, _pg_database, _pg_url, done, plan_task, plan_tasks, refused, write_plan


def _plan(cli: Cli, tmp_path: Path) -> None:
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml", plan_tasks(
        plan_task("1", "新建充电桩", "市住建局", "充电桩", "个", 100000))))))


def _reports(cli: Cli) -> int:
    return cli.sql("SELECT count(*) FROM report")[0][0]


# --- 1. `db restore` keeps what it replaces (docs/testing.md: backups.py, the kept copy) ------------------------------

@pytest.mark.sqlite_only  # db restore is an SQLite file's (a server's is pg_restore)
def test_a_restore_of_the_wrong_backup_keeps_what_it_replaced_and_that_copy_puts_it_back(cli, tmp_path):
    """The office's writes since an older backup are replaced by a restore of it (a wrong backup, swapped arguments):
    the copy kept beside the database holds every one of them, and restoring that copy brings them back. Without the
    copy (backups.py `kept.append(keep_before_restore(…))` taken out) the restore still exits 0, and they are lost."""
    _plan(cli, tmp_path)
    done(cli("log", "x-2023/1", "10", "--as-of", "2023-03-31"))
    old = tmp_path / "old.bak"
    done(cli("db", "backup", str(old)))
    for value, day in (("20", "2023-04-30"), ("30", "2023-05-31")):
        done(cli("log", "x-2023/1", value, "--as-of", day))
    latest = cli.sql("SELECT value FROM report ORDER BY id")
    assert _reports(cli) == 3
    restored = cli("db", "restore", str(old))
    done(restored)
    kept = sorted(Path(cli.db).parent.glob(f"{Path(cli.db).name}.before-restore-*"))
    assert len(kept) == 1 and str(kept[0].name) in restored.output, restored.output
    assert _reports(cli) == 1
    assert Cli(kept[0]).sql("SELECT value FROM report ORDER BY id") == latest
    done(cli("db", "restore", str(kept[0])))
    assert cli.sql("SELECT value FROM report ORDER BY id") == latest


# --- 1. each migration with its schema_version row in one transaction (store/maintenance.py init) -------------------

def test_a_migration_whose_version_row_is_not_committed_leaves_nothing_of_it(cli):
    """An upgrade that fails once a migration's statements ran, at its row in schema_version (`init > /dev/full`: the
    confirmation before the commit cannot be printed), keeps none of the migration: a migration committed apart from
    its row would be run again by the next upgrade (here: "duplicate column next_steps"), the store stuck at 4."""
    store = Store(cli.url)
    assert store.init(upto=4) == (0, 4)

    def full(versions) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        store.init(confirm=full)
    store.close()
    assert cli.sql("SELECT max(version) FROM schema_version") == [(4,)]
    columns = ("SELECT count(*) FROM pragma_table_info('task') WHERE name = 'next_steps'" if BACKEND == "sqlite" else
               "SELECT count(*) FROM information_schema.columns WHERE table_name = 'task' AND column_name = 'next_steps'")
    assert cli.sql(columns) == [(0,)]
    upgraded = cli("db", "upgrade")
    done(upgraded)
    assert f"schema version 4 → {SCHEMA_VERSION}" in upgraded.stdout
    assert cli.sql(columns) == [(1,)]


# --- 2. report --freeze -o killed between its freeze and its rename ---------------------------------------------------

KILLED_AFTER_THE_FREEZE = """
import os, signal, sys
from mstrack.store.writes import Writes

real = Writes.freeze

def freeze(self, *args, **kwargs):
    number = real(self, *args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)  # committed; the file not renamed into place yet

Writes.freeze = freeze
sys.argv = ["mstrack", *sys.argv[1:]]
from mstrack.entry import main
main()
"""


def test_a_freeze_killed_before_its_file_is_renamed_is_made_whole_by_the_rerun_not_frozen_twice(demo_cli, tmp_path):
    """SIGKILL between the freeze's commit and the file's rename: the report is frozen, the file not there, its
    partial copy left. The same command again writes the file and does not freeze the report a second time (it
    says so); a rerun after a kill before the commit freezes it as usual, and a rerun with nothing left behind too."""
    output = tmp_path / "weekly.md"
    words = ["--db", str(demo_cli.db), "--lang", "en", "report", "weekly", "--as-of", "2023-07-01", "--freeze", "-o",
             str(output)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    killed = subprocess.run([sys.executable, "-c", KILLED_AFTER_THE_FREEZE, *words], capture_output=True, text=True,
                            env=env, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert "frozen as report 1:" in killed.stderr and not output.exists()
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".part")]  # the copy the kill left
    assert demo_cli.sql("SELECT count(*) FROM report_snapshot") == [(1,)]
    again = demo_cli(*words[4:])
    done(again)
    assert "frozen as report 1 by an earlier run of this command, stopped before its file was in place" in again.stderr
    assert demo_cli.sql("SELECT count(*) FROM report_snapshot") == [(1,)]
    assert output.exists() and not [path for path in tmp_path.iterdir() if path.name.endswith(".part")]
    (content,) = demo_cli.sql("SELECT content FROM report_snapshot")[0]
    third = demo_cli(*words[4:])  # nothing left behind: frozen again, as any run
    done(third)
    assert "frozen as report 2:" in third.stderr
    assert demo_cli.sql("SELECT content FROM report_snapshot ORDER BY id") == [(content,), (content,)]


def test_a_stale_copy_older_than_the_latest_freeze_is_no_freeze_of_its_run(demo_cli, tmp_path):
    """A partial copy left by a run killed before its commit (written after the latest freeze of that report, which
    is an earlier run's): the rerun freezes, the earlier freeze being no one's made by the run that left the copy."""
    output = tmp_path / "weekly.md"
    words = ["report", "weekly", "--as-of", "2023-07-01", "--freeze", "-o", str(output)]
    done(demo_cli(*words))
    output.unlink()
    part = tmp_path / ".weekly.md.abcdefgh.part"
    part.write_text("half", encoding="utf-8")
    again = demo_cli(*words)
    done(again)
    assert "frozen as report 2:" in again.stderr and "not frozen again" not in again.stderr
    assert demo_cli.sql("SELECT count(*) FROM report_snapshot") == [(2,)] and not part.exists()


# --- 3. batch numbers after a restore by the server's own tools -------------------------------------------------------

@pytest.mark.skipif(not PG_ADMIN or not shutil.which("pg_restore"), reason="a PostgreSQL server and its pg_dump, pg_restore")
def test_a_pg_restore_gives_the_numbers_since_the_dump_again_unless_the_owner_sets_them_as_the_doc_says(tmp_path):
    """docs/cli.md: a batch number is never given again, on PostgreSQL but for a restore by its own tools: the restored
    sequence is the dump's, so the numbers given after the dump are given again (nothing in the database is left to
    tell); docs/deployment.md §6's two psql lines (the last number noted before, set after) keep them given once."""
    name = _pg_database()
    url = _pg_url(name)
    cli, libpq = Cli(url), "postgresql://" + url.removeprefix("postgresql+psycopg://")
    dump = tmp_path / "mstrack.dump"
    try:
        _plan(cli, tmp_path)
        done(cli("log", "x-2023/1", "10", "--as-of", "2023-03-31"))
        subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", libpq], check=True, capture_output=True)
        for value, day in (("20", "2023-04-30"), ("30", "2023-05-31")):
            done(cli("log", "x-2023/1", value, "--as-of", day))
        assert cli.sql("SELECT last_value FROM batch_id_seq") == [(4,)]  # the doc's "before" line: 4 noted
        restore = ["pg_restore", "--clean", f"--dbname={libpq}", str(dump)]
        subprocess.run(restore, check=True, capture_output=True)
        done(cli("log", "x-2023/1", "40", "--as-of", "2023-06-30"))
        assert cli.sql("SELECT max(id) FROM batch") == [(3,)]  # 3 given again: the limit the doc says
        subprocess.run(restore, check=True, capture_output=True)
        cli.sql("SELECT setval('batch_id_seq', 4)")  # the doc's "after" line (a setval stays: no rollback undoes it)
        done(cli("log", "x-2023/1", "40", "--as-of", "2023-06-30"))
        assert cli.sql("SELECT id FROM batch ORDER BY id") == [(1,), (2,), (5,)]
    finally:
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# --- 4. db copy as the writer role ------------------------------------------------------------------------------------

@pytest.mark.skipif(not PG_ADMIN, reason="MSTRACK_TEST_PG names no PostgreSQL server")
def test_db_copy_as_the_writer_is_refused_naming_the_owner_not_a_dump(tmp_path):
    """docs/deployment.md §5: a copy onto the server runs as the owner. The writer (USAGE and SELECT on sequences)
    into a database the owner `init`ed is refused before any row goes in, told to copy as the owner, not that a
    dump's sequences lagged; the owner's copy then goes in."""
    source = Cli(tmp_path / "office.db")
    _plan(source, tmp_path)
    done(source("log", "x-2023/1", "10", "--as-of", "2023-03-31"))
    name, role = _pg_database(), f"writer_{uuid.uuid4().hex[:8]}"
    url = _pg_url(name)
    try:
        done(Cli(url)("init"))
        _admin(f"CREATE ROLE {role} LOGIN")
        from sqlalchemy import create_engine, text

        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            for grant in (f"GRANT USAGE ON SCHEMA public TO {role}",
                          f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
                          f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}"):
                connection.execute(text(grant))
        engine.dispose()
        as_writer = url.replace("//postgres@", f"//{role}@")
        said = " ".join(refused(source("db", "copy", "--to", as_writer), "--to ", f"this role ({role}) may not set",
                                "nothing was copied", "run db copy as the database's owner").split())
        assert "restored from a dump" not in said and "psql -c" not in said
        assert Cli(url).sql("SELECT count(*) FROM report") == [(0,)]
        done(source("db", "copy", "--to", url))
        assert Cli(url).sql("SELECT count(*) FROM report") == [(1,)]
    finally:
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        _admin(f"DROP ROLE IF EXISTS {role}")


# --- 5. a bare undo of a batch written before database roles ----------------------------------------------------------

@pytest.mark.skipif(not PG_ADMIN, reason="MSTRACK_TEST_PG names no PostgreSQL server")
def test_a_bare_undo_of_a_batch_from_before_roles_says_so_without_naming_another_user(tmp_path):
    """After the upgrade to database roles a batch written before it names the machine's login (`root`), no role of
    the server: a bare `undo` by a coordinator's role says it was written before writes were named by role, not
    "written by root, not by you" (the office's own write under its old name); a batch of another role still is
    (tests/test_who_wrote.py)."""
    from sqlalchemy import create_engine, text

    name, zhang = _pg_database(), f"zhang_{uuid.uuid4().hex[:8]}"
    url = _pg_url(name)
    owner = Cli(url)
    try:
        _plan(owner, tmp_path)
        done(owner("log", "x-2023/1", "10", "--as-of", "2023-03-31"))
        done(owner("log", "x-2023/1", "20", "--as-of", "2023-04-30"))
        _admin(f"CREATE ROLE {zhang} LOGIN")
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {zhang}"))
            connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {zhang}"))
            connection.execute(text("UPDATE batch SET \"user\" = 'root' WHERE id = 3"))  # as a version before roles
        engine.dispose()
        as_zhang = Cli(url.replace("//postgres@", f"//{zhang}@"))
        result = as_zhang("undo")
        done(result)
        assert "batch 3 was written as root (a name no role of this server has: a login of a file store" in result.stderr
        assert f"not by you ({zhang})" in result.stderr and "`mstrack undo 4` puts it back" in result.stderr
        assert owner.sql("SELECT undoes FROM batch WHERE id = 4") == [(3,)]
    finally:
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        _admin(f"DROP ROLE IF EXISTS {zhang}")


# --- 6. init's words for each store it meets --------------------------------------------------------------------------

def test_init_says_what_it_did_to_each_store_it_meets(cli, tmp_path):
    """A new file: "created the store FILE". A new empty server database (made by its administrator): its tables were
    made, the database was not ("created the store's tables in the server database URL"). A store already made: "up to
    date", nothing on stderr. An older store: its versions, and the note that it is upgraded in place, never "created"."""
    made = cli("init")
    done(made)
    assert f"schema version 0 → {SCHEMA_VERSION}" in made.stdout
    if BACKEND == "sqlite":
        assert made.stderr == f"created the store {os.path.abspath(cli.db)}\n", made.stderr
    else:
        assert made.stderr == f"created the store's tables in the server database {Store(cli.url).display_url}\n", \
            made.stderr
    again = cli("init")
    done(again)
    assert f"schema version {SCHEMA_VERSION}, up to date" in again.stdout and again.stderr == ""
    older = Cli(tmp_path / "older.db" if BACKEND == "sqlite" else _pg_url(name := _pg_database()))
    try:
        Store(older.url).init(upto=4)
        upgraded = older("init")
        done(upgraded)
        assert f"schema version 4 → {SCHEMA_VERSION}" in upgraded.stdout
        assert "init upgrades it now, in place" in upgraded.stderr and "created" not in upgraded.stderr
    finally:
        if BACKEND != "sqlite":
            _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_init_of_an_empty_file_makes_the_store_in_it(tmp_path):
    """`touch office.db; mstrack --db office.db init`: the store is made in the empty file (said as a new file's)."""
    empty = tmp_path / "office.db"
    empty.touch()
    made = Cli(empty)("init")
    done(made)
    assert made.stderr == f"created the store {empty}\n" and empty.stat().st_size > 0
    assert Cli(empty).sql("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
