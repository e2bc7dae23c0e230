"""Checking reported progress before it is stored: which indicator, which date, which number. Pure: the
store's write is store/log.record_progress."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from mstrack.domain.characters import simplified
from mstrack.domain.dates import DateError, ReportWindow, minute_text, parse_date, report_day
from mstrack.domain.names import collective, look_alike, named_by
from mstrack.domain.quantities import (
    QuantityError,
    as_number,
    count_scale,
    format_number,
    normalize,
    parse_quantity,
    scaled_unit,
    shown,
    unit_named,
    whole_count,
)
from mstrack.domain.readings import (
    checkpoints_value,
    compared_with_earlier,
    falls_below,
    figure_and_words,
    fraction_falls,
    fraction_fell,
    fraction_warning,
    typed_fraction,
)
from mstrack.errors import InputError, Joined, Message
from mstrack.text import clip, one_line
from mstrack.vocabulary import (
    ALL_DONE_WORDS,
    AT_MOST,
    BEFORE_START_WORDS,
    DONE_WORDS,
    EQUAL,
    FAR_ABOVE_RATE,
    FAR_ABOVE_TARGET,
    RATE_OF_CHANGE_WORDS,
    SCHEDULE,
    START_VERBS,
)

DONE = frozenset(DONE_WORDS + ALL_DONE_WORDS)
"""The words that report a line done (已完成, 全部完成 …): `log VALUE` and `import progress` read them alike (done_value)."""



def done_word(value: str | None) -> bool:
    """Whether a cell is a done word (DONE: 已完成, 全部完成 …), as `import progress` and `import table --progress-as-of`
    read a value cell: a figure ("5") never is."""
    return bool(value) and not value[0].isdigit() and normalize(value) in DONE


def approximate(indicator: str, value: str, number: int | float) -> Message:
    """What is said of an approximate figure ("约5000"), stored as its number: `import progress` and `import table
    --progress-as-of` say it alike."""
    return Message("{indicator}: {value} is approximate; taken as {number}", indicator=indicator, value=shown(value),
                   number=number)


if TYPE_CHECKING:
    from mstrack.model import IndicatorState


@dataclass
class LogResult:
    message: Message
    warnings: list[Message] = field(default_factory=list)


def match_indicator(states: list[IndicatorState], name: str | None, text_only: bool | None, label: str,
                    moved=None) -> IndicatorState:
    """The indicator a report means: exact name, else a unique prefix, else a unique part of the name.

    Without a name, the task's only indicator (or only text-only line, for --done) is meant.
    text_only None considers indicators and text-only lines alike. `moved(name)`: where a name the task has not went
    (a Message, or None), asked only for that refusal (trial57 finding 7: a task split)."""
    candidates = states if text_only is None else [s for s in states if (s.kind == SCHEDULE) == text_only]
    if name is not None:  # the common case, an import's rows naming the plan's own indicator, before any message is built
        exact = [s for s in candidates if s.indicator == name]
        if len(exact) == 1:
            return exact[0]
    listing = Joined("; ", (Message("{name} (text-only)", name=s.indicator) if s.kind == SCHEDULE else
                            Message("{name} ({unit})", name=s.indicator, unit=s.unit or "-") for s in states))
    if not candidates:
        if text_only:
            raise InputError("{label} has no text-only line to mark done; give a number ({listing})", label=label,
                             listing=listing)
        raise InputError("{label} has only text-only lines; mark a checkpoint met with --done (or 已完成)", label=label)
    if name is None:
        if len(candidates) == 1:
            return candidates[0]
        names = Joined("; ", (s.indicator for s in candidates))
        raise InputError("{label} has {n} {n:indicator|indicators}; name one: {names}", label=label, n=len(candidates), names=names)
    # "農村低保" names the plan's "农村低保", and the other way round
    found = named_by(candidates, name, lambda s: s.indicator, (str, simplified))
    if len(found) == 1:
        return found[0]
    if found:
        raise InputError("indicator {name!r} is ambiguous in {label}: {names}", name=name, label=label,
                         names=", ".join(s.indicator for s in found))
    if moved is not None and (where := moved(name)):
        raise InputError("{label} has no indicator {name!r}; its indicators: {listing}; {where}", label=label, name=name,
                         listing=listing, where=where)
    raise InputError("{label} has no indicator {name!r}; its indicators: {listing}", label=label, name=name, listing=listing)


def check_value(text: str, unit: str, indicator: str, typed: bool = True, *,
                comparator: str = EQUAL) -> tuple[int | float, list[Message]]:
    """The number a unit reported, in the indicator's base unit; InputError says what is wrong. `typed`: False for a
    spreadsheet's number cell, a double already (parse_quantity). Below zero only where it can be true
    (may_be_negative: the indicator's `comparator` a ceiling, or a rate of change in %)."""
    if text.lstrip()[:1] in ("+", "＋") and not may_be_negative(indicator, unit, comparator):
        raise InputError("{value} has a plus sign, as an increase is written: values are cumulative from the start of "
                         "the year; give the total so far", value=shown(text))
    if started_word(text):  # "已开工" on 建成3所: a start, not a figure; asked for both (log and import alike)
        raise InputError("{value} says the work has started, not what {indicator} stands at: give the figure so far (0 if "
                         "none is done yet), and {value} as its note (--note, or the 备注 column)", value=text.strip(),
                         indicator=indicator)
    try:
        quantity = parse_quantity(text, typed=typed)
    except QuantityError as error:
        raise figure_and_words(text, unit) or InputError(error) from None
    warnings = []
    if quantity.unit == "%" and unit != "%":
        if not unit:
            raise InputError("{value}: {indicator} counts a number, not a percentage; give the count", value=shown(text),
                             indicator=indicator)
        raise InputError("{value}: {indicator} counts {unit}, not a percentage; give the count", value=shown(text),
                         indicator=indicator, unit=unit)
    scale, under = scaled_unit(unit)
    if scale > 1 and (not quantity.unit and quantity.scale > 1 or quantity.unit and unit_named(quantity.unit, under)):
        # "20万" or "200000人" against an indicator in 万人: a count of 人, stated in the indicator's 万人 (20); "12万间"
        # against 万套（间）, either of its pair
        quantity = replace(quantity, value=as_number(Decimal(str(quantity.value)) / scale), unit=quantity.unit and unit)
    if quantity.unit and quantity.unit != "%" and not unit_named(quantity.unit, unit):
        if words := figure_and_words(text, unit):
            raise words
        raise InputError("{value}: unit {unit!r} does not match {indicator}'s unit {expected!r}", value=shown(text),
                         unit=quantity.unit, indicator=indicator, expected=unit)
    if unit == "%" and quantity.unit not in ("%", ""):
        raise InputError("{value}: {indicator} is a percentage; give it as 65%", value=shown(text), indicator=indicator)
    if quantity.value < 0 and not may_be_negative(indicator, unit, comparator):
        raise InputError("{value}: {indicator} cannot be negative: only a ceiling (<=) or a rate of change in % "
                         "(涨幅, 增速 …) can be", value=shown(text), indicator=indicator)
    check_whole(text, quantity.value, unit, indicator)
    if unit == "%" and quantity.value > 100:
        warnings.append(Message("{indicator}: {value}% is above 100%", indicator=indicator, value=quantity.value))
    return quantity.value, warnings


def may_be_negative(indicator: str, unit: str, comparator: str) -> bool:
    """Whether a figure below zero can be an indicator's true one: a ceiling's (居民消费价格涨幅不超过3%: -0.3% in a month
    of falling prices), a rate of change's in % (地区生产总值增速, vocabulary.RATE_OF_CHANGE_WORDS); never a count of
    things built or people served, an amount or a share reached (学位, 万元, 普及率)."""
    return comparator == AT_MOST or unit == "%" and any(word in simplified(indicator) for word in RATE_OF_CHANGE_WORDS)


def far_above_target(label: str, value: int | float, unit: str, comparator: str,
                     target: int | float | None) -> Message | None:
    """A value more than FAR_ABOVE_TARGET times its annual target, said as `log` and `import progress` say a
    percentage above 100%, naming the task and indicator (`label`), the figure and the target: stored (a task may well
    overshoot), but a typo (20 for 2) or a figure in the wrong unit (600 meant as 人 on 万人) reads so. Not for a
    ceiling, whose target is a bound from above."""
    limit = far_above_limit(unit, target, comparator)
    if limit is None or value <= limit:
        return None
    return Message("{label}: {value} is more than {times} times its annual target of {target}; taken as given: check it is no "
                   "typo or figure in another unit", label=label, value=format_number(value, unit),
                   times=FAR_ABOVE_RATE if unit == "%" else FAR_ABOVE_TARGET, target=format_number(target, unit))


def far_above_limit(unit: str, target: int | float | None, comparator: str) -> float | None:
    """The figure above which a value is far above its annual target (far_above_target; the rows' quick path of an
    import sends those to the per-row check, progress_cells.plain_limit); None where none is (a ceiling, no target)."""
    if comparator == AT_MOST or target is None or target <= 0:
        return None
    return (FAR_ABOVE_RATE if unit == "%" else FAR_ABOVE_TARGET) * target


def note_without_figure(place: str, task: str, indicator: str | None, note: str) -> Message:
    """A return's row with a note (备注) and no figure: skipped as a row left empty is, so its note is not stored, and
    said, naming the row and the note's first words, that the unit's words are not lost unseen (newcomer49 N6)."""
    return Message("{place}: {task}{indicator}: a note with no figure is not stored (“{note}”); give the figure, or "
                   "已完成, beside it", place=place, task=one_line(task),
                   indicator=f" {one_line(indicator)}" if indicator else "", note=clip(note, 31))


def check_whole(text: str, number: int | float, unit: str, indicator: str) -> None:
    """A value on a unit that counts whole things (人次, 个, 户) is a whole number of them (quantities.whole_count),
    or bad input: 1500.5 人次 would be stored as it is and shown rounded. Every write path asks this (`log` through
    check_value, `import progress` for its plain cells too)."""
    if whole_count(number, unit):
        return
    scale, under = count_scale(unit), scaled_unit(unit)[1]
    if scale == 1:
        raise InputError("{value}: {indicator} counts {unit}, which come whole: give a whole number", value=shown(text),
                         indicator=indicator, unit=unit)
    count = as_number(Decimal(repr(number)) * scale)
    raise InputError("{value}: {indicator} counts {unit}: that is {count}{under}, which come whole: give a whole number "
                     "of {under}", value=shown(text), indicator=indicator, unit=unit, count=format_number(count), under=under)


def done_text_only(states: list[IndicatorState], indicator: str | None) -> bool | None:
    """Which lines a done word without an indicator's name means: the task's text-only lines when it has any (its
    进度安排), else any indicator; with a name, the one named (match_indicator's text_only)."""
    return True if indicator is None and any(s.kind == SCHEDULE for s in states) else None


def value_text_only(states: list[IndicatorState], indicator: str | None) -> bool | None:
    """Which lines a VALUE of `log` means (match_indicator's text_only): with a name, the one named, either kind, as a
    return's row names it; without, the task's indicators with a figure, or its text-only lines when it has only those
    (a count of checkpoints met: checkpoints_value)."""
    if indicator is not None:
        return None
    return bool(states) and all(s.kind == SCHEDULE for s in states)


def done_value(*, kind: str, comparator: str, target: int | float | None, dues: list[date], unit: str, indicator: str,
               word: str, on: date) -> int | float:
    """What a done word (已完成, 已建成 …; DONE) reports, read alike by `log` and `import progress` (docs/import.md): on a
    text-only line, its checkpoints due by `on` (at least one; every one for 全部完成); on an indicator, its annual
    target. Refused on an indicator that prints no target, and on a ceiling (居民消费价格涨幅不超过3%): completing the
    work does not put the figure at the ceiling, so storing 3 would report what nobody reported."""
    if kind == SCHEDULE:
        if normalize(word) in ALL_DONE_WORDS:
            return len(dues)
        return max(1, sum(1 for due in dues if due <= on))
    if comparator == AT_MOST:
        raise InputError("{indicator}: {value} against a target of not more than {target}: a ceiling is not reached by "
                         "completing it; give the figure", indicator=indicator, value=word,
                         target=format_number(target, unit) if target is not None else "-")
    if target is None:
        raise InputError("{indicator} prints no annual target to be {value} against; give the number",
                         indicator=indicator, value=word)
    return target


STARTED = frozenset(prefix + verb for verb in START_VERBS for prefix in ("", "已", "已经"))
"""The words that report a line started (已开工, 已動工 …): on a text-only line, its checkpoints up to its start met."""


def started_word(value: str | None) -> bool:
    """Whether a value says the work has started (STARTED, in either script: 已開工 is 已开工)."""
    return value is not None and simplified(normalize(value).strip().rstrip("。")) in STARTED


START_CHECKPOINT_RE = re.compile(f"(?:{'|'.join(START_VERBS)})(?!{'|'.join(BEFORE_START_WORDS)})")
"""A checkpoint's words that say the work starts (6月底前开工建设, 6月動工 simplified), not that it is prepared
(完成开工前期手续, 具备开工条件, 开工仪式筹备: review50 F4, those were taken for the start)."""


def started_value(label: str, word: str, texts: list[str]) -> int:
    """What a start word (已开工) reports on a text-only line, read alike by `log` and `import progress`: its checkpoints
    up to its first start (START_CHECKPOINT_RE: "6月開工", then "年內完工"; not "开工前期手续") met. Refused on a line
    with no start checkpoint, naming what it has: the unit is asked what it means, never a checkpoint guessed."""
    for number, text in enumerate(texts, 1):
        if START_CHECKPOINT_RE.search(simplified(text)):
            return number
    raise InputError("{label}: {value}, but none of its {total} checkpoints is a start (开工): give 已完成 or how many of "
                     "its checkpoints are met ({texts})", label=label, value=word, total=len(texts),
                     texts="; ".join(text or "—" for text in texts))


def done_read_as(label: str, word: str, met: int | float, dues: list[date], on: date) -> Message | None:
    """What a done word on a text-only line was read as, when it is fewer checkpoints than the line has (done_value:
    those due by the row's date): said, as the unit may have meant the whole line ("完工" on "6月開工,年內完工" in
    August), with the way to say so. None when every checkpoint is read as met."""
    if met >= len(dues):
        return None
    return Message("{label}: {word} read as {met} of {total} checkpoints met (those due by {on}); the next is due {due}:"
                   " give {total} (or 全部完成) if every one is met", label=label, word=word, met=met, total=len(dues),
                   on=on, due=dues[int(met)])


def highest_before(reports: list, on: date) -> tuple[date, int | float] | None:
    """The highest figure standing before `on` and its day (the latest of equal ones), as an import's rows meet it."""
    highest = None
    for report in _standing(reports):
        if report.as_of < on and (highest is None or report.value >= highest[1]):
            highest = (report.as_of, report.value)
    return highest


def require_value_or_done(value: str | None, done: bool) -> None:
    """`mstrack log` takes a value or --done: exactly one of them."""
    if done and value is not None:
        raise InputError("give either VALUE or --done, not both")
    if not done and value is None:
        raise InputError("missing VALUE (or --done to mark a text-only checkpoint met)")


def standing_before(reports: list, on: date) -> tuple[date, int | float] | None:
    """The figure that stands before `on` (the latest day's last entry), as (day, value): what a report of `on` follows."""
    before = [report for report in _standing(reports) if report.as_of < on]
    return (before[-1].as_of, before[-1].value) if before else None


def lowers_year_end(window: ReportWindow, indicator: str, unit: str, comparator: str, number: int | float, on: date,
                    standing: tuple[date, int | float] | None) -> bool:
    """Whether a value dated after a programme's last day (its closing figure, reported in January) is below the figure
    standing before it, the year-end figure the annual 一览表 would show without it: most likely the next year's figure
    entered under last year's programme (safety47 F12). Refused unless --reason, by `import progress` and `log` alike
    (trial51 D2); a rate of change or a ceiling may fall (may_be_negative)."""
    return (standing is not None and window.over(on) and number < standing[1]
            and not may_be_negative(indicator, unit, comparator))


def year_end_lowered(ref: str, indicator: str, unit: str, number: int | float, on: date, standing: tuple[date, int | float],
                     window: ReportWindow, programme: str, others: list[str], logged: bool) -> Message:
    """Why a value lowering a programme's year-end figure (lowers_year_end) is refused: the figure it would lower, as
    the store holds it, and the programme whose year the day is in (`others`), under which `log` (`logged`) or the
    import is meant."""
    cause = in_year_of(on, others, logged=logged) if others else Message(
        "are these the next year's figures? import them under the next year's programme")
    return Message("{ref} {indicator} {value} as of {on} would lower the year-end figure of {programme} ({year}) from "
                   "{earlier} as of {earlier_on}; {cause}, or give --reason to lower the year-end figure", ref=ref,
                   indicator=indicator, value=format_number(number, unit), on=on, programme=programme, year=window.year,
                   earlier=format_number(standing[1], unit), earlier_on=standing[0], cause=cause)


def in_year_of(on: date, others: list[str], *, logged: bool) -> Message:
    """Where a day another programme's window does not take belongs: the programmes of its year (`others`,
    Store.programmes_of_year), under which `log` (`logged`) or the import is meant."""
    if logged:
        return Message("{on} is in the year of {codes}: log its figures under {code}", on=on, codes="、".join(others),
                       code=others[0])
    return Message("{on} is in the year of {codes}: import its figures with -p {code} (or a 计划 column)", on=on,
                   codes="、".join(others), code=others[0])


def and_year_of(said, on: date, others: list[str], *, logged: bool):
    """A day outside a programme's window (`said`), followed by the programmes whose year it is in (`others`), when
    there are any: the one wording of `log` and `import progress` (views52)."""
    return Message("{first}; {more}", first=said, more=in_year_of(on, others, logged=logged)) if others else said


class OutsideWindow(InputError):
    """A day outside the programme's window of reports (`on`): `log` names the programme whose year it is in
    (store.log.record_progress), which the domain does not read."""

    def __init__(self, message, /, on: date, **fields):
        super().__init__(message, on=on, **fields)
        self.on = on


@dataclass(kw_only=True)
class CheckedReport:
    """One reported value, checked against its indicator and ready to store, with the words that say what it is."""

    state: IndicatorState
    on: date
    value: int | float
    label: str
    what: Message
    warnings: list[Message] = field(default_factory=list)
    unchanged: bool = False  # the same value and note as the indicator's report of that day: nothing to write
    note: str | None = None  # the note to store: the one given, else that of the day's report it corrects (kept_note)
    year_end: tuple[date, int | float] | None = None  # the year-end figure the value would lower (lowers_year_end)
    fraction: Message | None = None  # why a typed fraction is refused unless --reason (fraction_fell)


def period_target(checkpoints: list[tuple[date, int | float | None]], on: date) -> tuple[date, int | float] | None:
    """The 本期目标 a fill-in form shows for `on` (render/template.py) and an import reads beside a done word
    (review47 F7: one rule): of the checkpoints (due, figure or None) by due, those due on or after `on` (past the
    last one: the last one), the first with a figure, as (due, figure); None when none has one (the form then shows
    the annual target)."""
    upcoming = [checkpoint for checkpoint in checkpoints if checkpoint[0] >= on] or checkpoints[-1:]
    return next(((due, figure) for due, figure in upcoming if figure is not None), None)


def another_reporters(by: str | None, named: bool, unit: str | None, reporter: str | None,
                      reporting_unit: str | None) -> bool:
    """The one rule for "another reporter's figure" (`log`, both import paths, --dry-run alike: safety46 F9, trial53
    F4, review53 F1-F3): whether a write from `by` (who it is stored as: --by, a 填报人 cell, else the login or
    database role), `named` whether --by or a 填报人 cell gave it, for the office `unit` (--unit, a 填报单位; None for
    none), would replace a stored entry of another reporter's (`reporter`, `reporting_unit`).

    A write that names no one (no --by, no 填报人, no 填报单位) is the office's own correction, never another's: the
    coordinator's fix of a unit's figure, a plain file's v2 imported by another login, an entry stored under the
    machine login before the upgrade to database roles. Else by the reporting units where both name one office, read
    alike (two districts' returns imported by one login are two; two people of one office are one: units_compared);
    else by the reporters, a unit's row naming no 填报人 being nobody's against an entry that names a unit too (two
    districts' copies of one collective form, safety47 F4) and its login against one that names none (review47 F2).
    An entry with no reporter is nobody else's."""
    if units_compared(unit, reporting_unit):
        return look_alike(unit) != look_alike(reporting_unit)
    if not named and unit is None:
        return False
    compared = by if named or reporting_unit is None else None
    return reporter is not None and compared != reporter


def units_compared(unit: str | None, reporting_unit: str | None) -> bool:
    """Whether a report and a stored entry are told apart by their reporting units: both name one, and neither is a
    class of offices ("各区人民政府": the form every district's copy of a collective lead's task says, review47 F1)."""
    return bool(unit and reporting_unit) and not collective(unit) and not collective(reporting_unit)


def another_reporters_value(ref: str, indicator: str, on: date, value: str, by: str, other: str,
                            reporter: str | None, source: str | None, entered) -> Message:
    """Why a report may not replace another reporter's value of that day unsaid, where the reporters decide (no unit
    on one side, or a class of offices: units_compared): the values, both reporters, and where and when the stored
    one was entered (entered_words). `by`: who the row is from, as it is stored (the login when it names no one)."""
    return Message("{ref} {indicator} as of {on} is {value} here (by {by}) but {other} by {reporter} ({entered}) stands; a"
                   " report by another reporter replaces it only as a correction: give --reason to say why", ref=ref,
                   indicator=indicator, on=on, value=value, by=by, other=other, reporter=reporter or "—",
                   entered=entered_words(source, entered))


def another_units_value(ref: str, indicator: str, on: date, value: str, unit: str, by: str, other: str,
                        reporting_unit: str, reporter: str | None, source: str | None, entered) -> Message:
    """Why a report of one office may not replace another office's value of that day unsaid (`log --unit`, a return
    with its 填报单位): the values, both units, and who entered the stored one, from which file and when."""
    return Message("{ref} {indicator} as of {on} is {value} from {unit} (by {by}) but {other} from {other_unit} (by "
                   "{reporter}, {entered}) stands; a report of another unit replaces it only as a correction: give --reason to "
                   "say why", ref=ref, indicator=indicator, on=on, value=value, unit=unit, by=by, other=other,
                   other_unit=reporting_unit, reporter=reporter or "—", entered=entered_words(source, entered))


def entered_words(source: str | None, entered) -> Message:
    """Where and when a stored entry came in, as a refusal to replace it names it: "futian.csv, entered 2024-07-01
    09:30" (the file, none for a `log`; the time as `batches` shows a batch's)."""
    when = minute_text(entered) if entered is not None else "—"
    if source:
        return Message("{source}, entered {when}", source=source, when=when)
    return Message("entered {when}", when=when)


def check_report(
    states: list[IndicatorState], window: ReportWindow, task_label: str, value: str | None, *, indicator: str | None,
    as_of: str | None, done: bool, today: date, note: str | None = None, reporter: str | None = None,
    named: bool = True, unit: str | None = None, moved=None,
) -> CheckedReport:
    """Which indicator a report means, its date and its number (or the next checkpoint met, with `done`):
    InputError names the option at fault; warnings say what is odd but allowed (a cumulative value falling)."""
    word = value if value is not None and not done and normalize(value) in DONE else None  # "已完成", as import reads it
    started = not done and started_word(value)  # "已开工": a text-only line's start checkpoint met
    try:
        state = match_indicator(states, indicator, done_text_only(states, indicator) if word or started else
                                True if done else value_text_only(states, indicator), task_label, moved)
    except InputError as error:
        if indicator:
            raise InputError("--indicator: {error}", error=error) from None
        raise
    label = f"{task_label} {state.indicator}"
    on = logged_day(as_of, window, today)
    if on > today:
        raise InputError("--as-of {on}: a report cannot be dated in the future (today is {today})", on=on, today=today)
    if as_of is not None and not window.holds(on):
        raise OutsideWindow("--as-of {on}: outside {window}", on=on, window=window.said())
    warnings: list[Message] = []
    fraction = None
    if done:
        met = max((r.value for r in state.reports), default=0)
        if met >= len(state.milestones) == 1:
            raise InputError("{label}: its one checkpoint is already marked met", label=label)
        if met >= len(state.milestones):
            raise InputError("{label}: all {n} checkpoints are already marked met", label=label, n=len(state.milestones))
        number = int(met) + 1
        checkpoint = state.milestones[number - 1]
        what = Message("checkpoint {n}/{total} ({label}) met", n=number, total=len(state.milestones),
                       label=checkpoint.label or checkpoint.due)
    else:
        highest = highest_before(state.reports, on)  # what a fraction and a fall are judged against
        if started and state.kind == SCHEDULE:
            number = started_value(label, value, [m.text for m in state.milestones])
        elif word is not None:
            number = done_value(kind=state.kind, comparator=state.comparator, target=state.target, unit=state.unit,
                                dues=[m.due for m in state.milestones], indicator=state.indicator, word=word, on=on)
            if state.kind == SCHEDULE and (read := done_read_as(label, word, number, [m.due for m in state.milestones], on)):
                warnings.append(read)
        elif state.kind == SCHEDULE:  # "3", "3个节点": its checkpoints met, as a return's row is read
            try:
                number = checkpoints_value(value, state.unit, state.indicator, len(state.milestones))
            except InputError as error:
                raise InputError("VALUE {error}", error=error) from None
        else:
            try:
                number, warnings = check_value(value, state.unit, state.indicator, comparator=state.comparator)
            except InputError as error:
                raise InputError("VALUE {error}", error=error) from None
            if far := far_above_target(label, number, state.unit, state.comparator, state.target):
                warnings.append(far)
            if typed_fraction(value, number, state.unit, state.target):  # 0.85 after 65%: as import reads it
                if fraction_falls(highest, on):
                    fraction = fraction_fell(label, number, state.unit, highest)
                if said := fraction_warning(state.indicator, number):
                    warnings.append(said)
        if compared_with_earlier(state.comparator) and falls_below(highest, on, number):
            warnings.append(Message(
                "{label}: {value} as of {on} is lower than the {earlier} reported as of {earlier_on}; values are cumulative",
                label=label, value=format_number(number, state.unit), on=on, earlier=format_number(highest[1], state.unit),
                earlier_on=highest[0],
            ))
        elif compared_with_earlier(state.comparator) and (warning := higher_than_later(
                label, number, on, state.unit, [(r.as_of, r.value) for r in state.reports])):
            warnings.append(warning)
        what = Message("{value} as of {on}", value=format_number(number, state.unit), on=on)
        standing = standing_before(state.reports, on)
        if not lowers_year_end(window, state.indicator, state.unit, state.comparator, number, on, standing):
            standing = None
    if as_of is None and not window.holds(on):  # today by default (checked after the value: its error first)
        raise OutsideWindow("--as-of: needed, today ({on}) is outside {window}; give the day the value stands as of, "
                            "e.g. --as-of {last}", on=on, window=window.said(), last=window.last)
    same_day = [r for r in state.reports if r.as_of == on]
    if same_day and same_day[-1].value != number:
        what = Message("{what}, correcting {old}", what=what, old=format_number(same_day[-1].value, state.unit))
    corrected = same_day[-1] if same_day else None
    another = corrected is not None and another_units_correction(reporter, named, unit, number, corrected.value, corrected.reporter,
                                                                 corrected.reporting_unit)
    note = kept_note(note, corrected and corrected.note, done, another=another)
    unchanged = not done and _same_as_recorded(same_day, number, note)
    return CheckedReport(state=state, on=on, value=number, label=label, what=what, warnings=warnings, unchanged=unchanged,
                         note=note, year_end=None if done else standing, fraction=fraction)


def corrects_another(reporter: str | None, named: bool, unit: str | None, value, stored, stored_reporter: str | None,
                     stored_unit: str | None) -> bool:
    """Whether a report's `value` (`log`'s, by `reporter`, `named` by --by or not, for `unit` or none) corrects another
    reporter's or unit's entry of that day (`stored`, its value, None if none stands; `stored_reporter`, `stored_unit`:
    another_reporters): refused without --reason under the write lock (store.log.refuse_another_reporters_value), as
    `import progress` refuses such a row, and the note of that entry is not kept (check_report, kept_note). The same
    value again corrects nothing (it stays "unchanged", as before)."""
    return stored is not None and stored != value and another_reporters(reporter, named, unit, stored_reporter, stored_unit)


def another_units_correction(reporter: str | None, named: bool, unit: str | None, value, stored,
                             stored_reporter: str | None, stored_unit: str | None) -> bool:
    """Whether a `log --unit`'s `value` corrects another unit's entry of that day (corrects_another, both naming their
    unit): the note of that entry is not kept (check_report, kept_note). An office's `log` without --unit over a
    unit's report (`--reason 电话核实`, safety47 F3) keeps the unit's words about that day."""
    return unit is not None and stored_unit is not None and corrects_another(reporter, named, unit, value, stored,
                                                                             stored_reporter, stored_unit)


def kept_note(note: str | None, corrected: str | None, done: bool = False, another: bool = False) -> str | None:
    """The note a report stores (`log`, a return's row): the one given (--note, "" included), else `corrected`, the note
    of the day's report it corrects. The note is the unit's words about that day (why it is behind), the reason the
    office's: an office correction (`log --reason 电话核实`) dropped the unit's remark from every report (safety47 F3).
    A correction by another unit or reporter than the corrected report's (`another`: domain.progress.another_reporters,
    accepted with --reason) keeps none: the words are that unit's, not the correcting one's (review48 F5)."""
    if note is not None or done or another:
        return note
    return corrected


def higher_than_later(label: str, number: int | float, on: date, unit: str, reports: list[tuple[date, float]]) -> Message | None:
    """A late report (dated before others) above a later one, which now reads as a fall: said by `log` and `import
    progress` alike. `reports`: the (day, value) stored, in day and entry order (a day's last entry stands)."""
    standing = dict(reports)
    later = [(day, value) for day, value in sorted(standing.items()) if day > on and value < number]
    if not later:
        return None
    later_on, value = later[0]
    return Message("{label}: {value} as of {on} is higher than the {later} reported as of {later_on}, a later day; values are"
                   " cumulative", label=label, value=format_number(number, unit), on=on,
                   later=format_number(value, unit), later_on=later_on)


def _standing(reports: list) -> list:
    """The report that stands for each date, the last entered (reports come by date, then entry), as in
    higher_than_later: a value since corrected is no reason to warn."""
    return list({report.as_of: report for report in reports}.values())


def _same_as_recorded(same_day: list, number: int | float, note: str | None) -> bool:
    """The value and note already stand as the indicator's report of that day: logging them again is no news."""
    return bool(same_day) and same_day[-1].value == number and (same_day[-1].note or None) == (note or None)


def logged_day(as_of: str | None, window: ReportWindow, today: date) -> date:
    """The day a logged value stands as of: --as-of read in the programme's days as a return's date cell is
    (dates.report_day: "1月5日" in the January after, in January), else today (InputError: --as-of does not read as
    a day). check_report's, and the store's choice of how much of the window to read."""
    return today if as_of is None else _report_day(as_of, window, today)


def _report_day(as_of: str, window: ReportWindow, today: date) -> date:
    try:
        return report_day(lambda year: parse_date(as_of, year), window, today, as_of)
    except DateError as error:
        raise InputError("--as-of: {error}", error=error) from None
