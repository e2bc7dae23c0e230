"""Issue 13, ranges53: two readings the corpus disagreed on, settled in tests/data/tables/README.md — a count given as a
range ("建设5-10个") is a target of at least its lower bound; a count in characters of things the work is done to, named
or not ("大练、长江澳两个项目", "城关两个旧农贸市场"), is a target as a count in digits is."""

from __future__ import annotations

import pytest

from mstrack.sources.table.figure_spans import figure_spans, range_floor

from .conftest import convert_written


def _figures(clause: str) -> list[tuple[str, str, str]]:
    return [(number, unit, comparator) for _, _, number, _, unit, comparator in figure_spans(clause)]


@pytest.mark.parametrize(("clause", "read"), [
    ("建设5-10个农民创业辅导示范基地", [("5", "个", ">=")]),
    ("新建1-2个自驾营地和露营地", [("1", "个", ">=")]),
    ("每个区建成1～2个整治样板工程", [("1", "个", ">=")]),
    ("培育3至5家龙头企业", [("3", "家", ">=")]),
    ("新建幼儿园3所", [("3", "所", "=")]),  # no range: the figure as printed
    ("陆地边境0―3公里范围内的边民", []),  # a band of a measure says where, no count of work
    ("为6—17岁儿童提供服务", []),  # an age band says who
    ("培养孩子掌握1-2项体育运动技能", []),  # what each child masters, no work of the year (pingtan-2021-jinshi)
    ("公布实施企业发展战略规划（2021-2025）", []),  # a span of years
])
def test_a_count_given_as_a_range_is_at_least_its_lower_bound(clause, read):
    assert _figures(clause) == read


@pytest.mark.parametrize(("cell", "read"), [("12-15", "12以上"), ("12～15", "12以上"), ("12", "12"), ("5左右", "5左右"),
                                            ("2023-2024年", "2023-2024年"), ("2015-2016", "2015-2016")])
def test_a_target_cell_giving_a_range_reads_its_lower_bound(cell, read):
    assert range_floor(cell) == read


def _targets(task) -> list[tuple[float, str, str]]:
    return [(i.target, i.unit, i.comparator) for line in task.lines for i in line.indicators]


def test_ranges_in_a_small_table(tmp_path):
    """A 年初目标 column with a range beside bare figures (huangpu-2021's "12-15" 亿美元), and a range in a task's words
    (jiangsu-2007's "建设5-10个…"): each read as its lower bound, at least; the words' range still said as a doubt."""
    rows = [["序号", "指标名称", "单位", "年初目标"],
            ["1", "引进内资", "亿元", "170"],
            ["2", "合同利用外资金额", "亿美元", "12-15"],
            ["3", "新增跨国公司地区总部", "个", "5"]]
    result = convert_written(tmp_path, "goals.csv", rows, year=2021)
    tasks = result.programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3"]
    assert _targets(tasks[1]) == [(12, "亿美元", ">=")]
    assert _targets(tasks[2]) == [(5, "个", "=")]

    rows = [["序号", "工作任务", "责任单位"],
            ["1", "建设5-10个农民创业辅导示范基地", "省农业厅"],
            ["2", "新建幼儿园3所", "省教育厅"]]
    result = convert_written(tmp_path, "tasks.csv", rows, year=2007)
    tasks = result.programme.tasks
    assert [_targets(t) for t in tasks] == [[(5, "个", ">=")], [(3, "所", "=")]]
    doubts = [str(d) for d in result.doubts]
    assert [d for d in doubts if "read as at least 5" in d], doubts
    assert not [d for d in doubts if "新建幼儿园" in d and "range" in d], doubts


def test_named_things_counted_in_characters_are_a_target(tmp_path):
    """pingtan-2016-haiyang 一(二), canzhuo 二(八)8, xian-2024 11: the things named, then counted in characters — the
    count of the work's objects is a target as "19处" after the places it is done in is; the parts of a notion just
    named ("生产日志、用药和销售三项记录") count no work."""
    lines = ["某区2024年重点工作实施方案",
             "1.力争促进大练、长江澳两个项目2024年开工建设。", "责任单位：区发改局",
             "2.加快城关两个旧农贸市场改造建设。", "责任单位：区商务局",
             "3.完成甲县、乙县两处规模化供水设施建设，改造提升甲县、乙县等19处农村供水设施。", "责任单位：区水利局",
             "4.建立健全生产日志、用药和销售三项记录。", "责任单位：区农业局"]
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n").programme.tasks
    assert [[(i.target, i.unit) for line in t.lines for i in line.indicators] for t in tasks] == [
        [(2, "个")], [(2, "个")], [(2, "处"), (19, "处")], []]
