#!/usr/bin/env python3
"""The CPU of `mstrack report weekly` on a province's store, before and after perf53 (docs/performance.md):

    .venv/bin/python bench/weekly_report.py                      # 3,000 tasks, 20 reports each, ~1-2 minutes
    .venv/bin/python bench/weekly_report.py --tasks 20000 --per-task 12    # the province's plan (~10 minutes)

The store is made by mstrack from bench/generate.py's province (one plan, --tasks tasks of one indicator, --per-task
weekly reports each, with notes), untimed. Each report is made in-process (the same CliRunner call, the command
line's startup left out, as it is the same in each) at 2023-07-07, its user + system CPU time (the machine is shared:
wall times lie), median of --repeats, alternately:

- floor: `report weekly --format csv -o FILE`: the same report read, judged and written as text, no table laid out;
- after: `report weekly` as a terminal table at 80 columns (COLUMNS=80, to a pipe);
- before: the same with the code as it was until perf53 (`before()`): every indicator judged at --as-of twice
  (reports.make.weekly_details, then weekly_report), every cell of the grid wrapped and every line measured whole,
  wrap() measuring its line again at each word, and each line printed as a Rich Text.

tests/test_weekly_grid53.py prints the report both ways at 60, 80 and 120 columns and in every format and compares
the bytes. With --check, exits 1 unless after ≤ --budget × the floor (1.3 by default: 1.13 measured after perf53, 1.40 before)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

from floor_ratio import alternately, invoker, said
from generate import generate_province
from rich.cells import cell_len

from mstrack.render import grid
from mstrack.render import lines as text_lines

ON = "2023-07-07"


def old_wrap(text: str, width: int, codes_whole: bool = False) -> list[str]:
    """render/lines.wrap as it was until perf53: the line measured again whole at every word and character."""
    if not text:
        return []
    lines: list[str] = []
    for paragraph in text.split("\n"):
        indent = paragraph[:len(paragraph) - len(paragraph.lstrip(" "))]
        if cell_len(indent) * 2 > width:
            indent = ""
        current = indent
        for word in paragraph.lstrip(" ").split(" "):
            space = " " if current.strip() else ""
            if cell_len(current + space + word) <= width:
                current += space + word
                continue
            if space and cell_len(indent + word) <= min(width, text_lines.TERM):  # a short term ("(序时进度)") goes down whole
                lines.append(current)
                current = indent + word
                continue
            for token in text_lines.breakable(word):
                if cell_len(current + space + token) <= width:
                    current += space + token
                else:
                    if current.strip():
                        lines.append(current)
                    pieces = [indent + piece for piece in
                              ([token] if codes_whole else text_lines._fold(token, width - cell_len(indent)))]
                    lines.extend(pieces[:-1])
                    current = pieces[-1]
                space = ""
        lines.append(current)
    return lines


def old_lines(self, max_width: int):
    """grid.PlainTable.lines as it was until perf53: every cell wrapped, every line measured whole (fit_line)."""
    shown, widths = self.layout(max_width)
    columns = [self.columns[i] for i in shown]
    total = min(max_width, sum(widths) + len(grid.GAP) * (len(widths) - 1) + 1)
    for line in old_wrap(self.title, total):
        yield grid.fit_line(grid.pad(line, total, self.title_justify), max_width), "italic"
    headers = [[line.replace(grid.GLUE, " ") for line in old_wrap(grid._glued(c.header), w)]
               for c, w in zip(columns, widths, strict=True)]
    for line in range(max(len(h) for h in headers)):
        yield grid.fit_line(" " + grid.GAP.join(grid.pad(h[line] if line < len(h) else "", w, c.justify)
                                       for h, c, w in zip(headers, columns, widths, strict=True)), max_width), "bold"
    yield " " + "━" * (total - 1), ""
    for cells, style in self.rows:
        pieces = [[grid.shorten_middle(cells[i], width)] if self.columns[i].middle else old_wrap(cells[i], width) or [""]
                  for i, width in zip(shown, widths, strict=True)]
        for line in range(max(len(piece) for piece in pieces)):
            yield grid.fit_line(" " + grid.GAP.join(
                grid.pad(piece[line] if line < len(piece) else "", width, column.justify)
                for piece, column, width in zip(pieces, columns, widths, strict=True)
            ), max_width), style
    empty = self.empty_columns()
    left_out = [self.columns[i].header for i in range(len(self.columns)) if i not in shown and i not in empty]
    caption = self.caption(shown) if callable(self.caption) else self.caption
    notes = [caption] if caption else []
    if left_out and self.omitted:
        notes.append(self.omitted(left_out))
    for note in notes:  # centred when it fits a line; a longer note reads as a paragraph, not a centred jumble
        folded = old_wrap(note, total)
        for line in folded:
            yield grid.pad(line, total, "center" if len(folded) == 1 else "left"), "dim"


def old_rich_console(self, console, options):
    """grid.PlainTable.__rich_console__ as it was until perf53: each line a Text Rich measures, splits and crops."""
    from rich.text import Text

    for line, style in self.lines(options.max_width):
        yield Text(line, style=style, no_wrap=True, overflow="crop")


def old_weekly_details(store, programmes, on, since, rule, stale_days=None, unit=None):
    """reports.make.weekly_details as it was until perf53: every indicator judged at `on` to choose the charts (the
    reports an undo took back counted), and no judgement handed on: weekly_report judged them all at `on` again."""
    from mstrack.domain.status import judged
    from mstrack.model import LATE
    from mstrack.reports.make import task_details

    with store.one_read():
        details = task_details(store, programmes, as_of=on, since=since, unit=unit)
        states = [state for detail in details for state in detail.indicators]
        late = [state.indicator_id for state, row in zip(states, judged(states, on, rule), strict=True)
                if row.status in LATE]
        return details, store.report_series(late, on), None


@contextlib.contextmanager
def before():
    """mstrack as it was until perf53 (the report judged three times, the grid and wrap as they were), while inside."""
    from mstrack.render import grid
    from mstrack.reports import make

    kept = grid.wrap, grid.PlainTable.lines, grid.PlainTable.__rich_console__, make.weekly_details
    grid.wrap, grid.PlainTable.lines, grid.PlainTable.__rich_console__ = old_wrap, old_lines, old_rich_console
    make.weekly_details = old_weekly_details
    try:
        yield
    finally:
        grid.wrap, grid.PlainTable.lines, grid.PlainTable.__rich_console__, make.weekly_details = kept


def made(folder: Path, tasks: int, per_task: int, invoke) -> Path:
    """A store of the province's plan with `tasks` tasks and `per_task` reports a task, imported by mstrack."""
    meta = generate_province(folder / "data", tasks=tasks, per_task=per_task, import_rows=0)
    db = folder / "store.db"
    invoke(db, "import", "plan", *meta["plans"])
    invoke(db, "import", "progress", meta["progress_all_csv"])
    return db


def timed(db: Path, invoke, folder: Path, kind: str) -> float:
    """The CPU of one weekly report made `kind`'s way."""
    args = ["report", "weekly", "--as-of", ON]
    if kind == "floor":
        args += ["--format", "csv", "-o", str(folder / "weekly.csv")]
    with before() if kind == "before" else contextlib.nullcontext():
        began = time.process_time()
        invoke(db, *args)
        return time.process_time() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=3_000, help="tasks of the plan (3,000)")
    parser.add_argument("--per-task", type=int, default=20, help="weekly reports a task (20)")
    parser.add_argument("--repeats", type=int, default=5, help="reports timed each way (5)")
    parser.add_argument("--budget", type=float, default=1.3, help="after ≤ this × the floor with --check (1.3)")
    parser.add_argument("--check", action="store_true", help="exit 1 unless after ≤ --budget × the floor")
    options = parser.parse_args()
    os.environ["COLUMNS"] = "80"
    invoke = invoker()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        db = made(folder, options.tasks, options.per_task, invoke)
        for kind in ("floor", "after", "before"):  # one of each untimed: the modules each way imports, loaded
            timed(db, invoke, folder, kind)
        times = alternately(options.repeats, [("floor", db, "floor"), ("after", db, "after"), ("before", db, "before")],
                            lambda db, day, kind: timed(db, invoke, folder, kind))
    return said(f"`report weekly` (CPU) on {options.tasks:,} tasks, {options.per_task} reports each, median of "
                f"{options.repeats}", times, check=options.check, budget=options.budget,
                failing="FAIL: the weekly table costs {ratio:.2f}× the CSV's CPU (≤ {budget}× expected)")


if __name__ == "__main__":
    sys.exit(main())
