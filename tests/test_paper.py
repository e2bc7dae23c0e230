"""Reports on paper, as the office meets them (issue 16, "On paper"): the 一览表 in Chinese whatever the
locale, a task's own 下一步 text printed in full, the year-end table, the .xlsx reports and the fill-in
form converted to PDF by LibreOffice, the HTML printed by headless Chromium."""

import json

from typer.testing import CliRunner

from mstrack.cli import app

from .conftest import Cli


def _plain_locale(cli: Cli, *args: str, lang: str | None = None):
    """mstrack as a user in an English (C) locale runs it: no --lang unless `lang`."""
    env = {"MSTRACK_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
    chosen = ["--lang", lang] if lang else []
    return CliRunner().invoke(app, ["--db", str(cli.db), *chosen, *args], env=env, catch_exceptions=False)


def test_the_table_is_chinese_whatever_the_locale(demo_cli):
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
    result = _plain_locale(demo_cli, "report", "weekly", "-p", "yantian-2023", "--as-of", "2023-07-01", "--format", "md")
    assert result.exit_code == 0 and result.stdout.startswith("# Livelihood projects: weekly report")


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
    assert "整体形象进度：100%（截至2023-11-20，完成年度目标100%） 明珠道绿廊公园带完工" in progress
    assert words not in progress
    narrative = _task(half, "14")["progress_text"].splitlines()[0]
    assert narrative.startswith("1.实施沙头角") and narrative not in _task(annual, "14")["progress_text"]
    tasks = [t for a in annual["areas"] for t in a["tasks"]]
    assert all(t["assessment"] is None and t["problems"] is None for t in tasks)
    assert sum(annual["summary"]["task_counts"].values()) == 19 and annual["summary"]["task_counts"]["not_due"] == 0
    assert [t["next_text"] for t in tasks] == [""] * 19
    markdown = demo_cli("--lang", "zh", "report", "annual", "-p", "yantian-2023").stdout
    assert "| / |" not in markdown and "| 2023.12 |" in markdown
