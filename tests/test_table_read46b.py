"""Issue 13, read46b: the thirtieth held-out set's prose lists (pingtan). A group's items under a line that only
names them ("工作任务："), items whose bracket holds nothing but their offices ("…预警。（区农发局）")."""

from __future__ import annotations

import pytest

from .conftest import convert_words, convert_written, read_as_best_effort, targets_of, write_table

PREAMBLE = [
    "某区管委会办公室印发2016年全区食品安全工作方案的通知",
    "各有关单位：",
    "现将工作方案印发给你们，请认真组织实施。",
    "一、总体要求",
    "全面贯彻落实食品安全工作要求，进一步提高食品安全水平。",
    "二、目标任务",
]


def _read(tmp_path, lines: list[str], name: str = "list.txt"):
    return convert_written(tmp_path, name, "\n".join(lines) + "\n", 2016).programme.tasks


GROUPS_INTRODUCED = [
    "（一）种植养殖环节",
    "治理指标：主要农产品抽检合格率稳定在97%以上。",
    "工作任务：",
    "1.推广绿色生产技术。建设定位监测点20个。（责任单位：区农发局）",
    "2.推进农业标准化生产。建设标准园1家。（责任单位：区农发局）",
    "（二）食品生产环节",
    "治理指标：加工食品抽检合格率稳定在97.5%以上。",
    "工作任务：",
    "1.开展小作坊治理整顿。规范小作坊2家。（责任单位：区市场监管局）",
    "2.开展保健食品专项检查。检查企业6家。（责任单位：区市场监管局）",
]


def test_a_line_naming_the_groups_items_stands_between_its_heading_and_them(tmp_path):
    """"工作任务：" alone on its line, under a group's heading and its rates, introduces the items below it: the
    groups' items are one list, numbered again under each heading, not lists of two cut by the line."""
    tasks = _read(tmp_path, [*PREAMBLE, *GROUPS_INTRODUCED])
    assert [t.code for t in tasks] == ["二(一)1", "二(一)2", "二(二)1", "二(二)2"]
    assert [t.lines[0].lead_units for t in tasks] == [["区农发局"]] * 2 + [["区市场监管局"]] * 2
    assert targets_of(tasks[0]) == [(20, "个")]


BARE_BRACKETS = [
    "1.推广绿色生产技术。实施化肥和农药零增长行动，建设定位监测点20个。（区农发局）",
    "2.开展专项整治行动。组织开展禁限用农药专项整治，严厉查处违法违规行为。（区农发局）",
    "3.开展食品市场治理整顿。针对校园周边食品经营单位开展专项整治。（区市场监管局、区教育局）",
]


def test_items_each_ending_in_a_bracket_of_offices_alone_are_a_work_list(tmp_path):
    """A bracket at each item's end holding nothing but office names names who does it, as "（责任单位：…）" would:
    the items are a 分工's, under a plan whose title names no programme; the first office leads."""
    tasks = _read(tmp_path, [*PREAMBLE, "（一）种植养殖环节", *BARE_BRACKETS])
    assert len(tasks) == 3
    assert tasks[0].title == "推广绿色生产技术。实施化肥和农药零增长行动，建设定位监测点20个。"
    assert [t.lines[0].lead_units for t in tasks] == [["区农发局"], ["区农发局"], ["区市场监管局"]]
    assert tasks[2].lines[0].units == ["区市场监管局", "区教育局"]


def test_items_ending_in_a_bracket_of_dates_or_places_are_read_only_as_a_best_effort(tmp_path):
    """A bracket whose words are no offices ("（2016年6月底前）", "（城关片区）") names nobody: such items under a
    title naming no programme are no list the layout readings know. Under "二、目标任务" of a 工作方案, doing work,
    they are read only as a best effort, every task a doubt (fallback48; before, refused whole)."""
    points = ["1.推广绿色生产技术。实施化肥和农药零增长行动。（2016年6月底前）",
              "2.开展专项整治行动。组织开展禁限用农药专项整治。（2016年9月底前）",
              "3.开展食品市场治理整顿。针对校园周边食品经营单位开展专项整治。（城关片区）"]
    path = write_table(tmp_path / "list.txt", "\n".join([*PREAMBLE, "（一）种植养殖环节", *points]) + "\n")
    conversion = read_as_best_effort(path, "no header row found", 2016)
    assert len(conversion.programme.tasks) == 3


def test_an_items_paragraph_broken_inside_its_words_over_lines_is_joined(tmp_path):
    """An item's paragraph printed over three lines broken inside words ("…生产经营企" / "业的执法检查，…保健功" /
    "能的违法行为。（区市场监管局）"), in a document printed one paragraph a line: one item, its offices at its end."""
    lines = [*BARE_BRACKETS,
             "4.开展保健食品专项检查。定期开展对保健食品生产经营企",
             "业的执法检查，开展重点产品抽查6次，整治夸大和虚假宣传保健功",
             "能的违法行为。（区市场监管局）",
             "5.开展餐饮服务示范创建。创建餐饮服务食品安全示范街2条。（区市场监管局）"]
    tasks = _read(tmp_path, [*PREAMBLE, "（一）种植养殖环节", *lines])
    assert len(tasks) == 5
    assert tasks[3].title == "开展保健食品专项检查。定期开展对保健食品生产经营企业的执法检查，开展重点产品抽查6次，" \
                             "整治夸大和虚假宣传保健功能的违法行为。"
    assert tasks[3].lines[0].lead_units == ["区市场监管局"] and targets_of(tasks[3]) == [(6, "次")]
    assert tasks[4].lines[0].lead_units == ["区市场监管局"]


def test_one_item_in_four_that_reads_like_a_requirement_leaves_a_list_of_owned_items_a_list(tmp_path):
    """Items each naming their own offices, one of which speaks of 督查 and 考核 inside its text ("…加大督查力度"): a
    分工's list still; a notice's points are requirements every one (test_table_read45d)."""
    lines = [*BARE_BRACKETS[:2],
             "3.加强城市供水安全管理。继续开展供水企业运行评估考核，加大督查力度。（区交建局）",
             BARE_BRACKETS[2].replace("3.", "4.")]
    tasks = _read(tmp_path, [*PREAMBLE, "（一）种植养殖环节", *lines])
    assert len(tasks) == 4
    assert [t.lines[0].lead_units for t in tasks] == [["区农发局"], ["区农发局"], ["区交建局"], ["区市场监管局"]]


def test_a_count_of_aspects_is_counted_in_aspects_not_cubic_metres(tmp_path):
    """"9方面" counts aspects (方面), never 9 方 (cubic metres) of "面工作监管制度"."""
    task = convert_words(tmp_path, "细化用海用岛、海洋观测等9方面工作监管制度。", 2016).programme.tasks[0]
    assert targets_of(task) == [(9, "方面")]



LED_POINTS = [
    "某区管委会办公室关于印发2016年全区海洋经济工作要点的通知",
    "2016年全区海洋经济工作要点",
    "一、实施项目带动",
    "（一）提升重大项目对海洋产业集聚发展的支撑带动作用，实行重点项目挂钩服务、跟踪督查制度。",
    "责任单位：经济发展局、财政金融局牵头，各片区项目建设指挥部配合",
    "（二）以海洋战略性新兴产业为重点，扶持壮大船舶、海上风电等一批海洋企业。",
    "责任单位：经济发展局牵头，财政金融局配合",
    "（三）打造特色海洋产业园区，继续推进平潭国际海洋产业园建设。",
    "责任单位：经济发展局牵头，环境与国土资源局配合",
    "（四）推动邮轮游艇业发展，加快建设邮轮码头。",
    "责任单位：交通与建设局、旅游发展局牵头",
]


def test_points_in_brackets_each_over_a_led_office_line_are_a_list_though_one_speaks_of_督查(tmp_path):
    """"（一）…" points under "一、", each followed by "责任单位：A牵头，B配合", one of them naming 督查 among its
    duties ("…跟踪督查制度"), under a notice of 工作要点 that names no programme: a 分工's points, read with their roles."""
    tasks = _read(tmp_path, LED_POINTS)
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)", "一(四)"]
    assert tasks[0].lines[0].lead_units == ["经济发展局", "财政金融局"]
    assert tasks[0].lines[0].units[-1:] == ["各片区项目建设指挥部"]
    assert tasks[3].lines[0].lead_units == ["交通与建设局", "旅游发展局"]


def test_points_numbered_in_brackets_each_ending_in_a_bracket_of_offices_are_a_work_list(tmp_path):
    """The same for points "（一）…（区农发局）" under "一、": their brackets of office names say who does each."""
    points = [f"（{n}）{item.split('.', 1)[1]}" for n, item in zip("一二三", BARE_BRACKETS, strict=True)]
    tasks = _read(tmp_path, [*PREAMBLE[:3], "一、目标任务", *points])
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)"]
    assert [t.lines[0].lead_units for t in tasks] == [["区农发局"], ["区农发局"], ["区市场监管局"]]


def test_a_banks_branch_and_the_customs_are_offices_in_a_labelled_bracket(tmp_path):
    """Offices outside the local government's forms, a bank's branch (人民银行平潭支行, 区人民银行平潭支行) and the customs
    (平潭海关), in "（责任单位：…）": the item's offices, the first leading, never words left in its title."""
    items = ["1.建立信用信息分类管理制度。制定信用信息目录。（责任单位：区经济发展局、人民银行平潭支行）",
             "2.完善金融信用信息基础数据库。提升数据质量。（责任单位：区人民银行平潭支行）",
             "3.推进对外经济贸易信用建设。建立进出口企业信用评价体系。（责任单位：区经济发展局、平潭海关）"]
    tasks = _read(tmp_path, ["某区社会信用体系建设规划任务分工实施方案", *items])
    assert [t.title for t in tasks] == ["建立信用信息分类管理制度。制定信用信息目录。", "完善金融信用信息基础数据库。提升数据质量。",
                                        "推进对外经济贸易信用建设。建立进出口企业信用评价体系。"]
    assert [t.lines[0].lead_units for t in tasks] == [["区经济发展局"], ["区人民银行平潭支行"], ["区经济发展局"]]
    assert [set(t.lines[0].units) - set(t.lines[0].lead_units) for t in tasks] == [{"人民银行平潭支行"}, set(), {"平潭海关"}]


def test_one_before_a_description_of_several_qualities_is_an_article(tmp_path):
    """"建立一支守法守信、高效廉洁的公务员队伍": 一支 before a description (its qualities listed with 、) is an article,
    no count of 1 支; a count with no description ("组建应急队伍2支") is one."""
    task = convert_words(tmp_path, "建立一支守法守信、高效廉洁的公务员队伍。", 2015).programme.tasks[0]
    assert targets_of(task) == []
    task = convert_words(tmp_path, "建立一支守法守信、高效廉洁的公务员队伍，组建应急队伍2支。", 2015).programme.tasks[0]
    assert targets_of(task) == [(2, "支")]


@pytest.mark.parametrize("about", ["", "约", "不少于"])
def test_a_plants_capacity_in_its_projects_name_is_no_target_estimated_or_not(tmp_path, about):
    """"拟建设日处理（约、不少于）5万吨海水淡化项目": the capacity the project's name holds, no target, estimated or bounded."""
    task = convert_words(tmp_path, f"拟建设日处理{about}5万吨海水淡化项目作为城市第二水源。", 2016).programme.tasks[0]
    assert targets_of(task) == []
