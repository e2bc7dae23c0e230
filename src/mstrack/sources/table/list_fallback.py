"""The best-effort reading of a document the reader would refuse for want of a layout it knows: no header row, and no
list whose words name a programme of work (headerless._is_programme's gates, each made for a layout seen before). An
unseen layout of a plan (an 实施方案 whose "六、责任分工" lists its work under "(一)" "(二)" …, its offices and dates in
the words) is then read by the very same list readings (headerless.list_table: the numbered runs, their groups, the
closing sections cut off, each item read by the cell rules once it is a table), with one gate of its own in place of
the layouts': three items or more, most of them naming an office, a date or a figure, and no line above them
reporting results. The document's runs are tried in turn, each try from the row after the run read last (or after
the first item of a run refused), and the most plausible is read. Every task read so is a doubt, and the reading as
a whole is said to be a best effort (convert.py); `import table --strict` refuses it. A report of results (also one
in the past tense under "一、主要工作", or titled "…工作情况"), a meeting's notice, minutes, a plan's requirements, a
document whose title names a kind that is no plan (a 函, a 办法, a 预案, a training's 通知 …), a tender's labelled
particulars stay refused."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from mstrack.errors import Message
from mstrack.sources.table.cells import row_texts
from mstrack.sources.table.columns import Column, column_kind
from mstrack.sources.table.headerless import LENIENT, list_table
from mstrack.sources.table.list_labels import label_kind
from mstrack.sources.table.list_results import results_in
from mstrack.sources.table.list_sections import CLOSING_RE, DATED_RE, FUNDING_RE, NUMBERING_RE, requirement
from mstrack.sources.table.list_single import HEADING_WORDS
from mstrack.sources.table.list_work import (
    ASSESSMENT_RE,
    NO_PLAN_RE,
    NO_PLAN_TITLE_RE,
    OTHER_TOPIC_RE,
    PLAN_NOTICE_RE,
    REPORT_HEADING_RE,
    RESULT_RE,
    does_work,
)
from mstrack.sources.table.mentions import sets_figure
from mstrack.sources.table.one_paragraph import MIN_ITEMS
from mstrack.sources.table.reading import Row, Sheet
from mstrack.sources.table.units import office_list, role_read, unit_names

BEST_EFFORT_DOUBT = Message("read without a recognised layout (no header, no list the reader knows): please check")
# a clause that is an office's name and nothing else ("资源生态处", "各村", "区自然资源服务中心"), as units names them
OFFICE_CLAUSE_RE = re.compile(r"[\u4e00-\u9fff（）()]{1,16}?(?:局|委|办|中心|处|队|站|所|政府|集团|公司|村|村居|片区|专班)")
PART_HEADING_RE = re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]")  # a part's heading: "五、主要任务"
FIRST_ITEM_RE = re.compile(r"^\s*[（(]\s*一\s*[）)]")  # a part's first item "(一)"
GROUP_RE = re.compile(r"^\s*[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]")  # a group's heading "(二)…"
FIRST_NUMBERED_RE = re.compile(r"^\s*1\s*[、.．]")  # a group's first item "1."
WORK_KINDS = ("task", "units", "lead", "schedule", "deadline")  # columns of the work, its offices and its schedule
# a labelled field's label ("项目名称：", "建设单位：", "招标代理："): a particular of a notice, no work
FIELD_LABEL_RE = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d+\s*[.．、])?\s*([^，。,；;：:\s]{2,8})[：:]")
TRIES = 12  # runs tried at most in one document: each try reads it once more


@dataclass
class _Tried:
    """What the gate saw of the runs list_table tried: the row each starts at, and how plausible the last one accepted
    is (_plausible)."""
    starts: list[int] = field(default_factory=list)
    score: tuple[bool, int] = (False, 0)  # the last run accepted: (its heading names work, its items so marked)


def best_effort_table(sheets: list[Sheet], year: int) -> tuple[Sheet, int, list[Column], list[str]] | None:
    """The document's most plausible list of work, read as a table with a header, its table marked `best_effort`;
    None when no run passes the gate, or the document reports results."""
    best, most = None, (False, 0)
    for sheet in sheets:
        sheet = replace(sheet, rows=_plan_rows(sheet.rows))
        after = -1  # the next try reads the rows below this one: a run read, its last row; a run refused, its first
        for _ in range(TRIES):
            rows = [row for k, row in enumerate(sheet.rows) if k == 0 or row.number > after]  # the title kept
            tried, reported = _Tried(), []
            token = LENIENT.set(partial(_plausible, tried))
            try:
                listed = list_table([replace(sheet, rows=rows)], year, reported)
            finally:
                LENIENT.reset(token)
            if reported:  # a report of results: no plan to read, however it is laid out
                return None
            if listed is not None and tried.score > most:
                best, most = listed, tried.score
            read = [row.number for row in listed[0].rows if row.number] if listed is not None else []
            if not read and (not tried.starts or max(tried.starts) <= after):
                break
            after = max(read) if read else max(tried.starts)
    if best is not None:
        best[0].best_effort = True
    return best


NOT_RECOGNISED = Message("no header row naming a task column and a schedule, deadline or unit column, and no list "
                         "under a line naming a programme of work")
"""Why a document read as a best effort is in no layout the reader knows: what the summary and `--strict` say."""


def best_effort_said(path: Path) -> Message:
    """The line over a best-effort reading, first of the summary: what it is, and why no layout was recognised."""
    return Message("{path}: read as a best effort, in no layout the reader knows ({why}); every task is a doubt: check "
                   "each against the document", path=path.name, why=NOT_RECOGNISED)


def _plausible(tried: _Tried, sheet: Sheet, above: list[str], items: list[str], offices: list | None = None,
               reported: list | None = None, owned: bool = True, inside: int = 0, lines: list[bool] | None = None) -> bool:
    """The gate of the best-effort reading (headerless.LENIENT, in place of _is_programme's): three items or more,
    under a heading naming what a table's column would hold (_heads_work: "五、主要任务", "六、责任分工", "五、实施步骤")
    or most of them naming an office (beside them, `offices`, or in their words), a date or a figure; neither the title
    nor the line just above them reporting results, nor those or a later group's heading in the run (the last `inside`
    lines of `above`) naming another topic (a meeting, minutes, progress: "三、工作进展"), nor most
    items reporting results; the title naming no kind of document that is no plan (_no_plan_title), the heading
    above no report's ("一、主要工作", REPORT_HEADING_RE), the items no record's fields (_record_fields); half or more
    showing work even under such a heading; and most of them work: no requirement on offices or closing section's point
    (list_sections.requirement) and, under no such heading, work by their words (list_work.does_work). Not the "1."
    parts of one group of a "(一)" list (`owned` False): that list is read. Where the run starts is noted in `tried`,
    accepted or not, and how plausible it is: a run under such a heading before one that is not, then the more items
    so marked."""
    if items and (first := _row_of(sheet, items[0])) is not None:
        tried.starts.append(first)
    above, headings = above[:len(above) - inside], above[len(above) - inside:]  # the run's own later group headings
    own_lines = [bool(lines and k < len(lines) and lines[k]) for k in range(len(items))]  # labelled by role under each
    lines = [*sheet.titles, *above]
    if results := results_in(lines, items):
        if reported is not None:
            reported.append(results)
        return False
    # items most of which have their offices labelled by role on a line of their own are a 分工's: an assessment the
    # title or a heading names ("…考核任务分解表", "（二）责任考核") is the work they assign, no other topic
    assessed = 2 * sum(own_lines) > len(items)
    if any(OTHER_TOPIC_RE.search(ASSESSMENT_RE.sub("", line) if assessed else line) or NO_PLAN_RE.search(line)
           for line in [*lines[:1], *lines[-1:], *headings]) \
            or 2 * sum(bool(RESULT_RE.search(text)) for text in items) > len(items):
        return False  # a meeting's notice, minutes, a speech, a report of progress: their points are no work to do
    if lines and _no_plan_title(lines[0]):
        return False  # a letter, rules, a training notice, a review of the year's work: no plan, whatever it lists
    if _record_fields(items):
        return False  # a tender's particulars "项目名称：…" "建设单位：…": fields, no work
    staffed = [bool(offices and k < len(offices) and offices[k]) for k in range(len(items))]
    marks = [own or _names_office(text) or bool(DATED_RE.search(text)) or sets_figure(text)
             for own, text in zip(staffed, items, strict=True)]
    marked = sum(marks)
    heading = next((line for line in reversed(above) if PART_HEADING_RE.match(line)), "")
    if REPORT_HEADING_RE.search(PART_HEADING_RE.sub("", heading).strip().rstrip("。：:")):
        return False  # "一、主要工作" "三、2025年工作打算": a report of the work done and of what comes next
    headed = _heads_work(heading)
    # a requirement on offices ("加强组织领导（区政府办）", "各单位要…"), a closing section's point, is no work; under no
    # heading naming work, an item shows its work by its words (list_work.does_work: "城东片区，位于…" does none)
    # an item whose offices are labelled by role on a line of its own (`lines`: "责任处室：…" under "1.营造林生产") is
    # work whatever its words name, as _is_programme reads it: a 分工 assigns it
    work = sum(not (requirement(text) or requirement(text, own=True)) and (headed or labelled or does_work(text))
               for text, labelled in zip(items, own_lines, strict=True))
    # under such a heading, half the items or more still show work, by their words or by naming an office, a date or
    # a figure: the heading makes a run more plausible, it waives no test (a curriculum's "（一）安全生产法律法规解读。"
    # under "三、培训内容" shows none)
    if headed and 2 * sum(mark or _shows_work(text) for text, mark in zip(items, marks, strict=True)) < len(items):
        return False
    if not owned or len(items) < MIN_ITEMS or not (headed or 2 * marked > len(items)) or 2 * work <= len(items):
        return False
    tried.score = (headed, marked)
    return True


def _no_plan_title(title: str) -> bool:
    """Whether a document's title names a kind that is no plan (NO_PLAN_TITLE_RE), or a 通知 that issues no plan
    ("关于举办…培训班的通知"; "关于印发…方案的通知" issues one)."""
    return bool(NO_PLAN_TITLE_RE.search(title)) or ("通知" in title and not PLAN_NOTICE_RE.search(title))


def _shows_work(text: str) -> bool:
    """An item's words state work (list_work.does_work), after its label if it has one ("（二）前期工作：开展招投标工作。")."""
    return does_work(text) or bool((m := FIELD_LABEL_RE.match(text)) and does_work(text[m.end():].strip()))


def _record_fields(items: list[str]) -> bool:
    """Whether the items are the fields of one record ("（一）项目名称：城区道路改造工程。" "（二）建设单位：县住建局。"):
    most open with a label that is no office's name (an office's colon opens its duty: "（一）资源生态处：牵头…"), and
    the labels name two kinds of column or more (a name, a unit, a deadline: list_labels.label_kind); stages' labels
    ("前期工作：…" "后期工作：…") name one kind, the work."""
    labels = [m[1] for text in items if (m := FIELD_LABEL_RE.match(text))
              and not office_list(m[1]) and not OFFICE_CLAUSE_RE.fullmatch(m[1])]
    return 2 * len(labels) > len(items) and len({kind for label in labels if (kind := label_kind(label))}) >= 2


def _plan_rows(rows: list[Row]) -> list[Row]:
    """The rows of a plan read as a best effort, without the paragraphs right under a part's heading "一、…" that no
    layout reads as work: the introduction between the heading and its first item "(一)" ("二、工作内容" / "本次…工作
    内容包括四部分。" / "（一）…": the items are the part's, coded 二(一) …), and a section's one paragraph under a heading
    naming no work ("二、编制原则" / "坚持…" / "三、…": the heading over no item is then said, not read as a task)."""
    kept = []
    for k, row in enumerate(rows):
        texts = row_texts(row)
        heading = row_texts(rows[k - 1]) if k else []
        after = row_texts(rows[k + 1]) if k + 1 < len(rows) else []
        if len(texts) == 1 and len(heading) == 1 and PART_HEADING_RE.match(heading[0]) and not NUMBERING_RE.match(texts[0]):
            if after and FIRST_ITEM_RE.match(after[0]):
                continue  # the part's introduction over its items
            if (not after or PART_HEADING_RE.match(after[0])) and not _heads_work(heading[0]):
                continue  # a section's text under a heading naming no work
        if len(texts) == 1 and len(heading) == 1 and GROUP_RE.match(heading[0]) and not NUMBERING_RE.match(texts[0]) \
                and after and FIRST_NUMBERED_RE.match(after[0]):
            continue  # a group's introduction over its items "1." ("（一）工作考核" / "…主要考核：" / "1.…")
        kept.append(row)
    return kept


def _heads_work(heading: str) -> bool:
    """A part's heading "一、…" whose words would name a table's column of the work, its offices or its schedule
    ("主要任务", "工作内容", "责任分工", "实施步骤", "时间安排"): not a closing section's ("工作要求", "保障措施") nor
    money's ("经费安排": list_sections.FUNDING_RE)."""
    words = PART_HEADING_RE.sub("", heading).strip().rstrip("。")
    return bool(words) and len(words) <= HEADING_WORDS and not CLOSING_RE.search(words) and not FUNDING_RE.search(words) \
        and column_kind(words, 0).kind in WORK_KINDS


def _row_of(sheet: Sheet, item: str) -> int | None:
    """The number of the row an item's words are read from (its first words, its numbering aside)."""
    words = NUMBERING_RE.sub("", item.strip())[:12]
    return next((row.number for row in sheet.rows if words and any(words in text for text in row_texts(row))), None)


def _names_office(text: str) -> bool:
    """Whether an item's words name an office that does its work: a role's sentence ("A牵头，B配合"), or a clause that
    is nothing but an office's name ("资源生态处：牵头…", "各村：…")."""
    if role_read(text) is not None:
        return True
    return any(OFFICE_CLAUSE_RE.fullmatch(clause.strip()) and unit_names(clause.strip())
               for clause in re.split(r"[，,。；;：:、]", text))
