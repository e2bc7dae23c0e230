"""trial59: the leader's questions and frozen reports. F11: `status --only off_course` and its mark (which tasks miss
their deadline at this pace); F10: `report weekly --unit` (one office's late tasks, printed); F9: `report frozen N`
reprints what was sent."""

from __future__ import annotations

import json
from pathlib import Path

from rich.cells import cell_len

from .conftest import done, plan_task, plan_tasks, refused, write_plan


def pace_plan(tmp_path: Path) -> str:
    """Task 1 (区住建局): 10 then 20 of 100 a quarter apart, done only in 2025 at that pace; task 2 (区卫健委): 20 then
    60, done in September; task 3 (区住建局, 区城管局 helping): one report, behind its June checkpoint, no pace."""
    return str(write_plan(tmp_path / "p.toml", plan_tasks(
        plan_task("1", "学位", "区住建局", "新建学位", "个", 100, reports=[("2023-03-31", 10), ("2023-06-30", 20)]),
        plan_task("2", "床位", "区卫健委", "养老床位", "张", 100, reports=[("2023-03-31", 20), ("2023-06-30", 60)]),
        plan_task("3", "公园", "区住建局", "口袋公园", "个", 10, units=["区住建局", "区城管局"],
                  milestones=[("2023-06-30", 5)], reports=[("2023-06-30", 2)]),
    )))


# --- F11: off course at this pace ----------------------------------------------------------------------------


def test_only_off_course_keeps_the_rows_that_miss_their_deadline_at_this_pace(cli, tmp_path):
    done(cli("import", "plan", pace_plan(tmp_path)))
    result = cli("status", "--as-of", "2023-07-01", "--only", "off_course", "-f", "json")
    done(result)
    rows = json.loads(result.stdout)
    assert [(row["task"], row["forecast"]["on_course"]) for row in rows] == [("1", False)]
    # with a status: either one (task 3 is behind, with no pace to judge by)
    result = cli("status", "--as-of", "2023-07-01", "--only", "off_course", "--only", "behind", "-f", "json")
    done(result)
    assert sorted(row["task"] for row in json.loads(result.stdout)) == ["1", "3"]


def test_the_status_table_marks_the_rows_off_course_at_80_columns(cli, tmp_path):
    done(cli("import", "plan", pace_plan(tmp_path)))
    for lang, mark, caption in (("en", "not due · off course", "1 off course"), ("zh", "未到期·难按期", "1 行照近两次报送的速度")):
        result = cli("--lang", lang, "status", "--as-of", "2023-07-01", env={"COLUMNS": "80"})
        done(result)
        lines = result.stdout.splitlines()
        assert max(cell_len(line) for line in lines) <= 80, result.stdout
        marked = [line for line in lines if mark in line]
        assert len(marked) == 1 and "新建学位" in marked[0], result.stdout
        assert not any(mark.split("·")[-1].strip() in line for line in lines if "养老床位" in line or "口袋公园" in line)
        assert caption in " ".join(lines), result.stdout


def test_only_refuses_an_unknown_word_naming_off_course_among_the_choices(cli, tmp_path):
    done(cli("import", "plan", pace_plan(tmp_path)))
    result = cli("status", "--only", "late_at_this_pace")
    assert result.exit_code == 2 and "off_course" in result.stderr
