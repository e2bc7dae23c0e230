"""Review20's regressions of 13-revfix19a: closing items, results and page names (13-revfix20)."""

from __future__ import annotations

from mstrack.sources.table.convert import convert_table
from mstrack.sources.table.list_results import item_reports, items_report
from mstrack.sources.table.list_sections import guarantee, kept_on


def test_funding_figure_after_a_guarantee_is_no_work():
    """新增 + money is the guarantee's own figure; funded work counts things built."""
    assert guarantee("5.强化资金保障，新增财政投入2亿元。（县财政局）")
    assert guarantee("统筹整合资金1亿元，新增投资5亿元。")
    assert not guarantee("安排资金500万元，新建村级卫生室20个。")
    assert not guarantee("落实资金300万元，改造农村公路50公里。")


def test_one_work_item_keeps_only_itself_under_a_closing_heading():
    """A closing heading with one item of work stays open for that item; its guarantee measures stay out where they name
    no office (close47: one naming its office, the last field True, is a task: was out, as the measures below)."""
    rows = [(1, False, "1.新建城区幼儿园3所。", True), (2, False, "2.改造农村公路50公里。", True),
            (None, True, "二、保障措施", False),
            (3, False, "3.安排资金500万元，新建村级卫生室20个。", True),
            (4, False, "4.强化资金保障，新增财政投入2亿元。", True),
            (5, False, "5.落实专项经费300万元，确保新建项目按期完成。", True)]
    assert kept_on(rows, len(rows), frozenset({3, 4, 5})) == [0, 1, 2, 3, 4, 5]  # close47: each names its office
    unstaffed = [*rows[:4], *((n, heading, words, False) for n, heading, words, _ in rows[4:])]
    assert kept_on(unstaffed, len(unstaffed), frozenset({3, 4, 5})) == [0, 1, 2, 3]
    without_work = [*rows[:3], *((n, heading, words, False) for n, heading, words, _ in rows[4:])]
    assert kept_on(without_work, len(without_work), frozenset({3, 4})) == [0, 1]


def test_rate_over_100_or_beside_results_is_a_result():
    """完成率达到116% is a result; 完成率达到100% a target, unless another item reports."""
    assert item_reports("改造农村公路50公里，完成率达到116%。")
    assert not item_reports("新建城区幼儿园3所，完成率达到100%。")
    assert item_reports("新建城区幼儿园3所，完成率达到100%。", beside=True)
    items = ["新建城区幼儿园3所，完成率达到100%。", "改造农村公路50公里，完成率达到116%。",
             "新增城镇就业2000人，已完成2350人。", "新建社区养老服务站10个。"]
    assert items_report(items)
    assert not items_report(["新建城区幼儿园3所，完成率达到100%。", "改造农村公路50公里。", "新增就业2000人。"])


def test_done_adjective_with_a_result_verb_reports():
    """已建成的…全部投入使用 reports; 已开工的… under another verb is context."""
    assert item_reports("1.已建成的城区幼儿园3所全部投入使用。")
    assert item_reports("已完工的社区养老服务站10个投入运营。")
    assert not item_reports("加快推进已开工的8个续建项目，确保年底全部完成。")
    assert not item_reports("已完成设计的12个小区开工改造。")


ITEMS = "".join(f"<p>({n}){words}</p>" for n, words in enumerate(
    ["新建城区幼儿园3所；", "改造农村公路50公里；", "新增城镇就业2000人；", "新建社区养老服务站10个。"], 1))
ANNOUNCING = "<p>1月10日，县人代会开幕，县长作政府工作报告。报告指出，2024年将重点抓好4件民生实事：</p>"


def _page_name(tmp_path, title: str, heading: str) -> str:
    path = tmp_path / "news.html"
    path.write_text(f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>{heading}{ANNOUNCING}{ITEMS}"
                    "</body></html>", encoding="utf-8")
    conversion = convert_table(path, "t", 2024)
    assert len(conversion.programme.tasks) == 4
    return conversion.programme.name


def test_a_news_page_is_named_by_its_heading_not_its_website(tmp_path):
    """The site's name is no title; a site suffix after "_" is dropped; with no heading, the announced programme."""
    assert _page_name(tmp_path, "Y县人民政府门户网站", "<h1>县人代会开幕</h1>") == "县人代会开幕"
    assert _page_name(tmp_path, "县人代会开幕_Y县人民政府门户网站", "") == "县人代会开幕"
    assert _page_name(tmp_path, "县人代会开幕 | Y县政府网", "") == "县人代会开幕"
    assert _page_name(tmp_path, "Y县人民政府门户网站", "") == "2024年民生实事"


def test_parts_naming_their_offices_never_take_a_top_level_code(tmp_path):
    """"(1)" "(2)" under item 1, each naming its office: parts of item 1, never tasks 1, 2 ("task 2 appears twice")."""
    path = tmp_path / "steps.html"
    rows = ["X县2024年民生实事项目", "2024年，县政府将实施以下民生实事，具体如下：", "1.实施老旧小区改造12个。（县住建局）",
            "（1）6月底前完成方案设计。（县发改局）", "（2）9月底前完成用地报批。（县自然资源局）",
            "2.新增城镇就业2000人。（县人社局）", "3.改造农村公路50公里。（县交通运输局）"]
    path.write_text("<html><body>" + "".join(f"<p>{r}</p>" for r in rows) + "</body></html>", encoding="utf-8")
    tasks = convert_table(path, "t", 2024).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("1", "实施老旧小区改造12个，6月底前完成方案设计，9月底前完成用地报批。"),
                                                  ("2", "新增城镇就业2000人。"), ("3", "改造农村公路50公里。")]
    assert len(tasks[0].lines) == 1  # dated steps: checkpoints of item 1, their offices its units (13-revfix21c)
    assert len(tasks[0].lines[0].checkpoints) == 2
