"""Layouts of tables the reader had not seen (issue #13), one small web-page table each: a 工作任务 merged over
dated sub-rows, numbered dates tied to the numbered sentences of the content, a 目标任务 given twice (the target
in words over two columns, then the bare figure), a "100%" beside words with figures of their own, a share in the
words beside a count in the target column, unit cells that name the lead, deadline cells that name several dates,
quarters in bare figures, and schedules that name a date and nothing else.
"""

from datetime import date
from pathlib import Path

from mstrack.sources.table import convert_table
from tests.conftest import write_table_page


def page(path: Path, rows: list[str]) -> Path:
    """A saved web page holding one table; each row is its cells' HTML."""
    return write_table_page(path, rows)


def page_tasks(path: Path, rows: list[str], year: int = 2024) -> list:
    """The tasks of the web-page table of `rows` (page), converted as `import table` converts it for programme
    x-YEAR."""
    return convert_table(page(path, rows), f"x-{year}", year).programme.tasks


def indicators(task) -> list[tuple]:
    """(name, unit, target, [(due, target)]) of every indicator of a task."""
    return [(i.name, i.unit, i.target, [(m.due, m.target) for m in i.milestones]) for line in task.lines for i in line.indicators]


def test_a_work_item_merged_over_dated_rows_is_read_once_and_due_at_its_last_date(tmp_path):
    """A 登记表: each row under a merged 工作任务 is one unit's part of the same work with its own date; the figures
    are the item's once, due at the latest date, and each row keeps its own date as a checkpoint."""
    first, second = page_tasks(tmp_path / "登记表.html", [
        "<td>项目名称</td><td>工作任务</td><td>计划完成时间</td><td>牵头单位</td>",
        '<td rowspan="4">1.城市提升项目</td><td rowspan="2">改造城区道路3条;</td><td>11月</td><td>建设局</td>',
        "<td>2024.8</td><td>城投集团</td>",
        '<td rowspan="2">新建停车场3处,新增停车位1000个以上。</td><td>11月</td><td>建设局</td>',
        "<td>2024年11月</td><td>经开区</td>",
        '<td rowspan="2">2.公墓建设项目</td><td rowspan="2">新建公益性墓地15处,新增墓穴10000穴。</td><td>10月底</td><td>民政局</td>',
        "<td>计划10月底完成</td><td>公共服务集团</td>",
    ])
    assert [line.lead_units for line in first.lines] == [["建设局"], ["城投集团"], ["建设局"], ["经开区"]]
    assert [[c.due for c in line.checkpoints] for line in first.lines] == [
        [date(2024, 11, 30)], [date(2024, 8, 31)], [date(2024, 11, 30)], [date(2024, 11, 30)]]
    assert indicators(first) == [("改造城区道路", "条", 3, [(date(2024, 11, 30), 3)]),
                                 ("新建停车场", "处", 3, [(date(2024, 11, 30), 3)]),
                                 ("新增停车位", "个", 1000, [(date(2024, 11, 30), 1000)])]
    assert first.lines[0].indicators and not first.lines[1].indicators  # held by the row whose date they are due at
    assert [line.lead_units for line in second.lines] == [["民政局"], ["公共服务集团"]]
    assert indicators(second) == [("新建公益性墓地", "处", 15, [(date(2024, 10, 31), 15)]),
                                  ("新增墓穴", "穴", 10000, [(date(2024, 10, 31), 10000)])]
    assert second.note is None or second.note.count("新增墓穴") <= 1  # the merged content is read once, not once a row


def test_the_later_row_of_a_merged_item_holds_its_figures(tmp_path):
    [task] = page_tasks(tmp_path / "登记表.html", [
        "<td>项目名称</td><td>工作任务</td><td>计划完成时间</td><td>牵头单位</td>",
        '<td rowspan="2">1.城市提升项目</td><td rowspan="2">改造城区道路3条</td><td>2024.8</td><td>城投集团</td>',
        "<td>2025年3月</td><td>建设局</td>",
    ])
    assert task.deadline == date(2025, 3, 31)
    assert [(line.lead_units, [c.due for c in line.checkpoints], len(line.indicators)) for line in task.lines] == [
        (["城投集团"], [date(2024, 8, 31)], 0), (["建设局"], [date(2025, 3, 31)], 1)]
    assert indicators(task) == [("改造城区道路", "条", 3, [(date(2025, 3, 31), 3)])]


def test_numbered_dates_date_the_sentences_of_the_content_and_the_last_is_the_deadline(tmp_path):
    """"1.2024年8月 2.2024年12月" beside a content of two sentences: the first date is the first sentence's; numbered
    dates out of order ("1、7月1日 2、2025年12月底 3、10月1日前") make the task due at the latest, in the following year."""
    first, second = page_tasks(tmp_path / "表.html", [
        "<td>项目名称</td><td>工作任务</td><td>计划完成时间</td><td>牵头单位</td>",
        "<td>1.教育设施提升项目</td><td>完成22所学校空调安装;持续推进幼儿园建设,城北幼儿园投入使用。</td>"
        "<td>1.2024年8月<br>2.2024年12月</td><td>教体局</td>",
        "<td>2.农贸市场提升项目</td><td>建成物流区域并投入运行;完成钟楼农贸市场改造。</td>"
        "<td>1、物流中心7月1日投入试运营<br>2、南岩农贸市场计划2025年12月底完成<br>3、钟楼农贸市场10月1日前完成</td>"
        "<td>公共服务集团</td>",
    ])
    assert first.deadline == date(2024, 12, 31)
    assert [(c.due, c.text) for c in first.lines[0].checkpoints] == [
        (date(2024, 8, 31), "完成22所学校空调安装"), (date(2024, 12, 31), "持续推进幼儿园建设,城北幼儿园投入使用")]
    assert indicators(first) == [("学校空调安装", "所", 22, [(date(2024, 8, 31), 22)])]
    assert second.deadline == date(2025, 12, 31)
    assert [c.due for c in second.lines[0].checkpoints] == [date(2024, 7, 1), date(2024, 10, 1), date(2025, 12, 31)]


def test_numbered_dates_follow_the_programmes_year(tmp_path):
    rows = ["<td>项目名称</td><td>工作任务</td><td>计划完成时间</td><td>牵头单位</td>",
            "<td>1.农贸市场提升项目</td><td>改造市场2个</td><td>1、次年6月底完成<br>2、7月1日试运营</td><td>公共服务集团</td>"]
    for year in (2019, 2031):
        [task] = convert_table(page(tmp_path / f"{year}.html", rows), "x-2024", year).programme.tasks
        assert task.deadline == date(year + 1, 6, 30)
        assert [c.due for c in task.lines[0].checkpoints] == [date(year, 7, 1), date(year + 1, 6, 30)]


def test_a_bare_target_figure_beside_the_target_in_words_takes_their_unit_and_name(tmp_path):
    """目标任务 twice: the words merged over two columns ("城镇新增就业1100人"), then the figure alone (1100), with
    progress columns after it. One indicator, 1100 人, named from the words."""
    first, second = page_tasks(tmp_path / "进度表.html", [
        '<td>序号</td><td>项目名称</td><td colspan="2">目标任务</td><td>牵头单位</td><td>目标任务</td><td>累计完成</td>',
        '<td rowspan="2">1</td><td rowspan="2">促进重点群体稳定就业</td><td colspan="2">城镇新增就业1100人</td>'
        '<td rowspan="2">县人社局</td><td>1100</td><td>1063</td>',
        '<td colspan="2">培训家政服务人员613人次</td><td>613</td><td>626</td>',
        '<td>2</td><td>敬老院运营服务能力提升</td><td colspan="2">督促4家公建公营敬老院规范运营,提升服务质量</td>'
        "<td>县民政局</td><td>4</td><td>4</td>",
    ])
    assert [(i.name, i.unit, i.target) for line in first.lines for i in line.indicators] == [
        ("城镇新增就业", "人", 1100), ("培训家政服务人员", "人次", 613)]
    assert [(i.unit, i.target) for line in second.lines for i in line.indicators] == [("家", 4)]
    assert "公建公营敬老院" in second.lines[0].indicators[0].name


def test_a_bare_figure_the_words_print_in_two_units_keeps_the_column(tmp_path):
    """The words print the figure twice, in two units: which one the column means is not known, so the column's
    bare figure is kept as printed (no unit), not guessed."""
    [task] = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目名称</td><td>目标任务</td><td>牵头单位</td><td>目标任务</td>",
        "<td>1</td><td>养老服务</td><td>新增床位20张,建设站点20个</td><td>县民政局</td><td>20</td>",
    ])
    assert ("", 20) in [(i.unit, i.target) for line in task.lines for i in line.indicators]


def test_columns_of_their_own_headers_keep_the_same_words_each(tmp_path):
    """Only a cell merged under one merged header is read once: 三季度 and 四季度 printing the same words are
    two checkpoints."""
    [task] = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目名称</td><td>第三季度</td><td>第四季度</td><td>牵头单位</td>",
        "<td>1</td><td>普惠医疗保险</td><td>做好理赔服务。</td><td>做好理赔服务。</td><td>市医保局</td>",
    ])
    assert [(c.due, c.text) for c in task.lines[0].checkpoints] == [(date(2024, 9, 30), "做好理赔服务。"),
                                                                    (date(2024, 12, 31), "做好理赔服务。")]
    assert task.deadline == date(2024, 12, 31)


def test_a_hundred_percent_beside_words_with_their_own_figures_is_all_of_them(tmp_path):
    first, second = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目名称</td><td>目标任务</td><td>责任单位</td><td>目标任务</td>",
        "<td>1</td><td>提高低保标准</td><td>城市低保、农村低保补差水平分别达到300元/人、140元/人</td><td>区民政局</td><td>100%</td>",
        "<td>2</td><td>提高参保率</td><td>提高城乡居民参保率</td><td>区医保局</td><td>100%</td>",
    ])
    assert sorted((i.unit, i.target) for line in first.lines for i in line.indicators) == [("元/人", 140), ("元/人", 300)]
    assert [(i.unit, i.target) for line in second.lines for i in line.indicators] == [("%", 100)]  # words without a figure


def test_a_share_in_the_words_beside_a_count_in_the_target_column_is_a_target_too(tmp_path):
    path = page(tmp_path / "表.html", [
        "<td>序号</td><td>考核指标</td><td>考核指标</td><td>单位</td><td>工作目标</td><td>已完成数</td>",
        "<td>1</td><td>增加公办学位</td><td>提高公办义务教育学位占比至95%以上</td><td>个</td><td>600</td><td>600</td>",
    ])
    result = convert_table(path, "x-2024", 2024)
    first = result.programme.tasks[0]
    assert sorted((i.unit, i.target, i.comparator) for line in first.lines for i in line.indicators) == [
        ("%", 95, ">="), ("个", 600, "=")]
    assert not [d for d in result.doubts if "the column is read" in str(d)]  # both are read: nothing to doubt


def test_a_task_whose_first_row_names_no_unit_takes_the_unit_its_own_row_names(tmp_path):
    """Task 2's first row names no unit and its sub-row does: the blank is the task's own, not a cell merged with
    task 1's unit. Task 3 names none at all: it is read as merged with the row above, as before."""
    path = page(tmp_path / "表.html", [
        "<td>序号</td><td>考核指标</td><td>单位</td><td>工作目标</td><td>责任单位</td>",
        "<td>1</td><td>提高农村低保标准</td><td>元/年/人</td><td>不低于3700元</td><td>民政局</td>",
        "<td>2</td><td>所有县实现二甲公立医院全覆盖</td><td></td><td>-</td><td></td>",
        "<td></td><td>基本消除村卫生室空白村</td><td>个</td><td>21</td><td>卫健委</td>",
        "<td>3</td><td>新建公厕20座</td><td></td><td></td><td></td>",
    ])
    result = convert_table(path, "x-2024", 2024)
    _, second, third = result.programme.tasks
    assert {u for line in second.lines for u in line.lead_units} == {"卫健委"}
    assert second.note is None or "上一行" not in second.note
    assert [line.lead_units for line in third.lines] == [["卫健委"]]  # the row above's
    assert "上一行" in third.note


def test_a_lead_and_responsible_column_names_its_lead_first(tmp_path):
    """市级牵头责任单位 listing three offices: the first leads, the others are responsible units, as in 责任单位."""
    first, second = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目内容</td><td>目标任务</td><td>市级牵头<br>责任单位</td>",
        "<td>1</td><td>高校毕业生创业补贴</td><td>应补尽补</td><td>市人力资源社会保障局<br>市教体局<br>团市委</td>",
        "<td>2</td><td>城镇新增就业(人)</td><td>27000</td><td>市人力资源社会保障局</td>",
    ])
    assert [(line.lead_units, line.units) for line in first.lines] == [
        (["市人力资源社会保障局"], ["市人力资源社会保障局", "市教体局", "团市委"])]
    assert [line.lead_units for line in second.lines] == [["市人力资源社会保障局"]]


def test_content_merged_down_beside_a_sub_item_of_each_row_is_one_work(tmp_path):
    """建设内容 merged over two rows whose 子项目 differ, one row dated for the start: the figures are read once, due
    at the later date; a cell merged across 子项目 and 建设内容 is read once."""
    first, second = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目名称</td><td>子项目</td><td>建设内容及规模</td><td>计划完成时间</td><td>牵头单位</td>",
        '<td rowspan="2">1</td><td rowspan="2">城市道路畅通</td><td>主干道改造</td>'
        '<td rowspan="2">改造城区道路6条，新增停车位800个</td><td>6月底前开工</td><td rowspan="2">县住建局</td>',
        "<td>停车设施</td><td>12月底前完工</td>",
        '<td>2</td><td>养老服务提升</td><td colspan="2">新建互助养老服务站20个，改造敬老院3所</td><td>11月底前</td><td>县民政局</td>',
    ])
    assert [[c.due for c in line.checkpoints] for line in first.lines] == [[date(2024, 6, 30)], [date(2024, 12, 31)]]
    assert indicators(first) == [("改造城区道路", "条", 6, [(date(2024, 12, 31), 6)]),
                                 ("新增停车位", "个", 800, [(date(2024, 12, 31), 800)])]
    assert indicators(second) == [("新建互助养老服务站", "个", 20, [(date(2024, 11, 30), 20)]),
                                  ("改造敬老院", "所", 3, [(date(2024, 11, 30), 3)])]


def test_a_deadline_cell_naming_several_dates_gives_each_its_checkpoint(tmp_path):
    """"6月底前开工，11月底前完工": a start checkpoint, the work due at the last date; "上半年完成2条，年底前全部完成": the
    half year's figure a milestone; "2024年6月、12月": two dates; a span ("2024.01-2024.12") is one period."""
    tasks = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目名称</td><td>主要内容</td><td>完成时限</td><td>责任单位</td>",
        "<td>1</td><td>体育公园</td><td>新建体育公园2个</td><td>6月底前开工，11月底前完工</td><td>县体育局</td>",
        "<td>2</td><td>河道治理</td><td>治理河道3条</td><td>上半年完成2条，年底前全部完成</td><td>县水利局</td>",
        "<td>3</td><td>公厕建设</td><td>新建公厕20座</td><td>2024年6月、12月</td><td>县城管局</td>",
        "<td>4</td><td>供水提升</td><td>铺设管网120公里</td><td>2024.01-2024.10</td><td>县水利局</td>",
    ])
    assert [t.deadline for t in tasks] == [date(2024, 11, 30), date(2024, 12, 31), date(2024, 12, 31), date(2024, 10, 31)]
    assert [[(c.due, c.text) for c in _checkpoints(t)] for t in tasks[:3]] == [
        [(date(2024, 6, 30), "开工"), (date(2024, 11, 30), "新建体育公园2个；完工")],
        [(date(2024, 6, 30), "完成2条"), (date(2024, 12, 31), "治理河道3条；全部完成")],
        [(date(2024, 6, 30), "2024年6月"), (date(2024, 12, 31), "新建公厕20座")]]
    assert [indicators(t) for t in tasks] == [
        [("新建体育公园", "个", 2, [(date(2024, 11, 30), 2)])],
        [("治理河道", "条", 3, [(date(2024, 6, 30), 2), (date(2024, 12, 31), 3)])],
        [("新建公厕", "座", 20, [(date(2024, 12, 31), 20)])],
        [("铺设管网", "公里", 120, [(date(2024, 10, 31), 120)])]]


def test_quarters_that_count_starts_then_completions_complete_the_years_target(tmp_path):
    """"开工6个 / 开工12个 / 完工12个" under the quarters beside 改造老旧小区12个: the starts stay a series of their own,
    the completions at the year's end are the target's, not a second indicator of 12."""
    [task] = page_tasks(tmp_path / "表.html", [
        '<td rowspan="2">序号</td><td rowspan="2">项目名称</td><td rowspan="2">年度目标任务</td><td colspan="4">进度安排</td>'
        '<td rowspan="2">责任单位</td>',
        "<td>一季度</td><td>二季度</td><td>三季度</td><td>四季度</td>",
        "<td>1</td><td>老旧小区改造</td><td>改造老旧小区12个</td><td>启动前期工作</td><td>开工6个</td><td>开工12个</td>"
        "<td>完工12个</td><td>县住建局</td>",
    ])
    assert [(name, unit, target, points) for name, unit, target, points in indicators(task) if target is not None] == [
        ("改造老旧小区", "个", 12, [(date(2024, 12, 31), 12)])]
    assert [points for _, _, target, points in indicators(task) if target is None] == [
        [(date(2024, 6, 30), 6), (date(2024, 9, 30), 12)]]


def test_a_unit_cell_that_names_its_lead_gives_the_lead_and_the_others(tmp_path):
    tasks = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目名称</td><td>主要内容</td><td>完成时限</td><td>责任单位</td>",
        "<td>1</td><td>学校建设</td><td>新建学校2所</td><td>12月底前</td><td>牵头单位：县教育局<br>配合单位：县财政局、县住建局</td>",
        "<td>2</td><td>食堂改造</td><td>改造食堂10个</td><td>10月底前</td><td>县教育局（牵头）、县市场监管局</td>",
        "<td>3</td><td>道路养护</td><td>养护道路30公里</td><td>11月底前</td><td>县交通局牵头，各乡镇配合</td>",
        "<td>4</td><td>公厕建设</td><td>新建公厕20座</td><td>11月底前</td><td>县城管局、各乡镇</td>",
        "<td>5</td><td>路灯改造</td><td>改造路灯500盏</td><td>11月底前</td><td>县城管局牵头</td>",
    ])
    assert [(t.lines[0].lead_units, [u for u in t.lines[0].units if u not in t.lines[0].lead_units]) for t in tasks] == [
        (["县教育局"], ["县财政局", "县住建局"]), (["县教育局"], ["县市场监管局"]), (["县交通局"], ["各乡镇"]),
        (["县城管局"], ["各乡镇"]), (["县城管局"], [])]  # no role named: the first leads, as before


def test_quarters_in_bare_figures_count_in_the_rows_unit_of_measure(tmp_path):
    """Bare figures under 一季度 … 四季度 count in the row's 单位, or in the unit the target cell prints."""
    path = page(tmp_path / "表.html", [
        "<td>序号</td><td>项目名称</td><td>单位</td><td>年度目标</td><td>一季度</td><td>二季度</td><td>三季度</td><td>四季度</td>"
        "<td>责任单位</td>",
        "<td>1</td><td>新增城镇就业</td><td>人</td><td>6000</td><td>1500</td><td>3000</td><td>4500</td><td>6000</td><td>县人社局</td>",
        "<td>2</td><td>新建充电桩</td><td>个</td><td>200</td><td></td><td>50</td><td>120</td><td>200</td><td>县发改局</td>",
    ])
    first, second = convert_table(path, "x-2024", 2024).programme.tasks
    assert indicators(first) == [("新增城镇就业", "人", 6000, [(date(2024, 3, 31), 1500), (date(2024, 6, 30), 3000),
                                                          (date(2024, 9, 30), 4500), (date(2024, 12, 31), 6000)])]
    assert [(unit, target, points) for _, unit, target, points in indicators(second)] == [
        ("个", 200, [(date(2024, 6, 30), 50), (date(2024, 9, 30), 120), (date(2024, 12, 31), 200)])]
    path = page(tmp_path / "表2.html", [
        "<td>序号</td><td>项目名称</td><td>目标任务</td><td>上半年</td><td>全年</td><td>责任单位</td>",
        "<td>1</td><td>新建充电桩</td><td>200个</td><td>80</td><td>200</td><td>县发改局</td>",
    ])
    [task] = convert_table(path, "x-2024", 2024).programme.tasks
    assert [(unit, target, points) for _, unit, target, points in indicators(task)] == [
        ("个", 200, [(date(2024, 6, 30), 80), (date(2024, 12, 31), 200)])]


def test_a_schedule_cell_is_cut_at_a_date_after_a_comma_and_one_date_alone_is_the_due_date(tmp_path):
    first, second, third = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>实事名称</td><td>目标任务</td><td>时间节点</td><td>牵头单位</td>",
        "<td>1</td><td>停车位建设</td><td>新增公共停车位2000个</td><td>6月底前完成1000个，11月底前全部完成</td><td>县住建局</td>",
        "<td>2</td><td>免费体检</td><td>为老年人免费体检3万人次</td><td>10月底前</td><td>县卫健局</td>",
        "<td>3</td><td>健康测评</td><td>开展居民健康测评5000人</td><td>开展7-9月份测评</td><td>县卫健局</td>",
    ])
    assert first.deadline == date(2024, 11, 30)
    assert indicators(first) == [("新增公共停车位", "个", 2000, [(date(2024, 6, 30), 1000), (date(2024, 11, 30), 2000)])]
    assert indicators(second) == [("老年人免费体检", "人次", 30000, [(date(2024, 10, 31), 30000)])]
    assert [c.due for c in third.lines[0].checkpoints] == [date(2024, 12, 31)]  # a month mid-sentence stays words


def test_rows_under_one_item_each_with_its_own_figure_are_each_rows_target(tmp_path):
    """新建农村公厕 merged over three towns' rows, each with its 数量, 单位, date and unit: three targets, each due at
    its row's date (not three copies of each figure, nor one work)."""
    first, second = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目名称</td><td>实施地点</td><td>建设内容</td><td>数量</td><td>单位</td><td>完成时间</td><td>责任单位</td>",
        '<td rowspan="3">1</td><td rowspan="3">农村公厕建设</td><td>甲镇</td><td rowspan="3">新建农村公厕</td><td>8</td><td>座</td>'
        "<td>2024年9月</td><td>甲镇政府</td>",
        "<td>乙镇</td><td>7</td><td>座</td><td>2024年10月</td><td>乙镇政府</td>",
        "<td>丙镇</td><td>5</td><td>座</td><td>2024年11月</td><td>丙镇政府</td>",
        "<td>2</td><td>文化广场</td><td>县城</td><td>新建文化广场</td><td>1</td><td>个</td><td>2024年12月</td><td>县文旅局</td>",
    ])
    assert [(line.lead_units, [(i.unit, i.target, [(m.due, m.target) for m in i.milestones]) for i in line.indicators])
            for line in first.lines] == [
        (["甲镇政府"], [("座", 8, [(date(2024, 9, 30), 8)])]), (["乙镇政府"], [("座", 7, [(date(2024, 10, 31), 7)])]),
        (["丙镇政府"], [("座", 5, [(date(2024, 11, 30), 5)])])]
    assert [(unit, target) for _, unit, target, _ in indicators(second)] == [("个", 1)]


def test_start_and_completion_columns_give_a_start_checkpoint_and_the_deadline(tmp_path):
    """开工时间 / 竣工时间 columns: the completion is the deadline (in the following year too), the start a checkpoint
    in words when it falls in the programme's year; a start before it is no checkpoint."""
    tasks = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目名称</td><td>建设规模及内容</td><td>开工时间</td><td>竣工时间</td><td>责任单位</td>",
        "<td>1</td><td>县医院门诊楼</td><td>新建门诊楼1.2万平方米</td><td>2024年3月</td><td>2025年12月</td><td>县卫健局</td>",
        "<td>2</td><td>城区供水管网</td><td>改造供水管网30公里</td><td>2024年4月</td><td>2024年11月</td><td>县水务局</td>",
        "<td>3</td><td>城南学校</td><td>新建学校1所</td><td>2023年10月</td><td>2024年8月</td><td>县教育局</td>",
    ])
    assert [t.deadline for t in tasks] == [date(2025, 12, 31), date(2024, 11, 30), date(2024, 8, 31)]
    assert [[(c.due, c.text) for c in _checkpoints(t)] for t in tasks] == [
        [(date(2024, 3, 31), "开工"), (date(2025, 12, 31), "新建门诊楼1.2万平方米")],
        [(date(2024, 4, 30), "开工"), (date(2024, 11, 30), "改造供水管网30公里")],
        [(date(2024, 8, 31), "新建学校1所")]]
    assert indicators(tasks[1]) == [("改造供水管网", "公里", 30, [(date(2024, 11, 30), 30)])]


def test_a_date_in_the_contents_words_dates_its_clause(tmp_path):
    """"新建幼儿园3所，9月底前投入使用；新增学位1200个": the 3 are due in September, the 1200 at the 完成时限; without a
    完成时限 the 1200 have no date, and a date that dates every figure ("…，年底前完成") is the task's."""
    first, second, third = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目名称</td><td>主要内容</td><td>完成时限</td><td>责任单位</td>",
        "<td>1</td><td>教育提升</td><td>新建幼儿园3所，9月底前投入使用；新增学位1200个</td><td>12月底前</td><td>县教育局</td>",
        "<td>2</td><td>教育提升</td><td>新建幼儿园3所，9月底前投入使用；新增学位1200个</td><td></td><td>县教育局</td>",
        "<td>3</td><td>就业创业</td><td>城镇新增就业2500人以上，失业率控制在4%以内，年底前完成。</td><td></td><td>县人社局</td>",
    ])
    assert first.deadline == date(2024, 12, 31)
    assert indicators(first) == [("新建幼儿园", "所", 3, [(date(2024, 9, 30), 3)]), ("新增学位", "个", 1200, [(date(2024, 12, 31), 1200)])]
    assert second.deadline is None
    assert indicators(second) == [("新建幼儿园", "所", 3, [(date(2024, 9, 30), 3)]), ("新增学位", "个", 1200, [])]
    assert third.deadline == date(2024, 12, 31)
    assert [(unit, target, points) for _, unit, target, points in indicators(third)] == [
        ("人", 2500, [(date(2024, 12, 31), 2500)]), ("%", 4, [(date(2024, 12, 31), 4)])]


def test_columns_named_for_quarters_one_after_another_are_one_schedule(tmp_path):
    """一季度目标 … 四季度目标: one line with four checkpoints, the figures of one series, not a line per quarter."""
    [task] = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目名称</td><td>年度目标</td><td>一季度目标</td><td>二季度目标</td><td>三季度目标</td><td>四季度目标</td>"
        "<td>责任单位</td>",
        "<td>1</td><td>新增城镇就业</td><td>新增城镇就业6000人</td><td>完成1500人</td><td>完成3000人</td><td>完成4500人</td>"
        "<td>完成6000人</td><td>县人社局</td>",
    ])
    assert len(task.lines) == 1
    assert indicators(task) == [("新增城镇就业", "人", 6000, [(date(2024, 3, 31), 1500), (date(2024, 6, 30), 3000),
                                                         (date(2024, 9, 30), 4500), (date(2024, 12, 31), 6000)])]


def test_a_count_in_the_closing_brackets_beside_a_column_in_another_unit_is_a_target_too(tmp_path):
    first, second, third = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>考核指标</td><td>单位</td><td>工作目标</td><td>备注</td>",
        "<td>1</td><td>完成行政村配电网改造(37个村)</td><td>万元</td><td>5900</td><td>电力公司</td>",
        "<td>2</td><td>改建农村户用厕所100万户以上</td><td></td><td>144281</td><td>农业农村局</td>",
        "<td>3</td><td>农村公路提升(共3项)</td><td>万元</td><td>800</td><td>交通局</td>",
    ])
    assert sorted((i.unit, i.target) for line in first.lines for i in line.indicators) == [("个", 37), ("元", 59_000_000)]
    assert [(i.unit, i.target) for line in second.lines for i in line.indicators] == [("", 144281)]  # words in running text
    assert [(i.unit, i.target) for line in third.lines for i in line.indicators] == [("元", 8_000_000)]


def test_a_budget_in_a_dated_clause_is_spent_by_the_last_date(tmp_path):
    """"计划投资1067万元,完成22所学校空调安装" beside "1.2024年8月 2.2024年12月": the 22 are due in August, the budget
    at the last date (a 完成投资 would be work done by the clause's date, and stays there)."""
    [task] = page_tasks(tmp_path / "表.html", [
        "<td>项目名称</td><td>工作任务</td><td>计划完成时间</td><td>牵头单位</td>",
        "<td>1.教育设施提升项目</td><td>计划投资1067万元,完成22所学校空调安装;持续推进幼儿园建设。</td>"
        "<td>1.2024年8月<br>2.2024年12月</td><td>教体局</td>",
    ])
    assert sorted((unit, target, points) for _, unit, target, points in indicators(task)) == [
        ("元", 10_670_000, [(date(2024, 12, 31), 10_670_000)]), ("所", 22, [(date(2024, 8, 31), 22)])]


def test_records_whose_item_text_has_no_header_are_read_by_their_unnamed_column(tmp_path):
    """A table printed as records: the item's words under an empty header cell, then 牵头领导 / 责任单位 / 项目责任人 /
    进度安排; a row merged over the width ("关键词 教育") is a group of the items below, not a task."""
    path = page(tmp_path / "表.html", [
        "<td></td><td>主管领导</td><td>责任单位</td><td>项目责任人</td><td>进度安排</td>",
        '<td colspan="5">关键词 教育</td>',
        "<td>市区新增优质中小学招生学位2.36万个。</td><td>王某</td><td>市教育局</td><td>李某</td>"
        "<td>6月底前基本完成基建任务;12月底前全部落实,实现招生。</td>",
        "<td>2.新增安装300套路口交通信息视频采集设备。</td><td>张某</td><td>市公安局</td><td>赵某</td><td>12月底前完成</td>",
    ])
    result = convert_table(path, "x-2024", 2024)
    first, second = result.programme.tasks
    assert [(t.code, t.title) for t in (first, second)] == [("1", "市区新增优质中小学招生学位2.36万个。"),
                                                           ("2", "新增安装300套路口交通信息视频采集设备。")]
    assert [a.name for a in result.programme.areas] == ["关键词 教育"]
    assert (first.lines[0].lead_units, first.deadline) == (["市教育局"], date(2024, 12, 31))
    assert [(unit, target) for _, unit, target, _ in indicators(first)] == [("个", 23600)]
    assert [(unit, target) for _, unit, target, _ in indicators(second)] == [("套", 300)]


def test_a_column_of_results_achieved_is_progress(tmp_path):
    [task] = page_tasks(tmp_path / "表.html", [
        "<td>序号</td><td>项目名称</td><td>2022年度任务目标</td><td>1-9月份工作完成情况</td><td>1-9月份工作取得成效</td>"
        "<td>责任单位</td>",
        "<td>1</td><td>课后服务</td><td>新建学校2座</td><td>已完工1座</td><td>参与课后服务的学生32402人,参与率100%</td>"
        "<td>市教育局</td>",
    ])
    assert [(unit, target) for _, unit, target, _ in indicators(task)] == [("座", 2)]


def _checkpoints(task) -> list:
    """A task's checkpoints by date, whatever its line: a start beside a figure is on a line of its own (fix49d)."""
    return sorted((c for line in task.lines for c in line.checkpoints), key=lambda c: c.due)
