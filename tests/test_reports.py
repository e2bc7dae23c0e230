"""`mstrack report weekly|half-year|annual`: one report's data in every format (issue "Weekly printouts and
half-year reports", parts 3–5). Each format is checked for content: Markdown tables, CSV rows, JSON keys,
the HTML parsed, the XLSX opened with openpyxl, and the HTML printed to PDF by headless Chromium."""

import csv
import io
import json
import os
import re
import shutil
import string
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook

from mstrack.labels import Labels, catalogue, pick_lang
from mstrack.render.template import display_width

from .conftest import SOURCES, Cli, run_apart, write_plan
from .test_units import SMALL_PLAN

WEEKLY = ("report", "weekly", "--as-of", "2023-07-01")


@pytest.fixture
def small(cli: Cli, tmp_path) -> Cli:
    plan = write_plan(tmp_path / "small.toml", SMALL_PLAN)
    assert cli("import", "plan", str(plan)).exit_code == 0
    return cli


def run_ok(cli: Cli, *args: str):
    """The reports as a Chinese office reads them (a later --lang in args still wins)."""
    result = cli("--lang", "zh", *args)
    assert result.exit_code == 0, (args, result.output)
    return result


# --- weekly: one report, every format ---------------------------------------------------------


def test_weekly_json_summary_behind_units_and_changes(small):
    data = json.loads(run_ok(small, *WEEKLY, "--format", "json").stdout)  # JSON on stdout and nothing else
    assert (data["as_of"], data["since"]) == ("2023-07-01", "2023-06-24")  # a week before by default
    summary = data["summary"]
    assert summary["tasks"] == 6 and set(summary["task_counts"].values()) == {1}
    assert summary["text"] == "共6项任务：1项已完成，1项序时推进，1项滞后，1项未报送，1项逾期，1项未到期，截至 2023-07-01"
    behind = data["behind"]
    assert [(b["task"], b["indicator"], b["status"], b["note"]) for b in behind] == [
        ("1", "A", "behind", "一号备注"), ("4", "D", "overdue", "四号备注")]
    assert (behind[0]["expected"], behind[0]["actual"], behind[0]["pace"], behind[0]["days_behind"]) == (60, 50, 83.3, 1)
    series = behind[0]["series"]
    assert series["planned"] == [["2023-01-01", 0.0], ["2023-03-31", 30.0], ["2023-06-30", 60.0], ["2023-12-31", 100.0]]
    assert series["reports"] == [["2023-06-30", 50.0]]
    assert [u["unit"] for u in data["units"]] == ["甲局", "乙局", "丁局"]
    assert [(r["task"], r["value"]) for r in data["changes"]["reports"]] == [("1", 50), ("5", 5)]
    assert [(c["task"], c["before"], c["after"], c["worse"]) for c in data["changes"]["status"]] == [
        ("1", "no_report", "behind", True), ("3", "not_due", "no_report", True), ("5", "not_due", "on_track", False)]


def test_weekly_since_widens_the_changes(small):
    data = json.loads(run_ok(small, *WEEKLY, "--since", "2023-06-01", "--format", "json").stdout)
    assert [(r["task"], r["as_of"]) for r in data["changes"]["reports"]] == [
        ("1", "2023-06-30"), ("5", "2023-06-30"), ("2", "2023-06-20")]
    assert ("2", "not_due", "done") in [(c["task"], c["before"], c["after"]) for c in data["changes"]["status"]]


def md_rows(text: str, heading: str) -> list[list[str]]:
    """The first Markdown table under `heading`, header first, without the alignment row."""
    lines = text.split(heading, 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    table = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        if not set(line) <= set("|-: "):
            table.append([cell.strip() for cell in line[1:-1].split(" | ")])
    return table


@pytest.mark.backend_independent
def test_weekly_markdown_has_the_summary_and_three_sections(small):
    text = run_ok(small, *WEEKLY, "--format", "md").stdout
    assert text.startswith("# 民生实事进度周报\n")
    assert "**共6项任务：1项已完成，1项序时推进，1项滞后，1项未报送，1项逾期，1项未到期，截至 2023-07-01**" in text
    behind = md_rows(text, "## 滞后事项")
    assert behind[0] == BEHIND_HEADER
    assert behind[1] == BEHIND_A
    assert behind[2] == BEHIND_D  # its report is older than 14 days: ·久未报
    units = md_rows(text, "## 单位汇总")
    assert units[1][:5] == ["甲局", "2", "1", "0", "1"]
    assert "## 2023-06-24 以来的变化" in text
    reports = md_rows(text, "### 新报送")
    assert [row[:5] for row in reports[1:]] == [["1", "A", "甲局", "2023-06-30", "50个"], ["5", "E", "乙局", "2023-06-30", "5个"]]
    changes = md_rows(text, "### 状态变化")
    assert changes[1][:5] == ["1", "A", "甲局", "未报送", "进度滞后"]


BEHIND_HEADER = ["任务", "指标", "牵头单位", "年度目标", "序时目标", "实际", "差距", "序时完成率", "年度完成率", "滞后天数", "状态",
                 "最新情况"]
BEHIND_A = ["1", "A", "甲局", "100个", "60个", "50个", "−10个", "83.3%", "50%", "1天", "进度滞后", "一号备注（截至 2023-06-30）"]
"""Task 1 at 2023-07-01: 50 of the 60 due (gap −10, with the minus sign), 83.3% of the expected, 50% of the year."""
BEHIND_D = ["4", "D", "乙局", "4座", "4座", "1座", "−3座", "25%", "25%", "31天", "逾期·久未报", "四号备注（截至 2023-05-01）"]


@pytest.mark.backend_independent
def test_weekly_behind_rows_say_the_gap_and_the_share_of_the_year_in_every_format(small, tmp_path):
    """The issue asks per behind row for 差距 (in the indicator's unit) and 年度完成率 (actual/target) beside
    序时完成率 (actual/expected) and the days behind: in the table, md, csv, html and xlsx alike."""
    rows = list(csv.reader(io.StringIO(run_ok(small, *WEEKLY, "--format", "csv").stdout)))
    start = rows.index(["滞后事项"])
    assert rows[start + 1] == BEHIND_HEADER
    assert rows[start + 2] == BEHIND_A and rows[start + 3] == BEHIND_D  # no formula guard ('−…) on the gap
    page = Page(run_ok(small, *WEEKLY, "--format", "html").stdout)
    behind = page.rows["behind"]
    assert behind[0] == [*BEHIND_HEADER, "进度图"]
    assert behind[1][1] == "A任务一" and behind[2][1] == "D任务四"  # the task's title under the indicator
    assert behind[1][2:-1] == BEHIND_A[2:] and behind[2][2:-1] == [*BEHIND_D[2:10], "逾期·久未报", BEHIND_D[11]]
    assert 'class="status s-overdue"><span class="word">逾期</span><span class="stale">·久未报</span>' in page.text
    out = tmp_path / "w.xlsx"
    run_ok(small, *WEEKLY, "--format", "xlsx", "-o", str(out))
    sheet = load_workbook(out)["滞后事项"]
    assert [c.value for c in sheet[1]] == [*BEHIND_HEADER, "工作任务"]
    assert [c.value for c in sheet[2]][:7] == BEHIND_A[:7]
    assert [sheet.cell(row=2, column=c).value for c in (8, 9, 10)] == [0.833, 0.5, 1]  # numbers, shown with %
    assert sheet.cell(row=2, column=8).number_format == sheet.cell(row=2, column=9).number_format == "0.0%"
    assert sheet.cell(row=2, column=11).value == "进度滞后" and sheet.cell(row=3, column=7).value == "−3座"
    table = run_ok(small, *WEEKLY).stdout
    assert "差距" in table and "年度完成率" in table and "−10个" in table
    english = run_ok(small, "--lang", "en", *WEEKLY, "--format", "md").stdout
    assert "| Gap | Pace % | % of target | Days behind |" in english and "| −10个 | 83.3% | 50% | 1 d |" in english


@pytest.mark.backend_independent
def test_weekly_csv_sections(small):
    text = run_ok(small, *WEEKLY, "--format", "csv").stdout
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == ["共6项任务：1项已完成，1项序时推进，1项滞后，1项未报送，1项逾期，1项未到期，截至 2023-07-01"]
    start = rows.index(["滞后事项"])
    assert rows[start + 1][0] == "任务" and rows[start + 2][:3] == ["1", "A", "甲局"]
    assert ["单位汇总"] in rows and ["新报送"] in rows and ["状态变化"] in rows


@pytest.mark.backend_independent
def test_weekly_csv_file_has_a_bom_for_spreadsheets(small, tmp_path):
    out = tmp_path / "w.csv"
    result = run_ok(small, *WEEKLY, "--format", "csv", "-o", str(out))
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") and str(out) in result.stderr and result.stdout == ""


@pytest.mark.backend_independent
def test_markdown_keeps_data_as_text(small):
    """A note is data: in Markdown its <, > and & are escaped (a viewer renders raw HTML), | too; the
    renderer's own <br> between the lines of a cell stays markup."""
    note = "<script>alert(1)</script> & a|b"
    run_ok(small, "log", "x-2023/1", "55", "--as-of", "2023-07-01", "--note", note)
    text = run_ok(small, *WEEKLY, "--format", "md").stdout
    assert "<script" not in text and "</script>" not in text
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; a\\|b"
    assert md_rows(text, "## 滞后事项")[1][-1] == f"{escaped}（截至 2023-07-01）"
    assert md_rows(text, "### 新报送")[1][5] == escaped
    table = run_ok(small, "report", "half-year", "-p", "x-2023", "--as-of", "2023-07-01").stdout
    assert "<script" not in table and escaped in table
    assert "| 甲局<br>丙局 |" in table and "&lt;br&gt;" not in table  # the renderer's own line break, kept


@pytest.mark.backend_independent
def test_empty_sections_say_so_in_the_xlsx_as_in_md(small, tmp_path):
    """Nothing behind, nothing new: the sheet says the same line as md and html, not a bare header."""
    args = ("report", "weekly", "--as-of", "2023-03-01")
    text = run_ok(small, *args, "--format", "md").stdout
    assert "截至 2023-03-01 没有滞后事项。" in text and "没有新报送。" in text and "没有状态变化。" in text
    out = tmp_path / "quiet.xlsx"
    run_ok(small, *args, "--format", "xlsx", "-o", str(out))
    book = load_workbook(out)
    behind = book["滞后事项"]
    assert behind["A2"].value == "截至 2023-03-01 没有滞后事项。" and behind.max_row == 2
    assert "A2:M2" in {str(r) for r in behind.merged_cells.ranges}  # across the header's 13 columns
    assert behind.print_area and "$2" in behind.print_area
    assert book["新报送"]["A2"].value == "没有新报送。" and book["状态变化"]["A2"].value == "没有状态变化。"
    assert behind.column_dimensions["A"].width < display_width(behind["A2"].value)  # the line spans, A stays narrow
    english = tmp_path / "quiet-en.xlsx"
    run_ok(small, "--lang", "en", *args, "--format", "xlsx", "-o", str(english))
    assert load_workbook(english)["Behind schedule"]["A2"].value == "Nothing is behind schedule as of 2023-03-01."


class Page(HTMLParser):
    """What a reader sees of a report page: sections, headings, tables, charts, style."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text
        self.sections, self.headings, self.svgs, self.theads, self.style = [], [], 0, 0, ""
        self.rows: dict[str, list[list[str]]] = {}
        self._stack, self._table, self._row, self._cell = [], None, None, None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._stack.append(tag)
        if tag == "section":
            self.sections.append(attrs.get("id"))
        elif tag == "svg":
            self.svgs += 1
        elif tag == "thead":
            self.theads += 1
        elif tag == "table":
            self._table = attrs.get("class") or f"table{len(self.rows)}"
            self.rows.setdefault(self._table, [])
        elif tag == "tr" and self._table:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if self._stack:
            self._stack.pop()
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows[self._table].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        current = self._stack[-1] if self._stack else ""
        if current == "style":
            self.style += data
        elif current in ("h1", "h2", "h3"):
            self.headings.append(data.strip())
        if self._cell is not None and "svg" not in self._stack:
            self._cell.append(data)


@pytest.mark.backend_independent
def test_weekly_html_is_one_printable_page_set(small):
    text = run_ok(small, *WEEKLY, "--format", "html").stdout
    page = Page(text)
    assert page.sections == ["behind", "units", "changes"]
    assert page.headings[:5] == ["民生实事进度周报", "概况", "滞后事项", "单位汇总", "2023-06-24 以来的变化"]
    behind = page.rows["behind"]
    assert behind[0][:3] == ["任务", "指标", "牵头单位"] and behind[0][-1] == "进度图"
    assert [row[0] for row in behind[1:]] == ["1", "4"] and behind[1][10] == "进度滞后"
    assert page.svgs == len(behind) - 1  # one chart per behind row
    assert page.theads >= 4  # every table repeats its header on each printed page
    for rule in ("@page", "A4 landscape", "break-before: page", "display: table-header-group", '"Noto Sans CJK SC"',
                 "break-inside: avoid"):
        assert rule in page.style
    assert "<script" not in text and "http://" not in text.replace("http://www.w3.org/2000/svg", "")  # self-contained
    chart = re.search(r"<svg.*?</svg>", text).group(0)
    assert 'class="planned"' in chart and 'class="report"' in chart and 'class="as-of"' in chart


@pytest.mark.backend_independent
def test_weekly_xlsx_has_a_sheet_per_section(small, tmp_path):
    out = tmp_path / "weekly.xlsx"
    run_ok(small, *WEEKLY, "--format", "xlsx", "-o", str(out))
    book = load_workbook(out)
    assert book.sheetnames == ["概况", "滞后事项", "单位汇总", "新报送", "状态变化"]
    summary = book["概况"]
    assert [c.value for c in summary[1]][:3] == ["状态", "任务数", "指标数"]
    assert [summary.cell(row=r, column=1).value for r in range(2, 8)] == ["已完成", "序时推进", "进度滞后", "未报送", "逾期", "未到期"]
    behind = book["滞后事项"]
    assert [c.value for c in behind[1]][:3] == ["任务", "指标", "牵头单位"]
    assert [behind.cell(row=r, column=2).value for r in (2, 3)] == ["A", "D"]
    assert behind.cell(row=2, column=8).value == 0.833 and behind.cell(row=2, column=10).value == 1
    assert behind.cell(row=2, column=11).fill.fgColor.rgb.endswith("FFC7CE")  # 进度滞后 in red
    assert behind.cell(row=3, column=11).fill.fgColor.rgb.endswith("EAD1F5")  # 逾期
    units = book["单位汇总"]
    assert [units.cell(row=r, column=1).value for r in (2, 3, 4)] == ["甲局", "乙局", "丁局"]
    assert units.cell(row=2, column=5).fill.fgColor.rgb.endswith("FFC7CE")  # 甲局 has a task behind
    for sheet in book:
        assert sheet.freeze_panes == "B2" and sheet.page_setup.orientation == "landscape"
        assert sheet.print_area and sheet.print_title_rows == "$1:$1"
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4 and sheet.sheet_properties.pageSetUpPr.fitToPage
    for column, letter in ((1, "A"), (2, "B"), (3, "C")):  # Chinese headers: two columns per character
        header = behind.cell(row=1, column=column).value
        assert behind.column_dimensions[letter].width >= display_width(header)
    assert units.column_dimensions["A"].width >= display_width("单位") + 2


@pytest.mark.backend_independent
def test_weekly_table_for_the_terminal(small):
    text = run_ok(small, *WEEKLY).stdout
    assert "共6项任务" in text and "滞后事项" in text and "一号备注" in text and "单位汇总" in text


def test_weekly_on_the_seeds_with_pro_rata(demo_cli):
    data = json.loads(run_ok(demo_cli, "report", "weekly", "-p", "yantian-2023", "--as-of", "2023-07-07",
                             "--rule", "pro-rata", "--format", "json").stdout)
    assert data["pro_rata"] and data["summary"]["task_counts"]["behind"] == 2
    assert {(b["task"], b["indicator"]) for b in data["behind"]} >= {("1", "道路综合整治工程"), ("19", "送教上门人次")}
    assert all(b["note"] for b in data["behind"])  # the latest note of each


def test_weekly_json_behind_rows_are_status_rows_plus_their_own_keys(demo_cli):
    """docs/reports.md: the behind rows are "as in status --format json": every key of a status row, with
    the same value, and besides it the task's title and the chart's series. Not the early warning and the
    forecast that status gained later (issue 17): the weekly report keeps its shape, so that a weekly report
    frozen before compares key for key (`report diff`)."""
    args = ("-p", "yantian-2023", "--as-of", "2023-07-07", "--rule", "pro-rata", "--format", "json")
    weekly = json.loads(run_ok(demo_cli, "report", "weekly", *args).stdout)["behind"]
    status = {(r["programme"], r["task"], r["indicator"]): r for r in json.loads(run_ok(demo_cli, "status", *args).stdout)}
    for row in status.values():
        assert set(row) >= {"due_soon", "forecast"}
        del row["due_soon"], row["forecast"]
    assert len(weekly) == 5
    for row in weekly:
        same = status[(row["programme"], row["task"], row["indicator"])]
        assert {key: row.get(key, "missing") for key in same} == same
        assert set(row) - set(same) == {"title", "series"}
    assert {"deadline", "next_due", "task_status", "assessment", "agrees", "lead_units", "units"} <= set(weekly[0])
    assert weekly[0]["task_status"] == "behind" and weekly[0]["lead_units"] == ["盐田交通运输局"]


# --- half-year / annual: seed 001's appendix --------------------------------------------------


def appendix() -> tuple[list[str], list[list[str]]]:
    """Seed 001's 一览表: its header and rows of six cells (a cell starts a line with a tab)."""
    text = (SOURCES / "001_099251c64b2fd942.txt").read_text(encoding="utf-8")
    table = text[text.index("盐田区2023年十件重点民生实事上半年完成情况一览表"):]
    cells = [cell.strip() for cell in re.split(r"\n\t", table)[1:]]
    assert len(cells) % 6 == 0
    return cells[:6], [cells[i:i + 6] for i in range(6, len(cells), 6)]


def flat(text: str) -> str:
    return "".join(text.split())


def test_half_year_report_reproduces_the_yantian_appendix(demo_cli):
    data = json.loads(run_ok(demo_cli, "report", "half-year", "--programme", "yantian-2023", "--format", "json").stdout)
    header, rows = appendix()
    assert data["columns"] == header  # 项目名称 | 项目内容 | 上半年进展情况 | 2023年下半年任务目标及措施 | 责任单位 | 完成时限
    assert data["as_of"] == "2023-06-30" and data["title"] == "盐田区2023年十件重点民生实事上半年完成情况一览表"
    areas, area = [], None
    for row in rows:  # the document leaves the project cell empty under its first task (and repeats 四 once)
        area = row[0] or area
        if not areas or areas[-1][0] != area:
            areas.append((area, []))
        areas[-1][1].append(row[1].split(".", 1)[0])
    assert [(a["area"], [t["code"] for t in a["tasks"]]) for a in data["areas"]] == areas
    assert len(data["areas"]) == 10 and sum(len(a["tasks"]) for a in data["areas"]) == 19
    ours = [task for a in data["areas"] for task in a["tasks"]]
    for row, task in zip(rows, ours, strict=True):
        assert flat(row[1]) == flat(f"{task['code']}.{task['title']}")
        assert flat(row[2]) == flat(task["progress_text"]), task["code"]
        assert flat(row[3]) == flat(task["next_text"]), task["code"]  # all of it: task 14's eight items
        if row[4]:
            assert task["units"] == row[4].split("\n"), task["code"]
        if row[5]:
            assert task["deadline_text"] == row[5]
    summary = data["summary"]
    assert (summary["areas"], summary["tasks"]) == (10, 19)
    assert summary["assessments"] == {"进度滞后": 2, "已圆满完成": 2, "顺利推进、完成较好": 10, "按计划有序推进": 5}
    assert summary["text"][0].startswith("共10个项目、19项具体任务：")


@pytest.mark.backend_independent
def test_half_year_markdown_is_the_appendix_table(demo_cli):
    text = run_ok(demo_cli, "report", "half-year", "-p", "yantian-2023").stdout
    lines = text.splitlines()
    assert lines[0] == "# 盐田区2023年十件重点民生实事上半年完成情况一览表"
    assert "| 项目名称 | 项目内容 | 上半年进展情况 | 2023年下半年任务目标及措施 | 责任单位 | 完成时限 |" in lines
    rows = [line for line in lines if line.startswith("| ") and "项目名称" not in line and "| --- |" not in line]
    assert len(rows) == 19
    assert rows[0].startswith("| 一、实施盐田街道道路和环境综合整治 | 1.实施东海道")
    assert rows[1].startswith("|  | 2.对明珠道") and rows[1].endswith("| / | 区工务署 | 2023.6 |")
    assert "| 7-9月：完成整体形象进度80%。<br>10-12月：完成整体形象进度100%。 | 区城管局 | 2023.11 |" in rows[2]
    assert "共10个项目、19项具体任务：" in text


def test_half_year_shows_reports_the_document_did_not_quote(demo_cli):
    run_ok(demo_cli, "log", "yantian-2023/3", "70%", "-i", "整体形象进度", "--as-of", "2023-07-05", "--note", "3号地块仍未退场")
    data = json.loads(run_ok(demo_cli, "report", "half-year", "-p", "yantian-2023", "--as-of", "2023-07-10",
                             "--format", "json").stdout)
    (task,) = [t for a in data["areas"] for t in a["tasks"] if t["code"] == "3"]
    assert task["progress_text"].splitlines()[-1] == "整体形象进度：70%（截至2023年7月5日，完成年度目标70%） 3号地块仍未退场"


@pytest.mark.backend_independent
def test_half_year_xlsx_and_html(demo_cli, tmp_path):
    out = tmp_path / "half.xlsx"
    run_ok(demo_cli, "report", "half-year", "-p", "yantian-2023", "--format", "xlsx", "-o", str(out))
    sheet = load_workbook(out)["一览表"]
    assert sheet["A1"].value == "盐田区2023年十件重点民生实事上半年完成情况一览表"
    assert [c.value for c in sheet[3]] == appendix()[0]
    assert sheet.freeze_panes == "A4" and sheet.print_title_rows == "$3:$3" and sheet.page_setup.orientation == "landscape"
    # 一、 on each of tasks 1–3, merged down none (a merged cell prints on its first page only: fix50c)
    assert {str(r) for r in sheet.merged_cells.ranges} == {"A1:F1", "A2:F2"}
    assert sheet["A4"].value == sheet["A6"].value == "一、实施盐田街道道路和环境综合整治"
    assert sheet["F4"].value == "2023.12" and sheet["E4"].value == "盐田交通运输局\n区工务署"
    assert sheet.column_dimensions["C"].width >= 40 and sheet["C4"].alignment.wrap_text
    page = Page(run_ok(demo_cli, "report", "half-year", "-p", "yantian-2023", "--format", "html").stdout)
    rows = page.rows["onelist"]
    assert rows[0] == appendix()[0] and len(rows) == 20
    assert rows[1][0] == rows[2][0] == "一、实施盐田街道道路和环境综合整治" and rows[2][1].startswith("2.对明珠道")


def test_annual_report(demo_cli):
    data = json.loads(run_ok(demo_cli, "report", "annual", "-p", "yantian-2023", "--format", "json").stdout)
    assert data["as_of"] == "2023-12-31" and data["kind"] == "annual"
    assert data["columns"][2:4] == ["全年进展情况", "下一步任务目标及措施"]
    assert data["title"] == "盐田区2023年十件重点民生实事全年完成情况一览表"
    assert all(t["next_text"] == "" for a in data["areas"] for t in a["tasks"])  # nothing after December, no "/"


# --- languages --------------------------------------------------------------------------------


def test_every_label_has_both_languages():
    """The same fields in Chinese and English; a plural spec (`{n:task|tasks}`) only in English, on a field
    the Chinese has too."""
    for key, (zh, en) in catalogue().items():
        assert zh and en, key
        zh_fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(zh) if name is not None]
        en_fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(en) if name is not None]
        assert {name for name, _ in zh_fields} == {name for name, _ in en_fields}, key
        assert not any("|" in spec for _, spec in zh_fields), key
        assert all(spec.count("|") == 1 for _, spec in en_fields if "|" in spec), key
    assert Labels("en").status("behind") == "behind" and Labels("zh").status("behind") == "进度滞后"


@pytest.mark.parametrize(("environ", "lang"), [
    ({}, "en"), ({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LANG": "C.UTF-8"}, "en"),
    ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"), ({"LC_MESSAGES": "zh_TW", "LANG": "C"}, "zh"),
    ({"LC_ALL": "", "LANG": "zh_CN"}, "zh"),
])
def test_the_language_follows_the_locale(environ, lang):
    assert pick_lang(None, environ) == lang
    assert pick_lang("zh", environ) == "zh"


@pytest.mark.backend_independent
def test_lang_en_labels_every_output(small):
    md = run_ok(small, "--lang", "en", *WEEKLY, "--format", "md").stdout
    assert md.startswith("# Livelihood projects: weekly report")
    assert "Of 6 tasks: 1 done, 1 on track, 1 behind, 1 without a report, 1 overdue, 1 not yet due, as of 2023-07-01" in md
    assert "## Behind schedule" in md and "| Task | Indicator | Lead unit |" in md and "滞后事项" not in md
    status = run_ok(small, "--lang", "en", "status", "--as-of", "2023-07-01").stdout
    assert "Lead unit" in status and "behind" in status and "牵头单位" not in status
    show = run_ok(small, "--lang", "en", "show", "x-2023/1", "--as-of", "2023-07-01").stdout
    assert "Lead units" in show and "Cumulative target" in show and "累计目标" not in show


@pytest.mark.backend_independent
def test_the_locale_chooses_chinese(small):
    from typer.testing import CliRunner

    from mstrack.cli import app

    env = {"MSTRACK_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"}
    result = CliRunner().invoke(app, ["--db", str(small.db), *WEEKLY, "--format", "md"], env=env)
    assert result.exit_code == 0 and "## 滞后事项" in result.stdout
    env["LANG"] = "en_GB.UTF-8"  # a report is Chinese whatever the locale (fix49f): --lang en asks for English
    result = CliRunner().invoke(app, ["--db", str(small.db), *WEEKLY, "--format", "md"], env=env)
    assert result.exit_code == 0 and "## 滞后事项" in result.stdout
    result = CliRunner().invoke(app, ["--db", str(small.db), "--lang", "en", *WEEKLY, "--format", "md"], env=env)
    assert result.exit_code == 0 and "## Behind schedule" in result.stdout


# --- usage ------------------------------------------------------------------------------------


@pytest.mark.backend_independent
@pytest.mark.parametrize("args", [
    ["report", "weekly", "--format", "pdf"],
    ["report", "weekly", "--format", "xlsx"],  # a workbook needs a file
    ["report", "weekly", "--as-of", "2023-07-01", "--since", "2023-07-02"],
    ["report", "weekly", "--since", "2023-02-30"],
    ["report", "weekly", "--rule", "linear"],
    ["report", "half-year"],
    ["report", "half-year", "-p", "nowhere-2023"],
    ["report", "half-year", "-p", "x-2023", "--format", "csv"],
    ["report", "annual", "-p", "x-2023", "--format", "xlsx"],
    ["--lang", "fr", "report", "weekly"],
])
def test_bad_options_exit_2_with_one_line(small, args):
    result = small(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("mstrack: error: "), result.stderr


@pytest.mark.backend_independent
def test_an_unwritable_output_is_exit_2(small, tmp_path):
    result = small(*WEEKLY, "--format", "md", "-o", str(tmp_path / "no" / "such" / "dir" / "w.md"))
    assert result.exit_code == 2 and "--output" in result.stderr


def test_help_stays_light():
    """`mstrack --help` imports neither the database layer nor openpyxl nor the model's dataclasses (its closed
    choices come from mstrack.vocabulary); importing the CLI not even Rich."""
    code = ("import sys\nimport mstrack.cli\nlight = sorted(m for m in sys.modules if m.split('.')[0] in "
            "('sqlalchemy', 'sqlmodel', 'openpyxl') or m == 'rich.table')\nsys.argv = ['mstrack', '--help']\n"
            "try:\n    mstrack.cli.run(last=False)\nexcept SystemExit:\n    pass\n"
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlmodel', 'openpyxl')"
            " or m == 'mstrack.model')\n"
            "print(light, heavy)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[] []"
    assert "report" in done.stdout and "units" in done.stdout


def test_status_reads_without_building_the_orm(demo_cli):
    """`status` runs plain SQL: the table classes, the plan model, Rich's console and openpyxl stay unloaded
    (issue "Fast at every size": everything beyond sqlmodel and typer costs < 30 %); it reads through
    the driver alone (sqlite3, psycopg), without SQLAlchemy or SQLModel."""
    exit_code, rows, modules = run_apart(["--db", str(demo_cli.db), "status", "--as-of", "2023-07-01"])
    loaded = [name for name in modules if name in ('mstrack.store.schema', 'mstrack.sources.plan', 'rich.console',
                                                   'openpyxl', 'sqlalchemy', 'sqlmodel')]
    assert exit_code in (0, None) and len(rows.splitlines()) > 100
    assert loaded == []  # on PostgreSQL too: psycopg's own connection


@pytest.mark.parametrize(("words", "cword", "answers"), [
    ("mstrack st", 1, {"status"}),
    ("mstrack --db x.db status --format ", 5, {"table", "json"}),
    ("mstrack report w", 2, {"weekly"}),
    ("mstrack status --rule ", 3, {"step", "pro-rata"}),
    ("mstrack report weekly --rule p", 4, {"pro-rata"}),
    ("mstrack status --warn-days x -f ", 5, {"table", "json"}),  # a value Typer would refuse: kept as typed
])
def test_completion_answers_without_the_heavy_imports(words, cword, answers):
    """A <TAB> answers from the command tree alone: no store, no openpyxl, not even pydantic."""
    code = ("import sys\nimport mstrack.cli\nsys.argv = ['mstrack']\n"
            "try:\n    mstrack.cli.run(last=False)\nexcept SystemExit:\n    pass\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'sqlmodel', 'openpyxl', 'pydantic'}))")
    env = dict(os.environ, _MSTRACK_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(cword))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    *completions, heavy = done.stdout.strip().splitlines()
    assert set(completions) == answers and heavy == "[]"


# --- pure data in, text out -------------------------------------------------------------------


def test_reports_are_built_and_rendered_from_plain_data():
    """No store: a hand-built task goes through the report builder and every renderer."""
    from mstrack.model import IndicatorState, MilestoneState, ReportState, TaskText
    from mstrack.render import report_text as render_report
    from mstrack.render import xlsx as render_xlsx
    from mstrack.render.html import weekly_html
    from mstrack.reports.overview import table_report
    from mstrack.reports.weekly import weekly_report

    state = IndicatorState(
        programme="p-2023", task="7", indicator="床位", unit="张", target=100, deadline=date(2023, 12, 31),
        milestones=[MilestoneState(due=date(2023, 6, 30), target=50, text="6月底前50张", label="6月底前"),
                    MilestoneState(due=date(2023, 12, 31), target=100, text="年底100张", label="12月底前")],
        reports=[ReportState(as_of=date(2023, 6, 30), value=30, note="30张已投用")], lead_units=["卫健委"], task_title="增加床位",
    )
    detail = SimpleNamespace(programme="p-2023", programme_name="某市2023年民生实事", code="7", title="增加床位",
                             area="一、医疗", indicators=[state], lead_units=["卫健委"], units=[],
                             deadline=date(2023, 12, 31), text=TaskText())
    weekly = weekly_report([detail], date(2023, 7, 3))
    assert [(b.indicator, b.status) for b in weekly.behind] == [("床位", "behind")]
    assert "| 7 | 床位 | 卫健委 | 100张 | 50张 | 30张 | −20张 | 60% | 30% |" in render_report.weekly_md(weekly, "zh")
    assert weekly_html(weekly, "zh").count("<svg") == 1
    assert render_xlsx.weekly_xlsx(weekly, "en")[:2] == b"PK"
    table = table_report([detail], "half-year", date(2023, 6, 30), 2023)
    assert "1 project, 1 task: 1 behind." in render_report.table_md(table, "en")  # English counts agree
    assert "Of 1 task: 1 behind" in render_report.weekly_md(weekly, "en")
    (row,) = table.groups[0].rows
    assert [step.label for step in row.next_steps] == ["12月底前"]
    assert render_report.table_md(table, "zh").splitlines()[-3] == (  # its last row, before the blank line and the mark
        "| 一、医疗 | 7.增加床位 | 床位：30张（截至2023年6月30日，完成年度目标30%） 30张已投用 | 12月底前：年底100张 | 卫健委 | 2023.12 |")


# --- on paper ---------------------------------------------------------------------------------

CHROMIUM = next((found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))), None)


def print_pdf(html: Path, tmp_path: Path) -> str:
    """Headless Chromium prints the page to PDF; pdftotext reads it back."""
    pdf = html.with_suffix(".pdf")
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer",
         f"--user-data-dir={tmp_path / 'chromium'}", f"--print-to-pdf={pdf}", html.resolve().as_uri()],
        capture_output=True, text=True, timeout=180,
    )
    assert pdf.exists() and pdf.stat().st_size > 0, done.stderr[-2000:]
    # -raw: the text in the order it was drawn, so that a cell's wrapped lines stay together
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return text, int(re.search(r"Pages:\s+(\d+)", pages).group(1))


@pytest.mark.backend_independent
@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="chromium is not installed (CI installs it)")
def test_reports_print_on_a4_with_chinese_headings_and_the_behind_rows(demo_cli, tmp_path):
    assert CHROMIUM and shutil.which("pdftotext"), "CI installs chromium and poppler-utils (.ci/run)"
    weekly = tmp_path / "weekly.html"
    run_ok(demo_cli, "report", "weekly", "-p", "yantian-2023", "--as-of", "2023-07-07", "--rule", "pro-rata",
           "--format", "html", "-o", str(weekly))
    text, pages = print_pdf(weekly, tmp_path)
    squeezed = flat(text)
    for words in ("民生实事进度周报", "滞后事项", "单位汇总", "以来的变化", "共19项任务：", "2项滞后"):
        assert words in squeezed, words
    for indicator in ("道路综合整治工程", "送教上门人次", "探访残疾儿童"):  # the behind rows
        assert indicator in squeezed, indicator
    assert "进度滞后" in squeezed and "盐田交通运输局" in squeezed
    assert 3 <= pages <= 5  # a page per section, not a dump
    half = tmp_path / "half.html"
    run_ok(demo_cli, "report", "half-year", "-p", "yantian-2023", "--format", "html", "-o", str(half))
    text, pages = print_pdf(half, tmp_path)
    squeezed = flat(text)
    for words in ("盐田区2023年十件重点民生实事上半年完成情况一览表", "项目名称", "上半年进展情况", "2023年下半年任务目标及措施",
                  "一、实施盐田街道道路和环境综合整治", "十、开展残疾儿童精准助残行动", "区残联"):
        assert words in squeezed, words
    assert pages <= 8


def pdf_words(pdf: Path, page: int = 1) -> list[tuple[str, float, float, float, float]]:
    """(text, x0, y0, x1, y1) of each word printed on `page`, as pdftotext -bbox places it."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)
    return [(text, float(x0), float(y0), float(x1), float(y1)) for x0, y0, x1, y1, text in found]


@pytest.mark.backend_independent
@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="chromium is not installed (CI installs it)")
@pytest.mark.parametrize(("lang", "stale", "latest", "headers"), [
    ("zh", "·久未报", "最新情况", ("差距", "序时完成率", "年度完成率", "滞后天数")),
    ("en", "stale", "Latest", ("Gap", "Pace", "target", "behind")),
])
def test_the_stale_mark_stays_in_its_cell_on_paper(demo_cli, tmp_path, lang, stale, latest, headers):
    """Printed, each behind row's status cell holds the status word and, on a line under it, the stale
    mark: nothing runs over 最新情况; the narrow headers are whole words (序时完成率 on one line)."""
    assert CHROMIUM and shutil.which("pdftotext"), "CI installs chromium and poppler-utils (.ci/run)"
    weekly = tmp_path / "weekly.html"
    run_ok(demo_cli, "--lang", lang, "report", "weekly", "-p", "yantian-2023", "--as-of", "2023-07-21",
           "--rule", "pro-rata", "--format", "html", "-o", str(weekly))
    print_pdf(weekly, tmp_path)
    status, marks = Labels(lang).status("behind"), 0
    for page in (1, 2):  # the behind list, its header repeated on each page it takes
        words = pdf_words(weekly.with_suffix(".pdf"), page)
        texts = [w[0] for w in words]
        for header in headers:
            assert header in texts, (header, texts[:60])
        (edge,) = [w[1] for w in words if w[0] == latest]  # where the 最新情况 column starts
        on_page = [w for w in words if stale in w[0]]
        marks += len(on_page)
        for text, x0, y0, x1, _ in on_page:
            assert x1 < edge, (text, x1, edge)  # inside the status column
            assert text.endswith(stale) and status not in text  # on a line of its own
            words_above = [w for w in words if w[0] == status and abs(w[1] - x0) < 12 and 0 < y0 - w[2] < 30]
            assert words_above, (text, x0, y0)  # under its status word
        assert all(w[3] < edge for w in words if w[0] == status)
    assert marks == 5  # the five behind rows of 2023-07-21, their reports all older than 14 days



@pytest.mark.parametrize("command", [
    ["show", "shenzhen-2023/5"],
    ["log", "shenzhen-2023/5", "2.6万", "-i", "建设", "--as-of", "2023-06-25"],
    ["import", "progress", "PLACEHOLDER"],
])
def test_show_log_and_import_need_no_orm_either(demo_cli, tmp_path, command):
    """A coordinator's everyday commands go through the driver alone (as status does): no SQLAlchemy,
    SQLModel or table classes to import, on SQLite and on PostgreSQL."""
    sheet = tmp_path / "p.csv"
    sheet.write_text("计划,任务编号,指标,截至日期,数值\nshenzhen-2023,5,建设,2023-06-30,2万\n", encoding="utf-8")
    args = [str(sheet) if arg == "PLACEHOLDER" else arg for arg in command]
    code = ("import io, sys\nimport mstrack.cli\nsys.argv = ['mstrack', '--db', sys.argv[1], *sys.argv[2:]]\n"
            "out, sys.stdout = sys.stdout, io.StringIO()\n"
            "try:\n    mstrack.cli.run(last=False)\nexcept SystemExit as exit:\n    code = exit.code\n"
            "sys.stdout = out\n"
            "print(code, sorted(m for m in sys.modules if m in ('mstrack.store.schema', 'sqlalchemy', 'sqlmodel', 'openpyxl')))")
    done = subprocess.run([sys.executable, "-c", code, str(demo_cli.db), *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "[]" and done.stdout.split()[0] in ("0", "None"), done.stdout + done.stderr


def test_a_weekly_report_reads_its_rows_and_its_charts_at_one_moment(demo_cli, monkeypatch):
    """The rows of a weekly report and the charts of the indicators behind are read in two steps; a report
    logged by someone else between them is in neither (one read transaction: SQLite's snapshot,
    PostgreSQL's REPEATABLE READ), never in a chart while its row still shows the value before."""
    from mstrack.reports.make import weekly_details
    from mstrack.store import Store

    on, since = date(2023, 9, 30), date(2023, 9, 24)
    store = Store(demo_cli.url)
    details, series, _ = weekly_details(store, None, on, since, None)
    charted = {state.indicator_id: state for detail in details for state in detail.indicators
               if series.get(state.indicator_id) and state.kind == "quantity"}
    assert charted, "the demo has an indicator behind with reports at the end of September"
    state = next(iter(charted.values()))
    value = max(point[1] for point in series[state.indicator_id]) + 1
    charts = Store.report_series
    logged = []

    def write_then_chart(self, indicator_ids, as_of):
        logged.append(demo_cli("log", f"{state.programme}/{state.task}", f"{value:g}", "-i", state.indicator,
                               "--as-of", on.isoformat(), "--note", "meanwhile"))
        return charts(self, indicator_ids, as_of)

    monkeypatch.setattr(Store, "report_series", write_then_chart)
    details, series, _ = weekly_details(Store(demo_cli.url), None, on, since, None)
    assert logged and logged[0].exit_code == 0, logged[0].output if logged else "no write between the reads"
    for detail in details:
        for row in detail.indicators:
            if row.indicator_id in series:
                latest = sorted(row.reports, key=lambda report: report.as_of)[-1]
                assert series[row.indicator_id][-1] == (latest.as_of, latest.value), row.indicator
    assert value not in [point[1] for point in series[state.indicator_id]]
    monkeypatch.setattr(Store, "report_series", charts)
    after = weekly_details(Store(demo_cli.url), None, on, since, None)[1]
    assert after[state.indicator_id][-1] == (on, value)  # the next report sees it, in its row and its chart
