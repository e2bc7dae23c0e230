"""Issue 13, read27: the seventeenth held-out set's half b, each rule on a small synthetic document: a table whose one
text column is headed 单位 over the places or offices it assigns figures to reads each row's name as the task and its
lead, the population it starts from and a quota of 0 no target, two target columns with the same figure each their
own; a measure word broken over a line inside a cell ("4个" / "百分点") is one unit; a completion month inside the
target's words ("预计2024年5月完工") is the deadline where no column prints one."""

from __future__ import annotations

from .conftest import convert_written, targets_of, write_page, write_table_page

# --- 1. a 单位 column of the units a quota is set for --------------------------------------------------------------

QUOTAS = [["序号", "单位", "老年人口数(人)", "新增床位数(张)", "日间服务中心(家)", "助餐服务点(个)"],
          ["1", "东城功能区", "90000", "500", "3", "3"],
          ["2", "西城功能区", "70000", "300", "2", "4"],
          ["3", "南城功能区", "30000", "0", "1", "2"],
          ["合计", None, "190000", "800", "6", "9"]]


def test_a_unit_column_over_the_rows_names_is_each_rows_task_and_lead(tmp_path):
    """单位 is the only text column: its names are the tasks, and each is its own task's lead."""
    tasks = convert_written(tmp_path, "quotas.xlsx", QUOTAS, 2008).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("1", "东城功能区"), ("2", "西城功能区"), ("3", "南城功能区")]
    assert [t.lines[0].lead_units for t in tasks] == [["东城功能区"], ["西城功能区"], ["南城功能区"]]
    assert [t.lines[0].units for t in tasks] == [[], [], []]


def test_offices_under_a_unit_column_are_tasks_and_leads_too(tmp_path):
    rows = [["序号", "单位", "新增公益岗位(个)"], ["1", "区人社局", "30"], ["2", "区民政局", "20"], ["3", "区卫健委", "10"]]
    tasks = convert_written(tmp_path, "offices.xlsx", rows, 2024).programme.tasks
    assert [(t.title, t.lines[0].lead_units, targets_of(t)) for t in tasks] == [
        ("区人社局", ["区人社局"], [(30, "个")]), ("区民政局", ["区民政局"], [(20, "个")]), ("区卫健委", ["区卫健委"], [(10, "个")])]


def test_the_population_a_plan_starts_from_and_a_quota_of_0_are_no_targets(tmp_path):
    """老年人口数 is the state before the plan; 0 beds is no quota; 3 家 and 3 个 side by side are two targets."""
    rows = [["序号", "项目名称", "老年人口数(人)", "新增床位数(张)", "日间服务中心(家)", "助餐服务点(个)", "责任单位"],
            ["1", "东城养老服务", "90000", "500", "3", "3", "东城街道"],
            ["2", "西城养老服务", "70000", "300", "2", "4", "西城街道"],
            ["3", "南城养老服务", "30000", "0", "1", "2", "南城街道"]]
    tasks = {t.code: t for t in convert_written(tmp_path, "beds.xlsx", rows, 2008).programme.tasks}
    assert targets_of(tasks["1"]) == [(3, "个"), (3, "家"), (500, "张")]
    assert targets_of(tasks["3"]) == [(1, "家"), (2, "个")]
    tasks = {t.code: t for t in convert_written(tmp_path, "quotas.xlsx", QUOTAS, 2008).programme.tasks}
    assert targets_of(tasks["1"]) == [(3, "个"), (3, "家"), (500, "张")]  # and so under a 单位 column


def test_a_unit_column_beside_a_task_column_stays_the_units(tmp_path):
    """Where a column holds the items, 单位 names who does them, as before."""
    rows = [["序号", "项目名称", "单位", "数量(个)"], ["1", "新建养老服务站", "区民政局", "3"],
            ["2", "新建社区食堂", "区商务委", "5"], ["3", "改造老旧小区", "区住建委", "4"]]
    tasks = convert_written(tmp_path, "items.xlsx", rows, 2024).programme.tasks
    assert [(t.title, t.lines[0].lead_units) for t in tasks] == [
        ("新建养老服务站", ["区民政局"]), ("新建社区食堂", ["区商务委"]), ("改造老旧小区", ["区住建委"])]


# --- 2. a unit of measure broken over two lines of a cell ------------------------------------------------------------

def test_a_unit_broken_over_a_line_after_its_number_is_one_unit(tmp_path):
    """"提升4个<br>百分点" is 4 个百分点, not 4 个; "5平方<br>公里" is 5 平方公里; a word on the next line stays a word."""
    rows = ["<td>序号</td><td>指标名称</td><td>年度目标</td><td>责任部门</td>",
            "<td>1</td><td>重点产业税收比重</td><td>提升4个<br>百分点</td><td>区科委</td>",
            "<td>2</td><td>新增绿地面积</td><td>5平方<br>公里</td><td>区绿化局</td>",
            "<td>3</td><td>新建社区服务站</td><td>建成6个<br>站点</td><td>区民政局</td>"]
    path = write_table_page(tmp_path / "targets.html", rows)
    from mstrack.sources.table import convert_table

    tasks = {t.code: t for t in convert_table(path, "x-2021", 2021).programme.tasks}
    assert targets_of(tasks["1"]) == [(4, "个百分点")]
    assert targets_of(tasks["2"]) == [(5, "平方公里")]
    assert targets_of(tasks["3"]) == [(6, "个")]


# --- 3. a completion month inside the target's words -----------------------------------------------------------------

def test_a_completion_month_in_the_targets_words_is_the_deadline_where_no_column_prints_one(tmp_path):
    """"预计2024年5月完工" and "…，9月底前完成。" date the whole work; "6月底前完成招标" is a step, and a month of
    another year is no deadline of this programme."""
    rows = [["序号", "事项名称", "任务目标", "进展情况", "责任单位"],
            ["1", "粮食仓库扩建", "项目位于城北,预计2024年5月完工,可新增1.6万吨储备粮。", "6月底工程预验收", "发改局"],
            ["2", "新建公厕", "新建公厕10座，9月底前完成。", "已开工", "城管局"],
            ["3", "新建学校", "新建学校1所，6月底前完成招标。", "已立项", "教育局"],
            ["4", "新建医院", "新建医院1所，预计2025年5月完工。", "在建", "卫健局"]]
    tasks = {t.code: t for t in convert_written(tmp_path, "months.xlsx", rows, 2024).programme.tasks}
    assert [str(tasks[code].deadline) for code in "1234"] == ["2024-05-31", "2024-09-30", "None", "None"]
    assert targets_of(tasks["1"]) == [(16000, "吨")]


def test_a_deadline_column_wins_over_a_month_in_the_words(tmp_path):
    rows = [["序号", "事项名称", "任务目标", "完成时限", "责任单位"],
            ["1", "粮食仓库扩建", "项目位于城北,预计2024年5月完工,可新增1.6万吨储备粮。", "2024年10月", "发改局"],
            ["2", "新建公厕", "新建公厕10座。", "2024年12月", "城管局"]]
    tasks = {t.code: t for t in convert_written(tmp_path, "column.xlsx", rows, 2024).programme.tasks}
    assert str(tasks["1"].deadline) == "2024-10-31"


# --- 4. a list whose numbers stand on lines of their own ---------------------------------------------------------------

def _lone_numbers(numbers: list[str]) -> list[str]:
    items = ["新建公办学校3所，新增学位5000个；", "新建社区公园10个；", "推进保障性住房建设；"]
    return ["某区2024年民生实事项目出炉", "区人大代表票决产生了3项民生实事，具体如下：",
            *(line for number, item in zip(numbers, items, strict=True) for line in (number, item)),
            "票决后，区政府将加强各项保障，确保圆满完成。"]


def test_numbers_on_lines_of_their_own_number_the_items_below_them(tmp_path):
    """"01" / "1" / "1." alone on a line above its item's words is that item's number, the leading zero kept."""
    from mstrack.sources.table import convert_table

    for numbers in (["01", "02", "03"], ["1", "2", "3"], ["1.", "2.", "3."]):
        path = write_page(tmp_path / "list.html", _lone_numbers(numbers))
        tasks = convert_table(path, "x-2024", 2024).programme.tasks
        assert [(t.code, t.title) for t in tasks] == [
            (numbers[0].rstrip("."), "新建公办学校3所，新增学位5000个；"), (numbers[1].rstrip("."), "新建社区公园10个；"),
            (numbers[2].rstrip("."), "推进保障性住房建设；")]
        assert targets_of(tasks[0]) == [(3, "所"), (5000, "个")]


def test_lone_numbers_that_do_not_run_on_stay_lines(tmp_path):
    """Two lone numbers, or numbers that do not run on (1, 3, 7), join nothing."""
    from mstrack.sources.table.list_lines import numbers_on_their_lines
    from mstrack.sources.table.reading import Row, Sheet

    def sheet(lines):
        return Sheet(path=tmp_path / "x.html", rows=[Row(n, [line]) for n, line in enumerate(lines, 1)], paragraphs=True)

    for numbers in (["1", "3", "7"], ["01", "02"]):
        lines = [line for k, number in enumerate(numbers) for line in (number, f"新建社区公园{k + 1}个")]
        assert [r.cells for r in numbers_on_their_lines(sheet(lines)).rows] == [[line] for line in lines]
    lines = ["1", "新建社区公园", "2", "新建学校", "3", "新建医院"]
    assert [r.cells for r in numbers_on_their_lines(sheet(lines)).rows] == [["1、新建社区公园"], ["2、新建学校"], ["3、新建医院"]]
