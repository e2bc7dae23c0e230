"""Issue 13, read46d: a plan titled 工作方案 / 行动方案 / 实施方案 (no 任务分工 above its list) whose numbered items each
name their offices, by a label under the item ("责任单位：…") or by their role in the bracket after its words
("（X牵头，Y等按职责分工负责）"), is a work list: the items' own office lines say so, as a title naming a 分工 would."""

from __future__ import annotations

from .conftest import convert_written

TITLE = ["某区“国企提升发展年”", "行动方案", "一、工作目标", "全面提升国企发展水平。", "二、主要任务"]


def _read(tmp_path, lines: list[str], name: str = "plan.txt"):
    return convert_written(tmp_path, name, "\n".join(lines) + "\n", 2021).programme.tasks


def test_labelled_items_naming_a_closing_word_deep_in_their_text_are_work(tmp_path):
    """Items whose heading sentence is work ("健全协同监督机制。") though a later sentence names a closing section's word
    ("…协调运转的工作机制", "…纳入年度考核"): only the item's heading says whether it is a closing section."""
    items = [
        "1.完善法人治理结构。理清各治理主体的权责边界，建立协调运转的工作机制。", "责任单位：各区属国企，区国资局",
        "2.健全协同监督机制。整合监督资源，形成监督合力的工作机制。", "责任单位：区纪工委、区国资局",
        "3.强化风险防控。建立风险防控体系，纳入企业年度考核。", "责任单位：各区属国企",
        "4.加大人才培养力度。深化三项制度改革。", "责任单位：各区属国企，区国资局",
    ]
    tasks = _read(tmp_path, [*TITLE, *items])
    assert [t.code for t in tasks] == ["1", "2", "3", "4"]
    assert tasks[1].title.startswith("健全协同监督机制。")
    assert tasks[1].lines[0].lead_units == ["区纪工委"]


def test_items_naming_their_offices_by_role_word_in_a_bracket_are_a_list(tmp_path):
    """No label in the bracket, the role said by a word: "（X牵头负责）", "（X牵头，A、B等按职责分工负责）"."""
    items = [
        "1.落实环境信息调查。2023年底前完成首轮化学物质基本信息调查。（区资源生态局牵头负责）",
        "2.开展环境调查监测。制定专项环境调查监测实施方案。（区资源生态局牵头，区农业农村局、区市场监管局等按职责分工负责）",
        "3.实施风险筛查评估。筛选重点化学物质，开展环境风险评估。（区资源生态局牵头负责）",
        "4.推进绿色制造升级。推行清洁生产，实施强制性清洁生产审核。（区经发局牵头，区资源生态局等按职责分工负责）",
    ]
    tasks = _read(tmp_path, ["某区新污染物治理工作方案", "二、重点任务", "（一）开展调查监测", *items])
    assert [t.code for t in tasks] == ["1", "2", "3", "4"]
    assert [t.lines[0].lead_units for t in tasks] == [["区资源生态局"], ["区资源生态局"], ["区资源生态局"], ["区经发局"]]
    assert tasks[1].lines[0].units == ["区农业农村局", "区市场监管局"]


WORK = ["开展环境调查监测。制定调查监测实施方案。", "实施治理试点工程。积极开展治理试点。", "实施风险筛查评估。筛选重点化学物质。",
        "推进绿色制造升级。推行清洁生产。"]


def test_a_customs_office_and_a_banks_branch_closed_by_deng_are_units(tmp_path):
    """"平潭海关等", "人行平潭支行等" closing a bracket's list of offices: a customs office and a bank's branch are
    units (office_names.UNITS_END), the closing 等 no part of their names."""
    brackets = ["区资源生态局牵头，区经发局，平潭海关等按职责分工负责", "区财金局牵头，区税务局，人行平潭支行等按职责分工负责",
                "区资源生态局牵头负责", "区经发局牵头负责"]
    tasks = _read(tmp_path, ["某区新污染物治理工作方案", "二、重点任务", *(
        f"{n}.{words}（{offices}）" for n, (words, offices) in enumerate(zip(WORK, brackets, strict=True), 1))])
    assert [t.lines[0].lead_units for t in tasks[:2]] == [["区资源生态局"], ["区财金局"]]
    assert tasks[0].lines[0].units == ["区经发局", "平潭海关"]
    assert tasks[1].lines[0].units == ["区税务局", "人行平潭支行"]


def test_a_unit_the_first_bracket_names_for_every_item_is_a_unit_of_each(tmp_path):
    """"（X牵头负责;各片区负责配合落实，以下均需各片区配合落实，不再列出）": the note names 各片区 once for every item
    below; it is no part of the first item's words, and each item after it has 各片区 among its units."""
    items = [
        "1.落实环境信息调查。完成化学物质基本信息调查。（区资源生态局牵头负责;各片区负责配合落实，以下均需各片区配合落实，不再列出）",
        "2.开展环境调查监测。制定调查监测实施方案。（区资源生态局牵头负责）",
        "3.实施风险筛查评估。开展环境风险评估。（区资源生态局牵头，区经发局等按职责分工负责）",
        "4.推进绿色制造升级。推行清洁生产。（区经发局牵头负责）",
    ]
    tasks = _read(tmp_path, ["某区新污染物治理工作方案", "二、重点任务", *items])
    assert tasks[0].title == "落实环境信息调查。完成化学物质基本信息调查。"
    assert [t.lines[0].lead_units for t in tasks] == [["区资源生态局"], ["区资源生态局"], ["区资源生态局"], ["区经发局"]]
    assert [t.lines[0].units for t in tasks] == [["各片区"], ["各片区"], ["区经发局", "各片区"], ["各片区"]]


NAMED = [
    "三、主要任务",
    "（一）掌握土壤环境质量状况",
    "1.开展土壤环境质量详查",
    "2017年6月底前，完成全区土壤污染状况初步调查。",
    "责任单位：区环境局牵头，区农业局等参与",
    "2.建立土壤环境监测体系",
    "2017年先行配备一批土壤快速检测设备。",
    "责任单位：区环境局牵头，区农业局等参与",
    "（二）严格监管各类土壤污染源",
    "1.强化工矿企业环境监管",
    "加强日常环境监管，2017年底前完成重点企业名单。",
    "责任单位：区环境局牵头，区经发局等参与",
    "2.防治农业面源污染",
    "强化畜禽养殖污染防治。",
    "责任单位：区农业局牵头，区环境局等参与",
    "推广秸秆还田、绿肥种植。",
    "责任单位：区农业局负责",
]


def test_an_items_name_over_its_text_and_its_label_line_is_one_item(tmp_path):
    """"1.name" on a line of its own, its text on the lines below, a "责任单位：…" line after them (twice for an item with
    two paragraphs): the text is the item's content, the name its title, the labels its offices."""
    tasks = _read(tmp_path, ["某区土壤污染防治工作方案", *NAMED], name="soil.txt")
    assert [t.code for t in tasks] == ["三(一)1", "三(一)2", "三(二)1", "三(二)2"]
    assert [t.title for t in tasks] == ["开展土壤环境质量详查", "建立土壤环境监测体系", "强化工矿企业环境监管", "防治农业面源污染"]
    assert [t.lines[0].lead_units for t in tasks] == [["区环境局"], ["区环境局"], ["区环境局"], ["区农业局"]]
    assert tasks[2].lines[0].units == ["区经发局"]


def test_labelled_items_ending_with_a_closing_one_are_a_list_still(tmp_path):
    """Labelled items whose last group holds a closing section's work ("做好资金保障", "加强目标考核", each with its own
    责任单位): most are work, so the list is one."""
    items = [
        "1.开展土壤环境质量详查。2017年底前完成详查。", "责任单位：区环境局",
        "2.建立土壤环境监测体系。配备快速检测设备。", "责任单位：区环境局",
        "3.推进治理与修复工程。实施修复试点项目。", "责任单位：区环境局",
        "4.做好资金保障。统筹安排专项资金。", "责任单位：区财政局",
    ]
    tasks = _read(tmp_path, ["某区土壤污染防治工作方案", "三、主要任务", *items], name="soil2.txt")
    assert [t.code for t in tasks] == ["1", "2", "3", "4"]
    assert tasks[3].lines[0].lead_units == ["区财政局"]


def test_a_part_of_goals_naming_no_office_over_parts_of_labelled_items_is_no_task(tmp_path):
    """"二、发展目标" over "（一）2016年目标：…" items naming no office, then "三、重点任务" over items each followed by
    its "责任单位：" paragraph: the goals are no tasks; the labelled items are the list, whatever the title calls it."""
    lines = [
        "某区社区居家养老服务补短板实施方案",
        "二、发展目标",
        "（一）2016年目标：完成居家养老信息化平台建设，引进1家专业服务组织。",
        "（二）2017年目标：新增养老床位300张左右。",
        "三、重点任务",
        "（一）建设社区居家养老服务网络平台。建设区级信息平台，整合服务资源。", "责任单位：区社会事业局、经济发展局",
        "（二）培育养老服务龙头企业和机构。引导家政、物业企业开展养老服务。", "责任单位：区社会事业局、财政金融局",
        "（三）完善社区养老服务设施网络。改造社区养老服务用房。", "责任单位：区交通与建设局、社会事业局",
        "（四）加强养老服务队伍建设。开展养老护理人员岗前培训。", "责任单位：区社会事业局、教育局",
    ]
    tasks = _read(tmp_path, lines, name="care.txt")
    assert [t.code for t in tasks] == ["三(一)", "三(二)", "三(三)", "三(四)"]
    assert [t.lines[0].lead_units for t in tasks] == [["区社会事业局"], ["区社会事业局"], ["区交通与建设局"], ["区社会事业局"]]
    assert "经济发展局" in tasks[0].lines[0].units


def test_a_plants_capacity_said_about_is_no_target(tmp_path):
    """"建设日处理约5万吨海水淡化项目": the project's capacity, 约 or not (the layout variant figures_about of
    pingtan-2016-haiyang, read since this branch), names the project; no target."""
    rows = "序号,工作任务,责任单位\n1,拟建设日处理约5万吨海水淡化项目。,区国资局\n2,新建学校3所,区教育局\n"
    tasks = convert_written(tmp_path, "plants.csv", rows, 2016).programme.tasks
    assert [(i.target, i.unit) for i in tasks[0].lines[0].indicators] == []
    assert [(i.target, i.unit) for i in tasks[1].lines[0].indicators] == [(3, "所")]


def test_an_institution_closing_a_role_list_is_a_unit(tmp_path):
    """"区经济发展局，区环境局牵头，区财政金融局，驻岚相关金融监管机构参与" (offices parted by "，"): 机构 ends a unit's
    name as 单位 and 部门 do, so the list's roles are read (turang's 三(九)1, whatever joins its offices)."""
    rows = ("序号,工作任务,责任单位\n1,开展土壤污染防治融资试点。,区经济发展局，区环境局牵头，区财政金融局，驻岚相关金融监管机构参与\n"
            "2,新建学校3所,区教育局\n")
    line = convert_written(tmp_path, "funds.csv", rows, 2016).programme.tasks[0].lines[0]
    assert line.lead_units == ["区经济发展局", "区环境局"]
    assert set(line.units) - set(line.lead_units) == {"区财政金融局", "驻岚相关金融监管机构"}
