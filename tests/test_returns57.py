"""returns57: a unit's return and the console, the last session's leftovers. Each through the CLI on real .xlsx files
(openpyxl) or a subprocess, the store looked at through `history --format json`: a text-only line's count falling is
warned of by `import progress` as by `log` (domain/readings: one rule); 工作措施 in a return made from the office's own
table is a plan column (one vocabulary: sources/table/columns.column_kind); `show` says how a text checkpoint is marked
met, a return's 数值 too."""

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from .conftest import done, refused
from .test_fixprog55 import filled, imported, reports, values

TEXT_ONLY = ("shenzhen-2023/26", "进度安排")
"""A text-only line of 4 checkpoints, row 12 of 市住房建设局's template (test_fixprog55.FILLED)."""


# --- 5. a text-only line's count falling: one rule for log and import ----------------------------------------------

def test_a_text_only_lines_count_below_an_earlier_one_is_warned_of_by_import_as_by_log(demo_cli, tmp_path):
    done(demo_cli("log", TEXT_ONLY[0], "3", "--as-of", "2023-05-31"))
    path = filled(demo_cli, tmp_path, {}, values={12: 2})
    result, said = imported(demo_cli, path)
    done(result)
    assert said["inserted"] == 1, said
    assert f"{path}:12: shenzhen-2023/26 进度安排 2 as of 2023-06-30 is lower than 3 as of 2023-05-31" in said["warnings"]
    assert values(demo_cli, *TEXT_ONLY) == [("2023-05-31", 3), ("2023-06-30", 2)]
    logged = demo_cli("log", TEXT_ONLY[0], "1", "--as-of", "2023-07-31")
    done(logged)
    # the highest before it, as the import names it (trial59 F5: `log` named the last higher one, 2 of 06-30)
    assert "进度安排: 1 as of 2023-07-31 is lower than the 3 reported as of 2023-05-31" in logged.stderr


def test_a_text_only_lines_rising_count_is_not_warned_of(demo_cli, tmp_path):
    done(demo_cli("log", TEXT_ONLY[0], "1", "--as-of", "2023-05-31"))
    result, said = imported(demo_cli, filled(demo_cli, tmp_path, {}, values={12: "2个节点"}))
    done(result)
    assert not any("is lower than" in warning for warning in said["warnings"]), said
    assert values(demo_cli, *TEXT_ONLY) == [("2023-05-31", 1), ("2023-06-30", 2)]


# --- 3. 工作措施 of the office's own table: a plan column ------------------------------------------------------------

def office_table(tmp_path, extra: dict[str, str]):
    """A return made from the office's own table (序号 / 工作任务 / 牵头单位 / 指标 …), with `extra` columns (header →
    the cell of its first row)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["计划", "序号", "工作任务", "牵头单位", *extra, "指标", "截至日期", "完成值"])
    sheet.append(["shenzhen-2023", "5", "建设筹集保障性住房", "市住房建设局", *extra.values(), "建设筹集保障性住房",
                  datetime(2023, 6, 30), 125000])
    path = tmp_path / "own.xlsx"
    book.save(path)
    return path


def test_a_measures_column_of_the_offices_own_table_is_not_named_as_not_read(demo_cli, tmp_path):
    path = office_table(tmp_path, {"工作措施": "加快项目审批，强化要素保障", "责任领导": "张三",
                                   "存在问题": "资金未到位", "下一步工作措施": "加快供应分配"})
    result, said = imported(demo_cli, path)
    done(result)
    assert said["inserted"] == 1, said
    assert [warning for warning in said["warnings"] if "not read" in warning] == [
        f"{path}: columns G '存在问题' (1 cell of text), H '下一步工作措施' (1 cell of text) were not read: put the "
        "unit's remarks under 备注"], said
    assert values(demo_cli, "shenzhen-2023/5", "建设筹集保障性住房")[-1] == ("2023-06-30", 125000)


# --- 4. show's hint on a text-only line ------------------------------------------------------------------------------

def test_show_says_a_returns_value_marks_text_checkpoints_too(demo_cli):
    result = demo_cli("show", TEXT_ONLY[0])
    done(result)
    said = " ".join(result.stdout.split())
    assert "text checkpoints: marked met by log --done or a count (log TASK 2), or by 已完成 or a count under a " \
           "return's 数值" in said, said
    zh = demo_cli("--lang", "zh", "show", TEXT_ONLY[0])
    done(zh)
    assert "报送表的数值栏填“已完成”或个数亦可" in "".join(zh.stdout.split()), zh.stdout


# --- 2. a footer merged over the task column, with a figure ---------------------------------------------------------

@pytest.mark.parametrize(("merged", "option"), [("A16:C16", ()), ("A16:J16", ()), ("B16:D16", ()),
                                                 ("A16:C16", ("-p", "shenzhen-2023"))])
def test_a_footer_merged_over_the_task_column_with_a_figure_is_refused_as_one(demo_cli, tmp_path, merged, option):
    """The reader gives every cell of the range its words: 任务编号 read '填表人：张三', refused as no programme or task of
    that name (or as a row disagreeing with -p); it is a footer row with a figure and no task, said so on its row."""
    path = filled(demo_cli, tmp_path, {merged.split(":")[0]: "填表人：张三", "L16": 3})
    book = load_workbook(path)
    book.active.merge_cells(merged)
    book.save(path)
    before = reports(demo_cli)
    stderr = refused(demo_cli("import", "progress", str(path), *option),
                     f"{path}:16: a footer or total row with a figure and no task (")
    assert "数值 '3'; one cell merged across 任务编号): a figure goes on its task's row; move it there, or clear it" in stderr
    assert "no programme" not in stderr and "no task" not in stderr.replace("and no task", "")
    assert reports(demo_cli) == before


def test_a_total_merged_over_the_task_column_is_still_a_total_row(demo_cli, tmp_path):
    path = filled(demo_cli, tmp_path, {"A16": "合计", "L16": 125000})
    book = load_workbook(path)
    book.active.merge_cells("A16:D16")
    book.save(path)
    result, said = imported(demo_cli, path)
    done(result)
    assert said["inserted"] == 11 and said["errors"] == [], said


# --- 6. consoles: one folding on stderr; a closed stdin -------------------------------------------------------------

def _stderr_lines(db, *args, **extra) -> tuple[int, list[str]]:
    from .test_fixout55 import _run

    ran = _run(db, *args, **extra)
    return ran.returncode, ran.stderr.decode().splitlines()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from .test_fixout55 import _run

    db = tmp_path_factory.mktemp("returns57") / "d.db"
    assert _run(db, "demo").returncode == 0
    return db


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_warnings_and_errors_on_stderr_fold_at_columns_as_notes_do(demo_file, tmp_path, monkeypatch, lang):
    """A refused import's row errors, its "mstrack: error:" line and a warning: one line each into a pipe, folded at
    COLUMNS, the words unchanged (only notes folded)."""
    from .test_fixout55 import _cells

    monkeypatch.chdir(tmp_path)  # the file named short: a path is never broken
    path = Path("r.csv")
    path.write_text("计划,任务编号,指标,截至日期,数值\nshenzhen-2023,5,建设筹集保障性住房,2023-06-30,125000\n"
                    "shenzhen-2023,5,供应分配保障性住房,2023-06-30,很多很多很多很多很多很多很多很多\n", encoding="utf-8")
    code, whole = _stderr_lines(demo_file, "--lang", lang, "import", "progress", str(path))
    assert code == 2 and len(whole) == 2 and _cells(whole[0]) > 60, whole
    code, folded = _stderr_lines(demo_file, "--lang", lang, "import", "progress", str(path), COLUMNS="40")
    assert code == 2 and len(folded) > 2 and all(_cells(line) <= 40 for line in folded), folded
    assert "".join(folded).replace(" ", "") == "".join(whole).replace(" ", "")
    Path("w.csv").write_text("计划,任务编号,指标,截至日期,数值\nshenzhen-2023,27,新建新能源汽车充电设施,2023-06-30,1500万\n",
                             encoding="utf-8")
    warned = ["--lang", lang, "import", "progress", "w.csv", "--dry-run"]
    code, whole = _stderr_lines(demo_file, *warned)
    assert code == 0 and any("warning" in line or "警告" in line for line in whole) and max(map(_cells, whole)) > 40, whole
    code, folded = _stderr_lines(demo_file, *warned, COLUMNS="40")
    assert code == 0 and len(folded) > len(whole) and all(_cells(line) <= 40 for line in folded), folded
    assert "".join(folded).replace(" ", "") == "".join(whole).replace(" ", "")


PROBE = """
import atexit, os, sys


def probe():
    said = [os.readlink("/proc/self/fd/0"), sys.stdin is not None and sys.stdin.read()]
    try:
        os.write(0, b"x")
    except OSError as error:
        said.append(error.errno)
    print(repr(tuple(said)), file=sys.stderr, flush=True)


atexit.register(probe)
sys.argv[0] = "mstrack"
from mstrack.cli import run
run()
"""

@pytest.mark.parametrize("args", [("log", "shenzhen-2023/27", "5万", "--as-of", "2023-07-31"),
                                  ("import", "progress", "/dev/stdin")])
def test_with_stdin_closed_the_database_never_takes_its_number(demo_file, tmp_path, args):
    """`<&-` (cron, a daemon): the first file opened took number 0, the database's (SQLite moves its own off it; not
    every file mstrack opens is SQLite's), so that /dev/stdin, a read of stdin or a write to 0 met the database. Number
    0 is /dev/null, read-only, from the start: a read is at its end, a write refused (EBADF), /dev/stdin no file."""
    import errno
    import os
    import shutil
    import subprocess
    import sys

    from .test_fixout55 import _env

    db = tmp_path / "d.db"
    shutil.copy(demo_file, db)
    argv = [sys.executable, "-c", PROBE, "--db", str(db), "--lang", "en", *args]
    ran = subprocess.run(["sh", "-c", '"$@" <&-', "sh", *argv], capture_output=True, env=_env(), cwd=tmp_path)
    said = ran.stderr.decode()
    probe = eval(said.splitlines()[-1])  # (what number 0 is, what stdin reads, a write's errno) at the exit
    assert probe == ("/dev/null", "", errno.EBADF), said
    if args[0] == "log":
        assert ran.returncode == 0, said
        checked = subprocess.run([sys.executable, "-m", "mstrack", "--db", str(db), "db", "check"], capture_output=True,
                                 env=_env())
        assert checked.returncode == 0, checked.stderr.decode()
    else:
        assert ran.returncode == 2 and "/dev/stdin: not a regular file" in said, said
    assert os.path.getsize(db) > 0


# --- 1. a return's 上次报送 edited, its date kept; one check on both paths --------------------------------------------

def test_an_edited_last_figure_with_its_date_kept_is_said_with_and_without_a_figure(demo_cli, tmp_path):
    """The template prints the latest report's figure (上次报送) and day (上次日期): a clerk who types over the figure
    alone, the day kept, is said on the row (naming the report stored that day), whether 数值 is empty (the row
    skipped) or filled (stored, that cell unread); a row left as printed is not said, however its figure is written."""
    done(demo_cli("log", "shenzhen-2023/5", "12万", "-i", "建设筹集保障性住房", "--as-of", "2023-05-31"))
    done(demo_cli("log", "shenzhen-2023/5", "40000", "-i", "供应分配保障性住房", "--as-of", "2023-05-31"))
    done(demo_cli("log", TEXT_ONLY[0], "1", "--as-of", "2023-05-31"))
    path = filled(demo_cli, tmp_path, {"I3": "12.5万", "I12": "2个节点已完成", "I4": "4万套（间）", "L3": None},
                  values={4: 45000, 12: 2})
    result, said = imported(demo_cli, path)
    done(result)
    assert said["inserted"] == 2, said
    typed = [warning for warning in said["warnings"] if "not what the form printed" in warning]
    assert typed == [
        f"{path}:3: no figure under 数值, and 上次报送 '12.5万' is not what the form printed (the report stored for "
        "2023-05-31 is 12万套（间）): this period's figure goes under 数值, its day under 截至日期; the row was skipped",
        f"{path}:12: 上次报送 '2个节点已完成' is not what the form printed (the report stored for 2023-05-31 is 1个节点) and "
        "was not read: the figure stored is the one under 数值; a correction of an earlier report goes on a row of its "
        "own, with that report's day under 截至日期"], said["warnings"]
    assert values(demo_cli, "shenzhen-2023/5", "建设筹集保障性住房") == [("2023-05-31", 120000)]
    assert values(demo_cli, "shenzhen-2023/5", "供应分配保障性住房") == [("2023-05-31", 40000), ("2023-06-30", 45000)]
    assert values(demo_cli, *TEXT_ONLY) == [("2023-05-31", 1), ("2023-06-30", 2)]


def test_a_large_return_read_column_wise_is_checked_as_a_small_one(demo_cli, tmp_path, monkeypatch):
    """A return of 1,460 plain rows goes the columnar path (progress_columns.Columns.take), which checked no template
    cell: an edited 上次报送 (the date kept) and one typed where nothing was stored are said on their rows there too."""
    from mstrack.sources import progress_columns

    taken = []
    real = progress_columns.Columns.take
    monkeypatch.setattr(progress_columns.Columns, "take", lambda self, *a: taken.append(real(self, *a)) or taken[-1])
    done(demo_cli("log", "shenzhen-2023/27", "0", "--as-of", "2023-01-01"))
    lines = ["计划,任务编号,指标,截至日期,数值,上次报送,上次日期"]
    for day in range(1, 366):
        on = date(2023, 1, 1) + timedelta(days=day)
        if on.year > 2023:
            break
        for task, name in (("5", "建设筹集保障性住房"), ("5", "供应分配保障性住房"), ("7", "新增管道天然气用户"),
                           ("27", "新建新能源汽车充电设施")):
            last = ("0", "2023-01-01") if task == "27" else ("", "")
            lines.append(f"shenzhen-2023,{task},{name},{on},{day},{last[0]},{last[1]}")
    lines[700] = lines[700].replace(",0,2023-01-01", ",7,2023-01-01")  # 27 on row 700: its figure typed over
    lines[901] = lines[901].rsplit(",", 2)[0] + ",12,"  # 5 on row 901: a figure where none is stored
    assert ",7,2023-01-01" in lines[700] and lines[901].endswith(",12,")
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, said = imported(demo_cli, path)
    done(result)
    assert True in taken and said["inserted"] == len(lines) - 1, (taken, said)
    typed = [warning for warning in said["warnings"] if "not what the form printed" in warning]
    assert [warning.split(" is not what")[0] for warning in typed] == [f"{path}:701: 上次报送 '7'",
                                                                        f"{path}:902: 上次报送 '12'"], typed
    assert "(the report stored for 2023-01-01 is 0个)" in typed[0] and "(no report is stored for it)" in typed[1]
