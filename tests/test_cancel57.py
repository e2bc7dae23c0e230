"""cancel57, from trial57 finding 3: a revised programme that drops a task reports stand on (the government cancelled
it) cancels it instead of refusing: kept with its reports, out of every count, refused by `log` and `import progress`,
the mark undone by an undo of that import or cleared by a later plan that brings the task back."""

import json

from .conftest import done, refused
from .test_fixplan57 import _five, _indicator_of, _plan, _task


def _logged(cli, tmp_path):
    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", *_five()))))
    for code, name, value in (("3", "小区", "20"), ("4", "公园", "8"), ("5", "充电桩", "400")):
        done(cli("log", f"city-2026/{code}", value, "-i", name, "--as-of", "2026-06-30"))


def _tasks(cli) -> list[tuple]:
    return sorted(tuple(row) for row in cli.sql("select code, title, cancelled_by from task"))


def test_a_dropped_task_with_reports_is_cancelled_its_code_given_to_the_renumbered_one_and_undone(cli, tmp_path):
    _logged(cli, tmp_path)
    result = cli("import", "plan", str(_plan(tmp_path, "rev2.toml", *_five(drop_parks=True))))
    done(result)
    batch = json.loads(cli("batches", "-f", "json").stdout)[0]["id"]
    assert "task city-2026/4 cancelled (已取消): 建设口袋公园20个: its 1 report kept, not counted" in result.output, result.output
    assert "task city-2026/5 → city-2026/4: 建设充电桩1000个" in result.output
    assert "removed: 建设口袋公园20个" not in result.output and "0 removed" in result.output, result.output
    assert _tasks(cli) == [("3", "改造老旧小区50个", None), ("4", "建设充电桩1000个", None),
                           (f"4~{batch}", "建设口袋公园20个", batch)]
    assert _indicator_of(cli, "4") == [("充电桩", 400)] and _indicator_of(cli, f"4~{batch}") == [("公园", 8)]
    assert cli.sql("select count(*) from milestone") == [(3,)] and cli.sql("select count(*) from line_unit") == [(3,)]
    status = json.loads(cli("status", "-p", "city-2026", "--as-of", "2026-12-31", "-f", "json").stdout)
    rows = status["rows"] if isinstance(status, dict) else status
    assert sorted((r["task"], r["actual"]) for r in rows) == [("3", 20), ("4", 400)]
    again = cli("import", "plan", str(_plan(tmp_path, "rev2.toml", *_five(drop_parks=True))))
    done(again)
    assert "unchanged" in again.output, again.output
    undone = cli("undo", str(batch))
    done(undone)
    assert f"task city-2026/4 no longer cancelled (batch {batch} had cancelled it): 建设口袋公园20个" in undone.output, \
        undone.output
    assert _tasks(cli) == [("3", "改造老旧小区50个", None), ("4", "建设口袋公园20个", None), ("5", "建设充电桩1000个", None)]
    assert _indicator_of(cli, "4") == [("公园", 8)] and _indicator_of(cli, "5") == [("充电桩", 400)]
    assert cli.sql("select count(*) from milestone") == [(3,)]  # the cancelled task's kept, and undone whole


def test_log_and_import_progress_refuse_a_cancelled_task_naming_why(cli, tmp_path):
    _logged(cli, tmp_path)
    done(cli("import", "plan", str(_plan(tmp_path, "rev2.toml", *_five(drop_parks=True)))))
    batch = json.loads(cli("batches", "-f", "json").stdout)[0]["id"]
    why = f"city-2026/4~{batch} (建设口袋公园20个) was cancelled (已取消) by batch {batch}"
    refused(cli("log", f"city-2026/4~{batch}", "9", "-i", "公园", "--as-of", "2026-07-30"), why, f"`mstrack undo {batch}`")
    form = tmp_path / "form.csv"
    form.write_text(f"计划,任务编号,指标,截至日期,数值\ncity-2026,4~{batch},公园,2026-11-30,12\n", encoding="utf-8")
    refused(cli("import", "progress", str(form)), why)
    assert sorted(v for (v,) in cli.sql("select value from report")) == [8, 20, 400]  # nothing written


def test_a_dropped_task_keeps_its_code_and_a_later_plan_bringing_it_back_clears_the_mark(cli, tmp_path):
    _logged(cli, tmp_path)
    without = _five()[::2]  # 3 and 5: 4 dropped, its code given to none
    result = cli("import", "plan", str(_plan(tmp_path, "rev.toml", *without)))
    done(result)
    batch = json.loads(cli("batches", "-f", "json").stdout)[0]["id"]
    assert "task city-2026/4 cancelled (已取消)" in result.output and "0 removed" in result.output, result.output
    assert ("4", "建设口袋公园20个", batch) in _tasks(cli)
    units = json.loads(cli("units", "--as-of", "2026-12-31", "-f", "json").stdout)
    assert "市城管局" not in json.dumps(units, ensure_ascii=False)  # its one task cancelled: not counted
    refused(cli("log", "city-2026/4", "9", "-i", "公园", "--as-of", "2026-07-30"), "was cancelled (已取消)")
    back = cli("import", "plan", str(_plan(tmp_path, "city2.toml", *_five())))
    done(back)
    assert "task city-2026/4 no longer cancelled" in back.output, back.output
    assert ("4", "建设口袋公园20个", None) in _tasks(cli)
    assert _indicator_of(cli, "4") == [("公园", 8)]
    assert cli.sql("select count(*) from task") == [(3,)]
    done(cli("log", "city-2026/4", "9", "-i", "公园", "--as-of", "2026-07-30"))


def test_status_units_and_show_say_a_cancelled_task_apart_and_never_count_it(cli, tmp_path):
    _logged(cli, tmp_path)
    done(cli("import", "plan", str(_plan(tmp_path, "rev2.toml", *_five(drop_parks=True)))))
    batch = json.loads(cli("batches", "-f", "json").stdout)[0]["id"]
    said = f"city-2026/4~{batch} 建设口袋公园20个: 已取消，不计入 (cancelled by batch {batch}; its 1 report is kept"
    status = cli("status", "-p", "city-2026", "--as-of", "2026-12-31", "--fail-on", "overdue")
    assert status.exit_code == 0 and said in status.stderr, (status.exit_code, status.stderr)
    assert "口袋公园" not in status.stdout and "overdue" not in status.stdout
    units = cli("units", "--as-of", "2026-12-31", "-f", "json")
    done(units)
    assert said in units.stderr and "市城管局" not in units.stdout
    shown = cli("show", f"city-2026/4~{batch}")
    done(shown)
    assert "建设口袋公园20个" in shown.stdout and said in shown.stderr
    other = cli("show", "city-2026/3")
    done(other)
    assert "已取消" not in other.stderr


def test_a_later_plan_giving_a_cancelled_tasks_code_to_another_task_moves_it_off_and_keeps_it_cancelled(cli, tmp_path):
    _logged(cli, tmp_path)
    done(cli("import", "plan", str(_plan(tmp_path, "rev.toml", *_five()[::2]))))  # 4 cancelled, under its own code
    cancelled = json.loads(cli("batches", "-f", "json").stdout)[0]["id"]
    other = _task("4", "新建体育公园2个", "市体育局", ("体育公园", 2, [("2026-12-31", 2)]))
    done(cli("import", "plan", str(_plan(tmp_path, "rev3.toml", *_five()[::2], other))))
    assert (f"4~{cancelled}", "建设口袋公园20个", cancelled) in _tasks(cli) and ("4", "新建体育公园2个", None) in _tasks(cli)
    assert _indicator_of(cli, f"4~{cancelled}") == [("公园", 8)] and _indicator_of(cli, "4") == []
    assert cli.sql("select count(*) from milestone") == [(4,)]
