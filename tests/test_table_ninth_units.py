"""The eighth held-out set's unit losses (issue #13), each in general form on a small synthetic table: the closing
full stop of a labelled unit line, two leads on two lines of a 主要 column beside a helping column, role words printed
after the offices as columns, and circled steps with dates in one schedule cell."""

from __future__ import annotations

from datetime import date

from tests.test_table_eighth import read_xlsx


def test_closing_punctuation_is_no_part_of_a_units_name(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "目标任务", "牵头单位", "配合单位"],
        ["1", "新建公园3个", "市财政局。", "市教育局、区政府。"],
        ["2", "改造道路10条", "市发改委；", "市交通局，市水利局。"],
        ["3", "新增就业3万人", "市人社局", "各县（市、区）。"],
    ])
    assert read["1"].lead_units == {"市财政局"}
    assert read["1"].units == {"市教育局", "区政府"}
    assert read["2"].lead_units == {"市发改委"}
    assert read["2"].units == {"市交通局", "市水利局"}
    assert read["3"].units == {"各县（市、区）"}


def test_a_main_units_column_beside_a_helping_one_names_the_leads_line_by_line(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "重点工作任务", "主要责任单位", "协同配合单位"],
        ["1", "一般公共预算收入增长5%左右", "区财政局\n区税务局", "区政府有关部门、各乡镇人民政府"],
        ["2", "地区生产总值增长6.5%左右", "区发改委", "区统计局"],
    ])
    assert read["1"].lead_units == {"区财政局", "区税务局"}
    assert read["1"].units == {"区政府有关部门", "各乡镇人民政府"}
    assert read["2"].lead_units == {"区发改委"}
    assert read["2"].units == {"区统计局"}


def test_role_words_as_column_names_name_the_leads_and_the_helping_units(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "负责", "主办", "协办"],
        ["1", "地区生产总值增长11%左右", "省发改委", None, None],
        ["2", "公共财政收入增长13%左右", None, "省财政厅", "省国税局、地税局"],
        ["3", "固定资产投资增长30%以上", None, "省发改委", "省工信委、国土资源厅"],
        ["4", "规模以上工业增加值增长12%左右", "省工信委", None, None],
        ["5", "社会消费品零售总额增长15%以上", "省商务厅", None, None],
    ], year=2013)
    assert read["1"].lead_units == {"省发改委"}
    assert read["2"].lead_units == {"省财政厅"}
    assert read["2"].units == {"省国税局", "地税局"}
    assert read["3"].lead_units == {"省发改委"}
    assert read["3"].units == {"省工信委", "国土资源厅"}
    assert read["4"].lead_units == {"省工信委"}  # 主办 blank under 3, but 负责 filled: no cell merged down
    assert read["4"].units == set()
    assert read["5"].lead_units == {"省商务厅"}


def test_circled_numbers_before_dated_steps_in_a_schedule_cell_make_a_checkpoint_each(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作事项", "进度安排", "进展情况"],
        ["1", "启动综合体建设", "①2月上旬前,完成设计招标。②3月中旬前,完成图纸深化设计。③5月下旬前,开工建设。",
         "①已完成。2月10日,完成设计招标。"],
        ["2", "壮大金融服务业", "①3月底前,召开金融联席会议。②6月底前,出台贴息政策。", ""],
    ])
    assert sorted(read["1"].checkpoints) == [date(2023, 2, 10), date(2023, 3, 20), date(2023, 5, 31)]
    assert sorted(read["2"].checkpoints) == [date(2023, 3, 31), date(2023, 6, 30)]
