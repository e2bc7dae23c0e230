"""trial59: the leader's questions and frozen reports. F11: `status --only off_course` and its mark (which tasks miss
their deadline at this pace); F10: `report weekly --unit` (one office's late tasks, printed); F9: `report frozen N`
reprints what was sent; F4: `db copy --to URL` without the driver names --to (code59's fix, held here)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from rich.cells import cell_len

from .conftest import Cli, done, plan_task, plan_tasks, refused, write_plan


def pace_plan(tmp_path: Path) -> str:
    """Task 1 (区住建局): 10 then 20 of 100 a quarter apart, done only in 2025 at that pace; task 2 (区卫健委): 20 then
    60, done in September; task 3 (区住建局, 区城管局 helping): one report, behind its June checkpoint, no pace."""
    return str(write_plan(tmp_path / "p.toml", plan_tasks(
        plan_task("1", "学位", "区住建局", "新建学位", "个", 100, reports=[("2023-03-31", 10), ("2023-06-30", 20)]),
        plan_task("2", "床位", "区卫健委", "养老床位", "张", 100, reports=[("2023-03-31", 20), ("2023-06-30", 60)]),
        plan_task("3", "公园", "区住建局", "口袋公园", "个", 10, units=["区住建局", "区城管局"],
                  milestones=[("2023-06-30", 5)], reports=[("2023-06-30", 2)]),
    )))


# --- F11: off course at this pace ----------------------------------------------------------------------------


def test_only_off_course_keeps_the_rows_that_miss_their_deadline_at_this_pace(cli, tmp_path):
    done(cli("import", "plan", pace_plan(tmp_path)))
    result = cli("status", "--as-of", "2023-07-01", "--only", "off_course", "-f", "json")
    done(result)
    rows = json.loads(result.stdout)
    assert [(row["task"], row["forecast"]["on_course"]) for row in rows] == [("1", False)]
    # with a status: either one (task 3 is behind, with no pace to judge by)
    result = cli("status", "--as-of", "2023-07-01", "--only", "off_course", "--only", "behind", "-f", "json")
    done(result)
    assert sorted(row["task"] for row in json.loads(result.stdout)) == ["1", "3"]


def test_the_status_table_marks_the_rows_off_course_at_80_columns(cli, tmp_path):
    done(cli("import", "plan", pace_plan(tmp_path)))
    for lang, mark, caption in (("en", "not due · off course", "1 off course"), ("zh", "未到期·难按期", "1 行照近两次报送的速度")):
        result = cli("--lang", lang, "status", "--as-of", "2023-07-01", env={"COLUMNS": "80"})
        done(result)
        lines = result.stdout.splitlines()
        assert max(cell_len(line) for line in lines) <= 80, result.stdout
        marked = [line for line in lines if mark in line]
        assert len(marked) == 1 and "新建学位" in marked[0], result.stdout
        assert not any(mark.split("·")[-1].strip() in line for line in lines if "养老床位" in line or "口袋公园" in line)
        assert caption in " ".join(lines), result.stdout


def test_only_refuses_an_unknown_word_naming_off_course_among_the_choices(cli, tmp_path):
    done(cli("import", "plan", pace_plan(tmp_path)))
    result = cli("status", "--only", "late_at_this_pace")
    assert result.exit_code == 2 and "off_course" in result.stderr


# --- F10: one office's late tasks, printed -------------------------------------------------------------------


def test_weekly_unit_is_that_offices_tasks_in_every_part(cli, tmp_path):
    done(cli("import", "plan", pace_plan(tmp_path)))
    result = cli("report", "weekly", "--as-of", "2023-07-01", "--unit", "区住建局", "-f", "json")
    done(result)
    report = json.loads(result.stdout)
    assert report["unit"] == "区住建局"
    assert report["summary"]["tasks"] == 2
    assert [(row["task"], row["indicator"]) for row in report["behind"]] == [("3", "口袋公园")]
    assert [unit["unit"] for unit in report["units"]] == ["区住建局"]
    assert sorted(r["task"] for r in report["changes"]["reports"]) == ["1", "3"]
    # a unit that only helps: its line, no other
    result = cli("report", "weekly", "--as-of", "2023-07-01", "--unit", "区城管局", "-f", "json")
    done(result)
    assert [row["task"] for row in json.loads(result.stdout)["behind"]] == ["3"]
    assert json.loads(result.stdout)["summary"]["tasks"] == 1
    # without it, every unit's, and no "unit" key (a frozen report of before compares as it did)
    result = cli("report", "weekly", "--as-of", "2023-07-01", "-f", "json")
    done(result)
    assert "unit" not in json.loads(result.stdout) and json.loads(result.stdout)["summary"]["tasks"] == 3


def test_weekly_unit_prints_on_a4_through_the_weekly_renderer_naming_the_unit(cli, tmp_path):
    done(cli("import", "plan", pace_plan(tmp_path)))
    out = tmp_path / "住建局.html"
    done(cli("--lang", "zh", "report", "weekly", "--as-of", "2023-07-01", "--unit", "区住建局", "-o", str(out)))
    page = out.read_text(encoding="utf-8")
    assert "@page" in page and "A4" in page
    assert "责任单位：区住建局（牵头或参与的任务）" in page
    assert "口袋公园" in page and "养老床位" not in page and "区卫健委" not in page
    result = cli("--lang", "zh", "report", "weekly", "--as-of", "2023-07-01", "--unit", "区住建局", "-f", "md")
    done(result)
    assert "责任单位：区住建局" in result.stdout.splitlines()[2] and "养老床位" not in result.stdout


def test_weekly_unit_near_miss_is_refused_with_candidates_and_writes_nothing(cli, tmp_path):
    done(cli("import", "plan", pace_plan(tmp_path)))
    out = tmp_path / "x.html"
    refused(cli("report", "weekly", "--unit", "住建局", "-o", str(out), "--freeze"), "--unit '住建局'", "区住建局")
    assert not out.exists()
    assert cli.sql("SELECT count(*) FROM report_snapshot") == [(0,)]


def test_weekly_unit_frozen_is_made_again_for_that_unit_by_diff(cli, tmp_path):
    done(cli("import", "plan", pace_plan(tmp_path)))
    sent = cli("report", "weekly", "--as-of", "2023-07-01", "--unit", "区住建局", "-f", "md", "--freeze")
    done(sent)
    again = cli("report", "frozen", "1", "-f", "md")  # printed again, the unit's report as sent
    done(again)
    assert again.stdout == sent.stdout and "Unit: 区住建局 (" in again.stdout
    result = cli("report", "diff", "1", "-f", "json")
    done(result)
    assert json.loads(result.stdout)["params"]["unit"] == "区住建局" and json.loads(result.stdout)["changes"] == []
    done(cli("log", "x-2023/2", "70", "--as-of", "2023-06-30"))  # another unit's task: no change in this report
    done(cli("report", "diff", "1"))
    done(cli("log", "x-2023/3", "5", "--as-of", "2023-06-30"))
    assert cli("report", "diff", "1").exit_code == 1


# --- F9: a frozen report printed again ------------------------------------------------------------------------


def test_a_frozen_weekly_report_is_printed_again_byte_for_byte_whatever_was_logged_since(cli, tmp_path):
    done(cli("import", "plan", pace_plan(tmp_path)))
    sent, json_sent, md_sent = tmp_path / "通报.html", tmp_path / "通报.json", tmp_path / "通报.md"
    done(cli("--lang", "zh", "report", "weekly", "--as-of", "2023-07-01", "-o", str(sent), "--freeze"))
    done(cli("--lang", "zh", "report", "weekly", "--as-of", "2023-07-01", "-o", str(json_sent)))
    done(cli("--lang", "zh", "report", "weekly", "--as-of", "2023-07-01", "-o", str(md_sent)))
    done(cli("log", "x-2023/3", "6", "--as-of", "2023-06-30"))  # task 3 caught up: today's report has nothing behind
    assert cli("report", "diff", "1").exit_code == 1
    again = tmp_path / "again.html"
    result = cli("report", "frozen", "1", "-o", str(again))  # the format from the suffix, as every report's -o
    done(result)
    assert again.read_bytes() == sent.read_bytes()
    assert "口袋公园" in again.read_text(encoding="utf-8")  # the row behind when it was sent
    result = cli("report", "frozen", "1", "-f", "json")  # the frozen copy itself
    done(result)
    assert result.stdout == json_sent.read_text(encoding="utf-8")
    assert result.stdout == cli.sql("SELECT content FROM report_snapshot WHERE id = 1")[0][0]
    result = cli("report", "frozen", "1", "-f", "md")
    done(result)
    assert result.stdout == md_sent.read_text(encoding="utf-8")
    result = cli("report", "frozen", "1")  # the weekly report's own default: its table
    done(result)
    assert "口袋公园" in result.stdout and "Livelihood projects: weekly report" not in result.stdout  # in its language
    assert "民生实事进度周报" in result.stdout


def test_a_frozen_half_year_report_is_printed_again_in_each_of_its_formats(cli, tmp_path):
    done(cli("import", "plan", pace_plan(tmp_path)))
    sent = tmp_path / "一览表.md"
    done(cli("report", "half-year", "-p", "x-2023", "-o", str(sent), "--freeze"))
    done(cli("log", "x-2023/1", "90", "--as-of", "2023-06-30", "--note", "更正"))
    result = cli("report", "frozen", "1")  # an 一览表's default: md, as `report half-year`
    done(result)
    assert result.stdout == sent.read_text(encoding="utf-8") and "更正" not in result.stdout
    for suffix in ("html", "xlsx", "docx"):
        out = tmp_path / f"again.{suffix}"
        done(cli("report", "frozen", "1", "-o", str(out)))
        assert out.stat().st_size > 0
    import openpyxl

    cells = [cell for row in openpyxl.load_workbook(tmp_path / "again.xlsx").active.iter_rows(values_only=True)
             for cell in row if isinstance(cell, str)]
    assert any("20个" in cell for cell in cells) and not any("90个" in cell for cell in cells)
    refused(cli("report", "frozen", "1", "-f", "csv"), "--format", "csv")  # no 一览表 in CSV
    refused(cli("report", "frozen", "1", "-f", "xlsx"), "-o FILE.xlsx")


def test_reprinting_a_copy_this_mstrack_cannot_read_back_is_refused_naming_json(cli, tmp_path):
    done(cli("import", "plan", pace_plan(tmp_path)))
    done(cli("report", "weekly", "--as-of", "2023-07-01", "-f", "json", "--freeze"))
    stored = json.loads(cli.sql("SELECT content FROM report_snapshot WHERE id = 1")[0][0])
    del stored["since"]  # a field with no default: no report can be drawn without it
    from sqlalchemy import create_engine, text

    engine = create_engine(cli.url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE report_snapshot SET content = :c WHERE id = 1"),
                           {"c": json.dumps(stored, ensure_ascii=False)})
    engine.dispose()
    out = tmp_path / "x.html"
    refused(cli("report", "frozen", "1", "-o", str(out)), "report 1", "cannot print the frozen copy again as html",
            "since", "report frozen 1 --format json")
    assert not out.exists()
    done(cli("report", "frozen", "1", "-f", "json"))


def test_report_frozen_refuses_a_number_it_has_not_and_an_output_without_one(cli, tmp_path):
    done(cli("import", "plan", pace_plan(tmp_path)))
    refused(cli("report", "frozen", "7", "-o", str(tmp_path / "x.html")), "no frozen report 7")
    refused(cli("report", "frozen", "-o", str(tmp_path / "x.html")), "--output", "report frozen 3 -o")
    result = cli("report", "frozen", "-f", "json")
    done(result)
    assert json.loads(result.stdout) == []
    refused(cli("report", "frozen", "-f", "html"), "--format")
    assert not (tmp_path / "x.html").exists()


# --- F4 (code59's fix, checked): db copy's target without its driver is --to -----------------------------------


@pytest.mark.parametrize("named", [["--db", "DB"], ["MSTRACK_DB"]])
def test_db_copy_to_a_server_without_the_driver_names_to_not_the_store(named, tmp_path):
    """A Python without psycopg: the URL `db copy --to` names is said as --to's, whatever named the store it copies (it
    said "--db postgresql://…" or "MSTRACK_DB postgresql://…", the store's option, of the target's URL)."""
    import os
    import subprocess
    import sys

    store = tmp_path / "l.db"
    done(Cli(store)("import", "plan", pace_plan(tmp_path)))
    code = ("import sys; sys.modules['psycopg'] = None; sys.modules['psycopg2'] = None\n"
            "from mstrack.cli import run; sys.argv = ['mstrack', *sys.argv[1:]]; run()")
    env = {**os.environ, "MSTRACK_DB": str(store)} if named == ["MSTRACK_DB"] else \
        {key: value for key, value in os.environ.items() if key != "MSTRACK_DB"}
    given = ["--db", str(store)] if named[0] == "--db" else []
    for lang, said in (("en", "mstrack: error: --to postgresql://u:***@127.0.0.1:1/x: PostgreSQL needs the psycopg "
                               "driver, which is not installed here; install mstrack with it: pip install "
                               "'mstrack[postgres]'\n"),
                       ("zh", "mstrack: 错误：--to postgresql://u:***@127.0.0.1:1/x：PostgreSQL 需要 psycopg 驱动")):
        ran = subprocess.run([sys.executable, "-c", code, "--lang", lang, *given, "db", "copy", "--to",
                              "postgresql://u:secret@127.0.0.1:1/x"], capture_output=True, text=True, timeout=60,
                             cwd=tmp_path, env=env)
        assert ran.returncode == 2 and ran.stdout == "", ran
        assert ran.stderr.startswith(said) and "secret" not in ran.stderr, ran.stderr


@dataclass
class _Row:
    on: date
    value: int | float | None = None


@dataclass
class _Report:
    rows: list[_Row]
    points: list[tuple[date, float]]
    loose: list = field(default_factory=list)


def test_a_frozen_copy_is_read_back_by_its_fields_types_and_a_list_of_unknown_objects_is_refused():
    """reports.frozen: dates from ISO text, tuples from lists, nested dataclasses; a bare `list` field holding objects
    (a section a later field added untyped) is Unprintable, never handed to a renderer as dicts."""
    from mstrack.reports.frozen import Unprintable, _made

    made = _made(_Report, {"rows": [{"on": "2023-06-30", "value": 2}], "points": [["2023-06-30", 2.0]],
                           "loose": ["a"], "extra": 1}, {})
    assert made == _Report(rows=[_Row(date(2023, 6, 30), 2)], points=[(date(2023, 6, 30), 2.0)], loose=["a"])
    with pytest.raises(Unprintable, match="loose"):
        _made(_Report, {"rows": [], "points": [], "loose": [{"task": "1"}]}, {})
    with pytest.raises(Unprintable, match="points"):
        _made(_Report, {"rows": []}, {})
