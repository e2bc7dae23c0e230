"""A plain aligned table for Rich consoles and text files: columns measured once, fitted to the width.

Rich's Table measures and wraps every cell through its layout engine, which costs about 2 ms a row:
0.7 s for the 404 rows of the demo; and at 80 columns it squeezes whole columns to nothing (the unit
names of `units` vanished). Every table of the command line is a long, simple grid, so this one does
what they need: CJK-aware widths (rich.cells), right-justified numbers, and a fixed order of giving
way when the terminal is narrow: headers wrap at their words, text columns fold down to their wanted
width, then the less important columns are left out (one empty in every row first, unsaid; then the
highest `drop` first, and said so under the table), then text columns fold further. Key columns (a task
reference, a unit name) never fold and are never cut, and no line is wider than the width given.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rich.cells import cell_len

from mstrack.render.lines import breakable, wrap

GAP = "  "
LEAST = 4
"""The narrowest a folded column gets, when nothing is left to leave out."""
NARROW_RUN_RE = re.compile(r"[!-~]+")
"""A run of printable ASCII without spaces: a path, a code, a number, kept whole while anything else can give way."""
COMFORTABLE = 24
"""A text column folds to this width before anything else gives way: twelve Chinese characters."""


@dataclass
class Column:
    header: str
    justify: str = "left"
    fold: bool = False  # may be folded onto several lines when the table is too wide
    min_width: int = LEAST  # folded no narrower than this while a column can still be left out
    drop: int = 0  # 0: always shown; else left out when the table does not fit, the highest number first
    middle: bool = False  # a name to find (a file): cut in its middle with … to the width, on one line, not folded
    filled: bool = False  # shown only where some row has something in it, however wide the terminal (an unrecorded login)


@dataclass
class PlainTable:
    columns: list[Column]
    title: str = ""
    title_justify: str = "center"
    caption: str | Callable[[list[int]], str] = ""  # or, given the columns shown (indexes), a note on those alone
    omitted: Callable[[list[str]], str] | None = None  # headers left out → the sentence said under the table
    rows: list[tuple[list[str], str]] = field(default_factory=list)

    def add_row(self, *cells, style: str = "") -> None:
        self.rows.append(([_cell(cell) for cell in cells], style))

    def layout(self, max_width: int) -> tuple[list[int], list[int]]:
        """The columns shown (indexes) and their widths: the first fit in the order of giving way."""
        natural = [cell_len(column.header) for column in self.columns]
        content = [0] * len(self.columns)
        self._widths = measured = [[_width(cell) for cell in cells] for cells, _ in self.rows]  # lines() reads them
        for sizes in measured:
            content = list(map(max, content, sizes))
        self._runs = {}  # a fold column's longest run (_longest_run), measured once a layout
        natural = [max(n, c) for n, c in zip(natural, content, strict=True)]
        shown = [i for i, column in enumerate(self.columns) if content[i] or not column.filled]
        # what gives way when folding is not enough: a column empty in every row first (unsaid), then the highest drop
        droppable = sorted((i for i in shown if self.columns[i].drop), key=lambda i: (content[i] > 0, -self.columns[i].drop))
        while True:
            widths, excess = self._fit(shown, natural, content, max_width, wanted=True)
            if excess <= 0 or not droppable:
                break
            shown.remove(droppable.pop(0))
        if excess > 0:
            widths, excess = self._fit(shown, natural, content, max_width, wanted=False)
        return shown, widths

    def _fit(self, shown, natural, content, max_width, wanted: bool) -> tuple[list[int], int]:
        """Widths for the shown columns and how far they still exceed the width: long texts fold to a
        comfortable width, then headers wrap at their words, then texts fold to their wanted width (never inside a run
        of Latin letters and digits: a code, a number), or at last to the least."""
        widths = [natural[i] for i in shown]
        excess = sum(widths) + len(GAP) * (len(widths) - 1) + 1 - max_width
        folding = [p for p, i in enumerate(shown) if self.columns[i].fold]
        excess = _shrink(widths, excess, {p: max(self.columns[shown[p]].min_width, COMFORTABLE, self._longest_run(shown[p]))
                                          for p in folding})
        headers = {p: max(content[i], _longest_word(self.columns[i].header), 1) for p, i in enumerate(shown)
                   if not self.columns[i].fold}
        excess = _shrink(widths, excess, headers)
        # never inside a code or a number ("yantian-2023/" over "4") while a column can still be left out
        return widths, _shrink(widths, excess, {p: max(self.columns[shown[p]].min_width, self._longest_run(shown[p]))
                                                if wanted else LEAST for p in folding})

    def _longest_run(self, index: int) -> int:
        """The widest run of Latin letters, digits and signs in a column (a file name, a code): a column folds
        inside one only after the headers have wrapped. Measured once a layout, only when the table is too wide."""
        if index not in self._runs:
            runs = (len(run) for cells, _ in self.rows for run in NARROW_RUN_RE.findall(cells[index]))
            self._runs[index] = 0 if self.columns[index].middle else max(runs, default=0)
        return self._runs[index]

    def lines(self, max_width: int):
        """(text, style) for each printed line, none wider than max_width: the same for a terminal and a file."""
        shown, widths = self.layout(max_width)
        columns = [self.columns[i] for i in shown]
        total = min(max_width, sum(widths) + len(GAP) * (len(widths) - 1) + 1)
        for line in wrap(self.title, total):
            yield fit_line(pad(line, total, self.title_justify), max_width), "italic"
        headers = [[line.replace(GLUE, " ") for line in wrap(_glued(c.header), w)]
                   for c, w in zip(columns, widths, strict=True)]
        for line in range(max(len(h) for h in headers)):
            yield fit_line(" " + GAP.join(pad(h[line] if line < len(h) else "", w, c.justify)
                                           for h, c, w in zip(headers, columns, widths, strict=True)), max_width), "bold"
        yield " " + "━" * (total - 1), ""
        fixed = 1 + len(GAP) * (len(widths) - 1)
        for (cells, style), sizes in zip(self.rows, self._widths, strict=True):
            pieces = [_pieces(cells[i], sizes[i], width, self.columns[i].middle) for i, width in zip(shown, widths, strict=True)]
            joined = any(map(_joined, cells))  # its lines' widths are not their parts': each is measured whole
            for line in range(max(len(piece) for piece in pieces)):
                parts, used = [], fixed
                for piece, column, width in zip(pieces, columns, widths, strict=True):
                    text, size = piece[line] if line < len(piece) else ("", 0)
                    parts.append(_padded(text, size, width, column.justify))
                    used += max(size, width)
                text = " " + GAP.join(parts)  # measured as its parts were: fit_line only for one that may be too wide
                yield text if used <= max_width and not joined else fit_line(text, max_width), style
        empty = self.empty_columns()
        left_out = [self.columns[i].header for i in range(len(self.columns)) if i not in shown and i not in empty]
        caption = self.caption(shown) if callable(self.caption) else self.caption
        notes = [caption] if caption else []
        if left_out and self.omitted:
            notes.append(self.omitted(left_out))
        for note in notes:  # centred when it fits a line; a longer note reads as a paragraph, not a centred jumble
            folded = wrap(note, total)
            for line in folded:
                yield pad(line, total, "center" if len(folded) == 1 else "left"), "dim"

    def empty_columns(self) -> set[int]:
        """The columns no row has anything in (batches with no reason given): left out first, and unsaid."""
        return {index for index, column in enumerate(self.columns)
                if column.drop and not any(cells[index] for cells, _ in self.rows)}

    def text(self, width: int) -> str:
        """The table as plain text, for a file or a pipe: no console, no styles."""
        return "".join(line.rstrip() + "\n" for line, _ in self.lines(width))

    def __rich_console__(self, console, options):
        """Each line as a segment with its style, what Rich makes of a Text of one line that fits: a Text would be
        measured, split, justified and cropped again, line by line (half the time of a long table's printing).
        A line a Text would change (a tab to expand, one too wide to crop) is still printed as one."""
        from rich.control import strip_control_codes
        from rich.segment import Segment
        from rich.style import Style
        from rich.text import Text

        width, styles, newline = options.max_width, {}, Segment.line()
        for line, style in self.lines(width):
            line = strip_control_codes(line)  # as Text() does
            if "\t" in line or len(line) * 2 > width and cell_len(line) > width:
                yield Text(line, style=style, no_wrap=True, overflow="crop")
                continue
            if style not in styles:
                styles[style] = console.get_style(style, default=Style.null()) if style else None
            yield Segment(line, styles[style])
            yield newline


class Folded:
    """A text in a Rich table cell or on its own line, folded by wrap() at the width Rich gives it: Rich alone
    cuts a long Chinese text with no spaces at one line ("…", show's 进展情况 and notes at any width) and
    splits a number ("2" / "000课时"); here it is folded between characters and a number stays whole."""

    def __init__(self, text: str | None, style: str = "", bold: int = 0):
        self.text, self.style, self.bold = text or "", style, bold  # bold: that many first cells, in bold

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        lines = self.text.split("\n")
        tokens = [token for line in lines for word in line.split(" ") for token in breakable(word)]
        least = min(max((cell_len(token) for token in tokens), default=1), NARROWEST)
        return Measurement(max(least, 1), max(max(cell_len(line) for line in lines), 1)).clamp(options.max_width)

    def __rich_console__(self, console, options):
        from rich.text import Text

        for number, line in enumerate(wrap(self.text, max(options.max_width, 1)) or [""]):
            text = Text(line, style=self.style, no_wrap=True, overflow="crop")
            if number == 0 and self.bold:
                text.stylize("bold", 0, self.bold)
            yield text


NARROWEST = 10
"""The least width a Folded text asks of a table: a number or code up to this wide is never split."""


def _shrink(widths: list[int], excess: int, least: dict[int, int]) -> int:
    """Narrows the columns named in `least` (position → floor), the one with most room first, until the
    excess is gone or every one is at its floor; returns what is still in excess."""
    while excess > 0 and least:
        widest = max(least, key=lambda p: widths[p] - least[p])
        room = widths[widest] - least[widest]
        if room <= 0:
            break
        cut = min(room, excess, max(1, room // 2))
        widths[widest] -= cut
        excess -= cut
    return excess


def _cell(value) -> str:
    return "" if value is None else str(value)


GLUE = "\u00a0"


def _glued(header: str) -> str:
    """A header with a one-character word ("Done %") glued to the word before it: a sign alone on a
    header's second line reads as a stray mark."""
    return re.sub(r" (?=\S(?: |$))", GLUE, header)


def _longest_word(text: str) -> int:
    return max((cell_len(word) for word in _glued(text).split(" ")), default=0)


def _width(cell: str) -> int:
    """A cell's width: its widest line."""
    return max(map(cell_len, cell.split("\n"))) if "\n" in cell else cell_len(cell)


def _pieces(cell: str, size: int, width: int, middle: bool) -> list[tuple[str, int]]:
    """A cell's lines in a column `width` wide and each line's width, given the cell's own (`size`, measured once by
    layout): a cell of one line that fits is its own line, unwrapped (wrap would give it back whole; an indented one
    (or one starting with any space) is left to wrap, which may drop it), only a wider one is wrapped."""
    if size <= width and "\n" not in cell and not cell[:1].isspace() and not _joined(cell):
        return [(cell, size)]
    lines = [shorten_middle(cell, width)] if middle else wrap(cell, width) or [""]
    return [(line, cell_len(line)) for line in lines]


def _joined(text: str) -> bool:
    """Whether a text has a zero-width joiner or an emoji variation selector: the only characters whose width depends
    on their neighbours (rich.cells), so that a line's width is not the sum of its parts'."""
    return "\u200d" in text or "\ufe0f" in text


def _padded(text: str, size: int, width: int, justify: str) -> str:
    """pad() of a text whose width (`size`) is known."""
    space = max(0, width - size)
    if justify == "right":
        return " " * space + text
    if justify == "center":
        return " " * (space // 2) + text + " " * (space - space // 2)
    return text + " " * space


def pad(text: str, width: int, justify: str) -> str:
    return _padded(text, cell_len(text), width, justify)


def shorten_middle(text: str, width: int) -> str:
    """A name (a file) in at most `width` cells: whole when it fits; a "folder/name" whose name fits keeps the name
    whole and as much of the folder's end as fits (two units' returns of one name: a/报送表.xlsx, b/报送表.xlsx); else
    the name's start and its end (where two returns of one unit differ: 更正, the extension) kept around a "…"."""
    if cell_len(text) <= width:
        return text
    folder, slash, name = text.rpartition("/")
    if slash and cell_len(name) < width:  # the file's name whole after its folder's end: "…ang/报送表.xlsx"
        kept, room = [], width - 1
        for char in reversed(text):
            if cell_len(char) > room:
                break
            kept.append(char)
            room -= cell_len(char)
        return "…" + "".join(reversed(kept))
    text = name if slash else text  # a name too long for the width alone: its folder goes first
    head, tail, room = [], [], max(width - 1, 0)
    for turn in range(len(text)):
        source, into = (text[len(head)], head) if turn % 2 else (text[len(text) - 1 - len(tail)], tail)
        if cell_len(source) > room:
            break
        into.append(source)
        room -= cell_len(source)
    return "".join(head) + "…" + "".join(reversed(tail))


def fit_line(line: str, width: int) -> str:
    """The last resort below the narrowest layout: a line cut at the width, never wider."""
    if cell_len(line) <= width:
        return line
    out, used = [], 0
    for char in line:
        if used + cell_len(char) > width:
            break
        out.append(char)
        used += cell_len(char)
    return "".join(out)
