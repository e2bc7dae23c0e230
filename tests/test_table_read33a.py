"""Issue 13, read33a: the twentieth set's refused lists, each rule on a small synthetic list: projects "(一)" under a
group heading, each with labelled office lines under it, are a work list with no programme word above them, and go
by both numbers when they number on across the headings (13-read42c; read33a kept their own); an item opening with a
qualifier before its verb does work; a run of two items is a list only on strong evidence."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError

from .conftest import convert_written, read_as_best_effort, targets_of, write_table

# --- 1. projects "(一)" with labelled office lines, no title naming a programme ---------------------------------

PROJECTS = """一、城市安居项目
(一)启动首批保障性住房建设
项目内容:规划配售型保障性住房2170套,年内启动首批项目建设。
责任单位:市住房城乡建设局、市自然资源局、市财政局。
(二)实施12000平方米城市危房改造
项目内容:启动实施12000平方米直管公房危房修缮改造工作。
责任单位:市住房城乡建设局、市财政局。
(三)启动城中村改造项目
项目内容:组织各地区谋划推动重点城中村改造项目。
责任单位:市住房城乡建设局、市发展改革委。
"""
MORE = """二、教育惠民项目
(四)新建幼儿园5所
项目内容:在城区新建公办幼儿园5所。
责任单位:市教育局、市财政局。
(五)改造农村学校操场20个
项目内容:改造农村学校操场20个。
责任单位:市教育局。
"""


def test_projects_with_labelled_office_lines_are_a_work_list(tmp_path):
    """No title names a programme: each project's labelled 责任单位 line says the list is one of work, as 完成时限 lines
    do; the projects of the one group are coded under it, "一(一)" (13-revfix33: nothing shows their numbers running on
    across groups, whatever is printed above), the first office leads."""
    tasks = convert_written(tmp_path, "projects.txt", PROJECTS).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [
        ("一(一)", "启动首批保障性住房建设"), ("一(二)", "实施12000平方米城市危房改造"), ("一(三)", "启动城中村改造项目")]
    assert [t.lines[0].lead_units for t in tasks] == [["市住房城乡建设局"]] * 3
    assert set(tasks[0].lines[0].units) - {"市住房城乡建设局"} == {"市自然资源局", "市财政局"}
    assert targets_of(tasks[0]) == [(2170, "套")] and targets_of(tasks[1]) == [(12000, "平方米")]


def test_projects_numbered_on_across_headings_take_both_numbers(tmp_path):
    """"(四)" under "二、" numbers on from "(三)" under "一、": each project goes by its heading's number and its own,
    "二(四)", as tests/data/tables/README.md's rule has it ("二(三)"; 13-read42c: read33a kept "(四)")."""
    tasks = convert_written(tmp_path, "projects.txt", PROJECTS + MORE).programme.tasks
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)", "二(四)", "二(五)"]
    assert [t.title for t in tasks[3:]] == ["新建幼儿园5所", "改造农村学校操场20个"]
    assert [t.lines[0].lead_units for t in tasks[3:]] == [["市教育局"]] * 2


def test_projects_numbered_again_under_each_heading_take_both_numbers(tmp_path):
    """"(一)" again under "二、": the numbers repeat, so each project goes by its group's and its own, "二(一)"."""
    again = MORE.replace("(四)", "(一)").replace("(五)", "(二)")
    tasks = convert_written(tmp_path, "projects.txt", PROJECTS + again).programme.tasks
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)", "二(一)", "二(二)"]


def test_one_group_under_a_documents_words_takes_both_numbers(tmp_path):
    """The one group below a title: the heading may be the document's section, its items numbered within it, "一(一)",
    as before."""
    tasks = convert_written(tmp_path, "projects.txt", "大连市2024年重点民生实事项目\n" + PROJECTS).programme.tasks
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)"]


def test_a_notices_points_without_office_lines_are_read_only_as_a_best_effort(tmp_path):
    """The same projects with no 责任单位 line and no title naming a programme: no layout the reader knows (refused by
    the layout readings); projects each setting a figure, they are read only as a best effort, every task a doubt
    (fallback48; before, refused whole)."""
    bare = "\n".join(line for line in PROJECTS.splitlines() if not line.startswith("责任单位"))
    conversion = read_as_best_effort(write_table(tmp_path / "points.txt", bare), "no header row found")
    assert [t.code for t in conversion.programme.tasks] == ["一(一)", "一(二)", "一(三)"]


# --- 2. a qualifier before the verb; a run of two items -------------------------------------------------------

PLAN = """2025年为民实事实施方案
二、主要任务
(一)提高民生保障标准
1.提高养老金待遇。全面落实国家部署要求,适当提高退休人员基本养老金。(市人社局、市财政局)
2.阶段性减征职工基本医疗保险费。将参保单位缴费费率由7%降至6%。(市医疗保障局)
"""


@pytest.mark.parametrize("item", ["阶段性减征职工基本医疗保险费", "逐步提高城乡居民医保补助标准", "持续提升社区养老服务水平",
                                  "全面推进老旧小区改造"])
def test_a_qualifier_before_the_verb_hides_no_work(item):
    from mstrack.sources.table.list_work import does_work

    assert does_work(item)


def test_two_items_under_a_programmes_title_each_naming_its_offices(tmp_path):
    """Two items, each ending with a bracket of its offices, under a title naming the programme: the plan, read; the
    second opens with a qualifier before its verb (阶段性减征) and does work all the same."""
    tasks = convert_written(tmp_path, "plan.txt", PLAN, 2025).programme.tasks
    assert [t.code for t in tasks] == ["1", "2"]
    assert [t.lines[0].lead_units for t in tasks] == [["市人社局"], ["市医疗保障局"]]
    assert set(tasks[0].lines[0].units) - {"市人社局"} == {"市财政局"}
    assert targets_of(tasks[1]) == [(6, "%")]


@pytest.mark.parametrize("text", [
    "关于做好2025年为民实事的通知\n1.请各单位于5月底前报送实施方案。(市政府办)\n2.要加强督查考核。(市督查室)\n",
    "关于召开会议的通知\n1.提高养老金待遇。适当提高退休人员基本养老金。(市人社局、市财政局)\n"
    "2.阶段性减征职工基本医疗保险费。将缴费费率由7%降至6%。(市医疗保障局)\n",
    "2025年为民实事实施方案\n1.提高养老金待遇。适当提高退休人员基本养老金。\n2.阶段性减征职工基本医疗保险费。\n"])
def test_two_stray_numbered_lines_stay_refused(tmp_path, text):
    """Two numbered lines are a list only with both: a title naming the programme, and each item naming its offices
    and doing work. A notice's requirements, a meeting's notice, or two items naming no office: refused."""
    with pytest.raises(InputError):
        convert_written(tmp_path, "notice.txt", text, 2025)
