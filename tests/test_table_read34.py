"""Issue 13, read34: the twenty-first set's refused lists, each rule on a small synthetic list: a project's name with
a phase bracket after 工程 ("…工程(一期)"), an item whose work opens or closes a later clause ("…攻坚,保障…",
"…,加工厂迁建") do work; items numbered 1、2、3、… in sequence inside one paragraph, parted by their stops, are a list;
two figures of one value for two things in one item are two targets."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table.list_work import does_work

from .conftest import convert_written, targets_of

# --- 1. a vote's list of project names ------------------------------------------------------------------------------

VOTE = """区第五届人民代表大会第五次会议于2020年5月21日表决确定区人民政府2020年民生实事项目6项:
1.决战决胜脱贫攻坚,保障全区约3000名低保对象的基本生活;
2.区妇幼保健院迁建工程(一期);
3.区综合养老服务机构;
4.食品安全检验,区肉类联合加工厂迁建;
5.路面改造工程（二期）;
6.智慧停车场项目。
现予公告。
"""


@pytest.mark.parametrize("item", ["区妇幼保健院迁建工程(一期)", "白云大道路面改造工程（二期）", "环境园二期项目(一期)",
                                  "决战决胜脱贫攻坚,保障全区约3000名低保对象的基本生活", "食品安全检验,区肉类联合加工厂迁建",
                                  "城区道路,新建人行天桥2座"])
def test_a_phase_bracket_or_a_later_clause_hides_no_work(item):
    assert does_work(item)


@pytest.mark.parametrize("item", ["区综合养老服务机构", "高度重视,统一思想", "会议时间(一期)"])
def test_a_name_or_a_slogan_alone_does_no_work(item):
    assert not does_work(item)


def test_a_votes_list_of_project_names_is_read(tmp_path):
    tasks = convert_written(tmp_path, "vote.txt", VOTE, 2020).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3", "4", "5", "6"]
    assert tasks[1].title == "区妇幼保健院迁建工程(一期);"  # as printed, its stop kept
    assert targets_of(tasks[0]) == [(3000, "名")]


# --- 2. items numbered in sequence inside one paragraph, parted by their stops ---------------------------------------

BREAKDOWN = ("市人民政府办公室关于分解落实《政府工作报告》的通知\n"
             "各县市区人民政府,市政府各部门: 现将《政府工作报告》确定的2009年全市主要目标和工作任务分解给你们,请认真抓好落实。"
             " 一、主要工作目标 1、地区生产总值增长11%(市发改委,各县市区政府)。 2、固定资产投资增长25%(市发改委,各县市区政府)。"
             " 3、城镇居民人均可支配收入增长8%(市发改委,市政府相关部门)。 4、人口自然增长率控制在6‰以内(市人口和计生委,各县市区政府)。\n")


def test_items_numbered_in_sequence_inside_one_paragraph(tmp_path):
    """No ";" parts the items: their numbers 1、2、3、4、 in sequence do, the notice and the heading before item 1 the
    words above the list; each item's bracket gives its lead office and its units."""
    tasks = convert_written(tmp_path, "breakdown.txt", BREAKDOWN, 2009).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3", "4"]
    assert [t.title for t in tasks[:2]] == ["地区生产总值增长11%", "固定资产投资增长25%"]
    assert [t.lines[0].lead_units for t in tasks] == [["市发改委"], ["市发改委"], ["市发改委"], ["市人口和计生委"]]
    assert targets_of(tasks[3]) == [(6, "‰")]


@pytest.mark.parametrize("text", [
    "关于召开会议的通知\n各单位: 会议定于5月1日召开。 1、请各单位按时参加。 2、请提前十分钟到场。 3、请关闭手机。\n",
    "2009年民生实事\n各单位: 1、地区生产总值增长11%。 3、固定资产投资增长25%。 5、城镇居民人均可支配收入增长8%。\n"])
def test_numbers_out_of_sequence_or_a_notices_points_stay_refused(tmp_path, text):
    """A meeting's points in one paragraph, or numbers that skip (1、3、5、): no list."""
    with pytest.raises(InputError):
        convert_written(tmp_path, "notice.txt", text, 2009)


# --- 4. the closing stop of a paragraph's last item -------------------------------------------------------------------

def test_the_paragraphs_closing_stop_goes_with_the_stops_between_its_items(tmp_path):
    """The last item of a paragraph parted by ";" loses the paragraph's closing "。" as the others lose their ";": the
    stop closes the paragraph, not the item (tests/test_table_left23a.py's and test_table_review6.py's reading; items
    read from lines of their own keep their stops as printed)."""
    text = ("2015年民生实事\n这十件民生实事分别是:新建幼儿园3所;改造农村公路20公里;新建公厕10座;"
            "全面啟動城鄉居民大病保險工作,有效提高重特大疾病保障水平。\n")
    tasks = convert_written(tmp_path, "news.txt", text, 2015).programme.tasks
    assert [t.title for t in tasks] == ["新建幼儿园3所", "改造农村公路20公里", "新建公厕10座",
                                           "全面啟動城鄉居民大病保險工作,有效提高重特大疾病保障水平"]


# --- 2b. one value for two things ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "figures"), [
    ("社会消费品零售总额增长16%以上,外贸出口增长12%,实际利用外资增长12%", [(12, "%"), (12, "%"), (16, "%")]),
    ("外贸出口增长12%,实际利用外资增长12%", [(12, "%"), (12, "%")]),
    ("新增就业5000人,确保新增就业不少于5000人", [(5000, "人")])])
def test_one_value_for_two_things_is_two_targets(tmp_path, words, figures):
    """Two figures of one value and bound, each after a subject and a verb of its own: two targets; the same words
    before a bare figure and a bounded one stay one."""
    task, = convert_written(tmp_path, "plan.csv", f'序号,工作任务,牵头单位\n1,"{words}",市商务局\n', 2009).programme.tasks
    assert targets_of(task) == figures


@pytest.mark.parametrize(("words", "figures"), [
    ("分别下降4.8%、3. 3%和1.4%", [(1.4, "%"), (3.3, "%"), (4.8, "%")]),
    ("分别下降4.8%、3.3%和1. 4%", [(1.4, "%"), (3.3, "%"), (4.8, "%")])])
def test_a_decimal_broken_by_a_space_in_a_list_of_figures(words, figures):
    """"4.8%、3. 3%": a copy's space inside a decimal after a list's mark, never an item's number (that follows a stop,
    a space or a line's start), is the decimal."""
    from mstrack.sources.table.mentions import find_mentions

    assert sorted((m.value, m.unit) for m in find_mentions(words, 2009)) == figures
