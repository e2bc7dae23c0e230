"""Issue 13, review18's regressions of read24a, each rule on a small synthetic document: a past year's review above a
list whose items report results is a report again; a digit right after "。" opens no item; a past-year marker that
names its year ("刚刚过去的2023年") pairs with this year's plan."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from mstrack.sources.table.list_results import results_in
from mstrack.sources.table.numbering import ITEM_NUMBER_RE

from .conftest import write_page

PLAN_ITEMS = ["新建城区幼儿园3所。（县教育局）", "改造农村公路50公里。（县交通运输局）", "新增城镇就业2000人。（县人社局）"]
REPORTING = ["新建城区幼儿园3所，已全部建成投用。（县教育局）", "改造农村公路50公里，已完成58公里。（县交通运输局）",
             "新增城镇就业2000人，实际新增2350人。（县人社局）"]


def _page(tmp_path, intro: str, items: list[str], title: str = "X县民生实事工作情况"):
    return write_page(tmp_path / "p.html", [intro, *(f"{k}.{text}" for k, text in enumerate(items, 1))], title=title)


# --- 1. items that report make a past year's review a report again ----------------------------------------------

REVIEW = "2023年全县10件民生实事全部完成。2024年将实施12件民生实事，具体如下："


def test_a_review_over_items_that_report_is_a_report(tmp_path):
    """_review discounts last year's results only as the plan's context: items reporting results (已完成, 实际新增 …)
    make the document a report, as before read24a."""
    assert results_in([REVIEW], REPORTING) is not None
    with pytest.raises(InputError, match="report of results"):
        convert_table(_page(tmp_path, REVIEW, REPORTING), "t", 2024)


def test_a_review_over_items_that_plan_is_read(tmp_path):
    assert results_in([REVIEW], PLAN_ITEMS) is None
    assert [t.code for t in convert_table(_page(tmp_path, REVIEW, PLAN_ITEMS), "t", 2024).programme.tasks] == ["1", "2", "3"]


# --- 2. a digit right after "。" is a decimal point's --------------------------------------------------------------

@pytest.mark.parametrize("text", ["2。5亿元，年底前主体完工。（县教育局）", "3。2万户", "3。 2万户"])
def test_a_digit_after_a_full_stop_opens_no_item(text):
    assert ITEM_NUMBER_RE.match(text) is None


def test_a_full_stop_before_words_still_opens_an_item():
    assert ITEM_NUMBER_RE.match("1。新改扩建20所公办幼儿园")


def test_an_items_line_broken_inside_a_figure_goes_on_below(tmp_path):
    """"1.新建城区学校2所，总投资" / "2。5亿元，…（县教育局）": the second line is the rest of item 1, which keeps its
    office; the list is not cut there (list_numbered.joined_lines)."""
    items = ["新建城区学校2所，总投资", "改造老旧小区12个。（县住建局）", "新增公共停车位1500个。（县城管局）"]
    lines = ["今年，全县将实施以下民生实事，具体如下：", f"1.{items[0]}", "2。5亿元，年底前主体完工。（县教育局）",
             *(f"{k}.{text}" for k, text in enumerate(items[1:], 2))]
    tasks = convert_table(write_page(tmp_path / "p.html", lines, title="X县2024年重点民生项目"), "t", 2024).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3"]
    assert tasks[0].title.startswith("新建城区学校2所，总投资2。5亿元") and tasks[0].lines[0].lead_units == ["县教育局"]


# --- 3. a paragraph after an office line is the item's note ----------------------------------------------------------

def test_a_paragraph_after_an_office_line_does_not_cut_the_list(tmp_path):
    """"由市住建局负责落实" then "所需资金由市财政局负责落实" under item 2: item 3 stays in the list."""
    lines = ["现将市《政府工作报告》提出的2024年重点工作任务予以分解，落实到相关责任单位。",
             "1.新建城市道路12公里。", "由市住建局、市交通局负责落实", "2.新建污水处理厂2座。", "由市住建局负责落实",
             "所需资金由市财政局负责落实", "3.新增公共停车位1500个。", "由市城管局负责落实"]
    page = write_page(tmp_path / "p.html", lines, title="X市人民政府关于做好2024年重点工作任务分解的通知")
    tasks = convert_table(page, "t", 2024).programme.tasks
    assert [(t.code, t.lines[0].lead_units) for t in tasks] == [("1", ["市住建局"]), ("2", ["市住建局"]), ("3", ["市城管局"])]


# --- 4. a past-year marker that names its year pairs with this year's plan ------------------------------------------

@pytest.mark.parametrize("intro", [
    "刚刚过去的2023年，县政府实施10件民生实事，全部顺利完成。2024年，县政府将实施12件民生实事，具体如下：",
    "去年，县政府实施10件民生实事，全部顺利完成。2024年，县政府将实施12件民生实事，具体如下：",
])
def test_a_named_past_year_before_this_years_plan_is_context(tmp_path, intro):
    assert results_in([intro], PLAN_ITEMS) is None
    page = _page(tmp_path, intro, PLAN_ITEMS, title="X县2024年民生实事项目")
    assert [t.code for t in convert_table(page, "t", 2024).programme.tasks] == ["1", "2", "3"]


def test_progress_after_a_target_is_no_target(tmp_path):
    """"…50公里，已完成58公里", "…2000人，实际新增2350人": how far the work already is, after the item's target in
    its unit, never a target of its own (figures._statements)."""
    page = _page(tmp_path, "2024年将实施12件民生实事，具体如下：", REPORTING[1:] + PLAN_ITEMS[:1], title="X县2024年民生实事项目")
    tasks = convert_table(page, "t", 2024).programme.tasks
    assert [[(i.name, i.target) for line in t.lines for i in line.indicators] for t in tasks] == [
        [("改造农村公路", 50)], [("新增城镇就业", 2000)], [("新建城区幼儿园", 3)]]


def test_a_named_past_year_over_last_years_list_is_still_a_report():
    """"…将继续办好民生实事。2023年民生实事具体如下：": the sentence after the plan introduces last year's list."""
    intro = "刚刚过去的2023年，县政府实施10件民生实事，全部顺利完成。2024年，县政府将继续办好民生实事。2023年民生实事具体如下："
    assert results_in([intro], PLAN_ITEMS) is not None
    assert results_in([intro.replace("刚刚过去的2023年", "去年")], PLAN_ITEMS) is not None
