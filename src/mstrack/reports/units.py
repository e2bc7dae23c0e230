"""The units' rollup and ranks, and the tasks counted by status: the weekly report's unit table, `report units` and
the ranking. Pure, as all report data (reports/weekly, reports/overview): judged by the status engine, never re-judged."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from mstrack.domain import unique
from mstrack.model import AT_MOST, LATE, STATUSES, TASK_SEVERITY, StatusRow
from mstrack.reports.plain import Plain
from mstrack.vocabulary import placeholder


def _worse(a: str | None, b: str) -> str:
    return b if a is None or TASK_SEVERITY.index(b) < TASK_SEVERITY.index(a) else a


def task_statuses(rows: list[StatusRow]) -> dict[tuple[str, str], str]:
    """Each task's status, (programme, task) → the worst of its lines': the one rule of task_counts and
    partly_reported."""
    worst: dict[tuple[str, str], str] = {}
    for row in rows:
        worst[(row.programme, row.task)] = _worse(worst.get((row.programme, row.task)), row.status)
    return worst


def task_counts(rows: list[StatusRow]) -> dict[str, int]:
    """How many tasks have each status (a task is as bad as its worst line)."""
    counts = Counter(task_statuses(rows).values())
    return {status: counts.get(status, 0) for status in STATUSES}


def partly_reported(rows: list[StatusRow]) -> int:
    """How many tasks counted 未报送 (task_counts: a line owes its figure) have another line reported: a unit that
    owes one figure of three, told apart from one that sent nothing (views52)."""
    reported = {(row.programme, row.task) for row in rows if row.as_of is not None}
    return sum(1 for key, status in task_statuses(rows).items() if status == "no_report" and key in reported)



@dataclass
class UnitRollup(Plain):
    """One unit's tasks by status. A task counts once per unit, as bad as the unit's worst line in it.

    completion_rate: the mean share of the annual target done over the unit's indicators that have
    one (capped at 100; no report counts 0; text-only lines count checkpoints met), in percent."""

    unit: str
    tasks: int = 0
    done: int = 0
    on_track: int = 0
    behind: int = 0
    no_report: int = 0
    overdue: int = 0
    not_due: int = 0
    completion_rate: float | None = None
    behind_tasks: list[str] = field(default_factory=list)
    """PROGRAMME/CODE of the unit's tasks that are behind or overdue."""
    place: str = ""
    """The city (or district) of the unit's programmes, where units of the same name in other places are
    rolled up too (市交通运输局 of 青岛市 and of 东莞市 are two units); empty where the name is the only one."""
    last_report: date | None = None
    """The day of the unit's latest report on any of its indicators (None: it has reported none yet)."""
    days_since_report: int | None = None
    """Days from `last_report` to the day judged: who has been silent since last Monday (trial57 F8)."""
    office: bool = True
    """False for import table's placeholder （表中未列） (vocabulary.placeholder): a row of tasks whose plan names no
    office yet, not a unit; JSON says so by this key, the table by its name, the footer counts it apart."""


PLACE_RE = re.compile(r"^(?:\d{4}年)?(?P<place>[^\d\s年]{1,12}?(?:自治区|自治州|特别行政区|省|市|区|县|旗|州))")


def programme_place(name: str) -> str:
    """The city or district a programme belongs to, from its published name: 深圳市2023年民生实事项目 →
    深圳市, 2023年青岛市市办实事项目 → 青岛市; the whole name where it names no place."""
    match = PLACE_RE.match(name.strip())
    return match["place"] if match else name.strip()


def programme_places(names: dict[str, str]) -> dict[str, str]:
    """Programme code → the place its units belong to (unit_rollups' `places`): the city its name says, else its code
    (a table's title taken as the name, "2023年市办实事项目责任分工与实施计划一览表", qualified every unit whole:
    trial64 F12); programmes of one such name share the first one's code, one place as before."""
    first: dict[str, str] = {}
    return {code: programme_place(name) if PLACE_RE.match(name.strip()) else first.setdefault(name.strip(), code)
            for code, name in names.items()}


def target_share(row: StatusRow) -> float | None:
    """Share of the annual target done, 0–100; None where there is no annual target to share, or a level not judged
    yet (its status row has no Done %: domain/status.held_so_far, review50 F6)."""
    if row.final in (None, 0) or row.comparator == AT_MOST:
        return None
    if row.actual is None:
        return 0.0
    if row.percent is None:  # a level (普及率, 增长5%) met before its deadline: held so far, no share of work done
        return None
    return max(0.0, min(100.0, 100 * row.actual / row.final))


def unit_rollups(rows: list[StatusRow], responsible: bool = False, places: dict[str, str] | None = None,
                 on: date | None = None, returns: dict[int, dict[str | None, date]] | None = None) -> list[UnitRollup]:
    """Per lead unit (with `responsible`, per unit named at all: lead or co-responsible); worst first:
    most tasks behind, then overdue, then without a report, then the lowest completion rate. A unit
    belongs to its programme's place (`places`: programme code → city): same-named units of different
    cities are different units. `on`: the day judged, that each unit's days since its latest report count to.
    `returns` (Store.latest_returns, for units --silent-since): a unit's latest report is its own returns' only."""
    statuses: dict[tuple[str, str], dict[tuple[str, str], str]] = {}
    latest: dict[tuple[str, str], date] = {}
    shares: dict[tuple[str, str], list[float]] = {}
    places = places or {}
    for row in rows:
        units = list(row.lead_units) or ([row.lead_unit] if row.lead_unit else [])
        if responsible:
            units = unique(filter(None, [*units, *row.units]))
        place = places.get(row.programme, "")
        for name in units or ["—"]:
            unit = (place, name)
            tasks = statuses.setdefault(unit, {})
            key = (row.programme, row.task)
            tasks[key] = _worse(tasks.get(key), row.status)
            reported = row.as_of if returns is None else own_return(returns.get(row.indicator_id), name)
            if reported is not None and (unit not in latest or reported > latest[unit]):
                latest[unit] = reported
            share = target_share(row)
            if share is not None:
                shares.setdefault(unit, []).append(share)
    rollups = []
    names = Counter(name for _, name in statuses)
    for unit, tasks in statuses.items():
        counts = Counter(tasks.values())
        unit_shares = shares.get(unit)
        rollups.append(UnitRollup(
            unit=unit[1], place=unit[0] if names[unit[1]] > 1 else "", tasks=len(tasks),
            **{status: counts.get(status, 0) for status in STATUSES},
            completion_rate=round(sum(unit_shares) / len(unit_shares), 1) if unit_shares else None,
            behind_tasks=[f"{p}/{c}" for (p, c), status in tasks.items() if status in LATE],
            last_report=latest.get(unit),
            days_since_report=(on - latest[unit]).days if on is not None and unit in latest else None,
            office=not placeholder(unit[1]),
        ))
    rollups.sort(key=lambda r: (-r.behind, -r.overdue, -r.no_report, r.completion_rate is None,
                                r.completion_rate or 0.0, -r.tasks, r.unit, r.place))
    return rollups


def own_return(by_unit: dict[str | None, date] | None, name: str) -> date | None:
    """The latest day `name` reported an indicator it leads: its own returns (填报单位 naming it), and reports naming no
    unit (logged by the office, or a table with no 填报单位: whose they were is not known, the line's leads' alike); a
    return another unit sent (a helper's, 填报单位 naming it) is not this unit's (returns59 #5)."""
    if not by_unit:
        return None
    days = [day for unit, day in by_unit.items() if unit is None or unit == name]
    return max(days, default=None)


@dataclass
class RankedUnit(UnitRollup):
    """A unit's rollup with its place (`units --rank`): ties share a rank; a unit with no task due has none."""

    on_time_rate: float | None = None
    rank: int | None = None


def ranked_units(rollups: list[UnitRollup]) -> list[RankedUnit]:
    """The rollups ordered by on-time rate (tasks on track or done over tasks due), best first."""
    from mstrack.domain.ranking import on_time_rate, ranks

    units = [RankedUnit(**{name: getattr(u, name) for name in UnitRollup.__dataclass_fields__},
                        on_time_rate=on_time_rate(done=u.done, on_track=u.on_track, not_due=u.not_due, tasks=u.tasks))
             for u in rollups]
    for unit, rank in zip(units, ranks([u.on_time_rate for u in units]), strict=True):
        unit.rank = rank
    return sorted(units, key=lambda u: (u.rank is None, u.rank or 0, u.unit))


def silent_since(rollups: list[UnitRollup], day: date) -> list[UnitRollup]:
    """The units with no report dated on or after `day` (none at all, or only older ones), longest silent first:
    the 催报 list of a Monday meeting, whether or not their tasks are late yet (trial57 F8)."""
    silent = [SilentUnit(**{name: getattr(unit, name) for name in UnitRollup.__dataclass_fields__})
              for unit in rollups if unit.last_report is None or unit.last_report < day]
    return sorted(silent, key=lambda unit: (unit.last_report is not None, unit.last_report or day, unit.unit))


def begun_programmes(rows) -> set[str]:
    """The programmes whose reporting has begun: a report on any of their indicators, or anything due. A programme with
    no report and nothing due yet (next year's in January, its first checkpoint in March) owes no return: its units are
    not silent, in the weekly 通报, `units --silent-since` and the notices' 催报 alike (trial65 #14)."""
    return {row.programme for row in rows if row.as_of is not None or row.status != "not_due"}


def reporting_begun(rows: list) -> list | None:
    """The rows of the programmes whose reporting has begun (begun_programmes), for a silent list; None where every
    programme's has."""
    begun = begun_programmes(rows)
    if all(row.programme in begun for row in rows):
        return None
    return [row for row in rows if row.programme in begun]


@dataclass
class SilentUnit(UnitRollup):
    """A unit of `units --silent-since`: printed with the day of its latest report and the days since."""
