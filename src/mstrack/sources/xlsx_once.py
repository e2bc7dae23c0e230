"""calamine's parse of a sheet without merged cells, on a copy it reads once.

python-calamine's get_sheet_by_name parses a sheet's values and then reads its XML a second time from the start, only
for its merged cells: it stops at `<mergeCells>`, which comes after the rows, and reads to the end when a sheet has
none (a third of the parse; docs/history/performance.md, fourteenth and sixteenth rounds). A sheet whose XML names no
mergeCell is therefore handed to calamine on a copy of the workbook in memory (a memfd: nothing is written to disk)
whose sheet holds an empty `<mergeCells></mergeCells>` as the root's first child, where the second read stops at
once; the copy is stored, not deflated, so calamine inflates nothing either. It is made with zipfile's own writer,
XML parts only (calamine reads no image), a piece of the sheet at a time. The values, extent and merges are
calamine's from the same XML: it skips whatever comes before `<sheetData>`. Anything unusual (a byte-order mark,
another declared encoding, no root found in the first piece, a sheet naming mergeCell under any prefix) or any
failure leaves the sheet to the file, where calamine meets it as before."""

from __future__ import annotations

import os
import re
from pathlib import Path

PIECE_BYTES = 1 << 22
ROOT = re.compile(rb"""<(\w+:)?worksheet(?=[\s>])(?:[^>"']|"[^"]*"|'[^']*')*(?<!/)>""")
DECLARED = re.compile(rb"""^<\?xml[^>]*?\sencoding=["']([^"']*)["']""")
MERGE = b"mergeCell"  # calamine matches merges by local name: a prefix before it changes nothing
OTHER_PARTS_BYTES = 8 << 20
"""The copy inflates every XML part: other parts (another sheet, a large shared-strings table) past this many bytes and
larger than the sheet itself cost more to copy than the second read saves (a 2-row sheet beside a 128 MB one: 0.60 s and
277 MB, against 0.01 s from the file; review42). The sheet is then read from the file."""


def parsed_once(path: Path, member: str, sheet: str):
    """calamine's sheet from the copy, or None where the sheet is read from the file (merged cells named, something
    unusual, no memfd, or any failure on the copy: the file's parse then names the error)."""
    import sys

    if not sys.platform.startswith("linux") or not hasattr(os, "memfd_create"):
        return None
    try:
        fd = os.memfd_create("mstrack-sheet", os.MFD_CLOEXEC)
    except OSError:
        return None
    try:
        if not _copied(path, member, fd):
            return None
        from python_calamine import CalamineWorkbook

        return CalamineWorkbook.from_path(f"/proc/self/fd/{fd}").get_sheet_by_name(sheet)
    except Exception:  # noqa: BLE001 (whatever fails here fails again on the file, named as before)
        return None
    finally:
        os.close(fd)  # calamine holds its values, not the file: the memory goes with the descriptor


def _copied(path: Path, member: str, fd: int) -> bool:
    """Write the copy into `fd`: the workbook's XML parts stored, the sheet with its empty `<mergeCells>`; False
    (the copy abandoned) where the sheet is not one to copy."""
    import zipfile

    with zipfile.ZipFile(path) as archive, zipfile.ZipFile(os.fdopen(fd, "wb", closefd=False), "w") as copy:
        names = archive.namelist()
        if len(set(names)) != len(names):
            return False  # a name given twice: which one calamine takes is the file's to say (and zipfile would warn)
        parts = [info for info in archive.infolist() if info.filename.lower().endswith((".xml", ".rels"))]
        others = sum(info.file_size for info in parts if info.filename != member)
        if others > OTHER_PARTS_BYTES and others > sum(info.file_size for info in parts if info.filename == member):
            return False
        for info in archive.infolist():
            if info.filename == member:
                if not _sheet_copied(archive, info, copy):
                    return False
            elif info.filename.lower().endswith((".xml", ".rels")):
                copy.writestr(info.filename, archive.read(info))
    return True


def _sheet_copied(archive, info, copy) -> bool:
    with archive.open(info) as source:
        head = source.read(PIECE_BYTES)
        declared = DECLARED.match(head)
        if not head.startswith(b"<") or (declared and declared[1].lower() not in (b"utf-8", b"utf8")):
            return False  # a byte-order mark or another encoding: the element is put in as it is written
        root = ROOT.search(head)
        if root is None or MERGE in head:
            return False
        prefix = root[1] or b""
        with copy.open(info.filename, "w", force_zip64=info.file_size >= 1 << 31) as target:
            target.write(head[:root.end()])
            target.write(b"<%smergeCells></%smergeCells>" % (prefix, prefix))
            target.write(head[root.end():])
            tail = head[-len(MERGE):]
            while piece := source.read(PIECE_BYTES):
                if MERGE in tail + piece[:len(MERGE)] or MERGE in piece:
                    return False
                target.write(piece)
                tail = piece[-len(MERGE):]
    return True
