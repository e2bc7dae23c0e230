"""Dates as programme documents and unit reports write them, and the periods schedules name.

One reading of a period: "6月底", "第二季度", "7-9月", "上半年", "3月8日" all end on the date
period_end gives, whether they come in a date cell (parse_date) or in schedule text (the table
reader, which finds them with PERIOD_RE). Pure functions, table-tested in tests/test_quantities.py
and tests/test_import_table.py.
"""

from __future__ import annotations

import calendar
import contextlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from mstrack.domain.limits import year_problem
from mstrack.domain.quantities import chinese_count, normalize, shown
from mstrack.errors import Message, Problem


def minute_text(moment: datetime) -> str:
    """A stored time (an entry's, a batch's, a frozen report's, a file written) as every message and view prints it:
    "2024-07-01 09:30". The one format (review53 F7: it was written in seven places); the caller turns it to local
    time where it counts so."""
    return moment.strftime("%Y-%m-%d %H:%M")


class DateError(Problem, ValueError):
    """A text that is not a date we can place; the message says why."""


QUARTER_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
ISO_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", re.ASCII)
"""The form plans and most sheets use, read without NFKC (NFKC was a fifth of reading a 20,000-task plan)."""
FULL_DATE_RE = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$")
MONTH_DAY_RE = re.compile(r"^(\d{1,2})\s*(?:月|[.．])\s*(\d{1,2})\s*日?(?:前)?$")  # "6月30日", and "6.30" as tables write it
YEAR_MONTH_RE = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?(?:底|末)?(?:前)?$")
SHORT_YEAR_DATE_RE = re.compile(r"^(\d{2})\s*([-./年])\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$")
"""A year in two digits, then month and day: "23-6-30", "23/6/15", "23年6月30日", year first as Chinese dates are written
(trial53 #6: dateutil read 23-6-30 as 2030-06-23)."""
NEAR_YEARS = 1
"""Years from the programme's year (or today's) a date typed with a two-digit year may be without a doubt: further off,
the reading is said and the year asked for in full, never silently another decade."""
YEAR_WORD_RE = re.compile(r"^(?:\d{4}\s*年?)?(?:上半年|下半年|全年|年底|年末)(?:之?前)?$")
"""The halves and the end of a year a date may be named by ("上半年", "年底", "2023年底"): their last day, in the
programme's year when the text names none, as "6月底" is."""
CHINESE_DATE_NUMBER_RE = re.compile(r"([〇○零一二两三四五六七八九十]+)\s*(?=[年月日号])")
"""A date in Chinese numerals ("二〇二三年六月三十日"): each number before 年, 月, 日 or 号, read to digits first."""
CHINESE_DATE_DIGITS = frozenset("〇○零一二两三四五六七八九十")
YEAR_DIGITS = {"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7",
               "八": "8", "九": "9"}
AMBIGUOUS_DATE_RE = re.compile(r"0*(\d{1,2})\s*[-./]\s*0*(\d{1,2})\s*[-./]\s*\d{2,4}")
"""A day and a month before a year, "8/5/2023": read by dateutil month first; either way round when both are ≤ 12."""
PERIOD_DATE_RE = re.compile(  # the periods a date cell may name: "6月底", "2023年第二季度", "Q2"; their end is the date
    r"^(?:(?P<year>\d{4})\s*年\s*)?(?P<period>\d{1,2}\s*月\s*(?:底|末|份)?|第?[一二三四1-4]\s*季度(?:末|底)?)(?:前)?$"
    r"|^(?P<quarter>[Qq][1-4])$"
)


REPORT_MONTHS_AFTER = 1
"""Months after its programme's last day a report may still be dated in: the closing figures come in the month after
(the year-end figures in January)."""


DUES_YEARS_AFTER = 1
"""Years past its programme's year a task's deadline or checkpoint still carries the window of reports (to 31 December
of the year after: a 2021 list's task due 2022年12月底). A date further off (2033-12-31 typed for 2023-12-31, a table's
prose misread) is taken for a mistake: import plan says so (plan_text.far_dues), and it opens no window for years."""


def dues_limit(year: int, end: date | None = None) -> date:
    """The latest task deadline or checkpoint that carries a programme's window: 31 December of the year after its
    year (DUES_YEARS_AFTER), or its own `end`, if later (a programme that says it runs to 2026 does)."""
    limit = date(year + DUES_YEARS_AFTER, 12, 31)
    return max(limit, end) if end is not None else limit


PRINTED_YEARS_AFTER = 5
"""Years past its programme's year a deadline a published table prints is taken without a doubt: a five-year plan's
(2021-2025 in a 2021 list), and a 2016 list's 2020 (dates52: 10 of the corpus's 266 files print deadlines 2 to 5 years
after their year, rightly; none one before it, nor more than five after). Tables print other years: a doubt on every
one would be noise."""


def unlikely_deadline(day: date, year: int) -> Message | None:
    """Why a deadline read from a table is likely no date of a `year` programme (dates52: 1900-01-12, a number in a
    date cell; 2019-12-31 in a 2026 list, another year's table): before its year, or more than PRINTED_YEARS_AFTER
    after it; None for a deadline a programme's table prints."""
    if day.year < year:
        return Message("deadline {day} is before the programme's year {year}: a typo, or another year's table? check "
                       "the date", day=day, year=year)
    if day.year > year + PRINTED_YEARS_AFTER:
        return Message("deadline {day} is more than {n} years after the programme's year {year}: a typo? check the date",
                       day=day, year=year, n=PRINTED_YEARS_AFTER)
    return None


@dataclass(frozen=True)
class ReportWindow:
    """The days reports to a programme may be dated (trial50 T2): from its start (1 January of its year, if it names
    none; left50: not before it, as `log` refused) to its last day and the month after it (REPORT_MONTHS_AFTER),
    when its closing figures come in. Its last day is its `end`, or the latest task deadline or checkpoint past it,
    and 31 December of its year at the least: a school-year programme (2023-09-01..2024-08-31), or a task of a 2021
    list due 2022年12月底, is followed to its end; a deadline past dues_limit (the year after, or the `end`) is no
    reason to keep the programme open for years (fixrev50). The one rule of `log` and `import progress`
    (docs/import.md, "Dates"), of the programme's work being over (over: the check of a row that lowers its closing
    figure) and of its reports being closed (closed: what a report left without -p leaves out, cli.common.view_scope)."""

    year: int
    first: date
    last: date

    @classmethod
    def of(cls, year: int, start: date | None = None, end: date | None = None, dues=()) -> ReportWindow:
        """A programme's window from its year, start, end and its tasks' deadlines and checkpoints (`dues`)."""
        new_year, year_end = date(year, 1, 1), date(year, 12, 31)
        first = new_year if start is None else start  # not before it (left50: import took a row `log` refused)
        limit = dues_limit(year, end)
        return cls(year, first, max((year_end, *(day for day in (end, *dues) if day is not None and day <= limit))))

    @property
    def end(self) -> date:
        """The last day a report may be dated: the end of the month after the programme's last day."""
        month = self.last.month + REPORT_MONTHS_AFTER
        return month_end(self.last.year + (month - 1) // 12, (month - 1) % 12 + 1)

    def holds(self, on: date) -> bool:
        return self.first <= on <= self.end

    def over(self, on: date) -> bool:
        """Whether the programme's work is over on `on`: its last day is in it, the day after is the first day over."""
        return on > self.last

    def closed(self, on: date) -> bool:
        """Whether nothing more is reported on `on`: the month after the last day is over too."""
        return on > self.end

    def said(self) -> Message:
        """The window as a refusal names it: the year, for a programme of one calendar year (as before), else its days."""
        if self.first == date(self.year, 1, 1) and self.last == date(self.year, 12, 31):
            return Message("the programme's year {year} (or the January after)", year=self.year)
        return Message("the programme's days, {first} to {end} (its last day {last} and the month after)",
                       first=self.first, end=self.end, last=self.last)


def report_day(read: Callable[[int], date], window: ReportWindow, today: date, original: str) -> date:
    """The day a report's date stands for in a programme's `window`, `read` in a year (parse_date's, number_date's):
    the one rule of `log --as-of` and a return's date cells and title (trial63 #1). A date naming no year ("1月5日")
    is read in each year the window spans: a 2024 programme's "1月5日" is 2024-01-05, or 2025-01-05 among the closing
    figures of the January after. The one reading inside the window and not in the future is taken; of several, the
    latest while today is inside the window (a return sent in January 2025 speaks of that January, not of the
    programme's own), else refused naming them (a closed year's return: which January is no guess). A date naming its
    year reads once; one no reading fits is left to the window's and the future's refusals (the programme's year's).
    A day that is none in the programme's year (2月29日 of 2023) is read in the years of the window it is one in (a
    school year's 2024), and refused as the programme's year reads it where it is a day of none (leftover64)."""
    try:
        first = read(window.year)
    except DateError as error:
        first, missing = None, error
    readings = {first} - {None}
    for year in range(window.first.year, window.end.year + 1):
        with contextlib.suppress(DateError):
            readings.add(read(year))
    if first is not None and len(readings) == 1:
        return first
    fits = sorted(day for day in readings if window.holds(day) and day <= today)
    if not fits:
        if first is None:  # a day of the window yet to come is the future's refusal; else none of the programme's year
            if not (inside := [day for day in readings if window.holds(day)]):
                raise missing
            return inside[-1]
        return first
    if len(fits) == 1 or window.holds(today):
        return fits[-1]
    raise DateError("{value} names no year and reads as {readings}, each a day of the programme's reports: write the "
                    "year (e.g. {example})", value=shown(original), readings=" / ".join(map(str, fits)), example=fits[-1])


LEAP_YEAR = 2024
"""A year any month and day a date naming no year may name falls in (2月29日), to tell such a day from words that are
no day before a programme's year reads it."""


def check_some_day(text: str, today: date) -> None:
    """Refuse a date that is no day in any year, as `today`'s year reads it (DateError), before the programmes' years
    read it (`import progress --as-of`): a year-less 2月29日 is a day of a leap year, read in each programme's."""
    try:
        parse_date(text, today.year)
    except DateError as error:
        try:
            parse_date(text, LEAP_YEAR)
        except DateError:
            raise error from None


def named_day(text: str) -> date | None:
    """The day `text` names with its year, or None where it names no year ("12月31日"): an option's date, such as
    `import progress --as-of`, that each row then reads in its programme's days (report_day), as `log --as-of` does."""
    try:
        return parse_date(text)
    except DateError:
        return None


def month_end(year: int, month: int) -> date:
    if problem := year_problem(year):
        raise DateError(problem)
    if not 1 <= month <= 12:
        raise DateError("month {month} does not exist", month=month)
    return date(year, month, calendar.monthrange(year, month)[1])


def make_date(year: int, month: int, day: int, original: str) -> date:
    if problem := year_problem(year):
        raise DateError("{value} is not a date: {problem}", value=shown(original), problem=problem)
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError("{value} is not a date: {year}-{month:02d}-{day:02d} does not exist", value=shown(original), year=year,
                        month=month, day=day) from None


def parse_date(text: str, year: int | None = None) -> date:
    """Read "2023-06-30", "2023.6.30", "2023年6月30日", "6月30日", "6月底", "2023.12", "第二季度".

    Forms without a year take `year` (the programme's); a month alone means its last day, the
    way 完成时限 "2023.12" and checkpoints "6月底前" are meant.
    """
    body = _date_body(text)
    if (found := _short_year_date(body, year, text)) is not None:
        return found
    if (found := _numbered_date(body, year, text)) is not None:
        return found
    if re.search(r"[\u4e00-\u9fff]", body):
        raise DateError("{value} is not a date mstrack can read (try 2023-06-30 or 6月底)", value=shown(text))
    if (day := excel_day_date(body)) is not None:
        raise excel_day(text, day)
    if year is None and not re.search(r"\d{4}", body):
        raise DateError("{value} has no year", value=shown(text))
    if re.fullmatch(r"\d+(?:\.\d+)+", body) and not re.search(r"(?<!\d)\d{4}(?!\d)", body):
        # "6.301", "1.2.3": dotted numbers the forms above do not read and no year among them ("30.06.2023" is
        # dateutil's): dateutil would take what it finds no month in for the year's end
        raise DateError("{value} is not a date mstrack can read (try 2023-06-30 or 6月底)", value=shown(text))
    return _western_date(body, year, text)


EXCEL_DAYS = (32874, 73050)
"""Excel's day numbers of 1990-01-01 and 2099-12-31: five digits in a date's place (45930, a date cell formatted General
or saved to CSV as its number) read as one of these."""


def excel_day(text: str, day: date) -> DateError:
    """Refused, not read (fix51b): in a CSV or a General cell five digits are not surely a date, and mstrack reads no
    date a user did not write as one; the date it would be is said, so that the fix is a retyping."""
    return DateError("{value} is not a date mstrack can read: it looks like Excel's day number for {day} (a date cell "
                     "formatted General, or saved to CSV as a number); write it as {day}, or format the cell as a date",
                     value=shown(text), day=day)


def excel_day_date(text: str) -> date | None:
    """The date five digits in a date's place stand for as Excel's day number (45991: 2025-11-30), or None: where a
    column holds nothing but dates (a plan's 完成时限) the table reader reads it so, and says so."""
    from datetime import timedelta

    serial = re.fullmatch(r"\s*(\d{5})(?:\.0+)?\s*", text)
    if serial is None or not EXCEL_DAYS[0] <= int(serial[1]) <= EXCEL_DAYS[1]:
        return None
    return date(1899, 12, 30) + timedelta(days=int(serial[1]))


def number_date(number: float, year: int | None = None) -> date:
    """A date cell holding a number (5.3, 2026.1: a date typed 5.30 or 2026.10 into a General cell, which Excel keeps
    as a number without its trailing zero): read as its dotted text is, unless the text with a zero added is a
    date too, which the number cannot tell apart: then refused, saying how to type it."""
    text = repr(number)
    readings = [month_end(int(text[:4]), month) for month in (1, 10)] if DOTTED_OCTOBER_RE.fullmatch(text) \
        else dotted_readings(text, year)  # 2026.1: parse_date refuses its text, for a CSV's sake; a cell says it so
    if len(readings) == 2:
        found, other = readings
        raise DateError("{value} is a number, kept without the zero typed after it: {value} is {day} and {longer} is "
                        "{other}; type the date as text ('{longer}) or as a date ({other})", value=text, day=found,
                        longer=text + "0", other=other)
    return parse_date(text, year)


def dotted_readings(text: str, year: int | None) -> list[date]:
    """The dates a number's dotted text may be: "5.3" is 5.3 or 5.30 (a number keeps no zero typed after its dot), each
    that is a date, in that order; one text for any other ("5.31", "8"): the one rule of number_date and of a number
    typed into a date cell (sources.progress_values.typed_in_a_date_cell)."""
    readings = []
    for typed in (text, text + "0") if re.fullmatch(r"\d{1,4}\.\d", text) else (text,):
        with contextlib.suppress(DateError):
            readings.append(parse_date(typed, year))
    return readings


def _date_body(text: str) -> str:
    """The text to read, or why it is no date at all: empty, or signed."""
    body = text if ISO_DATE_RE.fullmatch(text) else normalize(text)  # NFKC would change nothing in it
    if not body:
        raise DateError("empty date")
    body = re.sub(r"[之以]前$", "前", body)  # "10月底之前", "6月30日以前": 之前 and 以前 are 前
    if not body.isascii():
        if not CHINESE_DATE_DIGITS.isdisjoint(body):
            body = CHINESE_DATE_NUMBER_RE.sub(_arabic_number, body)  # "二〇二三年六月三十日"
        if body.endswith("号"):
            body = re.sub(r"(\d)\s*号$", r"\1日", body)  # "6月30号", as offices say the day
    if body[0] in "+-":  # dateutil would read "-2023-06-30" as a date
        raise DateError("{value} is not a date: a date has no sign", value=shown(text))
    return body


def _arabic_number(found: re.Match) -> str:
    """A number of a date in Chinese numerals as digits: a year digit by digit ("二〇二三" 2023), a month or a day as
    counted ("三十" 30); left as it is when it reads as neither (the refusal then names the text)."""
    text = found[1]
    if found.string[found.end()] == "年":
        return "".join(YEAR_DIGITS[c] for c in text) if len(text) in (2, 4) and all(c in YEAR_DIGITS for c in text) \
            else found[0]
    number = chinese_count(text.replace("〇", "零").replace("○", "零"))
    return found[0] if number is None else str(number)


def _short_year_date(body: str, year: int | None, original: str) -> date | None:
    """A date with a two-digit year first ("23-6-30"): that year of the century of the programme's year (or today's).
    A reading more than NEAR_YEARS from both is refused, naming it and the day-first reading where there is one
    ("15/6/23" is 2015-06-23 or 2023-06-15), never read as another decade. None for any other form, and for a
    Western date it cannot be ("12/31/23": no month 31), which dateutil reads (then checked alike, _far_year)."""
    if not (m := SHORT_YEAR_DATE_RE.match(body)):
        return None
    today = date.today()
    reference = year or today.year
    century = reference // 100 * 100
    first, month, day = int(m[1]), int(m[3]), int(m[4])
    try:
        found = date(century + first, month, day)
    except ValueError:
        if m[2] == "年":  # "23年2月30日": said as any day that does not exist
            return make_date(century + first, month, day, original)
        return None
    if _near(found.year, year, today):
        return found
    readings = [found.isoformat()]
    if m[2] != "年":
        with contextlib.suppress(ValueError):
            readings.append(date(century + day, month, first).isoformat())  # day first, year last: 15/6/23
    raise _far_from(original, " / ".join(dict.fromkeys(readings)), reference, readings[-1])


def _near(found: int, year: int | None, today: date) -> bool:
    """Whether a year read from two digits is the programme's (or today's), give or take NEAR_YEARS."""
    return any(abs(found - other) <= NEAR_YEARS for other in (year, today.year) if other is not None)


def _far_from(original: str, readings, year: int, example) -> DateError:
    """The refusal of a date whose two-digit year reads far from the programme's (or today's) year: its readings named,
    the year asked for in four digits (_short_year_date, and dateutil's reading in _western_date)."""
    return DateError("{value} reads as {readings}, far from the year {year}: write the year in four digits (e.g. {example})",
                     value=shown(original), readings=readings, year=year, example=example)


def _numbered_date(body: str, year: int | None, original: str) -> date | None:
    """The forms read here, not by dateutil: a full date, a month and day, a year and month, a period
    ("6月底", "第二季度"), eight digits. None when the text is none of them."""
    if m := FULL_DATE_RE.match(body):
        return make_date(int(m[1]), int(m[2]), int(m[3]), original)
    if m := MONTH_DAY_RE.match(body):
        return make_date(_given_year(year, original), int(m[1]), int(m[2]), original)
    if m := YEAR_MONTH_RE.match(body):
        if not 1 <= int(m[2]) <= 12:  # "2023.13": said of the text typed, as a day that does not exist is
            raise DateError("{value} is not a date: month {month} does not exist", value=shown(original), month=int(m[2]))
        if DOTTED_OCTOBER_RE.fullmatch(body):
            raise lost_zero_month(original, int(m[1]))
        return period_end(f"{m[1]}年{m[2]}月前" if re.search(r"月\s*前$", body) else f"{m[1]}年{m[2]}月", int(m[1]))
    if m := PERIOD_DATE_RE.match(body):
        the_year = int(m["year"]) if m["year"] else _given_year(year, original)
        before = "前" if m["period"] and body.endswith("前") else ""  # "6月前" is before June, as in a schedule
        if (month := re.match(r"(\d+)\s*月", m["period"] or "")) and not 1 <= int(month[1]) <= 12:  # "13月"
            raise DateError("{value} is not a date: month {month} does not exist", value=shown(original), month=int(month[1]))
        return period_end((m["period"] or m["quarter"]) + before, the_year)
    if re.fullmatch(r"\d{8}", body):
        return make_date(int(body[:4]), int(body[4:6]), int(body[6:]), original)
    if YEAR_WORD_RE.match(body):  # "上半年", "年底", "2023年底"
        return period_end(body, _given_year(year, original) if not re.match(r"\d{4}", body) else int(body[:4]))
    return None


DOTTED_OCTOBER_RE = re.compile(r"\d{4}\.1")
"""A year and month "2025.1": January as typed, or October as a spreadsheet writes 2025.10 typed in a General cell
(a number keeps no zero after its dot) and saves to CSV. Neither file can tell, so neither reading is taken (trial65
#6); "2025.01", "2025.10" and "2025年1月" are read as they are."""


def lost_zero_month(original: str, year: int) -> DateError:
    """Why "2025.1" is refused: both months it may be, and how to write each (the one rule of every date read, in a
    return, a plan, a table or an option)."""
    return DateError("{value} may be January or October ({year}.10 typed as a number keeps no 0 after the dot, in a "
                     "General cell or a CSV Excel saved): write {january} for {january_end} or {october} for "
                     "{october_end}", value=shown(original), year=year, january=f"{year}-01", january_end=date(year, 1, 31),
                     october=f"{year}-10", october_end=date(year, 10, 31))


def _given_year(year: int | None, original: str) -> int:
    """The programme's year, for a form that names none."""
    if year is None:
        raise DateError("{value} has no year", value=shown(original))
    return year


def _western_date(body: str, year: int | None, original: str) -> date:
    """The long tail of Western forms ("June 30, 2023", "30/06/2023"), read by dateutil. What the text
    leaves out is taken as the Chinese forms take it: a month alone is its last day ("June 2023" is
    June 30, as "2023.6" is), a year alone its last day. dateutil fills a missing part from its default,
    so the text is read with two defaults: a part that differs between them is not in the text."""
    from datetime import datetime

    from dateutil import parser as date_parser  # only for the long tail of Western forms

    base = year or 2000
    try:
        early = date_parser.parse(body, default=datetime(base, 1, 1)).date()
        late = date_parser.parse(body, default=datetime(base, 12, 28)).date()
    except (ValueError, OverflowError):  # dateutil's own words are English only: ours are in both languages
        raise DateError("{value} is not a date mstrack can read (try 2023-06-30 or 6月底)", value=shown(original)) from None
    if problem := year_problem(early.year):
        raise DateError("{value} is not a date: {problem}", value=shown(original), problem=problem)
    if (both := AMBIGUOUS_DATE_RE.fullmatch(body)) and both[1] != both[2] and max(int(both[1]), int(both[2])) <= 12:
        raise DateError("{value} is not a date mstrack can read: day and month could be either way round (8/5 is 8 May "
                        "or August 5); write it as 2023-05-08 or 5月8日", value=shown(original))
    if not re.search(r"\d{4}", body) and early.year != base and not _near(early.year, year, date.today()):
        raise _far_from(original, early, year or date.today().year, early)
    if early.month != late.month:  # no month: the year's end
        return date(early.year, 12, 31)
    if early.day != late.day:  # no day: the month's end
        return month_end(early.year, early.month)
    return early


# --- periods as schedules name them ------------------------------------------------------------

SPAN_JOIN_CHARS = r"\-—–―~～－至到"
SPAN_JOIN = rf"[{SPAN_JOIN_CHARS}]"
"""What joins a span's two ends ("9月至12月", "5月8日-5月12日", "2018年8月－9月", "3月―5月" in a horizontal bar (U+2015,
as a PDF's copy prints it), doubled: "5月8日——5月12日"): the one set,
here for the month spans PERIOD_RE reads, for the table reader's spans (sources/table/spans.py) and for its ranges of
figures ("3－5所", figure_spans.RANGE_RE)."""
MONTH_SPAN_RE = re.compile(rf"(\d{{1,2}})月?份?{SPAN_JOIN}+(\d{{1,2}})月")  # "12月至3月", "11-2月" (spaces removed)
QUARTER_NUM = r"[一二三四1-4]"
YEAR_PREFIX = r"(?:\d{4}\s*年\s*|次年|翌年|明年)"  # "2025年3月", "次年3月": a year other than the programme's
FIRST_QUARTERS = r"(?:前(?=[二三]季度))?"  # "前三季度完成75%": the first three quarters, by 09-30
QUARTER_LABEL = (rf"{YEAR_PREFIX}?{FIRST_QUARTERS}第?{QUARTER_NUM}(?:\s*(?:[、,，和及]|{SPAN_JOIN}+)\s*第?{QUARTER_NUM})*"
                 rf"\s*季度(?:末|底)?(?:之?前)?"
                 rf"|[Qq][1-4](?![0-9])")
MONTH_NUM = r"(?:1[0-2]|0?[1-9])(?![0-9.])"
MONTH_LABEL = (
    rf"\d{{4}}\s*[.．/]\s*{MONTH_NUM}(?![0-9.．万亿千%])(?:\s*月)?(?:底之?前|底|末|之?前)?"  # "2024.5"
    rf"|{YEAR_PREFIX}?{MONTH_NUM}\s*(?:月份?)?\s*{SPAN_JOIN}+\s*{MONTH_NUM}\s*月份?(?:底之?前|底|末|之?前)?"
    rf"|{YEAR_PREFIX}?{MONTH_NUM}\s*月(?:\s*(?:[12]\d|3[01]|0?[1-9])\s*日)?(?:上旬|中旬|下旬|份之?前|份|底[之以]?前|底|末|[之以]?前)?"
)
YEAR_LABEL = r"(?:\d{4}\s*|次|翌|明)?(?:年底之?前|年底|年内|年末)|(?:\d{4}\s*年\s*|次年|翌年|明年)?(?:上半年|下半年|全年)"
PERIOD_LABEL = rf"(?:{QUARTER_LABEL}|{MONTH_LABEL}|{YEAR_LABEL})"
FEASTS = r"(?:春节|元旦|元宵|清明|五一|劳动节|端午|七一|中秋|国庆|汛期|主汛期|汛前)"
"""Days and seasons schedules date work by ("2025年春节前", "国庆节前", "汛期前") that no period names: a lunar feast
moves by weeks from year to year, a flood season by province. Read to no date (a 完成时限 of them "names no date", said),
never to their year's end (dates52)."""
FEAST_LABEL = (rf"{YEAR_PREFIX}?(?:(?:{FEASTS})节?|两节|(?<![\u4e00-\u9fff])节)(?:之?前|之?后|期间)|汛前"
               r"|(?<![\d\u4e00-\u9fff])(?:本|当|每)?月(?:底|末)之?前")
"""A time phrase with no date of its own, the feasts' and "月底前" of no month ("国庆节前", "节后", "两节期间", "月底前"):
when work is due, never what it counts ("国庆节前完成2个": no indicator 国庆节前)."""
YEAR_ALONE = rf"\d{{4}}\s*年(?!\s*\d|\s*{FEASTS})"
"""A year named alone ("2025年完成…", "到2025年，"), the whole year: not a month of it ("2025年3月") nor a feast of it."""
NEXT_YEAR_WORDS = r"(?:次|翌|明)年"
"""The words for the year after the programme's (YEAR_PREFIX): a date's part, never the subject before it ("次年3月底前")."""
PERIOD_RE = re.compile(PERIOD_LABEL)



def _plain_label(label: str) -> str:
    """A period's label as the patterns read it: full-width characters plain, no spaces, 之前 and 以前 as 前
    ("6月30日之前", "12月20日以前")."""
    return unicodedata.normalize("NFKC", label).replace(" ", "").replace("之前", "前").replace("以前", "前")


def _named_year(text: str, year: int) -> tuple[int, str]:
    """The year a label names ("2025年3月", "2024.5", "次年底") and the label without it; else the programme's."""
    if explicit := re.match(r"(\d{4})(?:年|[.．/](?=\d))", text):
        text = text[explicit.end():]
        return int(explicit[1]), "年" + text if text.startswith(("底", "末", "内")) else text  # "2025年底前"
    if following := re.match(r"[次翌明]年?(?=年|[上下全]|\d)", text):  # "次年3月", "次年底", "明年上半年"
        return year + 1, text[following.end():]
    return year, text


MONTH_BEFORE_RE = re.compile(r"(?:\d{4}\s*年\s*|\d{4}\s*[.．/]\s*)?(\d{1,2})\s*月\s*前")


def before_the_month(label: str, due: date) -> date | None:
    """"6月前" read as before June (May 31, `due`), as schedules mean it: the other reading, by the end of June, that
    offices sometimes mean, for a person to check; None for a label read one way only ("6月底前", "6月份前", "7-9月")."""
    m = MONTH_BEFORE_RE.fullmatch(_plain_label(label))
    if m is None or not 1 <= (month := int(m[1])) <= 12 or due.month % 12 + 1 != month or due != month_end(due.year, due.month):
        return None
    return month_end(due.year + (month == 1), month)


YEAR_BEFORE_RE = re.compile(r"(\d{4})\s*年?\s*之?前")


def before_the_year(label: str) -> tuple[date, date] | None:
    """"2025年前" read as before 2025 (2024-12-31), as a schedule's "2017年前" is (schedule._clause_label), and the other
    reading, by the end of 2025, that offices sometimes mean, for a person to check: (read, other); None for any other
    label ("2025年底前", "2025年")."""
    m = YEAR_BEFORE_RE.fullmatch(unicodedata.normalize("NFKC", label).replace(" ", ""))
    return None if m is None else (month_end(int(m[1]) - 1, 12), month_end(int(m[1]), 12))


QUARTER_BEFORE_RE = re.compile(r"(?:\d{4}\s*年\s*)?第?\s*([一二三四1-4])\s*季度\s*前")


def before_the_quarter(label: str, due: date) -> date | None:
    """"三季度前" read as by the quarter's end (Sep 30, `due`): the other reading, before the quarter starts (Jun 30),
    for a person to check; None for a label read one way only ("三季度末前", "三季度")."""
    m = QUARTER_BEFORE_RE.fullmatch(_plain_label(label))
    if m is None or due.month != QUARTER_WORDS[m[1]] * 3:
        return None
    quarter = QUARTER_WORDS[m[1]]
    return month_end(due.year, (quarter - 1) * 3) if quarter > 1 else date(due.year - 1, 12, 31)


def period_end(label: str, year: int) -> date:
    """Due date of a period label: "一、二季度" → the later quarter's end, "7-9月" → 9-30, "全年" → 12-31."""
    if DOTTED_OCTOBER_RE.fullmatch(plain := _plain_label(label)):  # "2027.1" in a table's 完成时限: no month guessed
        raise lost_zero_month(label, int(plain[:4]))
    year, text = _named_year(plain, year)
    if "季度" in text or re.fullmatch(r"[Qq][1-4]", text):
        quarters = [QUARTER_WORDS[c] for c in re.findall(r"[一二三四1-4]", text)]
        return month_end(year, max(quarters) * 3)
    if text.startswith("上半年"):
        return date(year, 6, 30)
    if text.startswith(("下半年", "全年", "年底", "年内", "年末")):
        return date(year, 12, 31)
    months = [int(n) for n in re.findall(r"\d+(?=\s*月)", text)] or [int(n) for n in re.findall(r"\d+", text)[:1]]
    if not months:
        raise DateError("{label!r} is not a period", label=label)
    month = months[-1]
    if ends := re.search(rf"{SPAN_JOIN}+(\d{{4}})年(?=\d{{1,2}}月)", text):  # "12月至2024年3月": the end's own year
        year = int(ends[1])
    elif (span := MONTH_SPAN_RE.search(text)) and int(span[2]) < int(span[1]):  # "12月至3月": March of the next year
        year += 1
    day = re.search(r"月(\d{1,2})日", text)
    if day:
        return make_date(year, month, int(day[1]), label)
    if text.endswith("上旬"):
        return date(year, month, 10)
    if text.endswith("中旬"):
        return date(year, month, 20)
    if text.endswith("前") and not text.endswith(("底前", "份前", "末前")) and not re.search(SPAN_JOIN, text):
        return month_end(year, month - 1) if month > 1 else date(year - 1, 12, 31)  # "10月前": before October
    return month_end(year, month)


TYPED_NUMBER_BEFORE = datetime(1901, 1, 1)
"""A timestamp before it is a number typed into a date cell (8.15 shows as 1900-01-08 03:36): kept with its time, the
part typed after the dot, so that the refusal names the cell as typed (progress_values.typed_in_a_date_cell)."""


def typed_number(moment: date) -> str:
    """The number typed into a date cell that shows a day before TYPED_NUMBER_BEFORE (1900-01-08 03:36 is 8.15, Excel's
    day number with its time as the part after the dot; 1900-03-01 is 61, past Excel's fictional 1900-02-29): what
    every reader shows of such a cell, as typed (sheets.cell_text), and what a refusal names."""
    serial = (moment - datetime(1899, 12, 31)) / timedelta(days=1) if isinstance(moment, datetime) \
        else (moment - date(1899, 12, 31)).days
    serial += (moment.date() if isinstance(moment, datetime) else moment) >= date(1900, 3, 1)
    return f"{serial:.6f}".rstrip("0").rstrip(".")
