"""Issue 13, read20a: the thirteenth held-out set's losses (half a), each rule on a small synthetic case: an item
numbered "五、" among "一、"… items of a list with no header, a blank 牵头单位 cell beside the row's own 责任单位 in a
text export, and a standard per person printed without its currency ("1500/人")."""

from __future__ import annotations

import pytest

from mstrack.sources.table import convert_table
from mstrack.sources.table.mentions import find_mentions

from .conftest import convert_written, write_page

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


# --- 2. a blank lead cell beside the row's own units, in a file that cannot merge cells -------------------------------

HEADER = ["序号", "工作任务", "牵头单位", "责任单位"]


@pytest.mark.parametrize("name", ["plan.csv", "plan.tsv"])
def test_a_blank_lead_beside_own_units_leaves_the_units_leading(tmp_path, name):
    conversion = convert_written(tmp_path, name, [HEADER, ["1", "规范政府举债行为", "县财政局", "县发改委、县审计局"],
                                                  ["2", "开展非法金融活动专项整治", "", "县金融办"]])
    lines = {task.code: [(line.lead_units, line.units) for line in task.lines] for task in conversion.programme.tasks}
    assert lines == {"1": [(["县财政局"], ["县发改委", "县审计局"])], "2": [(["县金融办"], [])]}
    assert any("县金融办" in str(doubt) and "县财政局" in str(doubt) for doubt in conversion.doubts)  # the other reading named


def test_a_blank_lead_beside_units_repeated_from_above_is_the_merged_lead(tmp_path):
    """The same units as the row above, the lead blank: the block is the row above's, its lead written once."""
    conversion = convert_written(tmp_path, "plan.csv", [HEADER, ["1", "规范政府举债行为", "县财政局", "县发改委、县审计局"],
                                                        ["2", "化解存量债务", "", "县发改委、县审计局"]])
    lines = {task.code: [line.lead_units for line in task.lines] for task in conversion.programme.tasks}
    assert lines == {"1": [["县财政局"]], "2": [["县财政局"]]}
    assert any("县财政局" in str(doubt) for doubt in conversion.doubts)


def test_blank_lead_and_units_are_filled_from_above(tmp_path):
    conversion = convert_written(tmp_path, "plan.csv", [HEADER, ["1", "规范政府举债行为", "县财政局", "县发改委、县审计局"],
                                                        ["2", "化解存量债务", "", ""]])
    lines = {task.code: [line.lead_units for line in task.lines] for task in conversion.programme.tasks}
    assert lines == {"1": [["县财政局"]], "2": [["县财政局"]]}


def test_a_blank_lead_in_a_workbook_is_read_as_before(tmp_path):
    """A workbook keeps its merges: a blank lead cell is the table's own, the units named lead (unchanged)."""
    conversion = convert_written(tmp_path, "plan.xlsx", [HEADER, ["1", "规范政府举债行为", "县财政局", "县发改委、县审计局"],
                                                         ["2", "开展非法金融活动专项整治", "", "县金融办、县公安局"]])
    lines = {task.code: [(line.lead_units, line.units) for line in task.lines] for task in conversion.programme.tasks}
    assert lines["2"] == [(["县金融办", "县公安局"], [])]


# --- 3. a standard per person printed without its currency --------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "unit"), [
    ("对符合条件的毕业生按1500/人的标准发放求职创业补贴", 1500, "/人"),
    ("按300/户的标准发放取暖补贴", 300, "/户"),
    ("按2万/年的标准给予运营补助", 20000, "/年"),
    ("按1500元/人的标准发放补贴", 1500, "元/人"),  # with its currency, as before
])
def test_a_figure_before_per_person_is_a_standard(text, value, unit):
    assert [(m.value, m.unit) for m in find_mentions(text, 2024)] == [(value, unit)]


@pytest.mark.parametrize("text", ["完成率达到2/3", "于2024/12完成", "3/4的社区"])
def test_a_fraction_or_a_date_is_no_standard(text):
    assert [m.unit for m in find_mentions(text, 2024) if m.unit.startswith("/")] == []
