"""Review 6's group rows (issue #13), each on a small synthetic table: a numeral row whose title sets a target is a
task, not an area; a numeral row that is a task ends the area above it; a cell merged down from a group row over
its items is not the group row's own; and the refusal of a list of headings says what it found."""

from __future__ import annotations

from openpyxl import Workbook

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from tests.conftest import convert_written


def _codes(result) -> list[tuple[str, str | None]]:
    return [(t.code, t.area) for t in result.programme.tasks]


def test_a_group_row_whose_title_sets_a_target_is_a_task_not_an_area(tmp_path):
    """"（一）|新建幼儿园3所" over items "1"…"3": the 3 所 is a target, so the row is a task that keeps it."""
    result = convert_written(tmp_path, "figure.csv", [
        ["序号", "工作任务", "牵头单位", "完成时限"],
        ["（一）", "新建幼儿园3所", "", ""],
        ["1", "城东幼儿园", "区教育局", "2024年12月"],
        ["2", "城西幼儿园", "区教育局", "2024年10月"],
    ])
    assert result.programme.areas == []
    first = result.programme.tasks[0]
    assert (first.code, first.title) == ("一", "新建幼儿园3所")
    assert [(i.name, i.unit, i.target) for line in first.lines for i in line.indicators] == [("新建幼儿园", "所", 3)]
    assert _codes(result) == [("一", None), ("1", None), ("2", None)]


def test_a_numeral_row_with_cells_of_its_own_ends_the_area_above(tmp_path):
    """"（二）|改造老旧小区12个|区住建局|2024年12月" after area "（一）教育惠民": a task of its own, not inside 一,
    and neither is the item after it."""
    result = convert_written(tmp_path, "ends.csv", [
        ["序号", "工作任务", "牵头单位", "完成时限"],
        ["（一）", "教育惠民", "", ""],
        ["1", "新建幼儿园3所", "区教育局", "2024年12月"],
        ["2", "改造学校操场5个", "区教育局", "2024年10月"],
        ["（二）", "改造老旧小区12个", "区住建局", "2024年12月"],
        ["3", "新增城镇就业4000人", "区人社局", "2024年12月"],
    ])
    assert [(a.code, a.name) for a in result.programme.areas] == [("一", "教育惠民")]
    assert _codes(result) == [("1", "一"), ("2", "一"), ("二", None), ("3", None)]


def test_a_cell_merged_down_from_a_group_row_over_its_items_is_not_the_rows_own(tmp_path):
    """"（一）|教育惠民|区教育局" with 区教育局 merged down over items "1", "2": the group's area, as with "一"."""
    path = tmp_path / "merged.xlsx"
    book = Workbook()
    sheet = book.active
    for row in [["序号", "工作任务", "牵头单位", "完成时限"],
                ["（一）", "教育惠民", "区教育局", None],
                ["1", "新建幼儿园3所", None, "2024年12月"],
                ["2", "改造学校操场5个", None, "2024年10月"],
                ["（二）", "医疗惠民", "区卫健局", None],
                ["3", "新建村卫生室10个", None, "2024年12月"],
                ["4", "免费体检1万人次", None, "2024年11月"]]:
        sheet.append(row)
    sheet.merge_cells("C2:C4")
    sheet.merge_cells("C5:C7")
    book.save(path)
    result = convert_table(path, "x-2024", 2024)
    assert [(a.code, a.name) for a in result.programme.areas] == [("一", "教育惠民"), ("二", "医疗惠民")]
    assert _codes(result) == [("1", "一"), ("2", "一"), ("3", "二"), ("4", "二")]
    assert [u for t in result.programme.tasks for line in t.lines for u in line.lead_units] == \
        ["区教育局", "区教育局", "区卫健局", "区卫健局"]


def test_a_list_of_headings_with_no_task_under_them_is_refused_saying_so(tmp_path):
    """A page of "一、加强组织领导" headings alone: refused naming the rows and the headings, not "row 0"."""
    try:
        convert_written(tmp_path, "measures.html", "<html><body><p>某县2024年民生实事项目实施方案</p><p>提出以下保障措施：</p>"
                                                   "<p>一、加强组织领导</p><p>二、强化资金保障</p><p>三、加强督查考核</p></body></html>")
    except InputError as error:
        text = str(error)
    else:
        raise AssertionError("a list of headings alone was read as a programme")
    assert "row 0" not in text
    # The same headings in a table with a header: refused naming the row and the headings.
    try:
        convert_written(tmp_path, "measures.csv", "序号,工作任务,责任单位\n一,加强组织领导,\n二,强化资金保障,\n三,加强督查考核,\n")
    except InputError as error:
        text = str(error)
    else:
        raise AssertionError("a table of headings alone was read as a programme")
    assert "row 1" in text and "加强组织领导" in text and "no task" in text


def test_a_count_of_items_in_a_group_title_is_no_target():
    """"教育惠民（共2项）" names how many items the group holds; "新建幼儿园3所" sets a target."""
    from mstrack.sources.table.titles import sets_target

    assert not sets_target("教育惠民（共2项）") and not sets_target("民生实事（10件）") and not sets_target("教育惠民")
    assert sets_target("新建幼儿园3所")
