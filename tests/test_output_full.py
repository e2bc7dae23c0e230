"""An output cut short never exits 0: a raw stdout (PYTHONUNBUFFERED, -u) whose file takes fewer bytes than
given gets the rest written, or the command fails with exit 2 and one line (cli/failures.WholeWrites); a
Ctrl-C while the modules load exits 130 with one line (mstrack/entry.py)."""

import errno
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from mstrack import entry
from mstrack.cli.failures import WholeWrites

SRC = str(Path(__file__).resolve().parents[1] / "src")


def _env(**extra):
    env = dict(os.environ, PYTHONPATH=SRC, **{"MSTRACK_LANG": "en", **extra})
    env.pop("MSTRACK_DB", None)
    return env


class _TakesFive(io.FileIO):
    """A raw file that takes at most five bytes a write (as write(2) may) and, after `room` writes, ENOSPC."""

    room = 3
    seen: list

    def write(self, data):
        self.seen.append(len(data))
        if len(self.seen) > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return super().write(bytes(data[:5]))


class _Short(WholeWrites, _TakesFive):
    """WholeWrites over a raw file that writes short."""


def test_whole_writes_writes_the_rest_of_a_short_write_and_a_full_disk_raises():
    r, w = os.pipe()
    try:
        short = _Short(w, "wb", closefd=False)
        short.seen = []
        assert short.write(b"abcdefghijklmno") == 15
        assert os.read(r, 100) == b"abcdefghijklmno"
        assert short.seen == [15, 10, 5]
        with pytest.raises(OSError) as failed:
            short.write(b"0123456789")
        assert failed.value.errno == errno.ENOSPC
        bare = _TakesFive(w, "wb", closefd=False)  # what the raw file alone does: a short count, no error
        bare.seen = []
        assert bare.write(b"0123456789") == 5
    finally:
        os.close(r)
        os.close(w)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("of") / "q.db"
    done = subprocess.run([sys.executable, "-m", "mstrack", "--db", str(db), "demo"], env=_env(),
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return db


def _small_tmpfs():
    """A 100 KiB tmpfs (root only), or None."""
    if os.geteuid() != 0:
        return None
    where = tempfile.mkdtemp()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=100k", "tmpfs", where], capture_output=True)
    if mounted.returncode != 0:
        os.rmdir(where)
        return None
    return where


@pytest.mark.parametrize("unbuffered", ["1", ""])
def test_status_json_on_a_nearly_full_disk_exits_2_and_says_so(demo_db, unbuffered):
    where = _small_tmpfs()
    if where is None:
        pytest.skip("needs root and a tmpfs mount to fill a disk (the short write is tested without)")
    try:
        target = Path(where) / "s.json"
        with open(target, "wb") as out:
            done = subprocess.run([sys.executable, "-m", "mstrack", "--db", str(demo_db), "status", "--as-of",
                                   "2023-12-31", "-f", "json"], stdout=out, stderr=subprocess.PIPE, text=True,
                                  env=_env(PYTHONUNBUFFERED=unbuffered))
        written = target.read_bytes()
        assert done.returncode == 2, (done.returncode, len(written), done.stderr)
        assert done.stderr.strip().splitlines() == [
            "mstrack: error: cannot write the output: No space left on device"]
        assert "Traceback" not in done.stderr
        with pytest.raises(ValueError):
            json.loads(written)  # cut short, and said to be
    finally:
        subprocess.run(["umount", "--lazy", where], check=False)  # lazy: even if an open file keeps it busy
        os.rmdir(where)


def test_status_json_whole_under_pythonunbuffered(demo_db, tmp_path):
    """The wrapped stdout writes the same document as a buffered one."""
    outputs = []
    for unbuffered in ("1", ""):
        done = subprocess.run([sys.executable, "-m", "mstrack", "--db", str(demo_db), "status", "--as-of",
                               "2023-12-31", "-f", "json"], capture_output=True,
                              env=_env(PYTHONUNBUFFERED=unbuffered))
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])


def test_ctrl_c_while_the_modules_load_is_exit_130_and_one_line(monkeypatch, capsys):
    def interrupted_import(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setenv("MSTRACK_LANG", "en")
    monkeypatch.setattr("mstrack.cli.saying._lang", None)  # no run resolved a language before this one
    monkeypatch.delitem(sys.modules, "mstrack.cli", raising=False)
    monkeypatch.setattr("builtins.__import__", interrupted_import)
    with pytest.raises(SystemExit) as ended:
        entry.main()
    monkeypatch.undo()
    assert ended.value.code == 130
    assert capsys.readouterr().err == f"{entry.SAID['en']}\n"


SLOW_START = """
import importlib.abc, sys, time
class Slow(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "typer":
            sys.stderr.write("loading\\n"); sys.stderr.flush(); time.sleep(5)
        return None
sys.meta_path.insert(0, Slow())
sys.argv = ["mstrack", "--help"]
before = set(sys.modules)
from mstrack.entry import main
assert set(sys.modules) - before == {"mstrack", "mstrack.entry"}, set(sys.modules) - before  # sys alone
main()
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ctrl_c_right_after_start_is_exit_130_without_a_traceback(lang):
    """The line a command's Ctrl-C says (cli/failures.py), in the run's language (here MSTRACK_LANG's)."""
    child = subprocess.Popen([sys.executable, "-c", SLOW_START], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, encoding="utf-8", env=_env(MSTRACK_LANG=lang))
    assert child.stderr.readline() == "loading\n"
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=30)
    assert child.returncode == 130, (child.returncode, err)
    assert err == {"en": "mstrack: interrupted: nothing of what this command was writing was kept\n",
                   "zh": "mstrack: 已中断：本命令正在写入的内容均未保留\n"}[lang]
    assert out == ""
