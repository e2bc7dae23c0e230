"""Issue 13, revfix15b: review15's findings on the list reader and units, each rule on a small synthetic case: a
closing heading over requirement sentences ends the list even when they are dated; an item numbered on after a
closing section is kept; "A协调B、C开展" leads with A whatever the verb of doing at the clause's end."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table

from .conftest import convert_written, write_page

TITLE = "XX县人民政府关于印发2024年民生实事项目的通知"


def _convert(tmp_path, paragraphs: list[str]):
    return convert_table(write_page(tmp_path / "list.html", [TITLE, *paragraphs], title=TITLE), "x-2024", 2024)


def _codes(conversion) -> list[str]:
    return [t.code for t in conversion.programme.tasks]


# --- 1. a closing heading over dated requirement sentences: the list ends ---------------------------------------------

def test_dated_requirements_under_a_closing_heading_are_no_tasks(tmp_path):
    conversion = _convert(tmp_path, [
        "一、基础设施", "（一）新建农村公路50公里。", "责任单位：县交通局", "（二）新建污水管网30公里。", "责任单位：县住建局",
        "二、公共服务", "（一）新建幼儿园3所。", "责任单位：县教育局",
        "三、工作要求", "（一）各乡镇要于每月5日前报送进展。", "（二）县督查室12月底前完成考核，考核结果通报全县。"])
    assert _codes(conversion) == ["一(一)", "一(二)", "二(一)"]


def test_dated_requirements_under_a_closing_heading_of_a_digit_list_are_no_tasks(tmp_path):
    conversion = _convert(tmp_path, [
        "一、教育", "1.新建幼儿园3所。（县教育局）", "2.新增学位1000个。（县教育局）",
        "二、民生保障", "3.改造老旧小区10个。（县住建局）",
        "三、工作要求", "1.各乡镇要于每月5日前报送进展。", "2.县督查室12月底前完成考核。"])
    assert _codes(conversion) == ["1", "2", "3"]


def test_an_item_numbered_on_under_a_closing_heading_stays_a_task(tmp_path):
    """An item of work numbered on with the list's items, no figure: the heading over it is a group's."""
    conversion = _convert(tmp_path, [
        "一、教育", "1.新建幼儿园3所。（县教育局）", "2.新增学位1000个。（县教育局）",
        "二、民生保障", "3.改造老旧小区10个。（县住建局）", "4.发放救助金200万元。（县民政局）",
        "三、加强组织领导", "5.县政府成立领导小组，6月底前出台实施方案。（县政府办）"])
    assert _codes(conversion) == ["1", "2", "3", "4", "5"]


# --- 2. an item numbered on after a closing section: kept ------------------------------------------------------------

def test_an_item_after_a_closing_section_is_kept(tmp_path):
    conversion = _convert(tmp_path, [
        "一、新建幼儿园3所。（县教育局）", "二、改造老旧小区10个。（县住建局）", "三、新建公厕20座。（县城管局）",
        "四、保障措施", "各单位要加强组织领导。", "五、新建社区食堂10个。（县民政局）", "六、工作要求", "各乡镇要按月报送进展。"])
    assert _codes(conversion) == ["一", "二", "三", "五"]
    assert [u for line in conversion.programme.tasks[-1].lines for u in line.lead_units] == ["县民政局"]


# --- 3. "A协调B、C开展": A leads whatever the verb of doing; "A统筹，B实施": A leads --------------------------------------

HEADER = ["序号", "工作任务", "工作内容", "牵头单位", "责任单位", "完成时限"]


def _units(tmp_path, cell: str) -> tuple[list[str], list[str]]:
    conversion = convert_written(tmp_path, "plan.csv", [
        HEADER, ["1", "校园安全", "检查学校100所", "县教育局", "县教育局", "2024年12月底"],
        ["2", "消防安全", "排查隐患500处", "", cell, "2024年12月底"]])
    task = conversion.programme.tasks[1]
    return [u for line in task.lines for u in line.lead_units], [u for line in task.lines for u in line.units]


def test_a_coordinating_office_leads_whatever_the_verb_of_doing(tmp_path):
    for verb in ("开展", "完成", "实施"):
        assert _units(tmp_path, f"县应急局协调县消防救援大队、县公安局{verb}") == (
            ["县应急局"], ["县消防救援大队", "县公安局"]), verb


def test_a_lone_tongchou_leads(tmp_path):
    assert _units(tmp_path, "县乡村振兴局统筹，各乡镇实施") == (["县乡村振兴局"], ["各乡镇"])


def test_tongchou_xietiao_helps_the_office_that_fuze(tmp_path):
    """统筹协调 is a manner and a helper's role (docs/history/import-table.md): the office that 负责 leads."""
    assert _units(tmp_path, "县乡村振兴局统筹协调，各乡镇负责实施") == (["各乡镇"], ["县乡村振兴局"])


# --- 4. a unit's scope bracket goes to the note, as a lead's does ------------------------------------------------------

def test_a_units_scope_goes_to_the_note(tmp_path):
    conversion = convert_written(tmp_path, "plan.csv", [
        HEADER, ["1", "校园安全", "检查学校100所", "县教育局", "县教育局负责，各学校（含民办学校）配合", "2024年12月底"],
        ["2", "乡村治理", "整治村庄50个", "县农业农村局", "各乡镇（街道）", "2024年12月底"]])
    first, second = conversion.programme.tasks
    assert [u for line in first.lines for u in line.units] == ["各学校"]
    assert "责任单位括注范围：各学校（含民办学校）" in str(first.note)
    assert [u for line in second.lines for u in line.units] == ["各乡镇（街道）"]  # another name, no scope: kept


# --- 5. a place and a source of funds: a trace in the task's note, in a list as in a table ------------------------------

def test_a_place_and_a_source_of_funds_go_to_the_note_of_a_list_item(tmp_path):
    programme = _convert(tmp_path, [
        "1.学前教育提升工程", "建设内容：新建幼儿园3所。", "建设地点：城东街道。", "资金来源：省补资金。", "责任单位：县教育局",
        "2.老旧小区改造工程", "建设内容：改造老旧小区10个。", "责任单位：县住建局",
        "3.养老服务工程", "建设内容：新建养老服务中心2个。", "责任单位：县民政局"]).programme
    first = programme.tasks[0]
    assert [i.name for line in first.lines for i in line.indicators] == ["新建幼儿园"]
    assert "建设地点：城东街道" in str(first.note) and "资金来源：省补资金" in str(first.note)


def test_a_place_column_goes_to_the_note_of_a_table_row(tmp_path):
    conversion = convert_written(tmp_path, "plan.csv", [
        ["序号", "工作任务", "建设地点", "责任单位", "完成时限"],
        ["1", "新建幼儿园3所", "城东街道", "县教育局", "2024年12月底"], ["2", "改造老旧小区10个", "", "县住建局", "2024年12月底"]])
    first, second = conversion.programme.tasks
    assert "建设地点：城东街道" in str(first.note)
    assert "建设地点" not in str(second.note)


# --- 6. two items, each with a figure and its office: a programme's list ------------------------------------------------

def test_two_staffed_items_with_figures_are_a_list(tmp_path):
    conversion = _convert(tmp_path, [
        "一、新建幼儿园3所。（县教育局）", "二、改造老旧小区10个。（县住建局）", "三、保障措施",
        "（一）加强组织领导。县政府成立领导小组，县长任组长。", "（二）强化督查考核。县督查室12月底前开展年度考核。"])
    assert _codes(conversion) == ["一", "二"]


def test_two_bracketed_items_with_labelled_offices_are_a_list(tmp_path):
    conversion = _convert(tmp_path, [
        "一、基础设施", "（一）新建农村公路50公里。", "牵头单位：县交通局", "（二）新建污水管网30公里。", "责任单位：县住建局",
        "二、工作要求", "（一）各乡镇要于每月5日前报送进展。"])
    assert _codes(conversion) == ["一(一)", "一(二)"]


def test_two_items_without_offices_are_no_list(tmp_path):
    """A letter's two points, a figure each but no office: too little to say a programme's list."""
    written = write_page(tmp_path / "list.html", [TITLE, "一、新建幼儿园3所。", "二、改造老旧小区10个。"], title=TITLE)
    with pytest.raises(InputError, match="no table"):
        convert_table(written, "x-2024", 2024)
