"""Commands about tasks and their progress: status (and demo, which prints it), show, log, history."""

import os
import sys
from datetime import date
from typing import Annotated, Optional

import typer

from mstrack.cli.app import app
from mstrack.cli.common import (
    DAYS_MAX,
    AsOfOption,
    Format,
    FormatOption,
    Only,
    RefArgument,
    RuleOption,
    SinceOption,
    Status,
    UntilOption,
    WarnDaysOption,
    as_of_option,
    entered_days,
    entered_within,
    judge_day,
    parse_day,
    rule_option,
    rule_value,
    stored_programmes,
    view_scope,
)
from mstrack.cli.printing import console, flush_output, print_width, wrapped, write_out, write_whole
from mstrack.cli.process import bulk, demo_store, keep_until_exit, open_store, typed, written_to
from mstrack.cli.saying import echo, say, say_cancelled, say_if_no_programmes, warn
from mstrack.vocabulary import PRO_RATA, WARN_DAYS


def _status_rows(store, on: date, *, programmes: list[str] | None = None, unit: str | None = None,
                 only: list[Only] | None = None, rule: str | None = None, stale: int | None = None,
                 warn_days: int = WARN_DAYS, carried: dict[str, str] | None = None):
    """Status rows with their early warning and forecast (domain.lights.warned_rows): the latest report of
    each indicator and the one before it are read, for the forecast's pace. `carried`: the tasks counted once, as
    view_scope read them (None: read here)."""
    from mstrack.domain.lights import warned_rows

    with bulk():
        states = store.status_states(on, programmes=programmes or None, unit=unit, previous=True)
        if carried is None:  # `demo`: no view_scope read them
            carried = store.carried_tasks(programmes or None)
        if carried:  # counted once (trial53 F2)
            states = [state for state in states if f"{state.programme}/{state.task}" not in carried]
        rows = warned_rows(states, on, warn_days=warn_days, only={s.value for s in only} if only else None,
                           rule=rule, stale_days=stale)
        keep_until_exit(states, rows)  # inside bulk: before the collector would walk them
    return rows


def _print_status(rows, on: date, *, fmt: Format, lang: str, fail_on: list[Status] | None = None, scope=None) -> None:
    """The status table (or JSON) of `status` and `demo`; exit 1 when a row has a --fail-on status."""
    from mstrack.domain.status import count_statuses
    from mstrack.render.status import status_json_chunks, status_table

    if fmt is Format.json:
        write_whole(status_json_chunks(rows))
    else:
        table = status_table(rows, count_statuses(rows), on, lang, scope=scope)
        if sys.stdout.isatty():
            console().print(table)
        else:  # a file or a pipe: plain text, no console to start
            write_out(table.text(print_width()))
    if fail_on and any(row.status in {s.value for s in fail_on} for row in rows):
        raise typer.Exit(1)


@app.command()
def demo(
    ctx: typer.Context,
    as_of: as_of_option("Date to judge at. [default: July 1 of the seeds' year, after their half-year checkpoints]") = None,
    fmt: FormatOption = Format.table,
    rule: rule_option("How expected is computed. [default: pro-rata (序时进度), the rule offices use mid-quarter]") = None,
) -> None:
    """Load every programme shipped in data/seed/ and print the status of those with reported progress
    (the Yantian half-year report), judged by 序时进度: rows behind, on track and done. Into the store --db or
    MSTRACK_DB names, as every command (refused there, nothing written, once it holds a programme of the office's);
    with neither, into mstrack-demo.db, a store of its own beside the default one."""
    from mstrack.labels import Labels
    from mstrack.sources.seeds import demo_date, seed_plans

    rule = rule_value(rule) or PRO_RATA
    plans = seed_plans()
    on = parse_day(as_of, "--as-of", max(p.year for p in plans)) if as_of else demo_date(plans)
    # Never the default store, the office's own (newcomer49 N1). The store --db or MSTRACK_DB names is the one every
    # command reads (the command-line contract): the samples go there, and save_plans(own_only=True) refuses it,
    # nothing written, once it holds a programme the demo did not load — an office's store (trial64 F3).
    in_env = not ctx.obj.get("db") and bool(os.environ.get("MSTRACK_DB"))
    if not ctx.obj.get("db") and not in_env:
        ctx.obj["db"] = demo_store()
    store = open_store(ctx, write=True, creates=True)
    words = Labels(ctx.obj["lang"])
    loaded = words("list.sep").join(words("demo.programme", code=p.code, tasks=len(p.tasks)) for p in plans)

    def announce(_results) -> None:  # once all are written, before the commit: an output that fails stores nothing
        said = [words("demo.loaded", n=len(plans), programmes=loaded, db=store.display_url)]
        said += [words("demo.in_env")] if in_env else []
        echo("\n".join(wrapped(said)), err=True)
        flush_output()

    # one transaction: a lock held elsewhere, a read-only file or Ctrl-C leaves no programme half loaded,
    # and "Loaded" is said only of what was
    store.save_plans([(programme, f"seed/{programme.code}.toml") for programme in plans], command="demo", confirm=announce,
                     own_only=True)
    rows = _status_rows(store, on, rule=rule)
    reported = sorted({row.programme for row in rows if row.as_of is not None})
    shown = [row for row in rows if row.programme in reported] if reported else rows
    _print_status(shown, on, fmt=fmt, lang=ctx.obj["lang"])
    if fmt is Format.table:
        echo(demo_next_steps(words, shown, reported, [p.code for p in plans], on, ctx.obj.get("db")), err=True)


def demo_next_steps(words, rows, reported: list[str], codes: list[str], on: date, db: str | None) -> str:
    """What the demo showed and what to try next, with the references of the data shown (a task behind,
    if any), never a made-up value."""
    import shlex

    example = next((row for row in rows if row.status == "behind"), rows[0] if rows else None)
    lines = [*words("demo.shown", programmes=words.join(reported), on=on.isoformat(),
                   others=words.join(code for code in codes if code not in reported)).split("\n")] if reported else []
    lines.append(words("demo.next"))
    steps = [(f"status --as-of {on.isoformat()}", words("demo.next.status", n=len(codes)))]
    if example is not None:
        ref = f"{example.programme}/{example.task}"
        steps.insert(0, (f"show {ref} --as-of {on.isoformat()}", words("demo.next.show")))
        steps.append((f"log {ref} {words('demo.next.value')} -i {shlex.quote(example.indicator)}",
                       words("demo.next.log")))
        steps.append((f"report half-year -p {example.programme}", words("demo.next.report")))
    steps.append((f"units --as-of {on.isoformat()}", words("demo.next.units")))
    said = wrapped(lines)
    for command, purpose in steps:  # a command on lines of its own, never broken inside a word
        said += [*wrapped([typed(db, command)], command=True), *wrapped([f"      {purpose}"])]
    return "\n".join(said)


@app.command()
def status(
    ctx: typer.Context,
    programme: Annotated[Optional[list[str]], typer.Option("--programme", "-p", help="Only this programme (repeatable).")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", "-u", help="Only tasks where this unit leads or is responsible.")] = None,
    only: Annotated[Optional[list[Only]], typer.Option(
        "--only", help="Only rows with this status, due_soon, or off_course (at the pace of the last two reports, done "
                       "after the deadline) (repeatable).")] = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    fail_on: Annotated[Optional[list[Status]], typer.Option("--fail-on", help=(
        "Exit 1 when any row has this status (repeatable). A deadline passed unmet is overdue, not behind: a script "
        "alarming on late tasks gives --fail-on behind --fail-on overdue."))] = None,
    rule: RuleOption = None,
    stale: Annotated[int, typer.Option("--stale", min=0, max=DAYS_MAX, help="Flag rows whose latest report is older than DAYS.")] = 14,
    warn_days: WarnDaysOption = WARN_DAYS,
) -> None:
    """Expected versus actual for every indicator; behind first; checkpoints due soon marked."""
    rule = rule_value(rule)
    store = open_store(ctx, write=False)
    programme = stored_programmes(store, programme)
    on = judge_day(store, as_of, programme)
    scope = view_scope(store, programme, on)  # what `report weekly` covers the same day (trial53 F2)
    rows = _status_rows(store, on, programmes=scope.covered, unit=unit, only=only, rule=rule, stale=stale,
                        warn_days=warn_days, carried=scope.carried)
    say_cancelled(store, scope.covered)  # before --fail-on's exit: a cancelled task is said, never counted
    _print_status(rows, on, fmt=fmt, lang=ctx.obj["lang"], fail_on=fail_on, scope=scope)
    if not rows:  # "No indicator matches" left a new user guessing why
        say_if_no_programmes(store)


@app.command()
def show(
    ctx: typer.Context,
    ref: RefArgument,
    as_of: as_of_option("Date for the status marks and forecasts. [default: today]") = None,
    fmt: FormatOption = Format.table,
    rule: RuleOption = None,
) -> None:
    """One task: leader, units, each indicator's quarterly checkpoints and report history."""
    from mstrack.store import parse_ref

    rule = rule_value(rule)
    store = open_store(ctx, write=False)
    task = parse_ref(ref)
    on = judge_day(store, as_of, [task.programme]) if as_of else None  # a bad --as-of is refused in every format
    detail = store.task_detail(task)
    changes = store.plan_history(task)  # what plan imports changed of it (trial57 finding 6)
    say_cancelled(store, [detail.programme], detail.code)  # shown whole, and said not counted
    from mstrack.domain.forecast import forecast

    if fmt is Format.json:
        from mstrack.render.history import plan_history_json
        from mstrack.render.status import task_json

        day = on or date.today()
        write_out(task_json(detail, {state.indicator_id: forecast(state, day) for state in detail.indicators},
                            plan_history_json(changes, ctx.obj["lang"])))
        return
    from mstrack.domain.status import evaluate
    from mstrack.render.status import task_view

    on = on or judge_day(store, None, [task.programme])
    rows = {state.indicator_id: evaluate(state, on, rule) for state in detail.indicators}
    forecasts = {state.indicator_id: forecast(state, on) for state in detail.indicators}
    console().print(task_view(detail, rows, ctx.obj["lang"], forecasts))
    if changes:
        from mstrack.render.history import plan_history_table

        console().print(plan_history_table(changes, f"{detail.programme}/{detail.code}", ctx.obj["lang"]))


@app.command()
def log(
    ctx: typer.Context,
    ref: RefArgument,
    value: Annotated[Optional[str], typer.Argument(
        help="Cumulative value: 25000, 2.5万, 65%, 197户; on a text-only line, its checkpoints met: 3")] = None,
    indicator: Annotated[Optional[str], typer.Option("--indicator", "-i", help="Indicator name (a unique prefix is enough).")] = None,
    as_of: as_of_option("Date the value is as of. [default: today]") = None,
    note: Annotated[Optional[str], typer.Option("--note", "-n", help="Remark kept with the report.")] = None,
    by: Annotated[Optional[str], typer.Option(
        "--by", help="Who reported it. [default: your login name; on a server, the database role]")] = None,
    done: Annotated[bool, typer.Option("--done", help="Mark the next checkpoint of a text-only line as met.")] = False,
    reason: Annotated[Optional[str], typer.Option("--reason", help="Why: for a correction of an earlier value.")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="The office that reported it (填报单位).")] = None,
) -> None:
    """Record reported progress for one indicator of a task."""
    from mstrack.store import parse_ref
    from mstrack.store.log import record_progress

    store = open_store(ctx, write=True)

    def announce(result) -> None:
        for warning in result.warnings:
            warn(warning)
        say(written_to(ctx, store, result.message))
        flush_output()

    record_progress(
        store, parse_ref(ref), value, indicator=indicator, as_of=as_of, note=note, by=by,
        done=done, today=date.today(), reason=reason, announce=announce, unit=unit,
    )


@app.command()
def history(
    ctx: typer.Context,
    ref: RefArgument,
    indicator: Annotated[Optional[str], typer.Option("--indicator", "-i", help="Only this indicator (a unique prefix is enough).")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Every value a task's indicators ever had: corrections and undone reports included."""
    from mstrack.render.history import history_json, history_table
    from mstrack.store import parse_ref

    first, last = entered_days(since, until)
    store = open_store(ctx, write=False)
    task = store.stored_ref(parse_ref(ref))  # titled as the store holds it ("X-2023/１２" is x-2023/12)
    ref = f"{task.programme}/{task.code}"
    if indicator is not None:  # as log reads it: the exact name, else a unique prefix, else a unique part
        from mstrack.domain.progress import match_indicator
        from mstrack.errors import InputError

        try:
            indicator = match_indicator(store.task_indicators(task), indicator, None, ref).indicator
        except InputError as error:
            raise InputError("--indicator: {error}", error=error) from None
    entries = store.history(task, indicator)  # whole: an entry corrected after --until still says so
    period = bool(first or last)
    if period:
        entries = [entry for entry in entries if entered_within(entry.entered_at, first, last)]
    if fmt is Format.json:
        write_out(history_json(entries))
        return
    console().print(history_table(entries, ref, ctx.obj["lang"], period=period))
    if changes := store.plan_history(task):  # a target raised, a deadline moved: what the values are judged against
        from mstrack.render.history import plan_history_table

        if period:  # the period's plan changes only, as its values (leftover64 #1)
            changes = [change for change in changes if entered_within(change.created_at, first, last)]
        console().print(plan_history_table(changes, ref, ctx.obj["lang"], period=period))
