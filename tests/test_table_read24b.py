"""The fifteenth held-out set's losses, half b: rules in general form, each with a small synthetic case."""

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from mstrack.sources.table.likeness import another_thing
from mstrack.sources.table.mentions import find_mentions
from mstrack.sources.table.reading import clean_cell

from .conftest import convert_written, write_page


def test_a_decimal_figure_with_a_thousands_space_is_one_figure():
    assert clean_cell("用地面积为7 165.96平方米,建筑面积4 286.2平方米") == "用地面积为7165.96平方米,建筑面积4286.2平方米"
    assert clean_cell("新增1 500个车位") == "新增1500个车位"
    assert clean_cell("2024年 3.5亿元") == "2024年 3.5亿元"  # a year and a decimal figure after a space: two figures


def _second_is_another_thing(text: str) -> bool:
    first, then = find_mentions(text, 2025)
    return another_thing(then, [first], text)


def test_the_same_count_twice_after_a_joint_each_with_its_noun_is_two_targets():
    assert _second_is_another_thing("新建一幢食堂和一幢配套配电房")
    assert _second_is_another_thing("改造2个公园及2个广场")
    assert not _second_is_another_thing("建成一个医疗服务网格、一个门诊查询码")  # a list's parts, no joint: one target
    assert not _second_is_another_thing("新建2个口袋公园,其中2个社区公园")  # a part with its whole


# --- items "(N)" under a group heading "一、": the group's numeral and the printed number ----------------------------

LABELLED = ["", "主办单位", "协办单位"]


def _codes(tmp_path, name, rows) -> list[str]:
    return [t.code for t in convert_written(tmp_path, name, rows).programme.tasks]


def test_bracketed_items_under_a_numbered_group_take_its_numeral(tmp_path):
    """"(1)…" in the item's words under "一、人居环境提升工程": 一(1), as "(一)" under "一、" is 一(一)."""
    rows = [LABELLED, ["一、人居环境提升工程"] * 3,
            ["(1)实施老旧小区改造提升。", "县城投公司", "住建局、凤城镇。"],
            ["(2)建设民俗公园。", "住建局", "凤城镇。"],
            ["(3)修复南路西侧片区路网。", "县城投公司", "住建局。"]]
    assert _codes(tmp_path, "one.xlsx", rows) == ["一(1)", "一(2)", "一(3)"]
    again = [*rows, ["二、教育提升工程"] * 3, ["(1)新建幼儿园3所。", "教育局", "住建局。"], ["(2)改造操场5个。", "教育局", "住建局。"]]
    assert _codes(tmp_path, "again.xlsx", again) == ["一(1)", "一(2)", "一(3)", "二(1)", "二(2)"]


def test_bracketed_items_numbered_on_across_groups_keep_their_number(tmp_path):
    """"(1)" "(2)" under 一、 and "(3)" "(4)" under 二、: numbered on across the headings, the number alone."""
    rows = [LABELLED, ["一、人居环境提升工程"] * 3,
            ["(1)实施老旧小区改造提升。", "县城投公司", "住建局。"], ["(2)建设民俗公园。", "住建局", "凤城镇。"],
            ["二、教育提升工程"] * 3, ["(3)新建幼儿园3所。", "教育局", "住建局。"], ["(4)改造操场5个。", "教育局", "住建局。"]]
    assert _codes(tmp_path, "on.xlsx", rows) == ["1", "2", "3", "4"]


# --- a news page's paragraphs "(1)…(N)", announced by a sentence that names the programme ----------------------------

NEWS = "11月28日,某县人民代表大会第一次会议隆重开幕,县长代表县人民政府向大会作政府工作报告。报告指出,2023年县政府将重点抓好4件民生实事:"
ITEMS = ["(1)新建幼儿园3所,新增学位900个。", "(2)改造老旧小区10个。", "(3)实施全民健身中心项目。", "(4)硬化村组道路86.2公里。"]


def test_paragraphs_numbered_in_brackets_under_an_announcing_sentence_are_the_list(tmp_path):
    """No title, no office: the sentence before the colon names the programme; the editor's line is no item."""
    page = write_page(tmp_path / "news.html", [NEWS, *ITEMS, "(天水在线编辑:张三)"])
    tasks = convert_table(page, "x-2023", 2023).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("1", "新建幼儿园3所,新增学位900个。"), ("2", "改造老旧小区10个。"),
                                                  ("3", "实施全民健身中心项目。"), ("4", "硬化村组道路86.2公里。")]
    titled = write_page(tmp_path / "titled.html", [NEWS, *ITEMS], title="某县2023年4件民生实事")
    assert [t.code for t in convert_table(titled, "x-2023", 2023).programme.tasks] == ["1", "2", "3", "4"]


def test_a_meeting_page_whose_colon_names_no_programme_stays_unread(tmp_path):
    """The same paragraphs under a sentence that names no programme ("会议强调:"): a meeting's points, refused."""
    news = NEWS.replace("报告指出,2023年县政府将重点抓好4件民生实事:", "会议强调:")
    page = write_page(tmp_path / "meeting.html", [news, *ITEMS])
    with pytest.raises(InputError, match="no table found"):
        convert_table(page, "x-2023", 2023)


def test_people_counted_as_群众_are_counted_in_人():
    """"让54.13万群众喝上…": 541300 人, as "人口" and "劳动力" are counted."""
    assert [(m.value, m.unit) for m in find_mentions("让54.13万群众喝上甘甜的洮河水", 2022)] == [(541300, "人")]
