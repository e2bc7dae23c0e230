#!/usr/bin/env python3
"""The cost of knowing a file as it is (sources/files._as_it_is: its times and a digest of its first and last 4 KB)
before its kind is taken from what an earlier reader found (docs/performance.md, "A file's kind, looked at once"):

    .venv/bin/python bench/kind_key.py                 # a 30-row return and a 300-row one, 25 runs each
    .venv/bin/python bench/kind_key.py --check         # exit 1 unless now ≤ 1.10× before

Each `import progress --dry-run` of an .xlsx return is timed in-process (CliRunner: the command line's startup left
out, as it is the same in both), median of --repeats, alternately:

- now: the kind found for the file as it is (device, inode, size, mtime, ctime, the digest of its ends);
- before: for its inode, size and mtime only, as before input55 (a file rewritten in place to the same size, its
  mtime put back or within one tick of the clock, was read by its old kind).

An import asks a file's kind about six times; the ratio is the figure to compare across machines."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=25)
    parser.add_argument("--check", action="store_true", help="exit 1 unless now ≤ 1.10× before, for every size")
    args = parser.parse_args()
    from openpyxl import Workbook
    from typer.testing import CliRunner

    from mstrack.cli import app
    from mstrack.sources import files

    runner = CliRunner()
    now = files._as_it_is

    def before(path, status) -> tuple:
        return status.st_ino, status.st_size, status.st_mtime_ns

    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.db"
        if (made := runner.invoke(app, ["--db", str(db), "--lang", "en", "demo"])).exit_code != 0:
            raise SystemExit(f"mstrack demo: exit {made.exit_code}: {made.output}")
        for rows in (30, 300):
            path = Path(folder) / f"return-{rows}.xlsx"
            book = Workbook()
            book.active.append(["计划", "任务编号", "指标", "截至日期", "数值"])
            for n in range(rows):  # a figure a day, rising
                day = date(2023, 1, 1) + timedelta(days=n)
                book.active.append(["shenzhen-2023", 5, "建设筹集保障性住房", day.isoformat(), 100 + n])
            book.save(path)
            times: dict[str, list[float]] = {"now": [], "before": []}
            for repeat in range(args.repeats):
                pair = [("now", now), ("before", before)]
                for name, key in pair if repeat % 2 else pair[::-1]:  # each first in turn: no order's own cost
                    files._as_it_is = key
                    files._LOOKED.clear()  # each command starts with none found, as each process does
                    start = time.perf_counter()
                    result = runner.invoke(app, ["--db", str(db), "--lang", "en", "import", "progress", str(path),
                                                 "--dry-run"], catch_exceptions=False)
                    times[name].append(time.perf_counter() - start)
                    if result.exit_code != 0:
                        raise SystemExit(f"import progress: exit {result.exit_code}: {result.output}")
            files._as_it_is = now
            medians = {name: statistics.median(taken) for name, taken in times.items()}
            ratio = medians["now"] / medians["before"]
            worst = max(worst, ratio)
            print(f"{rows:>5} rows: now {medians['now'] * 1000:.1f} ms, before {medians['before'] * 1000:.1f} ms, "
                  f"ratio {ratio:.3f}")
    return 1 if args.check and worst > 1.10 else 0


if __name__ == "__main__":
    sys.exit(main())
