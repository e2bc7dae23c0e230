"""A page of prose no list of which passes the list gate, read again on its title's word where the title names a plan
("…活动方案", "…工作计划", "…安排"): split from headerless.py, whose gate (list_gate.is_programme) reads list_work.TITLED."""

from __future__ import annotations

from mstrack.sources.table.cells import row_texts
from mstrack.sources.table.columns import Column
from mstrack.sources.table.list_groups import targets_above
from mstrack.sources.table.list_work import TITLED, titled_programme
from mstrack.sources.table.prose_chain import list_table
from mstrack.sources.table.reading import Sheet


def plan_list(sheets: list[Sheet], year: int, reported: list[tuple[str, list[str]]] | None = None,
              short: list[tuple[list[str], list[str]]] | None = None) -> tuple[Sheet, int, list[Column], list[str]] | None:
    """The page's list of tasks (list_table); when the gate passed none and nothing reports results, read again with
    the title naming the programme where it names a plan (list_work.titled_programme: "…活动方案", "…工作方案"): a
    second try only, so that a plan whose lists the gate takes keeps the one it takes (its duties, not the measures a
    title would let in before them)."""
    reported = [] if reported is None else reported
    if (listed := list_table(sheets, year, reported, short)) is not None or reported or not any(
            titled_programme([*sheet.titles, *(text for row in sheet.rows for text in row_texts(row))]) for sheet in sheets):
        return listed
    token = TITLED.set(True)
    try:
        listed = list_table(sheets, year)
    finally:
        TITLED.reset(token)
    if listed is not None:
        targets_above(listed[0], listed[2], sheets)  # "一、总体要求" / "（三）免疫要求。…90%以上…" over work setting none
    return listed
