"""The fifteenth held-out set's losses, half b: rules in general form, each with a small synthetic case."""

from mstrack.sources.table.likeness import another_thing
from mstrack.sources.table.mentions import find_mentions
from mstrack.sources.table.reading import clean_cell


def test_a_decimal_figure_with_a_thousands_space_is_one_figure():
    assert clean_cell("用地面积为7 165.96平方米,建筑面积4 286.2平方米") == "用地面积为7165.96平方米,建筑面积4286.2平方米"
    assert clean_cell("新增1 500个车位") == "新增1500个车位"
    assert clean_cell("2024年 3.5亿元") == "2024年 3.5亿元"  # a year and a decimal figure after a space: two figures


def _second_is_another_thing(text: str) -> bool:
    first, then = find_mentions(text, 2025)
    return another_thing(then, [first], text)


def test_the_same_count_twice_after_a_joint_each_with_its_noun_is_two_targets():
    assert _second_is_another_thing("新建一幢食堂和一幢配套配电房")
    assert _second_is_another_thing("改造2个公园及2个广场")
    assert not _second_is_another_thing("建成一个医疗服务网格、一个门诊查询码")  # a list's parts, no joint: one target
    assert not _second_is_another_thing("新建2个口袋公园,其中2个社区公园")  # a part with its whole
