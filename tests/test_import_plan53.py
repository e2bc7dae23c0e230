"""perf53: `import plan` folds each unit's name once a plan (not once a line) and copies a task's texts without
dataclasses.asdict; what it stores is the same, row for row, as the code before (bench/import_plan.py's `before()`,
the benchmark's reference too), and a unit named two ways is still refused at each line that names it."""

from __future__ import annotations

import sqlite3

import pytest

from .benches import bench_module
from .conftest import Cli, write_plan

BENCH = bench_module("import_plan")
TIMES = {"batch": "created_at", "schema_version": "applied_at"}
"""The columns that hold when a row was written: the only ones two imports of one plan may differ in."""


def _rows(path) -> dict[str, list[tuple]]:
    """Every table's rows, in id order, the write times aside."""
    connection = sqlite3.connect(path)
    try:
        tables = [name for (name,) in connection.execute("select name from sqlite_master where type = 'table'")]
        found = {}
        for table in tables:
            columns = [row[1] for row in connection.execute(f'pragma table_info("{table}")')]
            kept = [f'"{column}"' for column in columns if column not in TIMES.values()]
            found[table] = connection.execute(f'select {", ".join(kept)} from "{table}" order by 1').fetchall()
        return found
    finally:
        connection.close()


def test_a_province_plan_is_stored_as_before(tmp_path):
    plan = BENCH.plan_file(tmp_path, 400)
    stored = []
    for way in (None, BENCH.before):
        cli = Cli(tmp_path / f"store-{len(stored)}.db")
        if way is None:
            result = cli("import", "plan", str(plan))
        else:
            with way():
                result = cli("import", "plan", str(plan))
        assert result.exit_code == 0, result.output
        assert "400 tasks added" in result.output
        checked = cli("db", "check")
        assert checked.exit_code == 0, checked.output
        stored.append(_rows(cli.db))
        changed = tmp_path / "changed" / plan.name  # one task's title changed: every task kept, updated in place
        changed.parent.mkdir(exist_ok=True)
        changed.write_text(plan.read_text(encoding="utf-8").replace('\ntitle = "', '\ntitle = "改', 1), encoding="utf-8")
        if way is None:
            again = cli("import", "plan", str(changed))
        else:
            with way():
                again = cli("import", "plan", str(changed))
        assert again.exit_code == 0 and "0 tasks added, 1 updated" in again.output, again.output
        stored.append(_rows(cli.db))
    assert stored[0].keys() == stored[2].keys() and len(stored[0]["task"]) == 400 and len(stored[0]["unit"]) > 10
    assert stored[1]["task"] != stored[0]["task"]
    for after, before in ((stored[0], stored[2]), (stored[1], stored[3])):
        for table in before:
            assert after[table] == before[table], table


@pytest.mark.parametrize("way", ["after", "before"])
def test_a_unit_named_two_ways_is_refused_at_each_line(tmp_path, way):
    task = """
[[tasks]]
code = "{n}"
title = "任务{n}"
[[tasks.lines]]
lead_units = ["{unit}"]
[[tasks.lines.indicators]]
name = "项目"
unit = "个"
target = 4
"""
    body = "".join(task.format(n=n, unit="市衛健委" if n % 2 else "市卫健委") for n in range(1, 6))
    plan = write_plan(tmp_path / "plan.toml", body)
    cli = Cli(tmp_path / "store.db")
    if way == "after":
        result = cli("import", "plan", str(plan))
    else:
        with BENCH.before():
            result = cli("import", "plan", str(plan))
    assert result.exit_code == 2 and result.exception is None or isinstance(result.exception, SystemExit)
    assert result.output.count("reads alike unit") == 2, result.output  # tasks 2 and 4, after task 1's 市衛健委
