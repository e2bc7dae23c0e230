#!/usr/bin/env python3
"""The CPU of an `mstrack import progress` of a return that names its tasks in words (a 工作任务 column, as mstrack's
own template writes it) against the same return without that column (docs/performance.md, "A return's task names"):

    .venv/bin/python bench/progress_names.py                 # 1,200 tasks, one row each (~1-2 minutes: the before)
    .venv/bin/python bench/progress_names.py --tasks 300     # a smaller run

The store is bench/generate.py's province plan (--tasks tasks of one indicator), imported by mstrack, untimed. Three
returns of one row a task (计划, 任务编号, 指标, 截至日期, 数值, 备注, 填报人, the province's weekly figures): codes
only, the same with the task's title in a 工作任务 column beside its code, and titles only (no 任务编号: each row's
task found by its title). In-process (the same CliRunner call, the command line's startup left out), each import into a
fresh copy of the plan's store (copied untimed), its user + system CPU time (the machine is shared: wall times lie),
median of --repeats, alternately:

- floor: the return of codes only (no name to check);
- after: the return with the 工作任务 column (each row's title checked against the task its code names);
- titles: the return of titles only (each row's task found by its title);
- before: the return with the 工作任务 column, with the title check as it was until fixperf57 (`before()`): every
  row's title looked up among the programme's titles, each title folded again for every row (rows × tasks folds;
  trial57 #4: 112 s for 1,200 rows), timed --before-repeats times only (it is that slow).

With --check, exits 1 unless after ≤ --budget × the floor (1.4 by default: 1.19-1.36 measured at load ~8) and titles ≤ the same budget."""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import shutil
import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from floor_ratio import invoker
from generate import generate_province

HEAD = ["计划", "任务编号", "工作任务", "指标", "截至日期", "数值", "备注", "填报人"]
"""The columns of the return with names: those of mstrack's template that a unit fills in or that name the row."""


def old_named_by(candidates, name, key, folds):
    """domain/names.named_by until fixperf57: every candidate's key folded again on each call."""
    candidates = list(candidates)
    for fold in folds:
        folded = fold(name)
        keys = [(candidate, fold(key(candidate))) for candidate in candidates]
        for same in (str.__eq__, str.startswith, str.__contains__):
            if found := [candidate for candidate, text in keys if same(text, folded)]:
                return found
    return []


def old_named_tasks(tasks, name):
    """progress_names.named_tasks until fixperf57."""
    from mstrack.sources.progress_names import fold

    if not fold(name):
        return []
    return old_named_by(tasks, name, lambda task: tasks[task][0], (fold,))


def old_agrees(title, name):
    """progress_names.agrees until fixperf57 (the task's title folded for every row)."""
    from mstrack.sources.progress_names import fold

    title, name = fold(title), fold(name)
    return bool(name) and (name in title or title in name)


def old_rows(self, chunk, index):
    """progress_names.NamedRows.rows until fixperf57: each row's title looked up among the programme's titles (its
    tasks `named`), whether or not its code is given and agrees."""
    from mstrack.domain.names import collective
    from mstrack.sources.progress_cells import reporter_given, text_value
    from mstrack.sources.rows import TOTAL_CELL_RE

    lines, rows = [], []
    title_at, unit_at, task_given = self.title_at, self.unit_at, index[1] is not None
    units = self.importer.row_units = {}
    for row in chunk:
        cells = row.cells
        if cells.count(None) == len(cells):
            continue
        picked = [cells[i] if i is not None and i < len(cells) else None for i in index]
        name = text_value(cells[title_at]) if title_at is not None and title_at < len(cells) else None
        code = text_value(picked[0]) or self.importer.programme
        task = text_value(picked[1])
        if name is not None and task is None and TOTAL_CELL_RE.match(name):
            self.importer.result.totals.append(f"{self.table.path}:{row.number}")
            continue
        tasks = self._plan(code) if name is not None else None
        if tasks is not None:
            found = self.__dict__.setdefault("found", {})  # (programme, name) → the tasks the name names
            named = found.get((code, name))
            if named is None:
                named = found[(code, name)] = old_named_tasks(tasks, name)
            if task is None:
                if len(named) == 1:
                    task = picked[1] = named[0]
                elif (named or not task_given) and text_value(picked[4]) is not None:
                    self._no_task(row.number, code, name, named)
                    continue
            elif task not in tasks or not old_agrees(tasks[task][0], name) and not self._renamed(row.number, code, task,
                                                                                                  name):
                self.wrong.append((row.number, task, code, name, named))
                continue
            else:
                self.agreed += 1
        office = text_value(cells[unit_at]) if unit_at is not None and unit_at < len(cells) else None
        if (office := office or self.unit) and task is not None and code is not None:
            self.offices.setdefault((office, code, task), []).append(row.number)
        if office is not None:
            stored = self.stored.get(office) or self._stored(office, row.number)
            if stored is None:
                continue
            units[row.number] = stored
            if collective(stored) and not reporter_given(picked[6]) and text_value(picked[4]) is not None:
                self.nobody.setdefault(stored, []).append(row.number)
        lines.append(row.number)
        rows.append(tuple(picked))
    return lines, rows


@contextlib.contextmanager
def before():
    """mstrack's title check of a return's rows as it was until fixperf57, while inside: with characters.simplified
    looking at each character of a text for one outside GB2312 (no look at the whole text first)."""
    from mstrack.domain import characters
    from mstrack.sources.progress_names import NamedRows

    kept = NamedRows.rows, characters._in_gb2312
    NamedRows.rows, characters._in_gb2312 = old_rows, lambda text: False
    try:
        yield
    finally:
        NamedRows.rows, characters._in_gb2312 = kept


def unique_titles(plan: Path) -> dict[str, str]:
    """The plan's titles made unique, by code: a title the generator gave two tasks ("东莞新建扩建医院4家") gets its
    code after it on the second ("东莞新建扩建医院4家（73号）"), so that the titles-only return names one task a row."""
    text = plan.read_text(encoding="utf-8")
    tasks = tomllib.loads(text)["tasks"]
    seen, titles = set(), {}
    for task in tasks:
        title = task["title"]
        titles[task["code"]] = title if title not in seen else f"{title}（{task['code']}号）"
        seen.add(title)
    lines, given = text.split("\n"), iter(titles.values())
    for at, line in enumerate(lines):
        if line.startswith("title = "):  # the tasks' titles, in order (areas and the programme have names)
            lines[at] = f"title = {json.dumps(next(given), ensure_ascii=False)}"
    plan.write_text("\n".join(lines), encoding="utf-8")
    return titles


def returns(folder: Path, tasks: int, invoke) -> tuple[Path, dict[str, Path]]:
    """The plan's store and the three returns (codes, named, titles) of bench/generate.py's province, one row a task."""
    meta = generate_province(folder / "data", tasks=tasks, per_task=1, import_rows=0)
    titles = unique_titles(Path(meta["plans"][0]))
    plan_db = folder / "plan.db"
    invoke(plan_db, "import", "plan", *meta["plans"])
    with Path(meta["progress_all_csv"]).open(encoding="utf-8", newline="") as file:
        rows = [[row["programme"], row["task"], titles[row["task"]], row["indicator"], row["as_of"], row["value"],
                 row["note"], row["reporter"]] for row in csv.DictReader(file)]
    files = {}
    for kind, left_out in (("codes", "工作任务"), ("named", None), ("titles", "任务编号")):
        keep = [at for at, header in enumerate(HEAD) if header != left_out]
        files[kind] = folder / f"{kind}.csv"
        with files[kind].open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow([HEAD[at] for at in keep])
            writer.writerows([row[at] for at in keep] for row in rows)
    return plan_db, files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=1_200, help="tasks of the plan, one row each (1,200)")
    parser.add_argument("--repeats", type=int, default=5, help="imports timed each way (5)")
    parser.add_argument("--before-repeats", type=int, default=1, help="imports timed the way before (1; 0: none)")
    parser.add_argument("--budget", type=float, default=1.4, help="after, titles ≤ this × the floor with --check (1.4)")
    parser.add_argument("--check", action="store_true", help="exit 1 unless after and titles ≤ --budget × the floor")
    options = parser.parse_args()
    invoke = invoker()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        plan_db, files = returns(folder, options.tasks, invoke)
        copies = iter(range(1_000_000))

        def timed(kind: str) -> float:
            db = folder / f"copy-{next(copies)}.db"
            shutil.copyfile(plan_db, db)
            with before() if kind == "before" else contextlib.nullcontext():
                began = time.process_time()
                invoke(db, "import", "progress", str(files["codes" if kind == "floor" else "titles" if kind == "titles"
                                                          else "named"]))
                spent = time.process_time() - began
            db.unlink()
            return spent

        kinds = ["floor", "after", "titles"]
        for kind in kinds:  # one of each untimed: the modules each way imports, loaded
            timed(kind)
        times: dict[str, list[float]] = {kind: [] for kind in [*kinds, "before"]}
        for round_ in range(options.repeats):
            for kind in kinds + (["before"] if round_ < options.before_repeats else []):
                times[kind].append(timed(kind))
    floor = statistics.median(times["floor"])
    print(f"`import progress` (CPU) of {options.tasks:,} rows, one a task, with a 工作任务 column against without, median "
          f"of {options.repeats} ({options.before_repeats} before)")
    for kind, found in times.items():
        if found:
            median = statistics.median(found)
            print(f"  {kind:<7} {median * 1000:9.1f} ms  {median / floor:7.2f}× the floor")
    worst = max(statistics.median(times[kind]) for kind in ("after", "titles")) / floor
    if options.check and worst > options.budget:
        print(f"FAIL: a return with task names costs {worst:.2f}× the same without (≤ {options.budget}× expected)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
