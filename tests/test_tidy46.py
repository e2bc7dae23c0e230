"""tidy46: a temporary's name fits the file system's own limit (143 bytes on an encrypted home, not only 255); a
notices folder this run made (and its parents) goes again when nothing was written into it; the folder hold's
refusal names the folder as typed, and is said only of the hold; `db backup FOLDER` on a server refuses first."""

import os
import tempfile

import pytest

from mstrack.domain import limits
from mstrack.render import outputs

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
    assert limits.name_problem(target, beside="-journal", writer="SQLite") is None
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
