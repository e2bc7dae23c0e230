"""Issue 13, read47c: the 平潭 documents of several parts: a closing part numbering its measures on from the part before
it ("四、保障要素" over "（三）…" after "三、重点任务"'s "（一）" "（二）"), each with its offices."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import convert_words, convert_written

PLAN = ["某区2024年“一老一小”整体解决方案", "三、重点任务", "（一）完善养老服务网络",
        "1.新建社区养老服务站5个。", "责任单位：区民政局、区财政局",
        "2.改造特困供养机构2所。", "责任单位：区民政局",
        "（二）扩大托育服务供给",
        "1.新增普惠托位200个。", "责任单位：区卫健局",
        "2.建设托育综合服务中心1个。", "责任单位：区卫健局、区发改局"]


def _codes(tmp_path, closing: list[str]) -> dict[str, list[str]]:
    tasks = convert_written(tmp_path, "plan.txt", "\n".join([*PLAN, *closing]) + "\n").programme.tasks
    return {t.code: t.lines[0].units for t in tasks}


def test_closing_part_numbered_on_from_the_part_before_is_read(tmp_path):
    """pingtan-2023-yilaoyixiao's 四、保障要素 "（十一）…（十八）" after 三's "（一）…（十）": its measures naming offices
    are tasks coded in the part, as a closing part numbered from "（一）" is (close47)."""
    codes = _codes(tmp_path, ["四、保障要素", "（三）建立工作机制。成立工作领导小组，统筹推进各项工作。", "责任单位：区民政局、区卫健局",
                              "（四）加大资金投入。将养老托育经费纳入年度部门预算。", "责任单位：区财政局"])
    assert "四(三)" in codes and "四(四)" in codes
    assert codes["四(四)"] == ["区财政局"]


def test_closing_part_numbered_neither_from_one_nor_on_is_not_read(tmp_path):
    """A closing part whose first number neither starts a count nor follows the part before ("（七）" after "（二）"):
    no run of its own, not read."""
    codes = _codes(tmp_path, ["四、保障要素", "（七）建立工作机制。成立工作领导小组，统筹推进各项工作。", "责任单位：区民政局、区卫健局"])
    assert not any(code.startswith("四") for code in codes)


# --- a multi-year project list's investment columns: the project's size, no target of the year ----------------------

def _projects(tmp_path, periods: tuple[str, str], unit: str = "（万元）") -> list[list]:
    header = ["序号", "项目名称", "建设期限", "建设内容和规模", f"总投资{unit}", f"申请中央预算内投资{unit}", "组织实施单位"]
    priced = "" if unit else "万元"
    rows = [header, ["1", "城东养老服务中心项目", periods[0], "建设床位300张。", f"7500{priced}", f"3600{priced}", "区民政局"],
            ["2", "城西托育中心项目", periods[1], "新增托位150个。", f"4000{priced}", f"2000{priced}", "区卫健局"]]
    tasks = convert_written(tmp_path, "projects.csv", rows).programme.tasks
    return [[i.name for line in task.lines for i in line.indicators] for task in tasks]


@pytest.mark.parametrize("unit", ["（万元）", ""])  # the unit in the header, or in each cell ("7500万元")
def test_investment_of_a_multi_year_project_list_is_no_target(tmp_path, unit):
    """pingtan-2023-yilaoyixiao's 重大项目清单: 建设期限 "2022-2023", 总投资 and 申请中央预算内投资 beside no column of the
    year's: what each project costs over its years, no figure the year must reach; the content's count stays."""
    assert _projects(tmp_path, ("2023-2025", "2024-2026"), unit) == [["建设床位"], ["新增托位"]]


@pytest.mark.parametrize("unit", ["（万元）", ""])
def test_investment_of_projects_within_the_year_stays_a_target(tmp_path, unit):
    """jiujiang-2025-5yue: projects begun and finished within the year: 总投资 is the year's spending, a target."""
    assert "总投资" in _projects(tmp_path, ("2024年3月-2024年12月", "2024年"), unit)[0]


# --- a size bounded after what it counts, before 的: which institutions, no target ---------------------------------

@pytest.mark.parametrize("words", ["鼓励150张床位以上的养老机构设立医务室，新增护理型床位200张。",
                                   "支持500张床位及以上的养老机构内设医疗机构，新增护理型床位200张。"])
def test_a_size_bounded_after_its_noun_picks_institutions(tmp_path, words):
    """pingtan-2023-yilaoyixiao 三(八)1 "鼓励150张床位以上的养老机构设立医务室": the beds say which institutions, no
    count the year reaches; the count after it stays."""
    task = convert_words(tmp_path, words).programme.tasks[0]
    assert [(i.target, i.unit) for line in task.lines for i in line.indicators] == [(200, "张")]


# --- an item whose only date is a later year's horizon: due then, its undated figure too ----------------------------

def _item_due(tmp_path, words: str) -> list:
    lines = ["某区2024年养老服务实施方案", "一、重点任务", f"1.{words}", "责任单位：区民政局", "2.新建社区食堂10个。",
             "责任单位：区民政局", "3.改造敬老院2所。", "责任单位：区民政局"]
    return [t.deadline for t in convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n").programme.tasks]


def test_a_later_years_horizon_dates_the_whole_item(tmp_path):
    """pingtan-2023-yilaoyixiao 三(六)2 "确保配建设施达标率达到100%，到2025年，实现…基本补齐": the item's one date, a
    later year's horizon, is when the item is due (the readings' convention, tests/data/tables/README.md)."""
    assert _item_due(tmp_path, "补齐养老服务短板。确保配建设施达标率达到100%，到2026年，实现老城区基本补齐养老服务设施。")[0] \
        == date(2026, 12, 31)


def test_a_step_of_the_year_stays_its_clauses_own(tmp_path):
    """"…达到100%，9月底前完成规划编制": a step within the programme's year dates its clause only (all_dated)."""
    assert _item_due(tmp_path, "补齐养老服务短板。确保配建设施达标率达到100%，9月底前完成设施布局规划编制。")[0] is None


def test_a_definitions_parts_are_no_targets(tmp_path):
    """pingtan-2015-yiju 三(二) "其中“六有”指有一个社区服务中心、有一个社区卫生服务站…": what the term means, each part
    one of a kind, no count of the year's work; the count before it stays."""
    task = convert_words(tmp_path, "建设完整社区2个，实现“六有”。其中“六有”指有一个社区服务中心、有一个社区卫生服务站、"
                                   "有一套便捷的慢行系统；“两达标”指绿地达标、道路达标。").programme.tasks[0]
    assert [(i.target, i.unit) for line in task.lines for i in line.indicators] == [(2, "个")]


def test_a_standard_each_plot_meets_is_no_target(tmp_path):
    """pingtan-2015-yiju 三(十三) "单片片林占地规模不小于1000平方米，新建15公顷以上的城市片林": each plot's size is a
    standard, as "每个不少于200平方米" is; the area built is the target."""
    task = convert_words(tmp_path, "单片片林占地规模不小于1000平方米，新建15公顷以上的城市片林。").programme.tasks[0]
    assert [(i.target, i.unit) for line in task.lines for i in line.indicators] == [(15, "公顷")]


def test_work_in_the_bracket_after_one_thing_is_its_target(tmp_path):
    """pingtan-2015-yiju 三(一) "1个美丽乡村景观带建设（途径…多个村庄，打造10公里美丽乡村景观带）": 打造 is work in the
    bracket, its length a target, as "新建" there is (describes_one)."""
    task = convert_words(tmp_path, "1个美丽乡村景观带建设（途径山门村、北港村等多个村庄，打造10公里美丽乡村景观带）。"
                         ).programme.tasks[0]
    assert (10, "公里") in [(i.target, i.unit) for line in task.lines for i in line.indicators]


# --- a bureau and the company of its own name: one body ------------------------------------------------------------

@pytest.mark.parametrize(("name", "found"), [
    ("区森林园林局（区森林园林公司)", ("区森林园林局", "区森林园林公司", True)),  # pingtan-2015-yiju 三(十一)
    ("县住建局（县城投公司）", ("县住建局", "县城投公司", False)),  # another name: another unit, as before
])
def test_a_bureau_and_its_company_of_one_name_are_one_body(name, found):
    from mstrack.sources.table.office_brackets import bracketed_unit
    assert bracketed_unit(name) == found
