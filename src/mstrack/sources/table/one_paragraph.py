"""A list of tasks printed inside one paragraph, its items separated by "；" ("1.…；2.…；3.…", or not numbered after
"…分别是："), or by their numbers in sequence ("1、…。 2、…。"): the paragraph, the words that introduce it and its items,
for the headerless reader (headerless.py). A whole document stored on one line (a crawled page's text), its headings,
items and their labels parted by single spaces: its lines (document_lines)."""

from __future__ import annotations

import re
from collections.abc import Callable

from mstrack.domain.quantities import chinese_count
from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.list_doers import must_doers
from mstrack.sources.table.list_labels import LABEL_KINDS, label_kind
from mstrack.sources.table.mentions import sets_figure
from mstrack.sources.table.numbering import DOTS, SUB_CODE_RE
from mstrack.sources.table.office_names import SCHOOL_END
from mstrack.sources.table.quota_dates import quota_due
from mstrack.sources.table.reading import Row

MIN_ITEMS = 3
"""The fewest items that make a list, in a paragraph or in rows of their own (headerless.py): two numbered paragraphs
are as often a letter's or a notice's points."""
MIN_STAFFED_ITEMS = 2
"""The fewest items that make a list when each is clearly a programme's, a figure and the office doing it
(list_sections.staffed_work): a notice's points name no office beside a figure."""

# the words that introduce a list inside its paragraph: "这十大民生实事项目分别是:", "主要包括：", "具体如下:"
INLINE_INTRO_RE = re.compile(r"(?:分别是|分别为|如下|包括|主要有|具体是|具体为|即)\s*$")
# the words before a paragraph's first numbered item that end in a colon or a dash: "…今年办好以下10件实事——1.…"
INTRO_BEFORE_ITEM_RE = re.compile(rf"^([^；;：:—─]+?)\s*(?:[:：]|[—─]{{1,2}})\s*(?=[（(]?\s*1\s*[{DOTS})）])")
# an item's number after a stop or a space, never a decimal ("4.5%", "3. 3%"): "。 2、…", " 3、…"
SEQUENCE_NUMBER_RE = re.compile(rf"(?:^|(?<=[。.！!？?；;\s]))(\d{{1,2}})\s*[{DOTS}](?!\s*\d)")
INLINE_NUMBER_RE = re.compile(rf"^(?:(\d{{1,3}})\s*[{DOTS})）]|[（(]\s*(\d{{1,3}})\s*[）)])(?!\d)\s*")  # "1." "1、" "(1)"
# where a part of a document on one line may start, after a space: a heading "二、", an item "1." (never a decimal,
# "3. 3%"), a label "责任单位:"
LINE_PART_RE = re.compile(rf"(?<=\s)(?:(?P<heading>[一二三四五六七八九十]+)、|(?P<item>\d{{1,2}})\s*[{DOTS}](?!\s*\d)"
                          r"|(?P<label>[^，。,；;：:\s\d]{2,8})\s*[：:])")


def _clauses(text: str) -> list[str]:
    """A paragraph's parts between "；" or ";" outside brackets: a bracket's "牵头单位：…；配合单位：…" stays in its part."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += 1 if char in "（(" else -1 if char in "）)" and depth else 0
        if char in "；;" and not depth:
            parts.append(text[start:i])
            start = i + 1
    return [part.strip() for part in [*parts, text[start:]] if part.strip()]


# a quota split over named bodies after its total ("…共计1800人，其中：实验小学6个班300人；城东小学6个班300人；…。",
# "…拟招16个班，每班50人。其中海滨学校拟招5个班；…"): the words after 其中 up to the sentence's end
QUOTA_SPLIT_RE = re.compile(r"其中\s*[:：]?\s*([^。]+。?)")
CLAUSE_RE = re.compile(r"[^；;。]+[；;。]?")  # a clause with the stop that closes it, as printed


def quota_split(text: str, body: Callable[[str], str]) -> list[tuple[str, str]]:
    """A paragraph's quota split over the bodies that each take a share: after "其中" (a total before it, no task of its
    own: README, a whole and its parts), MIN_ITEMS clauses or more separated by "；", each opening with a body's name run
    straight into its figures (`body`: list_roles.opening_body) — [(clause as printed, body)]; [] for any other
    paragraph (a breakdown by kind, "其中：新建小学2所；…", names no body; "其中：A牵头开展…；B牵头…" shares duties, no
    quota)."""
    for match in QUOTA_SPLIT_RE.finditer(text):
        clauses = [clause.strip() for clause in CLAUSE_RE.findall(match[1]) if clause.strip("；;。 ")]
        bodies = [body(clause) for clause in clauses]
        if len(clauses) >= MIN_ITEMS and all(bodies) and all(  # its share's figures: a body's duty alone is no quota
                re.search(r"\d", clause[len(name):]) for clause, name in zip(clauses, bodies, strict=True)):
            return list(zip(clauses, bodies, strict=True))
    return []


NAME_ITEM_RE = re.compile(rf"^(\d{{1,2}})\s*[{DOTS}]\s*[^，,。；;：:\s]{{1,15}}$")  # "1、招生计划": an item's name alone
# a clause naming the body that runs a group's work ("中心校统一领导", "由各中心校负责"): a school (SCHOOL_END, "中心校") or
# an office's name before its role
RUNS_RE = re.compile(rf"^(?:由)?([\u4e00-\u9fff]{{2,12}}?(?:{'|'.join(SCHOOL_END)}|校))(?:统一领导|统一组织|统筹|负责|牵头)")


def _group_task(rows: list[Row], at: int) -> list[str] | None:
    """A group's heading at row `at` ("（一）农村学校招生办法") over one paragraph of its own, the next group's or part's
    heading (or nothing) after it, that sets a figure ("入学率达100%") and names the school running the work
    ("中心校统一领导", RUNS_RE): the group's one task as a row 序号 | 工作任务 | 责任单位 | 完成时限 — its number opening
    its title ("（一）…" under "三、": 三(一)), titled by the group's name and its paragraph, due as the quotas beside it
    (quota_due); None for any other group."""
    texts = [row_texts(row) for row in rows[at:at + 3]]
    if len(texts) < 2 or len(texts[1]) != 1 or len(texts) == 3 and not (
            len(texts[2]) == 1 and (AREA_RE.match(texts[2][0]) or SUB_CODE_RE.match(texts[2][0]))):
        return None
    paragraph = texts[1][0].strip()
    if AREA_RE.match(paragraph) or SUB_CODE_RE.match(paragraph) or NAME_ITEM_RE.match(paragraph) or not sets_figure(paragraph):
        return None
    bodies = [m[1] for clause in re.split(r"[，,。；;]", paragraph) if (m := RUNS_RE.match(clause.strip()))]
    if not bodies:
        return None
    heading = texts[0][0].strip()
    number = SUB_CODE_RE.match(heading)
    name = heading[number.end():].strip()
    title = paragraph if not name else f"{name}{'' if name[-1] in '。.：:' else '。'}{paragraph}"
    return ["", f"{number[0].strip()}{title}", bodies[0], quota_due(rows, at + 1)]


def quota_rows(rows: list[Row], body: Callable[[str], str]) -> tuple[list[list[str]], list[Row]]:
    """The quota splits of a document (quota_split) as the rows of a table 序号 | 工作任务 | 责任单位 | 完成时限 and the
    rows they are read from: each share a task led by its body, coded by the paragraph's place — its part "三、…" and
    group "（二）…" above it as headings' rows, the number of the item it stands under ("1、招生计划") joined to the
    clause's by "-" ("三(二)1-1"; "三(四)-1" right under the group's heading): the document numbers the paragraph, not its
    clauses; due when the steps filling the quotas end (quota_dates.quota_due). A group beside them in their part run
    by one school over one paragraph with its figure (_group_task: "（一）农村学校招生办法") is its own task."""
    blocks: list[tuple[list[Row], list[tuple[list[str], Row]], bool]] = []  # (headings, tasks, a split's) in order
    headings: list[Row] = []  # the part's and the group's headings above the paragraph, the last read
    item = ""
    for at, row in enumerate(rows):
        texts = row_texts(row)
        if len(texts) != 1:
            continue
        text = texts[0].strip()
        heading = len(text) <= 30 and not re.search(r"[。；;]", text)
        if heading and AREA_RE.match(text):
            headings, item = [row], ""
        elif heading and SUB_CODE_RE.match(text):
            headings, item = [*headings[:1], row], ""
            if len(headings) > 1 and (own := _group_task(rows, at)):
                blocks.append((headings[:1], [(own, rows[at + 1])], False))
        elif m := NAME_ITEM_RE.match(text):
            item = m[1]
        elif shares := quota_split(text, body):
            due = quota_due(rows, at)
            blocks.append((headings, [([f"{item}-{k}", clause, name, due], row)
                                      for k, (clause, name) in enumerate(shares, 1)], True))
            item = ""
    split_parts = [above[0] for above, _, split in blocks if split and above]
    table: list[list[str]] = []
    source: list[Row] = []
    for above, tasks, split in blocks:
        if not split and not any(part is above[0] for part in split_parts if above):
            continue  # a group's own task only beside the splits of its part
        for row in above:
            if not any(row is seen for seen in source):
                table.append([*row_texts(row)[:1] * 3, ""])
                source.append(row)
        table += [cells for cells, _ in tasks]
        source += [row for _, row in tasks]
    return table, source


def _in_sequence(text: str) -> tuple[str, list[str]] | None:
    """A paragraph's items numbered 1、2、3、… in sequence after its stops ("…落实。 一、主要工作目标 1、…。 2、…。"): the
    words before item 1 and each item with its number, MIN_ITEMS or more. The sequence is the evidence, not the stop."""
    starts, expect = [], 1
    for match in SEQUENCE_NUMBER_RE.finditer(text):
        if int(match[1]) == expect:
            starts.append(match.start(1))
            expect += 1
    if len(starts) < MIN_ITEMS:
        return None
    return text[:starts[0]].strip(), [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def _inline_items(text: str, introduced: bool) -> tuple[str, list[tuple[str, str]]] | None:
    """A paragraph that is a list of MIN_ITEMS or more items separated by "；"/";": numbered 1. 2. or (1)… in order, or
    not numbered after the words that introduce it, in the paragraph ("…分别是:") or closing the one above
    (`introduced`): (introduction, [(number, item)]). Words ending in a colon or a dash before item 1 introduce it too
    ("…办好以下10件实事——1.…"), as the same line would above the list in lines. A paragraph of clauses alone is a paragraph, not a list."""
    intro, body = "", text.strip().rstrip("。.")  # the paragraph's closing stop, as the ";" between its items
    head = re.match(r"^([^；;]*?)[:：]", body)
    if head and INLINE_INTRO_RE.search(head[1]) or (head := INTRO_BEFORE_ITEM_RE.match(body)):
        intro, body = head[1], body[head.end():]
    parts = _clauses(body)
    if len(parts) == 1 and not intro and (sequence := _in_sequence(body)):  # "1、…。 2、…。": no ";" parts them
        intro, parts = sequence
    numbers = [INLINE_NUMBER_RE.match(part) for part in parts]
    if len(parts) < MIN_ITEMS:
        return None
    if all(numbers):
        codes = [int(m[1] or m[2]) for m in numbers]
        if codes != sorted(set(codes)):
            return None
        return intro, [(str(code), part[m.end():].strip()) for code, m, part in zip(codes, numbers, parts, strict=True)]
    if any(numbers) or not (intro or introduced):  # numbered in part; or no introduction
        return None
    return intro, [(str(k), part) for k, part in enumerate(parts, 1)]


def inline_run(rows: list[Row]) -> tuple[int, str, list[tuple[str, str]], list[str], list[str]] | None:
    """The first row whose one text is a list of items inside one paragraph: (row, introduction, items, the lines of
    its cell above the paragraph, the lines after it). A page laid out in a table holds its paragraphs, the title and
    "以上项目均于…完成" with them, as lines of one cell: the paragraph is the line that is a list, else the whole cell."""
    for i, row in enumerate(rows):
        texts = row_texts(row)
        above = row_texts(rows[i - 1]) if i else []
        if len(texts) != 1:
            continue
        lines = [line.strip() for line in texts[0].split("\n") if line.strip()]
        for k, line in enumerate(lines if len(lines) > 1 else []):
            before = lines[k - 1] if k else above[-1] if above else ""
            if found := _inline_items(line, before.rstrip()[-1:] in ":："):
                return i, *found, lines[:k], lines[k + 1:]
        if found := _inline_items(texts[0], bool(above) and above[-1].rstrip()[-1:] in ":："):
            return i, *found, [], []
    return None


def _line_parts(text: str) -> list[int]:
    """Where the parts of a document on one line start: headings "一、" "二、" in sequence, the items under each
    numbered from 1 again ("1." "2." "1."), and the labels under an item that name its offices or its date
    ("责任单位:"). Any other number or colon stays in its sentence. Nothing when the numbers do not start again under
    a second heading nor each item carry its label, or there are fewer than MIN_ITEMS items: one rising sequence is
    the paragraph's (_in_sequence)."""
    starts, heading, item, labelled = [], 0, 0, 0
    restarted = False
    for match in LINE_PART_RE.finditer(text):
        if match["heading"] and chinese_count(match["heading"]) == heading + 1:
            heading, item = heading + 1, 0
        elif match["item"] and int(match["item"]) == item + 1:
            restarted |= item == 0 and heading > 1
            item += 1
        elif match["label"] and item and label_kind(match["label"]) in LABEL_KINDS:
            labelled += 1
        else:
            continue
        starts.append(match.start())
    items = len(starts) - heading - labelled
    return starts if items >= MIN_ITEMS and (restarted or labelled >= items) else []


def document_lines(rows: list[Row]) -> list[Row]:
    """Each row whose one text is a whole document on one line, parted by single spaces (_line_parts), as the lines
    it would be printed on, each keeping the row's number: the list reader then finds its headings, items and labels
    as on a page of lines."""
    out = []
    for row in rows:
        texts = row_texts(row)
        starts = _line_parts(texts[0]) if len(texts) == 1 else []
        parts = [texts[0][a:b].strip() for a, b in zip([0, *starts], [*starts, len(texts[0])], strict=True)] if starts else []
        out += [Row(row.number, [part]) for part in parts if part] or [row]
    return out


CARRIED_DUTY_RE = re.compile(r"^\s*要")  # "；要严格落实…": a duty whose subject is the sentence's first one's


def carried_duties(rows: list[Row]) -> tuple[int, str, list[tuple[str, str]], str] | None:
    """The first paragraph holding a sentence of duties joined by "；要", its doers stated once before the first "要"
    ("…认真抓好贯彻落实。各相关单位、各水利工作站要…，立即开展…；要严格落实…；要加强…。", list_doers.must_doers), MIN_ITEMS
    or more, unnumbered: (row, the words before the sentence, [(number, duty as printed, its "；" or "。" kept)], the
    doers). None when no paragraph is so."""
    for i, row in enumerate(rows):
        texts = row_texts(row)
        if len(texts) != 1:
            continue
        sentences = [s for s in re.split(r"(?<=[。！!？?])", texts[0].strip()) if s.strip()]
        for k, sentence in enumerate(sentences):
            parts = [part.strip() for part in re.split(r"(?<=[；;])", sentence) if part.strip()]
            if len(parts) < MIN_ITEMS or not all(CARRIED_DUTY_RE.match(part) for part in parts[1:]) \
                    or "要" not in parts[0] or not (doers := must_doers(parts[0][:parts[0].index("要") + 1])):
                continue
            return i, "".join(sentences[:k]).strip(), [(str(n), part) for n, part in enumerate(parts, 1)], "、".join(doers)
    return None
