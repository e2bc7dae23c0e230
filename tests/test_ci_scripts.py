"""The repository's own CI scripts (.ci/), run as CI runs them: as root, on a real PostgreSQL server's binaries.
Skipped where the machine has neither (a developer's laptop), never in CI, where .ci/run installs them."""

import glob
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / ".ci" / "postgres"
HAS_SERVER = bool(glob.glob("/usr/lib/postgresql/*/bin/initdb")) and os.geteuid() == 0
if not HAS_SERVER and os.environ.get("CI"):
    pytest.fail("CI runs .ci/postgres as root with the server installed (.ci/run)", pytrace=False)

pytestmark = [pytest.mark.sqlite_only,  # the script's own behaviour: once is enough
              pytest.mark.skipif(not HAS_SERVER, reason="no PostgreSQL server binaries here, or not root")]


def postgres(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPT), *args], capture_output=True, text=True, timeout=120)


def answers(url: str) -> bool:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as connection:
        return connection.execute("SELECT 1").fetchone() == (1,)


def test_starting_a_running_cluster_again_prints_its_url():
    """`url=$(bash .ci/postgres start DIR)` twice on one DIR: the second gives the running cluster's URL (exit 0),
    not initdb's refusal of a full directory and an empty URL; a cluster stopped meanwhile is started again."""
    directory = tempfile.mkdtemp(prefix="mstrack-ci-")  # not under pytest's tmp_path: user postgres must reach it
    try:
        first = postgres("start", directory)
        assert first.returncode == 0, first.stderr
        url = first.stdout.strip()
        assert url.startswith("postgresql+psycopg://postgres@127.0.0.1:") and url.endswith("/postgres")
        again = postgres("start", directory)
        assert (again.returncode, again.stdout.strip()) == (0, url), again.stderr
        assert answers(url)
        # a cluster stopped behind the script's back (a reboot) is started again, no new initdb
        (pg_ctl,) = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))[-1:]
        subprocess.run(["su", "postgres", "-c", f"{pg_ctl} -D {directory}/data -m fast stop"], check=True,
                       capture_output=True, timeout=60)
        restarted = postgres("start", directory)
        assert restarted.returncode == 0 and answers(restarted.stdout.strip()), restarted.stderr
    finally:
        stopped = postgres("stop", directory)
    assert stopped.returncode == 0 and not Path(directory).exists()
