"""Structures of published tables the reader stopped on or misread at first contact with the sixth held-out set
(issue #13, "After the sixth held-out fixes" in docs/import-table.md), one small hand-made table each."""

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
