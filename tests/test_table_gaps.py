"""Structures of published tables the reader stopped on or misread after the fifth held-out set (issue #13, "Known
gaps closed" in docs/history/import-table.md), one small hand-made table each: next month's plan dated by the report's month in
the title above the table; two tasks numbered in one row; a deadline written once over rows that name their own units.
"""

from datetime import date

from mstrack.sources.plan_dump import dump_plan
from mstrack.sources.table import convert_table
from tests.conftest import convert_written, write_table_page
from tests.test_table_layouts import indicators, page


def checkpoints(task) -> list[tuple]:
    return [(cp.due, cp.text) for line in task.lines for cp in line.checkpoints]


def titled_page(path, title: str, rows: list[str]):
    """A saved web page: a heading, then one table."""
    return write_table_page(path, rows, title)


NEXT_MONTH_ROWS = [
    "<td>序号</td><td>项目内容</td><td>本月进展</td><td>下月计划</td><td>责任单位</td>",
    "<td>1</td><td>新改建绿道60公里</td><td>已开工</td><td>计划完成4公里。</td><td>城建局</td>",
    "<td>2</td><td>城区道路拓建改造</td><td>方案设计</td><td>完成招标,进场施工。</td><td>城建局</td>",
]


def test_next_months_plan_is_due_at_the_end_of_the_month_after_the_reports_month_in_the_title(tmp_path):
    """下月计划 in a report whose heading names 2024年7月: each cell is the row's checkpoint at 08-31, its figure a
    checkpoint of the item's indicator (never one of its own), and never the task's deadline."""
    path = titled_page(tmp_path / "表.html", "某区2024年7月民生实事推进情况表", NEXT_MONTH_ROWS)
    conversion = convert_table(path, "x-2024", 2024)
    tasks = conversion.programme.tasks
    assert [[(i[1], i[2], i[3]) for i in indicators(t)] for t in tasks] == [[("公里", 60, [(date(2024, 8, 31), 4)])], []]
    assert [checkpoints(t) for t in tasks] == [[(date(2024, 8, 31), "计划完成4公里。")],
                                               [(date(2024, 8, 31), "完成招标,进场施工。")]]
    assert [t.deadline for t in tasks] == [None, None]
    assert conversion.doubts == []


def test_a_december_reports_next_month_is_january_of_the_next_year_in_a_word_document(tmp_path):
    """The title is a paragraph above a Word table; "2024年1-12月" names December, so 下月計劃 is due 2025-01-31."""
    import docx

    document = docx.Document()
    document.add_paragraph("某县2024年1-12月民生实事进展情况")
    rows = [["序號", "項目內容", "下月計劃", "責任單位"], ["1", "新建公園3個", "完成驗收。", "城管局"]]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    path = tmp_path / "表.docx"
    document.save(str(path))
    [task] = convert_table(path, "x-2024", 2024).programme.tasks
    assert checkpoints(task) == [(date(2025, 1, 31), "完成驗收。")]


def test_a_sheets_title_row_above_the_header_dates_next_months_plan(tmp_path):
    [task] = convert_written(tmp_path, "表.tsv", "2023年3月份民生实事进度表\n序号\t项目内容\t下步计划\t牵头单位\n"
                                                "1\t新建公园3个\t完成选址。\t区城管局\n", 2023).programme.tasks
    assert checkpoints(task) == [(date(2023, 4, 30), "完成选址。")]


def test_next_months_plan_with_no_month_in_the_title_is_a_doubt_not_a_guess(tmp_path):
    """No year and month above the table: no month is guessed for 下月计划; each of its cells is a `# check:` doubt."""
    path = titled_page(tmp_path / "表.html", "某区民生实事推进情况表", NEXT_MONTH_ROWS)
    conversion = convert_table(path, "x-2024", 2024)
    dues = {cp.due for t in conversion.programme.tasks for cp in (c for line in t.lines for c in line.checkpoints)}
    assert not any(due.month == 8 for due in dues)
    assert [str(d) for d in conversion.doubts if "plans the month" in str(d)] == [
        f"表.html: row {row}, column 下月计划: 下月计划 plans the month after the report's, and no title above the table "
        "names that month: read with no date of its own" for row in (2, 3)]
    toml = dump_plan(conversion.programme, conversion.comments)
    assert toml.count("# check: 下月计划 plans the month after the report's") == 2


def test_a_months_plan_sets_checkpoints_of_the_years_targets_and_no_target_of_its_own(tmp_path):
    """8月份目标: a figure whose words match no target but whose unit is the one target's ("完成安装1000户" under
    1万户) is that target's checkpoint; a share the year's targets do not count ("形象进度20%") stays in the words."""
    path = page(tmp_path / "表.html", [
        "<td>序号</td><td>项目内容</td><td>牵头单位</td><td>8月份目标</td><td>进展情况</td>",
        "<td>1</td><td>完成燃气改造1万户</td><td>区建管委</td><td>完成安装1000户。</td><td>已招标</td>",
        "<td>2</td><td>改造小泵站12座</td><td>区水务局</td><td>完成项目形象进度20%。</td><td>10%</td>",
    ])
    tasks = convert_table(path, "x-2022", 2022).programme.tasks
    assert [[(i[1], i[2], i[3]) for i in indicators(t)] for t in tasks] == [
        [("户", 10000, [(date(2022, 8, 31), 1000)])], [("座", 12, [])]]
    assert checkpoints(tasks[1]) == [(date(2022, 8, 31), "完成项目形象进度20%。")]


def test_two_tasks_numbered_in_one_row_are_read_as_two_when_their_words_split(tmp_path):
    """序号 "1、2" over "新建公园3个；改造公园2个" with their sum (5) in the target column: two tasks, each with its
    number, its own words' figure and the row's unit and deadline; the next row is read as before."""
    conversion = convert_written(tmp_path, "表.tsv", "序号\t工作任务\t单位\t目标任务\t牵头单位\t完成时限\n"
                                                    "1、2\t新建公园3个；改造公园2个\t个\t5\t区城管局\t11月底前\n"
                                                    "3\t新增床位100张\t张\t100\t区民政局\t10月底前\n")
    tasks = conversion.programme.tasks
    assert [(t.code, t.title, t.lines[0].lead_units, t.deadline) for t in tasks] == [
        ("1", "新建公园3个", ["区城管局"], date(2024, 11, 30)), ("2", "改造公园2个", ["区城管局"], date(2024, 11, 30)),
        ("3", "新增床位100张", ["区民政局"], date(2024, 10, 31))]
    assert [[(i[1], i[2]) for i in indicators(t)] for t in tasks] == [[("个", 3)], [("个", 2)], [("张", 100)]]


def test_two_tasks_numbered_in_one_row_whose_words_do_not_split_are_one_task_and_a_doubt(tmp_path):
    conversion = convert_written(tmp_path, "表.tsv", "序号\t工作任务\t牵头单位\t完成时限\n1、2\t新建和改造公园5个\t区城管局\t11月底前\n"
                                                    "3\t新增床位100张\t区民政局\t10月底前\n")
    assert [(t.code, t.title) for t in conversion.programme.tasks] == [("1", "新建和改造公园5个"), ("3", "新增床位100张")]
    assert [str(d) for d in conversion.doubts if "序号" in str(d)] == [
        "表.tsv: row 2, column 序号: 序号 1、2 numbers 2 tasks in one row whose words do not split into 2: read as one task"]
    assert "# check: 序号 1、2 numbers 2 tasks" in dump_plan(conversion.programme, conversion.comments)


def test_a_deadline_written_once_over_an_areas_tasks_is_carried_down_though_each_names_its_unit(tmp_path):
    """A .tsv export of a 领域 and a 完成时限 merged over their tasks writes both once: the blank deadline of a task in
    the same area takes the one above, each task keeping its own unit, and the note says so; a new area starts again."""
    tasks = convert_written(tmp_path, "表.tsv",
                            "序号\t领域\t工作任务\t牵头单位\t完成时限\n1\t养老服务\t新增老年食堂15个\t区民政局\t11月底前\n"
                            "2\t\t新增照护床位100张\t区卫健委\t\n3\t\t建成老年活动中心2个\t区文旅局\t\n"
                            "4\t教育发展\t新建学校2所\t区教育局\t9月底前\n5\t\t新增学位3000个\t区住建局\t\n").programme.tasks
    assert [(t.code, t.lines[0].lead_units, t.deadline) for t in tasks] == [
        ("1", ["区民政局"], date(2024, 11, 30)), ("2", ["区卫健委"], date(2024, 11, 30)), ("3", ["区文旅局"], date(2024, 11, 30)),
        ("4", ["区教育局"], date(2024, 9, 30)), ("5", ["区住建局"], date(2024, 9, 30))]
    assert ["完成时限单元格为空" in (t.note or "") for t in tasks] == [False, True, True, False, True]


def test_a_blank_deadline_on_an_areas_first_task_says_blanks_mean_none(tmp_path):
    """The same layout where an area's first task has no deadline, nothing above it to be merged with: the column's
    blanks mean none, and none is carried."""
    tasks = convert_written(tmp_path, "表.tsv",
                            "序号\t领域\t工作任务\t牵头单位\t完成时限\n1\t养老服务\t新增老年食堂15个\t区民政局\t11月底前\n"
                            "2\t\t新增照护床位100张\t区卫健委\t\n3\t教育发展\t新建学校2所\t区教育局\t\n"
                            "4\t\t新增学位3000个\t区住建局\t9月底前\n").programme.tasks
    assert [t.deadline for t in tasks] == [date(2024, 11, 30), None, None, date(2024, 9, 30)]


def test_this_months_plan_is_due_at_the_end_of_the_reports_month(tmp_path):
    """本月计划 in a report titled 2024年7月: the cells are July's checkpoints; a cell naming its own month keeps it."""
    path = titled_page(tmp_path / "表.html", "某区2024年7月民生实事推进情况表", [
        "<td>序号</td><td>项目内容</td><td>本月计划</td><td>责任单位</td>",
        "<td>1</td><td>新建公园3个</td><td>完成验收。</td><td>城管局</td>",
        "<td>2</td><td>新建学校2所</td><td>6月:完成主体。</td><td>教育局</td>",
    ])
    tasks = convert_table(path, "x-2024", 2024).programme.tasks
    assert [checkpoints(t)[0][0] for t in tasks] == [date(2024, 7, 31), date(2024, 6, 30)]


def test_a_blank_deadline_in_a_workbook_is_blank_as_its_merges_are_read(tmp_path):
    """In a workbook a merged cell gives its value to every cell it covers: a blank deadline there is no merge."""
    tasks = convert_written(tmp_path, "表.xlsx", [
        ["序号", "领域", "工作任务", "牵头单位", "完成时限"], ["1", "养老服务", "新增老年食堂15个", "区民政局", "11月底前"],
        ["2", "养老服务", "新增照护床位100张", "区卫健委", None]]).programme.tasks
    assert [t.deadline for t in tasks] == [date(2024, 11, 30), None]
