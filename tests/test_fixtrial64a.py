"""fixtrial64a, from trial64: two tasks merged by a re-imported plan (finding 1), this week's figures on last week's
form (2), the demo kept out of the store MSTRACK_DB names (3)."""

import json
from pathlib import Path

from .conftest import done, refused
from .test_fixplan57 import PLAN, _task

PILOT = """
[[tasks.lines]]
lead_units = ["深汕特别合作区管委会"]
[[tasks.lines.indicators]]
name = "试点项目4"
unit = "个"
comparator = ">="
target = 24
milestones = [ { due = "2026-12-31", target = 24 } ]
"""


def _merged_plan(tmp_path: Path, name: str, merged: bool) -> Path:
    """city-2026: task 3 老旧小区 (市住建局), task 4 试点项目4 (深汕); merged: 4's line moved under 3, task 4 gone."""
    homes = _task("3", "改造老旧小区50个", "市住建局", ("小区", 50, [("2026-12-31", 50)]))
    pilot = _task("4", "试点项目24个", "深汕特别合作区管委会", ("试点项目4", 24, [("2026-12-31", 24)]))
    tasks = homes + PILOT if merged else homes + pilot
    path = tmp_path / name
    path.write_text(PLAN.format(tasks=tasks), encoding="utf-8")
    return path


def test_a_merge_of_two_tasks_is_refused_as_a_split_is_with_the_way_on(cli, tmp_path):
    done(cli("import", "plan", str(_merged_plan(tmp_path, "city.toml", False))))
    done(cli("log", "city-2026/4", "10", "--as-of", "2026-03-31"))
    done(cli("log", "city-2026/4", "12", "--as-of", "2026-05-31"))
    merge = _merged_plan(tmp_path, "merge.toml", True)
    said = refused(cli("import", "plan", str(merge)),
                   "city-2026/4 line 1 (深汕特别合作区管委会) indicator '试点项目4': the new plan has no task 4, "
                   "and has '试点项目4' in city-2026/3 (tasks merged?): reports stay on their task",
                   "keep task 4 in the plan for this import", "log them again on city-2026/3", "2 reports")
    assert "nothing was written" in said
    # nothing written: task 4 not cancelled, task 3 still one line, the reports where they were
    assert cli.sql("select code, cancelled_by from task order by code") == [("3", None), ("4", None)]
    assert cli.sql("select count(*) from task_line join task on task.id = task_line.task_id where task.code = '3'") == [(1,)]
    assert cli.sql("select count(*) from report join indicator on indicator.id = report.indicator_id "
                   "join task_line on task_line.id = indicator.line_id "
                   "join task on task.id = task_line.task_id "
                   "where task.code = '4'") == [(2,)]
    # the way on: undo those reports, import, log them again on the merged task
    for batch in [b["id"] for b in json.loads(cli("batches", "-f", "json").stdout) if b["command"] == "log"]:
        done(cli("undo", str(batch)))
    done(cli("import", "plan", str(merge)))
    done(cli("log", "city-2026/3", "12", "-i", "试点项目4", "--as-of", "2026-05-31"))
    assert cli.sql("select code, cancelled_by from task order by code") == [("3", None)]
    shown = json.loads(cli("status", "-p", "city-2026", "--as-of", "2026-06-05", "-f", "json").stdout)
    assert [(row["task"], row["actual"]) for row in shown if row["indicator"] == "试点项目4"] == [("3", 12)]


def test_a_cancelled_task_whose_indicator_name_the_other_task_had_before_is_cancelled_as_before(cli, tmp_path):
    """Another task that had an indicator of the name before is not where it went: the task is cancelled, said."""
    shared = ("完成率", 100, [("2026-12-31", 100)])
    first = tmp_path / "a.toml"
    first.write_text(PLAN.format(tasks=_task("3", "改造老旧小区", "市住建局", shared) + _task("4", "口袋公园", "市城管局", shared)),
                     encoding="utf-8")
    done(cli("import", "plan", str(first)))
    done(cli("log", "city-2026/4", "10", "--as-of", "2026-03-31"))
    second = tmp_path / "b.toml"
    second.write_text(PLAN.format(tasks=_task("3", "改造老旧小区", "市住建局", shared)), encoding="utf-8")
    result = cli("import", "plan", str(second))
    done(result)
    assert "task city-2026/4 cancelled" in result.output + result.stderr
    # kept, marked cancelled: one row of code 4 with its batch (`!= [None]` held for a task removed too, no row left)
    assert [bool(row[0]) for row in cli.sql("select cancelled_by is not null from task where code = '4'")] == [True]
    assert cli.sql("select count(*) from report") == [(1,)]


# --- 3: the demo and the store MSTRACK_DB names ----------------------------------------------------------------------

def test_the_demo_with_mstrack_db_set_loads_there_unless_it_holds_the_offices_programmes(cli, monkeypatch, tmp_path):
    """MSTRACK_DB names the store every command reads (the command-line contract), the demo's too: the samples go into
    it, said so with the way to take them out; a store holding the office's programme (a coordinator's profile,
    deployment.md; trial64 F3) is refused, exit 2, nothing written."""
    from typer.testing import CliRunner

    from mstrack.cli import app

    done(cli("init"))
    office = tmp_path / "office.db"
    monkeypatch.setenv("MSTRACK_DB", str(office))
    done(CliRunner().invoke(app, ["init"], catch_exceptions=False))
    plan = tmp_path / "x.toml"
    plan.write_text(PLAN.format(tasks=_task("1", "新建公办幼儿园10所", "市教育局", ("幼儿园", 10, [("2026-12-31", 10)]))), encoding="utf-8")
    done(CliRunner().invoke(app, ["import", "plan", str(plan)], catch_exceptions=False))
    refused(CliRunner().invoke(app, ["--lang", "en", "demo"], catch_exceptions=False), "city-2026")
    import sqlite3

    with sqlite3.connect(office) as store:
        assert store.execute("select code from programme").fetchall() == [("city-2026",)]  # nothing of the samples
    empty = tmp_path / "empty.db"
    monkeypatch.setenv("MSTRACK_DB", str(empty))
    demo = CliRunner().invoke(app, ["--lang", "en", "demo"], catch_exceptions=False)
    done(demo)
    assert "MSTRACK_DB names this store: the samples are in it" in demo.stderr, demo.stderr
    with sqlite3.connect(empty) as store:
        assert store.execute("select count(*) from programme").fetchone() == (5,)
    assert cli.sql("select count(*) from programme") == [(0,)]  # the --db store the fixture names: untouched
    explicit = cli("demo")  # --db on the command line: loaded there, no word of MSTRACK_DB
    done(explicit)
    assert cli.sql("select count(*) from programme") == [(5,)] and "MSTRACK_DB" not in explicit.stderr


# --- 2: this week's figures on last week's form -----------------------------------------------------------------------

def _weeks(cli, tmp_path: Path, *days_values: tuple[str, int, int]) -> None:
    """x-2023's 市住建局 reporting each (day, 保障房, 完成投资) on that week's own form."""
    from .test_safe47b import filled, form, housing

    done(cli("import", "plan", housing(tmp_path)))
    for day, homes, money in days_values:
        blank = form(cli, tmp_path, f"w{day}.xlsx", "--unit", "市住建局", "--as-of", day)
        done(cli("import", "progress", str(filled(blank, tmp_path / f"w{day}-filled.xlsx",
                                                  {"保障房": homes, "完成投资": money}, "张三"))))


def _stored(cli, day: str) -> list:
    """The figures standing on `day`: each indicator's latest entry of it not undone (a correction wins)."""
    return [value for (value,) in cli.sql(
        "select r.value from report r where r.as_of = '" + day + "' and r.id = (select max(y.id) from report y"
        " where y.indicator_id = r.indicator_id and y.as_of = r.as_of"
        " and y.id not in (select report_id from report_retraction))")]


def test_next_weeks_figures_on_last_weeks_form_are_taken_as_a_correction_and_said_plainly(cli, tmp_path):
    from .test_safe47b import filled, form

    _weeks(cli, tmp_path, ("2023-05-24", 100, 20000))
    week21 = form(cli, tmp_path, "week21-again.xlsx", "--unit", "市住建局", "--as-of", "2023-05-24")
    result = cli("import", "progress", str(filled(week21, tmp_path / "week22.xlsx", {"保障房": 150, "完成投资": 26000}, "张三")))
    done(result)
    assert "2 corrected" in result.output  # taken as a correction, as docs/import.md says: a v2 reads the same
    assert sorted(_stored(cli, "2023-05-24")) == [150, 26000]
    assert ("week22.xlsx: its 2 rows correct every figure they give of 2023-05-24 upward (the figures of "
            "w2023-05-24-filled.xlsx): if these are a later week's figures typed on the form of 2023-05-24") in result.stderr
    assert "change 截至日期 to the figures' day" in result.stderr and "`mstrack undo` this import" in result.stderr
    v2 = cli("import", "progress", str(filled(week21, tmp_path / "v2.xlsx", {"保障房": 160, "完成投资": 26000}, "张三")))
    done(v2)  # a unit's v2 changing one figure: a correction, no word of weeks
    assert "1 corrected" in v2.output and "截至日期" not in v2.stderr, v2.stderr


def test_an_older_forms_refusal_names_the_likely_cause_and_reason_still_overwriting_is_said(cli, tmp_path):
    from .test_safe47b import filled, form

    _weeks(cli, tmp_path, ("2023-04-07", 5, 1000))
    old = form(cli, tmp_path, "w3-old.xlsx", "--unit", "市住建局", "--as-of", "2023-04-21")  # 上次日期 2023-04-07
    _weeks(cli, tmp_path, ("2023-04-14", 7, 1500), ("2023-04-21", 9, 2000), ("2023-04-28", 11, 2600))
    typed = filled(old, tmp_path / "教育局.xlsx", {"保障房": 11, "完成投资": 2600}, "张三")  # week 4's figures
    said = refused(cli("import", "progress", str(typed)),
                   "this form was made before the report of 2023-04-14",
                   "its 上次日期 is 2023-04-07, and 11套 is the figure already stored for 2023-04-28. Most likely",
                   "Most likely these are a later week's figures on an older form, its 截至日期 2023-04-21 left as printed: "
                   "change 截至日期 to the day the figures are of and import it again",
                   "give --reason only to correct the figures of 2023-04-21 themselves")
    assert "nothing" in said or "error" in said
    assert sorted(_stored(cli, "2023-04-21")) == [9, 2000]  # nothing written
    forced = cli("import", "progress", str(typed), "--reason", "单位更正")
    done(forced)
    assert ("教育局.xlsx: its 2 rows give the figures of 2023-04-21 the values already stored for 2023-04-28: these look "
            "like the figures of 2023-04-28 on the form of 2023-04-21") in forced.stderr, forced.stderr
    assert sorted(_stored(cli, "2023-04-21")) == [11, 2600]  # written, as --reason asks, and said


# --- 4: a subsidy's rates per head and month, after the sums, no targets -----------------------------------------------

def _figures(text: str) -> list[tuple[float, str]]:
    from mstrack.sources.table.mentions import find_mentions

    return [(m.value, m.unit) for m in find_mentions(text, 2023)]


def test_a_subsidys_rates_with_their_head_and_month_after_the_sums_are_no_targets():
    """The 青岛 seed's task 5 ("按照二孩300元、三孩380元每人每月进行补贴") read as two indicators "= 300元", "= 380元": what each
    child's place earns a month, a rule of the scheme, as "每人每月100元" after the payment is (held62a). A standard set
    to the rates, and a figure of work beside them, stay targets."""
    assert _figures("提升托育服务供给和质量,对备案托育机构在托普惠性托位按照二孩300元、三孩380元每人每月进行补贴") == []
    assert _figures("对托育机构按照每人每月300元进行补贴，新增托位2000个") == [(2000, "个")]
    assert _figures("按照二孩300元、三孩380元每人每月进行补贴，新增托位2000个") == [(2000, "个")]
    assert _figures("补贴标准提高到二孩300元、三孩380元每人每月进行补贴") == [(300, "元"), (380, "元")]
    assert _figures("三孩每人每月200元") == [(200, "元")]  # no payment after it: as before (revfix21b)


def test_a_merge_with_the_next_task_moved_up_into_the_code_is_refused_the_same(cli, tmp_path):
    """Task 4 merged into task 3 and task 5 moved up to 4 (proved renumbered: its reports go with it): task 4's reported
    indicator, now in task 3, is refused as a merge, not cancelled unsaid under 4~BATCH."""
    homes = _task("3", "改造老旧小区50个", "市住建局", ("小区", 50, [("2026-12-31", 50)]))
    parks = _task("4", "建设口袋公园20个", "市城管局", ("公园", 20, [("2026-12-31", 20)]))
    piles = ("建设充电桩1000个", "市发改委", ("充电桩", 1000, [("2026-12-31", 1000)]))
    first = tmp_path / "a.toml"
    first.write_text(PLAN.format(tasks=homes + parks + _task("5", *piles)), encoding="utf-8")
    done(cli("import", "plan", str(first)))
    done(cli("log", "city-2026/4", "8", "--as-of", "2026-05-31"))
    done(cli("log", "city-2026/5", "300", "--as-of", "2026-05-31"))
    merged = tmp_path / "b.toml"
    park_line = PILOT.replace("深汕特别合作区管委会", "市城管局").replace("试点项目4", "公园").replace("24", "20")
    merged.write_text(PLAN.format(tasks=homes + park_line + _task("4", *piles)), encoding="utf-8")
    said = refused(cli("import", "plan", str(merged)), "indicator '公园'", "the new plan gives code 4 to city-2026/5 moved up, "
                   "and has '公园' in city-2026/3 (tasks merged?)",
                   "log them again on city-2026/3")
    assert "nothing was written" in said
    assert cli.sql("select code, title, cancelled_by from task order by code") == [
        ("3", "改造老旧小区50个", None), ("4", "建设口袋公园20个", None), ("5", "建设充电桩1000个", None)]
