#!/usr/bin/env python3
"""The CPU of `mstrack report weekly --format xlsx` against the same report as CSV, before and after fixtrial63b
shared the workbook's cell styles (docs/performance.md, "The weekly report as a workbook"):

    .venv/bin/python bench/weekly_xlsx.py                      # 3,000 tasks, 20 reports each, ~2-4 minutes
    .venv/bin/python bench/weekly_xlsx.py --tasks 600 --repeats 3

The store is bench/weekly_report.py's (bench/generate.py's province, made by mstrack, untimed). Each report is made
in-process (the same CliRunner call, the command line's startup left out) at 2023-07-07, its user + system CPU time,
median of --repeats, alternately:

- floor: `report weekly --format csv -o FILE`: the same report read, judged and written as text;
- after: `report weekly --format xlsx -o FILE`: each kind of cell styled once, the rest given its style array
  (render/xlsx.shared_style);
- before: the same with render/xlsx.section_sheet as it was (`before()`): a new Alignment for every cell of every
  sheet and a Fill and a Font for every status cell, each hashed against the workbook's own by openpyxl.

tests/test_fixtrial63b.py writes the workbook both ways and compares every part of the file but its creation time.
With --check, exits 1 unless after ≤ --budget × the floor (4.0 by default)."""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from pathlib import Path

from floor_ratio import alternately, invoker, said
from weekly_report import ON, made


def old_section_sheet(workbook, name, header, rows, title, *, numeric=frozenset(), status_columns=None, first=False,
                      empty=None, formats=None, caps=None):
    """render/xlsx.section_sheet as it was until fixtrial63b: every cell's style objects made and set one by one."""
    from openpyxl.styles import Alignment

    from mstrack.render.pages import fit_rows, print_setup
    from mstrack.render.xlsx import _cells, _fit_widths, _status_font, _style_header, status_fill

    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = name[:31]
    sheet.append(header)
    for row in rows:
        sheet.append(_cells(row))
    border = _style_header(sheet[1], "999999")
    for excel_row in sheet.iter_rows(min_row=2):
        for cell in excel_row:
            index = cell.column - 1
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=index not in numeric,
                                       horizontal="right" if index in numeric else None)
            if index in (formats or {}) and cell.value is not None:
                cell.number_format = formats[index]
    for index, statuses in (status_columns or {}).items():
        for offset, status in enumerate(statuses):
            if status:
                cell = sheet.cell(row=offset + 2, column=index + 1)
                cell.fill = status_fill(status)
                cell.font = _status_font(status)
    sheet.freeze_panes = "B2"
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    _fit_widths(sheet, caps={index + 1: width for index, width in (caps or {}).items()})
    if not rows and empty:
        cell = sheet.cell(row=2, column=1, value=empty)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=max(1, len(header)))
    fit_rows(sheet, 1)
    print_setup(sheet, title)
    return sheet


@contextlib.contextmanager
def before():
    """render/xlsx.section_sheet as it was until fixtrial63b, while inside."""
    from mstrack.render import xlsx

    kept = xlsx.section_sheet
    xlsx.section_sheet = old_section_sheet
    try:
        yield
    finally:
        xlsx.section_sheet = kept


def timed(db: Path, invoke, folder: Path, kind: str) -> float:
    """The CPU of one weekly report made `kind`'s way."""
    fmt = "csv" if kind == "floor" else "xlsx"
    with before() if kind == "before" else contextlib.nullcontext():
        began = time.process_time()
        invoke(db, "report", "weekly", "--as-of", ON, "--format", fmt, "-o", str(folder / f"weekly.{fmt}"))
        return time.process_time() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=3_000, help="tasks of the plan (3,000)")
    parser.add_argument("--per-task", type=int, default=20, help="weekly reports a task (20)")
    parser.add_argument("--repeats", type=int, default=5, help="reports timed each way (5)")
    parser.add_argument("--budget", type=float, default=4.0, help="after ≤ this × the floor with --check (4.0)")
    parser.add_argument("--check", action="store_true", help="exit 1 unless after ≤ --budget × the floor")
    options = parser.parse_args()
    invoke = invoker()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        db = made(folder, options.tasks, options.per_task, invoke)
        for kind in ("floor", "after", "before"):  # one of each untimed: the modules each way imports, loaded
            timed(db, invoke, folder, kind)
        times = alternately(options.repeats, [("floor", db, "floor"), ("after", db, "after"), ("before", db, "before")],
                            lambda db, day, kind: timed(db, invoke, folder, kind))
    return said(f"`report weekly --format xlsx` (CPU) on {options.tasks:,} tasks, {options.per_task} reports each, "
                f"median of {options.repeats}", times, check=options.check, budget=options.budget,
                failing="FAIL: the weekly workbook costs {ratio:.2f}× the CSV's CPU (≤ {budget}× expected)")


if __name__ == "__main__":
    sys.exit(main())
