"""Help as a user meets it (issue 16 item 10): in panels, complete, its examples last, at 80 and 120 columns
(CJK counts two cells); coloured in a real terminal, plain through a pipe and with NO_COLOR."""

import os
import re
import subprocess
import sys

import pytest
import typer.main
from rich.cells import cell_len

from mstrack.cli import app
from mstrack.cli.app import METAVARS
from mstrack.cli.examples import EXAMPLES

from .conftest import run_apart
from .test_terminal import ANSI, WIDTHS, mstrack_executable, raw_terminal, too_wide

pytestmark = pytest.mark.backend_independent  # output only: the store sets the scene (docs/testing.md)


def tree(command, path=""):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from tree(sub, f"{path} {name}".strip())


ROOT = typer.main.get_command(app)
PATHS = [path for path, _ in tree(ROOT)]


def panel(text: str, title: str) -> list[str]:
    """The lines inside the panel titled `title`, borders and padding taken off."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"╭─ {title} "))
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("╰"))
    assert all(line.startswith("│ ") and line.endswith(" │") for line in lines[start + 1:end]), lines[start:end + 1]
    return [line[2:-2].rstrip() for line in lines[start + 1:end]]


def examples_shown(text: str) -> list[str]:
    """The example command lines of a help, continuation lines (` \\`) joined: as a shell reads them."""
    joined, current = [], ""
    for line in panel(text, "Examples"):
        current += line.strip() if current else line
        if current.endswith(" \\"):
            current = current[:-1]
            continue
        joined.append(current)
        current = ""
    return joined


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PATHS, ids=lambda path: path or "mstrack")
def test_every_help_is_complete_in_panels_and_fits_the_width(cli, path, width):
    result = cli(*path.split(), "--help", env={"COLUMNS": str(width)})
    assert result.exit_code == 0 and result.exception is None, result.output
    shown = result.stdout
    assert too_wide(shown, width) == []
    assert "\x1b[" not in shown  # not a terminal: no colours
    assert shown.startswith(" Usage: root ") and f" {path} [OPTIONS]".replace("  ", " ") in shown.splitlines()[0]
    command = dict(tree(ROOT))[path]
    options = "\n".join(panel(shown, "Options"))
    for param in command.params:
        if param.param_type_name == "option":
            for name in param.opts + param.secondary_opts:
                assert re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", options), (path, name)
        else:
            metavar = METAVARS.get(param.name, param.name.upper())
            assert re.search(rf"^{re.escape(metavar)} ", "\n".join(panel(shown, "Arguments")), re.M), (path, metavar)
    for name, sub in getattr(command, "commands", {}).items():  # each with its first sentence whole, no "..."
        listed = "".join("".join(panel(shown, "Commands")).split())  # Chinese folds without a space: compare unspaced
        assert "".join(f"{name}{sub.get_short_help_str(10_000)}".split()) in listed, (path, name)
        assert "..." not in listed
    assert examples_shown(shown) == list(EXAMPLES[path])
    assert shown.rstrip().splitlines()[-1].startswith("╰")  # the examples' panel is the last thing said
    assert shown.rstrip().splitlines()[-2 - (cell_len(EXAMPLES[path][-1]) > width - 4)].startswith("│ mstrack ")


def test_a_long_example_is_broken_between_words_with_a_continuation(cli):
    shown = cli("import", "table", "--help", env={"COLUMNS": "80"}).stdout
    lines = panel(shown, "Examples")
    long = "mstrack import table 分解表.xlsx --sheet 附件1 -p city-2024 --year 2024 -o city-2024.toml"
    assert cell_len(long) > 76 and long in examples_shown(shown)
    broken = [line for line in lines if line.endswith(" \\")]
    assert len(broken) == 1 and lines[lines.index(broken[0]) + 1].startswith("    city-2024.toml")
    wide = cli("import", "table", "--help", env={"COLUMNS": "120"}).stdout
    assert long in panel(wide, "Examples")  # whole where it fits


def test_help_folds_chinese_by_its_cells():
    """A Chinese help text of more than a line folds between characters at the panel's width, two cells each."""
    from mstrack.cli.help import _records

    lines = _records([("--note TEXT", "督办事项说明" * 12)], inner=56)
    texts = ["".join(text for text, _ in line) for line in lines]
    assert len(texts) > 1 and all(cell_len(text) <= 56 for text in texts), texts
    assert "".join(text[13:] for text in texts) == "督办事项说明" * 12


@pytest.mark.parametrize("columns", WIDTHS)
def test_help_in_a_real_terminal_is_coloured_and_laid_out_as_through_a_pipe(columns):
    env = {"MSTRACK_LANG": "en", "NO_COLOR": ""}  # NO_COLOR set but empty means nothing (no-color.org)
    code, screen = raw_terminal(["log", "--help"], columns, env)
    assert code == 0, screen
    assert "\x1b[1;36m-i, --indicator\x1b[0m\x1b[1;33m NAME\x1b[0m" in screen  # names cyan, the value yellow
    assert "\x1b[2m╭─ \x1b[0m" in screen  # borders dim
    piped = subprocess.run([mstrack_executable(), "log", "--help"], capture_output=True, text=True, check=False,
                           env={**os.environ, "COLUMNS": str(columns), "MSTRACK_LANG": "en"})
    assert piped.returncode == 0 and "\x1b" not in piped.stdout
    assert ANSI.sub("", screen) == piped.stdout
    assert too_wide(piped.stdout, columns) == []
    for off in ({"NO_COLOR": "1"}, {"TERM": "dumb"}):
        code, plain = raw_terminal(["log", "--help"], columns, {**env, **off})
        assert code == 0 and plain == piped.stdout, off


def _unspaced(text: str) -> str:
    return "".join(text.split())


def _helps(command, ctx):
    """Every help text of a command: its own, its parameters', and the help option's."""
    yield command.help
    for param in command.get_params(ctx):
        yield getattr(param, "help", None)


def test_every_help_text_has_its_chinese_and_every_chinese_a_help_text():
    """labels/help.json holds the Chinese of each command's, option's and argument's help, and of nothing
    else: a new option without its Chinese, or a help text reworded and its old Chinese left, fails here."""
    from mstrack.labels import help_texts

    ctx = ROOT.make_context("mstrack", ["status"], resilient_parsing=True)
    english = {" ".join(text.split()) for _, command in tree(ROOT) for text in _helps(command, ctx) if text}
    own = {"Usage:", "Arguments", "Options", "Commands", "Examples", "default:", "required"}  # cli/help.py's words
    chinese = help_texts()
    assert sorted(english - chinese.keys()) == []
    assert sorted(chinese.keys() - english - own) == []
    assert all(re.search(r"[\u4e00-\u9fff]", text) or text.startswith(("table", "md", "docx")) for text in chinese.values())


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path or "mstrack")
def test_help_follows_the_language_of_the_run(cli, path):
    """`--lang zh` (or MSTRACK_LANG=zh, or a Chinese locale): every help text in Chinese, the panels titled in
    Chinese, at the same width; option names, metavars and examples as they are."""
    from mstrack.labels import help_texts

    result = cli("--lang", "zh", *path.split(), "--help", env={"COLUMNS": "80"})
    assert result.exit_code == 0 and result.exception is None, result.output
    shown = result.stdout
    assert too_wide(shown, 80) == [] and shown.startswith(" 用法： root ")
    assert examples_shown(shown.replace("╭─ 示例 ", "╭─ Examples ")) == list(EXAMPLES[path])
    command = dict(tree(ROOT))[path]
    ctx = ROOT.make_context("mstrack", ["status"], resilient_parsing=True)
    options = _unspaced("".join(panel(shown, "选项")))
    for param in command.get_params(ctx):
        if param.param_type_name == "option" and param.help:
            assert _unspaced(help_texts()[" ".join(param.help.split())]) in options, (path, param.name)
            assert _unspaced(param.help) not in options, (path, param.name)
    for name, sub in getattr(command, "commands", {}).items():
        listed = _unspaced("".join(panel(shown, "命令")))
        first = help_texts()[" ".join(sub.help.split())]
        assert _unspaced(name + first[:first.index("。") + 1]) in listed, (path, name)
    english = cli(*path.split(), "--help", env={"COLUMNS": "80"}).stdout
    assert english.startswith(" Usage: root ") and "选项" not in english and "用法" not in english


def test_help_in_chinese_from_the_environment_and_before_the_command():
    from typer.testing import CliRunner

    zh = CliRunner().invoke(app, ["status", "--help"], env={"MSTRACK_LANG": "zh", "COLUMNS": "100"})
    assert zh.exit_code == 0 and "每项指标的序时目标与实际完成情况" in zh.stdout and "[默认：table]" in zh.stdout
    root = CliRunner().invoke(app, ["--db", "x.db", "--lang=zh", "--help"], env={"MSTRACK_LANG": "en"})
    assert root.exit_code == 0 and "╭─ 命令 " in root.stdout and "显示版本号并退出。" in root.stdout
    typed_after = CliRunner().invoke(app, ["--lang", "zh", "--lang", "en", "--help"], env={"MSTRACK_LANG": "zh"})
    assert typed_after.exit_code == 0 and "Print the version and exit." in typed_after.stdout


def test_a_help_in_chinese_does_not_carry_into_the_next_run_in_the_same_process():
    from typer.testing import CliRunner

    runner = CliRunner()
    first = runner.invoke(app, ["--help"], env={"MSTRACK_LANG": "en"})
    chinese = runner.invoke(app, ["--lang", "zh", "--help"], env={"MSTRACK_LANG": "en"})
    again = runner.invoke(app, ["--help"], env={"MSTRACK_LANG": "en"})
    assert (first.exit_code, chinese.exit_code, again.exit_code) == (0, 0, 0)
    assert "╭─ 命令 " in chinese.stdout
    assert again.stdout == first.stdout and "命令" not in again.stdout


def test_help_and_completion_start_without_decimal():
    """`--help` and a <TAB> load domain/limits.py (the option checks' limits) but never make a number: its check of a
    typed number's digits reads a Decimal without importing decimal (~2 ms of their start; bench38)."""
    exit_code, written, modules = run_apart(["--lang", "en", "--help"])
    assert exit_code in (0, None) and "Usage" in written
    assert "mstrack.domain.limits" in modules and "decimal" not in modules
    code = ("import sys\nimport mstrack.cli\nsys.argv = ['mstrack']\n"
            "try:\n    mstrack.cli.run(last=False)\nexcept SystemExit:\n    pass\n"
            "print('decimal' in sys.modules)")
    env = dict(os.environ, _MSTRACK_COMPLETE="complete_bash", COMP_WORDS="mstrack st", COMP_CWORD="1")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["status", "False"]


def test_a_typed_number_with_more_digits_than_stored_is_refused_and_a_float_is_not():
    """The digits rule of limits.number_problem, unchanged by reading a Decimal without importing decimal."""
    from decimal import Decimal

    from mstrack.domain.limits import number_problem

    assert number_problem(Decimal("999999999999999.9")) is not None  # 16 significant digits, typed
    assert number_problem(Decimal("12345678901234.5")) is None and number_problem(Decimal("1E+3")) is None
    assert number_problem(999999999999999.9) is None and number_problem(10**15) is None  # a double as it is; whole
    assert number_problem(10**15 + 1) is not None and number_problem(Decimal(10**15 + 1)) is not None


@pytest.mark.parametrize("lang, word, said", [("en", "none", "none (grey): nothing due"), ("zh", "无", "无（灰）：尚无到期节点")])
def test_lights_help_names_nothing_due_with_the_word_its_board_prints(demo_cli, lang, word, said):
    """The board prints "none"/"无" for a task with nothing due: its help said "grey"/"灰", a word the board never shows."""
    board = demo_cli("--lang", lang, "lights", "--programme", "dongguan-2023", "--from", "2023-01", "--to", "2023-01",
                     "--as-of", "2023-01-31", "--format", "csv")
    assert board.exit_code == 0 and board.exception is None, board.output
    assert f",{word}" in board.stdout or f"{word}," in board.stdout, board.stdout[:500]
    helped = demo_cli("--lang", lang, "lights", "--help")
    assert helped.exit_code == 0, helped.output
    assert said in " ".join(helped.stdout.split()), helped.stdout
