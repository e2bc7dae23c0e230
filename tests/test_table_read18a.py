"""Issue 13, the reader's small losses: figures in Chinese words, each rule on a small synthetic text."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.domain.quantities import QuantityError, parse_quantity
from mstrack.sources.table.mentions import find_mentions
from mstrack.sources.table.schedule import dated_clauses
from tests.conftest import convert_written
from tests.test_cli import status_json


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("二万", 20000, ""), ("两万人", 20000, "人"), ("三千", 3000, ""), ("一百二十", 120, ""), ("百分之八十", 80, "%"),
    ("百分之百", 100, "%"), ("累计三千万元", 30_000_000, "元"), ("一百二十个", 120, "个"), ("八万九千人", 89000, "人"),
    ("一万二", 12000, ""), ("五万零五百", 50500, ""), ("一亿二千万元", 120_000_000, "元"),
])
def test_a_value_in_chinese_words_is_the_same_quantity_as_in_digits(text, value, unit):
    """`mstrack log REF 二万` and an import cell "两万人" read as 20000, as "2万" does."""
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit) == (value, unit)


def test_a_share_in_words_keeps_its_comparator():
    quantity = parse_quantity("百分之八十以上")
    assert (quantity.value, quantity.unit, quantity.comparator) == (80, "%", ">=")


@pytest.mark.parametrize("text", ["一是", "一批", "一体化", "十十", "第一"])
def test_words_that_open_with_a_numeral_are_no_value(text):
    with pytest.raises(QuantityError):
        parse_quantity(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("新增就业两万人", [(20000, "人")]), ("建设二万个停车位", [(20000, "个")]), ("培训一百二十人", [(120, "人")]),
    ("新建三千户", [(3000, "户")]), ("覆盖率达到百分之八十", [(80, "%")]), ("实现百分之百覆盖", [(100, "%")]),
])
def test_figures_in_chinese_words_in_a_table_are_read(text, expected):
    assert [(m.value, m.unit) for m in find_mentions(text)] == expected


def test_one_thing_described_by_a_figure_of_its_own_is_a_count_of_one():
    """"一座日供水5万吨的水厂": one 水厂, sized by its 5万吨; "一个必要的环境" (no figure in the description) is an article."""
    assert [(m.value, m.unit) for m in find_mentions("建设一座日供水5万吨的水厂")] == [(1, "座"), (50000, "吨")]
    assert find_mentions("提供一个必要的学习环境") == []


@pytest.mark.parametrize("text", [
    "一是加强管理", "推进一批项目", "推进一体化建设", "统一标准", "一站式服务", "第一个", "第一批", "十大工程", "一个月内",
    "墙屋里泵站、十六组泵站", "百米赛道",
])
def test_set_phrases_and_labels_in_chinese_words_are_no_counts(text):
    assert find_mentions(text) == []


@pytest.mark.parametrize(("text", "read"), [("建设3至5所学校", [(3, "所", ">=")]), ("建设5-10个示范基地", [(5, "个", ">=")]),
                                           ("完成1-2个", [(1, "个", ">=")]), ("6—17岁儿童", [])])
def test_a_range_is_at_least_its_lower_bound_its_upper_bound_never(text, read):
    """"3至5所" once read 5 所, its upper bound; a range of a count after a verb of work is a target of its lower bound,
    at least (tests/data/tables/README.md, ranges53: jiangsu-2007 takes 5 of "5-10个", shandong-2023 1 of "1-2家"); an
    age band says who, no count."""
    assert [(m.value, m.unit, m.comparator) for m in find_mentions(text, 2023)] == read


def table(tmp_path, content: str):
    rows = f"序号\t项目名称\t项目内容\t责任单位\n01\t提升生态环境\t{content}\t水务局\n"
    return convert_written(tmp_path, "表.tsv", rows, 2022).programme.tasks[0]


def figures(task) -> list[tuple]:
    return [(i.name, i.target, i.unit) for line in task.lines for i in line.indicators]


def test_the_same_figure_twice_for_two_things_each_with_its_verb_is_two_targets(tmp_path):
    """"新建2个湿地保护小区,新建2个湿地乡村": two things of 2 each, not one target printed twice."""
    task = table(tmp_path, "治理湿地,新建2个湿地保护小区,新建2个湿地乡村。")
    assert [(target, unit) for _, target, unit in figures(task)] == [(2, "个"), (2, "个")]
    assert "湿地乡村" in figures(task)[1][0]


@pytest.mark.parametrize("content", [
    "实现“一个医疗服务网格、一个门诊查询码、一个健康服务团队”全覆盖。",  # a slogan's parts: no verb of their own
    "新建2个湿地保护小区。改造提升2个湿地保护小区。",  # the same noun again
    "新建城市书房2个,新建2个城市书房。",  # no noun after the first figure: one target printed twice
])
def test_the_same_figure_again_is_one_target_unless_it_counts_another_thing(tmp_path, content):
    assert len([f for f in figures(table(tmp_path, content)) if f[1] in (1, 2)]) <= 1


def test_a_dated_step_with_before_in_an_items_text_is_a_checkpoint(tmp_path):
    """"2022年10月底前编制并公布…清单" inside an item: a step due by then, whatever its verb (not only 完成/建成)."""
    task = table(tmp_path, "依据省清单,2022年10月底前编制并公布市、县两级行政许可事项清单,将许可事项全部纳入清单管理。")
    assert [(c.due, "编制并公布" in c.text) for line in task.lines for c in line.checkpoints] == [(date(2022, 10, 31), True)]


def test_a_date_with_before_that_describes_is_no_step():
    """"对6月底前开工的项目加强监管": which projects (…的), not a step due in June; "年底前全部通水" is the task's own
    deadline, no step inside it."""
    assert dated_clauses("对6月底前开工的项目加强监管", 2022) == []
    assert dated_clauses("铺设管网20公里,年底前全部通水", 2022) == []
    assert [due for _, due, _ in dated_clauses("依据清单,2022年10月底前编制并公布清单", 2022)] == [date(2022, 10, 31)]


def test_log_takes_a_value_in_chinese_words_as_in_digits(demo_cli):
    """`mstrack log REF 八万九千人` is the same report as 8.9万人: one parser for the table and for progress."""
    result = demo_cli("log", "shenzhen-2023/28", "八万九千人", "--as-of", "2023-06-30")
    assert result.exit_code == 0, result.output
    (jobs,) = [r for r in status_json(demo_cli, "--as-of", "2023-07-01", "--programme", "shenzhen-2023") if r["task"] == "28"]
    assert (jobs["actual"], jobs["status"]) == (89000, "on_track")
    result = demo_cli("log", "shenzhen-2023/28", "一是", "--as-of", "2023-06-30")
    assert result.exit_code == 2 and "not a quantity" in result.stderr
