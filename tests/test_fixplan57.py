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
