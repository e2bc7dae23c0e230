"""What the write lock protects, pinned with the writers' interleaving forced, not left to luck (pin53).

The 8-coordinator test (tests/test_postgres.py) passed with PostgreSQL's advisory lock taken out: eight `log`s
only insert, and a serial never gives a number twice. What the lock is for is a check that must stay true until
the commit (Store.locked): "is this batch undone already?". Here one undo is held inside its transaction (its
confirm hook, called just before the commit) while a second undo of the same batch runs up to the point where it
waits; only then is the first let go. With the lock (SQLite's BEGIN IMMEDIATE, PostgreSQL's pg_advisory_xact_lock)
the second reads after the first committed and is refused "already undone"; without it the second read before
(PostgreSQL: a second undo batch, the batch undone twice; SQLite: a stale snapshot that cannot write, "locked").
"""

import os
import subprocess
import sys
import textwrap
import time

from .conftest import BACKEND, refused

HOLDER = textwrap.dedent("""
    import sys
    import time
    from pathlib import Path
    from mstrack.store import Store

    url, batch, folder = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])

    def hold(_done):  # inside the write transaction, everything checked and written, the commit next
        (folder / "held").touch()
        while not (folder / "release").exists():
            time.sleep(0.01)

    Store(url).undo(batch, confirm=hold)
    print("undone")
""")

SECOND = textwrap.dedent("""
    import sys
    from pathlib import Path
    from sqlalchemy import event
    from mstrack.errors import InputError
    from mstrack.store import Store

    url, batch, folder = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    store = Store(url)

    @event.listens_for(store.engine, "before_cursor_execute")
    def asked(connection, cursor, statement, *_):
        # the write lock asked for (SQLite's BEGIN IMMEDIATE), or, where no lock was taken first, its checks done
        if statement.startswith("BEGIN IMMEDIATE") or statement.startswith("INSERT INTO batch"):
            (folder / "asked").touch()

    try:
        store.undo(batch)
    except InputError as error:
        print("refused:", error)
        sys.exit(2)
    except Exception as error:
        print("failed:", type(error).__name__, error)
        sys.exit(3)
    print("undone")
""")


def _waiting_on_a_lock(cli) -> bool:
    """PostgreSQL: a server process of this database waits for a lock (the advisory write lock, or a row another
    transaction inserted and has not committed)."""
    return cli.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                   "AND wait_event_type = 'Lock'")[0][0] > 0


def _wait_for(condition, what: str, processes, timeout: float = 60) -> None:
    """Until condition() holds or one of processes has ended (what it said is then checked by the caller)."""
    end = time.monotonic() + timeout
    while not condition() and all(p.poll() is None for p in processes):
        assert time.monotonic() < end, what
        time.sleep(0.02)


def test_two_undos_of_one_batch_at_once_undo_it_once_the_second_refused(cli, tmp_path, background):
    """The first undo is held before its commit; the second starts, and the first is let go only once the second
    has asked for the write lock (SQLite: its BEGIN IMMEDIATE issued; PostgreSQL: its process waiting on a lock) or,
    lockless, has passed its check and written its batch. Fails with the lock taken out of either store."""
    assert cli("demo").exit_code == 0
    result = cli("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30")
    assert result.exit_code == 0, result.output
    batch = cli.sql("SELECT max(id) FROM batch")[0][0]
    holder_script, second_script = tmp_path / "holder.py", tmp_path / "second.py"
    holder_script.write_text(HOLDER, encoding="utf-8")
    second_script.write_text(SECOND, encoding="utf-8")
    args = [cli.url, str(batch), str(tmp_path)]
    env = {**os.environ, "MSTRACK_BUSY_TIMEOUT": "60"}
    holder = background([sys.executable, str(holder_script), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                        text=True, env=env)
    _wait_for((tmp_path / "held").exists, "the first undo never reached its commit", [holder])
    assert holder.poll() is None, holder.communicate()
    second = background([sys.executable, str(second_script), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                        text=True, env=env)
    if BACKEND == "postgresql":
        _wait_for(lambda: (tmp_path / "asked").exists() or _waiting_on_a_lock(cli), "the second undo never waited",
                  [holder, second])
    else:
        _wait_for((tmp_path / "asked").exists, "the second undo never asked for the lock", [holder, second])
    (tmp_path / "release").touch()
    first_out, first_err = holder.communicate(timeout=120)
    second_out, second_err = second.communicate(timeout=120)
    assert holder.returncode == 0 and "undone" in first_out, (first_out, first_err)
    assert second.returncode == 2, (second_out, second_err)
    assert f"batch {batch} was already undone by batch" in second_out, (second_out, second_err)
    assert cli.sql(f"SELECT count(*) FROM batch WHERE undoes = {batch}") == [(1,)]
    assert cli.sql(f"SELECT count(*) FROM report_retraction AS r JOIN report AS x ON x.id = r.report_id "
                   f"WHERE x.batch_id = {batch}") == [(1,)]
    assert cli("db", "check").exit_code == 0


def test_a_plan_saved_after_import_tables_last_look_is_not_written_over(demo_cli, tmp_path, monkeypatch):
    """The plan's rename takes a new name only (a hard link: render/outputs._link_new). test_safe26b's plan made while
    the table was converted is caught by the looks before the write; this one is saved once the temporary file is
    made, after every look, and the rename alone keeps it (an os.replace there passed every other test on plans)."""
    import mstrack.render.outputs as outputs

    table = tmp_path / "t.csv"
    table.write_text("序号,项目名称,工作任务,牵头单位,完成时限,完成情况\n1,a,新建公园3个,市城管局,2023年12月底,已建2个\n",
                     encoding="utf-8")
    plan = tmp_path / "p.toml"
    real = outputs.hold_part

    def made(descriptor):  # the temporary beside the plan just made: a reviewer saves the plan now
        real(descriptor)
        plan.write_text("# reviewed by hand\n", encoding="utf-8")

    monkeypatch.setattr(outputs, "hold_part", made)
    result = demo_cli("import", "table", str(table), "-p", "t-2023", "--year", "2023", "-o", str(plan))
    refused(result, str(plan), "exists already")
    assert plan.read_text(encoding="utf-8") == "# reviewed by hand\n"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
