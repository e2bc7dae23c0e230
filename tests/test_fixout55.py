"""trial55's consoles, pipes and printed words: a console whose codec lacks a character of a note (GBK, ASCII) prints
it escaped, exit 0, JSON still valid and read back as stored (5); a closed stdout is exit 2 and one line, a closed
stderr keeps the command's own code (7); a CSV whose Chinese a Western code page turned into "?" is said to be one
(11); entered_at is one format in show and history (15); notes on stderr fold at COLUMNS (16); the English light
board prints its words whole (14); docs/cli.md lists exit 141 (13)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mstrack.sources.encodings import chinese_lost

from .test_paper import chromium_print, needs_chromium

SRC = str(Path(__file__).resolve().parents[1] / "src")
ROOT = Path(__file__).resolve().parents[1]
NOTE = "区报数👍𠮷"
"""A note with characters GBK lacks: an emoji and a CJK Extension B character (a name such as 𠮷)."""


def _env(**extra):
    env = dict(os.environ, PYTHONPATH=SRC, MSTRACK_LANG="en", **extra)
    for name in ("MSTRACK_DB", "COLUMNS", "PYTHONIOENCODING"):
        if name not in extra:
            env.pop(name, None)
    return env


def _run(db, *args, shell_tail: str = "", **extra) -> subprocess.CompletedProcess:
    """`python -m mstrack --db DB ARGS` as a process; `shell_tail` redirections as a shell gives them (`>&-`)."""
    argv = [sys.executable, "-m", "mstrack", "--db", str(db), *args]
    if shell_tail:
        return subprocess.run(["sh", "-c", f'"$@" {shell_tail}', "sh", *argv], capture_output=True, env=_env(**extra))
    return subprocess.run(argv, capture_output=True, env=_env(**extra))


@pytest.fixture(scope="module")
def noted_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("fixout55") / "d.db"
    assert _run(db, "demo").returncode == 0
    logged = _run(db, "log", "yantian-2023/19", "950", "-i", "送教上门人次", "--as-of", "2023-06-30", "--note", NOTE)
    assert logged.returncode == 0, logged.stderr.decode()
    return db


def _note_of(entries: list) -> list:
    return [entry["note"] for entry in entries if entry["note"] == NOTE]


@pytest.mark.parametrize("codec", ["gbk", "ascii"])
def test_a_note_the_consoles_codec_lacks_is_escaped_and_json_reads_back_as_stored(noted_db, codec):
    for args in (["history", "yantian-2023/19"], ["show", "yantian-2023/19", "--as-of", "2023-07-01"],
                 ["report", "weekly", "--as-of", "2023-07-01", "-f", "md"],
                 ["status", "-p", "yantian-2023", "--as-of", "2023-07-01"]):
        done = _run(noted_db, *args, PYTHONIOENCODING=codec)
        assert done.returncode == 0 and b"Traceback" not in done.stderr, (args, done.stderr.decode(codec, "replace"))
        shown = done.stdout.decode(codec)  # strict: every byte is the console's
        if args[0] != "status":  # the status table holds no note; its title's · is escaped on ASCII
            assert "\\ud83d\\udc4d\\ud842\\udfb7" in shown, args
    history = _run(noted_db, "history", "yantian-2023/19", "-f", "json", PYTHONIOENCODING=codec)
    assert history.returncode == 0, history.stderr
    assert _note_of(json.loads(history.stdout.decode(codec))) == [NOTE]  # the data untouched
    status = _run(noted_db, "status", "-p", "yantian-2023", "--as-of", "2023-07-01", "-f", "json", PYTHONIOENCODING=codec)
    assert status.returncode == 0, status.stderr
    assert NOTE in json.dumps(json.loads(status.stdout.decode(codec)), ensure_ascii=False)
    if codec == "gbk":  # what GBK holds is written as GBK, not escaped
        assert "区报数".encode("gbk") in history.stdout
    utf8 = _run(noted_db, "history", "yantian-2023/19", "-f", "json")  # a UTF-8 console: as before, nothing escaped
    assert NOTE.encode() in utf8.stdout and b"\\ud83d" not in utf8.stdout


def test_a_closed_stdout_is_exit_2_and_one_line_and_a_write_is_not_stored(noted_db, tmp_path):
    read = _run(noted_db, "status", "--as-of", "2023-07-01", shell_tail=">&-")
    assert read.returncode == 2, read.stderr
    assert read.stderr.decode().splitlines() == [
        "mstrack: error: cannot write the output: standard output is closed (>&-)"]
    for args in (["--help"], ["report", "weekly", "--as-of", "2023-07-01", "-f", "json"]):
        done = _run(noted_db, *args, shell_tail=">&-")
        assert done.returncode == 2 and b"Traceback" not in done.stderr, (args, done.stderr)
    zh = _run(noted_db, "--lang", "zh", "status", "--as-of", "2023-07-01", shell_tail=">&-")
    assert zh.returncode == 2 and zh.stderr.decode().strip() == "mstrack: 错误：无法写出输出：标准输出已关闭（>&-）"
    db = tmp_path / "w.db"
    db.write_bytes(noted_db.read_bytes())
    write = _run(db, "log", "yantian-2023/19", "961", "-i", "送教上门人次", "--as-of", "2023-06-30", shell_tail=">&-")
    assert write.returncode == 2 and b"standard output is closed" in write.stderr, write.stderr
    entries = json.loads(_run(db, "history", "yantian-2023/19", "-f", "json").stdout)
    assert 961 not in [entry["value"] for entry in entries]  # refused before its commit, as on a full disk
    assert _run(db, "db", "check").returncode == 0  # no file of the run took the closed stdout's number


def test_a_closed_stderr_keeps_the_commands_own_exit_code(noted_db):
    shown = _run(noted_db, "status", "-p", "yantian-2023", "--as-of", "2023-07-01", shell_tail="2>&-")
    assert shown.returncode == 0 and "yantian-2023" in shown.stdout.decode()
    refused = _run(noted_db, "log", "x/1", "5", shell_tail="2>&-")
    assert refused.returncode == 2 and refused.stdout == b""
    both = _run(noted_db, "status", "--as-of", "2023-07-01", shell_tail=">&- 2>&-")
    assert both.returncode == 2


def _lost_csv(path: Path, curly: bool) -> Path:
    """A return as an English Windows' "CSV (Comma delimited)" saves a Chinese sheet: every Chinese character "?",
    curly quotes as Windows-1252's 0x93/0x94 (which make it neither UTF-8 nor GB18030)."""
    rows = ["计划,任务编号,工作任务,指标,截至日期,数值,备注",
            "yantian-2023,19,“送教上门”,送教上门人次,2023-06-30,960," + ("“区报”" if curly else "区报")]
    path.write_bytes("\r\n".join(rows).encode("cp1252", "replace") + b"\r\n")
    return path


@pytest.mark.parametrize("curly", [True, False])
def test_a_csv_whose_chinese_became_question_marks_is_said_to_be_one(demo_cli, tmp_path, curly):
    before = demo_cli.sql("select count(*) from report")
    lost = _lost_csv(tmp_path / "zj.csv", curly)
    result = demo_cli("import", "progress", str(lost))
    assert result.exit_code == 2
    assert f"{lost}: its Chinese was lost when it was saved: its headers read ??、????、????、??" in result.stderr
    assert 'save it again as "CSV UTF-8"' in result.stderr and "not a text file" not in result.stderr
    assert demo_cli.sql("select count(*) from report") == before
    zh = demo_cli("--lang", "zh", "import", "progress", str(lost))
    assert zh.exit_code == 2 and "保存时其中的中文已丢失" in zh.stderr


def test_a_header_with_a_few_question_marks_is_not_said_to_be_lost():
    assert chinese_lost(Path("a.csv"), [["计划", "任务编号", "??", "指标"]]) is None  # one cell; Chinese beside it
    assert chinese_lost(Path("a.csv"), [["计划??", "任务??", "x"]]) is None  # Chinese in the cells
    assert chinese_lost(Path("a.csv"), ["??,????,a,b,c"]) is None  # fewer than half
    assert chinese_lost(Path("a.csv"), ["??,????,a"]) is not None


def test_entered_at_is_one_format_in_show_and_history(demo_cli):
    assert demo_cli("log", "yantian-2023/19", "951", "-i", "送教上门人次", "--as-of", "2023-06-30").exit_code == 0
    shown = json.loads(demo_cli("show", "yantian-2023/19", "-f", "json").stdout)
    history = json.loads(demo_cli("history", "yantian-2023/19", "-f", "json").stdout)
    in_show = {report["entered_at"] for ind in shown["indicators"] for report in ind["reports"]}
    in_history = {entry["entered_at"] for entry in history}
    assert in_show and in_show <= in_history  # a script joins them
    batches = json.loads(demo_cli("batches", "-f", "json").stdout)
    for stamp in in_history | {batch["created_at"] for batch in batches}:
        assert len(stamp) == len("2023-07-01T10:00:00+08:00") and "." not in stamp, stamp


def _cells(line: str) -> int:
    from rich.cells import cell_len

    return cell_len(line)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_notes_on_stderr_fold_at_columns_as_stdout_does(noted_db, lang):
    whole = _run(noted_db, "--lang", lang, "show", "yantian-2023/19").stderr.decode().splitlines()
    assert len(whole) == 1 and _cells(whole[0]) > 100  # to a pipe or a log: one line, found whole by grep
    folded = _run(noted_db, "--lang", lang, "show", "yantian-2023/19", COLUMNS="60")
    lines = folded.stderr.decode().splitlines()
    assert folded.returncode == 0 and len(lines) >= 3 and all(_cells(line) <= 60 for line in lines), lines
    assert "".join(lines).replace(" ", "") == whole[0].replace(" ", "")  # folded, not changed


@needs_chromium
def test_the_english_light_board_prints_its_words_whole(demo_cli, tmp_path):
    board = tmp_path / "lights.html"
    result = demo_cli("lights", "-p", "shenzhen-2023", "--as-of", "2023-12-31", "-o", str(board))
    assert result.exit_code == 0, result.output
    html = board.read_text(encoding="utf-8")
    lit = {word: html.count(f'<td class="l-{light}"') for light, word in
           (("grey", "none"), ("red", "red"), ("yellow", "yellow"), ("green", "green"))}
    assert lit["none"] > 100 and lit["red"] > 100
    printed = chromium_print(board, tmp_path)
    words = [word for page in range(1, printed.pages + 1) for word, *_ in printed.words(page)]
    for light, n in lit.items():
        assert words.count(light) >= n, (light, words.count(light), n)  # n/o/n/e a letter a line before
    assert not {"n", "o", "e", "re", "ye", "llo", "gr"} & set(words)


def test_cli_md_lists_every_exit_code_a_script_meets():
    text = " ".join((ROOT / "docs" / "cli.md").read_text(encoding="utf-8").split())
    codes = text[text.index("Exit codes:"):text.index("Exit codes:") + 2500]
    for said in ("0 success", "2 bad usage", "130 interrupted", "141", "standard output is closed"):
        assert said in codes, said
