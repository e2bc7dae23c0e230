"""left49: what an office meets in its first weeks. A 填报人 cell of a byte-order mark, zero-width or full-width
spaces alone gave a reporter ("\\ufeff"); `import plan --dry-run` on no store yet previews it in a throw-away store;
a store made is named by its absolute path; a return form's title date (截至2026年5月31日) is read; `show` names
the reporting unit beside the reporter."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from mstrack.sources.progress_cells import reporter_given
from mstrack.sources.progress_form import title_date
from mstrack.sources.rows import Row

from .conftest import Cli, done, plan_task, plan_tasks, refused, write_plan
from .test_ret48c import collective, csv_return, xlsx_return
from .test_safe48c import no_tables

# --- 3: a 填报人 of invisible characters alone gives no reporter ---------------------------------------------------

BLANKS = ["\ufeff", "\u200b", "\u3000\u200b", " \ufeff\u3000", "\u2060"]


@pytest.mark.parametrize("cell", BLANKS)
def test_a_reporter_cell_of_invisible_characters_alone_gives_no_reporter(cell):
    assert reporter_given(cell) is False
    assert reporter_given("\ufeff张三") is True


@pytest.mark.parametrize("kind, value", [("csv", "200"), ("csv", "200（区报）"), ("xlsx", 200), ("xlsx", "200（区报）")])
@pytest.mark.parametrize("who", ["\ufeff", "\u200b\u3000"])
def test_both_row_paths_take_an_invisible_reporter_cell_for_a_blank_one(cli, tmp_path, kind, value, who):
    done(cli("import", "plan", collective(tmp_path)))
    done(cli("import", "progress", csv_return(tmp_path / "f.csv", "300", "张三")))
    path = (csv_return if kind == "csv" else xlsx_return)(tmp_path / f"n.{kind}", value, who)
    said = refused(cli("import", "progress", path), "n." + kind + ":3", "300", "张三", "--reason")
    assert "here (by " in said and "by —" not in said  # the login the row is stored as (review53 F1)


@pytest.mark.parametrize("kind, value", [("csv", "200"), ("csv", "200（区报）"), ("xlsx", 200)])
def test_an_invisible_reporter_cell_stores_the_by_reporter(cli, tmp_path, kind, value):
    done(cli("import", "plan", collective(tmp_path)))
    path = (csv_return if kind == "csv" else xlsx_return)(tmp_path / f"n.{kind}", value, "\ufeff\u200b")
    done(cli("import", "progress", path, "--by", "王五"))
    assert cli.sql("SELECT reporter FROM report") == [("王五",)]


# --- 1: a first import previewed ---------------------------------------------------------------------------------

FIRST = plan_tasks(plan_task("1", "学校", "教育局", "新建学位", "个", 100), plan_task("2", "道路", "交通局", "道路", "公里", 5))


def nothing_at(path: Path) -> bool:
    return not any(Path(f"{path}{end}").exists() for end in ("", "-wal", "-shm", "-journal"))


@pytest.mark.sqlite_only  # what a dry run leaves on disk: a file and its -wal and -shm
def test_a_dry_run_of_a_first_import_says_what_it_would_do_and_makes_no_store(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plan = write_plan(tmp_path / "x.toml", FIRST)
    result = Cli("office.db")("import", "plan", "--dry-run", str(plan))
    done(result)
    assert "x-2023: 2 tasks added, 0 updated, 0 removed (dry run: no batch written)" in result.stdout, result.output
    assert f"(dry run: no store created at {tmp_path / 'office.db'})" in result.stdout, result.output
    assert nothing_at(tmp_path / "office.db")
    assert not list(tmp_path.glob("office.db*"))
    done(Cli("office.db")("import", "plan", str(plan)))  # the import itself makes it, as before
    assert Cli("office.db").sql("SELECT count(*) FROM task") == [(2,)]


@pytest.mark.sqlite_only
def test_a_dry_run_of_a_first_import_refused_in_the_store_leaves_nothing_either(tmp_path, monkeypatch):
    own = tmp_path / "tmp"  # this test's own temporary folder: another run's throw-away store is not this one's leftover
    own.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(own))
    first = write_plan(tmp_path / "a.toml", plan_tasks(plan_task("1", "学校", "教育局", "新建学位", "个", 100,
                                                                reports=[("2023-06-30", 40)])))
    second = write_plan(tmp_path / "b.toml", plan_tasks(plan_task("1", "学校", "教育局", "学位", "间", 100)))
    said = refused(Cli(tmp_path / "office.db")("import", "plan", "--dry-run", str(first), str(second)),
                   "the new plan drops or changes what reports hang on")  # the second file over the first, in the store
    assert "no store created" not in said
    assert nothing_at(tmp_path / "office.db")
    assert not list(own.glob("mstrack-dry-run-*"))  # the throw-away store is gone too


def test_other_writes_to_no_store_still_refuse(cli, tmp_path):
    refused(cli("log", "x-2023/1", "40", "--as-of", "2023-06-30"), "no mstrack data here yet")
    refused(cli("undo"), "no mstrack data here yet")
    assert no_tables(cli)


def test_a_dry_run_on_a_server_database_not_inited_makes_no_table(cli, tmp_path):
    result = cli("import", "plan", "--dry-run", str(write_plan(tmp_path / "x.toml", FIRST)))
    done(result)
    assert "(dry run: no store created at " in result.stdout and "2 tasks added" in result.stdout, result.output
    assert no_tables(cli)
    refused(cli("status"), "no mstrack data here yet")


# --- 5: show names the reporting unit beside the reporter ---------------------------------------------------------

UNIT = "深圳市南山区住房和建设局城市更新和土地整备中心"


def from_cell(line: str, at: int) -> str:
    """What a terminal line shows from cell `at` on (a Chinese character is two cells)."""
    from rich.cells import cell_len

    width = 0
    for i, char in enumerate(line):
        if width >= at:
            return line[i:].strip()
        width += cell_len(char)
    return ""


@pytest.mark.parametrize("columns", [80, 200])
def test_show_names_the_reporting_unit_beside_the_reporter_within_the_width(cli, tmp_path, columns):
    from rich.cells import cell_len

    plan = plan_tasks(plan_task("1", "学校", "教育局", "新建学位", "个", 1000, units=["教育局", UNIT]))
    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", plan))))
    done(cli("log", "x-2023/1", "400", "--as-of", "2023-06-30", "--by", "张三丰", "--unit", UNIT,
             "--note", "项目进展顺利，已完成主体结构施工，正在进行室内装修和室外配套工程建设，预计按期完成"))
    done(cli("log", "x-2023/1", "500", "--as-of", "2023-07-31", "--by", "李四"))
    out = cli("show", "x-2023/1", "--as-of", "2023-08-01", env={"COLUMNS": str(columns)}).stdout
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= columns, out
    assert "…" not in out
    header = next(i for i, line in enumerate(lines) if "Reported by" in line)
    column = [from_cell(line, lines[header].index("Reported by")) for line in lines[header + 2:]]
    assert "".join(column[:column.index("李四")]).replace(" ", "") == f"张三丰({UNIT})", out  # as `history` says it
    assert lines[header + 2 + column.index("李四")].split()[0] == "2023-07-31"  # no unit said: the reporter alone
    shown = json.loads(cli("show", "x-2023/1", "--format", "json").stdout)
    assert [r["reporting_unit"] for r in shown["indicators"][0]["reports"]] == [UNIT, None]


# --- 4: a return form's title date ------------------------------------------------------------------------------

SCHOOLS = plan_tasks(plan_task("1", "学校", "教育局", "新建学位", "个", 1000), plan_task("2", "道路", "交通局", "道路", "公里", 5))


def titled_form(path: Path, title: str | None, header: list[str], *rows: list) -> str:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    if title is not None:
        sheet.append([title])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return str(path)


def stored(cli) -> list[tuple]:
    return sorted((str(day)[:10], float(value)) for day, value in cli.sql("SELECT as_of, value FROM report"))


@pytest.mark.parametrize("title", ["XX项目进展情况表（截至2023年6月30日）", "进展情况表 截止：2023.6.30", "截至2023-06-30进展情况"])
def test_a_forms_title_date_is_the_as_of_of_rows_that_give_none(cli, tmp_path, title):
    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", SCHOOLS))))
    path = titled_form(tmp_path / "f.xlsx", title, ["计划", "任务编号", "指标", "数值"],
                       ["x-2023", "1", "新建学位", 400], ["x-2023", "2", "道路", 2])
    result = cli("import", "progress", path)
    done(result)
    assert stored(cli) == [("2023-06-30", 2.0), ("2023-06-30", 400.0)]
    assert "f.xlsx: rows with no date are as of 2023-06-30, the date its title gives" in result.stderr, result.stderr
    assert title in result.stderr


def test_a_title_date_fills_the_blank_date_cells_only(cli, tmp_path):
    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", SCHOOLS))))
    path = titled_form(tmp_path / "f.xlsx", "进展情况表（截至2023年6月30日）", ["计划", "任务编号", "指标", "截至日期", "数值"],
                       ["x-2023", "1", "新建学位", "2023-06-15", 400], ["x-2023", "2", "道路", None, 2])
    done(cli("import", "progress", path))
    assert stored(cli) == [("2023-06-15", 400.0), ("2023-06-30", 2.0)]


def test_a_title_date_that_disagrees_with_as_of_is_a_warning_naming_both(cli, tmp_path):
    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", SCHOOLS))))
    path = titled_form(tmp_path / "f.xlsx", "进展情况表（截至2023年6月30日）", ["计划", "任务编号", "指标", "数值"],
                       ["x-2023", "1", "新建学位", 400])
    result = cli("import", "progress", path, "--as-of", "2023-05-31")
    done(result)
    assert stored(cli) == [("2023-05-31", 400.0)]
    assert "2023-05-31" in result.stderr and "2023-06-30" in result.stderr and "--as-of" in result.stderr, result.stderr
    same = cli("import", "progress", path, "--as-of", "2023-06-30", "--reason", "再报")
    done(same)
    assert "title" not in same.stderr, same.stderr  # the same date: nothing to say


def test_without_a_title_date_or_as_of_a_form_with_no_dates_is_still_refused(cli, tmp_path):
    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", SCHOOLS))))
    path = titled_form(tmp_path / "f.xlsx", "2023年6月进展情况表", ["计划", "任务编号", "指标", "数值"],
                       ["x-2023", "1", "新建学位", 400])
    refused(cli("import", "progress", path), "no date column (截至日期) and no --as-of")
    assert stored(cli) == []


# --- 2: which store a write went to ------------------------------------------------------------------------------

def run(*args: str, env: dict | None = None):
    from typer.testing import CliRunner

    from mstrack.cli import app

    return CliRunner().invoke(app, ["--lang", "en", *args], env=env, catch_exceptions=False)


@pytest.mark.sqlite_only  # a relative MSTRACK_DB: a file in each folder it is run from
def test_a_relative_store_is_named_by_its_absolute_path_when_made_and_written(tmp_path, monkeypatch):
    plan = write_plan(tmp_path / "x.toml", SCHOOLS)
    returned = tmp_path / "r.csv"
    returned.write_text("计划,任务编号,指标,截至日期,数值\nx-2023,2,道路,2023-06-30,2\n", encoding="utf-8")
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        monkeypatch.chdir(tmp_path / folder)
        store = tmp_path / folder / "office.db"
        made = run("import", "plan", str(plan), env={"MSTRACK_DB": "office.db"})
        done(made)
        assert f"created the store {store}" in made.stderr, made.stderr
        assert f"x-2023: 2 tasks added, 0 updated, 0 removed (batch 1), in {store}" in made.stdout, made.stdout
        logged = run("log", "x-2023/1", "400", "--as-of", "2023-06-30", env={"MSTRACK_DB": "office.db"})
        done(logged)
        assert logged.stdout.rstrip().endswith(f", in {store}") and "created" not in logged.stderr, logged.output
        imported = run("--db", "office.db", "import", "progress", str(returned))
        done(imported)
        assert f"1 report was written, in {store}" in imported.stdout, imported.stdout
        assert Cli(store).sql("SELECT count(*) FROM report") == [(2,)]
        again = run("import", "plan", str(plan), env={"MSTRACK_DB": "office.db"})
        assert "created the store" not in again.stderr and f"unchanged, in {store}" in again.stdout, again.output


@pytest.mark.sqlite_only  # the default store, in the user's data directory
def test_the_default_store_is_said_when_made_and_not_named_on_every_write(tmp_path, monkeypatch):
    import os

    monkeypatch.delenv("MSTRACK_DB", raising=False)
    store = Path(os.environ["XDG_DATA_HOME"]) / "mstrack" / "mstrack.db"
    store.parent.mkdir(parents=True, exist_ok=True)
    made = run("import", "plan", str(write_plan(tmp_path / "x.toml", SCHOOLS)))
    done(made)
    assert f"created the store {store}" in made.stderr, made.stderr
    assert made.stdout.rstrip().endswith("(batch 1)"), made.stdout
    logged = run("log", "x-2023/1", "400", "--as-of", "2023-06-30")
    done(logged)
    assert ", in " not in logged.stdout and store.exists()


def _made(stderr: str) -> bool:
    """A store made said: a file's by its path, a server's as the tables made in its database (store55)."""
    return "created the store " in stderr or "created the store's tables in the server database " in stderr


def test_init_says_the_store_it_makes_once(cli):
    first = cli("init")
    done(first)
    assert _made(first.stderr), first.stderr
    again = cli("init")
    assert "created the store" not in again.stderr
    demo = cli("demo")  # an empty store inited: nothing more made
    assert demo.exit_code == 0 and "created the store" not in demo.stderr, demo.output


def test_the_demo_says_the_store_it_makes(cli):
    demo = cli("demo")
    assert demo.exit_code == 0 and _made(demo.stderr), demo.output
    assert "created the store" not in cli("demo").stderr


# --- fixrev49: a title's date the row checks refuse, and a deadline note above the header ---------------------------

@pytest.mark.parametrize(("title", "why"), [("学位进展情况表（截至2022年12月31日）", "outside the programme's year 2023"),
                                           ("学位进展情况表（截至2099年5月31日）", "2099-05-31 is in the future")])
def test_a_title_date_the_rows_cannot_take_refuses_the_file_naming_its_title(cli, tmp_path, title, why):
    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", SCHOOLS))))
    path = titled_form(tmp_path / "f.xlsx", title, ["计划", "任务编号", "指标", "数值"],
                       ["x-2023", "1", "新建学位", 400], ["x-2023", "2", "道路", 2])
    said = refused(cli("import", "progress", path), why)
    assert f"f.xlsx: its title says “{title}”: " in said and "--as-of" in said, said
    assert said.count(why) == 1, said  # once for the file, not once a row
    assert "rows with no date are as of" not in said, said  # no row took it
    assert stored(cli) == []


def test_a_title_date_refused_for_a_blank_date_cell_names_the_title_not_the_empty_cell(cli, tmp_path):
    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", SCHOOLS))))
    path = titled_form(tmp_path / "f.xlsx", "进展情况表（截至2022年12月31日）", ["计划", "任务编号", "指标", "截至日期", "数值"],
                       ["x-2023", "1", "新建学位", "2023-06-15", 400], ["x-2023", "2", "道路", None, 2])
    said = refused(cli("import", "progress", path), "its title says “进展情况表（截至2022年12月31日）”")
    assert ":截至日期: 2022-12-31" not in said, said
    assert stored(cli) == []


@pytest.mark.parametrize("note", ["填报说明：填报截止日期：2023年7月5日", "请于截至2023年7月5日前报送",
                                  "请于2023年7月5日前报送（截止2023年7月5日前）", "计划完成时间截止2023年12月31日",
                                  "报送截止日期：2023年7月5日", "截止日期：2023年7月5日（请按时报送）"])
def test_a_deadline_note_above_the_header_is_no_as_of_date(note):
    assert title_date([Row(1, ["学位建设进展情况表"]), Row(2, [note])]) is None


@pytest.mark.parametrize("text", ["进展情况表（截至2023年6月30日）", "填报单位：教育局    截至日期：2023年6月30日", "截止：2023.6.30",
                                  "项目进展情况报送表（截至2023年6月30日）", "民生实事完成情况表（截至2023年6月30日）"])
def test_a_titles_as_of_date_is_still_read(text):
    assert title_date([Row(1, [text])]) == (date(2023, 6, 30), text)


def test_a_form_whose_only_date_is_a_deadline_note_is_refused_as_having_no_date(cli, tmp_path):
    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", SCHOOLS))))
    workbook = openpyxl.Workbook()
    for row in (["学位进展情况表"], ["填报说明：填报截止日期：2023年7月5日"], ["计划", "任务编号", "指标", "数值"],
                ["x-2023", "1", "新建学位", 400]):
        workbook.active.append(row)
    workbook.save(tmp_path / "f.xlsx")
    refused(cli("import", "progress", str(tmp_path / "f.xlsx")), "no date column (截至日期) and no --as-of")
    assert stored(cli) == []


def test_an_as_of_outside_the_programmes_year_on_a_form_with_no_date_column_is_named_by_the_option(cli, tmp_path):
    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", SCHOOLS))))
    path = titled_form(tmp_path / "f.xlsx", None, ["计划", "任务编号", "指标", "数值"],
                       ["x-2023", "1", "新建学位", 400], ["x-2023", "2", "道路", 2])
    said = refused(cli("import", "progress", path, "--as-of", "2021-06-30"), "--as-of 2021-06-30: 2021-06-30 is outside")
    assert said.count("is outside") == 1, said
    assert stored(cli) == []
