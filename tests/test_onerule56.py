"""onerule56: `log` reads a value by the rules `import progress` reads a return's cell by (domain/readings): 0.85
typed on a % line after 65% is refused naming both readings (exit 2, nothing stored; --reason keeps it), and a count
of checkpoints met ("3", "3个节点") on a text-only line is stored as import stores it. Through the CLI, the store
looked at through `history --format json`."""

import json

import pytest

from .conftest import done, refused
from .test_fixprog55 import yantian

PERCENT = ("yantian-2023/3", "整体形象进度")
"""A % line with 65% stored as of 2023-06-30 (target above 1)."""
TEXT_ONLY = "shenzhen-2023/26"
"""A task whose only line is 进度安排, a text-only line of 4 checkpoints, nothing reported."""
BOTH = "dongguan-2023/16"
"""A task with a text-only line (进度安排, 2 checkpoints) and an indicator with a figure (困境儿童基本生活保障标准)."""


def entries(cli, ref: str) -> list[dict]:
    result = cli("history", ref, "--format", "json")
    done(result)
    return json.loads(result.stdout)


def values(cli, ref: str, indicator: str) -> list:
    return [(entry["as_of"], entry["value"]) for entry in entries(cli, ref)
            if entry["indicator"] == indicator and entry["state"] == "current"]


# --- a fraction of 1 on a % line -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "percent"), [("0.85", "85"), ("1", "100")])
def test_log_refuses_a_fraction_below_an_earlier_percent_naming_both_readings(demo_cli, typed, percent):
    before = values(demo_cli, *PERCENT)
    assert before == [("2023-06-30", 65)]
    result = demo_cli("log", PERCENT[0], typed, "-i", PERCENT[1], "--as-of", "2023-07-31")
    stderr = refused(result, f"yantian-2023/3 整体形象进度 {typed}: as {typed}% it is lower than 65% as of 2023-06-30; as a "
                             f"fraction of 1 (Excel's {typed} for {percent}%), it is {percent}%: type {percent}% if that is "
                             f"meant, or give --reason to keep {typed}%")
    assert "did you mean" not in stderr  # said by the refusal
    assert values(demo_cli, *PERCENT) == before


def test_log_and_import_refuse_a_fraction_in_the_same_words(demo_cli, tmp_path):
    """One rule, one message: the import's, after its FILE:ROW:COLUMN, is `log`'s."""
    path = yantian(demo_cli, tmp_path, 0.85)
    imported = demo_cli("import", "progress", str(path))
    logged = demo_cli("log", PERCENT[0], "0.85", "-i", PERCENT[1], "--as-of", "2023-07-31")
    said = refused(logged, "as 0.85% it is lower than 65%").splitlines()[0].split("error: ", 1)[1]
    refused(imported, f"{path}:5:数值: {said}")
    assert values(demo_cli, *PERCENT) == [("2023-06-30", 65)]


def test_log_reason_keeps_a_genuine_fraction_of_a_percent(demo_cli):
    result = demo_cli("log", PERCENT[0], "0.85", "-i", PERCENT[1], "--as-of", "2023-07-31", "--reason", "确为0.85%")
    done(result)
    assert "0.85 is taken as 0.85%; did you mean 85%?" in result.stderr
    assert "is lower than the 65% reported as of 2023-06-30" in result.stderr
    assert values(demo_cli, *PERCENT) == [("2023-06-30", 65), ("2023-07-31", 0.85)]
    assert [entry["reason"] for entry in entries(demo_cli, PERCENT[0]) if entry["value"] == 0.85] == ["确为0.85%"]


def test_log_stores_a_fraction_with_nothing_above_one_before_it_and_asks(demo_cli):
    """Before the stored 65% of 2023-06-30 nothing stands above 1%: 0.85 is kept as typed, with the did-you-mean."""
    result = demo_cli("log", PERCENT[0], "0.85", "-i", PERCENT[1], "--as-of", "2023-05-31")
    done(result)
    assert "did you mean 85%?" in result.stderr
    assert ("2023-05-31", 0.85) in values(demo_cli, *PERCENT)


@pytest.mark.parametrize(("typed", "stored"), [("0.85%", 0.85), ("85%", 85), ("70", 70)])
def test_log_reads_a_percent_written_as_one_as_before(demo_cli, typed, stored):
    """0.85% typed with its sign is what the unit means (a fall, warned, stored); 85% and 70 are percents."""
    result = demo_cli("log", PERCENT[0], typed, "-i", PERCENT[1], "--as-of", "2023-07-31")
    done(result)
    assert "did you mean" not in result.stderr
    assert ("is lower than the 65%" in result.stderr) == (stored < 65)
    assert values(demo_cli, *PERCENT)[-1] == ("2023-07-31", stored)


# --- a count of checkpoints met on a text-only line ----------------------------------------------------------------

@pytest.mark.parametrize(("typed", "met"), [("3", 3), ("3个节点", 3), ("第2个", 2), ("已完成1个节点", 1), ("0", 0)])
def test_log_reads_a_count_of_checkpoints_met_as_import_does(demo_cli, typed, met):
    result = demo_cli("log", TEXT_ONLY, typed, "--as-of", "2023-06-30")
    done(result)
    assert values(demo_cli, TEXT_ONLY, "进度安排") == [("2023-06-30", met)]


@pytest.mark.parametrize("typed", ["5", "2.5", "3个以上", "很多"])
def test_log_refuses_what_is_no_count_of_the_lines_checkpoints_as_import_does(demo_cli, typed):
    result = demo_cli("log", TEXT_ONLY, typed, "--as-of", "2023-06-30")
    refused(result, f"VALUE '{typed}': 进度安排 is a text-only line: give 已完成 or how many of its 4 checkpoints are met, "
                    "0 to 4 (1, 1个节点 or 第1个)")
    assert values(demo_cli, TEXT_ONLY, "进度安排") == []


def test_a_number_without_indicator_still_means_the_tasks_figure(demo_cli):
    """On a task with a figure and a text-only line, VALUE with no --indicator is the figure's (as before); naming the
    text-only line reads it as checkpoints met."""
    done(demo_cli("log", BOTH, "2017", "--as-of", "2023-03-31"))
    done(demo_cli("log", BOTH, "1个节点", "-i", "进度安排", "--as-of", "2023-06-30"))
    assert values(demo_cli, BOTH, "困境儿童基本生活保障标准") == [("2023-03-31", 2017)]
    assert values(demo_cli, BOTH, "进度安排") == [("2023-06-30", 1)]


@pytest.mark.parametrize("typed", ["约0.85", "０.８５"])
def test_a_fraction_typed_otherwise_is_read_by_the_same_rule_in_both(demo_cli, tmp_path, typed):
    """约0.85 takes the import's per-cell path (check_value), ０.８５ its plain one: the fraction rule is the same in both."""
    path = yantian(demo_cli, tmp_path, typed)
    refused(demo_cli("import", "progress", str(path)), f"{path}:5:数值: yantian-2023/3 整体形象进度 0.85: as 0.85% it is "
                                                      "lower than 65% as of 2023-06-30")
    refused(demo_cli("log", PERCENT[0], typed, "-i", PERCENT[1], "--as-of", "2023-07-31"), "as 0.85% it is lower than 65%")
    assert values(demo_cli, *PERCENT) == [("2023-06-30", 65)]


def test_log_help_says_what_a_text_only_line_takes(demo_cli):
    result = demo_cli("--lang", "en", "log", "--help")
    done(result)
    assert "on a text-only line, its checkpoints met: 3" in " ".join(result.stdout.replace("│", " ").split())
