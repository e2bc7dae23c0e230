"""Renderers of report data (reports/weekly.py, units.py, overview.py): Markdown, CSV, JSON, Rich tables, and the pieces
(cells, headers, sentences) that html.py and xlsx.py share with them.

Plain data in, text out: a renderer never queries, and takes every word from labels.
"""

from __future__ import annotations

from datetime import date, timedelta

from mstrack.domain.quantities import format_computed, format_number, minus_signed, row_figures
from mstrack.labels import Labels
from mstrack.long_lists import cut
from mstrack.model import SCHEDULE
from mstrack.render.revisions import (
    CANCELLED_NUMERIC,
    cancelled_cells,
    cancelled_header,
    cancelled_lines,
    plan_change_cells,
    plan_change_header,
)
from mstrack.render.revisions import task_ref as _task_ref
from mstrack.render.status import COMPARATOR_WORDS, STATUS_STYLES, percent_number, rules_said, scope_said
from mstrack.reports.overview import TableReport, report_date
from mstrack.reports.units import RankedUnit, SilentUnit, UnitRollup
from mstrack.reports.weekly import BehindItem, NewReport, StatusChange, WeeklyReport
from mstrack.vocabulary import UNLISTED, placeholder

CHANGES_SHOWN = 30
"""Rows of each list of 变化 (新报送, 状态变化) the terminal and the printed page (html) show (views52): a week of a
1,500-task programme brought ~2,500 new reports, 4,788 lines on the terminal; the rest are counted under the list
("…及其余N项") and the whole list is in the md, csv, xlsx and json outputs."""

SUMMARY_ORDER = ("done", "on_track", "behind", "no_report", "overdue", "not_due")
"""The order of the summary sentence: "N项已完成，M项序时推进，K项滞后…"."""

STATUS_COLOURS = {  # text and background of a status cell, on screen and on paper
    "behind": ("#9c0006", "#ffc7ce"), "overdue": ("#6b1f7a", "#ead1f5"), "no_report": ("#7a5b00", "#ffeb9c"),
    "on_track": ("#1f4e79", "#ddebf7"), "done": ("#006100", "#c6efce"), "not_due": ("#595959", "#f2f2f2"),
}


# --- shared pieces -----------------------------------------------------------------------------


def count_sentence(counts: dict[str, int], words: Labels, partly: int = 0) -> str:
    """"3项已完成，5项序时推进，2项滞后": nothing left out but zeros; behind always said. `partly`: of the 未报送,
    how many have another line reported ("9项未报送（其中3项部分报送）"), said when there are any."""
    parts = [words(f"count.{s}", n=counts.get(s, 0)) + (words("count.partly", n=partly) if s == "no_report" and partly
                                                          else "")
             for s in SUMMARY_ORDER if counts.get(s) or s == "behind"]
    return words("list.sep").join(parts)


def shown_changes(rows: list) -> tuple[list, int]:
    """The rows of a list of 变化 a view shows (the newest reports, the changes for the worse first: as sorted) and
    how many more it leaves to the file outputs (CHANGES_SHOWN)."""
    return cut(rows, CHANGES_SHOWN)


def more_changes(more: int, words: Labels) -> str:
    """The line under a list of 变化 cut by shown_changes: how many more, and where the whole list is."""
    return words("weekly.more_changes", n=more)


def weekly_summary(report: WeeklyReport, words: Labels) -> str:
    return words("weekly.summary", tasks=report.tasks, parts=count_sentence(report.task_counts, words,
                                                                            report.partly_reported),
                 on=report.as_of.isoformat())


def weekly_silent(report: WeeklyReport, words: Labels) -> str:
    """The offices with no return since the previous report (WeeklyReport.silent), each with its latest report's
    day; "" when every one has reported: under the summary in every format (trial64 F13)."""
    silent = report.silent
    if not silent:
        return ""
    names = [words("weekly.silent_last", unit=unit_label(unit, words), on=unit.last_report.isoformat())
             if unit.last_report else words("weekly.silent_never", unit=unit_label(unit, words)) for unit in silent]
    return words("weekly.silent", n=len(silent), since=report.since.isoformat(), units=words.join(names))


def weekly_subtitle(report: WeeklyReport, words: Labels) -> str:
    parts = [words("weekly.subtitle", on=report.as_of.isoformat(), since=report.since.isoformat())]
    if report.programmes:
        parts.append(words("weekly.programmes", codes=words.join(report.programmes)))
    if report.unit is not None:
        parts.append(words("weekly.unit", unit=report.unit))
    if said := scope_said(report.programmes, report.left_out, words, covered=False):  # trial53 F1
        parts.append(said)
    if report.pro_rata:
        parts.append(words("weekly.rule"))
    elif report.pro_rata is None and (said := rules_said(report.programme_rules, words)):  # trial64 F9
        parts.append(said)
    return " · ".join(parts)


def amount(value, unit: str, kind: str, lang: str, comparator: str = "=", *, computed: bool = False,
           stored: tuple = ()) -> str:
    """A value in its unit: a stored one as stored, one worked out (`computed`: an expected value, a gap) rounded, to
    no fewer decimals than the row's `stored` figures (its target, its last checkpoint's; a gap's, its actual too:
    format_computed)."""
    words = Labels(lang)
    if value is None:
        return "—"
    if kind == SCHEDULE:
        return words("schedule.count", n=value)
    if computed:
        return COMPARATOR_WORDS.get(comparator, "") + format_computed(value, unit, lang, stored)
    return COMPARATOR_WORDS.get(comparator, "") + format_number(value, unit, lang)


def _percent(value: float | None) -> str:
    return "" if value is None else f"{percent_number(value)}%"


def _gap(item: BehindItem, lang: str) -> str:
    """差距 in the indicator's unit, short of the expected below zero, with the minus sign (quantities.minus_signed)."""
    if item.gap is None:
        return ""
    return minus_signed(amount(item.gap, item.unit, item.kind, lang, computed=True, stored=(*_figures(item), item.actual)))


def _figures(item: BehindItem) -> tuple:
    return row_figures(item.target, item.final, item.expected, item.rule)


def _latest(item: BehindItem, words: Labels) -> str:
    if item.as_of is None:
        return words("weekly.none")
    if item.note:
        return words("weekly.latest", note=item.note, on=item.as_of.isoformat())
    return words("weekly.latest_bare", on=item.as_of.isoformat())


BEHIND_COLUMNS = ("task", "indicator", "lead_unit", "target", "expected", "actual", "gap", "pace", "share",
                  "days_behind", "status", "latest")
"""The behind list's columns in every format (label col.NAME): the issue asks per row for the gap in the
indicator's unit (差距), actual/expected (序时完成率) and actual/target (年度完成率) beside the amounts."""
BEHIND_AT = {name: i for i, name in enumerate(BEHIND_COLUMNS)}
BEHIND_NUMERIC = frozenset(range(BEHIND_AT["target"], BEHIND_AT["days_behind"] + 1))
"""Right-aligned columns: the amounts, the gap, the two rates and the days."""


def behind_header(words: Labels) -> list[str]:
    return [words(f"col.{name}") for name in BEHIND_COLUMNS]


def days_behind(days: int | None, words: Labels) -> str:
    """滞后天数 as printed: empty with none, "当天到期" on the day the checkpoint it misses fell due (trial53 F12: a
    printed 通报 saying "0天" of a task 27 % done against 50 % read as "not behind"), else "23天". JSON keeps 0."""
    if days is None:
        return ""
    return words("weekly.days_today") if days == 0 else words("weekly.days", n=days)


def behind_cells(item: BehindItem, many: bool, words: Labels) -> list[str]:
    lang = words.lang
    final = words("schedule.final", n=item.final) if item.kind == SCHEDULE else amount(
        item.target, item.unit, item.kind, lang, item.comparator)
    return [
        _task_ref(item.programme, item.task, many), item.indicator, item.lead_unit, final,
        amount(item.expected, item.unit, item.kind, lang, computed=True, stored=_figures(item)),
        amount(item.actual, item.unit, item.kind, lang),
        _gap(item, lang),
        _percent(item.pace), _percent(item.percent),
        days_behind(item.days_behind, words),
        words.status(item.status) + (words("stale.mark") if item.stale else ""), _latest(item, words),
    ]


def units_header(words: Labels, ranked: bool = False, silent: bool = False) -> list[str]:
    """With `ranked` (units --rank), the on-time rate and the rank at the end; with `silent` (units --silent-since),
    the day of the unit's latest report and the days since."""
    keys = ("unit", "tasks", "done", "on_track", "behind", "no_report", "overdue", "not_due", "completion", "behind_tasks")
    return [words(f"units.{k}") for k in (*keys, *(("on_time", "rank") if ranked else ()),
                                          *(("last_report",) if silent else ()))]


def unit_label(unit: UnitRollup, words: Labels) -> str:
    """A unit's name, with its city where another city has a unit of the same name: 市交通运输局（青岛市）; import
    table's placeholder said as what it is, no office named yet (vocabulary.placeholder)."""
    name = f"{unit.unit}（{unit.place}）" if unit.place else unit.unit
    return words("units.no_office", unit=name) if placeholder(unit.unit) else name


def units_count(units: list[UnitRollup], words: Labels, rate: bool = True) -> str:
    """The units' footer, with the done % note (`rate`) or without: the offices counted, import table's placeholder
    row said apart, since it is no office (UnitRollup.office)."""
    offices = sum(1 for unit in units if unit.office)
    count = words("units.count", n=offices) if offices == len(units) else \
        words("units.count_unlisted", n=offices, unit=UNLISTED)
    return words("units.caption", count=count) if rate else count


def units_cells(unit: UnitRollup, words: Labels) -> list:
    cells = [unit_label(unit, words), unit.tasks, unit.done, unit.on_track, unit.behind, unit.no_report, unit.overdue, unit.not_due,
             _percent(unit.completion_rate), words.join(unit.behind_tasks)]
    if isinstance(unit, RankedUnit):
        cells += [_percent(unit.on_time_rate), "—" if unit.rank is None else unit.rank]
    if isinstance(unit, SilentUnit):
        cells.append(words("units.never_reported") if unit.last_report is None else words(
            "units.last_report_days", on=unit.last_report.isoformat(), n=unit.days_since_report))
    return cells


def is_ranked(units: list[UnitRollup]) -> bool:
    return any(isinstance(unit, RankedUnit) for unit in units)


def is_silent(units: list[UnitRollup]) -> bool:
    return any(isinstance(unit, SilentUnit) for unit in units)


def new_report_header(words: Labels) -> list[str]:
    return [words(k) for k in ("col.task", "col.indicator", "col.lead_unit", "col.as_of", "col.value", "col.note",
                               "col.reporter", "col.status")]


def new_report_cells(report: NewReport, many: bool, words: Labels) -> list[str]:
    value = (words("schedule.met", n=report.value) if report.kind == SCHEDULE
             else format_number(report.value, report.unit, words.lang))
    return [_task_ref(report.programme, report.task, many), report.indicator, report.lead_unit,
            report.as_of.isoformat(), value, report.note or "", report.reporter or "", words.status(report.status)]


def change_header(words: Labels) -> list[str]:
    return [words(k) for k in ("col.task", "col.indicator", "col.lead_unit", "col.before", "col.after", "col.actual",
                               "col.as_of")]


def change_cells(change: StatusChange, many: bool, words: Labels) -> list[str]:
    return [_task_ref(change.programme, change.task, many), change.indicator, change.lead_unit,
            words.status(change.before), words.status(change.after),
            amount(change.actual, change.unit, change.kind, words.lang),
            change.as_of.isoformat() if change.as_of else ""]


def table_header(report: TableReport, words: Labels) -> list[str]:
    return [words("table.area"), words("table.content"), words(f"table.progress.{report.kind}"),
            words(f"table.next.{report.kind}", year=report.year), words("table.units"), words("table.deadline")]


def table_title(report: TableReport, words: Labels) -> str:
    return words(f"table.{report.kind}", name=report.programme_name)


def table_as_of(report: TableReport, words: Labels) -> str:
    """The 一览表's date line: "截至…", and, for a date before the half or the year is over, that it is a report to date
    (trial65 #7: an annual table dated a day to come read as the year's)."""
    on = words.date(report.as_of)
    if report.as_of < report_date(report.kind, report.year):
        return words(f"table.as_of_to_date.{report.kind}", on=on)
    return words("table.as_of", on=on)


def table_summary(report: TableReport, words: Labels) -> list[str]:
    areas = sum(1 for g in report.groups if g.area)
    parts = count_sentence(report.task_counts, words)  # a plan of no projects (areas) is not said to have 0 of them
    lines = [words("table.summary", areas=areas, tasks=report.tasks, parts=parts) if areas
             else words("table.summary_tasks", tasks=report.tasks, parts=parts)]
    if report.assessments:
        parts = [words("table.assessed_item", word=word, n=n) for word, n in report.assessments.items()]
        lines.append(words("table.assessed", parts=words.join(parts)))
    return lines + cancelled_lines(report.cancelled, words)  # in no row: said, so the list does not forget them


def _note_dated(note: str, on: date) -> bool:
    """Whether a note says the date it stands at itself ("截至6月30日，已开展…")."""
    flat = "".join(note.split())
    forms = {f"{on.month}月{on.day}日", f"{on.month}月{on.day}号", on.isoformat(), f"{on.year}.{on.month}.{on.day}"}
    if (on + timedelta(days=1)).day == 1:
        forms |= {f"{on.month}月底", f"{on.month}月末"}
    if (on.month, on.day) == (6, 30):
        forms.add("上半年")
    return any(form in flat for form in forms)


def progress_lines(row, words: Labels) -> list[str]:
    """进展情况 as printed: a note several indicators' reports share (a unit's one report) once, at its first
    place; a note older than a figure beside it marked as of its date, unless it says its date itself."""
    lines, shown = [], set()
    newest = max((item.as_of for item in row.progress if item.as_of), default=None)
    for item in row.progress:
        if item.text is not None:
            lines.append(item.text)
            continue
        as_of = words.date(item.as_of) if item.as_of else ""
        if item.kind == SCHEDULE:
            line = words("table.schedule_line", n=item.value, as_of=as_of)
        else:
            percent = words("table.report_percent", percent=percent_number(item.percent)) if item.percent is not None else ""
            line = words("table.report_line", indicator=item.indicator, value=format_number(item.value, item.unit, words.lang),
                         as_of=as_of, percent=percent)
        note = item.note
        if note and "".join(note.split()) in shown:
            note = None
        elif note:
            shown.add("".join(note.split()))
            if item.as_of and newest and item.as_of < newest and not _note_dated(note, item.as_of):
                note = words("table.note_as_of", on=as_of, note=note)
        lines.append(line + (f" {note}" if note else ""))
    return lines or [words("table.no_progress")]


def next_lines(row, words: Labels, kind: str) -> list[str]:
    """下一步 as printed: the half-year table marks a task with nothing to come "/", as the offices do;
    the annual one leaves the cell empty."""
    lines = []
    for step in row.next_steps:
        text = words("table.step", label=step.label, text=step.text) if step.label else step.text
        lines.append(words("table.step_lead", lead=step.lead, text=text) if step.lead else text)
    if lines or kind == "annual":
        return lines
    return [words("table.no_next")]


def area_name(area: str | None, words: Labels, report: TableReport) -> str:
    """项目名称 as printed: the tasks of a plan with no projects at all under an empty one (a plan without areas printed
    "（未分项目）" on its first row); beside projects, those with none under 其他, the offices' word for the rest."""
    if area:
        return area
    return words("table.no_area") if any(group.area for group in report.groups) else ""


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def printed_behind(report: WeeklyReport, many: bool, words: Labels, note_limit: int | None = None):
    """The behind rows as printed: a note the row above (same task) already shows reads 同上; yields
    (cells, whether the row is the first of its task)."""
    previous, latest = None, BEHIND_AT["latest"]
    for item in report.behind:
        cells = behind_cells(item, many, words)
        key = (item.programme, item.task)
        first = previous is None or previous[0] != key
        if not first and item.note and previous[1] == (item.note, item.as_of):
            cells[latest] = words("weekly.ditto")
        elif note_limit:
            cells[latest] = shorten(cells[latest], note_limit)
        previous = (key, (item.note, item.as_of))
        yield cells, first


# --- Rich (terminal) ---------------------------------------------------------------------------


GIVING_WAY = {
    # name: (fold, min_width, drop): how a column gives way at a narrow width (grid.Column). The task
    # reference, the unit name, the statuses and the amounts stay whole; the rest folds or is left out.
    "indicator": (True, 12, 0), "lead_unit": (True, 20, 5), "target": (False, 0, 4), "gap": (False, 0, 3),
    "pace": (False, 0, 7), "share": (False, 0, 8), "days_behind": (False, 0, 2), "latest": (True, 16, 6),
    "unit": (True, 24, 0), "not_due": (False, 0, 2), "completion": (False, 0, 3), "behind_tasks": (True, 10, 4),
    "note": (True, 12, 4), "reporter": (False, 0, 2), "as_of": (False, 0, 1),
    "kept_lead_unit": (True, 8, 0), "plan_change": (True, 24, 0), "title": (True, 12, 0), "file": (True, 8, 3),
}
KEPT = {"lead_unit": "kept_lead_unit"}
"""The weekly behind list's 牵头单位: the column a meeting reads it by, never left out at 80 columns (trial57 F11)."""


WHOLE_HEADERS = frozenset(("tasks", "done", "on_track", "behind", "no_report", "overdue", "not_due", "completion"))
"""The count columns of a units rollup: their headers stay on one line ("On track", not "On" over "track"), as the
Chinese ones (序时推进) do; at 80 columns the least needed column is left out and said instead (views50)."""


def _grid(title: str, header: list[str], names: list[str], rows: list[list], numeric=frozenset(),
          styles: list[str] | None = None, words: Labels | None = None):
    """A terminal table (grid.PlainTable): numbers right-aligned and never broken; each named column gives
    way as GIVING_WAY says, and a note under the table names what was left out."""
    from mstrack.render.grid import GLUE, Column, PlainTable
    from mstrack.render.status import omitted_note

    columns = []
    for i, (label, name) in enumerate(zip(header, names, strict=True)):
        fold, min_width, drop = GIVING_WAY.get(name, (False, 0, 0))
        label = label.replace(" ", GLUE) if name in WHOLE_HEADERS else label
        columns.append(Column(label, justify="right" if i in numeric else "left", fold=fold,
                              min_width=max(min_width, 4), drop=drop))
    table = PlainTable(columns, title=title, title_justify="left", omitted=omitted_note(words) if words else None)
    for i, row in enumerate(rows):
        table.add_row(*row, style=(styles[i] if styles else "") or "")
    return table


UNITS_NAMES = ["unit", "tasks", "done", "on_track", "behind", "no_report", "overdue", "not_due", "completion",
               "behind_tasks"]
NEW_REPORT_NAMES = ["task", "indicator", "lead_unit", "as_of", "value", "note", "reporter", "status"]
CHANGE_NAMES = ["task", "indicator", "lead_unit", "before", "after", "actual", "as_of"]
PLAN_CHANGE_NAMES = ["batch", "as_of", "file", "plan_change"]
CANCELLED_NAMES = ["task", "title", "code_was", "batch", "as_of", "reports_kept"]


def units_table(units: list[UnitRollup], on: date, lang: str, responsible: bool = False, scope: str = ""):
    words = Labels(lang)
    title = " · ".join(filter(None, [words("units.title" if responsible else "units.title_lead", on=on.isoformat()), scope]))
    header, names, rows, numeric = units_header(words, silent=is_silent(units)), UNITS_NAMES + (
        ["last_report"] if is_silent(units) else []), [units_cells(u, words) for u in units], set(range(1, 9))
    if is_ranked(units):  # on a terminal the rank comes first and the rate beside the unit: what is read first
        def ranked_first(line: list) -> list:
            return [line[-1], line[0], line[-2], *line[1:-2]]

        header, names = ranked_first(units_header(words, ranked=True)), ranked_first([*UNITS_NAMES, "on_time", "rank"])
        rows, numeric = [ranked_first(row) for row in rows], {0, *range(2, 11)}
    table = _grid(title, header, names, rows, numeric=numeric,
                  styles=[STATUS_STYLES["behind"] if u.behind else "" for u in units], words=words)
    completion = names.index("completion")  # its note only under a table that prints it (not at 80 columns)
    table.caption = (lambda shown: units_count(units, words, completion in shown)) if units else words("units.empty")
    return table


class SaidFirst:
    """A table whose left-out columns are said between its title and its header, not under its rows: read before a
    long list, not after it (trial57 F11: after ~1,000 rows). Laid out at the width Rich gives it."""

    def __init__(self, table):
        self.table = table

    def __rich_console__(self, console, options):
        from dataclasses import replace

        from mstrack.render.grid import Folded

        table = self.table
        shown, _ = table.layout(options.max_width)
        empty = table.empty_columns()
        left_out = [column.header for i, column in enumerate(table.columns) if i not in shown and i not in empty]
        yield Folded(table.title, style="italic")
        if left_out and table.omitted:
            yield Folded(table.omitted(left_out), style="dim")
        yield replace(table, title="", omitted=None)


def weekly_view(report: WeeklyReport, lang: str):
    from rich.console import Group

    from mstrack.render.grid import Folded

    words = Labels(lang)
    many = len(report.programmes) > 1
    parts = [Folded(words("weekly.title"), style="bold"), Folded(weekly_subtitle(report, words), style="dim"),
             Folded(weekly_summary(report, words), style="bold"),
             *([Folded(silent)] if (silent := weekly_silent(report, words)) else []), Folded("")]
    if report.behind:  # cut as 变化 is, 牵头单位 kept (wrapped, as status keeps it) and what is left out said first
        rows, more_behind = shown_changes([cells for cells, _ in printed_behind(report, many, words, note_limit=40)])
        behind = _grid(words("weekly.behind"), behind_header(words), [KEPT.get(n, n) for n in BEHIND_COLUMNS], rows,
                       numeric=BEHIND_NUMERIC, styles=[STATUS_STYLES[i.status] for i in report.behind[:len(rows)]],
                       words=words)
        parts.append(SaidFirst(behind))
        if more_behind:
            parts.append(Folded(more_changes(more_behind, words), style="dim"))
    else:
        parts.append(Folded(words("weekly.behind_none", on=report.as_of.isoformat())))
    parts.append(_grid(words("weekly.units"), units_header(words), UNITS_NAMES,
                       [units_cells(u, words) for u in report.units], numeric=set(range(1, 9)), words=words))
    parts.append(Folded(words("weekly.changes", since=report.since.isoformat()), style="bold"))
    new, more_new = shown_changes(report.new_reports)
    if new:
        parts.append(_grid(words("weekly.new_reports"), new_report_header(words), NEW_REPORT_NAMES,
                           [new_report_cells(r, many, words) for r in new], numeric={4}, words=words))
    else:
        parts.append(Folded(words("weekly.new_reports_none")))
    if more_new:
        parts.append(Folded(more_changes(more_new, words), style="dim"))
    changes, more_changed = shown_changes(report.status_changes)
    if changes:
        parts.append(_grid(words("weekly.status_changes"), change_header(words), CHANGE_NAMES,
                           [change_cells(c, many, words) for c in changes], numeric={5},
                           styles=[STATUS_STYLES[c.after] if c.worse else "" for c in changes], words=words))
    else:
        parts.append(Folded(words("weekly.status_changes_none")))
    if more_changed:
        parts.append(Folded(more_changes(more_changed, words), style="dim"))
    revised, more_revised = shown_changes(report.plan_changes)  # a revision imported in the week, cut as 变化 is
    if revised:
        parts.append(_grid(words("weekly.plan_changes"), plan_change_header(words), PLAN_CHANGE_NAMES,
                           [plan_change_cells(c, words) for c in revised], numeric={0}, words=words))
    if more_revised:
        parts.append(Folded(more_changes(more_revised, words), style="dim"))
    if report.cancelled:  # counted nowhere above: said, so that the list does not read as if they never were
        parts += [Folded(words("weekly.cancelled"), style="bold"), Folded(words("weekly.cancelled_note"), style="dim"),
                  _grid("", cancelled_header(words), CANCELLED_NAMES,
                        [cancelled_cells(c, many, words) for c in report.cancelled], numeric=CANCELLED_NUMERIC, words=words)]
    return Group(*parts)
