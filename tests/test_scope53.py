"""scope53: one rule of which programmes a view "as of" a day covers (domain.scope; trial53 F1, F2): status, units,
lights, report weekly and report notice, left without -p, leave out a programme whose year is over and one not begun,
say so on stderr and in their title (JSON: `left_out`), and count a task carried into next year (`links`) once."""

from __future__ import annotations

import json
from datetime import date

import pytest

from mstrack.domain.dates import ReportWindow
from mstrack.domain.scope import day_scope

from .conftest import done, plan_task, plan_tasks, refused, write_plan


def _year(tmp_path, cli, year: int, tasks: list[dict], links: dict[str, list[str]] | None = None) -> None:
    """city-YEAR: `tasks` (plan_task, dates in 2024 moved to YEAR), with `links` by task code."""
    for task in tasks:
        task.update(links=(links or {}).get(task["code"], [])) if links and task["code"] in links else None
    body = plan_tasks(*tasks).replace("2024-", f"{year}-")
    path = write_plan(tmp_path / f"city-{year}.toml", body, code=f"city-{year}")
    path.write_text(path.read_text(encoding="utf-8").replace("year = 2023", f"year = {year}"), encoding="utf-8")
    done(cli("import", "plan", str(path)))


def _task(code: str, title: str, lead: str = "市城管局") -> dict:
    return plan_task(code, title, lead, "数量", "个", 100, deadline="2024-12-31",
                     milestones=[("2024-06-30", 50), ("2024-12-31", 100)])


@pytest.fixture
def years(cli, tmp_path):
    """city-2024 (tasks 1, 2, 3; task 3 of 市民政局 unmet) and city-2025 (tasks 1, 2, and 41 carrying city-2024/3)."""
    _year(tmp_path, cli, 2024, [_task("1", "公厕改造"), _task("2", "路灯更换"), _task("3", "养老床位", "市民政局")])
    _year(tmp_path, cli, 2025, [_task("1", "新公厕"), _task("2", "新路灯"), _task("41", "养老床位（续）", "市民政局")],
          links={"41": ["city-2024/3"]})
    done(cli("log", "city-2024/1", "30", "--as-of", "2024-09-20"))
    done(cli("log", "city-2024/3", "20", "--as-of", "2024-12-31"))
    done(cli("log", "city-2025/1", "60", "--as-of", "2025-07-01"))
    return cli


# --- the rule ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("on, covered, closed, not_begun", [
    (date(2024, 9, 30), ["city-2024"], [], ["city-2025"]),
    (date(2025, 1, 15), None, [], []),  # the January after: last year's closing figures and this year's first
    (date(2025, 3, 1), ["city-2025"], ["city-2024"], []),
    (date(2023, 12, 1), None, [], []),  # none current: all, as before
    (date(2027, 3, 1), None, [], []),  # every year over: all, as before
])
def test_a_day_covers_the_programmes_whose_window_holds_it(on, covered, closed, not_begun):
    windows = {"city-2024": ReportWindow.of(2024), "city-2025": ReportWindow.of(2025)}
    scope = day_scope(windows, on)
    assert (scope.covered, scope.closed, scope.not_begun) == (covered, closed, not_begun)
    assert day_scope(windows, on, ["city-2024"]).covered == ["city-2024"]  # -p chooses explicitly
    assert day_scope(windows, on, ["city-2024"]).left_out == {"closed": [], "not_begun": []}


def test_a_carried_task_is_left_out_only_where_both_years_are_in_view(years):
    from mstrack.store import Store

    carried = {"city-2024/3": "city-2025/41"}
    store = Store(years.url)
    assert store.carried_tasks(None) == carried
    assert store.carried_tasks(["city-2024", "city-2025"]) == carried
    assert store.carried_tasks(["city-2024"]) == {}  # its own year's record
    assert store.carried_tasks(["city-2025"]) == {}


def test_the_store_reads_a_link_across_years_as_carried_and_one_within_a_year_not(years, tmp_path):
    from mstrack.store import Store

    _year(tmp_path, years, 2026, [_task("1", "甲"), _task("2", "乙")], links={"2": ["city-2026/1"]})
    assert Store(years.url).carried_tasks() == {"city-2024/3": "city-2025/41"}


# --- F1: a programme not begun ----------------------------------------------------------------------------------------

def test_the_weekly_report_leaves_next_years_programme_out_and_says_so(years):
    result = years("report", "weekly", "--as-of", "2024-09-30", "--format", "json")
    done(result)
    data = json.loads(result.stdout)
    assert data["programmes"] == ["city-2024"] and data["summary"]["tasks"] == 3
    assert data["left_out"] == {"closed": [], "not_begun": ["city-2025"]}
    assert "left out, not begun as of 2024-09-30: city-2025" in result.stderr and "-p city-2025" in result.stderr
    md = years("--lang", "zh", "report", "weekly", "--as-of", "2024-09-30", "--format", "md")
    done(md)
    assert "计划：city-2024 · 未计入：city-2025（尚未开始）" in md.stdout
    named = years("report", "weekly", "--as-of", "2024-09-30", "--format", "json", "-p", "city-2024", "-p", "city-2025")
    done(named)
    assert json.loads(named.stdout)["summary"]["tasks"] == 5 and "left out" not in named.stderr  # city-2024/3 once
    assert "city-2024/3 → city-2025/41" in named.stderr
    assert json.loads(named.stdout)["left_out"] == {"closed": [], "not_begun": []}


def test_a_notice_never_names_next_years_programme(years, tmp_path):
    out = tmp_path / "notice.md"
    result = years("--lang", "zh", "report", "notice", "--unit", "市城管局", "--as-of", "2024-09-30", "--format", "md",
                   "-o", str(out))
    done(result)
    text = out.read_text(encoding="utf-8")
    assert "city-2025" not in text and "新公厕" not in text and "公厕改造" in text
    assert "not begun" in result.stderr or "尚未开始" in result.stderr


# --- F2: one rule for every view as of a day --------------------------------------------------------------------------

def test_units_and_status_cover_what_the_weekly_covers(years):
    weekly = json.loads(years("report", "weekly", "--as-of", "2025-03-01", "--format", "json").stdout)
    assert weekly["programmes"] == ["city-2025"]
    units = years("units", "--as-of", "2025-03-01", "--format", "json")
    done(units)
    rows = {row["unit"]: row for row in json.loads(units.stdout)}
    assert rows["市城管局"]["tasks"] == 2 and rows["市城管局"]["overdue"] == 0
    assert all(ref.startswith("city-2025/") for row in rows.values() for ref in row["behind_tasks"])
    assert "left out, their year is over as of 2025-03-01: city-2024" in units.stderr
    status = years("status", "--as-of", "2025-03-01", "--format", "json")
    done(status)
    assert {row["programme"] for row in json.loads(status.stdout)} == {"city-2025"}
    lights = years("lights", "--as-of", "2025-03-01", "--format", "json")
    done(lights)
    assert {task["task"].split("/")[0] for task in json.loads(lights.stdout)} == {"city-2025"}


def test_the_titles_say_what_they_cover_and_left_out(years, tmp_path):
    table = years("--lang", "zh", "units", "--as-of", "2025-03-01")
    done(table)
    assert "计划：city-2025 · 未计入：city-2024（年度已结束）" in table.stdout
    status = years("--lang", "zh", "status", "--as-of", "2025-03-01")
    done(status)
    title = "".join(status.stdout.split())  # the title folded to the table's width
    assert "city-2025·民生实事进度截至2025-03-01·未计入：city-2024（年度已结束）" in title
    english = years("--lang", "en", "lights", "--as-of", "2025-03-01", "--format", "md")
    done(english)
    assert "Programmes: city-2025 · left out: city-2024 (year over)" in english.stdout
    named = years("--lang", "zh", "units", "--as-of", "2025-03-01", "-p", "city-2024")
    done(named)
    assert "未计入" not in named.stdout and "left out" not in named.stderr
    assert "city-2024/3" in named.stdout  # its own year's record: overdue as it stood


def test_a_carried_task_is_counted_once_where_both_years_are_in_view(years):
    both = years("status", "--as-of", "2025-01-15", "--format", "json")  # January: both programmes covered
    done(both)
    refs = {f"{row['programme']}/{row['task']}" for row in json.loads(both.stdout)}
    assert "city-2025/41" in refs and "city-2024/3" not in refs
    assert "counted once, under the task it is carried into: city-2024/3 → city-2025/41" in both.stderr
    units = {row["unit"]: row for row in json.loads(years("units", "--as-of", "2025-01-15", "--format", "json").stdout)}
    assert units["市民政局"]["tasks"] == 1 and units["市民政局"]["behind_tasks"] == []
    weekly = json.loads(years("report", "weekly", "--as-of", "2025-01-15", "--format", "json").stdout)
    assert weekly["summary"]["tasks"] == 5
    old_year = years("status", "--as-of", "2025-01-15", "-p", "city-2024", "--format", "json")
    done(old_year)
    old = [row for row in json.loads(old_year.stdout) if row["task"] == "3"]
    assert [row["status"] for row in old] == ["overdue"] and "counted once" not in old_year.stderr


def test_an_empty_store_is_still_an_empty_view_and_a_refused_report(cli):
    done(cli("init"))
    view = cli("units", "--as-of", "2025-03-01", "--format", "json")
    done(view)
    assert json.loads(view.stdout) == []
    refused(cli("report", "weekly", "--as-of", "2025-03-01"), "no programmes in")


# --- F9: a unit's short name ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("short, full, expected", [
    ("住建局", "市住房和城乡建设局", True), ("卫健委", "市卫生健康委员会", True), ("人社局", "区人力资源和社会保障局", True),
    ("区住建局", "福田区住房和城乡建设局", True), ("发改委", "市發展和改革委員會", True),  # traditional as simplified
    ("住建局", "市教育局", False), ("建住局", "市住房和城乡建设局", False), ("局", "市住房和城乡建设局", False),
    ("住建委", "市住房和城乡建设局", False),  # the kind of office kept at the end
])
def test_a_short_name_abbreviates_a_full_one_by_the_common_rule(short, full, expected):
    from mstrack.domain.names import abbreviates

    assert abbreviates(short, full) is expected


def test_a_units_short_name_suggests_the_units_it_may_mean(cli, tmp_path):
    units = ["市住房和城乡建设局", "福田区住房和城乡建设局", "市教育局"]
    _year(tmp_path, cli, 2024, [_task(str(n), f"任务{n}", unit) for n, unit in enumerate(units, 1)])
    result = cli("status", "--unit", "住建局", "--as-of", "2024-07-01")
    said = refused(result, "--unit '住建局': no such unit; did you mean:")
    assert "市住房和城乡建设局" in said and "福田区住房和城乡建设局" in said and "市教育局" not in said
    done(cli("status", "--unit", "福田区住房和城乡建设局", "--as-of", "2024-07-01"))


# --- F12: 滞后天数 on the day the checkpoint falls due ---------------------------------------------------------------

def test_days_behind_on_the_checkpoint_day_reads_due_today_in_every_format(cli, tmp_path):
    from openpyxl import load_workbook

    _year(tmp_path, cli, 2024, [_task("7", "项目7")])
    done(cli("log", "city-2024/7", "27", "--as-of", "2024-06-20"))
    asked = ("--lang", "zh", "report", "weekly", "--as-of", "2024-06-30")
    data = json.loads(cli(*asked, "--format", "json").stdout)
    assert [item["days_behind"] for item in data["behind"]] == [0]  # the data keeps the number
    for fmt in ("md", "html", "csv", "table"):
        result = cli(*asked, "--format", fmt)
        done(result)
        assert "当天到期" in result.stdout and "0天" not in result.stdout, (fmt, result.stdout)
    done(cli(*asked, "-o", str(tmp_path / "w.xlsx")))
    cells = [cell.value for sheet in load_workbook(tmp_path / "w.xlsx") for row in sheet.iter_rows() for cell in row]
    assert "当天到期" in cells
    later = json.loads(cli(*asked[:-1], "2024-07-05", "--format", "json").stdout)
    assert [item["days_behind"] for item in later["behind"]] == [5]
    assert "5天" in cli(*asked[:-1], "2024-07-05", "--format", "md").stdout
