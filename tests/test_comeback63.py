"""comeback63: a cancelled task brought back by a later plan says what else that plan changed of it (its target, …) and
counts it as updated, `--dry-run` too; `show` says its cancellation and comeback as for an undo."""

import json

from .conftest import done
from .test_fixplan57 import _five, _plan, _task

PARKS_RAISED = _task("4", "建设口袋公园20个", "市城管局", ("公园", 20000, [("2026-12-31", 20)]))


def _cancelled(cli, tmp_path):
    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", *_five()))))
    done(cli("log", "city-2026/4", "8", "-i", "公园", "--as-of", "2026-06-30"))
    done(cli("import", "plan", str(_plan(tmp_path, "rev.toml", *_five()[::2]))))  # 4 cancelled, its report kept


def _target(cli) -> list[tuple]:
    return cli.sql("select i.target from indicator i join task_line l on l.id = i.line_id join task t on t.id = l.task_id"
                   " where t.title = '建设口袋公园20个'")


def test_a_plan_bringing_a_cancelled_task_back_says_and_counts_what_else_it_changes(cli, tmp_path):
    _cancelled(cli, tmp_path)
    back = _plan(tmp_path, "back.toml", _five()[0], PARKS_RAISED, _five()[2])
    said = "task city-2026/4: indicator 公园 (1 report): target 20个 → "
    for dry in (["--dry-run"], []):
        result = cli("import", "plan", *dry, str(back))
        done(result)
        assert "task city-2026/4 no longer cancelled" in result.output, result.output
        assert said in result.output and "1 updated" in result.output, result.output
    assert _target(cli) == [(20000,)]
    again = cli("import", "plan", "-f", "json", str(back))
    done(again)
    assert json.loads(again.stdout)[0]["unchanged"] is True


def test_a_comeback_that_changes_nothing_else_counts_no_update(cli, tmp_path):
    _cancelled(cli, tmp_path)
    result = cli("import", "plan", "-f", "json", str(_plan(tmp_path, "back.toml", *_five())))
    done(result)
    out = json.loads(result.stdout)[0]
    assert out["tasks_updated"] == 0 and out["tasks_removed"] == 0, out
    assert [c for c in out["changes"] if "no longer cancelled" not in c] == [], out
    assert _target(cli) == [(20,)]


def test_show_and_the_weekly_report_say_a_comeback_by_a_plan_as_cancelled_and_brought_back(cli, tmp_path):
    from datetime import date

    _cancelled(cli, tmp_path)
    cancel = json.loads(cli("batches", "-f", "json").stdout)[0]["id"]
    done(cli("import", "plan", str(_plan(tmp_path, "back.toml", _five()[0], PARKS_RAISED, _five()[2]))))
    back = json.loads(cli("batches", "-f", "json").stdout)[0]["id"]
    shown = cli("show", "city-2026/4", "-f", "json")
    done(shown)
    changes = [(row["batch"], row["change"]) for row in json.loads(shown.stdout)["plan_changes"]]
    week = json.loads(cli("report", "weekly", "-p", "city-2026", "--as-of", date.today().isoformat(), "-f", "json").stdout)
    weekly = [(row["batch"], row["change"]) for row in week["changes"]["plan"]]
    for said in (changes, weekly):
        assert (cancel, "task city-2026/4 cancelled (已取消): 建设口袋公园20个: kept with its reports, not counted") in said, said
        assert (back, f"task city-2026/4 no longer cancelled (batch {cancel} had cancelled it): 建设口袋公园20个: its reports "
                      "count again") in said, said
        assert any(batch == back and change.startswith("task city-2026/4: indicator 公园: target 20个 → ")
                   for batch, change in said), said
        assert not any("removed" in change or " added" in change for _, change in said), said


def test_show_says_a_comeback_by_undo_as_cancelled_and_brought_back(cli, tmp_path):
    _cancelled(cli, tmp_path)
    cancel = json.loads(cli("batches", "-f", "json").stdout)[0]["id"]
    done(cli("undo", str(cancel)))
    shown = cli("show", "city-2026/4", "-f", "json")
    done(shown)
    changes = [row["change"] for row in json.loads(shown.stdout)["plan_changes"]]
    assert changes == ["task city-2026/4 cancelled (已取消): 建设口袋公园20个: kept with its reports, not counted",
                       f"task city-2026/4 no longer cancelled (batch {cancel} had cancelled it): 建设口袋公园20个: its "
                       "reports count again"], changes


def test_import_progress_as_of_with_no_year_is_read_in_the_programmes_days_as_log_reads_it(cli, tmp_path):
    from datetime import date

    from .test_fixtrial63b import _days
    from .test_fixtrial63b import _plan as _year_plan

    last = date.today().year - 1
    code = _year_plan(cli, tmp_path, last)
    form = tmp_path / "r.csv"
    form.write_text("任务编号,指标,数值\n1,建设项目,60\n", encoding="utf-8")
    result = cli("import", "progress", str(form), "-p", code, "--as-of", "12月31日")
    done(result)  # it was read as this year's 12月31日: in the future, or outside the programme's days
    done(cli("log", f"{code}/1", "70", "--as-of", "12月31日"))
    assert _days(cli, f"{code}/1") == [f"{last}-12-31", f"{last}-12-31"]


def test_batches_of_a_period_with_no_write_say_none_was_entered_then(cli, tmp_path):
    from datetime import date, timedelta

    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", *_five()))))
    after = str(date.today() + timedelta(days=1))
    for lang, none in (("en", "No write entered in that period"), ("zh", "该期间内没有写入")):
        empty = cli("--lang", lang, "batches", "--since", after, env={"COLUMNS": "200"})
        done(empty)
        assert none in empty.stdout, empty.stdout
        listed = cli("--lang", lang, "batches", "--since", str(date.today()), env={"COLUMNS": "200"})
        done(listed)
        assert none not in listed.stdout and "city.toml" in listed.stdout, listed.stdout
    assert json.loads(cli("batches", "-f", "json", "--since", after).stdout) == []
