"""Regenerate the hostile fixtures of tests/test_hostile_input.py (README.md says what each one is).

    .venv/bin/python tests/data/make_hostile.py

The .xlsx files are written by hand, part by part, so that they can say what no spreadsheet program
would write: a cell at XFD1048576, a merge to the sheet's last cell, cells placed below their row.
They stay a few KB: a claimed extent costs nothing on disk. Output is byte-for-byte stable.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '{sheets}</Types>'
)
SHEET_TYPE = ('<Override PartName="/xl/worksheets/sheet{n}.xml" '
              'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheets}</sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{sheets}</Relationships>'
)
SHEET_REL = ('<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
             'Target="worksheets/sheet{n}.xml"/>')
WORKSHEET = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dimension}<sheetData>{rows}</sheetData>'
    '{merges}</worksheet>'
)

PROGRESS = [["计划", "任务编号", "指标", "截至日期", "数值", "备注"], ["shenzhen-2023", "5", "建设", "2023-06-30", "2.5万", "区报数"]]
TABLE = [["序号", "实事项目", "完成时限", "责任单位"], ["1", "新建公办幼儿园3所", "9月底前", "区教育局"]]


def cell(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def rows(table: list[list[str]], extra: str = "") -> str:
    """The table from A1, one <row r=…> a line, then `extra` (more rows, as raw XML)."""
    return "".join(f'<row r="{n}">' + "".join(cell(f"{chr(65 + i)}{n}", text) for i, text in enumerate(line)) + "</row>"
                   for n, line in enumerate(table, start=1)) + extra


def sheet(table, extra: str = "", dimension: str = "", merges: str = "") -> str:
    return WORKSHEET.format(dimension=dimension, rows=rows(table, extra), merges=merges)


def workbook(path: Path, *sheets: str) -> None:
    """An .xlsx of the given worksheets (XML), named Sheet1, Sheet2…, with fixed member dates."""
    numbers = range(1, len(sheets) + 1)
    parts = {
        "[Content_Types].xml": CONTENT_TYPES.format(sheets="".join(SHEET_TYPE.format(n=n) for n in numbers)),
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK.format(sheets="".join(f'<sheet name="Sheet{n}" sheetId="{n}" r:id="rId{n}"/>' for n in numbers)),
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS.format(sheets="".join(SHEET_REL.format(n=n) for n in numbers)),
        **{f"xl/worksheets/sheet{n}.xml": xml for n, xml in zip(numbers, sheets, strict=True)},
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2023, 7, 1, 0, 0, 0)), text.encode("utf-8"), zipfile.ZIP_DEFLATED)


def both(**hostile) -> tuple[str, str]:
    """A progress sheet (what import progress reads first) and a published table (what import table
    finds), each with the same hostile part."""
    return sheet(PROGRESS, **hostile), sheet(TABLE, **hostile)


FAR_CELL = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
UNREFERENCED = '<row r="1048576">' + "<c><v>1</v></c>" * 30 + "</row>"  # 30 columns at the last row: 31 million cells
PLAN_HEAD = 'format = 1\n[programme]\ncode = "hostile-2023"\nname = "x"\nyear = 2023\n'
PLAN_TASK = '[[tasks]]\ncode = "1"\ntitle = "{title}"\nnote = "{note}"\n[[tasks.lines]]\nlead_units = ["甲局"]\n'


def main() -> None:
    workbook(HERE / "huge-cell.xlsx", *both(extra=FAR_CELL))
    workbook(HERE / "cell-below-its-row.xlsx", *both(extra='<row r="3"><c r="XFD1048576"><v>1</v></c></row>'))
    workbook(HERE / "unreferenced-cells.xlsx", *both(extra=UNREFERENCED))
    workbook(HERE / "huge-dimension.xlsx", *both(dimension='<dimension ref="A1:XFD1048576"/>'))
    workbook(HERE / "huge-merge.xlsx", *both(merges='<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>'))
    workbook(HERE / "controls.xlsx", sheet([*PROGRESS[:1], PROGRESS[1][:5] + ["_x001B_[31m红字"],
                                            ["shenzhen-2023", "5", "建设", "2023-07-31", "2.6万", "a_x0000_b"]]))
    (HERE / "controls.csv").write_bytes(  # ESC in a note, BEL in a reporter
        "计划,任务编号,指标,截至日期,数值,备注,填报人\n"
        "shenzhen-2023,5,建设,2023-06-30,2.5万,\x1b[2J清屏,张三\n"
        "shenzhen-2023,5,建设,2023-07-31,2.6万,正常,李\x07四\n".encode())
    (HERE / "huge-value.csv").write_bytes(
        "计划,任务编号,指标,截至日期,数值\nshenzhen-2023,5,建设,2023-06-30,99999999999999999999\n".encode())
    (HERE / "signed-date.csv").write_bytes(
        "计划,任务编号,指标,截至日期,数值\nshenzhen-2023,5,建设,-2023-06-30,2.5万\nshenzhen-2023,5,建设,+2023-07-31,2.6万\n".encode())
    (HERE / "deep.toml").write_bytes((PLAN_HEAD + "note = " + "[" * 5000 + "]" * 5000 + "\n").encode())
    (HERE / "deep-keys.toml").write_bytes((PLAN_HEAD + "note" + ".a" * 3000 + " = 1\n").encode())
    (HERE / "huge-integer.toml").write_bytes((PLAN_HEAD + "year_note = " + "9" * 5000 + "\n").encode())
    (HERE / "plan-hostile-values.toml").write_bytes((
        PLAN_HEAD + PLAN_TASK.format(title="标题\\u001b[31m", note="a\\u0000b") +
        '[[tasks.lines.indicators]]\nname = "n"\ntarget = 99999999999999999999\n'
        '[[tasks.lines.indicators.milestones]]\ndue = "-2023-06-30"\ntarget = 1\n'
        '[[tasks.lines.indicators.milestones]]\ndue = 0001-12-31\ntarget = 2\n').encode())


if __name__ == "__main__":
    main()
