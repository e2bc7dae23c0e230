#!/usr/bin/env python3
"""The links a report of one programme reads, before and after store57 scoped them to the tasks it is made of
(docs/performance.md, "A report's links"):

    .venv/bin/python bench/links_read.py                 # beside a programme of 20,000 linked tasks, ~1-2 minutes
    .venv/bin/python bench/links_read.py --tasks 2000    # beside a city's

A TaskDetail says its task's links both ways: its own, and those of any task naming it (store/states.links_query).
Before store57 that query read every link of every programme, whatever the report's scope: a report of a programme of
20 tasks in a store that also holds a province's plan, each of whose tasks links another, read all of its links. Each
report is timed in-process (the same CliRunner call, the command line's startup left out, as it is the same in each),
median of --repeats, alternately:

- after: `report weekly -p s-2023 --format csv` in the store holding both programmes;
- before: the same report with every link read, as before store57;
- floor: the same report in a store of the small programme alone (its links to the large one unresolved).

The ratios to the floor are the figures to compare across machines. With --check, exits 1 unless after ≤ 1.2× the
floor (a report that reads the other programme's links again)."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from floor_ratio import alternately, invoker, said

TASK = """
[[tasks]]
code = "{code}"
title = "新建项目{code}个"
links = [{links}]
[[tasks.lines]]
lead_units = ["单位{unit}"]
[[tasks.lines.indicators]]
name = "项目"
unit = "个"
target = 4
milestones = [{{ due = "2023-06-30", target = 2 }}, {{ due = "2023-12-31", target = 4 }}]
"""


def plan_text(code: str, tasks: int, link) -> str:
    """A programme of `tasks` tasks, task n linking the refs link(n) gives."""
    parts = [f'format = 1\n[programme]\ncode = "{code}"\nname = "bench"\nyear = 2023\n']
    for n in range(1, tasks + 1):
        parts.append(TASK.format(code=n, unit=n % 50, links=", ".join(f'"{ref}"' for ref in link(n))))
    return "".join(parts)


def made(folder: Path, name: str, plans: list[str], invoke) -> Path:
    db = folder / f"{name}.db"
    for number, text in enumerate(plans):
        plan = folder / f"{name}-{number}.toml"
        plan.write_text(text, encoding="utf-8")
        invoke(db, "import", "plan", str(plan))
    return db


def carried_before(self, programmes=None) -> dict[str, str]:
    """Reads.carried_tasks as it was before store57: every task with a link or named by one, and every link, read
    whatever the view (the view's were kept after: domain.scope.carried_in_view, gone since)."""
    with self.reading() as connection:
        tasks = {f"{programme}/{code}": year for programme, code, year in self._rows(
            connection, "SELECT p.code, t.code, p.year FROM task AS t JOIN programme AS p ON t.programme_id = p.id"
                        " WHERE t.id IN (SELECT task_id FROM task_link) OR p.code || '/' || t.code IN"
                        " (SELECT ref FROM task_link)")}
        links = self._rows(connection, "SELECT p.code, t.code, k.ref FROM task_link AS k JOIN task AS t"
                                       " ON k.task_id = t.id JOIN programme AS p ON t.programme_id = p.id")
    carried = {}
    for programme, code, ref in links:
        own = f"{programme}/{code}"
        if ref in tasks and tasks[ref] != tasks[own]:
            (_, old), (_, new) = sorted([(tasks[own], own), (tasks[ref], ref)])
            carried[old] = new
    shown = set(programmes or [])
    return {old: new for old, new in carried.items()
            if not programmes or (old.partition("/")[0] in shown and new.partition("/")[0] in shown)}


def timed(db: Path, invoke, every: bool) -> float:
    """One weekly report of s-2023 as CSV; `every`: every link read, as before store57 (the links of its tasks
    and the tasks carried: store/states.links_query, Reads.carried_tasks)."""
    from mstrack.store import reads

    kept, carried = reads.links_query, reads.Reads.carried_tasks

    def before(dialect, programmes, task_ids):  # as it was: no scope
        return kept(dialect, None, None)

    if every:
        reads.links_query, reads.Reads.carried_tasks = before, carried_before
    try:
        began = time.perf_counter()
        invoke(db, "report", "weekly", "-p", "s-2023", "--as-of", "2023-07-01", "--format", "csv")
        return time.perf_counter() - began
    finally:
        reads.links_query, reads.Reads.carried_tasks = kept, carried


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=20_000, help="tasks in the large programme (20,000)")
    parser.add_argument("--repeats", type=int, default=7, help="reports timed each way (7)")
    parser.add_argument("--check", action="store_true", help="exit 1 unless after ≤ 1.2× the floor")
    options = parser.parse_args()
    invoke = invoker()
    small = plan_text("s-2023", 20, lambda n: [f"b-2023/{n}"])
    large = plan_text("b-2023", options.tasks, lambda n: [f"b-2023/{n % options.tasks + 1}"])
    with tempfile.TemporaryDirectory() as folder:
        alone, both = made(Path(folder), "alone", [small], invoke), made(Path(folder), "both", [small, large], invoke)
        times = alternately(options.repeats, [("floor", alone, False), ("after", both, False), ("before", both, True)],
                            lambda db, day, every: timed(db, invoke, every))
    return said(f"`report weekly` of 20 tasks beside a programme of {options.tasks:,} linked tasks, median of "
                f"{options.repeats}", times, check=options.check, budget=1.2,
                failing="FAIL: the report costs {ratio:.2f}× the floor (≤ 1.2× expected)")


if __name__ == "__main__":
    sys.exit(main())
