"""A part of a plan whose work is printed as unnumbered paragraphs each opened by its sector's label and a colon
("交通运输方面：针对…", "危险化学品领域：要深入开展…"), under one paragraph naming who does it all ("二、工作任务" over
"各联合党委、各相关处室要紧盯…"), for the headerless reader (prose_chain.list_table). Each paragraph is a task coded by its
label (the only name it prints, as a table's group label "养老方面" codes its rows: numbered_columns), titled by the
words after the colon, led by the doers the paragraph above names (list_doers.paragraph_doers: the kinds it leaves
open, "各相关处室", aside) unless it names its own (_doer_labels)."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import AREA_RE, SECTOR_LABEL, row_texts
from mstrack.sources.table.list_doers import joint_with, paragraph_doers
from mstrack.sources.table.list_numbered import Entry, numbered_table
from mstrack.sources.table.reading import Row

# "交通运输方面：针对…", "危险化学品领域：要…": a sector's label, its work after the colon (a sentence, not a name)
SECTOR_RE = re.compile(rf"^\s*({SECTOR_LABEL})\s*[：:]\s*(\S.{{15,}})$", re.S)
MIN_SECTORS = 3  # two labelled paragraphs may be a note's; three a part's work


def sector_paragraphs(rows: list[Row]) -> tuple[int, int, list[str], list[list[str]], list[Row], int] | None:
    """The first run of sector paragraphs (MIN_SECTORS or more, one after the other) right under a part's heading and
    the one paragraph naming their doers, as a list's table: (the first paragraph's row, the row after the last,
    header, cells, the row each is read from, 0 parts), as list_inspections.inspection_groups gives its groups; None
    for a text of no such part."""
    texts = [" ".join(row_texts(row)) for row in rows]
    for k in range(2, len(texts)):
        if not SECTOR_RE.match(texts[k]) or SECTOR_RE.match(texts[k - 1]):
            continue
        end = k
        while end < len(texts) and SECTOR_RE.match(texts[end]):
            end += 1
        doers = paragraph_doers(texts[k - 1])
        if end - k < MIN_SECTORS or not AREA_RE.match(texts[k - 2]) or not doers:
            continue  # a few labelled lines, or no part's paragraph naming the doers above them
        entries = [Entry(rows[at], "item", label, words, labels=_doer_labels(words, doers))
                   for at in range(k, end) for label, words in [SECTOR_RE.match(texts[at]).groups()]]
        return k, end, *numbered_table(entries), [e.row for e in entries], 0
    return None


def _doer_labels(words: str, doers: list[str]) -> dict[str, str]:
    """A sector paragraph's doers: those its own sentences name ("…，各相关处室、包村工作队要督促…": 包村工作队), else the
    part's (the paragraph above), with the offices it says they work together with as units ("联合辖区各派出所…":
    list_doers.joint_with)."""
    own = paragraph_doers(words)
    lead, *units = own or doers
    units += [name for name in joint_with(words) if name != lead and name not in units]
    return {"牵头单位": lead, "配合单位": "、".join(units)}
