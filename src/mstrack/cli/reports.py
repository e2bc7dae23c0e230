"""Commands `units` and `report weekly|half-year|annual|diff|frozen`. Like every command module: parse
options, call the library (reports.make builds the data), print through one table of format → renderer
(cli/report_output.py: each kind's formats, their renderers, the report written out).
The store, the report builders, report_output, Rich and openpyxl are imported inside the
commands so that `mstrack --help` stays fast.

Options whose values are a closed list (--format, --rule) are checked here, so that a bad value is
one line on stderr and exit code 2.
"""

from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from mstrack.cli.app import app, report_app
from mstrack.cli.common import (
    DAYS_MAX,
    ID_MAX,
    AsOfOption,
    RuleOption,
    WarnDaysOption,
    as_of_option,
    choice,
    judge_day,
    parse_day,
    rule_value,
    stored_programmes,
    view_scope,
)
from mstrack.cli.each_unit import write_each
from mstrack.cli.printing import console, write_out
from mstrack.cli.process import open_store
from mstrack.cli.saying import echo, fail, say, say_cancelled, say_if_no_programmes, warn
from mstrack.vocabulary import WARN_DAYS

ProgrammesOption = Annotated[Optional[list[str]], typer.Option(
    "--programme", "-p", help="Only this programme (repeatable). [default: all]")]
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help=(
    "File to write; without --format, its suffix (.xlsx, .html, .md …) is the format. [default: stdout; xlsx needs a file]"))]
FreezeOption = Annotated[bool, typer.Option(
    "--freeze", help="Keep the report as printed, to compare with later corrections (`mstrack report diff`).")]




def _lang(ctx: typer.Context) -> str:
    from mstrack.labels import pick_lang

    obj = ctx.find_root().obj or {}
    return obj.get("lang") or pick_lang()


def report_lang(ctx: typer.Context) -> str:
    """The one rule for the language of every `mstrack report` (the weekly 通报, the 一览表, a notice): the run's
    --lang (or MSTRACK_LANG), given on purpose; without it Chinese, whatever the locale: a report goes to the units and
    the office files it in Chinese (LANG=C on a server does not make it English). The lines around it, and the
    coordinator's views (status, units, lights), follow the locale."""
    asked = ctx.find_root().params.get("lang")
    return _lang(ctx) if asked else "zh"


@app.command()
def units(
    ctx: typer.Context,
    programme: ProgrammesOption = None,
    as_of: AsOfOption = None,
    rule: RuleOption = None,
    responsible: Annotated[bool, typer.Option(
        "--responsible", help="Per unit named at all (lead or co-responsible), not only per lead unit.")] = False,
    rank: Annotated[bool, typer.Option(
        "--rank", help="Rank the units by on-time rate (tasks on track or done over tasks due); ties share a rank.")] = False,
    silent_since: Annotated[Optional[str], typer.Option(
        "--silent-since", metavar="DATE", help="Only the units with no report dated on or after DATE (e.g. last Monday), longest "
                               "silent first, with the day of their latest report.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json, csv, md or xlsx")] = "table",
    output: OutputOption = None,
) -> None:
    """Per lead unit: tasks done, on track, behind, without a report, overdue; completion rate; worst first
    (with --rank: best on-time rate first, and the rank; with --silent-since: who has not reported since)."""
    from mstrack.cli.report_output import check_output, publish, report_format

    fmt = report_format(ctx, fmt, output, "units")
    rule = rule_value(rule)
    check_output(ctx, fmt, output)
    from mstrack.reports.make import make_report

    store = open_store(ctx, write=False)
    programme = stored_programmes(store, programme)
    on = judge_day(store, as_of, programme)
    silent = _silent_since(silent_since, rank, store.common_year(programme), on)
    scope = view_scope(store, programme, on)  # what `report weekly` covers the same day (trial53 F2)
    params = {"kind": "units", "programmes": scope.covered or [], "as_of": on.isoformat(), "rule": rule,
              "responsible": responsible, "lang": _lang(ctx), "left_out": scope.left_out, **({"rank": True} if rank else {}),
              **({"silent_since": silent.isoformat()} if silent else {})}
    report = make_report(store, params)
    publish(ctx, store, params, report, fmt, output)
    say_cancelled(store, scope.covered)
    say_if_no_programmes(store)  # an empty board said nothing of why (as `status` does)
    if silent and not report.rollups and store.programme_codes():
        say("every unit has reported on or after {day}", err=True, day=silent.isoformat())


def _silent_since(given: str | None, rank: bool, year: int | None, on):
    """--silent-since as a day, on or before the day judged; not with --rank (a list of who to remind, not a ranking)."""
    if given is None:
        return None
    if rank:
        raise fail("--silent-since lists the units to remind, longest silent first: not with --rank")
    day = parse_day(given, "--silent-since", year)
    if day > on:
        raise fail("--silent-since {day}: after the day judged, {on}", day=day.isoformat(), on=on.isoformat())
    return day


@report_app.command("weekly")
def weekly(
    ctx: typer.Context,
    programme: ProgrammesOption = None,
    unit: Annotated[Optional[str], typer.Option(
        "--unit", "-u", help="Only tasks where this unit leads or is responsible: one office's report.")] = None,
    as_of: AsOfOption = None,
    since: Annotated[Optional[str], typer.Option(
        "--since", help="The previous report's date: changes are counted after it. [default: 7 days before --as-of]")] = None,
    rule: RuleOption = None,
    stale: Annotated[int, typer.Option("--stale", min=0, max=DAYS_MAX, help="Mark rows whose latest report is older than DAYS.")] = 14,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, md, html, xlsx, csv or json")] = "table",
    output: OutputOption = None,
    freeze: FreezeOption = False,
) -> None:
    """The weekly report: a one-line summary, the behind list with each latest note, the unit rollup,
    and what changed since the previous report; with --unit, of that unit's tasks only. HTML prints on A4; XLSX has a
    sheet per section."""
    from mstrack.cli.report_output import check_output, freezing, publish, report_format

    fmt = report_format(ctx, fmt, output, "weekly")
    rule = rule_value(rule)
    check_output(ctx, fmt, output)
    from datetime import timedelta

    from mstrack.reports.make import make_report
    from mstrack.reports.weekly import DEFAULT_WEEK

    store = open_store(ctx, write=False, first=freezing(freeze))
    programme = stored_programmes(store, programme)
    year = store.common_year(programme)
    given_since = parse_day(since, "--since", year) if since else None  # every option read before the note on today
    on = judge_day(store, as_of, programme)
    previous = given_since or on - timedelta(days=DEFAULT_WEEK)
    if previous >= on:
        raise fail("--since {since}: must be before --as-of {on}", since=previous.isoformat(), on=on.isoformat())
    scope = view_scope(store, programme, on, report=True)  # a year over or not begun left out, said (F8, trial53 F1)
    params = {"kind": "weekly", "programmes": scope.covered or [], "as_of": on.isoformat(),
              "since": previous.isoformat(), "rule": rule, "stale": stale, "lang": report_lang(ctx),
              "left_out": scope.left_out, **({"unit": unit} if unit is not None else {})}
    report = make_report(store, params)
    if unit is not None:  # kept in a freeze's params as the plans spell it, as make_report read it (make.report_unit)
        params["unit"] = report.unit
    publish(ctx, store, params, report, fmt, output, freeze)
    say_cancelled(store, scope.covered)


TableProgramme = Annotated[Optional[str], typer.Option("--programme", "-p", help="The programme, e.g. yantian-2023.")]
TableFormatOption = Annotated[str, typer.Option("--format", "-f", help="md, html, xlsx, json or docx")]


def _table_command(kind: str, day: str, summary: str) -> None:
    """`report half-year` and `report annual`: the same options and work, their own default date."""

    def command(
        ctx: typer.Context,
        programme: TableProgramme = None,
        as_of: as_of_option(f"Date to report at. [default: {day} of the programme's year]") = None,
        rule: RuleOption = None,
        fmt: TableFormatOption = "md",
        output: OutputOption = None,
        freeze: FreezeOption = False,
    ) -> None:
        from mstrack.cli.report_output import check_output, freezing, publish, report_format

        fmt = report_format(ctx, fmt, output, kind)
        rule = rule_value(rule)
        if not programme:
            raise fail("--programme: which programme's {kind} report? e.g. --programme yantian-2023", kind=kind)
        check_output(ctx, fmt, output)
        from mstrack.reports.make import make_report

        store = open_store(ctx, write=False, first=freezing(freeze))
        (programme,) = stored_programmes(store, [programme])  # an unknown programme is named before anything else
        year = store.common_year([programme])
        on = parse_day(as_of, "--as-of", year) if as_of else _default_day(kind, year)
        params = {"kind": kind, "programme": programme, "as_of": on.isoformat(), "rule": rule,
                  "lang": report_lang(ctx)}
        publish(ctx, store, params, make_report(store, params), fmt, output, freeze)
        say_cancelled(store, [programme])
        if kind == "annual":
            _say_january_figures_left_out(store, programme, year, on)

    command.__doc__ = summary
    report_app.command(kind)(command)


def _default_day(kind: str, year: int) -> date:
    """The 一览表's day when no --as-of is given: June 30 or December 31 of the programme's year, or today while that day
    is still to come (trial65 #7: a table dated a day not yet come, judged against the whole year), said on stderr."""
    from mstrack.reports.overview import report_date

    end, today = report_date(kind, year), date.today()
    if not date(year, 1, 1) <= today < end:
        return end
    warn("{end} is still to come: the table stands at today, {today} (a report to date); give --as-of {end} to judge "
         "against the whole period", end=end, today=today)
    return today


def _say_january_figures_left_out(store, programme: str, year: int, on: date) -> None:
    """An annual 一览表 as of the year's end (or later) says which reports dated after it, the year-end figures an
    office reports in the January after (`log` and `import progress` take them; a school-year programme's in the month
    after its last day: its ReportWindow), it does not count."""
    if on < date(year, 12, 31):
        return
    count, latest = store.reports_after(programme, on)
    if count:
        warn("{n} {n:report|reports} dated after {on} (the latest {latest}) {n:is|are} not in this report: give "
             "--as-of {end} to count the closing figures reported after the programme's last day", n=count, on=on,
             latest=latest, end=store.programme_windows([programme])[programme].end)  # a school year's: its September


_table_command("half-year", "June 30",
               "The half-year 一览表: 项目名称, 项目内容, 上半年进展情况, 下半年任务目标及措施, 责任单位, 完成时限.")
_table_command("annual", "December 31", "The full-year 一览表: as the half-year one, with the year's progress and what remains.")


@report_app.command("diff")
def report_diff(
    ctx: typer.Context,
    snapshot: Annotated[Optional[int], typer.Argument(max=ID_MAX, help="A frozen report's number. [default: the latest]")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
) -> None:
    """What changed in a report since it was frozen and sent: the same report made again from today's
    data (corrections, late reports). Exit 1 when anything differs."""
    fmt = choice(fmt, ("table", "json"), "--format")
    import json

    from mstrack.cli.report_output import renderers, whole
    from mstrack.domain.dates import minute_text
    from mstrack.labels import Labels
    from mstrack.render.history import change_line
    from mstrack.reports.diff import diff
    from mstrack.reports.make import make_report

    store = open_store(ctx, write=False)
    number, when, kind, params, sent = _snapshot(ctx, store, snapshot)
    now = json.loads(whole(renderers(params["kind"])["json"](make_report(store, params), params["lang"])))
    # no write since the freeze: the data are as they were, and whatever differs is how this mstrack makes the
    # report (an upgrade since: a rollup counted anew), never a change since it was sent (trial55 F3)
    writes, then, schema = store.since_frozen(number)
    changes, form = (diff(sent, now), []) if writes else ([], diff(sent, now))
    if fmt == "json":
        write_out(json.dumps({"snapshot": number, "kind": kind, "frozen_at": when.isoformat(timespec="seconds"),
                              "params": params, "changes": [c.as_dict() for c in changes],
                              "writes_since": writes, "frozen_at_schema": then, "schema": schema,
                              "form_differences": [c.as_dict() for c in form]},
                             ensure_ascii=False, indent=2) + "\n")
    else:
        lang = ctx.obj["lang"]
        say("report {number} ({kind}, as of {on}, frozen {when}): {n} {n:change|changes} since it was sent", number=number,
            kind=Labels(lang)(f"msg.{kind}"), on=params["as_of"], when=minute_text(when), n=len(changes))
        renamed = _renamed(store, params, when, changes)
        for change in changes:
            echo(change_line(change, lang, renamed))
        if form:
            say("no write since it was frozen, so none of the data changed; it differs in {n} {n:place|places} in how this "
                "mstrack makes the report ({frozen}), not in the data; the frozen copy is kept as it was sent:", n=len(form),
                frozen=_frozen_by(then, schema))
            for change in form:
                echo(change_line(change, lang))
        elif changes and then < schema:
            say("the frozen copy was made by an earlier mstrack (schema version {then}; now {now}): some of these "
                "differences may come from how this mstrack makes the report, not from the {n} {n:write|writes} since "
                "(`mstrack batches`)", then=then, now=schema, n=writes)
    if changes:
        raise typer.Exit(1)


def _renamed(store, params: dict, when, changes: list) -> dict[str, str]:
    """The units plan revisions since the freeze renamed (reports.revisions.unit_renames), read only where a unit's
    row came or went: its old row and its new one said as a rename (trial64 F6)."""
    from datetime import date, timedelta

    from mstrack.reports.revisions import unit_renames
    from mstrack.store.plan_changes import says_unit_renamed

    if not any(isinstance(c.sent, dict) != isinstance(c.now, dict) and isinstance((c.now or c.sent).get("unit"), str)
               for c in changes):
        return {}
    covered = params.get("programmes") or ([params["programme"]] if params.get("programme") else store.programme_codes())
    return unit_renames(store.plan_revisions(covered, when.date() - timedelta(days=1), date.today()), says_unit_renamed)


def _snapshot(ctx: typer.Context, store, snapshot: int | None) -> tuple:
    """A frozen report (store.snapshot) as `report diff` and `report frozen N` read it: one frozen before its params
    kept `lang` is made in this run's report language (report_lang), not a KeyError (sup59b #3)."""
    number, when, kind, params, sent = store.snapshot(snapshot)
    return number, when, kind, {**params, "lang": params.get("lang") or report_lang(ctx)}, sent


def _frozen_by(then: int, now: int):
    """Which mstrack made a frozen copy, as far as the store knows: its schema version then, where older."""
    from mstrack.errors import Message

    if then < now:
        return Message("frozen by an earlier mstrack, at schema version {then}; now {now}", then=then, now=now)
    return Message("frozen by an earlier mstrack, or made since in another form")


@report_app.command("frozen")
def report_frozen(
    ctx: typer.Context,
    snapshot: Annotated[Optional[int], typer.Argument(
        min=1, max=ID_MAX, help="A frozen report's number: print that report again, as it was sent.")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help=(
        "Without a number: table or json. With one: the report's own formats (a weekly report's table, md, html, "
        "xlsx, csv or json; an 一览表's md, html, xlsx, json or docx); json is the frozen copy itself. [default: the "
        "report's, or what -o's suffix names]"))] = None,
    output: OutputOption = None,
) -> None:
    """The reports kept with --freeze, newest first; with a number, that report printed again from its frozen copy
    (never from today's data), to stdout or -o FILE."""
    if snapshot is None:
        from mstrack.render.history import frozen_json, frozen_table

        fmt = choice(fmt or "table", ("table", "json"), "--format")
        if output is not None:
            raise fail("--output: give the number of the frozen report to write, e.g. `mstrack report frozen 3 -o "
                       "通报.html` (`mstrack report frozen` lists them)")
        store = open_store(ctx, write=False)
        found = store.snapshots()
        if fmt == "json":
            write_out(frozen_json(found))
        else:
            console().print(frozen_table(found, ctx.obj["lang"]))
        return
    _reprint(ctx, snapshot, fmt, output)


def _reprint(ctx: typer.Context, snapshot: int, fmt: str | None, output: Path | None) -> None:
    """A frozen report in one of its kind's formats: the stored JSON as it is, any other format drawn by the kind's own
    renderer from that JSON read back (reports.frozen), printed only where the report read back is the copy (its JSON
    made again compared as `report diff` compares), an HTML page dated the day it was frozen."""
    import json

    from mstrack.cli.report_output import check_output, publish, renderers, report_format, whole
    from mstrack.reports.diff import diff
    from mstrack.reports.frozen import Unprintable, frozen_report, unprintable

    store = open_store(ctx, write=False)
    number, when, kind, params, sent = _snapshot(ctx, store, snapshot)
    # as the report's own command chooses: --format, else -o's suffix, else its default (weekly: table; 一览表: md)
    fmt = report_format(ctx, fmt or ("table" if kind == "weekly" else "md"), output, kind)
    check_output(ctx, fmt, output)
    if fmt == "json":
        raw = store.snapshot_content(number)
        publish(ctx, store, params, None, fmt, output, drawn=raw)
        return
    try:
        report = frozen_report(kind, sent)
        again = json.loads(whole(renderers(kind)["json"](report, params["lang"])))
    except (Unprintable, TypeError, ValueError, KeyError, AttributeError) as error:
        raise unprintable(number, fmt, str(error) or type(error).__name__) from None
    if changes := diff(sent, again):
        raise unprintable(number, fmt, changes[0].path)
    publish(ctx, store, params, report, fmt, output, made=when.date())


def _month(text: str | None, option: str, year: int | None):
    """--from/--to: a month ("2023-03", "2023-3") or any date in it ("2023-03-15", "3月底")."""
    import re
    from datetime import date

    if text is None:
        return None
    found = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
    if found and 1 <= int(found[2]) <= 12:
        return date(int(found[1]), int(found[2]), 1)
    return parse_day(text, option, year)


@app.command()
def lights(
    ctx: typer.Context,
    programme: ProgrammesOption = None,
    unit: Annotated[Optional[str], typer.Option("--unit", "-u", help="Only tasks where this unit leads or is responsible.")] = None,
    start: Annotated[Optional[str], typer.Option("--from", help="First month, e.g. 2023-01. [default: the programme's first]")] = None,
    end: Annotated[Optional[str], typer.Option("--to", help="Last month, e.g. 2023-12. [default: the programme's last]")] = None,
    as_of: AsOfOption = None,
    period: Annotated[str, typer.Option("--by", help="month or quarter")] = "month",
    rule: RuleOption = None,
    warn_days: WarnDaysOption = WARN_DAYS,
    min_red: Annotated[int, typer.Option(
        "--min-red", min=0, help="Only tasks red for at least N periods running up to the last (挂牌督办).")] = 0,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json, csv, md, html or xlsx")] = "table",
    output: OutputOption = None,
) -> None:
    """The light board (亮灯): each task's light in each month or quarter, judged on the data as it stood
    at the period's end. Red: behind, overdue or unreported; yellow: caught up after red, or a checkpoint
    due within --warn-days; green: on track; none (grey): nothing due; done."""
    from mstrack.cli.report_output import check_output, publish, report_format
    from mstrack.domain.lights import PERIOD_KINDS
    from mstrack.reports.make import make_report

    fmt = report_format(ctx, fmt, output, "lights")
    period = choice(period, PERIOD_KINDS, "--by")
    rule = rule_value(rule)
    check_output(ctx, fmt, output)
    store = open_store(ctx, write=False)
    programme = stored_programmes(store, programme)
    year = store.common_year(programme)
    on = parse_day(as_of, "--as-of", year)
    first, last = _month(start, "--from", year), _month(end, "--to", year)
    if first and last and first > last:
        raise fail("--from {first}: after --to {last}", first=start, last=end)
    scope = view_scope(store, programme, on)
    params = {"kind": "lights", "programmes": scope.covered or [], "unit": unit, "as_of": on.isoformat(),
              "from": first.isoformat() if first else None, "to": last.isoformat() if last else None, "by": period,
              "rule": rule, "warn_days": warn_days, "min_red": min_red, "lang": _lang(ctx),
              "left_out": scope.left_out}
    publish(ctx, store, params, make_report(store, params), fmt, output)
    say_cancelled(store, scope.covered)
    say_if_no_programmes(store)


@report_app.command("notice")
def notice(
    ctx: typer.Context,
    as_of: as_of_option("The date the notice speaks of, e.g. 2023-07-01. [default: today]") = None,
    unit: Annotated[Optional[str], typer.Option("--unit", "-u", help="The lead unit the notice is sent to.")] = None,
    each_unit: Annotated[bool, typer.Option(
        "--each-unit", help="One file per lead unit with a red or yellow task (or silent since --silent-since), in "
                            "the directory --output names.")] = False,
    silent_since: Annotated[Optional[str], typer.Option(
        "--silent-since", metavar="DATE", help="Remind the lead units with no report dated on or after DATE to "
                                               "report (催报), late or not.")] = None,
    programme: ProgrammesOption = None,
    reply_by: Annotated[Optional[str], typer.Option(
        "--reply-by", help="The date to reply by. [default: 7 days after --as-of]")] = None,
    rule: RuleOption = None,
    warn_days: WarnDaysOption = WARN_DAYS,
    fmt: Annotated[str, typer.Option("--format", "-f", help="docx, html or md")] = "docx",
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="The file to write (with --each-unit, the directory).")] = None,
) -> None:
    """督办通知单: a formal notice to a lead unit listing its red and yellow tasks, indicator by indicator
    (expected, actual, gap, next deadline, the pace still needed), and the date to reply by."""
    from mstrack.cli.report_output import publish, report_format

    fmt = report_format(ctx, fmt, None if each_unit else output, "notice")
    rule = rule_value(rule)
    _check_notice(unit=unit, each_unit=each_unit, output=output)
    from mstrack.reports.make import make_report

    store = open_store(ctx, write=False)
    programme = stored_programmes(store, programme)
    if not each_unit:  # a unit that is not there said before the file its notice needs (trial63 F14: two runs to learn it)
        from mstrack.cli.report_output import check_output

        store.unit_named(unit)
        check_output(ctx, fmt, output)
    year = store.common_year(programme)
    on = parse_day(as_of, "--as-of", year)
    due = parse_day(reply_by, "--reply-by", year) if reply_by else None
    if due is not None and due < on:
        raise fail("--reply-by {due}: before --as-of {on}", due=due.isoformat(), on=on.isoformat())
    silent = _silent_since(silent_since, False, year, on)
    scope = view_scope(store, programme, on, report=True)  # never a closed year's tasks, nor next year's (F8, trial53 F1)
    params = {"kind": "notice", "programmes": scope.covered or [], "unit": unit, "as_of": on.isoformat(),
              "reply_by": due.isoformat() if due else None, "rule": rule, "warn_days": warn_days, "lang": report_lang(ctx),
              "left_out": scope.left_out, **({"silent_since": silent.isoformat()} if silent else {})}
    notices = make_report(store, params)
    if each_unit:
        write_each(ctx, notices, fmt, output, params["lang"])
    else:
        publish(ctx, store, params, notices[0], fmt, output)


def _check_notice(*, unit: str | None, each_unit: bool, output: Path | None) -> None:
    """Before any work: one addressee (or each), and with --each-unit a directory to write in. One notice follows
    every report's rule (report_output.check_output: md and html to stdout without -o, a .docx to a file), checked
    once its unit is known to be there."""
    if (unit is None) == (not each_unit):
        raise fail("--unit or --each-unit: name one lead unit, or ask for a notice to each (not both)")
    if not each_unit:
        return
    if output is None or str(output) == "-":
        raise fail("--output: with --each-unit, the directory the notices go in (one file per unit); add -o DIR")
    elif output.exists() and not output.is_dir():
        raise fail("--output {path}: with --each-unit, a directory (one file per unit goes in it)", path=output)

