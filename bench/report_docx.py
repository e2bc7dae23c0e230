#!/usr/bin/env python3
"""The cost of `mstrack report half-year --format docx` on a city's programme, against the same report as Markdown,
before and after perf52 made the 一览表's rows of data by copying one row python-docx made (docs/performance.md,
"A 一览表 as Word"):

    .venv/bin/python bench/report_docx.py                       # 4,000 indicators (~1,350 tasks), ~2-3 minutes
    .venv/bin/python bench/report_docx.py --indicators 400      # a district's

The store is made by mstrack from bench/generate.py's data (one programme, --indicators quantity indicators, 25
weekly reports each), untimed. Each report is made in-process (the same CliRunner call, the command line's startup
left out, as it is the same in each), median of --repeats, alternately:

- floor: `report half-year --format md -o FILE`: the same report read and laid out, written as text;
- after: `--format docx -o FILE`: the rows of data copied from one empty row python-docx made (render/docx._table);
- before: the same with every row made through python-docx cell by cell, as until perf52.

The ratios to the floor are the figures to compare across machines. With --check, exits 1 unless after ≤ 1.5× the
floor (a docx that builds its table through python-docx's calls per cell again)."""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path

from floor_ratio import alternately, invoker, said
from generate import generate


def by_python_docx(document, header, rows, widths, size):
    """render/docx._table as it was until perf52: every row through python-docx, cell by cell."""
    from docx.enum.table import WD_TABLE_ALIGNMENT

    from mstrack.render import docx as render_docx

    section = document.sections[-1]
    room = section.page_width - section.left_margin - section.right_margin
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    render_docx._cell_margins(table)
    sized = [int(room * share / 100) for share in widths]
    for column, width in zip(table.columns, sized, strict=True):
        column.width = width
    for index, row in enumerate(table.rows):
        render_docx._filled_row(row, header if index == 0 else rows[index - 1], sized, size, heading=index == 0)
    return table


def made(folder: Path, indicators: int, invoke) -> tuple[Path, str]:
    """A store of one programme of `indicators` indicators and 25 reports each, imported by mstrack: (store, code)."""
    meta = generate(folder / "data", indicators=indicators, reports=indicators * 25, programmes=1)
    db = folder / "store.db"
    invoke(db, "import", "plan", *meta["plans"])
    invoke(db, "import", "progress", meta["csv"])
    return db, Path(meta["plans"][0]).stem


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--indicators", type=int, default=4_000, help="quantity indicators of the programme (4,000)")
    parser.add_argument("--repeats", type=int, default=5, help="reports made each way (5)")
    parser.add_argument("--check", action="store_true", help="exit 1 unless after ≤ 1.5× the floor")
    options = parser.parse_args()
    invoke = invoker()
    from mstrack.render import docx as render_docx

    kept = render_docx._table
    with tempfile.TemporaryDirectory() as folder:
        db, code = made(Path(folder), options.indicators, invoke)
        numbers = itertools.count()

        def timed(form: str, _day, slow: bool) -> float:
            output = Path(folder) / f"report-{next(numbers)}.{form}"
            render_docx._table = by_python_docx if slow else kept
            try:
                began = time.perf_counter()
                invoke(db, "report", "half-year", "-p", code, "--format", form, "-o", str(output))
                return time.perf_counter() - began
            finally:
                render_docx._table = kept

        times = alternately(options.repeats, [("floor", "md", False), ("after", "docx", False), ("before", "docx", True)],
                            timed)
    return said(f"report half-year on a programme of {options.indicators:,} indicators, median of {options.repeats}",
                times, check=options.check,
                failing="FAIL: the docx costs {ratio:.2f}× the Markdown report (≤ 1.5× expected)")


if __name__ == "__main__":
    sys.exit(main())
