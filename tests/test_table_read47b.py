"""Items assigned to offices are work, whatever verb opens them (issue 13, read47b): an item that carries its own
labelled offices (a role's label on a line under it, or a bracket worded by role "（牵头单位：…）") is work unless it
reports results or is a closing section's requirement; the vocabulary of work verbs decides only for items without."""

from pathlib import Path

import pytest

from mstrack.errors import InputError
from mstrack.sources.table.list_numbered import entry_of
from mstrack.sources.table.list_roles import counted_offices
from mstrack.sources.table.list_work import states_work
from mstrack.sources.table.office_names import joined_names
from mstrack.sources.table.reading import Row
from mstrack.sources.table.units import office_list
from tests.conftest import convert_words, convert_written, targets_of

NO_HEADER = "no header row found"


def convert(tmp_path: Path, lines: list[str], year: int = 2022):
    return convert_written(tmp_path, "list.txt", "\n".join(lines) + "\n", year)


# an action plan's items, each a heading sentence and its detail, its lead in a bracket worded by role; the third's
# heading "探索推广代位注销模式" opens with no verb of the vocabulary (探索 is none) and names no project
PLAN = [
    "营商环境创新2022年行动计划",
    "1. 提升设立登记便利度。9月底前,实现开办企业全流程1天办结。(牵头单位:省市场监管局)",
    "2. 提升银行开户效率。6月底前,鼓励商业银行推行简易开户。(牵头单位:人民银行济南分行)",
    "3. 探索推广代位注销模式。6月底前,明确代位注销适用情形、程序、申请材料。(牵头单位:省市场监管局)",
]


def test_a_section_head_with_its_own_offices_states_work():
    item = "探索推广代位注销模式。6月底前,明确代位注销适用情形。"
    assert not states_work(item)  # no offices: the head is taken for a section's ("指导思想。…")
    assert states_work(item, assigned=True)


@pytest.mark.parametrize("item", [
    "截至6月底，已完成注销120户。",  # a result
    "会议时间：6月15日",  # a labelled field
])
def test_own_offices_make_no_result_or_field_work(item):
    assert not states_work(item, assigned=True)


def test_a_list_whose_items_each_name_their_lead_by_role_is_read_whatever_their_verbs(tmp_path):
    tasks = convert(tmp_path, PLAN).programme.tasks
    assert [t.title.split("。")[0] for t in tasks] == ["提升设立登记便利度", "提升银行开户效率", "探索推广代位注销模式"]
    assert [t.lines[0].lead_units for t in tasks] == [["省市场监管局"], ["人民银行济南分行"], ["省市场监管局"]]


def test_the_parts_of_one_group_with_their_leads_by_role_are_read(tmp_path):
    lines = [PLAN[0], "一、工作目标", "推动改革由专项突破向系统集成升级。", "二、主要任务", "(一)开办企业领域。", *PLAN[1:]]
    tasks = convert(tmp_path, lines).programme.tasks
    assert len(tasks) == 3
    assert tasks[2].title.startswith("探索推广代位注销模式")


def test_a_notices_requirements_with_their_offices_stay_refused(tmp_path):
    lines = ["关于做好2022年营商环境工作的通知",
             "1. 加强组织领导。各部门要高度重视。(牵头单位:省政府办公厅)",
             "2. 强化督查考核。定期通报进展。(牵头单位:省政府督查室)",
             "3. 营造良好氛围。加大宣传力度。(牵头单位:省委宣传部)"]
    with pytest.raises(InputError, match=NO_HEADER):
        convert(tmp_path, lines)


def test_two_items_each_with_its_lead_on_a_line_under_it_are_read_whatever_their_verbs(tmp_path):
    lines = ["2022年民生实事项目",
             "1. 探索推广代位注销模式。6月底前,明确代位注销适用情形。", "牵头单位:省市场监管局",
             "2. 提升银行开户效率。6月底前,推行简易开户。", "牵头单位:人民银行济南分行"]
    tasks = convert(tmp_path, lines).programme.tasks
    assert [t.lines[0].lead_units for t in tasks] == [["省市场监管局"], ["人民银行济南分行"]]


def test_two_requirements_with_their_leads_under_them_stay_refused(tmp_path):
    lines = ["2022年民生实事项目",
             "1. 加强组织领导。各部门要高度重视。", "牵头单位:市政府办公室",
             "2. 强化督查考核。定期通报进展。", "牵头单位:市政府督查室"]
    with pytest.raises(InputError, match=NO_HEADER):
        convert(tmp_path, lines)


def test_a_paragraph_over_its_line_naming_its_lead_is_work_whatever_its_head(tmp_path):
    lines = ["2017年政务公开工作要点实施方案", "一、以政务公开助力稳增长",
             "代位注销模式。明确代位注销适用情形，公开办理程序。", "市市场监管局牵头落实",
             "围绕出台促进就业规划，加强就业创业政策信息公开。", "市人社局牵头落实",
             "二、以政务公开助力促改革", "加强财政政策信息公开，按月公开全市财政收支情况。", "市财政局牵头落实"]
    tasks = convert(tmp_path, lines).programme.tasks
    assert [t.lines[0].lead_units for t in tasks] == [["市市场监管局"], ["市人社局"], ["市财政局"]]


def test_a_groups_one_paragraph_with_its_lead_by_role_is_its_task_whatever_its_head(tmp_path):
    lines = ["2022年安全生产重点工作任务分工", "一、重点任务", "（一）道路交通",
             "1. 开展道路隐患排查整治。6月底前完成。（牵头单位：市交通局）", "2. 加强客运车辆监管。（牵头单位：市公安局）",
             "3. 推进安全设施建设。（牵头单位：市交通局）",
             "（二）乡镇船舶", "船舶安全监管专项。排查乡镇自用船舶。（牵头单位：市农业农村局）"]
    tasks = convert(tmp_path, lines).programme.tasks
    assert [t.lines[0].lead_units for t in tasks][-1] == ["市农业农村局"]
    assert tasks[-1].title == "乡镇船舶"  # a name on a line of its own over its paragraph


# --- paragraphs naming their office and month inside the sentence (lintou-2021) -------------------------------------

OWNED = [
    "累计征集“我为群众办实事”重点项目10项。",
    "聚焦“幸福民生”。由镇公路站负责的农村道路硬化项目，建设自然村内约12.3公里道路硬化，预计2021年11月份完成。",
    "聚焦“乡村振兴”。由农业农村办负责的美丽乡村建设项目，完善村内道路硬化、绿化，预计2021年12月份完成。",
    "聚焦“社会治理”。由镇城建规划分局负责的城市运动休闲景观绿化工程，设计面积约99927平方米，预计2021年12月份完成。",
]


def test_paragraphs_each_naming_their_office_and_month_in_the_sentence_are_a_list(tmp_path):
    tasks = convert(tmp_path, OWNED, 2021).programme.tasks
    assert [t.lines[0].lead_units for t in tasks] == [["镇公路站"], ["农业农村办"], ["镇城建规划分局"]]
    assert [t.deadline.isoformat() for t in tasks] == ["2021-11-30", "2021-12-31", "2021-12-31"]
    assert tasks[1].title.startswith("聚焦“乡村振兴”。由农业农村办负责的")


def test_paragraphs_naming_no_office_stay_refused(tmp_path):
    lines = [OWNED[0], *(line.replace("由镇公路站负责的", "").replace("由农业农村办负责的", "")
                         .replace("由镇城建规划分局负责的", "") for line in OWNED[1:])]
    with pytest.raises(InputError, match=NO_HEADER):
        convert(tmp_path, lines, 2021)


@pytest.mark.parametrize("words, targets", [
    ("沿巢二路两侧建设长1575米宽40米的休闲绿道", [(1575, "米")]),
    ("新建道路长3公里、宽20米", [(3, "公里")]),
    ("建设长不少于1575米宽不少于40米的休闲绿道", [(1575, "米")]),
    ("新建绿道40米", [(40, "米")]),
])
def test_the_width_after_a_length_is_no_target(tmp_path, words, targets):
    assert targets_of(convert_words(tmp_path, words).programme.tasks[0]) == targets


def test_a_levels_station_is_an_office_only_where_the_position_says_one_stands():
    assert office_list("镇公路站", towns=True) and office_list("县农技站", towns=True)
    assert not office_list("镇公路站")  # no position naming an office: a station may be a place of work
    assert not office_list("污水处理站", towns=True)


# --- the office named once after a run of items; numbers starting again under "(二)" (zhengzhou-2007) ---------------

TARGETS = [
    "2007年市人民政府目标管理工作方案",
    "一、关于目标体系设置",
    "今年拟定的目标体系主要包括以下两大类。",
    "1.地区生产总值增长15%;",
    "2.第三产业增加值达到1000亿元;",
    "2项目标的责任单位均为市发展改革委。",
    "3.地方财政收入净增50亿元;",
    "该目标责任单位为市财政局。",
    "(二)节能降耗和污染物减排目标。主要包括2项约束性政府目标,必须确保完成。",
    "1.万元生产总值能耗下降5%;",
    "该项目标责任单位为市发展改革委、市统计局。",
    "2.化学需氧量下降4%;",
    "该目标责任单位为市环保局。",
]


def test_an_office_named_once_after_a_run_of_items_is_each_items(tmp_path):
    tasks = convert(tmp_path, TARGETS, 2007).programme.tasks
    assert [t.lines[0].lead_units for t in tasks] == [["市发展改革委"], ["市发展改革委"], ["市财政局"], ["市发展改革委"],
                                                     ["市环保局"]]
    assert set(tasks[3].lines[0].units) - {"市发展改革委"} == {"市统计局"}


def test_items_numbered_again_under_group_two_make_the_items_before_group_ones(tmp_path):
    """Under the part's heading "一、" the group is 一(二) (as runs47 codes 四(二)1), so the items before it are 一(一)'s
    (the lead, at the merge: they were coded "一1" beside "一(二)1"); with no part heading, (一)1 beside (二)1."""
    conversion = convert(tmp_path, TARGETS, 2007)
    assert [t.code for t in conversion.programme.tasks] == ["一(一)1", "一(一)2", "一(一)3", "一(二)1", "一(二)2"]
    assert [(a.code, a.name) for a in conversion.programme.areas] == [("一", "关于目标体系设置"),
                                                                      ("一(二)", "节能降耗和污染物减排目标")]
    (tmp_path / "unheaded").mkdir()
    unheaded = convert(tmp_path / "unheaded", [line for line in TARGETS if not line.startswith("一、")], 2007)
    assert [t.code for t in unheaded.programme.tasks] == ["(一)1", "(一)2", "(一)3", "(二)1", "(二)2"]
    assert [(a.code, a.name) for a in unheaded.programme.areas] == [("(二)", "节能降耗和污染物减排目标")]


def test_a_count_passing_a_heading_or_an_items_own_office_names_no_ones_office():
    lines = ["1.地区生产总值增长15%;（市统计局）", "2.第三产业增加值达到1000亿元;", "2项目标的责任单位均为市发展改革委。",
             "(二)节能降耗目标", "1.万元生产总值能耗下降5%;", "2项目标的责任单位均为市环保局。",
             "2.化学需氧量下降4%;", "该项目标责任单位为市环保局。"]
    rows = [Row(k, [line]) for k, line in enumerate(lines, 1)]
    entries = counted_offices(rows, [entry_of(row) for row in rows])
    assert [e.units for e in entries if e is not None and e.kind == "item"] == ["市统计局", "", "", "市环保局"]
    assert [e is None for e in entries] == [False, False, True, False, False, True, False, False]


# --- a department's name broken inside its cell, the break a space (gongxinbu-2018) ----------------------------------


@pytest.mark.parametrize("cell, joined", [
    ("节能与综合 利用司", "节能与综合利用司"),
    ("信息化和软件 服务业司", "信息化和软件服务业司"),
    ("县住房和城乡建设局 县财政局", "县住房和城乡建设局 县财政局"),  # two whole names
    ("中国电信 移动公司", "中国电信 移动公司"),  # no conjunction: two names
    ("节能与综合 县财政局", "节能与综合 县财政局"),  # a place opens the tail: a name of its own
    ("镇社会治理和社会事业局民政条线 乐江社区", "镇社会治理和社会事业局民政条线 乐江社区"),  # an office's unit, then another
])
def test_a_space_inside_a_departments_name_is_closed(cell, joined):
    assert joined_names(cell) == joined


def test_a_lead_broken_inside_its_name_is_one_office(tmp_path):
    rows = "序号\t指标名称\t预期效果\t完成时限\t牵头负责司局\n1\t绿色制造示范典型发布数量\t400项\t10月\t节能与综合 利用司\n" \
           "2\t制造业与互联网融合发展试点示范项目遴选数量\t120个\t12月\t信息化和软件 服务业司\n"
    tasks = convert_written(tmp_path, "plan.tsv", rows, 2018).programme.tasks
    assert [t.lines[0].lead_units for t in tasks] == [["节能与综合利用司"], ["信息化和软件服务业司"]]
