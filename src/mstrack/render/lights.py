"""The light board in every format: a coloured terminal table, JSON, CSV, Markdown, HTML and .xlsx. Every
cell says its light in a word as well as a colour (NO_COLOR, black-and-white printing). Data in, text or
bytes out."""

from __future__ import annotations

from html import escape

from mstrack.labels import Labels
from mstrack.model import LIGHTS, STATUSES
from mstrack.render.grid import GAP, fit_line, pad
from mstrack.render.outputs import dump_json
from mstrack.render.report import csv_text, md_table, shorten
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
    return words("lights.title", first=first, last=last, on=report.on.isoformat())


def _caption(report: LightsReport, words: Labels) -> str:
    if not report.tasks:
        return words("lights.empty")
    red = sum(1 for task in report.tasks if task.lights and task.lights[-1].light == "red")
    return words("lights.caption", n=len(report.tasks), red=red, days=report.warn_days)


def lights_json(report: LightsReport, lang: str) -> str:
    words = Labels(lang)
    return dump_json([
        {"task": task.ref, "title": task.title, "lead_units": task.lead_units,
         "periods": [{"period": light.period.label, "end": light.period.end.isoformat(), "light": light.light,
                      "reason": reason(light, words)} for light in task.lights],
         "consecutive_red": task.consecutive_red}
        for task in report.tasks
    ])


def lights_csv(report: LightsReport, lang: str) -> str:
    words = Labels(lang)
    return csv_text([_header(report, words), *_rows(report, words)])


def lights_md(report: LightsReport, lang: str) -> str:
    words = Labels(lang)
    periods = len(report.periods)
    table = md_table(_header(report, words), _rows(report, words), right={3 + periods})
    return f"# {title(report, words)}\n\n{table}\n{_caption(report, words)}\n\n{words('lights.legend')}\n"


def lights_table(report: LightsReport, lang: str):
    """A Rich renderable: each light a word on its colour, one line per task at any width (the task's
    title and units cut to the room the periods leave them; the reasons are in every other format)."""
    return _Board(report, Labels(lang))


class _Board:
    """Lines of fixed-width cells (render/grid's measures), each light cell styled on its own."""

    def __init__(self, report: LightsReport, words: Labels):
        self.report, self.words = report, words

    def widths(self, header: list[str], rows: list[list[str]], max_width: int) -> list[int]:
        from rich.cells import cell_len

        lit_width = max(cell_len(self.words(f"light.{light}")) for light in LIGHTS)  # a light's word is never cut
        widths = [max([cell_len(header[i]), *(cell_len(row[i]) for row in rows)]) for i in range(len(header))]
        widths[3:-1] = [max(lit_width, cell_len(name)) for name in header[3:-1]]
        widths[-1] = max([cell_len(header[-1]), *(cell_len(row[-1]) for row in rows)])
        fixed = widths[0] + sum(widths[3:]) + sum(map(len, self.gaps(len(header)))) + 1
        room = max_width - fixed
        if room < 10:  # no room for the title and the units: the codes and the lights alone
            return [widths[0], 0, 0, *widths[3:]]
        widths[1] = min(widths[1], room * 3 // 5)
        widths[2] = min(widths[2], room - widths[1])
        return widths

    @staticmethod
    def gaps(columns: int) -> list[str]:
        """What goes before each column: nothing before the first, one space between two lights, else GAP."""
        return ["", *(" " if 4 <= index < columns - 1 else GAP for index in range(1, columns))]

    def __rich_console__(self, console, options):
        from rich.text import Text

        report, words = self.report, self.words
        header = _header(report, words)[:-1]
        header[-1] = words("col.red_run_short")
        rows = [row[:-1] for row in _rows(report, words, title_limit=40)]
        widths = self.widths(header, rows, options.max_width)
        justify = ["left"] * 3 + ["center"] * (len(header) - 4) + ["right"]
        yield Text(title(report, words), style="italic", no_wrap=True, overflow="crop")
        gaps = self.gaps(len(header))
        if not widths[1]:
            gaps[1] = gaps[2] = ""
        yield Text(" " + "".join(g + pad(_crop(h, w), w, j) for g, h, w, j in zip(gaps, header, widths, justify, strict=True)
                                 if w),
                   style="bold", no_wrap=True, overflow="crop")
        yield Text(" " + "━" * (sum(widths) + sum(map(len, gaps))), no_wrap=True, overflow="crop")
        for task, row in zip(report.tasks, rows, strict=True):
            lit = [None, None, None, *_lit(task, report), None]
            line = Text(" ", no_wrap=True, overflow="crop")
            for index, (cell, width, side) in enumerate(zip(row, widths, justify, strict=True)):
                if not width:
                    continue
                line.append(gaps[index])
                light = lit[index]
                line.append(pad(_crop(cell, width), width, side), style=LIGHT_STYLES[light.light] if light else "")
            yield line
        yield Text(_caption(report, words), style="dim")
        yield Text(words("lights.legend"), style="dim")


LIGHTS_CSS = "\n".join(f".l-{light} {{ color: {fg}; background: {bg}; font-weight: bold; text-align: center; }}"
                       for light, (fg, bg) in LIGHT_COLOURS.items())


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
               f"<p class=\"legend\">{escape(words('lights.legend'))}</p>\n")
    return page(heading, content, lang)


def lights_xlsx(report: LightsReport, lang: str) -> bytes:
    """One sheet, A4 landscape, header row repeated and frozen; each light a filled cell with its word."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

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
    return save(workbook, heading)


assert set(LIGHT_COLOURS) == set(LIGHTS) == set(LIGHT_STYLES)
