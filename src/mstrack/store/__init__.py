"""The store: owns the schema, its version, and every query mstrack makes (the only place with SQL).

Callers get plain data back (plan.Programme, IndicatorState, TaskDetail); no ORM object leaves the
store, so the engine and the renderers never touch the database. Store is put together from one
module per subject:

    urls.py         which database, its URL shown without a password, scrub()
    dialect.py      what differs between backends: placeholders, binding, ids, values coming back
    connections.py  the one write transaction (locked), read transactions (reading), the SQLite file's settings
    write_failures.py  what a write that cannot go on is told: the busy timeout, the lock held, a full disk
    driver_logs.py  what the drivers log of a connection's error or a Ctrl-C, kept off stderr
    states.py       indicator states: the six queries behind status, show, log and reports
    reads.py        tasks whole (TaskDetail, built in one place), their states, programmes and units by name
    history_reads.py  a task's history, batches, the reports after a day, frozen reports
    import_reads.py what import progress and log compare their values with (ImportReads: Store's methods over it)
    batches.py      the one write path of batches and reports (insert_batch, insert_reports), every backend
    writes.py       add_reports, undo, freeze
    plans.py        load_plan and save_plans; plan_writer.py applies a plan (SQLAlchemy Core)
                    (plan_held.py: what the store holds of the programme; plan_match.py: its lines met with
                    the stored ones; plan_reports.py: the reports that stand on them)
    maintenance.py  the schema: init and upgrade (migrations.py), require_schema, check
    backups.py      db backup and db restore (SQLite's backup API)
    copying.py      db copy into an empty store of any kind (copy_into)
    written.py      the record of files -o wrote (its own SQLite file in the user's data directory, not the store)
    schema.py       the table classes (SQLModel), for the ORM paths and the schema test
"""

from __future__ import annotations

from mstrack.store.backups import Backups
from mstrack.store.batches import PLAN_SOURCE
from mstrack.store.connections import Connections, login_name
from mstrack.store.copying import Copying
from mstrack.store.dialect import number
from mstrack.store.history_reads import BatchInfo, HistoryEntry, HistoryReads
from mstrack.store.import_reads import ImportReads
from mstrack.store.maintenance import Maintenance
from mstrack.store.migrations import SCHEMA_VERSION
from mstrack.store.plans import Plans
from mstrack.store.reads import Reads, TaskDetail, TaskRef, parse_ref
from mstrack.store.urls import SECRETS, default_db_url, resolve_db_url, scrub
from mstrack.store.write_failures import busy_timeout
from mstrack.store.writes import Writes

__all__ = [
    "PLAN_SOURCE", "SCHEMA_VERSION", "SECRETS", "BatchInfo", "HistoryEntry", "Store", "TaskDetail",
    "TaskRef", "busy_timeout", "default_db_url", "login_name", "number", "parse_ref", "resolve_db_url", "scrub",
]


class Store(Connections, Reads, HistoryReads, ImportReads, Writes, Plans, Maintenance, Backups, Copying):
    """One database, by its URL: every read and write mstrack makes."""
