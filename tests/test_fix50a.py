"""fix50a: a programme's window of reports is its own (trial50 T2), a level is not spread over the year by 序时进度
(T3), and the scripts' alarm sees overdue tasks too (T4)."""

import json
import re
from datetime import date

from .conftest import ROOT, done, refused


def _script_lines() -> list[tuple[str, str]]:
    """Every line of README and docs/ that runs `status --fail-on` in a script."""
    found = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.search(r"mstrack\b.*\bstatus\b.*--fail-on behind", line):
                found.append((path.name, line))
    return found


def test_the_scripts_alarm_on_overdue_as_well_as_behind():
    """T4: once the deadline passes every unmet task is overdue, not behind: a script alarming on `--fail-on behind`
    alone is silent in the weeks the office chases the year's leftovers."""
    lines = _script_lines()
    assert {name for name, _ in lines} >= {"README.md", "import.md"}
    for name, line in lines:
        assert "--fail-on overdue" in line, (name, line)


def test_fail_on_behind_and_overdue_exits_1_once_the_deadline_passed(demo_cli):
    assert demo_cli("log", "shenzhen-2023/5", "31000", "-i", "建设筹集", "--as-of", "2023-06-30").exit_code == 0
    status = ("status", "-p", "shenzhen-2023", "--as-of", "2024-01-05", "--format", "json")
    assert demo_cli(*status, "--fail-on", "behind").exit_code == 0  # every unmet task is overdue, none behind
    assert demo_cli(*status, "--fail-on", "behind", "--fail-on", "overdue").exit_code == 1


def test_the_fail_on_help_says_overdue_is_not_behind(cli):
    result = cli("status", "--help")
    assert result.exit_code == 0
    assert "overdue" in " ".join(result.output.split()).split("--fail-on", 1)[1][:400]


# --- T2: a programme's window of reports is its own -------------------------------------------------------------

def _plan(programme: str, task: str, lead: str, indicators: list[str], head: str = "", deadline: str = "") -> str:
    """A plan file of one task with one line: the programme's `head` lines (code, name, year …) and each indicator's."""
    parts = ["format = 1", "[programme]", programme, head, "[[tasks]]", 'code = "1"', f'title = "{task}"', deadline,
             "[[tasks.lines]]", f'lead_units = ["{lead}"]']
    for indicator in indicators:
        parts += ["[[tasks.lines.indicators]]", indicator]
    return "\n".join(part for part in parts if part) + "\n"


SCHOOL_YEAR = _plan('code = "school-2023"\nname = "2023学年民生实事"\nyear = 2023', "新增学位 1000 个", "区教育局", [
    'name = "新增学位"\nunit = "个"\ncomparator = ">="\ntarget = 1000\nmilestones = [ { due = "2023-12-31", target = 300 },'
    ' { due = "2024-06-30", target = 800 }, { due = "2024-08-31", target = 1000 } ]'],
    head='start = "2023-09-01"\nend = "2024-08-31"', deadline='deadline = "2024-08-31"')
CITY_2024 = _plan('code = "city-2024"\nname = "2024年民生实事"\nyear = 2024', "新建公园 10 个", "区城管局", [
    'name = "新建公园"\nunit = "个"\ncomparator = ">="\ntarget = 10\nmilestones = [ { due = "2024-06-30", target = 5 },'
    ' { due = "2024-12-31", target = 10 } ]'])


def _plans(cli, tmp_path, *texts: str) -> None:
    for i, text in enumerate(texts):
        (tmp_path / f"p{i}.toml").write_text(text, encoding="utf-8")
        done(cli("import", "plan", str(tmp_path / f"p{i}.toml")))


def _stored(cli, programme: str) -> list[tuple]:
    return [(str(on), value) for on, value in cli.sql(
        "SELECT r.as_of, r.value FROM report AS r JOIN indicator AS i ON r.indicator_id = i.id JOIN task_line AS l"
        " ON i.line_id = l.id JOIN task AS t ON l.task_id = t.id JOIN programme AS p ON t.programme_id = p.id"
        f" WHERE p.code = '{programme}' ORDER BY r.as_of")]


def test_the_window_of_a_programme_is_its_last_day_and_the_month_after():
    from mstrack.domain.dates import ReportWindow

    calendar = ReportWindow.of(2023, date(2023, 1, 1), date(2023, 12, 31))
    assert (calendar.first, calendar.last, calendar.end) == (date(2023, 1, 1), date(2023, 12, 31), date(2024, 1, 31))
    school = ReportWindow.of(2023, date(2023, 9, 1), date(2024, 8, 31))
    assert (school.end, school.holds(date(2024, 6, 30)), school.holds(date(2024, 10, 1))) == (date(2024, 9, 30), True, False)
    assert (school.over(date(2024, 8, 31)), school.over(date(2024, 9, 1)), school.closed(date(2024, 9, 30))) == (
        False, True, False)
    late_task = ReportWindow.of(2021, None, date(2021, 12, 31), [date(2021, 6, 30), date(2022, 12, 31)])
    assert (late_task.last, late_task.end) == (date(2022, 12, 31), date(2023, 1, 31))
    short = ReportWindow.of(2023, date(2023, 1, 1), date(2023, 6, 30))  # never narrower than its year and January
    assert short.end == date(2024, 1, 31)


def test_a_school_year_programme_takes_reports_to_its_end_and_the_month_after(cli, tmp_path):
    """T2 (a): `log school-2023/1 700 --as-of 2024-06-30` was refused "outside the programme's year 2023 (or the
    January after)": its 2024 checkpoints could never be reported."""
    _plans(cli, tmp_path, SCHOOL_YEAR)
    done(cli("log", "school-2023/1", "700", "--as-of", "2024-06-30"))
    (tmp_path / "r.csv").write_text("计划,任务编号,指标,截至日期,数值\nschool-2023,1,新增学位,2024-08-31,1000\n", encoding="utf-8")
    done(cli("import", "progress", str(tmp_path / "r.csv")))
    assert _stored(cli, "school-2023") == [("2024-06-30", 700), ("2024-08-31", 1000)]
    refused(cli("log", "school-2023/1", "1000", "--as-of", "2024-10-01"),
            "--as-of 2024-10-01: outside the programme's days, 2023-09-01 to 2024-09-30 (its last day 2024-08-31 and the "
            "month after)")
    (tmp_path / "late.csv").write_text("计划,任务编号,指标,截至日期,数值\nschool-2023,1,新增学位,2024-10-01,1000\n",
                                       encoding="utf-8")
    refused(cli("import", "progress", str(tmp_path / "late.csv")), "late.csv:2:截至日期: 2024-10-01 is outside the "
            "programme's days")
    assert _stored(cli, "school-2023") == [("2024-06-30", 700), ("2024-08-31", 1000)]


def test_a_school_year_programme_is_in_the_weekly_report_and_the_notices_until_its_end(cli, tmp_path):
    """T2 (a): with this year's city-2024 in the store, the weekly 通报 of 2024-03-01 left school-2023 out as "year
    over" and `report notice --each-unit` wrote no notice: 区教育局's missed 300个 was in none."""
    _plans(cli, tmp_path, SCHOOL_YEAR, CITY_2024)
    weekly = cli("report", "weekly", "--as-of", "2024-03-01", "--format", "json")
    done(weekly)
    assert "school-2023" in weekly.stdout and "left out" not in weekly.stderr
    result = cli("report", "notice", "--each-unit", "--as-of", "2024-03-01", "--format", "md", "-o", str(tmp_path / "nn"))
    done(result)
    written = sorted(path.name for path in (tmp_path / "nn").iterdir())
    assert len(written) == 1 and "区教育局" in written[0], written
    closed = cli("report", "weekly", "--as-of", "2024-10-01", "--format", "json")  # the month after its end is over
    done(closed)
    assert "left out, their year is over as of 2024-10-01: school-2023" in closed.stderr


def test_a_task_due_after_its_programmes_january_takes_its_reports(cli, tmp_path):
    """T2 (b): a 2021 list's 南岩农贸市场 due 2022年12月底 (the reader keeps a date's own year): `log xc-2021/4 --done
    --as-of 2022-10-30` was refused as outside 2021 and its January."""
    source = ROOT / "tests" / "data" / "tables" / "xinchang-2021-dengji.html"
    plan = tmp_path / "xc.toml"
    done(cli("import", "table", str(source), "-p", "xc-2021", "--year", "2021", "-o", str(plan)))
    done(cli("import", "plan", str(plan)))
    assert "2022-12-31" in plan.read_text(encoding="utf-8")
    done(cli("log", "xc-2021/4", "--done", "--as-of", "2022-10-30"))
    assert ("2022-10-30", 1) in _stored(cli, "xc-2021")
    refused(cli("log", "xc-2021/4", "--done", "--as-of", "2023-02-01"), "outside the programme's days, 2021-01-01 to "
            "2023-01-31 (its last day 2022-12-31 and the month after)")


# --- T3: a level is not spread over the year by 序时进度 -----------------------------------------------------------

def _level(name: str = "每月平均用餐人数", unit: str = "人", reading: str | None = None, *reports, target=710, milestones=()):
    from mstrack.model import IndicatorState, MilestoneState, ReportState

    return IndicatorState(
        programme="yantian-2023", task="18", indicator=name, unit=unit, comparator="=", target=target,
        deadline=date(2023, 12, 31), start=date(2023, 1, 1), reading=reading,
        milestones=[MilestoneState(due=due, target=value) for due, value in milestones],
        reports=[ReportState(as_of=on, value=value) for on, value in reports])


def _judged(state, on: date, rule: str = "pro-rata") -> tuple:
    from mstrack.domain.status import evaluate

    row = evaluate(state, on, rule)
    return row.status, row.expected


def test_a_level_keeps_the_step_rule_under_pro_rata():
    """T3: 每月平均用餐人数 710人 (a monthly average, the plan's own note says a level) with 420 in July was on track
    against a pro-rata 412; a level is judged as a ceiling is: against the level due at the last checkpoint passed."""
    july = [(date(2023, 7, 31), 420)]
    assert _judged(_level("每月平均用餐人数", "人", "cumulative", *july), date(2023, 7, 31)) == ("on_track", 412)
    assert _judged(_level("每月平均用餐人数", "人", "level", *july), date(2023, 7, 31)) == ("not_due", 0)
    assert _judged(_level("每月平均用餐人数", "人", None, *july), date(2023, 7, 31)) == ("not_due", 0)  # 平均: a level
    assert _judged(_level("月探访率", "%", None, (date(2023, 7, 31), 70), target=100), date(2023, 7, 31))[0] == "not_due"
    dated = [(date(2023, 6, 30), 700), (date(2023, 12, 31), 710)]
    assert _judged(_level("每月平均用餐人数", "人", "level", *july, milestones=dated), date(2023, 7, 31)) == ("behind", 700)
    assert _judged(_level("每月平均用餐人数", "人", None, *july, milestones=dated), date(2023, 7, 31), "step") == (
        "behind", 700)


def test_a_level_reached_early_is_held_so_far_not_done():
    """A level may fall again: reached in July it is on track (held so far), done only on its deadline."""
    held = _level("每月平均用餐人数", "人", "level", (date(2023, 7, 31), 720))
    assert _judged(held, date(2023, 7, 31)) == ("on_track", 0)
    assert _judged(held, date(2023, 12, 31))[0] == "done"
    counted = _level("新增学位", "个", None, (date(2023, 7, 31), 720))
    assert _judged(counted, date(2023, 7, 31))[0] == "done"


LEVEL_PLAN = _plan('code = "meals-2023"\nname = "2023年长者助餐"\nyear = 2023', "长者助餐", "区民政局", [
    'name = "用餐人数"\nunit = "人"\ntarget = 710\nreading = "level"', 'name = "助餐人次"\nunit = "人次"\ntarget = 8000'])


def test_a_plan_says_an_indicator_is_a_level(cli, tmp_path):
    _plans(cli, tmp_path, LEVEL_PLAN)
    assert sorted(cli.sql("SELECT name, reading FROM indicator")) == [("助餐人次", None), ("用餐人数", "level")]
    done(cli("log", "meals-2023/1", "420", "-i", "用餐人数", "--as-of", "2023-07-31"))
    done(cli("log", "meals-2023/1", "4700", "-i", "助餐人次", "--as-of", "2023-07-31"))
    result = cli("status", "-p", "meals-2023", "--as-of", "2023-07-31", "--rule", "pro-rata", "--format", "json")
    done(result)
    rows = {row["indicator"]: (row["status"], row["expected"]) for row in json.loads(result.stdout)}
    assert rows == {"用餐人数": ("not_due", 0), "助餐人次": ("on_track", 4638)}
    out = tmp_path / "out.toml"
    done(cli("export", "plan", "meals-2023", "-o", str(out)))
    assert 'reading = "level"' in out.read_text(encoding="utf-8")
    (tmp_path / "bad.toml").write_text(LEVEL_PLAN.replace('year = 2023\n', 'year = 2023\nreading = "level"\n'),
                                       encoding="utf-8")
    refused(cli("import", "plan", str(tmp_path / "bad.toml"), "--dry-run"), "programme.reading",
            "expected one of cumulative, increment")


def test_the_seeds_levels_are_not_on_track_by_pro_rata(demo_cli):
    """T3, the repro: yantian-2023/18 420人 and /17 70% as of 2023-07-31 were on_track against 412 and 57.97%."""
    assert sorted(demo_cli.sql("SELECT name, reading FROM indicator WHERE reading = 'level'")) == [
        ("月探访率", "level"), ("每月平均用餐人数", "level")]
    done(demo_cli("log", "yantian-2023/18", "420人", "-i", "每月平均用餐人数", "--as-of", "2023-07-31"))
    done(demo_cli("log", "yantian-2023/17", "70%", "-i", "月探访率", "--as-of", "2023-07-31"))
    result = demo_cli("status", "-p", "yantian-2023", "--as-of", "2023-07-31", "--rule", "pro-rata", "--format", "json")
    done(result)
    rows = {row["indicator"]: (row["status"], row["expected"]) for row in json.loads(result.stdout)
            if row["indicator"] in ("每月平均用餐人数", "月探访率")}
    assert rows == {"每月平均用餐人数": ("not_due", 0), "月探访率": ("not_due", 0)}


def test_today_is_not_said_past_the_year_of_a_programme_still_running(cli, tmp_path):
    """T2: judged today, a programme of last year whose end is next year's spring was said to be over ("the year of
    these programmes … is over: judged as of today"); a programme of a calendar year past still is."""
    year = date.today().year - 1
    running = SCHOOL_YEAR.replace("2023", str(year)).replace("2024", str(year + 2))
    _plans(cli, tmp_path, running)
    result = cli("status", "--format", "json")
    done(result)
    assert "is over" not in result.stderr
    _plans(cli, tmp_path, CITY_2024.replace("city-2024", "city-past").replace("2024", str(year)))
    result = cli("status", "-p", "city-past", "--format", "json")
    done(result)
    assert f"the year of these programmes ({year}) is over" in result.stderr
