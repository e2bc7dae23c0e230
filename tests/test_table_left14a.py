"""Issue 13, left14a: review13's leftovers on who leads. A post title followed by an office-like word (市长热线,
12345市长热线) names an office, not a person; in an unmerged workbook, as in a text export, a blank 牵头单位 beside a
helpers' column (配合单位) is the lead above, never the helpers."""

from __future__ import annotations

import pytest

from mstrack.sources.table.units import a_person

from .conftest import convert_written
from .test_table_revfix11a import _read


@pytest.mark.parametrize("name", ["市长热线", "12345市长热线", "区长信箱", "县长专线"])
def test_a_title_then_an_office_word_is_no_person(tmp_path, name):
    """热线, 信箱, 专线 after a post title: the post's service, an office; no "person" doubt when it leads."""
    assert not a_person(name)
    leads, _, doubts = _read(tmp_path, f"{name}牵头")
    assert leads == [name]
    assert not any("person" in d for d in doubts)


@pytest.mark.parametrize("name", ["副市长李四", "市政府副秘书长王五", "各级河长"])
def test_a_title_then_a_name_is_still_a_person(name):
    assert a_person(name)


def test_helpers_beside_a_blank_lead_never_lead_in_an_unmerged_workbook(tmp_path):
    """An .xlsx with no merged cells: 配合单位 beside a blank 牵头单位 help; the lead above carries down, doubted."""
    conversion = convert_written(tmp_path, "plan.xlsx", [["序号", "工作任务", "牵头单位", "配合单位"],
                                                         ["1", "规范政府举债行为", "县财政局", "县发改委"],
                                                         ["2", "化解存量隐性债务10亿元", "", "县审计局"]])
    task = next(t for t in conversion.programme.tasks if t.code == "2")
    assert [(line.lead_units, line.units) for line in task.lines] == [(["县财政局"], ["县审计局"])]
    assert any("read as 县财政局" in str(d) for d in conversion.doubts)  # carried, doubted; the helper named as no
    assert not any("may lead" in str(d) for d in conversion.doubts)  # lead (13-read21a)
