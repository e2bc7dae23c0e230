"""The reviewer's fourth findings on tables with a header (issue #13), each in general form on a small synthetic
table: group labels or bare numbers in an unnamed column, 分工 beside 任务, a Chinese count before a grade, the same
figure for two things, and a blank 牵头 cell."""

from __future__ import annotations

from mstrack.sources.table import convert_table
from tests.test_table_eighth import read_xlsx
from tests.test_tables_score import scorer


def read_csv(tmp_path, rows: list[list[str]], year: int = 2024) -> dict:
    """The rows as a CSV file (a merged cell written once, blank below), read as `import table` reads it."""
    path = tmp_path / "table.csv"
    path.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")
    return scorer.read_programme(convert_table(path, f"x-{year}", year).programme)


def test_header_group_labels_in_an_unnamed_column_do_not_take_the_task_column(tmp_path):
    rows = [
        ["", "工作任务", "牵头单位", "完成时限"],
        ["一、教育", "新建公办幼儿园3所", "县教育局", "12月底前"],
        ["", "改扩建中小学校2所", "县教育局", "12月底前"],
        ["二、医疗", "建成乡镇卫生院2所", "县卫健委", "12月底前"],
        ["", "开展免费健康体检5万人", "县卫健委", "12月底前"],
    ]
    read = read_csv(tmp_path, rows)  # written once, blank below
    assert sorted(read) == ["1", "2", "3", "4"]
    assert read["2"].title == "改扩建中小学校2所"
    merged = read_xlsx(tmp_path, [rows[0], rows[1], [rows[1][0], *rows[2][1:]], rows[3], [rows[3][0], *rows[4][1:]]])
    assert sorted(merged) == ["1", "2", "3", "4"]  # the label repeated (a merged cell filled down)
    assert merged["4"].title == "开展免费健康体检5万人"


def test_header_bare_numbers_in_an_unnamed_column_are_no_titles(tmp_path):
    read = read_csv(tmp_path, [
        ["", "工作任务", "牵头单位", "完成时限"],
        ["1.", "新建公办幼儿园3所", "县教育局", "12月底前"],
        ["2.", "改扩建中小学校2所", "县教育局", "12月底前"],
        ["3.", "建成乡镇卫生院2所", "县卫健委", "12月底前"],
    ])
    assert [read[k].title for k in sorted(read)] == ["新建公办幼儿园3所", "改扩建中小学校2所", "建成乡镇卫生院2所"]
