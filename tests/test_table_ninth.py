"""The eighth held-out set's failures in general form (issue #13, helper a): one small hand-made table each, every one
seen failing before its fix in the reader."""

from mstrack.sources.table import convert_table
from tests.conftest import convert_written
from tests.test_table_layouts import indicators, page


def _units(task, kind: str) -> list[str]:
    return list(dict.fromkeys(u for line in task.lines for u in getattr(line, kind)))


def test_parts_numbered_again_under_each_item_are_parts_of_it(tmp_path):
    """Items "一、" with parts "1." "2." that start again under the next item, and unnumbered progress text under
    them: the parts belong to the item above (their offices are its units), the text is its progress; no task twice."""
    tasks = convert_written(tmp_path, "t.tsv", "项目\t责任单位\t完成情况\n"
                                               "一、新建幼儿园5所;改造老旧小区12个。\t区教育局,各街道\t已完成\n"
                                               "1.新建幼儿园5所\t区教育局,东城街道\t\n"
                                               "此项工作已完成。截至12月底,建成幼儿园6所。\t\t\n"
                                               "2.改造老旧小区12个\t区住建局,西城街道\t\n"
                                               "此项工作已完成。\t\t\n"
                                               "二、新增停车位500个。\t区交通局,各街道\t已完成\n"
                                               "此项工作已完成。截至12月底,新增停车位612个。\t\t\n"
                                               "三、新建公园3个。\t区园林局\t已完成\n"
                                               "1.新建口袋公园2个\t区园林局,东城街道\t\n"
                                               "2.新建湿地公园1个\t区园林局,南城街道\t\n").programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("一", "新建幼儿园5所;改造老旧小区12个。"), ("二", "新增停车位500个。"),
                                                  ("三", "新建公园3个。")]
    one, two, three = tasks
    assert _units(one, "lead_units") == ["区教育局"]
    assert _units(one, "units") == ["各街道", "东城街道", "区住建局", "西城街道"]
    assert _units(three, "units") == ["东城街道", "南城街道"]
    assert "新增停车位612个" in two.text.progress
    assert "建成幼儿园6所" in one.text.progress


def test_a_group_label_over_the_columns_beside_a_merged_item_header_makes_a_two_row_header(tmp_path):
    """项目名称 over two rows, 项目类别 over the five columns beside it: the second row (long sub-column names among
    them) is header, not task 1; the items are numbered from the first row below it, and 工作任务's figures read."""
    path = page(tmp_path / "t.html", [
        '<td rowspan="2">项目名称</td><td colspan="5">项目类别</td>',
        "<td>工作任务</td><td>实际已完成工作量</td><td>完成工作进度(%)</td><td>预计至12月31日完成工作量</td>"
        "<td>预计至12月31日完成工作进度(%)</td>",
        "<td>提质改造老年学校。</td><td>建设老年学校2所</td><td>已完成。</td><td>100</td><td></td><td></td>",
        "<td>建成县域普通高中项目。</td><td>竣工并投入使用</td><td>已完成。</td><td>100</td><td></td><td></td>"])
    tasks = convert_table(path, "x-2024", 2024).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("1", "提质改造老年学校。"), ("2", "建成县域普通高中项目。")]
    assert [[(unit, target) for _, unit, target, _ in indicators(t)] for t in tasks] == [[("所", 2)], []]


def test_headings_that_name_the_lead_unit_give_it_to_their_items_numbered_inside_them(tmp_path):
    """"一、…负责的工作" with a line of its own merged over the width (no task), then "(一)X牵头的工作" headings: the
    items under each take X as their lead and both headings' numbers ("一(二)1"); items numbered from 1. again under
    each heading do not collide."""
    path = page(tmp_path / "t.html", [
        "<td>工作任务</td><td>协同单位</td>",
        '<td colspan="2">一、甲副区长负责的工作</td>',
        '<td colspan="2">协助区长抓好区政府工作任务的落实。</td>',
        '<td colspan="2">(一)区教育局牵头的工作</td>',
        "<td>新建幼儿园3所。</td><td>各街道</td>",
        '<td colspan="2">(二)区住建局牵头的工作</td>',
        "<td>1.改造老旧小区12个。</td><td></td>",
        "<td>2.新增停车位500个。</td><td>区交通局</td>",
        '<td colspan="2">二、乙副区长负责的工作</td>',
        '<td colspan="2">(一)区卫健委牵头的工作</td>',
        "<td>1.新建社区卫生服务站2个。</td><td>各街道</td>"])
    tasks = convert_table(path, "x-2024", 2024).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [
        ("一(一)", "新建幼儿园3所。"), ("一(二)1", "改造老旧小区12个。"), ("一(二)2", "新增停车位500个。"),
        ("二(一)1", "新建社区卫生服务站2个。")]
    assert [_units(t, "lead_units") for t in tasks] == [["区教育局"], ["区住建局"], ["区住建局"], ["区卫健委"]]
    assert [_units(t, "units") for t in tasks] == [["各街道"], [], ["区交通局"], ["各街道"]]
