"""What a table's progress columns say was done, per indicator, for `import table --progress-as-of` (split from
build.py): each figure is given to the indicator its words name, one figure to one indicator, from a column whose
period covers the date; a figure that cannot be given so is a doubt, never a value."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import NamedTuple

from mstrack.domain.dates import PERIOD_RE, DateError, period_end
from mstrack.domain.progress import approximate, check_value, done_value, done_word, far_above_target
from mstrack.domain.quantities import QuantityError, parse_quantity
from mstrack.errors import InputError, Joined, Message
from mstrack.model import Indicator, Task
from mstrack.sources.progress_cells import split_remark, unit_bracket
from mstrack.sources.rows import clip
from mstrack.sources.table.figure_names import content_words
from mstrack.sources.table.mentions import Mention, find_mentions
from mstrack.sources.table.numbers import UNITS, unit_key
from mstrack.sources.table.raw import RawTask
from mstrack.sources.table.reading import Row, place, places
from mstrack.vocabulary import QUANTITY

RATE_HEADER_RE = re.compile(r"率|比|%|％")
YES_NO_HEADER_RE = re.compile(r"^\s*是否")  # 是否达序时进度: 是 / 否, no figure of the work
# words an indicator's name may end with that name no thing counted ("…充电端口设施建设"): its head is the words before
RISE_RE = re.compile(r"(?:增长|增加|提高|提升)$")  # "增长10.2%" names how, not what: the indicator's own figure (a fall, 下降, is not)
GENERIC_TAIL_RE = re.compile(r"(?:建设|改造|提升|创建|工程|项目|任务|工作|数量|总数|数)$")


class Reported(NamedTuple):
    """One progress figure of a task: the value for `indicator`, or None and `why` when it cannot be given."""
    programme: str
    task: str
    indicator: str
    value: int | float | None
    cell: str  # the cell as printed (clipped), as a doubt quotes it
    header: str = ""  # the progress column it is in
    note: str = ""  # the progress sheet's 备注: the row's 备注 cell, and the cell's own words where it is no bare figure
    row: int = 0  # the source row
    periods: tuple[date, ...] = ()  # the ends of the periods the column's header names ("1-10月推进情况": 10-31)
    why: Message | None = None  # why no value is given; of a cell that gives no indicator a figure, indicator is ""
    warning: Message | None = None  # what is said of the value written ("约5": approximate), as `import progress` says it
    paragraphs: bool = False  # the source row is a Word document's paragraph (reading.place: "paragraph 8")
    part: Message | None = None  # the document's part it is in, when several were joined (table.parts: "table 2 (附件2)")


def head(name: str) -> str:
    """The last two content characters of an indicator's name, what a figure's words must print to count for it
    ("新增四分类三定一督达标小区" → 小区); "" when its name has none (a verb alone: "新增")."""
    words = content_words(name)
    while len(words) > 2 and GENERIC_TAIL_RE.search(words):
        words = GENERIC_TAIL_RE.sub("", words)
    return words[-2:] if len(words) >= 2 else ""


def _longest_common(a: str, b: str) -> int:
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _own_words(mention: Mention) -> str:
    """What a figure's words name ("已建成建筑垃圾中转站3个" → 建成建筑垃圾中转站); "" for a bare verb ("已完成12座")."""
    words = RISE_RE.sub("", re.sub(r"^(?:已|正在|第一批|第\S批)+", "", content_words(mention.verbs + mention.noun)))
    return words if len(words) >= 2 else ""


def naming(indicator: Indicator, mention: Mention) -> int:
    """How well a figure's words name an indicator: the length of the words both print; 0 when the figure's words
    neither print the indicator's head noun nor are part of its name ("451个厢房" does not count 达标小区, "培训188人"
    counts 培训应急救护人员)."""
    own, name = _own_words(mention), content_words(indicator.name)
    if own and own in name:
        return len(own)
    if len(noun := RISE_RE.sub("", content_words(mention.noun))) >= 2 and noun[-2:] in name:  # "14个住宅小区" counts 小区…充电设施
        return _longest_common(name, noun)
    if not own or not (counted := head(indicator.name)) or counted not in own:
        return 0
    return _longest_common(name, own)


def reported_values(raw: RawTask, task: Task, programme: str, year: int, paragraphs: bool = False) -> list[Reported]:
    """Every figure the progress columns of a task give, each given to one indicator or said why not; a cell that
    gives none is said too (indicator ""), never dropped unseen. A cell that is one figure as a whole (a bare number,
    "约5", a done word 已完成) is read by `import progress`'s own rule (_whole) as the value of its row's one indicator;
    a figure in words goes to the indicator in its unit whose head noun its words print (the best named first), or,
    when its words name nothing ("新增81台"), to the one indicator in that unit no other figure named. Rate and yes/no
    columns are left out."""
    found: list[Reported] = []
    given: set[tuple[str, str]] = set()  # (column, indicator)
    for raw_line, line in zip(raw.lines, task.lines, strict=False):
        for header, text in raw_line.reported:
            if RATE_HEADER_RE.search(header) or YES_NO_HEADER_RE.match(header) or not text.strip():
                continue
            base = {"programme": programme, "task": raw.code, "cell": clip(text, 200), "header": header,
                    "row": raw_line.row.number, "periods": _periods(header, year), "paragraphs": paragraphs}
            remark = raw_line.remarks.get(header, "")
            wanted = [i for i in line.indicators if (header, i.name) not in given]
            text, bracket = _bracketed(text, line.indicators)  # "300（预计）": 300, its remark 预计 (import progress's split)
            remark = "；".join(part for part in (remark.strip(), bracket) if part)
            whole = _whole_figure(text)
            if whole is not None and (whole or len(line.indicators) == 1 or not _counted(text)):
                readings = _whole(text, whole, wanted, line.indicators, {**base, "note": _joined(remark, text, whole)})
                readings = [_with_bracket(r, bracket) for r in readings] if bracket else readings
            else:
                readings = _in_words(text, wanted, {**base, "note": _joined(remark, text, whole)})
            if not readings and (wanted or not line.indicators):  # nothing in it for any indicator: said, not dropped
                readings = [Reported(indicator="", value=None, **base)]
            for reading in readings:
                found.append(reading)
                if reading.indicator:
                    given.add((header, reading.indicator))
    return found


def _bracketed(text: str, indicators: list[Indicator]) -> tuple[str, str]:
    """A cell that is one figure with a remark in its bracket ("300（预计）", "80%(进度滞后)"): the figure and the remark,
    as `import progress` splits a value cell (sources.progress_cells.split_remark; a unit's own bracket, "1.2万套（间）",
    stays: unit_bracket); any other cell as printed, and ""."""
    if "(" not in text and "（" not in text:
        return text, ""
    value, remark = split_remark(text)
    unit = indicators[0].unit if len(indicators) == 1 else ""
    value, remark = unit_bracket(text.strip(), value, remark, unit)
    if remark is None or _whole_figure(value) is None:
        return text, ""
    return value, remark


def _with_bracket(reading: Reported, bracket: str) -> Reported:
    """A figure written from a cell with a remark in its bracket: said, the remark ("预计") a doubt on the figure."""
    if reading.value is None:
        return reading
    said = Message("“{cell}”: {value} written, its bracket “{bracket}” kept as its note", cell=reading.cell,
                   value=reading.value, bracket=bracket)
    return reading._replace(warning=Joined("; ", [reading.warning, said]) if reading.warning else said)


def _whole_figure(text: str) -> bool | None:
    """Whether a cell is one figure as a whole, as `import progress` reads a value cell: True for a done word (已完成),
    False for a quantity ("300", "约5", "2.5万", "12座": a unit the reader knows, not "3个计划开工项目已全部开工"); None
    for words."""
    if done_word(text.strip()):
        return True
    try:
        quantity = parse_quantity(text.strip())
    except QuantityError:
        return None
    return False if not quantity.unit or quantity.unit in UNITS else None


def _counted(text: str) -> bool:
    """Whether a figure prints its unit ("5个"): among several indicators, the one in its unit may take it (_in_words)."""
    return bool(parse_quantity(text.strip()).unit)


def _joined(remark: str, text: str, whole: bool | None) -> str:
    """A written value's 备注: the row's 备注 cell, and the cell's own words where they are more than the figure (a
    done word joins the note as `import progress` joins it; "已完成12座，占60%" is kept; "300" or "约5" is not)."""
    own = "" if whole is False else text.strip()
    return "；".join(part for part in (remark.strip(), own) if part)


def _whole(text: str, done: bool, wanted: list[Indicator], indicators: list[Indicator], base: dict) -> list[Reported]:
    """A cell that is one figure as a whole, the value of its row's one indicator read as `import progress` reads it
    (a done word: the indicator's target, domain.progress.done_value; a quantity checked by check_value, "约5" said
    approximate); a doubt when the row has several indicators or none, or the figure cannot be stored."""
    if not wanted:  # given already by a cell merged over this column
        return []
    if len(indicators) != 1:
        return [Reported(indicator=i.name, value=None, **base, why=Message(
            "task {code}: “{cell}” is one figure for {n} indicators ({names}): not written; enter each one's progress "
            "with `log` or `import progress`", code=base["task"], cell=base["cell"], n=len(indicators),
            names="、".join(i.name for i in indicators))) for i in wanted]
    indicator = wanted[0]
    label = f"{base['programme']}/{base['task']} {indicator.name}"
    try:
        if done:
            value = done_value(kind=QUANTITY, comparator=indicator.comparator, target=indicator.target,
                               dues=[m.due for m in indicator.milestones], unit=indicator.unit, indicator=indicator.name,
                               word=text.strip(), on=date.max)  # the date counts a text-only line's checkpoints only
            warnings: list[Message] = []
        else:
            value, warnings = check_value(text.strip(), indicator.unit, indicator.name, comparator=indicator.comparator)
            if parse_quantity(text.strip()).approx:
                warnings.append(approximate(indicator.name, text.strip(), value))
    except InputError as error:
        return [Reported(indicator=indicator.name, value=None, **base, why=Message(
            "task {code}, “{name}”: {error}: not written", code=base["task"], name=indicator.name, error=error))]
    if far := far_above_target(label, value, indicator.unit, indicator.comparator, indicator.target):
        warnings.append(far)
    return [Reported(indicator=indicator.name, value=value, **base,
                     warning=Joined("; ", warnings) if warnings else None)]


def progress_cells(layout, row: Row) -> list[tuple[str, str]]:
    """The row's progress cells, (header, text): a cell merged across two progress columns (1-10月 and 1-11月
    推进情况, the same words in each) is read once, under both headers ("1-10月推进情况｜1-11月推进情况"), since its
    figures hold at the end of either period (_periods reads both)."""
    found = layout.texts(row, "progress")
    columns = layout.by_kind.get("progress", [])
    out = []
    for column, text in found:
        headers = [column.header]
        for after in columns:
            if after.index == column.index + len(headers) and after.index < len(row.cells) and row.cells[after.index] == text \
                    and all(after is not c for c, _ in found):
                headers.append(after.header)
        out.append(("｜".join(headers), text))
    return out


def progress_remarks(layout, row: Row, reported: list[tuple[str, str]]) -> dict[str, str]:
    """Each progress cell's 备注, by its header: the 备注 column of its own group (一季度完成情况 over 累计完成 | 备注),
    else the row's 备注 columns that are in no group; "" for none."""
    notes = layout.texts(row, "note")
    grouped = {column.header.split("/")[0]: text for column, text in notes if "/" in column.header}
    plain = "；".join(text for column, text in notes if "/" not in column.header)
    return {header: grouped.get(header.split("/")[0], "") if "/" in header and grouped else plain
            for header, _ in reported}


def progress_text(layout, row: Row) -> str:
    """The row's progress cells as the task's `progress` text: each labelled by its column's period, or its header,
    when the table has several progress columns ("一季度：300\n二季度：750"), so that a figure says which it is."""
    cells = progress_cells(layout, row)
    if len(layout.by_kind.get("progress", [])) < 2:
        return "\n".join(text for _, text in cells).strip()
    return "\n".join(f"{_label(header)}：{text}" for header, text in cells).strip()


def _label(header: str) -> str:
    """A progress column as its cell is labelled: the periods its header names ("一季度完成情况/累计完成" → 一季度), else its
    header (of a merged cell, each header's)."""
    periods = [m[0] for m in PERIOD_RE.finditer(header)]
    return "、".join(dict.fromkeys(periods)) if periods else header


def _periods(header: str, year: int) -> tuple[date, ...]:
    """The ends of the periods a progress column's header names ("1-10月推进情况": 10-31); a cell merged over two
    columns (row_lines) has both."""
    ends = []
    for m in PERIOD_RE.finditer(header):
        try:
            ends.append(period_end(m[0], year))
        except DateError:  # pragma: no cover - a label PERIOD_RE finds is a period
            continue
    return tuple(ends)


# "剩余1户", "尚有3个未完成": what is left of the work, not what was done
REMAINDER_RE = re.compile(r"(?:剩余|尚余|还剩|余下|剩下|尚有|还有|未完成)\s*$")


def _in_words(text: str, indicators: list[Indicator], base: dict) -> list[Reported]:
    mentions = [m for m in find_mentions(text) if not REMAINDER_RE.search(m.verbs)]  # a remainder is no progress done
    pairs = sorted(((naming(i, m), n, k) for k, i in enumerate(indicators) for n, m in enumerate(mentions)
                    if m.unit and unit_key(m.unit) == unit_key(i.unit)), key=lambda p: -p[0])
    taken: dict[int, int] = {}  # indicator → mention
    used: set[int] = set()
    for score, n, k in pairs:
        if score == 0 or k in taken or n in used:
            continue
        rivals = [p for p in pairs if p[0] == score and p[2] == k and p[1] not in used and p[1] != n
                  and mentions[p[1]].value != mentions[n].value]
        if rivals:  # two figures named alike: which one counts is for a person to say
            continue
        taken[k] = n
        used.add(n)
    out = []
    for k, indicator in enumerate(indicators):
        if k in taken:
            out.append(Reported(indicator=indicator.name, value=mentions[taken[k]].value, **base))
            continue
        same = [n for n, m in enumerate(mentions) if m.unit and unit_key(m.unit) == unit_key(indicator.unit) and n not in used]
        if not same:
            continue
        unnamed = [n for n in same if not _own_words(mentions[n])]
        others = [j for j, i in enumerate(indicators) if j != k and j not in taken and unit_key(i.unit) == unit_key(indicator.unit)]
        if len(unnamed) == 1 and len(same) == 1 and not others:  # "新增81台" after "完工52台" went to 完工
            used.add(unnamed[0])
            out.append(Reported(indicator=indicator.name, value=mentions[unnamed[0]].value, **base))
            continue
        out.append(Reported(indicator=indicator.name, value=None, **base, why=Message(
            "task {code}, “{name}”: no figure of “{figures}” names it by its words: not written; enter its progress "
            "with `log` or `import progress`", code=base["task"], name=indicator.name,
            figures="、".join(mentions[n].excerpt for n in same))))
    return out


def as_of(readings: list[Reported], on: date, path: Path) -> tuple[list[tuple], list[Message], list[Message]]:
    """The rows of the progress sheet as of `on` (programme, task, indicator, value, note), the doubts, and what is
    said of values written (an approximate figure): a figure from a column whose period ends in another month than
    `on`'s is no reading as of `on` (said once a column, unless another column of the same row covers the date), nor a
    figure no indicator's words name; the cells of a column that give no figure are said once a column."""
    rows, doubts, warnings = [], [], []
    covered = {(r.task, r.row) for r in readings if _covers(r.periods, on)}
    said: set[str] = set()
    usable = []
    for r in readings:
        if _covers(r.periods, on):
            usable.append(r)
        elif (r.task, r.row) not in covered and r.header not in said:
            said.add(r.header)
            doubts.append(Message("{path}: column {column}: progress to {end}, not as of {date}: its figures are not "
                                  "written (give --progress-as-of {end} to write them)", path=path.name,
                                  column=r.header, end=r.periods[-1], date=on))
    valued = {(r.programme, r.task, r.indicator) for r in usable if r.value is not None}
    seen: set[tuple] = set()
    figureless: dict[tuple, list[Reported]] = {}  # (part, column) → its cells that give no indicator a figure
    for r in usable:  # one value an indicator: the first column's that gives one
        if not r.indicator:
            figureless.setdefault((r.part, r.header), []).append(r)
            continue
        key = (r.programme, r.task, r.indicator)
        if key in seen or (r.value is None and key in valued):
            continue
        seen.add(key)
        if r.value is None:
            doubts.append(_at(path, r, r.why))
        else:
            rows.append((r.programme, r.task, r.indicator, r.value, r.note))
            if r.warning is not None:
                warnings.append(_at(path, r, r.warning))
    for (part, header), cells in figureless.items():
        source = Message("{path}, {part}", path=path.name, part=part) if part else path.name
        doubts.append(Message(
            "{path}: {rows}, column {column}: {cells}: no figure given to an indicator (words only, or a text-only "
            "task): not written; enter their progress with `log` or `import progress`", path=source,
            rows=places(path, [r.row for r in cells], cells[0].paragraphs), column=header,
            cells="、".join(f"“{clip(r.cell, 30)}”" for r in cells[:3]) + ("…" if len(cells) > 3 else "")))
    return rows, doubts, warnings


def _at(path: Path, r: Reported, what: Message) -> Message:
    """What is said of one reading, at its cell: "n.docx, table 2 (附件2): row 3, column 上半年进展情况: …"."""
    source = Message("{path}, {part}", path=path.name, part=r.part) if r.part else path.name
    return Message("{path}: {at}", path=source, at=Message(
        "{row}, column {column}: {why}", row=place(path, r.row, r.paragraphs), column=r.header, why=what))


def _covers(periods: tuple[date, ...], on: date) -> bool:
    """A column with no period ("完成情况") is read as of any date; "1-11月推进情况" as of a day in November."""
    return not periods or any((end.year, end.month) == (on.year, on.month) for end in periods)
