"""The store: owns the schema, its version, and every query mstrack makes.

Callers get plain data back (plan.Programme, engine.IndicatorState, TaskDetail); no ORM object
leaves this module, so the engine and the renderers never touch the database.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property, partial
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from mstrack import model as plan_model
from mstrack.errors import InputError, Joined, Message
from mstrack.model import QUANTITY, SCHEDULE, IndicatorState, MilestoneState, ReportState
from mstrack.store.migrations import SCHEMA_VERSION

if TYPE_CHECKING:  # bound at run time by _load_sqlalchemy() and _load_tables(), on first use
    from sqlalchemy import event, func
    from sqlalchemy.exc import SQLAlchemyError
    from sqlmodel import Session as _OrmSession
    from sqlmodel import SQLModel, create_engine, select

    from mstrack.store.schema import (
        AreaRow,
        BatchRow,
        CheckpointRow,
        IndicatorRow,
        LineRow,
        LineUnitRow,
        MilestoneRow,
        ProgrammeRow,
        ReportRow,
        RetractionRow,
        SchemaVersion,
        SnapshotRow,
        TaskLinkRow,
        TaskRow,
        UnitRow,
    )



PLAN_SOURCE = "plan"
TABLE_NAMES = (
    "SchemaVersion", "ProgrammeRow", "AreaRow", "TaskRow", "TaskLinkRow", "LineRow", "UnitRow", "LineUnitRow",
    "CheckpointRow", "IndicatorRow", "MilestoneRow", "ReportRow", "BatchRow", "RetractionRow", "SnapshotRow",
    "TABLES",
)
WRITE_LOCK = (1836282994, 1)
"""PostgreSQL: the advisory lock every write transaction takes first (two int4 keys: 'mstr', 1), so that
writes queue one at a time as they do on SQLite and what a write checks stays true until it commits."""


def _load_sqlalchemy() -> None:
    """Binds SQLAlchemy and SQLModel into this module on first use. A status on an SQLite file reads
    through the driver alone (Store.reading) and never imports them: measured, the import is a third
    of a status over 20,000 indicators and most of one on the demo data."""
    if "SQLModel" not in globals():
        from sqlalchemy import event, func
        from sqlalchemy.exc import SQLAlchemyError
        from sqlmodel import Session as _OrmSession
        from sqlmodel import SQLModel, create_engine, select

        globals().update(event=event, func=func, SQLAlchemyError=SQLAlchemyError, _OrmSession=_OrmSession,
                         SQLModel=SQLModel, create_engine=create_engine, select=select)


def _load_tables() -> None:
    """Binds the table classes (schema.py) and the plan model into this module on first use: the ORM
    paths below name them directly; the plain-SQL read paths (status) need neither."""
    if "TABLES" not in globals():
        _load_sqlalchemy()
        from mstrack.store import schema as schema

        globals().update({name: getattr(schema, name) for name in TABLE_NAMES})


def __getattr__(name: str):
    if name in TABLE_NAMES:
        _load_tables()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def Session(engine):  # noqa: N802 - stands in for sqlmodel.Session, which every ORM path opens first
    _load_tables()
    return _OrmSession(engine)



def busy_timeout() -> float:
    """Seconds a write waits for another write to end before it gives up: MSTRACK_BUSY_TIMEOUT, 30 by default."""
    raw = os.environ.get("MSTRACK_BUSY_TIMEOUT", "").strip()
    if not raw:
        return 30.0
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 86_400:
        raise InputError("MSTRACK_BUSY_TIMEOUT {value!r}: expected a number of seconds from 0 to 86400, for example 30",
                         value=raw)
    return seconds


def number(value: float | None) -> int | float | None:
    """Floats from the database back to the int they were when integral."""
    if value is None:
        return None
    try:
        whole = int(value)
    except (OverflowError, ValueError):  # inf, nan
        return value
    return whole if whole == value else value


def default_db_url() -> str:
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir('mstrack', appauthor=False)) / 'mstrack.db'}"


def resolve_db_url(db: str | None) -> str:
    """--db, then MSTRACK_DB, then the user's data directory; a plain path means SQLite."""
    value = db or os.environ.get("MSTRACK_DB") or default_db_url()
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


@dataclass
class TaskRef:
    programme: str
    code: str


def parse_ref(ref: str) -> TaskRef:
    programme, sep, code = ref.strip().partition("/")
    if not sep or not programme or not code:
        raise InputError("task reference {ref!r}: expected PROGRAMME/CODE, for example shenzhen-2023/5", ref=ref)
    return TaskRef(programme, code)


@dataclass
class TaskDetail:
    programme: str
    programme_name: str
    code: str
    title: str
    area: str | None
    leaders: list[str]
    lead_units: list[str]
    units: list[str]
    deadline: date
    note: str | None
    indicators: list[IndicatorState] = field(default_factory=list)
    deadline_text: str | None = None
    assessment: str | None = None
    problems: str | None = None
    progress: str | None = None
    start: date | None = None
    links: list[str] = field(default_factory=list)
    """Both ways: the tasks this one names and the tasks that name it."""


@dataclass
class BatchInfo:
    id: int
    created_at: datetime
    user: str | None
    command: str
    source: str | None
    reason: str | None
    undoes: int | None
    undone_by: int | None
    programme: str | None
    reports_added: int
    reports_retracted: int


@dataclass
class HistoryEntry:
    """One value an indicator had, and what became of it."""

    report_id: int
    indicator: str
    unit: str
    as_of: date
    value: int | float
    note: str | None
    reporter: str | None
    entered_at: datetime
    batch_id: int | None
    reason: str | None
    source: str | None
    state: str  # "current", "superseded" (a later entry for the same date) or "retracted" (undone)
    superseded_by: int | None = None
    retracted_by: int | None = None


class Store:
    def __init__(self, url: str):
        self.url = url
        self.display_url = _hide_password(url)
        self.path: Path | None = None
        self._held = None  # the connection of the write transaction in progress (locked), which reads then use
        if url.startswith("sqlite:///"):
            path = Path(url.removeprefix("sqlite:///"))
            if str(path) not in ("", ":memory:"):
                self.path = path
        # Reads go through the driver alone where it is known (an SQLite file; PostgreSQL with psycopg,
        # whose libpq URL is SQLAlchemy's with the plain scheme); anything else needs the engine now,
        # which also checks the URL. The file itself is made by the first write, never by a read.
        self.sqlite_file = self.path is not None and "?" not in url
        self.libpq_url = "postgresql://" + url.removeprefix("postgresql+psycopg://") if url.startswith(
            "postgresql+psycopg://") else None
        if self.sqlite_file:
            self.dialect = "sqlite"
        elif self.libpq_url:
            self.dialect = "postgresql"
        else:
            self.dialect = self.engine.dialect.name

    @cached_property
    def engine(self):
        _load_sqlalchemy()
        if self.path is not None:
            _create_private(self.path)  # owner-only, before SQLite makes it
        try:
            if self.url.startswith("sqlite"):
                engine = create_engine(self.url)
            else:  # one command, a few queries: no pool of idle connections left on a shared server
                from sqlalchemy.pool import NullPool

                engine = create_engine(self.url, poolclass=NullPool)
        except (SQLAlchemyError, ImportError, ValueError) as error:
            raise InputError("--db {db}: {error}", db=self.display_url, error=scrub(str(error))) from None
        if engine.dialect.name == "sqlite":
            # The driver's own transaction handling off (it would run DDL outside any transaction, so that
            # a killed upgrade left half a schema); SQLAlchemy's begin says BEGIN itself: see _sqlite_begin.
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
        return engine

    @contextmanager
    def locked(self, command: str, *, orm: bool = False, migrating: bool = False):
        """The one write transaction: the write lock first, then the caller's reads, checks and writes,
        committed together or not at all. Taking the lock before reading is what makes a check (is this
        file imported already? is this batch undone already?) stay true until the commit.

        SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-level advisory lock (WRITE_LOCK). A writer
        waits up to busy_timeout() for the lock, then gives up naming the write in progress (see
        _busy). Inside, reading() gives this same connection, so the caller's reads see its own writes.
        The connection is the driver's own on an SQLite file and on PostgreSQL with psycopg; SQLAlchemy's
        with orm=True (plan writes, undo, migrations) or any other URL. migrating: foreign keys off
        during the transaction (SQLite rebuilds tables so) and checked before the commit."""
        if self._held is not None:
            if orm and not hasattr(self._held, "exec_driver_sql"):
                raise RuntimeError("an ORM write inside a driver write transaction")
            yield self._held
            return
        if orm or migrating or not (self.sqlite_file or self.libpq_url):
            opened = self._locked_engine(command, migrating)
        elif self.sqlite_file:
            opened = self._locked_sqlite(command)
        else:
            opened = self._locked_psycopg(command)
        with opened as connection:
            self._held = connection
            try:
                yield connection
            finally:
                self._held = None

    @contextmanager
    def _locked_sqlite(self, command: str):
        _create_private(self.path)
        connection = sqlite3.connect(self.path, timeout=busy_timeout(), isolation_level=None)
        try:
            _sqlite_pragmas(connection, None)
            try:
                connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise self._busy(error) from None
            try:
                with self._writer_note(command):  # gone before the commit lets the next writer in
                    yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
        finally:
            connection.close()

    @contextmanager
    def _locked_psycopg(self, command: str):
        import psycopg

        try:
            connection = psycopg.connect(self.libpq_url)
        except psycopg.Error as error:
            raise InputError("--db {db}: cannot open the database: {reason}", db=self.display_url,
                             reason=_reason(error)) from None
        try:
            with connection.transaction():
                self._pg_lock(connection, command)
                yield connection
        finally:
            connection.close()

    @contextmanager
    def _locked_engine(self, command: str, migrating: bool):
        from sqlalchemy.exc import OperationalError

        options = {"mstrack_write": True, "mstrack_foreign_keys_off": migrating}
        with self.engine.connect().execution_options(**options) as connection:
            try:
                transaction = connection.begin()  # SQLite: BEGIN IMMEDIATE (_sqlite_begin)
            except OperationalError as error:
                raise self._busy(error) from None
            try:
                with transaction, self._writer_note(command):
                    if self.dialect == "postgresql":
                        self._pg_lock(_driver(connection), command)
                    yield connection
                    if migrating and self.dialect == "sqlite":
                        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                        if broken:
                            raise RuntimeError(f"a migration broke foreign keys: {broken[:5]}")
            finally:
                if migrating and self.dialect == "sqlite":  # outside any transaction, as SQLite requires
                    _driver(connection).execute("PRAGMA foreign_keys = ON")

    def _pg_lock(self, connection, command: str) -> None:
        """PostgreSQL: wait for WRITE_LOCK up to busy_timeout(), then say who holds it (pg_locks and the
        holder's application_name, which each write sets to what it is: command, user, pid)."""
        cursor = connection.cursor()
        try:
            cursor.execute(f"SET LOCAL lock_timeout = {max(1, round(busy_timeout() * 1000))}")
            cursor.execute("SAVEPOINT mstrack_lock")
            try:
                cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", WRITE_LOCK)
            except Exception as error:
                if getattr(error, "sqlstate", None) != "55P03" and getattr(error, "pgcode", None) != "55P03":
                    raise
                cursor.execute("ROLLBACK TO SAVEPOINT mstrack_lock")
                cursor.execute(
                    "SELECT a.application_name, a.usename, a.pid FROM pg_locks AS l JOIN pg_stat_activity AS a ON a.pid = l.pid"
                    " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = %s AND l.objid = %s",
                    [WRITE_LOCK[0] & 0xFFFFFFFF, WRITE_LOCK[1]])
                found = cursor.fetchall()
                holder = Message("{what} (server process {server})", what=found[0][0] or found[0][1], server=found[0][2]) \
                    if found else None
                raise self._busy(error, holder) from None
            cursor.execute("RELEASE SAVEPOINT mstrack_lock")
            cursor.execute("SET LOCAL lock_timeout = DEFAULT")
            cursor.execute("SELECT set_config('application_name', %s, true)", [_writer_label(command)[:63]])
            cursor.execute(WORK_MEM)
        finally:
            cursor.close()

    @contextmanager
    def _writer_note(self, command: str):
        """SQLite: a note beside the database naming the write in progress, for a writer that gives up
        waiting to say whom it waited for (SQLite itself cannot tell). Written once the lock is held,
        removed at its end; one left by a killed process is overwritten by the next writer."""
        if self.path is None:
            yield
            return
        note = self.path.with_name(self.path.name + "-writer")
        try:
            descriptor = os.open(note, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump({"pid": os.getpid(), "user": login_name(), "command": command,
                           "since": datetime.now().isoformat(timespec="seconds")}, handle, ensure_ascii=False)
        except OSError:
            note = None  # a read-only directory: the write goes on, unnamed
        try:
            yield
        finally:
            if note is not None:
                with contextlib.suppress(OSError):
                    note.unlink()

    def _busy(self, error: Exception, holder=None) -> Exception:
        """The error of a write that gave up waiting for the lock: who holds it, where that is knowable."""
        text = str(getattr(error, "orig", None) or error)
        if "locked" not in text and "busy" not in text and "lock timeout" not in text:
            return error
        if holder is None and self.path is not None:
            try:
                found = json.loads(self.path.with_name(self.path.name + "-writer").read_text(encoding="utf-8"))
                holder = Message("{command} by {user}, process {pid}, since {since}", command=found["command"],
                                 user=found["user"] or "?", pid=found["pid"], since=found["since"])
            except (OSError, ValueError, KeyError, TypeError):
                holder = None
        return InputError("--db {db}: another write is in progress ({holder}); gave up after {seconds} s "
                          "(MSTRACK_BUSY_TIMEOUT); nothing was written, try again when it is done",
                          db=self.display_url, holder=holder or Message("its command is not known"),
                          seconds=f"{busy_timeout():g}")

    @contextmanager
    def reading(self):
        """A connection for plain-SQL reads (`_rows`), in one read transaction so that the few queries
        of a status see one state of the data: the driver's own on an SQLite file and on PostgreSQL with
        psycopg, the engine's for any other URL; inside a write transaction (locked), that one."""
        if self._held is not None:
            yield self._held
            return
        if self.libpq_url:
            yield from self._reading_psycopg()
            return
        if not self.sqlite_file:
            with self.engine.connect() as connection, connection.begin():
                if self.dialect == "postgresql":
                    connection.exec_driver_sql(WORK_MEM)
                yield connection
            return
        try:  # mode=rw: a read never makes a file where there was none
            connection = sqlite3.connect(f"file:{quote(str(self.path))}?mode=rw", uri=True, timeout=busy_timeout(),
                                         isolation_level=None)
        except sqlite3.Error as error:
            raise InputError("--db {db}: cannot open the database: {reason}", db=self.display_url, reason=error) from None
        try:
            connection.execute("BEGIN")
            yield connection
        except sqlite3.DatabaseError as error:
            raise InputError("--db {db}: cannot open the database: {reason}", db=self.display_url, reason=error) from None
        finally:
            connection.close()

    def _reading_psycopg(self):
        try:
            import psycopg
        except ImportError as error:  # as the engine would say it
            raise InputError("--db {db}: {error}", db=self.display_url, error=str(error)) from None
        try:
            connection = psycopg.connect(self.libpq_url)
        except psycopg.Error as error:
            raise InputError("--db {db}: cannot open the database: {reason}", db=self.display_url,
                             reason=_reason(error)) from None
        try:
            with connection.transaction():
                connection.execute(WORK_MEM)
                yield connection
        except psycopg.Error as error:
            raise InputError("--db {db}: {error}", db=self.display_url, error=_reason(error)) from None
        finally:
            connection.close()

    # --- the file itself ----------------------------------------------------------------------

    def backup(self, target: Path) -> None:
        """An online copy into `target` (a new, empty file), consistent while others write (SQLite's backup
        API), then checked. The CLI gives a temporary file and renames it when this returns (outputs.py)."""
        if self.dialect != "sqlite":
            raise InputError("--db {db}: use the server's own tools (pg_dump) to back it up", db=self.display_url)
        import sqlite3

        source = self.engine.raw_connection()
        try:
            copy = sqlite3.connect(target)
            try:
                source.driver_connection.backup(copy)
                problems = [line for (line,) in copy.execute("PRAGMA quick_check")]
            finally:
                copy.close()
        finally:
            source.close()
        if problems != ["ok"]:
            raise InputError("backup: the copy fails its check: {problem}; nothing was written", problem=problems[0])

    def copy_to(self, target: Store) -> dict[str, int]:
        """Every row of every table into an empty store of any kind (SQLite ↔ PostgreSQL), ids kept,
        in one transaction on the target; returns the row count of each table as copied."""
        _load_tables()
        if self.schema_version() != SCHEMA_VERSION:
            raise InputError("--db {db}: upgrade it first (`mstrack db upgrade`)", db=self.display_url)
        version = target.schema_version()
        if version not in (0, SCHEMA_VERSION):
            raise InputError("--to {db}: schema version {version}; copy into an empty database", db=target.display_url,
                             version=version)
        target.init()
        if target.programme_codes() or target.batches(limit=1):
            raise InputError("--to {db}: not empty; copy into an empty database", db=target.display_url)
        tables = [t for t in SQLModel.metadata.sorted_tables if t.name != SchemaVersion.__tablename__]
        counts = {}
        with self.engine.connect() as source, target.engine.begin() as destination:
            for table in tables:
                counts[table.name] = 0
                result = source.execution_options(stream_results=True).execute(
                    select(table).order_by(*table.primary_key.columns))
                while chunk := result.mappings().fetchmany(5000):
                    destination.execute(table.insert(), [dict(row) for row in chunk])
                    counts[table.name] += len(chunk)
            if destination.dialect.name == "postgresql":  # ids were given: move each sequence past them
                for table in tables:
                    if "id" in table.columns and table.columns["id"].autoincrement is not False:
                        destination.exec_driver_sql(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"COALESCE((SELECT MAX(id) FROM {table.name}), 1), "
                            f"(SELECT MAX(id) FROM {table.name}) IS NOT NULL)")
        return counts

    def row_counts(self) -> dict[str, int]:
        _load_tables()
        with self.engine.connect() as connection:
            return {
                table.name: connection.execute(select(func.count()).select_from(table)).scalar()
                for table in SQLModel.metadata.sorted_tables if table.name != SchemaVersion.__tablename__
            }

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity and foreign-key checks, and a schema out of date."""
        if self.sqlite_file and not self.path.exists():
            raise InputError("--db {db}: no mstrack data here yet; run `mstrack init` or `mstrack demo`", db=self.display_url)
        problems = []
        version = self.schema_version()
        if version != SCHEMA_VERSION:
            problems.append(Message("schema version {version}, this mstrack needs {needed} (run `mstrack db upgrade`)",
                                    version=version, needed=SCHEMA_VERSION))
        if self.dialect == "sqlite":
            with self.engine.connect() as connection:
                for (line,) in connection.exec_driver_sql("PRAGMA integrity_check"):
                    if line != "ok":
                        problems.append(Message("integrity: {problem}", problem=line))
                for table, rowid, parent, _ in connection.exec_driver_sql("PRAGMA foreign_key_check"):
                    problems.append(Message("foreign key: {table} row {row} points to a missing {parent} row", table=table, row=rowid,
                                            parent=parent))
        return problems

    # --- schema ---------------------------------------------------------------------------

    def schema_version(self) -> int:
        if self.sqlite_file and not self.path.exists():
            return 0
        if self.sqlite_file or self.libpq_url or self._held is not None:
            with self.reading() as connection:
                return self._version(connection)
        try:
            with self.engine.connect() as connection:
                if not self.engine.dialect.has_table(connection, "schema_version"):
                    return 0
                return connection.exec_driver_sql("SELECT max(version) FROM schema_version").scalar() or 0
        except SQLAlchemyError as error:
            raise InputError("--db {db}: cannot open the database: {reason}", db=self.display_url, reason=_reason(error)) from None

    def _version(self, connection) -> int:
        has_table = ("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'" if self.dialect == "sqlite"
                     else "SELECT 1 WHERE to_regclass('schema_version') IS NOT NULL")
        if not self._rows(connection, has_table):
            return 0
        return self._rows(connection, "SELECT max(version) FROM schema_version")[0][0] or 0

    def init(self, upto: int | None = None, confirm=None) -> tuple[int, int]:
        """Create or upgrade the schema: the migrations not yet applied, each in a transaction of its own
        with its row in schema_version, so that a killed upgrade leaves the database at the version before
        and the next run goes on from there. A new database is built the same way, from the first
        migration (migrations.py). Returns (version before, version after); upto stops early (tests);
        `confirm` gets them before the first migration's commit (see _confirm)."""
        import sqlalchemy as sa

        from mstrack.store.migrations import MIGRATIONS

        before = self.schema_version()
        if before > SCHEMA_VERSION:
            raise InputError("--db {db}: schema version {version} is newer than this mstrack ({known}); upgrade mstrack",
                             db=self.display_url, version=before, known=SCHEMA_VERSION)
        stamp = sa.table("schema_version", sa.column("version", sa.Integer), sa.column("applied_at", sa.DateTime)).insert()
        target = SCHEMA_VERSION if upto is None else upto
        version = before
        while version < target:
            with self.locked("db upgrade", migrating=True) as connection:
                version = self._version(connection)  # another process may have gone on meanwhile
                if version >= target:
                    break
                MIGRATIONS[version](connection)
                version += 1
                connection.execute(stamp.values(version=version, applied_at=datetime.now(UTC)))
                _confirm(confirm if version == before + 1 else None, (before, target))
        return before, max(before, version)

    def require_schema(self, write: bool) -> None:
        """Reads on an empty file see an empty store; writes create the schema first."""
        version = self.schema_version()
        if version == SCHEMA_VERSION:
            return
        if version == 0 and write:
            self.init()
            return
        if version == 0:
            raise InputError("--db {db}: no mstrack data here yet; run `mstrack init` or `mstrack demo`", db=self.display_url)
        if version > SCHEMA_VERSION:
            raise InputError("--db {db}: schema version {version} is newer than this mstrack ({known}); upgrade mstrack",
                             db=self.display_url, version=version, known=SCHEMA_VERSION)
        raise InputError(
            "--db {db}: schema version {version}, this mstrack needs {needed}; "
            "run `mstrack db upgrade` (back it up first with `mstrack db backup FILE`)",
            db=self.display_url, version=version, needed=SCHEMA_VERSION,
        )

    # --- plans ----------------------------------------------------------------------------

    def common_year(self, codes: list[str] | None = None) -> int | None:
        """The year the given programmes (or, with none given, all of them) share, if they share one:
        the year a date written without one ("7月7日", "6月底") means."""
        where = f" WHERE code IN ({', '.join('?' * len(codes))})" if codes else ""
        with self.reading() as connection:
            years = self._rows(connection, f"SELECT DISTINCT year FROM programme{where}", codes or [])
        return years[0][0] if len(years) == 1 else None

    def _rows(self, connection, sql: str, params=()) -> list:
        """Plain SQL with `?` placeholders, rows as tuples: for the reads that run on every status.
        SQLAlchemy's compiling and Row wrapping cost as much as SQLite's own work there."""
        # the driver's own connection, or the engine connection's (inside its transaction): tuples, not Rows
        driver = _driver(connection)
        if self.dialect == "sqlite":
            cursor = driver.cursor()
            try:
                return cursor.execute(sql, [_sqlite_param(value) for value in params]).fetchall()
            finally:
                cursor.close()
        # psycopg: rows in binary (numbers and dates unpacked in C, a quarter faster than parsing text)
        cursor = driver.cursor(binary=True) if self.libpq_url else driver.cursor()
        try:
            cursor.execute(sql.replace("?", "%s"), tuple(params))
            return cursor.fetchall()
        finally:
            cursor.close()

    def _rows_many(self, connection, statements: list[tuple[str, list]]) -> Iterator[list]:
        """Several independent reads, their rows yielded one statement at a time. On psycopg they go out
        at once in a pipeline: the server works on the later ones (their sorts first) while this process
        builds from the earlier ones' rows, instead of each waiting for the last; measured, a fifth of a
        status over 20,000 indicators on PostgreSQL. Elsewhere each runs when its rows are asked for."""
        if not self.libpq_url:
            for sql, params in statements:
                yield self._rows(connection, sql, params)
            return
        driver = _driver(connection)
        cursors = []
        try:
            with driver.pipeline():
                for sql, params in statements:
                    cursor = driver.cursor(binary=True)
                    cursors.append(cursor)
                    cursor.execute(sql.replace("?", "%s"), tuple(params))
                for cursor in cursors:
                    yield cursor.fetchall()
        finally:
            for cursor in cursors:
                cursor.close()

    def _session(self):
        """An ORM session for reads: inside the write transaction in progress if there is one (locked)."""
        _load_tables()
        held = self._held if self._held is not None and hasattr(self._held, "exec_driver_sql") else None
        return Session(held if held is not None else self.engine)

    def programme_codes(self) -> list[str]:
        with self._session() as session:
            return list(session.exec(select(ProgrammeRow.code).order_by(ProgrammeRow.code)))

    def save_plan(self, programme: plan_model.Programme, command: str = "import plan", source: str | None = None,
                  reason: str | None = None, confirm=None) -> dict:
        return self.save_plans([(programme, source)], command=command, reason=reason,
                               confirm=None if confirm is None else lambda results: confirm(results[0]))[0]

    def save_plans(self, plans: list[tuple[plan_model.Programme, str | None]], command: str = "import plan",
                   reason: str | None = None, confirm=None) -> list[dict]:
        """Upsert programmes by code and their tasks by code, keeping every report: all the plans in one
        transaction, so that one refused leaves the others unwritten too. Each changed programme is a
        batch of its own (undone alone); (programme, source file name) each, counts returned in order.

        Lines match by position and indicators by name. Anything a new plan drops is deleted,
        unless reports hang on it: then nothing is written and the error names what would be lost.
        """
        from mstrack.sources.plan import dump_plan

        results = []
        with self.locked(command, orm=True) as connection:
            for programme, source in plans:
                before = self.load_plan(programme.code) if programme.code in self.programme_codes() else None
                if before == programme:
                    results.append({"tasks_added": 0, "tasks_updated": 0, "tasks_removed": 0, "unchanged": True, "batch": None})
                    continue
                batch = self._new_batch(connection, command=command, source=source or programme.code, reason=reason,
                                        programme=programme.code, plan_before=dump_plan(before) if before else None)
                counts = _PlanWriter(connection, batch).write(programme)
                results.append({**counts, "unchanged": False, "batch": batch})
            _confirm(confirm, results)
        return results

    def _new_batch(self, connection, *, command: str, source: str | None = None, reason: str | None = None,
                   undoes: int | None = None, programme: str | None = None, plan_before: str | None = None) -> int:
        """The batch row every write starts with (who, when, what), in the write's transaction: its id."""
        now = datetime.now(UTC)
        values = [_sqlite_moment(now) if self.dialect == "sqlite" else now, login_name(), command, source, reason, undoes,
                  programme, plan_before]
        sql = ('INSERT INTO batch (created_at, "user", command, source, reason, undoes, programme, plan_before)'
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        if self.dialect == "sqlite":
            return _driver(connection).execute(sql, values).lastrowid
        return self._rows(connection, sql + " RETURNING id", values)[0][0]

    def _execute(self, connection, sql: str, params=()) -> int:
        """A plain-SQL write with `?` placeholders, on the driver's connection: the number of rows it touched."""
        driver = _driver(connection)
        if self.dialect == "sqlite":
            return driver.execute(sql, [_sqlite_param(value) for value in params]).rowcount
        cursor = driver.cursor()
        try:
            cursor.execute(sql.replace("?", "%s"), tuple(params))
            return cursor.rowcount
        finally:
            cursor.close()

    def load_plan(self, code: str) -> plan_model.Programme:
        with self._session() as session:
            head = session.exec(select(ProgrammeRow).where(ProgrammeRow.code == code)).first()
            if head is None:
                raise self._unknown_programme(session, code)
            programme = plan_model.Programme(
                code=head.code, name=head.name, year=head.year, start=head.start, end=head.end,
                source=head.source, reading=head.reading, note=head.note, rule=head.rule,
            )
            areas = session.exec(
                select(AreaRow).where(AreaRow.programme_id == head.id).order_by(AreaRow.position)
            ).all()
            area_codes = {area.id: area.code for area in areas}
            programme.areas = [plan_model.Area(code=a.code, name=a.name, text=a.text, declared_tasks=a.declared_tasks) for a in areas]
            tasks = session.exec(
                select(TaskRow).where(TaskRow.programme_id == head.id).order_by(TaskRow.position)
            ).all()
            lines = session.exec(
                select(LineRow).join(TaskRow).where(TaskRow.programme_id == head.id)
                .order_by(LineRow.task_id, LineRow.position)
            ).all()
            line_ids = [line.id for line in lines]
            units = _units_by_line(session, line_ids)
            checkpoints: dict[int, list[plan_model.Checkpoint]] = {}
            for cp in session.exec(
                select(CheckpointRow).where(CheckpointRow.line_id.in_(line_ids))
                .order_by(CheckpointRow.line_id, CheckpointRow.due)
            ):
                checkpoints.setdefault(cp.line_id, []).append(plan_model.Checkpoint(due=cp.due, label=cp.label, text=cp.text))
            indicators = session.exec(
                select(IndicatorRow).where(IndicatorRow.line_id.in_(line_ids))
                .order_by(IndicatorRow.line_id, IndicatorRow.position)
            ).all()
            milestones: dict[int, list[plan_model.Milestone]] = {}
            for ms in session.exec(
                select(MilestoneRow).where(MilestoneRow.indicator_id.in_([i.id for i in indicators]))
                .order_by(MilestoneRow.indicator_id, MilestoneRow.due)
            ):
                milestones.setdefault(ms.indicator_id, []).append(
                    plan_model.Milestone(due=ms.due, target=number(ms.target), printed=number(ms.printed), text=ms.text)
                )
            plan_reports: dict[int, list[plan_model.PlanReport]] = {}
            for report in session.exec(
                select(ReportRow).where(ReportRow.indicator_id.in_([i.id for i in indicators]),
                                        ReportRow.source == PLAN_SOURCE, _standing())
                .order_by(ReportRow.indicator_id, ReportRow.as_of, ReportRow.id)
            ):
                plan_reports.setdefault(report.indicator_id, []).append(
                    plan_model.PlanReport(as_of=report.as_of, value=number(report.value), note=report.note)
                )
            indicators_by_line: dict[int, list[plan_model.Indicator]] = {}
            line_reports: dict[int, list[plan_model.PlanReport]] = {}
            for ind in indicators:
                if ind.kind == SCHEDULE:
                    line_reports[ind.line_id] = plan_reports.get(ind.id, [])
                    continue
                indicators_by_line.setdefault(ind.line_id, []).append(plan_model.Indicator(
                    name=ind.name, unit=ind.unit, comparator=ind.comparator, target=number(ind.target),
                    text=ind.text, reading=ind.reading, milestones=milestones.get(ind.id, []),
                    reports=plan_reports.get(ind.id, []),
                ))
            links: dict[int, list[str]] = {}
            for link in session.exec(
                select(TaskLinkRow).join(TaskRow).where(TaskRow.programme_id == head.id)
                .order_by(TaskLinkRow.task_id, TaskLinkRow.position)
            ):
                links.setdefault(link.task_id, []).append(link.ref)
            lines_by_task: dict[int, list[plan_model.Line]] = {}
            for line in lines:
                lead, responsible = units.get(line.id, ([], []))
                lines_by_task.setdefault(line.task_id, []).append(plan_model.Line(
                    leaders=list(line.leaders), lead_units=lead, units=responsible,
                    checkpoints=checkpoints.get(line.id, []), indicators=indicators_by_line.get(line.id, []),
                    reports=line_reports.get(line.id, []),
                ))
            programme.tasks = [
                plan_model.Task(
                    code=t.code, title=t.title, area=area_codes.get(t.area_id), deadline=t.deadline,
                    note=t.note, lines=lines_by_task.get(t.id, []), deadline_text=t.deadline_text,
                    assessment=t.assessment, problems=t.problems, progress=t.progress, links=links.get(t.id, []),
                )
                for t in tasks
            ]
            return programme

    def _unknown_programme(self, session: Session, code: str) -> InputError:
        return _unknown_programme(list(session.exec(select(ProgrammeRow.code).order_by(ProgrammeRow.code))), code)

    # --- tasks, indicators and reports ----------------------------------------------------

    def _task_head(self, connection, ref: TaskRef) -> tuple[tuple, tuple]:
        """(programme id, code, name, year, start, end) and (task id, code, title, area id, deadline, note,
        deadline text, assessment, problems, progress) of a task reference, or the error naming what exists."""
        rows_of = self._rows
        found = rows_of(connection, 'SELECT id, code, name, year, start, "end" FROM programme WHERE code = ?', [ref.programme])
        if not found:
            known = [code for (code,) in rows_of(connection, "SELECT code FROM programme ORDER BY code")]
            raise _unknown_programme(known, ref.programme)
        head = found[0]
        found = rows_of(connection, "SELECT id, code, title, area_id, deadline, note, deadline_text, assessment, problems, progress"
                                    " FROM task WHERE programme_id = ? AND code = ?", [head[0], ref.code])
        if not found:
            codes = [code for (code,) in rows_of(connection, "SELECT code FROM task WHERE programme_id = ? ORDER BY position",
                                                  [head[0]])]
            shown = ", ".join(codes[:12]) + (" …" if len(codes) > 12 else "")
            raise InputError("{programme} has no task {code!r}; its tasks are {codes}", programme=ref.programme, code=ref.code,
                             codes=shown)
        return head, found[0]

    def task_detail(self, ref: TaskRef) -> TaskDetail:
        """One task whole, with every indicator and report: plain SQL through the driver, as status reads."""
        with self.reading() as connection:
            rows_of = partial(self._rows, connection)
            (_, code, name, _, start, end), task = self._task_head(connection, ref)
            task_id, task_code, title, area_id, deadline, note, deadline_text, assessment, problems, progress = task
            area = rows_of("SELECT code, name FROM area WHERE id = ?", [area_id]) if area_id else []
            lines = rows_of("SELECT id, CAST(leaders AS TEXT) FROM task_line WHERE task_id = ? ORDER BY position", [task_id])
            units = _group_units(rows_of(
                "SELECT x.line_id, x.role, u.name FROM line_unit AS x JOIN unit AS u ON x.unit_id = u.id"
                " WHERE x.line_id IN (SELECT id FROM task_line WHERE task_id = ?) ORDER BY x.line_id, x.role, x.position",
                [task_id]))
            no_units = ([], [])
            detail = TaskDetail(
                programme=code, programme_name=name, code=task_code, title=title,
                area=f"{area[0][0]}、{area[0][1]}" if area else None,
                leaders=_unique(leader for _, leaders in lines for leader in _json_list(leaders)),
                lead_units=_unique(u for line_id, _ in lines for u in units.get(line_id, no_units)[0]),
                units=_unique(u for line_id, _ in lines for u in units.get(line_id, no_units)[1]),
                deadline=_day(deadline or end), note=note, deadline_text=deadline_text,
                assessment=assessment, problems=problems, progress=progress, start=_day(start),
            )
            own = [link for (link,) in rows_of("SELECT ref FROM task_link WHERE task_id = ? ORDER BY position", [task_id])]
            naming_this = rows_of(
                "SELECT p.code, t.code FROM task_link AS k JOIN task AS t ON k.task_id = t.id"
                " JOIN programme AS p ON t.programme_id = p.id WHERE k.ref = ? ORDER BY p.code, t.position",
                [f"{code}/{task_code}"])
            detail.links = _unique([*own, *(f"{programme}/{other}" for programme, other in naming_this)])
            detail.indicators = self._indicator_states(connection, task_ids=[task_id], as_of=None, all_reports=True)
            return detail

    def task_details(self, programmes: list[str] | None = None, unit: str | None = None) -> list[TaskDetail]:
        """Whole tasks with every indicator and every report, in document order: what reports are made of.

        A fixed number of queries whatever the number of tasks."""
        with Session(self.engine) as session:
            unit_id = self._unit_id(session.connection(), unit) if unit is not None else None
            states = self._indicator_states(session.connection(), programmes=programmes, unit_id=unit_id, as_of=None, all_reports=True)
            by_task: dict[tuple[str, str], list[IndicatorState]] = {}
            for state in states:
                by_task.setdefault((state.programme, state.task), []).append(state)
            query = (
                select(TaskRow, ProgrammeRow, AreaRow)
                .join(ProgrammeRow, TaskRow.programme_id == ProgrammeRow.id)
                .outerjoin(AreaRow, TaskRow.area_id == AreaRow.id)
                .order_by(ProgrammeRow.code, TaskRow.position)
            )
            if programmes:
                query = query.where(ProgrammeRow.code.in_(programmes))
            links: dict[int, list[str]] = {}
            for link in session.exec(select(TaskLinkRow).order_by(TaskLinkRow.task_id, TaskLinkRow.position)):
                links.setdefault(link.task_id, []).append(link.ref)
            details = []
            for task, head, area in session.exec(query):
                indicators = by_task.get((head.code, task.code))
                if not indicators:
                    continue  # outside the unit asked for
                lines = sorted({state.line for state in indicators})
                details.append(TaskDetail(
                    programme=head.code, programme_name=head.name, code=task.code, title=task.title,
                    area=f"{area.code}、{area.name}" if area else None,
                    leaders=_unique(leader for state in indicators for leader in state.leaders),
                    lead_units=_unique(u for line in lines for s in indicators if s.line == line for u in s.lead_units),
                    units=_unique(u for line in lines for s in indicators if s.line == line for u in s.units),
                    deadline=task.deadline or head.end, note=task.note, indicators=indicators,
                    deadline_text=task.deadline_text, assessment=task.assessment, problems=task.problems,
                    progress=task.progress, start=head.start, links=links.get(task.id, []),
                ))
            return details

    def task_states(self, ref: TaskRef) -> tuple[int, list[IndicatorState]]:
        """The programme's year and the task's indicators with every report, for `log` to choose from."""
        with self.reading() as connection:
            head, task = self._task_head(connection, ref)
            return head[3], self._indicator_states(connection, task_ids=[task[0]], as_of=None, all_reports=True)

    def programme_states(self, code: str) -> tuple[int, dict[str, list[IndicatorState]]] | None:
        """Every indicator of a programme with every report, by task code; None if there is no such programme."""
        with self.reading() as connection:
            found = self._rows(connection, "SELECT year FROM programme WHERE code = ?", [code])
            if not found:
                return None
            by_task: dict[str, list[IndicatorState]] = {}
            for state in self._indicator_states(connection, programmes=[code], as_of=None, all_reports=True):
                by_task.setdefault(state.task, []).append(state)
            return found[0][0], by_task

    def add_reports(self, reports, count: int, command: str, source: str | None = None, reason: str | None = None,
                    confirm=None) -> int:
        """`count` reports, (indicator_id, as_of, value, note, reporter, source) each from an iterable, as
        one batch in one transaction: all of them or none. Rows stream into the driver, never a list.
        `confirm(batch)` runs just before the commit (see _confirm)."""
        if not count:
            return 0
        now = datetime.now(UTC)
        with self.locked(command) as connection:
            batch = self._new_batch(connection, command=command, source=source, reason=reason)
            driver = _driver(connection)
            if self.dialect == "sqlite":
                # Measured: binding 100k rows through SQLAlchemy's type processors costs twice the insert itself,
                # and importing SQLAlchemy a third of a 100k-row import; SQLite's driver takes the same values
                # pre-rendered (dates as SQLAlchemy stores them), from a generator.
                stamp = _sqlite_moment(now)
                driver.executemany(
                    "INSERT INTO report (indicator_id, as_of, value, note, reporter, entered_at, source, batch_id, reason) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ((indicator, as_of.isoformat(), value, note, reporter, stamp, origin, batch, reason)
                     for indicator, as_of, value, note, reporter, origin in reports),
                )
            elif self.libpq_url or type(driver).__module__.startswith("psycopg"):
                # The same through psycopg alone: its executemany pipelines the rows (the ORM path's dicts and
                # SQLAlchemy's binding were half a 100k-row import); timestamps bound as the ORM binds them.
                with driver.cursor() as cursor:
                    cursor.executemany(
                        "INSERT INTO report (indicator_id, as_of, value, note, reporter, entered_at, source, batch_id, reason) "
                        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                        ((indicator, as_of, value, note, reporter, now, origin, batch, reason)
                         for indicator, as_of, value, note, reporter, origin in reports),
                    )
            else:  # any other driver: SQLAlchemy's insert, 10,000 rows at a time
                from itertools import islice

                _load_tables()
                rows = iter(reports)
                while chunk := list(islice(rows, 10_000)):
                    connection.execute(ReportRow.__table__.insert(), [
                        {"indicator_id": indicator, "as_of": as_of, "value": value, "note": note, "reporter": reporter,
                         "source": origin, "entered_at": now, "batch_id": batch, "reason": reason}
                        for indicator, as_of, value, note, reporter, origin in chunk
                    ])
            _confirm(confirm, batch)
        return batch

    def add_report(
        self, indicator_id: int, as_of: date, value: float, note: str | None, reporter: str | None,
        reason: str | None = None,
    ) -> tuple[int, int]:
        """One logged value, as a batch of its own: (report id, batch id). The import's write, for one row:
        a coordinator's `log` need not import SQLAlchemy either."""
        batch = self.add_reports([(indicator_id, as_of, value, note, reporter, None)], 1, "log", None, reason)
        with self.reading() as connection:
            (report_id,) = self._rows(connection, "SELECT id FROM report WHERE batch_id = ?", [batch])[0]
        return report_id, batch

    # --- history and undo ------------------------------------------------------------------

    def history(self, ref: TaskRef, indicator: str | None = None) -> list[HistoryEntry]:
        """Every value the task's indicators ever had, corrections and undone ones included."""
        with Session(self.engine) as session:
            task_id = self._task_head(session.connection(), ref)[1][0]
            query = (
                select(ReportRow, IndicatorRow.name, IndicatorRow.unit, RetractionRow.batch_id)
                .join(IndicatorRow, ReportRow.indicator_id == IndicatorRow.id)
                .join(LineRow, IndicatorRow.line_id == LineRow.id)
                .outerjoin(RetractionRow, RetractionRow.report_id == ReportRow.id)
                .where(LineRow.task_id == task_id)
                .order_by(LineRow.position, IndicatorRow.position, ReportRow.as_of, ReportRow.id)
            )
            if indicator is not None:
                query = query.where(IndicatorRow.name == indicator)
            entries = [
                HistoryEntry(
                    report_id=r.id, indicator=name, unit=unit, as_of=r.as_of, value=number(r.value), note=r.note,
                    reporter=r.reporter, entered_at=r.entered_at, batch_id=r.batch_id, reason=r.reason,
                    source=r.source, state="retracted" if retracted else "current", retracted_by=retracted,
                )
                for r, name, unit, retracted in session.exec(query)
            ]
        latest: dict[tuple[str, date], HistoryEntry] = {}
        for entry in entries:  # in entry order per date: a later standing entry supersedes an earlier one
            if entry.state == "retracted":
                continue
            earlier = latest.get((entry.indicator, entry.as_of))
            if earlier is not None:
                earlier.state, earlier.superseded_by = "superseded", entry.report_id
            latest[(entry.indicator, entry.as_of)] = entry
        return entries

    def freeze(self, kind: str, params: dict, content: str, confirm=None) -> int:
        with Session(self.engine) as session, session.begin():
            row = SnapshotRow(created_at=datetime.now(UTC), user=login_name(), kind=kind,
                              params=json.dumps(params, ensure_ascii=False, sort_keys=True), content=content)
            session.add(row)
            session.flush()
            _confirm(confirm, row.id)
            return row.id

    def snapshot(self, snapshot_id: int | None) -> tuple[int, datetime, str, dict, dict]:
        """(id, when, kind, params, content) of a frozen report; the latest without an id."""
        with Session(self.engine) as session:
            query = select(SnapshotRow)
            query = query.where(SnapshotRow.id == snapshot_id) if snapshot_id else query.order_by(SnapshotRow.id.desc())
            row = session.exec(query).first()
            if row is None:
                if snapshot_id:
                    raise InputError("no frozen report {number}", number=snapshot_id)
                raise InputError("no frozen report yet: print one with `mstrack report weekly --freeze`")
            return row.id, row.created_at, row.kind, json.loads(row.params), json.loads(row.content)

    def snapshots(self, limit: int = 20) -> list[tuple[int, datetime, str | None, str, dict]]:
        with Session(self.engine) as session:
            rows = session.exec(select(SnapshotRow).order_by(SnapshotRow.id.desc()).limit(limit)).all()
            return [(row.id, row.created_at, row.user, row.kind, json.loads(row.params)) for row in rows]

    def batches(self, limit: int = 20, ids: list[int] | None = None) -> list[BatchInfo]:
        """The latest batches, newest first; or those of the given ids."""
        with self._session() as session:
            query = select(BatchRow).order_by(BatchRow.id.desc())
            rows = session.exec(query.where(BatchRow.id.in_(ids)) if ids is not None else query.limit(limit)).all()
            ids = [row.id for row in rows]
            added = dict(session.exec(
                select(ReportRow.batch_id, func.count()).where(ReportRow.batch_id.in_(ids)).group_by(ReportRow.batch_id)
            ).all())
            retracted = dict(session.exec(
                select(RetractionRow.batch_id, func.count()).where(RetractionRow.batch_id.in_(ids))
                .group_by(RetractionRow.batch_id)
            ).all())
            undone = dict(session.exec(select(BatchRow.undoes, BatchRow.id).where(BatchRow.undoes.in_(ids))).all())
            return [
                BatchInfo(
                    id=row.id, created_at=row.created_at, user=row.user, command=row.command, source=row.source,
                    reason=row.reason, undoes=row.undoes, undone_by=undone.get(row.id), programme=row.programme,
                    reports_added=added.get(row.id, 0), reports_retracted=retracted.get(row.id, 0),
                )
                for row in rows
            ]

    def undo(self, batch_id: int | None, reason: str | None = None, force: bool = False, confirm=None) -> BatchInfo:
        """Revert one batch as a whole, as a new batch: its reports are retracted (never deleted), the
        reports it retracted come back as new entries, and a plan import's programme is put back as it was.

        All in one locked transaction (checked and written together: two undos of one batch cannot both
        pass), in set-based statements whatever the batch's size: no report becomes a Python object.
        A report comes back only where nothing newer stands for its indicator and date (it would beat
        that later entry); otherwise the undo is refused naming those entries, unless force, which
        goes on and records what it overrode in the new batch's reason."""
        from mstrack.sources.plan import dump_plan, plan_from_dict

        with self.locked("undo", orm=True) as connection:
            rows = self._rows(connection, "SELECT id, programme, plan_before FROM batch WHERE id = ?", [batch_id]) \
                if batch_id is not None else self._rows(connection, "SELECT id, programme, plan_before FROM batch ORDER BY id DESC LIMIT 1")
            if not rows:
                if batch_id:
                    raise InputError("no batch {batch}; see `mstrack batches`", batch=batch_id)
                raise InputError("nothing to undo yet")
            target_id, programme, plan_before = rows[0]
            done_by = self._rows(connection, "SELECT min(id) FROM batch WHERE undoes = ?", [target_id])[0][0]
            if done_by is not None:
                raise InputError("batch {batch} was already undone by batch {undo}; undo {undo} to restore it", batch=target_id,
                                 undo=done_by)
            overridden, total = self._newer_than_restored(connection, target_id)
            if overridden and not force:
                raise InputError("undoing batch {batch} would bring back values over {n} newer {n:entry|entries}; nothing was "
                                 "written:\n{entries}\nundo with --force to bring them back all the same (what it overrides is "
                                 "kept with the undo)", batch=target_id, n=total, entries=Joined("\n", overridden))
            if overridden:  # kept in English, as the batch's other words are
                more = f"--force over {total} newer {'entry' if total == 1 else 'entries'}: " + "; ".join(overridden)
                reason = more if reason is None else f"{reason}; {more}"
            current_plan = restore = None
            if programme is not None:
                current_plan = self.load_plan(programme) if programme in self.programme_codes() else None
                if plan_before is not None:
                    import tomllib

                    restore = plan_from_dict(tomllib.loads(plan_before), f"batch {target_id}")
            new = self._new_batch(connection, command="undo", source=f"batch {target_id}", reason=reason, undoes=target_id,
                                  programme=programme, plan_before=dump_plan(current_plan) if current_plan else None)
            self._execute(connection, "INSERT INTO report_retraction (report_id, batch_id) SELECT x.id, ? FROM report AS x"
                                      " WHERE x.batch_id = ? AND NOT EXISTS (SELECT 1 FROM report_retraction AS r"
                                      " WHERE r.report_id = x.id) ORDER BY x.id", [new, target_id])
            now = datetime.now(UTC)
            self._execute(connection, "INSERT INTO report (indicator_id, as_of, value, note, reporter, entered_at, source,"
                                      " batch_id, reason) SELECT x.indicator_id, x.as_of, x.value, x.note, x.reporter, ?, x.source,"
                                      " ?, ? FROM report AS x JOIN report_retraction AS r ON r.report_id = x.id"
                                      " WHERE r.batch_id = ? ORDER BY x.id",
                          [_sqlite_moment(now) if self.dialect == "sqlite" else now, new,
                           reason or f"undo of batch {target_id}", target_id])
            if programme is not None:
                if restore is not None:
                    _PlanWriter(connection, new).write(restore)
                elif current_plan is not None:
                    _PlanWriter(connection, new).remove_programme(programme)
            done = self.batches(ids=[new])[0]
            _confirm(confirm, done)
        return done

    def _newer_than_restored(self, connection, target_id: int) -> tuple[list[Message], int]:
        """The standing entries an undo of target_id would override: newer than a report it brings back
        (retracted by target_id), same indicator and date, not themselves taken back by this undo. The
        first ten, described, and how many in all."""
        joined = (" FROM report_retraction AS r JOIN report AS o ON o.id = r.report_id"
                  " JOIN report AS n ON n.indicator_id = o.indicator_id AND n.as_of = o.as_of AND n.id > o.id"
                  " WHERE r.batch_id = ? AND (n.batch_id IS NULL OR n.batch_id <> ?)"
                  " AND NOT EXISTS (SELECT 1 FROM report_retraction AS z WHERE z.report_id = n.id)")
        total = self._rows(connection, f"SELECT count(DISTINCT n.id){joined}", [target_id, target_id])[0][0]
        if not total:
            return [], 0
        rows = self._rows(connection,
                          "SELECT p.code, t.code, i.name, i.unit, n.as_of, n.value, n.batch_id FROM report AS n"
                          " JOIN indicator AS i ON n.indicator_id = i.id JOIN task_line AS l ON i.line_id = l.id"
                          " JOIN task AS t ON l.task_id = t.id JOIN programme AS p ON t.programme_id = p.id"
                          f" WHERE n.id IN (SELECT n.id{joined}) ORDER BY n.id LIMIT 10", [target_id, target_id])
        return [Message("{ref} {indicator} as of {on}: {value}{unit} (batch {batch})", ref=f"{programme}/{task}", indicator=name,
                        on=_day(as_of), value=number(value), unit=unit, batch=batch if batch is not None else "—")
                for programme, task, name, unit, as_of, value, batch in rows], total

    def status_states(
        self, as_of: date, programmes: list[str] | None = None, unit: str | None = None
    ) -> list[IndicatorState]:
        """Every indicator with its checkpoints and its latest report on or before as_of."""
        with self.reading() as connection:
            if programmes:
                known = {code for (code,) in self._rows(connection, "SELECT code FROM programme")}
                for code in programmes:
                    if code not in known:
                        raise _unknown_programme(sorted(known), code)
            unit_id = self._unit_id(connection, unit) if unit is not None else None
            return self._indicator_states(connection, programmes=programmes, unit_id=unit_id, as_of=as_of)

    def _unit_id(self, connection, unit: str) -> int:
        found = self._rows(connection, "SELECT id FROM unit WHERE name = ?", [unit])
        if not found:
            names = [name for (name,) in self._rows(connection, "SELECT name FROM unit ORDER BY name") if unit in name]
            hint = Message("did you mean: {names}", names=", ".join(names[:8])) if names else Message(
                "see `mstrack units` for unit names")
            raise InputError("--unit {unit!r}: no such unit; {hint}", unit=unit, hint=hint)
        return found[0][0]

    def _indicator_states(
        self, connection, *, as_of: date | None, programmes: list[str] | None = None,
        unit_id: int | None = None, task_ids: list[int] | None = None, all_reports: bool = False,
    ) -> list[IndicatorState]:
        """Six plain queries, whatever the number of indicators, sent together (see _rows_many).

        Measured at 20,000 indicators and 1,000,000 reports: the latest report found by one index seek
        per indicator (a correlated LIMIT 1 over (indicator_id, as_of, id)) takes a fifth of the time of
        GROUP BYs over the whole table, and tuples from the driver half the time of ORM rows."""
        where, params = [], []
        if programmes:
            where.append(f"p.code IN ({', '.join('?' * len(programmes))})")
            params += programmes
        if task_ids is not None:
            where.append(f"t.id IN ({', '.join('?' * len(task_ids))})" if task_ids else "1 = 0")
            params += task_ids
        if unit_id is not None:
            where.append("l.id IN (SELECT line_id FROM line_unit WHERE unit_id = ?)")
            params.append(unit_id)
        scope = " WHERE " + " AND ".join(where) if where else ""
        task_and_programme = "JOIN task AS t ON l.task_id = t.id JOIN programme AS p ON t.programme_id = p.id"
        joined = f"indicator AS i JOIN task_line AS l ON i.line_id = l.id {task_and_programme}{scope}"
        indicators = f"SELECT i.id FROM {joined}" if where else "SELECT id FROM indicator"
        # Task and programme columns once per task, not once per indicator (a third of the indicator query).
        task_where = [clause for clause in where if not clause.startswith("l.")]
        task_params = [*(programmes or []), *(task_ids or [])]
        scoped_lines = f" WHERE x.line_id IN (SELECT l.id FROM task_line AS l {task_and_programme}{scope})" if where else ""
        scoped_indicators = f" WHERE x.indicator_id IN ({indicators})" if where else ""
        # Not retracted, by the retraction's primary key: NOT IN (SELECT …) made PostgreSQL scan every
        # retraction for every report once they outgrew work_mem (300,000 after a few undone imports).
        standing = "NOT EXISTS (SELECT 1 FROM report_retraction AS r WHERE r.report_id = {}.id)"
        if all_reports:
            reports_query = ("SELECT x.indicator_id, x.as_of, x.value, x.note, x.reporter, x.entered_at FROM report AS x"
                             f" WHERE {standing.format('x')}{scoped_indicators.replace(' WHERE ', ' AND ')} ORDER BY x.as_of, x.id",
                             params)
        else:  # one index seek per indicator: a LATERAL join on PostgreSQL (which would hash the whole report
            # table for the correlated subquery), the correlated subquery on SQLite (which has no LATERAL)
            latest = (f" WHERE y.indicator_id = i.id AND y.as_of <= ? AND {standing.format('y')}"
                      " ORDER BY y.as_of DESC, y.id DESC LIMIT 1")
            if self.dialect == "postgresql":
                source = f"({indicators}) AS i CROSS JOIN LATERAL (SELECT y.* FROM report AS y{latest}) AS x"
            else:
                source = f"({indicators}) AS i JOIN report AS x ON x.id = (SELECT y.id FROM report AS y{latest})"
            # one row per indicator: their order does not matter, and unsorted PostgreSQL streams them
            reports_query = (f"SELECT x.indicator_id, x.as_of, x.value, x.note, x.reporter, x.entered_at FROM {source}",
                             [*params, as_of])
        # Checkpoints and milestones come in entry order, which is the document's and nearly always by
        # date; the few lists that are not are sorted below (stable: by date, then entry), which is
        # cheaper than having the database sort 100,000 rows.
        results = self._rows_many(connection, [
            # leaders as text: psycopg would decode the JSON of every row; _json_list decodes each distinct one once
            ("SELECT i.id, i.kind, i.name, i.unit, i.comparator, i.target, i.text, l.position, l.id, CAST(l.leaders AS TEXT),"
             f" l.task_id FROM {joined} ORDER BY p.code, t.position, l.position, i.position", params),
            ("SELECT t.id, t.code, t.title, t.deadline, t.assessment, p.code, p.start, p.\"end\", p.rule"
             " FROM task AS t JOIN programme AS p ON t.programme_id = p.id"
             + (" WHERE " + " AND ".join(task_where) if task_where else ""), task_params),
            ("SELECT x.line_id, x.role, u.name FROM line_unit AS x JOIN unit AS u ON x.unit_id = u.id"
             f"{scoped_lines} ORDER BY x.line_id, x.role, x.position", params),
            (f"SELECT x.line_id, x.due, x.text, x.label FROM checkpoint AS x{scoped_lines} ORDER BY x.id", params),
            (f"SELECT x.indicator_id, x.due, x.target, x.printed, x.text FROM milestone AS x{scoped_indicators} ORDER BY x.id",
             params),
            reports_query,
        ])
        rows = next(results)
        if not rows:
            results.close()
            return []
        tasks = {
            task_id: (code, title, _day(deadline or end), assessment, programme, _day(start), rule)
            for task_id, code, title, deadline, assessment, programme, start, end, rule in next(results)
        }
        units = _group_units(next(results))
        day_of, days = _day, _DAYS  # dates repeat (a few checkpoint days a year): memo lookups inline
        checkpoints: dict[int, list[tuple]] = {}
        unsorted = set()
        for line_id, due, text, label in next(results):
            day = days.get(due) or day_of(due)
            found = checkpoints.get(line_id)
            if found is None:
                found = checkpoints[line_id] = []
            elif found[-1][0] > day:
                unsorted.add(line_id)
            found.append((day, text, label))
        for line_id in unsorted:
            checkpoints[line_id].sort(key=_FIRST)
        # A quantity's milestone takes its words from the line's checkpoint of the same date, unless it has its own.
        line_of = {row[0]: row[8] for row in rows}
        line_index: dict[int, dict] = {}  # a line's checkpoints by date, built once per line
        no_checkpoint = ("", "")
        milestones: dict[int, list[MilestoneState]] = {}
        unsorted = set()
        for indicator_id, due, target, printed, text in next(results):
            line_id = line_of.get(indicator_id)
            by_due = line_index.get(line_id)
            if by_due is None:
                by_due = line_index[line_id] = {day: (words, label) for day, words, label in checkpoints.get(line_id, ())}
            day = days.get(due) or day_of(due)
            words, label = by_due.get(day, no_checkpoint)
            if target is not None and target.is_integer():
                target = int(target)
            found = milestones.get(indicator_id)
            if found is None:
                found = milestones[indicator_id] = []
            elif found[-1].due > day:
                unsorted.add(indicator_id)
            found.append(MilestoneState(due=day, target=target, text=words if text is None else text, label=label,
                                        printed=None if printed is None else number(printed)))
        for indicator_id in unsorted:
            milestones[indicator_id].sort(key=_DUE)
        reports: dict[int, list[ReportState]] = {}
        for indicator_id, as_of_day, value, note, reporter, entered_at in next(results):
            if value.is_integer():
                value = int(value)
            found = reports.get(indicator_id)
            if found is None:
                found = reports[indicator_id] = []
            found.append(ReportState(as_of=days.get(as_of_day) or day_of(as_of_day), value=value, note=note, reporter=reporter,
                                     entered_at=_moment(entered_at)))
        states = []
        no_units = ([], [])
        for indicator_id, kind, name, unit, comparator, target, text, line_position, line_id, line_leaders, task_id in rows:
            task_code, task_title, deadline, assessment, code, start, rule = tasks[task_id]
            if kind == SCHEDULE:
                milestone_states = [
                    MilestoneState(due=due, target=None, text=cp_text, label=label) for due, cp_text, label in checkpoints.get(line_id, ())
                ] or [MilestoneState(due=deadline, target=None, text=task_title, label="完成时限")]
            else:
                milestone_states = milestones.get(indicator_id, [])
            lead, responsible = units.get(line_id, no_units)
            states.append(IndicatorState(
                programme=code, task=task_code, indicator=name, milestones=milestone_states,
                reports=reports.get(indicator_id, []), deadline=deadline, target=number(target), comparator=comparator,
                unit=unit, kind=kind, lead_units=lead, units=responsible, task_title=task_title, text=text,
                line=line_position, start=start, indicator_id=indicator_id, assessment=assessment, rule=rule,
                leaders=_json_list(line_leaders),
            ))
        return states


def _unknown_programme(known: list[str], code: str) -> InputError:
    hint = Message("known: {codes}", codes=", ".join(known)) if known else Message(
        "no programme is loaded yet (try `mstrack demo`)")
    return InputError("no programme {code!r}; {hint}", code=code, hint=hint)


WORK_MEM = "SET LOCAL work_mem = '64MB'"  # PostgreSQL: the sorts of a status over 20,000 indicators stay in memory
_DAYS: dict[str, date] = {}
_FIRST = itemgetter(0)
_DUE = attrgetter("due")


def _day(value) -> date | None:
    """A date column: SQLite hands back text, PostgreSQL a date; a status reads the same few days often.
    Both kinds are remembered (a date as itself), so that the loops' inline `_DAYS.get` finds them."""
    if value is None:
        return None
    day = _DAYS.get(value)
    if day is None:
        day = _DAYS[value] = value if type(value) is date else date.fromisoformat(value)
    return day


def _sqlite_moment(value: datetime) -> str:
    """A timestamp as SQLAlchemy stores a DateTime in SQLite (UTC, microseconds always written)."""
    return value.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def _moment(value) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


_JSON_LISTS: dict[str, list] = {}


def _json_list(value) -> list:
    """A JSON column (SQLite: text, PostgreSQL: a list); many lines share the same leaders."""
    if isinstance(value, str):
        parsed = _JSON_LISTS.get(value)
        if parsed is None:
            parsed = _JSON_LISTS[value] = json.loads(value)
        return list(parsed)
    return list(value or [])


def _sqlite_param(value):
    """Dates as SQLAlchemy stores them in SQLite (ISO text), so that plain SQL compares like with like."""
    return value.isoformat() if isinstance(value, date) and not isinstance(value, datetime) else value


def _standing():
    """Reports not taken back by an undo (NOT EXISTS by the retraction's key; see _indicator_states)."""
    return ~select(RetractionRow.report_id).where(RetractionRow.report_id == ReportRow.id).exists()


def login_name() -> str | None:
    """Who runs mstrack: the batch's user, and the reporter when --by is not given."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


class _PlanWriter:
    """Applies one plan inside the caller's transaction, set-based: a fixed number of statements per
    table whatever the plan's size, plus one insert per new task, line and indicator (the rows under
    them need its id). Measured: 20,000 indicators went from 41 s (ORM, a flush and queries per row)
    to a few seconds."""

    def __init__(self, connection, batch: int | None = None):
        self.connection = connection
        self.batch = batch
        self.unit_ids: dict[str, int] = {}
        self.counts = {"tasks_added": 0, "tasks_updated": 0, "tasks_removed": 0}

    def _new_id(self, table, values: dict) -> int:
        return self.connection.execute(table.insert().values(**values)).inserted_primary_key[0]

    def _many(self, statement, rows: list[dict]) -> None:
        if rows:
            self.connection.execute(statement, rows)

    def _structure(self, programme_id: int):
        """What the store holds of a programme: task ids by code, line ids by task and position,
        indicator ids by line and (kind, name), the indicators reports hang on; in entry order."""
        c = self.connection
        tasks = dict(c.execute(select(TaskRow.code, TaskRow.id).where(TaskRow.programme_id == programme_id)
                               .order_by(TaskRow.id)).all())
        lines: dict[int, dict[int, int]] = {}
        for line_id, task_id, position in c.execute(
            select(LineRow.id, LineRow.task_id, LineRow.position).join(TaskRow, LineRow.task_id == TaskRow.id)
            .where(TaskRow.programme_id == programme_id).order_by(LineRow.id)
        ):
            lines.setdefault(task_id, {})[position] = line_id
        indicators: dict[int, dict[tuple[str, str], int]] = {}
        for indicator_id, line_id, kind, name in c.execute(
            select(IndicatorRow.id, IndicatorRow.line_id, IndicatorRow.kind, IndicatorRow.name)
            .join(LineRow, IndicatorRow.line_id == LineRow.id).join(TaskRow, LineRow.task_id == TaskRow.id)
            .where(TaskRow.programme_id == programme_id).order_by(IndicatorRow.id)
        ):
            indicators.setdefault(line_id, {})[(kind, name)] = indicator_id
        reported = set(c.execute(select(ReportRow.indicator_id).distinct().where(
            ReportRow.indicator_id.in_(_programme_indicators(programme_id)))).scalars())
        return tasks, lines, indicators, reported

    def _dropped_line(self, line_id: int, indicators: dict, reported: set, label, drops: dict) -> list:
        """A line the plan no longer has: its indicators go with it, unless reports hang on them."""
        lost = []
        for (_, name), indicator_id in indicators.get(line_id, {}).items():
            lost += self._dropped_indicator(indicator_id, reported, Message("{label} indicator {name!r}", label=label, name=name),
                                            drops)
        drops["lines"].append(line_id)
        return lost

    @staticmethod
    def _dropped_indicator(indicator_id: int, reported: set, label, drops: dict) -> list:
        if indicator_id in reported:
            return [Message("  {label} has reports", label=label)]
        drops["indicators"].append(indicator_id)
        return []

    def _dropped_task(self, code: str, task_id: int, lines: dict, indicators: dict, reported: set, drops: dict) -> list:
        lost = []
        for position, line_id in lines.get(task_id, {}).items():
            lost += self._dropped_line(line_id, indicators, reported, Message("{label} line {n}", label=code, n=position + 1),
                                       drops)
        drops["tasks"].append(task_id)
        return lost

    def _delete(self, programme_id: int, drops: dict) -> None:
        """Every line's units and checkpoints, every indicator's milestones and every task's links go
        (the plan writes them anew), then what the plan dropped: one statement each."""
        c = self.connection
        lines = _programme_lines(programme_id)
        c.execute(LineUnitRow.__table__.delete().where(LineUnitRow.line_id.in_(lines)))
        c.execute(CheckpointRow.__table__.delete().where(CheckpointRow.line_id.in_(lines)))
        c.execute(MilestoneRow.__table__.delete().where(MilestoneRow.indicator_id.in_(_programme_indicators(programme_id))))
        c.execute(TaskLinkRow.__table__.delete().where(TaskLinkRow.task_id.in_(
            select(TaskRow.id).where(TaskRow.programme_id == programme_id))))
        for table, ids in ((IndicatorRow.__table__, drops["indicators"]), (LineRow.__table__, drops["lines"]),
                           (TaskRow.__table__, drops["tasks"])):
            for start in range(0, len(ids), 10_000):
                c.execute(table.delete().where(table.c.id.in_(ids[start:start + 10_000])))

    def write(self, programme: plan_model.Programme) -> dict:
        c = self.connection
        values = {key: getattr(programme, key) for key in ("name", "year", "start", "end", "source", "reading", "note", "rule")}
        head = c.execute(select(ProgrammeRow.id).where(ProgrammeRow.code == programme.code)).scalar()
        if head is None:
            head = self._new_id(ProgrammeRow.__table__, {"code": programme.code, **values})
        else:
            c.execute(ProgrammeRow.__table__.update().where(ProgrammeRow.id == head).values(**values))
        old_tasks, old_lines, old_indicators, reported = self._structure(head)

        # What the plan keeps, renames and drops; what would be lost stops everything before any write.
        drops: dict[str, list[int]] = {"tasks": [], "lines": [], "indicators": []}
        lost: list = []
        new_codes = {task.code for task in programme.tasks}
        for code, task_id in old_tasks.items():
            if code not in new_codes:
                lost += self._dropped_task(f"{programme.code}/{code}", task_id, old_lines, old_indicators, reported, drops)
                self.counts["tasks_removed"] += 1
        plan = []  # (task, task id or None, [(line, line id or None, [(kind, indicator, id or None)])])
        for task in programme.tasks:
            label = f"{programme.code}/{task.code}"
            task_id = old_tasks.get(task.code)
            lines_here = old_lines.get(task_id, {}) if task_id is not None else {}
            for position, line_id in lines_here.items():
                if position >= len(task.lines):
                    lost += self._dropped_line(line_id, old_indicators, reported,
                                               Message("{label} line {n}", label=label, n=position + 1), drops)
            schedule_names = text_line_names(task.lines)
            lines = []
            for position, line in enumerate(task.lines):
                line_id = lines_here.get(position)
                line_label = Message("{label} line {n}", label=label, n=position + 1)
                wanted: list[tuple[str, plan_model.Indicator]] = [(QUANTITY, ind) for ind in line.indicators]
                if not line.indicators:
                    wanted = [(SCHEDULE, plan_model.Indicator(name=schedule_names[position], unit="", reports=line.reports))]
                old = dict(old_indicators.get(line_id, {})) if line_id is not None else {}
                wanted_keys = {(kind, ind.name) for kind, ind in wanted}
                for key, indicator_id in list(old.items()):
                    if key not in wanted_keys:
                        if key[0] == SCHEDULE and wanted[0][0] == SCHEDULE:
                            old[(SCHEDULE, wanted[0][1].name)] = indicator_id  # renamed (its lead unit changed): reports stay
                            continue
                        lost += self._dropped_indicator(
                            indicator_id, reported, Message("{label} indicator {name!r}", label=line_label, name=key[1]), drops)
                lines.append((line, line_id, [(kind, ind, old.get((kind, ind.name))) for kind, ind in wanted]))
            plan.append((task, task_id, lines))
        if lost:
            raise InputError("the new plan drops what reports hang on; nothing was written:\n{lost}", lost=Joined("\n", lost))

        area_ids = self._write_areas(head, programme.areas)
        self._delete(head, drops)
        task_updates, line_updates, indicator_updates = [], [], []
        links, units, checkpoints, milestones, reports = [], [], [], [], []
        for position, (task, task_id, lines) in enumerate(plan):
            row = {"position": position, "title": task.title, "deadline": task.deadline, "note": task.note,
                   "deadline_text": task.deadline_text, "assessment": task.assessment, "problems": task.problems,
                   "progress": task.progress, "area_id": area_ids.get(task.area) if task.area else None}
            if task_id is None:
                task_id = self._new_id(TaskRow.__table__, {"programme_id": head, "code": task.code, **row})
                self.counts["tasks_added"] += 1
            else:
                task_updates.append({"row_id": task_id, **row})
                self.counts["tasks_updated"] += 1
            links += [{"task_id": task_id, "ref": ref, "position": n} for n, ref in enumerate(_unique(task.links))]
            for line_position, (line, line_id, indicators) in enumerate(lines):
                if line_id is None:
                    line_id = self._new_id(LineRow.__table__, {"task_id": task_id, "position": line_position,
                                                               "leaders": list(line.leaders)})
                else:
                    line_updates.append({"row_id": line_id, "leaders": list(line.leaders)})
                for role, names in (("lead", line.lead_units), ("responsible", line.units)):
                    units += [{"line_id": line_id, "unit_id": self._unit_id(name), "role": role, "position": n}
                              for n, name in enumerate(_unique(names))]
                checkpoints += [{"line_id": line_id, "due": cp.due, "label": cp.label, "text": cp.text} for cp in line.checkpoints]
                for indicator_position, (kind, ind, indicator_id) in enumerate(indicators):
                    row = {"position": indicator_position, "name": ind.name, "unit": ind.unit, "comparator": ind.comparator,
                           "target": ind.target, "text": ind.text, "reading": ind.reading}
                    if indicator_id is None:
                        indicator_id = self._new_id(IndicatorRow.__table__, {"line_id": line_id, "kind": kind, **row})
                    else:
                        indicator_updates.append({"row_id": indicator_id, **row})
                    milestones += [{"indicator_id": indicator_id, "due": ms.due, "target": ms.target, "printed": ms.printed,
                                    "text": ms.text} for ms in ind.milestones]
                    reports += [(indicator_id, report) for report in ind.reports]
        self._update(TaskRow.__table__, task_updates)
        self._update(LineRow.__table__, line_updates)
        self._update(IndicatorRow.__table__, indicator_updates)
        self._many(TaskLinkRow.__table__.insert(), links)
        self._many(LineUnitRow.__table__.insert(), units)
        self._many(CheckpointRow.__table__.insert(), checkpoints)
        self._many(MilestoneRow.__table__.insert(), milestones)
        self._add_plan_reports(head, reports)
        return self.counts

    def _update(self, table, rows: list[dict]) -> None:
        """One executemany UPDATE per table: every row sets the same columns, by id."""
        if rows:
            from sqlalchemy import bindparam

            columns = [key for key in rows[0] if key != "row_id"]
            self.connection.execute(table.update().where(table.c.id == bindparam("row_id"))
                                    .values({column: bindparam(column) for column in columns}), rows)

    def remove_programme(self, code: str) -> None:
        """Undo of the import that created a programme: possible only while no report hangs on it."""
        c = self.connection
        head = c.execute(select(ProgrammeRow.id).where(ProgrammeRow.code == code)).scalar_one()
        tasks, lines, indicators, reported = self._structure(head)
        drops: dict[str, list[int]] = {"tasks": [], "lines": [], "indicators": []}
        lost = []
        for task_code, task_id in tasks.items():
            lost += self._dropped_task(f"{code}/{task_code}", task_id, lines, indicators, reported, drops)
        if lost:
            raise InputError("{code} was created by that batch and reports hang on it; it cannot be removed:\n{lost}",
                             code=code, lost=Joined("\n", lost[:10]))
        self._delete(head, drops)
        c.execute(AreaRow.__table__.delete().where(AreaRow.programme_id == head))
        c.execute(ProgrammeRow.__table__.delete().where(ProgrammeRow.id == head))

    def _write_areas(self, programme_id: int, areas: list[plan_model.Area]) -> dict[str, int]:
        """Areas match by code; one the plan drops is deleted once no task points at it."""
        c = self.connection
        old = dict(c.execute(select(AreaRow.code, AreaRow.id).where(AreaRow.programme_id == programme_id)).all())
        wanted = {area.code for area in areas}
        for code, area_id in old.items():
            if code not in wanted:
                c.execute(TaskRow.__table__.update().where(TaskRow.area_id == area_id).values(area_id=None))
                c.execute(AreaRow.__table__.delete().where(AreaRow.id == area_id))
        ids = {}
        for position, area in enumerate(areas):
            row = {"position": position, "name": area.name, "text": area.text, "declared_tasks": area.declared_tasks}
            if area.code in old:
                c.execute(AreaRow.__table__.update().where(AreaRow.id == old[area.code]).values(**row))
                ids[area.code] = old[area.code]
            else:
                ids[area.code] = self._new_id(AreaRow.__table__, {"programme_id": programme_id, "code": area.code, **row})
        return ids

    def _add_plan_reports(self, programme_id: int, reports: list[tuple[int, plan_model.PlanReport]]) -> None:
        """A plan's own reports go in once; a changed one is added as a correction, never replaced."""
        if not reports:
            return
        present = set(self.connection.execute(
            select(ReportRow.indicator_id, ReportRow.as_of, ReportRow.value, ReportRow.note).where(
                ReportRow.indicator_id.in_(_programme_indicators(programme_id)), ReportRow.source == PLAN_SOURCE, _standing())
        ).all())
        now = datetime.now(UTC)
        self._many(ReportRow.__table__.insert(), [
            {"indicator_id": indicator_id, "as_of": report.as_of, "value": report.value, "note": report.note,
             "reporter": None, "entered_at": now, "source": PLAN_SOURCE, "batch_id": self.batch, "reason": None}
            for indicator_id, report in reports
            if (indicator_id, report.as_of, float(report.value), report.note) not in present
        ])

    def _unit_id(self, name: str) -> int:
        if name not in self.unit_ids:
            found = self.connection.execute(select(UnitRow.id).where(UnitRow.name == name)).scalar()
            self.unit_ids[name] = found if found is not None else self._new_id(UnitRow.__table__, {"name": name})
        return self.unit_ids[name]


def _programme_lines(programme_id: int):
    return select(LineRow.id).join(TaskRow, LineRow.task_id == TaskRow.id).where(TaskRow.programme_id == programme_id)


def _programme_indicators(programme_id: int):
    return (select(IndicatorRow.id).join(LineRow, IndicatorRow.line_id == LineRow.id)
            .join(TaskRow, LineRow.task_id == TaskRow.id).where(TaskRow.programme_id == programme_id))


def text_line_names(lines: list[plan_model.Line]) -> list[str]:
    """Names of a task's text-only lines for `log --indicator`: 进度安排, told apart when there are several."""
    text_only = [i for i, line in enumerate(lines) if not line.indicators]
    names = ["进度安排"] * len(lines)
    if len(text_only) > 1:
        leads = [lines[i].lead_units[0] if lines[i].lead_units else "" for i in text_only]
        for i, lead in zip(text_only, leads, strict=True):
            names[i] = f"进度安排（{lead}）" if lead and leads.count(lead) == 1 else f"进度安排（第{i + 1}行）"
    return names


def _units_by_line(session: Session, line_ids: list[int]) -> dict[int, tuple[list[str], list[str]]]:
    if not line_ids:
        return {}
    return _group_units(session.exec(
        select(LineUnitRow.line_id, LineUnitRow.role, UnitRow.name)
        .join(UnitRow, LineUnitRow.unit_id == UnitRow.id)
        .where(LineUnitRow.line_id.in_(line_ids))
        .order_by(LineUnitRow.line_id, LineUnitRow.role, LineUnitRow.position)
    ))


def _group_units(rows) -> dict[int, tuple[list[str], list[str]]]:
    """(line_id, role, name) rows in order → each line's (lead units, responsible units)."""
    result: dict[int, tuple[list[str], list[str]]] = {}
    for line_id, role, name in rows:
        lead, responsible = result.setdefault(line_id, ([], []))
        (lead if role == "lead" else responsible).append(name)
    return result


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))


def _sqlite_connect(connection, record) -> None:
    connection.isolation_level = None
    _sqlite_pragmas(connection, record)


def _sqlite_begin(connection) -> None:
    """SQLAlchemy's BEGIN on SQLite: IMMEDIATE for a write (the lock first, see Store.locked), deferred for
    a read; a migration's with foreign keys off (set outside any transaction, as SQLite requires)."""
    options = connection.get_execution_options()
    if options.get("mstrack_foreign_keys_off"):
        connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
    connection.exec_driver_sql("BEGIN IMMEDIATE" if options.get("mstrack_write") else "BEGIN")


def _writer_label(command: str) -> str:
    return f"mstrack {command} by {login_name() or '?'}, process {os.getpid()}"
def _confirm(confirm, result) -> None:
    """The last step of a write before its commit: the caller's confirmation, given what was written. The
    CLI prints and flushes it there, so that an output that fails (a full disk, a closed pipe) rolls the
    write back: a command that fails has stored nothing, and running it again is safe."""
    if confirm is not None:
        confirm(result)


def _sqlite_pragmas(connection, _record) -> None:
    """WAL lets readers go on while one coordinator writes; writers wait up to the busy timeout
    (MSTRACK_BUSY_TIMEOUT, 30 s by default), never fail at once."""
    cursor = connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {round(busy_timeout() * 1000)}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _create_private(path: Path) -> None:
    """A new database file is readable by its owner only (SQLite gives its -wal and -shm files the same mode),
    however it is named: through a symlink (to a file not there yet) the file it points to is made 0600."""
    import os

    if path.exists():
        return
    path = Path(os.path.realpath(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass
    except OSError as error:
        raise InputError("--db {db}: cannot create it: {reason}", db=path, reason=error.strerror or error) from None


SECRETS: set[str] = set()
"""Passwords of the database URLs in use: never printed (see scrub)."""

_PASSWORD_FIELD = re.compile(r"""(?i)(\b(?:password|passwd|pwd|pgpassword|sslpassword)\s*=\s*)('(?:[^'\\]|\\.)*'|"[^"]*"|[^\s&;'"]*)""")
"""A password given as a field: ?password=… or &password=… in a URL, password=… or password='…' in a libpq
key=value string, PGPASSWORD=… in an environment-like text."""


def scrub(text: str) -> str:
    """Any text with the passwords it may hold as ***: those of the URLs in use, wherever they appear
    (a driver's message), and any password field, of a URL in use or not."""
    for secret in SECRETS:
        text = text.replace(secret, "***")
    return _PASSWORD_FIELD.sub(lambda match: match[1] + "***" if match[2] else match[0], text)


def _hide_password(url: str) -> str:
    """The URL as shown in messages, its password as ***, in every form (user:password@host,
    ?password=…, a libpq password=…); the password, as written and decoded, is remembered so that
    scrub() takes it out of any driver message too. (Plain string work: a status need not import
    SQLAlchemy to print its database's name.)"""
    from urllib.parse import unquote

    for match in _PASSWORD_FIELD.finditer(url):
        value = match[2].strip("'\"")
        if value:
            SECRETS.update({value, unquote(value)})
    if "://" in url and "@" in url:
        scheme, _, rest = url.partition("://")
        credentials, _, place = rest.rpartition("@")
        user, colon, password = credentials.partition(":")
        if colon:
            if password:
                SECRETS.update({password, unquote(password)})
            url = f"{scheme}://{user}:***@{place}"
    return scrub(url)


def _reason(error: Exception) -> str:
    """A driver's error (SQLAlchemy's or psycopg's own) as one line, without a password; its kind when it says nothing."""
    text = str(getattr(error, "orig", None) or error).strip()
    return scrub(text.splitlines()[0] if text else type(error).__name__)


def _driver(connection):
    """The driver's own connection: as given (sqlite3, psycopg), or inside an SQLAlchemy one."""
    return connection.connection.driver_connection if hasattr(connection, "exec_driver_sql") else connection
