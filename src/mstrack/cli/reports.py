"""Commands `units` and `report weekly|half-year|annual|diff|frozen`. Like every command module: parse
options, call the library (reports.make builds the data), print through one table of format → renderer.
The store, the report builders, Rich and openpyxl are imported inside the commands so that `mstrack --help`
stays fast.

Options whose values are a closed list (--format, --rule) are checked here, so that a bad value is
one line on stderr and exit code 2.
"""

from pathlib import Path
from typing import Annotated, Optional

import typer

from mstrack.cli.app import app, report_app
from mstrack.cli.common import (
    RULE_HELP,
    choice,
    console,
    echo,
    fail,
    flush_output,
    judge_day,
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

FORMATS = {
    "units": ("table", "json", "csv", "md", "xlsx"),
    "weekly": ("table", "md", "html", "xlsx", "csv", "json"),
    "half-year": ("md", "html", "xlsx", "json"),
    "annual": ("md", "html", "xlsx", "json"),
}
"""Each kind of report's formats, in the order an unknown --format is answered with; `_renderers` has one
function for each."""

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


def official_lang(ctx: typer.Context) -> str:
    """The language of an official document (the 一览表, a notice): Chinese, as the office files it, whatever
    the locale; only a --lang (or MSTRACK_LANG) given on purpose prints it in another."""
    asked = ctx.find_root().params.get("lang")
    return _lang(ctx) if asked else "zh"


def _rule(value: str | None) -> str | None:
    return None if value is None else choice(value, RULES, "--rule")


def _renderers(kind: str) -> dict:
    """format → function(report, lang) for a kind of report: text, bytes (xlsx) or a Rich view (table).
    Imported when a report is printed: the renderers load the report builders, xlsx loads openpyxl when called."""
    from mstrack.render import html, xlsx
    from mstrack.render import report as render_report

    tables = {"md": render_report.table_md, "html": html.table_html, "xlsx": xlsx.table_xlsx,
              "json": render_report.table_json}
    renderers = {
        "units": {
            "table": lambda units, lang: render_report.units_table(units.rollups, units.on, lang, units.responsible),
            "json": lambda units, lang: render_report.units_json(units.rollups),
            "csv": lambda units, lang: render_report.units_csv(units.rollups, lang),
            "md": lambda units, lang: render_report.units_md(units.rollups, units.on, lang, units.responsible),
            "xlsx": lambda units, lang: xlsx.units_xlsx(units.rollups, units.on, lang, units.responsible),
        },
        "weekly": {"table": render_report.weekly_view, "md": render_report.weekly_md, "html": html.weekly_html,
                   "xlsx": xlsx.weekly_xlsx, "csv": render_report.weekly_csv, "json": render_report.weekly_json},
        "half-year": tables,
        "annual": tables,
    }
    return renderers[kind]


def _check_output(ctx: typer.Context, fmt: str, output: Path | None) -> None:
    """Before any work: an .xlsx needs a file, and no output may be the database (common.refuse_database)."""
    if fmt == "xlsx" and (output is None or str(output) == "-"):
        raise fail("--output: an .xlsx report is written to a file; add -o FILE.xlsx")
    if output is not None and str(output) != "-":
        refuse_database(ctx, output)


def _rich_text(renderable) -> str:
    import io

    buffer = io.StringIO()
    safe_console(file=buffer, width=print_width(), color_system=None, legacy_windows=False).print(renderable)
    return buffer.getvalue()


def _publish(ctx: typer.Context, store, params: dict, report, fmt: str, output: Path | None, freeze: bool = False) -> None:
    """The report in its format to stdout or to the file; frozen (--freeze) once it is out. A table on a
    terminal is Rich's own; to a file it is its text. Text to a file never carries control characters from
    the data (outputs.clean_text), a CSV file gets a BOM for Excel/WPS, and a file is replaced whole or not
    at all, never the database (common.write_output)."""
    kind, lang = params["kind"], params["lang"]
    renderers = _renderers(kind)
    content = renderers[fmt](report, lang)

    def frozen() -> None:
        if freeze:
            _freeze(store, params, renderers["json"](report, lang))

    if fmt == "table" and output is None:
        console().print(content)
        frozen()
        return
    if fmt == "table":
        content = _rich_text(content)
    if output is None or str(output) == "-":
        write_out(content)
        frozen()
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
        echo(words("msg.written", what=words(f"msg.{kind}"), path=output), err=True)
        frozen()

    write_output(ctx, output, write, written)


def _freeze(store, params: dict, content: str) -> None:
    """Keep the report as printed: after it is out (a report that could not be printed is not kept), its
    number said before the commit (an output that fails keeps nothing)."""

    def announce(snapshot: int) -> None:
        say("frozen as report {number}: `mstrack report diff {number}` compares it with later corrections", err=True,
            number=snapshot)
        flush_output()

    store.freeze(params["kind"], params, content, confirm=announce)


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
    fmt = choice(fmt, FORMATS["units"], "--format")
    rule = _rule(rule)
    _check_output(ctx, fmt, output)
    from mstrack.reports.make import make_report

    store = open_store(ctx, write=False)
    on = judge_day(store, as_of, programme)
    params = {"kind": "units", "programmes": programme or [], "as_of": on.isoformat(), "rule": rule,
              "responsible": responsible, "lang": _lang(ctx)}
    _publish(ctx, store, params, make_report(store, params), fmt, output)


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
    fmt = choice(fmt, FORMATS["weekly"], "--format")
    rule = _rule(rule)
    _check_output(ctx, fmt, output)
    from datetime import timedelta

    from mstrack.reports.build import DEFAULT_WEEK
    from mstrack.reports.make import make_report

    store = open_store(ctx, write=False)
    year = store.common_year(programme)
    given_since = parse_day(since, "--since", year) if since else None  # every option read before the note on today
    on = judge_day(store, as_of, programme)
    previous = given_since or on - timedelta(days=DEFAULT_WEEK)
    if previous >= on:
        raise fail("--since {since}: must be before --as-of {on}", since=previous.isoformat(), on=on.isoformat())
    params = {"kind": "weekly", "programmes": programme or [], "as_of": on.isoformat(),
              "since": previous.isoformat(), "rule": rule, "stale": stale, "lang": _lang(ctx)}
    _publish(ctx, store, params, make_report(store, params), fmt, output, freeze)


TableProgramme = Annotated[Optional[str], typer.Option("--programme", "-p", help="The programme, e.g. yantian-2023.")]
TableFormatOption = Annotated[str, typer.Option("--format", "-f", help="md, html, xlsx or json")]


def _table_command(kind: str, day: str, summary: str) -> None:
    """`report half-year` and `report annual`: the same options and work, their own default date."""

    def command(
        ctx: typer.Context,
        programme: TableProgramme = None,
        as_of: Annotated[Optional[str], typer.Option(
            "--as-of", help=f"Date to report at. [default: {day} of the programme's year]")] = None,
        rule: RuleOption = None,
        fmt: TableFormatOption = "md",
        output: OutputOption = None,
        freeze: FreezeOption = False,
    ) -> None:
        fmt = choice(fmt, FORMATS[kind], "--format")
        rule = _rule(rule)
        if not programme:
            raise fail("--programme: which programme's {kind} report? e.g. --programme yantian-2023", kind=kind)
        _check_output(ctx, fmt, output)
        from mstrack.reports.build import report_date
        from mstrack.reports.make import check_programmes, make_report

        store = open_store(ctx, write=False)
        check_programmes(store, [programme])  # an unknown programme is named before anything else
        year = store.common_year([programme])
        on = parse_day(as_of, "--as-of", year) if as_of else report_date(kind, year)
        params = {"kind": kind, "programme": programme, "as_of": on.isoformat(), "rule": rule,
                  "lang": official_lang(ctx)}
        _publish(ctx, store, params, make_report(store, params), fmt, output, freeze)

    command.__doc__ = summary
    report_app.command(kind)(command)


_table_command("half-year", "June 30",
               "The half-year 一览表: 项目名称, 项目内容, 上半年进展情况, 下半年任务目标及措施, 责任单位, 完成时限.")
_table_command("annual", "December 31", "The full-year 一览表: as the half-year one, with the year's progress and what remains.")


@report_app.command("diff")
def report_diff(
    ctx: typer.Context,
    snapshot: Annotated[Optional[int], typer.Argument(help="A frozen report's number. [default: the latest]")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
) -> None:
    """What changed in a report since it was frozen and sent: the same report made again from today's
    data (corrections, late reports). Exit 1 when anything differs."""
    fmt = choice(fmt, ("table", "json"), "--format")
    import json

    from mstrack.reports.diff import diff
    from mstrack.reports.make import make_report

    store = open_store(ctx, write=False)
    number, when, kind, params, sent = store.snapshot(snapshot)
    now = json.loads(_renderers(params["kind"])["json"](make_report(store, params), params["lang"]))
    changes = diff(sent, now)
    if fmt == "json":
        write_out(json.dumps({"snapshot": number, "kind": kind, "frozen_at": when.isoformat(timespec="seconds"),
                                     "params": params, "changes": [c.as_dict() for c in changes]},
                                    ensure_ascii=False, indent=2) + "\n")
    else:
        say("report {number} ({kind}, as of {on}, frozen {when}): {n} {n:change|changes} since it was sent", number=number,
            kind=kind, on=params["as_of"], when=f"{when:%Y-%m-%d %H:%M}", n=len(changes))
        for change in changes:
            sent, now = _where_they_differ(change.sent, change.now)
            echo(f"  {change.path}: {sent} → {now}")
    if changes:
        raise typer.Exit(1)


def _where_they_differ(sent, now) -> tuple[str, str]:
    """Old and new as printed; two long texts from a little before where they part, so that the change shows."""
    if isinstance(sent, str) and isinstance(now, str) and max(len(sent), len(now)) > 60:
        common = next((i for i, (a, b) in enumerate(zip(sent, now, strict=False)) if a != b), min(len(sent), len(now)))
        start = max(0, common - 12)
        if start:
            return _short("…" + sent[start:]), _short("…" + now[start:])
    return _short(sent), _short(now)


def _short(value) -> str:
    """A whole row that came or went is named by its path; long texts are cut."""
    import json

    if isinstance(value, dict):  # a row that came or went: who it is and its value, not its every field
        fields = [str(value[key]) for key in ("programme", "task", "indicator", "unit", "as_of", "value", "status")
                  if isinstance(value.get(key), str | int | float) and not isinstance(value.get(key), bool)]
        return "{" + " ".join(fields) + "}" if fields else "{…}"
    if isinstance(value, list):
        return f"[{len(value)}]"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:79] + "…"


@report_app.command("frozen")
def report_frozen(ctx: typer.Context) -> None:
    """The reports kept with --freeze, newest first."""
    from mstrack.errors import Message

    store = open_store(ctx, write=False)
    for number, when, user, kind, params in store.snapshots():
        scope = params.get("programme") or ", ".join(params.get("programmes") or []) or Message("all")
        say("{number}\t{when}\t{user}\t{kind}\t{scope}\tas of {on}", number=number, when=f"{when:%Y-%m-%d %H:%M}",
            user=user or "", kind=kind, scope=scope, on=params["as_of"])
