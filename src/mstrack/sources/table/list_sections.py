"""The sections of a list (headerless.py): the closing sections of a programme printed after its list of tasks
("五、加强组织领导", "六、工作要求" and its points, "保障措施"), no tasks, so the list ends where they begin; and in a
"(一)" list, which "一、" lines head the items after them and which are items of their own."""

from __future__ import annotations

import re
from itertools import takewhile

from mstrack.domain.quantities import chinese_count
from mstrack.sources.rows import clip
from mstrack.sources.table.cells import AREA_RE
from mstrack.sources.table.list_deadlines import OWN_DATE_RE
from mstrack.sources.table.list_labels import label_kind
from mstrack.sources.table.mentions import find_mentions, sets_figure
from mstrack.sources.table.one_paragraph import MIN_ITEMS, MIN_STAFFED_ITEMS
from mstrack.sources.table.units import office_list
from mstrack.vocabulary import (
    CLOSING_SECTIONS,
    FUNDED_WORK_VERBS,
    FUNDING_OBJECTS,
    GUARANTEE_MEASURES,
    REQUIREMENT_SENTENCE,
    REQUIREMENT_VERBS,
)

CLOSING_RE = re.compile(CLOSING_SECTIONS)
GUARANTEE_RE = re.compile(rf"{GUARANTEE_MEASURES}|^(?:{REQUIREMENT_VERBS})[^，,。；;]{{0,6}}?(?:{CLOSING_SECTIONS})")  # "强化资金保障，…"
DATED_RE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月")  # a date of any kind: a deadline is a task's
REQUIREMENT_RE = re.compile(REQUIREMENT_SENTENCE)
NUMBERING_RE = re.compile(r"^(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十\d]{1,3}\s*[、.．])\s*")
FUNDED_WORK_RE = re.compile(rf"^(?:{FUNDED_WORK_VERBS})")
FUNDING_RE = re.compile(FUNDING_OBJECTS)
VERB_BEFORE_RE = re.compile(rf"(?:{REQUIREMENT_VERBS})$")  # "加强督查", "严格考核": the requirement's verb before the word
# "推进农产品标准化生产。要做好…": the work, then its detail; a heading of two short phrases, one a result and one the
# work ("重点整治到位，扎实推进火灾隐患排查治理。各单位要…"), is one heading still
HEADING_SENTENCE_RE = re.compile(r"^((?:[^，,；;：:。]{2,12}[，,])?[^，,；;：:。]{4,20})。(?=\S)")


def requirement(words: str, figure: bool | None = None, own: bool = False) -> bool:
    """A requirement on offices, not work of the programme: a sentence whose verb is the requirement, first or after
    its subject ("要…", "各乡镇要…", "加强督查", "县政府办通报…"), or that names one (督查, 考核 …) and sets no figure
    ("县督查室12月底前完成考核"). With a figure and a measure word the word is the work's object: "开展考核员培训200人次",
    "建设督查平台1个". `figure`: whether the words set one (mentions.sets_figure), when the caller knows it already.
    `own`: the item's offices are its own, named by role (a line "X牵头落实" under it, a label "责任单位：…"): assigned
    so, it is work whatever verb opens it or what it names ("加强就业政策信息公开", "通过政策通报会…宣传"); only a closing
    section's words ("强化督查考核", "加强组织领导": a notice's points, each with its office) keep it a requirement, in
    the item's heading sentence: a later sentence's "…协调运转的工作机制" or "…纳入年度考核" is the work's detail."""
    if own:
        return bool(CLOSING_RE.search(_heading_sentence(words))) and closing_section(words, False, figure)
    for sentence in re.split(r"[。；;！!]", NUMBERING_RE.sub("", words.strip())):
        for m in REQUIREMENT_RE.finditer(sentence):
            subject = VERB_BEFORE_RE.sub("", sentence[:m.start()].strip())
            if not subject or subject.startswith("各") and len(subject) <= 12 or office_list(subject):
                return True
            if figure is None:
                figure = sets_figure(words)  # the item's: "开展考核培训。…培训200人次"
            if not figure:
                return True
    return False


def _heading_sentence(words: str) -> str:
    """An item's first sentence, its heading where it opens with one ("健全协同监督机制。整合监督资源…")."""
    return re.split(r"[。；;！!]", NUMBERING_RE.sub("", words.strip()), maxsplit=1)[0]


def guarantee(words: str) -> bool:
    """A guarantee measure (vocabulary.GUARANTEE_MEASURES: funding, "确保…"; or a first clause naming a closing section,
    "强化资金保障，…"), no work of the programme, whatever figure or office it names ("5.县财政安排专项资金5000万元，
    确保项目按期完成。（县财政局）" after "4.保障措施"), unless a later clause is the item's own work, a figure it builds
    ("安排资金500万元，新建村级卫生室20个": vocabulary.FUNDED_WORK_VERBS)."""
    text = NUMBERING_RE.sub("", words.strip())
    if GUARANTEE_RE.search(text) is None:
        return False
    clauses = [clause.strip() for clause in re.split(r"[，,；;。]", text)[1:]]
    return not any(FUNDED_WORK_RE.match(clause) and _counts_things(clause) for clause in clauses)


def _counts_things(clause: str) -> bool:
    """A clause's figure counts things built ("新建村级卫生室20个", "改造农村公路50公里"), not money: an amount (元) or
    a figure of funding ("新增财政投入2亿元", vocabulary.FUNDING_OBJECTS) is the guarantee's own, no work."""
    return any(m.unit and m.unit != "%" and not m.unit.endswith("元") and not FUNDING_RE.search(m.verbs) for m in find_mentions(clause))


def closing_section(words: str, staffed: bool, figure: bool | None = None) -> bool:
    """A closing section: the vocabulary's words of one (vocabulary.CLOSING_SECTIONS), and no figure, no office doing
    it (`staffed`) and no deadline, which an item of work among numbered siblings has (a task with no figure stays one);
    `figure` as for requirement."""
    return bool(CLOSING_RE.search(words)) and not staffed and not OWN_DATE_RE.search(words) and not DATED_RE.search(words) \
        and not (sets_figure(words) if figure is None else figure)


def _programme_work(words: str, numbered_on: bool) -> bool:
    """Work of the programme under a closing heading: a figure, or an item numbered on with the list's items, and no
    requirement on offices ("各乡镇要于每月5日前报送进展", "县督查室12月底前完成考核": an office and a date are not enough)
    and no guarantee measure ("2.县财政安排资金5000万元。（县财政局）" under "二、保障措施")."""
    figure = sets_figure(words)
    return not requirement(words, figure) and not guarantee(words) and (numbered_on or figure)


def closing_at(rows: list[tuple[bool, str, bool]], numbered_on: frozenset[int] = frozenset()) -> int:
    """Where a list's closing sections begin, its rows given as (heading, words, staffed), `numbered_on` the rows that
    are items numbered on with the items before them: the first row that is one, every row after it one too or under a
    heading that is one; len(rows) when the list has none. A heading with words of one over work of the programme
    ("三、加强组织领导" over "5.新建社区食堂20个", _programme_work) is a group's heading, not one."""
    closing, _ = _reopened(rows, numbered_on)
    for k in range(len(rows)):
        if not closing[k]:
            continue
        heading_closes = True
        for j in range(k, len(rows)):
            if rows[j][0]:
                heading_closes = closing[j]
            elif not (closing[j] or heading_closes and any(rows[h][0] for h in range(k, j))):
                break
        else:
            return k
    return len(rows)


def _reopened(rows: list[tuple[bool, str, bool]], numbered_on: frozenset[int]) -> tuple[list[bool], set[int]]:
    """Which rows, (heading, words, staffed) each, are closing sections (closing_section), a heading with words of one
    over work of the programme not one, or over an item naming its offices ("四、保障措施" over "（一）坚持规划引导。…" and
    its "责任单位：…" line: the section's items so assigned are tasks, close47); and the items under such a heading that
    are no work themselves ("4.强化资金保障，新增财政投入2亿元" beside "3.安排资金500万元，新建村级卫生室20个" under
    "二、保障措施"): the one item of work keeps the heading open, not its guarantee measures and requirements."""
    closing = [closing_section(words, staffed) for _, words, staffed in rows]
    aside: set[int] = set()
    for k, (heading, _, _) in enumerate(rows):
        if not (heading and closing[k]):
            continue
        under = range(k + 1, next((j for j in range(k + 1, len(rows)) if rows[j][0]), len(rows)))
        # an item the section assigns to its offices is work a supervision office tracks, wherever it stands (close47)
        work = {j for j in under if not closing[j] and (rows[j][2] or _programme_work(rows[j][1], j in numbered_on))}
        if work:
            closing[k] = False
            aside.update(j for j in under if j not in work and (closing[j] or guarantee(rows[j][1]) or requirement(rows[j][1])))
    return closing, aside


def closing_between(rows: list[tuple[bool, str, bool]]) -> set[int]:
    """The rows of a closing section that stands between a list's parts, rows given as (heading, words, staffed) up to
    where the closing sections at the end begin (closing_at): a heading with words of one ("五、工作要求") over items no
    one of which is work of the programme (_reopened), and those items ("（一）加强组织领导。…"), with a part of work
    after it ("六、重点工作安排" over dated steps). Requirements on offices, wherever they stand: no tasks."""
    closing, _ = _reopened(rows, frozenset())
    found: set[int] = set()
    for k, (heading, _, _) in enumerate(rows):
        if heading and closing[k]:
            under = range(k + 1, next((j for j in range(k + 1, len(rows)) if rows[j][0]), len(rows)))
            if under and under.stop < len(rows):
                found.update((k, *under))
    return found


def kept(rows: list[tuple[bool, str, bool]], numbered_on: frozenset[int] = frozenset(),
         short: list[tuple[list[str], list[str]]] | None = None, counted: list[bool] | None = None) -> int:
    """How many of a list's rows, (heading, words, staffed) each, are its own: those before the programme's closing
    sections (closing_at). When too few items remain there the list is no programme's: the closing lines are never
    read as its tasks, and `short` gets (the items before the closing sections, the closing rows), what the refusal
    says. `counted`: which rows are items, when a heading may be one too (a "(一)" list's "一、新建公厕20座。")."""
    cut = closing_at(rows, numbered_on)
    counted = counted or [not heading for heading, _, _ in rows]
    items = [(words, staffed) for (_, words, staffed), item in zip(rows[:cut], counted, strict=False) if item]
    if cut < len(rows) and not enough(items) and short is not None and items:
        short.append(([words for words, _ in items], [words for _, words, _ in rows[cut:]]))
    return cut


def kept_on(rows: list[tuple[int | None, bool, str, bool]], size: int, numbered_on: frozenset[int] = frozenset(),
            short: list[tuple[list[str], list[str]]] | None = None) -> list[int]:
    """Which rows are a list's own, the first `size` of `rows` (number, heading, words, staffed) the list's run and the
    rest the rows after it: those before the programme's closing sections (kept), and, when they cut the list, the items
    numbered on after them ("4.加强组织领导", its prose, then "5.新建社区食堂10个。（县民政局）": numbered_after, counting
    on from the last item kept). One rule for lists numbered "1." and "一、"; `short` as for kept."""
    if measures_alike(rows[:size]):
        return list(range(size))
    read = kept([(heading, words, staffed) for _, heading, words, staffed in rows[:size]], numbered_on, short)
    sections = closing_parts(rows[:size]) | _reopened([(heading, words, staffed) for _, heading, words, staffed in rows[:read]],
                                                      numbered_on)[1]
    found = [k for k in range(read) if k not in sections]
    if read < size:
        last = next((n for n, heading, _, _ in reversed(rows[:read]) if n is not None and not heading), 0)
        found += [read + k for k in numbered_after([(n, words, staffed) for n, _, words, staffed in rows[read:]], last + 1)]
    measures = measures_after([rows[k] for k in found])
    return [k for at, k in enumerate(found) if at not in measures]


def measures_alike(rows: list[tuple[int | None, bool, str, bool]]) -> bool:
    """A notice's measures, (number, heading, words, staffed) each: MIN_ITEMS or more, each a name run into its
    sentences ("一、规范电动自行车集中停放充电规划管理。推进…", HEADING_SENTENCE_RE), none naming a date or a figure, every
    one naming its offices or none. Nothing sets one apart from the others, so a closing section's words in the last
    one's name ("四、强化督导检查，严格责任追究。要加强本单位…") make it no closing section: it is one of the notice's
    measures (kept_on). A plan's closing section stands apart from its work: a heading of its own ("五、保障措施"), or
    a point with no office, date or figure after work naming them."""
    return len(rows) >= MIN_ITEMS and len({staffed for *_, staffed in rows}) == 1 and all(
        number is not None and not heading and HEADING_SENTENCE_RE.match(NUMBERING_RE.sub("", words.strip()))
        and not DATED_RE.search(words) and not sets_figure(words) for number, heading, words, _ in rows)


def measures_after(rows: list[tuple[int | None, bool, str, bool]]) -> set[int]:
    """The rows of a list's parts "三、…" (a heading and the items under it; (number, heading, words, staffed) each) that
    come after a part assigning its work item by item (most of its items naming their offices) and most of whose items
    name no office, set no figure and name no date (one may carry a line under it, "附件：…"): "二、明确任务，落实责任"
    1.–10. "…1420亩。（责任单位：…）", then "三、备足苗木，科学造林" "1.落实苗木。各乡镇…要…" and "四、落实政策，创新机制"
    "1.继续实施…优惠政策…" — the plan's measures and policies for the work its tasks set, no tasks. A part before the
    assigned one (the plan's measures opening it) is left to the other rules."""
    parts: list[list[int]] = []
    for k, (_, heading, words, _) in enumerate(rows):
        if heading and AREA_RE.match(words):
            parts.append([k])
        elif parts:
            parts[-1].append(k)
    found: set[int] = set()
    assigned = False
    for part in parts:
        items = [k for k in part if rows[k][0] is not None and not rows[k][1]]
        marked = sum(bool(rows[k][3] or sets_figure(rows[k][2]) or DATED_RE.search(rows[k][2])) for k in items)
        if assigned and items and 2 * marked < len(items):
            found.update(part)
        assigned = assigned or len(items) >= MIN_STAFFED_ITEMS and 2 * sum(rows[k][3] for k in items) > len(items)
    return found


def closing_parts(rows: list[tuple[int | None, bool, str, bool]]) -> set[int]:
    """The rows of a list, (number, heading, words, staffed) each, that are a closing section numbered as an item and
    its parts below it, unnumbered ("4.工作要求" over "（1）加强组织领导。" "（2）…县财政安排资金5000万元。（县财政局）"): no
    tasks, wherever they stand, unless a part is work of the programme (_programme_work)."""
    found: set[int] = set()
    for k, (n, heading, words, staffed) in enumerate(rows):
        parts = list(takewhile(lambda j: rows[j][0] is None and not rows[j][1] and rows[j][2], range(k + 1, len(rows))))
        if n is not None and not heading and parts and closing_section(words, staffed) \
                and not any(_programme_work(rows[j][2], False) for j in parts):
            found.update((k, *parts))
    return found


def short_said(short: list[tuple[list[str], list[str]]]) -> dict[str, object]:
    """The fields of a refusal because a list's closing sections leave too few items (kept's `short`): how many items,
    the first of them and of the closing rows, each quoted without its number ("（一）" stays in a "(一)" list's words)."""
    items, closing = short[0]

    def quoted(texts: list[str]) -> str:
        return "”、“".join(clip(NUMBERING_RE.sub("", text), 30) for text in texts[:2]) + ("…" if len(texts) > 2 else "")
    return {"n": len(items), "items": quoted(items), "closing": quoted(closing)}


def staffed_work(items: list[tuple[str, bool]], due: list[bool] | None = None) -> bool:
    """Few items, (words, staffed) each, that are clearly a programme's (MIN_STAFFED_ITEMS or more): each names the
    office doing it and sets a figure or, `due` (its labelled lines date it: `dated`), the date it is due
    ("一、新建第三中学" over "牵头单位：…" "完成时限：2024年12月底"), and none is a requirement on offices."""
    return len(items) >= MIN_STAFFED_ITEMS and all(
        staffed and ((figure := sets_figure(words)) or on_date) and not requirement(words, figure)
        for (words, staffed), on_date in zip(items, due or [False] * len(items), strict=True))


def dated(labels: dict[str, str]) -> bool:
    """Whether an item's labelled lines, {label: value}, give the date it is due ("完成时限：2024年12月底")."""
    return any(label_kind(name) == "deadline" and DATED_RE.search(text) for name, text in labels.items())


def dated_work(items: list[tuple[str, bool, bool]]) -> bool:
    """Items, (words, staffed, dated) each, that are a work list whatever the title calls them ("…重点项目的通知"):
    MIN_ITEMS or more, each naming the office that does it and the date it is due, none a requirement on offices. A
    notice's points name neither; a letter of one task is one item."""
    return len(items) >= MIN_ITEMS and all(staffed and due and not requirement(words) for words, staffed, due in items)


def labelled_work(items: list[tuple[str, bool]], shared: bool = False) -> bool:
    """Items, (words, offices labelled on a line of their own under it) each, that are a work list whatever the title
    calls them, or with no title ("(一)启动…" over "项目内容：…" and "责任单位：…", a table's columns written as lines):
    MIN_ITEMS or more, each with its 责任单位 or 牵头单位 line, most not a requirement on offices (requirement's `own`: the
    line assigns the work whatever verb opens it); as dated_work's 完成时限 lines, the labelled office lines say so. A
    notice's points name no office so, or are its closing sections' ("强化督查考核。（责任单位：区督查室）"); a plan's
    labelled items may end with a few ("做好资金保障", "加强目标考核", each with its 责任单位 line: its last group), or hold
    a duty's words inside an item of work ("…继续开展评估考核，加大督查力度。（区交建局）"): most of them work. `shared`:
    the items stand under a part sharing the work out ("六、责任分工", list_duties.shares_out): each a duty whatever
    topic it names ("（三）资金保障。…", "（四）责任落实。…"), none a closing section's requirement."""
    return len(items) >= MIN_ITEMS and all(labelled for _, labelled in items) \
        and (shared or 2 * sum(requirement(words, own=True) for words, _ in items) < len(items))


GOALS_HEADING_RE = re.compile(r"目标")  # "二、发展目标", "一、工作目标", "主要目标": a part stating what the plan aims at


def staffed_from(rows: list[tuple[bool, bool, str]]) -> int:
    """Where a "(一)" list's work begins, its rows given as (heading, staffed, words): after its first part when its
    heading names the plan's goals (GOALS_HEADING_RE), none of its items names its offices and every item of the parts
    after it does ("二、发展目标" over "（一）2016年目标：…", then "三、重点任务" over items each with its "责任单位："
    paragraph): that part states the plan's goals, no tasks. 0 otherwise: a first part of work whose items name no
    office ("一、教育民生" over "（一）新建幼儿园3所") stays the list's, as do parts when a later item names none."""
    headings = [k for k, (heading, _, _) in enumerate(rows) if heading]
    if len(headings) < 2 or headings[0] != 0 or not GOALS_HEADING_RE.search(rows[0][2]):
        return 0
    goals = [staffed for heading, staffed, _ in rows[1:headings[1]] if not heading]
    later = [staffed for heading, staffed, _ in rows[headings[1]:] if not heading]
    return headings[1] if goals and not any(goals) and later and all(later) else 0


def staffed_few(items: list[tuple[str, bool]]) -> bool:
    """Few items, (words, staffed) each, MIN_STAFFED_ITEMS or more, each naming the offices that do it ("1.提高养老金
    待遇。…（市人社局、市财政局）") and none a requirement on offices: a programme's list only under a line naming the
    programme (list_gate.is_programme), where two stray numbered lines of a notice are none."""
    return len(items) >= MIN_STAFFED_ITEMS and all(staffed and not requirement(words) for words, staffed in items)


def enough(items: list[tuple[str, bool]], due: list[bool] | None = None) -> bool:
    """Whether a list's items, (words, staffed) each, make a list: MIN_ITEMS of them, or fewer clearly a programme's
    (staffed_work, `due` as there)."""
    return len(items) >= MIN_ITEMS or staffed_work(items, due)


def numbered_after(rows: list[tuple[int | None, str, bool]], number: int) -> list[int]:
    """The rows after a list's closing section, (number, words, staffed) each, that are items of work numbered on with
    the list ("四、保障措施", its prose, then "五、新建社区食堂10个。（县民政局）"): one naming its offices, whatever it says
    ("五、县财政安排专项资金5000万元，确保…。（县财政局）": assigned, tracked work, close47), or work like the items before
    them, a figure and no requirement, no guarantee measure ("五、县财政安排专项资金5000万元"), no closing section; the count
    goes on through the closing sections, numbered too."""
    found: list[int] = []
    for k, (n, words, staffed) in enumerate(rows):
        if n != number:
            continue
        number += 1
        figure = sets_figure(words)
        # one naming its offices is tracked work whatever it says, a guarantee measure too (close47)
        if staffed or not closing_section(words, staffed, figure) and not requirement(words, figure) \
                and not guarantee(words) and figure:
            found.append(k)
    return found


def heads(chosen: list[tuple[str, str, str]], k: int) -> bool:
    """A "一、…" line of a "(一)" list that heads the items after it; one followed by the next "二、…" holds no items and
    is an item of its own, numbered 一 ("一、实施…工程,全省全年完成10万人搬迁任务。" before "二、…"). An item "（六）…"
    over its parts "1." "2." (list_bracketed._group_part) heads them."""
    if k + 1 < len(chosen) and chosen[k + 1][0] == "part" and chosen[k][0] not in ("heading", "part"):
        return True
    return chosen[k][0] == "heading" and k + 1 < len(chosen) and chosen[k + 1][0] != "heading"


def bracketed_kept(rows: list[tuple[str, str, bool]],
                   short: list[tuple[list[str], list[str]]] | None = None) -> tuple[list[int], list[int]]:
    """Which rows of a "(一)" list, (kind, words, staffed) each (list_bracketed.bracketed_run), are its own, and which
    headings head no item: (kept, unread). The list ends where its closing sections begin (kept, `short` as there), an
    item "一、…" a heading for the cut and an item for the count; "五、…" numbered on after them kept (numbered_after); a
    heading followed by another heading, an item "一、…" or the end heads nothing: it is named, never an empty area; one
    before the next heading that sets a figure of its own ("一、…全省全年完成10万人搬迁任务。" before "二、…") is an item
    (heads)."""
    top = [kind in ("heading", "top") for kind, _, _ in rows]
    cut = kept([(head, words, own) for head, (_, words, own) in zip(top, rows, strict=True)], short=short,
               counted=[kind != "heading" for kind, _, _ in rows])
    level = [chinese_count(AREA_RE.match(words)[1]) if head else None for head, (_, words, _) in zip(top, rows, strict=True)]
    on = numbered_after([(n, words, own) for n, (_, words, own) in zip(level[cut:], rows[cut:], strict=True)],
                        len([n for n in level[:cut] if n]) + 1) if cut < len(rows) else []
    between = closing_between([(head, words, own) for head, (_, words, own) in zip(top[:cut], rows[:cut], strict=True)])
    kept_rows = [*(k for k in range(cut) if k not in between), *(cut + k for k in on if rows[cut + k][0] == "top")]
    unread = [k for k in range(cut) if rows[k][0] == "heading" and (k + 1 == cut or top[k + 1]
                                                                   and not sets_figure(rows[k][1]))
              and not runs_into_paragraph(rows[k][1])]
    return [k for k in kept_rows if k not in unread], unread


# "三、积极推动医师多点执业备案制。放宽医务人员的执业地点限制，…": a part's name run into the paragraph that says its work
RUN_INTO_RE = re.compile(r"^[^。；;，,：:（()）]{2,30}。\s*[^。；;]{10,}")


def runs_into_paragraph(heading: str) -> bool:
    """Whether a part's heading "三、…" runs its name into its paragraph on the same line ("三、积极推动医师多点执业
    备案制。放宽…，实行备案制管理。"): over no item, it is the part's one task, as a heading setting a figure is; a name
    alone, or one sentence ("七、进一步加强组织领导，强化责任落实。"), heads nothing."""
    return bool((m := AREA_RE.match(heading)) and RUN_INTO_RE.match(m[2].strip()))


def part_name(heading: str) -> str:
    """A part's heading as the heading of its one task: its name alone where it runs into its paragraph ("三、积极推动
    医师多点执业备案制。放宽…" → "三、积极推动医师多点执业备案制"), the paragraph the task's words; else as printed."""
    return heading.strip().split("。")[0] if runs_into_paragraph(heading) else heading
