"""bench/run's tools: a command run as a child and its figures (wall, CPU, max RSS), repeated alternately with
its reference, and a row of the table (Row). Imported by bench/run and its parts (run_province, run_pg)."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from run_pg import PgServer

BENCH = Path(__file__).resolve().parent

PY = sys.executable
MSTRACK = str(Path(sys.executable).parent / "mstrack")
TIMEOUT = 900  # seconds, for any one command


@dataclass
class Run:
    wall: float
    cpu: float
    rss_kb: int
    rc: int
    out: str
    err: str
    server_cpu: float = 0.0  # CPU of the database server during the run (PostgreSQL), not in the child's `cpu`


class Failed(Exception):
    pass


def generated(function: str, out: Path, **kwargs) -> dict:
    """bench/generate.py's `function` run in a Python of its own, its meta back as JSON. The bench itself stays
    small: a child's max RSS (os.wait4) starts from its parent's size at the fork, so a bench that had held
    a million generated rows would report every later command at least that big."""
    code = ("import json, sys\nfrom pathlib import Path\nsys.path.insert(0, sys.argv[1])\nimport generate\n"
            "meta = getattr(generate, sys.argv[2])(Path(sys.argv[3]), **json.loads(sys.argv[4]))\n"
            "sys.stdout.write(json.dumps(meta))\n")
    done = subprocess.run([sys.executable, "-c", code, str(BENCH), function, str(out),
                           json.dumps(kwargs)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ValueError(f"bench/generate.py {function}: {done.stderr.strip().splitlines()[-1:] or done.returncode}")
    return json.loads(done.stdout)


def run(cmd: list[str], env: dict | None = None, stdout_devnull: bool = True, timeout: float = TIMEOUT) -> Run:
    """Run one command; wall time, CPU time and max RSS of that very child (os.wait4)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        full_env = {**os.environ, **(env or {})}
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL if stdout_devnull else out, stderr=err,
                                stdin=subprocess.DEVNULL, env=full_env)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode,
                   out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def run_at_terminal(cmd: list[str], env: dict | None = None) -> Run:
    """run() with stdout on a pseudo-terminal (what a user at a terminal gets: colours, the terminal's width);
    what is printed is read as it comes and kept."""
    import pty

    main_fd, child_fd = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(main_fd, 65536)
            except OSError:  # the child side closed
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=child_fd, stderr=err, stdin=subprocess.DEVNULL,
                                env={**os.environ, **(env or {})})
        os.close(child_fd)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        reader.join(timeout=5)
        os.close(main_fd)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode,
                   b"".join(chunks).decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def checked(cmd: list[str], what: str, server: PgServer | None = None, **kwargs) -> Run:
    result = (server.run if server else run)(cmd, **kwargs)
    if result.rc != 0:
        tail = result.err.strip().splitlines()[-3:]
        raise Failed(f"{what}: exit {result.rc}: " + " | ".join(tail))
    return result


def alternate(a, b, n: int) -> tuple[list[Run], list[Run]]:
    """n runs of a and of b, alternating (a, b, a, b, …), after one untimed warm-up of each."""
    a()
    b()
    ra, rb = [], []
    for _ in range(n):
        ra.append(a())
        rb.append(b())
    return ra, rb


def rotate(runners: list, n: int) -> list[list[Run]]:
    """alternate() for more than two: one untimed warm-up of each, then n rounds of all of them in turn."""
    for runner in runners:
        runner()
    runs: list[list[Run]] = [[] for _ in runners]
    for _ in range(n):
        for runner, results in zip(runners, runs, strict=True):
            results.append(runner())
    return runs


def med(runs: list[Run]) -> float:
    return statistics.median(r.wall for r in runs)


def cpu(mine: list[Run], ref: list[Run]) -> float:
    """Ratio of the median CPU times: the child's, plus the server's on PostgreSQL."""
    return statistics.median(r.cpu + r.server_cpu for r in mine) / statistics.median(r.cpu + r.server_cpu for r in ref)


def cpu_split(runs: list[Run]) -> str:
    return f"{statistics.median(r.cpu for r in runs):.2f} + {statistics.median(r.server_cpu for r in runs):.2f} s"


def fresh_copy(template: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(template, target)
    return target


@dataclass
class Row:
    what: str
    measured: str = ""
    reference: str = ""
    ratio: float | None = None
    cpu_ratio: float | None = None  # the same ratio in CPU time (user + sys): less hurt by other load
    target: str = ""
    limit: float | None = None
    result: str = ""
    note: str = ""
    extra: dict = field(default_factory=dict)

    def judge(self, value: float | None = None) -> None:
        value = self.ratio if value is None else value
        if self.limit is None:
            self.result = "info"
        else:
            self.result = "PASS" if value is not None and value <= self.limit else "FAIL"

