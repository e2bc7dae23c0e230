"""Two coordinators revising one plan (safe48b; safety48 F-02, F-03): an exported plan records the plan it was exported
from, and `import plan` of it over a plan import made since is refused, naming that batch and what it would put back;
`export plan` says which of the programme's reports it does not write (an export is not a way to move a store)."""

from .conftest import done, plan_task, plan_tasks, refused, write_plan

TARGET = "target = 2000"


def _exported(cli, tmp_path, name: str):
    """The programme x-2023 exported to `name`."""
    path = tmp_path / name
    done(cli("export", "plan", "x-2023", "-o", str(path)))
    return path


def _edited(path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, text)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _plan(cli, tmp_path):
    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", plan_tasks(
        plan_task("1", "送教上门", "区残联", "送教上门人次", "人次", 2000),
        plan_task("2", "新建公园", "区城管局", "公园", "个", 3))))))


def _stored(cli) -> list[tuple]:
    return cli.sql("SELECT t.code, i.target, u.name FROM task AS t JOIN task_line AS l ON l.task_id = t.id"
                   " JOIN indicator AS i ON i.line_id = l.id JOIN line_unit AS lu ON lu.line_id = l.id AND lu.role = 'lead'"
                   " JOIN unit AS u ON u.id = lu.unit_id ORDER BY t.code")


def _b_after_a(cli, tmp_path):
    """Coordinators A and B export the plan; A raises task 1's target 2000 → 2500 and imports it (batch 2): B's export."""
    _plan(cli, tmp_path)
    a, b = _exported(cli, tmp_path, "a.toml"), _exported(cli, tmp_path, "b.toml")
    done(cli("import", "plan", str(_edited(a, TARGET, "target = 2500"))))
    return b


def test_a_plan_exported_before_a_later_import_is_refused_naming_it_and_what_it_would_put_back(cli, tmp_path):
    _plan(cli, tmp_path)
    a, b = _exported(cli, tmp_path, "a.toml"), _exported(cli, tmp_path, "b.toml")
    done(cli("import", "plan", str(_edited(a, TARGET, "target = 2500")), "--reason", "目标调整"))
    _edited(b, '"区城管局"', '"区住建局"')
    batches = cli.sql("SELECT count(*) FROM batch")
    for dry in ((), ("--dry-run",)):
        said = refused(cli("import", "plan", str(b), *dry), "b.toml: x-2023 was exported before batch 2 (import plan",
                       "a.toml) changed it", "x-2023/1 lines[1].indicators[送教上门人次].target 2500 → 2000",
                       "nothing was written", "--force")
        assert "区住建局" not in said  # the file's own change is not one it puts back
    assert cli.sql("SELECT count(*) FROM batch") == batches
    assert _stored(cli) == [("1", 2500, "区残联"), ("2", 3, "区城管局")]
    done(cli("import", "plan", str(b), "--force"))  # the way on: said and kept with the batch
    assert _stored(cli) == [("1", 2000, "区残联"), ("2", 3, "区住建局")]
    (reason,) = cli.sql("SELECT reason FROM batch ORDER BY id DESC LIMIT 1")[0]
    assert "--force over x-2023 as changed by batch 2" in reason


def test_a_plan_exported_after_every_import_or_keeping_what_they_changed_goes_in(cli, tmp_path):
    b = _b_after_a(cli, tmp_path)
    _edited(_edited(b, TARGET, "target = 2500"), '"区城管局"', '"区住建局"')  # B took A's change in: nothing put back
    done(cli("import", "plan", str(b)))
    c = _exported(cli, tmp_path, "c.toml")  # exported after both: as before
    done(cli("import", "plan", str(_edited(c, "target = 3", "target = 4"))))
    assert _stored(cli) == [("1", 2500, "区残联"), ("2", 4, "区住建局")]


def test_a_plan_with_no_record_is_imported_as_before(cli, tmp_path):
    _plan(cli, tmp_path)
    done(cli("import", "plan", str(_edited(_exported(cli, tmp_path, "a.toml"), TARGET, "target = 2500"))))
    hand = write_plan(tmp_path / "hand.toml", plan_tasks(plan_task("1", "送教上门", "区残联", "送教上门人次", "人次", 2000),
                                                          plan_task("2", "新建公园", "区城管局", "公园", "个", 3)))
    done(cli("import", "plan", str(hand)))
    assert _stored(cli) == [("1", 2000, "区残联"), ("2", 3, "区城管局")]


def test_an_undone_import_no_longer_stands_in_the_way(cli, tmp_path):
    b = _b_after_a(cli, tmp_path)
    done(cli("undo", "2"))
    done(cli("import", "plan", str(_edited(b, '"区城管局"', '"区住建局"'))))
    assert _stored(cli) == [("1", 2000, "区残联"), ("2", 3, "区住建局")]


def test_the_refusal_in_chinese(cli, tmp_path):
    b = _b_after_a(cli, tmp_path)
    refused(cli("--lang", "zh", "import", "plan", str(_edited(b, '"区城管局"', '"区住建局"'))), "修改它之前导出的", "没有写入任何数据")


def test_export_plan_says_the_reports_it_does_not_write(cli, tmp_path):
    _plan(cli, tmp_path)
    quiet = cli("export", "plan", "x-2023", "-o", str(tmp_path / "before.toml"))
    assert "not in a plan file" not in quiet.stderr
    done(cli("log", "x-2023/1", "1500", "--as-of", "2023-09-30"))
    done(cli("log", "x-2023/2", "1", "--as-of", "2023-09-30"))
    said = cli("export", "plan", "x-2023", "-o", str(tmp_path / "after.toml"))
    done(said)
    assert ("x-2023: 2 reports entered by offices (log / import progress) are not in a plan file: to move a store use"
            " `mstrack db copy` or `db backup`") in said.stderr
    assert "1500" not in (tmp_path / "after.toml").read_text(encoding="utf-8")


def test_a_plan_exported_from_another_store_is_imported_as_before(cli, tmp_path):
    from .conftest import Cli

    _plan(cli, tmp_path)
    other = Cli(tmp_path / "other.db")
    done(other("import", "plan", str(tmp_path / "x.toml")))
    done(other("import", "plan", str(_edited(_exported(other, tmp_path, "o.toml"), TARGET, "target = 2500"))))
    moved = _edited(_exported(other, tmp_path, "moved.toml"), '"区城管局"', '"区住建局"')  # a plan this store never held
    done(cli("import", "plan", str(_edited(_exported(cli, tmp_path, "a.toml"), "target = 3", "target = 4"))))
    done(cli("import", "plan", str(moved)))
    assert _stored(cli) == [("1", 2500, "区残联"), ("2", 3, "区住建局")]


def test_a_forced_import_keeps_its_own_reason_too(cli, tmp_path):
    b = _b_after_a(cli, tmp_path)
    done(cli("import", "plan", str(_edited(b, '"区城管局"', '"区住建局"')), "--force", "--reason", "牵头单位调整"))
    (reason,) = cli.sql("SELECT reason FROM batch ORDER BY id DESC LIMIT 1")[0]
    assert reason.startswith("牵头单位调整; --force over x-2023 as changed by batch 2"), reason


def test_the_record_is_read_from_the_leading_comments_only():
    from mstrack.sources.plan_dump import exported_from

    line = "# exported from x-2023 as plan 0123456789abcdef: keep this line"
    assert exported_from(f"{line}\nformat = 1\n") == ("x-2023", "0123456789abcdef")
    assert exported_from(f"\n# reviewed by 张三\n{line}\nformat = 1\n") == ("x-2023", "0123456789abcdef")
    assert exported_from(f"format = 1\n{line}\n") is None  # a comment among the keys is someone's note
    assert exported_from("# exported from x-2023 as plan 0123\nformat = 1\n") is None


def test_a_task_added_since_is_named_first_five_values_then_a_count(cli, tmp_path):
    _plan(cli, tmp_path)
    a, b = _exported(cli, tmp_path, "a.toml"), _exported(cli, tmp_path, "b.toml")
    added = plan_tasks(plan_task("3", "新建图书馆", "区文旅局", "图书馆", "个", 1, deadline="2023-12-31"))
    a.write_text(a.read_text(encoding="utf-8") + "\n" + added, encoding="utf-8")
    done(cli("import", "plan", str(a)))
    said = refused(cli("import", "plan", str(_edited(b, '"区城管局"', '"区住建局"'))),
                   "x-2023/3 code 3 → —", "x-2023/3 title 新建图书馆 → —", "  … and 3 more", "nothing was written")
    assert said.count(" → —") == 5
