"""Issue 13, review18's and review19's leftovers in the list reader, each rule on a small synthetic document: work
that follows a funding clause after the closing sections; targets and context that are no results; "N。" before a
year; a news page's name; "(1)" steps of a staffed item; spaced and long metadata tables."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from mstrack.sources.table.list_results import item_reports, results_in
from mstrack.sources.table.list_sections import guarantee
from mstrack.sources.table.list_work import does_work
from mstrack.sources.table.numbering import ITEM_NUMBER_RE

from .conftest import write_page

INTRO = "2024年，县政府将实施以下民生实事，具体如下："
TITLE = "X县2024年民生实事项目"


# --- 1. a funding clause before the item's own work -----------------------------------------------------------------

def test_work_after_a_funding_clause_is_no_guarantee():
    assert not guarantee("4.安排资金500万元，新建村级卫生室20个。（县卫健局）")
    assert not guarantee("统筹资金200万元，改造农村公厕30座")


def test_pure_funding_and_assurance_stay_guarantees():
    assert guarantee("5.县财政安排专项资金5000万元，确保项目按期完成。（县财政局）")
    assert guarantee("安排民生实事专项资金5000万元")
    assert guarantee("确保民生支出占一般公共预算支出比重达到80%以上")


def test_funded_work_numbered_on_after_a_closing_section_is_a_task(tmp_path):
    lines = [INTRO, "1.新建城区幼儿园3所。（县教育局）", "2.改造农村公路50公里。（县交通运输局）", "3.工作要求",
             "各责任单位要细化方案，按月报送进度。", "4.统筹资金200万元，改造农村公厕30座。（县农业农村局）"]
    result = convert_table(write_page(tmp_path / "p.html", lines, title=TITLE), "t", 2024)
    assert [t.code for t in result.programme.tasks] == ["1", "2", "4"]
    assert "公厕" in result.programme.tasks[-1].title


# --- 2. targets and context that are no results ------------------------------------------------------------------

REVIEW = "2023年全县重点项目全部完成。2024年将实施4项重点工作，具体如下："
RATE_AND_CONTEXT = ["重点项目年度投资完成率达到100%以上。（县发改局）", "加快推进已开工的8个续建项目，年底前竣工5个。（县住建局）",
                    "新建城区幼儿园3所。（县教育局）", "新增城镇就业2000人。（县人社局）"]


@pytest.mark.parametrize("item", ["投资完成率达到100%以上", "确保项目完成率不低于95%", "加快推进已开工的8个续建项目",
                                  "对已完成设计的12个老旧小区实施改造"])
def test_a_target_rate_or_a_done_adjective_reports_nothing(item):
    assert not item_reports(item)


@pytest.mark.parametrize("item", ["改造农村公路50公里，已完成58公里", "新增城镇就业2000人，实际新增2350人",
                                  "投资完成率为116%", "已全部建成投用"])
def test_what_was_done_still_reports(item):
    assert item_reports(item)


def test_a_review_over_target_rates_and_continued_projects_is_a_plan(tmp_path):
    assert results_in([REVIEW], RATE_AND_CONTEXT) is None
    page = write_page(tmp_path / "p.html", [REVIEW, *(f"{k}.{t}" for k, t in enumerate(RATE_AND_CONTEXT, 1))], title=TITLE)
    assert [t.code for t in convert_table(page, "t", 2024).programme.tasks] == ["1", "2", "3", "4"]


def test_a_review_over_items_that_report_stays_a_report(tmp_path):
    items = ["改造农村公路50公里，已完成58公里。（县交通运输局）", "新增城镇就业2000人，实际新增2350人。（县人社局）",
             "新建城区幼儿园3所。（县教育局）"]
    with pytest.raises(InputError, match="report of results"):
        convert_table(write_page(tmp_path / "p.html", [REVIEW, *(f"{k}.{t}" for k, t in enumerate(items, 1))],
                                 title=TITLE), "t", 2024)


# --- 3. "N。" before a date -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["2。2024年底前新建城区幼儿园3所。（县教育局）", "1。 2025年6月底前改造农村公路50公里",
                                  "2。6月底前改造农村公路50公里", "3。12月底前新增城镇就业2000人"])
def test_a_full_stop_before_a_date_opens_an_item(text):
    assert ITEM_NUMBER_RE.match(text)


@pytest.mark.parametrize("text", ["2。5亿元，年底前主体完工。", "3。2万户", "2。2024亿元"])
def test_a_full_stop_before_a_decimal_still_opens_none(text):
    assert ITEM_NUMBER_RE.match(text) is None


def test_items_numbered_with_a_full_stop_that_open_with_a_year_are_read(tmp_path):
    lines = [INTRO, "1。新建城区幼儿园3所。（县教育局）", "2。2024年底前改造农村公路50公里。（县交通运输局）",
             "3。6月底前新增城镇就业2000人。（县人社局）"]
    tasks = convert_table(write_page(tmp_path / "p.html", lines, title=TITLE), "t", 2024).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3"]
    assert tasks[1].title.startswith("2024年底前改造农村公路")


@pytest.mark.parametrize("text", ["2024年底前新建城区幼儿园3所。", "6月底前改造农村公路50公里。"])
def test_an_item_opening_with_its_deadline_does_work(text):
    assert does_work(text)


# --- 4. a news page's name ---------------------------------------------------------------------------------------------

NEWS_ITEMS = ["(1)新建城区幼儿园3所；", "(2)改造农村公路50公里；", "(3)新增城镇就业2000人；", "(4)新建社区养老服务站10个。"]


def test_a_news_pages_programme_is_named_by_its_title(tmp_path):
    lines = ["1月10日，县人代会开幕，县长作政府工作报告。报告指出，2024年将重点抓好4件民生实事：", *NEWS_ITEMS]
    result = convert_table(write_page(tmp_path / "p.html", lines, title="县人代会隆重开幕"), "t", 2024)
    assert result.programme.name == "县人代会隆重开幕"


def test_an_untitled_lists_name_keeps_no_dash(tmp_path):
    lines = ["2024年，县政府将办好以下民生实事——", *(f"{k}.{t}" for k, t in enumerate(
        ["新建城区幼儿园3所（县教育局）；", "改造农村公路50公里（县交通运输局）；", "新增城镇就业2000人（县人社局）。"], 1))]
    result = convert_table(write_page(tmp_path / "p.html", lines), "t", 2024)
    assert result.programme.name == "2024年，县政府将办好以下民生实事"


# --- 5. "(1)" steps of a staffed item ----------------------------------------------------------------------------------

def test_steps_under_a_staffed_item_are_its_checkpoints_not_tasks(tmp_path):
    lines = ["今年，全县将实施以下民生实事，具体如下：", "1.新建城区学校2所，年底前投入使用。（县教育局）",
             "（1）6月底前完成主体工程。", "（2）9月底前完成装修。", "2.改造老旧小区12个。（县住建局）",
             "3.新增公共停车位1500个。（县城管局）"]
    tasks = convert_table(write_page(tmp_path / "p.html", lines, title="X县2024年重点工作任务"), "t", 2024).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3"]
    assert tasks[1].title.startswith("改造老旧小区")
    assert [c.label for c in tasks[0].lines[0].checkpoints][:2] == ["6月底前", "9月底前"]
    assert len(tasks[0].lines) == 1


# --- 6. a page's metadata table: spaced labels, many rows, a .docx ------------------------------------------------------

LIST = ["X市2024年民生实事项目", "今年，全市将实施10件民生实事，具体如下：", "1.新建城区幼儿园3所。（市教育局）",
        "2.改造农村公路50公里。（市交通运输局）", "3.新增城镇就业2000人。（市人社局）"]
SPACED = [("索 引 号", "11330000/2024-00012"), ("发文机关", "X市人民政府"), ("标　　题", "X市2024年民生实事项目")]
SEVEN = [("索引号", "001/2024-00012"), ("主题分类", "城乡建设"), ("发文机关", "X市人民政府"), ("成文日期", "2024-01-09"),
         ("标题", "X市2024年民生实事项目"), ("发文字号", "X政发〔2024〕1号"), ("发布日期", "2024-01-12")]
NAMED = [("名　　称", "X市2024年民生实事项目"), ("发文机关", "X市人民政府"), ("成文日期", "2024-01-09")]


@pytest.mark.parametrize("meta", [SPACED, SEVEN, NAMED], ids=["spaced", "seven-rows", "name-row"])
def test_a_pages_metadata_table_is_its_header_not_a_table(tmp_path, meta):
    table = "".join(f"<tr><td>{k}：</td><td>{v}</td></tr>" for k, v in meta)
    page = tmp_path / "p.html"
    page.write_text(f'<html><head><meta charset="utf-8"><title>{LIST[0]}</title></head><body><table border="1">{table}'
                    "</table>" + "".join(f"<p>{p}</p>" for p in LIST) + "</body></html>", encoding="utf-8")
    assert [t.code for t in convert_table(page, "t", 2024).programme.tasks] == ["1", "2", "3"]


def test_a_word_documents_metadata_table_is_its_header(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    table = document.add_table(rows=len(SEVEN), cols=2)
    for row, (label, value) in zip(table.rows, SEVEN, strict=True):
        row.cells[0].text, row.cells[1].text = f"{label}：", value
    for line in LIST:
        document.add_paragraph(line)
    document.save(tmp_path / "p.docx")
    assert [t.code for t in convert_table(tmp_path / "p.docx", "t", 2024).programme.tasks] == ["1", "2", "3"]
