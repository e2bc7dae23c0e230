"""Issue 13, revfix13a: a blank 牵头单位 cell in a text export (.csv, .tsv) beside named units (review13 findings 3-5).
Only a 责任单位 column's own units lead in its place: helpers (配合单位) never do, units naming the lead above are the
merged block's, and blanks in a run under one written lead are one merged cell."""

from __future__ import annotations

import pytest

from .conftest import convert_written


def _leads(conversion) -> dict[str, list]:
    return {task.code: [(line.lead_units, line.units) for line in task.lines] for task in conversion.programme.tasks}


def _doubts(conversion) -> list[str]:
    return [str(doubt) for doubt in conversion.doubts]


@pytest.mark.parametrize("name", ["plan.csv", "plan.tsv"])
def test_helpers_beside_a_blank_lead_never_lead(tmp_path, name):
    """配合单位 names the units that help: a blank 牵头单位 beside it is the merged lead above, doubted (as before)."""
    conversion = convert_written(tmp_path, name, [["序号", "工作任务", "牵头单位", "配合单位"],
                                                  ["1", "规范政府举债行为", "县财政局", "县发改委"],
                                                  ["2", "化解存量隐性债务10亿元", "", "县审计局"]])
    assert _leads(conversion)["2"] == [(["县财政局"], ["县审计局"])]
    # the doubt names the carried lead, and no helper as one who may lead (13-read21a: helpers never lead)
    assert any("read as 县财政局" in doubt for doubt in _doubts(conversion))
    assert not any("may lead" in doubt for doubt in _doubts(conversion))


def test_units_naming_the_lead_above_are_the_merged_block(tmp_path):
    """Units that name the lead above again (县财政局、县审计局 under 县财政局): its lead carries down, the units kept."""
    conversion = convert_written(tmp_path, "plan.csv", [["序号", "工作任务", "牵头单位", "责任单位"],
                                                        ["1", "规范政府举债行为", "县财政局", "县财政局、县发改委"],
                                                        ["2", "化解存量隐性债务10亿元", "", "县财政局、县审计局"],
                                                        ["3", "清理拖欠企业账款", "", "县财政局、县工信局"]])
    leads = _leads(conversion)
    assert [lead for lead, _ in leads["2"]] == [["县财政局"]] and [lead for lead, _ in leads["3"]] == [["县财政局"]]
    assert "县审计局" in leads["2"][0][1] and "县工信局" in leads["3"][0][1]


def test_a_run_of_blank_leads_is_one_merged_cell(tmp_path):
    """Two blanks in a row under one written lead: a merge exported, the written lead carries down and the doubts name
    it; a single blank beside its own units still reads the units as leading."""
    conversion = convert_written(tmp_path, "plan.csv", [["序号", "工作任务", "牵头单位", "责任单位"],
                                                        ["1", "规范政府举债行为", "县财政局", "县发改委"],
                                                        ["2", "化解存量隐性债务10亿元", "", "县审计局"],
                                                        ["3", "清理拖欠企业账款", "", "县工信局"],
                                                        ["4", "新建农村公路50公里", "县交通运输局", "各乡镇"],
                                                        ["5", "改造危桥10座", "", "县公路中心"]])
    leads = _leads(conversion)
    assert leads["2"] == [(["县财政局"], ["县审计局"])] and leads["3"] == [(["县财政局"], ["县工信局"])]
    assert leads["5"] == [(["县公路中心"], [])]
    row3 = [doubt for doubt in _doubts(conversion) if "县工信局" in doubt]
    assert row3 and all("县财政局" in doubt and "县审计局" not in doubt for doubt in row3)
