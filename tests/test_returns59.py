"""returns59: a unit's return, what the last sessions left. Each through the CLI on real .xlsx files (the template
exported, filled in as a clerk does, imported), the store looked at through `history --format json` and SQL: a
上次报送 is compared with what the store held when the form was made (a correction since is no edit); a 上次报送 typed on
a form made before any report is said; a data row merged across the task column is refused for its own problem;
`units --silent-since` counts a unit's own returns."""

from datetime import datetime

from openpyxl import load_workbook

from .conftest import done, refused
from .test_fixprog55 import imported, reports, template, values

TYPED = "not what the form printed"


def filled_from(path, tmp_path, cells: dict, name: str = "return.xlsx"):
    """A template exported earlier (`path`), filled in as a clerk does: `cells` written over it."""
    book = load_workbook(path)
    sheet = book.active
    for at, value in cells.items():
        sheet[at] = value
    out = tmp_path / name
    book.save(out)
    return out


# --- 1. a 上次日期's stored value corrected after the form was made --------------------------------------------------

def test_a_last_figure_as_printed_before_a_correction_of_its_day_is_not_said_edited(demo_cli, tmp_path):
    """The form printed 12万 for 2023-05-31; the office then corrected that day to 12.5万. The unit's 上次报送, untouched,
    is what the store held when the form was made: no warning. A 上次报送 no entry of that day ever held still is."""
    done(demo_cli("log", "shenzhen-2023/5", "12万", "-i", "建设筹集保障性住房", "--as-of", "2023-05-31"))
    done(demo_cli("log", "shenzhen-2023/5", "40000", "-i", "供应分配保障性住房", "--as-of", "2023-05-31"))
    form = template(demo_cli, tmp_path)
    printed = load_workbook(form).active
    assert (printed["I3"].value, printed["J3"].value.date().isoformat()) == ("12万套（间）", "2023-05-31")
    done(demo_cli("log", "shenzhen-2023/5", "12.5万", "-i", "建设筹集保障性住房", "--as-of", "2023-05-31",
                  "--reason", "电话核实"))
    done(demo_cli("log", "shenzhen-2023/5", "41000", "-i", "供应分配保障性住房", "--as-of", "2023-05-31",
                  "--reason", "电话核实"))
    path = filled_from(form, tmp_path, {"K3": datetime(2023, 6, 30), "L3": 130000,
                                        "K4": datetime(2023, 6, 30), "L4": 45000, "I4": "3.9万"})
    result, said = imported(demo_cli, path)
    done(result)
    assert said["inserted"] == 2, said
    typed = [warning for warning in said["warnings"] if TYPED in warning]
    assert [warning.split(" is not what")[0] for warning in typed] == [f"{path}:4: 上次报送 '3.9万'"], said["warnings"]
    assert "(the report stored for 2023-05-31 is 4.1万套（间）)" in typed[0], typed
    assert values(demo_cli, "shenzhen-2023/5", "建设筹集保障性住房") == [("2023-05-31", 125000), ("2023-06-30", 130000)]


# --- 2. a form made before any report, its 上次报送 typed ------------------------------------------------------------

def test_a_last_figure_typed_on_a_form_made_before_any_report_is_said(demo_cli, tmp_path):
    """The form was made with nothing stored (上次报送 and 上次日期 printed empty); a report came in since. A figure the
    unit typed under 上次报送 is one the office never sent: said, with a figure under 数值 or without."""
    form = template(demo_cli, tmp_path)
    printed = load_workbook(form).active
    assert (printed["I3"].value, printed["J3"].value, printed["I4"].value) == (None, None, None)
    done(demo_cli("log", "shenzhen-2023/5", "12万", "-i", "建设筹集保障性住房", "--as-of", "2023-05-31"))
    done(demo_cli("log", "shenzhen-2023/5", "40000", "-i", "供应分配保障性住房", "--as-of", "2023-05-31"))
    path = filled_from(form, tmp_path, {"I3": "11万", "K3": datetime(2023, 6, 30), "L3": 130000, "I4": "4万"})
    result, said = imported(demo_cli, path)
    done(result)
    assert said["inserted"] == 1, said
    typed = [warning for warning in said["warnings"] if TYPED in warning]
    empty = "(its 上次日期 is empty: it was made before any report, and printed none)"
    assert typed == [
        f"{path}:3: 上次报送 '11万' is not what the form printed {empty} and was not read: the figure stored is the one "
        "under 数值; a correction of an earlier report goes on a row of its own, with that report's day under 截至日期",
        f"{path}:4: no figure under 数值, and 上次报送 '4万' is not what the form printed {empty}: this period's figure "
        "goes under 数值, its day under 截至日期; the row was skipped"], said["warnings"]
    assert values(demo_cli, "shenzhen-2023/5", "建设筹集保障性住房") == [("2023-05-31", 120000), ("2023-06-30", 130000)]
    assert values(demo_cli, "shenzhen-2023/5", "供应分配保障性住房") == [("2023-05-31", 40000)]


# --- 3. a task's data row merged across the task column, failing its checks ----------------------------------------

def test_a_data_row_merged_across_the_task_column_is_refused_for_its_own_problem(demo_cli, tmp_path):
    """任务编号 '5' merged over 工作任务 on a row whose 指标 is misspelt: the row names task 5, so it is
    a data row and its own problem is said, not a footer's."""
    path = filled_from(template(demo_cli, tmp_path), tmp_path, {"D3": "建设筹集保障房", "K3": datetime(2023, 6, 30),
                                                                "L3": 130000})
    book = load_workbook(path)
    book.active.merge_cells("B3:C3")
    book.save(path)
    before = reports(demo_cli)
    stderr = refused(demo_cli("import", "progress", str(path)),
                     f"{path}:3:指标: shenzhen-2023/5 has no indicator '建设筹集保障房'; its indicators: 建设筹集保障性住房")
    assert "footer" not in stderr, stderr
    assert reports(demo_cli) == before


# --- 5. units --silent-since: a unit's own returns -------------------------------------------------------------------

def test_units_silent_since_counts_a_units_own_returns_not_a_helpers(cli, tmp_path):
    """甲局 leads task 1 (乙局 helps) and last reported it on 06-05; 乙局's own return (its form, --helped) of 06-20 gives
    task 1's figure too. 甲局 is still silent since 06-19: a coordinator chases it, not the helper; 乙局, which sent
    its own figure of task 2, is not. A figure logged by the office (no 填报单位) counts for the line's leads."""
    import json

    from .test_fixsup57 import shared

    done(cli("import", "plan", shared(tmp_path)))
    done(cli("log", "x-2023/1", "30", "--as-of", "2023-06-05"))
    form = tmp_path / "乙局.xlsx"
    done(cli("export", "template", "x-2023", "--unit", "乙局", "--helped", "-o", str(form)))
    book = load_workbook(form)
    sheet = book.active
    header = [cell.value for cell in sheet[2]]
    assert sheet["A1"].value == "填报单位：乙局" and header[1] == "任务编号", header
    rows = {sheet.cell(row, 2).value: row for row in range(3, sheet.max_row + 1)}
    assert set(rows) >= {"1", "2"}, rows
    for task, value in (("1", 40), ("2", 20)):
        sheet.cell(rows[task], header.index("截至日期") + 1).value = datetime(2023, 6, 20)
        sheet.cell(rows[task], header.index("数值") + 1).value = value
    book.save(form)
    result, said = imported(cli, form)
    done(result)
    assert said["inserted"] == 2, said
    assert cli.sql("SELECT DISTINCT reporting_unit FROM report WHERE as_of = '2023-06-20'") == [("乙局",)]

    silent = cli("units", "-p", "x-2023", "--as-of", "2023-06-21", "--silent-since", "2023-06-19", "-f", "json")
    done(silent)
    assert {unit["unit"]: (unit["last_report"], unit["days_since_report"]) for unit in json.loads(silent.stdout)} == {
        "各区人民政府": (None, None), "甲局": ("2023-06-05", 16)}
    folder = tmp_path / "催报"
    done(cli("report", "notice", "--as-of", "2023-06-21", "--each-unit", "-f", "md", "-o", str(folder),
             "--silent-since", "2023-06-19"))  # the 催报 notices count alike
    assert sorted(path.name for path in folder.iterdir()) == ["各区人民政府.md", "甲局.md"]
    assert "2023-06-05" in (folder / "甲局.md").read_text(encoding="utf-8")
    done(cli("log", "x-2023/1", "45", "--as-of", "2023-06-21"))  # the office logs 甲局's figure
    again = cli("units", "-p", "x-2023", "--as-of", "2023-06-21", "--silent-since", "2023-06-19", "-f", "json")
    done(again)
    assert [unit["unit"] for unit in json.loads(again.stdout)] == ["各区人民政府"]
