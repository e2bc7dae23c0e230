#!/usr/bin/env python3
"""The cost of one small write (`mstrack log`, one figure) on a large SQLite store, before and after store50's guard
(docs/performance.md, "A write's foreign-key check"):

    .venv/bin/python bench/write_check.py                    # 1,500,000 reports, ~1-2 minutes
    .venv/bin/python bench/write_check.py --reports 23500    # the demo-sized office

Every write checked the store's foreign keys first (PRAGMA foreign_key_check, reading every row); since store50 it
does only where another program may have changed the file since mstrack's own last write (store/checked_stamp). Each
write is timed in-process (the same CliRunner call, the command line's startup left out, as it is the same in both),
median of --repeats, alternately:

- after: as a write finds the store after mstrack's own write (its stamp matches: no check);
- before: the stamp removed first, so that the write runs the full check, as every write did before store50;
- floor: the same write on a store of 100 reports (the check costs nothing there).

The ratios to the floor are the figures to compare across machines: after stays near 1 at any size, before grows with
the store. With --check, exits 1 unless after ≤ 1.5× the floor (a guard that stopped skipping the check)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from floor_ratio import alternately, invoker, said

PLAN = """format = 1
[programme]
code = "b-2023"
name = "bench"
year = 2023

[[tasks]]
code = "1"
title = "新建学校3所"
[[tasks.lines]]
lead_units = ["县教育局"]
[[tasks.lines.indicators]]
name = "学校"
unit = "所"
target = 3

[[tasks]]
code = "2"
title = "新建道路5条"
[[tasks.lines]]
lead_units = ["县住建局"]
[[tasks.lines.indicators]]
name = "道路"
unit = "条"
target = 5
"""


def made(folder: Path, reports: int, invoke) -> Path:
    """A store of the plan above and `reports` reports of task 1 (inserted by SQL, as many imports would leave them)."""
    db = folder / f"store-{reports}.db"
    plan = folder / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    invoke(db, "import", "plan", str(plan))
    with contextlib.closing(sqlite3.connect(db)) as connection:
        (indicator,) = connection.execute("SELECT id FROM indicator ORDER BY id LIMIT 1").fetchone()
        start = date(2023, 1, 1)
        connection.executemany(
            "INSERT INTO report (indicator_id, as_of, value, reporter, entered_at) VALUES (?, ?, ?, '县教育局', ?)",
            ((indicator, (start + timedelta(days=n % 365)).isoformat(), 1.0, "2023-12-31 00:00:00") for n in range(reports)))
        connection.commit()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    invoke(db, "log", "b-2023/2", "1", "--as-of", "2023-01-01", "--by", "县住建局")  # stamped by mstrack's own write
    return db


def timed(db: Path, invoke, day: date, stamp_removed: bool) -> float:
    from mstrack.store.checked_stamp import ATTRIBUTE

    if stamp_removed:
        with contextlib.suppress(OSError):
            os.removexattr(db, ATTRIBUTE)
    began = time.perf_counter()
    invoke(db, "log", "b-2023/2", "1", "--as-of", day.isoformat(), "--by", "县住建局")
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=1_500_000, help="reports in the large store (1,500,000)")
    parser.add_argument("--repeats", type=int, default=7, help="writes timed each way (7)")
    parser.add_argument("--check", action="store_true", help="exit 1 unless after ≤ 1.5× the floor")
    options = parser.parse_args()
    invoke = invoker()
    with tempfile.TemporaryDirectory() as folder:
        small, large = made(Path(folder), 100, invoke), made(Path(folder), options.reports, invoke)
        times = alternately(options.repeats, [("floor", small, False), ("after", large, False), ("before", large, True)],
                            lambda db, day, removed: timed(db, invoke, day, removed))
    return said(f"one `log` write, {options.reports:,} reports, median of {options.repeats}", times, check=options.check,
                failing="FAIL: a write after mstrack's own write costs {ratio:.2f}× the floor (≤ 1.5× expected)")


if __name__ == "__main__":
    sys.exit(main())
