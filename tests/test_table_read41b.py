"""Issue 13, read41b: leftovers of the last reader review, each on a small synthetic table or list: one rule for a
place's name (vocabulary.PLACE_NAME) where three differed; the districts in the bracket after a lead office are not
listed twice beside a 责任 cell naming their governments; the list path's nested scope bracket after 牵头单位： leads by
the office's name."""

from __future__ import annotations

import re

import pytest

from mstrack.sources.table.cells import place_names
from mstrack.sources.table.figure_names import each_named
from mstrack.sources.table.mentions import find_mentions
from mstrack.vocabulary import PLACE_NAME

from .conftest import convert_written


def _read(tmp_path, rows, name="plan.tsv"):
    """(title, lead units, other units, notes) of each converted task."""
    tasks = convert_written(tmp_path, name, rows).programme.tasks
    return [(t.title, t.lines[0].lead_units, [u for u in t.lines[0].units if u not in t.lines[0].lead_units], t.note)
            for t in tasks]


# --- 1. one rule for a place's name ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "place"), [
    ("长沙市", True), ("湘西土家族苗族自治州", True), ("岳麓区", True), ("高新区", True), ("容城縣", True), ("城东街道", True),
    ("城关镇", True), ("李家村", True), ("城东社区", True),
    ("老旧小区", False), ("新建城区", False), ("改造城区", False), ("工业园区", False), ("景区", False), ("各区", False),
    ("全市", False), ("美丽乡村", False), ("新农村", False), ("城乡", False), ("市本级", False)])
def test_one_rule_names_a_place(name, place):
    assert (re.fullmatch(PLACE_NAME, name) is not None) == place


def test_a_table_by_region_takes_no_work_on_an_area_for_a_place():
    """The older rule of the rows by region took 老旧小区 / 新建城区 / 工业园区 for places."""
    assert place_names(["长沙市", "湘西土家族苗族自治州", "岳麓区"], "市州")
    assert not place_names(["老旧小区", "新建城区", "工业园区"], "区域")


@pytest.mark.parametrize(("before", "after", "names"), [
    ("湘西土家族苗族自治州、怀化市分别建成", "口袋公园1个", ["湘西土家族苗族自治州口袋公园", "怀化市口袋公园"]),
    ("李家村和城东社区分别建成", "口袋公园1个", ["李家村口袋公园", "城东社区口袋公园"]),
    ("美丽乡村、城东街道分别建成", "口袋公园1个", [])])  # 美丽乡村 is no place: no figure each
def test_places_given_a_figure_each_by_the_one_rule(before, after, names):
    assert each_named(before, [], after) == names


def test_a_village_row_keeps_the_columns_whole_name(tmp_path):
    """Rows that are villages or communities, as rows that are cities: the column's name names the target."""
    rows = [["序号", "项目名称", "计划完成数（个）", "牵头单位"], ["1", "李家村", "20", "县住建局"],
            ["2", "城东社区", "30", "县住建局"], ["3", "美丽乡村", "5", "县农业农村局"]]
    tasks = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert [[(i.name, i.target) for i in t.lines[0].indicators] for t in tasks] == [
        [("计划完成数", 20)], [("计划完成数", 30)], [("美丽乡村", 5)]]


# --- 2. "市教育局（各区）" beside a 责任 cell naming 各区政府: the districts once -------------------------------------

def test_districts_in_a_lead_bracket_named_again_in_the_responsible_cell_are_one_unit(tmp_path):
    rows = [["序号", "工作任务", "牵头单位", "责任单位"], ["1", "新建幼儿园3所", "市教育局（各区）", "各区政府"],
            ["2", "改造老旧小区20个", "市住建局（各县区）", "各县区人民政府、市财政局"],
            ["3", "新建公园2个", "市城管局（各区）", "市财政局"]]
    assert _read(tmp_path, rows) == [("新建幼儿园3所", ["市教育局"], ["各区政府"], None),
                                     ("改造老旧小区20个", ["市住建局"], ["各县区人民政府", "市财政局"], None),
                                     ("新建公园2个", ["市城管局"], ["各区", "市财政局"], None)]


# --- 3. the list path: a nested scope bracket after 牵头单位： ----------------------------------------------------------

def test_a_nested_scope_bracket_after_a_lead_label_in_a_list_leads(tmp_path):
    for first in ("一、新建幼儿园3所（牵头单位：县教育局(含城区)）", "一、新建幼儿园3所（县教育局(含城区)）"):
        rows = [["2024年民生实事项目"], [first], ["二、改造老旧小区10个（牵头单位：县住建局）"],
                ["三、新增停车位500个（牵头单位：县交通局）"]]
        got = _read(tmp_path, rows, "list.csv")
        assert [(title, leads, note) for title, leads, _units, note in got] == [
            ("新建幼儿园3所", ["县教育局"], "牵头单位括注范围：县教育局（含城区）"), ("改造老旧小区10个", ["县住建局"], None),
            ("新增停车位500个", ["县交通局"], None)]


# --- 5. xinjian-2024-jindu: the one who builds for an office, and a note on the project, in the bracket after a unit --

def test_a_builder_for_an_office_and_a_project_note_in_a_units_bracket(tmp_path):
    rows = [["序号", "工作任务", "牵头单位", "责任单位"], ["1", "新建四小教学综合楼", "区教体局", "区教体局(区国资公司代建)"],
            ["2", "市政公用城学校", "区教体局", "南昌市政大道房地产有限公司(开发商配建学校项目)"],
            ["3", "新建公园2个", "区城管局", "区城管局（区城投公司代建）、区财政局"]]
    assert [(title, leads, units) for title, leads, units, _note in _read(tmp_path, rows)] == [
        ("新建四小教学综合楼", ["区教体局"], ["区国资公司"]), ("市政公用城学校", ["区教体局"], ["南昌市政大道房地产有限公司"]),
        ("新建公园2个", ["区城管局"], ["区城投公司", "区财政局"])]


# --- 5. shanfu-2018-shishi: the size of the thing just named, in its bracket, is no target ----------------------------

@pytest.mark.parametrize(("words", "figures"), [
    ("建成集党员教育管理、党建工作指导为一体的活动阵地(约500平方米左右)", []),
    ("新建社区服务中心1个（面积约800平方米）", [(1, "个")]),
    ("建成活动阵地(约不少于500平方米)", []),  # bounded, still its size (the layout variant figures_at_least)
    ("新建城市绿道（12公里）", [(12, "公里")]),  # the work's whole length, no thing named before it: a target
    ("对站前广场进行改建(占地面积约2.4万平方米)", [(24000, "平方米")]),  # the size of the work, after its verb (mianyang)
    ("新建城市绿道12公里", [(12, "公里")])])
def test_the_size_of_a_thing_in_its_bracket_is_no_target(words, figures):
    assert [(m.value, m.unit) for m in find_mentions(words, 2018)] == figures

