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
