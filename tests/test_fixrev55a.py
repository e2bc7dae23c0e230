"""fixrev55a: review55's F0, F2, F5, F6, F8 and trial55's #2 — a file given three times said without a traceback,
refusals naming different unknown codes said with their codes, a --freeze -o credited only with its own run's
freeze, undo's words for a batch copied from a file store, and a return typed under the template's own columns."""


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
