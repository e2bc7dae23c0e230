"""Reports made from the store: the programmes asked for checked, their tasks read, the builder called.
The same function makes a report to print and makes it again for `report diff`, from the parameters kept
with it when it was frozen (`params`: kind, as_of, rule, and what the kind needs)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mstrack.domain.names import unknown_programme
from mstrack.domain.status import judged
from mstrack.errors import InputError
from mstrack.model import LATE
from mstrack.reports.overview import Step, table_report
from mstrack.reports.revisions import cancelled_of, cancelled_section, revision_section, unit_changes
from mstrack.reports.units import (
    UnitRollup,
    programme_places,
    ranked_units,
    reporting_begun,
    silent_since,
    unit_rollups,
)
from mstrack.reports.weekly import judged_now, weekly_report
from mstrack.store.plan_changes import says_cancelled


@dataclass(frozen=True, kw_only=True)
class UnitsReport:
    """The unit rollup as printed by `mstrack units`: worst unit first."""

    rollups: list[UnitRollup]
    on: date
    responsible: bool
    programmes: list[str] = field(default_factory=list)
    """The programmes covered, where the view left some out (else empty: all)."""
    left_out: dict[str, list[str]] = field(default_factory=dict)
    """The programmes left out, by why (domain.scope.Scope.left_out): said in the title."""


def check_programmes(store, programmes: list[str] | None) -> None:
    """An unknown programme code is bad input, said with the codes it may have meant (or all there are)."""
    known = store.programme_codes()
    for code in programmes or []:
        if code not in known:
            raise unknown_programme(known, code, store.display_url)  # as status and a task reference say it


def task_details(store, programmes: list[str] | None, *, as_of: date | None = None, since: date | None = None,
                 unit: str | None = None):
    """Whole tasks of the programmes asked for (all when none are named); an unknown code is an InputError.
    With as_of (and since), the reports read are bounded by that day (and those days): Store.task_details; with a
    unit, the tasks it has a line in, those lines only.
    A task carried into another year's programme also in view is counted once, under the later task (counted_once)."""
    check_programmes(store, programmes)
    return counted_once(store, store.task_details(list(programmes) if programmes else None, unit, as_of=as_of,
                                                  since=since), programmes)


def counted_once(store, details: list, programmes: list[str] | None) -> list:
    """The details without the earlier tasks carried into a later year's task in the same view (domain.scope)."""
    carried = store.carried_tasks(list(programmes) if programmes else None)
    return [d for d in details if f"{d.programme}/{d.code}" not in carried] if carried else details


def weekly_details(store, programmes: list[str] | None, on: date, since: date, rule: str | None,
                   stale_days: int | None = None, unit: str | None = None) -> tuple[list, dict, tuple[list, list]]:
    """What a weekly report is made of, read bounded by the indicators and the week (task_details with
    `since`), the (day, value) series up to `on` of the indicators behind at `on`, which it charts, and those
    indicators judged at `on` (reports.weekly.judged_now, handed to weekly_report: judged once, not twice): its
    memory grows with the indicators, the week's reports and the charts, not with the history. Both reads in one
    (Store.one_read): a report logged meanwhile is never in a chart while its row shows the value before. `unit`: one
    with a line in a standing task there (report_unit)."""
    with store.one_read():
        details = task_details(store, programmes, as_of=on, since=since, unit=unit)
        states, rows = now = judged_now(details, on, rule, stale_days)
        late = [state.indicator_id for state, row in zip(states, rows, strict=True) if row.status in LATE]
        return details, store.report_series(late, on), now


def report_unit(store, unit: str, programmes: list[str] | None) -> tuple[str, bool]:
    """The unit a report's --unit names as the plans spell it (store.unit_named), and whether it has a line in a
    standing task of the programmes: the one rule of `lights`, `report notice` and `report weekly`. One whose only
    tasks there a revision cancelled is named too (False): its office gets the report saying them cancelled, where a
    unit with no task there at all is refused (sup59b #1)."""
    try:
        return store.unit_named(unit, programmes or None), True
    except InputError:
        name = store.unit_named(unit)  # no such unit, or several that read alike: said so
        if not programmes or not any(name in row[-1] for row in store.cancelled_details(programmes, leads=True)):
            raise
        return name, False


def _unit(store, params: dict) -> tuple[str | None, bool]:
    """A report's --unit by report_unit's one rule (`lights`, `report notice`, `report weekly`): (None, True) without."""
    unit = params.get("unit")
    return (None, True) if unit is None else report_unit(store, unit, params["programmes"] or None)


def make_report(store, params: dict):
    """The report `params` describe: a UnitsReport, a WeeklyReport or a TableReport (half-year, annual)."""
    on = date.fromisoformat(params["as_of"])
    kind = params["kind"]
    if kind == "units":
        details = task_details(store, params["programmes"] or None, as_of=on)
        rows = judged([state for detail in details for state in detail.indicators], on, params["rule"])
        places = programme_places({detail.programme: detail.programme_name for detail in details})
        silent = _day(params.get("silent_since"))
        if silent is not None:  # a programme whose reporting has not begun owes no return, as in the weekly 通报
            rows = rows if (begun := reporting_begun(rows)) is None else begun
        returns = None if silent is None else store.latest_returns(  # a unit's own returns only: who to chase
            [row.indicator_id for row in rows if row.indicator_id is not None], on)  # (returns59 #5)
        rollups = unit_rollups(rows, responsible=params["responsible"], places=places, on=on, returns=returns)
        if silent is not None:
            rollups = silent_since(rollups, silent)
        left_out = params.get("left_out") or {}
        return UnitsReport(rollups=ranked_units(rollups) if params.get("rank") else rollups, on=on,
                           responsible=params["responsible"], left_out=left_out,
                           programmes=list(params["programmes"]) if any(left_out.values()) else [])
    if kind == "lights":
        from mstrack.reports.lights import lights_report

        check_programmes(store, params["programmes"])
        unit, standing = _unit(store, params)  # one whose only tasks there were cancelled: its 已取消 said
        details = counted_once(store, store.task_details(params["programmes"] or None, unit),
                               params["programmes"]) if standing else []
        board = lights_report(details, on=on, first=_day(params["from"]), last=_day(params["to"]), by=params["by"],
                              warn_days=params["warn_days"], rule=params["rule"], min_red=params["min_red"])
        board.left_out = params.get("left_out") or {}
        board.programmes = list(params["programmes"]) if any(board.left_out.values()) else []
        board.cancelled = _cancelled(store, params["programmes"], unit)
        return board
    if kind == "notice":
        from mstrack.reports.notice import notices

        check_programmes(store, params["programmes"])
        unit, standing = _unit(store, params)  # as the plan spells it (区农业农村局 is 區農業農村局)
        details = counted_once(store, store.task_details(params["programmes"] or None, unit),
                               params["programmes"]) if standing else []
        cancelled = _cancelled(store, params["programmes"])
        if unit is not None and not any(unit in state.lead_units for detail in details for state in detail.indicators) \
                and not cancelled_of(cancelled, unit):  # a unit that leads there, or led a task cancelled there
            raise InputError("--unit {unit!r}: {name} leads no task in {programmes}; a notice goes to a lead unit",
                             unit=params["unit"], name=unit, programmes=", ".join(params["programmes"]) or "—")
        sent = notices(details, on=on, reply_by=_day(params["reply_by"]), warn_days=params["warn_days"],
                       rule=params["rule"], unit=unit, silent_since=_day(params.get("silent_since")))
        for notice in sent:  # the tasks its unit led that a revision cancelled: said under its table, counted nowhere
            notice.cancelled = cancelled_of(cancelled, notice.unit)
        if not standing:  # its programmes named by its cancelled tasks' (it has no standing task there to name them)
            names = {row[0]: row[1] for row in store.programme_rows()}
            sent[0].programmes = list(dict.fromkeys(names[item.programme] for item in sent[0].cancelled))
        return sent
    if kind == "weekly":
        since = date.fromisoformat(params["since"])
        unit, standing = _unit(store, params)  # resolved once: the CLI keeps report.unit in a freeze's params
        details, series, now = weekly_details(store, params["programmes"] or None, on, since, params["rule"],
                                              params["stale"], unit) if standing else \
            ([], {}, judged_now([], on, params["rule"], params["stale"]))  # only cancelled tasks there: those said
        report = weekly_report(details, on, since, params["rule"], params["stale"], series=series, now=now)
        report.left_out = params.get("left_out") or {}
        report.unit = unit
        if unit is not None:  # one office's report says whether that office is silent, not its helpers' offices
            report.silent = [one for one in report.silent if one.unit == unit]
        covered = params["programmes"] or store.programme_codes()
        report.cancelled = _cancelled(store, covered, report.unit)  # with --unit, those it leads or is responsible for
        mine = None if report.unit is None else unit_changes(  # --unit: its tasks' changes, not every programme's
            {f"{detail.programme}/{detail.code}" for detail in details}, report.cancelled, report.unit, says_cancelled)
        report.plan_changes = revision_section(store.plan_revisions(covered, since, on), mine)
        return report
    programme = params["programme"]
    with store.one_read():  # the tasks and the plan's words of one state of the store
        details = task_details(store, [programme], as_of=on)
        year, name, steps = store.programme_steps(programme)
    report = table_report(details, kind, on, year, name, params["rule"], checkpoint_steps(steps))
    report.cancelled = _cancelled(store, [programme])
    return report


def _cancelled(store, programmes: list[str] | None, unit: str | None = None) -> list:
    """The tasks revisions cancelled in the programmes (all with none), with their lead units; with `unit`, only the
    ones it leads or is responsible for, as the rest of its report (`lights --unit`, `report weekly --unit`). Every
    report says them through reports/revisions and render/revisions."""
    return cancelled_section(store.cancelled_details(list(programmes) if programmes else None, leads=True), unit)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def checkpoint_steps(found: dict[str, list[tuple]]) -> dict[str, list[Step]]:
    """Each task's checkpoints in the plan's own words, for 下一步任务目标及措施 (Store.programme_steps' rows)."""
    return {code: [Step(due, label, text, "、".join(leads) or None) for due, label, text, leads in rows]
            for code, rows in found.items()}
