"""trial59's findings on messages and corrections. F3: a password is masked where the URL holds it, never as a word
across the message (password "postgres" took the install hint's extra out). F5: a day's figure corrected downward is
no fall: `log` and `import progress` warn by one rule. F6: `history` names the batch that corrected a value, not a
report id the table never shows. F12: an expected that is the target reads as the target does (831.6平方, not 832平方)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from mstrack.cli import app

from .conftest import Cli, done, refused

ROOT = Path(__file__).resolve().parent.parent
HINT = "PostgreSQL needs the psycopg driver, which is not installed here; install mstrack with it: pip install 'mstrack[postgres]'"


# --- F3: a password masked where the URL holds it ----------------------------------------------------------------

def without_psycopg(monkeypatch) -> None:
    """psycopg's import blocked, as on an install without the postgres extra."""
    monkeypatch.setitem(sys.modules, "psycopg", None)
    monkeypatch.setitem(sys.modules, "psycopg2", None)


def test_a_password_that_is_a_word_of_the_hint_leaves_the_hint_whole(monkeypatch):
    """postgres/postgres, the commonest local setup: before, `--db ***ql://***:***@…` and `pip install 'mstrack[***]'`."""
    without_psycopg(monkeypatch)
    result = CliRunner().invoke(app, ["--lang", "en", "--db", "postgresql://postgres:postgres@127.0.0.1:9/office", "status"])
    refused(result)
    assert isinstance(result.exception, SystemExit)
    assert result.stderr == f"mstrack: error: --db postgresql://postgres:***@127.0.0.1:9/office: {HINT}\n"


def test_a_one_letter_password_takes_no_letter_out_of_any_message(monkeypatch, tmp_path):
    """Password "p": before, `***ostgresql://u:***@…`, `***syco***g`, `***i*** install`; and the password, remembered
    for the run, took every p out of every later line too, another store's included."""
    without_psycopg(monkeypatch)
    result = CliRunner().invoke(app, ["--lang", "en", "--db", "postgresql://u:p@127.0.0.1:9/x", "status"])
    refused(result)
    assert result.stderr == f"mstrack: error: --db postgresql://u:***@127.0.0.1:9/x: {HINT}\n"
    monkeypatch.undo()
    office = Cli(tmp_path / "office.db")
    done(office("init"))
    result = office("programmes")
    assert result.exit_code == 0
    said = result.output
    assert "p" in said and "***" not in said, said


def test_scrub_masks_the_url_in_use_and_any_url_password_but_no_bare_word():
    from mstrack.store.urls import hide_password, scrub

    url = "postgresql://postgres:postgres@127.0.0.1:5432/postgres"
    assert hide_password(url) == "postgresql://postgres:***@127.0.0.1:5432/postgres"
    assert scrub(f"could not open {url}: database \"postgres\" does not exist") == (
        "could not open postgresql://postgres:***@127.0.0.1:5432/postgres: database \"postgres\" does not exist")
    assert scrub("install mstrack with it: pip install 'mstrack[postgres]'") == (
        "install mstrack with it: pip install 'mstrack[postgres]'")
    # the URL as a driver re-spells it (its driver named), and a password field, are masked all the same
    assert scrub("postgresql+psycopg://postgres:postgres@127.0.0.1:5432/postgres") == (
        "postgresql+psycopg://postgres:***@127.0.0.1:5432/postgres")
    assert scrub("host=127.0.0.1 password=postgres dbname=postgres") == "host=127.0.0.1 password=*** dbname=postgres"
    # a password written percent-encoded is masked as written and as decoded
    encoded = "postgresql://clerk:a%40b%2Fc@127.0.0.1:9/office"
    assert hide_password(encoded) == "postgresql://clerk:***@127.0.0.1:9/office"
    assert scrub("postgresql://clerk:a@b/c@127.0.0.1:9/office") == "postgresql://clerk:***@127.0.0.1:9/office"


# --- F5: a downward correction is no fall; log and import progress by one rule ---------------------------------------

REF, INDICATOR = "shenzhen-2023/5", "建设筹集保障性住房"


def logged(cli, value: str, on: str, *more: str):
    return cli("log", REF, value, "-i", "建设筹集", "--as-of", on, *more)


def values(cli) -> list[tuple[str, float, str]]:
    result = cli("history", REF, "-i", "建设筹集", "--format", "json")
    assert result.exit_code == 0, result.output
    return [(entry["as_of"], entry["value"], entry["state"]) for entry in json.loads(result.stdout)]


def progress_csv(path: Path, *rows: str) -> Path:
    path.write_text("\n".join(["计划,任务编号,指标,截至日期,数值", *rows]) + "\n", encoding="utf-8")
    return path


def test_log_correcting_a_days_figure_downward_does_not_warn_of_a_fall(demo_cli):
    done(logged(demo_cli, "3.1万", "2023-05-31", "--by", "张三", "--unit", "市住房建设局"))
    result = logged(demo_cli, "2.1万", "2023-05-31", "--reason", "区核实：误录3.1万")
    done(result)
    assert "correcting 3.1万套（间）" in result.stdout
    assert "is lower than" not in result.stderr, result.stderr
    assert values(demo_cli) == [("2023-05-31", 31000, "superseded"), ("2023-05-31", 21000, "current")]


def test_log_and_import_name_the_same_earlier_figure_of_a_fall(demo_cli, tmp_path):
    """1.2万, 2.5万, 2.3万 stand; 2.2万 falls from the highest before it, 2.5万 of 04-30, as `import progress` says
    (`log` named 2.3万 of 05-15, the last higher one); 05-15 corrected down to 2万 falls from 04-30's, not from the
    2.3万 it replaces."""
    for value, on in (("1.2万", "2023-03-31"), ("2.5万", "2023-04-30"), ("2.3万", "2023-05-15")):
        done(logged(demo_cli, value, on))
    imported = demo_cli("import", "progress", str(progress_csv(tmp_path / "p.csv", f"shenzhen-2023,5,{INDICATOR},2023-05-31,22000")),
                        "--dry-run")
    done(imported)
    assert "2.2万套（间） as of 2023-05-31 is lower than 2.5万套（间） as of 2023-04-30" in imported.stderr.replace("\n", " ")
    result = logged(demo_cli, "2.2万", "2023-05-31")
    done(result)
    assert ("mstrack: warning: shenzhen-2023/5 建设筹集保障性住房: 2.2万套（间） as of 2023-05-31 is lower than the "
            "2.5万套（间） reported as of 2023-04-30; values are cumulative") in result.stderr.replace("\n", " ")
    before = values(demo_cli)
    result = logged(demo_cli, "2万", "2023-05-15", "--reason", "核实")
    done(result)
    said = result.stderr.replace("\n", " ")
    assert said.count("is lower than") == 1 and "is lower than the 2.5万套（间） reported as of 2023-04-30" in said, said
    imported = demo_cli("import", "progress", str(progress_csv(tmp_path / "q.csv", f"shenzhen-2023,5,{INDICATOR},2023-05-15,19000")),
                        "--reason", "核实", "--dry-run")
    done(imported)
    said = imported.stderr.replace("\n", " ")
    assert said.count("is lower than") == 1 and "1.9万套（间） as of 2023-05-15 is lower than 2.5万套（间） as of 2023-04-30" in said
    assert values(demo_cli) == [*before[:2], ("2023-05-15", 23000, "superseded"), ("2023-05-15", 20000, "current"), before[-1]]


def test_import_progress_correcting_a_days_figure_downward_says_it_as_log_does(demo_cli, tmp_path):
    """The finding's CSV row over `log`'s 3.1万: corrected, no fall; `log` over it again, likewise."""
    done(logged(demo_cli, "3.1万", "2023-05-31", "--by", "张三", "--unit", "市住房建设局"))
    path = progress_csv(tmp_path / "p.csv", f"shenzhen-2023,5,{INDICATOR},2023-05-31,22000")
    imported = demo_cli("import", "progress", str(path), "--reason", "单位重报")
    done(imported)
    assert "is lower than" not in imported.stderr, imported.stderr
    assert "3.1万套（间） → 2.2万套（间）" in imported.output.replace("\n", " ")
    again = logged(demo_cli, "2.1万", "2023-05-31", "--reason", "再核实")
    done(again)
    assert "is lower than" not in again.stderr, again.stderr
    assert values(demo_cli) == [("2023-05-31", 31000, "superseded"), ("2023-05-31", 22000, "superseded"),
                                ("2023-05-31", 21000, "current")]


# --- F6: history names the batch that corrected a value ------------------------------------------------------------

def test_history_says_which_batch_corrected_a_value(demo_cli):
    done(logged(demo_cli, "3.1万", "2023-05-31", "--by", "张三"))
    done(logged(demo_cli, "2.1万", "2023-05-31", "--reason", "误录"))
    entries = json.loads(demo_cli("history", REF, "-i", "建设筹集", "--format", "json").stdout)
    first, second = entries
    assert first["superseded_by"] == second["report_id"] and first["superseded_by_batch"] == second["batch_id"]
    assert second["superseded_by_batch"] is None
    table = demo_cli("history", REF, "-i", "建设筹集", env={"COLUMNS": "200"})
    assert table.exit_code == 0
    rows = [line for line in table.stdout.splitlines() if "2023-05-31" in line]
    assert len(rows) == 2
    assert f"corrected (batch {second['batch_id']})" in rows[0] and rows[0].split()[-1] == str(first["batch_id"])
    assert "→#" not in table.stdout and f"#{second['report_id']}" not in table.stdout
    zh = demo_cli("--lang", "zh", "history", REF, "-i", "建设筹集", env={"COLUMNS": "200"})
    assert f"已更正（批次{second['batch_id']}）" in zh.stdout
    # an undo is said as before, by its batch
    done(demo_cli("undo"))
    undone = demo_cli("history", REF, "-i", "建设筹集", "--format", "json")
    batch = json.loads(demo_cli("batches", "--format", "json", "--limit", "1").stdout)[0]["id"]
    assert [(e["state"], e["retracted_by"]) for e in json.loads(undone.stdout)] == [("current", None), ("retracted", batch)]
    table = demo_cli("history", REF, "-i", "建设筹集", env={"COLUMNS": "200"})
    assert f"retracted (batch {batch})" in table.stdout and "corrected" not in table.stdout


# --- F12: an expected that is the target reads as the target -------------------------------------------------------

def test_expected_at_the_target_reads_as_the_target_on_its_row(cli, tmp_path):
    plan = tmp_path / "d.toml"
    result = CliRunner().invoke(app, ["--lang", "en", "--db", str(cli.db), "import", "table",
                                      str(ROOT / "tests" / "data" / "tables" / "daxin-2024-shishi.xlsx"), "-p", "daxin-2024",
                                      "--year", "2024", "-o", str(plan)])
    assert result.exit_code == 0, result.output
    done(cli("import", "plan", str(plan)))
    rows = json.loads(cli("status", "-p", "daxin-2024", "--as-of", "2024-12-31", "--format", "json").stdout)
    row = next(row for row in rows if row["indicator"] == "硬装及软装")
    assert row["target"] == row["expected"] == 831.6
    table = cli("status", "-p", "daxin-2024", "--as-of", "2024-12-31", env={"COLUMNS": "200"})
    line = next(line for line in table.stdout.splitlines() if "硬装及软装" in line)
    assert line.count("831.6平方") == 2 and "832" not in line, line
    # a share of it worked out (pro-rata) keeps the target's one decimal: 831.6 × 181/365 = 412.4
    half = cli("status", "-p", "daxin-2024", "--as-of", "2024-06-30", "--rule", "pro-rata", env={"COLUMNS": "200"})
    line = next(line for line in half.stdout.splitlines() if "硬装及软装" in line)
    assert "831.6平方" in line and "412.4平方" in line, line
    # the weekly report's behind list: expected as the target, and the gap to what was reported, 400.25 − 831.6
    done(cli("log", "daxin-2024/3", "400.25", "--as-of", "2024-12-31"))
    weekly = cli("report", "weekly", "-p", "daxin-2024", "--as-of", "2024-12-31", "-f", "md")
    assert weekly.exit_code == 0, weekly.output
    assert "| 硬装及软装 | （表中未列） | 831.6平方 | 831.6平方 | 400.25平方 | −431.35平方 |" in weekly.stdout, weekly.stdout


def test_a_worked_out_figure_keeps_its_rows_decimals_and_rounds_as_before_otherwise():
    from mstrack.domain.quantities import decimals, format_computed

    assert [decimals(v) for v in (831.6, 1500, 1500.0, 0.125, None)] == [1, 0, 0, 3, 0]
    assert format_computed(831.6, "平方", stored=(831.6, 831.6)) == "831.6平方"
    assert format_computed(831.6, "平方") == "832平方"  # without its row: whole past 100, as before
    assert format_computed(1487.58, "", stored=(2000, 2000)) == "1488"
    assert format_computed(74.594, "%", stored=(150, None)) == "74.59%"
    assert format_computed(-431.35, "平方", "en", stored=(831.6,)) == "-431.4平方"
