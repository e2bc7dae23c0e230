"""The one reading of a date span (sources/table/spans.py): every spelling of a span the corpus prints (tests/data/
tables: "4月10日至4月25日", "2019年8月15日—9月15日", "2018年9月6日至12日", "2023年12月17日至2024年3月15日", "2018年8月－9月",
"2018年4-9月"), its end, its first day or month, and the readers that date work by it (list_deadlines._period,
list_stages' stages, schedule.parse_deadline and span_start)."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.domain.dates import period_end
from mstrack.sources.table.list_deadlines import shared_deadlines
from mstrack.sources.table.schedule import outlet_dates, parse_deadline, span_start
from mstrack.sources.table.spans import JOIN_RE, day_span, first_of, span_end

ENDS = [
    ("4月10日至4月25日", "4月25日"),  # pingtan-2021-cunzhuang
    ("11月1日至11月15", "11月15"),  # the end's 日 left out as printed
    ("2015年6月29日—7月8日", "2015年7月8日"),  # zhaoshan-2015-gongshi: the start's year
    ("2019年8月15日—9月15日", "2019年9月15日"),  # pingtan-2019-liangbuchou
    ("2023年5月16日-5月31日", "2023年5月31日"),  # pingtan-2023-chuangcheng
    ("2023年12月17日至2024年3月15日", "2024年3月15日"),  # pingtan-2023-dongchun: across a year's end
    ("2018年11月-2019年6月", "2019年6月"),  # pingtan-2018-chanquan
    ("2016年5月—2016年12月", "2016年12月"),  # pingtan-2016-bingmei
    ("2018年9月-11月", "2018年11月"),  # pingtan-2018-dataolun
    ("2018年8月－9月", "2018年9月"),  # pingtan-2018-dataolun: a full-width hyphen
    ("2018年4-9月", "2018年9月"),  # pingtan-2018-chanquan: one 月 for both months
    ("2018年9月6日至12日", "2018年9月12日"),  # pingtan-2018-yizhen: the end a day of the start's month
    ("2016年10月24日—30日", "2016年10月30日"),  # pingtan-2016-jiankang
    ("10月24日-28日", "10月28日"),
    ("9月至12月", "12月"),
    ("5月8日——5月12日", "5月12日"),  # a doubled dash is one join
    ("2023年12月16日前", "2023年12月16日前"),  # no span: the date as printed
]


@pytest.mark.parametrize(("span", "end"), ENDS)
def test_a_spans_end_takes_the_year_and_month_its_start_names_when_it_names_none(span, end):
    assert span_end(span) == end


FIRSTS = [
    ("4月10日至4月25日", "4月10日"),
    ("2023年5月16日-5月31日", "2023年5月16日"),
    ("2016年10月24日—30日", "2016年10月24日"),  # a day's span with a bare end starts on its first day
    ("2023年12月17日至2024年3月15日", "2023年12月17日"),
    ("2023年9月-10月", "2023年9月"),  # a span of months starts in its first month
    ("2018年8月－9月", "2018年8月"),
    ("9月份至12月", "9月"),
    ("2018年4-9月", None),  # one 月 for both: no first month printed whole
    ("2023年12月16日前", None),
    ("12月底", None),
]


@pytest.mark.parametrize(("span", "first"), FIRSTS)
def test_a_spans_first_day_or_month_as_printed(span, first):
    assert first_of(span) == first


def test_a_span_of_two_days_is_read_whole_or_not_at_all():
    assert day_span("4月10日至4月25日") == ("4月10日", "4月25日")
    assert day_span("11月1日至11月15") == ("11月1日", "11月15日")
    assert day_span("2018年9月6日至12日") == ("2018年9月6日", "2018年9月12日")
    assert day_span("2023年12月17日至2024年3月15日") == ("2023年12月17日", "2024年3月15日")
    assert day_span("5月8日——5月12日") == ("5月8日", "5月12日")
    assert day_span("4月至5月") is None
    assert day_span("4月10日") is None
    assert day_span("4月10日至4月25日完成") is None


def test_one_set_of_joins_for_every_reader():
    for join in ["至", "到", "—", "–", "―", "-", "~", "～", "－", "——"]:  # ― (U+2015) as figure ranges take it
        assert JOIN_RE.fullmatch(f" {join} "), join
        assert period_end(f"9月{join}12月", 2023) == date(2023, 12, 31), join
        assert parse_deadline(f"5月8日{join}5月12日", 2023) == date(2023, 5, 12), join
        assert span_start(f"5月8日{join}5月12日", 2023) == (date(2023, 5, 8), "5月8日起"), join
    assert JOIN_RE.fullmatch("和") is None


def test_a_cells_span_is_due_on_its_last_day_in_the_year_its_start_names():
    assert parse_deadline("2016年10月24日-28日", 2016) == date(2016, 10, 28)  # not its first day
    assert span_start("2016年10月24日-28日", 2016) == (date(2016, 10, 24), "2016年10月24日起")
    assert parse_deadline("2018年8月－9月", 2019) == date(2018, 9, 30)  # the year printed, not the programme's
    assert parse_deadline("11月1日至11月15", 2021) == date(2021, 11, 15)
    assert parse_deadline("2023年12月17日至2024年3月15日", 2023) == date(2024, 3, 15)


def test_a_part_naming_the_period_of_the_work_is_due_at_its_end():
    for text, end in [("2023年5月25日-12月31日", "2023年12月31日"), ("…，自2021年3月25日至6月20日。", "2021年6月20日"),
                      ("2018年9月6日至12日", "2018年9月12日"), ("2016年10月24日—30日", "2016年10月30日"),
                      ("2018年8月－9月", "2018年9月")]:
        year = int(end[:4])
        assert shared_deadlines(["二、工作时限", text], year)[0] == end, text
    assert shared_deadlines(["二、工作时限", "2022年5月25日-12月31日"], 2023) is None  # another year's period


def test_an_outlets_span_gives_its_first_and_last_day():
    found = outlet_dates("县报，5月15日；县电视台，5月8日——5月12日；县网站，5月10日", 2016)
    assert [due for _, due, _ in found] == [date(2016, 5, d) for d in (8, 10, 12, 15)]


JOINS = ["至", "到", "-", "—", "–", "―", "~", "～", "－", "——"]


@pytest.mark.parametrize("join", JOINS)
def test_every_span_of_years_quarters_or_months_takes_the_one_set_of_joins(join):
    """The spans the reader reads elsewhere (years, quarters, a report's months, a title's years, months printed in
    Chinese numerals) join their ends by the same set as a span of days."""
    from mstrack.domain.dates import PERIOD_RE
    from mstrack.sources.table.convert import TITLE_YEAR_RE
    from mstrack.sources.table.list_work import PROGRESS_RE
    from mstrack.sources.table.mentions import YEAR_SPAN_RE
    from mstrack.sources.table.schedule import REPORT_MONTH_RE, arabic_date
    from mstrack.sources.table.spans import YEARS_ALONE_RE

    assert parse_deadline(f"2022{join}2023", 2022) == date(2023, 12, 31)  # 起止年限: the later year's end
    assert PERIOD_RE.fullmatch(f"一{join}三季度")
    assert REPORT_MONTH_RE.search(f"2024年1{join}7月推进情况表")[2] == "7"
    assert arabic_date(f"2024年六月{join}十二月") == f"2024年6月{join}12月"
    assert YEAR_SPAN_RE.search(f"2021{join}2023年完成")[2] == "2023"
    assert TITLE_YEAR_RE.search(f"2021{join}2023年行动计划")[2] == "2023"
    assert YEARS_ALONE_RE.match(f"2022{join}2023") and YEARS_ALONE_RE.match(f"2022{join}2023年底")
    assert PROGRESS_RE.search(f"1{join}5月完成投资2亿元")


def test_an_end_naming_no_year_whose_month_comes_before_the_starts_is_in_the_next_year():
    """"2023年12月17日至1月15日" (a winter's work): January 2024, not January 2023 nor the programme's year."""
    assert span_end("2023年12月17日至1月15日") == "2024年1月15日"
    assert day_span("2023年12月17日至1月15日") == ("2023年12月17日", "2024年1月15日")
    assert parse_deadline("2023年12月17日至1月15日", 2024) == date(2024, 1, 15)
    assert parse_deadline("2023年12月17日至1月15日", 2023) == date(2024, 1, 15)
    assert period_end("2023年12月至3月", 2023) == date(2024, 3, 31)
    assert period_end("12月至3月", 2023) == date(2024, 3, 31)  # a month span in the programme's year runs into the next
    assert period_end("2023年12月至2024年3月", 2023) == date(2024, 3, 31)  # the end's own year
    assert period_end("2023年9月-10月", 2023) == date(2023, 10, 31)
    assert period_end("7-9月", 2023) == date(2023, 9, 30)


def test_a_span_naming_no_year_whose_end_month_comes_first_ends_in_the_next_year():
    """dates52: "12月17日至1月15日" printed with no year starts in the programme's year and ends in January of the next,
    as the dated form does: not January of the programme's year, a month before the work starts."""
    assert span_end("12月17日至1月15日") == "次年1月15日"
    assert span_end("12月至3月") == "次年3月"
    assert day_span("12月17日至1月15日") == ("12月17日", "次年1月15日")
    assert parse_deadline("12月17日至1月15日", 2023) == date(2024, 1, 15)
    assert parse_deadline("12月17日―1月15日", 2023) == date(2024, 1, 15)
    assert span_start("12月17日至1月15日", 2023) == (date(2023, 12, 17), "12月17日起")
    assert span_end("9月至12月") == "12月"  # an end after the start: the programme's year, as before
    assert parse_deadline("11月1日至11月15", 2021) == date(2021, 11, 15)


def test_a_span_whose_end_comes_before_its_start_is_no_span():
    """"6月30日－1": a date and a figure after it (a row's number, a count), not a span ending on June 1st."""
    assert day_span("6月30日－1") is None
    assert span_end("6月30日－1") == "6月30日－1"
    assert span_end("2024年6月30日－1") == "2024年6月30日－1"
    assert parse_deadline("6月30日－1", 2024) != date(2024, 6, 1)
    assert day_span("6月30日至6月1日") is None


def test_numbers_joined_by_a_dash_are_no_span_of_dates():
    """A telephone number ("0591－23153280", "0591－2315") or a figure range ("3－5个") names no date."""
    assert parse_deadline("0591－23153280", 2024) is None
    assert parse_deadline("0591－2315", 2024) is None
    assert parse_deadline("3－5个", 2024) is None
    assert span_end("3－5个") == "5个"
    assert parse_deadline("2022－2023", 2022) == date(2023, 12, 31)  # a span of years still is one
