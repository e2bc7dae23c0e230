"""The store's reads of what happened: a task's history (every value, corrected and undone ones too), the batches and
what they added, the reports dated after a day, frozen reports. Plain SQL through the driver (Dialect), plain data
out."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from mstrack.errors import InputError
from mstrack.store.checks import refuse_empty_lines
from mstrack.store.dialect import day, moment, number
from mstrack.store.states import after_day, day_start, standing


def frozen_params(params: dict) -> str:
    """A frozen report's parameters as report_snapshot keeps them: one text for the write and the look that compares."""
    return json.dumps(params, ensure_ascii=False, sort_keys=True)

if TYPE_CHECKING:
    from mstrack.store.reads import TaskRef


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
    reports_added: int  # as written, kept on the batch (migration 10): no later deletion changes them
    reports_retracted: int
    undone_deleted: int = 0  # undone reports this batch's plan write deleted (an undo's: said by its summary)
    restated_kept: list[tuple[int, int]] = field(default_factory=list)  # an undo's: (later import, how many) it left standing
    corrected_since: list[tuple] = field(default_factory=list)  # an undo's: (batch, user, how many) corrected since
    plan_changes: list = field(default_factory=list)  # an undo's of a plan import: what it changes, as `import plan` says
    programme_removed: bool = False  # an undo's of a programme's first import: the programme is gone with it


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
    superseded_by: int | None = None  # the report id of the entry that corrected it (JSON's report_id)
    retracted_by: int | None = None
    reporting_unit: str | None = None  # the office that reported it (填报单位), when its return or log said it
    superseded_by_batch: int | None = None  # the batch of the entry that corrected it: what the table names (trial59 F6)
    entered_by: str | None = None  # the login that wrote it (its batch's user): `log --by 张三` typed by root is root's


class HistoryReads:
    """The history and batch reads of Store (connections.Connections gives reading() and dialect, reads.Reads
    _rows and _task_head)."""

    def batch_reports_said(self, batch: int, limit: int = 3) -> list[tuple]:
        """The first reports a batch added, (programme, task, indicator, unit, as of, value) each, by its range of report
        ids: what an undo of a log names (safety47 F8: "batch 7 undoes batch 6 (log by root, …)" named no programme,
        task or value)."""
        p = self.dialect.p
        with self.reading() as connection:
            rows = self._rows(connection, "SELECT g.code, t.code, i.name, i.unit, x.as_of, x.value FROM batch AS b"
                                          " JOIN report AS x ON x.id BETWEEN b.first_report_id AND b.last_report_id"
                                          " AND x.batch_id = b.id JOIN indicator AS i ON i.id = x.indicator_id"
                                          " JOIN task_line AS l ON l.id = i.line_id JOIN task AS t ON t.id = l.task_id"
                                          f" JOIN programme AS g ON g.id = t.programme_id WHERE b.id = {p} ORDER BY x.id"
                                          f" LIMIT {p}", [batch, limit])
        return [(code, task, name, unit, day(as_of), number(value)) for code, task, name, unit, as_of, value in rows]

    def history(self, ref: TaskRef, indicator: str | None = None) -> list[HistoryEntry]:
        """Every value the task's indicators ever had, corrections and undone ones included."""
        p = self.dialect.p
        with self.reading() as connection:
            task_id = self._task_head(connection, ref)[1][0]
            refuse_empty_lines(self.dialect, connection)  # never "no reports yet" of reports whose indicator is gone
            rows = self._rows(
                connection,
                "SELECT r.id, i.name, i.unit, r.as_of, r.value, r.note, r.reporter, r.entered_at, r.batch_id, r.reason,"
                ' r.source, x.batch_id, r.reporting_unit, b."user" FROM report AS r JOIN indicator AS i ON r.indicator_id = i.id'
                " JOIN task_line AS l ON i.line_id = l.id LEFT JOIN report_retraction AS x ON x.report_id = r.id"
                " LEFT JOIN batch AS b ON b.id = r.batch_id"
                f" WHERE l.task_id = {p}{f' AND i.name = {p}' if indicator is not None else ''}"
                " ORDER BY l.position, i.position, r.as_of, r.id",
                [task_id] if indicator is None else [task_id, indicator])
        entries = [
            HistoryEntry(report_id=report_id, indicator=name, unit=unit, as_of=day(as_of), value=number(value), note=note,
                         reporter=reporter, entered_at=moment(entered_at), batch_id=batch_id, reason=reason, source=source,
                         state="retracted" if retracted else "current", retracted_by=retracted, reporting_unit=office,
                         entered_by=login)
            for (report_id, name, unit, as_of, value, note, reporter, entered_at, batch_id, reason, source, retracted, office,
                 login) in rows
        ]
        latest: dict[tuple[str, date], HistoryEntry] = {}
        for entry in entries:  # in entry order per date: a later standing entry supersedes an earlier one
            if entry.state == "retracted":
                continue
            earlier = latest.get((entry.indicator, entry.as_of))
            if earlier is not None:
                earlier.state, earlier.superseded_by, earlier.superseded_by_batch = "superseded", entry.report_id, entry.batch_id
            latest[(entry.indicator, entry.as_of)] = entry
        return entries

    def reports_after(self, programme: str, on: date) -> tuple[int, date | None]:
        """How many standing reports of a programme are dated after `on`, and the latest day among them: what a
        report as of `on` leaves out (the annual 一览表 says so of the year-end figures reported in January)."""
        p = self.dialect.p
        with self.reading() as connection:
            [(count, latest)] = self._rows(
                connection, "SELECT COUNT(*), MAX(x.as_of) FROM report AS x JOIN indicator AS i ON x.indicator_id = i.id"
                " JOIN task_line AS l ON i.line_id = l.id JOIN task AS t ON l.task_id = t.id JOIN programme AS g"
                f" ON t.programme_id = g.id WHERE g.code = {p} AND x.as_of > {p} AND {standing('x')}", [programme, on])
        return count, day(latest)

    def batches(self, limit: int | None = 20, ids: list[int] | None = None, since: date | None = None,
                until: date | None = None) -> list[BatchInfo]:
        """The latest batches (`limit`; None: all), newest first, made from local day `since` to `until` where given
        (an audit's "what was written between two dates", trial63 #7); or those of the given ids."""
        columns = ('SELECT id, created_at, "user", command, source, reason, undoes, programme, reports_added, reports_retracted'
                   " FROM batch")
        p = self.dialect.p
        with self.reading() as connection:
            if ids is not None:
                rows = self._rows(connection, f"{columns} WHERE id IN ({self.dialect.params(len(ids))}) ORDER BY id DESC", ids) \
                    if ids else []
            else:
                bounds = [(f"created_at >= {p}", day_start(self.dialect, since)) if since else None,
                          (f"created_at < {p}", after_day(self.dialect, until)) if until else None]
                bounds = [bound for bound in bounds if bound is not None]
                where = f" WHERE {' AND '.join(sql for sql, _ in bounds)}" if bounds else ""
                rows = self._rows(connection, f"{columns}{where} ORDER BY id DESC{f' LIMIT {p}' if limit else ''}",
                                  [value for _, value in bounds] + ([limit] if limit else []))
            if not rows:
                return []
            ids = [row[0] for row in rows]
            scope = f"IN ({self.dialect.params(len(ids))})"
            undone = dict(self._rows(connection, f"SELECT undoes, id FROM batch WHERE undoes {scope}", ids))
            deleted = dict(self._rows(connection, "SELECT batch_id, sum(reports) FROM undone_deleted"
                                                  f" WHERE batch_id {scope} GROUP BY batch_id", ids))
        return [
            BatchInfo(id=batch_id, created_at=moment(created_at), user=user, command=command, source=source, reason=reason,
                      undoes=undoes, undone_by=undone.get(batch_id), programme=programme,
                      reports_added=int(added), reports_retracted=int(retracted), undone_deleted=int(deleted.get(batch_id) or 0))
            for batch_id, created_at, user, command, source, reason, undoes, programme, added, retracted in rows
        ]

    def snapshot(self, snapshot_id: int | None) -> tuple[int, datetime, str, dict, dict]:
        """(id, when, kind, params, content) of a frozen report; the latest without an id."""
        columns = "SELECT id, created_at, kind, params, content FROM report_snapshot"
        with self.reading() as connection:
            rows = self._rows(connection, f"{columns} WHERE id = {self.dialect.p}", [snapshot_id]) if snapshot_id else \
                self._rows(connection, f"{columns} ORDER BY id DESC LIMIT 1")
        if not rows:
            if snapshot_id:
                raise InputError("no frozen report {number}", number=snapshot_id)
            raise InputError("no frozen report yet: print one with `mstrack report weekly --freeze`")
        found, created_at, kind, params, content = rows[0]
        return found, moment(created_at), kind, json.loads(params), json.loads(content)

    def since_frozen(self, snapshot: int) -> tuple[int, int, int]:
        """What happened to the store since a report was frozen: (how many batches were written after it, the schema
        version the store had then, and has now). No batch since: the data the report is made of are as they were
        (every write is a batch; `db upgrade` writes none), and what differs comes from how this mstrack makes the
        report (report diff, trial55 F3). The batches after it are the ones it did not see, by the store's own order,
        never the clock (one set behind missed a write): those numbered above the highest when it was frozen
        (last_batch), and those numbered below it beyond the count it saw (seen_batches: on PostgreSQL a batch takes
        its number as it is inserted, and one numbered below the highest may commit after the freeze; a batch row is
        never deleted once committed). A report frozen before schema 17 counts the first only; one before schema 15
        the batches written after its time. The version then: the one the freeze saw (seen_schema). A report frozen
        before schema 17 was frozen before 17 was applied, and one with last_batch at 15 or later: between those, the
        highest applied by its time (schema_version.applied_at, the one thing known of it)."""
        p = self.dialect.p
        with self.reading() as connection:
            [(when, last_batch, seen, then)] = self._rows(
                connection, f"SELECT created_at, last_batch, seen_batches, seen_schema FROM report_snapshot WHERE id = {p}",
                [snapshot])
            at = self.dialect.bound(moment(when))
            if last_batch is None:
                writes = self._rows(connection, f"SELECT count(*) FROM batch WHERE created_at > {p}", [at])[0][0]
            else:
                above, below = self._rows(connection, f"SELECT count(CASE WHEN id > {p} THEN 1 END), count(CASE WHEN id"
                                                      f" <= {p} THEN 1 END) FROM batch", [last_batch, last_batch])[0]
                writes = above + (max(0, below - seen) if seen is not None else 0)
            earlier, now = self._rows(connection, f"SELECT max(CASE WHEN applied_at <= {p} THEN version END),"
                                                  " max(version) FROM schema_version", [at])[0]
        if then is None:  # frozen before migration 17 was applied (and after 15, with last_batch): bounds to the clock
            from mstrack.store.migrations import SNAPSHOT_LAST_BATCH_SINCE, SNAPSHOT_SEEN_SINCE

            least = 1 if last_batch is None else SNAPSHOT_LAST_BATCH_SINCE
            then = min(max(earlier or now, least), SNAPSHOT_SEEN_SINCE - 1)
        return int(writes), int(then), int(now)

    def frozen_into(self, kind: str, params: dict, parts: list[str]) -> tuple[int, str] | None:
        """(id, content as stored) of the latest report frozen with these parameters by a `report --freeze -o` that
        wrote its file into one of these partial copies (by name: report_snapshot.part), None for none: the freeze a
        run killed between its commit and its rename made, which its rerun does not make again (store55, store57)."""
        if not parts:
            return None
        p = self.dialect.p
        with self.reading() as connection:
            rows = self._rows(connection, f"SELECT id, content FROM report_snapshot WHERE kind = {p} AND params = {p}"
                                          f" AND part IN ({self.dialect.params(len(parts))}) ORDER BY id DESC LIMIT 1",
                              [kind, frozen_params(params), *parts])
        return (rows[0][0], rows[0][1]) if rows else None

    def snapshots(self, limit: int = 20) -> list[tuple[int, datetime, str | None, str, dict]]:
        with self.reading() as connection:
            rows = self._rows(connection, 'SELECT id, created_at, "user", kind, params FROM report_snapshot'
                                          f" ORDER BY id DESC LIMIT {self.dialect.p}", [limit])
        return [(found, moment(created_at), user, kind, json.loads(params)) for found, created_at, user, kind, params in rows]

    def snapshot_content(self, snapshot_id: int) -> str:
        """A frozen report's copy as stored, the text itself (`report frozen N --format json`: what was sent, byte for
        byte, never parsed and written out again)."""
        with self.reading() as connection:
            rows = self._rows(connection, f"SELECT content FROM report_snapshot WHERE id = {self.dialect.p}", [snapshot_id])
        if not rows:
            raise InputError("no frozen report {number}", number=snapshot_id)
        return rows[0][0]
