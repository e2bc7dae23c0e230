"""When a quota split over named bodies (one_paragraph.quota_rows) falls due: an admissions plan prints no date beside
its quotas but dates the steps that fill them — its group's labelled schedule ("登记时间：8月16日—18日", "抽签时间：8月25日
上午9：00", in the group or in the annex it refers to, "具体事宜详见附件1"), else a registration span naming the kind of
body the group is ("城关各私立小学、农村各小学报名时间：8月27日至28日" for "（四）民办小学招生")."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.numbering import DOTS, SUB_CODE_RE
from mstrack.sources.table.office_names import SCHOOL_END
from mstrack.sources.table.reading import Row
from mstrack.sources.table.spans import MONTH_DAY_RE, days_pattern, span_end, time_label

WHEN = r"\d{1,2}\s*月\s*\d{1,2}\s*日"
SPAN = days_pattern(WHEN, r"\d{1,2}\s*月")
# a labelled line of a schedule ("7、抽签时间：8月 25日上午9：00", "登记时间：8月 16日— 18日"): its label, its day or span
LABEL_WORDS = r"[^，,。；;：:\s]{0,12}"  # the words a time's label names its work by ("抽签", "登记")
TIME_LINE_RE = re.compile(rf"^\s*(?:\d{{1,2}}\s*[{DOTS}]\s*)?{time_label(LABEL_WORDS)}({SPAN})")
# a span labelled by whom it is for, inside a sentence ("城关各私立小学、农村各小学报名时间：8月27日至28日")
FOR_WHOM_RE = re.compile(rf"([^，,。；;：:]{{2,40}}?){time_label('报名|登记|招生', '：:为', optional=True)}({SPAN})")
ANNEX_REF_RE = re.compile(r"详见((?:附件\s*\d+\s*[、和及]?\s*)+)")
ANNEX_RE = re.compile(r"^\s*附件\s*(\d+)\s*[：:]\s*$")
# the words naming who runs a school, said two ways: a kind matched whichever word it prints
OWNERSHIP = {"公办": "公立", "民办": "私立"}
KIND_RE = re.compile(rf"^(?:[（(]\s*[一二三四五六七八九十]+\s*[）)]|[一二三四五六七八九十]+\s*[{DOTS}])?\s*"
                     rf"([\u4e00-\u9fff]{{2,10}}?)({'|'.join(SCHOOL_END)})")


def _day(text: str) -> tuple[int, int]:
    """A date's month and day, to order the dates of one year's schedule."""
    m = MONTH_DAY_RE.search(text)
    return (int(m[1]), int(m[2] or 0)) if m else (0, 0)


def _heading(text: str) -> bool:
    """A part's "三、…" or a group's "（二）…" heading on a line of its own."""
    return len(text) <= 30 and bool(AREA_RE.match(text) or SUB_CODE_RE.match(text))


def _group(rows: list[Row], at: int) -> list[str]:
    """The texts of the group the row `at` stands in: from its heading "（二）…" (or its part's "三、…") up to the next
    heading of either kind."""
    texts = [row_texts(row)[0] if len(row_texts(row)) == 1 else "" for row in rows]
    start = next((k for k in range(at, -1, -1) if _heading(texts[k])), 0)
    end = next((k for k in range(at + 1, len(texts)) if _heading(texts[k]) or ANNEX_RE.match(texts[k])), len(texts))
    return texts[start:end]


def _annex(rows: list[Row], number: str) -> list[str]:
    """The lines of the annex "附件N：" printed after the plan, up to the next annex."""
    texts = [row_texts(row)[0] if len(row_texts(row)) == 1 else "" for row in rows]
    start = next((k for k, text in enumerate(texts) if (m := ANNEX_RE.match(text)) and m[1] == number), None)
    if start is None:
        return []
    end = next((k for k in range(start + 1, len(texts)) if ANNEX_RE.match(texts[k])), len(texts))
    return texts[start + 1:end]


def _kind(words: str) -> tuple[str, str] | None:
    """The kind of school words name ("城关各私立小学" → ("城关私立", "小学"), "（四）民办小学招生" → ("私立", "小学")): its
    qualifiers without 各, who runs it said one way (OWNERSHIP), and its ending."""
    m = KIND_RE.match(words.strip())
    if not m:
        return None
    qualifier = m[1].replace("各", "")
    for word, same in OWNERSHIP.items():
        qualifier = qualifier.replace(word, same)
    return qualifier, m[2]


def _same_kind(group: tuple[str, str], named: tuple[str, str]) -> bool:
    """Whether a span's body is of the group's kind: one's qualifiers inside the other's ("私立" in "城关私立"), the
    endings alike or one of them 学校 (any school)."""
    return bool(group[0] and named[0]) and (group[0] in named[0] or named[0] in group[0]) \
        and (group[1] == named[1] or "学校" in (group[1], named[1]))


def quota_due(rows: list[Row], at: int) -> str:
    """The day the quotas of the paragraph at row `at` fall due: the latest day of its group's labelled schedule
    (TIME_LINE_RE), in the group or in an annex it refers to ("详见附件1"); else the end of a registration span the
    document labels by the group's kind of school (FOR_WHOM_RE, _same_kind); "" when none dates it."""
    group = _group(rows, at)
    lines = list(group)
    for ref in ANNEX_REF_RE.finditer("".join(group)):
        for number in re.findall(r"\d+", ref[1]):
            lines += _annex(rows, number)
    days = [re.sub(r"\s+", "", span_end(m[1])) for line in lines if (m := TIME_LINE_RE.match(line))]
    if days:
        return max(days, key=_day)
    kind = _kind(group[0]) if group else None
    if kind is None:
        return ""
    for row in rows:
        for text in row_texts(row):
            for m in FOR_WHOM_RE.finditer(text):
                if any((named := _kind(name)) and _same_kind(kind, named) for name in re.split(r"[、和及]", m[1])):
                    return re.sub(r"\s+", "", span_end(m[2]))
    return ""
