"""Issue 13, held53: a plan's stages dated in a bracket after their names (each its own span, one ending at an event),
the doers a work item's sentences name (every unit a plan is sent to, before the next item too; the office it
supports), each read by its structure on a small plan of its own."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.errors import InputError
from mstrack.sources.table.columns import column_kind
from mstrack.sources.table.list_doer_lines import sentence_body
from mstrack.sources.table.list_doers import paragraph_doers

from .conftest import text_tasks


def _leads(task) -> list[str]:
    """The task's lead units, each once (a task of several lines names its lead on each)."""
    return list(dict.fromkeys(u for line in task.lines for u in line.lead_units if u != "（表中未列）"))


def _units(task) -> list[str]:
    return [u for line in task.lines for u in line.units if u not in _leads(task)]


def _checkpoints(task) -> list[date]:
    return sorted({m.due for line in task.lines for i in line.indicators for m in i.milestones}
                  | {c.due for line in task.lines for c in line.checkpoints})


CAMPAIGN = ["关于开展商场诊所消防安全专项整治的实施方案",
            "一、工作目标",
            "有效防范和遏制火灾事故发生。",
            "二、整治时间",
            "2019年8月至10月31日",
            "三、整治重点",
            "1．场所是否依法通过消防验收。",
            "2．疏散通道是否堆放杂物。",
            "3．是否落实消防安全主体责任。",
            "四、工作步骤",
            "（一）动员部署阶段（8月27日前）。区卫健局按照工作部署要求，全面启动排查整治工作。",
            "（二）排查整治阶段（8月28日至10月15日）。区卫健局要组织诊所于8月30日前开展自查，逐项督促整改。",
            "（三）总结验收阶段（10月16日至10月31日）。区卫健局将成立检查组，对整治工作进行检查验收。",
            "五、工作要求",
            "（一）加强组织领导。成立专项整治领导小组。",
            "（二）广泛宣传教育。通过悬挂横幅等多种形式进行宣传。"]


def test_a_part_of_stages_dated_each_by_its_own_bracket_gives_each_its_own_span(tmp_path):
    """"四、工作步骤" over "（一）动员部署阶段（8月27日前）。…" when no item before it states work (三's checks are
    questions): the stages are the plan's tasks, each titled without its bracket, due at its own span's end, not at the
    campaign's (二、整治时间), started on its span's first day; no words-only checkpoint at the campaign's end."""
    tasks = {t.code: t for t in text_tasks(tmp_path, CAMPAIGN, 2019)}
    assert list(tasks) == ["四(一)", "四(二)", "四(三)"]
    assert tasks["四(一)"].title == "动员部署阶段。区卫健局按照工作部署要求，全面启动排查整治工作。"
    assert [t.deadline for t in tasks.values()] == [date(2019, 8, 27), date(2019, 10, 15), date(2019, 10, 31)]
    assert [_leads(t) for t in tasks.values()] == [["区卫健局"]] * 3
    assert _checkpoints(tasks["四(一)"]) in ([], [date(2019, 8, 27)])  # at most the deadline restated
    assert date(2019, 10, 31) not in _checkpoints(tasks["四(二)"])
    assert {date(2019, 8, 28), date(2019, 8, 30)} <= set(_checkpoints(tasks["四(二)"]))
    assert date(2019, 10, 16) in _checkpoints(tasks["四(三)"])


WINTER = ["全系统今冬明春火灾防控工作方案",
          "一、工作目标",
          "有效减少火灾事故。",
          "二、时间安排",
          "2019年12月至2020年春节结束。",
          "三、主要任务",
          "（一）深化消防安全检查",
          "1．全面排查整治火灾隐患。各单位要组织对本单位消防安全形势进行分析研判，开展火灾隐患排查整治。",
          "2．加强人员密集场所检查。各单位要严格落实消防安全管理规定，持续开展消防安全检查。",
          "（二）强化消防安全宣传",
          "1．广泛开展消防常识宣传。各单位要积极配合区消防救援大队，组织开展消防宣传月系列活动。",
          "2．大力开展消防安全培训。各单位要再一次掀起消防培训热潮，组织开展疏散逃生演练。",
          "四、工作步骤",
          "（一）部署发动阶段（2019年12月5日前）。各单位及时组织召开会议动员部署，制定具体实施方案。",
          "（二）组织实施阶段（2019年12月5日至2020年春节结束）。各单位按照工作方案全面开展自查整治。",
          "（三）总结考核阶段（2020年春节结束后3日内）。各单位对火灾防控工作开展情况进行总结。",
          "五、工作要求",
          "（一）加强组织领导。各单位要成立组织机构，压实工作责任。",
          "（二）及时反馈情况。各单位请于2019年12月28日前报送工作情况。"]


def test_a_stage_whose_span_ends_at_an_event_is_read_with_no_deadline_and_its_start(tmp_path):
    """"（二）组织实施阶段（2019年12月5日至2020年春节结束）。…": a stage after the list of work, its bracket ending at an
    event, is a task still: no deadline (the document prints no date; none made up from the holiday), its first day a
    checkpoint; "（2020年春节结束后3日内）" gives none; "（2019年12月5日前）" is the first stage's deadline. Each stage's
    sentences name its doer: 各单位 (every unit the plan is sent to), "各单位及时组织…" read as 各单位, not "各单位及时组"."""
    tasks = {t.code: t for t in text_tasks(tmp_path, WINTER, 2019)}
    stages = [tasks[f"四({n})"] for n in "一二三"]
    assert stages[0].title == "部署发动阶段。各单位及时组织召开会议动员部署，制定具体实施方案。"
    assert [t.deadline for t in stages] == [date(2019, 12, 5), None, None]
    assert _checkpoints(stages[1]) == [date(2019, 12, 5)]
    assert _checkpoints(stages[2]) == []
    assert [_leads(t) for t in stages] == [["各单位"]] * 3
    assert "五(一)" not in tasks  # 工作要求: no task


def test_every_unit_a_plan_is_sent_to_leads_each_item_of_a_run_and_the_office_it_supports_is_a_unit(tmp_path):
    """"1．name。各单位要…" followed by the next item "2．…" (not only by a heading): 各单位 leads it; "各单位要积极配合
    区消防救援大队，…": the office the doer supports shares the work, a unit of the task after its lead."""
    tasks = {t.code: t for t in text_tasks(tmp_path, WINTER, 2019)}
    work = [tasks[c] for c in ("三(一)1", "三(一)2", "三(二)1", "三(二)2")]
    assert [_leads(t) for t in work] == [["各单位"]] * 4
    assert _units(tasks["三(二)1"]) == ["区消防救援大队"]
    assert [_units(t) for t in work if t is not tasks["三(二)1"]] == [[], [], []]
    assert all(t.deadline is None for t in work)  # the campaign ends at an event: no date of its own


def test_a_doer_supporting_an_office_names_it_after_itself_and_the_issuer_supporting_one_names_none():
    """The office after "要积极配合" is named after the doer (the first-office rule makes it a unit); "配合X" with no
    doer before it (the plan's issuer helping) names none."""
    assert paragraph_doers("各单位要积极配合区消防支队，组织开展宣传月活动。", True) == ["各单位", "区消防支队"]
    assert paragraph_doers("积极配合区消防支队，组织开展宣传月活动。", True) == []
    assert paragraph_doers("各单位要组织对本单位消防安全形势进行分析。", True) == ["各单位"]


PILOT = ["开展医养结合试点工作实施方案",
         "一、试点单位",
         "城南康乐养老院（城南康乐老年医院）",
         "二、工作任务",
         "（一）推进养老机构医养结合发展",
         "1．加强养老机构医疗服务能力建设。康乐养老院作为首家医养结合机构，内设有老年医院，引导医疗人才定期坐诊。",
         "2．提供预约服务。老年医院结合自身服务能力，开展巡诊、家庭病床等上门服务。",
         "3．与综合医院开展合作。对养老院内设医疗机构无法处理的病患，做好预约转诊准备。",
         "（二）整合医疗资源",
         "1．推动家庭医生签约服务工作。积极引导社区老年人与家庭医生建立签约服务管理。",
         "2．推广老年康复。康乐老年医院配备康复设备与专业康复人员，提供康复服务项目。",
         "三、保障措施",
         "（一）加强组织领导。试点单位要认真落实工作职责。"]


def test_a_body_opening_an_items_sentences_as_their_subject_leads_it(tmp_path):
    """"1．name。康乐养老院作为…", "老年医院结合…", "康乐老年医院配备…": a home, a hospital, a centre named as the
    subject of the item's first sentence does its work and leads it, though no office of government; an item whose
    sentences open with a verb or a preposition ("对养老院内设…", "积极引导…") names none."""
    tasks = {t.code: t for t in text_tasks(tmp_path, PILOT, 2018)}
    assert {c: _leads(t) for c, t in tasks.items() if c.startswith("二")} == {
        "二(一)1": ["康乐养老院"], "二(一)2": ["老年医院"], "二(一)3": [], "二(二)1": [], "二(二)2": ["康乐老年医院"]}
    assert tasks["二(一)1"].title.startswith("加强养老机构医疗服务能力建设。康乐养老院作为")


def test_a_body_is_no_subject_when_the_words_open_with_the_work_or_go_on_inside_it():
    """sentence_body: the body's name must be a name (no verb opening it: "严格保护集体资产所…", "配合区农业农村局…"),
    end as a home, hospital, centre or station does, and run into what it does, not into a place inside it."""
    assert sentence_body("乐天伦养老院作为首家医养结合机构，内设有老年医院") == "乐天伦养老院"
    assert sentence_body("区疾控中心开展监测工作") == "区疾控中心"
    assert sentence_body("养老院内设医疗机构无法处理的病患") == ""
    assert sentence_body("严格保护集体资产所有权") == ""
    assert sentence_body("配合区农业农村局做好核查") == ""
    assert sentence_body("老年医院的资源共享") == ""


def test_an_inspection_groups_table_names_its_places_and_people_no_units():
    """组别 | 检查片区及单位 | 参加人员: the groups numbered by 组别, where each goes (the places and kinds of unit it
    visits: who is checked, as 检查对象 is) and its members (people, never the task nor its units)."""
    assert column_kind("组别", 2018).kind == "seq"
    assert column_kind("检查片区及单位", 2018).kind == "task"
    assert column_kind("参加人员", 2018).kind == "leader"
    assert column_kind("责任单位", 2018).kind == "units"


def test_a_group_table_naming_no_office_and_no_date_gives_no_tasks_titled_by_its_people(tmp_path):
    """A notice's text with an annexed table of inspection groups (tab-separated) and nothing else to read: no task is
    titled "副组长：… 成 员：…" (the members' cell); today the file is refused as having no header row naming a task
    column and a schedule, deadline or unit column (reading the groups as tasks, "第一组", is left to a later reader)."""
    lines = ["关于开展医疗机构专项检查的通知", "一、时间安排", "2018年7月19日—25日。", "附件", "专项检查具体安排表",
             "组别\t检查片区及单位\t参加人员",
             "第一组\t平原镇、苏澳镇、区直单位\t副组长：陈羽 成员：陈志泽、翁玉凤",
             "第二组\t潭城镇、岚城乡、民营医院\t副组长：林朱 成员：韩文龙、刘旭"]
    try:
        titles = [t.title for t in text_tasks(tmp_path, lines, 2018)]
    except InputError as refused:
        assert "no header row found" in str(refused)
    else:
        assert not [title for title in titles if "组长" in title or "成员" in title]


TRAINING = ["2019年乡村医生培训实施方案",
            "一、培训形式",
            "集中面授由局医政科负责，临床实践由县人民医院承担。",
            "集中面授时间不少于40学时，网络自学不少于50学时，临床实践不少于5个工作日。",
            "二、培训内容",
            "（一）集中面授（含技能操作）",
            "培训内容为基本知识与技能。",
            "（二）网络自学",
            "通过自主学习等形式开展培训。",
            "（三）临床实践",
            "学习内容见登记手册。",
            "三、组织实施",
            "（一）时间安排：集中面授时间从2019年9月2日起至2019年10月20日止，共分2期；",
            "（二）培训地点：县卫生服务中心。",
            "附件：集中面授安排表",
            "期号\t报到时间\t上课时间\t人数",
            "1\t9.2(周一)\t9.2-9.6\t80",
            "2\t9.9(周一)\t9.9-9.13\t80"]


def test_forms_of_work_named_in_one_part_take_their_doers_hours_span_and_sessions_from_the_others(tmp_path):
    """"二、培训内容" over "（一）集中面授（含技能操作）" and its content, each form a name on a line of its own: the
    forms are the plan's tasks, titled by their names; "集中面授由局医政科负责" gives its lead, "…不少于40学时" its
    target, "集中面授时间从…起至…止" its deadline and start, the session table under a title naming it ("集中面授
    安排表", no task column) each session's last day as a checkpoint; a form no part dates gets no date (the plan's
    other spans are not its)."""
    tasks = {t.code: t for t in text_tasks(tmp_path, TRAINING, 2019)}
    assert list(tasks) == ["二(一)", "二(二)", "二(三)"]
    assert [t.title for t in tasks.values()] == ["集中面授（含技能操作）", "网络自学", "临床实践"]
    assert [_leads(t) for t in tasks.values()] == [["局医政科"], [], ["县人民医院"]]
    assert [[(i.target, i.unit) for line in t.lines for i in line.indicators] for t in tasks.values()] == [
        [(40, "学时")], [(50, "学时")], [(5, "个工作日")]]
    assert [t.deadline for t in tasks.values()] == [date(2019, 10, 20), None, None]
    assert set(_checkpoints(tasks["二(一)"])) >= {date(2019, 9, 2), date(2019, 9, 6), date(2019, 9, 13)}
    assert _checkpoints(tasks["二(二)"]) == []


def test_forms_no_other_part_names_are_no_list_of_work(tmp_path):
    """The same part of forms with nothing said of them elsewhere (no doer, no amount): no task is read from it."""
    lines = [line for line in TRAINING[:12] if "负责" not in line and "不少于" not in line]
    with pytest.raises(InputError):
        text_tasks(tmp_path, lines, 2019)
