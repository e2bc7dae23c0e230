"""tidy46: a temporary's name fits the file system's own limit (143 bytes on an encrypted home, not only 255); a
notices folder this run made (and its parents) goes again when nothing was written into it; the folder hold's
refusal names the folder as typed, and is said only of the hold; `db backup FOLDER` on a server refuses first."""

import os
import tempfile

import pytest

from mstrack import filesystem
from mstrack.render import outputs

from .conftest import refused
from .test_safe44d import _held_folder

sqlite_only = pytest.mark.sqlite_only
SHORT = 143
"""eCryptfs's longest name (an encrypted home folder): pathconf says so, as the tests' patch does."""


@pytest.fixture
def short_names(monkeypatch):
    """The file system of every path says its names are at most SHORT bytes (os.pathconf, as eCryptfs answers)."""
    real = os.pathconf
    monkeypatch.setattr(os, "pathconf", lambda path, name: SHORT if name == "PC_NAME_MAX" else real(path, name))


# --- §5. a temporary's name on a file system of short names ---------------------------------------------------------

def test_a_temporary_s_name_fits_the_file_system_s_own_limit(short_names, tmp_path):
    name = "a" * 130 + ".db"  # 133 bytes: passes the length check with SQLite's -journal beside it
    target = tmp_path / name
    assert filesystem.name_problem(target, beside="-journal", writer="SQLite") is None
    temporary = outputs.part_prefix(target) + "XXXXXXXX.part"
    assert len(temporary.encode()) + len("-journal") <= SHORT, temporary
    assert temporary.startswith(".aaa") and temporary.endswith("~.XXXXXXXX.part")
    assert outputs.part_added(target) == len(temporary.encode()) - len(name.encode())


def test_a_short_name_s_temporary_keeps_the_whole_name(short_names, tmp_path):
    assert outputs.part_prefix(tmp_path / "报告.md") == ".报告.md."


def test_a_file_system_of_tiny_names_cuts_the_name_to_nothing_rather_than_loop(monkeypatch, tmp_path):
    real = os.pathconf
    monkeypatch.setattr(os, "pathconf", lambda path, name: 14 if name == "PC_NAME_MAX" else real(path, name))
    assert outputs.part_prefix(tmp_path / "report.md") == ".~."


@sqlite_only  # db backup copies an SQLite file
def test_a_backup_on_a_file_system_of_short_names_makes_a_temporary_it_can_hold(short_names, demo_cli, tmp_path,
                                                                                monkeypatch):
    made = []
    real = tempfile.mkstemp

    def mkstemp(*args, **kwargs):
        descriptor, path = real(*args, **kwargs)
        made.append(os.path.basename(path))
        if len(made[-1].encode()) + len("-journal") > SHORT:  # what the file system would refuse (ENAMETOOLONG)
            os.close(descriptor)
            os.unlink(path)
            raise OSError(36, os.strerror(36), path)
        return descriptor, path

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    target = tmp_path / ("b" * 130 + ".db")
    result = demo_cli("db", "backup", str(target))
    assert result.exit_code == 0, result.output
    assert target.exists() and made, made
    assert [name for name in os.listdir(tmp_path) if name.endswith(".part")] == []


# --- §6. the notices folder this run made goes again when nothing was written into it --------------------------------

NOTICES = ("report", "notice", "--each-unit", "-p", "dongguan-2023", "--as-of", "2023-12-31", "-f", "md")


def _disk_full_at(monkeypatch, call: int) -> None:
    """The notices' writes fail from the `call`-th on (1: the first), as a full disk fails them."""
    from mstrack.cli import report_output

    real, calls = report_output.write_content, []

    def write_content(path, content, fmt):
        calls.append(path)
        if len(calls) >= call:
            raise OSError(28, os.strerror(28))
        return real(path, content, fmt)

    monkeypatch.setattr(report_output, "write_content", write_content)


def test_notices_none_written_leave_no_folder_this_run_made_nor_its_parents(demo_cli, tmp_path, monkeypatch):
    _disk_full_at(monkeypatch, 1)
    refused(demo_cli(*NOTICES, "-o", str(tmp_path / "a" / "b" / "N")), "No space left on device", "none of the")
    assert not os.path.lexists(tmp_path / "a")


def test_notices_none_written_into_a_folder_there_before_leave_it(demo_cli, tmp_path, monkeypatch):
    (tmp_path / "a" / "N").mkdir(parents=True)
    _disk_full_at(monkeypatch, 1)
    refused(demo_cli(*NOTICES, "-o", str(tmp_path / "a" / "b" / "N")), "none of the")
    assert os.listdir(tmp_path / "a") == ["N"] and not os.path.lexists(tmp_path / "a" / "b")
    refused(demo_cli(*NOTICES, "-o", str(tmp_path / "a" / "N")), "none of the")
    assert os.listdir(tmp_path / "a") == ["N"] and os.listdir(tmp_path / "a" / "N") == []


def test_notices_stopped_midway_keep_the_folder_and_the_ones_written(demo_cli, tmp_path, monkeypatch):
    _disk_full_at(monkeypatch, 2)
    folder = tmp_path / "a" / "N"
    refused(demo_cli(*NOTICES, "-o", str(folder)), "1 of ")
    assert len(os.listdir(folder)) == 1


def test_a_kept_notice_written_between_the_folder_made_and_the_hold_is_refused_and_left(demo_cli, tmp_path,
                                                                                         monkeypatch):
    """Another program's file, made in the folder this run has just made, before it is held: refused as kept (the
    look comes once the folder is held), and left there with the folders above it; nothing of this run's written."""
    from contextlib import contextmanager

    folder = tmp_path / "a" / "N"
    notes = folder / "市教育局.md"
    real = outputs.writing_into

    @contextmanager
    def writing_into(where, shared=False):
        if not shared and not notes.exists():
            notes.write_text("# 办公室的笔记\n", encoding="utf-8")
        with real(where, shared) as held:
            yield held

    monkeypatch.setattr(outputs, "writing_into", writing_into)
    refused(demo_cli(*NOTICES, "-o", str(folder)), str(notes))
    assert os.listdir(folder) == ["市教育局.md"] and os.listdir(tmp_path / "a") == ["N"]
    assert notes.read_text(encoding="utf-8") == "# 办公室的笔记\n"


# --- §7. the folder hold: said of the folder as typed, and only of the hold --------------------------------------------

NOTICE = ("report", "notice", "-u", "市教育局", "--as-of", "2023-12-31", "-f", "md")


def test_the_hold_s_refusal_names_the_folder_as_typed_and_the_real_one(demo_cli, tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "out").symlink_to(real)
    descriptor = _held_folder(real)
    try:
        result = demo_cli(*NOTICE, "-o", str(tmp_path / "out" / "市教育局.md"))
    finally:
        os.close(descriptor)
    refused(result, f"another mstrack is writing into {tmp_path / 'out'} ({real})", "nothing written")
    assert os.listdir(real) == []


def test_the_hold_s_refusal_with_no_folder_typed_names_the_real_one(demo_cli, tmp_path, monkeypatch):
    folder = tmp_path / "N"
    folder.mkdir()
    monkeypatch.chdir(folder)
    descriptor = _held_folder(folder)
    try:
        result = demo_cli(*NOTICE, "-o", "市教育局.md")
    finally:
        os.close(descriptor)
    said = refused(result, f"another mstrack is writing into {folder} (notices to each unit)")
    assert f"({folder})" not in said and os.listdir(folder) == []


def test_a_renderer_s_eagain_is_said_as_the_write_s_not_as_another_run(demo_cli, tmp_path, monkeypatch):
    from mstrack.cli import report_output

    def write_content(path, content, fmt):
        raise BlockingIOError(11, os.strerror(11))

    monkeypatch.setattr(report_output, "write_content", write_content)
    folder = tmp_path / "N"
    folder.mkdir()
    said = refused(demo_cli(*NOTICE, "-o", str(folder / "市教育局.md")), "cannot write: Resource temporarily unavailable")
    assert "another mstrack" not in said and os.listdir(folder) == [], said


# --- §14. db backup on a server's store: refused first -----------------------------------------------------------------

def test_a_backup_of_a_server_s_store_into_a_folder_is_refused_before_a_file_name_is_suggested(tmp_path):
    """A PostgreSQL store is backed up by pg_dump: said before anything else (was "is a folder; give a file name in
    it, such as: … mstrack-20261206.db", whose name then got the refusal), and before connecting, as db restore."""
    from .conftest import Cli

    folder = tmp_path / "backups"
    folder.mkdir()
    server = Cli("postgresql+psycopg://someone@localhost:1/office")
    for target in (folder, folder / "office.db"):
        said = refused(server("db", "backup", str(target)), "use the server's own tools (pg_dump) to back it up")
        assert "such as" not in said and ".db\n" not in said.replace(str(target), ""), said
    assert os.listdir(folder) == []
