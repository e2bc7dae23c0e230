"""Issue 13, read20a: the thirteenth held-out set's losses (half a), each rule on a small synthetic case: an item
numbered "五、" among "一、"… items of a list with no header, a blank 牵头单位 cell beside the row's own 责任单位 in a
text export, and a standard per person printed without its currency ("1500/人")."""

from __future__ import annotations

import pytest

from mstrack.sources.table import convert_table

from .conftest import write_page

TITLE = "某县人民政府关于印发2024年为民办实事项目的通知"
INTRO = "县政府决定2024年为民办好以下实事,分别是:"
CLOSING = "请各单位认真组织实施,确保按时完成。"


def _tasks(conversion) -> dict[str, str]:
    return {task.code: task.title for task in conversion.programme.tasks}


# --- 1. a numbered item among numbered items is an item, with or without a figure -------------------------------------

def test_an_item_without_a_figure_among_numbered_items_is_a_task(tmp_path):
    page = write_page(tmp_path / "list.html", [TITLE, INTRO, "一、新建乡村公路20条,改善交通条件。",
                                               "二、提高城乡居民低保补助标准,解决困难群众生活问题。",
                                               "三、新建敬老院5个。", "四、改造小街小巷10条。", CLOSING], title=TITLE)
    conversion = convert_table(page, "x-2024", 2024)
    assert _tasks(conversion) == {"一": "新建乡村公路20条,改善交通条件。", "二": "提高城乡居民低保补助标准,解决困难群众生活问题。",
                                  "三": "新建敬老院5个。", "四": "改造小街小巷10条。"}
    assert conversion.programme.areas == []  # 二 is no heading of the items after it
    assert [line.lead_units for task in conversion.programme.tasks for line in task.lines] == [["（表中未列）"]] * 4


def test_headings_over_items_numbered_in_digits_stay_headings(tmp_path):
    """The rule is for items numbered "一、" with nothing between them: "一、…" over "1.…" items heads a group."""
    page = write_page(tmp_path / "list.html", [TITLE, INTRO, "一、促进就业", "1.新增城镇就业3000人。", "2.培训农民工500人次。",
                                               "二、社会保障", "3.新建敬老院5个。", "4.改造养老床位100张。", CLOSING], title=TITLE)
    conversion = convert_table(page, "x-2024", 2024)
    assert sorted(_tasks(conversion)) == ["1", "2", "3", "4"]
    assert [area.name for area in conversion.programme.areas] == ["促进就业", "社会保障"]


def test_a_list_of_numbered_requirements_is_still_no_programme(tmp_path):
    """Items with no figure and no office, most of them, are a notice's requirements: the list is not read."""
    page = write_page(tmp_path / "list.html", [TITLE, INTRO, "一、加强组织领导,明确工作责任。", "二、强化督促检查,确保工作落实。",
                                               "三、新建敬老院5个。", "四、做好宣传引导,营造良好氛围。", CLOSING], title=TITLE)
    with pytest.raises(Exception, match="no table found"):
        convert_table(page, "x-2024", 2024)
