"""units65 (issue 13): doers read right: a role word closing words that are no office's name ("扩大老年人的社会参与",
"各村居要落实责任") names no helper; a step's subject is never the work itself ("深化协同联动") nor two parties joined by
配合; an outline half of whose items name their doers, a date or a figure, beside a group naming them all, is read whole."""

from __future__ import annotations

import pytest

from mstrack.sources.table import convert, convert_table
from mstrack.sources.table.list_doers import paragraph_doers, step_doers
from mstrack.sources.table.units import role_read, unit_names


@pytest.mark.parametrize("cell", [
    "扩大老年人的社会参与",  # the work's own words, 参与 closing them
    "各村居要落实责任",  # a duty's modal: 各村居's work, no list a role closes
    "各相关医疗卫生单位指定专人协助工程师接入专线，开展院内监控平台对接及调试工作（附件2）",  # an office, then its work
])
def test_a_role_word_closing_no_offices_names_no_helper(cell):
    assert role_read(cell) is None


@pytest.mark.parametrize(("cell", "read"), [
    ("市住建局牵头，市财政局配合", (["市住建局"], ["市财政局"])),
    ("各有关处室（中心）和单位配合", ([], ["各有关处室（中心）和单位"])),
    ("区企业服务中心牵头", (["区企业服务中心"], [])),
])
def test_offices_a_role_closes_still_read(cell, read):
    assert role_read(cell) == read


@pytest.mark.parametrize("sentence", ["深化协同联动", "片区防指配合实验区应急管理部门负责灾情调查", "应配合实验区有关部门开展政府救助"])
def test_a_steps_subject_is_never_its_work_nor_two_parties(sentence):
    assert step_doers(sentence) == []


def test_an_outline_half_of_whose_items_name_doers_is_read_whole(tmp_path, monkeypatch):
    """Three measures naming no doer, three steps each naming theirs: the whole outline is the work (as if the best effort
    refused the document)."""
    monkeypatch.setattr(convert, "best_effort_table", lambda *_: None)
    lines = ["某区关于做好老年友好社区创建工作的通知", "一、主要内容", "（一）改善老年人的居住环境。支持适老化改造。",
             "（二）方便老年人的日常出行。加强无障碍改造。", "（三）扩大老年人的社会参与。引导老年人参与社区建设。",
             "二、工作安排", "（一）逐级组织培训。区社会事业局开展相关培训。", "（二）现场调研指导。区社会事业局适时开展督导调研。",
             "（三）社区申报。各片区管理局初审后报送。"]
    path = tmp_path / "notice.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tasks = convert_table(path, "x-2024", 2024).programme.tasks
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)", "二(一)", "二(二)", "二(三)"]
    assert [t.lines[0].lead_units for t in tasks[:3]] == [["（表中未列）"]] * 3  # no doer named: none read
    assert tasks[3].lines[0].lead_units == ["区社会事业局"]


@pytest.mark.parametrize(("names", "read"), [
    ("经信、商务、海渔、农机等部门", ["经信", "商务", "海渔", "农机"]),  # divisions by their short names, a kind left open
    ("经信、水利等处室", ["经信", "水利"]),
    ("安监、民政等行业部门", ["安监", "民政"]),
    ("区住建局、区财政局等部门", ["区住建局", "区财政局等部门"]),  # full names: 等部门 stays as it was read
    ("财政、民政等单位", ["财政", "民政等单位"]),  # 单位: a kind that is no department's (test_table_held59)
])
def test_short_names_closed_by_a_kind_left_open_are_divisions(names, read):
    assert unit_names(names) == read


@pytest.mark.parametrize(("paragraph", "doers"), [
    ("近期将开展考评督查工作，请经信、商务、海渔、农机等部门认真做好迎检准备。", ["经信", "商务", "海渔", "农机"]),
    ("请经信、水利、旅游等处室重点做好重要目标的反恐工作。", ["经信", "水利", "旅游"]),
    ("材料经幼儿园、公安、纪检等部门审核把关后原件退还。", []),  # whom the work passes through
    ("联合公安、工商、质监等部门开展打假行动。", []),  # whom the work is shared with
])
def test_a_request_to_divisions_by_their_short_names_names_its_doers(paragraph, doers):
    assert paragraph_doers(paragraph, opening=True) == doers
