"""held58a (issue 13, pingtan-2019-wuyi's structures): a 检查方案 whose 职责分工 is inspection groups, each a heading
"（一）…组" over its makeup ("组 长：…", "副 组 长：…", "成 员：" offices, one marked "（联络单位，…）") and "检查内容：" over
numbered items: the items are the tasks, led by the group's 联络单位, its other offices their units, due at the end of
the last of the stages the covering notice dates ("在4月28日前、5月17日前…分两个阶段开展"), the earlier stage's end a
checkpoint. The document's annexes are tables that hold no task (a blank fill-in form, a phone list): left out and
said, never refusing the document."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mstrack.sources.table import convert_table
from mstrack.sources.table.list_deadlines import staged_period
from mstrack.sources.table.list_teams import group_makeup

from .conftest import conversion_messages, import_table, write_blocks_page

NOTICE = ["某区旅游工作专班关于印发2024年节假日专项检查方案的通知",
          "各检查组要在5月10日前、6月20日前自行安排时间分两个阶段开展专项检查及隐患整改复查工作。",
          "2024年节假日专项检查方案", "一、检查范围", "对外开放的景区、宾馆、乡村民宿等场所。", "二、职责分工"]
GROUPS = ["（一）交通检查组", "组 长：张三", "副 组 长：李四",
          "成 员：区交通局（联络单位，王五，13900000000）、公安局交警大队、执法局运输中队等单位各2人。",
          "检查内容：", "1.检查客运企业安全责任制落实情况；", "2.查处非法营运车辆；",
          "（二）景区检查组", "组 长：赵六", "副 组 长：钱七",
          "成 员：区文旅局产业科、景区管理局（联络单位，孙八，13900000001）、市场监管局及各景区所在乡镇（东山镇、西山镇）等单位各1人。",
          "检查内容：", "1.检查景区安全管理情况；", "2.检查景区周边市场秩序；",
          "（三）食品检查组", "组 长：周九", "副 组 长：吴十",
          "成 员：区市场监管局（联络单位，郑一13900000002）、卫健局、执法局等单位各1人。",
          "检查内容：主要检查餐饮场所、景区等接待单位的食品安全状况。",
          "三、工作要求", "各成员单位要高度重视，严格执法，确保检查工作落实到位。"]
BLANK_FORM = ("<tr><td>序号</td><td>检查对象</td><td>检查内容</td><td>发现问题</td><td>整改意见</td></tr>"
              + "".join(f"<tr><td>{n}</td><td></td><td></td><td></td><td></td></tr>" for n in range(1, 5)))
PHONES = ("<tr><td>序号</td><td>成员单位</td><td>值班电话</td><td>备注</td></tr>"
          "<tr><td>1</td><td>区交通局</td><td>23150001</td><td></td></tr>"
          "<tr><td>2</td><td>景区管理局</td><td>23150002</td><td></td></tr>"
          "<tr><td>3</td><td>区市场监管局</td><td>23150003</td><td></td></tr>")


def _plan(tmp_path: Path):
    page = write_blocks_page(tmp_path / "plan.html", *NOTICE, *GROUPS, "附件1", "专项检查情况汇总表", BLANK_FORM,
                 "附件2", "各成员单位值班电话", PHONES)
    return convert_table(page, "x-2024", 2024)


def test_annexed_tables_holding_no_task_leave_the_texts_tasks_read(tmp_path):
    conversion = _plan(tmp_path)
    assert [t.code for t in conversion.programme.tasks] == ["二(一)1", "二(一)2", "二(二)1", "二(二)2", "二(三)"]
    said = [m for m in conversion_messages(conversion) if "left out of the plan" in m]
    assert len(said) == 2 and "专项检查情况汇总表" in said[0] and "各成员单位值班电话" in said[1]
    assert all(m in [str(d) for d in conversion.doubts] for m in said)  # doubts: --strict refuses them


def test_the_cli_reads_the_document_whose_annexes_hold_no_task(tmp_path):
    page = write_blocks_page(tmp_path / "plan.html", *NOTICE, *GROUPS, "附件1", "专项检查情况汇总表", BLANK_FORM)
    result, out = import_table(page)
    assert result.exit_code == 0, result.output
    assert out.exists() and "二(一)1" in out.read_text(encoding="utf-8")


def test_a_groups_liaison_office_leads_its_items_and_its_other_members_help(tmp_path):
    tasks = {t.code: t for t in _plan(tmp_path).programme.tasks}
    first = tasks["二(一)1"].lines[0]
    assert first.lead_units == ["区交通局"]
    assert set(first.units) - {"区交通局"} == {"公安局交警大队", "执法局运输中队"}
    scenic = tasks["二(二)2"].lines[0]
    assert scenic.lead_units == ["景区管理局"]  # the members' order as printed: the 联络单位 second, leading
    assert set(scenic.units) - {"景区管理局"} == {"区文旅局产业科", "市场监管局", "东山镇", "西山镇"}
    assert not {"张三", "李四", "交通检查组"} & {u for line in tasks["二(一)2"].lines for u in [*line.lead_units, *line.units]}


def test_a_group_with_one_labelled_content_is_one_task_titled_by_its_name(tmp_path):
    food = {t.code: t for t in _plan(tmp_path).programme.tasks}["二(三)"]
    assert food.title == "食品检查组"
    assert food.lines[0].lead_units == ["区市场监管局"]


def test_the_stages_the_notice_dates_give_every_item_its_deadline_and_checkpoint(tmp_path):
    for task in _plan(tmp_path).programme.tasks:
        assert task.deadline == date(2024, 6, 20), task.code
        assert date(2024, 5, 10) in [c.due for line in task.lines for c in line.checkpoints], task.code


def test_group_makeup():
    makeup = group_makeup(["组 长：张三", "副 组 长：李四 王五", "成 员：甲局、乙镇（联络单位，某某，139）、丙镇（联络单位，某某，138）"
                           "等属地乡镇、各自牵头组织开展辖区内检查。丁支队、戊委（产业科）等单位各派1人。", "检查内容："])
    assert makeup == (["乙镇", "丙镇"], ["甲局", "丁支队", "戊委（产业科）"], 3)
    assert group_makeup(["成 员：区教育局、区卫健局等单位各1人。"]) == (["区教育局"], ["区卫健局"], 1)  # no mark: the first
    assert group_makeup(["组 长：张三", "负责检查景区安全。"]) is None  # no members' line: no makeup
    assert group_makeup(["1.检查景区安全；"]) is None


def test_staged_period():
    cell, others, said = staged_period(["请各组在4月28日前、5月17日前分两个阶段开展检查工作。"], 2019)
    assert cell == "4月28日前完成第一阶段；5月17日前完成第二阶段" and others == [] and said.startswith("请各组在4月28日前")
    assert staged_period(["在4月28日前、5月17日前分三个阶段开展检查工作。"], 2019) is None  # two days, three stages
    assert staged_period(["在2018年4月28日前、5月17日前分两个阶段开展检查。"], 2019) is None  # another year's
    assert staged_period(["4月30日前、5月21日前各小组将情况汇总上报。"], 2019) is None  # reports, no stages


def test_a_figure_in_a_checks_question_is_no_target(tmp_path):
    lines = [*NOTICE, "（一）市场检查组", "组 长：张三", "成 员：区市场监管局（联络单位，李四，139）、旅游质量监督所等单位各1人。",
             "检查内容：", "1.检查旅行社是否自行停业连续6个月以上；", "2.查处虚假旅游广告宣传；",
             "（二）交通检查组", "组 长：王五", "成 员：区交通局（联络单位，赵六，138）、交警大队等单位各1人。", "检查内容：",
             "1.查处非法营运车辆；", "（三）住宿检查组", "组 长：钱七", "成 员：区经发局（联络单位，孙八，137）、消防大队等单位各1人。",
             "检查内容：", "1.检查宾馆消防安全；"]
    tasks = {t.code: t for t in convert_table(write_blocks_page(tmp_path / "plan.html", *lines), "x-2024", 2024).programme.tasks}
    assert "二(一)1" in tasks and not any(line.indicators for line in tasks["二(一)1"].lines)
    assert set(tasks["二(一)1"].lines[0].units) - {"区市场监管局"} == {"旅游质量监督所"}


def test_a_leading_groups_office_issuing_the_plan_names_no_kind_of_document(tmp_path):
    """"X领导小组办公室关于印发…检查方案的通知": the issuer's 领导小组 is no notice setting one up; "关于成立…领导小组的通知"
    is, its groups no tasks."""
    issued = ["某区旅游工作领导小组办公室关于印发2024年节假日专项检查方案的通知", *NOTICE[1:], *GROUPS]
    tasks = convert_table(write_blocks_page(tmp_path / "issued.html", *issued), "x-2024", 2024).programme.tasks
    assert [t.code for t in tasks][:2] == ["二(一)1", "二(一)2"] and tasks[0].lines[0].lead_units == ["区交通局"]
    set_up = ["关于成立某区节假日专项检查领导小组的通知", *NOTICE[1:], *GROUPS]
    result, out = import_table(write_blocks_page(tmp_path / "set_up.html", *set_up))
    assert result.exit_code == 2 and "no table found in the document" in result.output and not out.exists()
