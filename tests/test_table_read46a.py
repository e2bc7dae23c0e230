"""Issue 13, read46a: the table reader's leftovers. A whole document stored on one line (headings, items and their
role labels parted by single spaces, the items numbered again under each heading); a list's items that each name
their lead ("X牵头落实") are tasks whatever verb opens them; lead words in a units cell (指导, 配合, "（牵头）" inside
a list's bracket, the "first office leads" note in traditional characters)."""

from __future__ import annotations

from .conftest import convert_written, targets_of

NOTICE = ("关于印发2025年县政府重点工作责任分解的通知 各镇人民政府,县政府各部门: 《2025年重点工作责任分解》已经县政府"
          "讨论确定,现印发给你们,请认真贯彻执行。 某县人民政府办公室 2025年1月10日 (此件公开发布) 2025年重点工作责任分解")
ONE_LINE_PARTS = [
    "一、张明县长牵头重点工作",
    "1.新建学校3所,新增学位1200个。", "责任单位:县教育局(首位单位为牵头单位,下同)、县财政局",
    "2.改造老旧小区10个。", "责任单位:县住建局",
    "二、李华副县长牵头重点工作",
    "1.新增公共停车位500个。", "责任单位:县交通局、县城管局",
]


def _read(tmp_path, lines: list[str], name: str = "page.txt"):
    return convert_written(tmp_path, name, "\n".join(lines) + "\n", 2025).programme.tasks


def _check_one_line(tasks) -> None:
    assert [t.code for t in tasks] == ["一1", "一2", "二1"]
    assert [t.title for t in tasks] == ["新建学校3所,新增学位1200个。", "改造老旧小区10个。", "新增公共停车位500个。"]
    assert [t.lines[0].lead_units for t in tasks] == [["县教育局"], ["县住建局"], ["县交通局"]]
    assert [sorted(set(t.lines[0].units) - set(t.lines[0].lead_units)) for t in tasks] == [["县财政局"], [], ["县城管局"]]
    assert targets_of(tasks[0]) == [(3, "所"), (1200, "个")] and targets_of(tasks[2]) == [(500, "个")]


def test_a_document_on_lines_of_its_own_is_read(tmp_path):
    """The same document with a line for each heading, item and label: what the one-line document should read as."""
    _check_one_line(_read(tmp_path, [NOTICE, *ONE_LINE_PARTS]))


def test_a_whole_document_on_one_line_is_read_as_its_lines(tmp_path):
    """Headings "一、", items "1." numbered again under each heading and their "责任单位:" labels, parted only by
    single spaces on one line: each part a line of its own, as the numbers' sequences under the headings show."""
    _check_one_line(_read(tmp_path, [" ".join([NOTICE, *ONE_LINE_PARTS])]))
