"""Issue 13, held57b: a campaign's stages each named with its span on a line of its own over its paragraphs (no
"阶段" in the name), and a saying "一处失信处处受限" that counts nothing, each read by its structure on a small plan of
its own."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table.numbers import numbers_in

from .conftest import text_tasks


def _checkpoints(task) -> list[date]:
    return sorted({m.due for line in task.lines for i in line.indicators for m in i.milestones}
                  | {c.due for line in task.lines for c in line.checkpoints})


SUMMER = ["关于开展旅游市场暑期整顿的工作方案",
          "一、工作目标",
          "进一步规范旅游服务。",
          "二、工作重点",
          "（一）继续开展打击“不合理低价游”专项行动。严厉打击参与“不合理低价游”的旅行社、导游等市场主体。",
          "（二）开展旅行社服务网点整治行动。严查旅行社服务网点承包挂靠、超范围经营的行为。",
          "（三）推进诚信经营。发布违法违规企业的信息，使违法违规企业一处失信处处受限。",
          "三、实施步骤",
          "（一）动员部署（7月7日至7月14日）",
          "结合工作方案，对辖区整顿工作进行部署安排。",
          "（二）集中整顿（7月15日至8月8日）",
          "在全区集中开展旅游市场秩序大检查，开展联合执法。",
          "（三）巩固提升（8月8日至8月30日）",
          "针对督查检查中发现的案件线索进行重点查办。"]


def test_stages_named_with_their_spans_on_lines_of_their_own_are_tasks_due_at_each_end(tmp_path):
    """"三、实施步骤" over "（一）动员部署（7月7日至7月14日）" and its paragraph on the next line: each stage a task titled by
    its name alone (no span, no 阶段 needed), due at its span's end, started on its first day (a checkpoint)."""
    tasks = {t.code: t for t in text_tasks(tmp_path, SUMMER, 2017)}
    stages = [tasks.get(code) for code in ("三(一)", "三(二)", "三(三)")]
    assert all(stages), list(tasks)
    assert [t.title for t in stages] == ["动员部署", "集中整顿", "巩固提升"]
    assert [t.deadline for t in stages] == [date(2017, 7, 14), date(2017, 8, 8), date(2017, 8, 30)]
    assert [date(2017, 7, 7) in _checkpoints(stages[0]), date(2017, 7, 15) in _checkpoints(stages[1]),
            date(2017, 8, 8) in _checkpoints(stages[2])] == [True, True, True]
    assert {"二(一)", "二(二)", "二(三)"} <= set(tasks)  # the work items before the stages stay tasks


def test_one_x_then_x_doubled_is_a_saying_and_counts_nothing(tmp_path):
    """"一处失信处处受限": one X, then X doubled ("every X") a few words on: no figure of 1 处; "一处公园" still one."""
    assert numbers_in("使违法违规企业一处失信处处受限") == []
    assert numbers_in("一次违法次次受罚") == []
    assert [n[2] for n in numbers_in("新建一处公园")] == ["1"]
    tasks = {t.code: t for t in text_tasks(tmp_path, SUMMER, 2017)}
    assert [i.name for line in tasks["二(三)"].lines for i in line.indicators] == []


def _leads(task) -> list[str]:
    return list(dict.fromkeys(u for line in task.lines for u in line.lead_units if u != "（表中未列）"))


def _units(task) -> list[str]:
    return [u for line in task.lines for u in line.units if u not in _leads(task)]


TEAMS = ["某乡2017年火灾隐患排查整治工作方案",
         "一、指导思想",
         "以保障和改善民生为着力点，整体提升我乡的消防安全环境。",
         "二、整治内容及分工安排",
         "（一）进一步加强消防队建设工作",
         "各村要对已成立的义务消防队队员进行更新换代，并配备及更新消防器材。",
         "（二）火灾隐患排查整治工作",
         "隐患排查整治组对辖区范围内的单位和场所进行一次全面彻底的排查整治。隐患排查整治组下分三个整治小组：",
         "1．工厂企业排查整治小组。",
         "组 长：分管安全生产副乡长",
         "成员由安监站、消防办等工作人员组成，负责对工厂企业进行排查整治和登记造册，并跟踪整改。",
         "2．文化娱乐场所排查整治小组。",
         "组 长：党委宣传委员",
         "成员由乡文化服务中心、中楼派出所、文化站等工作人员组成，负责对娱乐场所进行排查整治和登记造册。",
         "3．中小学及幼儿园排查整治小组。",
         "组长：党委宣传委员",
         "由芦洋学校、中心幼儿园负责人、中楼派出所等工作人员及综治协管员组成，负责对学校及幼儿园进行排查整治。",
         "（三）宣传教育工作",
         "进一步强化对我乡的消防安全宣传工作力度，深入开展消防宣传活动。",
         "三、整治步骤",
         "此次专项整治工作分下述三个阶段进行。",
         "（一）组织部署阶段（2017年4月10日至4月30日）。",
         "召开动员大会。",
         "（二）调查摸底阶段（2017年5月1日至6月30日）。",
         "各村要做好调查摸底。",
         "（三）检查总结阶段（2017年12月1日至12月31日）。",
         "进行督查和检查验收。",
         "四、工作措施",
         "（一）提高认识，周密部署。各村、各单位要充分认识到消防安全的重要作用。",
         "（二）狠抓重点，兼顾一般。排查整治工作要切实解决影响消防安全的突出问题。",
         "（三）建立机制，巩固成果。各村、各单位要协调联动，防止隐患反弹。"]


def test_teams_each_a_name_a_head_by_post_and_the_offices_whose_staff_make_it_are_tasks_of_their_group(tmp_path):
    """"1．…小组。" / "组 长：post" / "成员由A、B等工作人员组成，负责…": each team a task of its group "（二）…" (coded
    二(二)1), titled by its name without its stop, its offices the lead (the first) and units, the 组长 no unit and
    persons (综治协管员) left out; the group's other items, names over their paragraphs, tasks with them (the
    paragraphs their content), before the part of stages; the measures after it no tasks."""
    from mstrack.sources.table.list_teams import member_offices
    assert member_offices("中楼派出所、消防办、安监站和综治办的工作人员及各村“两委”成员、综治协管员") == [
        "中楼派出所", "消防办", "安监站", "综治办", "各村“两委”"]
    tasks = {t.code: t for t in text_tasks(tmp_path, TEAMS, 2017)}
    assert list(tasks) == ["二(一)", "二(二)1", "二(二)2", "二(二)3", "二(三)", "三(一)", "三(二)", "三(三)"]
    assert tasks["二(二)1"].title == "工厂企业排查整治小组"
    assert (_leads(tasks["二(二)1"]), _units(tasks["二(二)1"])) == (["安监站"], ["消防办"])
    assert (_leads(tasks["二(二)2"]), _units(tasks["二(二)2"])) == (["乡文化服务中心"], ["中楼派出所", "文化站"])
    assert (_leads(tasks["二(二)3"]), _units(tasks["二(二)3"])) == (["芦洋学校"], ["中心幼儿园", "中楼派出所"])
    # the names over their paragraphs: titled by the name, led by the doers their first paragraph names
    assert [tasks[c].title for c in ("二(一)", "二(三)")] == ["进一步加强消防队建设工作", "宣传教育工作"]
    assert [_leads(tasks[c]) for c in ("二(一)", "二(三)")] == [["各村"], []]
    assert [tasks[c].deadline for c in ("三(一)", "三(二)", "三(三)")] == [date(2017, 4, 30), date(2017, 6, 30), date(2017, 12, 31)]


def test_a_heading_framing_the_plan_or_setting_up_its_leading_body_heads_no_task(tmp_path):
    """"二、整治目标" (any aim's heading, not only 主要/工作目标) and "三、整治工作领导机构" over one paragraph: no task."""
    from mstrack.sources.table.list_bracketed import _lone_task
    from mstrack.sources.table.reading import Row
    paragraph = Row(2, ["为做好火灾隐患整治工作，成立火灾隐患排查整治工作领导小组，全面完成整治任务。"])
    nxt = Row(3, ["四、整治内容"])
    for heading in ("二、整治目标", "三、整治工作领导机构"):
        assert not _lone_task([("heading", heading, "")], paragraph, nxt)
    assert _lone_task([("heading", "四、集中供热扩建工程", "")], Row(2, ["铺设供热主管网，全长约4.3公里。"]), nxt)


def test_a_part_of_steps_right_after_the_run_is_read_for_its_stages_each_closed_by_a_stop(tmp_path):
    """"三、整治步骤" (a part of steps by another word) over "（一）组织部署阶段（2017年4月10日至4月30日）。" and its
    paragraphs: the stages, each a task due at its span's end, though the run stopped above the part, led by the doers
    its paragraph names."""
    lines = [*SUMMER[:8], "三、整治步骤", "此次专项整治工作分下述三个阶段进行。",
             "（一）组织部署阶段（2017年4月10日至4月30日）。", "召开动员大会，下发排查整治工作方案，统一部署。",
             "（二）调查摸底阶段（2017年5月1日至6月30日）。", "区消防大队要做好调查摸底和信息收集工作。",
             "（三）检查总结阶段（2017年12月1日至12月31日）。", "对排查整治工作进行督查和检查验收。"]
    tasks = {t.code: t for t in text_tasks(tmp_path, lines, 2017)}
    stages = [tasks.get(code) for code in ("三(一)", "三(二)", "三(三)")]
    assert all(stages), list(tasks)
    assert [t.title for t in stages] == ["组织部署阶段", "调查摸底阶段", "检查总结阶段"]
    assert [t.deadline for t in stages] == [date(2017, 4, 30), date(2017, 6, 30), date(2017, 12, 31)]
    assert date(2017, 5, 1) in _checkpoints(stages[1])
    assert [_leads(t) for t in stages] == [[], ["区消防大队"], []]  # the doers a stage's paragraph names lead it


def test_bodies_a_sentence_counts_as_working_as_one_are_the_items_doers_the_first_leading(tmp_path):
    """"充分发挥公安系统、市场监督管理部门、旅游巡回法庭三位一体的作用，共同维护…": the three bodies are the item's doers, the
    first its lead, though a later sentence names one of them with "要"; a count that does not match names none."""
    from mstrack.sources.table.list_doers import paragraph_doers
    item = ("有效发挥“1+3”监管模式的作用。在旅游市场整治行动中，充分发挥公安系统、市场监督管理部门、旅游巡回法庭三位一体的作用，"
            "共同维护旅游市场秩序。市场监督管理部门要严厉查处假冒伪劣产品；旅游巡回法庭应发挥司法调解的作用。")
    assert paragraph_doers(item, True)[:3] == ["公安系统", "市场监督管理部门", "旅游巡回法庭"]
    assert paragraph_doers("充分发挥公安系统、市场监督管理部门三位一体的作用。", True) == []  # two named, not three
    lines = [*SUMMER[:7], f"（四）{item}", *SUMMER[7:]]
    tasks = {t.code: t for t in text_tasks(tmp_path, lines, 2017)}
    assert (_leads(tasks["二(四)"]), _units(tasks["二(四)"])) == (["公安系统"], ["市场监督管理部门", "旅游巡回法庭"])
