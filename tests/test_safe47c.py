"""Undo, demo and what commands say they change (safe47c, from safety47's trial: F3, F5, F6, F8, F9, F14)."""

import json

from .conftest import done, plan_task, plan_tasks, refused, write_plan, write_table

HEAD = ["计划", "任务编号", "指标", "截至日期", "数值", "备注", "填报人"]


def _plan(cli, tmp_path):
    plan = write_plan(tmp_path / "plan.toml", plan_tasks(
        plan_task("1", "新建保障性住房", "市住建局", "保障房", "套", 1000, also=[("完成投资", "万元", 50000)]),
        plan_task("2", "新增学位", "市教育局", "学位", "个", 2000)))
    done(cli("import", "plan", str(plan)))


def _standing(cli) -> dict[str, float]:
    """The standing value of each indicator (the latest report not retracted), by indicator name."""
    rows = cli.sql("select i.name, r.value from report r join indicator i on i.id = r.indicator_id"
                   " where not exists (select 1 from report_retraction x where x.report_id = r.id) order by r.id")
    return {name: float(value) for name, value in rows}


# --- F14: a bare undo whose latest batch is itself an undo -----------------------------------------------------------

def test_a_bare_undo_after_an_undo_is_refused_naming_both_ways(cli, tmp_path):
    _plan(cli, tmp_path)
    done(cli("import", "progress", str(write_table(tmp_path / "a.csv", [HEAD, ["x-2023", "1", "保障房", "2023-05-31", "111", "", "张三"]]))))
    done(cli("import", "progress", str(write_table(tmp_path / "b.csv", [HEAD, ["x-2023", "2", "学位", "2023-05-31", "222", "", "张三"]]))))
    done(cli("undo"))  # batch 4 undoes batch 3 (b.csv)
    assert _standing(cli) == {"保障房": 111}
    said = refused(cli("undo"), "batch 4", "is an undo", "batch 3", "mstrack undo 2", "mstrack undo 4")
    assert "nothing was undone" in said
    assert _standing(cli) == {"保障房": 111}  # b.csv's 222 not put back
    assert cli.sql("select count(*) from batch")[0][0] == 4
    done(cli("undo", "2"))
    assert _standing(cli) == {}


def test_an_undo_named_by_number_is_still_undone(cli, tmp_path):
    _plan(cli, tmp_path)
    done(cli("import", "progress", str(write_table(tmp_path / "a.csv", [HEAD, ["x-2023", "1", "保障房", "2023-05-31", "111", "", "张三"]]))))
    done(cli("undo"))
    result = cli("undo", "3")
    done(result)
    assert "batch 4 undoes batch 3" in result.output
    assert _standing(cli) == {"保障房": 111}
