from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mstrack.domain.dates import DateError, parse_date, period_end
from mstrack.domain.quantities import (
    Quantity,
    QuantityError,
    chinese_count,
    parse_quantity,
    same_unit,
    whole_count,
)
from mstrack.errors import InputError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("32000", Quantity(32000, "")),
        ("3.2万", Quantity(32000, "")),
        ("18.5 万套（间）", Quantity(185000, "套(间)")),
        ("1.2万个以上", Quantity(12000, "个", ">=")),
        ("不少于1200批次", Quantity(1200, "批次", ">=")),
        ("65%", Quantity(65, "%")),
        ("６５％", Quantity(65, "%")),
        ("约6.9亿元", Quantity(690000000, "元", "=", approx=True)),
        ("1.3萬人", Quantity(13000, "人")), ("約2億元", Quantity(200000000, "元", "=", approx=True)),  # traditional scale words
        ("累计 3 万套（间）", Quantity(30000, "套(间)", cumulative=True)),
        ("累计不少于170场", Quantity(170, "场", ">=", cumulative=True)),
        ("1,200个", Quantity(1200, "个")),
        ("0.35 万套（间）", Quantity(3500, "套(间)")),
        ("197户", Quantity(197, "户")),
        ("10万人次左右", Quantity(100000, "人次", approx=True)),
        ("控制在5%以内", Quantity(5, "%", "<=")),
        ("超过10万人次", Quantity(100000, "人次", ">=")),
        ("2.25", Quantity(2.25, "")),
        ("1.4万亿元", Quantity(1_400_000_000_000, "元")),
        ("3千米", Quantity(3000, "米")),
        # the comparator words are the table reader's too: one vocabulary (domain/quantities.py)
        ("多于30个", Quantity(30, "个", ">=")),
        ("超5000人次", Quantity(5000, "人次", ">=")),
        ("降至8%", Quantity(8, "%", "<=")),
        ("降到3天", Quantity(3, "天", "<=")),
        ("低于5%", Quantity(5, "%", "<=")),
    ],
)
def test_parse_quantity(text, expected):
    assert parse_quantity(text) == expected


def test_scaled_values_are_exact_integers():
    value = parse_quantity("1.7亿").value
    assert value == 170000000 and isinstance(value, int)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("abc", "not a quantity"),
        ("已完成", "not a quantity"),
        ("3-4", "more than one number"),
        ("1.2.3万", "more than one number"),
        ("nan", "not a quantity"),
        ("inf", "not a quantity"),
    ],
)
def test_parse_quantity_rejects(text, reason):
    with pytest.raises(QuantityError, match=reason):
        parse_quantity(text)


@given(st.text(max_size=40))
def test_any_text_is_a_quantity_or_a_clean_error(text):
    try:
        quantity = parse_quantity(text)
    except QuantityError as error:
        assert str(error)
    else:
        assert quantity.comparator in (">=", "<=", "=")
        assert quantity.value == quantity.value  # never NaN


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-06-30", date(2023, 6, 30)),
        ("2023-6-30", date(2023, 6, 30)),
        ("2023.6.30", date(2023, 6, 30)),
        ("2023/06/30", date(2023, 6, 30)),
        ("2023年6月30日", date(2023, 6, 30)),
        ("6月30日", date(2023, 6, 30)),
        ("6.30", date(2023, 6, 30)),  # month.day, as a 完成时限 cell writes it (dateutil read it as half past six)
        ("11.30前", date(2023, 11, 30)),
        ("6月底", date(2023, 6, 30)),
        ("6月底前", date(2023, 6, 30)),
        ("11月底前", date(2023, 11, 30)),
        ("2月底", date(2023, 2, 28)),
        ("2023.12", date(2023, 12, 31)),
        ("2023.8", date(2023, 8, 31)),
        ("2024年2月", date(2024, 2, 29)),
        ("第二季度", date(2023, 6, 30)),
        ("四季度", date(2023, 12, 31)),
        ("Q3", date(2023, 9, 30)),
        ("20230630", date(2023, 6, 30)),
        ("June 30 2023", date(2023, 6, 30)),
        ("30 Jun 2023", date(2023, 6, 30)),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text, 2023) == expected


@pytest.mark.parametrize(
    ("text", "year", "reason"),
    [
        ("2023-02-30", 2023, "does not exist"),
        ("2023-13-01", 2023, "does not exist"),
        ("13月底", 2023, "month 13"),
        ("6月30日", None, "no year"),
        ("", 2023, "empty"),
        ("下周", 2023, "not a date"),
        ("whenever", 2023, "not a date"),
    ],
)
def test_parse_date_rejects(text, year, reason):
    with pytest.raises(DateError, match=reason):
        parse_date(text, year)


@pytest.mark.parametrize("text", ["6月底", "6月", "6月份", "6 月 末", "2月底前", "第二季度", "二季度末", "四季度前", "Q3", "12月底前"])
def test_a_date_cell_and_a_schedule_read_a_period_alike(text):
    """parse_date reads a period by period_end, the table reader's reading: one meaning for both."""
    assert parse_date(text, 2023) == period_end(text, 2023)
    if not text.startswith("Q"):
        assert parse_date(f"2024年{text}", 2023) == period_end(text, 2024)


def test_a_month_before_is_the_month_before_in_a_date_cell_as_in_a_schedule():
    """"6月前" is before June (by May 31) in a date cell as "10月前…" is before October in a schedule; "6月底前" is by
    the end of June."""
    assert parse_date("6月前", 2023) == date(2023, 5, 31)
    assert parse_date("2024年1月前", 2023) == date(2023, 12, 31)
    assert parse_date("6月底前", 2023) == date(2023, 6, 30)
    assert parse_date("6月份前", 2023) == date(2023, 6, 30)
    assert period_end("10月前", 2023) == date(2023, 9, 30)


@given(st.text(max_size=30))
def test_any_text_is_a_date_or_a_clean_error(text):
    try:
        parse_date(text, 2023)
    except DateError as error:
        assert str(error)


def test_units_compare_across_full_and_half_width():
    assert same_unit("套（间）", "套(间)")
    assert not same_unit("套", "户")


UNITS = ["", "%", "个", "人次", "套（间）", "千瓦", "万元", "元/人/月"]


@given(
    number=st.one_of(st.integers(min_value=0, max_value=10**12).map(str),
                     st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False).map(str)),
    unit=st.sampled_from(UNITS), written=st.sampled_from(["", " ", "same", "万", "以上", "个"]),
)
def test_the_import_fast_path_reads_what_check_value_reads(number, unit, written):
    """plain_value skips the word handling for most cells of a bulk import; where it answers, it must
    answer what check_value does (and it leaves 5千瓦, 3万, 约… to check_value)."""
    from mstrack.domain.progress import check_value
    from mstrack.sources.progress_cells import plain_value

    text = number + (unit if written == "same" else written)
    fast = plain_value(text, unit)
    if fast is None:
        return
    if not whole_count(fast, unit):  # a fraction of a count: refused by both (the import asks check_whole after)
        with pytest.raises(InputError, match="which come whole"):
            check_value(text, unit, "x")
        return
    value, _ = check_value(text, unit, "x")
    assert fast == value and type(fast) is type(value), text


@pytest.mark.parametrize(("text", "unit", "value"), [
    ("2300691", "个", 2300691), ("65.5%", "%", 65.5), ("197个", "个", 197), ("197 个", "个", 197), ("12", "%", 12),
    ("5千瓦", "千瓦", None), ("3万", "个", None), ("约3", "个", None), ("3人", "个", None), ("1e5", "", None),
])
def test_the_import_fast_path_answers_only_plain_numbers(text, unit, value):
    from mstrack.sources.progress_cells import plain_value

    assert plain_value(text, unit) == value


@pytest.mark.parametrize(("text", "expected"), [
    ("一", 1), ("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105), ("两千", 2000), ("一千二", 1200),
    ("三百五", 350), ("一千零一十", 1010), ("九千九百九十九", 9999),
])
def test_chinese_count(text, expected):
    assert chinese_count(text) == expected


@pytest.mark.parametrize("text", ["", "十十", "五三", "百", "三千百", "零十", "百零五", "一零", "三个"])
def test_chinese_count_refuses_what_is_no_numeral(text):
    assert chinese_count(text) is None
