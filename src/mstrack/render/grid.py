"""A plain aligned table for Rich consoles: columns measured once, text columns folded to fit.

Rich's Table measures and wraps every cell through its layout engine, which costs about 2 ms a row:
0.7 s for the 404 rows of the demo. Status tables are long, simple grids, so this one does the
little they need: CJK-aware widths (rich.cells), right-justified numbers, folding of the text
columns when the terminal is narrow, one style per row, a title, a heavy rule, a caption.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.cells import cell_len

GAP = "  "


@dataclass
class Column:
    header: str
    justify: str = "left"
    fold: bool = False  # may be folded onto several lines when the table is too wide
    min_width: int = 4


@dataclass
class PlainTable:
    columns: list[Column]
    title: str = ""
    caption: str = ""
    rows: list[tuple[list[str], str]] = field(default_factory=list)

    def add_row(self, *cells: str, style: str = "") -> None:
        self.rows.append(([cell or "" for cell in cells], style))

    def widths(self, max_width: int) -> list[int]:
        natural = [cell_len(column.header) for column in self.columns]
        for cells, _ in self.rows:
            for index, cell in enumerate(cells):
                natural[index] = max(natural[index], cell_len(cell))
        widths = list(natural)
        excess = sum(widths) + len(GAP) * (len(widths) - 1) + 2 - max_width
        folding = [i for i, column in enumerate(self.columns) if column.fold]
        for floor in ("wanted", "least"):  # first down to each column's minimum, then to 4 cells if need be
            while excess > 0 and folding:
                least = {i: self.columns[i].min_width if floor == "wanted" else 4 for i in folding}
                widest = max(folding, key=lambda i: widths[i] - least[i])
                room = widths[widest] - least[widest]
                if room <= 0:
                    break
                cut = min(room, excess, max(1, room // 2))
                widths[widest] -= cut
                excess -= cut
        return widths

    def lines(self, max_width: int):
        """(text, style) for each printed line: the same for a terminal and for a file."""
        widths = self.widths(max_width)
        total = sum(widths) + len(GAP) * (len(widths) - 1) + 2
        if self.title:
            yield _pad(self.title, total, "center"), "italic"
        headers = [_fold(c.header, w) if c.fold else [_crop(c.header, w)] for c, w in zip(self.columns, widths, strict=True)]
        for line in range(max(len(h) for h in headers)):
            yield " " + GAP.join(_pad(h[line] if line < len(h) else "", w, c.justify)
                                 for h, c, w in zip(headers, self.columns, widths, strict=True)), "bold"
        yield " " + "━" * (total - 1), ""
        for cells, style in self.rows:
            pieces = [_fold(cell, width) if column.fold else [_crop(cell, width)]
                      for cell, column, width in zip(cells, self.columns, widths, strict=True)]
            for line in range(max(len(piece) for piece in pieces)):
                yield " " + GAP.join(
                    _pad(piece[line] if line < len(piece) else "", width, column.justify)
                    for piece, column, width in zip(pieces, self.columns, widths, strict=True)
                ), style
        if self.caption:
            yield _pad(self.caption, total, "center"), "dim"

    def text(self, width: int) -> str:
        """The table as plain text, for a file or a pipe: no console, no styles."""
        return "".join(line.rstrip() + "\n" for line, _ in self.lines(width))

    def __rich_console__(self, console, options):
        from rich.text import Text

        for line, style in self.lines(options.max_width):
            yield Text(line, style=style, no_wrap=True, overflow="crop")


def _pad(text: str, width: int, justify: str) -> str:
    space = max(0, width - cell_len(text))
    if justify == "right":
        return " " * space + text
    if justify == "center":
        return " " * (space // 2) + text + " " * (space - space // 2)
    return text + " " * space


def _crop(text: str, width: int) -> str:
    if cell_len(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        if used + cell_len(char) > width - 1:
            break
        out.append(char)
        used += cell_len(char)
    return "".join(out) + "…"


def _fold(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells; a CJK character is two cells and never split."""
    if cell_len(text) <= width:
        return [text]
    lines, current, used = [], [], 0
    for char in text:
        size = cell_len(char)
        if used + size > width and current:
            lines.append("".join(current))
            current, used = [], 0
        current.append(char)
        used += size
    lines.append("".join(current))
    return lines
