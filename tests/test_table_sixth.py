"""Structures of published tables the reader stopped on or misread at first contact with the sixth held-out set
(issue #13, "After the sixth held-out fixes" in docs/history/import-table.md), one small hand-made table each."""

from datetime import date

from mstrack.sources.table import convert_table
from tests.test_table_layouts import indicators, page


def _units(task) -> list[tuple[list[str], list[str]]]:
    return [(line.lead_units, line.units) for line in task.lines]


def test_a_list_of_units_closed_by_deng_names_no_unit_called_deng(tmp_path):
    """"省商务厅等,各市人民政府": 等 (and others) closes the list; it is no part of the last unit's name. Inside a
    name it stays ("市平等就业服务中心")."""
    path = page(tmp_path / "表.html", [
        "<td>序号</td><td>工作任务</td><td>牵头单位</td><td>责任单位</td>",
        "<td>1</td><td>新增就业5万人</td><td>省人社厅</td><td>省商务厅、省税务局等,各市人民政府</td>",
        "<td>2</td><td>帮扶就业2000人</td><td>省人社厅等</td><td>市平等就业服务中心</td>",
    ])
    tasks = convert_table(path, "x-2024", 2024).programme.tasks
    assert [_units(t) for t in tasks] == [
        [(["省人社厅"], ["省商务厅", "省税务局", "各市人民政府"])],
        [(["省人社厅"], ["市平等就业服务中心"])],
    ]
    assert [i[:3] for i in indicators(tasks[0])] == [("新增就业", "人", 50000)]


def test_a_task_column_under_a_name_the_rules_do_not_know_is_found_by_its_cells(tmp_path):
    """序号 / 主要工作举措 / 牵头单位 / 配合单位: the header names who is responsible, and the column whose header speaks
    of the work and whose cells are each numbered row's longest words is the task column, though 举措 alone names a
    schedule. A group row ("一、…") above the items is their area."""
    path = page(tmp_path / "表.html", [
        "<td>序号</td><td>主要工作举措</td><td>牵头单位</td><td>配合单位</td>",
        "<td>一、做强主导产业</td><td></td><td></td><td></td>",
        "<td>1</td><td>加快推进农产品精深加工,建设冷链仓储中心2个。</td><td>区农业农村局</td><td>区发展改革局</td>",
        "<td>2</td><td>推动再生资源项目签约落地,打造产业集群。</td><td>区工业和信息化局</td><td>区商务局、区财政局</td>",
        "<td>3</td><td>扶持重点企业扩产,带动配套企业提档升级。</td><td>区工业和信息化局</td><td>各镇政府</td>",
    ])
    programme = convert_table(path, "x-2024", 2024).programme
    tasks = programme.tasks
    assert [t.title for t in tasks] == ["加快推进农产品精深加工,建设冷链仓储中心2个。", "推动再生资源项目签约落地,打造产业集群。",
                                        "扶持重点企业扩产,带动配套企业提档升级。"]
    assert [_units(t) for t in tasks] == [[(["区农业农村局"], ["区发展改革局"])], [(["区工业和信息化局"], ["区商务局", "区财政局"])],
                                          [(["区工业和信息化局"], ["各镇政府"])]]
    assert [(a.code, a.name) for a in programme.areas] == [("一", "做强主导产业")] and {t.area for t in tasks} == {"一"}
    assert [i[:3] for i in indicators(tasks[0])] == [("建设冷链仓储中心", "个", 2)]


def test_a_row_of_words_beside_a_unit_is_no_header(tmp_path):
    """The fallback reads the cells below, never a row of text: a title row whose cells name a unit and a measure is
    passed over, and the real header below it is read."""
    path = page(tmp_path / "表.html", [
        "<td>重点工作举措</td><td>牵头单位：区政府办</td><td></td>",
        "<td>序号</td><td>工作任务</td><td>牵头单位</td>",
        "<td>1</td><td>新建公园3个</td><td>区城管局</td>",
    ])
    tasks = convert_table(path, "x-2024", 2024).programme.tasks
    assert [(t.title, _units(t)) for t in tasks] == [("新建公园3个", [(["区城管局"], [])])]


def test_a_one_row_table_is_read_when_its_header_is_clearly_a_header(tmp_path):
    """指标名称 / 全年任务目标(个) / 实际完成(个) / 完成进度 over a single indicator row: no date, unit or schedule column and
    no second row to tell the header by, but every header cell is a known column name and one holds the target with its
    unit in brackets. The one row is the task; its target 15 个, the done and the share reported progress."""
    path = page(tmp_path / "表.html", [
        "<td>指标名称</td><td>全年任务目标(个)</td><td>实际完成(个)</td><td>完成进度</td>",
        "<td>开工建设城镇老旧小区</td><td>15</td><td>15</td><td>100%</td>",
    ])
    [task] = convert_table(path, "x-2021", 2021).programme.tasks
    assert task.title == "开工建设城镇老旧小区"
    assert [i[1:3] for i in indicators(task)] == [("个", 15)]


def test_a_clear_header_over_a_row_without_its_figure_is_not_a_one_row_table(tmp_path):
    """The one-row rule wants the row below to give the bracketed column its figure: over a note row it reads no table
    (a row of text is never made an item), and the file says it has no header row."""
    import pytest

    from mstrack.errors import InputError

    path = page(tmp_path / "表.html", [
        "<td>指标名称</td><td>全年任务目标(个)</td><td>完成进度</td>",
        "<td>说明:本表数据截至2021年12月</td><td></td><td></td>",
    ])
    with pytest.raises(InputError, match="no header row found"):
        convert_table(path, "x-2021", 2021)


def test_under_one_header_over_several_columns_the_last_that_changes_is_the_task(tmp_path):
    """项目 over area / project / indicator, no 序号, the area and the project merged down over the indicator rows: each
    indicator row is its own task (its figure in 目标, its unit in its brackets), the merged area over them their area;
    never one task named by the area with the indicators as its lines."""
    path = page(tmp_path / "表.html", [
        '<td colspan="3">项 目</td><td>目标</td><td>责任单位</td>',
        '<td rowspan="2">就业促进工程</td><td rowspan="2">促进城乡劳动者就业创业</td><td>城镇新增就业人数(人)</td>'
        '<td>1300</td><td rowspan="2">区人社局</td>',
        "<td>城镇失业人员再就业(人)</td><td>250</td>",
    ])
    programme = convert_table(path, "x-2017", 2017).programme
    tasks = programme.tasks
    assert [t.title for t in tasks] == ["城镇新增就业人数(人)", "城镇失业人员再就业(人)"]
    assert [a.name for a in programme.areas] == ["就业促进工程"] and {t.area for t in tasks} == {programme.areas[0].code}
    assert [[i[1:3] for i in indicators(t)] for t in tasks] == [[("人", 1300)], [("人", 250)]]
    assert [[line.lead_units for line in t.lines] for t in tasks] == [[["区人社局"]], [["区人社局"]]]
    assert len({t.area for t in tasks}) == 1 and tasks[0].area is not None


def test_a_figure_named_by_the_task_work_it_completes_is_a_checkpoint_of_its_target(tmp_path):
    """"9月底前完成7家建设任务": the figure's only words are the task's own work (建设任务), no thing of its own, so it is
    the checkpoint of the one target counted in 家, never a second indicator named after the numbered step."""
    path = page(tmp_path / "表.html", [
        "<td>序号</td><td>工作任务</td><td>实施计划</td><td>牵头单位</td>",
        "<td>1</td><td>新建成社区驿站7家,新增托位500个。</td><td>1.社区驿站:3月底前新建成2家;9月底前完成7家建设任务。"
        "<br>2.托位:6月底前新增200个;9月底前完成500个托位。</td><td>卫生健康局</td>",
    ])
    [task] = convert_table(path, "x-2022", 2022).programme.tasks
    assert [(i[1], i[2], i[3]) for i in indicators(task)] == [
        ("家", 7, [(date(2022, 3, 31), 2), (date(2022, 9, 30), 7)]),
        ("个", 500, [(date(2022, 6, 30), 200), (date(2022, 9, 30), 500)]),
    ]
