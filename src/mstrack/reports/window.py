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
    entered = report.entered_at.date() if report.entered_at else None
    return entered is not None and since < entered <= on


def as_known_at(states, since: date, on: date) -> list:
    """The states as last week's report saw them: without the late reports and corrections entered since (a
    state copied only where it has one), so that a task last week's paper called 未报送 shows as a change."""
    late = [any(r.as_of <= since and entered_in_window(r, since, on) for r in state.reports) for state in states]
    return [replace(state, reports=[r for r in state.reports if r.as_of > since or not entered_in_window(r, since, on)])
            if was else state for state, was in zip(states, late, strict=True)]
