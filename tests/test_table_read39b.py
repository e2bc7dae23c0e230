"""Issue 13, read39b: offices and lists the reader left, each on a small synthetic table or list: an office with a
scope bracket alone in a 责任单位 cell ("县教育局(含城区)") leads by its name, its scope in the task note; every district
in the bracket after an office ("市民政局（各县(市、区)）") is a unit, as "市民政局（各区）" was read already; 和 parts two
offices, not one office's name; one figure after several places and 分别 is one for each place; one item under a tasks
heading stays refused."""

from __future__ import annotations

import pytest

from mstrack.sources.table.office_names import split_units
from mstrack.sources.table.units import offices_apart, unit_names

from .conftest import convert_written


def _read(tmp_path, rows, name="plan.tsv"):
    """(title, lead units, other units, notes) of each converted task."""
    tasks = convert_written(tmp_path, name, rows).programme.tasks
    return [(t.title, t.lines[0].lead_units, [u for u in t.lines[0].units if u not in t.lines[0].lead_units], t.note)
            for t in tasks]


# --- 1. a scope bracket after the lead named first in a 责任单位 cell ----------------------------------------------------

def test_a_scoped_office_alone_in_a_responsible_cell_leads_by_its_name(tmp_path):
    rows = [["序号", "工作任务", "责任单位"], ["1", "新建幼儿园3所", "县教育局(含城区)"],
            ["2", "改造老旧小区20个", "市民政局（含各区）、市财政局"], ["3", "新建公园2个", "县住建局"]]
    assert _read(tmp_path, rows) == [
        ("新建幼儿园3所", ["县教育局"], [], "牵头单位括注范围：县教育局（含城区）"),
        ("改造老旧小区20个", ["市民政局"], ["市财政局"], "牵头单位括注范围：市民政局（含各区）"),
        ("新建公园2个", ["县住建局"], [], None)]


# --- 2. every district in the bracket after an office: the districts are units, as the corpus prints them beside it --
# (every published "各区" / "各县区" / "各县(市、区)" beside an office in the corpus's readings is a responsible unit:
# "市公安局、市城管局,各区政府", "市扶贫办,各县区"; none is printed in a bracket; "（含各区）" is the scope)

@pytest.mark.parametrize(("name", "names"), [
    ("市民政局（各区）", ["市民政局", "各区"]), ("市民政局(各县区)", ["市民政局", "各县区"]),
    ("市民政局（各县(市、区)）", ["市民政局", "各县(市、区)"]), ("市民政局（各县（市、区）政府）", ["市民政局", "各县（市、区）政府"]),
    ("市民政局（含各区）", ["市民政局（含各区）"]),  # a scope: the lead's note
    ("各县(市、区)政府(管委会)", ["各县(市、区)政府(管委会)"])])  # the kinds every unit means (xuchang-2020)
def test_every_district_in_an_offices_bracket_is_a_unit(name, names):
    assert unit_names(name) == names
    assert offices_apart(name) == "、".join(names)


def test_every_district_in_an_offices_bracket_in_a_table(tmp_path):
    rows = [["序号", "工作任务", "牵头单位", "责任单位"], ["1", "新建幼儿园3所", "市民政局（各县(市、区)）", "市财政局"],
            ["2", "改造老旧小区20个", "市住建局", "市民政局（各区）"]]
    assert _read(tmp_path, rows) == [("新建幼儿园3所", ["市民政局"], ["各县(市、区)", "市财政局"], None),
                                     ("改造老旧小区20个", ["市住建局"], ["市民政局", "各区"], None)]
    rows = [["序号", "工作任务", "责任单位"], ["1", "新建幼儿园3所", "市民政局（各县(市、区)）"]]
    assert _read(tmp_path, rows, "plan2.tsv") == [("新建幼儿园3所", ["市民政局"], ["各县(市、区)"], None)]


@pytest.mark.parametrize(("cell", "units"), [
    ("各县(市、区)、市财政局", ["各县(市、区)", "市财政局"]),  # the bracket names its levels whole: two units
    ("各市(县)、区政府", ["各市(县)、区政府"]), ("各县(市)、区人民政府", ["各县(市)、区人民政府"])])  # wuxi-2011, hefei-2023
def test_levels_in_a_bracket_share_the_office_only_of_a_level_they_leave_out(cell, units):
    assert split_units(cell) == units


# --- 3. 和 between two offices' names parts them; inside one office's name it stays (pinned: read so already) ---------
# every 和 between offices in the corpus: changsha-2012's three, shanxi-2008's four, dalian-2024's one (its reading
# changed to two units, the documented rule); every 和 / 与 inside a name (工业和信息化厅, 海洋与渔业局 …) stays

@pytest.mark.parametrize(("cell", "units"), [
    ("相关区市县政府和先导区管委会", ["相关区市县政府", "先导区管委会"]), ("省直有关部门和各市人民政府", ["省直有关部门", "各市人民政府"]),
    ("市住建局和城管执法局", ["市住建局", "城管执法局"]),
    ("市场监督管理和知识产权局", ["市场监督管理和知识产权局"]), ("区发展和改革局", ["区发展和改革局"]),
    ("县海洋与渔业局", ["县海洋与渔业局"]), ("镇社会治理和社会事业局", ["镇社会治理和社会事业局"]),
    ("市公安局和平分局", ["市公安局和平分局"])])
def test_he_parts_two_offices_not_one_offices_name(cell, units):
    assert unit_names(cell) == units


# --- 4. one figure after several places and 分别: one target for each place (as 均 gives each of its names one), named
# by the place and the thing counted (revfix39) ----------------------------------------------------------------------

@pytest.mark.parametrize(("words", "read"), [
    ("雄县、容城县、安新县分别建成1个高品质口袋公园。", [("安新县高品质口袋公园", 1, "个"), ("容城县高品质口袋公园", 1, "个"),
                                                   ("雄县高品质口袋公园", 1, "个")]),
    ("雄縣、容城縣、安新縣分別建成1個高品質口袋公園。", [("安新縣高品質口袋公園", 1, "個"), ("容城縣高品質口袋公園", 1, "個"),
                                                   ("雄縣高品質口袋公園", 1, "個")]),
    ("城东街道和城西街道分别新建1个社区食堂。", [("城东街道社区食堂", 1, "个"), ("城西街道社区食堂", 1, "个")]),
    # a figure for each name (分别 over as many figures): one each, as before
    ("城东街道和城西街道分别新建2个和3个社区食堂。", [("城东街道", 2, "个"), ("城西街道", 3, "个")]),
    ("全县分别新建社区食堂3个。", [("新建社区食堂", 3, "个")])])  # one name: one target
def test_one_figure_after_several_places_and_fenbie_is_one_for_each(tmp_path, words, read):
    lead = "縣住建局" if "縣" in words else "县住建局"  # the table in one script: 县 written both ways is found by its place
    rows = [["序号", "工作任务", "工作内容", "牵头单位", "完成时限"], ["1", "民生项目", words, lead, "2024年12月底"]]
    task = convert_written(tmp_path, "plan.tsv", rows).programme.tasks[0]
    assert sorted((i.name, i.target, i.unit) for line in task.lines for i in line.indicators) == read


# --- 5. one item under a heading naming the tasks: pinned refused here at first; read since 13-read41a (one item of a
# list is a list still: tests/test_table_read41a.py pins the refusals that protect prose) ---------------------------

def test_one_item_under_a_tasks_heading_is_read(tmp_path):
    """haerbin-2025's structure: one "(一)" item with figures and no office under "二、工作任务", "一、工作目标" above:
    the heading names the list, the item keeps its own number, the goals' paragraph is no task (13-read41a)."""
    text = ("某市贯彻落实《20件民生实事(2025年)》工作方案\n一、工作目标\n持续保障和改善民生,不断增强人民群众的获得感。\n"
            "二、工作任务\n(一)促进重点群体就业。举办线上线下招聘活动500场以上,提供就业岗位8000个以上。\n")
    tasks = convert_written(tmp_path, "plan.txt", text, 2025).programme.tasks
    assert [t.code for t in tasks] == ["一"]
    assert sorted((i.target, i.unit) for i in tasks[0].lines[0].indicators) == [(500, "场"), (8000, "个")]
