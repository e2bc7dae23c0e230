"""fixrev55a: review55's F0, F2, F5, F6, F8 and trial55's #2 — a file given three times said without a traceback,
refusals naming different unknown codes said with their codes, a --freeze -o credited only with its own run's
freeze, undo's words for a batch copied from a file store, and a return typed under the template's own columns."""


import os

import pytest

from .conftest import PG_ADMIN, Cli, _admin, _pg_database, _pg_url, done, refused

HEADER = "计划,任务编号,指标,截至日期,数值"
ROW = "shenzhen-2023,5,建设筹集保障性住房,2023-06-30,25000"


def stored(cli) -> list[tuple]:
    return cli.sql("select value, source from report order by id")


# --- F0: a file given three times, or in two spellings ---------------------------------------------------------------

def test_a_file_given_three_times_is_refused_without_a_traceback(demo_cli, tmp_path, monkeypatch):
    path = tmp_path / "ok.csv"
    path.write_text(f"{HEADER}\n{ROW}\n", encoding="utf-8")
    before = stored(demo_cli)
    result = demo_cli("import", "progress", str(path), str(path), str(path))
    said = refused(result, f"{path}: given twice (also as {path})", "2 problems; nothing was written")
    assert said.count("given twice") == 2 and "Traceback" not in said
    assert stored(demo_cli) == before
    monkeypatch.chdir(tmp_path)
    said = refused(demo_cli("import", "progress", "ok.csv", "./ok.csv", str(path)), "2 problems; nothing was written",
                   f"{path}: given twice (also as ok.csv)")
    assert said.splitlines()[0] == "ok.csv: given twice (also as ok.csv); give each file once"  # ./ok.csv, as Path reads it
    assert stored(demo_cli) == before


# --- F8: a bare undo on a server of a batch written in the file store it was copied from ------------------------------

@pytest.mark.skipif(not PG_ADMIN, reason="MSTRACK_TEST_PG names no PostgreSQL server")
def test_a_bare_undo_of_a_batch_copied_from_a_file_store_names_the_copy_and_not_you(tmp_path):
    from mstrack.store.dialect import login_name

    source = Cli(tmp_path / "f.db")
    done(source("demo"))
    path = tmp_path / "ok.csv"
    path.write_text(f"{HEADER}\n{ROW}\n", encoding="utf-8")
    done(source("import", "progress", str(path)))
    (latest, writer), = source.sql('SELECT id, "user" FROM batch ORDER BY id DESC LIMIT 1')
    assert writer == login_name()
    name = _pg_database()
    url = _pg_url(name)
    try:
        done(source("db", "copy", "--to", url))
        server = Cli(url)
        result = server("undo")
        done(result)
        said = " ".join(result.stderr.split())
        assert (f"batch {latest} was written as {writer} (a name no role of this server has: a login of a file store "
                "this one was copied from") in said, said
        assert "not by you (postgres)" in said and f"`mstrack undo {latest + 1}` puts it back" in said
        assert server.sql(f"SELECT undoes FROM batch WHERE id = {latest + 1}") == [(latest,)]
    finally:
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# --- F5: rows naming different unknown codes are counted with their codes -------------------------------------------

def test_rows_naming_different_unknown_codes_are_counted_with_the_codes(demo_cli, tmp_path):
    path = tmp_path / "w.csv"
    rows = [f"yantian-2023,9{n},某指标,2023-06-30,1" for n in range(1, 8)]  # rows 2-8: tasks 91…97
    rows += [f"zz{letter}-2023,1,某指标,2023-06-30,1" for letter in "abcdefg"]  # rows 9-15: programmes zza…zzg
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    before = stored(demo_cli)
    said = refused(demo_cli("import", "progress", str(path)), "14 problems; nothing was written",
                   f"…and 2 more rows refused as {path}:2:任务编号 is, each for the code it names (96, 97): "
                   f"{path}:7-8:任务编号 (--verbose shows all)",
                   f"…and 2 more rows refused as {path}:9:计划 is, each for the code it names (zzf-2023, zzg-2023): "
                   f"{path}:14-15:计划")
    assert "with the same error as" not in said and said.count("has no task") == 5
    assert said.count("no programme 'zz") == 5
    assert stored(demo_cli) == before
    zh = refused(demo_cli("--lang", "zh", "import", "progress", str(path)))
    assert f"……另有 2 行与 {path}:2:任务编号 同样被拒绝，各因所填的编号（96, 97）：{path}:7-8:任务编号" in zh
    one = tmp_path / "one.csv"  # one unknown programme on every row: said once with its rows, as before
    one.write_text("\n".join([HEADER, *[f"zza-2023,{n},某指标,2023-06-30,1" for n in range(1, 9)]]) + "\n",
                   encoding="utf-8")
    said = refused(demo_cli("import", "progress", str(one)), f"{one}:2-9:计划: no programme 'zza-2023'", "(8 rows)")
    assert "more rows" not in said


# --- F2: a --freeze -o credited only with its own killed run's freeze ------------------------------------------------

def test_a_half_copy_and_a_freeze_to_stdout_are_no_stopped_run_of_this_command(demo_cli, tmp_path):
    output = tmp_path / "w.md"
    part = tmp_path / ".w.md.abcd1234.part"  # a `report weekly -o w.md` (no --freeze) killed mid-write
    part.write_text("partial", encoding="utf-8")
    os.utime(part, (part.stat().st_mtime - 120,) * 2)
    words = ["report", "weekly", "-p", "yantian-2023", "--as-of", "2023-06-30", "--freeze"]
    first = demo_cli(*words)
    done(first)
    assert "frozen as report 1:" in first.stderr
    again = demo_cli(*words, "-o", str(output))
    done(again)
    assert "frozen as report 2:" in again.stderr and "by an earlier run of this command" not in again.stderr
    assert demo_cli.sql("SELECT count(*) FROM report_snapshot") == [(2,)]
    assert output.exists() and not part.exists()


def test_a_whole_copy_with_another_writers_freeze_is_no_stopped_run_of_this_command(demo_cli, tmp_path):
    output = tmp_path / "w.md"
    words = ["report", "weekly", "-p", "yantian-2023", "--as-of", "2023-06-30", "--freeze", "-o", str(output)]
    done(demo_cli(*words))
    part = tmp_path / ".w.md.abcd1234.part"  # this report whole, as a run killed after its freeze leaves it
    part.write_bytes(output.read_bytes())
    os.utime(part, (part.stat().st_mtime - 120,) * 2)
    output.unlink()
    _write(demo_cli, "UPDATE report_snapshot SET \"user\" = 'lisi'")  # frozen by another coordinator
    again = demo_cli(*words)
    done(again)
    assert "frozen as report 2:" in again.stderr and "by an earlier run" not in again.stderr
    assert demo_cli.sql('SELECT id, "user" FROM report_snapshot ORDER BY id')[0] == (1, "lisi")
    assert demo_cli.sql("SELECT count(*) FROM report_snapshot") == [(2,)] and not part.exists()


def _write(cli, query: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(cli.url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(text(query))
    engine.dispose()


# --- trial55 #2: this period's figures typed under the template's 上次报送 / 上次日期 ------------------------------------

def _typed_over(template, wrong, edit) -> list[int]:
    """The template with `edit(sheet, row, columns)` applied to each task row: the rows edited."""
    from openpyxl import load_workbook

    book = load_workbook(template)
    sheet = book.active
    columns = {cell.value: cell.column for cell in sheet[2]}
    rows = [row for row in range(3, sheet.max_row + 1) if sheet.cell(row, columns["任务编号"]).value is not None]
    for row in rows:
        edit(sheet, row, columns)
    book.save(wrong)
    return rows


def test_figures_typed_under_the_templates_own_columns_are_said_row_by_row(demo_cli, tmp_path):
    template, wrong = tmp_path / "zj.xlsx", tmp_path / "wrongcol.xlsx"
    done(demo_cli("log", "shenzhen-2023/5", "50000", "--indicator", "建设筹集保障性住房", "--as-of", "2023-05-31"))
    done(demo_cli("export", "template", "shenzhen-2023", "--unit", "市住房建设局", "--helped", "-o", str(template)))
    before = stored(demo_cli)
    untouched = demo_cli("import", "progress", str(template))  # a form sent back empty: skipped, nothing said
    done(untouched)
    assert "not what the form printed" not in untouched.stderr and "11 empty rows skipped" in untouched.stdout

    def typed(sheet, row, columns):
        sheet.cell(row, columns["上次报送"]).value = "12.3万"
        sheet.cell(row, columns["上次日期"]).value = "2023-06-30"

    rows = _typed_over(template, wrong, typed)
    assert len(rows) == 11
    result = demo_cli("import", "progress", str(wrong), "--verbose")
    done(result)
    said = " ".join(result.stderr.split())
    assert said.count("not what the form printed") == 11, said
    assert (f"{wrong}:{rows[0]}: no figure under 数值, and 上次报送 '12.3万', 上次日期 '2023-06-30' are not what the form "
            "printed (the latest stored report is of 2023-05-31): this period's figure goes under 数值, its day under "
            "截至日期; the row was skipped") in said
    assert (f"{wrong}:{rows[1]}: no figure under 数值, and 上次报送 '12.3万', 上次日期 '2023-06-30' are not what the form "
            "printed (no report is stored for it)") in said
    assert stored(demo_cli) == before
    zh = demo_cli("--lang", "zh", "import", "progress", str(wrong))
    done(zh)
    assert "不是表格原先打印的内容（已保存的最新报送日期为 2023-05-31）" in zh.stderr
    assert "6 more warnings" in demo_cli("import", "progress", str(wrong)).stderr


def test_an_older_day_typed_under_the_templates_date_is_not_said(demo_cli, tmp_path):
    """A 上次日期 before the stored report's day is a form made before it (a unit's late return), not a figure typed
    in the wrong column: only a day later than every stored report, or a 上次报送 where none is stored, is said."""
    template, wrong = tmp_path / "zj.xlsx", tmp_path / "older.xlsx"
    done(demo_cli("log", "shenzhen-2023/5", "50000", "--indicator", "建设筹集保障性住房", "--as-of", "2023-05-31"))
    done(demo_cli("export", "template", "shenzhen-2023", "--unit", "市住房建设局", "-o", str(template)))

    def older(sheet, row, columns):
        if sheet.cell(row, columns["上次日期"]).value is not None:
            sheet.cell(row, columns["上次日期"]).value = "2023-04-30"

    _typed_over(template, wrong, older)
    result = demo_cli("import", "progress", str(wrong))
    done(result)
    assert "not what the form printed" not in result.stderr
