"""Undone reports a plan re-import deletes are recorded as data (safe41d): rows of the undone_deleted table (the import,
the undo whose retracted reports they were, how many), not words appended to the import batch's reason, which stays
as the user gave it. An undo of that undo reads the rows; `db copy` keeps them; an older database is upgraded to them."""

import json
import os

import pytest

from mstrack.store import SCHEMA_VERSION, Store

from .conftest import BACKEND, Cli, refused
from .test_safe41b import _bare, _lines, _num, _ok, _plan
from .test_safe_store import execute

PG_ADMIN = os.environ.get("MSTRACK_TEST_PG")
OLD_NOTE = "deleted 1 undone report with the lines or indicators it dropped (undone by batch 3)"
"""What safe41b's interim version appended to an import batch's reason (never in a landed version): words, no record."""


def _deleting_reimport(cli, tmp_path, *reason: str) -> None:
    """Batches: 1 the plan, 2 a log of 5 公里 on 乙局's line, 3 its undo, 4 a re-import dropping that line."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _bare("甲局"), _num("乙局", "修建道路", "公里"))))
    _ok(cli("log", "t39/2", "5", "--indicator", "修建道路", "--as-of", "2026-05-30", "--by", "乙局李四"))
    _ok(cli("undo", "2"))
    result = cli("import", "plan", _plan(tmp_path, "p2.toml", _bare("甲局")), *reason)
    _ok(result)
    assert "1 undone report of dropped lines or indicators deleted: an undo can no longer bring it back" in result.stdout


def _reason(cli, batch: int):
    return next(b for b in json.loads(cli("batches", "--format", "json").stdout) if b["id"] == batch)["reason"]


def test_a_reimport_deleting_undone_reports_records_rows_and_leaves_its_reason_as_given(cli, tmp_path):
    """safe41b appended "deleted 1 undone report … (undone by batch 3)" to the reason the user gave."""
    _deleting_reimport(cli, tmp_path, "--reason", "调整目标")
    assert _reason(cli, 4) == "调整目标"
    assert cli.sql("SELECT batch_id, undo_batch_id, reports FROM undone_deleted") == [(4, 3, 1)]
    refused(cli("undo", "3"), "undoing batch 3 would bring back 1 report", "batch 4 (import plan", "log it anew")
    assert _lines(cli) == [("甲局", 0)]


def test_a_reimport_without_a_reason_keeps_none(cli, tmp_path):
    _deleting_reimport(cli, tmp_path)
    assert _reason(cli, 4) is None
    refused(cli("undo", "3"), "undoing batch 3 would bring back 1 report", "batch 4 (import plan")


def test_the_undo_of_the_undo_reads_the_rows_not_the_reason(cli, tmp_path):
    """Words in a reason are no record: a reason that merely says so refuses nothing; a row alone does."""
    _deleting_reimport(cli, tmp_path)
    execute(cli.url, "DELETE FROM undone_deleted", f"UPDATE batch SET reason = '{OLD_NOTE}' WHERE id = 4")
    _ok(cli("undo", "3"))  # nothing left to bring back: taken, as the rows say nothing was deleted
    assert _lines(cli) == [("甲局", 0)]


def test_db_copy_to_a_new_sqlite_file_keeps_the_rows(cli, tmp_path):
    _deleting_reimport(cli, tmp_path)
    target = tmp_path / "copy.db"
    _ok(cli("db", "copy", "--to", str(target)))
    copy = Cli(target)
    assert copy.sql("SELECT batch_id, undo_batch_id, reports FROM undone_deleted") == [(4, 3, 1)]
    refused(copy("undo", "3"), "undoing batch 3 would bring back 1 report", "batch 4 (import plan")
    _ok(copy("db", "check"))


@pytest.mark.skipif(not PG_ADMIN, reason="MSTRACK_TEST_PG names no PostgreSQL server")
def test_db_copy_to_postgresql_keeps_the_rows(cli, tmp_path):
    from tests.test_postgres import admin

    _deleting_reimport(cli, tmp_path)
    name = f"mstrack_test_{os.urandom(6).hex()}"
    admin(f"CREATE DATABASE {name}")
    try:
        url = PG_ADMIN.rsplit("/", 1)[0] + "/" + name
        there = cli.url if BACKEND == "postgresql" else url
        if BACKEND == "postgresql":  # a server to a file and back to another server
            back = tmp_path / "back.db"
            _ok(cli("db", "copy", "--to", str(back)))
            there = url
            _ok(Cli(back)("db", "copy", "--to", url))
        else:
            _ok(cli("db", "copy", "--to", url))
        copy = Cli(there)
        assert copy.sql("SELECT batch_id, undo_batch_id, reports FROM undone_deleted") == [(4, 3, 1)]
        refused(copy("undo", "3"), "undoing batch 3 would bring back 1 report", "batch 4 (import plan")
        copy_url = copy.url
        assert Store(copy_url).row_counts()["undone_deleted"] == 1
    finally:
        admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_a_database_of_the_previous_version_is_upgraded_with_the_table_and_its_reasons_as_they_were(cli, tmp_path):
    """A database of version 9 - 1 (no table) upgraded in place: the table is made, empty, and no batch's reason is
    read or changed, whatever words it holds (those of safe41b's interim note too: no landed version wrote them)."""
    assert SCHEMA_VERSION >= 11
    _deleting_reimport(cli, tmp_path, "--reason", "调整目标")
    execute(cli.url, "DROP TABLE IF EXISTS report_restated", "DROP TABLE undone_deleted",  # and version 12's
            "ALTER TABLE batch DROP COLUMN reports_added",  # and version 10's
            "ALTER TABLE batch DROP COLUMN reports_retracted", "ALTER TABLE report DROP COLUMN reporting_unit",  # and 11's
            "ALTER TABLE batch DROP COLUMN terminal",  # and 14's
            "ALTER TABLE report_snapshot DROP COLUMN last_batch", "ALTER TABLE report_snapshot DROP COLUMN part",  # 15's
            "ALTER TABLE task DROP COLUMN cancelled_by",  # and 16's
            "ALTER TABLE report_snapshot DROP COLUMN seen_batches", "ALTER TABLE report_snapshot DROP COLUMN seen_schema",
            "DELETE FROM schema_version WHERE version >= 9",
            f"UPDATE batch SET reason = '调整目标; {OLD_NOTE}' WHERE id = 4")
    assert Store(cli.url).schema_version() == 8
    result = cli("db", "upgrade")
    _ok(result)
    assert f"8 → {SCHEMA_VERSION}" in result.stdout
    assert cli.sql("SELECT batch_id, undo_batch_id, reports FROM undone_deleted") == []
    assert _reason(cli, 4) == f"调整目标; {OLD_NOTE}"
    _ok(cli("undo", "3"))  # no row: nothing recorded as deleted, nothing left to bring back
    _ok(cli("db", "check"))
