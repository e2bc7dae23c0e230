"""Rules of the eighth set's rounds that over-reached, found by review (issue #13): each reviewer's table and a
variant, read as `import table` reads it."""

from __future__ import annotations

from datetime import date

from openpyxl import Workbook

from mstrack.sources.table import convert_table
from tests.test_table_eighth import read_xlsx
from tests.test_table_read13 import _targets


def test_a_bracket_number_with_its_own_number_in_the_number_column_is_a_task(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["1", "1.新建学校2所；2.改造操场3个", "市教育局"],
        ["2", "（1）新建公园1个；（2）改造公园2个", "市住建局"],
    ], year=2024)
    assert sorted(read) == ["1", "2"]
    assert read["2"].lead_units == {"市住建局"}


def test_a_bracket_number_under_a_new_heading_is_a_task_of_that_area(tmp_path):
    for rows in ([["一、教育", "一、教育", "一、教育"], ["1", "新建学校2所", "市教育局"], ["2", "改造操场3个", "市教育局"],
                  ["二、卫生", "二、卫生", "二、卫生"], ["（1）", "新建医院1所", "市卫健委"], ["（2）", "新建卫生院2所", "市卫健委"]],
                 [["一、教育", "", ""], ["", "1.新建学校2所", "市教育局"], ["", "2.改造操场3个", "市教育局"],
                  ["二、卫生", "", ""], ["", "（1）新建医院1所", "市卫健委"], ["", "（2）新建卫生院2所", "市卫健委"]]):
        read = read_xlsx(tmp_path, [["序号", "工作任务", "牵头单位"], *rows], year=2024)
        assert len(read) == 4, sorted(read)
        assert {read[code].lead_units == {"市卫健委"} for code in read if code.startswith("二")} == {True}, sorted(read)


def test_a_bracket_number_continuing_the_count_is_the_next_task(tmp_path):
    read = read_xlsx(tmp_path, [
        ["工作任务", "牵头单位"],
        ["1.新建学校2所", "市教育局"],
        ["2.改造操场3个", "市教育局"],
        ["（3）新建医院1所", "市卫健委"],
    ], year=2024)
    assert sorted(read) == ["1", "2", "3"]
    assert read["3"].lead_units == {"市卫健委"}
    parts = read_xlsx(tmp_path, [
        ["工作任务", "牵头单位"],
        ["1.新建学校2所", "市教育局"],
        ["（1）新建小学1所", "市教育局"],
        ["（2）新建中学1所", "市财政局"],
        ["2.改造操场3个", "市教育局"],
    ], year=2024)
    assert sorted(parts) == ["1", "2"]  # a count starting again at (1) under "1." is its parts
    assert parts["1"].lead_units == {"市教育局", "市财政局"}


def test_a_category_named_after_qizhong_in_several_items_is_no_place_of_the_tables_own(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["1", "建设幼儿园10所（其中新建4所、改扩建6所）", "市教育局"],
        ["2", "建设中小学8所（其中新建3所）", "市教育局"],
        ["3", "新建公园10个（其中中心城区4个）", "市住建局"],
        ["4", "新增学位5000个（其中中心城区2000个）", "市教育局"],
    ], year=2024)
    assert (10, "所") in _targets(read, "1")
    assert (8, "所") in _targets(read, "2")
    assert (10, "个") in _targets(read, "3")
    assert (5000, "个") in _targets(read, "4")
    twice_no_title = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["1", "建设品质县中10所(其中甲县4所)", "市教育局"],
        ["2", "新增学位5000个(其中甲县1200个)", "市教育局"],
    ], year=2024)
    assert (10, "所") in _targets(twice_no_title, "1")  # a county named twice, no title naming it: a breakdown
    titled_category = read_xlsx(tmp_path, [
        ["2024年新建项目民生实事"],
        ["序号", "工作任务", "牵头单位"],
        ["1", "建设幼儿园10所（其中新建4所）", "市教育局"],
    ], year=2024)
    assert (10, "所") in _targets(titled_category, "1")  # 新建 in the title is no place


def test_a_year_in_the_tasks_words_dates_it_only_as_a_completion_from_the_programmes_year_on(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["1", "2023年完成投资30亿元，2024年计划完成投资50亿元。", "市发改委"],
        ["2", "2023年开工的学校续建5所", "市教育局"],
        ["3", "新建学校2所，2024年开工、2026年建成", "市教育局"],
        ["4", "2025年建成区绿化覆盖率达到42%", "市住建局"],
        ["5", "新建公园3个，2025年建成", "市住建局"],
        ["6", "新建学校2所，2025年开工", "市教育局"],
    ], year=2024)
    assert read["1"].deadline is None or read["1"].deadline.year >= 2024
    assert read["2"].deadline is None
    assert read["3"].deadline == date(2026, 12, 31)
    assert read["4"].deadline is None
    assert read["5"].deadline == date(2025, 12, 31)
    assert read["6"].deadline is None  # a start is no deadline


def test_tong_shang_repeats_the_data_row_above_never_the_header_or_a_heading(tmp_path):
    first = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["1", "新建学校2所", "同上"],
        ["2", "改造操场3个", "同上"],
    ], year=2024)
    assert "牵头单位" not in first["1"].lead_units
    under_heading = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["一、教育（2项）", "一、教育（2项）", "一、教育（2项）"],
        ["1", "新建学校2所", "同上"],
        ["2", "改造操场3个", "市教育局"],
        ["3", "新建公园1个", "同上"],
    ], year=2024)
    codes = sorted(under_heading)
    assert not any("教育（2项）" in unit for code in codes for unit in under_heading[code].lead_units)
    assert under_heading[codes[2]].lead_units == {"市教育局"}  # the data row above
    path = tmp_path / "doubt.xlsx"
    book = Workbook()
    for row in (["序号", "工作任务", "牵头单位"], ["1", "新建学校2所", "同上"], ["2", "改造操场3个", "市教育局"]):
        book.active.append(row)
    book.save(path)
    doubts = " ".join(str(d) for d in convert_table(path, "x-2024", 2024).doubts)
    assert "同上" in doubts


def test_a_slash_separates_only_whole_units(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位", "责任单位"],
        ["1", "新建学校2所", "市教育局/市财政局", "各县/市/区"],
        ["2", "改造道路5条", "市交通局", "市/县两级交通部门"],
    ], year=2024)
    assert read["1"].lead_units == {"市教育局", "市财政局"}
    assert read["1"].units == {"各县/市/区"}
    assert read["2"].units == {"市/县两级交通部门"}


def test_deng_names_a_group_after_it_as_a_unit_and_a_count_as_none(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位", "责任单位"],
        ["1", "新建学校2所", "市教育局", "市公安局等有关部门"],
        ["2", "建设公园3个", "市住建局", "市公安局等8家单位"],
        ["3", "改造道路5条", "市交通局", "市住建局等12个市直部门"],
        ["4", "新增岗位5个", "市人社局", "市消防救援支队等部门"],
        ["5", "新建公厕9座", "市城管局", "市公安局等8个部门"],
    ], year=2024)
    assert read["1"].units == {"市公安局"}  # close47: "等有关部门" closing a list is no unit, after one office as after
    # several (the corpus's readings: henan-2023, taishan-2021, gangcheng-2021; was: {市公安局, 有关部门})
    assert read["2"].units == {"市公安局"}
    assert read["3"].units == {"市住建局", "市直部门"}
    assert read["4"].units == {"市消防救援支队等部门"}  # a bare 部门 names no group: as printed
    assert read["5"].units == {"市公安局"}


def test_a_month_in_chinese_numerals_reads_as_its_digits_wherever_it_is_in_the_cell(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位", "完成时限"],
        ["1", "新建学校2所", "市教育局", "六月、十二月"],
        ["2", "建设公园3个", "市住建局", "6月、12月"],
        ["3", "改造道路5条", "市交通局", "十月一日前"],
        ["4", "新增岗位5个", "市人社局", "10月1日前"],
        ["5", "改造街道1条", "市城管局", "三月街改造"],
    ], year=2024)
    assert read["1"].deadline == read["2"].deadline == date(2024, 12, 31)
    assert read["3"].deadline == read["4"].deadline == date(2024, 10, 1)
    assert read["5"].deadline is None  # a street's name, no month


def test_modifiers_before_jun_share_the_noun_named_after_the_last(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["1", "城市和农村居民收入均增长8%", "市发改委"],
        ["2", "参保率和覆盖率均达到90%", "市人社局"],
        ["3", "就业率和高校毕业生就业率均达到95%", "市人社局"],
    ], year=2024)
    names = sorted(name for name, _, _ in read["1"].targets)
    assert names == ["农村居民收入增长", "城市居民收入增长"], names
    assert sorted(name for name, _, _ in read["2"].targets) == ["参保率", "覆盖率"]
    assert "就业率" in {name for name, _, _ in read["3"].targets}  # a name of its own, not a modifier


def test_an_office_on_the_next_line_joins_no_line_of_each_or_a_bare_area_word(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位", "责任单位"],
        ["1", "新建学校2所", "市教育局", "各街道\n卫健委"],
        ["2", "建设公园3个", "市住建局", "城区\n财政局"],
        ["3", "改造道路5条", "市交通局", "湘江新区\n管委会"],
    ], year=2024)
    assert read["1"].units == {"各街道", "卫健委"}
    assert read["2"].units == {"城区", "财政局"}
    assert read["3"].units == {"湘江新区管委会"}  # a name broken before its office


def test_a_month_in_chinese_numerals_dates_a_schedule_step_as_digits_do(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位", "进度安排"],
        ["1", "新建学校2所", "市教育局", "3月底前完成选址；六月底前开工；十月底前建成"],
        ["2", "建设公园3个", "市住建局", "3月底前完成选址；6月底前开工；10月底前建成"],
    ], year=2024)
    assert read["1"].checkpoints == read["2"].checkpoints
    assert read["1"].deadline == read["2"].deadline == date(2024, 10, 31)
