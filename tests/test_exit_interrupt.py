"""A Ctrl-C that comes once a command's outcome is decided (its exit code set, its output out) changes nothing: the
process ends with that code and nothing more on stderr. Seen under load: `db copy` exit 0, then Python's shutdown
printed "Exception ignored in: <function _collection_gced …> … KeyboardInterrupt" (tests/test_db_copy.py's Ctrl-C
at any moment)."""

import os
import subprocess
import sys
import textwrap

DRIVER = textwrap.dedent("""
    import atexit, os, signal, sys
    from mstrack.cli.app import run
    # what a late Ctrl-C does: the signal arrives while the process ends (atexit runs in either way out of run)
    atexit.register(lambda: os.kill(os.getpid(), signal.SIGINT))
    sys.argv = ["mstrack", "--db", sys.argv[1], "--lang", "en", "units", "--as-of", "2023-07-01"]
    run()
""")


def test_a_ctrl_c_after_the_outcome_is_decided_changes_nothing(demo_cli):
    """A read (no write holds SIGINT): the late Ctrl-C was printed as "Exception ignored in atexit callback … KeyboardInterrupt"."""
    db = demo_cli.db
    done = subprocess.run([sys.executable, "-c", DRIVER, str(db)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "MSTRACK_LANG": "en"})
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith("Lead units: tasks by status as of 2023-07-01") and "73 units" in done.stdout
