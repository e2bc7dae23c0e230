"""Issue 13, read20c: the thirteenth held-out set's losses (half b), each rule on a small synthetic case: a group's
heading in the 序号 column beside the sums of its items, the month's goals of a ledger titled for one month, and an
office name ending in 联社 on a line of its own."""

from __future__ import annotations

import pytest

from .conftest import convert_written


def _targets(conversion) -> dict[str, list[tuple[float, str]]]:
    return {task.code: [(i.target, i.unit) for line in task.lines for i in line.indicators]
            for task in conversion.programme.tasks}


# --- 1. a group heading in the 序号 column beside figures only: the area, its sums no target ---------------------------

HEADER = ["序号", "项目名称", "工作目标任务", "投资计划(万元)", "责任单位"]


@pytest.mark.parametrize("heading", ["一、市级重点民生实事", "（一）市级重点民生实事"])
@pytest.mark.parametrize("name", ["plan.csv", "plan.xlsx"])
def test_a_group_heading_beside_its_sums_is_an_area(tmp_path, name, heading):
    conversion = convert_written(tmp_path, name, [
        HEADER, ["合计", "", "", "20000", ""],
        [heading, "", "", "15000", ""],
        ["1", "实施老旧小区改造", "改造老旧小区67个。", "11604", "区住房城乡建委"],
        ["2", "农村公路加装护栏", "实施农村公路防护工程201公里。", "3417", "区交通运输委"]])
    assert [(t.code, t.title, t.area) for t in conversion.programme.tasks] == [
        ("1", "实施老旧小区改造", "一"), ("2", "农村公路加装护栏", "一")]
    assert [(a.code, a.name) for a in conversion.programme.areas] == [("一", "市级重点民生实事")]
    assert all(15000 not in [t for t, _ in targets] for targets in _targets(conversion).values())


def test_a_heading_beside_words_is_still_refused(tmp_path):
    """Only figures beside the heading make it a group's: words beside it make a row whose number is wrong."""
    with pytest.raises(Exception, match="not a task number"):
        convert_written(tmp_path, "plan.csv", [
            HEADER, ["一、市级重点民生实事", "", "改造老旧小区67个。", "15000", "区住房城乡建委"],
            ["1", "农村公路加装护栏", "实施农村公路防护工程201公里。", "3417", "区交通运输委"]])
