"""Issue 13, left16b: a blank 牵头单位 whose row's own content names its lead ("县应急局牵头，县消防救援大队配合开展…")
takes that lead, the helpers as units, before any lead above is carried down; a content that merely mentions an office
(no role word) changes nothing."""

from __future__ import annotations

from .conftest import convert_written

HEAD = "序号,工作任务,工作内容,牵头单位,责任单位,完成时限\n"
ABOVE = "1,督查平台,建设督查平台1个,县政府督查室,,2024年12月底\n"


def _lines(tmp_path, row: str, units: str = "") -> list[tuple[list[str], list[str]]]:
    conversion = convert_written(tmp_path, "plan.csv", HEAD + ABOVE + f"2,安全生产,{row},,{units},2024年12月底\n")
    task = next(t for t in conversion.programme.tasks if t.code == "2")
    return [(line.lead_units, line.units) for line in task.lines]


def test_a_lead_named_in_the_content_leads_over_the_lead_above(tmp_path):
    assert _lines(tmp_path, "县应急局牵头，县消防救援大队配合开展隐患排查") == [(["县应急局"], ["县消防救援大队"])]


def test_a_lead_named_in_the_content_beside_named_units(tmp_path):
    """The row's 责任单位 stay its units, beside the content's helpers."""
    assert _lines(tmp_path, "县应急局牵头开展隐患排查", "县住建局") == [(["县应急局"], ["县住建局"])]


def test_a_content_that_mentions_an_office_changes_nothing(tmp_path):
    """No role word: the blank is read as before (the lead above carried down)."""
    assert _lines(tmp_path, "配合县应急局开展隐患排查") == _lines(tmp_path, "开展隐患排查") == [(["县政府督查室"], [])]


def _leads(tmp_path, lead: str, units: str = "") -> list[tuple[list[str], list[str]]]:
    conversion = convert_written(tmp_path, "plan.csv", HEAD + f"1,老旧小区,改造老旧小区10个,{lead},{units},2024年12月底\n")
    return [(line.lead_units, line.units) for line in conversion.programme.tasks[0].lines]


def test_leads_typed_with_a_space_are_one_list(tmp_path):
    """"县住建局 县交通局" as "县住建局、县交通局": one line, its figure counted once (was one line each)."""
    assert _leads(tmp_path, "县住建局 县交通局", "县财政局") == [(["县住建局", "县交通局"], ["县财政局"])]


def test_space_separated_groups_with_their_own_scope_or_units_stay_groups(tmp_path):
    assert len(_leads(tmp_path, "县住建局（节能保暖工程） 县住建局（老旧小区改造）")) == 2
    assert _leads(tmp_path, "县住建局 县交通局", "县财政局 县审计局") == [(["县住建局"], ["县财政局"]), (["县交通局"], ["县审计局"])]
