"""Review 6 of the documents with no header row (issue 13): a report of results vouched for by its introduction, a
notice's or a plan's requirements, a news report's list of benefits stay refused; a sentence after the list about
something else sets no deadline; a page laid out in a table keeps its deadline; a title's year in Chinese numerals."""

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from mstrack.sources.table.convert import title_years
from mstrack.sources.table.units import office_list
from tests.conftest import convert_written, write_page
from tests.test_table_headerless import NO_HEADER, convert

NO_TABLE = "no table found in the document"  # a web page with no list of tasks
LIST = "新建幼儿园3所；改造老旧小区12个；新建农村公路30公里；新增城镇就业4000人"


def page(tmp_path, body: list[str], title: str = "某县2024年民生实事项目", name: str = "page.html"):
    return write_page(tmp_path / name, body, title)


REFUSED = {
    # a title that reports results: the introduction's 民生实事 does not vouch for it (4)
    "results_title": ["2023年县政府民生实事项目完成情况", f"2023年县政府确定的民生实事全部完成，具体如下：{LIST}。"],
    # a neutral title above an introduction that reports results (4)
    "results_intro": ["某县2023年民生实事项目", f"2023年县政府确定的民生实事全部兑现，具体如下：{LIST}。"],
    # a numbered list under a title that reports results (4)
    "results_numbered": ["2024年民生实事项目落实情况", "1.新建幼儿园3所", "2.改造老旧小区12个", "3.新建农村公路30公里"],
    # a notice's requirements in one paragraph: no figure, no project named (5)
    "notice_inline": ["关于做好2024年民生实事项目实施工作的通知", "为确保2024年民生实事项目顺利实施，现将有关事项通知如下：",
                      "加强组织领导，明确责任分工；强化资金保障，确保项目按期开工；加强督查考核，每月通报一次进展情况。"],
    # a plan's sections numbered 一、 with an office after each: no figure, no project named (6)
    "fangan_yi": ["某区2024年民生实事项目实施方案", "一、加强组织领导（区政府办）", "二、强化资金保障（区财政局）",
                  "三、加强督查考核（区督查室）"],
    # a news report whose headline reports the benefit (m2)
    "news_benefit": ["我县民生实事项目惠及千家万户", "今年我县民生实事项目主要有：新建幼儿园3所，新增学位900个；改造老旧小区12个，"
                     "惠及居民2100户；新建农村公路30公里，群众出行更加便捷。", "记者 王明"],
}


@pytest.mark.parametrize("name", REFUSED)
def test_what_reports_results_or_sets_requirements_is_refused(tmp_path, name):
    with pytest.raises(InputError, match=f"{NO_TABLE}|{NO_HEADER}"):
        convert_table(page(tmp_path, REFUSED[name], title=REFUSED[name][0]), "x-2024", 2024)


def test_a_promise_to_complete_the_programme_above_a_list_is_no_report(tmp_path):
    lines = ["2024年民生实事项目", f"为确保民生实事项目全部完成，现将项目公布如下：{LIST}。"]
    result = convert_table(page(tmp_path, lines, title=lines[0]), "x-2024", 2024)
    assert [t.code for t in result.programme.tasks] == ["1", "2", "3", "4"]


def test_items_numbered_yi_that_set_figures_are_still_tasks(tmp_path):
    result = convert(tmp_path, ["某区2024年民生实事项目", "一、新建幼儿园3所（区教育局）", "二、改造老旧小区12个（区住建局）",
                                "三、新建农村公路30公里（区督查室）"])
    assert [(t.code, t.lines[0].lead_units) for t in result.programme.tasks] == [
        ("一", ["区教育局"]), ("二", ["区住建局"]), ("三", ["区督查室"])]
    assert result.programme.tasks[2].title == "新建农村公路30公里"


def test_a_supervision_office_is_an_office_a_clinic_is_not():
    assert office_list("区督查室") and office_list("县政府办公室、县财政局")
    assert not office_list("村卫生室") and not office_list("活动室")


@pytest.mark.parametrize("after", ["以上项目的资金拨付，于6月底前完成。", "以上资金拨付，于6月底前完成。"])
def test_a_sentence_after_the_list_about_another_subject_sets_no_deadline(tmp_path, after):
    lines = ["某县2024年民生实事项目", "1.新建幼儿园3所（县教育局）", "2.改造老旧小区12个（县住建局）",
             "3.新建农村公路30公里（县交通运输局）",
             after]
    result = convert(tmp_path, lines)
    assert [t.deadline for t in result.programme.tasks] == [None, None, None]
    assert not [d for d in result.doubts if "text after the list" in d]


@pytest.mark.parametrize("after", ["以上项目均于5月底前完成招标，11月底前全部建成投用。",
                                   "以上项目计划5月底前完成招标，11月底前全部建成投用。"])
def test_a_sentence_whose_subject_is_the_projects_still_sets_their_deadline(tmp_path, after):
    lines = ["某县2024年民生实事项目", "1.新建幼儿园3所（县教育局）", "2.改造老旧小区12个（县住建局）",
             "3.新建农村公路30公里（县交通运输局）", after]
    result = convert(tmp_path, lines)
    assert [str(t.deadline) for t in result.programme.tasks] == ["2024-11-30"] * 3


def test_a_page_laid_out_in_a_table_keeps_the_deadline_after_the_list_in_its_cell(tmp_path):
    result = convert_written(tmp_path, "layout.html",
                             "<html><head><title>某县2024年民生实事项目</title></head><body><table><tr><td>首页</td><td>公开</td></tr>"
                             "<tr><td colspan=\"2\"><p>某县2024年民生实事项目</p>"
                             f"<p>经县人大票决，2024年民生实事项目分别是：{LIST}。</p><p>以上项目均于2024年11月底前完成。</p>"
                             "<p>县长表示，将全力推进。</p></td></tr></table></body></html>")
    tasks = result.programme.tasks
    assert [t.title for t in tasks] == ["新建幼儿园3所", "改造老旧小区12个", "新建农村公路30公里", "新增城镇就业4000人"]
    assert [str(t.deadline) for t in tasks] == ["2024-11-30"] * 4


def test_a_title_year_in_chinese_numerals_is_compared_with_the_year_given(tmp_path):
    assert title_years("某县二〇二三年民生实事项目") == [2023] and title_years("二〇二三至二〇二五年民生实事") == [2023, 2024, 2025]
    lines = ["某县二〇二三年民生实事项目", "1.新建幼儿园3所", "2.改造老旧小区12个", "3.新建农村公路30公里"]
    assert [d for d in convert(tmp_path, lines).doubts if "not --year" in d] == [
        "list.csv: title “某县二〇二三年民生实事项目” names 2023年, not --year 2024: check the programme's year; start, "
        "end and every due date of the plan are in 2024: for another year run import table again with --year"]
    assert not [d for d in convert(tmp_path, lines, year=2023).doubts if "not --year" in d]
