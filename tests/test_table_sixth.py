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
