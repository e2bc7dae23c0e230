"""Commands `units` and `report weekly|half-year|annual`, registered on cli.app when cli.py imports
this module (its last line). Like cli.py: parse options, call the library, print; the store, the
report builders, Rich and openpyxl are imported inside the commands so that `mstrack --help` stays fast.

Options whose values are a closed list (--format, --rule) are checked here, so that a bad value is
one line on stderr and exit code 2.
"""

from pathlib import Path
from typing import Annotated, Optional

import typer

from mstrack.cli import (
    RULE_HELP,
    app,
    console,
    echo,
    fail,
    guard,
    open_store,
    parse_day,
    print_width,
    refuse_database,
    safe_console,
    say,
    write_out,
    write_output,
)
from mstrack.model import RULES

report_app = typer.Typer(rich_markup_mode=None, help="Printable reports: the weekly status report, the half-year and annual 一览表.",
                         no_args_is_help=True)
app.add_typer(report_app, name="report")

UNITS_FORMATS = ("table", "json", "csv", "md", "xlsx")
WEEKLY_FORMATS = ("table", "md", "html", "xlsx", "csv", "json")
TABLE_FORMATS = ("md", "html", "xlsx", "json")

ProgrammesOption = Annotated[Optional[list[str]], typer.Option(
    "--programme", "-p", help="Only this programme (repeatable). [default: all]")]
AsOfOption = Annotated[Optional[str], typer.Option("--as-of", help="Date to judge at, e.g. 2023-07-01 or 6月底. [default: today]")]
RuleOption = Annotated[Optional[str], typer.Option("--rule", help=RULE_HELP)]
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write. [default: stdout; xlsx needs a file]")]
FreezeOption = Annotated[bool, typer.Option(
    "--freeze", help="Keep the report as printed, to compare with later corrections (`mstrack report diff`).")]


def _lang(ctx: typer.Context) -> str:
    from mstrack.labels import pick_lang

    obj = ctx.find_root().obj or {}
    return obj.get("lang") or pick_lang()


def _choice(value: str, choices: tuple[str, ...], option: str) -> str:
    if value not in choices:
        raise fail("{option} {value!r}: expected one of {choices}", option=option, value=value, choices=", ".join(choices))
    return value


def _rule(value: str | None) -> str | None:
    return None if value is None else _choice(value, RULES, "--rule")


def _details(store, programmes: list[str] | None):
    """Whole tasks of the programmes asked for (all without --programme); an unknown code is an error."""
    known = store.programme_codes()
    for code in programmes or []:
        if code not in known:
            near = [k for k in known if code in k or k in code]
            if near:
                raise fail("--programme {code!r}: no such programme; did you mean: {codes}", code=code, codes=", ".join(near))
            if known:
                raise fail("--programme {code!r}: no such programme; known: {codes}", code=code, codes=", ".join(known))
            raise fail("--programme {code!r}: no such programme; known: none", code=code)
    return store.task_details(list(programmes) if programmes else None)


def _check_output(ctx: typer.Context, fmt: str, output: Path | None) -> None:
    """Before any work: an .xlsx needs a file, and no output may be the database (cli.refuse_database)."""
    if fmt == "xlsx" and (output is None or str(output) == "-"):
        raise fail("--output: an .xlsx report is written to a file; add -o FILE.xlsx")
    if output is not None and str(output) != "-":
        refuse_database(ctx, output)


def _rich_text(renderable) -> str:
    import io

    buffer = io.StringIO()
    safe_console(file=buffer, width=print_width(), color_system=None, legacy_windows=False).print(renderable)
    return buffer.getvalue()


def _emit(ctx: typer.Context, content: str | bytes, fmt: str, output: Path | None, what: str, lang: str,
          announce=None) -> None:
    """Text to stdout or to the file; bytes (xlsx) to the file, replaced whole or not at all and never the
    database (cli.write_output). A CSV file gets a BOM for Excel/WPS. Text never carries control characters
    from the data (outputs.clean_text). `announce()` runs once the content is out, before a file's rename."""
    if output is None or str(output) == "-":
        write_out(content)
        if announce is not None:
            announce()
        return
    from mstrack.labels import Labels
    from mstrack.render.outputs import clean_text

    words = Labels(lang)

    def write(path: Path) -> None:
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(clean_text(content), encoding="utf-8-sig" if fmt == "csv" else "utf-8")

    def written() -> None:
        echo(words("msg.written", what=words(f"msg.{what}"), path=output), err=True)
        if announce is not None:
            announce()

    write_output(ctx, output, write, written)


@app.command()
def units(
    ctx: typer.Context,
    programme: ProgrammesOption = None,
    as_of: AsOfOption = None,
    rule: RuleOption = None,
    responsible: Annotated[bool, typer.Option(
        "--responsible", help="Per unit named at all (lead or co-responsible), not only per lead unit.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json, csv, md or xlsx")] = "table",
    output: OutputOption = None,
) -> None:
    """Per lead unit: tasks done, on track, behind, without a report, overdue; completion rate; worst first."""
    fmt = _choice(fmt, UNITS_FORMATS, "--format")
    rule = _rule(rule)
    _check_output(ctx, fmt, output)
    lang = _lang(ctx)
    with guard():
        from mstrack.domain.status import judged
        from mstrack.reports.build import unit_rollups

        store = open_store(ctx, write=False)
        on = parse_day(as_of, "--as-of", store.common_year(programme))
        details = _details(store, programme)
        rollups = unit_rollups(judged([s for d in details for s in d.indicators], on, rule), responsible=responsible)
        from mstrack.render import report as render_report

        if fmt == "json":
            content = render_report.units_json(rollups)
        elif fmt == "csv":
            content = render_report.units_csv(rollups, lang)
        elif fmt == "md":
            content = render_report.units_md(rollups, on, lang, responsible)
        elif fmt == "xlsx":
            from mstrack.render.xlsx import units_xlsx

            content = units_xlsx(rollups, on, lang, responsible)
        else:
            table = render_report.units_table(rollups, on, lang, responsible)
            if output is None:
                console().print(table)
                return
            content = _rich_text(table)
        _emit(ctx, content, fmt, output, "units", lang)


@report_app.command("weekly")
def weekly(
    ctx: typer.Context,
    programme: ProgrammesOption = None,
    as_of: AsOfOption = None,
    since: Annotated[Optional[str], typer.Option(
        "--since", help="The previous report's date: changes are counted after it. [default: 7 days before --as-of]")] = None,
    rule: RuleOption = None,
    stale: Annotated[int, typer.Option("--stale", min=0, help="Mark rows whose latest report is older than DAYS.")] = 14,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, md, html, xlsx, csv or json")] = "table",
    output: OutputOption = None,
    freeze: FreezeOption = False,
) -> None:
    """The weekly report: a one-line summary, the behind list with each latest note, the unit rollup,
    and what changed since the previous report. HTML prints on A4; XLSX has a sheet per section."""
    fmt = _choice(fmt, WEEKLY_FORMATS, "--format")
    rule = _rule(rule)
    _check_output(ctx, fmt, output)
    lang = _lang(ctx)
    with guard():
        from datetime import timedelta

        from mstrack.reports.build import DEFAULT_WEEK

        store = open_store(ctx, write=False)
        year = store.common_year(programme)
        on = parse_day(as_of, "--as-of", year)
        previous = parse_day(since, "--since", year) if since else on - timedelta(days=DEFAULT_WEEK)
        if previous >= on:
            raise fail("--since {since}: must be before --as-of {on}", since=previous.isoformat(), on=on.isoformat())
        params = {"kind": "weekly", "programmes": programme or [], "as_of": on.isoformat(),
                  "since": previous.isoformat(), "rule": rule, "stale": stale, "lang": lang}
        report = _build(store, params)
        from mstrack.render import report as render_report

        if fmt == "json":
            content = render_report.weekly_json(report, lang)
        elif fmt == "csv":
            content = render_report.weekly_csv(report, lang)
        elif fmt == "md":
            content = render_report.weekly_md(report, lang)
        elif fmt == "html":
            from mstrack.render.html import weekly_html

            content = weekly_html(report, lang)
        elif fmt == "xlsx":
            from mstrack.render.xlsx import weekly_xlsx

            content = weekly_xlsx(report, lang)
        else:
            view = render_report.weekly_view(report, lang)
            if output is None:
                console().print(view)
                if freeze:
                    _freeze(store, params, render_report.weekly_json(report, lang))
                return
            content = _rich_text(view)
        _emit(ctx, content, fmt, output, "weekly", lang,
              lambda: _freeze(store, params, render_report.weekly_json(report, lang)) if freeze else None)


def _build(store, params: dict):
    """The report the parameters describe: the same function makes it for printing and for `report diff`."""
    from datetime import date

    from mstrack.reports.build import Step, table_report, weekly_report

    on = date.fromisoformat(params["as_of"])
    if params["kind"] == "weekly":
        return weekly_report(_details(store, params["programmes"] or None), on, date.fromisoformat(params["since"]),
                             params["rule"], params["stale"])
    programme = params["programme"]
    details = _details(store, [programme])
    plan = store.load_plan(programme)  # the checkpoints' own words, for 下一步任务目标及措施
    steps = {
        task.code: [Step(cp.due, cp.label, cp.text, "、".join(line.lead_units) or None)
                    for line in task.lines for cp in line.checkpoints]
        for task in plan.tasks
    }
    return table_report(details, params["kind"], on, plan.year, plan.name, params["rule"], steps)


def _json_of(report, params: dict) -> str:
    from mstrack.render import report as render_report

    if params["kind"] == "weekly":
        return render_report.weekly_json(report, params["lang"])
    return render_report.table_json(report, params["lang"])


def _freeze(store, params: dict, content: str) -> None:
    """Keep the report as printed: after it is out (a report that could not be printed is not kept), its
    number said before the commit (an output that fails keeps nothing)."""
    from mstrack.cli import flush_output

    def announce(snapshot: int) -> None:
        say("frozen as report {number}: `mstrack report diff {number}` compares it with later corrections", err=True,
            number=snapshot)
        flush_output()

    store.freeze(params["kind"], params, content, confirm=announce)


def _table_report(ctx: typer.Context, kind: str, programme: str | None, as_of: str | None, rule: str | None, fmt: str,
                  output: Path | None, freeze: bool = False) -> None:
    fmt = _choice(fmt, TABLE_FORMATS, "--format")
    rule = _rule(rule)
    if not programme:
        raise fail("--programme: which programme's {kind} report? e.g. --programme yantian-2023", kind=kind)
    _check_output(ctx, fmt, output)
    lang = _lang(ctx)
    with guard():
        from mstrack.reports.build import report_date

        store = open_store(ctx, write=False)
        _details(store, [programme])  # an unknown programme is named before anything else
        year = store.common_year([programme])
        on = parse_day(as_of, "--as-of", year) if as_of else report_date(kind, year)
        params = {"kind": kind, "programme": programme, "as_of": on.isoformat(), "rule": rule, "lang": lang}
        report = _build(store, params)
        from mstrack.render import report as render_report

        if fmt == "json":
            content = render_report.table_json(report, lang)
        elif fmt == "md":
            content = render_report.table_md(report, lang)
        elif fmt == "html":
            from mstrack.render.html import table_html

            content = table_html(report, lang)
        else:
            from mstrack.render.xlsx import table_xlsx

            content = table_xlsx(report, lang)
        _emit(ctx, content, fmt, output, kind, lang,
              lambda: _freeze(store, params, render_report.table_json(report, lang)) if freeze else None)


TableProgramme = Annotated[Optional[str], typer.Option("--programme", "-p", help="The programme, e.g. yantian-2023.")]
TableFormatOption = Annotated[str, typer.Option("--format", "-f", help="md, html, xlsx or json")]


@report_app.command("half-year")
def half_year(
    ctx: typer.Context,
    programme: TableProgramme = None,
    as_of: Annotated[Optional[str], typer.Option(
        "--as-of", help="Date to report at. [default: June 30 of the programme's year]")] = None,
    rule: RuleOption = None,
    fmt: TableFormatOption = "md",
    output: OutputOption = None,
    freeze: FreezeOption = False,
) -> None:
    """The half-year 一览表: 项目名称, 项目内容, 上半年进展情况, 下半年任务目标及措施, 责任单位, 完成时限."""
    _table_report(ctx, "half-year", programme, as_of, rule, fmt, output, freeze)


@report_app.command("annual")
def annual(
    ctx: typer.Context,
    programme: TableProgramme = None,
    as_of: Annotated[Optional[str], typer.Option(
        "--as-of", help="Date to report at. [default: December 31 of the programme's year]")] = None,
    rule: RuleOption = None,
    fmt: TableFormatOption = "md",
    output: OutputOption = None,
    freeze: FreezeOption = False,
) -> None:
    """The full-year 一览表: as the half-year one, with the year's progress and what remains."""
    _table_report(ctx, "annual", programme, as_of, rule, fmt, output, freeze)


@report_app.command("diff")
def report_diff(
    ctx: typer.Context,
    snapshot: Annotated[Optional[int], typer.Argument(help="A frozen report's number. [default: the latest]")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
) -> None:
    """What changed in a report since it was frozen and sent: the same report made again from today's
    data (corrections, late reports). Exit 1 when anything differs."""
    fmt = _choice(fmt, ("table", "json"), "--format")
    with guard():
        import json

        from mstrack.reports.diff import diff

        store = open_store(ctx, write=False)
        number, when, kind, params, sent = store.snapshot(snapshot)
        now = json.loads(_json_of(_build(store, params), params))
        changes = diff(sent, now)
        if fmt == "json":
            write_out(json.dumps({"snapshot": number, "kind": kind, "frozen_at": when.isoformat(timespec="seconds"),
                                         "params": params, "changes": [c.as_dict() for c in changes]},
                                        ensure_ascii=False, indent=2) + "\n")
        else:
            say("report {number} ({kind}, as of {on}, frozen {when}): {n} change(s) since it was sent", number=number,
                kind=kind, on=params["as_of"], when=f"{when:%Y-%m-%d %H:%M}", n=len(changes))
            for change in changes:
                echo(f"  {change.path}: {_short(change.sent)} → {_short(change.now)}")
        if changes:
            raise typer.Exit(1)


def _short(value) -> str:
    """A whole row that came or went is named by its path; long texts are cut."""
    import json

    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return f"[{len(value)}]"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:79] + "…"


@report_app.command("frozen")
def report_frozen(ctx: typer.Context) -> None:
    """The reports kept with --freeze, newest first."""
    with guard():
        from mstrack.errors import Message

        store = open_store(ctx, write=False)
        for number, when, user, kind, params in store.snapshots():
            scope = params.get("programme") or ", ".join(params.get("programmes") or []) or Message("all")
            say("{number}\t{when}\t{user}\t{kind}\t{scope}\tas of {on}", number=number, when=f"{when:%Y-%m-%d %H:%M}",
                user=user or "", kind=kind, scope=scope, on=params["as_of"])
