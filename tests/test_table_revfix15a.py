"""Issue 13, revfix15a (review15 items 1, 2 and 5): a 新建 figure counts what is built, so a start step is no step of
it; a bound held each month is the year's only when the names agree apart from the period; a level named with 总数
before its 达到 is a target, and 新增 steps beside a stock reached (累计, 达到) are doubted."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import conversion_messages, convert_words, indicator_rows

Q2, Q3, END = date(2023, 6, 30), date(2023, 9, 30), date(2023, 12, 31)


# --- 1. a start step is no milestone of a 新建 figure ------------------------------------------------------------------

@pytest.mark.parametrize(("words", "first", "start"), [
    ("新建学校3所，6月底前开工3所，12月底前竣工验收2所", ("新建学校", 3, [(END, 3)]), "6月底前开工3所"),
    ("新建污水处理厂2座，6月底前开工2座，12月底前投入运营1座", ("新建污水处理厂", 2, [(END, 2)]), "6月底前开工2座"),
    ("新建道路5条，6月底前开工5条", ("新建道路", 5, [(END, 5)]), "6月底前开工5条"),
])
def test_a_start_step_is_no_milestone_of_a_new_built_figure(tmp_path, words, first, start):
    conversion = convert_words(tmp_path, words)
    assert indicator_rows(conversion.programme)[0] == first
    assert any(start in message and "checkpoint text" in message for message in conversion_messages(conversion))


@pytest.mark.parametrize(("words", "expected"), [
    ("新建公厕20座，6月底前建成10座", [("新建公厕", 20, [(Q2, 10), (END, 20)])]),
    ("新建学校4所，6月底前开工并建成2所", [("新建学校", 4, [(Q2, 2), (END, 4)])]),
    ("新开工项目10个，6月底前开工8个", [("新开工项目", 10, [(Q2, 8), (END, 10)])]),
])
def test_steps_of_the_stage_a_figure_counts_stay_its_checkpoints(tmp_path, words, expected):
    assert indicator_rows(convert_words(tmp_path, words).programme) == expected


# --- 2. a bound held each month is the year's only when the names agree -------------------------------------------

@pytest.mark.parametrize(("words", "names"), [
    ("住院患者满意度达到90%，每月门诊患者满意率不低于90%", ["住院患者满意度", "每月门诊患者满意率"]),
    ("门诊患者满意度达到90%，每月住院患者满意度不低于90%", ["门诊患者满意度", "每月住院患者满意度"]),
    ("患者满意度达到90%，每月患者满意率不低于90%", ["患者满意度"]),
    ("城镇调查失业率控制在5.5%以内，每月调查失业率不高于5.5%", ["城镇调查失业率"]),
])
def test_a_monthly_bound_joins_the_year_only_on_an_agreeing_name(tmp_path, words, names):
    assert [name for name, _, _ in indicator_rows(convert_words(tmp_path, words).programme)] == names


# --- 3. a level named before 总数达到, and 新增 steps beside a stock ------------------------------------------------------

def test_a_total_named_before_its_level_verb_is_the_target(tmp_path):
    conversion = convert_words(tmp_path, "养老床位总数达到800张，6月底前新增200张")
    rows = indicator_rows(conversion.programme)
    assert [(name, target) for name, target, _ in rows] == [("养老床位总数", 800)]
    assert any("新增" in message and "800" in message and "200" in message for message in conversion_messages(conversion))


def test_added_steps_beside_a_running_stock_are_doubted(tmp_path):
    conversion = convert_words(tmp_path, "累计建成充电桩500个，6月底前新增100个，9月底前新增150个")
    assert [target for _, target, _ in indicator_rows(conversion.programme)] == [500]
    assert any("500" in message and "100, 150" in message for message in conversion_messages(conversion))


@pytest.mark.parametrize("words", ["6月底前新增托位200个，12月底前累计达到500个",
                                   "新增城镇就业3000人，6月底前新增1500人，12月底前累计达到3000人",
                                   "新认定菜篮子基地不少于10个，总数达206个"])
def test_additions_counted_as_the_target_are_not_doubted(tmp_path, words):
    conversion = convert_words(tmp_path, words)
    assert not any("stock" in message for message in conversion_messages(conversion))
    assert indicator_rows(conversion.programme)


def test_a_stock_after_an_addition_is_no_target(tmp_path):
    rows = indicator_rows(convert_words(tmp_path, "新认定菜篮子基地不少于10个，总数达206个").programme)
    assert [target for _, target, _ in rows] == [10]
