"""Issue 13, read23b: the list reader's leftovers, each rule on a small synthetic case: a "1." list keeps the rules of
a "一、" list (two items with a figure and an office each are a list; an item numbered on after the closing sections is
kept); a list cut short by its closing sections is refused saying what was found; label lines under "一、" items are
the items' own, as under "1." and "(一)" items; a heading over no item is said to be one; a line ending "——"
introduces the paragraphs under it."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table

from .conftest import import_table, write_page

TITLE = "XX县人民政府关于印发2024年民生实事项目的通知"


def _convert(tmp_path, paragraphs: list[str]):
    return convert_table(write_page(tmp_path / "list.html", [TITLE, *paragraphs], title=TITLE), "x-2024", 2024)


def _codes(conversion) -> list[str]:
    return [t.code for t in conversion.programme.tasks]


def _leads(task) -> list[str]:
    return [u for line in task.lines for u in line.lead_units]


# --- 1. a "1." list: two staffed items are a list; an item numbered on after the closing sections is kept -------------

def test_two_staffed_items_numbered_in_digits_are_a_list(tmp_path):
    conversion = _convert(tmp_path, ["1.新建幼儿园3所。（县教育局）", "2.改造老旧小区10个。（县住建局）", "县人民政府"])
    assert _codes(conversion) == ["1", "2"]
    assert [_leads(t) for t in conversion.programme.tasks] == [["县教育局"], ["县住建局"]]


def test_two_digit_items_without_offices_are_no_list(tmp_path):
    with pytest.raises(InputError, match="no table found"):
        _convert(tmp_path, ["1.新建幼儿园3所。", "2.改造老旧小区10个。", "县人民政府"])


def test_a_digit_item_after_a_closing_section_is_kept(tmp_path):
    conversion = _convert(tmp_path, [
        "1.新建幼儿园3所。（县教育局）", "2.改造老旧小区10个。（县住建局）", "3.新建公厕20座。（县城管局）",
        "4.加强组织领导。", "各单位要高度重视，明确专人负责。", "5.新建社区食堂10个。（县民政局）", "6.工作要求",
        "各乡镇要按月报送进展。"])
    assert _codes(conversion) == ["1", "2", "3", "5"]
    assert _leads(conversion.programme.tasks[-1]) == ["县民政局"]
    assert conversion.programme.tasks[-1].title.startswith("新建社区食堂")


# --- 2. one item, then the closing sections: the refusal says what it found ---------------------------------------------

ONE_ITEM = ["一、新建幼儿园3所。（县教育局）", "二、加强组织领导", "三、工作要求"]


def test_one_item_before_the_closing_sections_is_said(tmp_path):
    with pytest.raises(InputError, match=r"1 item \(“新建幼儿园3所。”\) before its closing sections \(“加强组织领导”、“工作要求”\)"):
        _convert(tmp_path, ONE_ITEM)


def test_the_cli_refuses_one_item_saying_what_it_found(tmp_path):
    page = write_page(tmp_path / "list.html", [TITLE, *ONE_ITEM], title=TITLE)
    run, out = import_table(page)
    assert run.exit_code == 2 and not out.exists() and run.exception is not None
    assert "1 item (“新建幼儿园3所。”) before its closing sections" in run.stderr and "Traceback" not in run.output
    run, _ = import_table(page, env={"MSTRACK_LANG": "zh"})
    assert run.exit_code == 2 and "收尾部分" in run.stderr, run.stderr


# --- 3. label lines under top-level "一、" items: the items' own, as under "（一）" ---------------------------------------

def test_label_lines_under_chinese_items_are_theirs(tmp_path):
    programme = _convert(tmp_path, [
        "一、新建第三中学", "建设地点：城东新区", "资金来源：地方政府专项债券2亿元", "牵头单位：县教育局", "完成时限：2024年12月底",
        "二、新建人民医院综合楼", "建设地点：县人民医院内", "牵头单位：县卫健委", "完成时限：2024年10月底",
        "三、改造农贸市场3个", "牵头单位：县商务局", "完成时限：2024年9月底"]).programme
    assert [(t.code, t.title) for t in programme.tasks] == [("一", "新建第三中学"), ("二", "新建人民医院综合楼"), ("三", "改造农贸市场3个")]
    assert [_leads(t) for t in programme.tasks] == [["县教育局"], ["县卫健委"], ["县商务局"]]
    assert [str(t.deadline) for t in programme.tasks] == ["2024-12-31", "2024-10-31", "2024-09-30"]
    assert "建设地点：城东新区" in str(programme.tasks[0].note) and "建设地点" not in str(programme.tasks[2].note)


def test_chinese_headings_over_prose_stay_no_list(tmp_path):
    """A plan's sections ("一、指导思想" and its prose) hold no label lines: still no list of tasks."""
    with pytest.raises(InputError, match="no table found"):
        _convert(tmp_path, ["一、指导思想", "以人民为中心，办好民生实事。", "二、工作目标", "全年办好十件实事。", "三、保障措施",
                            "加强组织领导。"])


# --- 4. a heading over no item: said what it is, not "numbered items" -------------------------------------------------

# the heading's own case: test_table_revfix16b.test_a_heading_that_heads_nothing_is_named ("row 3: a heading over no item")


def test_items_left_out_are_still_said_to_be_items(tmp_path):
    conversion = _convert(tmp_path, [
        "1.新建幼儿园3所。（县教育局）", "2.改造老旧小区10个。（县住建局）", "3.新建公厕20座。（县城管局）", "附：",
        "1.城区道路改造"])
    assert _codes(conversion) == ["1", "2", "3"]
    assert any("numbered items not read as tasks" in str(line) for line in conversion.doubts)


# --- 5. a line ending "——" introduces the list: it heads the paragraphs, no task itself ---------------------------------

@pytest.mark.parametrize("intro", ["今年重点办好以下10件实事——", "今年重点办好以下10件实事—", "今年重点办好以下10件实事："])
def test_a_line_ending_in_a_dash_introduces_the_paragraphs(tmp_path, intro):
    page = write_page(tmp_path / "list.html", ["各位代表：", intro, "新建幼儿园3所，新增学位1000个。",
                                               "改造老旧小区10个，新增停车位500个。", "新建公厕20座，改造农贸市场3个。"])
    programme = convert_table(page, "x-2024", 2024).programme
    assert [t.title for t in programme.tasks] == [
        "新建幼儿园3所，新增学位1000个。", "改造老旧小区10个，新增停车位500个。", "新建公厕20座，改造农贸市场3个。"]
