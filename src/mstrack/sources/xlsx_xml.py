"""A sheet's XML as sources/xlsx.py's guard's pass reads it: the compiled patterns for one sheet's tags (CellPatterns),
the XML in pieces of whole rows (whole_rows), and where a cell lies: by its reference, or counted as calamine counts
(cell_place, Places); a column's letters and number."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mstrack.sources.xlsx_stream import column_number

CHUNK_BYTES = 1 << 22
REFERENCE = re.compile(rb"""\sr=["']([A-Z]{1,3})([0-9]+)["']""")
CELL_COLUMN = re.compile(rb"""<(?:\w+:)?c\s[^>]*?r=["']([A-Z]{1,3})[0-9]""")
STYLE = re.compile(rb"""\ss=["']([0-9]+)""")
SHARED_INDEX = re.compile(rb"""\ssi=["']([^"']*)""")


class CellPatterns:
    """The patterns for one sheet. Its tags may carry a prefix (<x:c>, as .NET tools write them): word
    characters and a colon, nothing a pattern would read as syntax."""

    def __init__(self, prefix: bytes, percent_styles: set[int]):
        p = prefix
        self.row_end = b"</%srow>" % p
        self.row = re.compile(rb"""<%srow(?=[\s>/])(?:[^>]*?\sr=["']([0-9]+))?""" % p)
        self.cell_row = re.compile(rb"""r=["'][A-Z]{1,3}0*([0-9]+)["']""")
        self.wide = re.compile(rb"""r=["']([A-Z]{2,3})[0-9]""")
        self.cell_tag = b"<%sc" % p
        self.row_or_cell = re.compile(rb"""<%s(?:row(?=[\s>/])(?:[^>]*?\sr=["']([0-9]+)|())|c(?=[\s>/])([^>]*))""" % p)
        self.unreferenced_cell = re.compile(rb"""<%sc(?=[\s>/])(?!\sr=["'])""" % p)
        self.merge_tag = b"<%smergeCell" % p
        self.merge_ref = re.compile(rb"""<%smergeCell\s[^>]*?ref=["']([A-Z]{1,3}[0-9]+:[A-Z]{1,3}[0-9]+)["']""" % p)
        self.formula_mark = re.compile(rb"<%sf[\s>/]" % p)  # a search with a literal prefix: faster than `in` here
        self.error_mark = re.compile(rb"""t=["']e["']""")  # no \s before it: a literal prefix is searched fast
        self.hidden_mark = re.compile(rb"hidden=")
        self.hidden_row = re.compile(rb"""<%srow(?=[\s>/])(?=[^>]*?\shidden=["'](?:1|true)["'])[^>]*?\sr=["']([0-9]+)["']"""
                                     rb"""[^>]*?(?<!/)>(.*?)</%srow>""" % (p, p), re.S)  # a row with no cells: not one
        self.held = re.compile(rb"<%s(?:v|is|f)[\s>/]" % p)  # a value, an inline string or a formula: the row holds something
        self.formula = re.compile(rb"<%sc(\s[^>]*?)?(?<!/)>\s*<%sf(\s[^>]*?)?(?:/>|>([^<]*)</%sf>)\s*"
                                  rb"(?:<%sv(?:\s[^>]*?)?(?:/>|>([^<]*)</%sv>))?" % (p, p, p, p, p))
        self.error = re.compile(rb"""<%sc(?=[^>]*?\st=["']e["'])(\s[^>]*?)(?<!/)>\s*"""
                                rb"(?:<%sf(?:\s[^>]*?)?(?:/>|>[^<]*</%sf>)\s*)?<%sv(?:\s[^>]*?)?>([^<]*)</%sv>" % (p, p, p, p, p))
        self.percent = self.percent_style = None
        if percent_styles:
            styles = b"|".join(b"%d" % index for index in sorted(percent_styles))
            if 0 in percent_styles:  # a cell without s="…" has the first style: every cell's attributes are read
                condition = rb"""(?:[^>]*?\ss=["'](?:%s)["']|(?![^>]*?\ss=))""" % styles
                self.percent = re.compile(rb"<%sc(?=[\s>/])(?=%s)([^>]*)" % (p, condition))
            else:  # the attribute (a literal prefix: found at C speed; the blank before it is checked per find)
                self.percent_style = re.compile(rb"""s=["'](?:%s)["']""" % styles)


def whole_rows(handle, text: bytes, row_end: bytes) -> Iterator[bytes]:
    """The XML in pieces of a few MB that end where a row does, so that no cell is cut in two and a
    large sheet's XML is never held whole."""
    while chunk := handle.read(CHUNK_BYTES):
        text += chunk
        end = text.rfind(row_end)
        if end >= 0:
            end += len(row_end)
            yield text[:end]
            text = text[end:]
    yield text


def cell_place(attributes: bytes) -> tuple[int, int] | None:
    """(row number, column index) of a cell's r="B2"; None for a cell without one (calamine places it
    by counting; its marks are left out)."""
    reference = REFERENCE.search(attributes)
    if reference is None:
        return None
    return int(reference[2]), column_of_letters(reference[1]) - 1


class Places:
    """Where a marked cell of one piece of XML lies: by its reference (r="B7"), or for a cell without one, by
    counting as calamine does (the column after the cell before it, in the row after the row tag before it).
    The counting pass over the piece is made only when a marked cell has no reference."""

    def __init__(self, piece: bytes, patterns: CellPatterns, row_before: int):
        self.piece, self.patterns, self.row_before = piece, patterns, row_before
        self.counted: dict[int, tuple[int, int]] | None = None

    def of(self, start: int, attributes: bytes) -> tuple[int, int] | None:
        """(row number, column index) of the cell whose tag begins at `start`, with these attributes."""
        if place := cell_place(attributes):
            return place
        if self.counted is None:
            self.counted = self._count()
        return self.counted.get(start)

    def _count(self) -> dict[int, tuple[int, int]]:
        counted = {}
        row, column = self.row_before, -1
        for tag in self.patterns.row_or_cell.finditer(self.piece):
            if tag[3] is None:  # a row tag, with its number or none
                row, column = (int(tag[1]) if tag[1] else row + 1), -1
            elif place := cell_place(tag[3]):
                column = place[1]
                counted[tag.start()] = place
            else:
                column += 1
                counted[tag.start()] = (row, column)
        return counted


def column_letters(column: int) -> str:
    """0 → A, 26 → AA: a cell's column as a reference names it."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_of_letters(letters: bytes) -> int:
    """B → 2, AA → 27, XFD → 16384, from the sheet's XML bytes."""
    return column_number(letters.decode("ascii"))
