"""Issue 13, notices55: an inspection notice whose only work is a part of duties ("六、其他事宜", "七、其他要求"), each item
naming its doer — the addressees asked ("请各单位…"), a group the notice sets up or its members ("检查组成员要…"), an office
answering for a clause ("…，局综合处负责交通工具") — read as the notice's tasks; a part of requirements that mostly names
no doer ("六、工作要求" of "要…" sentences) is not."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mstrack.errors import NoLayoutError
from mstrack.sources.table import convert_table
from mstrack.sources.table.list_doers import paragraph_doers

from .conftest import text_tasks

NO_UNIT = "（表中未列）"  # the converter's placeholder where a task names no office

UNDATED = ["岚卫〔2018〕1号",
           "某局关于开展危险品安全检查的通知",
           "各医疗卫生单位：",
           "为做好安全工作，自即日起开展全系统危险品安全检查，具体通知如下：",
           "一、组织领导",
           "组 长：张三 局副局长",
           "成 员：李四 王五",
           "二、检查时间",
           "自即日起开展为期一个月的安全检查",
           "三、检查内容",
           "仓库是否落实双人保管制度；是否制定泄漏应急预案。",
           "四、其他事宜",
           "（一）请各单位进一步提高认识，做好自查和迎检的各项准备工作；",
           "（二）检查组成员要严格遵守廉洁自律有关规定；",
           "（三）局综合处负责车辆安排；",
           "（四）局安办负责具体事项联络。",
           "某局",
           "2018年12月12日"]

DATED = ["某局关于开展违规行为专项整治行动的通知",
         "全区各级各类医疗机构：",
         "经研究，决定开展专项整治行动，具体如下：",
         "一、组织机构",
         "成立某区专项整治行动工作组，成员如下：",
         "组 长：张三",
         "二、时间安排",
         "2018年7月19日—25日。",
         "三、整治重点",
         "（一）未取得许可证擅自执业；",
         "（二）超出登记范围执业；",
         "（三）违法发布医疗广告。",
         "四、工作要求",
         "（一）加强组织领导。专项整治行动工作组和医疗机构要高度重视，切实加强领导。",
         "（二）严格落实责任。各级各类医疗机构要切实落实依法执业主体责任。",
         "（三）密切协调配合。要将检查结果与校验挂钩，加大惩罚力度。",
         "（四）强化社会监督。要畅通投诉举报渠道，公开曝光典型案件。",
         "五、其他要求",
         "（一）提高思想认识。各级各类医疗机构要做好自查和迎检的各项准备工作。",
         "（二）组织培训。专项整治行动工作组要认真学习检查内容。",
         "（三）廉政纪律要求。严格按照廉洁自律有关规定执行。",
         "（四）工作组成员每天早上8点准时集中出发，局综合处负责交通工具。",
         "某局",
         "2018年7月18日"]


def _leads(tasks) -> list[list[str]]:
    return [[u for line in task.lines for u in line.lead_units] for task in tasks]


def test_an_undated_campaigns_duties_are_its_tasks(tmp_path):
    """A campaign whose time part prints no date ("二、检查时间" over "自即日起开展为期一个月…") and whose only work is its
    part of duties, each naming its doer: each a task coded within its part (四(一)), led by the addressees asked
    ("请各单位…": 各单位), the members of the group it sets up ("检查组成员要…"), the office answering for it ("X负责…");
    undated (no end is printed). 三's checks name no doer and are no tasks."""
    tasks = text_tasks(tmp_path, UNDATED, 2018)
    assert [t.code for t in tasks] == ["四(一)", "四(二)", "四(三)", "四(四)"]
    assert _leads(tasks) == [["各单位"], ["检查组成员"], ["局综合处"], ["局安办"]]
    assert [t.deadline for t in tasks] == [None] * 4
    assert tasks[0].title == "请各单位进一步提高认识，做好自查和迎检的各项准备工作；"


def test_duties_with_no_time_part_stay_refused(tmp_path):
    """The same duties in a notice that prints no part naming the time of its work: no campaign to give them to, the
    notice stays refused as before (an event's duties need its day, list_arrangements)."""
    lines = [line for line in UNDATED if line not in ("二、检查时间", "自即日起开展为期一个月的安全检查")]
    with pytest.raises(NoLayoutError):
        text_tasks(tmp_path, lines, 2018)


def test_a_time_part_printing_a_day_is_no_undated_campaign(tmp_path):
    """A time part over an event's day ("2018年12月20日上午9:00") dates no span: the plan is left to its parts' readings
    as before, not read as an undated campaign (nothing here reads it: refused)."""
    lines = [("2018年12月20日（星期四）上午9:00" if line.startswith("自即日起") else line) for line in UNDATED]
    lines = [line.replace("二、检查时间", "二、活动时间") for line in lines]
    with pytest.raises(NoLayoutError):
        text_tasks(tmp_path, lines, 2018)


def test_a_part_most_of_whose_items_name_their_doers_is_read_a_requirements_part_is_not(tmp_path):
    """"五、其他要求": three of its four items name their doers (the addressees 各级各类医疗机构, the 工作组 the notice sets
    up, the office answering for a clause "…，局综合处负责交通工具" — not the group's members who gather); the fourth
    ("（三）廉政纪律要求。严格按照…执行。") is read with no office. "四、工作要求", a closing part whose items mostly name no
    doer ("要将…", "要畅通…"), and 三's violations stay out; every duty due at the period's end (二、时间安排)."""
    tasks = text_tasks(tmp_path, DATED, 2018)
    assert [t.code for t in tasks] == ["五(一)", "五(二)", "五(三)", "五(四)"]
    assert _leads(tasks) == [["各级各类医疗机构"], ["专项整治行动工作组"], [NO_UNIT], ["局综合处"]]
    assert [t.deadline for t in tasks] == [date(2018, 7, 25)] * 4


def test_a_closing_part_of_requirements_with_some_doers_is_no_duties(tmp_path):
    """A closing part's points ("四、工作要求") where most items, not all, name their doers are requirements: with no
    other part of duties the notice stays refused."""
    lines = [line for line in DATED if not line.startswith(("五、", "（一）提高", "（二）组织", "（三）廉政", "（四）工作组"))]
    lines = [line.replace("专项整治行动工作组和医疗机构要", "各级各类医疗机构要").replace("要将检查结果", "各级各类医疗机构要将检查结果")
             for line in lines]  # three of four name their doers
    with pytest.raises(NoLayoutError):
        text_tasks(tmp_path, lines, 2018)


def test_items_printing_their_offices_are_left_to_the_list_readings(tmp_path):
    """Items that print their offices after their words ("…（责任单位：区医院、区中医院）"), some naming no doer in their
    sentences, are a list's, not an event's duties read from the sentences: their brackets give the offices."""
    lines = ["某局关于印发《2018年义诊活动周方案》的通知",
             "2018年义诊活动周方案",
             "一、活动时间",
             "2018年9月6日至12日。",
             "二、主要内容",
             "（一）对口支援义诊。活动周内开展义诊工作，组织会诊。（责任单位或处室：区医院、区中医院）",
             "（二）各基层医疗机构组织义诊。各基层医疗机构要组织医护人员开展义诊。（责任单位或处室：各基层医疗卫生单位）",
             "（三）举办健康大讲堂。区医院要组织专家为医护人员进行培训。（责任单位或处室：局综合处、区医院）",
             "（四）院内义诊活动。区医院邀请专家开展义诊活动，编印宣传资料。（区医院、区中医院）",
             "（五）医疗服务进军营。区卫计局要联合区医院到军营开展义诊活动。（责任单位或处室：局医政处、区医院）",
             "三、工作要求",
             "（一）加大宣传。各医疗卫生单位要充分利用各种媒体加强宣传。"]
    tasks = text_tasks(tmp_path, lines, 2018)
    assert [t.code for t in tasks] == ["二(一)", "二(二)", "二(三)", "二(四)", "二(五)"]
    assert _leads(tasks)[::2] == [["区医院"], ["局综合处"], ["局医政处"]]


def _page(path: Path, *blocks: str) -> Path:
    """A saved web page of BLOCKS: a "<tr>…" block is a table, any other a paragraph."""
    body = "".join(f'<table border="1">{b}</table>' if b.startswith("<tr>") else f"<p>{b}</p>" for b in blocks)
    path.write_text(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>', encoding="utf-8")
    return path


CHECKLIST = ("<tr><td>序号</td><td>项目</td><td>内容与要求</td><td>得分</td></tr>"
             "<tr><td>1</td><td>组织机构健全（30分）</td><td>1.成立消防安全领导小组</td><td></td></tr>"
             "<tr><td>2</td><td>单位设施安全（30分）</td><td>1.消防设施完好有效</td><td></td></tr>")


def test_an_undated_campaigns_duties_beside_its_checklist_table_are_no_part_of_the_plan(tmp_path):
    """A web page of the same notice with its annex, a checklist table: the text's undated duties are the notice's own
    logistics around the table, set aside (table.parts); the table's items are the plan, as before."""
    page = _page(tmp_path / "notice.html", *UNDATED[:-2], "附件：安全检查表", "某局", "2018年12月12日", "附件",
                 "安全检查表", CHECKLIST)
    conversion = convert_table(page, "x-2018", 2018)
    assert [task.code for task in conversion.programme.tasks] == ["1", "2"]


def test_a_paragraphs_doer_may_be_a_group_the_notice_sets_up_or_its_members():
    """"检查组成员要…", "专项整治行动工作组要…": a body set up for the work, or its members, is the sentence's doer; a
    name that is no office nor such a body beside it ("…工作组和医疗机构要…") names none, nor does "组织" after 检查."""
    assert paragraph_doers("检查组成员要严格遵守廉洁自律有关规定；") == ["检查组成员"]
    assert paragraph_doers("组织培训。专项整治行动工作组要认真学习检查内容。") == ["专项整治行动工作组"]
    assert paragraph_doers("加强领导。专项整治行动工作组和医疗机构要高度重视。") == []
    assert paragraph_doers("检查组织要严密，确保质量。") == []
