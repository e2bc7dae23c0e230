"""Whether a file holds a unit's reported figures: what no -o may write over (cli/printing.write_output)."""

from __future__ import annotations

from pathlib import Path

from mstrack.errors import InputError
from mstrack.sources.progress import COLUMNS
from mstrack.sources.sheets import cell_text, find_table, read_rows, worksheet_names

UNIT_WORDS = ("value", "note")
"""The columns a unit fills in by itself: a figure, or only its words in 备注 (why there is none yet)."""

FORM_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt")
"""The files `import progress` reads as sheets: the ones that may hold a unit's figures."""
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")


def holds_figures(path: Path) -> bool:
    """Whether any sheet of a workbook is a progress table (the headers `import progress` reads) with a value or a
    note in at least one row: a unit's filled form, which a new blank one must not replace before it is imported.
    Every sheet, since a unit often puts a sheet of notes (填报说明) before the table."""
    if path.suffix.lower() not in FORM_SUFFIXES:
        return False
    if path.suffix.lower() in TEXT_SUFFIXES:  # a CSV is one sheet
        return _sheet_holds_figures(path, None)
    try:
        sheets = worksheet_names(path)
    except InputError:
        return False
    return any(_sheet_holds_figures(path, sheet) for sheet in sheets)


def _sheet_holds_figures(path: Path, sheet: str | None) -> bool:
    try:
        table = find_table(path, read_rows(path, sheet), COLUMNS, ("task", "value"))
        return any((cell_text(table.get(row, field)) or "").strip() for row in table.rows for field in UNIT_WORDS)
    except InputError:
        return False
