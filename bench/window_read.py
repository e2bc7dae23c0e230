#!/usr/bin/env python3
"""The cost of one `mstrack log` on a programme of many indicators, before and after store51 read its window of
reports from the programme's row alone (docs/performance.md, "A log's window of reports"):

    .venv/bin/python bench/window_read.py                     # 20,000 tasks (the province's plan), ~1-2 minutes
    .venv/bin/python bench/window_read.py --tasks 2000        # a city's

A log is checked against the programme's window (domain/dates.ReportWindow: its start to its last day and the month
after). Its last day is the latest of its year's end, its `end` and its tasks' deadlines, checkpoints and
milestones: reading those read every row of the plan (fix50a), ~75 ms a `log` over 20,000 indicators. Since store51
they are read only for a day past the days the programme's row gives (store/reads.task_states). Each write is timed
in-process (the same CliRunner call, the command line's startup left out, as it is the same in each), median of
--repeats, alternately:

- after: a log dated inside the programme's year (the window from the programme's row);
- before: the same log with the whole window read first, as every log did before store51;
- floor: the same log on a programme of 2 tasks (the window costs nothing there).

The ratios to the floor are the figures to compare across machines. With --check, exits 1 unless after ≤ 1.5× the
floor (a log that reads the plan's dues again)."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from floor_ratio import alternately, invoker, said

TASK = """
[[tasks]]
code = "{code}"
title = "新建项目{code}个"
[[tasks.lines]]
lead_units = ["单位{unit}"]
[[tasks.lines.indicators]]
name = "项目"
unit = "个"
target = 4
milestones = [{{ due = "2023-03-31", target = 1 }}, {{ due = "2023-06-30", target = 2 }},
              {{ due = "2023-09-30", target = 3 }}, {{ due = "2023-12-31", target = 4 }}]
"""
"""A task as the province's plan has them (bench/generate.py --size province): one line, one indicator, four
quarterly milestones; every seventh adds a text-only line of two checkpoints (CHECKPOINTS)."""

CHECKPOINTS = """[[tasks.lines]]
lead_units = ["单位1"]
checkpoints = [{ due = "2023-03-31", label = "一季度", text = "完成调研" }, { due = "2023-12-31", label = "四季度", text = "完成" }]
"""


def plan_text(code: str, tasks: int) -> str:
    parts = [f'format = 1\n[programme]\ncode = "{code}"\nname = "bench"\nyear = 2023\n']
    for n in range(1, tasks + 1):
        parts.append(TASK.format(code=n, unit=n % 50))
        if n % 7 == 0:
            parts.append(CHECKPOINTS)
    return "".join(parts)


def made(folder: Path, tasks: int, invoke) -> Path:
    """A store of one programme of `tasks` tasks, imported by mstrack."""
    db = folder / f"store-{tasks}.db"
    plan = folder / f"plan-{tasks}.toml"
    plan.write_text(plan_text("b-2023", tasks), encoding="utf-8")
    invoke(db, "import", "plan", str(plan))
    return db


def timed(db: Path, invoke, day: date, whole: bool) -> float:
    """One log of task 2, dated `day`; `whole`: the window read whole first, as before store51."""
    from mstrack.store.reads import Reads

    kept = Reads.task_states

    def before(self, ref, *, as_of=None, today=None):  # as it was: no day given, the window is read whole
        return kept(self, ref)

    if whole:
        Reads.task_states = before
    try:
        began = time.perf_counter()
        invoke(db, "log", "b-2023/2", str(day.toordinal() % 4 + 1), "--as-of", day.isoformat(), "--by", "单位2")
        return time.perf_counter() - began
    finally:
        Reads.task_states = kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=20_000, help="tasks in the large programme (20,000)")
    parser.add_argument("--repeats", type=int, default=7, help="logs timed each way (7)")
    parser.add_argument("--check", action="store_true", help="exit 1 unless after ≤ 1.5× the floor")
    options = parser.parse_args()
    invoke = invoker()
    with tempfile.TemporaryDirectory() as folder:
        small, large = made(Path(folder), 2, invoke), made(Path(folder), options.tasks, invoke)
        times = alternately(options.repeats, [("floor", small, False), ("after", large, False), ("before", large, True)],
                            lambda db, day, whole: timed(db, invoke, day, whole))
    return said(f"one `log` on a programme of {options.tasks:,} tasks, median of {options.repeats}", times,
                check=options.check, failing="FAIL: a log inside the programme's year costs {ratio:.2f}× the floor (≤ 1.5× expected)")


if __name__ == "__main__":
    sys.exit(main())
