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
