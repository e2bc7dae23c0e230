"""A notice's inspection groups printed in its text, for the headerless reader (prose_chain.list_table): each group a
heading "第一组：组长 杨朝春", its members "成员 魏为国、林强" and the one sentence of its work "负责检查城北水利工作站、竹屿
堤防管理站…所辖的水利工程设施。". Each group is a task coded as printed (第一组, as a 组别 column's), titled by its work;
its leader and members are persons, no unit, and the stations, works and companies it inspects are what is checked,
no doers (as a schedule of visits' 受检单位: columns' "task" of 受检单位). They are due at the period the notice names for
the inspection ("1.时间安排：2016年5月11日—20日", its end). The part right after the groups, one paragraph giving the
addressees their own work with its own date ("三、总体目标和要求" over "各相关单位、部门，水利工作站要…，于5月20日前完成…"),
is a task too, coded by its part, led by the doers its sentences name (list_doers.paragraph_doers), due on its date."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.list_deadlines import PERIOD_SPAN_RE
from mstrack.sources.table.list_doers import STEP_DATE_RE, paragraph_doers
from mstrack.sources.table.list_numbered import Entry, numbered_table
from mstrack.sources.table.office_names import OPEN_KIND_RE, ends_like_unit
from mstrack.sources.table.reading import Row
from mstrack.sources.table.spans import span_end

# "第一组：组长 杨朝春", "第二检查组：", "第三督查组：组 长：张三": a group's heading, its leader (a person) after it
GROUP_RE = re.compile(r"^\s*(第[一二三四五六七八九十]{1,3}(?:检查|督查|督导|巡查|排查|工作)?组)\s*[：:]\s*(?:组\s*长\s*[：:]?\s*\S.*)?$")
MEMBERS_RE = re.compile(r"^\s*(?:副\s*组\s*长|成\s*员)\s*[：:]?\s*\S")  # "成员 魏为国、林强", "成 员：…": persons
# "负责检查城北水利工作站…所辖的水利工程设施。": the group's work, what it inspects
WORK_RE = re.compile(r"^\s*负责\s*(?:对)?\s*(?:检查|督查|督导|巡查|排查|抽查|核查)")
# "1.时间安排：2016年5月11日—20日", "检查时间：…": the inspection's period, printed as a line of its part
TIME_LINE_RE = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]\s*)?(?:检查|督查|工作)?时间(?:安排)?\s*[：:]")
MIN_GROUPS = 2
ADDRESSEES_RE = re.compile(r"^\s*各[^，,。；;：:]{1,60}[：:]\s*$")  # "各相关单位、各水利工作站：": whom the notice is sent to


def inspection_groups(rows: list[Row], year: int) -> tuple[int, int, list[str], list[list[str]], list[Row], int] | None:
    """The groups (MIN_GROUPS or more, each with its work sentence) as a list's table, with the part after them when it is
    one paragraph whose doers and date it names: (the first group's row, the row after the last read, header, cells, the
    row each is read from, how many parts the notice prints), as list_arrangements.event_duties gives an event's duties;
    None for a text of no such groups."""
    texts = [" ".join(row_texts(row)) for row in rows]
    heads = [k for k, text in enumerate(texts) if GROUP_RE.match(text)]
    if len(heads) < MIN_GROUPS:
        return None
    groups = []  # (row index, code, work)
    for n, at in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else _part_end(texts, at)
        lines = texts[at + 1:end]
        work = [line for line in lines if WORK_RE.match(line)]
        if len(work) != 1 or any(not (WORK_RE.match(line) or MEMBERS_RE.match(line)) for line in lines):
            return None  # a group of other lines (its tasks numbered, its dates): no such list
        groups.append((at, GROUP_RE.match(texts[at])[1], work[0].strip(), end))
    if (last := groups[-1][3]) < len(texts) and not AREA_RE.match(texts[last]) and not _signature(texts[last]):
        return None  # the last group goes on in lines of other kinds (its visits, dated): not this layout
    period = _period(texts, heads[0], year)
    entries = [Entry(rows[at], "item", code, work, labels={"完成时限": period or ""}) for at, code, work, _ in groups]
    if (duties := _duties_after(texts, last)) is not None:
        code, paragraph, doers = duties
        own = STEP_DATE_RE.search(paragraph)  # "于5月20日前完成": its own date
        entries.append(Entry(rows[last + 1], "item", code, paragraph,
                             labels={"完成时限": own[1] if own else period or "", "牵头单位": "、".join(doers[:1]),
                                     "配合单位": "、".join(doers[1:])}))
        last += 2
    parts = sum(1 for text in texts if AREA_RE.match(text))
    return heads[0], last, *numbered_table(entries), [e.row for e in entries], parts


def _part_end(texts: list[str], at: int) -> int:
    """The row after the last group's lines: the next part's heading, or the first line that is neither its members nor
    its work."""
    for k in range(at + 1, len(texts)):
        if not (MEMBERS_RE.match(texts[k]) or WORK_RE.match(texts[k])):
            return k
    return len(texts)


def _period(texts: list[str], first: int, year: int) -> str | None:
    """The inspection's period printed in the groups' part above them ("1.时间安排：2016年5月11日—20日"): its end, with
    its start's year; None where the part prints none or one of another year."""
    part = next((k for k in range(first, -1, -1) if AREA_RE.match(texts[k])), 0)
    for text in texts[part:first]:
        if TIME_LINE_RE.match(text) and (m := PERIOD_SPAN_RE.search(text)) and int(m[1]) == year:
            return re.sub(r"\s+", "", span_end(m[0]))
    return None


def _duties_after(texts: list[str], at: int) -> tuple[str, str, list[str]] | None:
    """The part right after the groups when it is one paragraph naming its doers and a date ("三、总体目标和要求" over
    "各相关单位、部门，水利工作站要…于5月20日前完成…"): (its part's numeral, the paragraph, its doers); None otherwise."""
    if at + 1 >= len(texts) or not (part := AREA_RE.match(texts[at])):
        return None
    paragraph = texts[at + 1]
    after = texts[at + 2] if at + 2 < len(texts) else ""
    if AREA_RE.match(paragraph) or after and not _signature(after) and not AREA_RE.match(after):
        return None  # a part of several paragraphs, or none
    doers = paragraph_doers(paragraph) or _addressed(paragraph, texts)
    if not doers or not STEP_DATE_RE.search(paragraph):
        return None
    return part[1], paragraph.strip(), doers


def _addressed(paragraph: str, texts: list[str]) -> list[str]:
    """The doers before a paragraph's first "要" that the notice is addressed to ("各相关单位、各水利工作站：" above,
    "各相关单位、部门，水利工作站要…" here: 水利工作站, every station it is sent to), the kinds left open among them
    ("各相关单位", "部门") aside: a name no level opens is an office when the salutation names every one of its kind."""
    opening = re.split(r"[。；;]", paragraph, maxsplit=1)[0]
    if "要" not in opening:
        return []
    salutation = next((text for text in texts if ADDRESSEES_RE.match(text)), "")
    addressed = set(re.split(r"[、，,和及]", salutation.rstrip("：: ")))
    return [name for name in re.split(r"[、，,和及]", opening[:opening.index("要")])
            if name and not OPEN_KIND_RE.match(name) and f"各{name}" in addressed]


def _signature(text: str) -> bool:
    """A notice's signature line: its issuer's name ending the text ("平潭综合实验区农村发展局"), no sentence, or its date."""
    text = text.strip()
    return bool(re.fullmatch(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", text)) \
        or not re.search(r"[，,。；;：:\d]", text) and len(text) <= 30 and ends_like_unit(text)
