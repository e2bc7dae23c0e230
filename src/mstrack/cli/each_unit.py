"""`report notice --each-unit` and `export template --each-unit`: one file per lead unit in the folder -o names, every name and every file
looked at before the first is written, the folder held while they are written, the folders a run made removed again
where it wrote none; each file through printing.write_output (whole or not at all)."""

from pathlib import Path

import typer

from mstrack.cli.kept_files import refuse_kept
from mstrack.cli.printing import cannot_write, refuse_unwritable_name, write_output
from mstrack.cli.saying import echo, fail, say, warn


def _file_name(unit: str) -> str:
    """A unit's name as a file name: path separators and characters Windows refuses become "_"."""
    import re

    return re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", unit).strip(" .") or "_"


def _one_file_each(notices: list, fmt: str, output: Path, forms: bool = False) -> None:
    """Exit 2 before any notice is written when two units' notices would go to one file (_file_name: 住建局/城管局 and
    住建局_城管局, 教育局. and 教育局; ABC局 and abc局, one file where Windows or macOS share the folder). Refused rather
    than renamed: an office looks for its unit's file by the unit's name, and a number added to one would say nothing
    of which unit it is."""
    import unicodedata

    seen: dict[str, str] = {}
    for one in notices:
        name = f"{_file_name(one.unit)}.{fmt}"
        key = unicodedata.normalize("NFC", name).casefold()
        if key in seen:
            raise fail("--each-unit: the lead units {first} and {second} would both be written to {path} (a file "
                       "name holds no / \\ : * ? \" < > |, ends in no dot or space, and Windows and macOS do not tell "
                       "capitals apart): nothing written; write their forms with --unit UNIT -o FILE instead" if forms
                       else "--each-unit: the lead units {first} and {second} would both be written to {path} (a file "
                       "name holds no / \\ : * ? \" < > |, ends in no dot or space, and Windows and macOS do not tell "
                       "capitals apart): nothing written; write their notices with --unit UNIT -o FILE instead",
                       first=seen[key], second=one.unit, path=output / name)
        seen[key] = one.unit


def _offices_only(notices: list, forms: bool, output: Path) -> list:
    """The notices (or forms) of offices: none for import table's placeholder （表中未列） (vocabulary.placeholder), which
    is no office to send one to (trial59 finding 7: a form 「（表中未列）.xlsx」 beside the offices'), said with its tasks;
    exit 1 before any folder is made where it is the only lead unit: the run found nothing it can write (docs/cli.md)."""
    from mstrack.domain import unique
    from mstrack.vocabulary import placeholder

    offices = [one for one in notices if not placeholder(one.unit)]
    for one in notices:
        if placeholder(one.unit):
            tasks = unique(item.task for item in (one.rows if forms else one.items))
            codes = ", ".join(tasks[:12]) + (" …" if len(tasks) > 12 else "")
            if not offices:  # nothing to do: said as such, exit 1 (docs/cli.md), no folder made
                warn("--each-unit: no form written to {path}: the only lead unit is the placeholder {unit}, where the "
                     "plan names no office, of {n:task|tasks} {codes}: write the offices in the plan's lead_units and "
                     "import it again" if forms else "--each-unit: no notice written to {path}: the only lead unit is "
                     "the placeholder {unit}, where the plan names no office, of {n:task|tasks} {codes}: write the "
                     "offices in the plan's lead_units and import it again",
                     path=output, unit=one.unit, n=len(tasks), codes=codes)
                raise typer.Exit(1)
            warn("--each-unit: no form for {unit}, the placeholder where the plan names no office, of {n:task|tasks} "
                 "{codes}: write the office in the plan's lead_units and import it again" if forms else
                 "--each-unit: no notice for {unit}, the placeholder where the plan names no office, of "
                 "{n:task|tasks} {codes}: write the office in the plan's lead_units and import it again",
                 unit=one.unit, n=len(tasks), codes=codes)
    return offices


def write_each(ctx: typer.Context, notices: list, fmt: str, output: Path, lang: str, render=None,
               programme: str | None = None) -> None:
    """--each-unit: one file per notice in the directory `output` (made if missing), named after its unit,
    each written whole or not at all (printing.write_output). Every name is looked at before the directory is made,
    and every file once it is held (outputs.writing_into, taken before the look: a file another run wrote between a
    look and the hold was never looked at). Where nothing was written (a refusal, or the first file failing), the
    folders this run made go again, its parents too (_made_folders), while they are empty: what another program put
    in them meanwhile stays, and so do they. A second run into it meanwhile is refused whole, never a mix of two runs'
    notices; so is a single -o into it (write_output holds its folder shared). `programme`: the forms' programme,
    whose forms never replace another programme's in the folder (_refuse_other_programme)."""
    from contextlib import ExitStack

    from mstrack.cli.report_output import renderers, write_content
    from mstrack.render import outputs
    from mstrack.render.outputs import link_problem

    forms = render is not None  # export template --each-unit: each one's form (render(one, path) writes it)
    if not forms:
        render = renderers("notice")[fmt]
    from mstrack.labels import Labels

    words = Labels(lang)
    notices = _offices_only(notices, forms, output)
    _one_file_each(notices, fmt, output, forms)
    if problem := link_problem(output, folder=True):  # mkdir said "File exists" of a link to nothing, of a loop
        raise fail("{option} {path}: {problem}", option="--output", path=output, problem=problem)
    for one in notices:  # every name looked at before the folder is made: one that cannot be stops the batch whole
        refuse_unwritable_name(output / f"{_file_name(one.unit)}.{fmt}")
    made = _made_folders(output)
    with ExitStack() as held:
        try:  # the folder held until the last line: two runs at once never leave a mix of both (one is refused whole)
            held.enter_context(outputs.writing_into(output))
        except BlockingIOError:  # another run holds it, and may be writing into the folders this run made: kept
            raise fail("--output {path}: another mstrack is writing into {path} (forms for each unit): none of the "
                       "{n} {n:form|forms} written; run the command again once it is done" if forms else
                       "--output {path}: another mstrack is writing into {path} (notices to each unit): none of the "
                       "{n} {n:notice|notices} written; run the command again once it is done",
                       path=output, n=len(notices)) from None
        done = 0
        try:
            for one in notices:  # every file looked at, the folder held, before the first is written: a kept one
                refuse_kept(output / f"{_file_name(one.unit)}.{fmt}")  # stops the batch whole
            if forms and programme:
                _refuse_other_programme(notices, fmt, output, programme)
            bar = held.enter_context(_bar(len(notices), forms))
            for done, one in enumerate(notices):
                path = output / f"{_file_name(one.unit)}.{fmt}"
                if forms:
                    def write(temporary: Path, one=one) -> None:
                        render(one, temporary)
                else:
                    content = render(one, lang)

                    def write(temporary: Path, content=content) -> None:
                        write_content(temporary, content, fmt)

                def written(path=path, unit=one.unit) -> None:
                    echo(words("msg.written", what=unit, path=path), err=True)

                try:
                    write_output(ctx, path, write, None if forms else written)
                except typer.Exit:  # said above (a full disk midway): the files before it stay, each whole
                    raise _each_stopped(notices, done, fmt, output, forms) from None
                bar(done + 1)
        except BaseException:
            if not done:  # nothing written: the folders this run made go again, while nothing else is in them
                _remove_empty(made)
            raise
        if forms:  # a line per form would be 60 lines of the same words: the bar while they are written, one line after
            say("{n} {n:form|forms} written to {path}, one for each lead unit", err=True, n=len(notices), path=output)
        else:
            say("{n} {n:notice|notices} written to {path}", err=True, n=len(notices), path=output)


def _refuse_other_programme(forms: list, fmt: str, output: Path, programme: str) -> None:
    """Exit 2 before any form is written where the folder holds a form mstrack wrote for another programme under a
    name this run would use (sources/forms.form_programme): a second programme's forms into the folder of the first
    replaced the first's unsaid (trial64 F8). Refused rather than renamed, as _one_file_each is: a unit's file is
    looked for by its name; the way on is a folder for each programme."""
    from mstrack.sources.forms import form_programme

    others = [(path, other) for path in (output / f"{_file_name(one.unit)}.{fmt}" for one in forms)
              if (other := form_programme(path)) and other.casefold() != programme.casefold()]
    if others:
        path, other = others[0]
        raise fail("--each-unit: {path} is the form of {other}, not of {code} ({n} {n:file|files} of another programme "
                   "under the names this run writes): nothing written; write the forms of {code} to a folder of "
                   "their own, e.g. -o {folder}", path=path, other=other, code=programme, n=len(others),
                   folder=output / programme)


def _bar(total: int, forms: bool):
    """A progress bar on stderr while the forms are written, only when a person is watching (as import's)."""
    import contextlib
    import sys

    if not forms or not sys.stderr.isatty():
        return contextlib.nullcontext(lambda done: None)

    @contextlib.contextmanager
    def bar():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress

        from mstrack.cli import printing

        with Progress(BarColumn(), MofNCompleteColumn(), transient=True,
                      console=printing.safe_console(stderr=True)) as progress:
            task = progress.add_task("forms", total=total)
            yield lambda done: progress.update(task, completed=done)

    return bar()


def _made_folders(folder: Path) -> list[Path]:
    """`folder` made with the folders above it that are missing, one by one: the ones this run made, deepest first
    (one another run made meanwhile is not among them). A folder that cannot be made: exit 2, cannot write, with
    the ones made before it removed again."""
    import errno
    import os

    missing = []
    for above in (folder, *folder.parents):
        if os.path.lexists(above):
            break
        missing.append(above)
    made: list[Path] = []
    for one in reversed(missing):
        try:
            one.mkdir()
        except FileExistsError:  # made meanwhile by someone else: theirs, never removed
            if not one.is_dir():
                _remove_empty(made)
                raise cannot_write(folder, FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST))) from None
            continue
        except OSError as error:
            _remove_empty(made)
            raise cannot_write(folder, error) from None
        made.insert(0, one)
    return made


def _remove_empty(folders: list[Path]) -> None:
    """The folders this run made removed again, deepest first, each only while empty (rmdir: never what is in one)."""
    from contextlib import suppress

    for folder in folders:
        with suppress(OSError):
            folder.rmdir()


def _each_stopped(notices: list, done: int, fmt: str, output: Path, forms: bool = False) -> typer.Exit:
    """The last line of --each-unit stopped by a file it could not write: how many are there (each whole), how many
    not, and that a rerun writes the rest (the ones written are mstrack's: replaced as they are); exit 2. Forms and
    notices are said by one path; only the template differs."""
    if not done:
        say("none of the {n} {n:form|forms} written to {path}: run the command again to write them" if forms else
            "none of the {n} {n:notice|notices} written to {path}: run the command again to write them",
            err=True, n=len(notices), path=output)
    else:
        say("{done} of {n} {n:form|forms} written to {path} ({first} to {last}), {left} not written: run the command "
            "again to write the rest" if forms else
            "{done} of {n} {n:notice|notices} written to {path} ({first} to {last}), {left} not written: run the "
            "command again to write the rest",
            err=True, done=done, n=len(notices), path=output, left=len(notices) - done,
            first=f"{_file_name(notices[0].unit)}.{fmt}", last=f"{_file_name(notices[done - 1].unit)}.{fmt}")
    return typer.Exit(2)
