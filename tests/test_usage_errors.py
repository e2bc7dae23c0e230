"""Usage errors of option parsing itself (Typer's and Click's: no such option, missing argument, bad value …)
in the run's language: in Chinese under --lang zh, MSTRACK_LANG=zh or a zh_* locale, exit code 2, the option
and the value typed as they are; in English byte for byte as Click writes them. And an unknown --lang is
refused before any help is shown."""

import os
import subprocess

import pytest
from typer.testing import CliRunner

from mstrack.cli import app

from .conftest import run_apart
from .test_end_to_end import mstrack_executable

KINDS = [
    # (id, the words after the root's options, the usage line's command and usage, the error in English, in Chinese)
    ("no-such-option", ["status", "--bogus"], ("status", "[OPTIONS]"),
     "No such option: --bogus", "没有这个选项：--bogus"),
    ("no-such-option-suggested", ["status", "--stat"], ("status", "[OPTIONS]"),
     "No such option: --stat (Possible options: --stale)", "没有这个选项：--stat（是否想用：--stale）"),
    ("no-such-option-at-the-root", ["--bogus", "status"], ("", "[OPTIONS] COMMAND [ARGS]..."),
     "No such option: --bogus", "没有这个选项：--bogus"),
    ("option-needs-a-value", ["status", "--as-of"], None,
     "Option '--as-of' requires an argument.", "选项 '--as-of' 需要一个值。"),
    ("flag-given-a-value", ["--version=1"], None,
     "Option '--version' does not take a value.", "选项 '--version' 不接受值。"),
    ("missing-argument", ["show"], ("show", "[OPTIONS] REF"),
     "Missing argument 'REF'.", "缺少参数 'REF'。"),
    ("missing-option", ["import", "table", "x.xlsx"], ("import table", "[OPTIONS] FILE"),
     "Missing option '--programme' / '-p'.", "缺少选项 '--programme' / '-p'。"),
    ("not-a-whole-number", ["status", "--warn-days", "x"], ("status", "[OPTIONS]"),
     "Invalid value for '--warn-days': Input should be a valid integer, unable to parse string as an integer",
     "'--warn-days' 的值无效：应为整数，无法把这段文字读作整数"),
    ("not-a-whole-number-argument", ["undo", "x"], ("undo", "[OPTIONS] [BATCH]"),
     "Invalid value for 'BATCH': Input should be a valid integer, unable to parse string as an integer",
     "'BATCH' 的值无效：应为整数，无法把这段文字读作整数"),
    ("too-many-digits", ["status", "--warn-days", "9" * 5000], ("status", "[OPTIONS]"),
     "Invalid value for '--warn-days': Unable to parse input string as an integer, exceeded maximum size",
     "'--warn-days' 的值无效：无法读作整数：位数太多"),
    ("below-the-least", ["batches", "-n", "0"], ("batches", "[OPTIONS]"),
     "Invalid value for '--limit' / '-n': Input should be greater than or equal to 1",
     "'--limit' / '-n' 的值无效：应大于或等于 1"),
    ("above-the-most", ["status", "--stale", "36501"], ("status", "[OPTIONS]"),
     "Invalid value for '--stale': Input should be less than or equal to 36500",
     "'--stale' 的值无效：应小于或等于 36500"),
    ("not-a-choice", ["status", "-f", "xml"], ("status", "[OPTIONS]"),
     "Invalid value for '--format' / '-f': 'xml' is not one of 'table', 'json'.",
     "'--format' / '-f' 的值无效：'xml' 不是可选的值，可选：'table', 'json'。"),
    ("extra-argument", ["status", "extra", "more"], ("status", "[OPTIONS]"),
     "Got unexpected extra argument(s) (extra more)", "多出了参数（extra more）"),
    ("no-such-command", ["nosuch"], ("", "[OPTIONS] COMMAND [ARGS]..."),
     "No such command 'nosuch'.", "没有这个命令：'nosuch'。"),
    ("no-such-command-suggested", ["report", "weekley"], ("report", "[OPTIONS] COMMAND [ARGS]..."),
     "No such command 'weekley'. Did you mean 'weekly'?", "没有这个命令：'weekley'。是否想用：'weekly'？"),
    ("missing-command", [], ("", "[OPTIONS] COMMAND [ARGS]..."),
     "Missing command.", "缺少命令。"),
]


def said(prog: str, usage: tuple[str, str] | None, error: str, lang: str) -> str:
    """stderr as Click lays a usage error out (UsageError.show), in English or in Chinese."""
    if lang == "en":
        head = "" if usage is None else f"Usage: {' '.join(filter(None, (prog, usage[0])))} {usage[1]}\n" \
               f"Try '{' '.join(filter(None, (prog, usage[0])))} -h' for help.\n\n"
        return f"{head}Error: {error}\n"
    head = "" if usage is None else f"用法： {' '.join(filter(None, (prog, usage[0])))} {usage[1]}\n" \
           f"运行 '{' '.join(filter(None, (prog, usage[0])))} -h' 查看帮助。\n\n"
    return f"{head}错误：{error}\n"


def invoke(tmp_path, args: list[str], env: dict | None = None):
    return CliRunner().invoke(app, ["--db", str(tmp_path / "t.db"), *args], env=env, catch_exceptions=False)


@pytest.mark.parametrize(("args", "usage", "english", "chinese"), [kind[1:] for kind in KINDS], ids=[kind[0] for kind in KINDS])
def test_a_usage_error_in_chinese_and_english_unchanged(tmp_path, args, usage, english, chinese):
    zh = invoke(tmp_path, ["--lang", "zh", *args])
    assert zh.exit_code == 2 and zh.stdout == "", zh.output
    assert zh.stderr == said("root", usage, chinese, "zh")
    en = invoke(tmp_path, ["--lang", "en", *args])
    assert en.exit_code == 2 and en.stdout == "", en.output
    assert en.stderr == said("root", usage, english, "en")
    assert not (tmp_path / "t.db").exists()  # nothing was done


@pytest.mark.parametrize("env", [{"MSTRACK_LANG": "zh"}, {"MSTRACK_LANG": None, "LC_ALL": None, "LC_MESSAGES": "zh_CN.UTF-8"}],
                         ids=["MSTRACK_LANG", "locale"])
def test_a_usage_error_at_the_root_or_a_command_follows_the_environment(tmp_path, env):
    """Before the root has read --lang (an error in the root's own options) and after."""
    for args, usage, chinese in ((["--bogus"], ("", "[OPTIONS] COMMAND [ARGS]..."), "没有这个选项：--bogus"),
                                 (["show"], ("show", "[OPTIONS] REF"), "缺少参数 'REF'。")):
        result = invoke(tmp_path, args, env=env)
        assert result.exit_code == 2 and result.stderr == said("root", usage, chinese, "zh"), result.output
    english = invoke(tmp_path, ["--bogus"], env={**env, "MSTRACK_LANG": "en"})
    assert english.exit_code == 2 and english.stderr == said("root", ("", "[OPTIONS] COMMAND [ARGS]..."),
                                                             "No such option: --bogus", "en")


def test_a_reason_from_outside_stays_as_it_is_in_a_chinese_frame():
    """A reason mstrack has no Chinese for (the operating system's, a new Typer's) is kept whole, never
    half-translated; the known parts around it are said in Chinese."""
    from mstrack.cli.usage import said_in
    from mstrack.labels import Labels

    zh = Labels("zh")
    assert zh.message(said_in("Invalid value for 'FILE...': Path 'x.toml' is not readable.")) == \
        "'FILE...' 的值无效：路径 'x.toml' 不可读。"
    assert zh.message(said_in("Invalid value for '--x': something new")) == "'--x' 的值无效：something new"
    assert zh.message(said_in("Something Typer says one day.")) == "Something Typer says one day."
    assert zh.message(said_in("Got unexpected extra argument(s) ()")) == "多出了参数（）"  # `mstrack status ''`
    assert zh.message(said_in("Invalid value for '-n': Input should be a valid integer, got a number with a "
                              "fractional part")) == \
        "'-n' 的值无效：Input should be a valid integer, got a number with a fractional part"  # not the one known


@pytest.mark.parametrize(("lang_env", "before"), [({"LANG": "zh_CN.UTF-8"}, ["--lang", "zh"]), ({"MSTRACK_LANG": "zh"}, []),
                                                  ({"LANG": "zh_CN.UTF-8"}, [])], ids=["--lang", "MSTRACK_LANG", "locale"])
def test_usage_errors_in_chinese_from_the_installed_command(tmp_path, lang_env, before):
    env = _outside_language() | lang_env
    for _, args, usage, _, chinese in KINDS:
        args = ["--db", str(tmp_path / "t.db"), *args]
        done = subprocess.run([mstrack_executable(), *before, *args], capture_output=True, text=True, env=env, timeout=60)
        assert (done.returncode, done.stdout) == (2, ""), done.stderr
        assert done.stderr == said("mstrack", usage, chinese, "zh")
    assert not (tmp_path / "t.db").exists()


def test_usage_errors_in_english_from_the_installed_command(tmp_path):
    """The English of each: once (it ran in each of the three Chinese cases above with the same environment, LANG
    C.UTF-8 and MSTRACK_LANG en, the same words: three runs of one check)."""
    env = _outside_language() | {"LANG": "C.UTF-8", "MSTRACK_LANG": "en"}
    for _, args, usage, english, _ in KINDS:
        args = ["--db", str(tmp_path / "t.db"), *args]
        done = subprocess.run([mstrack_executable(), *args], capture_output=True, text=True, env=env, timeout=60)
        assert (done.returncode, done.stderr) == (2, said("mstrack", usage, english, "en"))
    assert not (tmp_path / "t.db").exists()


def _outside_language() -> dict:
    """This process's environment without what chooses a language."""
    return {key: value for key, value in os.environ.items() if key not in ("MSTRACK_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}


# --- an unknown --lang, also with --help ------------------------------------------------------------------

@pytest.mark.parametrize("args", [["--lang", "xx", "--help"], ["--lang=xx", "-h"], ["--help", "--lang", "xx"],
                                  ["--lang", "xx", "status", "--help"], ["--lang", "xx", "report", "weekly", "-h"],
                                  ["--lang", "xx"], ["--lang", "xx", "--bogus"]])
def test_an_unknown_language_is_refused_before_help(tmp_path, args):
    result = invoke(tmp_path, args, env={"MSTRACK_LANG": "en"})
    assert result.exit_code == 2 and result.stdout == "", result.output
    assert result.stderr == "mstrack: error: --lang 'xx': expected one of zh, en\n"


def test_an_unknown_language_from_the_environment_is_refused_before_help(tmp_path):
    result = invoke(tmp_path, ["--help"], env={"MSTRACK_LANG": "xx", "LANG": "C.UTF-8"})
    assert result.exit_code == 2 and result.stdout == "", result.output
    assert result.stderr == "mstrack: error: --lang 'xx': expected one of zh, en\n"
    typed = invoke(tmp_path, ["--lang", "en", "--help"], env={"MSTRACK_LANG": "xx"})  # the option wins
    assert typed.exit_code == 0 and typed.stdout.startswith(" Usage: root "), typed.output


def test_help_follows_mstrack_lang_at_the_root_too(tmp_path):
    result = invoke(tmp_path, ["--help"], env={"MSTRACK_LANG": "zh", "LANG": "C.UTF-8"})
    assert result.exit_code == 0 and result.stdout.startswith(" 用法： root ") and "╭─ 命令 " in result.stdout


@pytest.mark.parametrize("args", [["--lang", "xx", "--help"], ["--lang", "xx", "status", "--help"]])
def test_an_unknown_language_is_refused_before_help_by_the_installed_command(args):
    done = subprocess.run([mstrack_executable(), *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "LANG": "C.UTF-8", "MSTRACK_LANG": "en"})
    assert (done.returncode, done.stdout, done.stderr) == (2, "", "mstrack: error: --lang 'xx': expected one of zh, en\n")


def test_the_chinese_usage_errors_are_read_only_when_one_is_shown_in_chinese(tmp_path):
    """The templates (cli/usage.py) and the catalogue cost nothing on a good start or an English usage error."""
    db = str(tmp_path / "t.db")
    for argv, loaded in ((["--db", db, "--lang", "en", "status", "--bogus"], False), (["--db", db, "--lang", "en", "--help"], False),
                         (["--db", db, "--lang", "zh", "--help"], False), (["--db", db, "--lang", "zh", "status", "--bogus"], True)):
        code, _, modules = run_apart(argv)
        assert code == (0 if "--help" in argv else 2)
        assert ("mstrack.cli.usage" in modules) is loaded, argv


def usage_error(result, part: str) -> str:
    """Click's usage error: exit 2, no exception left, `part` on stderr."""
    assert result.exit_code == 2 and part in result.stderr, (result.exit_code, result.stderr)
    return result.stderr


def test_a_negative_value_says_to_write_double_dash_before_the_arguments(demo_cli):
    """`mstrack log REF -5`: Click reads -5 as an option; the message says how to give it, in either language,
    and the way it gives works (the value reaches log's own check); another unknown option is said as before."""
    said = usage_error(demo_cli("log", "shenzhen-2023/5", "-i", "建设", "-5"),
                       "No such option: -5; a negative number is read as an option: write -- before the arguments (")
    assert " log [OPTIONS] -- REF [VALUE])\n" in said, said  # the command's own usage, -- in its place
    usage_error(demo_cli("--lang", "zh", "log", "shenzhen-2023/5", "-5"), "没有这个选项：-5；负数会被当作选项：请在参数前写 --")
    other = usage_error(demo_cli("log", "shenzhen-2023/5", "-x"), "No such option: -x")
    assert "negative" not in other
    given = demo_cli("log", "-i", "建设", "--", "shenzhen-2023/5", "-5")  # parsed: log's own rule answers
    assert given.exit_code == 2 and "VALUE '-5': 建设筹集保障性住房 cannot be negative: only a ceiling" in given.stderr, given.stderr
