"""The fifteenth held-out set's losses, half b: rules in general form, each with a small synthetic case."""

from mstrack.sources.table.likeness import another_thing
from mstrack.sources.table.mentions import find_mentions
from mstrack.sources.table.reading import clean_cell

from .conftest import convert_written


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


# --- items "(N)" under a group heading "一、": the group's numeral and the printed number ----------------------------

LABELLED = ["", "主办单位", "协办单位"]


def _codes(tmp_path, name, rows) -> list[str]:
    return [t.code for t in convert_written(tmp_path, name, rows).programme.tasks]


def test_bracketed_items_under_a_numbered_group_take_its_numeral(tmp_path):
    """"(1)…" in the item's words under "一、人居环境提升工程": 一(1), as "(一)" under "一、" is 一(一)."""
    rows = [LABELLED, ["一、人居环境提升工程"] * 3,
            ["(1)实施老旧小区改造提升。", "县城投公司", "住建局、凤城镇。"],
            ["(2)建设民俗公园。", "住建局", "凤城镇。"],
            ["(3)修复南路西侧片区路网。", "县城投公司", "住建局。"]]
    assert _codes(tmp_path, "one.xlsx", rows) == ["一(1)", "一(2)", "一(3)"]
    again = [*rows, ["二、教育提升工程"] * 3, ["(1)新建幼儿园3所。", "教育局", "住建局。"], ["(2)改造操场5个。", "教育局", "住建局。"]]
    assert _codes(tmp_path, "again.xlsx", again) == ["一(1)", "一(2)", "一(3)", "二(1)", "二(2)"]


def test_bracketed_items_numbered_on_across_groups_keep_their_number(tmp_path):
    """"(1)" "(2)" under 一、 and "(3)" "(4)" under 二、: numbered on across the headings, the number alone."""
    rows = [LABELLED, ["一、人居环境提升工程"] * 3,
            ["(1)实施老旧小区改造提升。", "县城投公司", "住建局。"], ["(2)建设民俗公园。", "住建局", "凤城镇。"],
            ["二、教育提升工程"] * 3, ["(3)新建幼儿园3所。", "教育局", "住建局。"], ["(4)改造操场5个。", "教育局", "住建局。"]]
    assert _codes(tmp_path, "on.xlsx", rows) == ["1", "2", "3", "4"]

