"""The weekly report after an undo or two corrections in its week (review9 1, 9): last week's paper stood on a
report an undo took back this week, so its status then counts it; of two corrections to one date, only the
standing value is new this week."""

from __future__ import annotations

import json
from datetime import date, datetime

from mstrack.model import ReportState
from mstrack.reports.window import new_in_window
from tests.conftest import write_plan
from tests.test_weekly_month import BEDS, _entered, _write


def _undone_on(cli, batch: int, when: str) -> None:
    """Dates an undo (its own time is today): the retraction's time is its batch's."""
    _write(cli, "UPDATE batch SET created_at = :when WHERE undoes = :batch", {"when": when, "batch": batch})


def _screening(cli, tmp_path, value: int, entered: str) -> None:
    """Task 12's screening as of 2023-06-05, entered on the day given (8000: behind; 9000, 8600: on track)."""
    path = tmp_path / f"{value}.csv"
    path.write_text(f"任务编号,截至日期,累计完成值\n12,2023-06-05,{value}\n", encoding="utf-8")
    result = cli("import", "progress", str(path), "-p", "x-2023")
    assert result.exit_code == 0, result.output
    _entered(cli, value, entered)


def _weekly(cli) -> tuple[set, list, dict]:
    result = cli("report", "weekly", "--as-of", "2023-06-16", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    changes = {(c["task"], c["before"], c["after"]) for c in report["changes"]["status"]}
    return changes, [(r["task"], r["value"]) for r in report["changes"]["reports"]], report


def test_a_report_undone_this_week_shows_as_a_change_to_no_report(cli, tmp_path):
    """8000 entered 06-05 (last week's paper: behind), its batch undone this week: 状态变化 lists behind →
    未报送 (it listed nothing: the undone report was missing from last week's status as well as this week's);
    undone before the week began, last week's paper never saw it: no change."""
    assert cli("import", "plan", str(write_plan(tmp_path / "plan.toml", BEDS))).exit_code == 0
    _screening(cli, tmp_path, 8000, "2023-06-05 09:00:00")
    result = cli("undo", "2", "--reason", "重复")
    assert result.exit_code == 0, result.output
    changes, new, report = _weekly(cli)
    assert ("12", "behind", "no_report") in changes, report["changes"]["status"]
    assert new == []
    _undone_on(cli, 2, "2023-06-14 10:00:00")  # in the week
    changes, _, report = _weekly(cli)
    assert ("12", "behind", "no_report") in changes, report["changes"]["status"]
    _undone_on(cli, 2, "2023-06-07 10:00:00")  # before the week: last week's report saw no report either
    changes, _, report = _weekly(cli)
    assert not any(task == "12" for task, _, _ in changes), report["changes"]["status"]


def test_undoing_a_correction_this_week_shows_the_figure_it_brings_back(cli, tmp_path):
    """9000 corrected 8000 on 06-06 (last week's paper: on track); this week the correction's batch is undone,
    8000 stands again: 状态变化 lists on track → behind (the undone 9000 was missing from last week's status)."""
    assert cli("import", "plan", str(write_plan(tmp_path / "plan.toml", BEDS))).exit_code == 0
    _screening(cli, tmp_path, 8000, "2023-06-05 09:00:00")
    _screening(cli, tmp_path, 9000, "2023-06-06 09:00:00")
    result = cli("undo", "3", "--reason", "错报")
    assert result.exit_code == 0, result.output
    _undone_on(cli, 3, "2023-06-13 10:00:00")
    changes, new, report = _weekly(cli)
    assert ("12", "on_track", "behind") in changes, report["changes"]["status"]
    assert new == []
    assert [row["actual"] for row in report["behind"] if row["task"] == "12"] == [8000], report["behind"]


def test_two_corrections_in_a_week_list_only_the_standing_value(cli, tmp_path):
    """9000 entered 06-14, corrected to 8600 on 06-15, both for 06-05: the week's new reports list 8600 only
    (they listed 9000 as well, a figure no longer standing)."""
    assert cli("import", "plan", str(write_plan(tmp_path / "plan.toml", BEDS))).exit_code == 0
    _screening(cli, tmp_path, 8000, "2023-06-05 09:00:00")
    _screening(cli, tmp_path, 9000, "2023-06-14 09:00:00")
    _screening(cli, tmp_path, 8600, "2023-06-15 09:00:00")
    changes, new, report = _weekly(cli)
    assert new == [("12", 8600)], report["changes"]["reports"]
    assert changes == {("12", "behind", "on_track")}, report["changes"]["status"]


def test_new_in_window_keeps_the_last_entry_of_each_date():
    """Entries in date and entry order: of one date's, the last stands; one of an earlier date, superseded by
    nothing, is kept, and one outside the days is not."""
    def report(day: int, value: int, entered: int) -> ReportState:
        return ReportState(as_of=date(2023, 6, day), value=value, entered_at=datetime(2023, 6, entered, 9))

    reports = [report(1, 1, 2), report(5, 2, 14), report(5, 3, 15), report(12, 4, 12), report(12, 5, 13)]
    assert [r.value for r in new_in_window(reports, date(2023, 6, 9), date(2023, 6, 16))] == [3, 5]
    assert new_in_window([report(5, 6, 6), report(5, 7, 14)], date(2023, 6, 9), date(2023, 6, 16))[0].value == 7


def test_a_report_entered_on_last_weeks_day_and_undone_since_is_counted_then(cli, tmp_path):
    """Entered on 06-09, the day last week's report was made (in none of the days after it), undone this week:
    last week's status stood on it, behind → 未报送."""
    assert cli("import", "plan", str(write_plan(tmp_path / "plan.toml", BEDS))).exit_code == 0
    _screening(cli, tmp_path, 8000, "2023-06-09 10:00:00")
    assert cli("undo", "2", "--reason", "重复").exit_code == 0
    _undone_on(cli, 2, "2023-06-12 10:00:00")
    changes, new, report = _weekly(cli)
    assert ("12", "behind", "no_report") in changes, report["changes"]["status"]
    assert new == []
