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


def _far_plan(tmp_path, deadline: str, end: str | None = None):
    body = plan_tasks(plan_task("1", "新建学校3所", "县教育局", "学校", "所", 3, deadline=deadline),
                      plan_task("2", "新建道路5条", "县住建局", "道路", "条", 5, deadline="2023-12-31"))
    plan = write_plan(tmp_path / "far.toml", body)
    if end:
        plan.write_text(plan.read_text(encoding="utf-8").replace("year = 2023\n", f'year = 2023\nend = "{end}"\n'),
                        encoding="utf-8")
    return plan


def test_one_far_deadline_neither_opens_the_programme_for_years_nor_passes_unsaid(cli, tmp_path):
    """review50 F3: a 2023 plan with one task due 2033-12-31 (a typo for 2023) was imported without a word, and from
    then on any task took reports dated to January 2034: `log x-2023/2 2 --as-of 2026-05-01` exit 0. Now import plan
    says the date is years past the programme's year, and the window stays the year and the January after."""
    result = cli("import", "plan", str(_far_plan(tmp_path, "2033-12-31")))
    done(result)
    said = " ".join(result.stderr.split())
    assert "task 1" in said and "2033-12-31" in said and "past the programme's year 2023" in said, result.stderr
    result = cli("log", "x-2023/2", "2", "--as-of", "2026-05-01")
    assert result.exit_code == 2 and "outside the programme's year 2023" in result.stderr, result.output
    result = cli("log", "x-2023/1", "2", "--as-of", "2024-06-30")
    assert result.exit_code == 2 and "outside the programme's year 2023" in result.stderr, result.output
    assert cli.sql("SELECT count(*) FROM report") == [(0,)]
    done(cli("log", "x-2023/2", "2", "--as-of", "2024-01-15"))  # the January after, as for any 2023 programme


def test_a_deadline_in_the_year_after_or_within_the_programmes_end_still_carries_its_window(cli, tmp_path):
    """A 2023 list's task due 2024-12-31 (carried over a year) is followed to its end without a word, and a programme
    whose `end` says it runs to 2026 takes its tasks' deadlines up to then."""
    result = cli("import", "plan", str(_far_plan(tmp_path, "2024-12-31")))
    done(result)
    assert "past the programme's year" not in result.stderr
    done(cli("log", "x-2023/1", "2", "--as-of", "2025-01-20"))
    (tmp_path / "two").mkdir()
    result = cli("import", "plan", str(_far_plan(tmp_path / "two", "2026-06-30", end="2026-12-31")), "--reason", "r")
    done(result)
    assert "past the programme's year" not in result.stderr
    done(cli("log", "x-2023/1", "3", "--as-of", "2026-07-20"))


def test_started_meets_the_checkpoint_that_starts_the_work_not_one_that_prepares_it():
    """review50 F4: 已开工 met the checkpoints up to the first whose words held 开工 anywhere: "完成开工前期手续" (the
    formalities before the start) was taken for the start, 1 met where the unit reported 2. Now a start checkpoint is
    one whose words say the work starts (6月底前开工建设, 6月動工); 开工前…, 开工条件, 开工手续, 开工准备, 开工仪式 prepare it."""
    import pytest

    from mstrack.domain.progress import started_value
    from mstrack.errors import InputError

    assert started_value("x-2023/1", "已开工", ["3月底前完成开工前期手续", "6月底前开工建设", "年内完工"]) == 2
    for before in ("具备开工条件", "完成开工手续办理", "开工前准备", "开工仪式筹备"):
        assert started_value("x-2023/1", "已开工", [before, "9月动工", "年内完工"]) == 2, before
    assert started_value("x-2023/1", "已开工", ["6月開工", "年內完工"]) == 1
    assert started_value("x-2023/1", "已开工", ["开工", "年内完工"]) == 1
    with pytest.raises(InputError, match="none of its 2 checkpoints is a start"):
        started_value("x-2023/1", "已开工", ["完成开工前期手续", "年内完工"])


def test_started_in_a_log_meets_the_real_start_checkpoint_in_the_store(cli, tmp_path):
    plan = write_plan(tmp_path / "s.toml", plan_tasks({
        "code": "1", "title": "建设体育公园", "deadline": "2023-12-31",
        "lines": [{"lead_units": ["县体育局"], "checkpoints": [
            {"due": "2023-03-31", "text": "3月底前完成开工前期手续"}, {"due": "2023-06-30", "text": "6月底前开工建设"},
            {"due": "2023-12-31", "text": "年内完工"}]}]}))
    done(cli("import", "plan", str(plan)))
    done(cli("log", "x-2023/1", "已开工", "--as-of", "2023-07-05"))
    assert cli.sql("SELECT value FROM report") == [(2.0,)]


def test_the_annual_hint_of_a_school_year_programme_names_its_own_last_day_for_reports(cli, tmp_path):
    """review50 F8: the annual 一览表 of school-2023 (2023-09-01..2024-08-31) said "give --as-of 2024-01-31 to count the
    year-end figures reported in January" (the calendar rule), which still leaves out its 2024-06-30 report; now it
    names the programme's own last day for reports, 2024-09-30."""
    plan = tmp_path / "school.toml"
    plan.write_text('format = 1\n[programme]\ncode = "school-2023"\nname = "x"\nyear = 2023\nstart = "2023-09-01"\n'
                    'end = "2024-08-31"\n' + plan_tasks(plan_task(
                        "1", "送教上门1000人次", "县教育局", "送教上门", "人次", 1000, deadline="2024-08-31",
                        milestones=[("2023-12-31", 300), ("2024-06-30", 800), ("2024-08-31", 1000)])), encoding="utf-8")
    done(cli("import", "plan", str(plan)))
    done(cli("log", "school-2023/1", "900", "--as-of", "2024-06-30"))
    result = cli("report", "annual", "-p", "school-2023", "--as-of", "2023-12-31", "-f", "md")
    done(result)
    said = " ".join(result.stderr.split())
    assert "1 report dated after 2023-12-31 (the latest 2024-06-30) is not in this report: give --as-of 2024-09-30" in said
    assert "2024-01-31" not in said


def test_import_progress_names_an_unknown_programme_as_every_command_does(cli, tmp_path):
    """review50 F7d: a return's row naming a programme the store does not hold said "no programme 'x-2024'" alone,
    where every other command says it in one wording, with the codes it holds (domain/names.unknown_programme)."""
    done(cli("import", "plan", str(_water_plan(tmp_path))))
    sheet = tmp_path / "r.csv"
    sheet.write_text("计划,任务编号,截至日期,数值\nx-2024,2,2023-06-30,1\n", encoding="utf-8")
    result = cli("import", "progress", str(sheet))
    assert result.exit_code == 2
    assert "r.csv:2:计划: no programme 'x-2024'; known: x-2023" in " ".join(result.stderr.split()), result.stderr
    assert cli.sql("SELECT count(*) FROM report") == [(0,)]


def test_a_rate_whose_plan_figures_are_per_period_amounts_is_still_judged_at_the_year_end(cli, tmp_path):
    """review50 F7c: `reading = "increment"` says how a plan's checkpoint figures are written (per-period amounts, set
    by the table reader), not that the figures are a running total: a 普及率 so read lost the year-end rule (96% of 95%
    on 06-30 was `done` in July). Only `reading = "cumulative"` says an indicator is a total whatever its name."""
    plan = write_plan(tmp_path / "i.toml", plan_tasks(plan_task("1", "自来水普及率达到95%", "县水务局", "自来水普及率", "%", 95)))
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("target = 95 }", 'target = 95, reading = "increment", milestones = [ { due = '
                                 '"2023-12-31", printed = 95, target = 95 } ] }', 1), encoding="utf-8")
    done(cli("import", "plan", str(plan)))
    assert cli.sql("SELECT reading FROM indicator") == [("increment",)]
    done(cli("log", "x-2023/1", "96%", "--as-of", "2023-06-30"))
    rows = json.loads(ok(cli("status", "--as-of", "2023-07-10", "-f", "json")).stdout)
    assert (rows[0]["status"], rows[0]["percent"]) == ("on_track", None)
    rows = json.loads(ok(cli("status", "--as-of", "2023-12-31", "-f", "json")).stdout)
    assert rows[0]["status"] == "done"
