"""Connections and the one write transaction: which driver a URL is read and written through, the
write lock (SQLite's BEGIN IMMEDIATE, PostgreSQL's advisory lock) and the note naming the write in
progress, read transactions, and the SQLite file's own settings (SIGINT held from a commit on:
store/interrupts; what a write that cannot go on is told: store/write_failures; what the drivers log kept off
stderr: store/driver_logs). Store builds on Connections."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from urllib.parse import quote

from mstrack.errors import InputError, Message, mark_commit_failed, mark_commit_unknown, mark_rolled_back
from mstrack.filesystem import file_named
from mstrack.store import driver_logs
from mstrack.store.checked_stamp import checked_since, data_version, stamp_checked
from mstrack.store.checks import cannot_open
from mstrack.store.dialect import PG_SETTINGS, Dialect, driver_connection, login_name
from mstrack.store.sqlite_file import (
    another_programs_tables_of,
    create_private,
    disk_full,
    file_identity,
    folded_into_file,
    holds_bytes,
    opening_reason,
    read_begun,
    read_leaves_beside,
    refuse_not_a_file,
    remove_left_beside,
    unwritable,
    wal_of,
    writer_note,
)
from mstrack.store.urls import hide_password, reason, scrub, sqlite_file, with_home
from mstrack.store.write_failures import (
    busy_refusal,
    busy_timeout,
    driver_missing,
    full_disk_left,
    server_answered,
    still_the_file,
)

PG_SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"
"""PostgreSQL, first in every read transaction: its statements see one snapshot, taken at the first, as
SQLite's read transaction does; under the default (READ COMMITTED) each statement saw the commits made
since the one before (a weekly report's rows and charts could disagree)."""

WRITE_LOCK = (1836282994, 1)
"""PostgreSQL: the advisory lock every write transaction takes first (two int4 keys: 'mstr', 1), so that
writes queue one at a time as they do on SQLite and what a write checks stays true until it commits."""


class Connections:
    holds_interrupts = False
    """The command line's stores (True): from a write's commit on, SIGINT stays held until the command ends
    (interrupts_let_in), or in the `mstrack` script until the process exits. A library caller's (False): held
    while the commit runs, let in after it (a Ctrl-C held meanwhile raised then, the write stored)."""
    interrupt_logs_unsaid = False
    """The `mstrack` script's process (True, set for every store by cli/process.cli_store): a Ctrl-C that SQLAlchemy
    logs is not printed (driver_logs.interrupt_logs_unsaid), set up as an engine is made, once SQLAlchemy has loaded logging."""

    def __init__(self, url: str, option="--db"):
        """`option`: what named the store, as its messages say it (urls.store_named_by: --db, MSTRACK_DB or the default
        store; db copy's --to)."""
        url = with_home(url)  # what sqlite_file reads is what every connection opens
        self.url = url
        self.display_url = hide_password(url)
        self.option = option
        self.path: Path | None = sqlite_file(url)  # the SQLite file, however its URL is spelled
        if self.path is not None:
            refuse_not_a_file(url, option=option, said=self.display_url)  # before anything opens it: a directory, a FIFO, a device
        self._held = None  # the connection of the write transaction in progress (locked), which reads then use
        self._read = None  # the connection of the read transaction one_read() holds, which reads then use
        # Reads go through the driver alone where it is known (an SQLite file named by a plain sqlite:/// URL;
        # PostgreSQL with psycopg, whose libpq URL is SQLAlchemy's with the plain scheme); anything else (a
        # driver named, ?options) needs the engine now, which also checks the URL and applies its options.
        # The file itself is made by the first write, never by a read.
        self.sqlite_file = self.path is not None and url.startswith("sqlite:///") and "?" not in url
        self.libpq_url = "postgresql://" + url.removeprefix("postgresql+psycopg://") if url.startswith(
            "postgresql+psycopg://") else None
        if not self.sqlite_file:
            driver_logs.driver_cleanup_unsaid()
        if self.sqlite_file:
            self.dialect = Dialect.of("sqlite", sqlite3.paramstyle, db=self.display_url, option=self.option)
        elif self.libpq_url:
            self.dialect = Dialect.of("postgresql", "pyformat", db=self.display_url, option=self.option, binary=True)
        else:  # the generic path: SQLAlchemy's connection, its driver's placeholder (tests/test_store.py)
            self.dialect = Dialect.of(self.engine.dialect.name, self.engine.dialect.dbapi.paramstyle, db=self.display_url,
                                      option=self.option)

    def user(self) -> str | None:
        """Who writes (Dialect.user: the server's role, an SQLite file's login): the reporter a report without --by
        keeps, and whose batch `undo` compares with."""
        if self.dialect.name != "postgresql":
            return self.dialect.user(None)
        with self.reading() as connection:
            return self.dialect.user(connection)

    def names_a_role(self, name: str | None) -> bool:
        """Whether a batch's `user` is a role of this server (PostgreSQL; a file's logins are always taken as named):
        a batch written before mstrack named writes by role names the machine's login (`root`), which no role has,
        and `undo` does not call it another coordinator's (store55)."""
        if self.dialect.name != "postgresql" or name is None:
            return True
        with self.reading() as connection:
            return bool(self.dialect.rows(connection, f"SELECT 1 FROM pg_roles WHERE rolname = {self.dialect.p}", [name]))

    def close(self) -> bool:
        """Close what this store holds open (SQLAlchemy's pooled connections, if its engine was made), and say
        whether it is idle now: False inside a transaction (a write's or one_read's), which is left alone.
        Reads through the driver close their own connection as they end."""
        if self._held is not None or self._read is not None:
            return False
        engine = self.__dict__.get("engine")
        if engine is not None:
            engine.dispose()
        return True

    def wal_beside(self) -> bool:
        """Whether an SQLite store has a -wal holding bytes beside it (writes perhaps not in the file yet)."""
        return self.path is not None and holds_bytes(wal_of(self.path))

    def fold_wal(self) -> Message | None:
        """At a write's end (and db check's): the -wal folded into the file, so that a copy of the file alone holds
        every write (safety48 F-01: with another process holding the store open, the week's `log` stayed in the -wal
        after mstrack ended, and a `cp` of the .db carried the store without it, passing `db check`). Where another
        connection reads a snapshot from before the write, SQLite cannot: what to say then, naming the file and
        `db backup`; None where the file holds everything (or the store is no SQLite file)."""
        if self.path is None or folded_into_file(self.path) is not False:
            return None
        return Message("{file}-wal still holds writes that are not in {file} yet: another process has the store open "
                       "(they go into it when that process closes it); copy the store with `mstrack db backup FILE`, "
                       "not by copying {file} alone, which would lack them", file=file_named(self.path))

    @cached_property
    def engine(self):
        """SQLAlchemy's engine: for the ORM writes (plans, undo, migrations) and any URL that is neither an
        SQLite file nor PostgreSQL with psycopg. Imported on first use only: a status on an SQLite file
        reads through the driver alone and never imports it (measured, the import is a third of a status
        over 20,000 indicators and most of one on the demo data)."""
        from sqlalchemy import create_engine, event
        from sqlalchemy.exc import SQLAlchemyError

        if self.path is not None:
            create_private(self.path, self.option)  # owner-only, before SQLite makes it
        try:
            if self.url.startswith("sqlite"):
                engine = create_engine(self.url)
            else:  # one command, a few queries: no pool of idle connections left on a shared server
                from sqlalchemy.pool import NullPool

                engine = create_engine(self.url, poolclass=NullPool)
        except ImportError as error:
            raise driver_missing(self.display_url, error, self.option) from None
        except (SQLAlchemyError, ValueError) as error:
            raise InputError("{option} {db}: {error}", option=self.option, db=self.display_url, error=scrub(str(error))) from None
        if engine.dialect.name == "sqlite":
            # The driver's own transaction handling off (it would run DDL outside any transaction, so that
            # a killed upgrade left half a schema); SQLAlchemy's begin says BEGIN itself: see _sqlite_begin.
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
        if self.interrupt_logs_unsaid:
            driver_logs.interrupt_logs_unsaid()
        return engine

    @contextmanager
    def locked(self, command: str, *, orm: bool = False, migrating: bool = False):
        """The one write transaction: the write lock first, then the caller's reads, checks and writes,
        committed together or not at all. Taking the lock before reading is what makes a check (is this
        file imported already? is this batch undone already?) stay true until the commit.

        SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-level advisory lock (WRITE_LOCK). A writer
        waits up to busy_timeout() for the lock, then gives up naming the write in progress (see
        write_failures.busy_refusal). Inside, reading() gives this same connection, so the caller's reads see its own writes.
        The connection is the driver's own on an SQLite file and on PostgreSQL with psycopg; SQLAlchemy's
        with orm=True (plan writes, undo, migrations) or any other URL. migrating: foreign keys off
        during the transaction (SQLite rebuilds tables so) and checked before the commit."""
        if self._held is not None:
            if orm and not hasattr(self._held, "exec_driver_sql"):
                raise RuntimeError("an ORM write inside a driver write transaction")
            yield self._held
            return
        self.refuse_unwritable()
        if orm or migrating or not (self.sqlite_file or self.libpq_url):
            opened = self._locked_engine(command, migrating)
        elif self.sqlite_file:
            opened = self._locked_sqlite(command)
        else:
            opened = self._locked_psycopg(command)
        from mstrack.store.interrupts import interrupts_held, let_in  # a write's only: a status never loads it

        held = None
        try:
            with opened as connection:
                if self.dialect.name == "sqlite" and not migrating and not (self.path and checked_since(self.path)):
                    from mstrack.store.checks import refuse_damaged_links  # damage a write would hide, or make for good

                    refuse_damaged_links(connection)  # only where another program may have written (checked_stamp)
                self._held = connection
                try:
                    yield connection
                finally:
                    self._held = None
                held = interrupts_held()  # the commit (leaving `opened`) is all that is left: see there
        except BaseException as error:
            if held is not None:  # the commit failed: stored nothing, a Ctrl-C held meanwhile is raised now
                let_in(held)
                if self.dialect.name == "postgresql" and isinstance(error, Exception):
                    if server_answered(error):
                        mark_commit_failed(error, command)
                    else:
                        mark_commit_unknown(error, command)
            elif isinstance(error, Exception) and not isinstance(error, InputError):
                mark_rolled_back(error)  # a lost server connection or a driver error mid-write: say nothing was kept
            if self.path is not None and disk_full(error):
                full_disk_left(self.path, committing=held is not None)
            raise
        if held is not None and not self.holds_interrupts:
            let_in(held)

    def refuse_unwritable(self) -> None:
        """Before a write opens anything: an SQLite file that cannot be written is refused with the cause
        (sqlite_file.unwritable). SQLite said only "unable to open database file", or "attempt to write a readonly
        database" after making an empty -wal and -shm beside an immutable file."""
        if self.path is None or not self.path.exists():
            return
        if (cause := unwritable(self.path)) is not None:
            raise InputError("{option} {db}: cannot be written: {cause}; nothing was written. `mstrack db backup FILE` "
                             "copies it to where it can be", option=self.option, db=self.display_url, cause=cause)

    @contextmanager
    def _locked_sqlite(self, command: str):
        create_private(self.path, self.option)
        opened = file_identity(self.path)  # before SQLite opens it: a file swapped in meanwhile differs too
        connection = sqlite3.connect(self.path, timeout=busy_timeout(), isolation_level=None)
        try:
            _sqlite_pragmas(connection, None)
            try:
                connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise busy_refusal(error, db=self.display_url, option=self.option, path=self.path) from None
            try:
                still_the_file(self.path, opened, self.option)  # moved while this write waited for the lock
                with self._writer_note(command):  # gone before the commit lets the next writer in
                    yield connection
                    still_the_file(self.path, opened, self.option)
                    version = data_version(connection)
            except BaseException:
                _roll_back(connection)
                raise
            connection.execute("COMMIT")
            stamp_checked(connection, self.path, version, round(busy_timeout() * 1000))
        finally:
            connection.close()

    @contextmanager
    def _locked_psycopg(self, command: str):
        connection = self._connect_psycopg()
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
                raise busy_refusal(error, db=self.display_url, option=self.option, path=self.path) from None
            # the file each connection opened (any spelling of an SQLite URL: urls.sqlite_file)
            opened = connection.connection.info.get("mstrack_file") if self.path is not None else None
            try:
                with transaction, self._writer_note(command):
                    if self.dialect.name == "postgresql":
                        self._pg_lock(driver_connection(connection), command)
                    still_the_file(self.path, opened, self.option)
                    yield connection
                    still_the_file(self.path, opened, self.option)
                    if migrating and self.dialect.name == "sqlite":
                        from mstrack.store.checks import broken_links

                        if broken := broken_links(connection):  # the one rule of what a broken link is
                            raise RuntimeError(f"a migration broke foreign keys: {[str(problem) for problem in broken[:5]]}")
                    version = data_version(driver_connection(connection)) if self.path is not None else None
            finally:
                if migrating and self.dialect.name == "sqlite":  # outside any transaction, as SQLite requires
                    driver_connection(connection).execute("PRAGMA foreign_keys = ON")
            if version is not None:  # committed, on an SQLite file
                stamp_checked(driver_connection(connection), self.path, version, round(busy_timeout() * 1000))

    def _pg_lock(self, connection, command: str) -> None:
        """PostgreSQL: wait for WRITE_LOCK up to busy_timeout(), then say who holds it (pg_locks and the
        holder's application_name, which each write sets to what it is: command, user, pid). An advisory lock is
        per database: the holder is looked for in this one, never another mstrack store's on the same server (two
        stores' writers at once named each other's write: the CI's two PostgreSQL lanes share a server)."""
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
                    " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = %s AND l.objid = %s"
                    " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                    [WRITE_LOCK[0] & 0xFFFFFFFF, WRITE_LOCK[1]])
                found = cursor.fetchall()
                holder = Message("{what} (server process {server})", what=found[0][0] or found[0][1], server=found[0][2]) \
                    if found else None
                raise busy_refusal(error, db=self.display_url, option=self.option, path=self.path, holder=holder) from None
            cursor.execute("RELEASE SAVEPOINT mstrack_lock")
            cursor.execute("SET LOCAL lock_timeout = DEFAULT")
            cursor.execute("SELECT set_config('application_name', %s, true)", [_writer_label(command)[:63]])
            cursor.execute(PG_SETTINGS)
        finally:
            cursor.close()

    @contextmanager
    def _writer_note(self, command: str):
        """SQLite: the note naming this write beside the file (sqlite_file.writer_note)."""
        if self.path is None:
            yield
            return
        with writer_note(self.path, command, login_name()):
            yield

    @contextmanager
    def one_read(self):
        """Every read inside sees one state of the data: they share one connection and its read transaction
        (reading()), as a report read in several steps needs (reports.make.weekly_details: its rows, then the
        charts of the indicators behind). A write committed meanwhile by another process is seen by none."""
        if self._held is not None or self._read is not None:
            yield
            return
        with self.reading() as connection:
            self._read = connection
            try:
                yield
            finally:
                self._read = None

    @contextmanager
    def engine_reading(self):
        """A read transaction on SQLAlchemy's connection, on PostgreSQL REPEATABLE READ with the transaction's
        settings (PG_SETTINGS): reading()'s for a URL neither an SQLite file nor psycopg's, and db copy's snapshot."""
        with self.engine.connect() as connection, connection.begin():
            if self.dialect.name == "postgresql":
                connection.exec_driver_sql(PG_SNAPSHOT)
                connection.exec_driver_sql(PG_SETTINGS)
            yield connection

    @contextmanager
    def reading(self):
        """A connection for plain-SQL reads (Dialect.rows), in one read transaction so that the few queries
        of a status see one state of the data (SQLite's snapshot; PostgreSQL's REPEATABLE READ): the driver's
        own on an SQLite file and on PostgreSQL with psycopg, the engine's for any other URL; inside a write
        transaction (locked), that one; inside one_read(), its own."""
        if self._held is not None or self._read is not None:
            yield self._held if self._held is not None else self._read
            return
        if self.libpq_url:
            yield from self._reading_psycopg()
            return
        if not self.sqlite_file:
            with self.engine_reading() as connection:
                yield connection
            return
        beside = read_leaves_beside(self.path)
        try:
            connection = self._sqlite_reader()
            try:
                yield connection
            except sqlite3.DatabaseError as error:
                raise cannot_open(self.option, self.display_url, reason(error)) from None
            finally:
                connection.close()
        finally:
            remove_left_beside(beside)

    def _sqlite_reader(self):
        """The SQLite file opened for a read, its read transaction begun. mode=rw: a read never makes a file where
        there was none. A file that cannot be written beside (a read-only folder or mount: SQLite cannot make the
        -shm a WAL database needs, even to read) and has no -wal (every write is in the file) is read as it is
        (immutable): status and reports work there, as the read-only message promises."""
        def opened(query: str):
            return read_begun(quote(str(self.path)), query, busy_timeout())

        try:
            return opened("mode=rw")
        except sqlite3.Error as error:
            stuck = getattr(error, "sqlite_errorname", "").startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY"))
            wal = wal_of(self.path)
            if not (stuck and self.path.is_file() and not holds_bytes(wal)):
                raise cannot_open(self.option, self.display_url, opening_reason(self.path, error)) from None
        try:
            return opened("mode=ro&immutable=1")
        except sqlite3.Error as error:
            raise cannot_open(self.option, self.display_url, reason(error)) from None

    def _connect_psycopg(self):
        """psycopg's own connection to the URL, or the message saying why there is none."""
        try:
            import psycopg
        except ImportError as error:
            raise driver_missing(self.display_url, error, self.option) from None
        try:
            return psycopg.connect(self.libpq_url)
        except psycopg.Error as error:
            raise InputError("{option} {db}: cannot open the database: {reason}", option=self.option, db=self.display_url,
                             reason=reason(error)) from None

    def _reading_psycopg(self):
        import psycopg

        connection = self._connect_psycopg()
        try:
            with connection.transaction():
                connection.execute(PG_SNAPSHOT)
                connection.execute(PG_SETTINGS)
                yield connection
        except psycopg.Error as error:
            raise InputError("{option} {db}: {error}", option=self.option, db=self.display_url, error=reason(error)) from None
        finally:
            connection.close()


def _roll_back(connection) -> None:
    """ROLLBACK of a write that failed, where a transaction is still open: SQLite ends it itself on some errors
    (a full disk: "database or disk is full"), and the ROLLBACK's own error ("cannot rollback - no transaction
    is active") then replaced the first one, the one worth saying."""
    if connection.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")


def _sqlite_connect(connection, record) -> None:
    connection.isolation_level = None
    _sqlite_pragmas(connection, record)
    found = [row[2] for row in connection.execute("PRAGMA database_list") if row[1] == "main" and row[2]]
    record.info["mstrack_file"] = file_identity(Path(found[0])) if found else None  # see write_failures.still_the_file


def _sqlite_begin(connection) -> None:
    """SQLAlchemy's BEGIN on SQLite: IMMEDIATE for a write (the lock first, see Store.locked), deferred for
    a read; a migration's with foreign keys off (set outside any transaction, as SQLite requires)."""
    options = connection.get_execution_options()
    if options.get("mstrack_foreign_keys_off"):
        connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
    connection.exec_driver_sql("BEGIN IMMEDIATE" if options.get("mstrack_write") else "BEGIN")


def _writer_label(command: str) -> str:
    return f"mstrack {command} by {login_name() or '?'}, process {os.getpid()}"


def confirm_before_commit(confirm, result) -> None:
    """The last step of a write before its commit: the caller's confirmation, given what was written. The
    CLI prints and flushes it there, so that an output that fails (a full disk, a closed pipe) rolls the
    write back: a command that fails has stored nothing, and running it again is safe."""
    if confirm is not None:
        confirm(result)


def _sqlite_pragmas(connection, _record) -> None:
    """WAL lets readers go on while one coordinator writes; writers wait up to the busy timeout
    (MSTRACK_BUSY_TIMEOUT, 30 s by default), never fail at once. The switch to WAL rewrites the file's header, so it
    is made only where the file is mstrack's or holds no table yet (sqlite_file.another_programs_tables_of): another program's database
    stayed switched (its header changed) though mstrack then refused it as another program's, "nothing was written"."""
    cursor = connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {round(busy_timeout() * 1000)}")
    cursor.execute("PRAGMA foreign_keys = ON")
    # read only, and only where the file is not in WAL mode yet (every mstrack database is): mstrack's or new
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal" and not another_programs_tables_of(cursor):
        cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()
