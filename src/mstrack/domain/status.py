"""The status engine: expected versus actual for each indicator at a date. Pure; never prints.

Rules (issue "Core loop", docs/status.md):
- expected = the target of the latest checkpoint due on or before the date (0 before the first);
- actual = the latest report on or before the date (for a tie on date, the later entry);
- done: the final target is met (a falling indicator's ceiling only on or after its deadline: a
  ceiling limits a whole period, so it cannot be met while the period runs; a rate in % the same,
  year_end_level: met before the deadline it is on_track, met so far); overdue: the deadline
  has passed and it is not done; no_report: a checkpoint has passed and nothing was reported;
  behind: actual misses expected; on_track: actual meets expected; not_due: no checkpoint has
  passed yet.
- days_behind (behind and overdue rows): rising, how long the actual value has been due; falling,
  how long the reports show the actual over a ceiling (see _over_since).
A text-only line counts its checkpoints: expected = how many are due, actual = how many were
marked met.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date
from functools import lru_cache

from mstrack.domain.characters import simplified
from mstrack.domain.quantities import countable
from mstrack.model import (
    AT_MOST,
    DUE_SOON,
    LEVEL,
    OFF_COURSE,
    PRO_RATA,
    SCHEDULE,
    STATUSES,
    STEP,
    TASK_SEVERITY,
    IndicatorState,
    MilestoneState,
    ReportState,
    StatusRow,
)
from mstrack.vocabulary import INCREMENT, LEVEL_AVERAGE_WORDS, RATE_OF_CHANGE_WORDS

_new = object.__new__

ASSESSMENT_WORDS = (  # checked in this order: "顺利推进、完成较好" is on track, not done
    ("behind", ("严重滞后", "进度滞后", "滞后", "慢序时", "逾期")),
    ("on_track", ("顺利推进", "完成较好", "序时推进", "按序时", "超序时", "按计划", "有序推进", "正常推进")),
    ("done", ("已圆满完成", "提前完成", "已完成", "完成")),
)
AGREEING = {
    "done": {"done"},
    "on_track": {"on_track", "done", "not_due"},
    "behind": {"behind", "no_report", "overdue"},
}


def meets(actual: float, wanted: float, comparator: str) -> bool:
    """A falling indicator ("<=") is met from below; everything else from above."""
    return actual <= wanted if comparator == AT_MOST else actual >= wanted


def _clean(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 2)


def whole_to_reach(value: int | float) -> int:
    """A share of a count to reach, as the office says it: whole, rounded up (74.18个 → 75个)."""
    return math.ceil(round(value, 6))


def _pro_rata(dated: list[MilestoneState], start: date, on: date) -> int | float:
    """序时进度: linear from the previous checkpoint (0 at the start) to the next one."""
    previous_due, previous_target = start, 0
    for milestone in dated:
        if milestone.due > on:
            span = (milestone.due - previous_due).days
            # no span: a checkpoint due on the first day, and `on` before it: nothing is due yet
            share = (on - previous_due).days / span if span > 0 else 0
            return _clean(previous_target + (milestone.target - previous_target) * max(0.0, share))
        previous_due, previous_target = milestone.due, milestone.target
    return previous_target


def _when_due(value: float, dated: list[MilestoneState], start: date, rule: str) -> date | None:
    """The day from which `value` no longer met the schedule: step, the first checkpoint asking for
    more; pro-rata, the day the line from checkpoint to checkpoint passed it."""
    previous_due, previous_target = start, 0
    for milestone in dated:
        if milestone.target > value:
            if rule == STEP:
                return milestone.due
            span = (milestone.due - previous_due).days
            share = (value - previous_target) / (milestone.target - previous_target)
            # by ordinal, not + timedelta(days=...): half the cost, now that overdue rows ask too
            return date.fromordinal(previous_due.toordinal() + round(span * share if share > 0 else 0.0))
        previous_due, previous_target = milestone.due, milestone.target
    return None


def _over_since(value: float, dated: list[MilestoneState], reported: date, on: date) -> date | None:
    """A falling indicator: the day from which the reports show `value` over a ceiling, the later of
    the first passed checkpoint whose ceiling is below it and the report's own date. Not the
    checkpoint alone, as a rising value's _when_due is: a count reported at 600 may well have been
    under Q1's 300 at Q1 (a cumulative count only grows), so it is known over only from its report."""
    for milestone in dated:
        if milestone.due <= on and milestone.target < value:
            return max(milestone.due, reported)
    return None


LEVEL_NAME_RE = re.compile(rf"{'|'.join(RATE_OF_CHANGE_WORDS)}|率|比重|占比")
"""A percentage the year is judged on at its end: a rate of change (地区生产总值增长5%以上, 增速) or a rate or share
reached (普及率达到95%, 比重达54%), a level that may fall again, not work done."""
WORK_DONE_RE = re.compile(r"完成|进度|工程量")
"""…but a share of work done (完成率, 工程进度100%) is done once reached, as a count is."""


def year_end_level(state: IndicatorState) -> bool:
    """Whether an indicator is a rate judged at the year's end (LEVEL_NAME_RE, in its name or its target's words):
    met before its deadline it is met so far (on_track), `done` only on or after the deadline, as a ceiling is. A
    half-year growth of 5.2% is no year of 5% growth."""
    return state.unit == "%" and state.kind != SCHEDULE and _level_words(state.indicator, state.text)


def judged_at_end(state: IndicatorState, is_level: bool | None = None) -> bool:
    """Whether meeting the final target before the deadline is met so far, not done: a ceiling ("<=") limits the whole
    period, a level (增长5%, 普及率, 每月平均: `level`) may fall again. The status, the forecast and Done % follow it.
    `is_level`: level(state), when the caller has read it already (evaluate reads it once per indicator)."""
    return state.comparator == AT_MOST or (state.kind != SCHEDULE and (level(state) if is_level is None else is_level))


def held_so_far(state: IndicatorState, on: date, at_end: bool | None = None) -> bool:
    """Whether a figure of `state` on `on` is a level not judged yet (judged_at_end, before the deadline): it has no
    share of its target done (5.2% of a 5% growth in July is no 104% done). The one rule of status's Done %, units'
    completion rate and the 一览表's 完成年度目标 (review50 F6). `at_end`: judged_at_end(state), when the caller has it."""
    return (judged_at_end(state) if at_end is None else at_end) and on < state.deadline


AVERAGE_NAME_RE = re.compile("|".join(LEVEL_AVERAGE_WORDS))


def level(state: IndicatorState) -> bool:
    """Whether an indicator's figures are a level, no running total (trial50 T3): the plan says `reading = "level"`,
    or, with no reading, its name names an average (每月平均用餐人数) or it is a rate judged at the year's end
    (year_end_level: 月探访率, 普及率). 序时进度 never spreads a level over the year (420人 in July against a 710人 monthly
    average is not "on track" for being above 412): it keeps the step rule, as a ceiling does; reached before its
    deadline it is held so far (on track), done only at the deadline. `reading = "cumulative"` says it is a total;
    "increment" says only how its plan figures are written (per-period amounts: review50 F7c), so the name decides."""
    reading = state.reading
    if reading is not None and reading != INCREMENT:
        return reading == LEVEL
    return state.kind != SCHEDULE and (year_end_level(state) or _average_name(state.indicator))


@lru_cache(maxsize=4096)
def _average_name(name: str) -> bool:
    return AVERAGE_NAME_RE.search(simplified(name)) is not None


@lru_cache(maxsize=4096)
def _level_words(name: str, text: str) -> bool:
    name, words = simplified(name), simplified(f"{name} {text or ''}")
    return LEVEL_NAME_RE.search(words) is not None and WORK_DONE_RE.search(name) is None


def targets_of(state: IndicatorState) -> tuple[list[MilestoneState], int | float | None]:
    """The dated targets the engine compares against, and the final one ("done" when met). The annual target is due at
    the deadline: a milestone on or after it asking less (a revision that raised the target only) asks the target."""
    if state.kind == SCHEDULE:  # a text-only line counts checkpoints met
        counted = [MilestoneState(due=m.due, target=i + 1, text=m.text, label=m.label) for i, m in enumerate(state.milestones)]
        return counted, len(counted) or None
    dated = [m for m in state.milestones if m.target is not None]
    deadline = state.deadline
    if state.target is not None:
        for k, milestone in enumerate(dated):
            if milestone.due >= deadline:
                if state.comparator != AT_MOST and milestone.target < state.target:  # trial57 finding 1: a target
                    dated[k] = MilestoneState(due=milestone.due, target=state.target, text=milestone.text,  # raised, its
                                              label=milestone.label, printed=milestone.printed)  # schedule left as it was
                break
        else:  # every checkpoint comes before the deadline: the annual target is due at the deadline
            dated.append(MilestoneState(due=deadline, target=state.target, label="完成时限"))
    return dated, state.target  # no annual target printed: judged on checkpoints only, never "done"


def in_force(reports: list[ReportState], on: date) -> ReportState | None:
    """The report that holds at `on`: the latest on or before it; in entry order, the later entry wins a tie on date."""
    latest = None
    for report in reports:
        if report.as_of <= on and (latest is None or report.as_of >= latest.as_of):
            latest = report
    return latest


def _around(milestones: list[MilestoneState], on: date) -> tuple[MilestoneState | None, MilestoneState | None]:
    """The last checkpoint passed at `on` and the next one to come."""
    last_passed = next_up = None
    for milestone in milestones:
        if milestone.due <= on:
            last_passed = milestone
        elif next_up is None:
            next_up = milestone
    return last_passed, next_up


def _expected_at(dated: list[MilestoneState], on: date, start: date, pro_rata: bool, falling: bool) -> tuple:
    """What the schedule asks for at `on` (step: the last checkpoint passed; pro-rata: its share of the way
    to the next), and whether anything is due yet."""
    passed = False
    expected = None if falling or not dated else 0
    for milestone in dated:
        if milestone.due <= on:
            passed = True
            expected = milestone.target
    if pro_rata and dated:
        return _pro_rata(dated, start, on), on > start  # every day after the start has its share
    return expected, passed


def _shares(actual: int | float, expected: int | float | None, final: int | float | None, falling: bool) -> tuple:
    """percent (of the final target), pace (of what is expected now) and gap (to it, + ahead, − behind)."""
    percent = pace = gap = None
    if final and not falling:
        percent = round(100 * actual / final, 1)
    if expected is not None:
        gap = _clean(expected - actual if falling else actual - expected)
        if expected and not falling:
            pace = round(100 * actual / expected, 1)
        elif falling and actual:
            pace = round(100 * expected / actual, 1)
    return percent, pace, gap


def evaluate(state: IndicatorState, on: date, rule: str | None = None, stale_days: int | None = None,
             targets: tuple[list[MilestoneState], int | float | None] | None = None) -> StatusRow:
    """One indicator at `on`; `targets`: its targets_of, when the caller has them already."""
    rule = rule or state.rule or STEP
    latest = in_force(state.reports, on)
    actual = latest.value if latest else None
    deadline = state.deadline
    start = state.start or date(deadline.year, 1, 1)
    comparator = state.comparator
    schedule = state.kind == SCHEDULE

    dated, final = targets or targets_of(state)
    falling = comparator == AT_MOST
    is_level = not schedule and level(state)  # read once: the step rule, judged_at_end and held_so_far all ask it
    held = not falling and is_level  # a level: judged on the step rule, as a ceiling is
    spread = rule == PRO_RATA and not falling and not schedule and not held
    expected, passed = _expected_at(dated, on, start, spread, falling)
    if spread and expected is not None and countable(state.unit):
        expected = whole_to_reach(expected)
    last_passed, next_up = _around(state.milestones, on)
    checkpoint_text = last_passed.text if last_passed else (next_up.text if next_up else "")

    # a ceiling ("<=") limits the whole period, a level (增长5%, 普及率, 每月平均) may fall again: met only once it is over
    at_end = judged_at_end(state, is_level)  # = falling or held
    reached = final is not None and actual is not None and meets(actual, final, comparator)
    if reached and (not at_end or on >= deadline):
        status = "done"
    elif on > deadline:
        status = "overdue"
    elif reached and not falling:  # a rate at its target before the year's end: met so far
        status = "on_track"
    elif not passed:
        status = "not_due"
    elif actual is None:
        status = "no_report"
    elif expected is not None and not meets(actual, expected, comparator):
        status = "behind"
    else:
        status = "on_track"

    percent = pace = gap = days_behind = None
    if actual is not None:
        percent, pace, gap = _shares(actual, expected, final, falling)
        if held_so_far(state, on, at_end):  # a rate's 5.2% of 5% mid-year is no 104% done: a level, judged at the deadline
            percent = None
        if status == "behind" or status == "overdue":
            due = (_over_since(actual, dated, latest.as_of, on) if falling
                   else _when_due(actual, dated, start, rule if spread else STEP))
            days_behind = max(0, (on - due).days) if due else None
    stale = None
    if latest is not None and stale_days is not None and status != "done" and status != "not_due":
        stale = (on - latest.as_of).days > stale_days
    row = _new(StatusRow)  # every field named, without __init__'s keyword matching (model.py)
    row.programme = state.programme
    row.task = state.task
    row.indicator = state.indicator
    row.kind = state.kind
    row.lead_unit = "、".join(state.lead_units)
    row.unit = state.unit
    row.comparator = comparator
    row.target = None if schedule else state.target
    row.expected = expected
    row.actual = actual
    row.as_of = latest.as_of if latest else None
    row.status = status
    row.percent = percent
    row.deadline = deadline
    row.next_due = next_up.due if next_up else None
    row.checkpoint_text = checkpoint_text
    row.note = latest.note if latest else None
    row.task_title = state.task_title
    row.final = final
    row.assessment = state.assessment
    row.task_status = row.agrees = None
    row.pace = pace
    row.gap = gap
    row.days_behind = days_behind
    row.stale = stale
    row.rule = rule
    row.lead_units = list(state.lead_units)
    row.units = list(state.units)
    row.indicator_id = state.indicator_id
    row.due_soon = row.forecast = None
    return row


def assessment_status(words: str | None) -> str | None:
    """The status a report's own judgement ("进度滞后", "顺利推进、完成较好") stands for."""
    if not words:
        return None
    for status, markers in ASSESSMENT_WORDS:
        if any(marker in words for marker in markers):
            return status
    return None


def judge_tasks(rows: list[StatusRow]) -> None:
    """Per task: the worst of its rows, and whether the report's own word agrees with it."""
    by_task: dict[tuple[str, str], list[StatusRow]] = {}
    for row in rows:
        by_task.setdefault((row.programme, row.task), []).append(row)
    severity = {status: i for i, status in enumerate(TASK_SEVERITY)}.__getitem__
    claims: dict[str, str | None] = {}  # a report's few words, said of many tasks: each read once
    for task_rows in by_task.values():
        first = task_rows[0]
        worst = first.status if len(task_rows) == 1 else min((row.status for row in task_rows), key=severity)
        words = first.assessment
        claimed = None
        if words:
            claimed = claims.get(words, "")
            if claimed == "":
                claimed = claims[words] = assessment_status(words)
        for row in task_rows:
            row.task_status = worst
            row.agrees = None if claimed is None else worst in AGREEING[claimed]


def judged(states: list[IndicatorState], on: date, rule: str | None = None, stale_days: int | None = None) -> list[StatusRow]:
    """Every indicator evaluated at `on`, tasks judged, in the states' (document) order."""
    rows = [evaluate(state, on, rule, stale_days) for state in states]
    judge_tasks(rows)
    return rows


def status_rows(
    states: list[IndicatorState], on: date, only: set[str] | None = None, rule: str | None = None,
    stale_days: int | None = None,
) -> list[StatusRow]:
    """Evaluate every indicator; worst status first, then programme and document order."""
    return selected(judged(states, on, rule, stale_days), only)


def selected(rows: list[StatusRow], only: set[str] | None = None) -> list[StatusRow]:
    """The rows with a status in `only` (or due soon, when it names DUE_SOON; off course at the recent pace, when it
    names OFF_COURSE); worst status first."""
    if only:
        rows = [row for row in rows if row.status in only or (DUE_SOON in only and row.due_soon is not None)
                or (OFF_COURSE in only and off_course(row))]
    order = {status: i for i, status in enumerate(STATUSES)}
    return sorted(rows, key=lambda row: order[row.status])  # stable: keeps document order


def off_course(row: StatusRow) -> bool:
    """At the pace of its last two reports the row's final target is met after its deadline, or never (its forecast's
    on_course false); a row with no forecast (one report, a text-only line, a level) is not."""
    return row.forecast is not None and row.forecast.on_course is False


def count_statuses(rows: list[StatusRow]) -> dict[str, int]:
    counts = Counter(row.status for row in rows)
    return {status: counts.get(status, 0) for status in STATUSES}
