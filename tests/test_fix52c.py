"""fix52c: a report said written only once it is (-o /dev/full), in the interface's language; narrow terminals
never break a number or a code; docs' printed output is the real output; batch numbers; programmes --format json."""

import os
import subprocess

import pytest

from .test_safe_output import MSTRACK

WEEKLY = ("report", "weekly", "--as-of", "2023-07-01")


def _run(db, *args: str, env: dict | None = None, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    """mstrack in a subprocess with no --lang of its own: the language is the environment's."""
    base = {k: v for k, v in os.environ.items() if k not in ("MSTRACK_LANG", "LANG", "LC_ALL", "LC_MESSAGES")}
    return subprocess.run([MSTRACK, "--db", str(db), *args], stdout=stdout, stderr=subprocess.PIPE, text=True,
                          env={**base, "COLUMNS": "140", **(env or {})})


@pytest.mark.backend_independent
def test_a_report_into_a_full_device_is_never_said_written(demo_cli):
    result = _run(demo_cli.db, "--lang", "en", *WEEKLY, "--format", "html", "-o", "/dev/full")
    assert result.returncode == 2, result.stderr
    assert "--output /dev/full: cannot write: No space left on device" in result.stderr
    assert "→" not in result.stderr and "Traceback" not in result.stderr
    # a device that takes it: said once it is written
    result = _run(demo_cli.db, "--lang", "en", *WEEKLY, "--format", "html", "-o", "/dev/null")
    assert result.returncode == 0 and result.stderr == "weekly report → /dev/null\n", result.stderr


@pytest.mark.backend_independent
def test_the_written_line_is_in_the_interface_language_the_report_in_its_own(demo_cli, tmp_path):
    target = tmp_path / "周报.md"
    result = _run(demo_cli.db, *WEEKLY, "-o", str(target), env={"LANG": "C.UTF-8"})
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"weekly report → {target}\n"
    assert target.read_text(encoding="utf-8").startswith("# 民生实事进度周报")  # the report stays Chinese
    result = _run(demo_cli.db, *WEEKLY, "-o", str(target), env={"LANG": "zh_CN.UTF-8"})
    assert result.returncode == 0 and result.stderr == f"周报 → {target}\n", result.stderr


def _blocks(path: str) -> list[list[str]]:
    from pathlib import Path

    text = (Path(__file__).parent.parent / path).read_text(encoding="utf-8")
    return [block.strip("\n").splitlines() for block in text.split("```")[1::2]]


def _commands(lines: list[str]) -> list[list[str]]:
    """The commands of a shell block: comments dropped, `\\` continuations joined, the leading `mstrack` and --db taken off."""
    import shlex

    joined, pending = [], ""
    for line in lines:
        line = pending + line.split("#")[0].rstrip()
        if line.endswith("\\"):
            pending = line[:-1] + " "
            continue
        pending = ""
        words = shlex.split(line)
        if words[:1] == ["mstrack"]:
            words = words[1:]
            if words[:1] == ["--db"]:
                words = words[2:]
            joined.append(words)
    return joined


@pytest.mark.backend_independent
def test_the_due_soon_excerpt_of_docs_supervision_is_what_its_command_prints(demo_cli):
    import re
    import shlex

    blocks = _blocks("docs/supervision.md")
    logs = [words for words in _commands(blocks[0]) if words[0] == "log"]
    assert len(logs) == 6, blocks[0]
    for words in logs:
        assert demo_cli(*words).exit_code == 0
    block = next(block for block in blocks if "--only due_soon" in block[0])
    command = re.fullmatch(r"\$ mstrack --db mstrack-demo\.db (.+?)\s+# COLUMNS=(\d+)", block[0])
    assert command, block[0]
    result = demo_cli(*shlex.split(command[1]), env={"COLUMNS": command[2]})
    assert result.exit_code == 0, result.output
    printed = [line.rstrip() for line in result.stdout.splitlines()]
    assert block[1:] == printed, "docs/supervision.md's due_soon excerpt: paste what it prints"


@pytest.mark.backend_independent
def test_the_readme_tour_shows_the_unit_behind_it_speaks_of(demo_cli):
    import json

    tour = _commands(next(block for block in _blocks("README.md") if any("--only behind" in line for line in block)))
    asked = next(i for i, words in enumerate(tour) if "--only" in words and "json" in words)
    for words in tour[:asked]:
        if words[0] == "log":
            assert demo_cli(*words).exit_code == 0
    result = demo_cli(*tour[asked])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and {row["status"] for row in rows} == {"behind"}
    assert {(row["task"], row["indicator"]) for row in rows} == {("5", "建设筹集保障性住房")}


@pytest.mark.backend_independent
def test_narrow_terminals_break_no_code_number_or_term(demo_cli):
    """At 60 and 80 columns: "shenzhen-2" over "023-report", "13" over "8项未到期", "(序时进" over "度)" and
    "yantian-2023/" over "4" were printed; each is now whole on its line."""
    import re

    for columns in ("60", "80"):
        weekly = demo_cli("--lang", "zh", *WEEKLY, env={"COLUMNS": columns})
        assert weekly.exit_code == 0, weekly.output
        for code in ("dongguan-2023", "qingdao-2023", "shenzhen-2023-report", "yantian-2023", "138项未到期",
                     "72项未报送"):
            assert code in weekly.stdout, (columns, weekly.stdout[:600])
        pro_rata = demo_cli("status", "-p", "yantian-2023", "--as-of", "2023-06-30", "--rule", "pro-rata",
                            env={"COLUMNS": columns})
        assert pro_rata.exit_code == 0 and "(序时进度)" in pro_rata.stdout, pro_rata.stdout[:400]
        ranked = demo_cli("--lang", "zh", "units", "-p", "yantian-2023", "--as-of", "2023-10-08", "--rank",
                          env={"COLUMNS": columns})
        assert ranked.exit_code == 0, ranked.output
        assert not re.search(r"yantian-2023/?\s*$", ranked.stdout, re.MULTILINE), ranked.stdout
    # the widest (116 columns) shows every task behind whole
    wide = demo_cli("--lang", "zh", "units", "-p", "yantian-2023", "--as-of", "2023-10-08", "--rank",
                    env={"COLUMNS": "116"})
    assert "yantian-2023/10" in wide.stdout and "yantian-2023/15" in wide.stdout, wide.stdout


def test_an_undo_of_a_skipped_batch_number_says_why_it_is_missing(demo_cli, tmp_path):
    """An import that changed nothing took a number (never given again) and kept no batch: `undo` of it said only
    `no batch 7`."""
    returned = tmp_path / "p.csv"
    returned.write_text("计划,任务编号,指标,截至日期,数值\nshenzhen-2023,5,建设筹集保障性住房,2023-03-31,5000\n",
                        encoding="utf-8")
    assert demo_cli("import", "progress", str(returned)).exit_code == 0
    kept = demo_cli.sql("SELECT max(id) FROM batch")[0][0]
    again = demo_cli("import", "progress", str(returned))  # every row there already: no batch kept
    assert again.exit_code == 0 and "0 reports were written" in again.output, again.output
    logged = demo_cli("log", "shenzhen-2023/5", "6000", "-i", "建设筹集", "--as-of", "2023-04-30")
    assert logged.exit_code == 0, logged.output
    numbers = [n for (n,) in demo_cli.sql(f"SELECT id FROM batch WHERE id > {kept} ORDER BY id")]
    assert len(numbers) == 1 and numbers[0] > kept + 1, numbers  # a number skipped, as SQLite and PostgreSQL may
    skipped = kept + 1
    result = demo_cli("undo", str(skipped))
    assert result.exit_code == 2, result.output
    assert f"batch {skipped} was never kept: the write given that number was interrupted or changed nothing" in result.output
    assert demo_cli.sql("SELECT count(*) FROM batch WHERE undoes IS NOT NULL")[0][0] == 0  # nothing undone
    beyond = demo_cli("undo", str(numbers[0] + 5))
    assert beyond.exit_code == 2 and f"no batch {numbers[0] + 5}; see `mstrack batches`" in beyond.output


def test_programmes_as_json_with_every_key_documented(demo_cli):
    import json
    from pathlib import Path

    from mstrack.render.history import PROGRAMME_KEYS

    result = demo_cli("programmes", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    codes = demo_cli("programmes")
    assert [row["code"] for row in rows] == codes.stdout.split() and len(rows) == 5
    yantian = next(row for row in rows if row["code"] == "yantian-2023")
    assert yantian == {"code": "yantian-2023", "name": "盐田区2023年十件重点民生实事", "year": 2023,
                       "start": "2023-01-01", "end": "2023-12-31", "tasks": 19}
    assert all(tuple(row) == PROGRAMME_KEYS for row in rows)
    text = (Path(__file__).parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    section = text[text.index("## mstrack programmes"):].split("\n## ")[0]
    assert [key for key in PROGRAMME_KEYS if f"`{key}`" not in section] == [], "docs/cli.md: name every key"


def test_programmes_as_json_on_an_empty_store(cli):
    assert cli("init").exit_code == 0
    result = cli("programmes", "-f", "json")
    assert result.exit_code == 0 and result.stdout == "[]\n", result.output
    assert "no programmes in" in result.stderr


@pytest.mark.backend_independent
def test_lights_json_carries_a_reason_code_the_same_in_every_language(demo_cli):
    import json

    asked = ("lights", "-p", "shenzhen-2023", "--as-of", "2023-06-30", "--format", "json")
    english, chinese = (json.loads(demo_cli("--lang", lang, *asked).stdout) for lang in ("en", "zh"))
    codes = [[p["reason_code"] for p in task["periods"]] for task in english]
    assert codes == [[p["reason_code"] for p in task["periods"]] for task in chinese]
    assert {code for task in codes for code in task} <= {"behind", "overdue", "no_report", "due_soon", "caught_up",
                                                       "on_track", "nothing_due", "done"}
    assert "no_report" in {code for task in codes for code in task}
    assert [p["reason"] for task in english for p in task["periods"]] != [p["reason"] for task in chinese
                                                                           for p in task["periods"]]
