"""Fill-in sheets for units: one row per indicator, rendered from plain data; never queries.

The headers are the ones `mstrack import progress` reads, so a filled sheet imports as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mstrack.domain import unique
from mstrack.domain.progress import period_target
from mstrack.domain.quantities import format_number
from mstrack.model import SCHEDULE, IndicatorState
from mstrack.render.pages import display_width
from mstrack.render.status import COMPARATOR_WORDS
from mstrack.vocabulary import CHECKPOINTS_UNIT, TEMPLATE_HEADERS, form_title

HEADERS = list(TEMPLATE_HEADERS)
INPUT_COLUMNS = {"截至日期", "数值", "备注", "填报人"}


@dataclass
class TemplateRow:
    programme: str
    task: str
    title: str
    indicator: str
    lead_unit: str
    unit: str
    checkpoint: str
    target: str
    last_value: str
    last_date: date | None


def reported_csv(rows: list[tuple[str, str, str, int | float, str]], as_of: date) -> str:
    """Progress a converted table reports, as `mstrack import progress` reads it: (programme, task, indicator, value, note)."""
    from mstrack.render.report_text import csv_text

    return csv_text([["计划", "任务编号", "指标", "截至日期", "数值", "备注"],
                     *([programme, task, indicator, as_of.isoformat(), value, note] for programme, task, indicator, value, note in rows)])


def template_rows(states: list[IndicatorState], on: date) -> list[TemplateRow]:
    """The period a unit reports on is the first checkpoint due on or after the date."""
    rows = []
    for state in states:
        upcoming = [m for m in state.milestones if m.due >= on] or state.milestones[-1:]
        period = upcoming[0] if upcoming else None
        latest = state.reports[-1] if state.reports else None
        if state.kind == SCHEDULE:
            unit = CHECKPOINTS_UNIT
            target = f"第{state.milestones.index(period) + 1}个节点（{period.due}）" if period else ""
            last = f"{int(latest.value)}个节点已完成" if latest else ""
        else:
            unit = state.unit
            target = ""
            if shown := period_target([(m.due, m.target) for m in state.milestones], on):
                target = f"{COMPARATOR_WORDS[state.comparator]}{format_number(shown[1], unit)}（{shown[0]}）"
            elif state.target is not None:
                target = f"{COMPARATOR_WORDS[state.comparator]}{format_number(state.target, unit)}（{state.deadline}）"
            last = format_number(latest.value, unit) if latest else ""
        rows.append(TemplateRow(
            programme=state.programme, task=state.task, title=state.task_title, indicator=state.indicator,
            lead_unit="、".join(state.lead_units), unit=unit,
            checkpoint=period.text if period else "", target=target, last_value=last,
            last_date=latest.as_of if latest else None,
        ))
    return rows


@dataclass
class UnitForm:
    """One unit's form: the rows it owes, and how many it only helps with (left off, reported by `helped_leads`)."""
    unit: str
    title: str
    rows: list[TemplateRow]
    helped: int = 0
    helped_leads: list[str] | None = None


def reporting_units(state: IndicatorState) -> list[str]:
    """Who owes an indicator's figure: its line's lead units (牵头单位). A unit that only helps (责任单位 beside a lead)
    owes none: its figure on the form would be a second one for the same day, and the week's import refused whole
    (trial57 F5). A line led by a class of offices alone ("各区人民政府": domain.names.collective) or by no one is
    owed by each of its units, the class and its offices (福田区 reports its own part, as before)."""
    from mstrack.domain.names import collective

    offices = [name for name in state.lead_units if not collective(name)]
    return offices or unique([*state.lead_units, *state.units])


def unit_forms(states: list[IndicatorState], on: date, code: str, unit: str | None = None,
               helped: bool = False) -> list[UnitForm]:
    """Each unit's form with the rows it owes, the units in the plan's order; with `unit`, that unit's alone (the
    states given are the ones it leads or helps with), and with `helped` every one of them (--helped: an office
    that collects a helper's own figures, said apart by its 填报单位 line)."""
    if helped:
        return [UnitForm(unit=unit, title=form_title(code, on, unit), rows=template_rows(states, on))]
    owers = [(state, reporting_units(state)) for state in states]  # once each: 60 units × 1,200 indicators
    units = [unit] if unit is not None else unique(name for _, names in owers for name in names)
    by_unit: dict[str, list[IndicatorState]] = {name: [] for name in units}
    for state, names in owers:
        for name in names:
            if name in by_unit:
                by_unit[name].append(state)
    forms = []
    for name in units:
        helped = [names for _, names in owers if name not in names] if unit is not None else []
        forms.append(UnitForm(unit=name, title=form_title(code, on, name),
                              rows=template_rows(by_unit[name], on), helped=len(helped),
                              helped_leads=unique(lead for names in helped for lead in names)))
    return forms


INPUT_WIDTHS = {"截至日期": 12, "数值": 12, "备注": 28, "填报人": 10}
"""The columns a unit fills in, wide enough to write in without widening them."""
TEXT_WIDTHS = {"计划": 14, "工作任务": 24, "本期节点": 22, "指标": 20, "牵头单位": 14, "本期目标": 18, "上次报送": 12}
"""The most the facts may take (longer text wraps): fourteen columns share one A4 page's width."""


UNIT_LINE = "填报单位：{unit}"
"""The line above the header of a form made for one unit (`export template --unit`): the return says whose it is, as
a unit's own 填报单位 line does (sources/progress_names reads it), so that one unit's return never silently replaces
another's figure (safety47 F4). Locked, as the facts are."""


def write_template(rows: list[TemplateRow], on: date, path: Path, title: str, unit: str | None = None) -> None:
    """The form: the facts locked, the yellow input cells open, rows free to grow (a long 备注), printed on
    A4 one page wide with its lines, the header row on every page; a form for one unit says it above the header."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    from mstrack.render.outputs import clean_value, write_cells_as_text
    from mstrack.render.pages import fit_rows, print_setup

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "进度报送"
    if unit:
        sheet.append([UNIT_LINE.format(unit=unit)])
        sheet.cell(row=1, column=1).font = Font(bold=True)
    top = sheet.max_row + 1 if unit else 1  # the header's row
    sheet.append(HEADERS)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    input_fill = PatternFill("solid", fgColor="FFF2CC")
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for cell in sheet[top]:
        cell.font = Font(bold=True)
        cell.fill = input_fill if cell.value in INPUT_COLUMNS else header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    for row in rows:
        sheet.append([clean_value(value) for value in (  # no control character from the data: openpyxl refuses them
            row.programme, row.task, row.title, row.indicator, row.lead_unit, row.unit, row.checkpoint, row.target,
            row.last_value, row.last_date, on, None, None, None,
        )])
    inputs = [i + 1 for i, header in enumerate(HEADERS) if header in INPUT_COLUMNS]
    for excel_row in sheet.iter_rows(min_row=top + 1):
        for cell in excel_row:
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column_letter not in ("A", "B"))
            cell.border = border
            if cell.column in inputs:
                cell.protection = Protection(locked=False)
                cell.fill = input_fill
            if isinstance(cell.value, date) or HEADERS[cell.column - 1] == "截至日期":
                cell.number_format = "yyyy-mm-dd"
    for index, header in enumerate(HEADERS, start=1):
        letter = sheet.cell(row=top, column=index).column_letter
        values = [header] + [str(sheet.cell(row=r, column=index).value or "") for r in range(top + 1, sheet.max_row + 1)]
        widest = max(display_width(value) for value in values)
        width = min(max(widest + 2, 8), TEXT_WIDTHS.get(header, 24))
        sheet.column_dimensions[letter].width = max(width, INPUT_WIDTHS.get(header, 0))
    dates = DataValidation(type="date", operator="between", formula1="DATE(1990,1,1)", formula2="DATE(2100,12,31)",
                           showErrorMessage=True, error="请填写日期，如 2023-06-30")
    sheet.add_data_validation(dates)
    if sheet.max_row > top:
        column = sheet.cell(row=top, column=HEADERS.index("截至日期") + 1).column_letter
        dates.add(f"{column}{top + 1}:{column}{sheet.max_row}")
    write_cells_as_text(sheet)
    fit_rows(sheet, top)
    sheet.freeze_panes = f"C{top + 1}"
    sheet.auto_filter.ref = f"A{top}:{sheet.cell(row=sheet.max_row, column=len(HEADERS)).coordinate}"
    sheet.protection.sheet = True  # only the yellow input cells can be changed
    sheet.protection.autoFilter = False
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False  # a unit may make a row taller for a long 备注
    print_setup(sheet, title, title_rows=f"{top}:{top}")
    workbook.properties.title = title
    workbook.save(path)
