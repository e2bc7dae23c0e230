"""Issue 13, read22b: the fourteenth held-out set's losses (b), each rule on a small synthetic case: a growth rate
against last year ("比上年增长9%左右") is the year's target; a column with an empty header left of the labelled ones
holding short names is the item column, and numbered lines inside a cell are the item's parts, not task numbers; a
programme's numbered items with figures and no office are a list."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from mstrack.sources.table.mentions import find_mentions

from .conftest import convert_written, write_page

# --- 1. a growth rate against last year is the year's target -----------------------------------------------------------


def test_a_growth_rate_on_last_year_is_a_target():
    assert [(m.value, m.unit) for m in find_mentions("地区生产总值比上年增长9%左右。", 2021)] == [(9, "%")]
    assert [(m.value, m.unit) for m in find_mentions("居民收入较去年同期提高6.5%。", 2021)] == [(6.5, "%")]


def test_last_year_s_level_is_still_no_target():
    """"上年完成30亿元" is last year's figure; "比上年增加11.2亿元" an amount beside the year's own figure."""
    assert find_mentions("上年完成投资30亿元。", 2021) == []
    assert [(m.value, m.unit) for m in find_mentions("省安排补助资金61.7亿元,比上年增加11.2亿元。", 2021)] == [(61.7e8, "元")]


# --- 2. an unlabelled column of short names is the item column; numbered lines in a cell are the item's parts -----------

ACTIONS = [["", "市定任务(2024年度)", "工作进展情况"],
           ["(一)就业促进行动", "1、充分就业社区创建18个;\n2、新增技能人才2400人;",
            "1、充分就业社区创建18个,已完成。\n2、新增技能人才2450人。"],
           ["(二)老年助餐行动", "1、城市老年食堂8个;\n2、农村老年食堂15个;", "1、新增城市老年食堂8个。\n2、新增农村老年食堂15个。"],
           ["(三)安心托幼行动", "1、新增托位数900个;\n2、新增公办园学位900个;", "1、新增托位数506个。\n2、新增公办园学位990个。"]]


def _items(programme) -> list[tuple[str, list[tuple[str, float]]]]:
    return [(t.title, [(i.name, i.target) for line in t.lines for i in line.indicators]) for t in programme.tasks]


def test_numbered_names_beside_numbered_lines_are_the_items(tmp_path):
    programme = convert_written(tmp_path, "actions.xlsx", ACTIONS).programme
    assert _items(programme) == [
        ("就业促进行动", [("充分就业社区创建", 18), ("新增技能人才", 2400)]),
        ("老年助餐行动", [("城市老年食堂", 8), ("农村老年食堂", 15)]),
        ("安心托幼行动", [("新增托位数", 900), ("新增公办园学位", 900)])]


# --- 3. a programme's numbered items, each an action's name and its work, are a list -----------------------------------

PROMISED = "区长在区人民代表大会第一次会议上作政府工作报告时表示,2024年,区政府将努力为民办好五件实事:"


def test_items_named_by_an_action_before_their_work_are_a_list(tmp_path):
    """"有效改善居住条件。开展…完成465幢…": the first sentence names the action, the rest its work and figures; an
    introduction that promises the 实事 in a work report names the programme."""
    page = write_page(tmp_path / "list.html", [
        PROMISED, "1.有效改善居住条件。开展危旧房排查,完成老旧小区房屋改造85幢。", "2.大力整治大气污染。完成50家以上重点企业的治理工作。",
        "3.扎实推进分级诊疗。服务居民30万人以上。", "4.加大文体教育投入。建成6家公办幼儿园。"])
    programme = convert_table(page, "x-2024", 2024).programme
    assert [(t.code, [u for line in t.lines for u in line.lead_units], [(i.name, i.target) for line in t.lines
                                                                          for i in line.indicators]) for t in programme.tasks] \
        == [("1", ["（表中未列）"], [("老旧小区房屋改造", 85)]), ("2", ["（表中未列）"], [("重点企业", 50)]),
            ("3", ["（表中未列）"], [("服务居民", 300000)]), ("4", ["（表中未列）"], [("建成公办幼儿园", 6)])]


def test_sections_and_a_report_of_the_past_year_are_still_no_list(tmp_path):
    """"指导思想。…" is a section; a work report's review of the year ("过去一年…完成了") lists no programme."""
    page = write_page(tmp_path / "list.html", [
        "区长在区人民代表大会上作政府工作报告,回顾过去一年为民办好五件实事:", "1.有效改善居住条件。完成老旧小区房屋改造85幢。",
        "2.大力整治大气污染。完成50家重点企业的治理工作。", "3.扎实推进分级诊疗。服务居民30万人。"])
    with pytest.raises(InputError):
        convert_table(page, "x-2024", 2024)


def test_the_header_printed_again_leaves_the_item_column(tmp_path):
    """The header again at a page break is no row of the items' names."""
    programme = convert_written(tmp_path, "actions.xlsx", [*ACTIONS[:2], ACTIONS[0], *ACTIONS[2:]]).programme
    assert [title for title, _ in _items(programme)] == ["就业促进行动", "老年助餐行动", "安心托幼行动"]
