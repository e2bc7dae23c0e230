"""fix50a: a programme's window of reports is its own (trial50 T2), a level is not spread over the year by 序时进度
(T3), and the scripts' alarm sees overdue tasks too (T4)."""

import re

from .conftest import ROOT


def _script_lines() -> list[tuple[str, str]]:
    """Every line of README and docs/ that runs `status --fail-on` in a script."""
    found = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.search(r"mstrack\b.*\bstatus\b.*--fail-on behind", line):
                found.append((path.name, line))
    return found


def test_the_scripts_alarm_on_overdue_as_well_as_behind():
    """T4: once the deadline passes every unmet task is overdue, not behind: a script alarming on `--fail-on behind`
    alone is silent in the weeks the office chases the year's leftovers."""
    lines = _script_lines()
    assert {name for name, _ in lines} >= {"README.md", "import.md"}
    for name, line in lines:
        assert "--fail-on overdue" in line, (name, line)


def test_fail_on_behind_and_overdue_exits_1_once_the_deadline_passed(demo_cli):
    assert demo_cli("log", "shenzhen-2023/5", "31000", "-i", "建设筹集", "--as-of", "2023-06-30").exit_code == 0
    status = ("status", "-p", "shenzhen-2023", "--as-of", "2024-01-05", "--format", "json")
    assert demo_cli(*status, "--fail-on", "behind").exit_code == 0  # every unmet task is overdue, none behind
    assert demo_cli(*status, "--fail-on", "behind", "--fail-on", "overdue").exit_code == 1


def test_the_fail_on_help_says_overdue_is_not_behind(cli):
    result = cli("status", "--help")
    assert result.exit_code == 0
    assert "overdue" in " ".join(result.output.split()).split("--fail-on", 1)[1][:400]
