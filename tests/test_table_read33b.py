"""Issue 13, read33b: offices' leftovers, each on a small synthetic table or list: 协同 is a helper's role; an office
with another unit in its bracket ("县卫健局(县医院)") is two units in a table's cell as in a list's bracket, while a
bureau's second name ("县发改局(粮食局)") stays one office; a bracket inside an item's bracket ("（县教育局（各学校））")
names a unit; a 牵头单位 label's offices closed by 负责 all lead; "其中：" is no part of an office's name."""

from __future__ import annotations

import pytest

from mstrack.sources.table.units import offices_apart, roles_in, unit_names

from .conftest import convert_written
from .test_table_revfix31a import _offices, _read


def _table(tmp_path, rows, name="plan.tsv"):
    return [(t.title, *_offices(t)) for t in convert_written(tmp_path, name, rows).programme.tasks]


FILLER = ["3.新建公厕5座。（县城管局）", "4.新建停车场2个。（县交通局）"]


def _list(tmp_path, lines, items: int = 2):
    """The first ITEMS items of LINES (after the grouped list's opening), followed by two more."""
    return [(t.title, *_offices(t)) for t in _read(tmp_path, [*lines, *FILLER])][:items]


# --- 1. 协同: a helper's role -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "roles"), [
    ("县教育局牵头（县财政局协同）", ("县教育局", "县财政局")),
    ("县住建局牵头，县财政局协同", ("县住建局", "县财政局")),
    ("县住建局牵头，县财政局、县审计局协同", ("县住建局", "县财政局、县审计局")),
])
def test_roles_in_cooperating_offices_help(cell, roles):
    assert roles_in(cell) == roles


def test_cooperating_offices_help_in_a_table(tmp_path):
    rows = [["序号", "工作任务", "责任单位"], ["1", "新建幼儿园3所", "县教育局牵头（县财政局协同）"],
            ["2", "改造老旧小区20个", "县住建局牵头，县财政局协同"]]
    assert _table(tmp_path, rows) == [("新建幼儿园3所", ["县教育局"], ["县财政局"]),
                                      ("改造老旧小区20个", ["县住建局"], ["县财政局"])]


def test_cooperating_offices_help_after_a_list_item(tmp_path):
    lines = ["1.新建幼儿园2所。（县教育局牵头，县财政局协同）", "2.改造老旧小区20个。（县住建局牵头，县审计局协同）"]
    assert _list(tmp_path, lines) == [("新建幼儿园2所。", ["县教育局"], ["县财政局"]),
                                      ("改造老旧小区20个。", ["县住建局"], ["县审计局"])]


# --- 2. an office and another unit in its bracket: two units, in a table as in a list -------------------------------

def test_a_second_unit_in_a_lead_cells_bracket_is_a_unit(tmp_path):
    rows = [["序号", "工作任务", "牵头单位", "责任单位"], ["1", "新建幼儿园3所", "县卫健局(县医院)", "各乡镇"],
            ["2", "改造老旧小区20个", "县发改局(粮食局)", "各街道"], ["3", "新建公园2个", "县住建局（县城投公司）、县财政局", "各乡镇"]]
    assert _table(tmp_path, rows) == [("新建幼儿园3所", ["县卫健局"], ["县医院", "各乡镇"]),
                                      ("改造老旧小区20个", ["县发改局(粮食局)"], ["各街道"]),
                                      ("新建公园2个", ["县住建局", "县财政局"], ["县城投公司", "各乡镇"])]


def test_a_second_unit_in_a_responsible_cells_bracket_is_a_unit(tmp_path):
    rows = [["序号", "工作任务", "责任单位"], ["1", "新建幼儿园3所", "县卫健局(县医院)"],
            ["2", "改造老旧小区20个", "县发改局(粮食局)、县财政局"], ["3", "新建公园2个", "县住建局（县城投公司）、县财政局"]]
    assert _table(tmp_path, rows) == [("新建幼儿园3所", ["县卫健局"], ["县医院"]),
                                      ("改造老旧小区20个", ["县发改局(粮食局)"], ["县财政局"]),
                                      ("新建公园2个", ["县住建局"], ["县城投公司", "县财政局"])]


@pytest.mark.parametrize(("name", "names"), [
    ("市建设局(市规划局)", ["市建设局(市规划局)"]),  # merged bureaus (taizhou-2018, wenzhou-2018)
    ("市委农办(市农业局)", ["市委农办(市农业局)"]),
    ("各镇政府(街道办事处)", ["各镇政府(街道办事处)"]),  # every unit of a kind: the kinds it means
    ("各街办(新区)", ["各街办(新区)"]), ("各县(市、区)政府(管委会)", ["各县(市、区)政府(管委会)"]),
    ("县卫健局(县医院)", ["县卫健局", "县医院"]),
    ("县住建局（城区）", ["县住建局（城区）"]), ("县住建局（各乡镇）", ["县住建局", "各乡镇"]),  # a place; every town
    ("指挥部办公室（设在市自然资源局）", ["指挥部办公室（设在市自然资源局）"])])  # where the office sits (seed 003)
def test_what_a_bracket_after_an_office_names(name, names):
    assert offices_apart(name) == "、".join(names)
    assert unit_names(name) == names


@pytest.mark.parametrize(("cell", "roles"), [
    ("县卫健局(县医院)牵头，县财政局配合", ("县卫健局", "县医院、县财政局")),  # the bracket's unit never leads by the role
    ("县教育局（各学校）牵头", ("县教育局", "各学校")),
    ("县发改局(粮食局)牵头，县财政局配合", ("县发改局(粮食局)", "县财政局")),
])
def test_a_bracketed_unit_beside_a_role(cell, roles):
    assert roles_in(cell) == roles


def test_the_list_reads_the_same_bracket_the_same_way(tmp_path):
    lines = ["1.新建幼儿园2所。(县卫健局(县医院))", "2.改造老旧小区20个。(县发改局(粮食局))"]
    assert _list(tmp_path, lines) == [("新建幼儿园2所。", ["县卫健局"], ["县医院"]),
                                      ("改造老旧小区20个。", ["县发改局(粮食局)"], [])]


# --- 3. nested brackets after an item: the lead, and the unit in its bracket -----------------------------------------

@pytest.mark.parametrize(("name", "names"), [
    ("县教育局（各学校）", "县教育局、各学校"), ("县卫健局（各乡镇卫生院）", "县卫健局、各乡镇卫生院"),
    ("各相关乡镇（街道）", "各相关乡镇（街道）")])
def test_a_collective_unit_in_an_offices_bracket(name, names):
    assert offices_apart(name) == names


def test_nested_brackets_after_an_item(tmp_path):
    lines = ["1.新建幼儿园2所。（县教育局（各学校））", "2.改造老旧小区20个。（县住建局（各乡镇））"]
    assert _list(tmp_path, lines) == [("新建幼儿园2所。", ["县教育局"], ["各学校"]),
                                      ("改造老旧小区20个。", ["县住建局"], ["各乡镇"])]


def test_a_collective_unit_in_a_table_cells_bracket(tmp_path):
    rows = [["序号", "工作任务", "责任单位"], ["1", "新建幼儿园3所", "县教育局（各学校）"], ["2", "新建公园2个", "县住建局"]]
    assert _table(tmp_path, rows) == [("新建幼儿园3所", ["县教育局"], ["各学校"]), ("新建公园2个", ["县住建局"], [])]


# --- 4. a 牵头单位 label's offices closed by 负责: all lead, 负责 no part of a name -------------------------------------

def test_a_labelled_lead_line_closed_by_responsible(tmp_path):
    """Already read so before read33b (pinned): the label on its own line, or after the item's words."""
    lines = ["1.新建幼儿园2所。", "牵头单位：县教育局、县财政局负责", "2.改造老旧小区20个。牵头单位：县住建局、县城管局负责"]
    assert _list(tmp_path, lines) == [("新建幼儿园2所。", ["县教育局", "县财政局"], []),
                                      ("改造老旧小区20个。", ["县住建局", "县城管局"], [])]


def test_a_labelled_lead_bracket_closed_by_responsible(tmp_path):
    lines = ["1.新建幼儿园2所。（牵头单位：县教育局、县财政局负责）", "2.改造老旧小区20个。（牵头单位：县住建局负责；配合单位：县财政局）"]
    assert _list(tmp_path, lines) == [("新建幼儿园2所。", ["县教育局", "县财政局"], []),
                                      ("改造老旧小区20个。", ["县住建局"], ["县财政局"])]


# --- 5. "其中：" before an office's name ------------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "names"), [("其中：县教育局", ["县教育局"]), ("各乡镇，其中：县教育局", ["各乡镇", "县教育局"]),
                                             ("其中:县财政局、县审计局", ["县财政局", "县审计局"])])
def test_a_part_named_after_qizhong_keeps_no_colon(cell, names):
    assert unit_names(cell) == names


def test_a_part_named_after_qizhong_in_a_table(tmp_path):
    rows = [["序号", "工作任务", "责任单位"], ["1", "新建幼儿园3所", "各乡镇，其中：县教育局"], ["2", "新建公园2个", "县住建局"]]
    assert _table(tmp_path, rows) == [("新建幼儿园3所", ["各乡镇"], ["县教育局"]), ("新建公园2个", ["县住建局"], [])]
