"""Issue 13, revfix14b: review14's findings on leads and units, each rule on a small synthetic case: a lead compared
with the units by its name without its scope bracket, a lead named with its role in any form no unit too, an
exclusion scope kept like an inclusion, a framing clause without 的, offices whose names hold 协调, 协调 joining offices."""

from __future__ import annotations

import pytest

from mstrack.sources.table.units import roles_in, unit_names

from .conftest import convert_written

HEADER = ["序号", "工作任务", "牵头单位", "责任单位"]
UNITS_ONLY = ["序号", "工作任务", "责任单位"]


def _lines(conversion) -> dict[str, list[tuple[list[str], list[str]]]]:
    return {task.code: [(line.lead_units, line.units) for line in task.lines] for task in conversion.programme.tasks}


# --- 1. a lead named again with its role and a scope bracket ------------------------------------------------------------

def test_a_lead_named_again_with_its_scope_is_no_unit_and_its_scope_goes_to_the_note(tmp_path):
    conversion = convert_written(tmp_path, "plan.csv", [HEADER, ["1", "新增养老床位500张", "市民政局",
                                                                 "市民政局牵头（含各区），市财政局配合"]])
    assert _lines(conversion) == {"1": [(["市民政局"], ["市财政局"])]}
    assert "牵头单位括注范围：市民政局（含各区）" in (conversion.programme.tasks[0].note or "")


# --- 2. a lead named with a lead role in any form is no unit too ---------------------------------------------------------

@pytest.mark.parametrize("cell", ["市卫健委（牵头）", "市卫健委（牵头）、各区政府（配合）"])
def test_a_lead_named_again_with_a_bracketed_role_is_no_unit(tmp_path, cell):
    conversion = convert_written(tmp_path, "plan.csv", [HEADER, ["1", "新增托位1000个", "市卫健委", cell]])
    assert _lines(conversion) == {"1": [(["市卫健委"], ["各区政府"] if "各区" in cell else [])]}


def test_an_office_marked_responsible_alone_in_a_units_column_leads_and_is_no_unit(tmp_path):
    conversion = convert_written(tmp_path, "plan.csv", [UNITS_ONLY, ["1", "建设社区食堂30个", "街道（负责）"]])
    assert _lines(conversion) == {"1": [(["街道"], [])]}
    assert not [d for d in conversion.doubts if "person" in str(d)]


def test_a_person_marked_responsible_in_a_units_column_leads_doubted_once(tmp_path):
    conversion = convert_written(tmp_path, "plan.csv", [UNITS_ONLY, ["1", "改造老旧小区10个", "王芳（负责），县住建局（配合）"]])
    assert _lines(conversion) == {"1": [(["王芳"], ["县住建局"])]}
    assert [str(d) for d in conversion.doubts if "王芳" in str(d)] == [
        "plan.csv: row 2, column 责任单位: “王芳” leads: a person, not an office; name the office"]


# --- 3. an exclusion scope is kept like an inclusion -------------------------------------------------------------------

def test_an_exclusion_scope_after_the_role_stays_visible_in_the_note(tmp_path):
    conversion = convert_written(tmp_path, "plan.csv", [HEADER, ["1", "新增养老床位500张", "", "市民政局牵头（不含高新区）"]])
    assert _lines(conversion) == {"1": [(["市民政局"], [])]}
    assert "牵头单位括注范围：市民政局（不含高新区）" in (conversion.programme.tasks[0].note or "")


# --- 4. a framing clause without 的 ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "read"), [
    ("县水利局根据县河长办方案负责实施", ("县水利局", "")),
    ("县水利局按照县河长办要求牵头实施，各乡镇配合", ("县水利局", "各乡镇")),
    ("县农业农村局参照省厅标准负责建设，县财政局配合", ("县农业农村局", "县财政局")),
])
def test_a_framing_clause_without_de_ends_before_the_offices_own_role(cell, read):
    assert roles_in(cell) == read


# --- 5. offices whose names hold 协调; 协调 joining offices ---------------------------------------------------------------

@pytest.mark.parametrize(("cell", "read"), [
    ("县平安建设协调小组负责，县公安局、县司法局配合", ("县平安建设协调小组", "县公安局、县司法局")),
    ("县发改委牵头，县重点项目协调办协调，各乡镇配合", ("县发改委", "县重点项目协调办、各乡镇")),
    ("县民族宗教事务协调委员会办公室牵头，县公安局配合", ("县民族宗教事务协调委员会办公室", "县公安局")),
])
def test_xietiao_inside_an_offices_name_is_no_role(cell, read):
    assert roles_in(cell) == read


def test_an_office_that_coordinates_helps_beside_those_responsible():
    assert roles_in("县发改委统筹协调，县财政局、县住建局负责") == ("县财政局、县住建局", "县发改委")


@pytest.mark.parametrize("joiner", ["协调", "会同"])
def test_xietiao_followed_by_offices_joins_them_to_the_office_before(tmp_path, joiner):
    assert roles_in(f"县住建局{joiner}县自然资源局、县林业局实施") == ("县住建局", "县自然资源局、县林业局")
    conversion = convert_written(tmp_path, "plan.csv", [UNITS_ONLY, ["1", "建设公园5个", "县住建局协调县自然资源局、县林业局实施"]])
    assert _lines(conversion) == {"1": [(["县住建局"], ["县自然资源局", "县林业局"])]}


def test_a_role_word_followed_by_work_stays_a_role():
    """牵头办理, 配合中心工作: a suffix-like character that goes on into a word is no office's name."""
    assert roles_in("县民政局牵头办理，县财政局配合") == ("县民政局", "县财政局")
    assert unit_names("县财政局配合中心工作") == ["县财政局"]


@pytest.mark.parametrize(("cell", "read"), [
    ("根据县交通运输局安排，各乡镇负责实施", ("各乡镇", "")),
    ("依据县住建局的方案，各乡镇负责实施", ("各乡镇", "")),
])
def test_a_framing_clause_before_the_office_names_no_office(cell, read):
    assert roles_in(cell) == read
