"""Issue 13, read31b: the nineteenth held-out set's half of lists and paragraphs, each rule on a small synthetic list:
a footnote mark between an item's number and its verb ("1.*改建…") hides no work; 不少于 is a bound like 不低于; a report
restating its plan item by item (each item's progress under it, labelled "完成情况:" or not) is read as the plan; labels
of two levels of government ("市级牵头单位:…;区级牵头单位:…") make the lower level's office the lead."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table

from .conftest import convert_written, targets_of

# --- 1. a mark between the item's number and its verb ---------------------------------------------------------

MARKED = """2025年区政府实事项目安排
一、实事项目
(一)老有所享
1.*改建认知障碍照护床位220张
2.*新增1家社区长者食堂、*3家乡村长者照护之家
(二)安居乐业
3.*建设改善30间职工休息室
4.区内新增就业不少于9000人
"""


def test_a_mark_after_the_items_number_hides_no_work(tmp_path):
    """"1.*改建…": the mark is a footnote's (marking the city's projects), the verb after it states the work; the
    title is read without the marks, the one after "、" before a second project too; "新增就业不少于9000人" is a
    target (不少于, a bound as 不低于)."""
    tasks = convert_written(tmp_path, "marked.txt", MARKED, 2025).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [
        ("1", "改建认知障碍照护床位220张"), ("2", "新增1家社区长者食堂、3家乡村长者照护之家"), ("3", "建设改善30间职工休息室"),
        ("4", "区内新增就业不少于9000人")]
    assert targets_of(tasks[0]) == [(220, "张")] and targets_of(tasks[3]) == [(9000, "人")]


# --- 2. a report restating the plan: each item's labelled 完成情况, offices labelled by level ------------------------

RESTATED = """2021年市政府工作报告前三季度完成情况通报
一、市政府工作报告前三季度完成情况
1.地区生产总值增长10%。(市级牵头单位:市发展改革委;区级牵头单位:区发改局)
完成情况:1-9月,全区地区生产总值完成1152.04亿元,同比增长18.1%。
2.社会消费品零售总额增长15%。(市级牵头单位:市商务局;区级牵头单位:区商务局)
完成情况:1-9月,全区累计完成社会消费品零售总额451.27亿元,增幅10.4%。
3.城镇新增就业21万人。(市级牵头单位:市人社局;区级牵头单位:区人社局)
完成情况:城镇新增就业24277人。
"""


def test_a_report_restating_its_plan_item_by_item_is_read_as_the_plan(tmp_path):
    """Items "N.target。(offices)" each followed by a "完成情况:" line: the targets are read, the progress lines are
    no part of them (as a table's progress column), though the title reports results."""
    tasks = convert_written(tmp_path, "restated.txt", RESTATED, 2021).programme.tasks
    assert [(t.code, t.title, targets_of(t)) for t in tasks] == [
        ("1", "地区生产总值增长10%。", [(10, "%")]), ("2", "社会消费品零售总额增长15%。", [(15, "%")]),
        ("3", "城镇新增就业21万人。", [(210000, "人")])]


def test_labels_of_two_levels_make_the_lower_level_the_lead(tmp_path):
    """"(市级牵头单位:…;区级牵头单位:…)" in a district's document: the district's office (the lower level, the
    document's own) leads, the city's is another unit, whichever is printed first."""
    text = RESTATED.replace("(市级牵头单位:市人社局;区级牵头单位:区人社局)", "(区级牵头单位:区人社局;市级牵头单位:市人社局)")
    tasks = convert_written(tmp_path, "levels.txt", text, 2021).programme.tasks
    assert [(t.lines[0].lead_units, t.lines[0].units) for t in tasks] == [
        (["区发改局"], ["市发展改革委"]), (["区商务局"], ["市商务局"]), (["区人社局"], ["市人社局"])]


def test_a_report_of_results_with_no_plan_in_it_is_still_refused(tmp_path):
    """Items that report what was done, each with its 完成情况 line: a report, refused as before."""
    text = """2021年民生实事完成情况通报
1.已完成新建幼儿园3所。
完成情况:1-9月已建成3所。
2.已改造老旧小区20个。
完成情况:1-9月已改造20个。
3.已建成社区食堂5个。
完成情况:1-9月已建成5个。
"""
    with pytest.raises(InputError, match="完成情况"):
        convert_written(tmp_path, "report.txt", text, 2021)


# --- 3. a paragraph of progress under each item; a target relative to an average; a result after the target ------

PROGRESS = ["2020年初,县督查局对市政府下达的工作责任目标进行细化分解,建立台账。现将工作落实情况汇报如下:",
            "1.全社会固定资产投资增速高于全省平均水平,继续保持全省第一方阵。",
            "1-11月固定资产投资同比增长6.3%,全市第3位。",
            "2.新建1所中心敬老院,护理床位达到50%以上。",
            "我县对第一托养中心进行了改建,增加了护理型床位50张。",
            "3.完成20所特困人员供养服务设施适老化改造提升工程。",
            "为20所敬老院开辟了无障碍通道。",
            "4.10月底前完成县腾云气体有限公司关闭退出。9月28日县腾云气体有限公司已完成关闭退出任务。",
            "5.加快推进历史遗留矿山地质环境恢复治理。",
            "全县已恢复面积646亩。"]


def test_progress_paragraphs_under_the_items_neither_end_the_list_nor_join_it(tmp_path):
    """A Word file of paragraphs, each item followed by an unnumbered paragraph of its progress: one list of five
    items, the progress no part of them; "增速高于全省平均水平" a target with no figure; item 4's result after its target
    leaves it a target."""
    from docx import Document

    document = Document()
    for paragraph in PROGRESS:
        document.add_paragraph(paragraph)
    document.save(tmp_path / "report.docx")
    tasks = convert_table(tmp_path / "report.docx", "x-2020", 2020).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [(p[0], p[2:]) for p in PROGRESS if p[1] == "."]
    assert targets_of(tasks[1]) == [(1, "所"), (50, "%")] and targets_of(tasks[2]) == [(20, "所")]


def test_an_items_own_number_before_a_month_is_its_number(tmp_path):
    """No 序号 column, "5.10月底之前完成…": 5 numbers the item, "10月" opens its words (as "2.2024年…" does), no
    decimal 5.10."""
    rows = [["工作任务", "责任单位"], ["1.新建幼儿园3所", "县教育局"], ["2.10月底前完成县腾云气体有限公司关闭退出", "县应急局"],
            ["3.改造老旧小区5个", "县住建局"]]
    tasks = convert_written(tmp_path, "month.tsv", rows, 2020).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("1", "新建幼儿园3所"), ("2", "10月底前完成县腾云气体有限公司关闭退出"),
                                                  ("3", "改造老旧小区5个")]
