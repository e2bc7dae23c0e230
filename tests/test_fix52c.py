"""fix52c: a report said written only once it is (-o /dev/full), in the interface's language; narrow terminals
never break a number or a code; docs' printed output is the real output; batch numbers; programmes --format json."""

import os
import subprocess

from .test_safe_output import MSTRACK

WEEKLY = ("report", "weekly", "--as-of", "2023-07-01")


def _run(db, *args: str, env: dict | None = None, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    """mstrack in a subprocess with no --lang of its own: the language is the environment's."""
    base = {k: v for k, v in os.environ.items() if k not in ("MSTRACK_LANG", "LANG", "LC_ALL", "LC_MESSAGES")}
    return subprocess.run([MSTRACK, "--db", str(db), *args], stdout=stdout, stderr=subprocess.PIPE, text=True,
                          env={**base, "COLUMNS": "140", **(env or {})})


def test_a_report_into_a_full_device_is_never_said_written(demo_cli):
    result = _run(demo_cli.db, "--lang", "en", *WEEKLY, "--format", "html", "-o", "/dev/full")
    assert result.returncode == 2, result.stderr
    assert "--output /dev/full: cannot write: No space left on device" in result.stderr
    assert "→" not in result.stderr and "Traceback" not in result.stderr
    # a device that takes it: said once it is written
    result = _run(demo_cli.db, "--lang", "en", *WEEKLY, "--format", "html", "-o", "/dev/null")
    assert result.returncode == 0 and result.stderr == "weekly report → /dev/null\n", result.stderr


def test_the_written_line_is_in_the_interface_language_the_report_in_its_own(demo_cli, tmp_path):
    target = tmp_path / "周报.md"
    result = _run(demo_cli.db, *WEEKLY, "-o", str(target), env={"LANG": "C.UTF-8"})
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"weekly report → {target}\n"
    assert target.read_text(encoding="utf-8").startswith("# 民生实事进度周报")  # the report stays Chinese
    result = _run(demo_cli.db, *WEEKLY, "-o", str(target), env={"LANG": "zh_CN.UTF-8"})
    assert result.returncode == 0 and result.stderr == f"周报 → {target}\n", result.stderr
