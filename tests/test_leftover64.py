"""leftover64: the last session's leftovers in the store and the CLI — `history --since/--until` keeps the period's
plan changes only; who logged a value in `history`; one sign for a negative change in `report diff`; a year-less
2月29日 in a leap programme; `db restore` over a damaged store; the shared signal helper."""

import json
from datetime import date, timedelta

import pytest

from .conftest import done, write_plan

PLAN = '[[tasks]]\ncode = "1"\ntitle = "t"\ndeadline = "2023-12-31"\n[[tasks.lines]]\nlead_units = ["甲局"]\n' \
       '[[tasks.lines.indicators]]\nname = "建设项目"\nunit = "个"\ntarget = {target}\n'


def _revised(cli, tmp_path) -> str:
    """A programme whose task 1's target a second plan import raised today (100 → 120), with one value logged."""
    path = tmp_path / "p.toml"
    for target in (100, 120):
        write_plan(path, PLAN.format(target=target))
        done(cli("import", "plan", str(path)))
    done(cli("log", "x-2023/1", "10", "--as-of", "2023-05-01", "--by", "张三"))
    return "x-2023/1"


# --- 1: history's period is the period of its plan changes too ------------------------------------------------------

def test_history_with_a_period_lists_only_the_plan_changes_made_in_it(cli, tmp_path):
    ref = _revised(cli, tmp_path)
    today, day = date.today(), timedelta(days=1)
    wide = {"COLUMNS": "200"}
    whole = cli("history", ref, env=wide)
    done(whole)
    assert "100个 → 120个" in whole.stdout and "No plan changes in that period" not in whole.stdout
    inside = cli("history", ref, "--since", str(today), env=wide)
    done(inside)
    assert "100个 → 120个" in inside.stdout and "No plan changes in that period" not in inside.stdout
    for period in (["--until", str(today - day)], ["--since", str(today + day)]):
        before = cli("history", ref, *period, env=wide)
        done(before)
        assert "100个 → 120个" not in before.stdout, before.stdout
        assert "No plan changes in that period" in before.stdout and "No report entered in that period" in before.stdout
        listed = cli("history", ref, "-f", "json", *period)
        done(listed)
        assert json.loads(listed.stdout) == []
    chinese = cli("--lang", "zh", "history", ref, "--until", str(today - day))
    done(chinese)
    assert "该期间内没有计划变更" in chinese.stdout


# --- 2: who entered a value, in history ------------------------------------------------------------------------------

def test_history_says_who_entered_a_value_beside_the_reporter_a_by_named(cli, tmp_path):
    ref = _revised(cli, tmp_path)
    login = json.loads(cli("batches", "-f", "json").stdout)[0]["user"]
    assert login and login != "张三"
    listed = cli("history", ref, "-f", "json")
    done(listed)
    (entry,) = json.loads(listed.stdout)
    assert entry["reporter"] == "张三" and entry["entered_by"] == login
    assert {"report_id", "reporter", "entered_at", "batch_id", "reporting_unit", "superseded_by_batch"} <= set(entry)
    shown = cli("history", ref, env={"COLUMNS": "200"})
    done(shown)
    row = next(line for line in shown.stdout.splitlines() if "2023-05-01" in line)
    assert "张三" in row and f" {login} " in row and "Entered by" in shown.stdout
    chinese = cli("--lang", "zh", "history", ref, env={"COLUMNS": "200"})
    done(chinese)
    assert "录入人" in chinese.stdout


def test_history_of_a_value_whose_batch_kept_no_login_says_none(cli, tmp_path):
    ref = _revised(cli, tmp_path)
    login = json.loads(cli("batches", "-f", "json").stdout)[0]["user"]
    from sqlalchemy import create_engine, text

    engine = create_engine(cli.url)
    with engine.begin() as connection:
        connection.execute(text('UPDATE batch SET "user" = NULL'))  # as a store written by hand may hold it
    engine.dispose()
    listed = cli("history", ref, "-f", "json")
    done(listed)
    assert [entry["entered_by"] for entry in json.loads(listed.stdout)] == [None]
    shown = cli("history", ref, env={"COLUMNS": "200"})
    done(shown)
    row = next(line for line in shown.stdout.splitlines() if "2023-05-01" in line)
    assert "张三" in row and f" {login} " not in row


# --- 3: one sign for a negative difference ----------------------------------------------------------------------------

def test_report_diff_writes_a_negative_gap_with_the_sign_the_report_prints(cli, tmp_path):
    write_plan(tmp_path / "p.toml", PLAN.format(target=100))
    done(cli("import", "plan", str(tmp_path / "p.toml")))
    done(cli("log", "x-2023/1", "20", "--as-of", "2023-06-01"))
    wide = {"COLUMNS": "200"}
    sent = cli("report", "weekly", "--as-of", "2023-07-01", "--rule", "pro-rata", "--freeze", env=wide)
    done(sent)
    assert "\u221230个" in sent.stdout and "-30个" not in sent.stdout
    done(cli("log", "x-2023/1", "25", "--as-of", "2023-06-01", "--reason", "更正"))
    for lang, gap in (("en", "Gap"), ("zh", "差距")):
        compared = cli("--lang", lang, "report", "diff", env=wide)
        assert compared.exit_code == 1, compared.output
        line = next(line for line in compared.stdout.splitlines() if gap in line)
        assert line.endswith(f"{gap} \u221230个 → \u221225个"), line
    kept = cli("report", "diff", "-f", "json")
    assert kept.exit_code == 1
    (change,) = [change for change in json.loads(kept.stdout)["changes"] if change["path"].endswith(".gap")]
    assert (change["sent"], change["now"]) == (-30, -25)  # JSON keeps the numbers


# --- 4: a year-less 2月29日 ----------------------------------------------------------------------------------------------

def _programme(cli, tmp_path, year: int) -> str:
    code = f"leap-{year}"
    body = PLAN.format(target=100).replace("2023-12-31", f"{year}-12-31")
    path = write_plan(tmp_path / f"p{year}.toml", body, code=code)
    path.write_text(path.read_text(encoding="utf-8").replace("year = 2023", f"year = {year}"), encoding="utf-8")
    done(cli("import", "plan", str(path)))
    return code


def test_import_progress_as_of_february_29_is_read_in_a_leap_programmes_year(cli, tmp_path):
    from .conftest import refused

    leap, plain = _programme(cli, tmp_path, 2024), _programme(cli, tmp_path, 2023)
    rows = tmp_path / "r.csv"
    rows.write_text(f"计划,任务编号,指标,数值\n{leap},1,建设项目,20\n", encoding="utf-8")
    done(cli("import", "progress", str(rows), "--as-of", "2月29日"))
    listed = cli("history", f"{leap}/1", "-f", "json")
    assert [(row["as_of"], row["value"]) for row in json.loads(listed.stdout)] == [("2024-02-29", 20)]
    rows.write_text(f"计划,任务编号,指标,数值\n{plain},1,建设项目,20\n", encoding="utf-8")
    refused(cli("import", "progress", str(rows), "--as-of", "2月29日"), "--as-of 2月29日", "2023-02-29 does not exist")
    refused(cli("import", "progress", str(rows), "--as-of", "2月30日"), "--as-of", "-02-30 does not exist")
    assert json.loads(cli("history", f"{plain}/1", "-f", "json").stdout) == []


def test_a_title_of_february_29_over_a_plain_years_rows_is_refused_not_a_traceback(cli, tmp_path):
    from .conftest import refused

    plain = _programme(cli, tmp_path, 2023)
    rows = tmp_path / "r.csv"
    rows.write_text(f"进度报送表（截至2月29日）\n计划,任务编号,指标,数值\n{plain},1,建设项目,21\n", encoding="utf-8")
    refused(cli("import", "progress", str(rows)), "its title says", "2023-02-29 does not exist", "give --as-of")
    rows.write_text(f"进度报送表（截至2023年3月1日）\n计划,任务编号,指标,数值\n{plain},1,建设项目,21\n", encoding="utf-8")
    said = refused(cli("import", "progress", str(rows), "--as-of", "2月29日"), "2023-02-29 does not exist")
    assert "but --as-of 2月29日 was given" in said
    assert json.loads(cli("history", f"{plain}/1", "-f", "json").stdout) == []


def test_report_day_reads_february_29_in_the_year_of_a_school_years_window_it_is_a_day_of():
    from mstrack.domain.dates import DateError, ReportWindow, parse_date, report_day

    school = ReportWindow.of(2023, date(2023, 9, 1), date(2024, 8, 31))
    read = lambda year: parse_date("2月29日", year)  # noqa: E731
    assert report_day(read, school, date(2024, 3, 10), "2月29日") == date(2024, 2, 29)
    assert report_day(read, school, date(2024, 1, 10), "2月29日") == date(2024, 2, 29)  # the future's to refuse
    with pytest.raises(DateError, match="2023-02-29 does not exist"):
        report_day(read, ReportWindow.of(2023), date(2024, 3, 10), "2月29日")


# --- 5: db restore over a damaged store ------------------------------------------------------------------------------

def _damaged_with_backup(cli, tmp_path):
    from pathlib import Path

    from .test_restore63 import backup_of, damage, digest

    db = Path(cli.db)
    backup, reports = backup_of(cli, tmp_path)
    damage(db, "truncated")
    return db, backup, reports, digest(db)


@pytest.mark.sqlite_only
def test_a_restore_lists_only_the_companions_there_before_it_not_those_its_own_check_made(demo_cli, tmp_path):
    from pathlib import Path

    from .test_db_restore import count, integrity
    from .test_restore63 import aside, digest

    db, backup, reports, damaged = _damaged_with_backup(demo_cli, tmp_path)
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()
    result = demo_cli("db", "restore", str(backup))
    done(result)
    (kept,) = aside(db)  # the damaged file alone: the check's own empty -wal and -shm are no part of it
    assert digest(kept) == damaged and count(db) == reports and integrity(db) == "ok"
    assert "-wal" not in result.stdout and "-shm" not in result.stdout and str(kept) in result.stdout, result.stdout


@pytest.mark.sqlite_only
def test_a_restore_still_keeps_a_wal_that_was_there_before_it(demo_cli, tmp_path):
    from pathlib import Path

    from .test_restore63 import aside

    db, backup, _, _ = _damaged_with_backup(demo_cli, tmp_path)
    Path(f"{db}-wal").write_bytes(b"frames")
    result = demo_cli("db", "restore", str(backup))
    done(result)
    kept = aside(db)
    assert [path.name for path in kept] == [kept[0].name, f"{kept[0].name}-wal"], kept  # the -shm the check made: gone
    assert Path(f"{kept[0]}-wal").read_bytes() == b"frames" and f"{kept[0]}-wal" in result.stdout


@pytest.mark.sqlite_only
def test_a_ctrl_c_between_the_summary_and_the_rename_is_held_and_the_restore_ends_exit_0(demo_cli, tmp_path, monkeypatch):
    import os
    import signal

    from .test_db_restore import count, integrity
    from .test_restore63 import aside, digest

    db, backup, reports, damaged = _damaged_with_backup(demo_cli, tmp_path)
    replace = os.replace

    def interrupted(source, target):
        os.kill(os.getpid(), signal.SIGINT)  # after the summary, before the rename
        replace(source, target)

    monkeypatch.setattr("mstrack.render.outputs.os.replace", interrupted)
    try:
        result = demo_cli("db", "restore", str(backup))
    except KeyboardInterrupt:
        pytest.fail("the Ctrl-C after the summary was let in: the restore said done and was not")
    done(result)
    (kept,) = aside(db)
    assert digest(kept) == damaged and count(db) == reports and integrity(db) == "ok"
    assert str(kept) in result.stdout
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, set())  # let in again at the command's end


# --- 6: one loop for the handlers of SIGTERM and SIGHUP ---------------------------------------------------------------

def test_while_default_sets_a_handler_only_where_the_action_is_the_default_and_puts_it_back():
    import signal

    from mstrack.signals import STOPPING, while_default

    def handler(number, frame):
        raise AssertionError("never called here")

    before = {name: signal.getsignal(getattr(signal, name)) for name in STOPPING}
    signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as under nohup
    try:
        with while_default(handler):
            assert signal.getsignal(signal.SIGTERM) is handler
            assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN  # ignored: stays so
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL and signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
    finally:
        for name, action in before.items():
            signal.signal(getattr(signal, name), action)


def test_the_command_line_and_the_store_set_their_handlers_by_the_one_loop():
    import inspect

    from mstrack.cli import failures
    from mstrack.store import interrupts, sqlite_file

    for function in (failures.stopped_as_interrupts, sqlite_file._removed_on_signals):
        source = inspect.getsource(function)
        assert "while_default" in source and "getsignal" not in source, function
    assert not hasattr(failures, "STOPPING") and '"SIGTERM", "SIGHUP"' not in inspect.getsource(interrupts)


def test_a_read_loads_the_signal_helper_and_never_the_stores_interrupts(demo_cli):
    from .conftest import run_apart

    if "://" in str(demo_cli.db):
        pytest.skip("a file's command line")
    exit_code, _, modules = run_apart(["--db", str(demo_cli.db), "status", "--as-of", "2023-07-01"])
    assert exit_code == 0
    assert "mstrack.signals" in modules and "mstrack.store.interrupts" not in modules
