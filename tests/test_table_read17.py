"""The eleventh held-out set's structures (issue 13): each rule on a small synthetic document."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from mstrack.sources.table.mentions import find_mentions
from mstrack.sources.table.schedule import dated_clauses
from tests.conftest import convert_written, write_page
from tests.test_table_headerless import convert

FUZHOU_LIKE = ["2024年为民办实事工作计划", "《2024年为民办实事工作计划》的主要内容是:",
               "一、实施公交服务便民工程", "(一)新购置公交车200辆", "(二)新建改造100个公交站台",
               "二、实施城区棚户区改造", "基本完成2万户以上城区棚户区征迁改造",
               "三、改善农村生产生活条件", "(一)建成农村公路85公里", "(二)危桥改造4座",
               "四、缓解停车难问题", "新增公共停车泊位7000个",
               "五、办好人民满意的教育", "(一)新建公办幼儿园13所"]


def test_a_group_holding_one_unnumbered_line_is_that_groups_one_task(tmp_path):
    """A heading "二、…" over a single unnumbered line, the next heading after it: the line is the group's one task,
    named by the heading and numbered by its numeral; the list goes on after it."""
    tasks = convert(tmp_path, FUZHOU_LIKE).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [
        ("一(一)", "新购置公交车200辆"), ("一(二)", "新建改造100个公交站台"), ("二", "实施城区棚户区改造"),
        ("三(一)", "建成农村公路85公里"), ("三(二)", "危桥改造4座"), ("四", "缓解停车难问题"),
        ("五(一)", "新建公办幼儿园13所")]
    by_code = {t.code: [(i.target, i.unit) for line in t.lines for i in line.indicators] for t in tasks}
    assert by_code["二"] == [(20000, "户")] and by_code["四"] == [(7000, "个")]


page = write_page  # the name other test files import


def test_headings_each_over_a_paragraph_of_content_are_tasks(tmp_path):
    """A page of "一、name" headings, each over one paragraph: the heading the task's title, the paragraph its content
    (figures, units); the last paragraph ends the page."""
    path = page(tmp_path / "list.html", [
        "某县2025年度十件民生实事项目", "县人大代表票选表决县政府2025年度民生实事项目正式出炉!",
        "一、村内基础设施提升工程", "在17个乡镇硬化道路10万平方米并安装太阳能路灯1000盏,补齐农村基础设施短板。",
        "二、集中供热扩建工程", "铺设供热主管网,全长约4.3公里,提高城区供热安全。",
        "三、中小学扩优提质工程", "对全县17所中心幼儿园全面提档升级,提升整体教育质量。"])
    tasks = convert_table(path, "x-2025", 2025).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [
        ("一", "村内基础设施提升工程"), ("二", "集中供热扩建工程"), ("三", "中小学扩优提质工程")]
    figures = [[(i.target, i.unit) for line in t.lines for i in line.indicators] for t in tasks]
    assert {(100000, "平方米"), (1000, "盏")} <= set(figures[0]) and figures[1] == [(4.3, "公里")]


def test_a_notices_headings_over_their_paragraphs_stay_refused(tmp_path):
    """A notice's "一、会议时间" over a date, "二、参会人员" over names: no work, no project named: refused."""
    path = page(tmp_path / "notice.html", [
        "关于召开2025年民生实事项目推进会的通知", "各有关单位:",
        "一、会议时间", "2025年3月1日上午9时。", "二、会议地点", "县政府三楼会议室。",
        "三、参会人员", "各乡镇分管负责同志。", "四、有关要求", "请准时参会,不得缺席。"])
    with pytest.raises(InputError):
        convert_table(path, "x-2025", 2025)


def test_a_count_of_places_where_the_work_is_done_is_no_target():
    """"在17个乡镇硬化道路10万平方米": the places come before the work and its own figure; "在5个村" alone stays a count."""
    assert [(m.value, m.unit) for m in find_mentions("在17个乡镇(街道办)硬化道路10万平方米并安装太阳能路灯1000盏")] == [
        (100000, "平方米"), (1000, "盏")]
    assert [(m.value, m.unit) for m in find_mentions("在约39个村改造升级线路16.66公里")] == [(16.66, "公里")]
    assert [(m.value, m.unit) for m in find_mentions("新建农家书屋在5个村")] == [(5, "个")]
    assert [(m.value, m.unit) for m in find_mentions("安装路灯1000盏,惠及17个乡镇(街道办)")] == [(1000, "盏")]
    assert [(m.value, m.unit) for m in find_mentions("改造管网5公里,惠及5万人")] == [(5, "公里"), (50000, "人")]


def test_numbers_under_an_empty_header_cell_number_the_tasks_as_printed(tmp_path):
    """An unnamed column of rising bare numbers left of the task column is the 序号: each task goes by the number the
    document prints, a leading zero kept ("01"); by position it would read "1" and a gap in the numbers be lost."""
    tasks = convert_written(tmp_path, "表.tsv",
                            "\t项目名称\t项目内容\t责任单位\n01\t提升生态环境\t新建公厕5座\t水务局\n"
                            "02\t加大文化惠民力度\t新建城市书房1个\t文广旅局\n04\t改造老旧小区\t改造小区3个\t住建局\n",
                            2021).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("01", "提升生态环境"), ("02", "加大文化惠民力度"), ("04", "改造老旧小区")]


def test_an_office_heading_a_group_with_its_count_leads_the_projects_under_it(tmp_path):
    """"区委办公室(8项)" alone on its row over numbered projects, the table naming no office in a column: the office
    leads each project under it, up to the next office's heading; a heading that names no office leads nothing."""
    tasks = convert_written(tmp_path, "表.tsv",
                            "\t领办项目\t工作进展\n区委办公室(2项)\t\t\n1.\t下荒村路灯修复项目。\t已更换灯泡。\n"
                            "2.\t锦绣社区车位规划项目。\t已完成划定。\n区民政局(1项)\t\t\n1.\t老年食堂建设项目。\t已选址。\n"
                            "社区服务(1项)\t\t\n1.\t便民服务站项目。\t已开工。\n", 2021).programme.tasks
    assert [[u for line in t.lines for u in line.lead_units] for t in tasks] == [
        ["区委办公室"], ["区委办公室"], ["区民政局"], ["（表中未列）"]]


def test_one_numbered_item_under_a_header_naming_only_its_unit_is_read(tmp_path):
    """A header of one name (""/责任单位) over a single item "1、…" beside its office: the empty cell heads the task
    column; the item's own "确保2022年完工" is its deadline, the year's end."""
    [task] = convert_written(tmp_path, "表.tsv",
                             "二、主要任务\t\n\t责任单位\n1、农村学校改扩建工程。计划投资3491万元,维修改造校舍29所,确保2022年完工并投入使用。"
                             "\t市教育局\n", 2022).programme.tasks
    assert (task.code, task.lines[0].lead_units, task.deadline) == ("1", ["市教育局"], date(2022, 12, 31))
    assert task.title.startswith("农村学校改扩建工程。")


def test_a_date_after_a_word_of_commitment_dates_its_clause():
    """"确保2022年完工" is "2022年完工" promised: the year's end; "力争6月底前建成" the end of June."""
    assert [(label, due) for label, due, _ in dated_clauses("改造校舍29所,确保2022年完工并投入使用", 2022)] == [
        ("2022年底", date(2022, 12, 31))]
    assert [due for _, due, _ in dated_clauses("新建公园3个,力争6月底前建成", 2022)] == [date(2022, 6, 30)]
