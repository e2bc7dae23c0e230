"""Schedule text cut into dated periods: the period labels ("一季度", "3月底前", "7-9月") and sub-project headings."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from mstrack.domain.quantities import DateError, month_end, parse_date

QUARTER_NUM = r"[一二三四1-4]"
QUARTER_LABEL = rf"第?{QUARTER_NUM}(?:\s*[、,，和及至到\-—~]\s*第?{QUARTER_NUM})*\s*季度(?:末|底)?(?:前)?|[Qq][1-4](?![0-9])"
MONTH_NUM = r"(?:1[0-2]|0?[1-9])(?![0-9.])"
MONTH_LABEL = (
    rf"(?:20\d\d\s*年\s*)?{MONTH_NUM}\s*(?:月份?)?\s*[-—–~～至到]\s*{MONTH_NUM}\s*月份?(?:底前|底|末|前)?"
    rf"|(?:20\d\d\s*年\s*)?{MONTH_NUM}\s*月(?:\s*(?:[12]\d|3[01]|0?[1-9])\s*日)?(?:上旬|中旬|下旬|份前|份|底前|底|末|前)?"
)
YEAR_LABEL = r"上半年|下半年|全年|年底前|年底|年内|年末"
LABEL = rf"(?:{QUARTER_LABEL}|{MONTH_LABEL}|{YEAR_LABEL})"
LABEL_RE = re.compile(LABEL)
# A period starts a checkpoint only at the start of the cell or after a sentence break, so that
# "开展7-9月份测评" stays text; "1.4月底前" in a numbered list is item 1, April.
MARKER_RE = re.compile(rf"(?:^|(?<=[\s。；;！!？?：:]))(?:\d{{1,2}}[.．、]\s*)?(?P<label>{LABEL})[，,：:、\s]*")


def parse_label(label: str, year: int) -> date:
    """Due date of a period label: "一、二季度" → the later quarter's end, "7-9月" → 9-30, "全年" → 12-31."""
    text = unicodedata.normalize("NFKC", label).replace(" ", "")
    explicit = re.match(r"(20\d\d)年", text)
    if explicit:
        year = int(explicit[1])
        text = text[explicit.end():]
    if "季度" in text or re.fullmatch(r"[Qq][1-4]", text):
        quarters = [{"一": 1, "二": 2, "三": 3, "四": 4}.get(c, 0) or int(c) for c in re.findall(r"[一二三四1-4]", text)]
        return month_end(year, max(quarters) * 3)
    if text.startswith("上半年"):
        return date(year, 6, 30)
    if text.startswith(("下半年", "全年", "年底", "年内", "年末")):
        return date(year, 12, 31)
    months = [int(n) for n in re.findall(r"\d+(?=\s*月)", text)] or [int(n) for n in re.findall(r"\d+", text)[:1]]
    if not months:
        raise DateError("{label!r} is not a period", label=label)
    month = months[-1]
    day = re.search(r"月(\d{1,2})日", text)
    if day:
        try:
            return date(year, month, int(day[1]))
        except ValueError:
            raise DateError("{label!r} is not a date: {year}-{month:02d}-{day:02d} does not exist", label=label, year=year,
                            month=month, day=int(day[1])) from None
    if text.endswith("上旬"):
        return date(year, month, 10)
    if text.endswith("中旬"):
        return date(year, month, 20)
    if text.endswith("前") and not text.endswith(("底前", "份前", "末前")) and not re.search(r"[-—–~～至到]", text):
        return month_end(year, month - 1) if month > 1 else date(year - 1, 12, 31)  # "10月前": before October
    return month_end(year, month)

# --- schedule text into periods ----------------------------------------------------------------


@dataclass
class Block:
    """One sub-project of a schedule cell: its heading ("（1）新增养老机构床位300张") and its periods."""

    heading: str = ""
    number: str | None = None
    periods: list[tuple[str, date, str]] = field(default_factory=list)  # (label, due, text)
    undated: str = ""


HEAD_NUMBER_RE = re.compile(r"^[（(]\s*(\d+)\s*[）)]\s*")
HEAD_COLON_RE = re.compile(r"^([^，,。；;：:\n]{2,40}?)\s*[：:]\s*")


def split_schedule(text: str, year: int) -> list[Block]:
    """Cut a schedule cell at its period labels ("3月底前", "一季度", "全年") and sub-headings."""
    blocks = [Block()]
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        number = None
        if m := HEAD_NUMBER_RE.match(line):
            number, rest = m[1], line[m.end():]
            first = MARKER_RE.search(rest)
            heading, body = (rest[: first.start()], rest[first.start():]) if first else (rest, "")
            blocks.append(Block(heading.strip(), number))
            line = body
        elif (m := HEAD_COLON_RE.match(line)) and not LABEL_RE.match(m[1]) and not MARKER_RE.match(line):
            blocks.append(Block(m[1].strip(), blocks[-1].number))
            line = line[m.end():]
        _add_periods(blocks, line, year)
    return [b for b in blocks if b.heading or b.periods or b.undated.strip()]


def _add_periods(blocks: list[Block], line: str, year: int) -> None:
    markers = list(MARKER_RE.finditer(line))
    lead = line[: markers[0].start()] if markers else line
    if lead.strip():
        block = blocks[-1]
        if block.periods:
            label, due, body = block.periods[-1]
            block.periods[-1] = (label, due, body + lead.strip())
        else:
            block.undated += lead.strip()
    for i, m in enumerate(markers):
        end = markers[i + 1].start() if i + 1 < len(markers) else len(line)
        label = re.sub(r"\s+", "", m["label"])
        due = parse_label(label, year)
        block = blocks[-1]
        if len(block.periods) >= 2 and due < block.periods[-1][1]:
            block = Block("", block.number)  # a sequence of periods starts over: another sub-project
            blocks.append(block)
        same = [k for k, (_, d, _) in enumerate(block.periods) if d == due]
        if same:
            k = same[0]  # "全年…" after the fourth quarter: one checkpoint
            block.periods[k] = (block.periods[k][0], due, block.periods[k][2] + line[m.start(): end])
        elif block.periods and due < block.periods[-1][1]:
            block.periods.append((label, due, line[m.end(): end]))
            block.periods.sort(key=lambda p: p[1])
        elif block.periods and due == block.periods[-1][1]:
            old_label, old_due, old_body = block.periods[-1]  # "全年…" after the fourth quarter: one checkpoint
            block.periods[-1] = (old_label, old_due, old_body + line[m.start(): end])
        else:
            block.periods.append((label, due, line[m.end(): end]))


def parse_deadline(text: str, year: int) -> date | None:
    """完成时限 as printed: "2023.11", "12月底前", "9月投入使用", "5月底前动工"; None when no date is named."""
    body = text.strip()
    if not body:
        return None
    try:
        return parse_date(body, year)
    except DateError:
        pass
    labels = list(LABEL_RE.finditer(re.sub(r"\s+", "", body)))
    try:
        return parse_label(labels[-1][0], year) if labels else None
    except DateError:
        return None
