"""Schema migrations: the one way a schema is built, small ordered functions; once released, what each makes never changes.

Why not Alembic: the schema is small, it must run the same on SQLite and PostgreSQL, and users
upgrade files in place with `mstrack db upgrade`. A list of functions written in SQLAlchemy Core does
that with no extra configuration, no env.py and no autogenerate to review (the pattern of simonw/llm).

MIGRATIONS is the ordered list; migration n (its place, counted from 1) brings a database from
version n-1 to n and is recorded in schema_version as row n in the same transaction as its DDL
(Store.init), so that a killed upgrade leaves the file as it was. A new database is built by applying
every migration from the first, exactly as an old one is upgraded (all in one transaction there: a set-up cut
short leaves nothing): there is no second path (such as the models' create_all) that could drift from this
one. tests/test_store.py proves a new database and one upgraded from tests/fixtures/schema-v1.db identical,
types, keys and indexes included.

SCHEMA_VERSION is len(MIGRATIONS). This module imports SQLAlchemy only inside the functions: a status
reads SCHEMA_VERSION from here and must not pay for SQLAlchemy.
"""

from __future__ import annotations

TABLES_MADE = {
    1: ("schema_version", "programme", "unit", "area", "task", "task_link", "task_line", "line_unit", "checkpoint",
        "indicator", "milestone", "report"),
    2: ("batch", "report_retraction", "report_snapshot"),
    9: ("undone_deleted",),
    12: ("report_restated",),
}
"""The tables each migration makes (the others make none): a database that says version n has those of 1..n
(tests/test_safe32a.py checks this against the migrations themselves)."""

MSTRACK_TABLES = frozenset(name for tables in TABLES_MADE.values() for name in tables)
"""Every table name an mstrack of any version made: a database whose tables all bear them is never another program's."""


def another_programs_tables(names, version: int | None) -> list[str]:
    """The one rule of whose a database is, from its table and view names and the version its schema_version
    table says (None: it has none): [] where it is mstrack's or holds no table; else the names that make it another
    program's (those no mstrack ever made, or all where it has none of those). A schema_version table alone is not
    mstrack's (another program may name one so): mstrack's says a version (never 0) and has the tables of version 1.
    A table a later version made may be missing (the first mstrack's version 2 had no report_snapshot, trial55 F8):
    missing_tables names it, and the upgrade makes it (make_missing_tables)."""
    names = sorted(name for name in names if not name.startswith("sqlite_"))
    if version is None or not names:
        return names
    if version > 0 and set(TABLES_MADE[1]) <= set(names):
        return []
    return [name for name in names if name not in MSTRACK_TABLES] or names


def missing_tables(names, version: int) -> list[str]:
    """The tables mstrack's database of this version has and this one lacks (an early mstrack's version 2 made no
    report_snapshot: it came later without a new version), in the order the migrations make them."""
    names = set(names)
    return [name for made, tables in sorted(TABLES_MADE.items()) if made <= version for name in tables
            if name not in names]


def refuse_another_programs_tables(connection, option="--db") -> None:
    """Before each migration, under the write lock: a database with tables but no schema_version, or with one but
    without mstrack's tables of the version it says, is another program's, and is never altered. Its own task or
    unit table was kept (create_all skips a table that exists), a column added to it, and 15 tables beside: the
    file was changed and mstrack's first query then failed; one with its own schema_version table was upgraded as
    if mstrack's (a traceback in m004). An empty file, or a database with no table, becomes mstrack's."""
    import sqlalchemy as sa

    from mstrack.errors import InputError
    from mstrack.store.urls import hide_password

    found = sa.inspect(connection)
    names = [*found.get_table_names(), *found.get_view_names()]
    version = (connection.execute(sa.text("SELECT max(version) FROM schema_version")).scalar() or 0
               if "schema_version" in names else None)
    theirs = another_programs_tables(names, version)
    if not theirs:
        return
    db = hide_password(connection.engine.url.render_as_string(hide_password=False))
    if version is None:
        raise InputError("{option} {db}: this database holds another program's tables ({tables}) and no mstrack schema "
                         "(no schema_version table); mstrack never alters another program's data: nothing was written. "
                         "Name a new file, or an mstrack database", tables=", ".join(theirs), option=option, db=db)
    if lacking := lacks_mstracks_tables(theirs, names, version):  # mstrack's own names are never called another's
        raise InputError("{option} {db}: this database has a schema_version table and no table but ones mstrack names so, "
                         "yet not mstrack's ({lacking}): mstrack did not make it and never alters a database it did "
                         "not make: nothing was written. Name a new file, or an mstrack database", lacking=lacking, option=option, db=db)
    raise InputError("{option} {db}: this database holds another program's tables ({tables}): it has a schema_version "
                     "table but not mstrack's tables; mstrack never alters another program's data: nothing was "
                     "written. Name a new file, or an mstrack database", tables=", ".join(theirs), option=option, db=db)


def lacks_mstracks_tables(theirs, names, version: int):
    """What a database another_programs_tables refused lacks of mstrack's, said where every table it holds has a name
    mstrack gives (None where it holds another's: those are named): its version-1 tables missing, or a schema_version
    table saying no version. A refusal never calls mstrack's own tables another program's (trial55 F8)."""
    from mstrack.errors import Message

    if any(name not in MSTRACK_TABLES for name in theirs):
        return None
    missing = [name for name in TABLES_MADE[1] if name not in set(names)]
    if missing:
        return Message("no {tables}", tables=", ".join(sorted(missing)))
    return Message("its schema_version table says no version")


def make_missing_tables(connection, version: int) -> list[str]:
    """Before migration version + 1 (and at this version, by `db upgrade`): the tables mstrack's database of this
    version has and this one lacks, made as the migration that made them makes them, and the index of report that an
    early version 2 lacked (ix_report_indicator_as_of: migration 2 made it after the first release). The first mstrack's
    version 2 had no report_snapshot, added by a later mstrack without a new version (trial55 F8): migration 4 then
    failed on it. Says the tables made."""
    import sqlalchemy as sa

    names = [*sa.inspect(connection).get_table_names()]
    missing = missing_tables(names, version)
    for name in missing:
        made = next(made for made, tables in TABLES_MADE.items() if name in tables)
        metadata = sa.MetaData()
        TABLE_MAKERS[made](metadata)
        metadata.create_all(connection, tables=[metadata.tables[name]])
        if name == "report_snapshot" and version >= 15:  # with what migration 15 added to it
            m015_snapshot_last_batch_and_part(connection)
    if version >= 2:
        connection.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_report_indicator_as_of ON report (indicator_id, as_of, id)"))
    return missing


def m001_programmes_tasks_indicators_reports(connection) -> None:
    """v1: programmes, their areas, tasks, lines, units, checkpoints, indicators, milestones and reports."""
    import sqlalchemy as sa

    refuse_another_programs_tables(connection)
    metadata = sa.MetaData()
    integer, text, moment = sa.Integer, sa.String, sa.DateTime(timezone=True)  # as the models declared them

    def column(name, kind, *args, null=False, **kwargs):
        return sa.Column(name, kind, *args, nullable=null, **kwargs)

    sa.Table("schema_version", metadata, column("version", integer, primary_key=True),
             column("applied_at", moment))
    sa.Table("programme", metadata, column("id", integer, primary_key=True), column("code", text, unique=True, index=True),
             column("name", text), column("year", integer), column("start", sa.Date), column("end", sa.Date),
             column("source", text, null=True), column("reading", text), column("note", text, null=True), column("rule", text))
    sa.Table("unit", metadata, column("id", integer, primary_key=True), column("name", text, unique=True, index=True))
    sa.Table("area", metadata, column("id", integer, primary_key=True),
             column("programme_id", integer, sa.ForeignKey("programme.id"), index=True), column("position", integer),
             column("code", text), column("name", text), column("text", text, null=True),
             column("declared_tasks", integer, null=True), sa.UniqueConstraint("programme_id", "code"))
    sa.Table("task", metadata, column("id", integer, primary_key=True),
             column("programme_id", integer, sa.ForeignKey("programme.id"), index=True),
             column("area_id", integer, sa.ForeignKey("area.id"), null=True), column("position", integer),
             column("code", text), column("title", text), column("deadline", sa.Date, null=True),
             *(column(name, text, null=True) for name in ("note", "deadline_text", "assessment", "problems", "progress")),
             sa.UniqueConstraint("programme_id", "code"))
    sa.Table("task_link", metadata, column("task_id", integer, sa.ForeignKey("task.id"), primary_key=True, autoincrement=False),
             column("ref", text, primary_key=True, index=True), column("position", integer))
    sa.Table("task_line", metadata, column("id", integer, primary_key=True),
             column("task_id", integer, sa.ForeignKey("task.id"), index=True), column("position", integer),
             column("leaders", sa.JSON), sa.UniqueConstraint("task_id", "position"))
    sa.Table("line_unit", metadata,
             column("line_id", integer, sa.ForeignKey("task_line.id"), primary_key=True, autoincrement=False),
             column("unit_id", integer, sa.ForeignKey("unit.id"), primary_key=True, index=True, autoincrement=False),
             column("role", text, primary_key=True), column("position", integer))
    sa.Table("checkpoint", metadata, column("id", integer, primary_key=True),
             column("line_id", integer, sa.ForeignKey("task_line.id"), index=True), column("due", sa.Date),
             column("label", text), column("text", text))
    sa.Table("indicator", metadata, column("id", integer, primary_key=True),
             column("line_id", integer, sa.ForeignKey("task_line.id"), index=True), column("position", integer),
             column("kind", text), column("name", text), column("unit", text), column("comparator", text),
             column("target", sa.Float, null=True), column("text", text), column("reading", text, null=True),
             sa.UniqueConstraint("line_id", "kind", "name"))
    sa.Table("milestone", metadata, column("id", integer, primary_key=True),
             column("indicator_id", integer, sa.ForeignKey("indicator.id"), index=True), column("due", sa.Date),
             column("target", sa.Float, null=True), column("printed", sa.Float, null=True), column("text", text, null=True))
    sa.Table("report", metadata, column("id", integer, primary_key=True),
             column("indicator_id", integer, sa.ForeignKey("indicator.id"), index=True), column("as_of", sa.Date, index=True),
             column("value", sa.Float), column("note", text, null=True), column("reporter", text, null=True),
             column("entered_at", moment), column("source", text, null=True))
    metadata.create_all(connection)


def m002_tables(metadata) -> None:
    """The tables migration 2 makes, declared in `metadata` (with report, referenced only)."""
    import sqlalchemy as sa

    def written(name: str, *columns: sa.Column) -> sa.Table:
        """A table of things written and kept whole, each with when and by whom (schema.Written)."""
        return sa.Table(name, metadata, sa.Column("id", sa.Integer, primary_key=True),
                        sa.Column("created_at", sa.DateTime, nullable=False), sa.Column("user", sa.String), *columns)

    sa.Table("report", metadata, sa.Column("id", sa.Integer, primary_key=True))  # exists: referenced only
    written(
        "batch",
        sa.Column("command", sa.String, nullable=False),
        sa.Column("source", sa.String),
        sa.Column("reason", sa.String),
        sa.Column("undoes", sa.Integer, sa.ForeignKey("batch.id")),
        sa.Column("programme", sa.String),
        sa.Column("plan_before", sa.Text),
    )
    sa.Table(
        "report_retraction", metadata,
        sa.Column("report_id", sa.Integer, sa.ForeignKey("report.id"), primary_key=True),
        sa.Column("batch_id", sa.Integer, sa.ForeignKey("batch.id"), nullable=False, index=True),
    )
    written(
        "report_snapshot",
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("params", sa.Text, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
    )


def m002_batches_and_retractions(connection) -> None:
    """v2: every write is a batch (who, when, source); undo retracts reports instead of deleting them;
    a report printed with --freeze is kept as it was sent."""
    import sqlalchemy as sa

    metadata = sa.MetaData()
    m002_tables(metadata)
    metadata.create_all(connection, tables=[metadata.tables[name] for name in TABLES_MADE[2]])
    connection.execute(sa.text("ALTER TABLE report ADD COLUMN batch_id INTEGER REFERENCES batch (id)"))
    connection.execute(sa.text("ALTER TABLE report ADD COLUMN reason VARCHAR"))
    connection.execute(sa.text("CREATE INDEX ix_report_batch_id ON report (batch_id)"))
    connection.execute(sa.text("CREATE INDEX ix_report_indicator_as_of ON report (indicator_id, as_of, id)"))


def m003_drop_redundant_report_indexes(connection) -> None:
    """v3: report keeps the indexes its queries use, (indicator_id, as_of, id) and batch_id. The index on
    indicator_id alone repeated the first column of the first; the one on as_of alone served no query and
    misled SQLite's planner into walking it. Dropping both makes a 100,000-row import a sixth faster."""
    import sqlalchemy as sa

    connection.execute(sa.text("DROP INDEX IF EXISTS ix_report_indicator_id"))
    connection.execute(sa.text("DROP INDEX IF EXISTS ix_report_as_of"))


def m004_one_shape_for_new_and_upgraded(connection) -> None:
    """v4: one shape for every database. Up to version 3 a new database came from the models' create_all,
    which made batch.plan_before, report_snapshot.params and report_snapshot.content VARCHAR where an
    upgraded one had TEXT (m002), and on PostgreSQL the timestamps WITH time zone where m002 made them
    without. Text is unbounded to SQLite and PostgreSQL alike: TEXT everywhere. Timestamps keep the
    instant: WITH time zone everywhere (PostgreSQL converts stored values by the session's zone, the
    one they were written in). On SQLite a column's declared type changes only by rebuilding its table
    (the two are small; Store.init runs migrations with foreign keys off and checks them before the
    commit); its DATETIME has no zone to change."""
    columns = {"batch": ["plan_before"], "report_snapshot": ["params", "content"]}
    if connection.dialect.name != "sqlite":
        import sqlalchemy as sa

        wanted = {**{(table, name): "text" for table, names in columns.items() for name in names},
                  **{column: "timestamp with time zone" for column in (
                      ("batch", "created_at"), ("report_snapshot", "created_at"), ("report", "entered_at"),
                      ("schema_version", "applied_at"))}}
        found = {(table, name): kind for table, name, kind in connection.execute(sa.text(
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema()"))}
        for (table, name), kind in wanted.items():
            if found[(table, name)] != kind:  # only what differs: a report table is rewritten once, if at all
                connection.execute(sa.text(f"ALTER TABLE {table} ALTER COLUMN {name} TYPE {kind.upper()}"))
        return
    rebuilt = {
        "batch": ("id INTEGER NOT NULL, created_at DATETIME NOT NULL, user VARCHAR, command VARCHAR NOT NULL, "
                  "source VARCHAR, reason VARCHAR, undoes INTEGER, programme VARCHAR, plan_before TEXT, "
                  "PRIMARY KEY (id), FOREIGN KEY(undoes) REFERENCES batch (id)"),
        "report_snapshot": ("id INTEGER NOT NULL, created_at DATETIME NOT NULL, user VARCHAR, kind VARCHAR NOT NULL, "
                            "params TEXT NOT NULL, content TEXT NOT NULL, PRIMARY KEY (id)"),
    }
    for table, body in rebuilt.items():
        declared = {row[1]: row[2] for row in connection.exec_driver_sql(f"PRAGMA table_info({table})")}
        if all(declared[name] == "TEXT" for name in columns[table]):
            continue  # upgraded from v1: already so
        names = ", ".join(f'"{name}"' for name in declared)
        connection.exec_driver_sql(f"CREATE TABLE {table}_v4 ({body})")
        connection.exec_driver_sql(f"INSERT INTO {table}_v4 ({names}) SELECT {names} FROM {table}")
        connection.exec_driver_sql(f"DROP TABLE {table}")
        connection.exec_driver_sql(f"ALTER TABLE {table}_v4 RENAME TO {table}")


def m005_task_next_steps(connection) -> None:
    """v5: a task's own 下一步 text (下半年任务目标及措施 as the document words it), for the 一览表 to print in
    full: the undated items of a task have no checkpoint to carry them."""
    import sqlalchemy as sa

    connection.execute(sa.text("ALTER TABLE task ADD COLUMN next_steps VARCHAR"))


def m006_line_units_in_order(connection) -> None:
    """v6: the units of every line in the order a status reads them (line, role, position), with the unit's id:
    SQLite walks this index instead of sorting 80,000 rows for a 20,000-line programme (0.11 → 0.06 s CPU).
    IF NOT EXISTS: a database the models made (create_all, before version 4) has it already."""
    connection.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_line_unit_order ON line_unit (line_id, role, position, unit_id)")


def m007_indicator_plan_rows(connection) -> None:
    """v7: each indicator's plan_rows, its line's units and its checkpoints or milestones (with their words) in
    one JSON text, kept by the plan writer (states.write_plan_rows): a status over 20,000 indicators reads 20,000
    of them instead of 240,000 unit, checkpoint and milestone rows (0.43 → 0.24 s of CPU). Filled here for the
    plans already stored, by the same function as every plan write."""
    from mstrack.store.dialect import Dialect
    from mstrack.store.states import write_plan_rows

    connection.exec_driver_sql("ALTER TABLE indicator ADD COLUMN plan_rows TEXT")
    engine = connection.dialect
    write_plan_rows(Dialect.of(engine.name, engine.dbapi.paramstyle, db="the database being upgraded"), connection)


def m008_batch_report_ids(connection) -> None:
    """v8: each batch records the range of the report ids it inserted (first_report_id, last_report_id; NULL when
    none), written with its reports (batches.ReportRange), and report loses its index on batch_id: undo and
    `batches` find a batch's reports by that primary-key range (batch_id = ? kept: a range wider than the batch is
    still exact). The index cost 0.3-0.4 s of the server's ~1.65 s per 100,000-row import on PostgreSQL. Filled
    here from the reports already stored, by that index before it goes (seconds at 1,000,000 reports). The foreign
    key report.batch_id stays: no batch row is ever deleted or renumbered (a batch is history; ReportRange changes
    other columns, which the key's check skips); one that were would make that check scan the report table."""
    for column in ("first_report_id", "last_report_id"):
        connection.exec_driver_sql(f"ALTER TABLE batch ADD COLUMN {column} INTEGER")
    # a subquery per batch, which every supported SQLite runs (UPDATE … FROM needs 3.33), while the index on batch_id
    # still stands: grouped by the batch, so that PostgreSQL does not read min(id) as "the first of the primary key
    # whose batch_id matches", walking the key from the start for every batch (30 s at 1,000,000 reports in 100 batches)
    connection.exec_driver_sql(
        "UPDATE batch SET first_report_id = (SELECT min(id) FROM report WHERE report.batch_id = batch.id GROUP BY report.batch_id),"
        " last_report_id = (SELECT max(id) FROM report WHERE report.batch_id = batch.id GROUP BY report.batch_id)")
    connection.exec_driver_sql("DROP INDEX IF EXISTS ix_report_batch_id")


def m009_tables(metadata) -> None:
    """The table migration 9 makes, declared in `metadata` (with batch, referenced only)."""
    import sqlalchemy as sa

    sa.Table("batch", metadata, sa.Column("id", sa.Integer, primary_key=True))  # exists: referenced only
    sa.Table("undone_deleted", metadata,
             sa.Column("batch_id", sa.Integer, sa.ForeignKey("batch.id"), primary_key=True, autoincrement=False),
             sa.Column("undo_batch_id", sa.Integer, sa.ForeignKey("batch.id"), primary_key=True, index=True,
                       autoincrement=False),
             sa.Column("reports", sa.Integer, nullable=False))


def m009_undone_deleted(connection) -> None:
    """v9: the undone reports a plan re-import deleted with the lines or indicators it dropped, as rows (batch_id: the
    import; undo_batch_id: the undo whose retracted reports they were; reports: how many), which an undo of that undo
    reads (batches.deleted_undone). Before it, such reports were deleted unsaid: an upgraded database has no row for
    them, and nothing in a batch's reason is read as one."""
    import sqlalchemy as sa

    metadata = sa.MetaData()
    m009_tables(metadata)
    metadata.create_all(connection, tables=[metadata.tables["undone_deleted"]])


def m010_batch_report_counts(connection) -> None:
    """v10: each batch keeps how many reports it added and how many it retracted (reports_added, reports_retracted),
    written with them (batches.ReportRange), which `batches` says. It counted the rows still stored: once a plan
    re-import deleted undone reports with the lines it dropped, the batch that entered them said 0 added and the undo
    that took them back 0 retracted, a history changed after the fact. Filled here from the rows still stored, all a
    database can know of its earlier batches: counts of reports deleted before version 10 are lost to history (a
    batch's undone_deleted rows still say how many each re-import deleted since version 9)."""
    for column in ("reports_added", "reports_retracted"):
        connection.exec_driver_sql(f"ALTER TABLE batch ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0")
    # by each batch's range of report ids (m008) and by the retractions' index on batch_id: a seek per batch
    connection.exec_driver_sql(
        "UPDATE batch SET reports_added = (SELECT count(*) FROM report WHERE report.id BETWEEN batch.first_report_id"
        " AND batch.last_report_id AND report.batch_id = batch.id) WHERE first_report_id IS NOT NULL")
    connection.exec_driver_sql(
        "UPDATE batch SET reports_retracted = (SELECT count(*) FROM report_retraction AS r WHERE r.batch_id = batch.id)"
        " WHERE id IN (SELECT batch_id FROM report_retraction)")


def m011_report_reporting_unit(connection) -> None:
    """v11: each report's reporting unit (填报单位, nullable): the office whose return or log gave it, read by `import
    progress` from a return's 填报单位 line or column and given to `log` by --unit. The reporter (填报人, or the login
    when a return names none) could not tell two districts' returns imported by one person apart (safety46 F9). The
    reports already stored say none: nothing recorded which office sent them."""
    connection.exec_driver_sql("ALTER TABLE report ADD COLUMN reporting_unit VARCHAR")


def m012_tables(metadata) -> None:
    """The table migration 12 makes, declared in `metadata` (with batch, referenced only)."""
    import sqlalchemy as sa

    sa.Table("batch", metadata, sa.Column("id", sa.Integer, primary_key=True))  # exists: referenced only
    sa.Table("report_restated", metadata,
             sa.Column("batch_id", sa.Integer, sa.ForeignKey("batch.id"), primary_key=True, autoincrement=False),
             sa.Column("indicator_id", sa.Integer, primary_key=True, autoincrement=False),
             sa.Column("as_of", sa.Date, primary_key=True),
             sa.Column("value", sa.Float, nullable=False), sa.Column("note", sa.String, nullable=True),
             sa.Column("reporter", sa.String, nullable=True), sa.Column("source", sa.String, nullable=True),
             sa.Column("reporting_unit", sa.String, nullable=True),
             sa.Index("ix_report_restated_indicator_as_of", "indicator_id", "as_of"))


def m012_report_restated(connection) -> None:
    """v12: the rows of an import that re-stated a standing report's value (already there: not stored again), as the
    import gave them (batch_id: the import; indicator_id, as_of; value, note, reporter, source, reporting_unit). An undo of the batch whose
    reports they re-stated keeps them standing as that import's (safety47 F5: undoing a superseded return took the
    figures the kept return gave again). An upgraded database has no rows: such re-statements were not recorded."""
    import sqlalchemy as sa

    metadata = sa.MetaData()
    m012_tables(metadata)
    metadata.create_all(connection, tables=[metadata.tables["report_restated"]])


def m013_batch_numbers_never_given_again(connection) -> None:
    """v13: a batch's number is never given to another write (safety49 F5g). SQLite numbered a new row past the highest
    there (max(id) + 1): a batch row deleted at the top (by hand, or an import that changed nothing) gave its number
    again, and whatever named it (a report's batch_id, an `undo N` noted, a work log) then named another write. With
    AUTOINCREMENT SQLite keeps the highest number it gave (sqlite_sequence) and gives the next above it. The table is
    rebuilt (the only way SQLite changes a column's key), its rows copied, which seeds that number with the highest
    row there, all a database can know of the numbers it gave before. PostgreSQL's serial already never gives a
    number twice: nothing changes there. (A restore puts a backup's numbers back: db restore records itself as a batch
    above the highest number the database gave, store/backups.py.)"""
    if connection.dialect.name != "sqlite":
        return
    names = ("id", "created_at", "user", "command", "source", "reason", "undoes", "programme", "plan_before",
             "first_report_id", "last_report_id", "reports_added", "reports_retracted")
    columns = ", ".join(f'"{name}"' for name in names)
    connection.exec_driver_sql(
        "CREATE TABLE batch_v13 (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, created_at DATETIME NOT NULL, user VARCHAR,"
        " command VARCHAR NOT NULL, source VARCHAR, reason VARCHAR, undoes INTEGER, programme VARCHAR, plan_before TEXT,"
        " first_report_id INTEGER, last_report_id INTEGER, reports_added INTEGER NOT NULL DEFAULT 0,"
        " reports_retracted INTEGER NOT NULL DEFAULT 0, FOREIGN KEY(undoes) REFERENCES batch (id))")
    connection.exec_driver_sql(f"INSERT INTO batch_v13 ({columns}) SELECT {columns} FROM batch ORDER BY id")
    connection.exec_driver_sql("DROP TABLE batch")
    connection.exec_driver_sql("ALTER TABLE batch_v13 RENAME TO batch")


def m014_batch_terminal(connection) -> None:
    """v14: each batch's terminal (batches.terminal: the login session it was written from, on its machine, as a short
    digest; NULL before). Two terminals of one office share one login on an SQLite file (root): a bare `undo` in one
    took back the import the other had written a minute before, unnamed (trial55 F12). A bare undo of a batch another
    terminal wrote in the last minutes now names it and asks for its number (Writes._refuse_another_terminals)."""
    connection.exec_driver_sql("ALTER TABLE batch ADD COLUMN terminal VARCHAR")


SNAPSHOT_RUN_COLUMNS = (("last_batch", "INTEGER"), ("part", "VARCHAR"))
"""The columns migration 15 adds to report_snapshot: the highest batch number when a report was frozen, and the
name of the partial copy its file was written into (`report --freeze -o FILE`; NULL for any other freeze)."""


def m015_snapshot_last_batch_and_part(connection) -> None:
    """v15: each frozen report keeps the highest batch number when it was frozen (last_batch) and, frozen by `report
    --freeze -o FILE`, the name of the partial copy its file was written into (part). `report diff` counts the writes
    since a freeze by batch number, the store's own order: by time, a clock set behind missed a write made after it.
    A rerun of a `--freeze -o` killed between its freeze and its rename finds that run's freeze by its copy's name: by
    time and bytes, a plain `-o`'s copy was taken for one, and an .xlsx or .docx (stamped with the time it was made)
    never was. Reports frozen before say neither: NULL (report diff counts the writes since them by time)."""
    for column, kind in SNAPSHOT_RUN_COLUMNS:
        connection.exec_driver_sql(f"ALTER TABLE report_snapshot ADD COLUMN {column} {kind}")


def m016_task_cancelled_by(connection) -> None:
    """v16: the batch whose plan cancelled a task (task.cancelled_by; NULL for a task in the plan): a revised programme that
    drops a task reports stand on keeps it, its reports with it, marked cancelled (已取消) instead of refusing the plan
    (trial57 finding 3). Status, units and the reports leave it out of every count; `log` and `import progress` refuse it;
    an undo of that import, or a later plan that brings the task back, clears the mark. No key to batch: a batch row is
    never deleted."""
    connection.exec_driver_sql("ALTER TABLE task ADD COLUMN cancelled_by INTEGER")


SNAPSHOT_SEEN_COLUMNS = (("seen_batches", "INTEGER"), ("seen_schema", "INTEGER"))
"""The columns migration 17 adds to report_snapshot: how many batches the freeze saw, and the schema version the
store had when it was frozen."""


def m017_snapshot_seen_batches_and_schema(connection) -> None:
    """v17: each frozen report keeps what its freeze saw: how many batches there were (seen_batches) and the store's
    schema version (seen_schema). `report diff` counts as writes since it the batches numbered above the highest then
    (last_batch) and those numbered below it that were not there yet: on PostgreSQL a number is taken as a batch row is
    inserted and writers commit in their own order, so a batch numbered below the highest may land after the freeze.
    The version then is the freeze's own, not read off schema_version's applied_at clock (one set behind or ahead
    moved it). Reports frozen before say neither: NULL (the highest number alone; the version by applied_at)."""
    for column, kind in SNAPSHOT_SEEN_COLUMNS:
        connection.exec_driver_sql(f"ALTER TABLE report_snapshot ADD COLUMN {column} {kind}")


MIGRATIONS = [
    m001_programmes_tasks_indicators_reports,
    m002_batches_and_retractions,
    m003_drop_redundant_report_indexes,
    m004_one_shape_for_new_and_upgraded,
    m005_task_next_steps,
    m006_line_units_in_order,
    m007_indicator_plan_rows,
    m008_batch_report_ids,
    m009_undone_deleted,
    m010_batch_report_counts,
    m011_report_reporting_unit,
    m012_report_restated,
    m013_batch_numbers_never_given_again,
    m014_batch_terminal,
    m015_snapshot_last_batch_and_part,
    m016_task_cancelled_by,
    m017_snapshot_seen_batches_and_schema,
]
SCHEMA_VERSION = len(MIGRATIONS)
SNAPSHOT_LAST_BATCH_SINCE = MIGRATIONS.index(m015_snapshot_last_batch_and_part) + 1
SNAPSHOT_SEEN_SINCE = MIGRATIONS.index(m017_snapshot_seen_batches_and_schema) + 1
"""The schema versions from which a freeze keeps its highest batch number, and what it saw (since_frozen)."""
TABLE_MAKERS = {2: m002_tables, 9: m009_tables, 12: m012_tables}
"""The migrations after the first that make tables, by version: how make_missing_tables makes one a database lacks
(version 1's are never missing from mstrack's: another_programs_tables)."""
