"""Rules of the eighth set's rounds that over-reached, found by review (issue #13): each reviewer's table and a
variant, read as `import table` reads it."""

from __future__ import annotations

from tests.test_table_eighth import read_xlsx


def _targets(read, code: str) -> list[tuple]:
    return sorted((v, u) for _, v, u in read[code].targets)


def test_a_bracket_number_with_its_own_number_in_the_number_column_is_a_task(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["1", "1.新建学校2所；2.改造操场3个", "市教育局"],
        ["2", "（1）新建公园1个；（2）改造公园2个", "市住建局"],
    ], year=2024)
    assert sorted(read) == ["1", "2"]
    assert read["2"].lead_units == {"市住建局"}


def test_a_bracket_number_under_a_new_heading_is_a_task_of_that_area(tmp_path):
    for rows in ([["一、教育", "一、教育", "一、教育"], ["1", "新建学校2所", "市教育局"], ["2", "改造操场3个", "市教育局"],
                  ["二、卫生", "二、卫生", "二、卫生"], ["（1）", "新建医院1所", "市卫健委"], ["（2）", "新建卫生院2所", "市卫健委"]],
                 [["一、教育", "", ""], ["", "1.新建学校2所", "市教育局"], ["", "2.改造操场3个", "市教育局"],
                  ["二、卫生", "", ""], ["", "（1）新建医院1所", "市卫健委"], ["", "（2）新建卫生院2所", "市卫健委"]]):
        read = read_xlsx(tmp_path, [["序号", "工作任务", "牵头单位"], *rows], year=2024)
        assert len(read) == 4, sorted(read)
        assert {read[code].lead_units == {"市卫健委"} for code in read if code.startswith("二")} == {True}, sorted(read)


def test_a_bracket_number_continuing_the_count_is_the_next_task(tmp_path):
    read = read_xlsx(tmp_path, [
        ["工作任务", "牵头单位"],
        ["1.新建学校2所", "市教育局"],
        ["2.改造操场3个", "市教育局"],
        ["（3）新建医院1所", "市卫健委"],
    ], year=2024)
    assert sorted(read) == ["1", "2", "3"]
    assert read["3"].lead_units == {"市卫健委"}
    parts = read_xlsx(tmp_path, [
        ["工作任务", "牵头单位"],
        ["1.新建学校2所", "市教育局"],
        ["（1）新建小学1所", "市教育局"],
        ["（2）新建中学1所", "市财政局"],
        ["2.改造操场3个", "市教育局"],
    ], year=2024)
    assert sorted(parts) == ["1", "2"]  # a count starting again at (1) under "1." is its parts
    assert parts["1"].lead_units == {"市教育局", "市财政局"}
