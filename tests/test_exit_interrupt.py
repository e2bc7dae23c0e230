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


SWALLOWED = textwrap.dedent("""
    import sys, time, weakref
    import mstrack.store.copying as copying
    from mstrack.cli.app import run

    copy_rows = copying.Copying.copy_rows

    def copy_rows_meeting_a_ctrl_c_in_a_callback(self, source, destination):
        # what a Ctrl-C that lands while a weakref's callback runs (SQLAlchemy's _collection_gced) does: Python can
        # raise it nowhere, and prints "Exception ignored in … KeyboardInterrupt"
        class Collected:
            pass

        def callback(_ref):
            raise KeyboardInterrupt

        doomed = Collected()
        ref = weakref.ref(doomed, callback)
        del doomed
        time.sleep(2)  # the rest of a long copy
        return copy_rows(self, source, destination)

    copying.Copying.copy_rows = copy_rows_meeting_a_ctrl_c_in_a_callback
    sys.argv = ["mstrack", "--db", sys.argv[1], "--lang", "en", "db", "copy", "--to", sys.argv[2]]
    run()
""")


def test_a_ctrl_c_python_swallows_in_a_callback_interrupts_the_command(demo_cli, tmp_path):
    """The Ctrl-C is sent again a moment later, where it can interrupt: the copy exits 130 saying nothing was kept,
    with no target, and nothing of Python's on stderr (it was exit 0 with "Exception ignored in …" under load)."""
    target = tmp_path / "copy.db"
    done = subprocess.run([sys.executable, "-c", SWALLOWED, str(demo_cli.db), str(target)], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "MSTRACK_LANG": "en"})
    assert (done.returncode, done.stderr) == (130, "mstrack: interrupted: nothing of what this command was writing "
                                                   "was kept\n"), (done.stdout, done.stderr)
    assert not target.exists()
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith("copy")) == []


SWALLOWED_AT_THE_END = textwrap.dedent("""
    import importlib, sys, weakref
    cli_app = importlib.import_module("mstrack.cli.app")  # the package's `app` attribute is the Typer app

    app = cli_app.app

    def app_meeting_a_ctrl_c_in_a_callback_as_it_ends(**options):
        # the Ctrl-C lands in a weakref's callback in the command's last moment: its re-send is due after the outcome
        # is decided, and Python's shutdown sets SIGALRM back to death before it would fire
        class Collected:
            pass

        def callback(_ref):
            raise KeyboardInterrupt

        try:
            app(**options)
        finally:
            doomed = Collected()
            ref = weakref.ref(doomed, callback)
            del doomed

    cli_app.app = app_meeting_a_ctrl_c_in_a_callback_as_it_ends
    sys.argv = ["mstrack", "--db", sys.argv[1], "--lang", "en", *sys.argv[2:]]
    cli_app.run()
""")


def test_a_ctrl_c_swallowed_as_the_command_ends_changes_nothing(demo_cli, tmp_path):
    """review42: the re-send's timer outlived the command and killed the process with "Alarm clock" (exit 142) after a
    copy was made and said; the outcome decided, the timer is cancelled with the Ctrl-C it carried."""
    target = tmp_path / "copy.db"
    for command in (["programmes"], ["db", "copy", "--to", str(target)]):
        done = subprocess.run([sys.executable, "-c", SWALLOWED_AT_THE_END, str(demo_cli.db), *command],
                              capture_output=True, text=True, timeout=120, env={**os.environ, "MSTRACK_LANG": "en"})
        made = f"created the store {target}\n" if command[0] == "db" else ""  # a copy says the store it made (store50)
        assert (done.returncode, done.stderr) == (0, made), (command, done.stdout, done.stderr)
    assert target.exists() and "verified" in done.stdout, done.stdout
