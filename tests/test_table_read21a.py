"""Issue 13, read21a: the unit reader's known leftovers, each rule on a small synthetic case: the role patterns built
from the vocabulary's role words, a lead never also a unit, the blank lead's doubt naming only offices that could
lead, a framing clause between an office and its role, a role in a bracket after a person, a lead's scope bracket."""

from __future__ import annotations

import pytest

from mstrack import vocabulary
from mstrack.sources.table.unit_people import without_people
from mstrack.sources.table.units import role_sentences, roles_in, unit_names

from .conftest import convert_written

HEADER = ["序号", "工作任务", "牵头单位", "责任单位"]


def _lines(conversion) -> dict[str, list[tuple[list[str], list[str]]]]:
    return {task.code: [(line.lead_units, line.units) for line in task.lines] for task in conversion.programme.tasks}


# --- 1. one vocabulary: the role patterns take the vocabulary's role words ---------------------------------------------

@pytest.mark.parametrize("word", [*vocabulary.LEAD_ROLE_WORDS, vocabulary.RESPONSIBLE_WORD, *vocabulary.HELPER_ROLE_WORDS])
def test_a_role_in_brackets_is_no_person_whatever_role_word_it_is(word):
    """Under a header naming the heads, "（张三）" is a person and goes; "（协调）", any role of the vocabulary, stays."""
    assert without_people(f"县教育局（{word}）", "责任单位及负责人") == f"县教育局（{word}）"
    assert without_people("县教育局（张三）", "责任单位及负责人") == "县教育局"


@pytest.mark.parametrize(("cell", "read"), [
    ("县教育局主责项目建设，县财政局负责资金保障", ("县教育局", "县财政局")),
    ("县教育局负责项目建设，县财政局主办招标", ("县财政局", "县教育局")),  # an explicit lead role wins over 负责
    ("县教育局负责项目建设，县财政局协调资金保障", ("县教育局", "县财政局")),
])
def test_role_sentences_read_every_role_word_of_the_vocabulary(cell, read):
    assert role_sentences(cell) == read


# --- 2. a lead is never also a unit of the same task --------------------------------------------------------------------

def test_a_lead_named_again_with_its_role_in_the_units_cell_is_no_unit(tmp_path):
    conversion = convert_written(tmp_path, "plan.csv", [HEADER, ["1", "开展职业技能培训", "市人社局", "市人社局牵头，各区政府配合"]])
    assert _lines(conversion) == {"1": [(["市人社局"], ["各区政府"])]}


# --- 3. the blank lead's doubt names only offices that could lead -------------------------------------------------------

def _blank_lead_doubts(conversion) -> list[str]:
    return [str(d) for d in conversion.doubts if "牵头单位 cell is blank" in str(d)]


def test_the_carried_lead_is_not_named_again_among_those_who_may_lead(tmp_path):
    conversion = convert_written(tmp_path, "plan.csv", [HEADER, ["1", "规范政府举债行为", "县财政局", "县财政局、县审计局"],
                                                        ["2", "化解存量债务", "", "县财政局、县审计局"]])
    assert _blank_lead_doubts(conversion) == [
        "plan.csv: row 3, column 牵头单位: the 牵头单位 cell is blank: read as 县财政局, a merged cell written once above; "
        "县审计局 may lead"]


def test_a_helper_is_never_named_among_those_who_may_lead(tmp_path):
    conversion = convert_written(tmp_path, "plan.csv", [
        [*HEADER, "配合单位"], ["1", "规范政府举债行为", "县财政局", "县发改委", "县审计局"],
        ["2", "化解存量债务", "", "县发改委", "县审计局"]])
    assert _lines(conversion)["2"] == [(["县财政局"], ["县发改委", "县审计局"])]
    assert _blank_lead_doubts(conversion) == [
        "plan.csv: row 3, column 牵头单位: the 牵头单位 cell is blank: read as 县财政局, a merged cell written once above; "
        "县发改委 may lead"]


def test_no_office_that_could_lead_leaves_the_doubt_without_one(tmp_path):
    conversion = convert_written(tmp_path, "plan.csv", [HEADER, ["1", "规范政府举债行为", "县财政局", "县财政局、县审计局配合"],
                                                        ["2", "化解存量债务", "", "县财政局、县审计局配合"]])
    assert _lines(conversion)["2"][0][0] == ["县财政局"]
    assert _blank_lead_doubts(conversion) == [
        "plan.csv: row 3, column 牵头单位: the 牵头单位 cell is blank: read as 县财政局, a merged cell written once above"]


# --- 4. a framing clause between an office and its role -----------------------------------------------------------------

@pytest.mark.parametrize(("cell", "read"), [
    ("县水利局根据县河长办牵头制定的方案负责实施", ("县水利局", "")),
    ("县水利局按照县河长办牵头制定的方案牵头实施，各乡镇配合", ("县水利局", "各乡镇")),
    ("县住建局依据县发改委批复的计划负责建设", ("县住建局", "")),
])
def test_a_framing_clause_after_an_office_is_someone_elses_work(cell, read):
    assert roles_in(cell) == read


@pytest.mark.parametrize("kind", ["lead", "units"])
def test_a_framing_clause_leaves_the_office_leading_in_either_column(tmp_path, kind):
    cell = "县水利局根据县河长办牵头制定的方案负责实施"
    row = ["1", "治理河道5公里", cell, ""] if kind == "lead" else ["1", "治理河道5公里", "", cell]
    assert _lines(convert_written(tmp_path, "plan.csv", [HEADER, row])) == {"1": [(["县水利局"], [])]}


# --- 5. a role in a bracket after a person; a lead's scope in a bracket -------------------------------------------------

def test_a_role_bracket_after_a_persons_name_is_the_role_and_the_person_doubted(tmp_path):
    assert unit_names("县财政局、张三（负责）") == ["县财政局", "张三"]
    conversion = convert_written(tmp_path, "plan.csv", [HEADER, ["1", "规范政府举债行为", "县教育局", "县财政局、张三（负责）"]])
    assert _lines(conversion) == {"1": [(["县教育局"], ["县财政局", "张三"])]}
    assert [str(d) for d in conversion.doubts if "张三" in str(d)] == [
        "plan.csv: row 2, column 责任单位: “张三” is a unit: a person, not an office; name the office"]


def test_an_offices_short_name_with_a_role_bracket_is_no_person(tmp_path):
    assert unit_names("县财政局、县妇联（配合）") == ["县财政局", "县妇联"]


@pytest.mark.parametrize("cell", ["市民政局牵头（含各区）", "市民政局（含各区）牵头"])
def test_a_leads_scope_in_brackets_stays_visible_in_the_note(tmp_path, cell):
    conversion = convert_written(tmp_path, "plan.csv", [HEADER, ["1", "提高养老服务水平", "", cell]])
    assert _lines(conversion) == {"1": [(["市民政局"], [])]}
    assert "牵头单位括注范围：市民政局（含各区）" in (conversion.programme.tasks[0].note or "")
