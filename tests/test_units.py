"""`mstrack units`: tasks per unit by status, completion rate, worst first (issue "Weekly printouts", part 2)."""

import csv
import io
import json

import pytest

from .conftest import Cli, plan_task, plan_tasks, write_plan

# Six tasks judged at 2023-07-01 (step rule):
#   1 甲局 (+丙局)  A: 50 of 100, 60 due by 06-30         → behind, 50 %
#   2 甲局          B: 10 of 10                           → done, 100 %
#   3 乙局          C: nothing reported, 10 due by 06-30   → no_report, 0 %
#   4 乙局          D: 1 of 4, deadline 05-31              → overdue, 25 %
#   5 乙局 (+丙局)  E: 5 of 8, 4 due by 06-30              → on_track, 62.5 %
#   6 丁局          F: first checkpoint 09-30              → not_due, 0 %
SMALL_PLAN = plan_tasks(
    plan_task("1", "任务一", "甲局", "A", "个", 100, units=["甲局", "丙局"], milestones=[("2023-03-31", 30), ("2023-06-30", 60)],
              reports=[("2023-06-30", 50, "一号备注")]),
    plan_task("2", "任务二", "甲局", "B", "个", 10, milestones=[("2023-06-30", 5)], reports=[("2023-06-20", 10)]),
    plan_task("3", "任务三", "乙局", "C", "个", 20, milestones=[("2023-06-30", 10)]),
    plan_task("4", "任务四", "乙局", "D", "座", 4, deadline="2023-05-31", reports=[("2023-05-01", 1, "四号备注")]),
    plan_task("5", "任务五", "乙局", "E", "个", 8, units=["乙局", "丙局"], milestones=[("2023-06-30", 4)],
              reports=[("2023-06-30", 5)]),
    plan_task("6", "任务六", "丁局", "F", "个", 10, milestones=[("2023-09-30", 5)]),
)


@pytest.fixture
def small(cli: Cli, tmp_path) -> Cli:
    plan = write_plan(tmp_path / "small.toml", SMALL_PLAN)
    result = cli("import", "plan", str(plan))
    assert result.exit_code == 0, result.output
    return cli


def units_json(cli: Cli, *args: str) -> list[dict]:
    result = cli("units", "--as-of", "2023-07-01", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # JSON on stdout and nothing else


def test_units_counts_tasks_per_lead_unit_worst_first(small):
    rows = units_json(small)
    assert [r["unit"] for r in rows] == ["甲局", "乙局", "丁局"]
    first, second, third = rows
    assert {k: first[k] for k in ("tasks", "done", "on_track", "behind", "no_report", "overdue", "not_due")} == {
        "tasks": 2, "done": 1, "on_track": 0, "behind": 1, "no_report": 0, "overdue": 0, "not_due": 0}
    assert {k: second[k] for k in ("tasks", "done", "on_track", "behind", "no_report", "overdue", "not_due")} == {
        "tasks": 3, "done": 0, "on_track": 1, "behind": 0, "no_report": 1, "overdue": 1, "not_due": 0}
    assert (third["tasks"], third["not_due"]) == (1, 1)
    assert (first["completion_rate"], second["completion_rate"], third["completion_rate"]) == (75.0, 29.2, 0.0)
    assert first["behind_tasks"] == ["x-2023/1"] and second["behind_tasks"] == ["x-2023/4"]


def test_units_responsible_counts_co_responsible_units_too(small):
    rows = units_json(small, "--responsible")
    assert [r["unit"] for r in rows] == ["丙局", "甲局", "乙局", "丁局"]  # 丙局: as behind as 甲局, lower rate
    co = rows[0]
    assert (co["tasks"], co["behind"], co["on_track"], co["completion_rate"]) == (2, 1, 1, 56.2)


def test_units_filters_by_programme_and_judges_by_the_rule(demo_cli):
    step = {r["unit"]: r for r in units_json(demo_cli, "-p", "yantian-2023")}
    assert sum(r["behind"] for r in step.values()) == 0
    pro_rata = {r["unit"]: r for r in units_json(demo_cli, "-p", "yantian-2023", "--rule", "pro-rata")}
    assert pro_rata["区残联"]["behind"] == 1 and pro_rata["区残联"]["behind_tasks"] == ["yantian-2023/19"]
    assert "市住房建设局" not in step  # a Shenzhen unit


def test_units_csv_md_and_table(small):
    result = small("--lang", "zh", "units", "--as-of", "2023-07-01", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["单位", "任务数", "已完成", "序时推进", "滞后", "未报送", "逾期", "未到期", "完成率", "滞后/逾期任务"]
    assert rows[1] == ["甲局", "2", "1", "0", "1", "0", "0", "0", "75%", "x-2023/1"]
    result = small("--lang", "zh", "units", "--as-of", "2023-07-01", "--format", "md")
    lines = result.stdout.splitlines()
    assert lines[0] == "# 牵头单位完成情况 截至 2023-07-01"
    assert "| 单位 | 任务数 | 已完成 | 序时推进 | 滞后 | 未报送 | 逾期 | 未到期 | 完成率 | 滞后/逾期任务 |" in lines
    assert "| 乙局 | 3 | 0 | 1 | 0 | 1 | 1 | 0 | 29.2% | x-2023/4 |" in lines  # overdue counts as behind there
    table = small("--lang", "zh", "units", "--as-of", "2023-07-01").stdout
    assert table.index("甲局") < table.index("乙局") < table.index("丁局") and "完成率" in table


def test_units_in_english(small):
    result = small("--lang", "en", "units", "--as-of", "2023-07-01", "--format", "md")
    assert "| Unit | Tasks | Done | On track | Behind | No report | Overdue | Not due | Done % | Tasks behind/overdue |" in result.stdout
    assert "牵头单位" not in result.stdout


def test_units_bad_options_exit_2_in_one_line(small):
    for args in (["--format", "pdf"], ["--rule", "linear"], ["-p", "nowhere-2023"], ["--as-of", "2023-02-30"]):
        result = small("units", *args)
        assert result.exit_code == 2, args
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("mstrack: error: "), result.stderr


def test_units_xlsx(small, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "units.xlsx"
    result = small("--lang", "zh", "units", "--as-of", "2023-07-01", "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).active
    assert [sheet.cell(row=r, column=1).value for r in (1, 2, 3, 4)] == ["单位", "甲局", "乙局", "丁局"]
    assert (sheet["I2"].value, sheet["I2"].number_format) == (0.75, "0.0%")  # a fraction, shown as 75.0%
    assert sheet["E2"].fill.fgColor.rgb.endswith("FFC7CE") and sheet.freeze_panes == "B2"
    assert small("units", "--format", "xlsx").exit_code == 2  # a workbook needs -o


def test_a_table_written_to_a_file_takes_columns_from_the_environment(demo_cli, tmp_path):
    """A printout is as wide as COLUMNS says (140 without it, or when it is not a number)."""
    from rich.cells import cell_len

    for columns, widest in (("100", 100), ("", 140), ("abc", 140)):
        path = tmp_path / f"units-{columns}.txt"
        assert demo_cli("units", "--as-of", "2023-07-01", "-o", str(path), env={"COLUMNS": columns}).exit_code == 0
        assert max(cell_len(line) for line in path.read_text(encoding="utf-8").splitlines()) == widest
