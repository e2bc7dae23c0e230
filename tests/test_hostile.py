"""Broken and hostile input: every file gives values or a clean error naming file, row and column,
never a traceback, never a partial write."""

import csv

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import ROOT, refused

CORPUS = ROOT / "tests" / "corpus"


def reports(cli) -> int:
    return cli.sql("select count(*) from report")[0][0]


@pytest.mark.parametrize(
    ("name", "exit_code", "words"),
    [
        ("empty.csv", 2, "the file is empty"),
        ("binary.csv", 2, "not a text file"),
        ("truncated.xlsx", 2, "not a readable .xlsx"),
        ("password.xlsx", 2, "password.xlsx: not a readable .xlsx file (protected by a password: save a copy without one)"),
        ("gbk.csv", 0, "1 new"),
        ("utf8-bom.csv", 0, "1 new"),
        ("wide-1000-columns.csv", 0, "1 new"),
        ("huge-cell.csv", 2, "huge-cell.csv:2:数值: '九九九"),
        ("formulas.xlsx", 2, "formulas.xlsx:2:数值: the formula '=SUM(10000,15000)' has no saved value"),
        ("nan-inf.csv", 2, "nan-inf.csv:3:数值: 'inf' is not a quantity"),
        ("negative.csv", 2, "negative.csv:2:数值: '-2.5万': 建设筹集保障性住房 cannot be negative: only a ceiling"),
        ("percent-over-100.csv", 0, "percent-over-100.csv:2: 整体形象进度: 130% is above 100%"),
        ("dates-1900-2100.csv", 2, "dates-1900-2100.csv:3:截至日期: 2100-12-31 is in the future"),
        ("duplicate-headers.csv", 2, "2 columns mean value: C '数值', D '完成值'"),
        ("no-header.csv", 2, "no header row found"),
        ("ragged.csv", 0, "ragged.csv:4: no task and no figure: skipped (计划 'shenzhen-2023')"),  # fixprog55: no figure
    ],
)
def test_the_broken_file_corpus(demo_cli, name, exit_code, words):
    before = reports(demo_cli)
    result = demo_cli("import", "progress", str(CORPUS / name))
    assert result.exit_code == exit_code, result.output
    assert words in result.output
    if exit_code == 2:
        refused(result)
        assert reports(demo_cli) == before
    assert len(max(result.output.splitlines(), key=len)) < 400  # a 100,000-character cell is not echoed


def test_the_corpus_is_all_tested():
    tested = {case[0] for case in test_the_broken_file_corpus.pytestmark[0].args[1]}
    present = {p.name for p in CORPUS.iterdir() if p.suffix in (".csv", ".xlsx")}
    assert present == tested


CELL = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "3.2万", "65%", "已完成", "=1+1", "nan", "-1", "1e309", "2023-02-30", "6月底", "１２",
                     "80%(滞后)", "5", "建设", "shenzhen-2023", "0x10", "\u0000", "\ufeff", "1,000", "约"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(CELL, min_size=6, max_size=6), min_size=1, max_size=4))
def test_any_text_in_any_cell_gives_values_or_clean_errors(demo_cli, tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("prop") / "any.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["计划", "任务编号", "指标", "截至日期", "数值", "备注"])
        writer.writerows(rows)
    before = reports(demo_cli)
    result = demo_cli("import", "progress", str(path), "--format", "json")
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        refused(result)
        assert reports(demo_cli) == before
        problems = [line for line in result.stderr.splitlines() if not line.startswith("mstrack:")]
        assert problems and all(line.startswith(str(path)) for line in problems)


def test_cli_never_shows_a_traceback_for_odd_arguments(demo_cli):
    for args in (("show", "/"), ("show", "a/b/c"), ("log", "shenzhen-2023/5", "\u0000"), ("status", "--as-of", "\ufeff"),
                 ("history", "x/1"), ("export", "plan", "")):
        refused(demo_cli(*args))
    result = demo_cli("undo", "-1")  # Click's own usage error, before any command runs
    assert result.exit_code == 2 and "No such option: -1" in result.stderr
