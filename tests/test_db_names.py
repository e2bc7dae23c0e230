"""Nothing lost (safety44's trial): --db names SQLite cannot open are refused by the store's one check
(sqlite_file.refuse_not_a_file) with their cause, before anything is made. Before: a name that is not UTF-8 (a GBK
name unpacked from a Windows zip) made an empty file and then failed every command with a traceback; a path over
SQLite's 512 bytes, or a name too long for its -journal, said only "unable to open database file" and left a 0-byte
file, then advised `mstrack init`, which failed the same way; a loop of symbolic links did the same."""

import os
import sqlite3
import subprocess
import sys

import pytest

from mstrack.errors import InputError
from mstrack.store import Store

from .conftest import Cli

pytestmark = pytest.mark.sqlite_only  # about names of SQLite files

GBK_NAME = os.fsdecode(b"\xd7\xa1\xbd\xa8\xbe\xd6.db")  # 住建局.db written in GBK, as a Windows zip leaves it


def deep_folder(tmp_path, total: int):
    """A folder under tmp_path whose absolute path is `total` bytes long (made)."""
    folder = str(tmp_path)
    while len(os.fsencode(folder)) < total - 60:
        folder = os.path.join(folder, "市住房和城乡建设局民生实事")
    folder = os.path.join(folder, "x" * (total - len(os.fsencode(folder)) - 1))
    os.makedirs(folder)
    assert len(os.fsencode(folder)) == total
    return folder


def run(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mstrack", "--lang", "en", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


@pytest.mark.parametrize("command", [["init"], ["demo"], ["status"]])
def test_a_name_that_is_not_utf8_is_refused_and_nothing_is_made(tmp_path, command):
    done = run("--db", GBK_NAME, *command, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "--db 住建局.db: the file name is not UTF-8 text, and SQLite opens only UTF-8 names" in done.stderr  # GB18030
    assert "Traceback" not in done.stderr
    assert os.listdir(tmp_path) == []


def test_a_database_so_named_is_refused_not_opened(tmp_path):
    """A real database renamed to such a name: refused with the reason, nothing left beside it (-wal, -shm)."""
    made = run("--db", "ok.db", "init", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    os.rename(tmp_path / "ok.db", os.path.join(tmp_path, GBK_NAME))
    before = sorted(os.listdir(tmp_path))
    for command in (["status"], ["db", "backup", "copy.db"]):
        done = run("--db", GBK_NAME, *command, cwd=tmp_path)
        assert done.returncode == 2, done.stderr
        assert "not UTF-8 text" in done.stderr
        assert sorted(os.listdir(tmp_path)) == before


def test_a_store_made_directly_refuses_such_a_name(tmp_path):
    with pytest.raises(InputError, match="not UTF-8 text"):
        Store(f"sqlite:///{tmp_path / GBK_NAME}").init()
    assert os.listdir(tmp_path) == []


def test_a_path_longer_than_sqlite_opens_is_refused_with_its_length(tmp_path):
    folder = deep_folder(tmp_path, 500)  # + "/office.db" = 510 bytes, + "-journal" over 512
    done = run("--db", os.path.join(folder, "office.db"), "init", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "its full path is 510 bytes long, and SQLite opens paths of at most 504 bytes" in done.stderr
    assert os.listdir(folder) == []


def test_a_path_just_short_enough_opens(tmp_path):
    """The limit is SQLite's own: a path of 504 bytes works (init and a read), so no usable database is refused."""
    folder = deep_folder(tmp_path, 494)
    path = os.path.join(folder, "office.db")
    assert len(os.fsencode(path)) == 504
    for command in (["init"], ["status"]):
        done = run("--db", path, *command, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM programme").fetchone() == (0,)


def test_a_name_too_long_for_its_journal_is_refused(tmp_path):
    name = "库" * 83 + ".db"  # 252 bytes: a valid name, but NAME-journal is 260, over 255
    done = run("--db", name, "init", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "the file name is 252 bytes long; SQLite writes NAME-journal beside it" in done.stderr
    assert "give a name of at most 247 bytes" in done.stderr
    assert os.listdir(tmp_path) == []


def test_a_loop_of_symbolic_links_is_refused_as_one(tmp_path):
    os.symlink("b.db", tmp_path / "a.db")
    os.symlink("a.db", tmp_path / "b.db")
    for command in (["init"], ["status"]):
        result = Cli(tmp_path / "a.db")(*command)
        assert result.exit_code == 2, result.output
        assert isinstance(result.exception, SystemExit)
        assert "a.db: is a loop of symbolic links" in result.output
    assert sorted(os.listdir(tmp_path)) == ["a.db", "b.db"]
