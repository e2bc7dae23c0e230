"""Review 8, finding 5: an indicator whose unit opens with a scale (万人, 万元, 亿元) takes a value written with a
scale ("20万", "20万人", "二十万") as a count in the unit under it, stated in the indicator's unit: 20 万人, never
200,000 万人. A bare number is in the indicator's unit, as for every indicator."""

from __future__ import annotations

import pytest

from mstrack.domain.progress import check_value
from mstrack.domain.quantities import scaled_unit
from mstrack.errors import InputError

from .conftest import write_plan


@pytest.mark.parametrize(("unit", "expected"), [
    ("万人", (10_000, "人")), ("万元", (10_000, "元")), ("亿元", (10**8, "元")), ("万", (10_000, "")),
    ("人", (1, "人")), ("千米", (1, "千米")), ("千瓦", (1, "千瓦")), ("万人次", (10_000, "人次")), ("", (1, "")),
])
def test_a_unit_that_opens_with_a_scale(unit, expected):
    """万 and 亿 scale the unit under them; 千米 and 千瓦 are units of their own."""
    assert scaled_unit(unit) == expected


@pytest.mark.parametrize(("text", "value"), [
    ("20", 20), ("20万", 20), ("二十万", 20), ("20万人", 20), ("200000人", 20), ("12.5万人", 12.5), ("8000人", 0.8),
])
def test_a_value_against_an_indicator_in_wanren(text, value):
    assert check_value(text, "万人", "城镇新增就业")[0] == value


def test_a_value_in_yi_against_an_indicator_in_wanyuan():
    assert check_value("0.5亿元", "万元", "完成投资")[0] == 5000
    assert check_value("0.5亿", "万元", "完成投资")[0] == 5000


def test_another_unit_against_a_scaled_unit_is_refused():
    with pytest.raises(InputError, match="does not match"):
        check_value("20万户", "万人", "城镇新增就业")


def test_units_without_a_scale_read_as_before():
    assert check_value("2万", "人", "城镇新增就业")[0] == 20000
    assert check_value("5", "千瓦", "装机")[0] == 5


PLAN = """start = "2023-01-01"
end = "2023-12-31"
[[tasks]]
code = "2"
title = "城镇新增就业"
deadline = "2023-12-31"
[[tasks.lines]]
lead_units = ["区人社局"]
units = ["区人社局"]
[[tasks.lines.indicators]]
name = "城镇新增就业"
unit = "万人"
target = 20
milestones = [{ due = "2023-12-31", target = 20 }]
"""


@pytest.mark.parametrize("value", ["二十万", "20万", "20万人"])
def test_log_stores_a_scaled_value_in_the_indicators_unit(cli, tmp_path, value):
    """plan_wanren.toml and `mstrack log t/2 二十万`: 20 万人 stored, the target met."""
    plan = write_plan(tmp_path / "p.toml", PLAN)
    assert cli("import", "plan", str(plan)).exit_code == 0
    result = cli("log", "x-2023/2", value, "--as-of", "2023-06-30")
    assert result.exit_code == 0, result.output
    assert [float(v) for (v,) in cli.sql("SELECT value FROM report")] == [20.0]


def test_import_progress_stores_a_scaled_value_in_the_indicators_unit(cli, tmp_path):
    plan = write_plan(tmp_path / "p.toml", PLAN)
    assert cli("import", "plan", str(plan)).exit_code == 0
    sheet = tmp_path / "进展.csv"
    sheet.write_text("task,indicator,as_of,value\n2,城镇新增就业,2023-06-30,12万人\n", encoding="utf-8")
    result = cli("import", "progress", str(sheet), "-p", "x-2023")
    assert result.exit_code == 0, result.output
    assert [float(v) for (v,) in cli.sql("SELECT value FROM report")] == [12.0]
