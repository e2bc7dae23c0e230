"""Issue 13, read21c: the list reader's leftovers, each rule on a small synthetic case: a labelled paragraph that names
no column ("主要内容：…") is the item's content, a contact or a page's field is not; "（一）" items under a heading
take the offices labelled under them; a programme's closing sections
("五、加强组织领导", "三、工作要求") end its list; a "（一）" sum heading under "一、" takes a code of its own; several rows
left out are said as "rows 16, 17"."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table

from .conftest import convert_written, write_page

TITLE = "XX区人民政府关于印发2024年民生实事项目的通知"


def _convert(tmp_path, paragraphs: list[str]):
    return convert_table(write_page(tmp_path / "list.html", [TITLE, *paragraphs], title=TITLE), "x-2024", 2024)


def _read(programme) -> dict[str, tuple[str, list[str], list[tuple[str, float]]]]:
    return {t.code: (t.title, [u for line in t.lines for u in line.lead_units],
                     [(i.name, i.target) for line in t.lines for i in line.indicators]) for t in programme.tasks}


# --- 1. a labelled paragraph naming no column is the item's content ---------------------------------------------------

def test_labelled_content_under_an_item_is_its_content(tmp_path):
    programme = _convert(tmp_path, [
        "1.学前教育提升工程", "主要内容：新建幼儿园3所，新增学位1000个。", "责任单位：区教育局",
        "2.老旧小区改造工程", "主要内容：改造老旧小区10个。", "责任单位：区住建局", "联系人：张三",
        "3.养老服务工程", "目标：新建养老服务中心2个。", "责任单位：区民政局", "来源：区政府办"]).programme
    assert _read(programme) == {
        "1": ("学前教育提升工程", ["区教育局"], [("新建幼儿园", 3), ("新增学位", 1000)]),
        "2": ("老旧小区改造工程", ["区住建局"], [("改造老旧小区", 10)]),
        "3": ("养老服务工程", ["区民政局"], [("新建养老服务中心", 2)])}


def test_a_contact_or_a_page_field_is_no_content(tmp_path):
    """"联系电话：…" and "发布时间：…" stay out of the task; an item without content keeps its own words' figure."""
    conversion = _convert(tmp_path, [
        "1.学前教育提升工程", "主要内容：新建幼儿园3所。", "联系电话：0571-12345678", "2.新建公厕20座。", "责任单位：区城管局",
        "3.养老服务工程", "建设内容：新建养老服务中心2个。", "发布时间：2024年3月1日"])
    assert _read(conversion.programme) == {
        "1": ("学前教育提升工程", ["（表中未列）"], [("新建幼儿园", 3)]),
        "2": ("新建公厕20座。", ["区城管局"], [("新建公厕", 20)]),
        "3": ("养老服务工程", ["（表中未列）"], [("新建养老服务中心", 2)])}
    assert not any("12345678" in str(text) or "2024年3月1日" in str(text) for text in conversion.summary)


# --- 2. a heading over "（一）" items, each with its labelled offices ---------------------------------------------------

def test_labelled_offices_under_bracketed_items_are_theirs(tmp_path):
    programme = _convert(tmp_path, [
        "一、教育", "（一）新建幼儿园3所。", "责任单位：区教育局", "（二）新增学位1000个。", "责任单位：区教育局",
        "二、民生", "（一）改造老旧小区10个。", "责任单位：区住建局"]).programme
    assert _read(programme) == {"一(一)": ("新建幼儿园3所。", ["区教育局"], [("新建幼儿园", 3)]),
                                "一(二)": ("新增学位1000个。", ["区教育局"], [("新增学位", 1000)]),
                                "二(一)": ("改造老旧小区10个。", ["区住建局"], [("改造老旧小区", 10)])}
    assert [(a.code, a.name) for a in programme.areas] == [("一", "教育"), ("二", "民生")]


def test_unnumbered_items_under_headings_are_the_groups_tasks(tmp_path):
    programme = _convert(tmp_path, [
        "一、教育", "新建幼儿园3所。（区教育局）", "新增学位1000个。（区教育局）", "二、民生", "改造老旧小区10个。（区住建局）",
        "新建养老服务中心2个。（区民政局）"]).programme
    assert _read(programme) == {"1": ("新建幼儿园3所。", ["区教育局"], [("新建幼儿园", 3)]),
                                "2": ("新增学位1000个。", ["区教育局"], [("新增学位", 1000)]),
                                "3": ("改造老旧小区10个。", ["区住建局"], [("改造老旧小区", 10)]),
                                "4": ("新建养老服务中心2个。", ["区民政局"], [("新建养老服务中心", 2)])}
    assert [(t.code, t.area) for t in programme.tasks] == [("1", "一"), ("2", "一"), ("3", "二"), ("4", "二")]


def test_a_notices_sections_of_prose_are_no_tasks(tmp_path):
    """Headings over paragraphs that set no figure and name no project or office: a notice's sections, still refused."""
    with pytest.raises(InputError, match="no table found"):
        _convert(tmp_path, ["一、指导思想", "以服务群众为宗旨，坚持问题导向。", "坚持尽力而为、量力而行。", "二、基本原则",
                            "坚持以人民为中心，着力解决群众急难愁盼问题。", "坚持统筹兼顾，突出重点。"])


# --- 3. a programme's closing sections end its list -------------------------------------------------------------------

def test_closing_sections_numbered_as_items_end_the_list(tmp_path):
    programme = _convert(tmp_path, [
        "一、新建幼儿园3所。（区教育局）", "二、改造老旧小区10个。（区住建局）", "三、新建养老服务中心2个。（区民政局）",
        "四、新增城镇就业3000人。（区人社局）", "五、加强组织领导", "六、强化督查考核"]).programme
    assert list(_read(programme)) == ["一", "二", "三", "四"]


def test_a_closing_heading_ends_the_list_with_its_points(tmp_path):
    programme = _convert(tmp_path, [
        "一、教育", "1.新建幼儿园3所。", "2.新增学位1000个。", "二、民生", "3.改造老旧小区10个。", "4.新建养老服务中心2个。",
        "三、工作要求", "5.加强组织领导，明确责任分工。", "6.强化督查考核。"]).programme
    assert list(_read(programme)) == ["1", "2", "3", "4"]
    assert [area.name for area in programme.areas] == ["教育", "民生"]


def test_closing_paragraphs_after_a_run_of_paragraphs_end_it(tmp_path):
    programme = _convert(tmp_path, [
        "新建城区污水管网18公里。", "改造城区老旧小区10个。", "新建城区幼儿园3所，新增学位1000个。",
        "加强组织领导，各单位要高度重视，确保各项工作落到实处。", "强化督查考核，对工作不力的单位进行通报。"]).programme
    assert list(_read(programme)) == ["1", "2", "3"]


def test_an_item_without_a_figure_among_numbered_items_stays_a_task(tmp_path):
    """13-read20a's rule holds: an item of work with no figure, an office or a date is a task, not a closing section."""
    programme = _convert(tmp_path, [
        "1.新建幼儿园3所。", "2.改造老旧小区10个。", "3.新建养老服务中心2个。", "4.新增城镇就业3000人。",
        "5.完善督查考核信息平台，6月底前上线。", "6.加强组织领导（区政府办）"]).programme
    assert list(_read(programme)) == ["1", "2", "3", "4", "5", "6"]


# --- 4. a column repeating one value after the items is still its column ------------------------------------------------

def test_a_goal_column_repeating_one_value_is_no_area(tmp_path):
    """工作目标 "年底前全面完成" on every row, right of the items: the goal (its deadline read), not a group over them."""
    conversion = convert_written(tmp_path, "plan.csv", [
        ["序号", "工作任务", "工作目标", "牵头单位"], ["1", "新建幼儿园3所", "年底前全面完成", "区教育局"],
        ["2", "改造学校2所", "年底前全面完成", "区教育局"], ["3", "新增学位1000个", "年底前全面完成", "区教育局"],
        ["4", "新建公厕20座", "年底前全面完成", "区城管局"]])
    programme = conversion.programme
    assert programme.areas == []
    assert [(t.code, t.title, t.area, str(t.deadline)) for t in programme.tasks] == [
        ("1", "新建幼儿园3所", None, "2024-12-31"), ("2", "改造学校2所", None, "2024-12-31"),
        ("3", "新增学位1000个", None, "2024-12-31"), ("4", "新建公厕20座", None, "2024-12-31")]


def test_a_project_name_repeating_left_of_the_items_still_groups_them(tmp_path):
    """The rule is for columns after the items: 工程名称 repeating left of the items heads them, as before."""
    conversion = convert_written(tmp_path, "plan.csv", [
        ["序号", "工程名称", "建设内容", "牵头单位"], ["1", "教育提升工程", "新建幼儿园3所", "区教育局"],
        ["2", "教育提升工程", "改造学校2所", "区教育局"], ["3", "教育提升工程", "新增学位1000个", "区教育局"],
        ["4", "教育提升工程", "新建公厕20座", "区城管局"]])
    assert [area.name for area in conversion.programme.areas] == ["教育提升工程"]


# --- 5. a "（一）" sum heading under "一、" takes a code of its own -------------------------------------------------------

def test_sub_sum_headings_take_codes_of_their_own(tmp_path):
    header = ["序号", "工作任务", "目标任务（个）", "责任单位"]
    conversion = convert_written(tmp_path, "plan.csv", [
        header, ["一、城市建设", "", "15", ""], ["（一）教育", "", "5", ""], ["1", "新建幼儿园", "3", "区教育局"],
        ["2", "改造学校", "2", "区教育局"], ["（二）住房", "", "10", ""], ["3", "改造老旧小区", "10", "区住建局"],
        ["二、社会保障", "", "2", ""], ["（一）养老", "", "2", ""], ["4", "新建养老服务中心", "2", "区民政局"]])
    programme = conversion.programme
    assert [(a.code, a.name) for a in programme.areas] == [("一", "城市建设"), ("一(一)", "教育"), ("一(二)", "住房"),
                                                           ("二", "社会保障"), ("二(一)", "养老")]
    assert [(t.code, t.area) for t in programme.tasks] == [("1", "一(一)"), ("2", "一(一)"), ("3", "一(二)"), ("4", "二(一)")]


# --- 7. several rows left out, said once --------------------------------------------------------------------------------

def test_rows_left_out_are_said_as_one_list(tmp_path):
    conversion = _convert(tmp_path, [
        "一、教育", "1.新建幼儿园3所。", "责任单位：区教育局", "2.改造老旧小区10个。", "责任单位：区住建局", "3.新建养老服务中心2个。",
        "责任单位：区民政局", "本栏目由区政府办公室维护", "二、就业", "1.新增城镇就业3000人。", "2.培训农民工500人次。"])
    said = [str(m) for m in conversion.doubts if "not read as tasks" in str(m)]
    assert len(said) == 1 and ": rows 12, 13:" in said[0], conversion.doubts


# --- 6. a blank item header over short names right after 序号 ----------------------------------------------------------

def test_short_names_under_a_blank_header_after_the_number_are_the_items(tmp_path):
    """A work group's short name ("项目推进") down its rows under a blank header, the month's goals beside it: the items."""
    conversion = convert_written(tmp_path, "plan.csv", [
        ["序号", "", "责任单位", "月度目标要求"], ["1", "项目推进", "区发改委", "1.推进3个项目开工。"],
        ["1", "项目推进", "区发改委", "2.修改完善投资计划。"], ["2", "招商引资", "区商务局", "1.引进项目5个。"],
        ["3", "营商环境", "区政务服务中心", "1.办结审批事项100件。"]])
    assert [(t.code, t.title, t.lines[0].lead_units) for t in conversion.programme.tasks] == [
        ("1", "项目推进", ["区发改委"]), ("2", "招商引资", ["区商务局"]), ("3", "营商环境", ["区政务服务中心"])]


def test_a_contact_column_is_never_the_items_longest_words(tmp_path):
    """No 序号 column: the items are the column with each row's longest words, a 联系人及电话 column aside."""
    conversion = convert_written(tmp_path, "plan.csv", [
        ["", "领办项目", "工作进展", "联系人及电话"], ["区委办公室(3项)", "", "", ""],
        ["1.", "下荒村路灯修复项目。", "已联系供电公司，正在维修。", "李明 0731-88886666"],
        ["2.", "锦绣社区车位规划项目。", "已完成规划设计。", "王芳 0731-88887777"],
        ["3.", "宝山小区供暖提升项目。", "已更换管网。", "张伟 0731-88889999"]], year=2021)
    assert [(t.code, t.title) for t in conversion.programme.tasks] == [
        ("1", "下荒村路灯修复项目。"), ("2", "锦绣社区车位规划项目。"), ("3", "宝山小区供暖提升项目。")]
