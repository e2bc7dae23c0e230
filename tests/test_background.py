"""Processes a test starts in the background (the `background` fixture of tests/conftest.py: writers, lock holders)
never outlive it: killed with what they started at its teardown, and killed by the kernel when pytest itself is
killed (a writer once outlived a killed pytest and held its database)."""

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")

# A test run by an inner pytest: a background process that starts a grandchild and sleeps; both pids written down.
INNER = textwrap.dedent("""
    import sys
    import time
    from pathlib import Path

    def test_starts_a_writer(background):
        out = Path(__PIDS__)
        process = background([sys.executable, "-c",
                              "import os, subprocess, sys, time; child = subprocess.Popen(['sleep', '300']);"
                              " print(os.getpid(), child.pid, flush=True); time.sleep(300)"],
                             stdout=__import__("subprocess").PIPE, text=True)
        out.write_text(process.stdout.readline(), encoding="utf-8")
        if __HOLD__:
            time.sleep(300)  # killed here by the outer test
""")


def _alive(pid: int) -> bool:
    """Whether PID runs (a zombie nobody reaped yet counts as ended: in a container the new parent may never reap)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state not in ("Z", "X")


def _ended(pids: list[int], within: float = 10) -> bool:
    deadline = time.monotonic() + within
    while any(map(_alive, pids)):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _inner(tmp_path: Path, hold: bool) -> tuple[subprocess.Popen, Path]:
    pids = tmp_path / "pids.txt"
    test = tmp_path / "test_inner.py"
    test.write_text(INNER.replace("__PIDS__", repr(str(pids))).replace("__HOLD__", str(hold)), encoding="utf-8")
    inner = subprocess.Popen([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.conftest",
                              "--rootdir", str(tmp_path), "--basetemp", str(tmp_path / "base"), str(test)],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return inner, pids


def _pids(pids: Path, inner: subprocess.Popen, within: float = 60) -> list[int]:
    deadline = time.monotonic() + within
    while not (pids.exists() and pids.read_text().endswith("\n")):
        assert inner.poll() is None and time.monotonic() < deadline, inner.communicate()[0] if inner.poll() is not None else "slow"
        time.sleep(0.05)
    found = [int(pid) for pid in pids.read_text().split()]
    assert len(found) == 2 and all(map(_alive, found)), found
    return found


def test_a_background_process_and_what_it_started_end_with_the_test(tmp_path):
    inner, pids = _inner(tmp_path, hold=False)
    out, _ = inner.communicate(timeout=120)
    assert inner.returncode == 0, out
    found = [int(pid) for pid in pids.read_text().split()]
    assert len(found) == 2
    assert _ended(found), found  # the teardown killed the writer's process group: the grandchild too


def test_a_background_process_dies_with_a_killed_pytest(tmp_path):
    """SIGKILL runs no teardown: the kernel's parent-death signal ends the writer (its grandchild is in its group,
    and is what a process-group kill at teardown would have ended; here it outlives: only the writer is promised)."""
    inner, pids = _inner(tmp_path, hold=True)
    try:
        writer, _grandchild = _pids(pids, inner)
        inner.send_signal(signal.SIGKILL)
        inner.wait(timeout=30)
        assert _ended([writer]), writer
    finally:
        if inner.poll() is None:
            inner.kill()
            inner.wait()
        for pid in map(int, pids.read_text().split()) if pids.exists() else ():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
