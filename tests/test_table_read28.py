"""Issue 13, read28: the seventeenth held-out set's half c, each rule on a small synthetic document: a 部门分工 (a
breakdown of work to offices) names a programme of work as 任务分解 does; an item may open with how its verb is done
("进一步落实…") or with the aim it serves ("以…为目标，继续抓好…"); a bracket "（A、B等负责）" names its offices as a 责任单位
cell "A、B" does and "（A等牵头）" its lead; one paragraph with no number under "一、", ending with its office and 牵头, is
an item of a 部门分工."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from mstrack.sources.table.item_offices import units_after
from mstrack.sources.table.list_work import does_work

from .test_table_read26 import _write

BREAKDOWN = ["甲省《政府工作报告》部门分工确定",
             "记者获悉,省政府就落实《政府工作报告》中的重点工作提出分工意见。",
             "1、进一步落实企业用电用气直供等产销衔接政策。(省发改委、省工信厅等负责)",
             "2、以尽快把文化产业打造成新支柱为目标,继续抓好30个重大文化项目。(省发改委、省文化厅等负责)",
             "3、继续实施“十百千万”工程,大力培育新型农业经营主体。(省农业厅等牵头)",
             "4、切实抓好粮食基地建设,全年粮食播种面积4600万亩。(省农业厅等负责)"]


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx"])
def test_a_breakdown_to_offices_is_read_as_a_list(tmp_path, suffix):
    """A text file's, a page's or a Word document's lines under a 部门分工 title: four items, the first office of
    "（A、B等负责）" the lead and the others units, "（A等牵头）" the lead, 负责 and 等 in no office's name."""
    tasks = convert_table(_write(tmp_path, suffix, BREAKDOWN), "x-2015", 2015).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3", "4"]
    assert tasks[0].title == "进一步落实企业用电用气直供等产销衔接政策。"
    assert [(t.lines[0].lead_units, [u for u in t.lines[0].units if u not in t.lines[0].lead_units]) for t in tasks] == [
        (["省发改委"], ["省工信厅"]), (["省发改委"], ["省文化厅"]), (["省农业厅"], []), (["省农业厅"], [])]
    assert [(i.target, i.unit) for i in tasks[1].lines[0].indicators] == [(30, "个")]


def test_a_list_under_a_title_that_names_no_programme_stays_refused(tmp_path):
    """The same items with no office of their own, under a news headline that names no programme of work, are a
    report's points: not read."""
    points = [line.split("。(")[0] + "。" for line in BREAKDOWN[2:]]
    lines = ["甲省经济形势新闻发布会", "记者获悉,省政府介绍了今年的情况。", *points]
    with pytest.raises(InputError):
        convert_table(_write(tmp_path, ".txt", lines), "x-2015", 2015)


def test_items_naming_their_own_offices_are_read_under_any_title(tmp_path):
    """Items that each end with the offices that do them ("(A、B等负责)") are a breakdown whatever the headline above
    them says (read46b: a list's own office brackets are the evidence of a programme, as its labels are)."""
    lines = ["甲省经济形势新闻发布会", "记者获悉,省政府介绍了今年的情况。", *BREAKDOWN[2:]]
    tasks = convert_table(_write(tmp_path, ".txt", lines), "x-2015", 2015).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3", "4"]
    assert tasks[2].lines[0].lead_units == ["省农业厅"]


@pytest.mark.parametrize(("text", "work"), [
    ("进一步落实产销衔接政策。", True), ("切实加强食品安全监管。", True), ("认真落实积极的财政政策。", True),
    ("以文化产业为目标,继续抓好重大文化项目。", True), ("以上项目由县政府督查。", False), ("进一步的说明见附件。", False)])
def test_work_told_how_or_for_what_aim_is_work(text, work):
    assert does_work(text) is work


@pytest.mark.parametrize(("text", "offices"), [
    ("新建幼儿园3所。(市教育局、市财政局等负责)", "市教育局、市财政局"),
    ("新建幼儿园3所。(市教育局负责)", "市教育局"),
    ("新建幼儿园3所。(市教育局等牵头)", "市教育局牵头"),
    ("新建幼儿园3所。(市教育局牵头,市财政局配合)", "市教育局牵头,市财政局配合")])
def test_a_bracket_ending_in_its_role_word(text, offices):
    """The 负责 that ends an item's bracket, and the 等 before its role word, are no part of an office's name."""
    assert units_after(text) == ("新建幼儿园3所。", offices)


SECTION = ["甲省人民政府", "关于落实《政府工作报告》重点工作", "部门分工的意见",
           "省政府各部门:", "一、努力扩大内需,促进经济平稳较快发展",
           "认真落实积极的财政政策。优化财政支出结构,省级财政拟安排超过100亿元资金用于新村建设。(财政厅牵头)"]


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_one_paragraph_under_a_heading_ending_with_its_lead_is_an_item(tmp_path, suffix):
    """A 部门分工's paragraph with no number under "一、…", ending "（财政厅牵头）": its one item, coded 1 by its order."""
    tasks = convert_table(_write(tmp_path, suffix, SECTION), "x-2011", 2011).programme.tasks
    assert [(t.code, t.lines[0].lead_units) for t in tasks] == [("1", ["财政厅"])]
    assert tasks[0].title.startswith("认真落实积极的财政政策。") and "财政厅牵头" not in tasks[0].title
    assert [(i.target, i.unit) for i in tasks[0].lines[0].indicators] == [(100 * 10**8, "元")]  # 亿 folded in


@pytest.mark.parametrize("last", ["认真落实积极的财政政策。优化财政支出结构。(财政厅)",  # no role: no lead named
                                  "认真落实积极的财政政策。优化财政支出结构。"])  # no office at all
def test_one_paragraph_without_its_lead_by_role_stays_refused(tmp_path, last):
    with pytest.raises(InputError):
        convert_table(_write(tmp_path, ".docx", [*SECTION[:-1], last]), "x-2011", 2011)
