"""Issue 13, close47: reading conventions of prose 工作方案 the lead decided, each on a small synthetic input: a closing
section's items that name their offices are tasks; "A、B负责" as a label's only role makes every office named a lead;
an office with a bracketed alias ("区农业农村中心（区供销社）") is one office."""

from __future__ import annotations

import pytest

from mstrack.sources.table.units import roles_in

from .conftest import convert_written


def _roles(task) -> tuple[list[str], list[str]]:
    line = task.lines[0]
    return line.lead_units, [u for u in line.units if u not in line.lead_units]


# --- 2. "A、B负责" as the only role: every office named leads ---------------------------------------------------------

@pytest.mark.parametrize(("cell", "roles"), [
    ("区教育局、区财政局负责", ("区教育局、区财政局", "")),
    ("区教育局、区财政局负责，区住建局等参与", ("区教育局、区财政局", "区住建局")),
    ("区教育局负责", ("区教育局", "")),
    ("区教育局牵头，区财政局、区住建局负责", ("区教育局", "区财政局、区住建局")),  # 牵头 leads; 负责 beside it helps
])
def test_offices_closed_by_responsible_all_lead(cell, roles):
    assert roles_in(cell) == roles


def test_a_labelled_line_a_b_responsible_names_two_leads(tmp_path):
    """pingtan-2016-turang's "责任单位：区环境与国土资源局、农村发展局负责，区经济发展局等参与": both lead."""
    lines = ["某区2024年重点工作实施方案", "1.新建幼儿园3所。", "责任单位：区教育局、区财政局负责，区住建局等参与",
             "2.改造老旧小区20个。", "责任单位：区住建局、区城管局负责", "3.新建公园2个。", "责任单位：区城管局牵头，区财政局参与"]
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n").programme.tasks
    assert [_roles(t) for t in tasks] == [(["区教育局", "区财政局"], ["区住建局"]), (["区住建局", "区城管局"], []),
                                          (["区城管局"], ["区财政局"])]


# --- 1. a closing section's items that name their offices are tasks -----------------------------------------------

PLAN = ["某区2024年社区养老服务实施方案", "一、重点任务",
        "（一）建设社区养老服务网络。建立覆盖全区老年人的信息库。", "责任单位：区民政局、区财政局",
        "（二）培育养老服务机构。引导社会力量参与社区养老服务。", "责任单位：区民政局、区市场监管局",
        "（三）加强养老服务队伍建设。组织养老服务人员技能培训。", "责任单位：区人社局、区民政局",
        "（四）推进医养结合。为65岁以上老年人提供健康管理服务。", "责任单位：区卫健局", "二、保障措施"]


def _plan(tmp_path, closing: list[str]):
    path = tmp_path / "plan.txt"
    path.write_text("\n".join([*PLAN, *closing]) + "\n", encoding="utf-8")
    from mstrack.sources.table import convert_table
    return convert_table(path, "x-2024", 2024).programme.tasks


def test_closing_items_naming_their_offices_are_tasks(tmp_path):
    """pingtan-2016-yanglao's 四、保障措施: each item over its "责任单位：" line is work an office is assigned, a task coded
    in its section as the items before it are; an item of the section naming no office stays a requirement, out."""
    tasks = _plan(tmp_path, ["（一）坚持规划引导。将社区养老服务纳入专项规划。", "责任单位：区民政局",
                             "（二）完善工作机制。建立养老服务工作联席会议制度。", "责任单位：区直有关单位，各乡镇人民政府",
                             "（三）加强督查考核。将社区养老服务纳入重点督查项目。"])
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)", "一(四)", "二(一)", "二(二)"]
    assert [_roles(t) for t in tasks[4:]] == [(["区民政局"], []), (["区直有关单位"], ["各乡镇人民政府"])]
    assert tasks[4].title.startswith("坚持规划引导")


def test_closing_items_naming_no_office_stay_out(tmp_path):
    tasks = _plan(tmp_path, ["（一）坚持规划引导。将社区养老服务纳入专项规划。", "（二）加强督查考核。将社区养老服务纳入重点督查项目。"])
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)", "一(四)"]


# --- 3. an office with a bracketed alias is one office ---------------------------------------------------------------

@pytest.mark.parametrize(("name", "found"), [
    ("区农业农村中心（区供销社）", ("区农业农村中心", "区供销社", True)),  # one body by its two names (xinwuran task 7)
    ("县发改局(粮食局)", ("县发改局", "粮食局", True)),
    ("县卫健局(县医院)", ("县卫健局", "县医院", False)),  # another unit, under the office
    ("县卫健局（县疾控中心）", ("县卫健局", "县疾控中心", False)),
])
def test_a_bracketed_alias_is_the_office_s_second_name(name, found):
    from mstrack.sources.table.office_brackets import bracketed_unit
    assert bracketed_unit(name) == found


def test_an_office_with_its_alias_leads_as_one_office(tmp_path):
    lines = ["某区2024年民生实事项目实施方案",
             "1.新建农药包装废弃物回收站10个。（区农业农村局、区农业农村中心（区供销社）等按职责分工负责）",
             "2.新建幼儿园3所。（区教育局）", "3.改造老旧小区20个。（区住建局）"]
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n").programme.tasks
    assert _roles(tasks[0]) == (["区农业农村局", "区农业农村中心（区供销社）"], [])


# --- 4. "X等有关部门": the others the list closes with are no unit, after one office as after several ------------------

@pytest.mark.parametrize(("cell", "kept"), [
    ("区司法局等有关部门", "区司法局"),  # gangcheng-2021's item 3, the corpus's reading
    ("市财政局等有关单位", "市财政局"),
    ("市公安局等相关部门。", "市公安局"),
    ("市财政局、市公安局等相关部门", "市财政局、市公安局"),  # several: as before
    ("市消防救援支队等部门", "市消防救援支队等部门"),  # a bare 等部门 stays as printed (the dongguan seed)
    ("省农业厅等省直有关部门", "省农业厅等省直有关部门"),  # a named group after 等: two units (unit_joins.joined_units)
])
def test_a_list_closed_by_deng_youguan_bumen_names_no_unit_for_it(cell, kept):
    from mstrack.sources.table.unit_joins import without_closing_others
    assert without_closing_others(cell) == kept


def test_a_labelled_unit_closed_by_deng_youguan_bumen_is_the_office_alone(tmp_path):
    lines = ["优化营商环境2021年重点任务分工方案",
             "1.规范行政备案事项管理,编制备案事项清单。(牵头单位:区政府办公室;责任单位:区司法局等有关部门)",
             "2.严格落实行政许可审查制度,开展监督评查。(牵头单位:区司法局;责任单位:区政府办公室)",
             "3.深入研究论证区级行政权力事项,分类实施取消或转变管理方式。(牵头单位:区司法局;责任单位:区政府有关部门)"]
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n", 2021).programme.tasks
    assert [_roles(t) for t in tasks] == [(["区政府办公室"], ["区司法局"]), (["区司法局"], ["区政府办公室"]),
                                          (["区司法局"], ["区政府有关部门"])]


# --- a closing item's words: "指定一名分管领导" names a person to designate, no count ----------------------------------

@pytest.mark.parametrize(("clause", "numbers"), [
    ("各相关单位要指定一名分管领导和一名经办人员负责治理工作", []),  # xinwuran 三(一): one of each, an article
    ("确定一位联络员", []),
    ("每村配备三名网格员", ["3"]),  # more than one: a count
    ("每村配备1名网格员", ["1"]),  # printed in digits: a count
])
def test_one_person_in_chinese_numerals_is_an_article(clause, numbers):
    from mstrack.sources.table.numbers import numbers_in
    assert [digits for _, _, digits in numbers_in(clause)] == numbers


# --- 1b. the closing section of a list numbered in digits, its items numbered "（一）" ---------------------------------

NUMBERED = ["某区2024年民生实事项目实施方案", "二、重点任务", "（一）开展调查监测",
            "1.新建环境监测站点3个。2024年底前完成。（区资源生态局牵头，各片区配合）",
            "2.开展土壤环境调查监测100个点位。（区资源生态局牵头，各片区配合）",
            "（二）严格源头管控", "3.新建危废收集点5个。（区资源生态局牵头，各片区配合）",
            "4.完成重点企业清洁生产审核10家。（区经发局、区资源生态局等按职责分工负责）", "三、保障措施"]


def test_a_numbered_lists_closing_items_naming_offices_are_tasks_of_their_section(tmp_path):
    """pingtan-2021-guoqi's and pingtan-2023-xinwuran's 三、保障措施 after items numbered 1. … on: each "（一）…" item
    naming its offices, in a bracket or on its "责任单位：" line, is task 三(一) …; the items before keep their numbers."""
    closing = ["（一）加强组织领导。各相关单位要指定一名分管领导负责治理工作。（区资源生态局牵头，有关单位按职责分工负责）",
               "（二）拓宽资金渠道。积极统筹全区各类财政资金支持治理工作。", "责任单位：区财金局、区资源生态局",
               "（三）加强宣传引导。加强法律法规、政策宣传解读。"]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join([*NUMBERED, *closing]) + "\n", encoding="utf-8")
    from mstrack.sources.table import convert_table
    tasks = convert_table(path, "x-2024", 2024).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3", "4", "三(一)", "三(二)"]
    assert [_roles(t) for t in tasks[4:]] == [(["区资源生态局"], ["有关单位"]), (["区财金局"], ["区资源生态局"])]
    assert tasks[4].title.startswith("加强组织领导。") and not [i for line in tasks[4].lines for i in line.indicators]


# --- 1c. an item numbered on after the closing sections, naming its office ------------------------------------------

def test_an_item_numbered_on_after_the_closing_sections_naming_its_office_is_a_task(tmp_path):
    """"5.县财政安排专项资金5000万元，确保项目按期完成。（县财政局）" after "4.工作要求": a guarantee measure, assigned to its
    office, is tracked work (close47; was: left out as no work of the programme); "6.各乡镇要按月报送进展。" names no
    office and stays out."""
    lines = ["X县2024年民生实事项目", "1.新建城区幼儿园3所。（县教育局）", "2.改造农村公路50公里。（县交通运输局）",
             "3.新建社区食堂10个。（县民政局）", "4.工作要求", "各责任单位要细化方案，按月报送进度。",
             "5.县财政安排专项资金5000万元，确保项目按期完成。（县财政局）", "6.各乡镇要按月报送进展。"]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from mstrack.sources.table import convert_table
    tasks = convert_table(path, "x-2024", 2024).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3", "5"]
    assert _roles(tasks[-1]) == (["县财政局"], [])
