"""Issue 13, read20b: the thirteenth held-out set's losses (half b), each rule on a small synthetic case: a page of
paragraphs whose numbered items are each followed by a labelled paragraph ("责任单位：…", "完成时限：…"), numbered again
from "1." under each group's heading, under a title naming a 政府工作报告's 责任分解."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from mstrack.sources.table.numbering import in_area

from .conftest import write_page

TITLE = "2024年政府工作报告重点工作责任分解"
LIST = ["一、张三区长牵头重点工作", "1.新建幼儿园3所。", "责任单位:区教育局", "2.改造老旧小区10个。", "责任单位:区住建局、区财政局",
        "二、李四副区长牵头重点工作", "1.新增城镇就业3000人。", "责任单位:区人社局", "2.新建养老服务中心2个。", "责任单位:区民政局"]


def _read(tmp_path, paragraphs: list[str], title: str = TITLE):
    return convert_table(write_page(tmp_path / "list.html", [title, *paragraphs], title=title), "x-2024", 2024).programme


# --- 1. an item's labelled paragraph is a column of the item above ----------------------------------------------------

def test_items_each_followed_by_their_units_label_are_a_list(tmp_path):
    """Numbered again from 1. under each heading: both numbers, as printed ("一1"); the 责任单位 line the item's units
    (all who answer for it), the first leading; the heading naming a leader is the group, no office leading the items."""
    programme = _read(tmp_path, LIST)
    assert [(t.code, t.title, t.area) for t in programme.tasks] == [
        ("一1", "新建幼儿园3所。", "一"), ("一2", "改造老旧小区10个。", "一"), ("二1", "新增城镇就业3000人。", "二"),
        ("二2", "新建养老服务中心2个。", "二")]
    assert [(line.lead_units, line.units) for t in programme.tasks for line in t.lines] == [
        (["区教育局"], ["区教育局"]), (["区住建局"], ["区住建局", "区财政局"]), (["区人社局"], ["区人社局"]), (["区民政局"], ["区民政局"])]
    assert [area.name for area in programme.areas] == ["张三区长牵头重点工作", "李四副区长牵头重点工作"]


def test_other_labels_below_an_item_are_its_columns(tmp_path):
    """牵头单位 / 配合单位 / 完成时限, each a paragraph of its own under the item: the lead, the helpers, the deadline."""
    paragraphs = []
    for k, (work, lead, helper) in enumerate([("新建幼儿园3所。", "区教育局", "区财政局"), ("改造老旧小区10个。", "区住建局", "区发改局"),
                                              ("新建养老服务中心2个。", "区民政局", "区卫健局")], 1):
        paragraphs += [f"{k}.{work}", f"牵头单位:{lead}", f"配合单位:{helper}", "完成时限:2024年10月底前"]
    programme = _read(tmp_path, paragraphs)
    assert [t.code for t in programme.tasks] == ["1", "2", "3"]
    assert [(line.lead_units, line.units) for t in programme.tasks for line in t.lines] == [
        (["区教育局"], ["区财政局"]), (["区住建局"], ["区发改局"]), (["区民政局"], ["区卫健局"])]
    assert [t.deadline for t in programme.tasks] == [date(2024, 10, 31)] * 3


def test_a_label_above_the_list_is_no_item_column(tmp_path):
    """"发布单位：…" among the page's fields above the list: not joined to anything, the list read as without it."""
    programme = _read(tmp_path, ["发布单位:区政府办公室", *LIST])
    assert [t.code for t in programme.tasks] == ["一1", "一2", "二1", "二2"]
    assert programme.tasks[0].lines[0].lead_units == ["区教育局"]


def test_numbers_going_on_under_a_heading_do_not_start_again(tmp_path):
    """"3." under the second heading goes on from "2.": plain numbers, as before."""
    paragraphs = [p.replace("1.新增", "3.新增").replace("2.新建养老", "4.新建养老") for p in LIST]
    assert [t.code for t in _read(tmp_path, paragraphs).tasks] == ["1", "2", "3", "4"]


# --- 2. a 政府工作报告 broken down is a programme; the report itself is not --------------------------------------------

@pytest.mark.parametrize("title", ["2024年政府工作报告", "2024年政府工作报告中的民生实事"])
def test_a_work_report_without_a_breakdown_is_no_programme(tmp_path, title):
    """A title naming the report itself, even beside 实事, names no programme: only its 分解 / 分工 does."""
    with pytest.raises(InputError, match="no table found"):
        _read(tmp_path, LIST, title=title)


# --- 3. both numbers as printed ------------------------------------------------------------------------------------------

def test_an_item_numbered_in_digits_inside_an_area_takes_both_numbers_as_printed():
    assert in_area("二", "1") == "二1"
    assert in_area("二", "三") == "二(三)"
    assert in_area("1", "2") == "1(2)"  # "12" would be task 12
