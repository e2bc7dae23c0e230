#!/usr/bin/env python3
"""How the reader of last resort (sources/table/outline.py) alone reads the corpus's prose documents.

    .venv/bin/python bench/outline_score.py [--verbose] [FILE ...]

Each .txt, .docx and .html file of tests/data/tables/ whose text is paragraphs (no grid) is read by the outline
reader only, as if every other reader had refused it, and scored against its reading by tables_score's own
comparison: what an unseen document the other readers refuse can expect from it. A document it refuses scores 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "src")]

PROSE_SUFFIXES = (".txt", ".docx", ".html", ".htm")


def main(argv: list[str] | None = None) -> int:
    import tables_score as ts

    from mstrack.errors import NoLayoutError
    from mstrack.sources.table import convert
    from mstrack.sources.table.outline import outline_table, prose
    from mstrack.sources.table.reading import read_sheets

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    tables = [Path(f) if Path(f).exists() else ts.TABLES / f for f in args.files] if args.files else [
        p for p in ts.expected_files() if p.suffix in PROSE_SUFFIXES]

    def no_layout(*_args, **_kwargs):
        raise NoLayoutError("no layout")

    convert._table_in = no_layout  # every other reader refuses: the outline alone reads
    convert.best_effort_table = lambda *_args: None
    right = total = invented = refused = read = grids = 0
    for table in tables:
        expected = ts.load_expected(table)
        score = ts.Score(file=table.name)
        try:
            sheets = read_sheets(table, expected.get("sheet"))
            if not any(map(prose, sheets)):
                grids += 1
                continue
            if outline_table(sheets, expected["year"]) is None:
                raise NoLayoutError("refused")
            conversion = convert.convert_sheets(sheets, path=table, programme=expected["programme"], year=expected["year"],
                                                best_effort=True)
        except Exception as error:  # noqa: BLE001 - refused or not prose: 0 of its facts
            score.error, score.total = f"{type(error).__name__}: {str(error)[:80]}", ts.expected_total(expected)
            refused += 1
        else:
            read += 1
            ts.compare(expected, ts.read_programme(conversion.programme), score)
        right, total, invented = right + score.right, total + score.total, invented + len(score.invented)
        print(f"{table.name:<48} {score.right:4d} / {score.total:<4d} inv {len(score.invented):3d}"
              + (f"  {score.error}" if score.error else ""))
        if args.verbose:
            for line in [*score.missed, *score.invented]:
                print("   ", line)
    print(f"total {right} / {total} ({100 * right / max(total, 1):.1f} %), invented {invented}; "
          f"{read} read, {refused} refused; {grids} grids left out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
