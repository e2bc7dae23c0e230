"""Undo, demo and what commands say they change (safe47c, from safety47's trial: F3, F5, F6, F8, F9, F14)."""

import json
import os
import subprocess

import pytest

from .conftest import done, plan_task, plan_tasks, refused, write_plan, write_table

HEAD = ["计划", "任务编号", "指标", "截至日期", "数值", "备注", "填报人"]
ROW_A = ["x-2023", "1", "保障房", "2023-05-31", "111", "", "张三"]
ROW_B = ["x-2023", "2", "学位", "2023-05-31", "222", "", "张三"]


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
    done(cli("import", "progress", str(write_table(tmp_path / "a.csv", [HEAD, ROW_A]))))
    done(cli("import", "progress", str(write_table(tmp_path / "b.csv", [HEAD, ROW_B]))))
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
    done(cli("import", "progress", str(write_table(tmp_path / "a.csv", [HEAD, ROW_A]))))
    done(cli("undo"))
    result = cli("undo", "3")
    done(result)
    assert "batch 4 undoes batch 3" in result.output
    assert _standing(cli) == {"保障房": 111}


# --- F5: undoing a superseded return keeps what the kept return re-stated -------------------------------------------

V1 = [HEAD, ["x-2023", "1", "保障房", "2023-05-31", "100", "v1", "张三"], ["x-2023", "1", "完成投资", "2023-05-31", "20000", "v1", "张三"],
      ["x-2023", "2", "学位", "2023-05-31", "300", "v1", "张三"]]
V2 = [HEAD, ["x-2023", "1", "保障房", "2023-05-31", "100", "v2", "张三"], ["x-2023", "1", "完成投资", "2023-05-31", "20000", "v2", "张三"],
      ["x-2023", "2", "学位", "2023-05-31", "350", "v2 更正", "张三"]]


def test_undoing_a_superseded_return_keeps_the_figures_the_kept_return_gave_again(cli, tmp_path):
    _plan(cli, tmp_path)
    done(cli("import", "progress", str(write_table(tmp_path / "v1.csv", V1))))  # batch 2
    result = cli("import", "progress", str(write_table(tmp_path / "v2.csv", V2)), "--reason", "单位重报")  # batch 3
    done(result)
    assert "2 already there" in result.output
    result = cli("undo", "2", "--reason", "作废第一版")
    done(result)
    assert "2 reports retracted, 1 more corrected since by batch 3" in result.output  # 学位's v2 更正 stood (trial64 F15)
    assert "2 given again by batch 3 kept as its reports" in result.output
    assert _standing(cli) == {"保障房": 100, "完成投资": 20000, "学位": 350}
    kept = cli.sql("select i.name, r.note, r.batch_id from report r join indicator i on i.id = r.indicator_id"
                   " where not exists (select 1 from report_retraction x where x.report_id = r.id) order by i.name")
    assert sorted(kept) == sorted([("保障房", "v2", 3), ("完成投资", "v2", 3), ("学位", "v2 更正", 3)])
    result = cli("undo", "3")  # the kept return taken back too: nothing of either stands
    done(result)
    assert "3 reports retracted" in result.output
    assert _standing(cli) == {}


def test_a_return_given_again_whole_and_undone_leaves_the_first_as_it_was(cli, tmp_path):
    _plan(cli, tmp_path)
    done(cli("import", "progress", str(write_table(tmp_path / "v1.csv", V1))))  # batch 2
    done(cli("import", "progress", str(write_table(tmp_path / "v2.csv", V2)), "--reason", "单位重报"))  # batch 3
    result = cli("undo", "3")  # the correction taken back: v1's figures stand, 学位 300 again
    done(result)
    assert _standing(cli) == {"保障房": 100, "完成投资": 20000, "学位": 300}


def test_a_dry_run_records_no_restatement(cli, tmp_path):
    _plan(cli, tmp_path)
    done(cli("import", "progress", str(write_table(tmp_path / "v1.csv", V1))))
    done(cli("import", "progress", str(write_table(tmp_path / "v2.csv", V2)), "--dry-run"))
    assert cli.sql("select count(*) from report_restated")[0][0] == 0
    done(cli("undo", "2"))
    assert _standing(cli) == {}


# --- F3: an office correction keeps the unit's note --------------------------------------------------------------------

REMARK = "征地拆迁未完成，预计7月开工"


def _noted(cli) -> list[tuple]:
    return cli.sql("select r.value, r.note, r.reason from report r join indicator i on i.id = r.indicator_id"
                   " where i.name = '学位' and not exists (select 1 from report_retraction x where x.report_id = r.id)"
                   " order by r.id")


def test_an_office_correction_keeps_the_units_note(cli, tmp_path):
    _plan(cli, tmp_path)
    unit_return = write_table(tmp_path / "r.csv", [HEAD, ["x-2023", "2", "学位", "2023-06-30", "300", REMARK, "张三"]])
    done(cli("import", "progress", str(unit_return)))
    done(cli("log", "x-2023/2", "310", "--as-of", "2023-06-30", "--reason", "电话核实", "--by", "王科长"))
    assert _noted(cli)[-1] == (310, REMARK, "电话核实")
    weekly = cli("report", "weekly", "-p", "x-2023", "--as-of", "2023-07-03")
    done(weekly)
    assert REMARK in weekly.stdout
    done(cli("log", "x-2023/2", "320", "--as-of", "2023-06-30", "--reason", "再次核实", "--note", "已开工"))
    assert _noted(cli)[-1] == (320, "已开工", "再次核实")  # a new note given replaces it


def test_logging_the_corrected_value_again_without_a_note_changes_nothing(cli, tmp_path):
    _plan(cli, tmp_path)
    done(cli("log", "x-2023/2", "300", "--as-of", "2023-06-30", "--note", REMARK))
    result = cli("log", "x-2023/2", "300", "--as-of", "2023-06-30")
    done(result)
    assert "unchanged" in result.stdout
    assert cli.sql("select count(*) from batch")[0][0] == 2


def test_an_empty_note_clears_the_units_note(cli, tmp_path):
    _plan(cli, tmp_path)
    done(cli("log", "x-2023/2", "300", "--as-of", "2023-06-30", "--note", REMARK))
    done(cli("log", "x-2023/2", "310", "--as-of", "2023-06-30", "--reason", "电话核实", "--note", ""))
    assert _noted(cli)[-1][0] == 310 and not _noted(cli)[-1][1]


# --- F9: the demo never writes into a store holding anything but its own data -----------------------------------------

def test_the_demo_on_a_store_with_the_offices_programme_is_refused_and_changes_nothing(cli, tmp_path):
    done(cli("demo"))  # the demo's own store
    done(cli("export", "plan", "yantian-2023", "-o", str(tmp_path / "own.toml")))
    own = (tmp_path / "own.toml").read_text(encoding="utf-8")
    revised = own.replace("盐田区2023年十件重点民生实事", "盐田区2023年十件重点民生实事（办公室修订）", 1)
    assert revised != own
    (tmp_path / "own.toml").write_text(revised, encoding="utf-8")
    done(cli("import", "plan", str(tmp_path / "own.toml")))
    before = cli.sql("select count(*) from batch")[0][0], cli.sql("select name from programme where code = 'yantian-2023'")
    said = refused(cli("demo"), "yantian-2023", "nothing was written", "mstrack --db mstrack-demo.db demo")
    assert "Loaded" not in said
    assert (cli.sql("select count(*) from batch")[0][0], cli.sql("select name from programme where code = 'yantian-2023'")) == before
    assert "办公室修订" in before[1][0][0]


def test_the_demo_on_a_store_with_another_programme_is_refused(cli, tmp_path):
    _plan(cli, tmp_path)
    refused(cli("demo"), "1 programme the demo did not load", "x-2023", "nothing was written")
    assert [code for (code,) in cli.sql("select code from programme")] == ["x-2023"]
    assert cli.sql("select count(*) from batch")[0][0] == 1


def test_the_demo_twice_with_reports_logged_in_between_goes_on(cli):
    done(cli("demo"))
    done(cli("log", "shenzhen-2023/5", "2.5万", "--indicator", "建设筹集保障性住房", "--as-of", "2023-06-30"))
    result = cli("demo")
    done(result)
    assert cli.sql("select count(*) from batch where command = 'log'")[0][0] == 1


@pytest.mark.sqlite_only
def test_the_installed_demo_on_the_default_store(tmp_path):
    """The README's quick start (`mstrack demo`, no --db, a fresh machine) as before; then, on a default store that
    holds the office's own programme, refused: nothing written, the office's plan as it was."""
    from .test_terminal import mstrack_executable

    env = {k: v for k, v in os.environ.items() if k != "MSTRACK_DB"}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path / "home"), MSTRACK_LANG="en", COLUMNS="100")

    def mstrack(*args, home="home"):
        return subprocess.run([mstrack_executable(), *args], capture_output=True, text=True, cwd=tmp_path, timeout=300,
                              env=env | {"XDG_DATA_HOME": str(tmp_path / f"data-{home}"), "HOME": str(tmp_path / home)})

    fresh = mstrack("demo")
    assert fresh.returncode == 0, fresh.stderr
    made, loaded = fresh.stderr.split("\n", 1)  # the store made, by its absolute path (left49), then what went in
    # a store of its own beside the default one (fix49e): the office's mstrack.db is left for its programme
    assert made == f"created the store {tmp_path / 'data-home' / 'mstrack' / 'mstrack-demo.db'}", fresh.stderr
    assert loaded.startswith("Loaded 5 programmes: ") and "mstrack-demo.db" in loaded.split("Above:")[0]
    apart = mstrack("--db", str(tmp_path / "apart.db"), "demo")
    assert apart.returncode == 0 and apart.stdout == fresh.stdout  # the same table as in a file of its own

    plan = write_plan(tmp_path / "office.toml", plan_tasks(plan_task("1", "新建保障性住房", "市住建局", "保障房", "套", 1000)))
    assert mstrack("import", "plan", str(plan), home="office").returncode == 0
    office = tmp_path / "data-office" / "mstrack" / "mstrack.db"
    done_apart = mstrack("demo", home="office")  # into mstrack-demo.db, the office's store not met
    assert done_apart.returncode == 0 and office.with_name("mstrack-demo.db").exists(), done_apart.stderr
    said = mstrack("--db", str(office), "demo", home="office")
    assert said.returncode == 2 and said.stdout == "", said
    error = " ".join(said.stderr.split())  # folded at COLUMNS on stderr (returns57)
    assert "x-2023" in error and "mstrack --db mstrack-demo.db demo" in error and "Traceback" not in error
    listed = mstrack("programmes", home="office")
    assert listed.returncode == 0 and listed.stdout.split()[0] == "x-2023" and "shenzhen" not in listed.stdout


# --- F6: import plan names what it removes or renames ------------------------------------------------------------------

def test_import_plan_names_the_task_indicator_and_unit_it_removes_or_renames(cli, tmp_path):
    first = write_plan(tmp_path / "plan.toml", plan_tasks(
        plan_task("1", "新建保障性住房", "市住建局", "保障房", "套", 1000, also=[("完成投资", "万元", 50000)]),
        plan_task("2", "新增学位", "市教育局", "学位", "个", 2000), plan_task("4", "养老床位", "市民政局", "养老床位", "张", 500)))
    done(cli("import", "plan", str(first)))
    done(cli("log", "x-2023/1", "10", "-i", "保障房", "--as-of", "2023-06-30"))
    revised = write_plan(tmp_path / "v2.toml", plan_tasks(
        plan_task("1", "新建保障性住房", "市住房和城乡建设局", "保障房", "套", 1000),
        plan_task("2", "新增中小学学位", "市教育局", "学位", "个", 2000)))
    expected = ["task x-2023/1: indicator 完成投资 removed", "task x-2023/1: unit 市住建局 → 市住房和城乡建设局",
                "task x-2023/2 renamed: 新增学位 → 新增中小学学位", "task x-2023/4 removed: 养老床位"]
    dry = cli("import", "plan", str(revised), "--dry-run")
    done(dry)
    assert all(line in dry.stdout for line in expected), dry.stdout
    assert "(batch" not in dry.stdout and "dry run: no batch written" in dry.stdout
    assert cli.sql("select count(*) from batch")[0][0] == 2
    real = cli("import", "plan", str(revised))
    done(real)
    batch = cli.sql("select max(id) from batch")[0][0]  # 3 on SQLite; PostgreSQL's sequence kept the dry run's 3
    assert cli.sql("select count(*) from batch")[0][0] == 3
    assert all(line in real.stdout for line in expected) and f"removed (batch {batch})" in real.stdout, real.stdout


def test_import_plan_names_the_first_ten_changes_and_counts_the_rest(cli, tmp_path):
    tasks = [plan_task(str(n), f"任务{n}", "甲局", f"指标{n}", "个", 10) for n in range(1, 16)]
    done(cli("import", "plan", str(write_plan(tmp_path / "a.toml", plan_tasks(*tasks)))))
    result = cli("import", "plan", str(write_plan(tmp_path / "b.toml", plan_tasks(tasks[0], tasks[1]))))
    done(result)
    assert result.stdout.count(" removed: 任务") == 10 and "… and 3 more" in result.stdout, result.stdout


# --- F8: left without -p, reports and notices leave out a programme whose year is over -------------------------------

def _two_years(cli, tmp_path):
    body = plan_tasks(plan_task("1", "新建保障性住房", "市住建局", "保障房", "套", 1000, deadline="2023-12-31",
                                milestones=[("2023-06-30", 500), ("2023-12-31", 1000)]))
    done(cli("import", "plan", str(write_plan(tmp_path / "now.toml", body, code="city-2023"))))
    old = write_plan(tmp_path / "old.toml", body.replace("2023-", "2022-").replace("新建保障性住房", "去年的保障房任务"),
                     code="city-2022")
    old.write_text(old.read_text(encoding="utf-8").replace("year = 2023", "year = 2022"), encoding="utf-8")
    done(cli("import", "plan", str(old)))
    done(cli("log", "city-2022/1", "950", "--as-of", "2022-12-31"))
    done(cli("log", "city-2023/1", "10", "--as-of", "2023-06-30"))


def test_the_weekly_report_without_p_leaves_out_last_years_programme_and_says_so(cli, tmp_path):
    _two_years(cli, tmp_path)
    result = cli("report", "weekly", "--as-of", "2023-07-05", "--format", "json")
    done(result)
    data = json.loads(result.stdout)  # scope53: the JSON names it as left out, its tasks not counted
    assert data["programmes"] == ["city-2023"] and data["left_out"]["closed"] == ["city-2022"], result.stdout
    assert "left out, their year is over as of 2023-07-05: city-2022" in result.stderr and "-p city-2022" in result.stderr
    named = cli("report", "weekly", "--as-of", "2023-07-05", "--format", "json", "-p", "city-2022", "-p", "city-2023")
    done(named)
    assert "city-2022" in named.stdout and "left out" not in named.stderr
    january = cli("report", "weekly", "--as-of", "2023-01-20", "--format", "json")  # the year-end figures still come in
    done(january)
    assert "city-2022" in january.stdout and "left out" not in january.stderr


def test_a_notice_without_p_never_lists_a_closed_years_tasks(cli, tmp_path):
    _two_years(cli, tmp_path)
    out = tmp_path / "notice.md"
    result = cli("report", "notice", "--unit", "市住建局", "--as-of", "2023-07-05", "--format", "md", "-o", str(out))
    done(result)
    text = out.read_text(encoding="utf-8")
    assert "去年的保障房任务" not in text and "新建保障性住房" in text, text
    assert "city-2022" in result.stderr


def test_a_bare_undo_of_a_log_names_the_programme_task_and_value(cli, tmp_path):
    _two_years(cli, tmp_path)
    result = cli("undo")
    done(result)
    assert "batch 5 undoes batch 4 (log by " in result.stdout
    assert "  city-2023/1 保障房: 10套 as of 2023-06-30 retracted" in result.stdout, result.stdout


def test_a_return_all_already_there_writes_no_batch_and_records_nothing(cli, tmp_path):
    _plan(cli, tmp_path)
    done(cli("import", "progress", str(write_table(tmp_path / "v1.csv", V1))))
    again = cli("import", "progress", str(write_table(tmp_path / "again.csv", [*V1, V1[1]])))  # a row repeated too
    done(again)
    assert "3 already there" in again.output
    assert cli.sql("select count(*) from batch")[0][0] == 2 and cli.sql("select count(*) from report_restated")[0][0] == 0


def test_a_row_repeated_in_a_return_is_recorded_once(cli, tmp_path):
    _plan(cli, tmp_path)
    done(cli("import", "progress", str(write_table(tmp_path / "v1.csv", V1))))
    done(cli("import", "progress", str(write_table(tmp_path / "v2.csv", [*V2, V2[1]]))))
    assert cli.sql("select count(*) from report_restated where batch_id = 3")[0][0] == 2
    done(cli("undo", "2"))
    assert _standing(cli) == {"保障房": 100, "完成投资": 20000, "学位": 350}


def test_the_figures_kept_from_a_later_return_keep_its_reporting_unit(cli, tmp_path):
    _plan(cli, tmp_path)
    unit = [[*row, "市住建局" if i else "填报单位"] for i, row in enumerate(V1)]
    again = [[*row, "市住建局" if i else "填报单位"] for i, row in enumerate(V2)]
    done(cli("import", "progress", str(write_table(tmp_path / "v1.csv", unit))))
    done(cli("import", "progress", str(write_table(tmp_path / "v2.csv", again))))
    done(cli("undo", "2"))
    kept = cli.sql("select i.name, r.reporting_unit, r.source, r.batch_id from report r join indicator i on i.id = r.indicator_id"
                   " where not exists (select 1 from report_retraction x where x.report_id = r.id) order by i.name")
    assert sorted(kept) == sorted([("保障房", "市住建局", "v2.csv", 3), ("完成投资", "市住建局", "v2.csv", 3),
                                   ("学位", "市住建局", "v2.csv", 3)])
