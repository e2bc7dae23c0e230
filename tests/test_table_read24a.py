"""Issue 13, read24a: the fifteenth held-out set's frames, each rule on a small synthetic document: paragraphs numbered
"N。" are numbered items; an introduction that reviews last year's results before this year's plan does not make the
plan a report; a page's metadata table (发文机关 | 成文日期 …) is no table of tasks, and a paragraph "由X、Y负责落实"
under an item names its offices; an item "(1)" under a project heading "1." is coded "1(1)"."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from mstrack.sources.table.list_results import results_in
from mstrack.sources.table.numbering import ITEM_NUMBER_RE

from .conftest import convert_written, write_page

ITEMS = ["新改扩建20所公办幼儿园;", "改善全市60所中小学校教室视觉环境;", "新建10家婴幼儿照护服务机构示范点;",
         "打造14个区域性养老服务中心;", "改造建设20个长者食堂;"]
PLAN = "今年,全市继续开展为民办实事工作,将实施5个具体项目。5个为民办实事项目如下:"


def _codes(programme) -> dict[str, str]:
    return {t.code: t.title for t in programme.tasks}


# --- 1. "N。" numbers an item; last year's review before this year's plan is context --------------------------------

def test_a_full_stop_after_the_number_numbers_an_item():
    """"1。" opens a numbered item as "1." does; a year "2021。" or a figure does not."""
    assert ITEM_NUMBER_RE.match("1。 新改扩建20所公办幼儿园;")
    assert ITEM_NUMBER_RE.match("12。改造提升24个村")
    assert not ITEM_NUMBER_RE.match("2021。全年")


def test_paragraphs_numbered_with_a_full_stop_are_read_as_a_list(tmp_path):
    """A page of paragraphs "1。…" under a plan's introduction is read as its numbered items."""
    page = write_page(tmp_path / "stops.html", [PLAN, *(f"{k}。{text}" for k, text in enumerate(ITEMS, 1))],
                      title="X市2021年为民办实事项目")
    assert _codes(convert_table(page, "x-2021", 2021).programme) == {str(k): text for k, text in enumerate(ITEMS, 1)}


REVIEW = "刚刚过去的2020年,市委、市政府实施36个为民办实事项目,35个项目顺利完成,1个项目基本完成。"


def test_last_years_review_before_this_years_plan_is_no_report():
    """Results words in a sentence about a past year, followed by this year's plan, are context."""
    assert results_in([REVIEW + PLAN]) is None
    assert results_in(["去年全市民生实事全部完成。今年将实施10件民生实事,具体如下:"]) is None


def test_a_report_of_results_stays_a_report():
    """A line that reports results, with no plan of this year after it, still refuses the list."""
    assert results_in([REVIEW]) is not None
    assert results_in(["2023年民生实事项目完成情况报告"]) is not None
    assert results_in(["今年10件民生实事全部完成,具体如下:"]) is not None


def test_a_plan_under_last_years_review_is_read(tmp_path):
    page = write_page(tmp_path / "review.html", [REVIEW + PLAN, *(f"{k}.{text}" for k, text in enumerate(ITEMS, 1))],
                      title="X市2021年为民办实事项目")
    assert set(_codes(convert_table(page, "x-2021", 2021).programme)) == {"1", "2", "3", "4", "5"}


def test_a_report_of_last_year_alone_is_refused(tmp_path):
    page = write_page(tmp_path / "report.html", [REVIEW + "具体如下:", *(f"{k}.{text}" for k, text in enumerate(ITEMS, 1))],
                      title="X市2020年为民办实事项目")
    with pytest.raises(InputError, match="report of results"):
        convert_table(page, "x-2020", 2020)


# --- 2. a metadata table over the page; "由…负责落实" under an item -------------------------------------------------

META = ('<table border="1"><tr><td>发文机关</td><td>成文日期</td><td>2013-01-09</td><td></td></tr>'
        '<tr><td>发文字号</td><td>X政〔2013〕2号</td><td>发布日期</td><td>2013-01-22</td></tr></table>')
NOTICE = ["X市人民政府关于做好2013年重点工作任务分解的通知", "现将2013年重点工作任务予以分解,落实到相关责任单位。",
          "一、强化项目带动", "1.抓好189个市级重点项目,总投资1906.4亿元。", "由市发展改革委,各县市区人民政府、市东新区管委会负责落实",
          "2.新建城市道路12公里。", "由市住建局、市交通局负责", "3.新建污水处理厂2座。", "由市住建局负责落实"]


def _page(tmp_path, table: str, paragraphs: list[str]):
    path = tmp_path / "notice.html"
    body = table + "".join(f"<p>{p}</p>" for p in paragraphs)
    path.write_text(f'<html><head><meta charset="utf-8"><title>{paragraphs[0]}</title></head><body>{body}</body></html>',
                    encoding="utf-8")
    return path


def _units(programme) -> dict[str, tuple[list[str], list[str]]]:
    leads = {t.code: {u for line in t.lines for u in line.lead_units} for t in programme.tasks}
    return {t.code: (sorted(leads[t.code]), sorted({u for line in t.lines for u in line.units} - leads[t.code])) for t in programme.tasks}


def test_an_office_paragraph_under_an_item_names_its_lead_and_units(tmp_path):
    """"由X,Y、Z负责落实" right after an item: X leads, Y and Z are its other units."""
    programme = convert_table(_page(tmp_path, "", NOTICE), "x-2013", 2013).programme
    assert _units(programme) == {
        "1": (["市发展改革委"], ["各县市区人民政府", "市东新区管委会"]),
        "2": (["市住建局"], ["市交通局"]),
        "3": (["市住建局"], [])}


def test_a_metadata_table_is_no_table_of_tasks(tmp_path):
    """A small table of labels and values (发文机关, 成文日期, 发文字号 …) is the page's header: the paragraphs are read."""
    programme = convert_table(_page(tmp_path, META, NOTICE), "x-2013", 2013).programme
    assert len(programme.tasks) == 3
    assert programme.tasks[0].title == "抓好189个市级重点项目,总投资1906.4亿元。"


# --- 3. an item "(1)" under a project heading "1." -------------------------------------------------------------------

def test_a_bracketed_item_under_a_numbered_heading_takes_its_number(tmp_path):
    """Section "(一)", project "1." and items "(1)", "(2)" under it: coded 1(1), 1(2), 2(1)."""
    rows = [["", "牵头单位", "配合单位"], ["(一)幼有所育"] * 3, ["1.优孕优生"] * 3,
            ["(1)孕产妇健康服务。孕产妇系统管理率达92%以上。", "市卫健委", "市妇联"],
            ["(2)新生儿疾病筛查。筛查率达98%以上。", "市卫健委", "各县(市)区"],
            ["2.幼儿照护"] * 3, ["(1)新增托位2000个。", "市卫健委", "市教育局"]]
    assert _codes(convert_written(tmp_path, "levels.xlsx", rows).programme) == {
        "1(1)": "孕产妇健康服务。孕产妇系统管理率达92%以上。", "1(2)": "新生儿疾病筛查。筛查率达98%以上。",
        "2(1)": "新增托位2000个。"}


def test_bracketed_items_with_no_heading_above_keep_their_number(tmp_path):
    """Items "(1)", "(2)" under a section "(一)" alone, no project heading: their own numbers, as before."""
    rows = [["", "牵头单位", "配合单位"], ["(一)幼有所育"] * 3,
            ["(1)孕产妇健康服务。孕产妇系统管理率达92%以上。", "市卫健委", "市妇联"],
            ["(2)新生儿疾病筛查。筛查率达98%以上。", "市卫健委", "各县(市)区"]]
    assert set(_codes(convert_written(tmp_path, "flat.xlsx", rows).programme)) == {"1", "2"}


def test_a_year_alone_is_past_only_before_a_later_years_plan():
    """"2020年…全部完成" is a review before "2021年…将实施", not before "今年…将" (2020 may be this year)."""
    assert results_in(["2020年10件民生实事全部完成。2021年将实施12件民生实事,具体如下:"]) is None
    assert results_in(["2020年10件民生实事全部完成。今年将继续巩固,具体如下:"]) is not None


def test_results_words_after_a_purpose_are_a_goal():
    """"是为全面建成小康社会奠定坚实基础的一年": 为 right before the words makes them a goal, no result."""
    assert results_in(["2013年是为全面建成小康社会奠定坚实基础的重要一年。现将重点工作任务予以分解:"]) is None
    assert results_in(["今年民生实事全面完成,具体如下:"]) is not None


def test_a_breakdown_of_the_work_reports_tasks_names_a_programme():
    """"现将《政府工作报告》提出的2013年重点工作任务予以分解": the report's tasks broken down, a programme, no report."""
    from mstrack.sources.table.list_work import names_programme

    assert names_programme("现将市人大会议《政府工作报告》提出的2013年重点工作任务予以分解,落实到相关责任单位。《主要任务分解方案》")
    assert not names_programme("市政府工作报告民生实事进展情况")


def test_a_metadata_table_leaves_the_pages_text(tmp_path):
    """The page's only table holds its metadata: its paragraphs, the title's included, are the rows read; the table's
    labels and values are no row."""
    from mstrack.sources.documents import document_tables

    [rows] = document_tables(_page(tmp_path, META, NOTICE))
    assert rows.paragraphs and [row.cells[0] for row in rows][:2] == [NOTICE[0], NOTICE[0]]
    assert not any("发文机关" in row.cells[0] for row in rows)


def test_a_table_of_tasks_is_no_metadata_table(tmp_path):
    """A table whose rows open with other words than metadata labels stays the page's table."""
    from mstrack.sources.documents import document_tables

    table = ('<table><tr><td>序号</td><td>工作任务</td><td>发布日期</td></tr>'
             '<tr><td>1</td><td>新建公园2个</td><td>2013-01-22</td></tr></table>')
    [rows] = document_tables(_page(tmp_path, table, NOTICE))
    assert not rows.paragraphs and rows[0].cells == ["序号", "工作任务", "发布日期"]


def test_a_figure_with_spaced_thousands_keeps_its_decimals():
    """"1 906.4亿元": the thousands set apart by a space before a decimal part are one figure, 1906.4."""
    from mstrack.sources.table.reading import clean_cell

    assert clean_cell("总投资1 906.4亿元,新建1 500个") == "总投资1906.4亿元,新建1500个"
    assert clean_cell("2.5 000") == "2.5 000"
