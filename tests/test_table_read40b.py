"""Issue 13, read40b: the twenty-second set's progress reports, each rule on a small synthetic report: items grouped
by their state of progress under "(一)…共2项" headings, numbered again in each group, go by the group's printed number
and their own ("(一)1"); a size class ("30户以上", the subject after it) is no target; a report titled 推进情况 whose
items each print the plan's sentence and then, in the same paragraph, its progress is read as the plan's items."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError

from .conftest import convert_written, targets_of

# --- 1. items grouped by their state, numbered again in each group ---------------------------------------------------

GROUPED = """某州2023年度十件民生实事1-3月推进情况
(一)已完成任务共2项
1.城镇公益性岗位安置就业困难人员6100人。(责任单位:州人力资源社会保障局)
推进情况:目前累计完成城镇公益性岗位安置就业困难人员6415人,完成年度任务的105.16%。
2.新开工棚户区改造1666套。(责任单位:州住房城乡建设局)
推进情况:已完成新开工棚户区改造1666套,完成年度任务的100%。
(二)已开工建设任务共15项
1.实现30户以上自然村寨垃圾收运设施覆盖率达95%以上。(责任单位:州住房城乡建设局)
推进情况:已完成9546个自然村寨覆盖,覆盖率达97.5%。
2.完成5550亩历史遗留矿山生态修复。(责任单位:州自然资源局)
推进情况:目前累计完成2362亩历史遗留矿山生态修复,完成年度任务的42.56%。
3.实施普通公路危桥改造40座。(责任单位:州交通运输局)
推进情况:目前已完成普通公路危桥改造15座,完成年度任务的37.5%。
"""


def test_items_numbered_again_under_bracketed_group_headings_take_the_groups_printed_number(tmp_path):
    """"(一)已完成任务共2项" heads a group of the items below it: the area goes by its printed number "(一)" (not "1" in
    order), its name is the heading's words without the number and the count, and an item "1." under it is (一)1."""
    programme = convert_written(tmp_path, "grouped.txt", GROUPED, 2023).programme
    assert [(a.code, a.name, a.declared_tasks) for a in programme.areas] == [("(一)", "已完成任务", 2), ("(二)", "已开工建设任务", 15)]
    tasks = programme.tasks
    assert [t.code for t in tasks] == ["(一)1", "(一)2", "(二)1", "(二)2", "(二)3"]
    assert tasks[0].title == "城镇公益性岗位安置就业困难人员6100人。"
    assert [t.lines[0].lead_units for t in tasks[:3]] == [["州人力资源社会保障局"], ["州住房城乡建设局"], ["州住房城乡建设局"]]
    assert [targets_of(t) for t in tasks[:2]] == [[(6100, "人")], [(1666, "套")]]
    assert targets_of(tasks[3]) == [(5550, "亩")]


BRACKETED_ON = """某区2024年民生实事项目
一、实事项目
(一)老有所养
1.改建认知障碍照护床位220张(区民政局)
2.新增社区长者食堂5家(区民政局)
(二)幼有所育
3.新增公办幼儿园托班托额200个(区教育局)
4.开设小学生爱心暑托班40个(区教育局)
"""


def test_bracketed_groups_under_a_chinese_heading_and_items_numbered_on_keep_their_codes(tmp_path):
    """"(一)" under "一、" is the area 一(一), as before; items numbered on across the groups keep their own numbers."""
    programme = convert_written(tmp_path, "on.txt", BRACKETED_ON, 2024).programme
    assert [t.code for t in programme.tasks] == ["1", "2", "3", "4"]
    assert "一(一)" in [a.code for a in programme.areas]


# --- 1b. a size class before the subject whose rate is the target ---------------------------------------------------

@pytest.mark.parametrize(("words", "targets"), [
    ("实现30户以上自然村寨垃圾收运设施覆盖率达95%以上。", [(95, "%")]),
    ("50人以下企业参保比例达到90%。", [(90, "%")]),
    ("新建100个以上社区食堂。", [(100, "个")]),
    ("培训300人以上农村实用人才。", [(300, "人")]),
])
def test_a_size_class_before_the_subject_of_a_rate_is_no_target(tmp_path, words, targets):
    """"30户以上自然村寨…覆盖率达95%": the count picks which villages (a size class), the rate after it is the target;
    a count bounded so of the things it counts ("100个以上社区食堂", "300人以上…人才") is a target."""
    rows = f"序号,工作任务,牵头单位\n1,{words},县住建局\n"
    assert targets_of(convert_written(tmp_path, "plan.csv", rows, 2023).programme.tasks[0]) == targets


# --- 2. a progress report whose items print the plan's sentence and then its progress, one paragraph each -----------

REPORT = """2023年度某省十件民生实事1至4月推进情况
天眼新闻
1686121440
省发展改革委消息,2023年度某省十件民生实事目标任务23项,截至3月底,其余任务推进情况良好。具体情况如下:
1.做好重点群体就业工作,开展农业技能技术培训2万人次,城镇公益性岗位安置就业困难人员4万人。已开展农业技能技术培训8718人次;城镇公益性岗位在岗人员达4.14万人。
2.新建、改扩建70所公办幼儿园,遴选培育公办义务教育强校500所。已开工建设公办幼儿园63所、正在开展前期手续7所。
3.为全省重点人群免费发放“防疫健康包”133万份。完成向全省重点人群免费发放“防疫健康包”133万份的任务。
4.全省孤儿基本生活最低养育标准每人每月提高100元,分别达到1800元、1300元。制发《某省2023年城
"""


def test_a_progress_reports_items_are_the_plans_sentences_and_their_progress_no_target(tmp_path):
    """The title and the introduction say 推进情况; each item prints the plan's sentence, then, in the same paragraph
    and unlabelled, what was done: the items are the plan's (its figures the targets), the sentences after the first
    their progress, neither title nor target."""
    tasks = convert_written(tmp_path, "report.txt", REPORT, 2023).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3", "4"]
    assert tasks[0].title == "做好重点群体就业工作,开展农业技能技术培训2万人次,城镇公益性岗位安置就业困难人员4万人。"
    assert tasks[3].title == "全省孤儿基本生活最低养育标准每人每月提高100元,分别达到1800元、1300元。"
    assert targets_of(tasks[0]) == [(20000, "人次"), (40000, "人")]
    assert targets_of(tasks[1]) == [(70, "所"), (500, "所")]
    assert targets_of(tasks[2]) == [(1330000, "份")]


def test_the_same_items_without_progress_after_them_under_a_progress_title_stay_refused(tmp_path):
    """The report's items printed without their progress: nothing shows they restate a plan, and the title reports
    on the programme (list_work.names_programme), so no list is read."""
    plain = "\n".join(line.split("。")[0] + "。" if line[:1].isdigit() else line for line in REPORT.splitlines())
    with pytest.raises(InputError):
        convert_written(tmp_path, "report.txt", plain, 2023)


ITEMS = ["新建幼儿园3所。已开工建设2所。", "改造农村公路50公里。已完成30公里。", "新增公厕10座。"]


def test_plans_reported_wants_a_progress_title_and_items_that_report_after_their_plan():
    """The plan's sentences only under a line saying the report is of progress, when most items go on past their first
    sentence and half of those or more report there."""
    from mstrack.sources.table.list_results import plans_reported

    plans = plans_reported(ITEMS, ["某县民生实事1-6月推进情况", "具体情况如下:"])
    assert plans == ["新建幼儿园3所。", "改造农村公路50公里。", "新增公厕10座。"]
    assert plans_reported(ITEMS, ["某县2023年民生实事", "具体如下:"]) is None  # no progress said above
    assert plans_reported(["新建幼儿园3所。", "改造农村公路50公里。已完成30公里。", "新增公厕10座。"],
                          ["某县民生实事推进情况"]) is None  # most items end at their first sentence
    assert plans_reported(["新建幼儿园3所。选址城东。", "改造农村公路50公里。分两期实施。"], ["某县民生实事推进情况"]) is None


# --- 3. items "一、" whose following lines are their progress ---------------------------------------------------------

ITEMS_AND_PROGRESS = """某市2023 年 1—3 月“十件民生实事”进展情况
2023年全市“十件民生实事”涉及年度投资目标5.79亿元。13月,完成投资1.17 亿元,占年度投资目标20.2%,各民生事项正有序推进。
分项情况如下:
一、保障好重点群体就业,开展补贴性职业技能培训2万人次、农业技能技术培训1000人次,城镇公益性岗位安置就业困难人员3370人。
年度投资目标15495万元,13月完成投资2513万元,占年度投资目标的16.22%。
推进情况:1. 全市统筹开展补贴性职业技能培训5585人次。
2. 开展农业技能技术培训484人次,其中,某县开展猕猴桃种植技术培训30人次。
3. 城镇公益性岗位安置就业困难人员3425人。
二、加强教育科技工作,新建、改扩建公办幼儿园7所,遴选培育公办义务教育强校计划项目学校50所;选派120名科技特派员赴基层开展服务。
年度投资目标19291万元,13月完成投资5370万元,占年度投资目标的27.84%。
推进情况:1. 某镇林场幼儿园进行基础施工。
2. 328日,市教育局下发《关于遴选2023年义务教育公办强校项目学校培育工作的通知》,启动遴选2023年
"""


def test_items_numbered_in_chinese_each_followed_by_its_progress_are_the_plans_items(tmp_path):
    """Two items "一、…", each followed by a line of the year's investment and the quarter's, and by progress points
    "推进情况:1. … 2. …": the items are the plan's, with their figures and the year's investment target; the quarter's
    figures and the progress points are none, and "13月" (a lost dash) no month."""
    tasks = convert_written(tmp_path, "report.txt", ITEMS_AND_PROGRESS, 2023).programme.tasks
    assert [t.code for t in tasks] == ["一", "二"]
    assert tasks[0].title.startswith("保障好重点群体就业") and tasks[0].title.endswith("3370人。")
    assert targets_of(tasks[0]) == [(1000, "人次"), (3370, "人"), (20000, "人次"), (154950000, "元")]
    assert targets_of(tasks[1]) == [(7, "所"), (50, "所"), (120, "名"), (192910000, "元")]
    assert not [c for t in tasks for line in t.lines for c in line.checkpoints]


def test_two_chinese_numbered_points_without_progress_under_a_progress_title_stay_refused(tmp_path):
    """The same two items with nothing under them: two stray points of a news page, no list."""
    plain = "\n".join(line for line in ITEMS_AND_PROGRESS.splitlines() if line[:1] in "某2分一二")
    with pytest.raises(InputError):
        convert_written(tmp_path, "report.txt", plain, 2023)


def test_items_followed_by_their_progress_under_a_title_reporting_results_stay_refused(tmp_path):
    """Under "…完成情况报告" the same two items are a report of results: their year's targets under them make them no
    list of two (test_table_read42b reads a report's items that state their targets when they are a list)."""
    text = ITEMS_AND_PROGRESS.replace("“十件民生实事”进展情况", "“十件民生实事”完成情况报告", 1)
    with pytest.raises(InputError, match="report of results"):
        convert_written(tmp_path, "report.txt", text, 2023)
