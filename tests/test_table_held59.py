"""held59 (issue 13): structures of the fifty-first held-out set, each on a small made-up document.

A stage dated by the day it is done by in its name's bracket ("（一）动员部署阶段(6月18日前)。…") is a dated step: its
sentences' doers are read as a step's (list_doers.step_doers), a kind left open ("各有关部门") or at large ("社会单位")
none of them, departments named by their short names before their kind ("安监、民政…等行业部门") its doers, and an
office's name never ends inside a word ("…工作办公室对…", "由乡政府组织…": list_doers.SPLIT_WORDS). Clauses "一、…；" of
one list take the first's doers; "1．name（即日起至10月底）。…" is due at its bracket's end; one sentence's duties joined by
"；要" are tasks, led by the doers stated once before the first "要"."""

from __future__ import annotations

from pathlib import Path

import pytest

from mstrack.errors import NoLayoutError
from mstrack.sources.table import convert_table
from mstrack.sources.table.list_doers import step_doers, subject_run


def _written(tmp_path: Path, lines: list[str], name: str = "notice.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _leads(task) -> list[str]:
    return [u for line in task.lines for u in line.lead_units]


def _units(task) -> list[str]:
    return [u for line in task.lines for u in line.units if u not in line.lead_units]


STEPS = [
    "某镇夏季消防安全检查实施方案",
    "各村、镇直各单位：",
    "为确保全镇火灾形势平稳，从即日起至2016年9月20日，在全镇开展夏季消防安全检查工作，特制定本方案。",
    "一、检查对象",
    "(一)重点企业。以易燃易爆企业为重点，主要检查消防安全责任制落实情况。",
    "(二)重点场所。以人员密集场所为重点，主要检查消防设施运行情况。",
    "二、实施步骤",
    "(一)动员部署阶段(6月18日前)。各有关部门、各村结合本地实际，制定具体实施方案，召开专门会议动员部署。",
    "(二)综合整治阶段(9月15日前)。采取综合措施，分区域开展排查。安监、民政、教育等行业部门落实部门监管职责，组织开展"
    "消防安全检查。社会单位开展自查自改，提高自我管理水平。",
    "(三)总结通报阶段(9月18日前)。镇消防安全检查工作办公室对各村检查工作情况进行汇总分析，总结经验做法。",
    "三、工作要求",
    "(一)加强组织领导。各村要明确职责分工，抓好落实。",
    "某镇人民政府",
    "2016年6月8日",
]


def test_a_stage_dated_in_its_name_names_its_doers_as_a_step(tmp_path):
    tasks = {t.code: t for t in convert_table(_written(tmp_path, STEPS), "x-2016", 2016).programme.tasks}
    assert list(tasks) == ["二(一)", "二(二)", "二(三)"]
    assert {code: str(t.deadline) for code, t in tasks.items()} == {
        "二(一)": "2016-06-18", "二(二)": "2016-09-15", "二(三)": "2016-09-18"}
    assert _leads(tasks["二(一)"]) == ["各村"]  # 各有关部门: a kind left open, none
    assert _leads(tasks["二(二)"]) == ["安监"]
    assert set(_units(tasks["二(二)"])) == {"民政", "教育"}  # 社会单位: the businesses overseen, no unit
    assert _leads(tasks["二(三)"]) == ["镇消防安全检查工作办公室"]


def test_step_doers_of_short_names_and_kinds():
    assert step_doers("安监、民政、教育等行业部门落实部门监管职责。社会单位开展自查自改。") == ["安监", "民政", "教育"]
    assert step_doers("各有关部门、各村结合本地实际，制定具体实施方案。") == ["各村"]
    assert step_doers("财政、民政等单位落实经费。") == []  # a kind that is no department's: the names are not read so
    assert step_doers("我局积极配合区农业农村局开展审计。") == []  # the issuer's own work


def test_a_name_never_ends_inside_a_word():
    assert subject_run("乡政府组织人员到企业进行核查") == "乡政府"
    assert subject_run("镇消防安全检查工作办公室对各村进行汇总") == "镇消防安全检查工作办公室"
    assert subject_run("区委组织部对各单位进行考核") == "区委组织部"


WEEK = [
    "某乡人民政府关于开展食品安全宣传周活动的通知",
    "各村、乡直各单位：",
    "根据区里的通知，我乡于6月13日至27日开展食品安全宣传周活动。",
    "一、各村、乡直各单位，组织开展针对农村食品生产的宣传活动；",
    "二、利用宣传栏、宣传单等形式，联合监管部门开展现场咨询活动；",
    "三、对农民群众开展食品安全知识宣传，培养农民自我保护意识。",
    "请各村、乡直各单位于6月28日前将活动总结报送乡食安办。",
    "某乡人民政府",
    "2016年6月12日",
]


def test_clauses_of_one_list_take_the_first_ones_doers_and_the_weeks_end(tmp_path):
    """Items "一、…；" "二、…；" "三、…。" of one list, its subject stated once in the first clause: every item led by the
    first's doers (list_chinese.subject_carried), due at the end of the span the covering sentence gives the work
    ("我乡于6月13日至27日开展…", list_deadlines.HELD_SPAN_RE)."""
    tasks = {t.code: t for t in convert_table(_written(tmp_path, WEEK), "x-2016", 2016).programme.tasks}
    assert list(tasks) == ["一", "二", "三"]
    assert {code: (_leads(t), _units(t)) for code, t in tasks.items()} == {
        code: (["各村"], ["乡直各单位"]) for code in tasks}
    assert {str(t.deadline) for t in tasks.values()} == {"2016-06-27"}
    assert tasks["一"].title.startswith("各村、乡直各单位，组织开展")


def test_clauses_each_naming_no_doer_carry_none(tmp_path):
    lines = [line.replace("一、各村、乡直各单位，组织开展", "一、组织开展") for line in WEEK]
    tasks = convert_table(_written(tmp_path, lines), "x-2016", 2016).programme.tasks
    assert [t.code for t in tasks] == ["一", "二", "三"]  # the week still dates them
    assert not any("乡直各单位" in u for t in tasks for u in [*_leads(t), *_units(t)])  # no doer carried
    undated = [line.replace("我乡于6月13日至27日开展", "我乡开展") for line in lines]
    with pytest.raises(NoLayoutError, match="no header row"):
        convert_table(_written(tmp_path, undated), "x-2016", 2016)


WAYS = [
    "某乡火灾隐患排查活动实施方案",
    "为加强火灾防控工作，决定自即日起至10月31日在全乡开展火灾隐患排查整治活动，制定实施方案如下：",
    "一、工作方式及时间",
    "1．自查自纠（即日起至10月底）。各村、各单位要组织生产经营单位深入开展自查自纠活动。",
    "2．专项检查（即日起至10月底）。各党政成员、各村、各单位要制定排查工作实施方案，进行彻底排查和整治。",
    "3．重点检查（即日起至10月底）。由乡政府组织人员到企业、教堂等重点领域进行核查。",
    "二、排查整治范围",
    "（一）教堂、寺庙等公众聚集场所。",
    "（二）学校、饭店、敬老院等人员密集场所。",
    "（三）仓库、物流等物资集中场所。",
    "某乡人民政府",
    "2017年5月27日",
]


def test_ways_of_working_dated_in_their_names_bracket(tmp_path):
    """"1．name（即日起至10月底）。sentences" under a part "一、": each a task, its name's bracket its deadline and no part
    of its words (list_numbered.NAME_PERIOD_RE), persons before its offices no doer (list_doers.PERSONS_OPENING_RE), its
    part's own items though the page holds a "(一)" list elsewhere (prose_chain._group_parts), coded inside it as the
    plan numbers its parts once each (prose_chain._one_part)."""
    tasks = convert_table(_written(tmp_path, WAYS), "x-2017", 2017).programme.tasks
    assert [t.code for t in tasks] == ["一1", "一2", "一3"]  # numbered inside the part (prose_chain._one_part)
    assert [t.title for t in tasks] == [
        "自查自纠。各村、各单位要组织生产经营单位深入开展自查自纠活动。",
        "专项检查。各党政成员、各村、各单位要制定排查工作实施方案，进行彻底排查和整治。",
        "重点检查。由乡政府组织人员到企业、教堂等重点领域进行核查。"]
    assert {str(t.deadline) for t in tasks} == {"2017-10-31"}
    assert [(_leads(t), _units(t)) for t in tasks] == [(["各村"], ["各单位"]), (["各村"], ["各单位"]), (["乡政府"], [])]


def test_items_under_a_part_numbered_twice_keep_their_numbers(tmp_path):
    """A covering letter's points "一、" before the plan's own "一、": the parts are not numbered once each, and the
    items keep their own numbers."""
    lines = [WAYS[0], "一、提高认识。各村要高度重视。", "二、加强领导。各村要明确责任。", *WAYS[1:]]
    tasks = convert_table(_written(tmp_path, lines), "x-2017", 2017).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3"]


FORWARDED = [
    "某局关于转发《某厅关于做好元旦春节水利安全生产工作的通知》的通知",
    "各相关单位、各水利工作站：",
    "现将《某厅关于做好元旦春节水利安全生产工作的通知》转发给你们，请认真抓好贯彻落实。各相关单位、各水利工作站要立即开展水库"
    "安全隐患排查，并将排查情况上报局水利处；要严格落实水库安全管理责任制；要加强安全值班，做好信息报送工作。",
    "某局",
    "2015年12月30日",
]


def test_duties_of_one_sentence_joined_by_yao(tmp_path):
    """One paragraph forwarding a notice, its one sentence giving three duties joined by "；要", the doers stated once
    before the first "要" (one_paragraph.carried_duties, list_doers.must_doers): three tasks coded 1–3, each led by the
    doers a kind left open ("各相关单位") leaves out, their marks kept, no deadline."""
    tasks = convert_table(_written(tmp_path, FORWARDED), "x-2015", 2015).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3"]
    assert [t.title for t in tasks] == ["各相关单位、各水利工作站要立即开展水库安全隐患排查，并将排查情况上报局水利处；",
                                        "要严格落实水库安全管理责任制；", "要加强安全值班，做好信息报送工作。"]
    assert [_leads(t) for t in tasks] == [["各水利工作站"]] * 3
    assert [t.deadline for t in tasks] == [None] * 3


def test_duties_whose_doers_are_a_kind_left_open_stay_unread(tmp_path):
    lines = [line.replace("各相关单位、各水利工作站要", "各相关单位要") for line in FORWARDED]
    with pytest.raises(NoLayoutError, match="no header row"):
        convert_table(_written(tmp_path, lines), "x-2015", 2015)


def test_short_department_names_typed_with_spaces_are_units_not_persons(tmp_path):
    """"民政 文化 宗教" in a 配合单位 cell: departments by their short names (vocabulary.SHORT_OFFICE_NAMES), each a unit, no
    head's name after an office (unit_people.person), as "民政、文化、宗教" reads."""
    path = tmp_path / "grid.csv"
    path.write_text("序号,工作任务,牵头单位,配合单位,完成时限\n1,开展消防安全检查,安监,民政 文化 宗教,2016年9月15日\n"
                    "2,开展消防宣传,安监,区民政局 张三,2016年9月15日\n", encoding="utf-8")
    conversion = convert_table(path, "x-2016", 2016)
    tasks = conversion.programme.tasks
    assert [(_leads(t), _units(t)) for t in tasks] == [(["安监"], ["民政", "文化", "宗教"]), (["安监"], ["区民政局"])]
    assert not any("a person" in str(d) and "民政" in str(d) for d in conversion.doubts)
