"""A second Ctrl-C while SQLAlchemy's pool closes a connection (the copy's, closed as the first Ctrl-C unwinds `db
copy`): SQLAlchemy logs "Exception closing connection …" with the KeyboardInterrupt's traceback before raising it
again, and with no handler configured Python's logging printed ~38 lines on stderr above the command's one line.
Such a record is not printed; any other error the pool logs still is."""

import os
import subprocess
import sys
import textwrap

import pytest

from .conftest import BACKEND

pytestmark = pytest.mark.skipif(BACKEND != "sqlite", reason="the copy into a file: an SQLite store's pool")

DRIVER = textwrap.dedent("""
    import sys
    import mstrack.store.copying as copying
    from sqlalchemy.engine import default
    from mstrack.cli.app import run

    raising = sys.argv[3]
    close = default.DefaultDialect.do_close
    pressed = []

    def copy_rows_interrupted(self, source, destination):
        if raising == "interrupt":  # the first Ctrl-C, in the middle of the copy
            pressed.append(True)
            raise KeyboardInterrupt
        return copy_rows(self, source, destination)

    def do_close_meeting_a_second_ctrl_c(self, dbapi_connection):
        # what the second Ctrl-C does when it lands while the pool closes the copy's connection (Store.close's
        # dispose as the first one unwinds): the pool logs it with its traceback, then raises it again
        if pressed:
            pressed.clear()
            raise KeyboardInterrupt
        if raising == "error":
            raise RuntimeError("the driver could not close it")
        return close(self, dbapi_connection)

    copy_rows = copying.Copying.copy_rows
    copying.Copying.copy_rows = copy_rows_interrupted
    default.DefaultDialect.do_close = do_close_meeting_a_second_ctrl_c
    sys.argv = ["mstrack", "--db", sys.argv[1], "--lang", "en", "db", "copy", "--to", sys.argv[2]]
    run()
""")


def _copy(db, target, raising: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", DRIVER, str(db), str(target), raising], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "MSTRACK_LANG": "en"})


def test_a_second_ctrl_c_while_the_pool_closes_a_connection_says_one_line(demo_cli, tmp_path):
    """Exit 130, the one line and nothing of SQLAlchemy's log ("Exception closing connection" and a traceback
    were printed above it), no target and no temporary file."""
    target = tmp_path / "copy.db"
    done = _copy(demo_cli.db, target, "interrupt")
    assert (done.returncode, done.stderr) == (130, "mstrack: interrupted: nothing of what this command was writing "
                                                   "was kept\n"), (done.stdout, done.stderr)
    assert done.stdout == ""
    assert sorted(path.name for path in tmp_path.iterdir() if path.name != "demo.db") == []


def test_another_error_the_pool_logs_is_still_shown(demo_cli, tmp_path):
    """An error other than a Ctrl-C that SQLAlchemy's pool logs while closing a connection reaches stderr as
    before, with its traceback; the copy, which it does not stop, is made."""
    target = tmp_path / "copy.db"
    done = _copy(demo_cli.db, target, "error")
    assert done.returncode == 0, done.stderr
    assert "Exception closing connection <sqlite3.Connection" in done.stderr
    assert "RuntimeError: the driver could not close it" in done.stderr
    assert "row counts and status verified" in done.stdout
    assert target.exists()


CONFIGURED = textwrap.dedent("""
    import logging, sys
    from mstrack.store import Store

    logging.basicConfig(stream=sys.stdout, format="%(name)s: %(message)s")  # a program that configures logging
    Store.interrupt_logs_unsaid = True  # as cli_store sets it in the `mstrack` script
    Store("sqlite:///" + sys.argv[1]).engine
    pool_log = logging.getLogger("sqlalchemy.pool.impl.QueuePool")
    for error in (KeyboardInterrupt(), OSError("disk I/O error")):
        try:
            raise error
        except BaseException:
            pool_log.error("Exception closing connection %r", "the connection", exc_info=True)
""")


def test_the_handlers_a_program_configured_still_get_every_other_record(tmp_path):
    """A record of the pool's that is not a Ctrl-C reaches the root logger's handlers once, as before (the
    `sqlalchemy` logger's own handler passes it on and no longer propagates it too); a Ctrl-C's does not."""
    done = subprocess.run([sys.executable, "-c", CONFIGURED, str(tmp_path / "x.db")], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("sqlalchemy.pool.impl.QueuePool: Exception closing connection 'the connection'") == 1
    assert "OSError: disk I/O error" in done.stdout and "KeyboardInterrupt" not in done.stdout
    assert done.stderr == ""


QUIETED = textwrap.dedent("""
    import logging, sys
    from mstrack.store import Store

    logging.getLogger("sqlalchemy.pool").addHandler(logging.NullHandler())  # as a PostgreSQL store sets it
    Store.interrupt_logs_unsaid = True
    Store("sqlite:///" + sys.argv[1]).engine
    try:
        raise OSError("query cancelled")
    except OSError:
        logging.getLogger("sqlalchemy.pool.impl.NullPool").error("Exception during reset or similar", exc_info=True)
    logging.getLogger("sqlalchemy.engine.Engine").error("what no handler takes")
""")


def test_a_record_a_handler_below_took_is_not_printed_by_the_last_resort(tmp_path):
    """The pool's records a NullHandler takes (store/driver_logs.driver_cleanup_unsaid, PostgreSQL's cancelled
    connection) stay off stderr, as before; one that no handler takes is printed by Python's last resort, as before."""
    done = subprocess.run([sys.executable, "-c", QUIETED, str(tmp_path / "x.db")], capture_output=True, text=True,
                          timeout=120)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "what no handler takes\n")
