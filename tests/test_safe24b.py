"""safe24b: -o writes into what is not a regular file (a device, a FIFO, the process's own stdout) instead of
replacing it, and never replaces a sheet holding a unit's figures; `import progress` refuses an option that
disagrees with the file's column, and says what it did not store."""

import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from .conftest import refused  # noqa: F401  (used by the tests below)

MSTRACK = shutil.which("mstrack", path=str(Path(sys.executable).parent)) or shutil.which("mstrack")


def run(db, *args: str, stdout=subprocess.PIPE, cwd=None) -> subprocess.CompletedProcess:
    """The installed script, through a shell as a person runs it."""
    return subprocess.run([MSTRACK, "--db", str(db), "--lang", "en", *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, cwd=cwd, env={**os.environ, "COLUMNS": "140"})


def test_a_fifo_named_by_o_is_written_into_not_replaced(demo_cli, tmp_path):
    fifo = tmp_path / "ff"
    os.mkfifo(fifo)
    read = []
    reader = threading.Thread(target=lambda: read.append(fifo.read_bytes()))
    reader.start()
    result = demo_cli("units", "-f", "csv", "-o", str(fifo))
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert read and b"," in read[0]


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_character_device_named_by_o_stays_a_device(demo_cli, tmp_path):
    node = tmp_path / "devnull"
    try:  # a node of our own for the null device (1, 3): the real /dev/null is never named
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        os.close(os.open(node, os.O_WRONLY))
    except OSError as error:
        pytest.skip(f"no device node here: {error}")
    result = demo_cli("units", "-f", "csv", "-o", str(node))
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat(node).st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".devnull")] == []


def test_o_dev_stdout_appended_keeps_what_the_file_held(demo_cli, tmp_path):
    log = tmp_path / "so.txt"
    log.write_text("old\n", encoding="utf-8")
    with log.open("a", encoding="utf-8") as out:
        done = run(demo_cli.db, "units", "-f", "csv", "-o", "/dev/stdout", stdout=out)
    assert done.returncode == 0, done.stderr
    text = log.read_text(encoding="utf-8")
    assert text.startswith("old\n") and len(text) > 10, text


def test_o_dev_stderr_writes_to_stderr_itself(demo_cli, tmp_path):
    done = run(demo_cli.db, "units", "-f", "csv", "-o", "/dev/stderr")
    assert done.returncode == 0, done.stderr
    assert "," in done.stderr


def test_o_dev_stdout_into_a_pipe(demo_cli):
    done = run(demo_cli.db, "units", "-f", "csv", "-o", "/dev/stdout")
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") > 2, done.stdout
