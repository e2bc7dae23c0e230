"""Issue 13, review10's findings 5 and 6 and the dated parts it saw in passing: each rule on a small synthetic table."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.sources.table.schedule import dated_clauses

from .conftest import convert_written, indicator_rows

Q2, Q3, END = date(2023, 6, 30), date(2023, 9, 30), date(2023, 12, 31)


def _plan(tmp_path, rows: str, header: str = "序号,工作任务,工作内容,牵头单位,完成时限"):
    return convert_written(tmp_path, "plan.csv", header + "\n" + rows, 2023).programme


@pytest.mark.parametrize(("words", "expected"), [
    # per-period amounts: 2 by the second quarter, 3 more by the fourth, 5 in all
    ("治理河道5条，第二季度前完成2条，第四季度前完成3条", [("治理河道", 5, [(Q2, 2), (END, 5)])]),
    # the step before the sentence's last date is due at its own date, not again at the last
    ("修复道路30公里，三季度前完成15公里，年底前全部完成", [("修复道路", 30, [(Q3, 15), (END, 30)])]),
    # a step printed before the year's figure
    ("第三季度前完成2条，全年治理河道5条", [("治理河道", 5, [(Q3, 2), (END, 5)])]),
])
def test_dated_steps_are_checkpoints_of_the_one_indicator(tmp_path, words, expected):
    """A step with no noun of its own ("第四季度前完成3条") is how far the item's indicator is by then: no indicator
    of its own, wherever it stands beside the year's figure (review10, finding 5)."""
    assert indicator_rows(_plan(tmp_path, f"1,河道治理,{words},县水利局,2023年12月底\n")) == expected


def test_a_step_that_does_not_add_up_to_the_target_is_no_period_amount(tmp_path):
    """Only a step that the earlier steps make up the target with (2 + 3 = 5) is dropped as that period's amount; a
    step with a noun of its own stays an indicator."""
    plan = _plan(tmp_path, "1,河道治理,治理河道5条，第二季度前完成2条，第四季度前新建堤防3条,县水利局,2023年12月底\n")
    assert [name for name, _, _ in indicator_rows(plan)] == ["治理河道", "新建堤防"]


def test_a_sentence_completed_by_its_last_date_leaves_out_the_steps_before():
    assert dated_clauses("修复道路30公里，三季度前完成15公里，年底前全部完成", 2023) == [
        ("三季度前", Q3, "三季度前完成15公里"), ("年底前", END, "修复道路30公里，年底前全部完成")]


@pytest.mark.parametrize(("words", "name", "value"), [
    ("社会消费品零售总额增长5%,即增长5%", "社会消费品零售总额增长", 5),
    ("城镇调查失业率控制在5.5%以内,全年控制在5.5%以内", "城镇调查失业率", 5.5),
    ("外贸出口增长5%,力争增长5%", "外贸出口增长", 5),
    ("社会消费品零售总额增长6%,同比增长6%", "社会消费品零售总额增长", 6),
    ("社会消费品零售总额增长5%,即增长5%以上", "社会消费品零售总额增长", 5),  # said again with its bound
])
def test_the_same_figure_said_again_for_the_same_thing_is_one_target(tmp_path, words, name, value):
    """"…增长5%,即增长5%": the second figure names nothing of its own (即, 全年, 力争, 同比): the first target said
    again, one indicator (review10, finding 6), named with its growth (views50: 社会消费品零售总额增长)."""
    plan = _plan(tmp_path, f'1,扩大消费,"{words}",县商务局,2023年12月\n')
    assert [(n, v) for n, v, _ in indicator_rows(plan)] == [(name, value)]


@pytest.mark.parametrize("words", ["社会消费品零售总额增长5%,外贸出口增长5%", "农村自来水普及率达到80%,城乡达到80%"])
def test_the_same_figure_for_another_thing_stays_two_targets(tmp_path, words):
    plan = _plan(tmp_path, f'1,扩大消费,"{words}",县商务局,2023年12月\n')
    assert len(indicator_rows(plan)) == 2


@pytest.mark.parametrize("words", ["改造老旧小区120个，其中6月底前开工40个", "改造老旧小区120个（其中6月底前开工40个）"])
def test_a_dated_part_inside_an_item_is_due_at_its_own_date(tmp_path, words):
    """"其中6月底前开工40个": a part with a date of its own is a checkpoint at that date (a start, 开工), not a figure
    due at the item's deadline; the item's own figure stays due then."""
    plan = _plan(tmp_path, f"1,老旧小区改造,{words},县住建局,2023年12月\n")
    (line,) = plan.tasks[0].lines
    assert [(c.due, c.text) for c in line.checkpoints] == [(Q2, "其中6月底前开工40个"), (END, "改造老旧小区120个")]
    # the part names no thing of its own, only that it is started by then: how far the 120 are (read21b), no indicator 开工
    assert indicator_rows(plan) == [("改造老旧小区", 120, [(Q2, 40), (END, 120)])]


@pytest.mark.parametrize(("header", "row"), [
    ("序号,项目名称,牵头单位,完成时限", "1,新建公厕10座，9月底前完成6座,县城管局,2023年12月\n"),
    ("序号,项目名称,主要内容,牵头单位,完成时限", "1,新建公厕10座，9月底前完成6座,做好公厕建设管理,县城管局,2023年12月\n"),
])
def test_a_dated_step_in_a_title_beside_a_deadline_column_is_read(tmp_path, header, row):
    """A title that prints a dated step, beside a 完成时限 column: the step is a checkpoint, as in a content cell,
    and the title's figure stays due at the deadline (the step's figure was dropped)."""
    assert indicator_rows(_plan(tmp_path, row, header)) == [("新建公厕", 10, [(Q3, 6), (END, 10)])]
