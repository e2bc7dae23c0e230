"""Issue 17's rules on hand-made indicators, at their boundaries: early warning, lights, forecasts, ranking.
Pure functions, no database, no CLI (tests/test_supervision.py drives the commands on the seeds)."""

from datetime import date, timedelta

import pytest

from mstrack.domain.forecast import forecast, last_two
from mstrack.domain.lights import (
    Period,
    consecutive_red,
    due_soon,
    indicator_light,
    periods,
    task_lights,
    warned_rows,
)
from mstrack.domain.ranking import on_time_rate, ranks
from mstrack.domain.status import evaluate
from mstrack.model import IndicatorState, MilestoneState, ReportState

Q = [date(2023, 3, 31), date(2023, 6, 30), date(2023, 9, 30), date(2023, 12, 31)]


def housing(*reports: tuple[date, float], comparator: str = ">=", targets=(10000, 30000, 60000, 185000),
            target: float = 185000) -> IndicatorState:
    """Shenzhen task 5's schedule: 1万, 3万, 6万, 18.5万 cumulative by quarter."""
    return IndicatorState(
        programme="shenzhen-2023", task="5", indicator="建设筹集保障性住房", unit="套（间）",
        comparator=comparator, target=target, deadline=date(2023, 12, 31), start=date(2023, 1, 1),
        milestones=[MilestoneState(due=due, target=value) for due, value in zip(Q, targets, strict=True)],
        reports=[ReportState(as_of=as_of, value=value) for as_of, value in reports],
    )


def soon(state: IndicatorState, on: date, days: int = 15):
    return due_soon(state, evaluate(state, on), on, days)


# --- early warning ---------------------------------------------------------------------------------


def test_a_checkpoint_exactly_warn_days_away_warns_and_one_day_more_does_not():
    state = housing((date(2023, 6, 1), 20000))
    assert soon(state, Q[1] - timedelta(days=15)) == Q[1]
    assert soon(state, Q[1] - timedelta(days=16)) is None
    assert soon(state, Q[1] - timedelta(days=10), days=10) == Q[1]
    assert soon(state, Q[1] - timedelta(days=11), days=10) is None


def test_a_checkpoint_already_met_or_a_task_done_does_not_warn():
    assert soon(housing((date(2023, 6, 1), 30000)), date(2023, 6, 20)) is None
    assert soon(housing((date(2023, 6, 1), 29999)), date(2023, 6, 20)) == Q[1]
    assert soon(housing((date(2023, 6, 1), 185000)), date(2023, 12, 20)) is None


def test_no_report_before_a_checkpoint_due_soon_warns():
    assert soon(housing(), date(2023, 3, 20)) == Q[0]
    assert soon(housing(), date(2023, 3, 10)) is None


def test_a_ceiling_warns_only_when_the_value_is_over_the_next_one():
    state = housing((date(2023, 6, 1), 50), comparator="<=", targets=(100, 80, 60, 40), target=40)
    assert soon(state, date(2023, 6, 20)) is None  # 50 is under the 80 of June
    state = housing((date(2023, 6, 1), 90), comparator="<=", targets=(100, 80, 60, 40), target=40)
    assert soon(state, date(2023, 6, 20)) == Q[1]


def test_warned_rows_fill_due_soon_and_forecast_and_only_due_soon_selects_them():
    states = [housing((date(2023, 5, 1), 20000), (date(2023, 6, 1), 25000)), housing((date(2023, 6, 1), 40000))]
    states[1].task = "6"
    rows = warned_rows(states, date(2023, 6, 20), warn_days=15)
    assert [(row.task, row.due_soon) for row in rows] == [("5", Q[1]), ("6", None)]
    assert rows[0].forecast.recent_pace == round(5000 / 31, 4)
    assert rows[0].as_dict()["due_soon"] == "2023-06-30"
    only = warned_rows(states, date(2023, 6, 20), warn_days=15, only={"due_soon"})
    assert [row.task for row in only] == ["5"]
    assert warned_rows(states, date(2023, 6, 20), warn_days=5, only={"due_soon"}) == []


# --- lights ----------------------------------------------------------------------------------------


def months(*ends: date) -> list[Period]:
    return [Period(label=f"{end.year}-{end.month:02d}", end=end) for end in ends]


def test_each_light_of_one_indicator():
    def light(state, on):
        return indicator_light(state, on, warn_days=15)[0]

    assert light(housing(), date(2023, 2, 28)) == "grey"  # nothing reported, nothing due
    assert light(housing(), date(2023, 3, 20)) == "yellow"  # nothing reported, a checkpoint in 11 days
    assert light(housing(), date(2023, 3, 31)) == "red"  # a checkpoint passed unreported
    assert light(housing((date(2023, 3, 31), 9000)), date(2023, 4, 30)) == "red"  # behind
    assert light(housing((date(2023, 3, 31), 12000)), date(2023, 4, 30)) == "green"
    assert light(housing((date(2023, 3, 31), 12000)), date(2023, 6, 20)) == "yellow"  # 30,000 due on 6-30
    assert light(housing((date(2023, 11, 1), 185000)), date(2023, 11, 30)) == "done"
    assert light(housing((date(2023, 11, 1), 180000)), date(2024, 1, 31)) == "red"  # overdue


def test_red_two_periods_then_green_is_yellow_once():
    state = housing((date(2023, 3, 31), 5000), (date(2023, 5, 15), 20000))
    shown = months(date(2023, 3, 31), date(2023, 4, 30), date(2023, 5, 31), date(2023, 6, 10))
    lights = task_lights([state], shown, warn_days=15)
    assert [(light.light, light.why) for light in lights] == [
        ("red", "behind"), ("red", "behind"), ("yellow", "caught_up"), ("green", "on_track")]
    assert consecutive_red(lights) == 0
    assert consecutive_red(lights[:2]) == 2


def test_a_task_is_as_bad_as_its_worst_indicator():
    good = housing((date(2023, 3, 31), 12000))
    late = housing((date(2023, 3, 31), 100))
    late.indicator = "供应分配保障性住房"
    [light] = task_lights([good, late], months(date(2023, 4, 30)), warn_days=15)
    assert (light.light, light.indicator) == ("red", "供应分配保障性住房")
    [light] = task_lights([good], months(date(2023, 4, 30)), warn_days=15)
    assert light.light == "green"


def test_periods_by_month_and_quarter_and_the_as_of_cap():
    found = periods(date(2023, 1, 1), date(2023, 12, 31), "month", date(2023, 3, 15))
    assert [(p.label, p.end) for p in found] == [
        ("2023-01", date(2023, 1, 31)), ("2023-02", date(2023, 2, 28)), ("2023-03", date(2023, 3, 15))]
    found = periods(date(2023, 2, 10), date(2023, 12, 31), "quarter", date(2024, 1, 1))
    assert [(p.label, p.end) for p in found] == [
        ("2023-Q1", date(2023, 3, 31)), ("2023-Q2", date(2023, 6, 30)), ("2023-Q3", date(2023, 9, 30)),
        ("2023-Q4", date(2023, 12, 31))]
    assert periods(date(2023, 5, 1), date(2023, 4, 1), "month", date(2023, 12, 31)) == []


# --- forecasts -------------------------------------------------------------------------------------


def test_one_report_makes_no_forecast_of_pace():
    result = forecast(housing((date(2023, 6, 30), 30000)), date(2023, 7, 1))
    assert result.recent_pace is None and result.projected_done is None and result.on_course is None
    assert result.required_pace == round(155000 / 184, 4)
    assert forecast(housing(), date(2023, 7, 1)).as_dict() == {
        "recent_pace": None, "required_pace": None, "projected_done": None, "on_course": None}


def test_a_rising_pace_projects_the_day_it_is_done():
    state = housing((date(2023, 3, 31), 10000), (date(2023, 6, 30), 30000))
    result = forecast(state, date(2023, 7, 1))
    assert result.recent_pace == round(20000 / 91, 4)
    # 155,000 left at 20,000 per 91 days: 705.25 days, rounded up
    assert result.projected_done == date(2023, 6, 30) + timedelta(days=706)
    assert result.on_course is False
    fast = forecast(housing((date(2023, 3, 31), 10000), (date(2023, 4, 30), 100000)), date(2023, 5, 1))
    assert fast.on_course is True and fast.projected_done == date(2023, 4, 30) + timedelta(days=29)


def test_a_falling_indicator_paces_a_fall():
    state = housing((date(2023, 3, 31), 100), (date(2023, 6, 30), 80), comparator="<=", targets=(100, 80, 60, 40),
                    target=40)
    result = forecast(state, date(2023, 7, 1))
    assert result.recent_pace < 0 and result.required_pace < 0
    assert result.projected_done == date(2023, 6, 30) + timedelta(days=182)  # 40 more at 20 per 91 days
    assert result.on_course is True
    rising = housing((date(2023, 3, 31), 80), (date(2023, 6, 30), 100), comparator="<=", targets=(100, 80, 60, 40),
                     target=40)
    assert forecast(rising, date(2023, 7, 1)).projected_done is None  # moving away: never
    assert forecast(rising, date(2023, 7, 1)).on_course is False


def test_a_correction_on_the_same_date_is_one_report_and_a_later_report_is_not_seen():
    state = housing((date(2023, 3, 31), 10000), (date(2023, 6, 30), 35000), (date(2023, 6, 30), 30000),
                    (date(2023, 8, 1), 90000))
    latest, previous = last_two(state.reports, date(2023, 7, 1))
    assert (latest.value, previous.value) == (30000, 10000)
    assert forecast(state, date(2023, 7, 1)).recent_pace == round(20000 / 91, 4)



def test_the_last_two_reports_are_the_latest_entry_of_the_two_latest_days_in_any_order():
    """last_two keeps the two in one pass; it is the latest entry of each day on or before `on`, the last two
    days: checked against that definition on lists in every order, with corrections and later reports."""
    import random

    rng = random.Random(18)
    days = [date(2023, 3, 31), date(2023, 5, 31), date(2023, 6, 30), date(2023, 7, 1), date(2023, 9, 30)]
    for _ in range(3000):
        reports = [ReportState(as_of=rng.choice(days), value=n) for n in range(rng.randint(0, 6))]
        on = rng.choice(days)
        by_day = {report.as_of: report for report in reports if report.as_of <= on}
        known = sorted(by_day)
        expected = (by_day[known[-1]] if known else None, by_day[known[-2]] if len(known) > 1 else None)
        latest, previous = last_two(reports, on)
        assert (latest, previous) == expected and (latest is expected[0] and previous is expected[1]), (reports, on)

def test_a_standstill_never_arrives_and_a_met_target_is_on_course():
    still = forecast(housing((date(2023, 3, 31), 10000), (date(2023, 6, 30), 10000)), date(2023, 7, 1))
    assert (still.recent_pace, still.projected_done, still.on_course) == (0, None, False)
    met = forecast(housing((date(2023, 3, 31), 10000), (date(2023, 6, 30), 185000)), date(2023, 7, 1))
    assert (met.projected_done, met.on_course) == (date(2023, 6, 30), True)


# --- ranking ---------------------------------------------------------------------------------------


def test_ties_share_a_rank_and_the_next_rank_skips():
    assert ranks([50.0, 100.0, 50.0, None, 20.0]) == [2, 1, 2, None, 4]
    assert ranks([]) == []


@pytest.mark.parametrize(("counts", "rate"), [
    ({"done": 1, "on_track": 1, "not_due": 0, "tasks": 4}, 50.0),
    ({"done": 0, "on_track": 1, "not_due": 1, "tasks": 4}, 33.3),
    ({"done": 0, "on_track": 0, "not_due": 3, "tasks": 3}, None),
])
def test_the_on_time_rate_counts_only_tasks_due(counts, rate):
    assert on_time_rate(**counts) == rate
