"""More layouts of tables the reader had not seen (issue #13, the fourth held-out set's structures in general form), one
small web-page table each: a table with no date, unit or schedule column; a theme merged over unnumbered tasks; offices
(科室, 处室) as units; a unit's head named in the unit cell; a deadline merged over blank cells; a standard raised "from
A to B"; quarterly progress columns; a yearly investment due at a completion date in the following year.
"""


from datetime import date

from mstrack.sources.table import convert_table
from tests.conftest import convert_written, write_table
from tests.test_table_layouts import indicators, page, page_tasks


def figures(tasks) -> list[list[tuple]]:
    """(unit, target) of each indicator, task by task."""
    return [[(unit, target) for _, unit, target, _ in indicators(task)] for task in tasks]


def test_a_table_with_no_date_unit_or_schedule_column_is_read_by_its_numbered_items(tmp_path):
    """序号 / 项目分类 / 实事内容 / 完成情况: no column anchors the header but a 序号 over numbered rows with their words."""
    tasks = page_tasks(tmp_path / "表.html", [
        "<td>說明</td><td></td><td></td><td></td>",
        "<td>序號</td><td>項目分類</td><td>實事內容</td><td>完成情況</td>",
        '<td>1</td><td rowspan="2">醫療設施</td><td>新改擴建村衛生室5家。</td><td>已完成3家。</td>',
        "<td>2</td><td>為5000名老年人免費接種疫苗。</td><td>預計9月開展。</td>",
        "<td>3</td><td>出行條件</td><td>公交化改造農村班線10條。</td><td>已完成10條線路改造。</td>",
    ], year=2023)
    assert [(t.code, t.title) for t in tasks] == [("1", "新改擴建村衛生室5家。"), ("2", "為5000名老年人免費接種疫苗。"),
                                                  ("3", "公交化改造農村班線10條。")]
    assert figures(tasks) == [[("家", 5)], [("名", 5000)], [("條", 10)]]


def test_a_table_without_a_number_column_is_read_by_its_longest_words(tmp_path):
    """项目 / 内容 / 备注 with no 序号, date or unit column: the task column is the one holding each row's longest words."""
    tasks = page_tasks(tmp_path / "表.html", [
        "<td>项目</td><td>类别</td><td>备注</td>",
        "<td>新建城市公园3个,改造口袋公园</td><td>环境</td><td>市级</td>",
        "<td>改造农村公路35公里</td><td>交通</td><td></td>",
    ], year=2023)
    assert [(t.code, t.title) for t in tasks] == [("1", "新建城市公园3个,改造口袋公园"), ("2", "改造农村公路35公里")]
    assert figures(tasks) == [[("个", 3)], [("公里", 35)]]


def test_a_title_above_the_header_is_not_a_header(tmp_path):
    """A title line naming 项目 in one cell is not taken for the header row by its words alone."""
    path = page(tmp_path / "表.html", [
        "<td>2023年民生实事项目</td>",
        "<td>序号</td><td>实事项目</td><td>完成情况</td>",
        "<td>1</td><td>新建公园3个</td><td>已完成</td>",
        "<td>2</td><td>改造公路35公里</td><td>在建</td>",
    ])
    conversion = convert_table(path, "x-2023", 2023)
    assert [(t.code, t.title) for t in conversion.programme.tasks] == [("1", "新建公园3个"), ("2", "改造公路35公里")]
    assert conversion.programme.name == "2023年民生实事项目"


def test_a_theme_merged_over_unnumbered_tasks_is_their_area_and_each_row_a_task(tmp_path):
    """No 序号: 实事内容 "养老助残" merged over two 工作任务 rows is a theme; each row is a task, numbered in order, with
    its own units; a theme written once with blank cells below (as a sheet export writes it) is the same."""
    merged = page(tmp_path / "merged.html", [
        "<td>实事内容</td><td>工作任务</td><td>责任单位</td>",
        '<td rowspan="2">养老助残</td><td>创建20个无障碍社区。</td><td>区残联,相关镇街</td>',
        "<td>新增30家居家养老服务照料中心。</td><td>区民政局,相关镇街</td>",
        "<td>教育</td><td>新建幼儿园3所。</td><td>区教育局</td>",
    ])
    blank = write_table(tmp_path / "blank.tsv", "实事内容\t工作任务\t责任单位\n养老助残\t创建20个无障碍社区。\t区残联,相关镇街\n"
                                                "\t新增30家居家养老服务照料中心。\t区民政局,相关镇街\n教育\t新建幼儿园3所。\t区教育局\n")
    for path in (merged, blank):
        conversion = convert_table(path, "x-2020", 2020)
        tasks = conversion.programme.tasks
        assert [(t.code, t.title) for t in tasks] == [
            ("1", "创建20个无障碍社区。"), ("2", "新增30家居家养老服务照料中心。"), ("3", "新建幼儿园3所。")], path
        assert [[line.lead_units for line in t.lines] for t in tasks] == [[["区残联"]], [["区民政局"]], [["区教育局"]]]
        assert figures(tasks) == [[("个", 20)], [("家", 30)], [("所", 3)]]
        assert [a.name for a in conversion.programme.areas] == ["养老助残", "教育"]
        assert [t.area for t in tasks] == [conversion.programme.areas[0].code] * 2 + [conversion.programme.areas[1].code]


def test_quarterly_progress_columns_are_progress_not_a_schedule(tmp_path):
    """进展情况 over 一季度 … 四季度, results in words: no checkpoint and no indicator comes of them; quarters under
    进度安排 are still a schedule."""
    progress = page(tmp_path / "progress.html", [
        '<td rowspan="2">序号</td><td rowspan="2">工作任务</td><td rowspan="2">责任单位</td><td colspan="4">进展情况</td>',
        "<td>一季度</td><td>二季度</td><td>三季度</td><td>四季度</td>",
        "<td>1</td><td>创建20个无障碍社区。</td><td>区残联</td><td>完成第一批申报。</td><td>完成两批共40个社区的申报。</td>"
        "<td>14个社区通过验收。</td><td>成功创建38个无障碍社区。</td>",
    ])
    [task] = convert_table(progress, "x-2020", 2020).programme.tasks
    assert indicators(task) == [("创建无障碍社区", "个", 20, [])]
    assert [c.due for line in task.lines for c in line.checkpoints] == []
    planned = page(tmp_path / "planned.html", [
        '<td rowspan="2">序号</td><td rowspan="2">工作任务</td><td rowspan="2">责任单位</td><td colspan="2">进度安排</td>',
        "<td>二季度</td><td>四季度</td>",
        "<td>1</td><td>创建20个无障碍社区。</td><td>区残联</td><td>完成10个</td><td>完成20个</td>",
    ])
    [task] = convert_table(planned, "x-2020", 2020).programme.tasks
    assert indicators(task)[0][3] == [(date(2020, 6, 30), 10), (date(2020, 12, 31), 20)]


def test_offices_are_the_units_of_a_table_without_a_unit_column(tmp_path):
    """责任科室 (an office of a town) is the unit column; 牵头科室 / 配合科室 give the lead and the others; a 负责科室
    beside 牵头单位 is the lead unit's own section, no unit of the task."""
    offices = page(tmp_path / "offices.html", [
        "<td>序号</td><td>重点工作</td><td>责任<br>科室</td><td>工作任务安排<br>第二季度</td>",
        "<td>1</td><td>美丽城镇建设</td><td>乡村振兴办</td><td>推进项目建设。</td>",
    ])
    [task] = convert_table(offices, "x-2024", 2024).programme.tasks
    assert [line.lead_units for line in task.lines] == [["乡村振兴办"]]
    pair = page(tmp_path / "pair.html", [
        "<td>序号</td><td>工作任务</td><td>牵头科室</td><td>配合处室</td><td>完成时限</td>",
        "<td>1</td><td>新建公园3个</td><td>规划科</td><td>财务处、建设处</td><td>10月底前</td>",
    ])
    [task] = convert_table(pair, "x-2024", 2024).programme.tasks
    assert [(line.lead_units, line.units) for line in task.lines] == [(["规划科"], ["财务处", "建设处"])]
    section = page(tmp_path / "section.html", [
        "<td>序号</td><td>工作任务</td><td>牵头单位</td><td>负责科室</td><td>完成时限</td>",
        "<td>1</td><td>新增老年食堂15个</td><td>区民政局</td><td>养老服务科</td><td>11月底前</td>",
    ])
    [task] = convert_table(section, "x-2024", 2024).programme.tasks
    assert [(line.lead_units, line.units) for line in task.lines] == [(["区民政局"], [])]
    helping = page(tmp_path / "helping.html", [
        "<td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合科室</td><td>完成时限</td>",
        "<td>1</td><td>新增老年食堂15个</td><td>区民政局</td><td>社会事务科</td><td>11月底前</td>",
    ])
    [task] = convert_table(helping, "x-2024", 2024).programme.tasks
    assert [(line.lead_units, line.units) for line in task.lines] == [(["区民政局"], ["社会事务科"])]


def test_a_units_head_named_in_the_unit_cell_is_no_unit(tmp_path):
    """"市民政局<br>伍泽国" under 牵头单位及主要负责人, "县教育局 张三 局长": the person is not a second lead unit;
    two units on two lines, or listed with 、, stay two units."""
    tasks = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>工作任务</td><td>牵头单位及<br>主要负责人</td><td>配合单位</td>",
        "<td>1</td><td>提高低保标准</td><td>市民政局<br>伍泽国</td><td>市财政局</td>",
        "<td>2</td><td>新建学校3所</td><td>县教育局 张三 局长</td><td>县住建局<br>县自然资源局</td>",
    ], year=2020)
    assert [sorted({u for line in t.lines for u in line.lead_units}) for t in tasks] == [["市民政局"], ["县教育局"]]
    assert [sorted({u for line in t.lines for u in line.units} - {u for line in t.lines for u in line.lead_units})
            for t in tasks] == [["市财政局"], ["县住建局", "县自然资源局"]]
    plain = page(tmp_path / "plain.html", [
        "<td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td>",
        "<td>1</td><td>新建基站20个</td><td>中国电信<br>中国移动</td><td>县城管局、县林业局</td>",
    ])
    [task] = convert_table(plain, "x-2020", 2020).programme.tasks
    assert [u for line in task.lines for u in line.lead_units] == ["中国电信", "中国移动"]
    bracketed = page(tmp_path / "bracketed.html", [
        "<td>序号</td><td>工作任务</td><td>责任单位及责任人</td>",
        "<td>1</td><td>新建学校3所</td><td>县教育局（张三）</td>",
        "<td>2</td><td>改造道路5条</td><td>县住建局（局长：李四）、县交通局（牵头）</td>",
        "<td>3</td><td>新建公园2个</td><td>县住建局（城区）</td>",
        "<td>4</td><td>新建绿道3条</td><td>县林业局<br>王五 13800000000</td>",
    ])
    tasks = convert_table(bracketed, "x-2020", 2020).programme.tasks
    assert [[(line.lead_units, [u for u in line.units if u not in line.lead_units]) for line in t.lines] for t in tasks] == [
        [(["县教育局"], [])], [(["县交通局"], ["县住建局"])], [(["县住建局（城区）"], [])], [(["县林业局"], [])]]


def test_a_deadline_written_once_over_blank_cells_is_carried_down_with_the_unit(tmp_path):
    """A sheet export writes a merged cell once and leaves the cells below blank: the 完成时间 of the row above goes
    down with its 牵头单位 to the rows whose unit and date are both blank, and says so; a row that names its own
    unit keeps its blank date blank."""
    tasks = convert_written(tmp_path, "表.tsv", "序号\t工作任务\t牵头单位\t计划完成时间\n"
                                               "1\t新增老年食堂15个\t区民政局\t11月底前\n"
                                               "2\t新增照护床位100张\t\t10月底前\n"
                                               "3\t建成老年活动中心\t\t\n"
                                               "4\t新增护理型床位500张\t\t\n"
                                               "5\t新建公园3个\t区城管局\t\n").programme.tasks
    assert [(t.code, t.lines[0].lead_units, t.deadline) for t in tasks] == [
        ("1", ["区民政局"], date(2024, 11, 30)), ("2", ["区民政局"], date(2024, 10, 31)),
        ("3", ["区民政局"], date(2024, 10, 31)), ("4", ["区民政局"], date(2024, 10, 31)), ("5", ["区城管局"], None)]
    assert "完成时限单元格为空" in (tasks[2].note or "") and "完成时限单元格为空" not in (tasks[1].note or "")


def test_a_deadline_at_the_years_end_is_not_carried_since_a_blank_says_as_much(tmp_path):
    tasks = convert_written(tmp_path, "表.tsv",
                            "序号\t工作任务\t牵头单位\t计划完成时间\n1\t新增老年食堂15个\t区民政局\t2024.12\n"
                            "2\t新增照护床位100张\t\t\n3\t新建公园3个\t区城管局\t2025年6月\n4\t改造公园2个\t\t\n").programme.tasks
    assert [(t.deadline, "完成时限单元格为空" in (t.note or "")) for t in tasks] == [
        (date(2024, 12, 31), False), (None, False), (date(2025, 6, 30), False), (date(2025, 6, 30), True)]


def test_a_level_raised_from_a_to_b_sets_only_b(tmp_path):
    """"从每人每月574元、271元分别提高到每人每月609元、300元": the levels it starts from are no targets; "由3个增加到5个"
    likewise; a range of places "从城区到乡镇" with a figure after it keeps the figure."""
    tasks = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>工作任务</td><td>牵头单位</td>",
        "<td>1</td><td>将城镇、农村低保补差水平从每人每月574元、271元分别提高到每人每月609元、300元。</td><td>市民政局</td>",
        "<td>2</td><td>养老服务站由3个增加到5个</td><td>市民政局</td>",
        "<td>3</td><td>从城区到乡镇铺设管网30公里</td><td>市住建局</td>",
    ], year=2020)
    assert figures(tasks) == [[("元", 609), ("元", 300)], [("个", 5)], [("公里", 30)]]


def test_a_yearly_investment_is_due_by_the_years_end_when_the_work_ends_later(tmp_path):
    """年度投资(万元) or 计划投资 ("3000万元") beside a 完成时间 in the following year: the work's figures are due then,
    the year's investment by the programme year's end; a figure the words print too is read once; beside 计划投资
    a 总投资 column is the project's total, no target."""
    first, second = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目名称</td><td>建设内容</td><td>年度投资(万元)</td><td>完成时间</td><td>责任单位</td>",
        "<td>1</td><td>新建学校</td><td>新建学校3所</td><td>3000</td><td>2025年6月</td><td>县教育局</td>",
        "<td>2</td><td>改造道路</td><td>改造道路5条，年度计划投资2000万元</td><td>2000</td><td>2024年10月</td><td>县住建局</td>",
    ])
    assert indicators(first) == [("新建学校", "所", 3, [(date(2025, 6, 30), 3)]),
                                 ("年度投资", "元", 30000000, [(date(2024, 12, 31), 30000000)])]
    assert [(unit, target, due) for _, unit, target, due in indicators(second)] == [
        ("条", 5, [(date(2024, 10, 31), 5)]), ("元", 20000000, [(date(2024, 10, 31), 20000000)])]
    planned = page(tmp_path / "planned.html", [
        "<td>序号</td><td>项目名称</td><td>总投资</td><td>计划投资</td><td>完成时间</td><td>责任单位</td>",
        "<td>1</td><td>新建学校3所</td><td>9000万元</td><td>3000万元</td><td>2025年6月</td><td>县教育局</td>",
    ])
    [task] = convert_table(planned, "x-2024", 2024).programme.tasks
    assert indicators(task) == [("新建学校", "所", 3, [(date(2025, 6, 30), 3)]),
                                ("计划投资", "元", 30000000, [(date(2024, 12, 31), 30000000)])]


def test_a_size_that_picks_which_ones_is_no_target(tmp_path):
    """"全区100米以上医疗卫生机构…接入率达到100%": the height picks the buildings, the rate is the target; a length at
    the end of its clause ("新建绿道10公里以上。") or before 和 is one."""
    tasks = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>工作任务</td><td>责任单位</td>",
        "<td>1</td><td>全区100米以上医疗卫生机构消防感知设备接入率达到100%</td><td>区消防救援大队</td>",
        "<td>2</td><td>新建绿道10公里以上。</td><td>区住建局</td>",
        "<td>3</td><td>改造道路8公里以上和桥梁2座</td><td>区住建局</td>",
    ], year=2026)
    assert figures(tasks) == [[("%", 100)], [("公里", 10)], [("公里", 8), ("座", 2)]]


def test_unit_scale_and_node_columns_under_other_names(tmp_path):
    """实施主体 (or 责任主体) names the units, 建设规模 and 预期成效 hold the work's figures, 完成节点 is a schedule;
    工程 names the works and 工期 is when they are done."""
    [task] = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目名称</td><td>建设规模</td><td>实施主体</td><td>完成节点</td>",
        "<td>1</td><td>城区学校建设</td><td>新建学校3所</td><td>县教育局</td><td>6月底前开工，11月底前完工</td>",
    ])
    assert [line.lead_units for line in task.lines] == [["县教育局"], ["县教育局"]]  # the 6月底前开工 on a line of its own
    assert task.deadline == date(2024, 11, 30)
    assert [(i[1], i[2]) for i in indicators(task)] == [("所", 3)]
    expected = page(tmp_path / "expected.html", [
        "<td>序号</td><td>项目名称</td><td>预期成效</td><td>责任主体</td><td>完成时限</td>",
        "<td>1</td><td>养老服务提升</td><td>新增养老床位200张</td><td>县民政局</td><td>2024年10月</td>",
    ])
    [task] = convert_table(expected, "x-2024", 2024).programme.tasks
    assert [line.lead_units for line in task.lines] == [["县民政局"]]
    assert [(i[1], i[2], i[3]) for i in indicators(task)] == [("张", 200, [(date(2024, 10, 31), 200)])]
    works = page(tmp_path / "works.html", [
        "<td>序号</td><td>工程</td><td>建设单位</td><td>工期</td>",
        "<td>1</td><td>城区道路改造5条</td><td>县住建局</td><td>2024.3-2024.11</td>",
        "<td>2</td><td>新建公园2个</td><td>县住建局</td><td>2024年</td>",
    ])
    tasks = convert_table(works, "x-2024", 2024).programme.tasks
    assert [(t.code, t.title, t.deadline) for t in tasks] == [
        ("1", "城区道路改造5条", date(2024, 11, 30)), ("2", "新建公园2个", date(2024, 12, 31))]


def test_numbers_in_other_forms_and_a_row_of_totals(tmp_path):
    """序号 "（一）", "第2项", "★3" are task numbers like "1"; a 合计 row under the tasks is no task and no error."""
    tasks = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目名称</td><td>完成时限</td><td>牵头单位</td>",
        "<td>（一）</td><td>新建学校3所</td><td>2024年10月</td><td>县教育局</td>",
        "<td>第2项</td><td>改造道路5条</td><td>2024年12月</td><td>县住建局</td>",
        "<td>★3</td><td>新建公园2个</td><td>2024年9月</td><td>县住建局</td>",
        '<td colspan="2">合  计</td><td></td><td></td>',
    ])
    assert [(t.code, t.title, t.deadline) for t in tasks] == [
        ("一", "新建学校3所", date(2024, 10, 31)), ("2", "改造道路5条", date(2024, 12, 31)), ("3", "新建公园2个", date(2024, 9, 30))]


def test_numbers_that_start_again_in_each_area_take_the_areas_number(tmp_path):
    """"一、教育" 1, 2 then "二、交通" 1, 2: four tasks, 一1 … 二2 (both numbers as printed, as 二(三) and 二(一)1 in
    the corpus's readings), not "task 1 appears twice" nor the second area's first task read as a line of the first's;
    a 序号 merged over two rows is still one task."""
    for rows in ([
        '<td colspan="4">一、教育</td>',
        "<td>1</td><td>新建学校3所</td><td>2024年10月</td><td>县教育局</td>",
        "<td>2</td><td>改造操场5个</td><td>2024年10月</td><td>县教育局</td>",
        '<td colspan="4">二、交通</td>',
        '<td rowspan="2">1</td><td rowspan="2">改造道路5条</td><td>2024年6月</td><td>县住建局</td>',
        "<td>2024年12月</td><td>县交通局</td>",
        "<td>2</td><td>新建桥梁2座</td><td>2024年12月</td><td>县住建局</td>",
    ], [
        "<td>一</td><td>教育</td><td></td><td></td>",
        "<td>1</td><td>新建学校3所</td><td>2024年10月</td><td>县教育局</td>",
        "<td>2</td><td>改造操场5个</td><td>2024年10月</td><td>县教育局</td>",
        "<td>二</td><td>交通</td><td></td><td></td>",
        '<td rowspan="2">1</td><td rowspan="2">改造道路5条</td><td>2024年6月</td><td>县住建局</td>',
        "<td>2024年12月</td><td>县交通局</td>",
        "<td>2</td><td>新建桥梁2座</td><td>2024年12月</td><td>县住建局</td>",
    ]):
        path = page(tmp_path / "表.html", ["<td>序号</td><td>项目名称</td><td>完成时限</td><td>牵头单位</td>", *rows])
        tasks = convert_table(path, "x-2024", 2024).programme.tasks
        assert [(t.code, t.title, t.area) for t in tasks] == [
            ("一1", "新建学校3所", "一"), ("一2", "改造操场5个", "一"), ("二1", "改造道路5条", "二"),
            ("二2", "新建桥梁2座", "二")]
        assert [line.lead_units for line in tasks[2].lines] == [["县住建局"], ["县交通局"]]


def test_bare_sums_under_a_unit_of_money_printed_above_the_table(tmp_path):
    """"单位：万元" above the header, 投资额 of bare figures beside 数量 / 单位: the investment in 万元, a target of its
    own, not progress; without the line above, the bare figures are not taken for money."""
    rows = ["<td>序号</td><td>项目</td><td>单位</td><td>数量</td><td>责任单位</td><td>完成时间</td><td>投资额</td>",
            "<td>1</td><td>新建学校</td><td>所</td><td>3</td><td>县教育局</td><td>2024年10月</td><td>3000</td>",
            "<td>2</td><td>改造道路</td><td>公里</td><td>15.5</td><td>县交通局</td><td>2024年12月</td><td>800</td>"]
    declared = page(tmp_path / "declared.html", ["<td>单位：万元</td>", *rows])
    tasks = convert_table(declared, "x-2024", 2024).programme.tasks
    assert figures(tasks) == [[("所", 3), ("元", 30000000)], [("公里", 15.5), ("元", 8000000)]]
    bare = page(tmp_path / "bare.html", rows)
    tasks = convert_table(bare, "x-2024", 2024).programme.tasks
    assert figures(tasks) == [[("所", 3)], [("公里", 15.5)]]


def test_a_theme_merged_over_numbered_items_of_a_short_table_is_their_area(tmp_path):
    """序号 / 实事项目 / 具体内容: 实事项目 "教育提升" merged over items 1 and 2 of three is their theme, each item a task
    titled by its own words; two tasks whose words are the same throughout stay two tasks of their own title."""
    path = page(tmp_path / "表.html", [
        "<td>序号</td><td>实事项目</td><td>具体内容</td><td>责任单位</td><td>完成时间</td>",
        '<td>1</td><td rowspan="2">教育提升</td><td>新建学校3所</td><td>县教育局</td><td>2024年9月</td>',
        "<td>2</td><td>改造操场5个</td><td>县教育局</td><td>2024年10月</td>",
        "<td>3</td><td>道路改造</td><td>改造道路5条</td><td>县交通局</td><td>2024年12月</td>",
    ])
    written_once = write_table(tmp_path / "表.tsv",  # a sheet export: the merged theme written once, blank below
                               "序号\t实事项目\t具体内容\t责任单位\t完成时间\n1\t教育提升\t新建学校3所\t县教育局\t2024年9月\n"
                               "2\t\t改造操场5个\t县教育局\t2024年10月\n3\t道路改造\t改造道路5条\t县交通局\t2024年12月\n")
    for source in (path, written_once):
        conversion = convert_table(source, "x-2024", 2024)
        assert [(t.code, t.title) for t in conversion.programme.tasks] == [
            ("1", "新建学校3所"), ("2", "改造操场5个"), ("3", "改造道路5条")], source
        assert [a.name for a in conversion.programme.areas] == ["教育提升", "道路改造"]
        assert figures(conversion.programme.tasks) == [[("所", 3)], [("个", 5)], [("条", 5)]]


def test_a_column_named_for_a_past_period_or_a_share_of_the_plan_reports_progress(tmp_path):
    """上半年推进情况 (a reporting period and 情况) and 占全年计划 (the share of the year's plan done) report what was
    done: their figures are neither milestones nor indicators of their own."""
    path = page(tmp_path / "表.html", [
        "<td>序号</td><td>工作任务</td><td>牵头部门</td><td>上半年推进情况</td>",
        "<td>1</td><td>新增就业15万人</td><td>市人社局</td><td>上半年新增就业8.37万人,增长5%</td>",
        "<td>2</td><td>改造公路35公里</td><td>市交通局</td><td>年度统计</td>",
    ])
    conversion = convert_table(path, "x-2017", 2017)
    tasks = conversion.programme.tasks
    assert [(t.deadline, indicators(t)) for t in tasks] == [
        (None, [("新增就业", "人", 150000, [])]), (None, [("改造公路", "公里", 35, [])])]
    # "年度统计" gives no figure: said as a doubt of --progress-as-of (indicator ""), not dropped unseen (fix52a)
    assert [r[2:4] for r in conversion.reported] == [("新增就业", 83700), ("", None)]
    share = page(tmp_path / "share.html", [
        "<td>序号</td><td>实事项目名称</td><td>完成情况</td><td>占全年计划</td>",
        "<td>1</td><td>新增养老床位4000张</td><td>4385</td><td>110%</td>",
        "<td></td><td>改建认知障碍照护床位3000张</td><td>3210</td><td>107%</td>",
        "<td>2</td><td>新建公园5个</td><td>5</td><td>100%</td>",
    ])
    tasks = convert_table(share, "x-2024", 2024).programme.tasks
    assert figures(tasks) == [[("张", 4000), ("张", 3000)], [("个", 5)]]


def test_a_sum_in_a_foreign_currency_keeps_its_currency_as_the_unit(tmp_path):
    """"实际使用外资60亿美元左右": 亿 scales the number and 美元 is the unit; neither stays in the indicator's name."""
    tasks = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>工作任务</td><td>牵头部门</td>",
        "<td>1</td><td>实际使用外资60亿美元左右</td><td>市商务局</td>",
        "<td>2</td><td>外贸出口额达到800万欧元</td><td>市商务局</td>",
    ], year=2017)
    assert [[(i[0], i[1], i[2]) for i in indicators(t)] for t in tasks] == [
        [("实际使用外资", "美元", 6000000000)], [("外贸出口额", "欧元", 8000000)]]


def test_a_column_of_one_months_targets_gives_that_months_checkpoints(tmp_path):
    """3月目标 beside the item (and 8月份目标): each cell is the row's plan for that month, due at its end; its
    figures are checkpoints of the item's indicators, never indicators of their own, and words are a checkpoint."""
    tasks = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目内容</td><td>牵头单位</td><td>3月目标</td><td>进展情况</td>",
        "<td>1</td><td>加装电梯新增400台、完工200台</td><td>区房管局</td><td>新增40台,完工20台。</td><td>新增41台</td>",
        "<td>2</td><td>新增60家示范店</td><td>区市场监管局</td><td>加强与市局沟通。</td><td>已沟通</td>",
    ], year=2023)
    assert [[(i[1], i[2], i[3]) for i in indicators(t)] for t in tasks] == [
        [("台", 400, [(date(2023, 3, 31), 40)]), ("台", 200, [(date(2023, 3, 31), 20)])], [("家", 60, [])]]
    assert [[(cp.due, cp.text) for line in t.lines for cp in line.checkpoints] for t in tasks][1] == [
        (date(2023, 3, 31), "加强与市局沟通。")]
    assert [t.deadline for t in tasks] == [None, None]


def test_an_items_number_inside_its_project_is_no_part_of_its_title(tmp_path):
    """A 序号 on every row and the content numbered again inside each merged project ("1.新增社区老年食堂3家;"): the
    inner number is dropped from the title; the row's 序号 numbers the task."""
    tasks = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目名称</td><td>项目内容</td><td>牵头单位</td>",
        '<td>1</td><td rowspan="2">暖心关爱项目</td><td>1.新增社区老年食堂3家;</td><td>民政局</td>',
        "<td>2</td><td>2.康复救助残疾儿童50人。</td><td>残联</td>",
        '<td>3</td><td>就业帮扶项目</td><td>1、新建见习基地10个</td><td>人社局</td>',
    ])
    assert [(t.code, t.title) for t in tasks] == [("1", "新增社区老年食堂3家;"), ("2", "康复救助残疾儿童50人。"),
                                                  ("3", "新建见习基地10个")]
    assert figures(tasks) == [[("家", 3)], [("人", 50)], [("个", 10)]]


def test_a_share_with_its_count_in_brackets_is_one_checkpoint(tmp_path):
    """"完成20%点位(12个)的建设" of an annual 63 个: the count in brackets is the checkpoint (20 % of 63, rounded
    down), the share says how much of the year it is; neither is an indicator of its own."""
    [task] = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目内容</td><td>牵头单位</td><td>3月目标</td>",
        "<td>1</td><td>新增63个平安屋</td><td>区公安分局</td><td>完成20%点位(12个)的建设。</td>",
    ], year=2023)
    assert [(i[1], i[2], i[3]) for i in indicators(task)] == [("个", 63, [(date(2023, 3, 31), 12)])]


def test_a_unit_line_ending_in_a_word_for_units_is_not_joined_to_the_next(tmp_path):
    """"各管线产权单位" over "市体育局" in one cell: a line ending in 单位 (部门, 企业, 集团, 银行) names units of its own,
    so it is not the first half of the next line's name."""
    [task] = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目名称</td><td>进度要求</td><td>责任单位</td><td>协办单位</td>",
        "<td>1</td><td>改造老旧小区70个</td><td>四季度完成</td><td>市住建局</td>"
        "<td>各管线产权单位<br>市体育局<br>相关金融企业<br>市财政局</td>",
    ], year=2020)
    assert [line.units for line in task.lines] == [["市住建局", "各管线产权单位", "市体育局", "相关金融企业", "市财政局"]]


def test_a_share_of_the_tasks_work_in_a_schedule_is_that_share_of_its_target(tmp_path):
    """"三季度完成60%任务" under a task of 70 个: a checkpoint of 42 个 on the task's indicator, no "指标" of 60 %."""
    [task] = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目名称</td><td>进度要求</td><td>责任单位</td>",
        "<td>1</td><td>提标改造70个老旧小区</td><td>二季度完成方案设计;三季度完成60%任务;四季度完成年度改造任务。</td>"
        "<td>市住建局</td>",
    ], year=2020)
    assert [(i[1], i[2], i[3]) for i in indicators(task)] == [
        ("个", 70, [(date(2020, 9, 30), 42), (date(2020, 12, 31), 70)])]


def test_a_count_of_the_things_a_clause_is_about_is_no_target(tmp_path):
    """"4个结构性指标均实现10%以上增长": the 4 counts what the clause speaks of (均 and a figure for each), no target."""
    tasks = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>工作任务</td><td>牵头单位</td>",
        "<td>1</td><td>4个结构性指标均实现10%以上增长</td><td>市发改委</td>",
        "<td>2</td><td>新建公园3个</td><td>市住建局</td>",
    ], year=2020)
    assert figures(tasks) == [[("%", 10)], [("个", 3)]]


def test_a_yes_or_no_column_is_a_status_not_a_plan(tmp_path):
    """是否达进度 ("是"/"否") says whether the work kept pace: no checkpoint in words at the year's end."""
    tasks = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>年度任务</td><td>本月进展</td><td>是否达进度</td><td>责任单位</td>",
        "<td>1</td><td>改造公路35公里</td><td>已完成招标</td><td>是</td><td>区交通局</td>",
        "<td>2</td><td>新建公园3个</td><td>在建</td><td>否</td><td>区住建局</td>",
    ], year=2020)
    assert [[cp.text for line in t.lines for cp in line.checkpoints] for t in tasks] == [[], []]
    assert figures(tasks) == [[("公里", 35)], [("个", 3)]]
