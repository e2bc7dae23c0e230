"""The labelled paragraphs of a list of tasks ("责任单位：区财政局", "主要内容：…", "联系人：…") and the labels on an
item's own line: which column a label names, and what is no part of the task (headerless.py)."""

from __future__ import annotations

import re

from mstrack.sources.table.columns import column_kind
from mstrack.sources.table.duty_clauses import clauses as _clauses
from mstrack.sources.table.duty_clauses import duty_cell
from mstrack.sources.table.schedule import parse_deadline
from mstrack.sources.table.target_columns import MONEY_HEADER_RE
from mstrack.sources.table.units import office_list, unit_names
from mstrack.vocabulary import HELPER_ROLE_WORDS, LEAD_ROLE_WORDS, ROLE_FOLLOWERS

PHONE_RE = re.compile(r"(?<!\d)1\d{10}(?!\d)|\d{3,4}-\d{7,8}")  # a contact, not a task

# a labelled paragraph that is no part of the task: a contact, or a field of the page itself
ASIDE_LABEL_RE = re.compile(r"联系|电话|手机|邮箱|传真|来源|发布|日期|时间|作者|编辑|审核|浏览|点击|字号|打印")


def note_label(text: str) -> tuple[str, str] | None:
    """A labelled paragraph that names no column of the item above: its content ("主要内容：…", "目标：…"), (label,
    value), read as the item's content; a contact ("联系人：…"), the page's own field ("来源：…") or the item's progress
    ("完成情况：1-9月…", "进展情况：…", as a table's progress column) or a note on the items ("(说明:以上4所…)", "备注：…",
    as a table's 备注 column) is no part of it:
    ("", the paragraph). None for a paragraph with no label."""
    if not (m := LABEL_RE.match(text)):
        return None
    return ("", text) if _aside(m[1], m[2]) or label_kind(m[1]) in ("progress", "note") else (m[1], m[2].strip())


def progress_label(text: str) -> bool:
    """A paragraph labelled as an item's progress ("完成情况：1-9月…", "进展情况：…")."""
    return bool((m := LABEL_RE.match(text)) and label_kind(m[1]) == "progress")


LEADERS_RE = re.compile(r"领导")  # "责任领导", "分管领导", "挂钩领导": the item's leaders; "联系人" a contact


def _aside(label: str, value: str) -> bool:
    """A contact or the page's own field; a sum's label ("资金来源", "总投资") names a table's money column, no page's. The
    leaders answering for the item ("责任领导：…", "分管领导：…", over its "责任部门：…") are the item's own, as a table's
    责任领导 column is, no contact: its offices labelled after them stay the item's."""
    return bool(ASIDE_LABEL_RE.search(label) and not MONEY_HEADER_RE.search(label) or PHONE_RE.search(value)) \
        or label_kind(label) == "leader" and not LEADERS_RE.search(label)


INTRODUCING_RE = re.compile(r"^([^，。,；;：:\s\d]{2,8})\s*[：:]\s*$")  # "工作任务：" alone on its line


def introduces_items(text: str) -> bool:
    """A line that is only a label naming the task column ("工作任务：", "主要任务："), its value the items below it:
    under a group's heading (and its rates, "治理指标：…") it introduces the group's items, no item's field."""
    return bool((m := INTRODUCING_RE.match(text)) and label_kind(m[1]) == "task")


def context_label(text: str) -> tuple[str, str] | None:
    """A labelled paragraph whose label names no kind of column (columns.column_kind) and is no aside: the item's
    context ("建设地点：城东街道。", "总投资：1500万元。", "资金来源：…"), (label, value), a column of its own named by
    its label, so that it reads as that column does in a table: a sum under 总投资 a target of that name, a place or a
    source of funds nothing. Content ("建设规模：…", "主要内容：…") names the task column: note_label's."""
    m = LABEL_RE.match(text)
    if not m or label_kind(m[1]) or _aside(m[1], m[2]):
        return None
    return m[1], m[2].strip().rstrip("。；;，, ")


LABEL_RE = re.compile(r"^([^，。,；;：:\s\d]{2,8})\s*[：:]\s*(\S.*)$", re.S)  # "责任单位：区财政局", "完成时限：2024年底"
LABEL_KINDS = {"lead", "units", "deadline"}  # the labels that name a column of the item above: who does it, by when


def label_kind(label: str) -> str:
    """The column a paragraph's label names ("责任单位" → units): the kind does not depend on the year, which
    column_kind needs only to date a period's or a schedule's column ("一季度"), never one of LABEL_KINDS. An office's
    label ("责任处室：…", "责任科室：…") names the units that do the item: no 单位 column stands beside a label."""
    kind = column_kind(label, 2000).kind
    return "units" if kind == "office" else kind


LABEL_NAME = r"[^，。,；;：:\s\d（）()\[\]［］【】〔〕]{2,8}"
# a label printed whole in a square bracket ("【责任单位】：区教育局", "［牵头单位］区教育局"): the bracket closes it, a colon
# or none after it
BRACKETED_LABEL = rf"[【\[［]\s*({LABEL_NAME})\s*[】\]］]\s*[：:]?"
# "…3所。责任单位：区教育局" or "…3所。【责任单位】：区教育局" on the item's line; never one inside a bracket
# ("[牵头单位:…]": units_after's)
OWN_LABEL_RE = re.compile(rf"(?<=[。；;，,\s])\s*(?:{BRACKETED_LABEL}|({LABEL_NAME})\s*[：:])")
BRACKETED_LABEL_RE = re.compile(rf"^{BRACKETED_LABEL}\s*(\S.*)$", re.S)  # "【牵头单位】县教育局" on a line of its own


def own_labels(text: str) -> tuple[str, dict[str, str]]:
    """An item's sentence and the labels printed after it on its own line ("新建幼儿园3所。责任单位：区教育局；完成时限：
    2024年底"): (words, {label: value}), the labels from the first that names a column (column_label's kinds) on; a label
    naming no column ("联系人：") only ends the value before it. The words keep the stop that ends their sentence
    ("新建幼儿园3所。", the title as printed: tests/data/tables/README.md); a clause's mark before the label goes with it."""
    # a label inside a bracket ("（牵头单位：…；配合单位：…）", "[牵头单位：…；责任单位：…]") is units.py's
    found = [m for m in OWN_LABEL_RE.finditer(text) if not _open_bracket(text[:m.start()])]
    first = next((k for k, m in enumerate(found) if label_kind(m[1] or m[2]) in LABEL_KINDS), None)
    words = text[:found[first].start()].rstrip("，,；; ") if first is not None else ""
    if not words:
        return text, {}
    labels: dict[str, str] = {}
    for k, m in enumerate(found[first:], first):
        value = text[m.end():found[k + 1].start() if k + 1 < len(found) else len(text)].strip(" ；;，,。")
        if value and label_kind(name := m[1] or m[2]) in LABEL_KINDS:
            labels.setdefault(name, value)
    return words, labels


# a label right after the item's name, its stop or its colon ("水库安全。要点：…", "水库安全专题：要点：…")
CONTENT_LABEL_RE = re.compile(rf"^(\S{{2,30}}?)\s*[。：:]\s*({LABEL_NAME})\s*[：:]\s*(\S.*)$", re.S)


def content_label(words: str) -> tuple[str, str] | None:
    """An item's words whose name is followed by a label naming no column ("水库安全专题：要点：巡查、处置等", "水库安全。
    宣传要点：…"), the labels that name its columns (责任单位, 时间要求: own_labels) printed after them: (the name, the
    label's value, the item's content). None for words with no such label, or a label naming a column or an aside
    ("会议时间：…", "联系人：…")."""
    m = CONTENT_LABEL_RE.match(words.strip())
    if not m or label_kind(m[2]) or _aside(m[2], m[3]) or re.search(r"[，,；;。：:]", m[1]):
        return None
    return m[1], m[3].strip()


def item_labels(text: str) -> tuple[str, str, dict[str, str]]:
    """An item's line read whole: its words, its content after a label naming no column between its name and the labels
    naming its columns ("水库安全专题：要点：…。责任单位：…", content_label), and those labels (own_labels)."""
    words, labels = own_labels(text)
    words, content = content_label(words) or (words, "") if labels else (words, "")
    return words, content, labels


def _open_bracket(text: str) -> bool:
    """Whether a bracket, round or square ("[牵头单位:…;责任单位:…]", "【…】"), is still open at the end of the text."""
    return len(re.findall(r"[（(\[［【〔]", text)) > len(re.findall(r"[）)\]］】〕]", text))


def column_label(text: str) -> tuple[str, str] | None:
    """A paragraph that is a column's label and its value, printed under the item it belongs to ("责任单位：区财政局",
    "【责任单位】：区财政局", "【责任单位】区财政局"): (label, value). Only labels that name who does the work or by
    when (columns.column_kind). A units label over clauses of duties ("责任分工：A负责…，B组织实施，C配合") gives the
    cell they stand for (duty_clauses.duty_cell)."""
    m = BRACKETED_LABEL_RE.match(text) or LABEL_RE.match(text)  # "【牵头单位】县教育局" as "牵头单位：县教育局"
    if not m or (kind := label_kind(m[1])) not in LABEL_KINDS and not (kind == "leader" and LEADERS_RE.search(m[1])):
        return None
    value = m[2].strip()
    if kind in ("lead", "units") and (batches := dated_batches(value)):
        # the batches' offices, their dates the item's schedule: a label after the offices, as further_labels splits it
        return m[1], f"{batches[0]}；{BATCHES_DUE_LABEL}：{batches[1]}"
    if kind == "units" and (len(_clauses(value)) > 1 or not office_list(value, towns=True)) and (cell := duty_cell(value)):
        return m[1], cell  # "责任分工：A负责开展规划编制工作，B组织实施，C配合": A leads, B and C are units
    return m[1], value


# a batch of the offices that do an item and its date ("第一批：区档案局、市场监督管理局，2017年12月底前完成")
BATCH_RE = re.compile(r"^第\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*批次?\s*[：:]\s*(?P<offices>\S.*?)\s*[，,]\s*(?P<when>[^，,]+)$")
BATCHES_DUE_LABEL = "完成时限"  # the label the batches' dates are read under: the last the deadline, the others checkpoints


def dated_batches(value: str) -> tuple[str, str] | None:
    """A label's offices printed as batches, each with its date ("第一批：A、B，2017年12月底前完成；第二批：C，2018年6月底前
    完成"), two at least: (every batch's offices as one list, "A、B、C"; the batches as the item's schedule); None for any
    other value."""
    parts = [part.strip() for part in re.split(r"[；;]", value.strip().rstrip("。；;")) if part.strip()]
    found = [m for part in parts if (m := BATCH_RE.match(part))]
    if len(found) < 2 or len(found) < len(parts) or not all(parse_deadline(m["when"], 2000) for m in found) \
            or not office_list(found[0]["offices"], towns=True):
        return None
    return "、".join(m["offices"] for m in found), "；".join(parts)


def with_batches(labels: dict[str, str], name: str, value: str) -> tuple[str, str]:
    """An item's deadline label beside the dates of its offices' batches (dated_batches: under BATCHES_DUE_LABEL), in
    either order ("试点单位：第一批：…，2017年12月底前完成；第二批：…" then "完成时间：2018年3月底前完成"): one schedule under
    the label met first, the batches' dates and the item's own in date order (the latest the deadline, the rest
    checkpoints), the other label dropped; (name, value) as given for any other label, or dates not read."""
    if label_kind(name) != "deadline":
        return name, value
    other = next((n for n in labels if n != name and label_kind(n) == "deadline"), None)
    if other is None or BATCHES_DUE_LABEL not in (name, other):
        return name, value
    batches, own = (value, labels[other]) if name == BATCHES_DUE_LABEL else (labels[other], value)
    parts = [part.strip() for part in re.split(r"[；;]", batches) if part.strip()]
    if not all(BATCH_RE.match(part) for part in parts):
        return name, value  # a 完成时限 label of the item's own, no batches
    dues = [parse_deadline(m["when"], 2000) for part in parts if (m := BATCH_RE.match(part))]
    if (mine := parse_deadline(own, 2000)) is None or None in dues:
        return name, value
    dated = sorted([*zip(dues, parts, strict=True), (mine, own.strip().rstrip("。；;"))], key=lambda d: d[0])
    del labels[other]
    return other, "；".join(text for _, text in dated)


LEADING_LABEL_RE = re.compile(rf"\s*({LABEL_NAME})\s*[：:]")  # a value that opens with a label of its own
NEXT_LABEL_RE = re.compile(rf"[；;，,]\s*({LABEL_NAME})\s*[：:]")  # "…；责任单位：" after a label's value on its line


def further_labels(value: str) -> tuple[str, dict[str, str]]:
    """A label line's value and the labels printed after it on the same line ("牵头单位：区交通局；责任单位：区城管局"):
    (the first value, {label: value}), each a column's label (LABEL_KINDS); a value with no such label is whole."""
    found = [m for m in NEXT_LABEL_RE.finditer(value) if label_kind(m[1]) in LABEL_KINDS and not _open_bracket(value[:m.start()])]
    if not found or not value[:found[0].start()].strip() or LEADING_LABEL_RE.match(value):  # a cell of its own labels
        return value, {}  # (a duty paragraph read, "牵头单位：A；责任单位：B": column_label's cell, read whole)
        return value, {}
    ends = [m.start() for m in found[1:]] + [len(value)]
    return value[:found[0].start()].strip(), {m[1]: value[m.end():end].strip(" ；;，,。") for m, end in zip(found, ends, strict=True)}


# a line under an item naming its leads in words, no label ("市发改委牵头落实", "A、B、C分别牵头落实", "A牵头，B配合");
# "由A牵头" is item_offices.office_line's
LEAD_LINE_RE = re.compile(rf"^(?!由)(\S+?)\s*(?:分别|共同)?(?:{'|'.join(LEAD_ROLE_WORDS)})(?:{'|'.join(ROLE_FOLLOWERS)})?"
                          rf"(?:[，,]\s*(\S+?)\s*(?:{'|'.join(HELPER_ROLE_WORDS)}))?\s*[。.；;]?$")
LEAD_LINE_LABELS = ("牵头单位", "配合单位")  # the labels the line's offices are read under


def lead_line(text: str) -> dict[str, str]:
    """A line of its own saying, in words, which offices lead the item above and which help: {label: offices}, as the
    labelled lines "牵头单位：…" and "配合单位：…" would say it (every office before 分别牵头 leads); {} for any other."""
    m = LEAD_LINE_RE.match(text.strip())
    if not m or not _framed(m[1]) or m[2] and not _framed(m[2]):
        return {}
    return dict(zip(LEAD_LINE_LABELS, filter(None, (m[1], m[2])), strict=False))


def _framed(offices: str) -> bool:
    """Offices a role word frames: the first must read as an office, the others only as names ("市金融办、人民银行X市
    中心支行"), as item_offices.office_line reads the offices of "由…负责落实"."""
    names = unit_names(offices)
    return bool(names) and office_list(names[0], towns=True) \
        and all(len(name) <= 20 and not re.search(r"[\d，。；;:：\s]", name) for name in names)


# a figure alone in a bracket closing an item's name ("开展安全生产综合监管（400个工作日）", "重点检查对象（120 个工作日）")
NAMED_FIGURE_RE = re.compile(r"\s*[（(]\s*(\d+(?:\.\d+)?\s*[个项家人次天日所处座条台件万亿元%％]{1,4}(?:工作日)?)\s*[）)]\s*$")


def figure_apart(name: str, content: str) -> tuple[str, str]:
    """An item's name in a list whose items print their content apart (a paragraph under the name) with a figure alone
    in the bracket closing the name: the name without it, the figure the content's first words ("400个工作日；依据…"),
    read as the item's figure."""
    if not (m := NAMED_FIGURE_RE.search(name)) or not name[:m.start()].strip():
        return name, content
    return name[:m.start()].strip(), "；".join(filter(None, [m[1], content]))


# "危化处（60日）": one office and its working days, the whole of a 责任单位 cell
OFFICE_DAYS_RE = re.compile(r"^\s*[^，,、；;（()）\s]{2,20}?\s*[（(]\s*(\d+(?:\.\d+)?)\s*日\s*[）)]\s*$")
DAYS_COLUMN = "工作日（日）"  # the column numbered_table gives an office's days read as its item's


def office_days(name: str, offices: str) -> str:
    """The working days of an item whose name prints none ("（1）危险化学品经营企业：…进行监督检查。责任单位：危化处（60日）"
    under "1.重点检查对象（120个工作日）"): its one office's days, the item's own ("60"); "" when the name prints its days
    ("2.一般检查对象（164个工作日）": the offices' days are the shares of them) or the cell names several offices or none."""
    found = OFFICE_DAYS_RE.match(offices)
    return "" if found is None or NAMED_FIGURE_RE.search(name) else found[1]


# "4.检查内容", "工作内容": a name that says what the paragraph under it holds, no work
CONTENT_HEADING_RE = re.compile(r"^\s*[\u4e00-\u9fff]{1,4}内容\s*$")


def content_heading(name: str, offices: str) -> bool:
    """An item named by what its paragraph holds ("4.检查内容" over "根据《…》的规定，结合我区实际情况进行监督检查。") and
    naming no office: a heading of the part's content among its tasks, no work of its own (pingtan-2022-jiandu)."""
    return CONTENT_HEADING_RE.match(name) is not None and not offices.strip()
