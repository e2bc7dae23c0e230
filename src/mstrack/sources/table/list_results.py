"""Whether the title or the sentence above a list reports results ("…完成情况报告") rather than sets out a programme:
such a list is refused (headerless.py), the refusal naming the line and its words."""

from __future__ import annotations

import re

from mstrack.sources.rows import clip
from mstrack.sources.table.list_work import RESULT_RE, reports_progress
from mstrack.vocabulary import (
    DONE_AS_ADJECTIVE,
    ESTIMATE_VERBS,
    ITEM_RESULTS,
    PAST_YEAR,
    PLANNED_FIGURE,
    PROMISE_WORDS,
    RATE_TARGET_AFTER,
    RESULT_PREDICATES,
    RESULTS_ASIDE,
    RESULTS_NAMING,
    YEAR_PLAN,
)

RESULTS_RE = re.compile(RESULTS_NAMING)  # ... or reports its results (vocabulary.RESULTS_NAMING)
ASIDE_RE = re.compile(RESULTS_ASIDE)  # "（附2023年完成情况说明）", "报送落实情况", "总结…完成情况的基础上"
PROMISE_RE = re.compile(PROMISE_WORDS)  # "为确保…全部完成", "确保全部兑现": a promise, no result (vocabulary.PROMISE_WORDS)
# "今年实施十件民生实事，惠及群众50万人": the benefit of the work a plan puts in hand, an estimate, no result
ESTIMATE_RE = re.compile(rf"(?:{ESTIMATE_VERBS})[^。；;已了]*[，,]\s*$")
PAST_RE = re.compile(rf"{PAST_YEAR}|(\d{{4}})\s*年")  # the year a sentence looks back on (vocabulary.PAST_YEAR)
PLAN_RE = re.compile(YEAR_PLAN)  # this year's plan after it (vocabulary.YEAR_PLAN)
ITEM_RESULTS_RE = re.compile(ITEM_RESULTS)  # an item that reports what was done (vocabulary.ITEM_RESULTS)
RATE_TARGET_RE = re.compile(RATE_TARGET_AFTER)  # "完成率达到100%": a target (vocabulary.RATE_TARGET_AFTER)
ADJECTIVE_RE = re.compile(DONE_AS_ADJECTIVE)  # "已开工的8个续建项目": context (vocabulary.DONE_AS_ADJECTIVE)
YEAR_RE = re.compile(r"(\d{4})\s*年")
PLANNED_RE = re.compile(PLANNED_FIGURE)  # "总投资约260万元", "培训任务652人" (vocabulary.PLANNED_FIGURE)
RESULT_VERB_RE = re.compile(rf"^[^，,。；;]*?(?:{RESULT_PREDICATES})")  # "…3所全部投入使用" (vocabulary.RESULT_PREDICATES)
CLAUSE_OPENING_RE = re.compile(r"(?:^|[，,。；;])[\s\d一二三四五六七八九十（()）、.．]*$")  # nothing but a number before
RATE_RE = re.compile(r"^[^，,。；;%％]*?(\d+(?:\.\d+)?)\s*[%％]")


# the line ends naming the target its results words set ("一、基本建成目标任务"): a target's name, no result
TARGET_NAMED_RE = re.compile(r"\s*目标(?:任务)?\s*[:：]?\s*$")


def _results_words(text: str, items_report: bool = False) -> list[str]:
    """The words by which a line reports results ("…完成情况", "…全部兑现，具体如下："), not those of one that promises
    them ("确保…全部完成") or names the target they set ("一、基本建成目标任务"), nor a past year's review before this
    year's plan unless the items report too."""
    return [m[0] for m in RESULTS_RE.finditer(text)
            if not PROMISE_RE.search(text[:m.start()]) and not (m[0] == "惠及" and ESTIMATE_RE.search(text[:m.start()]))
            and not TARGET_NAMED_RE.match(text, m.end())
            and not _aside(text, m) and not (_review(text, m) and not items_report)]


def items_report(items: list[str]) -> bool:
    """Half the items or more report what was done ("改造农村公路50公里，已完成58公里", "实际新增2350人"); beside an item
    that reports, a rate set as a target ("完成率达到100%") is a result too."""
    beside = any(item_reports(item) for item in items)
    return bool(items) and sum(item_reports(item, beside) for item in items) * 2 >= len(items)


def item_reports(item: str, beside: bool = False) -> bool:
    """An item states what was done (vocabulary.ITEM_RESULTS): "已完成58公里", "实际新增2350人", "完成率为116%"; not a
    rate it sets as a target ("完成率达到100%以上", at most 100 %, and no result `beside` it in another item) nor done
    work named as the context of other work ("加快推进已开工的8个续建项目"); "已建成的城区幼儿园3所全部投入使用" reports."""
    for m in ITEM_RESULTS_RE.finditer(item):
        after = item[m.end():]
        if m[0] == "完成率" and RATE_TARGET_RE.search(after) and not beside \
                and not ((rate := RATE_RE.search(after)) and float(rate[1]) > 100):
            continue
        if m[0].startswith("已") and ADJECTIVE_RE.search(after) \
                and not (CLAUSE_OPENING_RE.search(item[:m.start()]) and RESULT_VERB_RE.search(after)):
            continue
        return True
    return False


def _review(text: str, m: re.Match) -> bool:
    """Results in a sentence about a past year, before a sentence setting out this year's plan ("刚刚过去的2020年…35个
    项目顺利完成。今年…将实施39个具体项目"): the plan's context; the list is a report only when its items report."""
    start, end = text.rfind("。", 0, m.start()) + 1, text.find("。", m.end())
    past = list(PAST_RE.finditer(text[start:m.start()]))
    if not past or end < 0:
        return False
    # the year looked back on: "2020年", or the one a past-year marker names ("过去的2023年"); "去年…" names none
    years = [int(y[1]) for p in past if (y := YEAR_RE.search(p[0]))]
    year, gone = (years[0] if years else None), any(not p[1] for p in past)
    plans = [p for p in PLAN_RE.finditer(text[end:]) if (gone if not p[1] else int(p[1]) > year if year is not None else gone)]
    return bool(plans) and not _past_list(text[end:], plans[-1], year)


def _past_list(text: str, plan: re.Match, year: int | None) -> bool:
    """A sentence after the plan that names the year looked back on, or an earlier one ("…将继续办好民生实事。2023年民生
    实事具体如下："): it introduces last year's list, so the plan is no context for it."""
    past = year if year is not None else int(plan[1]) - 1 if plan[1] else None
    after = text[text.find("。", plan.end()) + 1:] if "。" in text[plan.end():] else ""
    return past is not None and any(int(y[1]) <= past for y in YEAR_RE.finditer(after))


def _aside(text: str, m: re.Match) -> bool:
    """Results named in passing by a plan (vocabulary.RESULTS_ASIDE): an appendix, a duty to report, a basis."""
    return ASIDE_RE.search(text[:m.start()]) is not None or ASIDE_RE.search(text[m.end():]) is not None


def results_in(lines: list[str], items: list[str] | None = None) -> tuple[str, list[str]] | None:
    """The title, or the sentence just above a list, that reports results, and its words of results: why the list is
    refused. A past year's review before this year's plan reports only when the list's `items` report too."""
    done = items_report(items or [])
    return next(((text, words) for text in lines[:1] + lines[-1:] if (words := _results_words(text, done))), None)


def plans_stated(items: list[str], due: list[bool] | None = None) -> bool:
    """Most items of a report (more than half) state a programme's fact: the figure the work was planned at
    (vocabulary.PLANNED_FIGURE) or a deadline of their own (`due`: a 完成时限 line under the item). Such a report lists
    the programme it reports on, and is read for it (list_gate.is_programme), the title a doubt; an office alone is
    no such fact (a report names who did the work: "已完成58公里。（县交通运输局）")."""
    stated = [bool(PLANNED_RE.search(item)) or k < len(due or []) and bool((due or [])[k]) for k, item in enumerate(items)]
    return 2 * sum(stated) > len(items)


CLAUSE_END_RE = re.compile(r"[，,。；;]")


def planned_part(item: str) -> str:
    """An item of a report read for its programme, up to the clause that reports on it ("棚户区改造新开工1827户,任务已
    完成;…" → "棚户区改造新开工1827户"): what the plan set, judged as any item's words are (list_work.does_work)."""
    m = RESULT_RE.search(item)
    if m is None:
        return item
    ends = [stop.start() for stop in CLAUSE_END_RE.finditer(item, 0, m.start())]
    return item[:ends[-1]] if ends else item


def results_said(reported: list[tuple[str, list[str]]]) -> dict[str, str]:
    """The fields of a refusal because the document reports results: its words of results and the line printing them."""
    line, words = reported[0]
    return {"words": "、".join(dict.fromkeys(words)), "line": clip(line)}


# the title or the sentence above a list that says it reports the programme's progress ("…十件民生实事1至4月推进情况")
PROGRESS_SAID_RE = re.compile(r"推进情况|进展情况|进度|完成情况|实施情况|落实情况")
# an item's first sentence, up to its "。" (one inside a bracket, a quotation or a book title is no end), and the rest
FIRST_SENTENCE_RE = re.compile(r"^((?:[^。（(“《]|[（(][^）)]*[）)]|“[^”]*”|《[^》]*》)+?。)\s*(\S.*)$", re.S)


def plans_reported(items: list[str], lines: list[str]) -> list[str] | None:
    """A report of a programme's progress (its title or the sentence above the list says so) whose items each print
    the plan's sentence and then, in the same paragraph and unlabelled, what was done ("…培训2万人次。已开展培训8718人次;
    …"): the plan's sentences, the items of the programme; the sentences after them, progress, are no part of them.
    Most items go on past their first sentence and half of those or more report there (list_work.reports_progress);
    None for any other list."""
    said = [lines[0], lines[-1]] if lines else []
    split = [FIRST_SENTENCE_RE.match(item) for item in items]
    rests = [m[2] for m in split if m]
    reporting = sum(map(reports_progress, rests))
    if not any(PROGRESS_SAID_RE.search(line) for line in said) or not reporting or 2 * len(rests) <= len(items) \
            or 2 * reporting < len(rests):
        return None
    return [m[1] if m else item for item, m in zip(items, split, strict=True)]
