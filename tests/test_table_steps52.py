"""perf52: the 一览表 reads its tasks' checkpoints alone (Store.programme_steps), not the plan whole (load_plan). The
steps must be the ones the plan read whole gives: every line's, in line and date order, with the line's lead units;
and a task of no checkpoint has none (its next steps then come from its milestones, as before)."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.reports.make import make_report
from mstrack.reports.overview import Step, table_report
from mstrack.store import Store

from .conftest import Cli

PLAN = """format = 1
[programme]
code = "steps-2023"
name = "步骤市"
year = 2023

[[tasks]]
code = "1"
title = "新建学校"
[[tasks.lines]]
lead_units = ["市教育局", "市发展改革委"]
checkpoints = [{ due = "2023-09-30", label = "三季度", text = "主体完工" },
               { due = "2023-12-31", label = "四季度", text = "全部建成" }]
[[tasks.lines.indicators]]
name = "学校"
unit = "所"
target = 4
milestones = [{ due = "2023-09-30", target = 2 }, { due = "2023-12-31", target = 4 }]
[[tasks.lines]]
lead_units = ["市住房建设局"]
checkpoints = [{ due = "2023-08-31", label = "8月", text = "完成验收方案" }]

[[tasks]]
code = "2"
title = "新增病床"
[[tasks.lines]]
lead_units = ["市卫生健康委"]
[[tasks.lines.indicators]]
name = "病床"
unit = "张"
target = 300
milestones = [{ due = "2023-09-30", target = 200 }, { due = "2023-12-31", target = 300 }]
"""


def _steps_of(plan) -> dict:
    return {task.code: [Step(cp.due, cp.label, cp.text, "、".join(line.lead_units) or None)
                        for line in task.lines for cp in line.checkpoints] for task in plan.tasks}


@pytest.fixture
def store(tmp_path):
    cli = Cli(tmp_path / "steps.db")
    (tmp_path / "plan.toml").write_text(PLAN, encoding="utf-8")
    result = cli("import", "plan", str(tmp_path / "plan.toml"))
    assert result.exit_code == 0, result.output
    result = cli("log", "steps-2023/2", "120", "--as-of", "2023-06-20", "--by", "市卫生健康委")
    assert result.exit_code == 0, result.output
    return Store(cli.url)


def test_the_steps_are_the_plans(store):
    year, name, steps = store.programme_steps("steps-2023")
    assert (year, name) == (2023, "步骤市")
    assert steps["1"] == [(date(2023, 9, 30), "三季度", "主体完工", ["市教育局", "市发展改革委"]),
                          (date(2023, 12, 31), "四季度", "全部建成", ["市教育局", "市发展改革委"]),
                          (date(2023, 8, 31), "8月", "完成验收方案", ["市住房建设局"])]
    assert steps["2"] == []


@pytest.mark.parametrize("kind", ["half-year", "annual"])
def test_the_table_is_the_one_the_whole_plan_gives(store, kind):
    on = date(2023, 6, 30)
    made = make_report(store, {"kind": kind, "programme": "steps-2023", "as_of": on.isoformat(), "rule": None})
    expected = table_report(store.task_details(["steps-2023"]), kind, on, 2023, "步骤市", None,
                            _steps_of(store.load_plan("steps-2023")))
    assert made == expected
    first, second = (row for group in made.groups for row in group.rows)
    assert [step.text for step in first.next_steps] == ["主体完工", "全部建成", "完成验收方案"]
    assert second.next_steps == []


def test_an_unknown_programme_is_refused(store):
    from mstrack.errors import InputError

    with pytest.raises(InputError):
        store.programme_steps("nowhere-2023")
