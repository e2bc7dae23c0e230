"""The tenth set's remaining losses through the header path (issue #13), each in general form on a small synthetic
table: a lone part "(2)" of an item, a range "5-10个" (its lower bound a target since ranges53), "6月前" (before June), numbers that
label or qualify (building numbers, a standard's area), and group rows inside a table."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table.mentions import find_mentions
from tests.conftest import convert_written, import_table, write_table
from tests.test_table_eighth import read_xlsx


def test_a_part_picked_out_of_an_item_is_a_task_numbered_by_both(tmp_path):
    """"(2)" under "17." with no "(1)" before it: one part of a longer item, listed because it concerns this office;
    it is its own task "17(2)", not task 2 (items 17, 18 go on numbering)."""
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "责任单位"],
        ["16", "新建学校2所", "市教育局"],
        ["17", "继续办好农村实事，安排资金61.7亿元", ""],
        ["", "(2)教育培训工程。培训农村劳动力240万人", "就管中心"],
        ["18", "新增农村劳动力转移50万人", "就管中心"],
    ])
    assert sorted(read) == ["16", "17", "17(2)", "18"]
    assert read["17(2)"].title == "教育培训工程。培训农村劳动力240万人"
    assert read["17(2)"].lead_units == {"就管中心"}
    in_text = read_xlsx(tmp_path, [
        ["工作任务", "责任单位"],
        ["16.新建学校2所", "市教育局"],
        ["17.继续办好农村实事，安排资金61.7亿元", ""],
        ["(2)教育培训工程。培训农村劳动力240万人", "就管中心"],
        ["18.新增农村劳动力转移50万人", "就管中心"],
    ])
    assert sorted(in_text) == ["16", "17", "17(2)", "18"]
    going_on = read_xlsx(tmp_path, [
        ["工作任务", "责任单位"],
        ["1.新建学校2所", "市教育局"],
        ["2.改造道路3条", "市交通局"],
        ["(3)建设公园5个", "市住建局"],
    ])
    assert sorted(going_on) == ["1", "2", "3"]  # the next number in brackets: the next task (read13)


def test_a_deadline_before_a_month_is_the_end_of_the_month_before(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位", "完成时限"],
        ["1", "整治黑臭水体3条", "区水务局", "6月前"],
        ["2", "改造老旧房屋5栋", "区住建局", "6月底前"],
    ], year=2024)
    assert read["1"].deadline == date(2024, 5, 31)
    assert read["2"].deadline == date(2024, 6, 30)


def test_figures_of_one_measure_word_listed_bare_are_labels_not_targets():
    assert find_mentions("对协兴村4栋、9栋等开展老旧房屋安全隐患整治", 2024) == []  # building 4 and building 9
    assert find_mentions("完成4栋和9栋改造", 2024) == []
    assert [m.value for m in find_mentions("城区、乡镇分别新增3个、5个", 2024)] == [3, 5]  # 分别: a count each
    assert [m.value for m in find_mentions("新建学校3所、幼儿园5所", 2024)] == [3, 5]  # words between: two counts


def test_a_size_that_qualifies_is_no_target():
    """The standard each one meets, a condition on what is counted, the standard a share of them reaches: the count or
    the share is the target, the size is none."""
    assert [(m.value, m.unit) for m in find_mentions("新建社区用房10处，每个不少于200平方米")] == [(10, "处")]
    assert [(m.value, m.unit) for m in find_mentions("改造面积200平方米的社区用房10处")] == [(10, "处")]
    assert [(m.value, m.unit) for m in find_mentions("农村80%以上社区服务用房面积达到200平方米")] == [(80, "%")]
    assert [(m.value, m.unit) for m in find_mentions("覆盖率达到40%以上人均公园绿地面积达到15平方米")] == [
        (40, "%"), (15, "平方米")]  # a rate, not a share of things: the size after it is a target of its own
    assert [(m.value, m.unit) for m in find_mentions("新建200公里的绿道")] == [(200, "公里")]


def test_a_project_described_field_by_field_down_the_rows_is_refused(tmp_path):
    """"项目名称 | 城东幼儿园…", "建设单位 | 县教育局", …: one project's fields, no list of tasks: exit 2, said why."""
    run, out = import_table(write_table(tmp_path / "record.csv", [
        ["项目名称", "城东幼儿园新建工程"], ["建设单位", "县教育局"], ["建设地点", "城东新区"],
        ["建设规模", "新建幼儿园1所，建筑面积5000平方米"], ["总投资", "3000万元"], ["开工时间", "2024年3月"],
        ["完成时间", "2024年12月"], ["责任单位", "县教育局"],
    ]))
    assert run.exit_code == 2 and not out.exists() and run.exception is not None
    assert "field by field" in run.stderr and "项目名称" in run.stderr and "Traceback" not in run.output
    table = read_xlsx(tmp_path, [  # a table whose first column is the project's name: its rows are tasks
        ["项目名称", "责任单位"], ["城东幼儿园新建工程", "县教育局"], ["城西小学扩建工程", "县教育局"],
        ["滨江公园建设", "县住建局"], ["老旧小区改造", "县住建局"],
    ])
    assert len(table) == 4


def test_a_group_row_numbered_in_bracketed_numerals_over_numbered_items_is_their_area(tmp_path):
    """"（一）|教育惠民" with no figure, unit or date of its own, over items "1", "2": the area of the items below."""
    result = convert_written(tmp_path, "groups.csv", [
        ["序号", "工作任务", "牵头单位", "完成时限"],
        ["（一）", "教育惠民", "", ""],
        ["1", "新建幼儿园3所", "区教育局", "2024年12月"],
        ["2", "改造学校操场5个", "区教育局", "2024年10月"],
        ["（二）", "医疗惠民", "", ""],
        ["3", "新建卫生室10个", "区卫健局", "2024年12月"],
    ])
    assert [(a.code, a.name) for a in result.programme.areas] == [("一", "教育惠民"), ("二", "医疗惠民")]
    assert [(t.code, t.area) for t in result.programme.tasks] == [("1", "一"), ("2", "一"), ("3", "二")]
