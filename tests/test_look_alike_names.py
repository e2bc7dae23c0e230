"""Task codes and unit names are read one way by every write and every lookup (domain/names.plain_name: one form of
each character, outer spaces aside, as an indicator's name always was), and a plan that names two of them so that they
read alike (full-width, spaces, traditional characters: names.look_alike) is refused naming both (safety46 F4)."""

from __future__ import annotations

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from tests.conftest import done, plan_task, plan_tasks, refused, write_plan


def plan(tmp_path, *tasks: dict, code: str = "x-2023", name: str = "p.toml"):
    return str(write_plan(tmp_path / name, plan_tasks(*tasks), code))


def school(code: str, lead: str, title: str = "新建学校") -> dict:
    return plan_task(code, title, lead, "学位", "个", 100)


def stored(cli, sql: str) -> list[tuple]:
    return sorted(cli.sql(sql))


def change(cli, sql: str) -> None:
    """A store as an earlier mstrack left it (codes and units kept as the plan spelt them), made by hand."""
    engine = create_engine(cli.url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            connection.execute(text(sql))
    finally:
        engine.dispose()


def test_a_code_and_a_unit_with_outer_spaces_are_stored_and_found_without_them(cli, tmp_path):
    done(cli("import", "plan", plan(tmp_path, school("1", "市教育局"), school(" 2 ", "市教育局 ", "新建中学"))))
    assert stored(cli, "SELECT code FROM task") == [("1",), ("2",)]
    assert stored(cli, "SELECT name FROM unit") == [("市教育局",)]
    done(cli("log", "x-2023/2 ", "40", "--as-of", "2023-03-01"))
    assert cli.sql("SELECT t.code, r.value FROM report r JOIN indicator i ON i.id = r.indicator_id JOIN task_line l"
                   " ON l.id = i.line_id JOIN task t ON t.id = l.task_id") == [("2", 40)]


def test_two_codes_that_read_alike_are_refused_naming_both(cli, tmp_path):
    done(cli("import", "plan", plan(tmp_path, school("9", "市民政局"), code="z-2023", name="z.toml")))
    for other in ("1 ", "１"):
        said = refused(cli("import", "plan", plan(tmp_path, school("1", "市教育局"), school(other, "市教育局", "新建中学"))),
                       "tasks[1].code")
        assert "'1'" in said and repr(other) in said, said
    assert cli.sql("SELECT COUNT(*) FROM task") == [(1,)]


def test_two_units_that_read_alike_are_refused_naming_both(cli, tmp_path):
    done(cli("import", "plan", plan(tmp_path, school("9", "市民政局"), code="z-2023", name="z.toml")))
    said = refused(cli("import", "plan", plan(tmp_path, school("1", "市卫健委"), school("2", "市衛健委", "新建中学"))),
                   "市卫健委", "市衛健委", "reads alike")
    assert "tasks[1]" in said
    assert cli.sql("SELECT name FROM unit") == [("市民政局",)]


def test_a_unit_that_reads_like_a_stored_one_is_refused_naming_both(cli, tmp_path):
    done(cli("import", "plan", plan(tmp_path, school("1", "市卫健委"))))
    refused(cli("import", "plan", plan(tmp_path, school("1", "ＡＢＣ局"), school("2", "市衛健委"), code="y-2023", name="y.toml")),
            "市衛健委", "市卫健委", "reads alike")
    assert stored(cli, "SELECT code FROM programme") == [("x-2023",)]
    assert stored(cli, "SELECT name FROM unit") == [("市卫健委",)]


def test_a_ref_or_unit_that_names_look_alikes_an_earlier_store_kept_is_refused_naming_them(cli, tmp_path):
    """Stores written before: codes "1" and "1 ", units 市教育局 and "市教育局 " kept apart. A ref or --unit that would
    name either is refused with both, never taken as one of them."""
    done(cli("import", "plan", plan(tmp_path, school("1", "市教育局"), school("2", "县教育局", "新建中学"))))
    change(cli, "UPDATE task SET code = '1 ' WHERE code = '2'")
    change(cli, "UPDATE unit SET name = '市教育局 ' WHERE name = '县教育局'")
    said = refused(cli("log", "x-2023/1 ", "40", "--as-of", "2023-03-01"), "'1'", "'1 '")
    assert "2 tasks" in said
    assert cli.sql("SELECT COUNT(*) FROM report") == [(0,)]
    refused(cli("status", "--unit", "市教育局", "--as-of", "2023-03-05"), "'市教育局'", "'市教育局 '")


def test_a_code_written_in_decomposed_characters_names_the_same_task_everywhere(cli, tmp_path):
    """"é" as one character or as e and its accent (NFC/NFD) is one code: in the plan, a ref and a return's cell."""
    composed, decomposed = "A\u00e9", "Ae\u0301"
    done(cli("import", "plan", plan(tmp_path, school(decomposed, "市教育局"))))
    assert cli.sql("SELECT code FROM task") == [(composed,)]
    done(cli("log", f"x-2023/{decomposed}", "10", "--as-of", "2023-03-01"))
    sheet = tmp_path / "r.csv"
    sheet.write_text(f"计划,任务编号,指标,截至日期,数值\nx-2023,{decomposed},学位,2023-04-01,20\n", encoding="utf-8")
    done(cli("import", "progress", str(sheet)))
    assert sorted(cli.sql("SELECT value FROM report")) == [(10,), (20,)]


def test_a_unit_named_in_traditional_characters_finds_its_tasks(cli, tmp_path):
    """`status --unit` takes a unit as `import progress` takes a return's 填报单位: 市衛健委 is 市卫健委."""
    import json

    done(cli("import", "plan", plan(tmp_path, school("1", "市卫健委"), school("2", "市民政局", "新建中学"))))
    result = cli("status", "--unit", "市衛健委", "--as-of", "2023-03-05", "--format", "json")
    done(result)
    assert [row["task"] for row in json.loads(result.stdout)] == ["1"]


def test_an_earlier_stores_spaced_code_and_unit_are_kept_when_its_plan_is_imported_again(cli, tmp_path):
    """A store written before keeps "1 " and "市教育局 " as the plan spelt them (nothing migrated): the same plan
    imported again meets them, its reports kept, no task or unit added."""
    spaced = plan(tmp_path, school("1 ", "市教育局 "), school("2", "市民政局", "新建中学"))
    done(cli("import", "plan", spaced))
    change(cli, "UPDATE task SET code = '1 ' WHERE code = '1'")
    change(cli, "UPDATE unit SET name = '市教育局 ' WHERE name = '市教育局'")
    done(cli("log", "x-2023/1", "40", "--as-of", "2023-03-01"))
    done(cli("import", "plan", spaced))
    assert stored(cli, "SELECT code FROM task") == [("1 ",), ("2",)]
    assert stored(cli, "SELECT name FROM unit") == [("市教育局 ",), ("市民政局",)]
    assert cli.sql("SELECT value FROM report") == [(40,)]
