"""Stores an earlier mstrack made (trial55 F8): the first mstrack's schema version 2 (before report --freeze) had no
report_snapshot table, which came later without a new version. Such a store is mstrack's, is upgraded (the table it
lacks made as migration 2 makes it), and no refusal calls mstrack's own tables another program's."""

import contextlib
import json
import sqlite3
from pathlib import Path

import pytest

from mstrack.store import SCHEMA_VERSION, Store
from mstrack.store.migrations import TABLES_MADE, another_programs_tables, missing_tables

from .conftest import Cli
from .test_store import new_url, normalized_schema  # noqa: F401 (new_url: a fixture)

FIRST_V2 = """
CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at DATETIME NOT NULL, PRIMARY KEY (version));
CREATE TABLE programme (id INTEGER NOT NULL, code VARCHAR NOT NULL, name VARCHAR NOT NULL, year INTEGER NOT NULL,
    start DATE NOT NULL, "end" DATE NOT NULL, source VARCHAR, reading VARCHAR NOT NULL, note VARCHAR,
    rule VARCHAR NOT NULL, PRIMARY KEY (id));
CREATE UNIQUE INDEX ix_programme_code ON programme (code);
CREATE TABLE unit (id INTEGER NOT NULL, name VARCHAR NOT NULL, PRIMARY KEY (id));
CREATE UNIQUE INDEX ix_unit_name ON unit (name);
CREATE TABLE batch (id INTEGER NOT NULL, created_at DATETIME NOT NULL, user VARCHAR, command VARCHAR NOT NULL,
    source VARCHAR, reason VARCHAR, undoes INTEGER, programme VARCHAR, plan_before VARCHAR, PRIMARY KEY (id),
    FOREIGN KEY(undoes) REFERENCES batch (id));
CREATE TABLE area (id INTEGER NOT NULL, programme_id INTEGER NOT NULL, position INTEGER NOT NULL, code VARCHAR NOT NULL,
    name VARCHAR NOT NULL, text VARCHAR, declared_tasks INTEGER, PRIMARY KEY (id), UNIQUE (programme_id, code),
    FOREIGN KEY(programme_id) REFERENCES programme (id));
CREATE INDEX ix_area_programme_id ON area (programme_id);
CREATE TABLE task (id INTEGER NOT NULL, programme_id INTEGER NOT NULL, area_id INTEGER, position INTEGER NOT NULL,
    code VARCHAR NOT NULL, title VARCHAR NOT NULL, deadline DATE, note VARCHAR, deadline_text VARCHAR,
    assessment VARCHAR, problems VARCHAR, progress VARCHAR, PRIMARY KEY (id), UNIQUE (programme_id, code),
    FOREIGN KEY(programme_id) REFERENCES programme (id), FOREIGN KEY(area_id) REFERENCES area (id));
CREATE INDEX ix_task_programme_id ON task (programme_id);
CREATE TABLE task_link (task_id INTEGER NOT NULL, ref VARCHAR NOT NULL, position INTEGER NOT NULL,
    PRIMARY KEY (task_id, ref), FOREIGN KEY(task_id) REFERENCES task (id));
CREATE INDEX ix_task_link_ref ON task_link (ref);
CREATE TABLE task_line (id INTEGER NOT NULL, task_id INTEGER NOT NULL, position INTEGER NOT NULL, leaders JSON NOT NULL,
    PRIMARY KEY (id), UNIQUE (task_id, position), FOREIGN KEY(task_id) REFERENCES task (id));
CREATE INDEX ix_task_line_task_id ON task_line (task_id);
CREATE TABLE line_unit (line_id INTEGER NOT NULL, unit_id INTEGER NOT NULL, role VARCHAR NOT NULL,
    position INTEGER NOT NULL, PRIMARY KEY (line_id, unit_id, role), FOREIGN KEY(line_id) REFERENCES task_line (id),
    FOREIGN KEY(unit_id) REFERENCES unit (id));
CREATE INDEX ix_line_unit_unit_id ON line_unit (unit_id);
CREATE TABLE checkpoint (id INTEGER NOT NULL, line_id INTEGER NOT NULL, due DATE NOT NULL, label VARCHAR NOT NULL,
    text VARCHAR NOT NULL, PRIMARY KEY (id), FOREIGN KEY(line_id) REFERENCES task_line (id));
CREATE INDEX ix_checkpoint_line_id ON checkpoint (line_id);
CREATE TABLE indicator (id INTEGER NOT NULL, line_id INTEGER NOT NULL, position INTEGER NOT NULL, kind VARCHAR NOT NULL,
    name VARCHAR NOT NULL, unit VARCHAR NOT NULL, comparator VARCHAR NOT NULL, target FLOAT, text VARCHAR NOT NULL,
    reading VARCHAR, PRIMARY KEY (id), UNIQUE (line_id, kind, name), FOREIGN KEY(line_id) REFERENCES task_line (id));
CREATE INDEX ix_indicator_line_id ON indicator (line_id);
CREATE TABLE milestone (id INTEGER NOT NULL, indicator_id INTEGER NOT NULL, due DATE NOT NULL, target FLOAT,
    printed FLOAT, text VARCHAR, PRIMARY KEY (id), FOREIGN KEY(indicator_id) REFERENCES indicator (id));
CREATE INDEX ix_milestone_indicator_id ON milestone (indicator_id);
CREATE TABLE report (id INTEGER NOT NULL, indicator_id INTEGER NOT NULL, as_of DATE NOT NULL, value FLOAT NOT NULL,
    note VARCHAR, reporter VARCHAR, entered_at DATETIME NOT NULL, source VARCHAR, batch_id INTEGER, reason VARCHAR,
    PRIMARY KEY (id), FOREIGN KEY(indicator_id) REFERENCES indicator (id), FOREIGN KEY(batch_id) REFERENCES batch (id));
CREATE INDEX ix_report_batch_id ON report (batch_id);
CREATE INDEX ix_report_as_of ON report (as_of);
CREATE INDEX ix_report_indicator_id ON report (indicator_id);
CREATE TABLE report_retraction (report_id INTEGER NOT NULL, batch_id INTEGER NOT NULL, PRIMARY KEY (report_id),
    FOREIGN KEY(report_id) REFERENCES report (id), FOREIGN KEY(batch_id) REFERENCES batch (id));
CREATE INDEX ix_report_retraction_batch_id ON report_retraction (batch_id);
"""
"""The schema the first mstrack of version 2 made for a new file (its models' create_all), as SQLite kept it."""

FIRST_V2_ROWS = """
INSERT INTO schema_version VALUES (2, '2026-11-23 09:00:00.000000');
INSERT INTO programme VALUES (1, 'x-2023', '2023年某市民生实事', 2023, '2023-01-01', '2023-12-31', 'x.toml',
    'cumulative', NULL, 'step');
INSERT INTO unit VALUES (1, '市卫生健康局');
INSERT INTO batch VALUES (1, '2026-11-23 09:01:00.000000', '张三', 'import plan', 'x.toml', NULL, NULL, 'x-2023', NULL);
INSERT INTO batch VALUES (2, '2026-11-23 09:02:00.000000', '张三', 'log', NULL, NULL, NULL, NULL, NULL);
INSERT INTO batch VALUES (3, '2026-11-23 09:03:00.000000', '张三', 'log', NULL, NULL, NULL, NULL, NULL);
INSERT INTO batch VALUES (4, '2026-11-23 09:04:00.000000', '张三', 'undo', 'batch 3', NULL, 3, NULL, NULL);
INSERT INTO task VALUES (1, 1, NULL, 0, '1', '新增床位', '2023-12-31', NULL, NULL, NULL, NULL, NULL);
INSERT INTO task_line VALUES (1, 1, 0, '["李四"]');
INSERT INTO line_unit VALUES (1, 1, 'lead', 0);
INSERT INTO indicator VALUES (1, 1, 0, 'quantity', '新增床位', '张', '=', 100.0, '新增床位100张', NULL);
INSERT INTO milestone VALUES (1, 1, '2023-06-30', 50.0, NULL, NULL);
INSERT INTO milestone VALUES (2, 1, '2023-12-31', 100.0, NULL, NULL);
INSERT INTO report VALUES (1, 1, '2023-06-30', 40.0, NULL, '张三', '2026-11-23 09:02:00.000000', NULL, 2, NULL);
INSERT INTO report VALUES (2, 1, '2023-06-30', 45.0, '更正', '张三', '2026-11-23 09:03:00.000000', NULL, 3, NULL);
INSERT INTO report_retraction VALUES (2, 4);
"""


def first_v2_store(path: Path) -> Path:
    """A store as the first mstrack of version 2 left it: a plan, two logs, the second undone."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.executescript(FIRST_V2 + FIRST_V2_ROWS)
    return path


def rows(path: Path, query: str) -> list:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(query).fetchall()


def test_the_rule_calls_a_store_with_version_1s_tables_mstracks_whatever_later_tables_it_lacks():
    first_v2 = [*TABLES_MADE[1], "batch", "report_retraction"]
    assert another_programs_tables(first_v2, 2) == []
    assert missing_tables(first_v2, 2) == ["report_snapshot"]
    assert missing_tables(first_v2, SCHEMA_VERSION) == ["report_snapshot", "undone_deleted", "report_restated"]
    assert another_programs_tables([*first_v2, "invoices"], 2) == []  # a table of one's own beside: still mstrack's
    # another program's: its own tables named, never mstrack's beside them
    assert another_programs_tables(["schema_version", "task", "invoices"], 3) == ["invoices"]
    assert another_programs_tables(["schema_version", "invoices"], SCHEMA_VERSION) == ["invoices"]
    assert another_programs_tables(TABLES_MADE[1], 0) == sorted(TABLES_MADE[1])  # "version 0": mstrack never says it


@pytest.mark.sqlite_only
def test_the_first_mstracks_version_2_store_is_upgraded_and_keeps_every_row(tmp_path, new_url):  # noqa: F811
    old = first_v2_store(tmp_path / "office.db")
    cli = Cli(old)
    before = {table: rows(old, f"SELECT * FROM {table} ORDER BY 1") for table in ("report", "report_retraction", "milestone")}
    for command in (("status",), ("db", "check")):  # what every command says of an older store: not "another program's"
        result = cli(*command)
        assert result.exit_code == 2, result.output
        assert "another program" not in result.output and "made by an older mstrack (schema version 2;" in result.output, \
            result.output
    assert rows(old, "SELECT max(version) FROM schema_version") == [(2,)]  # left unchanged
    result = cli("db", "upgrade")
    assert result.exit_code == 0, result.output
    assert f"schema version 2 → {SCHEMA_VERSION}" in result.output
    assert "made mstrack's table report_snapshot, which it lacked" in result.output, result.output
    assert rows(old, "SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
    fresh = new_url("fresh")
    Store(fresh).init()
    assert normalized_schema(f"sqlite:///{old}") == normalized_schema(fresh)  # report_snapshot and the report index too
    assert {table: rows(old, f"SELECT * FROM {table} ORDER BY 1") for table in before} == \
        {**before, "report": [(*row, None) for row in before["report"]]}  # + reporting_unit (version 11)
    check = cli("db", "check")
    assert check.exit_code == 0 and "ok" in check.output, check.output
    status = cli("status", "--as-of", "2023-06-30", "-f", "json")
    assert status.exit_code == 0, status.output
    (line,) = json.loads(status.output)
    assert (line["task"], line["actual"], line["expected"]) == ("1", 40, 50)  # 45 was undone: 40 stands
    frozen = cli("report", "weekly", "--as-of", "2023-06-30", "--freeze", "-o", str(tmp_path / "w.md"))
    assert frozen.exit_code == 0, frozen.output
    assert rows(old, "SELECT count(*) FROM report_snapshot") == [(1,)]


@pytest.mark.sqlite_only
def test_a_refusal_never_calls_mstracks_own_tables_another_programs(tmp_path):
    """A schema_version table and tables with mstrack's names but not version 1's: not mstrack's, said by what it
    lacks, never by listing programme or task as another program's."""
    odd = tmp_path / "odd.db"
    with contextlib.closing(sqlite3.connect(odd)) as connection:
        connection.executescript("CREATE TABLE schema_version (version INTEGER, applied_at TEXT);"
                                 "INSERT INTO schema_version VALUES (3, '2020-01-01');"
                                 "CREATE TABLE programme (id INTEGER PRIMARY KEY); CREATE TABLE task (id INTEGER PRIMARY KEY);")
    before = rows(odd, "SELECT name FROM sqlite_master ORDER BY 1")
    for command in (("status",), ("db", "upgrade")):
        result = Cli(odd)(*command)
        assert result.exit_code == 2, result.output
        assert "another program's tables" not in result.output, result.output
        assert "mstrack did not make it" in result.output and "no area, batch," not in result.output, result.output
        assert "no area, checkpoint, indicator, line_unit, milestone, report, task_line, task_link, unit" in result.output
    assert rows(odd, "SELECT name FROM sqlite_master ORDER BY 1") == before


def test_a_store_of_this_version_lacking_a_table_is_refused_then_made_whole_by_db_upgrade(cli):
    """A table dropped by hand (or an early store): the commands name it and `db upgrade` makes it, on either backend."""
    assert cli("init").exit_code == 0
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(cli.url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE report_snapshot"))
    engine.dispose()
    result = cli("status")
    assert result.exit_code == 2, result.output
    assert "mstrack's table report_snapshot is missing; run `mstrack db upgrade`" in result.output, result.output
    assert "another program" not in result.output
    result = cli("db", "upgrade")
    assert result.exit_code == 0, result.output
    assert "made mstrack's table report_snapshot, which it lacked" in result.output, result.output
    assert cli.sql("SELECT count(*) FROM report_snapshot") == [(0,)]
    again = cli("db", "upgrade")
    assert again.exit_code == 0 and "up to date" in again.output, again.output


def test_an_early_version_2_without_report_snapshot_upgrades_on_either_backend(new_url):  # noqa: F811
    """The first mstrack's version 2 (no report_snapshot, no (indicator_id, as_of, id) index), made here by migrations 1
    and 2 with those taken away: upgraded to the schema a new store has (PostgreSQL's migration 4 read its columns)."""
    old = new_url("old")
    assert Store(old).init(upto=2) == (0, 2)
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(old, poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE report_snapshot"))
        connection.execute(text("DROP INDEX ix_report_indicator_as_of"))
    engine.dispose()
    made = []
    assert Store(old).init(made=made) == (2, SCHEMA_VERSION)
    assert made == ["report_snapshot"]
    fresh = new_url("fresh")
    Store(fresh).init()
    assert normalized_schema(old) == normalized_schema(fresh)
