"""The issue's command sequence through the installed `mstrack` executable, in subprocesses."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def mstrack_executable() -> str:
    found = shutil.which("mstrack", path=str(Path(sys.executable).parent)) or shutil.which("mstrack")
    if found is None:
        pytest.fail("the mstrack console script is not installed beside this Python")
    return found


def run(*args: str, cwd: Path, check_code: int = 0) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "MSTRACK_DB"}
    done = subprocess.run([mstrack_executable(), *args], cwd=cwd, capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == check_code, (args, done.stdout, done.stderr)
    return done


def test_the_core_loop_as_a_user_types_it(tmp_path):
    t, u = str(tmp_path / "t.db"), str(tmp_path / "u.db")
    assert "进度滞后" in run("--db", t, "demo", cwd=tmp_path).stdout
    assert "市住房建设局" in run("--db", t, "show", "shenzhen-2023/5", cwd=tmp_path).stdout
    run("--db", t, "log", "shenzhen-2023/5", "2.5万", "--indicator", "建设筹集保障性住房", "--as-of",
        "2023-06-30", "--note", "区报数", cwd=tmp_path)
    table = run("--db", t, "status", "--programme", "shenzhen-2023", "--as-of", "2023-07-01", cwd=tmp_path).stdout
    assert "进度滞后" in table
    rows = json.loads(run("--db", t, "status", "--unit", "市住房建设局", "--only", "behind", "--format", "json",
                          "--as-of", "2023-07-01", cwd=tmp_path).stdout)
    assert [(r["task"], r["status"]) for r in rows] == [("5", "behind")]
    run("--db", t, "export", "plan", "shenzhen-2023", "-o", "sz.toml", cwd=tmp_path)
    run("--db", u, "import", "plan", "sz.toml", cwd=tmp_path)
    again = run("--db", u, "export", "plan", "shenzhen-2023", cwd=tmp_path).stdout
    assert again == (tmp_path / "sz.toml").read_text(encoding="utf-8")


def test_errors_reach_the_shell_as_exit_2_without_traceback(tmp_path):
    db = str(tmp_path / "t.db")
    run("--db", db, "demo", cwd=tmp_path)
    done = run("--db", db, "log", "shenzhen-2023/5", "2.5万", "--as-of", "2023-02-30", "-i", "建设",
               cwd=tmp_path, check_code=2)
    assert "2023-02-30" in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1


def test_python_dash_m(tmp_path):
    done = subprocess.run([sys.executable, "-m", "mstrack", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("mstrack ")
