"""Database URLs: which one a command uses, how it is shown, and passwords kept out of every message.
Plain string work: a status need not import SQLAlchemy to print its database's name."""

from __future__ import annotations

import os
import re
from pathlib import Path


def user_data_path() -> Path:
    """The user's data directory (platformdirs): the default database's, and the record of files -o wrote (written.py)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("mstrack", appauthor=False))


def store_named_by(db: str | None):
    """What names the store resolve_db_url(db) gives, as its messages say it: "--db", "MSTRACK_DB", or the default
    store (in the user's data directory) when neither is given (trial57 F2: "--db …" said with no --db typed)."""
    from mstrack.errors import Message

    if db:
        return "--db"
    return "MSTRACK_DB" if os.environ.get("MSTRACK_DB") else Message("the default store")


def default_db_url() -> str:
    return f"sqlite:///{user_data_path() / 'mstrack.db'}"


def resolve_db_url(db: str | None) -> str:
    """--db, then MSTRACK_DB, then the user's data directory; a plain path means SQLite."""
    value = db or os.environ.get("MSTRACK_DB") or default_db_url()
    if "://" in value:
        return with_home(value)
    path = str(Path(value).expanduser())
    if value.endswith(("/", os.sep)) and not path.endswith(("/", os.sep)):
        path += "/"  # it names a directory: the separator kept, for sqlite_file.refuse_not_a_file to see
    return f"sqlite:///{path}"


_SQLITE_URL = re.compile(r"sqlite(?:\+\w+)?:///")
"""An SQLite URL, with or without its driver named (sqlite+pysqlite:///)."""


_TRUE = ("true", "1", "yes", "on")
"""How SQLite's URI options say yes."""


def _options(query: str) -> dict[str, str]:
    """A URL's query options, names and values lower-cased, the last of a repeated one (as SQLite takes it)."""
    from urllib.parse import parse_qs

    return {key.lower(): values[-1].lower() for key, values in parse_qs(query).items()}


def sqlite_file(url: str) -> Path | None:
    """The file an SQLite URL names (None for another database or one in memory): the one reading of every
    spelling SQLAlchemy accepts (sqlite:/// or sqlite+DRIVER:///, any ?options, a file: URI with uri=true), so
    that every check of the file (made owner-only, moved while a write ran, its -wal and writer note) sees the
    same file whichever spelling named it. An option kept in the name made a stray file named "o.db?timeout=30"."""
    name = _sqlite_name(url)
    return Path(name).expanduser() if name else None


def names_a_folder(url: str) -> bool:
    """An SQLite URL whose file name ends in a separator (sqlite:///office/, ?options or not): a directory, existing
    or not (the Path sqlite_file gives has lost the separator; SQLite made a file named office)."""
    name = _sqlite_name(url)
    return bool(name) and name.endswith(("/", os.sep))


def _sqlite_name(url: str) -> str | None:
    """The file name an SQLite URL names, as written (see sqlite_file); None for another database or one in memory."""
    from urllib.parse import unquote

    match = _SQLITE_URL.match(url)
    if match is None:
        return None
    name, _, query = url[match.end():].partition("?")
    options = _options(query)
    if name.startswith("file:") and options.get("uri") in _TRUE:
        name = unquote(name.removeprefix("file:"))
        if name.startswith("//"):  # file://HOST/path: only an empty host or localhost names a local file
            host, _, rest = name[2:].partition("/")
            name = "/" + rest if host in ("", "localhost") else ""
        if options.get("mode") == "memory":
            return None
    if name in ("", ":memory:"):
        return None
    return name


def with_home(url: str) -> str:
    """An SQLite URL whose file name begins with ~ or ~user, that spelled out: sqlite_file reads it as the home
    folder, SQLAlchemy and SQLite as a folder named "~" (reads and writes used two files). Every connection is
    made from the URL as returned here, so they open the file sqlite_file names."""
    from urllib.parse import quote

    match = _SQLITE_URL.match(url)
    if match is None:
        return url
    rest = url[match.end():]
    prefix = "file:" if rest.startswith("file:") else ""
    name = rest[len(prefix):]
    if not name.startswith("~"):
        return url
    head, slash, tail = name.partition("/")
    home = os.path.expanduser(head)
    if home == head:
        return url
    return url[:match.end()] + prefix + (quote(home) if prefix else home) + slash + tail


def read_only_url(url: str) -> bool:
    """An SQLite URL that opens its file read-only (?mode=ro, ?immutable=1): a write through it is refused."""
    if _SQLITE_URL.match(url) is None:
        return False
    options = _options(url.partition("?")[2])
    return options.get("mode") == "ro" or options.get("immutable") in _TRUE


def missing_directory(url: str) -> Path | None:
    """The directory an SQLite database file would be made in, when it does not exist: a --db that
    names one is a typing mistake, and nothing is created for it (the default location is made)."""
    path = sqlite_file(url)
    if path is None:
        return None
    parent = path.parent
    return None if parent.is_dir() else parent


SECRETS: dict[str, str] = {}
"""The database URLs in use that hold a password, each as written (and decoded) with how it is shown: scrub puts
the one for the other where the URL stands in any text (a driver's message). Never the password alone as a word:
"postgres", or "p", is in mstrack's own words too (its install hint, "postgresql")."""

_PASSWORD_FIELD = re.compile(r"""(?i)(\b(?:password|passwd|pwd|pgpassword|sslpassword)\s*=\s*)('(?:[^'\\]|\\.)*'|"[^"]*"|[^\s&;'"]*)""")
"""A password given as a field: ?password=… or &password=… in a URL, password=… or password='…' in a libpq
key=value string, PGPASSWORD=… in an environment-like text."""

_CREDENTIALS = re.compile(r"(\b[A-Za-z][\w+.-]*://[^\s:/@]*:)([^\s/]+)(?=@)")
"""A password where a URL holds one, scheme://user:password@host, in any URL of a text (one re-spelled by a
driver, one not in use): up to the last `@` before the path, as a URL reads its host (a password `p@ss` whole)."""


def scrub(text: str) -> str:
    """Any text with the passwords it may hold as ***: each URL in use where it stands (as written or decoded),
    the password of any scheme://user:password@, and any password field, of a URL in use or not."""
    for written in sorted(SECRETS, key=len, reverse=True):
        text = text.replace(written, SECRETS[written])
    text = _CREDENTIALS.sub(lambda match: match[1] + "***", text)
    return _PASSWORD_FIELD.sub(lambda match: match[1] + "***" if match[2] else match[0], text)


def hide_password(url: str) -> str:
    """The URL as shown in messages, its password as ***, in every form (user:password@host,
    ?password=…, a libpq password=…); the URL, as written and decoded, is remembered with how it is
    shown, so that scrub() takes it out of any driver message too."""
    from urllib.parse import unquote

    shown = url
    if "://" in url and "@" in url:
        scheme, _, rest = url.partition("://")
        credentials, _, place = rest.rpartition("@")
        user, colon, password = credentials.partition(":")
        if colon:
            shown = f"{scheme}://{user}:***@{place}"
    shown = _PASSWORD_FIELD.sub(lambda match: match[1] + "***" if match[2] else match[0], shown)
    if shown != url:
        SECRETS.update({url: shown, unquote(url): shown})
    return shown


def reason(error: Exception):
    """A driver's error (SQLAlchemy's, sqlite3's or psycopg's own) as one line, without a password; its kind when it
    says nothing; SQLite's known words as a message the catalogue says in Chinese (domain/reasons.py)."""
    from mstrack.domain.reasons import database_reason

    text = str(getattr(error, "orig", None) or error).strip()
    return database_reason(scrub(text.splitlines()[0] if text else type(error).__name__))
