"""A document of parts printed on lines of their own, one of them over numbered items and the others each over one
paragraph ("一、高度重视拥军优属工作" / "各医疗卫生计生单位要…。", "二、强化…措施" / "1．…" "2．…", "三、深入开展义诊进军营活动" /
"…由局医政处牵头、局综合处配合，…，各医疗机构要…。"): the items are the list read (coded 二1 …), and each part over one
paragraph that names its doers is a task of its own beside them, coded by the part (一), titled by its name (a name on
a line of its own over its paragraph: tests/data/tables/README.md), the paragraph's doers its offices. For the
best-effort reading (list_fallback), after its list is read."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.columns import Column
from mstrack.sources.table.list_deadlines import PERIOD_HEADING_RE
from mstrack.sources.table.list_doer_lines import NAME_MAX
from mstrack.sources.table.list_doers import paragraph_doers
from mstrack.sources.table.list_groups import heading_row
from mstrack.sources.table.list_sections import CLOSING_RE, DATED_RE, NUMBERING_RE
from mstrack.sources.table.reading import Row, Sheet
from mstrack.sources.table.units import role_read
from mstrack.vocabulary import CONTENTS_HEADING, PLAN_FRAMING_HEADING

# "一、指导思想", "五、活动内容", "一、总体要求和目标": no task's name
FRAMING_RE = re.compile(rf"(?:{PLAN_FRAMING_HEADING}|{CONTENTS_HEADING})(?:[和及与、](?:{PLAN_FRAMING_HEADING}|{CONTENTS_HEADING}))*")
# a section's label, no measure's name ("二、检查对象和重点", "三、工作原则", "一、基本情况", "四、主要任务及职责分工"); a
# part on why the work matters, whichever word names it ("一、充分认识…的重要意义", "…的重要性", "…的必要性"), is the
# plan's framing, its paragraph no duty (a part naming the attitude and the work, "一、高度重视拥军优属工作", is a measure)
SECTION_LABEL_RE = re.compile(r"(?:原则|情况|对象|主题|思路|重点|范围|分工|任务|安排|步骤|内容|目标|职责|机构|依据|意义|方式|方法|"
                              r"时间|地点|标准|程序|流程|成效|问题|打算|重要性|必要性|紧迫性)$")
NAME_MIN = 6  # a measure's name says what is done ("高度重视拥军优属工作", "提高思想认识"); a label is shorter ("组织实施")
ROLE_CLAUSE_RE = re.compile(r"^由\s*(\S.*)$")  # "由局医政处牵头、局综合处配合": the roles of the part's work
DOERS_CELL = "牵头单位：{leads}；配合单位：{units}"  # the paragraph's offices, labelled as a line under an item is


def paragraph_parts(table: Sheet, columns: list[Column], sheets: list[Sheet]) -> None:
    """The parts of the document that stand over one paragraph naming its doers (_part_task), beside a list read under
    another part (its heading a row of `table`): each added to `table` as a task coded by its part, in the document's
    order. The last part's paragraph may be followed by the document's closing lines ("…请于活动结束5日内报送…"): only
    its first paragraph is the part's."""
    read = [row for row in table.rows if row.number]
    task = next((c.index for c in columns if c.kind == "task"), None)
    seq = next((c.index for c in columns if c.kind == "seq"), None)
    lead = next((c.index for c in columns if c.kind in ("lead", "units")), None)
    if table.parts < 2 or task is None or seq is None or lead is None \
            or not any(heading_row(row) and AREA_RE.match(row.cells[0]) for row in read):
        return
    numbers = {row.number for row in read}
    source = next((sheet for sheet in sheets if any(row.number in numbers for row in sheet.rows)), None)
    rows = source.rows if source is not None else []
    parts = [k for k, row in enumerate(rows) if part_heading(row) is not None]
    width = len(table.rows[0].cells)
    added = []
    for at, k in enumerate(parts):
        if rows[k].number in numbers or k + 1 >= len(rows) or rows[k + 1].number in numbers:
            continue
        end = parts[at + 1] if at + 1 < len(parts) else len(rows)
        below = [row_texts(row) for row in rows[k + 1:end]]
        if not below or any(len(texts) != 1 or NUMBERING_RE.match(texts[0]) for texts in below) \
                or len(below) > 1 and at + 1 < len(parts):  # a part over several paragraphs, or over items: none
            continue
        if (found := _part_task(part_heading(rows[k]), below[0][0])) is not None:
            cells = [""] * width
            (cells[seq], cells[task]), cells[lead] = found[:2], found[2]
            added.append(Row(rows[k].number, cells))
    for row in added:
        at = next((j for j, other in enumerate(table.rows) if other.number > row.number), len(table.rows))
        table.rows.insert(at, row)


def part_heading(row: Row) -> re.Match | None:
    """A part's heading "一、…" on a line of its own that names a measure: six characters to forty, no stop or clause
    mark, no date, not a closing section's ("五、保障措施") nor its requirements' ("七、其他要求"), a plan's framing ("一、
    指导思想", "二、工作目标"), its contents' or its period's, nor a section's label ("二、检查对象和重点", "一、基本情况")."""
    texts = row_texts(row)
    m = AREA_RE.match(texts[0]) if len(texts) == 1 else None
    if m is None:
        return None
    words = m[2].strip().rstrip("。")
    if not NAME_MIN <= len(words) <= NAME_MAX or re.search(r"[，,。；;：:]", words) or DATED_RE.search(words) \
            or CLOSING_RE.search(words) or SECTION_LABEL_RE.search(words) \
            or FRAMING_RE.fullmatch(words) or PERIOD_HEADING_RE.match(texts[0]):
        return None
    return m


def _part_task(heading: re.Match, paragraph: str) -> tuple[str, str, str] | None:
    """(the part's numeral, its name, its offices' cell) for a part's one paragraph that names its doers: a clause of
    roles ("由局医政处牵头、局综合处配合": the lead and its helpers) and the subjects of its sentences ("各医疗机构要…":
    list_doers.paragraph_doers), the first lead where no role is said; None for a paragraph naming none."""
    leads: list[str] = []
    units: list[str] = []
    for clause in re.split(r"[，,。；;]", paragraph):
        if (m := ROLE_CLAUSE_RE.match(clause.strip())) and (roles := role_read(m[1])) is not None and roles[0]:
            leads += [name for name in roles[0] if name not in leads]
            units += [name for name in roles[1] if name not in units]
    doers = [name for name in paragraph_doers(paragraph) if name not in leads and name not in units]
    if not leads and doers:
        leads, doers = doers[:1], doers[1:]
    if not leads:
        return None
    units += doers
    cell = DOERS_CELL.format(leads="、".join(leads), units="、".join(units)) if units else "、".join(leads)
    return heading[1], heading[2].strip().rstrip("。"), cell
