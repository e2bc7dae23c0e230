"""The encoding of a text file, guessed by one rule for every reader: a byte-order mark first, then UTF-8, then
GB18030 (what Chinese Windows saves as "ANSI", GBK and GB2312 within it). A CSV or tab text is read so (sheets: in one
pass that keeps nothing, or by its head), a page where its <meta> declares nothing or declares wrongly (documents:
declared_charset), and a plan file, which must be UTF-8, is named by what it reads as in its refusal (plan:
encoding_of, Big5 too)."""

from __future__ import annotations

import codecs
from pathlib import Path

from mstrack.errors import InputError, Message
from mstrack.sources.files import not_text

MARKS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
"""The byte-order marks a text file may open with, and the codec that reads it (the utf-16 codec reads its mark)."""

TEXT_CODECS = ("utf-8", "gb18030")
"""What a text file with no mark is read as, in this order: the first that decodes all of it."""


def marked(head: bytes) -> str | None:
    """The codec a file's byte-order mark names ("utf-8-sig", "utf-16"); None where it opens with none."""
    return next((encoding for mark, encoding in MARKS if head.startswith(mark)), None)


def unmarked_utf16(head: bytes) -> str | None:
    """utf-16-le / utf-16-be for text with no byte-order mark, by where its NUL bytes stand: the high bytes of its
    ASCII (digits, commas, line ends: every CSV has them), at odd offsets in little-endian text, even in big-endian,
    one in sixteen bytes and four at least, hardly any at the other parity (a CJK character's own NUL byte, 一 is
    U+4E00, may stand there), and each beside a printable ASCII character or a line end. None for a head whose NULs
    are at both parities or beside other bytes (binary content), or that has too few."""
    if b"\x00" not in head or marked(head):  # most files: no NUL at all, said at C speed
        return None
    even, odd = head[0::2], head[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):  # each character's high byte, low byte
        ascii_ = [char for char, over in zip(low, high, strict=False) if over == 0]
        if len(ascii_) >= max(4, len(head) / 16) and len(ascii_) >= 8 * low.count(0) \
                and all(0x20 <= char < 0x7f or char in b"\t\r\n" for char in ascii_):
            return codec
    return None


def encoding_of(raw: bytes) -> str | None:
    """What a plan file that is not UTF-8 reads as, named for a person: UTF-16 (a byte-order mark, or the NUL bytes of
    its ASCII), GBK (GB18030, the text files' second codec, reads it), Big5; None where none reads it."""
    head = raw[:4096]
    if marked(head) == "utf-16" or unmarked_utf16(head):
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
    (Excel's "Unicode text") is UTF-16: its NUL bytes are half of its characters, not binary content; so is one with
    none whose NUL bytes are its ASCII's (unmarked_utf16, the rule plan files are named by: a script's export)."""
    with path.open("rb") as handle:
        head = handle.read(65536)
        if marked(head) == "utf-16":
            return _utf16(path, handle, "utf-16")
        if unmarked := unmarked_utf16(head[:len(head) - len(head) % 2]):
            return _utf16(path, handle, unmarked)
        nul = head.find(b"\x00")
        if nul >= 0:
            raise not_text(path, InputError("{path}: not a text file (binary content at byte {byte})", path=path, byte=nul))
        for encoding in TEXT_CODECS:
            if encoding != "utf-8" and head.startswith(codecs.BOM_UTF8):  # a GBK file a tool "added a BOM" to
                raise not_text(path, InputError(  # (trial65 #11): refused, never read as the mark or the bytes say
                    "{path}: starts with a UTF-8 byte order mark but its text is not UTF-8 ({guess}): save it again as "
                    "\"CSV UTF-8\", or without the mark", path=path,
                    guess=Message("it reads as GBK") if _reads_as(head[3:], encoding)
                    else Message("it is neither UTF-8 nor GBK")))
            try:
                _decode_whole(handle, encoding)
            except UnicodeDecodeError:
                continue
            return "utf-8-sig" if encoding == "utf-8" else encoding
        if (lost := chinese_lost(path, head.decode("cp1252", "replace").splitlines())) is not None:
            raise lost  # an English Excel's CSV of a Chinese sheet: its curly quotes neither UTF-8 nor GB18030
    raise not_text(path, InputError("{path}: not a text file: neither UTF-8 nor GB18030 text", path=path))


LOST = "??"
"""What a Western code page (Windows-1252, an English Windows' "ANSI") saves two Chinese characters as."""


def read_text(path: Path) -> str:
    """The whole file as text, by the one encoding rule (text_encoding); its line ends kept as they are."""
    with path.open(encoding=text_encoding(path), newline="") as handle:
        return handle.read()


def chinese_lost(path: Path, lines, error=InputError) -> InputError | None:
    """The refusal of a file whose Chinese was lost when it was saved (every character a "?": what an English Excel's
    "CSV (Comma delimited)" makes of a Chinese sheet), where a line has two cells or more that are runs of "?" and no
    Chinese, at least half of its cells: it reads as no header row, or as no known encoding (its curly quotes), and
    neither says what happened nor what to do. `lines`: text lines, or rows of cells; `error`: the refusal's class."""
    for line in lines:
        cells = [str(cell).strip() for cell in (line.split(",") if isinstance(line, str) else line)
                 if cell is not None and str(cell).strip()]
        lost = [cell for cell in cells if LOST in cell and all(ord(char) < 0x2E80 for char in cell)]
        if len(lost) >= 2 and len(lost) * 2 >= len(cells):
            sample = "、".join(lost[:4])
            return error(Message("{path}: its Chinese was lost when it was saved: its headers read {sample}, what a Western "
                                 "code page (an English Windows' \"CSV (Comma delimited)\") makes of Chinese; save it again as "
                                 "\"CSV UTF-8\" (or as GBK text), or send the .xlsx", path=path,
                                 sample=sample if len(sample) <= 60 else sample[:59] + "…"))
    return None


def _utf16(path: Path, handle, codec: str) -> str:
    """`codec` (utf-16, which reads the byte order mark; utf-16-le or -be without one) when the whole file decodes so;
    else refused, saying so."""
    try:
        _decode_whole(handle, codec)
    except UnicodeDecodeError as error:
        raise not_text(path, InputError("{path}: not readable as UTF-16 text (byte {byte}); save it as UTF-8", path=path,
                                        byte=error.start)) from None
    return codec


def _reads_as(head: bytes, encoding: str) -> bool:
    """Whether a file's head decodes in `encoding` (its last character may be cut)."""
    try:
        codecs.getincrementaldecoder(encoding)().decode(head)
    except UnicodeDecodeError:
        return False
    return True


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
