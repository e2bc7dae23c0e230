"""Store and command line leftovers: one holder of a batch's report-id range (batches.ReportRange), init on an
older database, db check's refusal of one, the entry's Ctrl-C line in the run's language, the suite's own
subprocesses and working directory."""

import os
import re
import shlex
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from mstrack import entry
from mstrack.sources.plan import load_plan
from mstrack.store import Store
from mstrack.store.batches import REPORT_COLUMNS, ReportRange, insert_batch

from .conftest import BACKEND, ROOT, _admin, _pg_database, _pg_url, refused, write_plan

PLAN = ('[[tasks]]\ncode = "1"\ntitle = "t"\n[[tasks.lines]]\nlead_units = ["甲局"]\n'
        '[[tasks.lines.indicators]]\nname = "n"\nunit = "个"\ntarget = 100\n')


@pytest.fixture
def planned(tmp_path):
    """A store of the backend under test with one indicator: (store, its id)."""
    name = None
    if BACKEND == "sqlite":
        url = f"sqlite:///{tmp_path / 't.db'}"
    else:
        name = _pg_database()
        url = _pg_url(name)
    store = Store(url)
    store.init()
    store.save_plan(load_plan(write_plan(tmp_path / "x.toml", PLAN)))
    with store.engine.connect() as connection:
        (indicator,) = store.dialect.rows(connection, "SELECT id FROM indicator")[0]
    yield store, indicator
    store.engine.dispose()
    if name:
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _insert(store: Store, connection, batch: int, indicator: int, days: range) -> None:
    now = store.dialect.bound(datetime.now(UTC))
    store.dialect.insert_many(connection, "report", REPORT_COLUMNS, [
        (indicator, date(2023, 5, day), day, None, None, "log", None, now, batch, None) for day in days])


def _ranges(store: Store) -> dict[int, tuple]:
    with store.engine.connect() as connection:
        rows = store.dialect.rows(connection, "SELECT b.id, b.first_report_id, b.last_report_id, min(r.id), max(r.id)"
                                              " FROM batch AS b LEFT JOIN report AS r ON r.batch_id = b.id"
                                              " GROUP BY b.id, b.first_report_id, b.last_report_id")
    return {batch: tuple(rest) for batch, *rest in rows}


def test_a_report_range_covers_what_was_inserted_inside_it_and_only_that(planned):
    """The one holder of 'last report id before, insert, cover': a `with` covers the reports written inside it,
    end() by hand does the same (ReportBatch's way, over several chunks), a second end() changes nothing, and a
    `with` left by an error covers nothing (the write rolls back whole)."""
    store, indicator = planned
    with store.locked("log") as connection:
        first = insert_batch(store.dialect, connection, command="log").id
        with ReportRange(store.dialect, connection, first):
            _insert(store, connection, first, indicator, range(1, 4))
        second = insert_batch(store.dialect, connection, command="log").id
        by_hand = ReportRange(store.dialect, connection, second)
        _insert(store, connection, second, indicator, range(4, 6))
        _insert(store, connection, second, indicator, range(6, 8))
        by_hand.end()
        by_hand.end()
        empty = insert_batch(store.dialect, connection, command="log").id
        with ReportRange(store.dialect, connection, empty):
            pass
    ranges = _ranges(store)
    assert ranges[first][:2] == ranges[first][2:] and ranges[first][0] is not None, ranges
    assert ranges[second][:2] == ranges[second][2:] and ranges[second][1] - ranges[second][0] == 3, ranges
    assert ranges[empty] == (None, None, None, None), ranges
    with pytest.raises(RuntimeError), store.locked("log") as connection:
        failed = insert_batch(store.dialect, connection, command="log").id
        with ReportRange(store.dialect, connection, failed):
            _insert(store, connection, failed, indicator, range(8, 9))
            assert store.dialect.rows(connection, "SELECT first_report_id FROM batch WHERE id = "  # written on leaving
                                                  f"{failed}") == [(None,)]
            raise RuntimeError("a write that fails")
    assert failed not in _ranges(store)


@pytest.fixture
def old_cli(cli):
    """A database of the backend under test that an older mstrack made (schema version 4)."""
    assert Store(cli.url).init(upto=4) == (0, 4)
    return cli


def test_db_check_refuses_an_older_database_as_every_command_does(old_cli):
    """An old schema is a refusal (exit 2) with the commands to type, --db as given, as `status` says it; the
    database is left as it was."""
    checked, status = old_cli("db", "check"), old_cli("status")
    refused(checked, "was made by an older mstrack (schema version 4", "left unchanged",
            f"    mstrack --db {shlex.quote(str(old_cli.db))} db upgrade\n")
    assert checked.stdout == "" and checked.stderr == status.stderr
    assert old_cli.sql("SELECT max(version) FROM schema_version") == [(4,)]


def test_db_check_of_a_sound_database_says_ok_and_of_a_broken_one_exits_1(cli):
    """What `db check` finds is still exit 1 (the command ran and found a problem); ok is exit 0."""
    assert cli("init").exit_code == 0
    done = cli("db", "check")
    assert done.exit_code == 0 and done.stdout.endswith(": ok\n"), done.output
    if BACKEND != "sqlite":
        return
    with sqlite3.connect(cli.db) as connection:
        connection.execute("pragma foreign_keys = off")
        connection.execute("insert into milestone (indicator_id, due, target) values (999999, '2023-03-31', 1)")
    found = cli("db", "check")
    assert found.exit_code == 1 and "foreign key: milestone" in found.stdout, found.output


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_init_on_an_older_database_upgrades_it_and_says_what_the_other_commands_say(old_cli, lang):
    """`init` creates or upgrades (the contract): on an older database it upgrades, and says on stderr what every
    other command says of one (an older mstrack made it; in place, every row kept, no copy made) and how a copy
    is kept (before the upgrade); in the run's language. A new database, and `db upgrade`, say nothing of it."""
    from mstrack.store import SCHEMA_VERSION

    done = old_cli("--lang", lang, "init")
    assert done.exit_code == 0, done.output
    assert f"schema version 4 → {SCHEMA_VERSION}" in done.stdout or f"数据库结构版本 4 → {SCHEMA_VERSION}" in done.stdout
    said = {"en": ["mstrack: note: ", "was made by an older mstrack (schema version 4; this one needs",
                   "every row is kept, no copy is made", "an older mstrack no longer opens it",
                   "db backup FILE" if BACKEND == "sqlite" else "(pg_dump)"],
            "zh": ["mstrack: 提示：", "由较早版本的 mstrack 创建（数据库结构版本 4", "保留全部数据，不另存副本",
                   "db backup FILE" if BACKEND == "sqlite" else "（pg_dump）"]}[lang]
    for part in said:
        assert part in done.stderr, (part, done.stderr)
    assert old_cli.sql("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
    again = old_cli("init")
    assert again.exit_code == 0 and "up to date" in again.stdout and again.stderr == "", again.output


def test_init_of_a_new_database_says_no_note(cli):
    made = cli("init")
    assert made.exit_code == 0 and "schema version 0 →" in made.stdout, made.output
    # the one line on stderr says which store was made (left49), no note on upgrading
    # (a server's database is the administrator's: its tables are what init made there, store55)
    assert [line.split(" /")[0].split(" postgresql")[0] for line in made.stderr.splitlines()] == (
        ["created the store"] if BACKEND == "sqlite" else ["created the store's tables in the server database"]), made.stderr


def test_db_upgrade_says_no_note(old_cli):
    """`db upgrade` is the command the advice leads to: its output is as it was."""
    upgraded = old_cli("db", "upgrade")
    assert upgraded.exit_code == 0 and "4 →" in upgraded.stdout and upgraded.stderr == "", upgraded.output


# --- the entry's Ctrl-C line -------------------------------------------------------------------------

def test_the_entrys_ctrl_c_words_are_the_commands_in_both_languages():
    """The entry writes out again what the catalogue holds and failures.py says (it may import neither)."""
    from mstrack.cli import failures
    from mstrack.labels import LANGS, messages

    assert sorted(entry.SAID) == sorted(LANGS)
    assert f'say("{entry.SAID["en"]}", err=True)' in Path(failures.__file__).read_text(encoding="utf-8")
    assert messages()[entry.SAID["en"]] == entry.SAID["zh"]


@pytest.mark.parametrize("environ", [{}, {"LANG": "zh_CN.UTF-8"}, {"LANG": "C"}, {"LC_ALL": "C", "LANG": "zh_CN"},
                                     {"LC_MESSAGES": "zh_TW", "LANG": "en_US"}, {"LC_ALL": "", "LANG": "ZH_cn"}])
def test_the_entry_reads_the_locale_as_the_labels_do(monkeypatch, environ):
    from mstrack.labels import pick_lang

    monkeypatch.setattr(sys, "argv", ["mstrack"])
    monkeypatch.setattr("mstrack.cli.saying._lang", None)
    for name in ("MSTRACK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert entry.run_lang() == pick_lang(None, environ)


@pytest.mark.parametrize(("argv", "environ", "resolved", "lang"), [
    (["status"], {"MSTRACK_LANG": "zh"}, None, "zh"),
    (["--lang", "en", "status"], {"MSTRACK_LANG": "zh"}, None, "en"),
    (["--lang=zh", "--lang", "en"], {}, None, "en"),  # the later wins, as Click takes it
    (["--lang", "xx"], {"MSTRACK_LANG": "zh"}, None, "zh"),
    (["--lang"], {"LANG": "zh_CN.UTF-8"}, None, "zh"),
    (["status"], {"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, None, "en"),
    (["--lang", "zh"], {}, "en", "en"),  # the run resolved it: its language
], ids=["env", "option over env", "later option", "bad option", "locale", "first locale variable", "resolved"])
def test_the_entry_says_ctrl_c_in_the_runs_language(monkeypatch, argv, environ, resolved, lang):
    """Before a command runs (its modules loading) the line follows --lang, MSTRACK_LANG, the locale, as the
    command line would; after, the language the run resolved."""
    monkeypatch.setattr(sys, "argv", ["mstrack", *argv])
    for name in ("MSTRACK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("mstrack.cli.saying._lang", resolved)
    assert entry.run_lang() == lang


# --- the suite's subprocesses and working directory ---------------------------------------------------

def test_a_subprocess_run_in_another_directory_imports_the_mstrack_under_test(monkeypatch, tmp_path):
    """PYTHONPATH=src, as the suite is started, is made absolute (conftest): a subprocess started in another
    directory runs the mstrack this suite imported, not an installed copy."""
    import mstrack

    monkeypatch.chdir(tmp_path)
    done = subprocess.run([sys.executable, "-c", "import mstrack; print(mstrack.__file__)"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()).resolve() == Path(mstrack.__file__).resolve()
    assert all(Path(entry).is_absolute() for entry in os.environ.get("PYTHONPATH", "").split(os.pathsep) if entry)


LEAVES_ANOTHER_DIRECTORY = """
import os


def test_leaves(tmp_path):
    os.chdir(tmp_path)


def test_after():
    assert os.getcwd() == {start!r}
"""


def test_a_test_that_leaves_the_working_directory_changed_fails_and_it_is_put_back(tmp_path):
    """The suite's autouse fixture (conftest): the test that changed it fails, the next runs where the suite began."""
    (tmp_path / "conftest.py").write_text("from tests.conftest import _working_directory_kept  # noqa: F401\n")
    (tmp_path / "test_leaves.py").write_text(LEAVES_ANOTHER_DIRECTORY.format(start=str(tmp_path)), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_leaves.py"],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
    assert done.returncode == 1, done.stdout + done.stderr
    # the counts only: a warning of the machine's (pytest's clean-up of an old run's directory) may stand between them
    assert re.search(r"\b2 passed\b.*\b1 error\b", done.stdout) and "left the working directory changed" in done.stdout, done.stdout
