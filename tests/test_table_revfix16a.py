"""Issue 13, revfix16a (review16 items 1-3): a done step short of a 新建 figure whose start step already equals it is
an indicator of its own; a 新建 figure counting 项目 (工程) counts starts too; a bound held each month is the year's only
when the names are equal, or differ by a place qualifier in front (城镇, 全县)."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import conversion_messages, convert_words, indicator_rows

Q2, Q3, END = date(2023, 6, 30), date(2023, 9, 30), date(2023, 12, 31)


# --- 1. all started by a step: a done step short of the figure at its due counts the ones done ------------------------

@pytest.mark.parametrize(("words", "expected"), [
    ("新建学校3所，6月底前开工3所，12月底前建成2所", [("新建学校", 3, [(END, 3)]), ("建成", 2, [(END, 2)])]),
    ("新建污水处理厂4座，6月底前开工4座，12月底前建成投用3座",
     [("新建污水处理厂", 4, [(END, 4)]), ("建成投用", 3, [(END, 3)])]),
])
def test_a_done_step_short_of_a_figure_all_started_is_its_own_indicator(tmp_path, words, expected):
    conversion = convert_words(tmp_path, words)
    assert indicator_rows(conversion.programme) == expected
    assert not any("does not make up the target" in message for message in conversion_messages(conversion))


def test_a_done_step_short_of_a_figure_not_all_started_is_still_doubted(tmp_path):
    """开工 2 of 3: nothing says the 3 are this year's starts; 建成 2 by the year's end does not make up 3."""
    conversion = convert_words(tmp_path, "新建学校3所，6月底前开工2所，12月底前建成2所")
    assert "建成" not in [name for name, _, _ in indicator_rows(conversion.programme)]
    assert any("does not make up the target" in message for message in conversion_messages(conversion))


# --- 2. a 新建 figure of 项目 (工程) counts them when they start; the steps of other 新建 figures read as before --------

@pytest.mark.parametrize(("words", "expected"), [
    ("实施新建项目20个，6月底前开工12个，9月底前开工20个", [("实施新建项目", 20, [(Q2, 12), (Q3, 20), (END, 20)])]),
    ("新建水利工程8个，6月底前开工5个", [("新建水利工程", 8, [(Q2, 5), (END, 8)])]),
    ("新建公厕20座，6月底前建成10座", [("新建公厕", 20, [(Q2, 10), (END, 20)])]),
    ("新建学校3所，6月底前开工3所，12月底前竣工验收2所", [("新建学校", 3, [(END, 3)]), ("竣工验收", 2, [(END, 2)])]),
])
def test_start_steps_are_milestones_of_a_new_project_count_only(tmp_path, words, expected):
    assert indicator_rows(convert_words(tmp_path, words).programme) == expected


# --- 3. a monthly bound joins the year's on equal names, or a place qualifier in front -------------------------------

@pytest.mark.parametrize(("words", "names"), [
    ("患者满意度达到95%，每月住院患者满意度不低于95%", ["患者满意度", "每月住院患者满意度"]),
    ("住院患者满意度达到95%，每月患者满意度不低于95%", ["住院患者满意度", "每月患者满意度"]),
    ("城镇调查失业率控制在5.5%以内，每月调查失业率不高于5.5%", ["城镇调查失业率"]),
    ("调查失业率控制在5.5%以内，每月城镇调查失业率不高于5.5%", ["调查失业率"]),
    ("全县调查失业率控制在5.5%以内，每月调查失业率不高于5.5%", ["调查失业率"]),  # 全县 names nothing, as 全市 (13-left23b)
    ("农村调查失业率控制在5.5%以内，每月调查失业率不高于5.5%", ["农村调查失业率", "每月调查失业率"]),
])
def test_a_monthly_bound_joins_the_year_on_an_equal_name(tmp_path, words, names):
    found = [name for name, _, _ in indicator_rows(convert_words(tmp_path, words).programme)]
    assert len(found) == len(names) and all(name.startswith(want) for name, want in zip(found, names, strict=True))
