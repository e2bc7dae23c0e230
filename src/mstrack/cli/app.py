"""The Typer app, its groups and the root callback, and run(): the one exit point. Every command runs inside
cli/failures.py's errors_as_messages, where the library's errors become messages. The commands live in modules
by subject (tasks, files, db, reports) that add themselves to the app and groups made here; mstrack.cli imports
them all, this module none of them.

No `from __future__ import annotations` here or in the command modules: Typer reads every command's
annotations at start-up, and evaluating them from strings tripled that cost.
"""

import sys
from typing import Annotated, Optional

import typer
import typer.completion
import typer.core

from mstrack import __version__
from mstrack.cli import process
from mstrack.cli.common import choice
from mstrack.cli.failures import (
    OUTPUT_ERRORS,
    OutputFailed,
    closed_input_opened,
    closed_outputs_opened,
    errors_as_messages,
    interrupt_said,
    output_failed,
    outputs_said,
    usage_errors_said,
    whole_writes_to_stdout,
)
from mstrack.cli.printing import unshowable_escaped
from mstrack.cli.process import (
    allow_quick_exit,
    command_ended,
    late_interrupts_ignored,
    quick_exit,
    samples_said,
    swallowed_interrupts_sent_again,
)
from mstrack.cli.saying import fail, refuse_empty, use_lang, words
from mstrack.cli.values import plain_values

HELP_ORDER = ("init", "demo", "status", "show", "log", "history", "batches", "undo", "programmes", "units",
              "import", "export", "db", "report")
"""The commands in `mstrack --help`: the everyday ones first, then the groups. One not named here comes last."""


class _CheckedGroup(typer.core.TyperGroup):
    """The root command. Every word typed on the command line passes the rules for text (limits.text_problem)
    before any command reads it: one check for --note, --reason, --by, --unit and every other option and
    argument. The first problem is kept here and said by main(), once the language is known. Every command
    runs inside `errors_as_messages()`."""

    def parse_args(self, ctx, args):
        from mstrack.errors import Message

        _name_metavars(self)
        # For a help or a usage error shown before main() reads --lang (`mstrack --lang zh --help`); None when
        # none is given, so that a run does not keep the language of the one before it in the same process.
        use_lang(None)
        commands = frozenset(self.commands)
        use_lang(_early_lang(args, commands, refuse=not ctx.resilient_parsing))
        args, ctx.meta[NAMED_SHELL] = _named_shell(args, commands)
        path_options = _path_options(self)
        for index, arg in enumerate(args):
            value = arg.partition("=")[2] if arg.startswith("--") and "=" in arg else arg
            if not value.strip() and _output_value(args, index):  # Path("") is ".": "Is a directory"; " " a file named so
                ctx.meta["mstrack.argument_problem"] = (_argument_name(args, index), Message("empty; give a file name"))
                break
            if problem := _name_problem(args, index, value, path_options):
                ctx.meta["mstrack.argument_problem"] = (_argument_name(args, index), problem)
                break
        with usage_errors_said(), outputs_said():  # the root's --help, --version: written while parsing
            return super().parse_args(ctx, args)

    def invoke(self, ctx):
        try:
            with errors_as_messages(), samples_said():
                return super().invoke(ctx)
        finally:
            command_ended()

    def list_commands(self, ctx) -> list[str]:
        names = super().list_commands(ctx)
        return sorted(names, key=lambda name: HELP_ORDER.index(name) if name in HELP_ORDER else len(HELP_ORDER))


METAVARS = {
    "db": "PATH|URL", "lang": "zh|en", "programme": "CODE", "unit": "UNIT", "only": "STATUS", "fail_on": "STATUS",
    "as_of": "DATE", "since": "DATE", "fmt": "FORMAT", "rule": "step|pro-rata", "stale": "DAYS", "indicator": "NAME",
    "note": "TEXT", "by": "NAME", "reason": "TEXT", "output": "FILE", "sheet": "SHEET", "year": "YEAR", "to": "PATH|URL",
    "table": "N", "limit": "N", "ref": "REF", "value": "VALUE", "files": "FILE...", "file": "FILE", "snapshot": "NUMBER",
    "batch": "BATCH", "code": "CODE", "warn_days": "DAYS", "min_red": "N", "start": "MONTH", "end": "MONTH",
    "period": "month|quarter", "reply_by": "DATE", "progress_as_of": "DATE", "until": "DATE",
}
"""What each option's value is, as help and errors show it: `--as-of DATE`, not Typer's `<str>` or `<list[str]>`."""


def _name_metavars(command, path: str = "") -> None:
    """The help of the command tree, once: options and arguments named by METAVARS (flags take no value),
    examples at the end (cli/examples.py), completion from the database where a parameter names data, and
    option values read without pydantic (values.plain_values)."""
    if getattr(command, "_mstrack_metavars", False):
        return
    command._mstrack_metavars = True
    from mstrack.cli.examples import EXAMPLES

    command.format_help = _help_of(command, EXAMPLES.get(path, ()))
    plain_values(command)
    for param in command.params:
        if getattr(param, "is_flag", False):
            param.display_type_rich = lambda ctx: ""  # Typer shows it in plain help too
        if not getattr(param, "is_flag", False) and param.name in METAVARS or param.param_type_name == "argument":
            param.metavar = METAVARS.get(param.name, param.name.upper())
        if param.name in COMPLETION_OPTIONS:
            _name_the_shell(param)
        if param.name in COMPLETION_FROM_DATA:
            param._custom_shell_complete = _completer(param.name)
        if param.param_type_name == "argument":  # `log REF [VALUE]`, not `{ref} [value]` and `ref <str>`
            param.display_type_rich = lambda ctx: ""
            param._usage_display_name = (lambda p: lambda: p.metavar if p.required else f"[{p.metavar}]")(param)
    for name, sub in getattr(command, "commands", {}).items():
        _name_metavars(sub, f"{path} {name}".strip())


def _help_of(command, examples: tuple[str, ...]):
    """The command's help in panels, its examples last, in the run's language (cli/help.py, loaded when help
    is asked for)."""
    def format_help(ctx, formatter):
        from mstrack.cli.help import format_help

        format_help(command, ctx, formatter, examples=examples, lang=words().lang)

    return format_help


COMPLETION_FROM_DATA = ("programme", "code", "ref", "unit", "indicator", "target")
"""Parameters whose <TAB> completes from the database (cli/completion.py, loaded only when asked); `target`, a file
name read as text (Path("") is "."), from the shell's files. Set here, after Typer built them: Typer deprecates
`shell_complete=`."""


def _completer(name: str):
    def complete(ctx, param, incomplete):
        from mstrack.cli.completion import COMPLETERS

        return COMPLETERS[name](ctx, param, incomplete)

    return complete


COMPLETION_OPTIONS = {
    "install_completion": ("--install-completion", "Install <TAB> completion for SHELL (bash, zsh, fish, powershell or "
                           "pwsh); without it, for the shell this runs in."),
    "show_completion": ("--show-completion", "Print the <TAB> completion script for SHELL, to copy it or install it "
                        "yourself; without it, for the shell this runs in."),
}
"""Typer's two root flags that install or print the <TAB> script, and their help: here each takes the shell's
name after it."""

SHELLS = tuple(typer.completion.Shells)
"""The shells Typer writes a completion script for."""

NAMED_SHELL = "mstrack.named_shell"
"""Where parse_args keeps the shell named after a completion option (ctx.meta), for its callback."""

ROOT_VALUE_OPTIONS = ("--db", "--lang")
"""The root's options that take a value: the word after one is not the command's name."""


COMPLETION_NAMES = frozenset(option for option, _ in COMPLETION_OPTIONS.values())


def _root_words(args: list[str], commands: frozenset[str]):
    """(index, word) of the words typed before the command's name: the root's options and their values. The
    word after --db or --lang is their value, and the word after a completion option the shell's name unless it
    is one of the `commands` (`--show-completion status`: the option takes no shell); the first other word that
    is no option is the command's name, and what follows it is the command's own."""
    value_next = False
    for index, arg in enumerate(args):
        if not value_next and not arg.startswith("-"):
            return
        yield index, arg
        following = args[index + 1] if index + 1 < len(args) else None
        value_next = not value_next and (arg in ROOT_VALUE_OPTIONS or (arg in COMPLETION_NAMES and following not in commands))


def _named_shell(args: list[str], commands: frozenset[str]) -> tuple[list[str], str | None]:
    """`--show-completion bash` (or `=bash`): Typer's completion options are flags, and Click's parser has no
    option with an optional value; the word after one, if it is neither an option nor a command's name, is taken
    off the command line here as the shell's name. Only among the root's options: a word after the command's
    name is the command's."""
    for index, arg in _root_words(args, commands):
        name, equals, value = arg.partition("=")
        if name in COMPLETION_NAMES:
            if equals:
                return [*args[:index], name, *args[index + 1:]], value
            if index + 1 < len(args) and not args[index + 1].startswith("-") and args[index + 1] not in commands:
                return [*args[:index + 1], *args[index + 2:]], args[index + 1]
            return args, None
    return args, None


def _name_the_shell(param) -> None:
    """A completion option's script for the shell named after it, or else for the shell detected from the
    parent process (Typer's way); a shell without a script, or none detected, is said in one line, exit 2,
    not Typer's "Shell  not supported." with exit 1. Its help shows the optional name: `--show-completion [SHELL]`."""
    typer_callback, (option, param.help) = param.callback, COMPLETION_OPTIONS[param.name]

    def callback(ctx, param, value):
        if not value or ctx.resilient_parsing:
            return value
        shell = ctx.meta.get(NAMED_SHELL)
        if shell is None and (shell := _detected_shell()) not in SHELLS:
            raise fail("{option}: cannot tell which shell this runs in ({shell}); name it after the option, one of "
                       "{choices}", option=option, shell=shell or "?", choices=", ".join(SHELLS))
        if shell not in SHELLS:
            raise fail("{option} {shell!r}: there is no completion script for this shell; name one of {choices}",
                       option=option, shell=shell, choices=", ".join(SHELLS))
        return typer_callback(ctx, param, shell)

    param.callback = callback
    param.get_help_record = lambda ctx: (f"{option} [SHELL]", param.help)


def _detected_shell() -> str | None:
    """The shell that runs mstrack, as Typer finds it (shellingham, from the parent processes); None if none."""
    import shellingham

    try:
        return shellingham.detect_shell()[0]
    except shellingham.ShellDetectionFailure:
        return None


def _early_lang(args: list[str], commands: frozenset[str], refuse: bool) -> str | None:
    """The language given for this run, before Click has read the root's options: the --lang typed, else
    MSTRACK_LANG; None when neither is (the locale's then). One not in LANGS is refused here, with exit 2,
    before an eager --help could show help in no language (but not while completing a <TAB>)."""
    import os

    value = _typed_lang(args, commands)
    if value is None:
        value = os.environ.get("MSTRACK_LANG") or None
    if value is None:
        return None
    from mstrack.labels import LANGS

    if value in LANGS:
        return value
    if refuse:
        choice(value, LANGS, "--lang")
    return None


def _typed_lang(args: list[str], commands: frozenset[str]) -> str | None:
    """The --lang typed before the command's name, the last one as Click reads it."""
    value = None
    for index, arg in _root_words(args, commands):
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
        elif arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
    return value


PATH_METAVARS = ("PATH", "FILE")
"""The words of METAVARS that say a value names a file or a database (PATH|URL, FILE, FILE...)."""


def _path_options(command) -> frozenset[str]:
    """Every name (`--output`, `-o`) of the options in the command tree whose METAVARS value names a file or a
    database: read from METAVARS and the tree, so that a new path option needs only its metavar. Once a root."""
    found = getattr(command, "_mstrack_path_options", None)
    if found is None:
        names = {name for name, metavar in METAVARS.items() if any(word in metavar for word in PATH_METAVARS)}
        found = frozenset(_option_names(command, names))
        command._mstrack_path_options = found
    return found


def _option_names(command, params: set[str]):
    for param in command.params:
        if param.param_type_name == "option" and param.name in params:
            yield from (*param.opts, *param.secondary_opts)
    for sub in getattr(command, "commands", {}).values():
        yield from _option_names(sub, params)


def _names_a_file(args: list[str], index: int, value: str, path_options: frozenset[str]) -> bool:
    """Whether the word is a file's name as the system gives it: the value of a path option (_path_options), or
    a file or directory that exists (an import's FILE argument)."""
    import os

    arg = args[index]
    if arg.startswith("--") and "=" in arg:
        return arg.partition("=")[0] in path_options
    return (index > 0 and args[index - 1] in path_options) or os.path.lexists(value) or _file_argument(args, index)


def _file_argument(args: list[str], index: int) -> bool:
    """Whether a word that names no file is still a file's name: an argument (after no option) ending in a file's
    suffix (`住建局-missing.toml` in GBK bytes): said missing by the command, not "not UTF-8 text"."""
    import re

    previous = args[index - 1] if index else ""
    return not previous.startswith("-") and re.search(r"\.[A-Za-z][A-Za-z0-9]{0,4}$", args[index]) is not None


def _name_problem(args: list[str], index: int, value: str, path_options: frozenset[str]):
    """Why a word cannot be taken: its text (limits.text_problem), or as a file's name, one the file system cannot
    hold (outputs.path_problem: a name longer than its file system allows; an -o path longer than the system takes)."""
    from mstrack.domain.limits import text_problem

    path = _names_a_file(args, index, value, path_options)
    if problem := text_problem(value, path=path):
        return problem
    if path:
        from mstrack.render.outputs import path_problem

        return path_problem(value, output=_output_value(args, index))
    return None


def _output_value(args: list[str], index: int) -> bool:
    """Whether the word is the value of --output or -o (`-o ''`, `--output=`)."""
    arg = args[index]
    if arg.startswith("--") and "=" in arg:
        return arg.partition("=")[0] == "--output"
    return index > 0 and args[index - 1] in ("--output", "-o")


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


HELP_MARKUP = None
"""Not Typer's Rich help: that imports rich.markdown and markdown-it and lays out panels through Rich's Table,
and made `mstrack --help` 2.5× `import typer` where the promise is 1.5× (docs/performance.md). The help is
drawn in the same panels by cli/help.py from Typer's plain help records (set on every command by
_name_metavars). Help texts are written as plain text: Rich markup would read their brackets
("[default: today]") as tags."""


def _group(help_text: str) -> typer.Typer:
    return typer.Typer(rich_markup_mode=HELP_MARKUP, help=help_text, no_args_is_help=True)


app = typer.Typer(
    cls=_CheckedGroup,
    help="mstrack: 民生实事 milestone tracker — programmes, quarterly targets, progress, status.",
    no_args_is_help=True, add_completion=True, pretty_exceptions_enable=False,
    rich_markup_mode=HELP_MARKUP,
    context_settings={"help_option_names": ["-h", "--help"]},
)
import_app = _group("Import plans, published tables and progress sheets.")
export_app = _group("Export plans, and fill-in templates for units.")
db_app = _group("The database file: upgrade, back up, check.")
report_app = _group("Printable reports: the weekly status report, the half-year and annual 一览表.")
app.add_typer(import_app, name="import")
app.add_typer(export_app, name="export")
app.add_typer(db_app, name="db")
app.add_typer(report_app, name="report")


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
    from mstrack.labels import LANGS, pick_lang

    use_lang(None)
    if lang is not None:
        choice(lang, LANGS, "--lang")
    lang = pick_lang(lang)
    use_lang(lang)
    ctx.obj = {"db": db, "lang": lang}
    if problem := ctx.meta.get("mstrack.argument_problem"):
        raise fail("{option}: {error}", option=problem[0], error=problem[1])
    _check_db(db, creates=ctx.invoked_subcommand in CREATING)


CREATING = ("init", "demo")
"""The commands that make a database where --db says, its directory too: for the others a directory that
does not exist is a mistyped path, and nothing is created for it."""


def _check_db(db: str | None, creates: bool) -> None:
    """--db (or MSTRACK_DB) before any command opens it: not empty, what it names a file
    (sqlite_file.refuse_not_a_file, the store's one check, here naming the option and the value as given), and (but
    for init and demo) a file in a directory that exists."""
    import os

    from mstrack.store.sqlite_file import refuse_not_a_file
    from mstrack.store.urls import missing_directory, resolve_db_url, store_named_by

    if db is not None:
        refuse_empty(db, "--db", database=True)
    if db is None and "MSTRACK_DB" in os.environ and not os.environ["MSTRACK_DB"].strip():  # a stray space made a
        raise fail("MSTRACK_DB: empty; give a database file path or an SQLAlchemy URL, or unset it (`unset MSTRACK_DB`) "
                   "for the default store")  # store named " " in each folder; "" quietly used the default (trial57 F2)
    given = db or os.environ.get("MSTRACK_DB")
    option = store_named_by(db)  # as the store's own messages say it (process.named_store)
    if given:
        refuse_not_a_file(resolve_db_url(given), option=option, said=given)
    if given and not creates and (directory := missing_directory(resolve_db_url(given))):
        raise fail("{option} {db}: the directory {directory} does not exist; create it first, or check the path",
                   option=option, db=given, directory=directory)


def run(*, last: bool = True, started: float | None = None) -> None:
    """The command line's one exit point (the `mstrack` script): what could not be written is said here, by
    whatever wrote it: a command, the root's --help, or Click itself showing a usage error or a group's help.
    `last`: this is the process's last act, so a command that kept its objects (keep_until_exit) ends the
    process without freeing them; a caller that goes on after the SystemExit passes last=False. `started`: when the
    script began (process.RUN_STARTED: a bare `undo` takes back no batch written after it)."""
    process.RUN_STARTED = started
    if last:
        allow_quick_exit()
        swallowed_interrupts_sent_again()
        closed_input_opened()
        closed_outputs_opened()
        whole_writes_to_stdout()
        unshowable_escaped()
    try:
        app(prog_name="mstrack")
    except OutputFailed as failed:
        raise SystemExit(output_failed(failed.error)) from None
    except OSError as error:  # Click's own display of an error (`mstrack 2>&1 | true`)
        if error.errno not in OUTPUT_ERRORS:
            raise
        raise SystemExit(output_failed(error)) from None
    except SystemExit as exiting:
        if last:
            late_interrupts_ignored()
        try:  # what is still buffered goes out now, where a failure can be said
            interrupt_said(exiting)
            sys.stdout.flush()
            sys.stderr.flush()
            quick_exit(exiting.code)  # a command that kept its objects ends here, without freeing them
        except OSError as error:
            if error.errno not in OUTPUT_ERRORS:
                raise
            raise SystemExit(output_failed(error)) from None
        raise
