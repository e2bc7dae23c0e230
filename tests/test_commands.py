"""The command line's own shape: its modules import one way, and the work its commands used to do
(report data, the programme check, the verified copy) is library code that runs without it."""

import ast
import json
from datetime import date
from pathlib import Path

import pytest

from mstrack.errors import InputError
from mstrack.reports.make import check_programmes, make_report
from mstrack.store import Store
from mstrack.store.verify import copy_verified

from .conftest import ROOT

CLI = ROOT / "src" / "mstrack" / "cli"


def cli_imports(path: Path) -> set[str]:
    """The mstrack.cli modules a module imports, at its top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("mstrack.cli"):
            found.update(f"{node.module}.{alias.name}" if node.module == "mstrack.cli" else node.module for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("mstrack.cli"))
    return found


def test_the_cli_modules_import_one_way():
    """what every command uses (saying ← written_files (the record of -o's files) ← kept_files (the files -o keeps)
    ← printing ← process; values; common; report_output, the report commands' way out; each_unit, notices to each
    unit; import_said, what `import progress` says) ← failures ← app ← the command modules ← the package: a command
    module never imports another, nor the package that imports it (what cli.py and cli_reports.py did to each other)."""
    leaves = {"examples", "completion", "help", "usage"}  # the help's examples, the <TAB> answers, the help's panels,
    # the usage errors in Chinese: app's, importing no cli module
    shared = {"saying": set(), "values": set(), "written_files": {"saying"}, "kept_files": {"saying", "written_files"},
              "printing": {"saying", "written_files", "kept_files"},
              "process": {"saying", "printing"},
              "common": {"saying"}, "report_output": {"saying", "printing", "common"},
              "each_unit": {"saying", "kept_files", "printing", "report_output"},
              "import_said": {"saying", "printing", "common"}}
    commands = {path.stem for path in CLI.glob("*.py")} - {"__init__", "app", "failures"} - leaves - set(shared)
    assert commands >= {"tasks", "files", "db", "reports"}
    for name, imports in shared.items():
        assert cli_imports(CLI / f"{name}.py") == {f"mstrack.cli.{other}" for other in imports}, name
    for name in leaves:
        assert cli_imports(CLI / f"{name}.py") == set(), name
    assert cli_imports(CLI / "failures.py") == {"mstrack.cli.saying", "mstrack.cli.usage"}
    assert cli_imports(CLI / "app.py") == {"mstrack.cli.common", "mstrack.cli.saying", "mstrack.cli.values",
                                           "mstrack.cli.process", "mstrack.cli.failures", "mstrack.cli.examples",
                                           "mstrack.cli.completion", "mstrack.cli.help",
                                           "mstrack.cli.printing"}
    for name in commands:
        assert cli_imports(CLI / f"{name}.py") <= {"mstrack.cli.app"} | {f"mstrack.cli.{other}" for other in shared}, name
    assert {f"mstrack.cli.{name}" for name in commands} <= cli_imports(CLI / "__init__.py")


def test_no_command_module_is_over_600_lines():
    assert {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in CLI.glob("*.py")
            if len(path.read_text(encoding="utf-8").splitlines()) > 600} == {}


def test_an_unknown_programme_is_bad_input_before_any_report(demo_cli):
    store = Store(demo_cli.url)
    check_programmes(store, ["shenzhen-2023"])
    with pytest.raises(InputError, match=r"no programme 'shenzhen'; did you mean: shenzhen-2023"):
        check_programmes(store, ["shenzhen"])
    with pytest.raises(InputError, match=r"no programme 'nowhere-2023'; known: .*shenzhen-2023"):
        make_report(store, {"kind": "weekly", "programmes": ["nowhere-2023"], "as_of": "2023-07-01",
                            "since": "2023-06-24", "rule": None, "stale": 14, "lang": "en"})


def test_units_data_is_made_without_the_cli(demo_cli):
    """make_report gives the data `mstrack units` prints: the same rollups, worst first."""
    units = make_report(Store(demo_cli.url), {"kind": "units", "programmes": ["shenzhen-2023"], "as_of": "2023-07-01",
                                              "rule": None, "responsible": False, "lang": "en"})
    printed = json.loads(demo_cli("units", "-p", "shenzhen-2023", "--as-of", "2023-07-01", "--format", "json").stdout)
    assert units.on == date(2023, 7, 1) and not units.responsible
    assert [rollup.unit for rollup in units.rollups] == [row["unit"] for row in printed] and len(printed) > 3
    assert [(rollup.tasks, rollup.no_report) for rollup in units.rollups] == [(row["tasks"], row["no_report"]) for row in printed]


def test_a_copy_is_verified_by_the_store(demo_cli, tmp_path):
    """copy_verified, without the CLI: whatever the source's kind, into a new SQLite file, and the counts it
    returns are the copy's own."""
    source = Store(demo_cli.url)
    target = Store(f"sqlite:///{tmp_path / 'copy.db'}")
    counts = copy_verified(source, target, date(2023, 7, 1))
    assert counts == target.row_counts() == source.row_counts() and counts["report"] > 0
    with pytest.raises(InputError, match="not empty"):
        copy_verified(source, target, date(2023, 7, 1))


def _options(command):
    for param in command.params:
        if param.param_type_name == "option":
            yield param
    for sub in getattr(command, "commands", {}).values():
        yield from _options(sub)


def test_the_options_that_name_a_file_are_those_whose_metavar_says_so(monkeypatch):
    """Every word on the command line is checked as text, but for a file's name, which may be any bytes the
    system gives: the options that take one are read from METAVARS (PATH, FILE), not listed a second time."""
    import typer.main

    from mstrack.cli import app
    from mstrack.cli.app import METAVARS, _name_metavars, _path_options

    root = typer.main.get_command(app)
    _name_metavars(root)
    shown = {name for param in _options(root) if param.metavar and ("PATH" in param.metavar or "FILE" in param.metavar)
             for name in param.opts}
    assert _path_options(root) == shown == {"--db", "--output", "-o", "--to"}
    sheet = {name for param in _options(root) if param.name == "sheet" for name in param.opts}
    monkeypatch.setitem(METAVARS, "sheet", "FILE")  # were --sheet's value a file: named by its metavar alone
    assert "--sheet" in sheet and _path_options(typer.main.get_command(app)) == shown | sheet
