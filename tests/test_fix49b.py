"""A hand-edited store (fix49b; safety49 F5, F5b, F5d, F5e): `db check` finds each damage, naming table, row and what
is wrong (exit 1); a command that reads a damaged row says "the store is damaged (…); run `mstrack db check`" (exit 2,
no traceback); writes and `db copy` on a store whose foreign-key check fails are refused, nothing written."""

import contextlib
import sqlite3

import pytest

from .conftest import plan_task, plan_tasks, write_plan
from .test_safe_store import execute, one

LOG = ("log", "x-2023/2", "2", "--as-of", "2023-06-30", "--by", "县住建局")
LATER = ("log", "x-2023/2", "3", "--as-of", "2023-07-31", "--by", "县住建局")
SCHOOLS = ("log", "x-2023/1", "1", "--as-of", "2023-06-30", "--by", "县教育局")


@pytest.fixture
def office(cli, tmp_path):
    """A small store: task 1 学校 (3所), task 2 道路 (5条), each with a June and a December milestone."""
    plan = write_plan(tmp_path / "plan.toml", plan_tasks(
        plan_task("1", "新建学校3所", "县教育局", "学校", "所", 3, milestones=[("2023-06-30", 1), ("2023-12-31", 3)]),
        plan_task("2", "新建道路5条", "县住建局", "道路", "条", 5, milestones=[("2023-06-30", 2), ("2023-12-31", 5)])))
    result = cli("import", "plan", str(plan))
    assert result.exit_code == 0, result.output
    cli.plan = plan
    return cli


def edit(cli, *statements: str) -> None:
    """A hand edit, as an SQL browser makes it: foreign keys off (SQLite's default), committed."""
    execute(cli.url, *statements)


def damaged(result, *parts: str) -> str:
    """Exit 2, said in one message naming the damage and `db check`, no traceback."""
    output = " ".join(result.output.split())
    assert result.exit_code == 2, result.output
    assert "the store is damaged (" in output and "run `mstrack db check`" in output, result.output
    assert "Traceback" not in result.output
    for part in parts:
        assert part in output, (part, result.output)
    return output


# --- F5e: a figure or a date typed by hand ---------------------------------------------------------------------

@pytest.mark.sqlite_only
def test_a_value_and_a_date_typed_by_hand_are_found_and_said_not_a_traceback(office, tmp_path):
    assert office(*LOG).exit_code == 0 and office(*LATER).exit_code == 0
    first, second = [row[0] for row in office.sql("SELECT id FROM report ORDER BY id DESC LIMIT 2")]
    with contextlib.closing(sqlite3.connect(office.db)) as connection:  # as DB Browser keeps what is typed
        connection.execute("UPDATE report SET value = '1,200' WHERE id = ?", (first,))
        connection.execute("UPDATE report SET as_of = '2023/7/31' WHERE id = ?", (second,))
        connection.commit()
    result = office("db", "check")
    assert result.exit_code == 1, result.output
    assert f"type: report row {first}: value '1,200' is not a number" in result.output
    assert f"type: report row {second}: as_of '2023/7/31' is not a YYYY-MM-DD date" in result.output
    assert "to repair: no command repairs it: restore a backup" in " ".join(result.output.split())
    reports = one(office, "SELECT count(*) FROM report")
    for command in (("status", "--as-of", "2023-08-01"), ("units", "--as-of", "2023-08-01"),
                    ("report", "weekly", "--as-of", "2023-08-01"), ("show", "x-2023/2"),
                    ("log", "x-2023/2", "4", "--as-of", "2023-08-31", "--reason", "更正"),
                    ("db", "copy", "--to", str(tmp_path / "copy.db"))):
        damaged(office(*command), "type: report row ")
    assert one(office, "SELECT count(*) FROM report") == reports
    assert not (tmp_path / "copy.db").exists()
    assert office(*SCHOOLS).exit_code == 0  # another task's write, which meets no damaged row, goes on


# --- F5: an indicator deleted by hand, its reports left -----------------------------------------------------------

@pytest.mark.sqlite_only
def test_a_missing_parent_is_said_by_reads_and_refuses_writes_and_copies(office, tmp_path):
    assert office(*LOG).exit_code == 0 and office(*LATER).exit_code == 0
    indicator = one(office, "SELECT indicator_id FROM report ORDER BY id DESC LIMIT 1")  # task 2's one indicator
    edit(office, f"DELETE FROM milestone WHERE indicator_id = {indicator}", f"DELETE FROM indicator WHERE id = {indicator}")
    orphan = one(office, f"SELECT min(id) FROM report WHERE indicator_id = {indicator}")
    result = office("db", "check")
    assert result.exit_code == 1 and f"foreign key: report row {orphan} points to a missing indicator row" in result.output
    damaged(office("show", "x-2023/2"), "plan: task_line row", "(x-2023/2) holds no indicator", "restore a backup")
    for read in (("status", "--as-of", "2023-07-01"), ("history", "x-2023/2")):  # not task 2 left out, nor "no reports"
        damaged(office(*read), "holds no indicator")
    reports, batches = one(office, "SELECT count(*) FROM report"), one(office, "SELECT count(*) FROM batch")
    damaged(office(*SCHOOLS), "foreign key: report row")  # a write to another task
    damaged(office("import", "plan", str(office.plan)), "foreign key: report row")
    damaged(office("undo"), "foreign key: report row")
    damaged(office("db", "copy", "--to", str(tmp_path / "copy.db")), "foreign key: report row")
    assert not (tmp_path / "copy.db").exists()
    assert (one(office, "SELECT count(*) FROM report"), one(office, "SELECT count(*) FROM batch")) == (reports, batches)
    assert one(office, f"SELECT count(*) FROM indicator WHERE id = {indicator}") == 0  # not made again beside its reports


def test_a_line_whose_indicator_was_deleted_is_said_not_left_out(office):
    """No report on it, so no foreign key broken: status left task 1 out without a word, db check said ok."""
    indicator, line = office.sql("SELECT min(id), min(line_id) FROM indicator")[0]
    edit(office, f"DELETE FROM milestone WHERE indicator_id = {indicator}", f"DELETE FROM indicator WHERE id = {indicator}")
    result = office("db", "check")
    assert result.exit_code == 1 and f"plan: task_line row {line} (x-2023/1) holds no indicator" in result.output
    assert "to repair: `mstrack import plan` of the programme's plan file puts a line's indicator back" in " ".join(
        result.output.split())
    for read in (("status", "--as-of", "2023-07-01"), ("show", "x-2023/1"), ("history", "x-2023/1"),
                 ("report", "annual", "-p", "x-2023")):
        damaged(office(*read), f"plan: task_line row {line} (x-2023/1) holds no indicator", "`mstrack import plan`")
    assert office("import", "plan", str(office.plan)).exit_code == 0  # the plan's own line put back
    assert office("db", "check").exit_code == 0 and "学校" in office("status", "--as-of", "2023-07-01").output


# --- F5b: a retraction deleted by hand ---------------------------------------------------------------------------

def test_a_deleted_retraction_is_found_by_the_undo_batchs_count(office):
    assert office(*LOG).exit_code == 0
    assert office("undo").exit_code == 0
    undo = one(office, "SELECT max(id) FROM batch")
    assert office("db", "check").exit_code == 0
    edit(office, "DELETE FROM report_retraction")
    result = office("db", "check")
    assert result.exit_code == 1, result.output
    assert f"count: batch row {undo}: says 1 report retracted, report_retraction holds 0 of it" in result.output


def test_reports_claiming_a_batch_that_wrote_fewer_are_found(office):
    """A batch's number given to reports that are not its own (a deleted batch's number reused: safety49 F5g)."""
    assert office(*LOG).exit_code == 0 and office(*LATER).exit_code == 0
    first, second = [row[0] for row in office.sql("SELECT id FROM batch ORDER BY id DESC LIMIT 2")][::-1]
    edit(office, f"UPDATE report SET batch_id = {second} WHERE batch_id = {first}")
    result = office("db", "check")
    assert result.exit_code == 1, result.output
    assert f"count: batch row {second}: says 1 report added, report holds 2 of it" in result.output
    assert f"count: batch row {first}: says 1 report added, report holds 0 of it" in result.output


# --- F5d: the plan held twice ------------------------------------------------------------------------------------

def test_a_milestone_edited_by_hand_is_found_and_repair_remakes_the_plan_copy(office):
    indicator = one(office, "SELECT max(indicator_id) FROM milestone")  # task 2's 道路
    day = "2023-06-30"
    edit(office, f"UPDATE milestone SET target = 4 WHERE indicator_id = {indicator} AND due = '{day}'")
    result = office("db", "check")
    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())
    assert f"plan copy: indicator row {indicator}: plan_rows, what status and the reports read, differs from" in output
    assert f"({day}: 2 in plan_rows, 4 in the rows)" in output and "to repair: `mstrack db check --repair` makes plan_rows anew" in output
    result = office("db", "check", "--repair")
    assert result.exit_code == 0, result.output
    assert "plan_rows made anew from the rows for 1 indicator" in result.output and result.output.rstrip().endswith(": ok")
    assert office("db", "check").exit_code == 0
    assert "4条" in office("show", "x-2023/2", "--as-of", "2023-07-01").output  # what status now reads: the rows' plan


@pytest.mark.sqlite_only
def test_repair_is_refused_on_broken_foreign_keys(office):
    assert office(*LOG).exit_code == 0
    indicator = one(office, "SELECT min(indicator_id) FROM report")
    edit(office, f"DELETE FROM milestone WHERE indicator_id = {indicator}", f"DELETE FROM indicator WHERE id = {indicator}")
    damaged(office("db", "check", "--repair"), "foreign key: report row")


def test_a_store_as_written_checks_ok(office):
    """No false alarm: logs, an undo, an undo of it, a plan re-imported."""
    assert office(*LOG).exit_code == 0
    assert office("undo").exit_code == 0
    assert office("undo", str(one(office, "SELECT max(id) FROM batch"))).exit_code == 0
    assert office("import", "plan", str(office.plan)).exit_code == 0
    result = office("db", "check")
    assert result.exit_code == 0, result.output


def test_a_store_whose_undone_reports_a_re_import_deleted_checks_ok(office, tmp_path):
    """No false alarm on counts a later write changed as designed: undone reports deleted with the task a re-import
    dropped (undone_deleted), that import undone, an undo undone."""
    assert office(*LOG).exit_code == 0 and office(*LATER).exit_code == 0 and office(*SCHOOLS).exit_code == 0
    for batch in ("2", "3", "6", "7"):  # undo 2 (5), undo 3 (6), undo of that undo (7), undo of the restore (8)
        result = office("undo", batch)
        assert result.exit_code == 0, result.output
    smaller = write_plan(tmp_path / "smaller.toml", plan_tasks(
        plan_task("1", "新建学校3所", "县教育局", "学校", "所", 3, milestones=[("2023-06-30", 1), ("2023-12-31", 3)])))
    result = office("import", "plan", str(smaller))
    assert result.exit_code == 0, result.output
    assert one(office, "SELECT count(*) FROM undone_deleted") >= 1
    assert office("db", "check").exit_code == 0, office("db", "check").output
    assert office("undo").exit_code == 0  # the re-import undone: task 2 back
    result = office("db", "check")
    assert result.exit_code == 0, result.output


def test_a_store_with_a_bug_of_mstracks_own_is_said_as_a_bug(office, monkeypatch):
    """An unexpected error on a store that checks out stays a traceback (a bug to report), not "damaged"."""
    import mstrack.store.reads as reads

    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(reads.Reads, "task_detail", broken)
    with pytest.raises(ValueError, match="a bug"):
        office("show", "x-2023/2")
