"""Issue 13, read23c: the reader's leftovers in leads, units and columns, each rule on a small synthetic case: a helper
alone under a row with both never leads; "（负责）" anywhere marks the lead; a lead from the content is doubted; "A/ B" is
two units; an area opened by "三、…" ends at "四"; a merged item column numbered "（一）" is a registration form's item,
as one numbered "1." is; the row after a row split from a "1、2" 序号 is found by its number."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.sources.table import convert_table
from mstrack.sources.table.reading import Row
from mstrack.sources.table.row_lines import _next_row
from tests.conftest import convert_written, write_table_page

# --- 6. the column-themes check knows every numbering form ------------------------------------------------------------


def test_a_merged_item_numbered_in_bracketed_numerals_is_a_registration_form(tmp_path):
    """"（一）城市提升项目" merged over dated rows numbers its item as "1.城市提升项目" does: one task, not a theme."""
    path = write_table_page(tmp_path / "登记表.html", [
        "<td>项目名称</td><td>工作任务</td><td>计划完成时间</td><td>牵头单位</td>",
        '<td rowspan="2">（一）城市提升项目</td><td>改造城区道路3条</td><td>2024.8</td><td>城投集团</td>',
        "<td>新建停车场3处</td><td>2024年11月</td><td>建设局</td>",
        '<td rowspan="2">（二）公墓建设项目</td><td>新建公益性墓地15处</td><td>10月底</td><td>民政局</td>',
        "<td>新增墓穴10000穴</td><td>9月底</td><td>公共服务集团</td>",
    ])
    tasks = convert_table(path, "x-2024", 2024).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("一", "城市提升项目"), ("二", "公墓建设项目")]
    assert [[line.lead_units for line in t.lines] for t in tasks] == [[["城投集团"], ["建设局"]], [["民政局"], ["公共服务集团"]]]
    assert tasks[0].deadline == date(2024, 11, 30)


# --- 8. the next row of a sheet, by its number --------------------------------------------------------------------------


def test_the_row_after_a_split_row_is_found_by_its_number():
    """A row "1、2" read as two tasks is two new rows under the sheet's row number: the row after either is the
    sheet's next row, not none."""
    rows = [Row(1, ["序号"]), Row(3, ["1、2"]), Row(4, ["3"])]
    assert _next_row(rows, rows[1]) is rows[2]
    assert _next_row(rows, Row(3, ["1"])) is rows[2]
    assert _next_row(rows, rows[2]) is None


# --- 3. a lead read from the content's "X牵头" is doubted, naming the cell ------------------------------------------------

CONTENT_HEAD = "序号,工作任务,工作内容,牵头单位,责任单位,完成时限\n1,督查平台,建设督查平台1个,县政府督查室,,2024年12月底\n"


def test_a_lead_read_from_the_content_is_doubted(tmp_path):
    row = "2,安全生产,县应急局牵头，县消防救援大队配合开展隐患排查,,,2024年12月底\n"
    conversion = convert_written(tmp_path, "plan.csv", CONTENT_HEAD + row)
    task = next(t for t in conversion.programme.tasks if t.code == "2")
    assert [(line.lead_units, line.units) for line in task.lines] == [(["县应急局"], ["县消防救援大队"])]
    assert [str(d) for d in conversion.doubts if "牵头单位" in str(d)] == [
        "plan.csv: row 3, column 牵头单位: the 牵头单位 cell is blank: 县应急局 read as leading, as the 工作内容 cell says"]


def test_a_written_lead_is_not_doubted_for_its_content(tmp_path):
    conversion = convert_written(tmp_path, "plan.csv", CONTENT_HEAD + "2,安全生产,县应急局牵头开展隐患排查,县应急局,,2024年12月底\n")
    assert not [str(d) for d in conversion.doubts if "牵头单位" in str(d)]


# --- 2. "（负责）" marks the lead wherever in the cell it stands ----------------------------------------------------------

UNITS_ONLY = ["序号", "工作任务", "责任单位"]


def _lines(conversion) -> dict[str, list[tuple[list[str], list[str]]]]:
    return {task.code: [(line.lead_units, line.units) for line in task.lines] for task in conversion.programme.tasks}


def test_a_person_marked_responsible_after_a_helper_leads_doubted(tmp_path):
    """"县住建局（配合）、王芳（负责）": 王芳 leads (doubted as a person), as she does when named first."""
    conversion = convert_written(tmp_path, "plan.csv", [UNITS_ONLY, ["1", "改造老旧小区10个", "县住建局（配合）、王芳（负责）"]])
    assert _lines(conversion) == {"1": [(["王芳"], ["县住建局"])]}
    assert [str(d) for d in conversion.doubts if "王芳" in str(d)] == [
        "plan.csv: row 2, column 责任单位: “王芳” leads: a person, not an office; name the office"]


def test_an_office_marked_responsible_second_leads(tmp_path):
    conversion = convert_written(tmp_path, "plan.csv", [UNITS_ONLY, ["1", "改造老旧小区10个", "县住建局、街道（负责）"]])
    assert _lines(conversion) == {"1": [(["街道"], ["县住建局"])]}


# --- 4. a space after a "/" that joins units separates no groups --------------------------------------------------------


def test_units_joined_by_a_slash_and_a_space_are_one_list(tmp_path):
    """"县教育局/ 县财政局" (a line broken after the slash): 县教育局 and 县财政局, not a unit "县教育局/"."""
    conversion = convert_written(tmp_path, "plan.csv", [UNITS_ONLY, ["1", "改造老旧小区10个", "县教育局/ 县财政局"],
                                                        ["2", "新建学校3所", "县住建局、 县教育局/县财政局"]])
    assert _lines(conversion) == {"1": [(["县教育局"], ["县教育局", "县财政局"])],  # a 责任单位 column names its lead too
                                  "2": [(["县住建局"], ["县住建局", "县教育局", "县财政局"])]}


# --- 7. an area opened by a heading's own "三、" is ended by a task numbered "四" ------------------------------------------

AREA_HEAD = ["序号", "工作任务", "牵头单位", "完成时限"]
LONG_HEADING = "三、推进城乡融合发展，加快补齐农村基础设施短板，提升公共服务水平"


@pytest.mark.parametrize("heading", [[LONG_HEADING] * 4, ["", LONG_HEADING, "", ""]], ids=["merged", "in_the_task_cell"])
def test_a_task_numbered_after_the_heading_s_own_number_ends_its_area(tmp_path, heading):
    conversion = convert_written(tmp_path, "plan.xlsx", [
        AREA_HEAD, ["一", "建设农贸市场3个", "县商务局", "2024年10月底"], heading,
        ["1", "新建村道20公里", "县交通局", "2024年11月底"], ["四", "新建养老服务中心2个", "县民政局", "2024年12月底"]])
    assert [(t.code, t.area) for t in conversion.programme.tasks] == [("一", None), ("1", "三"), ("四", None)]


# --- 1. a row that names only helpers under a row that named both: the lead above goes on -------------------------------

HELPERS_HEAD = ["序号", "工作任务", "牵头单位", "责任单位", "配合单位"]


@pytest.mark.parametrize("name", ["plan.csv", "plan.xlsx"])
def test_a_helper_alone_under_a_row_with_both_never_leads(tmp_path, name):
    """Only the 配合单位 filled, under a row that filled 责任单位 and 配合单位: the helper never leads; the lead above
    goes on (a merged cell written once), doubted."""
    conversion = convert_written(tmp_path, name, [HELPERS_HEAD, ["1", "规范政府举债行为", "县财政局", "县审计局", "县发改委"],
                                                  ["2", "化解存量债务", "", "", "县发改委"]])
    assert _lines(conversion) == {"1": [(["县财政局"], ["县审计局", "县发改委"])], "2": [(["县财政局"], ["县发改委"])]}
    assert [str(d) for d in conversion.doubts if "牵头单位" in str(d)] == [
        f"{name}: row 3, column 牵头单位: the 牵头单位 cell is blank"
        + (": read as 县财政局, a merged cell written once above" if name == "plan.csv" else
           ", not merged: read as 县财政局, the lead above, as the row names only helpers")]
