"""An indicator being assembled (Series: its printed target and the numbers matched to it) and the milestones it reads
into; the numbers are placed on series by `placing`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from mstrack.domain.quantities import as_number
from mstrack.model import Milestone
from mstrack.sources.table.likeness import opens_with_date, similarity, word_pairs
from mstrack.sources.table.mentions import LEVEL_WORDS, Mention, find_mentions
from mstrack.sources.table.numbers import MEASURE_UNITS, exact, unit_factor, unit_key


@dataclass(kw_only=True)
class Series:
    """One indicator being assembled: its printed target (title or heading) and the numbers matched to it."""

    unit: str
    stages: frozenset
    texts: list[str]
    statement: Mention | None = None
    origin: str = "checkpoint"  # title | heading | checkpoint
    points: list[tuple[date, str, Mention]] = field(default_factory=list)  # (due, label, mention)
    filled: date | None = None  # a milestone added by "全面完成目标任务" or a heading's deadline
    nouns: list[str] = field(default_factory=list)
    held: list[Mention] = field(default_factory=list)  # "每月调查失业率不超过5.5%": the same bound held each period
    all_started: list[date] = field(default_factory=list)  # "三季度全部开工": the whole figure started by then

    def score(self, mention: Mention) -> float:
        factor = unit_factor(self.unit, mention.unit)
        if not factor:
            return 0.0
        if self.stages != mention.stages:
            factor *= 0.25
        if unit_key(self.unit) == "%" and self.points and mention.value < self.points[-1][2].value:
            return 0.0  # a share of the work does not fall: another series
        if self.statement and unit_key(self.unit) != "%":
            room = 1.5 if self.statement.comparator == ">=" else 1.0
            if mention.value > self.statement.value * room + 1e-9:
                factor *= 0.2  # a running total beyond the year's target is another count
        if self.statement and mention.share and unit_key(self.unit) == unit_key(mention.unit) \
                and abs(self.statement.value * mention.share / 100 - mention.value) <= self.statement.value * SHARE_ROUNDING:
            return 1.0  # "完成筛查人数1480人（20%）" of an annual 7400 人: this indicator's checkpoint, whatever its words
        score = max(similarity(t, c) for t in self.texts for c in mention.contexts)
        if mention.noun and any(word_pairs(n) & word_pairs(mention.noun) for n in self.nouns if n):
            score += 0.15
        if self.statement and mention.value == self.statement.value:
            score += 0.1
        if "/" in self.unit and self.points and mention.value == self.points[-1][2].value and self.unit == mention.unit:
            score += 0.5  # the same standard ("2017元/人/月") printed again
        return factor * score


SHARE_ROUNDING = 0.01  # a share printed in whole percent, its count rounded either way: off by a point at most


LEVEL_UNITS = ("%", "‰", "个百分点", *{unit_key(u) for u in MEASURE_UNITS})  # shares, rates, concentrations: never summed


def is_level(one: Series) -> bool:
    """Rates, shares and standards are levels: the same figure twice is no second amount."""
    unit = unit_key(one.unit)
    words = "".join(t for t in one.texts)
    return unit in LEVEL_UNITS or unit.startswith("元/") or any(w in words for w in LEVEL_WORDS)


def per_period(one: Series) -> bool:
    """Per-period amounts, not running totals: a series that falls, or repeats, without saying 累计."""
    if is_level(one) or len(one.points) < 2 or len({unit_key(m.unit) for _, _, m in one.points}) > 1 \
            or len({m.stages for _, _, m in one.points}) > 1:
        return False  # levels, single figures and figures counted in different units or stages (开工 / 完工) are read as printed
    steps = [exact(m.value) for _, _, m in one.points]
    if one.statement is not None and opens_with_date(one.statement) and not one.points[-1][2].total \
            and sum(steps) == exact(one.statement.value) != steps[-1]:
        return True  # steps with no year's figure, their sum the target (figures._steps_target)
    if added_before_done(one.points):
        return True
    for (_, _, a), (_, _, b) in zip(one.points, one.points[1:], strict=False):
        if b.total:
            continue
        if b.value < a.value or b.value == a.value:
            return True
    return False


ADDED_RE = re.compile(r"新增|新建|增加")  # a step that adds to what the steps before it added


def added_before_done(points: list) -> bool:
    """Steps that each add ("3月底前新增100个…;6月底前新增200个…") before a last that completes the year's figure
    ("9月底前完成500个"), what they add together short of it: per-period amounts, summed (100, 300, 500)."""
    if len(points) < 3:
        return False
    *steps, (_, _, last) = points
    return all(ADDED_RE.search(m.verbs) and "累计" not in m.verbs and not m.total for _, _, m in steps) \
        and "完成" in last.verbs and not ADDED_RE.search(last.verbs) and sum(exact(m.value) for _, _, m in steps) < exact(last.value)


def milestones_of(one: Series) -> tuple[list[Milestone], str | None, list[int]]:
    """Milestones (cumulative targets), the indicator's reading, and which points were read per period."""
    target = one.statement.value if one.statement else None
    if not per_period(one):
        return [Milestone(due=due, target=m.value) for due, _, m in one.points], None, []
    running = Decimal(0)
    result, increments = [], []
    earlier_verbs = [m.verbs for _, _, m in one.points[:-1]]  # as written: content_words drops 完成
    for k, (due, _, m) in enumerate(one.points):
        last = k == len(one.points) - 1
        says_total = m.total or (last and target is not None and m.value == target and running > 0)
        # A last 完成N, when no earlier figure said 完成, is the year's total once it reaches what was counted:
        # "新建成2、新建成2、完成4" is 4 in all (the 完成 confirms the sum), "…、完成7" is 7 in all.
        says_total = says_total or (last and "完成" in m.verbs and not any("完成" in v for v in earlier_verbs)
                                    and exact(m.value) >= running)
        if says_total:
            running = exact(m.value)
            result.append(Milestone(due=due, target=m.value))
        else:
            running += exact(m.value)
            result.append(Milestone(due=due, target=as_number(running), printed=m.value))
            increments.append(k)
    if len(increments) == len(result):
        return result, "increment", increments
    for milestone in result:  # mixed: totals as printed, per-period amounts summed
        if milestone.printed is not None and milestone.printed == milestone.target:
            milestone.printed = None
    return result, None, increments


def month_plan_only(one: Series, planned: set[date]) -> bool:
    """A series born of a month's plan alone, no target printed for it."""
    return one.statement is None and bool(one.points) and all(due in planned for due, _, _ in one.points)


def work_progress(one: Series) -> bool:
    """A share of the work's own progress ("完成项目形象进度20%"): in a month's plan, how far the work should be by
    then, no target of the year (a schedule of quarters that runs it to 100% makes it one)."""
    return unit_key(one.unit) == "%" and bool({"进度", "工程量"} & one.stages)


def join_month_plan_figures(series: list[Series], leftovers: list[tuple[date, str, Mention]],
                            planned: set[date]) -> list[tuple[date, str, Mention]]:
    """A figure of a month's plan whose words matched none of the targets ("完成安装1000户" under a year's 1万户) is a
    checkpoint of the one target counted in its unit, when there is one; a figure with a share of its own that does
    not fit that target ("900人(25%)" of 6000) is another count."""
    for one in [s for s in series if month_plan_only(s, planned) and not any(p[2].share for p in s.points)]:
        alike = [s for s in series if s.statement is not None and unit_key(s.unit) == unit_key(one.unit)]
        if len(alike) != 1 or any(due == point[0] for point in one.points for due, _, _ in alike[0].points):
            continue
        alike[0].points = sorted(alike[0].points + one.points, key=lambda point: point[0])
        series.remove(one)
        leftovers = [left for left in leftovers if all(left[2] is not point[2] for point in one.points)]
    return leftovers


def month_amounts(series: list[Series], planned: set[date], reported: list[str], year: int) -> None:
    """A one month's plan's figure ("8月份目标：新增30台" of a year's 400) that, read as a running total, would lag far
    behind both the year's pace (under half the share of the year gone by the month's end) and what the row's
    progress columns report done in its unit and stage ("新增81台": over twice the plan): the plan is what the month
    adds, no running total due by the month's end (its words stay the checkpoint's). A plan the work is only just past
    ("3月目标：新增40台" beside 41 done), one on the year's pace ("4月：完成筛查1480人" of 7400), one said to be a running
    total ("累计完成30台") and shares are read as printed."""
    done = [m for cell in reported for m in find_mentions(cell, year)] if planned else []
    for one in [] if not done else [s for s in series if s.statement is not None and s.statement.value and not is_level(s)]:
        target = one.statement.value
        one.points = [p for p in one.points if not (
            p[0] in planned and not p[2].total and p[2].value / target < p[0].month / 24
            and any(unit_key(m.unit) == unit_key(p[2].unit) and m.value > 2 * p[2].value and m.stages == p[2].stages
                    for m in done))]
