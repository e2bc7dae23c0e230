"""Issue 13, read50a: a prose plan whose issuer is a 领导小组 ("…扶贫开发领导小组关于印发《…实施方案》的通知"); its work
under "（一）…" as items "1." that restart under each group, a group of offices' standing duties ("（二）部门职责") and a
group of stages ("（三）时间步骤" over "1.摸清底数阶段（2019年8月15日—9月15日）。…") dating the work; offices joined by 和
that share one place ("各乡镇党委和人民政府")."""

from __future__ import annotations

from datetime import date

from .conftest import text_tasks

CHECKS = [
    "某区扶贫开发领导小组关于印发《解决突出问题实施方案》的通知",
    "各成员单位：",
    "现将《解决突出问题实施方案》印发给你们，请认真贯彻执行。",
    "解决突出问题实施方案",
    "一、指导思想",
    "把解决突出问题作为决战决胜脱贫攻坚战的关键环节，确保脱贫攻坚目标任务全面实现。",
    "二、责任分工",
    "（一）核查标准",
    "全面查清我区全部农户情况，确保无遗漏、无死角。",
    "1.贫困人口不愁吃不愁穿，满足口粮及衣物需求。（责任单位：区社会事业局，各乡镇党委和人民政府）",
    "2.贫困人口义务教育有保障，保障有学上、上得起学。（责任单位：区教育局，各乡镇党委和人民政府）",
    "3.贫困人口住房安全有保障，保障其不住危房。（责任单位：区危改办、住房保障办，各乡镇党委和人民政府）",
    "（二）部门职责",
    "1.区直责任单位职责：区教育局、危改办等主管部门，要加强对乡镇的业务指导，制定切实可行的问题整改方案。",
    "2.各乡镇、村职责：要认真落实属地责任和主体责任，组织专门力量，全面核查并做好问题整改工作。",
    "（三）时间步骤",
    "1.摸清底数阶段（2019年8月15日—9月15日）。各乡镇组织专门力量，逐村逐户核实情况，摸清底数。",
    "2.整改落实阶段（2019年9月16日—10月16日）。由区直各责任单位逐个问题研究制定整改措施。",
    "3.形成整改报告（2019年10月17日—10月20日）。由区直各责任单位形成专项整改报告，于10月20日前报送区扶贫办备案。",
    "三、工作要求",
    "（一）强化责任落实。各责任单位要提高政治站位，抓紧抓实抓好。",
]


def test_a_plan_issued_by_a_leading_group_is_read(tmp_path):
    """The words before "关于" name who issues the document: a 领导小组 issuing a 实施方案 issues a plan, read (before:
    refused, "no header row found", as if the document set a 领导小组 up)."""
    tasks = text_tasks(tmp_path, CHECKS, 2019)
    assert [t.code for t in tasks][:3] == ["二(一)1", "二(一)2", "二(一)3"]
    assert tasks[0].lines[0].lead_units == ["区社会事业局"]


def test_offices_joined_by_he_sharing_one_place_are_one_unit(tmp_path):
    """"各乡镇党委和人民政府": the towns' party committees and governments, one unit as printed; "人民政府" alone names
    no place (before: two units, "各乡镇党委" and "人民政府")."""
    tasks = text_tasks(tmp_path, CHECKS, 2019)
    assert "各乡镇党委和人民政府" in tasks[0].lines[0].units
    assert "人民政府" not in tasks[0].lines[0].units


def test_a_group_of_offices_standing_duties_is_no_task(tmp_path):
    """"（二）部门职责" over "1.区直责任单位职责：…" "2.各乡镇、村职责：…": who answers for the work above, no work of its
    own: no task (before: two tasks with no office)."""
    codes = [t.code for t in text_tasks(tmp_path, CHECKS, 2019)]
    assert not [c for c in codes if c.startswith("二(二)")]


def test_a_group_of_stages_dates_the_work_of_its_part(tmp_path):
    """"（三）时间步骤" over stages each dated by its span: no tasks; the last stage's end is the deadline of the part's
    work, each earlier stage's end a checkpoint (before: three tasks with no office, the work undated)."""
    tasks = text_tasks(tmp_path, CHECKS, 2019)
    assert [t.code for t in tasks] == ["二(一)1", "二(一)2", "二(一)3"]
    for task in tasks:
        assert task.deadline == date(2019, 10, 20)
        assert sorted(c.due for c in task.lines[0].checkpoints if c.due != task.deadline) == [date(2019, 9, 15),
                                                                                               date(2019, 10, 16)]


STAGED = [
    "某片区2023年创建文明城市城建设施职能组专项工作方案",
    "一、工作目标",
    "全领域、全覆盖、全方位抓好城建设施工作，全面提升城市形象水平。",
    "二、任务分工",
    "（一）工作职责",
    "抓好主次干道、商业大街、公共广场的市政设施建设、整治、提升工作。",
    "（二）重点任务",
    "1.公共广场管理方面。",
    "（1）路面干净整洁，垃圾清运及时，无乱堆乱放杂物现象。（牵头处室：交通与建设处）",
    "（2）各种空中缆线整齐规范、无乱拉乱设现象。（牵头处室：交通与建设处，配合单位：通管办）",
    "2.主次干道市政设施养护管理方面。",
    "（1）道路名称、标牌广告用字规范，无一路多名现象。（牵头处室：社会事业处）",
    "（2）交通信号灯、标志标线等交通管理设施设置规范。（牵头处室：交通与建设处）",
    "3.建筑工地管理方面。",
    "（1）施工现场四周设置围墙或围挡，与城市景观相融合。（牵头处室：交通与建设处，配合单位：各项目建设单位）",
    "（2）环境整洁，卫生状况良好，垃圾清运及时。（牵头处室：交通与建设处）",
    "三、实施步骤",
    "（一）部署推进阶段（2023年5月16日-5月31日）",
    "制定专项工作方案，召开文明城市创建工作部署推进会，推进相关工作任务分解到岗、责任到人。",
    "（二）排查整治阶段（2023年6月1日-7月31日）",
    "对主次干道、商业大街、公共广场进行全面排查，推进整治工作。",
    "（三）巩固提升阶段（2023年8月1日-8月31日）",
    "成立临时检查小组对前期整治情况进行回头看，常态化巩固整治成果。",
    "四、保障机制",
    "（一）加强组织领导。各处室要高度重视，把城建设施创建作为重点工作来抓。",
]


def test_a_part_of_stages_after_the_list_is_read_with_it(tmp_path):
    """"三、实施步骤" right after the list, each stage's name on a line of its own with its span in a bracket
    ("（一）部署推进阶段（2023年5月16日-5月31日）") over its work: each stage a task coded by the part (三(一)), its name
    the title, due at the span's end, a checkpoint at its first day; the list's items keep their codes within their
    group (二(二)1(1)). Before: the list alone was read, the stages lost."""
    tasks = text_tasks(tmp_path, STAGED, 2023)
    assert [t.code for t in tasks] == ["二(二)1(1)", "二(二)1(2)", "二(二)2(1)", "二(二)2(2)", "二(二)3(1)", "二(二)3(2)",
                                      "三(一)", "三(二)", "三(三)"]
    stages = tasks[6:]
    assert [t.title for t in stages] == ["部署推进阶段", "排查整治阶段", "巩固提升阶段"]
    assert [t.deadline for t in stages] == [date(2023, 5, 31), date(2023, 7, 31), date(2023, 8, 31)]
    assert [[c.due for c in t.lines[0].checkpoints if c.due != t.deadline] for t in stages] == [
        [date(2023, 5, 16)], [date(2023, 6, 1)], [date(2023, 8, 1)]]


PARAGRAPHS = [
    "某区2024年为民办实事项目",
    "新建城区污水管网18公里，完成老旧管网改造5公里。",
    "改造国际会议中心周边停车场，新增停车泊位120个。",
    "新建公共厕所10座，改造提升农村公厕30座。",
    "为全区65岁以上老年人免费体检2万人次。",
]


def test_a_meeting_word_inside_a_name_introduces_nothing(tmp_path):
    """"会议" is an introduction's word at a line's start ("会议指出…") or closing a short heading ("区政府第5次常务会议"),
    not inside a name ("改造国际会议中心周边停车场…"): that paragraph is a task of the run like the others (before: it
    broke the run, and the items after it were lost)."""
    tasks = text_tasks(tmp_path, PARAGRAPHS, 2024)
    assert len(tasks) == 4
    assert tasks[1].title.startswith("改造国际会议中心")


PERIOD = [
    "某片区创建文明城市工作方案",
    "一、工作目标",
    "全领域、全覆盖、全方位抓好创建工作，全面提升城市文明程度。",
    "二、工作时限",
    "2023年5月25日-12月31日",
    "三、工作重点",
    "1.提升片区办公楼周边环境，设置主题公益广告2幅。（牵头处室：党政办公室）",
    "2.提升文化站周边硬件软件环境，设置精神文明建设宣传栏1个。（牵头处室：社会事业处）",
    "3.提升农贸市场及周边环境，6月底前完成摊位整治。（牵头处室：经济发展处）",
    "四、工作要求",
    "各处室要高度重视，认真抓好落实。",
]


def test_a_part_naming_the_works_period_gives_every_task_its_deadline(tmp_path):
    """"二、工作时限" over "2023年5月25日-12月31日": every task is due at the period's end, but one whose words name its
    own date ("6月底前完成"). Before: no task had a deadline."""
    tasks = text_tasks(tmp_path, PERIOD, 2023)
    assert [t.deadline for t in tasks] == [date(2023, 12, 31), date(2023, 12, 31), date(2023, 6, 30)]


def test_a_period_in_a_sentence_of_its_own_part_is_read_too(tmp_path):
    """"四、整治时间" over "专项整治工作在3个月内完成，自2021年3月25日至6月20日。": the span's end, its year the start's."""
    lines = [line if line != "2023年5月25日-12月31日" else "专项整治工作在6个月内完成，自2023年3月25日至9月20日。"
             for line in PERIOD]
    tasks = text_tasks(tmp_path, lines, 2023)
    assert [t.deadline for t in tasks] == [date(2023, 9, 20), date(2023, 9, 20), date(2023, 6, 30)]


def test_a_period_dates_the_items_of_a_bracketed_list(tmp_path):
    """Items numbered "（一）" "（二）" (their numbers in their words, no 序号 of their own) are tasks the period dates as
    "1." items are (before: the period, or "以上项目均于…完成", dated none of them)."""
    lines = [f"（{'一二三'[int(line[0]) - 1]}）{line[2:]}" if line[:2] in ("1.", "2.", "3.") else line for line in PERIOD]
    tasks = text_tasks(tmp_path, lines, 2023)
    assert [t.code for t in tasks] == ["三(一)", "三(二)", "三(三)"]
    assert [t.deadline for t in tasks] == [date(2023, 12, 31), date(2023, 12, 31), date(2023, 6, 30)]


SPANNED = [
    "某乡开展“思想大解放”大讨论活动实施方案",
    "一、总体要求",
    "深入开展大讨论活动，推动全乡干部思想再解放。",
    "二、方法步骤",
    "（一）抓好学习对照（2018年8月－9月上旬）",
    "系统学习党的十九大精神，对照查摆问题。",
    "（二）开展系列专题活动（2018年9月-11月）",
    "积极谋划、主动作为，通过开展专题活动，把大讨论引向深入。",
    "1.开展专题宣传活动，掀起创业新高潮。",
    "责任部门：宣传办",
    "2.开展支部党日活动，在全乡党员中开展主题党日活动。",
    "责任部门：组织办、各党支部",
    "3.开展“学先进，促后进”活动，引导广大党员见贤思齐。",
    "责任部门：组织办",
    "三、工作要求",
    "各支部要高度重视，认真组织实施。",
]


def test_a_groups_span_in_its_heading_is_its_items_deadline(tmp_path):
    """"（二）开展系列专题活动（2018年9月-11月）" over items "1." "2." "3.": each is due at the span's end (before: undated)."""
    tasks = text_tasks(tmp_path, SPANNED, 2018)
    assert [t.code for t in tasks] == ["二(二)1", "二(二)2", "二(二)3"]
    assert [t.deadline for t in tasks] == [date(2018, 11, 30)] * 3


def test_the_spacing_things_stand_at_is_no_target(tmp_path):
    """"每隔500米至少能看到1处公共卫生间的指示牌": the distance is the spacing of a standard, no length of work to do, and
    the count per spacing is a working rule, no target either (README: frequencies and spacings; before: an indicator
    "每隔至少能看到" of 500 米 beside it)."""
    lines = ["序号\t工作任务\t责任单位",
             "1\t每隔500米至少能看到1处公共卫生间的指示牌，指示标识醒目规范。\t交通与建设处",
             "2\t新建城区污水管网18公里。\t交通与建设处"]
    tasks = text_tasks(tmp_path, lines, 2023)
    assert [(i.target, i.unit) for line in tasks[0].lines for i in line.indicators] == []
    assert [(i.target, i.unit) for i in tasks[1].lines[0].indicators] == [(18, "公里")]


def test_the_same_figure_in_two_clauses_counting_two_things_is_two_targets(tmp_path):
    """"显著位置有不少于1处宣传展示精神文明创建内容；显著位置有不少于1处展示…未成年人…的公益广告": one sentence's two
    clauses, each its own verb and its own thing after the figure, are two targets of 1 处 (before: the second was taken
    for the first printed again)."""
    lines = ["序号\t工作任务\t责任单位",
             "1\t显著位置有不少于1处宣传展示精神文明创建内容；显著位置有不少于1处展示关心关爱未成年人的公益广告。\t党群工作处"]
    indicators = text_tasks(tmp_path, lines, 2023)[0].lines[0].indicators
    assert [(i.target, i.unit) for i in indicators] == [(1, "处"), (1, "处")]


GROUP_SPANS = [
    "某乡农村集体产权制度改革实施方案",
    "一、指导思想",
    "全面贯彻党的十九大精神，稳步推进农村集体产权制度改革。",
    "二、主要工作内容",
    "(一)全面开展清产核资(2018年4-9月)",
    "1.明确清产核资范围。全面清查各村集体资产。",
    "2.有序开展清产核资。组成清产核资工作组，指导各村清产核资工作。",
    "(二)有序推进经营性资产股份合作制改革工作(2018年11月-2019年6月)",
    "1.加强对经营性资产股份合作制改革的指导。将经营性资产量化到本集体成员。",
    "2.保障农民集体资产股份权利。建立集体资产股权登记制度。",
    "(三)建立健全农村集体经济组织机构(2019年12月)",
    "1.发挥农村集体经济组织功能作用。规范集体经济组织运行。",
    "2.维护集体经济组织合法权利。严格保护集体资产所有权。",
    "三、工作措施",
    "(一)建立工作机制。各村要高度重视，加强领导。",
]


def test_a_groups_span_of_months_or_its_month_dates_its_items(tmp_path):
    """"(2018年4-9月)", "(2018年11月-2019年6月)" after a long name, "(2019年12月)": each group's items are due at its
    end, and the group keeps its code (before: undated; the long heading no group, its items coded as the group's
    above, "二(一)1a")."""
    tasks = text_tasks(tmp_path, GROUP_SPANS, 2018)
    assert [(t.code, t.deadline) for t in tasks] == [
        ("二(一)1", date(2018, 9, 30)), ("二(一)2", date(2018, 9, 30)), ("二(二)1", date(2019, 6, 30)),
        ("二(二)2", date(2019, 6, 30)), ("二(三)1", date(2019, 12, 31)), ("二(三)2", date(2019, 12, 31))]


def test_a_part_of_several_dated_lines_is_no_period(tmp_path):
    """"二、实施时间" over stages ("2023年5月25日-6月30日，准备阶段。" "2023年7月1日-12月31日，实施阶段。"): no one period
    of all the work; the first stage's end is no task's deadline."""
    at = PERIOD.index("2023年5月25日-12月31日")
    lines = [*PERIOD[:at - 1], "二、实施时间", "2023年5月25日-6月30日，准备阶段，制定方案。",
             "2023年7月1日-12月31日，实施阶段，全面推进。", *PERIOD[at + 1:]]
    deadlines = [t.deadline for t in text_tasks(tmp_path, lines, 2023) if t.code[-1].isdigit()]
    assert date(2023, 6, 30) not in deadlines[:2]


def test_a_day_the_work_starts_from_is_a_checkpoint(tmp_path):
    """"2022年9月1日起，停止向规模养殖场供应…，实行…全覆盖": the day a change takes effect is a checkpoint in words (as
    "自4月起每月…" is one by April's end); before, the day was lost."""
    lines = ["序号\t工作任务\t责任单位",
             "1\t实行“先打后补”。全面推进“先打后补”工作。2022年9月1日起，停止向规模养殖场供应政府招标采购疫苗，实行全覆盖。\t各村"]
    line = text_tasks(tmp_path, lines, 2022)[0].lines[0]
    assert [c.due for c in line.checkpoints] == [date(2022, 9, 1)]
