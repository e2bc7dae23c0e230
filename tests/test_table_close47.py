"""Issue 13, close47: reading conventions of prose 工作方案 the lead decided, each on a small synthetic input: a closing
section's items that name their offices are tasks; "A、B负责" as a label's only role makes every office named a lead;
an office with a bracketed alias ("区农业农村中心（区供销社）") is one office."""

from __future__ import annotations

import pytest

from mstrack.sources.table.units import roles_in

from .conftest import convert_written


def _roles(task) -> tuple[list[str], list[str]]:
    line = task.lines[0]
    return line.lead_units, [u for u in line.units if u not in line.lead_units]


# --- 2. "A、B负责" as the only role: every office named leads ---------------------------------------------------------

@pytest.mark.parametrize(("cell", "roles"), [
    ("区教育局、区财政局负责", ("区教育局、区财政局", "")),
    ("区教育局、区财政局负责，区住建局等参与", ("区教育局、区财政局", "区住建局")),
    ("区教育局负责", ("区教育局", "")),
    ("区教育局牵头，区财政局、区住建局负责", ("区教育局", "区财政局、区住建局")),  # 牵头 leads; 负责 beside it helps
])
def test_offices_closed_by_responsible_all_lead(cell, roles):
    assert roles_in(cell) == roles


def test_a_labelled_line_a_b_responsible_names_two_leads(tmp_path):
    """pingtan-2016-turang's "责任单位：区环境与国土资源局、农村发展局负责，区经济发展局等参与": both lead."""
    lines = ["某区2024年重点工作实施方案", "1.新建幼儿园3所。", "责任单位：区教育局、区财政局负责，区住建局等参与",
             "2.改造老旧小区20个。", "责任单位：区住建局、区城管局负责", "3.新建公园2个。", "责任单位：区城管局牵头，区财政局参与"]
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n").programme.tasks
    assert [_roles(t) for t in tasks] == [(["区教育局", "区财政局"], ["区住建局"]), (["区住建局", "区城管局"], []),
                                          (["区城管局"], ["区财政局"])]
