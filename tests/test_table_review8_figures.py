"""Issue 13, review8's findings on figures: an article before a description, parts (其中), ranges, figures in words
with 余/多 or without a unit, quoted slogans, decimals in words, and one target printed twice. Each rule on a small
synthetic text; the reviewer's phrases as cases."""

from __future__ import annotations

import pytest

from mstrack.domain.quantities import QuantityError, parse_quantity
from mstrack.sources.table.mentions import find_mentions
from tests.conftest import convert_written
from tests.test_cli import status_json


def read(text: str) -> list[tuple]:
    return [(m.value, m.unit) for m in find_mentions(text, 2024)]


def table(tmp_path, content: str, title: str = "提升服务"):
    return convert_written(tmp_path, "表.tsv", f"序号\t项目名称\t项目内容\t责任单位\n01\t{title}\t{content}\t水务局\n").programme.tasks[0]


def figures(task) -> list[tuple]:
    return [(i.name, i.target, i.unit) for line in task.lines for i in line.indicators]


@pytest.mark.parametrize("text", [
    "构建一个“1+3+N”的居家养老服务体系", "打造一个15分钟的便民生活圈", "建立一个24小时的心理援助热线", "形成一个1+N的政策体系",
    "设立一个12345的投诉渠道", "提供一个3年的过渡期", "建设一个2024年的重点项目库", "打造一个5A级的景区",
])
def test_an_article_before_a_description_with_a_figure_but_no_quantity_counts_nothing(text):
    """Finding 2: "一个…的" is an article unless the description sizes the thing with a quantity and its unit."""
    assert read(text) == []


def test_one_thing_sized_by_a_quantity_is_one_named_by_its_noun():
    """"一座日供水5万吨的水厂": one 水厂 (its name the noun after the description), and its capacity, as mianyang-2023
    reads "一座日供水30万吨的净水厂"."""
    (plant, capacity) = find_mentions("建设一座日供水5万吨的水厂", 2024)
    assert (plant.value, plant.unit, plant.name) == (1, "座", "建设水厂")
    assert (capacity.value, capacity.unit) == (50000, "吨")
    assert read("建设一个3000平方米的综合体") == [(1, "个"), (3000, "平方米")]


@pytest.mark.parametrize("content", [
    "新建2个口袋公园,其中新建2个社区公园。", "新建2个充电站,含新建2个换电站。", "新建2个口袋公园，其中新建2个社区公园。",
    "建设2个驿站,包括改造2个旧驿站。",
])
def test_a_part_given_with_its_whole_is_no_second_target(tmp_path, content):
    """Finding 3: the same figure again after 其中 / 含 / 包括 is the whole's part, one target."""
    assert [(target, unit) for _, target, unit in figures(table(tmp_path, content))] == [(2, "个")]


@pytest.mark.parametrize("text", [
    "新建中小学三至五所", "新建学校3所至5所", "新建学校3所-5所", "新建学校两到三所", "建设示范点五至十个", "新建学校三所至五所",
    "新增就业3万人至5万人",
])
def test_a_range_in_any_form_is_no_target(text):
    """Finding 4: the bounds in words, or with the unit after each bound, are a range too."""
    assert read(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("改造农户三百余户", [(300, "户")]), ("建设村级服务站五十多个", [(50, "个")]), ("培训高素质农民一万二", [(12000, "")]),
    ("改造农户300余户", [(300, "户")]), ("培训高素质农民1.2万", [(12000, "")]),
])
def test_figures_in_words_read_as_their_digit_forms(text, expected):
    """Finding 6: 余/多 between the figure and its unit, and a figure with its scale's lower part and no unit."""
    assert read(text) == expected


@pytest.mark.parametrize("text", [
    "实现“两个100%”", "落实“三个一批”政策", "实现“四个全覆盖”", "实现“两个确保”", "推行“一个窗口受理”", "落实\"三个一批\"政策",
])
def test_a_figure_inside_quotation_marks_names_a_slogan(text):
    """Finding 8: a figure inside quotation marks is part of a slogan's name, no count."""
    assert read(text) == []


def test_a_count_outside_a_quoted_slogan_is_read():
    assert read("打造“一街一品”特色街区三条") == [(3, "条")]
    assert read("办理“一件事”二十项") == [(20, "项")]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("十二点五", 12.5, ""), ("十二点五万", 125000, ""), ("百分之八十五点五", 85.5, "%"), ("一点零五亿元", 105_000_000, "元"),
])
def test_a_decimal_in_words_is_read(text, value, unit):
    """Finding 9: `mstrack log` and import progress read 十二点五 as 12.5, the one parser for both."""
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit) == (value, unit)


def test_a_decimal_in_words_that_cannot_be_read_suggests_digits():
    with pytest.raises(QuantityError, match="12.5"):
        parse_quantity("十二点")


def test_log_reads_a_decimal_in_words(demo_cli):
    result = demo_cli("log", "shenzhen-2023/28", "八点九万人", "--as-of", "2023-06-30")
    assert result.exit_code == 0, result.output
    (jobs,) = [r for r in status_json(demo_cli, "--as-of", "2023-07-01", "--programme", "shenzhen-2023") if r["task"] == "28"]
    assert jobs["actual"] == 89000
    result = demo_cli("log", "shenzhen-2023/28", "八点", "--as-of", "2023-06-30")
    assert result.exit_code == 2 and "12.5" in result.stderr and "Traceback" not in result.stderr


def dated(tmp_path, content: str, title: str = "学前教育"):
    """A row with a 完成时限: its words are the deadline's checkpoint, read against the title's targets."""
    rows = f"序号,项目名称,主要内容,责任单位,完成时限\n1,{title},{content},区教育局,2024年12月\n"
    return convert_written(tmp_path, "表.csv", rows).programme.tasks[0]


@pytest.mark.parametrize("content", ["新建2所幼儿园，建成2所幼儿园", "新建2所幼儿园；建成2所幼儿园。"])
def test_the_same_figure_again_for_the_same_noun_is_one_target(tmp_path, content):
    """Finding 10: "新建2所幼儿园，建成2所幼儿园": the same noun again is one target, in a task's words and in its
    deadline's checkpoint alike."""
    assert [(target, unit) for _, target, unit in figures(table(tmp_path, content))] == [(2, "所")]
    assert [(target, unit) for _, target, unit in figures(dated(tmp_path, content))] == [(2, "所")]


def test_two_things_of_the_same_figure_in_a_checkpoint_stay_two(tmp_path):
    assert [(target, unit) for _, target, unit in figures(dated(tmp_path, "新建2个公厕，改造2个驿站"))] == [(2, "个"), (2, "个")]


@pytest.mark.parametrize("title", ["三千户改厕", "3000户改厕"])
def test_a_title_that_restates_its_contents_figure_is_one_indicator(tmp_path, title):
    """Finding 10: a title "三千户改厕" over "完成三千户农村户厕改造" names the content's one target (the digit forms alike)."""
    task = dated(tmp_path, "完成三千户农村户厕改造", title)
    assert [(target, unit) for _, target, unit in figures(task)] == [(3000, "户")]

