"""Commands that read or write files a person works with: import plan|progress|table, export plan|template."""

import contextlib
import functools
import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from mstrack.cli.app import export_app, import_app
from mstrack.cli.common import Format, FormatOption, as_of_option, parse_day, stored_programmes
from mstrack.cli.import_said import WARNINGS_SHOWN, say_imported
from mstrack.cli.kept_files import refuse_held
from mstrack.cli.printing import flush_output, refuse_database, write_out, write_output
from mstrack.cli.process import bulk, dry_run_store, first_store, keep_until_exit, open_store, written_to
from mstrack.cli.saying import echo, fail, say, warn, words
from mstrack.filesystem import same_file
from mstrack.long_lists import PLAN_CHANGES_SHOWN, first_shown


@import_app.command("plan")
def import_plan(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="Plan files (TOML, docs/format.md).")],
    reason: Annotated[Optional[str], typer.Option("--reason", help="Why the definition changed (kept with the batch).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check and say what the import would do, then roll it back.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Import an exported plan over a plan import made since it was "
                                                        "exported, putting back what that changed.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Refuse a plan that still holds `# check:` doubts of import "
                                                          "table, its placeholder unit （表中未列）, or a warning.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=f"Every change the plan makes, not the first "
                                                                  f"{PLAN_CHANGES_SHOWN} and a count.")] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Create or update programmes from plan files; every report is kept."""
    from mstrack.errors import InputError
    from mstrack.sources.plan import load_plan

    plans, errors, unreviewed = [], [], []
    with bulk():  # a 20,000-task plan is a million small objects: read, checked and compared without the cycle collector
        for path in files:
            try:
                doubts: list = []
                plans.append(load_plan(path, doubts, unreviewed))
                unreviewed += _unreviewed(path, doubts, plans[-1], strict)
            except InputError as error:
                errors.extend(error.messages)
        keep_until_exit(plans)  # a 20,000-task plan: ~0.07 s to free at the end, and a walk by the collector after bulk
    if errors or strict and unreviewed:
        raise fail([*errors, *unreviewed])
    for said in unreviewed:
        warn(said)
    if dry_run:  # a dry run makes no store where there is none: a first import is shown in a throw-away one
        with dry_run_store(ctx) as (store, nowhere):
            _import_plans(store, files, plans, reason, force, nowhere,
                          (lambda said: said) if nowhere else functools.partial(written_to, ctx, store), verbose, fmt)
    else:
        with first_store(ctx) as store:  # a refused first import leaves no store (review49 R5)
            _import_plans(store, files, plans, reason, force, False, functools.partial(written_to, ctx, store), verbose,
                          fmt)


DOUBTS_SHOWN = 3
"""The `# check:` doubts left in a plan file that import plan quotes before it counts the rest."""


def _unreviewed(path: Path, doubts: list[tuple[int, str, str]], programme, strict: bool) -> list:
    """What import table left in a plan file for its review and the file still holds (safety49 F1, newcomer49 N8): its
    `# check:` doubts (the year the title names, a date missing …), the first few quoted, and the tasks whose lead unit
    is the placeholder （表中未列）. Warned, or refused under --strict."""
    from mstrack.errors import Joined, Message
    from mstrack.sources.plan import placeholder_tasks
    from mstrack.vocabulary import UNLISTED

    found = []
    way = Message("--strict refuses it") if not strict else Message("nothing was written")
    if doubts:
        first = first_shown([Message("    line {line}: {key}{doubt}", line=line, key=f"{key}: " if key else "",
                                     doubt=_short(doubt)) for line, key, doubt in doubts], DOUBTS_SHOWN, indent="    ")
        found.append(Message("{path}: still holds {n} `# check:` {n:doubt|doubts} import table wrote, unreviewed:\n{first}"
                             "\n  review each (docs/import-table.md, \"After the reading\"), then delete its comment; {way}",
                             path=path, n=len(doubts), first=Joined("\n", first), way=way))
    if codes := placeholder_tasks(programme):
        found.append(Message("{path}: {n} {n:task has|tasks have} no lead unit but the placeholder {unlisted} (the table "
                             "named none): {codes}; templates, `status --unit` and `units` need the office: write it in "
                             "lead_units; {way}", path=path, n=len(codes), unlisted=UNLISTED, way=way,
                             codes=", ".join(codes[:12]) + (" …" if len(codes) > 12 else "")))
    return found


def _short(text: str, most: int = 100) -> str:
    return text if len(text) <= most else text[:most] + "…"


def _import_plans(store, files: list[Path], plans: list, reason: str | None, force: bool, nowhere: str | bool | None,
                  named, verbose: bool = False, fmt: Format = Format.table):
    """import plan's write, or its dry run (`nowhere`: False for the write itself; else None, or where no store was
    made when --db holds none yet): what it does, or would do, said before its commit; `named`: a file's line as
    said, naming the store where --db or MSTRACK_DB chose it (process.written_to). Its changes: the first
    PLAN_CHANGES_SHOWN, every one with `verbose`, or as JSON (trial57 finding 6: "… and 249 more" and no way to see them)."""
    from mstrack.errors import readable_name
    from mstrack.sources.plan import as_stored, export_record

    dry_run = nowhere is not False
    if alike := as_stored(list(zip(files, plans, strict=True)), store.unit_names(), store.task_refs(), *store.units_in_use()):
        raise fail(alike)

    def announce(saved: list[dict]) -> None:
        if fmt is Format.json:
            _plans_json(files, plans, saved, dry_run)
        else:
            _say_plans(files, plans, saved, named, nowhere, verbose)
        if dry_run:
            raise _RolledBack

    with bulk(), contextlib.suppress(_RolledBack):
        store.save_plans([(programme, readable_name(path.name)) for path, programme in zip(files, plans, strict=True)],
                         reason=reason, confirm=announce, keep=keep_until_exit, force=force,
                         exported=_exported(files, plans, export_record))


def _say_plans(files: list[Path], plans: list, saved: list[dict], named, nowhere: str | bool | None, verbose: bool) -> None:
    """What import plan wrote, or would write (a dry run: `nowhere` not False), a file at a time."""
    from mstrack.errors import Message

    dry_run = nowhere is not False
    for path, programme, counts in zip(files, plans, saved, strict=True):
        if counts["unchanged"]:
            said = Message("{path}: {code}: unchanged", path=path, code=programme.code)
        elif changed := counts.get("programme_changed"):  # a batch is written: say what it holds
            said = Message("{path}: {code}: {added} {added:task|tasks} added, {updated} updated, {removed} removed; the"
                           " programme's own {fields} changed ({batch})", path=path, code=programme.code,
                           added=counts["tasks_added"], updated=counts["tasks_updated"], removed=counts["tasks_removed"],
                           fields=", ".join(changed), batch=_batch_said(counts["batch"], dry_run))
        else:
            said = Message("{path}: {code}: {added} {added:task|tasks} added, {updated} updated, {removed} removed "
                           "({batch})", path=path, code=programme.code, added=counts["tasks_added"],
                           updated=counts["tasks_updated"], removed=counts["tasks_removed"],
                           batch=_batch_said(counts["batch"], dry_run))
        say(named(said))
        _say_changes(path, programme.code, counts.get("changes", []), verbose)
        if (written := counts.get("plan_reports")) and "programme_changed" in counts:  # re-imported: its own reports
            say("{path}: {code}: {n} {n:report|reports} of the plan itself written, {c} correcting the value stored "
                "for {c:its day|their days}", path=path, code=programme.code, n=written, c=counts.get("plan_corrected", 0))
        if deleted := counts.get("undone_deleted"):  # taken, not refused (PlanWriter._delete): said
            say("{path}: {code}: {n} undone {n:report|reports} of dropped lines or indicators deleted: an undo can no "
                "longer bring {n:it|them} back", path=path, code=programme.code, n=deleted)
    if dry_run:  # the write itself, checks and all, rolled back: what it says is what the import would do
        say("--dry-run: nothing was written; the lines above say what this import would do")
        if nowhere:
            say("(dry run: no store created at {db})", db=nowhere)
    flush_output()


def _say_changes(path: Path, code: str, changes: list, verbose: bool) -> None:
    """Which tasks, indicators and units a plan removes, renames or changes under reports (F6): the first
    PLAN_CHANGES_SHOWN and how to see them all, or every one with --verbose (trial57 finding 6)."""
    for change in changes if verbose else first_shown(changes, PLAN_CHANGES_SHOWN):
        say("{path}: {code}:   {change}", path=path, code=code, change=change)
    if not verbose and len(changes) > PLAN_CHANGES_SHOWN:
        say("{path}: {code}:   (`--verbose` or `-f json` lists all {n})", path=path, code=code, n=len(changes))


def _plans_json(files: list[Path], plans: list, saved: list[dict], dry_run: bool) -> None:
    """import plan -f json: a file each, its counts, batch and every change in the run's language (trial57 finding 6)."""
    from mstrack.render.outputs import dump_json

    write_out(dump_json([{"file": str(path), "programme": programme.code, "dry_run": dry_run,
                          "unchanged": counts["unchanged"], "batch": None if dry_run else counts["batch"],
                          "tasks_added": counts["tasks_added"], "tasks_updated": counts["tasks_updated"],
                          "tasks_removed": counts["tasks_removed"],
                          "changes": [words().message(change) for change in counts.get("changes", [])]}
                         for path, programme, counts in zip(files, plans, saved, strict=True)]))
    flush_output()


def _exported(files: list[Path], plans: list, record) -> dict[str, str]:
    """The plan each file was exported from (its digest) by programme code, where the file records it for its own
    programme (`record`: sources.plan.export_record): what save_plans checks against plan imports made since."""
    found = {}
    for path, programme in zip(files, plans, strict=True):
        code, digest = record(path) or (None, None)
        if code == programme.code:
            found[code] = digest
    return found


def _batch_said(batch: int, dry_run: bool):
    """The batch an import plan wrote, as its summary names it; a dry run names none (it named one it never made)."""
    from mstrack.errors import Message

    return Message("dry run: no batch written") if dry_run else Message("batch {batch}", batch=batch)


class _RolledBack(Exception):
    """import plan --dry-run's end: raised in the write's transaction once its lines are said, so that it rolls back."""



@import_app.command("progress")
def import_progress(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(
        help="Spreadsheets of reports: .xlsx, .xls, .ods, .csv or .tsv (or the largest table of a .html or .docx).")],
    programme: Annotated[Optional[str], typer.Option("--programme", "-p", help="Programme of rows without a 计划 column.")] = None,
    sheet: Annotated[Optional[str], typer.Option(
        "--sheet", help="Sheet of a workbook to read. [default: the sheet that holds the progress table]")] = None,
    as_of: as_of_option("Date of rows without a 截至日期 column.") = None,
    by: Annotated[Optional[str], typer.Option("--by", help=(
        "Reporter of rows without a 填报人 column. [default: your login name; on a server, the database role]"))] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate and say what would change; write nothing.")] = False,
    fmt: FormatOption = Format.table,
    reason: Annotated[Optional[str], typer.Option("--reason", help="Why: kept with the batch and its corrections.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=f"Every warning, not the first {WARNINGS_SHOWN} and a count.")] = False,
) -> None:
    """Import unit reports from spreadsheets: all rows or none (docs/import.md)."""
    from mstrack.sources.progress import import_progress as run_import

    store = open_store(ctx, write=not dry_run)
    default_as_of = None
    if as_of:  # one naming no year is read in each row's programme's days, as `log --as-of` reads it (report_day)
        from mstrack.domain.dates import DateError, check_some_day, named_day

        try:  # no day in any year: refused before a file is read
            check_some_day(as_of, date.today())
        except DateError as error:
            raise fail("{option}: {error}", option="--as-of", error=error) from None
        default_as_of = named_day(as_of) or as_of
    announced = []

    named = functools.partial(written_to, ctx, store)

    def announce(result) -> None:
        say_imported(result, fmt, dry_run, verbose, named)
        flush_output()
        announced.append(True)

    with _row_progress(files) as on_row, bulk():
        result = run_import(
            store, files, programme=programme, sheet=sheet, default_as_of=default_as_of, by=by or store.user(),
            today=date.today(), dry_run=dry_run, on_row=on_row, reason=reason, confirm=announce,
            by_given=by is not None,
        )
    if not announced:  # nothing was written: said now
        say_imported(result, fmt, dry_run, verbose, named)


def _row_progress(files: list[Path]):
    """A progress bar on stderr for large files, only when a person is watching."""
    if not sys.stderr.isatty() or sum(p.stat().st_size for p in files if p.exists()) < 1_000_000:
        return contextlib.nullcontext(None)

    @contextlib.contextmanager
    def bar():
        from rich.progress import Progress, SpinnerColumn, TextColumn

        from mstrack.cli import printing
        from mstrack.errors import Message

        with Progress(SpinnerColumn(), TextColumn(words().message(Message("reading row {task.completed}"))), transient=True,
                      console=printing.safe_console(stderr=True)) as progress:
            task = progress.add_task("import", total=None)
            yield lambda number: progress.update(task, completed=number)

    return bar()


@import_app.command("table")
def import_table(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A published breakdown table: .xlsx, .xls, .ods, .docx, .html, .csv, .tsv or "
                                                   "tab-separated text.")],
    programme: Annotated[str, typer.Option("--programme", "-p", help="Code for the new programme, e.g. beijing-2024.")],
    year: Annotated[int, typer.Option("--year", min=1900, max=2200, help="The programme's year.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The plan file (TOML) to write for review.")],
    sheet: Annotated[Optional[str], typer.Option(
        "--sheet", help="Sheet to read in a workbook. [default: the first sheet with a header row, the active sheet first]")] = None,
    table: Annotated[Optional[int], typer.Option("--table", min=1, help="Read only the Nth table of a .docx or .html "
                                                 "(from 1). [default: every table that holds tasks, and the numbered items of "
                                                 "the text outside them, as one plan]")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Refuse a table with cells that can be read two ways.")] = False,
    progress_as_of: Annotated[Optional[str], typer.Option(
        "--progress-as-of", help="Also write the progress columns (完成情况, 当前进度 …) as of this date to OUTPUT's stem "
                                 "+ .progress.csv, for `import progress`.")] = None,
) -> None:
    """Turn a published table into a plan file to review, then `import plan` it (docs/import-table.md)."""
    from mstrack.sources.plan import CODE_RE
    from mstrack.sources.plan_dump import dump_plan
    from mstrack.sources.plan_text import doubts_left
    from mstrack.sources.table import convert_table

    if not CODE_RE.match(programme):
        raise fail("--programme {code!r}: use lowercase letters, digits and '-'", code=programme)
    refuse_database(ctx, output)
    _not_the_table("--output", output, file)
    progress_path, as_of = _progress_output(output, progress_as_of, file)
    from mstrack.errors import Joined

    result = convert_table(file, programme, year, sheet, table_number=table)
    if strict and result.best_effort:  # no layout recognised: the whole reading a guess, refused as a whole
        raise fail("--strict: {file}: read only as a best effort, in no layout the reader knows ({why}); nothing written. Run "
                   "without --strict to get the best-effort plan and check each task marked `# check:`, or give the "
                   "table with a header row (序号, 工作任务, 责任单位, 完成时限 …)",
                   file=file, why=result.best_effort)
    sheet_rows, sheet_doubts, sheet_warnings = [], [], []
    if as_of is not None:  # the progress figures as of the date, and the ones that cannot be given: doubts too
        from mstrack.sources.table.progress_figures import as_of as progress_rows

        sheet_rows, sheet_doubts, sheet_warnings = progress_rows(result.reported, as_of, file)
    doubts = [*result.doubts, *sheet_doubts]
    lang = words()
    text = dump_plan(result.programme, {key: lang.message(why) for key, why in result.comments.items()})
    if strict and doubts:  # counted as the summary and `import plan` count them (_doubt_counts), listed as said
        raise fail("--strict: {counts}; nothing written:\n{doubts}", counts=_doubt_counts(len(doubts_left(text)), len(sheet_doubts)),
                   doubts=Joined("\n", doubts))

    def write_progress() -> None:
        if progress_path is not None:
            from mstrack.render.template import reported_csv

            write_output(ctx, progress_path, lambda path: path.write_text(reported_csv(sheet_rows, as_of), encoding="utf-8"),
                         lambda: say("{n} reported values as of {date} → {path}", n=len(sheet_rows), date=as_of,
                                     path=progress_path, err=True), option="--progress-as-of", taken=_progress_exists)

    def announce() -> None:
        for line in [*result.summary, *sheet_warnings]:  # a value written, said as `import progress` says it
            say(line, err=True)
        for doubt in doubts:  # last, so a reviewer finds them at the end
            say("check: {doubt}", doubt=doubt, err=True)
        say("{file} → {output}: {stats}", file=file, output=output,
            stats=_conversion_stats(result.stats, len(doubts_left(text)), len(sheet_doubts)))

    write_plan(ctx, output, text, announce, first=write_progress)


def write_plan(ctx: typer.Context, output: Path, text: str, announce, first=None) -> None:
    """A plan file (TOML) to `output`, for `import table` and `export plan` alike: a file there is never written over,
    since it may be a plan an office reviewed and edited by hand (its own lines after the `# check:` ones), unless it
    holds byte for byte what would be written: nothing in it to lose, so a rerun says the same and leaves it as it is.
    One made while the command ran is never written over either. `first` (import table's progress file) is written
    after that look and before the plan: a plan refused writes nothing."""
    data = text.encode("utf-8")
    kept = plan_kept(ctx, output, data)
    if first is not None:
        first()
    if kept:
        announce()
        return
    write_output(ctx, output, lambda path: path.write_bytes(data), announce, taken=_plan_exists)


def plan_kept(ctx: typer.Context, output: Path, data: bytes) -> bool:
    """True when `output` holds `data` already (nothing to write); exit 2 when it holds anything else (write_plan)."""
    refuse_database(ctx, output)
    if output.is_symlink() and not output.exists():  # said as a file that exists otherwise
        raise fail("--output {path}: a link to a missing file ({target}); a plan is not written through it: remove the "
                   "link, or give another --output name", path=output, target=os.readlink(output))
    if not (output.exists() or output.is_symlink()) or output.is_dir():  # a directory: write_output says so
        return False
    if not _holds(output, data):
        refuse_held(output)  # a unit's return (its figures), a Word file, JSON mstrack did not write: said as what it is
        raise _plan_exists(output)
    return True


def _holds(path: Path, data: bytes) -> bool:
    """Whether a regular file holds exactly `data` (its size first: a plan of another size is not read)."""
    try:
        return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _plan_exists(output: Path) -> typer.Exit:
    """A plan's -o is never written over (write_plan): found before writing or made while the command ran."""
    return fail("--output {path}: exists already (a plan may have been edited there); remove it first, or give "
                "another --output name", path=output)


def _progress_exists(path: Path) -> typer.Exit:
    return fail("--progress-as-of: {path} exists already; remove it first, or give another --output name", path=path)


def _not_the_table(option: str, path: Path, file: Path) -> None:
    """Before the reading: a file to write (-o, or --progress-as-of's, named after it) that is the table read is said
    as what it is, not "exists already", whose "remove it first" would delete the input (review53 F4)."""
    if same_file(path, file):
        raise fail("{option} {path}: that is the table this command reads ({file}); nothing written: give the plan a "
                   "name of its own, such as {suggest}", option=option, path=path, file=file,
                   suggest=file.with_name(f"{file.stem}.toml"))


def _progress_output(output: Path, as_of: str | None, file: Path):
    """Where --progress-as-of writes (the plan's stem + .progress.csv), and its date; (None, None) without it."""
    if as_of is None:
        return None, None
    from mstrack.domain.dates import DateError, parse_date

    try:
        day = parse_date(as_of)
    except DateError as error:
        raise fail("--progress-as-of {value!r}: {error}", value=as_of, error=error) from None
    path = output.with_name(output.stem + ".progress.csv")
    _not_the_table("--progress-as-of", path, file)
    if path.exists():
        raise _progress_exists(path)
    return path, day


def _conversion_stats(stats: dict, doubts: int, progress_doubts: int = 0):
    """The counts of a converted table, each in words, then its doubts: the `# check:` comments the plan file holds,
    counted as `import plan` counts those it still holds (plan_text.doubts_left: one count, one meaning; trial59
    finding 8, 23 said and 40 found), and the progress file's (--progress-as-of), which are in no plan line."""
    from mstrack.errors import Joined, Message

    return Joined(", ", [
        Message("{n} {n:area|areas}", n=stats["areas"]), Message("{n} {n:task|tasks}", n=stats["tasks"]),
        Message("{n} {n:line|lines}", n=stats["lines"]),
        Message("{n} {n:checkpoint|checkpoints}", n=stats["checkpoints"]), Message("{n} {n:indicator|indicators}", n=stats["indicators"]),
        Message("{n} numeric milestones", n=stats["numeric_milestones"]),
        Message("{n} text only tasks", n=stats["text_only_tasks"]), Message("{n} unplaced numbers", n=stats["unplaced_numbers"]),
        _doubt_counts(doubts, progress_doubts),
    ])


def _doubt_counts(doubts: int, progress_doubts: int = 0):
    """The doubts of a converted table, the summary's and --strict's alike: the `# check:` comments the plan file holds
    and the progress file's (--progress-as-of), which are in no plan line."""
    from mstrack.errors import Joined, Message

    return Joined(", ", [Message("{n} `# check:` {n:doubt|doubts} in the plan", n=doubts),
                         *([Message("{n} {n:doubt|doubts} of the progress file", n=progress_doubts)] if progress_doubts else [])])


@export_app.command("plan")
def export_plan(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Programme code, e.g. shenzhen-2023")],
    output: Annotated[str, typer.Option("--output", "-o", help="File to write; - for stdout.")] = "-",
) -> None:
    """Write a programme back as a plan file (TOML)."""
    from mstrack.sources.plan_dump import export_text

    store = open_store(ctx, write=False)
    (code,) = stored_programmes(store, [code])  # EXPORT-2023 is export-2023, as -p reads it
    text = export_text(store.load_plan(code))
    if output == "-":
        write_out(text)
    else:
        write_plan(ctx, Path(output), text, lambda: echo(f"{code} → {output}", err=True))
    if left := store.office_reports(code):  # export → import is no way to move a store (safety48 F-03)
        say("{code}: {n} {n:report|reports} entered by offices (log / import progress) {n:is|are} not in a plan file: "
            "to move a store use `mstrack db copy` or `db backup`", err=True, code=code, n=left)


@export_app.command("template")
def export_template(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Programme code, e.g. shenzhen-2023")],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="The .xlsx file to write (with --each-unit, the directory).")],
    unit: Annotated[Optional[str], typer.Option(
        "--unit", "-u", help="Only the figures this unit owes: the tasks it leads.")] = None,
    each_unit: Annotated[bool, typer.Option(
        "--each-unit", help="One form per lead unit, named after it, in the directory --output names.")] = False,
    helped: Annotated[bool, typer.Option(
        "--helped", help="With --unit, also the tasks it only helps with (责任单位), as forms did before.")] = False,
    as_of: as_of_option("Reporting date filled in. [default: today, within the programme's year]") = None,
) -> None:
    """A fill-in .xlsx for units: one row per indicator; `import progress` reads it back."""
    from mstrack.render.template import template_rows, unit_forms, write_template

    _check_template_output(unit, each_unit, helped, output)
    store = open_store(ctx, write=False)
    (code,) = stored_programmes(store, [code])
    year = store.common_year([code])
    on = parse_day(as_of, "--as-of", year)
    if as_of is None and year is not None:  # a form for a past (or coming) year is dated inside that year
        on = min(max(on, date(year, 1, 1)), date(year, 12, 31))
    states = store.status_states(on, programmes=[code], unit=unit)
    if unit is None and not each_unit:
        rows = template_rows(states, on)
        from mstrack.vocabulary import form_title

        title = form_title(code, on)
        write_output(ctx, output, lambda path: write_template(rows, on, path, title),
                     lambda: say("{n} {n:row|rows} → {path}", err=True, n=len(states), path=output))
        return
    forms = unit_forms(states, on, code, store.unit_named(unit, [code]) if unit else None, helped)
    if unit is not None:
        _say_helped(forms, code)
        (form,) = forms
        write_output(ctx, output, lambda path: write_template(form.rows, on, path, form.title, form.unit),
                     lambda: say("{n} {n:row|rows} → {path}", err=True, n=len(form.rows), path=output))
        return
    from mstrack.cli.each_unit import write_each

    write_each(ctx, forms, "xlsx", output, "zh", render=lambda form, path: write_template(
        form.rows, on, path, form.title, form.unit), programme=code)


def _check_template_output(unit: str | None, each_unit: bool, helped: bool, output: Path) -> None:
    """Before any work: one unit's form or each lead unit's, to an .xlsx file or a directory."""
    if unit is not None and each_unit:
        raise fail("--unit or --each-unit: name one unit, or ask for a form for each lead unit (not both)")
    if helped and unit is None:
        raise fail("--helped: with --unit, the unit whose form also holds the tasks it helps with")
    if each_unit:
        if str(output) == "-":
            raise fail("--output: with --each-unit, the directory the forms go in (one file per unit); add -o DIR")
        if output.exists() and not output.is_dir():
            raise fail("--output {path}: with --each-unit, a directory (one file per unit goes in it)", path=output)
    elif output.suffix.lower() != ".xlsx":
        raise fail("--output {path}: a template is an .xlsx file", path=output)


def _say_helped(forms: list, code: str) -> None:
    """--unit: the indicators of tasks the unit only helps with are not on its form (their lead unit reports them),
    said so, never left out unseen; a unit that leads nothing is refused, naming who reports what it helps with."""
    (form,) = forms
    if not form.helped:
        return
    leads = "、".join(form.helped_leads)
    if not form.rows:
        raise fail("--unit {unit}: leads no task of {code}, so its form would be empty; the {n} {n:indicator|indicators} "
                   "it helps with (责任单位) {n:is|are} reported by {leads}: give --unit with a lead unit",
                   unit=form.unit, code=code, n=form.helped, leads=leads)
    say("{unit}: {n} {n:indicator|indicators} of tasks it only helps with (责任单位) left off its form: {leads} "
        "{n:reports it|report them}", err=True, unit=form.unit, n=form.helped, leads=leads)
