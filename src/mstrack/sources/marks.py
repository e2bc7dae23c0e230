"""Whether a report file still holds what mstrack wrote (vocabulary.MARKDOWN_MARK, ZIP_MARK): the mark names mstrack
and carries a digest of the content written, so a report with notes typed in, a log that reports were appended to, a
Word file edited and saved by another program keeps its mark's name but no longer its digest, and -o keeps it
(sources/forms.document_held, cli/kept_files._looked). Reads are bounded: the tail for the mark, the ZIP directory,
and the text before a mark only up to MARK_CHECK_BYTES."""

from __future__ import annotations

import re
from pathlib import Path

from mstrack.vocabulary import MARKDOWN_MARK, WRITER, ZIP_MARK, zip_digest

CHANGED = "changed"
"""A report that says mstrack wrote it but no longer holds what mstrack wrote (or was written before marks carried a
digest): nothing says it may go."""
HTML_MARK = re.compile(rb"""<meta\s+name=["']?generator["']?\s+content=["']?""" + WRITER.encode() + rb"\b", re.IGNORECASE)
MARK_RE = re.compile(re.escape(MARKDOWN_MARK.split("{")[0].rstrip()).encode()
                     + rb"\s[^\n]*?(?:\ssha256\s([0-9a-f]{64}))?\s*-->\s*\Z")
"""The mark as a file's last line: the digest it carries, if any (earlier versions' marks carried none)."""
TAIL_BYTES = 512
"""The end of a file read for its mark."""
MARK_CHECK_BYTES = 256 << 20
"""The most text read to check a mark's digest: a file longer than that before its mark is no report of mstrack's
(a province's Markdown report is a few MB), and is kept as changed rather than read whole."""


def text_mark(path: Path, start: bytes = b"") -> bool | None:
    """For a Markdown or HTML file: True when its last line is mstrack's mark and the digest there is that of the bytes
    before it; False when it bears a mark (that last line, or an HTML generator naming mstrack in `start`, its first
    bytes) that is stale, has no digest, or cannot be checked; None when it bears none."""
    try:
        with open(path, "rb") as handle:
            size = handle.seek(0, 2)
            handle.seek(max(0, size - TAIL_BYTES))
            tail = handle.read()
            found = MARK_RE.search(tail)
            if found is None:
                return False if HTML_MARK.search(start) else None
            at = size - len(tail) + found.start()
            if found.group(1) is None or at > MARK_CHECK_BYTES or at and not tail[:found.start()].endswith(b"\n"):
                return False
            return _digest_of(handle, at) == found.group(1).decode("ascii")
    except OSError:
        return False


def _digest_of(handle, size: int) -> str:
    """vocabulary.text_digest (SHA-256) of a file's first `size` bytes, read a MB at a time."""
    import hashlib

    handle.seek(0)
    digest = hashlib.sha256()
    left = size
    while left > 0 and (chunk := handle.read(min(left, 1 << 20))):
        digest.update(chunk)
        left -= len(chunk)
    return digest.hexdigest()


def zip_unchanged(path: Path) -> bool:
    """Whether a Word or Excel file's ZIP comment is mstrack's mark with the digest of the parts it holds now (read from
    the ZIP directory alone: no part is unpacked)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            return archive.comment == ZIP_MARK.format(digest=zip_digest(archive.infolist())).encode("ascii")
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError):
        return False


def mark_holds(path: Path) -> bool:
    """Whether a file carries mstrack's mark and still holds what the mark says (a Markdown or HTML report's last
    line, a Word or Excel report's ZIP comment): mstrack's, unchanged, whatever else says otherwise."""
    return text_mark(path) is True or zip_unchanged(path)


def file_digest(path: Path) -> str:
    """The SHA-256 of a whole file, read a MB at a time (the record of what -o wrote, store/written)."""
    with open(path, "rb") as handle:
        return _digest_of(handle, handle.seek(0, 2))
