"""The reader of last resort: a prose document (a text, a Word document's or a page's paragraphs) that every other
reader refuses, best effort included, read by its numbered outline ("一、" over "（一）" over "1." over "（1）", the
points "一是…" below them) rather than refused. Its tasks are the leaves of the part of the outline that carries the
work (an item over items is their group; the deepest level reads): of the parts, the whole document first, whose
leaves mostly show work and name their doers, a date or a figure (half, beside a group all of whose items
do), the one naming the most doers; a part framing the
plan or closing it (指导思想, 工作目标, 工作要求, 组织领导, 保障措施 …) holds none, unless its own group is the part whose
items name their doers ("三、组织保障" over "（二）职责分工" over "1.X负责…"); an emergency plan's standing work
(prevention, publicity, training, drills) in parts of its own is read beside that part (_standing). Each task is read by the rules the
other readers use: its title by tests/data/tables/README.md (a name on a line of its own over its paragraph: the
name; a name run into its sentences: the whole item, less the offices printed after it), its offices labelled under
or after it, printed after it, named as its sentences' doers (list_doers) or by the group it stands under (a
party's duties), its dates and figures by the table's cell rules once it is a row. Every task is a doubt and the
reading is said to be one of last resort; `import table --strict` refuses it. An outline numbered out of order, a
document whose title names a kind that is no plan, a speech, a news item, a notice of requirements, a report of
results or progress, a check list of questions, a record's fields stay refused (the doubt is the document's, never
a guess at one that is no plan)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from mstrack.domain.quantities import chinese_count
from mstrack.errors import Message
from mstrack.sources.table.cells import HELPING_RE, row_texts
from mstrack.sources.table.columns import Column
from mstrack.sources.table.headerless import as_table
from mstrack.sources.table.item_offices import units_after
from mstrack.sources.table.list_doer_lines import doers_cell
from mstrack.sources.table.list_doers import paragraph_doers, step_doers
from mstrack.sources.table.list_fallback import QUESTION_RE, no_plan_title, own_words, record_fields
from mstrack.sources.table.list_labels import label_kind
from mstrack.sources.table.list_results import items_report, results_in
from mstrack.sources.table.list_roles import labelled_inside, opening_offices
from mstrack.sources.table.list_sections import CLOSING_RE, DATED_RE
from mstrack.sources.table.list_subitems import SUB_ITEM_RE
from mstrack.sources.table.list_work import NO_DUTY_PLAN_RE, OTHER_TOPIC_RE, REPORT_HEADING_RE, RESULT_RE, does_work
from mstrack.sources.table.mentions import sets_figure
from mstrack.sources.table.numbering import heading_name
from mstrack.sources.table.one_paragraph import MIN_ITEMS
from mstrack.sources.table.reading import Row, Sheet, document_title
from mstrack.sources.table.units import office_list, role_read
from mstrack.vocabulary import PLAN_FRAMING_HEADING, REQUIREMENT_VERBS

OUTLINE_DOUBT = Message("read as an outline of last resort: check each task")
"""Each task's doubt, and why the reading as a whole is one a person checks (`--strict` refuses it)."""
OUTLINE_WHY = Message("no reader fits the document: read as an outline of last resort: check each task")


def outline_said(path: Path) -> Message:
    """The line over such a reading, first of the summary: what it is, plainly."""
    return Message("{path}: no reader fits this document: its numbered outline is read as tasks, as a last resort; "
                   "every task is a doubt: check each against the document", path=path.name)


# the levels of an outline, shallowest first: "一、", "（一）", "1.", "（1）"; the points "一是…" below them (POINTS)
LEVELS = (
    re.compile(r"^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(\S.*)$", re.S),
    re.compile(r"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*(\S.*)$", re.S),
    re.compile(r"^(\d{1,2})\s*[、.．。](?![\d%％])\s*(\S.*)$", re.S),
    re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*(\S.*)$", re.S),
)
CODES = ("{}", "({})", "{}", "({})", "{}")  # how each level's number is printed in a task's code: 三(二)1(2), 1一
DIGITS = 2  # the first level numbered in digits
POINTS = 4  # the level of the points "一是…"
# a line that ends the body of a notice: its signature's date, an annex, a copy list
END_RE = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$|附件|抄送|抄报|（此件|\(此件)")
# a part that frames the plan, closes it or names what is no work (a situation, a body set up, the plan's own validity)
NO_TASKS_RE = re.compile(r"概况|基本情况|背景|意义|依据|适用范围|编制目的|原则|启动|附则|解释")
FRAMING_RE = re.compile(PLAN_FRAMING_HEADING)  # "指导思想", "总体要求", "工作目标": what frames the work, no task
# a part naming the criteria an applicant meets or whom it is for ("（二）申报条件", "（一）复评对象", "（二）复评内容"): no work
CRITERIA_RE = re.compile(r"(?:申报|参评|评审|评选|复评|认定|入选|准入|资格|基本)(?:条件|对象|标准|内容)$")
# the duties of a body's member units ("3.片区防指成员单位职责" over "（1）党政办公室：…"): offices' duties, the work
MEMBER_DUTIES_RE = re.compile(r"成员单位的?(?:职责|分工)")
TASKS_NAMED_RE = re.compile(r"任务|分工|措施")  # a heading naming the work it holds
NAME_MAX = 30  # a name on a line of its own: no longer than a heading is


@dataclass
class _Node:
    """An item of the outline: its level, its number as printed, its words, its row, the lines under it that are no
    item (its paragraph) and its items."""
    level: int
    number: str
    words: str
    row: Row | None
    body: list[str] = field(default_factory=list)
    items: list[_Node] = field(default_factory=list)
    code: str = ""
    above: tuple[str, ...] = ()  # the words of the items it stands under, the part's first
    broken: bool = False  # the document's: a part or a group numbered out of its sequence
    fields: dict[str, str] = field(default_factory=dict)  # its labelled offices and deadline (_fields): kind → value
    offices: str | None = None  # its offices once read (_units): every part over it asks, then its row
    stages: tuple[str, ...] = ()  # the paragraph of the item it stands under (_stage): where its stages are listed

    def leaves(self, top: bool = True) -> list[_Node]:
        """The items that carry the work under this one: the deepest, a group's items in its place; none under a part
        framing or closing the plan (except this very node, `top`)."""
        if not top and (self.items or _name(self.words)) and _framing(self):
            return []
        if not self.items:
            return [self]
        return [leaf for item in self.items for leaf in item.leaves(False)]

    def text(self) -> str:
        """Its words and its paragraph, a name on a line of its own closed by a stop (its sentences read apart)."""
        name = self.words if not self.body or re.search(r"[。；;！!：:]$", self.words) else f"{self.words}。"
        return "".join([name, *self.body])


def _name(words: str) -> str:
    """An item's name when its words open with one (a heading on a line of its own, or a name run into its sentences
    "（一）X。Y…"): its first sentence, short and with no clause's mark; "" for words that open with a sentence."""
    name = re.split(r"[。；;：:！!]", words, maxsplit=1)[0].strip()
    return name if len(name) <= NAME_MAX // 2 and not re.search(r"[，,、]", name) else ""


def _no_tasks(words: str) -> bool:
    """A part's heading that frames the plan or closes it, or names no work: the corpus reads no task under it. A
    heading framing the plan that names its tasks too ("二、目标任务") holds them."""
    name = heading_name(re.split(r"[。；;：:]", words, maxsplit=1)[0])
    return bool(FRAMING_RE.search(name) and not TASKS_NAMED_RE.search(name) or CLOSING_RE.search(name)
                or NO_TASKS_RE.search(name) or NO_DUTY_PLAN_RE.search(name) and not MEMBER_DUTIES_RE.search(name)
                or CRITERIA_RE.search(name))


# a heading that is itself a directive: a verb of requirement and its object ("强化组织领导", "狠抓责任落实，确保安全生产")
DIRECTIVE_RE = re.compile(rf"^(?:{REQUIREMENT_VERBS}|狠抓|抓好|抓实|切实|认真)")


def _framing(node: _Node) -> bool:
    """A part framing or closing the plan (_no_tasks), unless it is a heading that is itself a directive over a paragraph
    naming its doers ("一、强化组织领导" over "各企业要…"): work. Framing is a heading over generalities naming no doer ("五、加强
    组织领导" over "要高度重视…"), or over items."""
    if not _no_tasks(node.words):
        return False
    return bool(node.items or not node.body or not DIRECTIVE_RE.match(heading_name(node.words)) or not _names_doers(node))


def _numbered(text: str) -> tuple[int, int, str, str] | None:
    """A line's level in the outline, its number (counted), its number as printed and its words; None for a line
    numbered no way an outline is."""
    for level, pattern in enumerate(LEVELS):
        if m := pattern.match(text.strip()):
            return level, _count(m[1]), m[1], m[2].strip()
    if m := SUB_ITEM_RE.match(text):  # "一是…": a point of the item above it, the deepest level (a notice's own at its top)
        return POINTS, chinese_count(m[1]), m[1], m[2].strip()
    return None


def _outline(rows: list[Row]) -> list[_Node]:
    """The document's outlines (a covering notice's, then its plan's, each opening at "一、"): each numbered line placed
    under the nearest shallower one, when its number follows its elder sibling's (one left out allowed), or opens its
    level at 1, or runs on from the last of its level; any other line is the paragraph of the item above it (the lines
    above the first item are the preamble, none), until a signature's date or an annex ends the text. A part or a
    group numbered out of its sequence ("二、" first, "（一）" twice) marks its outline `broken`: not read."""
    root = _Node(-1, "", "", None)
    roots, stack, last, ended, running = [root], [root], {}, False, set()
    for row in rows:
        texts = row_texts(row)
        if len(texts) != 1:
            continue
        text = texts[0].strip()
        if END_RE.match(text):
            ended = True
            continue
        found = _numbered(text)
        if found is not None and found[0] == 0 and found[1] == 1 and any(item.level == 0 for item in root.items):
            root = _Node(-1, "", "", None)  # "一、" again: the next outline
            roots.append(root)
            stack, last = [root], {}
        if found is not None:
            level, count, number, words = found
            at = len(stack)
            while at > 1 and stack[at - 1].level >= level:
                at -= 1
            parent = stack[at - 1]
            elder = next((item for item in reversed(parent.items) if item.level == level), None)
            counted = _count(elder.number) if elder else 0
            if elder and count in (counted + 1, counted + 2) or not elder and count in (1, last.get(level, 0) + 1):
                node = _Node(level, number, words, row)
                parent.items.append(node)
                if elder is None and count > 1:
                    running.add(level)
                del stack[at:]
                stack.append(node)
                last[level] = count
                ended = False
                continue
            if level < DIGITS:
                root.broken = True
        if not ended and len(stack) > 1:
            stack[-1].body.append(text)
    for root in roots:
        _code(root, running - _repeated(root))
    return roots


# a paragraph counting the steps printed under it ("评选认定分为资格审核、实地考察两个环节："): the steps are the item's
STEPS_COUNTED_RE = re.compile(r"分为[^。；;]*?[两二三四五六七八九十\d]个?(?:环节|步骤|阶段|程序)[：:]$")


def _folded(node: _Node) -> None:
    """An item whose paragraph counts the steps under it (STEPS_COUNTED_RE) is one task, its steps its paragraph's lines:
    a procedure's step named on a line of its own over its parts ("2.评选认定" over "（1）资格审核。…"). So is a name with
    no paragraph over items among siblings that are names over paragraphs ("（一）报名及材料提交" over "1.报名截止时间：…"
    beside "（二）资格审核" over its paragraph): its items are its paragraph, as its siblings' are."""
    for item in node.items:
        _folded(item)
    if node.items and node.body and STEPS_COUNTED_RE.search(node.body[-1]):
        node.body += [line for item in node.items for line in _lines(item)]
        node.items = []
    paragraphs = sum(not item.items and bool(item.body) and _listed(item.words, node.body) for item in node.items)
    if paragraphs >= MIN_ITEMS and 2 * paragraphs > len(node.items):
        for item in node.items:
            if item.items and not item.body and _listed(item.words, node.body) and all(not sub.items for sub in item.items):
                item.body = [line for sub in item.items for line in (sub.words, *sub.body)]  # a field among them
                item.items = []  # ("1.报名截止时间：…") its own (_labelled)


def _lines(node: _Node) -> list[str]:
    """An item's lines as printed: its own, its paragraph's, its items'."""
    return [row_texts(node.row)[0].strip(), *node.body, *(line for item in node.items for line in _lines(item))]


def _repeated(node: _Node) -> set[int]:
    """The levels under this one whose numbers repeat (a procedure's steps "1." "2." under each of two parts): numbered
    on by their own number alone, their codes would too ("task 1 appears twice"), so they are qualified by their part."""
    seen: dict[int, set[str]] = {}
    repeated: set[int] = set()
    stack = list(node.items)
    while stack:
        item = stack.pop()
        if item.number in seen.setdefault(item.level, set()):
            repeated.add(item.level)
        seen[item.level].add(item.number)
        stack += item.items
    return repeated


# a labelled field of an item, on a line under it or after its words: "责任单位：…", "【牵头单位】…", "完成时限：…"
FIELD_RE = re.compile(r"^\s*[【\[［]?\s*([^，。,；;：:\s\d（）()]{2,8})\s*[】\]］]?\s*[：:]\s*(\S.*?)[。；;\s]*$")
FIELD_KINDS = ("lead", "units", "deadline")


def _fields(text: str) -> dict[str, str] | None:
    """A line's labelled fields of an item's offices and deadline (list_labels.label_kind), each kind once; None when
    any part of it is no such field. A helping office's label ("配合单位") is "helpers"."""
    found: dict[str, str] = {}
    for part in filter(str.strip, re.split(r"[；;]", text)):
        m = FIELD_RE.match(part)
        if m is None or (kind := label_kind(m[1])) not in FIELD_KINDS:
            return None
        found.setdefault("helpers" if kind == "units" and HELPING_RE.search(m[1]) else kind, m[2])
    return found or None


def _labelled(node: _Node) -> None:
    """An item's labelled fields (_fields), on the lines under it or in its words after a stop (list_roles.labelled_inside),
    taken out of its words and paragraph into its `fields`."""
    body = []
    for line in node.body:
        if (found := _fields(line)) is not None:
            node.fields = {**found, **node.fields}
        else:
            body.append(line)
    node.body = body
    if (inside := labelled_inside(node.words)) and (found := _fields(inside)) is not None:
        node.words, node.fields = node.words[:node.words.index(inside)].rstrip(), {**found, **node.fields}
    for item in node.items:
        _labelled(item)


def _duties_opened(node: _Node) -> None:
    """A group's items each opened by the offices that do them ("（1）党政办公室：协调…", "（2）各派出所：负责…": a 部门职责
    list, list_roles.opening_offices): those offices lead each, its words the duty after them, as list_roles.duty_openings
    reads such a list; one item so opened among others is left as printed."""
    for item in node.items:
        _duties_opened(item)
    group = [item for item in node.items if not item.items]
    if len(group) < 2 or len(group) < len(node.items) or any(item.fields for item in group) \
            or not all(found := [opening_offices(item.words) for item in group]):
        return
    for item, (offices, words) in zip(group, found, strict=True):
        item.words, item.fields = words, {"lead": offices}


def _count(number: str) -> int:
    """A number as printed, counted: "3", "十二"."""
    return int(number) if number.isdigit() else chinese_count(number)


def _code(node: _Node, running: set[int]) -> None:
    """Each item's code as the corpus writes it: its number after its parents' (三(二)1); items "1." numbered on across
    their groups by their own number alone (tests/data/tables/README.md: the document's number as printed)."""
    for item in node.items:
        own = CODES[item.level].format(item.number)
        item.code = own if item.level in running and item.level >= DIGITS else node.code + own
        item.above = (*node.above, node.words) if node.row is not None else ()
        item.stages = tuple(node.body)
        _code(item, running)


def _names_doers(node: _Node) -> bool:
    """An item naming its doers (_units)."""
    return bool(_units(node))


def _marked(node: _Node) -> bool:
    """An item an office can follow: naming its doers, a date or a figure (list_sections.DATED_RE, mentions.sets_figure)."""
    return _names_doers(node) or bool(DATED_RE.search(node.text())) or sets_figure(node.text())


def _works(node: _Node) -> bool:
    """An item showing its work: naming its doers, or its words stating work (list_work.does_work): no place described
    ("城东片区，位于…"), no person; or a name on a line of its own that names a stage its part's paragraph lists
    (_stage)."""
    return _names_doers(node) or does_work(node.words) or _stage(node)


# a part's paragraph naming the stages of its procedure ("评选工作分报名、资格审核、书面评审…、公示等环节。"): the names listed
STAGES_LISTED_RE = re.compile(r"分(?:为)?([^。；;：:]{4,80}?)等?[两二三四五六七八九十\d]*个?(?:环节|步骤|阶段|程序)")


def _stage(node: _Node) -> bool:
    """A name on a line of its own over its paragraph that is one of the stages the part above it lists
    (STAGES_LISTED_RE), or opens with one ("报名及材料提交" of "报名、资格审核…"): a step of the procedure, work."""
    return bool(node.body) and _listed(node.words, list(node.stages))


def _listed(words: str, paragraph: list[str]) -> bool:
    """A name on a line of its own that is one of the stages a paragraph lists (STAGES_LISTED_RE), or opens with one."""
    name = words.strip()
    if _name(name) != name:
        return False
    stages = [stage.strip() for line in paragraph for m in STAGES_LISTED_RE.finditer(line)
              for stage in re.split(r"[、，,和及]", m[1]) if len(stage.strip()) >= 2]
    return any(name == stage or name.startswith(stage) for stage in stages)


def _part(root: _Node) -> list[tuple[int, int, int, int, list[_Node]]]:
    """The leaves of the part of the outline that carries the work: of the parts (the whole document, and each item over
    items whose heading neither frames nor closes the plan, _no_tasks), with MIN_ITEMS leaves or more, most of them
    marked (_marked; half, where a group of its own is marked whole: _marked_group) and most of them work (_works):
    each as (doers named, leaves, its depth negated, its id, the leaves), to pick the one whose leaves name the most
    doers, then the largest, then the shallowest."""
    found = []
    parts = [(root, 0)]
    while parts:
        part, depth = parts.pop(0)
        parts += [(item, depth + 1) for item in part.items if item.items]
        leaves = part.leaves()
        marked = 2 * sum(map(_marked, leaves))
        if part is not root and _framing(part) or len(leaves) < MIN_ITEMS or marked < len(leaves) \
                or marked == len(leaves) and not _marked_group(part) or 2 * sum(map(_works, leaves)) <= len(leaves):
            continue
        found.append((sum(map(_names_doers, leaves)), len(leaves), -depth, id(part), leaves))
    return found


def _marked_group(part: _Node) -> bool:
    """A part with a group of MIN_ITEMS items or more, each marked (_marked): steps naming their doers beside measures
    naming none ("二、主要内容" over measures, "三、工作安排" over "（一）…区社会事业局…"): one plan, half its items marked;
    a list of requirements half of which happen to name a doer or a figure has no such group."""
    return any(item.items and len(leaves := item.leaves()) >= MIN_ITEMS and all(map(_marked, leaves)) for item in part.items)


# lines that say the document is no plan whatever its outline: a speech's salutation or its occasion ("同志们：", "——在
# 全县…大会上"), a news item ("本报讯", "近日，…开展…"), a notice introducing requirements ("现提出以下要求：")
NO_PLAN_LINE_RE = re.compile(r"^(?:同志们|各位(?:代表|领导|同志|来宾))[，,：:！!]?$|在[^，,。；;]{0,30}会(?:议)?上|本报讯|记者|"
                             r"^(?:近日|日前)[，,][^。]*(?:开展|召开|举行)[^。]*(?:行动|活动|会议)。$|"
                             r"(?:以下|如下|下列)[^。，,]{0,4}要求|要求如下")


def _refused(lines: list[str], items: list[str], headings: list[str]) -> bool:
    """A document that stays refused whatever its outline: a title naming a kind that is no plan or another topic
    (a meeting, progress), a title or line reporting results, a speech, a news item, a notice's requirements
    (NO_PLAN_LINE_RE), a heading over the items naming a report's part ("一、主要工作", "三、工作进展"), items most of which ask
    questions, report results or are a record's fields."""
    title = own_words(document_title(lines))
    words = [text.strip() for text in items]
    return bool(title and (no_plan_title(title) or OTHER_TOPIC_RE.search(title))) or results_in(lines, items) is not None \
        or any(NO_PLAN_LINE_RE.search(own_words(line)) for line in lines) \
        or any(REPORT_HEADING_RE.search(name) or OTHER_TOPIC_RE.search(name) for name in map(_name, headings)) \
        or 2 * sum(bool(QUESTION_RE.search(w)) for w in words) >= len(words) or items_report(items) \
        or 2 * sum(bool(RESULT_RE.search(w)) for w in words) > len(words) or record_fields(items)


def _title(node: _Node) -> tuple[str, str]:
    """A task's title and its content (tests/data/tables/README.md): a name on a line of its own over its paragraph,
    the name without its stop; else the whole item as printed, the offices after it left out (units_after)."""
    words = units_after(node.words)[0].strip() or node.words
    if node.body and len(words) <= NAME_MAX and not re.search(r"[，,；;：:。](?!$)", words):
        return heading_name(words), "".join(node.body)
    return words, "".join(node.body)


def _units(node: _Node) -> str:
    """The task's offices (_read_units), read once: each part the item stands in asks whether it names its doers
    (_part), then its row gives them."""
    if node.offices is None:
        node.offices = _read_units(node)
    return node.offices


def _read_units(node: _Node) -> str:
    """The task's offices: printed after its words; else the roles a sentence of its opens with ("A牵头，B配合，…",
    "A负责…": units.role_read, as a unit cell prints them); else its sentences' doers (list_doers.paragraph_doers, the
    first leads), or the offices opening its first sentence (list_doers.step_doers: "X依照职责，负责…"); else the office
    a group it stands under is named for (a party's duties)."""
    if node.fields.keys() & {"lead", "units", "helpers"}:  # "牵头单位：A" "配合单位：B", or "责任单位：A、B牵头，C配合"
        leads = f"{node.fields['lead']}牵头" if "lead" in node.fields else node.fields.get("units", "")
        helpers = f"{node.fields['helpers']}配合" if "helpers" in node.fields else ""
        return "，".join(filter(None, [leads, helpers]))
    if offices := units_after(node.words)[1]:
        return offices
    if party := next((words for words in reversed(node.above) if office_list(words)), ""):
        return party  # "（五）区社会事业局" over its duties "1.…" "2.…": the office whose duties they are
    for sentence in re.split(r"[。；;：:]", node.words):
        clauses = re.split(r"[，,]", sentence)
        if roles := next((cell for k in range(len(clauses), 0, -1) if role_read(cell := "，".join(clauses[:k]))), ""):
            return roles
    doers = paragraph_doers(node.text(), opening=True) or step_doers(re.split(r"[。；;]", node.words, maxsplit=1)[0])
    return doers_cell(doers) if doers else ""


# an emergency plan (应急预案): its standing work stands in parts of its own beside its offices' duties
EMERGENCY_PLAN_RE = re.compile(r"应急预案")
# a part of standing work in such a plan: its prevention, publicity, training and drills ("（二）预防行动", "七、宣传、培训和演练"),
# not what is done when a response is started or lifted, nor the means it relies on (响应, 处置, 善后, 保障)
STANDING_WORK_RE = re.compile(r"^(?:预防(?:行动|措施|工作)|宣传|培训|演练)")
RESPONSE_RE = re.compile(r"响应|处置|善后|保障|预警")


def _standing(node: _Node, taken: set[int]) -> list[_Node]:
    """An emergency plan's parts of standing work (STANDING_WORK_RE) outside the part read, under no part framing or
    closing the plan: their leaves, tasks beside the duties (a supervisor follows the drills as the duties)."""
    found = []
    for item in node.items:
        name = heading_name(re.split(r"[。；;：:]", item.words, maxsplit=1)[0])
        if _framing(item) or any(id(leaf) in taken for leaf in item.leaves()):
            continue
        if STANDING_WORK_RE.match(name) and not RESPONSE_RE.search(name) and not re.search(r"[。；;：:]", item.words):
            found += [leaf for sub in item.items for leaf in sub.leaves()]  # "1.落实责任。…": a duty of it, no framing
        else:
            found += _standing(item, taken)
    return found


def prose(sheet: Sheet) -> bool:
    """A sheet of paragraphs, one text a line (a text, a Word document's or a page's paragraphs), no grid."""
    return bool(sheet.rows) and 4 * sum(len(row_texts(row)) > 1 for row in sheet.rows) <= len(sheet.rows)


def outline_table(sheets: list[Sheet], year: int) -> tuple[Sheet, int, list[Column], list[str]] | None:
    """The document's outline read as a table (序号 | 项目名称 | 项目内容 | 责任单位), its tasks coded as printed
    (三(二)1), the table marked `best_effort` and its codes its `outline`; None when no part of the outline carries work, or the
    document is one that stays refused (_refused)."""
    for sheet in sheets:
        if not prose(sheet):
            continue
        roots = [root for root in _outline(sheet.rows) if not root.broken and root.items]
        for root in roots:
            _folded(root)
            _labelled(root)
            _duties_opened(root)
        found = [part for root in roots for part in _part(root)]
        if not found:
            continue
        leaves = max(found)[-1]
        if any(EMERGENCY_PLAN_RE.search(line) for line in sheet.titles[:3] + [row_texts(row)[0] for row in sheet.rows[:3]
                                                                           if len(row_texts(row)) == 1]):
            standing = [leaf for root in roots for leaf in _standing(root, {id(leaf) for leaf in leaves})]
            order = {id(row): k for k, row in enumerate(sheet.rows)}
            leaves = sorted([*leaves, *standing], key=lambda leaf: order[id(leaf.row)])
        opening = sheet.rows.index(roots[0].items[0].row)
        lines = [*sheet.titles, *(texts[0] for row in sheet.rows[:opening] if len(texts := row_texts(row)) == 1)]
        if _refused(lines, [leaf.text() for leaf in leaves], [words for leaf in leaves for words in leaf.above]):
            continue
        header = ["序号", "项目名称", "项目内容", "责任单位"]
        rows = [[str(k), *_title(leaf), _units(leaf)] for k, leaf in enumerate(leaves, 1)]
        if any("deadline" in leaf.fields for leaf in leaves):  # "完成时限：…": the column of a table's deadlines
            header = [*header, "完成时限"]
            rows = [[*cells, leaf.fields.get("deadline", "")] for cells, leaf in zip(rows, leaves, strict=True)]
        if any(map(_stage, leaves)):  # a procedure's stage: its paragraph states its rules (prizes, weights, a cut), a
            # note of the task, no figure of work delivered
            header = [*header, "备注"]
            rows = [[*cells[:2], "" if _stage(leaf) else cells[2], *cells[3:], cells[2] if _stage(leaf) else ""]
                    for cells, leaf in zip(rows, leaves, strict=True)]
        if len({leaf.code for leaf in leaves}) < len(leaves):  # codes that repeat: no plan to hand on, the reading declines
            continue
        first = sheet.rows.index(leaves[0].row)
        table, at, columns, headers = as_table(sheet, header, rows,
                                                [leaf.row for leaf in leaves],
                                                [texts[0] for row in sheet.rows[:first] if len(texts := row_texts(row)) == 1],
                                                year, [])
        table.best_effort = True
        table.outline = {leaf.row.number: leaf.code for leaf in leaves}
        return table, at, columns, headers
    return None
