"""Figures of each period ("每季度完成300人次", "每月不低于80%"): an amount done each period, a bound held each period, and
the running totals an amount of each quarter or month spreads over the year."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from mstrack.domain.dates import month_end
from mstrack.domain.quantities import as_number
from mstrack.sources.table.figure_names import content_words
from mstrack.sources.table.mentions import Mention
from mstrack.sources.table.numbers import exact, unit_key
from mstrack.sources.table.series import LEVEL_UNITS, Series, is_level
from mstrack.vocabulary import BOUND_WORDS, LEVEL_HOLDING_WORDS, WHOLE_AREA

# "每季度完成300人次", "每月服务2000人次", "每月不少于4场": work done each period, the words from the period to the figure
# a verb or a bound; "每人每月609元" ("每人每月约60元", "每人每月不低于60元") is a standard (a figure straight after the
# period, or one per head), "每月平均用餐人数710人" an average, "每周三次为…学生（17787人）" a frequency of something else
EACH_PERIOD = r"每(?:个)?(?:季度|月|半年|周)"
EACH_PERIOD_RE = re.compile(rf"(?<![人户家个]){EACH_PERIOD}(?!平均|约)\s*[\u4e00-\u9fff]{{1,10}}\s*$")


def each_period(series: list[Series], mention: Mention) -> Series | None:
    """"开展技能培训1200人次，每季度完成300人次": the amount of each period of the year's target in its unit, less than
    it (the stated series returned), not an indicator named 每季度; a person checks it."""
    if not EACH_PERIOD_RE.search(mention.verbs or ""):
        return None
    return next((one for one in series if one.statement is not None and one.statement is not mention and not is_level(one)
                 and not EACH_PERIOD_RE.search(one.statement.verbs or "") and unit_key(one.unit) == unit_key(mention.unit)
                 and mention.value < one.statement.value), None)


def per_period_amount(mention: Mention) -> bool:
    """"每月开展1次", "每月不少于4场": an amount done each period; a rate or a standard held each period ("每月调查失业率
    不高于5.5%") is a level, read as before."""
    return EACH_PERIOD_RE.search(mention.verbs or "") is not None and unit_key(mention.unit) not in LEVEL_UNITS


def bound_held_again(mention: Mention, others: list[Mention]) -> bool:
    """"每月调查失业率不高于5.5%" beside the year's "城镇调查失业率控制在5.5%以内": a rate held each period that restates
    a figure of the words (the same level, a bound the same way or none) of a name alike is that indicator, no second
    one; "群众满意度达到95%，每月回访满意率不低于95%" names two things, two indicators."""
    return EACH_PERIOD_RE.search(mention.verbs or "") is not None and unit_key(mention.unit) in LEVEL_UNITS and any(
        one is not mention and not EACH_PERIOD_RE.search(one.verbs or "") and one.value == mention.value
        and unit_key(one.unit) == unit_key(mention.unit) and _names_agree(one.name, _held_name(mention))
        and ("=" in (one.comparator, mention.comparator) or one.comparator == mention.comparator) for one in others)


def bound_each_period(mention: Mention, others: list[Mention]) -> Mention:
    """"城区空气优良天数比例达到85%以上，每月不低于80%": a bound held each period, with no name of its own, on another level
    than the year's figure of its unit is an indicator of its own, named by the period and what it bounds ("每月城区空气
    优良天数比例"), never folded into the year's figure; `bounds` keeps that figure's name for the doubt."""
    if not EACH_PERIOD_RE.search(mention.verbs or "") or unit_key(mention.unit) not in LEVEL_UNITS \
            or content_words(_held_name(mention)):
        return mention
    year = next((one for one in others if one is not mention and not EACH_PERIOD_RE.search(one.verbs or "")
                 and unit_key(one.unit) == unit_key(mention.unit) and one.value != mention.value and one.name != "指标"), None)
    if year is None:
        return mention
    period = re.search(EACH_PERIOD, mention.verbs)[0]
    return replace(mention, name=(period + year.name)[:30], bounds=year.name)


def _held_name(mention: Mention) -> str:
    """The name of a bound held each period, without the period ("每月回访满意率" → "回访满意率")."""
    return re.sub(rf"^\s*{EACH_PERIOD}", "", mention.name)


# "满意度" and "满意率" name one measure; a bound left at a name's end ("每月调查失业率不高于") names nothing
RATE_END_RE = re.compile(rf"[率度]?(?:{'|'.join(BOUND_WORDS + LEVEL_HOLDING_WORDS)})*$")
# the whole area a rate is measured over, in front of its name: "城镇调查失业率" is the 调查失业率 there is
AREA_RE = re.compile(rf"^(?:城镇|{WHOLE_AREA})")


def _names_agree(year: str, held: str) -> bool:
    """The same name, the measure's 率/度 aside ("患者满意度" and "患者满意率"), or with the whole area in front of one
    ("城镇调查失业率" and "调查失业率"): one thing. Any other word more ("住院患者" within "患者", "农村调查失业率")
    or different ("住院患者" and "门诊患者", "群众满意" and "回访满意") names two."""
    a, b = (RATE_END_RE.sub("", content_words(name)) for name in (year, held))
    return bool(a) and bool(b) and AREA_RE.sub("", a) == AREA_RE.sub("", b)


PERIODS = {"季度": 3, "月": 1, "半年": 6}  # months in each period a "每…" amount is done in (每周: no milestones)


def spread_over_periods(one: Series | None, mention: Mention, due: date) -> bool:
    """"每季度完成300人次" beside the year's 1200 due at the year's end, 4 × 300 = 1200: the running total by each
    period's end (300, 600, 900) joins the indicator's milestones; an amount that does not make up the target
    (4 × 250 of 1200), or a target due before the year's end, stays checkpoint text with a doubt."""
    period = EACH_PERIOD_RE.search(mention.verbs or "")
    if one is None or period is None or due != date(due.year, 12, 31) or not one.points or one.points[-1][0] != due:
        return False
    months = next((n for word, n in PERIODS.items() if word in period[0]), None)
    if months is None:
        return False
    count = 12 // months
    if exact(mention.value) * count != exact(one.statement.value) or exact(one.points[-1][2].value) != exact(one.statement.value):
        return False
    ends = [month_end(due.year, months * k) for k in range(1, count)]
    one.points = sorted(one.points + [(end, period[0], replace(mention, value=as_number(exact(mention.value) * k), total=True))
                                      for k, end in enumerate(ends, start=1)], key=lambda point: point[0])
    return True
