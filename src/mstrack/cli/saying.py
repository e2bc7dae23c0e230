"""Saying things to the user in the run's language: say, warn, fail (exit 2), echo; the language main() resolved.
Imports no other part of the command line."""

import sys

import typer

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


def note(text, /, **fields) -> None:
    """A note on stderr ("mstrack: note: …"), folded as warnings and errors are (on_stderr)."""
    on_stderr("mstrack: note: {message}", message=message(text, **fields))


def on_stderr(text, /, **fields) -> None:
    """A note, a warning or an error on stderr, the one way each is said: folded where its width is known
    (stderr_width) as stdout's sentences are (printing.wrapped: render.lines.wrap, a code or a path never broken):
    `COLUMNS=60` holds for all three (only notes folded before: returns57)."""
    echo(words().message(message(text, **fields)), err=True, width=stderr_width())


def stderr_width() -> int | None:
    """The columns stderr's lines fold at: COLUMNS when it is a number (set by the user or a test, even into a pipe),
    else stderr's terminal's; None for a log or a pipe with no COLUMNS, where a note stays one line grep finds whole."""
    import os

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns if sys.stderr.isatty() else None
    except (OSError, ValueError, AttributeError):
        return None


def echo(text: str, err: bool = False, width: int | None = None) -> None:
    """A line that may hold data (a note, a name, a path): never a control character to the terminal, never
    a password (store.scrub), never a file name's bytes that are not UTF-8 as "\\udcfe" (errors.readable_text).
    `width`: folded at so many columns (render.lines.wrap), after those checks."""
    from mstrack.errors import readable_text
    from mstrack.render.outputs import clean_text

    if "mstrack.store" in sys.modules:  # a database URL in use may hold a password
        text = sys.modules["mstrack.store"].scrub(text)
    text = readable_text(clean_text(text))
    if width is not None:
        from mstrack.render.lines import wrap

        text = "\n".join(wrap(text, width, codes_whole=True))
    typer.echo(text, err=err)


def say_no_programmes(db: str) -> None:
    """On stderr, where a list is empty because the store holds no programme at all (`programmes`, `status`): the
    store named (--db or MSTRACK_DB may name another than meant)."""
    say("no programmes in {db} yet: `mstrack import plan FILE.toml` adds one (docs/format.md); the samples go into a "
        "store of their own: `mstrack --db mstrack-demo.db demo`", err=True, db=db)


def say_if_no_programmes(store) -> None:
    """One rule for the views of a store with no programme (`status`, `units`, `lights`): the view as it is (an empty
    board), the note above on stderr, exit 0 (a view of nothing is no error at a terminal; a report to be sent out is
    refused instead: cli.common.view_scope)."""
    if not store.programme_codes():
        say_no_programmes(store.display_url)


def say_cancelled(store, programmes: list[str] | None, task: str | None = None) -> None:
    """The tasks plans cancelled in the programmes a view covers (all with none), said apart on stderr, one note each:
    no count, rate or row of `status`, `units` or a report holds them (已取消，不计入), and the board must not read as
    if they never were. `task`: only that one (`show`)."""
    for programme, code, title, batch, n in store.cancelled_tasks(programmes):
        if task is not None and code != task:  # `show` of one task: its own mark only
            continue
        note("{ref} {title}: 已取消，不计入 (cancelled by batch {batch}; its {n} {n:report is|reports are} kept; `mstrack "
             "show {ref}`)", ref=f"{programme}/{code}", title=title, batch=batch, n=n)


def warn(text, /, **fields) -> None:
    on_stderr("mstrack: warning: {message}", message=message(text, **fields))


def refuse_empty(value: str, name: str, *, database: bool = False) -> None:
    """A file or database given empty or blank on purpose (a script's unset variable: `--to "$TARGET"`) is a bad value,
    said naming it: never read as not given (`db copy --to ''` filled the default store) nor a file named " " (trial63
    F2). MSTRACK_DB empty is refused too (app._check_db); unset, it is not given."""
    if not value.strip():
        if database:
            raise fail("{name}: empty; give a database file path or an SQLAlchemy URL", name=name)
        raise fail("{name}: empty; give a file name", name=name)


def fail(text, /, **fields) -> typer.Exit:
    """Bad usage or input: the message on stderr in the user's language, exit code 2, no traceback, no password."""
    on_stderr("mstrack: error: {message}", message=message(text, **fields))
    return typer.Exit(2)

