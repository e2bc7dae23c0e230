"""A text on one line, and cut to what a message quotes of it: a cell's line breaks would start a line of stderr that
names no file. Beside long_lists.py, for every part to use: the domain's messages (domain.progress) as the readers'
(sources.rows.clip), the domain importing no reader."""

from __future__ import annotations


def one_line(text: str) -> str:
    """The text with every run of whitespace (a line break, a tab, spaces) one space, none at its ends."""
    return " ".join(text.split())


def clip(text: str, size: int = 40) -> str:
    """A cell's text on one line (one_line), cut to `size` characters: what a message quotes of it."""
    text = one_line(text)
    return text if len(text) <= size else text[: size - 1] + "…"
