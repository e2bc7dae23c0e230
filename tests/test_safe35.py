"""safe35: nothing lost. `db restore` restores over a damaged database again (one that fails its check is kept as its
bytes are); a re-import never beats a later correction, also after the import that held the value was undone."""

import contextlib
import os
import sqlite3
from pathlib import Path

import pytest

from .conftest import Cli, restore_failing_at_commit
from .test_safe32a import kept_copies, rows
from .test_safe32b import _reports, _return, _standing, roads  # noqa: F401  (a fixture)

# --- 1. restore over a damaged database ---------------------------------------------------------------------------


def _garble(db: Path, *, header: bool = False) -> None:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    size = db.stat().st_size
    with db.open("r+b") as handle:
        if header:
            handle.write(b"garbage garbage!")
            return
        for page in (size // page_size - 3, size // page_size - 10):  # two pages garbled: the counts still read
            handle.seek(page * page_size + 100)
            handle.write(b"\xff" * 2000)


def _check(db: Path) -> str:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return connection.execute("PRAGMA quick_check").fetchone()[0]


@pytest.mark.sqlite_only
def test_a_database_that_fails_its_check_is_kept_as_its_bytes_and_restored_over(demo_cli, tmp_path):
    db = Path(demo_cli.db)
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    _garble(db)
    damaged = db.read_bytes()
    assert _check(db) != "ok"
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0, result.output
    assert _check(db) == "ok" and rows(db) == rows(backup)
    (kept,) = kept_copies(db)
    assert kept.read_bytes()[100:] == damaged[100:]  # its pages as they were (the header says WAL now)
    assert f"the database as it was is kept in {kept}" in result.output


@pytest.mark.sqlite_only
def test_a_file_with_a_garbled_header_is_kept_aside_and_the_backup_put_in_its_place(demo_cli, tmp_path):
    """Refused before ("move it aside and run the command again"); restore63: the restore moves it aside itself."""
    db = Path(demo_cli.db)
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    _garble(db, header=True)
    damaged = db.read_bytes()
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0, result.output
    assert rows(db) == rows(backup) and kept_copies(db) == []
    (aside,) = db.parent.glob(f"{db.name}.damaged-*")
    assert aside.read_bytes() == damaged and f"kept aside as {aside}" in result.output


# --- 2. a re-import after the import was undone -----------------------------------------------------------------

def _import_batch(cli: Cli) -> int:
    return cli.sql("SELECT batch_id FROM report ORDER BY id LIMIT 1")[0][0]


def test_a_return_imported_again_after_its_import_was_undone_keeps_the_later_correction(roads, tmp_path):  # noqa: F811
    form = _return(tmp_path / "ret.csv", ["x-2023,1,新建道路,2023-12-31,3"])
    assert roads("import", "progress", str(form)).exit_code == 0
    assert roads("log", "x-2023/1", "4", "-i", "新建道路", "--as-of", "2023-12-31", "--reason", "电话核实为4条").exit_code == 0
    undone = roads("undo", str(_import_batch(roads)))
    assert undone.exit_code == 0, undone.output
    reports = _reports(roads)
    again = roads("import", "progress", str(form))
    assert again.exit_code == 0, again.output
    assert "0 new, 0 corrected, 0 already there" in again.output
    assert "1 row restates a value a later entry corrected: not written, the correction kept" in again.output
    assert _standing(roads, "1", "2023-12-31") == [4] and _reports(roads) == reports


def test_an_undone_correction_and_a_flip_flop_keep_what_held(roads, tmp_path):  # noqa: F811
    three = _return(tmp_path / "3.csv", ["x-2023,1,新建道路,2023-12-31,3"])
    assert roads("import", "progress", str(three)).exit_code == 0
    assert roads("log", "x-2023/1", "4", "-i", "新建道路", "--as-of", "2023-12-31").exit_code == 0
    assert roads("undo").exit_code == 0  # the correction undone: 3 stands again
    result = roads("import", "progress", str(three))
    assert "0 new, 0 corrected, 1 already there" in result.output and "later entry" not in result.output
    five = roads("import", "progress", str(_return(tmp_path / "5.csv", ["x-2023,1,新建道路,2023-12-31,5"])))
    assert "0 new, 1 corrected, 0 already there" in five.output and "later entry" not in five.output
    assert roads("log", "x-2023/1", "3", "-i", "新建道路", "--as-of", "2023-12-31").exit_code == 0  # 3 → 5 → 3
    four = roads("import", "progress", str(_return(tmp_path / "4.csv", ["x-2023,1,新建道路,2023-12-31,4"])))
    assert four.exit_code == 0, four.output
    assert "0 new, 0 corrected, 0 already there" in four.output and "later entry corrected" in four.output
    assert _standing(roads, "1", "2023-12-31")[-1] == 3



# --- 3. where the copy is kept, and why it could not be --------------------------------------------------------

@pytest.mark.sqlite_only
def test_the_copy_is_kept_beside_the_file_a_symlinked_db_points_to(demo_cli, tmp_path):
    db = Path(demo_cli.db)
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    links = tmp_path / "links"
    links.mkdir()
    (links / "office.db").symlink_to(db)
    result = Cli(links / "office.db")("db", "restore", str(backup))
    assert result.exit_code == 0, result.output
    (kept,) = kept_copies(db)
    assert list(links.iterdir()) == [links / "office.db"]
    assert f"kept in {kept}" in result.output


@pytest.mark.sqlite_only
@pytest.mark.parametrize(("number", "said"), [
    (30, "the folder {folder} is read-only or not writable for you; make it writable"),
    (13, "the folder {folder} is read-only or not writable for you; make it writable"),
    (17, "every name for the copy of the database as it is is taken"),
    (28, "free space on its disk"),
])
def test_a_copy_not_written_is_said_by_why(demo_cli, tmp_path, monkeypatch, number, said):
    from mstrack.store import backups

    db = Path(demo_cli.db)
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    reports = rows(db)

    def refused(self, target):
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(backups.Backups, "backup", refused)
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 2, result.output
    assert said.format(folder=db.parent) in " ".join(result.output.split())
    assert ("free space" in result.output) == (number == 28)
    assert rows(db) == reports and kept_copies(db) == []


# --- 4. a full disk after the copy was kept ---------------------------------------------------------------------

@pytest.mark.sqlite_only
def test_a_write_failing_after_the_copy_was_kept_names_the_copy(demo_cli, tmp_path):
    """The copy fits, the restore's pages do not (RLIMIT_FSIZE: SQLite says "disk I/O error"): the copy is named."""
    import resource
    import signal

    from .test_safe32a import run

    db = Path(demo_cli.db)
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    with contextlib.closing(sqlite3.connect(backup)) as connection:  # a backup larger than the database
        connection.execute("UPDATE report SET note = hex(randomblob(2000))")
        connection.commit()
    reports = rows(db, "SELECT count(*), max(length(note)) FROM report")
    limit = db.stat().st_size + 8192

    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = run(db, "db", "restore", str(backup), preexec_fn=limited)
    assert result.returncode == 2, result.stderr
    (kept,) = kept_copies(db)
    assert f"{kept} holds the database as it was, kept before this restore; delete it when you no longer need it" in \
        " ".join(result.stderr.split()), result.stderr
    assert rows(db, "SELECT count(*), max(length(note)) FROM report") == reports


@pytest.mark.sqlite_only
def test_a_full_disk_after_the_copy_was_kept_says_to_delete_it_once_restored(demo_cli, tmp_path, monkeypatch):
    """SQLite's "database or disk is full" at the restore's pages, after the copy was kept: the copy is on that disk."""
    db = Path(demo_cli.db)
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    restore_failing_at_commit(monkeypatch, "database or disk is full")
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 2, result.output
    (kept,) = kept_copies(db)
    assert (f"{kept} holds the database as it was, kept before this restore, on that full disk; delete it to free "
            "space once the restore is done") in " ".join(result.output.split())


def test_a_huge_done_percentage_is_written_without_an_exponent(roads):  # noqa: F811
    assert roads("log", "x-2023/1", "100000000000000", "-i", "新建道路", "--as-of", "2023-12-31").exit_code == 0
    result = roads("status", "--as-of", "2023-12-31")
    assert result.exit_code == 0, result.output
    assert "e+" not in result.output and "1000000000000000%" in result.output.replace(",", "")
