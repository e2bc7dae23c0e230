"""Whether a file holds a unit's reported figures: what `export template` must not write over."""

from __future__ import annotations

from pathlib import Path

from mstrack.errors import InputError
from mstrack.sources.progress import COLUMNS
from mstrack.sources.sheets import cell_text, find_table, read_rows


def holds_figures(path: Path) -> bool:
    """Whether a workbook's first sheet is a progress table (the headers `import progress` reads) with a value in
    at least one row: a unit's filled form, which a new blank one must not replace before it is imported."""
    try:
        table = find_table(path, read_rows(path), COLUMNS, ("task", "value"))
        return any(cell_text(table.get(row, "value")) for row in table.rows)
    except InputError:
        return False
