"""The docs and help as written (fix50b, from trial50 T5 and T10): an unknown programme said in one wording, naming
the demo's store when it holds it; a weekly report or notices of a store with no programme refused, not an all-clear."""

import os
from pathlib import Path

import pytest

from .conftest import done


def run(*args: str, env: dict | None = None):
    from typer.testing import CliRunner

    from mstrack.cli import app

    return CliRunner().invoke(app, ["--lang", "en", *args], env=env, catch_exceptions=False)


# --- T10 (h): one refusal, one wording ---------------------------------------------------------------------------

KNOWN = "known: dongguan-2023, qingdao-2023, shenzhen-2023, shenzhen-2023-report, yantian-2023"


@pytest.mark.parametrize("command", [
    ["status", "-p", "nosuch"], ["units", "-p", "nosuch"], ["lights", "-p", "nosuch"],
    ["report", "weekly", "-p", "nosuch"], ["report", "half-year", "-p", "nosuch"],
    ["report", "notice", "-p", "nosuch", "--each-unit", "-o", "out"], ["show", "nosuch/1"], ["export", "plan", "nosuch"],
])
def test_an_unknown_programme_is_said_in_the_same_words_by_every_command(demo_cli, command):
    """`status -p nosuch` said "no programme 'nosuch'; known: …", `units/lights/report -p nosuch` "--programme 'nosuch':
    no such programme; known: …": two wordings of one refusal. Now one, made in one place (errors.unknown_programme)."""
    result = demo_cli(*command)
    assert result.exit_code == 2
    assert result.stderr == f"mstrack: error: no programme 'nosuch'; {KNOWN}\n", result.stderr
    near = demo_cli(*[("yantian" if word == "nosuch" else word.replace("nosuch/", "yantian/")) for word in command])
    assert near.exit_code == 2 and near.stderr == "mstrack: error: no programme 'yantian'; did you mean: yantian-2023\n"


# --- T5: where the samples are -----------------------------------------------------------------------------------

@pytest.mark.sqlite_only  # the default store and the demo's, in the user's data directory
def test_an_unknown_programme_the_demos_store_holds_names_that_store(monkeypatch):
    """After `mstrack demo` (no --db: its own store), `status -p yantian-2023` named only the empty default store;
    now the error says where the samples are and the --db that reads them. Not for a code the samples lack, nor on
    the demo's store itself."""
    monkeypatch.delenv("MSTRACK_DB", raising=False)
    data = Path(os.environ["XDG_DATA_HOME"]) / "mstrack"
    done(run("demo"))
    demo = data / "mstrack-demo.db"
    said = f"; the samples are in {demo}, where `mstrack demo` loads them: mstrack --db {demo} …\n"
    if str(demo).startswith(str(Path.home()) + "/"):  # as the demo's next steps type it
        shown = "~/" + demo.relative_to(Path.home()).as_posix()
        said = f"; the samples are in {shown}, where `mstrack demo` loads them: mstrack --db {shown} …\n"
    no_store = run("status", "-p", "yantian-2023")  # no default store yet
    assert no_store.exit_code == 2 and no_store.stderr.endswith(said), no_store.stderr
    assert "no mstrack data here yet" in no_store.stderr and "a store of their own" not in no_store.stderr  # once
    done(run("init"))
    for command in (["status", "-p", "yantian-2023"], ["show", "yantian-2023/19"], ["report", "weekly", "-p", "yantian-2023"]):
        result = run(*command)
        assert result.exit_code == 2, command
        assert result.stderr.startswith("mstrack: error: no programme 'yantian-2023'; ") and result.stderr.endswith(said), (
            command, result.stderr)
    other = run("status", "-p", "nosuch")
    assert other.exit_code == 2 and "samples" not in other.stderr
    on_demo = run("--db", str(demo), "status", "-p", "nosuch")
    assert on_demo.exit_code == 2 and "samples" not in on_demo.stderr and KNOWN in on_demo.stderr
    assert sorted(path.name for path in data.glob("*.db") if path.name.startswith("mstrack")) == ["mstrack-demo.db", "mstrack.db"]
    zh = run("--lang", "zh", "status", "-p", "yantian-2023")
    assert "；示例数据在 " in zh.stderr and "samples" not in zh.stderr, zh.stderr


# --- T5: a weekly job pointed at an empty store ---------------------------------------------------------------------

def test_a_weekly_report_or_notices_of_a_store_with_no_programme_are_refused(cli, tmp_path):
    """`report weekly --freeze` on an initialised store with no programme printed and froze an all-clear ("共0项任务：0项
    滞后 … 没有滞后事项"), exit 0; `report notice --each-unit` wrote "0 notices". Now both are refused naming the store,
    exit 2, nothing frozen or written, as `status` there says the store holds no programme."""
    done(cli("init"))
    for command in (["report", "weekly", "--as-of", "2023-07-01", "--freeze"],
                    ["report", "weekly", "--format", "html", "-o", str(tmp_path / "通报.html"), "--freeze"],
                    ["report", "notice", "--as-of", "2023-07-01", "--each-unit", "-o", str(tmp_path / "督办")]):
        result = cli(*command)
        assert result.exit_code == 2, (command, result.output)
        assert result.stdout == ""
        assert result.stderr.startswith("mstrack: error: no programmes in ") and "so no report is made" in result.stderr
    assert cli.sql("SELECT count(*) FROM report_snapshot") == [(0,)]
    assert not (tmp_path / "通报.html").exists() and not (tmp_path / "督办").exists()


# --- T10 (a), (e) -----------------------------------------------------------------------------------------------

def test_the_bad_rows_of_a_return_are_listed_in_row_order(demo_cli, tmp_path):
    """`import progress` listed a sheet's bad rows by the check that found them (7, 12, 9: a task's name is looked up
    once the file is read); docs/import.md shows them, and a clerk fixes a sheet, top down."""
    import openpyxl

    sheet = tmp_path / "六月报送.xlsx"
    done(demo_cli("export", "template", "shenzhen-2023", "-o", str(sheet), "--as-of", "2023-06-30"))
    book = openpyxl.load_workbook(sheet)
    rows = book.active
    header = {rows.cell(1, column).value: column for column in range(1, rows.max_column + 1)}
    rows.cell(7, header["数值"]).value = "很多"
    rows.cell(9, header["任务编号"]).value = "99"
    rows.cell(9, header["数值"]).value = 5
    rows.cell(12, header["截至日期"]).value = "2023-02-30"
    rows.cell(12, header["数值"]).value = 5
    book.save(sheet)
    result = demo_cli("import", "progress", str(sheet))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert [line.split(":")[1] for line in lines[:-1]] == ["7", "9", "12"], lines
    assert lines[-1] == "mstrack: error: 3 problems; nothing was written"


def test_a_docx_report_without_a_file_is_said_with_the_right_article(demo_cli):
    result = demo_cli("report", "half-year", "-p", "yantian-2023", "--format", "docx")
    assert result.exit_code == 2
    assert result.stderr == "mstrack: error: --output: a report in .docx is written to a file; add -o FILE.docx\n"
