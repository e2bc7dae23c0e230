"""Review 7's office rows, number columns and places (issue #13), each on a small synthetic table: a column of years
numbers no task; an office's group row keeps its lead with a numeral before it or beside a 配合单位 column; and a
"惠及17个乡镇的…" names the places reached, no target; contacts or duties under ""/责任单位 are no tasks."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from tests.conftest import convert_written, write_table


def _leads(result) -> list[tuple[str, list[str], list[str]]]:
    return [(t.code, t.lines[0].lead_units, t.lines[0].units) for t in result.programme.tasks]


def test_a_column_of_years_under_an_empty_header_does_not_number_the_tasks(tmp_path):
    """""|项目名称 over 2024, 2025, 2026: years, not 序号; the tasks go by their position."""
    result = convert_written(tmp_path, "years.csv", [
        ["", "项目名称", "责任单位", "完成时间"],
        ["2024", "幼儿园建设", "区教育局", "2024年12月"],
        ["2025", "老旧小区改造", "区住建局", "2024年11月"],
        ["2026", "公园建设", "区城管局", "2024年10月"],
    ])
    assert [t.code for t in result.programme.tasks] == ["1", "2", "3"]


def test_an_unnamed_column_of_small_numbers_still_numbers_the_tasks(tmp_path):
    """""|项目名称 over 3, 4, 6 (a page of a longer list): 序号 as printed."""
    result = convert_written(tmp_path, "seq.csv", [
        ["", "项目名称", "责任单位", "完成时间"],
        ["3", "幼儿园建设", "区教育局", "2024年12月"],
        ["4", "老旧小区改造", "区住建局", "2024年11月"],
        ["6", "公园建设", "区城管局", "2024年10月"],
    ])
    assert [t.code for t in result.programme.tasks] == ["3", "4", "6"]


def test_an_office_group_row_numbered_with_a_numeral_leads_its_items(tmp_path):
    """"一、区委办公室(2项)" merged over items 1, 2 with no office column: 区委办公室 leads them, no area."""
    result = convert_written(tmp_path, "yi.xlsx", [
        ["序号", "工作任务", "完成时限"],
        ["一、区委办公室(2项)", None, None],
        [1, "建设智慧党建平台1个", "2024年12月"],
        [2, "编制政务公开目录1份", "2024年6月"],
        ["二、区卫健局(1项)", None, None],
        [3, "免费体检2万人次", "2024年10月"],
    ])
    assert [(code, lead) for code, lead, _ in _leads(result)] == [
        ("1", ["区委办公室"]), ("2", ["区委办公室"]), ("3", ["区卫健局"])]


def test_an_office_group_row_over_a_column_of_helpers_leads_and_they_help(tmp_path):
    """"区教育局（2项）" over items whose only office column is 配合单位: 区教育局 leads, the column's offices help."""
    result = convert_written(tmp_path, "peihe.xlsx", [
        ["序号", "工作任务", "配合单位", "完成时限"],
        ["区教育局（2项）", None, None, None],
        [1, "新建幼儿园3所", "区财政局", "2024年12月"],
        [2, "改造学校操场5个", "区体育局", "2024年8月"],
    ])
    assert result.programme.areas == []
    assert _leads(result) == [("1", ["区教育局"], ["区财政局"]), ("2", ["区教育局"], ["区体育局"])]


def test_places_reached_before_de_are_no_target(tmp_path):
    """"惠及17个乡镇的农村供水工程，改造管网30公里": 17 乡镇 are the places reached; 30 公里 is the target."""
    result = convert_written(tmp_path, "places.csv", [
        ["序号", "任务", "责任单位", "完成时限"],
        ["1", "在17个乡镇建设文化广场17个", "区文旅局", "2024年10月"],
        ["2", "惠及17个乡镇的农村供水工程，改造管网30公里", "区水务局", "2024年6月"],
    ])
    first, second = result.programme.tasks
    assert [(i.name, i.unit, i.target) for line in first.lines for i in line.indicators] == [("乡镇建设文化广场", "个", 17)]
    assert [(i.unit, i.target) for line in second.lines for i in line.indicators] == [("公里", 30)]


def test_a_numbered_office_row_leads_its_parts_and_its_count_is_no_target(tmp_path):
    """"1 | 区卫健局（3项任务）" over "(1)", "(2)" with no office column: 区卫健局 leads the parts, no "3 项" target; task
    2 after them is not 区卫健局's."""
    result = convert_written(tmp_path, "office.csv", [
        ["序号", "工作任务", "完成时限"],
        ["1", "区卫健局（3项任务）", ""],
        ["(1)", "新建社区卫生服务站5个", "2024年12月"],
        ["(2)", "免费体检2万人次", "2024年10月"],
        ["2", "新建幼儿园3所", "2024年12月"],
    ])
    first, second = result.programme.tasks
    assert (first.code, first.title) == ("1", "区卫健局")
    assert [line.lead_units for line in first.lines] == [["区卫健局"], ["区卫健局"]]
    assert [(i.unit, i.target) for line in first.lines for i in line.indicators] == [("个", 5), ("人次", 20000)]
    assert second.code == "2" and second.lines[0].lead_units != ["区卫健局"]


@pytest.mark.parametrize("items", [
    ["1、联系人：张三 电话：12345678", "2、联系人：李四 电话：87654321"],
    ["1、负责民生实事项目的统筹协调和督查通报", "2、负责项目资金的筹措和拨付"],
    ["1、负责民生实事项目的统筹协调和督查通报"],
])
def test_contacts_or_duties_under_a_header_naming_only_who_is_responsible_are_no_tasks(tmp_path, items):
    """""/责任单位 over "1、联系人：…电话：…" or "1、负责…统筹协调" beside an office: who to call and who does what,
    not numbered items of work: refused (exit 2), nothing read."""
    path = write_table(tmp_path / "contacts.csv", [["", "责任单位"], *([item, office] for item, office in zip(
        items, ["区教育局", "区卫健局"][:len(items)], strict=True))])
    with pytest.raises(InputError):
        convert_table(path, "x-2024", 2024)


def test_one_numbered_item_of_work_under_who_is_responsible_still_reads(tmp_path):
    """""/责任单位 over "1、农村中小学校改扩建工程…" beside an office: the item is a task."""
    result = convert_written(tmp_path, "item.csv", [
        ["", "责任单位"],
        ["1、农村中小学校改扩建工程。新建校舍2栋，2024年12月底前完成", "区教育局"],
    ])
    assert [(t.code, t.lines[0].lead_units) for t in result.programme.tasks] == [("1", ["区教育局"])]
