"""A re-imported plan never moves reported progress (safe46b; safety46 F1, F7, F5): a task whose title and lead units
all changed under its code is another task, not a rename; a plan whose year moved past its reports is refused; a
plan's own report never silently beats an office's later correction."""

from pathlib import Path

from .conftest import done, plan_task, plan_tasks, refused, write_plan


def _plan(tmp_path, name: str, *tasks: tuple[str, str, str], code: str = "r-2024", year: int = 2024):
    """A plan of tasks (code, title, lead unit), each with one indicator 完成投资 万元."""
    body = plan_tasks(*(plan_task(c, title, lead, "完成投资", "万元", 1000, milestones=[(f"{year}-12-31", 1000)])
                        for c, title, lead in tasks))
    path = tmp_path / name
    path.write_text(f'format = 1\n[programme]\ncode = "{code}"\nname = "测试"\nyear = {year}\n{body}', encoding="utf-8")
    return str(path)


def _reports(cli) -> list[tuple[str, str, str, float]]:
    """Every report that stands: (task code, task title, lead unit, value), by code."""
    return [(code, title, lead, float(value)) for code, title, lead, value in cli.sql(
        "SELECT t.code, t.title, u.name, r.value FROM report AS r JOIN indicator AS i ON i.id = r.indicator_id"
        " JOIN task_line AS l ON l.id = i.line_id JOIN task AS t ON t.id = l.task_id"
        " JOIN line_unit AS lu ON lu.line_id = l.id AND lu.role = 'lead' JOIN unit AS u ON u.id = lu.unit_id"
        " WHERE NOT EXISTS (SELECT 1 FROM report_retraction AS x WHERE x.report_id = r.id) ORDER BY t.code, r.id")]


PARK, ROAD, LIBRARY, HOSPITAL = ("新建公园", "市城管局"), ("改造道路", "市交通局"), ("新建图书馆", "市文旅局"), ("新建医院", "市卫健委")


def test_a_plan_renumbered_under_reported_tasks_moves_the_reports_with_them(cli, tmp_path):
    """Refused until fixplan57 (trial57 finding 3): each reported task has the same title, lead units and indicators
    under its new code, which proves it renumbered; its reports follow it, said, and an undo moves them back."""
    done(cli("import", "plan", _plan(tmp_path, "v1.toml", ("1", *PARK), ("2", *ROAD))))
    done(cli("log", "r-2024/1", "500", "--as-of", "2024-06-30"))
    done(cli("log", "r-2024/2", "200", "--as-of", "2024-06-30"))
    result = cli("import", "plan", _plan(tmp_path, "v2.toml", ("1", *LIBRARY), ("2", *PARK), ("3", *ROAD)))
    done(result)
    assert "task r-2024/1 → r-2024/2: 新建公园" in result.stdout and "task r-2024/2 → r-2024/3: 改造道路" in result.stdout
    assert _reports(cli) == [("2", *PARK, 500.0), ("3", *ROAD, 200.0)]
    done(cli("undo"))
    assert _reports(cli) == [("1", *PARK, 500.0), ("2", *ROAD, 200.0)]
    assert cli.sql("SELECT code, title FROM task ORDER BY code") == [("1", "新建公园"), ("2", "改造道路")]


def test_a_plan_renumbered_and_retitled_under_reported_tasks_is_refused_and_the_reports_stay(cli, tmp_path):
    """What no import can prove (the park renamed as it moved): refused as before, nothing moves."""
    done(cli("import", "plan", _plan(tmp_path, "v1.toml", ("1", *PARK), ("2", *ROAD))))
    done(cli("log", "r-2024/1", "500", "--as-of", "2024-06-30"))
    done(cli("log", "r-2024/2", "200", "--as-of", "2024-06-30"))
    before = cli.sql("SELECT count(*) FROM batch")
    result = cli("import", "plan", _plan(tmp_path, "v2.toml", ("1", *LIBRARY), ("2", "新建口袋公园", "市城管局"),
                                         ("3", "改造主干道路", "市交通局")))
    stderr = refused(result, "r-2024/1: 1 report stands on '新建公园' (市城管局)", "'新建图书馆' (市文旅局)",
                     "r-2024/2: 1 report stands on '改造道路' (市交通局)", "keep 1 for '新建公园'")
    assert "nothing was written" in stderr
    assert _reports(cli) == [("1", *PARK, 500.0), ("2", *ROAD, 200.0)]
    assert cli.sql("SELECT count(*) FROM batch") == before


def test_a_task_cancelled_and_the_next_moved_up_into_its_code_is_refused(cli, tmp_path):
    done(cli("import", "plan", _plan(tmp_path, "w1.toml", ("1", *PARK), ("2", *ROAD), ("3", *HOSPITAL))))
    done(cli("log", "r-2024/2", "300", "--as-of", "2024-06-30"))
    result = cli("import", "plan", _plan(tmp_path, "w2.toml", ("1", *PARK), ("2", *HOSPITAL)))
    refused(result, "r-2024/2: 1 report stands on '改造道路' (市交通局)", "'新建医院' (市卫健委)")
    assert _reports(cli) == [("2", *ROAD, 300.0)]
    assert cli.sql("SELECT count(*) FROM task") == [(3,)]


def test_a_title_alone_or_a_lead_unit_alone_changed_stays_an_update(cli, tmp_path):
    """What the refusal advises for one task truly renamed both ways: one import each, the reports staying."""
    done(cli("import", "plan", _plan(tmp_path, "v1.toml", ("1", *PARK))))
    done(cli("log", "r-2024/1", "500", "--as-of", "2024-06-30"))
    result = cli("import", "plan", _plan(tmp_path, "v2.toml", ("1", "新建市民公园", "市城管局")))
    done(result)
    assert "0 tasks added, 1 updated, 0 removed" in result.stdout
    done(cli("import", "plan", _plan(tmp_path, "v3.toml", ("1", "新建市民公园", "市城市管理和综合执法局"))))
    assert _reports(cli) == [("1", "新建市民公园", "市城市管理和综合执法局", 500.0)]


def test_an_unreported_task_may_still_change_whole_under_its_code(cli, tmp_path):
    done(cli("import", "plan", _plan(tmp_path, "v1.toml", ("1", *PARK), ("2", *ROAD))))
    done(cli("log", "r-2024/1", "500", "--as-of", "2024-06-30"))
    done(cli("import", "plan", _plan(tmp_path, "v2.toml", ("1", *PARK), ("2", *LIBRARY))))
    assert cli.sql("SELECT code, title FROM task ORDER BY code") == [("1", "新建公园"), ("2", "新建图书馆")]
    assert _reports(cli) == [("1", *PARK, 500.0)]


def test_an_undo_of_a_renumbering_keeps_later_reports_on_their_task(cli, tmp_path):
    """Renumbered while nothing was reported (taken by code), then logged: undoing the renumbering would have handed the
    park's new report to the road, which had code 2 before (refused until fixplan57); the park's title, lead unit and
    indicators prove it, and its report follows it back to code 1."""
    done(cli("import", "plan", _plan(tmp_path, "v1.toml", ("1", *PARK), ("2", *ROAD))))
    done(cli("import", "plan", _plan(tmp_path, "v2.toml", ("1", *LIBRARY), ("2", *PARK), ("3", *ROAD))))
    done(cli("log", "r-2024/2", "500", "--as-of", "2024-06-30"))
    undo = cli("undo", "2")
    done(undo)
    assert "task r-2024/2 → r-2024/1: 新建公园" in undo.stdout, undo.stdout
    assert _reports(cli) == [("1", *PARK, 500.0)]


def test_the_refusal_is_said_in_chinese(cli, tmp_path):
    done(cli("import", "plan", _plan(tmp_path, "v1.toml", ("1", *PARK))))
    done(cli("log", "r-2024/1", "500", "--as-of", "2024-06-30"))
    refused(cli("--lang", "zh", "import", "plan", _plan(tmp_path, "v2.toml", ("1", *LIBRARY), ("2", "新建口袋公园", "市城管局"))),
            "r-2024/1：'新建公园'（市城管局）有 1 条报送")


# --- F7: a plan whose year moves past its reports --------------------------------------------------------------------


def test_a_plan_moved_to_another_year_under_its_reports_is_refused(cli, tmp_path):
    """Last year's file and code reused for 2025: the 2024 report would count toward the 2025 targets."""
    done(cli("import", "plan", _plan(tmp_path, "a.toml", ("1", *PARK), code="y-plan", year=2024)))
    done(cli("log", "y-plan/1", "600", "--as-of", "2024-06-30"))
    done(cli("log", "y-plan/1", "700", "--as-of", "2024-09-30"))
    result = cli("import", "plan", _plan(tmp_path, "b.toml", ("1", *PARK), code="y-plan", year=2025))
    refused(result, "y-plan: the new plan's year is 2025 (from 2025-01-01)", "2 reports stand dated outside it",
            "2024-06-30, 2024-09-30", "a programme code of its own")
    assert cli.sql("SELECT year FROM programme") == [(2024,)]
    assert _reports(cli) == [("1", *PARK, 600.0), ("1", *PARK, 700.0)]


def test_a_start_moved_after_a_report_is_refused_and_one_before_every_report_is_taken(cli, tmp_path):
    done(cli("import", "plan", _plan(tmp_path, "a.toml", ("1", *PARK), year=2024)))
    done(cli("log", "r-2024/1", "600", "--as-of", "2024-06-30"))
    later = Path(_plan(tmp_path, "b.toml", ("1", *PARK), year=2024))
    text = later.read_text(encoding="utf-8").replace("year = 2024\n", 'year = 2024\nstart = "2024-07-01"\n')
    later.write_text(text, encoding="utf-8")
    refused(cli("import", "plan", str(later)), "1 report stands dated outside it", "2024-06-30")
    assert cli.sql("SELECT count(*) FROM batch") == [(2,)]
    text = text.replace('start = "2024-07-01"', 'start = "2024-03-01"')
    later.write_text(text, encoding="utf-8")
    done(cli("import", "plan", str(later)))
    assert _reports(cli) == [("1", *PARK, 600.0)]


# --- F5: a plan's own reports and an office's later correction --------------------------------------------------------


def _with_report(tmp_path, name: str, value: float, note: str) -> str:
    path = tmp_path / name
    write_plan(path, plan_tasks(plan_task("1", "新建学位", "市教育局", "新增学位", "个", 1000,
                                          reports=[("2023-06-30", value, note)])))
    return str(path)


def _standing(cli) -> list[tuple[float, str | None]]:
    return [(float(value), source) for value, source in cli.sql(
        "SELECT r.value, r.source FROM report AS r WHERE NOT EXISTS (SELECT 1 FROM report_retraction AS x"
        " WHERE x.report_id = r.id) ORDER BY r.id")]


def test_a_plans_revised_report_never_beats_an_offices_later_correction(cli, tmp_path):
    done(cli("import", "plan", _with_report(tmp_path, "a.toml", 400, "半年报")))
    done(cli("log", "x-2023/1", "420", "--as-of", "2023-06-30", "--by", "张三", "--reason", "核实后更正"))
    batches = cli.sql("SELECT count(*) FROM batch")
    refused(cli("import", "plan", _with_report(tmp_path, "b.toml", 450, "半年报修订")),
            "x-2023/1 新增学位 2023-06-30: the plan's report 450个 would supersede 420个", "张三", "核实后更正",
            "keep the plan's report of that day as it was (400个)", "--reason")
    assert cli.sql("SELECT count(*) FROM batch") == batches
    assert _standing(cli) == [(400.0, "plan"), (420.0, None)]


def test_a_plans_revised_report_over_its_own_is_written_and_said(cli, tmp_path):
    done(cli("import", "plan", _with_report(tmp_path, "a.toml", 400, "半年报")))
    result = cli("import", "plan", _with_report(tmp_path, "b.toml", 450, "半年报修订"))
    done(result)
    assert "1 report of the plan itself written, 1 correcting the value stored for its day" in result.stdout
    assert _standing(cli) == [(400.0, "plan"), (450.0, "plan")]


def test_export_plan_lists_one_value_a_day_after_a_plan_went_back(cli, tmp_path):
    import tomllib

    done(cli("import", "plan", _with_report(tmp_path, "a.toml", 400, "半年报")))
    done(cli("import", "plan", _with_report(tmp_path, "b.toml", 450, "半年报修订")))
    done(cli("import", "plan", _with_report(tmp_path, "a2.toml", 400, "半年报")))
    done(cli("export", "plan", "x-2023", "-o", str(tmp_path / "out.toml")))
    exported = tomllib.loads((tmp_path / "out.toml").read_text(encoding="utf-8"))
    reports = exported["tasks"][0]["lines"][0]["indicators"][0]["reports"]
    assert [(str(r["as_of"]), r["value"]) for r in reports] == [("2023-06-30", 400)]
    again = cli("import", "plan", str(tmp_path / "out.toml"))
    done(again)
    assert "unchanged" in again.stdout


def test_import_plan_dry_run_says_what_it_would_do_and_writes_nothing(cli, tmp_path):
    done(cli("import", "plan", _plan(tmp_path, "v1.toml", ("1", *PARK))))
    done(cli("log", "r-2024/1", "500", "--as-of", "2024-06-30"))
    batches = cli.sql("SELECT count(*) FROM batch")
    result = cli("import", "plan", "--dry-run", _plan(tmp_path, "v2.toml", ("1", *PARK), ("2", *ROAD)))
    done(result)
    assert "r-2024: 1 task added, 0 updated, 0 removed" in result.stdout
    assert "--dry-run: nothing was written" in result.stdout
    assert cli.sql("SELECT count(*) FROM batch") == batches
    assert cli.sql("SELECT code FROM task") == [("1",)]
    refused(cli("import", "plan", "--dry-run", _plan(tmp_path, "v3.toml", ("1", *LIBRARY), ("2", "新建口袋公园", "市城管局"))),
            "r-2024/1: 1 report stands on '新建公园'")


def test_a_plan_with_two_reports_of_one_date_is_refused(cli, tmp_path):
    """One value a day, as export plan writes it back: two would both be stored, and the plan never read back the same."""
    done(cli("import", "plan", _with_report(tmp_path, "a.toml", 400, "半年报")))
    path = tmp_path / "two.toml"
    write_plan(path, plan_tasks(plan_task("1", "新建学位", "市教育局", "新增学位", "个", 1000,
                                          reports=[("2023-06-30", 400, "半年报"), ("2023-06-30", 450, "修订")])))
    refused(cli("import", "plan", str(path)), "lines[0].indicators[0].reports[1].as_of",
            "a report of 2023-06-30 is given already")
    assert _standing(cli) == [(400.0, "plan")]
