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


def echo(text: str, err: bool = False) -> None:
    """A line that may hold data (a note, a name, a path): never a control character to the terminal, never
    a password (store.scrub), never a file name's bytes that are not UTF-8 as "\\udcfe" (errors.readable_text)."""
    from mstrack.errors import readable_text
    from mstrack.render.outputs import clean_text

    if "mstrack.store" in sys.modules:  # a database URL in use may hold a password
        text = sys.modules["mstrack.store"].scrub(text)
    typer.echo(readable_text(clean_text(text)), err=err)


def say_no_programmes(db: str) -> None:
    """On stderr, where a list is empty because the store holds no programme at all (`programmes`, `status`): the
    store named (--db or MSTRACK_DB may name another than meant)."""
    say("no programmes in {db} yet: `mstrack import plan FILE.toml` adds one (docs/format.md), `mstrack demo` loads the "
        "samples", err=True, db=db)


def say_if_no_programmes(store) -> None:
    """One rule for the views of a store with no programme (`status`, `units`, `lights`): the view as it is (an empty
    board), the note above on stderr, exit 0 (a view of nothing is no error at a terminal; a report to be sent out is
    refused instead: cli.common.view_scope)."""
    if not store.programme_codes():
        say_no_programmes(store.display_url)


def warn(text, /, **fields) -> None:
    say("mstrack: warning: {message}", err=True, message=message(text, **fields))


def fail(text, /, **fields) -> typer.Exit:
    """Bad usage or input: the message on stderr in the user's language, exit code 2, no traceback, no password."""
    from mstrack.errors import Message

    echo(words().message(Message("mstrack: error: {message}", message=message(text, **fields))), err=True)
    return typer.Exit(2)

