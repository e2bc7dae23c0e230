"""The status engine, table-driven on plain data: no database, no CLI."""

from datetime import date

import pytest

from mstrack.domain.status import count_statuses, evaluate, status_rows
from mstrack.model import IndicatorState, MilestoneState, ReportState

Q = [date(2023, 3, 31), date(2023, 6, 30), date(2023, 9, 30), date(2023, 12, 31)]


def housing(*reports: tuple[date, float], comparator: str = "=") -> IndicatorState:
    """Shenzhen task 5: 1万, 3万, 6万, 18.5万 cumulative by quarter."""
    return IndicatorState(
        programme="shenzhen-2023", task="5", indicator="建设筹集保障性住房", unit="套（间）",
        comparator=comparator, target=185000, deadline=date(2023, 12, 31),
        milestones=[MilestoneState(due=due, target=target) for due, target in zip(Q, [10000, 30000, 60000, 185000], strict=True)],
        reports=[ReportState(as_of=as_of, value=value) for as_of, value in reports],
    )


@pytest.mark.parametrize(
    ("on", "reports", "status", "expected", "actual"),
    [
        # before the first checkpoint: nothing to judge, with or without a report
        (date(2023, 3, 30), [], "not_due", 0, None),
        (date(2023, 3, 30), [(date(2023, 3, 1), 5000)], "not_due", 0, 5000),
        # on the checkpoint date the checkpoint counts
        (date(2023, 3, 31), [], "no_report", 10000, None),
        (date(2023, 3, 31), [(date(2023, 3, 31), 9999)], "behind", 10000, 9999),
        (date(2023, 3, 31), [(date(2023, 3, 31), 10000)], "on_track", 10000, 10000),
        # the example: 25,000 at 2023-06-30 is behind the 30,000 Q2 target
        (date(2023, 7, 1), [(date(2023, 6, 30), 25000)], "behind", 30000, 25000),
        (date(2023, 6, 29), [(date(2023, 6, 20), 25000)], "on_track", 10000, 25000),
        (date(2023, 6, 30), [(date(2023, 6, 20), 25000)], "behind", 30000, 25000),
        # a report after the date is not seen
        (date(2023, 7, 1), [(date(2023, 6, 30), 25000), (date(2023, 7, 2), 40000)], "behind", 30000, 25000),
        # the final target met: done, even before the deadline
        (date(2023, 11, 1), [(date(2023, 10, 31), 185000)], "done", 60000, 185000),
        # the deadline passed, not done: overdue; on the deadline itself: still judged
        (date(2023, 12, 31), [(date(2023, 12, 31), 180000)], "behind", 185000, 180000),
        (date(2024, 1, 1), [(date(2023, 12, 31), 180000)], "overdue", 185000, 180000),
        (date(2024, 1, 1), [], "overdue", 185000, None),
        (date(2024, 1, 1), [(date(2023, 12, 31), 185000)], "done", 185000, 185000),
    ],
)
def test_quantity_status(on, reports, status, expected, actual):
    row = evaluate(housing(*reports), on)
    assert (row.status, row.expected, row.actual) == (status, expected, actual)


def test_latest_report_wins_and_a_tie_on_date_goes_to_the_later_entry():
    state = housing((date(2023, 6, 30), 31000), (date(2023, 6, 30), 29000))
    row = evaluate(state, date(2023, 7, 1))
    assert (row.actual, row.status) == (29000, "behind")


def test_percent_is_of_the_annual_target():
    row = evaluate(housing((date(2023, 6, 30), 37000)), date(2023, 7, 1))
    assert row.percent == 20.0


def test_falling_indicator_is_met_from_below():
    state = IndicatorState(
        programme="p", task="1", indicator="诈骗警情", comparator="<=", target=100,
        deadline=date(2023, 12, 31),
        milestones=[MilestoneState(due=date(2023, 6, 30), target=120), MilestoneState(due=date(2023, 12, 31), target=100)],
        reports=[ReportState(as_of=date(2023, 6, 30), value=130)],
    )
    assert evaluate(state, date(2023, 7, 1)).status == "behind"
    state.reports = [ReportState(as_of=date(2023, 6, 30), value=110)]
    assert evaluate(state, date(2023, 7, 1)).status == "on_track"
    state.reports = [ReportState(as_of=date(2023, 9, 30), value=95)]
    assert evaluate(state, date(2023, 10, 1)).status == "on_track"  # under the ceiling, but the year runs on
    assert evaluate(state, date(2023, 12, 31)).status == "done"


def test_indicator_without_annual_target_is_judged_on_checkpoints_only():
    state = IndicatorState(
        programme="p", task="8", indicator="工程量", unit="%", target=None, deadline=date(2023, 12, 31),
        milestones=[MilestoneState(due=Q[1], target=20), MilestoneState(due=Q[2], target=50)],
        reports=[ReportState(as_of=date(2023, 9, 30), value=60)],
    )
    assert evaluate(state, date(2023, 10, 1)).status == "on_track"
    assert evaluate(state, date(2024, 1, 1)).status == "overdue"


def schedule(met: int, on_dates=None) -> IndicatorState:
    return IndicatorState(
        programme="shenzhen-2023", task="2", indicator="进度安排", kind="schedule",
        deadline=date(2023, 12, 31),
        milestones=[MilestoneState(due=due, target=None, text=f"节点{i + 1}") for i, due in enumerate(Q)],
        reports=[ReportState(as_of=d, value=i + 1) for i, d in enumerate((on_dates or [date(2023, 3, 31)] * 4)[:met])],
    )


@pytest.mark.parametrize(
    ("met", "on", "status", "expected"),
    [
        (0, date(2023, 3, 30), "not_due", 0),
        (0, date(2023, 3, 31), "no_report", 1),
        (1, date(2023, 3, 31), "on_track", 1),
        (1, date(2023, 7, 1), "behind", 2),
        (2, date(2023, 7, 1), "on_track", 2),
        (4, date(2023, 7, 1), "done", 2),
        (3, date(2024, 1, 1), "overdue", 4),
    ],
)
def test_text_only_line_counts_checkpoints_met(met, on, status, expected):
    row = evaluate(schedule(met), on)
    assert (row.status, row.expected, row.target) == (status, expected, None)
    assert row.final == 4


def test_rows_are_ordered_worst_first_and_counted():
    states = [
        housing((date(2023, 6, 30), 185000)),
        housing(),
        housing((date(2023, 6, 30), 25000)),
    ]
    rows = status_rows(states, date(2023, 7, 1))
    assert [row.status for row in rows] == ["behind", "no_report", "done"]
    assert count_statuses(rows)["behind"] == 1
    assert [row.status for row in status_rows(states, date(2023, 7, 1), only={"done"})] == ["done"]


def test_an_annual_target_without_checkpoints_falls_due_at_the_deadline():
    state = IndicatorState(
        programme="yantian-2023", task="4", indicator="学位", unit="个", target=2000, comparator="=",
        deadline=date(2023, 8, 31), milestones=[], reports=[],
    )
    assert evaluate(state, date(2023, 8, 30)).status == "not_due"
    row = evaluate(state, date(2023, 8, 31))
    assert (row.status, row.expected) == ("no_report", 2000)
    state.reports = [ReportState(as_of=date(2023, 8, 31), value=1500)]
    assert evaluate(state, date(2023, 8, 31)).status == "behind"
    assert evaluate(state, date(2023, 9, 1)).status == "overdue"


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [(185000, "套（间）", "18.5万套（间）"), (17787, "人", "17787人"), (690000000, "元", "6.9亿元"),
     (65, "%", "65%"), (2.5, "", "2.5"), (None, "个", "—"), (1_400_000_000_000, "元", "1.4万亿元")],
)
def test_numbers_print_the_way_documents_write_them(value, unit, text):
    from mstrack.domain.quantities import format_number

    assert format_number(value, unit) == text


@pytest.mark.parametrize(
    ("on", "expected", "status"),
    [
        (date(2023, 1, 1), 0, "not_due"),  # the start: nothing is due yet
        (date(2023, 2, 14), 4944, "no_report"),  # 44 of the 89 days from the start (0) to Q1 (1万)
        (date(2023, 3, 31), 10000, "no_report"),
        (date(2023, 5, 15), 20000, "no_report"),  # halfway from Q1 (1万) to Q2 (3万)
        (date(2023, 6, 30), 30000, "no_report"),
    ],
)
def test_pro_rata_is_linear_between_checkpoints(on, expected, status):
    state = housing()
    state.start = date(2023, 1, 1)
    row = evaluate(state, on, rule="pro-rata")
    assert row.status == status
    assert abs(row.expected - expected) <= 0.02 * 10000


def test_pro_rata_gives_an_annual_only_target_a_mid_year_expectation():
    state = IndicatorState(
        programme="yantian-2023", task="4", indicator="学位", target=2000, deadline=date(2023, 8, 31),
        start=date(2023, 1, 1), milestones=[], reports=[ReportState(as_of=date(2023, 6, 30), value=1000)],
    )
    assert evaluate(state, date(2023, 6, 30), rule="step").status == "not_due"
    row = evaluate(state, date(2023, 6, 30), rule="pro-rata")
    assert row.expected == round(2000 * 180 / 242, 2) and row.status == "behind"


@pytest.mark.parametrize(
    ("words", "status"),
    [("已圆满完成", "done"), ("顺利推进、完成较好", "on_track"), ("按计划有序推进", "on_track"),
     ("进度滞后", "behind"), ("严重滞后", "behind"), ("提前完成", "done"), ("", None), ("待定", None)],
)
def test_report_words_stand_for_statuses(words, status):
    from mstrack.domain.status import assessment_status

    assert assessment_status(words) == status


def test_task_status_is_the_worst_line_and_disagreement_is_marked():
    done = housing((date(2023, 6, 30), 185000))
    behind = housing((date(2023, 6, 30), 20000))
    for state in (done, behind):
        state.assessment = "顺利推进、完成较好"
    rows = status_rows([done, behind], date(2023, 7, 1))
    assert {row.task_status for row in rows} == {"behind"}
    assert {row.agrees for row in rows} == {False}
    done.assessment = behind.assessment = "进度滞后"
    assert {row.agrees for row in status_rows([done, behind], date(2023, 7, 1))} == {True}


def test_pace_gap_and_days_behind_step():
    row = evaluate(housing((date(2023, 6, 30), 25000)), date(2023, 7, 1))
    assert (row.expected, row.pace, row.gap, row.percent) == (30000, 83.3, -5000, 13.5)
    assert row.days_behind == 1  # 2.5万 stopped being enough when 3万 fell due on 06-30


def test_days_behind_pro_rata_is_when_the_line_passed_the_value():
    state = housing((date(2023, 6, 30), 20000))
    state.start = date(2023, 1, 1)
    row = evaluate(state, date(2023, 7, 1), rule="pro-rata")
    # 2万 lies halfway from 1万 (03-31) to 3万 (06-30): due 2023-05-15 or 16, 46 or 47 days before 07-01
    assert row.status == "behind" and row.days_behind in (46, 47)


def test_falling_indicator_gap_and_pace_read_the_right_way_round():
    state = IndicatorState(
        programme="p", task="1", indicator="诈骗警情", comparator="<=", target=100, deadline=date(2023, 12, 31),
        milestones=[MilestoneState(due=date(2023, 6, 30), target=120)], reports=[ReportState(as_of=date(2023, 6, 30), value=150)],
    )
    row = evaluate(state, date(2023, 7, 1))
    assert (row.status, row.gap, row.pace, row.percent) == ("behind", -30, 80.0, None)


def test_stale_reports_are_flagged():
    state = housing((date(2023, 6, 1), 35000))
    assert evaluate(state, date(2023, 7, 1), stale_days=14).stale is True
    assert evaluate(state, date(2023, 6, 10), stale_days=14).stale is False
    assert evaluate(housing(), date(2023, 7, 1), stale_days=14).stale is None


def test_the_programme_chooses_the_default_rule_and_a_run_overrides_it():
    state = housing()
    state.start, state.rule = date(2023, 1, 1), "pro-rata"
    assert evaluate(state, date(2023, 5, 15)).rule == "pro-rata"
    assert evaluate(state, date(2023, 5, 15)).expected != 10000
    assert evaluate(state, date(2023, 5, 15), rule="step").expected == 10000


def test_the_plain_table_aligns_cjk_and_folds_text_columns_to_fit():
    import io

    from rich.cells import cell_len
    from rich.console import Console

    from mstrack.render.grid import Column, PlainTable

    table = PlainTable([Column("任务"), Column("指标", fold=True, min_width=6), Column("实际", justify="right")],
                       title="标题", caption="共 2 行")
    table.add_row("5", "建设筹集保障性住房", "2.5万套（间）", style="red")
    table.add_row("28", "新增就业", "89000人")

    def lines(width: int) -> list[str]:
        buffer = io.StringIO()
        Console(file=buffer, width=width, color_system=None).print(table)
        return buffer.getvalue().splitlines()

    wide = lines(80)
    assert any("建设筹集保障性住房" in line for line in wide)
    rows = [line for line in wide if "万套" in line or "89000人" in line]
    assert len({cell_len(line.rstrip()) for line in rows}) == 1  # right-justified to the same column
    narrow = lines(28)
    assert all(cell_len(line) <= 28 for line in narrow)
    start = next(i for i, line in enumerate(narrow) if line.startswith(" 5 "))
    end = next(i for i, line in enumerate(narrow) if line.startswith(" 28 "))
    folded = [narrow[start].split()[1]] + [line.split()[0] for line in narrow[start + 1:end]]
    assert "".join(folded) == "建设筹集保障性住房"  # folded, never a character split or lost


# --- falling indicators ("<="): a ceiling is met only once the period it limits is over ---------------

CEILING_DUES = [date(2023, 3, 31), date(2023, 6, 30), date(2023, 12, 31)]


def fraud(*reports: tuple[date, float]) -> IndicatorState:
    """诈骗警情 ≤ 1000 for the year, cumulative: at most 300 by 03-31, 550 by 06-30, 1000 by 12-31."""
    return IndicatorState(
        programme="p", task="9", indicator="诈骗警情", unit="起", comparator="<=", target=1000,
        deadline=date(2023, 12, 31), start=date(2023, 1, 1),
        milestones=[MilestoneState(due=due, target=target) for due, target in zip(CEILING_DUES, [300, 550, 1000], strict=True)],
        reports=[ReportState(as_of=as_of, value=value) for as_of, value in reports],
    )


@pytest.mark.parametrize(
    ("on", "reports", "status", "expected"),
    [
        (date(2023, 3, 30), [(date(2023, 3, 1), 100)], "not_due", None),
        (date(2023, 3, 31), [], "no_report", 300),
        (date(2023, 3, 31), [(date(2023, 3, 31), 250)], "on_track", 300),
        (date(2023, 3, 31), [(date(2023, 3, 31), 320)], "behind", 300),
        # the reviewer's case: 600 is under the year's 1000 but over the 550 allowed by 06-30
        (date(2023, 7, 5), [(date(2023, 6, 30), 600)], "behind", 550),
        (date(2023, 7, 5), [(date(2023, 6, 30), 500)], "on_track", 550),
        (date(2023, 12, 30), [(date(2023, 12, 15), 540)], "on_track", 550),
        # step: 550 stays the ceiling until 12-31 (no Q3 checkpoint), so 900 the day before is behind
        (date(2023, 12, 30), [(date(2023, 12, 15), 900)], "behind", 550),
        # done only from the deadline, with the actual within the year's ceiling then
        (date(2023, 12, 31), [(date(2023, 12, 15), 900)], "done", 1000),
        (date(2023, 12, 31), [(date(2023, 12, 31), 1100)], "behind", 1000),
        (date(2024, 1, 1), [(date(2023, 12, 31), 900)], "done", 1000),
        (date(2024, 1, 1), [(date(2023, 12, 31), 1100)], "overdue", 1000),
        (date(2024, 1, 1), [], "overdue", 1000),
    ],
)
def test_falling_cumulative_ceiling_is_judged_on_the_ceiling_passed(on, reports, status, expected):
    row = evaluate(fraud(*reports), on)
    assert (row.status, row.expected) == (status, expected)


def test_falling_behind_row_reads_gap_and_pace_against_the_passed_ceiling():
    row = evaluate(fraud((date(2023, 6, 30), 600)), date(2023, 7, 5))
    assert (row.status, row.expected, row.gap, row.pace, row.percent) == ("behind", 550, -50, 91.7, None)


def pm25(*reports: tuple[date, float], milestones=()) -> IndicatorState:
    """PM2.5年平均浓度 ≤ 15 微克/立方米: a rate, with no checkpoint but the deadline."""
    return IndicatorState(
        programme="shenzhen-2023-report", task="78", indicator="PM2.5年平均浓度", unit="微克/立方米",
        comparator="<=", target=15, deadline=date(2023, 12, 31), start=date(2023, 1, 1),
        milestones=[MilestoneState(due=due, target=target) for due, target in milestones],
        reports=[ReportState(as_of=as_of, value=value) for as_of, value in reports],
    )


@pytest.mark.parametrize("rule", ["step", "pro-rata"])
def test_falling_rate_without_checkpoints_is_judged_at_the_deadline(rule):
    def status(value, on):
        return evaluate(pm25((date(2023, 6, 30), value)), on, rule=rule).status

    assert status(14, date(2023, 7, 1)) == "not_due"  # under 15 at mid-year says nothing of the year's average
    assert status(16, date(2023, 7, 1)) == "not_due"
    assert status(14, date(2023, 12, 31)) == "done"
    assert status(16, date(2023, 12, 31)) == "behind"
    assert status(14, date(2024, 1, 1)) == "done"
    assert status(16, date(2024, 1, 1)) == "overdue"
    assert evaluate(pm25(), date(2023, 12, 31), rule=rule).status == "no_report"


@pytest.mark.parametrize(
    ("value", "status"),
    [(280, "on_track"), (310, "behind"), (400, "behind"), (500, "behind")],
)
def test_pro_rata_keeps_the_step_ceiling_for_a_falling_indicator(value, status):
    # on 05-15 step allows Q1's 300; pro-rata would allow 300 + 250 × 45/91 ≈ 424, but a ceiling is not
    # spread over the days: both rules expect 300, so 400 is behind under both
    state = fraud((date(2023, 5, 1), value))
    step = evaluate(state, date(2023, 5, 15), rule="step")
    pro_rata = evaluate(state, date(2023, 5, 15), rule="pro-rata")
    assert (step.expected, step.status) == (300, status)
    assert (pro_rata.expected, pro_rata.status, pro_rata.rule) == (300, status, "pro-rata")
    assert pro_rata.days_behind == step.days_behind


@pytest.mark.parametrize(
    ("reports", "on", "days"),
    [
        # over 550 from its report on 06-30, though over Q1's 300 too: the count at 03-31 is not known
        ([(date(2023, 6, 30), 600)], date(2023, 7, 5), 5),
        ([(date(2023, 4, 20), 320)], date(2023, 5, 1), 11),  # over 300 (due 03-31) from its report, 04-20
        ([(date(2023, 3, 1), 320)], date(2023, 4, 10), 10),  # reported early: over from 03-31, when 300 fell due
        ([(date(2023, 12, 31), 1100)], date(2024, 1, 10), 10),  # overdue rows count too
    ],
)
def test_days_behind_of_a_falling_row_is_since_the_reports_show_it_over_a_ceiling(reports, on, days):
    row = evaluate(fraud(*reports), on)
    assert row.status in ("behind", "overdue") and row.days_behind == days


def test_days_behind_of_a_falling_rate_is_since_the_ceiling_fell_below_it():
    # 18 by 06-30, 15 by 12-31; 19 reported on 05-31 is over from 06-30, when 18 fell due
    state = pm25((date(2023, 5, 31), 19), milestones=[(date(2023, 6, 30), 18), (date(2023, 12, 31), 15)])
    row = evaluate(state, date(2023, 7, 5))
    assert (row.status, row.expected, row.days_behind) == ("behind", 18, 5)
    state.reports = [ReportState(as_of=date(2023, 5, 31), value=17)]
    row = evaluate(state, date(2023, 7, 5))  # over the year's 15, under the 18 passed
    assert (row.status, row.days_behind) == ("on_track", None)
    row = evaluate(pm25((date(2023, 12, 31), 16)), date(2024, 1, 1))
    assert (row.status, row.days_behind) == ("overdue", 1)
    row = evaluate(pm25((date(2023, 12, 31), 14)), date(2024, 1, 5))
    assert (row.status, row.days_behind) == ("done", None)


# --- days behind for overdue rows -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reports", "on", "days"),
    [
        ([(date(2023, 12, 31), 180000)], date(2024, 1, 10), 10),  # 18.5万 fell due on 12-31
        ([(date(2023, 9, 1), 50000)], date(2024, 1, 1), 93),  # 5万 stopped being enough when 6万 fell due 09-30
        ([(date(2023, 6, 30), 5000)], date(2024, 1, 1), 276),  # short of Q1's 1万 since 03-31
    ],
)
def test_days_behind_of_an_overdue_row_is_how_long_its_value_has_been_due(reports, on, days):
    row = evaluate(housing(*reports), on)
    assert (row.status, row.days_behind) == ("overdue", days)


def test_days_behind_of_an_overdue_row_without_a_report_or_on_the_other_rules():
    assert evaluate(housing(), date(2024, 1, 1)).days_behind is None  # nothing reported: no value to date
    state = housing((date(2023, 6, 30), 20000))
    state.start = date(2023, 1, 1)
    row = evaluate(state, date(2024, 1, 1), rule="pro-rata")
    # 2万 lies halfway from 1万 (03-31) to 3万 (06-30): due 2023-05-15 or 16
    assert row.status == "overdue" and row.days_behind in (230, 231)
    row = evaluate(schedule(3), date(2024, 1, 10))  # 3 of 4 checkpoints met: the 4th fell due 12-31
    assert (row.status, row.days_behind) == ("overdue", 10)


# --- severity --------------------------------------------------------------------------------------


def test_overdue_is_worse_than_no_report_for_a_task_as_in_the_reports():
    from mstrack.model import CHANGE_RANK, TASK_SEVERITY
    from mstrack.reports.units import task_counts, unit_rollups

    assert TASK_SEVERITY == ("behind", "overdue", "no_report", "on_track", "not_due", "done")
    ranks = [CHANGE_RANK[status] for status in TASK_SEVERITY]
    assert ranks == sorted(ranks)  # the changes-since rank reads the statuses in the same order
    overdue = housing()  # the deadline 12-31 passed, nothing reported
    unreported = housing()  # same task, a line whose deadline is next year: Q4 passed, nothing reported
    unreported.indicator, unreported.deadline = "第二批", date(2024, 6, 30)
    for state in (overdue, unreported):
        state.lead_units = ["市住建局"]
    rows = status_rows([unreported, overdue], date(2024, 1, 1))
    assert [row.status for row in rows] == ["no_report", "overdue"]
    assert {row.task_status for row in rows} == {"overdue"}
    assert task_counts(rows)["overdue"] == 1 and task_counts(rows)["no_report"] == 0
    (unit,) = unit_rollups(rows)
    assert (unit.overdue, unit.no_report, unit.behind_tasks) == (1, 0, ["shenzhen-2023/5"])


def test_the_vocabulary_is_built_by_name_only():
    """Every dataclass of model.py is built with its fields named, never by position (which a reordered field
    would silently shift into the wrong field): the plan's classes refuse positions; the engine's (slots, for
    speed) are checked in the source, call by call."""
    import ast
    from dataclasses import fields, is_dataclass
    from pathlib import Path

    from mstrack import model

    classes = {name: value for name, value in vars(model).items() if is_dataclass(value) and value.__module__ == model.__name__}
    assert {"Programme", "Task", "Indicator", "IndicatorState", "StatusRow"} <= set(classes)
    for name in ("Programme", "Area", "Task", "Line", "Checkpoint", "Indicator", "Milestone", "PlanReport"):
        with pytest.raises(TypeError, match="positional"):
            classes[name](*[None] * len(fields(classes[name])))
    positional = []
    for path in sorted(Path(model.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
                if called in classes:
                    positional.append(f"{path.name}:{node.lineno} {called}")
    assert positional == []


def test_every_status_has_its_words_and_its_choice_on_the_command_line():
    """model.STATUSES is the one list: the labels, the ranks and --only/--fail-on all follow it."""
    from mstrack.cli.common import Status, rule_value
    from mstrack.labels import catalogue
    from mstrack.model import CHANGE_RANK, RULES, STATUSES, TASK_SEVERITY

    assert [s.value for s in Status] == list(STATUSES) and [rule_value(r) for r in RULES] == list(RULES)
    assert set(TASK_SEVERITY) == set(CHANGE_RANK) == set(STATUSES)
    for status in STATUSES:
        assert all(catalogue()[f"{kind}.{status}"][0] for kind in ("status", "count")), status


def test_the_domain_is_pure():
    """domain/ reads no file and no database and knows no renderer: it imports only itself, the vocabulary, the
    errors and the text helpers (mstrack.text: pure string functions), and nothing of the standard library that
    reaches outside the process."""
    import ast
    from pathlib import Path

    import mstrack.domain

    allowed = ("mstrack.domain", "mstrack.vocabulary", "mstrack.model", "mstrack.errors", "mstrack.text")
    outside = {"os", "io", "pathlib", "sqlite3", "shutil", "subprocess", "socket", "tempfile", "getpass"}
    found = []
    for path in sorted(Path(mstrack.domain.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in getattr(node, "names", [])] \
                if isinstance(node, ast.Import) else []
            for name in names:
                if name.startswith("mstrack") and not name.startswith(allowed) or name.split(".")[0] in outside:
                    found.append(f"{path.name}: {name}")
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("open", "print", "input"):
                found.append(f"{path.name}:{node.lineno} {node.func.id}()")
    assert found == []


def test_a_logged_value_is_checked_without_a_store():
    """check_report: the indicator, the date and the number of a report, from plain states (no store, no I/O)."""
    from mstrack.domain.dates import ReportWindow
    from mstrack.domain.progress import check_report
    from mstrack.errors import InputError

    state = housing((date(2023, 6, 30), 20000))
    state.indicator_id = 7
    checked = check_report([state], ReportWindow.of(2023), "shenzhen-2023/5", "1.5万", indicator="建设", as_of="9月底", done=False,
                           today=date(2023, 10, 8))
    assert (checked.state.indicator_id, checked.on, checked.value) == (7, date(2023, 9, 30), 15000)
    assert checked.label == "shenzhen-2023/5 建设筹集保障性住房"
    assert [w.template for w in checked.warnings] == [
        "{label}: {value} as of {on} is lower than the {earlier} reported as of {earlier_on}; values are cumulative"]
    with pytest.raises(InputError) as raised:
        check_report([state], ReportWindow.of(2023), "shenzhen-2023/5", "1万", indicator=None, as_of="12月31日", done=False,
                     today=date(2023, 10, 8))
    assert "a report cannot be dated in the future (today is 2023-10-08)" in str(raised.value)
