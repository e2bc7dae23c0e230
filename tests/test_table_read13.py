"""The eighth set's last losses and the reader's remaining known gaps (issue #13), each in general form on a small
synthetic table: a deadline printed in the task's words, a place's share in brackets, one figure for several
indicators joined by 均, units separated by 等, sub-items numbered （1） under a task, an office's name broken
before its suffix, and a month in Chinese numerals."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from tests.conftest import write_table
from tests.test_table_eighth import read_xlsx


def _targets(read, code: str) -> list[tuple]:
    return sorted((v, u) for _, v, u in read[code].targets)


def test_a_deadline_printed_in_the_tasks_words_is_its_deadline(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "项目名称", "工作任务", "牵头单位", "完成时限"],
        ["1", "新建学校", "新建学校2所,2025年完成。", "市教育局", None],
        ["2", "建设公园", "建设公园3个,2024年底前建成。", "市住建局", ""],
        ["3", "学校提质", "2024年完成甲校建设,2025年全面完成。", "市教育局", None],
        ["4", "改造道路", "改造道路5条", "市交通局", "2024年10月"],
        ["5", "年度考核", "完成2023年度考核", "市统计局", None],
    ], year=2024)
    assert read["1"].deadline == date(2025, 12, 31)
    assert read["2"].deadline == date(2024, 12, 31)
    assert read["3"].deadline == date(2025, 12, 31)
    assert read["3"].checkpoints == [date(2024, 12, 31), date(2025, 12, 31)]  # the step before the last is a checkpoint
    assert read["4"].deadline == date(2024, 10, 31)
    assert read["5"].deadline is None  # a year naming what is done, not when
    titles_only = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["1", "新建学校2所,2025年完成", "市教育局"],
        ["2", "建设公园3个,2024年底前建成", "市住建局"],
        ["3", "改造道路5条", "市交通局"],
    ], year=2024)
    assert [titles_only[code].deadline for code in "123"] == [date(2025, 12, 31), date(2024, 12, 31), None]


def test_a_share_in_brackets_is_the_target_only_where_it_names_the_tables_own_place(tmp_path):
    own = read_xlsx(tmp_path, [
        ["序号", "项目名称", "工作任务", "牵头单位"],
        ["1", "建设品质县中10所(其中甲县4所)", "建设品质县中4所", "市教育局"],
        ["2", "新增学位5000个(其中甲县1200个)", "新增学位1200个", "市教育局"],
        ["3", "新建公园3个", "新建公园3个", "市住建局"],
    ], year=2024)
    assert _targets(own, "1") == [(4, "所")]  # the place whose share each item gives as its own is the table's: its part
    assert _targets(own, "2") == [(1200, "个")]
    assert _targets(own, "3") == [(3, "个")]
    other = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["1", "建设公园10个(其中城区4个)", "市住建局"],
        ["2", "新增学位5000个", "市教育局"],
    ], year=2024)
    assert (10, "个") in _targets(other, "1")  # a part named once is a breakdown: the whole is the target
    titled = read_xlsx(tmp_path, [
        ["乙市2024年民生实事项目"],
        ["序号", "工作任务", "牵头单位"],
        ["1", "建设品质县中10所(其中乙市4所)", "市教育局"],
        ["2", "新增学位5000个", "市教育局"],
    ], year=2024)
    assert _targets(titled, "1") == [(4, "所")]  # the place the title names is the table's own


def test_one_figure_for_several_indicators_joined_by_jun_is_a_target_of_each(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["1", "城镇居民人均可支配收入、农民人均纯收入均增长12%以上。", "市发改委"],
        ["2", "参保率和覆盖率均达到90%", "市人社局"],
        ["3", "农村居民人均收入增长8%", "市农业局"],
    ])
    assert _targets(read, "1") == [(12, "%"), (12, "%")]
    assert _targets(read, "2") == [(90, "%"), (90, "%")]
    assert _targets(read, "3") == [(8, "%")]  # 人均 is no 均


def test_deng_between_two_units_separates_them(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位", "责任单位"],
        ["1", "新建学校2所", "市教育局", "省农业厅等省直有关部门、省财政厅"],
        ["2", "建设公园3个", "市住建局", "市民政局等"],
        ["3", "改造道路5条", "市交通局", "市等级评定中心"],
        ["4", "新增岗位5个", "市人社局", "市财政局等有关单位"],
        ["5", "新建公厕9座", "市城管局", "市教育局、市公安局等8个部门"],
    ])
    assert read["1"].units == {"省农业厅", "省直有关部门", "省财政厅"}
    assert read["2"].units == {"市民政局"}
    assert read["3"].units == {"市等级评定中心"}  # 等 inside a name stays
    assert read["4"].units == {"市财政局"}  # close47: the closing 等有关单位 is no unit, as the corpus reads it (was: kept)
    assert read["5"].units == {"市教育局", "市公安局"}  # 等 and how many others: no unit of their own


def test_sub_items_numbered_in_brackets_under_a_numbered_task_are_its_parts(tmp_path):
    in_column = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["1.", "新建学校2所", "市教育局"],
        ["（1）", "新建小学1所", "市教育局"],
        ["（2）", "新建中学1所", "市财政局"],
        ["2.", "建设公园3个", "市住建局"],
        ["3.", "改造道路5条", "市交通局"],
    ])
    in_text = read_xlsx(tmp_path, [
        ["工作任务", "牵头单位"],
        ["1.新建学校2所", "市教育局"],
        ["（1）新建小学1所", "市教育局"],
        ["（2）新建中学1所", "市财政局"],
        ["2.建设公园3个", "市住建局"],
        ["3.改造道路5条", "市交通局"],
    ])
    for read in (in_column, in_text):
        assert sorted(read) == ["1", "2", "3"]
        assert read["1"].title == "新建学校2所"
        assert read["1"].lead_units == {"市教育局", "市财政局"}  # each part's office answers for task 1
        assert (1, "所") in {(v, u) for _, v, u in read["1"].targets}
        assert read["2"].title == "建设公园3个"
        assert read["2"].lead_units == {"市住建局"}
        assert read["3"].title == "改造道路5条"
    numbered_so = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["（1）", "新建学校2所", "市教育局"],
        ["（2）", "新建小学1所", "市教育局"],
    ])
    assert sorted(numbered_so) == ["1", "2"]  # numbered in brackets throughout: tasks, no parts


def test_a_refused_xlsx_cell_in_the_first_column_is_named_by_its_letter(tmp_path):
    """A row the reader cannot take names its column by the letter the workbook shows (a number printed twice is read,
    and said, since refuse46: a 序号 that is no number refuses a table with no other row)."""
    path = tmp_path / "t.xlsx"
    write_table(path, [["序号", "工作任务", "牵头单位"], ["①", "新建学校2所", "市教育局"]])
    with pytest.raises(InputError) as refused:
        convert_table(path, "x-2023", 2023)
    assert str(refused.value).endswith("row 2, column A (序号): '①' is not a task number"), str(refused.value)


def test_an_offices_name_broken_before_its_suffix_is_one_unit(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["1", "新建学校2所", "市住房和城乡\n建设局"],
        ["2", "建设公园3个", "湘江新区\n管委会"],
        ["3", "改造道路5条", "市交通局\n市财政局"],
        ["4", "新增岗位5个", "岳麓区\n望城区"],
    ])
    assert read["1"].lead_units == {"市住房和城乡建设局"}
    assert read["2"].lead_units == {"湘江新区管委会"}
    assert read["3"].lead_units == {"市交通局", "市财政局"}
    assert read["4"].lead_units == {"岳麓区", "望城区"}  # two places, each a whole name


def test_a_month_in_chinese_numerals_alone_is_a_deadline(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位", "完成时限"],
        ["1", "新建学校2所", "市教育局", "六月"],
        ["2", "建设公园3个", "市住建局", "十二月"],
        ["3", "改造道路5条", "市交通局", "六月底前"],
    ], year=2024)
    assert read["1"].deadline == date(2024, 6, 30)
    assert read["2"].deadline == date(2024, 12, 31)
    assert read["3"].deadline == date(2024, 6, 30)
