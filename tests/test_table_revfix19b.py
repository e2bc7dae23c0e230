"""Review18/19's figure findings (issue 13): a share of the work on a target that is itself a share, units of a
measure (微克/立方米, 分贝) that name no indicator, a bound relative to another's level, a county-level city among
the offices after an item."""
import pytest

from mstrack.sources.table.mentions import find_mentions

from .conftest import conversion_messages, convert_words, indicator_rows

# --- 1. a share of the work beside a % target: no milestone, no second indicator ---------------------------------

@pytest.mark.parametrize("words", ["农村生活污水治理率达到45%，上半年完成60%", "垃圾分类覆盖率达到60%，上半年完成50%",
                                   "污水处理率达到45%，三季度完成60%任务"])
def test_a_share_of_the_work_on_a_rate_target_is_no_milestone_of_it(tmp_path, words):
    conversion = convert_words(tmp_path, words, year=2024)
    rows = indicator_rows(conversion.programme)
    assert len(rows) == 1, rows
    name, target, milestones = rows[0]
    assert target == 45 or target == 60
    assert [value for _, value in milestones] == [target]  # the year's figure only, due at the deadline
    assert any("left as checkpoint text" in m for m in conversion_messages(conversion))


def test_a_share_of_the_work_on_a_count_target_is_still_its_milestone(tmp_path):
    conversion = convert_words(tmp_path, "新建污水管网20公里，上半年完成60%", year=2024)
    assert [[v for _, v in ms] for _, _, ms in indicator_rows(conversion.programme)] == [[12, 20]]


# --- 4. the unit of a measure names no indicator ----------------------------------------------------------------

@pytest.mark.parametrize("text, name, value, unit", [
    ("PM2.5浓度不大于35微克/立方米", "PM2.5浓度", 35, "微克/立方米"),
    ("PM10平均浓度控制在60微克/立方米以内", "PM10平均浓度", 60, "微克/立方米"),
    ("城区区域环境噪声不大于55分贝", "城区区域环境噪声", 55, "分贝"),
])
def test_a_measure_in_a_compound_unit_is_named_by_what_is_measured(text, name, value, unit):
    [mention] = find_mentions(text, 2024)
    assert (mention.name, mention.value, mention.unit, mention.comparator) == (name, value, unit, "<=")


# --- 5. a bound relative to another's level is no target; a county-level city is an office ------------------------

@pytest.mark.parametrize("text", ["城乡居民人均可支配收入增速高于全省平均水平1个百分点", "居民收入增长快于全国平均水平0.5个百分点",
                                  "就业率高于全市平均2个百分点", "比全省平均水平高1个百分点"])
def test_a_bound_on_another_level_is_no_target(text):
    assert find_mentions(text, 2024) == []


def test_a_figure_after_a_bound_of_its_own_stays():
    [mention] = find_mentions("城乡居民人均可支配收入增速高于6%", 2024)
    assert (mention.value, mention.comparator) == (6, ">=")


@pytest.mark.parametrize("text, listed", [("县教育局、项城市", True), ("市住建局、郑州市、周口市", True), ("项城市", False),
                                          ("东区、西区", False), ("县教育局、城市", False)])
def test_a_city_after_an_office_is_one_of_the_offices(text, listed):
    from mstrack.sources.table.units import office_list
    assert office_list(text) is listed


# --- 3. two counted objects after one verb are two figures ------------------------------------------------------

@pytest.mark.parametrize("words, nouns", [("新建一所小学和一所初中", ("小学", "初中")), ("新建2所小学和2所初中", ("小学", "初中")),
                                          ("新建一所小学、一所初中及一所幼儿园", ("小学", "初中", "幼儿园"))])
def test_two_counted_objects_after_one_verb_are_two_figures(tmp_path, words, nouns):
    from .conftest import convert_written
    rows = f"序号,工作任务,牵头单位,完成时限\n1,{words},县教育局,2024年12月底\n"
    names = [name for name, _, _ in indicator_rows(convert_written(tmp_path, "plan.csv", rows, 2024).programme)]
    assert len(names) == len(nouns) and all(noun in name for noun, name in zip(nouns, names, strict=True)), names


def test_one_count_said_bare_and_bounded_is_still_one_target(tmp_path):
    from .conftest import convert_written
    rows = "序号,工作任务,牵头单位,完成时限\n1,10万平方米老旧小区改造项目：改造老旧小区不少于10万平方米,县住建局,2024年12月底\n"
    rows_read = indicator_rows(convert_written(tmp_path, "plan.csv", rows, 2024).programme)
    assert [target for _, target, _ in rows_read] == [100000], rows_read


@pytest.mark.parametrize("unit", ["%", "微克/立方米", "分贝"])
def test_a_level_held_for_the_next_period_with_no_name_is_the_one_level(tmp_path, unit):
    from .conftest import convert_written
    words = f"上半年平均浓度控制在35{unit}以内，下半年控制在35{unit}以内"
    rows = f"序号,工作任务,工作内容,牵头单位,完成时限\n1,大气治理,{words},县生态环境局,2024年12月\n"
    assert [name for name, _, _ in indicator_rows(convert_written(tmp_path, "plan.csv", rows, 2024).programme)] == ["平均浓度"]


# --- 2. a bound held each period on another level: an indicator of its own, named by what it bounds -----------------

@pytest.mark.parametrize("words", ["城区空气优良天数比例达到85%以上，每月不低于80%", "城区空气优良天数比例达到85%以上，每季度不低于80%"])
def test_a_bound_each_period_on_another_level_is_named_by_what_it_bounds(tmp_path, words):
    conversion = convert_words(tmp_path, words, year=2024)
    names = [(name, target) for name, target, _ in indicator_rows(conversion.programme)]
    period = "每月" if "每月" in words else "每季度"
    assert names == [("城区空气优良天数比例", 85), (period + "城区空气优良天数比例", 80)]
    said = [m for m in conversion_messages(conversion) if "an indicator of its own beside" in m]
    assert len(said) == 1 and "“城区空气优良天数比例”" in said[0] and "80%" in said[0]


def test_a_bound_each_period_with_a_name_of_its_own_keeps_it(tmp_path):
    conversion = convert_words(tmp_path, "群众满意度达到95%，每月回访满意率不低于90%", year=2024)
    assert [name for name, _, _ in indicator_rows(conversion.programme)] == ["群众满意度", "每月回访满意率"]


# --- 2. a share of the year's figure by the item's own verb: a step of it, as 完成 is --------------------------------

@pytest.mark.parametrize("words, milestones", [
    ("发放创业担保贷款2亿元，一季度发放30%，上半年发放60%", [60000000, 120000000, 200000000]),
    ("改造老旧小区30个，上半年改造50%", [15, 30]),
    ("铺设污水管网20公里，三季度铺设80%", [16, 20]),
])
def test_a_share_by_the_items_own_verb_is_a_step_of_its_figure(tmp_path, words, milestones):
    rows = indicator_rows(convert_words(tmp_path, words, year=2024).programme)
    assert len(rows) == 1 and [value for _, value in rows[0][2]] == milestones, rows


def test_a_quarter_before_another_verb_than_the_items_dates_nothing():
    from mstrack.sources.table.schedule import dated_clauses
    assert dated_clauses("新建公厕10座，上半年改造方案报批", 2024) == []
    assert [label for label, _, _ in dated_clauses("改造公厕10座，上半年改造5座", 2024)] == ["上半年"]
