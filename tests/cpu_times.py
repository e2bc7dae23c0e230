"""A pytest plugin that measures each test's CPU, not its wall time: on a machine shared with other work the wall
clock says how busy the machine was, the CPU what the test costs. Load it with `-p tests.cpu_times`:

    python -m pytest -p tests.cpu_times --cpu-top=30 --cpu-json=cpu.json tests/test_x.py

A test's CPU is its set-up, call and teardown, in this process (RUSAGE_SELF) and in the subprocesses it waited for
(RUSAGE_CHILDREN: `mstrack` run apart, LibreOffice, Chromium once reaped), user and system together. A PostgreSQL
server's work is in neither (its processes are not ours): `--cpu-server=DIR/data/postmaster.pid` counts it apart.
A session- or module-scoped fixture's set-up is charged to the first test that asks for it (docs/testing.md). What no
test is charged (the interpreter's start, the imports and the collection: 14 CPU-seconds for the 29,000 table-reader
tests) is in the process's whole CPU, printed beside the tests' sum: a lane costs the whole."""

from __future__ import annotations

import json
import resource
from collections import defaultdict

import pytest


def _cpu() -> float:
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                resource.getrusage(resource.RUSAGE_CHILDREN)))


def _server_cpu(pid_file: str) -> float:
    """A PostgreSQL cluster's CPU seconds so far (Linux /proc): its postmaster's own and its reaped backends'
    (cutime, cstime), plus its live backends'. POSTMASTER.PID names the postmaster on its first line."""
    import os

    tick = os.sysconf("SC_CLK_TCK")
    with open(pid_file, encoding="utf-8") as handle:
        postmaster = handle.readline().strip()
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if entry == postmaster:  # fields[0] is the state: utime is field 14 of stat, here index 11
            total += sum(int(value) for value in fields[11:15])
        elif fields[1] == postmaster:
            total += int(fields[11]) + int(fields[12])
    return total / tick


def pytest_addoption(parser):
    group = parser.getgroup("cpu_times", "CPU seconds per test (tests/cpu_times.py)")
    group.addoption("--cpu-top", type=int, default=25, help="how many of the costliest tests and files to print")
    group.addoption("--cpu-server", default=None,
                    help="a PostgreSQL cluster's postmaster.pid: its CPU during each test is counted too, apart "
                         "(run one pytest per cluster: another's work would be counted as this one's)")
    group.addoption("--cpu-json", default=None,
                    help="append each test's CPU seconds to this file as it ends, one JSON line each (a run cut short "
                         "keeps what it measured)")


_spent: dict[str, float] = {}


_served: dict[str, float] = {}


_outcome: dict[str, str] = {}


def pytest_runtest_logreport(report):
    """A test's outcome for --cpu-json: failed or skipped in any phase, else passed (xfail is a skip's report)."""
    if report.outcome != "passed" and _outcome.get(report.nodeid) != "failed":
        _outcome[report.nodeid] = report.outcome


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    server = item.config.getoption("--cpu-server")
    before, served = _cpu(), _server_cpu(server) if server else 0.0
    yield
    spent = _cpu() - before
    _spent[item.nodeid] = _spent.get(item.nodeid, 0.0) + spent
    line = {"test": item.nodeid, "cpu": round(spent, 3), "outcome": _outcome.get(item.nodeid, "passed")}
    if server:
        _served[item.nodeid] = line["server"] = round(_server_cpu(server) - served, 3)
    target = item.config.getoption("--cpu-json")
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")


def per_file(spent: dict[str, float]) -> dict[str, float]:
    """CPU seconds by test file (the node id before its first ::)."""
    files: dict[str, float] = defaultdict(float)
    for nodeid, seconds in spent.items():
        files[nodeid.split("::", 1)[0]] += seconds
    return dict(files)


def pytest_terminal_summary(terminalreporter, config):
    if not _spent:
        return
    top = config.getoption("--cpu-top")
    write = terminalreporter.write_line
    terminalreporter.section(f"CPU seconds: {sum(_spent.values()):.1f} in {len(_spent)} tests (tests/cpu_times.py)")
    write(f"the whole process's, start, imports and collection included: {_cpu():.1f}")
    if _served:
        write(f"and the PostgreSQL server's: {sum(_served.values()):.1f} (counted in the lists below)")
        for nodeid, seconds in _served.items():
            _spent[nodeid] += seconds
    write(f"the {top} costliest tests:")
    for nodeid, seconds in sorted(_spent.items(), key=lambda kv: -kv[1])[:top]:
        write(f"{seconds:8.2f}  {nodeid}")
    write(f"the {top} costliest files:")
    for path, seconds in sorted(per_file(_spent).items(), key=lambda kv: -kv[1])[:top]:
        write(f"{seconds:8.2f}  {path}")
