"""The best-effort reading of a document the reader would refuse for want of a layout it knows: no header row, and no
list whose words name a programme of work (list_gate.is_programme's gates, each made for a layout seen before). An
unseen layout of a plan (an 实施方案 whose "六、责任分工" lists its work under "(一)" "(二)" …, its offices and dates in the
words) is then read by the very same list readings (prose_chain.list_table: the numbered runs, their groups, the
closing sections cut off, each item read by the cell rules once it is a table), with one gate of its own in place of
the layouts', by the run's structure first (_Score): three items or more, most of them naming an office, a date or a
figure; items most of which name their offices are a 分工 whatever words surround them; no line above them reporting
results, no title naming a kind of document that is no plan. The document's runs are tried in turn, each try from the
row after the run read last (or after the first item of a run refused), and the most plausible is read. Every task
read so is a doubt, and the reading as a whole is said to be a best effort (convert.py); `import table --strict`
refuses it. A report of results (also one in the past tense under "一、主要工作", or titled "…工作情况"), a meeting's notice,
minutes, a plan's requirements, a document whose title names a kind that is no plan (a 函, a 办法, a 预案, a training's 通知
…), a tender's labelled particulars stay refused."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from mstrack.errors import InputError, Message
from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.columns import Column, column_kind
from mstrack.sources.table.list_bracketed import BRACKET_ITEM_RE
from mstrack.sources.table.list_deadlines import PERIOD_HEADING_RE, document_period
from mstrack.sources.table.list_doer_lines import doer_parts
from mstrack.sources.table.list_doers import office_clause, opening_doers
from mstrack.sources.table.list_gate import LENIENT
from mstrack.sources.table.list_groups import coded_by_group, parts_printed, targets_above
from mstrack.sources.table.list_labels import label_kind
from mstrack.sources.table.list_numbered import ITEM_RE, PART_RE
from mstrack.sources.table.list_part_paragraphs import paragraph_parts
from mstrack.sources.table.list_results import items_report, results_in
from mstrack.sources.table.list_roles import labelled_inside
from mstrack.sources.table.list_sections import (
    CLOSING_RE,
    DATED_RE,
    FUNDING_RE,
    HEADING_SENTENCE_RE,
    NUMBERING_RE,
    requirement,
)
from mstrack.sources.table.list_single import HEADING_WORDS
from mstrack.sources.table.list_work import (
    NO_PLAN_RE,
    NO_PLAN_TITLE_RE,
    OTHER_TOPIC_RE,
    PLAN_NOTICE_RE,
    REFORM_NOTICE_RE,
    REPORT_HEADING_RE,
    RESULT_RE,
    does_work,
)
from mstrack.sources.table.mentions import sets_figure
from mstrack.sources.table.one_paragraph import MIN_ITEMS, MIN_STAFFED_ITEMS
from mstrack.sources.table.prose_chain import list_table
from mstrack.sources.table.reading import Row, Sheet, document_title, title_at
from mstrack.sources.table.units import office_list, role_read, unit_names

BEST_EFFORT_DOUBT = Message("read without a recognised layout (no header, no list the reader knows): please check")
WORK_KINDS = ("task", "units", "lead", "schedule", "deadline")  # columns of the work, its offices and its schedule
# a labelled field's label ("项目名称：", "建设单位：", "招标代理："): a particular of a notice, no work
FIELD_LABEL_RE = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d+\s*[.．、])?\s*([^，。,；;：:\s]{2,8})[：:]")
# an item that asks a question: "是否" in its first words ("是否建立…", "安全生产责任制是否落实"), or a question mark
QUESTION_RE = re.compile(r"^[^，,；;。]{0,12}?是否|[？?]\s*$")
ASKING_RE = re.compile(r"^是否|[？?]\s*$")  # one that only asks: opening with "是否" or closed by a question mark
TRIES = 12  # runs tried at most in one document: each try reads it once more


@dataclass
class _Tried:
    """What the gate saw of the runs list_table tried: the row each starts at, and how plausible the last one accepted
    is (_plausible)."""
    starts: list[int] = field(default_factory=list)
    score: tuple[bool, int] = (False, 0)  # the last run accepted: (its heading or title names work, its items marked)
    parts: bool = False  # read the parts of one group of a "(一)" list on their own (the second pass)
    parts_left: bool = False  # a run passed the gate but for being such parts (`owned` False)
    year: int = 0  # the programme's: a period the document names for its work is one of that year or on from it
    questions: list[str] = field(default_factory=list)  # a check list's items, refused: said if no other run was tried
    others: bool = False  # a run that asks no questions reached the gate


def best_effort_table(sheets: list[Sheet], year: int) -> tuple[Sheet, int, list[Column], list[str]] | None:
    """The document's most plausible list of work, read as a table with a header, its table marked `best_effort`;
    None when no run passes the gate, or the document reports results. The items "1." of one group of a "(一)" list
    are left to that list (`owned`); when no run of the document is read, that list included, they are read on their
    own. A list read under a group's heading "（二）…" is coded with its part and group ("二(二)1(1)", list_groups.coded_by_group)
    as that list would code it."""
    best = _most_plausible(sheets, year, parts := _Tried())
    if best is None and parts.parts_left:
        parts.parts = True
        best = _most_plausible(sheets, year, parts)
    if best is None and parts.questions and not parts.others and sheets:  # its one list asks questions: said so
        raise InputError("{path}: no table found in the document: its list is a check list of questions (“{first}” …), "
                         "what an inspection asks, no task to do; `import table` reads a programme's plan (任务分解表, "
                         "实施方案)", path=sheets[0].path, first=NUMBERING_RE.sub("", parts.questions[0]).strip().rstrip("；;。，,"))
    if best is not None:
        # its items "1." under one part "二、…" of a document printing others: coded within it (二1), as the part's own
        best[0].parts = max(best[0].parts, parts_printed(sheets))
        coded_by_group(best[0], sheets)
        targets_above(best[0], best[2], sheets)
        paragraph_parts(best[0], best[2], sheets)  # "一、…" over one paragraph naming its doers, beside "二、…" over items
        best[0].best_effort = True
    return best


def _most_plausible(sheets: list[Sheet], year: int, parts: _Tried) -> tuple[Sheet, int, list[Column], list[str]] | None:
    """The most plausible run of the document read (best_effort_table); `parts` says whether a group's parts are read
    on their own, and notes whether a run was refused only for being such parts."""
    best, most = None, (False, 0)
    for sheet in sheets:
        sheet = replace(sheet, rows=_plan_rows(sheet.rows))
        after = -1  # the next try reads the rows below this one: a run read, its last row; a run refused, its first
        # the title kept, and the document's number and the lines printed with it above the title (reading.title_at)
        head = 1 + (title_at([row_texts(row)[0] if len(row_texts(row)) == 1 else "" for row in sheet.rows[:TITLE_ROWS]]) or 0)
        for _ in range(TRIES):
            rows = [row for k, row in enumerate(sheet.rows) if k < head or row.number > after]
            tried, reported = _Tried(parts=parts.parts, year=year), []
            token = LENIENT.set(partial(_plausible, tried))
            try:
                listed = list_table([replace(sheet, rows=rows)], year, reported)
            finally:
                LENIENT.reset(token)
            if reported:  # a report of results: no plan to read, however it is laid out
                parts.parts_left = False
                return None
            parts.parts_left = parts.parts_left or tried.parts_left
            parts.questions, parts.others = parts.questions or tried.questions, parts.others or tried.others
            if listed is not None and tried.score > most:
                best, most = listed, tried.score
            read = [row.number for row in listed[0].rows if row.number] if listed is not None else []
            if not read and (not tried.starts or max(tried.starts) <= after):
                break
            after = max(read) if read else max(tried.starts)
    return best


TITLE_ROWS = 6  # the first rows of a document, where its title is printed below its number and the lines around it


NOT_RECOGNISED = Message("no header row naming a task column and a schedule, deadline or unit column, and no list "
                         "under a line naming a programme of work")
"""Why a document read as a best effort is in no layout the reader knows: what the summary and `--strict` say."""


def best_effort_said(path: Path) -> Message:
    """The line over a best-effort reading, first of the summary: what it is, and why no layout was recognised."""
    return Message("{path}: read as a best effort, in no layout the reader knows ({why}); every task is a doubt: check "
                   "each against the document", path=path.name, why=NOT_RECOGNISED)


def _plausible(tried: _Tried, sheet: Sheet, above: list[str], items: list[str], offices: list | None = None,
               reported: list | None = None, owned: bool = True, inside: int = 0, lines: list[bool] | None = None,
               due: list[bool] | None = None) -> bool:
    """The gate of the best-effort reading (list_gate.LENIENT, in place of is_programme's), by the run's structure
    first (_Score): three items or more (two, each under a heading of its own and labelling its offices), most of them
    marked (naming an office, a date or a figure) or under a heading naming what a table's column would hold
    (_heads_work: "五、主要任务", "六、责任分工"), and most of them work (no requirement on offices nor closing section's
    point, list_sections.requirement; under no such heading, work by their words, list_work.does_work, unless labelled).
    Items most of which name their offices (a labelled line, a bracket, a role, a clause that is an office's name) are
    a 分工 (`assigned`) whatever words the title, the line above or a heading use; a run of any other items is also
    refused when those name another topic (a meeting, progress: list_work.OTHER_TOPIC_RE) or its heading a report's
    ("一、主要工作"). Whatever the structure, refused: a title naming a kind of document that is no plan (no_plan_title:
    list_work's one vocabulary of kinds), a title or line above reporting results (list_results.results_in; said in
    `reported`), items most of which report results or are a record's fields, and under a heading naming work, items
    half of which show no work. Not the "1." parts of one group of a "(一)" list (`owned` False) unless asked
    (`tried.parts`). Where the run starts is noted in `tried`, accepted or not, and how plausible it is."""
    if items and (first := _row_of(sheet, items[0])) is not None:
        tried.starts.append(first)
    above, headings = above[:len(above) - inside], above[len(above) - inside:]  # the run's own later group headings
    score = _Score.of(sheet, above, items, offices, lines, due, document_period(above, tried.year) is not None)
    lines = [*sheet.titles, *above]
    # items each naming their offices by a role's label, none reporting itself, are a 分工's: a line above that reads
    # as results ("下达…目标任务为：1.棚户区改造基本建成3159套") sets their targets
    if (results := results_in(lines, items)) and not (score.labelled == len(items) and not items_report(items)):
        if reported is not None:
            reported.append(results)
        return False
    if lines and no_plan_title(document_title(lines)) or any(NO_PLAN_RE.search(own_words(line)) for line in [*lines[-1:], *headings]):
        return False  # a letter, rules, minutes, a meeting's notice, a bulletin: no plan, whatever it lists
    if 2 * sum(bool(RESULT_RE.search(text)) for text in items) > len(items) or record_fields(items):
        return False  # a report's results; a tender's particulars "项目名称：…" "建设单位：…": no work
    words = [NUMBERING_RE.sub("", text).strip() for text in items]
    if 2 * sum(bool(QUESTION_RE.search(w)) for w in words) > len(items) or any(ASKING_RE.search(w) for w in words):
        tried.questions = tried.questions or items
        tried.others = tried.others or not all(QUESTION_RE.search(w) for w in words)  # work among them: not said so
        return False  # a check list ("1.是否建立安全生产责任制；", "…是否落实到人？"): what an inspector asks, no work;
        # a run holding one of its questions opening so runs on past it (the next try starts below it)
    tried.others = True
    if not score.assigned and (any(OTHER_TOPIC_RE.search(line) for line in [*lines[:1], *lines[-1:], *headings])
                               or REPORT_HEADING_RE.search(_part_words(score.heading).rstrip("。：:"))):
        return False  # a speech's points, a report of progress, "一、主要工作": words of no plan over items no 分工
    # under a heading naming work, half the items or more still show work, by their words or by naming an office, a
    # date or a figure: the heading makes a run more plausible, it waives no test (a curriculum's "（一）安全生产法律法规
    # 解读。" under "三、培训内容" shows none)
    if score.headed and 2 * score.showing < len(items):
        return False
    if not score.enough(len(items)):
        return False
    if not owned and not tried.parts:  # one group's parts: left to its "(一)" list, read on their own when nothing is
        tried.parts_left = True
        return False
    tried.score = (score.headed or score.titled or score.introduced, score.marked)
    return True


@dataclass
class _Score:
    """What the gate counts of a run's items (_plausible), the reasons a reader can give for reading it: how many name
    their offices (`offices`: by a labelled line or bracket, `lines`, inside their words, list_roles.labelled_inside;
    beside them, `offices`; by a role, an office's name before its duty or offices opening a clause, _names_office),
    how many of those by a label (`labelled`), how many are marked (an office; a date: list_sections.DATED_RE, or the
    period a part above names for all the work, list_deadlines.document_period; a figure: mentions.sets_figure), how
    many are work, how many show it, and whether the heading above them names work (_heads_work)."""
    offices: int
    labelled: int
    marked: int
    work: int
    showing: int
    heading: str
    headed: bool
    titled: bool  # the title names the reform the notice sets out (list_work.REFORM_NOTICE_RE): its points are the work
    introduced: bool  # the line leading into the run says the notice sets its points out (_introduces): they are the plan
    few: bool  # two items, each under a heading of its own and labelling its offices: a list of two
    count: int

    @property
    def assigned(self) -> bool:
        """Most items name their offices: a 分工, whatever its words call it."""
        return 2 * self.offices > self.count

    def enough(self, count: int) -> bool:
        """Enough items, most of them marked (or under a heading naming work, a title naming the reform they make or a line
        leading into them as the plan's points), most of them work."""
        return (count >= MIN_ITEMS or self.few) and (self.headed or self.titled or self.introduced or 2 * self.marked > count) \
            and 2 * self.work > count

    @classmethod
    def of(cls, sheet: Sheet, above: list[str], items: list[str], offices: list | None, lines: list[bool] | None,
           due: list[bool] | None = None, period: bool = False) -> _Score:
        own = [bool(lines and k < len(lines) and lines[k]) or bool(labelled_inside(text)) for k, text in enumerate(items)]
        staffed = [bool(offices and k < len(offices) and offices[k]) or _names_office(text) for k, text in enumerate(items)]
        dated = [period or bool(DATED_RE.search(text)) or sets_figure(text) or bool(due and k < len(due) and due[k])
                 for k, text in enumerate(items)]  # a date in its words, or labelled under it ("1.时间：10月24日"), or
        # the period a part above names for all the work ("二、时间安排" / "…时间延长至2022年12月31日": list_deadlines)
        heading = next((line for line in reversed(above) if AREA_RE.match(line)), "")
        headed = _heads_work(heading)
        titled = any(REFORM_NOTICE_RE.search(own_words(title)) for title in [*sheet.titles, *above][:3])
        # a requirement on offices ("加强组织领导（区政府办）", "各单位要…"), a closing section's point, is no work; an
        # item whose offices are labelled is one only by a closing section's words, as is_programme reads it ("…原则上
        # 2024年底前要完成分配90%。责任单位：…" assigns work), and is work whatever its words name: a 分工 assigns it;
        # under no heading naming work, any other shows its work by its words (list_work.does_work)
        work = sum(not (requirement(text, own=True) if label else requirement(_work_heading(text) or text)
                        or requirement(text, own=True))
                   and (headed or titled or label or does_work(text)) for text, label in zip(items, own, strict=True))
        marks = [a or b or c for a, b, c in zip(own, staffed, dated, strict=True)]
        return cls(offices=sum(a or b for a, b in zip(own, staffed, strict=True)), labelled=sum(own), marked=sum(marks),
                   work=work, showing=sum(m or _shows_work(text) for m, text in zip(marks, items, strict=True)),
                   heading=heading, headed=headed, titled=titled, introduced=_introduces(above),
                   few=len(items) >= MIN_STAFFED_ITEMS and all(own) and all(_headed(sheet, text) for text in items),
                   count=len(items))


# a lead-in setting out the notice's own points: "…并提出以下实施意见：", "…制定如下措施。", "现我局制订了…工作要点，具体内容如下："
INTRODUCES_RE = re.compile(r"(?:提出|制定|制订)[^。；;！!]{0,40}?(?:意见|措施|要点)[^。；;！!]{0,10}[：:。]?$")


def _introduces(above: list[str]) -> bool:
    """Whether the line leading into a run (the last above it that is no part's heading "一、…") says the notice sets
    its points out (INTRODUCES_RE): each item is then one of the plan's measures, whether or not it names an office,
    a date or a figure."""
    lead = next((line for line in reversed(above) if not AREA_RE.match(line)), "")
    return INTRODUCES_RE.search(own_words(lead.strip())) is not None


def _work_heading(item: str) -> str:
    """An item's heading sentence when it opens with one, its detail after it ("（一）推进农产品标准化生产。要做好渔业科技
    工作…"): the heading says what the item is, so that a "要…" in the detail makes it no requirement on offices; ""
    for an item whose words open otherwise ("局领导高度重视，…", "媒体专题宣传：…")."""
    m = HEADING_SENTENCE_RE.match(NUMBERING_RE.sub("", item.strip()))
    return m[1] if m else ""


def no_plan_title(title: str) -> bool:
    """Whether a document's title names a kind that is no plan (NO_PLAN_TITLE_RE, NO_PLAN_RE), or a 通知 that issues no plan
    ("关于举办…培训班的通知"; "关于印发…方案的通知" issues one). The words before "关于" name who issues it, not its kind
    ("…扶贫开发领导小组关于印发《…实施方案》的通知" issues a plan; "关于成立…领导小组的通知" sets up a body)."""
    kind = title[title.index("关于"):] if "关于" in title else title
    return bool(NO_PLAN_TITLE_RE.search(kind) or NO_PLAN_RE.search(kind)) \
        or ("通知" in kind and not PLAN_NOTICE_RE.search(kind))


CITED_RE = re.compile(r"《[^》]*》")  # a document cited by its title: "根据《…联席会议办公室关于…的提示函》文件要求"


def own_words(line: str) -> str:
    """A line without the titles of the documents it cites: what a cited title names ("…联席会议办公室…提示函") is the
    kind of that document, not of this one."""
    return CITED_RE.sub("", line)


def _shows_work(text: str) -> bool:
    """An item's words state work (list_work.does_work), after its label if it has one ("（二）前期工作：开展招投标工作。")."""
    return does_work(text) or bool((m := FIELD_LABEL_RE.match(text)) and does_work(text[m.end():].strip()))


def record_fields(items: list[str]) -> bool:
    """Whether the items are the fields of one record ("（一）项目名称：城区道路改造工程。" "（二）建设单位：县住建局。"):
    most open with a label that is no office's name (an office's colon opens its duty: "（一）资源生态处：牵头…"), and
    the labels name two kinds of column or more (a name, a unit, a deadline: list_labels.label_kind); stages' labels
    ("前期工作：…" "后期工作：…") name one kind, the work."""
    labels = [m[1] for text in items if (m := FIELD_LABEL_RE.match(text))
              and not office_list(m[1]) and not office_clause(m[1])]
    return 2 * len(labels) > len(items) and len({kind for label in labels if (kind := label_kind(label))}) >= 2


def _plan_rows(rows: list[Row]) -> list[Row]:
    """The rows of a plan read as a best effort, without the paragraphs right under a part's heading "一、…" that no
    layout reads as work: the introduction between the heading and its first item "(一)" ("二、工作内容" / "本次…工作
    内容包括四部分。" / "（一）…": the items are the part's, coded 二(一) …), and a section's one paragraph under a heading
    naming no work ("二、编制原则" / "坚持…" / "三、…": the heading over no item is then said, not read as a task), nor
    an item's introduction between it and its parts ("3.建筑工地管理方面。" / "建筑工地的环境卫生管理…" / "（1）…": the
    parts are its tasks, "3(1)"). A notice of parts only, each over one paragraph naming its doers
    (list_doer_lines.doer_parts), keeps them all: each part is a task."""
    if doer_parts(rows):
        return rows
    kept = []
    for k, row in enumerate(rows):
        texts = row_texts(row)
        heading = row_texts(rows[k - 1]) if k else []
        after = row_texts(rows[k + 1]) if k + 1 < len(rows) else []
        if len(texts) == 1 and len(heading) == 1 and AREA_RE.match(heading[0]) and not NUMBERING_RE.match(texts[0]):
            if after and (m := BRACKET_ITEM_RE.match(after[0])) and m[1] == "一":
                continue  # the part's introduction over its items
            if (not after or AREA_RE.match(after[0])) and not _heads_work(heading[0]) \
                    and not PERIOD_HEADING_RE.match(heading[0]):  # "二、活动时间" over its period: the plan's dates
                continue  # a section's text under a heading naming no work
        if len(texts) == 1 and len(heading) == 1 and BRACKET_ITEM_RE.match(heading[0]) and not NUMBERING_RE.match(texts[0]) \
                and after and (m := ITEM_RE.match(after[0])) and m[1] == "1":
            continue  # a group's introduction over its items "1." ("（一）工作考核" / "…主要考核：" / "1.…")
        if len(texts) == 1 and len(heading) == 1 and ITEM_RE.match(heading[0]) and not NUMBERING_RE.match(texts[0]) \
                and not PART_RE.match(texts[0]) and after and PART_RE.match(after[0]):
            continue  # an item's introduction over its parts ("3.建筑工地管理方面。" / "…由建设单位负主体责任…" / "（1）…")
        kept.append(row)
    return kept


def _heads_work(heading: str) -> bool:
    """A part's heading "一、…" whose words would name a table's column of the work, its offices or its schedule
    ("主要任务", "工作内容", "责任分工", "实施步骤", "时间安排"): not a closing section's ("工作要求", "保障措施") nor
    money's ("经费安排": list_sections.FUNDING_RE)."""
    words = _part_words(heading).rstrip("。")
    return bool(words) and len(words) <= HEADING_WORDS and not CLOSING_RE.search(words) and not FUNDING_RE.search(words) \
        and column_kind(words, 0).kind in WORK_KINDS


def _row_of(sheet: Sheet, item: str) -> int | None:
    """The number of the row an item's words are read from (its first words, its numbering aside)."""
    words = NUMBERING_RE.sub("", item.strip())[:12]
    return next((row.number for row in sheet.rows if words and any(words in text for text in row_texts(row))), None)


def _headed(sheet: Sheet, item: str) -> bool:
    """Whether an item's row stands right under a part's heading "一、…" of its own (list_headed's paragraphs)."""
    at = next((k for k, row in enumerate(sheet.rows) if row.number == _row_of(sheet, item)), 0)
    return at > 0 and len(texts := row_texts(sheet.rows[at - 1])) == 1 and AREA_RE.match(texts[0]) is not None


def _names_office(text: str) -> bool:
    """Whether an item's words name an office that does its work: a role's sentence ("A牵头，B配合"), an office's name
    alone before a colon, its duty after it ("资源生态处：牵头…", "各村：…"), or a clause opening with offices as its
    subject (list_doers.opening_doers: "区教育局、医保局等主管部门，要…", "各乡镇组织…"). Offices, not clauses: a clause
    ending as an office's name ends is none when it opens with its work ("明确安全管理主体单位", "在公共走道")."""
    if role_read(text) is not None:
        return True
    words = NUMBERING_RE.sub("", text.strip())
    return any(m[2] in ("：", ":") and office_clause(m[1].strip()) and unit_names(m[1].strip()) or opening_doers(m[1].strip())
               for m in CLAUSE_RE.finditer(words))


CLAUSE_RE = re.compile(r"([^，,。；;：:]+)([，,。；;：:]|$)")  # a clause and the mark that closes it


def _part_words(heading: str) -> str:
    """The words of a part's heading "五、主要任务" ("主要任务"); "" for a line that is none (cells.AREA_RE)."""
    return m[2].strip() if (m := AREA_RE.match(heading)) else ""
