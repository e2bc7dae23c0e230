"""held65b (issue 13, the fifty-ninth held-out set): a plan's duties as numbered lines labelled by their offices under
a group naming them ("（二）工作职责" over "1.党政办公室：…"), then its procedure and measures as parts of named items
("四、工作流程" over "（一）培训准备。…") (list_duty_lines): each line a task coded "三(二)1", titled by its duties, led by
its label's first office, its other offices and those it helps ("配合X…") its units; each named item a task coded by its
part, led by a party of the duties opening its sentence, else by none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mstrack.sources.table import convert_table
from mstrack.sources.table.list_duty_lines import duty_lines, helped
from mstrack.sources.table.list_step_parts import content_groups, step_parts
from mstrack.sources.table.reading import Row
from mstrack.vocabulary import UNLISTED

PLAN = ["某片区管理局关于印发2022年元宵晚会疫情防控应急预案的通知", "各处室，各村：",
        "2022年元宵晚会疫情防控应急预案", "一、总体目标", "全力做好晚会期间疫情防控各项工作。",
        "二、组织管理", "（一）组织机构", "成立晚会疫情防控工作小组，组长：张三。",
        "（二）工作职责",
        "1.党政办公室：负责现场布置；配合党群工作处开展健康宣传。",
        "2.党群工作处：配合区融媒体中心做好宣传报道工作；配合其他处室做好防护知识宣传。",
        "3.经济发展处、农业农村处：密切关注活动现场秩序。",
        "4.东村卫生院：配合社会事业处设立临时医学观测点。",
        "三、工作流程",
        "（一）培训准备。相关责任处室在活动前对工作人员进行防护知识培训。",
        "（二）场地布置。党政办公室根据防控要求，在活动现场提前做好场地布置。",
        "四、保障措施",
        "（一）减少人员流动。活动期间尽量减少不必要的聚集。"]


def _text(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_each_labelled_duty_line_and_each_named_item_after_is_a_task(tmp_path):
    tasks = {t.code: t for t in convert_table(_text(tmp_path / "plan.txt", PLAN), "x-2022", 2022).programme.tasks}
    assert list(tasks) == ["二(二)1", "二(二)2", "二(二)3", "二(二)4", "三(一)", "三(二)", "四(一)"]
    assert tasks["二(二)1"].title == "负责现场布置；配合党群工作处开展健康宣传。"  # the label is no part of the duty
    assert tasks["二(二)1"].lines[0].lead_units == ["党政办公室"]
    assert tasks["二(二)1"].lines[0].units == ["党群工作处"]  # the office it helps
    assert tasks["二(二)2"].lines[0].units == ["区融媒体中心"]  # "其他处室": a kind left open, no unit
    assert tasks["二(二)3"].lines[0].lead_units == ["经济发展处"] and tasks["二(二)3"].lines[0].units == ["农业农村处"]
    assert tasks["二(二)4"].lines[0].lead_units == ["东村卫生院"]  # a body labelling its line, as an office does
    assert tasks["二(二)4"].lines[0].units == ["社会事业处"]
    assert tasks["三(一)"].title.startswith("培训准备。相关责任处室")  # the item's name run into its words
    assert tasks["三(一)"].lines[0].lead_units == [UNLISTED]  # an open kind: no doer
    assert tasks["三(二)"].lines[0].lead_units == ["党政办公室"]  # a party of the duties opening its sentence
    assert tasks["四(一)"].lines[0].lead_units == [UNLISTED]


def test_lines_not_all_labelled_by_offices_are_no_duty_list():
    rows = [Row(k, [text]) for k, text in enumerate(
        ["二、组织管理", "（二）工作职责", "1.党政办公室：负责现场布置。", "2.加强宣传：做好宣传工作。",
         "3.社会事业处：做好物资储备。"], 1)]
    assert duty_lines(rows) is None  # "加强宣传" labels no office
    rows = [Row(k, [text]) for k, text in enumerate(
        ["二、组织管理", "（二）工作职责", "1.党政办公室：负责现场布置。", "2.社会事业处：做好物资储备。"], 1)]
    assert duty_lines(rows) is None  # two lines: too few for a list of parties' duties


def test_helped_offices_are_named_ones_after_the_helping_word():
    assert helped("配合党群工作处开展健康宣教；协助区融媒体中心做好报道") == ["党群工作处", "区融媒体中心"]
    assert helped("配合其他处室做好宣传；引导群众主动配合疫情防控措施落实") == []


STEPS = ["某局印发2018年度诊所执业许可证延续工作方案的通知", "各基层医疗卫生机构：",
         "2018年度诊所执业许可证延续工作方案", "一、指导思想", "为依法规范诊所的管理，制定本方案。",
         "二、工作时间程序",
         "（一）乡镇自查。各乡镇卫生院要组织人员对辖区内的诊所开展现场审查，并于2018年7月31日前报局医政处。",
         "（二）区局复核。2018年8月1-20日，区卫计局将组成核查小组，对各乡镇进行抽查。",
         "三、工作内容",
         "（一）诊所提交材料", "1．书面申请报告", "2．执业许可证复印件", "3．设备清单",
         "（二）现场复核标准", "1．业务用房面积不少于60平方米。", "2．配备消毒设施。",
         "四、工作要求",
         "1．各基层医疗卫生机构要高度重视，指定专人负责。",
         "2．各基层医疗卫生机构要精心组织，严格按照标准审查。",
         "附件：1.申请报告"]


def test_a_plans_steps_and_the_parts_of_work_after_them_are_tasks(tmp_path):
    tasks = {t.code: t for t in convert_table(_text(tmp_path / "steps.txt", STEPS), "x-2018", 2018).programme.tasks}
    assert list(tasks) == ["二(一)", "二(二)", "三(一)", "三(二)", "四1", "四2"]
    assert tasks["二(一)"].lines[0].lead_units == ["各乡镇卫生院"]
    assert tasks["二(一)"].deadline == date(2018, 7, 31)
    assert tasks["二(二)"].lines[0].lead_units == ["区卫计局"]
    assert tasks["二(二)"].deadline == date(2018, 8, 20)  # a span's end; its start a checkpoint
    assert date(2018, 8, 1) in [c.due for line in tasks["二(二)"].lines for c in line.checkpoints]
    assert tasks["三(一)"].title == "诊所提交材料"  # a heading over its list: one task, the list no task
    assert tasks["三(一)"].lines[0].lead_units == ["诊所"]
    assert tasks["三(二)"].title == "现场复核标准"
    assert not [i for line in tasks["三(二)"].lines for i in line.indicators]  # a standard's figure is what an applicant meets, no target
    assert tasks["四1"].lines[0].lead_units == ["各基层医疗卫生机构"]


def test_numbered_points_naming_no_doer_after_the_steps_are_no_tasks():
    rows = [Row(k, [text]) for k, text in enumerate(STEPS[5:8] + ["三、工作要求", "1．高度重视。", "2．精心组织。"], 1)]
    entries, _, _, end = step_parts(rows)
    assert [e.text[:5] for e in entries if e.kind == "item"] == ["（一）乡镇", "（二）区局"]
    assert end == 3  # the requirements part is not read


CONTENTS = ["某区慈善文化进社区活动方案", "各有关单位：",
            "一、活动主题", "汇聚向善力量", "二、活动内容及安排",
            "（一）慈善文化进机关",
            "1.深化慈善理念学习，筑牢思想根基。各单位要开展专题学习，提升对慈善事业的认知。",
            "2.践行慈善公益行动，传递温暖力量。鼓励机关党员干部带头参与慈善捐赠。",
            "（二）慈善文化进社区",
            "1.打造慈善文化家园，筑牢精神纽带。各社区要依托党群服务中心宣传慈善法规政策。",
            "三、工作要求", "（一）强化统筹协调", "各单位要提高站位，精心组织实施。"]


def test_a_plans_contents_groups_items_are_tasks_led_by_their_doers_not_by_bodies_it_encourages(tmp_path):
    tasks = {t.code: t for t in convert_table(_text(tmp_path / "contents.txt", CONTENTS), "x-2025", 2025).programme.tasks}
    assert list(tasks) == ["二(一)1", "二(一)2", "二(二)1"]  # 三 工作要求: the plan's requirements, no tasks
    assert tasks["二(一)1"].title.startswith("深化慈善理念学习，筑牢思想根基。各单位要")  # the item whole
    assert tasks["二(一)1"].lines[0].lead_units == ["各单位"]
    assert tasks["二(一)2"].lines[0].lead_units == [UNLISTED]  # "鼓励…": a body encouraged is no doer
    assert tasks["二(二)1"].lines[0].lead_units == ["各社区"]


def test_contents_groups_need_a_title_naming_a_plan():
    rows = [Row(k, [text]) for k, text in enumerate(["某区慈善文化工作情况报告", *CONTENTS[2:]], 1)]
    assert content_groups(rows) is None
    rows = [Row(k, [text]) for k, text in enumerate(CONTENTS, 1)]
    entries, _, at, end = content_groups(rows)
    assert (at, end) == (4, 10) and sum(e.kind == "item" for e in entries) == 3
