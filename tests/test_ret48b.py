"""ret48 (2): a re-imported return that corrects a figure and says no note (its 备注 cell blank, or no 备注 column) keeps
the note of the report it corrects, as a `log` correction without --note does (safety47 F3); a note given replaces it.
A blank cell cannot be told from one never typed in (an .xlsx stores neither), so no cell clears a note: `log --note ""`
does."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from .conftest import done, plan_task, plan_tasks, write_plan
from .test_safe47b import form


def plan(tmp_path: Path) -> str:
    task = plan_task("1", "新增学位", "市教育局", "学位", "个", 1000, units=["市教育局"])
    return str(write_plan(tmp_path / "p.toml", plan_tasks(task)))


def standing(cli) -> list[tuple]:
    return [(value, note) for value, note in cli.sql(
        "SELECT r.value, r.note FROM report r WHERE r.id NOT IN (SELECT report_id FROM report_retraction)"
        " ORDER BY r.as_of, r.id")][-1:]


def filled_form(source: Path, out: Path, value: int, note: str | None) -> Path:
    """The tool's own form, filled in as a unit does: 数值 and 备注 of its one row."""
    workbook = openpyxl.load_workbook(source)
    sheet = workbook.active
    header = next(row for row in sheet.iter_rows(min_row=1, max_row=5) if any(c.value == "数值" for c in row))
    col = {cell.value: cell.column for cell in header}
    sheet.cell(header[0].row + 1, col["数值"]).value = value
    sheet.cell(header[0].row + 1, col["备注"]).value = note
    workbook.save(out)
    return out


def first_return(cli, tmp_path: Path, note: str) -> Path:
    """The plan, its blank form, and a unit's first return of it (300, with `note`) imported: the form, for the v2s."""
    done(cli("import", "plan", plan(tmp_path)))
    blank = form(cli, tmp_path, "form.xlsx", "--as-of", "2023-06-30")
    done(cli("import", "progress", str(filled_form(blank, tmp_path / "v1.xlsx", 300, note))))
    return blank


def test_a_corrected_form_with_its_note_cell_blank_keeps_the_units_note(cli, tmp_path):
    blank = first_return(cli, tmp_path, "拆迁未完成，进度滞后")
    result = cli("import", "progress", str(filled_form(blank, tmp_path / "v2.xlsx", 320, None)))
    done(result)
    assert "1 corrected" in result.output
    assert standing(cli) == [(320, "拆迁未完成，进度滞后")]
    done(cli("import", "progress", str(filled_form(blank, tmp_path / "v3.xlsx", 330, "已追加投入"))))
    assert standing(cli) == [(330, "已追加投入")]  # a note given replaces it


def test_a_corrected_csv_with_no_note_column_or_a_blank_note_keeps_the_note(cli, tmp_path):
    done(cli("import", "plan", plan(tmp_path)))
    for name, text in (("v1.csv", "计划,任务编号,截至日期,数值,备注\nx-2023,1,2023-06-30,300,资金未到位\n"),
                       ("v2.csv", "计划,任务编号,截至日期,数值,备注\nx-2023,1,2023-06-30,310,\n"),
                       ("v3.csv", "计划,任务编号,截至日期,数值\nx-2023,1,2023-06-30,320\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    done(cli("import", "progress", str(tmp_path / "v1.csv")))
    done(cli("import", "progress", str(tmp_path / "v2.csv")))
    assert standing(cli) == [(310, "资金未到位")]
    done(cli("import", "progress", str(tmp_path / "v3.csv")))
    assert standing(cli) == [(320, "资金未到位")]
    done(cli("log", "x-2023/1", "320", "--as-of", "2023-06-30", "--note", ""))  # the way to clear it on purpose
    assert standing(cli)[0][1] in (None, "")


def test_a_first_report_of_a_day_with_no_note_takes_none_from_another_day(cli, tmp_path):
    done(cli("import", "plan", plan(tmp_path)))
    (tmp_path / "a.csv").write_text("计划,任务编号,截至日期,数值,备注\nx-2023,1,2023-06-30,300,资金未到位\n"
                                    "x-2023,1,2023-07-07,350,\n", encoding="utf-8")
    done(cli("import", "progress", str(tmp_path / "a.csv")))
    assert standing(cli) == [(350, None)]  # a note is the unit's words about its day, not carried to the next


def test_the_same_figure_again_with_its_note_blank_is_not_another_note(cli, tmp_path):
    blank = first_return(cli, tmp_path, "拆迁未完成")
    again = cli("import", "progress", str(filled_form(blank, tmp_path / "v2.xlsx", 300, None)))
    done(again)
    assert "1 already there" in again.stdout and "another note" not in again.stdout, again.stdout
    other = cli("import", "progress", str(filled_form(blank, tmp_path / "v3.xlsx", 300, "新备注")))
    assert "another note or reporter" in other.stdout, other.stdout  # a note given that differs is still said
    assert standing(cli) == [(300, "拆迁未完成")]
