"""Renderers: plain data in, text out. A renderer never queries the store."""

from __future__ import annotations

import functools
import json
import math
from datetime import date

from mstrack.domain.quantities import format_computed, format_number, row_figures
from mstrack.domain.status import level, off_course
from mstrack.labels import Labels
from mstrack.model import AT_LEAST, AT_MOST, EQUAL, PRO_RATA, SCHEDULE, STATUSES, StatusRow
from mstrack.render.outputs import dump_json


def percent_number(value: float) -> str:
    """A percentage's figure as people write it, never in exponent form (`:g` made 1e15 "1e+15"): up to one
    decimal where `:g` would have used an exponent."""
    text = f"{value:g}"
    if "e" in text:
        text = f"{value:.1f}".removesuffix(".0")
    return text

STATUS_STYLES = {
    "behind": "bold red", "no_report": "yellow", "overdue": "magenta", "on_track": "",
    "done": "green", "not_due": "dim",
}
COMPARATOR_WORDS = {AT_LEAST: "≥", AT_MOST: "≤", EQUAL: ""}


def scope_said(programmes: list[str], left_out: dict[str, list[str]] | None, words: Labels,
               covered: bool = True) -> str:
    """What a view as of a day covers and left out (domain.scope), for its title: "计划：city-2025 · 未计入：city-2024
    （年度已结束）"; empty where nothing was left out (every programme, or the -p given). `covered=False` where the
    title already names the programmes (the weekly's)."""
    left_out = left_out or {}
    said = [words(f"scope.{why}", code=code) for why in ("closed", "not_begun") for code in left_out.get(why, [])]
    if not said:
        return ""
    parts = [words("scope.programmes", codes=words.join(programmes))] if covered and programmes else []
    return " · ".join([*parts, words("scope.left_out", codes=words.join(said))])


def rules_said(programme_rules: dict[str, str], words: Labels) -> str:
    """Whose rule is which where the programmes' rules differ (trial64 F9): "dist-2023 按序时进度（pro-rata）计算，big-2023
    按已过节点目标（step）计算"; empty where they are one rule (a title says pro-rata alone, and step is the default)."""
    if len(set(programme_rules.values())) < 2:
        return ""
    spread = [code for code, rule in programme_rules.items() if rule == PRO_RATA]
    others = [code for code in programme_rules if code not in spread]
    return words("weekly.rules", spread=words.join(spread), others=words.join(others))


def status_json_chunks(rows: list[StatusRow], size: int = 500):
    """A JSON list with one object per line: readable, greppable (indent= would switch json to its
    pure-Python encoder, 1.8 s for 20,000 rows instead of 0.2 s). In chunks of `size` lines, so that
    20,000 rows are never one string in memory."""
    if not rows:
        yield "[]\n"
        return
    for start in range(0, len(rows), size):
        lines = ",\n".join([status_line(row) for row in rows[start:start + size]])
        yield ("[\n" if start == 0 else ",\n") + lines
    yield "\n]\n"


_text = json.encoder.encode_basestring  # C: a JSON string, non-ASCII kept (ensure_ascii=False)


def _number(value) -> str:
    if value is None:
        return "null"
    if type(value) is int:
        return int.__repr__(value)
    if value != value:
        return "NaN"
    if value in (math.inf, -math.inf):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _maybe(value) -> str:
    return "null" if value is None else _text(value)


QUOTED_DAYS_KEPT = 4096
"""Quoted days kept: a status names a few hundred days at most (a year's reports and checkpoints), so this
keeps every one a command needs while a long-lived process that imports mstrack stays bounded."""


@functools.lru_cache(maxsize=QUOTED_DAYS_KEPT)
def _quoted_day(value: date) -> str:
    return '"' + value.isoformat() + '"'


def _day(value) -> str:
    """A date as a JSON string; a status names the same few days on 100,000 fields: each written once."""
    return "null" if value is None else _quoted_day(value)


def _flag(value) -> str:
    return "null" if value is None else ("true" if value else "false")


def _texts(values) -> str:
    return "[" + ", ".join(map(_text, values)) + "]"


def status_line(row: StatusRow) -> str:
    """`json.dumps(row.as_dict(), ensure_ascii=False)`, byte for byte (a test holds the two equal on
    every row of the demo), written field by field: 40 % less time than building the dict and
    encoding it, which at 20,000 rows is a tenth of a status."""
    return (
        f'{{"programme": {_text(row.programme)}, "task": {_text(row.task)}, "indicator": {_text(row.indicator)}, '
        f'"kind": {_text(row.kind)}, "lead_unit": {_text(row.lead_unit)}, "unit": {_text(row.unit)}, '
        f'"comparator": {_text(row.comparator)}, "target": {_number(row.target)}, "expected": {_number(row.expected)}, '
        f'"actual": {_number(row.actual)}, "as_of": {_day(row.as_of)}, "status": {_text(row.status)}, '
        f'"percent": {_number(row.percent)}, "pace": {_number(row.pace)}, "gap": {_number(row.gap)}, '
        f'"days_behind": {_number(row.days_behind)}, "stale": {_flag(row.stale)}, "rule": {_text(row.rule)}, '
        f'"deadline": {_day(row.deadline)}, "next_due": {_day(row.next_due)}, "checkpoint": {_text(row.checkpoint_text)}, '
        f'"note": {_maybe(row.note)}, "final": {_number(row.final)}, "task_status": {_maybe(row.task_status)}, '
        f'"assessment": {_maybe(row.assessment)}, "agrees": {_flag(row.agrees)}, "lead_units": {_texts(row.lead_units)}, '
        f'"units": {_texts(row.units)}, "due_soon": {_day(row.due_soon)}, "forecast": {_forecast(row.forecast)}}}'
    )


def _forecast(forecast) -> str:
    if forecast is None:
        return "null"
    return (f'{{"recent_pace": {_number(forecast.recent_pace)}, "required_pace": {_number(forecast.required_pace)}, '
            f'"projected_done": {_day(forecast.projected_done)}, "on_course": {_flag(forecast.on_course)}}}')


def status_table(rows: list[StatusRow], counts: dict[str, int], on: date, lang: str = "zh", scope=None):
    """The weekly table: behind first and in red, CJK aligned by cell widths (render_table).

    Where a progress report judged its tasks, its word stands beside the computed status, marked ≠
    where the two disagree. `scope` (domain.scope.Scope): the programmes left out, said in the title."""
    from mstrack.render.grid import Column, PlainTable

    words = Labels(lang)
    many = len({row.programme for row in rows}) > 1
    rule_words = words("status.pro_rata") if rows and all(row.rule == PRO_RATA for row in rows) else ""
    columns = [  # at 80 columns the reference, indicator, lead unit (who to call; what tells 进度安排 of task 1 from
        # task 2's), expected, actual and status stay, folded; the target and the rate (actual of expected) give way
        Column(words("col.task")),
        Column(words("col.indicator"), fold=True, min_width=16),
        Column(words("col.lead_unit"), fold=True, min_width=18, drop=1),
        Column(words("col.target"), justify="right", drop=3),
        Column(words("col.expected"), justify="right"),
        Column(words("col.actual"), justify="right"),
        Column(words("col.percent"), justify="right", drop=2),
        Column(words("col.status")),
    ]
    assessed = any(row.assessment for row in rows)
    if assessed:
        columns.append(Column(words("col.assessment"), fold=True, min_width=14, drop=4))
    programmes = sorted({row.programme for row in rows})
    title = words("status.title", on=on.isoformat(), rule=rule_words)
    if len(programmes) == 1:  # bare task codes below: the title names their programme
        title = words("status.title_of", programme=programmes[0], title=title)
    if said := rules_said(dict(sorted({row.programme: row.rule for row in rows}.items())), words):  # trial64 F9
        title = f"{title} · {said}"
    if scope is not None and (said := scope_said(scope.covered or [], scope.left_out, words,
                                                   covered=len(programmes) != 1)):
        title = f"{title} · {said}"  # the programmes a day's view left out (domain.scope; trial53 F2)
    table = PlainTable(columns, title=title, omitted=omitted_note(words))
    for row in rows:
        task = f"{row.programme}/{row.task}" if many else row.task
        target, expected, actual = row_quantities(row, lang)
        percent = "" if row.percent is None else f"{percent_number(row.percent)}%"
        label = (words.status(row.status) + (words("stale.mark") if row.stale else "")
                 + (words("due_soon.mark") if row.due_soon else "")
                 + (words("off_course.mark") if off_course(row) else ""))
        cells = [task, row.indicator, row.lead_unit, target, expected, actual, percent, label]
        if assessed:
            cells.append(("≠ " if disagrees(row) else "") + (row.assessment or ""))
        table.add_row(*cells, style=STATUS_STYLES[row.status])
    summary = " · ".join(words("status.caption_item", label=words.status(s), n=counts[s])
                         for s in STATUSES if counts.get(s))
    table.caption = words("status.caption", n=len(rows), summary=summary) if rows else words("status.empty")
    stale = sum(1 for row in rows if row.stale)
    if stale:
        table.caption += words("status.stale", n=stale)
    due_soon = sum(1 for row in rows if row.due_soon)
    if due_soon:
        table.caption += words("status.due_soon", n=due_soon)
    late = sum(1 for row in rows if off_course(row))
    if late:
        table.caption += words("status.off_course", n=late)
    disagreeing = len({(row.programme, row.task) for row in rows if disagrees(row)})
    if disagreeing:
        table.caption += words("status.disagree", n=disagreeing)
    return table


def disagrees(row: StatusRow) -> bool:
    """≠: the report's own word and the status computed from a reported value differ. A row without a
    report has nothing of the report's to disagree with."""
    return row.agrees is False and row.as_of is not None


def omitted_note(words: Labels):
    """The sentence under a table that left columns out to fit the terminal."""
    return lambda headers: words("table.omitted", columns=words.join(headers))


def row_quantities(row: StatusRow, lang: str = "zh") -> tuple[str, str, str]:
    """Annual target, expected and actual of a status row as printed; a text-only line counts checkpoints."""
    words = Labels(lang)
    if row.kind == SCHEDULE:  # counts of checkpoints: due, met, of all
        return (words("schedule.final", n=row.final), words("schedule.count", n=row.expected),
                "—" if row.actual is None else words("schedule.count", n=row.actual))
    prefix = COMPARATOR_WORDS[row.comparator]
    target = prefix + format_number(row.target, row.unit, lang) if row.target is not None else "—"
    return (target, format_computed(row.expected, row.unit, lang,
                                   row_figures(row.target, row.final, row.expected, row.rule)),
            format_number(row.actual, row.unit, lang))


def task_json(detail, forecasts: dict | None = None, plan_changes: list | None = None) -> str:
    """A task as JSON; each indicator's forecast (domain.forecast) from `forecasts` by indicator id; `plan_changes`:
    what plan imports changed of it (render.history.plan_history_json)."""
    forecasts = forecasts or {}
    return dump_json({
        "programme": detail.programme,
        "programme_name": detail.programme_name,
        "code": detail.code,
        "title": detail.title,
        "cancelled": detail.cancelled_by is not None,  # 已取消: in no status, units or report row (docs/cli.md)
        "cancelled_by": detail.cancelled_by,
        "area": detail.area,
        "leader": "、".join(detail.leaders),
        "leaders": detail.leaders,
        "lead_units": detail.lead_units,
        "units": detail.units,
        "deadline": detail.deadline.isoformat() if detail.deadline else None,
        "deadline_text": detail.text.deadline_text,
        "note": detail.note,
        "assessment": detail.text.assessment,
        "problems": detail.text.problems,
        "progress": detail.text.progress,
        "next_steps": detail.text.next_steps,
        "links": detail.links,
        "line_checkpoints": [{"line": c.line + 1, "due": c.due.isoformat(), "label": c.label, "text": c.text}
                             for c in detail.line_checkpoints],
        "indicators": [
            {
                "name": ind.indicator,
                "kind": ind.kind,
                "unit": ind.unit,
                "target": ind.target,
                "comparator": ind.comparator,
                "text": ind.text,
                "line": ind.line + 1,
                "lead_units": ind.lead_units,
                "milestones": [
                    {"due": ms.due.isoformat(), "target": ms.target, "text": ms.text, "label": ms.label,
                     "printed": ms.printed}
                    for ms in ind.milestones
                ],
                "reports": [
                    {
                        "as_of": r.as_of.isoformat(), "value": r.value, "note": r.note,
                        "reporter": r.reporter, "reporting_unit": r.reporting_unit,
                        "entered_at": r.entered_at,
                    }
                    for r in ind.reports
                ],
                "forecast": _forecast_dict(forecasts.get(ind.indicator_id)),
            }
            for ind in detail.indicators
        ],
        "plan_changes": plan_changes or [],
    })


def _forecast_dict(forecast) -> dict | None:
    return forecast.as_dict() if forecast is not None else None


def task_view(detail, rows_by_indicator: dict[int, StatusRow], lang: str = "zh", forecasts: dict | None = None):
    """One task for a person: who is in charge, then each indicator's checkpoints and reports."""
    from rich.console import Group

    from mstrack.render.grid import Folded

    words = Labels(lang)
    ref = f"{detail.programme}/{detail.code}"
    parts = [Folded(f"{ref}  {detail.title}", bold=len(ref)), _task_facts(detail, words)]
    many_leads = len({tuple(i.lead_units) for i in detail.indicators}) > 1
    others = detail.line_checkpoints
    for at, ind in enumerate(detail.indicators):
        parts += _indicator_view(ind, rows_by_indicator.get(ind.indicator_id), many_leads, words)
        said = forecast_words(ind, (forecasts or {}).get(ind.indicator_id), words)
        if said:
            parts.append(Folded(said))
        if others and (at + 1 == len(detail.indicators) or detail.indicators[at + 1].line != ind.line):
            parts += _line_checkpoints([c for c in others if c.line == ind.line], words)  # after the line's last one
    return Group(*parts)


def _line_checkpoints(checkpoints: list, words: Labels) -> list:
    """A line's checkpoints that no indicator of it carries (TaskDetail.line_checkpoints): a Q2 规范 to issue beside a
    Q4 figure was nowhere in `show` (trial50 T10g)."""
    if not checkpoints:
        return []
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from mstrack.render.grid import Folded

    table = Table(box=box.SIMPLE, show_edge=False, header_style="dim")
    table.add_column(words("task.checkpoint"), no_wrap=True)
    table.add_column(words("task.plan"))
    for checkpoint in checkpoints:
        table.add_row(f"{checkpoint.due.isoformat()} {checkpoint.label}".strip(), Folded(checkpoint.text))
    return [Text(f"\n{words('task.line_checkpoints')}", style="dim"), table]


def _task_facts(detail, words: Labels):
    from rich.table import Table

    from mstrack.render.grid import Folded

    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column()
    facts.add_row(words("task.programme"), Folded(detail.programme_name))
    if detail.area:
        facts.add_row(words("task.area"), Folded(detail.area))
    facts.add_row(words("task.leaders"), Folded("、".join(detail.leaders) or "—"))
    facts.add_row(words("task.lead_units"), Folded("、".join(detail.lead_units) or "—"))
    facts.add_row(words("task.units"), Folded("、".join(detail.units) or "—"))
    deadline_text = detail.text.deadline_text
    facts.add_row(words("task.deadline"), detail.deadline.isoformat() + (f"（{deadline_text}）" if deadline_text else ""))
    for key, value in (("task.progress", detail.text.progress), ("task.next_steps", detail.text.next_steps),
                       ("task.assessment", detail.text.assessment),
                       ("task.problems", detail.text.problems), ("task.links", "、".join(detail.links)), ("task.note", detail.note)):
        if value:
            facts.add_row(words(key), Folded(value))
    return facts


def _indicator_view(ind, row: StatusRow | None, many_leads: bool, words: Labels) -> list:
    """An indicator's title line (target, lead units where they differ, status), its checkpoints and its reports."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from mstrack.render.grid import Folded

    lang = words.lang
    title = Text()
    title.append(f"\n{ind.indicator}", style="bold")
    if ind.kind == SCHEDULE:
        title.append(words("task.schedule_hint"), style="dim")
    elif ind.target is not None:
        title.append(words("task.target", target=COMPARATOR_WORDS[ind.comparator] + format_number(ind.target, ind.unit, lang)))
    if many_leads:
        title.append(words("task.lead", units="、".join(ind.lead_units)), style="dim")
    if row is not None:
        title.append(f"  {words.status(row.status)}", style=STATUS_STYLES[row.status] or "bold")
    checkpoints = Table(box=box.SIMPLE, show_edge=False, header_style="dim")
    checkpoints.add_column(words("task.checkpoint"), no_wrap=True)
    checkpoints.add_column(words("task.cumulative"), justify="right", no_wrap=True)
    checkpoints.add_column(words("task.plan"))
    for ms in ind.milestones:
        checkpoints.add_row(
            f"{ms.due.isoformat()} {ms.label}".strip(),
            format_number(ms.target, ind.unit, lang) if ms.target is not None else "—", Folded(ms.text),
        )
    if not ind.reports:
        return [title, checkpoints, Text(words("task.no_reports"), style="dim")]
    reports = Table(box=box.SIMPLE, show_edge=False, header_style="dim")
    reports.add_column(words("col.as_of"), no_wrap=True)
    reports.add_column(words("col.value"), justify="right", no_wrap=True)
    reports.add_column(words("col.note"))
    reports.add_column(words("col.reporter"))  # folded: a unit's long name beside the reporter, at 80 columns
    for r in ind.reports:
        value = words("schedule.met", n=r.value) if ind.kind == SCHEDULE else format_number(r.value, ind.unit, lang)
        reports.add_row(r.as_of.isoformat(), value, Folded(r.note), Folded(reporter_with_unit(r, words)))
    return [title, checkpoints, reports]


def reporter_with_unit(entry, words: Labels) -> str:
    """The reporter, and the office that reported (填报单位) where it was said: "张三（福田区人民政府）" (`show`'s
    reports, `history`)."""
    if entry.reporting_unit is None:
        return entry.reporter or ""
    return words("history.reporter_of", reporter=entry.reporter or "—", unit=entry.reporting_unit)


def forecast_words(ind, forecast, words: Labels) -> str:
    """A forecast in a sentence: the pace of the last two reports, the pace needed, and where it leads."""
    if forecast is None:
        return ""
    if forecast.required_pace is None and forecast.projected_done in {report.as_of for report in ind.reports}:
        return words("forecast.line", text=words("forecast.met", on=forecast.projected_done.isoformat()))
    if forecast.required_pace is None and forecast.on_course and forecast.projected_done is not None:
        # met before its deadline, a rate or a ceiling judged on it (domain.forecast): met so far, as its status says
        return words("forecast.line", text=words("forecast.met_so_far", on=forecast.projected_done.isoformat()))
    if forecast.projected_done is None and forecast.required_pace is None and ind.reports and ind.target is not None \
            and level(ind):
        return words("forecast.line", text=words("forecast.level", on=ind.deadline.isoformat()))  # no pace (left50)
    if forecast.recent_pace is None and forecast.required_pace is None:  # nothing to project: say why
        if ind.reports and ind.target is None:
            return ""  # reports, but no annual target to head for ("no reports yet" was said)
        return words("forecast.line", text=words("task.no_reports").strip() if not ind.reports else
                     words("forecast.one_report"))
    lang, unit = words.lang, ind.unit

    def pace(value) -> str:  # a falling indicator's pace is a fall
        return words("forecast.falls" if value < 0 else "forecast.rises", amount=format_computed(abs(value), unit, lang))

    parts = []
    if forecast.recent_pace is not None:
        parts.append(words("forecast.recent", pace=pace(forecast.recent_pace)))
    else:
        parts.append(words("forecast.one_report"))
    if forecast.required_pace is not None:
        parts.append(words("forecast.required", pace=pace(forecast.required_pace)))
    if forecast.projected_done is not None:
        key = "forecast.on_course" if forecast.on_course else "forecast.late"
        parts.append(words(key, on=forecast.projected_done.isoformat()))
    elif forecast.on_course is False:
        parts.append(words("forecast.never"))
    return words("forecast.line", text=words("list.sep").join(parts))
