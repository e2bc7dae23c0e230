"""`import progress` reads a cell as the unit meant it, or refuses (safe47a, from safety47's trial): a date typed 5.30
kept by Excel as the number 5.3, a "+20" increase, 已完成 beside the form's 本期目标, a hidden value column, a unit in
the cell's number format (0.0"亿元"), a task code 1.10 kept as the number 1.1, and 0.47 on a % row."""

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from mstrack.domain.dates import DateError, parse_date
from mstrack.domain.progress import check_value
from mstrack.errors import InputError

from .conftest import done, plan_task, plan_tasks, refused, reports_stored, write_plan

H = ["计划", "任务编号", "指标", "截至日期", "数值", "备注"]


def _plan(cli, tmp_path, *tasks):
    tasks = tasks or (
        plan_task("1", "新建学校", "县教育局", "学校", "所", 30, milestones=[("2023-06-30", 15), ("2023-12-31", 30)]),
        plan_task("2", "完成投资", "县住建局", "投资", "万元", 50000),
        plan_task("3", "道路整治", "县交通局", "形象进度", "%", 100),
    )
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml", plan_tasks(*tasks)))))


def _sheet(path, rows, formats=None, hidden_columns=()):
    """An .xlsx of `rows` (H first); `formats`: {(row, column): number format}, 1-based as Excel numbers them."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for (row, column), code in (formats or {}).items():
        sheet.cell(row, column).number_format = code
    for column in hidden_columns:
        sheet.column_dimensions[get_column_letter(column)].hidden = True
    book.save(path)
    return path


# --- F1. a number in the date column that may have lost its trailing zero ----------------------------------------

@pytest.mark.parametrize(("typed", "meant"), [(5.3, "5.30"), (2023.1, "2023.10"), (5.1, "5.10"), (12.2, "12.20")])
def test_a_date_number_that_may_have_lost_its_trailing_zero_is_refused(cli, tmp_path, typed, meant):
    _plan(cli, tmp_path)
    path = _sheet(tmp_path / "r.xlsx", [H, ["x-2023", "1", "学校", typed, 10, None], ["x-2023", "2", "投资", "2023-05-31", 7, None]],
                  {(2, 4): "General"})
    said = refused(cli("import", "progress", str(path)), "r.xlsx:2:截至日期", str(typed), meant, "type the date as text")
    assert "2023-05-31" not in said
    assert reports_stored(cli) == []
    chinese = cli("--lang", "zh", "import", "progress", str(path))
    refused(chinese, "r.xlsx:2:截至日期", meant, "文本")


@pytest.mark.parametrize(("typed", "day"), [(5.31, "2023-05-31"), (2023.12, "2023-12-31"), (6.4, "2023-06-04"),
                                            (2.3, "2023-02-03")])
def test_a_date_number_with_one_reading_is_read_as_before(cli, tmp_path, typed, day):
    _plan(cli, tmp_path)
    path = _sheet(tmp_path / "r.xlsx", [H, ["x-2023", "1", "学校", typed, 10, None]])
    done(cli("import", "progress", str(path)))
    assert reports_stored(cli) == [("学校", day, 10)]


def test_a_dotted_date_typed_as_text_is_read_as_before(cli, tmp_path):
    _plan(cli, tmp_path)
    (tmp_path / "r.csv").write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,学校,5.3,10\n", encoding="utf-8")
    done(cli("import", "progress", str(tmp_path / "r.csv")))
    assert reports_stored(cli) == [("学校", "2023-05-03", 10)]


def test_a_day_and_month_both_up_to_twelve_are_refused_as_ambiguous():
    with pytest.raises(DateError, match="8/5/2023"):
        parse_date("8/5/2023", 2023)
    assert str(parse_date("30/6/2023", 2023)) == "2023-06-30"
    assert str(parse_date("5/5/2023", 2023)) == "2023-05-05"
    assert str(parse_date("2023/8/5", 2023)) == "2023-08-05"


# --- F7. "+20" is an increase, and values are cumulative ----------------------------------------------------------

def test_a_value_with_a_plus_sign_is_refused_naming_the_row(cli, tmp_path):
    _plan(cli, tmp_path)
    (tmp_path / "r.csv").write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,学校,2023-05-31,+5\n"
                                    "x-2023,2,投资,2023-05-31,7\n", encoding="utf-8")
    refused(cli("import", "progress", str(tmp_path / "r.csv")), "r.csv:2:数值", "+5", "cumulative")
    assert reports_stored(cli) == []
    refused(cli("--lang", "zh", "import", "progress", str(tmp_path / "r.csv")), "r.csv:2:数值", "累计")
    refused(cli("log", "x-2023/1", "+5", "--as-of", "2023-05-31"), "+5", "cumulative")
    assert reports_stored(cli) == []


def test_a_plus_sign_stays_on_a_rate_of_change():
    assert check_value("+3.5%", "%", "地区生产总值增速")[0] == 3.5
    with pytest.raises(InputError):
        check_value("+20", "个", "学位")
    with pytest.raises(InputError):
        check_value("＋20", "个", "学位")


# --- F10. 已完成 beside the form's 本期目标 -------------------------------------------------------------------------

def _form_done(cli, tmp_path, as_of: str):
    _plan(cli, tmp_path)
    path = tmp_path / "form.xlsx"
    done(cli("export", "template", "x-2023", "--unit", "县教育局", "--as-of", as_of, "-o", str(path)))
    book = openpyxl.load_workbook(path)
    sheet = book.active
    header = next(row for row in (1, 2) if any(cell.value == "指标" for cell in sheet[row]))  # under "填报单位：…" (safe47b)
    column = {cell.value: cell.column for cell in sheet[header]}
    assert sheet.cell(header + 1, column["指标"]).value == "学校"
    sheet.cell(header + 1, column["数值"]).value = "已完成"
    book.save(path)
    return path


def test_done_beside_a_period_target_below_the_annual_one_is_refused(cli, tmp_path):
    path = _form_done(cli, tmp_path, "2023-05-31")
    refused(cli("import", "progress", str(path)), "form.xlsx:3:数值", "已完成", "15所", "30所")
    assert reports_stored(cli) == []
    refused(cli("--lang", "zh", "import", "progress", str(path)), "本期目标")


def test_done_beside_the_last_period_target_is_the_annual_target(cli, tmp_path):
    path = _form_done(cli, tmp_path, "2023-08-31")
    done(cli("import", "progress", str(path)))
    assert reports_stored(cli) == [("学校", "2023-08-31", 30)]


def test_done_in_a_return_without_a_target_column_is_the_annual_target_as_before(cli, tmp_path):
    _plan(cli, tmp_path)
    (tmp_path / "r.csv").write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,学校,2023-05-31,已完成\n", encoding="utf-8")
    done(cli("import", "progress", str(tmp_path / "r.csv")))
    assert reports_stored(cli) == [("学校", "2023-05-31", 30)]


# --- F11. a hidden column read -----------------------------------------------------------------------------------

def test_a_hidden_column_read_is_named_in_a_warning(cli, tmp_path):
    _plan(cli, tmp_path)
    rows = [H + ["本周累计"], ["x-2023", "1", "学校", "2023-05-31", 10, None, 12]]
    path = _sheet(tmp_path / "r.xlsx", rows, hidden_columns=[5])
    result = cli("import", "progress", str(path))
    done(result)
    assert "column E (数值) of sheet 'Sheet' is hidden and was read" in result.stderr, result.stderr
    chinese = cli("--lang", "zh", "import", "progress", str(path), "--dry-run")
    assert "隐藏" in chinese.stderr and "数值" in chinese.stderr, chinese.stderr


def test_a_hidden_value_column_with_a_shown_one_beside_it_is_refused(cli, tmp_path):
    """Last week's 数值 hidden, this week's figures in 本周累计 beside it (the trial's reused form): which are meant?"""
    _plan(cli, tmp_path)
    rows = [["计划", "任务编号", "指标", "截至日期", "数值", "本周累计", "备注"], ["x-2023", "1", "学校", "2023-05-31", 10, 12, None]]
    path = _sheet(tmp_path / "r.xlsx", rows, hidden_columns=[5])
    refused(cli("import", "progress", str(path)), "column E (数值)", "column F (本周累计)", "is hidden")
    assert reports_stored(cli) == []
    refused(cli("--lang", "zh", "import", "progress", str(path)), "隐藏", "本周累计")


def test_a_hidden_column_not_read_is_not_named(cli, tmp_path):
    _plan(cli, tmp_path)
    rows = [H + ["旧数"], ["x-2023", "1", "学校", "2023-05-31", 10, None, 12]]
    result = cli("import", "progress", str(_sheet(tmp_path / "r.xlsx", rows, hidden_columns=[7])))
    done(result)
    assert "hidden" not in result.stderr, result.stderr


# --- F13. a unit in the cell's number format ---------------------------------------------------------------------

def test_a_unit_in_the_number_format_is_the_cells_unit(cli, tmp_path):
    _plan(cli, tmp_path)
    rows = [H, ["x-2023", "2", "投资", "2023-05-31", 1.5, None], ["x-2023", "1", "学校", "2023-05-31", 12, None]]
    path = _sheet(tmp_path / "r.xlsx", rows, {(2, 5): '0.0"亿元"', (3, 5): '0"所"'})
    done(cli("import", "progress", str(path)))
    assert reports_stored(cli) == [("学校", "2023-05-31", 12), ("投资", "2023-05-31", 15000)]


def test_a_unit_in_the_number_format_unlike_the_indicators_is_refused(cli, tmp_path):
    _plan(cli, tmp_path)
    path = _sheet(tmp_path / "r.xlsx", [H, ["x-2023", "1", "学校", "2023-05-31", 12, None]], {(2, 5): '0"间"'})
    refused(cli("import", "progress", str(path)), "r.xlsx:2", "间", "所")
    assert reports_stored(cli) == []


# --- F15. a task code 1.10 kept as the number 1.1 ----------------------------------------------------------------

def test_a_numeric_task_code_that_may_have_lost_its_trailing_zero_is_refused(cli, tmp_path):
    _plan(cli, tmp_path, *(plan_task(code, f"子项{code}", "甲", "数量", "个", 100) for code in ("1.1", "1.10", "1.2", "2")))
    path = _sheet(tmp_path / "r.xlsx", [H, ["x-2023", 1.1, None, "2023-05-31", 10, None], ["x-2023", 1.2, None, "2023-05-31", 20, None]])
    refused(cli("import", "progress", str(path)), "r.xlsx:2:任务编号", "1.10", "子项1.10", "子项1.1")
    assert reports_stored(cli) == []
    refused(cli("--lang", "zh", "import", "progress", str(path)), "1.10", "文本")
    text = _sheet(tmp_path / "t.xlsx", [H, ["x-2023", "1.1", None, "2023-05-31", 10, None], ["x-2023", 1.2, None, "2023-05-31", 20, None]])
    done(cli("import", "progress", str(text)))
    assert sorted(cli.sql("select t.code, r.value from report r join indicator i on i.id = r.indicator_id join task_line l "
                          "on l.id = i.line_id join task t on t.id = l.task_id")) == [("1.1", 10), ("1.2", 20)]


# --- F16. 0.47 on a % row ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [0.47, "0.47"])
def test_a_fraction_on_a_percent_row_is_warned(cli, tmp_path, value):
    _plan(cli, tmp_path)
    path = _sheet(tmp_path / "r.xlsx", [H, ["x-2023", "3", "形象进度", "2023-05-31", value, None]])
    result = cli("import", "progress", str(path))
    done(result)
    assert "r.xlsx:2" in result.stderr and "47%" in result.stderr, result.stderr
    chinese = cli("--lang", "zh", "import", "progress", str(path), "--dry-run")
    assert "47%" in chinese.stderr and "是否" in chinese.stderr, chinese.stderr


def test_a_percent_typed_with_its_sign_or_above_one_is_not_warned(cli, tmp_path):
    _plan(cli, tmp_path)
    path = _sheet(tmp_path / "r.xlsx", [H, ["x-2023", "3", "形象进度", "2023-05-31", "0.5%", None],
                                        ["x-2023", "3", "形象进度", "2023-06-30", 47, None]])
    result = cli("import", "progress", str(path))
    done(result)
    assert "did you mean" not in result.stderr, result.stderr


@pytest.mark.parametrize(("code", "unit"), [('0.0"亿元"', "亿元"), ('0"间"', "间"), ("#,##0\\元", "元"), ('G/通用格式"个"', "个"),
                                            ('[Red]0"个"', "个"), ('0.0"亿元";-0.0"亿元"', "亿元"), ("0.0万", "万"),
                                            ("General", None), ("0.00", None), ("#,##0_);(#,##0)", None), ('0"%"', None),
                                            ('0.0,"千"', None), ('0!.0,"万"', None), ('@"元"', None), ('"¥"#,##0', None)])
def test_the_unit_a_number_format_prints_after_its_figure(code, unit):
    from mstrack.sources.xlsx_stream import format_unit

    assert format_unit(code) == unit
