"""code59: the store says what named it (--db, MSTRACK_DB, the default data directory) in its own messages; the
--each-unit lines said by one path; a name disagreeing with its code looked at once; "since a freeze" and "the schema
then" judged by the store's order, exact on PostgreSQL with writers committing out of the order of their ids."""

from pathlib import Path
from types import SimpleNamespace

import pytest
import typer

from .conftest import BACKEND

# --- --each-unit: forms and notices said by one path -----------------------------------------------------------


@pytest.mark.backend_independent
@pytest.mark.parametrize(("forms", "noun"), [(True, "forms"), (False, "notices")])
def test_each_unit_stopped_says_forms_or_notices_and_what_is_left(forms, noun, capsys, monkeypatch, tmp_path):
    """_each_stopped: none written, and three of five written; the same line for forms and for notices, each its
    own noun, in English and in Chinese (the catalogue holds both templates)."""
    from mstrack.cli import each_unit, saying

    monkeypatch.setattr(saying, "_lang", "en")
    notices = [SimpleNamespace(unit=unit) for unit in ("甲局", "乙/局", "丙局", "丁局", "戊局")]
    stop = each_unit._each_stopped(notices, 0, "xlsx", tmp_path, forms)
    assert isinstance(stop, typer.Exit) and stop.exit_code == 2
    assert capsys.readouterr().err == f"none of the 5 {noun} written to {tmp_path}: run the command again to write them\n"
    stop = each_unit._each_stopped(notices, 3, "xlsx", tmp_path, forms)
    assert stop.exit_code == 2
    assert capsys.readouterr().err == (f"3 of 5 {noun} written to {tmp_path} (甲局.xlsx to 丙局.xlsx), 2 not written: "
                                       "run the command again to write the rest\n")
    monkeypatch.setattr(saying, "_lang", "zh")
    each_unit._each_stopped(notices, 3, "xlsx", tmp_path, forms)
    said = capsys.readouterr().err
    assert ("报送表" if forms else "通知单") in said and "甲局.xlsx" in said and "written" not in said


@pytest.mark.backend_independent
@pytest.mark.parametrize(("forms", "noun"), [(True, "forms"), (False, "notices")])
def test_each_unit_two_units_one_file_says_forms_or_notices(forms, noun, monkeypatch, tmp_path, capsys):
    from mstrack.cli import each_unit, saying

    monkeypatch.setattr(saying, "_lang", "en")
    with pytest.raises(typer.Exit) as stop:
        each_unit._one_file_each([SimpleNamespace(unit="住建局/城管局"), SimpleNamespace(unit="住建局_城管局")], "md",
                                 tmp_path, forms)
    assert stop.value.exit_code == 2
    said = capsys.readouterr().err
    assert f"nothing written; write their {noun} with --unit UNIT -o FILE instead" in said
    assert str(Path(tmp_path) / "住建局_城管局.md") in said


# --- a row whose name disagrees with its code: its name looked up once ---------------------------------------------


def test_a_row_whose_name_is_another_tasks_looks_the_name_up_once(cli, tmp_path, monkeypatch):
    """The row says task 1 and names 任务二: refused naming the task its name names, the name looked up once (the
    condition and the refusal used to ask twice); the row that agrees asks nothing."""
    from mstrack.sources.progress_names import Titles

    from .conftest import plan_task, plan_tasks, refused, write_plan

    plan = plan_tasks(plan_task("1", "新建养老床位", "甲局", "新建床位", "张", 100),
                      plan_task("2", "改造老旧小区", "乙局", "改造小区", "个", 10))
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", plan))).exit_code == 0
    original, asked = Titles.named, []

    def named(self, name):
        asked.append(name)
        return original(self, name)

    monkeypatch.setattr(Titles, "named", named)
    sheet = tmp_path / "p.csv"
    sheet.write_text("计划,任务编号,任务名称,指标,截至日期,数值\nx-2023,1,改造老旧小区,新建床位,2023-06-30,30\n"
                     "x-2023,2,改造老旧小区,改造小区,2023-06-30,3\n", encoding="utf-8")
    result = cli("import", "progress", str(sheet))
    refused(result, "'改造老旧小区' is not the task", "x-2023/1 is '新建养老床位'")
    assert asked == ["改造老旧小区"]
    assert "'改造老旧小区' names task 2" in result.stderr and "nothing was written" in result.stderr


# --- the store's messages name what named it -----------------------------------------------------------------------


def _run(args, env, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from mstrack.cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MSTRACK_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the default store, in this test's folder
    return CliRunner().invoke(app, args, env=env)


@pytest.mark.sqlite_only
@pytest.mark.parametrize(("given", "env", "named"), [
    (["--db", "x.db"], {"MSTRACK_DB": "y.db"}, "--db sqlite:///x.db"),
    ([], {"MSTRACK_DB": "x.db"}, "MSTRACK_DB sqlite:///x.db"),
    ([], {}, "the default store sqlite:///{data}/mstrack/mstrack.db"),
])
def test_the_stores_messages_name_what_named_it(given, env, named, tmp_path, monkeypatch):
    """--db given, MSTRACK_DB set, neither: the store's own messages (status and db check on a store that is not
    there, from store/maintenance) begin with the one that named it; nothing is made."""
    named = named.format(data=tmp_path / "data")
    for command in (["status"], ["db", "check"]):
        result = _run(["--lang", "en", *given, *command], env, tmp_path, monkeypatch)
        assert result.exit_code == 2, result.output
        first = result.stderr.splitlines()[0]
        assert first.startswith(f"mstrack: error: {named}: no mstrack data here yet"), result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.sqlite_only
def test_the_default_store_is_named_so_in_chinese(tmp_path, monkeypatch):
    result = _run(["--lang", "zh", "status"], {}, tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"mstrack: 错误：默认数据库 sqlite:///{tmp_path / 'data'}/mstrack/mstrack.db："), result.stderr
    result = _run(["--lang", "zh", "status"], {"MSTRACK_DB": "x.db"}, tmp_path, monkeypatch)
    assert result.exit_code == 2 and result.stderr.startswith("mstrack: 错误：MSTRACK_DB sqlite:///x.db："), result.stderr


@pytest.mark.sqlite_only
@pytest.mark.parametrize(("given", "env", "named"), [
    (["--db", "x.db"], {}, "--db"), ([], {"MSTRACK_DB": "x.db"}, "MSTRACK_DB"), ([], {}, "the default store")])
def test_a_store_lock_held_is_said_of_what_named_it(given, env, named, tmp_path, monkeypatch):
    """A message made away from the Store's own methods (write_failures.busy_refusal, the write lock held by another
    write): named as the store is, not "--db" whatever named it."""
    import sqlite3

    from .conftest import plan_task, plan_tasks, write_plan

    monkeypatch.setenv("MSTRACK_BUSY_TIMEOUT", "0")
    plan = write_plan(tmp_path / "plan.toml", plan_tasks(plan_task("1", "任务一", "甲局", "新建床位", "张", 100)))
    assert _run([*given, "import", "plan", str(plan)], env, tmp_path, monkeypatch).exit_code == 0
    path = tmp_path / "x.db" if env or given else tmp_path / "data" / "mstrack" / "mstrack.db"
    holder = sqlite3.connect(path)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = _run(["--lang", "en", *given, "log", "x-2023/1", "3", "--as-of", "2023-06-30"], env, tmp_path, monkeypatch)
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 2
    assert f"mstrack: error: {named} sqlite:///" in result.stderr and "another write is in progress" in result.stderr, \
        result.stderr


def test_a_store_mstrack_db_names_is_said_so_on_either_backend(cli, tmp_path, monkeypatch):
    """The test's own store (an SQLite file, or a PostgreSQL database with no tables yet) named by MSTRACK_DB alone:
    its message says MSTRACK_DB and the store's URL (no password), and `init` then makes it."""
    from mstrack.store import scrub

    result = _run(["--lang", "en", "status"], {"MSTRACK_DB": str(cli.url)}, tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert "mstrack: error: MSTRACK_DB " in result.stderr and ": no mstrack data here yet" in result.stderr, result.stderr
    assert "--db" not in result.stderr.split("no mstrack data here yet")[0]
    assert scrub(result.stderr) == result.stderr
    assert _run(["init"], {"MSTRACK_DB": str(cli.url)}, tmp_path, monkeypatch).exit_code == 0


# --- the writes since a freeze, and the schema then: by what the freeze saw -----------------------------------------

WEEKLY = ["report", "weekly", "-p", "yantian-2023", "--as-of", "2023-06-30"]


def _diff(cli) -> dict:
    import json

    said = cli("report", "diff", "1", "--format", "json")
    assert said.exit_code in (0, 1), said.output
    return json.loads(said.stdout)


@pytest.mark.skipif(BACKEND != "postgresql",
                    reason="writers committing out of the order of their numbers: PostgreSQL's serial")
def test_a_batch_numbered_below_the_freezes_highest_that_commits_after_it_is_a_write_since(demo_cli):
    """Two connections: A takes batch number N+1 and has not committed; B takes N+2 and commits; the report is frozen
    (highest number then N+2); A commits. A's batch is a write since the freeze: counted by number alone it was not
    (id > N+2), and report diff said nothing had been written since."""
    import psycopg

    url = "postgresql://" + str(demo_cli.url).removeprefix("postgresql+psycopg://")
    insert = "INSERT INTO batch (created_at, command) VALUES (now(), 'log') RETURNING id"
    with psycopg.connect(url) as first, psycopg.connect(url, autocommit=True) as second:
        low = first.execute(insert).fetchone()[0]
        high = second.execute(insert).fetchone()[0]
        assert low < high
        done = demo_cli(*WEEKLY, "--freeze")
        assert done.exit_code == 0, done.output
        first.commit()
    assert demo_cli.sql("SELECT last_batch FROM report_snapshot") == [(high,)]
    assert _diff(demo_cli)["writes_since"] == 1


def test_writes_since_a_freeze_count_each_batch_it_did_not_see_once(demo_cli):
    """On either backend: no write since, 0; two logs since, 2 (numbered above the highest then, and none below)."""
    assert demo_cli(*WEEKLY, "--freeze").exit_code == 0
    [(seen, last)] = demo_cli.sql("SELECT seen_batches, last_batch FROM report_snapshot")
    assert seen == demo_cli.sql("SELECT count(*) FROM batch")[0][0] and last == demo_cli.sql("SELECT max(id) FROM batch")[0][0]
    assert _diff(demo_cli)["writes_since"] == 0
    for value in ("1", "2"):
        assert demo_cli("log", "yantian-2023/1", value, "--as-of", "2023-06-30").exit_code == 0
    assert _diff(demo_cli)["writes_since"] == 2


def test_the_schema_then_is_the_freezes_own_whatever_the_upgrades_clock_said(demo_cli):
    """The store at this schema when the report was frozen, its last upgrade's applied_at later than the freeze (the
    upgrading machine's clock ahead): the schema then is this one, not the version before (applied_at judged it). A
    freeze made before migration 17 (no seen_schema) is bounded by the order: at most 16, at least 15 (it has
    last_batch), whatever the clock says."""
    from mstrack.store import SCHEMA_VERSION
    from mstrack.store.migrations import SNAPSHOT_LAST_BATCH_SINCE, SNAPSHOT_SEEN_SINCE

    from .test_fixrev55a import _write

    assert demo_cli(*WEEKLY, "--freeze").exit_code == 0
    _write(demo_cli, "UPDATE schema_version SET applied_at = '2999-01-01 00:00:00' WHERE version >= 3")
    body = _diff(demo_cli)
    assert (body["frozen_at_schema"], body["schema"]) == (SCHEMA_VERSION, SCHEMA_VERSION)
    assert demo_cli.sql("SELECT seen_schema FROM report_snapshot") == [(SCHEMA_VERSION,)]
    _write(demo_cli, "UPDATE report_snapshot SET seen_schema = NULL, seen_batches = NULL")
    assert _diff(demo_cli)["frozen_at_schema"] == SNAPSHOT_LAST_BATCH_SINCE  # the clock said 2: bounded below
    _write(demo_cli, "UPDATE schema_version SET applied_at = '2000-01-01 00:00:00'")
    assert _diff(demo_cli)["frozen_at_schema"] == SNAPSHOT_SEEN_SINCE - 1  # the clock said 17: bounded above


# --- duplicates: row runs, the refusals of a kept file ----------------------------------------------------------------


@pytest.mark.backend_independent
def test_row_numbers_become_runs_in_one_place():
    from mstrack.cli.import_said import _row_ranges
    from mstrack.long_lists import runs

    assert runs([2, 3, 4, 6, 9, 10]) == [(2, 4), (6, 6), (9, 10)] and runs([]) == []
    assert _row_ranges([2, 3, 4, 6, 9, 10]) == "2-4,6,9-10"


@pytest.mark.backend_independent
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_kept_file_refusal_names_the_option_and_the_path_in_the_users_language(lang, capsys, monkeypatch, tmp_path):
    """kept_files.refusal: one call for the six kinds said with the option and the path alone, each its own words,
    each in Chinese from the catalogue (the template found there, not said in English)."""
    from mstrack.cli import saying
    from mstrack.cli.kept_files import refusal
    from mstrack.labels import messages
    from mstrack.sources.forms import CHANGED, FIGURES, OLD_OFFICE, UNMARKED, UNMARKED_JSON, UNMARKED_TEXT

    monkeypatch.setattr(saying, "_lang", lang)
    path = tmp_path / "周报.xlsx"
    said = set()
    for kept in (CHANGED, FIGURES, OLD_OFFICE, UNMARKED, UNMARKED_JSON, UNMARKED_TEXT):
        stop = refusal(path, "-o", kept)
        assert isinstance(stop, typer.Exit) and stop.exit_code == 2
        line = capsys.readouterr().err
        assert line.startswith(f"mstrack: {'错误：' if lang == 'zh' else 'error: '}-o {path}"), line
        said.add(line)
    assert len(said) == 6
    if lang == "zh":
        assert all("the file" not in line for line in said) and len(messages()) > 150
