"""held70 (issue 13): a notice of two procedures, each's steps numbered 1, 2, 3 … under its own heading, read by the
outline of last resort (sources/table/outline.py): its codes qualified by their part, never repeated; the criteria an
applicant meets no task; a step whose paragraph counts its parts one task; a grant's sums no target."""

from __future__ import annotations

from mstrack.sources.table import convert_table
from mstrack.sources.table.figure_bounds import granted_sum
from mstrack.sources.table.list_doers import step_doers

from .conftest import import_table, write_lines

# two procedures numbered 1. 2. … each under its part's heading; criteria under "（一）申报条件"; the annexes numbered on
# past a heading with no items (their "4." runs on from the last "1.–4." run, as a list numbered across its groups would)
NOTICE = [
    "某区人社局关于开展创业基地复评和推荐工作的通知",
    "各有关单位：",
    "一、基地复评",
    "（一）复评对象",
    "第一批认定的区级创业基地。",
    "（二）复评程序",
    "1.自主申报。由区级创业基地于2026年7月31日前向区人社局提出申请；",
    "2.区级评估。由区人社局开展评估，组织专家实地考察；",
    "3.对复评未通过的，收回牌匾。",
    "二、基地推荐",
    "（一）申报条件",
    "1.运营时间应不少于2年；",
    "2.面积应不少于1000平方米；",
    "（二）认定程序",
    "1.基地申报",
    "符合条件的基地向区人社局提出申请，于2026年7月31日前提交材料。",
    "2.评选认定",
    "评选认定分为资格审核、实地考察两个环节：",
    "(1)资格审核。区人社局对申报材料进行初审；",
    "(2)实地考察。区人社局组织专家进行实地考察；",
    "3.资金拨付",
    "对获评的基地，给予30万元补助。授牌当年拨付20万元，第二年复评合格的拨付10万元；复评不合格的，10万元不予拨付。",
    "4.公示公布",
    "区人社局在门户网站进行公示。",
    "（三）工作要求",
    "基地有效期3年。",
    "附件：1.基地名单",
    "2.复评申报表",
    "3.推荐申请表",
    "4.申报材料清单",
    "5.承诺书",
    "某区人社局",
    "2026年7月14日",
]


def test_two_procedures_numbered_alike_are_coded_by_their_part(tmp_path):
    conversion = convert_table(write_lines(tmp_path / "notice.txt", NOTICE), "x-2026", 2026)
    tasks = conversion.programme.tasks
    assert "outline of last resort" in str(conversion.best_effort)
    # the criteria ("申报条件") and whom it is for ("复评对象") no task; each step coded under its part, none twice
    assert [t.code for t in tasks] == ["一(二)1", "一(二)2", "一(二)3", "二(二)1", "二(二)2", "二(二)3", "二(二)4"]


def test_the_procedures_codes_and_readings(tmp_path):
    tasks = convert_table(write_lines(tmp_path / "notice.txt", NOTICE), "x-2026", 2026).programme.tasks
    by_code = {t.code: t for t in tasks}
    # "2.评选认定" over "…分为资格审核、实地考察两个环节：" over "(1)…" "(2)…": one task, its steps its content
    assert by_code["二(二)2"].title == "评选认定"
    assert by_code["二(二)2"].lines[0].lead_units == ["区人社局"]
    assert str(by_code["二(二)1"].deadline) == "2026-07-31"
    # the grant and its instalments are what a base earns, no target
    assert [i for line in by_code["二(二)3"].lines for i in line.indicators] == []


def test_the_notice_imports_rather_than_failing_validation(tmp_path):
    result, out = import_table(write_lines(tmp_path / "notice.txt", NOTICE))
    assert result.exit_code == 0, result.output
    assert "appears twice" not in result.output
    assert out.read_text(encoding="utf-8").count('code = "二(二)') == 4


def test_a_sum_granted_paid_out_or_withheld_is_no_target():
    assert granted_sum("并给予", "奖补", "万元")
    assert granted_sum("授牌当年拨付", "，第二年", "万元")
    assert granted_sum("复评不合格的，", "不予拨付", "万元")
    assert not granted_sum("新建", "道路", "万元")  # a sum of work
    assert not granted_sum("拨付", "用于改造", "万元")  # paid out for work its clause names
    assert not granted_sum("给予", "奖补", "个")  # no sum of money


# an emergency plan: its command's own functions, then "3.…成员单位职责" over "（N）office：duties"; a closing part
PLAN = [
    "某片区管理局关于印发《某片区防汛防台风应急预案》的通知",
    "一、总则",
    "（一）编制目的",
    "规范片区防汛防台风抢险救灾工作程序。",
    "二、组织机构及职责",
    "（一）组织机构",
    "成立片区防汛抗旱指挥部。",
    "（二）组织机构职责",
    "1.片区防指职责",
    "（1）统一指挥片区防汛防台风工作。",
    "（2）组织召开防汛防台风工作会议。",
    "2.片区防指成员单位职责",
    "（1）党政办公室：协调各成员单位开展防汛防台风工作，负责车辆安排。",
    "（2）农业农村处：负责组织、指导片区渔业防台风工作。",
    "（3）各派出所：负责维护本辖区内抗洪抢险秩序和灾区治安工作。",
    "三、附则",
    "本预案自印发之日起施行。",
]


def test_member_units_duties_each_opened_by_its_office_are_the_work(tmp_path):
    """"成员单位职责" names the members of a body set up (no plan's work by itself), but its items are offices' duties:
    each office leads its own, the duty after its label the title."""
    tasks = convert_table(write_lines(tmp_path / "notice.txt", PLAN), "x-2023", 2023).programme.tasks
    assert [t.code for t in tasks] == ["二(二)2(1)", "二(二)2(2)", "二(二)2(3)"]
    assert [t.lines[0].lead_units for t in tasks] == [["党政办公室"], ["农业农村处"], ["各派出所"]]
    assert tasks[1].title == "负责组织、指导片区渔业防台风工作。"


def test_the_office_an_applicant_applies_to_is_no_doer_of_the_step():
    """"企业向区社会事业局提出申请，由区社会事业局…": the applicant's request received by the office; the office doing the
    step is the one after 由 (list_doers.step_doers), never "企业向区社会事业局" read as one office's name."""
    assert step_doers("符合条件的企业向区社会事业局提出申请，由区社会事业局征求意见后，确定企业的名单") == ["区社会事业局"]
    assert step_doers("区行政服务中心负责联系企业") == ["区行政服务中心"]
