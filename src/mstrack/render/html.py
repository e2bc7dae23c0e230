"""The HTML of report data (reports/weekly.py, units.py, overview.py): the weekly report and the 一览表 as one printable
page each, with inline SVG charts. Plain data in, text out; cells and sentences come from render/report.py.
"""

from __future__ import annotations

from datetime import date
from html import escape

from mstrack import __version__
from mstrack.domain.quantities import format_number
from mstrack.labels import Labels
from mstrack.model import PRO_RATA
from mstrack.render import report as shared
from mstrack.render.outputs import marked_text
from mstrack.render.revisions import CANCELLED_NUMERIC, cancelled_cells, cancelled_header, plan_change_cells, plan_change_header
from mstrack.reports.overview import TableReport
from mstrack.reports.weekly import ChartSeries, WeeklyReport
from mstrack.vocabulary import WRITER

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
th, td { border: 0.6pt solid #777; padding: 1.2mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #d9e2f3; font-weight: bold; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
td.ref { overflow-wrap: anywhere; }
td.chart { padding: 0.5mm; }
td.chart svg { display: block; width: 100%%; height: auto; overflow: visible; }
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
.onelist th { white-space: normal; }
table.behind { table-layout: fixed; }
table.onelist { table-layout: fixed; }
.onelist td.area { font-weight: bold; font-family: %(serif)s; }
.onelist td.area.more { font-weight: normal; }
footer { margin-top: 4mm; text-align: right; }
@media screen { body { padding: 8mm; } }
"""


def _css(running: str) -> str:
    status_css = "\n".join(f".s-{status} {{ color: {fg}; background: {bg}; font-weight: bold; }}"
                           for status, (fg, bg) in shared.STATUS_COLOURS.items())
    quoted = '"' + running.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ") + '"'
    return CSS % {"sans": FONTS_SANS, "serif": FONTS_SERIF, "status_css": status_css, "running": quoted}


def page(title: str, body: str, lang: str) -> str:
    html_lang = "zh-CN" if lang == "zh" else "en"
    return marked_text(f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="generator" content="{WRITER} {escape(__version__)}">\n<title>{escape(title)}</title>\n'
            f"<style>{_css(title)}</style>\n</head>\n<body>\n{body}</body>\n</html>\n")


def cell(value, cls: str = "", tag: str = "td", raw: bool = False) -> str:
    text = "" if value is None else str(value)
    content = text if raw else escape(text).replace("\n", "<br>")
    attribute = f' class="{cls}"' if cls else ""
    return f"<{tag}{attribute}>{content}</{tag}>"


BEHIND_WIDTHS = ("4%", "10%", "6.5%", "8%", "7%", "7%", "7.5%", "6.5%", "6.5%", "5.5%", "6.5%", "13%", "12%")
"""BEHIND_COLUMNS and the chart, on A4 landscape (table-layout: fixed): a five-character header (序时完成率,
年度完成率) fits on one line, the status word fits whole, the stale mark goes on a line under it."""
BEHIND_WIDTHS_MANY = ("8%", "9%", "6.5%", "8%", "7%", "7%", "7.5%", "6.5%", "6.5%", "5.5%", "6.5%", "10.5%", "11.5%")
"""The same when the task column says PROGRAMME/CODE."""


def _html_table(header: list[str], rows: list[list[str]], numeric: set[int] = frozenset(), cls: str = "",
                widths: tuple[str, ...] | None = None) -> str:
    """`rows` are cells already made by cell."""
    head = "".join(cell(h, "num" if i in numeric else "", "th") for i, h in enumerate(header))
    body = "\n".join(f"<tr>{''.join(row)}</tr>" for row in rows)
    attribute = f' class="{cls}"' if cls else ""
    columns = "<colgroup>" + "".join(f'<col style="width:{w}">' for w in widths) + "</colgroup>" if widths else ""
    return f"<table{attribute}>{columns}\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n"


CHART_WIDTH, CHART_HEIGHT = 90, 42
"""The chart's user units, about points as printed: the chart column is ~90 pt wide on A4 landscape."""
CHART_FONT = 8.6
"""Labels of at least 8 pt printed (the column is never narrower than ~84 pt)."""
PLOT_TOP, PLOT_BOTTOM = 14.0, 29.0
"""The lines and dots stay between these; the labels stand above (target, latest value) and below
(dates), so that no line ever runs through a label."""


def label_width(text: str, size: float = CHART_FONT) -> float:
    """About how wide a label prints: a CJK character is a square, a digit or letter a bit over half."""
    return sum(size if ord(char) > 0x2E7F else 0.6 * size for char in text)


def _chart_labels(series: ChartSeries, unit: str, lang: str, x0: float, x1: float, on_x: float) -> list[str]:
    """The labels in their bands: the annual target (grey) top left and the latest value (red) top right,
    the start and end dates bottom left and right, the as-of date under its line where it fits between."""
    def text(x: float, y: float, words: str, colour: str, anchor: str, cls: str) -> str:
        return (f'<text x="{round(x, 1)}" y="{y}" font-size="{CHART_FONT}" fill="{colour}" text-anchor="{anchor}" '
                f'class="{cls}">{escape(words)}</text>')

    top, bottom = 8.5, CHART_HEIGHT - 2.5
    parts = []
    latest = format_number(series.reports[-1][1], unit, lang) if series.reports else None
    final = format_number(series.final, unit, lang) if series.final is not None else None
    room = x1 - x0
    if latest is not None:
        parts.append(text(x1, top, latest, "#c00000", "end", "label latest"))
    if final is not None and label_width(final) + (label_width(latest) + 4 if latest else 0) <= room:
        parts.append(text(x0, top, final, "#555", "start", "label final"))
    start = f"{series.start.month}/{series.start.day}"
    end = f"{series.end.month}/{series.end.day}"
    parts.append(text(x0, bottom, start, "#666", "start", "label date"))
    parts.append(text(x1, bottom, end, "#666", "end", "label date"))
    on = f"{series.on.month}/{series.on.day}"
    half = label_width(on) / 2
    if x0 + label_width(start) + 2 < on_x - half and on_x + half < x1 - label_width(end) - 2:
        parts.append(text(on_x, bottom, on, "#1f4e99", "middle", "label date as-of"))
    return parts


def svg_chart(series: ChartSeries, words: Labels, indicator: str) -> str:
    """A small chart: the planned cumulative targets (grey; steps or pro-rata lines), the reports (red)
    and the as-of date (blue, dashed). Inline SVG: no script, no external file. The labels print at 8 pt
    or more, in bands of their own above and below the lines."""
    width, height = CHART_WIDTH, CHART_HEIGHT
    x0, x1, y0, y1 = 3.0, width - 3.0, PLOT_TOP, PLOT_BOTTOM
    values = [v for _, v in series.planned] + [v for _, v in series.reports] + [series.final or 0.0, series.expected or 0.0]
    top = max(values + [1.0])
    span = max(1, (series.end - series.start).days)

    def x(day: date) -> float:
        return round(x0 + (min(max(day, series.start), series.end) - series.start).days / span * (x1 - x0), 1)

    def y(value: float) -> float:
        return round(y1 - max(0.0, value) / top * (y1 - y0), 1)

    points = series.planned
    if series.rule == PRO_RATA:
        planned = "M " + " L ".join(f"{x(d)} {y(v)}" for d, v in points)
    else:
        planned = f"M {x(points[0][0])} {y(points[0][1])}" + "".join(f" H {x(d)} V {y(v)}" for d, v in points[1:])
    planned += f" H {x(series.end)}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" class="progress-chart">',
        f"<title>{escape(words('weekly.chart_label', indicator=indicator))}</title>",
        f'<line x1="{x0}" y1="{y1}" x2="{x1}" y2="{y1}" stroke="#999" stroke-width="0.6"/>',
        f'<path d="{planned}" fill="none" stroke="#8c8c8c" stroke-width="1.3" class="planned"/>',
        f'<line x1="{x(series.on)}" y1="{y0}" x2="{x(series.on)}" y2="{y1}" stroke="#1f4e99" stroke-width="0.8" '
        f'stroke-dasharray="2 1.5" class="as-of"/>',
    ]
    if len(series.reports) > 1:
        line = " ".join(f"{x(d)},{y(v)}" for d, v in series.reports)
        parts.append(f'<polyline points="{line}" fill="none" stroke="#c00000" stroke-width="1.2"/>')
    for day, value in series.reports:
        parts.append(f'<circle cx="{x(day)}" cy="{y(value)}" r="2" fill="#c00000" class="report"/>')
    if series.expected is not None:
        parts.append(f'<circle cx="{x(series.on)}" cy="{y(series.expected)}" r="2" fill="#fff" stroke="#595959" '
                     f'stroke-width="0.9" class="expected"/>')
    unit = series.unit if series.unit and words.lang == "zh" else ""
    parts += _chart_labels(series, unit, words.lang, x0, x1, x(series.on))
    parts.append("</svg>")
    return "".join(parts)


def _status_cell(status: str, words: Labels, stale: bool = False) -> str:
    """The status word, kept whole; the stale mark on a line of its own under it, so that a narrow
    column never has it run over the next cell."""
    content = f'<span class="word">{escape(words.status(status))}</span>'
    if stale:
        content += f'<span class="stale">{escape(words("stale.mark").strip())}</span>'
    return cell(content, f"status s-{status}", raw=True)


def _units_section(report: WeeklyReport, words: Labels) -> list[str]:
    """The unit rollup, a unit's late counts marked in their status colour."""
    unit_rows = []
    for unit in report.units:
        cells = shared.units_cells(unit, words)
        row = [cell(cells[0])]
        for status, value in zip(("tasks", *shared.SUMMARY_ORDER), cells[1:8], strict=True):
            row.append(cell(value, f"num s-{status}" if status in ("behind", "overdue", "no_report") and value else "num"))
        unit_rows.append([*row, cell(cells[8], "num"), cell(cells[9])])
    return ['<section id="units">', f"<h2>{escape(words('weekly.units'))}</h2>",
            _html_table(shared.units_header(words), unit_rows, numeric=set(range(1, 9)), cls="units"),
            f'<p class="note">{escape(shared.units_count(report.units, words))}</p>', "</section>"]


def _changes_section(report: WeeklyReport, many: bool, words: Labels) -> list[str]:
    """What came in since the previous report: the new values, and the statuses that changed."""
    new, more_new = shared.shown_changes(report.new_reports)  # the page prints the first; the files hold them all
    changes, more_changed = shared.shown_changes(report.status_changes)
    revised, more_revised = shared.shown_changes(report.plan_changes)  # a revision imported in the week
    new_rows = [[cell(c[0], "nowrap"), cell(c[1]), cell(c[2]), cell(c[3], "nowrap"), cell(c[4], "num"), cell(c[5]),
                 cell(c[6]), _status_cell(one.status, words)]
                for one, c in ((one, shared.new_report_cells(one, many, words)) for one in new)]
    change_rows = [[cell(c[0], "nowrap"), cell(c[1]), cell(c[2]), _status_cell(change.before, words),
                    _status_cell(change.after, words), cell(c[5], "num"), cell(c[6], "nowrap")]
                   for change, c in ((change, shared.change_cells(change, many, words)) for change in changes)]
    return ['<section id="changes">', f"<h2>{escape(words('weekly.changes', since=report.since.isoformat()))}</h2>",
            *_listing(words, "weekly.new_reports", shared.new_report_header(words), new_rows, {4}, more_new),
            *_listing(words, "weekly.status_changes", shared.change_header(words), change_rows, {5}, more_changed),
            *(_listing(words, "weekly.plan_changes", plan_change_header(words),
                       [[cell(c) for c in plan_change_cells(one, words)] for one in revised], {0}, more_revised)
              if revised else []),
            "</section>", *_cancelled_section(report, many, words)]


def _cancelled_section(report: WeeklyReport, many: bool, words: Labels) -> list[str]:
    """The tasks revisions cancelled (已取消), counted in no section above: said, so that the printed list does not
    read as if they never were; nothing where there are none."""
    if not report.cancelled:
        return []
    rows = [[cell(c, "num" if i in CANCELLED_NUMERIC else "") for i, c in enumerate(cancelled_cells(one, many, words))]
            for one in report.cancelled]
    return ['<section id="cancelled">', f"<h2>{escape(words('weekly.cancelled'))}</h2>",
            f'<p class="note">{escape(words("weekly.cancelled_note"))}</p>',
            _html_table(cancelled_header(words), rows, numeric=CANCELLED_NUMERIC), "</section>"]


def _listing(words: Labels, key: str, header: list[str], rows: list[list[str]], numeric: set[int],
             more: int = 0) -> list[str]:
    """A titled table of the changes since the last report, or the sentence (`key`_none) saying there are none;
    `more`: the rows left out of it (shared.shown_changes), counted under it."""
    if not rows:
        return [f"<h3>{escape(words(key))}</h3>", f"<p>{escape(words(key + '_none'))}</p>"]
    cut_said = [f'<p class="note">{escape(shared.more_changes(more, words))}</p>'] if more else []
    return [f"<h3>{escape(words(key))}</h3>", _html_table(header, rows, numeric=numeric), *cut_said]


def weekly_html(report: WeeklyReport, lang: str, today: date | None = None) -> str:
    """One self-contained page set for A4 landscape: the summary and the behind list (with a chart
    each), the unit rollup, the changes since the previous report; each section on its own page."""
    words = Labels(lang)
    many = len(report.programmes) > 1
    body = [
        '<section id="behind">',
        f"<h1>{escape(words('weekly.title'))}</h1>",
        f'<p class="sub">{escape(shared.weekly_subtitle(report, words))}</p>',
        f"<h2>{escape(words('weekly.summary_sheet'))}</h2>",
        f'<p class="lead" id="summary">{escape(shared.weekly_summary(report, words))}</p>',
        *([f'<p class="silent">{escape(silent)}</p>'] if (silent := shared.weekly_silent(report, words)) else []),
        f'<p class="rows">{escape(words("weekly.rows", n=report.indicators, parts=shared.count_sentence(report.row_counts, words)))}</p>',
        f"<h2>{escape(words('weekly.behind'))}</h2>",
    ]
    if report.behind:
        header = shared.behind_header(words) + [words("col.chart")]
        rows = []
        for item, (cells, first) in zip(report.behind, shared.printed_behind(report, many, words), strict=True):
            title = f'<span class="title">{escape(shared.shorten(item.title, 34))}</span>' if first else ""
            indicator = escape(item.indicator) + title
            rows.append([
                cell(cells[0], "ref"), cell(indicator, raw=True), cell(cells[2]),
                *(cell(cells[i], "num") for i in sorted(shared.BEHIND_NUMERIC)),
                _status_cell(item.status, words, bool(item.stale)),
                cell(cells[shared.BEHIND_AT["latest"]]), cell(svg_chart(item.series, words, item.indicator), "chart", raw=True),
            ])
        body.append(_html_table(header, rows, numeric=shared.BEHIND_NUMERIC, cls="behind",
                                widths=BEHIND_WIDTHS_MANY if many else BEHIND_WIDTHS))
        body.append(f'<p class="legend">{escape(words("weekly.legend"))}</p>')
    else:
        body.append(f'<p class="none">{escape(words("weekly.behind_none", on=report.as_of.isoformat()))}</p>')
    body.append("</section>")
    body += _units_section(report, words) + _changes_section(report, many, words)
    made = (today or date.today()).isoformat()
    body.append(f"<footer>{escape(words('weekly.generated', today=made, version=__version__))}</footer>")
    title = f"{words('weekly.title')} {report.as_of.isoformat()}"
    return page(title, "\n".join(body) + "\n", lang)


def table_html(report: TableReport, lang: str, today: date | None = None) -> str:
    """The 一览表 as a printed appendix: title, summary counts, one table with the project name on every
    row of its tasks (a cell spanning them prints on its first page only), headers repeated on every page."""
    words = Labels(lang)
    title = shared.table_title(report, words)
    body = ['<section id="table">', f"<h1>{escape(title)}</h1>",
            f'<p class="sub">{escape(shared.table_as_of(report, words))}</p>']
    body += [f'<p class="lead summary">{escape(line)}</p>' if i == 0 else f'<p class="summary">{escape(line)}</p>'
             for i, line in enumerate(shared.table_summary(report, words))]
    header = shared.table_header(report, words)
    head = "".join(cell(h, tag="th") for h in header)
    rows = []
    for group in report.groups:
        for i, row in enumerate(group.rows):
            area = "area" if i == 0 else "area more"
            cells = [f'<td class="{area}">{escape(shared.area_name(group.area, words, report))}</td>',
                     cell(f"{row.code}.{row.title}"), cell("\n".join(shared.progress_lines(row, words))),
                      cell("\n".join(shared.next_lines(row, words, report.kind))), cell("\n".join(row.units)),
                      cell(row.deadline_text, "nowrap")]
            rows.append(f'<tr class="task s-row-{row.task_status}" data-task="{escape(row.code)}">{"".join(cells)}</tr>')
    colgroup = ('<colgroup><col style="width:11%"><col style="width:19%"><col style="width:32%">'
                '<col style="width:22%"><col style="width:9%"><col style="width:7%"></colgroup>')
    body.append(f'<table class="onelist">{colgroup}\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
                + "\n".join(rows) + "\n</tbody>\n</table>")
    made = (today or date.today()).isoformat()
    body.append(f"<footer>{escape(words('weekly.generated', today=made, version=__version__))}</footer>")
    body.append("</section>")
    return page(title, "\n".join(body) + "\n", lang)
