"""How `log VALUE` and `import progress` read a value that a line could take two ways, by one rule each: a count of a
text-only line's checkpoints met ("3个节点"), and a fraction of 1 on a % line (0.85: Excel's 85%, or 0.85%); and which
lines' figures are compared with the earlier ones (compared_with_earlier); a figure among a clerk's words
(figure_and_words). Pure."""

from __future__ import annotations

import re
from datetime import date

from mstrack.domain.quantities import QuantityError, format_number, normalize, parse_quantity, same_unit, shown
from mstrack.errors import InputError, Message
from mstrack.vocabulary import AT_MOST, CHECKPOINTS_UNIT, EQUAL

CHECKPOINT_OPENING_RE = re.compile(r"^(?:已经|已)?(?:完成|达到)?\s*第?\s*")
"""The words before a count of checkpoints met: "已完成3个节点", "第3个", "已完成第3个节点"."""
CHECKPOINT_CLOSING_RE = re.compile(r"\s*(?:已经|已)?完成$")
"""The words after it, as the template's 上次报送 prints a count: "1个节点已完成"."""
CHECKPOINT_UNITS = frozenset(("", "个", "节点", CHECKPOINTS_UNIT))
"""The units a count of checkpoints is written in: none, 个, and the template's 个节点."""


def checkpoints_met(value: str, unit: str, total: int) -> int | None:
    """How many of a text-only line's `total` checkpoints a value says are met, written as the template shows the line
    (计量单位 个节点, 本期目标 第4个节点, 上次报送 1个节点已完成): "3", "3个节点", "第3个", "已完成3个节点", "3个节点已完成",
    "三个"; 0 to `total`. None for
    anything else: more than it has, a part, a bound ("3个以上") or another unit."""
    try:
        quantity = parse_quantity(CHECKPOINT_CLOSING_RE.sub("", CHECKPOINT_OPENING_RE.sub("", normalize(value), count=1)))
    except QuantityError:
        return None
    if (quantity.comparator != EQUAL or quantity.approx or quantity.scale != 1
            or quantity.unit not in CHECKPOINT_UNITS and not (unit and same_unit(quantity.unit, unit))):
        return None
    met = quantity.value
    return int(met) if met == int(met) and 0 <= met <= total else None


def checkpoints_value(value: str, unit: str, indicator: str, total: int) -> int:
    """A text-only line's count of checkpoints met (checkpoints_met), read alike by `log VALUE` and `import progress`;
    anything else refused, saying what the line takes (onerule56: `log` refused "3" on such a line)."""
    met = checkpoints_met(value, unit, total)
    if met is None:
        raise InputError("{value}: {indicator} is a text-only line: give 已完成 or how many of its {total} checkpoints are "
                         "met, 0 to {total} (1, 1个节点 or 第1个)", value=shown(value), indicator=indicator, total=total)
    return met


def typed_fraction(text: str, number: int | float, unit: str, target: int | float | None) -> bool:
    """0.85 (or 1) typed without a % on a % line whose target is above 1: Excel keeps 85% typed in a General cell as
    0.85, so it may mean 85%. `log` and `import progress` judge it by this one rule (fraction_warning, fraction_fell)."""
    return unit == "%" and 0 < number <= 1 and not text.rstrip().endswith(("%", "％")) and (target or 0) > 1


def fraction_warning(indicator: str, number: int | float) -> Message | None:
    """What is said of a typed fraction (typed_fraction) stored as typed; None for 1 (1% is a likely start)."""
    if number >= 1:
        return None
    return Message("{indicator}: {value} is taken as {value}%; did you mean {percent}%? a % indicator's values are "
                   "percents (47 for 47%)", indicator=indicator, value=number, percent=f"{round(number * 100, 6):g}")


def fraction_falls(highest: tuple[date, int | float] | None, on: date) -> bool:
    """Whether a typed fraction of `on` falls below the highest figure before it (`highest`, its day and figure) above
    1%: either reading is then wrong news (85%, or a fall to 0.85%), so it is refused unless --reason (fraction_fell)."""
    return highest is not None and highest[1] > 1 and highest[0] < on


def fraction_fell(label: str, number: int | float, unit: str, highest: tuple[date, int | float]) -> Message:
    """Why a typed fraction below an earlier figure above 1% is refused (fraction_falls), naming both readings."""
    return Message("{label} {value}: as {value}% it is lower than {earlier} as of {earlier_on}; as a fraction of 1 "
                   "(Excel's {value} for {percent}%), it is {percent}%: type {percent}% if that is meant, or give "
                   "--reason to keep {value}%", label=label, value=format_number(number),
                   earlier=format_number(highest[1], unit), earlier_on=highest[0], percent=f"{round(number * 100, 6):g}")


def falls_below(highest: tuple[date, int | float] | None, on: date, number: int | float) -> bool:
    """Whether a cumulative figure of `on` falls: below `highest`, the highest figure standing on a day before `on`
    (its day and figure). The report of `on` itself is the one a new figure corrects, never an earlier one: a day's
    figure corrected downward is no fall (trial59 F5: `log` warned so, `import progress` did not). `log` and
    `import progress` warn by this one rule (on lines compared_with_earlier)."""
    return highest is not None and highest[0] < on and highest[1] > number


def compared_with_earlier(comparator: str) -> bool:
    """Whether a line's figure is compared with its earlier and later ones (a figure below the highest before it
    warned as a fall, one above a later report warned, a closing figure below the year-end one refused): a cumulative
    figure, a text-only line's count of checkpoints met too (it counts up as they are met); not a ceiling (不超过),
    which may fall. `log` and `import progress` judge by this one rule (an import skipped text-only lines)."""
    return comparator != AT_MOST


FIGURE_IN_WORDS_RE = re.compile(r"^(?P<before>[^\d]*?)(?P<figure>\d[\d,]*(?:\.\d+)?\s*[万亿]?)(?P<after>[^\d]*)$")
"""One figure among a clerk's words ("已完成480套", "480套已完成"): the words before it and after it."""


def figure_and_words(text: str, unit: str) -> InputError | None:
    """Why a value of one figure and words is refused, naming both (trial65 #12: "已完成480套" was "not a quantity",
    "480套已完成" a unit '套已完成'): the figure goes under 数值, the words under 备注; None where the text is not so, or
    where another unit or words follow the figure itself (the unit's refusal names them)."""
    body = normalize(text)
    if not (m := FIGURE_IN_WORDS_RE.match(body)):
        return None
    after = m["after"].strip()
    if unit and after.startswith(unit):
        after = after[len(unit):]
    elif after:  # another unit ("12.3万户"), or words with no unit between: the unit's refusal says it
        return None
    words = "".join((m["before"].strip(), after.strip())).strip(" ，,。；;")
    if not re.search(r"[\u4e00-\u9fff]", words):
        return None
    return InputError("{value} is a figure and words: give {figure} as the value (数值) and {words} as its note (备注, or "
                      "--note)", value=shown(text), figure=m["figure"].replace(" ", "") + (unit or ""), words=words)
