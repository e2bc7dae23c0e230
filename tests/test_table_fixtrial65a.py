"""fixtrial65a (trial65's findings 1–5, 8): what an office's workbook or CSV holds that its cells' text does not say
plainly — a figure typed with a full-width "，" or "．", a formula saved with no value, quarter columns of bare
numbers, a sheet per unit, hidden rows and columns, an Excel day number in a deadline column."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from mstrack.sources.table import convert_table

from .conftest import import_table

HEADER = ["序号", "项目名称", "年度目标", "牵头单位", "责任单位", "第一季度", "第二季度", "第三季度", "第四季度", "完成时限"]


def _csv(path: Path, rows: list[list]) -> Path:
    path.write_text("\n".join(",".join(f'"{cell}"' for cell in row) for row in rows) + "\n", encoding="utf-8")
    return path


def _xlsx(path: Path, sheets: dict[str, list[list]], hide_rows=(), hide_columns=()) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for number in hide_rows:
            sheet.row_dimensions[number].hidden = True
        for letter in hide_columns:
            sheet.column_dimensions[letter].hidden = True
    workbook.save(path)
    return path


def _indicators(programme) -> dict[str, list]:
    return {task.code: [i for line in task.lines for i in line.indicators] for task in programme.tasks}


def test_a_figure_typed_with_a_full_width_comma_or_point_is_one_figure(tmp_path):
    path = _csv(tmp_path / "fw.csv", [["序号", "项目名称", "年度目标", "牵头单位", "完成时限"],
                                      [1, "新增公办学位", "新增公办学位1，234个", "区教育局", "2027-12-31"],
                                      [2, "建设保障性住房", "建设保障性住房１２．５万平方米", "区住建局", "2027-12-31"],
                                      [3, "发放补贴", "发放补贴1，500万元", "区财政局", "2027-12-31"]])
    found = _indicators(convert_table(path, "x-2027", 2027).programme)
    assert [(i.name, i.target, i.unit) for i in found["1"]] == [("新增公办学位", 1234, "个")]
    assert [(i.name, i.target, i.unit) for i in found["2"]] == [("建设保障性住房", 125000, "平方米")]
    assert [(i.name, i.target) for i in found["3"]] == [("发放补贴", 15000000)]


def test_a_full_width_comma_after_a_unit_or_before_fewer_than_three_digits_still_parts_clauses(tmp_path):
    path = _csv(tmp_path / "fw.csv", [["序号", "项目名称", "年度目标", "牵头单位", "完成时限"],
                                      [1, "新建公园", "新建公园3个，改造绿地12处", "区林业局", "2027-12-31"],
                                      [2, "新增学位", "新增学位1，建成幼儿园25所", "区教育局", "2027-12-31"]])
    found = _indicators(convert_table(path, "x-2027", 2027).programme)
    assert [(i.target, i.unit) for i in found["1"]] == [(3, "个"), (12, "处")]
    assert all(i.target in (1, 25) for i in found["2"]) and 25 in [i.target for i in found["2"]]


def test_a_formula_saved_with_no_value_in_a_task_row_is_refused_naming_its_cells(tmp_path):
    path = _xlsx(tmp_path / "t.xlsx", {"任务": [
        ["2027年民生实事任务分解表"], HEADER,
        [1, "新增公办学位", "新增公办学位2000个", "区教育局", "区教育局", None, "=1000", None, "=F3+G3+1000", "2027-12-31"],
        [2, "建设保障性住房", "建设保障性住房500套", "区住建局", "区住建局", "100套", "200套", "350套", "500套", "2027-12-31"]]})
    result, out = import_table(path)
    assert result.exit_code == 2, result.output
    assert "sheet '任务', cells G3, I3: the formula '=1000' has no saved value" in result.stderr, result.stderr
    assert "open the file in Excel/WPS and save it" in result.stderr
    assert "Traceback" not in result.output and not out.exists()


def test_a_formula_in_a_total_row_only_decorates_and_is_said(tmp_path):
    path = _xlsx(tmp_path / "t.xlsx", {"任务": [
        HEADER,
        [1, "新增公办学位", "新增公办学位2000个", "区教育局", "区教育局", "500个", "1000个", "1500个", "2000个", "2027-12-31"],
        [2, "建设保障性住房", "建设保障性住房500套", "区住建局", "区住建局", "100套", "200套", "350套", "500套", "2027-12-31"],
        ["合计", None, "=SUM(C2:C3)"]]})
    result, out = import_table(path)
    assert result.exit_code == 0, result.output
    assert "C4 hold a formula with no saved value" in result.stderr, result.stderr
    assert out.exists() and "=SUM" not in out.read_text(encoding="utf-8")


def test_hidden_rows_and_columns_read_are_named_as_import_progress_names_them(tmp_path):
    path = _xlsx(tmp_path / "t.xlsx", {"任务": [
        HEADER,
        [1, "新增公办学位", "新增公办学位2000个", "区教育局", "区教育局", "500个", "1000个", "1500个", "2000个", "2027-12-31"],
        [2, "建设保障性住房", "建设保障性住房500套", "区住建局", "区住建局", "100套", "200套", "350套", "500套", "2027-12-31"],
        [3, "改造老旧小区", "改造老旧小区20个", "区住建局", "区住建局", None, "5个", "10个", "20个", "2027-12-31"]]},
        hide_rows=[4], hide_columns=["H"])
    result, out = import_table(path)
    assert result.exit_code == 0, result.output
    assert "row 4 of sheet '任务' is hidden and was imported" in result.stderr, result.stderr
    assert "column H (第三季度) of sheet '任务' is hidden and was read" in result.stderr
    assert "改造老旧小区" in out.read_text(encoding="utf-8")  # a hidden row is still read


def test_a_workbook_with_a_sheet_per_unit_names_the_sheets_not_read_and_reads_one_by_sheet(tmp_path):
    header = ["序号", "项目名称", "年度目标", "牵头单位", "完成时限"]
    path = _xlsx(tmp_path / "per_unit.xlsx", {
        "区住建局": [header, [2, "建设保障性住房", "建设保障性住房500套", "区住建局", "2027-12-31"],
                     [3, "改造老旧小区", "改造老旧小区20个", "区住建局", "2027-12-31"]],
        "区教育局": [header, [1, "新增公办学位", "新增公办学位2000个", "区教育局", "2027-12-31"]],
        "说明": [["本表由各单位填报"]]})
    result, out = import_table(path)
    assert result.exit_code == 0, result.output
    assert "sheet '区住建局' read; the sheet '区教育局' holds a table too and was not read: import each with --sheet" \
        in result.stderr, result.stderr
    assert "说明" not in result.stderr
    other = convert_table(path, "x-2027", 2027, sheet="区教育局").programme
    assert [task.code for task in other.tasks] == ["1"]


def _milestones(programme, code: str) -> tuple[str, list]:
    (indicator,) = _indicators(programme)[code]
    return indicator.unit, [(m.due.isoformat(), m.target) for m in indicator.milestones]


QUARTERLY = [("2027-03-31", 100), ("2027-06-30", 200), ("2027-09-30", 350), ("2027-12-31", 500)]


def test_bare_quarter_figures_count_in_the_unit_of_the_one_figure_the_target_prints(tmp_path):
    path = _csv(tmp_path / "bare.csv", [["序号", "项目名称", "年度目标", "牵头单位", "第一季度", "第二季度", "第三季度", "第四季度"],
                                        [2, "建设保障性住房", "建设保障性住房500套", "区住建局", 100, 200, 350, 500]])
    assert _milestones(convert_table(path, "x-2027", 2027).programme, "2") == ("套", QUARTERLY)


def test_bare_quarter_figures_count_in_the_unit_the_name_or_its_header_brackets(tmp_path):
    quarters = ["第一季度", "第二季度", "第三季度", "第四季度"]
    header = _csv(tmp_path / "header.csv", [["序号", "指标（套）", "年度目标", "牵头单位", *quarters],
                                            [2, "建设保障性住房", 500, "区住建局", 100, 200, 350, 500]])
    named = _csv(tmp_path / "named.csv", [["序号", "指标", "年度目标", "牵头单位", *quarters],
                                          [2, "建设保障性住房（套）", 500, "区住建局", 100, 200, 350, 500]])
    for path in (header, named):
        assert _milestones(convert_table(path, "x-2027", 2027).programme, "2") == ("套", QUARTERLY), path.name


def test_an_excel_day_number_in_the_deadline_column_is_read_as_its_date_and_doubted(tmp_path):
    path = _csv(tmp_path / "serial.csv", [["序号", "项目名称", "年度目标", "牵头单位", "完成时限"],
                                          [4, "新建公园", "新建公园3个", "区林业局", 45991],
                                          [5, "改造绿地", "改造绿地12处", "区林业局", "2025-06-30"]])
    conversion = convert_table(path, "x-2025", 2025)
    tasks = {task.code: task for task in conversion.programme.tasks}
    assert tasks["4"].deadline.isoformat() == "2025-11-30" and tasks["4"].text.deadline_text == "2025-11-30"
    assert tasks["5"].deadline.isoformat() == "2025-06-30"
    assert any("“45991” is Excel's day number for 2025-11-30" in str(d) for d in conversion.doubts), conversion.doubts


def test_the_full_width_folding_is_the_one_log_reads_and_leaves_an_items_number_before_a_date():
    from mstrack.domain.quantities import fold_figures, normalize

    assert fold_figures("１２．５万平方米，新增1，234个，其中3个，") == "12.5万平方米，新增1,234个，其中3个，"
    assert fold_figures("１２．５") == normalize("１２．５") and fold_figures("1，234") == normalize("1，234")
    assert fold_figures("1．2024年底前完成") == "1．2024年底前完成" and fold_figures("2．6月底前") == "2．6月底前"
    # a run of "，" groups is a list of figures as often as one figure: not joined (分别为100，200，300个 is three)
    assert fold_figures("分别为100，200，300个") == "分别为100，200，300个"
    assert fold_figures("建成3，500户和1，200户") == "建成3,500户和1,200户"


def test_a_dotted_month_that_may_be_january_or_october_is_kept_as_text_and_doubted_naming_both(tmp_path):
    path = _csv(tmp_path / "dotted.csv", [["序号", "项目名称", "年度目标", "牵头单位", "完成时限"],
                                          [1, "新建公园", "新建公园3个", "区林业局", "2027.1"],
                                          [2, "改造绿地", "改造绿地12处", "区林业局", "2027.10"]])
    conversion = convert_table(path, "x-2027", 2027)
    tasks = {task.code: task for task in conversion.programme.tasks}
    assert tasks["1"].deadline is None and tasks["1"].text.deadline_text == "2027.1"
    assert tasks["2"].deadline.isoformat() == "2027-10-31"
    said = [str(d) for d in conversion.doubts if "2027.1" in str(d)]
    assert len(said) == 1 and "may be January or October" in said[0] and "row 2" in said[0], conversion.doubts
