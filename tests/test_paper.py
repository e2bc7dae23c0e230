"""Reports on paper, as the office meets them (issue 16, "On paper"): the 一览表 in Chinese whatever the
locale, a task's own 下一步 text printed in full, the year-end table, the .xlsx reports and the fill-in
form converted to PDF by LibreOffice, the HTML printed by headless Chromium."""

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from mstrack.cli import app

from .conftest import Cli

pytestmark = pytest.mark.backend_independent  # output only: the store sets the scene (docs/testing.md)


def _plain_locale(cli: Cli, *args: str, lang: str | None = None):
    """mstrack as a user in an English (C) locale runs it: no --lang unless `lang`."""
    env = {"MSTRACK_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
    chosen = ["--lang", lang] if lang else []
    return CliRunner().invoke(app, ["--db", str(cli.db), *chosen, *args], env=env, catch_exceptions=False)


def test_the_table_is_chinese_whatever_the_locale(demo_cli, tmp_path):
    """The 一览表 is an official document: LANG=C prints it in Chinese; --lang en still gives English;
    the locale still chooses the language of everyday output."""
    result = _plain_locale(demo_cli, "report", "half-year", "-p", "yantian-2023", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["columns"][:3] == ["项目名称", "项目内容", "上半年进展情况"]
    assert data["title"] == "盐田区2023年十件重点民生实事上半年完成情况一览表"
    result = _plain_locale(demo_cli, "report", "annual", "-p", "yantian-2023")
    assert result.exit_code == 0 and result.stdout.startswith("# 盐田区2023年十件重点民生实事全年完成情况一览表")
    result = _plain_locale(demo_cli, "report", "half-year", "-p", "yantian-2023", "--format", "json", lang="en")
    assert result.exit_code == 0 and json.loads(result.stdout)["columns"][0] == "Project"
    for lang, words in ((None, "督办"), ("en", "otice")):  # a notice too
        notice = tmp_path / f"notice-{lang}.md"
        result = _plain_locale(demo_cli, "report", "notice", "-p", "yantian-2023", "-u", "区残联", "--as-of", "2023-10-08",
                               "--format", "md", "-o", str(notice), lang=lang)
        assert result.exit_code == 0, result.output
        assert words in notice.read_text(encoding="utf-8").splitlines()[0]
    # one rule for every report (fix49f): the weekly 通报 is Chinese too; a view (status) follows the locale
    result = _plain_locale(demo_cli, "report", "weekly", "-p", "yantian-2023", "--as-of", "2023-07-01", "--format", "md")
    assert result.exit_code == 0 and result.stdout.startswith("# 民生实事进度周报")
    result = _plain_locale(demo_cli, "status", "-p", "yantian-2023", "--as-of", "2023-07-01")
    assert result.exit_code == 0 and "Lead unit" in result.stdout


def _table(cli: Cli, kind: str, *args: str) -> dict:
    result = cli("--lang", "zh", "report", kind, "-p", "yantian-2023", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _task(data: dict, code: str) -> dict:
    (task,) = [t for a in data["areas"] for t in a["tasks"] if t["code"] == code]
    return task


def test_a_tasks_own_next_steps_print_in_full_until_the_year_ends(demo_cli):
    """Task 14's 下半年 cell is eight items, three of them dated: the seed keeps the cell whole (next_steps),
    `show` gives it, the half-year table prints all eight in order, the annual one has nothing next."""
    shown = json.loads(demo_cli("show", "yantian-2023/14", "--format", "json").stdout)
    assert shown["next_steps"].splitlines()[0] == "1.举办第二届湾区少年诗词大会，激发市民学习古典诗词的热情。"
    assert [line[:2] for line in shown["next_steps"].splitlines()] == [f"{n}." for n in range(1, 9)]
    half = _task(_table(demo_cli, "half-year"), "14")["next_text"]
    assert half == shown["next_steps"] and "4.8月，完成“放歌新时代”第二季启动仪式音乐会。" in half
    assert _task(_table(demo_cli, "half-year", "--as-of", "2023-09-15"), "14")["next_text"] == half
    assert _task(_table(demo_cli, "annual"), "14")["next_text"] == ""
    # a task without its own text still lists its checkpoints to come
    assert _task(_table(demo_cli, "half-year"), "3")["next_text"] == "7-9月：完成整体形象进度80%。\n10-12月：完成整体形象进度100%。"


def test_the_annual_table_stands_on_year_end_data(demo_cli):
    """The annual 一览表: the latest reports up to December 31 and the status computed then, not the
    half-year document's 进展情况 words or its judgement; no "/" in 下一步."""
    logged = demo_cli("log", "yantian-2023/3", "100%", "-i", "整体形象进度", "--as-of", "2023-11-20", "--note", "明珠道绿廊公园带完工")
    assert logged.exit_code == 0, logged.output
    half, annual = _table(demo_cli, "half-year"), _table(demo_cli, "annual")
    assert half["summary"]["assessments"] and "报告评价" in "".join(half["summary"]["text"])
    assert annual["summary"]["assessments"] == {} and not any("报告评价" in line for line in annual["summary"]["text"])
    words = "截至6月30日，完成整体形象进度65%。"  # the half-year document's sentence for task 3
    assert words in _task(half, "3")["progress_text"]
    progress = _task(annual, "3")["progress_text"]
    assert "整体形象进度：100%（截至2023年11月20日，完成年度目标100%） 明珠道绿廊公园带完工" in progress
    assert words not in progress
    narrative = _task(half, "14")["progress_text"].splitlines()[0]
    assert narrative.startswith("1.实施沙头角") and narrative not in _task(annual, "14")["progress_text"]
    tasks = [t for a in annual["areas"] for t in a["tasks"]]
    assert all(t["assessment"] is None and t["problems"] is None for t in tasks)
    assert sum(annual["summary"]["task_counts"].values()) == 19 and annual["summary"]["task_counts"]["not_due"] == 0
    assert [t["next_text"] for t in tasks] == [""] * 19
    markdown = demo_cli("--lang", "zh", "report", "annual", "-p", "yantian-2023").stdout
    assert "| / |" not in markdown and "| 2023.12 |" in markdown


# --- .xlsx on paper: LibreOffice converts, poppler reads -------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_office = pytest.mark.skipif((SOFFICE is None or shutil.which("pdftotext") is None) and not os.environ.get("CI"),
                                  reason="LibreOffice is not installed (CI installs it)")
A4_LANDSCAPE = (841.9, 595.3)


def flat(text: str) -> str:
    return "".join(text.split())


@dataclass
class Printed:
    """A file as LibreOffice prints it: the PDF's pages, their size, the text in drawing order, the words."""

    pdf: Path
    pages: int
    size: tuple[float, float]
    text: str

    def words(self, page: int) -> list[tuple[str, float, float, float, float]]:
        """(text, x0, y0, x1, y1) of each word printed on `page`."""
        html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(self.pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)
        return [(text, float(x0), float(y0), float(x1), float(y1)) for x0, y0, x1, y1, text in found]


def office_print(path: Path, tmp_path: Path) -> Printed:
    """LibreOffice (headless, its own profile) converts the workbook to PDF, as "Export as PDF" does."""
    assert SOFFICE and shutil.which("pdftotext"), "CI installs libreoffice-calc and poppler-utils (.ci/run)"
    out = tmp_path / "pdf"
    done = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'office').as_uri()}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(out), str(path)], capture_output=True, text=True, timeout=240)
    pdf = out / path.with_suffix(".pdf").name
    assert pdf.exists() and pdf.stat().st_size > 0, done.stdout + done.stderr
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return Printed(pdf=pdf, pages=int(re.search(r"Pages:\s+(\d+)", info).group(1)),
                   size=(round(float(width), 1), round(float(height), 1)), text=text)


def _page_setup_is_a4_one_page_wide(sheet) -> None:
    setup = sheet.page_setup
    assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (9, "landscape", 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    margins = sheet.page_margins
    assert margins.header < margins.top - 0.3 and margins.footer < margins.bottom - 0.3  # a line of header fits


def _legible(printed: Printed, page: int, at_least: float = 7.0) -> None:
    """The words of a page print at a readable size: one page wide, not shrunk to half."""
    heights = sorted(y1 - y0 for text, _, y0, _, y1 in printed.words(page) if re.search(r"[\u4e00-\u9fff]", text))
    assert heights and heights[len(heights) // 2] >= at_least, heights[:10]


@needs_office
def test_the_weekly_xlsx_prints_on_a4_whole_and_legible(demo_cli, tmp_path):
    out = tmp_path / "周报.xlsx"
    run = demo_cli("--lang", "zh", "report", "weekly", "-p", "yantian-2023", "--as-of", "2023-07-21", "--since", "2023-06-01",
                   "--rule", "pro-rata", "--format", "xlsx", "-o", str(out))
    assert run.exit_code == 0, run.output
    book = load_workbook(out)
    for sheet in book.worksheets:
        _page_setup_is_a4_one_page_wide(sheet)
        assert sheet.oddHeader.center.text == "民生实事进度周报 2023-07-21"
    behind = book["滞后事项"]
    first = json.loads(demo_cli("report", "weekly", "-p", "yantian-2023", "--as-of", "2023-07-21", "--rule", "pro-rata",
                                "--format", "json").stdout)["behind"][0]
    pace = round(first["pace"] / 100, 6)  # the JSON's percent, as the fraction a spreadsheet holds
    assert behind["H2"].value == pace and behind["I2"].value == 0.5 and behind["H2"].number_format == "0.0%"
    assert book["单位汇总"]["I2"].number_format == "0.0%" and 0 <= book["单位汇总"]["I2"].value <= 1
    new = book["新报送"]
    assert new["D1"].value == "截至" and new.max_row > 2
    assert all(isinstance(new.cell(row=r, column=4).value, datetime) for r in range(2, new.max_row + 1))
    assert new["D2"].number_format == "yyyy-mm-dd"
    assert behind["L2"].alignment.wrap_text and behind.row_dimensions[3].height > 3 * behind.row_dimensions[1].height / 2
    printed = office_print(out, tmp_path)
    assert printed.size == A4_LANDSCAPE
    assert printed.text.count("民生实事进度周报 2023-07-21") >= printed.pages  # the page header, whole, on every page
    text = flat(printed.text)
    for row in range(2, behind.max_row + 1):  # every behind row whole: its note to the last character, its title
        for column in (2, 12, 13):
            assert flat(str(behind.cell(row=row, column=column).value)) in text, (row, column)
    assert f"{first['pace']:.1f}%" in text and "50.0%" in text and '"%"' not in text
    assert "2023-06-30" in text
    _legible(printed, page=2)


@needs_office
def test_the_half_year_xlsx_prints_every_cell_whole(demo_cli, tmp_path):
    """The 一览表 as LibreOffice prints it: A4 landscape, the header row on every page, and every task's
    title, 进展 and 下半年 text in full (the row heights show all of it, task 14's eight items too)."""
    out = tmp_path / "一览表.xlsx"
    run = demo_cli("--lang", "zh", "report", "half-year", "-p", "yantian-2023", "--format", "xlsx", "-o", str(out))
    assert run.exit_code == 0, run.output
    sheet = load_workbook(out)["一览表"]
    _page_setup_is_a4_one_page_wide(sheet)
    data = _table(demo_cli, "half-year")
    printed = office_print(out, tmp_path)
    assert printed.size == A4_LANDSCAPE and 2 <= printed.pages <= 8
    assert printed.text.count("上半年进展情况") == printed.pages  # the header row repeated on every page
    text = flat(printed.text)
    for task in (t for a in data["areas"] for t in a["tasks"]):
        for cell in (f"{task['code']}.{task['title']}", task["progress_text"], task["next_text"]):
            assert flat(cell) in text, (task["code"], cell[:40])
    for page in range(1, printed.pages + 1):
        _legible(printed, page)


@needs_office
def test_the_fill_in_form_prints_on_a4_with_room_to_write(demo_cli, tmp_path):
    """The form a unit fills in: A4 one page wide with its lines, wide yellow input cells that are the only
    unlocked ones, rows a unit may make taller, and the reporting date inside the programme's year (the
    default is today, and 2023 is over)."""
    out = tmp_path / "报送表.xlsx"
    result = demo_cli("export", "template", "yantian-2023", "-o", str(out))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).active
    _page_setup_is_a4_one_page_wide(sheet)
    assert sheet.protection.sheet and sheet.protection.formatRows is False and sheet.print_title_rows == "$1:$1"
    headers = [cell.value for cell in sheet[1]]
    column = {name: headers.index(name) + 1 for name in headers}
    for name, width in (("截至日期", 12), ("数值", 12), ("备注", 28), ("填报人", 10)):
        assert sheet.column_dimensions[sheet.cell(row=1, column=column[name]).column_letter].width >= width, name
    for row in range(2, sheet.max_row + 1):
        day = sheet.cell(row=row, column=column["截至日期"]).value
        assert isinstance(day, datetime) and day.year == 2023, (row, day)
        for name in ("截至日期", "数值", "备注", "填报人"):
            assert sheet.cell(row=row, column=column[name]).protection.locked is False
        assert sheet.cell(row=row, column=column["指标"]).protection.locked is True
        assert all(cell.border.left.style == "thin" and cell.border.bottom.style == "thin" for cell in sheet[row])
    later = tmp_path / "later.xlsx"
    assert demo_cli("export", "template", "yantian-2023", "-o", str(later), "--as-of", "2023-09-30").exit_code == 0
    assert load_workbook(later).active.cell(row=2, column=column["截至日期"]).value == datetime(2023, 9, 30)
    printed = office_print(out, tmp_path)
    assert printed.size == A4_LANDSCAPE
    text = flat(printed.text)
    for row in range(2, sheet.max_row + 1):
        assert flat(sheet.cell(row=row, column=column["指标"]).value) in text
        assert flat(sheet.cell(row=row, column=column["工作任务"]).value) in text
    assert text.count("截至日期") == printed.pages  # the header row on every page
    _legible(printed, page=1)


# --- HTML on paper: headless Chromium prints, poppler reads -----------------------------------------

def _boxes_overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _path_ys(d: str) -> list[float]:
    """The y of every point of an SVG path made of M, L, H and V."""
    tokens, ys, command = d.split(), [], None
    while tokens:
        token = tokens.pop(0)
        if token in "MLHV":
            command = token
            continue
        if command in ("M", "L"):
            ys.append(float(tokens.pop(0)))
        elif command == "V":
            ys.append(float(token))
    return ys


def test_chart_labels_stand_clear_of_the_lines(demo_cli):
    """Every chart of every behind row (all programmes, end of September, 序时进度): labels of 8 units or more (the
    chart's units are about points as printed) in a band above or below the lines, never inside the band
    where the planned line, the reports and the as-of line run, and never on top of one another."""
    result = demo_cli("--lang", "zh", "report", "weekly", "--as-of", "2023-09-30", "--rule", "pro-rata", "--format", "html")
    assert result.exit_code == 0, result.output
    charts = re.findall(r"<svg.*?</svg>", result.stdout)
    assert len(charts) >= 10
    for chart in charts:
        ys = [float(v) for v in re.findall(r'\by[12]="([\d.]+)"', chart) + re.findall(r'\bcy="([\d.]+)"', chart)]
        ys += [y for d in re.findall(r'd="([^"]+)"', chart) for y in _path_ys(d)]
        ys += [float(pair.split(",")[1]) for pair in " ".join(re.findall(r'points="([^"]+)"', chart)).split()]
        band = (min(ys) - 2.5, max(ys) + 2.5)  # the lines, and the dots around them
        labels = re.findall(r'<text x="([\d.]+)" y="([\d.]+)" font-size="([\d.]+)"[^>]*text-anchor="(\w+)"[^>]*>([^<]*)</text>', chart)
        assert len(labels) >= 3, chart
        boxes = []
        for x, y, size, anchor, text in labels:
            x, y, size = float(x), float(y), float(size)
            assert size >= 8, (text, size)
            top, bottom = y - 0.9 * size, y + 0.25 * size
            assert bottom <= band[0] or top >= band[1], (text, (top, bottom), band, chart)  # not struck through
            width = sum(size if ord(c) > 0x2E7F else 0.55 * size for c in text)
            left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
            boxes.append((left, top, left + width, bottom))
        for i, a in enumerate(boxes):
            assert not any(_boxes_overlap(a, b) for b in boxes[i + 1:]), (labels, chart)


CHROMIUM = next((found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))), None)
needs_chromium = pytest.mark.skipif((CHROMIUM is None or shutil.which("pdftotext") is None) and not os.environ.get("CI"),
                                    reason="chromium is not installed (CI installs it)")


def chromium_print(html: Path, tmp_path: Path) -> Printed:
    """Headless Chromium prints the page to PDF, as a browser's Print → Save as PDF does."""
    from .test_reports import print_pdf

    assert CHROMIUM and shutil.which("pdftotext"), "CI installs chromium and poppler-utils (.ci/run)"
    text, pages = print_pdf(html, tmp_path)
    return Printed(pdf=html.with_suffix(".pdf"), pages=pages, size=A4_LANDSCAPE, text=text)


@needs_chromium
def test_the_printed_charts_are_legible_and_long_words_wrap(demo_cli, tmp_path):
    """Printed by Chromium: the chart labels at 8 pt or more (measured against the 8.5 pt header beside
    them), none on another; a note that is one unbreakable 150-character link wraps inside its cell
    instead of running off the page; the summary has its heading."""
    link = "https://example.org/minsheng/" + "x" * 120
    logged = demo_cli("log", "yantian-2023/1", "2", "-i", "道路综合整治工程", "--as-of", "2023-07-20", "--note", link)
    assert logged.exit_code == 0, logged.output
    weekly = tmp_path / "weekly.html"
    result = demo_cli("--lang", "zh", "report", "weekly", "-p", "yantian-2023", "--as-of", "2023-07-21", "--rule", "pro-rata",
                      "--format", "html", "-o", str(weekly))
    assert result.exit_code == 0, result.output
    assert "<h2>概况</h2>" in weekly.read_text(encoding="utf-8")
    printed = chromium_print(weekly, tmp_path)
    assert "概况" in printed.text and flat(link) in flat(printed.text)  # all of it, wrapped
    words = printed.words(1)
    (header,) = [w for w in words if w[0] == "进度图"]
    points = 8.5 / (header[4] - header[2])  # the header prints at 8.5 pt: points per unit of word height
    in_charts = [w for w in words if w[1] >= header[1] - 1 and w[2] > header[4]]
    assert len(in_charts) >= 8
    for text, _, y0, _, y1 in in_charts:
        assert (y1 - y0) * points >= 7.9, (text, (y1 - y0) * points)
    for i, a in enumerate(in_charts):
        assert not any(_boxes_overlap(a[1:], b[1:]) for b in in_charts[i + 1:]), (a, in_charts)
    right = A4_LANDSCAPE[0] - 11 / 25.4 * 72  # the page's right margin (11 mm)
    for page in range(1, printed.pages + 1):
        assert all(x1 <= right + 1 for _, _, _, x1, _ in printed.words(page)), page
