"""fixrev55a: review55's F0, F2, F5, F6, F8 and trial55's #2 — a file given three times said without a traceback,
refusals naming different unknown codes said with their codes, a --freeze -o credited only with its own run's
freeze, undo's words for a batch copied from a file store, and a return typed under the template's own columns."""


from .conftest import refused

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
