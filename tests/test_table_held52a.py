"""Issue 13, held52a: bodies that are no offices yet do an item's work (a hospital, a centre, a Red Cross opening it),
items of a list of work that are no tasks (a team's makeup, a duty's detail), and a stage's doers (every unit, a
领导小组 the plan sets up), each read by its structure on a small plan of its own."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table.list_roles import opening_body
from mstrack.sources.table.list_work import no_task

from .conftest import convert_written


def _convert(tmp_path, lines: list[str], year: int = 2019):
    return convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n", year)


def _leads(task) -> list[str]:
    return [u for line in task.lines for u in line.lead_units if u != "（表中未列）"]


EVENT = ["2019年义诊活动方案",
         "一、活动时间",
         "2019年3月5日上午",
         "二、活动安排",
         "（一）义诊活动：专家组由县人民医院、县中医院、县疾控中心组成（名单附后）。",
         "（二）捐资捐药：",
         "1．城南协和医院捐送药品价值人民币3000元；",
         "2．县中医院捐送药品价值2000元；",
         "3．县红十字会捐赠物资价值1500元；",
         "4．县妇幼保健院免费发放避孕药具800盒。",
         "（三）慰问困难户：慰问5户困难户各1000元，计5000元；",
         "三、职责分工",
         "（一）局医政股负责活动的联络衔接；",
         "（二）局综合股负责活动的后勤保障；",
         "（三）局计生股负责慰问困难户；",
         "（四）县中医院负责活动场地的布置。"]


def test_a_body_opening_each_item_of_a_run_with_its_figure_leads_it(tmp_path):
    """"1．城南协和医院捐送药品价值人民币3000元；": a hospital, a centre, a Red Cross whose name runs straight into the
    item's work and figure is the body that answers for it, as an office would; the title stays as printed."""
    tasks = {t.code: t for t in _convert(tmp_path, EVENT).programme.tasks}
    donations = [tasks[f"二(二){n}"] for n in range(1, 5)]
    assert [_leads(t) for t in donations] == [["城南协和医院"], ["县中医院"], ["县红十字会"], ["县妇幼保健院"]]
    assert donations[0].title == "城南协和医院捐送药品价值人民币3000元；"
    assert [(i.target, i.unit) for line in donations[3].lines for i in line.indicators] == [(800, "盒")]
    assert all(t.deadline == date(2019, 3, 5) for t in donations)


def test_a_teams_makeup_and_a_duty_given_elsewhere_are_no_tasks_and_are_said(tmp_path):
    """"（一）义诊活动：专家组由…组成" says who a team is; "（三）慰问困难户：…" is the detail of the duty "（三）局计生股
    负责慰问困难户" gives an office: neither is a task, and both rows are said as doubts."""
    conversion = _convert(tmp_path, EVENT)
    codes = [t.code for t in conversion.programme.tasks]
    assert "二(一)" not in codes and "二(三)" not in codes
    assert [c for c in codes if c.startswith("三")] == ["三(一)", "三(二)", "三(三)", "三(四)"]
    said = " ".join(str(d) for d in conversion.doubts)
    assert "a team's makeup or a duty's detail" in said


def test_a_body_opening_one_item_alone_or_with_a_building_is_no_lead():
    """A body's name before building work is the work's object ("县医院新建住院楼…"); a place is no body, and a name
    shorter than four characters may be a word ("市中心城区…")."""
    assert opening_body("县医院新建住院楼2000平方米") == ""
    assert opening_body("市中心城区改造道路3条") == ""
    assert opening_body("城关镇发放慰问金5000元") == ""
    assert opening_body("县疾控中心现场发放宣传品1000份") == "县疾控中心"
    assert opening_body("县红十字会负责募集物资") == "县红十字会"


def test_no_task_needs_the_duty_given_elsewhere_and_no_office_of_its_own():
    duty = "（三）局计生股负责慰问困难户；"
    assert no_task("（三）慰问困难户：慰问5户困难户各1000元；", [duty], staffed=False)
    assert not no_task("（三）慰问困难户：慰问5户困难户各1000元；", [duty], staffed=True)
    assert not no_task("（三）慰问困难户：慰问5户困难户各1000元；", ["（三）局计生股负责后勤保障；"], staffed=False)
    assert no_task("（一）专家组由县医院、县中医院组成。", [], staffed=False)
    assert not no_task("（一）成立专家组，由县医院、县中医院组成。", [], staffed=False)


STAGES = ["某局今冬明春消防安全检查工作方案",
          "一、组织领导",
          "局成立消防安全检查工作领导小组，由局长任组长。",
          "二、实施步骤",
          "（一）动员部署阶段(2016年11月28日至12月5日)。各单位结合本单位实际，制定具体实施方案，召开专门会议动员部署。",
          "（二）综合整治阶段（2016年12月5日至2017年2月28日）。局安办要成立专项检查组，集中整治火灾隐患。",
          "（三）总结通报阶段（2017年3月1日至3月20日）。消防安全检查工作领导小组对各单位检查工作情况进行汇总分析。",
          "三、工作要求",
          "（一）强化组织领导。各单位迅速成立领导机构。"]


def test_a_stages_doers_every_unit_and_the_plans_own_group_lead(tmp_path):
    """"各单位结合本单位实际，…": every unit the plan is sent to, a definite set, leads its stage; "…领导小组对各单位…
    进行汇总分析": the group the plan sets up leads its stage as an office would."""
    tasks = {t.code: t for t in _convert(tmp_path, STAGES, 2016).programme.tasks}
    assert [_leads(tasks[f"二({n})"]) for n in "一二三"] == [["各单位"], ["局安办"], ["消防安全检查工作领导小组"]]
