"""Issue 13, reader55: the table reader's leftovers of the nineteenth session, each on a small made-up table or clause —
a count's range in Chinese numerals and a sum's range read as digits' ranges are (at least the lower bound, said in
digits in the doubt); a time of day before a figure is when the work is done, no part of the indicator's name."""

from __future__ import annotations

import pytest

from mstrack.sources.table.figure_spans import figure_spans
from mstrack.sources.table.mentions import find_mentions

from .conftest import convert_written


def _figures(clause: str) -> list[tuple[str, str, str]]:
    return [(number, unit, comparator) for _, _, number, _, unit, comparator in figure_spans(clause)]


@pytest.mark.parametrize(("clause", "read"), [
    ("新建三至五所幼儿园", [("3", "所", ">=")]),
    ("培育二到三个示范点", [("2", "个", ">=")]),
    ("新建两到三所学校", [("2", "所", ">=")]),
    ("建设十至二十个示范村", [("10", "个", ">=")]),
    ("新建3至5所幼儿园", [("3", "所", ">=")]),  # the same range in digits
    ("开展一至两个月的专项整治", []),  # a span of months, no count
    ("每年开展一至两次培训", []),  # a rhythm: no measure word of things
    ("第一至三个项目", []),  # ordinals
    ("培养孩子掌握一至两项技能", []),  # what each one masters, as "1-2项" (ranges53)
])
def test_a_count_range_in_chinese_numerals_reads_as_in_digits(clause, read):
    assert _figures(clause) == read


@pytest.mark.parametrize(("clause", "read"), [
    ("投资1-2亿元建设污水处理厂", [(100000000, "元", ">=")]),
    ("总投资1亿元-2亿元", [(100000000, "元", ">=")]),  # the lower bound with its own scale and unit
    ("完成投资3～5万元", [(30000, "元", ">=")]),
    ("投入资金3-5万元用于改造", [(30000, "元", ">=")]),
    ("每户补助1-2万元", []),  # a rate paid to each household, no sum the work spends
    ("建设1-2亿元的项目", []),  # a size that says which projects
    ("争取资金1-2亿元", [(100000000, "元", ">=")]),  # the funds the work raises, a sum of its own (reader57)
    ("争取补助1-2万元", []),  # no sum the work spends or raises: a rate
])
def test_a_sum_range_after_an_investment_is_its_lower_bound(clause, read):
    assert [(m.value, m.unit, m.comparator) for m in find_mentions(clause, 2024)] == read


def test_a_range_with_its_unit_on_both_bounds_is_named_by_its_words():
    """"新建3万人至5万人的安置区": the name is the words around the range, never its upper bound ("新建至5万人")."""
    assert [(m.name, m.value, m.unit) for m in find_mentions("新建3万人至5万人的安置区", 2024)] == [("新建安置区", 30000, "人")]
    assert [m.name for m in find_mentions("总投资1亿元-2亿元", 2024)] == ["总投资"]


def _targets(task) -> list[tuple[float, str, str]]:
    return [(i.target, i.unit, i.comparator) for line in task.lines for i in line.indicators]


def test_ranges_in_words_in_a_small_table(tmp_path):
    """Each range read as its lower bound at least, and said so in a doubt with the figure in digits, its scale and its
    unit ("at least 3所", never "at least 三"); a figure that is no range said as none."""
    rows = [["序号", "工作任务", "责任单位"],
            ["1", "新建三至五所幼儿园", "县教育局"],
            ["2", "培育二到三个示范点", "县农业局"],
            ["3", "投资1-2亿元建设污水处理厂", "县住建局"],
            ["4", "每户补助1-2万元", "县民政局"],
            ["5", "新建幼儿园3所", "县教育局"]]
    result = convert_written(tmp_path, "tasks.csv", rows, year=2024)
    tasks = result.programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3", "4", "5"]
    assert [_targets(t) for t in tasks] == [[(3, "所", ">=")], [(2, "个", ">=")], [(100000000, "元", ">=")], [],
                                            [(3, "所", "=")]]
    said = sorted(str(d) for d in result.doubts if "a range" in str(d))
    assert said == [
        "tasks.csv: row 2, column 工作任务: “新建三至五所幼儿园”: a range, read as at least 3所",
        "tasks.csv: row 3, column 工作任务: “培育二到三个示范点”: a range, read as at least 2个",
        "tasks.csv: row 4, column 工作任务: “投资1-2亿元建设污水处理厂”: a range, read as at least 1亿元",
    ], said


@pytest.mark.parametrize(("text", "read"), [
    ("7:50前完成检查50家", [("检查", 50, "家")]),
    ("每天上午8:30前完成巡查20处", [("巡查", 20, "处")]),
    ("于17：00以后开展夜查10次", [("开展夜查", 10, "次")]),
    ("8:30—11:30完成检查50家", [("检查", 50, "家")]),
])
def test_a_time_of_day_before_a_figure_is_no_part_of_its_name(text, read):
    """"7:50前完成检查50家": 7:50 is when the checks are done by (reader53 read it as no figure); the indicator is
    检查, as "6月底前完成检查50家" names it."""
    assert [(m.name, m.value, m.unit) for m in find_mentions(text, 2024)] == read


def test_a_ratio_stays_in_the_words():
    from mstrack.sources.table.numbers import without_clock

    assert without_clock("按1:10配套") == "按1:10配套"
    assert without_clock("每天7:50前完成检查") == "完成检查"


def test_a_time_of_day_in_a_small_table(tmp_path):
    rows = [["序号", "工作任务", "责任单位", "完成时限"],
            ["1", "7:50前完成检查50家", "县市场监管局", "6月底"]]
    result = convert_written(tmp_path, "plan.csv", rows, year=2024)
    assert [[(i.name, i.target, i.unit) for i in line.indicators] for t in result.programme.tasks for line in t.lines] == [
        [("检查", 50, "家")]]
    assert not [d for d in result.doubts if "7:50" in str(d) and "target" in str(d)]


@pytest.mark.parametrize("heading", ["行政村（61个村）", "行政村（约61个村）", "行政村（不少于61个村）"])
def test_a_kind_of_place_counted_in_its_bracket_is_scope_estimated_or_not(heading):
    """pingtan-2023-chuangwen 三(五)5 "行政村（61个村）" with 约 or 不少于 before its count, as a variant writes it: still the
    places the item's work is done in, no target ("改造老旧小区（约12个小区）" names work: a target)."""
    assert find_mentions(heading, 2023) == []
    assert [(m.value, m.unit) for m in find_mentions("改造老旧小区（约12个小区）", 2023)] == [(12, "个")]


@pytest.mark.parametrize("cell", ["环发公司、官井街、苏澳街、白沙街沿线的相关村", "环发公司/官井街/苏澳街/白沙街沿线的相关村",
                                  "环发公司，官井街 苏澳街 白沙街沿线的相关村", "环发公司 官井街 苏澳街 白沙街沿线的相关村"])
def test_places_before_a_unit_named_by_where_it_lies_whatever_joins_them(cell):
    """"官井街、苏澳街、白沙街沿线的相关村" is one unit (README: the villages along the three streets) when the list is typed
    with a slash or spaces too; 环发公司 before them stays a unit of its own."""
    from mstrack.sources.table.office_names import split_groups, split_units

    assert [u for group in split_groups(cell) for u in split_units(group)] == ["环发公司", "官井街、苏澳街、白沙街沿线的相关村"]


def test_every_body_of_a_kind_before_a_slash_is_a_unit_whole():
    """"各村/环发公司": 各村 is every village, a unit of its own, never the short form of one office's name as "县住建/城管局"
    is."""
    from mstrack.sources.table.office_names import split_units

    assert split_units("各村/环发公司") == ["各村", "环发公司"]
    assert split_units("县住建/城管局") == ["县住建/城管局"]
    assert split_units("各县/市/区政府") == ["各县/市/区政府"]


def test_a_bare_lower_bound_above_the_upper_number_shares_no_scale(tmp_path):
    """"投资5000至1万元": 5000 is above 1, so the 万 printed after the upper bound is not the lower's (5000 元, never 5000万元):
    no range read, and no doubt saying one was; "投资1-2亿元" beside it is read and said."""
    assert find_mentions("投资5000至1万元", 2024) == []
    assert [(m.value, m.unit) for m in find_mentions("投资1-2亿元", 2024)] == [(100000000, "元")]
    rows = [["序号", "工作任务", "责任单位"], ["1", "投资5000至1万元改造村道", "县交通局"], ["2", "新建三至五所幼儿园", "县教育局"]]
    result = convert_written(tmp_path, "tasks.csv", rows, year=2024)
    assert [_targets(t) for t in result.programme.tasks] == [[], [(3, "所", ">=")]]
    said = [str(d).split(": ", 2)[-1] for d in result.doubts if "a range" in str(d)]
    assert said == ["“新建三至五所幼儿园”: a range, read as at least 3所"]
