"""Issue 13, read42a: two reader leftovers, each on small synthetic words or a table: a comma inside a bracket does not
hide the bracket from the figures after it ("建成1个城市书房(百姓书屋，藏书10000册)": the library's books, no target);
the places in a lead's bracket named again in the 责任 cell in the other bracket style are one unit."""

from __future__ import annotations

import pytest

from mstrack.sources.table.mentions import brackets_open, find_mentions
from mstrack.sources.table.row_lines import _not_named_again

from .conftest import convert_written


def _figures(text: str, year: int = 2018) -> list[tuple]:
    return [(m.value, m.unit) for m in find_mentions(text, year)]


# --- 1. a comma inside a bracket does not hide the bracket -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "建成1个城市书房(百姓书屋，藏书10000册)",
    "建成1个城市书房(百姓书屋,藏书10000册)",
    "建成1个城市书房（百姓书屋，建筑面积150—300平方米，藏书10000册），完成传统文化教育基地建设"])  # shanfu-2018's words
def test_a_figure_after_a_comma_in_the_bracket_describing_one_thing_is_no_target(text):
    assert _figures(text) == [(1, "个")]


def test_a_clause_in_a_bracket_sees_the_bracket_it_stands_in():
    """The bracket still open where a clause starts, from the clause it opened in; none once it closed, so a figure
    after the bracket is one of its own; each part of a bracket's list still names its own figure."""
    text = "建成1个城市书房(百姓书屋，藏书10000册)，完成基地建设"
    begins = brackets_open(text)
    assert text[begins[text.index("藏书")]:text.index("藏书")] == "建成1个城市书房(百姓书屋，"
    assert begins[text.index("百姓")] == 0 and begins[text.index("完成")] == -1
    assert _figures("建成1个城市书房(百姓书屋)，藏书10000册") == [(1, "个"), (10000, "册")]
    parts = find_mentions("提供“两癌”免费筛查服务（其中，宫颈癌免费筛查不少于22万人，乳腺癌免费筛查不少于19万人）", 2023)
    assert [(m.value, m.name) for m in parts] == [(220000, "宫颈癌免费筛查"), (190000, "乳腺癌免费筛查")]


@pytest.mark.parametrize("text", ["建设2所学校（新建、改扩建共5000个学位）", "建设2所学校（新建，改扩建共5000个学位）"])
def test_the_work_in_a_bracket_after_several_things_stays_a_target(text):
    """13-read41d widened the bracket rule and lost 5000个学位 here: the places the work adds, after verbs of work."""
    assert _figures(text, 2024) == [(2, "所"), (5000, "个")]


@pytest.mark.parametrize(("text", "figures"), [
    ("新建1所学校（学位1200个）", [(1, "所"), (1200, "个")]),  # first in its bracket: no list of what it is
    ("建成1个城市书房(百姓书屋，新增藏书10000册)", [(1, "个"), (10000, "册")]),  # a verb of work in the bracket
    ("建成11个城市书房(百姓书屋，藏书10000册)", [(11, "个"), (10000, "册")])])  # several things: maybe their total
def test_a_bracket_figure_that_may_be_work_stays_a_target(text, figures):
    assert _figures(text, 2024) == figures


def test_a_table_of_the_library_reads_the_one_library(tmp_path):
    rows = [["序号", "项目名称", "建设内容", "责任单位"],
            ["1", "“文化山福”提升工程", "建成1个城市书房(百姓书屋，藏书10000册)，完成传统文化教育基地建设", "镇文化站"],
            ["2", "学校建设", "建设2所学校（新建、改扩建共5000个学位）", "镇中心校"]]
    tasks = convert_written(tmp_path, "plan.tsv", rows, 2018).programme.tasks
    assert [sorted((i.target, i.unit) for line in t.lines for i in line.indicators) for t in tasks] == [
        [(1, "个")], [(2, "所"), (5000, "个")]]


# --- 2. the places in a lead's bracket named again in the other bracket style ---------------------------------------

@pytest.mark.parametrize(("lead", "responsible"), [
    ("市教育局（各县（市、区））", "各县(市、区)政府"),
    ("市教育局(各县(市、区))", "各县（市、区）政府"),
    ("市教育局(各县(市、区))", "各县（市、区）人民政府"),
    ("市教育局（各县（市、区））", "各县（市、区）政府")])  # the same style: once, as 13-read41b had it
def test_places_in_a_lead_bracket_named_again_in_another_bracket_style_are_one_unit(tmp_path, lead, responsible):
    rows = [["序号", "工作任务", "牵头单位", "责任单位"], ["1", "新建幼儿园3所", lead, responsible],
            ["2", "新建公园2个", "市城管局（各县（市、区））", "市财政局"]]
    tasks = convert_written(tmp_path, "plan.tsv", rows).programme.tasks
    got = [(t.lines[0].lead_units, [u for u in t.lines[0].units if u not in t.lines[0].lead_units]) for t in tasks]
    assert got == [(["市教育局"], [responsible]), (["市城管局"], ["各县（市、区）", "市财政局"])]


def test_the_names_compared_fold_spaces_and_bracket_widths():
    """Spaces inside a name are folded too; a cell's reader splits a unit cell at spaces before this, so the compare is
    pinned on its own."""
    assert _not_named_again("各县 （市、区）、市财政局", "各县(市、区) 人民政府") == "市财政局"
    assert _not_named_again("各县（市、区）", "各县(市、区)住建局") == "各县（市、区）"  # an office, no government: kept
