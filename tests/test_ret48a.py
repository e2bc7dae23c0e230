"""ret48 (1): a report's JSON names the office that reported it (`reporting_unit`) wherever the report is shown: `show`
and the weekly report's new reports, as `history` has since unit47 (a key added, none renamed)."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import done, plan_task, plan_tasks, write_plan


def districts(tmp_path: Path) -> str:
    task = plan_task("1", "新增学位", "各区人民政府", "学位", "个", 1000, units=["福田区", "南山区"])
    return str(write_plan(tmp_path / "d.toml", plan_tasks(task)))


def logged(cli, tmp_path: Path) -> None:
    done(cli("import", "plan", districts(tmp_path)))
    done(cli("log", "x-2023/1", "300", "--as-of", "2023-06-30", "--unit", "福田区", "--by", "张三"))
    done(cli("log", "x-2023/1", "320", "--as-of", "2023-07-03", "--by", "李四"))  # no --unit: none said


def test_show_json_gives_each_reports_reporting_unit(cli, tmp_path):
    logged(cli, tmp_path)
    result = cli("show", "x-2023/1", "--format", "json")
    done(result)
    reports = json.loads(result.stdout)["indicators"][0]["reports"]
    assert [(r["value"], r["reporter"], r["reporting_unit"]) for r in reports] == [(300, "张三", "福田区"), (320, "李四", None)]
    history = json.loads(cli("history", "x-2023/1", "--format", "json").stdout)
    assert [r["reporting_unit"] for r in history] == ["福田区", None]  # the same key, the same values


def test_the_weekly_reports_new_reports_give_their_reporting_unit(cli, tmp_path):
    logged(cli, tmp_path)
    result = cli("report", "weekly", "--as-of", "2023-07-05", "--since", "2023-06-20", "--format", "json")
    done(result)
    new = json.loads(result.stdout)["changes"]["reports"]
    assert sorted((r["value"], r["reporter"], r["reporting_unit"]) for r in new) == [(300, "张三", "福田区"), (320, "李四", None)]


def test_a_table_of_show_still_prints_the_reports(cli, tmp_path):
    logged(cli, tmp_path)
    result = cli("show", "x-2023/1", "--as-of", "2023-07-05")
    done(result)
    assert "300" in result.stdout and "320" in result.stdout
