"""plan_rows (migration 7): each indicator's units, checkpoints and milestones in one text, what a status reads
of the plan. Kept by the plan writer: after every way a plan is written (import, a re-import with changes,
undo of either, the demo, db copy) each indicator's plan_rows is what the tables it is made from say, and a
database upgraded to version 7 holds the same as one the plans were imported into. On SQLite, and on
PostgreSQL in that run (the `cli` fixture)."""

import json
import shutil

import pytest
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from mstrack.store import SCHEMA_VERSION, Store
from mstrack.store.states import write_plan_rows

from .conftest import ROOT, Cli, write_plan

PLAN = (
    '[[tasks]]\ncode = "1"\ntitle = "新增床位"\n[[tasks.lines]]\nlead_units = ["市卫生健康委"]\nunits = ["市财政局", "各区政府"]\n'
    'checkpoints = [{ due = "2023-06-30", text = "完成主体" }, { due = "2023-12-31", text = "投入使用" }]\n'
    '[[tasks.lines.indicators]]\nname = "新增床位"\nunit = "张"\ntarget = 100\n'
    'milestones = [{ due = "2023-06-30", target = 50 }, { due = "2023-12-31", target = 100, text = "全部开放" }]\n'
    '[[tasks]]\ncode = "2"\ntitle = "建设公园"\n[[tasks.lines]]\nlead_units = ["市城管局"]\n'
    'checkpoints = [{ due = "2023-03-31", text = "完成设计" }, { due = "2023-09-30", text = "建成开放" }]\n'
)
CHANGED = (  # task 1: another lead unit, a checkpoint's words and a milestone's target; task 2 gone; task 3 new
    '[[tasks]]\ncode = "1"\ntitle = "新增床位"\n[[tasks.lines]]\nlead_units = ["市发展改革委"]\nunits = ["各区政府"]\n'
    'checkpoints = [{ due = "2023-06-30", text = "主体完工" }, { due = "2023-12-31", text = "投入使用" }]\n'
    '[[tasks.lines.indicators]]\nname = "新增床位"\nunit = "张"\ntarget = 100\n'
    'milestones = [{ due = "2023-06-30", target = 60 }, { due = "2023-12-31", target = 100, text = "全部开放" }]\n'
    '[[tasks]]\ncode = "3"\ntitle = "改造小区"\n[[tasks.lines]]\nlead_units = ["市住房城乡建设局"]\n'
    '[[tasks.lines.indicators]]\nname = "改造小区"\nunit = "个"\ntarget = 12.5\n'
)


def stored(url: str) -> dict[int, str]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return dict(connection.exec_driver_sql("SELECT id, plan_rows FROM indicator").all())
    finally:
        engine.dispose()


def remade(url: str) -> dict[int, str]:
    """What write_plan_rows makes from the tables now, for every programme at once, rolled back."""
    store = Store(url)
    with store.engine.connect() as connection:
        transaction = connection.begin()
        write_plan_rows(store.dialect, connection)
        rows = dict(connection.exec_driver_sql("SELECT id, plan_rows FROM indicator").all())
        transaction.rollback()
    store.engine.dispose()
    return rows


def in_step(url: str) -> dict[int, str]:
    rows = stored(url)
    assert None not in rows.values()
    assert rows == remade(url)
    return rows


def status(cli) -> dict[str, dict]:
    result = cli("status", "--format", "json", "--as-of", "2023-07-01")
    assert result.exit_code == 0 and result.exception is None, result.output
    return {row["task"]: row for row in json.loads(result.stdout)}


def test_every_plan_write_keeps_plan_rows_in_step_with_the_tables(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", PLAN))).exit_code == 0
    first = in_step(cli.url)
    assert len(first) == 2
    beds = json.loads(next(text for text in first.values() if "全部开放" in text))
    assert beds[2] == [["2023-06-30", 50, "完成主体", "", None], ["2023-12-31", 100, "全部开放", "", None]]
    assert len(beds[0]) == 1 and len(beds[1]) == 2  # unit ids: one lead, two responsible
    rows = status(cli)
    assert (rows["1"]["lead_units"], rows["1"]["units"], rows["1"]["checkpoint"]) == (
        ["市卫生健康委"], ["市财政局", "各区政府"], "完成主体")
    assert (rows["2"]["checkpoint"], rows["2"]["next_due"], rows["2"]["expected"]) == ("完成设计", "2023-09-30", 1)

    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", CHANGED))).exit_code == 0
    changed = in_step(cli.url)
    assert changed != first
    rows = status(cli)
    assert set(rows) == {"1", "3"}
    assert (rows["1"]["lead_units"], rows["1"]["units"], rows["1"]["checkpoint"], rows["1"]["expected"]) == (
        ["市发展改革委"], ["各区政府"], "主体完工", 60)
    assert rows["3"]["target"] == 12.5 and rows["3"]["lead_units"] == ["市住房城乡建设局"]

    result = cli("undo")  # the re-import: the plan as it was
    assert result.exit_code == 0, result.output
    in_step(cli.url)
    rows = status(cli)
    assert (rows["1"]["lead_units"], rows["1"]["checkpoint"], rows["1"]["expected"]) == (["市卫生健康委"], "完成主体", 50)
    assert set(rows) == {"1", "2"}

    result = cli("undo", str(cli.sql("SELECT max(id) FROM batch")[0][0]))  # the undo undone (by its number): the changed plan again
    assert result.exit_code == 0, result.output
    in_step(cli.url)
    assert status(cli)["1"]["checkpoint"] == "主体完工"

    copy = tmp_path / "copy.db"
    result = cli("db", "copy", "--to", str(copy))
    assert result.exit_code == 0, result.output
    assert in_step(f"sqlite:///{copy}") == stored(cli.url)


def test_an_upgraded_database_holds_the_plan_rows_of_a_new_one(demo_cli):
    """Every seed programme (the demo), its plan_rows as the plan writer made them; then the column taken
    away and the database put back at version 6: `db upgrade` (migration 7) makes the same texts."""
    made = in_step(demo_cli.url)
    assert len(made) > 100
    engine = create_engine(demo_cli.url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE indicator DROP COLUMN plan_rows")
        for column in ("first_report_id", "last_report_id", "reports_added", "reports_retracted", "terminal"):  # 8, 10, 14
            connection.exec_driver_sql(f"ALTER TABLE batch DROP COLUMN {column}")
        connection.exec_driver_sql("CREATE INDEX ix_report_batch_id ON report (batch_id)")  # what version 8 dropped
        connection.exec_driver_sql("DROP TABLE undone_deleted")  # and what version 9 added
        connection.exec_driver_sql("ALTER TABLE report DROP COLUMN reporting_unit")  # and version 11
        for column in ("last_batch", "part", "seen_batches", "seen_schema"):  # and 15, 17
            connection.exec_driver_sql(f"ALTER TABLE report_snapshot DROP COLUMN {column}")
        connection.exec_driver_sql("ALTER TABLE task DROP COLUMN cancelled_by")  # and 16
        connection.exec_driver_sql("DELETE FROM schema_version WHERE version >= 7")
    engine.dispose()
    result = demo_cli("db", "upgrade")
    assert result.exit_code == 0 and f"6 → {SCHEMA_VERSION}" in result.stdout, result.output
    assert stored(demo_cli.url) == made


@pytest.mark.sqlite_only
def test_an_older_file_is_upgraded_with_its_plan_rows(tmp_path):
    """tests/fixtures/schema-v3-created.db, a real file of an older mstrack with a plan in it."""
    db = tmp_path / "old.db"
    shutil.copy(ROOT / "tests" / "fixtures" / "schema-v3-created.db", db)
    result = Cli(db)("db", "upgrade")
    assert result.exit_code == 0, result.output
    rows = in_step(f"sqlite:///{db}")
    assert rows and all(json.loads(text)[0] for text in rows.values())  # every line there has a lead unit
