"""Review 8, findings 1 and 7: a dated step inside an item's words is a checkpoint of its own; the target is due at
the deadline unless the date's clause says the target itself is done by then."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.sources.table.schedule import dated_clauses
from tests.conftest import convert_written


def task_of(tmp_path, content: str, deadline: str = "2024年12月"):
    return convert_written(tmp_path, "表.csv", f"序号,项目名称,主要内容,责任单位,完成时限\n1,新建公厕,{content},区城管局,{deadline}\n",
                           code="t")


def dues(task) -> list[tuple]:
    return [(i.target, [m.due for m in i.milestones]) for line in task.lines for i in line.indicators]


@pytest.mark.parametrize("content", [
    "新建公厕10个，3月底前编制建设方案",  # review 8 a8 row 1
    "3月底前编制建设方案，新建公厕10个",  # the step first
    "新建公厕10个，二季度前出台扶持办法",  # a quarter's 前
    "新建公厕10个，6月底前完成设计招标",  # 完成 with an object of its own: a step
    "新建公厕10个，三季度前完成招标",
    "新建公厕10个，6月前完成选址",
    "新建公厕十个，10月底前后组织验收",  # 前后 is "around", no step at all
])
def test_a_dated_step_does_not_pull_the_target_to_its_date(tmp_path, content):
    """"新建公厕10个，3月底前编制建设方案": 10 个 due at the deadline (12-31); the step is a text checkpoint."""
    task = task_of(tmp_path, content).programme.tasks[0]
    assert dues(task) == [(10, [date(2024, 12, 31)])]
    assert task.deadline == date(2024, 12, 31)


def test_the_steps_checkpoint_is_its_own_clause(tmp_path):
    task = task_of(tmp_path, "新建公厕10个，3月底前编制建设方案").programme.tasks[0]
    texts = {c.due: c.text for line in task.lines for c in line.checkpoints}
    assert texts[date(2024, 3, 31)] == "3月底前编制建设方案"


@pytest.mark.parametrize("content", ["新建公厕10个，9月底前投入使用", "新建公厕10个，9月底前全部建成并投入使用",
                                     "新建公厕10个，9月底前完成建设任务"])
def test_a_date_that_says_the_target_is_done_still_dates_it(tmp_path, content):
    """"…，9月底前投入使用": the clause's verb completes the sentence's figures, which are due then."""
    assert dues(task_of(tmp_path, content).programme.tasks[0]) == [(10, [date(2024, 9, 30)])]


def test_a_clause_with_a_figure_of_its_own_dates_that_figure_only(tmp_path):
    """"治理河道5条，第三季度前完成2条": 2 条 by Sep 30, the 5 条 at the deadline."""
    task = task_of(tmp_path, "治理河道5条，第三季度前完成2条").programme.tasks[0]
    milestones = {(m.due, m.target) for line in task.lines for i in line.indicators for m in i.milestones}
    assert (date(2024, 12, 31), 5) in milestones and (date(2024, 9, 30), 5) not in milestones


def test_a_second_step_after_yu_is_read():
    """"10月底前编制方案并于11月底前报批": two steps, each with its date."""
    assert [(due, text) for _, due, text in dated_clauses("10月底前编制方案并于11月底前报批", 2024)] == [
        (date(2024, 10, 31), "10月底前编制方案"), (date(2024, 11, 30), "11月底前报批")]


def test_a_month_in_words_dates_a_step(tmp_path):
    assert [due for _, due, _ in dated_clauses("十月底前编制方案", 2024)] == [date(2024, 10, 31)]
    task = task_of(tmp_path, "十月底前编制方案，新建公厕10个").programme.tasks[0]
    texts = {c.due: c.text for line in task.lines for c in line.checkpoints}
    assert texts == {date(2024, 10, 31): "10月底前编制方案", date(2024, 12, 31): "新建公厕10个"}


@pytest.mark.parametrize(("content", "words"), [
    ("新建公厕10个，三季度前完成招标", "三季度前"),  # by the quarter's end, or before it starts?
    ("新建公厕10个，6月前完成选址", "6月前"),  # before June, or by its end?
])
def test_a_before_date_in_the_words_is_a_doubt(tmp_path, content, words):
    """"6月前" in an item's text is read as before June (May 31), as in the 完成时限 column, and is checked the same."""
    result = task_of(tmp_path, content)
    doubts = [str(d) for d in result.doubts]
    assert any(words in d for d in doubts), doubts


def test_a_step_later_than_the_deadline_is_a_doubt(tmp_path):
    """"2024年10月底前…" under 完成时限 2024年9月: the two dates disagree; a person checks which holds."""
    result = task_of(tmp_path, "2024年10月底前，全面完成医保参保登记", "2024年9月")
    doubts = [str(d) for d in result.doubts]
    assert any("2024年10月底前" in d for d in doubts), doubts


def test_a_step_and_a_completion_in_one_sentence(tmp_path):
    """"改造老旧小区12个，6月底前完成设计招标，年底前全部完工": the step in June as text, 12 个 at the year's end, once."""
    task = task_of(tmp_path, "改造老旧小区12个，6月底前完成设计招标，年底前全部完工").programme.tasks[0]
    assert dues(task) == [(12, [date(2024, 12, 31)])]
    texts = {c.due: c.text for line in task.lines for c in line.checkpoints}
    assert texts[date(2024, 6, 30)] == "6月底前完成设计招标"
