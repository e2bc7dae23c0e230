"""`log` resolves its task, indicator, unit and checkpoint before it takes the write lock (a bad value is refused
without waiting for it); under the lock it reads them again and writes only if they are still what it resolved
(safety46 F10). A plan import committed between the two is run here deterministically: from inside the first
check_report, the one place between the resolving and the write."""

from __future__ import annotations

import pytest

from mstrack.sources.plan import load_plan
from mstrack.store import Store
from tests.conftest import plan_task, plan_tasks, refused, write_plan

TEMPORARY = plan_task("9", "临时任务", "市教育局", "临时", "个", 10)
SCHOOLS = plan_task("1", "新建学位", "市教育局", "新增学位", "个", 10)


def checkpoints(*points: tuple[str, str, str]) -> str:
    """Task 5: a text-only line with these checkpoints (due, label, text)."""
    listed = ", ".join(f'{{ due = "{due}", label = "{label}", text = "{text}" }}' for due, label, text in points)
    return (f'\n[[tasks]]\ncode = "5"\ntitle = "改造方案"\n[[tasks.lines]]\nlead_units = ["市住建局"]\n'
            f"checkpoints = [{listed}]\n")


def meanwhile(monkeypatch, cli, plan) -> list[int]:
    """The plan file imported (as another user's `import plan` would be) right after `log` first resolved its report:
    how many times it ran."""
    import mstrack.store.log as log

    ran, first = [], log.check_report

    def resolving(*args, **kwargs):
        checked = first(*args, **kwargs)
        if not ran:
            ran.append(1)
            Store(cli.url).save_plans([(load_plan(plan), plan.name)])
        return checked

    monkeypatch.setattr(log, "check_report", resolving)
    return ran


def reports(cli) -> list[tuple]:
    return cli.sql("SELECT t.code, i.name, i.unit, r.value FROM report r JOIN indicator i ON i.id = r.indicator_id"
                   " JOIN task_line l ON l.id = i.line_id JOIN task t ON t.id = l.task_id ORDER BY r.id")


def test_a_log_whose_task_a_plan_import_removed_meanwhile_is_refused(cli, tmp_path, monkeypatch):
    """The import drops task 9 and adds task 10 (SQLite hands 10's indicator the id 9's had): the report meant for 9
    is never stored on 10's 养老床位."""
    cli("import", "plan", str(write_plan(tmp_path / "a.toml", plan_tasks(SCHOOLS, TEMPORARY), "t-2024")))
    swap = write_plan(tmp_path / "swap.toml", plan_tasks(SCHOOLS, plan_task("10", "另一任务", "市民政局", "养老床位", "张", 10)),
                      "t-2024")
    ran = meanwhile(monkeypatch, cli, swap)
    said = refused(cli("log", "t-2024/9", "7", "--as-of", "2023-03-01", "--note", "给临时任务"),
                   "the plan changed while this log waited", "nothing was written", "run it again")
    assert ran and "t-2024 has no task '9'" in said
    assert reports(cli) == []


def test_a_log_whose_unit_a_plan_import_changed_meanwhile_is_refused(cli, tmp_path, monkeypatch):
    """个 → 万个 while the log waited: 15000 个 is never stored as 15000 万个."""
    cli("import", "plan", str(write_plan(tmp_path / "a.toml", plan_tasks(SCHOOLS, TEMPORARY), "t-2024")))
    wan = write_plan(tmp_path / "wan.toml", plan_tasks(SCHOOLS, plan_task("9", "临时任务", "市教育局", "临时", "万个", 10)),
                     "t-2024")
    ran = meanwhile(monkeypatch, cli, wan)
    said = refused(cli("log", "t-2024/9", "15000", "--as-of", "2023-03-01"), "the plan changed while this log waited",
                   "nothing was written", "run it again")
    assert ran and "个 → 万个" in said
    assert reports(cli) == []


def test_a_done_whose_checkpoint_a_plan_import_moved_meanwhile_is_refused(cli, tmp_path, monkeypatch):
    """A checkpoint inserted before the first while `log --done` waited: its mark is never put on 完成招标."""
    first = checkpoints(("2023-03-31", "一季度", "完成方案"), ("2023-12-31", "年底", "全部完工"))
    cli("import", "plan", str(write_plan(tmp_path / "a.toml", plan_tasks(SCHOOLS) + first, "t-2024")))
    inserted = checkpoints(("2023-02-28", "二月", "完成招标"), ("2023-03-31", "一季度", "完成方案"),
                           ("2023-12-31", "年底", "全部完工"))
    ran = meanwhile(monkeypatch, cli, write_plan(tmp_path / "b.toml", plan_tasks(SCHOOLS) + inserted, "t-2024"))
    said = refused(cli("log", "t-2024/5", "--done", "--as-of", "2023-04-01"), "the plan changed while this log waited",
                   "nothing was written")
    assert ran and "checkpoint 1/2 (一季度) → checkpoint 1/3 (二月)" in said
    assert reports(cli) == []


@pytest.mark.parametrize("value", ["7", "已完成"])
def test_a_log_whose_plan_was_imported_unchanged_meanwhile_is_stored(cli, tmp_path, monkeypatch, value):
    """The same plan again (or another task changed) between the resolving and the write: nothing it resolved moved,
    the report is stored."""
    plan = write_plan(tmp_path / "a.toml", plan_tasks(SCHOOLS, TEMPORARY), "t-2024")
    cli("import", "plan", str(plan))
    other = write_plan(tmp_path / "b.toml", plan_tasks(plan_task("1", "新建学位", "市教育局", "新增学位", "个", 20), TEMPORARY),
                       "t-2024")
    ran = meanwhile(monkeypatch, cli, other)
    result = cli("log", "t-2024/9", value, "--as-of", "2023-03-01")
    assert result.exit_code == 0, result.output
    assert ran and reports(cli) == [("9", "临时", "个", 7 if value == "7" else 10)]
