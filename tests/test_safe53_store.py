"""Store leftovers (safe53): `db check` names every date whose plan copy differs, not only the first; `db restore`
into a store not in WAL mode waits for nothing and loses nothing."""

import contextlib
import sqlite3
from pathlib import Path

import pytest

from .conftest import plan_task, plan_tasks, write_plan
from .test_safe_store import execute, one

MONTHS = [(f"2023-{month:02d}-28", month) for month in range(1, 13)]


def _office(cli, tmp_path, milestones):
    plan = write_plan(tmp_path / "plan.toml", plan_tasks(
        plan_task("1", "新建道路12条", "县住建局", "道路", "条", 12, milestones=milestones)))
    result = cli("import", "plan", str(plan))
    assert result.exit_code == 0, result.output
    return one(cli, "SELECT max(indicator_id) FROM milestone")


def test_db_check_names_every_date_the_plan_copy_differs_on(cli, tmp_path):
    indicator = _office(cli, tmp_path, MONTHS[:4])
    execute(cli.url, f"UPDATE milestone SET target = target + 10 WHERE indicator_id = {indicator} AND due > '2023-02-01'")
    result = cli("db", "check")
    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())
    assert ("(3 dates differ, 2023-02-28 to 2023-04-28: 2023-02-28: 2 in plan_rows, 12 in the rows; 2023-03-28: 3 in "
            "plan_rows, 13 in the rows; 2023-04-28: 4 in plan_rows, 14 in the rows)") in output, output
    assert "2023-01-28" not in output
    repair = cli("db", "check", "--repair")
    assert repair.exit_code == 0 and repair.exception is None, repair.output
    said = " ".join(repair.stdout.split())
    assert "3 dates differ, 2023-02-28 to 2023-04-28" in said and "2023-04-28: 4 in plan_rows, 14 in the rows" in said
    assert cli("db", "check").exit_code == 0


def test_many_differing_dates_are_counted_with_their_range(cli, tmp_path):
    indicator = _office(cli, tmp_path, MONTHS)
    execute(cli.url, f"UPDATE milestone SET target = target + 20 WHERE indicator_id = {indicator} AND due > '2023-01-31'")
    result = cli("db", "check")
    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())
    assert "(11 dates differ, 2023-02-28 to 2023-12-28: 2023-02-28: 2 in plan_rows, 22 in the rows;" in output, output
    assert "2023-04-28: 4 in plan_rows, 24 in the rows; …)" in output and "2023-05-28:" not in output


def test_one_differing_date_is_said_as_before(cli, tmp_path):
    indicator = _office(cli, tmp_path, MONTHS[:2])
    execute(cli.url, f"UPDATE milestone SET target = 7 WHERE indicator_id = {indicator} AND due = '2023-02-28'")
    result = cli("db", "check")
    assert result.exit_code == 1 and "(2023-02-28: 2 in plan_rows, 7 in the rows)" in " ".join(result.output.split())


# --- db restore into a store not in WAL mode ------------------------------------------------------------------------

@pytest.mark.sqlite_only
def test_a_restore_into_a_store_not_in_wal_mode_keeps_it_and_numbers_past_its_batches(demo_cli, tmp_path, monkeypatch):
    """In rollback mode the backup's first step holds the file's only lock: the copy kept of it and its batch numbers,
    read by other connections, each waited busy_timeout (30 s, two waits), and the numbers were lost (the restore
    recorded no batch above them). With a busy timeout of 2 s the wait is short, and what it lost is asserted."""
    backup = tmp_path / "before.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    result = demo_cli("log", "shenzhen-2023/5", "3万", "-i", "建设", "--as-of", "2023-07-31")
    assert result.exit_code == 0, result.output
    (noted,) = demo_cli.sql("SELECT max(id) FROM batch")[0]
    db = Path(demo_cli.db)
    with contextlib.closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
    before = _rows(db)
    monkeypatch.setenv("MSTRACK_BUSY_TIMEOUT", "2")
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0 and result.exception is None, result.output
    said = " ".join(result.output.split())
    assert f"this restore is recorded as batch {noted + 1}" in said, said
    assert demo_cli.sql(f"SELECT command, source FROM batch WHERE id = {noted + 1}") == [("db restore", str(backup))]
    (kept,) = [path for path in tmp_path.iterdir() if ".before-restore-" in path.name]
    assert _rows(kept) == before  # copied by SQLite's backup API, whole: not the bytes as a fallback after a wait
    with contextlib.closing(sqlite3.connect(kept)) as connection:
        assert connection.execute("PRAGMA quick_check").fetchone() == ("ok",)
    assert demo_cli("db", "check").exit_code == 0


def _rows(db: Path) -> list[tuple]:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return connection.execute("SELECT id, command FROM batch ORDER BY id").fetchall() + connection.execute(
            "SELECT id, value FROM report ORDER BY id").fetchall()
