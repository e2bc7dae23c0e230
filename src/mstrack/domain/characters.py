"""Traditional characters folded into simplified ones for matching (序號 is 序号, 農村低保 is 农村低保), by OpenCC,
the field's maintained converter, imported only for a text that may hold traditional characters: one with
a CJK character outside GB2312, the simplified national set. Pure: sources/traditional.py keeps a table's
own characters to give back; import progress and `log` match indicator names with it."""

from __future__ import annotations

import functools


def outside_gb2312(char: str) -> bool:
    if not "\u3400" <= char <= "\u9fff" and not "\uf900" <= char <= "\ufaff":
        return False
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False


def _in_gb2312(text: str) -> bool:
    """Every character of the text in GB2312: one encode in C, where outside_gb2312 of each character took 14 µs of
    a 20-character title (the most of a title's fold for `import progress`'s names, trial57 #4)."""
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


@functools.lru_cache(maxsize=1)
def converter():
    import opencc  # only for a table with traditional characters

    return opencc.OpenCC("t2s")


def simplified(text: str, *, every_cell: bool = False) -> str:
    """The text in simplified characters, as long as it was (one character for one), for matching. A text without a
    character outside GB2312 is taken as simplified, unless `every_cell`: a cell of a table known to be written in
    traditional characters (不低於60元: 於 is in GB2312 too)."""
    if not every_cell and (_in_gb2312(text) or not any(map(outside_gb2312, set(text)))):
        return text
    converted = converter().convert(text)
    if len(converted) != len(text):  # a phrase converted to one of another length: one character at a time
        converted = "".join(c if len(c := converter().convert(char)) == 1 else char for char in text)
    return converted
