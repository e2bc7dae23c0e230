"""Issue 13, read21b: the reader's known leftovers on figures and steps, each rule on a small synthetic table: a dated
step with a verb of its own, a step in another unit, a level restated at two dates, a bound held each month, a
standard per head and year, and the one exact sum the readers share."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.sources.table.mentions import find_mentions
from mstrack.sources.table.numbers import exact, exact_sum

from .conftest import convert_written, indicator_rows

Q2, Q3, END = date(2023, 6, 30), date(2023, 9, 30), date(2023, 12, 31)


def _convert(tmp_path, words: str, header: str = "序号,工作任务,工作内容,牵头单位,完成时限"):
    return convert_written(tmp_path, "plan.csv", f"{header}\n1,民生项目,{words},县住建局,2023年12月底\n", 2023)


def _plan(tmp_path, words: str):
    return _convert(tmp_path, words).programme


# --- 1. a dated step whose only word is its verb: how far the year's figure in its unit is by then -------------------

@pytest.mark.parametrize(("words", "expected"), [
    ("新建幼儿园3所，9月底前投用1所", [("新建幼儿园", 3, [(Q3, 1), (END, 3)])]),
    ("新开工项目10个，6月底前开工8个", [("新开工项目", 10, [(Q2, 8), (END, 10)])]),
    ("改造老旧小区20个，6月底前争取开工15个", [("改造老旧小区", 20, [(Q2, 15), (END, 20)])]),
])
def test_a_dated_step_with_only_a_verb_is_a_checkpoint_of_the_figure_in_its_unit(tmp_path, words, expected):
    assert indicator_rows(_plan(tmp_path, words)) == expected


def test_steps_of_two_stages_are_read_as_printed(tmp_path):
    """开工 10 by June and 完工 6 by September are two stages of the same 10: never summed as amounts per period. A 新建
    figure counts what is built (revfix15a): the start step is checkpoint text, no milestone of it."""
    conversion = _convert(tmp_path, "新建公厕10座，6月底前开工10座，9月底前完工6座")
    assert indicator_rows(conversion.programme) == [("新建公厕", 10, [(Q3, 6), (END, 10)])]
    assert not any("per-period" in str(message) for message in conversion.summary)


@pytest.mark.parametrize(("title", "schedule"), [
    ("市区新建、改扩建中小学校30所,六县(市)城区新建、改扩建中小学校10所以上。",
     "6月底前,争取在市区开工10所、六县(市)开工4所;12月底前全部开工。"),
    ("市區新建、改擴建中小學校30所,六縣(市)城區新建、改擴建中小學校10所以上。",
     "6月底前,爭取在市區開工10所、六縣(市)開工4所;12月底前全部開工。"),
])
def test_a_step_of_a_place_and_a_verb_is_how_far_that_places_figure_is(tmp_path, title, schedule):
    """"争取在市区开工10所" beside "市区新建…30所" and "六县(市)…10所": the figure whose name opens with the place."""
    rows = f"序号,工作任务,进度安排,牵头单位\n1,\"{title}\",\"{schedule}\",市教育局\n"
    plan = convert_written(tmp_path, "plan.csv", rows, 2023).programme
    assert [(target, milestones) for _, target, milestones in indicator_rows(plan)] == [(30, [(Q2, 10)]), (10, [(Q2, 4)])]


@pytest.mark.parametrize(("words", "names"), [
    ("新建幼儿园3所，9月底前新建小学1所", ["新建幼儿园", "新建小学"]),  # a noun of its own: another work
    ("治理河道5条，第二季度前完成2条，第四季度前新建堤防3条", ["治理河道", "新建堤防"]),
])
def test_a_step_that_names_a_thing_of_its_own_stays_an_indicator(tmp_path, words, names):
    assert [name for name, _, _ in indicator_rows(_plan(tmp_path, words))] == names


# --- 2. a step in another unit than the year's figure: a checkpoint, no target, never named 指标 ----------------------

@pytest.mark.parametrize("header", ["序号,工作任务,工作内容,牵头单位,完成时限", "序号,工作内容,牵头单位,完成时限"])
def test_a_step_in_another_unit_is_a_checkpoint_with_no_target(tmp_path, header):
    words = "治理河道5条，第三季度前完成20公里"
    rows = f"1,民生项目,{words},县水利局,2023年12月底\n" if header.count(",") == 4 else f"1,{words},县水利局,2023年12月底\n"
    plan = convert_written(tmp_path, "plan.csv", f"{header}\n{rows}", 2023).programme
    rows = indicator_rows(plan)
    assert ("治理河道（条）", 5, [(END, 5)]) in rows  # one name in two units: named by its units (fix49d)
    [other] = [row for row in rows if row[0] != "治理河道（条）"]
    assert other[1:] == (None, [(Q3, 20)])  # how far by Q3, no target of the year in 公里
    assert other[0] != "指标"


# --- 3. a level reached at two dates: the same level, not two amounts ---------------------------------------------

@pytest.mark.parametrize("words", ["6月底前养老床位达到3000张，12月底前达到3000张",
                                   "养老床位达到3000张，6月底前达到3000张，12月底前达到3000张"])
def test_a_level_restated_at_two_dates_keeps_both(tmp_path, words):
    conversion = _convert(tmp_path, words)
    assert [(target, milestones) for _, target, milestones in indicator_rows(conversion.programme)] == [
        (3000, [(Q2, 3000), (END, 3000)])]
    assert not any("per-period" in str(message) for message in conversion.summary)


# --- 4. a bound held each month that restates the year's bound: one indicator ------------------------------------------

@pytest.mark.parametrize("words", ["城镇调查失业率控制在5.5%以内，每月调查失业率不高于5.5%",
                                   "每月调查失业率不高于5.5%，城镇调查失业率控制在5.5%以内"])
def test_a_monthly_bound_restating_the_year_is_one_indicator(tmp_path, words):
    assert [(name, target) for name, target, _ in indicator_rows(_plan(tmp_path, words))] == [("城镇调查失业率", 5.5)]


def test_a_monthly_bound_of_another_value_stays_its_own(tmp_path):
    rows = indicator_rows(_plan(tmp_path, "城镇调查失业率控制在5.5%以内，每月调查失业率不高于6%"))
    assert [target for _, target, _ in rows] == [5.5, 6]


# --- 5. a standard per head and year keeps its whole unit -----------------------------------------------------------

@pytest.mark.parametrize(("words", "value", "unit"), [
    ("发放补贴2000元/人·年", 2000, "元/人·年"), ("按2000/人·年标准发放补贴", 2000, "/人·年"), ("补助1200元/户·月", 1200, "元/户·月"),
    ("补助1200元/人/年", 1200, "元/人/年"), ("按1500元/人标准", 1500, "元/人"), ("按1500/人的标准", 1500, "/人"),
])
def test_a_standard_per_head_and_period_keeps_its_unit(words, value, unit):
    assert [(m.value, m.unit) for m in find_mentions(words, 2023)] == [(value, unit)]


# --- 6. one exact sum ------------------------------------------------------------------------------------------------

def test_figures_are_summed_as_printed():
    assert exact(0.1) + exact(0.2) == exact(0.3)
    assert exact_sum([0.1, 0.2]) == 0.3 and isinstance(exact_sum([1, 2]), int)
