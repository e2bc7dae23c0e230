"""Issue 13, read29: the reader's leftovers, each rule on a small synthetic table or document: a 责任单位 cell "A、B负责"
names A and B as leads (close47's convention; read29 read A alone, as "A、B"); a 单位-only table with no 序号 column is
read, its rows numbered in order; "各涉及乡镇" is the towns of the work, one office; "高于最低工资标准10%" is 10 % above a
standard, no level; a second object named without its verb keeps its own figure; a year in a header's word ("年龄",
"年限") is no year's figure; a place's central community ("城关镇中心社区") is a town; "4万个<br>百分点" is one unit; an
indicator's name is cut by the structure used elsewhere, never at the 20th character."""

from __future__ import annotations

import pytest

from mstrack.sources.table import convert_table
from mstrack.sources.table.mentions import find_mentions, stated
from mstrack.sources.table.office_names import town_name
from mstrack.sources.table.units import roles_in

from .conftest import convert_written, targets_of, write_table_page
from .test_table_read26 import _write

# --- 1. "A、B负责" in a 责任单位 cell: A and B lead -----------------------------------------------------------------------
# close47: the lead's convention, "A、B负责" as a cell's only role names every office a lead (was: A leads, B a unit)

@pytest.mark.parametrize(("cell", "roles"), [
    ("区教育局、区财政局负责", ("区教育局、区财政局", "")),
    ("区教育局、区财政局、区住建局负责", ("区教育局、区财政局、区住建局", "")),
    ("市教育局、市住建局按职责分工分别负责", ("市教育局、市住建局", "")),  # each answers for its part: both lead
    ("区教育局负责", ("区教育局", "")),
])
def test_offices_closed_by_responsible_name_the_first_as_lead(cell, roles):
    assert roles_in(cell) == roles


def test_a_cell_a_b_responsible_reads_like_a_b(tmp_path):
    rows = ("序号,工作任务,责任单位,完成时限\n1,新建幼儿园3所,区教育局、区财政局负责,2024年12月底\n"
            "2,改造老旧小区20个,区住建局、区财政局,2024年12月底\n")
    tasks = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert [(t.lines[0].lead_units, [u for u in t.lines[0].units if u not in t.lines[0].lead_units]) for t in tasks] \
        == [(["区教育局", "区财政局"], []), (["区住建局"], ["区财政局"])]  # close47: both lead


# --- 2. a 单位-only table with no 序号 column -------------------------------------------------------------------------

def test_a_unit_column_over_short_names_without_numbers_is_read_in_order(tmp_path):
    """单位 is the only text column and no 序号 numbers the rows: each row is still a task led by its unit, numbered
    in the order printed; the 合计 row is none."""
    rows = [["单位", "新增床位数(张)", "助餐服务点(个)"], ["东城区", "500", "3"], ["西城区", "300", "4"],
            ["南城区", "200", "2"], ["合计", "1000", "9"]]
    tasks = convert_written(tmp_path, "quotas.xlsx", rows, 2008).programme.tasks
    assert [(t.code, t.title, t.lines[0].lead_units) for t in tasks] == [
        ("1", "东城区", ["东城区"]), ("2", "西城区", ["西城区"]), ("3", "南城区", ["南城区"])]
    assert targets_of(tasks[0]) == [(3, "个"), (500, "张")]


def test_a_unit_column_over_words_without_figures_stays_refused(tmp_path):
    """Names of units with no figure beside them are a list of contacts, no quota: still no header."""
    from mstrack.errors import InputError

    rows = [["单位", "备注"], ["东城区", "已报送"], ["西城区", "已报送"], ["南城区", "未报送"]]
    with pytest.raises(InputError):
        convert_written(tmp_path, "names.xlsx", rows, 2008)


# --- 3. "各涉及乡镇", "各相关乡镇（街道）": the towns of the work, one office ----------------------------------------------

@pytest.mark.parametrize("name", ["各涉及乡镇", "各涉及村", "项目涉及乡镇", "各相关乡镇（街道）", "各乡镇"])
def test_the_towns_the_work_touches_are_a_town_office(name):
    assert town_name(name)


@pytest.mark.parametrize("office", ["各涉及村", "各涉及乡镇", "各相关乡镇（街道）"])
def test_the_towns_the_work_touches_lead_an_item_in_its_bracket(tmp_path, office):
    lines = ["甲县2024年民生实事项目实施方案", "一、建设任务", f"1、新建村级幼儿园3所。（{office}）", "2、改造老旧小区20个。（县住建局）"]
    tasks = convert_table(_write(tmp_path, ".txt", lines), "x-2024", 2024).programme.tasks
    assert [(t.title, t.lines[0].lead_units) for t in tasks] == [
        ("新建村级幼儿园3所。", [office]), ("改造老旧小区20个。", ["县住建局"])]


def test_a_bracket_of_levels_broken_onto_its_own_line_is_the_names(tmp_path):
    """"各相关乡镇\\n（街道）" in a narrow cell is one office, not two (the second "（街道）")."""
    rows = [["序号", "工作任务", "牵头单位", "责任单位", "完成时限"],
            ["1", "新建幼儿园3所", "县教育局", "县财政局\n各相关乡镇\n（街道）", "2024年12月底"],
            ["2", "改造老旧小区20个", "县住建局", "县财政局", "2024年12月底"]]
    tasks = convert_written(tmp_path, "plan.xlsx", rows).programme.tasks
    assert tasks[0].lines[0].units == ["县财政局", "各相关乡镇（街道）"]


# --- 4. a percentage above a standard for an amount is a distance, no level ------------------------------------------

@pytest.mark.parametrize("text", ["农民工收入高于最低工资标准10%", "月工资不低于当地最低工资标准20%",
                                  "收入增速高于省定标准2个百分点"])
def test_an_amount_so_many_percent_off_a_standard_is_no_target(text):
    """The amount is 10 % above a standard the programme does not state: no level of its own, as "高于省定标准2个百分点"
    is none; the words stay in the task's text."""
    assert find_mentions(text, 2024) == []


@pytest.mark.parametrize(("text", "reading"), [
    ("城区空气优良天数比例不低于省定标准85%", ("城区空气优良天数比例", 85, "%", ">=")),
    ("饮用水水源地水质达标率不低于国家要求95%", ("饮用水水源地水质达标率", 95, "%", ">=")),
    ("PM2.5平均浓度低于国家二级标准35微克/立方米", ("PM2.5平均浓度", 35, "微克/立方米", "<="))])
def test_a_rate_bounded_on_a_standard_keeps_its_level(text, reading):
    assert [(m.name, m.value, m.unit, m.comparator) for m in find_mentions(text, 2024)] == [reading]


# --- 6. a year's figure in a header: 年度, 当年, 全年 …, not any 年 -----------------------------------------------------

@pytest.mark.parametrize("header", ["年龄(岁)", "使用年限(年)", "残疾人就业年(人)", "周年(次)", "服务年数(年)"])
def test_a_year_inside_another_word_makes_no_yearly_column(tmp_path, header):
    """"年龄", "年限" …: no year's figure, so 新增床位数 beside it stays a target (before: a note beside a "yearly"
    column)."""
    rows = [["序号", "项目名称", "新增床位数(张)", header, "责任单位"], ["1", "东城养老服务", "500", "10", "东城街道"],
            ["2", "西城养老服务", "300", "20", "西城街道"], ["3", "南城养老服务", "200", "30", "南城街道"]]
    task = convert_written(tmp_path, "beds.xlsx", rows).programme.tasks[0]
    assert (500, "张") in targets_of(task)


@pytest.mark.parametrize("header", ["年度目标(个)", "全年任务(个)", "当年投资(万元)", "2024年新增(个)"])
def test_a_years_figure_still_sets_the_target_beside_a_total(tmp_path, header):
    """Beside a column that counts the year, the multi-year total (总投资) is a note, as before."""
    rows = [["序号", "项目名称", "总投资(万元)", header, "责任单位"], ["1", "东城养老服务", "500", "10", "东城街道"],
            ["2", "西城养老服务", "300", "20", "西城街道"], ["3", "南城养老服务", "200", "30", "南城街道"]]
    task = convert_written(tmp_path, "money.xlsx", rows).programme.tasks[0]
    assert [target for target, unit in targets_of(task)] == [10 if "万元" not in header else 100000]


# --- 7. a town's central community is a place; a central village alone is a kind ---------------------------------------

@pytest.mark.parametrize(("name", "town"), [
    ("城关镇中心社区", True), ("青山镇中心村", True), ("城北街道中心社区", True),
    ("中心社区", False), ("中心村", False), ("重点镇中心村", False), ("社区服务中心", False)])
def test_a_towns_central_community_is_a_town(name, town):
    assert town_name(name) is town


def test_a_towns_central_community_leads_an_item_in_its_bracket(tmp_path):
    lines = ["甲县2024年民生实事项目实施方案", "一、建设任务", "1、新建社区幼儿园3所。（城关镇中心社区）",
             "2、改造老旧小区20个。（县住建局）", "3、建设社区食堂2个。（社区服务中心）"]
    tasks = convert_table(_write(tmp_path, ".txt", lines), "x-2024", 2024).programme.tasks
    assert [t.lines[0].lead_units for t in tasks] == [["城关镇中心社区"], ["县住建局"], ["社区服务中心"]]


# --- 8. a unit broken over a line after a scaled number ------------------------------------------------------------------

def test_a_unit_broken_over_a_line_after_a_scaled_number_is_one_unit(tmp_path):
    """"4万个<br>百分点" is joined as "4个<br>百分点" is; "1.2万平方<br>米" is 12000 平方米; "4万个<br>岗位" stays 个."""
    rows = ["<td>序号</td><td>指标名称</td><td>年度目标</td><td>责任部门</td>",
            "<td>1</td><td>重点产业税收比重</td><td>提升4万个<br>百分点</td><td>区科委</td>",
            "<td>2</td><td>新增绿地面积</td><td>1.2万平方<br>米</td><td>区绿化局</td>",
            "<td>3</td><td>新增就业岗位</td><td>4万个<br>岗位</td><td>区人社局</td>"]
    tasks = {t.code: t for t in convert_table(write_table_page(tmp_path / "targets.html", rows), "x-2021", 2021).programme.tasks}
    assert targets_of(tasks["1"]) == [(40000, "个百分点")]
    assert targets_of(tasks["2"]) == [(12000, "平方米")]
    assert targets_of(tasks["3"]) == [(40000, "个")]


# --- 9. an indicator's name where its words clean to nothing: cut by structure, never at the 20th character ------------

@pytest.mark.parametrize(("words", "name"), [
    ("）城乡居民基本医疗保险和城乡居民大病保险参保人数", "城乡居民基本医疗保险和城乡居民大病保险参保人数"),  # kept whole
    ("）建成集养老、托育、助餐、文化、体育为一体的综合服务中心", "综合服务中心"),  # cut after its 的
    ("全年累计完成", "全年累计完成")])
def test_a_name_of_fillers_or_a_stray_bracket_is_cut_by_structure(words, name):
    assert stated(words, "5", "万人").name == name


# --- 5. a second object named without its verb keeps its own figure (already so: pinned) -----------------------------

@pytest.mark.parametrize("words", ["建设公厕10座和垃圾中转站3座", "建设公厕10座、垃圾中转站3座"])
def test_a_second_object_without_its_verb_is_a_target_of_its_own(words):
    assert [(m.name, m.value, m.unit) for m in find_mentions(words, 2024)] == [
        ("建设公厕", 10, "座"), ("垃圾中转站", 3, "座")]
