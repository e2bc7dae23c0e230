"""db copy: every row of a store into an empty one of any kind (SQLite <-> PostgreSQL), read in one snapshot
and written in one transaction (Store builds on Copying; store/verify checks the copy)."""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING

from mstrack.errors import InputError
from mstrack.store.migrations import SCHEMA_VERSION

if TYPE_CHECKING:
    from mstrack.store import Store


class Copying:
    """The copy methods of Store."""

    @contextmanager
    def copy_snapshot(self):
        """One read transaction on SQLAlchemy's connection (its typed rows are what a copy into another kind of
        database needs), which every read of this store inside then uses too (reading()): a copy and its
        checks see one state of the data however others write meanwhile (SQLite's snapshot; PostgreSQL's
        REPEATABLE READ, without which each table was read at a later moment and the copy's foreign keys
        could break)."""
        with self.engine_reading() as connection:
            self._read = connection
            try:
                yield connection
            finally:
                self._read = None

    def copy_into(self, target: Store, verify) -> dict[str, int]:
        """Every row of every table into an empty store of any kind (SQLite ↔ PostgreSQL), ids kept: read in
        one snapshot (copy_snapshot()), written in one transaction on the target, its schema made there too, so that
        a failure or Ctrl-C before the commit leaves the target as it was. `verify(counts)` runs before the
        commit, inside both (its reads see the source's snapshot and the target's rows as written); returns
        the row count of each table as copied."""
        if self.schema_version() != SCHEMA_VERSION:
            raise InputError("{option} {db}: upgrade it first (`mstrack db upgrade`)", option=self.option, db=self.display_url)
        with self.copy_snapshot() as source, target.locked("db copy", orm=True) as destination:
            if self.dialect.name == "sqlite":  # a copy of a damaged store fails half-way or carries the damage on
                from mstrack.store.checks import refuse_damaged_links

                refuse_damaged_links(source)
            version = target.schema_version()
            if version not in (0, SCHEMA_VERSION):
                raise InputError("--to {db}: schema version {version}; copy into an empty database", db=target.display_url,
                                 version=version)
            target.init(command="db copy")  # inside this transaction: each migration's own is this one
            if any(target.row_counts().values()):
                raise InputError("--to {db}: not empty; copy into an empty database", db=target.display_url)
            if destination.dialect.name == "postgresql":  # the writer role: refused before any row, naming the owner
                from mstrack.store.batches import refuse_unmovable_sequences

                refuse_unmovable_sequences(target.dialect, destination, target.display_url)
            counts = self.copy_rows(source, destination)
            if destination.dialect.name == "postgresql":  # ids were given: each sequence past them, by a write's rule
                from mstrack.store.batches import mend_sequences

                mend_sequences(target.dialect, destination)
            _copy_applied_at(source, destination)
            _carry_batch_numbers(self.dialect.name, source, destination)
            verify(counts)
        return counts

    def copy_rows(self, source, destination) -> dict[str, int]:
        """Each data table's rows from one SQLAlchemy connection into another, parents first, in chunks."""
        from sqlmodel import select

        from mstrack.store.schema import TABLES

        tables = _data_tables(TABLES)
        counts = {}
        for table in tables:
            counts[table.name] = 0
            result = source.execution_options(stream_results=True).execute(select(table).order_by(*table.primary_key.columns))
            while chunk := result.mappings().fetchmany(5000):
                destination.execute(table.insert(), [dict(row) for row in chunk])
                counts[table.name] += len(chunk)
        return counts

    def row_counts(self) -> dict[str, int]:
        """Rows per data table, read as every read is (inside a write or a snapshot: its own view)."""
        from mstrack.store.schema import TABLES

        with self.reading() as connection:
            return {table.name: self._rows(connection, f"SELECT count(*) FROM {table.name}")[0][0]
                    for table in _data_tables(TABLES)}


def _data_tables(tables) -> list:
    """The tables that hold data, parents before children: all but schema_version."""
    from sqlmodel import SQLModel

    names = {table.__tablename__ for table in tables} - {"schema_version"}
    return [table for table in SQLModel.metadata.sorted_tables if table.name in names]


def _copy_applied_at(source, destination) -> None:
    """schema_version's applied-at times as the source has them (safe39b): the target's init stamped each
    migration with the time of the copy, and a copy there and back lost when the database was made and upgraded."""
    import sqlalchemy as sa

    from mstrack.store.schema import SchemaVersion

    table = SchemaVersion.__table__
    rows = [{"row_version": version, "row_applied_at": applied}
            for version, applied in source.execute(sa.select(table.c.version, table.c.applied_at))]
    if rows:
        destination.execute(table.update().where(table.c.version == sa.bindparam("row_version"))
                            .values(applied_at=sa.bindparam("row_applied_at")), rows)


def _carry_batch_numbers(kind: str, source, destination) -> None:
    """The copy gives its next batch a number past every one the source gave (store50), not only past the highest row
    it copies: a number given to a batch since deleted at the top (by hand; on PostgreSQL, a write rolled back) is
    not given again, on either backend (SQLite's sqlite_sequence, PostgreSQL's serial)."""
    from mstrack.store.batches import PG_BATCH_SEQUENCE, batch_high_water
    from mstrack.store.dialect import driver_connection

    if kind == "sqlite":
        given = batch_high_water(driver_connection(source)) or 0
    else:
        given = source.exec_driver_sql(f"SELECT GREATEST(COALESCE(max(id), 0), COALESCE(pg_sequence_last_value({PG_BATCH_SEQUENCE}),"
                                       " 0)) FROM batch").scalar()
    if not given:
        return
    if destination.dialect.name == "postgresql":
        destination.exec_driver_sql(f"SELECT setval({PG_BATCH_SEQUENCE}, GREATEST({int(given)}, COALESCE((SELECT max(id) FROM "
                                    "batch), 0)))")
    elif destination.dialect.name == "sqlite" and not destination.exec_driver_sql(  # AUTOINCREMENT: its row, once a batch is in
            f"UPDATE sqlite_sequence SET seq = max(seq, {int(given)}) WHERE name = 'batch'").rowcount:
        destination.exec_driver_sql(f"INSERT INTO sqlite_sequence (name, seq) VALUES ('batch', {int(given)})")
