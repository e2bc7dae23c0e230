"""Tables as a user meets them at 80 and 120 columns: through CliRunner with the width given (COLUMNS), and
through the installed `mstrack` in a real pseudo-terminal of that size. No line is wider than the terminal
(a CJK character is two cells, rich.cells.cell_len), and the key columns stay whole: every task
reference and every unit name of ordinary length appears unbroken on a line."""

import fcntl
import itertools
import json
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from mstrack.cli import app

WIDTHS = (80, 120)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")

TABLES = (
    ("status", "--as-of", "2023-07-01"),
    ("status", "-p", "yantian-2023", "--as-of", "2023-07-01"),
    ("status", "--rule", "pro-rata", "--as-of", "2023-07-01"),
    ("units", "--as-of", "2023-07-01"),
    ("units", "--responsible", "--as-of", "2023-07-01"),
    ("report", "weekly", "--as-of", "2023-07-01", "--rule", "pro-rata"),
    ("history", "yantian-2023/19"),
    ("batches",),
    ("show", "yantian-2023/14", "--as-of", "2023-07-01"),
    ("programmes",),
)


def from_cell(line: str, cell: int) -> str:
    """What a line shows from the given cell on (a CJK character is two cells)."""
    used = 0
    for index, char in enumerate(line):
        if used >= cell:
            return line[index:]
        used += cell_len(char)
    return ""


def too_wide(text: str, width: int) -> list[str]:
    return [line for line in text.splitlines() if cell_len(line) > width]


def refs_whole(text: str, refs: set[str]) -> set[str]:
    """The references that never appear whole at the start of a table row."""
    starts = {line.split()[0] for line in text.splitlines() if line.strip()}
    return {ref for ref in refs if ref not in starts}


@pytest.mark.backend_independent
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", TABLES, ids=lambda args: " ".join(args))
def test_every_table_fits_the_width_given(demo_cli, width, args):
    result = demo_cli(*args, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()
    assert too_wide(result.stdout, width) == []


@pytest.mark.backend_independent
@pytest.mark.parametrize("width", WIDTHS)
def test_status_keeps_references_status_and_amounts_at_any_width(demo_cli, width):
    rows = json.loads(demo_cli("status", "--as-of", "2023-07-01", "--format", "json").stdout)
    table = demo_cli("--lang", "en", "status", "--as-of", "2023-07-01", env={"COLUMNS": str(width)}).stdout
    assert refs_whole(table, {f"{r['programme']}/{r['task']}" for r in rows}) == set()
    header = table.splitlines()[1]
    for column in ("Task", "Indicator", "Expected", "Actual", "Status"):
        assert column in header, header
    assert ("Lead unit" in header) is (width >= 120)
    assert "…" not in table
    assert too_wide(table, width) == []
    if width == 80:  # what gave way is said under the table
        assert "Left out at this width: Lead unit, Annual target, Done %, Report's word" in " ".join(table.split())


@pytest.mark.backend_independent
def test_status_of_one_programme_names_it(demo_cli):
    table = demo_cli("status", "-p", "yantian-2023", "--as-of", "2023-07-01", env={"COLUMNS": "80"}).stdout
    assert table.splitlines()[0].strip().startswith("yantian-2023 · Livelihood projects: progress as of 2023-07-01")
    assert re.search(r"^ 19 ", table, re.M)


@pytest.mark.backend_independent
@pytest.mark.parametrize("width", WIDTHS)
def test_units_keep_their_names_whole(demo_cli, width):
    units = [u["unit"] + (f"（{u['place']}）" if u["place"] else "")
             for u in json.loads(demo_cli("units", "--as-of", "2023-07-01", "--format", "json").stdout)]
    table = demo_cli("units", "--as-of", "2023-07-01", env={"COLUMNS": str(width)}).stdout
    ordinary = {name for name in units if cell_len(name) <= 24}
    assert len(ordinary) > 40
    assert refs_whole(table, ordinary) == set()
    assert too_wide(table, width) == []
    weekly = demo_cli("report", "weekly", "--as-of", "2023-07-01", env={"COLUMNS": str(width)}).stdout
    assert refs_whole(weekly, ordinary) == set()
    assert "市交通运输局（青岛市）" in ordinary and "市交通运输局（深圳市）" in ordinary  # one city's unit each
    assert too_wide(weekly, width) == []


def test_a_cjk_cell_counts_two_columns_and_folds_whole_characters():
    from mstrack.render.grid import Column, PlainTable

    table = PlainTable([Column("Task"), Column("Indicator", fold=True, min_width=6), Column("Note", drop=1)],
                       omitted=lambda names: "left out: " + ", ".join(names))
    table.add_row("shenzhen-2023-report/12", "建设筹集保障性住房和公共租赁住房", "x" * 60)
    lines = table.text(40).splitlines()
    assert all(cell_len(line) <= 40 for line in lines), lines
    assert lines[-1].strip() == "left out: Note"
    assert lines[2].startswith(" shenzhen-2023-report/12  ")
    folded = [line[len(" shenzhen-2023-report/12  "):].rstrip() for line in lines[2:-1]]
    assert "".join(part.strip() for part in folded) == "建设筹集保障性住房和公共租赁住房"
    assert max(cell_len(part) for part in folded) == 14


def test_a_folded_cell_keeps_a_number_whole():
    """A cell folds between CJK characters but never inside a number, a code or a date: "903课时" is never
    printed as "90" over "3课时" (the same rule as every other wrapped text)."""
    from mstrack.render.grid import Column, PlainTable

    table = PlainTable([Column("Task"), Column("Target", fold=True, min_width=6)])
    table.add_row("shenzhen-2023/5", "完成培训903课时，覆盖1200人，2023-06-30前完成")
    lines = table.text(30).splitlines()
    assert all(cell_len(line) <= 30 for line in lines), lines
    folded = [line[len(" shenzhen-2023/5  "):].strip() for line in lines[2:]]
    assert "".join(folded) == "完成培训903课时，覆盖1200人，2023-06-30前完成", folded
    assert len(folded) > 2
    for whole in ("903", "1200", "2023-06-30"):
        assert any(whole in part for part in folded), (whole, folded)


def mstrack_executable() -> str:
    found = shutil.which("mstrack", path=str(Path(sys.executable).parent)) or shutil.which("mstrack")
    if found is None:
        pytest.fail("the mstrack console script is not installed beside this Python")
    return found


def in_terminal(args: list[str], columns: int, env: dict) -> tuple[int, str]:
    """The installed mstrack in a pseudo-terminal of `columns` × 50: its exit code and what the screen got,
    colours stripped. COLUMNS and LINES are unset: the width is the terminal's own."""
    code, screen = raw_terminal(args, columns, env)
    return code, ANSI.sub("", screen)


def raw_terminal(args: list[str], columns: int, env: dict) -> tuple[int, str]:
    """in_terminal() with the colour codes left in what the screen got (TERM is xterm-256color)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {k: v for k, v in {**os.environ, "TERM": "xterm-256color", **env}.items() if k not in ("COLUMNS", "LINES")}
    process = subprocess.Popen([mstrack_executable(), *args], stdin=follower, stdout=follower, stderr=follower,
                               env=env, close_fds=True)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            process.kill()
            pytest.fail(f"mstrack {args} printed nothing for 60 s")
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the program ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    code = process.wait(timeout=60)
    return code, b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize("columns", WIDTHS)
def test_demo_status_and_units_in_a_real_terminal(tmp_path, columns):
    db = str(tmp_path / "t.db")
    env = {"MSTRACK_LANG": "en"}
    code, screen = in_terminal(["--db", db, "demo"], columns, env)
    assert code == 0, screen
    assert "Status" in screen and "Expected" in screen and "Actual" in screen
    assert [line for line in too_wide(screen, columns) if db not in line] == []  # a long path is the terminal's to wrap
    rows = json.loads(subprocess.run([mstrack_executable(), "--db", db, "status", "--format", "json"],
                                     capture_output=True, text=True, check=False).stdout or "[]")
    for args in (["status", "--as-of", "2023-07-01"], ["units", "--as-of", "2023-07-01"],
                 ["report", "weekly", "--as-of", "2023-07-01"]):
        code, screen = in_terminal(["--db", db, *args], columns, env)
        assert code == 0, screen
        assert too_wide(screen, columns) == [], args
    code, screen = in_terminal(["--db", db, "status", "--as-of", "2023-07-01"], columns, env)
    assert refs_whole(screen, {f"{r['programme']}/{r['task']}" for r in rows}) == set()


def test_the_demo_shows_rows_behind_on_track_and_done_from_the_reported_progress(cli):
    result = cli("demo", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    rows = json.loads(cli("demo", "--format", "json").stdout)
    statuses = {row["status"] for row in rows}
    assert {"behind", "on_track", "done"} <= statuses
    assert {row["programme"] for row in rows} == {"yantian-2023"}  # the one programme with reported progress
    assert {row["rule"] for row in rows} == {"pro-rata"}
    for row in rows:  # every actual is a value the half-year report gave: nothing made up
        if row["actual"] is not None and row["kind"] != "schedule":
            shown = json.loads(cli("show", f"yantian-2023/{row['task']}", "--format", "json").stdout)
            reported = {r["value"] for i in shown["indicators"] if i["name"] == row["indicator"] for r in i["reports"]}
            assert row["actual"] in reported, row
    behind = next(row for row in rows if row["status"] == "behind")
    said = " ".join(result.stderr.replace(" \\\n", " ").split())  # a command's lines joined as a shell joins them
    assert f"mstrack --db {cli.db} show yantian-2023/{behind['task']} --as-of 2023-07-01" in said
    assert "Try next:" in said and "report half-year -p yantian-2023" in said
    assert too_wide(result.stdout, 80) == []
    for line in result.stderr.splitlines():  # but a database path wider than the terminal, on a line of its own
        assert cell_len(line) <= 80 or line.strip().removesuffix(" \\").endswith(str(cli.db)), line


def test_a_year_that_is_over_is_said_once_where_today_is_the_default(demo_cli):
    result = demo_cli("status", "-p", "yantian-2023", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr.count("mstrack: note: the year of these programmes (2023) is over") == 1
    assert "--as-of 2023-12-31" in result.stderr
    json.loads(result.stdout)
    for args in (("units",), ("report", "weekly"), ("show", "yantian-2023/19")):
        said = demo_cli(*args).stderr
        assert said.count("is over") == 1, (args, said)
    assert "is over" not in demo_cli("status", "--as-of", "2023-07-01").stderr


def _commands(group, path=""):
    """(path, click command) of every command and group of the tree."""
    yield path, group
    for name, command in getattr(group, "commands", {}).items():
        yield from _commands(command, f"{path} {name}".strip())


@pytest.mark.backend_independent
def test_every_command_ends_its_help_with_examples_that_parse(demo_cli):
    import shlex

    import typer

    from mstrack.cli import app
    from mstrack.cli.examples import EXAMPLES

    from .test_help import examples_shown

    root = typer.main.get_command(app)
    demo_cli("--help")  # the tree gets its help (metavars, examples) on first use
    paths = dict(_commands(root))
    assert set(paths) == set(EXAMPLES)
    for path in paths:
        assert 2 <= len(EXAMPLES[path]) <= 3, path
        shown = demo_cli(*path.split(), "--help", env={"COLUMNS": "120"}).stdout
        assert examples_shown(shown) == list(EXAMPLES[path]), (path, shown)  # in the last panel (test_help.py)
        assert shown.rstrip().splitlines()[-2][2:].rstrip(" │") == EXAMPLES[path][-1], (path, shown)
        for example in EXAMPLES[path]:
            words = shlex.split(example)[1:]
            while words and words[0] == "--db":
                words = words[2:]
            leaf, args = root, words
            while hasattr(leaf, "commands") and args and args[0] in leaf.commands:
                leaf, args = leaf.commands[args[0]], args[1:]
            leaf.make_context(path or "mstrack", list(args))  # unknown options and bad values raise here


@pytest.mark.parametrize("example", [
    "mstrack status --as-of 2023-07-01", "mstrack --db mstrack-demo.db status -p yantian-2023 --as-of 6月底 --rule pro-rata",
    "mstrack --db mstrack-demo.db status --unit 区残联 --only behind --format json",
    "mstrack --db mstrack-demo.db show yantian-2023/19 --as-of 2023-07-01",
    "mstrack --db mstrack-demo.db history yantian-2023/19 -i 送教上门人次 --format json",
    "mstrack --db mstrack-demo.db units --as-of 2023-07-01",
    "mstrack --db mstrack-demo.db units --responsible -p qingdao-2023 --as-of 2023-07-01",
    "mstrack --db mstrack-demo.db report weekly --as-of 2023-07-01", "mstrack --db mstrack-demo.db report half-year -p yantian-2023",
    "mstrack --db mstrack-demo.db export plan yantian-2023", "mstrack batches -n 5",
])
def test_the_read_only_examples_run_on_the_demo_data(demo_cli, example):
    import shlex

    from mstrack.cli.examples import EXAMPLES

    assert any(example in lines for lines in EXAMPLES.values())
    words = shlex.split(example)[1:]
    result = demo_cli(*(words[2:] if words[0] == "--db" else words))  # the demo's store: demo_cli's
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()


def complete(words: str, env: dict | None = None) -> list[str]:
    """What bash's <TAB> offers for the last word of `words` (a trailing space: a new, empty word)."""
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    done = subprocess.run([mstrack_executable()], capture_output=True, text=True, timeout=60, env={
        **os.environ, **(env or {}), "_MSTRACK_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)})
    assert done.returncode == 0, done.stderr
    return [line for line in done.stdout.splitlines() if line]


@pytest.mark.sqlite_only
def test_completion_offers_programmes_tasks_indicators_and_units_from_the_database(demo_cli, tmp_path):
    db = str(demo_cli.db)
    assert complete(f"mstrack --db {db} status -p sh") == ["shenzhen-2023", "shenzhen-2023-report"]
    assert complete(f"mstrack --db {db} export plan q") == ["qingdao-2023"]
    assert complete(f"mstrack --db {db} log yantian-2023/1") == [f"yantian-2023/{n}" for n in (1, 10, 11, 12, 13, 14, 15,
                                                                                                16, 17, 18, 19)]
    assert complete(f"mstrack --db {db} log yantian-2023/19 -i 送教") == ["送教上门人次", "送教上门课时"]
    assert complete(f"mstrack --db {db} history yantian-2023/19 -i 门课") == ["送教上门课时"]  # a part of the name
    assert "区残联" in complete(f"mstrack --db {db} status --unit 区")
    assert complete("mstrack status -u 残联", env={"MSTRACK_DB": db}) == ["区残联", "市残联"]
    missing = tmp_path / "none.db"
    assert complete(f"mstrack --db {missing} status -p ") == []
    assert not missing.exists()  # a <TAB> never makes a database
    assert complete(f"mstrack --db {db} status --format ") == ["table", "json"]  # the closed lists as before


@pytest.fixture
def no_shell_detected(monkeypatch):
    """mstrack run by a program, not from a shell (a cron job, a CI step): no shell among its parent processes."""
    import shellingham

    def detect_shell(*args, **kwargs):
        raise shellingham.ShellDetectionFailure()

    monkeypatch.setattr(shellingham, "detect_shell", detect_shell)


SCRIPTS = {"bash": "complete -o default -F _mstrack_completion mstrack", "zsh": "#compdef mstrack",
           "fish": "complete --command mstrack", "pwsh": "Register-ArgumentCompleter -Native -CommandName mstrack"}
"""A line of each shell's completion script."""


@pytest.mark.parametrize("shell", sorted(SCRIPTS))
def test_the_completion_script_of_the_shell_named_whatever_the_parent_process(no_shell_detected, shell):
    """`mstrack --show-completion zsh` prints zsh's script, not the script of the shell it runs in, nor Typer's
    "Shell  not supported." where none is detected; `--show-completion=zsh` likewise, before a command too."""
    runner = CliRunner()
    for args in (["--show-completion", shell], [f"--show-completion={shell}"], ["--lang", "en", "--show-completion",
                                                                                 shell, "status"]):
        result = runner.invoke(app, args, catch_exceptions=False, prog_name="mstrack")
        assert (result.exit_code, result.stderr) == (0, ""), args
        assert SCRIPTS[shell] in result.stdout and not any(SCRIPTS[other] in result.stdout
                                                           for other in SCRIPTS if other != shell), args


def test_completion_installs_for_the_shell_named(no_shell_detected, tmp_path):
    result = CliRunner().invoke(app, ["--install-completion", "fish"], env={"HOME": str(tmp_path)}, prog_name="mstrack",
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert SCRIPTS["fish"] in (tmp_path / ".config/fish/completions/mstrack.fish").read_text()
    assert list(tmp_path.iterdir()) == [tmp_path / ".config"]  # no other shell's files


@pytest.mark.parametrize("option", ["--show-completion", "--install-completion"])
def test_a_shell_without_a_script_or_none_detected_is_said_in_chinese_with_exit_2(no_shell_detected, tmp_path,
                                                                                    option):
    runner = CliRunner()
    named = runner.invoke(app, ["--lang", "zh", option, "tcsh"], env={"HOME": str(tmp_path)}, catch_exceptions=False)
    assert named.exit_code == 2 and named.stdout == ""
    assert named.stderr == (f"mstrack: 错误：{option} 'tcsh'：没有这种 shell 的命令补全脚本；请写明以下之一："
                            "bash, zsh, fish, powershell, pwsh\n")
    unnamed = runner.invoke(app, ["--lang", "zh", option], env={"HOME": str(tmp_path)}, catch_exceptions=False)
    assert unnamed.exit_code == 2 and unnamed.stdout == ""
    assert unnamed.stderr.startswith(f"mstrack: 错误：{option}：无法判断当前运行在哪种 shell 中（?）；请在选项后写明 shell")
    assert list(tmp_path.iterdir()) == []  # nothing installed


@pytest.mark.parametrize("option", ["--show-completion", "--install-completion"])
def test_a_lang_after_the_shell_named_is_the_run_s_language(no_shell_detected, tmp_path, option):
    """The shell's name after a completion option is its value, not the command's name: a --lang after it is
    still the root's (MSTRACK_LANG says zh, --lang says en)."""
    said = CliRunner().invoke(app, [option, "tcsh", "--lang", "en"], env={"HOME": str(tmp_path), "MSTRACK_LANG": "zh"},
                              catch_exceptions=False)
    assert said.exit_code == 2 and said.stdout == ""
    assert said.stderr.startswith(f"mstrack: error: {option} 'tcsh': there is no completion script"), said.stderr


@pytest.mark.parametrize("command", [["status"], ["import", "progress", "x.csv"], ["status", "--lang", "en"]])
def test_a_command_after_show_completion_is_the_command_not_a_shell(monkeypatch, tmp_path, command):
    """`mstrack --show-completion status` was refused as "no completion script for the shell 'status'": a
    command's name after the option is the command, so the option takes no shell and prints the script of the
    shell this runs in, as Typer's own does; the command is not run (the option acts first, as before any
    command)."""
    import shellingham

    monkeypatch.setattr(shellingham, "detect_shell", lambda *args, **kwargs: ("zsh", "/bin/zsh"))
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "t.db"), "--show-completion", *command],
                                catch_exceptions=False, prog_name="mstrack")
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    assert SCRIPTS["zsh"] in result.stdout and SCRIPTS["bash"] not in result.stdout
    assert list(tmp_path.iterdir()) == []  # status did not run: no database


def test_a_command_after_show_completion_where_no_shell_is_found_asks_for_the_shell_s_name(no_shell_detected):
    result = CliRunner().invoke(app, ["--lang", "zh", "--show-completion", "status"], catch_exceptions=False)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("mstrack: 错误：--show-completion：无法判断当前运行在哪种 shell 中（?）；请在选项后写明 shell"), \
        result.stderr


def test_the_completion_options_help_names_the_shell():
    shown = CliRunner().invoke(app, ["--lang", "en", "--help"], env={"COLUMNS": "100"}).stdout
    assert "--install-completion [SHELL]" in shown and "--show-completion [SHELL]" in shown


@pytest.mark.parametrize("width", WIDTHS)
def test_history_folds_a_long_note_once_and_says_ditto_below_it(demo_cli, width):
    """The Yantian half-year report gives one long note for all seven indicators of task 19: it is folded
    within the width on the first row, and the rows below it, same note and date, read "ditto"."""
    entries = json.loads(demo_cli("history", "yantian-2023/19", "--format", "json").stdout)
    note = entries[0]["note"]
    assert cell_len(note) > 120 and all(e["note"] == note and e["as_of"] == entries[0]["as_of"] for e in entries)
    result = demo_cli("history", "yantian-2023/19", env={"COLUMNS": str(width)})
    assert result.exit_code == 0 and result.exception is None, result.output
    lines = result.stdout.splitlines()
    assert too_wide(result.stdout, width) == []
    first = next(i for i, line in enumerate(lines) if line.startswith(f" {entries[0]['indicator']} "))
    column = cell_len(lines[first][:lines[first].index(note[:4])])  # where the note column starts, in cells
    rows = [lines[first]] + list(itertools.takewhile(lambda line: line.startswith(" " * column), lines[first + 1:]))
    pieces = [from_cell(line, column).split("  ")[0].strip() for line in rows]
    assert "".join(pieces) == note
    assert [piece for piece in pieces if piece[:1] in "，。、；：）"] == []  # no line starts with a closing mark
    assert len(rows) > 2  # folded, not cut
    ditto = [line for line in lines if re.match(r" \S.* 2023-06-30 .* ditto ", line)]
    assert len(ditto) == len(entries) - 1, lines


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_demo_says_what_to_try_next_without_breaking_a_code_or_a_command(tmp_path, width, lang):
    """Every line fits; each command is on lines of its own, broken (if at all) only between words with a
    shell continuation; no programme code, task reference, date or path is broken across lines."""
    from typer.testing import CliRunner

    from mstrack.cli import app

    db = tmp_path / ("a-directory-with-a-long-name-as-offices-have" * 2) / "t.db"
    result = CliRunner().invoke(app, ["--db", str(db), "--lang", lang, "demo"], env={"COLUMNS": str(width)},
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert [line for line in lines if cell_len(line) > width and str(db) not in line] == []
    commands, current = [], None
    for line in lines:
        if line.startswith("  mstrack ") or current is not None:
            current = (current + " " if current else "") + line.strip().removesuffix(" \\")
            if not line.endswith(" \\"):
                commands.append(current)
                current = None
    assert len(commands) == 5 and all(command.startswith(f"mstrack --db {db} ") for command in commands), commands
    assert f"mstrack --db {db} show yantian-2023/19 --as-of 2023-07-01" in commands
    assert f"mstrack --db {db} report half-year -p yantian-2023" in commands
    words = {word for line in lines for word in re.findall(r"[A-Za-z0-9][A-Za-z0-9/._:-]*[A-Za-z0-9]", line)}
    for code in ("dongguan-2023", "qingdao-2023", "shenzhen-2023-report", "shenzhen-2023", "yantian-2023",
                 "yantian-2023/19", "2023-07-01", f"sqlite:///{db}"):
        assert code in words, (code, lines)
