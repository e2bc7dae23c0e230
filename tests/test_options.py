"""Option values: read as Typer reads them (the same values, the same refusals and exit 2), without
pydantic at the start of every command (cli/values.py `plain_values`)."""

import json
from enum import Enum
from pathlib import Path

import pytest
import typer
import typer.main

from mstrack.cli import app

from .conftest import BACKEND, run_apart

USAGE_ERRORS = [
    (["status", "--warn-days", "x"], "Invalid value for '--warn-days': Input should be a valid integer, unable to parse "
                                     "string as an integer"),
    (["status", "--warn-days", "1.5"], "Invalid value for '--warn-days': Input should be a valid integer"),
    (["status", "--warn-days", "-1"], "Invalid value for '--warn-days': Input should be greater than or equal to 0"),
    (["batches", "--limit", "0"], "Invalid value for '--limit' / '-n': Input should be greater than or equal to 1"),
    (["undo", "x"], "Invalid value for 'BATCH': Input should be a valid integer, unable to parse string as an integer"),
    (["report", "diff", "3x"], "Invalid value for 'NUMBER': Input should be a valid integer"),
    (["status", "-f", "xml"], "Invalid value for '--format' / '-f': 'xml' is not one of 'table', 'json'."),
    (["status", "-f", "JSON"], "Invalid value for '--format' / '-f': 'JSON' is not one of 'table', 'json'."),
    (["status", "--only", "late"], "Invalid value for '--only': 'late' is not one of 'behind', 'no_report', 'overdue', "
                                   "'on_track', 'done', 'not_due', 'due_soon', 'off_course'."),
    (["status", "--fail-on", "due_soon"], "Invalid value for '--fail-on': 'due_soon' is not one of 'behind', "
                                          "'no_report', 'overdue', 'on_track', 'done', 'not_due'."),
    # numbers past what the calendar or the store holds: refused here, never an OverflowError further on
    (["status", "--warn-days", "99999999999999"], "Invalid value for '--warn-days': Input should be less than or equal to 36500"),
    (["status", "--stale", "36501"], "Invalid value for '--stale': Input should be less than or equal to 36500"),
    (["report", "weekly", "--stale", "99999999"], "Invalid value for '--stale': Input should be less than or equal to 36500"),
    (["batches", "-n", "99999999999999999999999"], "Invalid value for '--limit' / '-n': Input should be less than or equal to"),
    (["undo", "99999999999999999999"], "Invalid value for 'BATCH': Input should be less than or equal to"),
    (["report", "diff", "99999999999999999999"], "Invalid value for 'NUMBER': Input should be less than or equal to"),
    (["import", "table", "x.xlsx", "-p", "x-2024", "--year", "1800", "-o", "x.toml"],
     "Invalid value for '--year': Input should be greater than or equal to 1900"),
    (["import", "table", "x.xlsx", "-p", "x-2024", "--year", "2201", "-o", "x.toml"],
     "Invalid value for '--year': Input should be less than or equal to 2200"),
]


@pytest.mark.backend_independent
@pytest.mark.parametrize(("args", "said"), USAGE_ERRORS)
def test_a_bad_value_is_refused_as_typer_refuses_it(demo_cli, args, said):
    """A whole number that is not one, or out of its bounds, and a word outside a closed list: exit 2, the
    command's usage and Typer's own words, nothing done."""
    result = demo_cli(*args)
    assert result.exit_code == 2, result.output
    assert "Value error" not in result.stderr and said in " ".join(result.stderr.split()), result.stderr
    assert result.stderr.startswith(f"Usage: root {' '.join(args[:2 if args[0] in ('report', 'import') else 1])} [OPTIONS]")


def test_good_values_are_read_as_before(demo_cli, tmp_path, monkeypatch):
    """Whole numbers as Typer reads them (007, +7, 7.0), closed lists to their members, lists of them,
    and a path: an empty --output is said as empty (safe40b; it was read as the current directory, "cannot write")."""
    def rows(*args):
        result = demo_cli("status", "-f", "json", "--as-of", "2023-09-30", *args)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    seven = rows("--warn-days", "7")
    assert seven == rows("--warn-days", "007") == rows("--warn-days", "+7") == rows("--warn-days", "7.0")
    assert seven != rows("--warn-days", "90")
    behind = rows("--only", "behind", "--only", "overdue")
    assert behind and {row["status"] for row in behind} <= {"behind", "overdue"}
    assert len(behind) < len(seven)
    assert demo_cli("status", "--as-of", "2023-12-31", "--fail-on", "overdue").exit_code == 1
    batches = demo_cli("batches", "-f", "json", "-n", " 1 ")
    assert batches.exit_code == 0 and len(json.loads(batches.stdout)) == 1, batches.output
    monkeypatch.chdir(tmp_path)
    nowhere = demo_cli("units", "--as-of", "2023-06-30", "-o", "")
    assert nowhere.exit_code == 2 and "-o '': empty; give a file name" in nowhere.stderr, nowhere.output
    assert [path.name for path in tmp_path.iterdir() if path.name != "demo.db"] == []  # the store's file on SQLite only


def _params(command, ctx, path=()):
    for param in command.get_params(ctx):
        yield " ".join(path), param
    for name, sub in getattr(command, "commands", {}).items():
        yield from _params(sub, ctx, (*path, name))


VALUES = ["", " ", "0", "7", "007", "+7", "-1", "-0", " 7 ", "7.0", "1.5", "1_000", "1e3", "0x7", "٣", "x", "1900",
          "2200", "2201", "table", "json", "JSON", "behind", "due_soon", "step", ".", "..", "plan.toml", "no/such/dir",
          "99999999999999999999999"]


def _typers(param, value, ctx):
    """What Typer itself makes of a value: the value, or its error's words."""
    try:
        return type(param).get_runtime_param(param).coerce(value, param=param, ctx=ctx)
    except typer.BadParameter as error:
        return f"refused: {error.message}"


def test_every_parameter_reads_what_typer_reads_alike():
    """Every option and argument of the command tree, given the same words, is given the same value (of the
    same type) or the same refusal as Typer's pydantic conversion gives; and every one of mstrack's kinds
    (text, whole numbers, closed lists, paths, flags, and lists of them) is read without it."""
    from mstrack.cli.values import _PlainValues

    root = typer.main.get_command(app)
    ctx = root.make_context("mstrack", ["status"], resilient_parsing=False)  # names the tree's metavars, once
    kinds = set()
    for path, param in _params(root, ctx):
        assert isinstance(param.get_runtime_param(), _PlainValues), (path, param.name)  # read here, not by Typer
        many = param.multiple or param.nargs == -1
        kinds.add((many, param.type_descriptor.annotation))
        for value in ([None, (), ("7", "x"), ("behind", "done"), ("a.csv", "b.csv"), "7"] if many
                      else [None, 7, True, *VALUES]):
            ours = param.get_runtime_param()
            try:
                mine = ours.coerce(value, param=param, ctx=ctx)
            except typer.BadParameter as error:
                mine = f"refused: {error.message}"
            theirs = _typers(param, value, ctx)
            assert (mine, type(mine)) == (theirs, type(theirs)), (path, param.name, value)
            if isinstance(mine, list):
                assert [type(item) for item in mine] == [type(item) for item in theirs]
    assert {kind if isinstance(kind, type) and not issubclass(kind, Enum) else "enum"
            for many, kind in kinds if not many} >= {str, int, bool, Path, "enum"}


LIGHT = [
    ["status", "--format", "json", "--as-of", "2023-07-01", "--warn-days", "7"],
    ["status", "--only", "behind", "--as-of", "2023-07-01"],
    ["show", "yantian-2023/19", "-f", "json"],
    ["log", "yantian-2023/19", "950", "-i", "送教上门人次", "--as-of", "2023-07-15"],
    ["import", "progress", "{csv}"],
    ["batches", "-n", "5"],
    ["units", "--as-of", "2023-07-01"],
    ["report", "weekly", "--as-of", "2023-07-01", "-o", "{dir}/w.html"],
    ["export", "plan", "yantian-2023", "-o", "{dir}/p.toml"],
]


@pytest.mark.skipif(BACKEND != "sqlite", reason="the imports at start are the same on either store")
@pytest.mark.parametrize("args", LIGHT, ids=[" ".join(args[:2]) for args in LIGHT])
def test_commands_with_options_start_without_pydantic(demo_cli, tmp_path, args):
    """Typer checks option values with pydantic (~70 ms to import, on every command with options); mstrack
    reads its own kinds of value itself, so a real command runs to its end without loading it."""
    sheet = tmp_path / "p.csv"
    sheet.write_text("programme,task,indicator,value,as_of\nyantian-2023,19,送教上门人次,10,2023-07-01\n", encoding="utf-8")
    argv = ["--db", str(demo_cli.db), *(arg.format(csv=sheet, dir=tmp_path) for arg in args)]
    exit_code, written, modules = run_apart(argv)
    assert exit_code in (0, None)
    assert written or (tmp_path / args[-1].rpartition("/")[2]).stat().st_size > 0
    assert [name for name in modules if name.split(".")[0] == "pydantic" or name == "typer._adapters"] == []
