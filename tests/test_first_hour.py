"""What a new user meets in the first hour (issue 16): options checked before anything is written, the
same value logged twice, one unit rule for log and import, report diff by identity."""

import json
import os
from pathlib import Path

import pytest

from tests.conftest import Cli, refused


def test_a_bad_option_is_refused_before_anything_is_written(tmp_path):
    missing = tmp_path / "no" / "such" / "dir" / "t.db"
    refused(Cli(missing)("status"), f"--db {missing}: the directory {missing.parent} does not exist")
    refused(Cli(f"sqlite:///{missing}")("log", "yantian-2023/1", "5"), "does not exist")
    refused(Cli(missing)("import", "plan", str(tmp_path / "x.toml")), "does not exist")
    assert not (tmp_path / "no").exists()
    assert Cli(missing)("init").exit_code == 0  # init (and demo) make the database where --db says
    assert missing.exists()
    empty = Cli("")
    refused(empty("status"), "--db: empty")
    db = tmp_path / "t.db"
    refused(Cli(db)("demo", "--as-of", "garbage"), "--as-of", "garbage")
    assert not db.exists()


def test_mstrack_db_in_a_missing_directory_is_refused_too(tmp_path):
    from typer.testing import CliRunner

    from mstrack.cli import app

    missing = tmp_path / "gone" / "t.db"
    result = CliRunner().invoke(app, ["--lang", "en", "status"], env={"MSTRACK_DB": str(missing)})
    refused(result, f"MSTRACK_DB {missing}: the directory")
    assert not missing.parent.exists()
    assert os.listdir(tmp_path) == []


def test_show_checks_as_of_in_every_format(demo_cli):
    refused(demo_cli("show", "yantian-2023/19", "--as-of", "garbage", "--format", "json"), "--as-of", "garbage")
    refused(demo_cli("show", "yantian-2023/19", "--as-of", "garbage"), "--as-of")
    assert json.loads(demo_cli("show", "yantian-2023/19", "--format", "json").stdout)["code"] == "19"


def test_logging_the_same_value_and_note_again_writes_nothing(demo_cli):
    args = ("log", "yantian-2023/19", "950", "-i", "送教上门人次", "--as-of", "2023-07-15", "-n", "区残联报数")
    first = demo_cli(*args)
    assert first.exit_code == 0, first.output
    before = demo_cli.sql("select count(*) from report"), demo_cli.sql("select count(*) from batch")
    again = demo_cli(*args)
    assert again.exit_code == 0, again.output
    assert "unchanged: 950人次 as of 2023-07-15 is already recorded, with the same note; nothing written" in again.stdout
    assert "correcting" not in again.stdout
    assert (demo_cli.sql("select count(*) from report"), demo_cli.sql("select count(*) from batch")) == before
    other_note = demo_cli(*args[:-1], "更正备注")  # a new note is news: it is written
    assert other_note.exit_code == 0 and "unchanged" not in other_note.stdout
    assert demo_cli.sql("select count(*) from report")[0][0] == before[0][0][0] + 1
    history = json.loads(demo_cli("history", "yantian-2023/19", "-i", "送教上门人次", "--format", "json").stdout)
    assert [e["value"] for e in history if e["as_of"] == "2023-07-15"] == [950, 950]


def test_report_diff_matches_rows_by_identity_and_shows_only_what_changed(demo_cli):
    assert demo_cli("report", "weekly", "--as-of", "2023-07-01", "--freeze", "-f", "json").exit_code == 0
    corrected = demo_cli("log", "yantian-2023/19", "910", "-i", "送教上门人次", "--as-of", "2023-06-30", "--reason", "区残联更正")
    assert corrected.exit_code == 0, corrected.output
    result = demo_cli("report", "diff", "1", "--format", "json")
    assert result.exit_code == 1
    changes = json.loads(result.stdout)["changes"]
    paths = [change["path"] for change in changes]
    # the week's one report of that date is now the correction (the corrected one, superseded, is no longer listed)
    row = "changes.reports[yantian-2023/19/送教上门人次/人次]"
    # its note kept: a correction given no --note keeps the unit's words (safety47 F3)
    assert paths == ["units[区残联].completion_rate", f"{row}.value", f"{row}.reporter"], paths
    assert changes[1]["sent"] != 910 and changes[1]["now"] == 910, changes[1]
    table = demo_cli("report", "diff", "1")
    assert table.exit_code == 1
    assert table.stdout.splitlines()[0].endswith("3 changes since it was sent")
    # said in the printout's words, not the JSON path (fix49f)
    line = next(line for line in table.stdout.splitlines() if "Value" in line)
    assert line.startswith("  New reports · yantian-2023/19 送教上门人次") and line.endswith("Value 903人次 → 910人次"), line
    assert "changes.reports[" not in table.stdout, table.stdout


def test_import_progress_takes_the_units_log_takes(demo_cli, tmp_path):
    sheet = tmp_path / "住建局.csv"
    sheet.write_text("programme,task,indicator,value,as_of\n"
                     "shenzhen-2023,5,建设筹集保障性住房,2.5万套（间）,2023-06-30\n"
                     "shenzhen-2023,5,供应分配保障性住房,12000套(间),2023-06-30\n"
                     "shenzhen-2023,6,开工改造老旧小区,60个（含3个区级）,2023-06-30\n", encoding="utf-8")
    result = demo_cli("import", "progress", str(sheet))
    assert result.exit_code == 0, result.output
    shown = json.loads(demo_cli("show", "shenzhen-2023/5", "--format", "json").stdout)
    values = {i["name"]: [(r["value"], r["note"]) for r in i["reports"]] for i in shown["indicators"]}
    assert values["建设筹集保障性住房"] == [(25000, None)] and values["供应分配保障性住房"] == [(12000, None)]
    other = json.loads(demo_cli("show", "shenzhen-2023/6", "--format", "json").stdout)
    assert [(r["value"], r["note"]) for i in other["indicators"] if i["name"] == "开工改造老旧小区"
            for r in i["reports"]] == [(60, "含3个区级")]  # a remark stays one
    logged = demo_cli("log", "shenzhen-2023/5", "2.6万套（间）", "-i", "建设", "--as-of", "2023-07-10")
    assert logged.exit_code == 0, logged.output


def _line(unit: str, target: int | float, comparator: str = ">="):
    from datetime import date

    from mstrack.model import IndicatorState, MilestoneState

    return IndicatorState(programme="x-2023", task="1", indicator="x", unit=unit, comparator=comparator, target=target,
                          deadline=date(2023, 12, 31), reports=[],
                          milestones=[MilestoneState(due=date(2023, 12, 31), target=target)])


def test_pro_rata_counts_are_whole_and_rounded_up_amounts_and_percentages_stay_fractional():
    from datetime import date

    from mstrack.domain.quantities import countable
    from mstrack.domain.status import evaluate

    on = date(2023, 7, 1)  # 181 of 364 days: 150 × 181/364 = 74.59…
    assert evaluate(_line("个", 150), on, "pro-rata").expected == 75
    assert evaluate(_line("套（间）", 185000), on, "pro-rata").expected == 91992  # 91991.75… rounded up
    assert evaluate(_line("人次", 1000), on, "pro-rata").expected == 498
    assert evaluate(_line("%", 100), on, "pro-rata").expected == 49.73
    assert evaluate(_line("元", 1000), on, "pro-rata").expected == 497.25
    assert evaluate(_line("公里", 150), on, "pro-rata").expected == 74.59
    assert evaluate(_line("个", 150), on, "step").expected == 0  # the step rule is untouched
    assert evaluate(_line("个", 364), date(2023, 1, 2), "pro-rata").expected == 1  # exactly 1 stays 1
    assert [countable(u) for u in ("个", "套(间)", "套（间）", "人次", "%", "元", "万元", "公里", "")] == [
        True, True, True, True, False, False, False, False, False]


def test_status_json_pro_rata_expected_of_countable_units_are_whole(demo_cli):
    from mstrack.domain.quantities import countable

    rows = json.loads(demo_cli("status", "--rule", "pro-rata", "--as-of", "2023-08-15", "--format", "json").stdout)
    counted = [row for row in rows if row["kind"] == "quantity" and countable(row["unit"]) and row["expected"] is not None]
    assert len(counted) > 100 and all(isinstance(row["expected"], int) for row in counted)
    assert any(isinstance(row["expected"], float) for row in rows if row["unit"] in ("%", "元", "公里"))


def test_units_belong_to_their_programmes_city(demo_cli):
    from mstrack.reports.units import programme_place

    assert [programme_place(n) for n in ("深圳市2023年民生实事项目", "2023年青岛市市办实事项目", "盐田区2023年十件重点民生实事",
                                         "2023年深圳市政府工作报告年度目标", "民生实事")] == [
        "深圳市", "青岛市", "盐田区", "深圳市", "民生实事"]
    units = json.loads(demo_cli("units", "--as-of", "2023-07-01", "--format", "json").stdout)
    transport = {u["place"]: u["tasks"] for u in units if u["unit"] == "市交通运输局"}
    assert set(transport) == {"深圳市", "东莞市", "青岛市"}
    rows = json.loads(demo_cli("status", "--as-of", "2023-07-01", "--format", "json").stdout)
    qingdao = {r["task"] for r in rows if r["programme"] == "qingdao-2023" and "市交通运输局" in r["lead_units"]}
    assert transport["青岛市"] == len(qingdao)
    assert all(u["place"] == "" for u in units if u["unit"] == "区残联")  # a name only one city has: no place added
    table = demo_cli("units", "--as-of", "2023-07-01", "--format", "md").stdout
    assert "市交通运输局（青岛市）" in table and "| 市交通运输局 |" not in table


def test_disagreement_is_marked_only_where_a_value_was_reported(demo_cli):
    args = ("status", "-p", "yantian-2023", "--as-of", "2023-07-01", "--rule", "pro-rata")
    rows = json.loads(demo_cli(*args, "--format", "json").stdout)
    assert any(r["agrees"] is False and r["as_of"] is None for r in rows)  # the case exists in the seeds
    table = demo_cli(*args, env={"COLUMNS": "200"}).stdout
    marked = [line for line in table.splitlines() if "≠" in line and "━" not in line and "(≠)" not in line]
    expected = [r for r in rows if r["agrees"] is False and r["as_of"] is not None]
    assert len(marked) == len(expected) > 0
    tasks = len({r["task"] for r in expected})
    assert f"{tasks} {'task' if tasks == 1 else 'tasks'}' computed" in " ".join(table.split())


def test_history_takes_an_indicator_prefix_as_log_does(demo_cli):
    entries = json.loads(demo_cli("history", "yantian-2023/19", "-i", "送教上门人", "--format", "json").stdout)
    assert {e["indicator"] for e in entries} == {"送教上门人次"}
    refused(demo_cli("history", "yantian-2023/19", "-i", "送教上门"), "--indicator", "ambiguous")
    refused(demo_cli("history", "yantian-2023/19", "-i", "没有"), "--indicator", "has no indicator")


def test_repeated_import_warnings_are_counted_and_verbose_says_all(demo_cli, tmp_path):
    sheet = tmp_path / "残联.csv"
    sheet.write_text("programme,task,indicator,value,as_of\n" + "".join(
        f"yantian-2023,19,送教上门人次,10,2023-07-{day:02d}\n" for day in range(1, 13)), encoding="utf-8")
    short = demo_cli("import", "progress", str(sheet), "--dry-run")
    assert short.exit_code == 0, short.output
    warnings = [line for line in short.stderr.splitlines() if line.startswith("mstrack: warning: ")]
    assert len(warnings) == 6 and all("is lower than" in line for line in warnings[:5])
    assert warnings[5] == ("mstrack: warning: 7 more warnings (7 of them like the ones above); --verbose shows "
                           "every one")
    full = demo_cli("import", "progress", str(sheet), "--dry-run", "--verbose")
    assert sum("is lower than" in line for line in full.stderr.splitlines()) == 12


def test_messages_say_one_and_many_and_name_their_values(demo_cli):
    demo_cli("log", "yantian-2023/19", "950", "-i", "送教上门人次", "--as-of", "2023-07-15")
    undone = demo_cli("undo")
    assert undone.exit_code == 0 and "1 report retracted" in undone.stdout, undone.stdout
    bad = demo_cli("status", "--only", "late")
    assert bad.exit_code == 2 and "Value error" not in bad.stderr and "'late' is not one of" in bad.stderr
    for command in (["status"], ["log"], ["history"], ["units"], ["report", "weekly"], ["import", "progress"],
                    ["export", "template"], ["db", "copy"], ["undo"], ["batches"], ["show"], ["demo"]):
        shown = demo_cli(*command, "--help", env={"COLUMNS": "120"}).stdout
        assert "<str>" not in shown and "<list[" not in shown and "<int" not in shown and "{" not in shown, (command, shown)
    assert "--as-of" in demo_cli("status", "--help").stdout and " DATE " in demo_cli("status", "--help").stdout
    assert " log [OPTIONS] REF [VALUE]" in demo_cli("log", "--help").stdout


def test_postgresql_without_its_driver_names_the_extra_to_install(tmp_path):
    """A Python without psycopg (its import blocked, as on a plain install): the message says what to install."""
    import subprocess
    import sys

    code = ("import sys; sys.modules['psycopg'] = None; sys.modules['psycopg2'] = None\n"
            "from mstrack.cli import run; sys.argv = ['mstrack', *sys.argv[1:]]; run()")
    from tests.conftest import SEEDS

    # shenzhen-2023: a plan that draws no warning of its own (yantian-2023's two milestones after their tasks' deadlines do)
    for args in (["status"], ["init"], ["import", "plan", str(SEEDS / "shenzhen-2023.toml")]):
        done = subprocess.run([sys.executable, "-c", code, "--lang", "en", "--db", "postgresql://clerk@127.0.0.1:9/office",
                               *args], capture_output=True, text=True, timeout=60, cwd=tmp_path)
        assert done.returncode == 2, done
        assert done.stderr == ("mstrack: error: --db postgresql://clerk@127.0.0.1:9/office: PostgreSQL needs the psycopg "
                               "driver, which is not installed here; install mstrack with it: "
                               "pip install 'mstrack[postgres]'\n"), done.stderr


def _dump(db) -> str:
    import sqlite3

    with sqlite3.connect(db) as connection:
        return "\n".join(connection.iterdump())


def _version(db) -> int:
    import sqlite3

    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT max(version) FROM schema_version").fetchone()[0]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("given", [None, "office db.db"], ids=["default database", "--db with a space"])
def test_an_old_database_is_left_unchanged_and_the_commands_suggested_work_as_printed(tmp_path, monkeypatch, given):
    """A user whose database an older mstrack made (schema v4) runs `mstrack demo`: nothing is changed; the
    message says that `db upgrade` works in place without a copy, and gives the backup, the upgrade and a demo
    in a new file as commands to type. Each, typed as printed (the installed mstrack), does what it says."""
    import shlex
    import subprocess

    from mstrack.store import SCHEMA_VERSION, Store, resolve_db_url

    from .test_terminal import mstrack_executable

    env = {k: v for k, v in os.environ.items() if k != "MSTRACK_DB"}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path / "home"), MSTRACK_LANG="en")
    monkeypatch.setattr(os, "environ", env)
    url = resolve_db_url(given and str(tmp_path / given))
    path = Path(url.removeprefix("sqlite:///"))
    path.parent.mkdir(parents=True, exist_ok=True)
    assert Store(url).init(upto=4) == (0, 4) and SCHEMA_VERSION > 4
    before = _dump(path)

    def mstrack(*args):
        return subprocess.run([mstrack_executable(), *args], capture_output=True, text=True, env=env, cwd=tmp_path,
                              timeout=300, check=False)

    if given is None:  # the demo loads into a store of its own (fix49e): the old default one is not met at all
        apart = mstrack("demo")
        assert apart.returncode == 0, apart.stderr
        assert _dump(path) == before and _version(path) == 4
        assert _version(path.parent / "mstrack-demo.db") == SCHEMA_VERSION
        return
    said = mstrack("--db", given, "demo")
    assert said.returncode == 2 and said.stdout == "", said
    assert _dump(path) == before and _version(path) == 4
    assert "was made by an older mstrack (schema version 4" in said.stderr and "left unchanged" in said.stderr
    assert "every row is kept, no copy is made" in said.stderr
    commands = [shlex.split(line) for line in said.stderr.splitlines() if line.startswith("    mstrack ")]
    prefix = ["mstrack", "--db", given] if given else ["mstrack"]
    assert commands == [[*prefix, "db", "backup", "mstrack-v4.db"], [*prefix, "db", "upgrade"],
                        ["mstrack", "--db", "mstrack-demo.db", "demo"]], said.stderr
    for command in commands:
        done = mstrack(*command[1:])
        assert done.returncode == 0, (command, done.stderr)
    assert _version(tmp_path / "mstrack-v4.db") == 4  # the copy as it was
    assert _version(path) == SCHEMA_VERSION  # upgraded in place
    assert _version(tmp_path / "mstrack-demo.db") == SCHEMA_VERSION
    assert mstrack(*(["--db", given] if given else []), "demo").returncode == 0
