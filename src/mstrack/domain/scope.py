"""Which programmes a view "as of" a day covers when no -p names them, and which tasks it counts once: the one rule of
every command that shows a state as of a day (status, units, lights, report weekly, report notice; trial53 F1, F2).

A programme is current on a day inside its window of reports (domain.dates.ReportWindow: from its first day to the
month after its last). While any programme is current, the others are left out: a year over (its closing month past)
is nobody's work any more, a year not begun (next year's plan imported in December) is nobody's work yet. Where none
is current, or all are, every programme is covered, as before. `-p` chooses explicitly: nothing is left out.

A task carried into a later year (`links` between tasks of programmes of different years: docs/format.md) is the same
target: in a view covering both years it is counted once, under the later task; the earlier task's row stays the
record of its own year (its year's views show it as it stood)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mstrack.domain.dates import ReportWindow


@dataclass(frozen=True)
class Scope:
    """The programmes a view covers (None: all of them) and those it left out, by why."""

    covered: list[str] | None
    closed: list[str] = field(default_factory=list)
    not_begun: list[str] = field(default_factory=list)
    carried: dict[str, str] = field(default_factory=dict)
    """The carried tasks counted once in this view (earlier PROGRAMME/CODE → later, both in view: the store's
    carried_tasks), as read once."""

    @property
    def left_out(self) -> dict[str, list[str]]:
        """As the views' JSON and their params keep it (`left_out`: docs/cli.md)."""
        return {"closed": list(self.closed), "not_begun": list(self.not_begun)}


def day_scope(windows: dict[str, ReportWindow], on: date, given: list[str] | None = None) -> Scope:
    """The scope of a view as of `on` over the programmes of `windows` (code → window); `given`: the -p named."""
    if given:
        return Scope(list(given))
    current = [code for code, window in windows.items() if window.holds(on)]
    if not current or len(current) == len(windows):
        return Scope(None)
    return Scope(current, closed=[code for code, window in windows.items() if window.closed(on)],
                 not_begun=[code for code, window in windows.items() if on < window.first])

