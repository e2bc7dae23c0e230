"""Issue 13, held51c: an event plan whose part naming its contents ("五、活动内容") is one sentence summing up the work
the later parts detail, whose donations are numbered "1．" under a label with no text of its own ("（二）捐资捐药："), and
whose part naming its time ("三、活动时间") is the event's one day."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table.list_sections import closing_section
from mstrack.sources.table.list_stages import plan_stages
from mstrack.sources.table.list_work import does_work, states_work
from mstrack.sources.table.reading import Row

from .conftest import convert_written

TITLE = "2019年文化科技卫生“三下乡”活动方案"

EVENT = ["为切实保障活动的顺利开展，特制定本活动方案。",
         "一、参加单位", "区卫计局、区中医院、区疾控中心、区妇幼保健院",
         "二、活动时间", "2019年1月18日（星期五）上午8:30—11:00",
         "三、活动地点", "潭城镇翠园公园内",
         "四、活动内容", "开展义诊、慰问计生困难户、捐资捐药、健康知识教育、优生优育知识宣传等。",
         "五、活动安排",
         "（一）义诊活动：专家组由区中医院、疾控中心、妇幼保健院组成（名单附后）。",
         "（二）捐资捐药：",
         "1．区中医院捐送药品价值2000元；",
         "2．区疾控中心现场发放宣传品1000份；",
         "3．区妇幼保健院免费发放避孕药具3000盒。",
         "六、部门职责分工",
         "（一）局医政处和计生指导处负责活动的联络衔接；",
         "（二）局综合处负责活动的后勤保障；",
         "（三）局计生指导处负责慰问计生困难户；",
         "（四）各相关单位负责提供义诊各种服务项目所需的常用药品等。"]


def _tasks(tmp_path, lines: list[str], year: int = 2019):
    return convert_written(tmp_path, "plan.txt", "\n".join([TITLE, *lines]) + "\n", year).programme.tasks


def test_a_part_naming_the_contents_over_one_summing_sentence_is_no_task(tmp_path):
    """"四、活动内容" over one sentence listing what the event holds ("开展义诊、…等。") sums up the parts below it: no
    task, so the list read is the parts' "(一)" items, and the numbered donations under "（二）捐资捐药：" keep their
    group's code (五(二)1 …), as any group's parts do."""
    tasks = _tasks(tmp_path, EVENT)
    codes = [t.code for t in tasks]
    assert "四" not in codes
    assert [c for c in codes if c.startswith("五(二)")] == ["五(二)1", "五(二)2", "五(二)3"]
    donation = next(t for t in tasks if t.code == "五(二)3")
    assert donation.title == "区妇幼保健院免费发放避孕药具3000盒。"
    assert [(i.target, i.unit) for i in donation.lines[0].indicators] == [(3000, "盒")]


def test_a_contents_part_naming_work_of_its_own_stays_a_task(tmp_path):
    """A one-line part under a heading naming a project (no contents heading) stays the group's task: the summing
    rule reads the heading's words, not any one-line part."""
    lines = [line.replace("四、活动内容", "四、集中供热扩建工程").replace(
        "开展义诊、慰问计生困难户、捐资捐药、健康知识教育、优生优育知识宣传等。", "铺设供热主管网，全长约4.3公里。")
        for line in EVENT]
    assert "四" in [t.code for t in _tasks(tmp_path, lines)]


def test_a_part_naming_the_events_one_day_dates_every_task(tmp_path):
    """"二、活动时间" over the event's one day and its hours ("2019年1月18日（星期五）上午8:30—11:00"): every task is
    due that day (README: a part naming the period of the work), the donations under their label as the duties."""
    tasks = _tasks(tmp_path, EVENT)
    assert tasks and {t.deadline for t in tasks} == {date(2019, 1, 18)}


def test_a_day_of_another_year_or_a_line_saying_more_dates_nothing(tmp_path):
    """The day must be the programme's year, and the line that day alone (its weekday, its hours): a sentence around
    it is no part naming the period."""
    for line in ("2018年1月18日（星期四）上午8:30—11:00", "2019年1月18日上午在翠园公园集中开展义诊"):
        tasks = _tasks(tmp_path, [line if text.startswith("2019年1月18日") else text for text in EVENT])
        assert tasks and {t.deadline for t in tasks} == {None}


def test_duties_under_a_part_sharing_the_work_out_are_led_by_the_offices_before_their_role(tmp_path):
    """Under "六、部门职责分工" each duty names its offices before 负责: every office the role closes leads ("局医政处和
    计生指导处负责…": both, README's role word closing a list); one named after the work and its 由 leads, a later
    clause's offices before 协助 are its units."""
    lines = [*EVENT[:-1], "（四）活动场地及现场布置由潭城社区卫生服务中心负责落实，准备好诊床等，局医政处和计生指导处协助指导。"]
    duties = {t.code: (t.lines[0].lead_units, t.lines[0].units) for t in _tasks(tmp_path, lines) if t.code.startswith("六")}
    assert duties == {"六(一)": (["局医政处", "计生指导处"], []), "六(二)": (["局综合处"], []), "六(三)": (["局计生指导处"], []),
                      "六(四)": (["潭城社区卫生服务中心"], ["局医政处", "计生指导处"])}


def test_an_office_opening_a_requirement_with_its_role_leads_no_task(tmp_path):
    """Under "七、工作要求" (a closing section) "局综合处、机关党委负责拍照和宣传报道。" is a rule of the day: the part
    is still no task's, as before."""
    lines = [*EVENT, "七、工作要求", "（一）参加活动的所有医务人员要统一着工作服。", "（二）局综合处、机关党委负责拍照和宣传报道。"]
    assert not [t.code for t in _tasks(tmp_path, lines) if t.code.startswith("七")]


CAMPAIGN = ["为确保全系统消防安全形势持续平稳，决定自即日起至3月20日开展检查工作，现制定方案如下：",
            "一、总体要求和目标", "各单位依法履行消防安全职责，全力排查整治火灾隐患。",
            "二、检查对象和重点", "（一）检查对象：全区各医疗卫生计生单位",
            "（二）检查重点：重点检查建立落实消防安全责任制；消防设施运行和维护保养。",
            "三、实施步骤",
            "（一）动员部署阶段(2016年11月28日至12月5日)。各单位结合本单位实际，制定具体实施方案，召开专门会议动员部署。",
            "（二）综合整治阶段（2016年12月5日至2017年2月28日）。局安办要成立专项检查组，分区域开展排查，集中整治火灾隐患。",
            "（三）总结通报阶段（2017年3月1日至3月20日）。领导小组对各单位检查工作情况进行汇总分析，总结经验做法。",
            "四、工作措施及要求",
            "（一）强化组织领导。各单位迅速成立由分管领导牵头组织的领导机构，确保工作顺利有效开展。",
            "（二）明确责任分工。各单位要按照法定职责开展火灾隐患排查整治并建立档案台账。",
            "（三）严格整治火灾隐患。各单位要加强信息互通，建立完善信息抄报、例会制度。",
            "（四）落实单位主体责任。2017年2月底前，局安办要对所有单位的消防安全责任人全部培训一遍。",
            "（五）全面加强宣传教育培训。各单位要落实专人做好情况汇总，并于3月18日前报送工作总结。"]


def test_stages_in_a_part_of_their_own_after_fields_of_the_plan_are_its_tasks(tmp_path):
    """"三、实施步骤" over three stages, each name run into its paragraph with its span in brackets, after a part of the
    plan's fields ("（一）检查对象：…", no work): the stages are the plan's tasks (README: a document's stages), titled
    by name and paragraph without the bracket, due at the span's end (across the year's end) and started on its first
    day; the fields are no tasks, and neither are "四、工作措施及要求"'s measures (a closing section: measures joined to
    requirements)."""
    tasks = _tasks(tmp_path, CAMPAIGN, year=2016)
    assert [t.code for t in tasks] == ["三(一)", "三(二)", "三(三)"]
    assert tasks[0].title == "动员部署阶段。各单位结合本单位实际，制定具体实施方案，召开专门会议动员部署。"
    assert [t.deadline for t in tasks] == [date(2016, 12, 5), date(2017, 2, 28), date(2017, 3, 20)]
    assert [t.lines[0].checkpoints[0].due for t in tasks] == [date(2016, 11, 28), date(2016, 12, 5), date(2017, 3, 1)]


def test_stages_after_work_of_the_plan_stay_its_schedule():
    """The same stages after items that state work ("（一）全面排查火灾隐患。…") are that work's schedule, as held50c
    reads them (list_stages.plan_stages): the items kept and due at the last stage's end, the stages no items; after
    fields of the plan alone they are the run, each dated by its own span."""
    run = [("heading", line, "") if "、" in line[:3] else (line[1], line, "") for line in CAMPAIGN[3:10]]
    rows = [Row(k, [words]) for k, (_, words, _) in enumerate(run)]
    chosen, _, labels = plan_stages(run, rows, {})
    assert [words[:8] for _, words, _ in chosen] == ["三、实施步骤", "（一）动员部署阶", "（二）综合整治阶", "（三）总结通报阶"]
    assert [[(e.code, e.text) for e in labels[k]] for k in (1, 3)] == [
        [("完成时限", "2016年12月5日"), ("开工时间", "2016年11月28日")], [("完成时限", "2017年3月20日"), ("开工时间", "2017年3月1日")]]
    worked = [(kind, words.replace("检查对象：全区各医疗卫生计生单位", "全面排查火灾隐患。各单位要对本单位开展全面排查。"), units)
              for kind, words, units in run]
    chosen, _, labels = plan_stages(worked, rows, {})
    assert [words[:8] for _, words, _ in chosen] == ["二、检查对象和重", "（一）全面排查火", "（二）检查重点："]
    assert [(e.code, e.text) for e in labels[1]][0] == ("完成时限", "2017年3月20日")


def test_a_stage_named_over_its_paragraph_is_work_and_measures_joined_to_requirements_close():
    """A stage's name heading its paragraph ("动员部署阶段。各单位…") states work, as an action's name does (a section's
    name, "指导思想。…", still does not); a part joining measures to requirements ("工作措施及要求") closes the list."""
    assert states_work("（一）动员部署阶段。各单位结合本单位实际，制定具体实施方案。")
    assert does_work("（一）动员部署阶段。各单位结合本单位实际，制定具体实施方案。")
    assert not states_work("（一）指导思想。以习近平新时代中国特色社会主义思想为指导。")
    assert closing_section("工作措施及要求", False) and not closing_section("工作措施", False)
