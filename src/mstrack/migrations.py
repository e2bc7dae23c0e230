"""Schema migrations: small ordered functions, one per version, never edited once released.

Why not Alembic: the schema is small, it must run the same on SQLite and PostgreSQL, and users
upgrade files in place with `mstrack db upgrade`. A list of functions written in SQLAlchemy Core,
each applied in its own transaction and recorded in schema_version, does that with no extra
configuration, no env.py and no autogenerate to review (the pattern of simonw/llm).

An empty database gets the current schema in one step (the models' create_all) and is stamped with
the latest version; a database at version N runs migrations N+1 … latest. tests/test_data_safety.py
checks that an upgraded file and a new one end with the same tables, columns and indexes.
"""

from __future__ import annotations

import sqlalchemy as sa


def m002_batches_and_retractions(connection) -> None:
    """v2: every write is a batch (who, when, source); undo retracts reports instead of deleting them;
    a report printed with --freeze is kept as it was sent."""
    metadata = sa.MetaData()
    sa.Table("report", metadata, sa.Column("id", sa.Integer, primary_key=True))  # exists: referenced only
    batch = sa.Table(
        "batch", metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("user", sa.String),
        sa.Column("command", sa.String, nullable=False),
        sa.Column("source", sa.String),
        sa.Column("reason", sa.String),
        sa.Column("undoes", sa.Integer, sa.ForeignKey("batch.id")),
        sa.Column("programme", sa.String),
        sa.Column("plan_before", sa.Text),
    )
    retraction = sa.Table(
        "report_retraction", metadata,
        sa.Column("report_id", sa.Integer, sa.ForeignKey("report.id"), primary_key=True),
        sa.Column("batch_id", sa.Integer, sa.ForeignKey("batch.id"), nullable=False, index=True),
    )
    snapshot = sa.Table(
        "report_snapshot", metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("user", sa.String),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("params", sa.Text, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
    )
    metadata.create_all(connection, tables=[batch, retraction, snapshot])
    connection.execute(sa.text("ALTER TABLE report ADD COLUMN batch_id INTEGER REFERENCES batch (id)"))
    connection.execute(sa.text("ALTER TABLE report ADD COLUMN reason VARCHAR"))
    connection.execute(sa.text("CREATE INDEX ix_report_batch_id ON report (batch_id)"))
    connection.execute(sa.text("CREATE INDEX ix_report_indicator_as_of ON report (indicator_id, as_of, id)"))


def m003_drop_redundant_report_indexes(connection) -> None:
    """v3: report keeps the indexes its queries use, (indicator_id, as_of, id) and batch_id. The index on
    indicator_id alone repeated the first column of the first; the one on as_of alone served no query and
    misled SQLite's planner into walking it. Dropping both makes a 100,000-row import a sixth faster."""
    connection.execute(sa.text("DROP INDEX IF EXISTS ix_report_indicator_id"))
    connection.execute(sa.text("DROP INDEX IF EXISTS ix_report_as_of"))


MIGRATIONS = {
    2: m002_batches_and_retractions,
    3: m003_drop_redundant_report_indexes,
}
