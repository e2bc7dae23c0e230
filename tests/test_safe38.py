"""safe38: nothing lost. `export plan -o` keeps a plan file as `import table -o` does (one rule: only a file holding
what would be written goes); a report's -o keeps a JSON file mstrack did not write; -f and a suffix naming another
format are refused; `report notice --each-unit` looks at every file before it makes the directory; a done word
(已完成) is read alike by `log` and `import progress`: an indicator's annual target, never a ceiling's."""

import json
from pathlib import Path

import pytest

from .conftest import refused, sha

EXISTS = "exists already (a plan may have been edited there)"
CEILING = "a ceiling is not reached by completing it; give the figure"


def reported(cli, programme: str, task: str) -> list[tuple[str, float, str | None]]:
    rows = cli.sql("select r.as_of, r.value, r.note from report r join indicator i on r.indicator_id = i.id "
                   "join task_line l on i.line_id = l.id join task t on l.task_id = t.id "
                   f"join programme p on t.programme_id = p.id where p.code = '{programme}' and t.code = '{task}' "
                   "order by r.id")
    return [(str(as_of), value, note) for as_of, value, note in rows]  # as_of a date on PostgreSQL, text on SQLite


# --- 1. export plan -o ----------------------------------------------------------------------------------------------

def test_export_plan_keeps_a_plan_edited_by_hand(demo_cli, tmp_path):
    plan = tmp_path / "plan.toml"
    assert demo_cli("export", "plan", "yantian-2023", "-o", str(plan)).exit_code == 0
    with plan.open("a", encoding="utf-8") as handle:
        handle.write("# 办公室 checked task 3 with 区残联\n")
    before = sha(plan)
    refused(demo_cli("export", "plan", "yantian-2023", "-o", str(plan)), f"--output {plan}: {EXISTS}",
            "remove it first")
    assert sha(plan) == before


def test_export_plan_rewrites_a_file_holding_what_it_writes(demo_cli, tmp_path):
    plan = tmp_path / "plan.toml"
    assert demo_cli("export", "plan", "yantian-2023", "-o", str(plan)).exit_code == 0
    before = sha(plan)
    again = demo_cli("export", "plan", "yantian-2023", "-o", str(plan))
    assert again.exit_code == 0, again.output
    assert "yantian-2023 → " in again.stderr and sha(plan) == before
    other = demo_cli("export", "plan", "shenzhen-2023", "-o", str(plan))  # another programme's plan: not the same bytes
    refused(other, EXISTS)
    assert sha(plan) == before


def test_export_plan_and_import_table_share_the_message(demo_cli, tmp_path):
    from mstrack.cli import files

    assert files.export_plan.__module__ == files.import_table.__module__
    plan = tmp_path / "plan.toml"
    plan.write_text("format = 1\n", encoding="utf-8")
    said = refused(demo_cli("export", "plan", "yantian-2023", "-o", str(plan)))
    assert f"--output {plan}: exists already (a plan may have been edited there); remove it first, or give another " \
           "--output name" in said


# --- 2. JSON ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("held", ['{"db": "prod", "token_file": "k"}\n', '[{"unit": "住建局", "value": 12}]\n',
                                  "not json at all\n"])
def test_a_json_file_mstrack_did_not_write_is_kept(demo_cli, tmp_path, held):
    target = tmp_path / "x.json"
    target.write_text(held, encoding="utf-8")
    for command in (["units"], ["report", "weekly"], ["lights", "-p", "yantian-2023"],
                    ["report", "annual", "-p", "yantian-2023"]):
        refused(demo_cli(*command, "--as-of", "2023-06-30", "-f", "json", "-o", str(target)),
                f"--output {target}: the file was not written by mstrack")
        assert target.read_text(encoding="utf-8") == held


def test_a_json_report_mstrack_wrote_is_replaced(demo_cli, tmp_path):
    target = tmp_path / "x.json"
    assert demo_cli("units", "--as-of", "2023-06-30", "-f", "json", "-o", str(target)).exit_code == 0
    assert isinstance(json.loads(target.read_text(encoding="utf-8")), list)
    for command in (["report", "weekly"], ["lights", "-p", "yantian-2023"], ["report", "half-year", "-p", "yantian-2023"],
                    ["units"]):
        result = demo_cli(*command, "--as-of", "2023-06-30", "-f", "json", "-o", str(target))
        assert result.exit_code == 0, result.output
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    assert demo_cli("units", "--as-of", "2023-06-30", "-o", str(empty)).exit_code == 0
    assert json.loads(empty.read_text(encoding="utf-8"))


# --- 3. -f and a suffix of another format ---------------------------------------------------------------------------

@pytest.mark.parametrize(("fmt", "name"), [("csv", "r.xlsx"), ("json", "r.xlsx"), ("csv", "r.md"), ("json", "r.html"),
                                           ("md", "r.json")])
def test_a_format_and_a_name_of_another_format_are_refused(demo_cli, tmp_path, fmt, name):
    target = tmp_path / name
    said = refused(demo_cli("units", "--as-of", "2023-06-30", "--format", fmt, "-o", str(target)),
                   f"--output {target}", f"--format {fmt}", Path(name).suffix, f"give -o NAME.{fmt} or drop -f")
    assert not target.exists(), said


def test_a_format_and_its_own_or_an_unnamed_suffix_are_written(demo_cli, tmp_path):
    for fmt, name in (("csv", "r.csv"), ("md", "r.markdown"), ("json", "r.txt"), ("json", "r")):
        result = demo_cli("units", "--as-of", "2023-06-30", "-f", fmt, "-o", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 0


# --- 4. notice --each-unit ------------------------------------------------------------------------------------------

def test_each_unit_looks_at_the_files_in_its_directory_made_and_held(monkeypatch, tmp_path):
    """safe46: the look comes once the folder is held (a file written between a look and the hold was never looked
    at); nothing written leaves no folder this run made (tests/test_tidy46.py)."""
    from mstrack.cli import each_unit

    seen = []
    target = tmp_path / "notices"
    monkeypatch.setattr(each_unit, "refuse_kept", lambda path: seen.append(path.parent.exists()))
    monkeypatch.setattr(each_unit, "write_output", lambda *args, **kwargs: None)
    monkeypatch.setattr("mstrack.cli.report_output.renderers", lambda kind: {"md": lambda one, lang: ""})

    class One:
        unit = "区残联"

    class Two:
        unit = "民政局"

    each_unit.write_each(None, [One(), Two()], "md", target, "en")
    assert seen == [True, True] and target.is_dir()


# --- 5. 已完成 -----------------------------------------------------------------------------------------------------

def test_log_reads_a_done_word_as_import_does_the_target(demo_cli, tmp_path):
    logged = demo_cli("log", "shenzhen-2023/27", "已完成", "--as-of", "2023-06-30", "--by", "张三")
    assert logged.exit_code == 0, logged.output
    assert [row[:2] for row in reported(demo_cli, "shenzhen-2023", "27")][-1] == ("2023-06-30", 150000.0)
    text_only = demo_cli("log", "shenzhen-2023/4", "已完成", "--as-of", "2023-06-30", "--by", "张三")
    assert text_only.exit_code == 0, text_only.output


def test_a_done_word_on_a_ceiling_is_refused_by_log_and_import(demo_cli, tmp_path):
    before = reported(demo_cli, "shenzhen-2023-report", "5")
    said = refused(demo_cli("log", "shenzhen-2023-report/5", "已完成", "--as-of", "2023-06-30"), CEILING, "居民消费价格涨幅")
    path = tmp_path / "c.csv"
    path.write_text("计划,任务编号,指标,截至日期,数值\nshenzhen-2023-report,5,,2023-06-30,已完成\n", encoding="utf-8")
    imported = refused(demo_cli("import", "progress", str(path)), CEILING, "居民消费价格涨幅")
    assert reported(demo_cli, "shenzhen-2023-report", "5") == before, (said, imported)
    figure = demo_cli("log", "shenzhen-2023-report/5", "2.1%", "--as-of", "2023-06-30")
    assert figure.exit_code == 0, figure.output


def test_log_and_import_call_one_reading():
    import inspect

    from mstrack.domain import progress
    from mstrack.sources import progress_values

    assert "done_value(" in inspect.getsource(progress.check_report)
    assert "done_value(" in inspect.getsource(progress_values.Values._number)
