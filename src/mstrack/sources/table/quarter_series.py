"""A schedule cell's figures listed by 、 for the quarters of the year, or for the periods it names, written out under
their period labels ("一季度…", "上半年…") so that the schedule reader dates each one."""

from __future__ import annotations

import re

from mstrack.domain.dates import PERIOD_LABEL
from mstrack.sources.table.numbers import UNITS
from mstrack.sources.table.schedule import MARKER_RE

FIGURE = r"\d+(?:\.\d+)?"
UNIT = rf"(?:[万亿]?(?:{'|'.join(re.escape(u) for u in UNITS)})|[万亿])"  # units of measure only: "1、2、3、4号楼" is none
CLAUSE_START = r"(?:^|(?<=[，,；;。：:\n)）]))"
# "累计完成0.26、0.67、1.04、1.5亿元", "分别完成270万元、540万元、810万元、1080万元": four figures of one unit and nothing
# else between them, one for each quarter (cumulative or not: the amounts reader tells, period_amounts / series)
QUARTERS_RE = re.compile(rf"{CLAUSE_START}(?P<words>[^，,；;。：:、\d\n]*?)"
                         rf"(?P<figures>{FIGURE}(?:{UNIT})?(?:、{FIGURE}(?:{UNIT})?){{3}})(?![、\d.])")
# "半年、年度用水总量分别控制在0.24亿m³、0.47亿m³以内": periods listed by 、 and their figures after 分别, in that order
PERIOD_WORDS = {"一季度": "一季度", "二季度": "二季度", "三季度": "三季度", "四季度": "四季度", "半年": "上半年",
                "上半年": "上半年", "下半年": "下半年", "年度": "全年", "全年": "全年"}
_PERIOD = "|".join(sorted(PERIOD_WORDS, key=len, reverse=True))
EACH_PERIOD_RE = re.compile(rf"{CLAUSE_START}(?P<before>[^，,；;。：:、\d\n]*?)(?P<periods>(?:{_PERIOD})(?:、(?:{_PERIOD}))+)"
                            rf"(?P<name>[^，,；;。：:、\d\n]*?)分别(?P<verb>[^，,；;。：:、\d\n]*?)"
                            rf"(?P<figures>{FIGURE}(?:{UNIT})?(?:、{FIGURE}(?:{UNIT})?)+)(?P<after>[^，,；;。、\d\n(（]*)")
QUARTERS = ("一季度", "二季度", "三季度", "四季度")


# "1、推进…工作(一季度:制定…。二季度:…)": quarters in a bracket after the item, each a step of its own
BRACKETED_PERIOD_RE = re.compile(rf"[（(](?=\s*(?:{PERIOD_LABEL})\s*[:：])")
# "续建项目3月底前复工建设": a month's date after the clause's subject, in a cell that starts no clause with a date
DATE_BEFORE = (r"(?:\d{4}\s*年\s*)?(?:1[0-2]|[1-9])\s*月\s*(?:(?:[12]\d|3[01]|[1-9])\s*日|底|末|份)?"
               r"|\d{4}\s*[/.]\s*(?:1[0-2]|[1-9])\s*[/.]\s*(?:[12]\d|3[01]|[1-9])")  # "3月底", "2018年3月31日", "2018/3/31"
MONTH_INSIDE_RE = re.compile(rf"^(?P<subject>[^，,；;。：:\d\n]{{2,12}}?)(?P<label>(?:{DATE_BEFORE})\s*之?前)"
                             r"(?P<rest>[^；;。\n]+)$")


def labelled_series(text: str) -> str:
    """The cell with each such series written out one clause a period, each bracket of quarters opened as steps, and
    each clause dated after its subject dated at its start ("3月底前：续建项目复工建设") where no clause starts with a
    date; otherwise left as printed."""
    text = EACH_PERIOD_RE.sub(_each_period, text)
    text = BRACKETED_PERIOD_RE.sub("；", QUARTERS_RE.sub(_quarters, text))
    if MARKER_RE.search(text):
        return text
    clauses = re.split(r"([；;。\n])", text)
    moved = [m and f"{m['label']}：{m['subject']}{m['rest']}" for m in map(MONTH_INSIDE_RE.match, clauses)]
    return "".join(new or old for new, old in zip(moved, clauses, strict=True)) if any(moved) else text


def _figures(series: str) -> list[tuple[str, str]] | None:
    """(number, unit) of each figure of a series, the unit printed once at the end given to all; None where two units
    differ."""
    found = re.findall(rf"({FIGURE})({UNIT})?", series)
    units = {unit for _, unit in found if unit}
    if len(units) != 1 or not found[-1][1]:
        return None
    unit = units.pop()
    return [(number, unit) for number, _ in found]


def _quarters(m: re.Match) -> str:
    figures = _figures(m["figures"])
    if figures is None:
        return m[0]
    words = re.sub(r"^分别|分别", "", m["words"].strip())
    return "；".join(f"{quarter}：{words}{number}{unit}" for quarter, (number, unit) in zip(QUARTERS, figures, strict=True))


def _each_period(m: re.Match) -> str:
    periods = [PERIOD_WORDS[p] for p in m["periods"].split("、")]
    figures = _figures(m["figures"])
    if figures is None or len(figures) != len(periods):
        return m[0]
    name = m["before"].strip() + m["name"].strip()
    return "；".join(f"{period}：{name}{m['verb']}{number}{unit}{m['after']}"
                    for period, (number, unit) in zip(periods, figures, strict=True))
