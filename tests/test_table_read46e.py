"""A 分工 notice's topics (issue 13, read46e): sub-items "一是…" under a numbered topic "1.…专题：", a label naming no
column ("要点：") between an item's name and its 责任单位, "时间要求" as the deadline's label, one date per outlet in it
("A，5月10日；B，5月8日至5月12日"), and items that name topics, not work, read because each names its own offices."""

from datetime import date
from pathlib import Path

import pytest

from mstrack.errors import InputError
from mstrack.sources.table.columns import column_kind
from mstrack.sources.table.list_labels import content_label
from mstrack.sources.table.list_numbered import entry_of
from mstrack.sources.table.list_subitems import sub_items
from mstrack.sources.table.reading import Row
from mstrack.sources.table.schedule import outlet_dates, parse_deadline
from tests.conftest import convert_written

NO_HEADER = "no header row found"


def convert(tmp_path: Path, lines: list[str], year: int = 2024):
    return convert_written(tmp_path, "list.csv", [[line] for line in lines], year)


def checkpoints(task) -> list[date]:
    """The dates of a task's checkpoints, the deadline apart."""
    return sorted({c.due for line in task.lines for c in line.checkpoints} - {task.deadline})


# --- 时间要求 --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["时间要求", "完成时间要求"])
def test_a_time_requirement_names_the_deadline(name):
    assert column_kind(name, 2024).kind == "deadline"


def test_a_requirement_without_time_names_no_deadline():
    assert column_kind("工作要求", 2024).kind != "deadline"


# --- one date per outlet ------------------------------------------------------------------------

PER_OUTLET = "县报，5月15日；县电视台，5月8日至5月12日；县网站，5月10日"


def test_one_date_per_outlet_is_due_at_the_latest_a_spans_end_counting():
    assert parse_deadline(PER_OUTLET, 2024) == date(2024, 5, 15)
    assert parse_deadline("县报，5月9日；县电视台，5月8日至5月20日", 2024) == date(2024, 5, 20)


def test_one_date_per_outlet_lists_every_date_a_span_both_its_days():
    assert [due for _, due, _ in outlet_dates(PER_OUTLET, 2024)] == [
        date(2024, 5, 8), date(2024, 5, 10), date(2024, 5, 12), date(2024, 5, 15)]


@pytest.mark.parametrize("text", ["5月8日至5月12日", "6月底前开工，11月底前完工", "县报，5月15日", "12月底"])
def test_one_date_or_one_part_is_no_list_of_outlets(text):
    assert outlet_dates(text, 2024) == []


def test_a_time_requirement_column_of_dates_per_outlet_gives_the_deadline_and_checkpoints(tmp_path):
    rows = "序号,工作任务,责任单位,时间要求\n" \
           f"1,水库安全宣传,县水利局,{PER_OUTLET}\n" \
           "2,山洪防御宣传,县应急局,县报，5月16日；县电视台，5月8日至5月20日\n"
    tasks = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert [t.deadline for t in tasks] == [date(2024, 5, 15), date(2024, 5, 20)]
    assert [checkpoints(t) for t in tasks] == [[date(2024, 5, 8), date(2024, 5, 10), date(2024, 5, 12)],
                                             [date(2024, 5, 8), date(2024, 5, 16)]]


# --- a label naming no column between the name and the offices -----------------------------------


def test_a_content_label_ends_the_items_name():
    assert content_label("水库安全专题：要点：水库巡查、险情处置等") == ("水库安全专题", "水库巡查、险情处置等")
    assert content_label("水库巡查。要点：险情处置等") == ("水库巡查", "险情处置等")


@pytest.mark.parametrize("text", ["新建幼儿园3所", "会议时间：5月10日", "联系人：张三", "水库安全专题："])
def test_words_without_a_content_label_are_whole(text):
    assert content_label(text) is None


# --- the notice ----------------------------------------------------------------------------------

HEAD = ["关于做好全县防汛宣传报道分工的通知", "各乡镇，县直各单位：", "现将分工通知如下："]
TAIL = ["县人民政府办公室", "2024年5月1日"]
TOPICS = [
    "1.水库安全专题：要点：水库巡查、险情处置等。责任单位：县水利局。时间要求：县报，5月15日；县电视台，5月8日至5月12日；县网站，5月10日。",
    "2.山洪防御专题：要点：预警发布、群众转移等。责任单位：县应急局、县气象局。时间要求：县报，5月16日；县电视台，5月8日至5月12日；县网站，5月10日。",
    "3.城市内涝专题：要点：排水管网、易涝点改造等。责任单位：县住建局。时间要求：县报，5月17日；县电视台，5月13日至5月19日；县网站，5月10日。",
]


def read(tmp_path: Path, lines: list[str]) -> list[tuple]:
    """(code, title, lead units, deadline) of each task of the notice's lines, between its head and its signature."""
    tasks = convert(tmp_path, [*HEAD, *lines, *TAIL]).programme.tasks
    return [(t.code, t.title, t.lines[0].lead_units, t.deadline) for t in tasks]


def test_topics_that_each_name_their_offices_are_read_as_items(tmp_path):
    assert read(tmp_path, TOPICS) == [("1", "水库安全专题", ["县水利局"], date(2024, 5, 15)),
                                      ("2", "山洪防御专题", ["县应急局"], date(2024, 5, 16)),
                                      ("3", "城市内涝专题", ["县住建局"], date(2024, 5, 19))]
    tasks = convert(tmp_path, [*HEAD, *TOPICS, *TAIL]).programme.tasks
    assert checkpoints(tasks[0]) == [date(2024, 5, 8), date(2024, 5, 10), date(2024, 5, 12)]
    assert not [i for t in tasks for line in t.lines for i in line.indicators]


def test_topics_with_no_office_of_their_own_stay_refused(tmp_path):
    lines = [line.split("责任单位")[0] for line in TOPICS]
    with pytest.raises(InputError, match=NO_HEADER):
        convert(tmp_path, [*HEAD, *lines, *TAIL])


SUB_ITEMS = [
    "1.水利专题：",
    "一是水库安全。要点：水库巡查等。责任单位：县水利局。时间要求：县报，5月15日；县网站，5月10日。",
    "二是山洪防御。要点：预警发布等。责任单位：县应急局。时间要求：县报，5月16日；县网站，5月10日。",
    "2.城建专题：",
    "一是城市内涝。要点：排水管网等。责任单位：县住建局。时间要求：县报，5月17日；县网站，5月10日。",
    "3.交通专题：要点：道路抢通等。责任单位：县交通局。时间要求：县报，5月18日；县网站，5月10日。",
]


def test_sub_items_under_a_topic_go_by_both_numbers_as_printed(tmp_path):
    assert read(tmp_path, SUB_ITEMS) == [("1一", "水库安全", ["县水利局"], date(2024, 5, 15)),
                                         ("1二", "山洪防御", ["县应急局"], date(2024, 5, 16)),
                                         ("2一", "城市内涝", ["县住建局"], date(2024, 5, 17)),
                                         ("3", "交通专题", ["县交通局"], date(2024, 5, 18))]


def test_a_topic_over_sub_items_is_their_area_by_its_printed_number(tmp_path):
    areas = convert(tmp_path, [*HEAD, *SUB_ITEMS, *TAIL]).programme.areas
    assert [(a.code, a.name) for a in areas] == [("1", "水利专题"), ("2", "城建专题")]


def test_a_group_heading_after_the_topics_stays_within_the_section_above_them(tmp_path):
    lines = ["二、专题分工", "（一）汛前", *SUB_ITEMS[:5], "（二）汛中", SUB_ITEMS[5]]
    areas = convert(tmp_path, [*HEAD, *lines, *TAIL]).programme.areas
    assert [a.code for a in areas] == ["二", "二(一)", "1", "2", "二(二)"]


GROUP_PARTS = ["2024年城市建设民生实事项目实施方案", "一、主要内容及职责分工",
               "（一）建设美丽乡村", "实施项目：完成村庄整治8个。", "责任单位：县住建局",
               "（二）打造完整社区", "实施项目：改造社区2个。", "责任单位：县民政局",
               "（三）市政提升工程",
               "1.排水管网", "实施项目：新建污水管网14条。", "责任单位：县城投公司",
               "2.雨水管网", "实施项目：新建雨水管网15条。", "责任单位：县城投公司",
               "3.供水管网", "实施项目：新建供水管道16条。", "责任单位：县自来水公司",
               "（四）增加城市停车场", "实施项目：新建停车场3个。", "责任单位：县交通局",
               "二、保障措施", "加强组织领导。", "县人民政府"]


def test_items_numbered_under_one_group_of_a_bracketed_list_stay_its_parts(tmp_path):
    """Labelled offices make items work whatever they name, but "1." "2." "3." under one "（三）" of a "(一)" list are
    that group's parts: the list is read whole, not the three parts alone."""
    tasks = convert(tmp_path, GROUP_PARTS).programme.tasks
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)1", "一(三)2", "一(三)3", "一(四)"]


def _kinds(lines: list[str]) -> list[str | None]:
    rows = [Row(k, [line]) for k, line in enumerate(lines, 1)]
    return [e.kind if e else None for e in sub_items(rows, [entry_of(row) for row in rows])]


def test_a_topics_sub_items_each_naming_their_offices_are_read():
    assert _kinds(SUB_ITEMS[:3]) == ["item", "sub", "sub"]


@pytest.mark.parametrize("lines", [
    ["1.水利专题：要点：水库巡查等。责任单位：县水利局。", SUB_ITEMS[1]],  # under an item of its own words
    ["1.水利专题：", "一是水库安全。二是山洪防御。"],  # points in one paragraph, no office
    ["1.水利专题：", SUB_ITEMS[2]],  # "二是" first: not in order from 一
    ["1.水利专题：", SUB_ITEMS[1], "二是山洪防御。"],  # the second names no office
])
def test_other_lines_opening_with_a_numeral_and_shi_are_no_sub_items(lines):
    assert "sub" not in _kinds(lines)
