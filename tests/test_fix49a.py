"""fix49a: a batch number never means two writes (safety49 F4c, F5g), and what an undo of a plan import says it does
(F4b, F4d; newcomer49 N13)."""

import re
from pathlib import Path

import pytest

LOG = ("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30")


def written(cli, *statements: str) -> None:
    """Statements run on the store and committed, whatever its kind: a hand edit."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(cli.url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def batch_of(output: str) -> int:
    return int(re.search(r"\(batch (\d+)", output).group(1))


def test_a_deleted_batch_rows_number_is_not_given_again(demo_cli):
    """F5g: SQLite numbered a new batch past the highest row there: a batch row deleted at the top (by hand) gave its
    number to the next write, and whatever named it then named another write."""
    result = demo_cli(*LOG)
    assert result.exit_code == 0, result.output
    deleted = batch_of(result.output)
    written(demo_cli, f"DELETE FROM report WHERE batch_id = {deleted}", f"DELETE FROM batch WHERE id = {deleted}")
    result = demo_cli("log", "shenzhen-2023/5", "3万", "-i", "建设", "--as-of", "2023-07-31")
    assert result.exit_code == 0, result.output
    assert batch_of(result.output) == deleted + 1
    assert demo_cli.sql("SELECT max(id) FROM batch") == [(deleted + 1,)]


@pytest.mark.sqlite_only
def test_batch_numbers_keep_rising_across_a_restore_and_an_undo_of_one_it_took_says_so(demo_cli, tmp_path):
    """F4c: after `db restore` the numbers of the batches made since the backup were given again: an `undo 3` noted
    before the restore undid another unit's report, exit 0."""
    backup = tmp_path / "before.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    result = demo_cli(*LOG)  # the typo, noted as "undo N"
    assert result.exit_code == 0, result.output
    noted = batch_of(result.output)
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert (f"batch {noted}, made after this backup, is gone with it; this restore is recorded as batch {noted + 1}"
            in said), said
    assert demo_cli.sql(f"SELECT command, source FROM batch WHERE id = {noted + 1}") == [("db restore", str(backup))]
    result = demo_cli("log", "shenzhen-2023/5", "3万", "-i", "建设", "--as-of", "2023-07-31")
    assert result.exit_code == 0, result.output
    assert batch_of(result.output) == noted + 2
    reports = demo_cli.sql("SELECT count(*) FROM report_retraction")
    result = demo_cli("undo", str(noted), "--reason", "the typo")
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert f"batch {noted} was made after the backup that batch {noted + 1} (db restore by" in said, said
    assert "nothing was undone" in said
    result = demo_cli("undo", str(noted + 1))
    assert result.exit_code == 2, result.output
    assert "records a `db restore`" in " ".join(result.output.split())
    assert demo_cli.sql("SELECT count(*) FROM report_retraction") == reports
    assert demo_cli.sql("SELECT max(id) FROM batch") == [(noted + 2,)]
    assert demo_cli("db", "check").exit_code == 0


@pytest.mark.sqlite_only
def test_a_restore_over_no_later_batch_records_nothing(demo_cli, tmp_path):
    """A backup that holds every batch the database gave: put back as it is, no batch recorded."""
    backup = tmp_path / "now.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    batches = demo_cli.sql("SELECT id, command FROM batch ORDER BY id")
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0, result.output
    assert "made after this backup" not in result.output
    assert demo_cli.sql("SELECT id, command FROM batch ORDER BY id") == batches
    assert Path(backup).exists()
