"""fix49a: a batch number never means two writes (safety49 F4c, F5g), and what an undo of a plan import says it does
(F4b, F4d; newcomer49 N13)."""

import re
from pathlib import Path

import pytest

from .test_safe_store import execute

LOG = ("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30")


def batch_of(output: str) -> int:
    return int(re.search(r"\(batch (\d+)", output).group(1))


def test_a_deleted_batch_rows_number_is_not_given_again(demo_cli):
    """F5g: SQLite numbered a new batch past the highest row there: a batch row deleted at the top (by hand) gave its
    number to the next write, and whatever named it then named another write."""
    result = demo_cli(*LOG)
    assert result.exit_code == 0, result.output
    deleted = batch_of(result.output)
    execute(demo_cli.url, f"DELETE FROM report WHERE batch_id = {deleted}", f"DELETE FROM batch WHERE id = {deleted}")
    result = demo_cli("log", "shenzhen-2023/5", "3万", "-i", "建设", "--as-of", "2023-07-31")
    assert result.exit_code == 0, result.output
    assert batch_of(result.output) == deleted + 1
    assert demo_cli.sql("SELECT max(id) FROM batch") == [(deleted + 1,)]


@pytest.mark.sqlite_only
def test_batch_numbers_keep_rising_across_a_restore_and_an_undo_of_one_it_took_says_so(demo_cli, tmp_path):
    """F4c: after `db restore` the numbers of the batches made since the backup were given again: an `undo 3` noted
    before the restore undid another unit's report, exit 0."""
    backup = tmp_path / "before.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    result = demo_cli(*LOG)  # the typo, noted as "undo N"
    assert result.exit_code == 0, result.output
    noted = batch_of(result.output)
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert (f"batch {noted}, made after this backup, is gone with it; this restore is recorded as batch {noted + 1}"
            in said), said
    assert demo_cli.sql(f"SELECT command, source FROM batch WHERE id = {noted + 1}") == [("db restore", str(backup))]
    result = demo_cli("log", "shenzhen-2023/5", "3万", "-i", "建设", "--as-of", "2023-07-31")
    assert result.exit_code == 0, result.output
    assert batch_of(result.output) == noted + 2
    reports = demo_cli.sql("SELECT count(*) FROM report_retraction")
    result = demo_cli("undo", str(noted), "--reason", "the typo")
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert f"batch {noted} was made after the backup that batch {noted + 1} (db restore by" in said, said
    assert "nothing was undone" in said
    result = demo_cli("undo", str(noted + 1))
    assert result.exit_code == 2, result.output
    assert "records a `db restore`" in " ".join(result.output.split())
    assert demo_cli.sql("SELECT count(*) FROM report_retraction") == reports
    assert demo_cli.sql("SELECT max(id) FROM batch") == [(noted + 2,)]
    assert demo_cli("db", "check").exit_code == 0


@pytest.mark.sqlite_only
def test_a_restore_over_no_later_batch_records_nothing(demo_cli, tmp_path):
    """A backup that holds every batch the database gave: put back as it is, no batch recorded."""
    backup = tmp_path / "now.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    batches = demo_cli.sql("SELECT id, command FROM batch ORDER BY id")
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0, result.output
    assert "made after this backup" not in result.output
    assert demo_cli.sql("SELECT id, command FROM batch ORDER BY id") == batches
    assert Path(backup).exists()


def plan(tmp_path: Path, name: str, beds: int = 300, half: int = 150, parking: bool = False) -> str:
    """A one-task plan (病床), with a second task (停车位) when `parking`."""
    tasks = [("1", "新增病床", "市卫健委", "病床", "张", beds, half)]
    if parking:
        tasks.append(("2", "新增停车位", "市交通局", "停车位", "个", 5000, 2500))
    text = 'format = 1\n\n[programme]\ncode = "t-2026"\nname = "测试民生实事"\nyear = 2026\n'
    for code, title, unit, indicator, measure, target, mid in tasks:
        text += (f'\n[[tasks]]\ncode = "{code}"\ntitle = "{title}"\ndeadline = "2026-12-31"\n\n[[tasks.lines]]\n'
                 f'lead_units = ["{unit}"]\nunits = ["{unit}"]\n\n[[tasks.lines.indicators]]\nname = "{indicator}"\n'
                 f'unit = "{measure}"\ntarget = {target}\ntext = "{indicator}{target}{measure}"\nmilestones = ['
                 f'{{ due = "2026-06-30", target = {mid} }}, {{ due = "2026-12-31", target = {target} }}]\n')
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def said(result) -> str:
    return " ".join(result.output.split())


def test_an_undo_of_a_revision_names_what_it_changes_under_reports(cli, tmp_path):
    """F4b: the undo said only "t-2026 put back as it was" while the task went from 65 % of 400 to 86.7 % of 300;
    `import plan` of the same old plan names the change."""
    assert cli("import", "plan", plan(tmp_path, "p1.toml")).exit_code == 0
    assert cli("import", "plan", plan(tmp_path, "p2.toml", beds=400, half=200)).exit_code == 0  # batch 2
    assert cli("log", "t-2026/1", "260", "--as-of", "2026-07-31").exit_code == 0
    result = cli("undo", "2")
    assert result.exit_code == 0, result.output
    assert "t-2026 put back as it was before batch 2" in said(result)
    assert "task t-2026/1: indicator 病床 (1 report): target 400张 → 300张" in said(result), said(result)
    assert ("milestones 2026-06-30 200张, 2026-12-31 400张 → 2026-06-30 150张, 2026-12-31 300张" in said(result))
    assert cli.sql("SELECT target FROM indicator") == [(300.0,)]


def test_an_undo_refused_over_a_report_on_a_task_the_revision_added_names_the_batch_to_undo_first(cli, tmp_path):
    """F4d: "the new plan drops or changes what reports hang on" though no new plan was given, and no way forward."""
    assert cli("import", "plan", plan(tmp_path, "p1.toml")).exit_code == 0
    assert cli("import", "plan", plan(tmp_path, "p2.toml", parking=True)).exit_code == 0  # batch 2 adds task 2
    assert cli("log", "t-2026/2", "2600", "--as-of", "2026-07-31", "--by", "交通局").exit_code == 0  # batch 3
    result = cli("undo", "2")
    assert result.exit_code == 2, result.output
    words = said(result)
    assert "undoing batch 2 would drop or change what reports hang on; nothing was written" in words, words
    assert "new plan" not in words
    assert "t-2026/2 line 1 (市交通局) indicator '停车位' has 1 report" in words
    assert re.search(r"that report was entered by: batch 3 \(log by [^)]*\): 1 report", words), words
    assert "undo that batch first (`mstrack undo 3`), then batch 2; or keep batch 2" in words
    assert cli.sql("SELECT count(*) FROM batch") == [(3,)]
    assert cli("undo", "3").exit_code == 0
    result = cli("undo", "2")
    assert result.exit_code == 0, result.output
    assert "task t-2026/2 removed: 新增停车位" in said(result)


def test_an_undo_of_a_first_import_says_the_programme_is_removed_and_the_help_says_what_is_deleted(cli, tmp_path):
    """N13: `undo --help` said "nothing is deleted"; an undo of a programme's first import said it was "put back as it
    was", and, refused while a report stood on it, named no batch to undo first."""
    assert cli("import", "plan", plan(tmp_path, "p1.toml")).exit_code == 0
    assert cli("log", "t-2026/1", "100", "--as-of", "2026-07-31").exit_code == 0  # batch 2
    result = cli("undo", "1")
    assert result.exit_code == 2, result.output
    assert "undo that batch first (`mstrack undo 2`), then batch 1" in said(result), said(result)
    assert cli("undo", "2").exit_code == 0
    result = cli("undo", "1")
    assert result.exit_code == 0, result.output
    undo = re.search(r"batch (\d+) undoes batch 1 ", said(result)).group(1)  # PostgreSQL: the refused one took a number
    assert f"t-2026 removed, with its undone reports (`mstrack undo {undo}` brings it back" in said(result), said(result)
    assert "put back as it was" not in said(result)
    assert cli.sql("SELECT count(*) FROM programme") == [(0,)]
    result = cli("undo")  # a bare one after that undo: one sentence, the way forward after it
    assert result.exit_code == 2, result.output
    assert (f"would put batch 1 back, so nothing was undone; no batch before it is left to undo, and `mstrack undo {undo}` "
            "puts batch 1 back") in said(result), said(result)
    help_text = said(cli("undo", "--help"))
    assert "nothing is deleted" not in help_text
    assert "a programme's first import is removed, with its undone reports: they are deleted" in help_text
