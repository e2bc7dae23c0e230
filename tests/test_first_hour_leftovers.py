"""The first hour's leftovers (fixes10): what newcomers met in their first runs, each as they ran it."""

import json
import os
import subprocess

import pytest
from rich.cells import cell_len

HEADER = "序号\t工作任务\t完成时限\t牵头单位\n"


def in_cells(line: str, start: int, end: int) -> str:
    """The part of a printed line from cell `start` to cell `end` (a CJK character is two cells)."""
    out, at = [], 0
    for char in line:
        if start <= at < end:
            out.append(char)
        at += cell_len(char)
    return "".join(out)


def test_batches_at_80_columns_show_each_source_file_whole(demo_cli):
    """`batches` at 80 columns printed "seed/dongguan" over "-2023.toml": the source was folded to 12 columns
    (cut at the width) while an empty 说明 column and the user kept theirs. Now the empty columns go first, the
    user gives way before the source, and a name too wide folds after a separator."""
    out = demo_cli("batches", env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    assert all(cell_len(line) <= 80 for line in lines), out
    for name in ("seed/dongguan-2023.toml", "seed/yantian-2023.toml", "seed/qingdao-2023.toml", "seed/shenzhen-2023.toml"):
        assert sum(name in line for line in lines) == 1, (name, out)
    assert "Note" not in out and "Reason" not in out.split("Left out")[-1]  # empty: left out, and not said
    assert "Left out at this width: User" in out
    wide = demo_cli("batches", env={"COLUMNS": "140"}).stdout
    assert "User" in wide.splitlines()[1] and "seed/shenzhen-2023-report.toml" in wide and "Left out" not in wide


def test_a_run_too_wide_for_its_line_folds_after_a_separator():
    from mstrack.render.grid import wrap

    assert wrap("seed/dongguan-2023.toml", 13) == ["seed/", "dongguan-", "2023.toml"]
    assert wrap("seed/shenzhen-2023-report.toml", 25) == ["seed/shenzhen-2023-", "report.toml"]
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]  # no separator: at the width, as before
    assert wrap("完成培训903课时", 6) == ["完成培", "训903", "课时"]  # CJK text folds as before


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_lights_at_80_columns_fold_each_title_readably(demo_cli, lang):
    """`lights` at 80 columns squeezed each title to six characters ("新建扩建医院…"). Now a title folds over
    lines under its code (its lights on the first), the lead units are cut or left out first, and said."""

    args = ("--lang", lang, "lights", "-p", "shenzhen-2023", "--as-of", "2023-06-30")
    out = demo_cli(*args, env={"COLUMNS": "80"}).stdout
    tasks = json.loads(demo_cli(*args, "-f", "json").stdout)
    lines = out.splitlines()
    assert all(cell_len(line) <= 80 for line in lines), out
    title_header = {"en": "Task title", "zh": "工作任务"}[lang]
    start = cell_len(lines[1][:lines[1].index(title_header)])
    column = "".join(in_cells(line, start, 80).split("  ")[0].strip() for line in lines[3:] if line.startswith(" "))
    for task in tasks:  # the first sixteen characters of every title, folded over lines but all there
        assert "".join(task["title"][:16].split()) in "".join(column.split()), (task["title"], out)
    header = lines[1].split()
    assert header[-7:] == ["1", "2", "3", "4", "5", "6", {"en": "Red", "zh": "连红"}[lang]]
    if lang == "zh":  # six characters of lead unit fit beside the title
        assert "牵头单位" in header and "市住房建设局" in out
    else:
        assert "Left out at this width: Lead unit" in " ".join(out.split())
    wide = demo_cli(*args, env={"COLUMNS": "200"}).stdout.splitlines()
    assert len(wide) == 3 + len(tasks) + 2  # a wide terminal: a line a task, as before (title, header, rule; caption, legend)


def test_lights_too_narrow_for_every_month_keep_the_latest_and_say_which_went(demo_cli):
    """Twelve months at 80 columns cut months 9 to 12 and the red run off the right edge; now the earliest
    months go (said under the board) and the latest and the red run stay."""
    out = demo_cli("lights", "--as-of", "2023-12-31", env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    assert all(cell_len(line) <= 80 for line in lines), out
    assert lines[1].split()[-3:] == ["11", "12", "Red"]
    said = " ".join(out.split())
    assert "Left out at this width:" in said and "2023-01" in said
    first = next(line for line in lines if line.startswith(" dongguan-2023/1 "))
    assert first.split()[-1] == "10"  # its red run


def test_report_frozen_is_a_table_on_a_terminal_and_json_for_scripts(demo_cli, tmp_path):
    """`report frozen` printed raw tab-separated lines; it is a table like `batches`, each report's number first
    (the one `report diff` takes), and --format json in `report diff --format json`'s words."""
    from tests.test_safe_output import MSTRACK

    assert demo_cli("report", "frozen").stdout == "No report frozen yet: add --freeze to a report\n"
    assert demo_cli("report", "weekly", "--as-of", "2023-07-01", "--freeze").exit_code == 0
    assert demo_cli("report", "half-year", "-p", "yantian-2023", "--freeze", "-o", str(tmp_path / "h.md")).exit_code == 0
    out = demo_cli("report", "frozen", env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    assert "\t" not in out and all(cell_len(line) <= 80 for line in lines), out
    assert lines[1].split() == ["Number", "Frozen", "at", "Report", "Programmes", "As", "of", "User"]
    assert lines[3].split()[:1] == ["2"] and "half-year table" in lines[3] and "yantian-2023  2023-06-30" in lines[3]
    assert lines[4].split()[:1] == ["1"] and "weekly report" in lines[4] and " all " in lines[4]
    listing = json.loads(demo_cli("report", "frozen", "-f", "json").stdout)
    assert [sorted(frozen) for frozen in listing] == [["frozen_at", "kind", "params", "snapshot", "user"]] * 2
    assert [(frozen["snapshot"], frozen["kind"], frozen["params"]["as_of"]) for frozen in listing] == [
        (2, "half-year", "2023-06-30"), (1, "weekly", "2023-07-01")]
    done = subprocess.run([MSTRACK, "--db", str(demo_cli.db), "--lang", "zh", "report", "frozen"], capture_output=True,
                          text=True, env={**os.environ, "COLUMNS": "80"})  # the installed mstrack, in Chinese
    assert done.returncode == 0 and "半年报告一览表" in done.stdout and "编号" in done.stdout.splitlines()[1], done.stderr
