"""Structures of tables from cities the importer was not built on (issue #13), one small table each:
registration forms, sub-rows without a number, long task numbers, any unit of measure, a 单位 column,
progress columns, targets in words, monthly plans, dates of every shape, and the doubts a reviewer
is shown.
"""

from datetime import date
from pathlib import Path

import pytest

from mstrack.errors import InputError
from mstrack.sources.table.mentions import find_mentions
from tests.conftest import convert_written, import_table, write_table

write_csv = write_table  # the name other test files import


def convert(tmp_path: Path, rows: list[list[str]], year: int = 2024):
    return convert_written(tmp_path, "table.csv", rows, year, "x-2024")


def indicators(task) -> list[tuple]:
    """(name, unit, target, [(due, target)]) of every indicator of a task."""
    return [(i.name, i.unit, i.target, [(m.due, m.target) for m in i.milestones]) for line in task.lines for i in line.indicators]


# --- task numbers and units of measure ---------------------------------------------------------


def test_task_numbers_of_any_length(tmp_path):
    rows = [["序号", "项目名称", "完成时限", "牵头单位"]]
    rows += [[str(n), f"改造农村公路{n}公里", "12月底前", "县交通局"] for n in (999, 1000, 12345)]
    result = convert(tmp_path, rows)
    assert [t.code for t in result.programme.tasks] == ["999", "1000", "12345"]
    assert indicators(result.programme.tasks[1])[0][1:3] == ("公里", 1000)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("种植苗木5000穴", 5000, "穴"), ("新增3万穴", 30000, "穴"), ("开展送戏下乡3轮，", 3, "轮"), ("建设光伏1.2亿瓦", 120000000, "瓦"),
    ("改造8座以上", 8, "座"),
])
def test_any_cjk_unit_after_a_number(text, value, unit):
    [mention] = find_mentions(text)
    assert (mention.value, mention.unit) == (value, unit)


@pytest.mark.parametrize("text", ["开通12345热线", "建设24小时自助图书馆", "提供3大服务", "建设5G基站", "服务60岁老人"])
def test_a_cjk_word_after_a_number_is_no_unit_when_the_noun_goes_on(text):
    assert find_mentions(text) == []


# --- registration forms, sub-rows and the dates of each ----------------------------------------


def test_a_registration_form_gives_each_sub_item_its_own_date_and_target(tmp_path):
    result = convert(tmp_path, [
        ["序号", "项目名称", "建设内容", "完成时间", "责任单位"],
        ["1", "教育提升工程", "新建幼儿园3所", "2024年8月", "县教育局"],
        ["", "教育提升工程", "改扩建中小学2所", "2025年3月", "县住建局"],  # a merged 项目名称, read as its value on every row
        ["", "教育提升工程", "开展教师培训", "2024年10月", "县教育局"],
        ["2", "文化惠民", "送戏下乡100场", "11月", "县文旅局"],
    ])
    first, second = result.programme.tasks
    assert [t.code for t in result.programme.tasks] == ["1", "2"]
    assert first.deadline == date(2025, 3, 31)  # the last sub-item's date, in the following year
    assert [(line.lead_units, [(c.due, c.text) for c in line.checkpoints]) for line in first.lines] == [
        (["县教育局"], [(date(2024, 8, 31), "新建幼儿园3所")]),
        (["县住建局"], [(date(2025, 3, 31), "改扩建中小学2所")]),
        (["县教育局"], [(date(2024, 10, 31), "开展教师培训")]),
    ]
    assert indicators(first) == [("新建幼儿园", "所", 3, [(date(2024, 8, 31), 3)]),
                                 ("改扩建中小学", "所", 2, [(date(2025, 3, 31), 2)])]  # words without a figure stay words
    assert indicators(second) == [("送戏下乡", "场", 100, [(date(2024, 11, 30), 100)])]


def test_a_sub_row_without_a_number_continues_the_task_above(tmp_path):
    result = convert(tmp_path, [
        ["序号", "项目名称", "完成时限", "牵头单位"],
        ["1", "卫生服务提升", "2024年底", "县卫健局"],
        ["", "建设村卫生室10个", "10月底前", "县卫健局"],
        ["", "培训乡村医生200人", "", "县人社局"],
        ["2", "新建公厕20座", "6月底前", "县城管局"],
    ])
    tasks = result.programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("1", "卫生服务提升"), ("2", "新建公厕20座")]  # no renumbering
    assert [line.lead_units for line in tasks[0].lines] == [["县卫健局"], ["县卫健局"], ["县人社局"]]
    assert indicators(tasks[0]) == [("建设村卫生室", "个", 10, [(date(2024, 10, 31), 10)]),
                                    ("培训乡村医生", "人", 200, [(date(2024, 12, 31), 200)])]


def test_without_any_numbers_a_row_with_text_is_a_task(tmp_path):
    result = convert(tmp_path, [
        ["序号", "项目名称", "完成时限", "牵头单位"],
        ["", "新建公厕20座", "6月底前", "县城管局"],
        ["", "建设村卫生室10个", "10月底前", "县卫健局"],
    ])
    assert [(t.code, t.title) for t in result.programme.tasks] == [("1", "新建公厕20座"), ("2", "建设村卫生室10个")]


def test_several_numbered_dates_in_one_cell_date_the_numbered_items(tmp_path):
    result = convert(tmp_path, [
        ["序号", "项目名称", "建设内容", "完成时间", "牵头单位"],
        ["1", "农村公路提升", "1. 改造县道10公里 2. 新建桥梁2座", "1. 2024年5月 2. 2024.9", "县交通局"],
    ])
    [task] = result.programme.tasks
    assert task.deadline == date(2024, 9, 30)
    assert [(c.due, c.text) for c in task.lines[0].checkpoints] == [(date(2024, 5, 31), "改造县道10公里"),
                                                                    (date(2024, 9, 30), "新建桥梁2座")]
    assert indicators(task) == [("改造县道", "公里", 10, [(date(2024, 5, 31), 10)]), ("新建桥梁", "座", 2, [(date(2024, 9, 30), 2)])]


@pytest.mark.parametrize(("text", "due"), [
    ("2024.5", date(2024, 5, 31)), ("11月", date(2024, 11, 30)), ("10月底前", date(2024, 10, 31)), ("2025年3月", date(2025, 3, 31)),
    ("2025年底前", date(2025, 12, 31)), ("次年3月底前", date(2025, 3, 31)), ("次年底", date(2025, 12, 31)),
    ("2025年一季度", date(2025, 3, 31)), ("明年上半年", date(2025, 6, 30)),
])
def test_dates_as_offices_write_them_and_in_the_following_year(tmp_path, text, due):
    result = convert(tmp_path, [["序号", "项目名称", "完成时限", "牵头单位"], ["1", "新建公厕20座", text, "县城管局"]])
    assert result.programme.tasks[0].deadline == due
    assert indicators(result.programme.tasks[0])[0][3] == [(due, 20)]


def test_no_year_is_assumed_in_the_code(tmp_path):
    """The same table read for two years: every date follows the year given, none is fixed."""
    rows = [["序号", "项目名称", "进度安排", "牵头单位"], ["1", "新建公厕20座", "6月底前开工10座；12月底前建成20座", "县城管局"]]
    for year in (2019, 2031):
        [task] = convert(tmp_path, rows, year).programme.tasks
        assert {c.due.year for line in task.lines for c in line.checkpoints} == {year}


# --- a 单位 column, progress columns -------------------------------------------------------------


def test_a_unit_of_measure_column_and_a_bare_number_make_the_target(tmp_path):
    result = convert(tmp_path, [
        ["序号", "项目名称", "单位", "目标任务", "完成时限", "责任单位"],
        ["1", "新建公办幼儿园", "所", "10", "2024年8月", "县教育局"],
        ["2", "改造农村公路", "公里", "1.2万", "12月底前", "县交通局"],
        ["3", "建成城市书房10个", "个", "10", "9月底前", "县文旅局"],  # printed in the title too: one target
    ])
    assert [indicators(t) for t in result.programme.tasks] == [
        [("新建公办幼儿园", "所", 10, [(date(2024, 8, 31), 10)])],
        [("改造农村公路", "公里", 12000, [(date(2024, 12, 31), 12000)])],
        [("建成城市书房", "个", 10, [(date(2024, 9, 30), 10)])],
    ]
    assert [line.lead_units for t in result.programme.tasks for line in t.lines] == [["县教育局"], ["县交通局"], ["县文旅局"]]


def test_a_unit_column_that_names_offices_is_the_responsible_units(tmp_path):
    result = convert(tmp_path, [["序号", "项目名称", "完成时限", "单位"], ["1", "新建公厕20座", "6月底前", "县城管局"]])
    assert result.programme.tasks[0].lines[0].lead_units == ["县城管局"]


@pytest.mark.parametrize("header", ["完成率", "当前进度", "1-10月完成情况", "一季度进展情况", "形象进度", "累计完成"])
def test_progress_columns_are_no_targets(tmp_path, header):
    result = convert(tmp_path, [
        ["序号", "项目名称", "完成时限", header, "牵头单位"],
        ["1", "新建公厕20座", "10月底前", "已完成12座，占60%", "县城管局"],
    ])
    [task] = result.programme.tasks
    assert indicators(task) == [("新建公厕", "座", 20, [(date(2024, 10, 31), 20)])]
    assert task.text.progress == "已完成12座，占60%"  # kept as the task's reported progress


# --- targets in words, monthly plans ------------------------------------------------------------


def plan_of(tmp_path, title: str, schedule: str, deadline: str = ""):
    result = convert(tmp_path, [["序号", "项目名称", "月度工作计划", "完成时限", "牵头单位"], ["1", title, schedule, deadline, "县人社局"]])
    return result.programme.tasks[0]


@pytest.mark.parametrize("words", ["11月底前完成", "11月底前全部完工", "11月底前全部建成", "11月底前完成全年任务"])
def test_words_that_complete_the_task_give_its_annual_target_at_that_date(tmp_path, words):
    task = plan_of(tmp_path, "新建公厕20座", f"6月底前开工10座；{words}")
    assert indicators(task)[0][3][-1] == (date(2024, 11, 30), 20)


def test_a_verb_and_a_count_is_an_indicator_named_by_the_verb(tmp_path):
    task = plan_of(tmp_path, "开展核酸检测", "3月底前完成检测5000人；6月底前累计完成检测1.2万人")
    assert indicators(task) == [("检测", "人", 12000, [(date(2024, 3, 31), 5000), (date(2024, 6, 30), 12000)])]


def test_a_cumulative_count_without_a_noun_is_a_checkpoint_of_the_task_target(tmp_path):
    task = plan_of(tmp_path, "就业帮扶3万人", "6月底前累计完成2.4万人；12月底前完成全年任务")
    assert indicators(task) == [("就业帮扶", "人", 30000, [(date(2024, 6, 30), 24000), (date(2024, 12, 31), 30000)])]


def test_a_monthly_plan_with_shares_gives_one_checkpoint_a_month(tmp_path):
    task = plan_of(tmp_path, "培训农民工1200人", "5月：完成培训300人（25%）\n8月：累计完成培训900人（75%）\n11月底前完成")
    assert indicators(task) == [("培训农民工", "人", 1200, [(date(2024, 5, 31), 300), (date(2024, 8, 31), 900),
                                                             (date(2024, 11, 30), 1200)])]
    assert task.deadline == date(2024, 11, 30)


def test_a_deadline_that_names_a_start_is_a_checkpoint_not_the_completion(tmp_path):
    task = plan_of(tmp_path, "改造背街小巷15条", "", "6月底前开工")
    assert task.deadline is None and task.text.deadline_text == "6月底前开工"
    assert [c.due for line in task.lines for c in line.checkpoints] == [date(2024, 6, 30)]
    assert indicators(task) == [("改造背街小巷", "条", 15, [])]  # the 15 lanes are not due when work starts


# --- doubts -------------------------------------------------------------------------------------

DOUBTFUL = [
    ["序号", "项目名称", "季度进度安排", "完成时限", "牵头单位"],
    ["1", "新建公厕20座", "", "6月底前开工", "县城管局"],
    ["2", "卫生服务提升", "", "2024年底", "县卫健局"],
    ["", "建设村卫生室10个", "", "10月底前", "县卫健局"],
    ["3", "建设长者食堂", "3月底前新建成2家；6月底前新建成2家；9月底前新建成3家", "", "县民政局"],
    ["4", "建设口袋公园5个", "", "", "县城管局"],
]


def run_import(tmp_path, *options: str):
    return import_table(write_table(tmp_path / "登记表.csv", DOUBTFUL), *options)


def test_each_doubtful_cell_is_commented_in_the_plan_and_listed_at_the_end(tmp_path):
    import tomllib

    result, out = run_import(tmp_path)
    assert result.exit_code == 0, result.output
    checks = [line for line in result.stderr.splitlines() if line.startswith("check: ")]
    assert checks == [
        "check: 登记表.csv: row 2, column 完成时限: the 完成时限 names a start: read as a checkpoint, not as the deadline",
        "check: 登记表.csv: row 2, column 项目名称: “新建公厕”: a target with no date: due at the deadline, 2024-12-31; "
        "if it falls due later, write that date as the task's `deadline`; steps before it are milestones",
        "check: 登记表.csv: row 4, column 项目名称: a row without 序号 read as part of task 2; it may be a task of its own",
        "check: 登记表.csv: row 5, column 季度进度安排: “新建成”: figures read as amounts per period and summed; "
        "they may be running totals",
        "check: 登记表.csv: row 6, column 项目名称: “建设口袋公园”: a target with no date: due at the deadline, 2024-12-31; "
        "if it falls due later, write that date as the task's `deadline`; steps before it are milestones",
    ]
    assert result.stderr.rstrip().splitlines()[-1] == checks[-1]  # after the summary, for the reviewer
    text = out.read_text(encoding="utf-8")
    commented = [line for line in text.splitlines() if "# check: " in line]
    assert [line.split("  # check: ")[0].strip() for line in commented] == [
        'deadline_text = "6月底前开工"', 'name = "新建公厕"',
        "lead_units = [", 'name = "新建成"',
        'name = "建设口袋公园"']
    assert commented[2].endswith("# check: a row without 序号 read as part of task 2; it may be a task of its own")
    plan = tomllib.loads(text)  # the comments keep the file a plan
    assert plan["tasks"][1]["lines"][1]["lead_units"] == ["县卫健局"]
    assert [m["target"] for m in plan["tasks"][2]["lines"][0]["indicators"][0]["milestones"]] == [2, 4, 7]


def test_strict_refuses_a_table_with_doubts_and_writes_nothing(tmp_path):
    result, out = run_import(tmp_path, "--strict")
    assert result.exit_code == 2 and not out.exists()
    assert "--strict: 5 `# check:` doubts in the plan; nothing written" in result.stderr
    assert "row 4, column 项目名称: a row without 序号" in result.stderr and "Traceback" not in result.output


def test_strict_passes_a_table_without_doubts(tmp_path):
    source = write_table(tmp_path / "t.csv", [["序号", "项目名称", "完成时限", "牵头单位"], ["1", "新建公厕20座", "10月底前", "县城管局"]])
    result, _ = import_table(source, "--strict", out=tmp_path / "p.toml", env=None)
    assert result.exit_code == 0, result.output
    assert "# check" not in (tmp_path / "p.toml").read_text(encoding="utf-8")


# --- columns told apart by their cells ---------------------------------------------------------


def test_a_group_column_numbers_with_the_unit_in_the_title_and_progress_beside_them(tmp_path):
    result = convert(tmp_path, [
        ["工程名称", "序号", "项目内容", "项目内容", "目标任务", "牵头单位", "进度", "完成目标(%)"],
        ["就业促进工程", "1", "促进就业创业", "城镇新增就业(人)", "26000", "市人力资源\n社会保障局", "32095", "123.4"],
        ["就业促进工程", "2", "促进就业创业", "城镇登记失业率低于(%)", "4.3", "市人力资源\n社会保障局", "4.17", "103.1"],
        ["就业促进工程", "3*", "促进就业创业", "劳务品牌培训(人次)", "2425", "市人力资源\n社会保障局", "2425", "100"],
        ["教育提升工程", "4", "办好教育", "新增学位(个)", "1200", "市教体局", "800", "66.7"],
    ], year=2017)
    tasks = result.programme.tasks
    assert [(t.code, t.title, t.area) for t in tasks] == [
        ("1", "城镇新增就业(人)", "1"), ("2", "城镇登记失业率低于(%)", "1"), ("3", "劳务品牌培训(人次)", "1"), ("4", "新增学位(个)", "2")]
    assert [a.name for a in result.programme.areas] == ["就业促进工程", "教育提升工程"]
    assert [[(i.name, i.unit, i.comparator, i.target) for line in t.lines for i in line.indicators] for t in tasks] == [
        [("城镇新增就业", "人", "=", 26000)], [("城镇登记失业率", "%", "<=", 4.3)], [("劳务品牌培训", "人次", "=", 2425)],
        [("新增学位", "个", "=", 1200)]]  # 32095, 4.17, 123.4 … are progress
    assert tasks[0].lines[0].lead_units == ["市人力资源社会保障局"]  # one name broken over two lines of a narrow cell
    assert tasks[0].note == "主要内容：促进就业创业"


def test_a_column_whose_header_names_the_unit_is_a_target_of_its_own(tmp_path):
    result = convert(tmp_path, [
        ["序号", "项目名称", "建设时间", "建设内容", "总投资(万元)", "当年投资 (万元)", "责任单位"],
        ["1", "老旧小区改造", "2024", "改造老旧小区3个", "5000", "1360", "住建局"],
        ["2", "农村公路建设", "2024.01-2024.12", "新建农村公路20公里", "9000", "3000", "交通局"],
    ])
    one, two = result.programme.tasks
    assert (one.deadline, two.deadline) == (date(2024, 12, 31), date(2024, 12, 31))
    assert [(i.name, i.unit, i.target) for line in one.lines for i in line.indicators] == [
        ("改造老旧小区", "个", 3), ("当年投资", "元", 13600000)]  # the year's investment; the multi-year total is no target
    assert [(i.name, i.unit, i.target) for line in two.lines for i in line.indicators] == [
        ("新建农村公路", "公里", 20), ("当年投资", "元", 30000000)]


def test_an_unnamed_column_beside_the_task_and_a_note_column_of_offices(tmp_path):
    result = convert(tmp_path, [
        ["序号", "考核指标", "", "单位", "工作目标", "已完成数", "占比", "备注"],
        ["1", "增加公办学位", "新增公办学位", "个", "600", "600", "100%", "区教育局"],
        ["2", "特殊群体健康保障", "孕产妇免费产前筛查", "人次", "2800", "1564", "55.9%", "区卫健局"],
        ["", "", "新生儿先天性心脏病免费筛查", "人次", "2800", "1635", "58.4%", ""],
    ], year=2022)
    one, two = result.programme.tasks
    assert [t.code for t in result.programme.tasks] == ["1", "2"]
    assert one.lines[0].lead_units == ["区教育局"] and two.lines[0].lead_units == ["区卫健局"]
    assert [(i.name, i.unit, i.target) for line in two.lines for i in line.indicators] == [
        ("孕产妇免费产前筛查", "人次", 2800), ("新生儿先天性心脏病免费筛查", "人次", 2800)]


def test_a_target_column_that_disagrees_with_the_words_is_read_and_doubted(tmp_path):
    result = convert(tmp_path, [
        ["序号", "项目名称", "", "单位", "工作目标", "已完成数", "责任单位"],
        ["1", "户户通工程", "新增15万户直播卫星用户", "户", "12800", "7854", "县文旅局"],
    ], year=2019)
    [task] = result.programme.tasks
    assert [(i.unit, i.target) for line in task.lines for i in line.indicators] == [("户", 12800)]
    assert any("row 2" in d and "the target column says 12800" in d for d in result.doubts)


def test_a_sub_rows_figure_without_a_date_is_the_years_target(tmp_path):
    result = convert(tmp_path, [
        ["序号", "工作任务", "责任单位", "一季度目标"],
        ["1", "新改扩建公办中小学校1所", "教体局", "室内安装、装修及场外施工"],
        ["1", "新增学位810个", "教体局", "室内安装、装修及场外施工"],
    ], year=2023)
    [task] = result.programme.tasks
    assert [(i.target, [m.due for m in i.milestones]) for line in task.lines for i in line.indicators if i.target == 810] == [(810, [])]


# --- progress columns exported as progress ------------------------------------------------------

PROGRESS = [
    ["序号", "项目名称", "完成时限", "当前进度", "完成率", "牵头单位"],
    ["1", "新建公厕20座", "10月底前", "已完成12座，占60%", "60%", "县城管局"],
    ["2", "培训农民工1200人", "11月底前", "800", "66.7%", "县人社局"],
    ["3", "建设口袋公园", "12月底前", "按序时推进", "", "县城管局"],
]


def test_progress_as_of_writes_the_progress_columns_as_a_sheet_import_progress_loads(tmp_path):
    import json

    from typer.testing import CliRunner

    from mstrack.cli import app

    runner = CliRunner(env={"MSTRACK_LANG": "en"})
    db = tmp_path / "t.db"
    result, plan = import_table(write_table(tmp_path / "进度表.csv", PROGRESS), "--progress-as-of", "2024-06-30")
    assert result.exit_code == 0, result.output
    sheet = tmp_path / "plan.progress.csv"
    assert "2 reported values as of 2024-06-30" in result.stderr
    assert sheet.read_text(encoding="utf-8").splitlines() == [
        "计划,任务编号,指标,截至日期,数值,备注", "x-2024,1,新建公厕,2024-06-30,12,已完成12座，占60%",
        "x-2024,2,培训农民工,2024-06-30,800,"]  # a bare figure: no note (the row has no 备注)
    assert runner.invoke(app, ["--db", str(db), "import", "plan", str(plan)]).exit_code == 0
    loaded = runner.invoke(app, ["--db", str(db), "import", "progress", str(sheet)])
    assert loaded.exit_code == 0, loaded.output
    shown = json.loads(runner.invoke(app, ["--db", str(db), "show", "x-2024/1", "--format", "json"]).stdout)
    [indicator] = shown["indicators"]
    assert [(r["as_of"], r["value"]) for r in indicator["reports"]] == [("2024-06-30", 12)]
    assert all(i["target"] != 12 for i in shown["indicators"])  # progress is no target


@pytest.mark.parametrize(("value", "words"), [("2024-02-30", "does not exist"), ("soon", "has no year")])
def test_a_bad_progress_date_is_refused_before_anything_is_written(tmp_path, value, words):
    result, plan = import_table(write_table(tmp_path / "t.csv", PROGRESS), "--progress-as-of", value)
    assert result.exit_code == 2 and "--progress-as-of" in result.stderr and words in result.stderr
    assert not plan.exists() and not (tmp_path / "plan.progress.csv").exists()


def test_numbers_that_start_again_in_every_action_make_each_action_a_task(tmp_path):
    result = convert(tmp_path, [
        ["县区", "项目名称", "年度目标任务", "完成进度"],
        ["寿县", "一、就业促进行动\n(3项指标)", "*1.募集青年就业见习岗位325个", "完成330个"],
        ["寿县", "一、就业促进行动\n(3项指标)", "2.开发公益性岗位540个", "完成838个"],
        ["寿县", "一、就业促进行动\n(3项指标)", "3.90%的街道建成零工市场", "已完成"],
        ["寿县", "二、健康口腔行动(2项指标)", "*1.牙椅总数较2022年增加5%", "完成2台"],
        ["寿县", "二、健康口腔行动(2项指标)", "2.服务人口超过2万的乡镇卫生院配备口腔医师", "已完成"],
    ], year=2023)
    one, two = result.programme.tasks
    assert [(t.code, t.title) for t in result.programme.tasks] == [("一", "就业促进行动"), ("二", "健康口腔行动")]
    assert one.lines[0].lead_units == ["寿县"] and len(one.lines) == 3
    assert [(i.unit, i.target) for line in one.lines for i in line.indicators] == [("个", 325), ("个", 540), ("%", 90)]
    assert [(i.unit, i.target) for line in two.lines for i in line.indicators] == [("%", 5)]  # 2万 picks which, no target
    assert result.programme.areas == []


def test_numbers_that_start_again_inside_one_area_are_tasks_of_their_own(tmp_path):
    result = convert(tmp_path, [
        ["类别", "项目名称", "完成时限"],
        ["一、教育", "1.新建幼儿园3所", "9月底前"], ["一、教育", "1.改造校舍5所", "10月底前"],
    ], year=2023)
    assert [(t.code, t.title, t.area) for t in result.programme.tasks] == [("1", "新建幼儿园3所", "一"), ("2", "改造校舍5所", "一")]


def test_a_group_number_and_a_project_number_make_the_task_code(tmp_path):
    result = convert(tmp_path, [
        ["序号", "牵头单位", "项目数量", "项目名称", "项目名称", "业主单位"],
        ["一", "区住建局", "区政府民生实事项目(1个)", "(一)打通断头路(6条路)", "1.文化中心北路", "区城投"],
        ["一", "区住建局", "区政府民生实事项目(1个)", "(一)打通断头路(6条路)", "2.乐业路", "区城管局"],
        ["二", "区城管局", "区政府民生实事项目(2个)", "(一)燃气安全改造项目", "(一)燃气安全改造项目", "区城管局"],
        ["二", "区城管局", "区政府民生实事项目(2个)", "(二)井盖整治项目", "(二)井盖整治项目", "区水投"],
    ])
    tasks = result.programme.tasks
    assert [(t.code, t.title) for t in tasks] == [
        ("一(一)", "打通断头路(6条路)"), ("二(一)", "燃气安全改造项目"), ("二(二)", "井盖整治项目")]
    assert [line.units for line in tasks[0].lines] == [["区城投"], ["区城管局"]]
    assert [(c.text) for line in tasks[0].lines for c in line.checkpoints] == []  # no date printed: none invented
    assert [(i.unit, i.target) for line in tasks[0].lines for i in line.indicators] == [("条", 6)]
    assert tasks[1].note is None  # the content cell merged with the title is not read twice


@pytest.mark.parametrize(("cell", "units"), [
    ("市人力资源\n社会保障局", ["市人力资源社会保障局"]), ("中国电信\n中国移动", ["中国电信", "中国移动"]),
    ("市民政局\n各区政府", ["市民政局", "各区政府"]),
])
def test_a_name_broken_over_two_lines_is_joined_and_two_names_stay_two(tmp_path, cell, units):
    result = convert(tmp_path, [["序号", "项目名称", "完成时限", "责任单位"], ["1", "新建公厕20座", "10月底前", cell]])
    line = result.programme.tasks[0].lines[0]
    assert (line.lead_units, line.units) == (units[:1], units)  # without a lead column, the first unit leads


# --- held-out structures (issue 13: what the held-out tables showed) -------------------------------


def test_a_number_title_and_content_header_is_enough_over_numbered_rows(tmp_path):
    rows = [["乡镇民生项目清单"], ["序号", "类别", "项目名称", "具体内容及规模"],
            ["1", "教育", "中心小学操场改造", "改造塑胶跑道2条,建设工程量为1200平方硬化"],
            ["2", "", "村道亮化工程", "安装路灯80盏"],
            ["3", "", "社区食堂建设", "新建社区食堂"]]
    result = convert(tmp_path, rows)
    assert [(t.code, t.title) for t in result.programme.tasks] == [
        ("1", "中心小学操场改造"), ("2", "村道亮化工程"), ("3", "社区食堂建设")]
    assert {(u, v) for _, u, v, _ in indicators(result.programme.tasks[0])} == {("条", 2), ("平方", 1200)}
    assert [(u, v) for _, u, v, _ in indicators(result.programme.tasks[1])] == [("盏", 80)]


def test_a_number_title_and_content_header_over_prose_is_no_header(tmp_path):
    rows = [["序号", "项目名称", "具体内容"], ["各单位要按照项目名称和具体内容抓好落实", "", ""], ["特此通知", "", ""]]
    with pytest.raises(InputError, match="no header row found"):
        convert(tmp_path, rows)


@pytest.mark.parametrize("merged", [True, False], ids=["group-in-every-cell", "group-then-blanks"])
def test_a_two_row_header_reads_each_column_by_its_sub_header(tmp_path, merged):
    plan, done = "2024年工作计划", "执行情况(1-6月)"
    rows = [["序号", "项目名称", "建设内容", plan, plan if merged else "", done, done if merged else "", "责任单位"],
            ["", "", "", "投资", "主要形象进度", "完成投资", "%", ""],
            ["1", "社区公园建设", "新建社区公园3个", "500", "主体完工", "200", "40", "县住建局"],
            ["2", "农贸市场改造", "改造农贸市场2个，总投资600万元", "600", "完成改造", "300", "50", "县商务局"]]
    if merged:  # the cells merged down over both header rows read as their value in the second row too
        rows[1] = [cell or rows[0][i] for i, cell in enumerate(rows[1])]
    first, second = convert(tmp_path, rows).programme.tasks
    # the plan group's figure is a target named by both headers; the 完成投资 and % columns are progress, never targets
    assert {(u, v) for _, u, v, _ in indicators(first)} == {("个", 3), ("", 500)}
    assert first.text.progress is not None and "200" in first.text.progress
    # a figure the content prints with its unit (600万元) is that one target, not a second one without a unit
    assert {(u, v) for _, u, v, _ in indicators(second)} == {("个", 2), ("元", 6_000_000)}
    # the plan's 形象进度 is the plan's checkpoint at the end of the year its group names
    assert [(c.due, c.text) for line in first.lines for c in line.checkpoints] == [(date(2024, 12, 31), "主体完工")]


def test_a_figure_with_its_share_of_the_year_is_a_checkpoint_of_that_target_whatever_its_words(tmp_path):
    rows = [["序号", "项目内容", "本月工作计划", "牵头单位"],
            ["1", "开展适龄妇女两癌免费检查，全年检查育龄妇女6000人。", "5月:完成宫颈癌初筛人数1500人(25%)。", "县妇联"],
            ["2", "新建村级文化礼堂12家。", "5月:完成礼堂选址。", "县文旅局"]]
    first, second = convert(tmp_path, rows).programme.tasks
    # 1500 is 25% of 6000: the May checkpoint of the year's 6000, not an indicator of its own
    assert indicators(first) == [(indicators(first)[0][0], "人", 6000, [(date(2024, 5, 31), 1500)])]
    # the month of a plan for the month is a checkpoint, never the task's deadline
    assert (first.deadline, second.deadline) == (None, None)
    assert [c.due for line in second.lines for c in line.checkpoints] == [date(2024, 5, 31)]


def test_a_share_that_does_not_fit_the_year_target_ties_nothing(tmp_path):
    rows = [["序号", "项目内容", "本月工作计划", "牵头单位"],
            ["1", "全年检查育龄妇女6000人。", "5月:完成宫颈癌初筛人数900人(25%)。", "县妇联"]]
    [task] = convert(tmp_path, rows).programme.tasks
    assert sorted((u, v) for _, u, v, _ in indicators(task)) == [("人", 900), ("人", 6000)]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("新建一座人行天桥", 1, "座"), ("改造三所乡镇卫生院", 3, "所"), ("新建两座公厕", 2, "座"), ("建成十二个村级驿站", 12, "个"),
])
def test_a_count_in_chinese_numerals_before_a_measure_word_is_a_number(text, value, unit):
    [mention] = find_mentions(text)
    assert (mention.value, mention.unit) == (value, unit)


@pytest.mark.parametrize("text", ["推行一站式服务", "提供一条龙服务", "第一个示范点", "一个月内办结", "营造一个安全的出行环境",
                                  "疏浚河道5公里(涉及东风、红旗等4个村)", "新建公园(分布于城东、城西等3个社区)"])
def test_set_phrases_articles_and_brackets_that_say_where_are_no_counts(text):
    assert [(m.value, m.unit) for m in find_mentions(text)] == ([(5, "公里")] if "公里" in text else [])


def test_a_next_step_column_is_no_schedule(tmp_path):
    rows = [["序号", "实事项目", "年度目标", "下一步工作措施", "牵头部门"],
            ["1", "安置房建设", "建设安置房200套", "10月底前启动招标。", "镇建设办"]]
    [task] = convert(tmp_path, rows).programme.tasks
    assert [c for line in task.lines for c in line.checkpoints] == [] and task.deadline is None
    assert "启动招标" in (task.note or "")


def test_a_year_range_is_due_at_the_end_of_the_later_year_and_a_dated_completion_in_the_content_is_a_checkpoint(tmp_path):
    rows = [["序号", "项目名称", "建设内容", "建设起止年限", "责任单位"],
            ["1", "农村饮水提升工程", "新建供水站3座,铺设管网20公里,在2024年9月份前完成铺设,年底前全部通水", "2024-2025", "县水利局"],
            ["2", "县医院门诊楼改造", "改造门诊楼1幢", "2023—2024年", "县卫健局"]]
    first, second = convert(tmp_path, rows).programme.tasks
    assert (first.deadline, second.deadline) == (date(2025, 12, 31), date(2024, 12, 31))
    # "在…9月份前完成铺设": before September, and the figure the verb names (铺设管网20公里) is due by then
    assert [c.due for line in first.lines for c in line.checkpoints] == [date(2024, 8, 31)]
    by_unit = {u: ms for _, u, _, ms in indicators(first)}
    assert by_unit["公里"][0] == (date(2024, 8, 31), 20) and all(due != date(2024, 8, 31) for due, _ in by_unit["座"])
