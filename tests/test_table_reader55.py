"""Issue 13, reader55: the table reader's leftovers of the nineteenth session, each on a small made-up table or clause —
a count's range in Chinese numerals and a sum's range read as digits' ranges are (at least the lower bound, said in
digits in the doubt)."""

from __future__ import annotations

import pytest

from mstrack.sources.table.figure_spans import figure_spans
from mstrack.sources.table.mentions import find_mentions

from .conftest import convert_written


def _figures(clause: str) -> list[tuple[str, str, str]]:
    return [(number, unit, comparator) for _, _, number, _, unit, comparator in figure_spans(clause)]


@pytest.mark.parametrize(("clause", "read"), [
    ("新建三至五所幼儿园", [("3", "所", ">=")]),
    ("培育二到三个示范点", [("2", "个", ">=")]),
    ("新建两到三所学校", [("2", "所", ">=")]),
    ("建设十至二十个示范村", [("10", "个", ">=")]),
    ("新建3至5所幼儿园", [("3", "所", ">=")]),  # the same range in digits
    ("开展一至两个月的专项整治", []),  # a span of months, no count
    ("每年开展一至两次培训", []),  # a rhythm: no measure word of things
    ("第一至三个项目", []),  # ordinals
    ("培养孩子掌握一至两项技能", []),  # what each one masters, as "1-2项" (ranges53)
])
def test_a_count_range_in_chinese_numerals_reads_as_in_digits(clause, read):
    assert _figures(clause) == read


@pytest.mark.parametrize(("clause", "read"), [
    ("投资1-2亿元建设污水处理厂", [(100000000, "元", ">=")]),
    ("总投资1亿元-2亿元", [(100000000, "元", ">=")]),  # the lower bound with its own scale and unit
    ("完成投资3～5万元", [(30000, "元", ">=")]),
    ("投入资金3-5万元用于改造", [(30000, "元", ">=")]),
    ("每户补助1-2万元", []),  # a rate paid to each household, no sum the work spends
    ("建设1-2亿元的项目", []),  # a size that says which projects
    ("争取资金1-2亿元", []),  # no investment's words
])
def test_a_sum_range_after_an_investment_is_its_lower_bound(clause, read):
    assert [(m.value, m.unit, m.comparator) for m in find_mentions(clause, 2024)] == read


def test_a_range_with_its_unit_on_both_bounds_is_named_by_its_words():
    """"新建3万人至5万人的安置区": the name is the words around the range, never its upper bound ("新建至5万人")."""
    assert [(m.name, m.value, m.unit) for m in find_mentions("新建3万人至5万人的安置区", 2024)] == [("新建安置区", 30000, "人")]
    assert [m.name for m in find_mentions("总投资1亿元-2亿元", 2024)] == ["总投资"]


def _targets(task) -> list[tuple[float, str, str]]:
    return [(i.target, i.unit, i.comparator) for line in task.lines for i in line.indicators]


def test_ranges_in_words_in_a_small_table(tmp_path):
    """Each range read as its lower bound at least, and said so in a doubt with the figure in digits, its scale and its
    unit ("at least 3所", never "at least 三"); a figure that is no range said as none."""
    rows = [["序号", "工作任务", "责任单位"],
            ["1", "新建三至五所幼儿园", "县教育局"],
            ["2", "培育二到三个示范点", "县农业局"],
            ["3", "投资1-2亿元建设污水处理厂", "县住建局"],
            ["4", "每户补助1-2万元", "县民政局"],
            ["5", "新建幼儿园3所", "县教育局"]]
    result = convert_written(tmp_path, "tasks.csv", rows, year=2024)
    tasks = result.programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3", "4", "5"]
    assert [_targets(t) for t in tasks] == [[(3, "所", ">=")], [(2, "个", ">=")], [(100000000, "元", ">=")], [],
                                            [(3, "所", "=")]]
    said = sorted(str(d) for d in result.doubts if "a range" in str(d))
    assert said == [
        "tasks.csv: row 2, column 工作任务: “新建三至五所幼儿园”: a range, read as at least 3所",
        "tasks.csv: row 3, column 工作任务: “培育二到三个示范点”: a range, read as at least 2个",
        "tasks.csv: row 4, column 工作任务: “投资1-2亿元建设污水处理厂”: a range, read as at least 1亿元",
    ], said
