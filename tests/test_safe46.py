"""Nothing lost (safe46): what safety44's trial left. A backup's target too long for SQLite was blamed on the database
backed up; a folder for notices (or a notice in it) that is a dangling symbolic link or a loop of them was "cannot
write: File exists" (or a refusal midway, notices written); a backup through a dangling link named the link only, one
into a folder said "exists already"; the kept notices were looked at before the folder was held, and a single notice
into a folder another run was filling was not held off; each batch's time was read back from the row just written."""

import fcntl
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from .conftest import refused
from .test_db_names import deep_folder

sqlite_only = pytest.mark.sqlite_only
NOTICES = ("report", "notice", "--each-unit", "-p", "dongguan-2023", "--as-of", "2023-12-31", "-f", "md")
TEMPORARY = len("/.") + len(".XXXXXXXX.part") - len("/")
"""What a backup's temporary (.NAME.XXXXXXXX.part, beside it) adds to its target's full path."""


# --- 1. a backup's target too long for SQLite -----------------------------------------------------------------------

@sqlite_only  # db backup copies an SQLite file
def test_a_backup_whose_path_is_too_long_for_sqlite_names_the_target_not_the_database(demo_cli, tmp_path):
    for total in (495, 500):  # with /bk.db: 501 (its temporary over 512 with -journal) and 506 bytes
        folder = deep_folder(tmp_path / str(total), total)
        target = os.path.join(folder, "bk.db")
        result = demo_cli("db", "backup", target)
        said = refused(result, f"TARGET {target}: its full path is {total + 6} bytes long",
                       f"give a path of at most {504 - TEMPORARY} bytes")
        assert "--db" not in said and "cannot open the database" not in said, said
        assert os.listdir(folder) == []


@sqlite_only  # db copy --to a file: SQLite writes it under a temporary name beside it, as db backup does
def test_a_copy_whose_path_is_too_long_for_sqlite_names_to_not_its_temporary(demo_cli, tmp_path):
    folder = deep_folder(tmp_path / "c", 495)
    target = os.path.join(folder, "bk.db")
    said = refused(demo_cli("db", "copy", "--to", target), f"--to {target}: its full path is 501 bytes long",
                   f"give a path of at most {504 - TEMPORARY} bytes")
    assert ".part" not in said and "--db" not in said, said
    assert os.listdir(folder) == []


@sqlite_only
def test_a_backup_path_just_short_enough_is_written(demo_cli, tmp_path):
    folder = deep_folder(tmp_path, 504 - TEMPORARY - len("/bk.db"))
    target = os.path.join(folder, "bk.db")
    result = demo_cli("db", "backup", target)
    assert result.exit_code == 0 and result.exception is None, result.output
    assert os.listdir(folder) == ["bk.db"] and os.path.getsize(target) > 0


@sqlite_only
def test_a_backup_name_too_long_for_its_journal_is_refused_as_the_database_s_is(demo_cli, tmp_path):
    (tmp_path / "t").mkdir()
    target = tmp_path / "t" / ("库" * 83 + ".db")  # 252 bytes: opened with --db, it needs NAME-journal beside it
    said = refused(demo_cli("db", "backup", str(target)), "TARGET", "the file name is 252 bytes long",
                   "give a name of at most 247 bytes")
    assert "--db" not in said
    assert os.listdir(tmp_path / "t") == []


# --- 2. symbolic links and folders as targets ---------------------------------------------------------------------

def test_notices_into_a_dangling_link_or_a_loop_say_what_it_is(demo_cli, tmp_path):
    tmp_path = tmp_path / "t"
    tmp_path.mkdir()
    os.symlink("gone", tmp_path / "N")
    os.symlink("L2", tmp_path / "L1")
    os.symlink("L1", tmp_path / "L2")
    said = refused(demo_cli(*NOTICES, "-o", str(tmp_path / "N")),
                   f"--output {tmp_path / 'N'}: is a symbolic link to gone, which does not exist")
    assert "File exists" not in said
    said = refused(demo_cli(*NOTICES, "-o", str(tmp_path / "L1")),
                   f"--output {tmp_path / 'L1'}: is a loop of symbolic links")
    assert "File exists" not in said
    assert sorted(os.listdir(tmp_path)) == ["L1", "L2", "N"]


def test_a_notice_that_is_a_dangling_link_or_a_loop_stops_the_batch_before_the_first(demo_cli, tmp_path):
    """A notice's own file a link into a folder that is not there, or a loop: said before any notice is written
    (it was said midway, 27 of 36 written)."""
    first = demo_cli(*NOTICES, "-o", str(tmp_path / "probe"))
    names = sorted(os.listdir(tmp_path / "probe"))
    assert len(names) > 3, first.output
    for name, links in ((names[-1], {names[-1]: "nofolder/x.md"}), (names[-2], {names[-2]: "x1", "x1": "x2", "x2": "x1"})):
        folder = tmp_path / f"N{len(links)}"
        folder.mkdir()
        for link, to in links.items():
            os.symlink(to, folder / link)
        said = refused(demo_cli(*NOTICES, "-o", str(folder)), f"--output {folder / name}: is ")
        assert ("a symbolic link to nofolder/x.md, which does not exist" if len(links) == 1
                else "a loop of symbolic links") in said, said
        assert sorted(os.listdir(folder)) == sorted(links), "nothing written before the refusal"


@sqlite_only
def test_a_backup_through_a_dangling_link_says_where_it_went(demo_cli, tmp_path):
    os.symlink("nightly.db", tmp_path / "bk.db")
    result = demo_cli("db", "backup", str(tmp_path / "bk.db"))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert f"→ {tmp_path / 'bk.db'} (a symbolic link to nightly.db:" in result.stdout, result.stdout
    assert str(tmp_path / "nightly.db") in result.stdout
    assert (tmp_path / "nightly.db").stat().st_size > 0 and os.path.islink(tmp_path / "bk.db")


@sqlite_only
def test_a_backup_into_a_dangling_link_to_no_folder_is_said_as_one(demo_cli, tmp_path):
    tmp_path = tmp_path / "t"
    tmp_path.mkdir()
    os.symlink("nofolder/bk.db", tmp_path / "bk.db")
    refused(demo_cli("db", "backup", str(tmp_path / "bk.db")),
            f"TARGET {tmp_path / 'bk.db'}: is a symbolic link to nofolder/bk.db, which does not exist")
    assert os.listdir(tmp_path) == ["bk.db"]


@sqlite_only
def test_a_backup_into_a_folder_suggests_a_file_in_it_that_works_as_typed(demo_cli, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    said = refused(demo_cli("db", "backup", str(folder)), f"TARGET {folder}: is a folder; give a file name in it")
    assert "exists already" not in said
    hint = said.strip().splitlines()[-1].split()
    assert hint[:5] == ["mstrack", "--db", str(demo_cli.db), "db", "backup"], said
    suggested = Path(hint[5])
    stem = Path(str(demo_cli.db)).stem
    assert suggested == folder / f"{stem}-{date.today():%Y%m%d}.db", said
    typed = subprocess.run([str(Path(sys.executable).with_name("mstrack")), *hint[1:]], capture_output=True, text=True)
    assert typed.returncode == 0, typed.stderr
    assert os.listdir(folder) == [suggested.name]


# --- 4. the notices' folder held while its files are looked at, and against a single notice into it ----------------

def _held_by_another(folder: Path) -> bool:
    """Whether some open file holds `folder`'s flock (tried from a descriptor of this test's own)."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)
    return False


def test_the_notices_kept_are_looked_at_while_the_folder_is_held(demo_cli, tmp_path, monkeypatch):
    from mstrack.cli import each_unit

    folder = tmp_path / "N"
    folder.mkdir()
    seen = []
    real = each_unit.refuse_kept

    def looked(target, option="--output"):
        seen.append(_held_by_another(folder))
        return real(target, option)

    monkeypatch.setattr(each_unit, "refuse_kept", looked)
    result = demo_cli(*NOTICES, "-o", str(folder))
    assert result.exit_code == 0, result.output
    assert len(seen) > 3 and all(seen), seen


def test_a_single_notice_into_a_folder_an_each_unit_run_is_writing_is_refused(demo_cli, tmp_path):
    folder = tmp_path / "N"
    folder.mkdir()
    descriptor = os.open(folder, os.O_RDONLY)
    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as an --each-unit run holds it
    try:
        result = demo_cli("report", "notice", "-u", "市教育局", "--as-of", "2023-12-31", "-f", "md",
                          "-o", str(folder / "市教育局.md"))
    finally:
        os.close(descriptor)
    refused(result, f"--output {folder / '市教育局.md'}: another mstrack is writing into {folder}", "nothing written")
    assert os.listdir(folder) == []


def test_an_each_unit_run_waits_for_no_single_write_but_refuses_while_one_holds_the_folder(demo_cli, tmp_path):
    """A single -o into the folder holds it shared while it writes: an --each-unit run meanwhile is refused whole;
    two single writes into one folder never refuse each other."""
    folder = tmp_path / "N"
    folder.mkdir()
    descriptor = os.open(folder, os.O_RDONLY)
    fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)  # as a single -o holds it while it writes
    try:
        each = demo_cli(*NOTICES, "-o", str(folder))
        single = demo_cli("report", "notice", "-u", "市教育局", "--as-of", "2023-12-31", "-f", "md",
                          "-o", str(folder / "one.md"))
    finally:
        os.close(descriptor)
    refused(each, f"another mstrack is writing into {folder}")
    assert single.exit_code == 0 and single.exception is None, single.output
    assert os.listdir(folder) == ["one.md"]


# --- 5. a batch's time handed back, not read back ---------------------------------------------------------------------

def test_a_write_reads_no_batch_time_back(demo_cli, monkeypatch):
    """The reports' entered_at is the time the batch row was given, with no SELECT of it after the insert."""
    from mstrack.store.dialect import Dialect

    statements = []
    real = Dialect.rows

    def rows(self, connection, sql, params=()):
        statements.append(sql)
        return real(self, connection, sql, params)

    monkeypatch.setattr(Dialect, "rows", rows)
    result = demo_cli("log", "yantian-2023/19", "990", "-i", "送教上门人次", "--as-of", "2023-06-30")
    assert result.exit_code == 0, result.output
    assert not [sql for sql in statements if sql.startswith("SELECT created_at FROM batch WHERE id")], statements
    assert any(sql.startswith("SELECT created_at FROM batch ORDER BY id DESC") for sql in statements)  # batch_moment's
    (batch, created), = demo_cli.sql("SELECT id, created_at FROM batch ORDER BY id DESC LIMIT 1")
    assert demo_cli.sql(f"SELECT DISTINCT entered_at FROM report WHERE batch_id = {batch}") == [(created,)]


@sqlite_only
def test_a_backup_named_in_gbk_bytes_is_restored_not_a_traceback(demo_cli, tmp_path):
    """A backup may be so named (safe44c: made, its line readable); `db restore` of it said a traceback (SQLite's URI
    of a name not UTF-8): now it is read by its own bytes."""
    name = os.fsdecode(b"\xd7\xa1\xbd\xa8\xbe\xd6.db")  # 住建局.db in GBK bytes
    assert demo_cli("db", "backup", str(tmp_path / name)).exit_code == 0
    before = demo_cli.sql("SELECT count(*) FROM report")
    assert demo_cli("log", "yantian-2023/19", "990", "-i", "送教上门人次", "--as-of", "2023-06-30").exit_code == 0
    result = demo_cli("db", "restore", str(tmp_path / name))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert "住建局.db" in result.stdout
    assert demo_cli.sql("SELECT count(*) FROM report") == before
