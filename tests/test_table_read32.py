"""Issue 13, read32: small reader leftovers: "10月底之前" is a deadline as "10月底前" is; a star marking the lead in
a 牵头单位 cell; ㏊ after a number; sub-headings naming their own lead over items "1."; a bracket naming only a helper
gives no lead; an area's code from the merged 序号."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.domain.dates import period_end
from mstrack.sources.table.mentions import find_mentions

from .conftest import convert_written

# --- 1. 之前 after a period, as 前 ----------------------------------------------------------------------------

@pytest.mark.parametrize(("label", "due"), [
    ("10月底之前", date(2020, 10, 31)), ("年底之前", date(2020, 12, 31)), ("6月30日之前", date(2020, 6, 30)),
    ("2021年3月底之前", date(2021, 3, 31))])
def test_zhiqian_after_a_period_ends_it_as_qian(label, due):
    assert period_end(label, 2020) == due


def test_an_items_deadline_with_zhiqian(tmp_path):
    """"10月底之前完成…" dates the item as "10月底前完成…" does."""
    rows = [["工作任务", "责任单位"], ["1.新建幼儿园3所", "县教育局"],
            ["2.10月底之前完成县腾云气体有限公司关闭退出", "县应急局"], ["3.改造老旧小区5个，年底之前完成", "县住建局"],
            ["4.建成社区食堂2个，6月30日之前投入使用", "县民政局"]]
    tasks = convert_written(tmp_path, "month.tsv", rows, 2020).programme.tasks
    assert [t.deadline for t in tasks[1:]] == [date(2020, 10, 31), date(2020, 12, 31), date(2020, 6, 30)]


# --- 3. ㏊ after a number -------------------------------------------------------------------------------------

def test_hectares_as_a_symbol():
    assert sorted((m.value, m.unit) for m in find_mentions("新增造林绿化面积120㏊", 2023)) == [(120, "公顷")]


# --- 5. a bracket naming only a helper gives a unit, not a lead ------------------------------------------------

HELPED = """2024年县政府民生实事项目
一、教育事业
1.新建幼儿园3所（县教育局牵头）
2.改造学校操场5个（县财政局配合）
3.新建操场2个（县体育局协助）
4.新建食堂2个（县民政局参与）
"""


def test_a_bracket_naming_only_a_helper_gives_no_lead(tmp_path):
    """Under a heading naming no lead, "（县财政局配合）" names a helper: a unit; the item keeps no lead (UNLISTED), as a
    row naming no office has none."""
    from mstrack.sources.table.row_lines import UNLISTED

    tasks = convert_written(tmp_path, "helped.txt", HELPED, 2024).programme.tasks
    assert [(t.title, t.lines[0].lead_units, t.lines[0].units) for t in tasks] == [
        ("新建幼儿园3所", ["县教育局"], []), ("改造学校操场5个", [UNLISTED], ["县财政局"]),
        ("新建操场2个", [UNLISTED], ["县体育局"]), ("新建食堂2个", [UNLISTED], ["县民政局"])]


# --- 2. a star in a 牵头单位 cell ------------------------------------------------------------------------------

def test_a_star_in_a_lead_cell_marks_the_lead_and_is_no_part_of_a_name(tmp_path):
    """"县教育局、★县住建局" in the 牵头单位 cell: 县住建局 leads, 县教育局 is another unit; a star in the 责任单位 cell
    beside a lead is dropped from the office's name."""
    rows = [["序号", "工作任务", "牵头单位", "责任单位"], ["1", "新建幼儿园3所", "县教育局、★县住建局", "县财政局"],
            ["2", "改造老旧小区5个", "★县住建局", "县财政局、★县自然资源局"], ["3", "新增学位100个", "县教育局", "县财政局"]]
    tasks = convert_written(tmp_path, "starred.tsv", rows, 2024).programme.tasks
    assert [(t.lines[0].lead_units, t.lines[0].units) for t in tasks] == [
        (["县住建局"], ["县教育局", "县财政局"]), (["县住建局"], ["县财政局", "县自然资源局"]), (["县教育局"], ["县财政局"])]


# --- 4. sub-headings naming their own lead over items "1." ------------------------------------------------------

LEAD_SUBHEADINGS = """2024年县政府民生实事项目分解
一、县教育局牵头工作
（一）县住建局牵头工作
1.新建幼儿园3所
2.改造学校操场5个
（二）县卫健局牵头工作
1.新建卫生室3个
2.改造乡镇卫生院2个
二、县民政局牵头工作
1.新建养老院1所
"""


def test_items_under_sub_headings_naming_their_lead_are_coded_under_them(tmp_path):
    """"（一）县住建局牵头工作" over items "1.", "2.", numbered again under "（二）…": each item coded under its
    sub-heading (一(一)1, 一(二)1), led by the office the sub-heading names; no "task 一(一) appears twice"."""
    tasks = convert_written(tmp_path, "subheads.txt", LEAD_SUBHEADINGS, 2024).programme.tasks
    assert [(t.code, t.title, t.lines[0].lead_units) for t in tasks] == [
        ("一(一)1", "新建幼儿园3所", ["县住建局"]), ("一(一)2", "改造学校操场5个", ["县住建局"]),
        ("一(二)1", "新建卫生室3个", ["县卫健局"]), ("一(二)2", "改造乡镇卫生院2个", ["县卫健局"]),
        ("二1", "新建养老院1所", ["县民政局"])]


# --- 6. an area named beside a merged 序号 takes its number ------------------------------------------------------

MERGED = """<html><body><table border="1">
<tr><td>序号</td><td>项目</td><td>重点工作目标任务</td><td>责任单位</td></tr>
<tr><td colspan="4">一、2024年全区经济社会发展主要预期目标</td></tr>
<tr><td rowspan="3">1</td><td rowspan="3">主要预期目标</td><td>1.地区生产总值增长5%以上。</td><td>★区发改委、统计局</td></tr>
<tr><td>2.一般公共预算收入同口径增长6%以上。</td><td>★区财政局、税务局</td></tr>
<tr><td>3.规上工业总产值增长5%左右。</td><td>★区工信局、统计局</td></tr>
<tr><td rowspan="3">2</td><td rowspan="3">民生保障</td><td>4.城镇新增就业1万人。</td><td>★区人社局</td></tr>
<tr><td>5.新建幼儿园3所。</td><td>★区教育局</td></tr>
<tr><td>6.改造老旧小区5个。</td><td>★区住建局</td></tr>
</table></body></html>
"""


def test_an_area_beside_a_merged_number_is_coded_by_it(tmp_path):
    """序号 "1" merged over items that number themselves ("1.…", "2.…") beside 项目 "主要预期目标": the area is coded
    "1", as printed, not by its place among the areas ("2" after the heading "一、…")."""
    from mstrack.sources.table import convert_table

    (tmp_path / "merged.html").write_text(MERGED, encoding="utf-8")
    programme = convert_table(tmp_path / "merged.html", "x-2024", 2024).programme
    assert [(a.code, a.name) for a in programme.areas] == [
        ("一", "2024年全区经济社会发展主要预期目标"), ("1", "主要预期目标"), ("2", "民生保障")]
    assert [(t.code, t.area) for t in programme.tasks] == [("1", "1"), ("2", "1"), ("3", "1"), ("4", "2"), ("5", "2"),
                                                          ("6", "2")]


def test_items_under_sub_headings_naming_no_lead_are_coded_under_them(tmp_path):
    """The same list with sub-headings naming topics ("（一）学前教育"): each an area within "一、…" (一(一)), its items
    coded under it; before, the sub-heading was an area numbered in order ("2") and its items "2(1)", "2"."""
    text = (LEAD_SUBHEADINGS.replace("县教育局牵头工作", "教育工作").replace("（一）县住建局牵头工作", "（一）学前教育")
            .replace("（二）县卫健局牵头工作", "（二）卫生工作").replace("县民政局牵头工作", "养老工作"))
    programme = convert_written(tmp_path, "topics.txt", text, 2024).programme
    assert [(a.code, a.name) for a in programme.areas] == [
        ("一", "教育工作"), ("一(一)", "学前教育"), ("一(二)", "卫生工作"), ("二", "养老工作")]
    assert [(t.code, t.area) for t in programme.tasks] == [
        ("一(一)1", "一(一)"), ("一(一)2", "一(一)"), ("一(二)1", "一(二)"), ("一(二)2", "一(二)"), ("二1", "二")]
