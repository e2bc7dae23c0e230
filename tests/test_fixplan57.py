"""fixplan57, from trial57: a revised programme mid-year. A raised target whose milestones stay at the old schedule
(finding 1), a dropped or renumbered task with reports (3), the changes a revision makes seen whole (6), a split
task's indicator found where it went (7)."""

import json
from pathlib import Path

from .conftest import done, refused

PLAN = """format = 1
[programme]
code = "city-2026"
name = "某市2026年民生实事"
year = 2026
{tasks}
"""

TASK = """
[[tasks]]
code = "{code}"
title = "{title}"
deadline = "2026-12-31"
[[tasks.lines]]
lead_units = ["{lead}"]
{indicators}
"""

INDICATOR = """
[[tasks.lines.indicators]]
name = "{name}"
unit = "个"
comparator = ">="
target = {target}
milestones = [ {milestones} ]
"""


def _task(code: str, title: str, lead: str, *indicators: tuple) -> str:
    """A task; each indicator (name, target, [(due, value), …])."""
    said = "".join(INDICATOR.format(name=name, target=target, milestones=", ".join(
        f'{{ due = "{due}", target = {value} }}' for due, value in milestones)) for name, target, milestones in indicators)
    return TASK.format(code=code, title=title, lead=lead, indicators=said)


def _plan(tmp_path: Path, name: str, *tasks: str) -> Path:
    path = tmp_path / name
    path.write_text(PLAN.format(tasks="".join(tasks)), encoding="utf-8")
    return path


SCHOOL = ("学位", 2000, [("2026-06-30", 1000), ("2026-12-31", 2000)])


def _schools(target: int = 2000) -> str:
    return _task("1", "新增学位2000个", "市教育局", ("学位", target, SCHOOL[2]))


def test_a_raised_target_whose_milestones_stay_is_said_and_judged_at_the_target(cli, tmp_path):
    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", _schools()))))
    done(cli("log", "city-2026/1", "900", "--as-of", "2026-06-30"))
    revision = _plan(tmp_path, "rev1.toml", _schools(2500))
    result = cli("import", "plan", str(revision))
    done(result)
    assert ("task 1: indicator 学位's target is 2500个 but its schedule ends at 2000个 on 2026-12-31"
            in result.output), result.output
    assert "target 2000个 → 2500个, its milestones unchanged (2026-06-30 1000个, 2026-12-31 2000个)" in result.output
    assert cli.sql("select target from indicator") in ([(2500,)], [(2500.0,)])  # stored as written: a warning
    done(cli("log", "city-2026/1", "2100", "--as-of", "2026-12-01"))
    status = cli("status", "-p", "city-2026", "--as-of", "2026-12-31", "-f", "json")
    done(status)
    row = json.loads(status.stdout)
    rows = row["rows"] if isinstance(row, dict) else row
    assert [(r["expected"], r["status"]) for r in rows] == [(2500, "behind")], rows  # was 2000, on track, at 84 %
    mid = json.loads(cli("status", "-p", "city-2026", "--as-of", "2026-07-01", "-f", "json").stdout)
    assert [r["expected"] for r in (mid["rows"] if isinstance(mid, dict) else mid)] == [1000]  # the way there unchanged


def test_a_fresh_plan_whose_schedule_ends_below_its_target_is_said_and_strict_refuses_it(cli, tmp_path):
    plan = _plan(tmp_path, "z.toml", _schools(2500))
    strict = cli("import", "plan", "--strict", str(plan))
    refused(strict, "schedule ends at 2000个 on 2026-12-31")
    assert "2500个" in strict.output
    result = cli("import", "plan", str(plan))
    done(result)
    assert "1 task added" in result.output, result.output  # the strict run wrote nothing
    assert "its schedule ends at 2000个" in result.output
    chinese = cli("--lang", "zh", "import", "plan", "--dry-run", str(plan))
    assert "其节点安排止于 2026-12-31 的 2000个" in chinese.output, chinese.output
    fine = cli("import", "plan", str(_plan(tmp_path, "ok.toml", _schools(2000))))
    done(fine)
    assert "schedule ends" not in fine.output


def _many(target: int) -> str:
    return "".join(_task(str(k), f"任务{k}", "市教育局", ("学位", target, [("2026-12-31", target)])) for k in range(1, 13))


def test_every_change_a_revision_makes_can_be_seen_at_import_and_after(cli, tmp_path):
    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", _many(2000)))))
    for k in range(1, 13):
        done(cli("log", f"city-2026/{k}", "900", "--as-of", "2026-06-30"))
    revision = _plan(tmp_path, "rev.toml", _many(2500))
    cut = cli("import", "plan", "--dry-run", str(revision))
    done(cut)
    assert cut.output.count("target 2000个 → 2500个") == 5 and "… and 14 more" in cut.output, cut.output  # and milestones
    assert "(`--verbose` or `-f json` lists all 24)" in cut.output
    whole = cli("import", "plan", "--dry-run", "--verbose", str(revision))
    done(whole)
    assert whole.output.count("target 2000个 → 2500个") == 12 and "more" not in whole.output, whole.output
    written = cli("import", "plan", "-f", "json", str(revision))
    done(written)
    [said] = json.loads(written.stdout)
    assert (said["programme"], said["tasks_updated"], said["dry_run"]) == ("city-2026", 12, False), said
    assert len(said["changes"]) == 24 and sum("target 2000个 → 2500个" in change for change in said["changes"]) == 12
    batch = said["batch"]
    assert cli.sql(f"select command from batch where id = {batch}") == [("import plan",)]
    history = cli("history", "city-2026/12")
    done(history)
    assert "plan changes" in history.output and "rev.toml" in history.output, history.output
    assert "学位: target 2000个 → 2500个" in history.output
    shown = cli("show", "city-2026/12", "-f", "json")
    done(shown)
    change, milestones = json.loads(shown.stdout)["plan_changes"]
    assert "milestones 2026-12-31 2000个 → 2026-12-31 2500个" in milestones["change"]
    assert (change["batch"], change["source"]) == (batch, "rev.toml"), change
    assert "target 2000个 → 2500个" in change["change"]
    done(cli("undo", str(batch)))
    back = json.loads(cli("show", "city-2026/12", "-f", "json").stdout)["plan_changes"]
    assert [c["batch"] for c in back] == [batch] * 2 + [batch + 1] * 2 and "target 2500个 → 2000个" in back[2]["change"]
    quiet = cli("history", "city-2026/12", "-f", "json")  # the values' JSON keeps its shape: a list of reports
    assert all("report_id" in entry for entry in json.loads(quiet.stdout))


def _elderly(split: bool) -> str:
    """Task 2 养老床位 + 助餐点 (市民政局); split: 助餐点 moved to a new task 6 of the same lead unit."""
    beds = ("养老床位", 500, [("2026-12-31", 500)])
    meals = ("助餐点", 30, [("2026-12-31", 30)])
    if not split:
        return _task("2", "新增养老床位500张、助餐点30个", "市民政局", beds, meals)
    return _task("2", "新增养老床位500张", "市民政局", beds) + _task("6", "新建助餐点30个", "市民政局", meals)


def test_a_split_tasks_indicator_is_found_where_it_went(cli, tmp_path):
    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", _elderly(False)))))
    done(cli("log", "city-2026/2", "12", "-i", "助餐点", "--as-of", "2026-06-30"))
    revision = _plan(tmp_path, "rev1.toml", _elderly(True))
    refusal = refused(cli("import", "plan", str(revision)),
                      "indicator '助餐点': the new plan's line has no indicator '助餐点', and the new plan has '助餐点' in "
                      "city-2026/6 (a task split?)", "log them again on city-2026/6")
    assert "1 report" in refusal
    assert cli.sql("select count(*) from task") == [(1,)]  # nothing written
    batch = json.loads(cli("batches", "-f", "json").stdout)[0]["id"]
    done(cli("undo", str(batch)))
    done(cli("import", "plan", str(revision)))
    plan_batch = json.loads(cli("batches", "-f", "json").stdout)[0]["id"]
    old = tmp_path / "old.csv"
    old.write_text("计划,任务编号,指标,截至日期,数值\ncity-2026,2,助餐点,2026-11-30,14\n", encoding="utf-8")
    said = refused(cli("import", "progress", str(old)), "city-2026/2 has no indicator '助餐点'",
                   f"'助餐点' is now city-2026/6 (batch {plan_batch} moved it)")
    assert "old.csv:2" in said
    logged = refused(cli("log", "city-2026/2", "14", "-i", "助餐点", "--as-of", "2026-11-30"),
                     f"'助餐点' is now city-2026/6 (batch {plan_batch} moved it)")
    assert "--indicator" in logged
    unknown = refused(cli("log", "city-2026/2", "14", "-i", "幼儿园", "--as-of", "2026-11-30"), "no indicator '幼儿园'")
    assert "is now" not in unknown


def _five(*, drop_parks: bool = False, parks_code: str | None = None, insert: bool = False) -> list[str]:
    """city-2026's tasks 3 老旧小区, 4 口袋公园, 5 充电桩; drop_parks: 4 dropped and 5 moved up to 4 (parks_code: 口袋公园
    kept under that code); insert: a new task 3 before them, the others moved down."""
    homes = ("老旧小区", "改造老旧小区50个", "市住建局", ("小区", 50, [("2026-12-31", 50)]))
    parks = ("口袋公园", "建设口袋公园20个", "市城管局", ("公园", 20, [("2026-12-31", 20)]))
    piles = ("充电桩", "建设充电桩1000个", "市发改委", ("充电桩", 1000, [("2026-12-31", 1000)]))
    if insert:
        new = ("加装电梯", "加装电梯100部", "市住建局", ("电梯", 100, [("2026-12-31", 100)]))
        return [_task(str(k), *task[1:]) for k, task in zip((3, 4, 5, 6), (new, homes, parks, piles), strict=True)]
    if drop_parks:
        kept = [_task("3", *homes[1:]), _task("4", *piles[1:])]
        return kept + ([_task(parks_code, *parks[1:])] if parks_code else [])
    return [_task(str(k), *task[1:]) for k, task in zip((3, 4, 5), (homes, parks, piles), strict=True)]


def _indicator_of(cli, code: str) -> list[tuple]:
    """The indicators under task `code` with their reports' values."""
    return sorted(tuple(row) for row in cli.sql(
        "select i.name, r.value from report as r join indicator as i on i.id = r.indicator_id join task_line as l on "
        f"l.id = i.line_id join task as t on t.id = l.task_id where t.code = '{code}'"))


def test_a_renumbering_the_import_can_prove_moves_the_reports_with_the_task_and_undoes(cli, tmp_path):
    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", *_five()))))
    for code, name, value in (("3", "小区", "20"), ("4", "公园", "8"), ("5", "充电桩", "400")):
        done(cli("log", f"city-2026/{code}", value, "-i", name, "--as-of", "2026-06-30"))
    moved_up = _plan(tmp_path, "rev2.toml", *_five(drop_parks=True))
    dropped = cli("import", "plan", "--dry-run", str(moved_up))  # the park dropped: cancelled, kept (cancel57)
    done(dropped)
    assert "task city-2026/4 cancelled (已取消): 建设口袋公园20个: its 1 report kept" in dropped.output, dropped.output
    assert _indicator_of(cli, "5") == [("充电桩", 400)]  # nothing written
    kept_apart = _plan(tmp_path, "rev2b.toml", *_five(drop_parks=True, parks_code="4-1"))
    result = cli("import", "plan", str(kept_apart))
    done(result)
    assert "task city-2026/5 → city-2026/4: 建设充电桩1000个 (the same title, lead units and indicators): its 1 report moves " \
           "with it" in result.output, result.output
    assert "task city-2026/4 → city-2026/4-1: 建设口袋公园20个" in result.output
    assert "renamed" not in result.output and "0 tasks added, 2 updated, 0 removed" in result.output, result.output
    assert _indicator_of(cli, "4") == [("充电桩", 400)] and _indicator_of(cli, "4-1") == [("公园", 8)]
    assert _indicator_of(cli, "5") == []
    status = json.loads(cli("status", "-p", "city-2026", "--as-of", "2026-07-01", "-f", "json").stdout)
    rows = status["rows"] if isinstance(status, dict) else status
    assert sorted((r["task"], r["actual"]) for r in rows) == [("3", 20), ("4", 400), ("4-1", 8)]
    again = cli("import", "plan", str(kept_apart))
    done(again)
    assert "unchanged" in again.output
    batch = json.loads(cli("batches", "-f", "json").stdout)[0]["id"]
    done(cli("undo", str(batch)))
    assert _indicator_of(cli, "4") == [("公园", 8)] and _indicator_of(cli, "5") == [("充电桩", 400)]
    assert cli.sql("select count(*) from task") == [(3,)]


def test_a_task_inserted_before_reported_ones_moves_them_down_with_their_reports(cli, tmp_path):
    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", *_five()))))
    for code, name, value in (("3", "小区", "20"), ("4", "公园", "8"), ("5", "充电桩", "400")):
        done(cli("log", f"city-2026/{code}", value, "-i", name, "--as-of", "2026-06-30"))
    result = cli("import", "plan", "--dry-run", str(_plan(tmp_path, "rev.toml", *_five(insert=True))))
    done(result)
    assert result.output.count("moves with it") == 3, result.output
    assert _indicator_of(cli, "3") == [("小区", 20)]  # a dry run
    done(cli("import", "plan", str(_plan(tmp_path, "rev.toml", *_five(insert=True)))))
    assert [_indicator_of(cli, code) for code in "3456"] == [[], [("小区", 20)], [("公园", 8)], [("充电桩", 400)]]
    titles = dict(cli.sql("select code, title from task"))
    assert titles == {"3": "加装电梯100部", "4": "改造老旧小区50个", "5": "建设口袋公园20个", "6": "建设充电桩1000个"}


def test_a_return_naming_a_renumbered_tasks_old_code_is_told_its_new_one(cli, tmp_path):
    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", *_five()))))
    done(cli("log", "city-2026/5", "400", "-i", "充电桩", "--as-of", "2026-06-30"))
    done(cli("log", "city-2026/4", "8", "-i", "公园", "--as-of", "2026-06-30"))
    done(cli("import", "plan", str(_plan(tmp_path, "rev.toml", *_five(drop_parks=True, parks_code="4-1")))))
    batch = json.loads(cli("batches", "-f", "json").stdout)[0]["id"]
    old = tmp_path / "old.csv"
    old.write_text("计划,任务编号,指标,截至日期,数值\ncity-2026,5,充电桩,2026-11-30,600\n", encoding="utf-8")
    refused(cli("import", "progress", str(old)), "city-2026 has no task '5'",
            f"task '5' is now city-2026/4 (建设充电桩1000个; batch {batch} renumbered it)")
    assert sorted(v for (v,) in cli.sql("select value from report")) == [8, 400]  # nothing written
    made_before = tmp_path / "form.csv"  # a form made before the renumbering: code 4 was the park's
    made_before.write_text("计划,任务编号,工作任务,截至日期,数值\ncity-2026,4,建设口袋公园20个,2026-11-30,12\n", encoding="utf-8")
    refused(cli("import", "progress", str(made_before)), "'建设口袋公园20个' is not the task 任务编号 '4' names",
            "'建设口袋公园20个' names task 4-1")
    assert sorted(v for (v,) in cli.sql("select value from report")) == [8, 400]  # not on 充电桩, which took code 4
