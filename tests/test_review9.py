"""review9's findings on the weekly supervision: a filled form on any sheet, or with only a 备注, is not written
over; the late-value warning reads only the standing report of each date; the Word notice's table properties in
schema order; a "~$x.csv" lock file named as one; a plan change at programme level said.
(The forked .xlsx parse's findings: tests/test_xlsx_fork_parent.py.)"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from tests.conftest import forget_written, write_plan
from tests.test_weekly_month import BEDS, TWO_TASKS


def _form(cli, tmp_path: Path) -> Path:
    assert cli("import", "plan", str(write_plan(tmp_path / "plan.toml", TWO_TASKS.format(target=1000)))).exit_code == 0
    form = tmp_path / "甲局.xlsx"
    assert cli("export", "template", "x-2023", "-u", "甲局", "--as-of", "2023-06-30", "-o", str(form)).exit_code == 0
    return form


def _fill(form: Path, column: str, value, notes_first: bool = False) -> bytes:
    book = openpyxl.load_workbook(form)
    sheet = book.active
    top = 2 if sheet.cell(1, 1).value.startswith("填报单位") else 1  # a form for one unit says it above the header
    headers = [cell.value for cell in sheet[top]]
    sheet.protection.sheet = False
    sheet.cell(row=top + 1, column=headers.index(column) + 1, value=value)
    if notes_first:  # a unit's sheet of notes put before the table: the workbook opens on it
        notes = book.create_sheet("填报说明", 0)
        notes.append(["请于每周五前报送"])
        book.active = 0
    book.save(form)
    return form.read_bytes()


@pytest.mark.parametrize(("column", "value", "notes_first"), [("数值", 5, True), ("备注", "设备未到货，下周报送", False)])
def test_a_template_is_not_written_over_a_form_filled_on_a_later_sheet_or_with_only_a_note(cli, tmp_path, column, value,
                                                                                           notes_first):
    """A form whose table is not on the first sheet (a 填报说明 sheet inserted first), or whose unit wrote only
    why there is no figure yet (备注), was replaced by a blank form (exit 0): the unit's figures or words lost."""
    form = _form(cli, tmp_path)
    filled = _fill(form, column, value, notes_first)
    result = cli("export", "template", "x-2023", "-u", "甲局", "--as-of", "2023-07-31", "-o", str(form))
    assert result.exit_code == 2, result.output
    assert "the file holds a unit's figures" in result.stderr and "on any sheet" in result.stderr
    assert form.read_bytes() == filled


def test_a_blank_form_with_a_sheet_of_notes_first_is_still_written_over(cli, tmp_path):
    form = _form(cli, tmp_path)
    _fill(form, "填报人", None, notes_first=True)
    changed = cli("export", "template", "x-2023", "-u", "甲局", "--as-of", "2023-07-31", "-o", str(form))
    assert changed.exit_code == 2 and "has changed since mstrack wrote it on" in changed.stderr  # safe41a: a sheet added
    forget_written()  # a form from another machine: judged by what it holds, a blank form
    result = cli("export", "template", "x-2023", "-u", "甲局", "--as-of", "2023-07-31", "-o", str(form))
    assert result.exit_code == 0, result.output
    assert "填报说明" not in openpyxl.load_workbook(form).sheetnames  # a new blank form


def test_the_late_value_warning_reads_only_the_standing_report_of_each_date(cli, tmp_path):
    """100 beds as of 06-10, corrected to 300 the same day; then 200 as of 06-05: below the standing 300, no fall.
    The warning named the corrected 100 ("higher than the 100张 reported as of 2023-06-10")."""
    assert cli("import", "plan", str(write_plan(tmp_path / "plan.toml", BEDS))).exit_code == 0
    assert cli("log", "x-2023/3", "100", "--as-of", "2023-06-10").exit_code == 0
    assert cli("log", "x-2023/3", "300", "--as-of", "2023-06-10", "--reason", "更正").exit_code == 0
    late = cli("log", "x-2023/3", "200", "--as-of", "2023-06-05")
    assert late.exit_code == 0, late.output
    assert "warning" not in late.stderr, late.stderr
    above = cli("log", "x-2023/3", "320", "--as-of", "2023-06-07")  # above the standing 300: still said
    assert "higher than the 300张 reported as of 2023-06-10" in above.stderr, above.stderr


def test_a_value_above_an_earlier_day_corrected_down_is_not_warned_about(cli, tmp_path):
    """The `earlier` side: 400 as of 06-10 corrected to 150; then 200 as of 06-12 is no fall (it named the 400)."""
    assert cli("import", "plan", str(write_plan(tmp_path / "plan.toml", BEDS))).exit_code == 0
    assert cli("log", "x-2023/3", "400", "--as-of", "2023-06-10").exit_code == 0
    assert cli("log", "x-2023/3", "150", "--as-of", "2023-06-10", "--reason", "更正").exit_code == 0
    later = cli("log", "x-2023/3", "200", "--as-of", "2023-06-12")
    assert later.exit_code == 0 and "warning" not in later.stderr, later.stderr
    fall = cli("log", "x-2023/3", "100", "--as-of", "2023-06-14")
    assert "lower than the 200张 reported as of 2023-06-12" in fall.stderr, fall.stderr


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SEQUENCES = {  # ECMA-376 part 1, the children of each element in the order its schema requires
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
              "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
              "tblDescription", "tblPrChange"],
    "tblCellMar": ["top", "start", "left", "bottom", "end", "right"],
    "tcPr": ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
             "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge", "tcPrChange"],
}


def out_of_order(xml: bytes) -> list[str]:
    """Each element of SEQUENCES whose children break its schema order, with the children as they stand."""
    wrong = []
    for name, order in SEQUENCES.items():
        for element in ElementTree.fromstring(xml).iter(W + name):
            children = [child.tag.removeprefix(W) for child in element]
            places = [order.index(child) if child in order else -1 for child in children]
            if -1 in places or places != sorted(places):
                wrong.append(f"{name}: {children}")
    return wrong


def test_out_of_order_finds_a_misplaced_child():
    xml = (f'<w:document xmlns:w="{W[1:-1]}"><w:tbl><w:tblPr><w:tblW/><w:tblLook/><w:tblCellMar/></w:tblPr></w:tbl>'
           "</w:document>").encode()
    assert out_of_order(xml) == ["tblPr: ['tblW', 'tblLook', 'tblCellMar']"]


def test_the_word_notice_keeps_the_schemas_element_order(demo_cli, tmp_path):
    """tblCellMar was appended after python-docx's tblLook; CT_TblPr requires it before (Word may call the file
    damaged)."""
    out = tmp_path / "n.docx"
    result = demo_cli("report", "notice", "-u", "市住房建设局", "-p", "shenzhen-2023", "--as-of", "2023-07-01",
                      "-o", str(out))
    assert result.exit_code == 0, result.output
    xml = zipfile.ZipFile(out).read("word/document.xml")
    assert b"tblCellMar" in xml
    assert out_of_order(xml) == []


def test_a_lock_file_beside_csv_files_is_named_as_one(cli, tmp_path):
    """Excel's or WPS's "~$卫健局.csv" (a CSV open in Excel) was "not a text file (binary content at byte 58)"."""
    assert cli("import", "plan", str(write_plan(tmp_path / "plan.toml", TWO_TASKS.format(target=1000)))).exit_code == 0
    folder = tmp_path / "报送"
    folder.mkdir()
    (folder / "卫健局.csv").write_text("任务编号,截至日期,数值\n1,2023-06-30,400\n", encoding="utf-8")
    owner = "张三".encode("utf-16-le")
    (folder / "~$卫健局.csv").write_bytes(bytes([2]) + b"zs".ljust(53, b" ") + owner.ljust(108, b"\x00"))
    result = cli("import", "progress", *sorted(str(path) for path in folder.glob("*.csv")), "-p", "x-2023")
    assert result.exit_code == 2
    assert "~$卫健局.csv: not a readable .csv file (the lock file Excel or WPS keeps while the workbook is open" in result.stderr
    assert "binary content" not in result.stderr
    binary = tmp_path / "数据.csv"  # a binary file of another name is still "not a text file"
    binary.write_bytes(b"abc\x00def")
    assert "not a text file (binary content at byte 3)" in cli("import", "progress", str(binary), "-p", "x-2023").stderr


def test_a_plan_re_import_that_changes_only_the_programme_says_so(cli, tmp_path):
    """Only [programme] name changed: a batch was written, and the line said "0 tasks added, 0 updated, 0 removed"."""
    plan = write_plan(tmp_path / "plan.toml", TWO_TASKS.format(target=1000))
    assert cli("import", "plan", str(plan)).exit_code == 0
    plan.write_text(plan.read_text(encoding="utf-8").replace('name = "x"', 'name = "二〇二三年民生实事"', 1), encoding="utf-8")
    again = cli("import", "plan", str(plan))
    assert again.exit_code == 0, again.output
    assert "0 tasks added, 0 updated, 0 removed; the programme's own name changed (batch 2)" in again.stdout, again.stdout
    assert "unchanged" in cli("import", "plan", str(plan)).stdout
    target = cli("import", "plan", str(write_plan(plan, TWO_TASKS.format(target=1200))))  # the name back to "x"
    assert "0 tasks added, 1 updated, 0 removed; the programme's own name changed" in target.stdout, target.stdout
    only_target = cli("import", "plan", str(write_plan(plan, TWO_TASKS.format(target=1300))))
    assert "0 tasks added, 1 updated, 0 removed (batch 4)" in only_target.stdout, only_target.stdout
    plan.write_text(plan.read_text(encoding="utf-8").replace('name = "x"', 'name = "民生实事"', 1), encoding="utf-8")
    chinese = cli("--lang", "zh", "import", "plan", str(plan))
    assert "计划本身的 name 已更改（批次 5）" in chinese.stdout, chinese.stdout
