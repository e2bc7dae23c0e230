"""A list of one item (headerless.py): a plan's excerpt, or a breakdown printed item by item, that holds a single
task under a heading naming its tasks ("二、工作任务" over "(一)促进重点群体就业。…"), or a single item whose offices
are labelled under it ("1.…" over "牵头单位:…") in a document titled as a breakdown of tasks. One item of a list is a
list still; a lone numbered sentence in prose, under no such heading and naming no office, is none."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import GROUP_HEADING_RE
from mstrack.sources.table.list_labels import label_kind
from mstrack.sources.table.list_numbered import Entry
from mstrack.sources.table.list_sections import NUMBERING_RE, requirement
from mstrack.sources.table.list_work import does_work, states_work
from mstrack.vocabulary import TASKS_HEADING

TASKS_HEADING_RE = re.compile(TASKS_HEADING)
HEADING_WORDS = 20  # a heading that names the tasks under it is short: "二、工作任务", "三、2024年重点任务"


def names_tasks(heading: str) -> bool:
    """A group's heading that names the items under it as tasks (vocabulary.TASKS_HEADING): numbered ("二、工作任务",
    "(三)重点任务"), its words short, a name and no sentence ("一、全面完成年度任务,…" is a point of its own); unnumbered,
    the name alone ("主要任务"). A line introducing the items ("2024年民生实事项目如下:") is no heading."""
    if not GROUP_HEADING_RE.match(heading):
        return bool(TASKS_HEADING_RE.fullmatch(heading.strip()))
    words = NUMBERING_RE.sub("", heading.strip()).rstrip("。")
    return len(words) <= HEADING_WORDS and not re.search(r"[，,。；;：:]", words) and bool(TASKS_HEADING_RE.search(words))


def _work(words: str, own: bool = False) -> bool:
    """An item that is a task, its number ("(一)") aside: it states work to do and is no requirement on offices.
    `own`: its offices labelled by role on a line under it: work whatever verb opens it, unless it reports results or
    is a closing section's requirement (list_work.states_work's `assigned`, list_sections.requirement's `own`)."""
    words = NUMBERING_RE.sub("", words.strip())
    return states_work(words, assigned=own) and (own or does_work(words)) and not requirement(words, own=own)


def one_numbered(run: list[Entry], above: list[str]) -> bool:
    """Whether a run of numbered items too short for a list (its entries `run`, the texts `above` it) is one still:
    each item a task, under a heading naming tasks (the run's own heading, or the line just above it), or each naming
    its offices on a labelled line under it ("牵头单位:区委组织部"). The caller asks for a line above naming the
    programme too (list_gate.is_programme: 任务分解, 民生实事 …)."""
    items = [e for e in run if e.kind == "item"]
    staffed = {k for k, e in enumerate(run) if e.kind == "item" and k + 1 < len(run) and run[k + 1].kind == "label"
               and label_kind(run[k + 1].code) in ("lead", "units")}
    if not items or not all(_work(e.text, own=k in staffed) for k, e in enumerate(run) if e.kind == "item"):
        return False
    heads = [k for k, e in enumerate(run) if e.kind == "heading"]
    first = next(k for k, e in enumerate(run) if e.kind == "item")
    heading = run[heads[-1]].text if heads else above[-1] if above else ""
    if (not heads or heads[-1] < first) and names_tasks(heading):  # every item under the heading naming them
        return True
    return len(staffed) == len(items)


def tasks_heading_at(found: list[tuple[str, str, str]]) -> int | None:
    """Where a "(一)" run too short for a list starts as one (list_bracketed.bracketed_run's rows, (kind, words,
    offices) each): at its last heading naming tasks, every row after it an item "(一)" that is a task; None when
    there is no such heading."""
    at = next((k for k in range(len(found) - 1, -1, -1) if found[k][0] == "heading"), None)
    if at is None or not names_tasks(found[at][1]) or at + 1 == len(found):
        return None
    items = found[at + 1:]
    return at if all(kind not in ("heading", "top", "lone") and _work(words) for kind, words, _ in items) else None
