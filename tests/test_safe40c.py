"""Nothing lost (safe40c): a value cell merged over the rows of different tasks or indicators is refused in every return
format that keeps merges (.xls and .ods as .xlsx), and in a return that names its tasks by title (项目名称, no task
number, no indicator column), not stored for each row it covers."""

import re
import zipfile
from pathlib import Path

import pytest

from .conftest import converted_by_libreoffice, plan_task, refused, reports_stored, schools_and_roads, write_plan
from .test_import_progress import xlsx

PLAN = schools_and_roads(plan_task("3", "新建公园", "县园林局", "公园", "个", 10))

HEADER = ["任务编号", "指标", "截至日期", "累计完成值"]
TITLED = ["项目名称", "截至日期", "累计完成值"]

BOOKS = {  # name → (rows, merges): each saved as .xlsx and converted by LibreOffice to .xls and .ods
    "two-tasks": ([HEADER, ["1", "学校", "2023-03-31", 1], ["1", "教室", "2023-03-31", 2], ["2", "道路", "2023-03-31", None]],
                  ["D3:D4"]),
    "two-indicators": ([HEADER, ["1", "学校", "2023-03-31", 2], ["1", "教室", "2023-03-31", None],
                        ["2", "道路", "2023-03-31", 1]], ["D2:D3"]),
    "still-read": ([HEADER, ["1", "学校", "2023-03-31", 1], [None, "教室", None, 10], ["2", "道路", None, 2],
                    ["2", "道路", "2023-04-30", None]], ["A2:A3", "C2:C4", "D4:D5"]),
    "titles": ([TITLED, ["新建公园", "2023-03-31", 2], ["新建道路5条", "2023-03-31", None]], ["C2:C3"]),
    "title-dates": ([TITLED, ["新建公园", "2023-03-31", 2], ["新建公园", "2023-04-30", None],
                     ["新建道路5条", "2023-03-31", 1]], ["C2:C3"]),
}

def merges_kept(path: Path) -> int:
    """How many ranges merged down a converted book holds in its own format: the test's own check that LibreOffice
    kept them, read apart from mstrack's reader (calamine's list for an .xls, content.xml's spans for an .ods)."""
    if path.suffix == ".xls":
        from python_calamine import CalamineWorkbook

        ranges = CalamineWorkbook.from_path(path).get_sheet_by_name("回报").merged_cell_ranges or []
        return sum(1 for (top, _), (bottom, _) in ranges if bottom > top)
    content = zipfile.ZipFile(path).read("content.xml").decode()
    return sum(1 for n in re.findall(r'table:number-rows-spanned="(\d+)"', content) if int(n) > 1)


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    """Each of BOOKS as .xlsx, .xls and .ods (LibreOffice's conversion of the .xlsx)."""
    folder = tmp_path_factory.mktemp("returns")
    sources = [xlsx(folder / f"{name}.xlsx", rows, merges=merges, sheet="回报") for name, (rows, merges) in BOOKS.items()]
    converted_by_libreoffice(folder, sources, timeout=300)
    found = {(name, kind): folder / f"{name}.{kind}" for name in BOOKS for kind in ("xlsx", "xls", "ods")}
    for (name, kind), path in found.items():
        if kind != "xlsx":  # every range of BOOKS is merged down, and survived the conversion
            assert merges_kept(path) == len(BOOKS[name][1]), (path, merges_kept(path))
    return found


@pytest.fixture
def office(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "p.toml", PLAN))).exit_code == 0
    return cli


# --- 1. .xls and .ods keep their merges --------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["xls", "ods", "xlsx"])
def test_a_value_merged_over_two_tasks_is_refused_in_every_format(office, books, kind):
    """safety39 r15: value6.xls's 2, merged over 新建桥梁 and 新建学校, was stored for both, exit 0."""
    result = office("import", "progress", str(books["two-tasks", kind]), "--programme", "x-2023")
    refused(result, f"two-tasks.{kind}", "sheet '回报'", "rows 3–4", "累计完成值", "D3:D4",
            "one value merged over 2 rows of different tasks or indicators: give each its own")
    assert isinstance(result.exception, SystemExit) and result.exception.code == 2, result.exception
    assert reports_stored(office) == []


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_a_value_merged_over_two_indicators_of_one_task_is_refused(office, books, kind):
    result = office("import", "progress", str(books["two-indicators", kind]), "--programme", "x-2023")
    refused(result, f"two-indicators.{kind}", "rows 2–3", "D2:D3", "累计完成值")
    assert isinstance(result.exception, SystemExit) and result.exception.code == 2, result.exception
    assert reports_stored(office) == []


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_merged_task_and_date_cells_and_one_indicators_figure_still_read(office, books, kind):
    """A task number merged down its block, a date merged down the table, and a figure merged over two dates of one
    indicator read as in an .xlsx (test_safe37b)."""
    result = office("import", "progress", str(books["still-read", kind]), "--programme", "x-2023")
    assert result.exit_code == 0 and result.exception is None, result.output
    assert reports_stored(office) == [("学校", "2023-03-31", 1), ("教室", "2023-03-31", 10), ("道路", "2023-03-31", 2),
                              ("道路", "2023-04-30", 2)]


# --- 2. a return naming its tasks by title ------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_a_value_merged_over_two_tasks_named_by_title_is_refused(office, books, kind):
    """safety39 r22: title.xlsx's 2, merged over 新建公园 and 新建学校 (no task number, no indicator column), was
    stored for both, exit 0."""
    result = office("import", "progress", str(books["titles", kind]), "--programme", "x-2023")
    refused(result, f"titles.{kind}", "sheet '回报'", "rows 2–3", "累计完成值", "C2:C3",
            "one value merged over 2 rows of different tasks or indicators: give each its own")
    assert isinstance(result.exception, SystemExit) and result.exception.code == 2, result.exception
    assert reports_stored(office) == []


def test_a_value_merged_over_one_titled_tasks_two_dates_still_reads(office, books):
    result = office("import", "progress", str(books["title-dates", "xlsx"]), "--programme", "x-2023")
    assert result.exit_code == 0 and result.exception is None, result.output
    assert reports_stored(office) == [("公园", "2023-03-31", 2), ("公园", "2023-04-30", 2), ("道路", "2023-03-31", 1)]


def test_a_title_written_once_beside_task_numbers_still_reads(office, tmp_path):
    """review39s: with a task number on every row, the 任务名称 written on the first row only is no other task: a
    figure merged over that indicator's two dates reads as before safe40c (it was refused as 'different tasks')."""
    rows = [["任务编号", "任务名称", "指标", "截至日期", "累计完成值"], ["1", "新建学校3所", "学校", "2023-03-31", 1],
            ["1", None, "学校", "2023-04-30", None], ["2", "新建道路5条", "道路", "2023-03-31", 2]]
    path = xlsx(tmp_path / "once.xlsx", rows, merges=["E2:E3"], sheet="回报")
    result = office("import", "progress", str(path), "--programme", "x-2023")
    assert result.exit_code == 0 and result.exception is None, result.output
    assert reports_stored(office) == [("学校", "2023-03-31", 1), ("学校", "2023-04-30", 1), ("道路", "2023-03-31", 2)]
