"""The options several commands take, each defined once (--as-of, --format, --rule, --warn-days, a task's REF),
their closed lists and the dates they name. Saying things is cli/saying.py, writing outputs cli/printing.py,
the store and the process's exit cli/process.py, the options' values read cli/values.py: none of these imports
another part of the command line but saying, so that every command module can import them; like the commands,
they import the store, the engine and Rich inside functions, for a fast start.
"""

from datetime import date
from enum import Enum
from typing import Annotated, Optional

import typer

from mstrack.cli.saying import fail, note
from mstrack.vocabulary import ONLY, RULES, STATUSES


class Format(str, Enum):
    table = "table"
    json = "json"


RULE_HELP = ("How expected is computed: step (the last checkpoint passed) or pro-rata (序时进度, linear between "
             "checkpoints). [default: the programme's setting, else step]")


Status = Enum("Status", {status: status for status in STATUSES}, type=str)

Only = Enum("Only", {word: word for word in ONLY}, type=str)
"""What `status --only` may name: a status, due_soon (a checkpoint due within --warn-days, not yet met) or off_course
(at the recent pace, done after the deadline)."""

WARN_HELP = "Warn of a checkpoint due within DAYS after the date judged whose target is not yet met (预警)."


# --- options several commands take, each defined once ------------------------------------------------

def as_of_option(help: str):
    """--as-of: a date, read by parse_day (2023-07-01, 6月底). Every command takes it alike; its help says
    what the date means there and what it is by default."""
    return Annotated[Optional[str], typer.Option("--as-of", help=help)]


AsOfOption = as_of_option("Date to judge at, e.g. 2023-07-01 or 6月底. [default: today]")
SinceOption = Annotated[Optional[str], typer.Option("--since", help="Only what was entered on or after this day, e.g. 2026-01-01.")]
UntilOption = Annotated[Optional[str], typer.Option("--until", help="Only what was entered on or before this day, e.g. 2026-12-31.")]
"""--since/--until of `history` and `batches`: the local days entries were entered on (an audit's period), read by
entered_days."""
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="table or json")]
"""--format of the commands that print a table or JSON."""
RefArgument = Annotated[str, typer.Argument(help="PROGRAMME/CODE, e.g. shenzhen-2023/5")]
DAYS_MAX = 36500
"""The most days a day count may name (a century): a date moved by more leaves the calendar (year 9999)."""

ID_MAX = 2**63 - 1
"""The largest id or count the store can hold (a 64-bit INTEGER on SQLite and PostgreSQL)."""

WarnDaysOption = Annotated[int, typer.Option("--warn-days", min=0, max=DAYS_MAX, help=WARN_HELP)]


def _complete_rule(incomplete: str) -> list[str]:
    return [rule for rule in RULES if rule.startswith(incomplete)]


def rule_option(help: str = RULE_HELP):
    """--rule: step or pro-rata, checked by `rule_value` (one line, exit 2, as every closed list); its help
    says what it is by default where the command has its own default."""
    return Annotated[Optional[str], typer.Option("--rule", help=help, autocompletion=_complete_rule)]


RuleOption = rule_option()


def rule_value(value: str | None) -> str | None:
    """The --rule given, checked against the rules there are; None when none was given."""
    return None if value is None else choice(value, RULES, "--rule")


def parse_day(text: str | None, option: str, year: int | None = None) -> date:
    if text is None:
        return date.today()
    from mstrack.domain.dates import DateError, parse_date

    try:
        return parse_date(text, year or date.today().year)
    except DateError as error:
        raise fail("{option}: {error}", option=option, error=error) from None


def entered_days(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """--since and --until as days (parse_day's reading), a period that ends before it begins refused (trial63 #7)."""
    first = parse_day(since, "--since") if since else None
    last = parse_day(until, "--until") if until else None
    if first is not None and last is not None and last < first:
        raise fail("--until {until} is before --since {since}: no day is in both", until=last, since=first)
    return first, last


def entered_within(moment, first: date | None, last: date | None) -> bool:
    """Whether a time (an entry's, a plan change's batch's, local) falls on the days of entered_days' period: the one
    test `history` puts its values and its plan changes to, so that a period asked for is the period shown."""
    return (first or date.min) <= moment.date() <= (last or date.max)


def stored_programmes(store, programmes: list[str] | None) -> list[str] | None:
    """The programmes -p names, as the store spells them (names.typed_code, as a task's REF reads its code): -p
    YANTIAN-2023 or ｙａｎｔｉａｎ-2023 is yantian-2023 where exactly one stored code reads alike; none or several
    refused with the codes it may have meant (names.unknown_programme), before anything is read or said."""
    if not programmes:
        return programmes
    from mstrack.domain.names import typed_code, unknown_programme

    known = store.programme_codes()
    named = []
    for code in programmes:
        if (stored := typed_code(code, known)) is None:
            raise unknown_programme(known, code, store.display_url)
        named.append(stored)
    return list(dict.fromkeys(named))  # -p x-2023 -p X-2023: the one programme, once


def judge_day(store, as_of: str | None, programmes: list[str] | None = None) -> date:
    """The day a command judges at: --as-of, read in the programmes' year; else today, and where every
    programme concerned is over (its year past, and its own last day: domain.dates.ReportWindow), a note (once)
    that today is past their year and how to see the year as it stood."""
    if as_of is not None:
        return parse_day(as_of, "--as-of", store.common_year(programmes))
    today = date.today()
    years = store.programme_years(programmes)
    if years and years[-1] < today.year and all(window.over(today) for window in store.programme_windows(programmes).values()):
        from mstrack.errors import Message

        note(Message(
            "the year of these programmes ({year}) is over: judged as of today, {today}; add --as-of to see the year "
            "as it stood (e.g. --as-of {year}-12-31, or --as-of 6月底)", year=years[-1], today=today.isoformat()))
    return today


def view_scope(store, programmes: list[str] | None, on: date, *, report: bool = False):
    """The programmes a view as of `on` covers (domain.scope.day_scope: the one rule of status, units, lights, report
    weekly and report notice; trial53 F1, F2): left without -p, those whose window of reports holds `on`, while any
    does; a programme whose year is over (safety47 F8), or not begun (next year's plan imported in December), is left
    out, said once on stderr with the -p that takes it in. A task carried into another year is counted once (its earlier
    task left out, said too). A report (`report=True`) of a store with no programme is refused (exit 2): its report
    would be an all-clear ("共0项任务 … 没有滞后事项"), mailed by a weekly job pointed at the wrong store (trial50 T5);
    a view of it prints its empty board (cli.saying.say_if_no_programmes)."""
    from dataclasses import replace

    from mstrack.domain.scope import Scope, day_scope
    from mstrack.errors import Message

    if not programmes and report and not store.programme_codes():
        raise fail("no programmes in {db}, so no report is made (`mstrack import plan FILE.toml` adds one; "
                   "is --db or MSTRACK_DB the store you meant?)", db=store.display_url)
    scope = Scope(list(programmes)) if programmes else day_scope(store.programme_windows(), on)
    if codes := scope.closed:
        note(Message(
            "left out, their year is over as of {on}: {codes}; -p {first} (with -p for each programme wanted) takes "
            "{n:it|them} in", on=on.isoformat(), codes=", ".join(codes), first=codes[0], n=len(codes)))
    if codes := scope.not_begun:
        note(Message(
            "left out, not begun as of {on}: {codes}; -p {first} (with -p for each programme wanted) takes "
            "{n:it|them} in", on=on.isoformat(), codes=", ".join(codes), first=codes[0], n=len(codes)))
    scope = replace(scope, carried=store.carried_tasks(scope.covered))
    if carried := scope.carried:
        note(Message(
            "counted once, under the task {n:it is|they are} carried into: {pairs}", n=len(carried),
            pairs=", ".join(f"{old} → {new}" for old, new in sorted(carried.items()))))
    return scope


def choice(value: str, choices, option: str) -> str:
    """A value from a closed list, or one line naming the option and the choices (exit 2)."""
    if value not in choices:
        from mstrack.domain.names import close_to

        if near := close_to(value, choices, n=3):  # "behnd": behind (trial53 #10)
            raise fail("{option} {value!r}: expected one of {choices}; did you mean: {near}", option=option, value=value,
                       choices=", ".join(choices), near=", ".join(near))
        raise fail("{option} {value!r}: expected one of {choices}", option=option, value=value, choices=", ".join(choices))
    return value
