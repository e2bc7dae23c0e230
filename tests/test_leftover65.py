"""leftover65: the last session's leftovers: the status's rules, `report diff` over older and renamed reports,
`history`'s JSON and columns, the hidden-sheet check's reader."""

import json
import re

from .conftest import done, plan_task, plan_tasks, write_plan


def _programme(cli, tmp_path, code: str, lead: str = "甲局", extra: str = "") -> None:
    body = plan_tasks(plan_task("1", "学位建设", lead, "学位", "个", 100, milestones=[("2023-06-30", 50)]))
    path = write_plan(tmp_path / f"{code}.toml", body, code=code)
    if extra:
        path.write_text(path.read_text(encoding="utf-8").replace("year = 2023\n", f"year = 2023\n{extra}\n", 1),
                        encoding="utf-8")
    done(cli("import", "plan", str(path)))


# --- 1: the status over programmes of different rules --------------------------------------------------------------

def test_the_status_over_programmes_of_different_rules_says_whose_is_which(cli, tmp_path):
    _programme(cli, tmp_path, "big-2023")
    _programme(cli, tmp_path, "dist-2023", extra='rule = "pro-rata"')
    zh = cli("--lang", "zh", "status", "--as-of", "2023-05-20", env={"COLUMNS": "200"})
    done(zh)
    title = re.sub(r"\s*\n\s*", "", zh.stdout.split(" 任务")[0])  # folded at the table's width
    assert "截至 2023-05-20 · dist-2023 按序时进度（pro-rata）计算，big-2023 按已过节点目标（step）计算" in title
    rows = json.loads(cli("status", "--as-of", "2023-05-20", "-f", "json").stdout)
    assert {row["programme"]: row["rule"] for row in rows} == {"big-2023": "step", "dist-2023": "pro-rata"}
    one = cli("--lang", "zh", "status", "--as-of", "2023-05-20", "-p", "dist-2023", env={"COLUMNS": "200"})
    done(one)
    assert "，按序时进度" in one.stdout and "step" not in one.stdout  # one rule: said as before
    step = cli("--lang", "zh", "status", "--as-of", "2023-05-20", "--rule", "step", env={"COLUMNS": "200"})
    done(step)
    assert "pro-rata" not in step.stdout and "序时进度" not in step.stdout
