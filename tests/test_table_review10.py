"""Issue 13, review10's findings on the several-years rule, the 分别负责 leads and a step above its target: each on a
small synthetic case (the reviewer's inputs)."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.sources.table.mentions import find_mentions
from mstrack.sources.table.units import roles_in
from tests.conftest import convert_written


@pytest.mark.parametrize(("text", "values"), [
    ("三年来新增托位3000个，2024年新增普惠托位1000个", [3000, 1000]),
    ("到2025年累计筹集保障性租赁住房1万套，2024年完成4000套", [4000]),
    ("2024-2026年实施城市更新项目30个，其中2024年实施10个", [10]),
    ("“十四五”期间累计改造老旧小区300个，2024年改造80个", [80]),
    ("两年来累计新增托位2000个，今年新增托位1000个", [2000, 1000]),
    ("三年来累计建成社区卫生服务中心15个，年内再建成5个", [15, 5]),
    ("近三年新增托位3000个", [3000]),
    ("到2025年，累计建成养老床位3000张，2024年建成1000张", [1000]),  # a clause that is only a time opens the next
])
def test_only_the_figures_own_clause_places_it_over_several_years(text, values):
    """A several-years phrase in an earlier clause does not wipe the year's target after it ("到2025年…1万套，2024年完成
    4000套"); "三年来", "近三年" look back, never a span ahead."""
    assert [m.value for m in find_mentions(text, 2024)] == values


@pytest.mark.parametrize(("text", "values"), [
    ("2024年内新建道路15公里", [15]), ("一年内建成充电桩500个", [500]),
    ("巩固“十四五”规划成果，建成美丽乡村20个", [20]),
    ("落实2021-2025年新能源汽车推广方案，推广新能源汽车5000辆", [5000]),
    ("三年内改造老旧小区120个", []), ("2023-2025年新建绿道300公里", []),
])
def test_one_year_and_a_passing_mention_are_no_span(text, values):
    assert [m.value for m in find_mentions(text, 2024)] == values


def _plan(tmp_path, rows: str):
    return convert_written(tmp_path, "plan.csv", "序号,工作任务,工作内容,牵头单位,完成时限\n" + rows, code="t")


@pytest.mark.parametrize(("words", "value"), [("到2025年6月新增学位3000个", 3000), ("2024年至2025年改造老旧小区60个", 60)])
def test_a_span_that_ends_at_the_items_own_deadline_is_its_target(tmp_path, words, value):
    """完成时限 2025年6月: "到2025年6月…" and "2024年至2025年…" end when the item is due; the figure is its target."""
    plan = _plan(tmp_path, f"1,建设,{words},市教育局,2025年6月\n").programme
    (line,) = plan.tasks[0].lines
    assert [(i.target, [m.due for m in i.milestones]) for i in line.indicators] == [(value, [date(2025, 6, 30)])]


@pytest.mark.parametrize(("cell", "roles"), [
    ("市人社局牵头，各县（市、区）政府分别负责", ("市人社局", "各县（市、区）政府")),
    ("市人社局牵头，市教育局、市财政局共同负责", ("市人社局", "市教育局、市财政局")),
    ("由市人社局牵头，市教育局、市农业农村局分别负责", ("市人社局", "市教育局、市农业农村局")),
    ("市人社局、市农业农村局分别牵头", ("市人社局、市农业农村局", "")),
])
def test_offices_responsible_after_one_that_leads_do_not_lead(cell, roles):
    """"A牵头，B、C分别负责": A leads, B and C answer for their parts; "A、B分别牵头" alone: both lead."""
    assert roles_in(cell) == roles


def test_a_step_larger_than_the_target_is_left_as_checkpoint_text_with_a_doubt(tmp_path):
    """"新建公厕10座，9月底前完成12座": 12 by September would make the running total fall to 10; the step is no
    milestone (nor an indicator of its own), a person checks it (likely a typo)."""
    converted = _plan(tmp_path, "1,公厕建设,新建公厕10座，9月底前完成12座,市城管局,2024年12月底\n")
    (line,) = converted.programme.tasks[0].lines
    assert [(i.name, [(m.due, m.target) for m in i.milestones]) for i in line.indicators] == \
        [("新建公厕", [(date(2024, 12, 31), 10)])]
    assert any("is more than the target (10)" in str(d) for d in converted.doubts), converted.doubts


def test_a_step_within_the_target_stays_a_milestone(tmp_path):
    converted = _plan(tmp_path, "1,公厕建设,新建公厕10座，9月底前完成6座,市城管局,2024年12月底\n")
    (line,) = converted.programme.tasks[0].lines
    assert [[(m.due, m.target) for m in i.milestones] for i in line.indicators] == \
        [[(date(2024, 9, 30), 6), (date(2024, 12, 31), 10)]]
    assert not any("more than the target" in str(d) for d in converted.doubts)
