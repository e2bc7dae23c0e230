"""review56: mends found reviewing the session's later merges (fixout55, fixprog55, held55a/b, reader55)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[1] / "src")


def _run(db, *args, shell_tail: str = "", lang: str = "en") -> subprocess.CompletedProcess:
    """`python -m mstrack --db DB ARGS` in a shell, `shell_tail` its redirections (`>&-`)."""
    env = dict(os.environ, PYTHONPATH=SRC, MSTRACK_LANG=lang)
    for name in ("MSTRACK_DB", "COLUMNS", "PYTHONIOENCODING"):
        env.pop(name, None)
    argv = [sys.executable, "-m", "mstrack", "--db", str(db), *args]
    return subprocess.run(["sh", "-c", f'"$@" {shell_tail}', "sh", *argv], capture_output=True, env=env)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("review56") / "d.db"
    assert _run(db, "demo").returncode == 0
    return db


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_write_refused_by_a_closed_stdout_says_nothing_was_written(demo_db, tmp_path, lang):
    """A cron job's `log` or `import` with stdout closed is rolled back: said so, as for a closed pipe, not left to
    guess whether the figure was stored."""
    db = tmp_path / "w.db"
    db.write_bytes(demo_db.read_bytes())
    write = _run(db, "log", "yantian-2023/19", "961", "-i", "送教上门人次", "--as-of", "2023-06-30", shell_tail=">&-",
                 lang=lang)
    assert write.returncode == 2, write.stderr
    said = write.stderr.decode().strip().splitlines()
    assert said == (["mstrack: error: cannot write the output: standard output is closed (>&-); nothing was written"]
                    if lang == "en" else ["mstrack: 错误：无法写出输出：标准输出已关闭（>&-）；没有写入任何数据"]), said
    entries = json.loads(_run(db, "history", "yantian-2023/19", "-f", "json").stdout)
    assert 961 not in [entry["value"] for entry in entries]


@pytest.mark.parametrize("typed, stored", [("12万间", 12), ("12万套", 12), ("12万套（间）", 12), ("120000间", 12),
                                           ("12", 12), ("6万间", 6)])
def test_either_unit_of_a_scaled_pair_is_read_in_the_indicators_scale(typed, stored):
    """An indicator in 万套（间）: "12万间" is 12 of its 万套（间）, as "12万套（间）" is (it was stored as 120000, ten thousand
    times too many, and "12万套" refused)."""
    from mstrack.domain.progress import check_value

    assert check_value(typed, "万套（间）", "建设筹集保障性住房")[0] == stored


def test_a_pairs_unit_without_the_indicators_scale_is_not_read_as_scaled():
    """"12间" against 万套（间） is 12 flats, not 12万: never stored as 12 (it was)."""
    from mstrack.domain.progress import check_value
    from mstrack.domain.quantities import unit_named

    number = check_value("12间", "万套（间）", "建设筹集保障性住房")[0]
    assert number != 12 and abs(number - 0.0012) < 1e-12, number
    assert unit_named("间", "套（间）") and unit_named("万间", "万套（间）")
    assert not unit_named("间", "万套（间）") and not unit_named("万间", "套（间）") and not unit_named("户", "套（间）")


def test_import_table_of_a_csv_whose_chinese_became_question_marks_says_so(demo_db, tmp_path):
    """`import table` of a plan saved by an English Excel's "CSV (Comma delimited)" says its Chinese was lost and what to
    do, as `import progress` does: it said "no header row found", naming columns the file seemed to lack."""
    path = tmp_path / "任务分解表.csv"
    path.write_text("??,????,????,????\n1,????????,????,2023?12?\n2,????????,????,2023?12?\n", encoding="ascii")
    result = _run(demo_db, "import", "table", str(path), "-p", "q-2023", "--year", "2023", "-o", str(tmp_path / "q.toml"))
    assert result.returncode == 2, result.stderr
    said = result.stderr.decode()
    assert f"{path}: its Chinese was lost when it was saved: its headers read ??、????、????、????" in said, said
    assert "no header row found" not in said and "best effort" not in said and not (tmp_path / "q.toml").exists()


@pytest.mark.parametrize(("clause", "read"), [
    ("总投资1亿-2亿元改造老旧小区", [(100000000, "元", ">=")]),  # the scale on both bounds, the unit on the upper only
    ("完成投资3万-5万元", [(30000, "元", ">=")]),
    ("总投资1亿元-2亿元", [(100000000, "元", ">=")]),  # as before
    ("新建3万人至5万人的安置区", [(30000, "人", ">=")]),
])
def test_a_sum_range_with_its_scale_on_both_bounds_is_read_as_its_doubt_says(clause, read):
    """"总投资1亿-2亿元": read as at least 1亿元, as "投资1-2亿元" is; it was not read while its doubt said "a range, read as
    at least 1亿" (doubts.RANGE_SAID_RE takes the upper's unit)."""
    from mstrack.sources.table.mentions import find_mentions

    assert [(m.value, m.unit, m.comparator) for m in find_mentions(clause, 2024)] == read


def test_a_sum_ranges_doubt_names_its_unit_when_the_lower_bound_prints_its_scale_only(tmp_path):
    """"总投资1亿-2亿元…": the doubt says "at least 1亿元" (it said "1亿"), and the target is that sum."""
    from .conftest import convert_written

    rows = [["序号", "工作任务", "责任单位"], ["1", "总投资1亿-2亿元改造老旧小区", "县住建局"]]
    result = convert_written(tmp_path, "tasks.csv", rows, year=2024)
    (task,) = result.programme.tasks
    assert [(i.target, i.unit, i.comparator) for line in task.lines for i in line.indicators] == [(100000000, "元", ">=")]
    said = [str(d) for d in result.doubts if "a range" in str(d)]
    assert said == ["tasks.csv: row 2, column 工作任务: “投资1亿-2亿元改造老旧小区”: a range, read as at least 1亿元"], said


@pytest.mark.parametrize("header", ["责任领导", "分管领导", "牵头市领导", "责任人"])
def test_a_leaders_column_of_the_offices_own_table_is_not_named_as_not_read(header):
    """A return made from the office's own table keeps its 责任领导 column: the plan's words, not the unit's remarks;
    存在问题 beside it still is."""
    from mstrack.sources.progress_unread import _plan_header

    assert _plan_header(header)
    assert not _plan_header("存在问题") and not _plan_header("处室意见")


def test_every_range_of_a_task_is_a_doubt_of_its_own(tmp_path):
    """A task reading two lower bounds (a count's and a sum's) says both, each once: only the first was said (review56)."""
    from mstrack.sources.table.convert import convert_table

    table = tmp_path / "t.csv"
    table.write_text("序号,工作任务,责任单位,完成时限\n1,负责新建1-2个消防站，投资1-2亿元。,区应急局,2023年12月底\n"
                     "2,建设3-5个公园,区城管局,2023年12月底\n", encoding="utf-8")
    said = [str(doubt) for doubt in convert_table(table, "x-2023", 2023).doubts]
    assert [line.split(": ", 2)[2] for line in said if "a range" in line] == [
        "“新建1-2个消防站”: a range, read as at least 1个", "“投资1-2亿元”: a range, read as at least 1亿元",
        "“建设3-5个公园”: a range, read as at least 3个"]
