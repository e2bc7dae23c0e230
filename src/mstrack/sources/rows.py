"""The one row type every reader gives: a spreadsheet's row number and its plain cell values."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Row:
    number: int  # as the spreadsheet numbers it, 1-based, title and header rows included
    cells: list
