"""Nothing lost (safe43a): a batch's history does not change after the fact. `batches` said each batch's reports
added and retracted by counting the live rows; once a plan re-import deleted undone reports with the line it dropped,
the log that entered them said "0 added" and the undo that took them back "0 retracted". The counts are kept on the
batch row (migration 10), written with the batch's reports and retractions."""

import json
import re

from mstrack.store import SCHEMA_VERSION, Store

from .conftest import Cli
from .test_safe41b import _bare, _lines, _num, _ok, _plan
from .test_safe_store import execute


def _counts(cli) -> dict[int, tuple[str, int, int, int]]:
    """Each batch as `batches --format json` says it: (command, added, retracted, undone reports deleted)."""
    result = cli("batches", "--format", "json")
    _ok(result)
    return {b["id"]: (b["command"], b["reports_added"], b["reports_retracted"], b["undone_deleted"])
            for b in json.loads(result.stdout)}


def _table_row(cli, batch: int) -> list[str]:
    """A batch's row of the `batches` table, cut at its columns (two spaces or more): batch, time, user, command,
    source, added, retracted, then the remark (no batch here gives a reason)."""
    result = cli("--lang", "en", "batches")
    _ok(result)
    line = next(line for line in result.stdout.splitlines() if line.strip().startswith(f"{batch} "))
    return re.split(r"\s{2,}", line.strip())


def _two_reports_on_line_two(cli, tmp_path) -> None:
    """Batch 1: a plan of two lines; batch 2: two reports on line 2 (one import of two rows)."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _bare("甲局"), _num("乙局", "修建道路", "公里"))))
    csv = tmp_path / "in" / "two.csv"  # a batch's source is the file's folder and name (fix49e)
    csv.parent.mkdir(exist_ok=True)
    csv.write_text("programme,task,indicator,as_of,value\nt39,2,修建道路,2026-04-30,3\nt39,2,修建道路,2026-05-30,5\n",
                   encoding="utf-8")
    _ok(cli("import", "progress", str(csv), "--by", "乙局李四"))
    assert _lines(cli) == [("甲局", 0), ("乙局", 2)]


def test_a_reimport_deleting_undone_reports_leaves_the_log_and_its_undo_as_they_were(cli, tmp_path):
    _two_reports_on_line_two(cli, tmp_path)
    _ok(cli("undo", "2"))
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _bare("甲局"))))
    assert cli.sql("SELECT count(*) FROM report") == [(0,)]  # the reports are gone: the history is the batch rows'
    assert _counts(cli) == {1: ("import plan", 0, 0, 0), 2: ("import progress", 2, 0, 0), 3: ("undo", 0, 2, 0),
                            4: ("import plan", 0, 0, 2)}
    assert _table_row(cli, 2)[3:] == ["import progress", "in/two.csv", "2", "0", "undone by batch 3"]
    assert _table_row(cli, 3)[3:] == ["undo", "batch 2", "0", "2", "undoes batch 2"]
    assert _table_row(cli, 4)[3:] == ["import plan", "p2.toml", "0", "0", "deleted 2 undone reports"]
    kept = _counts(cli)
    _ok(cli("db", "copy", "--to", str(tmp_path / "copy.db")))  # a copy keeps the history (from any backend to a file)
    assert _counts(Cli(tmp_path / "copy.db")) == kept


def test_an_undo_of_an_undo_keeps_its_counts_after_the_reports_are_deleted(cli, tmp_path):
    """log 2; undo (3) retracts 2; its undo (4) brings 2 back as copies; that undone (5) retracts them; a re-import
    without the line deletes all four reports (2 of them counted: 3 was undone, its retracted came back as 4's)."""
    _two_reports_on_line_two(cli, tmp_path)
    _ok(cli("undo", "2"))
    _ok(cli("undo", "3"))
    assert _lines(cli) == [("甲局", 0), ("乙局", 2)]
    _ok(cli("undo", "4"))
    expected = {1: ("import plan", 0, 0, 0), 2: ("import progress", 2, 0, 0), 3: ("undo", 0, 2, 0), 4: ("undo", 2, 0, 0),
                5: ("undo", 0, 2, 0)}
    assert _counts(cli) == expected
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _bare("甲局"))))
    assert cli.sql("SELECT count(*) FROM report") == [(0,)]
    assert _counts(cli) == {**expected, 6: ("import plan", 0, 0, 2)}
    assert cli.sql("SELECT id, reports_added, reports_retracted FROM batch ORDER BY id") == [
        (1, 0, 0), (2, 2, 0), (3, 0, 2), (4, 2, 0), (5, 0, 2), (6, 0, 0)]


def _back_to_version_9(cli) -> None:
    """The database as version 9 left it: no counts on the batch rows (nor version 11's reporting units, nor 12's
    report_restated)."""
    execute(cli.url, "DROP TABLE IF EXISTS report_restated", "ALTER TABLE batch DROP COLUMN reports_added",
            "ALTER TABLE batch DROP COLUMN reports_retracted", "ALTER TABLE report DROP COLUMN reporting_unit",
            "ALTER TABLE batch DROP COLUMN terminal", "ALTER TABLE report_snapshot DROP COLUMN last_batch",
            "ALTER TABLE report_snapshot DROP COLUMN part", "ALTER TABLE task DROP COLUMN cancelled_by",
            "ALTER TABLE report_snapshot DROP COLUMN seen_batches", "ALTER TABLE report_snapshot DROP COLUMN seen_schema",
            "DELETE FROM schema_version WHERE version >= 10")
    assert Store(cli.url).schema_version() == 9


def test_an_upgraded_database_counts_its_batches_from_the_rows_it_holds(cli, tmp_path):
    """Migration 10 fills the counts of the batches written before it from their rows: the same as written."""
    assert SCHEMA_VERSION >= 11
    _two_reports_on_line_two(cli, tmp_path)
    _ok(cli("undo", "2"))
    _ok(cli("undo", "3"))
    written = _counts(cli)
    assert written == {1: ("import plan", 0, 0, 0), 2: ("import progress", 2, 0, 0), 3: ("undo", 0, 2, 0),
                       4: ("undo", 2, 0, 0)}
    _back_to_version_9(cli)
    assert cli("batches").exit_code == 2  # the new code on the old database: refused until upgraded
    result = cli("db", "upgrade")
    _ok(result)
    assert f"9 → {SCHEMA_VERSION}" in result.stdout
    assert _counts(cli) == written
    _ok(cli("undo", "4"))  # and written on from there
    assert _counts(cli)[5] == ("undo", 0, 2, 0)
    _ok(cli("db", "check"))


def test_reports_deleted_before_version_10_are_lost_to_the_counts_of_an_upgraded_database(cli, tmp_path):
    """What the migration's docstring says: it can count only the rows still stored (undone_deleted still says
    how many the re-import deleted)."""
    _two_reports_on_line_two(cli, tmp_path)
    _ok(cli("undo", "2"))
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _bare("甲局"))))
    _back_to_version_9(cli)
    _ok(cli("db", "upgrade"))
    assert _counts(cli) == {1: ("import plan", 0, 0, 0), 2: ("import progress", 0, 0, 0), 3: ("undo", 0, 0, 0),
                            4: ("import plan", 0, 0, 2)}
