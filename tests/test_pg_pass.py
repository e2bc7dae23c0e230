"""The PostgreSQL pass (MSTRACK_TEST_BACKEND=postgresql) runs the tests that can meet the store and deselects the ones
that would run exactly as in the SQLite pass (tests/conftest.py pytest_collection_modifyitems)."""

import os
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, SERVER_TESTS, STORE_TESTS


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


def _collected_on_sqlite(*paths: str) -> list[str]:
    env = {**os.environ, "MSTRACK_TEST_BACKEND": "sqlite", "MSTRACK_TEST_PG": "postgresql://nobody@127.0.0.1:9/none"}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "--collect-only", "-p", "no:cacheprovider", *paths],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return [line for line in done.stdout.splitlines() if "::" in line]


def test_every_module_about_the_store_still_meets_postgresql():
    """store/, the write path, undo, history, concurrency, migrations, copying, backups (STORE_TESTS): each module
    runs tests on PostgreSQL in CI — in the PostgreSQL pass, or, making its own databases on the server
    (SERVER_TESTS), in the SQLite pass — and none of their tests is left out as backend_independent."""
    paths = [f"tests/{name}" for name in sorted(STORE_TESTS)]
    assert all((ROOT / path).exists() for path in paths), [path for path in paths if not (ROOT / path).exists()]
    on_pg = {line.split("::")[0] for line in _collected(*paths)}
    on_sqlite = {line.split("::")[0] for line in _collected_on_sqlite(*[f"tests/{name}" for name in sorted(SERVER_TESTS)])}
    assert on_pg == {path for path in paths if Path(path).name not in SERVER_TESTS}, set(paths) - on_pg
    assert on_sqlite == {f"tests/{name}" for name in SERVER_TESTS}  # a mark there stops collection: the next test


PLANTED = '''
import pytest


@pytest.mark.backend_independent
def test_renders(demo_cli):
    assert demo_cli("status").exit_code == 0


@pytest.mark.backend_independent
def test_undoes(demo_cli):
    assert demo_cli("undo").exit_code == 0
'''


def test_a_test_that_names_the_stores_behaviour_cannot_be_marked_backend_independent(tmp_path):
    """The mark on a test that undoes (STORE_WORDS) stops the run at collection, on either pass, naming the test; the
    same mark on a test that only renders is taken, and the PostgreSQL pass leaves that test out."""
    planted = tmp_path / "test_planted.py"
    planted.write_text(PLANTED, encoding="utf-8")
    env = {**os.environ, "MSTRACK_TEST_PG": "postgresql://nobody@127.0.0.1:9/none"}
    for backend in ("sqlite", "postgresql"):
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "--collect-only", "-p", "no:cacheprovider", "-p",
                               "tests.conftest", "--rootdir", str(tmp_path), str(planted)], cwd=ROOT,
                              env={**env, "MSTRACK_TEST_BACKEND": backend}, capture_output=True, text=True, timeout=300)
        assert done.returncode != 0 and "test_planted.py::test_undoes: it names the store's behaviour ('\"undo\"')" in done.stderr, \
            done.stdout + done.stderr
        assert "test_renders" not in done.stderr
    planted.write_text(PLANTED.split("\n\n\n@pytest.mark.backend_independent\ndef test_undoes")[0] + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "--collect-only", "-p", "no:cacheprovider", "-p",
                           "tests.conftest", "--rootdir", str(tmp_path), str(planted)], cwd=ROOT,
                          env={**env, "MSTRACK_TEST_BACKEND": "postgresql"}, capture_output=True, text=True, timeout=300)
    assert done.returncode == 5 and "1 deselected" in done.stdout, done.stdout + done.stderr  # 5: nothing left to run


def test_the_halves_of_the_postgresql_pass_take_whole_files_and_every_test_once():
    """MSTRACK_TEST_SHARD=K/N (.ci/run runs the pass as two halves): every test in exactly one share, a file's tests
    together, shares even in tests; a share that is not K/N stops the run."""
    from types import SimpleNamespace

    import pytest

    from .conftest import _shard

    items = [SimpleNamespace(nodeid=f"tests/test_{name}.py::test_{n}") for name, size in (("a", 5), ("b", 3), ("c", 3),
                                                                                          ("d", 1)) for n in range(size)]
    assert _shard(items, None) == (items, [])
    first, rest = _shard(items, "1/2")
    second, others = _shard(items, "2/2")
    assert sorted(map(id, first + second)) == sorted(map(id, items)) and not set(map(id, first)) & set(map(id, second))
    assert {i.nodeid.split("::")[0] for i in first} == {"tests/test_a.py", "tests/test_d.py"} and len(second) == 6
    assert [i for i in rest] == second and [i for i in others] == first
    for wrong in ("0/2", "3/2", "half", "1/2/3"):
        with pytest.raises(pytest.UsageError, match="MSTRACK_TEST_SHARD"):
            _shard(items, wrong)
