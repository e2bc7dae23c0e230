"""Issue 13, wrong52: figures a document sets as standards each one keeps, no targets of the year — a minimum of staff
each place keeps with the bound before its verb, a subsidy's rate per centre and year with the payment after the sum,
the working days within which each case is handled — beside the same words where the task sets a level, which stay
targets."""

from __future__ import annotations

import pytest

from mstrack.sources.table.mentions import find_mentions

from .conftest import convert_written, targets_of


def _figures(text: str, year: int = 2023) -> list[tuple[float, str]]:
    return [(m.value, m.unit) for m in find_mentions(text, year)]


# --- 1. at least one of staff each place keeps, the bound before the verb of provision --------------------------------

@pytest.mark.parametrize("text", [
    "每个学校至少配备1名兼职视力健康员，负责开展学生视力健康管理工作。",
    "每个社区不少于配备1名网格员。",
    "对浴场等涉水区域的景点，需配备至少1名救生员。",
])
def test_at_least_one_each_place_keeps_is_a_standard(text):
    """"每个学校至少配备1名兼职视力健康员": what each school keeps, a standard of provision, as "需配备至少1名救生员" is —
    the bound before the verb or after it."""
    assert _figures(text) == []


@pytest.mark.parametrize("text, figures", [
    ("至少配备10名网格员。", [(10, "名")]),
    ("每个区至少建设1个高品质特色商圈。", [(1, "个")]),
    ("新建不少于1处公厕。", [(1, "处")]),
])
def test_a_larger_minimum_or_work_stays_a_target(text, figures):
    """A minimum larger than one ("至少配备10名网格员") or after a verb of work ("至少建设1个", "新建不少于1处") is a target."""
    assert _figures(text) == figures


# --- 2. a subsidy's rate per unit, the payment named after the sum ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "落实社区居家养老服务中心和农村幸福院每年2万元的运营补贴政策。",
    "对完成面积部分给予最高每亩300元的奖励。",
    "对新建猪舍每平方米50元补贴。",
])
def test_a_rate_with_its_payment_after_the_sum_is_no_target(text):
    """"每年2万元的运营补贴": what each centre receives a year, a rate of the scheme, as "每亩补助200元" is."""
    assert _figures(text) == []


@pytest.mark.parametrize("text, figures", [
    ("每年安排100万元补助资金。", [(1_000_000, "元")]),  # a fund: the year's money
    ("按照平均每年每院5万元的标准给予补助。", [(50_000, "元")]),  # a standard printed as one: as the corpus reads it
    ("补助标准提高到每人每年640元的补贴。", [(640, "元")]),  # a standard raised to a level
])
def test_a_fund_a_named_standard_or_a_raised_one_stays_a_target(text, figures):
    """A fund ("100万元补助资金"), a sum printed as the standard ("…5万元的标准给予补助") and a standard raised to a level stay
    the task's targets."""
    assert _figures(text) == figures


# --- 3. the working days within which each case is handled ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "做到群众留言5个工作日内受理，30日内核实反馈。",
    "蝇类监测在每次监测工作结束后3个工作日内上报监测结果。",
])
def test_days_within_which_each_case_is_handled_are_a_standard(text):
    """"5个工作日内受理": how soon each case is taken up, a service standard, as "30日内核实反馈" beside it is."""
    assert _figures(text) == []


@pytest.mark.parametrize("text, figures", [
    ("企业开办时间压缩至3个工作日内办结。", [(3, "个工作日")]),
    ("不动产登记用时3个工作日以内。", [(3, "个工作日")]),
    ("缓缴业务办理时限缩短3个工作日。", [(3, "个工作日")]),
])
def test_a_service_time_the_task_cuts_stays_a_target(text, figures):
    """A time the task cuts a service to ("压缩至3个工作日内办结", "用时3个工作日以内") is the level to reach."""
    assert _figures(text) == figures


def test_a_small_plan_reads_the_standards_as_none_and_the_work_as_targets(tmp_path):
    """A small plan of three items, each with a standard and a figure of work: only the work's figures are targets."""
    rows = [["序号", "工作任务", "责任单位", "完成时限"],
            ["1", "新建社区养老服务中心5个，落实每年2万元的运营补贴政策。", "区民政局", "2023年12月底"],
            ["2", "新增兼职视力健康员80名，每个学校至少配备1名兼职视力健康员。", "区教育局", "2023年12月底"],
            ["3", "建成线上监督平台1个，做到群众留言5个工作日内受理。", "区农业农村局", "2023年10月底"]]
    tasks = convert_written(tmp_path, "plan.csv", rows, 2023).programme.tasks
    assert [targets_of(t) for t in tasks] == [[(5, "个")], [(80, "名")], [(1, "个")]]


# --- 3b. a capacity that names the plant or project it sizes -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "推進東部石化基地建設,抓好80萬噸乙烯改擴建項目。",
    "宣传要点：供电保障能力、岛外调水、10万吨水厂、污水垃圾处理。",
    "加快中加矿业300万吨铁精粉等项目建设。",
])
def test_a_capacity_before_its_plant_names_it(text):
    """"80万吨乙烯改扩建项目", "10万吨水厂": the capacity says which plant, as "日处理5万吨海水淡化项目" does: no target."""
    assert _figures(text, 2016) == []


@pytest.mark.parametrize("text, figures", [
    ("新增污水处理能力10万吨。", [(100_000, "吨")]),
    ("建成年产10万吨饲料加工项目3个。", [(3, "个")]),
])
def test_a_capacity_the_clause_closes_on_or_a_count_of_plants_stays_a_target(text, figures):
    """A capacity the work adds ("新增污水处理能力10万吨") and a count of plants after their capacity are the year's."""
    assert _figures(text, 2016) == figures


# --- 4. a span column's words alone, due at the deadline they give ------------------------------------------------------

def test_a_span_with_no_words_of_work_is_no_checkpoint_beside_its_deadline(tmp_path):
    """"2015-2017" in a 建设年限 column, its 进度 cell empty: the span gives the task its deadline, and a checkpoint of the
    same words on the same day would say it twice; a row whose 进度 prints words of the work keeps them as its checkpoint."""
    rows = [["序号", "项目名称", "建设年限", "2016年计划投资（亿元）", "进度", "责任单位"],
            ["1", "家政服务站建设", "2015-2017", "0.02", "", "区经济发展局"],
            ["2", "万北路", "2016-2018", "0.50", "完成前期工作,力争开工建设。", "澳前片区开发管理局"]]
    tasks = convert_written(tmp_path, "plan.csv", rows, 2016).programme.tasks
    assert [str(t.deadline) for t in tasks] == ["2017-12-31", "2018-12-31"]
    assert [cp.text for cp in tasks[0].lines[0].checkpoints] == []
    assert [cp.text for cp in tasks[1].lines[0].checkpoints] == ["完成前期工作,力争开工建设。"]


# --- 5. an office's name the copy broke or ran together ---------------------------------------------------------------

@pytest.mark.parametrize("cell, names", [
    ("区旅游文体局，区旅游文化中心，各片区管理 局，各非遗保护单位", ["区旅游文体局", "区旅游文化中心", "各片区管理局", "各非遗保护单位"]),
    ("各联合党委、经济发展处交通与建设处、农业农村处", ["各联合党委", "经济发展处", "交通与建设处", "农业农村处"]),
    ("局医政处和计生指导处", ["局医政处", "计生指导处"]),
    ("交通与建设处", ["交通与建设处"]),
    ("市住建局市政工程处", ["市住建局市政工程处"]),  # a bureau's section: one name
    ("某街道办事处综合处", ["某街道办事处综合处"]),  # a town's office's section: one name
    ("市住房城乡建设局 市水务局", ["市住房城乡建设局", "市水务局"]),  # a space between two whole names still separates
])
def test_an_office_broken_by_a_space_or_two_sections_run_together(cell, names):
    """"各片区管理 局": a space before an office's suffix alone breaks no list, one name; "经济发展处交通与建设处": two sections
    of the office, each ending with 处, run together in a copy, two names (the cell's other lines print them apart)."""
    from mstrack.sources.table.office_names import split_groups
    from mstrack.sources.table.units import unit_names

    assert [n for group in split_groups(cell) for n in unit_names(group)] == names


def test_a_plan_lists_the_offices_of_a_broken_name_and_of_sections_run_together(tmp_path):
    """The same in a table's 责任单位 cells: each office once, whole."""
    rows = [["序号", "工作任务", "责任单位", "完成时限"],
            ["1", "实施非遗传承体验设施项目三年计划。", "区旅游文体局，各片区管理 局，各非遗保护单位", "2023年12月底"],
            ["2", "开展道路交通安全专项整治。", "各联合党委、经济发展处交通与建设处、农业农村处按职责分工负责", "2023年12月底"]]
    tasks = convert_written(tmp_path, "plan.csv", rows, 2023).programme.tasks
    offices = [sorted({u for line in t.lines for u in (*line.lead_units, *line.units)}) for t in tasks]
    assert offices == [sorted(["区旅游文体局", "各片区管理局", "各非遗保护单位"]),
                       sorted(["各联合党委", "经济发展处", "交通与建设处", "农业农村处"])]



def test_a_minimum_or_a_rate_keeps_its_reading_with_an_estimate_or_a_floor_before_the_figure():
    """The layout variants (tests/table_variants_ninth: figures_about, figures_at_least) write 约 or 不少于 before each
    figure: "至少配备约1名" is still a standard each school keeps, "每年不少于2万元的运营补贴" still a rate paid."""
    from mstrack.sources.table.figure_bounds import paid_rate, provided_minimum

    assert provided_minimum("每个学校至少配备约", "1") and provided_minimum("每个学校至少配备", "1")
    assert not provided_minimum("新建约", "1")
    assert paid_rate("落实幸福院每年不少于", "的运营补贴政策", "万元") and paid_rate("落实幸福院每年", "的运营补贴政策", "万元")
    assert not paid_rate("落实幸福院不少于", "的运营补贴政策", "万元")
