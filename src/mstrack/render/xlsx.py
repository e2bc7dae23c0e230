"""Reports as .xlsx workbooks (openpyxl, imported when called): one sheet per section, a frozen
header, fills for statuses, column widths that fit Chinese text, A4 landscape print setup.

Plain data in (reports.py), bytes out; every word comes from labels through render_report.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from copy import copy

from mstrack.labels import Labels
from mstrack.render.outputs import clean_value
from mstrack.render.pages import display_width, fit_rows, print_setup
from mstrack.render.report import (
    BEHIND_AT,
    BEHIND_NUMERIC,
    STATUS_COLOURS,
    SUMMARY_ORDER,
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
    progress_lines,
    table_as_of,
    table_header,
    table_summary,
    table_title,
    units_cells,
    units_header,
    weekly_silent,
    weekly_subtitle,
    weekly_summary,
)
from mstrack.render.revisions import CANCELLED_NUMERIC, cancelled_cells, cancelled_header, plan_change_cells, plan_change_header
from mstrack.reports.overview import TableReport
from mstrack.reports.units import UnitRollup
from mstrack.reports.weekly import WeeklyReport

HEADER_FILL = "D9E2F3"
MAX_WIDTH = 40
"""The widest a column grows (Excel's character units); longer text wraps, the row grows to show it."""
LONG_TEXT = 30
"""The width of a column of sentences (a note, a task's title): the rest of the page needs the room."""
PERCENT = "0.0%"
DATE = "yyyy-mm-dd"


def _percent(value: float | None) -> float | None:
    """A percentage as the number a spreadsheet holds (0.833 shown as 83.3%)."""
    return None if value is None else round(value / 100, 6)


def status_fill(status: str):
    from openpyxl.styles import PatternFill

    return PatternFill("solid", fgColor=STATUS_COLOURS[status][1].lstrip("#").upper())


def _status_font(status: str):
    from openpyxl.styles import Font

    return Font(bold=True, color=STATUS_COLOURS[status][0].lstrip("#").upper())


def _status_style(cell, status: str) -> None:
    cell.fill = status_fill(status)
    cell.font = _status_font(status)


def shared_style(cell, styles: dict, key, style: Callable) -> None:
    """The cell styled as the first cell of its `key` was by `style`, that cell's style array copied (what openpyxl
    copies for a named style, with no named style written): setting a Font, Fill or Alignment hashes it against the
    workbook's own at every cell (trial63 #8: a new Alignment a cell was 53 of 60 s of a weekly workbook, 1.2 GB on a
    big week). Each array copied keeps the output byte for byte (tests/test_fixtrial63b.py, bench/weekly_xlsx.py)."""
    array = styles.get(key)
    if array is None:
        style(cell)
        styles[key] = copy(cell._style)
    else:
        cell._style = copy(array)


def _fit_widths(sheet, header_row: int = 1, caps: dict[int, int] | None = None) -> None:
    """Width in Excel's character units: CJK characters count twice; long text wraps at a cap. A header
    of four characters or fewer stays on one line; a longer one wraps onto two rather than widen a column of
    short numbers."""
    from openpyxl.utils import get_column_letter

    caps = caps or {}
    for column in range(1, sheet.max_column + 1):
        head = sheet.cell(row=header_row, column=column).value
        head = display_width(str(head)) if head is not None else 0
        widest = head if head <= 8 else -(-head // 2) + 3
        for row in range(header_row + 1, sheet.max_row + 1):
            value = sheet.cell(row=row, column=column).value
            if value is None:
                continue
            for line in str(value).splitlines() or [""]:
                widest = max(widest, display_width(line))
        sheet.column_dimensions[get_column_letter(column)].width = min(max(widest + 2, 6), caps.get(column, MAX_WIDTH))


def _style_header(cells, line_colour: str):
    """A header row: bold on the header fill, centred and wrapped, in thin lines of `line_colour`; returns
    the border, for the body's cells."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color=line_colour)
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for cell in cells:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    return border


def section_sheet(workbook, name: str, header: list[str], rows: list[list], title: str, *, numeric: set[int] = frozenset(),
                   status_columns: dict[int, list[str]] | None = None, first: bool = False, empty: str | None = None,
                   formats: dict[int, str] | None = None, caps: dict[int, int] | None = None):
    """A sheet with the header in row 1 (frozen, repeated on every printed page) and the rows below;
    without rows, the `empty` line across the sheet, as md and html say it, rather than a bare header.
    `formats`: a number format by column (dates, percentages); `caps`: a narrower width by column."""
    from openpyxl.styles import Alignment

    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = name[:31]
    sheet.append(header)
    for row in rows:
        sheet.append(_cells(row))
    border = _style_header(sheet[1], "999999")
    formats, styles = formats or {}, {}

    def kind(cell) -> tuple:  # what a body cell's style depends on: its column's alignment, its number format
        index = cell.column - 1
        return index in numeric, formats.get(index) if cell.value is not None else None

    def body(cell, right: bool, number_format: str | None) -> None:
        cell.border = border
        cell.alignment = Alignment(vertical="top", wrap_text=not right, horizontal="right" if right else None)
        if number_format is not None:
            cell.number_format = number_format

    for excel_row in sheet.iter_rows(min_row=2):
        for cell in excel_row:
            shared_style(cell, styles, key := kind(cell), lambda cell, key=key: body(cell, *key))
    for index, statuses in (status_columns or {}).items():
        for offset, status in enumerate(statuses):
            if status:
                cell = sheet.cell(row=offset + 2, column=index + 1)
                shared_style(cell, styles, (kind(cell), status), lambda cell, status=status: _status_style(cell, status))
    sheet.freeze_panes = "B2"
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    _fit_widths(sheet, caps={index + 1: width for index, width in (caps or {}).items()})
    if not rows and empty:  # after the widths: the line spans the columns, it does not widen the first
        cell = sheet.cell(row=2, column=1, value=empty)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=max(1, len(header)))
    fit_rows(sheet, 1)
    print_setup(sheet, title)
    return sheet


def _units_rows(units: list[UnitRollup], words: Labels) -> list[list]:
    rows = []
    for unit in units:
        cells = units_cells(unit, words)
        cells[8] = _percent(unit.completion_rate)  # a number in the sheet, shown with a % format
        rows.append(cells)
    return rows


def _units_sheet(workbook, units: list[UnitRollup], words: Labels, title: str, first: bool = False):
    header = units_header(words, is_ranked(units), is_silent(units))
    sheet = section_sheet(workbook, words("weekly.units"), header, _units_rows(units, words), title,
                           numeric=set(range(1, 9)), first=first, empty=words("units.empty"), formats={8: PERCENT},
                           caps={9: LONG_TEXT})
    for offset, unit in enumerate(units):
        row = offset + 2
        for column, status in ((5, "behind"), (6, "no_report"), (7, "overdue")):
            if getattr(unit, status):
                sheet.cell(row=row, column=column).fill = status_fill(status)
                sheet.cell(row=row, column=column).font = _status_font(status)
    return sheet


def _cells(values: list) -> list:
    """A row's values as a sheet may hold them: control characters from the data (a note pasted with an
    ESC or a form feed) dropped, where openpyxl would refuse the whole workbook (IllegalCharacterError)."""
    return [clean_value(value) for value in values]


def save(workbook, title: str) -> bytes:
    from mstrack.render.outputs import stamped_zip, write_cells_as_text

    for sheet in workbook.worksheets:  # a task titled "=…" stays words, never a formula
        write_cells_as_text(sheet)
    workbook.properties.title = title
    workbook.properties.creator = "mstrack"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return stamped_zip(buffer.getvalue())


def units_xlsx(units: list[UnitRollup], on, lang: str, responsible: bool = False, scope: str = "") -> bytes:
    from openpyxl import Workbook

    words = Labels(lang)
    title = " · ".join(filter(None, [words("units.title" if responsible else "units.title_lead", on=on.isoformat()), scope]))
    workbook = Workbook()
    _units_sheet(workbook, units, words, title, first=True)
    return save(workbook, title)


def weekly_xlsx(report: WeeklyReport, lang: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    words = Labels(lang)
    many = len(report.programmes) > 1
    title = f"{words('weekly.title')} {report.as_of.isoformat()}"
    workbook = Workbook()

    summary_rows = [[words.status(s), report.task_counts.get(s, 0), report.row_counts.get(s, 0)] for s in SUMMARY_ORDER]
    summary_rows.append([words("weekly.total"), report.tasks, report.indicators])
    sheet = section_sheet(workbook, words("weekly.summary_sheet"),
                           [words("col.status"), words("units.tasks"), words("weekly.indicators")], summary_rows, title,
                           numeric={1, 2}, status_columns={0: list(SUMMARY_ORDER)}, first=True)
    sheet.cell(row=len(summary_rows) + 1, column=1).font = Font(bold=True)
    notes = [weekly_summary(report, words), weekly_subtitle(report, words),
             words("weekly.rows", n=report.indicators, parts=count_sentence(report.row_counts, words)),
             *filter(None, [weekly_silent(report, words)])]
    start = len(summary_rows) + 3
    for offset, text in enumerate(notes):  # each sentence across the sheet's printed width
        row = start + offset
        cell = sheet.cell(row=row, column=1, value=clean_value(text))
        cell.font = Font(bold=offset == 0, size=12 if offset == 0 else 10)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=8)
    sheet.column_dimensions["A"].width = max(sheet.column_dimensions["A"].width, 14)
    for letter in "DEFGH":
        sheet.column_dimensions[letter].width = 12
    fit_rows(sheet, start)
    sheet.print_area = f"A1:H{start + len(notes) - 1}"

    behind_rows = []
    for item in report.behind:
        cells = behind_cells(item, many, words)
        cells[BEHIND_AT["pace"]] = _percent(item.pace)  # numbers in the sheet
        cells[BEHIND_AT["share"]] = _percent(item.percent)
        if item.days_behind != 0:  # a number in the sheet; 当天到期 as printed elsewhere (trial53 F12)
            cells[BEHIND_AT["days_behind"]] = item.days_behind
        behind_rows.append([*cells, item.title])
    sheet = section_sheet(workbook, words("weekly.behind"), [*behind_header(words), words("col.title")], behind_rows,
                           title, numeric=BEHIND_NUMERIC, status_columns={BEHIND_AT["status"]: [i.status for i in report.behind]},
                           empty=words("weekly.behind_none", on=report.as_of.isoformat()),
                           formats={BEHIND_AT["pace"]: PERCENT, BEHIND_AT["share"]: PERCENT},
                           caps={BEHIND_AT["indicator"]: 16, BEHIND_AT["status"]: 10, BEHIND_AT["lead_unit"]: 14,
                                 BEHIND_AT["latest"]: LONG_TEXT, len(BEHIND_AT): LONG_TEXT})
    _units_sheet(workbook, report.units, words, title)
    new_rows = [[*cells[:3], new.as_of, *cells[4:]]  # the date as a date
                for new, cells in ((new, new_report_cells(new, many, words)) for new in report.new_reports)]
    section_sheet(workbook, words("weekly.new_reports"), new_report_header(words), new_rows, title, numeric={4},
                   status_columns={7: [r.status for r in report.new_reports]}, empty=words("weekly.new_reports_none"),
                   formats={3: DATE}, caps={5: LONG_TEXT})
    change_rows = [[*cells[:6], change.as_of]
                   for change, cells in ((change, change_cells(change, many, words)) for change in report.status_changes)]
    section_sheet(workbook, words("weekly.status_changes"), change_header(words), change_rows, title, numeric={5},
                   status_columns={3: [c.before for c in report.status_changes],
                                   4: [c.after for c in report.status_changes]},
                   empty=words("weekly.status_changes_none"), formats={6: DATE})
    if report.plan_changes:  # a revision imported in the week
        section_sheet(workbook, words("weekly.plan_changes"), plan_change_header(words),
                      [[int(c.batch), c.on, *plan_change_cells(c, words)[2:]] for c in report.plan_changes], title,
                      numeric={0}, formats={1: DATE}, caps={3: LONG_TEXT})
    if report.cancelled:  # counted in no sheet above: said, so that the list does not read as if they never were
        rows = [[*cells[:3], one.batch, one.cancelled_on, cells[5]]
                for one, cells in ((one, cancelled_cells(one, many, words)) for one in report.cancelled)]
        sheet = section_sheet(workbook, words("weekly.cancelled"), cancelled_header(words), rows, title,
                              numeric=CANCELLED_NUMERIC, formats={4: DATE})
        sheet.cell(row=len(rows) + 3, column=1, value=clean_value(words("weekly.cancelled_note")))
    return save(workbook, title)


TABLE_WIDTHS = (16, 36, 60, 46, 14, 10)


def table_xlsx(report: TableReport, lang: str) -> bytes:
    """The 一览表 on one sheet: title and summary above, the header frozen and repeated on every page,
    the project name on every row of its tasks (bold on the first): a cell merged down them prints on its
    first page only, and where a page breaks is not known here."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    words = Labels(lang)
    title = table_title(report, words)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = words("table.sheet")
    header = table_header(report, words)
    columns = len(header)
    last = get_column_letter(columns)
    sheet.append(_cells([title]))
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"].font = Font(bold=True, size=16)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30
    summary = [table_as_of(report, words), *table_summary(report, words)]
    sheet.append(_cells(["\n".join(summary)]))
    sheet.merge_cells(f"A2:{last}2")
    sheet["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.append(header)
    border = _style_header(sheet[3], "666666")
    # the rows counted here and the alignments made once: sheet.max_row and iter_rows without max_col walk every
    # cell of the sheet, per group (3 s of a 1,348-task table at load)
    text, last_column = Alignment(wrap_text=True, vertical="top"), Alignment(wrap_text=True, vertical="top",
                                                                            horizontal="center")
    first = 4
    for group in report.groups:
        for row in group.rows:
            sheet.append(_cells([area_name(group.area, words, report), f"{row.code}.{row.title}", "\n".join(progress_lines(row, words)),
                                 "\n".join(next_lines(row, words, report.kind)), "\n".join(row.units), row.deadline_text]))
        for excel_row in sheet.iter_rows(min_row=first, max_row=first + len(group.rows) - 1, max_col=columns):
            for cell in excel_row:
                cell.alignment = last_column if cell.column == columns else text
                cell.border = border
        sheet.cell(row=first, column=1).font = Font(bold=True)
        first += len(group.rows)
    for index, width in enumerate(TABLE_WIDTHS[:columns], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    fit_rows(sheet, 2)  # room for wrapped text: Excel does not grow merged rows
    sheet.freeze_panes = "A4"
    print_setup(sheet, title, title_rows="3:3")
    return save(workbook, title)
