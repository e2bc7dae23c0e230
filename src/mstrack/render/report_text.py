"""Reports as text files: Markdown, CSV and JSON (the weekly report, the units' roll-up, the 一览表), from the pieces
render/report.py shares with the screen, html and xlsx renderers.

Plain data in, text out: a renderer never queries, and takes every word from labels.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from html import escape

from mstrack.labels import Labels
from mstrack.render.outputs import dump_json, json_chunks, marked_text, spreadsheet_text
from mstrack.render.report import (
    BEHIND_NUMERIC,
    area_name,
    behind_cells,
    behind_header,
    change_cells,
    change_header,
    count_sentence,
    is_ranked,
    is_silent,
    new_report_cells,
    new_report_header,
    next_lines,
    printed_behind,
    progress_lines,
    table_as_of,
    table_header,
    table_summary,
    table_title,
    units_cells,
    units_count,
    units_header,
    weekly_silent,
    weekly_subtitle,
    weekly_summary,
)
from mstrack.render.revisions import (
    CANCELLED_NUMERIC,
    cancelled_cells,
    cancelled_header,
    plan_change_cells,
    plan_change_header,
)
from mstrack.reports.overview import TableReport
from mstrack.reports.units import UnitRollup
from mstrack.reports.weekly import WeeklyReport

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


def marked_md(text: str) -> str:
    """A Markdown report with mstrack's mark as its last line (vocabulary.MARKDOWN_MARK), after a blank one: an -o
    replaces a Markdown file only when it carries the mark (sources/forms.document_held), never an office's notes."""
    return marked_text(f"{text}\n")


def units_md(units: list[UnitRollup], on: date, lang: str, responsible: bool = False, scope: str = "") -> str:
    words = Labels(lang)
    title = " · ".join(filter(None, [words("units.title" if responsible else "units.title_lead", on=on.isoformat()), scope]))
    body = md_table(units_header(words, is_ranked(units), is_silent(units)), [units_cells(u, words) for u in units],
                    right=set(range(1, 9)))
    return marked_md(f"# {_md_text(title)}\n\n{body}\n{_md_text(units_count(units, words))}\n")


def weekly_md(report: WeeklyReport, lang: str) -> str:
    words = Labels(lang)
    many = len(report.programmes) > 1
    out = [f"# {words('weekly.title')}\n", f"{_md_text(weekly_subtitle(report, words))}\n",
           f"**{_md_text(weekly_summary(report, words))}**\n",
           *([f"{_md_text(silent)}\n"] if (silent := weekly_silent(report, words)) else []),
           _md_text(words("weekly.rows", n=report.indicators, parts=count_sentence(report.row_counts, words))) + "\n",
           f"## {words('weekly.behind')}\n"]
    if report.behind:
        out.append(md_table(behind_header(words), [cells for cells, _ in printed_behind(report, many, words)],
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
    if report.plan_changes:  # a revision imported in the week
        out += [f"### {words('weekly.plan_changes')}\n",
                md_table(plan_change_header(words), [plan_change_cells(c, words) for c in report.plan_changes])]
    if report.cancelled:  # counted nowhere above: said, so that the list does not read as if they never were
        out += [f"## {words('weekly.cancelled')}\n", _md_text(words("weekly.cancelled_note")) + "\n",
                md_table(cancelled_header(words), [cancelled_cells(c, many, words) for c in report.cancelled],
                         right=CANCELLED_NUMERIC)]
    return marked_md("\n".join(out))


def table_md(report: TableReport, lang: str) -> str:
    """The 一览表 as one Markdown table; the project name stands on the first row of its group."""
    words = Labels(lang)
    out = [f"# {_md_text(table_title(report, words))}\n", table_as_of(report, words) + "\n"]
    out += [_md_text(line) + "\n" for line in table_summary(report, words)]
    rows = []
    for group in report.groups:
        for i, row in enumerate(group.rows):
            rows.append([area_name(group.area, words, report) if i == 0 else "", f"{row.code}.{row.title}",
                         "\n".join(progress_lines(row, words)), "\n".join(next_lines(row, words, report.kind)),
                         "\n".join(row.units), row.deadline_text])
    out.append(md_table(table_header(report, words), rows))
    return marked_md("\n".join(out))


# --- CSV ---------------------------------------------------------------------------------------


def csv_text(rows: list[list]) -> str:
    """Rows as CSV text; no cell opens as a formula in a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([spreadsheet_text(cell) for cell in row] for row in rows)  # no cell opens as a formula
    return buffer.getvalue()


def units_csv(units: list[UnitRollup], lang: str) -> str:
    words = Labels(lang)
    return csv_text([units_header(words, is_ranked(units), is_silent(units)), *(units_cells(u, words) for u in units)])


def weekly_csv(report: WeeklyReport, lang: str) -> str:
    """The sections one under another, each under its title row, with a blank row between: what a
    spreadsheet shows when it opens the file."""
    words = Labels(lang)
    many = len(report.programmes) > 1
    rows: list[list] = [[words("weekly.title"), weekly_subtitle(report, words)], [weekly_summary(report, words)],
                        *([[silent]] if (silent := weekly_silent(report, words)) else []), [],
                        [words("weekly.behind")], behind_header(words)]
    rows += [behind_cells(i, many, words) for i in report.behind]
    rows += [[], [words("weekly.units")], units_header(words), *(units_cells(u, words) for u in report.units)]
    rows += [[], [words("weekly.new_reports")], new_report_header(words)]
    rows += [new_report_cells(r, many, words) for r in report.new_reports]
    rows += [[], [words("weekly.status_changes")], change_header(words)]
    rows += [change_cells(c, many, words) for c in report.status_changes]
    if report.plan_changes:
        rows += [[], [words("weekly.plan_changes")], plan_change_header(words)]
        rows += [plan_change_cells(c, words) for c in report.plan_changes]
    if report.cancelled:
        rows += [[], [words("weekly.cancelled"), words("weekly.cancelled_note")], cancelled_header(words)]
        rows += [cancelled_cells(c, many, words) for c in report.cancelled]
    return csv_text(rows)


# --- JSON --------------------------------------------------------------------------------------


def units_json(units: list[UnitRollup]) -> str:
    return dump_json([u.as_dict() for u in units])


def weekly_json(report: WeeklyReport, lang: str) -> Iterator[str]:
    """The weekly report as JSON, in pieces (render.outputs.json_chunks): its charts can hold ~700,000 points."""
    data = report.as_dict()
    data["summary"]["text"] = weekly_summary(report, Labels(lang))
    return json_chunks(data)


def table_json(report: TableReport, lang: str) -> str:
    words = Labels(lang)
    data = report.as_dict()
    data["title"] = table_title(report, words)
    data["columns"] = table_header(report, words)
    data["summary"]["text"] = table_summary(report, words)
    for group, plain in zip(report.groups, data["areas"], strict=True):
        for row, cells in zip(group.rows, plain["tasks"], strict=True):
            cells["progress_text"] = "\n".join(progress_lines(row, words))
            cells["next_text"] = "\n".join(next_lines(row, words, report.kind))
    return dump_json(data)
