"""Chinese quantities and dates as written in programme documents and unit reports.

Pure functions: no I/O, no store. Everything here is table-tested in tests/test_quantities.py.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from mstrack.domain.characters import simplified
from mstrack.domain.limits import number_problem
from mstrack.errors import Problem
from mstrack.vocabulary import (
    APPROX_SUFFIXES,
    AT_LEAST,
    AT_LEAST_PREFIXES,
    AT_LEAST_SUFFIXES,
    AT_MOST,
    AT_MOST_PREFIXES,
    AT_MOST_SUFFIXES,
    COUNTABLE_UNITS,
    EQUAL,
    STEP,
)

SCALES = {  # the one list of scales a figure is written in ("1千万元", "3百万人"): every reader's patterns are built from it
    "万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6,
    "万": Decimal(10_000), "千": Decimal(1_000),
}
SCALE_ALT = "|".join(sorted(SCALES, key=len, reverse=True))  # 万亿|千万|百万|亿|万|千: the longest first
# the scales a unit may open with ("千万元", "万人"): 千 alone is none, 千米 and 千瓦 are units of their own
UNIT_SCALE_ALT = "|".join(s for s in sorted(SCALES, key=len, reverse=True) if s != "千")

APPROX_PREFIXES = ("约", "大约")
CUMULATIVE_PREFIXES = ("累计",)
FILLER_PREFIXES = ("达到", "达", "完成", "共", "新增")

NUMBER = r"[+-]?\d+(?:,\d{3})*(?:\.\d*)?"  # "5." is 5, as a spreadsheet and a calculator read it
SCALE = rf"(?P<scale>{SCALE_ALT})?"
QUANTITY_RE = re.compile(rf"^(?P<number>{NUMBER})\s*{SCALE}\s*(?P<unit>.*)$")
FOREIGN_NUMBER_RE = re.compile(r"[+-]?(?:0[xob][0-9a-f_]+|[\d_]*\.?[\d_]+e[+-]?\d+|\d+(?:_\d+)+)", re.IGNORECASE)
"""Numbers as programs write them and mstrack does not read: an exponent (1e15, 2.5E3), hex, octal or binary
(0x10), digits grouped by "_" (1_000). Said so, not "holds more than one number"."""


class QuantityError(Problem, ValueError):
    """A text that is not a quantity; the message says why, in words a user can act on."""


@dataclass(frozen=True)
class Quantity:
    value: int | float
    unit: str
    comparator: str = EQUAL
    approx: bool = False
    cumulative: bool = False
    scale: int = field(default=1, compare=False)  # the 万 or 亿 written: "20万" is 200000, written in 万


def shown(text: str, limit: int = 40) -> str:
    """A cell quoted in a message: a 100,000-character cell is not echoed whole."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


def normalize(text: str) -> str:
    """Fold full-width digits, letters and punctuation (NFKC) so "６５％" reads as "65%", and traditional
    characters into simplified ones, so "約1.2萬" reads as "约1.2万"."""
    return simplified(unicodedata.normalize("NFKC", text)).strip()


# A figure as a Chinese input method types it: full-width digits, a full-width decimal point between digits ("１２．５"),
# and a full-width comma that groups thousands ("1，234个": one to three digits, "，", exactly three digits, then no
# digit); a "，" after a figure's unit ("3个，") or before fewer digits ("学位1，建成") is a clause break and stays, and so
# does an item's "．" before a date ("1．2024年底前…", "2．6月底前…": numbering.DECIMAL_AFTER).
FULL_WIDTH_FIGURE_RE = re.compile(r"[０-９]|(?<=[0-9０-９])．(?=[0-9０-９])(?![0-9０-９]{4}\s*年|[0-9０-９]{1,2}\s*月)")
THOUSANDS_COMMA_RE = re.compile(r"(?<![0-9０-９，,.．])([0-9０-９]{1,3})，([0-9０-９]{3})(?![0-9０-９]|[，,][0-9０-９])")
"""A "，" that is a thousands separator: one only, 1–3 digits before it and three after ("1，234个"). A run of groups
"100，200，300个" is a list of figures as often as one figure (分别为100，200，300个): not joined, each read as before."""


def fold_figures(text: str) -> str:
    """The text with its figures' full-width characters folded as normalize folds them (NFKC): "１２．５万" is "12.5万",
    "1，234个" "1,234个", as `log` reads them (a "．" before a date is an item's number: "1．2024年底前"); the rest of the
    text as written."""
    if not re.search("[，．０-９]", text):
        return text
    text = THOUSANDS_COMMA_RE.sub(r"\1,\2", text)
    return FULL_WIDTH_FIGURE_RE.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)


CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_POWERS = {"十": 10, "百": 100, "千": 1000}
CHINESE_NUMERAL = "[零〇一二两三四五六七八九十百千]"


def chinese_count(text: str) -> int | None:
    """A count written in Chinese numerals, below ten thousand: "一" 1, "两" 2, "十二" 12, "三百零五" 305, "一千二"
    1200 (万/亿 are scales, read after it as after digits). None when the text is no such numeral ("十十", "五三")."""
    if not text or not re.fullmatch(f"{CHINESE_NUMERAL}+", text):
        return None
    total, digit, last_power, zero = 0, None, 10_000, False
    for char in text:
        if char in CHINESE_POWERS:
            power = CHINESE_POWERS[char]
            if power >= last_power or (digit is None and (total or power != 10)):
                return None  # "十十", "三千百", "零十"
            total, digit, last_power, zero = total + (1 if digit is None else digit) * power, None, power, False
        elif CHINESE_DIGITS[char] == 0:
            if digit is not None or zero or not total:
                return None if total or digit is not None or len(text) > 1 else 0
            zero = True  # "一百零五": a place left empty
        elif digit is not None:
            return None  # "五三": two digits in a row are no count
        else:
            digit = CHINESE_DIGITS[char]
    if digit is not None and total and not zero and last_power >= 100:
        digit *= last_power // 10  # "一千二" is 1200, "三百五" 350
    return total + (digit or 0)


# A figure written in Chinese words: a share "百分之八十" (百分之百 is all of it) or a numeral ("二", "一百二十", "三千") whose
# scale (万, 亿) and unit follow it as after digits.
CHINESE_FIGURE_RE = re.compile(rf"(?P<percent>百分之)?(?P<numeral>{CHINESE_NUMERAL}+)")
LOW_PART_RE = re.compile(rf"(万|亿)(零)?({CHINESE_NUMERAL}+)")  # "八万九千": the part below the scale, in words too
# Set phrases that open with a numeral and count nothing: "一是", "一批", "一体化", "一站式", "一条龙", "一些".
NOT_A_FIGURE_RE = re.compile(r"一(?:是|批|体|站式|条龙|些|起|致|般|直|定|律|切|旦|流|线|揽子|把手|手|带|道)")


DECIMAL_RE = re.compile(r"点([零〇一二两三四五六七八九]+)")


def chinese_figure(text: str, pos: int = 0) -> tuple[int | float, str, int] | None:
    """The figure in Chinese words at `pos` of `text`: (value, unit, end) with unit "%" for "百分之八十" (80) and
    "百分之百" (100), "" for a numeral ("两万人" → 2 and its end before 万, the scale read after it as after digits;
    "八万九千人" → 89000, its end before 人; "十二点五" → 12.5).
    None where no figure starts (a set phrase "一是", "一批"; "十十")."""
    m = CHINESE_FIGURE_RE.match(text, pos)
    if not m or NOT_A_FIGURE_RE.match(text, m.start("numeral")):
        return None
    numeral = m["numeral"]
    value = 100 if m["percent"] and numeral == "百" else chinese_count(numeral)
    if value is None:
        return None
    if decimal := DECIMAL_RE.match(text, m.end()):  # "十二点五" 12.5, "百分之八十五点五" 85.5%: digits after 点
        fraction = "".join(str(CHINESE_DIGITS[char]) for char in decimal[1])
        return as_number(Decimal(f"{value}.{fraction}")), "%" if m["percent"] else "", decimal.end()
    if not m["percent"] and (low := LOW_PART_RE.match(text, m.end())) and (part := chinese_count(low[3])):
        scale, end = int(SCALES[low[1]]), low.end()
        if not low[2] and len(low[3]) == 1:  # "一万二" is 12000, as "一千二" is 1200; "五万零五百" (a place left empty) 50500
            part *= scale // 10
        if scale > 10_000 and text.startswith("万", end):
            part, end = part * 10_000, end + 1  # "一亿二千万": 120000000
        if part < scale:
            return value * scale + part, "", end
    return value, "%" if m["percent"] else "", m.end()


def in_digits(text: str) -> str:
    """A value typed or printed in Chinese words, rewritten with digits: "二万" → "2万", "百分之八十" → "80%",
    "一百二十个" → "120个"; any other text is returned as it is. The one reading of Chinese figures that both a
    progress value (`mstrack log REF 二万`, an import cell) and parse_quantity use.
    A numeral keeps the scale it writes, as digits do: "八万九千" → "8.9万", "三亿五千万" → "3.5亿", "九千" → "9千" (so a
    value on an indicator in 万人 is read in base units, as 8.9万 and 9千 are, never 89000万人); "三百" has none ("300",
    a bare number in the indicator's unit as 300 is)."""
    figure = chinese_figure(text)
    if figure is None:
        return text
    value, unit, end = figure
    written = next((scale for scale in ("亿", "万", "千") if scale in text[:end]), None)
    if unit or not written or text.startswith(tuple(SCALES), end):  # "百分之八十"; "三百"; "一千二百万": 1200, then 万
        return f"{value}{unit}{text[end:]}"
    number = format(Decimal(repr(value)) / SCALES[written], "f")
    return f"{number.rstrip('0').rstrip('.') if '.' in number else number}{written}{text[end:]}"


def countable(unit: str) -> bool:
    """Whether a unit counts whole things (model.COUNTABLE_UNITS): 个, 人次, 套（间）; not 元, 公里 or %."""
    return normalize(unit) in COUNTABLE_UNITS


@lru_cache(maxsize=256)
def count_scale(unit: str) -> int | None:
    """How many of the things a unit counts one of it is: 1 for 人次, 10000 for 万人次 (scaled_unit); None for a unit
    that counts no whole things (元, 万元, 公里, %, none)."""
    scale, under = scaled_unit(normalize(unit or ""))
    return scale if countable(under) else None


def whole_count(value: int | float, unit: str) -> bool:
    """Whether a value stored in `unit` is a whole number of what the unit counts: the one rule of wholeness that
    every write of a reported value (log, import progress: domain/progress.check_whole) holds it to. On a count, the
    count of the base thing: 1.5 in 万人次 is 15000 人次, whole; 1.00005 is 10000.5 人次, not. Amounts, measures and
    percentages (元, 公里, %) keep fractions."""
    if isinstance(value, int) or value.is_integer():
        return True
    scale = count_scale(unit)
    return scale is None or (Decimal(repr(value)) * scale) % 1 == 0


def as_number(value: Decimal) -> int | float:
    """Integral values become int so that 18.5万 is exactly 185000, never 185000.00000000003."""
    return int(value) if value == value.to_integral_value() else float(value)


def _strip_words(text: str, words: tuple[str, ...], at_start: bool) -> tuple[str, bool]:
    for word in words:
        if at_start and text.startswith(word):
            return text[len(word):].strip(), True
        if not at_start and text.endswith(word):
            return text[: -len(word)].strip(), True
    return text, False


MORE_THAN = ("余", "多")
"""After a figure, "more than" it ("12万余套", "10多个"): read as a figure stated at least and approximately."""
MORE_THAN_RE = re.compile(rf"^({NUMBER})\s*[{''.join(MORE_THAN)}]\s*(?={SCALE_ALT})")

PLAIN_NUMBER_RE = re.compile(r"^(?=[\d.]{1,16}$)\d{1,15}(?:\.\d{1,12})?$")
"""A plain number of at most 15 digits (limits.MAX_DIGITS), read without the word handling; any other goes through it."""


PREFIX_MARKS = (
    (CUMULATIVE_PREFIXES, "cumulative"), (AT_LEAST_PREFIXES, AT_LEAST), (AT_MOST_PREFIXES, AT_MOST), (APPROX_PREFIXES, "approx"),
    (FILLER_PREFIXES, None),
)
SUFFIX_MARKS = ((AT_LEAST_SUFFIXES, AT_LEAST), (AT_MOST_SUFFIXES, AT_MOST), (APPROX_SUFFIXES, "approx"))


def parse_quantity(text: str, typed: bool = True) -> Quantity:
    """Read "3.2万", "18.5 万套（间）", "1.2万个以上", "不少于1200批次", "65%", "约6.9亿元". A number `typed` holds no more
    digits than are stored exactly (limits.number_problem); a spreadsheet's number cell (`typed` False) is the double
    it stores already, its 17 digits (a formula's 100/3) what the cell holds."""
    if PLAIN_NUMBER_RE.match(text):  # most cells of a bulk import: skip the word handling
        return Quantity(as_number(Decimal(text)), "")
    original = text
    body = normalize(text)
    if not body:
        raise QuantityError("empty value")
    marks: dict[str, object] = {"comparator": EQUAL, "approx": False, "cumulative": False}
    body = _strip_marks(body, PREFIX_MARKS, marks, at_start=True)  # in any order: "累计不少于", "约", "达到"
    if (more := MORE_THAN_RE.match(body)) is not None:  # "12余万套": 余 before the scale
        body = more[1] + body[more.end():]
        marks.update(comparator=AT_LEAST, approx=True)
    if FOREIGN_NUMBER_RE.match(body):
        raise QuantityError("{value} is not a number mstrack reads: write digits, with 万 or 亿 if you like, such as "
                            "1500 or 1.5万", value=shown(original))
    match = QUANTITY_RE.match(body) or QUANTITY_RE.match(in_digits(body))  # "二万", "百分之八十"
    if not match:
        raise QuantityError("{value} is not a quantity: expected a number such as 3.2万 or 65%", value=shown(original))
    number = _scaled_number(match, original, typed)
    if match["unit"].startswith("点") and not QUANTITY_RE.match(body):  # "十二点", "十二点几": a decimal in words
        raise QuantityError("{value} is not a quantity: write a decimal in digits, such as 12.5", value=shown(original))
    unit = _strip_marks(match["unit"].strip(), SUFFIX_MARKS, marks, at_start=False)
    if unit[:1] in MORE_THAN:  # "12万余套", "1200余户", "12万余": more than the figure, as 以上 and 约 say
        unit = unit[1:].lstrip()
        marks.update(comparator=AT_LEAST, approx=True)
    if re.search(r"\d", unit):
        raise QuantityError("{value} holds more than one number; give one value", value=shown(original))
    return Quantity(as_number(number), unit, marks["comparator"], marks["approx"], marks["cumulative"],
                    int(SCALES[match["scale"]]) if match["scale"] else 1)


UNIT_SCALE_RE = re.compile(rf"^({UNIT_SCALE_ALT})")


def scaled_unit(unit: str) -> tuple[int, str]:
    """"万人" is 10000 人: the scale a unit opens with and the unit under it; 千米 and 千瓦 are units of their own."""
    m = UNIT_SCALE_RE.match(unit or "")
    return (int(SCALES[m[1]]), unit[m.end():]) if m else (1, unit or "")


def _strip_marks(text: str, table, marks: dict, at_start: bool) -> str:
    """Take the words of `table` off one end of `text`, again and again, noting what each means in `marks`."""
    changed = True
    while changed:
        changed = False
        for words, effect in table:
            text, found = _strip_words(text, words, at_start=at_start)
            if found:
                changed = True
                if effect in ("cumulative", "approx"):
                    marks[effect] = True
                elif effect:
                    marks["comparator"] = effect
    return text


def _scaled_number(match: re.Match, original: str, typed: bool = True) -> Decimal:
    try:
        number = Decimal(match["number"].replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regex admits only valid numbers
        raise QuantityError("{value} is not a number", value=shown(original)) from None
    if not number.is_finite():
        raise QuantityError("{value} is not a finite number", value=shown(original))
    if match["scale"]:
        number *= SCALES[match["scale"]]
    if problem := number_problem(number if typed else float(number)):  # 20 digits would overflow SQLite's integers
        raise QuantityError("{value}: {problem}", value=shown(original), problem=problem)
    return number


def same_unit(a: str, b: str) -> bool:
    """Units compare after folding full-width forms: "套（间）" is "套(间)"."""
    return normalize(a) == normalize(b)


ALTERNATIVE_UNIT_RE = re.compile(r"^([^()]+)\(([^()]+)\)$")
"""A unit naming two, the second in brackets ("套（间）", folded to "套(间)"): a flat counted as a 套 or a 间."""


def unit_named(given: str, unit: str) -> bool:
    """Whether a value's unit names the indicator's: the same (same_unit), or either of a bracketed pair's ("12.3万套"
    and "12万间" for 套（间））, in the pair's scale ("万间" for 万套（间）; "间" alone is not: 12间 is no 12万)."""
    if same_unit(given, unit):
        return True
    scale, under = scaled_unit(normalize(unit))
    given_scale, given_under = scaled_unit(normalize(given))
    pair = ALTERNATIVE_UNIT_RE.match(under)
    return pair is not None and scale == given_scale and given_under in (pair[1].strip(), pair[2].strip())


def format_number(value: int | float | None, unit: str = "", lang: str = "zh") -> str:
    """A stored value as it is stored: 185000 → "18.5万", the way the documents write round counts; 17787 and 1500.5
    stay as they are (never rounded: the office sees the number it has); a value in a scaled unit (万元, 亿元) as it is,
    35000万元 (never 3.5万万元). In English, 185,000 and 1,500.5.
    A value worked out (an expected pro-rata value, a pace) is format_computed's."""
    if value is None:
        return "—"
    value = as_written(value)
    fraction = isinstance(value, float) and not value.is_integer()
    compact = unit != "%" and scaled_unit(unit)[0] == 1  # 89000万人 is not written 8.9万万人
    if lang == "en":
        return (format(Decimal(repr(value)), ",f") if fraction else f"{int(value):,}") + unit
    if compact and abs(value) >= 10**12 and value % 10**10 == 0:
        text = f"{value / 10**12:.4f}".rstrip("0").rstrip(".") + "万亿"
    elif compact and abs(value) >= 100_000_000 and value % 1_000_000 == 0:
        text = f"{value / 100_000_000:.4f}".rstrip("0").rstrip(".") + "亿"
    elif compact and abs(value) >= 10_000 and value % 100 == 0:
        text = f"{value / 10_000:.4f}".rstrip("0").rstrip(".") + "万"
    elif fraction:  # the shortest digits that are the stored float: 1500.5, 0.00001 (no exponent)
        text = format(Decimal(repr(value)), "f")
    else:
        text = f"{int(value)}"
    return text + unit


def format_computed(value: int | float | None, unit: str = "", lang: str = "zh", stored: tuple = ()) -> str:
    """A value worked out rather than reported (an expected pro-rata share, a pace): whole units past 100, two
    decimals below, never fewer than the figures of its row as stored have (`stored`: its target, its last
    checkpoint's), then written as format_number writes a stored one. One rule for a row's figures: an expected
    that is the target (the step rule, pro-rata at the deadline) reads as the target beside it does, 831.6平方
    (trial59 F12: 832平方 beside 831.6平方)."""
    if isinstance(value, float) and not value.is_integer():
        places = max([0 if abs(value) >= 100 else 2, *map(decimals, stored)])
        value = round(value, places) if places else round(value)
    return format_number(value, unit, lang)


def minus_signed(text: str) -> str:
    """A difference as printed (差距, short of the expected below zero) with the minus sign (U+2212), not a hyphen: a
    CSV cell starting with "-" would be guarded as a formula ('-10个) in Excel/WPS. The one sign of a negative
    difference: the report's, the notice's and `report diff`'s."""
    return "\u2212" + text[1:] if text.startswith("-") else text


def decimals(value: int | float | None) -> int:
    """How many decimals a stored figure is written with: 831.6 one (831.6000000000001 too: as_written), 1500 and
    1500.0 none."""
    value = as_written(value)
    if not isinstance(value, float) or value.is_integer():
        return 0
    return max(0, -int(Decimal(repr(value)).as_tuple().exponent))


def as_written(value):
    """A stored float as the figure it was written as: 831.6000000000001 (an xlsx formula's sum, binary noise) is
    831.6. Fifteen significant digits are what a double keeps of any decimal written with as many, so nothing
    written is changed; other values as they are."""
    return float(f"{value:.15g}") if isinstance(value, float) and value == value and abs(value) != float("inf") else value


def row_figures(target, final, expected=None, rule: str | None = None) -> tuple:
    """The stored figures whose decimals a row's worked-out ones keep (format_computed's `stored`): its target and its
    last checkpoint's, and under the step rule its expected, which is a checkpoint's own figure (150.55 of 1000 stays
    150.55). The one rule of `status`, the weekly report, a notice and `report diff`."""
    return (target, final, expected) if rule == STEP else (target, final)
