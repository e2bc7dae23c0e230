"""The database's schema: its version, created and upgraded by the migrations (one transaction each; a new database's
all in one), required by every command that opens a database, and checked (db check). Backup and restore:
store/backups; copy: store/copying."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import UTC, datetime

from mstrack.errors import InputError, Message, NoDataYet
from mstrack.filesystem import DATABASE_COMPANIONS, beside
from mstrack.store.connections import confirm_before_commit
from mstrack.store.dialect import driver_connection
from mstrack.store.migrations import SCHEMA_VERSION
from mstrack.store.sqlite_file import another_programs_tables_of, holds_bytes
from mstrack.store.urls import reason
from mstrack.vocabulary import NO_DATA_HERE_YET


class Maintenance:
    """The schema methods of Store: its version, init and upgrade, require_schema, check."""

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity check, a schema out of date, and store/checks' (foreign keys, types,
        batch counts, the plan held twice): each naming its table and row."""
        if self.path is not None and not self.path.exists():
            raise InputError(NO_DATA_HERE_YET, option=self.option, db=self.display_url)
        problems = []
        version = self.schema_version()
        self._refuse_another_programs()  # a schema_version table alone is not mstrack's: never "ok"
        if version != SCHEMA_VERSION:
            problems.append(Message("schema version {version}, this mstrack needs {needed} (run `mstrack db upgrade`)",
                                    version=version, needed=SCHEMA_VERSION))
        if self.dialect.name == "sqlite":  # a read's connection: read-only storage is checked too
            with self.reading() as connection:
                for (line,) in driver_connection(connection).execute("PRAGMA integrity_check"):
                    if line != "ok":
                        problems.append(Message("integrity: {problem}", problem=line))
        if not problems:  # this version's schema, its pages whole: what its rows say is checked
            from mstrack.store.checks import damage

            problems += damage(self)  # foreign keys, types, batch counts, the plan held twice (store/checks)
        return problems

    def remake_plan_copy(self) -> list[Message]:
        """Each indicator's plan_rows that differs from what its rows make, made anew from them (`db check --repair`),
        in one write; what differed, as `db check` says it (the first day each differs on), for the command to say:
        what plan_rows held that the rows lack is given up, and said so, not only counted."""
        from mstrack.store.checks import plans_apart
        from mstrack.store.states import write_plan_rows

        with self.locked("db check --repair") as connection:
            apart = plans_apart(self, connection)
            if apart:
                write_plan_rows(self.dialect, connection)
        return apart

    # --- schema ---------------------------------------------------------------------------

    def schema_version(self, names: list | None = None) -> int:
        """The version schema_version says (0: none, or no file); at this mstrack's version the database's table
        and view names are added to `names` when given, read in the same connection (require_schema)."""
        if self.path is not None and not self.path.exists():
            return 0
        if self.sqlite_file or self.libpq_url or self._held is not None:
            with self.reading() as connection:
                return self._version(connection, names)
        from sqlalchemy.exc import SQLAlchemyError

        try:
            with self.engine.connect() as connection:
                if not self.engine.dialect.has_table(connection, "schema_version"):
                    return 0
                version = connection.exec_driver_sql("SELECT max(version) FROM schema_version").scalar() or 0
                self._table_names(connection, version, names)
                return version
        except SQLAlchemyError as error:
            from mstrack.store.checks import cannot_open

            raise cannot_open(self.option, self.display_url, reason(error)) from None

    def _version(self, connection, names: list | None = None) -> int:
        """The version schema_version says, 0 without one: on SQLite what db restore reads of a backup too."""
        from mstrack.store.sqlite_file import schema_version_of

        if self.dialect.name == "sqlite":
            version = schema_version_of(driver_connection(connection)) or 0
        elif not self._rows(connection, "SELECT 1 WHERE to_regclass('schema_version') IS NOT NULL"):
            version = 0
        else:
            version = self._rows(connection, "SELECT max(version) FROM schema_version")[0][0] or 0
        self._table_names(connection, version, names)
        return version

    def _table_names(self, connection, version: int, names: list | None) -> None:
        """The tables and views of a database saying this mstrack's version, added to `names` (when given)."""
        if names is None or version != SCHEMA_VERSION:
            return
        sql = ("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')" if self.dialect.name == "sqlite"
               else "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
        names.extend(name for (name,) in self._rows(connection, sql))

    def _refuse_another_programs(self) -> None:
        """A database with no mstrack schema but tables of its own is another program's: a read says so rather
        than "run mstrack init", which refuses it (migrations.refuse_another_programs_tables, the one test)."""
        from mstrack.store.migrations import refuse_another_programs_tables

        if self.path is not None and not holds_bytes(self.path):
            return  # nothing there: connecting would create the file a read must not
        if self.dialect.name == "sqlite":  # a read's look first (read-only storage too); the engine's only to say so
            with self.reading() as connection:
                if not another_programs_tables_of(driver_connection(connection)):
                    return
        with self.engine.connect() as connection:
            refuse_another_programs_tables(connection, self.option)

    def init(self, upto: int | None = None, confirm=None, made: list | None = None,
             command: str | None = None) -> tuple[int, int]:
        """Create or upgrade the schema: the migrations not yet applied, each in a transaction of its own
        with its row in schema_version, so that a killed upgrade leaves the database at the version before
        and the next run goes on from there. A new database is built by the same migrations, from the first
        (migrations.py), all in one transaction: a set-up cut short leaves no schema at all. Returns (version before,
        as found under the write lock, and version after); upto stops early (tests);
        `confirm` gets them before the first migration's commit (see _confirm). The tables of its version a database
        lacks (an early mstrack's version 2 had no report_snapshot) are made first, in the same transaction, and
        added to `made` (when given): at this mstrack's version too, in a transaction of their own. A role that may not
        make or alter tables (a server's writer) is told to run `command` (`init`, `db upgrade`) as the database's
        owner, its database named as what named the store (self.option: _not_the_owner)."""
        import sqlalchemy as sa

        from mstrack.store.migrations import MIGRATIONS, make_missing_tables, missing_tables, refuse_another_programs_tables

        made = [] if made is None else made

        before = self.schema_version()
        # "up to date" said of another program's schema_version table was not true; and whose it is comes before
        # whether it can be written (a read-only look: the write lock's connection is never opened on it)
        self._refuse_another_programs()
        if before > SCHEMA_VERSION:
            raise InputError("{option} {db}: schema version {version} is newer than this mstrack ({known}); upgrade mstrack",
                             option=self.option, db=self.display_url, version=before, known=SCHEMA_VERSION)
        stamp = sa.table("schema_version", sa.column("version", sa.Integer), sa.column("applied_at", sa.DateTime)).insert()
        target = SCHEMA_VERSION if upto is None else upto
        version, found = before, None
        while version < target:
            with self.locked("db upgrade", migrating=True) as connection:
                version = self._version(connection)  # another process may have gone on meanwhile
                found = version if found is None else found  # what this run found under the lock: 0 if it made the store
                if version >= target:
                    break
                if version:  # the first migration refuses another program's tables itself
                    refuse_another_programs_tables(connection, self.option)
                role = self.dialect.user(connection)  # asked before: a refused statement ends a server's transaction
                started = version
                # a new store: every migration in this one transaction (a set-up cut short leaves nothing; one commit,
                # not one a migration); a store holding data: one migration a transaction, each kept once committed
                stop = target if not version else version + 1
                with self._not_the_owner(role, command or ("init" if not version else "db upgrade")):
                    if version:
                        made += make_missing_tables(connection, version)
                    while version < stop:
                        MIGRATIONS[version](connection)
                        version += 1
                        connection.execute(stamp.values(version=version, applied_at=datetime.now(UTC)))
                confirm_before_commit(confirm if started == before else None, (before, target))
        names = []
        if upto is None and self.schema_version(names) == SCHEMA_VERSION and missing_tables(names, SCHEMA_VERSION):
            with self.locked("db upgrade", migrating=True) as connection:
                refuse_another_programs_tables(connection, self.option)
                made += make_missing_tables(connection, SCHEMA_VERSION)
        before = before if found is None else found  # another run that built the schema meanwhile made the store
        return before, max(before, version)

    @contextmanager
    def _not_the_owner(self, role: str | None, command: str):
        """A server's refusal to make or alter the store's tables (insufficient_privilege: no CREATE on the schema, not
        the owner of a table), said as what to do: the role writes into tables the owner makes (docs/deployment.md §2);
        the driver's words alone said "this user may only read here", and that status and report work, in a database
        with no tables to read (store57)."""
        try:
            yield
        except Exception as error:
            if getattr(getattr(error, "orig", error), "sqlstate", None) != "42501":
                raise
            raise InputError("{option} {db}: this role ({role}) may not make or change mstrack's tables in this database "
                             "({reason}); nothing was written; run `mstrack {command}` as the database's owner, the role "
                             "that makes and upgrades the tables writers then write into (docs/deployment.md: the owner "
                             "role)", option=self.option, db=self.display_url, role=role or "?", command=command,
                             reason=str(getattr(error, "orig", error)).splitlines()[0]) from None

    def unmake(self) -> bool:
        """The store this run made (require_schema built it) removed again when nothing was written to it: a first
        `import plan` refused leaves no empty store, so that the next command says "no mstrack data here yet" of a
        mistyped --db again (review49 R5). An SQLite file goes with its -wal and -shm; on a server mstrack's tables
        are dropped. A store holding a programme or a batch (another run wrote meanwhile) is kept. Says whether it went."""
        import sqlalchemy as sa

        with self.locked("import plan", orm=True) as connection:
            if any(connection.execute(sa.text(f"SELECT 1 FROM {table} LIMIT 1")).first() for table in ("programme", "batch")):
                return False
            if self.path is None:
                tables = sa.MetaData()
                tables.reflect(bind=connection)
                tables.drop_all(bind=connection)
                return True
        self.close()
        # the file itself, where a symlink points (the link is the user's, left as it was, naming nothing again)
        for end in DATABASE_COMPANIONS:
            beside(self.path, end).unlink(missing_ok=True)
        return True

    def _refuse_missing_tables(self, names: list) -> None:
        """mstrack's database of this version lacking a table of its version (dropped by hand): refused before the first
        query fails on it, with the command that makes it (Maintenance.init); the other tables are mstrack's (trial55 F8:
        such a database is never called another program's)."""
        from mstrack.store.migrations import missing_tables

        if missing := missing_tables(names, SCHEMA_VERSION):
            raise InputError("{option} {db}: mstrack's {n:table|tables} {tables} {n:is|are} missing; run `mstrack db upgrade`, "
                             "which makes {n:it|them} (back the database up first)",
                             option=self.option, db=self.display_url, n=len(missing),
                             tables=", ".join(missing))

    def holds_no_store(self) -> bool:
        """No mstrack data here yet (no file, an empty one, a server database not `init`ed), nothing made by asking;
        another program's database is refused, naming its tables (as require_schema does): where `import plan
        --dry-run` shows what a first import would do in a throw-away store (cli.process.dry_run_store)."""
        if self.schema_version() != 0:
            return False
        self._refuse_another_programs()
        return True

    def require_schema(self, write: bool, creates: bool = False) -> bool:
        """A store with no mstrack data (no file, an empty one, a server database not `init`ed) is refused, naming it,
        and nothing is made there; only a write that `creates` a store (demo, import plan) builds the schema first
        (safe48c: a `log` to a mistyped --db made a whole empty store there, then refused "no programme …", naming
        none, and reads took that file for a store from then on). Every command that opens a database comes here
        (cli.process.open_store): one saying this version without mstrack's tables (migrations.another_programs_tables,
        the one rule) is refused as another program's. Says whether it built the schema
        (a store made: the command says so, cli.process.open_store)."""
        from mstrack.store.migrations import another_programs_tables

        names = []
        version = self.schema_version(names)
        if version == SCHEMA_VERSION:
            if another_programs_tables(names, version):  # its schema_version table is another program's: no
                self._refuse_another_programs()  # "no such table: programme" at the first query (said whose it is)
            self._refuse_missing_tables(names)
            return False
        if version == 0 and write and creates:
            return self.init()[0] == 0
        self._refuse_another_programs()  # a schema_version table alone is not mstrack's (said whose it is)
        if version == 0 and write:
            raise NoDataYet("{option} {db}: no mstrack data here yet; nothing was written and no store was made (check "
                             "--db and MSTRACK_DB name the store you meant; `mstrack import plan FILE.toml` or `mstrack "
                             "init` makes one)", option=self.option, db=self.display_url)
        if version == 0:
            raise NoDataYet(NO_DATA_HERE_YET, option=self.option, db=self.display_url)
        if version > SCHEMA_VERSION:
            raise InputError("{option} {db}: schema version {version} is newer than this mstrack ({known}); upgrade mstrack",
                             option=self.option, db=self.display_url, version=version, known=SCHEMA_VERSION)
        from mstrack.errors import OldSchema

        raise OldSchema(
            "{option} {db}: schema version {version}, this mstrack needs {needed}; "
            "run `mstrack db upgrade` (back it up first with `mstrack db backup FILE`)",
            option=self.option, db=self.display_url, version=version, needed=SCHEMA_VERSION,
        )
