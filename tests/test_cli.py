"""The command line as a user runs it, on a real SQLite file."""

import json
import sqlite3
from datetime import date

import pytest

from mstrack import __version__

from .conftest import SEEDS, Cli, refused, write_plan

STATUS_KEYS = {"programme", "task", "indicator", "lead_unit", "target", "expected", "actual", "as_of", "status"}


def status_json(cli: Cli, *args: str) -> list[dict]:
    result = cli("status", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def log_housing(cli: Cli, value="2.5万", as_of="2023-06-30"):
    return cli("log", "shenzhen-2023/5", value, "--indicator", "建设筹集保障性住房", "--as-of", as_of,
               "--note", "区报数", "--by", "张三")


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0 and __version__ in result.stdout


def test_demo_loads_the_seeds_and_prints_the_table(cli):
    result = cli("--lang", "zh", "demo")
    assert result.exit_code == 0, result.output
    assert "shenzhen-2023" in result.stderr
    assert "送教上门人次" in result.stdout and "截至" in result.stdout  # the Yantian half-year report's progress


def test_demo_twice_leaves_the_same_data(cli):
    def dump():  # checkpoints and milestones are rewritten in place: compare them without their ids
        tables = {t: cli.sql(f"select * from {t} order by 1")
                  for t in ("programme", "area", "task", "task_line", "unit", "line_unit", "indicator", "report")}
        tables["checkpoint"] = cli.sql("select line_id, due, label, text from checkpoint order by 1, 2")
        tables["milestone"] = cli.sql("select indicator_id, due, target, printed, text from milestone order by 1, 2")
        return tables

    assert cli("demo").exit_code == 0
    first = dump()
    assert cli("demo").exit_code == 0
    assert dump() == first


def test_init_is_idempotent(cli):
    first = cli("init")
    from mstrack.store import SCHEMA_VERSION

    assert first.exit_code == 0 and f"0 → {SCHEMA_VERSION}" in first.stdout
    second = cli("init")
    assert second.exit_code == 0 and "up to date" in second.stdout


def test_show_json_has_the_contract_keys(demo_cli):
    result = demo_cli("show", "shenzhen-2023/5", "--format", "json")
    assert result.exit_code == 0, result.output
    task = json.loads(result.stdout)
    assert task["programme"] == "shenzhen-2023" and task["code"] == "5"
    assert task["leader"] == "余钢"
    assert task["lead_units"] == ["市住房建设局"]
    assert "各区政府（大鹏新区、深汕特别合作区管委会）" in task["units"]
    assert task["deadline"] == "2023-12-31"
    housing = task["indicators"][0]
    assert {k: housing[k] for k in ("name", "unit", "target", "comparator")} == {
        "name": "建设筹集保障性住房", "unit": "套（间）", "target": 185000, "comparator": "=",
    }
    assert [(m["due"], m["target"]) for m in housing["milestones"]] == [
        ("2023-03-31", 10000), ("2023-06-30", 30000), ("2023-09-30", 60000), ("2023-12-31", 185000),
    ]
    assert housing["milestones"][1]["text"].startswith("累计建设筹集保障性住房 3 万套（间）")
    assert housing["reports"] == []


def test_show_text_only_task_has_milestones_without_targets(demo_cli):
    task = json.loads(demo_cli("show", "shenzhen-2023/2", "--format", "json").stdout)
    (schedule,) = task["indicators"]
    assert schedule["target"] is None
    assert [m["target"] for m in schedule["milestones"]] == [None] * 4
    assert all(m["text"] for m in schedule["milestones"])


def test_show_task_with_sub_rows_names_both_lead_units(demo_cli):
    task = json.loads(demo_cli("show", "shenzhen-2023/33", "--format", "json").stdout)
    assert task["lead_units"] == ["市城管和综合执法局", "市水务局"]
    assert {ind["line"] for ind in task["indicators"]} == {1, 2}


def test_show_table_for_a_person(demo_cli):
    log_housing(demo_cli)
    result = demo_cli("--lang", "zh", "show", "shenzhen-2023/5", "--as-of", "2023-07-01")
    assert result.exit_code == 0, result.output
    for words in ("市住房建设局", "第二季度", "3万套（间）", "2.5万套（间）", "区报数", "进度滞后"):
        assert words in result.stdout


def test_log_then_status_is_behind(demo_cli):
    result = log_housing(demo_cli)
    assert result.exit_code == 0, result.output
    assert "2.5万套（间）" in result.stdout
    rows = status_json(demo_cli, "--programme", "shenzhen-2023", "--as-of", "2023-07-01")
    assert all(set(row) >= STATUS_KEYS for row in rows)
    (housing,) = [r for r in rows if r["task"] == "5" and r["indicator"] == "建设筹集保障性住房"]
    assert housing | {} == housing and {k: housing[k] for k in STATUS_KEYS} == {
        "programme": "shenzhen-2023", "task": "5", "indicator": "建设筹集保障性住房", "lead_unit": "市住房建设局",
        "target": 185000, "expected": 30000, "actual": 25000, "as_of": "2023-06-30", "status": "behind",
    }
    assert rows[0]["status"] == "behind"  # behind first


def test_status_filters_by_unit_and_status(demo_cli):
    log_housing(demo_cli)
    rows = status_json(demo_cli, "--unit", "市住房建设局", "--only", "behind", "--as-of", "2023-07-01")
    assert [(r["task"], r["indicator"]) for r in rows] == [("5", "建设筹集保障性住房")]
    # a responsible (not lead) unit sees the task too
    rows = status_json(demo_cli, "--unit", "市人才安居集团", "--as-of", "2023-07-01")
    assert {r["task"] for r in rows} == {"5"}
    rows = status_json(demo_cli, "--only", "no_report", "--only", "behind", "--as-of", "2023-07-01")
    assert {r["status"] for r in rows} == {"no_report", "behind"}


def test_status_table_has_counts_and_the_behind_row_first(demo_cli):
    log_housing(demo_cli)
    result = demo_cli("--lang", "zh", "status", "--as-of", "2023-07-01")
    assert result.exit_code == 0
    body = result.stdout
    assert body.index("建设筹集保障性住房") < body.index("未报送")
    assert "进度滞后 1" in body and "共 " in body


def test_fail_on_behind_exits_1(demo_cli):
    assert demo_cli("status", "--as-of", "2023-07-01", "--fail-on", "behind").exit_code == 0
    log_housing(demo_cli)
    assert demo_cli("status", "--as-of", "2023-07-01", "--fail-on", "no_report").exit_code == 1


def test_log_accepts_a_unique_prefix_and_lists_candidates_otherwise(demo_cli):
    result = demo_cli("log", "shenzhen-2023/5", "3万", "-i", "建设", "--as-of", "2023-06-30")
    assert result.exit_code == 0, result.output
    result = demo_cli("log", "shenzhen-2023/5", "3万", "--as-of", "2023-06-30")
    assert result.exit_code == 2
    assert "建设筹集保障性住房" in result.stderr and "供应分配保障性住房" in result.stderr
    result = demo_cli("log", "shenzhen-2023/5", "3万", "-i", "保障性住房", "--as-of", "2023-06-30")
    assert result.exit_code == 2 and "ambiguous" in result.stderr
    result = demo_cli("log", "shenzhen-2023/5", "3万", "-i", "病床", "--as-of", "2023-06-30")
    assert result.exit_code == 2 and "no indicator '病床'" in result.stderr


def test_log_single_indicator_needs_no_name(demo_cli):
    result = demo_cli("log", "shenzhen-2023/28", "8.9万人", "--as-of", "2023-06-30")
    assert result.exit_code == 0, result.output
    rows = status_json(demo_cli, "--as-of", "2023-07-01", "--programme", "shenzhen-2023")
    (jobs,) = [r for r in rows if r["task"] == "28"]
    assert (jobs["actual"], jobs["expected"], jobs["status"]) == (89000, 89000, "on_track")


def test_text_only_checkpoints_are_marked_met(demo_cli):
    assert demo_cli("log", "shenzhen-2023/2", "--done", "--as-of", "2023-03-20").exit_code == 0
    def task_2():
        (row,) = [r for r in status_json(demo_cli, "--as-of", "2023-07-01", "-p", "shenzhen-2023") if r["task"] == "2"]
        return row

    row = task_2()
    assert (row["expected"], row["actual"], row["status"]) == (2, 1, "behind")
    assert demo_cli("log", "shenzhen-2023/2", "--done", "--as-of", "2023-06-28").exit_code == 0
    assert task_2()["status"] == "on_track"
    for as_of in ("2023-09-01", "2023-12-01"):
        assert demo_cli("log", "shenzhen-2023/2", "--done", "--as-of", as_of).exit_code == 0
    result = demo_cli("log", "shenzhen-2023/2", "--done", "--as-of", "2023-12-02")
    assert result.exit_code == 2 and "already marked met" in result.stderr
    result = demo_cli("log", "shenzhen-2023/2", "5", "--as-of", "2023-12-02")  # more than its checkpoints (onerule56)
    assert result.exit_code == 2 and "进度安排 is a text-only line: give 已完成 or how many of its 4 checkpoints" in result.stderr


def test_log_warns_when_a_cumulative_value_falls(demo_cli):
    log_housing(demo_cli, "3万")
    result = log_housing(demo_cli, "2万", as_of="2023-07-15")
    assert result.exit_code == 0
    assert "lower than" in result.stderr and "3万" in result.stderr


def test_bad_input_exits_2_with_a_one_line_reason(demo_cli):
    cases = [
        (("log", "shenzhen-2023/5", "很多", "-i", "建设"), "VALUE"),
        (("log", "shenzhen-2023/5", "65%", "-i", "建设"), "not a percentage"),
        (("log", "shenzhen-2023/5", "5户", "-i", "建设"), "does not match"),
        (("log", "shenzhen-2023/5", "-i", "建设", "--", "-5"), "negative"),
        (("log", "shenzhen-2023/5", "5", "-i", "建设", "--as-of", "2023-02-30"), "--as-of"),
        (("log", "shenzhen-2023/5", "5", "-i", "建设", "--as-of", "2099-01-01"), "future"),
        (("log", "shenzhen-2023/5", "5", "-i", "建设", "--as-of", "2022-12-31"), "outside the programme's year 2023"),
        (("log", "shenzhen-2023/99", "5"), "no task '99'"),
        (("log", "nowhere/5", "5"), "no programme 'nowhere'"),
        (("log", "shenzhen-2023", "5"), "PROGRAMME/CODE"),
        (("show", "shenzhen-2023/0"), "no task"),
        (("status", "--as-of", "someday"), "--as-of"),
        (("status", "--unit", "住房"), "did you mean"),
        (("status", "--programme", "beijing-2023"), "no programme"),
        (("export", "plan", "beijing-2023"), "no programme"),
    ]
    for args, words in cases:
        refused(demo_cli(*args), words)


def test_rule_is_one_option_everywhere(demo_cli, cli):
    """--rule is defined once: every command refuses an unknown rule in the same one line, before it reads
    or writes anything (demo on an empty database leaves it empty), and accepts both rules."""
    for args in (("status",), ("show", "shenzhen-2023/5"), ("units",), ("report", "weekly"), ("lights",)):
        result = demo_cli(*args, "--rule", "linear")
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr == "mstrack: error: --rule 'linear': expected one of step, pro-rata\n", (args, result.stderr)
        for rule in ("step", "pro-rata"):
            assert demo_cli(*args, "--rule", rule).exit_code == 0, (args, rule)
    result = cli("demo", "--rule", "linear")
    assert result.exit_code == 2 and result.stderr.startswith("mstrack: error: --rule 'linear'"), result.stderr
    assert cli("status").exit_code == 2  # nothing was loaded


def test_bad_option_value_is_a_usage_error(demo_cli):
    result = demo_cli("status", "--only", "late")
    assert result.exit_code == 2 and "--only" in result.output


def test_reading_an_empty_database_says_what_to_do(cli):
    result = cli("status")
    assert result.exit_code == 2 and "mstrack init" in result.stderr


@pytest.mark.sqlite_only
def test_not_a_database_file_is_a_clean_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite" * 100)
    refused(Cli(path)("status"), "database: file is not a database")
    assert path.read_text() == "this is not sqlite" * 100


def test_db_from_environment(tmp_path):
    db = tmp_path / "env.db"
    result = Cli(db).runner.invoke(__import__("mstrack.cli").cli.app, ["init"], env={"MSTRACK_DB": str(db)})
    assert result.exit_code == 0, result.output
    assert db.exists()


def test_export_import_export_gives_the_same_bytes(demo_cli, tmp_path):
    first, second = tmp_path / "sz.toml", tmp_path / "sz2.toml"
    assert demo_cli("export", "plan", "shenzhen-2023", "-o", str(first)).exit_code == 0
    other = Cli(tmp_path / "u.db")
    result = other("import", "plan", str(first))
    assert result.exit_code == 0, result.output
    assert other("export", "plan", "shenzhen-2023", "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    assert demo_cli("export", "plan", "shenzhen-2023").stdout == first.read_text(encoding="utf-8")


def test_reimporting_a_changed_plan_updates_it_and_keeps_reports(demo_cli, tmp_path):
    log_housing(demo_cli)
    text = (SEEDS / "shenzhen-2023.toml").read_text(encoding="utf-8")
    changed = tmp_path / "changed.toml"
    changed.write_text(text.replace("target = 30000", "target = 25000", 1), encoding="utf-8")
    result = demo_cli("import", "plan", str(changed))
    assert result.exit_code == 0, result.output
    assert "0 tasks added, 1 updated, 0 removed" in result.stdout  # the one task whose target changed
    rows = status_json(demo_cli, "--as-of", "2023-07-01", "-p", "shenzhen-2023")
    (row,) = [r for r in rows if r["indicator"] == "建设筹集保障性住房"]
    assert (row["expected"], row["actual"], row["status"]) == (25000, 25000, "on_track")


def test_a_plan_that_drops_a_reported_indicator_is_refused_whole(demo_cli, tmp_path):
    log_housing(demo_cli)
    text = (SEEDS / "shenzhen-2023.toml").read_text(encoding="utf-8")
    renamed = tmp_path / "renamed.toml"
    renamed.write_text(text.replace('name = "建设筹集保障性住房"', 'name = "筹集住房"')
                       .replace('title = "建设筹集', 'title = "改了建设筹集'), encoding="utf-8")
    result = demo_cli("import", "plan", str(renamed))
    assert result.exit_code == 2
    assert "shenzhen-2023/5" in result.stderr and "建设筹集保障性住房" in result.stderr
    task = json.loads(demo_cli("show", "shenzhen-2023/5", "--format", "json").stdout)
    assert task["title"].startswith("建设筹集")  # nothing of the refused import was written
    assert task["indicators"][0]["reports"][0]["value"] == 25000


def test_import_plan_names_the_file_and_key_at_fault(cli, tmp_path):
    bad = write_plan(
        tmp_path / "bad.toml",
        '[[tasks]]\ncode = "1"\ntitle = "t"\n[[tasks.lines]]\nlead_units = ["甲"]\n'
        '[[tasks.lines.indicators]]\nname = "n"\ncomparator = "≥"\ntarget = "many"\n'
        'milestones = [{ due = "2023-02-30", target = 1 }]\n',
    )
    result = cli("import", "plan", str(bad))
    assert result.exit_code == 2
    for words in ("bad.toml", "comparator", "target: expected a number", "2023-02-30"):
        assert words in result.stderr
    broken = tmp_path / "broken.toml"
    broken.write_text("format = 1\n[programme\n", encoding="utf-8")
    result = cli("import", "plan", str(broken))
    assert result.exit_code == 2 and "line 2" in result.stderr
    result = cli("import", "plan", str(tmp_path / "missing.toml"))
    assert result.exit_code == 2 and "missing.toml" in result.stderr


def test_several_text_only_lines_in_one_task_have_names_of_their_own(cli, tmp_path):
    plan = write_plan(
        tmp_path / "two.toml",
        '[[tasks]]\ncode = "1"\ntitle = "t"\n'
        '[[tasks.lines]]\nlead_units = ["甲局"]\ncheckpoints = [{ due = "2023-03-31", text = "a" }]\n'
        '[[tasks.lines]]\nlead_units = ["乙局"]\ncheckpoints = [{ due = "2023-03-31", text = "b" }]\n',
    )
    assert cli("import", "plan", str(plan)).exit_code == 0
    result = cli("log", "x-2023/1", "--done", "--as-of", "2023-03-01")
    assert result.exit_code == 2 and "进度安排（甲局）" in result.stderr and "进度安排（乙局）" in result.stderr
    assert cli("log", "x-2023/1", "--done", "-i", "进度安排（乙", "--as-of", "2023-03-01").exit_code == 0
    rows = json.loads(cli("status", "--format", "json", "--as-of", "2023-04-01").stdout)
    assert {r["indicator"]: r["status"] for r in rows} == {"进度安排（甲局）": "no_report", "进度安排（乙局）": "done"}


def test_a_plan_sets_its_default_rule(cli, tmp_path):
    plan = write_plan(
        tmp_path / "r.toml",
        '[[tasks]]\ncode = "1"\ntitle = "t"\n[[tasks.lines]]\nlead_units = ["甲局"]\n'
        '[[tasks.lines.indicators]]\nname = "n"\ntarget = 100\nmilestones = [{ due = "2023-12-31", target = 100 }]\n',
    )
    plan.write_text(plan.read_text(encoding="utf-8").replace("year = 2023\n", 'year = 2023\nrule = "pro-rata"\n'),
                    encoding="utf-8")
    assert cli("import", "plan", str(plan)).exit_code == 0
    (row,) = json.loads(cli("status", "--format", "json", "--as-of", "2023-07-02").stdout)
    assert row["rule"] == "pro-rata" and 49 < row["expected"] < 51 and row["status"] == "no_report"
    (row,) = json.loads(cli("status", "--format", "json", "--as-of", "2023-07-02", "--rule", "step").stdout)
    assert (row["rule"], row["expected"], row["status"]) == ("step", 0, "not_due")
    assert 'rule = "pro-rata"' in cli("export", "plan", "x-2023").stdout


def test_a_plan_that_drops_a_reported_line_is_refused_whole_and_its_dropped_task_only_cancelled(demo_cli, tmp_path):
    import tomllib

    import tomli_w

    demo_cli("log", "shenzhen-2023/33", "10", "-i", "新增碧道", "--as-of", "2023-03-31")
    demo_cli("log", "shenzhen-2023/2", "--done", "--as-of", "2023-03-31")
    plan = tomllib.loads((SEEDS / "shenzhen-2023.toml").read_text(encoding="utf-8"))
    plan["tasks"][32]["lines"].pop()  # task 33's second line (碧道)
    plan["tasks"].pop(1)  # task 2
    path = tmp_path / "smaller.toml"
    path.write_text(tomli_w.dumps(plan), encoding="utf-8")
    result = demo_cli("import", "plan", str(path))
    assert result.exit_code == 2, result.output
    assert "shenzhen-2023/33 line 2" in result.stderr and "shenzhen-2023/2 " not in result.stderr  # cancelled (cancel57)
    assert "FOREIGN KEY" not in result.stderr
    assert len(json.loads(demo_cli("show", "shenzhen-2023/33", "--format", "json").stdout)["indicators"]) > 4
    plan["tasks"][31]["lines"] = tomllib.loads((SEEDS / "shenzhen-2023.toml").read_text(encoding="utf-8"))["tasks"][32]["lines"]
    path.write_text(tomli_w.dumps(plan), encoding="utf-8")  # the line kept: task 2 alone dropped, and cancelled
    result = demo_cli("import", "plan", str(path))
    assert result.exit_code == 0 and "task shenzhen-2023/2 cancelled (已取消)" in result.output, result.output


def test_the_cycle_collector_is_paused_only_while_a_status_is_built(demo_cli):
    """`status` and `import progress` pause gc for their bulk work (cli.process.bulk) and always give it back,
    also when the command fails."""
    import gc

    assert gc.isenabled()
    assert demo_cli("status", "--as-of", "2023-07-01", "--fail-on", "no_report").exit_code == 1
    assert gc.isenabled()
    assert demo_cli("status", "--programme", "nowhere-2023").exit_code == 2
    assert gc.isenabled()
    from mstrack.cli.process import bulk

    with bulk():
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.sqlite_only
def test_checkpoints_and_milestones_stored_out_of_date_order_are_judged_in_date_order(cli, tmp_path):
    """Plans hold them in date order, but the store does not rely on entry order being date order: it
    reads them unsorted and sorts what is out of order. Rows rewritten back to front judge the same."""
    body = (
        '[[tasks]]\ncode = "1"\ntitle = "t"\n[[tasks.lines]]\nlead_units = ["甲局"]\n'
        'checkpoints = [{ due = "2023-03-31", text = "一季度" }, { due = "2023-06-30", text = "二季度" },'
        ' { due = "2023-09-30", text = "三季度" }]\n'
        '[[tasks.lines.indicators]]\nname = "n"\ntarget = 90\nmilestones = [{ due = "2023-03-31", target = 30 },'
        ' { due = "2023-06-30", target = 60 }, { due = "2023-09-30", target = 90 }]\n'
        '[[tasks]]\ncode = "2"\ntitle = "文字"\n[[tasks.lines]]\nlead_units = ["乙局"]\n'
        'checkpoints = [{ due = "2023-03-31", text = "印发方案" }, { due = "2023-06-30", text = "启动" },'
        ' { due = "2023-12-31", text = "完成" }]\n'
    )
    assert cli("import", "plan", str(write_plan(tmp_path / "p.toml", body))).exit_code == 0
    assert cli("log", "x-2023/1", "50", "--as-of", "2023-07-05").exit_code == 0
    assert cli("log", "x-2023/2", "--done", "--as-of", "2023-04-01").exit_code == 0

    def judged() -> list:
        seen = [json.loads(cli("show", "x-2023/1", "--format", "json").stdout)["indicators"]]
        for on in ("2023-05-01", "2023-07-10", "2023-10-01"):
            for rule in ("step", "pro-rata"):
                seen.append(json.loads(cli("status", "--format", "json", "--as-of", on, "--rule", rule).stdout))
        return seen

    before = judged()
    with sqlite3.connect(cli.db) as connection:
        for table, parent, names in (("milestone", "indicator_id", ["due", "target", "printed", "text"]),
                                     ("checkpoint", "line_id", ["due", "text", "label"])):
            for (owner,) in connection.execute(f"SELECT DISTINCT {parent} FROM {table}").fetchall():
                rows = connection.execute(f"SELECT id, {', '.join(names)} FROM {table} WHERE {parent} = ? ORDER BY id",
                                          (owner,)).fetchall()
                for (row_id, *_), (_, *values) in zip(rows, reversed(rows), strict=True):
                    connection.execute(f"UPDATE {table} SET {', '.join(n + ' = ?' for n in names)} WHERE id = ?",
                                       (*values, row_id))
        moved = connection.execute("SELECT due FROM milestone ORDER BY id").fetchall()
    assert [d for (d,) in moved] == ["2023-09-30", "2023-06-30", "2023-03-31"]
    after = judged()
    assert after == before
    assert [m["due"] for m in after[0][0]["milestones"]] == ["2023-03-31", "2023-06-30", "2023-09-30"]


def test_a_date_without_a_year_takes_the_programmes_year(demo_cli):
    """Every seed is a 2023 programme: "6月底" means 2023-06-30 whatever today's year, with or
    without --programme; mixed years (or none) fall back to today's."""
    for args in ((), ("-p", "shenzhen-2023"), ("-p", "shenzhen-2023", "-p", "yantian-2023")):
        rows = demo_cli("status", *args, "--as-of", "6月底", "--format", "json").stdout
        assert rows == demo_cli("status", *args, "--as-of", "2023-06-30", "--format", "json").stdout
        assert rows != demo_cli("status", *args, "--as-of", f"{date.today().year}-06-30", "--format", "json").stdout
        week = json.loads(demo_cli("report", "weekly", *args, "--as-of", "7月7日", "--format", "json").stdout)
        assert week["as_of"] == "2023-07-07", args
    from mstrack.store import Store

    store = Store(demo_cli.url)
    assert store.common_year() == 2023 and store.common_year(["nowhere"]) is None


def test_status_json_lines_are_what_json_dumps_writes(demo_cli):
    """render.status_line writes each object field by field for speed; it must be json.dumps of
    as_dict, byte for byte, on every demo row (at several dates, both rules) and on odd values."""
    from dataclasses import replace

    from mstrack.domain.status import status_rows
    from mstrack.render.status import status_line
    from mstrack.store import Store

    states = Store(demo_cli.url).status_states(date(2024, 1, 5))
    rows = [row for on in (date(2023, 3, 31), date(2023, 7, 1), date(2024, 1, 5)) for rule in ("step", "pro-rata")
            for row in status_rows(states, on, rule=rule, stale_days=14)]
    odd = rows[0]
    rows += [replace(odd, target=float("nan"), expected=float("inf"), actual=-float("inf"), gap=-0.5, pace=1e20,
                     percent=12.25, days_behind=0, stale=True, agrees=False, note='引号"与\\反斜杠\n换行\t', units=[],
                     lead_units=["甲", "乙"], as_of=None, next_due=None, task_status=None, assessment=None)]
    assert len(rows) > 2000
    for row in rows:
        assert status_line(row) == json.dumps(row.as_dict(), ensure_ascii=False), row


def test_the_days_a_status_line_quotes_are_held_in_a_bounded_cache():
    """A status names the same few days on many fields, so each is quoted once and kept; a long-lived process
    (a server importing mstrack, a test run) that formats rows over many years keeps only the latest few
    thousand, not every day it ever saw."""
    from datetime import timedelta

    from mstrack.render import status

    days = [date(2000, 1, 1) + timedelta(days=n) for n in range(3 * status.QUOTED_DAYS_KEPT)]
    assert [status._day(day) for day in days] == [json.dumps(day.isoformat()) for day in days]
    assert status._day(None) == "null"
    held = status._quoted_day.cache_info()
    assert held.maxsize == status.QUOTED_DAYS_KEPT and held.currsize == status.QUOTED_DAYS_KEPT


def test_the_status_prints_what_every_report_judges_byte_for_byte(demo_cli, tmp_path):
    """The status reads each indicator's latest report and, of the one before it, only its day and value
    (store.states, previous=True), for speed. Its JSON and its table are, byte for byte, those of the same
    indicators judged from every report they have (task_details), written by json.dumps and by the table
    renderer: over every seed programme of the demo, at days around their checkpoints, under both rules."""
    from mstrack.cli.printing import print_width
    from mstrack.domain.lights import warned_rows
    from mstrack.domain.status import count_statuses
    from mstrack.model import WARN_DAYS
    from mstrack.render.status import status_table
    from mstrack.store import Store

    quantities = [state for detail in Store(demo_cli.url).task_details() for state in detail.indicators
                  if state.kind == "quantity" and state.target and state.comparator != "<=" and not state.reports]
    # reports on days either side of the checkpoints, then a correction on one day: two imports, not 150 logs (the
    # set-up is not what this test is about, and each log was a command and a batch of its own)
    for number, shares in enumerate((((1, "2023-02-15"), (2, "2023-04-30"), (4, "2023-08-31"), (5, "2023-11-30")),
                                     ((3, "2023-04-30"),))):
        sheet = tmp_path / f"reports{number}.csv"
        sheet.write_text("计划,任务编号,指标,截至日期,数值\n" + "".join(
            f"{state.programme},{state.task},{state.indicator},{day},{round(state.target * share / 6)}\n"
            for state in quantities[:30] for share, day in shares), encoding="utf-8")
        imported = demo_cli("import", "progress", str(sheet), "--reason", "更正")
        assert imported.exit_code == 0 and imported.exception is None, imported.output
    states = [state for detail in Store(demo_cli.url).task_details() for state in detail.indicators]
    assert sum(len({report.as_of for report in state.reports}) > 3 for state in states) >= 20
    paced = 0
    for on in (date(2023, 3, 31), date(2023, 6, 15), date(2023, 7, 1), date(2023, 9, 30), date(2024, 1, 5)):
        for rule in (None, "pro-rata"):
            rows = warned_rows(states, on, warn_days=WARN_DAYS, rule=rule, stale_days=14)
            paced += sum(row.forecast is not None and row.forecast.recent_pace is not None for row in rows)
            asked = ["status", "--as-of", on.isoformat(), *(["--rule", rule] if rule else [])]
            printed = demo_cli(*asked, "--format", "json")
            assert printed.exit_code == 0 and printed.exception is None, printed.output
            assert printed.stdout == "[\n" + ",\n".join(json.dumps(row.as_dict(), ensure_ascii=False) for row in rows) + "\n]\n"
            table = demo_cli(*asked)
            assert table.exit_code == 0 and table.exception is None, table.output
            assert table.stdout == status_table(rows, count_statuses(rows), on, "en").text(print_width()), (on, rule)
    assert paced > 100  # the earlier report's day and value were read and used

def test_the_weekly_json_goes_out_in_pieces_as_json_dumps_writes_it(demo_cli, tmp_path):
    """The weekly report's JSON is encoded and written in pieces (render.outputs.json_chunks) so that its charts
    are never one string in memory; the text is json.dumps's, byte for byte: at any piece size, on stdout, in a
    file, and as frozen (report diff finds nothing changed)."""
    from mstrack.render.outputs import _json_default, dump_json, json_chunks
    from mstrack.reports.make import make_report
    from mstrack.store import Store

    report = make_report(Store(demo_cli.url), {"kind": "weekly", "programmes": [], "as_of": "2023-07-07",
                                               "since": "2023-06-30", "rule": None, "stale": 14})
    data = {**report.as_dict(), "on": date(2023, 7, 7), "odd": ['引号"与\\反斜杠\n换行\t', float("nan"), None, True]}
    expected = json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    assert dump_json(data) == expected and len(expected) > 10_000
    for tokens in (1, 7, 8192):
        pieces = list(json_chunks(data, tokens))
        assert "".join(pieces) == expected
        assert len(pieces) > 1 or tokens == 8192

    out = demo_cli("report", "weekly", "--as-of", "2023-07-07", "--format", "json", "--freeze")
    assert out.exit_code == 0, out.output
    assert out.stdout == json.dumps(json.loads(out.stdout), ensure_ascii=False, indent=2) + "\n"
    assert json.loads(out.stdout)["as_of"] == "2023-07-07" and json.loads(out.stdout)["summary"]["text"]
    written = demo_cli("report", "weekly", "--as-of", "2023-07-07", "--format", "json", "-o", str(tmp_path / "w.json"))
    assert written.exit_code == 0, written.output
    assert (tmp_path / "w.json").read_bytes() == out.stdout.encode("utf-8")
    unchanged = demo_cli("report", "diff")
    assert unchanged.exit_code == 0, unchanged.output
