"""A plan laid out as a timeline (headerless.py): its list of work names no office and no date ("二、工作内容" over
"（一）样本核实。…" "（二）样本落实。…"), and a later part dates it in stages ("三、时间安排" over "8月底前，完成样本核实和补充
大样本户工作。平潭调查队应…", "11月，组织…开展试记账。"). Each item is given the stages that name it as its schedule (the
last its deadline, the others its checkpoints) and the office opening the stages' sentences as its lead, as the
labelled lines "进度安排：…" and "责任单位：…" under it would."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.list_numbered import Entry
from mstrack.sources.table.office_names import ends_like_unit, whole_unit
from mstrack.sources.table.reading import Row

STAGES_HEADING_RE = re.compile(r"时间安排|时间步骤|实施步骤|工作步骤|整治步骤|进度安排|时间节点|步骤安排|实施进度|进度计划")
# a stage: a paragraph opening with its date ("7月底前，", "11月，", "2020年10月底前：")
STAGE_RE = re.compile(r"^\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*(?:[上中下]旬|底|初|末)?\s*(?:前|以前)?\s*[，,：:]")
NAME_RE = re.compile(r"^\s*[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*([^。，,；;：:]{2,12})[。：:]")  # "（一）样本核实。…"
SCHEDULE_LABEL = "进度安排"
LEAD_LABEL = "责任单位"
MIN_STAGES = 2


def stages(rows: list[Row]) -> list[str]:
    """The stages under the first heading after a list that names a timeline ("三、时间安排"), up to the next "四、…":
    each paragraph opening with its date; [] when there are fewer than MIN_STAGES."""
    texts = [t for row in rows for t in row_texts(row)[:1]]
    at = next((k for k, text in enumerate(texts) if (m := AREA_RE.match(text)) and STAGES_HEADING_RE.search(m[2])), None)
    if at is None:
        return []
    found = []
    for text in texts[at + 1:]:
        if AREA_RE.match(text):
            break
        if STAGE_RE.match(text):
            found.append(text)
    return found if len(found) >= MIN_STAGES else []


def _names(name: str, text: str) -> bool:
    """Whether a stage's text names an item: its name whole ("试记账"), or its two words each ("大样本补充" in "补充
    大样本户"; "样本落实" in "调查户落实…样本评估"), each two characters or more."""
    return name in text or any(name[:k] in text and name[k:] in text for k in range(2, len(name) - 1))


def _actors(found: list[str]) -> list[str]:
    """The units opening two sentences of the stages or more ("平潭调查队上报…", "平潭调查队应完成…"): the longest
    words two openings share that read as a unit's whole name."""
    openings = [s.strip() for text in found for s in re.split(r"[。；;]", text)[1:] if s.strip()]
    actors = []
    for k, first in enumerate(openings):
        for second in openings[k + 1:]:
            size = next((n for n in range(min(len(first), len(second)), 2, -1) if first[:n] == second[:n]), 0)
            name = first[:size]
            if size and ends_like_unit(name) and whole_unit(name) and name not in actors:
                actors.append(name)
    return actors


def timed_labels(items: list[tuple[str, str, str]], labels: dict[int, list[Entry]], after: list[Row]
                 ) -> dict[int, list[Entry]]:
    """A "(一)" list's labels (list_bracketed) with each item that names no office and no date given the stages after
    the list that name it: their first sentences its schedule, the units opening their sentences its lead. Unchanged
    unless every item is named by a stage and led so."""
    found = stages(after)
    if not found or any(units or labels.get(k) for k, (kind, _, units) in enumerate(items) if kind != "heading"):
        return labels
    given = dict(labels)
    for k, (kind, words, _) in enumerate(items):
        if kind == "heading":
            continue
        named = [text for text in found if (m := NAME_RE.match(words)) and _names(m[1], text)]
        actors = [a for a in _actors(found) if any(a in text for text in named)]
        if not named or not actors:
            return labels
        given[k] = [Entry(None, "label", SCHEDULE_LABEL, "".join(re.split(r"(?<=。)", text)[0] for text in named)),
                    Entry(None, "label", LEAD_LABEL, "、".join(actors))]
    return given
