"""leftover63: the twenty-second session's leftovers. A unit whose only task a revision cancelled gets `lights --unit`
and `report notice --unit` saying it cancelled, as `report weekly --unit` does (one rule: reports/make.report_unit)."""

import json
from datetime import date, datetime

from .conftest import done, refused
from .test_plans59 import _cancelled


def test_lights_for_a_unit_whose_only_task_was_cancelled_says_it_cancelled(cli, tmp_path):
    _cancelled(cli, tmp_path)  # 4 (口袋公园, 市城管局's only task) cancelled
    today = date.today().isoformat()
    result = cli("lights", "-p", "city-2026", "--unit", "市城管局", "--as-of", today, "-f", "json")
    done(result)  # was refused: "市城管局 has no task in city-2026"
    assert json.loads(result.stdout) == [], result.stdout  # no standing task on the board
    shown = cli("--lang", "zh", "lights", "-p", "city-2026", "--unit", "市城管局", "--as-of", today, "-f", "md")
    done(shown)
    assert "建设口袋公园20个" in shown.stdout and "已取消" in shown.stdout, shown.stdout
    assert "充电桩" not in shown.stdout, shown.stdout  # 市发改委's task, not its
    refused(cli("lights", "-p", "city-2026", "--unit", "市无此局"), "no such unit")


def test_a_notice_to_a_unit_whose_only_task_was_cancelled_says_it_cancelled(cli, tmp_path):
    batch = _cancelled(cli, tmp_path)
    result = cli("--lang", "zh", "report", "notice", "-p", "city-2026", "--unit", "市城管局",
                 "--as-of", date.today().isoformat(), "-f", "md")
    done(result)  # was refused: "市城管局 has no task in city-2026"
    assert f"已取消：4~{batch} 建设口袋公园20个" in result.stdout, result.stdout
    assert "你单位牵头的某市2026年民生实事任务" in result.stdout, result.stdout  # its programme named, not "—"
    helper = cli("report", "notice", "-p", "city-2026", "--unit", "市住建局", "-f", "md")  # leads 3: its own notice
    done(helper)
    assert "口袋公园" not in helper.stdout, helper.stdout
    refused(cli("report", "notice", "-p", "city-2026", "--unit", "市无此局", "-f", "md"), "no such unit")



# --- one rounding rule for a row's figures (domain.quantities) ------------------------------------------------------

def _figures_plan(tmp_path):
    from .test_fixplan57 import _plan, _task

    noisy = ("面积", "831.6000000000001", [("2026-12-31", "831.6000000000001")])  # as an xlsx formula stores it
    fine = ("座位", 1000, [("2026-06-30", "150.55"), ("2026-12-31", 1000)])  # a checkpoint finer than its target
    return _plan(tmp_path, "figures.toml", _task("1", "改造场馆", "市文旅局", noisy, fine))


def test_a_stored_figure_with_float_noise_reads_as_written_and_a_finer_checkpoint_is_not_rounded(cli, tmp_path):
    done(cli("import", "plan", str(_figures_plan(tmp_path))))
    done(cli("log", "city-2026/1", "100", "-i", "面积", "--as-of", "2026-07-01"))
    done(cli("log", "city-2026/1", "100", "-i", "座位", "--as-of", "2026-07-01"))
    table = cli("status", "-p", "city-2026", "--as-of", "2026-12-31", env={"COLUMNS": "200"})
    done(table)
    line = next(line for line in table.stdout.splitlines() if "面积" in line)
    assert line.count("831.6个") == 2 and "0000000" not in line, line
    july = cli("status", "-p", "city-2026", "--as-of", "2026-07-01", env={"COLUMNS": "200"})
    done(july)
    line = next(line for line in july.stdout.splitlines() if "座位" in line)
    assert "150.55个" in line and "151个" not in line, line  # the step rule asks the checkpoint's own figure
    weekly = cli("report", "weekly", "-p", "city-2026", "--as-of", "2026-07-01", "-f", "md")
    done(weekly)
    assert "| 150.55个 | 100个 | −50.55个 |" in weekly.stdout and "0000000" not in weekly.stdout, weekly.stdout


def test_report_diff_says_an_expected_as_the_report_printed_it(cli, tmp_path):
    from .test_fixplan57 import _plan, _task

    def plan(target: int):  # in 平方米, worked out with decimals (a count, 个, is rounded up to whole ones)
        task = _task("1", "建设场馆", "市文旅局", ("面积", target, [("2026-12-31", target)]))
        return _plan(tmp_path, f"p{target}.toml", task.replace('unit = "个"', 'unit = "平方米"'))

    done(cli("import", "plan", str(plan(1000))))
    done(cli("log", "city-2026/1", "100", "--as-of", "2026-07-01"))
    asked = ("report", "weekly", "-p", "city-2026", "--as-of", "2026-07-01", "--rule", "pro-rata")
    done(cli(*asked, "-f", "json", "--freeze"))
    frozen = json.loads(cli("report", "frozen", "1", "-f", "json").stdout)
    assert frozen["behind"][0]["expected"] == 497.25, frozen["behind"]  # kept as worked out, printed 497平方米
    done(cli("import", "plan", str(plan(2000))))
    diff = cli("report", "diff", "1")
    assert diff.exit_code == 1 and "11 changes" in diff.stdout, diff.output  # exit 1: changed since it was sent
    assert "Expected 497平方米 → 995平方米" in diff.stdout, diff.stdout  # was 497.25 → 994.5, unrounded
    assert "Gap \u2212397平方米 → \u2212895平方米" in diff.stdout, diff.stdout  # as the weekly report rounds and signs it (leftover64)


# --- a return: 计划 merged over 任务编号 ------------------------------------------------------------------------------

def test_a_programme_cell_merged_over_the_task_column_is_no_task_number(demo_cli, tmp_path):
    """计划 'shenzhen-2023' merged A3:B3 over 任务编号: the copy under 任务编号 was read as task 'shenzhen-2023' and the row
    refused; it names the programme only, the row matched by its 工作任务 (task 5), as row 4 is by its number."""
    from openpyxl import load_workbook

    from .test_fixprog55 import imported, reports, template, values
    from .test_returns59 import filled_from

    path = filled_from(template(demo_cli, tmp_path), tmp_path, {"K3": datetime(2023, 6, 30), "L3": 130000,
                                                                "K4": datetime(2023, 6, 30), "L4": 45000})
    book = load_workbook(path)
    assert [cell.value for cell in book.active[2]][:3] == ["计划", "任务编号", "工作任务"]
    book.active.merge_cells("A3:B3")
    book.save(path)
    before = reports(demo_cli)
    result, said = imported(demo_cli, path)
    done(result)
    assert said["inserted"] == 2 and said["errors"] == [], said
    assert reports(demo_cli) == before + 2
    assert ("2023-06-30", 130000) in values(demo_cli, "shenzhen-2023/5", "建设筹集保障性住房")


# --- a cancellation told by its template, not by words it shares --------------------------------------------------

def test_a_units_plan_changes_tell_a_cancellation_by_its_template():
    from mstrack.errors import Message
    from mstrack.reports.revisions import unit_changes
    from mstrack.store.plan_changes import cancelled_change, kept_cancelled, restored_change, says_cancelled

    assert says_cancelled(cancelled_change("x-2026/4", "建设口袋公园20个", 1))
    assert says_cancelled(kept_cancelled("x-2026/4", "建设口袋公园20个"))
    assert not says_cancelled(restored_change("x-2026/4", "建设口袋公园20个", 5))
    # a change of the unit's own task whose words hold "cancelled (已取消)": its task's, kept (was read as a cancellation
    # of a task not in its report, and dropped)
    moved = Message("  {n} {n:report|reports} onto {ref} ({title}), cancelled (已取消) by batch {by}", n=1, ref="x-2026/3",
                    title="改造老旧小区50个", by=5)
    mine = unit_changes({"x-2026/3"}, [], "市住建局", says_cancelled)
    assert mine(moved) and not mine(cancelled_change("x-2026/4", "建设口袋公园20个", 1))


# --- a renumbered task's plan history is its own ---------------------------------------------------------------------

def test_the_task_that_took_a_cancelled_tasks_code_shows_its_own_plan_history(cli, tmp_path):
    """5 (充电桩) has its target raised, 4 (口袋公园) its title changed; then a revision cancels 4 and moves 5 up to 4.
    `show city-2026/4` is 充电桩's: its raise (under 5), its move; not 口袋公园's rename nor its cancellation, which
    `show city-2026/4~N` says."""
    from .test_fixplan57 import _five, _plan

    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", *_five()))))
    first = _five()
    first[1] = first[1].replace("建设口袋公园20个", "建设口袋公园二十个")
    first[2] = first[2].replace("target = 1000", "target = 1200")
    done(cli("import", "plan", str(_plan(tmp_path, "rev1.toml", *first))))
    for code, name, value in (("3", "小区", "20"), ("4", "公园", "8"), ("5", "充电桩", "400")):  # 4 cancelled, not removed
        done(cli("log", f"city-2026/{code}", value, "-i", name, "--as-of", "2026-06-30"))
    done(cli("import", "plan", str(_plan(tmp_path, "rev2.toml", *[t.replace("target = 1000", "target = 1200")
                                                                     for t in _five(drop_parks=True)]))))
    batch = json.loads(cli("batches", "-f", "json").stdout)[0]["id"]
    shown = cli("show", "city-2026/4", "-f", "json")
    done(shown)
    said = [row["change"] for row in json.loads(shown.stdout)["plan_changes"]]
    assert said == ["task city-2026/5: indicator 充电桩: target 1000个 → 1200个",
                    "task city-2026/5: indicator 充电桩: milestones 2026-12-31 1000个 → 2026-12-31 1200个",
                    "task city-2026/5 → city-2026/4: 建设充电桩1000个 (the same title, lead units and indicators)"], said
    gone = [row["change"] for row in json.loads(cli("show", f"city-2026/4~{batch}", "-f", "json").stdout)["plan_changes"]]
    assert any("cancelled (已取消)" in change for change in gone) and not any("充电桩" in change for change in gone), gone


# --- reports undone on a cancelled task, brought back after the task --------------------------------------------------

def _parks(cli) -> list:
    """口袋公园's reports that stand, and whether its task is cancelled."""
    from .test_fixprog55 import values

    return [(cli.sql("select cancelled_by from task where title = '建设口袋公园20个'")[0][0],
             values(cli, "city-2026/4", "公园"))]


def test_reports_undone_on_a_cancelled_task_come_back_once_the_task_is_back(cli, tmp_path):
    """4 (口袋公园, 1 report) cancelled by batch 5, its report undone (batch 6), the task brought back by a plan that has
    it again (batch 7): undoing batch 6 brings the report back. It was refused: the plans kept while it was cancelled
    lack it, so "cannot be followed back"."""
    from .test_cancel57 import _logged
    from .test_fixplan57 import _five, _plan

    _logged(cli, tmp_path)
    five = _five()
    done(cli("import", "plan", str(_plan(tmp_path, "rev2.toml", five[0], five[2]))))  # batch 5 cancels 4
    done(cli("undo", "3"))  # batch 6: its report taken back
    assert _parks(cli) == [(5, [])]
    done(cli("import", "plan", str(_plan(tmp_path, "rev3.toml", *five))))  # batch 7: 4 brought back
    result = cli("undo", "6")
    done(result)
    assert "1 restored" in result.output, result.output
    assert _parks(cli) == [(None, [("2026-06-30", 8)])]


def test_reports_undone_on_a_cancelled_task_come_back_after_an_undo_of_the_cancelling(cli, tmp_path):
    from .test_cancel57 import _logged
    from .test_fixplan57 import _five, _plan

    _logged(cli, tmp_path)
    five = _five()
    done(cli("import", "plan", str(_plan(tmp_path, "rev2.toml", five[0], five[2]))))
    done(cli("undo", "3"))
    done(cli("undo", "5"))  # batch 7: the plan before batch 5 put back, 4 with it
    done(cli("undo", "6"))
    assert _parks(cli) == [(None, [("2026-06-30", 8)])]
