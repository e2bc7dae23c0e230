"""Issue 13, review11's findings 3, 4 and 7: dated steps and dated titles, each rule on a small synthetic table."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.domain.dates import month_end

from .conftest import convert_written, indicator_rows

Q2, Q3, NOV, END = date(2023, 6, 30), date(2023, 9, 30), date(2023, 11, 30), date(2023, 12, 31)


def _converted(tmp_path, rows: str, header: str = "序号,工作任务,工作内容,牵头单位,完成时限"):
    return convert_written(tmp_path, "plan.csv", header + "\n" + rows, 2023)


def _checkpoints(plan) -> list[str]:
    return [c.text for task in plan.tasks for line in task.lines for c in line.checkpoints]


def test_steps_with_no_year_figure_are_one_indicator_due_at_the_last(tmp_path):
    """"第二季度前完成2条，第四季度前完成3条" and no year's figure: one indicator, a milestone per step, the last step
    its target (not 2 due in June, after which the item would read done); that the steps may be amounts per period
    (2 + 3 = 5) is a doubt."""
    converted = _converted(tmp_path, "1,治理河道,第二季度前完成2条，第四季度前完成3条,县水利局,2023年12月\n")
    assert indicator_rows(converted.programme) == [("治理河道", 3, [(Q2, 2), (END, 3)])]
    assert any("may be amounts per period" in str(d) for d in converted.doubts), converted.doubts
    assert not any("more than the target" in str(d) for d in converted.doubts)


@pytest.mark.parametrize(("words", "expected"), [
    ("6月底前完成10公里，9月底前完成10公里，12月底前完成10公里", [(30, [(Q2, 10), (Q3, 20), (END, 30)])]),
    ("第二季度前完成2条，第四季度前完成2条", [(4, [(Q2, 2), (END, 4)])]),
])
def test_steps_with_no_year_figure_that_repeat_are_amounts_per_period(tmp_path, words, expected):
    """Steps that repeat (10, 10, 10) and no year's figure: amounts per period, their sum the target (was 10, 20, 10:
    the last step read as the target reached)."""
    converted = _converted(tmp_path, f"1,管网改造,{words},县住建局,2023年12月\n")
    assert [(target, ms) for _, target, ms in indicator_rows(converted.programme)] == expected
    assert any("read as amounts per period and summed" in str(d) for d in converted.doubts), converted.doubts


@pytest.mark.parametrize(("words", "expected"), [
    # running totals already: the last step is the target itself
    ("治理河道5条，第二季度前完成2条，第四季度前完成5条", [("治理河道", 5, [(Q2, 2), (END, 5)])]),
    ("改造管网30公里，6月底前完成10公里，9月底前完成20公里，12月底前完成30公里",
     [("改造管网", 30, [(Q2, 10), (Q3, 20), (END, 30)])]),
])
def test_steps_that_are_running_totals_invent_nothing(tmp_path, words, expected):
    assert indicator_rows(_converted(tmp_path, f"1,河道治理,{words},县水利局,2023年12月\n").programme) == expected


@pytest.mark.parametrize("words", ["治理河道5条，第二季度前完成2条，第四季度前完成4条",
                                   "治理河道5条，第二季度前完成3条，第四季度前完成3条"])
def test_steps_that_do_not_make_up_the_target_are_a_doubt_not_an_indicator(tmp_path, words):
    """2 + 4 or 3 + 3 of 5: neither running totals nor amounts that make up the target; the last step stays
    checkpoint text with a doubt, no indicator of its own."""
    converted = _converted(tmp_path, f"1,河道治理,{words},县水利局,2023年12月\n")
    assert [name for name, _, _ in indicator_rows(converted.programme)] == ["治理河道"]
    assert any("does not make up the target (5)" in str(d) for d in converted.doubts), converted.doubts


def test_half_year_amounts_are_per_half(tmp_path):
    """"上半年完成15公里，下半年完成15公里" of 30: 15 by June, 30 by December; one indicator."""
    converted = _converted(tmp_path, "1,管网改造,改造管网30公里，上半年完成15公里，下半年完成15公里,县住建局,2023年12月\n")
    assert indicator_rows(converted.programme) == [("改造管网", 30, [(Q2, 15), (END, 30)])]


@pytest.mark.parametrize(("words", "expected"), [
    ("开展技能培训1200人次，每季度完成300人次", [(date(2023, 3, 31), 300), (Q2, 600), (Q3, 900), (END, 1200)]),
    ("开展技能培训1200人次，每月完成100人次", [(month_end(2023, m), 100 * m) for m in range(1, 13)]),
    ("开展技能培训1200人次，每半年完成600人次", [(Q2, 600), (END, 1200)]),
])
def test_an_amount_per_period_is_each_periods_share_of_the_one_indicator(tmp_path, words, expected):
    """"每季度完成300人次" beside the year's 1200 (4 × 300): the running total by each quarter's end, milestones of
    that one indicator, not an indicator named 每季度."""
    plan = _converted(tmp_path, f"1,技能培训,{words},县人社局,2023年12月\n").programme
    assert indicator_rows(plan) == [("开展技能培训", 1200, expected)]


def test_an_amount_per_period_that_does_not_make_up_the_target_is_a_doubt(tmp_path):
    """4 × 250 is not 1200: no milestones made of it, no indicator named 每季度; the amount stays checkpoint text."""
    converted = _converted(tmp_path, "1,技能培训,开展技能培训1200人次，每季度完成250人次,县人社局,2023年12月\n")
    assert indicator_rows(converted.programme) == [("开展技能培训", 1200, [(END, 1200)])]
    assert any("an amount per period" in str(d) for d in converted.doubts), converted.doubts


def test_a_dated_title_that_restates_the_content_adds_nothing(tmp_path):
    """Title "2023年底前完成3所学校建设" over content "新建学校3所": the same schools, one indicator."""
    plan = _converted(tmp_path, "1,2023年底前完成3所学校建设,新建学校3所,县教育局,2023年12月\n").programme
    assert len(indicator_rows(plan)) == 1
    assert indicator_rows(plan)[0][1:] == (3, [(END, 3)])


def test_a_title_dated_after_the_deadline_column_does_not_move_the_target(tmp_path):
    """"2023年底前完成3所学校建设" beside a 完成时限 of 2023年11月: the column is read (Nov 30), with a doubt."""
    converted = _converted(tmp_path, "1,2023年底前完成3所学校建设,做好学校建设管理,县教育局,2023年11月\n",
                           "序号,工作任务,工作内容,牵头单位,完成时限")
    assert [(target, ms) for _, target, ms in indicator_rows(converted.programme)] == [(3, [(NOV, 3)])]
    assert any("later than the 完成时限" in str(d) for d in converted.doubts), converted.doubts


def test_a_checkpoint_does_not_repeat_its_words(tmp_path):
    """Title "新建学校3所，9月底前投用1所" over content "新建学校3所": the year-end checkpoint says it once."""
    plan = _converted(tmp_path, "1,新建学校3所，9月底前投用1所,新建学校3所,县教育局,2023年12月\n").programme
    assert "新建学校3所；新建学校3所" not in _checkpoints(plan)
    assert "新建学校3所" in _checkpoints(plan)
