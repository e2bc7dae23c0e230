"""The PostgreSQL pass (MSTRACK_TEST_BACKEND=postgresql) runs the tests that can meet the store and deselects the ones
that would run exactly as in the SQLite pass (tests/conftest.py pytest_collection_modifyitems)."""

import os
import subprocess
import sys

from .conftest import ROOT


def _collected(*paths: str) -> list[str]:
    env = {**os.environ, "MSTRACK_TEST_BACKEND": "postgresql", "MSTRACK_TEST_PG": "postgresql://nobody@127.0.0.1:9/none"}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "--collect-only", "-p", "no:cacheprovider", *paths],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return [line for line in done.stdout.splitlines() if "::" in line]


def test_the_postgresql_pass_keeps_what_meets_the_store_and_drops_what_runs_the_same():
    kept = _collected("tests/test_engine.py", "tests/test_end_to_end.py", "tests/test_safe32b.py",
                      "tests/test_store.py", "tests/test_import_chunks.py")
    files = {line.split("::")[0] for line in kept}
    assert "tests/test_engine.py" not in files  # the domain alone: no store
    assert "tests/test_end_to_end.py" not in files  # SQLite files of its own, the same on either pass
    # the demo_cli fixture, a fixture asking for `cli` (roads), a module that picks its store by BACKEND, one whose
    # fixture makes PostgreSQL databases
    assert "tests/test_safe32b.py::test_a_freeze_into_a_fifo_is_written_before_it_is_kept" in kept
    assert "tests/test_safe32b.py::test_hundreds_of_stale_rows_are_all_kept_off_and_counted" in kept
    assert {"tests/test_store.py", "tests/test_import_chunks.py"} <= files
