"""Errors the CLI turns into a message on stderr and exit code 2, never a traceback; and the messages
themselves, kept as an English template and its fields so that the CLI can say them in Chinese too
(labels.messages()). Stdlib only, like labels.
"""

from __future__ import annotations

import re
import string


class _Plural(string.Formatter):
    """str.format, where a field's spec `one|other` says the word for the count instead of the count:
    English nouns agree with their number ("1 checkpoint", "2 checkpoints"); Chinese needs none."""

    def format_field(self, value, format_spec: str) -> str:
        if "|" in format_spec:
            one, other = format_spec.split("|", 1)
            return one if value == 1 else other
        return super().format_field(value, format_spec)


PLURAL = _Plural()

LONE_BYTES_RE = re.compile("[\udc80-\udcff]")
"""A byte of a file's name that is not UTF-8, as Python holds it (a lone surrogate, os.fsdecode's surrogateescape)."""


def readable_name(name: str) -> str:
    """A file's name as text to show or keep (the source of each report it gives): a name in bytes that are not UTF-8
    (Python holds them as lone surrogates, which no terminal or store takes) read as GB18030, what a Chinese Windows
    names files in, or with "\ufffd" where no reading fits; part by part of a path, so that its folders in UTF-8 stay
    as they are. The file itself is still opened by its own bytes."""
    if name.isprintable() or LONE_BYTES_RE.search(name) is None:
        return name
    return "/".join(_readable_part(part) for part in name.split("/"))


def readable_text(text: str) -> str:
    """A line to print with every file name in it readable (readable_name, word by word and part by part of a path):
    for a line made without a message's fields (an f-string naming a file), as every message's fields are."""
    if text.isprintable() or LONE_BYTES_RE.search(text) is None:
        return text
    return re.sub(r"[^\s/]+", lambda word: _readable_part(word[0]), text)


def _readable_part(part: str) -> str:
    if LONE_BYTES_RE.search(part) is None:
        return part
    try:
        raw = part.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no byte made
        return part.encode("utf-8", "replace").decode("utf-8")
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def _readable_fields(fields: dict) -> dict:
    """The fields of a message with every file name (a path, a text) in bytes that are not UTF-8 shown readably
    (readable_name): said the same way by every message, never as "w\\udcfe.csv" nor as an error writing it."""
    from os import PathLike, fspath

    changed = None
    for name, value in fields.items():
        if isinstance(value, Message) or not isinstance(value, str | PathLike):
            continue
        text = fspath(value)
        if isinstance(text, str) and not text.isprintable() and (readable := readable_name(text)) != text:
            changed = changed or dict(fields)
            changed[name] = readable
    return changed or fields


def fill(template: str, fields: dict) -> str:
    """The template with its fields; through PLURAL only where it has a plural spec (the slower path)."""
    fields = _readable_fields(fields)
    return PLURAL.vformat(template, (), fields) if "|" in template else template.format(**fields)


class Message(str):
    """An English template and its fields. As a str it is the English text, so code that compares,
    sorts or prints messages is unchanged; `render(translate)` says it in another language. Without
    fields the template is the text as it is (braces and all), so plain text is a Message too."""

    __slots__ = ("template", "fields")

    def __new__(cls, template: str, /, **fields):
        self = super().__new__(cls, fill(template, fields) if fields else template)
        self.template = template
        self.fields = fields
        return self

    def render(self, translate) -> str:
        """The text in the language of `translate` (English template → template); fields that are
        messages, or errors made of them, are rendered in the same language."""
        template = translate(self.template)
        if not self.fields:
            return template
        fields = {name: render(value, translate) for name, value in self.fields.items()}
        try:
            return fill(template, fields)
        except (KeyError, IndexError, ValueError):  # a catalogue entry out of step: English rather than nothing
            return fill(self.template, fields)


class Joined(Message):
    """Messages (or plain texts) joined by a separator, each said in the user's language: a list of
    indicators, the parts of a summary line."""

    __slots__ = ()

    def __new__(cls, separator: str, items):
        items = list(items)
        self = str.__new__(cls, separator.join(items))
        self.template = separator
        self.fields = {"items": items}
        return self

    def render(self, translate) -> str:
        return translate(self.template).join(render(item, translate) for item in self.fields["items"])


class Detail(Message):
    """Another program's own words (a damaged file's reader's error): said as they are in English, their
    language; in another language the catalogue's `gist` of them instead, which a line of Chinese can carry."""

    __slots__ = ("gist",)

    def __new__(cls, text: str, gist: Message):
        self = super().__new__(cls, text)
        self.gist = gist
        return self

    def render(self, translate) -> str:
        said = self.gist.render(translate)
        return str(self) if said == str(self.gist) else said


def render(value, translate):
    """A message or an error made of messages in the language of `translate`; any other value as it is."""
    if isinstance(value, Message | Problem):
        return value.render(translate)
    return value


def messages_of(message, fields: dict) -> list[Message]:
    """The messages an error is made of: one template with its fields, a message, another error's, or a list."""
    if isinstance(message, Problem):
        return list(message.messages)
    if isinstance(message, list | tuple):
        return [m for item in message for m in messages_of(item, {})]
    if isinstance(message, Message) and not fields:
        return [message]
    return [Message(str(message), **fields)]


class Problem:
    """What InputError, DateError and QuantityError share: one message or several (a plan file's every
    problem), each said in the user's language by the CLI; str() is the English text, one per line."""

    def __init__(self, message, /, **fields):
        self.messages = messages_of(message, fields)
        super().__init__("\n".join(self.messages))

    def render(self, translate) -> str:
        return "\n".join(message.render(translate) for message in self.messages)


class InputError(Problem, Exception):
    """Bad input or usage: the message names the file, row, column or option at fault."""


class UnknownProgramme(InputError):
    """A programme code the store does not hold, said in one wording wherever it is met (a task reference, -p of
    status, units, lights or a report): `code` lets the CLI add where the samples are when the demo's store holds it
    (cli.process.samples_named)."""

    def __init__(self, message, /, code: str, **fields):
        super().__init__(message, code=code, **fields)
        self.code = code


class NoDataYet(InputError):
    """A store with no mstrack data yet (Maintenance.require_schema): the CLI adds where the samples are when the
    demo's own store holds them (cli.process.samples_named)."""


class StoreDamaged(InputError):
    """A store damaged by a hand edit (or a bug): a row pointing to a missing parent, a value not of its column's type,
    met by a read or by a write's check (store/checks.damaged): said with what `db check` says of it and how it can be
    repaired; exit 2, never a traceback."""


class StoreUnreadable(StoreDamaged):
    """A store SQLite cannot read at all ("database disk image is malformed": a file cut short or altered): every
    command says so with what to do (a backup restored), `db check` says `problem` as its finding (exit 1)."""

    def __init__(self, message, /, problem, **fields):
        super().__init__(message, **fields)
        self.problem = problem


_OPENED: list = []


def opened(store) -> None:
    """The store the command running opened (cli.process.open_store; None as each command starts): where the one error
    path looks for damage when an unexpected error ends a command (store/checks.damage_met, cli/failures)."""
    _OPENED[:] = [] if store is None else [store]


def store_opened():
    return _OPENED[0] if _OPENED else None


class NoLayoutError(InputError):
    """A document refused for want of any layout the reader knows: no header row, no list of tasks (table/header.py,
    table/convert.py). The one refusal the best-effort reading (table/list_fallback) may still read."""


class NoHeaderError(InputError):
    """No header among a sheet's top rows (sources/sheets.find_table): a sheet of notes or of other data, told from
    one that cannot be read by its type, not its words. `filled`: how many of the rows searched hold a cell (a title
    alone is 1), to tell a blank sheet from one holding something else."""

    def __init__(self, message, /, filled: int = 0, **fields):
        super().__init__(message, **fields)
        self.filled = filled


class OldSchema(InputError):
    """A database an older mstrack made: the command line says how to upgrade it, as the user is to type it."""

    def __init__(self, message, /, version: int, needed: int, **fields):
        super().__init__(message, version=version, needed=needed, **fields)
        self.version = version
        self.needed = needed


def mark_rolled_back(error: BaseException) -> None:
    """A database error raised inside a write transaction before its commit: the transaction was rolled back, so the
    one error path can say that nothing was written (cli/failures). Not after: a failed COMMIT to a server may have
    been stored."""
    error.mstrack_rolled_back = True


def rolled_back(error: BaseException) -> bool:
    return getattr(error, "mstrack_rolled_back", False)


def mark_commit_failed(error: BaseException, command: str) -> None:
    """A server that answered a write's COMMIT with an error (a deferred constraint, its process ended by an
    administrator) rolled the transaction back: said with the write it was committing (cli/failures; safe39b).
    Not a connection lost without the server's word: that COMMIT may have been stored."""
    error.mstrack_commit_failed = command


def commit_failed(error: BaseException) -> str | None:
    return getattr(error, "mstrack_commit_failed", None)


def mark_commit_unknown(error: BaseException, command: str) -> None:
    """A PostgreSQL connection that ended during a write's COMMIT (the connection lost, the server process ended):
    the commit may have been stored or not; said with the write it was committing, never "nothing was stored"
    (review39s)."""
    error.mstrack_commit_unknown = command


def commit_unknown(error: BaseException) -> str | None:
    return getattr(error, "mstrack_commit_unknown", None)


def mark_not_frozen(error: BaseException) -> None:
    """A database error that kept nothing of a report's freeze after the report itself went out (to a device, a FIFO
    or stdout, written before the freeze): said as such (cli/failures), whatever the command printed."""
    error.mstrack_not_frozen = True


def not_frozen(error: BaseException) -> bool:
    return getattr(error, "mstrack_not_frozen", False)


def mark_copy_left(error: BaseException, path) -> None:
    """A restore that failed once it may have replaced pages: the copy of the database kept before it stays, at
    `path`, for the CLI to name (a restore that replaced nothing removes it: it is the database as it still is)."""
    error.mstrack_copy_left = path


def copy_left(error: BaseException):
    return getattr(error, "mstrack_copy_left", None)
