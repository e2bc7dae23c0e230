"""Issue 13, read41a: documents of ONE item, and a PDF's text broken at the printed page's width, each rule on a small
document of its own: one item under a heading naming tasks is a list still (list_single.py), a lone numbered sentence
in prose is none; lines broken at the document's own wrap width are joined again and page footers dropped
(list_lines.unwrapped)."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table.reading import Row

from .conftest import convert_written

# --- 1. one item under a heading naming tasks ------------------------------------------------------------------------

ONE_BRACKETED = ("某县2025年民生实事工作方案\n"
                 "一、工作目标\n"
                 "坚持以人民为中心的发展思想,持续保障和改善民生,不断增强人民群众的获得感、幸福感、安全感。\n"
                 "二、工作任务\n"
                 "(一)建设社区食堂。新建社区食堂12个,年底前全部投入运营。(责任单位:县民政局、县财政局)\n")


def test_one_bracketed_item_under_a_heading_naming_tasks_is_read(tmp_path):
    """"二、工作任务" over one item "(一)…": the heading names the list, as a title above it would, and the item keeps
    its own number (一), not the heading's (二(一)); the goals' paragraph under "一、工作目标" is no task."""
    tasks = convert_written(tmp_path, "plan.txt", ONE_BRACKETED, 2025).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("一", "建设社区食堂。新建社区食堂12个,年底前全部投入运营。")]
    assert tasks[0].lines[0].lead_units == ["县民政局"]
    assert [(i.target, i.unit) for i in tasks[0].lines[0].indicators] == [(12, "个")]


ONE_NUMBERED = ("某区2024年重点工作任务分解方案\n"
                "为推进民生实事落实,制定如下任务分解方案。\n"
                "一、优化基层治理体系,提升服务群众水平\n"
                "1.完善街道便民服务中心功能,推进政务服务事项下沉街道办理。\n"
                "牵头单位:区政务服务局\n"
                "协办单位:区民政局、各街道办事处\n")


def test_one_numbered_item_with_labelled_offices_under_a_breakdowns_title_is_read(tmp_path):
    """One "1." item whose offices are labelled under it (牵头单位, 协办单位: helpers, as 配合单位) in a document titled a
    breakdown of tasks: a list of one, its heading the opinion's part and no part of the code."""
    tasks = convert_written(tmp_path, "plan.txt", ONE_NUMBERED, 2024).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("1", "完善街道便民服务中心功能,推进政务服务事项下沉街道办理。")]
    assert tasks[0].lines[0].lead_units == ["区政务服务局"]
    assert set(tasks[0].lines[0].units) - {"区政务服务局"} == {"区民政局", "各街道办事处"}


PROSE = ("关于做好春节期间安全工作的通知\n"
         "各乡镇、各部门:\n"
         "为确保春节期间社会稳定,现将有关事项通知如下。\n"
         "一、高度重视\n"
         "1.各单位要高度重视安全生产,加强值班值守,确保信息畅通。\n"
         "某县人民政府办公室\n")


@pytest.mark.parametrize(("heading", "point"), [
    ("一、高度重视", ""),  # a heading naming no tasks, no office labelled under the point
    ("二、工作任务", ""),  # a requirement on offices ("各单位要…") is no task
    ("二、主要任务", "1.开展安全生产大检查,排查整治隐患100处。"),  # work, but no line above names a programme
    ("二、主要任务", "1.开展安全生产大检查,排查整治隐患100处。\n牵头单位:县应急管理局"),
])
def test_a_lone_numbered_sentence_in_prose_stays_refused(tmp_path, heading, point):
    """A notice's one numbered point is no list: one item is a list only under a heading naming tasks or with its
    offices labelled under it, doing work, in a document whose lines name the programme."""
    text = PROSE.replace("一、高度重视", heading)
    text = text.replace("1.各单位要高度重视安全生产,加强值班值守,确保信息畅通。", point) if point else text
    with pytest.raises(InputError, match="no header row found|no table found"):
        convert_written(tmp_path, "notice.txt", text, 2024)


# --- 2. a PDF's text broken at the printed page's width --------------------------------------------------------------

WRAPPED = ("某区落实民生实事的任务分解方案\n"
           "为扎实推进民生实事项目落实,结合本区实际,现\n"
           "制定如下任务分解方案。\n"
           "一、提升公共服务水平,推动优质资源向基层延\n"
           "伸\n"
           "1.新建社区养老服务驿站6个,完善居家养老服务网\n"
           "络,年底前全部投入运营。\n"
           "牵头单位:区民政局\n"
           "协办单位:区财政局、区卫生健康委员会、各街道\n"
           "— — — 2 —\n"
           "办事处\n"
           "2.改造老旧小区12个,同步实施加装电梯和雨污分\n"
           "流改造,惠及居民3000户。\n"
           "牵头单位:区住房城乡建设委\n"
           "- 3 -\n"
           "3.新建改建公共厕所20座,推进公厕免费开放并落\n"
           "实专人管理,方便群众如厕。\n"
           "牵头单位:区城市管理委员会\n"
           "第 4 页\n")


def test_a_hard_wrapped_breakdown_is_read_with_its_lines_joined(tmp_path):
    """Three items each over two lines broken inside words, a heading over two lines, a unit's name broken across a
    page footer ("各街道" / "— — — 2 —" / "办事处"): each title whole, no footer a unit, 协办单位 the helpers."""
    tasks = convert_written(tmp_path, "plan.txt", WRAPPED, 2024).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [
        ("1", "新建社区养老服务驿站6个,完善居家养老服务网络,年底前全部投入运营。"),
        ("2", "改造老旧小区12个,同步实施加装电梯和雨污分流改造,惠及居民3000户。"),
        ("3", "新建改建公共厕所20座,推进公厕免费开放并落实专人管理,方便群众如厕。")]
    assert [t.lines[0].lead_units for t in tasks] == [["区民政局"], ["区住房城乡建设委"], ["区城市管理委员会"]]
    assert set(tasks[0].lines[0].units) - {"区民政局"} == {"区财政局", "区卫生健康委员会", "各街道办事处"}
    assert [(i.target, i.unit) for i in tasks[2].lines[0].indicators] == [(20, "座")]


def _rows(text: str) -> list[Row]:
    return [Row(k, [line]) for k, line in enumerate(text.splitlines(), 1)]


def test_a_short_line_ending_a_paragraph_is_no_wrap():
    """A line short of the width ends its paragraph though no stop ends it (a title, a heading's last line): the line
    after it starts anew; a line at the width goes on below. The width is the document's own, measured."""
    from mstrack.sources.table.list_lines import unwrapped

    rows = unwrapped(_rows(WRAPPED))
    texts = [row.cells[0] for row in rows]
    assert texts[0] == "某区落实民生实事的任务分解方案"  # short, no stop: the title, not joined to the preamble
    assert texts[1] == "为扎实推进民生实事项目落实,结合本区实际,现制定如下任务分解方案。"
    assert texts[2] == "一、提升公共服务水平,推动优质资源向基层延伸"
    assert "协办单位:区财政局、区卫生健康委员会、各街道办事处" in texts
    assert not any("—" in text or "页" in text or text == "- 3 -" for text in texts)


def test_a_document_of_one_paragraph_a_line_is_left_as_it_is():
    """Paragraphs of every length, one a line: no width shared by its lines, nothing joined, no line dropped."""
    text = ("某县2024年民生实事项目\n"
            "1.新建城区幼儿园3所,新增学位1080个\n"
            "2.改造农村公路50公里,年底前完工并通车,方便沿线群众出行\n"
            "3.新建社区卫生服务站5个\n"
            "4.为全县65岁以上老年人免费体检一次,建立健康档案并实行动态管理,体检率达到90%以上\n"
            "— 2 —\n")
    from mstrack.sources.table.list_lines import unwrapped, wrap_width

    rows = _rows(text)
    assert wrap_width([row.cells[0] for row in rows]) is None
    assert unwrapped(rows) == rows
