"""A weekly report's days (since, on]: which reports are new in them, and what last week's report knew."""

from __future__ import annotations

from dataclasses import replace
from datetime import date


def in_window(report, since: date, on: date) -> bool:
    """A report new this week: dated in the days, or entered in them (a late report, a correction)."""
    if report.as_of > on:
        return False
    if since < report.as_of:
        return True
    return entered_in_window(report, since, on)


def entered_in_window(report, since: date, on: date) -> bool:
    """Entered in the days (since, on], local days as the options are: entered_at comes from the store in the local
    zone (store.dialect.moment), so an entry at 07:30 in Shanghai (23:30 UTC the day before) is of its local day."""
    entered = report.entered_at.date() if report.entered_at else None
    return entered is not None and since < entered <= on


def new_in_window(reports: list, since: date, on: date) -> list:
    """The reports new this week, of several for one date (two corrections in the week) only the last, which
    superseded the others. `reports` in date and entry order; the window's own entries decide, so that a
    weekly report's bounded read (store.states._window_query) and a read of every report agree."""
    new = [report for report in reports if in_window(report, since, on)]
    last = len(new) - 1
    return [report for n, report in enumerate(new) if n == last or new[n + 1].as_of != report.as_of]


def as_known_at(states, since: date, on: date) -> list:
    """The states as last week's report saw them: without the late reports and corrections entered since (a
    state copied only where it has one), so that a task last week's paper called 未报送 shows as a change; with
    a report an undo has taken back since (the store reads one only where it stood then) if it was entered by then:
    one entered after `since` and undone (a backlog typed in after the week, a typo taken back) never stood on any
    report of that day, so "done → behind" would tell of a state nobody saw."""
    late = [any(r.as_of <= since and entered_in_window(r, since, on) or r.retracted and not entered_by(r, since)
                for r in state.reports) for state in states]
    return [replace(state, reports=[r for r in state.reports if (r.as_of > since or not entered_in_window(r, since, on))
                                    and (not r.retracted or entered_by(r, since))])
            if was else state for state, was in zip(states, late, strict=True)]


def entered_by(report, since: date) -> bool:
    """Entered on or before the local day `since` (an entry of no known time: as if it was)."""
    return report.entered_at is None or report.entered_at.date() <= since


def standing_now(states) -> list:
    """The states without the reports an undo has taken back (ReportState.retracted: read for as_known_at
    only), a state copied only where it has one."""
    return [replace(state, reports=[r for r in state.reports if not r.retracted])
            if any(r.retracted for r in state.reports) else state for state in states]
