"""The store's tables as SQLModel classes, for queries. The tables themselves are made by
migrations.py (the one schema path); these classes must declare them as the migrations make them
(tests/test_store.py checks it). Only store/ imports this module, and only when a command needs
them: building the classes costs ~70 ms, which a read (status, show, units) that runs plain SQL
does not pay. The other store/ modules own every query; this module only declares.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from mstrack.model import QUANTITY


class Keyed(SQLModel):
    """A table whose rows are numbered by the database (`id`), what other tables refer to."""

    id: int | None = Field(default=None, primary_key=True)


class SchemaVersion(SQLModel, table=True):
    __tablename__ = "schema_version"
    version: int = Field(primary_key=True)
    applied_at: datetime


class ProgrammeRow(Keyed, table=True):
    __tablename__ = "programme"
    code: str = Field(unique=True, index=True)
    name: str
    year: int
    start: date
    end: date
    source: str | None = None
    reading: str = "cumulative"
    note: str | None = None
    rule: str = "step"  # how expected is computed unless a run says otherwise


class AreaRow(Keyed, table=True):
    __tablename__ = "area"
    __table_args__ = (UniqueConstraint("programme_id", "code"),)
    programme_id: int = Field(foreign_key="programme.id", index=True)
    position: int
    code: str
    name: str
    text: str | None = None
    declared_tasks: int | None = None


class TaskRow(Keyed, table=True):
    __tablename__ = "task"
    __table_args__ = (UniqueConstraint("programme_id", "code"),)
    programme_id: int = Field(foreign_key="programme.id", index=True)
    area_id: int | None = Field(default=None, foreign_key="area.id")
    position: int
    code: str
    title: str
    deadline: date | None = None
    note: str | None = None
    deadline_text: str | None = None
    assessment: str | None = None
    problems: str | None = None
    progress: str | None = None
    next_steps: str | None = None
    cancelled_by: int | None = None  # the batch whose plan cancelled it (已取消): migration 16


class TaskLinkRow(SQLModel, table=True):
    """The same target in another programme, by reference: the other side may be loaded later."""

    __tablename__ = "task_link"
    task_id: int = Field(foreign_key="task.id", primary_key=True)
    ref: str = Field(primary_key=True, index=True)
    position: int


class LineRow(Keyed, table=True):
    """One table row of a task: its own leader, lead unit, co-units and schedule."""

    __tablename__ = "task_line"
    __table_args__ = (UniqueConstraint("task_id", "position"),)
    task_id: int = Field(foreign_key="task.id", index=True)
    position: int
    leaders: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class UnitRow(Keyed, table=True):
    __tablename__ = "unit"
    name: str = Field(unique=True, index=True)


class LineUnitRow(SQLModel, table=True):
    __tablename__ = "line_unit"
    __table_args__ = (Index("ix_line_unit_order", "line_id", "role", "position", "unit_id"),)  # see migration 6
    line_id: int = Field(foreign_key="task_line.id", primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", primary_key=True, index=True)
    role: str = Field(primary_key=True)  # "lead" or "responsible"
    position: int


class CheckpointRow(Keyed, table=True):
    __tablename__ = "checkpoint"
    line_id: int = Field(foreign_key="task_line.id", index=True)
    due: date
    label: str = ""
    text: str = ""


class IndicatorRow(Keyed, table=True):
    __tablename__ = "indicator"
    __table_args__ = (UniqueConstraint("line_id", "kind", "name"),)
    line_id: int = Field(foreign_key="task_line.id", index=True)
    position: int
    kind: str = QUANTITY
    name: str
    unit: str = ""
    comparator: str = "="
    target: float | None = None
    text: str = ""
    reading: str | None = None
    # JSON, kept by the plan writer: the units, checkpoints and milestones a status reads (migration 7)
    plan_rows: str | None = Field(default=None, sa_column=Column(Text))


class MilestoneRow(Keyed, table=True):
    __tablename__ = "milestone"
    indicator_id: int = Field(foreign_key="indicator.id", index=True)
    due: date
    target: float | None = None
    printed: float | None = None
    text: str | None = None


class ReportRow(Keyed, table=True):
    __tablename__ = "report"
    # the one index the status and import queries need (and the foreign key's): see migrations 3 and 8
    __table_args__ = (Index("ix_report_indicator_as_of", "indicator_id", "as_of", "id"),)
    indicator_id: int = Field(foreign_key="indicator.id")
    as_of: date
    value: float
    note: str | None = None
    reporter: str | None = None
    entered_at: datetime
    source: str | None = None  # PLAN_SOURCE for the reports a plan file carries
    batch_id: int | None = Field(default=None, foreign_key="batch.id")  # no index: batch's report ids (migration 8)
    reason: str | None = None  # why a correction was made
    reporting_unit: str | None = None  # the office that reported it (填报单位): migration 11


class Written(Keyed):
    """A table of things written and kept whole, each with when and by whom: batches, frozen reports."""

    created_at: datetime
    user: str | None = None


class BatchRow(Written, table=True):
    """One write: a log, an import, a plan import, an undo. Undo works batch by batch."""

    __tablename__ = "batch"
    __table_args__ = {"sqlite_autoincrement": True}  # a number never given twice (migration 13)
    command: str
    source: str | None = None
    reason: str | None = None
    undoes: int | None = Field(default=None, foreign_key="batch.id")
    programme: str | None = None
    plan_before: str | None = Field(default=None, sa_column=Column(Text))  # the programme as it was, for undo
    # the range of the report ids it inserted (NULL when none), what undo and `batches` select its reports by: migration 8
    first_report_id: int | None = None
    last_report_id: int | None = None
    # how many reports it added and retracted, kept as written (ReportRange), never recounted: migration 10
    reports_added: int = Field(default=0, sa_column_kwargs={"server_default": text("0")})
    reports_retracted: int = Field(default=0, sa_column_kwargs={"server_default": text("0")})
    terminal: str | None = None  # the login session it was written from (batches.terminal): migration 14


class RetractionRow(SQLModel, table=True):
    """A report taken back by an undo: the report itself stays, never edited or deleted."""

    __tablename__ = "report_retraction"
    report_id: int = Field(foreign_key="report.id", primary_key=True)
    batch_id: int = Field(foreign_key="batch.id", index=True)


class UndoneDeletedRow(SQLModel, table=True):
    """Undone reports a plan re-import deleted with the lines or indicators it dropped: how many, of which undo's
    retracted ones; what an undo of that undo reads (migration 9)."""

    __tablename__ = "undone_deleted"
    batch_id: int = Field(foreign_key="batch.id", primary_key=True)  # the import that deleted them
    undo_batch_id: int = Field(foreign_key="batch.id", primary_key=True, index=True)  # the undo that had retracted them
    reports: int


class RestatedRow(SQLModel, table=True):
    """A row of an import that re-stated a standing report's value ("already there": not stored again), as the import
    gave it: what an undo of the batch whose report it re-stated keeps standing, as this import's (migration 12)."""

    __tablename__ = "report_restated"
    __table_args__ = (Index("ix_report_restated_indicator_as_of", "indicator_id", "as_of"),)
    batch_id: int = Field(foreign_key="batch.id", primary_key=True)  # the import that re-stated it
    indicator_id: int = Field(primary_key=True)  # no foreign key: a plan re-import may delete an undone report's indicator
    as_of: date = Field(primary_key=True)
    value: float
    note: str | None = None
    reporter: str | None = None
    source: str | None = None  # the file it came from
    reporting_unit: str | None = None  # the office it named (填报单位), as a report keeps it


class SnapshotRow(Written, table=True):
    """A report as it was printed and sent (`report … --freeze`), to compare with later corrections."""

    __tablename__ = "report_snapshot"
    kind: str
    params: str = Field(sa_column=Column(Text, nullable=False))  # JSON: how to make the same report again
    content: str = Field(sa_column=Column(Text, nullable=False))  # JSON: the report as sent
    last_batch: int | None = None  # the highest batch number when frozen: migration 15
    part: str | None = None  # the partial copy `--freeze -o` wrote its file into, by name: migration 15
    seen_batches: int | None = None  # how many batches the freeze saw: migration 17
    seen_schema: int | None = None  # the store's schema version when frozen: migration 17


TABLES = [
    SchemaVersion, ProgrammeRow, AreaRow, TaskRow, TaskLinkRow, LineRow, UnitRow, LineUnitRow, CheckpointRow,
    IndicatorRow, MilestoneRow, ReportRow, BatchRow, RetractionRow, UndoneDeletedRow, RestatedRow, SnapshotRow,
]
