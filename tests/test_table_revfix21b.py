"""Review20's figure findings (issue 13): a duration is no target, a bound relative to another group is none whatever
follows it, a dated share after two figures is a step of the one its verb names, a period word is no part of a name,
and a long name is cut where a word ends."""
import pytest

from mstrack.sources.table.figure_names import short_name
from mstrack.sources.table.mentions import find_mentions

from .conftest import convert_words, indicator_rows

# --- 1. a duration ("工期12个月") is how long the work takes, no target -------------------------------------------


@pytest.mark.parametrize("text", ["工期12个月", "工期6个月", "建设周期为2年", "为期3个月", "工期180天", "建设工期约8个月"])
def test_a_duration_is_no_target(text):
    assert find_mentions(text, 2024) == []


def test_a_duration_after_a_target_leaves_the_target_alone(tmp_path):
    conversion = convert_words(tmp_path, "新建社区养老服务站10个，工期12个月", year=2024)
    assert [(name, target) for name, target, _ in indicator_rows(conversion.programme)] == [("新建社区养老服务站", 10)]


def test_a_time_limit_cut_to_a_level_is_still_a_figure():
    """"压缩至5个工作日" sets how long a service may take: a target, no duration of the work."""
    assert [m.value for m in find_mentions("企业开办时间压缩至5个工作日", 2024)] == [5]


# --- 2. a bound relative to another group, area or average is no target, whatever follows it ---------------------


@pytest.mark.parametrize("text", ["农村居民人均可支配收入增速高于城镇居民1.5个百分点", "就业率高于全市平均2个百分点",
                                  "农民收入增长快于经济增长1个百分点", "增速不低于上年1个百分点", "增速高于全省平均水平1个百分点"])
def test_a_bound_relative_to_another_group_is_no_target(text):
    assert find_mentions(text, 2024) == []


@pytest.mark.parametrize("text, value", [("城镇居民人均可支配收入提高1.5个百分点", 1.5), ("优良天数比例高于85%", 85),
                                         ("PM2.5年均浓度低于35微克/立方米", 35)])
def test_a_bound_of_its_own_or_a_plain_change_stays_a_target(text, value):
    assert [m.value for m in find_mentions(text, 2024)] == [value]


# --- 3. a dated share after two figures: a step of the figure its verb names -------------------------------------


@pytest.mark.parametrize("words, name, steps", [
    ("发放创业担保贷款2亿元，扶持创业1000人，一季度发放30%", "发放创业担保贷款", [60000000, 200000000]),
    ("新增城镇就业2000人，开展职业技能培训5000人次，上半年培训60%", "开展职业技能培训", [3000, 5000]),
])
def test_a_dated_share_after_two_figures_is_a_step_of_the_one_its_verb_names(tmp_path, words, name, steps):
    rows = indicator_rows(convert_words(tmp_path, words, year=2024).programme)
    assert len(rows) == 2, rows  # no indicator named by the verb alone, in %
    assert [[v for _, v in ms] for n, _, ms in rows if n == name] == [steps]


# --- 4. a period word is no part of a name ----------------------------------------------------------------------


def test_a_period_word_after_the_name_is_no_part_of_it():
    [mention] = find_mentions("城区空气优良天数比例每季度不低于90%", 2024)
    assert (mention.name, mention.value, mention.comparator) == ("城区空气优良天数比例", 90, ">=")


# --- 5. a long name is cut where a word ends --------------------------------------------------------------------


@pytest.mark.parametrize("before, name", [
    ("推进城乡居民基本医疗保险和城乡居民大病保险制度整合参保人数", "城乡居民基本医疗保险和城乡居民大病保险制度整合参保人数"),
    ("建设集文化娱乐、学习活动、党建工作指导为一体的综合服务中心", "综合服务中心"),
    ("新建社区养老服务站", "新建社区养老服务站"),
])
def test_a_long_name_is_cut_after_a_description_or_kept_whole(before, name):
    """No cut inside a word ("疗保险和…" was the last 20 characters), nor one that drops a thing joined by 和."""
    assert short_name(before, "") == name


@pytest.mark.parametrize("text, value", [("特困供养人员基本生活标准不低于当地最低生活保障标准的1.6倍", 1.6),
                                         ("发放标准不低于每人每月60元/月", 60)])
def test_a_multiple_of_another_level_or_a_rate_per_head_stays_a_target(text, value):
    assert [m.value for m in find_mentions(text, 2024)] == [value]


@pytest.mark.parametrize("text, name", [("三孩每人每月200元", "三孩每人每月"), ("筹资标准提高至每人每年650元", "筹资标准提高至每人每年")])
def test_a_period_after_a_per_head_measure_stays_in_the_name(text, name):
    assert [m.name for m in find_mentions(text, 2024)] == [name]


# --- 6. objects joined after one verb: each named with the verb -------------------------------------------------


@pytest.mark.parametrize("words, names", [
    ("新建小学和初中各1所", ["新建小学", "新建初中"]),
    ("改造城区道路、乡村道路各10公里", ["改造城区道路", "改造乡村道路"]),
    ("新建2所幼儿园和1个托育中心", ["新建幼儿园", "新建托育中心"]),
    ("新建和改造公厕各10座", ["新建公厕", "改造公厕"]),  # two verbs, one noun, as before
    ("新建学校3所和改造道路5公里", ["新建学校", "改造道路"]),  # each object with a verb of its own keeps it
])
def test_the_second_of_two_joined_objects_shares_the_verb(tmp_path, words, names):
    rows = indicator_rows(convert_words(tmp_path, words, year=2024).programme)
    assert [name for name, _, _ in rows] == names
