"""Issue 13, read30b: the eighteenth held-out set's half b, each rule on a small synthetic table: a 单位 column of
units of measure beside a target column whose figures carry 左右 or 以上 gives each figure its unit; a footnote mark
("*", "※", "①") at either end of an item's words is no part of its title."""

from __future__ import annotations

import pytest

from .conftest import convert_written, targets_of

# --- 1. a 单位 column of units of measure beside figures with 左右 / 以上 -------------------------------------------

INDICATORS = [["序号", "指标名称", "单位", "年初目标", "全年完成数"],
              ["1", "地区生产总值增长率", "%", "6左右", "8.1"],
              ["2", "一般公共预算收入增长率", "%", "5左右", "10.2"],
              ["3", "引进内资", "亿元", "170", "363"],
              ["4", "新增就业岗位", "", "20000以上", "26000"],
              ["5", "文艺演出场次", "场次/年", "28000以上", "39487"],
              ["6", "能耗下降率", "%", "2.2", "预计基本完成"]]


def test_a_unit_column_gives_the_target_column_its_units(tmp_path):
    """Figures with 左右 or 以上 are figures too: the column of them is the targets, 单位 their units, an empty 单位
    cell no unit."""
    tasks = convert_written(tmp_path, "indicators.tsv", INDICATORS, 2021).programme.tasks
    assert [(t.title, targets_of(t)) for t in tasks] == [
        ("地区生产总值增长率", [(6, "%")]), ("一般公共预算收入增长率", [(5, "%")]), ("引进内资", [(170 * 10**8, "元")]),
        ("新增就业岗位", [(20000, "")]), ("文艺演出场次", [(28000, "场次/年")]), ("能耗下降率", [(2.2, "%")])]


def test_a_unit_column_of_offices_beside_such_figures_stays_the_units(tmp_path):
    """单位 over offices names who does the work, as before, whatever the figures beside it carry."""
    rows = [["序号", "项目名称", "单位", "年度目标"], ["1", "新建养老服务站", "区民政局", "3左右"],
            ["2", "新建社区食堂", "区商务委", "5以上"], ["3", "改造老旧小区", "区住建委", "4"]]
    tasks = convert_written(tmp_path, "items.tsv", rows, 2024).programme.tasks
    assert [(t.title, t.lines[0].lead_units) for t in tasks] == [
        ("新建养老服务站", ["区民政局"]), ("新建社区食堂", ["区商务委"]), ("改造老旧小区", ["区住建委"])]


# --- 2. a footnote mark at either end of an item's words, with no note explaining it -----------------------------

def test_a_footnote_mark_at_either_end_of_a_title_is_no_part_of_it(tmp_path):
    """"*…", "…*", "※…", "…①": marks, with no note under the table saying what they mark; ★ after a name, which no
    note explains, stays as printed (as ninghai prints it after every name)."""
    rows = [["序号", "项目名称", "责任单位", "完成时限"],
            ["1", "*新建幼儿园3所", "区教育局", "2024年12月底"],
            ["2", "改造老旧小区20个。*", "区住建局", "2024年12月底"],
            ["3", "※建设公园5个", "区城管局", "2024年12月底"],
            ["4", "新增城镇就业1万人①", "区人社局", "2024年12月底"],
            ["5", "新建社区食堂10个★", "区民政局", "2024年12月底"]]
    tasks = convert_written(tmp_path, "marks.tsv", rows, 2024).programme.tasks
    assert [t.title for t in tasks] == ["新建幼儿园3所", "改造老旧小区20个。", "建设公园5个", "新增城镇就业1万人",
                                        "新建社区食堂10个★"]
    assert targets_of(tasks[0]) == [(3, "所")] and targets_of(tasks[1]) == [(20, "个")]


def test_a_mark_after_the_items_own_number_is_no_part_of_its_title(tmp_path):
    """No 序号 column, the number printed in the item's words ("2.*帮助引领成功创业"): the mark after it is a mark."""
    rows = [["指标名称", "单位", "年初目标"], ["1.地区生产总值增长率", "%", "6左右"], ["2.*帮助引领成功创业", "", "600"],
            ["3、※新增就业岗位", "", "20000以上"]]
    tasks = convert_written(tmp_path, "numbered.tsv", rows, 2021).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("1", "地区生产总值增长率"), ("2", "帮助引领成功创业"), ("3", "新增就业岗位")]


# --- 3. a group row with a free-text column filled --------------------------------------------------------------

GROUPED = [["序号", "项目内容", "牵头单位", "进展情况", "EXTRA"],
           ["", "一、方便市民出行", "", "", "TEXT"],
           ["1", "完成三环路扩能提升工程", "区建设局", "已进场施工。", ""],
           ["2", "开工建设新生路道路", "区建设局", "已进场施工。", "TEXT"],
           ["", "二、提升市容环境", "", "", "TEXT"],
           ["3", "打造特色街区2个", "区城管局", "已完成选点。", ""],
           ["4", "新改建旅游厕所1所", "区文体旅游局", "已新建1所。", "TEXT"]]


@pytest.mark.parametrize(("header", "text"), [("备注", "省级民生实事"), ("备注", "需市财政配套资金500万元"),
                                              ("牵头领导", "王建国（副市长）"), ("联系人及电话", "李明 0731-88886666")])
def test_a_group_row_stays_a_heading_whatever_a_free_text_column_holds(tmp_path, header, text):
    """"一、方便市民出行" in the item column, no 序号, between numbered items: a heading of the items below, with or
    without a note, a leader or a contact beside it; no task 一 or 二."""
    rows = [[header if c == "EXTRA" else text if c == "TEXT" else c for c in row] for row in GROUPED]
    tasks = convert_written(tmp_path, "grouped.tsv", rows, 2018).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("1", "完成三环路扩能提升工程"), ("2", "开工建设新生路道路"),
                                                  ("3", "打造特色街区2个"), ("4", "新改建旅游厕所1所")]
    assert [t.lines[0].lead_units for t in tasks] == [["区建设局"], ["区建设局"], ["区城管局"], ["区文体旅游局"]]


# --- 5. a count of kinds inside the level a verb raises -----------------------------------------------------------

@pytest.mark.parametrize(("title", "targets"), [
    ("提高工伤保险3项待遇水平", []), ("提高城乡低保等4项救助标准", []), ("提升3项基本公共服务保障水平", []),
    ("新增3项便民服务", [(3, "项")]), ("推广口腔适宜技术3项", [(3, "项")]), ("扎实办好11项为民办实事项目", [(11, "项")]),
    ("提高10所学校办学水平", [(10, "所")])])
def test_a_count_of_kinds_inside_a_raised_level_is_no_target(tmp_path, title, targets):
    """"提高…3项待遇水平": which levels are raised (the object is 水平, 标准), not a count to deliver; "新增3项…",
    "办好11项…" deliver that many, and a count of things (10所学校) stays a target."""
    rows = [["序号", "工作任务", "牵头单位"], ["1", title, "市人社局"], ["2", "新建幼儿园3所", "市教育局"]]
    tasks = convert_written(tmp_path, "levels.tsv", rows, 2021).programme.tasks
    assert targets_of(tasks[0]) == targets
    assert targets_of(tasks[1]) == [(3, "所")]
