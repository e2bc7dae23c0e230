"""Issue 13, revfix39: review39's findings on the reader merges read39a/b, each on a small synthetic input: year
target columns beside an investment column keep their target; a relief rule that keeps cuts and extended leave as
targets; 分别 over places with a 共 total; offices after a 县(区) bracket; 争取 / 务必 before a date."""

from __future__ import annotations

import pytest

from mstrack.sources.table.office_names import split_units

from .conftest import convert_written


def _targets(task) -> list[tuple[str, str, float, str]]:
    return sorted((i.name, i.comparator, i.target, i.unit) for line in task.lines for i in line.indicators)


def _words(tmp_path, text: str, year: int = 2024):
    rows = [["序号", "工作任务", "工作内容", "牵头单位", "完成时限"], ["1", "民生项目", text, "县住建局", f"{year}年12月底"]]
    return convert_written(tmp_path, "plan.csv", rows, year).programme.tasks[0]


# --- 1. year target columns beside an investment column -----------------------------------------------------------

@pytest.mark.parametrize(("first", "second", "money"), [
    ("20个", "30个", "总投资（万元）"), ("20", "30", "总投资（万元）"), ("20个", "30个", "2024年投资（万元）")])
def test_year_target_columns_beside_an_investment_column_keep_the_years_target(tmp_path, first, second, money):
    """2024年目标任务 "20个" beside 总投资（万元）: the programme year's 20 个 is the target, the investment too."""
    rows = [["序号", "项目名称", "2024年目标任务", "2025年目标任务", money, "牵头单位"],
            ["1", "改造老旧小区", first, second, "500", "县住建局"]]
    targets = _targets(convert_written(tmp_path, "plan.csv", rows).programme.tasks[0])
    assert [t for t in targets if t[2] == 20 and t[0] == "改造老旧小区" and t[3] in ("个", "")], targets
    assert not [t for t in targets if t[2] == 30], targets


def test_year_target_beside_figured_content_is_the_years_part(tmp_path):
    """建设内容 "改造老旧小区50个" beside 2024年目标任务 "20个": the year column states the year's part, the target."""
    rows = [["序号", "项目名称", "建设内容", "2024年目标任务", "2025年目标任务", "牵头单位"],
            ["1", "老旧小区改造", "改造老旧小区50个", "20个", "30个", "县住建局"]]
    targets = _targets(convert_written(tmp_path, "plan.csv", rows).programme.tasks[0])
    assert [t[2] for t in targets] == [20], targets


# --- 2. the relief rule keeps cuts and extended leave ---------------------------------------------------------------

@pytest.mark.parametrize(("words", "figure"), [("缓缴业务办理时限缩短3个工作日", 3), ("减免事项审批时限压缩5个工作日", 5),
                                               ("延长产假30天", 30), ("产假延长30天", 30), ("将陪护假延长15天", 15)])
def test_a_cut_or_an_extended_leave_after_a_relief_word_is_a_target(tmp_path, words, figure):
    assert [t[2] for t in _targets(_words(tmp_path, words))] == [figure]


@pytest.mark.parametrize("words", ["减免小微企业房租3个月", "缓缴社会保险费3个月", "延长贷款期限1年", "暂停征收滞纳金6个月"])
def test_how_long_a_relief_lasts_stays_no_target(tmp_path, words):
    assert _targets(_words(tmp_path, words)) == []


# --- 3. 分别 over places with a 共 total ------------------------------------------------------------------------------

def test_places_given_one_each_and_a_total_count_once(tmp_path):
    targets = _targets(_words(tmp_path, "雄县、容城县分别建成1个口袋公园，共建成2个"))
    assert sum(t[2] for t in targets) == 2, targets


# --- 5. an office of the issuing city after a 县(区) bracket -------------------------------------------------------

@pytest.mark.parametrize(("cell", "units"), [
    ("各县(区)、市财政局", ["各县(区)", "市财政局"]), ("各县（区）、市直有关部门", ["各县（区）", "市直有关部门"]),
    ("各区(县)、市民政局", ["各区(县)", "市民政局"]), ("各市(县)、区政府", ["各市(县)、区政府"]),
    ("各县(市)、区人民政府", ["各县(市)、区人民政府"])])
def test_an_office_of_the_city_after_a_county_bracket_is_a_unit_of_its_own(cell, units):
    assert split_units(cell) == units


# --- 6. 争取 / 务必 before a date -----------------------------------------------------------------------------------

@pytest.mark.parametrize("word", ["确保", "力争", "争取", "务必"])
def test_a_word_of_commitment_before_a_date_is_no_part_of_the_name(tmp_path, word):
    targets = _targets(_words(tmp_path, f"{word}年底前新建口袋公园5个"))
    assert [(t[0], t[2]) for t in targets] == [("新建口袋公园", 5)], targets


# --- 4. 分别 in other word orders; per-place targets named by the thing counted --------------------------------------

@pytest.mark.parametrize(("words", "names"), [
    ("雄县、容城县分别建成1个口袋公园", ["容城县口袋公园", "雄县口袋公园"]),
    ("分别在雄县、容城县建成1个口袋公园", ["容城县口袋公园", "雄县口袋公园"]),
    ("市本级、雄县、容城县分别建成1个口袋公园", ["容城县口袋公园", "市本级口袋公园", "雄县口袋公园"]),
    ("县一中、县二中分别新建1栋教学楼", ["县一中教学楼", "县二中教学楼"])])
def test_each_place_given_one_figure_is_named_by_the_place_and_the_thing_counted(tmp_path, words, names):
    targets = _targets(_words(tmp_path, words))
    assert [t[0] for t in targets] == names, targets
    assert {t[2] for t in targets} == {1}


# --- 7. smaller ones -----------------------------------------------------------------------------------------------

def test_the_work_on_an_area_is_no_place_naming_a_row(tmp_path):
    """"新建城区" under 计划完成数（个）: the item's own words name the target, as 改造老旧小区's do (长沙市 is a place)."""
    rows = [["序号", "项目名称", "计划完成数（个）", "牵头单位"], ["1", "新建城区", "20", "县住建局"],
            ["2", "长沙市", "30", "县住建局"]]
    tasks = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert [_targets(t) for t in tasks] == [[("新建城区", "=", 20, "个")], [("计划完成数", "=", 30, "个")]]


def test_a_scope_note_prints_its_bracket_in_one_form(tmp_path):
    """"各学校(含民办学校)" in the 责任单位 cell: noted with full-width brackets, as a lead's scope is."""
    rows = [["序号", "工作任务", "牵头单位", "责任单位"], ["1", "新建幼儿园3所", "县教育局(含城区)", "各学校(含民办学校)、县财政局"]]
    task = convert_written(tmp_path, "p.tsv", rows).programme.tasks[0]
    assert "牵头单位括注范围：县教育局（含城区）" in task.note
    assert "责任单位括注范围：各学校（含民办学校）" in task.note


@pytest.mark.parametrize("rows", [
    [["序号", "项目名称", "计划完成数", "单位", "牵头单位"], ["1", "改造老旧小区", "20", "个", "县住建局"]],
    [["序号", "项目名称", "单位", "计划完成数", "牵头单位"], ["1", "改造老旧小区", "个", "20", "县住建局"]],
    [["序号", "项目名称", "计划完成数", "牵头单位"], ["1", "改造老旧小区", "20", "县住建局"]]])
def test_a_planned_count_with_no_measure_in_its_header_is_the_target(tmp_path, rows):
    """计划完成数 (no "（个）") over bare figures: the target, in the 单位 column's measure where there is one."""
    targets = _targets(convert_written(tmp_path, "plan.csv", rows).programme.tasks[0])
    assert [(t[2], t[3]) for t in targets] == [(20, "个" if "单位" in rows[0] else "")], targets
