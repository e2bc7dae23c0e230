"""fixprog55: a unit's return as clerks fill the template (trial55). A signature or notes line under the table is
skipped and said, not a refusal; a text-only line's value written as the template shows it (3个节点, 第3个); 12.3万套
against 套（间） and 12万余套; 0.85 in a General cell of a % line after 65% refused naming both readings; columns the
clerk added, and 说明 beside 备注, said as not read. Each through the CLI on real .xlsx files (openpyxl), the store
looked at through `history --format json`."""

import json
from datetime import datetime

import pytest
from openpyxl import load_workbook

from .conftest import done, refused

FILLED = {3: "12.3万", 4: 40000, 5: 50, 6: 40, 7: "3万户", 8: "4亿元", 9: "30万户", 10: "60公里", 11: 80, 12: 2, 13: "10万个"}
"""shenzhen-2023's template for 市住房建设局, row → 数值: every row filled (row 12 is 26 进度安排, a text-only line of 4)."""


def template(cli, tmp_path, code: str = "shenzhen-2023", unit: str | None = "市住房建设局"):
    path = tmp_path / f"{code}.xlsx"
    done(cli("export", "template", code, *(("--unit", unit, "--helped") if unit else ()), "-o", str(path)))
    return path


def filled(cli, tmp_path, cells: dict, *, values: dict = FILLED, name: str = "return.xlsx", **options):
    """The template filled as a clerk does (截至日期 2023-06-30, each row's 数值), then `cells` written over it."""
    book = load_workbook(template(cli, tmp_path, **options))
    sheet = book.active
    for row, value in values.items():
        sheet.cell(row, 11).value = datetime(2023, 6, 30)
        sheet.cell(row, 12).value = value
    for at, value in cells.items():
        sheet[at] = value
    path = tmp_path / name
    book.save(path)
    return path


def imported(cli, path, *options) -> tuple:
    result = cli("import", "progress", str(path), "--format", "json", *options)
    return result, json.loads(result.stdout) if result.stdout.strip() else None


def history(cli, ref: str) -> list[dict]:
    result = cli("history", ref, "--format", "json")
    done(result)
    return json.loads(result.stdout)


def values(cli, ref: str, indicator: str) -> list:
    return [(entry["as_of"], entry["value"]) for entry in history(cli, ref)
            if entry["indicator"] == indicator and entry["state"] == "current"]


def reports(cli) -> int:
    return cli.sql("select count(*) from report")[0][0]


# --- F4: a line under the table -----------------------------------------------------------------------------------

def test_signature_and_notes_lines_under_the_table_are_skipped_and_quoted(demo_cli, tmp_path):
    path = filled(demo_cli, tmp_path, {"A16": "填表人：张三  联系电话：0755-12345678", "C17": "注：数值填累计数",
                                       "M18": "联系人：张三 13800000000", "K19": datetime(2023, 6, 30)})
    before = reports(demo_cli)
    result, said = imported(demo_cli, path)
    done(result)
    assert said["inserted"] == 11 and said["errors"] == [] and said["skipped"] == 4, said
    assert f"{path}:16: no task and no figure: skipped (计划 '填表人：张三  联系电话：0755-12345678')" in said["warnings"]
    assert f"{path}:17: no task and no figure: skipped (工作任务 '注：数值填累计数')" in said["warnings"]
    assert f"{path}:18: no task and no figure: skipped (备注 '联系人：张三 13800000000')" in said["warnings"]
    assert not any(":19:" in warning for warning in said["warnings"])  # a date alone, no words: skipped unsaid
    assert reports(demo_cli) == before + 11
    assert values(demo_cli, "shenzhen-2023/5", "建设筹集保障性住房")[-1] == ("2023-06-30", 123000)


@pytest.mark.parametrize("cells", ["A16:N16", "A16:N17"])
def test_a_signature_line_merged_across_the_row_is_one_line_of_words(demo_cli, tmp_path, cells):
    """The reader gives each cell of a merged range its top-left value: across the task and value columns, a line of
    words is its first cell's (its copies in 任务编号 and 数值 were a task '填表人…' and a figure before)."""
    path = filled(demo_cli, tmp_path, {"A16": "填表人：张三  联系电话：0755-12345678"})
    book = load_workbook(path)
    book.active.merge_cells(cells)
    book.save(path)
    result, said = imported(demo_cli, path)
    done(result)
    assert said["inserted"] == 11 and said["errors"] == [], said
    assert [w for w in said["warnings"] if "no task" in w] == [
        f"{path}:16: no task and no figure: skipped (计划 '填表人：张三  联系电话：0755-12345678')"]


def test_a_row_with_a_figure_and_no_task_is_refused_quoting_what_it_holds(demo_cli, tmp_path):
    path = filled(demo_cli, tmp_path, {"A16": "注：数值填累计数", "L16": 5})
    before = reports(demo_cli)
    refused(demo_cli("import", "progress", str(path)),
            f"{path}:16:任务编号: no task number in this row, which holds 计划 '注：数值填累计数', 数值 '5'")
    assert reports(demo_cli) == before


def test_a_line_under_a_table_of_titles_only_is_skipped_too(demo_cli, tmp_path):
    path = tmp_path / "titles.csv"
    path.write_text("计划,工作任务,指标,截至日期,数值\n"
                    "shenzhen-2023,建设筹集保障性住房 18.5 万套（间）,建设筹集保障性住房,2023-06-30,125000\n"
                    "shenzhen-2023,填表人：李四,,,\n", encoding="utf-8")
    result, said = imported(demo_cli, path)
    done(result)
    assert said["inserted"] == 1 and said["skipped"] == 1, said
    assert any(":3: no task and no figure: skipped (计划 'shenzhen-2023', 工作任务 '填表人：李四')" in w for w in said["warnings"])
    assert values(demo_cli, "shenzhen-2023/5", "建设筹集保障性住房")[-1] == ("2023-06-30", 125000)


# --- F5: a text-only line's value as the template writes it -----------------------------------------------------------

@pytest.mark.parametrize(("typed", "met"), [
    ("3个节点", 3), ("第3个", 3), ("已完成3个节点", 3), ("3个节点已完成", 3), ("第3个节点", 3), ("三个节点", 3), ("0", 0), (3, 3),
])
def test_a_text_only_lines_count_is_read_as_the_template_writes_it(demo_cli, tmp_path, typed, met):
    path = filled(demo_cli, tmp_path, {"L12": typed})
    result, said = imported(demo_cli, path)
    done(result)
    assert said["errors"] == [] and said["inserted"] == 11, said
    assert values(demo_cli, "shenzhen-2023/26", "进度安排") == [("2023-06-30", met)]


@pytest.mark.parametrize("typed", ["5", "3个以上", "2.5", "3户"])
def test_a_count_a_text_only_line_cannot_have_is_refused_naming_it(demo_cli, tmp_path, typed):
    path = filled(demo_cli, tmp_path, {"L12": typed})
    before = reports(demo_cli)
    refused(demo_cli("import", "progress", str(path)),
            f"{path}:12:数值: '{typed}': 进度安排 is a text-only line: give 已完成 or how many of its 4 checkpoints are met, 0 to 4")
    assert reports(demo_cli) == before


# --- F6: 套 for 套（间）, 余 ------------------------------------------------------------------------------------------

def test_either_unit_of_a_bracketed_pair_and_a_figure_with_yu_are_read(demo_cli, tmp_path):
    path = filled(demo_cli, tmp_path, {"L3": "12.3万套", "L4": "12万余套"})
    result, said = imported(demo_cli, path)
    done(result)
    assert said["errors"] == [], said
    assert f"{path}:4:数值: 供应分配保障性住房: '12万余套' is approximate; taken as 120000" in said["warnings"]
    assert values(demo_cli, "shenzhen-2023/5", "建设筹集保障性住房")[-1] == ("2023-06-30", 123000)
    assert values(demo_cli, "shenzhen-2023/5", "供应分配保障性住房")[-1] == ("2023-06-30", 120000)
    again = filled(demo_cli, tmp_path, {"L3": "12.5万间"}, name="again.xlsx")
    done(demo_cli("import", "progress", str(again)))
    assert values(demo_cli, "shenzhen-2023/5", "建设筹集保障性住房")[-1] == ("2023-06-30", 125000)


def test_another_unit_than_either_of_the_pair_is_still_refused(demo_cli, tmp_path):
    path = filled(demo_cli, tmp_path, {"L3": "12.3万户"})
    before = reports(demo_cli)
    refused(demo_cli("import", "progress", str(path)), "unit '户' does not match 建设筹集保障性住房's unit '套（间）'")
    assert reports(demo_cli) == before


# --- F7: 0.85 on a % line after 65% ---------------------------------------------------------------------------------

def yantian(cli, tmp_path, value, *, percent_format: bool = False, name: str = "yt.xlsx"):
    """yantian-2023's template, row 5 (3 整体形象进度, %, 65% stored as of 2023-06-30) given `value` as of 2023-07-31."""
    book = load_workbook(template(cli, tmp_path, "yantian-2023", None))
    sheet = book.active
    assert sheet["D5"].value == "整体形象进度"
    sheet["K5"], sheet["L5"] = datetime(2023, 7, 31), value
    if percent_format:
        sheet["L5"].number_format = "0%"
    path = tmp_path / name
    book.save(path)
    return path


@pytest.mark.parametrize(("typed", "percent"), [(0.85, "85"), (1, "100")])
def test_a_fraction_below_an_earlier_percent_is_refused_naming_both_readings(demo_cli, tmp_path, typed, percent):
    path = yantian(demo_cli, tmp_path, typed)
    before = values(demo_cli, "yantian-2023/3", "整体形象进度")
    assert before == [("2023-06-30", 65)]
    result = demo_cli("import", "progress", str(path))
    stderr = refused(result, f"{path}:5:数值: yantian-2023/3 整体形象进度 {typed}: as {typed}% it is lower than 65% as of "
                             f"2023-06-30; as a fraction of 1 (Excel's {typed} for {percent}%), it is {percent}%: type "
                             f"{percent}% if that is meant, or give --reason to keep {typed}%")
    assert "did you mean" not in stderr  # said by the refusal
    assert values(demo_cli, "yantian-2023/3", "整体形象进度") == before
    dry = demo_cli("import", "progress", str(path), "--dry-run")
    refused(dry, "give --reason")


def test_reason_keeps_a_genuine_fraction_of_a_percent(demo_cli, tmp_path):
    path = yantian(demo_cli, tmp_path, 0.85)
    result, said = imported(demo_cli, path, "--reason", "确为0.85%")
    done(result)
    assert said["inserted"] == 1 and said["errors"] == [], said
    assert values(demo_cli, "yantian-2023/3", "整体形象进度") == [("2023-06-30", 65), ("2023-07-31", 0.85)]
    assert [entry["reason"] for entry in history(demo_cli, "yantian-2023/3") if entry["value"] == 0.85] == ["确为0.85%"]


@pytest.mark.parametrize(("typed", "percent_format", "stored"), [("0.85%", False, 0.85), (0.85, True, 85), (70, False, 70)])
def test_a_percent_written_as_one_is_read_as_before(demo_cli, tmp_path, typed, percent_format, stored):
    """0.85% typed with its sign is what the unit means (a fall, warned); a cell formatted 0% is 85%; 70 is 70%."""
    path = yantian(demo_cli, tmp_path, typed, percent_format=percent_format)
    result, said = imported(demo_cli, path)
    done(result)
    assert said["errors"] == [] and said["inserted"] == 1, said
    assert values(demo_cli, "yantian-2023/3", "整体形象进度")[-1] == ("2023-07-31", stored)
    assert any("is lower than 65%" in warning for warning in said["warnings"]) == (stored < 65)


def test_a_fraction_with_no_earlier_figure_above_one_is_stored_and_warned(demo_cli, tmp_path):
    """A % line with nothing before: 0.85 is kept as typed, with the did-you-mean warning, as before."""
    path = yantian(demo_cli, tmp_path, 0.85)
    book = load_workbook(path)
    book.active["K5"] = datetime(2023, 5, 31)  # before the stored 65% of 2023-06-30: nothing above 1% before it
    book.save(path)
    result, said = imported(demo_cli, path)
    done(result)
    assert said["inserted"] == 1, said
    assert any("0.85 is taken as 0.85%; did you mean 85%?" in warning for warning in said["warnings"])
    assert ("2023-05-31", 0.85) in values(demo_cli, "yantian-2023/3", "整体形象进度")


# --- F12: columns the clerk added --------------------------------------------------------------------------------

def test_columns_the_clerk_added_are_named_as_not_read(demo_cli, tmp_path):
    path = filled(demo_cli, tmp_path, {"O2": "存在问题", "O3": "资金未到位", "O5": "进度偏慢", "P2": "处室意见",
                                       "P3": "同意", "Q2": "完成情况（文字）", "Q4": 3, "R7": "无表头的话"})
    result, said = imported(demo_cli, path)
    done(result)
    assert said["inserted"] == 11, said
    assert (f"{path}: columns O '存在问题' (2 cells of text), P '处室意见' (1 cell of text), R (no header, 1 cell of text) "
            "were not read: put the unit's remarks under 备注") in said["warnings"]  # Q holds a number only
    assert all(entry["note"] is None for entry in history(demo_cli, "shenzhen-2023/5") if entry["as_of"] == "2023-06-30")


def test_shuoming_beside_beizhu_is_a_column_not_read_and_alone_it_is_the_note(demo_cli, tmp_path):
    path = filled(demo_cli, tmp_path, {"O2": "说明", "O3": "资金未到位", "M3": "区报数"})
    result, said = imported(demo_cli, path)
    done(result)
    assert f"{path}: column O '说明' (1 cell of text) was not read: put the unit's remarks under 备注" in said["warnings"]
    notes = [entry["note"] for entry in history(demo_cli, "shenzhen-2023/5") if entry["indicator"] == "建设筹集保障性住房"
             and entry["as_of"] == "2023-06-30"]
    assert notes == ["区报数"]
    alone = filled(demo_cli, tmp_path, {"M2": "说明", "M4": "按期推进", "L4": 41000}, name="alone.xlsx")
    result, said = imported(demo_cli, alone)
    done(result)
    assert not any("not read" in warning for warning in said["warnings"]), said
    assert [entry["note"] for entry in history(demo_cli, "shenzhen-2023/5") if entry["value"] == 41000] == ["按期推进"]


def test_a_csvs_extra_column_of_words_is_said_and_one_of_figures_is_not(demo_cli, tmp_path):
    path = tmp_path / "extra.csv"
    path.write_text("计划,任务编号,指标,截至日期,数值,年度目标,存在问题\n"
                    "shenzhen-2023,5,建设筹集保障性住房,2023-06-30,125000,185000,资金未到位\n"
                    "shenzhen-2023,5,供应分配保障性住房,2023-06-30,45000,65000,\n", encoding="utf-8")
    result, said = imported(demo_cli, path)
    done(result)
    assert said["inserted"] == 2, said
    assert [w for w in said["warnings"] if "not read" in w] == [
        f"{path}: column G '存在问题' (1 cell of text) was not read: put the unit's remarks under 备注"]


# --- the rules alone -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "unit"), [
    ("12万余套", 120000, "套"), ("12余万套", 120000, "套"), ("1200余户", 1200, "户"), ("12万余", 120000, ""), ("10多个", 10, "个"),
])
def test_yu_and_duo_after_a_figure_read_as_more_than_it(text, value, unit):
    from mstrack.domain.quantities import parse_quantity

    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit, quantity.comparator, quantity.approx) == (value, unit, ">=", True)


def test_a_bracketed_unit_names_either_of_its_pair_and_no_other():
    from mstrack.domain.quantities import unit_named

    assert unit_named("套", "套（间）") and unit_named("间", "套(间)") and unit_named("套(间)", "套（间）")
    assert not unit_named("户", "套（间）") and not unit_named("套", "间") and not unit_named("套间", "套（间）")


@pytest.mark.parametrize(("text", "met"), [
    ("3", 3), ("3个节点", 3), ("第3个", 3), ("已完成第3个节点", 3), ("3个节点已完成", 3), ("三个", 3), ("0", 0), ("4", 4),
    ("5", None), ("2.5", None), ("3个以上", None), ("约3个", None), ("3户", None), ("很多", None),
])
def test_a_count_of_checkpoints_met(text, met):
    from mstrack.domain.readings import checkpoints_met

    assert checkpoints_met(text, "", 4) == met
