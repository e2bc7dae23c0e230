"""A revised plan never re-points reports to another task, and says what it changes under them (safe48a; safety48
F-04b, F-04, F-04d): a plan renumbered under tasks of one lead unit is refused (the old title of a reported task is
another code's title in the new plan, or its new title another code's in the store); an update names each reported
task's lead units and targets old → new; a unit rescaled under reports is refused with a way on."""

from .conftest import done, plan_task, plan_tasks, refused

SCHOOL, HOSPITAL, PARK = "建设甲学校", "改造乙医院", "新增丙公园"


def _plan(tmp_path, name: str, *tasks: tuple[str, str], lead: str = "区住建局", target: float = 100,
          unit: str = "%", milestones=()) -> str:
    """A plan of tasks (code, title), all led by `lead`, each with the one indicator 整体形象进度 (the name these plans
    use over and over)."""
    body = plan_tasks(*(plan_task(code, title, lead, "整体形象进度", unit, target, milestones=list(milestones))
                        for code, title in tasks))
    path = tmp_path / name
    path.write_text(f'format = 1\n[programme]\ncode = "d-2024"\nname = "测试"\nyear = 2024\n{body}', encoding="utf-8")
    return str(path)


def _reports(cli) -> list[tuple[str, str, float]]:
    """Every report that stands: (task code, task title, value), by code."""
    return [(code, title, float(value)) for code, title, value in cli.sql(
        "SELECT t.code, t.title, r.value FROM report AS r JOIN indicator AS i ON i.id = r.indicator_id"
        " JOIN task_line AS l ON l.id = i.line_id JOIN task AS t ON t.id = l.task_id"
        " WHERE NOT EXISTS (SELECT 1 FROM report_retraction AS x WHERE x.report_id = r.id) ORDER BY t.code, r.id")]


def _two_reported(cli, tmp_path, *tasks):
    done(cli("import", "plan", _plan(tmp_path, "v1.toml", *tasks)))
    done(cli("log", "d-2024/1", "30%", "--as-of", "2024-06-30", "--by", "甲校专班"))
    done(cli("log", "d-2024/2", "80%", "--as-of", "2024-06-30", "--by", "乙院专班"))
    return cli.sql("SELECT count(*) FROM batch")


# --- F-04b: renumbered under tasks of one lead unit ----------------------------------------------------------------

def test_a_task_inserted_at_one_under_the_same_lead_unit_moves_the_reports_with_their_tasks(cli, tmp_path):
    """Refused until fixplan57 (trial57 finding 3: no way through but undoing every return): the same title, lead units
    and indicators prove each reported task renumbered, and its reports follow it to its new code."""
    before = _two_reported(cli, tmp_path, ("1", SCHOOL), ("2", HOSPITAL))
    revised = _plan(tmp_path, "v2.toml", ("1", PARK), ("2", SCHOOL), ("3", HOSPITAL))
    dry = cli("import", "plan", revised, "--dry-run")
    done(dry)
    assert "task d-2024/1 → d-2024/2: 建设甲学校" in dry.stdout and "task d-2024/2 → d-2024/3: 改造乙医院" in dry.stdout
    assert "renamed:" not in dry.stdout
    assert cli.sql("SELECT count(*) FROM batch") == before
    done(cli("import", "plan", revised))
    assert _reports(cli) == [("2", SCHOOL, 30.0), ("3", HOSPITAL, 80.0)]
    assert cli.sql("SELECT code, title FROM task ORDER BY code") == [("1", PARK), ("2", SCHOOL), ("3", HOSPITAL)]
    done(cli("undo"))
    assert _reports(cli) == [("1", SCHOOL, 30.0), ("2", HOSPITAL, 80.0)]


def test_a_task_cancelled_and_the_rest_moved_up_under_the_same_lead_unit_is_cancelled_with_its_reports(cli, tmp_path):
    """Code 1's old title is in the new plan nowhere (cancelled) and reports stand on it: the task renumbered into its
    code takes it with its own reports, and the cancelled one is kept, marked, off that code, its reports on it
    (cancel57: this was refused, the way on being to keep it under a code of its own)."""
    before = _two_reported(cli, tmp_path, ("1", SCHOOL), ("2", HOSPITAL), ("3", PARK))
    result = cli("import", "plan", _plan(tmp_path, "w2.toml", ("1", HOSPITAL), ("2", PARK)))
    done(result)
    assert "task d-2024/1 cancelled (已取消): 建设甲学校: its 1 report kept" in result.output, result.output
    batch = before[0][0] + 1
    assert _reports(cli) == [("1", HOSPITAL, 80.0), (f"1~{batch}", SCHOOL, 30.0)]
    assert cli.sql("SELECT code, cancelled_by FROM task ORDER BY code") == [("1", None), (f"1~{batch}", batch), ("2", None)]


def test_a_reported_task_renamed_alone_or_two_tasks_sharing_a_title_stay_updates(cli, tmp_path):
    _two_reported(cli, tmp_path, ("1", SCHOOL), ("2", SCHOOL))  # one title for two tasks: nothing moves between them
    done(cli("import", "plan", _plan(tmp_path, "v2.toml", ("1", "建设甲学校（一期）"), ("2", SCHOOL))))
    done(cli("import", "plan", _plan(tmp_path, "v3.toml", ("1", "建设甲学校（一期）"), ("2", "建设甲学校（二期）"))))
    assert _reports(cli) == [("1", "建设甲学校（一期）", 30.0), ("2", "建设甲学校（二期）", 80.0)]


# --- F-04: an update names what it changes under reports -------------------------------------------------------------

def test_an_update_names_the_lead_units_and_targets_it_changes_under_reports(cli, tmp_path):
    _two_reported(cli, tmp_path, ("1", SCHOOL), ("2", HOSPITAL))
    tasks = plan_tasks(plan_task("1", SCHOOL, "区教育局", "整体形象进度", "%", 100),
                       plan_task("2", HOSPITAL, "区住建局", "整体形象进度", "%", 90, milestones=[("2024-06-30", 60)]))
    revised = tmp_path / "v2.toml"
    revised.write_text(f'format = 1\n[programme]\ncode = "d-2024"\nname = "测试"\nyear = 2024\n{tasks}', encoding="utf-8")
    expected = ["task d-2024/1: unit 区住建局 → 区教育局, its lead unit: its 1 report now counts for 区教育局 (`units`)",
                "task d-2024/2: indicator 整体形象进度 (1 report): target 100% → 90%",
                "task d-2024/2: indicator 整体形象进度 (1 report): milestones — → 2024-06-30 60%"]
    dry = cli("import", "plan", str(revised), "--dry-run")
    done(dry)
    assert all(line in dry.stdout for line in expected), dry.stdout
    assert dry.stdout.count("区住建局 → 区教育局") == 1, dry.stdout  # said once, as the lead unit's move
    real = cli("import", "plan", str(revised))
    done(real)
    assert all(line in real.stdout for line in expected), real.stdout
    assert cli.sql("SELECT u.name FROM line_unit AS x JOIN unit AS u ON u.id = x.unit_id WHERE x.role = 'lead'"
                   " ORDER BY x.line_id") == [("区教育局",), ("区住建局",)]


def test_an_unreported_tasks_target_change_is_not_listed(cli, tmp_path):
    done(cli("import", "plan", _plan(tmp_path, "v1.toml", ("1", SCHOOL))))
    result = cli("import", "plan", _plan(tmp_path, "v2.toml", ("1", SCHOOL), target=90))
    done(result)
    assert "0 tasks added, 1 updated" in result.stdout and "target" not in result.stdout, result.stdout


# --- F-04d: a unit rescaled under reports ------------------------------------------------------------------------------

def test_a_unit_rescaled_under_reports_is_refused_with_the_way_on(cli, tmp_path):
    done(cli("import", "plan", _plan(tmp_path, "p.toml", ("1", "服务群众"), unit="万人", target=2.5)))
    done(cli("log", "d-2024/1", "14000人", "--as-of", "2024-06-30"))
    stderr = refused(cli("import", "plan", _plan(tmp_path, "p2.toml", ("1", "服务群众"), unit="人", target=25000)),
                     "unit '万人' → '人', and it has 1 report", "1 万人 is 10000 人",
                     "keep unit = '万人' (target = 2.5)", "or undo those reports, import, and log them again in 人")
    assert "nothing was written" in stderr
    assert cli.sql("SELECT unit FROM indicator") == [("万人",)]


def test_another_unit_change_under_reports_says_the_way_on(cli, tmp_path):
    done(cli("import", "plan", _plan(tmp_path, "p.toml", ("1", "道路"), unit="条", target=5)))
    done(cli("log", "d-2024/1", "2", "--as-of", "2024-06-30"))
    stderr = refused(cli("import", "plan", _plan(tmp_path, "p2.toml", ("1", "道路"), unit="公里", target=5)),
                     "unit '条' → '公里', and it has 1 report", "keep unit = '条'",
                     "or undo those reports, import, and log them again in 公里")
    assert "10000" not in stderr


def test_an_update_names_a_reported_text_only_lines_checkpoint_dates(cli, tmp_path):
    def plan(name: str, second: str) -> str:
        path = tmp_path / name
        path.write_text('format = 1\n[programme]\ncode = "d-2024"\nname = "测试"\nyear = 2024\n[[tasks]]\ncode = "1"\n'
                        f'title = "{SCHOOL}"\n[[tasks.lines]]\nlead_units = ["区住建局"]\ncheckpoints = [\n'
                        '  { due = "2024-03-31", text = "完成设计" },\n'
                        f'  {{ due = "{second}", text = "主体完工" }},\n]\n', encoding="utf-8")
        return str(path)

    done(cli("import", "plan", plan("v1.toml", "2024-09-30")))
    done(cli("log", "d-2024/1", "--done", "--as-of", "2024-03-31"))
    result = cli("import", "plan", plan("v2.toml", "2024-12-31"))
    done(result)
    assert ("task d-2024/1: 进度安排 of 区住建局 (1 report): checkpoints 2024-03-31, 2024-09-30 → 2024-03-31, 2024-12-31"
            in result.stdout), result.stdout


def test_a_lead_unit_added_to_a_reported_task_is_named_with_its_reports(cli, tmp_path):
    _two_reported(cli, tmp_path, ("1", SCHOOL), ("2", HOSPITAL))
    school = plan_task("1", SCHOOL, "区住建局", "整体形象进度", "%", 100)
    school["lines"][0]["lead_units"].append("区卫健局")
    tasks = plan_tasks(school, plan_task("2", HOSPITAL, "区住建局", "整体形象进度", "%", 100))
    revised = tmp_path / "v2.toml"
    revised.write_text(f'format = 1\n[programme]\ncode = "d-2024"\nname = "测试"\nyear = 2024\n{tasks}', encoding="utf-8")
    result = cli("import", "plan", str(revised))
    done(result)
    assert ("task d-2024/1: lead units 区住建局 → 区住建局、区卫健局: its 1 report now counts for 区住建局、区卫健局 (`units`)"
            in result.stdout), result.stdout
    assert "d-2024/2" not in result.stdout
