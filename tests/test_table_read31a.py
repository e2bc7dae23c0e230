"""Issue 13, read31a: the nineteenth held-out set's tables, each rule on a small synthetic table: a 序号 (and its 项目)
merged over items that each print their own number in the task cell is the group's, the items are the tasks under their
own numbers; a "★" before an office of a 责任单位 cell marks the lead; a task-like column empty on every item row is no
title column; a unit symbol (㎡, ㎞) after a figure is its unit, and a bracketed figure restating it in another unit of
the same measure ("24938.8㎡(37.4082亩)") is no second target."""

from __future__ import annotations

import pytest

from mstrack.sources.table.mentions import find_mentions

from .conftest import convert_written, targets_of

# --- 1. a merged 序号 and 项目 over items numbering themselves ----------------------------------------------------

MERGED = [["序号", "项目", "重点工作目标任务", "牵头领导", "责任单位"],
          ["一、主要预期目标", "一、主要预期目标", "一、主要预期目标", "一、主要预期目标", "一、主要预期目标"],
          ["1", "主要预期目标", "1.地区生产总值增长5%以上。", "张 三", "★区发改委、统计局"],
          ["1", "主要预期目标", "2.一般公共预算收入增长6%以上。", "张 三", "★区财政局、税务局"],
          ["1", "主要预期目标", "3.新建幼儿园3所。", "", "★区教育局"],
          ["2", "民生保障", "4.新增城镇就业1万人。", "李 四", "人社局、★区民政局"]]


@pytest.mark.parametrize("name", ["merged.tsv", "merged.xlsx"])
def test_a_merged_number_over_items_numbering_themselves_is_their_group(tmp_path, name):
    """序号 "1" over items "1." … "3.", 序号 "2" over "4.": the items are the tasks, coded by their own numbers, their
    titles the words after the number; the 项目 is their group, no task."""
    tasks = convert_written(tmp_path, name, MERGED).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [
        ("1", "地区生产总值增长5%以上。"), ("2", "一般公共预算收入增长6%以上。"), ("3", "新建幼儿园3所。"),
        ("4", "新增城镇就业1万人。")]
    assert targets_of(tasks[0]) == [(5, "%")] and targets_of(tasks[2]) == [(3, "所")]


def test_a_merged_number_over_lines_that_do_not_number_themselves_is_one_task(tmp_path):
    """The registration form's rows as before: a merged 序号 over lines with no number of their own is one task."""
    rows = [MERGED[0], *([r[0], r[1], r[2][2:], r[3], r[4]] for r in MERGED[2:5])]
    tasks = convert_written(tmp_path, "form.tsv", rows).programme.tasks
    assert [t.code for t in tasks] == ["1"]


def test_numbers_that_start_again_under_each_merged_number_are_its_lines(tmp_path):
    """"1.", "2." under 序号 1 and again under 序号 2: each 序号 is one task with its numbered lines, as before."""
    rows = [["序号", "项目", "工作内容", "责任单位"],
            ["1", "养老服务", "1.新建养老院2所。", "区民政局"], ["1", "养老服务", "2.改造敬老院3所。", "区民政局"],
            ["2", "教育", "1.新建幼儿园2所。", "区教育局"], ["2", "教育", "2.改造学校5所。", "区教育局"]]
    tasks = convert_written(tmp_path, "form.tsv", rows).programme.tasks
    assert [(t.code, t.title, len(t.lines)) for t in tasks] == [("1", "养老服务", 2), ("2", "教育", 2)]


def test_a_star_before_an_office_marks_the_lead(tmp_path):
    """"★区发改委、统计局": the starred office leads, without its star, the others are the units; wherever the star is."""
    tasks = convert_written(tmp_path, "merged.tsv", MERGED).programme.tasks
    assert [(t.lines[0].lead_units, t.lines[0].units) for t in tasks] == [
        (["区发改委"], ["统计局"]), (["区财政局"], ["税务局"]), (["区教育局"], []), (["区民政局"], ["人社局"])]


# --- 2. an empty task-like column --------------------------------------------------------------------------------

EMPTY_NAME = [["序号", "名称", "工作任务", "牵头责任单位"],
              ["一、主要预期目标分解(3项)"] * 4,
              ["1", "", "地区生产总值增长7%以上.", "发改委"],
              ["2", "", "一般公共预算收入增长8%以上.", "财政局"],
              ["3", "", "高新技术产业产值增长10%.", "科技局"]]


@pytest.mark.parametrize("name", ["empty.tsv", "empty.xlsx"])
def test_a_task_column_empty_on_every_item_row_is_no_title_column(tmp_path, name):
    """名称 empty under every item (only the group row merged over it): the next task column, 工作任务, is the title."""
    tasks = convert_written(tmp_path, name, EMPTY_NAME).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [
        ("1", "地区生产总值增长7%以上."), ("2", "一般公共预算收入增长8%以上."), ("3", "高新技术产业产值增长10%.")]
    assert [t.lines[0].lead_units for t in tasks] == [["发改委"], ["财政局"], ["科技局"]]
    assert targets_of(tasks[2]) == [(10, "%")]


# --- 3. unit symbols, a restated measure, a land area ----------------------------------------------------------

@pytest.mark.parametrize(("text", "found"), [
    ("新建公园绿地5000㎡", [(5000, "平方米")]),
    ("新建绿道12㎞", [(12, "公里")]),
    ("新建蓄水池3000㎥", [(3000, "立方米")]),
    ("改造道路3公里(3000米)", [(3, "公里")]),  # the same length again, in metres
    ("新建停车场20000㎡(30亩)", [(20000, "平方米")]),  # the same area again, in 亩
    ("新建道路5公里(其中主干道3公里)", [(3, "公里"), (5, "公里")]),  # a part, not the same figure
    ("新增停车位500个(含充电桩100个)", [(100, "个"), (500, "个")])])
def test_unit_symbols_and_a_restated_measure(text, found):
    assert sorted((m.value, m.unit) for m in find_mentions(text, 2023)) == found


def test_a_projects_land_area_is_read_once():
    """"项目总用地面积24938.8㎡(37.4082亩),…新建发热门诊1栋": the land area once, in 平方米, as the corpus reads a
    project's area (fenghua-2025's 用地面积, mianyang-2023's 占地面积); the 亩 restate it."""
    text = "应急医疗救治中心项目总用地面积24938.8㎡(37.4082亩),新建发热门诊1栋,总床位数348床。"
    assert sorted((m.value, m.unit) for m in find_mentions(text, 2023)) == [(1, "栋"), (348, "床"), (24938.8, "平方米")]
