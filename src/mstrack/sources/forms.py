"""Whether a file holds a unit's reported figures: what `export template` must not write over."""

from __future__ import annotations

from pathlib import Path

from mstrack.errors import InputError
from mstrack.sources.progress import COLUMNS
from mstrack.sources.sheets import cell_text, find_table, read_rows, worksheet_names

UNIT_WORDS = ("value", "note")
"""The columns a unit fills in by itself: a figure, or only its words in 备注 (why there is none yet)."""


def holds_figures(path: Path) -> bool:
    """Whether any sheet of a workbook is a progress table (the headers `import progress` reads) with a value or a
    note in at least one row: a unit's filled form, which a new blank one must not replace before it is imported.
    Every sheet, since a unit often puts a sheet of notes (填报说明) before the table."""
    try:
        sheets = worksheet_names(path)
    except InputError:
        return False
    return any(_sheet_holds_figures(path, sheet) for sheet in sheets)


def _sheet_holds_figures(path: Path, sheet: str) -> bool:
    try:
        table = find_table(path, read_rows(path, sheet), COLUMNS, ("task", "value"))
        return any((cell_text(table.get(row, field)) or "").strip() for row in table.rows for field in UNIT_WORDS)
    except InputError:
        return False
