"""Issue 13, read43b: the twenty-sixth set's structures. A column of numbered task texts (具体要求 "1.…", one a row)
beside a column of a few merged group headings (工作任务 "一、…。") holds the tasks, the other their area; role words
after offices' names ("市直有关部门落实", "各镇(街)参照落实") are no part of the names; two offices' whole names run
together in one cell ("区发改局区统计局") are two units."""

from __future__ import annotations

import pytest

from mstrack.sources.table.office_names import split_units
from mstrack.sources.table.units import roles_in, unit_names

from .conftest import convert_written

# --- 1. numbered tasks beside merged group headings ------------------------------------------------------------------

GROUPED = [
    ["工作任务", "具体要求", "责任单位"],
    ["一、做好各类规划主动公开。", "1.主动公开规划纲要、各项规划等相关信息。", "市发改局"],
    ["一、做好各类规划主动公开。", "2.做好各项规划的归集整理和主动公开工作。", "市政府办公室"],
    ["二、做好财政信息公开。", "3.积极推进部门单位财政预算、决算公开。", "市财政局"],
    ["二、做好财政信息公开。", "4.加大惠民惠农资金发放信息公开力度。", "市财政局"],
    ["三、做好政府网站专栏信息公开。", "5.及时更新政府网站的各类型概况信息。", "各镇(街)"],
]


@pytest.mark.parametrize("requirement", ["具体要求", "工作要求", "主要内容"])
def test_numbered_requirements_beside_merged_group_headings_are_the_tasks(tmp_path, requirement):
    rows = [[GROUPED[0][0], requirement, GROUPED[0][2]], *GROUPED[1:]]
    tasks = convert_written(tmp_path, "plan.tsv", rows, year=2021).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [
        ("1", "主动公开规划纲要、各项规划等相关信息。"), ("2", "做好各项规划的归集整理和主动公开工作。"),
        ("3", "积极推进部门单位财政预算、决算公开。"), ("4", "加大惠民惠农资金发放信息公开力度。"),
        ("5", "及时更新政府网站的各类型概况信息。")]
    assert [t.lines[0].lead_units for t in tasks] == [["市发改局"], ["市政府办公室"], ["市财政局"], ["市财政局"], ["各镇(街)"]]


def test_merged_headings_written_once_in_a_text_export_are_still_the_area(tmp_path):
    rows = [GROUPED[0], GROUPED[1], ["", *GROUPED[2][1:]], GROUPED[3], ["", *GROUPED[4][1:]], GROUPED[5]]
    tasks = convert_written(tmp_path, "plan.tsv", rows, year=2021).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3", "4", "5"]
    assert tasks[4].title == "及时更新政府网站的各类型概况信息。"


def test_numbered_requirements_under_a_spaced_header_or_a_header_printed_again_are_the_tasks(tmp_path):
    spaced = [["工 作 任 务", "具 体 要 求", "责 任 单 位"], *GROUPED[1:]]
    again = [*GROUPED[:4], GROUPED[0], *GROUPED[4:]]  # the header printed again at a page break
    for rows in (spaced, again):
        tasks = convert_written(tmp_path, "plan.tsv", rows, year=2021).programme.tasks
        assert [t.code for t in tasks] == ["1", "2", "3", "4", "5"]


# the 工作任务 column holds the tasks, one a row, and 具体要求 their details: read as before, the tasks 工作任务's
HELD = [
    ["序号", "工作任务", "具体要求", "责任单位"],
    ["1", "新建城区幼儿园3所", "1.年底前建成投用。", "县教育局"],
    ["2", "改造农村公路50公里", "1.6月底前开工；2.年底前完工。", "县交通运输局"],
    ["3", "新建社区食堂10个", "按标准建设，满足老年人就餐需求。", "县民政局"],
]


@pytest.mark.parametrize("rows", [HELD, [r[1:] for r in HELD]], ids=["numbered", "no-number"])
def test_a_task_column_holding_the_tasks_still_reads_them_beside_its_requirements(tmp_path, rows):
    tasks = convert_written(tmp_path, "plan.tsv", rows, year=2021).programme.tasks
    assert [t.title for t in tasks] == ["新建城区幼儿园3所", "改造农村公路50公里", "新建社区食堂10个"]


def test_numbered_requirements_beside_tasks_of_their_own_leave_the_tasks(tmp_path):
    """Each 工作任务 its own (no group merged over rows): the numbers in 具体要求 are the details' own."""
    rows = [["工作任务", "具体要求", "责任单位"],
            ["一、做好各类规划主动公开。", "1.主动公开规划纲要。", "市发改局"],
            ["二、做好财政信息公开。", "2.积极推进财政预算公开。", "市财政局"],
            ["三、做好政府网站专栏信息公开。", "3.及时更新政府网站信息。", "各镇(街)"]]
    tasks = convert_written(tmp_path, "plan.tsv", rows, year=2021).programme.tasks
    assert [t.title for t in tasks] == ["做好各类规划主动公开。", "做好财政信息公开。", "做好政府网站专栏信息公开。"]


# --- 2. role words after offices' names --------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "lead", "others"), [
    ("市发展和改革局牵头,市直有关部门落实;各镇(街)参照落实", "市发展和改革局", "市直有关部门、各镇(街)"),
    ("市财政局牵头,市直各部门落实;各镇(街)参照落实", "市财政局", "市直各部门、各镇(街)"),
    ("市财政局牵头,市民政局、市农业农村局等有关部门落实;各镇(街)参照落实", "市财政局", "市民政局、市农业农村局、各镇(街)"),
    ("市政府办公室、市发展和改革局牵头,市直有关部门配合;各镇(街)参照落实", "市政府办公室、市发展和改革局",
     "市直有关部门、各镇(街)"),
    # 牵头落实: still the lead's
    ("市住建局牵头落实，市财政局配合", "市住建局", "市财政局"),
    ("市住建局牵头落实", "市住建局", ""),
])
def test_implementing_role_words_after_offices_are_no_part_of_their_names(cell, lead, others):
    assert roles_in(cell) == (lead, others)


@pytest.mark.parametrize(("cell", "names"), [
    ("市直有关部门落实", ["市直有关部门"]),
    ("各镇(街)参照落实", ["各镇(街)"]),
    ("县住建局牵头落实", ["县住建局"]),
])
def test_a_unit_named_with_its_implementing_role_is_the_unit(cell, names):
    assert unit_names(cell) == names


def test_the_others_closing_a_space_separated_list_before_its_role_are_no_office():
    assert roles_in("市财政局牵头,市民政局 市农业农村局等有关部门落实") == ("市财政局", "市民政局、市农业农村局")


def test_a_unit_cell_with_implementing_roles_reads_its_units(tmp_path):
    rows = [["序号", "工作任务", "责任单位"],
            ["1", "及时公开行动方案的落实举措。", "市发展和改革局牵头,市直有关部门落实;各镇(街)参照落实"],
            ["2", "加强行政执法信息公开。", "市直有关部门落实;各镇(街)参照落实"]]
    tasks = convert_written(tmp_path, "plan.tsv", rows, year=2021).programme.tasks
    lines = [t.lines[0] for t in tasks]
    assert [(ln.lead_units, [u for u in ln.units if u not in ln.lead_units]) for ln in lines] == [
        (["市发展和改革局"], ["市直有关部门", "各镇(街)"]), (["市直有关部门"], ["各镇(街)"])]


# --- 3. two offices' whole names run together ------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "units"), [
    ("区发改局区统计局", ["区发改局", "区统计局"]),
    ("区经信局区统计局", ["区经信局", "区统计局"]),
    ("市委宣传部市文广旅局", ["市委宣传部", "市文广旅局"]),
    ("县教育局县财政局、县人社局", ["县教育局", "县财政局", "县人社局"]),
    ("区政务服务中心区大数据局", ["区政务服务中心", "区大数据局"]),
    ("区法院区检察院", ["区法院", "区检察院"]),
    ("市发展和改革局市市场监督管理局", ["市发展和改革局", "市市场监督管理局"]),
    # one office each: a section, a unit under a bureau, a party committee's department, a joint office
    ("市公安局交警支队", ["市公安局交警支队"]),
    ("区卫健局疾控中心", ["区卫健局疾控中心"]),
    ("市委宣传部", ["市委宣传部"]),
    ("市市场监督管理局", ["市市场监督管理局"]),
    ("县委组织部", ["县委组织部"]),
    ("县委县政府督查室", ["县委县政府督查室"]),
    ("市商务局市场科", ["市商务局市场科"]),
    # a place's name after an office, or a level of another rank: as printed
    ("区交通运输局区政府民生实事项目1个", ["区交通运输局区政府民生实事项目1个"]),
    ("市教育局区县教育部门", ["市教育局区县教育部门"]),
])
def test_two_whole_offices_run_together_are_two_units(cell, units):
    assert split_units(cell) == units


def test_an_indicator_examined_by_two_offices_run_together_has_both(tmp_path):
    rows = [["序号", "项目", "目标任务", "监考单位"],
            ["1", "地区生产总值增长率", "8%", "区发改局区统计局"],
            ["2", "建筑业总产值", "140亿元", "区住建局"]]
    tasks = convert_written(tmp_path, "plan.tsv", rows, year=2016).programme.tasks
    lines = [t.lines[0] for t in tasks]
    assert [(ln.lead_units, [u for u in ln.units if u not in ln.lead_units]) for ln in lines] == [
        (["区发改局"], ["区统计局"]), (["区住建局"], [])]
