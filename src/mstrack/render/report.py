"""Renderers of report data (reports.py): Markdown, CSV, JSON, HTML with inline SVG, Rich tables.

Plain data in, text out: a renderer never queries, and takes every word from labels.py.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from html import escape

from mstrack import __version__
from mstrack.domain.quantities import format_number
from mstrack.labels import Labels
from mstrack.render.status import COMPARATOR_WORDS, STATUS_STYLES, dump_json
from mstrack.reports.build import BehindItem, ChartSeries, NewReport, StatusChange, TableReport, UnitRollup, WeeklyReport
from mstrack.sources.sheets import spreadsheet_text

SUMMARY_ORDER = ("done", "on_track", "behind", "no_report", "overdue", "not_due")
"""The order of the summary sentence: "N项已完成，M项序时推进，K项滞后…"."""

STATUS_COLOURS = {  # text and background of a status cell, on screen and on paper
    "behind": ("#9c0006", "#ffc7ce"), "overdue": ("#6b1f7a", "#ead1f5"), "no_report": ("#7a5b00", "#ffeb9c"),
    "on_track": ("#1f4e79", "#ddebf7"), "done": ("#006100", "#c6efce"), "not_due": ("#595959", "#f2f2f2"),
}


# --- shared pieces -----------------------------------------------------------------------------


def count_sentence(counts: dict[str, int], words: Labels) -> str:
    """"3项已完成，5项序时推进，2项滞后": nothing left out but zeros; behind always said."""
    parts = [words(f"count.{s}", n=counts.get(s, 0)) for s in SUMMARY_ORDER if counts.get(s) or s == "behind"]
    return words("list.sep").join(parts)


def weekly_summary(report: WeeklyReport, words: Labels) -> str:
    return words("weekly.summary", tasks=report.tasks, parts=count_sentence(report.task_counts, words),
                 on=report.as_of.isoformat())


def weekly_subtitle(report: WeeklyReport, words: Labels) -> str:
    parts = [words("weekly.subtitle", on=report.as_of.isoformat(), since=report.since.isoformat())]
    if report.programmes:
        parts.append(words("weekly.programmes", codes=words.join(report.programmes)))
    if report.pro_rata:
        parts.append(words("weekly.rule"))
    return " · ".join(parts)


def amount(value, unit: str, kind: str, lang: str, comparator: str = "=") -> str:
    words = Labels(lang)
    if value is None:
        return "—"
    if kind == "schedule":
        return words("schedule.count", n=value)
    return COMPARATOR_WORDS.get(comparator, "") + format_number(value, unit, lang)


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value:g}%"


def _gap(item: BehindItem, lang: str) -> str:
    """差距 in the indicator's unit, short of the expected below zero. The sign is the minus sign (U+2212),
    not a hyphen: a CSV cell starting with "-" would be guarded as a formula ('-10个) in Excel/WPS."""
    if item.gap is None:
        return ""
    text = amount(item.gap, item.unit, item.kind, lang)
    return "\u2212" + text[1:] if text.startswith("-") else text


def _task_ref(programme: str, task: str, many: bool) -> str:
    return f"{programme}/{task}" if many else task


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


def behind_cells(item: BehindItem, many: bool, words: Labels) -> list[str]:
    lang = words.lang
    final = words("schedule.final", n=item.final) if item.kind == "schedule" else amount(
        item.target, item.unit, item.kind, lang, item.comparator)
    return [
        _task_ref(item.programme, item.task, many), item.indicator, item.lead_unit, final,
        amount(item.expected, item.unit, item.kind, lang), amount(item.actual, item.unit, item.kind, lang),
        _gap(item, lang),
        _percent(item.pace), _percent(item.percent),
        "" if item.days_behind is None else words("weekly.days", n=item.days_behind),
        words.status(item.status) + (words("stale.mark") if item.stale else ""), _latest(item, words),
    ]


def units_header(words: Labels) -> list[str]:
    return [words(f"units.{k}") for k in ("unit", "tasks", "done", "on_track", "behind", "no_report", "overdue",
                                          "not_due", "completion", "behind_tasks")]


def units_cells(unit: UnitRollup, words: Labels) -> list:
    return [unit.unit, unit.tasks, unit.done, unit.on_track, unit.behind, unit.no_report, unit.overdue, unit.not_due,
            _percent(unit.completion_rate), words.join(unit.behind_tasks)]


def new_report_header(words: Labels) -> list[str]:
    return [words(k) for k in ("col.task", "col.indicator", "col.lead_unit", "col.as_of", "col.value", "col.note",
                               "col.reporter", "col.status")]


def new_report_cells(report: NewReport, many: bool, words: Labels) -> list[str]:
    value = (words("schedule.met", n=report.value) if report.kind == "schedule"
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


def table_summary(report: TableReport, words: Labels) -> list[str]:
    areas = sum(1 for g in report.groups if g.area)
    lines = [words("table.summary", areas=areas, tasks=report.tasks, parts=count_sentence(report.task_counts, words))]
    if report.assessments:
        parts = [words("table.assessed_item", word=word, n=n) for word, n in report.assessments.items()]
        lines.append(words("table.assessed", parts=words.join(parts)))
    return lines


def progress_lines(row, words: Labels) -> list[str]:
    lines = []
    for item in row.progress:
        if item.text is not None:
            lines.append(item.text)
            continue
        as_of = item.as_of.isoformat() if item.as_of else ""
        if item.kind == "schedule":
            line = words("table.schedule_line", n=item.value, as_of=as_of)
        else:
            percent = words("table.report_percent", percent=f"{item.percent:g}") if item.percent is not None else ""
            line = words("table.report_line", indicator=item.indicator, value=format_number(item.value, item.unit, words.lang),
                         as_of=as_of, percent=percent)
        lines.append(line + (f" {item.note}" if item.note else ""))
    return lines or [words("table.no_progress")]


def next_lines(row, words: Labels) -> list[str]:
    lines = []
    for step in row.next_steps:
        text = words("table.step", label=step.label, text=step.text) if step.label else step.text
        lines.append(words("table.step_lead", lead=step.lead, text=text) if step.lead else text)
    return lines or [words("table.no_next")]


def area_name(area: str | None, words: Labels) -> str:
    return area if area else words("table.no_area")


# --- Markdown ----------------------------------------------------------------------------------


def _md_text(value) -> str:
    """Data as Markdown text that stays text: `<`, `>` and `&` escaped, so that a note can never become
    HTML (a Markdown viewer renders raw HTML)."""
    return escape("" if value is None else str(value), quote=False)


def _md_cell(value) -> str:
    """A table cell: text escaped, `|` escaped, line breaks as the renderer's own `<br>`."""
    return _md_text(value).replace("|", "\\|").replace("\r", "").replace("\n", "<br>")


def md_table(header: list[str], rows: list[list], right: set[int] | None = None) -> str:
    right = right or set()
    lines = ["| " + " | ".join(_md_cell(h) for h in header) + " |",
             "| " + " | ".join("---:" if i in right else "---" for i in range(len(header))) + " |"]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def units_md(units: list[UnitRollup], on: date, lang: str, responsible: bool = False) -> str:
    words = Labels(lang)
    title = words("units.title" if responsible else "units.title_lead", on=on.isoformat())
    body = md_table(units_header(words), [units_cells(u, words) for u in units], right=set(range(1, 9)))
    return f"# {_md_text(title)}\n\n{body}\n{_md_text(words('units.caption', n=len(units)))}\n"


def weekly_md(report: WeeklyReport, lang: str) -> str:
    words = Labels(lang)
    many = len(report.programmes) > 1
    out = [f"# {words('weekly.title')}\n", f"{_md_text(weekly_subtitle(report, words))}\n",
           f"**{_md_text(weekly_summary(report, words))}**\n",
           _md_text(words("weekly.rows", n=report.indicators, parts=count_sentence(report.row_counts, words))) + "\n",
           f"## {words('weekly.behind')}\n"]
    if report.behind:
        out.append(md_table(behind_header(words), [cells for cells, _ in _printed_behind(report, many, words)],
                            right=BEHIND_NUMERIC))
    else:
        out.append(_md_text(words("weekly.behind_none", on=report.as_of.isoformat())) + "\n")
    out.append(f"## {words('weekly.units')}\n")
    out.append(md_table(units_header(words), [units_cells(u, words) for u in report.units], right=set(range(1, 9))))
    out.append(f"## {words('weekly.changes', since=report.since.isoformat())}\n")
    out.append(f"### {words('weekly.new_reports')}\n")
    out.append(md_table(new_report_header(words), [new_report_cells(r, many, words) for r in report.new_reports])
               if report.new_reports else words("weekly.new_reports_none") + "\n")
    out.append(f"### {words('weekly.status_changes')}\n")
    out.append(md_table(change_header(words), [change_cells(c, many, words) for c in report.status_changes])
               if report.status_changes else words("weekly.status_changes_none") + "\n")
    return "\n".join(out)


def table_md(report: TableReport, lang: str) -> str:
    """The 一览表 as one Markdown table; the project name stands on the first row of its group."""
    words = Labels(lang)
    out = [f"# {_md_text(table_title(report, words))}\n", words("table.as_of", on=report.as_of.isoformat()) + "\n"]
    out += [_md_text(line) + "\n" for line in table_summary(report, words)]
    rows = []
    for group in report.groups:
        for i, row in enumerate(group.rows):
            rows.append([area_name(group.area, words) if i == 0 else "", f"{row.code}.{row.title}",
                         "\n".join(progress_lines(row, words)), "\n".join(next_lines(row, words)),
                         "\n".join(row.units), row.deadline_text])
    out.append(md_table(table_header(report, words), rows))
    return "\n".join(out)


# --- CSV ---------------------------------------------------------------------------------------


def _csv(rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([spreadsheet_text(cell) for cell in row] for row in rows)  # no cell opens as a formula
    return buffer.getvalue()


def units_csv(units: list[UnitRollup], lang: str) -> str:
    words = Labels(lang)
    return _csv([units_header(words), *(units_cells(u, words) for u in units)])


def weekly_csv(report: WeeklyReport, lang: str) -> str:
    """The sections one under another, each under its title row, with a blank row between: what a
    spreadsheet shows when it opens the file."""
    words = Labels(lang)
    many = len(report.programmes) > 1
    rows: list[list] = [[words("weekly.title"), weekly_subtitle(report, words)], [weekly_summary(report, words)], [],
                        [words("weekly.behind")], behind_header(words)]
    rows += [behind_cells(i, many, words) for i in report.behind]
    rows += [[], [words("weekly.units")], units_header(words), *(units_cells(u, words) for u in report.units)]
    rows += [[], [words("weekly.new_reports")], new_report_header(words)]
    rows += [new_report_cells(r, many, words) for r in report.new_reports]
    rows += [[], [words("weekly.status_changes")], change_header(words)]
    rows += [change_cells(c, many, words) for c in report.status_changes]
    return _csv(rows)


# --- JSON --------------------------------------------------------------------------------------


def units_json(units: list[UnitRollup]) -> str:
    return dump_json([u.as_dict() for u in units])


def weekly_json(report: WeeklyReport, lang: str) -> str:
    data = report.as_dict()
    data["summary"]["text"] = weekly_summary(report, Labels(lang))
    return dump_json(data)


def table_json(report: TableReport, lang: str) -> str:
    words = Labels(lang)
    data = report.as_dict()
    data["title"] = table_title(report, words)
    data["columns"] = table_header(report, words)
    data["summary"]["text"] = table_summary(report, words)
    for group, plain in zip(report.groups, data["areas"], strict=True):
        for row, cells in zip(group.rows, plain["tasks"], strict=True):
            cells["progress_text"] = "\n".join(progress_lines(row, words))
            cells["next_text"] = "\n".join(next_lines(row, words))
    return dump_json(data)


# --- HTML --------------------------------------------------------------------------------------

FONTS_SANS = ('"Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC", "Hiragino Sans GB", '
              '"Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans SC", sans-serif')
FONTS_SERIF = ('"Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "Songti SC", "SimSun", "STSong", '
               '"Noto Serif SC", serif')

CSS = """
@page { size: A4 landscape; margin: 12mm 11mm 14mm 11mm; }
@page { @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #666; }
        @top-right { content: %(running)s; font-size: 8pt; color: #666; } }
* { box-sizing: border-box; }
html { font-family: %(sans)s; font-size: 9.5pt; color: #111; line-height: 1.45;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
h1 { font-family: %(serif)s; font-size: 17pt; text-align: center; margin: 0 0 2mm; letter-spacing: 0.05em; }
h2 { font-family: %(serif)s; font-size: 13pt; margin: 5mm 0 2mm; border-bottom: 1.2pt solid #1f3864; padding-bottom: 1mm;
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
p { margin: 1mm 0; }
.sub { text-align: center; color: #444; margin-bottom: 3mm; }
.lead { font-size: 12pt; font-weight: bold; margin: 3mm 0 1mm; }
.rows, .legend, .note, footer { color: #555; font-size: 8.5pt; }
section + section { break-before: page; page-break-before: always; }
table { width: 100%%; border-collapse: collapse; margin: 1.5mm 0 2mm; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #777; padding: 1.2mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #d9e2f3; font-weight: bold; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
td.ref { overflow-wrap: anywhere; }
td.chart { padding: 0.5mm; }
td.chart svg { display: block; width: 100%%; height: auto; }
table.behind th { white-space: normal; word-break: keep-all; font-size: 8.5pt; padding: 1.2mm 1.2mm; }
table.behind td { padding: 1.2mm 1.2mm; font-size: 9pt; line-height: 1.35; }
table.behind td.num { white-space: normal; }
.status .word { white-space: nowrap; }
.status .stale { display: block; font-size: 8pt; white-space: normal; }
.title { display: block; color: #555; font-size: 8pt; }
%(status_css)s
.counts { width: auto; }
.counts td, .counts th { padding: 1mm 3mm; }
.onelist td { font-size: 9pt; }
.onelist tr { break-inside: auto; page-break-inside: auto; }
.onelist th { white-space: normal; }
table.behind { table-layout: fixed; }
table.onelist { table-layout: fixed; }
.onelist td.area { font-weight: bold; font-family: %(serif)s; }
footer { margin-top: 4mm; text-align: right; }
@media screen { body { padding: 8mm; } }
"""


def _css(running: str) -> str:
    status_css = "\n".join(f".s-{status} {{ color: {fg}; background: {bg}; font-weight: bold; }}"
                           for status, (fg, bg) in STATUS_COLOURS.items())
    quoted = '"' + running.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ") + '"'
    return CSS % {"sans": FONTS_SANS, "serif": FONTS_SERIF, "status_css": status_css, "running": quoted}


def _page(title: str, body: str, lang: str) -> str:
    html_lang = "zh-CN" if lang == "zh" else "en"
    return (f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="generator" content="mstrack {escape(__version__)}">\n<title>{escape(title)}</title>\n'
            f"<style>{_css(title)}</style>\n</head>\n<body>\n{body}</body>\n</html>\n")


def _cell(value, cls: str = "", tag: str = "td", raw: bool = False) -> str:
    text = "" if value is None else str(value)
    content = text if raw else escape(text).replace("\n", "<br>")
    attribute = f' class="{cls}"' if cls else ""
    return f"<{tag}{attribute}>{content}</{tag}>"


BEHIND_WIDTHS = ("4%", "10%", "6.5%", "8%", "7%", "7%", "7.5%", "6.5%", "6.5%", "5.5%", "6.5%", "14%", "11%")
"""BEHIND_COLUMNS and the chart, on A4 landscape (table-layout: fixed): a five-character header (序时完成率,
年度完成率) fits on one line, the status word fits whole, the stale mark goes on a line under it."""
BEHIND_WIDTHS_MANY = ("8%", "9%", "6.5%", "8%", "7%", "7%", "7.5%", "6.5%", "6.5%", "5.5%", "6.5%", "11.5%", "10.5%")
"""The same when the task column says PROGRAMME/CODE."""


def _html_table(header: list[str], rows: list[list[str]], numeric: set[int] = frozenset(), cls: str = "",
                widths: tuple[str, ...] | None = None) -> str:
    """`rows` are cells already made by _cell."""
    head = "".join(_cell(h, "num" if i in numeric else "", "th") for i, h in enumerate(header))
    body = "\n".join(f"<tr>{''.join(row)}</tr>" for row in rows)
    attribute = f' class="{cls}"' if cls else ""
    columns = "<colgroup>" + "".join(f'<col style="width:{w}">' for w in widths) + "</colgroup>" if widths else ""
    return f"<table{attribute}>{columns}\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n"


def svg_chart(series: ChartSeries, words: Labels, indicator: str) -> str:
    """A small chart: the planned cumulative targets (grey; steps or pro-rata lines), the reports (red)
    and the as-of date (blue, dashed). Inline SVG: no script, no external file."""
    width, height = 210, 64
    x0, x1, y0, y1 = 6.0, width - 6.0, 11.0, height - 12.0
    values = [v for _, v in series.planned] + [v for _, v in series.reports] + [series.final or 0.0, series.expected or 0.0]
    top = max(values + [1.0]) * 1.08
    span = max(1, (series.end - series.start).days)

    def x(day: date) -> float:
        return round(x0 + (min(max(day, series.start), series.end) - series.start).days / span * (x1 - x0), 1)

    def y(value: float) -> float:
        return round(y1 - max(0.0, value) / top * (y1 - y0), 1)

    points = series.planned
    if series.rule == "pro-rata":
        planned = "M " + " L ".join(f"{x(d)} {y(v)}" for d, v in points)
    else:
        planned = f"M {x(points[0][0])} {y(points[0][1])}" + "".join(f" H {x(d)} V {y(v)}" for d, v in points[1:])
    planned += f" H {x(series.end)}"
    lang = words.lang
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" class="progress-chart">',
        f"<title>{escape(words('weekly.chart_label', indicator=indicator))}</title>",
        f'<line x1="{x0}" y1="{y1}" x2="{x1}" y2="{y1}" stroke="#999" stroke-width="0.6"/>',
        f'<path d="{planned}" fill="none" stroke="#8c8c8c" stroke-width="1.3" class="planned"/>',
        f'<line x1="{x(series.on)}" y1="{y0 - 3}" x2="{x(series.on)}" y2="{y1}" stroke="#1f4e99" stroke-width="0.8" '
        f'stroke-dasharray="2 1.5" class="as-of"/>',
    ]
    if len(series.reports) > 1:
        line = " ".join(f"{x(d)},{y(v)}" for d, v in series.reports)
        parts.append(f'<polyline points="{line}" fill="none" stroke="#c00000" stroke-width="1.2"/>')
    for day, value in series.reports:
        parts.append(f'<circle cx="{x(day)}" cy="{y(value)}" r="2.2" fill="#c00000" class="report"/>')
    unit = series.unit if series.unit and lang == "zh" else ""
    if series.final is not None:
        final = format_number(series.final, unit, lang)
        parts.append(f'<text x="{x0}" y="8" font-size="7.5" fill="#555">{escape(final)}</text>')
    if series.expected is not None:
        parts.append(f'<circle cx="{x(series.on)}" cy="{y(series.expected)}" r="2.2" fill="#fff" stroke="#595959" '
                     f'stroke-width="0.9" class="expected"/>')
    if series.reports:
        day, value = series.reports[-1]
        label = escape(format_number(value, unit, lang))
        anchor = "end" if x(day) > x0 + 40 else "start"
        parts.append(f'<text x="{x(day) + (-4 if anchor == "end" else 4)}" y="{min(y1 - 1, y(value) + 9)}" '
                     f'font-size="7.5" fill="#c00000" text-anchor="{anchor}">{label}</text>')
    parts.append(f'<text x="{x0}" y="{height - 2}" font-size="7" fill="#666">{series.start.month}/{series.start.day}</text>')
    parts.append(f'<text x="{x1}" y="{height - 2}" font-size="7" fill="#666" text-anchor="end">'
                 f"{series.end.month}/{series.end.day}</text>")
    on_x = x(series.on)
    if x0 + 22 < on_x < x1 - 22:
        parts.append(f'<text x="{on_x}" y="{height - 2}" font-size="7" fill="#1f4e99" text-anchor="middle">'
                     f"{series.on.month}/{series.on.day}</text>")
    parts.append("</svg>")
    return "".join(parts)


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _printed_behind(report: WeeklyReport, many: bool, words: Labels, note_limit: int | None = None):
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


def _status_cell(status: str, words: Labels, stale: bool = False) -> str:
    """The status word, kept whole; the stale mark on a line of its own under it, so that a narrow
    column never has it run over the next cell."""
    content = f'<span class="word">{escape(words.status(status))}</span>'
    if stale:
        content += f'<span class="stale">{escape(words("stale.mark").strip())}</span>'
    return _cell(content, f"status s-{status}", raw=True)


def weekly_html(report: WeeklyReport, lang: str, today: date | None = None) -> str:
    """One self-contained page set for A4 landscape: the summary and the behind list (with a chart
    each), the unit rollup, the changes since the previous report; each section on its own page."""
    words = Labels(lang)
    many = len(report.programmes) > 1
    body = [
        '<section id="behind">',
        f"<h1>{escape(words('weekly.title'))}</h1>",
        f'<p class="sub">{escape(weekly_subtitle(report, words))}</p>',
        f'<p class="lead" id="summary">{escape(weekly_summary(report, words))}</p>',
        f'<p class="rows">{escape(words("weekly.rows", n=report.indicators, parts=count_sentence(report.row_counts, words)))}</p>',
        f"<h2>{escape(words('weekly.behind'))}</h2>",
    ]
    if report.behind:
        header = behind_header(words) + [words("col.chart")]
        rows = []
        for item, (cells, first) in zip(report.behind, _printed_behind(report, many, words), strict=True):
            title = f'<span class="title">{escape(shorten(item.title, 34))}</span>' if first else ""
            indicator = escape(item.indicator) + title
            rows.append([
                _cell(cells[0], "ref"), _cell(indicator, raw=True), _cell(cells[2]),
                *(_cell(cells[i], "num") for i in sorted(BEHIND_NUMERIC)),
                _status_cell(item.status, words, bool(item.stale)),
                _cell(cells[BEHIND_AT["latest"]]), _cell(svg_chart(item.series, words, item.indicator), "chart", raw=True),
            ])
        body.append(_html_table(header, rows, numeric=BEHIND_NUMERIC, cls="behind",
                                widths=BEHIND_WIDTHS_MANY if many else BEHIND_WIDTHS))
        body.append(f'<p class="legend">{escape(words("weekly.legend"))}</p>')
    else:
        body.append(f'<p class="none">{escape(words("weekly.behind_none", on=report.as_of.isoformat()))}</p>')
    body.append("</section>")

    body.append('<section id="units">')
    body.append(f"<h2>{escape(words('weekly.units'))}</h2>")
    unit_rows = []
    for unit in report.units:
        cells = units_cells(unit, words)
        row = [_cell(cells[0])]
        for status, value in zip(("tasks", *SUMMARY_ORDER), cells[1:8], strict=True):
            row.append(_cell(value, f"num s-{status}" if status in ("behind", "overdue", "no_report") and value else "num"))
        row += [_cell(cells[8], "num"), _cell(cells[9])]
        unit_rows.append(row)
    body.append(_html_table(units_header(words), unit_rows, numeric=set(range(1, 9)), cls="units"))
    body.append(f'<p class="note">{escape(words("units.caption", n=len(report.units)))}</p>')
    body.append("</section>")

    body.append('<section id="changes">')
    body.append(f"<h2>{escape(words('weekly.changes', since=report.since.isoformat()))}</h2>")
    body.append(f"<h3>{escape(words('weekly.new_reports'))}</h3>")
    if report.new_reports:
        rows = []
        for new in report.new_reports:
            cells = new_report_cells(new, many, words)
            rows.append([_cell(cells[0], "nowrap"), _cell(cells[1]), _cell(cells[2]), _cell(cells[3], "nowrap"),
                         _cell(cells[4], "num"), _cell(cells[5]), _cell(cells[6]), _status_cell(new.status, words)])
        body.append(_html_table(new_report_header(words), rows, numeric={4}))
    else:
        body.append(f"<p>{escape(words('weekly.new_reports_none'))}</p>")
    body.append(f"<h3>{escape(words('weekly.status_changes'))}</h3>")
    if report.status_changes:
        rows = []
        for change in report.status_changes:
            cells = change_cells(change, many, words)
            rows.append([_cell(cells[0], "nowrap"), _cell(cells[1]), _cell(cells[2]), _status_cell(change.before, words),
                         _status_cell(change.after, words), _cell(cells[5], "num"), _cell(cells[6], "nowrap")])
        body.append(_html_table(change_header(words), rows, numeric={5}))
    else:
        body.append(f"<p>{escape(words('weekly.status_changes_none'))}</p>")
    body.append("</section>")
    made = (today or date.today()).isoformat()
    body.append(f"<footer>{escape(words('weekly.generated', today=made, version=__version__))}</footer>")
    title = f"{words('weekly.title')} {report.as_of.isoformat()}"
    return _page(title, "\n".join(body) + "\n", lang)


def table_html(report: TableReport, lang: str, today: date | None = None) -> str:
    """The 一览表 as a printed appendix: title, summary counts, one table with the project name spanning
    its tasks, headers repeated on every page."""
    words = Labels(lang)
    title = table_title(report, words)
    body = ['<section id="table">', f"<h1>{escape(title)}</h1>",
            f'<p class="sub">{escape(words("table.as_of", on=report.as_of.isoformat()))}</p>']
    body += [f'<p class="lead summary">{escape(line)}</p>' if i == 0 else f'<p class="summary">{escape(line)}</p>'
             for i, line in enumerate(table_summary(report, words))]
    header = table_header(report, words)
    head = "".join(_cell(h, tag="th") for h in header)
    rows = []
    for group in report.groups:
        for i, row in enumerate(group.rows):
            cells = []
            if i == 0:
                cells.append(f'<td class="area" rowspan="{len(group.rows)}">{escape(area_name(group.area, words))}</td>')
            cells += [_cell(f"{row.code}.{row.title}"), _cell("\n".join(progress_lines(row, words))),
                      _cell("\n".join(next_lines(row, words))), _cell("\n".join(row.units)),
                      _cell(row.deadline_text, "nowrap")]
            rows.append(f'<tr class="task s-row-{row.task_status}" data-task="{escape(row.code)}">{"".join(cells)}</tr>')
    colgroup = ('<colgroup><col style="width:11%"><col style="width:19%"><col style="width:32%">'
                '<col style="width:22%"><col style="width:9%"><col style="width:7%"></colgroup>')
    body.append(f'<table class="onelist">{colgroup}\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
                + "\n".join(rows) + "\n</tbody>\n</table>")
    made = (today or date.today()).isoformat()
    body.append(f"<footer>{escape(words('weekly.generated', today=made, version=__version__))}</footer>")
    body.append("</section>")
    return _page(title, "\n".join(body) + "\n", lang)


# --- Rich (terminal) ---------------------------------------------------------------------------


def _rich_table(title: str | None, header: list[str], rows: list[list], numeric: set[int] = frozenset(),
                styles: list[str] | None = None, wrap_headers: bool = False):
    """Numbers are never broken. With `wrap_headers` (many columns) a numeric column is as wide as its
    widest number and its header wraps, so that in a narrow terminal the text columns keep some room."""
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table

    table = Table(title=title, box=box.SIMPLE_HEAVY, header_style="bold", title_justify="left")
    for i, name in enumerate(header):
        if wrap_headers and i in numeric:
            widest = max((cell_len(str(row[i])) for row in rows), default=1)
            table.add_column(name, justify="right", min_width=max(widest, 4), overflow="fold")
        else:
            table.add_column(name, justify="right" if i in numeric else "left", no_wrap=i in numeric,
                             overflow="fold")
    for i, row in enumerate(rows):
        table.add_row(*(str(c) for c in row), style=(styles[i] if styles else None) or None)
    return table


def units_table(units: list[UnitRollup], on: date, lang: str, responsible: bool = False):
    words = Labels(lang)
    title = words("units.title" if responsible else "units.title_lead", on=on.isoformat())
    table = _rich_table(title, units_header(words), [units_cells(u, words) for u in units], numeric=set(range(1, 9)),
                        styles=[STATUS_STYLES["behind"] if u.behind else "" for u in units])
    table.caption = words("units.caption", n=len(units)) if units else words("units.empty")
    return table


def weekly_view(report: WeeklyReport, lang: str):
    from rich.console import Group
    from rich.text import Text

    words = Labels(lang)
    many = len(report.programmes) > 1
    parts = [Text(words("weekly.title"), style="bold"), Text(weekly_subtitle(report, words), style="dim"),
             Text(weekly_summary(report, words), style="bold"), Text("")]
    if report.behind:
        parts.append(_rich_table(words("weekly.behind"), behind_header(words),
                                 [cells for cells, _ in _printed_behind(report, many, words, note_limit=40)],
                                 numeric=BEHIND_NUMERIC, wrap_headers=True,
                                 styles=[STATUS_STYLES[i.status] for i in report.behind]))
    else:
        parts.append(Text(words("weekly.behind_none", on=report.as_of.isoformat())))
    parts.append(_rich_table(words("weekly.units"), units_header(words), [units_cells(u, words) for u in report.units],
                             numeric=set(range(1, 9))))
    parts.append(Text(words("weekly.changes", since=report.since.isoformat()), style="bold"))
    if report.new_reports:
        parts.append(_rich_table(words("weekly.new_reports"), new_report_header(words),
                                 [new_report_cells(r, many, words) for r in report.new_reports], numeric={4}))
    else:
        parts.append(Text(words("weekly.new_reports_none")))
    if report.status_changes:
        parts.append(_rich_table(words("weekly.status_changes"), change_header(words),
                                 [change_cells(c, many, words) for c in report.status_changes], numeric={5},
                                 styles=[STATUS_STYLES[c.after] if c.worse else "" for c in report.status_changes]))
    else:
        parts.append(Text(words("weekly.status_changes_none")))
    return Group(*parts)
