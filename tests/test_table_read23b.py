"""Issue 13, read23b: the list reader's leftovers, each rule on a small synthetic case: a "1." list keeps the rules of
a "一、" list (two items with a figure and an office each are a list; an item numbered on after the closing sections is
kept)."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table

from .conftest import write_page

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
