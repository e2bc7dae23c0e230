"""The table reader's rules, one at a time (issue #19): period labels, merged quarters, per-period
amounts, scale words, schedule cells, deadlines, comparators and the numbers that are no target.

The golden tests in tests/test_import_table.py convert whole seed tables; when one of them fails it
does not say which rule broke. These do.
"""

from datetime import date

import pytest

from mstrack.domain.dates import DateError
from mstrack.domain.dates import period_end as parse_label
from mstrack.sources.table.columns import column_kind
from mstrack.sources.table.likeness import similarity
from mstrack.sources.table.mentions import Mention, find_mentions
from mstrack.sources.table.numbers import unit_factor
from mstrack.sources.table.schedule import parse_deadline, split_schedule
from mstrack.sources.table.series import Series, milestones_of, per_period

# --- period labels -------------------------------------------------------------------------------


@pytest.mark.parametrize(("label", "due"), [
    ("一季度", date(2023, 3, 31)), ("第三季度", date(2023, 9, 30)), ("1季度", date(2023, 3, 31)), ("Q2", date(2023, 6, 30)),
    ("q4", date(2023, 12, 31)), ("二季度末", date(2023, 6, 30)), ("三季度前", date(2023, 9, 30)),
    ("2024年一季度", date(2024, 3, 31)),
])
def test_a_quarter_is_due_at_its_last_day(label, due):
    assert parse_label(label, 2023) == due


@pytest.mark.parametrize(("label", "due"), [
    ("一、二季度", date(2023, 6, 30)), ("第一、第二季度", date(2023, 6, 30)), ("二、三、四季度", date(2023, 12, 31)),
    ("一至三季度", date(2023, 9, 30)), ("三和四季度", date(2023, 12, 31)), ("1-2季度", date(2023, 6, 30)),
    ("三、一季度", date(2023, 9, 30)),  # the later quarter, whatever the order
])
def test_merged_quarters_are_due_at_the_later_quarters_end(label, due):
    assert parse_label(label, 2023) == due


@pytest.mark.parametrize(("label", "due"), [
    ("3月", date(2023, 3, 31)), ("3月份", date(2023, 3, 31)), ("2月底", date(2023, 2, 28)), ("6月末", date(2023, 6, 30)),
    ("6月底前", date(2023, 6, 30)), ("6月份前", date(2023, 6, 30)), ("12月", date(2023, 12, 31)),
    ("7-9月", date(2023, 9, 30)), ("7月至9月", date(2023, 9, 30)), ("7—9月底前", date(2023, 9, 30)),
    ("3月上旬", date(2023, 3, 10)), ("3月中旬", date(2023, 3, 20)), ("3月下旬", date(2023, 3, 31)), ("3月8日", date(2023, 3, 8)),
    ("2024年3月", date(2024, 3, 31)), ("６月底", date(2023, 6, 30)), ("2024 年 3月", date(2024, 3, 31)),
])
def test_a_month_is_due_at_its_end_or_the_day_named(label, due):
    assert parse_label(label, 2023) == due


@pytest.mark.parametrize(("label", "due"), [
    ("10月前", date(2023, 9, 30)), ("7月前", date(2023, 6, 30)), ("1月前", date(2022, 12, 31)), ("2月前", date(2023, 1, 31)),
    ("6月末前", date(2023, 6, 30)), ("7-9月前", date(2023, 9, 30)),  # "末前" and a range: the month's own end
])
def test_before_a_month_is_the_end_of_the_month_before(label, due):
    assert parse_label(label, 2023) == due


@pytest.mark.parametrize(("label", "due"), [
    ("上半年", date(2023, 6, 30)), ("下半年", date(2023, 12, 31)), ("全年", date(2023, 12, 31)), ("年底", date(2023, 12, 31)),
    ("年底前", date(2023, 12, 31)), ("年内", date(2023, 12, 31)), ("年末", date(2023, 12, 31)),
])
def test_halves_and_the_year(label, due):
    assert parse_label(label, 2023) == due


@pytest.mark.parametrize(("label", "words"), [
    ("2月30日", "2023-02-30 does not exist"), ("13月", "month 13 does not exist"), ("xyz", "is not a period"),
])
def test_a_label_that_is_no_date_says_why(label, words):
    with pytest.raises(DateError, match=words):
        parse_label(label, 2023)


# --- deadlines -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "due"), [
    ("2023年12月31日", date(2023, 12, 31)), ("2023.6", date(2023, 6, 30)), ("2023年6月底", date(2023, 6, 30)),
    ("年底前", date(2023, 12, 31)), ("6月底前完成", date(2023, 6, 30)), ("上半年", date(2023, 6, 30)),
    ("三季度完成", date(2023, 9, 30)), ("Q3", date(2023, 9, 30)), ("6月底前选址，10月底前建成", date(2023, 10, 31)),
    ("10 月底前", date(2023, 10, 31)), ("10 月底前动工", date(2023, 10, 31)), ("", None), ("   ", None), ("长期", None), ("持续推进", None),
    ("11.30", date(2023, 11, 30)), ("2023年度", date(2023, 12, 31)),  # month.day; a year's 年度
])
def test_a_deadline_is_the_last_date_the_cell_names(text, due):
    assert parse_deadline(text, 2023) == due


# --- schedule cells into periods -----------------------------------------------------------------


def periods(text: str) -> list[list[tuple[str, str, str]]]:
    return [[(label, due.isoformat(), body) for label, due, body in block.periods] for block in split_schedule(text, 2023)]


def test_a_schedule_cell_is_cut_at_its_period_labels():
    assert periods("3月底前完成方案；6月底前开工；12月底前建成5个。") == [[
        ("3月底前", "2023-03-31", "完成方案；"), ("6月底前", "2023-06-30", "开工；"), ("12月底前", "2023-12-31", "建成5个。")]]


def test_merged_quarters_in_a_schedule_cell_are_one_checkpoint():
    assert periods("一、二季度：完成选址。三季度：开工建设。四季度：建成投用。") == [[
        ("一、二季度", "2023-06-30", "完成选址。"), ("三季度", "2023-09-30", "开工建设。"), ("四季度", "2023-12-31", "建成投用。")]]


def test_a_label_mid_sentence_is_text():
    """A period starts a checkpoint only at the start, after a sentence break or after a comma (issue #13: a clause
    of its own); inside a clause it is text."""
    assert periods("3月底前完成5个，6月底前完成10个") == [[("3月底前", "2023-03-31", "完成5个，"), ("6月底前", "2023-06-30", "完成10个")]]
    assert periods("3月底前完成5个，开展7-9月份测评") == [[("3月底前", "2023-03-31", "完成5个，开展7-9月份测评")]]


def test_the_year_after_the_fourth_quarter_joins_it():
    assert periods("四季度完成全部建设。全年累计完成10个。") == [[("四季度", "2023-12-31", "完成全部建设。全年累计完成10个。")]]


def test_periods_that_start_over_are_another_block():
    assert periods("一季度完成5个。二季度完成8个。一季度补充说明。") == [
        [("一季度", "2023-03-31", "完成5个。"), ("二季度", "2023-06-30", "完成8个。")], [("一季度", "2023-03-31", "补充说明。")]]


def test_numbered_sub_projects_and_headings_are_blocks():
    blocks = split_schedule("（1）新增养老床位300张：3月底前新增100张；12月底前新增300张。\n（2）改造站点10个：6月底前完成5个。", 2023)
    assert [(b.heading, b.number, [p[0] for p in b.periods]) for b in blocks] == [
        ("新增养老床位300张：", "1", ["3月底前", "12月底前"]), ("改造站点10个：", "2", ["6月底前"])]
    [block] = split_schedule("养老服务：3月底前完成调研；6月底前出台方案。", 2023)
    assert (block.heading, [p[0] for p in block.periods]) == ("养老服务", ["3月底前", "6月底前"])


def test_text_before_the_first_label_is_undated():
    [block] = split_schedule("持续推进。6月底前完成50%。", 2023)
    assert (block.undated, [p[0] for p in block.periods]) == ("持续推进。", ["6月底前"])
    [block] = split_schedule("持续推进\n加强宣传", 2023)
    assert (block.undated, block.periods) == ("持续推进加强宣传", [])


def test_a_line_without_a_label_continues_the_last_period():
    assert periods("3月底前完成选址\n并公示结果") == [[("3月底前", "2023-03-31", "完成选址并公示结果")]]
    assert periods("3月底前完成选址\n\n6月底前开工") == [[("3月底前", "2023-03-31", "完成选址"), ("6月底前", "2023-06-30", "开工")]]
    assert periods("3月底前完成选址 并公示") == [[("3月底前", "2023-03-31", "完成选址 并公示")]]  # lines, not words


def test_a_label_with_spaces_is_kept_without_them():
    assert periods("6 月底前完成") == [[("6月底前", "2023-06-30", "完成")]]


def test_an_earlier_period_after_a_single_one_is_sorted_in():
    assert periods("6月底前A。3月底前B。") == [[("3月底前", "2023-03-31", "B。"), ("6月底前", "2023-06-30", "A。")]]
    assert periods("12月底前A。3月底前B。") == [[("3月底前", "2023-03-31", "B。"), ("12月底前", "2023-12-31", "A。")]]  # by date


def test_an_earlier_period_after_several_starts_another_block_of_the_same_sub_project():
    assert periods("3月底前A。6月底前B。9月底前C。7月底前D。") == [
        [("3月底前", "2023-03-31", "A。"), ("6月底前", "2023-06-30", "B。"), ("9月底前", "2023-09-30", "C。")],
        [("7月底前", "2023-07-31", "D。")]]
    blocks = split_schedule("（1）床位：3月底前A。6月底前B。3月底前C。", 2023)
    assert [(b.heading, b.number, [p[0] for p in b.periods]) for b in blocks] == [
        ("床位：", "1", ["3月底前", "6月底前"]), ("", "1", ["3月底前"])]


def test_the_same_period_again_joins_the_last_checkpoint():
    assert periods("3月底前A。6月底前B。6月底前C。") == [[("3月底前", "2023-03-31", "A。"), ("6月底前", "2023-06-30", "B。6月底前C。")]]


def test_a_numbered_heading_without_labels_and_a_heading_under_it():
    blocks = split_schedule("（2）改造站点：\n站点A：3月底前完成", 2023)
    assert [(b.heading, b.number, [p[0] for p in b.periods]) for b in blocks] == [("改造站点：", "2", []), ("站点A", "2", ["3月底前"])]
    [block] = split_schedule("（1）新建公园3个", 2023)
    assert (block.heading, block.number, block.periods, block.undated) == ("新建公园3个", "1", [], "")


# --- columns -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("header", "kind", "due"), [
    ("序号", "seq", None), ("分管领导", "leader", None), ("牵头单位", "lead", None), ("责任单位", "units", None),
    ("完成时限", "deadline", None), ("进展情况", "progress", None), ("进度安排", "schedule", None),
    ("上半年工作计划", "schedule", date(2023, 6, 30)), ("实事项目", "task", None), ("备注", "note", None),
    ("第一季度", "period", date(2023, 3, 31)), ("一、二季度", "period", date(2023, 6, 30)), ("7-9月", "period", date(2023, 9, 30)),
    ("", "", None), ("金额", "", None), ("牵 头 单 位", "lead", None), ("第 一 季 度", "period", date(2023, 3, 31)),
    ("2月30日", "", None),  # reads as a period label but names no date: an unknown column
    ("累计进度", "progress", None),  # a share done so far ("96.64%"), reported beside 累计完成: no schedule
    ("市级牵头责任单位", "units", None),  # lead and responsible units in one cell: the first leads, as in 责任单位
    ("计划开工时间", "start", None), ("竣工时间", "deadline", None),
    ("完成进度", "progress", None), ("工程进度", "progress", None), ("进度情况", "progress", None),  # reported, not planned
    ("工程进度安排", "schedule", None),
    ("1-9月份工作取得成效", "progress", None), ("1-9月份工作完成情况", "progress", None), ("1-6月工作计划", "schedule", None),
    ("项目责任人", "leader", None), ("主要责任人", "leader", None),  # people: never the task column
    ("牵头单位及主要负责人", "lead", None), ("责任单位及负责人", "units", None),  # units named with their heads
])
def test_columns_are_known_by_their_header(header, kind, due):
    column = column_kind(header, 2023)
    assert (column.kind, column.due, column.header) == (kind, due, header)


# --- quantities in text: scale, comparators, what is no target ---------------------------------


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("新增学位2.3万个", 23000, "个"), ("投资6.9亿元", 690_000_000, "元"), ("建设3千个", 3000, "个"),
    ("建设筹集保障性住房18.5万套（间）", 185000, "套（间）"), ("全年共新增1,200个床位", 1200, "个"), ("建成绿道1.5千米", 1.5, "千米"),
])
def test_scale_words_multiply_the_number(text, value, unit):
    [mention] = find_mentions(text)
    assert (mention.value, mention.unit) == (value, unit)


@pytest.mark.parametrize(("text", "comparator"), [
    ("不少于1200批次", ">="), ("1.2万个以上", ">="), ("超过80%", ">="), ("至少5所", ">="),
    ("控制在5%以内", "<="), ("不超过3万人", "<="), ("少于100人", "<="), ("降至2%", "<="), ("3万人以下", "<="),
    ("建成口袋公园10个左右", "="), ("新增床位300张", "="), ("不少于 100人", ">="), ("空置率5%以内", "<="),
])
def test_comparator_words_in_a_table(text, comparator):
    [mention] = find_mentions(text)
    assert mention.comparator == comparator


@pytest.mark.parametrize("text", [
    "掌握1-2项技能", "6—17岁儿童", "第3批", "低于50%镇街", "去年完成300个", "开通12345热线", "2022年完成300个",
    "掌握1 - 2项技能", "服务不少于3年", "服务不少于3 年",
])
def test_numbers_that_are_no_target(text):
    assert find_mentions(text, 2023) == []  # "2022年": a year before the programme's is a baseline


def test_a_figure_of_the_programmes_own_year_or_a_later_one_is_a_target():
    assert [m.value for m in find_mentions("2023年完成300个", 2023)] == [300]
    assert [m.value for m in find_mentions("2025年完成300个；2024年完成200个", 2024)] == [300, 200]
    assert find_mentions("2023年完成300个", 2024) == []  # a year before the programme's: what was done then
    assert [(m.value, m.unit) for m in find_mentions("牙椅总数较2023年增加5%", 2024)] == [(5, "%")]  # a change on it: a target


@pytest.mark.parametrize("text", [
    "第3批新增10个", "为6—17岁儿童新增10个", "12345热线新增坐席10个", "低于50%镇街新增10个", "掌握1 - 2项技能并新增10个",
    "建成驿站10个到位",
])
def test_a_number_that_is_no_target_does_not_hide_the_next(text):
    assert [(m.value, m.unit) for m in find_mentions(text)] == [(10, "个")]


def test_a_range_of_work_is_its_lower_bound_and_hides_nothing():
    """"完成1 - 2个": at least 1 个 since ranges53 (tests/data/tables/README.md), the next figure read as well."""
    assert [(m.value, m.unit, m.comparator) for m in find_mentions("完成1 - 2个并新增10个")] == [(1, "个", ">="), (10, "个", "=")]


@pytest.mark.parametrize(("text", "total"), [
    ("累计建设3万套（间）", True), ("全年共新增1,200个床位", True), ("实现100%全覆盖", True), ("新增床位300张", False),
])
def test_running_totals_are_marked(text, total):
    [mention] = find_mentions(text)
    assert mention.total is total


@pytest.mark.parametrize(("text", "name", "comparator"), [
    ("城乡居民医保参保率稳定在95%以上", "城乡居民医保参保率", ">="), ("参保率保持在98%以上", "参保率", ">="),
    ("发生率维持在1%以下", "发生率", "<="), ("补助标准提高到300元", "补助标准", "="),
])
def test_a_level_kept_steady_is_named_without_the_verb(text, name, comparator):
    [mention] = find_mentions(text)
    assert (mention.name, mention.comparator) == (name, comparator)


def test_names_are_shared_out_in_order():
    names = [m.name for m in find_mentions("建档率和健康管理率分别达到80%和35%")]
    assert names == ["建档率", "健康管理率"]


# --- per-period amounts --------------------------------------------------------------------------


def series(*values: float, unit: str = "人", totals: tuple[int, ...] = (), words: str = "新增就业",
           target: float | None = None, verbs: tuple[str, ...] = ()) -> Series:
    def mention(i: int, value: float) -> Mention:
        verb = verbs[i] if 0 <= i < len(verbs) else ""
        return Mention(value=value, unit=unit, comparator="=", total=i in totals, contexts=[words], stages=frozenset(),
                       excerpt=f"{words}{value}{unit}", name=words, verbs=verb)

    one = Series(unit=unit, stages=frozenset(), texts=[words], statement=mention(-1, target) if target is not None else None)
    months = (3, 6, 9, 12)
    one.points = [(date(2023, months[i], 28), "", mention(i, value)) for i, value in enumerate(values)]
    return one


@pytest.mark.parametrize(("values", "per"), [
    ((23000, 23000, 23000, 24000), True),  # the same figure again: each quarter's own amount
    ((5, 3, 2), True),  # falling: each period's own
    ((10000, 30000, 60000, 185000), False),  # rising: running totals, as printed
    ((7,), False),  # one figure
])
def test_per_period_amounts_are_figures_that_repeat_or_fall(values, per):
    assert per_period(series(*values)) is per


def test_levels_and_mixed_units_are_read_as_printed():
    assert per_period(series(80, 80, 90, unit="%")) is False
    assert per_period(series(5, 5, words="覆盖率")) is False
    assert per_period(series(2017, 2017, unit="元/人/月")) is False
    assert per_period(series(5, 5, unit="‰")) is False
    assert per_period(series(1, 1, unit="个百分点")) is False
    mixed = series(5, 3)
    mixed.points[1][2].unit = "个"
    assert per_period(mixed) is False


def test_a_figure_marked_as_a_total_is_no_fall():
    assert per_period(series(10, 4, totals=(1,))) is False
    assert per_period(series(10, 4, 4, totals=(1,))) is True


def test_per_period_amounts_are_summed_into_milestones():
    result, reading, increments = milestones_of(series(23000, 23000, 23000, 24000))
    assert [(m.target, m.printed) for m in result] == [(23000, 23000), (46000, 23000), (69000, 23000), (93000, 24000)]
    assert (reading, increments) == ("increment", [0, 1, 2, 3])


def test_a_last_figure_equal_to_the_target_is_the_years_total():
    result, reading, increments = milestones_of(series(2, 2, 7, target=7))
    assert [(m.target, m.printed) for m in result] == [(2, None), (4, 2), (7, None)]
    assert (reading, increments) == (None, [0, 1])


def test_a_last_completion_above_the_running_sum_is_the_years_total():
    result, _, _ = milestones_of(series(2, 2, 7, verbs=("新建成", "新建成", "完成")))
    assert [m.target for m in result] == [2, 4, 7]


def test_a_last_completion_equal_to_the_running_sum_is_the_years_total():
    """新建成2、新建成2、完成4: the 完成 confirms what was counted, 4 in all, not 4 more (8)."""
    result, _, _ = milestones_of(series(2, 2, 4, verbs=("新建成", "新建成", "完成")))
    assert [m.target for m in result] == [2, 4, 4]


def test_a_last_completion_after_earlier_completions_is_one_more_amount():
    """完成2、完成2、完成7: every figure says 完成, so the last is an amount like the others, not a total."""
    result, _, _ = milestones_of(series(2, 2, 7, verbs=("完成", "完成", "完成")))
    assert [m.target for m in result] == [2, 4, 11]


@pytest.mark.parametrize(("values", "targets", "printed"), [
    ((0.5, 0.5, 2), [0.5, 1, 2], [None, 0.5, None]),  # the target after a small running sum is the total
    ((0, 0, 5), [0, 0, 5], [0, 0, 5]),  # nothing before it: an amount like the others
])
def test_a_last_figure_equal_to_the_target_after_something_was_counted(values, targets, printed):
    result, _, _ = milestones_of(series(*values, target=values[-1]))
    assert ([m.target for m in result], [m.printed for m in result]) == (targets, printed)


def test_counting_goes_on_from_a_total_printed_midway():
    result, reading, increments = milestones_of(series(2, 5, 1, totals=(1,)))
    assert [(m.target, m.printed) for m in result] == [(2, None), (5, None), (6, 1)]
    assert (reading, increments) == (None, [0, 2])


def test_running_totals_are_milestones_as_printed():
    result, reading, increments = milestones_of(series(10000, 30000, 60000))
    assert [(m.target, m.printed) for m in result] == [(10000, None), (30000, None), (60000, None)]
    assert (reading, increments) == (None, [])


# --- matching ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b", "factor"), [
    ("个", "个", 1.0), ("％", "%", 1.0), ("%", "个", 0.0), ("", "个", 0.8), ("人", "名", 0.9), ("公里", "km", 0.9),
    ("个", "家", 0.6), ("元", "个", 0.0), ("%", "", 0.0), ("人", "个", 0.6),
])
def test_units_that_may_count_the_same_thing(a, b, factor):
    assert unit_factor(a, b) == factor


def test_similar_wording_scores_higher():
    assert similarity("新增泊位", "新增停车泊位") > similarity("新增泊位", "充电桩") == 0.0
    assert similarity("新增停车泊位", "新增停车泊位") == 1.0
