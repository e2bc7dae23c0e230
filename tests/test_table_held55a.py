"""held55a (issue 13): structures of the forty-seventh held-out set, each on a small made-up document.

A plan's focus areas "（一）…" under a part "二、…", each followed by its labelled lines (牵头领导 / 牵头处室 /
责任处室（单位）), some of them a group over items "1．…" each with labelled lines of its own: the groups are the list
(list_bracketed.labelled_groups), a group with its own lines a task coded within its part (二(一)), the items of the
others coded within theirs (二(二)1), not a run of the items alone coded 1, 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from mstrack.errors import NoLayoutError
from mstrack.sources.table import convert_table
from mstrack.sources.table.list_bracketed import labelled_groups
from mstrack.sources.table.list_deadlines import campaign_period
from mstrack.sources.table.list_labels import column_label
from mstrack.sources.table.list_sections import part_name, runs_into_paragraph
from mstrack.sources.table.list_work import REFORM_NOTICE_RE
from mstrack.sources.table.reading import Row

FOCUS = [
    "县安全生产委员会关于印发安全隐患大排查大整治工作实施方案的通知",
    "各有关单位：",
    "现将《安全隐患大排查大整治工作实施方案》印发给你们，请认真组织实施。",
    "一、总体要求",
    "坚持以人民为中心，层层压实责任，全面排查整治各类安全隐患，切实防范各类事故发生。",
    "二、突出排查整治重点",
    "（一）医疗场所。主要包括各类医院、检测场所等，特别是各类观察场所和集中居住场所。",
    "牵头领导:张三",
    "牵头处室:社会事业处",
    "责任处室（单位）:资源生态处，各执法大队",
    "（二）人员密集场所。包括各类学校、商贸场所、旅游景区和养老机构等。",
    "1.养老机构及各类学校场所。",
    "牵头领导:张三",
    "牵头处室:社会事业处",
    "责任处室（单位）:各村居",
    "2.商贸场所及商贸企业。",
    "牵头领导:李四",
    "牵头处室:经济发展处",
    "责任处室（单位）:各市场监管分局，各村居",
    "（三）工业企业。包括粉尘涉爆、涉氨制冷、机械制造等企业。",
    "牵头领导:李四",
    "牵头处室:经济发展处",
    "责任处室（单位）:资源生态处，各派出所",
    "三、保障措施",
    "各单位要加强组织领导，严格落实责任，确保排查整治取得实效。",
    "县安全生产委员会",
    "2024年3月24日",
]


def _written(tmp_path: Path, lines: list[str], name: str = "plan.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_focus_groups_with_their_labelled_lines_are_tasks_beside_the_items_of_the_others(tmp_path):
    conversion = convert_table(_written(tmp_path, FOCUS), "x-2024", 2024)
    tasks = conversion.programme.tasks
    assert [t.code for t in tasks] == ["二(一)", "二(二)1", "二(二)2", "二(三)"]
    assert tasks[0].title.startswith("医疗场所。主要包括")
    assert tasks[1].title == "养老机构及各类学校场所。"
    assert [(t.lines[0].lead_units, t.lines[0].units) for t in tasks] == [
        (["社会事业处"], ["资源生态处", "各执法大队"]),
        (["社会事业处"], ["各村居"]),
        (["经济发展处"], ["各市场监管分局", "各村居"]),
        (["经济发展处"], ["资源生态处", "各派出所"]),
    ]


def test_items_under_groups_with_no_lines_of_their_own_are_no_such_list():
    # no group prints lines of its own: the items "1." are the list read in digits, as before (the groups its headings)
    def read(lines: list[str]) -> bool:
        rows = [Row(k, [line]) for k, line in enumerate(lines, 1)]
        return labelled_groups(rows, [row for row in rows if row.cells[0][:2] in ("1.", "2.")])

    assert read(FOCUS)
    bare = [line for k, line in enumerate(FOCUS) if k not in (7, 8, 9, 20, 21, 22)]
    assert not read(bare)
    # the group with its own lines in another part ("三、…" over "（一）…阶段" and its lines) makes none either
    assert not read([*bare[:-3], "三、工作步骤", "（一）部署阶段。各单位制定具体实施方案。", "牵头处室:社会事业处", *bare[-3:]])



# the focus areas summed up ("以上…"), then the next part of the campaign over its introduction and its own items
NEXT_PART = [
    "以上三类整治重点按照有关文件规定抓好落实。",
    "三、压紧压实工作责任",
    "本次大排查大整治不分阶段，各有关单位要迅速行动，坚持边排查、边整治。",
    "（一）全面摸底检查。各有关单位要深挖细查，全面排查风险隐患，建立问题清单。",
    "（二）坚决落实整改。对发现危及人身安全的隐患要立查立改，分批分期整改落实。",
    "四、保障措施",
    "（一）强化组织领导。各单位要细化工作方案，同步推进落实。",
    "（二）严肃追责问责。对发生事故的责任单位和责任人要严肃追责问责。",
]


def test_a_part_summed_up_goes_on_into_the_next_part_of_the_campaign(tmp_path):
    document = [*FOCUS[:-5], *NEXT_PART, *FOCUS[-2:]]
    tasks = convert_table(_written(tmp_path, document), "x-2024", 2024).programme.tasks
    assert [t.code for t in tasks] == ["二(一)", "二(二)1", "二(二)2", "二(三)", "三(一)", "三(二)"]
    assert tasks[4].title.startswith("全面摸底检查。") and tasks[4].lines[0].lead_units == ["（表中未列）"]  # no office
    # not summed up: the next part is no part of the list (a part of duties, of methods … starts a run of its own)
    tasks = convert_table(_written(tmp_path, [*FOCUS[:-5], *NEXT_PART[1:], *FOCUS[-2:]], "apart.txt"), "x-2024", 2024).programme.tasks
    assert [t.code for t in tasks] == ["二(一)", "二(二)1", "二(二)2", "二(三)"]

def test_a_campaign_time_stated_once_above_the_list_dates_every_task(tmp_path):
    opening = "经研究决定，自即日起至2024年12月31日在全县范围全面开展安全隐患大排查大整治，特制订本方案。"
    conversion = convert_table(_written(tmp_path, [*FOCUS[:3], opening, *FOCUS[3:]]), "x-2024", 2024)
    assert [str(t.deadline) for t in conversion.programme.tasks] == ["2024-12-31"] * 4


def test_a_campaign_time_names_its_year_and_the_programme_s():
    assert campaign_period(["决定自即日起至2024年12月31日在全县开展大排查大整治。"], 2024)[0] == "2024年12月31日"
    assert campaign_period(["决定即日起至2024年3月在辖区内集中开展冬春火灾防控工作。"], 2024)[0] == "2024年3月"
    assert campaign_period(["决定即日起至2024年3月在辖区内集中开展冬春火灾防控工作。"], 2023) is None  # runs on: its stages
    # no year printed: the programme's (held55b: yinhuan's "即日起至3月底")
    assert campaign_period(["决定即日起至3月底在全片区范围内组织开展大排查大整治活动。"], 2024)[0] == "3月底"
    assert campaign_period(["自即日起至2024年12月31日，全县各单位要做好值班工作。"], 2024) is None  # no campaign run


# a notice setting out a reform's measures: parts "一、…" over items "（一）…", a part whose name runs into its
# paragraph, a group "（二）…" of a long name over items "1．…", then requirements (组织领导)
REFORM = [
    "县卫生健康局关于进一步深化“放管服”改革的通知",
    "各医疗卫生机构：",
    "为加快转变政府职能，现就进一步深化“放管服”改革有关事项通知如下。",
    "一、简化部分设置审批",
    "（一）取消中医诊所设置审批，实行备案制。",
    "（二）取消职业健康检查机构设置审批，改为备案公示制。",
    "二、积极推动医师多点执业备案制。放宽医务人员的执业地点限制，允许在本县开展多机构执业，实行备案制管理。",
    "三、全面清理各种无谓证明。",
    "（一）办理执业登记时，医疗机构设置申请人无需提交资信证明、验资证明等材料。",
    "（二）简化生育登记服务材料，实行个人生育情况承诺制，推行网上生育登记服务。",
    "1.对于符合生育登记服务对象，群众只需提供有效证件，不再要求群众提供复印件。",
    "2.鼓励群众通过官网栏目或微信公众号办理生育登记服务。",
    "四、进一步加强组织领导，强化责任落实。",
    "（一）加强领导，提高认识。各单位要充分认识深化改革的重要性和紧迫性，确保各项举措落实到位。",
    "（二）创新监管理念和方式。各单位要加强事中事后监管，健全监管机制。",
    "县卫生健康局",
    "2024年8月16日",
]


def test_a_reform_notice_s_measures_are_read_as_its_work(tmp_path):
    conversion = convert_table(_written(tmp_path, REFORM), "x-2024", 2024)
    tasks = conversion.programme.tasks
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "二", "三(一)", "三(二)1", "三(二)2"]
    # the part's name run into its paragraph: its one task, the area named by the name alone
    assert tasks[2].title.startswith("积极推动医师多点执业备案制。放宽")
    assert ("二", "积极推动医师多点执业备案制") in [(a.code, a.name) for a in conversion.programme.areas]
    assert conversion.best_effort is not None  # a best effort: every task a doubt


def test_a_notice_naming_no_reform_leaves_the_same_points_unread(tmp_path):
    lines = [REFORM[0].replace("进一步深化“放管服”改革", "医疗机构有关事项"), *REFORM[1:]]
    with pytest.raises(NoLayoutError):
        convert_table(_written(tmp_path, lines), "x-2024", 2024)


def test_a_heading_runs_into_its_paragraph_only_with_a_name_and_sentences_after_it():
    assert runs_into_paragraph("三、积极推动医师多点执业备案制。放宽医务人员的执业地点限制，实行备案制管理。")
    assert not runs_into_paragraph("七、进一步加强组织领导，强化责任落实。")  # one sentence
    assert not runs_into_paragraph("六、全面清理相关文件或规范中存在的各种无谓证明。")
    assert not runs_into_paragraph("二、主要任务")
    assert part_name("三、积极推动医师多点执业备案制。放宽医务人员的执业地点限制。") == "三、积极推动医师多点执业备案制"
    assert REFORM_NOTICE_RE.search("平潭综合实验区卫生和计划生育局关于进一步深化“放管服”改革的通知")
    assert not REFORM_NOTICE_RE.search("关于印发深化“放管服”改革实施方案的通知")  # a plan issued: read as one


def test_a_leader_labelled_under_an_item_is_its_line_s_leader_not_its_content(tmp_path):
    # "牵头领导:张三" under a group or an item: the person who answers for it, as a 牵头领导 column gives; a contact
    # ("联系人：…") stays an aside
    tasks = convert_table(_written(tmp_path, FOCUS), "x-2024", 2024).programme.tasks
    assert [t.lines[0].leaders for t in tasks] == [["张三"], ["张三"], ["李四"], ["李四"]]
    assert not any("张三" in (t.note or "") or "李四" in (t.note or "") for t in tasks)
    assert column_label("牵头领导:张三") == ("牵头领导", "张三")
    assert column_label("联系人：张三") is None
