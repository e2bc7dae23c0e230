"""The tenth set's losses (issue #13), each in general form on a small synthetic table: item numbers closed by
other dot forms (﹒ ・), a list closed by 等相关部门, a bracketed note saying the first unit listed leads, the capacity of
a named project and a threshold (超…亿元的…) that are no targets, a policy's name and 二套房 that are no counts, and
items "(一)…" under a heading "一、…" in a list with no header."""

from __future__ import annotations

from tests.test_table_eighth import read_xlsx


def test_an_item_number_closed_by_another_dot_form_is_no_part_of_the_title(tmp_path):
    for dot in ("﹒", "・", "·"):
        read = read_xlsx(tmp_path, [
            ["", "牵头单位", "责任单位"],
            [f"1{dot}新建学校5所。", "县教育局", "县财政局"],
            [f"2{dot}改造道路3条。", "县交通局", "县财政局"],
        ], year=2024)
        assert read["1"].title == "新建学校5所。", dot
        assert read["2"].title == "改造道路3条。", dot


def test_deng_xiangguan_bumen_closing_a_list_of_several_units_is_no_unit(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位", "责任单位"],
        ["1", "新建学校2所", "市教育局", "市财政局、市公安局等相关部门"],
        ["2", "建设公园3个", "市住建局", "市财政局、市民政局等有关单位"],
        ["3", "新增岗位5个", "市人社局", "市财政局等有关单位"],
    ])
    assert read["1"].units == {"市财政局", "市公安局"}
    assert read["2"].units == {"市财政局", "市民政局"}
    assert read["3"].units == {"市财政局", "有关单位"}  # one unit before it: the group as printed (review3)


def test_a_note_saying_the_first_unit_listed_leads_is_no_part_of_the_last_units_name(tmp_path):
    read = read_xlsx(tmp_path, [
        ["", "责任单位"],
        ["1.新建学校2所", "市教育局、市财政局、市税务局(列第一位者为工作牵头单位或汇总单位,下同)"],
        ["2.建设公园3个", "市住建局、市民政局（排在首位的为牵头单位）"],
    ])
    assert read["1"].lead_units == {"市教育局"}
    assert read["1"].units == {"市财政局", "市税务局"}
    assert read["2"].lead_units == {"市住建局"}
    assert read["2"].units == {"市民政局"}
