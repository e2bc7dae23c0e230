"""The twelfth held-out set's documents with no header row (issue 13): each rule on a small synthetic document."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from tests.conftest import write_page
from tests.test_table_headerless import convert, facts

page = write_page  # the name other test files import


PLAN = ["某省2026年民生工程实施方案", "现结合实际制定本方案。"]


@pytest.mark.parametrize(("label", "lead", "units"), [
    ("责任单位", ["县住建局"], ["县财政局"]), ("牵头单位", ["县住建局", "县财政局"], []), ("主责单位", ["县住建局", "县财政局"], []),
])
def test_a_trailing_bracket_opening_with_a_role_label_gives_that_roles_offices(tmp_path, label, lead, units):
    """"一、…。(责任单位:县住建局、县财政局)": the bracket names the offices by their role; the title is the words
    before it (its own stop kept), the bracket no part of it. 责任单位 reads as the column of that name does (the first
    office leads); 牵头单位 makes every office named a lead."""
    result = convert(tmp_path, [*PLAN, f"一、棚户区改造工程。建成安置房800套以上。({label}:县住建局、县财政局)",
                                f"二、农村公路提升工程。建设改造农村公路50公里。（{label}：县交通局）",
                                f"三、护眼教室改造工程。完成500间护眼教室改造。({label}:县教育局)"])
    assert facts(result) == [
        ("一", "棚户区改造工程。建成安置房800套以上。", lead, units),
        ("二", "农村公路提升工程。建设改造农村公路50公里。", ["县交通局"], []),
        ("三", "护眼教室改造工程。完成500间护眼教室改造。", ["县教育局"], [])]


def test_a_trailing_bracket_with_a_role_label_but_no_office_stays_in_the_title(tmp_path):
    """"(牵头单位:按职责分工抓好落实)" names no office list: the words stay whole, no office is invented."""
    result = convert(tmp_path, [*PLAN, "一、棚户区改造工程。建成安置房800套以上。(牵头单位:按职责分工抓好落实)",
                                "二、农村公路提升工程。建设改造农村公路50公里。(责任单位:县交通局)",
                                "三、护眼教室改造工程。完成500间护眼教室改造。(责任单位:县教育局)"])
    assert facts(result)[0] == ("一", "棚户区改造工程。建成安置房800套以上。(牵头单位:按职责分工抓好落实)", ["（表中未列）"], [])


ITEMS = ["第一项:校舍维修建设及设施设备提升工程。", "包括完成城南小学整体提升改造。该项目总投资约260万元,资金由街道负责。",
         "第二项：普惠性托位增设工程。", "包括增设普惠性托育机构和托位。该项目总投资约250万元。",
         "第三项:社区爱心食堂建设工程。", "包括在江北再开设一家社区爱心食堂。该项目总投资约50万元。"]


def test_items_numbered_di_n_xiang_with_headings_ending_in_a_stop_are_read(tmp_path):
    """"第一项:name。" over its paragraph: the item coded by its numeral, titled by its heading without the heading's stop
    (tests/data/tables/README.md, read50c; reader63c changed this pin, which kept it), its figures
    from the paragraph below; a heading that names a project ("…增设工程。") makes its paragraph the project's content
    though the paragraph itself opens with no verb of work ("包括增设…")."""
    path = page(tmp_path / "list.html", ["某街道2023年民生实事项目", *ITEMS])
    tasks = convert_table(path, "x-2023", 2023).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [
        ("一", "校舍维修建设及设施设备提升工程"), ("二", "普惠性托位增设工程"), ("三", "社区爱心食堂建设工程")]
    figures = [[(i.target, i.unit) for line in t.lines for i in line.indicators] for t in tasks]
    assert (2_600_000, "元") in figures[0] or (260, "万元") in figures[0]


def test_the_same_items_under_a_report_of_results_are_read_with_a_doubt(tmp_path):
    """The title reports results (完成情况报告), but each item states its planned investment: the items are the
    programme's, read with a doubt naming the title (13-read42b changed this pin: it was refused, as jiyang-2023 was).
    Without the investments they are what was done, not what is to do (vocabulary.RESULTS_NAMING): refused."""
    path = page(tmp_path / "report.html", ["某街道2023年民生实事项目完成情况报告", *ITEMS])
    conversion = convert_table(path, "x-2023", 2023)
    assert [t.code for t in conversion.programme.tasks] == ["一", "二", "三"]
    assert any("report of results" in str(doubt) for doubt in conversion.doubts)
    done = [item.split("该项目")[0] + "该项目已完工。" if item.startswith("包括") else item for item in ITEMS]
    with pytest.raises(InputError, match="report of results"):
        convert_table(page(tmp_path / "done.html", ["某街道2023年民生实事项目完成情况报告", *done]), "x-2023", 2023)


ONE_PROJECT = ["2010年1-4月份民生建设十件实事", "进展情况通报", ["", "目标任务", "目前进度"]]


def test_one_numbered_project_under_a_header_of_part_labels_is_read(tmp_path):
    """"一、name" under an empty header cell, its 目标任务 and 目前进度 beside it, the table's only row: the number says it
    is an item; its targets come from 目标任务 alone, the progress column's figures are reported progress."""
    result = convert(tmp_path, [*ONE_PROJECT, ["一、农村公路建设项目", "新建农村公路50公里,改造危桥3座。",
                                               "目前已完成路基20公里,危桥2座已开工。"]], year=2010)
    [task] = result.programme.tasks
    assert (task.code, task.title) == ("一", "农村公路建设项目")
    assert [(i.target, i.unit) for line in task.lines for i in line.indicators] == [(50, "公里"), (3, "座")]


def test_one_unnumbered_row_under_a_header_of_part_labels_stays_refused(tmp_path):
    """The same row without its number is no item the table names: prose under two labels is refused as before."""
    with pytest.raises(InputError):
        convert(tmp_path, [*ONE_PROJECT, ["农村公路建设情况", "新建农村公路50公里,改造危桥3座。",
                                          "目前已完成路基20公里,危桥2座已开工。"]], year=2010)
