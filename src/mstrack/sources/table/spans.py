"""A date span as documents print it ("4月10日至4月25日", "2019年8月15日—9月15日", "2018年9月6日至12日", "2023年12月17日至
2024年3月15日", "2023年9月-10月"): its first day or month and its end, read one way for every part of the table reader
that dates work by a span (a part naming the period of the work, list_deadlines; a stage's span, list_stages; a
完成时限 cell, schedule). The joins are the domain's one set (domain.dates.SPAN_JOIN), which its month spans ("7-9月")
read too. Tested on each spelling the corpus prints (tests/test_spans.py)."""

from __future__ import annotations

import re

from mstrack.domain.dates import MONTH_SPAN_RE, SPAN_JOIN, SPAN_JOIN_CHARS

JOIN = SPAN_JOIN
JOIN_CHARS = SPAN_JOIN_CHARS  # to add to a class of characters of one's own: "[年月{JOIN_CHARS}]"
JOIN_RE = re.compile(rf"\s*{JOIN}+\s*")  # "至", " - ", "——": one join
YEAR = r"\d{4}\s*年\s*"
MONTH = rf"(?:{YEAR})?\d{{1,2}}\s*月"  # "9月", "2023年9月"
DAY = rf"{MONTH}\s*\d{{1,2}}\s*日"  # "4月10日", "2023年5月16日"
FIRST_DAY_RE = re.compile(rf"^\s*({DAY})\s*{JOIN}")  # a span of days: "2023年5月16日-5月31日"
FIRST_MONTH_RE = re.compile(rf"^\s*({MONTH})份?\s*{JOIN}+\s*{MONTH}")  # a span of months: "2023年9月-10月"
# "4月10日至4月25日", "11月1日至11月15" (the end's 日 left out as its start printed it), "2018年9月6日至12日" (the end a
# day of the start's month): a span of two days, the whole text
DAY_SPAN_RE = re.compile(rf"({DAY})\s*{JOIN}+\s*((?:{MONTH}\s*)?\d{{1,2}})\s*日?")
YEAR_RE = re.compile(rf"^\s*({YEAR})")
LAST_MONTH_RE = re.compile(r"(\d{1,2}\s*月)(?!.*月)")
MONTH_DAY_RE = re.compile(r"(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日?)?")  # "12月17日", "1月15", "9月"
# a span of years, each maybe with its month ("2015-2017", "2023年—2025年", "2022.03-2024.12", "2023-2025年"): its first
# and last year (groups 1, 2); the one pattern of a 建设年限 cell (target_columns, build) and a clause's years (mentions)
SPAN_YEAR = r"((?:19|20)\d{2})\s*(?:年\s*(?:\d{1,2}\s*月)?|[.．/]\d{1,2})?"
YEARS_SPAN = rf"{SPAN_YEAR}\s*{JOIN}+\s*{SPAN_YEAR}"
# a text that is a span of years alone, maybe to its end ("2022-2023", "2023年—2025年", "2023-2025年底"): a 建设期限 cell
# (target_columns._project_size), a checkpoint's words that only restate the task's span (build._restates_deadline)
YEARS_ALONE_RE = re.compile(rf"^\s*{YEARS_SPAN}\s*(?:底|前)?\s*$")
EVENT_SPAN_HEADER = "活动起止时间"
"""The column a plan's events' times make (list_events: "时间：2018年8月1日至8月7日" under "（一）加大宣传"): the days the
event runs, kept as printed, due at its end, its first day no start of work (figures: no span_start checkpoint); read as
a deadline by its 起止 (columns)."""


def days_pattern(day: str = DAY, month: str = MONTH) -> str:
    """A day, or a span of days whose end names its month only where it changes ("8月16日—18日", "7月24日—8月2日"):
    `day` and `month` as the text may print them (with a year or not)."""
    return rf"{day}(?:\s*{JOIN}+\s*(?:{month}\s*)?\d{{1,2}}\s*日)?"


def time_label(kinds: str, marks: str = "：:", optional: bool = False) -> str:
    """A label naming the time of a kind of work ("报名时间：", "抽签时间:"), up to the day it gives: `kinds` the words
    before 时间 (alternatives, or a class of characters), `marks` what closes it, left out where `optional`."""
    return rf"(?:{kinds})时间\s*[{marks}]{'?' if optional else ''}\s*"


def sent_by(day: str, verbs: str) -> str:
    """A day something is sent by ("于3月20日下班前将电子表格…报送至…", "…于2021年5月5日前统一报送…"): `day` the day's
    pattern (the group), `verbs` what sends it, the first of them after the day in its sentence."""
    return rf"于\s*({day})\s*(?:下班)?\s*之?前[^。；;]*?(?:{verbs})"


NEXT_YEAR = "次年"  # the year after the programme's, as domain.dates reads it (YEAR_PREFIX, period_end)


def span_end(span: str) -> str:
    """The end of a span, with the year and the month its start names when it names none ("2019年8月15日—9月15日" →
    "2019年9月15日", "2018年9月6日至12日" → "2018年9月12日"): a date the end alone would misplace (the programme's year,
    or no month). An end whose month comes before its start's is in the year after the start's ("2023年12月17日至1月15日"
    → "2024年1月15日"; "12月17日至1月15日" → "次年1月15日", the start in the programme's year, as period_end reads "12月至3月").
    A text that is no span comes back as printed, stripped."""
    parts = JOIN_RE.split(span.strip(), maxsplit=1)
    start, end = parts[0], parts[-1].strip()
    day = end.endswith("日") or (re.fullmatch(r"\d{1,2}", end) and start.endswith("日"))  # "12日", "6月30日－1"
    if len(parts) == 2 and "月" not in end and day and (month := LAST_MONTH_RE.search(start)):
        end = f"{month[1]}{end}"  # "12日": a day of the start's month
    order = _order(start, end) if len(parts) == 2 else 1
    if order is None:
        return span.strip()  # "6月30日－1": the end before the start, no span
    year = YEAR_RE.match(start)
    if YEAR_RE.match(end):
        return end
    if not year:  # "12月17日至1月15日": the next year's January as well, the start in the programme's year
        return f"{NEXT_YEAR}{end}" if order < 0 else end
    if order < 0:  # "2023年12月17日至1月15日": the end's month before the start's, in the next year
        return f"{int(year[1].strip().removesuffix('年').strip()) + 1}年{end}"
    return f"{year[1]}{end}"


def over_new_year(span: str) -> bool:
    """Whether a span printed with no year runs over a year's end ("12月20日至1月10日", "12月至3月", "11-2月"): read from
    the programme's year into the next (span_end, domain.dates' MONTH_SPAN_RE as period_end reads it), though the winter
    before it may be meant: a reading for a person to check. A date that names the next year itself ("次年3月底前") is no
    span and means what it says."""
    text = re.sub(r"\s+", "", span)
    if len(JOIN_RE.split(text, maxsplit=1)) != 2 or YEAR_RE.match(text):
        return False
    if (months := MONTH_SPAN_RE.search(text)) and int(months[2]) < int(months[1]):
        return True
    return span_end(text).startswith(NEXT_YEAR)


def _order(start: str, end: str) -> int | None:
    """How a span's end stands to its start, both read without a year: 1 when it comes later (or either names no month
    to compare), -1 when its month comes before the start's (the next year's: "12月17日至1月15日"), None when it comes
    before the start in the same month ("6月30日－1": a date and a figure after it, no span)."""
    if not (first := MONTH_DAY_RE.findall(start)) or not (last := MONTH_DAY_RE.findall(end)):
        return 1
    (start_month, start_day), (end_month, end_day) = first[-1], last[0]
    if int(end_month) != int(start_month):
        return 1 if int(end_month) > int(start_month) else -1
    return None if start_day and end_day and int(end_day) < int(start_day) else 1


def first_of(span: str) -> str | None:
    """A span's first day ("2023年5月16日-5月31日": "2023年5月16日") or first month ("2023年9月-10月": "2023年9月") as
    printed, from its start; None when the text opens with no span of days or months ("2018年4-9月" prints its first
    month without 月)."""
    return m[1] if (m := FIRST_DAY_RE.match(span) or FIRST_MONTH_RE.match(span)) else None


def day_span(text: str) -> tuple[str, str] | None:
    """The first and the last day of a text that is a span of two days and nothing else ("4月10日至4月25日" → ("4月10日",
    "4月25日")), the last as span_end completes it, with its 日; None for any other text."""
    if not (m := DAY_SPAN_RE.fullmatch(text.strip())) or (end := span_end(f"{m[1]}至{m[2]}日")) == f"{m[1]}至{m[2]}日":
        return None  # "6月30日－1": the end before the start, no span
    return m[1], end
