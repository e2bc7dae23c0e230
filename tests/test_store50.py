"""The store (store50): a write checks foreign keys only where another program may have changed the SQLite file
(store/checked_stamp); nothing copied or refused without a word (db backup of a damaged store, db restore and db copy
onto a new file, import plan after plan_rows were edited by hand, batch numbering after a copy)."""

import contextlib
import os
import sqlite3

import pytest

from mstrack.store import checks
from mstrack.store.checked_stamp import ATTRIBUTE, checked_since, data_version, stamp_checked

from .conftest import plan_task, plan_tasks, write_plan
from .test_fix49b import LATER, LOG, SCHOOLS, damaged
from .test_safe_store import one


@pytest.fixture
def office(cli, tmp_path):
    """fix49b's small store: task 1 学校 (3所), task 2 道路 (5条), each with a June and a December milestone."""
    plan = write_plan(tmp_path / "plan.toml", plan_tasks(
        plan_task("1", "新建学校3所", "县教育局", "学校", "所", 3, milestones=[("2023-06-30", 1), ("2023-12-31", 3)]),
        plan_task("2", "新建道路5条", "县住建局", "道路", "条", 5, milestones=[("2023-06-30", 2), ("2023-12-31", 5)])))
    assert cli("import", "plan", str(plan)).exit_code == 0
    cli.plan = plan
    return cli


@pytest.fixture
def counted(monkeypatch):
    """How many times a write ran the foreign-key check."""
    calls = []
    check = checks.refuse_damaged_links

    def counting(connection):
        calls.append(1)
        check(connection)

    monkeypatch.setattr(checks, "refuse_damaged_links", counting)
    return calls


# --- the foreign-key check only after another program's write ------------------------------------------------------

@pytest.mark.sqlite_only
def test_a_write_after_mstracks_own_write_runs_no_check(office, counted):
    assert office(*LOG).exit_code == 0
    assert os.getxattr(office.db, ATTRIBUTE)  # stamped by the write
    counted.clear()
    assert office(*LATER).exit_code == 0 and office(*SCHOOLS).exit_code == 0
    assert counted == []  # no other program wrote between: no check
    assert one(office, "SELECT count(*) FROM report") == 3


@pytest.mark.sqlite_only
def test_a_hand_edit_between_two_writes_is_still_refused(office, counted):
    assert office(*LOG).exit_code == 0 and office(*LATER).exit_code == 0
    indicator = one(office, "SELECT indicator_id FROM report ORDER BY id DESC LIMIT 1")
    orphan = one(office, f"SELECT min(id) FROM report WHERE indicator_id = {indicator}")
    with contextlib.closing(sqlite3.connect(office.db)) as connection:  # another program, foreign keys off (its default)
        connection.execute(f"DELETE FROM milestone WHERE indicator_id = {indicator}")
        connection.execute(f"DELETE FROM indicator WHERE id = {indicator}")
        connection.commit()
    counted.clear()
    reports, batches = one(office, "SELECT count(*) FROM report"), one(office, "SELECT count(*) FROM batch")
    damaged(office(*SCHOOLS), f"foreign key: report row {orphan} points to a missing indicator row")
    assert counted == [1]
    damaged(office(*SCHOOLS), f"foreign key: report row {orphan} points to a missing indicator row")  # and again
    assert counted == [1, 1]
    assert (one(office, "SELECT count(*) FROM report"), one(office, "SELECT count(*) FROM batch")) == (reports, batches)


@pytest.mark.sqlite_only
def test_a_harmless_hand_edit_costs_one_check_then_none(office, counted):
    assert office(*LOG).exit_code == 0
    with contextlib.closing(sqlite3.connect(office.db)) as connection:
        connection.execute("UPDATE report SET note = 'x'")
        connection.commit()
    counted.clear()
    assert office(*LATER).exit_code == 0 and counted == [1]
    assert office(*SCHOOLS).exit_code == 0 and counted == [1]


@pytest.mark.sqlite_only
def test_another_programs_write_still_in_the_wal_is_checked(office, counted):
    assert office(*LOG).exit_code == 0
    with contextlib.closing(sqlite3.connect(office.db)) as holder:  # keeps the store open: its write stays in the -wal
        holder.execute("BEGIN")
        holder.execute("SELECT count(*) FROM report").fetchone()  # a snapshot from before the next commit
        with contextlib.closing(sqlite3.connect(office.db)) as editor:
            editor.execute("UPDATE report SET note = 'x'")
            editor.commit()
        assert not checked_since(office.db)
        counted.clear()
        assert office(*LATER).exit_code == 0 and counted == [1]
        holder.execute("ROLLBACK")


@pytest.mark.sqlite_only
def test_no_stamp_where_another_connection_committed_after_the_write(office):
    assert office(*LOG).exit_code == 0
    os.removexattr(office.db, ATTRIBUTE)
    with contextlib.closing(sqlite3.connect(office.db, isolation_level=None)) as connection:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("UPDATE report SET note = 'mine'")
        version = data_version(connection)
        connection.execute("COMMIT")
        with contextlib.closing(sqlite3.connect(office.db)) as other:  # between the commit and the stamp
            other.execute("UPDATE report SET note = 'theirs'")
            other.commit()
        stamp_checked(connection, office.db, version, 1000)
        assert not checked_since(office.db)
        with pytest.raises(OSError):
            os.getxattr(office.db, ATTRIBUTE)
        stamp_checked(connection, office.db, data_version(connection), 1000)  # nothing between: stamped
        assert checked_since(office.db)


@pytest.fixture
def xattrs(tmp_path):
    """Skips where the file system keeps no user attributes (tmpfs before Linux 6.6): there nothing is stamped and
    every write checks, which the tests below cannot tell from a stamp."""
    probe = tmp_path / "probe"
    probe.write_bytes(b"")
    try:
        os.setxattr(probe, "user.mstrack.probe", b"1")
    except OSError:
        pytest.skip("no user extended attributes on this file system")


@pytest.mark.sqlite_only
def test_a_copy_of_the_file_is_checked_once(office, counted, tmp_path, xattrs):
    import shutil

    from .conftest import Cli

    assert office(*LOG).exit_code == 0
    copy = tmp_path / "copy.db"
    shutil.copy2(office.db, copy)  # times kept; another inode
    os.setxattr(copy, ATTRIBUTE, os.getxattr(office.db, ATTRIBUTE))
    assert not checked_since(copy)
    counted.clear()
    copied = Cli(copy)
    assert copied(*LATER).exit_code == 0 and counted == [1]  # checked once, then stamped
    assert copied(*SCHOOLS).exit_code == 0 and counted == [1]  # no second check
    assert checked_since(copy)


@pytest.mark.sqlite_only
def test_a_store_named_through_a_symlink_sees_another_programs_write_in_the_wal(office, counted, tmp_path, xattrs):
    """review50 F1: SQLite writes the -wal beside the file the link points to (real.db-wal, not link.db-wal): a
    broken link another program left there is found at the next write through the link, and never stamped as checked."""
    from .conftest import Cli

    link = tmp_path / "link.db"
    link.symlink_to(office.db)
    linked = Cli(link)
    assert linked(*LOG).exit_code == 0 and checked_since(link)  # stamped through the link
    indicator = one(office, "SELECT indicator_id FROM report LIMIT 1")
    with contextlib.closing(sqlite3.connect(office.db)) as keeper:  # keeps the store open: the edit stays in the -wal
        keeper.execute("SELECT count(*) FROM report").fetchone()
        with contextlib.closing(sqlite3.connect(office.db)) as editor:  # foreign keys off, its default
            editor.execute(f"DELETE FROM milestone WHERE indicator_id = {indicator}")
            editor.execute(f"DELETE FROM indicator WHERE id = {indicator}")
            editor.commit()
        assert not checked_since(link)
        counted.clear()
        reports = one(office, "SELECT count(*) FROM report")
        damaged(linked(*SCHOOLS), "foreign key: report row")
        assert counted == [1] and one(office, "SELECT count(*) FROM report") == reports
    damaged(linked(*SCHOOLS), "foreign key: report row")  # and again, the keeper gone: never stamped as checked
    damaged(office(*SCHOOLS), "foreign key: report row")  # nor through the real name


# --- import plan refused by a plan the reports were never entered against (safety49 F5d) ---------------------------

SCHEDULE_PLAN = """format = 1
[programme]
code = "c-2026"
name = "c"
year = 2026

[[tasks]]
code = "6"
title = "制定方案"
deadline = "2026-12-31"

[[tasks.lines]]
lead_units = ["市民政局"]
units = ["市民政局"]
checkpoints = [{ due = "2026-03-31", label = "一季度", text = "完成调研" }, { due = "2026-09-30", label = "三季度", text = "出台方案" }]
"""


def test_an_unchanged_plan_refused_after_a_hand_edit_names_the_plan_copy_not_a_report(cli, tmp_path):
    from .test_safe_store import execute

    plan = tmp_path / "p.toml"
    plan.write_text(SCHEDULE_PLAN, encoding="utf-8")
    assert cli("import", "plan", str(plan)).exit_code == 0
    assert cli("log", "c-2026/6", "--done", "--as-of", "2026-03-20", "--by", "市民政局").exit_code == 0
    line = one(cli, "SELECT l.id FROM task_line AS l JOIN task AS t ON t.id = l.task_id WHERE t.code = '6'")
    execute(cli.url, f"DELETE FROM checkpoint WHERE line_id = {line}")  # by hand: plan_rows keeps them
    batches = one(cli, "SELECT count(*) FROM batch")
    result = cli("import", "plan", str(plan))  # the office's own file, unchanged
    output = " ".join(result.output.split())
    assert result.exit_code == 2, result.output
    assert "the store is damaged (plan copy: indicator row " in output and "none in the rows" in output, output
    assert "`mstrack db check --repair` makes plan_rows anew from the rows" in output, output
    assert "undo those reports" not in output and "Traceback" not in output, output
    assert one(cli, "SELECT count(*) FROM batch") == batches
    assert one(cli, f"SELECT count(*) FROM checkpoint WHERE line_id = {line}") == 0  # nothing written


# --- db backup of a damaged store: made, and said ------------------------------------------------------------------

@pytest.mark.sqlite_only
def test_a_backup_of_a_damaged_store_is_made_and_says_it_fails_db_check(office, tmp_path):
    assert office(*LOG).exit_code == 0 and office(*LATER).exit_code == 0
    indicator = one(office, "SELECT indicator_id FROM report ORDER BY id DESC LIMIT 1")
    orphan = one(office, f"SELECT min(id) FROM report WHERE indicator_id = {indicator}")
    with contextlib.closing(sqlite3.connect(office.db)) as connection:  # by hand, foreign keys off
        connection.execute(f"DELETE FROM milestone WHERE indicator_id = {indicator}")
        connection.execute(f"DELETE FROM indicator WHERE id = {indicator}")
        connection.commit()
    backup = tmp_path / "b.db"
    result = office("db", "backup", str(backup))
    output = " ".join(result.output.split())
    assert result.exit_code == 1, result.output
    assert f"sqlite:///{office.db} → {backup}" in output  # made, and said so first
    assert (f"mstrack: warning: sqlite:///{office.db} fails `mstrack db check` (3 problems; the first: foreign key: "
            f"report row {orphan} points to a missing indicator row): {backup} holds it as it is") in output, output
    # review50 F7e: `db restore` refuses that very copy: said, so nobody keeps it as the restore point
    assert f"`mstrack db restore` refuses {backup} for it: keep an earlier backup to restore" in output, output
    refused = office("db", "restore", str(backup))
    assert refused.exit_code == 2 and "nothing restored" in " ".join(refused.output.split()), refused.output
    with contextlib.closing(sqlite3.connect(backup)) as copy:  # the store as it is, damage included
        assert copy.execute("SELECT count(*) FROM report").fetchone()[0] == 2
        assert copy.execute(f"SELECT count(*) FROM indicator WHERE id = {indicator}").fetchone()[0] == 0
    assert office("db", "backup", str(tmp_path / "x.db")).exit_code == 1  # said each time, while the damage lasts
    assert (tmp_path / "x.db").exists()


@pytest.mark.sqlite_only
def test_a_backup_of_a_sound_store_says_nothing_more(office, tmp_path):
    assert office(*LOG).exit_code == 0
    result = office("db", "backup", str(tmp_path / "b.db"))
    assert result.exit_code == 0 and "warning" not in result.output and (tmp_path / "b.db").exists()


# --- db restore and db copy onto a new file say the store they make (as init, demo and import plan do) ---------------

@pytest.mark.sqlite_only  # db restore puts a backup into an SQLite file
def test_db_restore_onto_a_new_file_says_it_made_the_store(office, tmp_path):
    from .conftest import Cli

    backup = tmp_path / "b.db"
    assert office("db", "backup", str(backup)).exit_code == 0
    new = Cli(tmp_path / "new.db")
    made = new("db", "restore", str(backup))
    assert made.exit_code == 0, made.output
    assert f"created the store {tmp_path / 'new.db'}" in made.stderr, made.output
    assert one(new, "SELECT count(*) FROM task") == 2
    again = new("db", "restore", str(backup))  # over the store it made: nothing made
    assert again.exit_code == 0 and "created the store" not in again.output, again.output


def test_db_copy_onto_a_new_file_says_it_made_the_store(office, tmp_path):
    from .conftest import Cli

    target = tmp_path / "copy.db"
    made = office("db", "copy", "--to", str(target))
    assert made.exit_code == 0, made.output
    assert f"created the store {target}" in made.stderr, made.output
    assert one(Cli(target), "SELECT count(*) FROM task") == 2


# --- batch numbers: db copy carries the highest number given; a PostgreSQL sequence behind its rows is mended -------

def _numbers_given_up_to(cli, number: int) -> None:
    """Batch numbers up to `number` given, the rows above the store's latest gone (deleted at the top, or rolled back)."""
    from .conftest import BACKEND
    from .test_safe_store import execute

    if BACKEND == "postgresql":
        execute(cli.url, f"SELECT setval(pg_get_serial_sequence('batch', 'id'), {number})")
    else:
        execute(cli.url, f"UPDATE sqlite_sequence SET seq = {number} WHERE name = 'batch'")


def test_db_copy_numbers_the_next_batch_past_every_number_the_source_gave(office, tmp_path):
    from .conftest import Cli

    assert office(*LOG).exit_code == 0
    top = one(office, "SELECT max(id) FROM batch")
    _numbers_given_up_to(office, top + 5)
    target = tmp_path / "copy.db"
    assert office("db", "copy", "--to", str(target)).exit_code == 0
    copy = Cli(target)
    assert copy(*LATER).exit_code == 0
    assert one(copy, "SELECT max(id) FROM batch") == top + 6  # not top + 1: a number the source gave, given again
    assert office(*LATER).exit_code == 0 and one(office, "SELECT max(id) FROM batch") == top + 6  # as the source does


def test_a_copy_of_a_store_as_written_numbers_its_next_batch_after_the_highest(office, tmp_path):
    from .conftest import Cli

    assert office(*LOG).exit_code == 0
    top = one(office, "SELECT max(id) FROM batch")
    target = tmp_path / "copy.db"
    assert office("db", "copy", "--to", str(target)).exit_code == 0
    copy = Cli(target)
    assert copy(*LATER).exit_code == 0 and one(copy, "SELECT max(id) FROM batch") == top + 1


def test_a_postgresql_batch_sequence_behind_its_rows_is_mended_by_the_next_write(office):
    """A server restored with its own tools from a dump whose sequence lagged its rows (a data-only restore, rows
    copied in by hand): the next write's number is past the highest batch, not a duplicate key or a number given."""
    from .conftest import BACKEND
    from .test_safe_store import execute

    if BACKEND != "postgresql":
        pytest.skip("PostgreSQL's sequences (SQLite's AUTOINCREMENT never gives a number below its highest row)")
    assert office(*LOG).exit_code == 0 and office(*LATER).exit_code == 0
    top = one(office, "SELECT max(id) FROM batch")
    execute(office.url, "SELECT setval(pg_get_serial_sequence('batch', 'id'), 1)")
    result = office(*SCHOOLS)
    assert result.exit_code == 0, result.output
    assert f"(batch {top + 1}, " in result.output and one(office, "SELECT max(id) FROM batch") == top + 1


@pytest.mark.sqlite_only
def test_a_migration_that_meets_a_broken_link_says_it_in_db_checks_words(tmp_path):
    """The migrations' own foreign-key check is checks.broken_links (one rule): the row named as `db check` names it."""
    from mstrack.store import Store
    from mstrack.store.migrations import SCHEMA_VERSION

    store = Store(f"sqlite:///{tmp_path / 'old.db'}")
    store.init(upto=SCHEMA_VERSION - 1)
    with contextlib.closing(sqlite3.connect(tmp_path / "old.db")) as connection:  # by hand, foreign keys off
        connection.execute("INSERT INTO report (id, indicator_id, as_of, value, entered_at) VALUES (7, 99, '2023-06-30', 1,"
                           " '2023-06-30 00:00:00')")
        connection.commit()
    with pytest.raises(RuntimeError, match=r"a migration broke foreign keys: \['foreign key: report row 7 points to a missing "
                                           r"indicator row'\]"):
        store.init()
    assert store.schema_version() == SCHEMA_VERSION - 1  # nothing of the migration kept
