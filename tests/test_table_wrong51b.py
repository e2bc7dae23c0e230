"""Issue 13, wrong51b: figures that are standards, minimums or rates, no targets, beside standards a task raises or sets,
which are; an office's working days as its item's; offices written with and without their level's 区 kept apart."""

from __future__ import annotations

import pytest

from mstrack.sources.table.mentions import find_mentions


def _figures(text: str, year: int = 2023) -> list[tuple[float, str]]:
    return [(m.value, m.unit) for m in find_mentions(text, year)]


# --- 1. a rate a subsidy is paid at per unit, against a standard the task raises or sets ------------------------------

@pytest.mark.parametrize("text", [
    "对集中连片种植30亩以上的玉米种植户，每亩补助200元。",
    "对种植单季稻30亩以上的种植户，按实际面积每亩补助200元。",
    "对复耕后种植粮食作物的种植户，每亩补助400元（该项仅补助复垦种植第一年）。",
    "对新建标准化猪舍的养殖户，每平方米补贴50元。",
])
def test_a_rate_a_subsidy_is_paid_at_per_unit_is_no_target(text):
    """"每亩补助200元": what each mu earns its grower, a rate of payment, no figure the year's work reaches."""
    assert _figures(text) == []


@pytest.mark.parametrize("text, figures", [
    ("农村低保标准调高到每人每月722元。", [(722, "元")]),
    ("城乡居民医保政府补助标准提高到每人每年640元。", [(640, "元")]),
    ("种粮补助标准提高到每亩补助300元。", [(300, "元")]),
    ("发放种粮补贴500万元。", [(5_000_000, "元")]),
])
def test_a_standard_the_task_raises_or_sets_stays_a_target(text, figures):
    """The level a standard is raised or set to ("调高到每人每月722元"), even paid per unit ("提高到每亩补助300元"), is the
    task's target; so is a sum paid out."""
    assert _figures(text) == figures


def test_a_standard_set_to_a_figure_whose_unit_was_lost_is_read_as_printed():
    """"全护理标准为965/半护理标准为579/…78/月", "补助标准由每人每年610元提高至640。": the figure a 标准 is set or raised to,
    its unit lost in the printing ("965/", "640"), is still the standard's target, its unit as printed ("/", none); the
    level it starts from (610) is none. A bare figure no standard is set to ("12345热线", "3号楼") stays no figure."""
    assert _figures("集中供养特困人员的全护理标准为965/半护理标准为579/全自理护理标准为78/月。") == [
        (965, "/"), (579, "/"), (78, "/月")]
    assert _figures("提高城乡居民医保政府补助标准，补助标准由每人每年610元提高至640。") == [(640, "")]
    assert _figures("開通12345熱線，改造3號樓。") == []
    assert _figures("分散供養特困人員的全護理標準為676/、半護理標準為386/月。") == [(676, "/"), (386, "/月")]


# --- 2. a margin over another's level, in percent of it or in percentage points -----------------------------------------

def test_a_margin_in_percent_over_an_average_level_is_the_target():
    """"单产高于全省平均水平5%以上的示范片": the item's own level set at 5% over the average, a margin in percent of it, is the
    target; a distance in percentage points of two rates ("增速高于全省平均水平1个百分点") bounds another's, no target."""
    assert _figures("打造单产高于全省平均水平5%以上的粮食绿色增产示范片。") == [(5, "%")]
    assert _figures("城乡居民人均可支配收入增速高于全省平均水平1个百分点。") == []
    assert _figures("就业率高于全市平均2%。") == []
