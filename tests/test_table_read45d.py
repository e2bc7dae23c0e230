"""Issue 13, read45d: the simplest 分工 list, numbered lines each naming its offices in a role-labelled bracket
("（责任单位：区教育局）", "（牵头单位：区交通局；责任单位：区城管局）") or a label under it ("责任单位：…", "X牵头落实"), is
a work list wherever it stands: alone, blank-line separated, under a page's preamble that names no programme, in
traditional characters; the labels say the items are a 分工's as a 完成时限 line says a dated list is one."""

from __future__ import annotations

import pytest

from .conftest import convert_written, targets_of

ITEMS = [
    "1.新建学校3所。（责任单位：区教育局）",
    "2.改造老旧小区10个。（责任单位：区住建局）",
    "3.新增停车位500个。（牵头单位：区交通局；责任单位：区城管局）",
    "4.新建公园2个。（责任单位：区园林局）",
]
CODES = ["1", "2", "3", "4"]
TITLES = ["新建学校3所。", "改造老旧小区10个。", "新增停车位500个。", "新建公园2个。"]
LEADS = [["区教育局"], ["区住建局"], ["区交通局"], ["区园林局"]]


def _read(tmp_path, lines: list[str], name: str = "list.txt"):
    return convert_written(tmp_path, name, "\n".join(lines) + "\n", 2025).programme.tasks


def _check(tasks) -> None:
    assert [t.code for t in tasks] == CODES
    assert [t.title for t in tasks] == TITLES
    assert [t.lines[0].lead_units for t in tasks] == LEADS
    assert tasks[2].lines[0].units == ["区城管局"]
    assert targets_of(tasks[0]) == [(3, "所")] and targets_of(tasks[2]) == [(500, "个")]


def test_numbered_lines_with_labelled_brackets_under_a_heading_are_a_list(tmp_path):
    _check(_read(tmp_path, ["一、民生实事", *ITEMS]))


def test_numbered_lines_with_labelled_brackets_alone_are_a_list(tmp_path):
    _check(_read(tmp_path, ITEMS))


def test_numbered_lines_with_labelled_brackets_apart_by_blank_lines_are_a_list(tmp_path):
    _check(_read(tmp_path, [line for item in ["一、民生实事", *ITEMS] for line in (item, "")]))


@pytest.mark.parametrize("width", ["half", "full"])
def test_half_and_full_width_brackets_and_colons_read_alike(tmp_path, width):
    table = str.maketrans("（）：；", "():;") if width == "half" else str.maketrans("", "")
    _check(_read(tmp_path, [item.translate(table) for item in ITEMS]))


PREAMBLE = [
    "当前位置:首页 > 政府信息公开 > 政策 > 规范性文件",
    "某政发〔2025〕1号 某区人民政府关于印发2025年区政府重点工作的通知",
    "发布时间:2025-01-13",
    "各街道办事处,区直各部门:",
    "现将2025年区政府重点工作印发给你们,请认真贯彻落实。",
    "某区人民政府",
    "2025年1月13日",
]


def test_a_pages_preamble_naming_no_programme_stands_above_the_list(tmp_path):
    _check(_read(tmp_path, [*PREAMBLE, "一、重点工作", *ITEMS]))


def test_a_notices_points_with_labelled_brackets_that_are_requirements_stay_unread(tmp_path):
    """A notice's requirements, each with its office labelled ("加强组织领导。（责任单位：区政府办）"), are no work list."""
    points = ["1.加强组织领导。（责任单位：区政府办）", "2.强化督查考核。（责任单位：区督查室）",
              "3.加强宣传引导。（责任单位：区委宣传部）"]
    with pytest.raises(Exception, match="no header row found"):
        _read(tmp_path, [*PREAMBLE, *points])
