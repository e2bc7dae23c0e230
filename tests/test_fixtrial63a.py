"""The trial63 findings on writes, stores and messages (fixtrial63a): each test failed before its fix."""

import pytest

from .conftest import BACKEND, done, plan_task, plan_tasks, refused, write_plan

# F2 ------------------------------------------------------------------------------------------------------------------

@pytest.mark.skipif(BACKEND != "sqlite", reason="files beside an SQLite store")
@pytest.mark.parametrize("value", ["", " "])
def test_an_empty_or_blank_target_is_refused_naming_it(cli, tmp_path, monkeypatch, value):
    """`db copy --to ''` filled the default store (a script's unset variable); ' ' made a file named " "."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("MSTRACK_DB", raising=False)
    done(cli("init"))
    before = {path.name for path in tmp_path.iterdir()}
    refused(cli("db", "copy", "--to", value), "--to: empty")
    refused(cli("db", "backup", value), "TARGET: empty")
    refused(cli("db", "restore", value), "BACKUP: empty")
    refused(cli("report", "weekly", "-o", value), "empty; give a file name")
    assert {path.name for path in tmp_path.iterdir()} <= before  # no file named " ", no default store


# F10 -----------------------------------------------------------------------------------------------------------------

def test_a_refused_imports_warnings_never_say_a_value_was_stored(cli, tmp_path):
    """A figure far above its target, an approximate one, one read as a percent: warned while the file is read; a
    refused file's warnings said "stored" beside "nothing was written"."""
    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", plan_tasks(
        plan_task("1", "泵站", "甲局", "泵站", "座", 4), plan_task("2", "覆盖", "甲局", "覆盖率", "%", 90))))))
    sheet = tmp_path / "r.csv"
    sheet.write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,泵站,2023-07-07,20\nx-2023,1,泵站,2023-07-08,约21\n"
                     "x-2023,2,覆盖率,2023-07-07,0.85\nx-2023,1,泵站,2023-07-09,2.5\n", encoding="utf-8")
    stderr = refused(cli("import", "progress", str(sheet)), "nothing was written")
    warnings = [line for line in stderr.splitlines() if "warning" in line]
    assert any("times its annual target" in line for line in warnings), stderr
    assert "stored" not in stderr, stderr
    assert cli.sql("select count(*) from report where value = 20") == [(0,)]


# F5 ------------------------------------------------------------------------------------------------------------------

@pytest.mark.skipif(BACKEND != "sqlite", reason="an SQLite file that cannot be written")
@pytest.mark.parametrize("kind", [["weekly"], ["annual", "-p", "yantian-2023"]])
def test_a_freeze_into_a_store_that_cannot_be_written_is_refused_before_the_report(demo_cli, tmp_path, monkeypatch, kind):
    """A read-only store: `--freeze -o FILE` said "weekly report → FILE" (not there), then "nothing was written"."""
    from mstrack.errors import Message
    from mstrack.reports import make
    from mstrack.store import connections

    monkeypatch.setattr(connections, "unwritable", lambda path: Message("it is on a read-only mount"))

    def not_made(store, params):
        raise AssertionError("the report was made before the store was found read-only")

    monkeypatch.setattr(make, "make_report", not_made)
    out = tmp_path / "w.md"
    said = refused(demo_cli("report", *kind, "--as-of", "2023-07-01", "--freeze", "-f", "md", "-o", str(out)),
                   "cannot be written: it is on a read-only mount")
    assert "→" not in said and not out.exists()


# F6 ------------------------------------------------------------------------------------------------------------------

@pytest.mark.skipif(BACKEND != "sqlite", reason="an SQLite file cut short")
def test_a_store_cut_short_is_said_damaged_with_what_to_do_and_db_check_finds_it(demo_cli):
    """Every command said only "database disk image is malformed" (exit 2), `db check` too: no word of what to do."""
    path = demo_cli.db
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)
    for command in (["status"], ["batches"], ["log", "yantian-2023/1", "5", "--as-of", "2023-07-01"]):
        refused(demo_cli(*command), "damaged", "database disk image is malformed", "mstrack db restore")
    result = demo_cli("db", "check")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "database disk image is malformed" in result.stdout and "mstrack db restore" in result.stdout, result.stdout
    assert "error" not in result.stderr, result.stderr


# F9 ------------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_write_stopped_by_sigterm_says_so_and_keeps_nothing(demo_cli, monkeypatch, name):
    """`timeout`, `systemctl stop`, a closed terminal: the write rolled back, exit 143, and not a word on stderr."""
    import os
    import signal

    from mstrack.store import writes

    number = getattr(signal, name)
    before = demo_cli.sql("select count(*) from report")

    def stopped(confirm, result):
        os.kill(os.getpid(), number)
        confirm(result)

    monkeypatch.setattr(writes, "confirm_before_commit", stopped)
    result = demo_cli("log", "yantian-2023/19", "5", "-i", "送教上门人次", "--as-of", "2023-07-01")
    assert result.exit_code == 128 + number, result.output
    assert f"mstrack: stopped by {name}: nothing of what this command was writing was kept" in result.stderr
    assert demo_cli.sql("select count(*) from report") == before
    assert signal.getsignal(number) is signal.SIG_DFL  # as it was before the command


# F3 ------------------------------------------------------------------------------------------------------------------

def test_batches_says_a_number_skipped_was_given_to_a_write_that_kept_nothing(cli, tmp_path):
    """An import rerun (all rows there already) took a number and kept no batch: `batches` listed 3, 1 and no word of 2:
    "who deleted batch 2?" is an audit's first question."""
    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", plan_tasks(plan_task("1", "泵站", "甲局", "泵站", "座", 4))))))
    sheet = tmp_path / "r.csv"
    sheet.write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,泵站,2023-07-07,2\n", encoding="utf-8")
    done(cli("import", "progress", str(sheet)))
    done(cli("import", "progress", str(sheet)))  # nothing new: no batch kept
    done(cli("log", "x-2023/1", "3", "--as-of", "2023-07-08"))
    ids = [row[0] for row in cli.sql("select id from batch order by id")]
    assert ids == [1, 2, 4], ids
    result = cli("batches")
    done(result)
    assert "3 was given to a write that kept nothing" in result.stderr, result.stderr
    assert "3" not in result.stdout.split("Batch")[0]
    result = cli("batches", "-f", "json")
    done(result)
    assert "kept nothing" not in result.stdout


# F14 -----------------------------------------------------------------------------------------------------------------

def test_a_notice_to_no_such_unit_says_so_before_asking_for_its_file(demo_cli, tmp_path):
    """`report notice --unit 无此局` complained of -o first: two runs to learn the unit's name was wrong."""
    said = refused(demo_cli("report", "notice", "--unit", "无此局"), "--unit '无此局': no such unit")
    assert "--output" not in said
    refused(demo_cli("report", "notice", "--unit", "区教育局"), "add -o FILE.docx")  # a unit there: -o asked for
    refused(demo_cli("report", "notice", "--unit", "区教育局", "-o", str(demo_cli.db)), "--output")  # never the store
