"""Lines of text fitted to a width, as the terminal shows them: prose wrapped at its spaces (English) or between
characters (Chinese, 避头 kept), a run of Latin letters and digits kept whole, a command line broken so that it
still runs as copied. Apart from render.grid's tables and their dataclasses, so that `mstrack --help`
(cli/help.py) loads only these."""

from __future__ import annotations

from rich.cells import cell_len


def wrap(text: str, width: int, codes_whole: bool = False) -> list[str]:
    """Lines of at most `width` cells, broken at spaces where there are any (English); in Chinese between
    characters, a line filled before the next begins, never before a closing mark (，。、；：）) nor after an
    opening one; never inside a run of Latin letters, digits and signs (a code like yantian-2023/19, a date,
    a path) unless that run alone is wider than the width: it is folded then, or with codes_whole put on a
    line of its own, whole (a path to copy; the terminal wraps it); nor inside a short word between spaces (TERM)."""
    if not text:
        return []
    lines: list[str] = []
    for paragraph in text.split("\n"):
        indent = paragraph[:len(paragraph) - len(paragraph.lstrip(" "))]
        if cell_len(indent) * 2 > width:
            indent = ""
        current, used = indent, cell_len(indent)  # used: current's width, kept as it grows (not measured again)
        whole = "\u200d" in paragraph or "\ufe0f" in paragraph  # widths that are not the sum of their characters'
        for word in paragraph.lstrip(" ").split(" "):
            space = " " if current.strip() else ""
            wider = cell_len(current + space + word) if whole else used + len(space) + cell_len(word)
            if wider <= width:
                current, used = current + space + word, wider
                continue
            if space and cell_len(indent + word) <= min(width, TERM):  # a short term ("(序时进度)") goes down whole
                lines.append(current)
                current = indent + word
                used = cell_len(current)
                continue
            for token in breakable(word):
                wider = cell_len(current + space + token) if whole else used + len(space) + cell_len(token)
                if wider <= width:
                    current, used = current + space + token, wider
                else:
                    if current.strip():
                        lines.append(current)
                    pieces = [indent + piece for piece in
                              ([token] if codes_whole else _fold(token, width - cell_len(indent)))]
                    lines.extend(pieces[:-1])
                    current = pieces[-1]
                    used = cell_len(current)
                space = ""
        lines.append(current)
    return lines


TERM = 12
"""A word between spaces at most this wide (six Chinese characters) is never split at a line's end: it goes down whole,
a term in English ("(序时进度)") as a word is; a longer one (a Chinese clause) fills the line first."""


def command_lines(command: str, width: int, indent: str = "") -> list[str]:
    """A command line to be typed, whole where it fits; else broken between words with a shell continuation
    (` \\`), the rest indented four more, so that it still runs as copied. A word is never broken."""
    if cell_len(indent + command) <= width:
        return [indent + command]
    lines, current = [], indent
    for word in command.split(" "):
        if current.strip() and cell_len(f"{current} {word} \\") > width:
            lines.append(current + " \\")
            current = indent + "    " + word
        else:
            current = f"{current} {word}" if current.strip() else current + word
    return [*lines, current]


CLOSING = set("，。、；：！？）」』》〉】”’…,.;:!?)]%")
"""Marks a line never starts with (避头): they stay with what they follow."""
OPENING = set("（「『《〈【“‘([")
"""Marks a line never ends with: they stay with what follows them."""


def breakable(word: str) -> list[str]:
    """A word without spaces cut where a line may break: each CJK character on its own, a run of narrow
    characters (a code, a number, a date) whole, closing marks kept with what they follow and opening
    marks with what follows them."""
    tokens: list[str] = []
    opening = ""
    for char in word:
        narrow = cell_len(char) == 1
        if tokens and not opening and (char in CLOSING or narrow and cell_len(tokens[-1][-1]) == 1):
            tokens[-1] += char
        elif char in OPENING:
            opening += char
        else:
            tokens.append(opening + char)
            opening = ""
    if opening:
        tokens.append(opening)
    return tokens


RUN_BREAKS = set("/\\-_.,")
"""Where a run of Latin letters, digits and signs too wide for its line (a path, a code) is folded: after
its last separator that fits, so that "seed/dongguan-2023.toml" folds as "seed/" over "dongguan-2023.toml",
not "seed/dongguan" over "-2023.toml"."""


def _fold_run(text: str, width: int) -> list[str]:
    """A run of narrow characters in lines of at most `width`, each broken after a separator (RUN_BREAKS)
    where one fits, else at the width."""
    lines = []
    while len(text) > width:
        cut = max((i + 1 for i, char in enumerate(text[:width]) if char in RUN_BREAKS), default=width)
        lines.append(text[:cut])
        text = text[cut:]
    return [*lines, text]


def _fold(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells; a CJK character is two cells and never split. A line break in
    the text starts a new line. A closing mark (，。、）) does not start a line: the character before it
    goes down with it. A run of narrow characters only (a path, a code) folds after a separator (_fold_run)."""
    if "\n" not in text and cell_len(text) <= width:
        return [text]
    if "\n" not in text and width > 0 and cell_len(text) == len(text) and text.isprintable():
        return _fold_run(text, width)
    lines = []
    for paragraph in text.split("\n"):
        current, used = [], 0
        for char in paragraph:
            size = cell_len(char)
            if used + size > width and current:
                carried = [current.pop()] if char in CLOSING and len(current) > 1 else []
                lines.append("".join(current))
                current, used = carried, sum(map(cell_len, carried))
            current.append(char)
            used += size
        lines.append("".join(current))
    return lines
