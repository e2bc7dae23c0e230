"""The fifteenth held-out set's losses, half b: rules in general form, each with a small synthetic case."""

from mstrack.sources.table.reading import clean_cell


def test_a_decimal_figure_with_a_thousands_space_is_one_figure():
    assert clean_cell("用地面积为7 165.96平方米,建筑面积4 286.2平方米") == "用地面积为7165.96平方米,建筑面积4286.2平方米"
    assert clean_cell("新增1 500个车位") == "新增1500个车位"
    assert clean_cell("2024年 3.5亿元") == "2024年 3.5亿元"  # a year and a decimal figure after a space: two figures
