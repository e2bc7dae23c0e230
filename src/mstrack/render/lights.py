"""The light board in every format: a coloured terminal table, JSON, CSV, Markdown, HTML and .xlsx. Every
cell says its light in a word as well as a colour (NO_COLOR, black-and-white printing). Data in, text or
bytes out."""

from __future__ import annotations

from html import escape

from mstrack.labels import Labels
from mstrack.model import LIGHTS, STATUSES
from mstrack.render.grid import COMFORTABLE, GAP, fit_line, pad
from mstrack.render.outputs import dump_json
from mstrack.render.report import shorten
from mstrack.render.report_text import csv_text, marked_md, md_table
from mstrack.render.revisions import cancelled_lines
from mstrack.render.status import scope_said
from mstrack.reports.lights import LightsReport, TaskLights

LIGHT_COLOURS = {  # text and background, on screen and on paper
    "red": ("#9c0006", "#ffc7ce"), "yellow": ("#7a5b00", "#ffeb9c"), "grey": ("#595959", "#f2f2f2"),
    "green": ("#006100", "#c6efce"), "done": ("#1f4e79", "#ddebf7"),
}
LIGHT_STYLES = {"red": "bold white on red", "yellow": "bold black on yellow", "grey": "dim",
                "green": "bold white on green", "done": "blue"}


def _crop(text: str, width: int) -> str:
    """A cell cut to its width, with an ellipsis where it was cut."""
    from rich.cells import cell_len

    return text if cell_len(text) <= width else fit_line(text, max(0, width - 1)) + "…"


def reason(light, words: Labels) -> str:
    """Why a task has its light, in words."""
    if light.why == "on_track":
        return words.status(light.why)
    if light.why == "nothing_due":
        return words("task.no_reports").strip()
    if light.why in STATUSES and light.why != "done":  # what the indicator that set the light is: its status word
        return words("why.status", indicator=light.indicator, status=words.status(light.why))
    return words(f"why.{light.why}", indicator=light.indicator, due=light.due.isoformat() if light.due else "")


def _period_header(report: LightsReport, words: Labels) -> list[str]:
    return [str(int(p.label[5:])) if "Q" not in p.label else p.label[5:] for p in report.periods]


def _header(report: LightsReport, words: Labels) -> list[str]:
    return [words("col.task"), words("col.title"), words("col.lead_unit"), *_period_header(report, words),
            words("col.red_run"), words("col.reason")]


def _lit(task: TaskLights, report: LightsReport) -> list:
    """A task's light for each period shown, None where it has none."""
    by_label = {light.period.label: light for light in task.lights}
    return [by_label.get(period.label) for period in report.periods]


def _rows(report: LightsReport, words: Labels, title_limit: int | None = None) -> list[list[str]]:
    """A row per task; on a terminal (title_limit) the task is its code alone in a single programme, its title cut."""
    rows = []
    many = len({task.programme for task in report.tasks}) > 1
    for task in report.tasks:
        lit = _lit(task, report)
        last = task.lights[-1] if task.lights else None
        ref = task.ref if many or title_limit is None else task.code
        rows.append([ref, shorten(task.title, title_limit) if title_limit else task.title, words.join(task.lead_units),
                     *(words(f"light.{light.light}") if light else "" for light in lit),
                     str(task.consecutive_red), reason(last, words) if last else ""])
    return rows


def title(report: LightsReport, words: Labels) -> str:
    first, last = (report.periods[0].label, report.periods[-1].label) if report.periods else ("—", "—")
    said = scope_said(report.programmes, report.left_out, words)
    return " · ".join(filter(None, [words("lights.title", first=first, last=last, on=report.on.isoformat()), said]))


def _caption(report: LightsReport, words: Labels) -> str:
    if not report.tasks:
        return words("lights.empty")
    red = sum(1 for task in report.tasks if task.lights and task.lights[-1].light == "red")
    return words("lights.caption", n=len(report.tasks), red=red, days=report.warn_days)


def _cancelled(report: LightsReport, words: Labels) -> list[str]:
    """The tasks revisions cancelled, a line each under the board (on no row of it), as the 一览表 says them."""
    return cancelled_lines(report.cancelled, words)


def lights_json(report: LightsReport, lang: str) -> str:
    words = Labels(lang)
    return dump_json([
        {"task": task.ref, "title": task.title, "lead_units": task.lead_units,
         "periods": [{"period": light.period.label, "end": light.period.end.isoformat(), "light": light.light,
                      "reason": reason(light, words), "reason_code": light.why} for light in task.lights],
         "consecutive_red": task.consecutive_red}
        for task in report.tasks
    ])


def lights_csv(report: LightsReport, lang: str) -> str:
    words = Labels(lang)
    cancelled = _cancelled(report, words)
    return csv_text([_header(report, words), *_rows(report, words), *([[], *([line] for line in cancelled)] if cancelled else [])])


def lights_md(report: LightsReport, lang: str) -> str:
    words = Labels(lang)
    periods = len(report.periods)
    table = md_table(_header(report, words), _rows(report, words), right={3 + periods})
    legend = words("lights.legend", red=words("col.red_run"))
    cancelled = "".join(f"\n{line}\n" for line in _cancelled(report, words))
    return marked_md(f"# {title(report, words)}\n\n{table}\n{_caption(report, words)}\n{cancelled}\n{legend}\n")


def lights_table(report: LightsReport, lang: str):
    """A Rich renderable: each light a word on its colour, a task's lights on one line (its title folded below
    them where the room is narrow; the reasons are in every other format)."""
    return _Board(report, Labels(lang))


TITLE_LEAST = 16
"""The narrowest a folded title gets (eight Chinese characters a line) before it is left out."""
UNIT_MOST, UNIT_LEAST = 24, 12
"""The widest and narrowest the lead units get beside a folded title (twelve and six Chinese characters, 市住房建设局
whole): cut with … beyond, the title keeping a comfortable width (grid.COMFORTABLE) first."""


class _Board:
    """Lines of fixed-width cells (render/grid's measures), each light cell styled on its own. When the
    terminal is narrow, in this order: the title folds, the lead units are cut (to UNIT_LEAST), the title folds
    down to TITLE_LEAST, the lead units go, the title goes, then the earliest periods go; what went is said
    under the board. Codes and light words are never cut, and no line is wider than the terminal. A wide
    terminal keeps one line a task, the title cut with … at three fifths of the room, as it always did."""

    def __init__(self, report: LightsReport, words: Labels):
        self.report, self.words = report, words

    def layout(self, header: list[str], rows: list[list[str]], max_width: int) -> tuple[list[int], int, bool]:
        """The widths of the columns (0: left out), how many of the earliest periods are left out, and whether
        a title folds (else it is cut with …, on a wide terminal)."""
        from rich.cells import cell_len

        lit_width = max(cell_len(self.words(f"light.{light}")) for light in LIGHTS)  # a light's word is never cut
        widths = [max([cell_len(header[i]), *(cell_len(row[i]) for row in rows)]) for i in range(len(header))]
        widths[3:-1] = [max(lit_width, cell_len(name)) for name in header[3:-1]]
        gaps = self.gaps(len(header))
        skipped = 0
        while True:  # the codes, the lights and the red run; the earliest periods go when even they do not fit
            fixed = 1 + widths[0] + sum(widths[3 + skipped:]) + sum(map(len, gaps[4 + skipped:])) + len(GAP)
            if fixed <= max_width or skipped == len(header) - 5:
                break
            skipped += 1
        widths[3:3 + skipped] = [0] * skipped
        room = max_width - fixed - len(GAP)  # for the title and the units, and the gap between them
        title = widths[1]
        unit = min(widths[2], UNIT_MOST, max(UNIT_LEAST, room - len(GAP) - COMFORTABLE))
        if (room - len(GAP)) * 3 // 5 >= 2 * COMFORTABLE:  # wide: a line a task, the title cut (…) at 3/5, as always
            widths[1] = min(title, (room - len(GAP)) * 3 // 5)
            widths[2] = min(widths[2], room - len(GAP) - widths[1])
            return widths, skipped, False
        if title + len(GAP) + widths[2] <= room:  # both whole
            pass
        elif room - unit - len(GAP) >= TITLE_LEAST:  # the title folds beside the units (cut with … beyond)
            widths[1:3] = [min(title, room - unit - len(GAP)), unit]
        elif room >= TITLE_LEAST:  # the title folds alone
            widths[1:3] = [min(title, room), 0]
        else:
            widths[1:3] = [0, 0]
        return widths, skipped, True

    @staticmethod
    def gaps(columns: int) -> list[str]:
        """What goes before each column: nothing before the first, one space between two lights, else GAP."""
        return ["", *(" " if 4 <= index < columns - 1 else GAP for index in range(1, columns))]

    def __rich_console__(self, console, options):
        from rich.text import Text

        from mstrack.render.grid import wrap
        from mstrack.render.status import omitted_note

        report, words = self.report, self.words
        header = _header(report, words)[:-1]
        header[-1] = words("col.red_run_short")
        rows = [row[:-1] for row in _rows(report, words, title_limit=40)]
        widths, skipped, folding = self.layout(header, rows, options.max_width)
        justify = ["left"] * 3 + ["center"] * (len(header) - 4) + ["right"]
        gaps = self.gaps(len(header))
        gaps[3 + skipped] = GAP
        shown = [index for index, width in enumerate(widths) if width]

        def line(cells: list[str], lit=None, style: str = "") -> Text:
            text = Text(" ", style=style, no_wrap=True, overflow="crop")
            for index in shown:
                text.append(gaps[index] if index != shown[0] else "")
                light = lit[index] if lit else None
                text.append(pad(_crop(cells[index], widths[index]), widths[index], justify[index]),
                            style=LIGHT_STYLES[light.light] if light else "")
            return text

        yield Text(title(report, words), style="italic", no_wrap=True, overflow="crop")
        yield line(header, style="bold")
        total = sum(widths[i] for i in shown) + sum(len(gaps[i]) for i in shown[1:])
        yield Text(" " + "━" * total, no_wrap=True, overflow="crop")
        for task, row in zip(report.tasks, rows, strict=True):
            folded = (wrap(row[1], widths[1]) or [""]) if widths[1] and folding else [row[1]]
            yield line([row[0], folded[0], *row[2:]], [None, None, None, *_lit(task, report), None])
            for more in folded[1:]:
                yield line(["", more, *[""] * (len(row) - 2)])
        left_out = [header[i] for i in (1, 2) if not widths[i]] + [p.label for p in report.periods[:skipped]]
        notes = [_caption(report, words), *([omitted_note(words)(left_out)] if left_out else []), *_cancelled(report, words),
                 words("lights.legend", red=header[-1])]
        for note in notes:
            for piece in wrap(note, options.max_width):
                yield Text(piece, style="dim", no_wrap=True, overflow="crop")


LIGHTS_CSS = "\n".join(f".l-{light} {{ color: {fg}; background: {bg}; font-weight: bold; text-align: center; "
                       "white-space: nowrap; }" for light, (fg, bg) in LIGHT_COLOURS.items())
"""A light's word is never broken (none, yellow printed n/o/n/e from a narrow month column): its column as wide as the
word, the title's column folds instead."""


def lights_html(report: LightsReport, lang: str) -> str:
    """One A4 landscape page (the header row repeats on every page); each light a coloured cell with its word,
    its reason as the cell's title."""
    from mstrack.render.html import cell, page

    words = Labels(lang)
    header = "".join(cell(name, tag="th") for name in _header(report, words))
    body = []
    for task, row in zip(report.tasks, _rows(report, words), strict=True):
        cells = [cell(row[0], "nowrap"), cell(row[1]), cell(row[2])]
        for light in _lit(task, report):
            cells.append(f'<td class="l-{light.light}" title="{escape(reason(light, words))}">'
                         f"{escape(words(f'light.{light.light}'))}</td>" if light else "<td></td>")
        cells += [cell(row[-2], "num"), cell(row[-1])]
        body.append(f"<tr>{''.join(cells)}</tr>")
    heading = title(report, words)
    content = (f"<h1>{escape(heading)}</h1>\n<style>{LIGHTS_CSS}</style>\n<table class=\"lights\">\n<thead><tr>{header}</tr>"
               f"</thead>\n<tbody>\n{chr(10).join(body)}\n</tbody>\n</table>\n<p class=\"rows\">{escape(_caption(report, words))}</p>\n"
               + "".join(f'<p class="cancelled">{escape(line)}</p>\n' for line in _cancelled(report, words)) +
               f"<p class=\"legend\">{escape(words('lights.legend', red=words('col.red_run')))}</p>\n")
    return page(heading, content, lang)


def lights_xlsx(report: LightsReport, lang: str) -> bytes:
    """One sheet, A4 landscape, header row repeated and frozen; each light a filled cell with its word."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from mstrack.render.outputs import clean_value
    from mstrack.render.xlsx import save, section_sheet

    words = Labels(lang)
    heading = title(report, words)
    workbook = Workbook()
    sheet = section_sheet(workbook, words("light.red") + words("light.yellow") + words("light.green"),
                          _header(report, words), _rows(report, words), heading, numeric={3 + len(report.periods)},
                          first=True, empty=words("lights.empty"))
    fills = {light: (PatternFill("solid", fgColor=bg.lstrip("#").upper()), Font(bold=True, color=fg.lstrip("#").upper()))
             for light, (fg, bg) in LIGHT_COLOURS.items()}
    for index, task in enumerate(report.tasks):
        for offset, light in enumerate(_lit(task, report)):
            if light:
                cell = sheet.cell(row=index + 2, column=4 + offset)
                cell.fill, cell.font = fills[light.light]
    for offset, line in enumerate(_cancelled(report, words)):  # under the rows, a blank row between (as weekly's note)
        sheet.cell(row=len(report.tasks) + 3 + offset, column=1, value=clean_value(line))
    return save(workbook, heading)


assert set(LIGHT_COLOURS) == set(LIGHTS) == set(LIGHT_STYLES)
