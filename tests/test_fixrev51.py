"""The review of the seventeenth session's merges (review51), its findings fixed: a span's end in the next year, a span
that runs back no span, numbers joined by a dash no years, a dotted number no date."""

from __future__ import annotations

import tomllib
from datetime import date

import pytest

from mstrack.domain.dates import DateError, parse_date

from .conftest import done, import_table, plan_task, plan_tasks, refused, write_plan


def test_import_table_dates_a_winters_span_in_the_next_year(tmp_path):
    """F1: "2023年12月17日至1月15日" in a 2024 programme is due 2024-01-15 (it was written 2023-01-15, no doubt)."""
    source = tmp_path / "w.csv"
    source.write_text("序号,工作任务,具体内容,责任单位,完成时限\n1,冬春水利,新建塘坝3座,市水利局,2023年12月17日至1月15日\n",
                      encoding="utf-8")
    result, out = import_table(source, programme="t-2024")
    assert result.exit_code == 0, (result.output, result.exception)
    task = tomllib.loads(out.read_text(encoding="utf-8"))["tasks"][0]
    assert task["deadline"] == "2024-01-15"
    assert task["deadline_text"] == "2023年12月17日至1月15日"


@pytest.mark.parametrize("typed", ["6.301", "1.2.3", "6.3.1"])
def test_dotted_numbers_that_are_no_date_are_refused_not_read_as_the_years_end(typed):
    """D: dateutil read "6.301" as no month (2023-12-31) and "1.2.3" as 2003-01-02: a dotted number mstrack's own forms
    do not read is refused, unless a part of it is a year ("30.06.2023")."""
    with pytest.raises(DateError, match="is not a date mstrack can read"):
        parse_date(typed, 2023)
    assert parse_date("30.06.2023", 2023) == date(2023, 6, 30)
    assert parse_date("6.30", 2023) == date(2023, 6, 30)


def test_log_refuses_a_dotted_number_as_of_and_names_a_month_that_does_not_exist(cli, tmp_path):
    """D, end to end: `log … --as-of 6.301` was logged as of 2023-12-31; `--as-of 13月` said "month 13 does not exist"
    without the text typed."""
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml",
                                              plan_tasks(plan_task("1", "建成幼儿园3所", "区教育局", "幼儿园", "所", 3))))))
    refused(cli("log", "x-2023/1", "2", "--as-of", "6.301"), "'6.301' is not a date mstrack can read")
    refused(cli("log", "x-2023/1", "2", "--as-of", "13月"), "'13月' is not a date: month 13 does not exist")
    assert cli.sql("select count(*) from report") == [(0,)]


def test_the_refusal_after_a_repair_says_the_other_reports_its_undo_retracts(cli, tmp_path):
    """F6: the batch a refusal of `import plan` (after `db check --repair`) tells to undo was an `import progress` that
    also reported c-2026/7's 2所: its undo retracts that report too, which the refusal now says."""
    from .test_safe_store import execute, one
    from .test_store50 import SCHEDULE_PLAN

    plan = tmp_path / "p.toml"
    plan.write_text(SCHEDULE_PLAN + '\n[[tasks]]\ncode = "7"\ntitle = "建成幼儿园3所"\ndeadline = "2026-12-31"\n\n'
                    '[[tasks.lines]]\nlead_units = ["区教育局"]\nindicators = [{ name = "幼儿园", unit = "所", target = 3 }]\n',
                    encoding="utf-8")
    done(cli("import", "plan", str(plan)))
    sheet = tmp_path / "r.csv"
    sheet.write_text("计划,任务编号,指标,截至日期,数值\nc-2026,6,,2026-03-20,已完成\nc-2026,7,幼儿园,2026-03-20,2\n",
                     encoding="utf-8")
    done(cli("import", "progress", str(sheet)))
    marked = one(cli, "SELECT max(id) FROM batch")
    line = one(cli, "SELECT l.id FROM task_line AS l JOIN task AS t ON t.id = l.task_id WHERE t.code = '6'")
    execute(cli.url, f"DELETE FROM checkpoint WHERE line_id = {line}")
    done(cli("db", "check", "--repair"))
    said = " ".join(refused(cli("import", "plan", str(plan)), f"`mstrack undo {marked}`").split())
    assert "it also retracts 1 report of other tasks: log them again after" in said, said
    chinese = " ".join(refused(cli("--lang", "zh", "import", "plan", str(plan))).split())
    assert "其他任务" in chinese, chinese


def _dated_workbook(path, rows, cells):
    """A workbook of `rows` whose `cells` ("E2") are formatted as dates, as an office's sheet may be."""
    import openpyxl

    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    for cell in cells:
        workbook.active[cell].number_format = "yyyy-mm-dd"
    workbook.save(path)
    return path


def test_import_table_reads_a_number_typed_into_a_date_cell_as_typed(tmp_path):
    """F5: 12.31 typed into a 完成时限 cell formatted as a date (Excel shows 1900-01-12) was written as the label
    "1900-01-12T07:26:24", due 1900-01-12, no doubt; it is the 12.31 typed: 2026-12-31."""
    source = _dated_workbook(tmp_path / "t.xlsx", [["序号", "工作任务", "具体内容", "责任单位", "完成时限"],
                                                   [1, "冬春水利", "新建塘坝3座", "市水利局", 12.31]], ["E2"])
    result, out = import_table(source, programme="t-2026")
    assert result.exit_code == 0, (result.output, result.exception)
    task = tomllib.loads(out.read_text(encoding="utf-8"))["tasks"][0]
    assert (task["deadline"], task["deadline_text"]) == ("2024-12-31", "12.31")


def test_import_progress_keeps_a_number_typed_into_a_date_cell_as_typed(cli, tmp_path):
    """F5: a 备注 8.15 in a date cell was stored as the note "1900-01-08T03:36:00", and a 数值 3.5 there refused as
    "'1900-01-03T12:00:00' holds more than one number"; the 截至日期 date cell's refusal stays (test_views51)."""
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml",
                                              plan_tasks(plan_task("1", "建成幼儿园3所", "区教育局", "幼儿园", "所", 3))))))
    path = _dated_workbook(tmp_path / "r.xlsx", [["计划", "任务编号", "指标", "截至日期", "数值", "备注"],
                                                 ["x-2023", "1", "幼儿园", "2023-06-30", 2.0, 8.15]], ["E2", "F2"])
    done(cli("import", "progress", str(path)))
    assert cli.sql("select value, note from report") == [(2.0, "8.15")]


def test_import_table_of_a_workbook_renamed_csv_says_what_it_is(tmp_path):
    """An .xlsx renamed z.csv was refused "unknown file type .csv; use .csv, …"; then "its content is a zip archive, not
    .csv text"; now (fix52b) it is read as the workbook it is, the warning saying its name does not fit."""
    source = _dated_workbook(tmp_path / "t.xlsx", [["序号", "工作任务", "牵头单位", "完成时限"],
                                                   [1, "冬春水利", "市水务局", "2024年12月底前"]], [])
    renamed = source.rename(tmp_path / "z.csv")
    result, out = import_table(renamed)
    assert result.exit_code == 0, (result.output, result.exception)
    said = " ".join(result.output.split())
    assert "z.csv: its content is an Excel workbook (.xlsx), not the .csv its name says" in said, said
    assert "冬春水利" in out.read_text(encoding="utf-8")
