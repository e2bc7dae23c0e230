"""What a workbook's sheet holds beyond its cells' text, checked once the table is found: formulas saved with no value
(refused where a task's figure or words would be read from one), the rows and columns it hides, and its other sheets
holding a table of their own; said in import progress's words."""

from __future__ import annotations

from pathlib import Path

from mstrack.errors import InputError, Message
from mstrack.sources.progress_sheets import columns_hidden_said, rows_hidden_said
from mstrack.sources.rows import total_row
from mstrack.sources.table.header import holds_header
from mstrack.sources.table.reading import Sheet


def unsaved_formulas(table: Sheet, at: int, read: set[int]) -> list[Message]:
    """A formula saved with no value (a file written by a script, never opened in Excel) in a column read, on a row
    under the header that is no total: refused, as its text would be read as a figure or a task's words; one elsewhere
    (a title's, a total's, an unread column's) only decorates: said."""
    if not table.formulas:
        return []
    header = table.rows[at].number
    totals = {row.number for row in table.rows if total_row(row.cells)}
    refused = sorted((row, k) for row, k in table.formulas if row > header and k in read and row not in totals)
    named = [f"{table.column_label(k)}{row}" for row, k in refused]
    if refused:
        row, k = refused[0]
        raise InputError("{path}: sheet {sheet!r}, {n:cell|cells} {cells}: the formula {formula} has no saved value; open the file in "
                         "Excel/WPS and save it (nothing was written)", path=table.path, sheet=table.sheet_name,
                         n=len(named), cells=", ".join(named[:5]) + ("…" if len(named) > 5 else ""),
                         formula=repr(table.formulas[(row, k)]))
    cells = ", ".join(f"{table.column_label(k)}{row}" for row, k in sorted(table.formulas))
    return [Message("{path}: sheet {sheet!r}: {cells} hold a formula with no saved value, not read as a task's "
                    "(open the file in Excel/WPS and save it to keep its figures)", path=table.path,
                    sheet=table.sheet_name, cells=cells)]


def hidden_said(table: Sheet, at: int, columns: list) -> list[Message]:
    """The rows under the header and the columns read that the sheet hides, said as import progress says them: still
    read (an office may hide a row for printing), but a cancelled task's row may be hidden too."""
    if table.hidden is None:
        return []
    said = (rows_hidden_said(table.path, table.hidden, table.rows[at].number),
            columns_hidden_said(table.path, table.hidden, [column.index for column in columns],
                                {column.index: column.header for column in columns}))
    return [message for message in said if message is not None]


def other_tables(sheets: list[Sheet], table: Sheet, path: Path, year: int) -> list[Message]:
    """A workbook's other sheets that hold a header row (a sheet per unit, say): not read, said with how to read one."""
    if not table.sheet_name:
        return []
    others = [sheet.sheet_name for sheet in sheets if sheet.sheet_name and sheet.sheet_name != table.sheet_name
              and holds_header(sheet, year)]
    if not others:
        return []
    return [Message("{path}: sheet {sheet!r} read; the {n:sheet|sheets} {others} {n:holds|hold} a table too and {n:was|were} "
                    "not read: import each with --sheet NAME", path=path, sheet=table.sheet_name, n=len(others),
                    others=", ".join(map(repr, others)))]


def workbook_said(sheets: list[Sheet], table: Sheet, at: int, columns: list, path: Path, year: int) -> list[Message]:
    """Everything above, for the summary: a formula where a task's cell is read is refused instead."""
    return [*unsaved_formulas(table, at, {column.index for column in columns}), *hidden_said(table, at, columns),
            *other_tables(sheets, table, path, year)]
