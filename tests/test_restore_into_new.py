"""`db restore` into a new or empty file: the backup's first step holds the new file's only lock (no WAL yet), and the
restore's batch-number check read the live file through another connection — which waited SQLite's busy timeout
(30 s) on every restore into a new file, to learn that an empty file gave no batch numbers. It is not asked now."""

from __future__ import annotations

import pytest

from mstrack.store.backups import Backups

from .conftest import BACKEND, ROOT, Cli

pytestmark = pytest.mark.skipif(BACKEND != "sqlite", reason="db restore is SQLite's")


def _backup_with_a_report(tmp_path):
    source = Cli(tmp_path / "source.db")
    assert source("init").exit_code == 0
    backup = tmp_path / "backup.db"
    assert source("db", "backup", str(backup)).exit_code == 0
    return backup


def test_a_restore_into_a_new_file_reads_no_batch_numbers_from_it(tmp_path, monkeypatch):
    backup = _backup_with_a_report(tmp_path)

    def asked(self, copy, said):
        raise AssertionError("the new file was read for batch numbers while the restore held its lock")

    monkeypatch.setattr(Backups, "_number_above", asked)
    target = Cli(tmp_path / "new.db")
    result = target("db", "restore", str(backup))
    assert result.exit_code == 0, (result.output, result.exception)
    assert target("db", "check").exit_code == 0


def test_a_restore_over_a_store_with_later_batches_still_numbers_past_them(tmp_path):
    """The check still runs where the live store has rows: its later batch is recorded as taken by the restore."""
    backup = _backup_with_a_report(tmp_path)
    live = Cli(tmp_path / "live.db")
    assert live("import", "plan", str(ROOT / "data" / "seed" / "yantian-2023.toml")).exit_code == 0
    result = live("--lang", "en", "db", "restore", str(backup))
    assert result.exit_code == 0, (result.output, result.exception)
    assert "recorded as batch 2" in result.output, result.output
    assert live.sql("select max(id) from batch") == [(2,)]
