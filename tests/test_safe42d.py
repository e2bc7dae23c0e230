"""Nothing lost (safe42d): a return's 计量单位 column is checked against the indicator's unit on every row that has
one, and an 指标 cell merged down over rows of another indicator (their 计量单位 or 本期目标 differ) is refused.
mstrack's own template filled, its 指标 cells of 学校 and 教室 merged, stored 教室's 10 间 as 学校 10 所."""

import csv
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from .conftest import converted_by_libreoffice, plan_task, plan_tasks, refused, schools_and_roads, write_plan

NOTHING: list = []


def stored(cli) -> list[tuple]:
    rows = cli.sql("select i.name, i.unit, r.as_of, r.value from report r join indicator i on i.id = r.indicator_id"
                   " order by i.name, r.as_of")
    return [(name, unit, str(day), value) for name, unit, day, value in rows]  # a date on PostgreSQL


def planned(cli, tmp_path: Path, body: str):
    result = cli("import", "plan", str(write_plan(tmp_path / "p.toml", body)))
    assert result.exit_code == 0, result.output
    return cli


@pytest.fixture
def office(cli, tmp_path):
    """Task 1: 学校 3 所, 教室 30 间; task 2: 道路 5 条."""
    return planned(cli, tmp_path, schools_and_roads())


def template(cli, tmp_path: Path, name: str = "t.xlsx"):
    """mstrack's own template of x-2023: the workbook, its sheet, its columns by header, its rows by indicator."""
    path = tmp_path / name
    result = cli("export", "template", "x-2023", "-o", str(path))
    assert result.exit_code == 0, result.output
    book = load_workbook(path)
    sheet = book.active
    column = {cell.value: cell.column for cell in sheet[1]}
    rows = {sheet.cell(row, column["指标"]).value: row for row in range(2, sheet.max_row + 1)}
    return book, sheet, column, rows


def fill(sheet, column: dict, row: int, day: datetime, value) -> None:
    sheet.cell(row, column["截至日期"], day)
    sheet.cell(row, column["数值"], value)


def letter(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(number)


# --- 1. the template's 指标 cells merged down over another indicator's row --------------------------------------

def test_the_template_with_its_indicator_cells_merged_stores_nothing(office, tmp_path):
    """safety42 06: 学校 1 (3-31), 教室 10 (6-30), the 指标 cells of the two rows merged: 学校 10 所 was stored, exit 0.
    Refused: row 3's 计量单位 says 间, 学校 counts 所 (and the merged 指标 cell is named)."""
    book, sheet, column, rows = template(office, tmp_path)
    school, rooms = rows["学校"], rows["教室"]
    assert rooms == school + 1 and sheet.cell(rooms, column["计量单位"]).value == "间"
    fill(sheet, column, school, datetime(2023, 3, 31), 1)
    fill(sheet, column, rooms, datetime(2023, 6, 30), 10)
    sheet.merge_cells(f"{letter(column['指标'])}{school}:{letter(column['指标'])}{rooms}")
    path = tmp_path / "filled.xlsx"
    book.save(path)
    said = refused(office("import", "progress", str(path)),
                   f"{path}: sheet '{sheet.title}', row {rooms}, column 计量单位: the row says 间 and 学校 counts 所",
                   "would be stored as 学校's")
    assert f"rows {school}–{rooms}, column 指标" in said, said
    assert stored(office) == NOTHING


def test_an_indicator_merged_over_another_of_the_same_unit_is_refused(cli, tmp_path):
    """学校 3 所 and 幼儿园 2 所 in one task: the units agree, the merged 指标 cell over their rows is refused all the
    same (their 本期目标 differ): the unit check alone would not catch it."""
    planned(cli, tmp_path, plan_tasks(plan_task("1", "新建学校", "县教育局", "学校", "所", 3, also=[("幼儿园", "所", 2)])))
    book, sheet, column, rows = template(cli, tmp_path)
    first, second = sorted((rows["学校"], rows["幼儿园"]))
    assert second == first + 1
    assert sheet.cell(first, column["计量单位"]).value == sheet.cell(second, column["计量单位"]).value == "所"
    fill(sheet, column, first, datetime(2023, 3, 31), 1)
    fill(sheet, column, second, datetime(2023, 6, 30), 2)
    cells = f"{letter(column['指标'])}{first}:{letter(column['指标'])}{second}"
    sheet.merge_cells(cells)
    path = tmp_path / "filled.xlsx"
    book.save(path)
    said = refused(cli("import", "progress", str(path)),
                   f"{path}: sheet '{sheet.title}', rows {first}–{second}, column 指标 ({cells}): one indicator name merged"
                   " over 2 rows whose 计量单位/本期目标 differ")
    assert "计量单位: the row says" not in said, said  # the units agree: only the merge says it
    assert stored(cli) == NOTHING


def test_an_indicator_merged_over_its_own_rows_of_two_dates_is_read(office, tmp_path):
    """A unit's two rows of one indicator (its row copied for a second date), the 指标 cells merged: same 计量单位 and
    本期目标, one indicator: both stored."""
    book, sheet, column, rows = template(office, tmp_path)
    school = rows["学校"]
    sheet.insert_rows(school + 1)
    for at in range(1, sheet.max_column + 1):
        sheet.cell(school + 1, at, sheet.cell(school, at).value)
    fill(sheet, column, school, datetime(2023, 3, 31), 1)
    fill(sheet, column, school + 1, datetime(2023, 6, 30), 2)
    sheet.cell(school + 1, column["指标"], None)
    sheet.merge_cells(f"{letter(column['指标'])}{school}:{letter(column['指标'])}{school + 1}")
    path = tmp_path / "filled.xlsx"
    book.save(path)
    result = office("import", "progress", str(path))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert stored(office) == [("学校", "所", "2023-03-31", 1), ("学校", "所", "2023-06-30", 2)]


@pytest.fixture(scope="module")
def merged_books(tmp_path_factory):
    """The template's 指标 cells of 学校 and 教室 merged, as .xlsx, and as .xls and .ods by LibreOffice."""
    folder = tmp_path_factory.mktemp("merged")
    H = ["计划", "任务编号", "指标", "计量单位", "截至日期", "数值"]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "回报"
    for row in (H, ["x-2023", "1", "学校", "所", "2023-03-31", 1], ["x-2023", "1", None, "间", "2023-06-30", 10],
                ["x-2023", "2", "道路", "条", "2023-06-30", 2]):
        sheet.append(row)
    sheet.merge_cells("C2:C3")
    book.save(folder / "merged.xlsx")
    converted_by_libreoffice(folder, [folder / "merged.xlsx"], timeout=300)
    return folder


@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_an_indicator_merged_down_is_refused_in_every_format(office, merged_books, kind):
    path = merged_books / f"merged.{kind}"
    said = refused(office("import", "progress", str(path)),
                   f"{path}: sheet '回报', row 3, column 计量单位: the row says 间 and 学校 counts 所",
                   f"{path}: sheet '回报', rows 2–3, column 指标 (C2:C3)")
    assert "道路" not in said, said
    assert stored(office) == NOTHING


# --- 2. the 计量单位 column against the indicator's unit, on every row ---------------------------------------------

def write_csv(path: Path, rows: list[list]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


HEAD = ["计划", "任务编号", "指标", "计量单位", "截至日期", "数值"]


def test_a_csv_row_whose_unit_is_another_is_refused(office, tmp_path):
    """safety42 held_xlsx_attacks unit_column_says_other_unit: a row for 学校 whose 计量单位 says 间 imported silently."""
    path = write_csv(tmp_path / "r.csv", [HEAD, ["x-2023", "1", "学校", "间", "2023-06-30", "1"],
                                          ["x-2023", "1", "教室", "间", "2023-06-30", "10"],
                                          ["x-2023", "2", "道路", "条", "2023-06-30", "2"]])
    said = refused(office("import", "progress", str(path)),
                   f"{path}:2:计量单位: the row says 间 and 学校 counts 所: its figure would be stored as 学校's")
    assert said.count("计量单位: the row says") == 1, said
    refused(office("--lang", "zh", "import", "progress", str(path)), f"{path}:2:计量单位：该行写的是 间，而 学校 的单位是 所")
    assert stored(office) == NOTHING


def test_an_xlsx_row_whose_unit_is_another_is_refused(office, tmp_path):
    book, sheet, column, rows = template(office, tmp_path)
    fill(sheet, column, rows["学校"], datetime(2023, 6, 30), 1)
    sheet.cell(rows["学校"], column["计量单位"], "间")
    path = tmp_path / "filled.xlsx"
    book.save(path)
    refused(office("import", "progress", str(path)),
            f"{path}: sheet '{sheet.title}', row {rows['学校']}, column 计量单位: the row says 间 and 学校 counts 所")
    assert stored(office) == NOTHING


def test_the_same_unit_full_width_or_no_unit_is_read(cli, tmp_path):
    """The same unit (full-width brackets as the value cells' units compare: 套（间） is 套(间)), and an empty cell."""
    planned(cli, tmp_path, schools_and_roads(plan_task("3", "保障房", "县住建局", "住房", "套(间)", 100),
                                             plan_task("4", "培训", "县人社局", "培训", "万人次", 2)))
    path = write_csv(tmp_path / "r.csv", [HEAD, ["x-2023", "1", "学校", "所", "2023-06-30", "1"],
                                          ["x-2023", "1", "教室", "", "2023-06-30", "10"],
                                          ["x-2023", "2", "道路", " 条 ", "2023-06-30", "2"],
                                          ["x-2023", "3", "住房", "套（间）", "2023-06-30", "50"],
                                          ["x-2023", "4", "培训", "万人次", "2023-06-30", "1.5"]])
    result = cli("import", "progress", str(path))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert stored(cli) == [("住房", "套(间)", "2023-06-30", 50), ("培训", "万人次", "2023-06-30", 1.5),
                           ("学校", "所", "2023-06-30", 1), ("教室", "间", "2023-06-30", 10), ("道路", "条", "2023-06-30", 2)]


def test_a_unit_without_its_scale_is_another_unit(cli, tmp_path):
    """人次 beside a figure of an indicator counted in 万人次: 15000 would be stored as 15000 万人次. Refused."""
    planned(cli, tmp_path, plan_tasks(plan_task("4", "培训", "县人社局", "培训", "万人次", 2)))
    path = write_csv(tmp_path / "r.csv", [HEAD, ["x-2023", "4", "培训", "人次", "2023-06-30", "15000"]])
    refused(cli("import", "progress", str(path)), f"{path}:2:计量单位: the row says 人次 and 培训 counts 万人次")
    assert stored(cli) == NOTHING


def test_a_long_csv_checks_every_row_on_the_columnar_path(office, tmp_path):
    """1,020 plain rows (the columnar path takes a chunk of 1,000 and more whole): one row's unit is another, refused."""
    from datetime import date, timedelta

    rows = [HEAD]
    for at in range(340):
        day = (date(2023, 1, 1) + timedelta(days=at)).isoformat()
        rows += [["x-2023", "1", "学校", "所", day, "1"], ["x-2023", "1", "教室", "间", day, "10"],
                 ["x-2023", "2", "道路", "条", day, "2"]]
    wrong = 1002  # a 道路 row: row 1003 of the file
    assert rows[wrong][2] == "道路"
    rows[wrong][3] = "公里"
    path = write_csv(tmp_path / "long.csv", rows)
    said = refused(office("import", "progress", str(path)),
                   f"{path}:{wrong + 1}:计量单位: the row says 公里 and 道路 counts 条")
    assert said.count("计量单位: the row says") == 1, said
    assert stored(office) == NOTHING
    rows[wrong][3] = "条"
    result = office("import", "progress", str(write_csv(tmp_path / "long.csv", rows)))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert len(stored(office)) == 1020


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_row_named_is_the_row_past_blank_rows(office, tmp_path, kind):
    """Blank rows between the rows: the unit cell compared is the row's own, and the row named its number."""
    rows = [HEAD, ["x-2023", "1", "学校", "所", "2023-06-30", "1"], [], [],
            ["x-2023", "2", "道路", "公里", "2023-06-30", "2"], [], ["x-2023", "1", "教室", "间", "2023-06-30", "10"]]
    if kind == "csv":
        path = write_csv(tmp_path / "r.csv", rows)
        place = f"{path}:5:计量单位"
    else:
        from openpyxl import Workbook

        book = Workbook()
        book.active.title = "回报"
        for row in rows:
            book.active.append(row)
        path = tmp_path / "r.xlsx"
        book.save(path)
        place = f"{path}: sheet '回报', row 5, column 计量单位"
    said = refused(office("import", "progress", str(path)), f"{place}: the row says 公里 and 道路 counts 条")
    assert said.count("计量单位: the row says") == 1, said
    assert stored(office) == NOTHING


def test_a_text_only_lines_template_row_saying_its_checkpoints_is_read(cli, tmp_path):
    """The template gives a text-only line 个节点 in 计量单位 (its value counts checkpoints met): that row reads as
    before, the unit its own."""
    planned(cli, tmp_path, schools_and_roads() + '[[tasks]]\ncode = "5"\ntitle = "出台方案"\n[[tasks.lines]]\n'
            'lead_units = ["县发改局"]\ncheckpoints = [{ due = "2023-03-31", label = "一季度", text = "起草方案" }, '
            '{ due = "2023-06-30", label = "二季度", text = "出台方案" }]\n')
    book, sheet, column, rows = template(cli, tmp_path)
    line = next(row for row in range(2, sheet.max_row + 1) if sheet.cell(row, column["任务编号"]).value == "5")
    assert sheet.cell(line, column["计量单位"]).value == "个节点"
    fill(sheet, column, line, datetime(2023, 6, 30), "已完成")
    fill(sheet, column, rows["学校"], datetime(2023, 6, 30), 1)
    path = tmp_path / "filled.xlsx"
    book.save(path)
    result = cli("import", "progress", str(path))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert cli.sql("select count(*) from report")[0][0] == 2


def test_a_unit_written_another_way_is_the_same_unit(cli, tmp_path):
    """review42: an office's own sheet writes units its own way — ㎡ and m² for 平方米, km for 公里, 平方 米 with a space,
    个（所） naming both, 个 for any count, 名 for 人 — and a value cell that states its own unit in the indicator's
    scale ("20000人" of 万人: the value path scales it). Each was stored before safe42d; each was then refused."""
    planned(cli, tmp_path, plan_tasks(plan_task("2", "绿地", "县住建局", "绿地", "平方米", 1000),
                                      plan_task("3", "道路", "县交通局", "道路", "公里", 50),
                                      plan_task("4", "学校", "县教育局", "学校", "所", 3),
                                      plan_task("6", "病床", "县卫健局", "病床", "张", 100),
                                      plan_task("7", "培训", "县人社局", "培训", "人", 900)))
    rows = [["2", "绿地", "㎡", "2023-03-31", "200"], ["2", "绿地", "m²", "2023-04-30", "300"],
            ["2", "绿地", "平方 米", "2023-05-31", "400"], ["3", "道路", "km", "2023-03-31", "5"],
            ["3", "道路", "KM", "2023-04-30", "6"], ["4", "学校", "个（所）", "2023-03-31", "1"],
            ["6", "病床", "个", "2023-03-31", "10"], ["7", "培训", "名", "2023-03-31", "300"]]
    path = write_csv(tmp_path / "r.csv", [HEAD] + [["x-2023", *row] for row in rows])
    result = cli("import", "progress", str(path))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert stored(cli) == [("培训", "人", "2023-03-31", 300), ("学校", "所", "2023-03-31", 1),
                           ("病床", "张", "2023-03-31", 10), ("绿地", "平方米", "2023-03-31", 200),
                           ("绿地", "平方米", "2023-04-30", 300), ("绿地", "平方米", "2023-05-31", 400),
                           ("道路", "公里", "2023-03-31", 5), ("道路", "公里", "2023-04-30", 6)]


def test_a_value_stating_its_unit_in_the_column_s_scale_is_read(cli, tmp_path):
    """计量单位 人 beside "20000人" of an indicator in 万人: the value cell says its unit, the value path scales it (2)."""
    planned(cli, tmp_path, plan_tasks(plan_task("5", "就业", "县人社局", "就业", "万人", 2)))
    path = write_csv(tmp_path / "r.csv", [HEAD, ["x-2023", "5", "就业", "人", "2023-06-30", "20000人"]])
    result = cli("import", "progress", str(path))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert stored(cli) == [("就业", "万人", "2023-06-30", 2)]


def test_another_count_or_measure_is_still_refused(cli, tmp_path):
    """What the check is for stays: 间 is no 所, 米 is no 公里 (a figure in 米 stored as 公里), 个 is no 平方米."""
    planned(cli, tmp_path, plan_tasks(plan_task("2", "绿地", "县住建局", "绿地", "平方米", 1000),
                                      plan_task("3", "道路", "县交通局", "道路", "公里", 50),
                                      plan_task("4", "学校", "县教育局", "学校", "所", 3)))
    for row, said in ((["4", "学校", "间", "2023-03-31", "1"], "the row says 间 and 学校 counts 所"),
                      (["3", "道路", "米", "2023-03-31", "5"], "the row says 米 and 道路 counts 公里"),
                      (["2", "绿地", "个", "2023-03-31", "5"], "the row says 个 and 绿地 counts 平方米")):
        path = write_csv(tmp_path / "r.csv", [HEAD, ["x-2023", *row]])
        refused(cli("import", "progress", str(path)), f"{path}:2:计量单位: {said}")
    assert stored(cli) == NOTHING
