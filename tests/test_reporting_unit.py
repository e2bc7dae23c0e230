"""The reporting unit (填报单位) stored on every report: read by `import progress` from a return's 填报单位 line or column,
given to `log` by --unit, kept by undo, db copy and backups, shown by `history`; two units' returns imported by one
login are told apart by it (safety46 F9: one login with no 填报人 column stood for both districts)."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from tests.conftest import ROOT, Cli, done, plan_task, plan_tasks, refused, write_plan


def districts(tmp_path) -> str:
    task = plan_task("1", "新建学位 1000 个", "各区人民政府", "新增学位", "个", 1000, units=["各区人民政府", "市教育局"],
                     also=[("新建学校", "所", 3)])
    return str(write_plan(tmp_path / "p.toml", plan_tasks(task)))


def unit_return(tmp_path, name: str, unit: str, value: int, *, reporter: str | None = None) -> str:
    """A district's return: its 填报单位 on a line above the header; with no 填报人 column unless `reporter`."""
    path = tmp_path / name
    who = (",填报人", f",{reporter}") if reporter else ("", "")
    path.write_text(f"填报单位：{unit}\n计划,任务编号,指标,截至日期,数值{who[0]}\n"
                    f"x-2023,1,新增学位,2023-06-30,{value}{who[1]}\n", encoding="utf-8")
    return str(path)


def stored(cli) -> list[tuple]:
    return cli.sql("SELECT value, reporting_unit FROM report ORDER BY id")


def standing(cli) -> list[tuple]:
    return cli.sql("SELECT value, reporting_unit FROM report WHERE id NOT IN (SELECT report_id FROM report_retraction)"
                   " ORDER BY id")


def test_a_return_keeps_its_reporting_unit_from_the_line_or_each_rows_column(cli, tmp_path):
    done(cli("import", "plan", districts(tmp_path)))
    done(cli("import", "progress", unit_return(tmp_path, "futian.csv", "福田区人民政府", 300)))
    assert stored(cli) == [(300, "福田区人民政府")]
    column = tmp_path / "both.csv"  # a unit column: each row its own office (the line's, where the cell is blank)
    column.write_text("计划,任务编号,指标,截至日期,数值,填报单位\nx-2023,1,新建学校,2023-06-30,1,南山区人民政府\n"
                      "x-2023,1,新建学校,2023-07-31,2, 罗湖区人民政府 \n", encoding="utf-8")
    done(cli("import", "progress", str(column)))
    plain = tmp_path / "plain.csv"  # no 填报单位 at all: none stored
    plain.write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,新建学校,2023-08-31,3\n", encoding="utf-8")
    done(cli("import", "progress", str(plain)))
    assert stored(cli) == [(300, "福田区人民政府"), (1, "南山区人民政府"), (2, "罗湖区人民政府"), (3, None)]


def test_one_login_importing_two_districts_returns_is_refused_by_their_units(cli, tmp_path):
    """No 填报人 column: both returns' reporter is the login; their 填报单位 tells the districts apart."""
    done(cli("import", "plan", districts(tmp_path)))
    done(cli("import", "progress", unit_return(tmp_path, "futian.csv", "福田区人民政府", 300)))
    nanshan = unit_return(tmp_path, "nanshan.csv", "南山区人民政府", 200)
    said = refused(cli("import", "progress", nanshan), "nanshan.csv:3", "200", "300", "futian.csv", "--reason")
    assert "福田区人民政府" in said and "南山区人民政府" in said
    assert standing(cli) == [(300, "福田区人民政府")]
    done(cli("import", "progress", nanshan, "--reason", "南山区更正全区数"))
    assert standing(cli)[-1] == (200, "南山区人民政府")


def test_a_units_own_correction_by_another_person_is_a_correction(cli, tmp_path):
    """The same 填报单位, another 填报人: the unit correcting its own figure (the unit decides where both have one)."""
    done(cli("import", "plan", districts(tmp_path)))
    done(cli("import", "progress", unit_return(tmp_path, "futian.csv", "福田区人民政府", 300, reporter="张三")))
    result = cli("import", "progress", unit_return(tmp_path, "futian2.csv", "福田区人民政府", 320, reporter="王五"))
    done(result)
    assert "1 corrected" in result.output
    assert standing(cli)[-1] == (320, "福田区人民政府")


def test_log_keeps_the_unit_it_is_given_and_refuses_to_correct_another_units_value(cli, tmp_path):
    done(cli("import", "plan", districts(tmp_path)))
    done(cli("log", "x-2023/1", "300", "-i", "新增学位", "--as-of", "2023-06-30", "--unit", " 福田区人民政府 "))
    done(cli("log", "x-2023/1", "1", "-i", "新建学校", "--as-of", "2023-06-30"))
    assert stored(cli) == [(300, "福田区人民政府"), (1, None)]
    said = refused(cli("log", "x-2023/1", "200", "-i", "新增学位", "--as-of", "2023-06-30", "--unit", "南山区人民政府"),
                   "200", "300", "福田区人民政府", "南山区人民政府", "--reason")
    assert "x-2023/1" in said
    assert len(stored(cli)) == 2
    done(cli("log", "x-2023/1", "320", "-i", "新增学位", "--as-of", "2023-06-30", "--unit", "福田区人民政府"))
    done(cli("log", "x-2023/1", "200", "-i", "新增学位", "--as-of", "2023-06-30", "--unit", "南山区人民政府",
             "--reason", "南山区更正"))
    assert standing(cli)[-1] == (200, "南山区人民政府")


def test_history_shows_the_reporting_unit(cli, tmp_path):
    done(cli("import", "plan", districts(tmp_path)))
    done(cli("import", "progress", unit_return(tmp_path, "futian.csv", "福田区人民政府", 300, reporter="张三")))
    done(cli("log", "x-2023/1", "1", "-i", "新建学校", "--as-of", "2023-06-30"))
    entries = json.loads(cli("history", "x-2023/1", "--format", "json").output)
    assert [(e["value"], e["reporter"], e["reporting_unit"]) for e in entries][:1] == [(300, "张三", "福田区人民政府")]
    assert entries[-1]["reporting_unit"] is None
    table = cli("history", "x-2023/1").output
    assert "福田区人民政府" in table


def test_undo_brings_a_report_back_with_its_unit(cli, tmp_path):
    done(cli("import", "plan", districts(tmp_path)))
    done(cli("import", "progress", unit_return(tmp_path, "futian.csv", "福田区人民政府", 300)))
    done(cli("undo"))
    assert standing(cli) == []
    done(cli("undo", "3"))  # the undo undone (by its number): the report comes back as a new entry
    assert standing(cli) == [(300, "福田区人民政府")]


def test_db_copy_keeps_the_reporting_unit(cli, tmp_path):
    done(cli("import", "plan", districts(tmp_path)))
    done(cli("import", "progress", unit_return(tmp_path, "futian.csv", "福田区人民政府", 300)))
    done(cli("db", "copy", "--to", str(tmp_path / "copy.db")))
    assert stored(Cli(tmp_path / "copy.db")) == [(300, "福田区人民政府")]


@pytest.mark.sqlite_only
def test_backup_and_restore_keep_the_reporting_unit(cli, tmp_path):
    done(cli("import", "plan", districts(tmp_path)))
    done(cli("import", "progress", unit_return(tmp_path, "futian.csv", "福田区人民政府", 300)))
    done(cli("db", "backup", str(tmp_path / "b.db")))
    done(cli("undo"))
    done(cli("db", "restore", str(tmp_path / "b.db")))
    assert standing(cli) == [(300, "福田区人民政府")]


@pytest.mark.sqlite_only
def test_an_old_database_is_upgraded_with_no_unit_on_its_reports(tmp_path):
    """schema-v3-created.db (reports logged before any unit was kept): upgraded, its reports keep every value and say
    no unit, and a new return stores its own."""
    old = tmp_path / "old.db"
    shutil.copy(ROOT / "tests" / "fixtures" / "schema-v3-created.db", old)
    with sqlite3.connect(old) as connection:
        before = connection.execute("SELECT * FROM report ORDER BY id").fetchall()
    done(Cli(old)("db", "upgrade"))
    with sqlite3.connect(old) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(report)")]
        after = connection.execute("SELECT * FROM report ORDER BY id").fetchall()
    assert before and "reporting_unit" in columns
    at = columns.index("reporting_unit")
    assert [row[:at] + row[at + 1:] for row in after] == before
    assert {row[at] for row in after} == {None}


def test_a_reporting_unit_that_cannot_be_stored_is_named_and_nothing_written(cli, tmp_path):
    done(cli("import", "plan", districts(tmp_path)))
    bad = tmp_path / "bad.csv"
    bad.write_text("计划,任务编号,指标,截至日期,数值,填报单位\nx-2023,1,新建学校,2023-06-30,1,南山区\x01人民政府\n", encoding="utf-8")
    refused(cli("import", "progress", str(bad)), "bad.csv:2:填报单位", "control character")
    assert stored(cli) == []
