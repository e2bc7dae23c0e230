"""Whether a list found in a document with no header row is a programme's tasks (is_programme): the words above it
naming the programme, or its items' structure (their offices labelled, dated, assigned), and most items stating work;
or, while the best-effort reading runs, that reading's own gate (LENIENT, list_fallback). Split from headerless.py,
which finds the lists and reads them as tables."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar

from mstrack.sources.table.list_results import items_report, planned_part, plans_stated, results_in
from mstrack.sources.table.list_sections import dated_work, labelled_work, requirement, staffed_few, staffed_work
from mstrack.sources.table.list_work import (
    OTHER_TOPIC_RE,
    PROGRAMME_RE,
    TITLED,
    does_work,
    marked_work,
    names_programme,
    sets_figure_or_names_project,
    states_work,
    titled_programme,
)
from mstrack.sources.table.one_paragraph import MIN_ITEMS, MIN_STAFFED_ITEMS
from mstrack.sources.table.reading import Sheet, document_title
from mstrack.vocabulary import REQUIREMENT_VERBS

# the gate in place of is_programme's while the best-effort reading runs (list_fallback): None for the reader's own
LENIENT: ContextVar[Callable[..., bool] | None] = ContextVar("LENIENT", default=None)

# a plan's or a notice's requirement ("加强组织领导（区政府办）"): its office in brackets makes it no task
REQUIREMENT_RE = re.compile(rf"^(?:{REQUIREMENT_VERBS})")


def is_programme(sheet: Sheet, above: list[str], items: list[str], strict: bool = False, figures: bool = False,
                  offices: list[str] | None = None, reported: list | None = None, due: list[bool] | None = None,
                  assigned: bool = False, restated: bool = False, lines: list[bool] | None = None, few: list[bool] | None = None,
                  listed: bool = False, facts: list[str] | None = None, owned: bool = True, inside: int = 0,
                  shared: bool = False) -> bool:
    """Whether the text above a list says it lists a programme's tasks, and most items state work to do. A run of
    paragraphs (strict) needs the title line or the sentence just above it to say so: a report says 民生实事 in passing.
    Neither line may report results. Items in one paragraph or numbered "一、" (`figures`) must also, most of them, set a
    figure or name a project, as a run of paragraphs does, or name the office that does the work ("为65岁以上老人免费体检
    （区卫健局）", `offices` beside each item): a notice's or a plan's requirements ("加强组织领导（区政府办）") do not.
    Items that each name their office and the date they are due (`due`: a 完成时限 line under each) are a work list
    whatever the title calls them (list_sections.dated_work): no programme word is needed above them. `assigned`: few
    items each assigned to its offices by a line "由…负责落实" (list_numbered.assigned_work) are enough, as staffed ones.
    `restated`: most items followed by their own progress (list_numbered.restated) restate the plan in a report of its
    results: the title reporting results refuses only items that report themselves, and names no programme needed;
    two such items are enough.
    `lines`: each item's offices labelled by role, on a line of its own under it ("责任单位：…", "X牵头落实") or in the
    bracket after its words ("（责任单位：…）": list_roles): a work list as dated ones are (list_sections.labelled_work).
    `few`: for a run of two items, whether each prints its offices in a bracket after its words: read only when a line
    above names the programme and each item names its offices so and does work
    (list_sections.staffed_few); a 牵头单位 line under each is not enough without a date or a figure (staffed_work).
    `listed`: a heading naming tasks over the items, or their offices labelled under each (list_single), makes them
    a list however few, a line above naming the programme still needed (a notice's one point under "二、主要任务"
    is none). A title or introduction reporting results refuses the items unless most of them state a programme's
    fact, their planned figure or deadline (list_results.plans_stated, in `facts`: each item with the paragraphs under
    it, where given): then they are read, the line recorded on the sheet (`results_read`) for a doubt.
    `owned`: an item whose offices are labelled on its own line (`lines`) is work whatever it names (a 分工's topics,
    "水库安全专题"), unless the items are the parts of one group of a "(一)" list (_group_parts), which that list reads.
    `inside`: how many of the last lines of `above` are the list's own later group headings ("二、督查检查考核计划" over
    its second group): they may name the programme, but they are no introduction, so they do not make it another topic.
    `shared`: the items stand under a part sharing the work out (list_duties.shares_out): one whose offices are
    labelled under it is a duty whatever topic it names ("（三）资金保障。…"), no requirement."""
    if (lenient := LENIENT.get()) is not None:  # the best-effort reading of an unseen layout: its own gate
        return lenient(sheet, above, items, offices=offices, reported=reported, owned=owned, inside=inside, lines=lines,
                       due=due)
    staffed_lines, lines = lines, [*sheet.titles, *above]
    said = [document_title(lines), lines[-1]] if strict and lines else lines
    # the title or the introduction reports results: whichever line names the programme
    if (results := results_in(lines, items)) and not (restated and not items_report(items)):
        if not plans_stated(facts or items, due):  # what was done, no programme's fact: refused, saying why
            if reported is not None:
                reported.append(results)
            return False
    else:
        results = None
    if results:  # a report read for its programme: each item's words up to what it reports (list_results.planned_part)
        items = [planned_part(text) for text in items]
    # an item whose offices are its own, labelled by role, is work whatever it names ("水库安全专题" over "责任单位：…"):
    # a 分工 assigns it; only a closing section's words stay a requirement (list_sections.requirement's `own`)
    assigned_items = {text for text, own in zip(items, staffed_lines or [], strict=False)
                      if owned and own and (shared or not requirement(text, own=True))}
    work = [text for text in items if states_work(text, text in assigned_items) and (does_work(text) or text in assigned_items)]
    if figures:
        staffed = {text for text, units, own in zip(items, offices or [], staffed_lines or [False] * len(items), strict=False)
                   if units and not (requirement(text, own=True) if own else REQUIREMENT_RE.match(text))}
        work = [text for text in work if sets_figure_or_names_project(text) or text in staffed]
    # a report read for its items' planned facts names the programme it reports on ("…民生实事项目完成情况报告")
    titled = TITLED.get() and not shared and titled_programme(lines)  # a title names no standing duties (review48 F1)
    own = [bool(offices and k < len(offices) and offices[k] or due and k < len(due) and due[k]) for k in range(len(items))]
    programme = any(names_programme(t) or results and PROGRAMME_RE.search(t) for t in [*said, *_announcing(lines)]) \
        or titled and marked_work(list(zip(items, own, strict=True)))
    two = few is not None and programme and staffed_few(list(zip(items, few, strict=True)))
    few_enough = listed or two or assigned \
        or offices is not None and staffed_work(list(zip(items, map(bool, offices), strict=False)), due) \
        or restated and len(items) >= MIN_STAFFED_ITEMS  # two items, each followed by its own progress: a report's plan
    named = restated or programme or \
        due is not None and dated_work(list(zip(items, map(bool, offices or []), due, strict=False))) or \
        staffed_lines is not None and not _other_topic(lines[:len(lines) - inside]) \
        and labelled_work(list(zip(items, staffed_lines, strict=True)), shared)
    if not (named and (len(work) >= MIN_ITEMS or few_enough) and 2 * len(work) > len(items)):
        if results and reported is not None:  # a report's items, too few or no work even so: refused as a report
            reported.append(results)
        return False
    sheet.results_read = results  # a report read for the programme its items state: the title a doubt (convert.py)
    return True


def _other_topic(lines: list[str]) -> bool:
    """Whether the document's title (reading.document_title: the line under its number where that is printed first) or
    the line just above the list names another topic than a programme's work (a 政府工作报告 itself, a meeting, a report
    of progress, a 通报: list_work.OTHER_TOPIC_RE): then offices labelled under or beside each item do not make the items
    a work list by themselves."""
    return any(OTHER_TOPIC_RE.search(line) for line in ([document_title(lines)] + lines[-1:]))


def _announcing(lines: list[str]) -> list[str]:
    """The sentence that announces the list, ending the line just above it with a colon ("…作政府工作报告。报告指出,…
    重点抓好10件民生实事:"): it names the programme though the news paragraph it closes is about a meeting."""
    last = lines[-1].strip() if lines else ""
    return [re.split(r"[。！!？?]", last)[-1]] if last.endswith((":", "：")) else []
