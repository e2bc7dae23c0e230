"""The tenth set's remaining losses through the header path (issue #13), each in general form on a small synthetic
table: a lone part "(2)" of an item, a range "5-10个" as a target, "6月前" (before June), numbers that label or
qualify (building numbers, a standard's area), and group rows inside a table."""

from __future__ import annotations

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
