"""A weekly report judges each indicator once at `on` and once at `since` (perf53): reports.make.weekly_details
judged every indicator at `on` to find the ones to chart, and weekly_report judged them all at `on` again."""

from __future__ import annotations

from datetime import date

from mstrack.domain import status
from mstrack.reports.make import make_report
from mstrack.reports.weekly import weekly_report
from mstrack.store import Store


def test_a_weekly_report_judges_each_indicator_once_a_day(demo_cli, monkeypatch):
    store = Store(demo_cli.url)
    on, since = date(2023, 9, 30), date(2023, 9, 23)
    params = {"kind": "weekly", "programmes": [], "as_of": on.isoformat(), "since": since.isoformat(),
              "rule": None, "stale": 14}
    days = []
    evaluate = status.evaluate

    def counted(state, day, *args, **kwargs):
        days.append(day)
        return evaluate(state, day, *args, **kwargs)

    monkeypatch.setattr(status, "evaluate", counted)
    report = make_report(store, params)
    indicators = report.indicators
    assert indicators > 50 and report.behind
    assert days.count(on) == indicators and days.count(since) == indicators and len(days) == 2 * indicators
    monkeypatch.setattr(status, "evaluate", evaluate)
    # the same report as one judged from scratch on every report (the charts drawn from the details' own)
    whole = weekly_report(store.task_details(None), on, since, None, 14)
    assert report.as_dict() == whole.as_dict()
    assert all(item.series.reports for item in report.behind if item.actual is not None)


def test_a_row_behind_after_an_undo_this_week_has_its_chart(cli, tmp_path):
    """9000 (on track) corrected 8000 and was undone this week: the row is behind at 8000. The charts were chosen from
    a judgement that still counted the undone 9000 (on track: no chart read), so the row's chart had no reports."""
    from tests.test_weekly_month import BEDS
    from tests.test_weekly_undo import _screening, _undone_on

    from .conftest import write_plan

    assert cli("import", "plan", str(write_plan(tmp_path / "plan.toml", BEDS))).exit_code == 0
    _screening(cli, tmp_path, 8000, "2023-06-05 09:00:00")
    _screening(cli, tmp_path, 9000, "2023-06-06 09:00:00")
    result = cli("undo", "3", "--reason", "错报")
    assert result.exit_code == 0, result.output
    _undone_on(cli, 3, "2023-06-13 10:00:00")
    report = make_report(Store(cli.url), {"kind": "weekly", "programmes": [], "as_of": "2023-06-16",
                                          "since": "2023-06-09", "rule": None, "stale": 14})
    rows = [item for item in report.behind if item.task == "12"]
    assert [item.actual for item in rows] == [8000]
    assert rows[0].series.reports == [(date(2023, 6, 5), 8000.0)]
    from tests.test_weekly_grid53 import BENCH  # the code as it was until perf53: that row's chart was empty

    with BENCH.before():
        old = make_report(Store(cli.url), {"kind": "weekly", "programmes": [], "as_of": "2023-06-16",
                                           "since": "2023-06-09", "rule": None, "stale": 14})
    assert [item.series.reports for item in old.behind if item.task == "12"] == [[]]
