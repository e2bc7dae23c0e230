"""store57: the store's leftovers — a `report --freeze -o` rerun credited only with its own killed run's freeze (by the
name of the copy it left, kept with the freeze: schema 15), an .xlsx one too; the writes since a freeze counted by
batch number, not by the clock; the writer role told to make or upgrade the tables as the owner."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid

import pytest

from mstrack.store import SCHEMA_VERSION, Store

from .conftest import PG_ADMIN, ROOT, Cli, _admin, _pg_database, _pg_url, done, refused
from .test_fixrev55a import _write
from .test_safe53_kill import test_a_repair_killed_at_any_moment_repairs_every_plan_copy_or_none as _repair_killed
from .test_store55 import KILLED_AFTER_THE_FREEZE
from .test_undo_terminals55 import LOG, execute, from_another_terminal, office  # noqa: F401 (a fixture)

WEEKLY = ["report", "weekly", "-p", "yantian-2023", "--as-of", "2023-06-30"]


def _snapshots(cli) -> int:
    return cli.sql("SELECT count(*) FROM report_snapshot")[0][0]


def test_a_plain_o_copy_left_whole_then_a_freeze_to_stdout_is_no_stopped_run(demo_cli, tmp_path):
    """A plain `report -o w.md` killed before its rename leaves the report whole in its copy; the same user then freezes
    that report to stdout (report 1); `report --freeze -o w.md` is no rerun of a killed freeze: it freezes (report 2).
    By time and bytes (the copy older than freeze 1, holding this report, freeze 1 this user's) it was said "frozen as
    report 1 by an earlier run of this command" and nothing was frozen."""
    output = tmp_path / "w.md"
    done(demo_cli(*WEEKLY, "-o", str(output)))
    part = tmp_path / ".w.md.abcd1234.part"  # what a `report -o w.md` killed before its rename leaves
    part.write_bytes(output.read_bytes())
    os.utime(part, (part.stat().st_mtime - 120,) * 2)
    output.unlink()
    first = demo_cli(*WEEKLY, "--freeze")
    done(first)
    assert "frozen as report 1:" in first.stderr
    again = demo_cli(*WEEKLY, "--freeze", "-o", str(output))
    done(again)
    assert "frozen as report 2:" in again.stderr and "by an earlier run" not in again.stderr, again.stderr
    assert _snapshots(demo_cli) == 2 and output.exists() and not part.exists()
    [(stdout_part,), (file_part,)] = demo_cli.sql("SELECT part FROM report_snapshot ORDER BY id")
    assert stdout_part is None and file_part.startswith(".w.md.") and file_part.endswith(".part")


def _killed_after_the_freeze(cli, output) -> None:
    words = ["--db", str(cli.db), "--lang", "en", *WEEKLY, "--freeze", "-o", str(output)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    killed = subprocess.run([sys.executable, "-c", KILLED_AFTER_THE_FREEZE, *words], capture_output=True, text=True,
                            env=env, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert "frozen as report 1:" in killed.stderr and not output.exists()


def test_an_xlsx_freeze_killed_before_its_rename_is_not_frozen_again_by_the_rerun(demo_cli, tmp_path):
    """An .xlsx says when it was made (its ZIP entries' times, docProps/core.xml): its rerun's bytes are never the
    killed run's, and by bytes the rerun froze the report a second time. By the copy's name and the report it holds,
    it does not; a second rerun, nothing left behind, freezes as any run."""
    output = tmp_path / "weekly.xlsx"
    _killed_after_the_freeze(demo_cli, output)
    [part] = [path for path in tmp_path.iterdir() if path.name.endswith(".part")]
    assert demo_cli.sql("SELECT part FROM report_snapshot") == [(part.name,)]
    while time.time() - part.stat().st_mtime < 2.1:  # the rerun's ZIP times (2-second steps) are not the copy's
        time.sleep(0.2)
    again = demo_cli(*WEEKLY, "--freeze", "-o", str(output))
    done(again)
    assert "frozen as report 1 by an earlier run of this command" in again.stderr, again.stderr
    assert _snapshots(demo_cli) == 1 and output.exists() and not part.exists()
    third = demo_cli(*WEEKLY, "--freeze", "-o", str(output))
    done(third)
    assert "frozen as report 2:" in third.stderr and _snapshots(demo_cli) == 2


def test_a_copy_named_by_a_freeze_of_another_report_is_frozen_as_usual(demo_cli, tmp_path):
    """The killed run's freeze holds the report as it was: a correction since makes the rerun's another report,
    frozen anew (the copy's name alone credits nothing)."""
    output = tmp_path / "weekly.xlsx"
    _killed_after_the_freeze(demo_cli, output)
    done(demo_cli("log", "yantian-2023/1", "1", "--as-of", "2023-06-30"))
    again = demo_cli(*WEEKLY, "--freeze", "-o", str(output))
    done(again)
    assert "frozen as report 2:" in again.stderr and "by an earlier run" not in again.stderr, again.stderr
    assert _snapshots(demo_cli) == 2


def test_a_write_since_a_freeze_counts_whatever_the_clock_said(demo_cli):
    """A correction logged after a freeze by a machine whose clock is behind (its batch dated before the freeze) is a
    write since it: report diff says what changed and exits 1. By time it counted no write, and said the differences
    came from how this mstrack makes the report, exit 0."""
    done(demo_cli(*WEEKLY, "--freeze"))
    before = demo_cli.sql("SELECT max(id) FROM batch")[0][0]
    done(demo_cli("log", "yantian-2023/1", "1", "--as-of", "2023-06-30"))
    _write(demo_cli, "UPDATE batch SET created_at = '2001-01-01 00:00:00' WHERE id > "
                     f"{before}")  # the clock of the machine that wrote it was behind
    said = demo_cli("report", "diff", "1", "--format", "json")
    assert said.exit_code == 1, said.output
    body = json.loads(said.stdout)
    assert body["writes_since"] == 1 and body["changes"] and body["form_differences"] == []
    assert demo_cli.sql("SELECT last_batch FROM report_snapshot") == [(before,)]


# --- the writer role where the tables are to be made or changed -------------------------------------------------------

def _writer(url: str, role: str, tables: bool) -> str:
    """A role of the docs/deployment.md §2 writer's rights (USAGE on the schema, no CREATE; with `tables`, what it
    may do to the tables and sequences there), as a URL."""
    from sqlalchemy import create_engine, text

    _admin(f"CREATE ROLE {role} LOGIN")
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("REVOKE CREATE ON SCHEMA public FROM PUBLIC"))
        connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {role}"))
        if tables:
            connection.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}"))
            connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}"))
    engine.dispose()
    return url.replace("//postgres@", f"//{role}@")


@pytest.mark.skipif(not PG_ADMIN, reason="MSTRACK_TEST_PG names no PostgreSQL server")
def test_the_writer_making_or_upgrading_the_tables_is_told_to_run_it_as_the_owner(tmp_path):
    """`db copy --to` and `init` as the writer into a server database with no tables, and `db upgrade` as the writer of
    an older one: refused naming the role and the command to run as the owner, nothing made. The driver's words alone
    said "this user may only read here …; status, show, units and report work", of a database with nothing to read."""
    source = Cli(tmp_path / "office.db")
    done(source("demo"))
    empty, older = _pg_database(), _pg_database()
    role = f"writer_{uuid.uuid4().hex[:8]}"
    try:
        as_writer = _writer(_pg_url(empty), role, tables=False)
        for result, command, option in ((source("db", "copy", "--to", as_writer), "db copy", "--to"),
                                        (Cli(as_writer)("init"), "init", "--db")):
            said = " ".join(refused(result, f"{option} ").split())
            assert f"this role ({role}) may not make or change mstrack's tables in this database" in said, said
            assert f"run `mstrack {command}` as the database's owner" in said and "may only read" not in said, said
        assert Cli(_pg_url(empty)).sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'") \
            == [(0,)]
        assert Store(_pg_url(older)).init(upto=SCHEMA_VERSION - 1) == (0, SCHEMA_VERSION - 1)
        upgrade = Cli(_writer(_pg_url(older), f"{role}b", tables=True))("db", "upgrade")
        said = " ".join(refused(upgrade, "--db ").split())
        assert f"this role ({role}b) may not make or change" in said and "run `mstrack db upgrade` as the" in said, said
        assert Cli(_pg_url(older)).sql("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION - 1,)]
    finally:
        for name in (empty, older):
            _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        for name in (role, f"{role}b"):
            _admin(f"DROP ROLE IF EXISTS {name}")


# --- undo's window for another terminal's write: one constant, said by docs/cli.md -------------------------------------

def test_undos_window_for_another_terminals_write_is_the_one_constant_docs_say(office, monkeypatch):  # noqa: F811
    """vocabulary.ANOTHER_TERMINALS_MINUTES is the window (10, as docs/cli.md's undo section says): another terminal's
    batch 5 minutes old is refused with the window's minutes in the words; with a window of 3 it is taken back."""
    from datetime import UTC, datetime, timedelta

    from mstrack import vocabulary

    minutes = vocabulary.ANOTHER_TERMINALS_MINUTES
    section = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8").split("\n## mstrack batches", 1)[1].split("\n## ", 1)[0]
    assert section.count(f"in the last {minutes}\nminutes") + section.count(f"in the last {minutes} minutes") >= 2
    assert f"older than {minutes} minutes" in section
    from_another_terminal(monkeypatch, office, *LOG, "45")  # batch 2
    execute(office, "UPDATE batch SET created_at = :at WHERE id = 2", at=datetime.now(UTC) - timedelta(minutes=5))
    refused_now = office("undo")
    assert refused_now.exit_code == 2 and f"in the last {minutes} minutes" in refused_now.output, refused_now.output
    monkeypatch.setattr(vocabulary, "ANOTHER_TERMINALS_MINUTES", 3)
    taken = office("undo")
    assert taken.exit_code == 0 and "batch 3 undoes batch 2" in taken.output, taken.output



# --- the links a report reads: those of its programmes ----------------------------------------------------------------

def test_a_report_of_one_programme_reads_no_other_programmes_links(demo_cli, monkeypatch):
    """The links a report's tasks say (both ways) and the tasks carried into another year are read for the programmes
    in view: a weekly report of yantian-2023 reads no link of the Shenzhen programmes (every one was read, twice for
    the carried tasks). shenzhen-2023-report's still says both sides of its links (tests/test_programmes.py)."""
    from mstrack.store.dialect import Dialect

    assert demo_cli.sql("SELECT count(*) FROM task_link")[0][0] > 0
    read: list[tuple] = []
    kept = Dialect.rows

    def rows(self, connection, sql, params=()):
        found = kept(self, connection, sql, params)
        if "task_link" in sql:
            read.extend(found)
        return found

    monkeypatch.setattr(Dialect, "rows", rows)
    done(demo_cli(*WEEKLY, "--format", "json"))
    assert read == []
    linked = demo_cli("report", "weekly", "-p", "shenzhen-2023-report", "--as-of", "2023-06-30", "--format", "json")
    done(linked)
    assert read and all("shenzhen-2023-report" in " ".join(map(str, row)) for row in read), read


# --- a repair killed at any moment, on a loaded machine ---------------------------------------------------------------

def test_the_repair_kill_test_still_kills_one_before_the_commit_when_the_look_was_timed_slow(demo_cli, monkeypatch):
    """tests/test_safe53_kill.py's repair test times the write by a `db check` run first and kills at fractions of that
    time: a look timed on a loaded machine (here: 8× as long as it took) put every kill after the commit, and the test
    failed asserting that one landed before (store57, load ~10 on PostgreSQL). It now kills again, earlier, until one
    does; the write is still whole or absent after each kill."""
    from . import test_safe53_kill as kills

    real = kills._timed_repair_look
    monkeypatch.setattr(kills, "_timed_repair_look", lambda cli: 8 * real(cli))
    _repair_killed(demo_cli)
