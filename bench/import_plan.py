#!/usr/bin/env python3
"""The CPU of `mstrack import plan` on a province's plan of 3,000 tasks, before and after perf53 (docs/performance.md):

    .venv/bin/python bench/import_plan.py                     # 3,000 tasks, ~1 minute
    .venv/bin/python bench/import_plan.py --tasks 20000       # the province's plan (~5 minutes)

The plan is bench/generate.py's province (one line, one indicator and four quarterly checkpoints a task, 50 lead
units). Each import goes into a new store, in-process (the same CliRunner call, the command line's startup left out),
its user + system CPU time (the machine is shared: wall times lie), median of --repeats, alternately:

- floor: reading the plan's TOML (tomllib.loads of its text): what every import of it costs at least;
- after: `import plan` into a new store;
- before: the same with the code as it was until perf53 (`before()`): each of a line's units folded by look_alike on
  every line that names it (not once a name a plan), and each task's texts copied by dataclasses.asdict.

tests/test_import_plan53.py checks that both store the same rows. With --check, exits 1 unless after ≤ --budget × the
floor (2.25 by default: 2.09 measured after perf53, 2.37 before)."""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import tempfile
import time
import tomllib
from dataclasses import asdict
from pathlib import Path

from floor_ratio import alternately, invoker, said
from generate import build_province

from mstrack.domain.names import look_alike, plain_name


def old_units(reader, raw: dict, key: str, path: str) -> list[str]:
    """sources/plan._units as it was until perf53: every name folded by look_alike on every line."""
    names = reader.texts(raw, key, path)
    if reader.kept:
        return names
    names = [plain_name(name) for name in names]
    for index, name in enumerate(names):
        other = reader.units.setdefault(look_alike(name), name)
        if other != name:
            reader.fail(f"{path}.{key}[{index}]", "unit {name!r} reads alike unit {other!r} of this plan (spaces, full-width "
                        "or traditional characters apart): name the office one way", name=name, other=other)
    return names


def old_task_row(self, head, position, task, task_id, area_ids, rows):
    """store/plan_writer.PlanWriter._task_row as it was until perf53: the task's texts copied by asdict."""
    row = {"position": position, "title": task.title, "deadline": task.deadline, "note": task.note,
           **asdict(task.text), "area_id": area_ids.get(task.area) if task.area else None}
    if task_id is None:
        self.counts["tasks_added"] += 1
        return None, {"programme_id": head, "code": task.code, **row}
    rows.task_updates.append({"row_id": task_id, **row})
    self.counts["tasks_updated"] += 1
    return task_id, None


@contextlib.contextmanager
def before():
    """mstrack's plan import as it was until perf53, while inside."""
    from mstrack.sources import plan
    from mstrack.store.plan_writer import PlanWriter

    kept = plan._units, PlanWriter._task_row
    plan._units, PlanWriter._task_row = old_units, old_task_row
    try:
        yield
    finally:
        plan._units, PlanWriter._task_row = kept


def plan_file(folder: Path, tasks: int, seed: int = 2023) -> Path:
    """The province's plan of `tasks` tasks, as bench/generate.py writes it."""
    code, text, _ = build_province(random.Random(seed), tasks)
    path = folder / f"{code}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=3_000, help="tasks of the plan (3,000)")
    parser.add_argument("--repeats", type=int, default=5, help="imports timed each way (5)")
    parser.add_argument("--budget", type=float, default=2.25, help="after ≤ this × the floor with --check (2.25)")
    parser.add_argument("--check", action="store_true", help="exit 1 unless after ≤ --budget × the floor")
    options = parser.parse_args()
    invoke = invoker()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        plan = plan_file(folder, options.tasks)
        stores = iter(range(1_000_000))

        def timed(_db, _day, kind: str) -> float:
            began = time.process_time()
            if kind == "floor":
                tomllib.loads(plan.read_text(encoding="utf-8"))
            else:
                with before() if kind == "before" else contextlib.nullcontext():
                    invoke(folder / f"store-{next(stores)}.db", "import", "plan", str(plan))
            return time.process_time() - began

        for kind in ("floor", "after", "before"):  # one of each untimed: the modules each way imports, loaded
            timed(None, None, kind)
        times = alternately(options.repeats, [("floor", plan, "floor"), ("after", plan, "after"), ("before", plan, "before")],
                            timed)
    return said(f"`import plan` (CPU) of {options.tasks:,} tasks into a new store, median of {options.repeats}", times,
                check=options.check, budget=options.budget,
                failing="FAIL: importing the plan costs {ratio:.2f}× reading its TOML (≤ {budget}× expected)")


if __name__ == "__main__":
    sys.exit(main())
