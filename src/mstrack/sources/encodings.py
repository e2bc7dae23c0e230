"""The encoding of a text file, guessed by one rule for every reader: a byte-order mark first, then UTF-8, then
GB18030 (what Chinese Windows saves as "ANSI", GBK and GB2312 within it). A CSV or tab text is read so (sheets: in one
pass that keeps nothing, or by its head), a page where its <meta> declares nothing or declares wrongly (documents:
declared_charset), and a plan file, which must be UTF-8, is named by what it reads as in its refusal (plan:
encoding_of, Big5 too)."""

from __future__ import annotations

import codecs
from pathlib import Path

from mstrack.errors import InputError
from mstrack.sources.files import not_text

MARKS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
"""The byte-order marks a text file may open with, and the codec that reads it (the utf-16 codec reads its mark)."""

TEXT_CODECS = ("utf-8", "gb18030")
"""What a text file with no mark is read as, in this order: the first that decodes all of it."""


def marked(head: bytes) -> str | None:
    """The codec a file's byte-order mark names ("utf-8-sig", "utf-16"); None where it opens with none."""
    return next((encoding for mark, encoding in MARKS if head.startswith(mark)), None)


def encoding_of(raw: bytes) -> str | None:
    """What a plan file that is not UTF-8 reads as, named for a person: UTF-16 (a byte-order mark, or the NUL bytes of
    its ASCII), GBK (GB18030, the text files' second codec, reads it), Big5; None where none reads it."""
    head = raw[:4096]
    if marked(head) == "utf-16" or head and head.count(b"\x00") > len(head) // 4:
        return "UTF-16"
    for codec, name in ((TEXT_CODECS[1], "GBK"), ("big5", "Big5")):
        try:
            raw.decode(codec)
        except UnicodeDecodeError:
            continue
        return name
    return None


def text_encoding(path: Path) -> str:
    """utf-8-sig when the whole file is UTF-8, else gb18030, found in one pass that keeps nothing:
    a million-row file is then read row by row, never held whole. A file opening with a UTF-16 byte order mark
    (Excel's "Unicode text") is UTF-16: its NUL bytes are half of its characters, not binary content."""
    with path.open("rb") as handle:
        head = handle.read(65536)
        if marked(head) == "utf-16":
            return _utf16(path, handle)
        nul = head.find(b"\x00")
        if nul >= 0:
            raise not_text(path, InputError("{path}: not a text file (binary content at byte {byte})", path=path, byte=nul))
        for encoding in TEXT_CODECS:
            try:
                _decode_whole(handle, encoding)
            except UnicodeDecodeError:
                continue
            return "utf-8-sig" if encoding == "utf-8" else encoding
    raise not_text(path, InputError("{path}: not a text file: neither UTF-8 nor GB18030 text", path=path))


def _utf16(path: Path, handle) -> str:
    """utf-16 (the codec reads the byte order mark) when the whole file decodes so; else refused, saying so."""
    try:
        _decode_whole(handle, "utf-16")
    except UnicodeDecodeError as error:
        raise not_text(path, InputError("{path}: not readable as UTF-16 text (byte {byte}); save it as UTF-8", path=path,
                                        byte=error.start)) from None
    return "utf-16"


def _decode_whole(handle, encoding: str) -> None:
    """The whole file decoded from its start, a megabyte at a time, keeping nothing: UnicodeDecodeError where it
    is not in that encoding."""
    decoder = codecs.getincrementaldecoder(encoding)()
    handle.seek(0)
    while chunk := handle.read(1 << 20):
        decoder.decode(chunk)
    decoder.decode(b"", final=True)


HEAD_BYTES = 1 << 20
"""What a CSV's encoding is judged by before its rows are read (streamed_encoding)."""


def streamed_encoding(path: Path) -> str:
    """text_encoding's answer, from the file's first megabyte when that can tell: UTF-8 holding non-ASCII
    text, or bytes UTF-8 cannot decode (GB18030). The rows then check the rest as they decode it (_text_rows),
    not a whole pass before them; an ASCII head, which tells nothing, leaves it to text_encoding's pass."""
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
        whole = not handle.read(1)
    if b"\x00" in head or head.isascii():
        return text_encoding(path)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=whole)
    except UnicodeDecodeError:
        return text_encoding(path)  # GB18030, or neither: the pass says which
    return "utf-8-sig"


def declared_charset(head: str) -> str | None:
    """The charset a page's <meta charset> or <meta http-equiv="Content-Type" content="…; charset=…">
    names, as Python knows it; GB2312 and GBK become GB18030, which holds them both."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Meta(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag != "meta" or found:
                return
            values = {name: value or "" for name, value in attrs}
            if "charset" in values:
                found.append(values["charset"])
            elif values.get("http-equiv", "").lower() == "content-type":
                for part in values.get("content", "").split(";"):
                    name, _, value = part.partition("=")
                    if name.strip().lower() == "charset":
                        found.append(value)

    Meta().feed(head)
    if not found:
        return None
    name = found[0].strip().strip("'\"").lower()
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    return "gb18030" if name in ("gb2312", "gbk") else name
