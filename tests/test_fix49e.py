"""Importing the plan (fix49e, from newcomer49 N1, N8, N9 and safety49 F1, F2): the demo's units, doubts left in the
file, a plan typed with a Chinese IME, two returns of one file name."""

from pathlib import Path

import pytest

from .conftest import done, plan_task, plan_tasks, refused, write_plan


def run(*args: str, env: dict | None = None):
    from typer.testing import CliRunner

    from mstrack.cli import app

    return CliRunner().invoke(app, ["--lang", "en", *args], env=env, catch_exceptions=False)


def _office_plan(tmp_path: Path) -> Path:
    """The office's own programme, its 住建局 written in traditional characters (as the jiangbei table prints it):
    it reads alike the demo's 区住建局 (yantian-2023)."""
    return write_plan(tmp_path / "jb.toml", plan_tasks(plan_task("1", "新建保障性住房", "區住建局", "保障房", "套", 1000)),
                      code="jiangbei-2023")


# --- N1: the README's quick start does not block the office's first import ----------------------------------------------

@pytest.mark.sqlite_only  # the default store, in the user's data directory
def test_the_quick_start_then_the_offices_own_plan(tmp_path, monkeypatch):
    """`mstrack demo` (the README's quick start, no --db) loads into a store of its own; the office's `import plan`
    then goes into the default store, empty of the demo, and is not refused for the demo's units."""
    import os

    monkeypatch.delenv("MSTRACK_DB", raising=False)
    data = Path(os.environ["XDG_DATA_HOME"]) / "mstrack"
    demo = run("demo")
    done(demo)
    assert f"created the store {data / 'mstrack-demo.db'}" in demo.stderr, demo.stderr
    assert "mstrack --db " in demo.stderr and "mstrack-demo.db status --as-of" in demo.stderr  # its next steps
    imported = run("import", "plan", str(_office_plan(tmp_path)))
    done(imported)
    assert f"created the store {data / 'mstrack.db'}" in imported.stderr, imported.stderr
    listed = run("programmes")
    done(listed)
    assert listed.stdout.split()[0] == "jiangbei-2023" and "yantian" not in listed.stdout, listed.stdout


def test_a_unit_only_the_demo_uses_names_the_demo_and_the_way_out(cli, tmp_path):
    done(cli("demo"))
    refusal = cli("import", "plan", str(_office_plan(tmp_path)))
    refused(refusal)
    assert "'區住建局' reads alike unit '区住建局'" in refusal.stderr
    assert "yantian-2023" in refusal.stderr and "the demo" in refusal.stderr and "--db" in refusal.stderr
    assert cli.sql("SELECT count(*) FROM programme WHERE code = 'jiangbei-2023'") == [(0,)]


def test_a_unit_no_programme_uses_any_more_does_not_block(cli, tmp_path):
    """After every demo batch is undone (`programmes`: none), the demo's units are in no programme: not compared."""
    done(cli("demo"))
    for (batch,) in cli.sql("SELECT id FROM batch ORDER BY id DESC"):
        done(cli("undo", str(batch)))
    imported = cli("import", "plan", str(_office_plan(tmp_path)))
    done(imported)
    assert cli.sql("SELECT count(*) FROM programme") == [(1,)]


def test_a_unit_the_offices_programme_uses_still_refuses_naming_it(cli, tmp_path):
    done(cli("import", "plan", str(write_plan(tmp_path / "a.toml", plan_tasks(
        plan_task("1", "新建保障性住房", "区住建局", "保障房", "套", 1000)), code="a-2023"))))
    refusal = cli("import", "plan", str(_office_plan(tmp_path)))
    refused(refusal)
    assert "'區住建局' reads alike unit '区住建局'" in refusal.stderr and "a-2023" in refusal.stderr
    assert "demo" not in refusal.stderr


# --- F1 / N8: doubts left in the file, the placeholder unit ---------------------------------------------------------

DOUBTED = '''format = 1
[programme]
code = "lg-2026"
name = "龙岗2024年十大民生实事"
year = 2026  # check: lg.docx: title names 2024年, not --year 2026: check the programme's year
[[tasks]]
code = "01"
title = "新建学校"  # check: no header row: read as a list of tasks
[[tasks.lines]]
lead_units = ["（表中未列）"]
[[tasks.lines.indicators]]
name = "学校"  # check: “学校”: a target with no date: due at the deadline, or not this year?
unit = "所"
target = 16
[[tasks]]
code = "02"
title = "新增学位"
lines = [{ lead_units = ["（表中未列）"], indicators = [{ name = "学位", unit = "个", target = 3000 }] }]
[[tasks]]
code = "03"
title = "养老床位"
lines = [{ lead_units = ["区民政局"], indicators = [{ name = "床位", unit = "张", target = 300 }] }]
'''


def test_import_plan_warns_of_doubts_left_and_the_placeholder_unit(cli, tmp_path):
    plan = tmp_path / "lg.toml"
    plan.write_text(DOUBTED, encoding="utf-8")
    imported = cli("import", "plan", str(plan))
    done(imported)
    said = ["still holds 3 `# check:` doubts", "line 5: year: lg.docx: title names 2024年, not --year 2026",
            "line 8: title: no header row", "2 tasks have no lead unit but the placeholder （表中未列）", "01, 02"]
    assert [part for part in said if part not in imported.stderr] == [], imported.stderr
    assert cli.sql("SELECT count(*) FROM task") == [(3,)]


def test_import_plan_strict_refuses_doubts_left_and_the_placeholder_unit(cli, tmp_path):
    plan = tmp_path / "lg.toml"
    plan.write_text(DOUBTED, encoding="utf-8")
    refusal = cli("import", "plan", str(plan), "--strict")
    refused(refusal, "still holds 3 `# check:` doubts", "no lead unit but the placeholder （表中未列）")
    reviewed = tmp_path / "reviewed.toml"
    reviewed.write_text(DOUBTED.replace("（表中未列）", "区教育局").replace("  # check:", "\n# settled:"), encoding="utf-8")
    quiet = cli("import", "plan", str(reviewed), "--strict")
    done(quiet)
    assert "3 tasks added" in quiet.stdout, quiet.stdout  # the refused import wrote nothing
    assert "warning" not in quiet.stderr and cli.sql("SELECT count(*) FROM task") == [(3,)]


# --- N9: a plan typed with a Chinese input method ---------------------------------------------------------------------

TYPED = '''format = 1
[programme]
code = "x-2023"
name = "x"
year = 2023
[[tasks]]
code = "1"
title = "新建学校，扩建医院"
[[tasks.lines]]
lead_units = LEADS
indicators = [{ name = "学校", unit = "所", target = 3 }]
'''


@pytest.mark.parametrize("leads, said", [
    ('[“区卫生健康局”]', 'line 10 holds the full-width “ ” outside quotes: TOML needs the ASCII "'),
    ('["区卫生健康局"，"区建筑工务署"]', "line 10 holds the full-width ， outside quotes: TOML needs the ASCII ,"),
], ids=["quotes", "comma"])
def test_full_width_punctuation_is_named_with_the_toml_error(cli, tmp_path, leads, said):
    plan = tmp_path / "typed.toml"
    plan.write_text(TYPED.replace("LEADS", leads), encoding="utf-8")
    refusal = cli("import", "plan", str(plan))
    refused(refusal, "not valid TOML", "(at line 10, column", said)


def test_a_full_width_comma_inside_a_string_is_no_hint(cli, tmp_path):
    plan = tmp_path / "typed.toml"
    plan.write_text(TYPED.replace("LEADS", '["区卫生健康局"').replace('title = "新建学校，扩建医院"', 'title = "新建学校，扩建医院'),
                    encoding="utf-8")
    refusal = cli("import", "plan", str(plan))
    refused(refusal, "not valid TOML")
    assert "full-width" not in refusal.stderr


@pytest.mark.parametrize("encoding, named", [("gb18030", "GBK"), ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16")])
def test_a_plan_in_another_encoding_is_named_with_the_way_to_utf8(cli, tmp_path, encoding, named):
    plan = tmp_path / "saved.toml"
    plan.write_bytes(TYPED.replace("LEADS", '["区卫生健康局"]').encode(encoding))
    refusal = cli("import", "plan", str(plan))
    refused(refusal, "not UTF-8 text", f"it reads as {named}", "save it as UTF-8")


def test_two_offices_in_one_entry_are_warned_naming_the_line(cli, tmp_path):
    plan = tmp_path / "two.toml"
    plan.write_text(TYPED.replace("LEADS", '["区卫生健康局、区建筑工务署"]'), encoding="utf-8")
    imported = cli("import", "plan", str(plan))
    done(imported)
    assert ("line 10: tasks[0] (task 1).lines[0].lead_units[0]: '区卫生健康局、区建筑工务署' names 2 offices" in imported.stderr
            and '["区卫生健康局", "区建筑工务署"]' in imported.stderr), imported.stderr
    assert cli.sql("SELECT name FROM unit") == [("区卫生健康局、区建筑工务署",)]  # kept as written: the file is the plan
    refused(cli("import", "plan", str(plan), "--strict", "--dry-run"), "names 2 offices")


# --- F2: two units' returns under one file name -------------------------------------------------------------------------

def test_two_returns_of_one_file_name_are_told_apart_in_batches(cli, tmp_path, monkeypatch):
    import json

    from .conftest import write_table

    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", plan_tasks(
        plan_task("1", "新建保障性住房", "市住建局", "保障房", "套", 1000), plan_task("2", "新增学位", "市教育局", "学位", "个", 2000))))))
    head = ["计划", "任务编号", "指标", "截至日期", "数值"]
    for folder, row in (("a", ["x-2023", "1", "保障房", "2023-05-31", "111"]), ("b", ["x-2023", "2", "学位", "2023-05-31", "222"])):
        (tmp_path / folder).mkdir()
        write_table(tmp_path / folder / "报送表.csv", [head, row])
    monkeypatch.chdir(tmp_path)
    done(cli("import", "progress", "a/报送表.csv"))
    done(cli("import", "progress", str(tmp_path / "b" / "报送表.csv")))
    listed = json.loads(cli("batches", "--format", "json").stdout)
    sources = [batch["source"] for batch in listed if batch["command"] == "import progress"]
    assert sorted(sources) == ["a/报送表.csv", "b/报送表.csv"], listed  # the folder kept, not the whole path
    shown = cli("batches")
    assert "a/报送表.csv" in shown.stdout, shown.stdout
    assert cli.sql("SELECT DISTINCT source FROM report WHERE source LIKE '%报送表%'") == [("报送表.csv",)]  # each report's: its file's name
