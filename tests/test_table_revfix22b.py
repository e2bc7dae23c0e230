"""Review21's bound and duration findings (issue 13): a bound on a standard or on the item's own task names the level
itself, a service time is a target while a project's schedule is none, and a rise on the item's own last year is a
target, unlike a comparison with another group."""
import pytest

from mstrack.sources.table.mentions import find_mentions

from .conftest import convert_words


def _read(text: str) -> list[tuple]:
    return [(m.name, m.value, m.unit, m.comparator) for m in find_mentions(text, 2024)]


# --- 1. a bound on a standard ("不低于省定标准85%") is the standard's level: a target, no relative bound ---------


@pytest.mark.parametrize("text, reading", [
    ("城区空气优良天数比例不低于省定标准85%", ("城区空气优良天数比例", 85, "%", ">=")),
    ("PM2.5平均浓度低于国家二级标准35微克/立方米", ("PM2.5平均浓度", 35, "微克/立方米", "<=")),
    ("饮用水水源地水质达标率不低于国家要求95%", ("饮用水水源地水质达标率", 95, "%", ">=")),
])
def test_a_bound_on_a_standard_is_the_standards_level(text, reading):
    assert _read(text) == [reading]


@pytest.mark.parametrize("text", ["增速高于全省平均2个百分点", "农村居民人均可支配收入增速高于城镇居民1.5个百分点",
                                  "收入增速高于省定标准2个百分点"])
def test_a_bound_on_another_level_by_so_much_stays_no_target(text):
    """Percentage points above a standard are still a distance from another's level."""
    assert find_mentions(text, 2024) == []


def test_a_standard_bound_converts_to_its_indicator(tmp_path):
    conversion = convert_words(tmp_path, "城区空气优良天数比例不低于省定标准85%", year=2024)
    [indicator] = [i for task in conversion.programme.tasks for line in task.lines for i in line.indicators]
    assert (indicator.name, indicator.target, indicator.comparator) == ("城区空气优良天数比例", 85, ">=")


# --- 2. a service time is a target; a project's schedule is none ---------------------------------------------------


@pytest.mark.parametrize("text, reading", [
    ("优化施工组织，平均缩短工期30天", ("平均缩短工期", 30, "天", "=")),
    ("不动产登记平均用时3个工作日以内", ("不动产登记平均用时", 3, "个工作日", "<=")),
    ("企业开办时长1个工作日", ("企业开办时长", 1, "个工作日", "=")),
    ("工程建设项目审批用时压缩至80个工作日以内", ("工程建设项目审批用时", 80, "个工作日", "<=")),
    ("政府投资项目审批周期比上年缩短30天", ("政府投资项目审批周期比上年缩短", 30, "天", "=")),
    ("不动产登记办理期限5个工作日", ("不动产登记办理期限", 5, "个工作日", "=")),
    ("投资项目审批周期20个工作日", ("投资项目审批周期", 20, "个工作日", "=")),
])
def test_a_service_time_or_a_cut_in_the_schedule_is_a_target(text, reading):
    assert _read(text) == [reading]


@pytest.mark.parametrize("text, reading", [
    ("新建城区幼儿园3所，工期12个月", [("新建城区幼儿园", 3, "所", "=")]),
    ("开展为期3个月的农村人居环境整治，清理村庄垃圾5000吨", [("清理村庄垃圾", 5000, "吨", "=")]),
    ("招聘特岗教师100名，服务期3年", [("招聘特岗教师", 100, "名", "=")]),
    ("发放创业担保贷款2亿元，贷款期限3年", [("发放创业担保贷款", 200000000, "元", "=")]),
])
def test_a_projects_schedule_stays_no_target(text, reading):
    assert _read(text) == reading


# --- 3. the object before 超过 its own task; a rise on its own last year -------------------------------------------


def test_a_bound_on_its_own_task_is_named_by_what_is_done():
    assert _read("高标准农田建设面积超过省下达任务5万亩") == [("高标准农田建设面积", 50000, "亩", ">=")]


@pytest.mark.parametrize("text, reading", [
    ("城镇居民人均可支配收入增速高于上年1个百分点", ("城镇居民人均可支配收入增速高于上年", 1, "个百分点", ">=")),
    ("全县一般公共预算收入增幅高于去年同期2个百分点", ("一般公共预算收入增幅高于去年同期", 2, "个百分点", ">=")),
])
def test_a_rise_on_its_own_last_year_is_a_target(text, reading):
    assert _read(text) == [reading]


@pytest.mark.parametrize("text", ["农村居民人均可支配收入增长快于城镇居民1个百分点", "增速不低于上年1个百分点"])
def test_a_comparison_with_another_group_or_a_floor_on_last_year_stays_no_target(text):
    assert find_mentions(text, 2024) == []
