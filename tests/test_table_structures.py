"""Structures of tables from cities the importer was not built on (issue #13), one small table each:
registration forms, sub-rows without a number, long task numbers, any unit of measure, a 单位 column,
progress columns, targets in words, monthly plans, dates of every shape, and the doubts a reviewer
is shown.
"""

import csv
from pathlib import Path

import pytest

from mstrack.sources.table import convert_table
from mstrack.sources.table.mentions import find_mentions


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def convert(tmp_path: Path, rows: list[list[str]], year: int = 2024):
    return convert_table(write_csv(tmp_path / "table.csv", rows), "x-2024", year)


def indicators(task) -> list[tuple]:
    """(name, unit, target, [(due, target)]) of every indicator of a task."""
    return [(i.name, i.unit, i.target, [(m.due, m.target) for m in i.milestones]) for line in task.lines for i in line.indicators]


# --- task numbers and units of measure ---------------------------------------------------------


def test_task_numbers_of_any_length(tmp_path):
    rows = [["序号", "项目名称", "完成时限", "牵头单位"]]
    rows += [[str(n), f"改造农村公路{n}公里", "12月底前", "县交通局"] for n in (999, 1000, 12345)]
    result = convert(tmp_path, rows)
    assert [t.code for t in result.programme.tasks] == ["999", "1000", "12345"]
    assert indicators(result.programme.tasks[1])[0][1:3] == ("公里", 1000)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("种植苗木5000穴", 5000, "穴"), ("新增3万穴", 30000, "穴"), ("开展送戏下乡3轮，", 3, "轮"), ("建设光伏1.2亿瓦", 120000000, "瓦"),
    ("改造8座以上", 8, "座"),
])
def test_any_cjk_unit_after_a_number(text, value, unit):
    [mention] = find_mentions(text)
    assert (mention.value, mention.unit) == (value, unit)


@pytest.mark.parametrize("text", ["开通12345热线", "建设24小时自助图书馆", "提供3大服务", "建设5G基站", "服务60岁老人"])
def test_a_cjk_word_after_a_number_is_no_unit_when_the_noun_goes_on(text):
    assert find_mentions(text) == []
