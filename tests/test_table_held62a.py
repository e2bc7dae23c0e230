"""Issue 13, held62a: a 基本养老服务清单 whose 牵头责任部门 cell names several bodies, a bureau with the divisions doing
the work in its bracket ("区社会事业局（民政处、医政处）、各片区管理局"), its subsidies' rates and bands of who gets them;
an inspection plan's 抽查比例 column; each read by its structure on a small table."""

from __future__ import annotations

from mstrack.sources.table.office_brackets import bracketed_unit
from mstrack.sources.table.units import unit_names

from .conftest import convert_written


def _leads(task) -> list[str]:
    """The task's lead units, each once (a task of several lines names its lead on each)."""
    return list(dict.fromkeys(u for line in task.lines for u in line.lead_units if u != "（表中未列）"))


def _units(task) -> list[str]:
    return sorted({u for line in task.lines for u in line.units if u not in _leads(task)})


GRID = [["序号", "服务项目", "服务内容及标准", "牵头责任部门"],
        ["1", "能力综合评估", "为老年人提供能力综合评估服务。", "区社会事业局（民政处、医政处）、经济发展局"],
        ["2", "高龄津贴", "为80周岁以上低保老人增发高龄补贴。", "区社会事业局（民政处、社保处）、各片区管理局"],
        ["3", "探访关爱", "为特殊困难老年人提供探访关爱服务。", "各片区管理局、区社会事业局（民政处），交通与建设局"],
        ["4", "健康管理", "为老年人免费建立电子健康档案。", "区旅游与文化体育局"]]


def test_a_lead_and_responsible_department_column_reads_as_its_unit_column(tmp_path):
    """"牵头责任部门" says what "牵头责任单位" says (部门 for 单位): with no other unit column the cell's first body leads
    and the others are units (README "Several offices in a 牵头责任单位 cell"), a "，" among the "、" as they are."""
    tasks = convert_written(tmp_path, "list.csv", GRID, 2024).programme.tasks
    assert [_leads(t) for t in tasks] == [["区社会事业局（民政处、医政处）"], ["区社会事业局（民政处、社保处）"],
                                          ["各片区管理局"], ["区旅游与文化体育局"]]
    assert [_units(t) for t in tasks] == [["经济发展局"], ["各片区管理局"], ["交通与建设局", "区社会事业局（民政处）"], []]


def test_a_lead_department_column_beside_a_helping_column_still_leads(tmp_path):
    """Beside a 配合单位 column every body of the 牵头责任部门 cell leads, as a 牵头责任单位 column's do."""
    grid = [["序号", "服务项目", "牵头责任部门", "配合单位"],
            ["1", "能力综合评估", "区社会事业局、经济发展局", "各片区管理局"]]
    task = convert_written(tmp_path, "list.csv", grid, 2024).programme.tasks[0]
    assert _leads(task) == ["区社会事业局", "经济发展局"]
    assert _units(task) == ["各片区管理局"]


def test_a_bureau_with_its_divisions_in_its_bracket_is_one_office():
    """"区社会事业局（民政处、医政处）": the divisions of the bureau (a name by its work ending in 处, 科, 股 or 室, no level
    of its own) are the parts of it that do the work, one office kept whole (read50c), as one division alone is; a
    bracket listing other units ("县住建局（县城管局、县财政局）") still names each of them."""
    assert unit_names("区社会事业局（民政处、医政处、公卫处）、各片区管理局") == ["区社会事业局（民政处、医政处、公卫处）",
                                                                              "各片区管理局"]
    assert unit_names("区社会事业局（民政处）") == ["区社会事业局（民政处）"]
    assert bracketed_unit("区社会事业局（退役军人事务处、民政处）") == ("区社会事业局", "退役军人事务处、民政处", True)
    assert unit_names("县住建局（县城管局、县财政局）") == ["县住建局", "县城管局", "县财政局"]


def _figures(text: str, year: int = 2024) -> list[tuple[float, str]]:
    from mstrack.sources.table.mentions import find_mentions

    return [(m.value, m.unit) for m in find_mentions(text, year)]


def test_a_subsidys_rate_in_the_clause_after_it_is_no_target():
    """"为80周岁以上低保老人增发高龄补贴，每人每月100元": the payment closes the clause before, its rate per head and month
    the next clause alone — what each one gets, a rule of the scheme, as "每亩补助200元" is; a standard raised to a level
    ("低保标准调高到每人每月757元") and a sum of the year after a payment ("增发高龄补贴，共计100万元") stay targets."""
    assert _figures("1.为80周岁以上低保老人增发高龄补贴，每人每月100元。") == []
    assert _figures("发放高龄补贴，每人每月100元，惠及老人5000人。") == [(5000, "人")]
    assert _figures("城市低保标准调高到每人每月757元。") == [(757, "元")]
    assert _figures("增发高龄补贴，共计100万元。") == [(1000000, "元")]


def test_a_band_of_a_rate_picking_who_the_work_is_for_is_no_target():
    """"家庭年人均收入在城乡低保标准100%-130%的重度残疾人": a band in percent before 的 and the ones it picks says who the
    subsidy is for, as a band of ages does; a rate reached, bare or bounded, stays a target."""
    assert _figures("为家庭年人均收入在城乡低保标准100%-130%的重度残疾人提供生活补贴。") == []
    assert _figures("健康管理服务率达到73%以上。") == [(73, "%")]
    assert _figures("城乡居民参保率稳定在95%，资助比例100%。") == [(95, "%"), (100, "%")]


def _targets(task) -> list[tuple[str, float, str]]:
    return [(i.name, i.target, i.unit) for line in task.lines for i in line.indicators]


def test_a_sampling_share_column_of_percentages_holds_targets(tmp_path):
    """抽查比例 over "10%", "5%" (a full-width space beside one, as printed): the share of the inspected each row's check
    samples, a target named by the header, due with the row; a share column of another kind (完成比例) is no target."""
    grid = [["序号", "抽查任务名称", "组织抽查牵头单位", "抽查对象", "抽查比例", "抽查具体事项", "计划抽查时间"],
            ["1", "教育装备产品抽查", "区社会事业局", "中小学", "10%\u3000", "校服", "2026年9月份"],
            ["2", "教育装备产品抽查", "区社会事业局", "中小学", "\u3000 5%", "簿籍", "2026年9月份"]]
    tasks = convert_written(tmp_path, "plan.csv", grid, 2026).programme.tasks
    assert [_targets(t) for t in tasks] == [[("抽查比例", 10, "%")], [("抽查比例", 5, "%")]]
    assert [str(t.deadline) for t in tasks] == ["2026-09-30", "2026-09-30"]
    done = [[*row[:4], "完成比例" if k == 0 else row[4], *row[5:]] for k, row in enumerate(grid)]
    assert [_targets(t) for t in convert_written(tmp_path, "done.csv", done, 2026).programme.tasks] == [[], []]
