"""Undone reports an undo deletes are said (safe41e): an undo of a plan import writes the plan as the import's write
does, and the undone reports it deletes with the lines it drops are counted in its summary and named, as an undo, by
the refusal of a later undo of their undo. The count is of reports an undo could still bring back (retracted by an
undo not undone since), each once. A line that cannot be followed back through the plans since is refused."""

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from .conftest import refused
from .test_safe41b import HEAD, _bare, _lines, _num, _ok, _plan


def _set_plan_before(url: str, batch: int, plan: str) -> None:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE batch SET plan_before = :plan WHERE id = :batch"), {"plan": plan, "batch": batch})
    finally:
        engine.dispose()


def test_an_undo_of_a_plan_import_says_the_undone_reports_it_deletes(cli, tmp_path):
    """It said "0 reports retracted, 0 restored, t39 put back as it was" and nothing of the deleted report; the later
    refusal said "a plan re-imported since", though batch 5 was an undo."""
    _ok(cli("import", "plan", _plan(tmp_path, "u1.toml", _bare("甲局"))))
    _ok(cli("import", "plan", _plan(tmp_path, "u2.toml", _bare("甲局"), _num("乙局", "修建道路", "公里"))))
    _ok(cli("log", "t39/2", "5", "--indicator", "修建道路", "--as-of", "2026-05-30", "--by", "乙局李四"))
    _ok(cli("undo", "3"))
    result = cli("undo", "2")
    _ok(result)
    assert "batch 5 undoes batch 2" in result.stdout
    assert "1 undone report of dropped lines or indicators deleted: an undo can no longer bring it back" in result.stdout
    assert cli.sql("SELECT batch_id, undo_batch_id, reports FROM undone_deleted") == [(5, 4, 1)]
    assert _lines(cli) == [("甲局", 0)]
    refused(cli("undo", "4"), "undoing batch 4 would bring back 1 report that a later plan import or undo deleted",
            "1 by batch 5 (undo by", "log it anew")


def test_an_undo_deleting_no_undone_report_says_nothing_of_them(cli, tmp_path):
    _ok(cli("import", "plan", _plan(tmp_path, "u1.toml", _bare("甲局"))))
    _ok(cli("import", "plan", _plan(tmp_path, "u2.toml", _bare("甲局"), _num("乙局", "修建道路", "公里"))))
    result = cli("undo", "2")
    _ok(result)
    assert "deleted" not in result.stdout
    assert cli.sql("SELECT count(*) FROM undone_deleted") == [(0,)]


def test_the_count_is_of_reports_an_undo_could_bring_back_each_once(cli, tmp_path):
    """log (2); undo 2 (3); undo 3 (4); undo 4 (5): one report stands undone (by 5); the first copy's retraction is
    by 3, undone by 4. It said "2 undone reports … deleted" and recorded batch 3 as well."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _bare("甲局"), _num("乙局", "修建道路", "公里"))))
    _ok(cli("log", "t39/2", "5", "--indicator", "修建道路", "--as-of", "2026-05-30", "--by", "乙局李四"))
    for batch in (2, 3, 4):
        _ok(cli("undo", str(batch)))
    result = cli("import", "plan", _plan(tmp_path, "p2.toml", _bare("甲局")))
    _ok(result)
    assert "1 undone report of dropped lines or indicators deleted: an undo can no longer bring it back" in result.stdout
    assert cli.sql("SELECT batch_id, undo_batch_id, reports FROM undone_deleted") == [(6, 5, 1)]
    assert cli.sql("SELECT count(*) FROM report") == [(0,)]
    refused(cli("undo", "5"), "undoing batch 5 would bring back 1 report", "1 by batch 6 (import plan")


def test_a_line_that_cannot_be_followed_back_is_refused(cli, tmp_path):
    """A step of the chain that pairs no line of the plan before with the reports' line (here the plan a later import
    kept, made to hold no task 2): the reports came back unchecked, exit 0."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _bare("甲局"), _num("乙局", "修建道路", "公里"))))
    _ok(cli("log", "t39/2", "5", "--indicator", "修建道路", "--as-of", "2026-05-30", "--by", "乙局李四"))
    _ok(cli("undo", "2"))
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _bare("甲局"), _num("乙局", "修建道路", "公里"),
                                    _bare("丙局"))))
    kept = cli.sql("SELECT plan_before FROM batch WHERE id = 4")[0][0]
    assert 'code = "2"' in kept
    _set_plan_before(cli.url, 4, kept.replace('code = "2"', 'code = "9"'))
    refused(cli("undo", "3"), "undoing batch 3 would bring back reports onto lines", "t39/2 line 2 (乙局)",
            "batch 4 (import plan")
    assert _lines(cli) == [("甲局", 0), ("乙局", 0), ("丙局", 0)]


def test_a_kept_plan_is_read_for_the_reports_tasks_alone_and_reads_the_same(tmp_path):
    """_plans_since read every kept plan whole (a province plan re-imported weekly: 52 whole parses an undo of an
    undo); only the tasks the reports are on are read now, each as the whole plan reads it."""
    import tomllib

    from mstrack.sources.plan import load_plan, plan_from_dict
    from mstrack.sources.plan_dump import dump_plan
    from mstrack.store.writes import tasks_of

    tricky = 'code = \\"9\\"\\n[[tasks]]\\ncode = \\"2\\"'  # a title holding what a task's section starts with
    text = (HEAD.replace('title = "完成方案编制"', f'title = "{tricky}"') + _bare("甲局")
            + HEAD.split("[[tasks]]")[1].replace('code = "2"', 'code = "3"').join(["[[tasks]]", ""]) + _bare("乙局")
            + HEAD.split("[[tasks]]")[1].replace('code = "2"', 'code = "5"').join(["[[tasks]]", ""])
            + _num("丙局", "修建道路", "公里"))
    plan = load_plan(_plan_file(tmp_path, text))
    kept = dump_plan(plan)
    whole = {task.code: task for task in plan_from_dict(tomllib.loads(kept), "kept", kept=True).tasks}
    assert list(whole) == ["2", "3", "5"] and "\n[[tasks]]\n" in whole["2"].title
    part = plan_from_dict(tomllib.loads(tasks_of(kept, {"2", "5"})), "kept", kept=True)
    assert [task.code for task in part.tasks] == ["2", "5"]
    assert part.tasks[0] == whole["2"] and part.tasks[1] == whole["5"]
    assert tasks_of(kept.replace('code = "3"', "code = 3"), {"2"}) == kept.replace('code = "3"', "code = 3")


def _plan_file(tmp_path, text: str):
    path = tmp_path / "many.toml"
    path.write_text(text, encoding="utf-8")
    return path
