"""Issue 13, held52c: an event's duties numbered "（一）" under its part "七、其他事项", each led by the offices its words
name (a duty's work listing things, an office in a bracket, each clause's own office), and two offices' equal shares."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.errors import InputError, NoLayoutError
from mstrack.sources.rows import Row
from mstrack.sources.table.list_events import activity_schedule
from mstrack.sources.table.mentions import find_mentions

from .conftest import convert_written

NO_UNIT = "（表中未列）"  # the converter's placeholder where a task names no office


def _tasks(tmp_path, lines: list[str], year: int, name: str = "plan.txt"):
    return convert_written(tmp_path, name, "\n".join(lines) + "\n", year).programme.tasks


CLINIC = ["某区义诊活动方案",
          "为做好义诊活动，现特制定活动方案如下：",
          "一、时 间：2019年3月12日",
          "二、地 点：某镇某村委会",
          "三、参加对象",
          "（一）局综合处、医政处负责人及相关工作人员；",
          "（二）区医院、区中医院专家组。",
          "四、其他事项",
          "（一）局医政处负责本次活动的组织协调；",
          "（二）局公卫处、区疾控中心负责宣传材料、展板及横幅;",
          "（三）3月12日上午参加活动的所有人员在区医院大门集中（局综合处负责交通工具）；",
          "（四）所有医务人员要统一着装；区医院准备2000元常用药品；区中医院准备2000元常用药品；",
          "（五）某村委负责桌椅布置，区卫生院协助。"]


def test_an_events_bracketed_duties_are_led_by_the_offices_their_words_name(tmp_path):
    """An event's plan whose duties are numbered "（一）" under "四、其他事项": each a task coded within its part (四(一)),
    due on the event's day ("一、时 间：…", a space inside 时间). Its offices as its words name them: a duty whose work
    lists things ("负责宣传材料、展板及横幅": the 、 joins no office), the office in a bracket of an item whose words are
    everyone's ("（局综合处负责交通工具）", the bracket kept in the title), each clause's own office ("区医院准备…；区中医院
    准备…": the first leads); the attendees' list above ("…负责人及相关工作人员") is no duty."""
    tasks = _tasks(tmp_path, CLINIC, 2019)
    assert [t.code for t in tasks] == ["四(一)", "四(二)", "四(三)", "四(四)", "四(五)"]
    assert [(t.lines[0].lead_units, t.lines[0].units) for t in tasks] == [
        (["局医政处"], []), (["局公卫处", "区疾控中心"], []), (["局综合处"], []), (["区医院"], ["区中医院"]),
        (["某村委"], ["区卫生院"])]
    assert {t.deadline for t in tasks} == {date(2019, 3, 12)}
    assert tasks[2].title == "3月12日上午参加活动的所有人员在区医院大门集中（局综合处负责交通工具）；"
    assert [i for line in tasks[2].lines for i in line.indicators] == []


def test_two_offices_equal_shares_are_two_targets(tmp_path):
    """"区医院准备2000元常用药品；区中医院准备2000元常用药品": the same figure in two clauses, each opening with an office of
    its own, is each office's share: two targets, not one printed twice."""
    tasks = _tasks(tmp_path, CLINIC, 2019)
    indicators = [i for line in tasks[3].lines for i in line.indicators]
    assert [(i.target, i.unit) for i in indicators] == [(2000, "元"), (2000, "元")]
    assert ["区医院" in indicators[0].name, "区中医院" in indicators[1].name] == [True, True]  # each its office's


def test_two_offices_shares_of_one_name_are_told_apart_by_their_office(tmp_path):
    """Two shares whose words name the same thing ("区医院准备2000元常用义诊药品；中医院准备2000元常用义诊药品") are named
    apart by the office each one's words open with, not by their order ("（2）")."""
    lines = [*CLINIC[:11], "（四）医务人员统一着装；区医院准备2000元常用义诊药品；中医院准备2000元常用义诊药品；", CLINIC[12]]
    tasks = _tasks(tmp_path, lines, 2019)
    assert [i.name for line in tasks[3].lines for i in line.indicators] == ["常用义诊药品（区医院）", "常用义诊药品（中医院）"]


def test_one_figure_restated_by_one_office_stays_one_target(tmp_path):
    """The same office printing its figure twice ("区医院准备2000元常用药品，区医院准备2000元药品") is one target: only
    different offices make shares."""
    lines = [*CLINIC[:11], "（四）区医院准备2000元常用药品；区医院准备2000元常用药品；", CLINIC[12]]
    tasks = _tasks(tmp_path, lines, 2019)
    assert [(i.target, i.unit) for line in tasks[3].lines for i in line.indicators] == [(2000, "元")]


def test_bracketed_duties_without_the_events_day_are_not_an_events(tmp_path):
    """Without the day printed in a part of its own, the "（一）" duties are not read as an event's: no day to give them.
    "四、其他事项" is a requirements part as "其他事宜" is (vocabulary.REQUIREMENTS_SECTIONS), no heading naming work
    for the best-effort reading: refused, as test_table_notices55 refuses the same duties under "其他事宜" (fixrev55b)."""
    lines = [line for line in CLINIC if not line.startswith("一、")]
    with pytest.raises(NoLayoutError):
        _tasks(tmp_path, lines, 2019)


CAMPAIGN = ["某局关于开展“安全宣传月”活动方案",
            "为做好宣传月活动，制定如下方案：",
            "一、活动目的",
            "增强全民安全素质，营造良好氛围。",
            "二、时间安排",
            "2018年11月10日至12月10日，其中11月26日至12月2日为集中宣传周。",
            "三、宣传内容",
            "（一）开展安全相关法律、法规解读。",
            "（二）曝光典型违法和事故案例。",
            "四、工作措施",
            "（一）各单位要高度重视，召开专题部署会议，明确宣传职责。",
            "（二）要组织本单位职工学习法律、法规，增强职工安全素质。",
            "（三）要充分利用电视、广播等各类方式，大力宣传安全知识。",
            "请各单位于12月1日前将活动总结报送局安办。"]


def test_a_campaigns_measures_are_led_by_the_office_the_first_names(tmp_path):
    """A campaign's plan: its span in a part of its own ("二、时间安排" over "2018年11月10日至12月10日，其中…"), and a part
    of measures whose first item names its doers ("（一）各单位要…") and whose next ones leave their subject out ("（二）要
    组织本单位…"): each a task of that office, due at the span's end; the topics above (三、宣传内容) name no doer and are
    no tasks, nor is the report line after the last item."""
    tasks = _tasks(tmp_path, CAMPAIGN, 2018)
    assert [t.code for t in tasks] == ["四(一)", "四(二)", "四(三)"]
    assert [t.lines[0].lead_units for t in tasks] == [["各单位"]] * 3
    assert [t.deadline for t in tasks] == [date(2018, 12, 10)] * 3
    assert tasks[1].title == "要组织本单位职工学习法律、法规，增强职工安全素质。"


def test_a_measure_with_no_subject_after_one_with_none_is_no_duty(tmp_path):
    """The subject carried only from an item that names one: measures that are all "要…" name no doer, and are not
    read as a campaign's duties: the plan stays refused, as before."""
    lines = [*CAMPAIGN[:10], "（一）要高度重视，召开专题部署会议。", *CAMPAIGN[11:]]
    with pytest.raises(NoLayoutError):
        _tasks(tmp_path, lines, 2018)


WEEK = ["2018年某宣传周活动实施方案",
        "我区将于2018年8月1-7日开展宣传周系列活动，特制定本实施方案。",
        "一、活动开展时间",
        "2018年8月1日至8月7日",
        "二、活动安排",
        "（一）加大宣传",
        "活动时间：2018年8月1日至8月7日",
        "活动内容与形式：区妇幼保健院负责印刷宣传材料，分发给各基层医疗机构。区妇幼要加大宣传力度。",
        "各基层医疗机构负责人要充分利用宣传材料，普及知识。",
        "（二）区医院组织举办“喂养培训班”",
        "培训时间：2018年8月3日",
        "培训地点：区医院培训中心",
        "培训对象：区医院、各基层医疗机构相关医护人员。",
        "（三）区妇幼组织开展现场咨询义诊",
        "义诊时间：2018年8月5日",
        "义诊地点：人民体育广场",
        "（四）加强爱婴医院的管理。",
        "区医院作为爱婴医院，是重要阵地，我局将适时对区医院开展复核。",
        "三、相关要求",
        "各单位要认真按照方案要求，及时部署相关工作。"]


def test_named_activities_over_labelled_fields_are_a_schedule(tmp_path):
    """Activities each a name on a line of its own over labelled fields ("活动时间：" "活动内容与形式：", "培训时间："
    "培训地点：" "培训对象：", "义诊时间：" "义诊地点："), a paragraph after the fields their content: each a task titled
    by its name (a closing stop no part of it), due at its time's end, or at the week's ("一、活动开展时间") when it
    prints none. Its lead the office its name opens with ("区医院组织举办…"), else its content's subjects ("区妇幼保健院
    负责…", "区妇幼要…" the same office, "各基层医疗机构负责人要…": a unit); the people trained take part, no doers; the
    issuer's own work ("我局将…") names none."""
    tasks = _tasks(tmp_path, WEEK, 2018)
    assert [t.code for t in tasks] == ["二(一)", "二(二)", "二(三)", "二(四)"]
    assert [t.title for t in tasks] == ["加大宣传", "区医院组织举办“喂养培训班”", "区妇幼组织开展现场咨询义诊", "加强爱婴医院的管理"]
    assert [(t.lines[0].lead_units, t.lines[0].units) for t in tasks] == [
        (["区妇幼保健院"], ["各基层医疗机构"]), (["区医院"], []), (["区妇幼"], []), ([NO_UNIT], [])]
    assert [t.deadline for t in tasks] == [date(2018, 8, 7), date(2018, 8, 3), date(2018, 8, 5), date(2018, 8, 7)]


def test_a_stage_over_its_time_and_task_is_no_event():
    """"（一）前期准备阶段" over "时间：2023年9月-10月" and "任务：…": a stage of the plan, no event with a content of its
    own (an event's is what happens: 内容, 形式, 流程), left to the stages' reading; an activity over its time and
    "活动内容与形式：…" is one."""
    stages = ["二、时间安排", "（一）前期准备阶段", "时间：2023年9月-10月", "任务：结合本方案，制定实施计划。",
              "（二）整治实施阶段", "时间：2023年11月-12月", "任务：开展示范创建工作。"]
    assert activity_schedule([Row(k, [text]) for k, text in enumerate(stages, 1)]).items == set()
    events = [text.replace("任务：", "活动内容与形式：") for text in stages]
    assert activity_schedule([Row(k, [text]) for k, text in enumerate(events, 1)]).items == {1, 4}


CHECKLIST = """<html><head><meta charset="utf-8"></head><body>
<p>某局关于开展消防安全检查的通知</p>
<p>各单位：</p>
<p>为做好消防安全隐患整改工作，自即日起开展消防安全检查，具体通知如下：</p>
<p>一、检查时间</p>
<p>自即日起开展为期一个月的消防安全检查</p>
<p>二、其他事宜</p>
<p>（一）请各单位做好自查和迎检的各项准备工作；</p>
<p>（二）局综合处负责车辆安排。</p>
<p>附件：消防安全检查表</p>
<table border="1">
<tr><td>序号</td><td>项目</td><td>内容与要求</td><td>检查情况</td><td>得分</td></tr>
<tr><td>1</td><td>组织机构健全（30分）</td><td>1.是否成立安全工作领导小组。（10分）<br>2.消防安全工作制度是否齐全。（20分）</td><td></td><td></td></tr>
<tr><td>2</td><td>单位设施安全（40分）</td><td>1.应急照明设备是否齐全。（20分）<br>2.灭火器是否足量配置。（20分）</td><td></td><td></td></tr>
<tr><td>3</td><td>安全宣传教育（30分）</td><td>1.是否进行了消防安全知识教育。（30分）</td><td></td><td></td></tr>
<tr><td colspan="3">总分：</td><td></td><td></td></tr>
</table>
</body></html>
"""


def test_a_checklist_whose_items_print_their_points_is_no_list_of_units(tmp_path):
    """A checklist table (序号 / 项目 / 内容与要求 / 检查情况 / 得分) whose items print their points after their names
    ("单位设施安全（40分）"): the bracket ends the name as an office's bracket would, but a bracket of points is no part
    of a unit's name, so the table is no list of companies: each item a task titled as printed, its points kept, no
    office, no target (points are none); the 总分 row no task."""
    tasks = convert_written(tmp_path, "plan.html", CHECKLIST, 2018).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [
        ("1", "组织机构健全（30分）"), ("2", "单位设施安全（40分）"), ("3", "安全宣传教育（30分）")]
    assert [i for t in tasks for line in t.lines for i in line.indicators] == []


def test_a_list_of_units_is_still_refused(tmp_path):
    """A table whose rows are units' names ("城东供水有限公司") stays a list of companies, refused as before: only a
    bracket holding a figure ("（30分）") is set apart from a name."""
    html = CHECKLIST
    for k, name in enumerate(["组织机构健全（30分）", "单位设施安全（40分）", "安全宣传教育（30分）"]):
        html = html.replace(name, ["城东供水有限公司", "城西燃气有限公司（分公司）", "城南公交有限公司"][k])
    with pytest.raises(InputError, match="a list of companies"):
        convert_written(tmp_path, "plan.html", html, 2018)


def test_a_bound_in_a_rules_bracket_is_no_target(tmp_path):
    """"达到规定面积（中心所原则上不低于150平方米，一般所不低于60平方米）": the bracket opened by a rule's words ("原则上")
    lists the rule's cases, each a standard: the second clause's bound no target either; a count in such a bracket
    is one."""
    assert find_mentions("3.用房是否达到规定面积（中心所原则上不低于150平方米，一般所不低于60平方米）（4分）", 2019) == []
    assert [(m.value, m.unit) for m in find_mentions("新建用房（中心所原则上不低于150平方米，新建一般所10个）", 2019)] == [(10, "个")]
