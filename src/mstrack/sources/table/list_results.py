"""Whether the title or the sentence above a list reports results ("…完成情况报告") rather than sets out a programme:
such a list is refused (headerless.py), the refusal naming the line and its words."""

from __future__ import annotations

import re

from mstrack.sources.rows import clip
from mstrack.vocabulary import ESTIMATE_VERBS, PAST_YEAR, PROMISE_WORDS, RESULTS_ASIDE, RESULTS_NAMING, YEAR_PLAN

RESULTS_RE = re.compile(RESULTS_NAMING)  # ... or reports its results (vocabulary.RESULTS_NAMING)
ASIDE_RE = re.compile(RESULTS_ASIDE)  # "（附2023年完成情况说明）", "报送落实情况", "总结…完成情况的基础上"
PROMISE_RE = re.compile(PROMISE_WORDS)  # "为确保…全部完成", "确保全部兑现": a promise, no result (vocabulary.PROMISE_WORDS)
# "今年实施十件民生实事，惠及群众50万人": the benefit of the work a plan puts in hand, an estimate, no result
ESTIMATE_RE = re.compile(rf"(?:{ESTIMATE_VERBS})[^。；;已了]*[，,]\s*$")
PAST_RE = re.compile(rf"{PAST_YEAR}|(\d{{4}})\s*年")  # the year a sentence looks back on (vocabulary.PAST_YEAR)
PLAN_RE = re.compile(YEAR_PLAN)  # this year's plan after it (vocabulary.YEAR_PLAN)


def _results_words(text: str) -> list[str]:
    """The words by which a line reports results ("…完成情况", "…全部兑现，具体如下："), not those of one that promises
    them ("确保…全部完成")."""
    return [m[0] for m in RESULTS_RE.finditer(text)
            if not PROMISE_RE.search(text[:m.start()]) and not (m[0] == "惠及" and ESTIMATE_RE.search(text[:m.start()]))
            and not _aside(text, m) and not _review(text, m)]


def _review(text: str, m: re.Match) -> bool:
    """Results in a sentence about a past year, before a sentence setting out this year's plan ("刚刚过去的2020年…35个
    项目顺利完成。今年…将实施39个具体项目"): the plan's context; the list is a report only when its items report."""
    start, end = text.rfind("。", 0, m.start()) + 1, text.find("。", m.end())
    past = list(PAST_RE.finditer(text[start:m.start()]))
    if not past or end < 0:
        return False
    year, gone = next((int(p[1]) for p in past if p[1]), None), any(not p[1] for p in past)  # "2020年" / "过去的…"
    return any(gone if not p[1] else year is not None and int(p[1]) > year for p in PLAN_RE.finditer(text[end:]))


def _aside(text: str, m: re.Match) -> bool:
    """Results named in passing by a plan (vocabulary.RESULTS_ASIDE): an appendix, a duty to report, a basis."""
    return ASIDE_RE.search(text[:m.start()]) is not None or ASIDE_RE.search(text[m.end():]) is not None


def results_in(lines: list[str]) -> tuple[str, list[str]] | None:
    """The title, or the sentence just above a list, that reports results, and its words of results: why the list is
    refused."""
    return next(((text, words) for text in lines[:1] + lines[-1:] if (words := _results_words(text))), None)


def results_said(reported: list[tuple[str, list[str]]]) -> dict[str, str]:
    """The fields of a refusal because the document reports results: its words of results and the line printing them."""
    line, words = reported[0]
    return {"words": "、".join(dict.fromkeys(words)), "line": clip(line)}
