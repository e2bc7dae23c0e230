"""fixperf57 (trial57 #4): a return's task names (工作任务, 任务名称) checked against the programme's titles each folded
once an import, not every title again for every row (112 s for a 1,200-row return). What it says and stores is the same
as the code before (bench/progress_names.py's `before()`, the benchmark's reference too): names that agree, a name alone,
a name of another task, of none, of several, an unknown code, the unit's own row numbers, traditional characters."""

from __future__ import annotations

import csv
import random
import shutil

import pytest

from mstrack.domain.characters import simplified
from mstrack.domain.names import NameIndex, named_by
from mstrack.sources.progress_names import fold

from .benches import bench_module
from .conftest import Cli, done, plan_task, plan_tasks, refused, reports_stored, write_plan
from .test_import_plan53 import _rows

BENCH = bench_module("progress_names")
REPORT_COLUMNS = "id, indicator_id, as_of, value, note, reporter, source, batch_id, reason, reporting_unit"
"""A report's columns but the time it was entered."""


@pytest.fixture(scope="module")
def returns(tmp_path_factory):
    """The bench's plan of 60 tasks (titles made unique) and its returns: codes, codes with names, names alone."""
    from typer.testing import CliRunner

    from mstrack.cli import app

    folder = tmp_path_factory.mktemp("names57")
    runner = CliRunner()

    def invoke(db, *args):
        result = runner.invoke(app, ["--db", str(db), "--lang", "en", *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output

    return BENCH.returns(folder, 60, invoke)


def _edited(source, target, change) -> None:
    """`target`: `source`'s header, then each row (n, its cells as a dict, all the rows) as `change` makes it."""
    with source.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    with target.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(change(n, dict(row), rows) for n, row in enumerate(rows))


def _other(n: int, row: dict, rows: list[dict]) -> dict:
    """Row 3: another task's title; row 5: a title no task has; row 7: a code the plan lacks; row 9: the title with
    its own number and spaces, traditional characters (agrees); row 11: a part of the title (agrees)."""
    if n == 3:
        row["工作任务"] = rows[20]["工作任务"]
    elif n == 5:
        row["工作任务"] = "登月工程"
    elif n == 7:
        row["任务编号"] = "999"
    elif n == 9:
        row["工作任务"] = "9、 " + row["工作任务"].replace("新", "新 ").replace("医院", "醫院")
    elif n == 11:
        row["工作任务"] = row["工作任务"][2:6]
    return row


def _own_numbers(n: int, row: dict, rows: list[dict]) -> dict:
    """The unit's own numbering in 任务编号: each row's code the next row's."""
    row["任务编号"] = rows[(n + 1) % len(rows)]["任务编号"]
    return row


def _parts(n: int, row: dict, rows: list[dict]) -> dict:
    """Names alone as units shorten them: the city left out (part of one title, or of several), the first characters
    (beginning several), traditional characters, one row under the table (a name and no figure)."""
    if n % 4 == 1:
        row["工作任务"] = row["工作任务"][2:]
    elif n % 4 == 2:
        row["工作任务"] = row["工作任务"][:3]
    elif n % 4 == 3:
        row["工作任务"] = row["工作任务"].replace("医院", "醫院").replace("学位", "學位")
    if n == len(rows) - 1:
        row["数值"] = ""
    return row


CASES = {
    "named": ("named", None),
    "titles": ("titles", None),
    "other": ("named", _other),
    "own numbers": ("named", _own_numbers),
    "parts": ("titles", _parts),
    "parts, dry run": ("titles", _parts),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_same_said_and_stored_as_before(tmp_path, returns, case):
    plan_db, files = returns
    kind, change = CASES[case]
    file = files[kind]
    if change is not None:
        file = tmp_path / f"{kind}.csv"
        _edited(files[kind], file, change)
    outputs, stored = [], []
    for way in (None, BENCH.before):
        db = tmp_path / f"store-{len(stored)}.db"
        shutil.copyfile(plan_db, db)
        cli = Cli(db)
        args = ["import", "progress", str(file), *(["--dry-run"] if "dry run" in case else [])]
        if way is None:
            result = cli(*args)
        else:
            with way():
                result = cli(*args)
        outputs.append((result.exit_code, result.stdout.replace(str(db), "DB"), result.stderr.replace(str(db), "DB")))
        stored.append(_rows(db))
        stored[-1]["report"] = cli.sql(f"SELECT {REPORT_COLUMNS} FROM report ORDER BY id")
    assert outputs[0] == outputs[1]
    for table in stored[1]:
        if table != "batch":  # made at another time, by another run
            assert stored[0][table] == stored[1][table], table
    code, _, said = outputs[0]
    if case in ("named", "titles"):
        assert code == 0 and len(stored[0]["report"]) == 60, said
    elif case == "other":
        assert code == 2 and stored[0]["report"] == [], said
        with files["named"].open(encoding="utf-8", newline="") as source:
            twentieth = list(csv.DictReader(source))[20]["任务编号"]
        assert "names no task" in said and "has no task '999' (任务编号)" in said, said
        assert f"names task {twentieth}\n" in said, said
        assert ":11:工作任务" not in said and ":13:工作任务" not in said  # the folded and the partial name agree
    elif case == "own numbers":
        # the plan's own codes, each moved a row down: the columns sorted apart (trial65 #13), not a unit's numbering
        assert code == 2 and "were the columns sorted apart?" in said and stored[0]["report"] == [], said
    else:
        assert code == 2 and "names" in said and "give the task's code" in said, said


def test_a_name_index_finds_what_named_by_found_before():
    """NameIndex (named_by's tiers over keys folded once) against the bench's copy of named_by as it was: random names
    among random candidates, each fold in turn, a NUL in a name, no candidates, empty names and keys."""
    rng = random.Random(57)
    alphabet = "老旧小区改造新增学位医院個１2 、.\0舊區"
    for _ in range(2000):
        candidates = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(0, 12))]
        name = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3)))
        for folds in ((str, simplified), (fold,), (str,)):
            before = BENCH.old_named_by(candidates, name, str, folds)
            assert named_by(candidates, name, str, folds) == before, (candidates, name)
            index = NameIndex(candidates, str, folds)
            assert index.named(name) == before and index.named(name) == before  # asked again: the same
    assert named_by(["甲乙", "乙", "甲乙丙"], "乙", str, (str,)) == ["乙"]  # the same before those it begins or is part of


def _stops(tmp_path):
    """x-2023: 1 新增停车泊位, 2 新增停车场, 3 改造停车泊位, 4 老旧小区改造."""
    return write_plan(tmp_path / "p.toml", plan_tasks(
        plan_task("1", "新增停车泊位", "市交通局", "泊位", "个", 100), plan_task("2", "新增停车场", "市交通局", "停车场", "个", 5),
        plan_task("3", "改造停车泊位", "市交通局", "改造泊位", "个", 50), plan_task("4", "老旧小区改造", "市住建局", "小区", "个", 8)))


def _return(tmp_path, name: str, rows: list[str]):
    path = tmp_path / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def test_a_name_alone_is_matched_by_the_plans_tiers_same_begins_part(cli, tmp_path):
    done(cli("import", "plan", str(_stops(tmp_path))))
    head = "计划,工作任务,截至日期,数值"
    said = refused(cli("import", "progress", _return(tmp_path, "a.csv", [head, "x-2023,新增停车,2023-06-30,1",
                                                                          "x-2023,停车泊位,2023-06-30,1"])))
    assert "a.csv:2:工作任务: '新增停车' names 2 tasks of x-2023: 1, 2" in said  # those it begins, not 3
    assert "a.csv:3:工作任务: '停车泊位' names 2 tasks of x-2023: 1, 3" in said  # part of two
    assert reports_stored(cli) == []
    done(cli("import", "progress", _return(tmp_path, "b.csv", [head, "x-2023,新增停车泊位,2023-06-30,10",  # the same,
                                                               "x-2023,停车场,2023-06-30,2",  # not the one it begins
                                                               "x-2023,2、老舊小區改造,2023-06-30,3"])))
    assert sorted(reports_stored(cli)) == [("停车场", "2023-06-30", 2), ("小区", "2023-06-30", 3), ("泊位", "2023-06-30", 10)]


def test_a_code_the_plan_lacks_and_a_name_of_no_task_are_each_said(cli, tmp_path):
    done(cli("import", "plan", str(_stops(tmp_path))))
    head = "计划,任务编号,工作任务,截至日期,数值"
    said = refused(cli("import", "progress", _return(tmp_path, "a.csv", [head, "x-2023,9,老旧小区改造,2023-06-30,1",
                                                                          "x-2023,4,登月工程,2023-06-30,1",
                                                                          "x-2023,1,新增停车泊位,2023-06-30,1"])))
    assert "a.csv:2:工作任务: x-2023 has no task '9' (任务编号); '老旧小区改造' names task 4" in said
    assert "a.csv:3:工作任务: '登月工程' is not the task 任务编号 '4' names: x-2023/4 is '老旧小区改造'; '登月工程' names no task" in said
    assert "a.csv:4" not in said and "own row numbers" not in said  # one row agrees: the codes are codes
    assert reports_stored(cli) == []


def test_each_of_several_files_of_one_programme_is_checked_its_tasks_read_once(cli, tmp_path, monkeypatch):
    """A Monday's forms (trial57 #4: 60 of one programme): its tasks read once an import, each file's rows checked and
    said by their file."""
    from mstrack.store import Store

    done(cli("import", "plan", str(_stops(tmp_path))))
    reads = []
    kept = Store.import_tasks
    monkeypatch.setattr(Store, "import_tasks", lambda self, code: reads.append(code) or kept(self, code))
    head = "计划,任务编号,工作任务,截至日期,数值"
    first = _return(tmp_path, "甲.csv", [head, "x-2023,1,新增停车泊位,2023-06-30,10"])
    second = _return(tmp_path, "乙.csv", [head, "x-2023,2,新增停车场,2023-06-30,2", "x-2023,3,老旧小区改造,2023-06-30,3"])
    said = refused(cli("import", "progress", first, second))
    assert "乙.csv:3:工作任务: '老旧小区改造' is not the task 任务编号 '3' names" in said and "甲.csv:" not in said
    assert reads == ["x-2023"] and reports_stored(cli) == []
    reads.clear()
    done(cli("import", "progress", first, _return(tmp_path, "丙.csv", [head, "x-2023,2,新增停车场,2023-06-30,2"])))
    assert reads == ["x-2023"] and sorted(reports_stored(cli)) == [("停车场", "2023-06-30", 2), ("泊位", "2023-06-30", 10)]
