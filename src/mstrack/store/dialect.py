"""What differs between the backends, in one place: the driver's placeholder, how dates and timestamps
are bound and how they come back, and how an insert gives its new id.

Every plain-SQL statement in store/ runs through a Dialect: rows(), rows_many(), execute(), insert()
and insert_many(). SQL is written once, with `{dialect.p}` (or `dialect.params(n)`) where a parameter
goes; nothing rewrites SQL text. The connection given may be the driver's own (sqlite3, psycopg) or
SQLAlchemy's, whose driver connection is used (inside its transaction).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from mstrack.errors import InputError

PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}
"""The DB-API parameter styles plain SQL is written for: sqlite3's, and psycopg's (and most others')."""

PG_SETTINGS = "SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)"
"""PostgreSQL, for the transaction: the sorts of a status over 20,000 indicators stay in memory, and no query is
compiled (JIT): measured over 10,000,000 reports, compiling took a second of the 20 s every-report read of a
weekly report and 15-36 ms of a status's previous-report query, more than it saved."""


def login_name() -> str | None:
    """The machine's login name: who writes on an SQLite file (Dialect.user)."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


@dataclass(frozen=True)
class Dialect:
    name: str
    """"sqlite", "postgresql", or SQLAlchemy's name for another URL's database."""
    p: str
    """The driver's placeholder for one parameter."""
    binary: bool = False
    """psycopg's own connection: rows come in binary (numbers and dates unpacked in C, a quarter faster
    than parsing text)."""
    copy: bool = True
    """PostgreSQL through psycopg: insert_many writes by COPY (see there); False for executemany."""
    mended: set = field(default_factory=set, compare=False, repr=False)
    """PostgreSQL: {"sequences"} once a write of this store has checked its serials against their rows
    (batches.mend_sequences): a dump restored lags them before a store opens, not between two writes of one."""
    users: list = field(default_factory=list, compare=False, repr=False)
    """PostgreSQL: the role this store connects as, once asked (user)."""

    def user(self, connection) -> str | None:
        """Who writes, as a batch, a frozen report and a report without --by store it and undo compares it: on a
        server the role the connection logged in as (session_user: `zhang` of docs/deployment.md §4, whoever runs
        the program on whichever machine), on an SQLite file the login name. Asked of the server once a store."""
        if self.name != "postgresql":
            return login_name()
        if not self.users:
            self.users.append(self.rows(connection, "SELECT session_user")[0][0])
        return self.users[0]

    @classmethod
    def of(cls, name: str, paramstyle: str, *, db: str, option="--db", binary: bool = False) -> Dialect:
        if paramstyle not in PLACEHOLDERS:
            raise InputError("{option} {db}: its driver's parameter style {style!r} is not supported; use SQLite or "
                             "PostgreSQL with psycopg",
                             option=option, db=db, style=paramstyle)
        if name == "sqlite":
            _bind_sqlite_dates()
        return cls(name, PLACEHOLDERS[paramstyle], binary)

    def bound(self, value):
        """A value as the driver will store it, converted once: a timestamp repeated on 100,000 rows is
        rendered once here instead of by sqlite3's adapter on every row (a fifth of a 100k-row import).
        PostgreSQL keeps its aware timestamps (timestamptz columns): COPY's text carries the zone
        ("…+00:00"), so a row by COPY and one by executemany hold the same instant."""
        if self.name == "sqlite" and isinstance(value, datetime):
            return sqlite_moment(value)
        return value

    def bound_days(self, days: Iterable[date]) -> Iterable:
        """Days as the driver will store them, each distinct day converted once: on SQLite the ISO text its adapter
        would make again on every row (~0.5 µs a row, 50 ms of a 100,000-row import); PostgreSQL's binary COPY
        takes the dates as they are."""
        return map(ISO_DAYS.__getitem__, days) if self.name == "sqlite" else days

    def maybe_not_plain(self, column: str) -> str:
        """SQL true of a text names.plain_name may read as another: one holding anything but printable ASCII (a
        character NFC may change, a space that is not ' ') or beginning or ending with a space. False only of texts
        that are plain as they are, which match a plain name only where they equal it: a lookup reads those rows and
        the exact one (a GLOB on SQLite, a regular expression on PostgreSQL; every row elsewhere)."""
        if self.name == "sqlite":
            return f"({column} GLOB '*[^ -~]*' OR {column} GLOB ' *' OR {column} GLOB '* ')"
        if self.name == "postgresql":
            return f"({column} ~ '[^ -~]|^ | $')"
        return "1 = 1"

    def params(self, count: int) -> str:
        """`count` placeholders, comma-separated: for VALUES (…) and IN (…)."""
        return ", ".join([self.p] * count)

    def rows(self, connection, sql: str, params=()) -> list:
        """Plain SQL, rows as tuples: for the reads that run on every status. SQLAlchemy's compiling and
        Row wrapping cost as much as SQLite's own work there."""
        cursor = self._cursor(connection)
        try:
            cursor.execute(sql, tuple(params))
            return cursor.fetchall()
        finally:
            cursor.close()

    def rows_many(self, connection, statements: list[tuple[str, list] | None]) -> Iterator[list]:
        """Several independent reads, their rows yielded one statement at a time. On psycopg they go out
        at once in a pipeline: the server works on the later ones (their sorts first) while this process
        builds from the earlier ones' rows, instead of each waiting for the last; measured, a fifth of a
        status over 20,000 indicators on PostgreSQL. Elsewhere each runs when its rows are asked for. A
        statement given as None is a read left out: no rows."""
        if not self.binary:
            for statement in statements:
                yield self.rows(connection, *statement) if statement is not None else []
            return
        driver = _idle(driver_connection(connection))
        cursors = []
        try:
            with driver.pipeline():
                for statement in statements:
                    cursors.append(driver.cursor(binary=True) if statement is not None else None)
                    if statement is not None:
                        cursors[-1].execute(statement[0], tuple(statement[1]))
                for cursor in cursors:
                    yield cursor.fetchall() if cursor is not None else []
        finally:
            for cursor in cursors:
                if cursor is not None:
                    cursor.close()

    def execute(self, connection, sql: str, params=()) -> int:
        """A plain-SQL write: the number of rows it touched."""
        cursor = _idle(driver_connection(connection)).cursor()
        try:
            cursor.execute(sql, tuple(params))
            return cursor.rowcount
        finally:
            cursor.close()

    def execute_many(self, connection, sql: str, rows: list[tuple]) -> None:
        """One plain-SQL write for each of `rows` (executemany: pipelined by psycopg)."""
        cursor = _idle(driver_connection(connection)).cursor()
        try:
            cursor.executemany(sql, rows)
        finally:
            cursor.close()

    def insert(self, connection, table: str, values: dict) -> int:
        """One row; its new id (RETURNING on PostgreSQL, the driver's lastrowid elsewhere)."""
        columns = ", ".join(f'"{column}"' for column in values)
        returning = " RETURNING id" if self.name == "postgresql" else ""
        cursor = _idle(driver_connection(connection)).cursor()
        try:
            cursor.execute(f"INSERT INTO {table} ({columns}) VALUES ({self.params(len(values))}){returning}", tuple(values.values()))
            return cursor.fetchone()[0] if returning else cursor.lastrowid
        finally:
            cursor.close()

    def insert_many(self, connection, table: str, columns: tuple[str, ...], rows: Iterable[tuple]) -> int:
        """Rows streamed into the driver, never a list: sqlite3's executemany steps through them; psycopg
        sends them by COPY (see RowStream). Dates and timestamps go in as they are (see _bind_sqlite_dates
        and bound()): COPY stores what executemany stores (tests/test_postgres.py holds both alike). How many."""
        with RowStream(self, connection, table, columns) as stream:
            stream.write(rows)
        return stream.rows

    def _cursor(self, connection):
        driver = _idle(driver_connection(connection))
        return driver.cursor(binary=True) if self.binary else driver.cursor()


_STREAMS: dict[int, RowStream] = {}
"""The RowStream copying on a connection in the background (by id), waited for by the next statement on it."""


def _idle(driver):
    """The driver's connection, free to take a statement: a chunk still being copied on it in the
    background is waited for first (and its error raised). The statements of a transaction stay in the
    order they were written, whichever thread sends them."""
    stream = _STREAMS.get(id(driver))
    if stream is not None:
        stream.end()
    return driver


class RowStream:
    """Rows into one table, in the caller's transaction, over any number of write()s: an import writes
    each chunk as it is checked. On PostgreSQL through psycopg each write is one binary COPY; with
    behind=True it runs in a thread of its own, so that the server stores a chunk (its foreign keys
    are checked when the COPY ends: two thirds of the server's work) while this process checks the
    next one. Elsewhere each write is an executemany, in the caller's thread.

    end() (or leaving the `with`) waits for the chunk in flight: its rows are then in the transaction,
    or its error (a foreign key, say) is raised. So does any other statement on the connection, through
    Dialect. Leaving on an exception waits too (a COPY cannot be rolled back mid-way) and keeps that
    exception."""

    def __init__(self, dialect: Dialect, connection, table: str, columns: tuple[str, ...], *, behind: bool = False):
        self.dialect = dialect
        self.driver = driver_connection(connection)
        self.table = table
        self.names = ", ".join(f'"{column}"' for column in columns)
        self.count = len(columns)
        self.copies = dialect.copy and dialect.name == "postgresql" and hasattr(self.driver, "pgconn")  # psycopg 3
        self.behind = behind and self.copies
        self.types: list[int] | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self.rows = 0  # how many it stored, as the driver says (after end(): the chunk in flight too)

    def write(self, rows: Iterable[tuple]) -> None:
        """Rows from an iterable; with behind=True read later, from the copying thread: give a list the
        caller no longer changes."""
        driver = _idle(self.driver)
        if not self.copies:
            cursor = driver.cursor()
            try:
                cursor.executemany(f"INSERT INTO {self.table} ({self.names}) VALUES ({self.dialect.params(self.count)})", rows)
                self.rows += cursor.rowcount  # sqlite3 and psycopg sum an executemany's rows
            finally:
                cursor.close()
        elif not self.behind:
            self._copy(rows)
        else:
            self._thread = threading.Thread(target=self._copy_behind, args=(rows,), name="mstrack-copy", daemon=True)
            _STREAMS[id(driver)] = self
            self._thread.start()

    def end(self, error: BaseException | None = None) -> None:
        thread, self._thread = self._thread, None
        if thread is None:
            return
        _STREAMS.pop(id(self.driver), None)
        thread.join()
        failed, self._error = self._error, None
        if failed is not None and error is None:
            raise failed

    def __enter__(self) -> RowStream:
        return self

    def __exit__(self, kind, error, traceback) -> None:
        self.end(error)

    def _copy_behind(self, rows: Iterable[tuple]) -> None:
        try:
            self._copy(rows)
        except BaseException as error:  # raised in the caller's thread, by end()
            self._error = error

    def _copy(self, rows: Iterable[tuple]) -> None:
        cursor = self.driver.cursor()
        try:
            if self.types is None:
                # Binary, typed by the table's own columns: psycopg packs the rows in C (measured on 100,000
                # reports, 0.05-0.10 s of client CPU where text took 0.31-0.45 s; the server's share the same).
                cursor.execute(f"SELECT {self.names} FROM {self.table} WHERE false")
                self.types = [column.type_code for column in cursor.description]
            with cursor.copy(f"COPY {self.table} ({self.names}) FROM STDIN (FORMAT BINARY)") as copy:
                copy.set_types(self.types)
                write = copy.write_row
                for row in rows:
                    write(row)
            self.rows += cursor.rowcount  # the server's "COPY n"
        finally:
            cursor.close()


def driver_connection(connection):
    """The driver's own connection: as given (sqlite3, psycopg), or inside an SQLAlchemy one."""
    return connection.connection.driver_connection if hasattr(connection, "exec_driver_sql") else connection


def sqlite_moment(value: datetime) -> str:
    """A timestamp as SQLAlchemy stores a DateTime in SQLite (UTC, microseconds always written); an aware one in
    another zone (a time read back by moment, in the local zone) as its instant in UTC."""
    if value.tzinfo is not None and value.utcoffset():
        value = value.astimezone(UTC)
    return value.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


class _IsoDays(dict):
    """date → its ISO text, as sqlite3's adapter (date.isoformat) binds it: made the first time a day is asked."""

    def __missing__(self, on: date) -> str:
        text = self[on] = on.isoformat()
        return text


ISO_DAYS = _IsoDays()


def _bind_sqlite_dates() -> None:
    """sqlite3 binds dates as ISO text and timestamps as SQLAlchemy stores them, so that plain SQL and the
    ORM write and compare like with like (and Python 3.12's deprecated default adapters are not used)."""
    sqlite3.register_adapter(date, date.isoformat)
    sqlite3.register_adapter(datetime, sqlite_moment)


# --- values as they come back -------------------------------------------------------------------

DAYS: dict[str, date] = {}


def day(value) -> date | None:
    """A date column: SQLite hands back text, PostgreSQL a date; a status reads the same few days often.
    Both kinds are remembered (a date as itself), so that the loops' inline `DAYS.get` finds them."""
    if value is None:
        return None
    found = DAYS.get(value)
    if found is None:
        found = DAYS[value] = value if type(value) is date else date.fromisoformat(value)
    return found



def moment(value) -> datetime | None:
    """A timestamp column as a time in the local zone (TZ), the zone of --as-of, --since and today: entry and batch
    times are stored in UTC, and SQLite hands them back as UTC text without a zone, PostgreSQL as a datetime in its
    session's zone (PGTZ, the server's TimeZone). Both read back alike, so that a weekly report's "entered this week"
    and every time printed are the office's clock, whatever the backend or its session (docs/reliability.md)."""
    if value is None:
        return None
    found = datetime.fromisoformat(value) if isinstance(value, str) else value
    return (found if found.tzinfo else found.replace(tzinfo=UTC)).astimezone()


_JSON_LISTS: dict[str, list] = {}


def json_list(value) -> list:
    """A JSON column (SQLite: text, PostgreSQL: a list); many lines share the same leaders."""
    if isinstance(value, str):
        parsed = _JSON_LISTS.get(value)
        if parsed is None:
            parsed = _JSON_LISTS[value] = json.loads(value)
        return list(parsed)
    return list(value or [])


def number(value: float | None) -> int | float | None:
    """Floats from the database back to the int they were when integral."""
    if value is None:
        return None
    try:
        whole = int(value)
    except (OverflowError, ValueError):  # inf, nan
        return value
    return whole if whole == value else value
