"""safe26d: plan re-imports, undo and progress sheets lose nothing silently — a reported indicator's unit or kind kept
unless no report hangs on it, a plan undo that would discard a later plan import refused, the batch an `undo` without a
number takes back named with its user and command, and a progress table read from the sheet that holds it."""

import json

from .conftest import Cli, refused, write_plan

ROADS = ('[[tasks]]\ncode = "1"\ntitle = "道路"\n[[tasks.lines]]\nlead_units = ["市交通局"]\n'
         '[[tasks.lines.indicators]]\nname = "新建道路"\nunit = "条"\ntarget = 10\n')


def counts(cli: Cli) -> dict:
    return {table: cli.sql(f"SELECT count(*) FROM {table}")[0][0] for table in ("batch", "indicator", "report")}


def units(cli: Cli) -> list:
    return [unit for (unit,) in cli.sql("SELECT unit FROM indicator ORDER BY id")]


# --- 4. a plan re-import that changes a reported indicator's unit or kind ---------------------


def test_a_unit_change_on_a_reported_indicator_is_refused_naming_it(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    assert cli("log", "x-2023/1", "2", "--as-of", "2023-06-30").exit_code == 0
    assert cli("log", "x-2023/1", "3", "--as-of", "2023-07-31").exit_code == 0
    before = counts(cli)
    changed = write_plan(tmp_path / "y.toml", ROADS.replace('unit = "条"', 'unit = "公里"'))
    refused(cli("import", "plan", str(changed)), "nothing was written", "x-2023/1", "新建道路", "'条'", "'公里'", "2 reports")
    assert counts(cli) == before and units(cli) == ["条"]
    to_percent = write_plan(tmp_path / "z.toml", ROADS.replace('unit = "条"', 'unit = "%"'))
    refused(cli("import", "plan", str(to_percent)), "'条'", "'%'", "2 reports")
    assert units(cli) == ["条"]


def test_a_unit_change_on_an_indicator_without_reports_goes_in(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    changed = write_plan(tmp_path / "y.toml", ROADS.replace('unit = "条"', 'unit = "公里"'))
    result = cli("import", "plan", str(changed))
    assert result.exit_code == 0, result.stderr
    assert units(cli) == ["公里"]


def test_a_reported_indicator_turned_text_only_is_refused_naming_the_kind(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    assert cli("log", "x-2023/1", "2", "--as-of", "2023-06-30").exit_code == 0
    before = counts(cli)
    text_only = write_plan(tmp_path / "y.toml", ROADS.split("[[tasks.lines.indicators]]")[0])
    refused(cli("import", "plan", str(text_only)), "nothing was written", "x-2023/1", "新建道路", "1 report")
    assert counts(cli) == before and units(cli) == ["条"]


def test_a_unit_change_refusal_reads_in_chinese(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    assert cli("log", "x-2023/1", "2", "--as-of", "2023-06-30").exit_code == 0
    changed = write_plan(tmp_path / "y.toml", ROADS.replace('unit = "条"', 'unit = "公里"'))
    result = cli("--lang", "zh", "import", "plan", str(changed))
    refused(result, "单位", "'条'", "'公里'")
    assert json.loads(cli("status", "--format", "json", "--as-of", "2023-07-01").stdout)[0]["actual"] == 2
