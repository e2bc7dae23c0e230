"""What every command uses: saying things (say, warn, fail), writing outputs, the store, dates, the
options' closed lists. It imports no other part of the command line, so that every command module can
import it; like them, it imports the store, the engine and Rich inside functions, for a fast start.
"""

import codecs
import contextlib
import errno
import os
import re
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
import typer.core

from mstrack.vocabulary import DUE_SOON, RULES, STATUSES


class Format(str, Enum):
    table = "table"
    json = "json"


RULE_HELP = ("How expected is computed: step (the last checkpoint passed) or pro-rata (序时进度, linear between "
             "checkpoints). [default: the programme's setting, else step]")


Status = Enum("Status", {status: status for status in STATUSES}, type=str)

Only = Enum("Only", {status: status for status in (*STATUSES, DUE_SOON)}, type=str)
"""What `status --only` may name: a status, or due_soon (a checkpoint due within --warn-days, not yet met)."""

WARN_HELP = "Warn of a checkpoint due within DAYS after the date judged whose target is not yet met (预警)."


# --- options several commands take, each defined once ------------------------------------------------

def as_of_option(help: str):
    """--as-of: a date, read by parse_day (2023-07-01, 6月底). Every command takes it alike; its help says
    what the date means there and what it is by default."""
    return Annotated[Optional[str], typer.Option("--as-of", help=help)]


AsOfOption = as_of_option("Date to judge at, e.g. 2023-07-01 or 6月底. [default: today]")
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


# --- option values, read here rather than by Typer's pydantic ----------------------------------------

_UNDECIDED = object()
"""A value plain_values leaves to Typer: one it would refuse, or of a form read more rarely (" 7", "7.0")."""

_WHOLE = re.compile(r"[+-]?[0-9]{1,18}")
"""A whole number as pydantic reads it too (ASCII digits, a sign, leading zeros)."""


class _PlainValues:
    """Typer's own reading of an option's value for the kinds mstrack's options are: text, whole numbers
    within bounds, closed lists (Enum), paths, flags, and lists of those. Typer ≥ 0.25 reads every value
    through a pydantic TypeAdapter, and importing pydantic cost each command with options ~70 ms. What is
    not plainly one of these (a refusal, a rarer form of a number) goes to Typer's own reading, so values
    and error messages stay Typer's (tests/test_options.py compares the two on every parameter)."""

    __slots__ = ("kind", "low", "high", "choices", "readable", "many", "typers")

    def __init__(self, kind, info, many: bool, typers):
        self.kind = kind
        self.low, self.high = info.min, info.max
        self.readable = info.readable
        self.choices = ({str(member.value): member for member in reversed(list(kind))}
                        if issubclass(kind, Enum) and info.case_sensitive else None)
        self.many = many
        self.typers = typers

    def coerce(self, value, param=None, ctx=None):
        if value is None:
            return () if self.many else None
        if not self.many:
            read = self.read(value, ctx)
        elif isinstance(value, list | tuple):
            read = [self.read(item, ctx) for item in value]
            if any(item is _UNDECIDED for item in read):
                read = _UNDECIDED
        else:
            read = _UNDECIDED
        if read is not _UNDECIDED:
            return read
        if ctx is not None and ctx.resilient_parsing:  # a <TAB>: completing needs only the words typed so far
            return value
        return self.typers().coerce(value, param=param, ctx=ctx)

    def read(self, value, ctx):
        kind = self.kind
        if kind is str or kind is bool:
            return value if type(value) is kind else _UNDECIDED
        if kind is int:
            number = int(value) if isinstance(value, str) and _WHOLE.fullmatch(value) else value
            if type(number) is not int or (self.low is not None and number < self.low) or (
                    self.high is not None and number > self.high):
                return _UNDECIDED
            return number
        if kind is Path:
            return self.path(value)
        if isinstance(value, kind):
            return value
        if self.choices is None or not isinstance(value, str) or (ctx is not None and ctx.token_normalize_func):
            return _UNDECIDED
        return self.choices.get(value, _UNDECIDED)

    def path(self, value):
        """A path, checked as Typer checks one by default: one that exists must be readable."""
        if not isinstance(value, str | Path):
            return _UNDECIDED
        path = Path(value)
        try:
            os.stat(path)
        except OSError:
            return path
        except ValueError:
            return _UNDECIDED
        return path if not self.readable or os.access(path, os.R_OK) else _UNDECIDED


_TYPERS_PATH = {"exists": False, "file_okay": True, "dir_okay": True, "writable": False, "resolve_path": False,
                "allow_dash": False, "path_type": None}
"""A Path option as Typer makes it by default: the only kind of path plain_values reads itself."""


def plain_values(command) -> None:
    """The command's parameters, and its help option when Typer makes it, read by _PlainValues where they are
    of a plain kind; any other stays Typer's. Through Typer's `get_runtime_param` (0.25 and later), decided
    on a parameter's first value: a command not run costs nothing. A Typer without the hook reads every value
    itself."""
    if not callable(getattr(getattr(typer.core, "_TyperParameter", None), "get_runtime_param", None)):
        return
    for param in command.params:
        param.get_runtime_param = _first_reading(param)
    typers_help_option = command.get_help_option

    def get_help_option(ctx):
        option = typers_help_option(ctx)
        if option is not None and "get_runtime_param" not in vars(option):
            option.get_runtime_param = _first_reading(option)
        return option

    command.get_help_option = get_help_option


def _first_reading(param):
    def reading():
        reader = _reader(param)
        param.get_runtime_param = lambda: reader
        return reader

    return reading


def _reader(param):
    """_PlainValues for a parameter of a plain kind, else Typer's own reading."""
    from typing import get_args, get_origin

    typers = type(param).get_runtime_param.__get__(param)
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None:
        return typers()
    info, kind = descriptor.parameter_info, descriptor.annotation
    many = bool(param.multiple) or param.nargs == -1
    if many and get_origin(kind) is list:
        (kind,) = get_args(kind)
    if (many and kind is descriptor.annotation) or getattr(info, "parser", None) is not None or not isinstance(kind, type):
        return typers()
    if kind is Path and any(getattr(info, name, None) != value for name, value in _TYPERS_PATH.items()):
        return typers()
    if kind not in (str, int, bool, Path) and not issubclass(kind, Enum):
        return typers()
    return _PlainValues(kind, info, many, typers=typers)


_lang: str | None = None
"""The language main() resolved for this run (--lang, MSTRACK_LANG, the locale): messages need it outside any context."""


def use_lang(lang: str | None) -> None:
    """The language of this run's messages, from main(); None until a --lang given is known to be good."""
    global _lang
    _lang = lang


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
    """Text that may hold data (JSON, a table) to stdout, without control characters (outputs.clean_text).
    A UTF-8 stdout gets the bytes straight (outputs.clean_utf8: the check on the encoded text is cheaper)."""
    from mstrack.render.outputs import clean_text, clean_utf8

    out = sys.stdout
    buffer = _utf8_buffer(out)
    if buffer is None:
        out.write(clean_text(text))
        return
    out.flush()  # what was written as text goes first
    buffer.write(clean_utf8(text, out.errors or "strict"))


def _utf8_buffer(out):
    """The byte stream under a UTF-8 text stream with plain newlines, where UTF-8 bytes can go straight; or None."""
    buffer = getattr(out, "buffer", None)
    if buffer is None or os.linesep != "\n" or codecs.lookup(out.encoding or "ascii").name != "utf-8":
        return None
    return buffer


HELD_IN_MEMORY = 4 << 20
"""Bytes (UTF-8) of a document made in pieces held in memory while it is made (write_whole); past that, on disk."""


def write_whole(pieces) -> None:
    """A document made in pieces (the JSON of status and of the weekly report) to stdout once its last piece
    is made: an error found while making a later piece leaves stdout empty, never half a document for a
    script to read. The pieces wait in a temporary file (in memory up to HELD_IN_MEMORY bytes), so a
    province's document is still never one string. For a UTF-8 stdout they wait as the bytes it gets, each
    piece cleaned and encoded once (clean_utf8 drops single characters, so piece by piece is the whole's):
    held as text, the province's 18 MB of status were encoded, decoded and encoded again (~0.03 s)."""
    import tempfile

    from mstrack.render.outputs import clean_utf8

    out = sys.stdout
    buffer = _utf8_buffer(out)
    if buffer is None:
        with tempfile.SpooledTemporaryFile(max_size=HELD_IN_MEMORY, mode="w+", encoding="utf-8", newline="",
                                           errors="surrogatepass") as held:
            for piece in pieces:
                held.write(piece)
            held.seek(0)
            while chunk := held.read(HELD_IN_MEMORY):
                write_out(chunk)
        return
    errors = out.errors or "strict"
    with tempfile.SpooledTemporaryFile(max_size=HELD_IN_MEMORY) as held:
        for piece in pieces:
            held.write(clean_utf8(piece, errors))
        held.seek(0)
        out.flush()  # what was written as text goes first
        while chunk := held.read(HELD_IN_MEMORY):
            buffer.write(chunk)


def flush_output() -> None:
    """What was printed, out now: before a write commits, so that an output that fails (a full disk, a
    closed pipe) fails the command before anything is stored."""
    sys.stdout.flush()
    sys.stderr.flush()


def say_no_programmes() -> None:
    """On stderr, where a list is empty because the store holds no programme at all (`programmes`, `status`)."""
    say("no programmes here yet: `mstrack import plan FILE.toml` adds one (docs/format.md), `mstrack demo` loads the "
        "samples", err=True)


def warn(text, /, **fields) -> None:
    say("mstrack: warning: {message}", err=True, message=message(text, **fields))


def fail(text, /, **fields) -> typer.Exit:
    """Bad usage or input: the message on stderr in the user's language, exit code 2, no traceback, no password."""
    from mstrack.errors import Message

    echo(words().message(Message("mstrack: error: {message}", message=message(text, **fields))), err=True)
    return typer.Exit(2)


def cannot_write(output, error: OSError, option: str = "--output") -> typer.Exit:
    """An --output file that could not be written: the same words from every command."""
    from mstrack.domain.reasons import os_reason

    return fail("{option} {path}: cannot write: {reason}", option=option, path=output, reason=os_reason(error))


def refuse_database(ctx: typer.Context, path: Path, option: str = "--output") -> None:
    """Exit 2 when a file to write is the open database or one of its -wal, -shm, -journal files, however
    the path is spelled (relative, symlink, hard link): writing there would destroy the data."""
    from mstrack.render.outputs import is_database_file
    from mstrack.store import resolve_db_url

    obj = ctx.find_root().obj or {}
    if is_database_file(Path(path), resolve_db_url(obj.get("db"))):
        raise fail("{option} {path}: that is the database itself (or one of its files); choose another file name",
                   option=option, path=path)


def write_output(ctx: typer.Context, output: Path, write, announce=None, option: str = "--output",
                 private: bool = False) -> None:
    """The file an option names, replaced whole or not at all (outputs.replacing_path): `write(path)` makes
    its contents at a temporary path beside it, `announce()` says so before the rename. Never the database.
    A new file follows the umask, or is 0600 when `private` (a backup)."""
    from mstrack.render.outputs import replacing_path

    refuse_database(ctx, output, option)
    if Path(output).is_dir():  # found only at the rename otherwise, after the command had announced the file
        raise cannot_write(output, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)), option)
    announcing = False

    def ready() -> None:
        nonlocal announcing
        if announce is not None:
            announcing = True
            announce()
            flush_output()
            announcing = False

    try:
        with replacing_path(output, before_rename=ready, private=private) as temporary:
            write(temporary)
    except OSError as error:
        if announcing:  # the terminal or pipe, not the file
            raise
        raise cannot_write(output, error, option) from None


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


_kept: list | None = None  # a list only in the `mstrack` script's process (run): see keep_until_exit
_stores: list = []


def allow_quick_exit() -> None:
    """The `mstrack` script's process (cli.run), and no other (tests and programs that call the app, or call run
    and go on): what keep_until_exit is given is held there until quick_exit."""
    global _kept
    _kept = []


def keep_until_exit(*objects) -> None:
    """A command's many small objects (a status's states and rows: ~250,000 at 20,000 indicators), held until
    the process ends instead of freed one by one when the command returns: quick_exit then ends the process
    without freeing them, as mypy's hard_exit does (measured, ~0.07 s of a province's ~0.9 s status). They, and
    whatever else lives now, are moved out of the cycle collector's sight (gc.freeze): called inside bulk(), this
    spares the first collection after it a walk over every object built (~70 ms at 20,000 indicators). Outside
    the script (tests, a program calling the app) nothing is held and nothing frozen."""
    if _kept is not None:
        import gc

        _kept.extend(objects)
        gc.freeze()


def quick_exit(code) -> None:
    """End the process now, without freeing what keep_until_exit holds, once everything a normal exit does that
    can be seen has been done: stdout and stderr flushed (a failure raises here, for run to say), every store
    closed, the atexit handlers run. Returns (for a normal exit) when nothing was kept, when the code is not a
    number, while a store is inside a transaction, or while another thread runs; the stores are closed either way."""
    import threading

    idle = all([store.close() for store in _stores])  # on either way out: a write's pooled connection closed
    _stores.clear()  # (held until the process ended, it left SQLite's -wal and -shm beside the database)
    if not _kept or not (code is None or type(code) is int) or threading.active_count() > 1 or not idle:
        return
    flush_output()
    import atexit

    atexit._run_exitfuncs()  # what a normal exit runs first (logging's flush, weakref.finalize's, …)
    flush_output()  # anything they wrote
    os._exit(code or 0)


def open_store(ctx: typer.Context, write: bool, old_schema: bool = False):
    """The store --db names, at this mstrack's schema; with old_schema one an older mstrack made, as it is
    (`db backup`: the copy to keep before `db upgrade`)."""
    from mstrack.errors import OldSchema
    from mstrack.store import Store, resolve_db_url

    db = ctx.obj.get("db") if ctx.obj else None
    store = Store(resolve_db_url(db))
    if _kept is not None:  # closed before a quick exit
        _stores.append(store)
    try:
        store.require_schema(write=write)
    except OldSchema as old:
        if old_schema and not write:
            return store
        raise _upgrade_first(store, db, old, demo=ctx.info_name == "demo") from None
    return store


def _upgrade_first(store, db: str | None, old, demo: bool) -> typer.Exit:
    """A database an older mstrack made, left as it is: what `db upgrade` will do (in place, every row kept,
    no copy made), the commands on lines of their own as they are to be typed (with the --db given), and
    for the demo a new file instead."""
    from mstrack.errors import Message

    said = [Message("{db} was made by an older mstrack (schema version {version}; this one needs {needed}) and is "
                    "left unchanged.", db=store.display_url, version=old.version, needed=old.needed)]
    if store.dialect.name == "sqlite":
        said += [Message("  To upgrade it in place (every row is kept, no copy is made), keep a copy of it first:"),
                 "    " + typed(db, f"db backup mstrack-v{old.version}.db"), "    " + typed(db, "db upgrade")]
    else:
        said += [Message("  To upgrade it in place (every row is kept, no copy is made), back it up first with the "
                         "server's own tools (pg_dump), then:"), "    " + typed(db, "db upgrade")]
    if demo:
        said += [Message("  Or try the demo in a new file:"), "    mstrack --db mstrack-demo.db demo"]
    return fail(said)


def typed(db: str | None, command: str) -> str:
    """A command as the user is to type it: with the --db they gave (MSTRACK_DB, still set, needs none)."""
    import shlex

    return "mstrack" + (f" --db {shlex.quote(db)}" if db else "") + " " + command


def print_width() -> int:
    """Columns for a table printed to a file or a pipe: COLUMNS when it is a number, else room for the table."""
    import os

    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else 140


def wrapped(lines: list[str], command: bool = False) -> list[str]:
    """Sentences for the terminal folded at its width (COLUMNS, the terminal's, else print_width()): at
    spaces in English, between characters in Chinese, never inside a code or a path. A command (to be typed,
    indented two) is broken only between words, with a shell continuation."""
    import shutil

    from mstrack.render.grid import command_lines, wrap

    width = shutil.get_terminal_size((print_width(), 24)).columns
    if command:
        return [piece for line in lines for piece in command_lines(line, width, indent="  ")]
    return [piece for line in lines for piece in (wrap(line, width, codes_whole=True) or [""])]


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
    from mstrack.domain.dates import DateError, parse_date

    try:
        return parse_date(text, year or date.today().year)
    except DateError as error:
        raise fail("{option}: {error}", option=option, error=error) from None


def judge_day(store, as_of: str | None, programmes: list[str] | None = None) -> date:
    """The day a command judges at: --as-of, read in the programmes' year; else today, and where every
    programme concerned belongs to a year that is over, a note (once) that today is past their year and
    how to see the year as it stood."""
    if as_of is not None:
        return parse_day(as_of, "--as-of", store.common_year(programmes))
    today = date.today()
    years = store.programme_years(programmes)
    if years and years[-1] < today.year:
        from mstrack.errors import Message

        say("mstrack: note: {message}", err=True, message=Message(
            "the year of these programmes ({year}) is over: judged as of today, {today}; add --as-of to see the year "
            "as it stood (e.g. --as-of {year}-12-31, or --as-of 6月底)", year=years[-1], today=today.isoformat()))
    return today


def choice(value: str, choices, option: str) -> str:
    """A value from a closed list, or one line naming the option and the choices (exit 2)."""
    if value not in choices:
        raise fail("{option} {value!r}: expected one of {choices}", option=option, value=value, choices=", ".join(choices))
    return value
