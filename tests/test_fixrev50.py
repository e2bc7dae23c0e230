"""The review's findings (review50, fixrev50): the forecast after a rate's deadline follows its status (F9); a level
met early has no Done % in units or the 一览表 either (F6); …"""

from __future__ import annotations

import json

from tests.conftest import done, plan_task, plan_tasks, write_plan

from .test_views50 import _growth_plan


def ok(result):
    done(result)
    return result


def _water_plan(tmp_path):
    rate = plan_task("1", "自来水普及率达到95%", "县水务局", "自来水普及率", "%", 95,
                     milestones=[("2023-06-30", 90), ("2023-12-31", 95)])
    count = plan_task("2", "新建幼儿园4所", "县教育局", "幼儿园", "所", 4)
    return write_plan(tmp_path / "p.toml", plan_tasks(rate, count))


def test_after_its_deadline_a_rate_met_early_is_met_in_the_forecast_as_in_its_status(cli, tmp_path):
    """review50 F9: 5.2% of 5% reported in July, shown in January: `done`, and the forecast said "done only if still met
    on 2023-12-31", a day already past. Now "target met on 2023-07-05", as for a count; before the deadline unchanged."""
    done(cli("import", "plan", str(_growth_plan(tmp_path))))
    done(cli("log", "x-2023/1", "5.2", "--as-of", "2023-07-05"))
    result = cli("show", "x-2023/1", "--as-of", "2024-01-10")
    done(result)
    assert "done only if still met" not in result.stdout
    assert "target met on 2023-07-05" in result.stdout
    for on in ("2023-12-31", "2024-01-10"):
        rows = json.loads(ok(cli("status", "--as-of", on, "--format", "json")).stdout)
        assert [row["status"] for row in rows if row["task"] == "1"] == ["done"]
    result = cli("show", "x-2023/1", "--as-of", "2023-12-30")
    done(result)
    assert "at its target so far; done only if still met on 2023-12-31" in result.stdout


def test_a_level_met_early_has_no_share_done_in_units_or_the_half_year_report(cli, tmp_path):
    """review50 F6: 普及率 96% of 95% on 06-30, judged 07-10: status has no Done % (a level, judged at the deadline), but
    `units` counted the unit's completion rate 100 and the half-year 一览表 printed "完成年度目标101.1%". Now neither
    does; a count beside it keeps its share, and from the deadline on the rate's share is given everywhere."""
    done(cli("import", "plan", str(_water_plan(tmp_path))))
    done(cli("log", "x-2023/1", "96%", "--as-of", "2023-06-30", "--by", "县水务局"))
    done(cli("log", "x-2023/2", "1", "--as-of", "2023-06-30", "--by", "县教育局"))
    rows = {row["task"]: row for row in json.loads(ok(cli("status", "--as-of", "2023-07-10", "-f", "json")).stdout)}
    assert (rows["1"]["status"], rows["1"]["percent"]) == ("on_track", None)
    units = {row["unit"]: row for row in json.loads(ok(cli("units", "--as-of", "2023-07-10", "-f", "json")).stdout)}
    assert units["县水务局"]["completion_rate"] is None
    assert units["县教育局"]["completion_rate"] == 25.0
    report = ok(cli("report", "half-year", "-p", "x-2023", "--as-of", "2023-07-10", "-f", "md")).stdout
    assert "自来水普及率: 96% (as of 2023-06-30) |" in report and "101.1%" not in report
    assert "幼儿园: 1所 (as of 2023-06-30, 25% of the annual target)" in report
    units = {row["unit"]: row for row in json.loads(ok(cli("units", "--as-of", "2024-01-10", "-f", "json")).stdout)}
    assert units["县水务局"]["completion_rate"] == 100.0
    report = ok(cli("report", "annual", "-p", "x-2023", "--as-of", "2024-01-10", "-f", "md")).stdout
    assert "自来水普及率: 96% (as of 2023-06-30, 101.1% of the annual target)" in report
