"""Write the binary tables of this folder (.xlsx, .docx) again from the text below (SOURCES.md says where each comes from).

    .venv/bin/python tests/data/tables/make_tables.py

The .html and .tsv tables are text and kept as they are; the workbooks and Word files are made here
so that a reviewer can read every cell in this file. A table is a title (the line above it in the
document), a header and rows; a cell ``None`` is covered by a merge, and ``merges`` lists each merged
range as (first row, first column, last row, last column), counted from 0 over header and rows.
Needs openpyxl (a dependency of mstrack) and python-docx (for the .docx files).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED = (2024, 1, 1, 0, 0, 0)  # every part's time stamp, so that a file is written the same twice

TABLES: dict[str, dict] = {
    "cangnan-2022-jindu.xlsx": {
        "title": "2022年度市县民生实事未完成项目进度表(截至10月31日)",
        "header": ["序号", "项目内容", "当前进度", "牵头单位", "备注"],
        "rows": [
            ["1", "新(改、扩)建公办园5所,新增公办幼儿学位1000个。", "80%(新区实验幼儿园进度滞后)", "县教育局", "市民生实事"],
            ["2", "建设四好农村路55公里。", "95%", "县交通局", "县民生实事"],
            ["3", "完成农村公路大中修70公里。", "90%", "县交通局", "县民生实事"],
            ["4", "建成投用沿浦、宜山、莒溪、炎亭、望里、赤溪、岱岭、灵溪浦亭等8家卫生院", "98%", "县卫健局", "县民生实事"],
            ["5", "打通县城人民大道(苍南大道至山海大道)等12条断头路。", "88%(灵溪镇园区六路、金乡镇四好农村路推进缓慢)", "县住建局",
             "县民生实事"],
            ["6", "建成投用桥墩镇、赤溪镇、灵溪镇观美等3家中心敬老院。", "57%(赤溪、灵溪偏慢)", "县民政局", "县民生实事"],
            ["7", "开工建设矾山镇、马站镇等2家中心敬老院。", "50%(马站未开工", "县民政局", "县民生实事"],
            ["8", "推进县职业中专扩容提升。", "22%(严重滞后)", "县教育局", "县民生实事"],
            ["9", "建成投用中小学3所,新增学位3800位。", "95%", "县教育局", "县民生实事"],
            ["10", "完成上横河泵站和萧江水闸主体工程,开工建设萧江塘河控制闸。", "95%", "县水利局", "县民生实事"],
            ["11", "开工建设海塘安澜(南片海塘4.65公里)。", "70%", "县水利局", "县民生实事"],
            ["12", "完成县应急广播指挥中心、18个乡镇应急广播分控中心、376个村居广播室和752只可控IP化高音喇叭建设,"
                   "实现县级应急广播平台与省、市互联互通。", "98%", "县文广旅体局", "县民生实事"],
            ["13", "新增16个“文化驿站”。", "98.4%", "县文广旅体局", "县民生实事"],
        ],
        "merges": [],
    },
}


def _grid(table: dict) -> list[list[str | None]]:
    return [table["header"], *table["rows"]]


def write_xlsx(path: Path, table: dict) -> None:
    """One sheet: the title in A1 (merged over the table's width), the header in row 2, merges as merges."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    grid = _grid(table)
    width = max(len(r) for r in grid)
    sheet.cell(row=1, column=1, value=table["title"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if value is not None:
                sheet.cell(row=r + 2, column=c + 1, value=value)
    for r1, c1, r2, c2 in table["merges"]:
        sheet.merge_cells(start_row=r1 + 2, start_column=c1 + 1, end_row=r2 + 2, end_column=c2 + 1)
    book.properties.creator = "mstrack"
    book.save(path)


def write_docx(path: Path, table: dict) -> None:
    """A title paragraph, then the table with real merged cells (vertical and horizontal)."""
    import docx

    document = docx.Document()
    for line in table.get("before", [table["title"]]):
        document.add_paragraph(line)
    grid = _grid(table)
    width = max(len(r) for r in grid)
    word = document.add_table(rows=len(grid), cols=width)
    word.style = "Table Grid"
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if value is not None:
                word.cell(r, c).text = value
    for r1, c1, r2, c2 in table["merges"]:
        text = word.cell(r1, c1).text
        merged = word.cell(r1, c1).merge(word.cell(r2, c2))
        merged.text = text
    for line in table.get("after", []):
        document.add_paragraph(line)
    document.core_properties.author = "mstrack"
    document.save(path)


def _stable(path: Path) -> None:
    """Rewrite the zip with fixed time stamps and no creation dates, so the bytes do not change between runs."""
    import re

    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            if name == "docProps/core.xml":
                data = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", data)
            target.writestr(zipfile.ZipInfo(name, FIXED), data, zipfile.ZIP_DEFLATED)


def main() -> None:
    for name, table in TABLES.items():
        path = HERE / name
        (write_xlsx if name.endswith(".xlsx") else write_docx)(path, table)
        _stable(path)
        print(path.name)


if __name__ == "__main__":
    main()
