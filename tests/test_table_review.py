"""Regressions a review found in the table reader's changes, one small synthetic table or cell each, every one seen
failing before its fix."""

from datetime import date

import pytest

from mstrack.errors import InputError
from mstrack.sources.table.mentions import find_mentions
from mstrack.sources.table.office_names import joined_names
from mstrack.sources.table.schedule import parse_deadline
from mstrack.sources.table.units import unit_names
from tests.conftest import convert_written


def _csv(tmp_path, text: str):
    return convert_written(tmp_path, "t.csv", text).programme


REGIONS = ["长沙市,新建城市社区养老服务设施20个,市民政局,2024年12月底", "株洲市,改造农村公路危桥15座,市交通运输局,2024年10月底",
           "湘潭市,新增公办幼儿园学位3000个,市教育局,2024年9月底"]


@pytest.mark.parametrize("header", ["序号,市州,,牵头单位,完成时限", "序号,地区,主要工作举措,责任单位,完成时限"])
def test_a_place_column_is_no_task_column_beside_an_item_column(tmp_path, header):
    """The item column's header blank, or a name the rules do not know: its texts, not the places, are the tasks."""
    programme = _csv(tmp_path, "\n".join([header, *(f"{k},{row}" for k, row in enumerate(REGIONS, 1))]) + "\n")
    assert [t.title for t in programme.tasks] == ["新建城市社区养老服务设施20个", "改造农村公路危桥15座", "新增公办幼儿园学位3000个"]


def test_a_place_column_alone_is_still_the_task_column(tmp_path):
    """Rows by region with no item text of their own: the place names are the rows' tasks (as before)."""
    programme = _csv(tmp_path, "序号,市州,责任单位,完成时限\n"
                               "1,长沙市,市民政局,2024年12月底\n"
                               "2,株洲市,市民政局,2024年10月底\n"
                               "3,湘潭市,市民政局,2024年9月底\n")
    assert [t.title for t in programme.tasks] == ["长沙市", "株洲市", "湘潭市"]


def test_a_place_column_beside_a_target_column_of_bare_figures_is_the_task_column(tmp_path):
    """目标任务(个) over bare figures is the rows' target, not their task: the place names are the tasks, each with its
    figure in 个. Before, no column was left for the tasks and the reader ended in a KeyError traceback."""
    programme = _csv(tmp_path, "序号,市州,目标任务(个),责任单位,完成时限\n"
                               "1,长沙市,20,市民政局,2024年12月底\n"
                               "2,株洲市,15,市民政局,2024年12月底\n"
                               "3,湘潭市,10,市民政局,2024年12月底\n")
    assert [t.title for t in programme.tasks] == ["长沙市", "株洲市", "湘潭市"]
    assert [(i.target, i.unit) for t in programme.tasks for line in t.lines for i in line.indicators] == [
        (20, "个"), (15, "个"), (10, "个")]


def test_rows_with_no_task_text_are_refused_by_place_not_with_a_traceback(tmp_path):
    """Two rows by region: too few to tell places from items, so no column holds the tasks; the refusal names the
    row and its 序号 column (a KeyError before)."""
    with pytest.raises(InputError) as refused:
        _csv(tmp_path, "序号,市州,目标任务(个),责任单位,完成时限\n1,长沙市,20,市民政局,2024年12月底\n2,株洲市,15,市民政局,2024年12月底\n")
    assert str(refused.value).endswith("t.csv: row 2, column 1 (序号): task 1 has no text"), str(refused.value)


INVESTMENT = "序号,项目名称,总投资(万元),年度投资(万元),{extra}责任单位,完成时限\n"


@pytest.mark.parametrize("extra, heading", [("", ("52000,12000,", "8000,3000,")),
                                            ("建设内容,", ("52000,12000,,", "8000,3000,共2项,"))])
def test_a_numbered_group_heading_with_a_subtotal_is_no_task(tmp_path, extra, heading):
    blank = "," if extra else ""
    programme = _csv(tmp_path, INVESTMENT.format(extra=extra)
                     + f"一,城市建设类,{heading[0]},\n"
                     + f"1,改造老旧小区12个,30000,8000,{blank}市住建局,2024年11月底\n"
                     + f"2,新建停车位500个,22000,4000,{blank}市城管局,2024年10月底\n"
                     + f"二,教育类,{heading[1]},\n"
                     + f"3,新建幼儿园3所,8000,3000,{blank}市教育局,2024年8月底\n")
    assert [a.name for a in programme.areas] == ["城市建设类", "教育类"]
    assert [t.title for t in programme.tasks] == ["改造老旧小区12个", "新建停车位500个", "新建幼儿园3所"]


@pytest.mark.parametrize("cell, joined", [
    ("长沙市\n教育局", "长沙市教育局"), ("浏阳市\n人民政府", "浏阳市人民政府"),
    ("湖南省\n住房和城乡建设厅", "湖南省住房和城乡建设厅"), ("各区县市\n人民政府", "各区县市人民政府"),
    ("各区县市\n市直各单位", "各区县市\n市直各单位"), ("长沙市\n长沙县", "长沙市\n长沙县"),
    ("长沙市\n中国电信", "长沙市\n中国电信"),
])
def test_a_name_broken_after_its_place_is_one_name(cell, joined):
    assert joined_names(cell) == joined


@pytest.mark.parametrize("cell, joined", [
    ("中国电信\n市通信管理局", "中国电信\n市通信管理局"),
    ("中国移动\n中国电信\n市工业和信息化局", "中国移动\n中国电信\n市工业和信息化局"),
    ("市人力资源\n社会保障局", "市人力资源社会保障局"), ("长沙\n先导\n区管委会", "长沙先导区管委会"),
    ("市政\n府办\n公厅", "市政府办公厅"), ("市\n监\n察\n局", "市监察局"),
])
def test_a_line_of_four_characters_that_ends_like_no_office_is_a_name_of_its_own(cell, joined):
    assert joined_names(cell) == joined


@pytest.mark.parametrize("unit, names", [
    ("市公安局和平分局", ["市公安局和平分局"]), ("岳麓区和市直相关单位", ["岳麓区", "市直相关单位"]),
    ("市住房和城乡建设局", ["市住房和城乡建设局"]), ("市教育局和各区县市人民政府", ["市教育局", "各区县市人民政府"]),
])
def test_units_are_split_at_he_only_where_both_sides_are_names(unit, names):
    assert unit_names(unit) == names


@pytest.mark.parametrize("text", ["开展3轮农户走访", "畅通12345住户诉求渠道", "完成2024农户信息采集"])
def test_a_number_is_no_count_of_households_across_a_measure_word_or_as_a_code(text):
    assert [(m.value, m.unit) for m in find_mentions(text, 2024)] == []


@pytest.mark.parametrize("text, found", [("转移就业5000农村劳动力", (5000, "人")), ("帮扶300困难农户", (300, "户")),
                                         ("覆盖3万农村人口", (30000, "人"))])
def test_a_count_before_a_described_noun_is_still_read(text, found):
    assert [(m.value, m.unit) for m in find_mentions(text, 2024)] == [found]


@pytest.mark.parametrize("text, due", [
    ("二〇二四年六月至十二月", date(2024, 12, 31)), ("2024年6月至12月", date(2024, 12, 31)),
    ("2024年六月", date(2024, 6, 30)), ("六月底前", date(2024, 6, 30)), ("力争十月底前完成", date(2024, 10, 31)),
    ("2024年三月—五月", date(2024, 5, 31)),
])
def test_a_month_in_chinese_numerals_is_read_wherever_it_is_printed(text, due):
    assert parse_deadline(text, 2024) == due


def test_a_chinese_numeral_before_yue_in_item_text_is_no_date():
    assert parse_deadline("三月街改造", 2024) is None
