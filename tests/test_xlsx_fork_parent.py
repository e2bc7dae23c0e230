"""The .xlsx parse child and its parent (review9): the child dies with a parent killed outright, a Ctrl-C just
after the fork still ends and reaps it, and a cgroup's CPU quota counts in whether a core is idle for it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import mstrack.sources.xlsx_fork as xlsx_fork
from tests.test_xlsx_fork import sheet_of_every_kind

# A parent that reads a workbook through a child whose parse takes a minute, says the child's pid, and (with
# "interrupt") sends itself SIGINT just after the fork; it then sleeps, alive, until the test kills it.
CHILD_SCRIPT = """
import os, sys, time
from pathlib import Path
import python_calamine
import mstrack.sources.xlsx_fork as xlsx_fork
from mstrack.sources.sheets import read_rows

xlsx_fork.FORK_SHEET_BYTES = (0, 1 << 40)
xlsx_fork.idle_core = lambda: True
opened = python_calamine.CalamineWorkbook.from_path

def slow(path):  # the child's parse, made long: it is still parsing when its parent dies
    if os.getpid() != parent:
        time.sleep(60)
    return opened(path)

parent = os.getpid()
python_calamine.CalamineWorkbook.from_path = slow
original = xlsx_fork.ForkedSheet.__init__

def spy(self, *args):
    original(self, *args)
    print(self.pid, flush=True)
    if sys.argv[2] == "interrupt":  # Ctrl-C just after the fork, before xlsx_cells has recorded the child
        os.kill(os.getpid(), 2)

xlsx_fork.ForkedSheet.__init__ = spy
try:
    list(read_rows(Path(sys.argv[1]), None))
except KeyboardInterrupt:
    print("interrupted", flush=True)
time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _run_child_script(tmp_path: Path, mode: str) -> tuple[subprocess.Popen, int]:
    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent(CHILD_SCRIPT), encoding="utf-8")
    book = sheet_of_every_kind(tmp_path / "kinds.xlsx", rows=300)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    parent = subprocess.Popen([sys.executable, str(script), str(book), mode], stdout=subprocess.PIPE, text=True, env=env)
    line = parent.stdout.readline()
    assert line.strip().isdigit(), line
    return parent, int(line)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parse child is forked on Linux only")
def test_the_parse_child_dies_with_a_parent_killed_by_sigkill(tmp_path):
    """A parent killed by SIGTERM or SIGKILL runs no `finally`: its child parsed on, re-parented to PID 1."""
    parent, child = _run_child_script(tmp_path, "kill")
    try:
        assert _alive(child)
        parent.kill()
        parent.wait(10)
        deadline = time.monotonic() + 10
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(child), "the child outlived its parent"
    finally:
        parent.kill()
        if _alive(child):
            os.kill(child, signal.SIGKILL)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parse child is forked on Linux only")
def test_ctrl_c_just_after_the_fork_still_ends_and_reaps_the_child(tmp_path):
    """A KeyboardInterrupt between os.fork() and xlsx_cells' `forked = …` left the child neither killed nor reaped
    (its parent alive: the kernel's parent-death signal does not help)."""
    parent, child = _run_child_script(tmp_path, "interrupt")
    try:
        assert parent.stdout.readline().strip() == "interrupted"
        deadline = time.monotonic() + 10
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(child), "the child runs on after Ctrl-C"
        assert not os.path.exists(f"/proc/{child}"), "the child was left unreaped (a zombie)"
    finally:
        parent.kill()
        parent.wait(10)
        if _alive(child):
            os.kill(child, signal.SIGKILL)


@pytest.mark.parametrize(("files", "cores"), [
    ({"cpu.max": "150000 100000\n"}, 1.5), ({"cpu.max": "max 100000\n"}, None),
    ({"cpu/cpu.cfs_quota_us": "100000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 1.0),
    ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None), ({}, None),
])
def test_the_cgroup_cpu_quota_is_read(tmp_path, files, cores):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text)
    assert xlsx_fork.cpu_quota(tmp_path) == cores


def test_a_cpu_quota_of_one_core_forks_no_child(tmp_path, monkeypatch):
    """sched_getaffinity lists the host's cores; a container's quota of one CPU leaves none idle for the child."""
    (tmp_path / "cpu.max").write_text("100000 100000\n")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    monkeypatch.setattr(xlsx_fork, "CGROUP", tmp_path)
    assert not xlsx_fork.idle_core()
    (tmp_path / "cpu.max").write_text("300000 100000\n")
    assert xlsx_fork.idle_core()
