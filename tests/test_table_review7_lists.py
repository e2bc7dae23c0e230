"""Review 7 of the documents with no header row (issue 13): a closing note under the last heading is no task; a plan's
"实施…，惠及…" is an estimate, no result; items numbered 一、 that name their office read; a paragraph's "责任单位：" label
and a bracket after the item's stop, or one that holds a date too, give the lead and the deadline."""

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from tests.test_table_review6 import NO_TABLE, page

ITEMS = ["1.新建幼儿园3所，新增学位900个（区教育局）", "2.改造老旧小区12个（区住建局）", "3.新建公园绿地5处（区城管局）"]


def read(tmp_path, lines: list[str]):
    return convert_table(page(tmp_path, lines, title=lines[0]), "x-2024", 2024)


def test_a_closing_note_under_the_last_heading_is_no_task(tmp_path):
    result = read(tmp_path, ["某区2024年民生实事项目", "一、教育民生", "（一）新建幼儿园3所", "（二）改造薄弱学校5所",
                             "二、卫生健康", "（一）免费体检2万人次（区卫健局）", "三、其他事项",
                             "以上项目由区政府督查室负责督查，每季度通报一次进展情况。"])
    assert [t.code for t in result.programme.tasks] == ["一(一)", "一(二)", "二(一)"]


def test_a_plan_that_puts_work_in_hand_estimates_its_benefit(tmp_path):
    result = read(tmp_path, ["某区2024年十件民生实事", "今年实施十件民生实事，惠及群众50万人，具体如下：", *ITEMS])
    assert [t.code for t in result.programme.tasks] == ["1", "2", "3"]


def test_a_report_that_a_programme_benefited_people_stays_refused(tmp_path):
    with pytest.raises(InputError, match=NO_TABLE):
        read(tmp_path, ["某区2024年民生实事项目", "今年民生实事已惠及群众50万人，具体如下：", *ITEMS])


def test_items_numbered_yi_that_name_their_office_are_tasks(tmp_path):
    result = read(tmp_path, ["某区2024年为民办实事项目", "一、为65岁以上老人免费体检（区卫健局）",
                             "二、为全区中小学生免费开展视力筛查（区教育局）", "三、为困难群众免费安装燃气报警器（区应急局）"])
    assert [(t.code, t.lines[0].lead_units) for t in result.programme.tasks] == [
        ("一", ["区卫健局"]), ("二", ["区教育局"]), ("三", ["区应急局"])]


def test_a_plans_requirements_numbered_yi_with_offices_stay_refused(tmp_path):
    with pytest.raises(InputError, match=NO_TABLE):
        read(tmp_path, ["某区2024年民生实事项目实施方案", "一、做好项目谋划（区发改局）", "二、强化资金保障（区财政局）",
                        "三、严格督查考核（区督查室）"])


def test_a_lead_labelled_at_the_end_of_a_projects_paragraph(tmp_path):
    result = read(tmp_path, ["某县2024年民生实事项目实施方案", "一、城区供水管网改造工程",
                             "改造城区老旧供水管网20公里，2024年10月底前完工。责任单位：县水务局。", "二、农村公路提升工程",
                             "硬化农村道路50公里，确保2024年11月底前完工。责任单位：县交通局。", "三、老年食堂建设工程",
                             "新建老年食堂6个，责任单位：县民政局。"])
    tasks = result.programme.tasks
    assert [t.lines[0].lead_units for t in tasks] == [["县水务局"], ["县交通局"], ["县民政局"]]
    assert not [c for t in tasks for c in t.lines[0].checkpoints if "责任单位" in c.text]


@pytest.mark.parametrize("stop", ["；", "。"])
def test_an_office_in_brackets_before_the_items_stop(tmp_path, stop):
    result = read(tmp_path, ["某区2024年民生实事项目", *(item + stop for item in ITEMS)])
    assert [t.lines[0].lead_units for t in result.programme.tasks] == [["区教育局"], ["区住建局"], ["区城管局"]]
    assert result.programme.tasks[0].title == "新建幼儿园3所，新增学位900个"


def test_a_bracket_holding_the_office_and_the_deadline(tmp_path):
    result = read(tmp_path, ["某区2024年民生实事项目", "一、教育民生", "（一）新建幼儿园3所。（区教育局，2024年12月底前）",
                             "（二）改造薄弱学校5所。（区教育局，2024年11月底前）", "（三）新建食堂2个。（区教育局，2024年9月底前）"])
    tasks = result.programme.tasks
    assert [(t.title, t.lines[0].lead_units, str(t.deadline)) for t in tasks] == [
        ("新建幼儿园3所", ["区教育局"], "2024-12-31"), ("改造薄弱学校5所", ["区教育局"], "2024-11-30"),
        ("新建食堂2个", ["区教育局"], "2024-09-30")]
