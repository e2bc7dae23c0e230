"""Nothing lost (safe42a): the undone reports an import or undo deletes have one record, the rows of undone_deleted,
which its summary reads in its own transaction as `batches` reads it (there was a count kept on the side as well,
PlanWriter's); what an undo of a plan import retracts itself is no undone report another undo could not bring back."""

import json

from .conftest import BACKEND, refused
from .test_safe41b import _bare, _lines, _num, _ok, _plan
from .test_safe_store import execute


def _two_lines_undone(cli, tmp_path) -> None:
    """Batches: 1 the plan [甲局], 2 a plan adding 乙局's and 丙局's lines, 3 and 4 a log on each, 5 and 6 their undos."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _bare("甲局"))))
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _bare("甲局"), _num("乙局", "修建道路", "公里"),
                                    _num("丙局", "新建学校", "所"))))
    _ok(cli("log", "t39/2", "5", "--indicator", "修建道路", "--as-of", "2026-05-30", "--by", "乙局李四"))
    _ok(cli("log", "t39/2", "2", "--indicator", "新建学校", "--as-of", "2026-05-30", "--by", "丙局王五"))
    _ok(cli("undo", "3"))
    _ok(cli("undo", "4"))


def _batch(cli, batch: int) -> dict:
    return next(b for b in json.loads(cli("batches", "--format", "json").stdout) if b["id"] == batch)


def _row(table: str, batch: int) -> str:
    return next(line for line in table.splitlines() if line.strip().startswith(f"{batch} "))


def test_an_undo_deleting_two_undone_reports_of_two_lines_says_what_batches_says(cli, tmp_path):
    _two_lines_undone(cli, tmp_path)
    result = cli("undo", "2")
    _ok(result)
    assert "batch 7 undoes batch 2" in result.stdout
    assert "2 undone reports of dropped lines or indicators deleted: an undo can no longer bring them back" in result.stdout
    assert cli.sql("SELECT batch_id, undo_batch_id, reports FROM undone_deleted ORDER BY undo_batch_id") == [(7, 5, 1), (7, 6, 1)]
    assert _lines(cli) == [("甲局", 0)]
    assert cli.sql("SELECT count(*) FROM report") == [(0,)]
    assert _batch(cli, 7)["undone_deleted"] == 2
    table = cli("batches")
    assert table.exit_code == 0, table.output
    assert "deleted 2 undone reports" in _row(table.stdout, 7)
    chinese = cli("--lang", "zh", "batches")
    assert chinese.exit_code == 0, chinese.output
    assert "删除已撤销报送 2 条" in _row(chinese.stdout, 7)
    for undo in (5, 6):
        refused(cli("undo", str(undo)), f"undoing batch {undo} would bring back 1 report", "1 by batch 7 (undo by")


def _no_rows_kept(cli) -> None:
    """undone_deleted keeps no row written to it: a write path that records none, as a summary must not outsay."""
    if BACKEND == "sqlite":
        execute(cli.url, "CREATE TRIGGER kept_none BEFORE INSERT ON undone_deleted BEGIN SELECT RAISE(IGNORE); END")
    else:
        execute(cli.url, "CREATE RULE kept_none AS ON INSERT TO undone_deleted DO INSTEAD NOTHING")


def test_the_undos_summary_says_the_rows_not_a_count_of_its_own(cli, tmp_path):
    """Its summary took PlanWriter's count: "2 undone reports … deleted" where `batches` (the rows) said none."""
    _two_lines_undone(cli, tmp_path)
    _no_rows_kept(cli)
    result = cli("undo", "2")
    _ok(result)
    assert "batch 7 undoes batch 2" in result.stdout
    assert "deleted" not in result.stdout
    assert cli.sql("SELECT count(*) FROM undone_deleted") == [(0,)]
    assert _batch(cli, 7)["undone_deleted"] == 0
    assert "deleted" not in _row(cli("batches").stdout, 7)


def test_the_imports_summary_says_the_rows_not_a_count_of_its_own(cli, tmp_path):
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _bare("甲局"), _num("乙局", "修建道路", "公里"))))
    _ok(cli("log", "t39/2", "5", "--indicator", "修建道路", "--as-of", "2026-05-30", "--by", "乙局李四"))
    _ok(cli("undo", "2"))
    _no_rows_kept(cli)
    result = cli("import", "plan", _plan(tmp_path, "p2.toml", _bare("甲局")))
    _ok(result)
    assert "p2.toml: t39: 0 tasks added, 1 updated, 0 removed (batch 4)" in result.stdout
    assert "deleted" not in result.stdout
    assert _batch(cli, 4)["undone_deleted"] == 0


def _num_reported(lead: str, name: str, unit: str) -> str:
    """A line whose plan reports its own progress: 3 as of 2026-05-30 (a plan report, in the import's batch)."""
    return _num(lead, name, unit) + 'reports = [{ as_of = "2026-05-30", value = 3 }]\n'


def test_an_undo_of_an_import_deletes_its_own_plan_reports_unsaid_and_its_undo_brings_them_back(cli, tmp_path):
    """The undo retracts the import's plan reports, then puts back the plan without their line: they went as "1 undone
    report … deleted: an undo can no longer bring it back" (a row naming the undo itself), and the undo of the undo was
    refused (exit 2) for them, though the plan it puts back holds them and --force brought them back."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _bare("甲局"))))
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _bare("甲局"), _num_reported("乙局", "修建道路", "公里"))))
    assert _lines(cli) == [("甲局", 0), ("乙局", 1)]
    result = cli("undo", "2")
    _ok(result)
    assert "batch 3 undoes batch 2" in result.stdout and "deleted" not in result.stdout
    assert cli.sql("SELECT count(*) FROM undone_deleted") == [(0,)]
    assert _lines(cli) == [("甲局", 0)]
    again = cli("undo", "3")
    _ok(again)
    assert "batch 4 undoes batch 3" in again.stdout
    assert _lines(cli) == [("甲局", 0), ("乙局", 1)]
    assert cli.sql("SELECT i.name, x.as_of, x.value, x.source FROM report AS x JOIN indicator AS i ON i.id = x.indicator_id"
                   " WHERE NOT EXISTS (SELECT 1 FROM report_retraction AS r WHERE r.report_id = x.id)") == [
        ("修建道路", cli.sql("SELECT as_of FROM report")[0][0], 3.0, "plan")]


def test_an_undo_of_the_import_that_made_a_programme_deletes_its_plan_reports_unsaid(cli, tmp_path):
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _bare("甲局"), _num_reported("乙局", "修建道路", "公里"))))
    result = cli("undo", "1")
    _ok(result)
    assert "deleted" not in result.stdout
    assert cli.sql("SELECT count(*) FROM undone_deleted") == [(0,)] and cli.sql("SELECT count(*) FROM programme") == [(0,)]
    _ok(cli("undo", "2"))
    assert _lines(cli) == [("甲局", 0), ("乙局", 1)]
