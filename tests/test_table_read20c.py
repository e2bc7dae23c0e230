"""Issue 13, read20c: the thirteenth held-out set's losses (half b), each rule on a small synthetic case: a group's
heading in the 序号 column beside the sums of its items, the month's goals of a ledger titled for one month, and an
office name ending in 联社 on a line of its own."""

from __future__ import annotations

import pytest

from mstrack.sources.table.mentions import find_mentions
from mstrack.sources.table.office_names import joined_names

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


def test_a_note_beside_the_heading_and_its_sums_keeps_it_a_heading(tmp_path):
    conversion = convert_written(tmp_path, "plan.csv", [
        [*HEADER, "备注"], ["一、市级重点民生实事", "", "", "15000", "", "省级民生实事"],
        ["1", "实施老旧小区改造", "改造老旧小区67个。", "11604", "区住房城乡建委", ""]])
    assert [(t.code, t.area) for t in conversion.programme.tasks] == [("1", "一")]


def test_a_heading_beside_words_is_still_no_heading_and_is_said(tmp_path):
    """Only figures beside the heading make it a group's: words beside it make a row whose number is wrong, said and
    not read (since refuse46 the rows around it are read; it refused the table before)."""
    conversion = convert_written(tmp_path, "plan.csv", [
        HEADER, ["一、市级重点民生实事", "", "改造老旧小区67个。", "15000", "区住房城乡建委"],
        ["1", "农村公路加装护栏", "实施农村公路防护工程201公里。", "3417", "区交通运输委"]])
    assert [(t.code, t.area) for t in conversion.programme.tasks] == [("1", None)]
    assert not conversion.programme.areas
    assert ("plan.csv: row 2, column 1 (序号): '一、市级重点民生实事' is not a task number: the row is not read, nor what it holds: "
            "“改造老旧小区67个。”、“15000”、“区住房城乡建委”") in conversion.doubts


# --- 2. a month's goals under a title naming the month: checkpoints at its end, no year's targets ----------------------

LEDGER = ["序号", "工作责任组", "责任单位", "月度目标要求", "工作进展(每周报送更新)"]


@pytest.mark.parametrize("name", ["plan.csv", "plan.xlsx"])
def test_a_month_of_goals_dates_them_at_the_month_end(tmp_path, name):
    conversion = convert_written(tmp_path, name, [
        ["区发改委2024年11月重点工作落实情况", "", "", "", ""], LEDGER,
        ["3", "项目推进", "区发改委", "1.推进3个项目开工。", "3个计划开工项目已全部开工。"],
        ["3", "项目推进", "区发改委", "2.修改完善2025年政府投资计划。", "正在修订。"],
        ["3", "项目推进", "区发改委", "3.推进剩余1户房屋拆迁。", "全线121户,已拆120户。"]])
    [task] = conversion.programme.tasks
    assert (task.code, task.title) == ("3", "项目推进")
    assert {cp.due.isoformat() for line in task.lines for cp in line.checkpoints} == {"2024-11-30"}
    assert [i.target for line in task.lines for i in line.indicators] == [None, None]  # no year's target
    assert sorted((m.due.isoformat(), m.target) for line in task.lines for i in line.indicators for m in i.milestones) == [
        ("2024-11-30", 1), ("2024-11-30", 3)]


def test_a_capacity_inside_a_project_name_is_no_target():
    assert [(m.value, m.unit) for m in find_mentions("推进3个项目开工:安标年产2.6万吨装配式建筑零配件智能制造项目")] == [(3, "个")]
    assert [(m.value, m.unit) for m in find_mentions("年产粮食50万吨以上")] == [(500000, "吨")]  # no project's name: a target


# --- 3. an office ending in 社 on a line of its own is a whole name, not the head of the next --------------------------

@pytest.mark.parametrize("cell, names", [
    ("区农业农村委\n区林业局\n区供销联社\n区畜牧业发展中心", "区农业农村委\n区林业局\n区供销联社\n区畜牧业发展中心"),
    ("县信用联社\n县市场监管局", "县信用联社\n县市场监管局"),
    ("市供销\n合作社", "市供销合作社"),  # a name broken before its 社 is still joined
])
def test_an_office_ending_in_she_is_a_whole_name(cell, names):
    assert joined_names(cell) == names


def test_offices_on_lines_of_their_own_lead_and_share_the_task(tmp_path):
    conversion = convert_written(tmp_path, "plan.csv", [
        ["序号", "目标任务", "责任单位"],
        ["1", "新建高标准农田5万亩。", "区农业农村委\n区林业局\n区供销联社\n区畜牧业发展中心"]])
    [line] = conversion.programme.tasks[0].lines
    assert line.lead_units == ["区农业农村委"]
    assert [u for u in line.units if u not in line.lead_units] == ["区林业局", "区供销联社", "区畜牧业发展中心"]
