"""What `import progress` holds while it reads: its checked rows as compact columns, and the plan's indicators
its rows name (plain objects from the store's tuples), with what the store holds on a row's day."""

from __future__ import annotations

from array import array
from datetime import date


class Checked:
    """The checked rows of an import, one compact column each (~23 bytes a row, where a row object with
    its note took ~300): what the comparison at the end needs. Their texts are not kept: they go to
    the store in chunks as they are checked (ReportBatch), or nowhere in a dry run."""

    __slots__ = ("day", "value", "file", "line", "stored", "of_indicator")

    def __init__(self):
        self.day = array("i")  # date.toordinal()
        self.value = array("d")
        self.file = array("H")  # index into the importer's files
        self.line = array("i")  # the spreadsheet's row number
        self.stored = array("b")  # what the store holds on that day: SAME value, OTHER value, NOTHING (or ASK, for now)
        self.of_indicator: dict[int, array] = {}  # indicator id → its rows' indices, in file order

    def rows_of(self, indicator: int) -> array:
        """The indices of an indicator's rows, an empty array until its first."""
        rows = self.of_indicator.get(indicator)
        if rows is None:
            rows = self.of_indicator[indicator] = array("i")
        return rows

    def add(self, indicator: int, on: date, value: float, file: int, line: int, stored: int) -> None:
        self.rows_of(indicator).append(len(self.day))
        self.day.append(on.toordinal())
        self.value.append(value)
        self.file.append(file)
        self.line.append(line)
        self.stored.append(stored)


SAME, OTHER, NOTHING, ASK = 0, 1, 2, 3
"""What the store holds on a row's day: the same value, another, nothing; ASK until the store is asked
(the row's day is not after the indicator's latest report: `_Importer.resolve`)."""
FALLS_ROWS = 10_000
"""Rows whose warnings about falls are worked out together (one read of what they could fall from)."""


class ImportIndicator:
    """What an import checks a row against, from the store's plain tuples (import_reads.import_indicators):
    built only for the tasks a file names. `last`: the day of its latest report, None if it has none."""

    __slots__ = ("programme", "task", "indicator_id", "indicator", "kind", "unit", "comparator", "target", "last", "dues")

    def __init__(self, programme: str, task: str, row: tuple):
        """`row` as import_indicators gives it: (indicator_id, indicator, kind, unit, comparator, target, last,
        dues). Unpacked in place, not passed by keyword: a province's import makes one for each of 20,000
        indicators, and the keywords cost four times the unpacking."""
        self.programme, self.task = programme, task
        (self.indicator_id, self.indicator, self.kind, self.unit, self.comparator, self.target, self.last,
         self.dues) = row
