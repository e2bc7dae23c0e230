"""The command line: parse options, call the library, print. Nothing else lives here.

Imports of the store, the engine and Rich happen inside commands so that `mstrack --help` and
shell completion stay fast. No `from __future__ import annotations` here or in cli_reports.py: Typer
reads every command's annotations at start-up, and evaluating them from strings tripled that cost.
"""

import contextlib
import errno
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
import typer.core

from mstrack import __version__
from mstrack.model import RULES, STATUSES


class _CheckedGroup(typer.core.TyperGroup):
    """Every word typed on the command line passes the rules for text (inputs.text_problem) before
    any command reads it: one check for --note, --reason, --by, --unit and every other option and
    argument. The first problem is kept here and said by main(), once the language is known."""

    def parse_args(self, ctx, args):
        from mstrack.domain.limits import text_problem

        for index, arg in enumerate(args):
            if problem := text_problem(arg.partition("=")[2] if arg.startswith("--") and "=" in arg else arg):
                ctx.meta["mstrack.argument_problem"] = (_argument_name(args, index), problem)
                break
        return super().parse_args(ctx, args)


def _argument_name(args: list[str], index: int):
    """The word at fault as the user typed it, quoted safely: `--note 'a\x1b…'`, `--note=…`, or an argument."""
    from mstrack.domain.quantities import shown
    from mstrack.errors import Message

    arg = args[index]
    if arg.startswith("--") and "=" in arg:
        name, _, value = arg.partition("=")
        return f"{name} {shown(value)}"
    if index and args[index - 1].startswith("-"):
        return f"{args[index - 1]} {shown(arg)}"
    return Message("argument {value}", value=shown(arg))


app = typer.Typer(
    cls=_CheckedGroup,
    help="mstrack: 民生实事 milestone tracker — programmes, quarterly targets, progress, status.",
    no_args_is_help=True, add_completion=True, pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: Typer's Rich help (markdown-it and all) doubled the start-up time
    context_settings={"help_option_names": ["-h", "--help"]},
)
import_app = typer.Typer(rich_markup_mode=None, help="Import plans, published tables and progress sheets.",
                         no_args_is_help=True)
export_app = typer.Typer(rich_markup_mode=None, help="Export plans, and fill-in templates for units.", no_args_is_help=True)
app.add_typer(import_app, name="import")
app.add_typer(export_app, name="export")


class Format(str, Enum):
    table = "table"
    json = "json"


Rule = Enum("Rule", {rule.replace("-", "_"): rule for rule in RULES}, type=str)


RULE_HELP = ("How expected is computed: step (the last checkpoint passed) or pro-rata (序时进度, linear between "
             "checkpoints). [default: the programme's setting, else step]")


Status = Enum("Status", {status: status for status in STATUSES}, type=str)


_lang: str | None = None
"""The language main() resolved for this run (--lang, MSTRACK_LANG, the locale): messages need it outside any context."""


def words():
    """Labels in the language of this run; before main() has resolved it (a bad --lang), the locale's."""
    from mstrack.labels import Labels, pick_lang

    return Labels(_lang or pick_lang())


def message(text, /, **fields):
    """A message template and its fields, a Message, an error, or a list of messages (one a line), as one Message."""
    from mstrack.errors import Joined, Message, Problem

    if isinstance(text, list):
        return Joined("\n", text)
    if isinstance(text, Message | Problem) and not fields:
        return text
    return Message(text, **fields)


def say(text, /, *, err: bool = False, **fields) -> None:
    """One line (or several) for the user, in their language."""
    echo(words().message(message(text, **fields)), err=err)


def echo(text: str, err: bool = False) -> None:
    """A line that may hold data (a note, a name, a path): never a control character to the terminal, never
    a password (store.scrub)."""
    from mstrack.render.outputs import clean_text

    if "mstrack.store" in sys.modules:  # a database URL in use may hold a password
        text = sys.modules["mstrack.store"].scrub(text)
    typer.echo(clean_text(text), err=err)


def write_out(text: str) -> None:
    """Text that may hold data (JSON, a table) to stdout, without control characters (outputs.clean_text)."""
    from mstrack.render.outputs import clean_text

    sys.stdout.write(clean_text(text))


def flush_output() -> None:
    """What was printed, out now: before a write commits, so that an output that fails (a full disk, a
    closed pipe) fails the command before anything is stored."""
    sys.stdout.flush()
    sys.stderr.flush()


def warn(text, /, **fields) -> None:
    say("mstrack: warning: {message}", err=True, message=message(text, **fields))


def fail(text, /, **fields) -> typer.Exit:
    """Bad usage or input: the message on stderr in the user's language, exit code 2, no traceback, no password."""
    from mstrack.errors import Message

    echo(words().message(Message("mstrack: error: {message}", message=message(text, **fields))), err=True)
    return typer.Exit(2)


def cannot_write(output, error: OSError, option: str = "--output") -> typer.Exit:
    """An --output file that could not be written: the same words from every command."""
    return fail("{option} {path}: cannot write: {reason}", option=option, path=output, reason=error.strerror or error)


def refuse_database(ctx: typer.Context, path: Path, option: str = "--output") -> None:
    """Exit 2 when a file to write is the open database or one of its -wal, -shm, -journal files, however
    the path is spelled (relative, symlink, hard link): writing there would destroy the data."""
    from mstrack.render.outputs import is_database_file
    from mstrack.store import resolve_db_url

    obj = ctx.find_root().obj or {}
    if is_database_file(Path(path), resolve_db_url(obj.get("db"))):
        raise fail("{option} {path}: that is the database itself (or one of its files); choose another file name",
                   option=option, path=path)


def write_output(ctx: typer.Context, output: Path, write, announce=None, option: str = "--output") -> None:
    """The file an option names, replaced whole or not at all (outputs.replacing_path): `write(path)` makes
    its contents at a temporary path beside it, `announce()` says so before the rename. Never the database."""
    from mstrack.render.outputs import replacing_path

    refuse_database(ctx, output, option)
    announcing = False

    def ready() -> None:
        nonlocal announcing
        if announce is not None:
            announcing = True
            announce()
            flush_output()
            announcing = False

    try:
        with replacing_path(output, before_rename=ready) as temporary:
            write(temporary)
    except OSError as error:
        if announcing:  # the terminal or pipe, not the file
            raise
        raise cannot_write(output, error, option) from None


class _Guard:
    """Turns the library's InputError and database errors into `fail`."""

    def __enter__(self):
        return self

    def __exit__(self, kind, error, _traceback):
        if error is None or isinstance(error, typer.Exit | typer.Abort | KeyboardInterrupt):
            return False
        if isinstance(error, OSError) and error.errno in OUTPUT_ERRORS:  # stdout or stderr: files are checked where written
            raise OutputFailed(error) from None
        import sqlite3

        from mstrack.errors import InputError

        if isinstance(error, InputError):
            raise fail(error)
        if isinstance(error, sqlite3.Error) or _is_database_error(error):  # the drivers' own, where mstrack uses them
            reason = str(getattr(error, "orig", None) or error).splitlines()[0]
            if "permission denied" in reason.lower() or "read-only" in reason.lower() or "readonly" in reason.lower():
                raise fail("database: this user may only read here ({reason}); status, show, units and report "
                           "work, writes need a user with write access", reason=reason)
            raise fail("database: {reason}", reason=reason)
        return False


OUTPUT_ERRORS = {errno.EPIPE, errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EIO}
"""The errors of a write to a terminal, pipe or file that failed: a closed pipe, a full disk, a size limit."""

BROKEN_PIPE_EXIT = 141
"""Exit code when the reader of a pipe went away (`mstrack status | head -1`): 128 + SIGPIPE, what a shell
reports for the tools a broken pipe stops, so that `set -o pipefail` scripts see mstrack as they see grep."""


class OutputFailed(Exception):
    """stdout or stderr could not be written: `run()` says it in one line, without a traceback."""

    def __init__(self, error: OSError):
        super().__init__(error)
        self.error = error


def _output_failed(error: OSError) -> int:
    """One line on stderr (if it can still be written) and the exit code: BROKEN_PIPE_EXIT for a closed pipe,
    2 for a full disk or a size limit (as a --output file that cannot be written). stdout and stderr are
    pointed at /dev/null so that Python's last flush at exit does not fail again."""
    import os

    from mstrack.errors import Message

    line = words().message(Message("mstrack: error: {message}", message=Message(
        "cannot write the output: {reason}", reason=error.strerror or error)))
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    null = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(null, stream.fileno())
    os.close(null)
    return BROKEN_PIPE_EXIT if error.errno == errno.EPIPE else 2


def _is_database_error(error: BaseException) -> bool:
    """SQLAlchemy's and psycopg's errors, checked only where those were loaded (nothing else raises them)."""
    if "sqlalchemy" in sys.modules:
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(error, SQLAlchemyError):
            return True
    if "psycopg" in sys.modules:
        import psycopg

        return isinstance(error, psycopg.Error)
    return False


@contextlib.contextmanager
def bulk():
    """Python's cycle collector paused while a command builds its many small objects at once (a status
    over 20,000 indicators builds ~250,000; an import one per row). They hold no cycles and are freed
    by reference counting; the collector only walked the growing heap again and again: measured, a
    sixth of the CPU time of such a status."""
    import gc

    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def guard() -> _Guard:
    return _Guard()


def open_store(ctx: typer.Context, write: bool):
    from mstrack.store import Store, resolve_db_url

    store = Store(resolve_db_url(ctx.obj.get("db") if ctx.obj else None))
    store.require_schema(write=write)
    return store


def print_width() -> int:
    """Columns for a table printed to a file or a pipe: COLUMNS when it is a number, else room for the table."""
    import os

    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else 140


def console():
    """A terminal gets its own width; a file or pipe (a printout) gets room for the table."""
    if sys.stdout.isatty():
        return safe_console()
    return safe_console(width=print_width())


def safe_console(**options):
    """A Rich console for text that holds data: no markup or emoji codes read in it (a note "[/x]" is
    printed as typed, not a MarkupError; "[link=…]" makes no hyperlink), no control characters printed."""
    global _SafeConsole
    if _SafeConsole is None:
        _SafeConsole = _safe_console_class()
    return _SafeConsole(**{"markup": False, "emoji": False, **options})


_SafeConsole = None


def _safe_console_class():
    """A Rich console that drops control characters from the text it prints (outputs.clean_text): a note
    holding an escape sequence cannot move the cursor or clear the screen. Rich's own styles are control
    segments of their own, or added after this, and stay."""
    from rich.console import Console
    from rich.segment import Segment

    from mstrack.render.outputs import clean_text

    class SafeConsole(Console):
        def render(self, renderable, options=None):
            for segment in super().render(renderable, options):
                if segment.control or not segment.text:
                    yield segment
                else:
                    text = clean_text(segment.text)
                    yield segment if text is segment.text else Segment(text, segment.style)

        def on_broken_pipe(self) -> None:
            """A closed pipe ends the command as every other failed output does (run()), not with Rich's silent exit 1."""
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    return SafeConsole


def parse_day(text: str | None, option: str, year: int | None = None) -> date:
    if text is None:
        return date.today()
    from mstrack.domain.quantities import DateError, parse_date

    try:
        return parse_date(text, year or date.today().year)
    except DateError as error:
        raise fail("{option}: {error}", option=option, error=error) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mstrack {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    db: Annotated[Optional[str], typer.Option(
        "--db", help="Database: a file path or an SQLAlchemy URL. [env: MSTRACK_DB; default: a file in the user data dir]",
    )] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    lang: Annotated[Optional[str], typer.Option(
        "--lang", envvar="MSTRACK_LANG", show_envvar=False,
        help="Labels and messages in zh or en. [env: MSTRACK_LANG; default: zh when the locale is zh_*, else en]",
    )] = None,
) -> None:
    global _lang
    from mstrack.labels import LANGS, pick_lang

    _lang = None
    if lang is not None and lang not in LANGS:
        raise fail("{option} {value!r}: expected one of {choices}", option="--lang", value=lang, choices=", ".join(LANGS))
    _lang = pick_lang(lang)
    ctx.obj = {"db": db, "lang": _lang}
    if problem := ctx.meta.get("mstrack.argument_problem"):
        raise fail("{option}: {error}", option=problem[0], error=problem[1])


@app.command()
def init(ctx: typer.Context) -> None:
    """Create or upgrade the database schema. Running it twice changes nothing."""
    with guard():
        from mstrack.store import Store, resolve_db_url

        store = Store(resolve_db_url(ctx.obj.get("db")))

        def announce(versions) -> None:
            say("{db}: schema version {before} → {after}", db=store.display_url, before=versions[0], after=versions[1])
            flush_output()

        before, after = store.init(confirm=announce)
        if before == after:
            say("{db}: schema version {version}, up to date", db=store.display_url, version=after)


def _print_status(store, on: date, programmes, unit, only, fmt: Format, fail_on, rule: Rule | None = None,
                  stale: int | None = None, lang: str = "zh") -> None:
    from mstrack.domain.status import count_statuses, status_rows
    from mstrack.render.status import status_json_chunks, status_table

    with bulk():
        rows = status_rows(store.status_states(on, programmes=programmes or None, unit=unit),
                           on, only={s.value for s in only} if only else None, rule=rule.value if rule else None,
                           stale_days=stale)
    if fmt is Format.json:
        for chunk in status_json_chunks(rows):
            write_out(chunk)
    else:
        table = status_table(rows, count_statuses(rows), on, lang)
        if sys.stdout.isatty():
            console().print(table)
        else:  # a file or a pipe: plain text, no console to start
            write_out(table.text(print_width()))
    if fail_on and any(row.status in {s.value for s in fail_on} for row in rows):
        raise typer.Exit(1)


@app.command()
def demo(
    ctx: typer.Context,
    as_of: Annotated[Optional[str], typer.Option(
        "--as-of", help="Date to judge at. [default: July 1 of the seeds' year, after their half-year checkpoints]",
    )] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table or json")] = Format.table,
    rule: Annotated[Optional[Rule], typer.Option("--rule", help=RULE_HELP)] = None,
) -> None:
    """Load every programme shipped in data/seed/ and print the status table."""
    with guard():
        from mstrack.sources.seeds import demo_date, seed_plans

        store = open_store(ctx, write=True)
        plans = seed_plans()
        from mstrack.labels import Labels

        words = Labels(ctx.obj["lang"])
        loaded = words("list.sep").join(words("demo.programme", code=p.code, tasks=len(p.tasks)) for p in plans)
        echo(words("demo.loaded", n=len(plans), programmes=loaded, db=store.display_url), err=True)
        flush_output()  # before the writes: an output that fails stops the command before anything is stored
        for programme in plans:
            store.save_plan(programme, command="demo", source=f"seed/{programme.code}.toml")
        on = parse_day(as_of, "--as-of") if as_of else demo_date(plans)
        _print_status(store, on, None, None, None, fmt, None, rule, lang=ctx.obj["lang"])


@app.command()
def status(
    ctx: typer.Context,
    programme: Annotated[Optional[list[str]], typer.Option("--programme", "-p", help="Only this programme (repeatable).")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", "-u", help="Only tasks where this unit leads or is responsible.")] = None,
    only: Annotated[Optional[list[Status]], typer.Option("--only", help="Only rows with this status (repeatable).")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Date to judge at, e.g. 2023-07-01 or 6月底. [default: today]")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table or json")] = Format.table,
    fail_on: Annotated[Optional[list[Status]], typer.Option("--fail-on", help="Exit 1 when any row has this status (repeatable).")] = None,
    rule: Annotated[Optional[Rule], typer.Option("--rule", help=RULE_HELP)] = None,
    stale: Annotated[int, typer.Option("--stale", min=0, help="Flag rows whose latest report is older than DAYS.")] = 14,
) -> None:
    """Expected versus actual for every indicator; behind first."""
    with guard():
        store = open_store(ctx, write=False)
        on = parse_day(as_of, "--as-of", store.common_year(programme) if as_of else None)
        _print_status(store, on, programme, unit, only, fmt, fail_on, rule, stale, lang=ctx.obj["lang"])


@app.command()
def show(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(help="PROGRAMME/CODE, e.g. shenzhen-2023/5")],
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Date for the status marks. [default: today]")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table or json")] = Format.table,
    rule: Annotated[Optional[Rule], typer.Option("--rule", help=RULE_HELP)] = None,
) -> None:
    """One task: leader, units, each indicator's quarterly checkpoints and report history."""
    with guard():
        from mstrack.store import parse_ref

        store = open_store(ctx, write=False)
        detail = store.task_detail(parse_ref(ref))
        if fmt is Format.json:
            from mstrack.render.status import task_json

            write_out(task_json(detail))
            return
        from mstrack.domain.status import evaluate
        from mstrack.render.status import task_view

        on = parse_day(as_of, "--as-of")
        rows = {state.indicator_id: evaluate(state, on, rule.value if rule else None) for state in detail.indicators}
        console().print(task_view(detail, rows, ctx.obj["lang"]))


@app.command()
def log(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(help="PROGRAMME/CODE, e.g. shenzhen-2023/5")],
    value: Annotated[Optional[str], typer.Argument(help="Cumulative value: 25000, 2.5万, 65%, 197户")] = None,
    indicator: Annotated[Optional[str], typer.Option("--indicator", "-i", help="Indicator name (a unique prefix is enough).")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Date the value is as of. [default: today]")] = None,
    note: Annotated[Optional[str], typer.Option("--note", "-n", help="Remark kept with the report.")] = None,
    by: Annotated[Optional[str], typer.Option("--by", help="Who reported it. [default: your login name]")] = None,
    done: Annotated[bool, typer.Option("--done", help="Mark the next checkpoint of a text-only line as met.")] = False,
    reason: Annotated[Optional[str], typer.Option("--reason", help="Why: for a correction of an earlier value.")] = None,
) -> None:
    """Record reported progress for one indicator of a task."""
    with guard():
        from mstrack.store import parse_ref
        from mstrack.store.log import record_progress

        store = open_store(ctx, write=True)

        def announce(result) -> None:
            for warning in result.warnings:
                warn(warning)
            say(result.message)
            flush_output()

        record_progress(
            store, parse_ref(ref), value, indicator=indicator, as_of=as_of, note=note, by=by,
            done=done, today=date.today(), reason=reason, announce=announce,
        )


@import_app.command("plan")
def import_plan(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="Plan files (TOML, docs/format.md).")],
    reason: Annotated[Optional[str], typer.Option("--reason", help="Why the definition changed (kept with the batch).")] = None,
) -> None:
    """Create or update programmes from plan files; every report is kept."""
    with guard():
        from mstrack.errors import InputError
        from mstrack.sources.plan import load_plan

        plans, errors = [], []
        for path in files:
            try:
                plans.append(load_plan(path))
            except InputError as error:
                errors.extend(error.messages)
        if errors:
            raise fail(errors)
        store = open_store(ctx, write=True)

        def announce(saved: list[dict]) -> None:
            for path, programme, counts in zip(files, plans, saved, strict=True):
                if counts["unchanged"]:
                    say("{path}: {code}: unchanged", path=path, code=programme.code)
                else:
                    say("{path}: {code}: {added} {added:task|tasks} added, {updated} updated, {removed} removed (batch {batch})",
                        path=path, code=programme.code, added=counts["tasks_added"], updated=counts["tasks_updated"],
                        removed=counts["tasks_removed"], batch=counts["batch"])
            flush_output()

        store.save_plans([(programme, path.name) for path, programme in zip(files, plans, strict=True)], reason=reason,
                         confirm=announce)


@import_app.command("progress")
def import_progress(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="Spreadsheets of reports: .xlsx, .csv or .tsv.")],
    programme: Annotated[Optional[str], typer.Option("--programme", "-p", help="Programme of rows without a 计划 column.")] = None,
    sheet: Annotated[Optional[str], typer.Option("--sheet", help="Sheet to read in .xlsx files. [default: the first]")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Date of rows without a 截至日期 column.")] = None,
    by: Annotated[Optional[str], typer.Option("--by", help="Reporter of rows without a 填报人 column.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate and say what would change; write nothing.")] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table or json")] = Format.table,
    reason: Annotated[Optional[str], typer.Option("--reason", help="Why: kept with the batch and its corrections.")] = None,
) -> None:
    """Import unit reports from spreadsheets: all rows or none (docs/import.md)."""
    with guard():
        from mstrack.sources.progress import import_progress as run_import

        store = open_store(ctx, write=not dry_run)
        default_as_of = parse_day(as_of, "--as-of") if as_of else None
        announced = []

        def announce(result) -> None:
            _say_imported(result, fmt, dry_run)
            flush_output()
            announced.append(True)

        with _row_progress(files) as on_row, bulk():
            result = run_import(
                store, files, programme=programme, sheet=sheet, default_as_of=default_as_of, by=by,
                today=date.today(), dry_run=dry_run, on_row=on_row, reason=reason, confirm=announce,
            )
        if not announced:  # nothing was written: said now
            _say_imported(result, fmt, dry_run)


def _say_imported(result, fmt: Format, dry_run: bool) -> None:
    """What an import did, or would do, or why it did nothing: said before its write commits."""
    if fmt is Format.json:
        from mstrack.render.status import dump_json

        data = result.as_dict()
        data["errors"] = [words().message(error) for error in result.errors]
        data["warnings"] = [words().message(warning) for warning in result.warnings]
        write_out(dump_json(data))
    for warning in result.warnings:
        warn(warning)
    if result.errors:
        for error in result.errors:
            say(error, err=True)
        raise fail("{n} {n:problem|problems}; nothing was written", n=len(result.errors))
    if fmt is Format.table:
        counts = {"new": result.inserted, "corrected": result.updated, "unchanged": result.unchanged,
                  "skipped": result.skipped, "written": result.inserted + result.updated}
        if dry_run:
            say("{new} new, {corrected} corrected, {unchanged} already there, {skipped} empty rows skipped; "
                "{written} {written:report|reports} would be written", **counts)
        else:
            say("{new} new, {corrected} corrected, {unchanged} already there, {skipped} empty rows skipped; "
                "{written} {written:report was|reports were} written", **counts)


def _row_progress(files: list[Path]):
    """A progress bar on stderr for large files, only when a person is watching."""
    if not sys.stderr.isatty() or sum(p.stat().st_size for p in files if p.exists()) < 1_000_000:
        return contextlib.nullcontext(None)

    @contextlib.contextmanager
    def bar():
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn

        from mstrack.errors import Message

        with Progress(SpinnerColumn(), TextColumn(words().message(Message("reading row {task.completed}"))), transient=True,
                      console=Console(stderr=True)) as progress:
            task = progress.add_task("import", total=None)
            yield lambda number: progress.update(task, completed=number)

    return bar()


@import_app.command("table")
def import_table(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A published breakdown table: .xlsx, .csv, .tsv or tab-separated text.")],
    programme: Annotated[str, typer.Option("--programme", "-p", help="Code for the new programme, e.g. beijing-2024.")],
    year: Annotated[int, typer.Option("--year", min=1900, max=2200, help="The programme's year.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The plan file (TOML) to write for review.")],
    sheet: Annotated[Optional[str], typer.Option("--sheet", help="Sheet to read in an .xlsx. [default: the first]")] = None,
) -> None:
    """Turn a published table into a plan file to review, then `import plan` it (docs/import-table.md)."""
    with guard():
        from mstrack.sources.plan import CODE_RE, dump_plan
        from mstrack.sources.table import convert_table

        if not CODE_RE.match(programme):
            raise fail("--programme {code!r}: use lowercase letters, digits and '-'", code=programme)
        refuse_database(ctx, output)
        if output.exists():
            raise fail("--output {path}: exists already; choose a new file name", path=output)
        result = convert_table(file, programme, year, sheet)
        text = dump_plan(result.programme)

        def announce() -> None:
            for line in result.summary:
                say(line, err=True)
            say("{file} → {output}: {stats}", file=file, output=output, stats=_conversion_stats(result.stats))

        write_output(ctx, output, lambda path: path.write_text(text, encoding="utf-8"), announce)


def _conversion_stats(stats: dict):
    """The counts of a converted table, each in words."""
    from mstrack.errors import Joined, Message

    return Joined(", ", [
        Message("{n} areas", n=stats["areas"]), Message("{n} tasks", n=stats["tasks"]), Message("{n} lines", n=stats["lines"]),
        Message("{n} checkpoints", n=stats["checkpoints"]), Message("{n} indicators", n=stats["indicators"]),
        Message("{n} numeric milestones", n=stats["numeric_milestones"]),
        Message("{n} text only tasks", n=stats["text_only_tasks"]), Message("{n} unplaced numbers", n=stats["unplaced_numbers"]),
    ])


@export_app.command("plan")
def export_plan(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Programme code, e.g. shenzhen-2023")],
    output: Annotated[str, typer.Option("--output", "-o", help="File to write; - for stdout.")] = "-",
) -> None:
    """Write a programme back as a plan file (TOML)."""
    with guard():
        from mstrack.sources.plan import dump_plan

        store = open_store(ctx, write=False)
        text = dump_plan(store.load_plan(code))
        if output == "-":
            write_out(text)
            return
        write_output(ctx, Path(output), lambda path: path.write_text(text, encoding="utf-8"),
                     lambda: echo(f"{code} → {output}", err=True))


@export_app.command("template")
def export_template(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Programme code, e.g. shenzhen-2023")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The .xlsx file to write.")],
    unit: Annotated[Optional[str], typer.Option("--unit", "-u", help="Only the tasks this unit leads or is responsible for.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Reporting date filled in. [default: today]")] = None,
) -> None:
    """A fill-in .xlsx for units: one row per indicator; `import progress` reads it back."""
    with guard():
        from mstrack.render.template import template_rows, write_template

        if output.suffix.lower() != ".xlsx":
            raise fail("--output {path}: a template is an .xlsx file", path=output)
        refuse_database(ctx, output)
        store = open_store(ctx, write=False)
        on = parse_day(as_of, "--as-of", store.common_year([code]))
        states = store.status_states(on, programmes=[code], unit=unit)
        title = f"{code} 进度报送表" + (f"（{unit}）" if unit else "") + f" 截至 {on}"
        rows = template_rows(states, on)
        write_output(ctx, output, lambda path: write_template(rows, on, path, title),
                     lambda: say("{n} rows → {path}", err=True, n=len(states), path=output))


@app.command()
def history(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(help="PROGRAMME/CODE, e.g. shenzhen-2023/5")],
    indicator: Annotated[Optional[str], typer.Option("--indicator", "-i", help="Only this indicator (exact name).")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table or json")] = Format.table,
) -> None:
    """Every value a task's indicators ever had: corrections and undone reports included."""
    with guard():
        from mstrack.render.history import history_json, history_table
        from mstrack.store import parse_ref

        store = open_store(ctx, write=False)
        entries = store.history(parse_ref(ref), indicator)
        if fmt is Format.json:
            write_out(history_json(entries))
        else:
            console().print(history_table(entries, ref, ctx.obj["lang"]))


@app.command()
def batches(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many, newest first.")] = 20,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table or json")] = Format.table,
) -> None:
    """The writes made to this database, newest first: each can be undone as a whole."""
    with guard():
        from mstrack.render.history import batches_json, batches_table

        store = open_store(ctx, write=False)
        found = store.batches(limit)
        if fmt is Format.json:
            write_out(batches_json(found))
        else:
            console().print(batches_table(found, ctx.obj["lang"]))


@app.command()
def undo(
    ctx: typer.Context,
    batch: Annotated[Optional[int], typer.Argument(help="Batch id (see `mstrack batches`). [default: the latest]")] = None,
    reason: Annotated[Optional[str], typer.Option("--reason", help="Why it is undone (kept with the new batch).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Bring values back even over newer entries for the same date "
                                                          "(what it overrides is kept with the new batch).")] = False,
) -> None:
    """Revert one batch as a whole, as a new batch: nothing is deleted, and the undo can be undone."""
    with guard():
        store = open_store(ctx, write=True)

        def announce(done) -> None:
            from mstrack.errors import Joined, Message

            what = [Message("{n} reports retracted", n=done.reports_retracted), Message("{n} restored", n=done.reports_added)]
            if done.programme:
                what.append(Message("{code} put back as it was", code=done.programme))
            say("batch {batch} undoes batch {undone}: {what}", batch=done.id, undone=done.undoes, what=Joined(", ", what))
            flush_output()

        store.undo(batch, reason, force=force, confirm=announce)


db_app = typer.Typer(rich_markup_mode=None, help="The database file: upgrade, back up, check.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context) -> None:
    """Upgrade the schema of an older database in place (back it up first)."""
    init(ctx)


@db_app.command("backup")
def db_backup(
    ctx: typer.Context,
    target: Annotated[Path, typer.Argument(help="The new file to write.")],
) -> None:
    """An online, consistent copy, safe while others write. A plain file copy may miss the -wal file."""
    with guard():
        store = open_store(ctx, write=False)
        if target.exists():
            raise fail("{path}: exists already; choose a new file name", path=target)

        def announce() -> None:
            echo(f"{store.display_url} → {target}")

        write_output(ctx, target, store.backup, announce, option="TARGET")


@db_app.command("copy")
def db_copy(
    ctx: typer.Context,
    to: Annotated[str, typer.Option("--to", help="The empty database to fill: a file path or an SQLAlchemy URL.")],
) -> None:
    """Copy the whole store to an empty database (SQLite ↔ PostgreSQL), then verify it."""
    with guard():
        from mstrack.domain.status import status_rows
        from mstrack.store import Store, resolve_db_url

        store = open_store(ctx, write=False)
        target = Store(resolve_db_url(to))
        counts = store.copy_to(target)
        copied = target.row_counts()
        if copied != store.row_counts() or copied != counts:
            raise fail("--to {db}: row counts differ after the copy: {copied} != {counts}", db=target.display_url,
                       copied=copied, counts=counts)
        on = date.today()
        before = [row.as_dict() for row in status_rows(store.status_states(on), on)]
        after = [row.as_dict() for row in status_rows(target.status_states(on), on)]
        if before != after:
            raise fail("--to {db}: the status differs after the copy", db=target.display_url)
        total = sum(counts.values())
        say("{source} → {target}: {rows} rows in {tables} tables, row counts and status verified", source=store.display_url,
            target=target.display_url, rows=total, tables=len(counts))


@db_app.command("check")
def db_check(ctx: typer.Context) -> None:
    """Integrity and foreign keys; exit 1 when anything is wrong."""
    with guard():
        from mstrack.store import Store, resolve_db_url

        store = Store(resolve_db_url(ctx.obj.get("db")))
        problems = store.check()
        for problem in problems:
            say(problem)
        if problems:
            raise typer.Exit(1)
        say("{db}: ok", db=store.display_url)


@app.command()
def programmes(ctx: typer.Context) -> None:
    """List the programmes in the store."""
    with guard():
        store = open_store(ctx, write=False)
        for code in store.programme_codes():
            echo(code)


class _Uncoerced:
    """Completion only needs the words typed so far, not their values."""

    @staticmethod
    def coerce(value, param=None, ctx=None):
        return value


def _complete_without_coercion() -> None:
    """Typer ≥ 0.25 checks every option value with a pydantic TypeAdapter, and importing pydantic for
    that tripled the time of a <TAB>. Completing never uses the values, so they pass through as typed.
    A Typer without this hook completes the slow way."""
    import typer.core

    parameter = getattr(typer.core, "_TyperParameter", None)
    if parameter is not None and hasattr(parameter, "get_runtime_param"):
        parameter.get_runtime_param = lambda self: _Uncoerced


def run() -> None:
    import os

    if os.environ.get("_MSTRACK_COMPLETE"):
        _complete_without_coercion()
    try:
        app(prog_name="mstrack")
    except OutputFailed as failed:
        raise SystemExit(_output_failed(failed.error)) from None
    except SystemExit:
        try:  # what is still buffered goes out now, where a failure can be said
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError as error:
            if error.errno not in OUTPUT_ERRORS:
                raise
            raise SystemExit(_output_failed(error)) from None
        raise


from mstrack.cli import reports as cli_reports  # noqa: E402,F401  (registers units and report)
