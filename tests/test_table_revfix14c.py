"""Issue 13, revfix14c: review14's findings on the list reader, each rule on a small synthetic case: a labelled paragraph
of context ("建设地点：", "总投资：", "资金来源：") is read as its column is in a table, and never ends the list; "（一）"
items keep every labelled paragraph under them, as "1." items do; a closing heading over items of work is a group's
heading; a "（一）" item under a "一 | 城市建设" row takes a code of its own."""

from __future__ import annotations

from mstrack.sources.table import convert_table

from .conftest import convert_written, write_page

TITLE = "XX区人民政府关于印发2024年民生实事项目的通知"


def _convert(tmp_path, paragraphs: list[str]):
    return convert_table(write_page(tmp_path / "list.html", [TITLE, *paragraphs], title=TITLE), "x-2024", 2024)


def _read(programme) -> dict[str, tuple[list[str], list[str], list[tuple[str, float]]]]:
    return {t.code: ([u for line in t.lines for u in line.lead_units], [u for line in t.lines for u in line.units],
                     [(i.name, i.target) for line in t.lines for i in line.indicators]) for t in programme.tasks}


# --- 1. a labelled paragraph of context: read as its column in a table ---------------------------------------------------

def test_a_place_is_no_indicator_and_an_investment_is_named_so(tmp_path):
    """建设地点 names no column of work (a place is context, kept in the note); 总投资 is a money column, a target."""
    programme = _convert(tmp_path, [
        "1.学前教育提升工程", "建设内容：新建幼儿园3所。", "建设地点：城东街道。", "总投资：1500万元。", "责任单位：区教育局",
        "2.老旧小区改造工程", "主要内容：改造老旧小区10个。", "责任单位：区住建局",
        "3.养老服务工程", "工作目标：新建养老服务中心2个。", "责任单位：区民政局"]).programme
    indicators = _read(programme)["1"][2]
    assert indicators == [("新建幼儿园", 3), ("总投资", 15000000)]
    assert "建设地点：城东街道" in str(programme.tasks[0].note)  # no indicator, but a trace in the note (review15)


def test_a_source_of_funds_neither_ends_the_list_nor_drops_its_item(tmp_path):
    """"资金来源：…" is no page's field ("来源：…"): the item above it keeps its lead, and the list reads whole."""
    conversion = _convert(tmp_path, [
        "1.学前教育提升工程", "建设内容：新建幼儿园3所，新增学位1000个。", "资金来源：争取中央补助资金500万元，区财政配套300万元。",
        "责任单位：区教育局",
        "2.老旧小区改造工程", "建设规模：改造老旧小区10个。", "责任单位：区住建局",
        "3.养老服务工程", "工作目标：新建养老服务中心2个。", "责任单位：区民政局"])
    read = _read(conversion.programme)
    assert list(read) == ["1", "2", "3"]
    assert read["2"][2] == [("改造老旧小区", 10)]  # 建设规模 names the task column: content
    assert read["1"] == (["区教育局"], ["区教育局"], [("新建幼儿园", 3), ("新增学位", 1000)])


def test_an_item_cut_off_from_the_list_is_named(tmp_path):
    """One item before a line of prose and three after it: the one is said, never dropped silently."""
    conversion = _convert(tmp_path, [
        "1.新建幼儿园3所。", "本栏目由区政府办公室维护", "2.改造老旧小区10个。", "3.新建养老服务中心2个。", "4.新增城镇就业3000人。"])
    assert list(_read(conversion.programme)) == ["2", "3", "4"]
    said = [str(m) for m in conversion.doubts if "not read as tasks" in str(m)]
    assert len(said) == 1 and ": row 3:" in said[0], conversion.doubts


# --- 2. "（一）" items keep every labelled paragraph, as "1." items do ----------------------------------------------------

def _bracketed(tmp_path, labels: list[str]):
    """Two headings over "（一）" items, the labelled paragraphs `labels` under item 二(一); the programme read."""
    programme = _convert(tmp_path, [
        "一、教育", "（一）新建幼儿园3所。", "责任单位：区教育局", "（二）新增学位1000个。", "责任单位：区教育局",
        "二、民生", "（一）改造老旧小区10个。", *labels, "（二）新建社区食堂20个。", "责任单位：区民政局"]).programme
    assert [t.code for t in programme.tasks] == ["一(一)", "一(二)", "二(一)", "二(二)"]
    return programme, _read(programme)["二(一)"]


def test_bracketed_items_keep_lead_helpers_and_deadline(tmp_path):
    programme, read = _bracketed(tmp_path, ["牵头单位：区住建局", "配合单位：各街道", "完成时限：2024年10月底"])
    assert read == (["区住建局"], ["各街道"], [("改造老旧小区", 10)])
    assert str(programme.tasks[2].deadline) == "2024-10-31"


def test_bracketed_items_with_context_paragraphs_keep_their_lead(tmp_path):
    _, read = _bracketed(tmp_path, ["建设地点：城东街道。", "总投资：1500万元。", "责任单位：区住建局"])
    assert read == (["区住建局"], ["区住建局"], [("改造老旧小区", 10), ("总投资", 15000000)])


# --- 3. a closing heading over items of work is a group's heading -----------------------------------------------------

def test_a_closing_heading_over_an_item_of_work_keeps_it(tmp_path):
    programme = _convert(tmp_path, [
        "一、教育", "1.新建幼儿园3所。（区教育局）", "2.新增学位1000个。（区教育局）",
        "二、民生保障", "3.改造老旧小区10个。（区住建局）", "4.发放救助金200万元。（区民政局）",
        "三、加强组织领导", "5.新建社区食堂20个。（区民政局）",
        "四、工作要求", "各责任单位要于每月5日前报送进展情况，确保12月底前全面完成。"]).programme
    assert list(_read(programme)) == ["1", "2", "3", "4", "5"]
    assert [a.name for a in programme.areas] == ["教育", "民生保障", "加强组织领导"]


# --- 4. a "（一）" item under a "一 | 城市建设" row: a code of its own -------------------------------------------------

def test_first_bracketed_item_under_a_numeral_row_is_not_coded_as_its_area(tmp_path):
    conversion = convert_written(tmp_path, "plan.csv", [
        ["序号", "项目名称", "年度目标（个）", "责任单位"], ["一", "城市建设", "", ""],
        ["（一）", "新建幼儿园", "3", "区教育局"], ["（二）", "改造学校", "2", "区教育局"], ["二", "社会保障", "", ""],
        ["（一）", "新建养老服务中心", "2", "区民政局"], ["（二）", "新建社区食堂", "1", "区民政局"]])
    assert [(t.code, t.area) for t in conversion.programme.tasks] == [
        ("一(一)", "一"), ("一(二)", "一"), ("二(一)", "二"), ("二(二)", "二")]
