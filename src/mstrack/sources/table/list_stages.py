"""A plan's stages of work, each dated by a span in a bracket after its name ("（一）前期工作阶段（4月10日至4月25日）：开展
规划编制单位招投标工作。"), for the headerless reader: each stage a task, its words the stage's name and what is done in
it, the span its 完成时限 (due at its end, list_duties reads the part after a 职责分工's duties)."""

from __future__ import annotations

import re

from mstrack.domain.quantities import chinese_count
from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.list_numbered import Entry, heading_entry
from mstrack.sources.table.reading import Row

# "（一）前期工作阶段（4月10日至4月25日）：开展…": a stage's number, its name, the span in a bracket (a month in it, and a
# join: 至, 到, —), a colon, its work
STAGE_RE = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*([^，,。；;：:（）()\d]{2,20}?)\s*"
                      r"[（(]([^（）()]*\d\s*月[^（）()]*?[至到—–\-~～][^（）()]*)[）)]\s*[：:]\s*(\S.*)$", re.S)
MIN_STAGES = 3  # the fewest stages for a part of them


def stage_part(rows: list[Row], at: int) -> tuple[list[Entry], list[Row], int] | None:
    """The part whose heading is row `at` ("五、实施步骤") when every line up to the next part is a stage dated by its
    span (STAGE_RE), numbered "（一）" on in order, MIN_STAGES or more: (its heading and stages as a list's entries, each
    stage's words "前期工作阶段：开展…" and its span under 完成时限; the rows read; the row after the part). None else."""
    texts = row_texts(rows[at]) if at < len(rows) else []
    if len(texts) != 1 or not AREA_RE.match(texts[0]):
        return None
    end = next((k for k in range(at + 1, len(rows)) if len(t := row_texts(rows[k])) == 1 and AREA_RE.match(t[0])), len(rows))
    found = [STAGE_RE.match(t[0]) if len(t := row_texts(rows[k])) == 1 else None for k in range(at + 1, end)]
    stages = found[:next((k for k, m in enumerate(found) if m is None), len(found))]  # the document's signature after them
    if len(stages) < MIN_STAGES or [chinese_count(m[1]) for m in stages] != list(range(1, len(stages) + 1)):
        return None
    entries = [heading_entry(None, texts[0]), *(Entry(rows[k], "item", "", f"（{m[1]}）{m[2].strip()}：{m[4].strip()}",
                                                      labels={"完成时限": m[3].strip()}) for k, m in enumerate(stages, at + 1))]
    return entries, rows[at:at + 1 + len(stages)], at + 1 + len(stages)
