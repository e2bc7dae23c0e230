"""Issue 13, revfix14a (review14 items 1, 2, 3 and 5): a bare dated step joins the figure of its own stage of the work,
a bound held each month joins the year's only when it names the same thing, and "达到" makes only the points it is
said of levels (the "may be amounts per period" doubt stays where the reading is open)."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import convert_written, indicator_rows

Q2, Q3, OCT, END = date(2023, 6, 30), date(2023, 9, 30), date(2023, 10, 31), date(2023, 12, 31)


def _convert(tmp_path, words: str):
    rows = f"序号,工作任务,工作内容,牵头单位,完成时限\n1,民生项目,{words},县住建局,2023年12月底\n"
    return convert_written(tmp_path, "plan.csv", rows, 2023)


def _rows(tmp_path, words: str):
    return indicator_rows(_convert(tmp_path, words).programme)


def _per_period_doubted(conversion) -> bool:
    return any("per period" in str(message) or "per-period" in str(message) for message in conversion.summary + conversion.doubts)


# --- 1. a bare step joins the figure of its stage -------------------------------------------------------------------

@pytest.mark.parametrize(("words", "expected"), [
    ("新开工项目10个，竣工项目6个，6月底前开工5个，9月底前竣工3个",
     [("新开工项目", 10, [(Q2, 5), (END, 10)]), ("竣工项目", 6, [(Q3, 3), (END, 6)])]),
    ("开工建设学校4所，建成投用学校3所，6月底前开工2所",
     [("开工建设学校", 4, [(Q2, 2), (END, 4)]), ("建成投用学校", 3, [(END, 3)])]),
    ("新开工安置房1000套，基本建成800套，6月底前开工500套，10月底前基本建成400套",
     [("新开工安置房", 1000, [(Q2, 500), (END, 1000)]), ("基本建成", 800, [(OCT, 400), (END, 800)])]),
])
def test_a_bare_step_joins_the_figure_of_its_stage(tmp_path, words, expected):
    assert _rows(tmp_path, words) == expected


def test_a_step_of_another_stage_than_the_one_figure_is_its_own_indicator(tmp_path):
    """竣工 3 by June under a figure that counts starts (新开工项目): how many are finished, no start checkpoint."""
    rows = _rows(tmp_path, "新开工项目10个，其中6月底前竣工3个")
    assert rows[0] == ("新开工项目", 10, [(END, 10)])
    assert [(target, milestones) for _, target, milestones in rows[1:]] == [(3, [(Q2, 3)])]


def test_a_step_at_a_stage_due_with_the_whole_works_figure_is_its_own_indicator(tmp_path):
    """交付使用 800 by the year's end beside 建设 2000 due then: how many are handed over, not a step that misses 2000."""
    conversion = _convert(tmp_path, "建设安置房2000套，6月底前开工2000套，12月底前交付使用800套")
    rows = indicator_rows(conversion.programme)
    assert rows[0] == ("建设安置房", 2000, [(Q2, 2000), (END, 2000)])
    assert [(target, milestones) for _, target, milestones in rows[1:]] == [(800, [(END, 800)])]


# --- 2. a bound held each month joins the year's only when it names the same thing ---------------------------------

@pytest.mark.parametrize(("words", "names"), [
    ("群众满意度达到95%，每月回访满意率不低于95%", ["群众满意度", "每月回访满意率"]),
    ("12345热线按时办结率达到98%，每月按时回复率不低于98%", ["12345热线按时办结率", "每月按时回复率"]),
])
def test_a_monthly_bound_of_another_thing_is_its_own_indicator(tmp_path, words, names):
    assert [name for name, _, _ in _rows(tmp_path, words)] == names


# --- 3. 达到 makes only the points it is said of levels ---------------------------------------------------------------

@pytest.mark.parametrize("words", ["6月底前新增养老床位200张，9月底前新增300张，12月底前达到800张",
                                   "新增学位3000个，6月底前达到1000个，9月底前达到1000个"])
def test_amounts_beside_a_level_keep_the_per_period_doubt(tmp_path, words):
    assert _per_period_doubted(_convert(tmp_path, words))


@pytest.mark.parametrize("words", ["新增托位1000个，6月底前新增400个，12月底前达到1000个",
                                   "6月底前新增充电桩300个，12月底前累计达到1000个",
                                   "养老床位达到3000张，6月底前达到3000张，12月底前达到3000张"])
def test_one_amount_before_the_level_is_not_doubted(tmp_path, words):
    assert not _per_period_doubted(_convert(tmp_path, words))
