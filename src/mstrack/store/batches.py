"""The one write path of a batch and of its reports, used by every backend and every command (log,
import progress, plan imports, undo): SQL written once, the backends' differences left to Dialect."""

from __future__ import annotations

from datetime import UTC, date, datetime
from itertools import repeat
from operator import add
from typing import NamedTuple

from mstrack.domain.dates import minute_text
from mstrack.errors import InputError, Message
from mstrack.store.dialect import Dialect, RowStream, moment
from mstrack.store.import_reads import last_report_id

PLAN_SOURCE = "plan"
"""The source of a plan's own reports (its 进展 as printed)."""

REPORT_COLUMNS = ("indicator_id", "as_of", "value", "note", "reporter", "source", "reporting_unit", "entered_at", "batch_id",
                  "reason")
"""In the order of a report as the callers give it, then what the batch adds: each row is the caller's tuple and
one shared tail, joined in C (_report_rows)."""


CLOCK_BEHIND: list[Message] = []
"""The warnings of writes made while this computer's clock was behind the latest batch's time (batch_moment), for the
command line to say once the command is done (cli/process.open_store); taken by clock_warnings."""


class NewBatch(NamedTuple):
    """A batch row just written: its id, and the time it was stored with (batch_moment), bound for the driver as its
    reports' entered_at (Dialect.bound): handed on, never read back from the row."""

    id: int
    at: object


RESTORE_COMMAND = "db restore"
"""The command of the batch `db restore` records where the database had given batch numbers the backup lacks
(Backups.restore): the number above them all, which no later write is given again; never undone."""


PG_BATCH_SEQUENCE = "pg_get_serial_sequence('batch', 'id')::regclass"

SERIAL_TABLES = ("programme", "area", "task", "task_line", "unit", "checkpoint", "indicator", "milestone", "report",
                 "batch", "report_snapshot")
"""The tables whose id the database gives (schema.Keyed's: a serial sequence each on PostgreSQL), named here so that
a write never imports the schema's classes (SQLAlchemy) to mend them (tests/test_store51.py holds the two equal)."""

PG_SEQUENCES_BEHIND = (
    "SELECT name, top FROM (VALUES "
    + ", ".join(f"('{name}', (SELECT max(id) FROM {name}))" for name in SERIAL_TABLES)
    + ") AS serial (name, top) WHERE top > COALESCE(pg_sequence_last_value(pg_get_serial_sequence(name, 'id')::regclass), 0)")
"""PostgreSQL: the tables whose serial is behind their highest id, with that id. One statement, an index read of each
highest id: well under a millisecond a write."""


def mend_sequences(dialect: Dialect, connection) -> None:
    """PostgreSQL, before the first batch a store numbers (its first write's first row), and in `db copy` after its
    rows: each serial moved past its table's highest id where it is behind it (a server restored with its own tools
    from a dump whose sequences lagged their rows, rows copied in by hand or by `db copy` with their ids), which gave
    a number of a row there: a duplicate key, the write refused in the server's words ("duplicate key value violates
    unique constraint programme_pkey"; store50 mended the batch's alone), or a batch number given before. A role that
    may not move them (docs/deployment.md's writer: USAGE and SELECT on sequences, not UPDATE) is told which, and
    the owner's statement that does. Once a store (Dialect.mended): a dump is restored before a store opens, not
    between two of its writes, and the read cost each write an index read of every serial table's highest id."""
    behind = dialect.rows(connection, PG_SEQUENCES_BEHIND)
    if not behind:
        return
    mended = ", ".join(f"setval(pg_get_serial_sequence('{name}', 'id')::regclass, {int(top)})" for name, top in behind)
    try:
        dialect.rows(connection, f"SELECT {mended}")
    except Exception as error:
        if getattr(getattr(error, "orig", None) or error, "sqlstate", None) != "42501":  # insufficient_privilege
            raise
        raise InputError("database: the numbering of {tables} is behind {n:its|their} rows (a database restored from a "
                         "dump whose sequences lagged, or rows copied in by hand): the next row would take a number "
                         "used already, and this role may not move {n:it|them}; nothing was written; as the database's "
                         "owner, run once: psql -c \"SELECT {mended}\", then run this command again",
                         tables=", ".join(name for name, _ in behind), n=len(behind), mended=mended) from None


def refuse_unmovable_sequences(dialect: Dialect, connection, target: str) -> None:
    """PostgreSQL, `db copy --to` before its rows go in: the copy gives them their ids and then moves each serial
    past them (mend_sequences, _carry_batch_numbers), which takes UPDATE on the sequences; a role without it
    (docs/deployment.md's writer) is refused before any row is copied, told to copy as the owner: mend_sequences'
    own words speak of a dump restored, which a copy is not (store55)."""
    denied = [name for (name,) in dialect.rows(connection, "SELECT name FROM (VALUES " + ", ".join(
        f"('{name}')" for name in SERIAL_TABLES) + ") AS serial (name) WHERE NOT has_sequence_privilege("
        "pg_get_serial_sequence(name, 'id'), 'UPDATE')")]
    if denied:
        raise InputError("--to {db}: this role ({role}) may not set the numbering of the tables it copies into (UPDATE "
                         "on their sequences: {tables}), which a copy moves past the ids it keeps; nothing was copied; "
                         "run db copy as the database's owner (docs/deployment.md: the owner role)", db=target,
                         role=dialect.user(connection) or "?", tables=", ".join(denied))


def insert_batch(dialect: Dialect, connection, *, command: str, source: str | None = None, reason: str | None = None,
                 undoes: int | None = None, programme: str | None = None, plan_before: str | None = None,
                 number: int | None = None, with_terminal: bool = True) -> NewBatch:
    """The batch row every write starts with (who, when, what), in the write's transaction: its id, and its time
    (batch_moment's) as its reports' entered_at are to be stored. `number`: the id it is given (a restore's, above
    every number the database gave), else the database's next. `with_terminal` False: a store of before migration 14
    (a restore's batch recorded in an older backup, upgraded after), whose batch table has no terminal column."""
    at = batch_moment(dialect, connection)
    if dialect.name == "postgresql" and number is None and "sequences" not in dialect.mended:
        mend_sequences(dialect, connection)  # a server restored with its own tools: see there
        dialect.mended.add("sequences")  # once a store: a setval is kept though the write rolls back
    batch = dialect.insert(connection, "batch", {
        **({} if number is None else {"id": number}), "created_at": at, "user": dialect.user(connection),
        "command": command, "source": source, "reason": reason, "undoes": undoes, "programme": programme,
        "plan_before": plan_before, **({"terminal": terminal()} if with_terminal else {})})
    return NewBatch(batch, dialect.bound(at))


def terminal() -> str:
    """The terminal this run writes from, as a batch keeps it (migration 14): its login session (the session id every
    command typed in one terminal, or run by one script, shares) on this machine, as a short digest (no host name
    stored). Two terminals on one login (root, on an SQLite file) are told apart by it: a bare `undo` names a batch
    another terminal wrote in the last minutes rather than take it back (trial55 F12). Where there are no sessions
    (Windows) the parent process stands for it."""
    import hashlib
    import os
    import socket

    session = os.getsid(0) if hasattr(os, "getsid") else os.getppid()
    return hashlib.sha256(f"{socket.gethostname()}/{session}".encode()).hexdigest()[:16]


def batch_high_water(connection) -> int | None:
    """The highest batch number an SQLite database (sqlite3's connection, any schema version) holds or gave
    (sqlite_sequence, migration 13: a number given to a row since deleted), None without a batch table."""
    names = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "batch" not in names:
        return None
    numbers = [connection.execute("SELECT max(id) FROM batch").fetchone()[0]]
    if "sqlite_sequence" in names:
        numbers += [seq for (seq,) in connection.execute("SELECT seq FROM sqlite_sequence WHERE name = 'batch'")]
    return max((int(number) for number in numbers if number is not None), default=0)


def restored_over(dialect: Dialect, connection, number: int) -> tuple | None:
    """The `db restore` whose backup did not have batch `number` (one made after that backup, gone with it), as
    batch_words takes it: the first restore batch above `number` with no batch between them. None: no such."""
    p = dialect.p
    rows = dialect.rows(connection, 'SELECT b.id, b.created_at, b."user", b.command, b.source FROM batch AS b'
                                    f" WHERE b.command = {p} AND b.id > {p} AND NOT EXISTS (SELECT 1 FROM batch AS o"
                                    f" WHERE o.id > {p} AND o.id < b.id) ORDER BY b.id LIMIT 1",
                        [RESTORE_COMMAND, number, number])
    return tuple(rows[0]) if rows else None


def _aware(value) -> datetime:
    found = moment(value)
    return found if found.tzinfo else found.replace(tzinfo=UTC)


def batch_moment(dialect: Dialect, connection) -> datetime:
    """The time a new batch is stored with: now, or the latest batch's time when this computer's clock is behind it
    (set back; or another computer's, on a shared store, ahead), with a warning naming both (CLOCK_BEHIND). Stored
    times never go backwards, so that every reading by time (`report weekly`'s "new reports" window, `history`) agrees
    with the order the batches were written in: an office's record keeps its order, and the warning says the clock's
    own time, which one of the two clocks had wrong no program can tell."""
    now = datetime.now(UTC)
    rows = dialect.rows(connection, "SELECT created_at FROM batch ORDER BY id DESC LIMIT 1")
    latest = _aware(rows[0][0]) if rows and rows[0][0] is not None else None
    if latest is None or latest <= now:
        return now
    CLOCK_BEHIND.append(Message(
        "this computer's clock ({now}) is behind the latest batch's ({latest}): a clock set back, or another "
        "computer's ahead; this write is stored as of {latest}, so that entered times never go backwards. Check the "
        "clocks", now=minute_text(now.astimezone()), latest=minute_text(latest.astimezone())))
    return latest


def clock_warnings() -> list[Message]:
    """The warnings of CLOCK_BEHIND, taken (each said once)."""
    taken = list(CLOCK_BEHIND)
    CLOCK_BEHIND.clear()
    return taken


def batch_words(batch: int, created_at, user: str | None, command: str, source: str | None = None) -> Message:
    """A batch as a message names it, so that whoever undoes it sees whose write it was and what:
    "batch 12 (log by other, 2023-12-02 10:31, a.csv)"."""
    when = minute_text(moment(created_at))
    if source:
        return Message("batch {batch} ({command} by {user}, {when}, {source})", batch=batch, command=command,
                       user=user or "?", when=when, source=source)
    return Message("batch {batch} ({command} by {user}, {when})", batch=batch, command=command, user=user or "?", when=when)


def note_deleted_undone(dialect: Dialect, connection, batch: int, deleted: dict[int, int]) -> None:
    """For each undo batch whose retracted reports a plan's write `batch` deleted ({undo: how many};
    PlanWriter._delete), a row of undone_deleted: the one record of them, which an undo of that undo reads
    (deleted_undone). The batch's reason stays as the user gave it."""
    p = dialect.p
    dialect.execute_many(connection, f"INSERT INTO undone_deleted (batch_id, undo_batch_id, reports) VALUES ({p}, {p}, {p})",
                         [(batch, undo, n) for undo, n in sorted(deleted.items())])


def deleted_undone(dialect: Dialect, connection, undo: int) -> list[tuple[int, tuple]]:
    """(how many, the batch's row as batch_words takes it) of each later batch that deleted reports `undo` retracted."""
    rows = dialect.rows(connection, 'SELECT d.reports, b.id, b.created_at, b."user", b.command, b.source FROM undone_deleted AS d'
                                    f" JOIN batch AS b ON b.id = d.batch_id WHERE d.undo_batch_id = {dialect.p} ORDER BY b.id",
                        [undo])
    return [(int(row[0]), tuple(row[1:])) for row in rows]


def undone_deleted_by(dialect: Dialect, connection, batch: int) -> int:
    """How many undone reports a plan's write `batch` deleted, as its rows of undone_deleted say (note_deleted_undone):
    what its summary says, read in its own transaction, so that it and `batches` say one number from one record."""
    rows = dialect.rows(connection, f"SELECT sum(reports) FROM undone_deleted WHERE batch_id = {dialect.p}", [batch])
    return int(rows[0][0] or 0)


def keep_restated(dialect: Dialect, connection, undo: int, target: int) -> list[tuple[int, int]]:
    """After `undo` retracted the reports of batch `target`: those a later import still standing re-stated (its rows
    already there, report_restated) are written again as that import's reports, as it gave them (its note, reporter,
    file; its time and reason), where nothing else stands for their indicator and day: the return the office keeps
    still gives them, and an undo of that import takes them with it (safety47 F5). Of several imports that re-stated
    one, the latest's. (batch, how many) of each such import."""
    from mstrack.store.states import standing

    p = dialect.p
    alive = "NOT EXISTS (SELECT 1 FROM batch AS u WHERE u.undoes = {b})"
    restated = (f" FROM report_restated AS s JOIN report AS x ON x.indicator_id = s.indicator_id AND x.as_of = s.as_of"
                f" JOIN report_retraction AS t ON t.report_id = x.id AND t.batch_id = {p}"
                f" WHERE s.batch_id > {p} AND x.batch_id = {p} AND {alive.format(b='s.batch_id')}"
                " AND NOT EXISTS (SELECT 1 FROM report_restated AS l WHERE l.indicator_id = s.indicator_id"
                f" AND l.as_of = s.as_of AND l.batch_id > s.batch_id AND {alive.format(b='l.batch_id')})"
                " AND NOT EXISTS (SELECT 1 FROM report AS n WHERE n.indicator_id = s.indicator_id AND n.as_of = s.as_of"
                f" AND {standing('n')})")
    kept = []
    for (batch,) in dialect.rows(connection, f"SELECT DISTINCT s.batch_id{restated} ORDER BY s.batch_id", [undo, target, target]):
        with ReportRange(dialect, connection, batch) as written:  # its range widened over them; its counts as written
            n = dialect.execute(connection, f"INSERT INTO report ({', '.join(REPORT_COLUMNS)}) SELECT s.indicator_id, s.as_of,"
                                " s.value, s.note, s.reporter, s.source, s.reporting_unit, b.created_at, b.id, b.reason"
                                f"{restated.replace(' WHERE ', ' JOIN batch AS b ON b.id = s.batch_id WHERE ', 1)}"
                                f" AND s.batch_id = {p} ORDER BY x.id", [undo, target, target, batch])
            written.added = 0
        kept.append((batch, n))
    return kept


def corrected_since(dialect: Dialect, connection, undo: int, target: int) -> list[tuple[int, str | None, int]]:
    """Of the reports `undo` retracted of batch `target`, those another batch's later report of the same indicator and
    day had replaced, still standing (a third person's correction): retracting them changed no figure, the correction
    stands (trial64 F15). (batch, user, how many) of each batch whose figure stands. Read before keep_restated writes
    a re-stating import's rows again (said apart, as kept); the undo's own restored rows are its batch's."""
    from mstrack.store.states import standing

    p = dialect.p
    latest = (" AND NOT EXISTS (SELECT 1 FROM report AS m WHERE m.indicator_id = n.indicator_id AND m.as_of = n.as_of"
              f" AND m.id > n.id AND m.batch_id != {p} AND {standing('m')})")
    return [(batch, user, n) for batch, user, n in dialect.rows(
        connection, 'SELECT n.batch_id, b."user", COUNT(DISTINCT x.id) FROM report AS x'
        f" JOIN report_retraction AS t ON t.report_id = x.id AND t.batch_id = {p}"
        " JOIN report AS n ON n.indicator_id = x.indicator_id AND n.as_of = x.as_of AND n.id > x.id"
        f" JOIN batch AS b ON b.id = n.batch_id WHERE x.batch_id = {p} AND n.batch_id != {p} AND {standing('n')}"
        f'{latest} GROUP BY n.batch_id, b."user" ORDER BY n.batch_id', [undo, target, undo, undo])]


def insert_reports(dialect: Dialect, connection, reports, *, batch: NewBatch, reason: str | None = None) -> None:
    """Reports, (indicator_id, as_of, value, note, reporter, source, reporting_unit) each from an iterable, into `batch`,
    streamed into the driver (COPY on PostgreSQL). Measured: binding 100k rows through SQLAlchemy's type
    processors cost twice the insert itself, and importing SQLAlchemy a third of a 100k-row import."""
    with ReportRange(dialect, connection, batch.id) as written:
        written.added = dialect.insert_many(connection, "report", REPORT_COLUMNS,
                                            _report_rows(reports, batch.at, batch.id, reason))


class ReportRange:
    """The batch's range of report ids (first_report_id..last_report_id), held by every writer of a batch's reports
    (insert_reports, ReportBatch, undo's restore): the last report id before the first insert, taken when made,
    and the range widened over every report inserted since, by end() or on leaving a `with` without an error
    (one that fails rolls the write back whole). All in the write's transaction (a sequence only grows; SQLite
    numbers a row past the highest). Every query that selects a batch's reports adds `id BETWEEN first AND last`
    to `batch_id = ?`: a primary-key range instead of an index on report.batch_id, which cost a fifth of a
    PostgreSQL import. Wider than the batch (another write's ids in between) is still exact, as batch_id is
    kept; a batch gets reports only in its own write, so the range covers all of them. Two primary-key seeks;
    nothing changes when nothing was inserted, and ending it twice changes nothing more.

    The same statement adds to the batch's counts (reports_added, reports_retracted: migration 10) what the writer
    set in `added` and `retracted` since the last end(), as the driver counted its rows (no query): kept on the batch,
    never recounted, so that `batches` says the history as written, whatever a later re-import deletes."""

    def __init__(self, dialect: Dialect, connection, batch: int):
        self.dialect, self.connection, self.batch = dialect, connection, batch
        self.after = last_report_id(dialect, connection)
        self.added = self.retracted = 0  # the writer's totals through this range
        self._counted = (0, 0)  # those already added to the batch's row

    def __enter__(self) -> ReportRange:
        return self

    def __exit__(self, kind, error, traceback) -> None:
        if error is None:
            self.end()

    def end(self) -> None:
        """The range widened over the reports inserted since this was made; the counts raised by what was set since."""
        p = self.dialect.p
        added, retracted = self.added - self._counted[0], self.retracted - self._counted[1]
        self.dialect.execute(self.connection, "UPDATE batch SET"
                             f" first_report_id = coalesce(first_report_id, (SELECT id FROM report WHERE id > {p} ORDER BY id LIMIT 1)),"
                             f" last_report_id = coalesce((SELECT id FROM report WHERE id > {p} ORDER BY id DESC LIMIT 1), last_report_id),"
                             f" reports_added = reports_added + {p}, reports_retracted = reports_retracted + {p}"
                             f" WHERE id = {p}", [self.after, self.after, added, retracted, self.batch])
        self._counted = (self.added, self.retracted)


def _report_rows(reports, now, batch: int, reason: str | None):
    """The report table's rows (REPORT_COLUMNS) of reports as insert_reports takes them (tuples): each joined to
    the batch's (entered_at, batch_id, reason) by tuple addition, in C (a generator's step a row cost ~25 ms on
    100,000 rows)."""
    return map(add, reports, repeat((now, batch, reason)))


class ReportBatch:
    """The reports of one batch written in chunks as an import checks them, so that a million-row file
    is never held whole: inside the caller's write transaction (Store.locked), which makes it all or
    nothing (an import that finds a bad row later rolls every chunk back). The batch row comes with
    the first chunk; a batch given no rows leaves none. On PostgreSQL each chunk is copied in the
    background (RowStream, behind=True): the server stores it while the import checks the next one.
    Used in a `with` inside the transaction: leaving it waits for the chunk in flight."""

    def __init__(self, dialect: Dialect, connection, *, command: str, source: str | None, reason: str | None):
        self.dialect, self.connection = dialect, connection
        self.command, self.source, self.reason = command, source, reason
        self.id: int | None = None
        self.now = None
        self.range: ReportRange | None = None  # made with the batch row
        self.dropped = 0  # rows deleted again as repeats (drop_repeats)
        self.stream = RowStream(dialect, connection, "report", REPORT_COLUMNS, behind=True)

    def __enter__(self) -> ReportBatch:
        return self

    def __exit__(self, kind, error, traceback) -> None:
        self.stream.end(error)
        if error is None:
            self._cover()

    def add(self, reports) -> None:
        """Reports as insert_reports takes them, in a list the caller no longer changes (it is read while
        the caller goes on); all of a batch's rows carry one entered_at."""
        self._open()
        self.stream.write(_report_rows(reports, self.now, self.id, self.reason))

    def _open(self) -> None:
        """The batch row, with the first chunk of reports or of rows re-stated (restate)."""
        if self.id is None:
            self.id, self.now = insert_batch(self.dialect, self.connection, command=self.command, source=self.source,
                                             reason=self.reason)
            self.range = ReportRange(self.dialect, self.connection, self.id)

    def bound_days(self, days: list[date]):
        """A chunk's days as the backend stores them (Dialect.bound_days), for the rows given to add()."""
        return self.dialect.bound_days(days)

    def end(self) -> None:
        """Every row added is stored (PostgreSQL: the last COPY ended; its error, if any, raised here)."""
        self.stream.end()
        self._cover()

    def _cover(self) -> None:
        """The batch's range of report ids and its count recorded (ReportRange), once every row is stored: the rows
        the driver stored less those dropped as repeats."""
        if self.range is not None:
            self.range.added = self.stream.rows - self.dropped
            self.range.end()

    def restate(self, rows) -> None:
        """A chunk's rows that re-stated a standing report's value ("already there": not stored again), (indicator_id,
        as_of, value, note, reporter, source, reporting_unit) each, as report_restated's rows of this batch, written as
        the chunk is compared (never held for the whole file): an undo of the batch whose report one re-stated keeps it
        standing as this batch's (keep_restated; safety47 F5). A row repeated in the file is recorded once."""
        rows = list(rows)
        if not rows:
            return
        self._open()
        p = self.dialect.p
        self.dialect.execute_many(self.connection, "INSERT INTO report_restated (batch_id, indicator_id, as_of, value, note,"
                                  f" reporter, source, reporting_unit) VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p}, {p})"
                                  " ON CONFLICT (batch_id, indicator_id, as_of) DO NOTHING", [(self.id, *row) for row in rows])

    def none_if_empty(self) -> None:
        """After end(): a batch that stored no report (every row already there) is deleted again with the rows it
        re-stated, in the write's own transaction, never seen: an import that changes nothing writes no batch, as
        before; nothing of it stands apart from the reports it re-stated."""
        if self.id is None or self.range is None or self.range.added:
            return
        p = self.dialect.p
        self.dialect.execute(self.connection, f"DELETE FROM report_restated WHERE batch_id = {p}", [self.id])
        self.dialect.execute(self.connection, f"DELETE FROM batch WHERE id = {p}", [self.id])
        self.id = self.range = None

    def drop_repeats(self, keys) -> None:
        """(indicator_id, day ordinal) written more than once in this batch (a file that repeats a row,
        which shows only once every row is read) kept once: the first. Deleted before the commit, in
        the write's own transaction, so never seen: the batch holds what a whole-file check would write."""
        if self.id is None:
            return
        p = self.dialect.p
        for indicator, day in keys:
            on = date.fromordinal(day)
            self.dropped += self.dialect.execute(
                self.connection, f"DELETE FROM report WHERE batch_id = {p} AND indicator_id = {p} AND as_of = {p}"
                f" AND id > (SELECT min(id) FROM report WHERE batch_id = {p} AND indicator_id = {p} AND as_of = {p})",
                [self.id, indicator, on, self.id, indicator, on])
