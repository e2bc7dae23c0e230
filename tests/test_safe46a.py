"""Figures stored and shown right (safe46a, from safety46's trial): a Chinese numeral with 万 or 亿 inside (八万九千,
一万五千, 三亿五千万) on an indicator counted in 万人/万元/亿元 was stored 10^4–10^8 times too large, and 九千 read 10,000
times 9千; a stored 89000万人 printed 8.9万万人."""

import json
import time
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mstrack.domain.progress import check_value
from mstrack.domain.quantities import format_number, in_digits, parse_quantity
from mstrack.errors import InputError

from .conftest import plan_task, plan_tasks, reports_stored, write_plan
from .test_weekly_month import _write

DIGITS = "零一二三四五六七八九"


def below_ten_thousand(n: int, leading: bool = True) -> str:
    """1..9999 in Chinese numerals, as documents write them: 十二 (leading) or 一十二 (after 零), 一千零五, 三百二十."""
    text, zero = "", False
    for power, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // power % 10
        if not digit:
            zero = bool(text)
            continue
        if zero and n % (power * 10):
            text += "零"
        zero = False
        text += ("" if power == 10 and not text and leading and digit == 1 else DIGITS[digit]) + word
    return text


def chinese(n: int) -> str:
    """n written out: 八万九千, 二十万零五百, 三亿五千万, 三亿零五百万."""
    high, low = divmod(n, 10_000)
    if high >= 10_000:  # 亿 with whole 万 under it
        yi, wan = divmod(high, 10_000)
        return below_ten_thousand(yi) + "亿" + ((("零" if wan < 1000 else "") + below_ten_thousand(wan, False) + "万")
                                               if wan else "")
    if not high:
        return below_ten_thousand(low)
    return below_ten_thousand(high) + "万" + ((("零" if low < 1000 else "") + below_ten_thousand(low, False)) if low else "")


# --- 1. a numeral that writes its own 万 or 亿 is in base units -------------------------------------------------------

@pytest.mark.parametrize(("text", "unit", "value"), [
    ("八万九千", "万人", 8.9), ("一万五千", "万人", 1.5), ("一万五", "万人", 1.5), ("二十万零五百", "万人", 20.05),
    ("二十万", "万人", 20), ("八万九千人", "万人", 8.9), ("8.9万", "万人", 8.9), ("9千", "万人", 0.9),
    ("九千", "万人", 0.9), ("两千五百", "万元", 0.25), ("9000", "万人", 9000), ("三百", "万人", 300),
    ("三亿五千万", "亿元", 3.5), ("三亿五千万", "万元", 35000), ("三亿五千万元", "亿元", 3.5), ("一亿二千万", "亿元", 1.2),
    ("八万九千", "人", 89000), ("九千", "个", 9000), ("一千二百万", "万元", 1200), ("十二点五万", "万人", 12.5),
    ("三万五千亿", "亿元", 35000),
])
def test_a_numeral_with_its_own_scale_is_read_in_base_units(text, unit, value):
    assert check_value(text, unit, "n") == (value, [])


@pytest.mark.parametrize(("text", "written"), [
    ("八万九千", "8.9万"), ("一万五", "1.5万"), ("二十万零五百人", "20.05万人"), ("三亿五千万元", "3.5亿元"),
    ("一亿零五百万", "1.05亿"), ("九千", "9千"), ("一千零五", "1.005千"), ("一千二百万", "1200万"), ("三百", "300"),
    ("两万人", "2万人"), ("百分之八十", "80%"), ("十二点五", "12.5"),
])
def test_a_numeral_in_digits_keeps_the_scale_it_writes(text, written):
    assert in_digits(text) == written


@given(st.one_of(st.integers(min_value=1, max_value=99_999_999),
                 st.integers(min_value=1, max_value=9_999_9999).map(lambda n: n * 10_000)))
def test_any_numeral_reads_as_the_number_it_writes_whatever_the_unit_scale(n):
    """A numeral that writes 千, 万 or 亿 is in base units (八万九千 is 89000 人, 8.9万人), as 8.9万 and 9千 are."""
    text = chinese(n)
    assert parse_quantity(text).value == n, text
    assert Decimal(str(check_value(text, "人", "n")[0])) == n, text
    if n < 1000:  # no 千, 万 or 亿 written: a bare count in the indicator's unit, as digits are (a bare 300 is 300万人)
        assert check_value(text, "万人", "n")[0] == n, text
        return
    assert Decimal(str(check_value(text, "万人", "n")[0])) * 10_000 == n, text
    assert Decimal(str(check_value(text, "亿元", "n")[0])) * 10**8 == n, text


@pytest.mark.parametrize(("value", "unit", "shown"), [
    (89000, "万人", "89000万人"), (35000, "万元", "35000万元"), (150000, "亿元", "150000亿元"), (89000, "人", "8.9万人"),
    (89000, "", "8.9万"), (8.9, "万人", "8.9万人"),
])
def test_a_value_in_a_scaled_unit_is_printed_without_a_second_scale(value, unit, shown):
    assert format_number(value, unit) == shown


PLAN = plan_tasks(plan_task("1", "培训 50 万人次", "市人社局", "培训人数", "万人", 50, milestones=[("2023-12-31", 50)]),
                  plan_task("2", "完成投资 3.5 亿元", "市发改委", "完成投资", "亿元", 3.5))


@pytest.mark.parametrize(("task", "text", "stored"), [
    ("1", "八万九千", 8.9), ("1", "一万五千", 1.5), ("1", "二十万零五百", 20.05), ("1", "九千", 0.9), ("2", "三亿五千万", 3.5),
])
def test_log_stores_a_numeral_with_inner_wan_in_the_indicators_unit(cli, tmp_path, task, text, stored):
    assert cli("import", "plan", str(write_plan(tmp_path / "p.toml", PLAN, "n-2023"))).exit_code == 0
    result = cli("log", f"n-2023/{task}", "--as-of", "2023-05-01", "--", text)
    assert result.exit_code == 0, result.output
    assert cli.sql("select value from report") == [(stored,)]
    assert "万万" not in result.output and "亿亿" not in result.output


def test_import_progress_stores_a_numeral_with_inner_wan_in_the_indicators_unit(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "p.toml", PLAN, "n-2023"))).exit_code == 0
    sheet = tmp_path / "r.csv"
    sheet.write_text("计划,任务编号,指标,截至日期,数值\nn-2023,1,培训人数,2023-05-31,一万五千\n"
                     "n-2023,2,完成投资,2023-05-31,三亿五千万\n", encoding="utf-8")
    result = cli("import", "progress", str(sheet))
    assert result.exit_code == 0, result.output
    assert sorted(cli.sql("select value from report")) == [(1.5,), (3.5,)]


def test_export_template_prints_a_target_in_wan_yuan_once_scaled(cli, tmp_path):
    plan = plan_tasks(plan_task("1", "完成投资", "市发改委", "完成投资", "万元", 35000))
    assert cli("import", "plan", str(write_plan(tmp_path / "p.toml", plan, "n-2023"))).exit_code == 0
    out = tmp_path / "t.xlsx"
    result = cli("export", "template", "n-2023", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = " ".join(str(cell) for row in openpyxl.load_workbook(out).active.iter_rows(values_only=True) for cell in row)
    assert "35000万元" in text and "万万" not in text


def test_a_value_far_above_the_annual_target_is_stored_with_a_warning(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "p.toml", PLAN, "n-2023"))).exit_code == 0
    result = cli("log", "n-2023/1", "--as-of", "2023-05-01", "--", "600")  # a bare 600 on 万人: 600万人, 12 times 50
    assert result.exit_code == 0, result.output
    assert "n-2023/1 培训人数: 600万人 is more than 3 times its annual target of 50万人" in result.output
    assert cli.sql("select value from report") == [(600,)]
    result = cli("log", "n-2023/1", "--as-of", "2023-05-02", "--", "150")  # 3 times: no warning
    assert result.exit_code == 0 and "times its annual target" not in result.output, result.output
    sheet = tmp_path / "r.csv"
    sheet.write_text("计划,任务编号,指标,截至日期,数值\nn-2023,1,培训人数,2023-05-31,一万五千万\n", encoding="utf-8")
    result = cli("import", "progress", str(sheet))
    assert result.exit_code == 0, result.output
    assert "r.csv:2: n-2023/1 培训人数: 15000万人 is more than 3 times its annual target of 50万人" in result.output


# --- 2. a true negative figure: a ceiling's, a rate of change's ------------------------------------------------------

CEILING = plan_tasks(
    plan_task("1", "居民消费价格涨幅控制在3%以内", "市发改委", "居民消费价格涨幅", "%", 3, comparator="<="),
    plan_task("2", "新建学位 1000 个", "市教育局", "新增学位", "个", 1000),
    plan_task("3", "地区生产总值增长6%", "市发改委", "地区生产总值增速", "%", 6),
    plan_task("4", "农村自来水普及率达到90%", "市水务局", "自来水普及率", "%", 90))


@pytest.mark.parametrize(("text", "unit", "comparator", "indicator", "value"), [
    ("-0.3", "%", "<=", "居民消费价格涨幅", -0.3), ("-0.3%", "%", "<=", "居民消费价格涨幅", -0.3),
    ("-2", "万吨", "<=", "碳排放量", -2), ("-1.2%", "%", ">=", "地区生产总值增速", -1.2),
    ("-1.2%", "%", ">=", "工业增加值增长", -1.2), ("-5%", "%", "=", "进出口增幅", -5),
])
def test_a_negative_figure_is_taken_on_a_ceiling_or_a_rate_of_change(text, unit, comparator, indicator, value):
    assert check_value(text, unit, indicator, comparator=comparator) == (value, [])


@pytest.mark.parametrize(("text", "unit", "comparator", "indicator"), [
    ("-5", "个", ">=", "新增学位"), ("-5", "个", "=", "新增学位"), ("-0.5万", "万人", ">=", "培训人数"),
    ("-5%", "%", ">=", "自来水普及率"), ("-5", "万元", ">=", "完成投资"),
])
def test_a_negative_figure_is_refused_where_it_cannot_be_true(text, unit, comparator, indicator):
    with pytest.raises(InputError, match=f"{indicator} cannot be negative: only a ceiling"):
        check_value(text, unit, indicator, comparator=comparator)


def test_log_and_import_store_a_negative_figure_of_a_ceiling_and_refuse_a_negative_count(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "p.toml", CEILING, "c-2023"))).exit_code == 0
    result = cli("log", "--as-of", "2023-06-30", "--", "c-2023/1", "-0.3")
    assert result.exit_code == 0, result.output
    assert "-0.3%" in result.output
    sheet = tmp_path / "r.csv"
    sheet.write_text("计划,任务编号,指标,截至日期,数值\nc-2023,1,,2023-07-31,-0.5%\nc-2023,2,,2023-07-31,600\n"
                     "c-2023,3,,2023-07-31,-1.2%\n", encoding="utf-8")
    result = cli("import", "progress", str(sheet))
    assert result.exit_code == 0, result.output
    assert reports_stored(cli) == [("地区生产总值增速", "2023-07-31", -1.2), ("居民消费价格涨幅", "2023-06-30", -0.3),
                                   ("居民消费价格涨幅", "2023-07-31", -0.5), ("新增学位", "2023-07-31", 600)]
    status = json.loads(cli("status", "-p", "c-2023", "--as-of", "2023-08-01", "--format", "json").output)
    assert {row["indicator"]: row["actual"] for row in status}["居民消费价格涨幅"] == -0.5
    result = cli("log", "--as-of", "2023-08-01", "--", "c-2023/2", "-5")
    assert result.exit_code == 2
    assert "新增学位 cannot be negative" in result.output
    sheet.write_text("计划,任务编号,指标,截至日期,数值\nc-2023,4,,2023-08-31,-5%\nc-2023,2,,2023-08-31,700\n",
                     encoding="utf-8")
    result = cli("import", "progress", str(sheet))
    assert result.exit_code == 2 and "r.csv:2:数值: '-5%': 自来水普及率 cannot be negative" in result.output, result.output
    assert len(reports_stored(cli)) == 4


# --- 3. the annual 一览表 and the year-end figures reported in January ------------------------------------------------

def test_the_annual_report_says_which_reports_dated_after_it_it_leaves_out(cli, tmp_path):
    plan = plan_tasks(plan_task("1", "新建学位 1000 个", "市教育局", "新增学位", "个", 1000),
                      plan_task("2", "新建道路 5 条", "市交通局", "道路", "条", 5))
    assert cli("import", "plan", str(write_plan(tmp_path / "p.toml", plan, "a-2023"))).exit_code == 0
    assert cli("log", "a-2023/1", "800", "--as-of", "2023-12-20").exit_code == 0
    quiet = cli("report", "annual", "-p", "a-2023", "--format", "json")
    assert quiet.exit_code == 0 and "dated after" not in quiet.stderr, quiet.stderr
    assert cli("log", "a-2023/1", "1000", "--as-of", "2024-01-10", "--note", "年度终报").exit_code == 0
    assert cli("log", "a-2023/2", "5", "--as-of", "2024-01-05").exit_code == 0
    result = cli("report", "annual", "-p", "a-2023", "--format", "json")
    assert result.exit_code == 0, result.output
    assert ("2 reports dated after 2023-12-31 (the latest 2024-01-10) are not in this report: give --as-of 2024-01-31 "
            "to count the closing figures reported after the programme's last day") in result.stderr, result.stderr
    assert '"value": 800,' in result.stdout and '"value": 1000,' not in result.stdout
    counted = cli("report", "annual", "-p", "a-2023", "--as-of", "2024-01-31", "--format", "json")
    assert counted.exit_code == 0 and "dated after" not in counted.stderr and '"value": 1000,' in counted.stdout, counted.output
    assert len(reports_stored(cli)) == 3


# --- 4. entry times: stored in UTC, judged and printed in the local zone ----------------------------------------------

@pytest.fixture
def shanghai(monkeypatch):
    """The office's zone, Asia/Shanghai (UTC+8), for the test's process (time.tzset: Python's local time follows
    TZ); PGTZ set to another zone, so that a PostgreSQL session's zone can decide nothing."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    monkeypatch.setenv("PGTZ", "Etc/GMT+10")
    time.tzset()
    try:
        yield
    finally:
        monkeypatch.undo()
        time.tzset()


def _entered_at(cli, value: float, utc: str) -> None:
    """Dates a report's entry and its batch's (a command stamps now) at an instant given in UTC."""
    stamp = f"{utc}.000000" if cli.url.startswith("sqlite") else f"{utc}+00"
    _write(cli, "UPDATE report SET entered_at = :at WHERE value = :value", {"at": stamp, "value": value})
    _write(cli, "UPDATE batch SET created_at = :at WHERE id IN (SELECT batch_id FROM report WHERE value = :value)",
           {"at": stamp, "value": value})


def _weekly_reports(cli, since: str, on: str) -> list[tuple]:
    result = cli("report", "weekly", "--since", since, "--as-of", on, "--format", "json")
    assert result.exit_code == 0, result.output
    return [(r["as_of"], r["value"], r["entered_at"]) for r in json.loads(result.stdout)["changes"]["reports"]]


def test_a_correction_entered_early_in_the_local_morning_is_in_that_weeks_report(cli, tmp_path, shanghai):
    """Entered 2023-07-08 23:30 UTC, 07-09 07:30 in Shanghai: new in the week after the report of 07-08 (it was
    in neither: the window judged the UTC day, 07-08, not after that report's --since)."""
    plan = plan_tasks(plan_task("1", "筛查", "市卫生健康局", "筛查", "人", 34000))
    assert cli("import", "plan", str(write_plan(tmp_path / "p.toml", plan, "w-2023"))).exit_code == 0
    assert cli("log", "w-2023/1", "100", "--as-of", "2023-07-01").exit_code == 0
    assert cli("log", "w-2023/1", "120", "--as-of", "2023-07-01", "--reason", "更正").exit_code == 0
    _entered_at(cli, 100, "2023-07-01 02:00:00")
    _entered_at(cli, 120, "2023-07-08 23:30:00")
    assert _weekly_reports(cli, "2023-07-08", "2023-07-14") == [("2023-07-01", 120, "2023-07-09T07:30:00+08:00")]
    assert _weekly_reports(cli, "2023-07-01", "2023-07-08") == []
    history = cli("history", "w-2023/1")
    assert history.exit_code == 0 and "2023-07-09 07:30" in history.output and "2023-07-08 23:30" not in history.output
    batches = cli("batches")
    assert batches.exit_code == 0 and "2023-07-09 07:30" in batches.output, batches.output
    entries = json.loads(cli("history", "w-2023/1", "--format", "json").stdout)
    assert [e["entered_at"] for e in entries] == ["2023-07-01T10:00:00+08:00", "2023-07-09T07:30:00+08:00"]
    assert [value for (value,) in cli.sql("SELECT value FROM report ORDER BY id")] == [100, 120]


def test_an_entry_time_read_back_is_the_same_instant_in_any_zone(shanghai):
    from datetime import UTC, datetime

    from mstrack.store.dialect import moment, sqlite_moment

    local = moment("2023-07-08 23:30:00.000000")  # as SQLite holds it: UTC without a zone
    assert local.isoformat() == "2023-07-09T07:30:00+08:00"
    assert moment(datetime(2023, 7, 8, 13, 30, tzinfo=UTC).astimezone()) == local.replace(hour=21, day=8)
    assert sqlite_moment(local) == "2023-07-08 23:30:00.000000"  # stored back as UTC, never as the local wall time
